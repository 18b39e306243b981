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
