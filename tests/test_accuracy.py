"""Accuracy assessment of a change map from a labelled stratified sample (model_core.accuracy)."""

import json
import math
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from rasters import UTM_CM, write_tif

from model_core.accuracy import assess, parse_sizes, read_map, stratified_sample
from model_core.cli import main
from model_core.errors import InputError, OutputError

EPSG, X0, Y0, PX = 32633, 500000.0, 5200000.0, 10.0


def _map(tmp_path, array, name="map.tif", categories=None):
    path = write_tif(tmp_path / name, np.asarray(array, np.uint8), nodata=255)
    if categories:
        ds = gdal.Open(path, gdal.GA_Update)
        ds.GetRasterBand(1).SetCategoryNames(categories)
        ds = None
    return path


def _points(path, rows_cols_refs, epsg=EPSG, kind=ogr.OFTInteger):
    """Points at pixel centres with a ``reference`` field of ``kind`` (None: empty)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("pts", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("reference", kind))
    for row, col, ref in rows_cols_refs:
        f = ogr.Feature(layer.GetLayerDefn())
        if ref is None:
            f.SetFieldNull("reference")
        else:
            f.SetField("reference", int(ref) if kind == ogr.OFTInteger else ref)
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(X0 + (col + 0.5) * PX, Y0 - (row + 0.5) * PX)
        f.SetGeometry(pt)
        layer.CreateFeature(f)
    ds = None
    return str(path)


def _read_sample(path):
    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    out = []
    for f in layer:
        g = f.GetGeometryRef()
        out.append((f.GetField("id"), f.GetField("map_class"), f.GetField("map_label"), f.GetField("reference"),
                    g.GetX(), g.GetY()))
    return out


def test_a_stopped_sample_leaves_no_half_file_and_keeps_the_one_it_was_to_replace(tmp_path, monkeypatch):
    """A sample run killed while writing its points left a half-written file under the sample's name (an
    empty GeoPackage and its -journal), which a later run refused as existing and which could be labelled as
    the sample; Ctrl-C there left it too, though the command said that no output was written; and with
    --overwrite the existing sample was deleted first, so a stopped run lost it.  The points are written
    beside, in a hidden folder, and moved into place once complete."""
    from model_core import accuracy

    m = np.zeros((30, 30), np.uint8)
    m[5:15, 5:15] = 1
    path = _map(tmp_path, m, categories=["no change", "2019 to 2020"])
    for ext in (".gpkg", ".shp"):
        out = str(tmp_path / f"s{ext}")
        stratified_sample(path, out, n=5)
        before = sorted(os.listdir(tmp_path))
        points = _read_sample(out)
        calls = []
        real = accuracy.MapClasses.label

        def label(self, c):
            calls.append(sorted(n for n in os.listdir(tmp_path) if not n.startswith(".")))
            if len(calls) == 3:
                raise KeyboardInterrupt
            return real(self, c)

        monkeypatch.setattr(accuracy.MapClasses, "label", label)
        with pytest.raises(KeyboardInterrupt):
            stratified_sample(path, out, n=5, seed=1, overwrite=True)
        monkeypatch.setattr(accuracy.MapClasses, "label", real)
        assert calls[-1] == before, ext  # nothing written under the sample's name while it is drawn
        assert sorted(os.listdir(tmp_path)) == before, ext  # and nothing left beside it
        assert _read_sample(out) == points, ext  # the sample it was to replace, whole
    # a new sample stopped: no file under its name, nothing beside it
    os.remove(str(tmp_path / "s.gpkg"))
    calls.clear()
    monkeypatch.setattr(accuracy.MapClasses, "label", label)
    with pytest.raises(KeyboardInterrupt):
        stratified_sample(path, str(tmp_path / "s.gpkg"), n=5)
    assert not os.path.exists(tmp_path / "s.gpkg") and not [n for n in os.listdir(tmp_path) if n.startswith(".")]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
def test_the_hidden_folders_of_killed_sample_and_polygon_runs_go_with_the_next_run(tmp_path):
    """A sample or polygons run killed on the spot (kill -9, a crash) left its hidden .caim-sample-* or
    .caim-polygons-* folder, with the half-written file, beside the output for good; one more per killed run.
    The next such run into that folder removes those no live process holds."""
    import subprocess  # nosec B404 - our own code in a child process (SIGKILL would end pytest itself)
    import sys

    from rasters import ROOT

    m = np.zeros((30, 30), np.uint8)
    m[5:15, 5:15] = 1
    path = _map(tmp_path, m, categories=["no change", "2019 to 2020"])
    for call in (f"accuracy.stratified_sample({path!r}, {str(tmp_path / 's.gpkg')!r}, n=5)",
                 f"polygons.write_polygons({path!r}, {str(tmp_path / 'p.gpkg')!r})"):
        code = ("import os, signal\n"
                "from model_core import accuracy, polygons\n"
                "def killed(*a, **k):\n"
                "    os.kill(os.getpid(), signal.SIGKILL)\n"
                "accuracy.MapClasses.label = killed\n"
                "polygons._write_features = killed\n" + call + "\n")
        run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT),  # nosec
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == -9, run.stderr
    left = sorted(n.rpartition("-")[0] for n in os.listdir(str(tmp_path)) if n.startswith("."))
    assert left == [".caim-polygons", ".caim-sample"], left
    from model_core.polygons import write_polygons

    stratified_sample(path, str(tmp_path / "s.gpkg"), n=5)
    write_polygons(path, str(tmp_path / "p.gpkg"))
    assert not [n for n in os.listdir(str(tmp_path)) if n.startswith(".")]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
def test_assess_killed_while_writing_its_json_leaves_no_half_file_under_its_name(tmp_path, capsys):
    """assess --json wrote straight into OUT: killed on the spot (kill -9) while writing, it left a half-written
    JSON under the user's name, which the next run refused as an existing file. It writes into a hidden folder
    locked for the run and moves the file into place whole; the next run removes the folder a killed one left."""
    import subprocess  # nosec B404 - our own code in a child process (SIGKILL would end pytest itself)
    import sys

    from rasters import ROOT

    m = np.zeros((40, 40), np.uint8)
    m[:10] = 1
    path = _map(tmp_path, m)
    pts = _points(tmp_path / "p.gpkg", [(1, 1, 1), (2, 2, 1), (30, 1, 0), (31, 2, 0)])
    out = tmp_path / "out"
    out.mkdir()
    target = str(out / "a.json")
    code = ("import json, os, signal\n"
            "def half(obj, f, *a, **k):\n"
            "    f.write(json.dumps(obj)[:40])\n"
            "    f.flush()\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n"
            "json.dump = half\n"
            "from model_core.cli import main\n"
            f"main(['assess', {path!r}, {pts!r}, '--json', {target!r}])\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT),  # nosec
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr
    left = os.listdir(out)
    assert len(left) == 1 and left[0].startswith(".caim-assess-"), left  # hidden, not under the JSON's name
    assert main(["assess", path, pts, "--json", target]) == 0
    assert os.listdir(out) == ["a.json"]  # the killed run's folder is gone
    with open(target) as f:
        assert json.load(f)["sample_counts"] == [[2, 0], [0, 2]]
    capsys.readouterr()


def test_sample_draws_n_pixels_of_every_class(tmp_path):
    rng = np.random.default_rng(0)
    m = rng.choice([0, 1, 2], size=(60, 80), p=[0.8, 0.15, 0.05]).astype(np.uint8)
    m[0, :3] = 3            # a tiny class: all 3 of its pixels are taken
    m[5:8, 5:8] = 255       # nodata is never sampled
    path = _map(tmp_path, m, categories=["no change", "2019 to 2020", "2020 to 2021", "2021 to 2022"])
    assert stratified_sample(path, str(tmp_path / "d.gpkg"), n=20) == {0: 80, 1: 20, 2: 20, 3: 3}
    drawn = stratified_sample(path, str(tmp_path / "s.gpkg"), n=20, sizes={0: 40}, seed=3)
    assert drawn == {0: 40, 1: 20, 2: 20, 3: 3}
    pts = _read_sample(tmp_path / "s.gpkg")
    assert len(pts) == 83 and sorted(p[0] for p in pts) == list(range(1, 84))
    cells = set()
    for _, c, label, ref, x, y in pts:
        col, row = int((x - X0) / PX), int((Y0 - y) / PX)
        assert m[row, col] == c and ref is None
        assert label == ["no change", "2019 to 2020", "2020 to 2021", "2021 to 2022"][c]
        cells.add((row, col))
    assert len(cells) == 83  # no pixel twice
    ds = gdal.OpenEx(str(tmp_path / "s.gpkg"), gdal.OF_VECTOR)  # the map is recorded (the labelling panel uses it)
    assert ds.GetLayer(0).GetMetadataItem("CAIM_MAP") == os.path.abspath(path)
    ds = None
    # the same seed gives the same sample; the file is not overwritten without asking
    stratified_sample(path, str(tmp_path / "t.gpkg"), n=20, sizes={0: 40}, seed=3)
    assert _read_sample(tmp_path / "t.gpkg") == pts
    # a Shapefile has no transactions: the same points all the same
    stratified_sample(path, str(tmp_path / "t.shp"), n=20, sizes={0: 40}, seed=3)
    assert _read_sample(tmp_path / "t.shp") == pts
    with pytest.raises(OutputError, match="already exists"):
        stratified_sample(path, str(tmp_path / "s.gpkg"))
    with pytest.raises(InputError, match="class\\(es\\) 7, which the map"):
        stratified_sample(path, str(tmp_path / "u.gpkg"), sizes={7: 5})
    assert parse_sizes("0:200, 1:50") == {0: 200, 1: 50}
    with pytest.raises(InputError, match="'0=200' is not CLASS:N"):
        parse_sizes("0=200")


def test_estimates_equal_olofssons_closed_forms(tmp_path):
    """Four classes with very unequal areas and a designed error matrix: the engine's general (ratio)
    stratified estimator gives Olofsson et al. (2014)'s closed-form estimates and standard errors."""
    n_map = {0: 200, 1: 150, 2: 3200, 3: 6450}           # map pixels per class (100 x 100 map)
    flat = np.concatenate([np.full(n, c, np.uint8) for c, n in n_map.items()])
    m = flat.reshape(100, 100)
    matrix = np.array([[66, 0, 5, 4], [0, 55, 8, 12], [1, 0, 153, 11], [2, 1, 9, 313]])
    pts = []
    for i in range(4):
        cells = np.argwhere(m == i)
        k = 0
        for j in range(4):
            for _ in range(matrix[i, j]):
                pts.append((int(cells[k][0]), int(cells[k][1]), j))
                k += 1
    pts += [(0, 0, None)] * 3  # unlabelled points are left out
    res = assess(_map(tmp_path, m), _points(tmp_path / "p.gpkg", pts))
    assert res.labelled == matrix.sum() and res.unlabelled == 3 and (res.counts == matrix).all()
    N = np.array([n_map[c] for c in range(4)], float)
    W = N / N.sum()
    ni = matrix.sum(axis=1)
    p = W[:, None] * matrix / ni[:, None]
    assert np.allclose(res.proportions, p)
    U = np.diag(matrix) / ni
    pk = p.sum(axis=0)
    P = np.diag(p) / pk
    O = np.trace(p)
    se_area = np.sqrt([(W ** 2 * (matrix[:, k] / ni) * (1 - matrix[:, k] / ni) / (ni - 1)).sum() for k in range(4)])
    se_U = np.sqrt(U * (1 - U) / (ni - 1))
    se_O = math.sqrt((W ** 2 * U * (1 - U) / (ni - 1)).sum())
    se_P = []
    for j in range(4):
        Nj = (N / ni * matrix[:, j]).sum()
        other = sum(N[i] ** 2 * matrix[i, j] / ni[i] * (1 - matrix[i, j] / ni[i]) / (ni[i] - 1)
                    for i in range(4) if i != j)
        se_P.append(math.sqrt((N[j] ** 2 * (1 - P[j]) ** 2 * U[j] * (1 - U[j]) / (ni[j] - 1) + P[j] ** 2 * other) / Nj ** 2))
    ha = sum(res.map_area[c] for c in range(4))  # the map's total area (on the ground: UTM_CM x the plane's)
    assert ha == pytest.approx(N.sum() * PX * PX * UTM_CM / 1e4)
    for c in range(4):
        assert res.area[c] == pytest.approx(pk[c] * ha, rel=1e-9)
        assert res.area_se[c] == pytest.approx(se_area[c] * ha, rel=1e-9)
        assert res.users[c] == pytest.approx(U[c]) and res.users_se[c] == pytest.approx(se_U[c], rel=1e-9)
        assert res.producers[c] == pytest.approx(P[c]) and res.producers_se[c] == pytest.approx(se_P[c], rel=1e-9)
        assert res.map_area[c] == pytest.approx(N[c] * PX * PX * UTM_CM / 1e4)
    assert res.overall == pytest.approx(O) and res.overall_se == pytest.approx(se_O, rel=1e-9)
    text = res.text()
    assert "overall accuracy 0.9" in text and "error matrix, sample counts" in text


