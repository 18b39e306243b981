"""caim:detectchanges run through QGIS Processing on small stacks (real engine, real QgsApplication)."""

import os

import numpy as np
import pytest

from caim_qgis_testlib import make_stack, read, write_raster
from caim_qgis_testlib import run_algorithm as run_alg

pytestmark = pytest.mark.qgis


def outputs_in(folder, polygons=False, probabilities=False):
    out = {"AREA": os.path.join(folder, "area.tif"), "MOMENT": os.path.join(folder, "moment.tif"),
           "CONFIDENCE": os.path.join(folder, "conf.tif")}
    if polygons:
        out["POLYGONS"] = os.path.join(folder, "poly.gpkg")
    if probabilities:
        out["PROBABILITIES"] = os.path.join(folder, "prob.tif")
    return out


def test_provider_and_parameters(qgis_app):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("caim:detectchanges")
    assert alg.displayName() == "Detect changes in a time series"
    assert alg.provider().id() == "caim"
    names = [p.name() for p in alg.parameterDefinitions()]
    for name in ("INPUT", "DATES", "BANDS", "MODEL", "WEIGHTS", "DEVICE", "TILE_SIZE", "OVERLAP",
                 "AREA", "MOMENT", "CONFIDENCE", "POLYGONS"):
        assert name in names
    assert alg.parameterDefinition("DEVICE").options() == ["Auto", "CPU", "CUDA"]
    assert alg.parameterDefinition("POLYGONS").flags() & alg.parameterDefinition("POLYGONS").FlagOptional


def test_run_on_stack_values(finished_run):
    """The shared run (conftest.finished_run): 3 dates, 64 x 64, probabilities and polygons."""
    results = finished_run["results"]
    assert results["DEVICE_USED"] == "cpu"
    assert results["USED_DATES"] == "2019-05-01,2020-05-01,2021-05-01"
    area, moment = read(results["AREA"]), read(results["MOMENT"])
    conf, prob = read(results["CONFIDENCE"]), read(results["PROBABILITIES"])
    # nodata block of the last date -> 255 in both outputs, and only there
    assert (area[:6, :6] == 255).all() and (moment[:6, :6] == 255).all()
    valid = moment != 255
    assert (area[~valid] == 255).all()
    assert valid.sum() == 64 * 64 - 36
    # area and moment agree by construction; moments are within 0..T-1
    assert ((area[valid] == 1) == (moment[valid] != 0)).all()
    assert set(np.unique(moment[valid])) <= {0, 1, 2}
    assert ((conf[valid] >= 0) & (conf[valid] <= 1)).all()
    # probabilities: T bands summing to 1, the moment is their argmax
    from osgeo import gdal

    ds = gdal.Open(results["PROBABILITIES"])
    assert ds.RasterCount == 3
    p = ds.ReadAsArray()
    np.testing.assert_allclose(p[:, valid].sum(axis=0), 1.0, atol=1e-3)
    assert (np.argmax(p, axis=0)[valid] == moment[valid]).mean() > 0.99
    # sidecars written, styled
    for key in ("AREA", "MOMENT", "CONFIDENCE"):
        assert os.path.exists(os.path.splitext(results[key])[0] + ".qml")
    with open(os.path.splitext(results["MOMENT"])[0] + ".qml") as f:
        qml = f.read()
    assert "2019-05-01 to 2020-05-01" in qml and "2020-05-01 to 2021-05-01" in qml
    # polygons: attributes from the dates, area consistent with the moment raster (5 m pixels)
    from osgeo import ogr

    src = ogr.Open(results["POLYGONS"])
    layer = src.GetLayer(0)
    total = {}
    for feat in layer:
        k = feat.GetField("moment")
        assert k in (1, 2)
        assert (feat.GetField("date_before"), feat.GetField("date_after")) == (
            ["2019-05-01", "2020-05-01"][k - 1], ["2020-05-01", "2021-05-01"][k - 1])
        total[k] = total.get(k, 0) + feat.GetField("area_m2")
    for k in (1, 2):
        assert total.get(k, 0) == pytest.approx(25.0 * (moment == k).sum())


