"""Co-registration (model_core.coregister, Stack.coregister, detect(coregister=...)): real GeoTIFFs through GDAL."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from osgeo import gdal
from rasters import ROOT, SHARED_DATA, read_tif, write_tif
from scipy import ndimage

from model_core import coregister as cr, i18n
from model_core.predict import detect
from model_core.stack import Stack

H = W = 160
MARGIN = 8


def _texture(seed, h, w):
    """A field-like texture: smooth noise and rectangles of other brightness (edges in every direction)."""
    rng = np.random.default_rng(seed)
    out = 3 * ndimage.gaussian_filter(rng.normal(size=(h, w)), 2.0)
    for _k in range(60):
        y, x = rng.integers(0, h - 10), rng.integers(0, w - 10)
        out[y:y + rng.integers(4, 20), x:x + rng.integers(4, 20)] += 2 * rng.normal()
    return out


# the scene, MARGIN px wider on every side than a date: 4 bands, uint16
SCENE = (1000 + 200 * np.stack([_texture(s, H + 2 * MARGIN, W + 2 * MARGIN) for s in range(4)])).astype(np.uint16)


def date(dx=0, dy=0, h=H, w=W):
    """The scene as a date offset by (dx, dy): its content of grid pixel (x, y) is at its own pixel (x + dx, y + dy)
    (a date whose georeferencing is dx px too far west and dy px too far north), written on the same grid."""
    return SCENE[:, MARGIN - dy:MARGIN - dy + h, MARGIN - dx:MARGIN - dx + w]


def _series(tmp_path, offsets, **kw):
    return [write_tif(tmp_path / f"d_{2001 + i}-06-01.tif", date(dx, dy), **kw) for i, (dx, dy) in enumerate(offsets)]


# ------------------------------------------------------------------ the estimator


def test_estimator_finds_whole_pixel_offsets_and_none_where_there_is_none():
    values = np.stack([date(0, 0), date(2, -1), date(-3, 2), date(0, 0)]).astype(np.float32)
    shifts = cr.estimate_shifts(values, np.ones((H, W), bool))
    assert [s.applied() for s in shifts] == [(0, 0), (2, -1), (-3, 2), (0, 0)]
    assert [s.reason for s in shifts] == [None] * 4
    assert abs(shifts[1].dx - 2) < 0.1 and abs(shifts[1].dy + 1) < 0.1 and shifts[1].score > 0.9
    # the estimate moves a date onto the reference: apply_shifts gives the reference's values where covered
    moved, ok = cr.apply_shifts(values, np.ones((H, W), bool), shifts)
    for j in range(4):
        assert (moved[j][:, ok] == values[0][:, ok]).all()
    assert ok.sum() == (H - 1 - 2) * (W - 2 - 3)  # the strips the moved dates no longer cover


def test_offset_at_the_edge_of_the_search_is_reported_not_applied():
    values = np.stack([date(0, 0), date(5, 0), date(-2, 5)]).astype(np.float32)
    shifts = cr.estimate_shifts(values, np.ones((H, W), bool))
    assert [s.reason for s in shifts] == [None, "edge", "edge"]
    assert [s.applied() for s in shifts] == [(0, 0)] * 3
    assert (shifts[1].dx, shifts[1].dy) == (5.0, 0.0)


def test_featureless_date_is_not_moved():
    values = np.stack([date(0, 0), np.full((4, H, W), 1000)]).astype(np.float32)
    shifts = cr.estimate_shifts(values, np.ones((H, W), bool))
    assert shifts[1].applied() == (0, 0)
    assert shifts[1].reason == "weak"  # no clear match, not an offset at the edge of the search


@pytest.mark.parametrize("offset", [(5, 0), (6, 0), (7, 2), (2, -1)])
def test_a_scene_too_small_to_score_every_offset_is_not_moved(offset):
    """On a 20 px scene the offsets at the edge of the search leave fewer than MIN_PIXELS pixels: a date offset by
    5, 6 or (7, 2) px was moved by 4, 2 or (-2, 0), the best of the offsets that could be scored."""
    n = 20
    values = np.stack([date(0, 0, n, n), date(*offset, n, n)]).astype(np.float32)
    shift = cr.estimate_shifts(values, np.ones((n, n), bool))[1]
    assert shift.applied() == (0, 0) and shift.reason == "few_pixels"


def test_offset_text():
    assert cr.offset_text(2, -1) == "2 px east and 1 px north"
    assert cr.offset_text(-3, 0) == "3 px west"
    assert cr.offset_text(0, 4) == "4 px south"
    assert cr.offset_text(0, 0) == "0 px"


# ------------------------------------------------------------------ Stack.coregister


def test_stack_coregister_reads_the_unshifted_values_and_the_uncovered_strip_is_invalid(tmp_path):
    paths = _series(tmp_path, [(0, 0), (2, -1), (-3, 2)])
    stack = Stack(paths)
    try:
        before, _ok = stack.read(0, 0, W, H, per_date=True)
        assert not (before[1] == before[0]).all()
        shifts = stack.coregister()
        assert [s.applied() for s in shifts] == [(0, 0), (2, -1), (-3, 2)] and stack.shifts is shifts
        values, valid = stack.read(0, 0, W, H, per_date=True)
    finally:
        stack.close()
    ref = date(0, 0).astype(np.float32)
    for j in range(3):
        assert (values[j][:, valid[j]] == ref[:, valid[j]]).all()  # exactly the values, not resampled
    expect = np.ones((H, W), bool)
    expect[:, W - 2:] = False  # 2 px east: its last 2 columns are not covered; 1 px north: its first row
    expect[0] = False
    assert (valid[1] == expect).all()
    expect = np.ones((H, W), bool)
    expect[:, :3] = False
    expect[H - 2:] = False
    assert (valid[2] == expect).all() and valid[0].all()


def test_stack_coregister_moves_a_dates_mask_with_it(tmp_path):
    paths = _series(tmp_path, [(0, 0), (2, -1)])
    mask = np.zeros((H, W), np.uint8)
    mask[50:60, 70:80] = 1  # a cloud, in the date's own pixels
    mpath = write_tif(tmp_path / "mask.tif", mask)
    stack = Stack(paths, masks=["none", mpath], mask_clear="0")
    try:
        stack.coregister()
        _values, valid = stack.read(0, 0, W, H, per_date=True)
    finally:
        stack.close()
    inner = valid[1][1:, :W - 2]  # without the uncovered strip
    cloud = np.zeros((H, W), bool)
    cloud[51:61, 68:78] = True  # on the grid: 2 px west, 1 px south of where the date's pixels have it
    assert (~inner == cloud[1:, :W - 2]).all()


@pytest.mark.parametrize("reference", [0, 1])
def test_stack_coregister_onto_another_reference(tmp_path, reference):
    paths = _series(tmp_path, [(1, 0), (0, 0), (-2, 1)])
    stack = Stack(paths, reference=reference)
    try:
        shifts = stack.coregister()
        values, valid = stack.read(0, 0, W, H, per_date=True)
    finally:
        stack.close()
    want = [(1, 0), (0, 0), (-2, 1)] if reference == 1 else [(0, 0), (-1, 0), (-3, 1)]
    assert [s.applied() for s in shifts] == want
    ref = values[reference]
    for j in range(3):
        both = valid[j] & valid[reference]
        assert both.sum() > 0.9 * H * W and (values[j][:, both] == ref[:, both]).all()


def test_stack_coregister_a_date_in_another_crs(tmp_path):
    """A date in the neighbouring UTM zone is warped onto the grid; its move is carried over at the grid's centre."""
    paths = _series(tmp_path, [(0, 0), (0, 0), (-3, 2)])
    other = str(tmp_path / "other_crs.tif")
    gdal.Warp(other, paths[2], dstSRS="EPSG:32632", xRes=10, yRes=10, resampleAlg="near")
    stack = Stack([paths[0], paths[1], other])
    try:
        shifts = stack.coregister()
        values, valid = stack.read(0, 0, W, H, per_date=True)
        again = cr.estimate_shifts(values, valid)
    finally:
        stack.close()
    assert shifts[2].applied() == (-3, 2) and shifts[1].applied() == (0, 0)
    assert [s.applied() for s in again] == [(0, 0)] * 3  # moved onto the reference