def test_unbiased_with_honest_intervals_on_a_known_truth(tmp_path):
    """A map with omission and commission errors of a known truth: over 80 samples (the default 50 points
    where the map says changed, 200 where it says unchanged, labelled from the truth) the estimated changed area averages the true one while the map's
    count is far off, and the 95 % intervals cover it about 95 % of the time."""
    rng = np.random.default_rng(5)
    truth = np.zeros((200, 200), np.uint8)
    for _ in range(60):
        y, x = rng.integers(0, 190, 2)
        truth[y:y + rng.integers(3, 10), x:x + rng.integers(3, 10)] = 1
    m = truth.copy()
    m[(truth == 1) & (rng.random(truth.shape) < 0.4)] = 0     # 40 % of the change omitted
    m[(truth == 0) & (rng.random(truth.shape) < 0.01)] = 1    # scattered false alarms
    path = _map(tmp_path, m, categories=["unchanged", "changed"])
    other = truth.copy()                                           # another method's map of the same grid,
    other[rng.random(truth.shape) < 0.05] ^= 1                     # scored with the same sample (--strata)
    other_path = _map(tmp_path, other, name="other.tif")
    true_ha = truth.sum() * PX * PX * UTM_CM / 1e4
    estimates, covered, other_oa, diffs = [], 0, [], []
    for seed in range(80):
        sample = tmp_path / f"s{seed}.gpkg"
        stratified_sample(path, str(sample), n=50, seed=seed)  # 200 points where the map says unchanged
        labelled = [(int((Y0 - y) / PX), int((x - X0) / PX), None) for _, _, _, _, x, y in _read_sample(sample)]
        labelled = [(r, c, truth[r, c]) for r, c, _ in labelled]
        res = assess(path, _points(tmp_path / f"l{seed}.gpkg", labelled))
        res2 = assess(other_path, str(tmp_path / f"l{seed}.gpkg"), strata_path=path)
        assert res2.area == res.area and res2.strata == res.strata  # the area comes from strata and labels
        other_oa.append(res2.overall)
        diffs.append(assess(path, str(tmp_path / f"l{seed}.gpkg"), compare_path=other_path).comparison)
        estimates.append(res.area[1])
        covered += abs(res.area[1] - true_ha) <= res.ci(res.area_se[1])
    se_mean = np.std(estimates, ddof=1) / math.sqrt(len(estimates))
    assert abs(res.map_area[1] - true_ha) > 5 * se_mean           # the map's own count is biased
    assert abs(np.mean(estimates) - true_ha) < 3 * se_mean        # the estimator is not
    assert 0.85 <= covered / 80 <= 0.99  # nominal 0.95; a little under it with few missed-change points
    true_oa = float((other == truth).mean())
    assert abs(np.mean(other_oa) - true_oa) < 3 * np.std(other_oa, ddof=1) / math.sqrt(80)
    assert abs(np.mean(other_oa) - float((m == truth).mean())) > 0.02  # not the strata map's accuracy
    # the paired difference of the two maps' accuracies (--compare) is unbiased too
    true_diff = float((m == truth).mean()) - true_oa
    d = [x[1] for x in diffs]
    assert diffs[0][0] == os.path.join(tmp_path.name, "other.tif")
    assert abs(np.mean(d) - true_diff) < 3 * np.std(d, ddof=1) / math.sqrt(80)


