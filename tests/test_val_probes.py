"""tools/val_probes.py (inference-time probes on validation series, forty-fifth session): its smoothing is a
normalised Gaussian that keeps a flat field, spreads a spike as the kernel, and the ensemble is a weighted sum."""
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import val_probes as vp  # noqa: E402


def test_the_smoothing_is_a_normalised_gaussian():
    flat = np.full((9, 11), 0.3, np.float32)
    assert np.allclose(vp.gaussian(flat, 1.0), 0.3)
    spike = np.zeros((15, 15), np.float32)
    spike[7, 7] = 1.0
    out = vp.gaussian(spike, 1.0)
    assert abs(out.sum() - 1.0) < 1e-5 and out[7, 7] == out.max()
    assert abs(out[7, 8] / out[7, 7] - np.exp(-0.5)) < 1e-4 and np.allclose(out, out.T)
    assert vp.gaussian(spike, 0) is spike


def test_smoothed_probabilities_stay_probabilities_and_the_ensemble_weighs():
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(3, 12, 12)).astype(np.float32)
    logp = logits - np.log(np.exp(logits).sum(0, keepdims=True))
    out = vp.smoothed(logp, 0.75)
    assert np.allclose(np.exp(out).sum(0), 1.0, atol=1e-5)
    a, b = [logp], [np.zeros_like(logp)]
    assert np.allclose(vp.ensembled(a, b, 1.0)[0], logp) and np.allclose(vp.ensembled(a, b, 0.5)[0], 0.5 * logp)
