#!/usr/bin/env python3
"""List the engine's translatable messages and keep its catalogues in step with the code.

    python tools/engine_messages.py            # report templates without a German or Spanish entry
    python tools/engine_messages.py --update   # add them to model_core/locale/*.json (empty), each after its
                                               # neighbour in the code; the entries there do not move
                                               # (also run by make translations)

A message of ``model_core`` is translatable when the code passes a literal template to ``_()``, or marks a
constant with ``N_()`` (:mod:`model_core.i18n`); a literal ``context="cloud masks"`` beside it makes the pair an
entry of its own (the key ``cloud masks\x04none``: a shared word worded by what it stands for), which needs its
own translation (the plain word's is only the fallback of a catalogue that lacks it).  This reads them with ``ast`` (no module is imported) and checks, for each
language in :data:`model_core.i18n.LANGUAGES`, that every template has a non-empty translation whose
replacement fields (name, conversion, format spec) are the template's -- an option the plugin names its own way
(``--bands``, ``--overwrite``) is such a field, ``{option}`` or ``({option:full})`` (:func:`model_core.i18n.option`),
so a translation that drops or spells it out is caught there -- and which keeps the command-line options and
Processing parameter names the template writes out (:data:`OPTION_NAMES`: the plugin finds ``ALLOW_HUGE`` in a
message, in every language), that no catalogue keeps an entry no
longer in the code, and that no module binds the name ``_`` itself (``key, _, value = ...`` in a function
that also calls ``_()`` would hide the translation function there).  Exit status 1 when something is wrong.
"""

import ast
import collections
import glob
import json
import os
import re
import string
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from model_core.i18n import LANGUAGES, catalogue_path, context_key  # noqa: E402

ENGINE = os.path.join(ROOT, "model_core")
_SCOPES_OF_THEIR_OWN = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
# the command line's options (--bands) and Processing's parameter names (ALLOW_HUGE, BANDS_PER_DATE, BANDS,
# OVERWRITE, ...) as a message writes them out: a translation keeps each, as often as the template (the plugin offers
# ALLOW_HUGE by finding it in a message; the options it names its own way are fields, checked with the others)
OPTION_NAMES = re.compile(r"--[a-z][a-z-]*|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b"
                          r"|\b(?:BANDS|OVERWRITE|MODEL|DEVICE|WEIGHTS|MASKS|DATES|REPORT|QUICKLOOK|THRESHOLD)\b")


def fields(text):
    """The sorted replacement fields of a template, as (name, conversion, spec); ValueError when malformed."""
    return sorted((name, conv or "", spec or "") for _lit, name, spec, conv in string.Formatter().parse(text)
                  if name is not None)


def _stores_underscore(node):
    """Lines where ``node`` (a module) binds ``_`` outside a comprehension: an assignment or loop variable, an
    argument of a function or lambda (``*_`` too: ``def traced(complete, *_)`` made ``_()`` in its body call a
    tuple), ``except ... as _`` or ``import ... as _`` (other than the translation function's own import)."""
    found, stack = [], [node]
    while stack:
        n = stack.pop()
        if isinstance(n, _SCOPES_OF_THEIR_OWN):
            continue
        if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store):
            found.append(n.lineno)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and any(
                a is not None and a.arg == "_" for a in n.args.args + n.args.kwonlyargs + n.args.posonlyargs
                + [n.args.vararg, n.args.kwarg]):
            found.append(n.lineno)
        if isinstance(n, ast.ExceptHandler) and n.name == "_":
            found.append(n.lineno)
        if isinstance(n, (ast.Import, ast.ImportFrom)) and any(
                (a.asname or a.name) == "_" for a in n.names) and not (
                isinstance(n, ast.ImportFrom) and n.module == "model_core.i18n" and all(
                    a.asname is None for a in n.names if a.name == "_")):
            found.append(n.lineno)
        stack.extend(ast.iter_child_nodes(n))
    return sorted(found)


CONTEXT = re.compile(r"[a-z][a-z ]*[a-z]\Z")


def _literal_context(call):
    """The literal ``context=`` of a ``_()`` or ``N_()`` call: None without one, False when it is not a literal of
    a few lower-case words or other keywords are given."""
    if not call.keywords:
        return None
    if (len(call.keywords) == 1 and call.keywords[0].arg == "context" and isinstance(call.keywords[0].value, ast.Constant)
            and isinstance(call.keywords[0].value.value, str) and CONTEXT.match(call.keywords[0].value.value)):
        return call.keywords[0].value.value
    return False