def test_binary_assessment_of_a_moment_map_and_errors(tmp_path, capsys):
    m = np.zeros((40, 40), np.uint8)
    m[:10] = 1
    m[10:20] = 2
    path = _map(tmp_path, m)
    pts = [(r, c, 2 if r < 20 else 0) for r, c in [(1, 1), (2, 2), (12, 1), (13, 2), (30, 1), (31, 2)]]
    res = assess(path, _points(tmp_path / "p.gpkg", pts), binary=True)
    assert res.classes == [0, 1] and res.labels == {0: "unchanged", 1: "changed"}
    assert res.overall == pytest.approx(1.0) and res.area[1] == pytest.approx(res.map_area[1])
    res = assess(path, _points(tmp_path / "q.gpkg", pts))  # per interval: the 2019-ish stratum is all wrong
    assert res.users[1] == 0.0 and res.users[2] == 1.0 and res.area[1] == 0.0
    cases = [
        ([(1, 1, 1), (12, 1, 2), (13, 1, 2), (30, 1, 0), (31, 1, 0)], "has 1 labelled point"),
        ([(1, 1, None)], "No labelled point"),
    ]
    for i, (pts, message) in enumerate(cases):
        with pytest.raises(InputError, match=message):
            assess(path, _points(tmp_path / f"e{i}.gpkg", pts))
    with pytest.raises(InputError, match="no field 'ref'"):
        assess(path, _points(tmp_path / "p2.gpkg", [(1, 1, 1)]), field_name="ref")
    # the command line: sample, (label), assess with a JSON copy
    out = tmp_path / "cli.gpkg"
    assert main(["sample", path, "--out", str(out), "--n", "4", "--n-unchanged", "4", "--seed", "1"]) == 0
    assert "12 points written" in capsys.readouterr().out
    ds = ogr.Open(str(out), 1)
    layer = ds.GetLayer(0)
    for f in layer:
        f.SetField("reference", f.GetField("map_class"))
        layer.SetFeature(f)
    ds = None
    assert main(["assess", path, str(out), "--json", str(tmp_path / "a.json")]) == 0
    text = capsys.readouterr().out
    assert "overall accuracy 1.000 ± 0.000" in text
    with open(tmp_path / "a.json") as f:
        assert json.load(f)["sample_counts"] == [[4, 0, 0], [0, 4, 0], [0, 0, 4]]
    # an existing JSON is not replaced unasked; a missing folder is said before any work
    before = (tmp_path / "a.json").read_text()
    assert main(["assess", path, str(out), "--json", str(tmp_path / "a.json")]) == 2
    assert "already exists" in capsys.readouterr().err and (tmp_path / "a.json").read_text() == before
    assert main(["assess", path, str(out), "--json", str(tmp_path / "a.json"), "--overwrite"]) == 0
    assert main(["assess", path, str(out), "--json", str(tmp_path / "no" / "a.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["assess", path, str(tmp_path / "missing.gpkg")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert read_map(path).counts == {0: 800, 1: 400, 2: 400}


def test_geographic_map_areas_follow_latitude(tmp_path):
    """On a geographic grid a pixel's area shrinks with latitude: 0.001 deg pixels near 47 N are about
    111.2 m x 75.8 m; a class in the southern rows covers more area than as many pixels in the north."""
    m = np.zeros((200, 100), np.uint8)
    m[:10] = 1                      # 10 northern rows
    m[-10:] = 2                     # 10 southern rows
    path = write_tif(tmp_path / "geo.tif", m, epsg=4326, origin=(15.0, 47.1), pixel=0.001, nodata=255)
    info = read_map(path)
    per_px = info.areas_m2[0] / info.counts[0]
    assert per_px == pytest.approx(111195 * 0.001 * 111195 * 0.001 * math.cos(math.radians(47.0)), rel=0.01)
    assert info.counts[1] == info.counts[2] and info.areas_m2[2] > info.areas_m2[1] * 1.003


def test_a_sampled_pixel_stands_for_its_own_area_on_a_geographic_grid(tmp_path):
    """0.5 deg pixels from 70 N to 0: a northern pixel covers a third of an equatorial one.  Changes the
    map missed in the northern rows, every pixel labelled (a census): the estimates are the true areas
    and accuracies, which counting each sampled pixel at its stratum's mean pixel area made 70 % too
    large (change 28.8 instead of 17.0 million ha, ± 0)."""
    m = np.zeros((140, 10), np.uint8)
    m[70:72] = 1                    # mapped change near 35 N
    truth = m.copy()
    truth[:10] = 1                  # missed change, 65-70 N
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    path = write_tif(tmp_path / "geo.tif", m, epsg=4326, origin=(0.0, 70.0), pixel=0.5, nodata=255)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "p.gpkg"))
    layer = ds.CreateLayer("pts", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("reference", ogr.OFTInteger))
    for row, col in np.ndindex(*m.shape):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("reference", int(truth[row, col]))
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D((col + 0.5) * 0.5, 70.0 - (row + 0.5) * 0.5)
        f.SetGeometry(pt)
        layer.CreateFeature(f)
    ds = None
    res = assess(path, str(tmp_path / "p.gpkg"))
    # a pixel's area follows cos(latitude) (within 0.5 % on the ellipsoid), scaled to the map's class 0 area
    cos = np.cos(np.radians(70.0 - (np.arange(140) + 0.5) * 0.5))
    row_ha = cos * read_map(path).areas_m2[0] / 1e4 / (cos[:, None] * (m == 0)).sum()
    true_change = (truth * row_ha[:, None]).sum()
    assert res.area[1] == pytest.approx(true_change, rel=0.01) and res.area_se[1] == pytest.approx(0, abs=1e-6)
    true_users = 1.0  # every mapped change is change
    true_producers = (m * row_ha[:, None]).sum() / true_change
    assert res.users[1] == pytest.approx(true_users) and res.producers[1] == pytest.approx(true_producers, rel=0.01)


def test_area_estimates_add_up_to_the_map_on_a_geographic_grid(tmp_path):
    """A sample (not a census) of a map on a geographic grid from 60 N to the equator, where a pixel's area
    varies threefold: the classes' estimated areas add up to the map's area, and labels that all agree give
    that area with ± 0, as on a projected grid.  Weighting each sampled pixel by its area relative to its
    stratum's mean pixel area gave 0.2 % more than the map here (the sample's mean pixel area is not the
    stratum's) and ± 2.5 % when every label said 'no change' (seen at 0.003 % on a Landsat scene in EPSG:4326:
    209 168 ± 20 ha against 209 173 mapped, while the warning spoke of ± 0)."""
    m = np.zeros((120, 20), np.uint8)
    m[10:14, :] = 1
    m[60:66, 5:15] = 2
    m[100:104, :] = 1
    path = write_tif(tmp_path / "geo.tif", m, epsg=4326, origin=(0.0, 60.0), pixel=0.5, nodata=255)
    info = read_map(path)
    total_ha = info.total_area / 1e4
    sample = tmp_path / "s.gpkg"
    stratified_sample(path, str(sample), n=20, n_unchanged=40, seed=3)
    res = assess(path, _label_as_drawn(sample, change={1: 0, 2: 0}))  # every point: no change
    assert res.area[0] == pytest.approx(total_ha, rel=1e-9) and res.area_se[0] == pytest.approx(0, abs=1e-6)
    res = assess(path, _label_as_drawn(sample, change={0: 0, 1: 1, 2: 1}))  # class 2's points say 1
    assert sum(res.area.values()) == pytest.approx(total_ha, rel=1e-9)
    assert res.area[2] == pytest.approx(0, abs=1e-9) and res.area_se[2] == pytest.approx(0, abs=1e-9)
    # the mapped change of class 1 and 2 together, labelled changed everywhere (as 1): its area estimate is the
    # mapped area of both, with ± 0 (every point of those strata agrees; none of class 0's says change)
    mapped = (info.areas_m2[1] + info.areas_m2[2]) / 1e4
    assert res.area[1] == pytest.approx(mapped, rel=1e-9) and res.area_se[1] == pytest.approx(0, abs=1e-6)


def test_label_sheets_and_the_stored_pucallpa_labels(tmp_path):
    """tools/label_sheets.py draws one chip row per sample point (ids in order, the point's pixel in the
    chip's centre); the stored Pucallpa labels are complete and use the moment codes."""
    import sys

    from PIL import Image

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, os.path.join(root, "tools"))
    import label_sheets

    rng = np.random.default_rng(0)
    imgs = []
    for i in range(3):
        a = rng.integers(0, 50, (3, 40, 40)).astype(np.uint8)
        a[:, 12, 25] = 250 if i == 2 else 0  # one pixel turns bright on the last date
        imgs.append(write_tif(tmp_path / f"d{2001 + i}.tif", a))
    m = np.zeros((40, 40), np.uint8)
    m[12, 25] = 2
    sample = tmp_path / "s.gpkg"
    stratified_sample(_map(tmp_path, m), str(sample), n=1, n_unchanged=6, seed=0)
    assert label_sheets.main([str(sample), *imgs, "--out", str(tmp_path / "sheets"), "--per-sheet", "4",
                              "--chip", "8", "--zoom", "2"]) == 0
    sheets = sorted(os.listdir(tmp_path / "sheets"))
    assert sheets == ["sheet00.png", "sheet01.png"]
    changed = [p for p in _read_sample(sample) if p[1] == 2][0][0]  # its id
    row = (changed - 1) % 4
    sheet = np.asarray(Image.open(tmp_path / "sheets" / f"sheet{(changed - 1) // 4:02d}.png"))
    side = 16
    y = 5 + row * (side + 16) + 12 + side // 2   # the centre pixel of that row's chips
    last = 10 + 2 * (side + 4) + side // 2
    first = 10 + side // 2
    assert sheet[y, last].mean() > 200 and sheet[y, first].mean() < 60
    with open(os.path.join(root, "tools", "pucallpa_sample_labels.json"), encoding="utf-8") as f:
        points = json.load(f)["points"]
    assert [p["id"] for p in points] == list(range(1, 97))
    assert {p["reference"] for p in points} <= set(range(8)) | {None}
    assert sum(p["reference"] is not None for p in points) == 85


