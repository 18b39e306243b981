"""Separate per-date mask files (cloud masks, QA bands): --masks / --mask-clear, on and off the grid."""

import glob
import os

import numpy as np
import pytest
from osgeo import gdal
from rasters import read_tif, write_tif

from model_core.cli import main
from model_core.errors import InputError
from model_core.predict import detect
from model_core.stack import Stack, format_clear_values, parse_clear_values


def _images(tmp_path, n=3, size=40, seed=0):
    rng = np.random.default_rng(seed)
    return [write_tif(tmp_path / f"img_{2001 + i}.tif", rng.integers(100, 3000, (4, size, size)).astype(np.uint16))
            for i in range(n)]


@pytest.mark.parametrize("text, values, back", [
    ("0", (0,), "0"), (None, (0,), "0"), ("", (0,), "0"), ("21824, 21952", (21824, 21952), "21824,21952"),
    ("4-7,11", (4, 5, 6, 7, 11), "4-7,11"), ("1;0", (0, 1), "0,1"), ([3, 1], (1, 3), "1,3"),
    ("0,1,2,5,6", (0, 1, 2, 5, 6), "0-2,5,6"),
])
def test_clear_values_parse_and_format(text, values, back):
    assert parse_clear_values(text) == values
    assert format_clear_values(values) == back


@pytest.mark.parametrize("text", ["cloud", "1.5", "7-4", "0-999999", "bit99", "bit3&!bit3", "bit6&"])
def test_bad_clear_values_are_named(text):
    with pytest.raises(InputError, match="Mask clear value '%s'" % text.replace(".", r"\.")) as err:
        parse_clear_values(text)
    why = {"bit99": "bits are numbered 0 to 62", "bit3&!bit3": "both set and unset",
           "bit6&": "bitN or !bitN joined by &"}
    assert why.get(text, "whole number, a range") in str(err.value)


def test_bit_tests_for_packed_qa_bands(tmp_path):
    """Landsat 8-9 QA_PIXEL values: 'bit6&!bit2&!bit4' (clear, no cirrus, no shadow) keeps clear land,
    clear water and clear pixels of medium cloud confidence; masks cloud, shadow, cirrus and fill."""
    rule = parse_clear_values("bit6&!bit2&!bit4")
    assert tuple(rule) == () and rule.bits == ((64, 20),) and format_clear_values(rule) == "bit6&!bit2&!bit4"
    assert parse_clear_values(format_clear_values(rule)) == rule and rule != parse_clear_values("0")
    qa = {21824: True, 21952: True, 22080: True, 23888: False, 22280: False, 54596: False, 1: False}
    assert rule.clear(np.array(list(qa))).tolist() == list(qa.values())
    both = parse_clear_values("0, bit7&!bit4")
    assert both.clear(np.array([0, 128, 144, 1])).tolist() == [True, True, False, False]
    assert not rule.clear(np.array([np.nan, 64.0])).tolist()[0] and rule.clear(np.array([np.nan, 64.0]))[1]
    # a nodata value that the bit test would match (64: bit 6 alone) is still masked, unless listed
    assert rule.clear(np.array([64])).tolist() == [True]
    nd_mask = write_tif(tmp_path / "nd.tif", np.full((4, 4), 64, np.uint16), nodata=64)
    for clear, expected in (("bit6&!bit2&!bit4", False), ("64,bit6&!bit2&!bit4", True)):
        st = Stack(_images(tmp_path, n=2, size=4), masks=[nd_mask, None], mask_clear=clear)
        assert st.read(0, 0, 4, 4, per_date=True)[1][0].all() == expected
    imgs = _images(tmp_path, n=2, size=4)
    qa_img = np.array([[21824, 21952, 22080, 23888]] * 4, np.uint16)
    s = Stack(imgs, masks=[write_tif(tmp_path / "qa.tif", qa_img), None], mask_clear="bit6&!bit2&!bit4")
    _, valid = s.read(0, 0, 4, 4, per_date=True)
    assert valid[0].tolist() == [[True, True, True, False]] * 4 and valid[1].all()


