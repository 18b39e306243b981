"""One file per band stacked into one VRT per date (model_core.bandfiles, ``python -m model_core stackbands``):
on the real CBERS-4 cube of ../shared/data, and on Landsat Collection 2 and Sentinel-2 products written in
their exact layouts from real pixels (tests/fixtures/bandfiles.py)."""

import glob
import os
import re
import subprocess  # nosec B404 -- this project's own command line
import sys

import numpy as np
import pytest
from fixtures import bandfiles as fx
from osgeo import gdal, osr
from rasters import ROOT, SHARED_DATA, write_tif

from model_core import bandfiles
from model_core.bandmap import infer_rgbn
from model_core.cli import main
from model_core.errors import InputError, OutputError

CBERS = os.path.join(SHARED_DATA, "cbers-cube")


def _run(capsys, argv):
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def _band(path, b):
    """(scale, offset, description) of band ``b`` of ``path`` (the dataset kept open while its band is read:
    GDAL 3.6's Python frees a band with a dataset nobody holds)."""
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(b)
    return band.GetScale(), band.GetOffset(), band.GetDescription()


def _bands(path):
    ds = gdal.Open(str(path))
    return [ds.GetRasterBand(b).ReadAsArray() for b in range(1, ds.RasterCount + 1)]


def _nothing_left(folder):
    """No file and no hidden staging folder in ``folder`` (or no folder at all)."""
    return not os.path.exists(folder) or os.listdir(folder) == []


# --------------------------------------------------------------------------------------------- CBERS
@pytest.fixture
def cbers():
    if not os.path.isdir(CBERS):
        pytest.skip("../shared/data/cbers-cube is absent")
    return CBERS


def _readme_loop(tmp_path, cbers):
    """The README's shell loop (gdalbuildvrt -q -separate cbers_$d.vrt *_{B15,B14,B13,B16}_$d.tif), run."""
    out = tmp_path / "loop"
    out.mkdir()
    dates = sorted(re.sub(r".*_B13_(.*)\.tif", r"\1", n) for n in os.listdir(cbers) if "_B13_" in n)
    for d in dates:
        files = [glob.glob(os.path.join(cbers, f"*_{b}_{d}.tif"))[0] for b in ("B15", "B14", "B13", "B16")]
        subprocess.run(["gdalbuildvrt", "-q", "-separate", str(out / f"cbers_{d}.vrt"), *files],  # nosec B603 B607
                       check=True)
    return dates, out


def test_cbers_cube_gives_what_the_readme_loop_gives(tmp_path, cbers, capsys):
    """The real CBERS-4 AWFI cube (14 dates, B13-B16 and CMASK per date): one VRT per date whose bands are,
    pixel for pixel, those of the README's gdalbuildvrt loop (B13-B16 in the sensor's order by default; with
    --bands B15,B14,B13,B16 in the loop's order), with the files' nodata, the bands named by role (so the
    networks find R, G, B, NIR without --bands), and one CMASK VRT per date paired by date."""
    dates, loop = _readme_loop(tmp_path, cbers)
    rc, out, err = _run(capsys, ["stackbands", cbers, "--out", str(tmp_path / "dates")])
    assert rc == 0, err
    assert "14 date(s), 2018-02-02 to 2018-08-29" in out and "Blue (B13), Green (B14), Red (B15), NIR (B16)" in out
    assert "masks: 14 of 14 dates (CMASK), clear values 0" in out
    assert sorted(os.listdir(tmp_path / "dates")) == sorted([f"{d}.vrt" for d in dates] + [f"{d}.qml" for d in dates]
                                                            + ["masks"])
    for d in dates:
        mine, theirs = _bands(tmp_path / "dates" / f"{d}.vrt"), _bands(loop / f"cbers_{d}.vrt")
        for k, j in enumerate((2, 1, 0, 3)):  # mine B13..B16; the loop's B15, B14, B13, B16
            np.testing.assert_array_equal(mine[k], theirs[j])
        ds = gdal.Open(str(tmp_path / "dates" / f"{d}.vrt"))
        assert infer_rgbn(ds) == ([3, 2, 1, 4], "wavelengths")
        assert ds.GetRasterBand(1).GetNoDataValue() == -9999
        mask = _bands(tmp_path / "dates" / "masks" / f"{d}_CMASK.vrt")[0]
        np.testing.assert_array_equal(mask, _bands(glob.glob(os.path.join(cbers, f"*_CMASK_{d}.tif"))[0])[0])
    rc, out, err = _run(capsys, ["stackbands", cbers, "--out", str(tmp_path / "ordered"), "--bands",
                                 "B15,B14,B13,B16"])
    assert rc == 0, err
    for d in dates:
        for mine, theirs in zip(_bands(tmp_path / "ordered" / f"{d}.vrt"), _bands(loop / f"cbers_{d}.vrt")):
            np.testing.assert_array_equal(mine, theirs)


def test_detect_runs_on_the_stacked_cbers_cube_with_its_masks(tmp_path, cbers, capsys):
    """detect with --masks, as the summary's 'next' line gives it, runs on the stacked cube, and gives the
    change map of the README's loop (the same bands in the same order) pixel for pixel."""
    dates, loop = _readme_loop(tmp_path, cbers)
    rc, out, err = _run(capsys, ["stackbands", cbers, "--out", str(tmp_path / "d"), "--bands", "red,green,blue,nir"])
    assert rc == 0, err
    command = out.split("next: python -m model_core ")[1].splitlines()[0].split()
    assert command[0] == "detect" and "--masks" in command and command[-2:] == ["--out", "result"]
    command = [c.strip("'") for c in command[:-1]] + [str(tmp_path / "r1"), "--model", "cva", "--quiet"]
    rc, _, err = _run(capsys, command)
    assert rc == 0, err
    masks = sorted(glob.glob(os.path.join(cbers, "*CMASK*.tif")))
    rc, _, err = _run(capsys, ["detect", *sorted(str(p) for p in loop.iterdir()), "--masks", *masks, "--fill-gaps",
                               "--model", "cva", "--out", str(tmp_path / "r2"), "--quiet"])
    assert rc == 0, err
    a = _bands(tmp_path / "r1" / "change_moment.tif")[0]
    np.testing.assert_array_equal(a, _bands(tmp_path / "r2" / "change_moment.tif")[0])
    assert (a > 0).any() and (a < 255).any()


