"""Check (and optionally fix) the plugin's Qt code for Qt 6 / PyQt6, which QGIS 4 is built on.

QGIS 4 runs plugins under PyQt6, where every Qt enum is a scoped Python enum: ``Qt.AlignLeft`` raises
AttributeError and must be written ``Qt.AlignmentFlag.AlignLeft`` (a form PyQt5 5.15, under QGIS 3,
accepts too). Some methods are gone (``exec_``, ``QFontMetrics.width``) and some classes moved
(``QAction`` to QtGui). This tool reads the given Python files with ``ast``, takes every attribute chain
that starts at a name imported from ``qgis.PyQt.<module>`` and resolves it on the real PyQt6 module,
so what it reports is what would raise under QGIS 4.  Where the receiver's type is not written in the
code, two checks remain: the event an override of a Qt event handler receives has the class PyQt6's
signature of that handler says (``dropEvent``: QDropEvent, which has no ``pos()`` in Qt 6), so what the
override reads from it is resolved on that class; and a few Qt 5 methods that no PyQt6 class has at all
(``posF``, ``toTime_t``...) are reported on any receiver.

Run it with an interpreter that has PyQt6 (``make setup`` installs it into the project's venv; QGIS 3's
PyQt5 is never imported here):

    python tools/qt6_check.py caim_qgis_plugin            # report, exit 1 on any finding
    python tools/qt6_check.py --fix caim_qgis_plugin      # rewrite short enum names in place, then report

QGIS's own enums (``Qgis.Warning``, ``QgsProcessing.TypeRaster``...) cannot be checked here (there
is no QGIS 4 on this machine); ``tests/test_qt6.py`` checks those against the rule the plugin follows.
"""
import argparse
import ast
import enum
import functools
import importlib
import os
import re
import sys

# What QGIS 4's qgis.PyQt modules add to PyQt6's (python/PyQt/PyQt6/*.py in QGIS's sources).
QGIS_SHIMS = {"QtCore": {"NULL"}, "QtWidgets": set()}
# Methods that PyQt6 no longer has, with what PyQt6 has instead (PyQt5 5.15 has the replacements too, except
# position() of its mouse and drop events: caim_qgis_plugin/qtcompat.py's event_point() covers both). They
# are reported on any receiver, whatever its type (a helper's ``event`` argument), so the table holds only
# names no class of PyQt6's QtCore, QtGui and QtWidgets has: an entry that some class has is left out at
# run time (removed_methods()), so it can never report a call PyQt6 accepts.
REMOVED_METHODS = {
    "exec_": ".exec()",
    "print_": ".print()",
    "posF": ".position()",                 # QDropEvent, QWheelEvent, QTabletEvent
    "localPos": ".position()",             # QMouseEvent
    "windowPos": ".scenePosition()",       # QMouseEvent
    "globalPosF": ".globalPosition()",     # QWheelEvent, QTabletEvent
    "desktop": "QApplication.screens() or widget.screen()",  # QApplication.desktop()
    "widthChar": ".horizontalAdvance()",   # QFontMetrics
    "tabStopWidth": ".tabStopDistance()",  # QTextEdit, QPlainTextEdit
    "setTabStopWidth": ".setTabStopDistance()",
    "toTime_t": ".toSecsSinceEpoch()",     # QDateTime
    "setTime_t": ".setSecsSinceEpoch()",
    "fromTime_t": ".fromSecsSinceEpoch()",
    "filterRegExp": ".filterRegularExpression()",  # QSortFilterProxyModel
    "setFilterRegExp": ".setFilterRegularExpression()",
    "getTextMargins": ".textMargins()",    # QLineEdit
}
# The Qt modules whose classes the plugin uses; what they define is what the checks below look names up in.
QT6_MODULES = ("QtCore", "QtGui", "QtWidgets")


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


@functools.lru_cache(maxsize=None)
def qt6_classes():
    """Every class of PyQt6's QT6_MODULES: [(name, class)]."""
    found = []
    for module in QT6_MODULES:
        mod = importlib.import_module("PyQt6." + module)
        found += [(name, obj) for name, obj in vars(mod).items() if isinstance(obj, type)]
    return found


@functools.lru_cache(maxsize=None)
def removed_methods():
    """REMOVED_METHODS without any name a PyQt6 class has."""
    defined = set()
    for _name, cls in qt6_classes():
        defined.update(dir(cls))
    return {name: use for name, use in REMOVED_METHODS.items() if name not in defined}


