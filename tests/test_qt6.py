"""QGIS 4 readiness: QGIS 4 runs plugins under Qt 6 / PyQt6, which this machine's QGIS 3.22 does not.

The Qt side is checked against the real PyQt6 (installed by `make setup`, in a child process: PyQt5 and
PyQt6 cannot share one process). The QGIS side: QGIS 4 keeps the QGIS 3 enum names the plugin uses as
aliases of its new scoped enums (python/PyQt6/core/auto_additions/*.py and python/PyQt6/gui/
auto_additions/*.py in QGIS's sources); the list below was checked name by name against those files,
and a test fails on any QGIS enum name the plugin starts using that is not on it.
"""

import ast
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOL = os.path.join(ROOT, "tools", "qt6_check.py")
PLUGIN = os.path.join(ROOT, "caim_qgis_plugin")
sys.path.insert(0, os.path.join(ROOT, "tools"))
import package  # noqa: E402


def _pyqt6():
    probe = subprocess.run([sys.executable, "-c", "import PyQt6.QtWidgets"], capture_output=True)
    if probe.returncode:
        pytest.fail("PyQt6 is not installed in %s: run `make setup`" % sys.executable)


def run_check(*args):
    return subprocess.run([sys.executable, TOOL, *args], capture_output=True, text=True, timeout=120)


def test_the_plugin_has_no_qt5_only_code():
    _pyqt6()
    result = run_check(PLUGIN)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s)" in result.stderr


def test_the_check_finds_what_pyqt6_rejects_and_fixes_short_enum_names(tmp_path):
    _pyqt6()
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from qgis.PyQt.QtCore import Qt\n"
        "from qgis.PyQt.QtWidgets import QAction, QMessageBox\n"
        "try:\n"
        "    from qgis.PyQt.QtGui import QShortcut\n"
        "except ImportError:\n"
        "    from qgis.PyQt.QtWidgets import QShortcut\n"
        "align = Qt.AlignLeft | Qt.AlignmentFlag.AlignTop\n"
        "answer = QMessageBox.Yes\n"
        "role = Qt.UserRole + 1\n"
        "def run(box, painter):\n"
        "    box.exec_()\n"
        "    return painter.fontMetrics().width('a')\n", encoding="utf-8")
    result = run_check(str(bad))
    assert result.returncode == 1
    out = result.stdout
    assert "bad.py:2: QAction is not in qgis.PyQt.QtWidgets" in out
    assert "QShortcut" not in out  # the Qt 5 fallback of a try/except ImportError is fine
    assert "bad.py:7: Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft" in out
    assert "AlignTop" not in out
    assert "bad.py:8: QMessageBox.Yes: write QMessageBox.StandardButton.Yes" in out
    assert "bad.py:9: Qt.UserRole: write Qt.ItemDataRole.UserRole" in out
    assert "bad.py:11: .exec_: removed in PyQt6" in out
    assert "bad.py:12: fontMetrics().width(): removed in Qt 6" in out
    assert "6 problem(s)" in result.stderr

    fixed = run_check("--fix", str(bad))
    text = bad.read_text(encoding="utf-8")
    assert "align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop\n" in text
    assert "answer = QMessageBox.StandardButton.Yes\n" in text
    assert "role = Qt.ItemDataRole.UserRole + 1\n" in text
    assert "3 problem(s)" in fixed.stderr  # what --fix leaves to a person: QAction, exec_, width


