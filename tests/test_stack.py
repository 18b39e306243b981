"""Stack: date parsing, reference grid, alignment of different grids, validity masks."""

import os

import numpy as np
import pytest
from rasters import write_tif

from model_core.errors import InputError
from model_core.stack import Stack, parse_date, parse_given_date


@pytest.mark.parametrize("text,expected", [
    ("S2_2019-07-14_T33.tif", "2019-07-14"),
    ("20150926.tif", "2015-09-26"),
    ("LC08_L2SP_123032_20200815_20200919_02_T1.tif", "2020-08-15"),
    ("mosaic_2018_03.tif", "2018-03"),
    ("2000TM", "2000"),
    ("scene_2017.06.30.tif", "2017-06-30"),
    ("2018:07:16 10:00:00", "2018-07-16"),
    ("tile_12345678.tif", None),
    ("image_20151345.tif", None),
    ("", None),
    # year and day of year (an input audit: these names had no date, the intervals were numbered)
    ("LC80300272020133LGN00.tif", "2020-05-12"),           # a Landsat scene ID (pre-collection, Collection 1)
    ("LT50300271985200XXX02_B4.TIF", "1985-07-19"),
    ("LE70300272004366EDC00.tif", "2004-12-31"),           # day 366 of a leap year
    ("MOD09GA.A2020133.h11v04.006.2020135044011.hdf", "2020-05-12"),  # MODIS: acquisition, not production
    ("VNP13A1.A2020129.h11v04.001.tif", "2020-05-08"),
    ("MOD13Q1.A2021366.h11v04.tif", None),                 # no day 366 in 2021
    ("DATA2020133.tif", None),
    ("HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif", "2020-08-12"),  # HLS v2.0: year, day of year, time
    ("HLS.S30.T18LUM.2020366T152641.v2.0.Fmask", "2020-12-31"),
    ("HLS.S30.T18LUM.2021366T152641.v2.0.B8A.tif", None),
    ("S2A_MSIL2A_20200812T151711_N0400.tif", "2020-08-12"),  # 8 digits before the T: a date, not a day of year
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("2020-08-15", "2020-08-15"), ("20200815", "2020-08-15"), ("2020/08/15", "2020-08-15"),
    ("2020.08.15", "2020-08-15"), ("2020-8-5", "2020-08-05"), (" 2020-08 ", "2020-08"), ("1985", "1985"),
    ("2020-08-15T10:11:12Z", "2020-08-15"), ("2020-02-29", "2020-02-29"),
    # typed dates the name parser would cut to their year: refused instead
    ("15.08.2020", None), ("08/15/2020", None), ("2020-13-45", None), ("2020-02-30", None),
    ("2021-02-29", None), ("202008", None), ("2020815", None), ("2020-08_15", None), ("may 2020", None),
    ("", None),
])
def test_parse_given_date_is_strict(text, expected):
    assert parse_given_date(text) == expected


def _img(h, w, seed=0, bands=4):
    return np.random.default_rng(seed).integers(100, 4000, (bands, h, w)).astype(np.uint16)


def test_dates_from_names_metadata_and_override(tmp_path):
    a = write_tif(tmp_path / "a_2019-05-01.tif", _img(16, 16))
    b = write_tif(tmp_path / "b_no_date.tif", _img(16, 16, 1))
    from osgeo import gdal

    ds = gdal.Open(b, gdal.GA_Update)
    ds.SetMetadataItem("TIFFTAG_DATETIME", "2020:06:30 10:11:12")
    ds = None
    assert Stack([a, b]).dates == ["2019-05-01", "2020-06-30"]
    assert Stack([a, b], dates="2001,2002-03").dates == ["2001", "2002-03"]
    with pytest.raises(InputError, match="2 dates given for 3 images|dates given"):
        Stack([a, b, a], dates=["2001", "2002"])
    with pytest.raises(InputError, match="not a date"):
        Stack([a, b], dates=["2001", "soon"])
    with pytest.raises(InputError, match=r"Date '15\.08\.2020' for input 2 .*year first"):
        Stack([a, b], dates=["2001", "15.08.2020"])


