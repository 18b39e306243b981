"""The engine's messages in QGIS's language: a German QGIS's dialog shows the engine's refusal of bad input
in German, Processing in a Spanish QGIS reports it in Spanish (model_core.i18n, set by the plugin from QGIS's
locale before each run)."""

import os

import numpy as np
import pytest

from caim_qgis_testlib import make_stack, run_processing, wait_for, write_raster

pytestmark = pytest.mark.qgis


@pytest.fixture
def qgis_language(qgis_app):
    """A function switching QGIS's language (its translation, as ``qgis --lang`` sets it) and installing the
    plugin's translation for it; both undone afterwards, and the engine back to English."""
    from qgis.core import QgsApplication, QgsSettings

    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from model_core import i18n

    settings = QgsSettings()
    saved = QgsApplication.instance().translation(), settings.value("locale/overrideFlag")
    installed = []

    def switch(locale):
        settings.setValue("locale/overrideFlag", False)
        QgsApplication.setTranslation(locale)
        installed.append(install_translator(locale))

    yield switch
    for translator in installed:
        remove_translator(translator)
    QgsApplication.setTranslation(saved[0])
    if saved[1] is None:
        settings.remove("locale/overrideFlag")
    else:
        settings.setValue("locale/overrideFlag", saved[1])
    i18n.set_language(None)
    i18n.set_number_marks(None)


def _last_date_empty(folder):
    """Three dates, the last all nodata: the dialog's checks of the layers (bands, grids, dates) pass it, the
    engine refuses it when it reads the pixels."""
    paths = make_stack(folder)
    paths[2] = write_raster(os.path.join(folder, "20210501_empty.tif"), np.zeros((4, 64, 64), np.uint8), nodata=0)
    return paths


GERMAN = ("Eingabe 3 '20210501_empty.tif' hat kein gültiges Pixel in der gemeinsamen Ausdehnung (alles NoData oder "
          "maskiert). Sie entfernen oder ihren NoData-Wert bzw. ihre Maske korrigieren.")
SPANISH = ("La entrada 3 '20210501_empty.tif' no tiene ningún píxel válido dentro de la extensión común (todo sin "
           "datos o enmascarado). Quitarla o corregir su valor sin datos o su máscara.")
ENGLISH = ("Input 3 '20210501_empty.tif' has no valid pixel inside the common extent (all nodata or masked). Remove "
           "it or fix its nodata value/mask.")