# --------------------------------------------------------------------------------------------- Landsat
def test_landsat_l2_acquisition_date_roles_scaling_and_masks(tmp_path, capsys):
    """Two Landsat 8 Collection 2 Level-2 products as EarthExplorer gives them: dated by the 4th field of the
    product id (not the processing date after it), SR_B2-SR_B7 stacked in the sensor's order with the MTL's
    2.75e-05 / -0.2, so the engine reads reflectance; QA_PIXEL as each date's mask with Landsat 8-9's clear
    values; the other files named as left out."""
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    _, _, refl = fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919", cloud=(5, 10, 5, 10))
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 0, err
    assert "Landsat 8 OLI Collection 2 Level-2, scene 007066: 2 date(s), 2015-08-05 to 2020-08-12" in out
    assert "Blue (SR_B2), Green (SR_B3), Red (SR_B4), NIR (SR_B5), SWIR 1 (SR_B6), SWIR 2 (SR_B7)" in out
    assert "not stacked (give them with --bands): Coastal aerosol (SR_B1), Surface temperature (ST_B10)" in out
    assert "scale/offset applied: MTL: 2.75e-05 / -0.2" in out
    assert "clear values bit6&!bit2&!bit4" in out and "QA_RADSAT" in out
    assert sorted(os.listdir(tmp_path / "out")) == ["2015-08-05.qml", "2015-08-05.vrt", "2020-08-12.qml",
                                                    "2020-08-12.vrt", "masks"]
    assert sorted(os.listdir(tmp_path / "out" / "masks")) == ["2015-08-05_QA_PIXEL.vrt", "2020-08-12_QA_PIXEL.vrt"]
    vrt = str(tmp_path / "out" / "2020-08-12.vrt")
    ds = gdal.Open(vrt)
    assert infer_rgbn(ds) == ([3, 2, 1, 4], "wavelengths")
    assert [ds.GetRasterBand(b).GetDescription() for b in (1, 4)] == ["Blue (SR_B2)", "NIR (SR_B5)"]
    assert ds.GetRasterBand(3).GetNoDataValue() == 0
    # QGIS draws the VRT in true colour: its red, green and blue bands by their colour interpretations
    assert [gdal.GetColorInterpretationName(ds.GetRasterBand(b).GetColorInterpretation()) for b in range(1, 7)] == [
        "Blue", "Green", "Red", "Undefined", "Undefined", "Undefined"]
    assert ds.GetRasterBand(3).GetScale() == pytest.approx(2.75e-05) and ds.GetRasterBand(3).GetOffset() == -0.2
    # the engine reads reflectance, without --bands
    from model_core.stack import Stack

    stack = Stack([str(tmp_path / "out" / "2015-08-05.vrt"), vrt])
    values, valid = stack.read(0, 0, 40, 30)
    assert values.shape[:2] == (2, 6)  # every band, in the VRT's order: red is the third
    np.testing.assert_allclose(values[1, 2][valid], refl["B4"][valid], atol=2e-5)
    assert not valid[0, :3].any()  # the fill
    stack.close()


def test_detect_on_stacked_landsat_reads_roles_and_masks(tmp_path, capsys):
    """A run of detect on the stacked Landsat fixture needs no --bands (3,2,1,4 from the wavelengths), and the
    QA_PIXEL masks hide the cloud of the second date."""
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919", cloud=(5, 10, 5, 10))
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 0, err
    command = [c.strip("'") for c in out.split("next: python -m model_core ")[1].splitlines()[0].split()[:-1]]
    rc, out, err = _run(capsys, command + [str(tmp_path / "r"), "--model", "caimnet"])
    assert rc == 0, err
    assert "Bands     3,2,1,4 as R, G, B, NIR (from the rasters' wavelengths)" in out
    assert "2020-08-12 2.33 %" in out  # the 5 x 5 cloud and the fill of 40 x 30 px


def test_a_landsat_series_of_several_sensors(tmp_path, capsys):
    """Landsat 5 TM, 7 ETM+ and 8 OLI dates of one path/row are one series: bands matched by role (TM's SR_B3
    and OLI's SR_B4 are both red), each date's VRT in the same role order, described by its own product band;
    the masks' clear values right for both QA_PIXEL kinds; a band number, which differs between the sensors,
    refused in --bands, roles taken; detect runs on the three dates with the masks."""
    fx.write_landsat(tmp_path / "in", 1995, "19950710", "20200909", sat="LT05")
    _, _, refl7 = fx.write_landsat(tmp_path / "in", 2005, "20050725", "20200909", sat="LE07", cloud=(5, 10, 5, 10))
    _, _, refl8 = fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 0, err
    assert "Landsat 5 TM, Landsat 7 ETM+, Landsat 8 OLI Collection 2 Level-2, scene 007066: 3 date(s)" in out
    assert ("bands per date (6): Blue (SR_B1/SR_B2), Green (SR_B2/SR_B3), Red (SR_B3/SR_B4), NIR (SR_B4/SR_B5), "
            "SWIR 1 (SR_B5/SR_B6), SWIR 2 (SR_B7)") in out
    assert f"clear values {bandfiles.MIXED_LANDSAT_CLEAR}" in out
    assert f"--mask-clear '{bandfiles.MIXED_LANDSAT_CLEAR}'" in out
    ds7, ds8 = gdal.Open(str(tmp_path / "out" / "2005-07-25.vrt")), gdal.Open(str(tmp_path / "out" / "2020-08-12.vrt"))
    assert [ds7.GetRasterBand(b).GetDescription() for b in (1, 3, 4)] == ["Blue (SR_B1)", "Red (SR_B3)", "NIR (SR_B4)"]
    assert [ds8.GetRasterBand(b).GetDescription() for b in (1, 3, 4)] == ["Blue (SR_B2)", "Red (SR_B4)", "NIR (SR_B5)"]
    assert infer_rgbn(ds7) == infer_rgbn(ds8) == ([3, 2, 1, 4], "wavelengths")
    red7 = ds7.GetRasterBand(3)
    np.testing.assert_allclose(red7.ReadAsArray()[1:] * red7.GetScale() + red7.GetOffset(), refl7["B3"][1:], atol=2e-5)
    # the mixed clear values: Landsat 4-7's clear land (5440) and 8-9's (21824) clear, both clouds (5896, 22280) not
    from model_core.stack import parse_clear_values

    clear = parse_clear_values(bandfiles.MIXED_LANDSAT_CLEAR)
    assert clear.clear(np.array([5440, 5504, 21824, 21952, 5896, 22280, 1])).tolist() == [True, True, True, True,
                                                                                         False, False, False]
    rc, _, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "o2"), "--bands", "SR_B4"])
    assert rc == 2 and "'SR_B4' is NIR for some dates, Red for others" in err and "name the bands by role" in err
    rc, _, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "o2"), "--bands",
                               "red,green,blue,nir"])
    assert rc == 0, err
    command = [c.strip("'") for c in out.split("next: python -m model_core ")[1].splitlines()[0].split()[:-1]]
    rc, out, err = _run(capsys, command + [str(tmp_path / "r"), "--model", "cva"])
    assert rc == 0, err
    assert "3 of 3 dates have a mask file" in out and "2005-07-25 2.33 %" in out


def test_landsat_l1_top_of_atmosphere_from_the_mtl(tmp_path, capsys):
    """Level-1: the MTL's REFLECTANCE_MULT/ADD divided by the sine of SUN_ELEVATION (top-of-atmosphere
    reflectance); without the MTL, the digital numbers, said in a note."""
    _, _, refl = fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919", level="L1TP")
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908", level="L1TP", mtl=False)
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    ds = gdal.Open(str(tmp_path / "out" / "2020-08-12.vrt"))
    band = ds.GetRasterBand(3)
    assert band.GetDescription() == "Red (B4)"
    np.testing.assert_allclose(band.ReadAsArray()[5:] * band.GetScale() + band.GetOffset(), refl["B4"][5:], atol=3e-5)
    assert _band(tmp_path / "out" / "2015-08-05.vrt", 3)[0] in (None, 1.0)
    assert any("no MTL file" in n for n in res.notes) and "Note:" in res.text()


def test_landsat_l1_thermal_band_is_not_said_to_lack_its_mtl(tmp_path):
    """A Level-1 thermal band (B10) asked for with --bands: the MTL beside it has no reflectance rescaling of it
    (thermal bands have none).  The note said 'no MTL file with the reflectance rescaling beside it' (the MTL
    is there); it now says why the band stays digital numbers."""
    import shutil

    folder, pid, _ = fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919", level="L1TP")
    shutil.copy(os.path.join(folder, f"{pid}_B7.TIF"), os.path.join(folder, f"{pid}_B10.TIF"))
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"), bands="red,nir,B10")
    assert _band(tmp_path / "out" / "2020-08-12.vrt", 1)[2] == "Red (B4)"
    assert _band(tmp_path / "out" / "2020-08-12.vrt", 3)[:2] in ((None, None), (1.0, 0.0))
    assert not any("no MTL file" in n for n in res.notes)
    assert f"{pid}: its MTL gives no reflectance rescaling of B10 (a thermal band): its values stay digital numbers" \
        in res.notes