def test_stack_coregister_a_multi_date_file(tmp_path):
    from model_core.stacked import Split

    path = write_tif(tmp_path / "series.tif", np.concatenate([date(0, 0), date(2, -1), date(-3, 2)]))
    with Split([path], per_date=4) as split:
        stack = Stack(split.specs)
        try:
            shifts = stack.coregister()
            values, valid = stack.read(0, 0, W, H, per_date=True)
        finally:
            stack.close()
    assert [s.applied() for s in shifts] == [(0, 0), (2, -1), (-3, 2)]
    ref = date(0, 0).astype(np.float32)
    for j in range(3):
        assert (values[j][:, valid[j]] == ref[:, valid[j]]).all() and valid[j].sum() > 0.9 * H * W


@pytest.mark.parametrize("side", [12, 20])
def test_stack_coregister_on_a_scene_smaller_than_the_search(tmp_path, side):
    small = [write_tif(tmp_path / f"s{i}.tif", date(dx, dy, side, side)) for i, (dx, dy) in enumerate([(0, 0), (2, -1)])]
    stack = Stack(small)
    try:
        shifts = stack.coregister()
    finally:
        stack.close()
    assert shifts[1].applied() == (0, 0) and shifts[1].reason == "few_pixels"


def test_stack_coregister_with_a_date_mostly_nodata(tmp_path):
    a = date(0, 0).astype(np.float32)
    b = date(2, -1).astype(np.float32)
    b[:, :, :130] = -9999
    c = date(0, 0).astype(np.float32)
    c[:] = -9999
    paths = [write_tif(tmp_path / f"n{i}.tif", x, nodata=-9999) for i, x in enumerate((a, b, c))]
    stack = Stack(paths)
    try:
        shifts = stack.coregister()
    finally:
        stack.close()
    assert shifts[1].applied() == (2, -1)
    assert shifts[2].applied() == (0, 0) and shifts[2].reason == "few_pixels"


# ------------------------------------------------------------------ detect


def _changed_on_edges(area):
    """Changed pixels on the scene's strong edges (where an offset date makes false change)."""
    g = np.hypot(*np.gradient(date(0, 0).astype(np.float32).mean(axis=0)))
    edges = g > np.percentile(g, 80)
    return int(((area == 1) & edges).sum())


def test_detect_coregister_moves_the_offset_date_and_says_so(tmp_path):
    paths = _series(tmp_path, [(0, 0), (2, -1), (0, 0)])
    plain = detect(paths, out_dir=str(tmp_path / "plain"), model="cva", coregister=False)
    moved = detect(paths, out_dir=str(tmp_path / "moved"), model="cva", coregister=True)
    a0, a1 = read_tif(plain.paths["area"]), read_tif(moved.paths["area"])
    assert _changed_on_edges(a0) > 50  # the ring of false change along the edges of the offset date
    assert _changed_on_edges(a1) == 0 and (a1 == 1).sum() == 0
    text = moved.summary_text()
    line = next(x for x in text.splitlines() if x.startswith("Alignment"))
    assert "2002-06-01 was 2 px east and 1 px north of it" in line and "1 of 3 dates moved" in line
    assert "Alignment" not in plain.summary_text() and plain.shifts is None
    assert [s.applied() for s in moved.shifts] == [(0, 0), (2, -1), (0, 0)]
    assert (a1 == 255).sum() == W + 2 * H - 2  # the strip: a row and 2 columns (every output's nodata)
    for kind in ("area", "moment", "confidence"):
        item = gdal.Open(moved.paths[kind]).GetMetadataItem("CAIM_COREGISTER")
        rec = json.loads(item)
        assert [(d["applied_dx"], d["applied_dy"]) for d in rec] == [(0, 0), (2, -1), (0, 0)]
        # a scene too small for the check across it: the record and the warnings as before it
        assert all(list(d) == ["dx", "dy", "applied_dx", "applied_dy", "score", "reason"] for d in rec)
        assert gdal.Open(plain.paths[kind]).GetMetadataItem("CAIM_COREGISTER") is None
    assert all(sh.windows is None for sh in moved.shifts) and not any("different parts" in w for w in moved.warnings)


def test_detect_coregister_with_fill_gaps_fills_the_strip_and_the_moved_mask(tmp_path):
    """With fill_gaps the strip a moved date no longer covers is filled from the previous clear date, as a masked
    pixel is (README); its mask, moved with it, hides the cloud where it is on the grid."""
    paths = _series(tmp_path, [(0, 0), (2, -1), (0, 0)])
    mask = np.zeros((H, W), np.uint8)
    mask[50:60, 70:80] = 1
    mpath = write_tif(tmp_path / "mask.tif", mask)
    res = detect(paths, out_dir=str(tmp_path / "o"), model="cva", coregister=True, fill_gaps=True,
                 masks=["none", mpath, "none"], mask_clear="0")
    area = read_tif(res.paths["area"])
    assert (area != 255).all() and (area == 1).sum() == 0
    assert res.filled_pixels == (W + 2 * H - 2) + 100  # the strip and the cloud
    assert res.mask_line().endswith("masked: 2002-06-01 0.40 %; not counted as masked: the strip along the scene's "
                                    "edge that a date moved by co-registration no longer covers (filled from the "
                                    "previous clear date, or the next where no earlier date is clear): 2002-06-01 "
                                    "1.87 % of the grid")


