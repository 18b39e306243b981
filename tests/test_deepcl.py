"""DeepCL contrastive loss: labels from last-change moments, masking, hard weighting, balance."""

import pytest
import torch

from model_core.losses import (IGNORE, change_deepcl_loss, change_loss, deepcl_loss, pair_distances,
                               pair_labels)


def test_pair_labels_from_last_change():
    m = torch.tensor([[[0, 1, 2, 3, IGNORE]]])           # (1, 1, 5), T = 4 -> 3 pairs
    lab = pair_labels(m, 4)[0, :, 0].T.tolist()          # rows: pixels, columns: pairs 0..2
    U, C, X = 0, 1, IGNORE
    assert lab == [[U, U, U],      # moment 0: nothing changed
                   [C, U, U],      # moment 1: pair 0 changed, later pairs unchanged
                   [X, C, U],      # moment 2: pair 0 unknown
                   [X, X, C],      # moment 3: pairs 0, 1 unknown
                   [X, X, X]]      # ignore


def test_two_dates():
    m = torch.tensor([[[0, 1, IGNORE]]])
    assert pair_labels(m, 2)[0, :, 0].T.tolist() == [[0], [1], [IGNORE]]
    e = torch.randn(2, 2, 8, 4, 4, requires_grad=True)
    loss = deepcl_loss(e, torch.randint(0, 2, (2, 4, 4)))
    loss.backward()
    assert loss.ndim == 0 and torch.isfinite(loss) and e.grad.abs().sum() > 0


def _grad(e, m, **kw):
    e = e.clone().requires_grad_(True)
    deepcl_loss(e, m, **kw).backward()
    return e.grad


def test_masking_via_gradients():
    torch.manual_seed(0)
    t = 4
    e = torch.randn(1, t, 8, 1, 5)
    m = torch.tensor([[[0, 1, 2, 3, IGNORE]]])
    g = _grad(e, m, margin=2.0).abs().sum(dim=2)[0, :, 0]   # (T, pixels); margin 2: no changed pair is easy
    nz = (g > 0).T.tolist()
    assert nz[0] == [True, True, True, True]         # moment 0: every date supervised
    assert nz[1] == [True, True, True, True]         # moment 1: every pair labelled
    assert nz[2] == [False, True, True, True]        # moment 2: pair 0 unknown -> image 0 untouched
    assert nz[3] == [False, False, True, True]       # moment 3: images 0, 1 untouched
    assert nz[4] == [False, False, False, False]     # ignored pixel


def test_nothing_labelled_gives_connected_zero():
    e = torch.randn(1, 3, 4, 2, 2, requires_grad=True)
    loss = deepcl_loss(e, torch.full((1, 2, 2), IGNORE))
    assert float(loss.detach()) == 0.0
    loss.backward()
    assert e.grad is not None and float(e.grad.abs().sum()) == 0.0


def _pair(dists, dim=2):
    """Embeddings (1, 2, dim, 1, N) of unit vectors at the given distances (angle from the pair)."""
    d = torch.tensor(dists, dtype=torch.float64)
    theta = 2 * torch.asin(d / 2)
    z0 = torch.zeros(dim, len(dists), dtype=torch.float64)
    z0[0] = 1
    z1 = torch.zeros(dim, len(dists), dtype=torch.float64)
    z1[0], z1[1] = torch.cos(theta), torch.sin(theta)
    return torch.stack([z0, z1])[None, :, :, None, :]


def test_distances_and_scale_invariance():
    e = _pair([0.2, 1.0, 1.5])
    assert torch.allclose(pair_distances(e)[0, 0, 0].double(), torch.tensor([0.2, 1.0, 1.5], dtype=torch.float64),
                          atol=1e-4)
    m = torch.tensor([[[0, 1, 0]]])
    scaled = e.clone()
    scaled[:, 1] *= 7.0
    assert torch.allclose(deepcl_loss(e, m), deepcl_loss(scaled, m), atol=1e-6)


def test_documented_formula_with_class_balance():
    e = _pair([0.2, 0.8, 0.3, 1.2])
    m = torch.tensor([[[0, 0, 1, 1]]])                  # two unchanged, two changed pairs
    margin, gamma = 1.0, 1.0
    lu = torch.tensor([0.2, 0.8]) ** 2
    hu = lu / 4.0
    lc = (margin - torch.tensor([0.3, 1.2])).clamp(min=0) ** 2
    hc = lc / margin ** 2
    expected = 0.5 * ((hu ** gamma * lu).mean() + (hc ** gamma * lc).mean())
    got = deepcl_loss(e, m, margin=margin, gamma=gamma)
    assert abs(float(got) - float(expected)) < 1e-4
    # gamma 0 is the plain (class-balanced) contrastive loss
    plain = 0.5 * (lu.mean() + lc.mean())
    assert abs(float(deepcl_loss(e, m, margin=margin, gamma=0.0)) - float(plain)) < 1e-4


@pytest.mark.parametrize("label,easy,hard", [(0, 0.3, 1.2), (1, 0.8, 0.2)])
def test_hard_samples_weigh_more(label, easy, hard):
    """Relative gradient on the hard pair vs the easy pair grows with gamma (focal-style weighting)."""
    e = _pair([easy, hard])
    m = torch.full((1, 1, 2), label)

    def ratio(gamma):
        g = _grad(e, m, gamma=gamma).norm(dim=2)[0, 1, 0]      # per-pixel gradient on the 2nd date
        return float(g[1] / g[0])

    r0, r1, r2 = ratio(0.0), ratio(1.0), ratio(2.0)
    assert 1.0 < r0 < r1 < r2


def test_changed_pairs_beyond_margin_are_free():
    e = _pair([1.5, 1.9])
    g = _grad(e, torch.ones(1, 1, 2, dtype=torch.long), margin=1.0)
    assert float(g.abs().sum()) == 0.0


def test_top_k_mining_keeps_hardest():
    e = _pair([0.1, 0.2, 1.0, 1.4])
    m = torch.zeros(1, 1, 4, dtype=torch.long)
    g = _grad(e, m, gamma=0.0, hard_fraction=0.5).norm(dim=2)[0, 1, 0]
    assert g[0] == 0 and g[1] == 0 and g[2] > 0 and g[3] > 0


def test_combined_loss_equals_change_loss_without_weight():
    torch.manual_seed(0)
    lp = torch.log_softmax(torch.randn(2, 3, 4, 4), dim=1)
    out = {"moment": lp, "aux": [], "embeddings": torch.randn(2, 3, 5, 4, 4)}
    t = torch.randint(0, 3, (2, 4, 4))
    assert torch.equal(change_deepcl_loss(out, t, 0.0), change_loss(out, t))
    assert float(change_deepcl_loss(out, t, 1.0)) > float(change_loss(out, t))