# --------------------------------------------------------------------------------------------- Sentinel-2
def test_sentinel2_safe_baselines_compare(tmp_path):
    """Two Sentinel-2 L2A SAFE products, baseline 03.00 (2021) and 04.00 (2022, BOA_ADD_OFFSET -1000 in its
    MTD_MSIL2A.xml; given as the .zip): both read as reflectance, so the dates compare; the 10 and 20 m bands
    on the 10 m grid, B01/B09 and TCI/AOT/WVP left out, SCL at 20 m as the mask."""
    _, refl21 = fx.write_s2_safe(tmp_path / "in", "20210612", baseline="0300")
    zipped, refl22 = fx.write_s2_safe(tmp_path / "in", "20220612", baseline="0400", as_zip=True, cloud=(2, 8, 2, 8))
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    text = res.text()
    assert "Sentinel-2 L2A, scene T18LUM: 2 date(s), 2021-06-12 to 2022-06-12" in text
    assert "bands per date (10): Blue (B02), Green (B03), Red (B04), Red edge 1 (B05)" in text
    assert "not stacked (give them with --bands): B01, B09" in text
    assert "true-colour image" in text and "aerosol optical thickness" in text
    # which dates have the baseline's offset (it said "MTD_MSIL2A.xml: 0.0001 / -0.1; MTD_MSIL2A.xml: 0.0001 / 0")
    assert ("scale/offset applied: MTD_MSIL2A.xml: 0.0001 / -0.1 (2022-06-12); MTD_MSIL2A.xml: 0.0001 / 0 "
            "(2021-06-12)") in text
    for date, refl in (("2021-06-12", refl21), ("2022-06-12", refl22)):
        ds = gdal.Open(str(tmp_path / "out" / f"{date}.vrt"))
        assert (ds.RasterXSize, ds.RasterCount) == (20, 10)
        assert infer_rgbn(ds) == ([3, 2, 1, 7], "wavelengths")
        red = ds.GetRasterBand(3)
        np.testing.assert_allclose(red.ReadAsArray() * red.GetScale() + red.GetOffset(), refl["B04"], atol=6e-5)
        assert "/R10m/" in ds.GetFileList()[1] or any("B04_10m" in f for f in ds.GetFileList())
        mask = gdal.Open(str(tmp_path / "out" / "masks" / f"{date}_SCL.vrt"))
        assert mask.RasterXSize == 10 and mask.GetRasterBand(1).GetNoDataValue() == 0
    assert _band(tmp_path / "out" / "2022-06-12.vrt", 1)[1] == pytest.approx(-0.1)
    assert _band(tmp_path / "out" / "2021-06-12.vrt", 1)[1] in (None, 0.0)
    assert "/vsizip/" in open(str(tmp_path / "out" / "2022-06-12.vrt")).read()
    assert res.masks[0].endswith("masks/2021-06-12_SCL.vrt")


def test_sentinel2_offset_from_the_name_when_the_mtd_is_missing(tmp_path):
    """Without MTD_MSIL2A.xml the baseline in the product name (N0400) gives the offset."""
    fx.write_s2_safe(tmp_path / "in", "20220612", baseline="0400", mtd=False)
    fx.write_s2_safe(tmp_path / "in", "20220701", baseline="0400", mtd=False)
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"), bands="B04,B03,B02,B08")
    assert "processing baseline N0400 in the product name: 0.0001 / -0.1" in res.text()
    ds = gdal.Open(res.vrts[0])
    assert [ds.GetRasterBand(b).GetDescription() for b in range(1, 5)] == ["Red (B04)", "Green (B03)", "Blue (B02)",
                                                                           "NIR (B08)"]


def test_sentinel2_stac_folders(tmp_path):
    """COGs from a STAC catalogue, a folder per scene: Earth Search's asset names (red.tif, nir08.tif, scl.tif)
    with the item's raster:bands scale and offset, and band names (B04.tif) with N0510 in the folder's name."""
    item = {"type": "Feature", "id": "S2B_18LUM_20230612_0_L2A", "properties": {"s2:processing_baseline": "05.09"},
            "assets": {k: {"href": f"https://example.invalid/{v}.tif", "raster:bands": [{"scale": 0.0001,
                                                                                          "offset": -0.1}]}
                       for k, v in (("red", "B04"), ("green", "B03"), ("blue", "B02"), ("nir", "B08"),
                                    ("rededge1", "B05"), ("rededge2", "B06"), ("rededge3", "B07"), ("nir08", "B8A"),
                                    ("swir16", "B11"), ("swir22", "B12"))}}
    _, refl = fx.write_s2_stac(tmp_path / "in", "S2B_18LUM_20230612_0_L2A", item=item)
    fx.write_s2_stac(tmp_path / "in", "S2B_MSIL2A_20240612T151709_N0510_R125_T18LUM_20240612T194020", assets=False)
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    text = res.text()
    assert "STAC item: 0.0001 / -0.1" in text and "processing baseline N0510 in the product name" in text
    assert [os.path.basename(p) for p in res.vrts] == ["2023-06-12.vrt", "2024-06-12.vrt"]
    ds = gdal.Open(res.vrts[0])
    red = ds.GetRasterBand(3)
    np.testing.assert_allclose(red.ReadAsArray() * red.GetScale() + red.GetOffset(), refl["B04"], atol=6e-5)
    assert infer_rgbn(ds) == ([3, 2, 1, 7], "wavelengths")


def test_sentinel2_cog_folder_with_its_preview(tmp_path):
    """An Earth Search COG folder copied whole (aws s3 sync of sentinel-s2-l2a-cogs/.../S2B_18LUM_20230612_0_L2A):
    beside B04.tif ... it holds L2A_PVI.tif, the product's quicklook, which could not be placed, so the whole run
    was refused.  It is left out as the quicklook it is."""
    folder, _ = fx.write_s2_stac(tmp_path / "in", "S2B_18LUM_20230612_0_L2A", assets=False)
    write_tif(os.path.join(folder, "L2A_PVI.tif"), np.full((10, 10), 80, np.uint8), origin=(600000.0, 9000000.0),
              epsg=32718)
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    assert "Left out (quicklook): 1 file(s), e.g. L2A_PVI.tif" in res.text()


@pytest.mark.parametrize("baseline, named, offset", [(2.14, "0214", 0.0), ("2.14", "0214", 0.0), ("02.14", "0214", 0.0),
                                                     ("04.00", "0400", -0.1), (5.1, "0510", -0.1)])
def test_sentinel2_stac_baseline_without_its_leading_zero(tmp_path, baseline, named, offset):
    """A STAC item's s2:processing_baseline written without the leading zero (2.14, as a number or a string):
    its first two characters were read as the major version ('2.' gave 21 >= 4), so a 2019 product got the
    offset of baseline 04.00 and read 0.1 too dark.  The version before the dot counts; the summary said the
    baseline was 'in the product name', it says 'of the STAC item'."""
    item = {"type": "Feature", "id": "S2B_18LUM_20190612_0_L2A", "properties": {"s2:processing_baseline": baseline},
            "assets": {"red": {"href": "https://example.invalid/B04.tif"}}}
    fx.write_s2_stac(tmp_path / "in", "S2B_18LUM_20190612_0_L2A", item=item)
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"), bands="red,green,blue,nir")
    assert _band(res.vrts[0], 1)[1] == pytest.approx(offset)
    assert f"processing baseline N{named} of the STAC item: 0.0001 / {offset:g}" in res.text()


