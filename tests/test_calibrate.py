"""Decision calibration: the no-change bias, its storage in weights files and its choice on validation data."""

import numpy as np
import torch

from model_core import weights as W
from model_core.calibrate import sweep
from model_core.models import build_model, shift_no_change


def test_shift_no_change_renormalises_and_moves_the_decision():
    torch.manual_seed(0)
    logp = torch.log_softmax(torch.randn(2, 5, 8, 8), dim=1)
    assert torch.equal(shift_no_change(logp, 0.0), logp)
    shifted = shift_no_change(logp, 1.5)
    assert torch.allclose(shifted.exp().sum(dim=1), torch.ones(2, 8, 8), atol=1e-5)
    # the change classes keep their ratios; only class 0 moves
    assert torch.allclose(shifted[:, 2] - shifted[:, 1], logp[:, 2] - logp[:, 1], atol=1e-5)
    assert (shifted.argmax(1) == 0).sum() > (logp.argmax(1) == 0).sum()
    assert (shift_no_change(logp, 50.0).argmax(1) == 0).all()


def test_calibration_is_stored_and_applied_in_eval_mode_only(tmp_path):
    torch.manual_seed(1)
    model = build_model("caimnet").eval()
    plain = str(tmp_path / "plain.pt")
    cal = str(tmp_path / "cal.pt")
    W.save(plain, model)
    W.save(cal, model, calibration={"no_change_bias": 0.8})
    x = torch.randn(1, 3, 4, 32, 32)
    a, b = W.load_model(plain), W.load_model(cal)
    assert b.calibration["no_change_bias"] == 0.8 and not a.calibration
    with torch.no_grad():
        ref = a(x)["moment"]
        assert torch.allclose(b(x)["moment"], shift_no_change(ref, 0.8), atol=1e-5)
        b.train()
        a.train()
        assert torch.allclose(b(x)["moment"], a(x)["moment"], atol=1e-5)  # training sees raw outputs


def test_sweep_recovers_a_known_offset():
    rng = np.random.default_rng(2)
    samples, logps = [], []
    for _ in range(6):
        moment = rng.integers(0, 3, (16, 16)).astype(np.uint8)
        moment[rng.random((16, 16)) < 0.5] = 0
        logits = rng.normal(0, 0.3, (3, 16, 16)).astype(np.float32)
        logits[moment, np.arange(16)[:, None], np.arange(16)[None, :]] += 1.0  # informative...
        logits[0] -= 1.0  # ...but "no change" is under-scored by 1.0
        logps.append(logits - np.log(np.exp(logits).sum(0, keepdims=True)))
        samples.append({"values": np.zeros((3, 4, 16, 16), np.float32), "valid": np.ones((16, 16), bool),
                        "moment": moment})
    rows = sweep(samples, logps)
    best = max(rows, key=lambda r: r["score"])
    assert 0.75 <= best["bias"] <= 1.25
    zero = next(r for r in rows if r["bias"] == 0.0)
    assert best["score"] > zero["score"] + 0.05


def test_calibrate_command_with_a_given_bias(tmp_path):
    from model_core.calibrate import main

    torch.manual_seed(3)
    src, out, raw = (str(tmp_path / n) for n in ("src.pt", "out.pt", "raw.pt"))
    W.save(src, build_model("caimnet"), meta={"note": "x"})
    assert main(["--weights", src, "--out", out, "--bias", "0.5"]) == 0
    assert W.read(out)["calibration"]["no_change_bias"] == 0.5
    assert W.load_model(out).no_change_bias == 0.5
    assert main(["--weights", out, "--out", raw, "--bias", "0"]) == 0
    assert "calibration" not in W.read(raw) and W.read(raw)["meta"] == {"note": "x"}
    from model_core.errors import CaimError
    import pytest

    with pytest.raises(CaimError, match="exists"):
        main(["--weights", src, "--out", out, "--bias", "1"])
