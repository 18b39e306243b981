"""Change per zone (model_core.zones, `python -m model_core zones`): hectares per polygon and interval,
on real GeoTIFFs and real vector files written with GDAL/OGR, checked against hand computations."""

import csv
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from rasters import UTM_CM, write_tif

from model_core.cli import main
from model_core.errors import Cancelled, InputError, OutputError
from model_core.zones import change_by_zones, interval_fields

X0, Y0 = 500000.0, 5200000.0          # write_tif's UTM grid: 10 m pixels, rows going south
HA = 0.01 * UTM_CM                    # one 10 m pixel on the ground near the UTM central meridian, in ha
DATES = "2019-06-01,2020-06-01,2021-06-01,2022-06-01"
INTERVALS = "2019-06-01 to 2020-06-01;2020-06-01 to 2021-06-01;2021-06-01 to 2022-06-01"


def _moment(path, array, dates=DATES, intervals=INTERVALS, **kw):
    """A change-moment map as the engine writes it: 255 nodata, the intervals and dates in its metadata."""
    kw.setdefault("nodata", 255)
    p = write_tif(path, np.asarray(array, np.uint8), **kw)
    ds = gdal.Open(p, gdal.GA_Update)
    ds.SetMetadata({"CAIM_INTERVALS": intervals, "CAIM_DATES": dates})
    ds = None
    return p


def _ring(points):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in list(points) + [points[0]]:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def _box(c0, r0, c1, r1, x0=X0, y0=Y0, px=10.0):
    """The polygon of pixel columns c0 .. c1 and rows r0 .. r1 (edges on pixel edges)."""
    xa, xb, ya, yb = x0 + c0 * px, x0 + c1 * px, y0 - r1 * px, y0 - r0 * px
    return _ring([(xa, ya), (xb, ya), (xb, yb), (xa, yb)])


def _layer_file(path, features, epsg=32633, kind=ogr.wkbPolygon, layer="zones"):
    """Write ``features`` [(name, geometry or None)] with a 'name' field; returns the path."""
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path)) if not os.path.exists(path) else \
        ogr.Open(str(path), 1)
    lyr = ds.CreateLayer(layer, srs, kind)
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, geom in features:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("name", name)
        if geom is not None:
            f.SetGeometry(geom)
        lyr.CreateFeature(f)
    ds = None
    return str(path)


def _read(path):
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    return {f.GetField("name"): f.items() for f in lyr}


def _utm_map(tmp_path):
    m = np.zeros((40, 60), np.uint8)
    m[0:5, 0:10] = 1          # 50 px, interval 1
    m[5:8, 0:10] = 3          # 30 px, interval 3
    m[18:20, 0:10] = 255      # 20 px without data
    m[12:16, 12:22] = 2       # 40 px, interval 2: 32 in A (cols < 20), all in B
    m[30:40, 40:60] = 255     # 200 px without data
    m[2:4, 30:40] = 1         # 20 px, interval 1, in D
    m[0:2, 50:52] = 3         # 4 px, interval 3, in F's first square
    return _moment(tmp_path / "change_moment.tif", m)