def test_the_strip_of_a_moved_first_date_is_said_to_be_filled_from_the_next_clear_date(tmp_path):
    """With a reference date that is not the first, the first date can be the moved one: its uncovered strip has no
    earlier date and is filled from the next clear date (fill_gaps fills leading gaps from the first clear date
    after them), while the summary's Masks and Gaps lines said "filled from the previous clear date"."""
    paths = _series(tmp_path, [(2, -1), (0, 0), (0, 0)])
    clear = write_tif(tmp_path / "clear.tif", np.zeros((H, W), np.uint8))
    res = detect(paths, out_dir=str(tmp_path / "o"), model="cva", coregister=True, fill_gaps=True, reference=1,
                 masks=[clear, "none", "none"], mask_clear="0")
    assert [s.applied() for s in res.shifts] == [(2, -1), (0, 0), (0, 0)]
    area = read_tif(res.paths["area"])
    # the strip took the second date's values: every pixel mapped, none changed
    assert (area != 255).all() and (area == 1).sum() == 0 and res.filled_pixels == W + 2 * H - 2
    text = res.summary_text()
    gaps, masks = (next(x for x in text.splitlines() if x.startswith(k)) for k in ("Gaps", "Masks"))
    assert gaps == ("Gaps      %d px with masked dates filled from their previous clear date, or the next where no "
                    "earlier date is clear" % (W + 2 * H - 2))
    assert masks.endswith("no longer covers (filled from the previous clear date, or the next where no earlier date "
                          "is clear): 2001-06-01 1.87 % of the grid"), masks
    before = i18n.set_language("de")
    try:
        assert "(aus dem vorigen wolkenfreien Zeitpunkt gefüllt, oder aus dem nächsten, wo kein früherer wolkenfrei " \
               "ist): 2001-06-01 1,87 % des Rasters" in res.summary_text()
        i18n.set_language("es")
        assert "(rellenada con la fecha despejada anterior, o con la siguiente donde ninguna anterior está " \
               "despejada): 2001-06-01 1,87 % de" in res.summary_text()
    finally:
        i18n.set_language(before)


def test_a_moved_dates_masked_share_leaves_out_its_uncovered_strip_and_names_it(tmp_path):
    """The summary's Masks line gave a moved date's masked share with the strip it no longer covers counted in
    (2.26 % for a 100 px cloud: 1.87 % of it the strip), without a word; the strip is said apart."""
    paths = _series(tmp_path, [(0, 0), (2, -1), (0, 0)])
    mask = np.zeros((H, W), np.uint8)
    mask[50:60, 70:80] = 1  # a cloud of 100 px, inside what the moved date still covers
    masks = [write_tif(tmp_path / "clear.tif", np.zeros((H, W), np.uint8)), write_tif(tmp_path / "cloud.tif", mask)]
    res = detect(paths[:2], out_dir=str(tmp_path / "o"), model="cva", coregister=True, masks=masks, mask_clear="0")
    covered = (H - 1) * (W - 2)
    assert res.mask_cover == [0.0, pytest.approx(100 / covered)]
    assert res.strip_cover == [0.0, pytest.approx(1 - covered / (H * W))]
    line = res.mask_line()
    assert line == ("Masks     2 of 2 dates have a mask file (clear = 0): 0.20 % of their pixels masked on average; "
                    "masked: 2002-06-01 0.40 % (the others clear); not counted as masked: the strip along the scene's "
                    "edge that a date moved by co-registration no longer covers (nodata): 2002-06-01 1.87 % of the grid")
    for step_pixels in (4000, 997):  # a decimated read of the statistics (every 3rd and 6th pixel): the same
        stack = Stack(paths[:2], masks=[masks[0], masks[0]], mask_clear="0")  # (a clear mask: only the strip)
        try:
            stack.coregister()
            stack.statistics(max_pixels=step_pixels)
            assert stack.sample_step > 1 and stack.mask_cover == [0.0, 0.0]
            assert stack.strip_cover == [0.0, pytest.approx(1 - covered / (H * W))]
        finally:
            stack.close()
    plain = detect(paths[:2], out_dir=str(tmp_path / "p"), model="cva", coregister=False, masks=masks, mask_clear="0")
    assert plain.mask_cover == [0.0, pytest.approx(100 / (H * W))] and "strip" not in plain.mask_line()
    i18n.set_language("de")
    try:
        assert res.mask_line().endswith("nicht als maskiert gezählt: der Randstreifen der Szene, den ein durch die "
                                        "Koregistrierung verschobener Zeitpunkt nicht mehr abdeckt (NoData): "
                                        "2002-06-01 1,87 % des Rasters")
        i18n.set_language("es")
        assert res.mask_line().endswith("sin contar como enmascarada: la franja del borde de la escena que una fecha "
                                        "movida por el corregistro deja de cubrir (sin datos): 2002-06-01 1,87 % de "
                                        "la malla")
    finally:
        i18n.set_language("en")


def test_detect_coregister_warns_of_a_date_at_the_edge_of_the_search(tmp_path):
    paths = _series(tmp_path, [(0, 0), (5, 0)])
    res = detect(paths, out_dir=str(tmp_path / "o"), model="cva", coregister=True)
    assert res.shifts[1].reason == "edge"
    assert any("5 px or more" in w and "'d_2002-06-01.tif'" in w for w in res.warnings)
    line = next(x for x in res.summary_text().splitlines() if x.startswith("Alignment"))
    assert "2002-06-01: the best match is at the edge of the search: the offset may be larger than 5 px" in line


def test_detect_coregister_does_not_call_a_featureless_date_offset(tmp_path):
    paths = _series(tmp_path, [(0, 0), (0, 0)])
    flat = write_tif(tmp_path / "d_2003-06-01.tif", np.full((4, H, W), 1000, np.uint16))
    res = detect(paths + [flat], out_dir=str(tmp_path / "o"), model="cva", coregister=True)
    assert res.shifts[2].reason == "weak" and not any("px or more" in w for w in res.warnings)
    line = next(x for x in res.summary_text().splitlines() if x.startswith("Alignment"))
    assert line.endswith("(left as they are: 2003-06-01: no clear match (the dates share few edges))")


def test_detect_coregister_without_georeferencing_moves_nothing_and_says_why(tmp_path):
    paths = _series(tmp_path, [(0, 0), (2, -1)], geo=False)
    res = detect(paths, out_dir=str(tmp_path / "o"), model="cva", coregister=True)
    assert res.shifts[1].reason == "no_crs" and res.shifts[1].applied() == (0, 0)
    assert any("2 px east and 1 px north" in w and "not georeferenced" in w for w in res.warnings)
    line = next(x for x in res.summary_text().splitlines() if x.startswith("Alignment"))
    assert line == "Alignment no date moved (left as they are: 2002-06-01: the images are not georeferenced)"
    assert (read_tif(res.paths["area"]) != 255).all()  # nothing moved: no strip


