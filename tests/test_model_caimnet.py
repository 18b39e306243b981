"""CAIM-Net model: shapes for any T and batch size, batch and tile independence, constraints."""

import pytest
import torch

from model_core.models import area_from_moment, available, build_model
from model_core.models.caimnet import BoundaryEnhancement

# The build the project pins (Makefile): the inference shortcuts were measured bit for bit on it. Another
# build (Debian's torch 2.14.1, other kernels) may add in another order: there they agree to rounding
# (1.4e-06 at most, the same classes everywhere, on QGIS 3.44's Debian unstable).
PINNED_TORCH = torch.__version__ == "2.13.0+cpu"


def assert_same_answer(a, b):
    if PINNED_TORCH:
        assert torch.equal(a, b)
    else:
        torch.testing.assert_close(a, b, rtol=0, atol=1e-5)
        assert torch.equal(a.argmax(1), b.argmax(1))


@pytest.fixture(scope="module")
def net():
    torch.manual_seed(0)
    m = build_model("caimnet")
    # non-trivial BatchNorm statistics, as after training
    with torch.no_grad():
        for mod in m.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.running_mean.uniform_(-0.2, 0.2)
                mod.running_var.uniform_(0.5, 2.0)
    return m.eval()


def test_registry_lists_caimnet():
    assert "caimnet" in available()


@pytest.mark.parametrize("t,b", [(2, 1), (3, 2), (9, 3)])
def test_any_number_of_dates_and_batch_size(net, t, b):
    x = torch.randn(b, t, 4, 32, 48)
    with torch.inference_mode():
        out = net(x)
    m = out["moment"]
    assert m.shape == (b, t, 32, 48)
    assert torch.allclose(m.exp().sum(1), torch.ones(b, 32, 48), atol=1e-4)
    # training mode adds the auxiliary maps and per-date embeddings used by the losses
    net.train()
    try:
        tr = net(x)
    finally:
        net.eval()
    assert len(tr["aux"]) == 6 and all(a.shape == m.shape for a in tr["aux"])
    assert tr["embeddings"].shape[:2] == (b, t)
    # area inferred from the moment agrees with it: changed exactly where the moment is not 0
    area = area_from_moment(m).argmax(1)
    assert torch.equal(area == 1, m.argmax(1) != 0)


def test_batch_independence(net):
    """A sample's prediction does not change when the other samples of the batch change."""
    torch.manual_seed(1)
    x = torch.randn(4, 5, 4, 32, 32)
    y = x.clone()
    y[1:] = torch.randn(3, 5, 4, 32, 32) * 3 + 1
    with torch.inference_mode():
        a = net(x)["moment"][0]
        b = net(y)["moment"][0]
        alone = net(x[:1])["moment"][0]
    assert torch.allclose(a, b, atol=1e-5)
    # a batch of one takes other CPU kernels: rounding differs by up to 4e-5 in torch 2.0 (logits up to 2.6);
    # a batch-dependent layer (BatchNorm in training mode) moves them by whole units
    torch.testing.assert_close(a, alone, rtol=0, atol=1e-4)
    assert torch.equal(a.argmax(0), alone.argmax(0))


def test_prediction_depends_only_on_a_bounded_neighbourhood(net):
    """The centre of a crop equals the same pixels of the full image (tiling is safe)."""
    torch.manual_seed(2)
    x = torch.randn(1, 4, 4, 160, 160)
    h = net.halo
    o, size = 32, 112  # crop origin and size: multiples of net.multiple, as the engine's tiles
    with torch.inference_mode():
        full = net(x)["moment"][0]
        crop = net(x[..., o:o + size, o:o + size])["moment"][0]
    a = full[:, o + h:o + size - h, o + h:o + size - h]
    b = crop[:, h:size - h, h:size - h]
    assert a.numel() > 0 and (a - b).abs().max() < 1e-4
    # ... and the halo is not grossly generous: right at the crop edge the results do differ
    assert (full[:, o:o + 2, o:o + size] - crop[:, :2, :]).abs().max() > 1e-3


def test_rejects_bad_shapes(net):
    with pytest.raises(ValueError, match="at least 2"):
        net(torch.randn(1, 1, 4, 16, 16))
    with pytest.raises(ValueError, match="multiples"):
        net(torch.randn(1, 3, 4, 20, 16))


def test_boundary_kernel_sums_to_zero():
    be = BoundaryEnhancement(6)
    with torch.no_grad():
        be.neighbours.normal_()
    k = be.kernel()
    assert torch.allclose(k.sum(dim=(1, 2, 3)), torch.zeros(6), atol=1e-6)
    # a constant image has no edges: the residual branch adds nothing
    x = torch.full((1, 6, 8, 8), 3.0)
    assert torch.allclose(be(x)[..., 1:-1, 1:-1], x[..., 1:-1, 1:-1], atol=1e-5)


def test_gradients_reach_every_parameter():
    torch.manual_seed(3)
    m = build_model("caimnet").train()
    from model_core.losses import change_loss

    x = torch.randn(2, 4, 4, 32, 32)
    target = torch.randint(0, 4, (2, 32, 32))
    change_loss(m(x), target).backward()
    missing = [n for n, p in m.named_parameters() if p.grad is None or not torch.isfinite(p.grad).all()]
    assert not missing


