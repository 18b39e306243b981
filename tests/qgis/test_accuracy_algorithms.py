"""The accuracy-assessment algorithms through QGIS Processing: sample a change map, label, estimate."""

import json
import os

import numpy as np
import pytest

from caim_qgis_testlib import run_processing, write_raster
from rasters import UTM_CM

pytestmark = pytest.mark.qgis


_run = run_processing


def test_sample_label_and_assess_a_moment_map(project, tmp_path):
    """A 3-interval moment map whose interval 2 is really no change: the estimate moves interval 2's area
    to no change, its user's accuracy is 0, and the report and JSON carry the same figures."""
    from qgis.core import QgsVectorLayer

    m = np.zeros((80, 80), np.uint8)
    m[:10] = 1
    m[10:20] = 2
    m[20:30] = 3
    m[70:, 70:] = 255
    path = write_raster(str(tmp_path / "change_moment.tif"), m, nodata=255)
    sample = str(tmp_path / "sample.gpkg")
    results, ok, fb = _run("caim:samplechangemap", {"INPUT": path, "N": 10, "SEED": 2, "OUTPUT": sample})
    assert ok, fb.textLog()
    layer = QgsVectorLayer(results["OUTPUT"], "sample", "ogr")
    assert layer.featureCount() == 40 + 30  # 4 x 10 where the map says no change
    assert "class 0: 40 points" in fb.textLog() and "class 3: 10 points" in fb.textLog()
    # as loaded from the toolbox: the reference field offers the map's classes; the style is kept in the file
    from caim_qgis_plugin.accuracy_algorithms import SampleStyler, class_labels

    from osgeo import gdal

    ds = gdal.Open(path, 1)
    ds.GetRasterBand(1).SetCategoryNames(["no change", "a to b", "b to c", "c to d"])
    ds = None
    labels = class_labels(path)
    assert labels == {0: "no change", 1: "a to b", 2: "b to c", 3: "c to d"}
    SampleStyler(labels).postProcessLayer(layer, None, None)
    setup = layer.editorWidgetSetup(layer.fields().indexOf("reference"))
    assert setup.type() == "ValueMap" and setup.config()["map"][1] == {"1: a to b": 1}
    assert [r.filterExpression() for r in layer.renderer().rootRule().children()] == ['"reference" IS NULL', "ELSE"]
    reopened = QgsVectorLayer(results["OUTPUT"], "again", "ogr")
    assert reopened.editorWidgetSetup(reopened.fields().indexOf("reference")).type() == "ValueMap"
    field = layer.fields().indexOf("reference")
    layer.startEditing()
    for f in layer.getFeatures():  # the analyst's labels: interval 2 was really no change
        layer.changeAttributeValue(f.id(), field, 0 if f["map_class"] == 2 else f["map_class"])
    project.addMapLayer(layer)
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": path, "POINTS": layer.id(), "FIELD": "reference",
                                                   "REPORT": str(tmp_path / "r.html")})
    assert not ok and "unsaved edits" in fb.textLog()
    assert layer.commitChanges()
    # a report named for another format: refused before any work (as detectchanges' REPORT, the CLI's --report)
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": path, "POINTS": layer.id(), "FIELD": "reference",
                                                   "REPORT": str(tmp_path / "r.txt")})
    assert not ok and "Report: '%s' is written as HTML; end its name with .html or .htm." % (tmp_path / "r.txt") \
        in fb.textLog(), fb.textLog()
    assert not os.path.exists(tmp_path / "r.txt")
    # drawing again into the labelled sample would erase the labels: refused, the file untouched
    again, ok_again, fb_again = _run("caim:samplechangemap", {"INPUT": path, "N": 5, "SEED": 3, "OUTPUT": sample})
    assert not ok_again and "holds a sample with 70 labelled points" in fb_again.textLog()
    assert QgsVectorLayer(sample, "kept", "ogr").featureCount() == 70
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": path, "POINTS": layer.id(), "FIELD": "reference",
                                                   "REPORT": str(tmp_path / "r.html")})
    assert ok, fb.textLog()
    # the advice names the dialog's parameters, not the command line's options
    assert "invents more change" in results["SUMMARY"] and "--strata" not in results["SUMMARY"]
    assert "with this map as 'Map the sample was drawn from'" in results["SUMMARY"]
    est = json.loads(results["RESULTS"])
    valid_ha = (m != 255).sum() * 25 * UTM_CM / 1e4  # 5 m pixels of a UTM grid, on the ground
    assert est["estimated_area"]["2"] == 0 and est["users_accuracy"]["2"] == 0
    assert est["estimated_area"]["0"] == pytest.approx(((m == 0) | (m == 2)).sum() * 25 * UTM_CM / 1e4)
    assert sum(est["estimated_area"].values()) == pytest.approx(valid_ha)
    assert results["OVERALL_ACCURACY"] == pytest.approx(1 - (m == 2).sum() / (m != 255).sum())
    with open(results["REPORT"], encoding="utf-8") as f:
        page = f.read()
    assert "Overall accuracy: %.3f" % results["OVERALL_ACCURACY"] in page and "<table>" in page
    # another map of the same grid scored with the same sample: the areas stay, the accuracies follow it
    other = write_raster(str(tmp_path / "other_moment.tif"), np.where(m == 2, 0, m).astype(np.uint8), nodata=255)
    results2, ok, fb = _run("caim:assessaccuracy", {"MAP": other, "STRATA": path, "POINTS": layer.id(),
                                                    "FIELD": "reference"})
    assert ok, fb.textLog()
    est2 = json.loads(results2["RESULTS"])
    assert est2["estimated_area"] == {k: v for k, v in est["estimated_area"].items() if k != "2"}  # 2: 0 ha
    assert results2["OVERALL_ACCURACY"] == pytest.approx(1.0)
    results3, ok, fb = _run("caim:assessaccuracy", {"MAP": path, "COMPARE": other, "POINTS": layer.id(),
                                                    "FIELD": "reference", "REPORT": str(tmp_path / "r3.html")})
    assert ok, fb.textLog()
    cmp = json.loads(results3["RESULTS"])["comparison"]
    assert cmp["overall_accuracy_difference"] == pytest.approx(results["OVERALL_ACCURACY"] - 1.0)
    with open(tmp_path / "r3.html", encoding="utf-8") as f:
        assert "minus that of" in f.read()
    # binary: changed / unchanged only
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": path, "POINTS": layer.id(), "FIELD": "reference",
                                                   "BINARY": True})
    assert ok, fb.textLog()
    assert json.loads(results["RESULTS"])["classes"] == [0, 1]
    # too few labelled points in a class: refused by name, no report
    layer.startEditing()
    for f in layer.getFeatures():
        if f["map_class"] == 3:
            layer.changeAttributeValue(f.id(), field, None)
    assert layer.commitChanges()
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": path, "POINTS": layer.id(), "FIELD": "reference",
                                                   "REPORT": str(tmp_path / "r2.html")})
    assert not ok and "has 0 labelled points" in fb.textLog()
    assert not os.path.exists(tmp_path / "r2.html")