def test_aligned_masks_use_the_clear_values(tmp_path):
    imgs = _images(tmp_path, size=20)
    m0 = np.zeros((20, 20), np.uint8)
    m0[2:5, 3:6] = 4                     # cloud on date 1
    m2 = np.full((20, 20), 7, np.uint8)  # an SCL-like product: 4-7 clear, 9 cloud
    m2[10:12, 0:20] = 9
    masks = [write_tif(tmp_path / "m0.tif", m0), "none", write_tif(tmp_path / "m2.tif", m2)]
    s = Stack(imgs, masks=masks, mask_clear="0,4-7")  # 4 counts as clear too here
    _, valid = s.read(0, 0, 20, 20, per_date=True)
    assert valid[0].all() and valid[1].all()
    assert (~valid[2]).sum() == 40 and not valid[2, 10:12].any()
    s = Stack(imgs, masks=masks)  # default: only 0 is clear; m2's 7 and 9 mask the whole date
    _, valid = s.read(0, 0, 20, 20, per_date=True)
    assert (~valid[0]).sum() == 9 and not valid[0, 2:5, 3:6].any() and not valid[2].any()
    with pytest.raises(InputError, match="'m2.tif', marks every pixel.*--mask-clear"):
        s.statistics()


def test_masks_on_another_grid_are_warped_nearest_and_outside_is_masked(tmp_path):
    imgs = _images(tmp_path, n=2, size=40)  # 10 m pixels from (500000, 5200000)
    # a 20 m mask covering only the left half (x < 500200): one mask pixel = 2 x 2 image pixels
    m = np.zeros((20, 10), np.uint16)
    m[:, :5] = 8  # two clear classes side by side: any blending between them would make masked values
    m[3, 4] = 2
    mask = write_tif(tmp_path / "qa.tif", m, pixel=20.0)
    s = Stack(imgs, masks=[mask, None], mask_clear="0,8")
    assert s.masks[0].warped and s.masks[1] is None
    _, valid = s.read(0, 0, 40, 40, per_date=True)
    expected = np.ones((40, 40), bool)
    expected[:, 20:] = False         # outside the mask's footprint
    expected[6:8, 8:10] = False      # the cloudy 20 m pixel
    assert np.array_equal(valid[0], expected)
    assert valid[1].all()
    s.statistics()
    assert s.mask_cover[0] == pytest.approx(1 - expected.mean(), abs=0.02) and s.mask_cover[1] is None


def test_mask_problems_are_named(tmp_path):
    imgs = _images(tmp_path, n=2, size=20)
    good = write_tif(tmp_path / "good.tif", np.zeros((20, 20), np.uint8))
    three = write_tif(tmp_path / "three.tif", np.zeros((3, 20, 20), np.uint8))
    plain = write_tif(tmp_path / "plain.tif", np.zeros((20, 20), np.uint8), geo=False)
    cases = [
        ([good], "1 mask files given for 2 images"),
        ([good, str(tmp_path / "gone.tif")], "The mask of input 2 'img_2002.tif', '.*gone.tif', does not exist"),
        ([three, good], "The mask of input 1 'img_2001.tif', 'three.tif', has 3 bands"),
        ([good, plain], "'plain.tif', has no coordinate reference system"),
    ]
    for masks, message in cases:
        with pytest.raises(InputError, match=message):
            Stack(imgs, masks=masks)


def test_masks_given_out_of_date_order_are_refused(tmp_path):
    """Masks listed newest first (a CLI audit): each mask's name dates it to the other image, and it would
    have hidden that date's clouds on this one.  Masks without dates in their names, dated to no input, or
    dated to their own input at another precision pass."""
    imgs = _images(tmp_path, n=3, size=20)
    m = {name: write_tif(tmp_path / name, np.zeros((20, 20), np.uint8))
         for name in ("cmask_2001.tif", "cmask_20030517.tif", "cloud.tif", "cmask_1999.tif")}
    with pytest.raises(InputError, match=r"The mask of input 1 'img_2001.tif' \(2001\), 'cmask_20030517.tif', "
                                         r"is dated 2003-05-17 by its name: the date of input 3 'img_2003.tif'\. "
                                         r"Give the masks in the order of the images"):
        Stack(imgs, masks=[m["cmask_20030517.tif"], "none", m["cmask_2001.tif"]])
    st = Stack(imgs, masks=[m["cmask_2001.tif"], m["cloud.tif"], m["cmask_20030517.tif"]])
    assert [os.path.basename(x.path) for x in st.masks] == ["cmask_2001.tif", "cloud.tif", "cmask_20030517.tif"]
    Stack(imgs, masks=[m["cmask_1999.tif"], "none", "none"])
    # typed dates decide: the same masks fit when the images are dated the other way round
    Stack(imgs, masks=[m["cmask_20030517.tif"], "none", m["cmask_2001.tif"]], dates=["2003", "2002", "2001"])


