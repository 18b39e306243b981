"""Driven inside the real QGIS desktop (``qgis --code``) by tools/screenshots.sh: the README's screenshots.

The dates of SHOTS_DATA (one GeoTIFF per date, named by it: the Landsat series near Pucallpa) are added to
the project, newest on top; the plugin's dialog runs them with its defaults (the automatic choice of model,
on the CPU) but the bands (SHOTS_BANDS, default 3,4,4,2,1: the Pucallpa files hold SWIR1, NIR, red, green)
into its default output folder; ``dialog.png`` is the dialog after the run.  Then the main window
(1280 x 800) with the change-moment layer over the dates and the pixel inspector on a changed pixel inside a
patch of one moment: ``qgis_result.png``.  SHOTS_OUT receives the PNGs and report.json (an "error" there when
a step failed): ``message_bar`` the plugin's own messages (its title; newest first: the warning count on top of the
hectares when the run warned), ``message_bar_others`` the rest (QGIS's "Task complete"), ``message_bar_shown``
what the message bar shows in qgis_result.png.

Run by ``qgis --code`` only with SHOTS_OUT set: imported without it (tests) it defines its functions and does
nothing."""

import json
import os
import time
import traceback

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.core import QgsApplication, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsRasterLayer
from qgis.utils import iface, plugins

OUT = os.environ.get("SHOTS_OUT")
DATA = os.environ.get("SHOTS_DATA")
report = {"steps": []}
state = {}


def save():
    with open(os.path.join(OUT, "report.json"), "w") as f:
        json.dump(report, f, indent=1, ensure_ascii=False)


def finish(code=0):
    report["finished"] = True
    save()
    try:  # QGIS 3.22 can crash in its style dock when it quits with an active layer: clear the project first
        iface.setActiveLayer(None)
        QgsProject.instance().clear()
    except Exception:
        report["clear_failed"] = traceback.format_exc()
        save()
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(500, lambda: QgsApplication.exit(code))


def guard(fn):
    def wrapped():
        try:
            report["steps"].append(fn.__name__)
            fn()
        except Exception:
            report["error"] = traceback.format_exc()
            finish(1)
    return wrapped


@guard
def step_load():
    window = iface.mainWindow()
    window.showNormal()
    window.resize(1280, 800)
    names = sorted(n for n in os.listdir(DATA) if n.lower().endswith((".tif", ".tiff")))
    for name in names:  # the newest ends on top of the legend, the dialog orders them oldest first
        QgsProject.instance().addMapLayer(QgsRasterLayer(os.path.join(DATA, name), os.path.splitext(name)[0], "gdal"))
    report["dates"] = names
    QTimer.singleShot(1000, step_dialog)


@guard
def step_dialog():
    plugin = plugins["caim_qgis_plugin"]
    state["plugin"] = plugin
    plugin.run_action.trigger()
    dlg = plugin.dialog
    state["dialog"] = dlg
    dlg.device_combo.setCurrentText("CPU")  # the machine making them may have a GPU; the README says cpu
    # the Pucallpa files hold SWIR1, NIR, red, green (no blue: green stands in for it, as in make demo); the
    # automatic choice's classical part also reads SWIR1
    dlg.bands_edit.setText(os.environ.get("SHOTS_BANDS", "3,4,4,2,1"))
    report["model"] = dlg.model_combo.currentText()
    QTimer.singleShot(800, step_run)


@guard
def step_run():
    dlg = state["dialog"]
    report["messages"] = dlg.messages.text()
    state["t0"] = time.time()
    task = dlg.run(ask=False)
    if task is None:
        raise RuntimeError("the dialog did not start the run: " + dlg.status.text())
    QTimer.singleShot(1000, step_wait)


@guard
def step_wait():
    dlg = state["dialog"]
    if dlg.task is not None:
        if time.time() - state["t0"] > 1200:
            raise RuntimeError("the run took more than 20 minutes")
        QTimer.singleShot(500, step_wait)
        return
    report["seconds"] = time.time() - state["t0"]
    report["status"] = dlg.status.text()
    if not dlg.last_layers.get("moment"):
        raise RuntimeError("the run gave no change-moment layer: " + dlg.status.text())
    QTimer.singleShot(500, step_dialog_shot)


@guard
def step_dialog_shot():
    dlg = state["dialog"]
    dlg.grab().save(os.path.join(OUT, "dialog.png"))
    report["dialog_size"] = [dlg.width(), dlg.height()]
    from caim_qgis_plugin.dialog import bar_messages, tr
    from qgis.PyQt.QtWidgets import QApplication

    state["title"] = tr("CAIM change detection")
    report["message_bar"], report["message_bar_others"] = bar_messages(iface.messageBar(), state["title"])
    if not report["message_bar"]:
        raise RuntimeError("the plugin put no message in the message bar: %s" % report["message_bar_others"])
    report["font"] = QApplication.font().toString()
    dlg.hide()
    moment = dlg.last_layers["moment"]
    iface.setActiveLayer(moment)
    iface.mapCanvas().setExtent(moment.extent())
    QTimer.singleShot(500, step_inspect_open)