def test_the_check_types_the_event_of_an_event_handler_override(tmp_path):
    """A Qt event handler's event has the class PyQt6's signature of that handler says; what the override
    reads from it that the class lacks is reported (event.pos() in a dropEvent raised under Qt 6), and
    nothing where the class is not certain."""
    _pyqt6()
    bad = tmp_path / "handlers.py"
    bad.write_text(
        "from qgis.PyQt.QtCore import QObject\n"
        "from qgis.PyQt.QtWidgets import QTreeWidget\n"
        "from qgis.gui import QgsMapTool\n"
        "class Tree(QTreeWidget):\n"
        "    def dropEvent(self, event):\n"
        "        row = self.itemAt(event.pos())\n"
        "        event.setDropAction(event.proposedAction())\n"
        "        return row, event.position()\n"
        "    def wheelEvent(self, event):\n"
        "        return event.delta() + event.angleDelta().y()\n"
        "class Tool(QgsMapTool):\n"
        "    def mousePressEvent(self, e):\n"
        "        return e.globalPos(), e.position(), e.buttons()\n"
        "    def keyPressEvent(self, event):\n"
        "        event = self.translate(event)\n"
        "        return event.anything()\n"
        "class Filter(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        return event.key() if obj.isWidgetType() else False\n"
        "def point(event):\n"
        "    return event.posF(), event.pos()\n", encoding="utf-8")
    result = run_check(str(bad))
    out = result.stdout
    assert "handlers.py:6: event.pos in dropEvent: QDropEvent has no pos() under PyQt6" in out
    assert "handlers.py:10: event.delta in wheelEvent: QWheelEvent has no delta() under PyQt6" in out
    # a QGIS base: the event is any PyQt6 mousePressEvent's, reported only when none of them has it
    assert ("handlers.py:13: e.globalPos in mousePressEvent: none of QGraphicsSceneMouseEvent, QMouseEvent has "
            "globalPos() under PyQt6") in out
    assert "handlers.py:21: .posF: removed in PyQt6, use .position()" in out  # no PyQt6 class has posF
    # what they have, an event rebound, QEvent (PyQt6 passes the real class) and pos() of an unknown receiver
    assert "4 problem(s)" in result.stderr, out


def test_the_check_would_see_a_qt5_drop_position_in_the_plugins_layer_list(tmp_path):
    """The plugin's own drop handler (dialog.OrderedLayerTree.dropEvent) as it would be written for Qt 5."""
    _pyqt6()
    with open(os.path.join(PLUGIN, "dialog.py"), encoding="utf-8") as f:
        source = f.read()
    assert "self.drop_row(event_point(event))" in source
    qt5 = tmp_path / "dialog.py"
    qt5.write_text(source.replace("self.drop_row(event_point(event))", "self.drop_row(event.pos())"), encoding="utf-8")
    result = run_check(str(qt5))
    assert "event.pos in dropEvent: QDropEvent has no pos() under PyQt6" in result.stdout, result.stdout
    assert "1 problem(s)" in result.stderr


def test_the_check_finds_plain_enums_mixed_with_numbers(tmp_path):
    """PyQt6 makes Qt.CheckState, QSizePolicy.Policy, QDialogButtonBox.ButtonRole... plain enums (PyQt5's were
    ints): int() of one and arithmetic raise, and one compared with a number is never equal to it."""
    _pyqt6()
    bad = tmp_path / "numbers.py"
    bad.write_text(
        "from qgis.PyQt.QtCore import Qt\n"
        "from qgis.PyQt.QtWidgets import QSizePolicy\n"
        "def run(item, box, button):\n"
        "    checked = item.checkState(0) == 2\n"
        "    state = int(Qt.CheckState.Checked)\n"
        "    grow = QSizePolicy.Policy.Expanding + 1\n"
        "    on = Qt.CheckState.Checked != 0\n"
        "    reject = box.buttonRole(button) == 1\n"
        "    role = Qt.ItemDataRole.UserRole + 1\n"
        "    key = Qt.Key.Key_0 + 3\n"
        "    same = item.checkState(0) == Qt.CheckState.Checked\n"
        "    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable\n"
        "    return checked, state, grow, on, reject, role, key, same, flags\n", encoding="utf-8")
    result = run_check(str(bad))
    out = result.stdout
    assert "numbers.py:4: .checkState() compared with a number: PyQt6 returns a plain enum" in out
    assert "numbers.py:5: int(Qt.CheckState.Checked) raises TypeError under PyQt6" in out
    assert "numbers.py:6: QSizePolicy.Policy.Expanding in arithmetic raises TypeError under PyQt6" in out
    assert "numbers.py:7: Qt.CheckState.Checked compared with a number" in out
    assert "numbers.py:8: .buttonRole() compared with a number" in out
    # IntEnum members (roles, keys) are ints under PyQt6 too; enums compared with enums and flags or'ed are fine
    assert "5 problem(s)" in result.stderr, out


def test_the_check_would_see_a_qt5_check_state_test_in_the_plugins_layer_list(tmp_path):
    """dialog.CaimDialog.checked() with the check state compared as PyQt5 allowed (== 2 for Checked)."""
    _pyqt6()
    with open(os.path.join(PLUGIN, "dialog.py"), encoding="utf-8") as f:
        source = f.read()
    scoped = "item.checkState(COL_LAYER) != Qt.CheckState.Checked:"
    assert source.count(scoped) == 1
    qt5 = tmp_path / "dialog.py"
    qt5.write_text(source.replace(scoped, "item.checkState(COL_LAYER) != 2:"), encoding="utf-8")
    result = run_check(str(qt5))
    assert ".checkState() compared with a number: PyQt6 returns a plain enum" in result.stdout, result.stdout
    assert "1 problem(s)" in result.stderr


