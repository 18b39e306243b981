"""The sample labelling panel on a real run: points in id order, chips of every date centred on the
point's pixel, labels written to the file (or the edit buffer), a clear message for a read-only layer,
the run's layers hidden while labelling and shown again after."""

import os
import types

import numpy as np
import pytest

pytestmark = pytest.mark.qgis

X0, Y0, PX = 500000.0, 5200000.0, 5.0


def _reference_in_file(path):
    from osgeo import ogr

    ds = ogr.Open(path)
    out = {f.GetField("id"): (f.GetField("reference") if f.IsFieldSetAndNotNull("reference") else None)
           for f in ds.GetLayer(0)}
    ds = None
    return out


@pytest.fixture
def labelling(project, finished_run, tmp_path):
    """The finished run's layers in the project and a fresh sample of its moment map, styled as QGIS
    styles a drawn sample.  Returns (sample layer, path, run layers)."""
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.accuracy_algorithms import class_labels, setup_sample_layer
    from model_core.accuracy import stratified_sample

    res = finished_run["results"]
    outputs = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"]}
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
            "outputs": outputs, "model": "cva"}
    run_layers = lyr.add_run_outputs(outputs, finished_run["dates"], info, project=project)
    path = str(tmp_path / "sample.gpkg")
    stratified_sample(res["MOMENT"], path, n=4, n_unchanged=6, seed=5)
    layer = QgsVectorLayer(path, "sample", "ogr")
    setup_sample_layer(layer, class_labels(res["MOMENT"]))
    project.addMapLayer(layer)
    return layer, path, run_layers


@pytest.fixture
def panel(labelling):
    """A labelling panel without a map canvas on the ``labelling`` project; (dock, layer, file path)."""
    from caim_qgis_plugin.label_dock import LabelDock

    layer, path, _runs = labelling
    dock = LabelDock(None)
    yield dock, layer, path
    dock.shutdown()


def _iface():
    """A real map canvas and message bar behind the two iface calls the panel makes."""
    from qgis.gui import QgsMapCanvas, QgsMessageBar

    from qgis.core import QgsCoordinateReferenceSystem

    canvas, bar = QgsMapCanvas(), QgsMessageBar()
    canvas.resize(400, 400)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32614"))
    return types.SimpleNamespace(mapCanvas=lambda: canvas, messageBar=lambda: bar, canvas=canvas, bar=bar)


