"""Comparison of a change map with a wall-to-wall reference raster (model_core.compare, `compare`)."""

import csv
import math
import os

import numpy as np
import pytest
from osgeo import gdal, osr
from rasters import UTM_CM, write_tif

from model_core import metrics
from model_core.accuracy import read_map
from model_core.cli import main
from model_core.compare import compare
from model_core.errors import InputError

NAMES = ["no change", "2019 to 2020", "2020 to 2021", "2021 to 2022"]


def _tif(tmp_path, name, array, **kw):
    kw.setdefault("nodata", 255)
    return write_tif(tmp_path / name, np.asarray(array), **kw)


def _names(path, names):
    ds = gdal.Open(path, gdal.GA_Update)
    ds.GetRasterBand(1).SetCategoryNames(names)
    ds = None
    return path


def _csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["section"], r["name"]): r["value"] for r in csv.DictReader(f)}


def _map_and_mask():
    """A map with 800 changed pixels and a reference with 700: TP 600, FP 200, FN 100, TN 3900."""
    m = np.zeros((60, 80), np.uint8)
    m[:20, :40] = 1
    r = np.zeros((60, 80), np.uint8)
    r[:20, :30] = 1
    r[40:50, :10] = 1
    return m, r


def test_same_grid_exact_confusion_and_kappa(tmp_path, capsys):
    m, r = _map_and_mask()
    mp, rp = _tif(tmp_path, "map.tif", m), _tif(tmp_path, "ref.tif", r, nodata=None)
    res = compare(mp, rp)
    assert res.area_cm.tolist() == [[3900, 200], [100, 600]]  # rows reference, columns map
    a = res.area
    assert (a["tp"], a["fp"], a["fn"], a["tn"], res.compared, res.excluded_total) == (600, 200, 100, 3900, 4800, 0)
    n = 4800.0
    po = (600 + 3900) / n
    pe = (800 * 700 + 4000 * 4100) / n ** 2  # map changed x reference changed + map unchanged x reference unchanged
    assert res.kappa == pytest.approx((po - pe) / (1 - pe), abs=1e-12)
    assert res.oa == pytest.approx(po) and res.f1 == pytest.approx(2 * 600 / (800 + 700))
    assert a["precision"] == pytest.approx(0.75) and a["recall"] == pytest.approx(600 / 700)
    cm = metrics.ConfusionMatrix()
    cm.update_area(r, (m > 0).astype(np.uint8))
    assert a == cm.summary()["area"]  # the figures of evaluate on the same pixels
    assert (res.changed_ha_map, res.changed_ha_reference) == (pytest.approx(8.0 * UTM_CM), pytest.approx(7.0 * UTM_CM))
    assert res.reference_kind == "change mask" and not res.warped and res.moment is None
    small = compare(mp, rp, block_pixels=37)  # strips of one row: the same counts
    assert small.area == a and small.changed_ha_map == pytest.approx(8.0 * UTM_CM)
    assert main(["compare", mp, rp, "--csv", str(tmp_path / "c.csv")]) == 0
    out = capsys.readouterr().out
    assert f"{res.kappa:.4f}" in out and "TP 600  FP 200  FN 100  TN 3,900" in out and "co-registration" in out
    rows = _csv(tmp_path / "c.csv")
    assert float(rows[("area", "kappa")]) == pytest.approx(res.kappa, abs=1e-12)
    assert rows[("pixels", "compared")] == "4800" and float(rows[("area", "changed_ha_map")]) == pytest.approx(8.0 * UTM_CM)


def test_a_stable_reference_mapped_without_false_change(tmp_path, capsys):
    """No change in the reference nor in the map: precision, recall and F1 are 0 / 0, printed '-' and
    written empty, not 0 (the map made no error)."""
    z = np.zeros((20, 30), np.uint8)
    mp, rp = _tif(tmp_path, "map.tif", z), _tif(tmp_path, "ref.tif", z, nodata=None)
    assert main(["compare", mp, rp, "--csv", str(tmp_path / "c.csv")]) == 0
    row = [line for line in capsys.readouterr().out.splitlines() if line.startswith("map vs reference")][0]
    assert row.split()[-5:] == ["1.0000", "-", "-", "-", "1.0000"]
    rows = _csv(tmp_path / "c.csv")
    assert [rows[("area", k)] for k in ("precision", "recall", "f1")] == ["", "", ""]
    assert rows[("area", "tn")] == "600" and float(rows[("area", "oa")]) == 1.0


