"""caim:comparewithreference through QGIS Processing: a change map against a reference raster."""

import csv
import os

import numpy as np
import pytest

from caim_qgis_testlib import run_processing, write_raster

pytestmark = pytest.mark.qgis


_run = run_processing


def _maps(tmp_path):
    """A 3-interval moment map (5 m, UTM 14N) and a 0/255 reference mask on a 10 m grid in EPSG:3857."""
    from osgeo import gdal

    m = np.zeros((80, 80), np.uint8)
    m[:20, :40] = 1
    m[40:50] = 3
    m[70:, 70:] = 255
    path = write_raster(str(tmp_path / "change_moment.tif"), m, nodata=255)
    ds = gdal.Open(path, 1)
    ds.GetRasterBand(1).SetCategoryNames(["no change", "a to b", "b to c", "c to d"])
    ds = None
    ref = str(tmp_path / "reference_3857.tif")
    truth = np.zeros((80, 80), np.uint8)
    truth[:25, :40] = 255
    truth[40:45] = 255
    src = write_raster(str(tmp_path / "truth_utm.tif"), truth)
    gdal.Warp(ref, src, dstSRS="EPSG:3857", xRes=10, yRes=10, resampleAlg="near")
    return path, ref


def test_compare_gives_the_kappa_of_the_command_line(project, tmp_path, capsys):
    from qgis.core import QgsRasterLayer

    from model_core.cli import main
    from model_core.compare import compare

    map_path, ref_path = _maps(tmp_path)
    layer = QgsRasterLayer(ref_path, "reference", "gdal")
    assert layer.isValid()
    project.addMapLayer(layer)
    out = str(tmp_path / "cmp.csv")
    results, ok, fb = _run("caim:comparewithreference", {"MAP": map_path, "REFERENCE": layer.id(), "OUTPUT_CSV": out})
    assert ok, fb.textLog()
    assert main(["compare", map_path, ref_path, "--csv", str(tmp_path / "cli.csv")]) == 0
    printed = capsys.readouterr().out
    with open(tmp_path / "cli.csv", newline="", encoding="utf-8") as f:
        cli = {(r["section"], r["name"]): r["value"] for r in csv.DictReader(f)}
    assert results["KAPPA"] == pytest.approx(float(cli[("area", "kappa")]), abs=1e-12)
    assert results["OA"] == pytest.approx(float(cli[("area", "oa")]), abs=1e-12)
    assert results["F1"] == pytest.approx(float(cli[("area", "f1")]), abs=1e-12)
    assert 0.5 < results["KAPPA"] < 1.0
    assert printed.startswith(results["REPORT"] + "\nCSV: ")  # the same table as the command line prints
    assert "warped onto the map's grid" in results["REPORT"] and "Changed / unchanged" in fb.textLog()
    assert results["OUTPUT_CSV"] == out
    with open(out, encoding="utf-8") as f, open(tmp_path / "cli.csv", encoding="utf-8") as g:
        assert f.read() == g.read()
    # BINARY, REFERENCE_NODATA and CHANGED_VALUES reach the engine: 255 as nodata leaves no change in the reference
    results, ok, fb = _run("caim:comparewithreference", {"MAP": map_path, "REFERENCE": ref_path, "BINARY": True,
                                                        "REFERENCE_NODATA": 255})
    assert ok, fb.textLog()
    engine = compare(map_path, ref_path, binary=True, reference_nodata=255)
    assert results["REPORT"] == engine.text() and engine.excluded["reference nodata"] > 1000
    assert results["F1"] == 0.0 and engine.area["tp"] + engine.area["fn"] == 0
    results, ok, fb = _run("caim:comparewithreference", {"MAP": map_path, "REFERENCE": ref_path,
                                                        "CHANGED_VALUES": "7"})
    assert ok, fb.textLog()
    assert "changed: 7" in results["REPORT"] and results["OUTPUT_CSV"] is None
    # an error: the engine's message, no CSV
    far = write_raster(str(tmp_path / "far.tif"), np.ones((10, 10), np.uint8),
                       gt=(900000.0, 5.0, 0.0, 5200000.0, 0.0, -5.0))
    results, ok, fb = _run("caim:comparewithreference", {"MAP": map_path, "REFERENCE": far,
                                                        "OUTPUT_CSV": str(tmp_path / "far.csv")})
    assert not ok and "'far.tif' does not overlap" in fb.textLog()
    assert not os.path.exists(tmp_path / "far.csv")


def test_registered_with_help_and_opened_on_the_newest_run(project, tmp_path):
    import types

    from qgis.core import QgsApplication

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.plugin import COMPARE_ID, CaimPlugin

    alg = QgsApplication.processingRegistry().algorithmById(COMPARE_ID)
    assert alg is not None and alg.group() == "Accuracy assessment"
    assert [p.name() for p in alg.parameterDefinitions()] == ["MAP", "REFERENCE", "BINARY", "REFERENCE_NODATA",
                                                              "CHANGED_VALUES", "OUTPUT_CSV"]
    assert {o.name() for o in alg.outputDefinitions()} >= {"KAPPA", "OA", "F1", "REPORT", "OUTPUT_CSV"}
    assert "co-registration" in alg.shortHelpString()
    map_path, _ref = _maps(tmp_path)
    added = lyr.add_run_outputs({"moment": map_path}, ["2019-05-01", "2020-05-01", "2021-05-01", "2022-05-01"],
                                {"inputs": [], "model": "cva"}, project=project)
    plugin = CaimPlugin(types.SimpleNamespace(activeLayer=lambda: None))
    assert plugin.algorithm_defaults(COMPARE_ID) == {"MAP": added["moment"].id()}
    # the sample goes beside the run by default (Processing's temporary file is deleted on exit, labels
    # and all), never onto an existing file
    from caim_qgis_plugin.plugin import SAMPLE_ID

    folder = os.path.dirname(map_path)
    assert plugin.algorithm_defaults(SAMPLE_ID)["OUTPUT"] == os.path.join(folder, "sample.gpkg")
    open(os.path.join(folder, "sample.gpkg"), "w").close()
    assert plugin.algorithm_defaults(SAMPLE_ID)["OUTPUT"] == os.path.join(folder, "sample_2.gpkg")
