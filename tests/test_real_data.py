"""The engine on real imagery from ../shared/data (skipped when the folder is absent)."""

import glob
import os

import numpy as np
import pytest
from osgeo import gdal
from rasters import read_tif

from model_core.predict import detect
from model_core.stack import Stack

pytestmark = pytest.mark.shared


def test_naip_dates_on_shifted_grids_are_aligned(shared_data, tmp_path):
    files = sorted(glob.glob(os.path.join(shared_data, "naip-north-dakota", "*.tif")))[:3]
    s = Stack(files)
    assert s.dates == ["2009-08-18", "2010-06-29", "2012-07-31"]
    ref = gdal.Open(files[0]).GetGeoTransform()
    g = s.grid
    # the reference's 5 m pixel grid, clipped to the overlap of the three footprints
    assert (g.px, g.py) == (5.0, 5.0)
    assert (g.x0 - ref[0]) % 5 == 0 and (ref[3] - g.y0) % 5 == 0
    assert 700 < g.height <= 724 and 900 < g.width <= 934
    assert [src.warped for src in s.sources][0] is False
    assert any(src.warped for src in s.sources[1:])  # a 2 m shifted grid is resampled
    values, valid = s.read(0, 0, g.width, g.height, buf=(g.width // 4, g.height // 4))
    assert valid.mean() > 0.95
    # the same field is the same field: aligned dates correlate strongly in NIR
    r = np.corrcoef(values[0, 3][valid], values[1, 3][valid])[0, 1]
    assert r > 0.5


def test_landsat_run_keeps_grid_and_nodata(shared_data, tmp_path):
    files = sorted(glob.glob(os.path.join(shared_data, "landsat-pucallpa", "*.tif")))[-3:]
    res = detect(files, out_dir=str(tmp_path), bands=[3, 4, 4, 2])
    assert res.dates == ["2010", "2015", "2020"]
    out = gdal.Open(res.paths["moment"])
    src = gdal.Open(files[0])
    assert out.GetGeoTransform() == pytest.approx(src.GetGeoTransform())
    assert (out.RasterXSize, out.RasterYSize) == (697, 377)
    moment = read_tif(res.paths["moment"])
    # nodata 0 in 8-bit bands: nodata where every band read is 0 (2010's 23 pixels); 0 in some bands only
    # is data (dark water: SWIR 0 in 7-72 pixels per date), see stack.nodata_pixels
    nodata_in = np.zeros((377, 697), bool)
    for f in files:
        nodata_in |= (gdal.Open(f).ReadAsArray()[[2, 3, 1]] == 0).all(axis=0)
    assert 0 < nodata_in.sum() < 100
    assert np.array_equal(moment == 255, nodata_in)
    # geographic grid: hectares from the latitude-dependent pixel area (~89 m x 89 m near 8.3 S)
    ha_per_px = res.hectares[res.interval_labels[0]] / max((moment == 1).sum(), 1)
    assert ha_per_px == pytest.approx(0.79, rel=0.03) or (moment == 1).sum() == 0


def test_taizhou_envi_pair_reads(shared_data, tmp_path):
    a = os.path.join(shared_data, "taizhou", "2000TM")
    b = os.path.join(shared_data, "taizhou", "2003TM")
    s = Stack([a, b], bands=[3, 2, 1, 4])
    assert s.dates == ["2000", "2003"] and (s.grid.width, s.grid.height) == (400, 400)
    assert s.grid.px == 30.0


def test_taizhou_fusion_evaluate_reads_the_pair_as_the_engine(shared_data, tmp_path):
    """`evaluate --dataset taizhou --model caimnet_cva` reads TM 3,2,1,4 for the network and TM 5, 7 for
    the CVA part, as the engine does for that model without a band mapping (it was the automatic choice for
    two dates until rule Y3), and predicts what the engine writes."""
    import argparse

    from model_core import weights as W
    from model_core.evaluate import _series_for, predict_scene

    root = os.path.join(shared_data, "taizhou")
    res = detect([os.path.join(root, "2000TM"), os.path.join(root, "2003TM")], out_dir=str(tmp_path / "t"),
                 model="caimnet_cva")
    assert res.model == "caimnet_cva" and any("the CVA part also uses band(s) 5,6" in n for n in res.notes)
    args = argparse.Namespace(dataset="taizhou", root=root, t=None, bands=None, model="caimnet_cva")
    series = _series_for(args)[0]
    assert series.values.shape[1] == 6
    model = W.load_model(W.default_weights("caimnet"), arch="caimnet_cva")
    pred = predict_scene(model, series.values, series.valid)
    assert (pred == read_tif(res.paths["moment"])).mean() > 0.999


def test_landsat_series_as_one_multi_date_file_runs_as_its_dates(shared_data, tmp_path):
    """The 8 real Landsat dates of Pucallpa stacked into one 32-band GeoTIFF (band by band, as a
    per-band time-series export holds them, with Earth Engine-style names), run by the automatic model
    with the demo's band mapping: the outputs are those of the 8 files."""
    from model_core.cli import main

    files = sorted(glob.glob(os.path.join(shared_data, "landsat-pucallpa", "*.tif")))
    years = [os.path.splitext(os.path.basename(f))[0] for f in files]
    arrays = [gdal.Open(f).ReadAsArray() for f in files]
    first = gdal.Open(files[0])
    path = str(tmp_path / "pucallpa_series.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, first.RasterXSize, first.RasterYSize, 4 * len(files), gdal.GDT_Byte,
                                              options=["COMPRESS=DEFLATE", "TILED=YES"])
    ds.SetGeoTransform(first.GetGeoTransform())
    ds.SetProjection(first.GetProjection())
    for b in range(4):
        for k, (year, a) in enumerate(zip(years, arrays)):
            band = ds.GetRasterBand(b * len(files) + k + 1)
            band.WriteArray(a[b])
            band.SetNoDataValue(0)
            band.SetDescription(f"LT05_006066_{year}0715_SR_B{b + 1}")
    ds = None
    common = ["--model", "auto", "--bands", "3,4,4,2", "--quiet"]
    assert main(["detect", *files, *common, "--out", str(tmp_path / "files")]) == 0
    assert main(["detect", path, *common, "--out", str(tmp_path / "one")]) == 0
    for name in ("change_area.tif", "change_moment.tif", "confidence.tif"):
        assert np.array_equal(read_tif(tmp_path / "files" / name), read_tif(tmp_path / "one" / name)), name
    out = gdal.Open(str(tmp_path / "one" / "change_moment.tif"))
    assert out.GetMetadataItem("CAIM_DATES") == ",".join(f"{y}-07-15" for y in years)


def _wide_landsat_mosaic(shared_data, folder, years=("2010", "2015", "2020"), across=3):
    """Real Pucallpa dates as VRTs of ``across`` copies side by side (2091 x 377 px for 3): wider than 2048 px, so
    the run builds overviews, as on a full scene, while the test stays small."""
    paths = []
    for year in years:
        src = gdal.Open(os.path.join(shared_data, "landsat-pucallpa", f"{year}.tif"))
        w, h, n = src.RasterXSize, src.RasterYSize, src.RasterCount
        gt = src.GetGeoTransform()
        bands = []
        for b in range(1, n + 1):
            sources = "".join(
                f'<SimpleSource><SourceFilename relativeToVRT="0">{src.GetDescription()}</SourceFilename>'
                f'<SourceBand>{b}</SourceBand><SrcRect xOff="0" yOff="0" xSize="{w}" ySize="{h}"/>'
                f'<DstRect xOff="{i * w}" yOff="0" xSize="{w}" ySize="{h}"/></SimpleSource>' for i in range(across))
            bands.append(f'<VRTRasterBand dataType="Byte" band="{b}"><NoDataValue>0</NoDataValue>{sources}'
                         '</VRTRasterBand>')
        path = os.path.join(folder, f"{year}.vrt")
        with open(path, "w") as f:
            f.write(f'<VRTDataset rasterXSize="{across * w}" rasterYSize="{h}"><SRS>{src.GetProjection()}</SRS>'
                    f'<GeoTransform>{", ".join(repr(v) for v in gt)}</GeoTransform>{"".join(bands)}</VRTDataset>')
        paths.append(path)
    return paths


def test_a_wide_scene_says_what_it_does_before_and_after_the_tiles(shared_data, tmp_path):
    """On a full Landsat scene (6273 x 6032 px, 8 dates) the progress stood still for 15-25 s at 'Computing scene
    statistics' and, after 'Tile 306/306', for 30 s in QGIS (the overviews, then the probabilities written out) with
    nothing said (a big-scene walk): the statistics count the dates, the overviews are named."""
    files = _wide_landsat_mosaic(shared_data, str(tmp_path))
    seen = []
    res = detect(files, out_dir=str(tmp_path / "o"), model="cva", progress=lambda f, m="": seen.append((f, m)))
    messages = [m for _, m in seen]
    stats = [m for m in messages if m.startswith("Computing scene statistics")]
    assert stats == [f"Computing scene statistics: date {k} of 3" for k in (1, 2, 3)], messages
    last_tile = max(i for i, m in enumerate(messages) if m.startswith("Tile"))
    assert messages.index(stats[-1]) < min(i for i, m in enumerate(messages) if m.startswith("Tile"))
    assert messages[last_tile + 1:] == ["Building overviews for display", "Done"], messages
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    ds = gdal.Open(res.paths["moment"])  # referenced while its band is read (GDAL 3.6's bindings)
    assert ds.GetRasterBand(1).GetOverviewCount() == 4
    ds = None


def test_cancel_while_the_overviews_are_built_writes_nothing(shared_data, tmp_path):
    """The overviews of a full scene take seconds to tens of seconds after the last tile: a cancel then stopped
    nothing until they were done.  Now GDAL's callback asks, and the run stops with nothing written."""
    from model_core.errors import Cancelled

    files = _wide_landsat_mosaic(shared_data, str(tmp_path))
    seen = []
    out = tmp_path / "o"
    with pytest.raises(Cancelled):
        detect(files, out_dir=str(out), model="cva", progress=lambda f, m="": seen.append(m),
               cancel=lambda: "Building overviews for display" in seen)
    assert "Building overviews for display" in seen
    assert not out.exists() or os.listdir(out) == []


def test_the_tiles_outputs_leave_gdals_cache_as_their_block_rows_complete(shared_data, tmp_path):
    """Inside QGIS (GDAL's cache: 5 % of the RAM) every output block stayed in the cache, uncompressed and dirty, until
    the files were closed: a 6273 x 6032 px, 8-date run ended its tiles holding about 1.2 GB, compressed in 11 s after
    the overviews that a cancel could not stop (and again when a cancel closed the files).  Whole block rows are now
    written and flushed as the tile rows complete: at the overviews the outputs hold (almost) nothing in the cache."""
    files = _wide_landsat_mosaic(shared_data, str(tmp_path), years=("2000", "2010", "2015", "2020"), across=4)
    used = {}

    def progress(_fraction, message=""):
        used.setdefault("start", gdal.GetCacheUsed())
        if message == "Building overviews for display":
            used["overviews"] = gdal.GetCacheUsed()

    cache = gdal.GetCacheMax()
    gdal.SetCacheMax(512 << 20)
    try:
        res = detect(files, out_dir=str(tmp_path / "o"), model="cva", tile=160, probabilities=True, progress=progress)
    finally:
        gdal.SetCacheMax(cache)
    ds = gdal.Open(res.paths["probabilities"])
    uncompressed = ds.RasterXSize * ds.RasterYSize * (1 + 1 + 4 + 4 * ds.RasterCount)  # area, moment, confidence
    # (what stays: the inputs' blocks, read and clean, 4.2 MB here; before, 38 MB)
    assert used["overviews"] - used["start"] < uncompressed / 2, (used, uncompressed)


def test_outputs_are_written_without_the_space_of_half_written_blocks(shared_data, tmp_path):
    """A GDAL cache smaller than the outputs (the command line's 192 MB on a full scene) flushed blocks a tile row had
    only half written; written again, a compressed block is appended and its old copy left in the file: on the 6273 x
    6032 px, 8-date mosaic moment_probability.tif took 1084 MB where a copy took 924 MB.  Each block is now written
    once; the probabilities' bands are stored one after the other (INTERLEAVE=BAND: one band is read without the others)."""
    files = _wide_landsat_mosaic(shared_data, str(tmp_path), years=("2000", "2010", "2015", "2020"), across=4)
    cache = gdal.GetCacheMax()
    gdal.SetCacheMax(1 << 20)
    try:
        res = detect(files, out_dir=str(tmp_path / "o"), model="cva", tile=160, probabilities=True)
    finally:
        gdal.SetCacheMax(cache)
    for key in ("area", "moment", "confidence", "probabilities"):
        ds = gdal.Open(res.paths[key])
        band = ds.GetRasterBand(1)
        options = ["TILED=YES", "COMPRESS=DEFLATE", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "INTERLEAVE=BAND"] + (
            ["COPY_SRC_OVERVIEWS=YES"] if band.GetOverviewCount() else []) + (
            ["PREDICTOR=3"] if band.DataType == gdal.GDT_Float32 else [])
        del band
        copy = gdal.Translate(str(tmp_path / f"copy_{key}.tif"), ds, creationOptions=options)
        del copy  # closes it
        size, compact = os.path.getsize(res.paths[key]), os.path.getsize(tmp_path / f"copy_{key}.tif")
        assert size < 1.05 * compact + 20000, (key, size, compact)
    assert gdal.Open(res.paths["probabilities"]).GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") == "BAND"


def test_min_patch_outputs_are_not_left_with_the_space_of_rewritten_blocks(shared_data, tmp_path):
    """--min-patch rewrites the blocks of the written maps that hold a dropped patch; a compressed GeoTIFF block
    rewritten with another size is appended and the old one left as dead space: on a 6273 x 6032 px, 8-date Landsat
    mosaic (CVA, --min-patch 4; big-scene walk) confidence.tif was 265 MB where a copy of it took 153 MB.  The rewritten
    maps are copied compact, with their overviews, metadata, class names and colours.  (A GDAL block cache smaller than
    the maps, as on a full scene, flushes the blocks before they are rewritten.)"""
    files = _wide_landsat_mosaic(shared_data, str(tmp_path))
    cache = gdal.GetCacheMax()
    gdal.SetCacheMax(1 << 20)
    try:
        res = detect(files, out_dir=str(tmp_path / "o"), model="cva", min_patch=4)
    finally:
        gdal.SetCacheMax(cache)
    assert res.removed_pixels > 0
    for key in ("area", "moment", "confidence"):
        path = res.paths[key]
        ds = gdal.Open(path)
        band = ds.GetRasterBand(1)
        options = ["TILED=YES", "COMPRESS=DEFLATE", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COPY_SRC_OVERVIEWS=YES"] + (
            ["PREDICTOR=3"] if band.DataType == gdal.GDT_Float32 else [])
        copy = gdal.Translate(str(tmp_path / f"copy_{key}.tif"), ds, creationOptions=options)
        del copy  # closes it
        assert os.path.getsize(path) <= 1.02 * os.path.getsize(tmp_path / f"copy_{key}.tif"), key
        assert band.GetOverviewCount() == 4 and ds.GetMetadataItem("CAIM_MIN_PATCH") == "4"
        assert band.GetNoDataValue() is not None
    ds = gdal.Open(res.paths["moment"])  # (held: a band outlives no dataset)
    moment = ds.GetRasterBand(1)
    assert moment.GetNoDataValue() == 255  # (GDAL 3.6 reads the class names, .aux.xml, only after such a call)
    assert moment.GetCategoryNames()[:2] == ["no change", "2010 to 2015"] and moment.GetColorTable() is not None
    assert moment.GetDescription().startswith("change moment")


def test_outputs_written_directly_above_the_held_rows_limit_are_the_same(shared_data, tmp_path, monkeypatch):
    """Above HELD_ROWS_LIMIT (a very wide scene) the largest outputs are written as the tiles come, the others held
    by block rows: the same pixels as all held."""
    from model_core import predict

    files = _wide_landsat_mosaic(shared_data, str(tmp_path))
    full = detect(files, out_dir=str(tmp_path / "held"), model="cva", tile=160, probabilities=True, min_patch=4)
    # area, moment, confidence and p(no change) held: 10 bytes a pixel (255 + 160 rows at most, 2091 px: 8.7 MB); not
    # the probabilities of 3 dates, 12 more
    monkeypatch.setattr(predict, "HELD_ROWS_LIMIT", 12 << 20)
    seen = []
    real = predict._BlockRows

    def recording(ds, core_height=0, direct=False):
        seen.append((ds.RasterCount, direct))
        return real(ds, core_height, direct)

    monkeypatch.setattr(predict, "_BlockRows", recording)
    part = detect(files, out_dir=str(tmp_path / "part"), model="cva", tile=160, probabilities=True, min_patch=4)
    assert sorted(seen) == [(1, False)] * 4 + [(3, True)], seen
    for key in ("area", "moment", "confidence", "probabilities"):
        assert np.array_equal(read_tif(full.paths[key])[0], read_tif(part.paths[key])[0]), key


@pytest.mark.parametrize("stage", ["Removing changed patches under 4 px",
                                   "Copying the maps without the space of the removed patches"])
def test_cancel_while_the_minimum_patch_is_applied_writes_nothing(shared_data, tmp_path, stage):
    """After the tiles, --min-patch finds the small patches (polygons, rasterized), rewrites the maps and copies them
    compact (seconds on a full scene): a cancel then was not asked until the outputs were in place.  Now GDAL's
    callbacks and the loops ask, and the run stops with nothing written."""
    from model_core.errors import Cancelled

    files = _wide_landsat_mosaic(shared_data, str(tmp_path))
    seen, asked = [], []

    def cancel():
        if stage in seen:
            asked.append(seen[-1])
            return True
        return False

    out = tmp_path / "o"
    with pytest.raises(Cancelled):
        detect(files, out_dir=str(out), model="cva", min_patch=4, progress=lambda f, m="": seen.append(m),
               cancel=cancel)
    assert asked and asked[0] == stage, (asked, seen)
    assert not out.exists() or os.listdir(out) == []