# --------------------------------------------------------------------------------------------- refusals
def _generic(folder, date, band, origin=(500000.0, 5200000.0), epsg=32633, name=None):
    os.makedirs(folder, exist_ok=True)
    return write_tif(os.path.join(folder, name or f"scene_{date}_{band}.tif"),
                     np.full((10, 10), 100, np.uint16), origin=origin, epsg=epsg)


def test_refuses_a_date_that_lacks_a_band(tmp_path, capsys):
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919", bands=("B2", "B3", "B4", "B5", "B6"))
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 2 and "Traceback" not in err
    assert "2020-08-12 lacks band SWIR 2 (SR_B7), which 1 other date(s) have (e.g. 2015-08-05" in err
    assert _nothing_left(tmp_path / "out")
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--bands",
                                 "red,green,blue,nir"])
    assert rc == 0, err  # the bands every date has


def test_refuses_two_scenes_it_cannot_tell_apart(tmp_path):
    """Files of one date and band twice (two tiles named alike), and one date's bands far apart."""
    _generic(tmp_path / "a", "20200101", "B4")
    _generic(tmp_path / "b", "20200101", "B4", origin=(600000.0, 5200000.0))
    _generic(tmp_path / "a", "20200101", "B3")
    with pytest.raises(InputError, match="Two files of B4 for 2020-01-01"):
        bandfiles.stack_band_files([str(tmp_path / "a"), str(tmp_path / "b")], str(tmp_path / "out"))
    _generic(tmp_path / "c", "20200101", "B4")
    _generic(tmp_path / "c", "20200101", "B3", origin=(600000.0, 5200000.0))
    with pytest.raises(InputError, match="cover different places"):
        bandfiles.stack_band_files([str(tmp_path / "c")], str(tmp_path / "out"))
    assert _nothing_left(tmp_path / "out")


def test_refuses_one_date_in_two_crss(tmp_path):
    _generic(tmp_path / "a", "20200101", "B4")
    _generic(tmp_path / "a", "20200101", "B3", epsg=32634)
    with pytest.raises(InputError, match=r"of 2020-01-01 \(scene\) are in different CRSs \(EPSG:3263[34]: .*EPSG:3263[34]"):
        bandfiles.stack_band_files([str(tmp_path / "a")], str(tmp_path / "out"))


def test_refuses_files_it_cannot_place_and_lists_them(tmp_path):
    _generic(tmp_path / "a", "20200101", "B4")
    _generic(tmp_path / "a", "20200101", "B3")
    write_tif(tmp_path / "a" / "elevation.tif", np.zeros((10, 10), np.uint16))
    write_tif(tmp_path / "a" / "notes_2020.tif", np.zeros((10, 10), np.uint16))
    with pytest.raises(InputError) as info:
        bandfiles.stack_band_files([str(tmp_path / "a")], str(tmp_path / "out"))
    text = str(info.value)
    assert "2 file(s) could not be placed" in text and "elevation.tif" in text and "notes_2020.tif" in text


def test_existing_output_refused_unless_overwrite(tmp_path, capsys):
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    out = tmp_path / "out"
    out.mkdir()
    (out / "2020-08-12.vrt").write_text("mine")
    (out / "notes.txt").write_text("keep")
    rc, _, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(out)])
    assert rc == 2 and "2020-08-12.vrt' already exists (1 of the 6 files)" in err and "--overwrite" in err
    assert sorted(os.listdir(out)) == ["2020-08-12.vrt", "notes.txt"] and (out / "2020-08-12.vrt").read_text() == "mine"
    rc, _, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(out), "--overwrite"])
    assert rc == 0, err
    assert sorted(os.listdir(out)) == ["2015-08-05.qml", "2015-08-05.vrt", "2020-08-12.qml", "2020-08-12.vrt", "masks",
                                       "notes.txt"]
    assert gdal.Open(str(out / "2020-08-12.vrt")).RasterCount == 6


@pytest.mark.parametrize("fresh", [True, False])
def test_interrupted_leaves_nothing(tmp_path, monkeypatch, fresh):
    """Ctrl-C (SIGTERM is turned into it by the command line) while the VRTs are written: no VRT, no hidden
    folder, and no output folder when the run made it."""
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    out = tmp_path / "out"
    if not fresh:
        out.mkdir()
    calls = []
    real = bandfiles._write_mask

    def stop(path, d, *clear):
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(path, d, *clear)

    monkeypatch.setattr(bandfiles, "_write_mask", stop)
    with pytest.raises(KeyboardInterrupt):
        bandfiles.stack_band_files([str(tmp_path / "in")], str(out))
    assert not out.exists() if fresh else os.listdir(out) == []


@pytest.mark.parametrize("stop_at", [0.25, 0.75])
def test_progress_is_reported_and_a_cancel_leaves_nothing(tmp_path, stop_at):
    """``progress`` (the QGIS dialog's background stack) hears the dates read (to 0.5) and written (to 1); a
    Cancelled it raises, while reading or while writing, leaves no VRT and no output folder."""
    from model_core.errors import Cancelled

    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    heard = []
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "all"), progress=heard.append)
    assert len(res.dates) == 2 and heard == [0.25, 0.5, 0.5, 0.75], heard

    def cancel(fraction):
        if fraction >= stop_at:
            raise Cancelled("Cancelled by the user; nothing was written.")

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        bandfiles.stack_band_files([str(tmp_path / "in")], str(out), progress=cancel)
    assert not out.exists()


def test_stackbands_runs_without_torch(tmp_path):
    """stackbands needs no PyTorch: the command line hands it over before building the detect parser."""
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    code = ("import sys\nsys.modules['torch'] = None\nfrom model_core.cli import main\ncode = main(sys.argv[1:])\n"
            "assert sys.modules.get('torch') is None\nsys.exit(code)\n")
    run = subprocess.run([sys.executable, "-c", code, "stackbands", str(tmp_path / "in"), "--out",  # nosec B603
                          str(tmp_path / "out")], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=ROOT), cwd=str(tmp_path), timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert len(os.listdir(tmp_path / "out")) == 5  # 2 dates, their styles, masks


def test_generic_names_with_a_date_and_a_band(tmp_path):
    """The fallback: any files named with a date and B<n> (here a Sentinel-2 export's T51STR_<date>_B02_10m),
    bands in number order, a mask by its name; refused when a given path is no raster."""
    for d in ("20000317", "20030206"):
        for b in ("B02", "B03", "B04", "B08"):
            _generic(tmp_path / "in", d, b, name=f"T51STR_{d}T023549_{b}_10m.tif")
        _generic(tmp_path / "in", d, "", name=f"T51STR_{d}T023549_cloudmask.tif")
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    assert [os.path.basename(p) for p in res.vrts] == ["2000-03-17.vrt", "2003-02-06.vrt"]
    assert [os.path.basename(p) for p in res.masks] == ["2000-03-17_CLOUDMASK.vrt", "2003-02-06_CLOUDMASK.vrt"]
    assert _band(res.vrts[0], 4)[2] == "B08"
    assert "clear values 0\n" in res.text() + "\n"  # a cloud mask: 0 is clear
    for d in ("2020-01-05", "2021-01-05"):  # a folder per date, its files without dates; Fmask: 0 and 1 clear
        for b in ("B2", "B3", "B4", "B5"):
            _generic(tmp_path / "per_date" / d, "", b, name=f"{b}.tif")
        _generic(tmp_path / "per_date" / d, "", "", name="Fmask.tif")
    res = bandfiles.stack_band_files([str(tmp_path / "per_date")], str(tmp_path / "o3"))
    assert [os.path.basename(p) for p in res.vrts] == ["2020-01-05.vrt", "2021-01-05.vrt"]
    assert "masks: 2 of 2 dates (FMASK), clear values 0,1" in res.text()
    (tmp_path / "readme.txt").write_text("x")
    with pytest.raises(InputError, match="is not a raster"):
        bandfiles.stack_band_files([str(tmp_path / "readme.txt")], str(tmp_path / "o2"))