def test_reference_grid_is_overlap_on_reference_pixels(tmp_path):
    # reference: 10 m grid; second: 5 m pixels, shifted by 2.5 m and larger; third: other CRS (same place)
    a = write_tif(tmp_path / "a.tif", _img(40, 50), origin=(500000.0, 5200000.0), pixel=10.0)
    b = write_tif(tmp_path / "b.tif", _img(100, 80, 1), origin=(500102.5, 5199897.5), pixel=5.0)
    s = Stack([a, b])
    g = s.grid
    assert (g.px, g.py) == (10.0, 10.0)
    # overlap: x from 500102.5 -> snapped inwards to 500110; y top 5199897.5 -> 5199890
    assert g.x0 == pytest.approx(500110.0) and g.y0 == pytest.approx(5199890.0)
    assert g.width == 39 and g.height == 29
    assert s.sources[0].warped is False and s.sources[0].xoff == 11 and s.sources[0].yoff == 11
    assert s.sources[1].warped is True
    values, valid = s.read(0, 0, g.width, g.height)
    assert values.shape == (2, 4, 29, 39) and valid.all()
    # choosing the second input as reference gives its 5 m grid
    assert Stack([a, b], reference=1).grid.px == 5.0


def test_other_crs_is_warped_to_reference(tmp_path):
    a = write_tif(tmp_path / "a.tif", _img(32, 32), epsg=32633, origin=(500000.0, 5200000.0), pixel=10.0)
    # the same area in geographic coordinates (roughly 15 E, 46.96 N), generously larger
    b = write_tif(tmp_path / "b.tif", _img(64, 64, 1), epsg=4326, origin=(14.995, 46.966), pixel=0.0002)
    s = Stack([a, b])
    assert s.grid.px == 10.0 and s.sources[1].warped
    _, valid = s.read(0, 0, s.grid.width, s.grid.height)
    assert valid.mean() > 0.9


def test_nodata_in_some_bands_only_read_alike_direct_and_warped(tmp_path):
    """A pixel at a band's declared nodata in some bands only: fill where a band is wider than 8 bits (a
    Landsat Collection 2 date's NIR fill strip, uint16 0), data where the bands are 8-bit (NAIP's lakes
    have NIR 0 under a declared nodata of 0), and the same on a direct and a warped (shifted) read: the
    warped strip was valid with NIR 0, and CVA called it changed (an input audit).  The strip in the first
    band too: the warper was given "[-9999.0, ...]" as the bands' nodata, which GDAL 3.6 read as 0 for the
    first band (the strip came out valid data 0) and GDAL 3.13 refused (QGIS 3.44's stack)."""
    cases = [(np.uint16, 0, False, 3), (np.int16, -9999, False, 3), (np.uint8, 0, True, 3),
             (np.int16, -9999, False, 0), (np.uint16, 65535, False, 0)]
    for dtype, fill, strip_valid, band in cases:
        name = f"{np.dtype(dtype).name}_{band}"
        clean = (_img(24, 24) if dtype != np.uint8 else _img(24, 24) % 200 + 20).astype(dtype)
        clean[:, 20:, :] = fill        # every band: fill either way
        img = clean.copy()
        img[band, :, 5:8] = fill       # one band only (NIR: a fill strip, or dark water in 8-bit data)
        a = write_tif(tmp_path / f"{name}_a.tif", clean, nodata=fill)
        b = write_tif(tmp_path / f"{name}_b.tif", img, nodata=fill)
        shifted = write_tif(tmp_path / f"{name}_s.tif", img, nodata=fill, origin=(500005.0, 5200005.0))
        _, valid = Stack([a, b]).read(0, 0, 24, 24)  # direct
        assert not valid[20:].any() and valid[:20, 10:].all()
        assert valid[:20, 5:8].all() == strip_valid and valid[:20, 5:8].any() == strip_valid, dtype
        s = Stack([a, shifted])  # the second date resampled onto the first's grid
        assert s.sources[1].warped and s.grid.width == 23
        _, valid = s.read(0, 0, s.grid.width, s.grid.height)
        assert valid[:19, 10:].all() and not valid[21:].any()
        # the strip lies on the grid's columns 4-6 (the grid starts at the reference's column 1)
        assert valid[:19, 5].all() == strip_valid and valid[:19, 5].any() == strip_valid, dtype


def test_a_nodata_value_outside_the_band_type_marks_nothing():
    """A uint16 band declaring -9999 (or 0.5) as nodata: no value of the band is it; converted to the band's
    type it marked the valid 55537 pixels (a review of the band-type rule, training reads)."""
    from model_core.stack import nodata_pixels

    a = np.array([[55537, 0, 7]], np.uint16)
    assert not nodata_pixels([a], [-9999.0], [False]).any()
    assert not nodata_pixels([a], [0.5], [False]).any()
    assert nodata_pixels([a], [7.0], [False]).tolist() == [[False, False, True]]
    f = np.array([[-9999.0, 1.5]], np.float32)
    assert nodata_pixels([f], [-9999.0], [False]).tolist() == [[True, False]]