def test_a_map_that_misses_change_gets_a_hint(tmp_path):
    """Half of the labelled points where the map says unchanged did change: the notes say the map's change
    area is too small and what to do (and not the opposite hint)."""
    m = np.zeros((40, 40), np.uint8)
    m[30:] = 1
    path = _map(tmp_path, m)
    pts = [(r, 1, 1 if r % 2 else 0) for r in range(10)] + [(35, c, 1) for c in range(4)]
    res = assess(path, _points(tmp_path / "p.gpkg", pts), binary=True)
    assert res.users[1] == 1.0 and res.producers[1] == pytest.approx(0.25 / (0.25 + 0.75 * 0.5))
    assert any("misses more change than it invents" in n and "raise the sensitivity" in n for n in res.notes)
    assert not any("invents more change" in n for n in res.notes)


def test_text_reference_field(tmp_path):
    """Labels typed into a text field (a CSV or Shapefile column) are read as class numbers; blanks are
    unlabelled; words are refused by name."""
    m = np.zeros((20, 20), np.uint8)
    m[:5] = 1
    path = _map(tmp_path, m)

    def points(values):
        cells = [(1, 1), (2, 2), (10, 1), (11, 2), (12, 3)]
        return _points(tmp_path / f"t{len(list(tmp_path.iterdir()))}.gpkg",
                       [(r, c, v) for (r, c), v in zip(cells, values)], kind=ogr.OFTString)

    res = assess(path, points(["1", " 1 ", "0", "0", ""]))
    assert res.labelled == 4 and res.unlabelled == 1 and res.overall == pytest.approx(1.0)
    with pytest.raises(InputError, match="'changed' in field 'reference' are not class numbers"):
        assess(path, points(["changed", "1", "0", "0", "0"]))