def _pixel(point):
    return int((Y0 - point.y()) // PX), int((point.x() - X0) // PX)


def test_points_in_id_order_with_chips_of_every_date(qgis_app, labelling, finished_run):
    from caim_qgis_testlib import read

    from caim_qgis_plugin.label_dock import LabelDock
    from model_core.chips import stretch_limits

    layer, _path, _runs = labelling
    iface = _iface()
    dock = LabelDock(iface)
    try:
        ids = [next(layer.getFeatures("$id = %d" % fid))["id"] for fid in dock.order]
        assert ids == sorted(ids) and len(ids) == layer.featureCount()
        assert dock.header.text().startswith("Point 1 of %d (id %d): <i>not labelled</i>" % (len(ids), ids[0]))
        # the value map's classes: no change, the two intervals, and a change whose interval is not known
        assert list(dock.choices) == [0, 1, 2, -1] and set(dock.class_buttons) == {0, 1, 2, -1}
        assert dock.class_buttons[-1].text() == "Changed, interval unknown (C)"
        dock.context_combo.setCurrentIndex(dock.context_combo.findData(15))
        dock.show_combo.setCurrentIndex(1)  # false colour: these 4-band files are R, G, B, NIR
        assert "bands 4, 1, 2 as red, green, blue" in dock.bands_note.text()
        dock.show_combo.setCurrentIndex(0)  # true colour: red is band 1 of these files
        assert "bands 1, 2, 3 as red" in dock.bands_note.text() and "no NIR" not in dock.bands_note.text()
        rasters = [read(p) for p in finished_run["inputs"]]
        limits = [stretch_limits(p, [1])[0] for p in finished_run["inputs"]]
        seen = set()
        for pos in range(len(dock.order)):
            dock.go(pos)
            feature, point = dock.current_point()
            row, col = _pixel(point)
            titles = [t for t, _img, _c in dock.chips.chips]
            assert titles == finished_run["dates"]
            centres = [img.pixelColor(7, 7).red() for _t, img, _c in dock.chips.chips]
            # the centre of each date's chip is the point's pixel, stretched by the date's limits
            expected = [round(np.clip((r[row, col] - lo) / (hi - lo), 0, 1) * 255)
                        for r, (lo, hi) in zip(rasters, limits)]
            assert centres == expected, (row, col, centres, expected)
            inside = 16 <= row < 40 and 16 <= col < 40  # the bright square appears on the third date
            assert (centres[2] == 255) == inside
            seen.add(inside)
            assert dock.plot.data["moment"] is None  # the map's answer stays hidden
            # the canvas is centred on the point, the marker on it
            assert abs(iface.canvas.center().x() - point.x()) < PX and abs(iface.canvas.center().y() - point.y()) < PX
            assert dock.marker.isVisible()
        assert seen == {True, False}
        from qgis.core import QgsProject

        QgsProject.instance().removeMapLayer(layer.id())  # no sample left: the marker leaves the map
        assert dock.sample is None and not dock.marker.isVisible()
    finally:
        dock.shutdown()


def test_labels_go_to_the_file_and_the_panel_moves_on(qgis_app, panel):
    dock, layer, path = panel
    first = next(layer.getFeatures("$id = %d" % dock.order[0]))["id"]
    dock.class_buttons[2].click()
    assert _reference_in_file(path)[first] == 2
    assert dock.pos == 1 and dock.labelled_count() == 1
    assert "1 labelled, %d to go" % (len(dock.order) - 1) in dock.header.text()
    dock.set_label(0)  # the second point
    second = next(layer.getFeatures("$id = %d" % dock.order[1]))["id"]
    assert _reference_in_file(path)[second] == 0 and dock.pos == 2
    # back to the first: its button is checked; "can't tell" clears it and stays there
    dock.go(0)
    assert dock.class_buttons[2].isChecked() and not dock.class_buttons[0].isChecked()
    dock.cant_tell.click()
    assert _reference_in_file(path)[first] is None and dock.pos == 0
    # next unlabelled skips the labelled second point
    dock.next_unlabelled()
    assert dock.pos == 2
    # a note is written with the point
    dock.note.setText("cloud shadow in 2020")
    dock.go(3)
    dock.go(2)
    assert dock.note.text() == "cloud shadow in 2020"
    assert next(layer.getFeatures("$id = %d" % dock.order[2]))["note"] == "cloud shadow in 2020"
    # without moving on: the label stays on the point
    dock.advance.setChecked(False)
    dock.set_label(1)
    assert dock.pos == 2 and dock.class_buttons[1].isChecked()


def test_edit_mode_writes_into_the_edit_buffer(qgis_app, panel):
    dock, layer, path = panel
    first = next(layer.getFeatures("$id = %d" % dock.order[0]))["id"]
    layer.startEditing()
    dock.set_label(1)
    assert _reference_in_file(path)[first] is None  # not saved yet
    assert next(layer.getFeatures("$id = %d" % dock.order[0]))["reference"] == 1
    assert layer.commitChanges()
    assert _reference_in_file(path)[first] == 1


def test_edits_outside_the_panel_redraw_its_counts_and_buttons(qgis_app, panel):
    """A label typed into the attribute table (or undone there) shows in the panel at once: its header kept
    the old counts and the old button checked."""
    from qgis.PyQt.QtWidgets import QApplication

    dock, layer, path = panel
    dock.advance.setChecked(False)
    assert "0 labelled" in dock.header.text() and not any(b.isChecked() for b in dock.class_buttons.values())
    idx = layer.fields().indexOf("reference")
    layer.startEditing()
    assert layer.changeAttributeValue(dock.order[dock.pos], idx, 2)   # as the attribute table does
    QApplication.processEvents()
    assert "1 labelled" in dock.header.text() and dock.class_buttons[2].isChecked(), dock.header.text()
    assert layer.changeAttributeValue(dock.order[dock.pos + 1], idx, 0)   # another point: the count only
    QApplication.processEvents()
    assert "2 labelled" in dock.header.text() and dock.class_buttons[2].isChecked()
    assert layer.rollBack()
    QApplication.processEvents()
    assert "0 labelled" in dock.header.text() and not dock.class_buttons[2].isChecked()
    # the panel's own label still counts once and stays on the point
    dock.set_label(1)
    QApplication.processEvents()
    assert "1 labelled" in dock.header.text() and dock.class_buttons[1].isChecked()


def test_text_reference_field(qgis_app, project, finished_run, tmp_path):
    """A sample whose reference column is text (as some tools write it) gets the class as text."""
    from osgeo import ogr, osr
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.label_dock import LabelDock

    res = finished_run["results"]
    lyr.add_run_outputs({"moment": res["MOMENT"]}, finished_run["dates"],
                        {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
                         "outputs": {"moment": res["MOMENT"]}, "model": "cva"}, project=project)
    path = str(tmp_path / "text.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32614)
    lay = ds.CreateLayer("sample", srs, ogr.wkbPoint)
    for name, kind in (("id", ogr.OFTInteger), ("reference", ogr.OFTString)):
        lay.CreateField(ogr.FieldDefn(name, kind))
    f = ogr.Feature(lay.GetLayerDefn())
    f.SetField("id", 1)
    f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (%f %f)" % (X0 + 102.5, Y0 - 102.5)))
    lay.CreateFeature(f)
    ds = None
    layer = QgsVectorLayer(path, "text sample", "ogr")
    project.addMapLayer(layer)
    dock = LabelDock(None)
    try:
        # no value map: no change and the run's intervals
        assert dock.choices == {0: "no change", 1: "2019-05-01 to 2020-05-01", 2: "2020-05-01 to 2021-05-01",
                                -1: "changed, interval unknown"}
        dock.set_label(2)
        assert next(layer.getFeatures())["reference"] == "2"
        dock.go(0)
        assert dock.class_buttons[2].isChecked()
    finally:
        dock.shutdown()


def test_read_only_sample_gets_a_message(qgis_app, project, finished_run, tmp_path):
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin.label_dock import LabelDock

    csv = tmp_path / "sample.csv"
    csv.write_text("id,map_class,reference,x,y\n1,0,,%f,%f\n" % (X0 + 2.5, Y0 - 2.5))
    uri = "file://%s?delimiter=,&xField=x&yField=y&crs=EPSG:32614" % csv
    layer = QgsVectorLayer(uri, "csv sample", "delimitedtext")
    assert layer.isValid()
    project.addMapLayer(layer)
    dock = LabelDock(None)
    try:
        assert dock.sample is layer
        dock.set_label(1)
        assert "cannot be written" in dock.header.text() and "csv sample" in dock.header.text()
        assert next(layer.getFeatures())["reference"] in (None, "") or str(next(layer.getFeatures())["reference"]) == "NULL"
        assert "1,0,," in csv.read_text()
    finally:
        dock.shutdown()


def test_a_sample_whose_file_is_gone_says_so(qgis_app, project, labelling, tmp_path):
    """The sample's file deleted (or moved) while QGIS is open: a label, and a sample chosen afterwards, said
    'cannot be written (a read-only file or format?)' and 'has no points' (under the last point's band
    plot); now they say that the file is not there any more, and the plot is cleared."""
    import shutil

    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin.label_dock import LabelDock

    _layer, path, _runs = labelling
    copy = str(tmp_path / "copy.gpkg")
    shutil.copy(path, copy)
    layer = QgsVectorLayer(copy + "|layername=sample", "copy of sample", "ogr")
    project.addMapLayer(layer)
    dock = LabelDock(None)
    try:
        dock.sample_combo.setCurrentIndex(dock.sample_combo.findData(layer.id()))
        assert dock.sample is layer and dock.order and dock.plot.data is not None
        os.remove(copy)
        dock.set_label(1)
        text = dock.header.text()
        assert "is not there any more (%s)" % copy in text and "copy of sample" in text, text
        assert "cannot be written" not in text
        second = str(tmp_path / "second.gpkg")  # loaded, then deleted before the panel reads its points
        shutil.copy(path, second)
        later = QgsVectorLayer(second + "|layername=sample", "gone sample", "ogr")
        project.addMapLayer(later)
        os.remove(second)
        dock.sample_combo.setCurrentIndex(dock.sample_combo.findData(later.id()))
        assert dock.sample is later
        text = dock.header.text()
        assert "is not there any more" in text and "has no points" not in text, text
        assert dock.plot.data is None
    finally:
        dock.shutdown()


def test_run_layers_hidden_while_labelling(qgis_app, labelling, project):
    from caim_qgis_plugin.label_dock import LabelDock

    layer, _path, runs = labelling
    root = project.layerTreeRoot()
    visible_before = {k: root.findLayer(l.id()).isVisible() for k, l in runs.items()}
    assert visible_before["moment"] and visible_before["area"] and not visible_before["confidence"]
    dock = LabelDock(None)
    assert not any(root.findLayer(l.id()).isVisible() for l in runs.values())
    assert root.findLayer(layer.id()).isVisible()  # the sample stays on
    dock.hide_results.setChecked(False)
    assert {k: root.findLayer(l.id()).isVisible() for k, l in runs.items()} == visible_before
    dock.hide_results.setChecked(True)
    dock.shutdown()
    assert {k: root.findLayer(l.id()).isVisible() for k, l in runs.items()} == visible_before


def test_the_run_of_the_sampled_map_is_chosen(qgis_app, labelling, finished_run, project, tmp_path):
    """With another run on top of the layer tree, the panel still shows the imagery of the run whose map
    the sample was drawn from (the sampler records the map in the file)."""
    import shutil

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.label_dock import LabelDock, sample_map_path

    layer, path, runs = labelling
    assert os.path.samefile(sample_map_path(layer), finished_run["results"]["MOMENT"])
    other = str(tmp_path / "other_moment.tif")
    shutil.copy(finished_run["results"]["MOMENT"], other)
    top = lyr.add_run_outputs({"moment": other}, finished_run["dates"][:2],
                              {"inputs": [{"path": p} for p in finished_run["inputs"][:2]], "model": "cva"},
                              project=project)["moment"]
    dock = LabelDock(None)
    try:
        assert dock.run_combo.count() == 2 and dock.run_combo.itemData(0) == top.id()  # topmost first
        assert dock.run_layer is runs["moment"]
        assert [t for t, _i, _c in dock.chips.chips] == finished_run["dates"]
    finally:
        dock.shutdown()
    # the estimate opens with that map too, not the topmost one
    from caim_qgis_plugin.plugin import ASSESS_ID, CaimPlugin

    plugin = CaimPlugin(types.SimpleNamespace(activeLayer=lambda: None))
    # the report goes beside the sample, a new file (Processing's temporary one went when QGIS closed)
    report = os.path.splitext(path)[0] + "_accuracy.html"
    assert plugin.algorithm_defaults(ASSESS_ID) == {"MAP": runs["moment"].id(), "POINTS": layer.id(),
                                                    "REPORT": report}
    open(report, "w").close()
    assert plugin.algorithm_defaults(ASSESS_ID)["REPORT"] == os.path.splitext(path)[0] + "_accuracy_2.html"


def test_keys_label_and_move(qgis_app, panel):
    """0-9 label, Page Down moves on, Delete clears: the keys work while the panel has the focus."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication

    dock, layer, path = panel
    dock.show()
    dock.activateWindow()
    dock.next_button.setFocus()
    QApplication.processEvents()
    first = next(layer.getFeatures("$id = %d" % dock.order[0]))["id"]
    QTest.keyClick(dock.next_button, Qt.Key_1)
    assert _reference_in_file(path)[first] == 1 and dock.pos == 1
    QTest.keyClick(dock.next_button, Qt.Key_PageUp)
    assert dock.pos == 0
    QTest.keyClick(dock.next_button, Qt.Key_Delete)
    assert _reference_in_file(path)[first] is None
    QTest.keyClick(dock.next_button, Qt.Key_C)  # changed, interval unknown
    assert _reference_in_file(path)[first] == -1 and dock.pos == 1
    QTest.keyClick(dock.next_button, Qt.Key_PageUp)
    QTest.keyClick(dock.next_button, Qt.Key_Delete)
    QTest.keyClick(dock.next_button, Qt.Key_7)  # not a class of this map: nothing happens
    assert _reference_in_file(path)[first] is None and dock.pos == 0
    dock.note.setFocus()
    QTest.keyClicks(dock.note, "2 dates")  # typing a note does not label
    assert dock.note.text() == "2 dates" and _reference_in_file(path)[first] is None


def test_a_sample_drawn_outside_qgis_gets_the_sample_style(qgis_app, project, finished_run, tmp_path):
    """A sample from 'python -m model_core sample', loaded by hand: the panel gives it the map's classes as
    a value map and the hollow / filled points, as the toolbox does."""
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.label_dock import LabelDock
    from model_core.accuracy import stratified_sample

    res = finished_run["results"]
    lyr.add_run_outputs({"moment": res["MOMENT"]}, finished_run["dates"],
                        {"inputs": [{"path": p} for p in finished_run["inputs"]], "model": "cva"}, project=project)
    path = str(tmp_path / "cli.gpkg")
    stratified_sample(res["MOMENT"], path, n=3, n_unchanged=3, seed=2)
    layer = QgsVectorLayer(path, "cli sample", "ogr")
    project.addMapLayer(layer)
    assert layer.editorWidgetSetup(layer.fields().indexOf("reference")).type() != "ValueMap"
    dock = LabelDock(None)
    try:
        setup = layer.editorWidgetSetup(layer.fields().indexOf("reference"))
        assert setup.type() == "ValueMap" and {"1: 2019-05-01 to 2020-05-01": 1} in setup.config()["map"]
        assert layer.renderer().type() == "RuleRenderer"
        assert dock.choices == {0: "no change", 1: "2019-05-01 to 2020-05-01", 2: "2020-05-01 to 2021-05-01",
                                -1: "changed, interval unknown"}
    finally:
        dock.shutdown()


def test_run_layers_hidden_in_a_project_saved_while_labelling_come_back(qgis_app, labelling, project, tmp_path):
    """A project saved while the panel was open keeps the run's layers hidden (the panel hid them): reopened,
    the panel shown and closed again shows them again, as it does within one session (they stayed hidden:
    the change map gone after labelling, in a desktop walk that saved, moved and reopened its project)."""
    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.label_dock import LabelDock

    _layer, _path, runs = labelling
    dock = LabelDock(None)
    root = project.layerTreeRoot()
    assert not any(root.findLayer(l.id()).isVisible() for l in runs.values())
    path = str(tmp_path / "labelling.qgz")
    assert project.write(path)
    dock.shutdown()
    project.clear()
    assert project.read(path)
    root = project.layerTreeRoot()

    def shown():
        return {lyr.kind_of(n.layer()): n.isVisible() for n in root.findLayers() if lyr.kind_of(n.layer())}

    assert shown() == {"moment": False, "area": False, "confidence": False}  # as saved
    dock = LabelDock(None)  # the labelling goes on in the reopened project
    assert shown() == {"moment": False, "area": False, "confidence": False}
    dock.hide_results.setChecked(False)  # the run shown again: those the panel hid, not the hidden confidence
    assert shown() == {"moment": True, "area": True, "confidence": False}
    dock.hide_results.setChecked(True)
    assert shown() == {"moment": False, "area": False, "confidence": False}
    dock.shutdown()
    assert shown() == {"moment": True, "area": True, "confidence": False}


def test_closed_and_shown_again_the_panel_follows_the_project(qgis_app, panel, project, tmp_path):
    """The panel's close button stops it following the project (and shows the run again); shown again
    from the menu, it hides the run and picks up a sample added later."""
    from qgis.core import QgsVectorLayer

    from model_core.accuracy import stratified_sample

    dock, layer, _path = panel
    dock.show()
    dock.close()
    assert not dock._connected
    dock.show()
    assert dock._connected
    later = str(tmp_path / "later.gpkg")
    stratified_sample(sample_map(layer), later, n=2, n_unchanged=2, seed=9)
    added = QgsVectorLayer(later, "later sample", "ogr")
    project.addMapLayer(added)
    assert dock.sample_combo.findData(added.id()) >= 0
    # a run added into its group later is offered too
    from caim_qgis_plugin import layers as lyr

    run = lyr.add_run_outputs({"moment": sample_map(layer)}, ["2019", "2020", "2021"],
                              {"inputs": [], "model": "cva"}, project=project, name="later run")["moment"]
    assert dock.run_combo.findData(run.id()) >= 0
    added_id, current_id = added.id(), layer.id()
    project.removeMapLayer(added_id)
    assert dock.sample_combo.findData(added_id) < 0 and dock.sample is layer
    project.removeMapLayer(current_id)  # the sample being labelled goes: nothing left to label, no crash
    assert dock.sample is None and dock.sample_combo.count() == 0 and "No sample to label" in dock.header.text()


def sample_map(layer):
    from caim_qgis_plugin.label_dock import sample_map_path

    return sample_map_path(layer)


def test_a_temporary_sample_is_flagged_and_saved_with_its_labels(qgis_app, project, finished_run, tmp_path):
    """A sample left in Processing's temporary folder (the sample dialog's 'Save to temporary file'):
    the panel says QGIS deletes it with the labels, and 'Save a copy' writes it, labels included, to a
    GeoPackage that the panel then labels in its place; a file that exists is never written over."""
    from qgis.core import QgsProcessingUtils, QgsVectorLayer

    from caim_qgis_plugin.accuracy_algorithms import class_labels, setup_sample_layer
    from caim_qgis_plugin.label_dock import LabelDock, temporary_sample
    from model_core.accuracy import stratified_sample

    res = finished_run["results"]
    folder = os.path.join(QgsProcessingUtils.tempFolder(), "caim_test_%d" % os.getpid())
    os.makedirs(folder, exist_ok=True)
    temp_path = os.path.join(folder, "OUTPUT.gpkg")
    if os.path.exists(temp_path):
        os.remove(temp_path)
    stratified_sample(res["MOMENT"], temp_path, n=4, n_unchanged=6, seed=5)
    layer = QgsVectorLayer(temp_path, "sample", "ogr")
    setup_sample_layer(layer, class_labels(res["MOMENT"]))
    project.addMapLayer(layer)
    assert temporary_sample(layer)
    layer_id = layer.id()
    from caim_qgis_plugin.label_dock import sample_map_path

    sample_map_path_of_temp = sample_map_path(layer)
    assert sample_map_path_of_temp and sample_map_path_of_temp.endswith("change_moment.tif")
    dock = LabelDock(None)
    try:
        assert not dock.temp_note.isHidden() and "deletes it, with your labels" in dock.temp_note.text()
        dock.set_label(1)
        labelled = _reference_in_file(temp_path)
        taken = tmp_path / "taken.gpkg"
        taken.write_text("not mine to overwrite")
        assert dock.save_copy(str(taken)) is None and taken.read_text() == "not mine to overwrite"
        copy = dock.save_copy(str(tmp_path / "kept.gpkg"))
        assert copy is not None and dock.sample is copy and not temporary_sample(copy)
        assert dock.temp_note.isHidden() and project.mapLayer(layer_id) is None
        assert _reference_in_file(str(tmp_path / "kept.gpkg")) == labelled
        from caim_qgis_plugin.label_dock import sample_map_path

        assert sample_map_path(copy) == sample_map_path_of_temp  # the copy still knows its map
        assert dock.pos == 1 and dock.labelled_count() == 1
        dock.set_label(0)
        assert sum(v is not None for v in _reference_in_file(str(tmp_path / "kept.gpkg")).values()) == 2
    finally:
        dock.shutdown()


def test_every_date_fits_the_chip_area(qgis_app):
    """14 dates in a 420 x 330 chip area: the chips shrink (not below MIN_CHIP_SIDE) until every date is
    in view without scrolling (3 of 8 or 14 dates were); with 3 dates they keep their full size; a
    masked date's title is elided to fit its chip."""
    from qgis.PyQt.QtGui import QImage
    from qgis.PyQt.QtWidgets import QScrollArea

    from caim_qgis_plugin.chip_view import CHIP_SIDE, MIN_CHIP_SIDE, ChipStrip

    strip = ChipStrip()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(strip)
    scroll.resize(420, 330)
    scroll.show()
    image = QImage(31, 31, QImage.Format_RGB888)
    image.fill(0)
    strip.set_chips([("2018-%02d-01" % (i % 12 + 1), image, i == 3) for i in range(14)], 31)
    qgis_app.processEvents()
    view = scroll.viewport()
    side = strip.side()
    assert MIN_CHIP_SIDE <= side < CHIP_SIDE
    assert strip.heightForWidth(view.width()) <= view.height()
    assert scroll.verticalScrollBar().maximum() == 0
    strip.set_chips([("2018-0%d-01" % (i + 1), image, False) for i in range(3)], 31)
    qgis_app.processEvents()
    assert strip.side() == CHIP_SIDE
    strip.grab()  # paints the titles (a masked one elided) without error
    scroll.hide()
    scroll.deleteLater()
    qgis_app.processEvents()


def test_the_panel_scrolls_and_shares_the_dock_area_with_the_inspector(qgis_app, labelling):
    """The panel's contents scroll: its minimum height is small (it was 647 px, and docked under the pixel
    inspector it made QGIS's main window 1416 px tall on a 1000 px screen, a size QGIS then saved); in a
    1280 x 900 main window both panels fit and the window keeps its height."""
    from caim_qgis_testlib import panels_in_a_window
    from qgis.PyQt.QtWidgets import QScrollArea, QWidget

    with panels_in_a_window(qgis_app) as (window, inspector, dock):
        assert dock.order and dock.class_buttons  # a sample is shown: every row of the panel is filled
        assert dock.minimumSizeHint().height() < 250, dock.minimumSizeHint()
        assert inspector.minimumSizeHint().height() < 250, inspector.minimumSizeHint()
        assert window.minimumSizeHint().height() <= 900 and window.height() == 900, window.size()
        for d in (inspector, dock):
            assert d.isVisible() and d.height() > 250 and d.geometry().bottom() <= window.height()
        window.resize(1280, 600)  # a small screen: the window keeps its size, both panels a usable share
        qgis_app.processEvents()
        assert window.height() == 600
        for d in (inspector, dock):
            assert d.height() > 200 and d.geometry().bottom() <= window.height(), (d.objectName(), d.height())
        scroll = dock.widget()
        assert isinstance(scroll, QScrollArea) and scroll.widget().findChild(QWidget, "labelHeader")
        bar = scroll.verticalScrollBar()
        assert bar.maximum() > 0  # the rest of the panel is a scroll away
        bar.setValue(bar.maximum())
        qgis_app.processEvents()
        button = dock.assess_button
        bottom = button.mapTo(scroll.viewport(), button.rect().bottomLeft()).y()
        assert 0 < bottom <= scroll.viewport().height()  # scrolled down, the last button is in view
        assert scroll.horizontalScrollBar().maximum() == 0


def test_names_that_look_like_html_are_shown_as_text(qgis_app, project, tmp_path):
    """A sample layer's name and a file name in a message are shown as they are, in the panel and in
    the message bar (Qt would load the file an <img src> names)."""
    from caim_qgis_testlib import HTML_NAME, shown
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin.label_dock import LabelDock

    layer = QgsVectorLayer("Point?crs=EPSG:32614&field=id:integer&field=reference:integer", HTML_NAME, "memory")
    project.addMapLayer(layer)
    iface = _iface()
    dock = LabelDock(iface)
    try:
        assert dock.sample is layer
        assert shown(dock.header.text()) == "The sample layer '%s' has no points." % HTML_NAME
        path = str(tmp_path / (HTML_NAME + ".gpkg"))
        open(path, "w").close()
        dock.save_copy(path)
        expected = "'%s' exists: choose a new file name" % path
        assert expected in shown(dock.header.text())
        item = iface.bar.currentItem()
        assert expected in shown("<qt>%s</qt>" % item.text())  # the bar renders its text as HTML
    finally:
        dock.shutdown()


def test_tab_reaches_the_class_buttons_where_they_are(qgis_app, panel):
    """Tab order: the navigation, the class buttons (in class order), then "Can't tell" and the note; the class
    buttons were last, after "Estimate area and accuracy..."."""
    from qgis.PyQt.QtCore import Qt

    dock, _layer, _path = panel
    body = dock.widget()
    scroll = dock.unlabelled_button  # the last navigation button
    chain, w = [], scroll
    while True:
        if w.focusPolicy() & Qt.TabFocus and w.focusProxy() is None and body.isAncestorOf(w):
            chain.append(w)
        w = w.nextInFocusChain()
        if w is scroll:
            break
    buttons = list(dock.class_buttons.values())
    assert len(buttons) >= 2
    start = chain.index(scroll)
    assert chain[start + 1:start + 1 + len(buttons)] == buttons
    assert chain[start + 1 + len(buttons)] is dock.cant_tell
    assert chain.index(dock.assess_button) > chain.index(dock.cant_tell)


def test_keys_work_on_the_map_canvas_while_the_panel_is_shown(qgis_app, labelling):
    """The user looks at the map while labelling: with the canvas focused, 0-9, C, N, Delete and Page Up /
    Page Down are the panel's (before a QGIS shortcut on the same key); arrows still pan; hidden, the panel
    takes no key; with a digitizing tool active the keys are the tool's."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QAction, QApplication, QMainWindow
    from qgis.gui import QgsMapTool

    from caim_qgis_plugin.label_dock import LabelDock

    layer, path, _runs = labelling
    iface = _iface()
    canvas = iface.canvas
    window = QMainWindow()
    window.setCentralWidget(canvas)
    window.resize(1200, 900)
    qgis_shortcut = QAction("a QGIS action on key 1", window)  # as QGIS's own window shortcuts
    qgis_shortcut.setShortcut(Qt.Key_1)
    fired = []
    qgis_shortcut.triggered.connect(lambda: fired.append(1))
    window.addAction(qgis_shortcut)
    dock = LabelDock(iface, window)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    try:
        window.show()
        window.activateWindow()
        canvas.setFocus()
        QApplication.processEvents()
        assert QApplication.focusWidget() is canvas and dock.isVisible()
        first = next(layer.getFeatures("$id = %d" % dock.order[0]))["id"]
        QTest.keyClick(canvas, Qt.Key_1)
        assert _reference_in_file(path)[first] == 1 and dock.pos == 1 and not fired
        QTest.keyClick(canvas, Qt.Key_PageUp)
        assert dock.pos == 0
        QTest.keyClick(canvas, Qt.Key_Delete)
        assert _reference_in_file(path)[first] is None
        QTest.keyClick(canvas, Qt.Key_C)
        assert _reference_in_file(path)[first] == -1 and dock.pos == 1
        QTest.keyClick(canvas, Qt.Key_PageDown)
        assert dock.pos == 2
        QTest.keyClick(canvas, Qt.Key_7)  # no class of this map: the key stays QGIS's
        assert dock.pos == 2 and "7" not in [str(v) for v in _reference_in_file(path).values()]
        QTest.keyClick(canvas, Qt.Key_1, Qt.ControlModifier)  # modifiers: QGIS's
        assert dock.pos == 2
        centre = canvas.center()
        QTest.keyClick(canvas, Qt.Key_Left)  # arrows pan the map, as always
        assert canvas.center().x() < centre.x() and dock.pos == 2
        QTest.keyClick(canvas, Qt.Key_N)
        assert dock.pos == 3

        class Digitizing(QgsMapTool):
            def flags(self):
                return QgsMapTool.EditTool

        tool = Digitizing(canvas)
        canvas.setMapTool(tool)
        QTest.keyClick(canvas, Qt.Key_1)  # the tool's (and QGIS's) key now
        assert dock.pos == 3 and fired == [1]
        canvas.unsetMapTool(tool)

        dock.hide()
        QApplication.processEvents()
        canvas.setFocus()
        scale = canvas.scale()
        QTest.keyClick(canvas, Qt.Key_1)
        QTest.keyClick(canvas, Qt.Key_PageUp)   # the canvas zooms in again
        assert fired == [1, 1] and dock.pos == 3 and canvas.scale() < scale
        dock.show()
        dock.close()  # closed: the panel stops watching the canvas
        QApplication.processEvents()
        canvas.setFocus()
        QTest.keyClick(canvas, Qt.Key_1)
        assert fired == [1, 1, 1] and dock.pos == 3
    finally:
        window.hide()
        dock.shutdown()
        window.deleteLater()
        QApplication.processEvents()


def test_counts_are_kept_without_a_pass_over_the_points(qgis_app, panel, monkeypatch):
    """The labelled count is kept as labels change (a pass over every point at each move took 0.7 s at
    200 000 points) and stays right: label, relabel, unlabel, an edit and its undo in the attribute
    table, a rollback, a deleted point, the layer reloaded."""
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.core import QgsFeatureRequest

    dock, layer, path = panel

    def truth():
        return sum(1 for f in layer.getFeatures() if dock._value(f["reference"]) is not None)

    def check(expected):
        QApplication.processEvents()
        assert truth() == expected and dock.labelled_count() == expected, (truth(), dock.labelled_count())
        assert "%d labelled, %d to go" % (expected, len(dock.order) - expected) in dock.header.text()

    passes = []
    real = layer.getFeatures
    monkeypatch.setattr(layer, "getFeatures", lambda *a: (passes.append(a), real(*a))[1])
    dock.set_label(1)   # label, move on
    dock.go(0)
    dock.set_label(2)   # relabel
    dock.next_unlabelled()
    dock.go(dock.pos + 1)
    assert passes and all(a and isinstance(a[0], QgsFeatureRequest) and a[0].filterType() == QgsFeatureRequest.FilterFid
               for a in passes), "a move read more than its point"
    monkeypatch.undo()
    check(1)
    dock.go(0)
    dock.set_label(None)  # unlabel
    check(0)
    dock.set_label(0)
    dock.set_label(2)
    check(2)
    # the attribute table: an edit, its undo, a rollback
    idx = layer.fields().indexOf("reference")
    layer.startEditing()
    assert layer.changeAttributeValue(dock.order[5], idx, 1)
    check(3)
    assert layer.changeAttributeValue(dock.order[0], idx, None)  # a labelled point cleared
    check(2)
    layer.undoStack().undo()
    check(3)
    assert layer.deleteFeature(dock.order[1])   # a labelled point deleted
    QApplication.processEvents()
    assert len(dock.order) == 9
    check(2)
    assert layer.rollBack()
    QApplication.processEvents()
    assert len(dock.order) == 10
    check(2)
    # the file changed behind QGIS's back, then the layer reloaded
    from osgeo import ogr

    ds = ogr.Open(path, 1)
    source = ds.GetLayer(0)
    for f in source:
        f.SetField("reference", 0)
        source.SetFeature(f)
    ds = None
    layer.reload()
    QApplication.processEvents()
    check(10)
    assert dock.next_unlabelled() is None and "Every point is labelled" in dock.header.text()


def test_the_counts_follow_the_number_format(qgis_app, panel):
    """The header's counts are locale-formatted like the plugin's other numbers ("2.010" in German QGIS with
    its group separator on; they were printed with %d)."""
    from qgis.PyQt.QtCore import QLocale

    dock, _layer, _path = panel
    dock.order = dock.order + list(range(-2000, -2000 + 2010 - len(dock.order)))  # 2 010 points in all
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.German, QLocale.Germany))
    try:
        dock.show_point()
        assert "of 2.010" in dock.header.text(), dock.header.text()
    finally:
        QLocale.setDefault(saved)


def test_the_counts_follow_the_same_file_edited_in_another_layer(qgis_app, panel, project):
    """The sample's file loaded twice and labelled in the other layer's attribute table: the panel's layer
    sends no signal, and the kept counts said '0 labelled, 10 to go' beside a labelled point (and Next
    unlabelled went to labelled points); the next point shown reads them again."""
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.core import QgsVectorLayer

    dock, layer, path = panel
    other = QgsVectorLayer(path, "sample again", "ogr")
    project.addMapLayer(other)
    QApplication.processEvents()
    assert dock.sample is layer
    dock.go(0)
    assert dock.labelled_count() == 0
    idx = other.fields().indexOf("reference")
    other.startEditing()
    for f in other.getFeatures():
        assert other.changeAttributeValue(f.id(), idx, 0)
    assert other.commitChanges()
    QApplication.processEvents()
    dock.go(1)
    assert dock.labelled_count() == 10 and "10 labelled, 0 to go" in dock.header.text(), dock.header.text()
    assert dock._first_unlabelled(0) is None


def test_the_counts_follow_edits_made_while_the_panel_was_closed(qgis_app, panel):
    """Closed, the panel follows no edits; shown again, it kept its counts of before (a point labelled and
    one deleted in the attribute table meanwhile: '0 labelled, 10 to go', and the deleted point stayed in
    the order)."""
    from qgis.PyQt.QtWidgets import QApplication

    dock, layer, _path = panel
    dock.show()
    dock.go(0)
    dock.close()
    QApplication.processEvents()
    idx = layer.fields().indexOf("reference")
    layer.startEditing()
    assert layer.changeAttributeValue(dock.order[5], idx, 1)
    assert layer.deleteFeature(dock.order[7])
    assert layer.commitChanges()
    dock.show()
    QApplication.processEvents()
    dock.go(0)
    assert len(dock.order) == 9 and dock.labelled_count() == 1, (dock.order, dock.labelled_count())
    assert "1 labelled, 8 to go" in dock.header.text(), dock.header.text()
    dock.close()


def test_an_edit_of_every_point_redraws_the_panel_once(qgis_app, panel, monkeypatch):
    """The field calculator (or a paste into the attribute table) changes every point's label: each change
    queued a redraw of the point and its chips (13 ms each on this small run: at 200 000 points, about 45
    minutes of redraws, reckoned, not measured); one redraw follows the batch."""
    from qgis.PyQt.QtWidgets import QApplication

    dock, layer, _path = panel
    calls = []
    real = dock.show_point
    monkeypatch.setattr(dock, "show_point", lambda: (calls.append(1), real())[1])
    idx = layer.fields().indexOf("reference")
    layer.startEditing()
    for f in list(layer.getFeatures()):
        assert layer.changeAttributeValue(f.id(), idx, 0)
    QApplication.processEvents()
    assert len(calls) == 1, len(calls)
    assert dock.labelled_count() == 10 and "10 labelled, 0 to go" in dock.header.text()
    assert layer.changeAttributeValue(dock.order[dock.pos], idx, 1)  # a later edit is redrawn too
    QApplication.processEvents()
    assert len(calls) == 2 and "<b>1</b>" in dock.header.text(), dock.header.text()
    layer.rollBack()


def test_a_note_is_written_after_the_panel_was_closed_and_shown_again(qgis_app, panel):
    """Closing the panel blocks the note field's signals (a note being typed is not written after the panel
    is shut down); shown again, they stayed blocked: a note finished with Enter was never written."""
    dock, layer, _path = panel
    dock.show()
    dock.close()
    dock.show()
    dock.go(0)
    dock.note.setText("flooded field")
    dock.note.editingFinished.emit()
    assert next(layer.getFeatures("$id = %d" % dock.order[0]))["note"] == "flooded field"
    dock.close()


def test_the_panel_fits_beside_the_map_on_a_small_screen(qgis_app, labelling):
    """Docked beside the map on a 1280 px screen the panel gets about 470 px: its minimum width was 570 px
    (585 in German), and its right side was cut off ("31 x 31 Pixe", "Kopie speiche"); the closed lists
    now shrink, the class label wraps and the longest texts are shorter.  English, German and Spanish."""
    from qgis.PyQt.QtCore import QLocale

    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from caim_qgis_plugin.label_dock import LabelDock

    saved = QLocale()
    widths = {}
    locales = {"de": QLocale(QLocale.German, QLocale.Germany), "es": QLocale(QLocale.Spanish, QLocale.Spain)}
    for language in ("en", "de", "es"):
        translator = install_translator(language) if language in locales else None
        assert (translator is None) == (language == "en")
        QLocale.setDefault(locales[language] if translator else saved)
        dock = LabelDock(None)
        try:
            dock.show()
            qgis_app.processEvents()
            assert dock.order and dock.class_buttons
            widths[language] = dock.minimumSizeHint().width()
        finally:
            dock.shutdown()
            dock.deleteLater()
            remove_translator(translator)
            QLocale.setDefault(saved)
    assert max(widths.values()) <= 470, widths


def test_two_runs_and_two_samples_are_told_apart_in_the_lists(qgis_app, labelling, finished_run, project, tmp_path):
    """Two runs' change moment layers both named 'Change moment' (a project saved before the layers' names
    carried the dates, or layers renamed so), and two samples loaded by Processing both 'Sample points to
    label': the panel's lists named them alike.  A name shared by several entries gets its run's group (or
    the sample's file) beside it; a name of its own stays as it is."""
    import shutil

    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.label_dock import LabelDock

    layer, path, runs = labelling
    dock = LabelDock(None)
    try:
        assert [dock.run_combo.itemText(i) for i in range(dock.run_combo.count())] == [runs["moment"].name()]
        assert [dock.sample_combo.itemText(i) for i in range(dock.sample_combo.count())] == ["sample"]
    finally:
        dock.shutdown()
    other = str(tmp_path / "other_moment.tif")
    shutil.copy(finished_run["results"]["MOMENT"], other)
    added = lyr.add_run_outputs({"moment": other}, finished_run["dates"][:2],
                                {"inputs": [{"path": p} for p in finished_run["inputs"][:2]], "model": "cva"},
                                project=project)
    for moment in (runs["moment"], added["moment"]):
        moment.setName("Change moment")
    copy = str(tmp_path / "sample_2.gpkg")
    shutil.copy(path, copy)
    project.addMapLayer(QgsVectorLayer(copy, "sample", "ogr"))
    dock = LabelDock(None)
    try:
        runs_shown = [dock.run_combo.itemText(i) for i in range(dock.run_combo.count())]
        samples_shown = [dock.sample_combo.itemText(i) for i in range(dock.sample_combo.count())]
    finally:
        dock.shutdown()
    groups = [g.name() for g in project.layerTreeRoot().children() if not hasattr(g, "layerId")]
    assert len(set(runs_shown)) == 2 and all(any(g in t for g in groups) for t in runs_shown), (runs_shown, groups)
    assert len(set(samples_shown)) == 2, samples_shown
    assert any("sample_2.gpkg" in t for t in samples_shown) and any("sample.gpkg" in t for t in samples_shown)