# ------------------------------------------------------------------ the check across a large scene (report only)

BIG = 1024  # the smallest grid with further windows (CHECK_FACTOR x WINDOW)


def _big_date(dx=0, dy=0, split=None):
    """A BIG x BIG date of a field-like scene offset by (dx, dy) (as :func:`date`); with ``split``, only its columns
    west of ``split`` are offset, the rest not (a date made of two sources, or not orthorectified alike)."""
    scene = _big_date.scene
    if scene is None:
        n = BIG + 2 * MARGIN
        rng = np.random.default_rng(7)
        bands = []
        for s in range(4):
            out = 3 * ndimage.gaussian_filter(np.random.default_rng(s).normal(size=(n, n)), 2.0)
            for _k in range(1500):
                y, x = rng.integers(0, n - 10), rng.integers(0, n - 10)
                out[y:y + rng.integers(4, 20), x:x + rng.integers(4, 20)] += 2 * rng.normal()
            bands.append(out)
        scene = _big_date.scene = (1000 + 200 * np.stack(bands)).astype(np.uint16)

    def at(ox, oy):
        return scene[:, MARGIN - oy:MARGIN - oy + BIG, MARGIN - ox:MARGIN - ox + BIG]

    if split is None:
        return at(dx, dy)
    out = at(0, 0).copy()
    out[:, :, :split] = at(dx, dy)[:, :, :split]
    return out


_big_date.scene = None


