"""tools/fusion_weight.py (rule SWAP of the model card's record): the network's and the classical part's
log-probabilities kept apart reproduce a fusion's own decision at any weight, and the sweep scores them."""
import os
import sys

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import fusion_weight as fw  # noqa: E402


def _samples(n=3, t=4, size=48, seed=3):
    """Small raw-value series with a changed square at a known interval (the sweep's sample layout)."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        base = rng.uniform(200, 1200, size=(1, 4, size, size)).astype(np.float32)
        values = np.repeat(base, t, axis=0) * rng.uniform(0.97, 1.03, size=(t, 4, 1, 1)).astype(np.float32)
        values += rng.normal(0, 15, size=values.shape).astype(np.float32)
        k = 1 + i % (t - 1)
        values[k:, :, 10:30, 12:32] = rng.uniform(1500, 2500, size=(4, 1, 1)).astype(np.float32)
        moment = np.zeros((size, size), np.uint8)
        moment[10:30, 12:32] = k
        out.append({"values": values, "valid": np.ones((size, size), bool), "moment": moment})
    return out


@pytest.mark.parametrize("arch", ["caimnet_cva", "caimnet_isfa"])
def test_the_parts_reproduce_the_fusion_at_every_weight(arch):
    from model_core import weights
    from model_core.calibrate import collect

    model = weights.load_model(weights.default_weights("caimnet"), arch=arch)
    samples = _samples()
    net, classical = fw.parts(model, samples)
    assert model.net_weight == type(model).net_weight  # restored
    for w in (0.3, 0.7):
        model.net_weight = w
        try:
            own = collect(model, samples)
        finally:
            model.net_weight = type(model).net_weight
        for o, a, b in zip(own, net, classical):
            assert (np.argmax(o, 0) == np.argmax(w * a + (1 - w) * b, 0)).all()
    rows = fw.sweep_rows(samples, net, classical, grid=(0.3, 0.7))
    assert [r[0] for r in rows] == [0.3, 0.7] and all(-1 <= r[3] <= 1 for r in rows)
    assert all(abs(r[3] - 0.5 * (r[1] + r[2])) < 1e-12 for r in rows)


def test_a_tie_keeps_the_current_weight():
    rows = [(0.5, 0.8, 0.8, 0.8), (0.7, 0.8, 0.8, 0.8), (0.9, 0.7, 0.7, 0.7)]
    assert fw.choose(rows, 0.7) == 0.7
    assert fw.choose(rows, 0.9) == 0.5
    assert fw.choose([(0.5, 0.8, 0.8, 0.8), (0.9, 0.9, 0.9, 0.9)], 0.5) == 0.9
