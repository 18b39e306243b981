"""Multi-date rasters (every date's bands in one file): split into dates, the run is the run on the
separate files (model_core.stacked; detect --bands-per-date; the split command)."""

import os

import numpy as np
import pytest
from rasters import read_tif, write_tif

from model_core.cli import main
from model_core.errors import InputError, OutputError

DATES = ["2019-05-01", "2019-09-12", "2020-05-03", "2020-09-20"]
OUTPUTS = ("change_area.tif", "change_moment.tif", "confidence.tif")


def _dates_arrays(seed=3, t=4, bands=4, size=48):
    """Per date a (bands, size, size) uint16 array: a field that brightens from date 3 on, a smaller one from
    date 2 on, a nodata strip (0) on date 4."""
    rng = np.random.default_rng(seed)
    base = rng.normal(1200, 60, (bands, size, size))
    out = []
    for k in range(t):
        a = base + rng.normal(0, 15, base.shape)
        if k >= 2:
            a[:, 8:24, 8:30] += 900
        if k >= 1:
            a[:, 30:40, 30:44] -= 500
        a = a.clip(1, 60000).astype(np.uint16)
        if k == t - 1:
            a[:, 44:, :] = 0
        out.append(a)
    return out


_S2_RGBN = (4, 3, 2, 8, 11, 12)  # the arrays' bands as Sentinel-2's: R, G, B, NIR (then SWIR)


def _gee_name(date, band):
    d = date.replace("-", "")
    return f"{d}T101031_{d}T101027_T32TQM_B{band}"


def _separate(folder, arrays, dates=DATES):
    os.makedirs(folder, exist_ok=True)
    return [write_tif(os.path.join(folder, f"s2_{d}.tif"), a, nodata=0) for d, a in zip(dates, arrays)]


def _stacked(path, arrays, dates=DATES, order="date", names=True):
    """The arrays as one multi-date GeoTIFF, date by date (Earth Engine's toBands()) or band by band,
    with Earth Engine's band names."""
    n = arrays[0].shape[0]
    if order == "date":
        bands = [a[b] for a in arrays for b in range(n)]
        labels = [_gee_name(d, _S2_RGBN[b]) for d in dates for b in range(n)]
    else:
        bands = [a[b] for b in range(n) for a in arrays]
        labels = [_gee_name(d, _S2_RGBN[b]) for b in range(n) for d in dates]
    return write_tif(path, np.stack(bands), nodata=0, names=labels if names else None,
                     options=("COMPRESS=DEFLATE", "INTERLEAVE=PIXEL"))


def _run(capsys, argv):
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def _same_outputs(a, b):
    for name in OUTPUTS:
        x, y = read_tif(os.path.join(a, name)), read_tif(os.path.join(b, name))
        assert np.array_equal(x, y), name


@pytest.mark.parametrize("model,order", [("caimnet", "date"), ("isfa", "band")])
def test_a_multi_date_raster_gives_the_run_of_its_separate_dates(tmp_path, capsys, model, order):
    arrays = _dates_arrays()
    separate = _separate(str(tmp_path / "sep"), arrays)
    stack = _stacked(str(tmp_path / "gee_export.tif"), arrays, order=order)
    rc, out1, err1 = _run(capsys, ["detect", *separate, "--model", model, "--out", str(tmp_path / "a"), "--quiet"])
    assert rc == 0, err1
    # a single image whose band names carry the dates is split without being asked
    rc, out2, err2 = _run(capsys, ["detect", stack, "--model", model, "--out", str(tmp_path / "b"), "--quiet"])
    assert rc == 0, err2
    assert f"'gee_export.tif': 4 dates of 4 bands, {order} by {order}, 2019-05-01 to 2020-09-20" in err2
    _same_outputs(tmp_path / "a", tmp_path / "b")
    assert "Dates     4: " + ", ".join(DATES) in out2
    moment = read_tif(tmp_path / "b" / "change_moment.tif")
    assert moment[12, 12] == 2 and moment[34, 36] == 1 and moment[46, 5] == 255  # the nodata strip of date 4


def test_bands_per_date_with_a_band_mapping_dates_and_a_qa_band(tmp_path, capsys):
    """Dates of 5 bands (B, G, R, NIR, a QA band) without dates in the names: --bands-per-date 5, the
    mapping counted within a date (3,2,1,4), the dates given; as the separate files with the same mapping."""
    arrays = _dates_arrays(seed=5)
    bgrn = [np.concatenate([a[[2, 1, 0, 3]], np.full((1,) + a.shape[1:], 7, np.uint16)]) for a in arrays]
    separate = _separate(str(tmp_path / "sep"), bgrn)
    stack = _stacked(str(tmp_path / "cube.tif"), bgrn, names=False)
    common = ["--model", "caimnet", "--bands", "3,2,1,4", "--quiet"]
    rc, _, err = _run(capsys, ["detect", *separate, *common, "--out", str(tmp_path / "a")])
    assert rc == 0, err
    rc, out, err = _run(capsys, ["detect", stack, "--bands-per-date", "5", "--dates", ",".join(DATES), *common,
                                 "--out", str(tmp_path / "b")])
    assert rc == 0, err
    assert "'cube.tif': 4 dates of 5 bands, date by date, dates not in the band names" in err
    _same_outputs(tmp_path / "a", tmp_path / "b")
    # without dates the intervals are numbered; the run is the same
    rc, out, err = _run(capsys, ["detect", stack, "--bands-per-date", "5", *common, "--out", str(tmp_path / "c")])
    assert rc == 0, err
    assert "image 1 to image 2" in out
    _same_outputs(tmp_path / "a", tmp_path / "c")


def test_two_multi_date_files_make_one_series(tmp_path, capsys):
    arrays = _dates_arrays()
    separate = _separate(str(tmp_path / "sep"), arrays)
    first = _stacked(str(tmp_path / "2019.tif"), arrays[:2], dates=DATES[:2])
    second = _stacked(str(tmp_path / "2020.tif"), arrays[2:], dates=DATES[2:])
    rc, _, err = _run(capsys, ["detect", *separate, "--model", "cva", "--out", str(tmp_path / "a"), "--quiet"])
    assert rc == 0, err
    rc, out, err = _run(capsys, ["detect", first, second, "--bands-per-date", "auto", "--model", "cva",
                                 "--out", str(tmp_path / "b"), "--quiet"])
    assert rc == 0, err
    _same_outputs(tmp_path / "a", tmp_path / "b")
    assert "Dates     4: " + ", ".join(DATES) in out


def test_band_order_alone_reads_the_dates_from_the_names(tmp_path, capsys):
    """--band-order without --bands-per-date splits by the band names' dates, as BAND_ORDER alone does in
    Processing (it was refused: 'give --bands-per-date too')."""
    arrays = _dates_arrays(t=3)
    separate = _separate(str(tmp_path / "sep"), arrays[:3], dates=DATES[:3])
    stack = _stacked(str(tmp_path / "s.tif"), arrays[:3], dates=DATES[:3], order="band")
    rc, _, err = _run(capsys, ["detect", *separate, "--model", "cva", "--out", str(tmp_path / "a"), "--quiet"])
    assert rc == 0, err
    rc, out, err = _run(capsys, ["detect", stack, "--band-order", "band", "--model", "cva",
                                 "--out", str(tmp_path / "b"), "--quiet"])
    assert rc == 0, err
    _same_outputs(tmp_path / "a", tmp_path / "b")