def test_classes_the_sample_took_whole(tmp_path):
    """A one-pixel class (common for a moment map's rare intervals): the sample takes it whole, so its
    labelled point is a census (exact, no variance) and one point is enough; when that point cannot be
    labelled, nothing more can be drawn there, so the class is left out with a note and the estimates
    cover the rest of the map; a class with pixels left to draw still asks for more labels."""
    m = np.zeros((20, 20), np.uint8)
    m[:5] = 1          # 100 px changed
    m[19, 19] = 2      # one pixel of a rare interval
    path = _map(tmp_path, m)
    pts = [(r, c, 0) for r, c in ((10, 1), (11, 3), (12, 5), (13, 7), (14, 9), (15, 11))]
    pts += [(0, 1, 1), (1, 3, 1), (2, 5, 0), (3, 7, 1)]
    with_rare = assess(path, _points(tmp_path / "a.gpkg", pts + [(19, 19, 2)]))
    base = assess(path, _points(tmp_path / "b.gpkg", pts + [(19, 19, 0)]))
    # the census point moves exactly its pixel's share between classes, and adds no variance
    w = 1 / 400
    assert with_rare.area[2] == pytest.approx(w * 400 * PX * PX * UTM_CM / 1e4)
    assert with_rare.area_se[2] == pytest.approx(0.0, abs=1e-12)
    assert with_rare.overall == pytest.approx(base.overall + w)
    assert with_rare.overall_se == pytest.approx(base.overall_se)
    # unreadable, and nothing left to draw: left out, said so, and the map's other classes estimated alone
    left = assess(path, _points(tmp_path / "c.gpkg", pts + [(19, 19, None)]))
    assert any("every pixel of the class was drawn and none is labelled" in n for n in left.notes)
    alone = assess(_map(tmp_path, np.where(m == 2, 255, m), "without.tif"), _points(tmp_path / "d.gpkg", pts))
    assert left.overall == pytest.approx(alone.overall) and left.overall_se == pytest.approx(alone.overall_se)
    assert left.area[1] == pytest.approx(alone.area[1]) and left.unlabelled == 1
    # a class with more pixels than labelled points still needs two labels
    m[19, 18] = 2
    with pytest.raises(InputError, match="has 1 labelled point"):
        assess(_map(tmp_path, m, "two.tif"), _points(tmp_path / "e.gpkg", pts + [(19, 19, 2)]))


