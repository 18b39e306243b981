"""Translation of the plugin's own text.

Each module takes its translation function with ``tr = translator("CaimDialog")``: ``tr(text)`` returns
``text`` in the language QGIS runs in when a translation for it is installed, else ``text`` unchanged.
The context names the module, as Qt Linguist groups messages by it.  The engine (``model_core``, which
never imports Qt) translates its own messages from its catalogues (:mod:`model_core.i18n`); the plugin tells
it QGIS's language with :func:`engine_language` before it calls it.
"""

import os

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "i18n")


def translator(context):
    """A function ``tr(text)`` translating ``text`` in ``context``."""
    def tr(text):
        return QCoreApplication.translate(context, text)

    tr.context = context
    return tr


def noop(text):
    """``text`` unchanged: marks a constant defined before any translation is installed (a module-level
    table) for the message file; the code translates it where it is shown, with ``tr(TABLE[key])``."""
    return text


def number_locale():
    """The locale QGIS shows numbers in: QLocale's default, which QGIS sets from its settings (*Options > General
    > Locale*, else the system's, with the group separator as chosen there).  When that default is Qt's "C"
    locale, no one's choice (a system without a locale, LANG=C, as ``qgis --lang de`` in a container started),
    the locale of QGIS's translation (:func:`qgis_locale`), with the default's number options: a German QGIS
    there showed "236.89 ha" in the plugin beside the engine's "0,6 %" in one status line."""
    default = QLocale()
    if default.language() != QLocale.Language.C:
        return default
    chosen = QLocale(qgis_locale())
    if chosen.language() == QLocale.Language.C:
        return default
    chosen.setNumberOptions(default.numberOptions())
    return chosen


def number(value, decimals=2):
    """``value`` with ``decimals`` decimals in QGIS's number format (:func:`number_locale`): "1234,50" in
    German QGIS, "1234.50" in English (with QGIS's group separator if it shows one)."""
    return number_locale().toString(float(value), "f", decimals)


def integer(value):
    """A whole number in QGIS's number format ("12000", or "12.000" in a German QGIS that shows the group
    separator)."""
    return number_locale().toString(int(value))


def significant(value, digits=4):
    """``value`` to ``digits`` significant digits (like "%.4g") in QGIS's number format."""
    return number_locale().toString(float(value), "g", digits)


def signed(value):
    """``value`` with its sign, plus included (like "%+g") in QGIS's number format: "+0,25"."""
    locale = number_locale()
    text = locale.toString(float(value), "g", 6)
    return locale.positiveSign() + text if value > 0 else text


def number_marks(locale=None):
    """(decimal mark, group separator or '' when QGIS omits it) of QGIS's number format."""
    locale = number_locale() if locale is None else locale
    omit = bool(locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator)
    return locale.decimalPoint(), "" if omit else locale.groupSeparator()


def qgis_locale():
    """The locale QGIS translates its interface into: the translation QGIS loaded for itself
    (``QgsApplication.translation()``: its ``--lang`` option, else the user's choice in its options, else
    the system's); outside a QGIS session that set one, the user's choice (``locale/userLocale`` when
    ``locale/overrideFlag`` is on), else the system's.  ``qgis --lang de`` keeps the override off and
    QLocale at the system's: read from those alone, the plugin stayed English in a German QGIS."""
    from qgis.core import QgsApplication, QgsSettings

    app = QgsApplication.instance()
    name = app.translation() if isinstance(app, QgsApplication) else ""
    if not name or name == "C":
        settings = QgsSettings()
        name = ""
        if settings.value("locale/overrideFlag", False, type=bool):
            name = settings.value("locale/userLocale", "", type=str) or ""
    return (name or QLocale().name() or "").replace("-", "_")


def engine_language():
    """Make the engine's messages (refusals of bad input, a run's notes and warnings) speak QGIS's language
    (:func:`qgis_locale`; English where the engine has no catalogue), with its numbers in QGIS's number format
    (:func:`number_marks`: the plugin's own numbers beside them take the same marks).  Called before the plugin calls the
    engine: in the dialog and at the start of every Processing algorithm (the language is the process's, and
    a test or the user may switch QGIS's between runs).  Returns the engine's language code."""
    from model_core.i18n import language, set_language, set_number_marks

    set_language(qgis_locale())
    set_number_marks(*number_marks())
    return language()


def translation_file(locale, folder=I18N_DIR):
    """``caim_<lang_COUNTRY>.qm``, else ``caim_<lang>.qm`` in ``folder``; None when neither exists."""
    names = [locale, locale.split("_")[0]] if locale else []
    for name in names:
        path = os.path.join(folder, "caim_%s.qm" % name)
        if name and os.path.isfile(path):
            return path
    return None


def install_translator(locale=None):
    """Install the plugin's translation for ``locale`` (default: QGIS's) into the application; returns the
    QTranslator to remove on unload, or None when there is no translation for it (English stays)."""
    path = translation_file(qgis_locale() if locale is None else locale)
    if path is None:
        return None
    translator_ = QTranslator()
    if not translator_.load(path) or not QCoreApplication.installTranslator(translator_):
        return None
    return translator_


def remove_translator(translator_):
    if translator_ is not None:
        QCoreApplication.removeTranslator(translator_)
