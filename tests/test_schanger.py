"""SChanger-style bi-temporal model: contract, independence properties, training."""

import pytest
import torch

from model_core import weights
from model_core.losses import change_deepcl_loss, change_loss
from model_core.models import available, build_model
from model_core.models.schanger import SChanger

torch.set_num_threads(1)


def _model(seed=0, **cfg):
    torch.manual_seed(seed)
    m = build_model("schanger", **cfg)
    # Non-trivial BatchNorm statistics so that eval mode is not an identity map.
    with torch.no_grad():
        for mod in m.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.running_mean.uniform_(-0.3, 0.3)
                mod.running_var.uniform_(0.5, 2.0)
                mod.bias.uniform_(-0.2, 0.4)
    return m


def test_registry_and_contract():
    assert "schanger" in available()
    m = build_model("schanger")
    assert isinstance(m, SChanger)
    assert m.arch == "schanger" and m.in_channels == 4
    assert m.min_dates == m.max_dates == 2
    assert "default" in SChanger.PRESETS
    assert m.halo >= 1 and m.multiple == 4
    large = build_model("schanger", preset="large", in_channels=3)
    assert large.in_channels == 3 and large.config["widths"] == [32, 64, 128]


@pytest.mark.parametrize("b,h,w", [(1, 32, 32), (3, 48, 64)])
def test_shapes_and_log_probs(b, h, w):
    m = _model().eval()
    with torch.no_grad():
        out = m(torch.randn(b, 2, 4, h, w))
    assert out["moment"].shape == (b, 2, h, w)
    assert out["moment"].dtype == torch.float32
    assert torch.allclose(out["moment"].exp().sum(1), torch.ones(b, h, w), atol=1e-5)
    assert len(out["aux"]) == 1 and out["aux"][0].shape == (b, 2, h, w)
    assert out["embeddings"].shape == (b, 2, m.config["embed_dim"], h, w)


def test_rejects_bad_input():
    m = _model().eval()
    with pytest.raises(ValueError):
        m(torch.randn(1, 3, 4, 32, 32))
    with pytest.raises(ValueError):
        m(torch.randn(1, 2, 4, 30, 32))


def test_gradients_reach_every_parameter():
    m = _model().train()
    x = torch.randn(2, 2, 4, 32, 32)
    target = torch.randint(0, 2, (2, 32, 32))
    target[:, :4] = 255
    loss = change_deepcl_loss(m(x), target, deepcl_weight=0.5)
    loss.backward()
    for name, p in m.named_parameters():
        assert p.grad is not None, name
        assert torch.isfinite(p.grad).all(), name
        assert p.grad.abs().sum() > 0, name


def test_batch_independence():
    m = _model().eval()
    x = torch.randn(3, 2, 4, 32, 32)
    with torch.no_grad():
        ref = m(x[1:2])
        y = x.clone()
        y[0] = torch.randn_like(y[0]) * 3
        y[2] = 0
        out = m(y)
    for key in ("moment", "embeddings"):
        assert torch.allclose(out[key][1:2], ref[key], atol=1e-5), key


def test_date_order_symmetry():
    m = _model().eval()
    x = torch.randn(2, 2, 4, 32, 32)
    with torch.no_grad():
        a = m(x)["moment"]
        b = m(x.flip(1))["moment"]
    assert torch.allclose(a, b, atol=1e-5)


