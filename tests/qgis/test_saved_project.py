"""A run's layers in a saved project: saved, closed, reopened, and reopened after the project's folder
(project, inputs, outputs) was moved elsewhere."""

import json
import os
import shutil

import pytest

from caim_qgis_testlib import centre

pytestmark = pytest.mark.qgis

OUTPUTS = {"area": "change_area.tif", "moment": "change_moment.tif", "confidence": "confidence.tif",
           "probabilities": "moment_probability.tif"}


def saved_run(finished_run, folder, name="project.qgz", absolute=False):
    """A copy of the shared run's inputs and outputs in ``folder`` (data/, out/), its layers added as the
    dialog adds them and the project saved there; returns the project file."""
    from qgis.core import QgsProject, QgsRasterLayer

    from caim_qgis_plugin import inputs as inp
    from caim_qgis_plugin import layers as lyr

    os.makedirs(os.path.join(folder, "data"))
    os.makedirs(os.path.join(folder, "out"))
    inputs = []
    for path in finished_run["inputs"]:
        inputs.append(shutil.copy(path, os.path.join(folder, "data")))
    res = finished_run["results"]
    outputs = {kind: shutil.copy(res[key], os.path.join(folder, "out", OUTPUTS[kind]))
               for kind, key in (("area", "AREA"), ("moment", "MOMENT"), ("confidence", "CONFIDENCE"),
                                 ("probabilities", "PROBABILITIES"))}
    project = QgsProject.instance()
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in inputs]
    for layer in layers:
        project.addMapLayer(layer)
    dates = finished_run["dates"]
    info = {"dates": dates, "inputs": inp.describe_layers(layers, dates), "outputs": outputs, "model": "cva"}
    lyr.add_run_outputs(outputs, dates, info)
    project.writeEntryBool("Paths", "/Absolute", absolute)
    path = os.path.join(folder, name)
    assert project.write(path)
    project.clear()
    return path


def test_a_moved_project_is_inspected_from_its_new_folder(qgis_app, project, finished_run, tmp_path):
    """A project saved with its data, then moved (or sent) elsewhere: QGIS opens the run's layers from the
    new folder, but the run record kept the old paths, and the inspector said 'outside the result' with no
    values for every pixel, and showed no chips."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import InspectDock, find_run_layer, inspect_pixel

    saved = saved_run(finished_run, str(tmp_path / "a" / "survey"))
    shutil.move(str(tmp_path / "a" / "survey"), str(tmp_path / "b" / "copy" / "survey"))
    assert project.read(str(tmp_path / "b" / "copy" / "survey" / os.path.basename(saved)))
    layer = find_run_layer(None)
    assert layer is not None and layer.isValid()
    info = lyr.run_info_of(layer)
    moved = str(tmp_path / "b" / "copy" / "survey")
    assert info["outputs"]["moment"] == os.path.join(moved, "out", "change_moment.tif")
    assert [e["path"] for e in info["inputs"]] == [os.path.join(moved, "data", os.path.basename(p))
                                                  for p in finished_run["inputs"]]
    # the record as the run wrote it stays in the layer
    recorded = json.loads(layer.customProperty(lyr.RUN_PROPERTY))
    assert recorded["outputs"]["moment"].startswith(str(tmp_path / "a"))
    assert lyr.run_info_of(layer, as_recorded=True) == recorded
    crs = QgsCoordinateReferenceSystem("EPSG:32614")
    data = inspect_pixel(info, centre(20, 20), crs)
    assert data["moment"] == 2 and data["moment_text"].startswith("changed between")
    assert all(v is not None for v in data["series"]) and data["change_probability"] is not None
    dock = InspectDock()
    try:
        dock.show_result(data, centre(20, 20), info, crs)
        assert len(dock.chips.chips) == 3 and all(image is not None for _, image, _ in dock.chips.chips)
    finally:
        dock.deleteLater()


def test_the_labelling_panel_finds_the_run_of_a_moved_sample(qgis_app, project, finished_run, tmp_path):
    """A sample records the path of the map it was drawn from; after a move that path is the old one, the
    run's record the new one: the panel still finds the run the sample was drawn from."""
    from caim_qgis_plugin.inspect_tool import find_run_layer
    from caim_qgis_plugin.label_dock import run_layers, run_of_map

    saved = saved_run(finished_run, str(tmp_path / "a" / "survey"))
    old_map = str(tmp_path / "a" / "survey" / "out" / "change_moment.tif")
    shutil.move(str(tmp_path / "a" / "survey"), str(tmp_path / "b"))
    assert project.read(str(tmp_path / "b" / os.path.basename(saved)))
    layer = find_run_layer(None)
    assert run_of_map(old_map, run_layers()) is layer
    assert run_of_map(str(tmp_path / "b" / "out" / "change_moment.tif"), run_layers()) is layer