def test_value_map_offers_every_interval_the_map_names(qgis_app, tmp_path):
    """A moment map without a pixel of interval 1 still offers it to label (the points where the map missed
    such changes need it); GDAL 3.6 hides a GeoTIFF's category names until its metadata is read."""
    from osgeo import gdal

    from caim_qgis_plugin.accuracy_algorithms import class_labels

    m = np.zeros((20, 20), np.uint8)
    m[:5] = 2
    path = write_raster(str(tmp_path / "change_moment.tif"), m, nodata=255)
    ds = gdal.Open(path, 1)
    ds.GetRasterBand(1).SetCategoryNames(["no change", "a to b", "b to c", "c to d"])
    ds = None
    assert class_labels(path) == {0: "no change", 1: "a to b", 2: "b to c", 3: "c to d"}


def _labelled_sample(tmp_path, m, name="change_moment.tif", relabel=None):
    """(map path, sample path) of a sample drawn from ``m`` and labelled as drawn (``relabel``: {class: label})."""
    from osgeo import ogr

    path = write_raster(str(tmp_path / name), m, nodata=255)
    sample = str(tmp_path / ("sample_%s.gpkg" % name.split(".")[0]))
    results, ok, fb = _run("caim:samplechangemap", {"INPUT": path, "N": 5, "SEED": 1, "OUTPUT": sample})
    assert ok, fb.textLog()
    ds = ogr.Open(sample, 1)
    layer = ds.GetLayer(0)
    for f in layer:
        f.SetField("reference", (relabel or {}).get(f.GetField("map_class"), f.GetField("map_class")))
        layer.SetFeature(f)
    ds = None
    return path, sample