def test_nodata_alpha_and_nan_masks(tmp_path):
    img = _img(20, 20).astype(np.float32)
    img[:, 2, 3] = -9999
    a = write_tif(tmp_path / "a.tif", img, nodata=-9999)
    b_img = _img(20, 20, 1).astype(np.float32)
    b_img[0, 5, 5] = np.nan
    b = write_tif(tmp_path / "b.tif", b_img, nodata=float("nan"))
    s = Stack([a, b])
    _, valid = s.read(0, 0, 20, 20)
    assert not valid[2, 3] and not valid[5, 5] and valid.sum() == 398



def test_band_scale_and_offset_give_physical_values(tmp_path):
    """Landsat surface reflectance stored as Collection 2 (uint16, scale 2.75e-5, offset -0.2, nodata 0)
    and as Collection 1 (scale 1e-4): both dates read as the same reflectance, directly and warped, and
    the nodata test still compares the stored values."""
    from osgeo import gdal

    refl = np.random.default_rng(3).uniform(0.02, 0.4, (4, 20, 20))

    def landsat(name, scale, offset, **kw):
        stored = np.round((refl - offset) / scale).astype(np.uint16)
        stored[:, 0, 0] = 0
        path = write_tif(tmp_path / name, stored, nodata=0, **kw)
        ds = gdal.Open(path, gdal.GA_Update)
        for b in range(1, 5):
            ds.GetRasterBand(b).SetScale(scale)
            ds.GetRasterBand(b).SetOffset(offset)
        ds = None
        return path

    c2 = landsat("LC08_C2_2020.tif", 2.75e-5, -0.2)
    c1 = landsat("LC08_C1_2021.tif", 1e-4, 0.0)
    shifted = landsat("LC08_C1_2022.tif", 1e-4, 0.0, origin=(500000.0 + 4.0, 5200000.0))  # warped
    s = Stack([c2, c1])
    values, valid = s.read(0, 0, 20, 20)
    assert not valid[0, 0] and valid.sum() == 399
    np.testing.assert_allclose(values[0][:, valid], refl[:, valid], atol=2e-5)
    np.testing.assert_allclose(values[1][:, valid], refl[:, valid], atol=6e-5)
    s = Stack([c2, shifted])  # the grid starts at the reference's column 1 (the overlap)
    assert s.sources[1].warped and s.grid.width == 19
    values, valid = s.read(0, 0, 19, 20)
    assert values[1][:, 2:18, 2:18].mean() == pytest.approx(refl[:, 2:18, 3:19].mean(), abs=0.01)


def test_alpha_band_is_dropped_and_masks(tmp_path):
    rgba = np.concatenate([_img(16, 16, 2, bands=4)[:4] % 255, np.full((1, 16, 16), 255)]).astype(np.uint8)
    rgba[4, 0, 0] = 0
    p = tmp_path / "rgba_2020.tif"
    write_tif(p, rgba, options=("PHOTOMETRIC=RGB",))
    from osgeo import gdal

    ds = gdal.Open(str(p), gdal.GA_Update)
    ds.GetRasterBand(5).SetColorInterpretation(gdal.GCI_AlphaBand)
    ds = None
    q = write_tif(tmp_path / "plain_2021.tif", (_img(16, 16, 3) % 255).astype(np.uint8))
    s = Stack([str(p), q], expected_bands=4)
    assert s.sources[0].bands == [1, 2, 3, 4]
    _, valid = s.read(0, 0, 16, 16)
    assert not valid[0, 0] and valid.sum() == 255


def test_statistics_are_from_the_whole_scene(tmp_path):
    a = write_tif(tmp_path / "a.tif", np.full((4, 30, 30), 1000, np.uint16) + np.arange(30, dtype=np.uint16))
    b = write_tif(tmp_path / "b.tif", np.full((4, 30, 30), 3000, np.uint16) + 2 * np.arange(30, dtype=np.uint16))
    center, scale = Stack([a, b]).statistics()
    assert center[0, 0] == pytest.approx(1014.5, abs=1) and center[1, 0] == pytest.approx(3029, abs=2)
    assert scale[1, 0] == pytest.approx(2 * scale[0, 0], rel=0.05)