def test_figures_per_zone_on_a_utm_grid_by_hand(tmp_path):
    moment = _utm_map(tmp_path)
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    multi.AddGeometry(_box(50, 0, 52, 2))
    multi.AddGeometry(_box(55, 5, 57, 7))
    bowtie = _ring([(X0 + 400, Y0 - 300), (X0 + 500, Y0 - 200), (X0 + 500, Y0 - 300), (X0 + 400, Y0 - 200)])
    zones = _layer_file(tmp_path / "zones.gpkg", [
        ("A", _box(0, 0, 20, 20)), ("B", _box(10, 10, 30, 30)),       # overlapping
        ("C", _box(-10, 30, 10, 40)),                                  # half outside the map (west)
        ("E", _box(45, 32, 55, 38)),                                   # over nodata only
        ("F", multi), ("G", None), ("H", bowtie),
        ("O", _box(-50, 0, -20, 10))])                                 # wholly outside
    # D: another file, another CRS (geographic): the box of columns 30-40, rows 0-10 in lon / lat
    utm, wgs = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32633)
    wgs.ImportFromEPSG(4326)
    for s in (utm, wgs):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    d = _box(30, 0, 40, 10)
    d.Segmentize(5.0)
    d.Transform(osr.CoordinateTransformation(utm, wgs))
    other = _layer_file(tmp_path / "geo.gpkg", [("D", d)], epsg=4326)

    res = change_by_zones(moment, zones, str(tmp_path / "out.gpkg"))
    got = _read(tmp_path / "out.gpkg")
    a = got["A"]
    assert a["ha_valid"] == pytest.approx(380 * HA, rel=1e-5)
    assert a["ha_nodata"] == pytest.approx(20 * HA, rel=1e-5)
    assert a["ha_changed"] == pytest.approx(112 * HA, rel=1e-5)
    assert a["pct_changed"] == round(100 * 112 / 380, 4)
    assert [a["ha_2019_2020"], a["ha_2020_2021"], a["ha_2021_2022"]] == pytest.approx(
        [50 * HA, 32 * HA, 30 * HA], rel=1e-5)
    assert (a["most_k"], a["most_change"], a["last_k"], a["last_change"]) == (
        1, "2019-06-01 to 2020-06-01", 3, "2021-06-01 to 2022-06-01")
    assert a["zone_note"] is None
    b = got["B"]  # the 32 px A shares with it count in both
    assert (b["ha_valid"], b["ha_changed"], b["ha_2020_2021"]) == pytest.approx((400 * HA, 40 * HA, 40 * HA), rel=1e-5)
    assert (b["most_k"], b["last_k"]) == (2, 2)
    c = got["C"]
    assert (c["ha_valid"], c["ha_nodata"], c["ha_changed"], c["pct_changed"]) == pytest.approx(
        (100 * HA, 0.0, 0.0, 0.0), rel=1e-5)
    assert c["zone_note"] == "partly outside the map" and c["most_k"] is None and c["last_change"] is None
    e = got["E"]
    assert e["ha_valid"] == 0 and e["ha_nodata"] == pytest.approx(60 * HA, rel=1e-5)
    assert e["pct_changed"] is None and e["zone_note"] == "no data"
    f = got["F"]
    assert (f["ha_valid"], f["ha_2021_2022"]) == pytest.approx((8 * HA, 4 * HA), rel=1e-5)
    assert got["G"]["ha_valid"] is None and got["G"]["zone_note"] == "empty geometry"
    h = got["H"]  # two triangles of 10 x 5 px: 50 pixel centres in all (none on their edges)
    assert h["zone_note"] == "invalid geometry, repaired" and h["ha_valid"] == pytest.approx(50 * HA, rel=1e-5)
    o = got["O"]
    assert o["ha_valid"] == 0 and o["zone_note"] == "outside the map" and o["pct_changed"] is None
    assert [z.fid for z in res.zones] == list(range(1, 9))
    text = res.text()
    assert "1 zone with empty geometry (not counted) (fid 6)" in text and "1 zone outside the map (fid 8)" in text
    assert "1 zone only over nodata (fid 4)" in text and "repaired (MakeValid) and counted (fid 7)" in text
    assert "ha_2019_2020" in text and "overlapping zones each count their shared pixels" in text

    res = change_by_zones(moment, other, str(tmp_path / "d.csv"))
    assert "reprojected from WGS 84" in res.crs_note
    with open(tmp_path / "d.csv", newline="", encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["name"] == "D" and row["fid"] == "1"
    assert float(row["ha_valid"]) == pytest.approx(100 * HA, rel=1e-5)
    assert float(row["ha_2019_2020"]) == pytest.approx(20 * HA, rel=1e-5)
    assert row["pct_changed"] == "20.0" and row["ha_2020_2021"] == "0.0"
    assert row["most_change"] == "2019-06-01 to 2020-06-01" and row["zone_note"] == ""


def test_geographic_grid_areas_follow_latitude(tmp_path):
    """0.5 deg pixels from 60 to 50 deg N: a pixel is a fifth larger at the south rows than at the north ones;
    every zone's hectares are those of its rectangle on an equal-area plane (computed independently, with OGR), and strips of 7
    pixels (block_pixels) give the same figures as the whole window."""
    from model_core.stack import equal_area_transform

    m = np.zeros((20, 8), np.uint8)
    m[:, 4:] = 1
    m[15:, 6:] = 255
    px = 0.5
    kw = dict(epsg=4326, origin=(10.0, 60.0), pixel=px)
    moment = _moment(tmp_path / "m.tif", m, dates="1990,1995", intervals="1990 to 1995", **kw)
    boxes = {"north": (0, 0, 8, 5), "south": (0, 15, 8, 20), "all": (0, 0, 8, 20)}
    zones = _layer_file(tmp_path / "z.gpkg", [(k, _box(*b, x0=10.0, y0=60.0, px=px)) for k, b in boxes.items()],
                        epsg=4326)
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_plane = equal_area_transform(wgs, 12.0, 55.0)

    def ha(c0, r0, c1, r1):
        g = _box(c0, r0, c1, r1, x0=10.0, y0=60.0, px=px)
        g.Segmentize(0.01)
        g.Transform(to_plane)
        return g.GetArea() / 1e4

    for block in (1 << 22, 7):
        change_by_zones(moment, zones, str(tmp_path / f"o{block}.gpkg"), block_pixels=block)
        got = _read(tmp_path / f"o{block}.gpkg")
        n, s, a = got["north"], got["south"], got["all"]
        assert n["ha_valid"] == pytest.approx(ha(0, 0, 8, 5), rel=1e-4)
        assert n["ha_1990_1995"] == pytest.approx(ha(4, 0, 8, 5), rel=1e-4)
        assert s["ha_nodata"] == pytest.approx(ha(6, 15, 8, 20), rel=1e-4)
        assert s["ha_1990_1995"] == pytest.approx(ha(4, 15, 6, 20), rel=1e-4)
        assert a["ha_valid"] + a["ha_nodata"] == pytest.approx(ha(0, 0, 8, 20), rel=1e-4)
        # not pixel counts: the same 40 px, a fifth larger in the south (cos 51.25 deg / cos 58.75 deg)
        assert (s["ha_valid"] + s["ha_nodata"]) / n["ha_valid"] == pytest.approx(1.205, abs=0.005)


def test_a_tiling_of_the_map_adds_up_to_the_run_summary(tmp_path):
    """The zones of a tiling of a run's map (any run: CVA on a geographic grid of 3 dates) add up to the
    run summary's hectares per interval, and the fields are named by the run's dates."""
    from model_core.predict import detect

    rng = np.random.default_rng(3)
    a = rng.normal(500, 20, (4, 48, 40)).astype(np.float32)
    b = a + rng.normal(0, 20, a.shape).astype(np.float32)
    c = b + rng.normal(0, 20, a.shape).astype(np.float32)
    b[:, 5:20, 5:25] += 400
    c[:, 25:40, 10:30] += 400
    kw = dict(epsg=4326, origin=(-74.7, -8.28), pixel=0.0008)
    paths = [write_tif(tmp_path / f"s_{y}.tif", v, **kw) for y, v in (("2017", a), ("2019", b), ("2021", c))]
    res = detect(paths, out_dir=str(tmp_path / "run"), model="cva")
    assert len(res.interval_labels) == 2 and all(v > 0 for v in res.hectares.values())
    # 4 x 3 tiles, edges on pixel edges, the last ones past the map
    tiles = [(f"t{i}{j}", _box(12 * j, 16 * i, 12 * j + 12 if j < 3 else 60, 16 * i + 16,
                               x0=-74.7, y0=-8.28, px=0.0008)) for i in range(3) for j in range(4)]
    zones = _layer_file(tmp_path / "tiles.gpkg", tiles, epsg=4326)
    out = change_by_zones(res.paths["moment"], zones, str(tmp_path / "tiles_out.gpkg"))
    assert out.fields == ["ha_2017_2019", "ha_2019_2021"]
    got = _read(tmp_path / "tiles_out.gpkg")
    for field, label in zip(out.fields, res.interval_labels):
        # each to 0.01 m² in the file: 12 tiles within 12 x 0.005 m²
        assert sum(z[field] for z in got.values()) == pytest.approx(res.hectares[label], abs=6e-6)
    assert sum(z["ha_changed"] for z in got.values()) == pytest.approx(sum(res.hectares.values()), abs=6e-6)


def test_interval_field_names():
    assert interval_fields(["2019-05-01", "2020-05-01"], 1) == ["ha_2019_2020"]
    assert interval_fields(["2019-05-01", "2019-11-01", "2020-05-01"], 2) == ["ha_20190501_20191101",
                                                                              "ha_20191101_20200501"]
    assert interval_fields(["2019", "2019", "2020"], 2) == ["ha_2019_2019", "ha_2019_2020"]
    # an interval repeated (the engine's "2019 to 2020 (interval 1)"): numbered
    assert interval_fields(["2019", "2020", "2019", "2020"], 3) == ["ha_interval1", "ha_interval2", "ha_interval3"]
    assert interval_fields(["", "2020"], 1) == ["ha_interval1"]
    assert interval_fields([""], 2) == ["ha_interval1", "ha_interval2"]


def test_cli_outputs_and_refusals(tmp_path, capsys):
    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "z.gpkg", [("A", _box(0, 0, 20, 20))])
    out = tmp_path / "out.gpkg"
    assert main(["zones", moment, zones, "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Changed:  1 of 1 mapped zones" in text and "ha_2019_2020" in text and str(out) in text
    before = os.path.getmtime(out)
    assert main(["zones", moment, zones, "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err and os.path.getmtime(out) == before
    assert main(["zones", moment, zones, "--out", str(out), "--overwrite"]) == 0
    assert main(["zones", moment, zones, "--out", str(tmp_path / "z.shp")]) == 2
    assert "Shapefile cuts field names" in capsys.readouterr().err
    # an output given as zones: its fields are there already
    assert main(["zones", moment, str(out), "--out", str(tmp_path / "again.gpkg")]) == 2
    assert "already have the fields ha_valid" in capsys.readouterr().err
    # several layers: which one
    _layer_file(tmp_path / "z.gpkg", [("B", _box(10, 10, 30, 30))], layer="second")
    assert main(["zones", moment, zones, "--out", str(tmp_path / "two.gpkg")]) == 2
    assert "2 layers (zones, second): say which with --layer" in capsys.readouterr().err
    assert main(["zones", moment, zones, "--layer", "second", "--out", str(tmp_path / "two.gpkg")]) == 0
    assert list(_read(tmp_path / "two.gpkg")) == ["B"]
    pts = ogr.Geometry(ogr.wkbPoint)
    pts.AddPoint_2D(X0 + 5, Y0 - 5)
    points = _layer_file(tmp_path / "p.gpkg", [("p", pts)], kind=ogr.wkbPoint)
    assert main(["zones", moment, points, "--out", str(tmp_path / "p_out.gpkg")]) == 2
    assert "hold points, not polygons" in capsys.readouterr().err
    area = write_tif(tmp_path / "change_area.tif", np.zeros((4, 4), np.uint8), nodata=255)
    ds = gdal.Open(area, gdal.GA_Update)
    ds.GetRasterBand(1).SetCategoryNames(["unchanged", "changed"])
    ds = None
    assert main(["zones", area, zones, "--out", str(tmp_path / "a.gpkg")]) == 2
    assert "change-area map" in capsys.readouterr().err
    assert main(["zones", str(tmp_path / "nope.tif"), zones, "--out", str(tmp_path / "n.gpkg")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert sorted(p for p in os.listdir(tmp_path) if p.startswith(".")) == []  # no temporary file left


def test_cancel_and_errors_leave_nothing(tmp_path):
    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "z.gpkg", [(str(i), _box(i, 0, i + 5, 5)) for i in range(40)])
    out = tmp_path / "out.gpkg"
    calls = []
    with pytest.raises(Cancelled):
        change_by_zones(moment, zones, str(out), cancel=lambda: len(calls) > 20,
                        progress=lambda f: calls.extend([f] * 16))
    assert not os.path.exists(out) and sorted(os.listdir(tmp_path)) == ["change_moment.tif", "z.gpkg"]
    seen = []
    change_by_zones(moment, zones, str(out), progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen) and len(_read(out)) == 40
    bad = np.zeros((40, 60), np.uint8)
    bad[0, 0] = 7  # above the 3 intervals the map names
    bad_map = _moment(tmp_path / "bad.tif", bad)
    with pytest.raises(InputError, match="holds the value 7, but names 3 intervals"):
        change_by_zones(bad_map, zones, str(tmp_path / "bad.gpkg"))
    assert not os.path.exists(tmp_path / "bad.gpkg")
    with pytest.raises(OutputError, match="Folder .* does not exist"):
        change_by_zones(moment, zones, str(tmp_path / "no" / "o.gpkg"))


def test_a_map_without_names_and_zones_without_crs(tmp_path):
    """A moment map that names no interval (metadata lost, e.g. through gdal_translate of another tool):
    its intervals are the values it holds, numbered; zones without a CRS are taken as in the map's."""
    m = np.zeros((10, 10), np.uint8)
    m[0, :4] = 2
    moment = write_tif(tmp_path / "plain.tif", m, nodata=255)
    zones = _layer_file(tmp_path / "z.gpkg", [("A", _box(0, 0, 10, 10))], epsg=None)
    res = change_by_zones(moment, zones, str(tmp_path / "o.csv"))
    assert res.intervals == ["interval 1", "interval 2"] and res.fields == ["ha_interval1", "ha_interval2"]
    assert res.crs_note == "they have no CRS: taken as in the map's CRS" and res.crs_note in res.text()
    with open(tmp_path / "o.csv", newline="", encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert float(row["ha_interval2"]) == pytest.approx(4 * HA, rel=1e-5) and row["ha_interval1"] == "0.0"
    assert (row["most_change"], row["last_k"]) == ("interval 2", "2")


@pytest.mark.parametrize("dtype,nodata", [(np.uint16, 65535), (np.int16, -1)])
def test_a_map_whose_nodata_is_not_255(tmp_path, dtype, nodata):
    """A moment map saved in another data type keeps its own nodata value (65535 in a UInt16 export, -1 in an
    Int16 one): those pixels are the area without data. They were refused as 'holds the value 65535', and
    -1 ended in numpy's 'list argument must have no negative elements' traceback."""
    m = np.zeros((40, 60), dtype)
    m[0:5, 0:10] = nodata   # 50 px without data
    m[20:25, 0:10] = 1      # 50 px, interval 1
    other = write_tif(tmp_path / "other.tif", m, nodata=nodata)
    ds = gdal.Open(other, gdal.GA_Update)
    ds.SetMetadata({"CAIM_INTERVALS": INTERVALS, "CAIM_DATES": DATES})
    ds = None
    zones = _layer_file(tmp_path / "z.gpkg", [("A", _box(0, 0, 20, 30))])
    res = change_by_zones(other, zones, str(tmp_path / "o.gpkg"))
    (z,) = res.zones
    assert z.ha_nodata == pytest.approx(50 * HA, rel=1e-5) and z.ha_valid == pytest.approx(550 * HA, rel=1e-5)
    assert z.ha_intervals == pytest.approx([50 * HA, 0, 0], rel=1e-5, abs=1e-12) and z.note == ""


def test_the_zones_file_itself_is_refused_as_output(tmp_path):
    """--out naming the zones' file, with --overwrite (Processing always overwrites): the file was replaced by the
    output, and every other layer it held was lost."""
    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "z.gpkg", [("A", _box(0, 0, 20, 20))], layer="fields")
    _layer_file(tmp_path / "z.gpkg", [("D", _box(0, 0, 60, 40))], layer="districts")
    with pytest.raises(OutputError, match="is the zones' own file"):
        change_by_zones(moment, zones, zones, layer_name="fields", overwrite=True)
    assert sorted(lyr.GetName() for lyr in ogr.Open(zones)) == ["districts", "fields"]


def test_a_polygon_smaller_than_a_pixel_is_not_said_to_be_outside(tmp_path):
    """A polygon inside the map that holds no pixel centre (a 2 m plot on a 10 m grid, a thin strip between
    centres) was noted 'outside the map'."""
    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "z.gpkg", [("small", _box(10.1, 10.1, 10.3, 10.3)),
                                              ("strip", _box(10.6, 2, 11.4, 30)),
                                              ("away", _box(-50, 0, -20, 10))])
    res = change_by_zones(moment, zones, str(tmp_path / "o.gpkg"))
    assert [z.note for z in res.zones] == ["no pixel centre inside", "no pixel centre inside", "outside the map"]
    assert all(z.ha_valid == 0 and z.pct_changed is None for z in res.zones)
    assert ("Note:     2 zones with no pixel centre inside their part in the map (smaller or thinner than a pixel "
            "there) (fid 1, 2)") in res.text()


def test_the_summary_s_values_line_up_in_every_language(tmp_path):
    """The summary's "Label:   value" lines had the English labels padded to 10 characters in every template and the
    catalogues the same: German 'Am meisten: ' and 'Geschrieben: ' pushed their values 2 columns right of the others.
    Each label is padded to the longest of the summary's labels in the language and two spaces; English as before."""
    from model_core import i18n

    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "z.gpkg", [("A", _box(0, 0, 20, 20)), ("away", _box(-50, 0, -20, 10))])
    res = change_by_zones(moment, zones, str(tmp_path / "o.gpkg"))
    columns, before = {}, i18n.set_language("en")
    try:
        for lang in ("en", "de", "es"):
            i18n.set_language(lang)
            rows = [line for line in res.text().splitlines() if not line.startswith(" ")]
            assert len(rows) == 7, res.text()  # Map, Zones, Changed, Most, Note, Fields, Written
            columns[lang] = {len(line.split(":")[0]) + 1 + len(line.split(":", 1)[1]) - len(line.split(":", 1)[1].lstrip())
                             for line in rows}
            if lang == "en":
                english = rows
    finally:
        i18n.set_language(before)
    assert columns == {"en": {10}, "de": {14}, "es": {11}}, columns
    assert [row[:10] for row in english] == ["Map:      ", "Zones:    ", "Changed:  ", "Most:     ", "Note:     ",
                                             "Fields:   ", "Written:  "]


def test_a_polygon_partly_outside_whose_inside_part_holds_no_pixel_centre_says_both(tmp_path):
    """A polygon across the map's edge whose part in the map holds no pixel centre (a plot reaching 3 m into a
    10 m grid, a thin strip along a row) was noted 'partly outside the map' only: its empty figures were not
    explained (the rest of a partly-outside zone is counted). Its note says both."""
    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "z.gpkg", [("edge", _box(-0.5, 3, 0.3, 4)),
                                              ("strip", _box(-3, 5.1, 20, 5.4)),
                                              ("partly", _box(-3, 3, 2, 6))])
    res = change_by_zones(moment, zones, str(tmp_path / "o.gpkg"))
    assert [z.note for z in res.zones] == ["no pixel centre inside; partly outside the map"] * 2 + [
        "partly outside the map"]
    assert [z.ha_valid for z in res.zones][:2] == [0, 0] and res.zones[2].ha_valid == pytest.approx(6 * HA)
    text = res.text()
    assert "Note:     2 zones with no pixel centre inside their part in the map" in text and "(fid 1, 2)" in text
    assert "Note:     3 zones partly outside the map (that part not counted) (fid 1, 2, 3)" in text
    assert _read(tmp_path / "o.gpkg")["edge"]["zone_note"] == "no pixel centre inside; partly outside the map"


def _dbf_shapefile(path, names, encoding):
    """A Shapefile whose DBF holds ``names`` in ``encoding``, saying so by its .cpg, or (None) in ISO-8859-1
    without saying so (no .cpg, language id 0)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    # written as OGR writes it outside QGIS: a QgsApplication of the same test run sets SHAPE_ENCODING="" for the
    # whole process, and OGR then wrote the names' UTF-8 bytes under a .cpg saying CP1251
    old = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
        lyr = ds.CreateLayer("parcels", srs, ogr.wkbPolygon, options=[f"ENCODING={encoding or 'ISO-8859-1'}"])
        lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
        for i, name in enumerate(names):
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("name", name)
            f.SetGeometry(_box(10 * i, 0, 10 * i + 10, 10))
            lyr.CreateFeature(f)
        ds = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", old)
    stem = os.path.splitext(str(path))[0]
    if encoding is None:
        if os.path.exists(stem + ".cpg"):
            os.remove(stem + ".cpg")
        with open(stem + ".dbf", "r+b") as fh:
            fh.seek(29)
            fh.write(b"\0")
    return str(path)


@pytest.mark.parametrize("encoding,names", [("CP1251", ["Иванов", "Петров"]),
                                            (None, ["Ríos", "Vásquez", "Müller"])])
def test_a_shapefile_read_as_qgis_reads_it(tmp_path, encoding, names):
    """QGIS sets SHAPE_ENCODING="" (it decodes a Shapefile's text itself), so inside QGIS (Processing,
    qgis_process) OGR gave the DBF's bytes undecoded: 'Ríos' in ISO-8859-1 made the output fail with "not a
    string". The encoding the Shapefile names (.cpg, DBF language id) is used; text in none is taken as
    ISO-8859-1 when it is not UTF-8."""
    moment = _utm_map(tmp_path)
    zones = _dbf_shapefile(tmp_path / "parcels.shp", names, encoding)
    old = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", "")
    try:
        change_by_zones(moment, zones, str(tmp_path / "o.gpkg"))
        change_by_zones(moment, zones, str(tmp_path / "o.csv"))
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", old)
    assert sorted(_read(tmp_path / "o.gpkg")) == sorted(names)
    with open(tmp_path / "o.csv", newline="", encoding="utf-8") as fh:
        assert [row["name"] for row in csv.DictReader(fh)] == names


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
@pytest.mark.parametrize("name", ["z.gpkg", "z.csv"])
def test_a_killed_zones_run_leaves_nothing_the_next_run_keeps(tmp_path, name):
    """A zones run killed on the spot (kill -9) while it wrote left its hidden '.<name>.<pid>.part' file beside
    the output for good; it writes in a locked hidden folder now, which the next run into that folder removes;
    the earlier output stays whole until the new one replaces it."""
    import subprocess  # nosec B404 - our own code in a child process (SIGKILL would end pytest itself)
    import sys

    from rasters import ROOT

    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "zones.gpkg", [(str(i), _box(i, 0, i + 5, 5)) for i in range(10)])
    out = tmp_path / "out" / name
    out.parent.mkdir()
    change_by_zones(moment, zones, str(out))
    before = out.read_bytes()
    code = ("import os, signal\n"
            "from model_core import zones\n"
            "def killed(*a, **k):\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n"
            "zones._Writer.add = killed\n"
            f"zones.change_by_zones({moment!r}, {zones!r}, {str(out)!r}, overwrite=True)\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT),  # nosec
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr
    assert out.read_bytes() == before  # the earlier output whole
    left = [n for n in os.listdir(out.parent) if n.startswith(".")]
    assert len(left) == 1 and left[0].startswith(".caim-zones-"), left
    change_by_zones(moment, zones, str(out), overwrite=True)
    assert os.listdir(out.parent) == [name]


_NO_TORCH = """
import sys
sys.modules["torch"] = None  # import torch fails, as in a QGIS whose Python has no PyTorch
from model_core.cli import main
code = main(sys.argv[1:])
assert "torch" not in sys.modules or sys.modules["torch"] is None
sys.exit(code)
"""


def test_zones_and_split_run_without_torch(tmp_path):
    """zones and split need no PyTorch (like sample, assess and compare), but the command line built the detect
    parser first, whose model list imports torch: without it both ended in a ModuleNotFoundError traceback."""
    import subprocess  # nosec B404 -- this project's own command line
    import sys

    from rasters import ROOT

    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "z.gpkg", [("A", _box(0, 0, 20, 20))])
    stack = write_tif(tmp_path / "stack.tif", np.zeros((2, 4, 4), np.uint16))
    env = dict(os.environ, PYTHONPATH=ROOT)
    for args in (["zones", moment, zones, "--out", str(tmp_path / "out.gpkg")],
                 ["split", stack, "--out", str(tmp_path / "dates"), "--bands-per-date", "1",
                  "--dates", "2019-06-01,2020-06-01"]):
        run = subprocess.run([sys.executable, "-c", _NO_TORCH] + args, capture_output=True, text=True,  # nosec B603
                             env=env, cwd=str(tmp_path), timeout=120)
        assert run.returncode == 0, run.stderr[-2000:]
    assert os.path.exists(tmp_path / "out.gpkg") and len(os.listdir(tmp_path / "dates")) == 2


def test_zones_help_lists_every_zone_note_value(capsys):
    """`python -m model_core zones --help` named neither the fields nor the zone_note values (empty geometry,
    ..., partly outside the map): a user reading a note in the output could not look it up."""
    from model_core.zones import NOTE_HELP, NOTE_ORDER, TRAILING_FIELDS

    with pytest.raises(SystemExit) as exit_:
        main(["zones", "--help"])
    assert exit_.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert len(NOTE_ORDER) == len(NOTE_HELP) == 9
    for note in NOTE_ORDER:
        assert f"'{note}': {' '.join(NOTE_HELP[note].split())}" in out, note
    assert "zone_note" in out and all(f in out for f in TRAILING_FIELDS) and "ha_valid" in out


def test_the_summary_names_the_intervals_in_the_language_of_the_run(tmp_path):
    """The summary's interval lines were the map's English names in German and Spanish output too ("2019-06-01 to
    2020-06-01" between 'Geändert:' and 'Am meisten:'): they are named as the run summary names them ("bis", "a";
    "Intervall 2" for a map that names none), while the written zones keep the English names (data)."""
    from model_core import i18n

    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "z.gpkg", [("A", _box(0, 0, 20, 20))])
    res = change_by_zones(moment, zones, str(tmp_path / "o.csv"))
    plain = np.zeros((10, 10), np.uint8)
    plain[0, :4] = 2
    unnamed = change_by_zones(write_tif(tmp_path / "plain.tif", plain, nodata=255),
                              _layer_file(tmp_path / "z2.gpkg", [("A", _box(0, 0, 10, 10))]), str(tmp_path / "o2.csv"))
    dates = DATES.split(",")
    words = {"en": ("to", "interval"), "de": ("bis", "Intervall"), "es": ("a", "intervalo")}
    before = i18n.set_language("en")
    try:
        for lang, (joiner, interval) in words.items():
            i18n.set_language(lang)
            lines = [line for line in res.text().splitlines() if line.startswith("  ")]
            assert [line.split("  ")[1] for line in lines] == [f"{a} {joiner} {b}" for a, b in zip(dates, dates[1:])]
            assert len({line.index(" ha  (") for line in lines}) == 1, res.text()  # the figures line up
            lines = [line for line in unnamed.text().splitlines() if line.startswith("  ")]
            assert [line.split("  ")[1].strip() for line in lines] == [f"{interval} 1", f"{interval} 2"], unnamed.text()
    finally:
        i18n.set_language(before)
    assert res.intervals[0] == "2019-06-01 to 2020-06-01" and unnamed.intervals[1] == "interval 2"
    with open(tmp_path / "o2.csv", newline="", encoding="utf-8") as fh:
        assert [row["most_change"] for row in csv.DictReader(fh)] == ["interval 2"]