def test_moment_reference_per_interval_f1(tmp_path, capsys):
    rng = np.random.default_rng(1)
    ref = rng.choice(4, size=(50, 70), p=[0.7, 0.1, 0.1, 0.1]).astype(np.uint8)
    pred = ref.copy()
    flip = rng.random(ref.shape) < 0.2
    pred[flip] = rng.choice(4, size=int(flip.sum()))
    pred[:3] = 255  # map nodata
    mp = _names(_tif(tmp_path, "change_moment.tif", pred), NAMES)
    rp = _tif(tmp_path, "truth.tif", ref)
    res = compare(mp, rp)
    cm = metrics.ConfusionMatrix(4)
    cm.update(ref, pred, num_classes=4)
    expected = cm.summary()
    assert res.reference_kind == "moment map" and res.map_kind == "change moment, 3 intervals"
    assert res.moment_cm.tolist() == cm.moment.tolist() and res.moment == expected["moment"]
    assert res.area == expected["area"] and res.excluded == {"map nodata": 210, "reference nodata": 0,
                                                             "outside the reference or masked": 0}
    assert res.labels == NAMES
    for k in range(4):
        assert res.class_ha_map[k] == pytest.approx((pred == k).sum() * 100 * UTM_CM / 1e4)
        assert res.class_ha_reference[k] == pytest.approx(((ref == k) & (pred != 255)).sum() * 100 * UTM_CM / 1e4)
    text = res.text()
    f1 = expected["moment"]["f1_per_class"][2]
    assert any(line.startswith("2020 to 2021") and line.endswith(f"{f1:7.4f}") for line in text.splitlines())
    assert main(["compare", mp, rp, "--csv", str(tmp_path / "m.csv")]) == 0
    capsys.readouterr()
    rows = _csv(tmp_path / "m.csv")
    assert float(rows[("moment", "f1 2 2020 to 2021")]) == pytest.approx(f1)
    assert float(rows[("moment", "kappa")]) == pytest.approx(expected["moment"]["kappa"])
    assert rows[("confusion", "reference 1 / map 1")] == str(cm.moment[1, 1])
    # a value above the map's 3 intervals: refused, naming the file and the value
    bad = ref.copy()
    bad[10, 10] = 4
    bp = _tif(tmp_path, "ref4.tif", bad)
    with pytest.raises(InputError, match=r"'ref4.tif' holds the value 4, but the map 'change_moment.tif' has 3 "):
        compare(mp, bp)
    assert main(["compare", mp, bp, "--csv", str(tmp_path / "no.csv")]) == 2
    err = capsys.readouterr().err
    assert "ref4.tif" in err and "--binary" in err and "Traceback" not in err
    assert not os.path.exists(tmp_path / "no.csv")
    # the same reference against the run's change-area map: changed / unchanged only
    area = _names(_tif(tmp_path, "change_area.tif", np.where(pred == 255, 255, pred > 0).astype(np.uint8)),
                  ["unchanged", "changed"])
    ds = gdal.Open(area, gdal.GA_Update)
    ds.SetMetadataItem("CAIM_INTERVALS", ";".join(NAMES[1:]))
    ds = None
    res2 = compare(area, rp)
    assert res2.moment is None and res2.area == expected["area"] and res2.map_kind == "change area"
    assert any("change-area map" in n for n in res2.notes)
    with pytest.raises(InputError, match="has 3 intervals"):
        compare(area, bp)


