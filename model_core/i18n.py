"""The engine's messages in the user's language.

A message is written in English as a template with named fields and looked up at the moment it is made::

    raise InputError(_("Input {n} '{label}' does not exist. Check the path.").format(n=i + 1, label=label))

``_(template)`` returns the template's translation in the current language, or the template itself when
the language is English, unknown, or has no entry for it; the caller then fills in the fields.  The
catalogues are plain JSON files in ``model_core/locale`` (``de.json``, ``es.json``: an object mapping each
English template to its translation): data a reviewer can read in a diff, loaded with ``json`` (nothing in
them is executed), with no compile step between the code and the files (gettext's .mo would need one, and
its .po files would add a toolchain for two languages; ``tools/engine_messages.py`` adds new templates to
the catalogues and ``tests/test_engine_messages.py`` fails when one lacks a translation or a field).

The language is English unless told: the QGIS plugin sets it from QGIS's locale before a run
(:func:`set_language`), the command line reads the environment variable ``CAIM_LANGUAGE`` (``de``, ``es``)
so that scripts reading its English output keep working.  File contents the engine writes (CSV, JSON, the
HTML report, provenance) stay English whatever the language.
"""

import json
import os
import threading

LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
LANGUAGES = ("de", "es")   # the languages with a catalogue; English is the templates themselves
ENVIRONMENT = "CAIM_LANGUAGE"

_state = {"language": None}   # None: not set; the environment's CAIM_LANGUAGE, else English
_catalogues = {}
_lock = threading.Lock()


def language_code(name):
    """'de_DE.UTF-8', 'de-AT', 'DE' -> 'de'; '', 'C', 'POSIX', None -> 'en'."""
    name = (name or "").strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return "en" if name in ("", "c", "posix") else name


def set_language(name):
    """Make ``name`` (a locale name such as QGIS's 'de_DE', or a language code) the engine's language;
    None goes back to the environment's CAIM_LANGUAGE, else English.  Returns the language set before."""
    before = _state["language"]
    _state["language"] = None if name is None else language_code(name)
    return before


def language():
    """The language messages are made in now: 'en', 'de', 'es' or another code (then English)."""
    chosen = _state["language"]
    return chosen if chosen is not None else language_code(os.environ.get(ENVIRONMENT))


def catalogue_path(code, folder=LOCALE_DIR):
    return os.path.join(folder, "%s.json" % code)


def load_catalogue(path):
    """{template: translation} of a catalogue file; entries that are not text to text, or empty, are left out,
    and an unreadable or malformed file gives {} (English), never an error: a broken catalogue must not stop
    a run."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


def catalogue(code):
    """The loaded catalogue of language ``code`` ({} for English and unknown languages); read once."""
    if code not in LANGUAGES:
        return {}
    with _lock:
        if code not in _catalogues:
            _catalogues[code] = load_catalogue(catalogue_path(code))
        return _catalogues[code]


def _(template):
    """``template`` in the current language (itself when there is no translation); fill in its fields with
    ``.format(...)``."""
    return catalogue(language()).get(template, template)


def N_(text):
    """``text`` unchanged: marks a constant defined before the language is known (a module-level table) as a
    template; the code translates it where it is shown, with :func:`translated`."""
    return text


def translated(text):
    """The translation of a text marked with :func:`N_` (``_`` itself takes only literal templates, so that
    tools/engine_messages.py can list them)."""
    return catalogue(language()).get(text, text)


def translate(template, code):
    """``template`` in language ``code`` (for tests and tools)."""
    return catalogue(language_code(code)).get(template, template)


# The languages whose numbers take a decimal comma (and a point between thousands), as QGIS shows them in its
# German and Spanish locales ("12,5 ha", "1.234,5 ha"); English keeps the point.
DECIMAL_COMMA = ("de", "es")


def localize_number(text, code=None):
    """A number already formatted in English (``'1,234.5'``) with the decimal mark and the thousands
    separator of language ``code`` (default: the current one): ``'1.234,5'`` in German and Spanish, the text
    itself otherwise."""
    if (language() if code is None else language_code(code)) not in DECIMAL_COMMA:
        return text
    return text.translate(_SWAP_MARKS)


_SWAP_MARKS = str.maketrans({".": ",", ",": "."})


class number:
    """A number for a template's field (``_("... {ha:,.2f} ha").format(ha=number(ha))``): it formats with the
    template's own format spec, then, when the current language writes a decimal comma (German, Spanish),
    swaps the decimal point and the thousands commas, as QGIS's German and Spanish locales show numbers
    ("12,5 ha").  In English the text is exactly what the plain number gives.  Not for numbers a user copies
    into a command or a field that wants the point (a command line's option values, coordinates)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __format__(self, spec):
        return localize_number(format(self.value, spec))

    def __str__(self):
        return localize_number(str(self.value))

    def __repr__(self):
        return "number(%r)" % (self.value,)