def test_the_german_dialog_shows_the_engine_s_refusal_in_german(project, qgis_language, tmp_path):
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    qgis_language("de")
    for p in _last_date_empty(str(tmp_path)):
        project.addMapLayer(QgsRasterLayer(p, os.path.basename(p), "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        dialog.folder_widget.setFilePath(str(tmp_path / "out"))
        assert dialog.problems() == [] and dialog.run(ask=False) is not None
        assert wait_for(lambda: dialog.task is None)
        assert dialog.last_results is None and dialog.status.text() == GERMAN
        assert not os.path.exists(str(tmp_path / "out"))
    finally:
        dialog.shutdown()
        dialog.deleteLater()


@pytest.mark.parametrize("locale,expected", [("es_ES", SPANISH), ("en_US", ENGLISH)])
def test_processing_reports_the_engine_s_refusal_in_qgis_s_language(project, qgis_language, tmp_path, locale,
                                                                     expected):
    qgis_language(locale)
    out = tmp_path / "out"
    results, ok, fb = run_processing("caim:detectchanges", {
        "INPUT": _last_date_empty(str(tmp_path)), "MODEL": "cva", "DEVICE": "CPU",
        "AREA": str(out / "area.tif"), "MOMENT": str(out / "moment.tif"), "CONFIDENCE": str(out / "confidence.tif")})
    assert not ok and expected in fb.textLog(), fb.textLog()
    assert not os.path.exists(out / "moment.tif")


def test_the_sentence_after_a_run_s_refusal_speaks_qgis_s_language(project, qgis_language, tmp_path, monkeypatch):
    """When the engine refuses the polygons or the report after the rasters were written, the plugin adds that
    the run's rasters were removed: in English after a Spanish refusal, until it was translated."""
    from model_core import polygons
    from model_core.errors import OutputError

    def refuse(*args, **kwargs):
        raise OutputError("No se pueden escribir los polígonos.")

    monkeypatch.setattr(polygons, "write_polygons", refuse)
    qgis_language("es_ES")
    out = tmp_path / "out"
    results, ok, fb = run_processing("caim:detectchanges", {
        "INPUT": make_stack(str(tmp_path)), "MODEL": "cva", "DEVICE": "CPU", "POLYGONS": str(out / "p.gpkg"),
        "AREA": str(out / "area.tif"), "MOMENT": str(out / "moment.tif"), "CONFIDENCE": str(out / "confidence.tif")})
    assert not ok and not os.path.exists(out / "moment.tif")
    assert ("No se pueden escribir los polígonos. Los rásteres de cambio de esta ejecución se eliminaron con ella."
            in fb.textLog()), fb.textLog()


@pytest.mark.parametrize("locale,said", [("de_DE", "1 Änderungspolygon nach "), ("es_ES", "1 polígono de cambio escrito en "),
                                          ("en_US", "1 change polygon written to ")])
def test_one_change_polygon_is_said_in_the_singular(project, qgis_language, tmp_path, locale, said):
    """Processing's log said "1 Änderungspolygone nach ... geschrieben", "1 polígonos de cambio escritos" (seen in
    the desktop's log after a run on a sample with one changed square)."""
    qgis_language(locale)
    out = tmp_path / "out"
    results, ok, fb = run_processing("caim:detectchanges", {
        "INPUT": make_stack(str(tmp_path)), "MODEL": "cva", "DEVICE": "CPU", "POLYGONS": str(out / "p.gpkg"),
        "AREA": str(out / "area.tif"), "MOMENT": str(out / "moment.tif"), "CONFIDENCE": str(out / "confidence.tif")})
    assert ok and said in fb.textLog(), fb.textLog()


def test_the_dialog_keeps_the_estimate_in_the_engine_s_language_under_the_progress_text(qgis_app):
    """The dialog knows the engine's estimate lines by their beginning ('Estimate  ...'): in German they begin
    'Schätzung   ' (the summary's label, padded as there)."""
    from caim_qgis_plugin.dialog import RunFeedback
    from model_core import i18n
    from model_core.predict import check_scale

    i18n.set_language("de")  # (as the algorithm sets it, for the run the feedback reports)
    try:
        notes = check_scale({"seconds": 200.0, "disks": [(["/out"], 3e9, 1e9, 2e9)]}, 2048, 2048, 3, "cva")
        assert notes[0].startswith("Schätzung   etwa 3 min auf diesem Rechner") and notes[1].startswith("Warnung: ")
        feedback, shown = RunFeedback(), []
        feedback.text.connect(shown.append)
        for line in notes + ["Modell: Klassisches CVA [cva]"]:
            feedback.pushInfo(line)
        feedback.setProgressText("Kachel 1/16")
    finally:
        i18n.set_language(None)
    assert feedback.estimate == notes and shown[-1] == "\n".join(["Kachel 1/16"] + notes)


def test_stacking_band_files_in_spanish_keeps_processing_s_terms(project, qgis_language, tmp_path):
    """caim:stackbands in a Spanish QGIS: the engine's refusal is Spanish, and its '(--overwrite)' still turns
    into the algorithm's parameter (stackbands_algorithm.processing_option_names)."""
    from fixtures import bandfiles as fx

    qgis_language("es_ES")
    for year, acquired in ((2015, "20150805"), (2020, "20200812")):
        fx.write_landsat(tmp_path / "in", year, acquired, "20200919")
    out = str(tmp_path / "out")
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": str(tmp_path / "missing"), "OUTPUT": out})
    assert not ok and "missing' no existe. Indicar los archivos de banda" in fb.textLog(), fb.textLog()
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": str(tmp_path / "in"), "OUTPUT": out})
    assert ok, fb.textLog()
    assert "bandas por fecha (" in fb.textLog()
    # the summary's bands left out name the algorithm's BANDS parameter, not the command line's --bands (the
    # English 'with --bands' was replaced, the Spanish 'con --bands' was not)
    assert "no apiladas (" in fb.textLog() and "--bands" not in fb.textLog(), fb.textLog()
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": str(tmp_path / "in"), "OUTPUT": out})
    assert not ok and "ya existe (" in fb.textLog() and "--overwrite" not in fb.textLog(), fb.textLog()
    assert "OVERWRITE" in fb.textLog()


@pytest.mark.parametrize("locale,not_stacked,bands", [
    ("de", "nicht gestapelt (mit 'Kanäle, durch Komma getrennt' angeben)", "(der Parameter 'Kanäle, durch Komma "),
    ("es_ES", "no apiladas (indicarlas con 'Bandas, separadas por comas')", "(el parámetro de bandas 'Bandas, separadas ")])
def test_stacking_band_files_names_processing_s_bands_in_german_and_spanish(project, qgis_language, tmp_path,
                                                                           locale, not_stacked, bands):
    """caim:stackbands rewrote the engine's "with --bands" into its own parameter by the English phrase: the
    German and Spanish summaries ("mit --bands angeben", "darlas con --bands") showed the command line's option.
    Now every "--bands" the engine's summary or refusal names becomes the BANDS parameter, in every language;
    so does the dialog's button, which names the menu entry's Bands."""
    import glob

    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from fixtures import bandfiles as fx

    qgis_language(locale)
    for year, acquired in ((2015, "20150805"), (2020, "20200812")):
        fx.write_landsat(tmp_path / "in", year, acquired, "20200919")
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": str(tmp_path / "in"),
                                                         "OUTPUT": str(tmp_path / "out")})
    assert ok and not_stacked in fb.textLog(), fb.textLog()
    assert "--bands" not in fb.textLog()
    # a date lacking a band: the refusal's "(--bands)" too
    os.remove(glob.glob(str(tmp_path / "in" / "*20150805*" / "*_SR_B5.TIF"))[0])
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": str(tmp_path / "in"),
                                                         "OUTPUT": str(tmp_path / "out2")})
    assert not ok and bands in fb.textLog() and "--bands" not in fb.textLog(), fb.textLog()
    for path in sorted(glob.glob(str(tmp_path / "in" / "*" / "*_SR_B[2-5].TIF"))):
        project.addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.stack_checked_band_files()
        assert wait_for(lambda: dialog.stack_task is None)
        status = dialog.status.text()
        assert "SR_B5" in status and "--bands" not in status, status
        assert ("; in der Liste wird ein Zeitpunkt weggelassen" if locale == "de"
                else "; en la lista, una fecha se deja fuera") in status
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_a_sidecar_layer_is_named_in_german(project, qgis_language, tmp_path):
    """The dialog's refusal of a sidecar given as a layer (x.tif.ovr) named what the file holds in English in a
    German QGIS ('die pyramids (overviews)-Datei'): the engine's table of sidecars (stack._SIDECARS) is marked for
    translation (N_), and the plugin showed its English key."""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp
    from caim_qgis_plugin.i18n import engine_language

    qgis_language("de_DE")
    engine_language()  # (as the dialog's validate() does)
    stack = make_stack(str(tmp_path))
    gdal.Open(stack[0]).BuildOverviews("NEAREST", [2])  # opened read-only: an external .ovr
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in (stack[0], stack[0] + ".ovr", stack[1])]
    errors = [m for lvl, m in inp.validate(layers, None, None, "cva") if lvl == inp.ERROR]
    assert errors and "Begleitdatei (Pyramiden (Übersichten))" in errors[0] and "pyramids" not in errors[0], errors