def test_masks_0_255_and_changed_values(tmp_path):
    m, r = _map_and_mask()
    mp = _tif(tmp_path, "map.tif", m)
    base = compare(mp, _tif(tmp_path, "ref01.tif", r, nodata=None))
    res = compare(mp, _tif(tmp_path, "ref255.tif", r * 255, nodata=None))  # 0/255: a mask by itself
    assert res.reference_kind == "change mask" and res.area == base.area
    assert any("holds only 0 and 255" in n for n in res.notes)
    # 255 declared nodata: every changed pixel is left out; the note says how to count them
    nd = _tif(tmp_path, "ref255nd.tif", r * 255, nodata=255)
    res = compare(mp, nd)
    assert res.excluded["reference nodata"] == 700 and res.area["tp"] == 0
    assert any("--reference-nodata none" in n for n in res.notes)
    assert compare(mp, nd, reference_nodata="none").area == base.area
    # codes: 3 and 5 mean changed, 7 (say, a burnt area) does not
    codes = np.zeros_like(r)
    codes[:20, :30] = 3
    codes[40:50, :10] = 5
    codes[50:, 60:] = 7
    cp = _tif(tmp_path, "codes.tif", codes, nodata=None)
    with pytest.raises(InputError, match="holds the value 7.*--changed-values"):
        compare(mp, cp)  # several non-zero values: a moment reference, and 7 is no interval of the map
    res = compare(mp, cp, changed_values="3,5")
    assert res.area == base.area and res.changed_values == [3, 5] and res.reference_kind == "change mask"
    binary = compare(mp, cp, binary=True)
    assert binary.area["fn"] == base.area["fn"] + (codes == 7).sum() and binary.changed_values is None
    with pytest.raises(InputError, match="'x' is not a whole number"):
        compare(mp, cp, changed_values="3,x")


def test_nodata_and_outside_are_excluded_and_counted(tmp_path, capsys):
    m, r = _map_and_mask()
    m[0, :] = 255            # CAIM's nodata
    m[1, :5] = 254           # the map's own nodata value
    mp = _tif(tmp_path, "map.tif", m, nodata=254)
    # the reference covers columns 10 .. 79 only, on the map's CRS, and calls 9 nodata
    rr = r[:, 10:].copy()
    rr[30:35, 20:30] = 9
    rp = _tif(tmp_path, "ref.tif", rr, nodata=9, origin=(500000.0 + 100.0, 5200000.0))
    res = compare(mp, rp)
    map_nodata = 80 + 5
    outside = 10 * (60 - 2) + 5  # columns 0-9 of the rows where the map is valid
    assert res.warped and res.excluded == {"map nodata": map_nodata, "reference nodata": 50,
                                           "outside the reference or masked": outside}
    assert res.compared + res.excluded_total == 60 * 80
    valid = np.zeros(m.shape, bool)
    valid[:, 10:] = True
    valid[30:35, 30:40] = False
    valid &= (m != 255) & (m != 254)
    cm = metrics.ConfusionMatrix()
    cm.update_area(r[valid], (m[valid] > 0).astype(np.uint8))
    assert res.area == cm.summary()["area"] and res.compared == valid.sum()
    assert main(["compare", mp, rp]) == 0
    out = capsys.readouterr().out
    assert f"{res.compared:,} compared, {res.excluded_total:,} excluded (map nodata 85, reference nodata 50, " \
           f"outside the reference or masked {outside})" in out
    # --reference-nodata replaces the file's own: here 9 becomes a value, which the message explains
    with pytest.raises(InputError, match="give --reference-nodata 9"):
        compare(mp, rp, reference_nodata="none")
    assert compare(mp, _tif(tmp_path, "ref_nond.tif", rr, nodata=None, origin=(500100.0, 5200000.0)),
                   reference_nodata=9).excluded == res.excluded