def test_cli_masks_with_and_without_gap_filling(capsys, tmp_path):
    imgs = _images(tmp_path, n=3, size=40, seed=1)
    cloud = np.zeros((40, 40), np.uint8)
    cloud[0:10, 0:8] = 1
    masks = ["none", write_tif(tmp_path / "cmask_2002.tif", cloud), "none"]
    for flag, nodata_px in (([], 80), (["--fill-gaps"], 0)):
        out = tmp_path / ("f" if flag else "p")
        rc = main(["detect", *imgs, "--model", "cva", "--out", str(out), "--quiet", "--masks", *masks, *flag])
        text, err = capsys.readouterr()
        assert rc == 0, err
        moment = read_tif(out / "change_moment.tif")
        assert int((moment == 255).sum()) == nodata_px and (moment[0:10, 0:8] == 255).all() == (not flag)
        assert "Masks     1 of 3 dates have a mask file (clear = 0): 5.00 % of their pixels masked" in text
        meta = gdal.Open(str(out / "change_area.tif")).GetMetadata()
        assert meta["CAIM_MASKS"] == ";cmask_2002.tif;" and meta["CAIM_MASK_CLEAR"] == "0"
    # a wrong clear value: one clear message, nothing written
    rc = main(["detect", *imgs, "--model", "cva", "--out", str(tmp_path / "bad"), "--quiet", "--masks", *masks,
               "--mask-clear", "clear"])
    err = capsys.readouterr().err
    assert rc == 2 and "Mask clear value 'clear'" in err and "Traceback" not in err
    assert not (tmp_path / "bad").exists() or not os.listdir(tmp_path / "bad")


@pytest.mark.shared
def test_cbers_cloud_mask_files(shared_data, tmp_path):
    """The real CBERS-4 cube: four band files and a CMASK per date; its one cloudy pixel (value 4 on
    2018-04-07, bright in blue) is nodata with the masks and gets a result again with gap filling."""
    folder = os.path.join(shared_data, "cbers-cube")
    dates = sorted({os.path.basename(p)[-14:-4] for p in glob.glob(os.path.join(folder, "*_B13_*.tif"))})[:6]
    images, masks = [], []
    for d in dates:
        vrt = str(tmp_path / f"cbers_{d}.vrt")
        gdal.BuildVRT(vrt, [glob.glob(os.path.join(folder, f"*_{b}_{d}.tif"))[0] for b in ("B15", "B14", "B13", "B16")],
                      separate=True)
        images.append(vrt)
        masks.append(glob.glob(os.path.join(folder, f"*_CMASK_{d}.tif"))[0])
    cloud = np.argwhere(read_tif(masks[4]) != 0)
    assert cloud.tolist() == [[2, 30]]
    plain = detect(images, out_dir=str(tmp_path / "plain"), model="isfa")
    masked = detect(images, out_dir=str(tmp_path / "masked"), model="isfa", masks=masks)
    filled = detect(images, out_dir=str(tmp_path / "filled"), model="isfa", masks=masks, fill_gaps=True)
    assert read_tif(plain.paths["moment"])[2, 30] != 255
    m = read_tif(masked.paths["moment"])
    assert m[2, 30] == 255 and (m == 255).sum() == 1 and masked.valid_pixels == 2499
    assert read_tif(filled.paths["moment"])[2, 30] != 255 and filled.filled_pixels == 1
    assert masked.mask_cover[4] == pytest.approx(1 / 2500) and masked.mask_cover[0] == 0.0
    assert "masked: 2018-04-07 0.04 % (the others clear)" in masked.summary_text()


