"""The plugin speaks QGIS's language: the translation QGIS's locale asks for is installed at start and
removed on unload, every text passed to tr() has a translation in each shipped language (German, Spanish),
and numbers follow the locale."""

import os

import pytest

pytestmark = pytest.mark.qgis


@pytest.fixture
def locale_settings(qgis_app):
    from qgis.core import QgsSettings

    settings = QgsSettings()
    saved = {k: settings.value(k) for k in ("locale/overrideFlag", "locale/userLocale")}
    yield settings
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_the_locale_is_qgis_s_override_else_the_system_s(locale_settings):
    from qgis.PyQt.QtCore import QLocale

    from caim_qgis_plugin.i18n import qgis_locale

    locale_settings.setValue("locale/userLocale", "de_DE")
    locale_settings.setValue("locale/overrideFlag", False)
    assert qgis_locale() == QLocale().name()
    locale_settings.setValue("locale/overrideFlag", True)
    assert qgis_locale() == "de_DE"
    locale_settings.setValue("locale/userLocale", "pt-BR")
    assert qgis_locale() == "pt_BR"


def test_the_locale_is_the_translation_qgis_loaded(locale_settings, qgis_app):
    """``qgis --lang de`` sets QGIS's translation only: the override stays off and QLocale the system's
    (measured in the desktop: translation 'de', QLocale 'C', overrideFlag unset), so the plugin stayed
    English in a German QGIS.  QGIS's own translation comes first."""
    from qgis.core import QgsApplication

    from caim_qgis_plugin.i18n import qgis_locale, translation_file

    saved = QgsApplication.instance().translation()
    locale_settings.setValue("locale/overrideFlag", False)
    try:
        QgsApplication.setTranslation("de")
        assert qgis_locale() == "de" and translation_file(qgis_locale()).endswith("caim_de.qm")
        QgsApplication.setTranslation("fr_FR")
        assert qgis_locale() == "fr_FR" and translation_file(qgis_locale()) is None
    finally:
        QgsApplication.setTranslation(saved)


def test_the_country_s_file_first_then_the_language_s(tmp_path):
    from caim_qgis_plugin.i18n import translation_file

    (tmp_path / "caim_de.qm").write_bytes(b"")
    assert translation_file("de_AT", str(tmp_path)) == str(tmp_path / "caim_de.qm")
    (tmp_path / "caim_de_AT.qm").write_bytes(b"")
    assert translation_file("de_AT", str(tmp_path)) == str(tmp_path / "caim_de_AT.qm")
    assert translation_file("fr_FR", str(tmp_path)) is None
    assert translation_file("", str(tmp_path)) is None


def test_no_translation_for_the_locale_installs_nothing_and_the_plugin_starts(locale_settings):
    import types

    from caim_qgis_plugin.i18n import install_translator
    from caim_qgis_plugin.plugin import CaimPlugin

    assert install_translator("xx_YY") is None
    locale_settings.setValue("locale/overrideFlag", True)
    locale_settings.setValue("locale/userLocale", "xx_YY")
    plugin = CaimPlugin(types.SimpleNamespace())
    assert plugin.translator is None
    plugin.unload()


@pytest.fixture
def german_numbers(qgis_app):
    """QGIS's number format German (QGIS sets QLocale's default from its locale settings)."""
    from qgis.PyQt.QtCore import QLocale

    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.German, QLocale.Germany))
    yield
    QLocale.setDefault(saved)


def test_hectares_and_probabilities_follow_the_locale(german_numbers):
    import json

    from qgis.PyQt.QtCore import QLocale

    from caim_qgis_plugin.dialog import per_interval_lines, short_total

    results = {"HECTARES": json.dumps({"2019 to 2020": 1234.5, "2020 to 2021": 0.25})}
    assert short_total(results) == "Changed 1.234,75 ha over 2 intervals."
    assert per_interval_lines(results) == "  2019 to 2020: 1.234,50 ha\n  2020 to 2021: 0,25 ha"
    plain = QLocale(QLocale.German, QLocale.Germany)  # QGIS's default: no group separator
    plain.setNumberOptions(QLocale.OmitGroupSeparator)
    QLocale.setDefault(plain)
    assert short_total(results) == "Changed 1234,75 ha over 2 intervals."


def test_the_inspector_and_the_legends_write_german_numbers(german_numbers):
    from qgis.core import QgsPointXY

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import InspectDock

    dock = InspectDock()
    data = {"dates": ["2019", "2020", "2021"], "intervals": ["2019 to 2020", "2020 to 2021"], "moment": 1,
            "moment_text": "changed", "confidence": 0.876, "no_change_probability": 0.124,
            "change_probability": [0.75, 0.125], "series": [[1.5], [2.5], [3.5]], "band_names": ["Band 1"]}
    dock.show_result(data, QgsPointXY(1234.5, 10.0))
    assert "0,88" in dock.header.text() and "0,12" in dock.header.text()  # Confidence, P(no change)
    assert "x 1.234,50, y 10,00" in dock.header.text()
    assert dock.table.item(0, 1).text() == "0,750"
    assert lyr.run_name(["2019", "2020"], None, 0.25, 4000).endswith("(2 dates, sensitivity +0,25, patches >= 4.000 px)")
    renderer = lyr.confidence_renderer()  # kept: the shader belongs to it
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert [i.label for i in items] == ["0,00", "0,25", "0,50", "0,75", "1,00"]


@pytest.fixture
def number_format(locale_settings, qgis_app):
    """A function giving QGIS a translation (as ``qgis --lang`` does) and a number format (QLocale's default, as
    QGIS's main() sets it, with its group separator off unless ``groups``); all undone afterwards."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QLocale

    from model_core import i18n

    saved = QgsApplication.instance().translation(), QLocale()

    def switch(translation, locale, groups=False):
        locale_settings.setValue("locale/overrideFlag", False)
        QgsApplication.setTranslation(translation)
        locale = QLocale(locale)
        locale.setNumberOptions(QLocale.NumberOptions() if groups else QLocale.OmitGroupSeparator)
        QLocale.setDefault(locale)

    yield switch
    QgsApplication.setTranslation(saved[0])
    QLocale.setDefault(saved[1])
    i18n.set_language(None)
    i18n.set_number_marks(None)


@pytest.mark.parametrize("language", ["de", "es"])
def test_a_german_or_spanish_qgis_without_a_system_locale_writes_a_decimal_comma(number_format, project, language):
    """``qgis --lang de`` where the system has no locale (LANG=C: QLocale's default is Qt's "C" locale, measured
    in the desktop) showed "1.44 ha" in the dialog's status, tooltip and message bar and "Konfidenz: 1.00" in the
    inspector, beside the engine's "0,6 %" in the same status line: the plugin's numbers take the translation's
    locale there, and the engine's the same marks."""
    import json

    from model_core.i18n import _, number

    from caim_qgis_plugin.dialog import per_interval_lines, short_total
    from caim_qgis_plugin.i18n import engine_language, integer, number as plugin_number, signed, significant

    number_format(language, "C")
    results = {"HECTARES": json.dumps({"2019 to 2020": 236.89, "2020 to 2021": 1000.0})}
    assert short_total(results) == "Changed 1236,89 ha over 2 intervals."  # (no translator installed here)
    assert per_interval_lines(results) == "  2019 to 2020: 236,89 ha\n  2020 to 2021: 1000,00 ha"
    assert (plugin_number(0.5, 3), signed(0.25), significant(0.12345), integer(4000)) == ("0,500", "+0,25", "0,1235",
                                                                                        "4000")
    assert engine_language() == language
    engine = _("{ha:,.2f} ha").format(ha=number(1236.89))
    assert engine == plugin_number(1236.89) + " ha" == "1236,89 ha"
    from caim_qgis_plugin.dialog import CaimDialog

    dialog = CaimDialog(None)  # its Sensitivity field showed "0.00"
    try:
        dialog.sensitivity_spin.setValue(0.25)
        assert dialog.sensitivity_spin.text() == "0,25"
    finally:
        dialog.shutdown()
        dialog.deleteLater()
    number_format(language, "C", groups=True)  # QGIS's "Show group separator" on
    engine_language()
    assert _("{ha:,.2f} ha").format(ha=number(1236.89)) == plugin_number(1236.89) + " ha" == "1.236,89 ha"


