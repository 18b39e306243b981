"""The plugin speaks QGIS's language: the translation QGIS's locale asks for is installed at start and
removed on unload, every text passed to tr() has a German translation, and numbers follow the locale."""

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