# QGIS enum names as the plugin writes them (QGIS 3.22 spelling) that QGIS 4 still resolves: each is
# aliased in QGIS 4's PyQt6 auto_additions, e.g. `QgsProcessing.TypeRaster = Qgis.ProcessingSourceType.
# Raster` (core/auto_additions/qgis.py), `QgsVertexMarker.ICON_BOX = QgsVertexMarker.IconType.ICON_BOX`
# (gui/auto_additions/qgsvertexmarker.py), `QgsMapLayerType = Qgis.LayerType` (core/__init__.py.in).
# QgsProcessingParameterFile.Folder moved to Qgis.ProcessingFileParameterBehavior with the Number's and the
# Field's enums (QGIS 3.36), unnested by the same monkey-patch: QGIS's own list of old names for the move
# maps it with them ("QgsProcessingParameterFile.Folder": "Qgis.ProcessingFileParameterBehavior.Folder").
QGIS4_ALIASED = {
    "Qgis.Critical", "Qgis.Info", "Qgis.Success", "Qgis.Warning",
    "QgsColorRampShader.Interpolated", "QgsFeatureRequest.NoGeometry", "QgsFileWidget.GetDirectory",
    "QgsMapLayerType.RasterLayer", "QgsMapLayerType.VectorLayer", "QgsMapTool.EditTool",
    "QgsProcessing.TypeRaster", "QgsProcessing.TypeVectorPoint", "QgsProcessing.TypeVectorPolygon",
    "QgsProcessingAlgorithm.FlagCanCancel", "QgsProcessingParameterDefinition.FlagAdvanced",
    "QgsProcessingParameterField.Any", "QgsProcessingParameterFile.Folder", "QgsProcessingParameterNumber.Double",
    "QgsProcessingParameterNumber.Integer", "QgsRaster.AlphaBand", "QgsUnitTypes.AreaSquareMeters",
    "QgsVectorDataProvider.ChangeAttributeValues", "QgsVectorFileWriter.NoError",
    "QgsVertexMarker.ICON_BOX", "QgsVertexMarker.ICON_CROSS", "QgsWkbTypes.PointGeometry",
    "QgsWkbTypes.PolygonGeometry",
}


def qgis_enum_names():
    """{'Class.Member': 'file:line'} of every QGIS enum member the plugin names (resolved on this QGIS)."""
    import qgis.core
    import qgis.gui

    found = {}
    for name in sorted(os.listdir(PLUGIN)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(PLUGIN, name)
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and (node.value.id.startswith("Qgs") or node.value.id == "Qgis")):
                continue
            owner = getattr(qgis.core, node.value.id, None) or getattr(qgis.gui, node.value.id, None)
            value = getattr(owner, node.attr, None)
            # an enum member: an int whose type is a sip enum (plain ints and classes are left out)
            if isinstance(value, int) and type(value) is not int and not isinstance(value, bool):
                found.setdefault("%s.%s" % (node.value.id, node.attr), "%s:%d" % (name, node.lineno))
    return found


@pytest.mark.qgis
def test_every_qgis_enum_name_the_plugin_uses_is_one_qgis4_still_resolves():
    pytest.importorskip("qgis.core", reason="PyQGIS is not installed")
    found = qgis_enum_names()
    assert "QgsProcessing.TypeRaster" in found and "Qgis.Warning" in found  # the scan sees them
    unknown = {k: v for k, v in found.items() if k not in QGIS4_ALIASED}
    assert not unknown, ("check these against QGIS 4's python/PyQt6/*/auto_additions (or write the "
                         "scoped form Class.EnumType.Member), then add them to QGIS4_ALIASED: %s" % unknown)


def test_metadata_lets_qgis4_list_the_plugin():
    meta = package.read_metadata()
    assert meta["supportsQt6"] == "True" and meta["qgisMaximumVersion"].startswith("4.")
    assert package.check_metadata(meta) == []
    without = dict(meta)
    del without["supportsQt6"], without["qgisMaximumVersion"]
    problems = package.check_metadata(without)
    assert any("supportsQt6" in p for p in problems)
    assert any("qgisMaximumVersion 3.99" in p for p in problems), problems