def test_output_that_is_a_file_is_refused(tmp_path):
    _generic(tmp_path / "a", "20200101", "B4")
    _generic(tmp_path / "a", "20200101", "B3")
    (tmp_path / "o").write_text("x")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        bandfiles.stack_band_files([str(tmp_path / "a")], str(tmp_path / "o"))


def test_srs_helper_names_an_authority():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32718)
    assert bandfiles._srs_name(srs) == "EPSG:32718" and bandfiles._srs_name(None) == "no CRS"


def test_sentinel2_l1c_safe(tmp_path):
    """L1C: the band files straight in IMG_DATA, RADIO_ADD_OFFSET of MTD_MSIL1C.xml (baseline 04.00) against none
    (03.01): both read as top-of-atmosphere reflectance; no mask (L1C has no SCL); B10 (cirrus) not stacked."""
    _, refl = fx.write_s2_l1c_safe(tmp_path / "in", "20220612", baseline="0400")
    fx.write_s2_l1c_safe(tmp_path / "in", "20210612", baseline="0301")
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    text = res.text()
    assert "Sentinel-2 L1C, scene T18LUM: 2 date(s), 2021-06-12 to 2022-06-12" in text and "masks: none" in text
    assert "not stacked (give them with --bands): B01, B09, B10" in text
    assert "MTD_MSIL1C.xml: 0.0001 / -0.1" in text and "MTD_MSIL1C.xml: 0.0001 / 0" in text
    ds = gdal.Open(res.vrts[1])
    red = ds.GetRasterBand(3)
    np.testing.assert_allclose(red.ReadAsArray() * red.GetScale() + red.GetOffset(), refl["B04"], atol=6e-5)
    assert res.masks == []


def test_two_landsat_scenes_are_named_by_scene(tmp_path):
    """Two path/rows of the same dates: one series per scene, each date's VRT named with its scene, one
    command per scene."""
    for pathrow, x in (("007066", 550000.0), ("007067", 560000.0)):
        fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908", pathrow=pathrow, origin=(x, 9100000.0))
        fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919", pathrow=pathrow, origin=(x, 9100000.0))
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    assert [os.path.basename(p) for p in res.vrts] == ["2015-08-05_007066.vrt", "2020-08-12_007066.vrt",
                                                       "2015-08-05_007067.vrt", "2020-08-12_007067.vrt"]
    assert [os.path.basename(p) for p in res.masks][:1] == ["2015-08-05_007066_QA_PIXEL.vrt"]
    text = res.text()
    assert text.count("next: python -m model_core detect") == 2
    assert "scene 007066: 2 date(s)" in text and "scene 007067: 2 date(s)" in text
    from model_core.stack import parse_date

    assert [parse_date(os.path.basename(p)) for p in res.vrts] == ["2015-08-05", "2020-08-12"] * 2


def test_sigterm_leaves_nothing(tmp_path, monkeypatch, capsys):
    """SIGTERM (a time limit, kill) while the VRTs are written: the command line stops as on Ctrl-C (exit 130)
    and nothing is left, not even the output folder it made."""
    import signal

    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    real = bandfiles._write_mask

    def term(path, d, *clear):
        os.kill(os.getpid(), signal.SIGTERM)
        return real(path, d, *clear)

    monkeypatch.setattr(bandfiles, "_write_mask", term)
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 130 and "Interrupted; no VRT was written." in err
    assert not (tmp_path / "out").exists()


def test_collection_1_and_tar_downloads_are_named(tmp_path):
    """Landsat Collection 1 surface reflectance (sr_band4) is no Collection 2 product: listed as not placed;
    a folder of .tar downloads is told to be unpacked."""
    for d in ("20150805", "20200812"):
        _generic(tmp_path / "c1", "", "", name=f"LC08_L1TP_007066_{d}_20200908_01_T1_sr_band4.tif")
    with pytest.raises(InputError, match=r"(?s)2 file\(s\) could not be placed.*sr_band4"):
        bandfiles.stack_band_files([str(tmp_path / "c1")], str(tmp_path / "out"))
    (tmp_path / "tars").mkdir()
    (tmp_path / "tars" / "LC08_L2SP_007066_20200812_20200919_02_T1.tar.gz").write_bytes(b"x")
    with pytest.raises(InputError, match=r"a \.tar\.gz or \.tgz download must be unpacked first"):
        bandfiles.stack_band_files([str(tmp_path / "tars")], str(tmp_path / "out"))
    (tmp_path / "tars" / "LC08_L2SP_007066_20200812_20200919_02_T1.tar").write_bytes(b"x")  # not a tar
    with pytest.raises(InputError, match=r"cannot be read as a tar file by GDAL: unpack it"):
        bandfiles.stack_band_files([str(tmp_path / "tars")], str(tmp_path / "out"))


def test_landsat_tar_downloads_are_read_in_place(tmp_path):
    """A folder of Landsat Collection 2 .tar files as EarthExplorer delivers them, not unpacked: read in place
    through GDAL's /vsitar/ (MTL and QA_PIXEL too), as .zip files are; the values those of the band files (it
    was refused: 'must be unpacked first')."""
    import tarfile

    (tmp_path / "tars").mkdir()
    refl = {}
    for year, acquired in ((2015, "20150805"), (2020, "20200812")):
        folder, pid, refl[acquired] = fx.write_landsat(tmp_path / "unpacked", year, acquired, "20200919")
        with tarfile.open(str(tmp_path / "tars" / (pid + ".tar")), "w") as tar:
            for name in sorted(os.listdir(folder)):
                tar.add(os.path.join(folder, name), name)
    res = bandfiles.stack_band_files([str(tmp_path / "tars")], str(tmp_path / "out"))
    assert [os.path.basename(p) for p in res.vrts] == ["2015-08-05.vrt", "2020-08-12.vrt"]
    assert "MTL: 2.75e-05 / -0.2" in res.text() and len(res.masks) == 2
    ds = gdal.Open(res.vrts[1])
    red = ds.GetRasterBand(3)
    assert "/vsitar/" in open(res.vrts[1]).read()
    values = red.ReadAsArray() * red.GetScale() + red.GetOffset()
    np.testing.assert_allclose(values[1:], refl["20200812"]["B4"][1:], atol=3e-5)


def test_a_date_without_values_in_red_is_stacked_with_its_style(tmp_path, capsys):
    """A date whose red band is all fill (a crop outside the scene's swath): no values to stretch.  The run
    ended in a FileNotFoundError traceback (the style, listed to be moved, was never written) and removed the
    VRTs it had placed; now every date is stacked with its style (that date's red stretched over 0-1 DN: it
    draws nothing, all its pixels being nodata in red)."""
    folder, pid, _ = fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    ds = gdal.Open(os.path.join(folder, f"{pid}_SR_B4.TIF"), gdal.GA_Update)
    ds.GetRasterBand(1).Fill(0)  # Landsat's fill value
    ds = None
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 0 and "Traceback" not in err, err
    assert sorted(os.listdir(tmp_path / "out")) == ["2015-08-05.qml", "2015-08-05.vrt", "2020-08-12.qml",
                                                    "2020-08-12.vrt", "masks"]