def test_chips_of_a_run_whose_map_is_gone_say_so(qgis_app, project, finished_run, tmp_path):
    """The run's change moment file deleted (or a project moved without it): the chips are read on its grid,
    so there are none, and the strip kept the message it had ('No point shown.', or the previous point's
    chips' absence unexplained); it says what the pixel inspector says."""
    import shutil

    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.accuracy_algorithms import class_labels, setup_sample_layer
    from caim_qgis_plugin.label_dock import LabelDock
    from model_core.accuracy import stratified_sample

    res = finished_run["results"]
    outputs = {kind: shutil.copy(res[key], str(tmp_path / os.path.basename(res[key])))
               for kind, key in (("area", "AREA"), ("moment", "MOMENT"))}
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
            "outputs": outputs, "model": "cva"}
    lyr.add_run_outputs(outputs, finished_run["dates"], info, project=project)
    path = str(tmp_path / "sample.gpkg")
    stratified_sample(outputs["moment"], path, n=4, n_unchanged=6, seed=5)
    layer = QgsVectorLayer(path, "sample", "ogr")
    setup_sample_layer(layer, class_labels(outputs["moment"]))
    project.addMapLayer(layer)
    os.remove(outputs["moment"])
    dock = LabelDock(None)
    try:
        dock.go(0)
        assert dock.chips.chips == [] and dock.chips.message == "No imagery: the run's change moment file is not found."
    finally:
        dock.shutdown()