def test_paper_preset_is_wider():
    small = build_model("caimnet")
    paper = build_model("caimnet", preset="paper")
    n = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
    assert paper.config["features"] == 64 and paper.config["window"] == 64
    assert n(paper) > 2 * n(small)
    with torch.inference_mode():
        out = paper.eval()(torch.randn(1, 3, 4, 64, 64))
    assert out["moment"].shape == (1, 3, 64, 64)


def test_wide_preset_has_paper_widths_and_default_context():
    from model_core.predict import auto_tile

    small, wide = build_model("caimnet"), build_model("caimnet", preset="wide")
    n = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
    assert wide.config["features"] == 64 and wide.config["window"] == 8 and wide.config["pool"] == 2
    # same parameters as the paper preset (the window size has no weights), same halo as the default
    assert n(wide) == n(build_model("caimnet", preset="paper"))
    assert wide.halo == small.halo and wide.multiple == small.multiple
    assert wide.tile_memory_factor == 2.0 and small.tile_memory_factor == 1.0
    # the engine gives the wider model smaller automatic tiles (about 1/sqrt(2) of the side)
    t_small = auto_tile(6, small.multiple, small.halo, small.tile_memory_factor)
    t_wide = auto_tile(6, wide.multiple, wide.halo, wide.tile_memory_factor)
    assert 0.6 < t_wide / t_small < 0.8
    torch.manual_seed(0)
    wide.eval()
    x = torch.randn(1, 4, 4, 128, 128)
    with torch.inference_mode():
        full = wide(x)["moment"]
        crop = wide(x[..., 16:112, 16:112])["moment"]
    # exact spatial locality: pixels a halo away from the crop's (window-aligned) border see the same input
    h = wide.halo
    assert torch.allclose(full[..., 16 + h:112 - h, 16 + h:112 - h], crop[..., h:96 - h, h:96 - h], atol=1e-4)


def test_flip_averaging_is_the_mean_of_the_four_mirrored_runs_and_mirror_invariant(net):
    """tta: the output is the mean probability of the network on the input as read and mirrored (left-right,
    up-down, both), each mirrored back; so mirroring the input mirrors the output exactly.  Off as built,
    and never in training (the losses need the auxiliary maps)."""
    torch.manual_seed(2)
    x = torch.randn(1, 4, 4, 32, 48)
    assert net.tta is False
    with torch.inference_mode():
        runs = [net(x)["moment"].exp(), net(x.flip(-1))["moment"].flip(-1).exp(),
                net(x.flip(-2))["moment"].flip(-2).exp(), net(x.flip(-2, -1))["moment"].flip(-2, -1).exp()]
        net.tta = True
        try:
            avg = net(x)["moment"]
            mirrored = net(x.flip(-1))["moment"].flip(-1)
        finally:
            del net.tta  # back to the class's value
    assert not torch.allclose(runs[0], runs[1], atol=1e-3)  # the network itself is not mirror-invariant
    assert torch.allclose(avg.exp(), sum(runs) / 4, atol=1e-5)
    assert torch.allclose(avg, mirrored, atol=1e-5)
    assert torch.allclose(avg.exp().sum(1), torch.ones(1, 32, 48), atol=1e-4)
    net.train()
    try:
        net.tta = True
        assert len(net(x)["aux"]) == 6
    finally:
        del net.tta
        net.eval()


@pytest.mark.parametrize("preset", ["default", "paper"])
@pytest.mark.parametrize("b", [1, 2])
def test_inference_shortcuts_give_the_same_numbers_as_the_plain_path(preset, b):
    """In evaluation mode the inference-only shortcuts (in-place residuals, the pooled attention's update
    added by broadcasting instead of an upsampled copy, channels-last layouts, the streaming maximum)
    give bit for bit the log-probabilities of the plain operations that run when gradients are on."""
    torch.manual_seed(3)
    m = build_model("caimnet", preset=preset).eval()
    with torch.no_grad():
        for mod in m.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.running_mean.uniform_(-0.2, 0.2)
                mod.running_var.uniform_(0.5, 2.0)
    m.requires_grad_(False)  # grad mode on (the plain branches) without parameters that need gradients
    side = 64 if preset == "paper" else 48
    x = torch.randn(b, 4, 4, side, side) * 2
    with torch.enable_grad():
        plain = m(x)["moment"].detach()
    with torch.inference_mode():
        fast = m(x)["moment"]
    assert_same_answer(plain, fast)


def test_eval_mode_with_gradients_gives_the_inference_answer_and_input_gradients():
    """``model.eval(); model(x)`` without ``no_grad`` (a saliency map, an export) raised in differences()
    ("sub(): functions with out=... arguments don't support automatic differentiation", a speed audit):
    it now runs, gives the same log-probabilities as inference, and its gradient reaches the input."""
    import torch

    from model_core.models import build_model

    torch.manual_seed(0)
    m = build_model("caimnet").eval()
    x = torch.randn(1, 3, 4, 32, 32, requires_grad=True)
    y = m(x)["moment"]
    with torch.no_grad():
        z = m(x)["moment"]
    assert_same_answer(y.detach(), z)
    y[:, 1:].sum().backward()
    assert x.grad is not None and x.grad.abs().sum() > 0