def _split_params(text):
    """'self, a0: QDropEvent|None' -> ['self', 'a0: QDropEvent|None'] (commas inside brackets kept)."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
            continue
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        cur += ch
    return parts + [cur.strip()] if cur.strip() else parts


@functools.lru_cache(maxsize=None)
def _event_class(annotation):
    """The PyQt6 event class an annotation ('QDropEvent|None', 'Optional[QWheelEvent]') names; None for
    anything else, and for QEvent itself (PyQt6 hands an event filter or event() the event's real class)."""
    name = re.sub(r"^Optional\[(.*)\]$", r"\1", annotation.strip())
    name = name.replace("|None", "").replace("| None", "").strip()
    qevent = importlib.import_module("PyQt6.QtCore").QEvent
    for module in QT6_MODULES:
        cls = getattr(importlib.import_module("PyQt6." + module), name, None)
        if isinstance(cls, type) and issubclass(cls, qevent) and cls is not qevent:
            return cls
    return None


@functools.lru_cache(maxsize=None)
def _handler_owners(method):
    """The PyQt6 classes that define ``method`` (a virtual such as dropEvent)."""
    return tuple(cls for _name, cls in qt6_classes() if method in vars(cls))


def handler_param_types(method, n_params, owners):
    """[set of event classes or None] for each of the ``n_params`` parameters (after self) of an override of
    ``method`` of ``owners`` (PyQt6 classes), read from PyQt6's signatures ('dropEvent(self, a0:
    QDropEvent|None)'); None for a parameter that is not always an event of a known class."""
    types = [set() for _ in range(n_params)]
    matched = False
    for owner in owners:
        doc = getattr(getattr(owner, method, None), "__doc__", None) or ""
        for line in doc.splitlines():
            m = re.match(r"\s*%s\((.*)\)" % re.escape(method), line)
            if not m:
                continue
            params = _split_params(m.group(1))
            if not params or params[0] != "self" or len(params) - 1 != n_params:
                continue
            matched = True
            for i, param in enumerate(params[1:]):
                cls = _event_class(param.split(":", 1)[1]) if ":" in param else None
                if types[i] is not None:
                    types[i] = (types[i] | {cls}) if cls is not None else None
    if not matched:
        return [None] * n_params
    return [t if t else None for t in types]


def _rebound(func, name):
    """Is ``name`` assigned, or taken as a parameter by a nested function, anywhere inside ``func``?"""
    for node in ast.walk(func):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, (ast.Store, ast.Del)):
            return True
        if node is not func and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if name in [a.arg for a in node.args.args + node.args.kwonlyargs + node.args.posonlyargs]:
                return True
    return False


def event_handler_problems(tree, imports):
    """Attributes that an override of a Qt event handler (dropEvent, wheelEvent, mousePressEvent...) reads
    from its event and that the event's PyQt6 class lacks: ``event.pos()`` in a dropEvent (a QDropEvent has
    only position() in Qt 6), ``event.delta()`` in a widget's wheelEvent.  The event's class is the one of
    the Qt base class's handler (a base imported from qgis.PyQt), else the classes of every PyQt6 handler of
    that name (a QGIS base such as QgsMapTool), and only what none of them has is reported."""
    problems = []
    modules = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        qt_bases = []
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in imports:
                module, name, _line = imports[base.id]
                if module not in modules:
                    try:
                        modules[module] = importlib.import_module("PyQt6." + module)
                    except ImportError:
                        continue
                cls = getattr(modules[module], name, None)
                if isinstance(cls, type):
                    qt_bases.append(cls)
        for func in node.body:
            if not isinstance(func, ast.FunctionDef) or not func.args.args or func.args.args[0].arg != "self":
                continue
            params = [a.arg for a in func.args.args[1:]]
            if not params or func.args.vararg:
                continue
            owners = tuple(b for b in qt_bases if hasattr(b, func.name)) or _handler_owners(func.name)
            if not owners:
                continue
            for param, classes in zip(params, handler_param_types(func.name, len(params), owners)):
                if not classes or _rebound(func, param):
                    continue
                for sub in ast.walk(func):
                    if (isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == param
                            and isinstance(sub.ctx, ast.Load) and not any(hasattr(c, sub.attr) for c in classes)):
                        names = sorted(c.__name__ for c in classes)
                        lacks = "%s has no" % names[0] if len(names) == 1 else "none of %s has" % ", ".join(names)
                        problems.append((sub.lineno, "%s.%s in %s: %s %s() under PyQt6" % (
                            param, sub.attr, func.name, lacks, sub.attr)))
    return problems


