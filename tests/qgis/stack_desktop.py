"""Driven inside the real QGIS desktop (``qgis --code stack_desktop.py``) by test_e2e.py: the band files of a
CBERS cube added as Add Raster Layer adds many files (one layer each), every one checked in the detect dialog;
its message and 'Stack band files into dates' button; the button pressed, then pressed again; a run on the
stacked dates with their masks.

Environment: CAIM_E2E_STACK (the band files, os.pathsep-separated), CAIM_E2E_OUT (screenshots), CAIM_E2E_RESULT
(the JSON report this script writes), CAIM_E2E_PREFIX (screenshot names), CAIM_E2E_RESULTS (output folder).
"""

import os
import time

from qgis.PyQt.QtCore import QEvent, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.core import QgsLayerTree, QgsProject
from qgis.utils import iface, plugins

from desktop_run import DesktopRun

FILES = [p for p in os.environ["CAIM_E2E_STACK"].split(os.pathsep) if p]
OUT = os.environ["CAIM_E2E_OUT"]
PREFIX = os.environ.get("CAIM_E2E_PREFIX", "stack")
state = {}
run = DesktopRun(os.environ["CAIM_E2E_RESULT"], log_steps=True,
                 before_exit=lambda: state["dialog"].shutdown() if state.get("dialog") is not None else None)
report, finish, guard = run.report, run.finish, run.guard


def tree():
    """[group name, [[layer name, checked, renderer (r,g,b bands of a colour one)], ...]] of the top groups."""
    out = []
    for node in QgsProject.instance().layerTreeRoot().children():
        if QgsLayerTree.isGroup(node):
            layers = []
            for child in node.findLayers():
                renderer = child.layer().renderer()
                kind = ([renderer.redBand(), renderer.greenBand(), renderer.blueBand()]
                        if renderer.type() == "multibandcolor" else renderer.type())
                layers.append([child.name(), child.itemVisibilityChecked(), kind])
            out.append([node.name(), layers])
    return out


def rows(dialog):
    """[layer, date, cloud mask] of the checked rows."""
    out = []
    for i in range(dialog.layer_tree.topLevelItemCount()):
        item = dialog.layer_tree.topLevelItem(i)
        if item.checkState(0) == Qt.CheckState.Checked:
            out.append([item.text(0), item.text(1), item.text(4)])
    return out


def when_stacked(step):
    """``step`` once the dialog's stack task ended."""
    if getattr(state["dialog"], "stack_task", None) is not None:
        QTimer.singleShot(20, lambda: when_stacked(step))
    else:
        report.setdefault("stacked_seconds", []).append(time.perf_counter() - state["t0"])
        report.setdefault("engine_seconds", []).append(getattr(state.get("task"), "seconds", None))
        report.setdefault("wait_seconds", []).append(getattr(state.get("task"), "started", state["t0"]) - state["t0"])
        QTimer.singleShot(200, step)


@guard
def step_load():
    for path in FILES:  # Add Raster Layer with many files: a layer each, named by the file
        iface.addRasterLayer(path, os.path.splitext(os.path.basename(path))[0])
    plugin = plugins["caim_qgis_plugin"]
    plugin.show_dialog()
    dialog = state["dialog"] = plugin.dialog
    dialog.resize(1000, 950)
    QTimer.singleShot(800, step_checked)


@guard
def step_checked():
    dialog = state["dialog"]
    report["checked_before"] = len(rows(dialog))
    report["messages_before"] = dialog.messages.text()
    report["stack_visible"] = dialog.stack_button.isVisible()
    dialog.grab().save(os.path.join(OUT, "%s_dialog_band_files.png" % PREFIX))
    state["t0"] = time.perf_counter()
    dialog.stack_button.click()  # a background task: its progress in the dialog, Run waiting
    state["task"] = getattr(dialog, "stack_task", None)
    report["click_seconds"] = time.perf_counter() - state["t0"]
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # (the layout as the user sees it: the cancel
    # button's new text, "Cancel stacking", laid out; a grab at once showed it clipped to the old one's width)
    report["cancel_text"] = dialog.cancel_button.text()
    report["cancel_fits"] = dialog.cancel_button.width() >= dialog.cancel_button.sizeHint().width()
    dialog.grab().save(os.path.join(OUT, "%s_dialog_stacking.png" % PREFIX))
    report["stacking_status"] = dialog.status.text()
    report["run_enabled_while_stacking"] = dialog.run_button.isEnabled()
    when_stacked(step_stacked)


@guard
def step_stacked():
    dialog = state["dialog"]
    report["status"] = dialog.status.text()
    report["rows"] = rows(dialog)
    report["order"] = [dialog.layer_tree.topLevelItem(i).text(0) for i in range(dialog.layer_tree.topLevelItemCount())]
    report["clear"] = dialog.mask_clear_edit.text()
    report["messages"] = dialog.messages.text()
    report["stack_visible_after"] = dialog.stack_button.isVisible()
    report["tree"] = tree()
    report["layers"] = len(QgsProject.instance().mapLayers())
    dialog.grab().save(os.path.join(OUT, "%s_dialog_stacked.png" % PREFIX))
    iface.mapCanvas().refresh()
    iface.mapCanvas().waitWhileRendering()  # (the picture of the map as drawn, not a preview mid-render)
    iface.mainWindow().grab().save(os.path.join(OUT, "%s_map_stacked.png" % PREFIX))
    dialog.all_button.click()  # every layer checked again, the stack's too: pressed a second time
    report["stack_visible_again"] = dialog.stack_button.isVisible()
    state["t0"] = time.perf_counter()
    dialog.stack_button.click()
    state["task"] = getattr(dialog, "stack_task", None)
    when_stacked(step_again)


@guard
def step_again():
    dialog = state["dialog"]
    report["status_again"] = dialog.status.text()
    report["rows_again"] = rows(dialog)
    report["groups_again"] = [name for name, _ in tree()]
    report["layers_again"] = len(QgsProject.instance().mapLayers())
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.device_combo.setCurrentText("CPU")
    dialog.fill_gaps_check.setChecked(True)
    dialog.folder_widget.setFilePath(os.environ["CAIM_E2E_RESULTS"])
    report["task"] = dialog.run(ask=False) is not None
    QTimer.singleShot(1000, step_wait)


@guard
def step_wait():
    dialog = state["dialog"]
    if dialog.task is not None:
        QTimer.singleShot(500, step_wait)
        return
    report["run_status"] = dialog.status.text()
    report["groups_after_run"] = [name for name, _ in tree()]
    dialog.grab().save(os.path.join(OUT, "%s_dialog_done.png" % PREFIX))
    finish(0)


QTimer.singleShot(1500, step_load)
