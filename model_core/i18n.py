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
so that scripts reading its English output keep working.  Numbers in a message take the language's decimal
mark (:class:`number`: a comma in German and Spanish), or the caller's number format where it gives one (the
plugin gives QGIS's, :func:`set_number_marks`, so that the engine's numbers read like the plugin's beside them).
What programs read stays English whatever the
language (CSV, JSON, the outputs' metadata keys and coded values, ``CAIM_INTERVALS``); what people read is in
the run's language: the HTML run report and the two notes ``CAIM_MODEL_NOTE`` and ``CAIM_WEIGHTS_TRAINING``
(:class:`Message` keeps a text's English form for the files beside the one shown).

A command-line option a message tells the user to give (``--overwrite``, ``--bands``) is a field of the
template, not a word of its text: ``_("... or allow overwriting ({overwrite:full}).").format(
overwrite=option("--overwrite"))``.  The command line shows the option itself; a caller whose user names
options otherwise (the QGIS plugin: its Processing parameters, its dialog's buttons) gives its own names with
:func:`option_names` around the engine's call, so that no caller rewrites the engine's text, in any language.
"""

import contextlib
import contextvars
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


# A context tells apart the uses of one English word that another language words differently ("none" of the
# cloud masks is "ninguna" in Spanish, "none" of a CRS "ninguno"; "unknown" training data are "desconocidos"):
# gettext's pgettext, with gettext's separator.  The catalogue's key is "context\x04template" (JSON writes
# "masks\u0004none"); a lookup with a context falls back to the plain template's entry, then to the template.
CONTEXT_SEPARATOR = "\x04"


def context_key(template, context=None):
    """The catalogue key of ``template`` said in ``context`` (the template itself without one)."""
    return template if context is None else "%s%s%s" % (context, CONTEXT_SEPARATOR, template)


def _lookup(code, template, context):
    entries = catalogue(code)
    if context is not None:
        found = entries.get(context_key(template, context))
        if found:
            return found
    return entries.get(template, template)


def _(template, context=None):
    """``template`` in the current language (itself when there is no translation); fill in its fields with
    ``.format(...)``.  ``context`` (a literal, a few lower-case words: ``_("none", context="cloud masks")``)
    names the use of a short, shared word whose translation depends on what it stands for."""
    return _lookup(language(), template, context)


def N_(text, context=None):
    """``text`` unchanged: marks a constant defined before the language is known (a module-level table) as a
    template (in ``context``, if given); the code translates it where it is shown, with :func:`translated`
    (given the same context)."""
    return text


def translated(text, context=None):
    """The translation of a text marked with :func:`N_` (``_`` itself takes only literal templates, so that
    tools/engine_messages.py can list them)."""
    return _lookup(language(), text, context)


def padded_label(label, labels, context, gap=1):
    """``label``, one of the English ``labels`` of a summary's "Label     value" lines (marked with :func:`N_` in
    ``context``), in the current language, padded with spaces to the longest of them there and ``gap`` more: the
    values line up in every language (a catalogue padding each label to the English width pushed longer labels'
    values out of the column)."""
    width = max(len(translated(t, context)) for t in labels) + gap
    return translated(label, context).ljust(width)


def translate(template, code, context=None):
    """``template`` in language ``code`` (for tests and tools)."""
    return _lookup(language_code(code), template, context)


def os_reason(exc):
    """Why the system refused: the ``OSError`` ``exc``'s ``strerror`` (or its text), which Python gives in
    English whatever the locale, in the current language for the common refusals of a file or folder (no
    permission, a read-only disk, a full disk, a missing or wrong kind of path).  In English, and for other
    errors, ``strerror`` itself: the command line's English output stays the system's words.  (A German QGIS
    said "Der Ausgabeordner ... kann nicht angelegt werden (Permission denied)".)"""
    import errno

    reason = getattr(exc, "strerror", None) or str(exc)
    if language() not in LANGUAGES:
        return reason
    texts = {errno.EACCES: N_("Permission denied"), errno.EPERM: N_("Operation not permitted"),
             errno.EROFS: N_("Read-only file system"), errno.ENOSPC: N_("No space left on device"),
             errno.EDQUOT: N_("Disk quota exceeded"), errno.ENOENT: N_("No such file or directory"),
             errno.ENOTDIR: N_("Not a directory"), errno.EISDIR: N_("Is a directory")}
    text = texts.get(getattr(exc, "errno", None))
    return translated(text) if text else reason


# The languages whose numbers take a decimal comma (and a point between thousands), as QGIS shows them in its
# German and Spanish locales ("12,5 ha", "1.234,5 ha"); English keeps the point.
DECIMAL_COMMA = ("de", "es")

# The caller's number format (set_number_marks): None, the language's (the command line); else the marks a
# caller's user reads numbers with, {'.': decimal mark, ',': thousands separator ('' for none)}.
_marks = {"set": None}   # ((decimal, group), str.translate table), replaced as one


def set_number_marks(decimal=None, group=None):
    """Make the engine's numbers take the decimal mark ``decimal`` and the thousands separator ``group`` ('' for
    none) whatever the language (the QGIS plugin gives QGIS's number format: a German QGIS writes '1234,5' by
    default, one set to show the group separator '1.234,5', a Swiss one '1234.5'); ``decimal=None`` goes back
    to the language's (a decimal comma and a point between thousands in German and Spanish, the command
    line's).  Returns the marks set before, as ``(decimal, group)`` or None."""
    before = _marks["set"]
    _marks["set"] = None if decimal is None else (
        (decimal, group or ""), str.maketrans({".": decimal, ",": group or ""}))
    return None if before is None else before[0]


def localize_number(text, code=None):
    """A number already formatted in English (``'1,234.5'``) with the decimal mark and the thousands
    separator of language ``code`` (default: the current one): ``'1.234,5'`` in German and Spanish, the text
    itself otherwise.  Without ``code``, the marks a caller set (:func:`set_number_marks`) come first."""
    chosen = _marks["set"]
    if code is None and chosen is not None:
        return text.translate(chosen[1])
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


class Message:
    """A text kept as its English template (a literal marked with :func:`N_`) and its fields, to be made in
    English for a file a program reads (:meth:`english`: a JSON record, a CSV) and in the current language
    where it is shown (:meth:`shown`, with the language's decimal mark), from one place in the code.  A field
    may itself be a Message, or a list of them (joined with ', ')."""

    __slots__ = ("template", "fields")

    def __init__(self, template, **fields):
        self.template, self.fields = template, fields

    def english(self):
        return self.template.format(**{k: _made(v, False) for k, v in self.fields.items()})

    def shown(self):
        return translated(self.template).format(**{k: _made(v, True) for k, v in self.fields.items()})

    def __repr__(self):
        return "Message(%r)" % self.english()


class Said:
    """A text a caller gives in English and as its user sees it (the plugin's name of a dialog parameter, in
    QGIS's language), for a :class:`Message`'s field: each of its texts takes its own; formatted into a plain
    template, the shown one."""

    __slots__ = ("english_text", "shown_text")

    def __init__(self, english, shown):
        self.english_text, self.shown_text = english, shown

    def english(self):
        return self.english_text

    def shown(self):
        return self.shown_text

    def __str__(self):
        return self.shown_text

    def __format__(self, spec):
        return format(self.shown_text, spec)


def _made(value, shown):
    if isinstance(value, option):
        return value if shown else option(value.name, {})   # the English record: the command line's option
    if isinstance(value, (Message, Said)):
        return value.shown() if shown else value.english()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_made(v, shown)) for v in value)
    if shown and isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    return value