def test_dates_parameter_and_validation_errors(project, tmp_path):
    stack = make_stack(str(tmp_path), size=40, nodata_block=False)
    out = outputs_in(str(tmp_path / "o"))
    results, ok, fb = run_alg(dict(INPUT=stack, DATES="2001-01-01,2002-02-02", TILE_SIZE=64, **out))
    assert not ok and "DATES has 2 entries but 3 layers" in fb.textLog()
    results, ok, fb = run_alg(dict(INPUT=stack[:1], TILE_SIZE=64, **out))
    assert not ok and "at least 2" in fb.textLog()
    odd = write_raster(str(tmp_path / "three_bands.tif"), np.full((3, 40, 40), 50, np.uint8))
    results, ok, fb = run_alg(dict(INPUT=stack[:2] + [odd], TILE_SIZE=64, **out))
    assert not ok and "Band counts differ" in fb.textLog()
    assert not os.path.exists(out["AREA"])
    results, ok, fb = run_alg(dict(INPUT=stack, DATES="2001-01-01,2002-02-02,2003-03-03", DEVICE="CPU",
                                   TILE_SIZE=64, **out))
    assert ok, fb.textLog()
    assert results["USED_DATES"] == "2001-01-01,2002-02-02,2003-03-03"


def test_cancel_leaves_no_files(project, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    stack = make_stack(str(tmp_path), size=128, nodata_block=False)
    out = outputs_in(str(tmp_path / "out"), probabilities=True)
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    # cancel as soon as the first tile reports progress
    feedback.progressChanged.connect(lambda v: feedback.cancel() if v > 1 else None)
    results, ok = alg.run(dict(INPUT=stack, DEVICE="CPU", TILE_SIZE=64, **out), context, feedback)
    assert not ok
    assert feedback.isCanceled()
    leftovers = os.listdir(str(tmp_path / "out")) if os.path.isdir(str(tmp_path / "out")) else []
    assert leftovers == []


def test_any_gdal_source_vrt_envi_and_band_subset(project, tmp_path, finished_run):
    """GeoTIFF, VRT and ENVI inputs mixed, plus a 5th band dropped with BANDS: same result as the TIFFs."""
    from osgeo import gdal

    stack = make_stack(str(tmp_path))  # same data as the shared run
    vrt = str(tmp_path / "second_20200501.vrt")
    gdal.Translate(vrt, stack[1], format="VRT")
    envi = str(tmp_path / "third_20210501.bin")
    gdal.Translate(envi, stack[2], format="ENVI")
    five = str(tmp_path / "first_20190501_extra_band.tif")
    arr = gdal.Open(stack[0]).ReadAsArray()
    write_raster(five, np.concatenate([arr, np.full((1,) + arr.shape[1:], 255, np.uint8)]), nodata=0)

    ref = finished_run["results"]
    mixed = outputs_in(str(tmp_path / "mixed"))
    results, ok, fb = run_alg(dict(INPUT=[five, vrt, envi], BANDS="1,2,3,4", DEVICE="CPU", TILE_SIZE=64, **mixed))
    assert ok, fb.textLog()
    assert results["USED_DATES"] == "2019-05-01,2020-05-01,2021-05-01"
    np.testing.assert_array_equal(read(results["MOMENT"]), read(ref["MOMENT"]))
    np.testing.assert_array_equal(read(results["AREA"]), read(ref["AREA"]))


def test_obvious_change_found_when_trained_weights_exist(finished_run):
    """Only meaningful with trained weights: the bright square appearing at the 3rd date is a change
    between the 2nd and 3rd dates (moment 2), the untouched far corner is unchanged."""
    results = finished_run["results"]
    if "UNTRAINED" in results["SUMMARY"]:
        pytest.skip("no trained weights bundled: the engine runs with random weights")
    moment = read(results["MOMENT"])
    assert (moment[20:36, 20:36] == 2).mean() > 0.9
    assert (moment[48:, 48:] == 0).mean() > 0.9
