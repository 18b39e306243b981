"""The generator's haze record (``record_haze``) and tools/haze_probe.py's HOT mask (a probe, not the engine)."""
import os
import sys

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import haze_probe as hp  # noqa: E402


@pytest.mark.shared
def test_haze_record_keeps_the_series_and_says_which_dates_got_haze(shared_data):
    from model_core.datasets.synthetic import SemiSyntheticGenerator

    kw = dict(split="val", scene_stats=True, record_history=True)
    plain, rec = SemiSyntheticGenerator(shared_data, **kw), SemiSyntheticGenerator(shared_data, record_haze=True, **kw)
    hazy = clear = 0
    for i in range(6):
        a = plain.sample(np.random.default_rng([7, i]), 4 + i)
        b = rec.sample(np.random.default_rng([7, i]), 4 + i)
        assert "haze" not in a and set(b) == set(a) | {"haze"}
        for key in a:  # the same random stream: every array byte-identical
            assert np.asarray(a[key]).tobytes() == np.asarray(b[key]).tobytes(), key
        veil = b["haze"]
        assert veil.shape == (4 + i,) + a["valid"].shape
        for v in veil:
            top = float(v.max())
            if top > 0:
                hazy += 1
                assert top <= 0.35 + 1e-6 and float(v.min()) >= 0.0
            else:
                clear += 1
    assert hazy > 0 and clear > 0


@pytest.mark.shared
def test_haze_depth_evens_the_veils_with_the_same_draws(shared_data):
    """``haze_depth`` d < 1 keeps each veil between (1 - d) and 1 of its opacity (it went from clear to it within
    every sample); 1 is the veil as before to the bit; the scenes, changes and labels are the same draws."""
    from model_core.datasets.synthetic import SemiSyntheticGenerator

    kw = dict(split="val", scene_stats=True, record_history=True, record_haze=True)
    plain = SemiSyntheticGenerator(shared_data, **kw)
    same = SemiSyntheticGenerator(shared_data, haze_depth=1.0, **kw)
    even = SemiSyntheticGenerator(shared_data, haze_depth=0.2, **kw)
    hazy = 0
    for i in range(6):
        a, b, c = (g.sample(np.random.default_rng([7, i]), 4 + i) for g in (plain, same, even))
        for key in a:
            assert np.asarray(a[key]).tobytes() == np.asarray(b[key]).tobytes(), key
        for key in ("moment", "valid", "n_changes", "returned"):
            assert np.array_equal(a[key], c[key]), key
        for va, vc in zip(a["haze"], c["haze"]):
            top = float(va.max())
            if top <= 0:
                assert float(vc.max()) == 0.0
                continue
            hazy += 1
            assert float(va.min()) < 0.5 * top  # patchy: nearly clear somewhere (clear in the frame it is cut from)
            inside = (vc > 0) & (va > 0)  # (a shifted date's veil is 0 where its grid left the sample)
            full = (vc[inside] - 0.2 * va[inside]) / 0.8  # the veil's largest opacity in the frame it is cut from
            assert float(np.ptp(full)) < 1e-5 and float(full.min()) >= top - 1e-6
            assert float(vc[inside].min()) >= 0.8 * float(full.min()) - 1e-6
        assert not np.array_equal(a["values"], c["values"]) or not any(float(v.max()) > 0 for v in a["haze"])
    assert hazy > 0
    for bad in (1.5, -0.1, True, "0.2"):
        with pytest.raises(ValueError, match="haze_depth"):
            SemiSyntheticGenerator(shared_data, haze_depth=bad)
        with pytest.raises(ValueError, match="haze_depth_prob"):
            SemiSyntheticGenerator(shared_data, haze_depth_prob=bad)
    # haze_depth_prob: that share of the veils even, the others patchy
    mixed = SemiSyntheticGenerator(shared_data, haze_prob=1.0, haze_depth=0.2, haze_depth_prob=0.5, misreg_prob=0.0,
                                   **kw)
    kinds = []
    for i in range(4):
        for v in mixed.sample(np.random.default_rng([7, i]), 6)["haze"]:
            kinds.append("even" if float(v.min()) >= 0.79 * float(v.max()) else
                         "patchy" if float(v.min()) < 0.5 * float(v.max()) else "between")
    assert kinds.count("even") >= 4 and kinds.count("patchy") >= 4 and "between" not in kinds, kinds


def test_hot_mask_flags_a_bluish_veil_on_its_date_only():
    rng = np.random.default_rng(0)
    t, h, w = 6, 48, 48
    red = rng.uniform(0.05, 0.3, (h, w))
    blue = 0.6 * red + rng.uniform(0.0, 0.05, (h, w))
    reds = np.stack([red * g for g in (1.0, 1.05, 0.95, 1.02, 0.98, 1.0)]) + rng.normal(0, 0.003, (t, h, w))
    blues = np.stack([blue * g for g in (1.0, 1.05, 0.95, 1.02, 0.98, 1.0)]) + rng.normal(0, 0.003, (t, h, w))
    veil = np.zeros((h, w))
    veil[8:28, 8:28] = 0.3  # haze on date 3, upper left: blue raised more than red
    blues[3] = blues[3] * (1 - veil) + veil * 0.6
    reds[3] = reds[3] * (1 - veil) + veil * 0.45
    mask = hp.hot_mask(hp.hot_index(blues, reds))
    assert mask[3, 12:24, 12:24].mean() > 0.9
    assert mask[3, 34:, 34:].mean() < 0.05
    assert mask[[0, 1, 2, 4, 5]].mean() < 0.05


def test_intervals_with_a_hazy_end():
    hazy = np.array([False, True, False, False])
    cls = np.array([[0, 1, 2], [3, 255, 1]], np.uint8)
    # class 1: dates 1-2 (date 2 hazy), class 2: dates 2-3 (date 2 hazy), class 3: dates 3-4 (clear)
    assert hp.touches(cls, hazy).tolist() == [[False, True, True], [False, False, True]]


def test_paired_table_counts_each_run_on_the_pixels_valid_in_both():
    def run(pred, valid):
        c = {"moment": np.empty(1, object), "valid": np.empty(1, object), "haze": np.empty(1, object),
             "pred": np.empty(1, object)}
        c["moment"][0] = np.array([[0, 0, 2, 1]], np.uint8)
        c["valid"][0] = np.array([valid])
        haze = np.zeros((3, 1, 4), np.float32)
        haze[1, 0, 0] = 0.2  # date 2 hazy, its veil on the first pixel only
        c["haze"][0] = haze
        c["pred"][0] = np.array([pred], np.uint8)
        return c

    on = run([1, 2, 1, 1], [True, True, True, False])
    off = run([0, 0, 2, 1], [True, True, True, True])
    cnt, base = hp.paired_table(on, off)
    # pixel 1: stable under a veil; pixel 2: stable, no veil; pixel 3: change at interval 2 (dates 2-3, date 2 hazy);
    # pixel 4 is invalid in the run with haze: not counted in either
    assert base == {("stable", "hazy"): 1, ("stable", "clear"): 1, ("changed", "hazy"): 1, ("changed", "clear"): 0}
    assert cnt[("false change", "hazy", "on")] == 1 and cnt[("false change", "hazy", "off")] == 0
    assert cnt[("false change", "clear", "on")] == 1 and cnt[("correct stable", "clear", "off")] == 1
    assert cnt[("wrong interval", "hazy", "on")] == 1 and cnt[("exact change", "hazy", "off")] == 1