def test_coarser_reference_in_another_crs(tmp_path):
    """A 10 m UTM map against a reference on a 0.0008 degree EPSG:4326 grid covering the map's west: every
    map pixel whose centre lies clearly inside one reference pixel (not within 0.2 of its width of an
    edge) is compared with that pixel's value; the others are the map's nodata here, so the counts are
    known exactly."""
    utm, wgs = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32633)
    wgs.ImportFromEPSG(4326)
    for s in (utm, wgs):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    size, x0, y0, px = 240, 500000.0, 5200000.0, 10.0
    to_geo = osr.CoordinateTransformation(utm, wgs)
    corners = np.array(to_geo.TransformPoints([(x0, y0 - size * px), (x0 + size * px, y0),
                                               (x0, y0), (x0 + size * px, y0 - size * px)]))
    deg = 0.0008
    lon0, lat0 = corners[:, 0].min() - 2 * deg, corners[:, 1].max() + 2 * deg
    cols = int((corners[:, 0].max() - lon0) / deg * 0.6)  # the reference ends ~60 % across the map
    rows = int((lat0 - corners[:, 1].min()) / deg) + 3
    rng = np.random.default_rng(5)
    ref = (rng.random((rows, cols)) < 0.3).astype(np.uint8)
    ref[5:8, 5:9] = 9
    rp = write_tif(tmp_path / "ref_4326.tif", ref, epsg=4326, origin=(lon0, lat0), pixel=deg, nodata=9)
    # where each map pixel centre falls on the reference grid
    yy, xx = np.mgrid[0:size, 0:size]
    centres = np.stack([x0 + (xx.ravel() + 0.5) * px, y0 - (yy.ravel() + 0.5) * px], axis=1)
    geo = np.array(to_geo.TransformPoints(centres))
    fc, fr = ((geo[:, 0] - lon0) / deg).reshape(size, size), ((lat0 - geo[:, 1]) / deg).reshape(size, size)

    def near_edge(f):
        frac = f - np.floor(f)
        return np.minimum(frac, 1 - frac) < 0.2

    pred = (rng.random((size, size)) < 0.3).astype(np.uint8)
    pred[near_edge(fc) | near_edge(fr)] = 255
    mp = write_tif(tmp_path / "map_utm.tif", pred, nodata=255)
    inside = (fc >= 0) & (fc < cols) & (fr >= 0) & (fr < rows)
    ref_at = np.full(pred.shape, 255, np.uint8)
    ref_at[inside] = ref[fr[inside].astype(int), fc[inside].astype(int)]
    ok = pred != 255
    res = compare(mp, rp)
    assert res.warped and res.reference_kind == "change mask"
    assert res.excluded == {"map nodata": int((~ok).sum()), "reference nodata": int((ok & (ref_at == 9)).sum()),
                            "outside the reference or masked": int((ok & ~inside).sum())}
    keep = ok & inside & (ref_at != 9)
    cm = metrics.ConfusionMatrix()
    cm.update_area(ref_at[keep], pred[keep])
    assert res.area == cm.summary()["area"] and res.compared == keep.sum() > 10000
    assert res.changed_ha_reference == pytest.approx((ref_at[keep] == 1).sum() * 100 * UTM_CM / 1e4)


def test_areas_on_a_geographic_grid_and_without_crs(tmp_path):
    m = np.zeros((200, 100), np.uint8)
    m[:10] = 1               # the northern rows: their pixels are smaller than the map's average
    mp = write_tif(tmp_path / "geo.tif", m, epsg=4326, origin=(15.0, 47.1), pixel=0.001, nodata=255)
    res = compare(mp, write_tif(tmp_path / "geo_ref.tif", m, epsg=4326, origin=(15.0, 47.1), pixel=0.001))
    assert res.changed_ha_map == pytest.approx(read_map(mp).areas_m2[1] / 1e4)  # per row, as read_map does
    assert res.changed_ha_map != pytest.approx(1000 * read_map(mp).areas_m2[0] / read_map(mp).counts[0] / 1e4,
                                               rel=1e-4)
    plain = write_tif(tmp_path / "plain.tif", m, geo=False, nodata=255)
    res = compare(plain, write_tif(tmp_path / "plain_ref.tif", m, geo=False))
    assert math.isnan(res.changed_ha_map) and "unknown (no CRS)" in res.text() and res.kappa == 1.0


