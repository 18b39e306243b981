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


def test_kittler_threshold_finds_the_minimum_error_split():
    """A large narrow class and a small wide one (as unchanged and changed magnitudes): Kittler and
    Illingworth's threshold lies near the Bayes split of the two weighted densities, Otsu's leans into
    the wide class (candidate KT of the model card)."""
    rng = np.random.default_rng(1)
    v = np.concatenate([rng.normal(0.0, 1.0, 180000), rng.normal(8.0, 2.5, 20000)])
    x = np.linspace(0.5, 7.5, 70001)

    def density(m, s, w):
        return w * np.exp(-0.5 * ((x - m) / s) ** 2) / s

    bayes = x[np.argmin(np.abs(density(0.0, 1.0, 0.9) - density(8.0, 2.5, 0.1)))]
    ki, otsu = baseline.kittler_threshold(v), baseline.otsu_threshold(v)
    assert abs(ki - bayes) < 0.15, (ki, bayes)
    assert otsu - bayes > 0.5, (otsu, bayes)
    # degenerate samples fall back gracefully
    assert baseline.kittler_threshold(np.full(100, 3.0)) == 3.0
    assert baseline.kittler_threshold(np.array([np.nan])) == 0.0


def test_kittler_switch_leaves_the_fusions_on_otsu():
    from model_core.models import build_model
    from model_core.models.cva import CVA

    try:
        CVA.threshold_rule = "kittler"
        assert build_model("cva").threshold_rule == "kittler"
        assert build_model("caimnet_isfa").part.threshold_rule == "otsu"
        assert build_model("caimnet_cva").part.threshold_rule == "otsu"
    finally:
        CVA.threshold_rule = "otsu"