def test_halo_bounds_receptive_field():
    m = _model().eval()
    n = 160
    x = torch.randn(1, 2, 4, n, n, requires_grad=True)
    out = m(x)
    seen = 0
    for c in (n // 2, n // 2 + 1, n // 2 + 2, n // 2 + 3):     # every phase of the stride-4 grid
        gx, = torch.autograd.grad(out["moment"][0, 1, c, c] + out["embeddings"][0, :, :, c, c].sum()
                                  + out["aux"][0][0, 1, c, c], x, retain_graph=True)
        nz = torch.nonzero(gx.abs().sum(dim=(0, 1, 2)))
        seen = max(seen, int((nz - c).abs().max()))
    assert seen <= m.halo
    assert seen >= m.halo - 8      # the declared halo is not wildly pessimistic


def test_tile_independence():
    m = _model().eval()
    x = torch.randn(1, 2, 4, 256, 256)
    top, left, size = 36, 64, 176            # tile origin on the model's 4-pixel grid
    assert top % m.multiple == 0 and left % m.multiple == 0
    with torch.no_grad():
        full = m(x)["moment"]
        tile = m(x[..., top:top + size, left:left + size])["moment"]
    h = m.halo
    a = full[..., top + h:top + size - h, left + h:left + size - h]
    b = tile[..., h:size - h, h:size - h]
    assert a.numel() > 0
    assert torch.allclose(a, b, atol=1e-5)


def _toy_batch(gen, n=6, size=32):
    """Pairs with correlated noise and a radiometric nuisance; squares replaced in some samples."""
    x1 = torch.randn(n, 4, size, size, generator=gen)
    x2 = 0.8 * x1 + 0.2 + 0.1 * torch.randn(n, 4, size, size, generator=gen)
    target = torch.zeros(n, size, size, dtype=torch.long)
    for i in range(n):
        r, c = torch.randint(0, size - 12, (2,), generator=gen).tolist()
        x2[i, :, r:r + 12, c:c + 12] = torch.randn(4, 12, 12, generator=gen) + 1.5
        target[i, r:r + 12, c:c + 12] = 1
    return torch.stack([x1, x2], dim=1), target


@pytest.mark.parametrize("deepcl_weight", [0.0, 0.5])
def test_training_lowers_loss(deepcl_weight):
    m = _model(seed=1).train()
    gen = torch.Generator().manual_seed(0)
    x, target = _toy_batch(gen)
    opt = torch.optim.Adam(m.parameters(), lr=5e-3)
    losses = []
    for _ in range(25):
        opt.zero_grad()
        loss = change_deepcl_loss(m(x), target, deepcl_weight=deepcl_weight)
        loss.backward()
        opt.step()
        losses.append(float(loss.detach()))
    assert losses[-1] < 0.5 * losses[0], losses
    if deepcl_weight == 0:
        m.eval()
        with torch.no_grad():
            assert float(change_loss(m(x), target)) < losses[0]


def test_weights_round_trip(tmp_path):
    m = _model(seed=2).eval()
    path = str(tmp_path / "schanger.pt")
    weights.save(path, m, meta={"note": "test"})
    loaded = weights.load_model(path, arch="schanger")
    x = torch.randn(1, 2, 4, 32, 32)
    with torch.no_grad():
        assert torch.equal(m(x)["moment"], loaded(x)["moment"])
    assert loaded.config == m.config


def test_pretrain_step_lowers_semantic_loss():
    from model_core.pretrain import SemanticHead, pretrain_step

    torch.manual_seed(0)
    m = build_model("schanger").train()
    head = SemanticHead(m.config["embed_dim"], 2)
    opt = torch.optim.Adam(list(m.parameters()) + list(head.parameters()), lr=5e-3)
    gen = torch.Generator().manual_seed(1)
    images = torch.randn(4, 4, 32, 32, generator=gen)
    masks = (images[:, 0] > 0.3).long()
    masks[:, :2] = 255
    first = pretrain_step(m, head, images, masks, opt, generator=gen)
    for _ in range(20):
        last = pretrain_step(m, head, images, masks, opt, generator=gen)
    assert last["semantic"] < 0.7 * first["semantic"]


def test_load_pretrained_copies_matching_tensors(tmp_path):
    from model_core.pretrain import load_pretrained

    src = _model(seed=3).eval()
    path = str(tmp_path / "pre.pt")
    weights.save(path, src)
    dst = _model(seed=4)
    names = load_pretrained(dst, path)
    assert len(names) == len(dst.state_dict())
    x = torch.randn(1, 2, 4, 32, 32)
    with torch.no_grad():
        assert torch.equal(src(x)["moment"], dst.eval()(x)["moment"])
