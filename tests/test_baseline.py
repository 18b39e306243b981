"""Change vector analysis + Otsu baseline."""

import numpy as np

from model_core import baseline


def _stack(t=5, seed=0):
    rng = np.random.default_rng(seed)
    base = rng.normal(0.3, 0.05, size=(4, 48, 48)).astype(np.float32)
    frames = []
    for k in range(t):
        # per-date gain/offset nuisance + noise
        f = base * (1 + 0.05 * k) + 0.02 * k + rng.normal(0, 0.01, base.shape)
        frames.append(f.astype(np.float32))
    v = np.stack(frames)
    truth = np.zeros((48, 48), np.uint8)
    v[2:, :, 5:15, 5:15] += 0.4          # change between image 1 and 2 -> moment 2
    truth[5:15, 5:15] = 2
    v[4:, :, 30:40, 20:44] -= 0.3        # change between image 3 and 4 -> moment 4
    truth[30:40, 20:44] = 4
    return v, truth


def test_otsu_separates_two_modes():
    v = np.concatenate([np.random.default_rng(1).normal(0, 1, 1000),
                        np.random.default_rng(2).normal(10, 1, 300)])
    th = baseline.otsu_threshold(v)
    assert 3 < th < 7


def test_cva_area_and_moment():
    v, truth = _stack()
    out = baseline.cva(v)
    assert out["area"].dtype == np.uint8 and out["area"].shape == (48, 48)
    assert ((out["area"] == 1) == (truth > 0)).mean() > 0.99
    assert (out["moment"] == truth).mean() > 0.99
    # area and moment agree by construction
    assert ((out["area"] == 1) == (out["moment"] > 0)).all()


def test_cva_invalid_pixels_and_rules():
    v, truth = _stack()
    valid = np.ones((48, 48), bool)
    valid[:3] = False
    v[1, :, 40, 40] = np.nan
    out = baseline.cva(v, valid, moment_rule="last")
    assert (out["area"][:3] == 255).all() and out["moment"][40, 40] == 255
    assert (out["moment"][5:15, 5:15] == 2).all()


def test_cva_two_dates():
    v, truth = _stack(t=2)
    out = baseline.cva(v)
    assert out["moment"].max() <= 1