def test_mask_line_names_every_masked_date_without_dates():
    """The summary gives each masked date's share (dates unknown: by position, not the first unknown one)."""
    from model_core.predict import DetectResult

    res = DetectResult.__new__(DetectResult)
    res.dates, res.mask_cover, res.mask_clear = ["", "", ""], [0.0, None, 0.5], (0, 4, 5, 6)
    assert res.mask_line() == ("Masks     2 of 3 dates have a mask file (clear = 0,4-6): 25.00 % of their pixels "
                               "masked on average; masked: date 3 50.00 % (the others clear)")
    res.dates, res.mask_cover = ["2018-02-02", "2018-03-06", "2018-04-23"], [0.09, 0.0, 0.0901]
    assert res.mask_line().endswith("masked: 2018-02-02 9.00 %, 2018-04-23 9.01 % (the others clear)")
    res.mask_cover = [0.0, 0.0, 0.0]
    assert res.mask_line().endswith("0.00 % of their pixels masked on average; every date clear")


@pytest.mark.parametrize("model", ["cva", "isfa", "caimnet", "caimnet_isfa"])
def test_an_overcast_date_is_filled_and_said(tmp_path, model):
    """A date whose mask hides every pixel: without filling, a message that says to leave it out or fill
    masked dates; with filling, the run goes on (it stopped the whole run), a change before the overcast
    date is still found, the change behind the clouds is dated to the interval ending at the next clear
    date, and a warning names the date.  A mask hiding most of a date is warned about too."""
    rng = np.random.default_rng(3)
    base = rng.integers(1500, 3000, (4, 40, 40)).astype(np.float32)
    imgs = []
    for i in range(4):
        v = base + rng.normal(0, 20, base.shape).astype(np.float32)
        if i >= 1:
            v[:, 0:12, 0:12] += 1500   # changed in interval 1
        if i >= 2:
            v[:, 25:37, 0:11] -= 900   # changed behind the overcast 2003: seen first on 2004
        imgs.append(write_tif(tmp_path / f"img_{2001 + i}.tif", v.astype(np.uint16)))
    overcast = write_tif(tmp_path / "cmask_2003.tif", np.ones((40, 40), np.uint8))
    masks = ["none", "none", overcast, "none"]
    with pytest.raises(InputError, match=r"cmask_2003.tif', marks every pixel .* leave it out, or fill masked dates "
                                         r"from the previous clear date, or the next where no earlier date is clear "
                                         r"\(--fill-gaps"):
        detect(imgs, out_dir=str(tmp_path / "no"), model=model, masks=masks)
    res = detect(imgs, out_dir=str(tmp_path / model), model=model, masks=masks, fill_gaps=True)
    m = read_tif(res.paths["moment"])
    assert (m != 255).all()
    if model in ("cva", "isfa"):  # the networks are not meant for noise images; the classical methods are exact
        assert (m[2:10, 2:10] == 1).all() and (m[27:35, 2:9] == 3).all() and (m == 2).sum() == 0
    assert ("the cloud mask of input 3 'img_2003.tif' hides the whole date: its values are the previous clear date's, "
            "or the next's where no earlier date is clear, so a change around it is dated to the interval ending at "
            "the next clear date.") in res.warnings
    assert "1 of 4 dates have a mask file (clear = 0): 100.00 % of their pixels masked on average; masked: 2003 100.00 %" in res.summary_text()
    only = [write_tif(tmp_path / f"cmask_{y}.tif", np.ones((40, 40), np.uint8)) for y in (2001, 2002)] + [overcast, "none"]
    with pytest.raises(InputError, match="hide every pixel of all dates but 'img_2004.tif'"):
        detect(imgs, out_dir=str(tmp_path / "one"), model=model, masks=only, fill_gaps=True)
    # every date hidden (a QA_PIXEL read with the default clear value 0): said so, with the clear values to check
    # (it said "every pixel of all dates but none")
    with pytest.raises(InputError, match=r"hide every pixel of every date \(none has a clear value, 0\)\. Check that "
                                         r"these are the dates' masks .*--mask-clear.*bit6&!bit2&!bit4"):
        detect(imgs, out_dir=str(tmp_path / "all"), model=model, fill_gaps=True, masks=only[:3] + [
            write_tif(tmp_path / "cmask_2004.tif", np.ones((40, 40), np.uint8))])
    if model == "cva":
        most = np.ones((40, 40), np.uint8)
        most[:, :12] = 0
        mostly = write_tif(tmp_path / "cmask_2004.tif", most)  # 70 % hidden: a mask of part of its image?
        res = detect(imgs, out_dir=str(tmp_path / "most"), model=model, masks=["none", "none", "none", mostly])
        assert any("input 4 'img_2004.tif' hides 70.00 % of the date: those pixels are nodata" in w
                   for w in res.warnings)