def test_many_classes_fit_a_small_screen_s_panel(qgis_app, labelling, monkeypatch):
    """Five intervals or more (the demo series: seven classes) put the class buttons in two columns, and
    those set the panel's minimum width: 462 px of a 1280 x 800 desktop (580 here), the map 512 px.  The
    buttons go in one column when two do not fit the panel's width, in two when they do.  English and
    German; every button's text whole."""
    from caim_qgis_plugin import label_dock as ld
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    dates = ["2018-06-22", "2018-12-22", "2019-05-30", "2019-12-02", "2020-05-21", "2020-11-20"]
    choices = {0: "no change"}
    choices.update({k: "%s to %s" % pair for k, pair in enumerate(zip(dates, dates[1:]), start=1)})
    choices[ld.CHANGED_UNKNOWN] = "changed, interval unknown"
    monkeypatch.setattr(ld, "class_choices", lambda layer, run_info=None: dict(choices))
    for language in ("en", "de"):
        translator = install_translator(language) if language == "de" else None
        dock = ld.LabelDock(None)
        try:
            dock.show()
            qgis_app.processEvents()
            assert len(dock.class_buttons) == 7
            width = dock.minimumSizeHint().width()
            assert width <= 470, (language, width)
            for size, columns in ((width, 1), (1000, 2)):
                dock.resize(size, 1400)
                for _ in range(3):
                    qgis_app.processEvents()
                buttons = list(dock.class_buttons.values())
                assert len({b.x() for b in buttons}) == columns, (language, size)
                assert all(b.width() >= b.sizeHint().width() for b in buttons), (language, size)
                assert all(b.visibleRegion().boundingRect().width() == b.width() for b in buttons)
        finally:
            dock.shutdown()
            dock.deleteLater()
            remove_translator(translator)