def test_changed_interval_unknown_label(tmp_path):
    """Reference -1 (changed, interval unknown): a changed point in a changed / unchanged assessment, left
    out (with a note) when intervals are assessed; other negative labels are refused."""
    m = np.zeros((20, 20), np.uint8)
    m[:5] = 1
    m[5:10] = 2
    path = _map(tmp_path, m)
    pts = [(r, c, 0) for r, c in ((12, 1), (13, 3), (14, 5), (15, 7), (16, 9))]
    pts += [(0, 1, 1), (1, 3, 1), (2, 5, 0), (6, 1, 2), (7, 3, 1), (8, 5, 2)]
    unknown = pts + [(17, 11, -1), (3, 7, -1)]
    as_one = pts + [(17, 11, 1), (3, 7, 1)]
    b = assess(path, _points(tmp_path / "u.gpkg", unknown), binary=True)
    b1 = assess(path, _points(tmp_path / "o.gpkg", as_one), binary=True)
    assert b.overall == pytest.approx(b1.overall) and b.area[1] == pytest.approx(b1.area[1])
    assert b.labelled == len(unknown) and not any("interval unknown" in n for n in b.notes)
    k = assess(path, _points(tmp_path / "u2.gpkg", unknown))
    k0 = assess(path, _points(tmp_path / "p.gpkg", pts))
    assert k.overall == pytest.approx(k0.overall) and k.labelled == len(pts)
    assert any("2 points labelled -1 (changed, interval unknown) count only when" in n for n in k.notes)
    one = assess(path, _points(tmp_path / "u1.gpkg", pts + [(17, 11, -1)]))  # one: 'counts' (was 'count')
    assert any("1 point labelled -1 (changed, interval unknown) counts only when" in n for n in one.notes), one.notes
    with pytest.raises(InputError, match="-1 = changed, interval unknown"):
        assess(path, _points(tmp_path / "bad.gpkg", pts + [(17, 11, -2)]))


def test_sample_tools_draw_their_strata_with_the_per_pixel_isfa(monkeypatch):
    """The probability samples were drawn on a map made with ISFA per pixel; since rule SCI ISFA has a
    3 x 3 context, so the sample tools make their strata map (the first map) without it, the other maps
    with the engine as shipped, and the switch is restored even when the run fails."""
    import sys

    from model_core.models.isfa import ISFA

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    monkeypatch.syspath_prepend(os.path.join(root, "tools"))
    sys.modules.pop("pucallpa_sample", None)
    from pucallpa_sample import strata_engine

    assert ISFA.context == 1
    with strata_engine(True):
        assert ISFA().context == 0 and ISFA()._context_radius() == 0
    with strata_engine(False):
        assert ISFA()._context_radius() == 1
    with pytest.raises(RuntimeError), strata_engine(True):
        raise RuntimeError("a failed run")
    assert ISFA.context == 1


def _label_as_drawn(path, change=None):
    """Fill in every point's reference with its map_class (``change``: {map_class: label} instead)."""
    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayer(0)
    for f in layer:
        c = f.GetField("map_class")
        f.SetField("reference", (change or {}).get(c, c))
        layer.SetFeature(f)
    ds = None
    return str(path)


def test_intervals_past_the_possible_range_get_a_note(tmp_path):
    """Two points in map class 1, one of them labelled 0: its user's accuracy is 0.50 ± 0.98,
    an interval from -0.48 to 1.48 (the walk through an assessment in QGIS found such a figure without a
    word): a note names it and what to do; a sample whose intervals stay within 0..1 gets no such note."""
    m = np.zeros((40, 40), np.uint8)
    m[:8] = 1
    path = _map(tmp_path, m)
    sample = tmp_path / "s.gpkg"
    stratified_sample(path, str(sample), n=2, n_unchanged=30, seed=0)
    ds = ogr.Open(str(sample), 1)
    layer = ds.GetLayer(0)
    flipped = False
    for f in layer:
        c = f.GetField("map_class")
        f.SetField("reference", 0 if c == 1 and not flipped else c)
        flipped = flipped or c == 1
        layer.SetFeature(f)
    ds = None
    res = assess(path, str(sample))
    assert res.users[1] == pytest.approx(0.5) and res.users[1] - res.ci(res.users_se[1]) < 0
    note = [n for n in res.notes if "past what is possible" in n]
    assert len(note) == 1 and "user's accuracy of 'class 1'" in note[0] and "fewest: 2 in 'class 1'" in note[0], res.notes
    good = tmp_path / "g.gpkg"
    stratified_sample(path, str(good), n=20, n_unchanged=30, seed=0)
    res = assess(path, _label_as_drawn(good, change={}))
    assert not [n for n in res.notes if "past what is possible" in n], res.notes