def test_the_assessment_finds_the_map_of_a_moved_sample(qgis_app, project, finished_run, tmp_path):
    """Assess accuracy opened on a sample fills in the map the sample was drawn from; the sample records the
    map where it was when drawn, so after the project was moved with its data the map layer (the same file
    in its new place) was not found and the dialog offered whatever raster came first."""
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import find_run_layer
    from caim_qgis_plugin.label_dock import sampled_map_layer
    from model_core.accuracy import stratified_sample

    saved = saved_run(finished_run, str(tmp_path / "a" / "survey"))
    sample = str(tmp_path / "a" / "survey" / "sample.gpkg")
    stratified_sample(str(tmp_path / "a" / "survey" / "out" / "change_moment.tif"), sample, n=2, n_unchanged=2,
                      seed=1)
    shutil.move(str(tmp_path / "a" / "survey"), str(tmp_path / "b"))
    assert project.read(str(tmp_path / "b" / os.path.basename(saved)))
    points = QgsVectorLayer(str(tmp_path / "b" / "sample.gpkg"), "sample", "ogr")
    project.addMapLayer(points)
    moment = find_run_layer(None)
    assert moment.customProperty(lyr.KIND_PROPERTY) == lyr.MOMENT
    assert sampled_map_layer(points) is moment