def test_six_dates_fit_the_narrowest_panel_with_their_dates_whole(qgis_app, labelling):
    """The panel at its narrowest beside the map of a 1280 x 800 screen, 630 px high (it scrolls): the
    demo's six dates stood in one row of 48 px chips titled '2018-06...' (even the smallest title font is wider).
    The chips stay as wide as their dates at that font, and the chip area holds two rows of them."""
    from qgis.PyQt.QtGui import QFont, QFontMetrics, QImage

    from caim_qgis_plugin.label_dock import LabelDock

    image = QImage(31, 31, QImage.Format_RGB888)
    image.fill(0)
    # eight: the panel is wider here than on the desktop (its fonts), six fit in one row of full titles
    titles = ["2018-06-22", "2018-12-22", "2019-05-30", "2019-12-02", "2020-05-21", "2020-11-20", "2021-05-01",
              "2021-11-01"]
    dock = LabelDock(None)
    try:
        dock.show()
        qgis_app.processEvents()
        dock.resize(dock.minimumSizeHint().width(), 630)
        qgis_app.processEvents()
        dock.chips.set_chips([(t, image, False) for t in titles], 31)
        for _ in range(3):
            qgis_app.processEvents()
        strip, view = dock.chips, dock.chip_scroll.viewport()
        assert view.width() < len(titles) * (50 + strip.GAP)  # not one row of whole titles: the test's point
        font = QFont(strip.font())
        font.setPointSizeF(6)
        assert strip.side() >= QFontMetrics(font).horizontalAdvance(titles[0]) + 1, strip.side()
        assert strip.heightForWidth(view.width()) <= view.height()  # every date in view
        # as the chips are painted: a title shrunk until it 'fitted' its chip exactly was elided all the same
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QPainter

        pixmap = strip.grab()
        painter = QPainter(pixmap)
        try:
            for side in range(strip.smallest_side(), 101):
                painter.setFont(strip._title_font(painter, titles[0], side))
                assert painter.fontMetrics().elidedText(titles[0], Qt.ElideRight, side) == titles[0], side
        finally:
            painter.end()
    finally:
        dock.shutdown()
        dock.deleteLater()


