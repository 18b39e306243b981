"""Driven inside the real QGIS desktop (``qgis --code split_desktop.py``) by test_e2e.py: a multi-date
raster alone in the project; the CAIM dialog offers 'Split into dates…', whose Processing dialog is run
as a user runs it; the dates then stand in the list, checked, in the file's place.  With CAIM_E2E_MODE=run,
the dialog's Run is pressed instead: it splits the raster and runs on its dates in one step.

Environment: CAIM_E2E_STACK (the multi-date raster), CAIM_E2E_OUT (screenshots), CAIM_E2E_RESULT (the JSON
report this script writes), CAIM_E2E_PREFIX (screenshot names).
"""

import os

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.core import QgsProject, QgsRasterLayer
from qgis.utils import iface, plugins

from desktop_run import DesktopRun

EXPORT = os.environ["CAIM_E2E_STACK"]
OUT = os.environ["CAIM_E2E_OUT"]
RESULT = os.environ["CAIM_E2E_RESULT"]
PREFIX = os.environ.get("CAIM_E2E_PREFIX", "split")
MODE = os.environ.get("CAIM_E2E_MODE", "button")
state = {}
run = DesktopRun(RESULT, os.path.join(OUT, "%s_report.json" % PREFIX), log_steps=True,
                 before_exit=lambda: state["dialog"].shutdown() if state.get("dialog") is not None else None)
report, finish, guard = run.report, run.finish, run.guard


@guard
def step_load():
    layer = QgsRasterLayer(EXPORT, os.path.splitext(os.path.basename(EXPORT))[0], "gdal")
    QgsProject.instance().addMapLayer(layer)
    iface.setActiveLayer(layer)
    state["layer"] = layer
    plugin = plugins["caim_qgis_plugin"]
    plugin.show_dialog()
    dialog = state["dialog"] = plugin.dialog
    dialog.resize(820, 900)
    report["split_visible"] = dialog.split_button.isVisible()
    report["messages_before"] = dialog.messages.text()
    report["run_enabled_before"] = dialog.run_button.isEnabled()
    QTimer.singleShot(800, step_before_shot)


@guard
def step_before_shot():
    state["dialog"].grab().save(os.path.join(OUT, "%s_dialog_one_layer.png" % PREFIX))
    if MODE == "run":
        dialog = state["dialog"]
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData(os.environ.get("CAIM_E2E_MODEL", "cva")))
        dialog.folder_widget.setFilePath(os.path.join(os.path.dirname(RESULT), "%s_results" % PREFIX))
        report["task"] = dialog.run_button.isEnabled() and dialog.run(ask=False) is not None
        report["status_after_start"] = dialog.status.text()
        QTimer.singleShot(1000, step_wait_run)
        return
    QTimer.singleShot(1500, step_in_processing_dialog)  # runs inside the modal Processing dialog's loop
    state["dialog"].split_button.click()  # blocks until the Processing dialog is closed
    QTimer.singleShot(1500, step_after)


@guard
def step_in_processing_dialog():
    # the algorithm's dialog (exec'd by Processing; without a window manager it is not the active one)
    found = [w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w).__name__ == "AlgorithmDialog"]
    modal = found[0] if found else None
    report["processing_dialog"] = modal.windowTitle() if modal is not None else None
    if modal is None:
        raise RuntimeError("no Processing dialog opened")
    state["processing"] = modal
    modal.resize(820, 700)
    QTimer.singleShot(700, step_processing_shot)


@guard
def step_processing_shot():
    modal = state["processing"]
    modal.grab().save(os.path.join(OUT, "%s_processing_dialog.png" % PREFIX))
    modal.runButton().click()
    QTimer.singleShot(4000, step_close_processing)


@guard
def step_close_processing():
    modal = state["processing"]
    report["log"] = modal.textLog.toPlainText() if hasattr(modal, "textLog") else ""
    if modal.isVisible():
        modal.grab().save(os.path.join(OUT, "%s_processing_log.png" % PREFIX))
        modal.close()


@guard
def step_wait_run():
    dialog = state["dialog"]
    if dialog.task is not None:
        QTimer.singleShot(500, step_wait_run)
        return
    report["results"] = dict(dialog.last_results or {})
    report["status"] = dialog.status.text()
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(2500, step_after)


@guard
def step_after():
    dialog = state["dialog"]
    report["rows"] = [(layer.name(), date) for layer, date in dialog.checked()]
    report["layers"] = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    report["messages_after"] = dialog.messages.text()
    report["run_enabled_after"] = dialog.run_button.isEnabled()
    report["split_visible_after"] = dialog.split_button.isVisible()
    report["sources"] = [os.path.basename(layer.source()) for layer, _ in dialog.checked()]
    report["tree"] = [(node.name(), node.isExpanded() if hasattr(node, "isExpanded") else None)
                      for node in QgsProject.instance().layerTreeRoot().children()]
    dialog.grab().save(os.path.join(OUT, "%s_dialog_dates.png" % PREFIX))
    iface.mainWindow().grab().save(os.path.join(OUT, "%s_map.png" % PREFIX))
    finish(0)


QTimer.singleShot(1500, step_load)
