"""Check (and optionally fix) the plugin's Qt code for Qt 6 / PyQt6, which QGIS 4 is built on.

QGIS 4 runs plugins under PyQt6, where every Qt enum is a scoped Python enum: ``Qt.AlignLeft`` raises
AttributeError and must be written ``Qt.AlignmentFlag.AlignLeft`` (a form PyQt5 5.15, under QGIS 3,
accepts too). Some methods are gone (``exec_``, ``QFontMetrics.width``) and some classes moved
(``QAction`` to QtGui). This tool reads the given Python files with ``ast``, takes every attribute chain
that starts at a name imported from ``qgis.PyQt.<module>`` and resolves it on the real PyQt6 module,
so what it reports is what would raise under QGIS 4.

Run it with an interpreter that has PyQt6 (``make setup`` installs it into the project's venv; QGIS 3's
PyQt5 is never imported here):

    python tools/qt6_check.py caim_qgis_plugin            # report, exit 1 on any finding
    python tools/qt6_check.py --fix caim_qgis_plugin      # rewrite short enum names in place, then report

QGIS's own enums (``Qgis.Warning``, ``QgsProcessing.TypeRaster``...) cannot be checked here (there
is no QGIS 4 on this machine); ``tests/test_qt6.py`` checks those against the rule the plugin follows.
"""
import argparse
import ast
import importlib
import os
import sys

# What QGIS 4's qgis.PyQt modules add to PyQt6's (python/PyQt/PyQt6/*.py in QGIS's sources).
QGIS_SHIMS = {"QtCore": {"NULL"}, "QtWidgets": set()}
# Methods that PyQt6 no longer has, with what to use instead (both also work under PyQt5 5.15).
REMOVED_METHODS = {"exec_": "exec()"}


def py_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, _dirs, names in os.walk(path):
                yield from (os.path.join(root, n) for n in sorted(names) if n.endswith(".py"))
        else:
            yield path


def fallbacks(tree):
    """Nodes inside ``except ImportError`` handlers: the Qt 5 branch of a Qt 5 / Qt 6 import."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and isinstance(node.type, ast.Name) and node.type.id == "ImportError":
            for stmt in node.body:
                inside.update(id(n) for n in ast.walk(stmt))
    return inside


def qt_imports(tree):
    """{local name: (module, imported name)} for names imported from qgis.PyQt.<module>, leaving out
    the Qt 5 fallbacks of ``try: ... except ImportError:``."""
    names = {}
    skip = fallbacks(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qgis.PyQt."):
            module = node.module.split(".", 2)[2]
            for alias in node.names:
                names[alias.asname or alias.name] = (module, alias.name, node.lineno)
    return names


def chains(tree, roots):
    """Every outermost attribute chain Name.a.b... whose Name is in roots: (node, [Name, a, b...])."""
    inner = set()
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or id(node) in inner:
            continue
        parts, cur = [], node
        while isinstance(cur, ast.Attribute):
            inner.add(id(cur.value))
            parts.append(cur.attr)
            cur = cur.value
        if isinstance(cur, ast.Name) and cur.id in roots:
            found.append((node, cur, [cur.id] + parts[::-1]))
    return found


def enum_owner(cls, member):
    """The name of the enum nested in cls that has member, or None."""
    for name in dir(cls):
        value = getattr(cls, name, None)
        if isinstance(value, type) and hasattr(value, "__members__") and member in value.__members__:
            return name
    return None


def check_file(path, fix=False):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source, path)
    imports = qt_imports(tree)
    problems, edits = [], []
    modules = {}
    for local, (module, name, line) in imports.items():
        if module == "sip":
            continue
        try:
            modules[module] = mod = importlib.import_module("PyQt6." + module)
        except ImportError:
            problems.append((line, f"qgis.PyQt.{module} does not exist under PyQt6"))
            continue
        if not hasattr(mod, name) and name not in QGIS_SHIMS.get(module, ()):
            problems.append((line, f"{name} is not in qgis.PyQt.{module} under Qt 6"))
    for node, root, parts in chains(tree, imports):
        module, name, _line = imports[root.id]
        if module not in modules:
            continue
        obj = getattr(modules[module], name, None)
        if obj is None:
            continue
        for i, attr in enumerate(parts[1:], start=1):
            try:
                obj = getattr(obj, attr)
            except AttributeError:
                owner = enum_owner(obj, attr) if isinstance(obj, type) else None
                dotted = ".".join(parts[:i + 1])
                if owner:
                    problems.append((node.lineno, f"{dotted}: write {'.'.join(parts[:i])}.{owner}.{attr}"))
                    # the position just after the owner part, for --fix
                    prefix = parts[:i]
                    edits.append((root.lineno, root.col_offset, ".".join(prefix), owner))
                else:
                    problems.append((node.lineno, f"{dotted} does not exist under PyQt6"))
                break
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in REMOVED_METHODS:
            problems.append((node.lineno, f".{node.attr}: removed in PyQt6, use .{REMOVED_METHODS[node.attr]}"))
        if (isinstance(node, ast.Attribute) and node.attr == "width" and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "fontMetrics"):
            problems.append((node.lineno, "fontMetrics().width(): removed in Qt 6, use horizontalAdvance()"))
    if fix and edits:
        lines = source.splitlines(keepends=True)
        # rewrite from the end so earlier offsets stay valid
        for lineno, col, prefix, owner in sorted(edits, reverse=True):
            text = lines[lineno - 1]
            assert text[col:col + len(prefix)] == prefix, (path, lineno, prefix)
            lines[lineno - 1] = text[:col + len(prefix)] + "." + owner + text[col + len(prefix):]
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(lines))
        return check_file(path, fix=False)
    return sorted(problems)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--fix", action="store_true", help="rewrite short enum names into scoped ones")
    args = parser.parse_args(argv)
    try:
        importlib.import_module("PyQt6.QtCore")
    except ImportError:
        print("qt6_check: PyQt6 is not installed in this Python (pip install PyQt6)", file=sys.stderr)
        return 2
    count = 0
    for path in py_files(args.paths):
        for line, message in check_file(path, fix=args.fix):
            print(f"{path}:{line}: {message}")
            count += 1
    print(f"qt6_check: {count} problem(s)", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