def test_the_class_buttons_are_in_view_on_a_laptop_screen(qgis_app, labelling):
    """The panel beside the map of a 1366 x 768 screen (about 600 px tall): the band-value chart stood between
    the chips and the class buttons, and only the first two buttons were in view without a scroll (a walk
    through labelling a Landsat sample).  The buttons come right after the chips, the chart after them: the
    imagery and every class's button (and 'Can't tell') are in view as the panel opens."""
    from qgis.PyQt.QtCore import QPoint

    from caim_qgis_plugin.label_dock import LabelDock

    iface = _iface()
    dock = LabelDock(iface)
    try:
        dock.show()
        qgis_app.processEvents()
        dock.resize(dock.minimumSizeHint().width(), 600)
        for _ in range(3):
            qgis_app.processEvents()
        scroll = dock.widget()
        scroll.verticalScrollBar().setValue(0)
        qgis_app.processEvents()
        view = scroll.viewport()
        assert len(dock.class_buttons) == 4 and dock.chips.chips
        for w in list(dock.class_buttons.values()) + [dock.cant_tell, dock.chip_scroll]:
            bottom = w.mapTo(view, QPoint(0, w.height())).y()
            assert 0 < bottom <= view.height(), (w.text() if hasattr(w, "text") else w, bottom, view.height())
        assert dock.class_buttons[0].y() < dock.plot.y()
    finally:
        dock.shutdown()
        dock.deleteLater()


