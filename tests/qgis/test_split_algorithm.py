"""caim:splitdates through QGIS Processing: a multi-date raster (an Earth Engine export) split into dated
VRT layers, which the change detection then runs on as it does on separate files."""

import os
import shutil
from unittest import mock

import numpy as np
import pytest

from caim_qgis_testlib import make_stack, read, run_algorithm, wait_for, write_raster

pytestmark = pytest.mark.qgis

DATES = ("2019-05-01", "2020-05-01", "2021-05-01")


def _export(folder, names=True):
    """make_stack's three dates as one 12-band file, date by date, with Earth Engine's band names."""
    from osgeo import gdal

    paths = make_stack(folder)
    arrays = [gdal.Open(p).ReadAsArray() for p in paths]
    labels = ["%sT101031_%sT101027_T32TQM_B%d" % (d.replace("-", ""), d.replace("-", ""), b)
              for d in DATES for b in (4, 3, 2, 8)]
    path = write_raster(os.path.join(folder, "gee_export.tif"), np.concatenate(arrays), nodata=0)
    if names:
        ds = gdal.Open(path, gdal.GA_Update)
        for b, label in enumerate(labels, start=1):
            ds.GetRasterBand(b).SetDescription(label)
        ds = None
    return paths, path


def _not_writable(folder):
    """os.access saying that ``folder`` cannot be written to (as for a read-only share), while it can."""
    access = os.access

    def no_write(p, mode, *args, **kwargs):
        if mode & os.W_OK and os.path.abspath(p) == str(folder):
            return False
        return access(p, mode, *args, **kwargs)

    return mock.patch("os.access", no_write)


def _split(project, params):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:splitdates")
    assert alg is not None
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    results, ok = alg.run(params, context, feedback)
    return results, ok, feedback, context


def test_split_layers_are_dated_and_run_as_the_separate_files(project, tmp_path):
    from qgis.core import QgsApplication

    separate, export = _export(str(tmp_path))
    alg = QgsApplication.processingRegistry().algorithmById("caim:splitdates")
    assert alg.displayName() == "Split a multi-date raster into dates" and alg.groupId() == "changedetection"
    folder = str(tmp_path / "dates")
    results, ok, fb, context = _split(project, {"INPUT": export, "OUTPUT": folder})
    assert ok, fb.textLog()
    assert results["USED_DATES"] == ",".join(DATES)
    layers = results["LAYERS"]
    assert [os.path.basename(p) for p in layers] == ["gee_export_%02d_%s.vrt" % (k, d) for k, d in
                                                     enumerate(DATES, start=1)]
    assert [context.layerToLoadOnCompletionDetails(p).name for p in layers] == [
        "gee_export %d (%s)" % (k, d) for k, d in enumerate(DATES, start=1)]

    def outputs(name):
        return {k: str(tmp_path / name / ("%s.tif" % k.lower())) for k in ("AREA", "MOMENT", "CONFIDENCE")}

    ref, ok, fb = run_algorithm(dict(INPUT=separate, MODEL="cva", DEVICE="CPU", **outputs("a")))
    assert ok, fb.textLog()
    res, ok, fb = run_algorithm(dict(INPUT=layers, MODEL="cva", DEVICE="CPU", **outputs("b")))
    assert ok, fb.textLog()
    assert res["USED_DATES"] == ",".join(DATES)
    np.testing.assert_array_equal(read(res["MOMENT"]), read(ref["MOMENT"]))
    assert (read(res["MOMENT"])[20:36, 20:36] == 2).mean() > 0.9

    # the VRTs are not replaced unless asked
    before = open(layers[0]).read()
    results, ok, fb, _ = _split(project, {"INPUT": export, "OUTPUT": folder})
    assert not ok and "already exists (3 of the 3 files)" in fb.textLog()
    assert "(the advanced parameter 'Replace VRTs of the same names in the folder', OVERWRITE)" in fb.textLog()
    assert open(layers[0]).read() == before
    results, ok, fb, _ = _split(project, {"INPUT": export, "OUTPUT": folder, "OVERWRITE": True})
    assert ok, fb.textLog()
    # dates given replace the band names' (and name the files)
    results, ok, fb, _ = _split(project, {"INPUT": export, "OUTPUT": folder, "DATES": "2001,2002,2003"})
    assert ok and results["USED_DATES"] == "2001,2002,2003"
    assert os.path.basename(results["LAYERS"][2]) == "gee_export_03_2003.vrt"


def test_without_dates_in_the_band_names_the_bands_per_date_are_asked_for(project, tmp_path):
    _, export = _export(str(tmp_path), names=False)
    results, ok, fb, _ = _split(project, {"INPUT": export, "OUTPUT": str(tmp_path / "d")})
    assert not ok
    assert "none of its band names carries a date" in fb.textLog() and "BANDS_PER_DATE" in fb.textLog()
    results, ok, fb, context = _split(project, {"INPUT": export, "BANDS_PER_DATE": 4, "OUTPUT": str(tmp_path / "d")})
    assert ok, fb.textLog()
    assert results["USED_DATES"] == ",,"
    assert "give the dates (DATES)" in fb.textLog()
    assert context.layerToLoadOnCompletionDetails(results["LAYERS"][0]).name == "gee_export 1 (date not known)"
    results, ok, fb, _ = _split(project, {"INPUT": export, "BANDS_PER_DATE": 4, "DATES": "2019,2020",
                                          "OUTPUT": str(tmp_path / "e")})
    assert not ok and "2 dates given for the 3 dates of 'gee_export.tif'" in fb.textLog()
    assert not os.path.exists(str(tmp_path / "e")) or not os.listdir(str(tmp_path / "e"))


def test_a_single_multi_band_layer_in_the_detection_points_to_the_split(project, tmp_path):
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    _, export = _export(str(tmp_path))
    layer = QgsRasterLayer(export, "gee_export", "gdal")
    errors = [m for lvl, m in inp.validate([layer], None, None, "cva") if lvl == inp.ERROR]
    assert len(errors) == 1
    assert "Select at least 2 layers" in errors[0] and "'gee_export' holds every date as bands (12 bands" in errors[0]
    assert "Split a multi-date raster into dates" in errors[0]


def test_the_menu_opens_the_split_on_the_active_multi_band_raster(project, tmp_path):
    import types

    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.plugin import SPLIT_ID, CaimPlugin

    separate, export = _export(str(tmp_path))
    stack = QgsRasterLayer(export, "gee_export", "gdal")
    one_band = QgsRasterLayer(write_raster(str(tmp_path / "dem.tif"), np.ones((8, 8), np.uint8)), "dem", "gdal")
    project.addMapLayers([stack, one_band])
    # the VRTs go beside the file by default: Processing's temporary folder is deleted when QGIS closes,
    # and a saved project would lose its date layers
    beside = str(tmp_path / "gee_export_dates")
    for active, expected in ((stack, {"INPUT": stack.id(), "OUTPUT": beside}), (one_band, {}), (None, {})):
        plugin = CaimPlugin(types.SimpleNamespace(activeLayer=lambda active=active: active))
        assert plugin.algorithm_defaults(SPLIT_ID) == expected
    os.mkdir(beside)  # a folder of that name exists: the next name
    plugin = CaimPlugin(types.SimpleNamespace(activeLayer=lambda: stack))
    assert plugin.algorithm_defaults(SPLIT_ID)["OUTPUT"] == beside + "_2"
    # the name caim:detectchanges (and the dialog's Run) gives the folder, so that a run uses this split
    # again: file-safe ('my export_dates' was not used again by a run, which wrote 'my_export_dates')
    spaced = str(tmp_path / "my export.tif")
    shutil.copy(export, spaced)
    plugin = CaimPlugin(types.SimpleNamespace(activeLayer=lambda: QgsRasterLayer(spaced, "my export", "gdal")))
    assert plugin.algorithm_defaults(SPLIT_ID)["OUTPUT"] == str(tmp_path / "my_export_dates")