def _moment(shift=0):
    m = np.zeros((40, 40), np.uint8)
    m[:10] = 1
    m[10:20] = 2
    return np.roll(m, shift, axis=0)


def test_numbers_are_plain_and_field_defaults_to_reference(project, tmp_path):
    """OVERALL_ACCURACY, KAPPA, OA and F1 are Python floats (numpy's float64 does not convert to a QVariant:
    qgis_process printed nothing and a model could not use them), and FIELD may be left out as
    qgis_process and processing.run do (QGIS checks a mandatory field parameter's value, not its default)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    path, sample = _labelled_sample(tmp_path, _moment())
    params = {"MAP": path, "POINTS": sample}
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:assessaccuracy")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    ok, message = alg.checkParameterValues(params, context)
    assert ok, message
    results, ok, fb = _run("caim:assessaccuracy", params)
    assert ok, fb.textLog()
    assert type(results["OVERALL_ACCURACY"]) is float and results["OVERALL_ACCURACY"] == pytest.approx(1.0)
    results, ok, fb = _run("caim:comparewithreference", {"MAP": path, "REFERENCE": path})
    assert ok, fb.textLog()
    assert [type(results[k]) for k in ("KAPPA", "OA", "F1")] == [float] * 3 and results["OA"] == 1.0


def test_a_sample_of_another_map_and_labels_of_no_class_are_refused(project, tmp_path):
    """The engine's checks reach the dialog, in its words: a sample drawn from another map (points'
    map_class against the map) names that map and the advanced parameter; a label 7 on a map of classes
    0-2 is refused with the map's codes; one class labelled runs with a warning about the ± 0 intervals."""
    path, sample = _labelled_sample(tmp_path, _moment())
    other = write_raster(str(tmp_path / "other_moment.tif"), _moment(5), nodata=255)
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": other, "POINTS": sample})
    assert not ok and "was not drawn from the map 'other_moment.tif'" in fb.textLog()
    assert ("give '%s' as the advanced parameter 'Map the sample was drawn from'" % os.path.abspath(path)
            in fb.textLog()) and "--strata" not in fb.textLog()
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": other, "STRATA": path, "POINTS": sample})
    assert ok, fb.textLog()
    _, typo = _labelled_sample(tmp_path, _moment(), "typo.tif", {2: 7})
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": str(tmp_path / "typo.tif"), "POINTS": typo})
    assert not ok and "Reference value 7 (5 points)" in fb.textLog() and "Its codes: 0 = class 0" in fb.textLog()
    _, one = _labelled_sample(tmp_path, _moment(), "one.tif", {1: 0, 2: 0})
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": str(tmp_path / "one.tif"), "POINTS": one})
    assert ok, fb.textLog()
    assert "every labelled point has the reference class 'class 0'" in fb.textLog()
    assert json.loads(results["RESULTS"])["warnings"]


def test_images_and_unusable_output_folders_are_refused_without_a_traceback(project, tmp_path):
    """A 4-band image is no change map (it gave a class per grey value); an output folder under a file
    cannot be made: both said in a sentence, never a traceback."""
    image = write_raster(str(tmp_path / "image.tif"), np.random.default_rng(0).integers(1, 250, (4, 30, 30))
                         .astype(np.uint8), nodata=0)
    results, ok, fb = _run("caim:samplechangemap", {"INPUT": image, "OUTPUT": str(tmp_path / "s.gpkg")})
    assert not ok and "'image.tif' has 4 bands: a change map has one" in fb.textLog()
    path, sample = _labelled_sample(tmp_path, _moment())
    afile = str(tmp_path / "afile")
    open(afile, "w").close()
    for alg, params in (("caim:samplechangemap", {"INPUT": path, "OUTPUT": os.path.join(afile, "sub", "s.gpkg")}),
                        ("caim:assessaccuracy", {"MAP": path, "POINTS": sample,
                                                 "REPORT": os.path.join(afile, "r.html")}),
                        ("caim:comparewithreference", {"MAP": path, "REFERENCE": path,
                                                       "OUTPUT_CSV": os.path.join(afile, "sub", "c.csv")})):
        results, ok, fb = _run(alg, params)
        assert not ok, alg
        assert "Cannot create the folder" in fb.textLog() and "'%s' is a file, not a folder" % afile in fb.textLog()
        assert "Traceback" not in fb.textLog() and "FileExistsError" not in fb.textLog(), fb.textLog()