def test_shown_again_after_another_project_was_opened_while_it_was_closed(qgis_app, labelling, project, finished_run,
                                                                          tmp_path):
    """The panel closed (not following the project), the project closed and another one opened (its own run and
    sample), the panel shown again from the menu (refresh_layers, then show): it labelled the sample of the closed
    project, deleted with it ("wrapped C/C++ object of type QgsVectorLayer has been deleted", a Python error in QGIS),
    as it did when the show or context choice changed while it was closed."""
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.accuracy_algorithms import class_labels, setup_sample_layer
    from caim_qgis_plugin.label_dock import LabelDock

    layer, path, _runs = labelling
    dock = LabelDock(None)
    try:
        dock.show()
        assert dock.sample is layer and dock.order
        dock.close()
        project.clear()  # another project opened: the run's layers and the sample deleted with the old one
        res = finished_run["results"]
        outputs = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"]}
        lyr.add_run_outputs(outputs, finished_run["dates"], {"dates": finished_run["dates"], "inputs": [
            {"path": p} for p in finished_run["inputs"]], "outputs": outputs, "model": "cva"}, project=project)
        dock._display_changed()  # (a show or context choice changed meanwhile, the panel closed): no error
        other = QgsVectorLayer(path, "sample", "ogr")
        setup_sample_layer(other, class_labels(res["MOMENT"]))
        project.addMapLayer(other)
        dock.refresh_layers()  # (as the menu's show_label_dock does before it shows the panel)
        dock.show()
        assert dock.sample is other and dock.order and dock.pos >= 0
        assert "Point %d of" % (dock.pos + 1) in dock.header.text()
        # closed again, and the run's layers removed (the sample kept): the run is not read from its deleted layer
        dock.close()
        project.removeMapLayers([lay.id() for lay in project.mapLayers().values() if lay is not other])
        dock._display_changed()
        assert "No CAIM run in the project" in dock.chips.message
    finally:
        dock.shutdown(wait=True)
        dock.deleteLater()