def test_a_split_into_the_temporary_folder_says_it_goes_with_qgis(project, tmp_path):
    _, export = _export(str(tmp_path))
    results, ok, fb, _ = _split(project, {"INPUT": export, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert ok, fb.textLog()
    assert "temporary folder, which is deleted when QGIS closes" in fb.textLog()
    results, ok, fb, _ = _split(project, {"INPUT": export, "OUTPUT": str(tmp_path / "kept")})
    assert ok and "temporary folder" not in fb.textLog()


def _processing_stand_in(project, monkeypatch):
    """Processing's algorithm dialog, as the dialog's 'Split into dates…' opens it: it runs the real
    caim:splitdates with the given parameters and loads its layers as Processing does on completion.
    Returns the list of (algorithm id, parameters) it was opened with."""
    import sys
    import types

    from qgis.core import QgsRasterLayer

    opened = []

    def exec_dialog(alg_id, params):
        opened.append((alg_id, dict(params)))
        results, ok, fb, context = _split(project, dict(params))
        assert ok, fb.textLog()
        for path in results["LAYERS"]:
            project.addMapLayer(QgsRasterLayer(path, context.layerToLoadOnCompletionDetails(path).name, "gdal"))
        return results

    monkeypatch.setitem(sys.modules, "processing", types.SimpleNamespace(execAlgorithmDialog=exec_dialog))
    return opened


def test_the_dialog_offers_the_split_and_lists_the_dates_in_place_of_the_file(project, tmp_path, monkeypatch):
    """One checked multi-band layer whose band names carry no dates: the dialog's only problem is the one
    date, with the way out; its 'Split into dates…' button opens caim:splitdates on that layer (Processing's
    dialog stands in here: it runs the real algorithm and loads its layers as Processing does), then the
    dates are listed, checked, and the file unchecked: ready to run.  With dated band names the button is
    offered too (to give other dates), beside the Run that splits by itself."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    _, plain = _export(str(tmp_path / "plain") if os.makedirs(str(tmp_path / "plain")) is None else "", names=False)
    project.addMapLayer(QgsRasterLayer(plain, "plain", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        text = dialog.messages.text()
        assert "holds every date as bands (12 bands" in text and "needs 4 bands" not in text
        assert "No date for" not in text and not dialog.run_button.isEnabled()
        assert not dialog.split_button.isHidden()
    finally:
        dialog.shutdown()
    project.removeAllMapLayers()
    _, export = _export(str(tmp_path))
    stack = QgsRasterLayer(export, "gee_export", "gdal")
    project.addMapLayer(stack)
    opened = _processing_stand_in(project, monkeypatch)
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert dialog.run_button.isEnabled() and not dialog.split_button.isHidden()
        dialog.split_button.click()
        assert opened == [("caim:splitdates", {"INPUT": stack.id(), "OUTPUT": str(tmp_path / "gee_export_dates")})]
        assert [layer.name() for layer, _ in dialog.checked()] == ["gee_export %d (%s)" % (k, d)
                                                                    for k, d in enumerate(DATES, start=1)]
        assert [d for _, d in dialog.checked()] == list(DATES)
        assert dialog.run_button.isEnabled() and dialog.split_button.isHidden()
        assert "ready to run" in dialog.messages.text()
    finally:
        dialog.shutdown()


def test_the_dialog_splits_an_export_checked_beside_later_scenes(project, tmp_path, monkeypatch):
    """An export whose band names carry dates checked beside an ordinary later scene: the dialog lists it by
    its first date, counts its dates, and Run (or the split button) splits it (it said 'Band counts differ (12, 4) ... pick bands 1 to
    4', which would have read the export's first date only); after the split its dates stand, checked and
    in date order, with the scene: ready to run.  A plain 12-band layer beside it is not offered one."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    separate, export = _export(str(tmp_path))
    stack = QgsRasterLayer(export, "gee_export", "gdal")
    later = QgsRasterLayer(separate[2], "later 2022-05-01", "gdal")
    project.addMapLayers([stack, later])
    _processing_stand_in(project, monkeypatch)
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        # in date order by its first date, above the later scene (it stood below, at the end, as undated)
        assert [layer.name() for layer, _ in dialog.checked()] == ["gee_export", "later 2022-05-01"]
        assert dialog._items()[0].toolTip(1) == ("holds dates from 2019-05-01 to 2021-05-01: Run splits it into one "
                                                 "layer per date")
        text = dialog.messages.text()
        assert "'gee_export' holds 3 dates, 2019-05-01 to 2021-05-01: Run first splits it" in text
        assert "Band counts differ" not in text and "4 dates once split, to run with" in text
        assert dialog.run_button.isEnabled() and not dialog.split_button.isHidden()
        dialog.split_button.click()
        assert [d for _, d in dialog.checked()] == list(DATES) + ["2022-05-01"]
        assert dialog.run_button.isEnabled() and dialog.split_button.isHidden()
    finally:
        dialog.shutdown()
    _, plain = _export(str(tmp_path / "plain") if os.makedirs(str(tmp_path / "plain")) is None else "", names=False)
    project.removeAllMapLayers()
    project.addMapLayers([QgsRasterLayer(plain, "plain", "gdal"), QgsRasterLayer(separate[2], "later", "gdal")])
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert "Band counts differ" in dialog.messages.text() and dialog.split_button.isHidden()
    finally:
        dialog.shutdown()


def test_a_file_named_by_its_year_does_not_date_its_date_layers(project, tmp_path):
    """The change detection reads a layer's date from its name first: the split's layer names must carry
    the date of their date, not the multi-date file's year ('ndvi_2020 1 (date not known)': 2020 for all)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    _, export = _export(str(tmp_path), names=False)
    layer = QgsRasterLayer(export, "ndvi_2020", "gdal")
    project.addMapLayer(layer)
    for dates, expected in ((None, [None] * 3), ("2019-05-01,2020-05-01,2021-05-01", list(DATES))):
        params = {"INPUT": layer.id(), "BANDS_PER_DATE": 4, "OUTPUT": str(tmp_path / ("d%s" % bool(dates)))}
        results, ok, fb, context = _split(project, dict(params, DATES=dates) if dates else params)
        assert ok, fb.textLog()
        names = [context.layerToLoadOnCompletionDetails(p).name for p in results["LAYERS"]]
        assert [inp.parse_date(n) for n in names] == expected, names
        assert [inp.parse_date(os.path.basename(p)) for p in results["LAYERS"]] == expected


def test_a_single_layer_that_is_no_file_is_not_offered_the_split(project, tmp_path):
    """caim:splitdates reads files only: a single web or database raster is told it is not file-based, as
    in a run of several layers, not pointed to the split (which then refused it)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    class ServiceLayer(QgsRasterLayer):  # a multi-band layer of another provider (WCS, PostGIS raster)
        def providerType(self):  # noqa: N802
            return "wcs"

    _, export = _export(str(tmp_path))
    layer = ServiceLayer(export, "coverage", "gdal")
    assert not inp.multi_date_candidate([layer])
    errors = [m for lvl, m in inp.validate([layer], None, None, "cva") if lvl == inp.ERROR]
    assert any("not a file-based (GDAL) raster" in m for m in errors), errors
    assert not any("Split a multi-date raster" in m for m in errors), errors
    # nor is a file moved away after loading: its problem is named
    moved = QgsRasterLayer(export, "moved", "gdal")
    os.rename(export, export + ".away")
    errors = [m for lvl, m in inp.validate([moved], None, None, "cva") if lvl == inp.ERROR]
    assert any("is gone" in m for m in errors) and not inp.multi_date_candidate([moved]), errors


def _cube(path):
    """A NetCDF data cube at ``path``: variables ndvi and evi over 3 times (2020-01-01 to 2022-01-01)."""
    from osgeo import gdal

    drv = gdal.GetDriverByName("netCDF")
    if drv is None or drv.GetMetadataItem(gdal.DCAP_CREATE_MULTIDIMENSIONAL) != "YES":
        pytest.skip("GDAL's netCDF driver cannot write multidimensional files here")
    ds = drv.CreateMultiDimensional(path)
    root = ds.GetRootGroup()
    dims = [root.CreateDimension("time", None, None, 3), root.CreateDimension("y", gdal.DIM_TYPE_HORIZONTAL_Y, None, 16),
            root.CreateDimension("x", gdal.DIM_TYPE_HORIZONTAL_X, None, 16)]
    time = root.CreateMDArray("time", dims[:1], gdal.ExtendedDataType.Create(gdal.GDT_Float64))
    time.Write(np.array([0.0, 366.0, 731.0]))
    time.CreateAttribute("units", [], gdal.ExtendedDataType.CreateString()).Write("days since 2020-01-01")
    for name in ("ndvi", "evi"):
        var = root.CreateMDArray(name, dims, gdal.ExtendedDataType.Create(gdal.GDT_Float32))
        var.Write(np.random.default_rng(0).random((3, 16, 16)).astype(np.float32))
    ds = None
    return path


def test_a_netcdf_variable_layer_splits_into_dates_of_its_time_axis(project, tmp_path):
    """QGIS loads one variable of a NetCDF data cube as a layer (NETCDF:"cube.nc":ndvi); caim:splitdates
    splits it into one-band dates named after the file and the variable, dated by the cube's time axis."""
    from qgis.core import QgsRasterLayer

    path = _cube(str(tmp_path / "cube.nc"))
    layer = QgsRasterLayer('NETCDF:"%s":ndvi' % path, "ndvi", "gdal")
    assert layer.isValid() and layer.bandCount() == 3
    project.addMapLayer(layer)
    results, ok, fb, context = _split(project, {"INPUT": layer.id(), "OUTPUT": str(tmp_path / "dates")})
    assert ok, fb.textLog()
    assert results["USED_DATES"] == "2020-01-01,2021-01-01,2022-01-01"
    assert [os.path.basename(p) for p in results["LAYERS"]] == ["cube_ndvi_01_2020-01-01.vrt",
                                                                "cube_ndvi_02_2021-01-01.vrt",
                                                                "cube_ndvi_03_2022-01-01.vrt"]
    for k, vrt in enumerate(results["LAYERS"], start=1):
        date_layer = QgsRasterLayer(vrt, "d", "gdal")
        assert date_layer.isValid() and date_layer.bandCount() == 1
        block = date_layer.dataProvider().block(1, date_layer.extent(), 16, 16)
        assert block.isValid() and not block.isEmpty()


def _outputs(folder):
    return {k: os.path.join(folder, "%s.tif" % k.lower()) for k in ("AREA", "MOMENT", "CONFIDENCE")}


def test_the_detection_runs_a_single_multi_date_layer_in_one_step(project, tmp_path):
    """caim:detectchanges given one layer whose band names carry dates splits it itself (qgis_process in
    one step): VRTs in <name>_dates beside the raster, which the run info (pixel inspector) names; the
    same result as the separate files.  A second run of the same raster uses the same folder again; a
    folder of that name holding anything else is left alone."""
    separate, export = _export(str(tmp_path))
    ref, ok, fb = run_algorithm(dict(INPUT=separate, MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a"))))
    assert ok, fb.textLog()
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "b"))))
    assert ok, fb.textLog()
    assert res["USED_DATES"] == ",".join(DATES)
    np.testing.assert_array_equal(read(res["MOMENT"]), read(ref["MOMENT"]))
    np.testing.assert_array_equal(read(res["AREA"]), read(ref["AREA"]))
    folder = tmp_path / "gee_export_dates"
    names = ["gee_export_%02d_%s.vrt" % (k, d) for k, d in enumerate(DATES, start=1)]
    assert sorted(os.listdir(str(folder))) == names
    assert "'gee_export' holds 3 dates: split into %s" % folder in fb.textLog()
    assert [e for e in os.listdir(str(tmp_path)) if e.startswith(".")] == []  # no work folder left
    # again, another model: the same folder, nothing new written
    before = {n: os.path.getmtime(str(folder / n)) for n in names}
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="isfa", DEVICE="CPU", **_outputs(str(tmp_path / "c"))))
    assert ok, fb.textLog()
    assert "(used again: the same split as before)" in fb.textLog()
    assert {n: os.path.getmtime(str(folder / n)) for n in names} == before
    assert not os.path.exists(str(tmp_path / "gee_export_dates_2"))
    # a folder of that name with a file of the user's in it is not touched
    (folder / "notes.txt").write_text("mine")
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "d"))))
    assert ok, fb.textLog()
    assert sorted(os.listdir(str(tmp_path / "gee_export_dates_2"))) == names
    assert (folder / "notes.txt").read_text() == "mine"
    # the raster itself is never an output of its own run
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU",
                                     **dict(_outputs(str(tmp_path / "e")), AREA=export)))
    assert not ok and "gee_export.tif" in fb.textLog()
    from osgeo import gdal

    assert gdal.Open(export).RasterCount == 12