def test_the_comparison_in_a_spanish_qgis_speaks_spanish_and_writes_an_english_csv(project, qgis_language, tmp_path):
    """caim:comparewithreference's log and REPORT in QGIS's language with its decimal comma; the CSV, which
    programs read, English with the point, as in an English QGIS."""
    import csv
    import re

    rng = np.random.default_rng(3)
    ref = rng.choice(3, size=(40, 40), p=[0.8, 0.1, 0.1]).astype(np.uint8)
    pred = ref.copy()
    pred[rng.random(ref.shape) < 0.1] = 1
    map_path = write_raster(str(tmp_path / "change_moment.tif"), pred, nodata=255)
    ref_path = write_raster(str(tmp_path / "truth.tif"), ref)
    tables = []
    for locale in ("en", "es"):
        qgis_language(locale)
        out = str(tmp_path / f"{locale}.csv")
        results, ok, fb = run_processing("caim:comparewithreference",
                                         {"MAP": map_path, "REFERENCE": ref_path, "OUTPUT_CSV": out})
        assert ok, fb.textLog()
        with open(out, newline="", encoding="utf-8") as f:
            tables.append(list(csv.reader(f)))
    report = results["REPORT"]
    assert "Referencia: " in report and "matriz de confusión" in report and "Nota: la comparación solo es" in report
    assert re.search(r"área de cambio en los píxeles comparados: mapa \d+,\d\d ha, referencia \d+,\d\d ha", report)
    assert "Changed / unchanged" not in report
    assert tables[0] == tables[1] and ["note", "", "the comparison is only as good as the reference's own accuracy "
                                       "and its co-registration with the map"] in tables[1]