def test_a_run_whose_files_are_gone_is_said_so(qgis_app, project, finished_run, tmp_path):
    """The project file moved alone (or its data deleted): the run's paths lead nowhere.  The inspector
    said 'outside the result', drew 'Click a pixel of a CAIM result' and 'no date covers this pixel'; it
    now says which of the run's files are not found."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import InspectDock, find_run_layer, inspect_pixel

    saved = saved_run(finished_run, str(tmp_path / "survey"))
    shutil.rmtree(str(tmp_path / "survey" / "out"))
    shutil.rmtree(str(tmp_path / "survey" / "data"))
    assert project.read(saved)
    layer = find_run_layer(None)
    assert layer is not None and not layer.isValid()  # QGIS keeps the broken layer, with its record
    info = lyr.run_info_of(layer)
    crs = QgsCoordinateReferenceSystem("EPSG:32614")
    data = inspect_pixel(info, centre(20, 20), crs)
    assert data["moment"] is None and data["moment_text"] == "not known: the change moment file is not found"
    assert data["missing"][0] == info["outputs"]["moment"] and len(data["missing"]) == 3 + 3
    dock = InspectDock()
    try:
        dock.show_result(data, centre(20, 20), info, crs)
        assert "Files of this run not found" in dock.header.text()
        assert info["outputs"]["moment"] in dock.header.text()
        assert dock.chips.message == "No imagery: the run's input files are not found."
        dock.blind.setChecked(True)
        assert "Files of this run not found" in dock.header.text()
    finally:
        dock.deleteLater()
    # only the map gone: the chips say so (they are read on its grid)
    info = dict(info, inputs=[{"path": p} for p in finished_run["inputs"]])
    data = inspect_pixel(info, centre(20, 20), crs)
    assert data["missing"] == [info["outputs"][k] for k in ("moment", "confidence", "probabilities")]
    dock = InspectDock()
    try:
        dock.show_result(data, centre(20, 20), info, crs)
        assert dock.chips.message == "No imagery: the run's change moment file is not found."
    finally:
        dock.deleteLater()


def test_the_inspector_takes_the_run_whose_files_are_there(qgis_app, project, finished_run, tmp_path):
    """Two runs in a project, the later one (on top) with its outputs deleted: with no CAIM layer active the
    inspector took the topmost run and said 'outside the result' for every pixel; it takes the run whose
    map is there (the deleted one when it is the active layer, and then says its files are gone); so does the
    labelling panel for its imagery."""
    from qgis.core import QgsProject

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import find_run_layer

    runs = []
    for name in ("first", "second"):
        saved = saved_run(finished_run, str(tmp_path / name))
        QgsProject.instance().read(saved)
        runs.append(lyr.run_info_of(find_run_layer(None), as_recorded=True))
    project.clear()
    for info in runs:
        lyr.add_run_outputs(info["outputs"], info["dates"], info)  # the second run on top
    top = find_run_layer(None)
    assert lyr.run_info_of(top)["outputs"]["moment"] == runs[1]["outputs"]["moment"]
    shutil.rmtree(str(tmp_path / "second" / "out"))
    layer = find_run_layer(None)
    assert lyr.run_info_of(layer)["outputs"]["moment"] == runs[0]["outputs"]["moment"]

    class Iface:
        def activeLayer(self):  # noqa: N802
            return top

    assert find_run_layer(Iface()) is top
    from caim_qgis_plugin.label_dock import LabelDock

    dock = LabelDock(None)  # the labelling panel's imagery: the run whose map is there too
    try:
        assert dock.run_layer is layer and dock.run_combo.count() == 2
    finally:
        dock.shutdown()
        dock.deleteLater()
    shutil.rmtree(str(tmp_path / "first" / "out"))
    assert find_run_layer(None) is top  # none is there: the topmost, which says its files are gone


def test_dates_in_qgis_temporary_folder_are_said_gone_and_warned_of_before(qgis_app, project, finished_run, tmp_path):
    """A one-step run of a multi-date raster whose dates went to QGIS's temporary folder, the project saved
    and opened again after QGIS was closed: the date layers are unavailable and the inspector has no values
    or imagery.  The run's warning said only that the folder is deleted when QGIS closes, and the inspector
    then said to reopen the project 'from the folder that holds them' (there is none): the warning now says
    what a saved project loses and how to keep it, the inspector that the dates went with QGIS's folder."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingUtils

    from caim_qgis_plugin import splitting
    from caim_qgis_plugin.inspect_tool import InspectDock, in_qgis_temporary_folder, inspect_pixel

    for fallback in (splitting.READ_ONLY, splitting.NO_FOLDER):
        text = splitting.fallback_text("gee_export", fallback)
        assert "deleted when QGIS closes" in text
        assert "A project saved with them opens without these date layers" in text
        assert "Split a multi-date raster into dates" in text

    earlier = os.path.join(os.path.dirname(QgsProcessingUtils.tempFolder()), "processing_AbCdEf", "gee_export_dates")
    vrts = [os.path.join(earlier, "gee_export_%02d_%s.vrt" % (k, d)) for k, d in enumerate(finished_run["dates"], 1)]
    assert all(in_qgis_temporary_folder(p) for p in vrts) and not in_qgis_temporary_folder(str(tmp_path / "a.tif"))
    res = finished_run["results"]
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in vrts],
            "outputs": {"moment": res["MOMENT"], "area": res["AREA"], "confidence": str(tmp_path / "gone.tif")}}
    crs = QgsCoordinateReferenceSystem("EPSG:32614")
    data = inspect_pixel(info, centre(20, 20), crs)
    assert data["moment"] == 2 and data["inputs_missing"] and data["missing"] == [str(tmp_path / "gone.tif")] + vrts
    dock = InspectDock()
    try:
        dock.show_result(data, centre(20, 20), info, crs)
        header = dock.header.text()
        assert "dates split into QGIS's temporary folder were deleted when QGIS closed: %s" % vrts[0] in header
        assert "Files of this run not found (moved or deleted since the run?): %s." % str(tmp_path / "gone.tif") \
            in header
        assert dock.chips.message == "No imagery: the run's input files are not found."
    finally:
        dock.deleteLater()


