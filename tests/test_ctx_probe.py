"""The generator's cloud record (``record_clouds``) and tools/ctx_probe.py's CTX input (a probe, not the engine)."""
import os
import sys

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import ctx_probe as cp  # noqa: E402


@pytest.mark.shared
def test_cloud_record_keeps_the_series_and_gives_the_merged_mask_per_date(shared_data):
    from model_core.datasets.synthetic import IGNORE, SemiSyntheticGenerator

    # no misregistration: the merged mask (first date's grid) and the per-date records are on one grid
    kw = dict(split="val", scene_stats=True, record_history=True, cloud_prob=0.5, misreg_prob=0.0)
    plain, rec = SemiSyntheticGenerator(shared_data, **kw), SemiSyntheticGenerator(shared_data, record_clouds=True, **kw)
    cloudy = 0
    for i in range(6):
        a = plain.sample(np.random.default_rng([7, i]), 4 + i)
        b = rec.sample(np.random.default_rng([7, i]), 4 + i)
        assert set(b) == set(a) | {"clouds", "valid_clear", "moment_clear"}
        for key in a:  # the same random stream: every array byte-identical
            assert np.asarray(a[key]).tobytes() == np.asarray(b[key]).tobytes(), key
        per_date = b["clouds"] > cp.CLOUD_LEVEL
        assert per_date.shape == (4 + i,) + a["valid"].shape
        np.testing.assert_array_equal(a["valid"], b["valid_clear"] & ~per_date.any(axis=0))
        np.testing.assert_array_equal(a["moment"][a["valid"]], b["moment_clear"][a["valid"]])
        assert (b["moment_clear"][~b["valid_clear"]] == IGNORE).all()
        cloudy += int((per_date.any(axis=0) & b["valid_clear"]).sum())
    assert cloudy > 0


def test_ctx_input_fills_masked_dates_from_the_previous_clear_one_and_hides_pixels_without_any():
    t, h, w = 4, 3, 3
    values = np.arange(t, dtype=np.float32)[:, None, None, None] * np.ones((t, 2, h, w), np.float32)
    valid = np.ones((h, w), bool)
    valid[2, 2] = False
    mask = np.zeros((t, h, w), bool)
    mask[2, 0, 0] = True          # date 3 masked: takes date 2
    mask[0, 0, 1] = True          # date 1 masked, none before: takes date 2 (the next clear one)
    mask[:, 1, 1] = True          # never clear
    center, scale = np.zeros((t, 2), np.float32), np.ones((t, 2), np.float32)
    filled, seen = cp.ctx_input(values, valid, mask, center, scale)
    assert filled[:, 0, 0, 0].tolist() == [0, 1, 1, 3]
    assert filled[:, 0, 0, 1].tolist() == [1, 1, 2, 3]
    expect = valid.copy()
    expect[1, 1] = False
    np.testing.assert_array_equal(seen, expect)