# {option: name} of the caller's names for command-line options (option_names); unset: the options themselves.
# A context variable, not a global: a QGIS Processing algorithm and the dialog's task run in threads of their own,
# each with its own names, at the same time.
_OPTION_NAMES = contextvars.ContextVar("caim_option_names", default=None)
OPTION_FORMS = ("", "full")   # a template's format spec of an option field: in a sentence; in parentheses


class option:
    """A command-line option for a template's field (``{bands}`` in a sentence, ``({bands:full})`` said aside in
    parentheses, where a caller may name it fully): the option itself (``--bands``) unless the caller named
    it otherwise with :func:`option_names`."""

    __slots__ = ("name", "names")

    def __init__(self, name, names=None):
        self.name, self.names = name, names   # names: fixed names ({} for English records), else the caller's

    def __format__(self, spec):
        if spec not in OPTION_FORMS:
            raise ValueError("an option's form is '' or 'full', not %r" % spec)
        names = _OPTION_NAMES.get() if self.names is None else self.names
        named = (names or {}).get(self.name)
        if named is None:
            return self.name
        return named if isinstance(named, str) else named[1 if spec == "full" else 0]

    def __str__(self):
        return format(self, "")

    def __repr__(self):
        return "option(%r)" % (self.name,)


@contextlib.contextmanager
def option_names(names):
    """Within the block (in this thread), the engine's messages name the command-line options by ``names``:
    {'--bands': name} (one name for both forms) or {'--bands': (in a sentence, in parentheses)}; options not in it
    are shown as they are."""
    token = _OPTION_NAMES.set(dict(names))
    try:
        yield
    finally:
        _OPTION_NAMES.reset(token)