def test_the_engine_s_numbers_follow_qgis_s_number_format_not_its_language(number_format):
    """QGIS's number format is its own setting (*Options > General > Locale*, else the system's): a German QGIS on
    an English system writes "1234.5" in QGIS's own tables, and the plugin's numbers did; the engine's beside them
    wrote "1234,5" (its German).  Now both follow QGIS; an English QGIS with a German number format writes commas."""
    from model_core.i18n import _, number

    from caim_qgis_plugin.i18n import engine_language, number as plugin_number

    number_format("de", "en_US")
    assert engine_language() == "de"
    assert _("{ha:,.2f} ha").format(ha=number(1236.89)) == plugin_number(1236.89) + " ha" == "1236.89 ha"
    number_format("en_US", "de_DE")
    assert engine_language() == "en"
    assert _("{ha:,.2f} ha").format(ha=number(1236.89)) == plugin_number(1236.89) + " ha" == "1236,89 ha"
    number_format("de", "de_DE")
    engine_language()
    assert _("{pct:.1f} %").format(pct=number(12.5)) == "12,5 %"


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _tools():
    import sys

    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import translations

    return translations


LANGUAGES = ("de", "es")  # every caim_<language>.ts the plugin ships
LOCALES = {"de": "de_DE", "es": "es_ES"}


def _ts(language):
    return os.path.join(ROOT, "caim_qgis_plugin", "i18n", "caim_%s.ts" % language)