def test_errors_name_the_file_exit_2_and_write_nothing(tmp_path, capsys):
    m, r = _map_and_mask()
    mp, rp = _tif(tmp_path, "map.tif", m), _tif(tmp_path, "ref.tif", r)
    garbage = tmp_path / "garbage.tif"
    garbage.write_bytes(b"not a raster" * 20)
    floats = write_tif(tmp_path / "float_map.tif", m.astype(np.float32))
    big = write_tif(tmp_path / "big_map.tif", np.where(m > 0, 300, 0).astype(np.uint16))
    far = _tif(tmp_path, "far.tif", r, origin=(600000.0, 5200000.0))
    local = write_tif(tmp_path / "local.tif", r, geo=False)
    ds = gdal.Open(local, gdal.GA_Update)
    ds.SetProjection('LOCAL_CS["site grid",UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]')
    ds.SetGeoTransform((0.0, 10.0, 0.0, 600.0, 0.0, -10.0))
    ds = None
    no_crs = write_tif(tmp_path / "no_crs.tif", r[:30], geo=False)
    inf = r.astype(np.float32)
    inf[5:9, 5:9] = np.inf  # cast to whole numbers, inf counted as a class (960 px moved the kappa)
    inf_ref = write_tif(tmp_path / "inf_ref.tif", inf)
    cases = [
        ([str(tmp_path / "missing.tif"), rp], "missing.tif' does not exist"),
        ([mp, str(garbage)], "garbage.tif' cannot be read by GDAL"),
        ([floats, rp], "'float_map.tif' holds Float32 values"),
        ([big, rp], "'big_map.tif' holds the value 300"),
        ([mp, far], "'far.tif' does not overlap the map 'map.tif'"),
        ([mp, local], "'local.tif' (site grid) cannot be transformed to the map's CRS"),
        ([mp, no_crs], "'no_crs.tif' has no CRS"),
        ([mp, inf_ref], "'inf_ref.tif' holds infinite values"),
        ([mp, rp, "--changed-values", "1,x"], "Changed value 'x'"),
        ([mp, rp, "--reference-nodata", "abc"], "Reference nodata 'abc' is not a number"),
        ([mp, rp, "--csv", str(tmp_path / "nofolder" / "c.csv")], "does not exist"),
    ]
    for args, message in cases:
        out_csv = tmp_path / "out.csv"
        extra = [] if "--csv" in args else ["--csv", str(out_csv)]
        assert main(["compare"] + args + extra) == 2, args
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, (message, err)
        assert not out_csv.exists()
    # an existing CSV is kept without --overwrite, replaced with it; no temporary file is left
    target = tmp_path / "result.csv"
    target.write_text("keep me\n")
    assert main(["compare", mp, rp, "--csv", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err and target.read_text() == "keep me\n"
    assert main(["compare", mp, rp, "--csv", str(target), "--overwrite"]) == 0
    assert _csv(target)[("pixels", "compared")] == "4800"
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".part")]
    assert main(["compare", mp, _tif(tmp_path, "empty.tif", np.full_like(r, 255))]) == 2  # all reference nodata
    assert "No pixel where both the map 'map.tif' and the reference 'empty.tif' are valid" in capsys.readouterr().err


def test_listed_in_the_top_level_help(capsys):
    assert main([]) == 2
    assert "compare" in capsys.readouterr().out


def test_a_bare_label_image_is_told_how_to_take_the_map_grid(tmp_path):
    """A reference without any georeferencing (a BMP or PNG mask) of the map's size: the message gives the
    gdal_translate command with the map's CRS and corners, and that file then compares exactly."""
    import shlex
    import subprocess  # nosec B404 -- runs gdal_translate from the message, as a user would

    m, r = _map_and_mask()
    mp = _tif(tmp_path, "map.tif", m)  # EPSG:32632 grid of the test rasters
    bare = str(tmp_path / "mask.bmp")
    gdal.GetDriverByName("BMP").CreateCopy(bare, _plain(r))
    with pytest.raises(InputError, match="no georeferencing at all") as err:
        compare(mp, bare)
    command = str(err.value).split("compare with that file: ")[1]
    assert command.startswith("gdal_translate -a_srs EPSG:")
    subprocess.run(shlex.split(command), cwd=str(tmp_path), check=True, capture_output=True)  # nosec B603
    res = compare(mp, str(tmp_path / "reference_georef.tif"))
    assert res.area_cm.tolist() == [[3900, 200], [100, 600]]