# Getters whose PyQt6 return value is a plain enum (not an int), compared with a number in Qt 5 code
# (``item.checkState(0) == 2``: always False under PyQt6); kept only where every PyQt6 method of the name
# returns such an enum (plain_enum_getters()).
PLAIN_ENUM_GETTERS = ("checkState", "buttonRole", "horizontalPolicy", "verticalPolicy")


def _qt6_object(dotted):
    """The PyQt6 object a return annotation names ('Qt.CheckState', 'QSizePolicy.Policy'), or None."""
    for module in QT6_MODULES:
        obj = importlib.import_module("PyQt6." + module)
        for part in dotted.split("."):
            obj = getattr(obj, part, None)
        if obj is not None:
            return obj
    return None


@functools.lru_cache(maxsize=None)
def plain_enum_getters():
    """PLAIN_ENUM_GETTERS whose every PyQt6 definition returns a plain (non-int) enum."""
    kept = set()
    for method in PLAIN_ENUM_GETTERS:
        returns = []
        for _name, cls in qt6_classes():
            if method in vars(cls):  # a method (QStyleOptionViewItem's checkState, a field, has no signature)
                doc = getattr(getattr(cls, method, None), "__doc__", None) or ""
                returns += re.findall(r"^\s*%s\(.*\)\s*->\s*(\S+)\s*$" % re.escape(method), doc, re.M)
        types = [_qt6_object(r) for r in returns]
        if types and all(isinstance(t, type) and issubclass(t, enum.Enum) and not issubclass(t, int) for t in types):
            kept.add(method)
    return kept


def _number(node):
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def enum_number_problems(tree, plain_enums):
    """Plain enum values mixed with numbers, which PyQt5's int-like enums allowed: ``int(Qt.CheckState.
    Checked)`` and ``QSizePolicy.Policy.Expanding + 1`` raise TypeError under PyQt6, and a plain enum (a Qt
    one named in the code, or what a PLAIN_ENUM_GETTERS call returns) compared with a number is never equal
    to it (and <, > raise).  IntEnum members (Qt.ItemDataRole, Qt.Key) stay ints and are not reported.
    ``plain_enums``: [(node, dotted name)] of the Qt chains that resolve to a plain enum's member."""
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    problems = []
    for node, dotted in plain_enums:
        parent = parents.get(node)
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id in ("int", "float") \
                and node in parent.args:
            problems.append((node.lineno, f"{parent.func.id}({dotted}) raises TypeError under PyQt6 (a plain enum, "
                                          "not an int: compare it with enum members)"))
        elif isinstance(parent, ast.BinOp):
            other = parent.right if parent.left is node else parent.left
            if not isinstance(parent.op, (ast.BitOr, ast.BitAnd, ast.BitXor)) or _number(other):
                problems.append((node.lineno, f"{dotted} in arithmetic raises TypeError under PyQt6 (a plain enum)"))
        elif isinstance(parent, ast.Compare) and any(_number(n) for n in [parent.left] + parent.comparators):
            problems.append((node.lineno, f"{dotted} compared with a number: a plain enum under PyQt6 (never equal "
                                          "to it; <, > raise TypeError)"))
    getters = plain_enum_getters()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left] + node.comparators
        for operand in operands:
            if (isinstance(operand, ast.Call) and isinstance(operand.func, ast.Attribute)
                    and operand.func.attr in getters and any(_number(n) for n in operands)):
                problems.append((node.lineno, f".{operand.func.attr}() compared with a number: PyQt6 returns a plain "
                                              "enum (never equal to it; <, > raise TypeError): compare with the enum "
                                              "member"))
    return problems


def check_file(path, fix=False):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source, path)
    imports = qt_imports(tree)
    problems, edits, plain_enums = [], [], []
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
        else:
            if isinstance(obj, enum.Enum) and not isinstance(obj, int):
                plain_enums.append((node, ".".join(parts)))
    problems += enum_number_problems(tree, plain_enums)
    problems += event_handler_problems(tree, imports)
    removed = removed_methods()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in removed:
            problems.append((node.lineno, f".{node.attr}: removed in PyQt6, use {removed[node.attr]}"))
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