def test_a_sample_of_another_map_is_refused(tmp_path, capsys):
    """A sample drawn from one map and assessed against another map (no strata given) would weigh the
    estimates with the wrong strata: refused, naming the map the sample records and --strata; with that
    map as strata it runs; a point or two moved a pixel (under 2 %) is tolerated."""
    m = np.zeros((40, 40), np.uint8)
    m[:10] = 1
    m[10:20] = 2
    drawn_from = _map(tmp_path, m, "drawn.tif")
    other = _map(tmp_path, np.roll(m, 5, axis=0), "other.tif")  # another method's map of the same grid
    sample = tmp_path / "s.gpkg"
    stratified_sample(drawn_from, str(sample), n=30, n_unchanged=60, seed=1)
    _label_as_drawn(sample)
    with pytest.raises(InputError, match=r"The sample 's.gpkg' was not drawn from the map 'other.tif': at \d+ of "
                                         r"its 120 labelled points") as err:
        assess(other, str(sample))
    assert f"give '{os.path.abspath(drawn_from)}' with --strata" in str(err.value)
    assert "draw a new sample of 'other.tif'" in str(err.value)
    assert main(["assess", other, str(sample)]) == 2  # the command line says the same
    assert "was not drawn from the map 'other.tif'" in capsys.readouterr().err
    res = assess(other, str(sample), strata_path=drawn_from)
    assert res.labelled == 120
    # the strata map is named with its folder: two runs' maps share a file name (a docs audit)
    assert "strata: the classes of '%s/drawn.tif'" % tmp_path.name in " ".join(res.notes)
    with pytest.raises(InputError, match="was not drawn from the strata map 'other.tif'"):
        assess(drawn_from, str(sample), strata_path=other)
    # the map the sample records was written again since: said so
    moved = _map(tmp_path, np.roll(m, 5, axis=0), "drawn.tif")
    with pytest.raises(InputError, match="'drawn.tif' has changed since the sample 's.gpkg' was drawn from it"):
        assess(moved, str(sample))
    # a couple of points on another class (under 2 % of the labelled points): accepted
    _map(tmp_path, m, "drawn.tif")
    pts = _read_sample(sample)
    nudged = m.copy()
    for _, c, _, _, x, y in pts[:2]:
        nudged[int((Y0 - y) / PX), int((x - X0) / PX)] = (c + 1) % 3
    res = assess(_map(tmp_path, nudged, "nudged.tif"), str(sample))
    assert res.labelled == 120


def test_no_usable_label_says_why(tmp_path, capsys):
    """Labelled points that all lie off the map (a sample of another area assessed against this map) or
    that are all -1 were refused with 'Fill in the reference class of the sample's points first', though
    every point had a label: the message names the map the sample records, or --binary."""
    m = np.zeros((40, 40), np.uint8)
    m[:10] = 1
    m[10:20] = 2
    drawn_from = _map(tmp_path, m, "drawn.tif")
    elsewhere = write_tif(tmp_path / "elsewhere.tif", m, origin=(X0 + 100000.0, Y0), nodata=255)
    sample = tmp_path / "s.gpkg"
    stratified_sample(drawn_from, str(sample), n=3, n_unchanged=4, seed=1)
    _label_as_drawn(sample)
    with pytest.raises(InputError) as err:
        assess(elsewhere, str(sample))
    text = str(err.value)
    assert "its 10 labelled points lie outside the map or on its nodata" in text, text
    assert f"drawn from '{os.path.abspath(drawn_from)}', as it records: assess that map" in text, text
    assert "Fill in" not in text
    assert main(["assess", elsewhere, str(sample)]) == 2
    assert "as it records: assess that map" in capsys.readouterr().err
    unknown = _label_as_drawn(sample, {0: -1, 1: -1, 2: -1})
    with pytest.raises(InputError) as err:
        assess(drawn_from, unknown)
    text = str(err.value)
    assert "its 10 labelled points are -1 (changed, interval unknown), counted only with --binary" in text, text
    assert "Fill in" not in text
    assert assess(drawn_from, unknown, binary=True).labelled == 10


def test_the_note_on_intervals_past_the_possible_range_names_no_class_labelled_whole(tmp_path):
    """A map class the sample took whole (every pixel labelled: exact, no ± at all) was named as the class
    with the fewest points, where more points would narrow the intervals: 'fewest: 1 in 'class 2''; it names
    the class with the fewest points among those sampled now."""
    m = np.zeros((40, 40), np.uint8)
    m[:8] = 1
    m[39, 39] = 2  # one pixel: labelled, it is the whole class
    path = _map(tmp_path, m)
    pts = _points(tmp_path / "p.gpkg", [(1, 1, 1), (3, 9, 1), (6, 20, 0), (39, 39, 2),
                                        (12, 1, 0), (20, 9, 0), (28, 20, 0), (36, 30, 0)])
    res = assess(path, pts)
    note = [n for n in res.notes if "past what is possible" in n]
    assert len(note) == 1 and "user's accuracy of 'class 1'" in note[0], res.notes
    assert "fewest: 3 in 'class 1'" in note[0], note

def test_labels_all_minus_one_on_the_map_and_others_off_it_are_not_called_all_off_the_map(tmp_path):
    """Points labelled -1 on the map and others labelled off it: the message said 'No labelled point lies on
    the map: its 2 labelled points lie outside the map', though 3 labelled points lie on it; the -1 labels
    are what leaves no point to assess (--binary)."""
    m = np.zeros((40, 40), np.uint8)
    m[:10] = 1
    m[10:20] = 2
    path = _map(tmp_path, m)
    pts = _points(tmp_path / "p.gpkg", [(5, 5, -1), (15, 5, -1), (30, 5, -1), (60, 5, 1), (5, 60, 0)])
    with pytest.raises(InputError) as err:
        assess(path, pts)
    text = str(err.value)
    assert "lies on the map" not in text and "lie outside the map" not in text, text
    assert "its 3 labelled points are -1 (changed, interval unknown), counted only with --binary" in text, text
    assert "2 outside or on nodata" in text, text

def test_labels_that_are_no_class_of_the_map_are_refused(tmp_path):
    """A label 7 on a map of classes 0-2 is a typo, not a new class: refused with the value, how many points
    carry it and the map's codes (named intervals without pixels and -1 are codes)."""
    m = np.zeros((40, 40), np.uint8)
    m[:10] = 1
    m[10:20] = 2
    path = _map(tmp_path, m, categories=["no change", "a to b", "b to c", "c to d"])  # c to d: no pixel
    sample = tmp_path / "s.gpkg"
    stratified_sample(path, str(sample), n=5, n_unchanged=10, seed=0)
    with pytest.raises(InputError) as err:
        assess(path, _label_as_drawn(sample, {1: 7}))
    text = str(err.value)
    assert "Reference value 7 (5 points) in field 'reference' of 's.gpkg' is not a class of the map 'map.tif'" in text
    assert "0 = no change, 1 = a to b, 2 = b to c, 3 = c to d, -1 = changed, interval unknown" in text
    with pytest.raises(InputError, match="Reference values 7 \\(5 points\\), 9 \\(5 points\\)"):
        assess(path, _label_as_drawn(sample, {1: 7, 2: 9}))
    with pytest.raises(InputError, match="any of the others = changed"):
        assess(path, _label_as_drawn(sample, {1: 7}), binary=True)
    res = assess(path, _label_as_drawn(sample, {1: 3}))  # an interval the map names, without a pixel
    assert res.labels[3] == "c to d" and res.map_area[3] == 0
    assert assess(path, str(sample), binary=True).classes == [0, 1]


