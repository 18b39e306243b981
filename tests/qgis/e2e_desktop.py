"""Driven inside the real QGIS desktop (``qgis --code e2e_desktop.py``) by test_e2e.py.

Environment: CAIM_E2E_STACK (os.pathsep-separated rasters), CAIM_E2E_OUT (folder for outputs and
screenshots), CAIM_E2E_RESULT (JSON file this script writes), CAIM_E2E_TILE (tile size; 0 or unset:
the dialog's default, automatic), CAIM_E2E_RESULTS (the dialog's output folder; default OUT/results).
"""

import os
import time

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer
from qgis.utils import iface, plugins, unloadPlugin

from desktop_run import DesktopRun

STACK = [p for p in os.environ["CAIM_E2E_STACK"].split(os.pathsep) if p]
OUT = os.environ["CAIM_E2E_OUT"]
RESULT = os.environ["CAIM_E2E_RESULT"]
TILE = int(os.environ.get("CAIM_E2E_TILE", "0"))
PREFIX = os.environ.get("CAIM_E2E_PREFIX", "e2e")
run = DesktopRun(RESULT)
report, save, finish, guard = run.report, run.save, run.finish, run.guard
state = {}


@guard
def step_load():
    report["plugin_loaded"] = "caim_qgis_plugin" in plugins
    plugin = plugins["caim_qgis_plugin"]
    state["plugin"] = plugin
    raster_menu = iface.rasterMenu()
    titles = [a.text() for a in raster_menu.actions()]
    report["raster_menu"] = titles
    sub = [a.menu() for a in raster_menu.actions() if a.menu() and "CAIM" in a.text()]
    report["caim_menu"] = [a.text() for a in sub[0].actions()] if sub else []
    report["toolbar_actions"] = [a.text() for a in plugin.toolbar.actions()]
    report["algorithm"] = bool(QgsApplication.processingRegistry().algorithmById("caim:detectchanges"))
    report["torch_loaded_at_start"] = "torch" in __import__("sys").modules
    for path in STACK:  # the newest ends on top of the legend, so the dialog must reorder them
        layer = QgsRasterLayer(path, os.path.splitext(os.path.basename(path))[0], "gdal")
        QgsProject.instance().addMapLayer(layer)
    iface.mapCanvas().setExtent(QgsProject.instance().mapLayers()[list(QgsProject.instance().mapLayers())[0]].extent())
    report["steps"].append("loaded")
    QTimer.singleShot(500, step_dialog)


@guard
def step_dialog():
    plugin = state["plugin"]
    plugin.run_action.trigger()
    dlg = plugin.dialog
    state["dialog"] = dlg
    report["dialog_tile_text"] = dlg.tile_spin.text()
    report["dialog_model"] = [dlg.model_combo.currentData(), dlg.model_combo.currentText()]
    report["model_items"] = [[dlg.model_combo.itemData(i), dlg.model_combo.itemText(i)]
                             for i in range(dlg.model_combo.count())]
    if TILE:
        dlg.tile_spin.setValue(TILE)
    dlg.device_combo.setCurrentText("CPU")
    dlg.polygons_check.setChecked(True)
    dlg.weights_widget.setFilePath(os.environ.get("CAIM_E2E_WEIGHTS", ""))
    dlg.folder_widget.setFilePath(os.environ.get("CAIM_E2E_RESULTS") or os.path.join(OUT, "results"))
    report["dialog_rows"] = [(dlg.layer_tree.topLevelItem(i).text(0), dlg.layer_tree.topLevelItem(i).text(1))
                             for i in range(dlg.layer_tree.topLevelItemCount())]
    report["dialog_messages"] = dlg.messages.text()
    QTimer.singleShot(300, step_model_list)


@guard
def step_model_list():
    """Screenshots of the open model list and of the dialog with the classical method chosen."""
    dlg = state["dialog"]
    combo = dlg.model_combo
    combo.showPopup()
    QTimer.singleShot(400, step_model_list_shot)


