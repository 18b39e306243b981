"""caim:stackbands through QGIS Processing: band files stacked into one VRT per date, loaded as a group of
date layers with their masks unchecked; the dates then run in caim:detectchanges with the masks."""

import os

import numpy as np
import pytest

from caim_qgis_testlib import run_processing, wait_for

pytestmark = pytest.mark.qgis


def _landsat(tmp_path):
    from fixtures import bandfiles as fx  # tests/fixtures (the engine tests' product layouts)

    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919", cloud=(5, 10, 5, 10))
    return str(tmp_path / "in")


def stack(dialog):
    """Press 'Stack band files into dates' and wait for its background task: whether it stacked (None: nothing
    to stack, no task)."""
    task = dialog.stack_checked_band_files()
    if task is None:
        return None
    assert dialog.stack_task is task and not dialog.run_button.isEnabled()
    assert wait_for(lambda: dialog.stack_task is None)
    return dialog.last_stack_ok


def test_stack_band_files_in_processing(project, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsRasterLayer

    from caim_qgis_plugin.stackbands_algorithm import GroupPlacer

    alg = QgsApplication.processingRegistry().algorithmById("caim:stackbands")
    assert alg is not None and alg.displayName() == "Stack band files into dates"
    assert alg.groupId() == "changedetection"
    folder = _landsat(tmp_path)
    out = str(tmp_path / "dates")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    results, ok = QgsApplication.processingRegistry().createAlgorithmById("caim:stackbands").run(
        {"FOLDER": folder, "OUTPUT": out}, context, feedback)
    assert ok, feedback.textLog()
    assert [os.path.basename(p) for p in results["LAYERS"]] == ["2015-08-05.vrt", "2020-08-12.vrt"]
    assert [os.path.basename(p) for p in results["MASKS"]] == ["2015-08-05_QA_PIXEL.vrt", "2020-08-12_QA_PIXEL.vrt"]
    assert "Landsat 8 OLI Collection 2 Level-2" in results["SUMMARY"] and "MTL: 2.75e-05 / -0.2" in feedback.textLog()

    # loaded as the toolbox loads them (without their default styles, in an order of its own): a group, dates
    # checked and in true colour, each followed by its mask, unchecked
    from qgis.core import QgsRasterLayer as Layer

    options = Layer.LayerOptions()
    options.loadDefaultStyle = False
    root, previous = QgsProject.instance().layerTreeRoot(), None
    for path, details in sorted(context.layersToLoadOnCompletion().items(), reverse=True):
        layer = QgsRasterLayer(path, details.name, "gdal", options)
        assert layer.isValid(), path
        if previous is None:
            details.project.addMapLayer(layer)
        else:  # the desktop adds it at the layer tree's insertion point: the last one loaded, in the group
            details.project.addMapLayer(layer, False)
            last = root.findLayer(previous.id())
            last.parent().insertLayer(last.parent().children().index(last), layer)
        previous = layer
        assert isinstance(details.postProcessor(), GroupPlacer)
        details.postProcessor().postProcessLayer(layer, context, feedback)
    from qgis.PyQt.QtCore import QCoreApplication

    QCoreApplication.processEvents()  # (a layer whose last tree node is removed leaves the project then)
    assert len(QgsProject.instance().mapLayers()) == 4
    group = root.findGroup("dates (stacked dates)")
    assert group is not None and root.children()[0] is group
    nodes = group.findLayers()
    assert [n.layer().name() for n in nodes] == ["2015-08-05", "2015-08-05_QA_PIXEL", "2020-08-12",
                                                 "2020-08-12_QA_PIXEL"]
    assert [n.isVisible() for n in nodes] == [True, False, True, False]
    assert all(root.findLayer(n.layer().id()).parent() is group for n in nodes)
    renderer = nodes[2].layer().renderer()
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (3, 2, 1)

    # the dates and masks run as they are: the bands' roles from the VRTs, the masks by date
    dates = [n.layer() for n in nodes[0::2]]
    masks = [n.layer() for n in nodes[1::2]]
    res, ok, fb = run_processing("caim:detectchanges", {
        "INPUT": [d.id() for d in dates], "MASKS": [m.id() for m in masks], "MASK_CLEAR": "bit6&!bit2&!bit4",
        "FILL_GAPS": True, "MODEL": "cva", "DEVICE": "CPU", "AREA": str(tmp_path / "r" / "area.tif"),
        "MOMENT": str(tmp_path / "r" / "moment.tif"), "CONFIDENCE": str(tmp_path / "r" / "confidence.tif")})
    assert ok, fb.textLog()
    from osgeo import gdal

    moment = gdal.Open(res["MOMENT"]).ReadAsArray()
    assert moment.shape == (30, 40) and (moment == 1).any() and (moment == 0).any()
    assert (moment[0, :3] == 255).all()  # the products' fill

    # refused with the engine's message: the outputs exist now
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": folder, "OUTPUT": out})
    assert not ok and "already exists (6 of the 6 files)" in fb.textLog()
    # in Processing's terms: its OVERWRITE parameter, not the command line's --overwrite
    assert "allow overwriting (the advanced parameter 'Replace VRTs of the same names in the folder', OVERWRITE)" in (
        fb.textLog()) and "--overwrite" not in fb.textLog()
    results, ok, fb = run_processing("caim:stackbands", {"OUTPUT": str(tmp_path / "x")})
    assert not ok and "Choose the band files, or the folder holding them." in fb.textLog()


def test_a_temporary_output_is_said_and_its_group_named_by_the_band_files(project, tmp_path):
    """OUTPUT left to Processing's temporary folder (qgis_process, the toolbox's default): the layers' group is
    named after the band files' folder (it was "OUTPUT (stacked dates)", the temporary folder's name), and the log
    says the VRTs go when QGIS closes."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    folder = _landsat(tmp_path)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    results, ok = QgsApplication.processingRegistry().createAlgorithmById("caim:stackbands").run(
        {"FOLDER": folder, "OUTPUT": "TEMPORARY_OUTPUT"}, context, feedback)
    assert ok, feedback.textLog()
    assert "temporary folder, which is deleted when QGIS closes" in feedback.textLog()
    placers = {details.postProcessor().group for details in context.layersToLoadOnCompletion().values()}
    assert placers == {"in (stacked dates)"}
    # a folder of your own: no such warning, the group named by it
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(QgsProject.instance())
    results, ok = QgsApplication.processingRegistry().createAlgorithmById("caim:stackbands").run(
        {"FOLDER": folder, "OUTPUT": str(tmp_path / "mine")}, context, feedback)
    assert ok and "temporary folder" not in feedback.textLog()
    assert {d.postProcessor().group for d in context.layersToLoadOnCompletion().values()} == {"mine (stacked dates)"}
    # the folders the dialog's button and the menu entry make: named by the band files' folder
    from caim_qgis_plugin.stackbands_algorithm import group_name

    assert group_name(str(tmp_path / "LC_downloads" / "stacked_dates")) == "LC_downloads (stacked dates)"
    assert group_name(str(tmp_path / "LC_downloads" / "stacked_dates_2")) == "LC_downloads (stacked dates 2)"


def test_stack_band_layers_given_as_layers(project, tmp_path):
    """The band files as layers (INPUT), a band selection by role, and the layers' own files read."""
    from qgis.core import QgsProject, QgsRasterLayer

    from rasters import write_tif

    layers = []
    for d in ("20200101", "20210101"):
        for b in ("B2", "B3", "B4", "B5"):
            path = write_tif(tmp_path / f"LC08_L2SP_007066_{d}_{d}_02_T1_SR_{b}.TIF",
                             np.full((10, 10), 9000, np.uint16))
            layer = QgsRasterLayer(path, os.path.basename(path), "gdal")
            QgsProject.instance().addMapLayer(layer)
            layers.append(layer.id())
    results, ok, fb = run_processing("caim:stackbands", {"INPUT": layers, "BANDS": "red,green,blue,nir",
                                                         "OUTPUT": str(tmp_path / "out")})
    assert ok, fb.textLog()
    from osgeo import gdal

    ds = gdal.Open(results["LAYERS"][0])
    assert [ds.GetRasterBand(b).GetDescription() for b in range(1, 5)] == ["Red (SR_B4)", "Green (SR_B3)",
                                                                           "Blue (SR_B2)", "NIR (SR_B5)"]
    assert results["MASKS"] == []


def test_the_menu_entry_opens_the_stack_on_the_active_band_file(project, tmp_path):
    """Raster > CAIM change detection > Stack band files into dates…, its folder the active one-band layer's."""
    import types

    from qgis.core import QgsRasterLayer
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    from caim_qgis_plugin.plugin import STACK_ID, CaimPlugin
    from rasters import write_tif

    band = QgsRasterLayer(write_tif(tmp_path / "scene_20200101_B4.tif", np.ones((8, 8), np.uint16)), "b4", "gdal")
    stack = QgsRasterLayer(write_tif(tmp_path / "stack.tif", np.ones((2, 8, 8), np.uint16)), "stack", "gdal")
    project.addMapLayers([band, stack])
    window, canvas, menu = QMainWindow(), QgsMapCanvas(), []
    iface = types.SimpleNamespace(
        mainWindow=lambda: window, addToolBar=window.addToolBar, mapCanvas=lambda: canvas, activeLayer=lambda: band,
        addPluginToRasterMenu=lambda name, action: menu.append((name, action.text())),
        removePluginRasterMenu=lambda name, action: None)
    plugin = CaimPlugin(iface)
    plugin.initProcessing = lambda: None  # the session's provider is registered already
    plugin.initGui()
    try:
        assert ("&CAIM change detection", "Stack band files into dates…") in menu
        assert plugin.stack_action.toolTip().endswith("(caim:stackbands)")
        # ... and a new folder in it for the dates, not Processing's temporary folder, deleted when QGIS closes
        assert plugin.algorithm_defaults(STACK_ID) == {"FOLDER": str(tmp_path),
                                                       "OUTPUT": str(tmp_path / "stacked_dates")}
        os.mkdir(str(tmp_path / "stacked_dates"))
        assert plugin.algorithm_defaults(STACK_ID)["OUTPUT"] == str(tmp_path / "stacked_dates_2")
        iface.activeLayer = lambda: stack
        assert plugin.algorithm_defaults(STACK_ID) == {}
        # a Landsat band file in its product's folder (as EarthExplorer's .tar unpacks): the folder of the products,
        # not the product's own (one date); the output folder a new one
        from fixtures import bandfiles as fx

        for year, acquired, processed in ((2015, "20150805", "20200908"), (2020, "20200812", "20200919")):
            folder, pid, _ = fx.write_landsat(tmp_path / "downloads", year, acquired, processed)
        (tmp_path / "downloads" / "stacked_dates").mkdir()
        b4 = QgsRasterLayer(os.path.join(folder, pid + "_SR_B4.TIF"), "b4", "gdal")
        project.addMapLayer(b4)
        iface.activeLayer = lambda: b4
        defaults = plugin.algorithm_defaults(STACK_ID)
        assert defaults == {"FOLDER": str(tmp_path / "downloads"),
                            "OUTPUT": str(tmp_path / "downloads" / "stacked_dates_2")}
        results, ok, fb = run_processing(STACK_ID, defaults)
        assert ok and len(results["LAYERS"]) == 2, fb.textLog()
    finally:
        plugin.unload()


def test_the_dialog_stacks_checked_band_files_in_their_place(project, tmp_path):
    """The detect dialog with the CBERS cube's band files and masks loaded as layers (three dates): the one-band
    layers sharing dates are the ERROR, and 'Stack band files into dates' is offered; pressed, it stacks them
    into a folder beside them, adds the dates and masks as a group (masks unchecked), checks the three dates in
    the band files' place, each with its CMASK, and the series is ready to run."""
    import glob
    import shutil

    from qgis.core import QgsProject, QgsRasterLayer
    from qgis.PyQt.QtCore import Qt

    from caim_qgis_plugin.dialog import COL_LAYER, COL_MASK, CaimDialog
    from rasters import SHARED_DATA

    cube = os.path.join(SHARED_DATA, "cbers-cube")
    if not os.path.isdir(cube):
        pytest.skip("../shared/data/cbers-cube is absent")
    copy = tmp_path / "cube"
    copy.mkdir()
    for d in ("2018-02-02", "2018-02-18", "2018-03-06"):
        for path in glob.glob(os.path.join(cube, "*_%s.tif" % d)):
            shutil.copy(path, copy)
    for path in sorted(glob.glob(str(copy / "*.tif"))):
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.match_masks()  # (the CMASK layers: masks, not dates; not matched to the band layers' rows)
        assert not dialog.validate()
        assert "'Stack band files into dates' below the list" in dialog.messages.text()
        assert not dialog.stack_button.isHidden()
        assert stack(dialog)
        folder = tmp_path / "cube" / "stacked_dates"
        assert sorted(n for n in os.listdir(folder) if not n.endswith(".qml")) == [
            "2018-02-02.vrt", "2018-02-18.vrt", "2018-03-06.vrt", "masks"]
        checked = dialog.checked()
        assert [layer.name() for layer, _ in checked] == ["2018-02-02", "2018-02-18", "2018-03-06"]
        assert [m.name() for m in dialog.checked_masks()] == ["2018-02-02_CMASK", "2018-02-18_CMASK",
                                                              "2018-03-06_CMASK"]
        assert dialog.mask_clear_edit.text() == "0"
        assert dialog.validate(), dialog.messages.text()
        assert dialog.stack_button.isHidden()
        assert "Stacked the band files into 3 dates (3 with a cloud mask)" in dialog.status.text()
        root = QgsProject.instance().layerTreeRoot()
        # named by the band files' folder (it was "stacked_dates (stacked dates)", whatever the band files)
        group = root.findGroup("cube (stacked dates)")
        assert [(n.layer().name(), n.isVisible()) for n in group.findLayers()] == [
            ("2018-02-02", True), ("2018-02-02_CMASK", False), ("2018-02-18", True), ("2018-02-18_CMASK", False),
            ("2018-03-06", True), ("2018-03-06_CMASK", False)]
        bands = [i for i in dialog._items() if "_B1" in i.text(COL_LAYER)]
        assert len(bands) == 12 and all(i.checkState(COL_LAYER) == Qt.CheckState.Unchecked for i in bands)
        # the dates on top, then the band files and masks (unchecked, not mixed with them; the band files greyed,
        # saying where their dates are); the layers stay in the project
        rows = dialog._items()
        assert [i.text(COL_LAYER) for i in rows[:3]] == ["2018-02-02", "2018-02-18", "2018-03-06"]
        assert len(rows) == 3 + 12 + 3 + 3 and not any(i.checkState(COL_LAYER) == Qt.CheckState.Checked
                                                       for i in rows[3:])
        assert all(i.toolTip(COL_LAYER).startswith("stacked into the dates of %s (listed above" % folder)
                   and i.foreground(COL_LAYER).color().name() == "#808080" for i in bands)
        assert len(QgsProject.instance().mapLayers()) == 21
        assert [i.text(COL_MASK) for i in dialog._items() if i.checkState(COL_LAYER) == Qt.CheckState.Checked] == [
            "2018-02-02_CMASK", "2018-02-18_CMASK", "2018-03-06_CMASK"]
        # pressed again (Check all: the band files, and the stack's dates and masks, one-band rasters with dates
        # too): the stack made before and its layers, no second folder and group; the stack's masks are not taken
        # for band files ("2018-02-02 has a mask ('2018-02-02_CMASK.vrt') but no band file")
        layers_before = len(QgsProject.instance().mapLayers())
        # meanwhile QGIS drew them: a one-band layer's statistics (its grey stretch) are computed when QGIS loads
        # it, and GDAL keeps a VRT's in the .vrt itself, written when it closes it (seen in the desktop test: the
        # second press then made stacked_dates_2, a copy, and a second group)
        from osgeo import gdal

        for vrt in glob.glob(os.path.join(folder, "*.vrt")) + glob.glob(os.path.join(folder, "masks", "*.vrt")):
            ds = gdal.Open(vrt)
            ds.GetRasterBand(1).ComputeStatistics(False)
            ds = None
        assert "STATISTICS_MEAN" in open(os.path.join(folder, "masks", "2018-02-02_CMASK.vrt")).read()
        dialog.all_button.click()
        assert not dialog.stack_button.isHidden()
        assert stack(dialog), dialog.status.text()
        assert ("were stacked into 3 dates (3 with a cloud mask) before, in %s: used again" % folder
                in dialog.status.text())
        assert sorted(os.listdir(tmp_path / "cube"))[-1] == "stacked_dates"
        assert len(QgsProject.instance().mapLayers()) == layers_before
        assert [g.name() for g in root.children() if g.nodeType() == 0] == ["cube (stacked dates)"]
        assert [layer.name() for layer, _ in dialog.checked()] == ["2018-02-02", "2018-02-18", "2018-03-06"]
        assert [m.name() for m in dialog.checked_masks()] == ["2018-02-02_CMASK", "2018-02-18_CMASK",
                                                              "2018-03-06_CMASK"]
        assert dialog.validate(), dialog.messages.text()
        assert [i.text(COL_LAYER) for i in dialog._items()[:3]] == ["2018-02-02", "2018-02-18", "2018-03-06"]
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_the_dialog_stacks_in_the_background_and_cancel_writes_nothing(project, tmp_path):
    """'Stack band files into dates' runs as a QGIS task (it took QGIS's main thread, no progress, no cancel):
    Run and the button wait for it, the progress bar follows it, and its cancel button, named for what it cancels
    while it stacks (it said "Cancel run"), stops it with no folder written and the band files left checked; the
    button says "Cancel run" again after; pressed again, it stacks."""
    import glob
    import shutil

    from qgis.core import QgsApplication, QgsProject, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from rasters import SHARED_DATA

    cube = os.path.join(SHARED_DATA, "cbers-cube")
    if not os.path.isdir(cube):
        pytest.skip("../shared/data/cbers-cube is absent")
    copy = tmp_path / "cube"
    copy.mkdir()
    for d in ("2018-02-02", "2018-02-18"):
        for path in glob.glob(os.path.join(cube, "*_%s.tif" % d)):
            shutil.copy(path, copy)
    for path in sorted(glob.glob(str(copy / "*.tif"))):
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        checked = len(dialog.checked())
        task = dialog.stack_checked_band_files()
        assert task is not None and task in QgsApplication.taskManager().tasks()
        assert dialog.cancel_button.isEnabled() and dialog.stack_button.isHidden()
        assert dialog.cancel_button.text() == "Cancel stacking"
        assert "(Cancel stacking stops it)" in dialog.status.text()
        # (the band files' message said to press the button, hidden while it stacks)
        assert "Stacking the checked band files into dates" in dialog.messages.text()
        assert "below the list" not in dialog.messages.text()
        assert dialog.stack_checked_band_files() is None and dialog.run() is None  # one at a time
        dialog.cancel_button.click()
        assert wait_for(lambda: dialog.stack_task is None)
        assert dialog.last_stack_ok is False and "Stacking cancelled; nothing was written." in dialog.status.text()
        assert not [n for n in os.listdir(copy) if n.startswith(("stacked_dates", ".caim"))]
        assert len(dialog.checked()) == checked and not dialog.stack_button.isHidden()
        assert not dialog.cancel_button.isEnabled() and dialog.cancel_button.text() == "Cancel run"
        assert stack(dialog), dialog.status.text()
        assert dialog.cancel_button.text() == "Cancel run"
        assert [layer.name() for layer, _ in dialog.checked()] == ["2018-02-02", "2018-02-18"]
    finally:
        dialog.shutdown()
        dialog.deleteLater()

def test_the_dialog_stacks_band_layers_read_from_a_zip_beside_the_zip(project, tmp_path):
    """Band layers read from a zip (QGIS opens a zipped product's files as /vsizip//data/cube.zip/...): their folder
    is no folder on disk, so the dialog's button stacked them into QGIS's temporary folder, which QGIS deletes when
    it closes (a project saved with the dates lost them).  They are stacked beside the zip."""
    import glob
    import zipfile

    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from rasters import SHARED_DATA

    cube = os.path.join(SHARED_DATA, "cbers-cube")
    if not os.path.isdir(cube):
        pytest.skip("../shared/data/cbers-cube is absent")
    archive = str(tmp_path / "cube.zip")
    with zipfile.ZipFile(archive, "w") as z:
        for d in ("2018-02-02", "2018-02-18"):
            for path in glob.glob(os.path.join(cube, "*_%s.tif" % d)):
                z.write(path, "cube/" + os.path.basename(path))
    for name in sorted(zipfile.ZipFile(archive).namelist()):
        QgsProject.instance().addMapLayer(QgsRasterLayer("/vsizip/%s/%s" % (archive, name),
                                                         os.path.basename(name)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert stack(dialog), dialog.status.text()
        assert sorted(n for n in os.listdir(str(tmp_path / "stacked_dates")) if n.endswith(".vrt")) == [
            "2018-02-02.vrt", "2018-02-18.vrt"]
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_a_stacked_date_draws_in_true_colour(project, tmp_path):
    """A stacked Landsat date (bands B2..B7: blue first) opens in QGIS in true colour, stretched: its style
    (<date>.qml beside it, which QGIS loads) draws red, green and blue, not bands 1, 2, 3 (blue as red); the
    stretch is QGIS's 2-98 % cut of the reflectance (the scale and offset QGIS applies too)."""
    from qgis.core import QgsRasterLayer

    from model_core.bandfiles import stack_band_files

    res = stack_band_files([_landsat(tmp_path)], str(tmp_path / "out"))
    layer = QgsRasterLayer(res.vrts[0], "date", "gdal")
    renderer = layer.renderer()
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (3, 2, 1)
    red = renderer.redContrastEnhancement()
    assert 0.0 < red.minimumValue() < red.maximumValue() < 0.5  # reflectance, not digital numbers
    from qgis.core import QgsRasterBandStats

    stats = layer.dataProvider().bandStatistics(3, QgsRasterBandStats.All)
    assert stats.minimumValue <= red.minimumValue() and red.maximumValue() <= stats.maximumValue


def test_match_masks_takes_the_clear_values_the_stacked_masks_record(project, tmp_path):
    """The stacked dates and masks of a Landsat 8 series added to the project (the menu entry's or the toolbox's
    group, or by hand): *Match masks by date* pairs them and takes the clear values the masks record
    (CAIM_MASK_CLEAR, the product's QA_PIXEL bits); with the default 0 every pixel of every date was masked and the
    run refused.  A mask file without that record leaves the clear values alone."""
    from osgeo import gdal
    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from model_core.bandfiles import stack_band_files

    res = stack_band_files([_landsat(tmp_path)], str(tmp_path / "dates"))
    assert gdal.Open(res.masks[0]).GetMetadataItem("CAIM_MASK_CLEAR") == "bit6&!bit2&!bit4"
    for path in res.vrts + res.masks:
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert dialog.mask_clear_edit.text() == "0"
        assert dialog.match_masks() == 2
        assert dialog.mask_clear_edit.text() == "bit6&!bit2&!bit4"
        assert "Clear values bit6&!bit2&!bit4, which the masks record" in dialog.status.text()
        assert [m.name() for m in dialog.checked_masks()] == ["2015-08-05_QA_PIXEL", "2020-08-12_QA_PIXEL"]
        assert dialog.validate(), dialog.messages.text()
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_the_dialog_checks_one_scene_of_band_files_of_two(project, tmp_path):
    """Band files of two Landsat path/rows checked and stacked with the dialog's button: the dates of one scene
    are checked (one run per scene), the status says which and how to run the other; all four were checked, and
    the list refused them ('do not overlap', 'Some dates appear twice')."""
    import glob

    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from fixtures import bandfiles as fx

    for pathrow, origin, dates in (("007066", (550000.0, 9100000.0), (("20150805", 2015), ("20200812", 2020))),
                                   ("007067", (550000.0, 8900000.0), (("20150805", 2015), ("20200812", 2020),
                                                                      ("20100801", 2010)))):
        for acquired, year in dates:
            fx.write_landsat(tmp_path / "in", year, acquired, "20200919", pathrow=pathrow, origin=origin)
    for path in sorted(glob.glob(str(tmp_path / "in" / "*" / "*_SR_B[2-5].TIF"))
                       + glob.glob(str(tmp_path / "in" / "*" / "*_QA_PIXEL.TIF"))):
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert not dialog.validate() and not dialog.stack_button.isHidden()
        assert stack(dialog), dialog.status.text()
        assert [layer.name() for layer, _ in dialog.checked()] == ["2010-08-01_007067", "2015-08-05_007067",
                                                                   "2020-08-12_007067"]
        assert "They are 2 scenes, each run on its own: checked are the 3 dates of Landsat 8 OLI Collection 2 " \
               "Level-2, scene 007067" in dialog.status.text()
        assert dialog.mask_clear_edit.text() == "bit6&!bit2&!bit4"
        assert dialog.validate(), dialog.messages.text()
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_the_dialog_stacks_band_files_inside_a_zip_beside_it(project, tmp_path, monkeypatch):
    """Sentinel-2 band files added from inside their .zip (QGIS opens them as /vsizip/...): stacked into
    'stacked_dates' beside the .zip (it went to QGIS's temporary folder, deleted when QGIS closes, unsaid).  Where
    the folder cannot be written to, the temporary folder is used and the status says what that means (as root, a
    read-only folder is simulated through os.access)."""
    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin import dialog as dialog_module
    from caim_qgis_plugin.dialog import CaimDialog
    from fixtures import bandfiles as fx
    from model_core.bandfiles import collect

    for day in ("20220612", "20230612"):
        fx.write_s2_safe(tmp_path / "in", day, as_zip=True)
    members = collect([str(tmp_path / "in")])[0]
    for path in members:
        if path.endswith(("_B02_10m.jp2", "_B03_10m.jp2", "_B04_10m.jp2", "_B08_10m.jp2", "_SCL_20m.jp2")):
            layer = QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal")
            assert layer.isValid(), path
            QgsProject.instance().addMapLayer(layer)
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert not dialog.stack_button.isHidden()
        assert stack(dialog), dialog.status.text()
        assert "in %s." % (tmp_path / "in" / "stacked_dates") in dialog.status.text()
        assert "temporary folder" not in dialog.status.text()
        assert [layer.name() for layer, _ in dialog.checked()] == ["2022-06-12", "2023-06-12"]
        assert dialog.mask_clear_edit.text() == "4-7,11"
        # a folder you cannot write to: QGIS's temporary folder, said
        for layer, _ in dialog.checked():
            dialog._uncheck_layer(layer.id())
        dialog.all_button.click()
        monkeypatch.setattr(dialog_module.os, "access", lambda path, mode: False)
        assert stack(dialog), dialog.status.text()
        assert "That is QGIS's temporary folder, deleted when QGIS closes" in dialog.status.text()
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_the_dialog_stacks_band_files_inside_landsat_tars_beside_them(project, tmp_path):
    """Landsat products left as EarthExplorer's .tar, their band files opened in QGIS from inside them
    (/vsitar/...): stacked into 'stacked_dates' beside the .tar files, not into QGIS's temporary folder."""
    import shutil
    import tarfile

    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from fixtures import bandfiles as fx

    (tmp_path / "tars").mkdir()
    for year, acquired in ((2015, "20150805"), (2020, "20200812")):
        folder, pid, _ = fx.write_landsat(tmp_path / "unpacked", year, acquired, "20200919")
        with tarfile.open(str(tmp_path / "tars" / (pid + ".tar")), "w") as tar:
            for name in os.listdir(folder):
                tar.add(os.path.join(folder, name), name)
        for band in ("SR_B2", "SR_B3", "SR_B4", "SR_B5", "QA_PIXEL"):
            path = "/vsitar/%s/%s.tar/%s_%s.TIF" % (tmp_path / "tars", pid, pid, band)
            layer = QgsRasterLayer(path, "%s_%s" % (pid, band), "gdal")
            assert layer.isValid(), path
            QgsProject.instance().addMapLayer(layer)
    shutil.rmtree(str(tmp_path / "unpacked"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert stack(dialog), dialog.status.text()
        assert "in %s." % (tmp_path / "tars" / "stacked_dates") in dialog.status.text()
        assert [layer.name() for layer, _ in dialog.checked()] == ["2015-08-05", "2020-08-12"]
        assert dialog.validate(), dialog.messages.text()
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_a_date_lacking_a_band_is_said_in_the_terms_of_processing_and_of_the_dialog(project, tmp_path):
    """A Landsat date without its SR_B5: the engine's advice "choose the bands every date has (--bands)" names the
    command line's option; Processing's refusal names its BANDS parameter, the dialog's button (which has no band
    choice) the menu entry's Bands and unchecking the date's band files."""
    import glob

    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    folder = _landsat(tmp_path)
    os.remove(glob.glob(os.path.join(folder, "*20150805*", "*_SR_B5.TIF"))[0])
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": folder, "OUTPUT": str(tmp_path / "out")})
    assert not ok and "2015-08-05 lacks band NIR (SR_B5)" in fb.textLog()
    assert "choose the bands every date has (the parameter 'Bands, comma-separated', BANDS)" in fb.textLog()
    assert "--bands" not in fb.textLog()
    for path in sorted(glob.glob(os.path.join(folder, "*", "*_SR_B[2-5].TIF"))):
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert stack(dialog) is False
        status = dialog.status.text()
        assert "2015-08-05 lacks band NIR (SR_B5)" in status and "--bands" not in status
        assert "(Bands of Raster > CAIM change detection > Stack band files into dates…; in the list, a date is " \
               "left out by unchecking its band files)." in status
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_the_dialog_stacks_hls_granules_with_their_fmask_rule(project, tmp_path):
    """HLS v2.0 band files (L30 and S30 granules, in LP DAAC's folders) loaded as layers: their names date them
    (year and day of year: they had no date, so the list offered no stacking), the button stacks them into one
    series, each date checked with its Fmask and the clear values !bit1&!bit2&!bit3 (the default 0 masked every
    pixel whose aerosol bits were set), the status naming the cloudier granule of a day with two; and the stacked
    masks alone matched by date give the same rule."""
    import glob

    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from fixtures import bandfiles as fx

    fx.write_hls(tmp_path / "in", "L30", "2015200T150502", 2015)
    fx.write_hls(tmp_path / "in", "S30", "2020225T152641", 2020, cloud=(5, 10, 5, 10))
    fx.write_hls(tmp_path / "in", "L30", "2020225T150721", 2020, cloud=(5, 20, 5, 30))  # that day, cloudier
    for path in sorted(glob.glob(str(tmp_path / "in" / "*" / "*.tif"))):
        if not path.endswith(("SAA.tif", "SZA.tif", "VAA.tif", "VZA.tif")):
            QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert not dialog.validate()
        assert not dialog.stack_button.isHidden()
        assert stack(dialog), dialog.status.text()
        assert "Stacked the band files into 2 dates (2 with a cloud mask)" in dialog.status.text()
        assert ("Left out, as the second granule of its tile and day (the one whose Fmask shows more clear pixels is "
                "stacked): HLS.L30.T18LUM.2020225T150721.v2.0.") in dialog.status.text()
        assert [layer.name() for layer, _ in dialog.checked()] == ["2015-07-19", "2020-08-12"]
        assert [m.name() for m in dialog.checked_masks()] == ["2015-07-19_Fmask", "2020-08-12_Fmask"]
        assert dialog.mask_clear_edit.text() == "!bit1&!bit2&!bit3"
        assert dialog.validate(), dialog.messages.text()
    finally:
        dialog.shutdown()
        dialog.deleteLater()
    QgsProject.instance().removeAllMapLayers()
    out = tmp_path / "in" / "stacked_dates"
    for path in sorted(glob.glob(str(out / "*.vrt")) + glob.glob(str(out / "masks" / "*.vrt"))):
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert dialog.match_masks() == 2
        assert dialog.mask_clear_edit.text() == "!bit1&!bit2&!bit3"
        assert "Clear values !bit1&!bit2&!bit3, which the masks record" in dialog.status.text()
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_masks_of_different_kinds_never_fill_in_joined_clear_values(project, tmp_path):
    """Band files of a generic series whose masks are of two kinds (Fmask: 0 and 1 clear; cloudmask: 0): the button
    put '0 / 0,1' into Clear values, no rule the run reads.  Now the rule of the kind most dates have, those dates'
    masks set, the other date's not, and the status says so; Match masks by date on all three masks leaves the
    field and says that their recorded values differ."""
    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog
    from caim_qgis_plugin.inputs import parse_clear_values
    from rasters import write_tif

    (tmp_path / "in").mkdir()
    for d, mask in (("2020-01-05", "Fmask"), ("2020-06-05", "Fmask"), ("2021-01-05", "cloudmask")):
        for k, b in enumerate(("B2", "B3", "B4", "B5")):
            path = write_tif(str(tmp_path / "in" / f"{d}_{b}.tif"), np.full((10, 10), 100 + 10 * k, np.uint16))
            QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
        values = np.full((10, 10), 1 if mask == "Fmask" else 0, np.uint8)
        path = write_tif(str(tmp_path / "in" / f"{d}_{mask}.tif"), values)
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert stack(dialog), dialog.status.text()
        assert dialog.mask_clear_edit.text() == "0,1", dialog.status.text()
        parse_clear_values(dialog.mask_clear_edit.text())
        assert [m.name() if m else None for m in dialog.checked_masks()] == ["2020-01-05_FMASK", "2020-06-05_FMASK",
                                                                              None]
        assert ("Their masks are of different kinds, and one set of clear values holds for every mask: 0,1 is set "
                "with the masks it is right for; the dates 2021-01-05 have masks of another kind") in dialog.status.text()
        assert dialog.validate(), dialog.messages.text()
    finally:
        dialog.shutdown()
        dialog.deleteLater()
    QgsProject.instance().removeAllMapLayers()
    out = tmp_path / "in" / "stacked_dates"
    for path in sorted(glob_vrts(out)):
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert dialog.match_masks() == 3
        assert dialog.mask_clear_edit.text() == "0"
        assert "The masks record different clear values (0; 0,1)" in dialog.status.text()
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def glob_vrts(folder):
    import glob

    return glob.glob(str(folder / "*.vrt")) + glob.glob(str(folder / "masks" / "*.vrt"))


def test_the_end_of_a_stack_adds_its_layers_at_once_and_refreshes_the_dialog_once(project, tmp_path):
    """The end of the dialog's stack ran on QGIS's main thread 0.35-0.5 s for the CBERS cube's 28 layers, then
    0.3 s more: each layer made there (its files opened, a mask's statistics computed), added one at a time, and
    the visible dialog refreshed its list once per layer added (28 refreshes queued).  Now the task makes the
    layers in its thread and hands them over (moved to the main thread), they are added together, and the list is
    refreshed, and the series checked, once."""
    from qgis.core import QgsProject, QgsRasterLayer
    from qgis.PyQt.QtCore import QCoreApplication

    from caim_qgis_plugin.dialog import CaimDialog

    folder = _landsat(tmp_path)
    for path in sorted(glob_tifs(folder)):
        QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
    dialog = CaimDialog(None)
    dialog.show()  # (a hidden dialog does not follow the project's layers)
    try:
        dialog.refresh_layers()
        calls = {"refresh": 0, "check": 0}
        refresh, problems = dialog.refresh_layers, dialog.problems

        def counted_refresh():
            calls["refresh"] += 1
            return refresh()

        def counted_problems():
            calls["check"] += 1
            return problems()

        dialog.refresh_layers, dialog.problems = counted_refresh, counted_problems
        task = dialog.stack_checked_band_files()
        assert wait_for(lambda: dialog.stack_task is None)
        ended = dict(calls)
        for _ in range(20):  # (the refreshes the project's layersAdded queued)
            QCoreApplication.processEvents()
        assert dialog.last_stack_ok, dialog.status.text()
        assert calls["refresh"] == 1 and calls["check"] == ended["check"]
        assert task.layers == {}  # every layer the task made went into the project
        made = [node.layer() for group in QgsProject.instance().layerTreeRoot().findGroups()
                for node in group.findLayers()]
        assert len(made) == 4 and all(layer.thread() is QCoreApplication.instance().thread() for layer in made)
        assert [layer.name() for layer, _ in dialog.checked()] == ["2015-08-05", "2020-08-12"]
        assert dialog.validate(), dialog.messages.text()
    finally:
        dialog.shutdown()
        dialog.hide()
        dialog.deleteLater()


def glob_tifs(folder):
    import glob

    return glob.glob(os.path.join(folder, "**", "*.TIF"), recursive=True) + glob.glob(
        os.path.join(folder, "**", "*.tif"), recursive=True)


def _chain_model():
    """A graphical model as a user builds it: caim:stackbands on a folder, its dates and masks into
    caim:detectchanges (LAYERS -> INPUT, MASKS -> MASKS, MASKED_DATES and MASK_CLEAR -> the same names)."""
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterFile)

    model = QgsProcessingModelAlgorithm("stack_and_detect", "test")
    model.addModelParameter(QgsProcessingParameterFile("folder", "folder", behavior=QgsProcessingParameterFile.Folder),
                            QgsProcessingModelParameter("folder"))
    stack_child = QgsProcessingModelChildAlgorithm("caim:stackbands")
    stack_child.setChildId("stack")
    stack_child.addParameterSources("FOLDER", [Source.fromModelParameter("folder")])
    model.addChildAlgorithm(stack_child)
    detect = QgsProcessingModelChildAlgorithm("caim:detectchanges")
    detect.setChildId("detect")
    for name, output in (("INPUT", "LAYERS"), ("MASKS", "MASKS"), ("MASKED_DATES", "MASKED_DATES"),
                         ("MASK_CLEAR", "MASK_CLEAR")):
        detect.addParameterSources(name, [Source.fromChildOutput("stack", output)])
    for name, value in (("MODEL", "cva"), ("DEVICE", "CPU"), ("FILL_GAPS", True)):
        detect.addParameterSources(name, [Source.fromStaticValue(value)])
    output = QgsProcessingModelOutput("moment", "moment")
    output.setChildId("detect")
    output.setChildOutputName("MOMENT")
    detect.setModelOutputs({"moment": output})
    model.addChildAlgorithm(detect)
    model.updateDestinationParameters()
    return model


def test_a_model_chains_stacked_dates_some_without_a_mask_into_the_change_detection(project, tmp_path):
    """From a power user's walk: a graphical model stackbands -> detectchanges on band files of which one date has
    no cloud mask.  MASKS then lists the masks of the other dates, and the change detection refused the run ("3
    cloud masks for 4 layers: ... set MASKED_DATES"), which a model could not give (the positions are known only
    after the stack).  caim:stackbands now gives them (MASKED_DATES), with the masks' clear values (MASK_CLEAR), for
    the model to connect; the model, saved as a .model3 and loaded again, runs with the date without a mask
    unmasked."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm, QgsProject

    from rasters import SHARED_DATA

    cube = os.path.join(SHARED_DATA, "cbers-cube")
    if not os.path.isdir(cube):
        pytest.skip("../shared/data/cbers-cube is absent")
    folder = tmp_path / "cube"
    folder.mkdir()
    dates = ("2018-02-02", "2018-02-18", "2018-03-06", "2018-03-22")
    for d in dates:
        for band in ("B13", "B14", "B15", "B16", "CMASK"):
            if (d, band) != ("2018-02-18", "CMASK"):  # the second date without its mask
                name = "CBERS-4_AWFI_022024_%s_%s.tif" % (band, d)
                os.symlink(os.path.join(cube, name), str(folder / name))
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": str(folder), "OUTPUT": str(tmp_path / "s")})
    assert ok, fb.textLog()
    assert len(results["MASKS"]) == 3 and results["MASKED_DATES"] == "1,3,4" and results["MASK_CLEAR"] == "0"

    path = str(tmp_path / "stack_and_detect.model3")
    assert _chain_model().toFile(path)
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(path)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    moment = str(tmp_path / "out" / "moment.tif")
    results, ok = model.run({"folder": str(folder), "detect:moment": moment}, context, feedback)
    log = feedback.textLog()
    assert ok, log
    # the model's output is keyed "detect:moment" (child and output) on QGIS 3.22, "moment" (the output's name) on 3.44
    assert results.get("detect:moment", results.get("moment")) == moment and os.path.exists(moment), sorted(results)
    for i, d in enumerate(dates, start=1):  # the masks with their own dates, the second date unmasked
        line = next(t for t in log.splitlines() if t.startswith("Date %d: %s" % (i, d)))
        assert ("mask:" in line) == (i != 2) and (d + "_CMASK.vrt" in line) == (i != 2), line
    # the model's steps share its context: the stack's dates and masks, in a folder of QGIS's temporary folder that
    # is no output of the model, were loaded into the project too (seven layers gone when QGIS closes), with the
    # warning about that folder; a model output is loaded, as Processing decides
    assert not [p for p in context.layersToLoadOnCompletion() if p.endswith(".vrt")], \
        list(context.layersToLoadOnCompletion())
    assert "temporary folder" not in log


def test_warnings_are_warnings_not_errors(project, tmp_path):
    """From a power user's walk: the warning about VRTs in QGIS's temporary folder (caim:stackbands, caim:splitdates,
    OUTPUT=TEMPORARY_OUTPUT) went through reportError, which qgis_process prints as an 'ERROR:' line (and --json
    lists under 'errors') of a run that succeeded.  They are warnings (pushWarning: 'WARNING:')."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    from test_split_algorithm import _export

    class Recorded(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors, self.warnings = [], []

        def reportError(self, error, fatalError=False):  # noqa: N802,N803
            self.errors.append(error)

        def pushWarning(self, warning):  # noqa: N802
            self.warnings.append(warning)

    (tmp_path / "e").mkdir()
    _, export = _export(str(tmp_path / "e"))
    for alg, params in (("caim:stackbands", {"FOLDER": _landsat(tmp_path)}), ("caim:splitdates", {"INPUT": export})):
        context, feedback = QgsProcessingContext(), Recorded()
        context.setProject(QgsProject.instance())
        results, ok = QgsApplication.processingRegistry().createAlgorithmById(alg).run(
            dict(params, OUTPUT="TEMPORARY_OUTPUT"), context, feedback)
        assert ok and not feedback.errors, (alg, feedback.errors)
        assert any("temporary folder, which is deleted when QGIS closes" in w for w in feedback.warnings), alg


def test_mask_clear_of_masks_of_different_kinds_is_that_of_most_with_a_warning(project, tmp_path):
    """MASK_CLEAR (for a model to give the change detection) of a generic series whose masks are of two kinds (Fmask:
    0 and 1 clear; cloudmask: 0): the clear values of the kind most dates have, and a warning naming the date whose
    mask they are not right for; MASKED_DATES lists every masked date, as MASKS lists every mask."""
    from rasters import write_tif

    (tmp_path / "in").mkdir()
    for d, mask in (("2020-01-05", "Fmask"), ("2020-06-05", "Fmask"), ("2021-01-05", "cloudmask")):
        for k, b in enumerate(("B2", "B3", "B4", "B5")):
            write_tif(str(tmp_path / "in" / f"{d}_{b}.tif"), np.full((10, 10), 100 + 10 * k, np.uint16))
        write_tif(str(tmp_path / "in" / f"{d}_{mask}.tif"), np.full((10, 10), 1 if mask == "Fmask" else 0, np.uint8))
    results, ok, fb = run_processing("caim:stackbands", {"FOLDER": str(tmp_path / "in"), "OUTPUT": str(tmp_path / "o")})
    assert ok, fb.textLog()
    assert results["MASK_CLEAR"] == "0,1" and results["MASKED_DATES"] == "1,2,3" and len(results["MASKS"]) == 3
    assert "MASK_CLEAR is 0,1, the clear values of most masks; the masks of 2021-01-05 are of another kind" in (
        fb.textLog()), fb.textLog()