def test_a_masked_date_with_no_clear_date_before_it_is_said_to_be_filled_from_the_next(tmp_path):
    """An overcast first date, and a second date 70 % masked: gap filling takes their values from the next clear
    date (fill_gaps fills leading gaps from the first clear date after them); the warnings said "the previous clear
    date's" and "(filled from the previous clear date)", of dates with no clear date before them.  A change behind
    the masks before the first clear date is not seen; one after it is."""
    from model_core import i18n

    rng = np.random.default_rng(3)
    base = rng.integers(1500, 3000, (4, 40, 40)).astype(np.float32)
    imgs = []
    for i in range(4):
        v = base + rng.normal(0, 20, base.shape).astype(np.float32)
        if i >= 1:
            v[:, 2:10, 20:30] += 1500   # hidden on dates 1 and 2: not seen
        if i >= 3:
            v[:, 25:37, 20:31] -= 900   # hidden on date 2, changed after the clear date 3: seen in interval 3
        imgs.append(write_tif(tmp_path / f"img_{2001 + i}.tif", v.astype(np.uint16)))
    most = np.ones((40, 40), np.uint8)
    most[:, :12] = 0
    masks = [write_tif(tmp_path / "cmask_2001.tif", np.ones((40, 40), np.uint8)),
             write_tif(tmp_path / "cmask_2002.tif", most), "none", "none"]
    res = detect(imgs, out_dir=str(tmp_path / "en"), model="cva", masks=masks, fill_gaps=True)
    assert res.warnings[-2:] == [
        "the cloud mask of input 1 'img_2001.tif' hides the whole date, with no clear date before it: its values are "
        "the next clear date's, so a change before that date is not seen.",
        "the cloud mask of input 2 'img_2002.tif' hides 70.00 % of the date (filled from the next clear date: there "
        "is no clear date before it)."]
    m = read_tif(res.paths["moment"])
    assert (m != 255).all() and (m[2:10, 20:30] == 0).all() and (m[27:35, 22:29] == 3).all()
    before = i18n.set_language("de")
    try:
        de = detect(imgs, out_dir=str(tmp_path / "de"), model="cva", masks=masks, fill_gaps=True).warnings
        i18n.set_language("es")
        es = detect(imgs, out_dir=str(tmp_path / "es"), model="cva", masks=masks, fill_gaps=True).warnings
    finally:
        i18n.set_language(before)
    assert "verdeckt den ganzen Zeitpunkt, und vor ihm ist kein Zeitpunkt wolkenfrei: seine Werte sind die des " \
           "nächsten wolkenfreien Zeitpunkts" in de[-2]
    assert de[-1].endswith("(aus dem nächsten wolkenfreien Zeitpunkt gefüllt: vor ihm ist kein Zeitpunkt wolkenfrei).")
    assert "oculta toda la fecha, sin ninguna fecha despejada antes de ella: sus valores son los de la siguiente " \
           "fecha despejada" in es[-2]
    assert es[-1].endswith("(rellenado con la siguiente fecha despejada: no hay ninguna fecha despejada antes de ella).")