def module_templates(path):
    """([(template, line)], [problem]) of one module."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    rel = os.path.relpath(path, ROOT)
    found, problems = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_"):
            context = _literal_context(node)
            if (len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and context is not False):
                found.append((context_key(node.args[0].value, context), node.lineno))
            else:
                problems.append(f"{rel}:{node.lineno}: _() takes one literal template and, optionally, a literal "
                                f"context=\"a few lower-case words\"")
    if found:
        problems += [f"{rel}:{line}: binds the name _, which hides the translation function _()"
                     for line in _stores_underscore(tree)]
    found.sort(key=lambda m: m[1])
    return found, problems


def code_templates():
    """([(template, 'file:line')] in code order, each template once; [problem])."""
    out, seen, problems = [], set(), []
    for path in sorted(glob.glob(os.path.join(ENGINE, "**", "*.py"), recursive=True)):
        found, probs = module_templates(path)
        problems += probs
        for text, line in found:
            if text not in seen:
                seen.add(text)
                out.append((text, f"{os.path.relpath(path, ROOT)}:{line}"))
    return out, problems


def read_catalogue(code):
    with open(catalogue_path(code), encoding="utf-8") as f:
        return json.load(f)


def check():
    """Every problem with the templates and the catalogues, as lines."""
    templates, problems = code_templates()
    for text, where in templates:
        try:
            fields(text)
        except ValueError as exc:
            problems.append(f"{where}: template is not a valid format string ({exc}): {text!r}")
    known = {t for t, _w in templates}
    for code in LANGUAGES:
        entries = read_catalogue(code)
        for text, where in templates:
            translated = entries.get(text)
            if not isinstance(translated, str) or not translated.strip():
                problems.append(f"{code}: no translation of {where}: {text!r}")
                continue
            try:
                same = fields(translated) == fields(text)
            except ValueError as exc:
                problems.append(f"{code}: translation of {where} is not a valid format string ({exc})")
                continue
            if not same:
                problems.append(f"{code}: the fields of the translation of {where} differ from the template's: "
                                f"{sorted(set(fields(translated)) ^ set(fields(text)))}")
            options = collections.Counter(OPTION_NAMES.findall(text))
            kept = collections.Counter(OPTION_NAMES.findall(translated))
            if options != kept:
                problems.append(f"{code}: the translation of {where} does not keep the template's options and "
                                f"parameter names: {sorted((options - kept) + (kept - options))}")
        problems += [f"{code}: entry no longer in the code: {text!r}" for text in entries if text not in known]
    return problems


def merged(entries, templates):
    """``entries`` (a catalogue, {template: translation}) with the ``templates`` (in code order) it lacks added,
    empty.  The entries it has keep their place and text; a new one goes right after the entry of the template
    before it in the code (the nearest one the catalogue has; at the top when there is none), so new messages land
    beside their neighbours and a run adds lines without moving any (it sorted the whole file into code order: a
    diff of ~100 moved lines for two new messages).  Nothing is dropped: an entry no longer in the code stays where
    it is, and :func:`check` reports it."""
    keys = list(entries)
    have = set(keys)
    previous = None
    for text in templates:
        if text not in have:
            keys.insert(keys.index(previous) + 1 if previous is not None else 0, text)
            have.add(text)
        previous = text
    return {t: entries.get(t, "") for t in keys}


def update():
    """Add the templates missing from each catalogue, empty (:func:`merged`); a catalogue that lacks none is not
    written.  Returns {language: templates added}."""
    templates, _problems = code_templates()
    added = {}
    for code in LANGUAGES:
        entries = read_catalogue(code)
        new = merged(entries, [t for t, _w in templates])
        added[code] = len(new) - len(entries)
        if added[code]:
            with open(catalogue_path(code), "w", encoding="utf-8") as f:
                json.dump(new, f, ensure_ascii=False, indent=1)
                f.write("\n")
    return added


def main(argv=None):
    """Check the catalogues (exit status 1 on a problem), or with ``--update`` add the missing templates first
    (exit status 0: the new entries are there to translate).  It ignored ``--help`` and ran the check."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python tools/engine_messages.py",
        description="Check the engine's translatable messages (model_core's _() templates and N_() constants) "
                    "against its German and Spanish catalogues, model_core/locale/*.json: every template needs a "
                    "non-empty translation with the template's replacement fields and its command-line options "
                    "and Processing parameter names; no catalogue keeps an entry no longer in the code; no "
                    "module binds the name _. Prints each problem and a count; exit status 1 when there is one.",
        epilog="make translations runs it with --update.", allow_abbrev=False)
    parser.add_argument("--update", action="store_true",
                        help="first add the templates missing from each catalogue, empty, each right after the "
                             "entry of the template before it in the code (the entries there keep their order; "
                             "nothing is dropped); then report as above, with exit status 0")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.update:
        for code, n in update().items():
            if n:
                print(f"{os.path.relpath(catalogue_path(code), ROOT)}: {n} new template(s) added, empty, each after "
                      "the entry of the template before it in the code")
    problems = check()
    for line in problems:
        print(line)
    templates, _p = code_templates()
    print(f"{len(templates)} templates, {len(problems)} problems")
    return 1 if problems and not args.update else 0  # (--update: the new entries are there to translate)


if __name__ == "__main__":
    sys.exit(main())
