#!/usr/bin/env python3
"""Update the plugin's Qt Linguist files with the texts of the code, and compile them.

    python tools/translations.py            # update caim_qgis_plugin/i18n/*.ts, then lrelease them to .qm
    python tools/translations.py --drop-obsolete   # the same, without the texts no longer in the code

pylupdate5 does not see our module-level ``tr = translator("Context")`` functions, so the texts are
read from the code with ``ast``: every literal passed to ``tr(...)`` or ``noop(...)`` in a plugin
module, in that module's context (the name given to ``translator(...)``, or the one of the module's
own ``def tr`` with ``QCoreApplication.translate("Context", text)``).  Existing translations are kept;
a new text is added unfinished; a text no longer in the code is marked obsolete (lrelease skips it).
"""

import ast
import glob
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = os.path.join(ROOT, "caim_qgis_plugin")
I18N = os.path.join(PLUGIN, "i18n")
MARKERS = ("tr", "noop")


def module_context(tree):
    """The translation context of a module, or None when it translates nothing."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "translator"
                and node.args and isinstance(node.args[0], ast.Constant)):
            return node.args[0].value
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "translate"
                and node.args and isinstance(node.args[0], ast.Constant)):
            return node.args[0].value
    return None


def messages(path):
    """(context, [(text, line)]) of one module, texts in the order of the code, each once."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    context = module_context(tree)
    found, seen = [], set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            if node.args[0].value not in seen:
                seen.add(node.args[0].value)
                found.append((node.args[0].value, node.lineno))
    found.sort(key=lambda m: m[1])
    return context, found


def code_messages():
    """{context: [(text, file name, line)]} of every plugin module."""
    out = {}
    for path in sorted(glob.glob(os.path.join(PLUGIN, "*.py"))):
        context, found = messages(path)
        if context and found:
            out.setdefault(context, []).extend((t, os.path.basename(path), line) for t, line in found)
    return out


def read_ts(path):
    """{(context, source): (translation, type)} of a .ts file (type '' for finished)."""
    if not os.path.exists(path):
        return {}
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            out[(name, msg.findtext("source"))] = (tr.text or "" if tr is not None else "",
                                                   tr.get("type", "") if tr is not None else "unfinished")
    return out


def write_ts(path, language, code, old, keep_obsolete=True):
    root = ET.Element("TS", version="2.1", language=language)
    for context in sorted(code):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        current = set()
        for text, filename, line in code[context]:
            current.add(text)
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "location", filename="../%s" % filename, line=str(line))
            ET.SubElement(msg, "source").text = text
            translation, kind = old.get((context, text), ("", "unfinished"))
            el = ET.SubElement(msg, "translation")
            el.text = translation
            if kind == "obsolete" or not translation:
                el.set("type", "unfinished")
            elif kind:
                el.set("type", kind)
        for (c, text), (translation, _) in sorted(old.items()):
            if keep_obsolete and c == context and text not in current and translation:
                msg = ET.SubElement(ctx, "message")
                ET.SubElement(msg, "source").text = text
                ET.SubElement(msg, "translation", type="obsolete").text = translation
    ET.indent(root, "    ")
    body = ET.tostring(root, encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")


def lrelease():
    """Qt's lrelease (qttools5-dev-tools), or None."""
    for name in ("lrelease", "lrelease-qt5"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/lib/qt5/bin/lrelease" if os.path.exists("/usr/lib/qt5/bin/lrelease") else None


def compile_ts(ts, qm, tool=None):
    tool = tool or lrelease()
    if tool is None:
        raise SystemExit("lrelease not found: install Qt's linguist tools (Debian: qttools5-dev-tools).")
    subprocess.run([tool, "-silent", "-nounfinished", ts, "-qm", qm], check=True)


def main(argv=None):
    keep_obsolete = "--drop-obsolete" not in (sys.argv[1:] if argv is None else argv)
    code = code_messages()
    for ts in sorted(glob.glob(os.path.join(I18N, "caim_*.ts"))):
        language = os.path.basename(ts)[len("caim_"):-len(".ts")]
        old = read_ts(ts)
        write_ts(ts, language, code, old, keep_obsolete)
        compile_ts(ts, ts[:-3] + ".qm")
        left = sum(1 for t in read_ts(ts).values() if t[1] == "unfinished")
        print("%s: %d texts, %d to translate" % (os.path.relpath(ts, ROOT), sum(map(len, code.values())), left))
    return 0


if __name__ == "__main__":
    sys.exit(main())