def _plain(array):
    ds = gdal.GetDriverByName("MEM").Create("", array.shape[1], array.shape[0], 1, gdal.GDT_Byte)
    ds.GetRasterBand(1).WriteArray(array)
    return ds


def test_images_are_refused_as_the_map_like_by_sample(tmp_path, capsys):
    """The map's checks are those of 'sample' (model_core.accuracy.check_classes): an image with several
    bands, or with many values none named, is no change map."""
    m, r = _map_and_mask()
    rp = _tif(tmp_path, "ref.tif", r)
    image = write_tif(tmp_path / "image.tif", np.stack([m + 1] * 4), nodata=0)
    grey = write_tif(tmp_path / "grey.tif", (np.arange(m.size).reshape(m.shape) % 150 + 1).astype(np.uint8),
                     nodata=0)
    for path, message in ((image, "'image.tif' has 4 bands: a change map has one"),
                          (grey, "'grey.tif' holds 150 different values (1 .. 150) and names none of them")):
        assert main(["compare", path, rp]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, err


def test_a_caim_area_map_without_its_aux_xml_is_an_area_map(tmp_path):
    """Copied without its .aux.xml (the category names), a CAIM change-area map still says what it is in
    its band description; its CAIM_INTERVALS do not make it a moment map."""
    m, r = _map_and_mask()
    mp = write_tif(tmp_path / "area.tif", m, nodata=255, names=["change area (1 = changed)"])
    ds = gdal.Open(mp, gdal.GA_Update)
    ds.SetMetadataItem("CAIM_INTERVALS", "2019 to 2020;2020 to 2021")
    ds = None
    assert not os.path.exists(mp + ".aux.xml")
    res = compare(mp, _tif(tmp_path, "ref.tif", r))
    assert res.map_kind == "change area"


@pytest.mark.skipif(os.name != "posix", reason="POSIX locks and signals")
def test_a_csv_of_a_killed_compare_is_removed_by_the_next_run(tmp_path, capsys):
    """compare --csv killed on the spot (kill -9, a qgis_process ended by a signal) while writing its CSV left a
    hidden '.<name>.<pid>.part' file beside it for good, one more per such run. It writes into a hidden folder
    locked for the run, as the polygons, the sample and the zones do: the next run into that folder removes
    the one a killed run left, and leaves a live run's alone."""
    import subprocess  # nosec B404 - our own code in a child process (SIGKILL would end pytest itself)
    import sys

    from rasters import ROOT

    from model_core import staging

    m, r = _map_and_mask()
    mp, rp = _tif(tmp_path, "map.tif", m), _tif(tmp_path, "ref.tif", r, nodata=None)
    out = tmp_path / "out"
    out.mkdir()
    target = str(out / "c.csv")
    code = ("import csv, os, signal\n"
            "real = csv.writer\n"
            "class Killed:\n"
            "    def __init__(self, f):\n"
            "        self.f, self.w = f, real(f)\n"
            "    def writerow(self, row):\n"
            "        self.w.writerow(row)\n"
            "    def writerows(self, rows):\n"
            "        self.w.writerows(list(rows)[:3])\n"
            "        self.f.flush()\n"
            "        os.kill(os.getpid(), signal.SIGKILL)\n"
            "csv.writer = Killed\n"
            "from model_core.cli import main\n"
            f"main(['compare', {mp!r}, {rp!r}, '--csv', {target!r}])\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT),  # nosec
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr
    left = os.listdir(out)
    assert len(left) == 1 and left[0].startswith("."), left  # hidden, not under the CSV's name
    live = out / ".caim-compare-0123456789"  # another compare writing its CSV there now
    live.mkdir()
    fd = staging.hold(str(live))
    try:
        assert main(["compare", mp, rp, "--csv", target]) == 0
        assert _csv(target)[("pixels", "compared")] == "4800"
        assert sorted(os.listdir(out)) == [live.name, "c.csv"]  # the killed run's is gone, the live one's kept
    finally:
        os.close(fd)
    assert main(["compare", mp, rp, "--csv", target, "--overwrite"]) == 0
    assert os.listdir(out) == ["c.csv"]  # its run gone: removed too
    capsys.readouterr()