def test_overwrite_removes_the_style_of_bands_no_longer_stacked(tmp_path, capsys):
    """Stacked again with --overwrite and bands without blue and green: the earlier run's <date>.qml (red, green,
    blue = bands 3, 2, 1), which QGIS loads with the new VRT, drew its NIR as blue and its SWIR 1 as green.  It
    goes with the VRT it styled; without --overwrite such a style is an existing output, refused."""
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    out = tmp_path / "out"
    assert _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(out)])[0] == 0
    for name in ("2015-08-05.vrt", "2020-08-12.vrt", "masks/2015-08-05_QA_PIXEL.vrt", "masks/2020-08-12_QA_PIXEL.vrt"):
        os.remove(out / name)  # (the styles alone left)
    rc, _, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(out), "--bands", "nir,swir1,red"])
    assert rc == 2 and "2015-08-05.qml' already exists (2 of the 6 files)" in err
    rc, _, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(out), "--bands", "nir,swir1,red",
                               "--overwrite"])
    assert rc == 0, err
    assert sorted(os.listdir(out)) == ["2015-08-05.vrt", "2020-08-12.vrt", "masks"]


def test_a_band_file_cut_short_is_named_not_a_traceback(tmp_path, capsys):
    """A band file whose download was cut short opens (its header is whole) but its pixels cannot be read:
    reading it for the date's style ended the run in a RuntimeError traceback.  Now a message names the date and
    the file, and nothing is left."""
    folder, pid, _ = fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    path = os.path.join(folder, f"{pid}_SR_B3.TIF")
    with open(path, "r+b") as fh:
        fh.truncate(os.path.getsize(path) // 2)
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 2 and "Traceback" not in err
    # GDAL's own words name the file: its whole path up to GDAL 3.6, its name in GDAL 3.13
    named = [f"cannot be read ({p}, band 1: IReadBlock failed" for p in (path, os.path.basename(path))]
    assert "A band file of 2015-08-05 cannot be read (" in err and any(n in err for n in named), err
    assert "complete (a download cut short?)" in err
    assert _nothing_left(tmp_path / "out")


def test_tar_downloads_beside_unpacked_products_or_given_are_named(tmp_path):
    """A compressed .tar.gz download in a folder that holds unpacked products too was counted among 'other file(s)
    (metadata, sidecars)' and its date silently missing from the series; one given by name was refused as 'not a
    raster (a metadata or sidecar file)'.  Both now say it is a download to unpack.  (A plain .tar, as USGS delivers
    Landsat, is read in place; one GDAL cannot read is named.)"""
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    tgz = tmp_path / "in" / "LC08_L2SP_007066_20210815_20210825_02_T1.tar.gz"
    tgz.write_bytes(b"")
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out"))
    assert ("1 compressed .tar download(s) not read (LC08_L2SP_007066_20210815_20210825_02_T1.tar.gz): unpack them "
            "(tar xf) to stack their dates too") in res.notes
    assert "Not read: 4 other file(s)" in res.text()  # (the MTL and ANG files, not the .tar.gz)
    with pytest.raises(InputError, match=r"'.*_T1\.tar\.gz' is a compressed \.tar download: unpack it first "
                                         r"\(tar xf\), then give the folder it makes"):
        bandfiles.stack_band_files([str(tgz)], str(tmp_path / "out2"))
    broken = tmp_path / "LC08_L2SP_007066_20220815_20220825_02_T1.tar"
    broken.write_bytes(b"not a tar")
    with pytest.raises(InputError, match=r"'.*_T1\.tar' cannot be read as a tar file by GDAL: unpack it, or give "
                                         r"another copy"):
        bandfiles.stack_band_files([str(broken)], str(tmp_path / "out3"))


def test_sentinel2_granule_files_out_of_their_safe(tmp_path):
    """The band files of Sentinel-2 granules copied out of their .SAFE (IMG_DATA's T18LUM_<time>_B04_10m.jp2, a
    folder per date, with or without the product's MTD_MSIL2A.xml): B01 at 20 and 60 m was refused as 'two copies
    of one product'; without the 60 m files they were read as 'files with a date and a band number', no roles (detect
    needed --bands), no scale and no offset, and nothing said that a 2022 date then reads 0.1 too bright.  Now they
    are Sentinel-2 L2A of tile T18LUM: each band at its finest, the offset from the MTD beside them, else a note."""
    import shutil

    for day, baseline in (("20210612", "0300"), ("20220612", "0400")):
        safe, _ = fx.write_s2_safe(tmp_path / "safe", day, baseline=baseline)
        for with_mtd in (True, False):
            folder = tmp_path / ("with" if with_mtd else "without") / day
            folder.mkdir(parents=True)
            for path in glob.glob(os.path.join(safe, "GRANULE", "*", "IMG_DATA", "R*m", "*.jp2")):
                shutil.copy(path, str(folder))
            if with_mtd:
                shutil.copy(os.path.join(safe, "MTD_MSIL2A.xml"), str(folder))
    res = bandfiles.stack_band_files([str(tmp_path / "with")], str(tmp_path / "out"))
    assert "Sentinel-2 L2A, scene T18LUM: 2 date(s), 2021-06-12 to 2022-06-12" in res.text()
    assert "masks: 2 of 2 dates (SCL)" in res.text() and not res.notes
    ds = gdal.Open(str(tmp_path / "out" / "2022-06-12.vrt"))
    assert infer_rgbn(ds) == ([3, 2, 1, 7], "wavelengths") and ds.RasterXSize == 20
    assert _band(tmp_path / "out" / "2022-06-12.vrt", 3)[:2] == (pytest.approx(1e-4), pytest.approx(-0.1))
    assert _band(tmp_path / "out" / "2021-06-12.vrt", 3)[1] in (None, 0.0)
    res = bandfiles.stack_band_files([str(tmp_path / "without")], str(tmp_path / "out2"))
    assert "Sentinel-2 L2A, scene T18LUM" in res.text()
    assert any("T18LUM_20220612: the processing baseline is not known" in n and "0.1 too bright" in n
               for n in res.notes)


def test_downloads_folder_is_the_one_holding_every_date(tmp_path):
    """The folder the menu entry stacks for an active band file: where its product lies beside the other dates'
    (a Landsat product id's folder, a .SAFE, its .zip, a STAC item's folder: their parent), a flat folder of band
    files itself.  The band file's own folder held one date of a Landsat or Sentinel-2 download."""
    root = tmp_path / "downloads"
    folder, pid, _ = fx.write_landsat(root, 2020, "20200812", "20200919")
    assert bandfiles.downloads_folder(os.path.join(folder, f"{pid}_SR_B4.TIF")) == str(root)
    safe, _ = fx.write_s2_safe(root, "20220910")
    b04 = glob.glob(os.path.join(safe, "GRANULE", "*", "IMG_DATA", "R10m", "*_B04_10m.jp2"))[0]
    assert bandfiles.downloads_folder(b04) == str(root)
    zipped, _ = fx.write_s2_safe(root, "20230905", as_zip=True)
    member = next(p for p in bandfiles.collect([zipped])[0] if p.endswith("_B04_10m.jp2"))
    assert bandfiles.downloads_folder(member) == str(root)
    # a Landsat .tar not unpacked, its band file opened in QGIS from inside it: the folder of the .tar
    assert bandfiles.downloads_folder(f"/vsitar/{root}/{pid}.tar/{pid}_SR_B4.TIF") == str(root)
    fx.write_s2_stac(root, "S2B_18LUM_20230612_0_L2A")
    assert bandfiles.downloads_folder(str(root / "S2B_18LUM_20230612_0_L2A" / "red.tif")) == str(root)
    flat = _generic(tmp_path / "flat", "20200105", "B4")  # a CBERS cube's or a flat folder: the folder itself
    assert bandfiles.downloads_folder(flat) == str(tmp_path / "flat")
    assert bandfiles.downloads_folder(str(root / "2020-01-05" / "B4.tif")) == str(root)  # a folder per date


def test_files_already_stacked_are_told_to_go_to_detect(tmp_path):
    """A folder of rasters that hold every band of a date (one file per date, e.g. Landsat composites named by
    year): not band files; the refusal says they need no stacking and go to the change detection as they are
    (it said only to leave them out or rename them with a band)."""
    (tmp_path / "dates").mkdir()
    for year in (2019, 2020):
        write_tif(tmp_path / "dates" / f"{year}.tif", np.full((4, 10, 10), 100, np.uint16))
    with pytest.raises(InputError, match=r"(?s)2 file\(s\) could not be placed.*They hold several bands each: one "
                                         r"raster per date already, which needs no stacking"):
        bandfiles.stack_band_files([str(tmp_path / "dates")], str(tmp_path / "out"))
    write_tif(tmp_path / "dates" / "notes.tif", np.full((10, 10), 1, np.uint16))  # one band, no date: not said so
    with pytest.raises(InputError, match=r"2 of them hold several bands each"):
        bandfiles.stack_band_files([str(tmp_path / "dates")], str(tmp_path / "out"))


def test_an_earlier_stack_given_with_the_band_files_is_left_out(tmp_path):
    """The VRTs of an earlier stack given with the band files (in QGIS, every raster layer selected as Band files):
    left out and listed; they were stacked as band files, and the masks refused ('2015-08-05 has a mask
    ('2015-08-05_QA_PIXEL.vrt') but no band file').  Given alone, they are said to go to detect as they are."""
    fx.write_landsat(tmp_path / "in", 2015, "20150805", "20200908")
    fx.write_landsat(tmp_path / "in", 2020, "20200812", "20200919")
    first = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "in" / "stacked_dates"))
    bands = sorted(glob.glob(str(tmp_path / "in" / "*" / "*.TIF")))
    res = bandfiles.stack_band_files(bands + first.vrts + first.masks, str(tmp_path / "again"))
    assert [os.path.basename(p) for p in res.vrts] == ["2015-08-05.vrt", "2020-08-12.vrt"]
    assert "Left out (a date or mask of an earlier stack): 4 file(s), e.g. 2015-08-05.vrt" in res.text()
    with pytest.raises(InputError, match=r"4 file\(s\) are the dates and masks an earlier stack wrote"):
        bandfiles.stack_band_files(first.vrts + first.masks, str(tmp_path / "third"))