def test_every_shipped_language_is_tested():
    import glob

    shipped = sorted(os.path.basename(p)[len("caim_"):-len(".ts")]
                     for p in glob.glob(os.path.join(ROOT, "caim_qgis_plugin", "i18n", "caim_*.ts")))
    assert shipped == sorted(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_the_code_has_a_translation(language):
    tools = _tools()
    ts = tools.read_ts(_ts(language))
    code = tools.code_messages()
    assert sum(map(len, code.values())) > 350  # every plugin module's texts were found
    missing = [(context, text) for context, found in code.items() for text, _, _ in found
               if not ts.get((context, text), ("", ""))[0].strip() or ts[(context, text)][1] == "unfinished"]
    assert not missing, "untranslated (run make translations, then translate in caim_%s.ts): %s" % (
        language, missing[:5])


def test_uncheck_is_not_translated_as_tick_off():
    """'abhaken' is German for ticking a box off (as done): 'uncheck it' read 'abhaken', telling the user to
    tick the layer the message wants unticked; and 'shown again when unticked' read 'wenn abgehakt'."""
    import re

    tools = _tools()
    ts = tools.read_ts(os.path.join(ROOT, "caim_qgis_plugin", "i18n", "caim_de.ts"))
    wrong = [(source, text) for (_context, source), (text, kind) in ts.items()
             if kind != "obsolete" and re.search(r"(?i)\b(uncheck|untick)", source or "")
             and re.search(r"(?i)abhak|abgehakt", text)]
    assert not wrong, wrong[:3]


TOOLBOX_LABEL_TERMS = {  # (the huge-run label must say, must not say; the moment probabilities' must say)
    "de": (r"(?i)voraussichtlich", r"(?i)zu (groß|lang)\w* geschätzt", "zeitpunkt"),
    "es": (r"\bse (estime|prevea)\b", r"(?i)sobre(e)?stim|subestim", "momento"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_toolbox_labels_say_what_the_english_says(language):
    """Shortened to fit the toolbox panel, two labels lost their meaning: 'Trotzdem ausführen, wenn zu lang
    oder zu groß geschätzt' ('zu groß geschätzt' is German for overestimated: run anyway if overestimated?)
    for 'Run anyway if estimated too long or too big for the disk', and 'Wahrscheinlichkeiten je Klasse' for
    the moment probabilities, which named neither the change nor its moment (the layer is 'Wahrscheinlich-
    keiten des Änderungszeitpunkts', the help's term 'Zeitpunkt-Wahrscheinlichkeiten')."""
    import re

    estimated, wrong, moment_word = TOOLBOX_LABEL_TERMS[language]
    tools = _tools()
    ts = tools.read_ts(_ts(language))
    current = {(context, source): text for (context, source), (text, kind) in ts.items() if kind != "obsolete"}
    huge = [text for (_c, source), text in current.items() if "estimated too long" in source]
    assert huge and all(re.search(estimated, t) and not re.search(wrong, t) for t in huge), huge
    moment = [text for (_c, source), text in current.items() if source.startswith("Moment probabilities")]
    # (the layer's and Processing's label, and Processing's "Moment probabilities data type")
    assert len(moment) == 3 and all(moment_word in t.lower() for t in moment), moment


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qm_is_compiled_from_the_ts(tmp_path, language):
    tools = _tools()
    if tools.lrelease() is None:
        pytest.skip("lrelease (qttools5-dev-tools) is not installed")
    ts = _ts(language)
    fresh = str(tmp_path / ("caim_%s.qm" % language))
    tools.compile_ts(ts, fresh)
    with open(fresh, "rb") as a, open(ts[:-3] + ".qm", "rb") as b:
        assert a.read() == b.read(), "caim_%s.qm is older than caim_%s.ts: run make translations" % (
            language, language)


@pytest.fixture
def german(qgis_app):
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    translator = install_translator("de_DE")
    assert translator is not None
    yield
    remove_translator(translator)


def _texts(project):
    from caim_qgis_plugin.dialog import CaimDialog
    from caim_qgis_plugin.inspect_tool import InspectDock

    dlg, dock = CaimDialog(None), InspectDock()
    texts = {"title": dlg.windowTitle(), "run": dlg.run_button.text(), "tip": dlg.up_button.toolTip(),
             "model": dlg.model_combo.itemText(dlg.model_combo.findData("caimnet")),
             "header": dock.header.text(), "dock": dock.windowTitle(),
             "columns": [dlg.layer_tree.headerItem().text(i) for i in range(5)]}
    dlg.shutdown()
    dlg.deleteLater()
    dock.deleteLater()
    return texts


def test_the_dialog_and_the_inspector_speak_german_with_the_translation(project, german):
    texts = _texts(project)
    assert texts["title"] == "CAIM-Änderungserkennung: Änderungen in einer Zeitreihe erkennen"
    assert texts["run"] == "Starten"
    assert texts["tip"] == "Die markierten Zeilen nach oben schieben (Alt+Auf in der Liste)"
    assert texts["model"] == "CAIM-Net (beliebig viele Zeitpunkte)"
    assert texts["header"].startswith("Das Inspektionswerkzeug wählen und ein Pixel eines CAIM-Ergebnisses anklicken")
    assert texts["dock"] == "CAIM-Pixelinspektor"
    assert texts["columns"] == ["Layer", "Datum", "Kanäle", "KBS", "Wolkenmaske"]


def test_without_a_translation_the_texts_stay_english(project):
    texts = _texts(project)
    assert texts["title"] == "CAIM change detection: detect changes in a time series"
    assert texts["run"] == "Run"
    assert texts["header"].startswith("Choose the inspect tool and click a pixel of a CAIM result")
    assert texts["columns"] == ["Layer", "Date", "Bands", "CRS", "Cloud mask"]


UI_CALLS = {"setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setSpecialValueText", "setSuffix",
            "QLabel", "QPushButton", "QCheckBox", "QAction", "addButton", "addRow", "setHeaderLabels",
            "information", "warning", "question", "critical", "pushMessage", "_set_status", "setFilter",
            "pushInfo", "setProgressText", "reportError", "pushWarning", "QgsProcessingException", "Cancelled"}


def _bare_literals(node):
    """String literals of an argument that reach the screen untranslated (not inside tr())."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.BinOp):
        yield from _bare_literals(node.left)
        yield from _bare_literals(node.right)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from _bare_literals(element)
    elif isinstance(node, ast.IfExp):
        yield from _bare_literals(node.body)
        yield from _bare_literals(node.orelse)


@pytest.mark.parametrize("module", ["dialog.py", "inspect_tool.py", "label_dock.py", "plugin.py", "algorithm.py",
                                    "accuracy_algorithms.py"])
def test_no_untranslated_text_reaches_a_widget(module):
    """A new label, button, tooltip or message written as a bare string literal (not tr("...")) would stay
    English in every language; markup and format-only strings ('<small>%s.</small>', '%d   %s') are fine.
    The Processing algorithms' log lines and errors count too: the toolbox's log and the dialog's status
    showed "Warning: " before a German warning, "Model: ", "Device used: " and the sampling's counts."""
    import ast
    import re

    with open(os.path.join(ROOT, "caim_qgis_plugin", module), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    bare = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in UI_CALLS:
                for arg in node.args:
                    for literal in _bare_literals(arg):
                        words = re.sub(r"<[^>]*>|%[-+ #0-9.]*[sdfgi]|&\w+;", "", literal.value)
                        if re.search(r"[A-Za-z]{2}", words) and literal.value not in ("GeoTIFF", "HTML"):  # a name
                            bare.append("%s:%d %r" % (module, literal.lineno, literal.value))
    assert not bare, bare


def _widths(project):
    from caim_qgis_plugin.dialog import CaimDialog
    from caim_qgis_plugin.inspect_tool import InspectDock

    dlg, dock = CaimDialog(None), InspectDock()
    dock.show()
    header = dock.table.horizontalHeader()
    out = {"dialog": dlg.minimumSizeHint().width(), "inspector": dock.minimumSizeHint().width(),
           "p_column_cut": header.sectionSize(1) < header.sectionSizeHint(1)}
    dock.hide()
    dlg.shutdown()
    dlg.deleteLater()
    dock.deleteLater()
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_texts_fit_as_the_english_do(project, qgis_app, language):
    """German runs about 30 % longer (Spanish about 20 %): the dialog's cloud-mask row and the inspector's
    checkbox made both wider than a laptop screen's share (1107 and 850 px against 971 and 569), and
    P(Änderung) was cut."""
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    english = _widths(project)
    translator = install_translator(LOCALES[language])
    assert translator is not None
    try:
        translated = _widths(project)
    finally:
        remove_translator(translator)
    assert translated["dialog"] <= english["dialog"] * 1.03, (translated, english)
    assert translated["inspector"] <= english["inspector"] * 1.1, (translated, english)
    assert not translated["p_column_cut"] and not english["p_column_cut"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_probabilities_data_type_label_is_no_wider_than_the_english_toolbox_s_widest(qgis_app, language):
    """The toolbox panel is about 390 px wide and a wider label gives it a horizontal scroll bar (initAlgorithm):
    the Spanish 'Tipo de datos de las probabilidades del momento del cambio' (519 px) was the widest label of the
    algorithm in any language; it keeps the output's words first, 'Probabilidades del momento: tipo de datos'."""
    from qgis.PyQt.QtGui import QFontMetrics
    from qgis.PyQt.QtWidgets import QApplication

    from caim_qgis_plugin.algorithm import DetectChangesAlgorithm
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    metrics = QFontMetrics(QApplication.font())

    def labels():
        alg = DetectChangesAlgorithm()
        alg.initAlgorithm()
        return {d.name(): metrics.horizontalAdvance(d.description()) for d in alg.parameterDefinitions()}

    english = labels()
    translator = install_translator(LOCALES[language])
    try:
        translated = labels()
    finally:
        remove_translator(translator)
    assert translated["PROBABILITIES_TYPE"] <= max(english.values()), (translated["PROBABILITIES_TYPE"], english)
    # the check box of FILL_GAPS too: 'Maskierte Zeitpunkte aus benachbarten wolkenfreien füllen' and 'Rellenar
    # fechas enmascaradas con las despejadas vecinas' gave the panel a horizontal scroll bar at 688 x 523
    assert translated["FILL_GAPS"] <= max(english.values()), (translated["FILL_GAPS"], english)


def test_the_inspector_s_moment_reads_german(german, tmp_path):
    """'geändert zwischen 2020-05-01 and 2021-05-01': the interval name's 'to' became an English 'and'."""
    import os

    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_testlib import make_stack, run_algorithm

    paths = make_stack(str(tmp_path))
    out = str(tmp_path / "out")
    outputs = {k: os.path.join(out, f) for k, f in (("AREA", "a.tif"), ("MOMENT", "m.tif"), ("CONFIDENCE", "c.tif"))}
    results, ok, feedback = run_algorithm(dict(INPUT=paths, DEVICE="CPU", MODEL="cva", **outputs))
    assert ok, feedback.textLog()
    info = {"dates": ["2019-05-01", "2020-05-01", "2021-05-01"], "inputs": [{"path": p} for p in paths],
            "outputs": {"moment": results["MOMENT"]}}
    from osgeo import gdal

    gt = gdal.Open(results["MOMENT"]).GetGeoTransform()
    point = QgsPointXY(gt[0] + gt[1] * 30.5, gt[3] + gt[5] * 30.5)
    text = inspect_pixel(info, point, QgsCoordinateReferenceSystem("EPSG:32614"))["moment_text"]
    assert text == "geändert zwischen 2020-05-01 und 2021-05-01", text
    # the band roles inside the chart's legend: German nouns keep their capital ("als rot" was lower-cased)
    names = inspect_pixel(dict(info, model="caimnet"), point, QgsCoordinateReferenceSystem("EPSG:32614"))["band_names"]
    assert names == ["Kanal 1 (als Rot)", "Kanal 2 (als Grün)", "Kanal 3 (als Blau)", "Kanal 4 (als NIR)"], names


def test_the_labelling_panel_s_classes_read_german(project, german):
    """The sample's value map holds the engine's class names ('0: no change', '-1: changed, interval
    unknown'): the panel's buttons read '0   no change' and 'Changed, interval unknown (C)' in German."""
    from qgis.core import QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    from caim_qgis_plugin.accuracy_algorithms import setup_sample_layer
    from caim_qgis_plugin.label_dock import LabelDock, class_choices

    layer = QgsVectorLayer("Point?crs=EPSG:32614", "sample", "memory")
    layer.dataProvider().addAttributes([QgsField("reference", QVariant.String)])
    layer.updateFields()
    setup_sample_layer(layer, {0: "no change", 1: "2019 to 2020", 2: "2020 to 2021"})
    assert class_choices(layer) == {0: "keine Änderung", 1: "2019 to 2020", 2: "2020 to 2021",
                                    -1: "geändert, Intervall unbekannt"}
    area = QgsVectorLayer("Point?crs=EPSG:32614", "area sample", "memory")
    area.dataProvider().addAttributes([QgsField("reference", QVariant.String)])
    area.updateFields()
    setup_sample_layer(area, {0: "unchanged", 1: "changed"})
    assert class_choices(area) == {0: "unverändert", 1: "geändert"}
    project.addMapLayer(layer)
    dock = LabelDock(None)
    try:
        assert dock.class_buttons[0].text() == "0   keine Änderung"
        assert dock.class_buttons[-1].text() == "Geändert, Intervall unbekannt (C)"
    finally:
        dock.close()
        dock.deleteLater()


def test_the_date_advice_reads_german(german):
    """The engine's advice for a refused date sits inside the dialog's German sentence: 'Unlesbares Datum
    '31.02.1990' für '1990': write it year first, ...' read half English.  Both of the engine's hints are
    known to the plugin (a changed hint would show in English, not break)."""
    from caim_qgis_plugin import inputs
    from model_core.stack import date_hint

    assert inputs.date_advice("31.02.1990").startswith("das Jahr zuerst schreiben, JJJJ-MM-TT")
    assert inputs.date_advice("1990-02-31") == ("JJJJ-MM-TT, JJJJMMTT, JJJJ-MM oder JJJJ verwenden, ein gültiges "
                                                "Kalenderdatum")
    assert {date_hint("31.02.1990"), date_hint("1990-02-31")} == set(inputs.DATE_HINTS)


def test_the_german_terms_are_those_of_remote_sensing():
    """'Daten' is data: as the plural of a date ('8 Daten, bereit zum Lauf', 'CAIM-Net (beliebig viele
    Daten)') it read as '8 data'; dates are Zeitpunkte (or Datumsangaben).  'das Land' is a country (the
    land surface changes), bands are Kanäle ('Bandwerte' beside 'Kanalwerte'), and the producer's accuracy
    is the Produzentengenauigkeit."""
    import re

    tools = _tools()
    ts = tools.read_ts(os.path.join(ROOT, "caim_qgis_plugin", "i18n", "caim_de.ts"))
    wrong = []
    for (context, source), (translation, _) in ts.items():
        if re.search(r"\bdates?\b", source) and not re.search(r"\bdata\b|real checks", source) and re.search(
                r"\bDaten\b", translation):
            wrong.append((context, source[:60], "Daten"))
        for term in ("das Land ", "Bandwert", "Herstellergenauigkeit"):
            if term in translation:
                wrong.append((context, source[:60], term))
    assert not wrong, wrong


def test_a_model_s_name_after_mit_is_not_declined():
    """The dialog said 'Fertig auf cpu mit Klassische ISFA' and 'bereit zum Lauf mit Klassische ISFA' (seen in a German
    desktop run): a model's name is a fixed title in the nominative, which 'mit' cannot take; 'mit dem Modell
    Klassische ISFA' reads right for every model's name."""
    tools = _tools()
    ts = tools.read_ts(os.path.join(ROOT, "caim_qgis_plugin", "i18n", "caim_de.ts"))
    runs = [(source, translation) for (_context, source), (translation, _) in ts.items()
            if "run with %s" in source or source.startswith("Done on %s with %s")]
    assert len(runs) >= 4, runs
    wrong = [(source[:40], translation[:60]) for source, translation in runs if "mit dem Modell %s" not in translation]
    assert not wrong, wrong


def test_the_raster_menu_and_the_toolbox_group_speak_german(project, locale_settings):
    """Raster > 'CAIM change detection' and the toolbox's 'CAIM change detection' stayed English beside
    the German entries, the dialog's title and the message bar's 'CAIM-Änderungserkennung'."""
    import types

    from qgis.PyQt.QtWidgets import QMainWindow

    from caim_qgis_plugin.plugin import CaimPlugin
    from caim_qgis_plugin.provider import CaimProvider

    locale_settings.setValue("locale/overrideFlag", True)
    locale_settings.setValue("locale/userLocale", "de_DE")
    window, menus = QMainWindow(), []
    iface = types.SimpleNamespace(
        mainWindow=lambda: window, addToolBar=window.addToolBar,
        addPluginToRasterMenu=lambda name, action: menus.append(("add", name)),
        removePluginRasterMenu=lambda name, action: menus.append(("remove", name)))
    plugin = CaimPlugin(iface)
    plugin.initProcessing = lambda: None  # the session's provider is registered already
    try:
        plugin.initGui()
        assert CaimProvider().name() == "CAIM-Änderungserkennung"
    finally:
        plugin.unload()
    assert set(menus) == {("add", "&CAIM-Änderungserkennung"), ("remove", "&CAIM-Änderungserkennung")}


def test_the_minimum_patch_note_reads_german(project, german, tmp_path):
    """'= 6,37 ha bei den Pixeln von 1985' (on 1985's pixels) read oddly: the area is that of so many
    pixels of the first layer's size."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from caim_qgis_testlib import make_stack

    for path in make_stack(str(tmp_path)):
        project.addMapLayer(QgsRasterLayer(path, os.path.splitext(os.path.basename(path))[0], "gdal"))
    dlg = CaimDialog(None)
    try:
        dlg.refresh_layers()
        dlg.min_patch_spin.setValue(400)
        assert " bei der Pixelgröße von " in dlg.min_patch_note.text(), dlg.min_patch_note.text()
    finally:
        dlg.shutdown()
        dlg.deleteLater()


@pytest.mark.parametrize("language, toolbox", [("de", "Verarbeitungswerkzeuge"),
                                               ("es", "Caja de herramientas de Procesos")])
def test_the_split_advice_names_the_toolbox_entries_as_the_translated_qgis_shows_them(project, tmp_path, language,
                                                                                       toolbox):
    """The advice for one multi-band layer leads through the Processing Toolbox: in German it named the
    provider 'CAIM change detection', which the German toolbox shows as 'CAIM-Änderungserkennung'."""
    import numpy as np
    from caim_qgis_testlib import write_raster
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp
    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from caim_qgis_plugin.provider import CaimProvider
    from caim_qgis_plugin.split_algorithm import SplitDatesAlgorithm

    layer = QgsRasterLayer(write_raster(str(tmp_path / "export.tif"), np.ones((8, 6, 6), np.uint16)), "export", "gdal")
    translator = install_translator(LOCALES[language])
    assert translator is not None
    try:
        errors = [m for lvl, m in inp.validate([layer], None, None, "cva") if lvl == inp.ERROR]
        names = [CaimProvider().name(), SplitDatesAlgorithm().displayName()]
    finally:
        remove_translator(translator)
    assert len(errors) == 1 and toolbox in errors[0], errors
    assert names[0] != "CAIM change detection" and all(name in errors[0] for name in names), (names, errors)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qgis_menus_and_dialogs_named_are_qgis_s_own(qgis_app, language):
    """A translated text that leads through QGIS's menus names them as QGIS shows them in that language (its
    own qgis_<language>.qm): the German one-band-layers advice read 'Raster > Sonstige > Virtuelles Raster
    bauen' with 'Jede Eingabedatei in einen separaten Kanal legen' (QGIS 3.22: 'Sonstiges', 'Virtuelles Raster
    generieren', and the checkbox untranslated), the sample's 'Exportieren > Objekte speichern als' ('Export')
    and 'Speichern' for 'Layeränderungen speichern'.  Spanish: 'Caja de herramientas de Procesos',
    'Ráster > Miscelánea > Construir ráster virtual', 'Conmutar edición', 'Guardar capa en edición'."""
    import re

    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    qm = os.path.join(QgsApplication.i18nPath(), "qgis_%s.qm" % language)
    translator = QTranslator()
    if not os.path.exists(qm) or not translator.load(qm):
        pytest.skip("QGIS's %s translation is not installed" % language)

    def qgis(context, text):  # as the menu shows it: without the accelerator ('&x', or '(&x)')
        return re.sub(r"\s*\(&\w\)|&(?=\w)", "", QCoreApplication.translate(context, text)).rstrip("…")

    QCoreApplication.installTranslator(translator)
    try:
        names = {
            "'%s' has unsaved edits": [qgis("MainWindow", "Toggle &Editing"), qgis("MainWindow", "Save Layer Edits")],
            "The sample layer '%s' cannot be written": ["%s > %s" % (
                qgis("QgsAppLayerTreeViewMenuProvider", "E&xport"),
                qgis("QgsAppLayerTreeViewMenuProvider", "Save Features &As…"))],
            "The Processing plugin is not enabled": ["%s > %s > %s" % (
                qgis("MainWindow", "&Plugins"), qgis("MainWindow", "Manage and Install Plugins…"),
                qgis("QgsPluginManagerBase", "Installed"))],
            "'%s' was read as a vector layer": ["%s, %s, %s" % (
                qgis("MainWindow", "&Layer"), qgis("MainWindow", "Add Layer"),
                qgis("MainWindow", "Add Raster Layer…"))],
            "The file of '%s' is gone": ["%s, %s" % (
                qgis("MainWindow", "Layer &Properties…"), qgis("QgsRasterLayerPropertiesBase", "Source"))],
            "If '%s' holds every date as bands": [qgis("ProcessingToolbox", "Processing Toolbox")],
            "The run's dates split into QGIS's temporary folder": [qgis("ProcessingToolbox", "Processing Toolbox")],
            "A project saved with them opens without": [qgis("ProcessingToolbox", "Processing Toolbox")],
        }
    finally:
        QCoreApplication.removeTranslator(translator)
    assert names["'%s' has unsaved edits"] != ["Toggle Editing", "Save Layer Edits"]  # QGIS's language was read
    ts = _tools().read_ts(_ts(language))
    wrong = []
    for start, expected in names.items():
        texts = [text for (_c, source), (text, kind) in ts.items() if kind != "obsolete" and source.startswith(start)]
        assert texts, start
        wrong += [(start, name) for text in texts for name in expected if name not in text]
    assert not wrong, wrong


def test_the_spanish_terms_are_those_of_remote_sensing():
    """The Spanish of remote sensing and of QGIS's own Spanish: a date of the series is a 'fecha' ('datos' is
    data, as German's 'Daten' once read '8 data'), a band a 'banda' (not 'canal'), a layer a 'capa', with
    'ráster' and 'píxel' accented as QGIS writes them, nodata 'sin datos', a plugin a 'complemento', the
    accuracies 'exactitud' (global, del usuario, del productor: 'precisión' is the precision of the
    comparison's table), a sample a 'muestra' and its labels 'etiquetas'."""
    import re

    tools = _tools()
    ts = tools.read_ts(_ts("es"))
    wrong = []
    for (context, source), (translation, kind) in ts.items():
        if kind == "obsolete":
            continue
        words = re.sub(r"<tt>.*?</tt>|\b\w+[=:]\S*|\S+\.(tif|vrt|pt|py)\b|'[^']*'", "", translation)  # not names
        if re.search(r"\bdates?\b", source) and not re.search(r"\bdata\b|nodata|real checks", source) and re.search(
                r"\bdatos\b", translation):
            wrong.append((context, source[:60], "datos"))
        required = ((r"\bdates?\b", "fecha"), (r"(?i)\bbands?\b", "banda"), (r"(?i)\blayers?\b", "capa"),
                    (r"\bnodata\b", "sin datos"), (r"(?i)\baccurac", "exactitud"), (r"(?i)\bsample\b", "muestra"),
                    (r"(?i)\blabell?(ed|ing)?\b", "etiquet"), (r"(?i)\bweights file\b", "archivo de pesos"),
                    (r"(?i)\bsensitivity\b", "sensibilidad"), (r"(?i)\bchange moment\b", "momento del cambio"),
                    (r"(?i)\bchange area\b", "área de cambio"))
        bare = re.sub(r"'[^']*'|\w+_\w+|<tt>.*?</tt>|[Mm]ulti-date", "", source)  # quoted, names; 'multitemporal'
        for pattern, term in required:
            if re.search(pattern, bare) and term not in translation.lower():
                wrong.append((context, source[:60], "no " + term))
        for term in (r"\bcanal(es)?\b", r"\b[Pp]ixel(es)?\b", r"\b[Rr]aster(es)?\b", r"(?i)\bno ?data\b", r"\bplugin\b",
                     r"\b[Ll]ayers?\b", r"(?i)precisión (global|del usuario|del productor)", r"\bdatas?\b"):
            if re.search(term, words):
                wrong.append((context, source[:60], term))
    assert not wrong, wrong


@pytest.fixture
def spanish(qgis_app):
    """The Spanish translation, and QGIS's number format Spanish (QGIS sets QLocale's default from its
    locale settings)."""
    from qgis.PyQt.QtCore import QLocale

    from caim_qgis_plugin.i18n import install_translator, remove_translator

    translator = install_translator("es_ES")
    assert translator is not None
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Spanish, QLocale.Spain))
    yield
    QLocale.setDefault(saved)
    remove_translator(translator)


def test_the_dialog_and_the_inspector_speak_spanish_with_the_translation(project, spanish):
    texts = _texts(project)
    assert texts["title"] == "Detección de cambios CAIM: detectar cambios en una serie temporal"
    assert texts["run"] == "Ejecutar"
    assert texts["tip"] == "Subir las filas seleccionadas (Alt+Arriba en la lista)"
    assert texts["model"] == "CAIM-Net (cualquier número de fechas)"
    assert texts["header"].startswith("Elegir la herramienta de inspección y hacer clic en un píxel")
    assert texts["dock"] == "Inspector de píxeles CAIM"
    assert texts["columns"] == ["Capa", "Fecha", "Bandas", "SRC", "Máscara de nubes"]


def test_hectares_and_the_inspector_write_spanish_numbers(spanish):
    """Numbers in the Spanish texts follow the locale as German does: a decimal comma and a thousands point
    (QLocale's Spanish)."""
    import json

    from qgis.core import QgsPointXY

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.dialog import per_interval_lines, short_total
    from caim_qgis_plugin.inspect_tool import InspectDock

    results = {"HECTARES": json.dumps({"2019 to 2020": 12345.5, "2020 to 2021": 0.25})}
    assert short_total(results) == "12.345,75 ha cambiadas en 2 intervalos."
    # without the run's dates (USED_DATES) the interval's name stays the engine's (the key of its areas)
    assert per_interval_lines(results) == "  2019 to 2020: 12.345,50 ha\n  2020 to 2021: 0,25 ha"
    dock = InspectDock()
    data = {"dates": ["2019", "2020", "2021"], "intervals": ["2019 to 2020", "2020 to 2021"], "moment": 1,
            "moment_text": "cambiado entre 2019 y 2020", "confidence": 0.876, "no_change_probability": 0.124,
            "change_probability": [0.75, 0.125], "series": [[1.5], [2.5], [3.5]], "band_names": ["Banda 1"]}
    dock.show_result(data, QgsPointXY(1234.5, 10.0))
    assert "<b>Confianza:</b> 0,88" in dock.header.text() and "<b>P(sin cambio):</b> 0,12" in dock.header.text()
    assert dock.table.item(0, 1).text() == "0,750"
    assert lyr.run_name(["2019", "2020"], None, 0.25, 4000).endswith(
        "(2 fechas, sensibilidad +0,25, parches >= 4.000 px)"), lyr.run_name(["2019", "2020"], None, 0.25, 4000)
    dock.deleteLater()


INTERVALS = {  # the legend's and the inspector's names of the intervals of 2019-05-01, 2020-05-01, 2021-05-01
    "de": ["2019-05-01 bis 2020-05-01", "2020-05-01 bis 2021-05-01"],
    "es": ["2019-05-01 a 2020-05-01", "2020-05-01 a 2021-05-01"],
}
BETWEEN = {"de": "geändert zwischen 2020-05-01 und 2021-05-01", "es": "cambiado entre 2020-05-01 y 2021-05-01"}


def _changed_pixel(moment_path):
    from osgeo import gdal
    from qgis.core import QgsPointXY

    gt = gdal.Open(moment_path).GetGeoTransform()
    return QgsPointXY(gt[0] + gt[1] * 30.5, gt[3] + gt[5] * 30.5)  # in the square that appears on the 3rd date


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_intervals_are_named_in_the_user_s_language(project, finished_run, language):
    """The engine names the intervals in English ('2019-05-01 to 2020-05-01', the keys of its areas, kept in
    its files and reports); a German or Spanish QGIS showed that English in the change moment's legend, the
    polygons' legend, the inspector's interval table, the dialog's hectares per interval and the labelling
    panel's buttons.  They are named from the dates in the user's language."""
    import json

    from qgis.core import QgsCoordinateReferenceSystem, QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.accuracy_algorithms import setup_sample_layer
    from caim_qgis_plugin.dialog import per_interval_lines
    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel
    from caim_qgis_plugin.label_dock import class_choices

    res, dates = finished_run["results"], finished_run["dates"]
    first, second = INTERVALS[language]
    translator = install_translator(LOCALES[language])
    try:
        added = lyr.add_run_outputs({"moment": res["MOMENT"], "polygons": res["POLYGONS"]}, dates,
                                    {"inputs": [{"path": p} for p in finished_run["inputs"]]})
        assert [c.label for c in added["moment"].renderer().classes()][1:] == [first, second]
        assert [c.label() for c in added["polygons"].renderer().categories()] == [first, second]
        info = lyr.run_info_of(added["moment"])
        point = _changed_pixel(res["MOMENT"])
        data = inspect_pixel(info, point, QgsCoordinateReferenceSystem("EPSG:32614"))
        assert data["intervals"] == [first, second] and data["moment_text"] == BETWEEN[language], data
        dock = InspectDock()
        dock.show_result(data, point)
        assert [dock.table.item(r, 0).text() for r in range(dock.table.rowCount())] == [first, second]
        dock.deleteLater()
        # the dialog's hectares per interval (its status tip and the message bar's details): the engine's keys
        results = {"HECTARES": json.dumps({"2019-05-01 to 2020-05-01": 0.5, "2020-05-01 to 2021-05-01": 0.25}),
                   "USED_DATES": ",".join(dates)}
        assert [line.split(": ")[0].strip() for line in per_interval_lines(results).splitlines()] == [first, second]
        # the labelling panel: a sample's value map holds the engine's names; the run's dates tell them
        sample = QgsVectorLayer("Point?crs=EPSG:32614", "sample", "memory")
        sample.dataProvider().addAttributes([QgsField("reference", QVariant.String)])
        sample.updateFields()
        setup_sample_layer(sample, {0: "no change", 1: "2019-05-01 to 2020-05-01", 2: "2020-05-01 to 2021-05-01"})
        assert [class_choices(sample, info)[k] for k in (1, 2)] == [first, second]
        assert class_choices(sample)[1] == "2019-05-01 to 2020-05-01"  # no run to tell them by: as written
    finally:
        remove_translator(translator)


def test_repeated_dates_number_their_intervals_in_the_user_s_language(german):
    """The engine numbers an interval whose name repeats ('2001 to 2001 (interval 2)'); so do the shown names,
    and the dialog's lines still find the engine's numbered keys."""
    import json

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.dialog import per_interval_lines

    dates = ["2001", "2001", "2001", None]
    assert lyr.interval_labels(dates) == ["2001 bis 2001 (Intervall 1)", "2001 bis 2001 (Intervall 2)",
                                          "2001 bis Bild 4"]
    results = {"HECTARES": json.dumps({"2001 to 2001 (interval 1)": 1.0, "2001 to 2001 (interval 2)": 2.0,
                                       "2001 to image 4": 3.0}), "USED_DATES": "2001,2001,2001,"}
    assert per_interval_lines(results) == ("  2001 bis 2001 (Intervall 1): 1.00 ha\n  2001 bis 2001 (Intervall 2): "
                                           "2.00 ha\n  2001 bis Bild 4: 3.00 ha")


def test_a_legend_saved_by_a_german_qgis_opens_german_in_an_english_one(project, finished_run, tmp_path):
    """A project saved in a German QGIS keeps its layers' names and legend as written, in German, as QGIS
    keeps its own legends' texts ('Keine Änderung' was already so); what the plugin computes when it is
    shown, the inspector's intervals, follows the QGIS that opens it, from the run's dates stored in the
    layer.  Nothing reads the legend back."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from caim_qgis_plugin.inspect_tool import find_run_layer, inspect_pixel
    from caim_qgis_plugin.label_dock import run_layers

    res, dates = finished_run["results"], finished_run["dates"]
    translator = install_translator("de_DE")
    try:
        lyr.add_run_outputs({"moment": res["MOMENT"]}, dates, {"inputs": [{"path": p} for p in finished_run["inputs"]]})
        path = str(tmp_path / "deutsch.qgz")
        assert project.write(path)
    finally:
        remove_translator(translator)
    project.clear()
    assert project.read(path)
    layer = find_run_layer(None)
    assert run_layers(project) == [layer]
    assert layer.name() == "Änderungszeitpunkt 2019-05-01 bis 2021-05-01"
    assert [c.label for c in layer.renderer().classes()] == ["Keine Änderung"] + INTERVALS["de"]
    data = inspect_pixel(lyr.run_info_of(layer), _changed_pixel(res["MOMENT"]), QgsCoordinateReferenceSystem("EPSG:32614"))
    assert data["intervals"] == ["2019-05-01 to 2020-05-01", "2020-05-01 to 2021-05-01"]
    assert data["moment_text"] == "changed between 2020-05-01 and 2021-05-01"


def test_the_band_roles_note_reads_german(project, german, tmp_path):
    """Stacked dates whose bands carry wavelengths (caim:stackbands' VRTs): the dialog's note on the bands it
    reads is German throughout ('die Engine verwendet die Kanäle 3,2,1,4 as R, G, B, NIR (from the rasters'
    wavelengths)' read half English: the engine's own description was inserted)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp
    from fixtures import bandfiles as fx
    from model_core.bandfiles import stack_band_files

    for year, acquired in ((2015, "20150805"), (2020, "20200812")):
        fx.write_landsat(tmp_path / "in", year, acquired, "20200919")
    res = stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in res.vrts]
    notes = [m for lvl, m in inp.validate(layers, ["2015-08-05", "2020-08-12"], None, "caimnet") if lvl == inp.INFO]
    assert notes == ["Kanäle leer gelassen: die Engine verwendet die Kanäle 3,2,1,4 als R, G, B, NIR (aus den "
                     "Wellenlängen der Raster)."], notes


BAND_LINES = {  # the first line of the change moment's and the change area's legends (QGIS's own "Band 1: ")
    "de": ("Band 1: Änderungszeitpunkt (k = letzte Änderung zwischen Zeitpunkt k und k+1)",
           "Band 1: Änderungsfläche (1 = geändert)"),
    "es": ("Band 1: momento del cambio (k = último cambio entre la fecha k y la k+1)",
           "Band 1: área de cambio (1 = cambiado)"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legend_s_band_line_is_translated_and_the_file_keeps_english(project, finished_run, language, tmp_path):
    """QGIS heads a raster's legend with 'Band 1: ' and the file's band description, which the engine writes in
    English for the programs that read it: a German QGIS's Layers panel showed 'Kanal 1: change moment (k = last
    change between date k and k+1) (Palette)'.  The plugin labels that line in the user's language, for the
    dialog's layers and Processing's; the files keep English, a saved project keeps the label."""
    from osgeo import gdal
    from qgis.core import QgsLayerTreeModel, QgsProcessingContext, QgsRasterLayer

    from caim_qgis_plugin import layers as lyr
    from model_core import i18n

    res, dates = finished_run["results"], finished_run["dates"]
    moment_line, area_line = BAND_LINES[language]
    i18n.set_language(language)
    model = QgsLayerTreeModel(project.layerTreeRoot())   # as the Layers panel's: there before the layers
    try:
        added = lyr.add_run_outputs({"moment": res["MOMENT"], "area": res["AREA"]}, dates)

        def first_line(layer):
            return model.layerLegendNodes(project.layerTreeRoot().findLayer(layer.id()))[0].data(0)

        assert first_line(added["moment"]) == moment_line and first_line(added["area"]) == area_line
        # Processing's outputs: its post-processor, on a layer Processing has put in the project
        layer = QgsRasterLayer(res["AREA"], "area", "gdal")
        project.addMapLayer(layer)
        context = QgsProcessingContext()
        context.setProject(project)
        lyr.OutputStyler(lyr.AREA, dates).postProcessLayer(layer, context, None)
        assert first_line(layer) == area_line
        path = str(tmp_path / "saved.qgz")
        assert project.write(path)
    finally:
        i18n.set_language(None)
    ds = gdal.Open(res["MOMENT"])  # referenced while its band is read (GDAL 3.6's bindings)
    assert ds.GetRasterBand(1).GetDescription() == "change moment (k = last change between date k and k+1)"
    ds = None
    project.clear()
    assert project.read(path)
    model = QgsLayerTreeModel(project.layerTreeRoot())
    moment = [n for n in project.layerTreeRoot().findLayers() if n.layer().source() == res["MOMENT"]][0]
    assert model.layerLegendNodes(moment)[0].data(0) == moment_line
    # English: QGIS's own line, untouched
    added = lyr.add_run_outputs({"moment": res["MOMENT"]}, dates)
    model = QgsLayerTreeModel(project.layerTreeRoot())
    node = project.layerTreeRoot().findLayer(added["moment"].id())
    assert model.layerLegendNodes(node)[0].data(0).startswith("Band 1: change moment (k = last change")
    assert not node.customProperties()


def test_the_legend_s_band_line_follows_the_language_of_the_session_that_opens_the_project(project, finished_run,
                                                                                             tmp_path):
    """The translated first line of a run's legend is a layer-tree label the project keeps: a project saved in a
    German QGIS and opened in an English (or Spanish) one showed 'Band 1: Änderungszeitpunkt ...' there.  When a
    project is read the plugin gives the lines it labelled the language of this session (QGIS's own English line
    again in English); a line the user renamed stays the user's."""
    from qgis.core import QgsLayerTreeModel, QgsMapLayerLegendUtils

    from caim_qgis_plugin import layers as lyr
    from model_core import i18n

    res, dates = finished_run["results"], finished_run["dates"]
    styler = lyr.RunFileStyler(project)
    try:
        i18n.set_language("de")
        try:
            added = lyr.add_run_outputs({"moment": res["MOMENT"], "area": res["AREA"]}, dates)
            renamed = project.layerTreeRoot().findLayer(added["area"].id())
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(renamed, 0, "meine Fläche")  # the user's own
            path = str(tmp_path / "saved.qgz")
            assert project.write(path)
        finally:
            i18n.set_language(None)

        def first_lines():
            model = QgsLayerTreeModel(project.layerTreeRoot())
            return {n.layer().source(): model.layerLegendNodes(n)[0].data(0)
                    for n in project.layerTreeRoot().findLayers()}

        project.clear()
        assert project.read(path)  # English
        lines = first_lines()
        assert lines[res["MOMENT"]].startswith("Band 1: change moment (k = last change"), lines
        assert lines[res["AREA"]] == "meine Fläche", lines
        i18n.set_language("es")
        try:
            project.clear()
            assert project.read(path)
            lines = first_lines()
            assert lines[res["MOMENT"]] == BAND_LINES["es"][0] and lines[res["AREA"]] == "meine Fläche", lines
            assert project.write(path)
        finally:
            i18n.set_language(None)
        # a file missing when the project opens (moved away, an unplugged drive): its label is left as it is
        import shutil

        moved = str(tmp_path / "away.tif")
        shutil.move(res["MOMENT"], moved)
        try:
            project.clear()
            assert project.read(path)
            node = [n for n in project.layerTreeRoot().findLayers() if n.layer().source() == res["MOMENT"]][0]
            assert QgsMapLayerLegendUtils.legendNodeUserLabel(node, 0) == BAND_LINES["es"][0]
        finally:
            shutil.move(moved, res["MOMENT"])
        project.clear()
        assert project.read(path)  # English again, after a Spanish session saved it
        assert first_lines()[res["MOMENT"]].startswith("Band 1: change moment (k = last change")
        assert project.write(path)
        i18n.set_language("de")
        try:
            project.clear()
            assert project.read(path)  # saved by an English QGIS (QGIS's own line), opened in a German one
            assert first_lines()[res["MOMENT"]] == BAND_LINES["de"][0]
            # the Layers panel's Duplicate Layer (QgisApp::duplicateLayers): a clone, added without a node, put
            # beside its layer
            node = [n for n in project.layerTreeRoot().findLayers() if n.layer().source() == res["MOMENT"]][0]
            copy = node.layer().clone()
            project.addMapLayer(copy, False)
            node.parent().insertLayer(node.parent().children().index(node) + 1, copy)
            model = QgsLayerTreeModel(project.layerTreeRoot())
            assert model.layerLegendNodes(project.layerTreeRoot().findLayer(copy.id()))[0].data(0) == \
                BAND_LINES["de"][0]
        finally:
            i18n.set_language(None)
    finally:
        styler.disconnect()


@pytest.mark.parametrize("language", ("en",) + LANGUAGES)
def test_the_detect_help_says_how_three_bands_are_read(qgis_app, language):
    """caim:detectchanges' help (the text under <b>Bands</b> and BANDS' tooltip) said only that the networks use 4
    bands, while a mapping of three is read as R, G, B in its order with green in place of NIR (383c28d): said
    now, in German and Spanish too (translated, not the English)."""
    from caim_qgis_plugin.algorithm import DetectChangesAlgorithm
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    said = {"en": ("3 bands are read as red, green, blue in their order with green in place of NIR (RGB-only imagery: "
                   "3,2,1 as 3,2,1,2)", "(3 as R, G, B with green in place of NIR)"),
            "de": ("3 Kanäle werden als Rot, Grün, Blau in ihrer Reihenfolge gelesen, mit Grün anstelle von NIR "
                   "(reine RGB-Bilder: 3,2,1 als 3,2,1,2)", "(3 als R, G, B mit Grün anstelle von NIR)"),
            "es": ("3 bandas se leen como rojo, verde y azul en su orden, con el verde en lugar del NIR (imágenes solo "
                   "RGB: 3,2,1 como 3,2,1,2)", "(3, como R, G, B con el verde en lugar del NIR)")}[language]
    translator = install_translator(LOCALES[language]) if language != "en" else None
    try:
        alg = DetectChangesAlgorithm()
        alg.initAlgorithm()
        assert said[0] in alg.shortHelpString(), alg.shortHelpString()
        assert said[1] in alg.parameterDefinition("BANDS").help(), alg.parameterDefinition("BANDS").help()
    finally:
        if translator is not None:
            remove_translator(translator)


@pytest.mark.parametrize("language,one,schanger", [
    ("en_US", "(1 selected)", "SChanger compares exactly 2 dates (1 selected)."),
    ("de_DE", "(1 ausgewählt)", "SChanger vergleicht genau 2 Zeitpunkte (1 ausgewählt)."),
    ("es_ES", "(seleccionadas: 1)", "SChanger compara exactamente 2 fechas (seleccionadas: 1).")])
def test_one_checked_layer_is_counted_in_good_grammar(project, qgis_app, tmp_path, language, one, schanger):
    """One layer checked in the dialog (a Spanish desktop walk, walk39): Spanish said "(1 seleccionadas)" and
    "SChanger compara exactamente 2 fechas; hay 1 seleccionadas", English "1 are selected"."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs
    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from caim_qgis_testlib import make_stack

    translator = install_translator(language) if language != "en_US" else None
    try:
        layer = QgsRasterLayer(make_stack(str(tmp_path), bands=1)[0], "a", "gdal")  # 1 band: no multi-date raster
        said = " ".join(text for _level, text in inputs.validate([layer], model="schanger"))
    finally:
        if translator is not None:
            remove_translator(translator)
    assert one in said and schanger in said, said


# how each language says that filling takes the next clear date where no earlier date is clear, and the word
# for "previous" that a label naming one neighbour only would hold
FILL_RULE = {"en": ("of the next where no earlier date is clear", "previous"),
             "de": ("vom nächsten, wo kein früherer wolkenfrei ist", "vorigen"),
             "es": ("de la siguiente donde ninguna anterior está despejada", "anterior")}


@pytest.mark.parametrize("language", ("en",) + LANGUAGES)
def test_fill_masked_dates_is_said_to_take_the_next_clear_date_where_no_earlier_one_is_clear(project, language):
    """Gap filling takes a masked date's values from the pixel's previous clear date, or from the next where no
    earlier date is clear (a first date, or one with only masked dates before it); the dialog's check box and
    tooltip, the Processing parameter's label and help and the algorithm's help said 'the previous clear date'
    only, in every language."""
    from caim_qgis_plugin.algorithm import DetectChangesAlgorithm
    from caim_qgis_plugin.dialog import CaimDialog
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    rule, previous = FILL_RULE[language]
    translator = install_translator(LOCALES[language]) if language != "en" else None
    try:
        alg = DetectChangesAlgorithm()
        alg.initAlgorithm()
        fill = alg.parameterDefinition("FILL_GAPS")
        dialog = CaimDialog(None)
        try:
            texts = {"parameter help": fill.help(), "algorithm help": alg.shortHelpString(),
                     "dialog tooltip": dialog.fill_gaps_check.toolTip()}
            labels = {"parameter label": fill.description(), "check box": dialog.fill_gaps_check.text()}
        finally:
            dialog.shutdown()
            dialog.deleteLater()
    finally:
        if translator is not None:
            remove_translator(translator)
    for where, text in texts.items():
        assert rule in " ".join(text.split()), (where, text)
    for where, text in labels.items():
        assert previous not in text, (where, text)
