"""Chips for labelling sample points (model_core.chips): the centre pixel is the point's pixel on the
map's grid, rows and columns are not swapped, other CRSs are resampled onto the map's grid, nodata and
the outside are invalid, and the stretch limits are the raster's percentiles."""

import numpy as np
import pytest
from osgeo import gdal, osr

from rasters import write_tif

from model_core.chips import display_bands, read_chip, stretch_limits

X0, Y0, PX = 500000.0, 5200000.0, 10.0


def utm_wkt():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    return srs.ExportToWkt()


def centre(row, col):
    return X0 + PX * (col + 0.5), Y0 - PX * (row + 0.5)


def pattern():
    """Three bands; band b holds 10 * b + a code that differs along rows and columns."""
    rows, cols = np.mgrid[0:40, 0:50]
    return np.stack([(10 * b + rows * 2 + cols * 3) % 250 + 1 for b in range(3)]).astype(np.uint8)


def test_chip_centre_and_orientation(tmp_path):
    a = pattern()
    path = write_tif(tmp_path / "a.tif", a, nodata=0)
    limits = np.array([[0.0, 255.0]] * 3)  # identity stretch: the chip holds the raw values
    rgb, valid = read_chip(path, [3, 1, 2], *centre(12, 20), utm_wkt(), (PX, PX), size=5, limits=limits)
    assert rgb.shape == (5, 5, 3) and valid.all()
    # red = band 3, green = band 1, blue = band 2; chip (r, c) = raster (12 - 2 + r, 20 - 2 + c)
    expected = np.moveaxis(a[[2, 0, 1], 10:15, 18:23], 0, -1)
    assert np.array_equal(rgb, expected)


def test_chip_outside_and_nodata_are_invalid_and_black(tmp_path):
    a = pattern()
    a[:, 5, 6] = 0  # nodata
    path = write_tif(tmp_path / "a.tif", a, nodata=0)
    rgb, valid = read_chip(path, [1, 2, 3], *centre(0, 49), utm_wkt(), (PX, PX), size=5,
                           limits=[[0, 255]] * 3)
    # the top-right corner pixel: two rows above and two columns to the right are outside
    assert valid[2:, :3].all() and not valid[:2].any() and not valid[:, 3:].any()
    assert (rgb[~valid] == 0).all()
    rgb, valid = read_chip(path, [1, 2, 3], *centre(5, 6), utm_wkt(), (PX, PX), size=3, limits=[[0, 255]] * 3)
    assert not valid[1, 1] and valid.sum() == 8 and (rgb[1, 1] == 0).all()


def test_chip_of_a_raster_in_another_crs(tmp_path):
    """A date delivered in geographic coordinates: the chip is resampled onto the map's UTM grid, so the
    bright block at the point is at the chip's centre."""
    a = np.full((3, 60, 60), 60, np.uint8)
    a[:, 28:33, 28:33] = 200  # 5 x 5 block of 10 m pixels round (30, 30)
    utm = write_tif(tmp_path / "utm.tif", a)
    geo = str(tmp_path / "geo.tif")
    gdal.Warp(geo, utm, dstSRS="EPSG:4326", resampleAlg="near")
    rgb, valid = read_chip(geo, [1, 2, 3], *centre(30, 30), utm_wkt(), (PX, PX), size=9, limits=[[0, 255]] * 3)
    assert valid.all()
    assert (rgb[4, 4] == 200).all() and (rgb[3:6, 3:6] == 200).all()  # the block's middle, centred
    assert (rgb[0, 0] == 60).all() and (rgb[8, 8] == 60).all()


def test_stretch_limits_are_percentiles_of_valid_pixels(tmp_path):
    rng = np.random.default_rng(3)
    a = rng.integers(1, 200, size=(2, 30, 40)).astype(np.uint16)
    a[:, :5] = 0  # nodata rows stay out
    path = write_tif(tmp_path / "a.tif", a, nodata=0)
    limits = stretch_limits(path, [2, 1])
    for i, b in enumerate((1, 0)):
        values = a[b][a[b] != 0]
        assert limits[i] == pytest.approx(np.percentile(values, [2, 98]))
    # a chip stretched with them: lo -> 0, hi -> 255
    rgb, _ = read_chip(path, [2, 1, 1], *centre(20, 20), utm_wkt(), (PX, PX), size=1, limits=np.vstack([limits, limits[1:]]))
    lo, hi = limits[0]
    assert rgb[0, 0, 0] == round(np.clip((a[1, 20, 20] - lo) / (hi - lo), 0, 1) * 255)


