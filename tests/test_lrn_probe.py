"""tools/lrn_probe.py (the model card's record, forty-sixth session): the local relative normalisation takes the
part of a haze veil that varies across the scene off a date and leaves a sharp change on it."""
import os
import sys

import numpy as np
from scipy import ndimage

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import lrn_probe  # noqa: E402


def _series(seed=5, t=5, size=128):
    rng = np.random.default_rng(seed)
    base = ndimage.gaussian_filter(rng.uniform(0.05, 0.5, (4, size, size)), 1.0).astype(np.float32)
    values = np.repeat(base[None], t, axis=0) * rng.uniform(0.9, 1.1, (t, 4, 1, 1)).astype(np.float32)
    values += rng.normal(0, 0.003, values.shape).astype(np.float32)
    return values


def _uneven(a, b):
    """Mean absolute residual of the best scene-wide affine map of ``b`` onto ``a``, per band: what a date's own
    scene statistics cannot take off."""
    out = []
    for k in range(a.shape[0]):
        design = np.c_[b[k].ravel(), np.ones(b[k].size)]
        coef, *_unused = np.linalg.lstsq(design, a[k].ravel(), rcond=None)
        out.append(np.abs(a[k].ravel() - design @ coef).mean())
    return float(np.mean(out))


def test_a_smooth_veil_is_taken_off_and_a_sharp_change_is_kept():
    clear = _series()
    hazy = clear.copy()
    yy, xx = np.mgrid[0:128, 0:128]
    veil = (0.3 * np.exp(-((yy - 40) ** 2 + (xx - 80) ** 2) / (2 * 25.0 ** 2))).astype(np.float32)
    colour = np.array([0.5, 0.55, 0.6, 0.45], np.float32)[:, None, None]
    hazy[2] = clear[2] * (1 - veil) + veil * colour
    # a sharp change from date 3 on: a brighter square
    for v in (hazy, clear):
        v[3:, :, 80:92, 16:28] += 0.3
    valid = np.ones((128, 128), bool)
    out = lrn_probe.lrn(hazy, valid, sigma=8.0)
    before, after = _uneven(hazy[2], clear[2]), _uneven(out[2], clear[2])
    assert after < 0.35 * before, (before, after)
    # the change keeps most of its contrast on both dates after it, and the dates without haze barely move
    for t in (3, 4):
        kept = float((out[t, :, 80:92, 16:28] - out[1, :, 80:92, 16:28]).mean())
        assert kept > 0.25, (t, kept)
    assert np.abs(out[[0, 1]] - hazy[[0, 1]]).mean() < 0.005
    # only the dates asked for are corrected
    assert np.array_equal(lrn_probe.lrn(hazy, valid, sigma=8.0, dates={0})[2], hazy[2])