def test_an_export_and_later_scenes_make_one_series(tmp_path, capsys):
    """An export whose band names carry dates beside ordinary later scenes (as caim:detectchanges takes
    them): the export is split, the scenes are one date each, in their places.  It was refused as 'different
    numbers of bands ... select them with the band mapping', which would have read the export's first date
    only; with --bands-per-date 4 a scene of 4 bands was refused as 'one date of 4 bands, not a series'."""
    arrays = _dates_arrays()
    separate = _separate(str(tmp_path / "sep"), arrays)
    export = _stacked(str(tmp_path / "export.tif"), arrays[1:3], dates=DATES[1:3])
    rc, _, err = _run(capsys, ["detect", *separate, "--model", "cva", "--out", str(tmp_path / "a"), "--quiet"])
    assert rc == 0, err
    for k, extra in enumerate(([], ["--bands-per-date", "4"])):
        rc, out, err = _run(capsys, ["detect", separate[0], export, separate[3], *extra, "--model", "cva",
                                     "--out", str(tmp_path / str(k)), "--quiet"])
        assert rc == 0, err
        _same_outputs(tmp_path / "a", tmp_path / str(k))
        assert "Dates     4: " + ", ".join(DATES) in out


def test_layout_mistakes_are_named_and_nothing_is_written(tmp_path, capsys):
    arrays = _dates_arrays(t=3)
    stack = _stacked(str(tmp_path / "s.tif"), arrays, dates=DATES[:3])
    plain = _stacked(str(tmp_path / "plain.tif"), arrays, dates=DATES[:3], names=False)
    cases = [
        ([stack, "--bands-per-date", "5"], ["'s.tif' has 12 bands", "not a whole number of dates of 5 bands"]),
        ([stack, "--bands-per-date", "12"], ["one date of 12 bands, not a series"]),
        ([stack, "--bands-per-date", "4", "--band-order", "band"],
         ["Read band by band as dates of 4 bands", "different dates", "--band-order date"]),
        # --band-order alone is --bands-per-date auto (as BAND_ORDER alone in Processing): dated names needed
        ([plain, "--band-order", "date"], ["'plain.tif' has 12 bands, and none of its band names carries a date"]),
        ([plain], ["needs at least 2 images; 1 given ('plain.tif', 12 bands)", "--bands-per-date 4"]),
        ([plain, "--bands-per-date", "auto"], ["'plain.tif' has 12 bands, and none of its band names carries a date"]),
        ([stack, "--bands-per-date", "x"], ["is not a number of bands"]),
    ]
    for argv, needles in cases:
        out_dir = tmp_path / "out"
        try:
            rc, out, err = _run(capsys, ["detect", *argv, "--model", "cva", "--out", str(out_dir), "--quiet"])
        except SystemExit as exc:  # argparse: a value of the wrong type
            rc, err = exc.code, capsys.readouterr().err
        assert rc == 2, (argv, err)
        assert "Traceback" not in err
        for needle in needles:
            assert needle in err, (argv, err)
        assert not out_dir.exists() or os.listdir(out_dir) == []


def test_outputs_over_the_multi_date_file_are_refused(tmp_path):
    """The dates are VRTs in memory; the file they read is what an output must not replace."""
    from model_core.predict import detect
    from model_core.stacked import Split

    stack = _stacked(str(tmp_path / "s.tif"), _dates_arrays(t=3), dates=DATES[:3])
    before = open(stack, "rb").read()
    with Split([stack]) as split:
        with pytest.raises(OutputError, match="s.tif"):
            detect(split.specs, model="cva", outputs={"moment": stack}, out_dir=str(tmp_path / "o"), overwrite=True)
    assert open(stack, "rb").read() == before


def test_the_in_memory_dates_are_freed_and_the_specs_are_not_changed_by_a_run(tmp_path):
    from osgeo import gdal

    from model_core.predict import detect
    from model_core.stacked import Split

    stack = _stacked(str(tmp_path / "s.tif"), _dates_arrays(t=3), dates=DATES[:3])
    with Split([stack]) as split:
        paths = [s.path for s in split.specs]
        assert all(p.startswith("/vsimem/") and gdal.VSIStatL(p) is not None for p in paths)
        assert [s.source for s in split.specs] == [stack] * 3
        assert [s.name for s in split.specs] == ["s.tif date 1 (bands 1-4)", "s.tif date 2 (bands 5-8)",
                                                 "s.tif date 3 (bands 9-12)"]
        detect(split.specs, model="cva", out_dir=str(tmp_path / "o"))
        assert all(s.bands is None for s in split.specs)  # the stack set a copy's band list
    assert all(gdal.VSIStatL(p) is None for p in paths)