# --------------------------------------------------------------------------------------------- HLS v2.0
def test_hls_l30_granules_dates_roles_scale_nodata_and_fmask(tmp_path, capsys):
    """HLS v2.0 L30 granules as LP DAAC delivers them (a folder per granule of HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif,
    Fmask, angles; refused as unplaceable before): dated by year and day of year (2020225 is 2020-08-12), scene the
    MGRS tile, bands B02-B07 by role so detect reads R, G, B, NIR itself, reflectance x 0.0001, fill -9999 (the
    product's when a file declares none), the Fmask as the mask with its fill 255 and its clear rule recorded."""
    _, gid, refl = fx.write_hls(tmp_path / "in", "L30", "2020225T150721", 2020, cloud=(5, 10, 5, 10))
    fx.write_hls(tmp_path / "in", "L30", "2015200T150502", 2015, nodata=False)
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 0, err
    assert "HLS v2.0 L30, scene T18LUM: 2 date(s), 2015-07-19 to 2020-08-12" in out
    assert ("bands per date (6): Blue (B02), Green (B03), Red (B04), NIR (B05), SWIR 1 (B06), SWIR 2 (B07)") in out
    assert "not stacked (give them with --bands): Coastal aerosol (B01), Cirrus (B09), Thermal 1 (B10), Thermal 2" in out
    assert "masks: 2 of 2 dates (Fmask), clear values !bit1&!bit2&!bit3" in out
    assert "scale/offset applied: HLS v2.0 standard: 0.0001 / 0" in out
    assert "Left out (an angle file, no band): 8 file(s)" in out
    vrt = tmp_path / "out" / "2020-08-12.vrt"
    ds = gdal.Open(str(vrt))
    assert [ds.GetRasterBand(b).GetDescription() for b in range(1, 7)] == [
        "Blue (B02)", "Green (B03)", "Red (B04)", "NIR (B05)", "SWIR 1 (B06)", "SWIR 2 (B07)"]
    assert infer_rgbn(ds) == ([3, 2, 1, 4], "wavelengths")
    assert ds.GetMetadataItem("ACQUISITIONDATETIME", "IMAGERY") == "2020-08-12"
    for path in (vrt, tmp_path / "out" / "2015-07-19.vrt"):  # declared, and the product's fill
        held = gdal.Open(str(path))
        assert [held.GetRasterBand(b).GetNoDataValue() for b in (1, 6)] == [-9999, -9999]
    red = ds.GetRasterBand(3)
    assert (red.GetScale(), red.GetOffset()) == (1e-4, 0.0)
    np.testing.assert_allclose(red.ReadAsArray()[1:] * red.GetScale(), refl["B04"][1:], atol=6e-5)
    mask = gdal.Open(str(tmp_path / "out" / "masks" / "2020-08-12_Fmask.vrt"))
    assert mask.GetMetadataItem("CAIM_MASK_CLEAR") == "!bit1&!bit2&!bit3"
    assert mask.GetRasterBand(1).GetNoDataValue() == 255
    mask = gdal.Open(str(tmp_path / "out" / "masks" / "2015-07-19_Fmask.vrt"))  # (the product's fill: none declared)
    assert mask.GetRasterBand(1).GetNoDataValue() == 255
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "o4"), bands="B4,B3,B2,B5")  # B4: B04
    assert [_band(res.vrts[0], b)[2] for b in (1, 4)] == ["Red (B04)", "NIR (B05)"]
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "o5"), bands="red,B10")  # thermal: deg C
    assert [_band(res.vrts[0], b) for b in (1, 2)] == [(1e-4, 0.0, "Red (B04)"), (0.01, 0.0, "Thermal 1 (B10)")]
    flat = tmp_path / "flat"  # the granules' files in one folder, as some downloads leave them
    flat.mkdir()
    for path in glob.glob(str(tmp_path / "in" / "*" / "*.tif")):
        os.symlink(path, flat / os.path.basename(path))
    res = bandfiles.stack_band_files([str(flat)], str(tmp_path / "o6"))
    assert [os.path.basename(p) for p in res.vrts] == ["2015-07-19.vrt", "2020-08-12.vrt"]
    assert bandfiles.downloads_folder(flat / f"{gid}.B04.tif") == str(flat)
    # the folder to stack for a band file: the one holding every granule's folder (the dialog's and Processing's)
    assert bandfiles.downloads_folder(tmp_path / "in" / gid / f"{gid}.B04.tif") == str(tmp_path / "in")
    # detect on the next command: no --bands (R, G, B, NIR from the wavelengths); masked: the 5 x 5 cloud, the ring
    # of pixels next to it and the fill (7 x 7 + 3 of 40 x 30 px = 4.33 %), not the water
    command = [c.strip("'") for c in out.split("next: python -m model_core ")[1].splitlines()[0].split()[:-1]]
    rc, out, err = _run(capsys, command + [str(tmp_path / "r"), "--model", "caimnet"])
    assert rc == 0, err
    assert "Bands     3,2,1,4 as R, G, B, NIR (from the rasters' wavelengths)" in out
    assert "2 of 2 dates have a mask file" in out and "2015-07-19 0.25 %, 2020-08-12 4.33 %" in out