def test_missing_file_message(tmp_path):
    a = write_tif(tmp_path / "a.tif", _img(8, 8))
    with pytest.raises(InputError, match="does not exist"):
        Stack([a, os.path.join(tmp_path, "nope.tif")])


def test_envi_and_vrt_sources_with_band_selection(tmp_path):
    from osgeo import gdal

    a = write_tif(tmp_path / "a_2019.tif", _img(24, 24, 5, bands=6))
    envi = str(tmp_path / "b_2020.dat")
    gdal.Translate(envi, write_tif(tmp_path / "b_src.tif", _img(24, 24, 6, bands=6)), format="ENVI")
    vrt = str(tmp_path / "c_2021.vrt")
    gdal.BuildVRT(vrt, [a])
    s = Stack([a, envi, vrt], bands=[3, 2, 1, 4])
    assert s.dates == ["2019", "2020", "2021"]
    values, valid = s.read(0, 0, 24, 24)
    src = gdal.Open(a).ReadAsArray()
    assert np.array_equal(values[0], src[[2, 1, 0, 3]].astype(np.float32))
    assert np.array_equal(values[2], values[0]) and valid.all()


def test_extra_bands_for_the_fusion(tmp_path):
    """``extra_bands`` (the fusion's CVA part): without a mapping the bands beyond the inferred R, G, B,
    NIR are appended when every input has the same ones, and left out, with a note, when they differ."""
    def named(path, names):
        return write_tif(str(path), np.full((len(names), 16, 16), 50, np.float32), names=names)

    six = ["blue", "green", "red", "nir", "swir1", "swir2"]
    a, b = named(tmp_path / "a.tif", six), named(tmp_path / "b.tif", six)
    st = Stack([a, b], expected_bands=4, extra_bands=True)
    assert [s.bands for s in st.sources] == [[3, 2, 1, 4, 5, 6]] * 2 and st.band_count == 6
    assert "the CVA part also uses band(s) 5,6" in st.band_notes
    assert Stack([a, b], expected_bands=4).band_count == 4  # the networks: four bands only
    c = named(tmp_path / "c.tif", six[:5])
    st = Stack([a, c], expected_bands=4, extra_bands=True)
    assert st.band_count == 4 and any("other bands differ" in n for n in st.band_notes)


def test_extra_bands_leave_out_atmospheric_and_thermal_bands(tmp_path):
    """The fusion's CVA part takes surface bands only: coastal aerosol, cirrus, thermal (by name) and
    water vapour (by wavelength) are left out, with a note; a band without such metadata is kept."""
    from osgeo import gdal

    names = ["coastal aerosol", "blue", "green", "red", "nir", "swir1", "cirrus", "thermal", "", "B09"]
    paths = []
    for i in range(2):
        p = write_tif(str(tmp_path / f"l{i}.tif"), np.full((len(names), 16, 16), 50, np.float32), names=names)
        ds = gdal.Open(p, gdal.GA_Update)
        ds.GetRasterBand(9).SetMetadataItem("wavelength", "0.945")
        ds.GetRasterBand(9).SetMetadataItem("wavelength_units", "micrometers")
        ds = None
        paths.append(p)
    st = Stack(paths, expected_bands=4, extra_bands=True)
    assert st.sources[0].bands == [4, 3, 2, 5, 6]
    assert any("leaves out band(s) 1,7,8,9,10" in n for n in st.band_notes), st.band_notes


def test_cva_leaves_out_atmospheric_and_thermal_bands_without_a_mapping(tmp_path):
    """The classical CVA (``surface_only``) uses every band except those whose metadata mark them as
    coastal aerosol, thermal and the like, and says so; a band mapping still picks exactly what it
    lists, and other readers of the stack (quicklooks) see every band."""
    from model_core.predict import detect

    names = ["coastal", "blue", "green", "red", "nir", "thermal (10.9 um)"]
    paths = [write_tif(str(tmp_path / f"c{i}.tif"),
                       np.random.default_rng(i).normal(50, 3, (6, 24, 24)).astype(np.float32), names=names)
             for i in range(2)]
    st = Stack(paths, surface_only=True)
    assert st.sources[0].bands == [2, 3, 4, 5]
    assert any("left out: band(s) 1,6" in n for n in st.band_notes), st.band_notes
    assert Stack(paths).band_count == 6
    assert Stack(paths, bands=[1, 6], surface_only=True).band_count == 2
    res = detect(paths, out_dir=str(tmp_path / "o"), model="cva")
    assert any("left out: band(s) 1,6" in n for n in res.notes)