def test_a_per_dataset_mask_of_the_file_masks_every_date(tmp_path, capsys):
    """A GeoTIFF's internal mask (no nodata value) reaches each date's VRT: masked pixels are nodata."""
    from osgeo import gdal

    arrays = [a.copy() for a in _dates_arrays(t=3)]
    path = str(tmp_path / "masked.tif")
    _stacked(path, arrays, dates=DATES[:3])
    ds = gdal.Open(path, gdal.GA_Update)
    for b in range(1, ds.RasterCount + 1):
        ds.GetRasterBand(b).DeleteNoDataValue()
    ds.CreateMaskBand(gdal.GMF_PER_DATASET)
    mask = np.full((48, 48), 255, np.uint8)
    mask[:5, :] = 0
    ds.GetRasterBand(1).GetMaskBand().WriteArray(mask)
    ds = None
    rc, _, err = _run(capsys, ["detect", path, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 0, err
    area = read_tif(tmp_path / "o" / "change_area.tif")
    assert (area[:5] == 255).all() and (area[5:44] != 255).all()


def test_split_command_writes_dated_vrts_that_run_as_the_separate_files(tmp_path, capsys):
    arrays = _dates_arrays()
    separate = _separate(str(tmp_path / "sep"), arrays)
    data = tmp_path / "data"
    data.mkdir()
    stack = _stacked(str(data / "export.tif"), arrays)
    out = data / "dates"
    rc, printed, err = _run(capsys, ["split", stack, "--out", str(out)])
    assert rc == 0, err
    names = sorted(os.listdir(out))
    assert names == [f"export_{k:02d}_{d}.vrt" for k, d in enumerate(DATES, start=1)]
    assert all(d in printed for d in DATES)
    # the VRTs read the file by a relative path: the folder moves with it
    moved = tmp_path / "moved"
    os.rename(data, moved)
    vrts = [str(moved / "dates" / n) for n in names]
    rc, _, err = _run(capsys, ["detect", *separate, "--model", "cva", "--out", str(tmp_path / "a"), "--quiet"])
    assert rc == 0, err
    rc, out_text, err = _run(capsys, ["detect", *vrts, "--model", "cva", "--out", str(tmp_path / "b"), "--quiet"])
    assert rc == 0, err
    assert "Dates     4: " + ", ".join(DATES) in out_text
    _same_outputs(tmp_path / "a", tmp_path / "b")
    # an existing VRT is not replaced without --overwrite; with it, dates given replace the names'
    before = open(vrts[0]).read()
    rc, _, err = _run(capsys, ["split", str(moved / "export.tif"), "--out", str(moved / "dates")])
    assert rc == 2 and "already exists (4 of the 4 files)" in err and "--overwrite" in err
    assert open(vrts[0]).read() == before
    rc, printed, err = _run(capsys, ["split", str(moved / "export.tif"), "--out", str(moved / "other"),
                                     "--dates", "2001,2002,2003,2004", "--bands-per-date", "4"])
    assert rc == 0, err
    assert sorted(os.listdir(moved / "other")) == [f"export_{k:02d}_{2000 + k}.vrt" for k in range(1, 5)]
    rc, _, err = _run(capsys, ["split", str(moved / "export.tif"), "--out", str(moved / "x"), "--dates", "2001,2002"])
    assert rc == 2 and "2 dates given for the 4 dates of 'export.tif'" in err
    assert not (moved / "x").exists()


def test_layout_reads_the_order_and_dates_from_landsat_and_sentinel_names():
    from osgeo import gdal

    from model_core.stacked import layout

    ds = gdal.GetDriverByName("MEM").Create("", 4, 4, 6, gdal.GDT_UInt16)
    names = [f"LC08_044034_2020{m:02d}05_SR_B{b}" for b in (2, 3, 4) for m in (1, 2)]  # band by band
    for b, name in enumerate(names, start=1):
        ds.GetRasterBand(b).SetDescription(name)
    groups, dates, order = layout(ds, "l8")
    assert order == "band" and groups == [[1, 3, 5], [2, 4, 6]] and dates == ["2020-01-05", "2020-02-05"]
    with pytest.raises(InputError, match="carry 4 dates, which do not split"):
        for b, m in enumerate([1, 2, 3, 4, 4, 4], start=1):
            ds.GetRasterBand(b).SetDescription(f"2020{m:02d}01_B1")
        layout(ds, "odd")


def _handles(path):
    """How many file descriptors of this process are open on ``path``."""
    real = os.path.realpath(path)
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.path.realpath(os.readlink(f"/proc/self/fd/{fd}")) == real
        except OSError:
            pass
    return count


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files in /proc")
def test_the_dates_read_the_file_through_one_handle(tmp_path):
    """Every date's VRT reads the multi-date file through one open handle, in memory and written by
    'split': one handle per date decoded each block of a pixel-interleaved file once per date (a 24-band
    1024 x 1024 DEFLATE file of 6 dates: ISFA took 8 s, 6 s on the separate files and now)."""
    from osgeo import gdal

    from model_core.stacked import Split, write_split

    stack = _stacked(str(tmp_path / "s.tif"), _dates_arrays(t=4), dates=DATES)
    with Split([stack]) as split:
        opened = [gdal.Open(s.path) for s in split.specs]
        assert [ds.GetRasterBand(2).ReadAsArray()[0, 0] for ds in opened]
        assert _handles(stack) == 1
        opened = None
    # written beside the file (GDAL then writes the relative path itself) and in a folder below it
    for folder in (str(tmp_path / "dates"), str(tmp_path)):
        written = write_split(stack, folder)
        opened = [gdal.Open(p) for p, _ in written]
        assert [ds.GetRasterBand(2).ReadAsArray()[0, 0] for ds in opened]
        assert _handles(stack) == 1, folder
        opened = None


def _named(path, arrays, names):
    return write_tif(path, np.concatenate(arrays), nodata=0, names=names)


def test_two_images_of_one_day_are_not_read_as_one_date(tmp_path, capsys):
    """Earth Engine's toBands() of a collection with two tiles on some days: each day's 8 bands are two
    images (B2, B3, B4, B8 of T31TFJ, then of T31TGJ), not one date of 8 bands."""
    arrays = _dates_arrays(t=6)
    days = ["20200105", "20200105", "20200304", "20200304", "20200503", "20200503"]
    tiles = ["T31TFJ", "T31TGJ"] * 3
    stack = _named(str(tmp_path / "tiles.tif"), arrays,
                   [f"{d}T103421_{d}T103423_{t}_B{b}" for d, t in zip(days, tiles) for b in (2, 3, 4, 8)])
    for argv in ([stack], [stack, "--bands-per-date", "auto"], ["split", stack, "--out", str(tmp_path / "v")]):
        argv = argv if argv[0] == "split" else ["detect", *argv, "--model", "cva", "--out", str(tmp_path / "o")]
        rc, _, err = _run(capsys, argv)
        assert rc == 2, (argv, err)
        assert ("'tiles.tif': the 8 bands of 2020-01-05 repeat their band names under different image names "
                "('20200105T103421_20200105T103423_T31TFJ_B2' and '20200105T103421_20200105T103423_T31TGJ_B2')"
                in err), err
        assert "mosaic() per day" in err and "--bands-per-date 8" in err and "Traceback" not in err
    assert not (tmp_path / "o").exists() and not (tmp_path / "v").exists()
    # one image's bands whose names do not repeat pass; a day with one tile more is named with its counts
    single = _named(str(tmp_path / "l8.tif"), arrays[:2],
                    [f"LC08_044034_2020010{k}_{b}" for k in (1, 2) for b in ("SR_B2", "SR_B3", "SR_B4", "QA_PIXEL")])
    rc, _, err = _run(capsys, ["detect", single, "--model", "cva", "--out", str(tmp_path / "l"), "--quiet"])
    assert rc == 0, err
    uneven = _named(str(tmp_path / "uneven.tif"), arrays[:3],
                    [f"{d}T103421_{d}T103423_{t}_B{b}" for d, t in zip(days[1:4], tiles[1:4]) for b in (2, 3, 4, 8)])
    rc, _, err = _run(capsys, ["detect", uneven, "--model", "cva", "--out", str(tmp_path / "u")])
    assert rc == 2 and "(bands per date 2020-01-05: 4, 2020-03-04: 8)" in err and "two tiles" in err, err


def test_an_undated_band_beside_the_dated_ones_is_named_with_the_way_out(tmp_path, capsys):
    arrays = _dates_arrays(t=3)
    names = [_gee_name(d, b) for d in DATES[:3] for b in (2, 3, 4, 8)]
    stack = _named(str(tmp_path / "count.tif"), arrays + [arrays[0][:1]], names + ["count"])
    for argv in (["detect", stack, "--model", "cva", "--out", str(tmp_path / "o")],
                 ["split", stack, "--out", str(tmp_path / "v")]):
        rc, _, err = _run(capsys, argv)
        assert rc == 2, err
        assert ("'count.tif' has 13 bands, and band 13 ('count') carries no date, beside the dated bands 1-12. "
                "Leave it out, e.g. with a VRT of the dated bands: gdal_translate -of VRT -b 1 -b 2 ... -b 12 "
                "count.tif dated.vrt") in err, err


def test_a_netcdf_cube_reads_its_dates_from_the_time_coordinate(tmp_path, capsys):
    """A one-variable data cube (NDVI over time): GDAL gives one band per time step, no band names; the
    dates come from the time axis (days since 1970-01-01), and the classical methods run on it."""
    rng = np.random.default_rng(1)
    values = rng.normal(0.4, 0.02, (3, 20, 24)).astype(np.float32)
    values[2:, 4:12, 4:12] = 0.9  # a change between the 2nd and the 3rd date
    cube = _variables_cube(tmp_path / "ndvi_cube.nc", [18262, 18293, 18322], values[:, None], names=("ndvi",),
                           epoch="1970-01-01 00:00:00", nodata=None)
    rc, out, err = _run(capsys, ["detect", cube, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 0, err
    assert "'ndvi_cube.nc': 3 dates of 1 band, date by date, 2020-01-01 to 2020-03-01 (from its time coordinate)" in err
    assert "Dates     3: 2020-01-01, 2020-02-01, 2020-03-01" in out
    moment = read_tif(tmp_path / "o" / "change_moment.tif")
    changed = read_tif(cube, 3) > 0.8  # the square, in the row order GDAL reads the cube in
    assert changed.sum() == 64 and (moment[changed] == 2).all() and (moment[~changed] == 0).mean() > 0.95
    # the networks name the classical methods
    rc, _, err = _run(capsys, ["detect", cube, "--model", "caimnet", "--out", str(tmp_path / "n"), "--quiet"])
    assert rc == 2 and "'ndvi_cube.nc date 1 (band 1)'" in err and "CVA or ISFA" in err


def test_cloud_masks_count_per_date_of_a_multi_date_file(tmp_path, capsys):
    arrays = _dates_arrays(t=3)
    stack = _stacked(str(tmp_path / "s.tif"), arrays, dates=DATES[:3])
    separate = _separate(str(tmp_path / "sep"), arrays, dates=DATES[:3])
    masks = []
    for k in range(3):
        m = np.zeros((48, 48), np.uint8)
        m[k * 10:k * 10 + 6, :] = 9
        masks.append(write_tif(tmp_path / f"mask_{k}.tif", m))
    common = ["--masks", *masks, "--model", "cva", "--fill-gaps", "--quiet"]
    assert _run(capsys, ["detect", *separate, *common, "--out", str(tmp_path / "a")])[0] == 0
    rc, out, err = _run(capsys, ["detect", stack, *common, "--out", str(tmp_path / "b")])
    assert rc == 0, err
    _same_outputs(tmp_path / "a", tmp_path / "b")
    assert (read_tif(tmp_path / "b" / "change_area.tif")[:6] != 255).all()  # filled, not nodata
    rc, _, err = _run(capsys, ["detect", stack, "--masks", *masks[:2], "--model", "cva", "--quiet",
                               "--out", str(tmp_path / "c")])
    assert rc == 2 and "2 mask files given for 3 dates. Give exactly one mask per date" in err


def test_the_split_names_carry_the_dates_of_the_dates_not_the_files(tmp_path, capsys):
    """A multi-date file named by its year or date range: its dates' VRTs must not be dated by that name
    (ndvi_2020_01.vrt read as January 2020; S2_2019-01-01_2020-12-31_02_2019-09-12.vrt as 2019-01-01)."""
    from model_core.stack import parse_date

    arrays = _dates_arrays()
    plain = _stacked(str(tmp_path / "ndvi_2020.tif"), arrays, names=False)
    rc, _, err = _run(capsys, ["split", plain, "--out", str(tmp_path / "a"), "--bands-per-date", "4"])
    assert rc == 0, err
    names = sorted(os.listdir(tmp_path / "a"))
    assert len(names) == 4 and [parse_date(n) for n in names] == [None] * 4, names
    ranged = _stacked(str(tmp_path / "S2_2019-01-01_2020-12-31.tif"), arrays)
    rc, _, err = _run(capsys, ["split", ranged, "--out", str(tmp_path / "b")])
    assert rc == 0, err
    names = sorted(os.listdir(tmp_path / "b"))
    assert [parse_date(n) for n in names] == DATES, names
    rc, out, err = _run(capsys, ["detect", *[str(tmp_path / "b" / n) for n in names], "--model", "cva",
                                 "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 0, err
    assert "Dates     4: " + ", ".join(DATES) in out
    # a name whose date cannot mislead is kept
    kept = _stacked(str(tmp_path / "gee_2019.tif"), arrays)
    rc, printed, err = _run(capsys, ["split", kept, "--out", str(tmp_path / "c")])
    assert rc == 0 and sorted(os.listdir(tmp_path / "c"))[0] == "gee_2019_01_2019-05-01.vrt", err


def test_split_vrts_read_the_file_by_a_relative_path_whatever_its_name(tmp_path, capsys):
    """Spaces, quotes, '&', '<' and non-ASCII letters in the folder and file names: the VRTs written beside
    the file still read it by a relative path (the folder moves) and open."""
    from osgeo import gdal

    folder = tmp_path / "Zeitreihe \"Nord\" & <Süd>"
    folder.mkdir()
    stack = _stacked(str(folder / "ex port's \"1\" & é.tif"), _dates_arrays(t=2), dates=DATES[:2])
    rc, _, err = _run(capsys, ["split", stack, "--out", str(folder / "dates")])
    assert rc == 0, err
    moved = tmp_path / "moved"
    os.rename(folder, moved)
    for name in sorted(os.listdir(moved / "dates")):
        text = open(moved / "dates" / name, encoding="utf-8").read()
        assert str(tmp_path) not in text and 'relativeToVRT="0"' not in text, text
        ds = gdal.Open(str(moved / "dates" / name))  # referenced while its band is read (GDAL 3.6's bindings)
        assert ds.GetRasterBand(1).Checksum() > 0
        ds = None


def test_a_split_that_fails_midway_leaves_no_vrt(tmp_path, monkeypatch):
    """write_split removes what it wrote when it fails, the VRT being written when it failed too."""
    from model_core import stacked

    stack = _stacked(str(tmp_path / "s.tif"), _dates_arrays(t=3), dates=DATES[:3])
    real, calls = stacked._edit_vrt, []

    def failing(path, change):
        calls.append(path)
        if len(calls) == 2:  # the 2nd date's VRT, written by GDAL, is being edited
            raise OutputError(f"The virtual raster '{path}' could not be written.")
        return real(path, change)

    monkeypatch.setattr(stacked, "_edit_vrt", failing)
    with pytest.raises(OutputError):
        stacked.write_split(stack, str(tmp_path / "dates"))
    assert not os.path.exists(tmp_path / "dates")  # (the folder it made, empty, goes too)


def test_detect_frees_the_in_memory_dates_also_when_the_run_fails(tmp_path, capsys, monkeypatch):
    from osgeo import gdal

    from model_core import stacked

    made, real = [], stacked.Split.__init__

    def init(self, *args, **kwargs):
        real(self, *args, **kwargs)
        made.extend(s.path for s in self.specs)

    monkeypatch.setattr(stacked.Split, "__init__", init)
    stack = _stacked(str(tmp_path / "s.tif"), _dates_arrays(t=3), dates=DATES[:3])
    rc, _, err = _run(capsys, ["detect", stack, "--bands", "1,2,3,9", "--model", "cva", "--out", str(tmp_path / "o")])
    assert rc == 2 and "Traceback" not in err, err
    assert len(made) == 3 and all(gdal.VSIStatL(p) is None for p in made), made
    rc, _, err = _run(capsys, ["detect", stack, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 0 and len(made) == 6 and all(gdal.VSIStatL(p) is None for p in made), err


def _variables_cube(path, days, arrays, names=("B02", "B03", "B04", "B08"), epoch="1990-01-01", nodata=-9999):
    """A CF NetCDF data cube of variables over time (as openEO or xarray save a Sentinel-2 cube, or one
    variable such as NDVI): ``arrays`` (T, variables, h, w), ``days`` since ``epoch`` in the standard
    calendar, a projected x / y grid."""
    from osgeo import gdal
    from osgeo import gdal_array

    drv = gdal.GetDriverByName("netCDF")
    if drv is None or drv.GetMetadataItem(gdal.DCAP_CREATE_MULTIDIMENSIONAL) != "YES":
        pytest.skip("GDAL's netCDF driver cannot write multidimensional files here")
    ds = drv.CreateMultiDimensional(str(path))
    root = ds.GetRootGroup()
    t, _, h, w = arrays.shape
    dims = [root.CreateDimension("t", None, None, t), root.CreateDimension("y", gdal.DIM_TYPE_HORIZONTAL_Y, None, h),
            root.CreateDimension("x", gdal.DIM_TYPE_HORIZONTAL_X, None, w)]
    string = gdal.ExtendedDataType.CreateString()
    time = root.CreateMDArray("t", dims[:1], gdal.ExtendedDataType.Create(gdal.GDT_Float64))
    time.Write(np.asarray(days, float))
    for key, text in (("units", f"days since {epoch}"), ("calendar", "standard"), ("standard_name", "time")):
        time.CreateAttribute(key, [], string).Write(text)
    for dim, step, name in ((dims[1], -10.0, "projection_y_coordinate"), (dims[2], 10.0, "projection_x_coordinate")):
        axis = root.CreateMDArray(dim.GetName(), [dim], gdal.ExtendedDataType.Create(gdal.GDT_Float64))
        axis.Write(np.arange(dim.GetSize(), dtype=float) * step + 500000.0)
        axis.CreateAttribute("standard_name", [], string).Write(name)
        axis.CreateAttribute("units", [], string).Write("m")
    kind = gdal.ExtendedDataType.Create(gdal_array.NumericTypeCodeToGDALTypeCode(arrays.dtype))
    for j, name in enumerate(names):
        var = root.CreateMDArray(name, dims, kind)
        if nodata is not None:
            var.SetNoDataValueDouble(nodata)
        var.Write(np.ascontiguousarray(arrays[:, j]))
    ds = None
    return str(path)


def test_a_data_cube_of_variables_runs_as_its_dates(tmp_path, capsys, monkeypatch):
    """A NetCDF cube of Sentinel-2's B02, B03, B04, B08 over three time steps: each date is the variables'
    time step, named by them (so the networks read B04, B03, B02, B08 as R, G, B, NIR), dated by the time
    axis; the run is the run on the dates as separate files, and 'split' writes VRTs that run alike."""
    from osgeo import gdal

    rng = np.random.default_rng(4)
    arrays = rng.normal(1200, 40, (3, 4, 24, 28)).astype(np.int16)
    arrays[1:, :, 4:14, 6:16] += 900  # a change between the 1st and the 2nd date
    arrays[2, :, 20:, :] = -9999
    cube = _variables_cube(tmp_path / "s2_cube.nc", [10957, 11000, 11050], arrays)
    first = gdal.Open(f'NETCDF:"{cube}":B02')
    separate = []
    for k, day in enumerate(["2020-01-01", "2020-02-13", "2020-04-03"]):
        path = write_tif(tmp_path / f"s2_{day}.tif", arrays[k], nodata=-9999, epsg=32633,
                         names=["B02", "B03", "B04", "B08"])  # the same bands, read as R, G, B, NIR alike
        ds = gdal.Open(path, gdal.GA_Update)
        ds.SetGeoTransform(first.GetGeoTransform())
        ds.SetProjection(first.GetProjection())
        ds = None
        separate.append(path)
    printed = {}
    for model in ("caimnet", "isfa"):
        rc, _, err = _run(capsys, ["detect", *separate, "--model", model, "--out", str(tmp_path / f"a_{model}"),
                                   "--quiet"])
        assert rc == 0, err
        rc, printed[model], err = _run(capsys, ["detect", cube, "--model", model, "--quiet",
                                                "--out", str(tmp_path / f"b_{model}")])
        assert rc == 0, err
        _same_outputs(tmp_path / f"a_{model}", tmp_path / f"b_{model}")
    assert "'s2_cube.nc': 3 dates of 4 variables (B02, B03, B04, B08), 2020-01-01 to 2020-04-03" in err
    assert "3,2,1,4 as R, G, B, NIR (from the rasters' band names)" in printed["caimnet"]
    moment = read_tif(tmp_path / "b_isfa" / "change_moment.tif")
    assert (moment[5:13, 7:15] == 1).all() and (moment[20:] == 255).all()
    # the VRTs of 'split' name the variables by the file's absolute path: they run from anywhere
    rc, printed, err = _run(capsys, ["split", cube, "--out", str(tmp_path / "dates")])
    assert rc == 0, err
    vrts = sorted(str(p) for p in (tmp_path / "dates").iterdir())
    assert [os.path.basename(p) for p in vrts] == ["s2_cube_01_2020-01-01.vrt", "s2_cube_02_2020-02-13.vrt",
                                                   "s2_cube_03_2020-04-03.vrt"]
    rc, _, err = _run(capsys, ["detect", *vrts, "--model", "isfa", "--out", str(tmp_path / "c"), "--quiet"])
    assert rc == 0, err
    _same_outputs(tmp_path / "a_isfa", tmp_path / "c")
    rc, _, err = _run(capsys, ["detect", cube, "--bands-per-date", "3", "--model", "isfa", "--quiet",
                               "--out", str(tmp_path / "d")])
    assert rc == 2 and "data cube of 4 variables (B02, B03, B04, B08) over 3 time steps" in err
    # one variable, as QGIS loads it (NETCDF:"file":B08): dates of one band, named cube_B08, the VRTs
    # reading it by the file's absolute path (a relative one written as '../NETCDF:...' opened nothing)
    monkeypatch.chdir(tmp_path)
    rc, printed, err = _run(capsys, ["split", 'NETCDF:"s2_cube.nc":B08', "--out", str(tmp_path / "nir")])
    assert rc == 0, err
    vrts = sorted(str(p) for p in (tmp_path / "nir").iterdir())
    assert [os.path.basename(p) for p in vrts] == ["s2_cube_B08_01_2020-01-01.vrt", "s2_cube_B08_02_2020-02-13.vrt",
                                                   "s2_cube_B08_03_2020-04-03.vrt"]
    rc, out, err = _run(capsys, ["detect", *vrts, "--model", "cva", "--out", str(tmp_path / "e"), "--quiet"])
    assert rc == 0, err
    assert (read_tif(tmp_path / "e" / "change_moment.tif")[5:13, 7:15] == 1).all()


def test_a_container_of_other_rasters_is_not_taken_for_a_data_cube(tmp_path, capsys):
    """A GeoPackage of two RGB tables has subdatasets of several bands, but no time axis: not a series
    (it had run as a cube of two 'variables' over three 'time steps')."""
    from osgeo import gdal

    rng = np.random.default_rng(0)
    path = str(tmp_path / "tiles.gpkg")
    for k, table in enumerate(("north", "south")):
        src = write_tif(tmp_path / f"{table}.tif", rng.integers(1, 255, (3, 16, 16)).astype(np.uint8))
        gdal.Translate(path, src, format="GPKG", creationOptions=[f"RASTER_TABLE={table}"]
                       + (["APPEND_SUBDATASET=YES"] if k else []))
    rc, _, err = _run(capsys, ["detect", path, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 2 and "needs at least 2 images; 1 given" in err
    assert "Multi-date raster" not in err


def test_split_into_folder_is_made_whole_or_not_at_all(tmp_path):
    """The folder of dates a run keeps (caim:detectchanges on one multi-date layer) appears whole, with the
    user's permissions (not a private temporary folder's 0700), or not at all; a folder it cannot write
    is named with the way out; the VRTs read the file by a relative path (the two move together)."""
    from model_core.stacked import remove_split, split_into_folder

    arrays = _dates_arrays(t=3, size=16)
    path = str(tmp_path / "export.tif")
    _stacked(path, arrays, dates=DATES[:3])
    folder, written, created = split_into_folder(path)
    assert created and folder == str(tmp_path / "export_dates")
    assert [d for _, d in written] == list(DATES[:3])
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat(folder).st_mode & 0o777 == 0o777 & ~umask
    assert 'relativeToVRT="1"' in open(written[0][0]).read()
    # again: the same folder; a refused layout leaves nothing (no hidden work folder either)
    assert split_into_folder(path) == (folder, written, False)
    with pytest.raises(InputError, match="not a whole number of dates"):
        split_into_folder(path, per_date=5)
    assert sorted(os.listdir(str(tmp_path))) == ["export.tif", "export_dates"]
    remove_split(folder, written)
    assert not os.path.exists(folder)
    # a parent that cannot take a folder (here a file: root writes into any folder)
    with pytest.raises(OutputError, match=r"Cannot write the dates of 'export.tif' into '.*export.tif' \(Not a directory\)\. Split it into a"):
        split_into_folder(path, parent=path)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
def test_the_hidden_folder_of_a_split_killed_halfway_goes_with_the_next_split(tmp_path):
    """A split killed halfway (qgis_process killed while it split a multi-date layer) left its hidden work
    folder (.export_dates.<hex>, with some of the dates' VRTs) beside the raster for good: never used as the
    split (right), but never removed either, one more per killed run (a visible folder on Windows).  The
    next split removes those no live process holds; a split being written by a live one stays."""
    import subprocess  # nosec B404 - our own code in a child process (SIGKILL would end pytest itself)
    import sys

    from model_core import staging
    from model_core.stacked import split_into_folder

    from rasters import ROOT

    arrays = _dates_arrays(t=3, size=16)
    path = str(tmp_path / "export.tif")
    _stacked(path, arrays, dates=DATES[:3])
    code = ("import os, signal\n"
            "from model_core import stacked\n"
            "real, n = stacked._write_vrt, []\n"
            "def killed(*a, **k):\n"
            "    n.append(1)\n"
            "    if len(n) == 3:\n"
            "        os.kill(os.getpid(), signal.SIGKILL)\n"
            "    return real(*a, **k)\n"
            "stacked._write_vrt = killed\n"
            f"stacked.split_into_folder({path!r})\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT),  # nosec
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr
    left = [n for n in os.listdir(str(tmp_path)) if n.startswith(".")]
    assert len(left) == 1 and left[0].startswith(".export_dates."), left
    live = tmp_path / ".export_dates.0123456789ab"  # another process splitting it now
    live.mkdir()
    fd = staging.hold(str(live))
    try:
        folder, written, created = split_into_folder(path)
        assert created and [d for _, d in written] == list(DATES[:3])
        assert sorted(os.listdir(str(tmp_path))) == [live.name, "export.tif", "export_dates"]
        assert sorted(os.listdir(folder)) == sorted(os.path.basename(v) for v, _ in written)  # no lock file
    finally:
        os.close(fd)


def test_two_splits_of_one_raster_at_once_share_one_folder(tmp_path, monkeypatch):
    """Two processes (qgis_process, a second QGIS) splitting the same raster at once: each writes its own
    hidden folder, finds no <name>_dates and renames its folder to it; the one renaming second found the
    other's there (ENOTEMPTY on Linux, EEXIST on Windows) and failed with a bare OSError.  It now looks at
    the folder again: the same VRTs, used again; other files, the next name."""
    import model_core.stacked as stacked

    path = str(tmp_path / "export.tif")
    _stacked(path, _dates_arrays(t=3, size=16), dates=DATES[:3])
    rename = os.rename
    other = []
    # what the other process does between our check and our rename: set below for each case, and looked up when
    # the rename comes (a holder, not a name defined twice, which pyflakes reads as a mistake)
    meanwhile = {}

    def the_other_first(src, dst):  # the other process's folder lands between our check and our rename
        if not other:
            other.append(None)
            other[0] = meanwhile["the_other"]()
        return rename(src, dst)

    def the_same_split():
        return stacked.split_into_folder(path)

    meanwhile["the_other"] = the_same_split
    monkeypatch.setattr(stacked.os, "rename", the_other_first)
    folder, written, created = stacked.split_into_folder(path)
    assert other[0][2] and other[0][0] == folder == str(tmp_path / "export_dates")
    assert not created and written == other[0][1]
    assert sorted(e for e in os.listdir(str(tmp_path)) if "dates" in e) == ["export_dates"]
    # what landed there is something else (another layout, the user's files): the next name
    import shutil

    shutil.rmtree(folder)
    other.clear()

    def the_user_s_folder():
        (tmp_path / "export_dates").mkdir()
        (tmp_path / "export_dates" / "notes.txt").write_text("mine")

    meanwhile["the_other"] = the_user_s_folder
    folder, written, created = stacked.split_into_folder(path)
    assert created and folder == str(tmp_path / "export_dates_2")
    assert (tmp_path / "export_dates" / "notes.txt").read_text() == "mine"
    assert sorted(e for e in os.listdir(str(tmp_path)) if "dates" in e) == ["export_dates", "export_dates_2"]


def test_a_split_into_a_file_says_so(tmp_path, capsys):
    """The split's folder given as a file (caim:splitdates's OUTPUT, --out; a file <name>_dates beside the
    raster) ended in a bare FileExistsError traceback; a folder below a file in NotADirectoryError's."""
    from model_core.stacked import write_split

    path = str(tmp_path / "export.tif")
    _stacked(path, _dates_arrays(t=3, size=16), dates=DATES[:3])
    in_the_way = tmp_path / "export_dates"
    in_the_way.write_text("mine")
    with pytest.raises(OutputError, match=r"'.*export_dates' is a file, not a folder: choose a folder"):
        write_split(path, str(in_the_way))
    with pytest.raises(OutputError, match=r"Cannot make the folder '.*export_dates.sub' \(Not a directory\)"):
        write_split(path, str(in_the_way / "sub"))
    assert in_the_way.read_text() == "mine"
    rc, _, err = _run(capsys, ["split", path, "--out", str(in_the_way)])
    assert rc != 0 and "is a file, not a folder" in err and "Traceback" not in err


def test_a_failed_run_leaves_the_dates_another_process_uses_since(tmp_path, monkeypatch):
    """Process A splits (caim:detectchanges's prepareAlgorithm), process B (another qgis_process) uses the
    same folder again and runs; A then fails and removed the folder under B, whose outputs' run info,
    pixel inspector and saved project read those VRTs (reproduced with two processes).  A use again stamps
    the folder; A's remove_split leaves a folder stamped since it made it."""
    import time

    import model_core.stacked as stacked

    path = str(tmp_path / "export.tif")
    _stacked(path, _dates_arrays(t=3, size=16), dates=DATES[:3])
    folder, written, created = stacked.split_into_folder(path)
    assert created
    time.sleep(0.05)
    with monkeypatch.context() as m:  # the other process: its own (empty) record of the folders it made
        m.setattr(stacked, "_MADE", {}, raising=False)
        assert stacked.split_into_folder(path) == (folder, written, False)
    stacked.remove_split(folder, written)
    assert sorted(os.listdir(folder)) == sorted(os.path.basename(p) for p, _ in written)
    # used again by this process only (the run given the raster twice): its run's failure removes it
    import shutil

    shutil.rmtree(folder)
    folder, written, created = stacked.split_into_folder(path)
    time.sleep(0.05)
    assert stacked.split_into_folder(path) == (folder, written, False)
    stacked.remove_split(folder, written)
    assert not os.path.exists(folder)


def test_a_split_folder_is_used_again_after_a_histogram_was_computed_on_its_dates(tmp_path):
    """GDAL keeps a histogram computed on a date (QGIS's histogram panel, gdalinfo -hist) in the VRT
    itself, as it keeps statistics: derived data, which does not make the folder another split (each such
    look made another <name>_dates_2, _3, ...)."""
    from osgeo import gdal

    from model_core.stacked import split_into_folder

    path = str(tmp_path / "export.tif")
    _stacked(path, _dates_arrays(t=3, size=16), dates=DATES[:3])
    folder, written, created = split_into_folder(path)
    vrt = written[0][0]
    before = open(vrt).read()
    ds = gdal.Open(vrt)
    ds.GetRasterBand(1).GetHistogram(approx_ok=0)
    ds = None
    assert "<Histograms>" in open(vrt).read() and open(vrt).read() != before
    assert split_into_folder(path) == (folder, written, False)
    assert not os.path.exists(folder + "_2")


def test_a_split_folder_is_used_again_when_gdal_wrote_a_date_s_metadata_items_in_another_order(tmp_path):
    """GDAL 3.13, writing a date's VRT again after a histogram was computed on it, wrote its IMAGE_STRUCTURE items
    in another order (COMPRESSION before INTERLEAVE): the same split, which made the next run write <name>_dates_2
    on QGIS 3.44.  A VRT that differs in an item's value is still another split."""
    import re

    from model_core.stacked import split_into_folder, without_hints

    path = str(tmp_path / "export.tif")
    _stacked(path, _dates_arrays(t=3, size=16), dates=DATES[:3])
    folder, written, created = split_into_folder(path)
    vrt = written[0][0]
    text = open(vrt).read()
    block = re.search(r'<Metadata domain="IMAGE_STRUCTURE">(.*?)\s*</Metadata>', text, re.S)
    items = re.findall(r'\s*<MDI key="[^"]*">[^<]*</MDI>', block.group(1))
    assert len(items) >= 2, text
    swapped = text.replace(block.group(1), "".join(reversed(items)))
    assert swapped != text and without_hints(swapped) == without_hints(text)
    with open(vrt, "w") as fh:
        fh.write(swapped)
    assert split_into_folder(path) == (folder, written, False)
    assert not os.path.exists(folder + "_2")
    # another value of an item is another split
    with open(vrt, "w") as fh:
        fh.write(swapped.replace('key="INTERLEAVE">PIXEL<', 'key="INTERLEAVE">BAND<'))
    assert split_into_folder(path)[0] == folder + "_2"


def test_a_split_folder_is_used_again_after_pyramids_were_built_on_its_dates(tmp_path):
    """QGIS's Build pyramids (Layer Properties, external by default) and gdaladdo write <date>.vrt.ovr beside
    a date's VRT, GDAL statistics it cannot keep in the VRT <date>.vrt.aux.xml: derived files, which made
    the folder another split (the next run wrote <name>_dates_2).  A file of the user's still does."""
    from osgeo import gdal

    from model_core.stacked import split_into_folder

    path = str(tmp_path / "export.tif")
    _stacked(path, _dates_arrays(t=3, size=16), dates=DATES[:3])
    folder, written, created = split_into_folder(path)
    ds = gdal.Open(written[0][0])
    ds.BuildOverviews("NEAREST", [2])
    ds = None
    assert os.path.isfile(written[0][0] + ".ovr")
    with open(written[1][0] + ".aux.xml", "w") as f:
        f.write("<PAMDataset/>")
    assert split_into_folder(path) == (folder, written, False)
    assert not os.path.exists(folder + "_2")
    with open(os.path.join(folder, "notes.ovr"), "w") as f:
        f.write("mine")
    assert split_into_folder(path)[0] == folder + "_2"


def test_the_report_names_the_multi_date_raster_not_its_dates(tmp_path, capsys):
    """The report's inputs: an export among scenes is named once, with its number of dates ('export.tif (2
    dates)'), not as the in-memory VRTs of its dates ('d001.vrt'); the scenes by their file names."""
    import html
    import re

    arrays = _dates_arrays()
    separate = _separate(str(tmp_path / "sep"), arrays)
    export = _stacked(str(tmp_path / "export.tif"), arrays[1:3], dates=DATES[1:3])
    report = str(tmp_path / "report.html")
    rc, _, err = _run(capsys, ["detect", separate[0], export, separate[3], "--model", "cva", "--out",
                               str(tmp_path / "o"), "--report", report, "--quiet"])
    assert rc == 0, err
    row = re.search(r"<th>Inputs</th><td>([^<]*)</td>", open(report, encoding="utf-8").read()).group(1)
    assert html.unescape(row) == "s2_2019-05-01.tif, export.tif (2 dates), s2_2020-09-20.tif"


def test_variables_of_one_cube_given_together_are_its_dates(tmp_path, capsys):
    """A NetCDF cube's variables given one by one, as QGIS adds them (NETCDF:"cube.nc":B02, ...): one series
    whose dates have the variables' bands, the run of the whole cube; they ran as 12 one-band dates (every
    date four times, out of order).  Variables of another time axis are refused, naming both."""
    from osgeo import gdal

    rng = np.random.default_rng(4)
    arrays = rng.normal(1200, 40, (3, 4, 24, 28)).astype(np.int16)
    arrays[1:, :, 4:14, 6:16] += 900
    cube = _variables_cube(tmp_path / "s2_cube.nc", [10957, 11000, 11050], arrays)
    rc, _, err = _run(capsys, ["detect", cube, "--model", "isfa", "--quiet", "--out", str(tmp_path / "whole")])
    assert rc == 0, err
    variables = ['NETCDF:"%s":%s' % (cube, v) for v in ("B02", "B03", "B04", "B08")]
    rc, out, err = _run(capsys, ["detect", *variables, "--model", "isfa", "--out", str(tmp_path / "vars"),
                                 "--report", str(tmp_path / "vars" / "report.html")])
    assert rc == 0, err
    assert "'s2_cube_B02_B03_B04_B08': 3 dates of 4 variables (B02, B03, B04, B08), 2020-01-01 to 2020-04-03" in err
    assert "Dates     3: 2020-01-01, 2020-02-13, 2020-04-03" in out
    _same_outputs(tmp_path / "whole", tmp_path / "vars")
    assert "<th>Inputs</th><td>s2_cube.nc (3 dates)</td>" in open(tmp_path / "vars" / "report.html").read()
    # two time axes in one file: B08 over 2 time steps beside B02 over 3
    path = str(tmp_path / "two_axes.nc")
    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(path)
    root = ds.GetRootGroup()
    string = gdal.ExtendedDataType.CreateString()
    y = root.CreateDimension("y", gdal.DIM_TYPE_HORIZONTAL_Y, None, 24)
    x = root.CreateDimension("x", gdal.DIM_TYPE_HORIZONTAL_X, None, 28)
    for tname, days, var in (("t", [10957, 11000, 11050], "B02"), ("t2", [10957, 11050], "B08")):
        t = root.CreateDimension(tname, None, None, len(days))
        axis = root.CreateMDArray(tname, [t], gdal.ExtendedDataType.Create(gdal.GDT_Float64))
        axis.Write(np.asarray(days, float))
        for key, text in (("units", "days since 1990-01-01"), ("calendar", "standard"), ("standard_name", "time")):
            axis.CreateAttribute(key, [], string).Write(text)
        arr = root.CreateMDArray(var, [t, y, x], gdal.ExtendedDataType.Create(gdal.GDT_Int16))
        arr.Write(np.ascontiguousarray(arrays[:len(days), 0]))
    ds = None
    rc, _, err = _run(capsys, ["detect", 'NETCDF:"%s":B02' % path, 'NETCDF:"%s":B08' % path, "--model", "isfa",
                               "--out", str(tmp_path / "axes"), "--quiet"])
    assert rc == 2 and "The variables B02 and B08 of 'two_axes_B02_B08' have different time axes" in err, err
    assert not os.path.exists(tmp_path / "axes")


def test_an_earth_engine_export_in_sentinel2_band_order_reads_its_bands_by_name(tmp_path, capsys):
    """A Sentinel-2 toBands() export keeps Sentinel-2's order (B2, B3, B4, B8, QA60 per date): the image id
    before each name says B4 is red, so the network reads each date's bands 3, 2, 1, 4 without a band
    mapping and the run is that of the separate R, G, B, NIR files.  Before, plain B<n> names were not
    trusted and the 5 bands were refused ('select 4 bands with the band mapping'); with 4 bands, bands 1-4
    would have been taken as R, G, B, NIR: red and blue swapped."""
    arrays = _dates_arrays(t=3)
    separate = _separate(str(tmp_path / "sep"), arrays, DATES[:3])
    rc, _, err = _run(capsys, ["detect", *separate, "--model", "caimnet", "--out", str(tmp_path / "a"), "--quiet"])
    assert rc == 0, err
    bands, names = [], []
    for d, a in zip(DATES[:3], arrays):
        for k, name in ((2, "B2"), (1, "B3"), (0, "B4"), (3, "B8")):
            bands.append(a[k])
            names.append(_gee_name(d, name[1:]))
        bands.append(np.zeros_like(a[0]) + 1)
        names.append(_gee_name(d, "QA60")[:-5] + "QA60")
    export = write_tif(str(tmp_path / "s2_export.tif"), np.stack(bands), nodata=0, names=names)
    rc, out, err = _run(capsys, ["detect", export, "--model", "caimnet", "--out", str(tmp_path / "b")])
    assert rc == 0, err
    assert "3,2,1,4 as R, G, B, NIR (from the rasters' band names)" in out
    _same_outputs(tmp_path / "a", tmp_path / "b")


def test_variables_with_underscores_in_their_names_keep_them_in_the_folder_name(tmp_path):
    """The variables of one cube given together are labelled by the file and every variable's whole name
    (s2_cube_ndvi_mean_evi_mean): a name of its own with an underscore lost all but its last part
    (s2_cube_ndvi_mean_mean), in the messages and in the dates' folder name."""
    from model_core.stacked import _label, dates_folder_name, group_variables

    rng = np.random.default_rng(5)
    arrays = rng.normal(1200, 40, (3, 2, 12, 14)).astype(np.int16)
    cube = _variables_cube(tmp_path / "s2_cube.nc", [10957, 11000, 11050], arrays, names=("ndvi_mean", "evi_mean"))
    (group,) = group_variables(['NETCDF:"%s":%s' % (cube, v) for v in ("ndvi_mean", "evi_mean")])
    assert _label(group) == "s2_cube_ndvi_mean_evi_mean"
    assert dates_folder_name(group) == "s2_cube_ndvi_mean_evi_mean_dates"


def test_a_variable_given_twice_among_the_variables_of_a_cube_is_refused(tmp_path, capsys):
    """A variable of a cube given twice with others of it (a layer added twice, or a typo on the command
    line): every date would have its band twice, and a network would read it as another colour; it ran
    so, unsaid. It is refused, naming the variable."""
    rng = np.random.default_rng(6)
    arrays = rng.normal(1200, 40, (3, 2, 12, 14)).astype(np.int16)
    cube = _variables_cube(tmp_path / "s2_cube.nc", [10957, 11000, 11050], arrays, names=("B02", "B03"))
    variables = ['NETCDF:"%s":%s' % (cube, v) for v in ("B02", "B03", "B02")]
    rc, _, err = _run(capsys, ["detect", *variables, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 2 and "The variable B02 of 's2_cube.nc' is given twice" in err, err
    assert not os.path.exists(tmp_path / "o")



@pytest.mark.skipif(os.name != "posix", reason="POSIX locks")
def test_a_complete_split_is_not_taken_for_an_abandoned_one_while_it_lets_go(tmp_path, monkeypatch):
    """A split lets go of its lock once its hidden folder is complete, before renaming it to <name>_dates. It
    dropped the lock first and removed the lock file after: another split starting in between (a second
    qgis_process on the raster) found the folder unlocked, took it for a killed run's and removed it, and the
    first split failed. Nor may a sweep that opened the lock file just before it was removed take it."""
    import fcntl

    from model_core import staging
    from model_core.stacked import remove_split, split_into_folder

    arrays = _dates_arrays(t=3, size=16)
    path = str(tmp_path / "export.tif")
    _stacked(path, arrays, dates=DATES[:3])
    held, real_hold, real_close, real_flock = [], staging.hold, os.close, fcntl.flock

    def hold(folder):
        held.append(real_hold(folder))
        return held[-1]

    def other_split():  # as the next split begins: its sweep of the raster's folder
        return staging.remove_abandoned(str(tmp_path), ".export_dates.", r"\.export_dates\.[0-9a-f]{12}")

    def close(fd):  # the other split sweeps just as the lock is let go
        real_close(fd)
        if fd == held[0]:
            assert other_split() == []

    monkeypatch.setattr(staging, "hold", hold)
    monkeypatch.setattr(os, "close", close)
    folder, written, created = split_into_folder(path)
    monkeypatch.setattr(os, "close", real_close)
    assert created and sorted(os.listdir(folder)) == sorted(os.path.basename(v) for v, _ in written)
    remove_split(folder, written)

    # the sweep opened the lock file of a folder whose split then let go (file removed, lock dropped)
    work = tmp_path / ".export_dates.0123456789ab"
    work.mkdir()
    fd = real_hold(str(work))
    tried = []

    def flock(other, how):
        if other != fd and not tried:
            tried.append(other)
            staging.let_go(fd, str(work))
        return real_flock(other, how)

    monkeypatch.setattr(fcntl, "flock", flock)
    assert other_split() == [] and tried and work.is_dir()