def test_display_bands():
    assert display_bands([3, 2, 1, 4], 4) == [3, 2, 1]
    assert display_bands([3, 2, 1, 4, 5], 6, false_colour=True) == [4, 3, 2]
    assert display_bands([3, 2, 1], 3, false_colour=True) == [3, 2, 1]  # no NIR: true colour
    assert display_bands(None, 6) == [1, 2, 3] and display_bands(None, 1) == [1, 1, 1]
    assert display_bands(None, 4, false_colour=True) == [4, 1, 2]  # 4 bands: R, G, B, NIR, as the engine reads them
    assert display_bands(None, 6, false_colour=True) == [1, 2, 3]  # unknown roles: no false colour
    with pytest.raises(ValueError):
        read_chip("unused.tif", [1, 2, 3], 0, 0, "", (1, 1), size=4)


def _large_tiled(path, nodata_rows=0, overviews=False):
    """A 2048 x 2048, 2-band uint16 raster in 128 x 128 tiles (256 of them), deflated: band b holds
    1000 * b + noise + a gentle ramp, a few thousand distinct values; the top ``nodata_rows`` rows are nodata (0)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 2048, 2048, 2, gdal.GDT_UInt16,
                                              ["TILED=YES", "BLOCKXSIZE=128", "BLOCKYSIZE=128", "COMPRESS=DEFLATE"])
    ds.SetGeoTransform((X0, PX, 0.0, Y0, 0.0, -PX))
    ds.SetProjection(srs.ExportToWkt())
    rng = np.random.default_rng(5)
    rows, cols = np.mgrid[0:2048, 0:2048]
    for b in (1, 2):
        a = (1000 * b + rng.integers(0, 2000, (2048, 2048)) + (rows + cols) // 8).astype(np.uint16)
        a[:nodata_rows] = 0
        ds.GetRasterBand(b).WriteArray(a)
        ds.GetRasterBand(b).SetNoDataValue(0)
    if overviews:
        ds.BuildOverviews("NEAREST", [2, 4, 8])
    ds = None
    return str(path)


def _reads(monkeypatch):
    """The windows GDAL is asked to read, as (xoff, yoff, xsize, ysize, buf_xsize, buf_ysize)."""
    seen = []
    for cls in (gdal.Dataset, gdal.Band):
        original = cls.ReadAsArray

        def read(self, xoff=0, yoff=0, xsize=None, ysize=None, *args, _original=original, **kw):
            w = self.RasterXSize if isinstance(self, gdal.Dataset) else self.XSize
            h = self.RasterYSize if isinstance(self, gdal.Dataset) else self.YSize
            xs, ys = xsize if xsize is not None else w, ysize if ysize is not None else h
            seen.append((xoff, yoff, xs, ys, kw.get("buf_xsize") or xs, kw.get("buf_ysize") or ys))
            return _original(self, xoff, yoff, xsize, ysize, *args, **kw)

        monkeypatch.setattr(cls, "ReadAsArray", read)
    return seen


def test_stretch_limits_of_a_large_tiled_raster_come_from_a_few_of_its_tiles(tmp_path, monkeypatch):
    """The limits of a large raster without overviews were computed from a decimated read of the whole band:
    GDAL decodes every tile such a read touches, which is every tile (about 1 s for a 16-megapixel deflated
    date, 30 dates on the first click of the pixel inspector).  They now come from whole tiles spread evenly
    over the raster, at most about SAMPLE_PIXELS pixels per band, always the same ones, and stay close to
    the percentiles of the whole band."""
    path = _large_tiled(tmp_path / "big.tif", nodata_rows=300)
    ds = gdal.Open(path)
    full = [ds.GetRasterBand(b).ReadAsArray() for b in (1, 2)]
    ds = None
    seen = _reads(monkeypatch)
    limits = stretch_limits(path, [2, 1, 2])
    decoded = sum(xs * ys for _x, _y, xs, ys, _bx, _by in seen)
    assert decoded <= 2048 * 2048 / 8, seen  # a few of the 256 tiles (16), not every one
    assert all(x % 128 == 0 and y % 128 == 0 for x, y, *_ in seen)  # whole tiles
    from model_core.chips import SAMPLE_PIXELS

    assert sum(bx * by for *_, bx, by in seen) <= SAMPLE_PIXELS
    for i, b in enumerate((1, 0, 1)):
        values = full[b][full[b] != 0]
        exact = np.percentile(values, [2, 98])
        assert np.abs(limits[i] - exact).max() <= 0.01 * (exact[1] - exact[0]), (limits[i], exact)
        assert limits[i][0] >= 1000 * (b + 1)  # the nodata rows stay out
    assert np.array_equal(stretch_limits(path, [2, 1, 2]), limits)  # deterministic


def test_stretch_limits_of_a_raster_with_overviews_read_them_decimated(tmp_path, monkeypatch):
    """A raster with overviews: one decimated read of the whole raster (GDAL reads an overview), of
    about SAMPLE_PIXELS pixels per band, the bands together."""
    from model_core.chips import SAMPLE_PIXELS

    path = _large_tiled(tmp_path / "big.tif", overviews=True)
    seen = _reads(monkeypatch)
    stretch_limits(path, [2, 1])
    assert len(seen) == 1 and seen[0][:4] == (0, 0, 2048, 2048)
    assert 0.9 * SAMPLE_PIXELS <= seen[0][4] * seen[0][5] <= SAMPLE_PIXELS


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int16, np.int32, np.float32])
def test_percentiles_of_integers_by_their_counts_are_numpys(dtype):
    from model_core.chips import _percentiles

    rng = np.random.default_rng(7)
    for values in (rng.integers(-300 if np.dtype(dtype).kind != "u" else 0, 250, 10001),
                   rng.integers(0, 4, 7), np.array([5]), np.array([3, 3, 3, 9])):
        values = values.astype(dtype)
        for qs in ((2.0, 98.0), (0.0, 100.0), (37.5, 50.0)):
            assert _percentiles(values, qs) == pytest.approx(np.percentile(values, qs), abs=1e-9)


def test_stretch_limits_of_a_raster_valid_only_between_the_sampled_tiles(tmp_path, monkeypatch):
    """A large raster whose valid pixels lie in a strip along its west edge (an area of interest clipped
    out of a larger grid, a scene's swath at a tile's edge), 120 px wide, between the tiles the sample
    reads: the limits were (0, 1), every chip of that date white.  When the tiles hold few valid pixels the
    limits come from a decimated read of the whole raster."""
    path = _large_tiled(tmp_path / "strip.tif")
    ds = gdal.Open(path, gdal.GA_Update)
    for b in (1, 2):
        a = ds.GetRasterBand(b).ReadAsArray()
        a[:, 120:] = 0
        ds.GetRasterBand(b).WriteArray(a)
    ds = None
    ds = gdal.Open(path)
    full = [ds.GetRasterBand(b).ReadAsArray() for b in (1, 2)]
    ds = None
    limits = stretch_limits(path, [1, 2])
    for i in (0, 1):
        exact = np.percentile(full[i][full[i] != 0], [2, 98])
        assert np.abs(limits[i] - exact).max() <= 0.02 * (exact[1] - exact[0]), (limits[i], exact)
    seen = _reads(monkeypatch)  # a raster mostly valid still reads its few tiles only (no second read)
    stretch_limits(_large_tiled(tmp_path / "big.tif", nodata_rows=300), [1, 2])
    assert sum(xs * ys for _x, _y, xs, ys, _bx, _by in seen) <= 2048 * 2048 / 8, seen


def test_stretch_limits_of_a_raster_valid_in_one_corner_come_from_its_tiles(tmp_path, monkeypatch):
    """A raster valid in one corner only (15 % of it: a scene's footprint in a larger grid) has tens of
    thousands of valid pixels in the sampled tiles, enough for its limits; it was read again whole (decimated:
    every tile decoded, 0.27 s instead of 0.03 s a 16-megapixel date) whenever they held fewer than a quarter
    of SAMPLE_PIXELS."""
    path = _large_tiled(tmp_path / "corner.tif")
    ds = gdal.Open(path, gdal.GA_Update)
    for b in (1, 2):
        a = ds.GetRasterBand(b).ReadAsArray()
        a[800:, :] = 0
        a[:, 800:] = 0
        ds.GetRasterBand(b).WriteArray(a)
    ds = None
    ds = gdal.Open(path)
    full = [ds.GetRasterBand(b).ReadAsArray() for b in (1, 2)]
    ds = None
    seen = _reads(monkeypatch)
    limits = stretch_limits(path, [1, 2])
    assert sum(xs * ys for _x, _y, xs, ys, _bx, _by in seen) <= 2048 * 2048 / 8, seen  # its tiles only
    for i in (0, 1):
        exact = np.percentile(full[i][full[i] != 0], [2, 98])
        assert np.abs(limits[i] - exact).max() <= 0.02 * (exact[1] - exact[0]), (limits[i], exact)