def test_a_moved_project_takes_a_containers_variable_along(qgis_app, tmp_path):
    """A run's input given as a variable of a container (NETCDF:"/old/data/cube.nc":ndvi, a GeoPackage's
    table): the project moved, the record's plain paths followed the layer's file, but such a name was read
    as a path under the working folder and kept its old file, so the inspector had neither values nor
    chips of that date."""
    from caim_qgis_plugin import layers as lyr

    new = tmp_path / "b" / "survey"
    for name in ("out/change_moment.tif", "data/cube.nc", "data/scenes.gpkg", "data/s.tif"):
        (new / name).parent.mkdir(parents=True, exist_ok=True)
        (new / name).write_bytes(b"")
    old = str(tmp_path / "a" / "survey")

    class Layer:
        def source(self):
            return str(new / "out" / "change_moment.tif")

        def customProperty(self, key):  # noqa: N802
            return lyr.MOMENT if key == lyr.KIND_PROPERTY else None

    info = {"outputs": {"moment": os.path.join(old, "out", "change_moment.tif")},
            "inputs": [{"path": 'NETCDF:"%s":ndvi' % os.path.join(old, "data", "cube.nc")},
                       {"path": "GPKG:%s:scene_2" % os.path.join(old, "data", "scenes.gpkg")},
                       {"path": os.path.join(old, "data", "s.tif")},
                       {"path": 'NETCDF:"%s":ndvi' % os.path.join(old, "data", "elsewhere.nc")}]}
    moved = lyr.relocated(info, Layer())
    assert [e["path"] for e in moved["inputs"]] == [
        'NETCDF:"%s":ndvi' % (new / "data" / "cube.nc"), "GPKG:%s:scene_2" % (new / "data" / "scenes.gpkg"),
        str(new / "data" / "s.tif"), info["inputs"][3]["path"]]  # (not moved with the project: kept)


def test_dates_whose_raster_is_gone_are_said_so(qgis_app, finished_run, tmp_path):
    """A run on the dates of a multi-date raster split into a folder of one's own (VRTs reading the raster by
    its absolute path), the project sent on without the raster: GDAL opens such a VRT (it opens its sources
    when it reads), so the run's files all looked there, and the inspector said 'no date covers this pixel'
    and showed no band values, unexplained.  The raster the VRTs read is named as not found, once."""
    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    os.makedirs(str(tmp_path / "data"))
    os.makedirs(str(tmp_path / "dates"))
    raster = shutil.copy(finished_run["inputs"][0], str(tmp_path / "data" / "export.tif"))
    vrts = []
    for k in range(1, len(finished_run["dates"]) + 1):
        vrts.append(str(tmp_path / "dates" / ("export_%02d.vrt" % k)))
        gdal.Translate(vrts[-1], raster, format="VRT")
    os.remove(raster)
    res = finished_run["results"]
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in vrts],
            "outputs": {"moment": res["MOMENT"], "area": res["AREA"]}}
    crs = QgsCoordinateReferenceSystem("EPSG:32614")
    data = inspect_pixel(info, centre(20, 20), crs)
    assert data["missing"] == [raster] and data["inputs_missing"]
    dock = InspectDock()
    try:
        dock.show_result(data, centre(20, 20), info, crs)
        assert "Files of this run not found (moved or deleted since the run?): %s." % raster in dock.header.text()
        assert dock.chips.message == "No imagery: the run's input files are not found."
    finally:
        dock.deleteLater()


def test_dates_reading_a_zip_that_is_gone_are_said_so(qgis_app, finished_run, tmp_path):
    """Dates stacked from a zipped product (stackbands: a Sentinel-2 .zip; VRTs reading
    /vsizip//data/S2....zip/...), the zip moved away since the run: the VRTs' /vsi sources were not looked
    at, so the files all looked there and the inspector said 'no date covers this pixel', unexplained.  The
    zip is named as not found, once."""
    import zipfile

    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel

    os.makedirs(str(tmp_path / "dates"))
    archive = str(tmp_path / "product.zip")
    with zipfile.ZipFile(archive, "w") as z:
        z.write(finished_run["inputs"][0], "product.SAFE/export.tif")
    vrts = []
    for k in range(1, len(finished_run["dates"]) + 1):
        vrts.append(str(tmp_path / "dates" / ("%02d.vrt" % k)))
        gdal.Translate(vrts[-1], "/vsizip/%s/product.SAFE/export.tif" % archive, format="VRT")
    res = finished_run["results"]
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in vrts],
            "outputs": {"moment": res["MOMENT"], "area": res["AREA"]}}
    crs = QgsCoordinateReferenceSystem("EPSG:32614")
    assert inspect_pixel(info, centre(20, 20), crs)["missing"] == []  # (the zip there: read)
    os.remove(archive)
    data = inspect_pixel(info, centre(20, 20), crs)
    assert data["missing"] == [archive] and data["inputs_missing"]