def test_pixel_areas_on_the_ellipsoid_and_pixel_text():
    """Row areas of a geographic grid are the ellipsoid's (as the polygons' equal-area projection
    gives), not a sphere's (0.4 % apart at 8 degrees south); a CRS in feet is said to be one."""
    from osgeo import ogr, osr

    from model_core.stack import Grid

    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    g = Grid(wgs.ExportToWkt(), -74.7, -8.0, 0.01, 0.01, 10, 3000, geographic=True)
    rows = g.pixel_area_m2()
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    for row in (0, 1500, 2999):  # 8 to 38 degrees south
        lat = g.y0 - row * g.py
        laea = osr.SpatialReference()
        laea.SetLAEA(lat - g.py / 2, g.x0, 0, 0)
        laea.CopyGeogCSFrom(wgs)
        laea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ((0, 0), (1, 0), (1, 1), (0, 1), (0, 0)):
            ring.AddPoint_2D(g.x0 + x * g.px, lat - y * g.py)
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring)
        poly.Transform(osr.CoordinateTransformation(wgs, laea))
        assert rows[row] == pytest.approx(poly.GetArea(), rel=2e-4)
    assert g.pixel_text() == "0.01 x 0.01 deg"
    feet = Grid("PROJCS[...]", 0, 0, 15.0, 15.0, 4, 4, linear_units=0.3048006096)
    assert feet.pixel_text() == "15 x 15 CRS units (4.572 x 4.572 m)"
    assert feet.pixel_area_m2(0, 1)[0] == pytest.approx((15 * 0.3048006096) ** 2)
    assert Grid("", 0, 0, 1, 1, 4, 4).pixel_text() == "1 x 1 (no CRS)"


def test_undeclared_zero_fill_is_warned_about(tmp_path):
    """A date whose left half is 0 in every band without a nodata value (a Landsat scene edge): the run
    compared the fill as land and called 91 % of the real half changed, without a word; now a warning
    names the input and the fix.  Declared nodata, or a few dark pixels, say nothing."""
    from model_core.predict import detect

    rng = np.random.default_rng(4)
    scene = rng.integers(20, 200, (4, 40, 40)).astype(np.uint8)
    edge = scene.copy()
    edge[:, :, :20] = 0
    a = write_tif(tmp_path / "a_2001.tif", scene)
    b = write_tif(tmp_path / "b_2002.tif", edge)
    res = detect([a, b], out_dir=str(tmp_path / "o1"), model="cva")
    assert any("input 2 'b_2002.tif' is 0 in every band on 50.00 % of its pixels" in w and "-a_nodata 0" in w
               for w in res.warnings)
    c = write_tif(tmp_path / "c_2002.tif", edge, nodata=0)
    res = detect([a, c], out_dir=str(tmp_path / "o2"), model="cva")
    assert not any("0 in every band" in w for w in res.warnings)


def test_hectares_are_ground_areas_on_a_projected_grid():
    """A projection's map plane is not the ground: a Web Mercator grid (as SpaceNet 7's) at 24 deg N
    overstated its areas by 21 %.  The whole grid maps a longitude/latitude box exactly, so its pixels'
    ground areas add up to that box's area on the WGS 84 ellipsoid (the geographic grid's exact formula).
    On a UTM zone's central meridian a map metre is 0.9996 ground metres; a local CRS with no ellipsoid
    keeps its plane's area."""
    from osgeo import osr

    from model_core.stack import Grid

    def wkt(epsg):
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        return srs.ExportToWkt()

    g = Grid(wkt(3857), 5.0e6, 2.8e6, 4.777, 4.777, 512, 400)
    merc, geo = osr.SpatialReference(wkt(3857)), osr.SpatialReference(wkt(4326))
    for srs in (merc, geo):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_geo = osr.CoordinateTransformation(merc, geo)
    west, north = to_geo.TransformPoint(g.x0, g.y0)[:2]
    east, south = to_geo.TransformPoint(g.x0 + g.width * g.px, g.y0 - g.height * g.py)[:2]
    box = Grid(wkt(4326), west, north, east - west, north - south, 1, 1, geographic=True)
    total = float(g.pixel_area_m2().sum()) * g.width
    assert total == pytest.approx(float(box.pixel_area_m2()[0]), rel=1e-5)
    assert 0.82 < total / (g.width * g.height * g.px * g.py) < 0.83 and not g.uniform_area
    assert g.pixel_area_m2(100, 3) == pytest.approx(g.pixel_area_m2()[100:103], rel=1e-12)
    utm = Grid(wkt(32633), 500000.0, 5200000.0, 10.0, 10.0, 100, 100)
    assert utm.pixel_area_m2() == pytest.approx(np.full(100, 100.0 / 0.9996 ** 2), rel=1e-6)
    local = Grid('LOCAL_CS["site grid",UNIT["metre",1]]', 0.0, 1000.0, 2.0, 2.0, 10, 10)
    assert (local.pixel_area_m2() == 4.0).all() and local.uniform_area