def test_a_multi_date_layer_without_dated_names_takes_its_bands_per_date(project, tmp_path):
    """Without dates in the band names a single layer is refused with both ways out (the split, or
    BANDS_PER_DATE in this run); BANDS_PER_DATE (and BAND_ORDER) split it; DATES count per date.  A run
    refused after its split leaves no folder of dates."""
    separate, export = _export(str(tmp_path), names=False)
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a"))))
    assert not ok and "Split a multi-date raster into dates" in fb.textLog() and "BANDS_PER_DATE" in fb.textLog()
    assert not os.path.exists(str(tmp_path / "gee_export_dates"))
    # refused after the split (a date too few): the dates' folder goes
    res, ok, fb = run_algorithm(dict(INPUT=[export], BANDS_PER_DATE=4, DATES="2019-05-01,2020-05-01", MODEL="cva",
                                     DEVICE="CPU", **_outputs(str(tmp_path / "a"))))
    assert not ok and "DATES has 2 entries for the 3 dates of the multi-date raster" in fb.textLog()
    assert not os.path.exists(str(tmp_path / "gee_export_dates"))
    # the layout refused (12 bands are not dates of 5)
    res, ok, fb = run_algorithm(dict(INPUT=[export], BANDS_PER_DATE=5, MODEL="cva", DEVICE="CPU",
                                     **_outputs(str(tmp_path / "a"))))
    assert not ok and "Layer 'gee_export'" in fb.textLog()
    assert [e for e in os.listdir(str(tmp_path)) if "dates" in e or e.startswith(".")] == []
    ref, ok, fb = run_algorithm(dict(INPUT=separate, MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "r"))))
    assert ok, fb.textLog()
    res, ok, fb = run_algorithm(dict(INPUT=[export], BANDS_PER_DATE=4, DATES=",".join(DATES), MODEL="cva",
                                     DEVICE="CPU", **_outputs(str(tmp_path / "b"))))
    assert ok, fb.textLog()
    assert res["USED_DATES"] == ",".join(DATES)
    np.testing.assert_array_equal(read(res["MOMENT"]), read(ref["MOMENT"]))
    # the same bands read band by band are other dates: a different result
    res, ok, fb = run_algorithm(dict(INPUT=[export], BANDS_PER_DATE=4, BAND_ORDER="band", DATES=",".join(DATES),
                                     MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "c"))))
    assert ok, fb.textLog()
    assert not np.array_equal(read(res["MOMENT"]), read(ref["MOMENT"]))
    res, ok, fb = run_algorithm(dict(INPUT=[export], BAND_ORDER="sideways", MODEL="cva", DEVICE="CPU",
                                     **_outputs(str(tmp_path / "d"))))
    assert not ok and "BAND_ORDER" in fb.textLog()


def test_a_one_step_run_names_the_parameter_that_is_wrong(project, tmp_path):
    """After the split, a malformed BANDS is told as itself, not as a DATES count (DATES left empty was
    told "DATES has 1 entries for the 3 dates")."""
    _, export = _export(str(tmp_path), names=False)
    res, ok, fb = run_algorithm(dict(INPUT=[export], BANDS_PER_DATE=4, BANDS="red,nir", MODEL="cva", DEVICE="CPU",
                                     **_outputs(str(tmp_path / "a"))))
    assert not ok and "Bands must be comma-separated band numbers" in fb.textLog()
    assert "DATES has" not in fb.textLog()
    assert not os.path.exists(str(tmp_path / "gee_export_dates"))
    # a DATES count that is wrong is still told in the raster's dates, with a BANDS that is wrong too
    res, ok, fb = run_algorithm(dict(INPUT=[export], BANDS_PER_DATE=4, BANDS="1,2,3,4", DATES="2019,2020",
                                     MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a"))))
    assert not ok and "DATES has 2 entries for the 3 dates of the multi-date raster" in fb.textLog()


def test_a_netcdf_variable_in_a_folder_one_cannot_write_to_splits_into_the_temporary_folder(project, tmp_path):
    """A NetCDF variable (NETCDF:"cube.nc":ndvi) in a folder the user cannot write to is split into QGIS's
    temporary folder, as a GeoTIFF there is (it was refused: "Cannot write the dates of 'cube_ndvi' into
    ..."). Root writes anywhere: the folder is told unwritable by os.access, as the algorithm asks it."""
    from qgis.core import QgsProcessingUtils, QgsRasterLayer

    shared = tmp_path / "shared"
    shared.mkdir()
    path = _cube(str(shared / "cube.nc"))
    layer = QgsRasterLayer('NETCDF:"%s":ndvi' % path, "ndvi", "gdal")
    assert layer.isValid()
    project.addMapLayer(layer)
    with _not_writable(shared):
        res, ok, fb = run_algorithm(dict(INPUT=[layer.id()], MODEL="cva", DEVICE="CPU",
                                         **_outputs(str(tmp_path / "a"))))
    assert ok, fb.textLog()
    assert res["USED_DATES"] == "2020-01-01,2021-01-01,2022-01-01"
    folder = os.path.join(QgsProcessingUtils.tempFolder(), "cube_ndvi_dates")
    assert "'ndvi' holds 3 dates: split into %s" % folder in fb.textLog()
    assert "'ndvi' is in a folder you cannot write to" in fb.textLog()
    assert [e for e in os.listdir(str(shared)) if not e.startswith("cube.nc")] == []


def test_a_multi_date_raster_and_a_later_image_run_together_with_bands_per_date(project, tmp_path):
    """With BANDS_PER_DATE, a layer of just that many bands among the inputs is one date of its own, as
    given (a newer scene after an Earth Engine export of the earlier ones); it was refused as "one date of
    4 bands, not a series ... give the number of bands of one date", which was given."""
    separate, export = _export(str(tmp_path), names=False)
    (tmp_path / "later").mkdir()
    later = make_stack(str(tmp_path / "later"), dates=DATES + ("2022-05-01",))[3]
    ref, ok, fb = run_algorithm(dict(INPUT=separate + [later], MODEL="cva", DEVICE="CPU",
                                     **_outputs(str(tmp_path / "a"))))
    assert ok, fb.textLog()
    res, ok, fb = run_algorithm(dict(INPUT=[export, later], BANDS_PER_DATE=4, DATES=",".join(DATES) + ",",
                                     MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "b"))))
    assert ok, fb.textLog()
    assert res["USED_DATES"] == ",".join(DATES + ("2022-05-01",))
    np.testing.assert_array_equal(read(res["MOMENT"]), read(ref["MOMENT"]))
    assert "Date 4: 2022-05-01  (%s)" % later in fb.textLog()
    assert [e for e in os.listdir(str(tmp_path / "later")) if "dates" in e] == []  # not split


