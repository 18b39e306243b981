"""Training step, checkpoint/resume and the evaluate command on tiny data (no shared data needed)."""

import json
import os

import numpy as np
import pytest
import torch

from tests.fixtures import layouts

TINY = {"features": 8, "stem": 4, "window": 8, "heads": 1}


def _cfg(tmp_path, root, epochs):
    return {"model": "caimnet", "model_config": TINY,
            "data": {"kind": "generic", "root": root},
            "t_min": 3, "t_max": 3, "patch": 16, "batch": 2, "epochs": epochs, "steps_per_epoch": 2,
            "val_samples": 2, "lr": 1e-3, "seed": 3, "out": str(tmp_path / "run"), "threads": 1}


def test_training_step_lowers_loss():
    from model_core.losses import change_loss
    from model_core.models import build_model

    torch.manual_seed(0)
    model = build_model("caimnet", in_channels=4, **TINY)
    x = torch.randn(2, 3, 4, 16, 16)
    y = torch.zeros(2, 16, 16, dtype=torch.long)
    x[:, 2:, :, 4:12, 4:12] += 3.0
    y[:, 4:12, 4:12] = 2
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    losses = []
    model.train()
    for _ in range(8):
        loss = change_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss))
    assert losses[-1] < losses[0]


def test_train_checkpoints_and_resume(tmp_path):
    from model_core import train, weights

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(_cfg(tmp_path, root, 1)))
    assert train.main([str(cfg_path)]) == 0
    out = tmp_path / "run"
    for f in ("last.pt", "best.pt", "state.pt", "history.json", "config.json"):
        assert (out / f).is_file(), f
    first = json.loads((out / "history.json").read_text())["epochs"]
    assert len(first) == 1
    model = weights.load_model(str(out / "last.pt"))
    assert model.arch == "caimnet"
    # resume to 2 epochs: the first epoch's record is kept, one more is added
    assert train.main([str(cfg_path), "--resume", "--epochs", "2"]) == 0
    hist = json.loads((out / "history.json").read_text())["epochs"]
    assert [h["epoch"] for h in hist] == [1, 2]
    assert hist[0] == first[0]
    # fine-tuning from weights into a new folder, with gradient clipping
    assert train.main([str(cfg_path), "--init", str(out / "last.pt"), "--out", str(tmp_path / "ft")]) == 0
    assert (tmp_path / "ft" / "best.pt").is_file()
    # resuming a missing run is a clean error
    assert train.main([str(cfg_path), "--resume", "--out", str(tmp_path / "none")]) == 2


def test_config_rejects_unknown_keys(tmp_path):
    from model_core import train

    p = tmp_path / "bad.json"
    p.write_text(json.dumps({"epoch": 3}))
    assert train.main([str(p)]) == 2


def test_evaluate_prints_tables(tmp_path, capsys):
    from model_core import evaluate, weights
    from model_core.models import build_model

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    w = str(tmp_path / "w.pt")
    weights.save(w, build_model("caimnet", in_channels=4, **TINY))
    rc = evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--tile", "16",
                        "--json", str(tmp_path / "r.json")])
    assert rc == 0
    out = capsys.readouterr().out
    assert "Change area" in out and "Change moment" in out and "CVA + Otsu baseline" in out
    res = json.loads((tmp_path / "r.json").read_text())["results"]
    # both methods scored on the same labelled pixels
    assert res["model"]["area"]["pixels"] == res["baseline"]["area"]["pixels"] == 16 * 15


def test_predict_scene_independent_of_tile_size():
    from model_core.evaluate import predict_scene
    from model_core.models import build_model

    torch.manual_seed(1)
    model = build_model("caimnet", in_channels=4, **TINY).eval()
    v = np.random.default_rng(0).random((3, 4, 40, 56)).astype(np.float32)
    ok = np.ones((40, 56), bool)
    a = predict_scene(model, v, ok, tile=16)
    b = predict_scene(model, v, ok, tile=64)
    assert (a == b).mean() > 0.99


@pytest.mark.shared
def test_evaluate_taizhou_baseline(capsys):
    root = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "taizhou")
    if not os.path.isdir(root):
        pytest.skip("../shared/data/taizhou is absent")
    from model_core import evaluate

    assert evaluate.main(["--dataset", "taizhou", "--root", root, "--no-model"]) == 0
    out = capsys.readouterr().out
    assert "21390" in out  # labelled pixels of change.bmp + unchanged.bmp


def test_train_with_deepcl_option(tmp_path):
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = _cfg(tmp_path, root, 1)
    cfg["deepcl_weight"] = 0.1
    cfg["grad_clip"] = 1.0
    hist = train.train(train.load_config(cfg), log=lambda m: None)
    assert len(hist) == 1 and np.isfinite(hist[0]["loss"])