@guard
def step_model_list_shot():
    dlg = state["dialog"]
    combo = dlg.model_combo
    popup = combo.view().window()
    popup.grab().save(os.path.join(OUT, "%s_model_list.png" % PREFIX))
    report["model_list_width"] = [popup.width(), max(combo.view().sizeHintForColumn(0), 0)]
    combo.hidePopup()
    combo.setCurrentIndex(combo.findData("cva"))
    report["cva_weights"] = {"enabled": dlg.weights_widget.isEnabled(), "tooltip": dlg.weights_widget.toolTip(),
                             "placeholder": dlg.weights_widget.lineEdit().placeholderText(),
                             "bands_label": dlg.bands_label.text(), "messages": dlg.messages.text()}
    dlg.grab().save(os.path.join(OUT, "%s_dialog_cva.png" % PREFIX))
    combo.setCurrentIndex(combo.findData("isfa"))
    report["isfa_weights"] = {"enabled": dlg.weights_widget.isEnabled(), "tooltip": dlg.weights_widget.toolTip(),
                              "messages": dlg.messages.text()}
    dlg.grab().save(os.path.join(OUT, "%s_dialog_isfa.png" % PREFIX))
    combo.setCurrentIndex(combo.findData("auto"))
    QTimer.singleShot(300, step_run)


@guard
def step_run():
    dlg = state["dialog"]
    report["dialog_messages"] = dlg.messages.text()
    dlg.grab().save(os.path.join(OUT, "%s_dialog.png" % PREFIX))
    state["t0"] = time.time()
    task = dlg.run(ask=False)
    report["task_started"] = task is not None
    if task is None:
        report["status"] = dlg.status.text()
        finish(1)
        return
    # the GUI keeps processing events while the model runs in the task manager: a timer fires meanwhile
    ticker = QTimer()
    ticker.setInterval(50)

    def tick():
        if dlg.task is not None:
            report["responsive_during_run"] = True
            report["tasks_active"] = QgsApplication.taskManager().countActiveTasks()
        ticker.stop()

    ticker.timeout.connect(tick)
    ticker.start()
    state["ticker"] = ticker
    QTimer.singleShot(1500, step_while_running)


@guard
def step_while_running():
    dlg = state["dialog"]
    dlg.grab().save(os.path.join(OUT, "%s_dialog_running.png" % PREFIX))
    QTimer.singleShot(500, step_wait)


@guard
def step_wait():
    dlg = state["dialog"]
    if dlg.task is not None and time.time() - state["t0"] < 1500:
        QTimer.singleShot(500, step_wait)
        return
    report["seconds"] = time.time() - state["t0"]
    report["status"] = dlg.status.text()
    report["results"] = {k: v for k, v in (dlg.last_results or {}).items() if isinstance(v, str)}
    dlg.grab().save(os.path.join(OUT, "%s_dialog_done.png" % PREFIX))
    dlg.hide()
    root = QgsProject.instance().layerTreeRoot()
    report["groups"] = [c.name() for c in root.children() if not hasattr(c, "layerId")]
    layers = {}
    for kind, layer in dlg.last_layers.items():
        node = root.findLayer(layer.id())
        entry = {"name": layer.name(), "renderer": layer.renderer().type(), "visible": node.isVisible()}
        if hasattr(layer.renderer(), "classes"):
            entry["classes"] = [[c.value, c.label, c.color.name(), c.color.alpha()] for c in layer.renderer().classes()]
        layers[kind] = entry
    report["layers"] = layers
    # the plugin's own messages, newest first (its hectares line; the warning count on top when the run warned),
    # QGIS's apart: its "Task complete" notice can be on top of them (the dialog active, xvfb: no desktop
    # notification service), and the bar's current item was that
    from caim_qgis_plugin.dialog import bar_messages

    report["message_bar"], report["message_bar_others"] = bar_messages(iface.messageBar())
    if "moment" in dlg.last_layers:
        iface.setActiveLayer(dlg.last_layers["moment"])
        iface.mapCanvas().setExtent(dlg.last_layers["moment"].extent())
    iface.mapCanvas().refreshAllLayers()
    QTimer.singleShot(3000, step_inspect)