@pytest.fixture(scope="module")
def big_run(tmp_path_factory):
    """A 3-date BIG x BIG series: date 2's west half offset 3 px east, its east half not; date 3 offset (2, -1)
    everywhere.  (detect with co-registration, and the offsets the central window alone gives: the estimate as it
    was before the check)"""
    folder = tmp_path_factory.mktemp("big")
    arrays = [_big_date(), _big_date(3, 0, split=BIG // 2), _big_date(2, -1)]
    paths = [write_tif(folder / f"d_{2001 + i}-06-01.tif", a) for i, a in enumerate(arrays)]
    stack = Stack(paths)
    try:
        x = y = (BIG - cr.WINDOW) // 2
        values, valid = stack.read(x, y, cr.WINDOW, cr.WINDOW, per_date=True)
        central = cr.estimate_shifts(values, valid)
    finally:
        stack.close()
    res = detect(paths, out_dir=str(folder / "out"), model="cva", coregister=True)
    return res, central


def test_check_windows_are_the_quarters_centres_on_a_grid_two_windows_wide_and_high():
    """The quarters' windows are of CHECK_WINDOW = 256 px (they were of the central window's 512 px: the check cost
    four times as much, 1.1 s of CPU more on 6 dates of 1024^2 px, and found a date offset in one quarter no more
    often on scenes made of real NAIP dates); from a grid of 2 x 512 px, as before."""
    assert cr.check_windows(BIG - 1, 5000) == [] and cr.check_windows(5000, BIG - 1) == []
    assert cr.check_windows(BIG, BIG) == [("north-west", (128, 128, 256, 256)), ("north-east", (640, 128, 256, 256)),
                                          ("south-west", (128, 640, 256, 256)), ("south-east", (640, 640, 256, 256))]
    found = cr.check_windows(2048, 3000)
    assert [win for _p, win in found] == [(384, 622, 256, 256), (1408, 622, 256, 256), (384, 2122, 256, 256),
                                          (1408, 2122, 256, 256)]

    def overlap(w, h):  # of each quarter's window with the central 512 px one, in pixels
        cx, cy = (w - cr.WINDOW) // 2, (h - cr.WINDOW) // 2
        return [max(0, min(x + s, cx + cr.WINDOW) - max(x, cx)) * max(0, min(y + t, cy + cr.WINDOW) - max(y, cy))
                for _p, (x, y, s, t) in cr.check_windows(w, h)]

    assert overlap(BIG, BIG) == [128 * 128] * 4  # a quarter of each window on the smallest grid checked
    assert overlap(1536, 1536) == overlap(2048, 3000) == [0] * 4  # from 3 x 512 px on, none
    # (tools/coregister_check.py --check-window: any window size, from twice it on)
    assert cr.check_windows(600, 512, 256, least=512)[0] == ("north-west", (22, 0, 256, 256))


def test_a_date_offset_differently_in_its_two_halves_is_warned_of_and_keeps_its_offset(big_run):
    res, central = big_run
    assert [s.applied() for s in res.shifts] == [s.applied() for s in central]  # the central window's, as before
    assert res.shifts[1].applied() == (3, 0)  # (this scene's central window matches the west half best)
    warned = [w for w in res.warnings if "differently in different parts of the scene" in w]
    assert len(warned) == 1 and warned[0].startswith("input 2 'd_2002-06-01.tif' is offset")
    assert ("(centre: 3 px east (applied); north-west: 3 px east; north-east: 0 px; south-west: 3 px east; "
            "south-east: 0 px), and one offset, 3 px east, was applied to the whole date: where it is offset "
            "otherwise, its edges may show as false change." in warned[0])
    assert warned[0].endswith("Co-register or orthorectify the dates with a GIS tool before the run, or run without "
                              "co-registration (--no-coregister; in QGIS untick 'Co-register the dates', "
                              "COREGISTER=false in Processing).")
    assert "Warning: " + warned[0] in res.summary_text()
    line = next(x for x in res.summary_text().splitlines() if x.startswith("Alignment"))
    assert line == ("Alignment 2 of 3 dates moved onto the reference date by whole pixels (2002-06-01 was 3 px east of "
                    "it at the scene's centre (other parts differ); 2003-06-01 was 2 px east and 1 px north of it)")
    rec = json.loads(gdal.Open(res.paths["area"]).GetMetadataItem("CAIM_COREGISTER"))
    for d, sh in zip(rec, central):  # the keys there before, with the values they had; the check's added
        assert {k: d[k] for k in sh.as_dict()} == sh.as_dict()
        assert [w["where"] for w in d["windows"]] == ["north-west", "north-east", "south-west", "south-east"]
    assert [(w["applied_dx"], w["applied_dy"]) for w in rec[1]["windows"]] == [(3, 0), (0, 0), (3, 0), (0, 0)]
    assert [d["varies"] for d in rec] == [False, True, False]
    assert (rec[1]["windows"][3]["x"], rec[1]["windows"][3]["y"], rec[1]["windows"][3]["width"]) == (640, 640, 256)


def test_a_uniformly_offset_large_date_is_moved_without_that_warning(big_run):
    res, _central = big_run
    assert res.shifts[2].applied() == (2, -1)
    assert [sh.applied() for _p, _w, sh in res.shifts[2].windows] == [(2, -1)] * 4
    assert not any("'d_2003-06-01.tif'" in w for w in res.warnings)


def _with_windows(applied, found, reason=None):
    sh = cr.Shift(*applied, 0.8, 0.3, reason)
    sh.windows = [(p, (0, 0, 512, 512), f if isinstance(f, cr.Shift) else cr.Shift(*f, 0.6, 0.2))
                  for p, f in zip(("north-west", "north-east", "south-west", "south-east"), found)]
    return sh


def test_the_alignment_line_does_not_call_a_date_offset_only_away_from_the_centre_not_offset():
    """It said 'no date is offset from the reference date by a pixel or more' above the warning that a date's
    quarters were 3 px off."""
    from model_core.predict import DetectResult

    res = DetectResult(paths={}, dates=["2019-05-01", "2020-05-01"], interval_labels=[], device="cpu", seconds=0.0,
                       grid=None, hectares={}, changed_pixels=0, valid_pixels=0, model="cva", weights="",
                       trained=False, shifts=[cr.Shift(0.0, 0.0, 1.0, 0.0),
                                              _with_windows((0.0, 0.0), [(3.0, 0.0), (0.0, 0.0)] * 2)])
    assert res.alignment_line() == ("Alignment no date moved (left as they are: 2020-05-01: offset differently in "
                                    "different parts of the scene)")
    res.shifts[1].windows = None
    assert res.alignment_line() == "Alignment no date is offset from the reference date by a pixel or more"


def test_a_date_offset_alike_everywhere_but_unclear_at_its_centre_is_not_called_offset_differently(tmp_path):
    """A large date offset 3 px east everywhere, its central window nodata: the check's quarters agree with each other
    and only the centre's "no offset" (not estimated) differs.  The warning said it "is offset from the reference
    input differently in different parts of the scene ... where it is offset otherwise" with every part measured
    3 px east; it says the date is offset elsewhere and its centre showed no clear match (en, de, es), and the
    Alignment line of a date whose centre matched only faintly at no offset no longer says "offset differently"."""
    from model_core.predict import DetectResult

    first, second = _big_date().copy(), _big_date(3, 0).copy()
    lo, hi = (BIG - cr.WINDOW) // 2 - 6, (BIG + cr.WINDOW) // 2 + 6
    second[:, lo:hi, lo:hi] = 0  # (the quarters' windows keep three quarters of theirs)
    paths = [write_tif(tmp_path / "d_2001-06-01.tif", first, nodata=0),
             write_tif(tmp_path / "d_2002-06-01.tif", second, nodata=0)]
    res = detect(paths, out_dir=str(tmp_path / "o"), model="cva", coregister=True)
    sh = res.shifts[1]
    assert sh.reason == "few_pixels" and [w.applied() for _p, _w, w in sh.windows] == [(3, 0)] * 4
    assert cr.varies(sh) and cr.offset_elsewhere(sh)
    warned = [w for w in res.warnings if "'d_2002-06-01.tif'" in w]
    assert warned == ["input 2 'd_2002-06-01.tif' is offset from the reference input in other parts of the scene, but "
                      "its centre, whose offset the co-registration applies to a whole date, showed no clear match "
                      "(centre: no clear match; north-west: 3 px east; north-east: 3 px east; south-west: 3 px east; "
                      "south-east: 3 px east): it was left as it is, and its edges may show as false change. "
                      "Co-register or orthorectify the dates with a GIS tool before the run."]
    faint = _with_windows((0.0, 0.0), [(3.0, 0.0)] * 4)
    faint.score = 0.1  # best at no offset, but no better a match than none
    split = _with_windows((0.0, 0.0), [(3.0, 0.0), (0.0, 0.0)] * 2)
    split.score = 0.1
    assert cr.offset_elsewhere(faint) and not cr.offset_elsewhere(split)  # the quarters themselves differ: varies
    assert not cr.offset_elsewhere(_with_windows((0.0, 0.0), [(3.0, 0.0)] * 4))  # a clear centre at 0 px: varies
    listed = DetectResult(paths={}, dates=["2019-05-01", "2020-05-01"], interval_labels=[], device="cpu", seconds=0.0,
                          grid=None, hectares={}, changed_pixels=0, valid_pixels=0, model="cva", weights="",
                          trained=False, shifts=[cr.Shift(0.0, 0.0, 1.0, 0.0), faint])
    assert listed.alignment_line() == ("Alignment no date moved (left as they are: 2020-05-01: no clear match at the "
                                       "scene's centre, offset in other parts of it)")
    i18n.set_language("de")
    try:
        assert listed.alignment_line().endswith("2020-05-01: keine eindeutige Übereinstimmung in der Mitte der Szene, "
                                                "in anderen Teilen versetzt)")
        german = detect(paths, out_dir=str(tmp_path / "de"), model="cva", coregister=True).warnings
        assert any(w.startswith("Eingabe 2 'd_2002-06-01.tif' ist in anderen Teilen der Szene gegen die "
                                "Referenzeingabe versetzt, aber ihre Mitte") for w in german), german
        i18n.set_language("es")
        assert listed.alignment_line().endswith("2020-05-01: sin coincidencia clara en el centro de la escena, "
                                                "desplazada en otras partes)")
        spanish = detect(paths, out_dir=str(tmp_path / "es"), model="cva", coregister=True).warnings
        assert any(w.startswith("la entrada 2 'd_2002-06-01.tif' está desplazada respecto a la entrada de referencia "
                                "en otras partes de la escena, pero su centro") for w in spanish), spanish
    finally:
        i18n.set_language("en")


def test_which_disagreement_is_warned_of():
    weak = cr.Shift(3.0, 0.0, 0.15, 0.12, reason="weak")
    faint_zero = cr.Shift(0.0, 0.0, 0.1, 0.0)  # best at no offset, but no better a match than none
    assert not cr.varies(cr.Shift(2.0, -1.0, 0.9, 0.4))  # no check (a small grid)
    assert not cr.varies(_with_windows((2.0, -1.0), [(2.0, -1.0), (1.0, -1.0), (2.0, 0.0), (1.0, 0.0)]))  # 1 px
    assert cr.varies(_with_windows((2.0, -1.0), [(2.0, -1.0), (2.0, -1.0), (0.0, -1.0), (2.0, -1.0)]))
    assert cr.varies(_with_windows((0.0, 0.0), [(3.0, 0.0)] * 4))  # all of them against the applied none
    assert cr.varies(_with_windows((0.0, 0.0), [(3.0, 0.0)] * 4, reason="weak"))
    assert not cr.varies(_with_windows((5.0, 0.0), [(4.0, 0.0)] * 4, reason="edge"))  # warned of already
    assert not cr.varies(_with_windows((3.0, 0.0), [(3.0, 0.0), weak, faint_zero, (3.0, 0.0)]))  # unclear: not counted
    sh = _with_windows((3.0, 0.0), [(3.0, 0.0), weak, faint_zero, (0.0, 0.0)])
    assert cr.varies(sh)
    assert cr.windows_text(sh) == ("centre: 3 px east (applied); north-west: 3 px east; north-east: no clear match; "
                                   "south-west: no clear match; south-east: 0 px")


def test_a_window_match_counts_only_when_distinct_by_its_standard_error():
    """A further window's match, clear by the central window's thresholds, counts in the check only when its best
    offset beats every offset 2 px or more from it by MIN_DISTINCT standard errors of the window's correlation
    (a small or smooth window: fewer independent pixels); a Shift without them (made by hand) counts as before."""
    assert cr.MIN_DISTINCT == 1.25
    faint = cr.Shift(0.0, 3.0, 0.7, 0.18, margin=0.02, se=0.02)  # 1 standard error better than 2 px away
    sharp = cr.Shift(0.0, 3.0, 0.7, 0.18, margin=0.03, se=0.02)
    assert faint.clear() and not faint.distinct() and not cr.window_clear(faint)
    assert cr.window_clear(sharp) and cr.window_clear(cr.Shift(0.0, 3.0, 0.7, 0.18))
    assert not cr.varies(_with_windows((3.0, 0.0), [(3.0, 0.0), faint, (3.0, 0.0), (3.0, 0.0)]))
    assert cr.varies(_with_windows((3.0, 0.0), [(3.0, 0.0), sharp, (3.0, 0.0), (3.0, 0.0)]))
    sh = _with_windows((3.0, 0.0), [(3.0, 0.0), faint, sharp, (3.0, 0.0)])
    assert cr.windows_text(sh) == ("centre: 3 px east (applied); north-west: 3 px east; north-east: no clear match; "
                                   "south-west: 3 px south; south-east: 3 px east")
    assert [w["clear"] for w in sh.as_dict()["windows"]] == [True, False, True, True]
    # the central estimate keeps its thresholds: applied and clear whatever its margin
    centre = cr.Shift(3.0, 0.0, 0.7, 0.18, margin=0.001, se=0.05)
    assert centre.applied() == (3, 0) and centre.clear()


# ------------------------------------------------------------------ evaluate and ablation

needs_shared = pytest.mark.skipif(not os.path.isdir(os.path.join(SHARED_DATA, "naip-north-dakota")),
                                  reason="../shared/data is absent: the semi-synthetic generator is not tested")


@pytest.mark.shared
@needs_shared
def test_the_check_finds_a_quarter_offset_on_real_imagery_and_no_disagreement_in_a_uniform_offset(tmp_path):
    """The check's 256 px windows on real imagery: two consecutive NAIP dates (2019-09-04, 2020-08-31) at their 5 m,
    tiled 2 x 2 with mirrored copies into a 1864 x 1444 px scene; the later date's north-west quarter moved 3 px is
    warned of, the later date moved 2 px everywhere is moved and not (the choice of 256 px over 512 px was measured
    on such scenes: each of 9 consecutive NAIP pairs, in each quarter)."""
    import glob

    naip = sorted(glob.glob(os.path.join(SHARED_DATA, "naip-north-dakota", "*.tif")))
    stack = Stack([p for p in naip if os.path.basename(p)[:8] in ("20190904", "20200831")])
    try:
        h, w = stack.grid.height, stack.grid.width
        values, _valid = stack.read(0, 0, w, h, per_date=True)
    finally:
        stack.close()
    tiled = np.concatenate([values, values[..., ::-1]], axis=-1)
    tiled = np.concatenate([tiled, tiled[..., ::-1, :]], axis=-2).astype(np.uint8)
    quarter = tiled[1].copy()
    quarter[:, :h, :w] = tiled[1][:, :h, 3:w + 3]  # the north-west quarter's content 3 px west
    uniform = tiled[1][:, :, np.clip(np.arange(2 * w) - 2, 0, 2 * w - 1)]  # 2 px east everywhere
    paths = [write_tif(tmp_path / f"d_{name}.tif", a)
             for name, a in (("2019-09-04", tiled[0]), ("2020-08-31", quarter), ("2021-08-31", uniform))]
    stack = Stack(paths)
    try:
        shifts = stack.coregister()
    finally:
        stack.close()
    assert [win[2] for _p, win, _s in shifts[1].windows] == [cr.CHECK_WINDOW] * 4
    assert cr.varies(shifts[1]) and not cr.offset_elsewhere(shifts[1]) and shifts[1].applied() == (0, 0)
    assert cr.windows_text(shifts[1]).startswith("centre: 0 px; north-west: 3 px west; north-east: 0 px")
    assert shifts[2].applied() == (2, 0) and not cr.varies(shifts[2])
    assert [sh.applied() for _p, _w, sh in shifts[2].windows] == [(2, 0)] * 4


@pytest.mark.shared
@needs_shared
def test_a_smooth_scene_moved_alike_everywhere_is_not_called_offset_differently(tmp_path):
    """NAIP 2014-07-20 and 2015-09-26 upsampled 3 times (bilinear, 2796 x 2166 px: a smooth scene), the later date
    moved 3 px east everywhere.  Its north-east quarter's window, a pothole whose shore moved between the years,
    matched best at 3 px east and 3 px south, about one standard error of its correlation better than at 3 px east
    (and clear by the central window's thresholds, a gain of 0.18 over no offset): the date was warned of as offset
    differently in different parts of the scene.  That window's match is not distinct enough to count
    (coregister.window_clear, MIN_DISTINCT); the date is moved 3 px east, as before, and not warned of.  (The sharp
    native scene moved 3 px in one quarter, test above, is still warned of.)"""
    import glob

    naip = sorted(glob.glob(os.path.join(SHARED_DATA, "naip-north-dakota", "*.tif")))
    stack = Stack([p for p in naip if os.path.basename(p)[:8] in ("20140720", "20150926")])
    try:
        values, _valid = stack.read(0, 0, stack.grid.width, stack.grid.height, per_date=True)
    finally:
        stack.close()
    # bilinear, as torch's interpolate(align_corners=False) and GDAL's warp to a 3 times finer grid do
    up = np.rint(ndimage.zoom(values.astype(np.float32), (1, 1, 3, 3), order=1, grid_mode=True, mode="nearest"))
    up = up.astype(np.uint8)
    w = up.shape[-1]
    moved = up[1][:, :, np.clip(np.arange(w) - 3, 0, w - 1)]  # 3 px east everywhere
    paths = [write_tif(tmp_path / "d_2014-07-20.tif", up[0]), write_tif(tmp_path / "d_2015-09-26.tif", moved)]
    del values, up, moved
    stack = Stack(paths)
    try:
        shifts = stack.coregister()
    finally:
        stack.close()
    sh = shifts[1]
    assert sh.applied() == (3, 0) and sh.clear()  # the central window's offset: applied, as before
    assert not cr.varies(sh)
    assert cr.windows_text(sh).startswith("centre: 3 px east (applied); north-west: 3 px east and 1 px south; "
                                          "north-east: no clear match; ")
    north_east = sh.windows[1][2]  # what it found, clear by the central window's thresholds but not distinct
    assert sh.windows[1][0] == "north-east" and north_east.applied() == (3, 3) and north_east.clear()
    assert north_east.margin < cr.MIN_DISTINCT * north_east.se and not cr.window_clear(north_east)
    assert sh.as_dict()["windows"][1]["clear"] is False and sh.as_dict()["varies"] is False


def _run(*args):
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)


@pytest.mark.shared
@needs_shared
def test_evaluate_coregister_says_what_it_moved():
    r = _run("-m", "model_core", "evaluate", "--dataset", "semisynthetic", "--samples", "4", "--model", "cva",
             "--no-baseline", "--coregister")
    assert r.returncode == 0, r.stderr
    assert "Co-registration: " in r.stderr and "dates moved onto their series' first date" in r.stderr
    r = _run("-m", "model_core", "evaluate", "--dataset", "semisynthetic", "--samples", "2", "--model", "cva",
             "--no-baseline", "--no-coregister")
    assert r.returncode == 0 and "Co-registration" not in r.stderr
    # co-registration is the default (rule CR), as in detect: evaluate without the option does it too
    r = _run("-m", "model_core", "evaluate", "--dataset", "semisynthetic", "--samples", "2", "--model", "cva",
             "--no-baseline")
    assert r.returncode == 0 and "Co-registration: " in r.stderr


@pytest.mark.shared
@needs_shared
def test_ablation_coregister_runs():
    r = _run("-m", "model_core.ablation", "--samples", "2", "--coregister")
    assert r.returncode == 0, r.stderr
    assert "co-registered" in r.stdout and "cva" in r.stdout


@pytest.mark.shared
@needs_shared
def test_generator_offsets_are_the_ones_the_estimator_finds():
    """sample["offsets"] uses the estimator's convention: a date's whole-pixel offset is found back."""
    from model_core.datasets.synthetic import SemiSyntheticGenerator

    gen = SemiSyntheticGenerator(SHARED_DATA, split="val", patch=96, no_change_prob=1.0, haze_prob=0.0,
                                 misreg_prob=1.0, cloud_prob=0.0)
    gen.record_history = True
    rng = np.random.default_rng(3)
    found = agree = 0
    for _k in range(6):
        s = gen.sample(rng, 3)
        for off, sh in zip(s["offsets"], cr.estimate_shifts(s["values"], s["valid"])):
            if sh.applied() != (0, 0) and float(off[0]).is_integer() and float(off[1]).is_integer():
                found += 1
                agree += sh.applied() == (int(off[0]), int(off[1]))
    assert found >= 3 and agree == found


@pytest.mark.shared
@needs_shared
def test_training_config_coregister_aligns_training_and_validation_series():
    """A config's "coregister": true gives the network series moved onto their first date, as the engine will
    (the strip a moved date no longer covers unlabelled); false (the default) leaves them as drawn, so that the
    earlier configs reproduce their runs."""
    from model_core import train
    from model_core.losses import IGNORE

    data = {"kind": "semisynthetic", "no_change_prob": 0.0, "haze_prob": 0.0, "cloud_prob": 0.0, "misreg_prob": 1.0}
    raw = train._Source(train.load_config({"data": data, "patch": 64}), "train")
    co = train._Source(train.load_config({"data": data, "patch": 64, "coregister": True}), "train")
    assert not raw.coregister and co.coregister
    moved = 0
    for seed in range(4):
        a = raw.batch(np.random.default_rng(seed), 2, 4)
        b = co.batch(np.random.default_rng(seed), 2, 4)  # the same series, drawn from the same generator state
        for i in range(2):
            before = cr.estimate_shifts(a["values"][i], a["valid"][i])
            after = cr.estimate_shifts(b["values"][i], b["valid"][i])
            moved += sum(sh.applied() != (0, 0) for sh in before)
            assert all(sh.applied() == (0, 0) for sh in after), [sh.as_dict() for sh in after]
            assert (b["moment"][i][~b["valid"][i]] == IGNORE).all()
            keep = b["valid"][i]
            assert (b["moment"][i][keep] == a["moment"][i][keep]).all()  # the labels stay on the first date's grid
            assert b["valid"][i].sum() < a["valid"][i].sum() or all(sh.applied() == (0, 0) for sh in before)
    assert moved >= 4
    val = train.validation_samples(train.load_config({"data": data, "patch": 64, "val_samples": 3, "coregister": True}))
    assert all(sh.applied() == (0, 0) for s in val for sh in cr.estimate_shifts(s["values"], s["valid"]))
    with pytest.raises(Exception, match="coregister must be true or false"):
        train.load_config({"coregister": "yes"})


# ------------------------------------------------------------------ run time and cancelling


def test_the_estimate_counts_co_registration(monkeypatch, tmp_path):
    """Co-registration reads a central window of every date and correlates each later date at 121 offsets: about
    0.5 s of a 4.7 s CVA run of NAIP's 10 dates on the reference machine (2 s before the FFT correlation); the
    estimate knew nothing of it."""
    from model_core import predict

    monkeypatch.setattr(predict, "memory_speed", lambda: 1.0)
    monkeypatch.setattr(predict, "machine_speed", lambda: 1.0)

    def est(w, h, t, **kw):
        return predict.estimate_run(w, h, t, "cva", {}, **kw)["seconds"]

    for w, h, t, further in ((932, 722, 10, 0), (2048, 2048, 6, 4), (1024, 1023, 6, 0), (300, 200, 3, 0)):
        # the central window's pixels, and on a grid of 2 x 2 windows the check's 4 windows of 256 px (it counted
        # them as 4 central windows, of 512 px, four times what they cost)
        window = min(w, cr.WINDOW) * min(h, cr.WINDOW) + further * 256 * 256
        added = est(w, h, t, coregister=True) - est(w, h, t)
        assert added == pytest.approx(predict.COREGISTER_S * window * 121 * (t - 1)), (w, h, t)
    assert est(932, 722, 10, coregister=True) > 1.08 * est(932, 722, 10)
    # detect tells the estimate that it co-registers
    told = []
    real = predict.estimate_run

    def estimate_run(*a, **k):
        told.append(k.get("coregister"))
        return real(*a, **k)

    monkeypatch.setattr(predict, "estimate_run", estimate_run)
    paths = _series(tmp_path, [(0, 0), (1, 0)])
    detect(paths, out_dir=str(tmp_path / "a"), model="cva", coregister=True)
    detect(paths, out_dir=str(tmp_path / "b"), model="cva", coregister=False)
    detect(paths, out_dir=str(tmp_path / "c"), model="cva")
    assert told == [True, False, cr.COREGISTER_DEFAULT]


def test_cancel_during_co_registration_stops_between_dates(tmp_path):
    from model_core.errors import Cancelled

    paths = _series(tmp_path, [(0, 0), (1, 0), (2, 0), (0, 1)])
    texts = []
    stop = {"now": False}

    def progress(fraction, text):
        texts.append((fraction, text))
        if text.startswith("Co-registering the dates: date 2 of 3"):
            stop["now"] = True

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        detect(paths, out_dir=str(out), model="cva", coregister=True, progress=progress, cancel=lambda: stop["now"])
    said = [t for _f, t in texts if t.startswith("Co-registering")]
    assert said == ["Co-registering the dates", "Co-registering the dates: date 1 of 3",
                    "Co-registering the dates: date 2 of 3"]  # stopped at the next date, before date 3
    assert not out.exists()
    fractions = [f for f, _t in texts]
    assert fractions == sorted(fractions)


@pytest.mark.shared
@pytest.mark.skipif(not os.path.isdir(os.path.join(SHARED_DATA, "landsat-pucallpa")),
                    reason="../shared/data is absent: real dates not tested")
def test_real_landsat_dates_with_moved_georeferencing_are_moved_back(tmp_path):
    """Two Landsat Pucallpa dates whose georeferencing is moved by whole pixels (VRTs in tmp_path) are found and
    moved back onto the first date; the dates left as they are stay (none moved on the real series)."""
    import glob

    paths = sorted(glob.glob(os.path.join(SHARED_DATA, "landsat-pucallpa", "*.tif")))[:4]
    moved = []
    for i, (dx, dy) in ((1, (2, -1)), (2, (-3, 2))):
        src = gdal.Open(paths[i])
        gt = list(src.GetGeoTransform())
        gt[0] -= dx * gt[1]  # its content of a place now dx px east / dy px south of it, read from the grid
        gt[3] -= dy * gt[5]
        vrt = gdal.Translate(str(tmp_path / f"moved{i}.vrt"), src, format="VRT")
        vrt.SetGeoTransform(gt)
        vrt = None
        moved.append(str(tmp_path / f"moved{i}.vrt"))
    stack = Stack([paths[0], *moved, paths[3]], bands=[3, 2, 1, 4])
    try:
        shifts = stack.coregister()
        values, valid = stack.read(0, 0, stack.grid.width, stack.grid.height, per_date=True)
        again = cr.estimate_shifts(values, valid)
    finally:
        stack.close()
    assert [s.applied() for s in shifts] == [(0, 0), (-2, 1), (3, -2), (0, 0)]
    assert [s.applied() for s in again] == [(0, 0)] * 4


def test_the_applied_offset_is_the_best_scoring_whole_pixel_one():
    """A parabola whose vertex lies half a pixel or more off the best offset (equal neighbours) is clipped short
    of it: the sub-pixel estimate rounds back to the best whole-pixel offset, for odd and even offsets alike
    (clipped at 0.5, Python's rounding to even applied 2 for a best offset of 1)."""
    for best in (-3, -2, -1, 1, 2, 3):
        for f in (cr._vertex(0.0, 1.0, 1.0), cr._vertex(1.0, 1.0, 0.0), cr._vertex(0.2, 1.0, 0.9)):
            assert abs(f) < 0.5
            assert cr.Shift(best + f, best - f, 0.9, 0.3).applied() == (best, best)


def _correlation(a, aok, b, bok, dx, dy):
    """The definition, one offset at a time (rule CR's figures were measured with it in the engine): NCC of a
    (reference) and b read at +(dx, dy), a[y, x] against b[y + dy, x + dx], over the pixels valid in both; ``a``,
    ``b`` are 0 where not valid, ``aok``, ``bok`` float32 0/1 masks.  None when fewer than MIN_PIXELS."""
    h, w = a.shape
    ys, ye = max(0, -dy), min(h, h - dy)
    xs, xe = max(0, -dx), min(w, w - dx)
    pa, ma = a[ys:ye, xs:xe], aok[ys:ye, xs:xe]
    pb, mb = b[ys + dy:ye + dy, xs + dx:xe + dx], bok[ys + dy:ye + dy, xs + dx:xe + dx]
    pa = pa * mb  # a where both are valid
    pb = pb * ma
    n = float(np.einsum("ij,ij->", ma, mb, dtype=np.float64))
    if n < cr.MIN_PIXELS:
        return None, int(n)
    sa, sb = float(pa.sum(dtype=np.float64)), float(pb.sum(dtype=np.float64))
    sab = float(np.einsum("ij,ij->", pa, pb, dtype=np.float64))
    saa = float(np.einsum("ij,ij->", pa, pa, dtype=np.float64))
    sbb = float(np.einsum("ij,ij->", pb, pb, dtype=np.float64))
    cov, va, vb = sab - sa * sb / n, saa - sa * sa / n, sbb - sb * sb / n
    den = np.sqrt(max(va, 0.0) * max(vb, 0.0))
    return (float(cov / den) if den > 0 else 0.0), int(n)


def test_the_fft_scores_are_the_correlation_at_every_offset():
    """_scores (six cross-correlations by FFT, all offsets at once) gives what the definition, _correlation, gives
    one offset at a time, NaN where too few pixels are valid in both: on a texture with nodata holes and a window
    so small that the outer offsets lack pixels."""
    rng = np.random.default_rng(5)
    for h, w in ((64, 48), (17, 23)):
        a, b = rng.normal(size=(h, w)).astype(np.float32), rng.normal(size=(h, w)).astype(np.float32)
        aok, bok = rng.random((h, w)) > 0.2, rng.random((h, w)) > 0.3
        a[~aok] = 0
        b[~bok] = 0
        got = cr._scores(a, aok, b, bok, 5)
        for dy in range(-5, 6):
            for dx in range(-5, 6):
                want, _n = _correlation(a, aok.astype(np.float32), b, bok.astype(np.float32), dx, dy)
                if want is None:
                    assert np.isnan(got[dy + 5, dx + 5]), (h, dx, dy)
                else:
                    assert abs(got[dy + 5, dx + 5] - want) < 1e-9, (h, dx, dy)