def test_the_plugin_sets_the_engine_s_language_when_it_loads(project, qgis_language):
    """Texts met outside a run (the chips' refusals, a weights file's refusal) followed the engine's English
    default until a run or an algorithm set the language: the plugin sets it when QGIS loads it."""
    import types

    from qgis.PyQt.QtWidgets import QMainWindow

    from caim_qgis_plugin.plugin import CaimPlugin
    from model_core import i18n
    from model_core.errors import torch_too_old_text

    i18n.set_language(None)
    qgis_language("de")
    window = QMainWindow()
    iface = types.SimpleNamespace(mainWindow=lambda: window, addToolBar=window.addToolBar,
                                  addPluginToRasterMenu=lambda name, action: None,
                                  removePluginRasterMenu=lambda name, action: None)
    plugin = CaimPlugin(iface)
    plugin.initProcessing = lambda: None  # the session's provider is registered already
    try:
        plugin.initGui()
        assert i18n.language() == "de"
        assert torch_too_old_text("1.13.0").startswith("PyTorch 1.13.0 ist zu alt für die CAIM-Engine")
    finally:
        plugin.unload()


def test_the_assessment_in_a_german_qgis_speaks_german_and_keeps_its_json_english(project, qgis_language, tmp_path):
    """caim:assessaccuracy's log (SUMMARY), its warnings and its HTML report in QGIS's language with its decimal
    comma, the advice naming the German dialog's parameter; RESULTS (JSON, read by programs) English."""
    import json

    from qgis.core import QgsVectorLayer

    m = np.zeros((80, 80), np.uint8)
    m[:10], m[10:20], m[20:30] = 1, 2, 3
    path = write_raster(str(tmp_path / "change_moment.tif"), m, nodata=255)
    qgis_language("de")
    results, ok, fb = run_processing("caim:samplechangemap", {"INPUT": path, "N": 10, "SEED": 2,
                                                              "OUTPUT": str(tmp_path / "sample.gpkg")})
    assert ok, fb.textLog()
    layer = QgsVectorLayer(results["OUTPUT"], "sample", "ogr")
    field = layer.fields().indexOf("reference")
    layer.startEditing()
    for f in layer.getFeatures():  # interval 2 was really no change: the map invents change
        layer.changeAttributeValue(f.id(), field, 0 if f["map_class"] == 2 else f["map_class"])
    assert layer.commitChanges()
    results, ok, fb = run_processing("caim:assessaccuracy", {"MAP": path, "POINTS": results["OUTPUT"],
                                                             "REPORT": str(tmp_path / "r.html")})
    assert ok, fb.textLog()
    summary = results["SUMMARY"]
    assert summary.startswith("Stichprobe: 70 beschriftete Punkte") and "Gesamtgenauigkeit 0,"  in summary
    assert "Hinweis: die Karte erfindet mehr Änderung, als sie übersieht" in summary
    assert "mit dieser Karte als 'Karte, aus der die Stichprobe stammt'" in summary
    notes = json.loads(results["RESULTS"])["notes"]
    assert any(n.startswith("the map invents more change than it misses") for n in notes), notes
    assert any("with this map as 'Map the sample was drawn from'" in n for n in notes)  # the CLI's words aside
    with open(results["REPORT"], encoding="utf-8") as f:
        page = f.read()
    assert "<h2>Änderungsfläche und Genauigkeit aus einer beschrifteten Stichprobe</h2>" in page
    assert "Gesamtgenauigkeit: 0," in page and "<p>Hinweis: die Karte erfindet" in page
    assert "Overall accuracy" not in page and "Note:" not in page