def test_a_run_s_files_removed_or_unreadable_are_said_in_the_labelling_panel(qgis_app, project, finished_run,
                                                                              tmp_path, monkeypatch):
    """A run of six dates (its pixels read in PixelLoader's thread) whose date file was removed after the run: the
    panel showed the point without that date's values and said nothing; now it names the file and what to do.
    An error in the thread no file check foresaw (a permission error, which this test's root user cannot meet for
    real) was raised in QGIS's timer, the chips left on their placeholder: now said where the chips go."""
    import shutil
    import sys

    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import inspect_tool
    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.accuracy_algorithms import class_labels, setup_sample_layer
    from caim_qgis_plugin.label_dock import LabelDock
    from caim_qgis_testlib import wait_for
    from model_core.accuracy import stratified_sample

    res = finished_run["results"]
    outputs = {kind: shutil.copy(res[key], str(tmp_path / os.path.basename(res[key])))
               for kind, key in (("area", "AREA"), ("moment", "MOMENT"))}
    inputs = [shutil.copy(finished_run["inputs"][k % 3], str(tmp_path / ("date_%d.tif" % k))) for k in range(6)]
    dates = ["2019-05-0%d" % (k + 1) for k in range(6)]
    info = {"dates": dates, "inputs": [{"path": p} for p in inputs], "outputs": outputs, "model": "cva"}
    lyr.add_run_outputs(outputs, dates, info, project=project)
    path = str(tmp_path / "sample.gpkg")
    stratified_sample(outputs["moment"], path, n=4, n_unchanged=6, seed=5)
    layer = QgsVectorLayer(path, "sample", "ogr")
    setup_sample_layer(layer, class_labels(outputs["moment"]))
    project.addMapLayer(layer)
    os.remove(inputs[3])
    raised = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: raised.append(exc))
    dock = LabelDock(None)
    try:
        dock.go(0)
        assert wait_for(lambda: not dock.pixels.reading() and dock.chips.chips, 30), dock.chips.message
        assert ("Files of this run not found (moved or deleted since the run?): %s. Reopen the project from the "
                "folder that holds them, or run 'Detect changes' again." % inputs[3]) in dock.bands_note.text()

        def no_permission(run_info, *args, **kwargs):
            raise PermissionError(13, "Permission denied", run_info["inputs"][0]["path"])

        monkeypatch.setattr(inspect_tool, "_mask_hits", no_permission)
        dock.go(1)
        assert wait_for(lambda: not dock.pixels.reading(), 30)
        wait_for(lambda: raised, 0.3)
        assert not raised
        assert dock.chips.chips == [] and dock.chips.message.startswith(
            "The pixel could not be read from the run's files in %s ([Errno 13] Permission denied: '%s')." % (
                tmp_path, inputs[0])), dock.chips.message
    finally:
        dock.shutdown()


def test_the_chip_colours_fit_their_list_in_a_narrow_panel(qgis_app, labelling):
    """Docked beside the map (about 380 px in a German QGIS of 1280 px) the closed chip-colour list showed
    'Falschfarben (N' of 'Falschfarben (NIR, Rot, Grün)' (seen in a German walk of the plugin): its entries
    are the short names now, whole at 380 px in English, German and Spanish; the long ones are their
    tooltips (the bands shown are in the note below the lists)."""
    from qgis.PyQt.QtCore import QLocale, Qt
    from qgis.PyQt.QtWidgets import QComboBox

    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from caim_qgis_plugin.label_dock import LabelDock

    saved = QLocale()
    locales = {"de": QLocale(QLocale.German, QLocale.Germany), "es": QLocale(QLocale.Spanish, QLocale.Spain)}
    cut = {}
    for language in ("en", "de", "es"):
        translator = install_translator(language) if language in locales else None
        QLocale.setDefault(locales[language] if translator else saved)
        dock = LabelDock(None)
        try:
            dock.resize(380, 700)
            dock.show()
            qgis_app.processEvents()
            combo = dock.show_combo
            whole = QComboBox()  # a list as wide as its longest entry needs
            whole.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            whole.addItems([combo.itemText(i) for i in range(combo.count())])
            if whole.sizeHint().width() > combo.width():
                cut[language] = (combo.width(), whole.sizeHint().width(), whole.itemText(1))
            assert all(combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count()))
        finally:
            dock.shutdown()
            dock.deleteLater()
            remove_translator(translator)
            QLocale.setDefault(saved)
    assert not cut, cut