def test_one_class_labelled_warns_that_the_intervals_mean_nothing(tmp_path):
    m = np.zeros((30, 30), np.uint8)
    m[:10] = 1
    path = _map(tmp_path, m)
    sample = tmp_path / "s.gpkg"
    stratified_sample(path, str(sample), n=5, n_unchanged=10, seed=0)
    res = assess(path, _label_as_drawn(sample, {1: 0}))
    assert res.area_se[0] == 0 and len(res.warnings) == 1
    assert "every labelled point has the reference class 'class 0'" in res.warnings[0]
    assert "do not mean that the estimates are exact" in res.warnings[0]
    assert "Warning: every labelled point" in res.text() and res.to_dict()["warnings"] == res.warnings
    assert assess(path, _label_as_drawn(sample)).warnings == []


def test_classes_named_by_the_caim_metadata_without_the_aux_xml(tmp_path):
    """A CAIM map copied without its .aux.xml (where GDAL keeps category names) is still labelled from
    the intervals its own metadata records (CAIM_INTERVALS; an area map: unchanged / changed)."""
    m = np.zeros((20, 20), np.uint8)
    m[:5] = 1
    m[5:8] = 2
    moment = write_tif(tmp_path / "moment.tif", m, nodata=255, names=["change moment (k = last change ...)"])
    area = write_tif(tmp_path / "area.tif", (m > 0).astype(np.uint8), nodata=255, names=["change area (1 = changed)"])
    for path in (moment, area):
        ds = gdal.Open(path, gdal.GA_Update)
        ds.SetMetadataItem("CAIM_INTERVALS", "1985 to 2000;2000 to 2020")
        ds = None
        assert not os.path.exists(path + ".aux.xml")
    assert read_map(moment).labels == {0: "no change", 1: "1985 to 2000", 2: "2000 to 2020"}
    assert read_map(area).labels == {0: "unchanged", 1: "changed"}
    assert read_map(_map(tmp_path, m, "plain.tif")).label(1) == "class 1"


def test_rasters_that_are_no_change_map_are_refused(tmp_path, capsys):
    """An image is no change map: more than one band, values beyond 0 .. 254, or many values none named."""
    rng = np.random.default_rng(0)
    image = write_tif(tmp_path / "image.tif", rng.integers(1, 200, (4, 30, 30)).astype(np.uint8), nodata=0)
    grey = write_tif(tmp_path / "grey.tif", (np.arange(900).reshape(30, 30) % 200 + 1).astype(np.uint8), nodata=0)
    bright = write_tif(tmp_path / "bright.tif", np.full((30, 30), 255, np.uint8), nodata=0)
    for path, message in ((image, "'image.tif' has 4 bands: a change map has one"),
                          (grey, "'grey.tif' holds 200 different values (1 .. 200) and names none of them"),
                          (bright, "'bright.tif' holds the value 255: a change map's classes are 0 .. 254")):
        with pytest.raises(InputError, match=message.replace("(", "\\(").replace(")", "\\)")):
            stratified_sample(path, str(tmp_path / "s.gpkg"))
        assert main(["sample", path, "--out", str(tmp_path / "s.gpkg")]) == 2
        assert message in capsys.readouterr().err
        assert not os.path.exists(tmp_path / "s.gpkg")
    # many classes that the map names (a CAIM moment map of many dates) are a change map
    m = np.arange(900).reshape(30, 30) % 100
    named = _map(tmp_path, m, "named.tif", categories=["no change"] + [f"interval {k}" for k in range(1, 100)])
    assert len(read_map(named).classes) == 100


def test_the_estimates_name_the_classes_in_the_language_shown(tmp_path):
    """A German QGIS's accuracy summary and report named a run's classes as its map file does, in English
    ('no change', '1985 to 1990', also inside the notes), among German headings, while the layers, the
    legend and the labelling panel say 'keine Änderung', '1985 bis 1990' (seen in a German walk of the
    plugin).  Shown, the engine's class names and intervals are in the current language; the JSON record
    (to_json) and a map's own category names stay as they are."""
    from model_core import i18n

    m = np.zeros((40, 40), np.uint8)
    m[:8] = 1
    m[8:12] = 2
    path = _map(tmp_path, m, categories=["no change", "1985 to 1990", "1990 to 1995"])
    sample = tmp_path / "s.gpkg"
    stratified_sample(path, str(sample), n=2, n_unchanged=30, seed=0)
    ds = ogr.Open(str(sample), 1)
    layer = ds.GetLayer(0)
    flipped = False
    for f in layer:  # one point of class 1 labelled 0: a note on an interval past the possible range names it
        c = f.GetField("map_class")
        f.SetField("reference", 0 if c == 1 and not flipped else c)
        flipped = flipped or c == 1
        layer.SetFeature(f)
    ds = None
    before = i18n.set_language("de")
    try:
        res = assess(path, str(sample))
        text = res.text()
    finally:
        i18n.set_language(before)
    rows = [line.split("  ")[0] for line in text.splitlines()]
    assert "keine Änderung" in rows and "1985 bis 1990" in rows and "1990 bis 1995" in rows, text
    assert "no change" not in text and "1985 to 1990" not in text, text
    assert "'1985 bis 1990'" in text  # the note names the class as the table does
    record = res.to_dict()
    assert record["labels"] == {"0": "no change", "1": "1985 to 1990", "2": "1990 to 1995"}
    assert any("'1985 to 1990'" in n for n in record["notes"])  # English in the record
    shown = res.text()  # English again once the language is
    assert "no change" in shown and "'1985 to 1990'" in shown and "bis" not in shown