def test_no_pixel_clear_on_every_date_says_what_filling_takes(tmp_path):
    """Two dates whose nodata halves do not overlap: without gap filling no pixel is valid on both, and the
    advice names filling as it works (from the previous clear date, or the next where no earlier date is clear)."""
    rng = np.random.default_rng(5)
    imgs = []
    for i in range(2):
        v = rng.integers(100, 3000, (4, 20, 20)).astype(np.uint16)
        if i == 0:
            v[:, :, 10:] = 0
        else:
            v[:, :, :10] = 0
        imgs.append(write_tif(tmp_path / f"half_{2001 + i}.tif", v, nodata=0))
    with pytest.raises(InputError, match=r"^No pixel is valid in all dates at once .* or fill masked dates from the "
                                         r"previous clear date, or the next where no earlier date is clear "
                                         r"\(--fill-gaps; in QGIS 'Fill masked dates', FILL_GAPS in Processing\)\.$"):
        detect(imgs, out_dir=str(tmp_path / "o"), model="cva")


def _two_cover_series(tmp_path, size=60):
    """Four dates of a scene half water (dark, flat) and half fields (bright, textured), each date with
    its own gain and offset, and one change of interval 3 in each half; the second date's mask leaves
    only the water clear."""
    rng = np.random.default_rng(11)
    base = np.empty((4, size, size), np.float32)
    base[:, :, :size // 2] = rng.normal(400, 30, (4, size, size // 2))
    base[:, :, size // 2:] = rng.normal(2600, 350, (4, size, size - size // 2))
    gains = [(1.0, 0), (1.2, 150), (0.85, -40), (1.1, 60)]
    imgs = []
    for i, (g, o) in enumerate(gains):
        v = base * g + o + rng.normal(0, 8, base.shape).astype(np.float32)
        if i == 3:
            v[:, 5:17, 5:17] += 1800      # water filled in
            v[:, 40:52, 40:52] -= 1900    # a field flooded
        imgs.append(write_tif(tmp_path / f"img_{2001 + i}.tif", np.clip(v, 1, 65000).astype(np.uint16)))
    cloud = np.zeros((size, size), np.uint8)
    cloud[:, size // 2 - 6:] = 1   # only 40 % of the date clear, all of it water
    mask = write_tif(tmp_path / "cmask_2002.tif", cloud)
    return imgs, ["none", mask, "none", "none"]


def test_a_date_clear_over_one_land_cover_only_has_the_scene_statistics(tmp_path):
    """A date whose clear part is all water: its statistics are carried over to the whole scene through
    the pixels it shares with the clearest date (its own would describe the water only), so that the
    classical methods and gap filling compare like with like."""
    imgs, masks = _two_cover_series(tmp_path)
    stack = Stack(imgs, masks=masks)
    center, scale = stack.statistics()
    assert stack.relative_stats == [1]
    # date 2 is date 1 x 1.2 + 150: its whole-scene median and spread follow date 1's, not the water's
    assert np.allclose(center[1], center[0] * 1.2 + 150, rtol=0.05)
    assert np.allclose(scale[1], scale[0] * 1.2, rtol=0.1)
    assert (center[1] > 1000).all()   # the water alone has a median near 630
    unmasked = Stack(imgs)
    unmasked.statistics()
    assert unmasked.relative_stats == []


@pytest.mark.parametrize("model", ["cva", "isfa", "caimnet_isfa"])
def test_a_date_clear_over_one_land_cover_only_is_not_change(tmp_path, model):
    """The same series with gap filling: the masked fields of date 2 are filled from date 1, and nothing
    but the two real changes is called changed.  Before, date 2's water-only statistics made the
    classical methods and the automatic choice call 40-60 % of the scene changed in intervals 1 and 2."""
    imgs, masks = _two_cover_series(tmp_path)
    res = detect(imgs, out_dir=str(tmp_path / model), model=model, masks=masks, fill_gaps=True)
    m = read_tif(res.paths["moment"])
    blocks = np.zeros(m.shape, bool)
    blocks[4:18, 4:18] = blocks[39:53, 39:53] = True   # with ISFA's 3 x 3 context a 1-pixel ring around them
    assert (m != 255).all()
    assert ((m != 0) & ~blocks).mean() < 0.02
    assert (m[7:15, 7:15] == 3).all() and (m[42:50, 42:50] == 3).all()