def test_about_the_weights_in_spanish(project, qgis_language, tmp_path):
    """The dialog's About… beside Weights showed the weights file's description in English in a Spanish QGIS (its
    labels, sentences, and no word of what the file is): now in Spanish, with the bundled file's description from
    the engine's catalogue."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    qgis_language("es_ES")
    for p in make_stack(str(tmp_path)):
        project.addMapLayer(QgsRasterLayer(p, os.path.basename(p), "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
        ok, text = dialog.weights_info()
        assert ok and "caimnet_rgbn.pt" in text.split("\n")[0], text
        assert "\n  descripción             el archivo CAIM-Net incluido: rojo, verde, azul y NIR" in text, text
        assert "\n  licencias               solo dominio público\n" in text
        assert "licences" not in text and "trained by" not in text and "sesgo hacia 'sin cambio' +0,75" in text
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_the_spanish_dialog_says_why_the_system_refused_the_output_folder_in_spanish(project, qgis_language,
                                                                                   tmp_path):
    """A folder the system does not let anyone make (under /sys: 'Operation not permitted' for root, 'Permission
    denied' for others) chosen as the output folder in a Spanish QGIS: the status said "No se puede crear la
    carpeta de salida '/sys/...' (Operation not permitted)", the system's English words in a Spanish sentence."""
    import errno

    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    folder = "/sys/caim-test-results/run1"
    try:
        os.makedirs(folder)
    except OSError as exc:
        refusal = exc
    else:
        pytest.skip("%s could be made here" % folder)
    if refusal.errno not in (errno.EPERM, errno.EACCES, errno.EROFS):
        pytest.skip("making %s failed otherwise: %s" % (folder, refusal))
    qgis_language("es")
    for p in make_stack(str(tmp_path)):
        project.addMapLayer(QgsRasterLayer(p, os.path.basename(p), "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        dialog.folder_widget.setFilePath(folder)
        if dialog.run(ask=False) is not None:
            assert wait_for(lambda: dialog.task is None)
        status = dialog.status.text()
        assert status.startswith("No se puede crear la carpeta de salida '%s' (" % folder), status
        assert refusal.strerror not in status, status
        assert ("(operación no permitida)" if refusal.errno == errno.EPERM else
                "(permiso denegado)" if refusal.errno == errno.EACCES else "(sistema de archivos de solo lectura)") in status
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def _halves(folder):
    """Two 1024 x 1024 dates (the smallest grid of the co-registration's check across the scene): the second's
    west half offset 3 px east, its east half not."""
    from scipy import ndimage

    n, margin = 1024, 8
    rng = np.random.default_rng(3)
    bands = []
    for b in range(4):
        band = 3 * ndimage.gaussian_filter(np.random.default_rng(b).normal(size=(n + 2 * margin,) * 2), 2.0)
        for _k in range(1500):
            y, x = rng.integers(0, n, 2)
            band[y:y + rng.integers(4, 20), x:x + rng.integers(4, 20)] += 2 * rng.normal()
        bands.append(band)
    scene = (120 + 25 * np.stack(bands)).clip(1, 254).astype(np.uint8)
    first = scene[:, margin:margin + n, margin:margin + n]
    second = first.copy()
    second[:, :, :n // 2] = scene[:, margin:margin + n, margin - 3:margin - 3 + n][:, :, :n // 2]
    return [write_raster(os.path.join(folder, name), a) for name, a in (("20190501.tif", first),
                                                                         ("20200501.tif", second))]


@pytest.mark.parametrize("locale,expected", [
    ("de", "Warnung: Eingabe 2 '20200501.tif' ist in verschiedenen Teilen der Szene unterschiedlich gegen die "
           "Referenzeingabe versetzt (Mitte: "),
    ("es_ES", "Advertencia: la entrada 2 '20200501.tif' está desplazada respecto a la entrada de referencia de forma distinta "
              "en distintas partes de la escena (centro: ")])
def test_processing_warns_of_a_date_offset_differently_across_the_scene_in_qgis_s_language(
        project, qgis_language, tmp_path, locale, expected):
    """The co-registration's check across a large scene warns in the run's log, in QGIS's language, with the
    plugin's name of the option to untick when a date was moved."""
    qgis_language(locale)
    out = tmp_path / "out"
    results, ok, fb = run_processing("caim:detectchanges", {
        "INPUT": _halves(str(tmp_path)), "MODEL": "cva", "DEVICE": "CPU",
        "AREA": str(out / "area.tif"), "MOMENT": str(out / "moment.tif"), "CONFIDENCE": str(out / "confidence.tif")})
    assert ok, fb.textLog()
    log = fb.textLog()
    assert expected in log, log
    warned = [w for w in results["WARNINGS"].split("\n") if "20200501.tif" in w]
    assert len(warned) == 1 and ("Nordwesten: 3 px nach Osten" in warned[0] if locale == "de" else
                                 "noroeste: 3 px al este" in warned[0]), warned