def test_hls_fmask_rule_on_its_bit_patterns():
    """The Fmask clear rule !bit1&!bit2&!bit3 on the values HLS v2.0 granules hold: clear land at any aerosol level,
    water, snow and the unused cirrus bit clear; cloud, adjacent to cloud or shadow, and shadow (over water too)
    not; nor the fill 255 (all bits set).  Read as the engine reads --mask-clear."""
    from model_core.stack import MASK_PRESETS, format_clear_values, parse_clear_values

    assert MASK_PRESETS["HLS v2.0 Fmask (no cloud, cloud-adjacent or shadow)"] == bandfiles.MASK_CLEAR["hls"]  # the list
    rule = parse_clear_values(bandfiles.MASK_CLEAR["hls"])
    assert format_clear_values(rule) == bandfiles.MASK_CLEAR["hls"] == "!bit1&!bit2&!bit3"
    names = list(fx.FMASK)
    got = dict(zip(names, rule.clear(np.array([fx.FMASK[n] for n in names], np.uint8)).tolist()))
    assert got == {"clear, low aerosol": True, "clear, climatology aerosol": True, "clear, high aerosol": True,
                   "water": True, "snow": True, "cirrus bit (unused)": True, "cloud": False,
                   "cloud and adjacent": False, "adjacent": False, "shadow": False, "shadow, water": False,
                   "fill": False}


def test_hls_l30_and_s30_granules_are_one_series(tmp_path, capsys):
    """An L30 and S30 series of one tile is one series (HLS's purpose), its bands matched by role: S30's harmonised
    NIR is B8A, not B08 (NASA's HLS: OLI band 5's equivalent), so a date's VRT holds the six bands both sensors share,
    in one order, and detect reads R, G, B, NIR on both; a band number that names two roles is refused in --bands,
    roles taken; an S30 granule of the L30's day is one raster too many for that date: the one whose Fmask shows more
    clear pixels is stacked, the other listed."""
    fx.write_hls(tmp_path / "in", "L30", "2015200T150502", 2015)
    _, _, refl = fx.write_hls(tmp_path / "in", "S30", "2020225T152641", 2020)
    fx.write_hls(tmp_path / "in", "L30", "2020225T150721", 2020, cloud=(5, 15, 5, 20))  # the same day, cloudier
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 0, err
    assert "HLS v2.0 L30+S30, scene T18LUM: 2 date(s), 2015-07-19 to 2020-08-12" in out
    assert ("bands per date (6): Blue (B02), Green (B03), Red (B04), NIR (B05/B8A), SWIR 1 (B06/B11), SWIR 2 "
            "(B07/B12)") in out
    assert "NIR broad (B08)" in out.split("not stacked")[1].splitlines()[0]
    assert re.search(r"Left out \(an HLS granule of a tile and day another granule has[^\n]*\): 11 file\(s\), e\.g\. "
                     r"HLS\.L30\.T18LUM\.2020225T150721", out)
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out1"))
    assert res.granules_left_out() == ["HLS.L30.T18LUM.2020225T150721.v2.0"]
    s30, l30 = gdal.Open(str(tmp_path / "out" / "2020-08-12.vrt")), gdal.Open(str(tmp_path / "out" / "2015-07-19.vrt"))
    assert [s30.GetRasterBand(b).GetDescription() for b in range(1, 7)] == [
        "Blue (B02)", "Green (B03)", "Red (B04)", "NIR (B8A)", "SWIR 1 (B11)", "SWIR 2 (B12)"]
    assert [l30.GetRasterBand(b).GetDescription() for b in (4, 5)] == ["NIR (B05)", "SWIR 1 (B06)"]
    assert infer_rgbn(s30) == infer_rgbn(l30) == ([3, 2, 1, 4], "wavelengths")
    nir = s30.GetRasterBand(4)
    np.testing.assert_allclose(nir.ReadAsArray()[1:] * nir.GetScale(), refl["B8A"][1:], atol=6e-5)
    assert "S30" in s30.GetFileList()[1]
    # the clearer granule of a day wins whichever it is: the L30 now clear, the S30 cloudy
    fx.write_hls(tmp_path / "in2", "L30", "2015200T150502", 2015)
    fx.write_hls(tmp_path / "in2", "S30", "2020225T152641", 2020, cloud=(5, 15, 5, 20))
    fx.write_hls(tmp_path / "in2", "L30", "2020225T150721", 2020)
    res = bandfiles.stack_band_files([str(tmp_path / "in2")], str(tmp_path / "out2"))
    assert all(".L30." in p for p in gdal.Open(res.vrts[1]).GetFileList()[1:])
    rc, _, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "o3"), "--bands", "B05"])
    assert rc == 2 and "'B05' is NIR for some dates, Red edge 1 for others (the series mixes HLS L30 and S30" in err
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "o3"), "--bands",
                                 "red,green,blue,nir"])
    assert rc == 0, err
    assert "bands per date (4): Red (B04), Green (B03), Blue (B02), NIR (B05/B8A)" in out
    command = [c.strip("'") for c in out.split("next: python -m model_core ")[1].splitlines()[0].split()[:-1]]
    rc, out, err = _run(capsys, command + [str(tmp_path / "r"), "--model", "cva"])
    assert rc == 0, err
    assert "2 of 2 dates have a mask file" in out


def test_generic_masks_of_different_kinds_get_one_valid_rule(tmp_path, capsys):
    """A generic series whose dates' masks are of different kinds (Fmask: 0 and 1 clear; cloudmask: 0) has no
    rule right for every mask, and --mask-clear holds for all: the clear values were joined, '0 / 0,1', into the
    printed --mask-clear and the masks' CAIM_MASK_CLEAR (the dialog's field), where the engine refused them.  Now
    the kind most dates have gives the rule, the other dates' masks go as 'none', the summary says so and what to
    do, and each mask records its own kind's values; the command runs."""
    from model_core.stack import parse_clear_values

    for d, mask in (("2020-01-05", "Fmask"), ("2020-06-05", "Fmask"), ("2021-01-05", "cloudmask")):
        for b in ("B2", "B3", "B4", "B5"):
            _generic(tmp_path / "in" / d, "", b, name=f"{b}.tif")
        values = np.full((10, 10), 1 if mask == "Fmask" else 0, np.uint8)  # Fmask's clear water; cloudmask's clear
        values[:2] = 4 if mask == "Fmask" else 1  # cloud
        write_tif(str(tmp_path / "in" / d / f"{mask}.tif"), values)
    rc, out, err = _run(capsys, ["stackbands", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert rc == 0, err
    assert " / " not in out
    assert "masks: 3 of 3 dates (CLOUDMASK, FMASK), clear values 0,1\n" in out
    assert ("the masks are of different kinds, clear values FMASK masks 0,1 (2020-01-05, 2020-06-05); CLOUDMASK masks "
            "0 (2021-01-05): --mask-clear holds for every mask of a run, so the next command gives the FMASK masks "
            "only (0,1), and the other dates (2021-01-05) run unmasked ('none')") in out
    command = [c.strip("'") for c in out.split("next: python -m model_core ")[1].splitlines()[0].split()[:-1]]
    masks = command[command.index("--masks") + 1:command.index("--mask-clear")]
    assert [os.path.basename(m) for m in masks] == ["2020-01-05_FMASK.vrt", "2020-06-05_FMASK.vrt", "none"]
    parse_clear_values(command[command.index("--mask-clear") + 1])  # a rule the engine reads
    recorded = [gdal.Open(str(p)).GetMetadataItem("CAIM_MASK_CLEAR")
                for p in sorted((tmp_path / "out" / "masks").iterdir())]
    assert recorded == ["0,1", "0,1", "0"]
    res = bandfiles.stack_band_files([str(tmp_path / "in")], str(tmp_path / "out2"))
    family, scene, dates = res.series[0]
    assert [d.date for d in res.rule_masks(family, scene)] == ["2020-01-05", "2020-06-05"]
    rc, out, err = _run(capsys, command + [str(tmp_path / "r"), "--model", "cva"])
    assert rc == 0, err
    assert "2 of 3 dates have a mask file" in out