def test_an_export_with_dated_band_names_and_a_later_image_run_together(project, tmp_path):
    """Among several inputs, a layer whose band names carry dates is split by itself too, the others are
    dates as they are; it was run as one date, refused as "Band counts differ ('gee_export': 12,
    '20220501': 4) ... pick bands every date has (1 to 4)", which read the export's first date only."""
    separate, export = _export(str(tmp_path))
    (tmp_path / "later").mkdir()
    later = make_stack(str(tmp_path / "later"), dates=DATES + ("2022-05-01",))[3]
    ref, ok, fb = run_algorithm(dict(INPUT=separate + [later], MODEL="cva", DEVICE="CPU",
                                     **_outputs(str(tmp_path / "a"))))
    assert ok, fb.textLog()
    res, ok, fb = run_algorithm(dict(INPUT=[export, later], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "b"))))
    assert ok, fb.textLog()
    assert res["USED_DATES"] == ",".join(DATES + ("2022-05-01",))
    np.testing.assert_array_equal(read(res["MOMENT"]), read(ref["MOMENT"]))
    assert "'gee_export' holds 3 dates: split into" in fb.textLog()
    # separate files alone are not split (each is one date, whatever its band names)
    res, ok, fb = run_algorithm(dict(INPUT=separate, MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "c"))))
    assert ok and "split into" not in fb.textLog()