def test_inputs_without_a_crs_keep_their_geotransform(tmp_path):
    """Images with a geotransform but no CRS: the outputs had no geotransform at all (the map landed at
    pixel coordinates, away from the inputs in a GIS); now they take the inputs'.  Such images on
    different geotransforms were stacked pixel by pixel, the map silently shifted: refused."""
    from osgeo import gdal

    from model_core.predict import detect

    def no_crs(name, origin):
        path = write_tif(tmp_path / name, _img(24, 30, len(name)), origin=origin, pixel=30.0)
        ds = gdal.Open(path, gdal.GA_Update)
        ds.SetProjection("")
        ds = None
        return path

    a, b = no_crs("a_2001.tif", (1000.0, 9000.0)), no_crs("b_2002.tif", (1000.0, 9000.0))
    s = Stack([a, b])
    assert not s.grid.wkt and s.grid.geotransform == (1000.0, 30.0, 0.0, 9000.0, 0.0, -30.0)
    res = detect([a, b], out_dir=str(tmp_path / "o"), model="cva")
    out = gdal.Open(res.paths["moment"])
    assert out.GetGeoTransform() == (1000.0, 30.0, 0.0, 9000.0, 0.0, -30.0) and not out.GetProjection()
    shifted = no_crs("c_2002.tif", (1300.0, 9000.0))
    with pytest.raises(InputError, match=r"Input 2 'c_2002\.tif' and input 1 'a_2001\.tif' have no coordinate "
                                         r"reference system and different geotransforms"):
        Stack([a, shifted])


def test_a_finer_date_is_averaged_onto_a_coarser_grid(tmp_path):
    """A 10 m date onto a 30 m reference: each grid pixel is the mean of the 3 x 3 pixels it covers (bilinear
    took the centre pixel and aliased the other eight away; an output audit); a date of the grid's own pixel
    size is still bilinear."""
    from osgeo import gdal

    ref = write_tif(tmp_path / "a_2001.tif", _img(10, 10), pixel=30.0)
    fine = np.random.default_rng(4).integers(0, 4000, (4, 30, 30)).astype(np.uint16)
    b = write_tif(tmp_path / "b_2002.tif", fine, pixel=10.0)
    s = Stack([ref, b])
    assert s.sources[1].warped and (s.grid.px, s.grid.width) == (30.0, 10)
    values, _ = s.read(0, 0, 10, 10)
    blocks = fine.reshape(4, 10, 3, 10, 3).mean(axis=(2, 4))
    np.testing.assert_allclose(values[1], blocks, atol=0.51)          # the mean, rounded to the stored type
    assert np.abs(values[1] - fine[:, 1::3, 1::3]).mean() > 100         # not the centre pixel
    assert s._resampling(gdal.Open(ref)) == "bilinear" and s._resampling(gdal.Open(b)) == "average"


def test_undeclared_negative_fill_is_warned_about(tmp_path):
    """From the input audit: int16 dates whose fill is -9999 in every band without a nodata value (common in
    exports of surface reflectance) said nothing, and CVA called the fill rows changed although both dates
    hold -9999 there (each date's fill standardises differently).  The warning names the value."""
    from model_core.predict import detect

    rng = np.random.default_rng(5)
    dates = []
    for k in range(2):
        a = rng.integers(200, 3000, (4, 40, 40)).astype(np.int16)
        a[:, 30:, :] = -9999
        dates.append(write_tif(tmp_path / f"d_{2001 + k}.tif", a))
    res = detect(dates, out_dir=str(tmp_path / "o"), model="cva")
    assert any("input 1 'd_2001.tif' is -9999 in every band on 25.00 % of its pixels" in w
               and "-a_nodata -9999 FILE" in w for w in res.warnings), res.warnings