@guard
def step_inspect():
    plugin = state["plugin"]
    plugin.inspect_action.trigger()
    moment = state["dialog"].last_layers.get("moment")
    if moment is not None:
        from osgeo import gdal

        path = moment.source()
        arr = gdal.Open(path).ReadAsArray()
        ys, xs = (arr == arr[(arr > 0) & (arr < 255)].max()).nonzero() if ((arr > 0) & (arr < 255)).any() else (
            [arr.shape[0] // 2], [arr.shape[1] // 2])
        row, col = int(ys[len(ys) // 2]), int(xs[len(xs) // 2])
        gt = gdal.Open(path).GetGeoTransform()
        from qgis.core import QgsCoordinateTransform, QgsPointXY

        pt = QgsPointXY(gt[0] + gt[1] * (col + 0.5), gt[3] + gt[5] * (row + 0.5))
        canvas_crs = iface.mapCanvas().mapSettings().destinationCrs()
        pt = QgsCoordinateTransform(moment.crs(), canvas_crs, QgsProject.instance()).transform(pt)
        plugin.inspect_tool.on_click(pt, Qt.LeftButton)
        dock = plugin.inspect_dock
        report["inspect"] = {"pixel": [row, col], "moment_value": int(arr[row, col]),
                             "header": dock.header.text(), "rows": dock.table.rowCount(),
                             "moment": dock.last["moment"], "series_dates": len(dock.last["series"])}
    QTimer.singleShot(2500, step_screens_then_toolbox)


@guard
def step_screens_then_toolbox():
    iface.mainWindow().grab().save(os.path.join(OUT, "%s_map.png" % PREFIX))
    iface.mapCanvas().grab().save(os.path.join(OUT, "%s_canvas.png" % PREFIX))
    if os.environ.get("CAIM_E2E_TOOLBOX", "1") == "1":
        QTimer.singleShot(100, step_toolbox)
    else:
        QTimer.singleShot(100, step_screens)


@guard
def step_toolbox():
    """The same algorithm from Processing (as the toolbox runs it): outputs loaded by Processing are styled."""
    import processing

    before = set(QgsProject.instance().mapLayers())
    params = {"INPUT": STACK[:2], "DEVICE": "CPU", "TILE_SIZE": TILE, "AREA": "TEMPORARY_OUTPUT",
              "MOMENT": "TEMPORARY_OUTPUT", "CONFIDENCE": "TEMPORARY_OUTPUT"}
    results = processing.runAndLoadResults("caim:detectchanges", params)
    loaded = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
    report["toolbox"] = {
        "device": results.get("DEVICE_USED"),
        "model": results.get("MODEL_USED"),
        "layers": sorted([layer.name(), layer.renderer().type() if hasattr(layer, "renderer") and layer.renderer()
                          else None, [c.label for c in layer.renderer().classes()]
                          if hasattr(layer.renderer(), "classes") else []] for layer in loaded),
    }
    QTimer.singleShot(1500, step_toolbox_dialog)


@guard
def step_toolbox_dialog():
    """The algorithm's own Processing dialog (toolbox), to look at the parameter labels."""
    import processing

    dialog = processing.createAlgorithmDialog("caim:detectchanges", {"INPUT": STACK[:2]})
    state["toolbox_dialog"] = dialog
    dialog.resize(820, 1100)
    dialog.show()
    QTimer.singleShot(500, step_toolbox_dialog_expand)


@guard
def step_toolbox_dialog_expand():
    from desktop_toolbox import expand_advanced

    expand_advanced(state["toolbox_dialog"])
    QTimer.singleShot(700, step_toolbox_dialog_shot)


@guard
def step_toolbox_dialog_shot():
    from desktop_toolbox import panel_report

    dialog = state.pop("toolbox_dialog")
    dialog.grab().save(os.path.join(OUT, "%s_toolbox_dialog.png" % PREFIX))
    report["toolbox_panel"] = panel_report(dialog)
    dialog.close()
    QTimer.singleShot(300, step_accuracy if os.environ.get("CAIM_E2E_ACCURACY", "1") == "1" else step_screens)


@guard
def step_accuracy():
    """The accuracy tools from the plugin menu's defaults: the sample of the newest result, loaded as
    Processing loads it (styled, with the reference value map), then the estimate's dialog filled in."""
    import processing

    from caim_qgis_plugin.plugin import ASSESS_ID, SAMPLE_ID

    plugin = state["plugin"]
    by_name = {}
    for layer in QgsProject.instance().mapLayers().values():
        by_name.setdefault(layer.name(), layer)
    # the dialog run's layers (4 dates; the toolbox run's have 2)
    iface.setActiveLayer(by_name["Change area 2018-06-01 to 2021-06-01"])  # a selected change map is the one sampled
    active = QgsProject.instance().mapLayer(plugin.algorithm_defaults(SAMPLE_ID).get("INPUT", "")).name()
    iface.setActiveLayer(by_name["Confidence 2018-06-01 to 2021-06-01"])   # else the topmost change moment layer
    params = dict(plugin.algorithm_defaults(SAMPLE_ID), N=5, OUTPUT="TEMPORARY_OUTPUT")
    before = set(QgsProject.instance().mapLayers())
    processing.runAndLoadResults(SAMPLE_ID, params)
    loaded = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
    sample = loaded[0] if loaded else None
    setup = sample.editorWidgetSetup(sample.fields().indexOf("reference")) if sample else None
    defaults = plugin.algorithm_defaults(ASSESS_ID)
    report["accuracy"] = {
        "with_area_active": active,
        "sample_map": QgsProject.instance().mapLayer(params.get("INPUT", "")).name() if params.get("INPUT") else None,
        "sample_points": sample.featureCount() if sample else 0,
        "reference_widget": setup.type() if setup else None,
        "value_map": setup.config().get("map") if setup else None,
        "assess_points_is_sample": bool(sample) and defaults.get("POINTS") == sample.id(),
        "assess_map_is_moment": defaults.get("MAP") == params.get("INPUT"),
    }
    dialog = processing.createAlgorithmDialog(ASSESS_ID, defaults)
    state["assess_dialog"] = dialog
    dialog.resize(700, 600)
    dialog.show()
    QTimer.singleShot(700, step_accuracy_shot)


@guard
def step_accuracy_shot():
    dialog = state.pop("assess_dialog")
    dialog.grab().save(os.path.join(OUT, "%s_assess_dialog.png" % PREFIX))
    dialog.close()
    iface.mainWindow().grab().save(os.path.join(OUT, "%s_sample_map.png" % PREFIX))
    QTimer.singleShot(300, step_label)


@guard
def step_label():
    """The labelling panel from the plugin menu: the sample drawn above, chips of every date, one label
    written, the run's layers hidden while it is open."""
    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.label_dock import run_of_map, sample_map_path

    plugin = state["plugin"]
    plugin.label_action.trigger()
    dock = plugin.label_dock
    sample = dock.sample
    fid = dock.order[0] if dock.order else None
    dock.class_buttons[1].click()
    root = QgsProject.instance().layerTreeRoot()
    runs = [n for n in root.findLayers() if n.layer().customProperty(lyr.KIND_PROPERTY)]
    report["label"] = {
        "sample": sample.name() if sample else None,
        "points": len(dock.order), "chips": [t for t, img, _c in dock.chips.chips if img is not None],
        "classes": sorted(dock.class_buttons), "header": dock.header.text(),
        "written": next(sample.getFeatures("$id = %d" % fid))["reference"] if fid is not None else None,
        "runs_visible": [n.isVisible() for n in runs], "pos": dock.pos,
        "run_is_the_sampled_map": run_of_map(sample_map_path(sample), [dock.run_layer]) is not None,
    }
    QTimer.singleShot(700, step_label_shot)


@guard
def step_label_shot():
    from caim_qgis_plugin import layers as lyr

    iface.mainWindow().grab().save(os.path.join(OUT, "%s_label.png" % PREFIX))
    dock = state["plugin"].label_dock
    dock.grab().save(os.path.join(OUT, "%s_label_dock.png" % PREFIX))
    dock.close()
    root = QgsProject.instance().layerTreeRoot()
    report["label"]["runs_visible_after"] = [n.isVisible() for n in root.findLayers()
                                             if n.layer().customProperty(lyr.KIND_PROPERTY)]
    QTimer.singleShot(300, step_screens)


@guard
def step_screens():
    # unload cleanly
    unloadPlugin("caim_qgis_plugin")
    report["unloaded"] = QgsApplication.processingRegistry().providerById("caim") is None
    report["menu_after_unload"] = [a.text() for a in iface.rasterMenu().actions()]
    finish(0)


QTimer.singleShot(1500, step_load)