def test_a_failed_run_leaves_the_dates_another_run_uses_since(project, tmp_path):
    """Two runs of the same raster at once (the toolbox runs them side by side): the second uses the
    folder the first made; the first then failing (cancelled) removed it under the second, whose layers'
    pixel inspector and saved project read those VRTs."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    _, export = _export(str(tmp_path))
    first = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    context.setProject(project)
    params = dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a")))
    params["AREA"] = str(tmp_path / "a" / "area.png")  # refused in its processAlgorithm: after the split
    assert first.prepareAlgorithm(params, context, QgsProcessingFeedback())
    folder = tmp_path / "gee_export_dates"
    names = sorted(os.listdir(str(folder)))
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "b"))))
    assert ok and "(used again: the same split as before)" in fb.textLog()
    with pytest.raises(QgsProcessingException, match="area.png"):
        first.processAlgorithm(params, context, QgsProcessingFeedback())
    assert sorted(os.listdir(str(folder))) == names
    # a run that fails alone still removes the folder it made
    shutil.rmtree(str(folder))
    res, ok, fb = run_algorithm(params)
    assert not ok and "area.png" in fb.textLog() and not os.path.exists(str(folder))


def test_a_task_cancelled_while_queued_removes_the_dates_it_split(project, tmp_path):
    """The toolbox's task splits in its prepareAlgorithm (main thread) and waits in the task manager's
    queue; cancelled there, it never reaches processAlgorithm, which removed the split of a failed run,
    so the new <name>_dates folder stayed behind.  Cancelled once it runs, processAlgorithm removes it."""
    from qgis.core import QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback

    _, export = _export(str(tmp_path))
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    task = QgsProcessingAlgRunnerTask(
        alg, dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a"))), context, feedback)
    assert not task.isCanceled(), feedback.textLog()
    folder = tmp_path / "gee_export_dates"
    assert folder.is_dir()
    done = []
    task.executed.connect(lambda ok, _results: done.append(ok))
    task.hold()  # queued, not started
    QgsApplication.taskManager().addTask(task)
    task.cancel()
    assert wait_for(lambda: done, 30) and done == [False]
    assert not folder.exists()
    assert [e for e in os.listdir(str(tmp_path)) if "dates" in e] == []  # (nor a hidden work folder)
    # a run that began keeps its dates whatever its feedback is told afterwards (it removes them itself
    # when it fails)
    feedback = QgsProcessingFeedback()
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    params = dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "b")))
    assert alg.prepareAlgorithm(params, context, feedback)
    assert alg.processAlgorithm(params, context, feedback)["MOMENT"]
    feedback.cancel()
    assert len(os.listdir(str(folder))) == len(DATES)


def test_a_split_into_another_name_says_what_is_in_the_way(project, tmp_path):
    """A file named <name>_dates beside the raster, or such a folder holding other files: the dates go to
    <name>_dates_2 (and on), and the run says why, the user looking for them in <name>_dates (it said only
    'split into .../gee_export_dates_2').  Used again, it says that."""
    _, export = _export(str(tmp_path))
    (tmp_path / "gee_export_dates").write_text("a file of the user's")
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a"))))
    assert ok, fb.textLog()
    assert "split into %s (not in 'gee_export_dates': it is a file, not a folder)" % (
        tmp_path / "gee_export_dates_2") in fb.textLog()
    assert (tmp_path / "gee_export_dates").read_text() == "a file of the user's"
    (tmp_path / "gee_export_dates_2" / "notes.txt").write_text("mine")
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "b"))))
    assert ok, fb.textLog()
    assert "split into %s (not in 'gee_export_dates': it is a file, not a folder; 'gee_export_dates_2': it " \
           "holds other files)" % (tmp_path / "gee_export_dates_3") in fb.textLog()
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "c"))))
    # used again, it says why too (it said only 'used again', the user looking in gee_export_dates)
    assert ok and "split into %s (used again: the same split as before) (not in 'gee_export_dates': it is a file, " \
        "not a folder; 'gee_export_dates_2': it holds other files)" % (tmp_path / "gee_export_dates_3") in fb.textLog()
    # in the usual folder: nothing more said
    (tmp_path / "gee_export_dates").unlink()
    res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "d"))))
    assert ok and "split into %s\n" % (tmp_path / "gee_export_dates") in fb.textLog()


def test_the_dialog_says_what_is_in_the_way_of_the_dates_folder(project, tmp_path):
    """The dialog's Run splits as caim:detectchanges does, and says so too: a file named <name>_dates in the
    way, the dates in <name>_dates_2; where Run will put them is said before with that name."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    _, export = _export(str(tmp_path))
    (tmp_path / "gee_export_dates").write_text("a file of the user's")
    project.addMapLayer(QgsRasterLayer(export, "gee_export", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        # said before the Run, too (it named gee_export_dates)
        assert "'gee_export_dates_2' beside it" in dialog.messages.text(), dialog.messages.text()
        assert dialog.split_for_run(), dialog.status.text()
        assert "'gee_export': 3 dates in %s (not in 'gee_export_dates': it is a file, not a folder)" % (
            tmp_path / "gee_export_dates_2") in dialog.status.text()
    finally:
        dialog.shutdown()
    # another project, the same raster: the dates of gee_export_dates_2 used again, and why not gee_export_dates
    project.clear()
    project.addMapLayer(QgsRasterLayer(export, "gee_export", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert dialog.split_for_run(), dialog.status.text()
        assert "'gee_export': 3 dates in %s (not in 'gee_export_dates': it is a file, not a folder)" % (
            tmp_path / "gee_export_dates_2") in dialog.status.text()
    finally:
        dialog.shutdown()


def test_caim_splitdates_into_a_file_says_so(project, tmp_path):
    """caim:splitdates's folder given as an existing file: a Python traceback (FileExistsError) in the log."""
    from qgis.core import QgsRasterLayer

    _, export = _export(str(tmp_path))
    (tmp_path / "gee_export_dates").write_text("mine")
    layer = QgsRasterLayer(export, "gee_export", "gdal")
    project.addMapLayer(layer)
    _res, ok, fb, _context = _split(project, {"INPUT": layer.id(), "OUTPUT": str(tmp_path / "gee_export_dates")})
    assert not ok and "Traceback" not in fb.textLog()
    assert "'%s' is a file, not a folder: choose a folder" % (tmp_path / "gee_export_dates") in fb.textLog()


def test_cloud_masks_of_a_multi_date_raster_are_counted_in_its_dates(project, tmp_path):
    """MASKS count the raster's dates: a count that does not fit says so (it said "2 cloud masks for 3
    layers" to a user who gave one layer), and one mask per date runs."""
    _, export = _export(str(tmp_path))
    masks = [write_raster(str(tmp_path / ("qa_%d.tif" % k)), np.zeros((1, 64, 64), np.uint8)) for k in range(3)]
    res, ok, fb = run_algorithm(dict(INPUT=[export], MASKS=masks[:2], MODEL="cva", DEVICE="CPU",
                                     **_outputs(str(tmp_path / "a"))))
    assert not ok and "2 cloud masks for 3 layers" in fb.textLog()
    assert "each date of a multi-date raster counts as one layer (3 in all, oldest first)" in fb.textLog()
    assert not os.path.exists(str(tmp_path / "gee_export_dates"))
    res, ok, fb = run_algorithm(dict(INPUT=[export], MASKS=masks[2:], MASKED_DATES="5", MODEL="cva", DEVICE="CPU",
                                     **_outputs(str(tmp_path / "a"))))
    assert not ok and "position 5 is out of range" in fb.textLog() and "(3 in all, oldest first)" in fb.textLog()
    res, ok, fb = run_algorithm(dict(INPUT=[export], MASKS=masks, MODEL="cva", DEVICE="CPU",
                                     **_outputs(str(tmp_path / "b"))))
    assert ok, fb.textLog()
    assert "mask: %s" % masks[2] in fb.textLog()


def test_a_run_refused_at_a_later_layers_split_frees_the_date_layers_of_the_first(project, tmp_path):
    """[export, another export that does not split]: the first's dates were split and read as layers
    before the second was refused. Those layers stayed alive (the failed split's frame, kept by the
    exception's traceback, held them) after their folder was removed, until QGIS closed: GDAL then printed
    'Unable to save auxiliary information in .../gee_export_dates/../gee_export.tif.aux.xml'."""
    import gc

    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    _, export = _export(str(tmp_path))
    (tmp_path / "other").mkdir()
    _, other = _export(str(tmp_path / "other"))
    ds = gdal.Open(other, gdal.GA_Update)  # 4 dates of 4, 4, 3 and 1 bands: refused
    ds.GetRasterBand(12).SetDescription("20220101T101031_20220101T101027_T32TQM_B8")
    ds = None
    res, ok, fb = run_algorithm(dict(INPUT=[export, other], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a"))))
    assert not ok and "do not split into dates of equal band counts" in fb.textLog()
    assert "'gee_export' holds 3 dates: split into" in fb.textLog()  # the first was split
    assert not os.path.exists(str(tmp_path / "gee_export_dates"))
    gc.collect()
    from qgis.PyQt import sip

    folder = str(tmp_path / "gee_export_dates")  # this test's: other tests' layers may live on, or be deleted
    # (issubclass of the type: isinstance reads every object's __class__, and torch's deprecated
    # torch.distributed.reduce_op warns when asked)
    alive = [o.source() for o in gc.get_objects()
             if issubclass(type(o), QgsRasterLayer) and not sip.isdeleted(o) and folder in o.source()]
    assert alive == []


def test_a_multi_date_layer_inside_a_zip_splits_into_the_temporary_folder(project, tmp_path):
    """A layer read from inside an archive (/vsizip/export.zip/gee_export.tif, as QGIS opens a zip) has no
    folder of its own: its dates go into QGIS's temporary folder, as caim:splitdates and the command line
    take it. It was refused: "Cannot write the dates of 'gee_export.tif' into '/vsizip/.../export.zip'"."""
    import zipfile

    from qgis.core import QgsProcessingUtils, QgsRasterLayer

    separate, export = _export(str(tmp_path))
    archive = str(tmp_path / "export.zip")
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(export, "gee_export.tif")
    os.remove(export)
    layer = QgsRasterLayer("/vsizip/%s/gee_export.tif" % archive, "zipped", "gdal")
    assert layer.isValid()
    project.addMapLayer(layer)
    ref, ok, fb = run_algorithm(dict(INPUT=separate, MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "r"))))
    assert ok, fb.textLog()
    res, ok, fb = run_algorithm(dict(INPUT=[layer.id()], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a"))))
    assert ok, fb.textLog()
    assert res["USED_DATES"] == ",".join(DATES)
    np.testing.assert_array_equal(read(res["MOMENT"]), read(ref["MOMENT"]))
    folder = os.path.join(QgsProcessingUtils.tempFolder(), "gee_export_dates")
    assert "'zipped' holds 3 dates: split into %s" % folder in fb.textLog()
    assert "'zipped' is not a file in a folder (it is inside an archive" in fb.textLog()


def test_the_dialog_splits_a_netcdf_variable_beside_its_file(project, tmp_path, monkeypatch):
    """The dialog's split of a NetCDF variable (NETCDF:"cube.nc":ndvi) writes its dates into a folder
    beside the file, as caim:detectchanges does (cube_ndvi_dates); it went to Processing's temporary folder,
    which QGIS deletes when it closes: a project saved with the date layers lost them."""
    import sys
    import types

    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    path = _cube(str(tmp_path / "cube.nc"))
    layer = QgsRasterLayer('NETCDF:"%s":ndvi' % path, "ndvi", "gdal")
    assert layer.isValid()
    project.addMapLayer(layer)
    asked = []
    monkeypatch.setitem(sys.modules, "processing", types.SimpleNamespace(
        execAlgorithmDialog=lambda alg_id, params: asked.append(dict(params)) or {}))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        assert not dialog.split_button.isHidden()
        dialog.split_button.click()
    finally:
        dialog.shutdown()
    assert asked == [{"INPUT": layer.id(), "OUTPUT": str(tmp_path / "cube_ndvi_dates")}]


def test_holds_dates_is_asked_again_when_the_file_changes(project, tmp_path):
    """inputs.holds_dates keeps its answer per file state (the dialog validates at every check): a file
    whose band names gain dates (an export written again over it) is asked again."""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    _, path = _export(str(tmp_path), names=False)
    assert not inp.holds_dates(QgsRasterLayer(path, "export", "gdal"))
    st = os.stat(path)
    ds = gdal.Open(path, gdal.GA_Update)
    for b in range(1, 13):
        ds.GetRasterBand(b).SetDescription("%sT101031_B%d" % (DATES[(b - 1) // 4].replace("-", ""), b))
    ds = None
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2 * 10 ** 9))  # a later write, however quick the test
    assert inp.holds_dates(QgsRasterLayer(path, "export", "gdal"))


def test_a_folder_that_refuses_the_dates_though_os_access_allows_them_sends_them_to_the_temporary_folder(
        project, tmp_path):
    """On Windows os.access asks no folder's permissions (a read-only network share says writable): the
    folder refusing the dates' folder is found when it is made, and the dates go into QGIS's temporary
    folder then, as for a folder os.access tells; it was refused ("Cannot write the dates of ... into").
    Root makes folders anywhere: the refusal is os.mkdir's here."""
    from unittest import mock

    from qgis.core import QgsProcessingUtils

    separate, export = _export(str(tmp_path))
    mkdir = os.mkdir

    def refused_beside_the_raster(p, *args, **kwargs):
        if os.path.dirname(os.path.abspath(p)) == str(tmp_path) and "_dates" in os.path.basename(p):
            raise PermissionError(13, "Permission denied", p)
        return mkdir(p, *args, **kwargs)

    with mock.patch("os.mkdir", refused_beside_the_raster):
        res, ok, fb = run_algorithm(dict(INPUT=[export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "o" / "a"))))
    assert ok, fb.textLog()
    assert res["USED_DATES"] == ",".join(DATES)
    folder = os.path.join(QgsProcessingUtils.tempFolder(), "gee_export_dates")
    assert "'gee_export' holds 3 dates: split into %s" % folder in fb.textLog()
    assert "'gee_export' is in a folder you cannot write to" in fb.textLog()
    assert not [e for e in os.listdir(str(tmp_path)) if "dates" in e]


def test_a_failed_run_of_a_raster_given_twice_removes_the_folder_it_made(project, tmp_path):
    """The raster given twice in INPUT: its second split uses the folder the first made in the same run,
    which counted as another run's use, so the run failing left the folder behind."""
    _, export = _export(str(tmp_path))
    params = dict(INPUT=[export, export], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "a")))
    params["AREA"] = str(tmp_path / "a" / "area.png")  # refused in its processAlgorithm: after the split
    res, ok, fb = run_algorithm(params)
    assert not ok and "area.png" in fb.textLog()
    assert not os.path.exists(str(tmp_path / "gee_export_dates"))


def test_a_whole_netcdf_cube_given_to_the_detection_says_how_to_use_it(project, tmp_path):
    """qgis_process / Processing given a NetCDF cube of several variables reads it as a vector layer (GDAL's
    netCDF vector side): the message says so and how to use the cube, not only 'a vector layer'."""
    path = _cube(str(tmp_path / "cube.nc"))
    res, ok, fb = run_algorithm(dict(INPUT=[path, path], MODEL="cva", DEVICE="CPU", **_outputs(str(tmp_path / "o"))))
    assert not ok
    log = fb.textLog()
    assert "QGIS reads a NetCDF data cube of several variables so" in log and "python -m model_core split" in log, log


def test_the_dialog_runs_a_multi_date_layer_in_one_step(project, tmp_path):
    """An export whose band names carry dates, checked alone: Run splits it into the folder caim:detectchanges
    uses (the file-safe '<name>_dates' beside it), adds the date layers in a collapsed group above it, checks
    them in its place and runs on its 3 dates; a second Run uses the same split and layers again (no
    '_dates_2', no second group), and so does caim:detectchanges on the raster."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    folder = tmp_path / "my data"
    folder.mkdir()
    _, made = _export(str(folder))
    export = str(folder / "gee export.tif")  # a space: the folder's name is made file-safe
    os.rename(made, export)
    stack = QgsRasterLayer(export, "gee export", "gdal")
    project.addMapLayer(stack)
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        text = dialog.messages.text()
        assert "'gee export' holds 3 dates, 2019-05-01 to 2021-05-01: Run first splits it" in text, text
        assert "'gee_export_dates' beside it" in text and "3 dates once split, to run with Classical CVA;" in text
        dialog.bands_edit.setText("1,2,3,7")  # told before the split, which it then does not do
        assert "Band 7 does not exist in the dates of 'gee export', which have 4 bands each: pick bands from 1 to 4." \
            in dialog.messages.text() and not dialog.run_button.isEnabled()
        dialog.bands_edit.setText("")
        dialog.folder_widget.setFilePath(str(tmp_path / "out"))
        assert dialog.run(ask=False) is not None, dialog.status.text()
        dates_dir = folder / "gee_export_dates"
        assert sorted(os.listdir(dates_dir)) == ["gee_export_%02d_%s.vrt" % (k, d) for k, d in
                                                  enumerate(DATES, start=1)]
        assert [layer.name() for layer, _ in dialog.checked()] == ["gee export %d (%s)" % (k, d)
                                                                    for k, d in enumerate(DATES, start=1)]
        root = project.layerTreeRoot()
        group = root.findGroup("gee export (dates)")
        assert group is not None and not group.isExpanded()
        assert [n.layer().name() for n in group.findLayers()] == [layer.name() for layer, _ in dialog.checked()]
        assert not any(n.itemVisibilityChecked() for n in group.findLayers())
        assert root.findLayer(stack.id()).itemVisibilityChecked()
        assert wait_for(lambda: dialog.task is None)
        assert dialog.last_results, dialog.status.text()
        assert dialog.last_results["USED_DATES"] == ",".join(DATES)
        assert os.path.exists(tmp_path / "out" / "change_moment.tif")
        # its report names the raster once, as caim:detectchanges given the raster does (it named the 3 VRTs)
        page = open(str(tmp_path / "out" / "report.html"), encoding="utf-8").read()
        assert "<th>Inputs</th><td>gee export.tif (3 dates)</td>" in page
        # and draws the map from the run's own dates (the split's VRTs, with the dialog's band mapping)
        assert page.count("<img ") == 3 and "could not be drawn" not in page
        date_ids = [layer.id() for layer, _ in dialog.checked()]
        # checked again: a second Run uses the same split and the same layers
        for i in range(dialog.layer_tree.topLevelItemCount()):
            item = dialog.layer_tree.topLevelItem(i)
            item.setCheckState(0, 2 if item.text(0) == "gee export" else 0)
        assert dialog.run(ask=False) is not None, dialog.status.text()
        assert [layer.id() for layer, _ in dialog.checked()] == date_ids
        assert wait_for(lambda: dialog.task is None) and dialog.last_results, dialog.status.text()
        assert [n for n in os.listdir(folder) if "dates" in n] == ["gee_export_dates"]
        assert len([g for g in root.findGroups() if g.name() == "gee export (dates)"]) == 1
    finally:
        dialog.shutdown()
    params = {"INPUT": [export], "MODEL": "cva", "DEVICE": "CPU", "TILE_SIZE": 64,
              "AREA": str(tmp_path / "p" / "area.tif"), "MOMENT": str(tmp_path / "p" / "moment.tif"),
              "CONFIDENCE": str(tmp_path / "p" / "confidence.tif"), "REPORT": str(tmp_path / "p" / "report.html")}
    results, ok, feedback = run_algorithm(params)
    assert ok, feedback.textLog()
    # the report names the raster, not its dates' VRTs (gee_export_01_2019-05-01.vrt, ...)
    page = open(str(tmp_path / "p" / "report.html"), encoding="utf-8").read()
    assert "<th>Inputs</th><td>gee export.tif (3 dates)</td>" in page
    assert page.count("<img ") == 3 and "First date: 2019-05-01" in page and "could not be drawn" not in page
    assert "used again" in feedback.textLog() and [n for n in os.listdir(folder) if "dates" in n] == [
        "gee_export_dates"]


def test_a_run_uses_the_split_made_from_the_menu_again(project, tmp_path):
    """caim:splitdates into its default folder (the dialog's button and the menu give it), then
    caim:detectchanges on the raster: the run uses that folder again, for a file name with a space too (the
    two named it 'my export_dates' and 'my_export_dates', so the run wrote a second folder)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.split_algorithm import default_folder

    _, made = _export(str(tmp_path))
    export = str(tmp_path / "my export.tif")
    os.rename(made, export)
    layer = QgsRasterLayer(export, "my export", "gdal")
    project.addMapLayer(layer)
    folder = default_folder(layer)
    results, ok, fb, _ = _split(project, {"INPUT": layer.id(), "OUTPUT": folder})
    assert ok, fb.textLog()
    params = {"INPUT": [layer.id()], "MODEL": "cva", "DEVICE": "CPU", "TILE_SIZE": 64,
              "AREA": str(tmp_path / "o" / "area.tif"), "MOMENT": str(tmp_path / "o" / "moment.tif"),
              "CONFIDENCE": str(tmp_path / "o" / "confidence.tif")}
    results, ok, feedback = run_algorithm(params)
    assert ok, feedback.textLog()
    assert "split into %s (used again" % folder in feedback.textLog()
    assert [n for n in os.listdir(tmp_path) if "dates" in n] == ["my_export_dates"]


def test_the_variables_of_one_cube_checked_together_are_one_series(project, tmp_path):
    """QGIS adds a NetCDF cube's variables as one layer each (NETCDF:"cube.nc":ndvi, ...:evi). Checked
    together they are one series whose dates have both variables' bands: 3 dates of 2 bands, in the
    dialog and in caim:detectchanges (they ran as 6 one-band dates, each date twice and out of order)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    path = _cube(str(tmp_path / "cube.nc"))
    layers = [QgsRasterLayer('NETCDF:"%s":%s' % (path, v), "cube %s" % v, "gdal") for v in ("ndvi", "evi")]
    assert all(layer.isValid() for layer in layers)
    project.addMapLayers(layers)
    params = {"INPUT": [layer.id() for layer in layers], "MODEL": "cva", "DEVICE": "CPU", "TILE_SIZE": 64,
              "AREA": str(tmp_path / "p" / "area.tif"), "MOMENT": str(tmp_path / "p" / "moment.tif"),
              "CONFIDENCE": str(tmp_path / "p" / "confidence.tif"), "REPORT": str(tmp_path / "p" / "report.html")}
    results, ok, feedback = run_algorithm(params)
    assert ok, feedback.textLog()
    assert results["USED_DATES"] == "2020-01-01,2021-01-01,2022-01-01", feedback.textLog()
    assert "'cube.nc (ndvi, evi)' holds 3 dates: split into %s" % (tmp_path / "cube_ndvi_evi_dates") in feedback.textLog()
    vrts = sorted(os.listdir(tmp_path / "cube_ndvi_evi_dates"))
    assert vrts == ["cube_ndvi_evi_%02d_%s.vrt" % (k, d) for k, d in
                    enumerate(("2020-01-01", "2021-01-01", "2022-01-01"), start=1)]
    assert QgsRasterLayer(str(tmp_path / "cube_ndvi_evi_dates" / vrts[0]), "d", "gdal").bandCount() == 2
    assert "<th>Inputs</th><td>cube.nc (3 dates)</td>" in open(str(tmp_path / "p" / "report.html")).read()
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        text = dialog.messages.text()
        assert "'cube.nc (ndvi, evi)' holds 3 dates, 2020-01-01 to 2022-01-01: Run first splits it" in text, text
        assert "3 dates once split" in text
        assert dialog.split_button.isHidden()  # it would split one variable alone
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        dialog.folder_widget.setFilePath(str(tmp_path / "d"))
        assert dialog.run(ask=False) is not None, dialog.status.text()
        assert [layer.name() for layer, _ in dialog.checked()] == [
            "cube %d (%s)" % (k, d) for k, d in enumerate(("2020-01-01", "2021-01-01", "2022-01-01"), start=1)]
        assert project.layerTreeRoot().findGroup("cube.nc (ndvi, evi) (dates)") is not None
        assert wait_for(lambda: dialog.task is None) and dialog.last_results, dialog.status.text()
        assert dialog.last_results["USED_DATES"] == "2020-01-01,2021-01-01,2022-01-01"
        assert "<th>Inputs</th><td>cube.nc (3 dates)</td>" in open(dialog.last_results["REPORT"]).read()
    finally:
        dialog.shutdown()


def test_the_dialog_says_when_a_one_step_run_put_the_dates_in_the_temporary_folder(project, tmp_path):
    """Run on a multi-date raster in a folder one cannot write to: its dates go to QGIS's temporary folder,
    which goes when QGIS closes; the messages say so before the run (they said 'beside it'), and the
    run's outcome says so (the split's note was at once replaced by
    'Starting…', then by the run's progress and outcome: the user was never told).  Root writes anywhere:
    the folder is told unwritable by os.access, as the split asks it."""
    from qgis.core import QgsProcessingUtils, QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    shared = tmp_path / "shared"
    shared.mkdir()
    _, export = _export(str(shared))
    project.addMapLayer(QgsRasterLayer(export, "gee_export", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        dialog.folder_widget.setFilePath(str(tmp_path / "out"))
        assert "(small VRT files in 'gee_export_dates' beside it, which read the raster)" in dialog.messages.text()
        with _not_writable(shared):
            dialog.validate()  # said before the run, where the dates will go (it said 'beside it' regardless)
            assert "(small VRT files in QGIS's temporary folder, deleted when QGIS closes, as its own folder " \
                "cannot be written to, which read the raster)" in dialog.messages.text(), dialog.messages.text()
            assert dialog.run(ask=False) is not None, dialog.status.text()
        assert all(QgsProcessingUtils.tempFolder() in inp_layer.source() for inp_layer, _ in dialog.checked())
        assert wait_for(lambda: dialog.task is None) and dialog.last_results, dialog.status.text()
        assert "'gee_export' is in a folder you cannot write to: its dates' VRTs are in QGIS's temporary folder" \
            in dialog.status.text(), dialog.status.text()
    finally:
        dialog.shutdown()
    assert [e for e in os.listdir(str(shared)) if "dates" in e] == []


def test_a_cloud_mask_on_a_multi_date_row_stops_the_run_before_the_split(project, tmp_path):
    """A cloud mask chosen in the Cloud mask cell of a multi-date raster's row: its dates' rows, which Run
    checks in its place, have no mask, so the run went without any, unsaid.  The dialog says that one mask
    cannot serve all its dates, Run stays off and nothing is split."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    _, export = _export(str(tmp_path))
    stack = QgsRasterLayer(export, "gee_export", "gdal")
    mask = QgsRasterLayer(write_raster(str(tmp_path / "qa.tif"), np.zeros((1, 64, 64), np.uint8)), "qa", "gdal")
    project.addMapLayers([stack, mask])
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        row = [item for item in dialog._items() if item.text(0) == "gee_export"][0]
        dialog.set_mask(row, mask)
        assert [m.id() for m in dialog.checked_masks()] == [mask.id()]
        text = dialog.messages.text()
        assert "'gee_export' holds several dates, and one cloud mask cannot serve them all" in text, text
        assert not dialog.run_button.isEnabled()
        dialog.folder_widget.setFilePath(str(tmp_path / "out"))
        assert dialog.run(ask=False) is None
        assert not os.path.exists(str(tmp_path / "gee_export_dates"))
        dialog.set_mask(row, None)  # emptied: Run splits and runs it, unmasked, as it says
        assert "cannot serve" not in dialog.messages.text() and dialog.run_button.isEnabled()
    finally:
        dialog.shutdown()


def test_a_one_step_run_after_date_layers_were_removed_adds_them_to_their_group_again(project, tmp_path):
    """Run on a multi-date raster, then two of its date layers removed from the project and one renamed,
    then Run on the raster again: the split is used again, the renamed layer too, and the two new date
    layers go into the raster's '(dates)' group, which still holds the third (a second group of the same
    name was added above it)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    _, export = _export(str(tmp_path))
    project.addMapLayer(QgsRasterLayer(export, "gee_export", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        dialog.folder_widget.setFilePath(str(tmp_path / "a"))
        assert dialog.run(ask=False) is not None, dialog.status.text()
        assert wait_for(lambda: dialog.task is None) and dialog.last_results, dialog.status.text()
        root = project.layerTreeRoot()
        ids = [n.layerId() for n in root.findGroup("gee_export (dates)").findLayers()]
        project.removeMapLayers(ids[:2])
        project.mapLayer(ids[2]).setName("my last date")
        dialog.refresh_layers()
        for item in dialog._items():
            item.setCheckState(0, 2 if item.text(0) == "gee_export" else 0)
        dialog.folder_widget.setFilePath(str(tmp_path / "b"))
        assert dialog.run(ask=False) is not None, dialog.status.text()
        assert [d for _, d in dialog.checked()] == list(DATES)
        groups = [g for g in root.findGroups() if g.name() == "gee_export (dates)"]
        assert len(groups) == 1, [g.name() for g in root.findGroups()]
        assert sorted(n.layer().name() for n in groups[0].findLayers()) == [
            "gee_export 1 (2019-05-01)", "gee_export 2 (2020-05-01)", "my last date"]
        assert wait_for(lambda: dialog.task is None) and dialog.last_results, dialog.status.text()
    finally:
        dialog.shutdown()


def test_the_variables_of_one_cube_with_bands_per_date_are_one_series_as_on_the_command_line(project, tmp_path):
    """The variables of one cube given together with BANDS_PER_DATE (their number: 2) are one series of 3
    dates of 2 bands, as on the command line (--bands-per-date 2); Processing split each alone, as 2 bands
    per date of its one band over 3 time steps, and refused the run."""
    from qgis.core import QgsRasterLayer

    path = _cube(str(tmp_path / "cube.nc"))
    layers = [QgsRasterLayer('NETCDF:"%s":%s' % (path, v), "cube %s" % v, "gdal") for v in ("ndvi", "evi")]
    project.addMapLayers(layers)
    params = {"INPUT": [layer.id() for layer in layers], "BANDS_PER_DATE": 2, "MODEL": "cva", "DEVICE": "CPU",
              "TILE_SIZE": 64, "AREA": str(tmp_path / "p" / "area.tif"), "MOMENT": str(tmp_path / "p" / "moment.tif"),
              "CONFIDENCE": str(tmp_path / "p" / "confidence.tif")}
    results, ok, feedback = run_algorithm(params)
    assert ok, feedback.textLog()
    assert results["USED_DATES"] == "2020-01-01,2021-01-01,2022-01-01", feedback.textLog()
    assert "'cube.nc (ndvi, evi)' holds 3 dates" in feedback.textLog()


def test_a_one_step_run_stopped_after_its_split_still_says_the_dates_went_to_the_temporary_folder(project,
                                                                                                   tmp_path):
    """Run CAIM-Net on a multi-date raster in a folder one cannot write to, whose dates hold SWIR1, NIR, red
    and green (no blue): the split goes to QGIS's temporary folder, then the series it gives is stopped (the
    network needs a blue band, which the dates' band names tell only once split).  The status says so, and
    still that the dates go when QGIS closes: it said only 'Split into dates, not run', having replaced the
    split's note that told it."""

    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    shared = tmp_path / "shared"
    shared.mkdir()
    _, export = _export(str(shared))
    ds = gdal.Open(export, gdal.GA_Update)
    for b in range(12):
        ds.GetRasterBand(b + 1).SetDescription("%s_%s" % (DATES[b // 4].replace("-", ""),
                                                          ("SWIR1", "NIR", "Red", "Green")[b % 4]))
    ds = None
    project.addMapLayer(QgsRasterLayer(export, "gee_export", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
        dialog.folder_widget.setFilePath(str(tmp_path / "out"))
        assert dialog.run_button.isEnabled(), dialog.messages.text()
        with _not_writable(shared):
            assert dialog.run(ask=False) is None
        status = dialog.status.text()
        assert "Split into dates, not run" in status, status
        assert "blue" in dialog.messages.text(), dialog.messages.text()
        assert "'gee_export' is in a folder you cannot write to: its dates' VRTs are in QGIS's temporary folder" \
            in status, status
    finally:
        dialog.shutdown()


def test_bands_beyond_the_one_band_of_a_netcdf_variables_dates_are_told_in_the_singular(project, tmp_path):
    """One NetCDF variable over time checked, Bands 1,2: its dates have one band each, which the message says
    as such ('which have 1 bands each: pick bands from 1 to 1' before)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    path = _cube(str(tmp_path / "cube.nc"))
    project.addMapLayer(QgsRasterLayer('NETCDF:"%s":ndvi' % path, "cube ndvi", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        dialog.bands_edit.setText("1,2")
        text = dialog.messages.text()
        assert "Band 2 does not exist in the dates of 'cube ndvi', which have one band each: pick band 1." in text, text
        assert not dialog.run_button.isEnabled()
    finally:
        dialog.shutdown()


def test_the_dialog_reads_which_variables_go_together_once_not_at_every_check(project, tmp_path):
    """The dialog checks the series at every edit (a key in Bands, a check box), and asks several times per
    check which checked NetCDF variables are one series: GDAL opened each variable every time (8 opens per
    check for 2 variables; a large cube's variables take long to open). Asked once per file state now."""
    from unittest import mock

    from qgis.core import QgsRasterLayer

    import model_core.stacked as stacked
    from caim_qgis_plugin.dialog import CaimDialog

    path = _cube(str(tmp_path / "cube.nc"))
    project.addMapLayers([QgsRasterLayer('NETCDF:"%s":%s' % (path, v), "cube %s" % v, "gdal") for v in ("ndvi", "evi")])
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        real, opened = stacked._has_time_axis, []
        with mock.patch.object(stacked, "_has_time_axis", lambda p: opened.append(p) or real(p)):
            dialog.bands_edit.setText("1")
            dialog.bands_edit.setText("1,2")
        assert opened == [], opened
        assert "'cube.nc (ndvi, evi)' holds 3 dates" in dialog.messages.text()
    finally:
        dialog.shutdown()


def test_layers_checked_beside_a_multi_date_raster_are_checked_before_its_split(project, tmp_path):
    """A multi-date raster checked with other scenes: the dialog told the other scenes' problems (a file
    gone, band counts that differ from the raster's dates, no common area) only after Run had split the
    raster, written its dates' VRTs and added their layers; they are told now before, and Run writes
    nothing.  A scene that fits runs as before."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    from osgeo import gdal

    separate, export = _export(str(tmp_path))
    pixels = gdal.Open(separate[2]).ReadAsArray()
    three = write_raster(str(tmp_path / "three_2022-05-01.tif"), pixels[:3])
    far = write_raster(str(tmp_path / "far_2022-05-01.tif"), pixels, gt=(900000.0, 5.0, 0, 5200000.0, 0, -5.0))
    gone = str(tmp_path / "gone_2022-05-01.tif")
    shutil.copy(separate[2], gone)
    cases = [(three, "Band counts differ ('gee_export (each date)': 4, 'scene': 3)"),
             (far, "'scene' does not overlap 'gee_export', the first checked layer"), (gone, "The file of 'scene' is gone")]
    for path, told in cases:
        project.removeAllMapLayers()
        project.addMapLayers([QgsRasterLayer(export, "gee_export", "gdal"), QgsRasterLayer(path, "scene", "gdal")])
        if path == gone:
            os.remove(gone)
        dialog = CaimDialog(None)
        try:
            dialog.refresh_layers()
            dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
            dialog.folder_widget.setFilePath(str(tmp_path / "out"))
            text = dialog.messages.text()
            assert told in text and "holds 3 dates" in text, text
            assert not dialog.run_button.isEnabled()
            assert dialog.run(ask=False) is None
        finally:
            dialog.shutdown()
        assert not os.path.exists(str(tmp_path / "gee_export_dates")), path
        assert len(project.mapLayers()) == 2
    project.removeAllMapLayers()
    project.addMapLayers([QgsRasterLayer(export, "gee_export", "gdal"),
                          QgsRasterLayer(separate[2], "later 2022-05-01", "gdal")])
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.bands_edit.setText("1,2,5")
        assert "Band 5 does not exist in any layer" in dialog.messages.text(), dialog.messages.text()
        assert dialog.messages.text().count("Band 5 does not exist") == 1  # not also for the raster's dates alone
        dialog.bands_edit.setText("")
        assert dialog.run_button.isEnabled(), dialog.messages.text()
    finally:
        dialog.shutdown()


def _dated_export(folder, name, dates, per_date, x0=500000.0):
    """A raster of ``dates`` x ``per_date`` byte bands named as Earth Engine's toBands() names them."""
    from osgeo import gdal

    rng = np.random.default_rng(len(dates) * per_date)
    array = rng.integers(1, 250, (per_date * len(dates), 64, 64)).astype(np.uint8)
    path = write_raster(os.path.join(folder, name), array, nodata=0, gt=(x0, 5.0, 0.0, 5200000.0, 0.0, -5.0))
    ds = gdal.Open(path, gdal.GA_Update)
    for b in range(per_date * len(dates)):
        day = dates[b // per_date].replace("-", "")
        ds.GetRasterBand(b + 1).SetDescription("%sT101031_%sT101027_T32TQM_B%d" % (day, day, (4, 3, 2, 8)[b % per_date]))
    ds = None
    return path


def test_two_multi_date_rasters_are_checked_together_before_their_split(project, tmp_path):
    """Two multi-date rasters checked together, whose dates have 4 and 3 bands, or that share no area: the
    dialog checked the band counts and grids before the split only for a raster beside other layers, so it
    said '4 dates once split' and enabled Run, which split both (VRTs written, date layers added) to be
    stopped then.  Told now before, and Run writes nothing; two that fit still run."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    folder = str(tmp_path)
    early = _dated_export(folder, "early.tif", ["2018-05-01", "2019-05-01"], 4)
    cases = [(_dated_export(folder, "three.tif", ["2020-05-01", "2021-05-01"], 3),
              "Band counts differ ('early.tif (each date)': 4, 'three.tif (each date)': 3)"),
             (_dated_export(folder, "far.tif", ["2020-05-01", "2021-05-01"], 4, x0=900000.0),
              "does not overlap"),
             (_dated_export(folder, "later.tif", ["2020-05-01", "2021-05-01"], 4), None)]
    for path, told in cases:
        project.removeAllMapLayers()
        project.addMapLayers([QgsRasterLayer(p, os.path.basename(p), "gdal") for p in (early, path)])
        dialog = CaimDialog(None)
        try:
            dialog.refresh_layers()
            dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
            dialog.folder_widget.setFilePath(str(tmp_path / "out"))
            text = dialog.messages.text()
            assert "'early.tif' holds 2 dates" in text, text
            if told is None:
                assert dialog.run_button.isEnabled(), text
                continue
            assert told in text, text
            assert not dialog.run_button.isEnabled()
            assert dialog.run(ask=False) is None
        finally:
            dialog.shutdown()
        assert not os.path.exists(str(tmp_path / "early_dates")), path
        assert len(project.mapLayers()) == 2


def test_layers_of_the_same_name_are_each_counted_in_the_band_check(project, tmp_path):
    """Three scenes named 'scene' (4, 3 and 4 bands): the band counts were kept by layer name, so one count
    stood for all three, the dialog said 'ready to run' and the engine refused the run; beside a multi-date
    raster likewise.  Each is counted now, named with its file."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    rng = np.random.default_rng(3)
    paths = [write_raster(str(tmp_path / ("s%d_%s.tif" % (i, date))),
                          rng.integers(1, 250, (n, 64, 64)).astype(np.uint8))
             for i, (date, n) in enumerate(zip(("2022-05-01", "2023-05-01", "2024-05-01"), (4, 3, 4)))]
    export = _dated_export(str(tmp_path), "early.tif", ["2018-05-01", "2019-05-01"], 4)
    for layers in (paths, [export] + paths[1:]):
        project.removeAllMapLayers()
        project.addMapLayers([QgsRasterLayer(p, "early" if p == export else "scene", "gdal") for p in layers])
        dialog = CaimDialog(None)
        try:
            dialog.refresh_layers()
            dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
            dialog.folder_widget.setFilePath(str(tmp_path / "out"))
            text = dialog.messages.text()
            assert "Band counts differ" in text and "'scene (s1_2023-05-01.tif)': 3" in text, text
            assert not dialog.run_button.isEnabled()
        finally:
            dialog.shutdown()


def test_bands_a_network_cannot_read_are_told_before_the_split(project, tmp_path):
    """CAIM-Net reads 4 bands (three as R, G, B with green in place of NIR): Bands 1,2 (or five numbers) is refused whatever a multi-date raster's dates
    hold, but the dialog said '3 dates once split' and Run split the raster (VRTs written, date layers added)
    to be stopped then.  Told before now, and Run writes nothing; a classical method takes them."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import CaimDialog

    export = _dated_export(str(tmp_path), "four.tif", ["2019-05-01", "2020-05-01", "2021-05-01"], 4)
    project.addMapLayer(QgsRasterLayer(export, "four", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.folder_widget.setFilePath(str(tmp_path / "out"))
        for model, bands, told in (
                ("caimnet", "1,2", "CAIM-Net uses 4 bands (red, green, blue, NIR) but Bands lists 2"),
                ("caimnet", "1,2,3,4,1", "but Bands lists 5"), ("cva", "1,2,3", None)):
            dialog.model_combo.setCurrentIndex(dialog.model_combo.findData(model))
            dialog.bands_edit.setText(bands)
            text = dialog.messages.text()
            assert "'four' holds 3 dates" in text, text
            if told is None:
                assert dialog.run_button.isEnabled(), text
                continue
            assert told in text and not dialog.run_button.isEnabled(), text
            assert dialog.run(ask=False) is None
            assert os.listdir(str(tmp_path)) == ["four.tif"] and len(project.mapLayers()) == 1
    finally:
        dialog.shutdown()


def test_a_multi_date_raster_has_no_date_of_its_own_in_the_dialog(project, tmp_path):
    """A multi-date raster named by a year ('export_2018') got that year in its Date cell, which sorted it,
    and a date typed there was dropped by the split without a word: its cell stays empty (its dates are in
    its tooltip and the messages), and a date typed into it is said not to be used."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.dialog import COL_DATE, CaimDialog

    _, export = _export(str(tmp_path))
    project.addMapLayer(QgsRasterLayer(export, "export_2018", "gdal"))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        item = dialog._items()[0]
        assert item.text(COL_DATE) == "" and "2019-05-01 to 2021-05-01" in item.toolTip(COL_DATE)
        assert "is not used" not in dialog.messages.text()
        item.setText(COL_DATE, "2018-01-01")
        dialog.validate()
        assert "The date typed for 'export_2018' is not used: it holds several dates" in dialog.messages.text()
        assert dialog.run_button.isEnabled()  # a warning: the run goes on with the raster's own dates
    finally:
        dialog.shutdown()


def test_a_model_step_s_dates_are_not_loaded_into_the_project(project, tmp_path):
    """From a power user's walk: in a graphical model caim:splitdates -> caim:detectchanges, the split's folder is
    no output of the model and the model gives it a folder of QGIS's temporary folder (generateTemporaryDestination);
    the model's steps share its context, and every date VRT of that folder was loaded into the project (gone when
    QGIS closes) with the warning about it.  Left to the temporary folder in the toolbox (TEMPORARY_OUTPUT), they
    are still loaded and warned about."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    _, export = _export(str(tmp_path))
    alg = QgsApplication.processingRegistry().algorithmById("caim:splitdates")
    for output, loaded in ((alg.parameterDefinition("OUTPUT").generateTemporaryDestination(), False),
                           ("TEMPORARY_OUTPUT", True)):
        context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
        context.setProject(QgsProject.instance())
        results, ok = alg.run({"INPUT": export, "OUTPUT": output}, context, feedback)
        assert ok, feedback.textLog()
        assert len(results["LAYERS"]) == 3
        assert len(context.layersToLoadOnCompletion()) == (3 if loaded else 0)
        assert ("temporary folder" in feedback.textLog()) == loaded