@guard
def step_inspect_open():
    state["plugin"].inspect_action.trigger()  # the panel opens, the map narrows: zoomed to fill it after
    QTimer.singleShot(1000, step_zoom)


@guard
def step_zoom():
    """The scene's full height, centred, so the map fills the canvas between the panels (a wide scene)."""
    from qgis.core import QgsRectangle

    canvas = iface.mapCanvas()
    moment = state["dialog"].last_layers["moment"]
    extent = QgsCoordinateTransform(moment.crs(), canvas.mapSettings().destinationCrs(),
                                    QgsProject.instance()).transformBoundingBox(moment.extent())
    aspect = canvas.width() / float(max(canvas.height(), 1))
    width = min(extent.width(), extent.height() * aspect)
    centre = extent.center()
    canvas.setExtent(QgsRectangle(centre.x() - width / 2, extent.yMinimum(), centre.x() + width / 2, extent.yMaximum()))
    canvas.refreshAllLayers()
    report["canvas"] = [canvas.width(), canvas.height()]
    shown = width / extent.width()  # the share of the scene's columns in view, centred: the click is among them
    state["columns"] = (0.5 - shown / 2 + 0.03, 0.5 + shown / 2 - 0.03)
    QTimer.singleShot(2000, step_inspect)


def pick_pixel(moment_path, confidence_path, columns=(0.0, 1.0)):
    """(row, col) of a changed pixel deep inside a patch of one moment, the most confident of them, within
    ``columns`` (shares of the width: the part in view); the moment most such pixels have is preferred, so the
    click shows the series' main change."""
    import numpy as np
    from osgeo import gdal

    moment = gdal.Open(moment_path).ReadAsArray().astype(int)
    confidence = gdal.Open(confidence_path).ReadAsArray().astype(float) if confidence_path else np.ones(moment.shape)
    changed = (moment > 0) & (moment < 255)
    uniform = changed.copy()
    uniform[:, :int(columns[0] * moment.shape[1])] = False
    uniform[:, int(columns[1] * moment.shape[1]):] = False
    r = 3
    padded = np.pad(moment, r, constant_values=-1)
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            uniform &= padded[r + dy:r + dy + moment.shape[0], r + dx:r + dx + moment.shape[1]] == moment
    if not uniform.any():
        uniform = changed
    if not uniform.any():
        return moment.shape[0] // 2, moment.shape[1] // 2
    values, counts = np.unique(moment[uniform], return_counts=True)
    main = values[np.argmax(counts)]
    score = np.where(uniform & (moment == main), confidence, -1.0)
    row, col = np.unravel_index(int(np.argmax(score)), score.shape)
    return int(row), int(col)


@guard
def step_inspect():
    plugin = state["plugin"]
    layers = state["dialog"].last_layers
    moment = layers["moment"]
    confidence = layers.get("confidence")
    row, col = pick_pixel(moment.source(), confidence.source() if confidence is not None else None,
                          state.get("columns", (0.0, 1.0)))
    from osgeo import gdal

    gt = gdal.Open(moment.source()).GetGeoTransform()
    pt = QgsPointXY(gt[0] + gt[1] * (col + 0.5), gt[3] + gt[5] * (row + 0.5))
    pt = QgsCoordinateTransform(moment.crs(), iface.mapCanvas().mapSettings().destinationCrs(),
                                QgsProject.instance()).transform(pt)
    plugin.inspect_tool.on_click(pt, Qt.MouseButton.LeftButton)
    report["pixel"] = [row, col]
    QTimer.singleShot(3000, step_result_shot)


@guard
def step_result_shot():
    """The main window once the message bar shows the plugin's message (QGIS's "Task complete" on top of it
    goes after its 5 s)."""
    bar = iface.messageBar()
    item = bar.currentItem()
    if item is not None and item.title() != state["title"] and item.duration() > 0:
        state["waited"] = state.get("waited", 0) + 1
        if state["waited"] <= 20:
            QTimer.singleShot(500, step_result_shot)
            return
    window = iface.mainWindow()
    window.grab().save(os.path.join(OUT, "qgis_result.png"))
    dock = state["plugin"].inspect_dock
    report["window_size"] = [window.width(), window.height()]
    report["inspector"] = {"header": dock.header.text(), "size": [dock.width(), dock.height()]}
    if item is not None:
        from qgis.PyQt.QtWidgets import QTextBrowser

        browser = item.findChildren(QTextBrowser)[0]
        report["message_bar_shown"] = [item.title(), item.text()]
        report["message_bar_size"] = [bar.width(), browser.width(), browser.font().toString()]
    finish(0)


if OUT:
    QTimer.singleShot(1500, step_load)