def test_a_report_cut_off_while_written_leaves_the_old_one_whole(project, tmp_path, monkeypatch):
    """The accuracy report was written straight under the user's name: a run stopped while writing it (a disk
    full here; a kill -9 likewise) left a half page there, over the previous report. It is written in a hidden
    folder beside it and moved into place whole: the old report stays as it was and no folder is left."""
    import builtins
    import errno

    path, sample = _labelled_sample(tmp_path, _moment())
    report = tmp_path / "out" / "r.html"
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": path, "POINTS": sample, "REPORT": str(report)})
    assert ok, fb.textLog()
    before = report.read_text(encoding="utf-8")
    real_open = builtins.open

    class Full:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, text):
            self.f.write(text[:40])
            self.f.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_disk(name, mode="r", *args, **kwargs):
        f = real_open(name, mode, *args, **kwargs)
        return Full(f) if "w" in mode and os.path.basename(str(name)) == "r.html" else f

    monkeypatch.setattr(builtins, "open", full_disk)
    results, ok, fb = _run("caim:assessaccuracy", {"MAP": path, "POINTS": sample, "REPORT": str(report)})
    monkeypatch.undo()
    assert not ok and "Cannot write the report" in fb.textLog() and "No space left" in fb.textLog()
    assert report.read_text(encoding="utf-8") == before
    assert os.listdir(report.parent) == ["r.html"]


def test_a_class_of_one_pixel_is_logged_as_one_point(project, tmp_path):
    """A class the map gives one pixel gets its one point, logged in the singular ("class 3: 1 point (every pixel
    of the class)"; it said "1 points")."""
    m = np.zeros((40, 40), np.uint8)
    m[:10] = 1
    m[39, 39] = 3
    path = write_raster(str(tmp_path / "change_moment.tif"), m, nodata=255)
    results, ok, fb = _run("caim:samplechangemap", {"INPUT": path, "N": 10, "SEED": 2,
                                                    "OUTPUT": str(tmp_path / "sample.gpkg")})
    assert ok, fb.textLog()
    assert "class 3: 1 point (every pixel of the class)" in fb.textLog(), fb.textLog()
    assert "class 1: 10 points" in fb.textLog() and "1 points" not in fb.textLog()


def test_a_missing_points_file_is_named(project, tmp_path):
    """A POINTS path that is no file (moved, deleted, mistyped on the qgis_process command line): QGIS said
    only "Incorrect parameter value for POINTS"; now the parameter and the path (for the rasters QGIS's own
    message names the path)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    path, sample = _labelled_sample(tmp_path, _moment())
    gone = str(tmp_path / "gone.gpkg")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:assessaccuracy")
    ok, message = alg.checkParameterValues({"MAP": path, "POINTS": gone}, context)
    assert not ok and message.startswith("POINTS: '%s' is neither a file nor a loaded layer" % gone), message
    ok, message = alg.checkParameterValues({"MAP": gone + ".tif", "POINTS": sample}, context)
    assert not ok and gone + ".tif" in message, message
    ok, message = alg.checkParameterValues({"MAP": path, "POINTS": sample}, context)
    assert ok, message


def test_labels_from_the_caim_metadata_without_the_aux_xml(qgis_app, tmp_path):
    """A moment map copied without its .aux.xml: the value map still names the intervals (CAIM_INTERVALS)."""
    from caim_qgis_plugin.accuracy_algorithms import class_labels

    path = write_raster(str(tmp_path / "copied_moment.tif"), _moment(), nodata=255,
                        metadata={"CAIM_INTERVALS": "1985 to 2000;2000 to 2020"})
    assert not os.path.exists(path + ".aux.xml")
    assert class_labels(path) == {0: "no change", 1: "1985 to 2000", 2: "2000 to 2020"}
