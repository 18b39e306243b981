"""Training step, checkpoint/resume and the evaluate command on tiny data (no shared data needed)."""

import json
import re
import os

import numpy as np
import pytest
import torch
from osgeo import gdal

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
        losses.append(float(loss.detach()))
    assert losses[-1] < losses[0]


def test_edge_weights_mark_the_one_pixel_band_on_both_sides_of_a_change_edge():
    from model_core.losses import edge_pixel_weights

    y = torch.zeros(1, 8, 8, dtype=torch.long)
    y[0, 2:5, 2:5] = 2          # a 3 x 3 change: its centre is not on the edge
    y[0, 7, 0] = 255            # an unlabelled pixel is neither class
    y[0, 6, 1] = 255
    w = edge_pixel_weights(y, 2.0)[0]
    want = torch.ones(8, 8)
    want[1:6, 1:6] = 3.0        # the ring outside and the changed edge
    want[3, 3] = 1.0            # the change's centre
    assert torch.equal(w, want)
    assert torch.equal(edge_pixel_weights(y, 0.0), torch.ones(1, 8, 8))


def test_edge_weight_shifts_the_loss_towards_edge_pixels():
    from model_core.losses import change_loss, edge_pixel_weights

    y = torch.zeros(1, 8, 8, dtype=torch.long)
    y[0, 2:6, 2:6] = 1
    logits = torch.zeros(1, 2, 8, 8)
    logits[:, 1] = torch.where(y[0] > 0, 4.0, -4.0)
    logits[:, 1, 1, 1:7] = 4.0  # one row of the ring called changed
    out = {"moment": logits.log_softmax(1)}
    plain = float(change_loss(out, y))
    weighted = float(change_loss(out, y, pixel_weight=edge_pixel_weights(y, 2.0)))
    # the six wrong pixels sit on the band (32 of 64 pixels), which now counts three times: 1.5 x
    assert weighted == pytest.approx(1.5 * plain, rel=0.02)


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
    # the resume state is not a weights file, and says which file is
    with pytest.raises(Exception, match="use best.pt"):
        weights.read(str(out / "state.pt"))
    # resuming a missing run is a clean error
    assert train.main([str(cfg_path), "--resume", "--out", str(tmp_path / "none")]) == 2


def test_config_rejects_unknown_keys(tmp_path):
    from model_core import train

    p = tmp_path / "bad.json"
    p.write_text(json.dumps({"epoch": 3}))
    assert train.main([str(p)]) == 2


def test_config_refuses_models_with_nothing_to_train(tmp_path, capsys):
    from model_core import train

    for name, hint in (("caimnet_cva", "train 'caimnet' weights"), ("cva", "a classical method"),
                       ("isfa", "a classical method")):
        p = tmp_path / f"{name}.json"
        p.write_text(json.dumps({"model": name}))
        assert train.main([str(p)]) == 2
        err = capsys.readouterr().err
        assert f"the '{name}' method has nothing to train" in err and hint in err


def test_evaluate_prints_tables(tmp_path, capsys):
    from model_core import evaluate, weights
    from model_core.models import build_model

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    w = str(tmp_path / "w.pt")
    # seeded: about a third of untrained initialisations call every pixel changed already at sensitivity 0,
    # and the check below that +3 calls more then failed (seen in about 1 run of 3)
    torch.manual_seed(0)
    weights.save(w, build_model("caimnet", in_channels=4, **TINY))
    rc = evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--tile", "16",
                        "--json", str(tmp_path / "r.json"), "--bootstrap-block", "4"])
    assert rc == 0
    out = capsys.readouterr().out
    assert "Change area" in out and "Change moment" in out and "CVA + Otsu baseline, 4 bands" in out
    assert "spatial block bootstrap (4 x 4 px" in out and "model - baseline (paired)" in out
    res = json.loads((tmp_path / "r.json").read_text())["results"]
    # both methods scored on the same labelled pixels
    assert res["model"]["area"]["pixels"] == res["baseline"]["area"]["pixels"] == 16 * 15
    for name in ("model", "baseline"):
        for part in ("area", "moment"):
            lo, hi = res[name][part]["kappa_ci"]
            assert lo <= res[name][part]["kappa"] + 1e-9 and res[name][part]["kappa"] <= hi + 1e-9
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w,
                          "--bootstrap-block", "0"]) == 2
    assert "--bootstrap-block must be a positive" in capsys.readouterr().err
    # the engine's sensitivity: more pixels called changed, the baseline untouched
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--tile", "16",
                          "--sensitivity", "3", "--json", str(tmp_path / "s.json")]) == 0
    assert "sensitivity +3" in capsys.readouterr().out
    shifted = json.loads((tmp_path / "s.json").read_text())["results"]
    assert shifted["baseline"]["area"]["kappa"] == res["baseline"]["area"]["kappa"]
    predicted = {k: r["model"]["area"]["tp"] + r["model"]["area"]["fp"] for k, r in (("0", res), ("3", shifted))}
    assert predicted["3"] > predicted["0"]
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--sensitivity", "7"]) == 2
    assert "outside -3 .. 3" in capsys.readouterr().err
    # an existing --json is kept unless --overwrite, refused before the evaluation runs
    before = (tmp_path / "r.json").read_text()
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--json",
                          str(tmp_path / "r.json")]) == 2
    captured = capsys.readouterr()
    assert "already exists" in captured.err and "Change area" not in captured.out
    assert (tmp_path / "r.json").read_text() == before
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--tile", "16", "--json",
                          str(tmp_path / "r.json"), "--overwrite", "--sensitivity", "3"]) == 0
    assert (tmp_path / "r.json").read_text() != before
    assert evaluate.main(["--dataset", "generic", "--root", root, "--json", str(tmp_path / "no" / "r.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert evaluate.main(["--dataset", "generic", "--root", root, "--no-model", "--no-baseline"]) == 2
    assert "nothing to evaluate" in capsys.readouterr().err
    assert evaluate.main(["--dataset", "generic", "--root", str(tmp_path / "nope")]) == 2
    assert "nope' does not exist (--root)" in capsys.readouterr().err


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


def test_cosine_schedule_warms_up_and_decays():
    from model_core import train

    cfg = train.load_config({"lr": 1e-3, "epochs": 4, "lr_schedule": "cosine", "warmup_steps": 10,
                             "lr_min_ratio": 0.1})
    lr_at = train._lr_schedule(cfg, 25)  # 100 steps in all
    assert lr_at(0) == pytest.approx(1e-4)            # warm-up starts at lr / warmup_steps
    assert lr_at(9) == pytest.approx(1e-3)            # ... and reaches lr
    assert lr_at(10) == pytest.approx(1e-3)           # cosine starts at lr
    mid = lr_at(55)                                   # half-way through the cosine part
    assert mid == pytest.approx(1e-4 + 0.5 * 9e-4, rel=2e-2)
    assert lr_at(99) == pytest.approx(1e-4)  # the last step is at lr * lr_min_ratio
    values = [lr_at(g) for g in range(10, 100)]
    assert all(a >= b for a, b in zip(values, values[1:]))
    const = train._lr_schedule(train.load_config({"lr": 5e-4}), 25)
    assert const(0) == const(99) == 5e-4
    with pytest.raises(Exception, match="lr_schedule"):
        train._lr_schedule(train.load_config({"lr_schedule": "step"}), 10)


def test_ema_averages_weights_and_copies_integer_buffers():
    from model_core import train
    from model_core.errors import CaimError
    from model_core.models import build_model

    model = build_model("caimnet", in_channels=4, **TINY)
    ema = train._Ema(model, 0.9)
    before = {k: v.clone() for k, v in ema.model.state_dict().items()}
    with torch.no_grad():
        for p in model.parameters():
            p.add_(1.0)
        for name, buf in model.named_buffers():
            if not buf.dtype.is_floating_point:
                buf.fill_(7)
    ema.update(model)
    after = ema.model.state_dict()
    name, p = next(iter(model.named_parameters()))
    # 0.9 * old + 0.1 * (old + 1) = old + 0.1
    assert torch.allclose(after[name], before[name] + 0.1, atol=1e-6)
    ints = [k for k, v in after.items() if not v.dtype.is_floating_point]
    assert ints and all(int(after[k].flatten()[0]) == 7 for k in ints)
    assert not any(p.requires_grad for p in ema.model.parameters())
    # a decay outside (0, 1) is refused at config loading, before train() makes an _Ema (which had a second,
    # unreachable check of its own)
    for value in (1.5, 1, 0, -0.5, float("inf"), float("nan"), True, "0.9"):
        with pytest.raises(CaimError, match=r"Config: ema must be null or between 0 and 1 \(e\.g\. 0\.998\), not "):
            train.load_config({"ema": value})
    assert train.load_config({"ema": None})["ema"] is None and train.load_config({"ema": 0.9})["ema"] == 0.9


def test_train_with_ema_schedule_and_calibrated_selection_resumes(tmp_path):
    from model_core import train, weights

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = _cfg(tmp_path, root, 1)
    cfg.update({"ema": 0.5, "lr_schedule": "cosine", "select": "calibrated"})
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(cfg))
    assert train.main([str(cfg_path)]) == 0
    out = tmp_path / "run"
    hist = json.loads((out / "history.json").read_text())["epochs"]
    rec = hist[0]
    # the selected score is the best of the bias sweep, so never below the raw (bias 0) score
    assert rec["calibrated"]["bias"] in [round(float(b), 2) for b in np.arange(-1.0, 3.01, 0.25)]
    assert rec["score_selected"] >= rec["score"] - 1e-9
    assert rec["lr"] == pytest.approx(1e-3 * 0.05)  # the epoch's last step is at lr * lr_min_ratio
    # best.pt/last.pt hold the averaged weights; state.pt the raw ones and the average, for resuming
    state = torch.load(str(out / "state.pt"), map_location="cpu", weights_only=True)
    saved = weights.read(str(out / "last.pt"))["state_dict"]
    raw = state["model"]
    assert set(raw) == set(saved)
    assert all(torch.equal(state["ema_model"][k], saved[k]) for k in saved)
    assert any(not torch.equal(raw[k], saved[k]) for k in raw if raw[k].dtype.is_floating_point)
    assert train.main([str(cfg_path), "--resume", "--epochs", "2"]) == 0
    hist = json.loads((out / "history.json").read_text())["epochs"]
    assert [h["epoch"] for h in hist] == [1, 2]
    bad = dict(cfg, select="best")
    cfg_path.write_text(json.dumps(bad))
    assert train.main([str(cfg_path)]) == 2


def _md5(path):
    import hashlib

    return hashlib.md5(open(path, "rb").read()).hexdigest()  # nosec B324 -- a test's file identity


def test_train_never_replaces_a_run_unasked(tmp_path, capsys):
    """A new run into a folder holding a run is refused (the weights stay as they were); --overwrite
    replaces it whole; the run's own OUT/config.json is a config train accepts (to resume with)."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(_cfg(tmp_path, root, 2)))
    out = tmp_path / "run"
    assert train.main([str(cfg_path)]) == 0
    before = _md5(out / "best.pt")
    capsys.readouterr()
    assert train.main([str(cfg_path), "--epochs", "1", "--seed", "9"]) == 2
    err = capsys.readouterr().err
    assert "already holds a training run (2 epochs trained" in err and "--resume" in err and "--overwrite" in err
    assert _md5(out / "best.pt") == before
    assert len(json.loads((out / "history.json").read_text())["epochs"]) == 2
    # resuming with the run's own config.json (it records the command line too)
    assert train.main([str(out / "config.json"), "--resume", "--epochs", "3"]) == 0
    assert len(json.loads((out / "history.json").read_text())["epochs"]) == 3
    # a finished run: a message, not a silent no-op
    capsys.readouterr()
    assert train.main([str(out / "config.json"), "--resume"]) == 2
    assert "has finished its 3 epochs" in capsys.readouterr().err
    assert train.main([str(cfg_path), "--epochs", "1", "--seed", "9", "--overwrite"]) == 0
    assert len(json.loads((out / "history.json").read_text())["epochs"]) == 1
    assert _md5(out / "best.pt") != before
    # a run of one epoch said "has finished its 1 epochs" ("sus 1 épocas")
    capsys.readouterr()
    assert train.main([str(out / "config.json"), "--resume"]) == 2
    assert f"error: The run in '{out}' has finished its 1 epoch. To train on" in capsys.readouterr().err
    from model_core.i18n import set_language

    before_language = set_language("es")
    try:
        assert train.main([str(out / "config.json"), "--resume"]) == 2
    finally:
        set_language(before_language)
    assert "ha terminado su única época (época 1)." in capsys.readouterr().err


def test_resume_refuses_another_config(tmp_path, capsys):
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = _cfg(tmp_path, root, 1)
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(cfg))
    assert train.main([str(cfg_path)]) == 0
    cfg_path.write_text(json.dumps(dict(cfg, patch=24, seed=4, lr=5e-4)))
    capsys.readouterr()
    assert train.main([str(cfg_path), "--resume", "--epochs", "2"]) == 2
    err = capsys.readouterr().err
    assert "patch: 16 -> 24" in err and "seed: 3 -> 4" in err and "lr" not in err.split("differs in:")[1].split(".")[0]
    assert len(json.loads((tmp_path / "run" / "history.json").read_text())["epochs"]) == 1
    # epochs and lr may change
    assert train.main([str(cfg_path), "--resume", "--epochs", "2", "--seed", "3", "--out", str(tmp_path / "run")]) == 2
    cfg_path.write_text(json.dumps(dict(cfg, lr=5e-4)))
    assert train.main([str(cfg_path), "--resume", "--epochs", "2"]) == 0


def test_weights_of_a_resumed_run_show_its_first_command_and_the_resumes(tmp_path, capsys):
    """`python -m model_core weights OUT/last.pt` of a resumed run showed the resume's command ('train
    cfg.json --resume --epochs 3') as how the file was trained, the first command (with its --seed, --init,
    ...) lost. It shows the first command and each resume after it, in order."""
    from model_core import train
    from model_core.cli import main as cli_main

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(_cfg(tmp_path, root, 1)))
    assert train.main([str(cfg_path), "--seed", "5"]) == 0
    assert train.main([str(cfg_path), "--seed", "5", "--resume", "--epochs", "2"]) == 0
    assert train.main([str(cfg_path), "--seed", "5", "--resume", "--epochs", "3"]) == 0
    capsys.readouterr()
    assert cli_main(["weights", str(tmp_path / "run" / "last.pt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    trained = [x for x in lines if x.startswith("  trained by") or x.startswith("  resumed by")]
    assert trained[0].startswith(f"  trained by     python -m model_core train {cfg_path} --seed 5 (checkpoint "
                                 "of epoch 3 of 3"), trained
    assert trained[1:] == [f"  resumed by     python -m model_core train {cfg_path} --seed 5 --resume --epochs 2",
                           f"  resumed by     python -m model_core train {cfg_path} --seed 5 --resume --epochs 3"]
    assert cli_main(["weights", str(tmp_path / "run" / "last.pt"), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)[0]
    assert info["command"].endswith("--seed 5") and len(info["resumed_by"]) == 2
    # the run's config as its files record it resumes again (the keys a resume adds are no config change)
    from model_core import weights as wio

    stored = json.loads(wio.read(str(tmp_path / "run" / "last.pt"))["meta"]["config"])
    cfg_path.write_text(json.dumps(stored))
    assert train.main([str(cfg_path), "--seed", "5", "--resume", "--epochs", "4"]) == 0


def test_a_home_folder_tilde_in_the_configs_paths_is_expanded(tmp_path, monkeypatch, capsys):
    """"root": "~/data" was refused as "not a folder" and "out": "~/run" trained into a folder named "~" under
    the current one (likewise val_root and init, and --out=~/... the shell leaves as it is). ~ is expanded to
    the home folder, as a shell does, and the run's record names the real folders; environment variables are
    not, and a path with one is told so."""
    from model_core import train
    from model_core import weights as wio
    from model_core.models import build_model

    home = tmp_path / "home"
    layouts.write_generic(str(home / "data"))
    layouts.write_generic(str(home / "held"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    start = home / "start.pt"
    wio.save(str(start), build_model("caimnet", **TINY), {})
    cfg = dict(_cfg(tmp_path, "~/data", 1), out="~/run", init="~/start.pt")
    cfg["data"]["val_root"] = "~/held"
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(cfg))
    assert train.main([str(cfg_path)]) == 0, capsys.readouterr().err
    assert os.path.isfile(home / "run" / "last.pt") and not os.path.exists(tmp_path / "~")
    recorded = json.loads((home / "run" / "config.json").read_text())
    assert recorded["data"]["root"] == str(home / "data") and recorded["data"]["val_root"] == str(home / "held")
    assert recorded["out"] == str(home / "run") and recorded["init"] == str(start)
    assert train.main([str(cfg_path), "--out=~/run2", "--epochs", "1"]) == 0
    assert os.path.isfile(home / "run2" / "last.pt")
    capsys.readouterr()
    cfg["data"]["root"] = "$HOME/data"
    cfg_path.write_text(json.dumps(cfg))
    assert train.main([str(cfg_path), "--out", str(tmp_path / "run3")]) == 2
    err = capsys.readouterr().err
    assert "'$HOME/data' (from the current folder, %s) does not exist" % tmp_path in err
    assert "environment variables such as $HOME are not expanded" in err


@pytest.mark.parametrize("kind, where, words", [
    ("semisynthetic", "data.root", "give the folder that holds the source imagery"),
    ("semisynthetic", "val_data.root", "give the folder that holds the source imagery"),
    ("generic", "data.root", "give the folder of the generic training series"),
    ("generic", "data.val_root", "give the folder of the held-out generic series to validate on, or leave "
                                 "data.val_root out"),
    ("pairs", "data.val_root", "give the folder of the held-out pairs series"),
])
@pytest.mark.parametrize("what", ["missing", "file", "number"])
def test_a_data_folder_that_is_not_one_is_refused_with_its_key_before_training(tmp_path, capsys, monkeypatch, kind,
                                                                              where, words, what):
    """A semi-synthetic data.root or val_data.root that does not exist (or is a file) was first read once the model
    was built and the validation set began ("no source imagery found under ...", naming no key); each data folder is
    now checked with the config: the key, the path (relative ones with the folder they were read from) and what to
    give, before anything is built or written. null (the default data folder) stays allowed."""
    from model_core import train

    monkeypatch.chdir(tmp_path)
    root = str(tmp_path / "data")
    layouts.write_generic(root)
    (tmp_path / "afile.txt").write_text("not a folder")
    bad = {"missing": "nowhere/data", "file": str(tmp_path / "afile.txt"), "number": 5}[what]
    cfg = dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "new" / "run"))
    cfg["data"] = {"kind": kind, "root": root} if kind != "semisynthetic" else {"kind": kind, "root": None}
    if kind == "pairs":
        cfg["data"].update(split="train", val_split="val")
    section, key = where.split(".")
    cfg.setdefault(section, {})[key] = bad
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(cfg))
    assert train.main([str(p)]) == 2
    err = capsys.readouterr().err
    shown = {"missing": "'nowhere/data' (from the current folder, %s) does not exist: " % tmp_path,
             "file": "'%s' is a file, not a folder: " % bad, "number": "must name a folder, not 5: "}[what]
    assert err.startswith(f"error: Config: {where} {shown}{words}") and "Traceback" not in err, err
    assert "building validation set" not in err and not (tmp_path / "new").exists()
    if kind == "semisynthetic":
        from model_core.datasets.synthetic import default_data_root

        assert f"or null for the default data folder ({default_data_root()})" in err


def test_null_data_folders_and_a_home_relative_val_data_root_pass_the_config_check(tmp_path, monkeypatch):
    """root: null (and val_data.root: null) is the default data folder, as before; val_data.root starting with ~ is
    the home folder as data.root's is (it was taken literally)."""
    from model_core import train

    cfg = train.load_config({"data": {"kind": "semisynthetic", "root": None}, "val_data": {"root": None}})
    assert cfg["data"]["root"] is None and cfg["val_data"]["root"] is None
    home = tmp_path / "home"
    (home / "imagery").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    cfg = train.load_config({"val_data": {"root": "~/imagery"}})
    assert cfg["val_data"]["root"] == str(home / "imagery")


def test_resume_after_a_stop_between_checkpoint_files_equals_the_uninterrupted_run(tmp_path):
    """Killed after last.pt of epoch 2 was written but before state.pt: the resume must train epoch 2
    again from epoch 1's state (not epoch 2's weights with epoch 1's optimizer) and end where an
    uninterrupted run ends."""
    import shutil

    from model_core import train, weights

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    ref = dict(_cfg(tmp_path, root, 3), out=str(tmp_path / "ref"))
    train.train(train.load_config(ref), log=lambda m: None)
    run = dict(ref, out=str(tmp_path / "run"), epochs=1)
    train.train(train.load_config(run), log=lambda m: None)
    shutil.copy(tmp_path / "run" / "state.pt", tmp_path / "state1.pt")
    train.train(train.load_config(dict(run, epochs=2)), resume=True, log=lambda m: None)
    shutil.copy(tmp_path / "state1.pt", tmp_path / "run" / "state.pt")  # the stop: state.pt of epoch 1
    hist = train.train(train.load_config(dict(run, epochs=3)), resume=True, log=lambda m: None)
    assert [h["epoch"] for h in hist] == [1, 2, 3]
    a = weights.read(str(tmp_path / "ref" / "last.pt"))["state_dict"]
    b = weights.read(str(tmp_path / "run" / "last.pt"))["state_dict"]
    assert all(torch.equal(a[k], b[k]) for k in a)


@pytest.mark.parametrize("change, words", [
    ({"epochs": "two"}, "epochs must be a whole number"),
    ({"patch": 32.7}, "patch must be a whole number"),
    ({"patch": 20}, "patch must be a multiple of 16 for caimnet (preset 'default'), not 20; e.g. 16 or 32"),
    ({"batch": 0}, "batch must be at least 1"),
    ({"steps_per_epoch": 0}, "steps_per_epoch must be at least 1"),
    ({"lr": "fast"}, "lr must be a number > 0"),
    ({"data": "gen"}, "data must be an object"),
    ({"data": {"val_rot": "x"}}, "val_rot"),
    ({"data": {"kind": "generc"}}, "'generc' is unknown"),
    ({"data": {"kind": "taizhou"}}, "not a training kind"),
    ({"data": {"root": "/nonexistent/folder"}}, "data.root '/nonexistent/folder' does not exist: give the folder of the "
                                                "generic training series"),
    ({"data": {"bands": "3,2,1,4"}}, "data.bands must be a list of 4 band numbers"),
    ({"preset": "wdie"}, "'wdie' is not a preset of caimnet"),
    ({"model_config": {"widht": 3}}, "model_config has key(s) widht that CAIMNet does not take"),
    ({"device": "gpu"}, "device must be auto, cpu or cuda:N"),
    ({"model": "schanger", "preset": "default", "model_config": {}}, "compares exactly 2 dates"),
    ({"lr_schedule": "cos"}, "lr_schedule must be null"),
    ({"edge_weight": -1}, "edge_weight must be a number >= 0, not -1"),
    # JSON's Infinity (Python reads it): a float key trained to a NaN loss and saved it as best.pt, an int key
    # (int(inf)) ended in an OverflowError traceback
    ({"edge_weight": float("inf")}, "edge_weight must be a number >= 0, not inf"),
    ({"lr": float("inf")}, "lr must be a number > 0, not inf"),
    ({"epochs": float("inf")}, "epochs must be a whole number, not inf"),
    # finite but out of range: float32's infinity (the run stopped at its first step advising a lower lr), a
    # RuntimeError or OverflowError traceback from PyTorch, a NaN gradient, or a run that learned nothing
    ({"edge_weight": 1e39}, "edge_weight must be at most 1000, not 1e+39: an edge pixel counts 1 + edge_weight"),
    ({"aux_weight": 1e39}, "aux_weight must be at most 1000, not 1e+39"),
    ({"deepcl_weight": 1e39}, "deepcl_weight must be at most 1000, not 1e+39"),
    ({"weight_decay": 1e39}, "weight_decay must be at most 1, not 1e+39: it is Adam's L2 penalty"),
    ({"seed": 2 ** 64}, "seed must be at most 4294967295, not 18446744073709551616"),
    ({"val_seed": 2 ** 64}, "val_seed must be at most 4294967295"),
    ({"threads": 10 ** 12}, "threads must be at most 1024, not 1000000000000"),
    ({"t_min": 2, "t_max": 300}, "t_max must be at most 255, not 300: a change-moment label holds up to 254"),
    ({"grad_clip": float("nan")}, "grad_clip must be null or a number > 0 (e.g. 1.0; null clips nothing), not nan"),
    ({"grad_clip": float("inf")}, "grad_clip must be null or a number > 0 (e.g. 1.0; null clips nothing), not inf"),
    ({"ema": float("nan")}, "ema must be null or between 0 and 1 (e.g. 0.998), not nan"),
    ({"warmup_steps": 10 ** 21}, "warmup_steps is 1000000000000000000000, more than the run's 2 steps"),
    ({"deepcl": {"margin": float("nan")}}, "deepcl.margin must be a number > 0 and <= 2, not nan (the default: 1.0)"),
    ({"deepcl": {"gamma": -1}}, "deepcl.gamma must be a number >= 0 and <= 10, not -1"),
    ({"deepcl": {"hard_fraction": 5}}, "deepcl.hard_fraction must be a number > 0 and <= 1, not 5"),
    ({"deepcl": {"pos_margin": 1.5, "margin": 1.0}}, "deepcl.pos_margin must be below deepcl.margin (1.0), not 1.5"),
    ({"data": {"kind": "semisynthetic", "root": None, "max_events": 0}},
     "data.max_events must be a whole number from 1 to 64, not 0"),
    ({"data": {"kind": "semisynthetic", "root": None, "margin": 100000}},
     "data.margin must be a whole number from 0 to 64, not 100000"),
    ({"data": {"kind": "semisynthetic", "root": None, "context_crops": -1}},
     "data.context_crops must be a whole number from 0 to 64, not -1"),
    ({"data": {"kind": "semisynthetic", "root": None, "min_contrast": 1.5}},
     "data.min_contrast must be a number from 0 to below 1"),
    ({"data": {"kind": "semisynthetic", "root": None, "landcover_regions": 5}},
     "data.landcover_regions must be a share between 0 and 1, not 5"),
    ({"data": {"kind": "semisynthetic", "root": None, "haze_depth": 1.2}},
     "data.haze_depth must be a share between 0 and 1, not 1.2"),
    ({"data": {"kind": "semisynthetic", "root": None, "source_weights": {"naip": 0, "landsat": -1}}},
     "data.source_weights must be an object of source names and weights >= 0, at least one above 0"),
])
def test_config_mistakes_are_refused_with_the_key_before_anything_is_written(tmp_path, capsys, change, words):
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = _cfg(tmp_path, root, 1)
    for k, v in change.items():
        if k == "data" and isinstance(v, dict):
            cfg["data"] = dict(cfg["data"], **v)
        else:
            cfg[k] = v
    cfg["out"] = str(tmp_path / "new" / "run")
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(cfg))
    assert train.main([str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err and "Traceback" not in err
    assert not (tmp_path / "new").exists()


def test_a_loss_that_is_not_a_number_stops_the_run_with_a_message(tmp_path, capsys):
    """An absurd learning rate blows the weights up within a few steps: the loss became NaN, every later epoch
    trained on NaN and the first was saved as best.pt. The run stops at the first such step, says where and what
    to change, and (before its first checkpoint) leaves nothing."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = dict(_cfg(tmp_path, root, 2), lr=1e30, steps_per_epoch=6, out=str(tmp_path / "new" / "run"))
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(cfg))
    assert train.main([str(p)]) == 2
    err = capsys.readouterr().err
    assert "\nerror: Training stopped at epoch 1, step " in err and "Traceback" not in err
    assert "(not a number the weights can learn from). No epoch had finished; nothing was kept." in err
    assert "Lower lr, set grad_clip (e.g. 1.0)" in err
    assert not (tmp_path / "new").exists()


def test_data_problems_are_messages_and_leave_no_folder(tmp_path, capsys):
    """A label on another grid, and a config file that is not JSON: one error line each, no folder."""
    from osgeo import gdal

    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    ds = gdal.Open(os.path.join(root, "site_a", "moment.tif"))
    gdal.Translate(os.path.join(root, "site_a", "small.tif"), ds, srcWin=[0, 0, 10, 10])
    ds = None
    os.replace(os.path.join(root, "site_a", "small.tif"), os.path.join(root, "site_a", "moment.tif"))
    cfg = dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "new" / "run"))
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(cfg))
    assert train.main([str(p)]) == 2
    err = capsys.readouterr().err
    assert "\nerror: Training data (generic at " in err and "moment.tif is 10 x 10" in err and "Traceback" not in err
    assert not (tmp_path / "new").exists()
    p.write_text('{"epochs": 1,}')
    assert train.main([str(p)]) == 2
    assert "is not valid JSON" in capsys.readouterr().err


def test_interrupt_before_the_first_checkpoint_leaves_nothing(tmp_path, capsys, monkeypatch):
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "new" / "run"))))

    def stop(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(train, "_epochs", stop)
    assert train.main([str(p)]) == 130
    assert "Interrupted. No epoch had finished" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_weights_trained_on_own_data_describe_their_validation(tmp_path):
    """`weights` says where a run on the user's data was validated (its own training series without a
    val_root, held-out ones with it), prints a moment kappa of 0 as 0, and the run summary's line reads
    'trained on a generic folder …' once."""
    from model_core import provenance, train, weights

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    layouts.write_generic(str(tmp_path / "val"), rng=np.random.default_rng(7))
    train.train(train.load_config(_cfg(tmp_path, root, 1)), log=lambda m: None)
    info = provenance.describe(str(tmp_path / "run" / "best.pt"))
    text = provenance.text(info)
    assert "training series themselves (no val_root, or one inside root" in text and "semi-synthetic" not in text
    assert "moment kappa nan" not in text
    line = provenance.short(weights.read(str(tmp_path / "run" / "best.pt"))["meta"])
    assert line.startswith("a generic folder of dated GeoTIFFs at ") and "trained on" not in line
    held = dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "held"))
    held["data"] = dict(held["data"], val_root=str(tmp_path / "val"))
    train.train(train.load_config(held), log=lambda m: None)
    assert "held-out series (val_root" in provenance.text(provenance.describe(str(tmp_path / "held" / "best.pt")))
    # val_root = root (an audit: it passed as held out): warned and recorded as the training series
    same = dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "same"))
    same["data"] = dict(same["data"], val_root=root)
    said = []
    train.train(train.load_config(same), log=said.append)
    assert any("a val_root that is root, or inside it or around it" in m for m in said), said
    assert "training series themselves" in provenance.text(provenance.describe(str(tmp_path / "same" / "best.pt")))


def test_validation_without_labelled_pixels_is_refused(tmp_path, capsys):
    """Validation patches that are all unlabelled (255) cannot judge an epoch: refused before training
    (every epoch was 'kappa 0.0000 * best')."""
    from osgeo import gdal

    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    ds = gdal.Open(os.path.join(root, "site_a", "moment.tif"), gdal.GA_Update)
    ds.GetRasterBand(1).WriteArray(np.full((ds.RasterYSize, ds.RasterXSize), 255, np.uint8))
    ds = None
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "new" / "run"))))
    assert train.main([str(p)]) == 2
    assert "have no labelled pixel" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_fine_tune_from_a_calibrated_file_says_to_calibrate_again(tmp_path):
    """The starting file's no-change bias is not carried into the fine-tuned checkpoints (they are a new
    network): the run said nothing, and the new file ran uncalibrated (+0.50 -> +0.00; a training audit).
    Now the run's last line says so and gives the calibrate command."""
    from model_core import train, weights

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    train.train(train.load_config(_cfg(tmp_path, root, 1)), log=lambda m: None)
    model = weights.load_model(str(tmp_path / "run" / "best.pt"))
    start = str(tmp_path / "calibrated.pt")
    weights.save(start, model, model.weights_meta, model.band_order, calibration={"no_change_bias": 0.5})
    said = []
    tuned = dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "ft"), init=start)
    train.train(train.load_config(tuned), log=said.append)
    assert "no-change bias of +0.50" in said[-1] and "python -m model_core calibrate --weights" in said[-1]
    said.clear()
    plain = dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "ft2"), init=str(tmp_path / "run" / "best.pt"))
    train.train(train.load_config(plain), log=said.append)
    assert not [m for m in said if "no-change bias" in m]


def test_series_longer_than_t_max_are_trained_whole_with_a_note(tmp_path):
    """t_min..t_max 2..2 on 3-date series with moment labels: the batches have 3 dates (the labels fix
    them), and the run says so (it did only for series shorter than t_min; a training audit)."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    said = []
    cfg = dict(_cfg(tmp_path, root, 1), t_min=2, t_max=2)
    train.train(train.load_config(cfg), log=said.append)
    assert any("the series have 3 dates; t_min..t_max 2..2 cannot apply" in m for m in said), said


def test_a_missing_init_file_is_named_in_training_terms(tmp_path, capsys):
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(_cfg(tmp_path, root, 1)))
    assert train.main([str(p), "--init", str(tmp_path / "gone.pt")]) == 2
    err = capsys.readouterr().err
    assert "init" in err and "gone.pt' is not a file" in err and "train from scratch" in err
    assert "bundled" not in err and not (tmp_path / "run").exists()


def test_a_config_json_in_the_output_folder_is_never_replaced_or_deleted_unasked(tmp_path, capsys, monkeypatch):
    """OUT/config.json is the run's record, but a folder may already hold a config.json of the user's
    (often the very config being run): it was replaced without a word, and deleted when the run stopped
    before its first checkpoint."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    out = tmp_path / "mine"
    out.mkdir()
    mine = out / "config.json"
    mine.write_text(json.dumps(dict(_cfg(tmp_path, root, 1), out=str(out))))
    before = mine.read_text()

    def stop(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(train, "_epochs", stop)
    assert train.main([str(mine)]) == 2
    err = capsys.readouterr().err
    assert "'%s' holds a config.json that is not a training run's" % out in err and "--overwrite" in err
    assert mine.read_text() == before
    assert train.main([str(mine), "--overwrite"]) == 130  # asked for: replaced, and put back when the run
    assert mine.read_text() == before                       # stopped before its first checkpoint (an audit:
    # the config being run was deleted)


def test_sigterm_stops_a_run_as_ctrl_c_does(tmp_path):
    """SIGTERM (timeout, a batch scheduler's time limit) killed a run on the spot: before its first checkpoint
    it left OUT/config.json, and the same command then refused the folder ("holds a config.json that is not
    a training run's"). It now stops as Ctrl-C does, leaving nothing."""
    import subprocess  # nosec B404 - our own code in a child process (SIGTERM would end pytest itself)
    import sys

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "new" / "run"))))
    code = ("import os, signal, sys, time\n"
            "from model_core import train\n"
            "def term(*a, **k):\n"
            "    os.kill(os.getpid(), signal.SIGTERM)\n"
            "    time.sleep(30)\n"
            "train._epochs = term\n"
            "sys.exit(train.main([%r]))\n" % str(p))
    root_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=root_dir)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,  # nosec B603
                         timeout=120, cwd=root_dir)
    assert run.returncode == 130, (run.returncode, run.stderr[-2000:])
    assert "Interrupted. No epoch had finished; nothing was kept." in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "new").exists()


def test_evaluate_warns_when_the_file_was_trained_with_a_band_mapping_it_does_not_read(tmp_path, capsys):
    """A file trained on the user's generic series with "data": {"bands": [3, 2, 1, 4]} was evaluated on those
    series' bands 1-4 without a word (detect warns of the same); with --bands, or a file trained without a
    mapping, nothing is said."""
    from model_core import evaluate, train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = _cfg(tmp_path, root, 1)
    cfg["data"] = dict(cfg["data"], bands=[3, 2, 1, 4])
    train.train(train.load_config(cfg), log=lambda m: None)
    w = str(tmp_path / "run" / "best.pt")
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--tile", "16"]) == 0
    assert "run again with --bands 3,2,1,4." in capsys.readouterr().err
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--tile", "16",
                          "--bands", "3,2,1,4"]) == 0
    assert "--bands 3,2,1,4" not in capsys.readouterr().err
    plain = dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "plain"))
    train.train(train.load_config(plain), log=lambda m: None)
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", str(tmp_path / "plain" / "best.pt"),
                          "--tile", "16"]) == 0
    assert "band mapping" not in capsys.readouterr().err


def test_the_config_of_a_copied_or_moved_run_folder_names_the_folder_meant(tmp_path, capsys):
    """OUT/config.json "resumes the run", but a run folder copied (or moved) elsewhere kept the original's
    "out": "train COPY/config.json --resume" trained the ORIGINAL folder on, and "--overwrite" deleted the
    original's checkpoints. Such a config is refused without --out, which then says which folder is meant."""
    import shutil

    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    train.train(train.load_config(_cfg(tmp_path, root, 1)), log=lambda m: None)
    orig, copy = str(tmp_path / "run"), str(tmp_path / "copy")
    shutil.copytree(orig, copy)

    def epochs(folder):
        with open(os.path.join(folder, "history.json")) as f:
            return len(json.load(f)["epochs"])

    before = {n: os.path.getmtime(os.path.join(orig, n)) for n in os.listdir(orig)}
    for extra in (["--resume", "--epochs", "2"], ["--overwrite"], []):
        assert train.main([os.path.join(copy, "config.json")] + extra) == 2
        err = capsys.readouterr().err
        assert "the run folder was copied or moved" in err and f"--out {copy}" in err, err
    assert {n: os.path.getmtime(os.path.join(orig, n)) for n in os.listdir(orig)} == before  # untouched
    assert train.main([os.path.join(copy, "config.json"), "--resume", "--epochs", "2", "--out", copy]) == 0
    assert epochs(copy) == 2 and epochs(orig) == 1
    # the run's own config in its own folder resumes as before
    assert train.main([os.path.join(orig, "config.json"), "--resume", "--epochs", "2"]) == 0
    assert epochs(orig) == 2


def test_a_training_config_is_told_its_band_mapping_key(tmp_path, capsys):
    """Training on 6-band series said "pick them with --bands", and a mapping naming a band the series lack
    "--bands 3,4,4,6 asks for others": train has no --bands; the mapping is the config's data.bands."""
    from model_core import train

    four, six = str(tmp_path / "four"), str(tmp_path / "six")
    layouts.write_generic(four)
    for name in os.listdir(os.path.join(four, "site_a")):
        arr = gdal.Open(os.path.join(four, "site_a", name)).ReadAsArray()
        if name != "moment.tif":
            arr = np.concatenate([arr, arr[:2]])
        layouts._write_tif(os.path.join(six, "site_a", name), arr, gdal.GDT_UInt16 if arr.ndim == 3 else gdal.GDT_Byte,
                           epsg=32633)
    for root, bands in ((six, None), (four, [3, 4, 4, 6])):
        cfg = _cfg(tmp_path, root, 1)
        if bands:
            cfg["data"]["bands"] = bands
        path = str(tmp_path / "cfg.json")
        with open(path, "w") as f:
            json.dump(cfg, f)
        assert train.main([path]) == 2
        err = capsys.readouterr().err
        assert '"bands" in a training config\'s "data"' in err and "--bands 3,4,4,6" not in err, err
        assert not os.path.exists(cfg["out"])


def test_a_file_trained_on_rgb_only_images_warns_a_run_that_reads_a_real_nir(tmp_path, capsys):
    """Series of 3-band (RGB) images are trained on as R, G, B, G; the file recorded nothing of it, and a run on
    R, G, B, NIR images fed the network a NIR band it never saw, without a word. The file now records it
    (meta green_as_nir; 'weights' shows the mapping 1,2,3,2), and detect and evaluate warn as of a mapping."""
    from model_core import evaluate, train
    from model_core.cli import main
    from model_core.predict import detect
    from model_core.provenance import describe

    four, rgb = str(tmp_path / "four"), str(tmp_path / "rgb")
    layouts.write_generic(four)
    for name in os.listdir(os.path.join(four, "site_a")):
        arr = gdal.Open(os.path.join(four, "site_a", name)).ReadAsArray()
        if name != "moment.tif":
            arr = arr[:3]
        layouts._write_tif(os.path.join(rgb, "site_a", name), arr, gdal.GDT_UInt16 if arr.ndim == 3 else gdal.GDT_Byte,
                           epsg=32633)
    train.train(train.load_config(_cfg(tmp_path, rgb, 1)), log=lambda m: None)
    w = str(tmp_path / "run" / "best.pt")
    assert describe(w)["band_mapping"] == [1, 2, 3, 2]
    assert main(["weights", w]) == 0
    assert "band mapping   1,2,3,2: " in capsys.readouterr().out
    images = sorted(os.path.join(four, "site_a", n) for n in os.listdir(os.path.join(four, "site_a")) if n != "moment.tif")
    res = detect(images, out_dir=str(tmp_path / "a"), model="caimnet", weights=w)
    named = [x for x in res.warnings if "band mapping 1,2,3,2" in x]
    assert len(named) == 1 and "RGB-only" in named[0] and "--bands 1,2,3,2" in named[0], res.warnings
    rgb_images = [p.replace(four, rgb) for p in images]
    res = detect(rgb_images, out_dir=str(tmp_path / "b"), model="caimnet", weights=w)
    assert not [x for x in res.warnings if "band mapping" in x], res.warnings
    assert evaluate.main(["--dataset", "generic", "--root", four, "--weights", w, "--tile", "16"]) == 0
    assert "band mapping 1,2,3,2" in capsys.readouterr().err
    assert evaluate.main(["--dataset", "generic", "--root", rgb, "--weights", w, "--tile", "16"]) == 0
    assert "band mapping" not in capsys.readouterr().err
    plain = dict(_cfg(tmp_path, four, 1), out=str(tmp_path / "plain"))  # 4-band series: nothing recorded
    train.train(train.load_config(plain), log=lambda m: None)
    assert describe(str(tmp_path / "plain" / "best.pt"))["band_mapping"] is None


def test_series_with_area_labels_only_are_named_with_the_way_out(tmp_path, capsys):
    """Series of 3 dates with area.tif alone said only "no series to train on: training needs a moment label
    (moment.tif), or area.tif alone with exactly two dates": which series, and that "t": 2 (their first and
    last dates) trains on them as the layout allows, were left to guess."""
    from model_core import train

    root = str(tmp_path / "data")
    moment = layouts.write_generic(root)
    os.remove(os.path.join(root, "site_a", "moment.tif"))
    area = np.where(moment == 255, 255, moment > 0).astype(np.uint8)
    layouts._write_tif(os.path.join(root, "site_a", "area.tif"), area, epsg=32633)
    cfg = _cfg(tmp_path, root, 1)
    path = str(tmp_path / "cfg.json")
    with open(path, "w") as f:
        json.dump(cfg, f)
    assert train.main([path]) == 2
    err = capsys.readouterr().err
    assert "'site_a' with 3 dates" in err and '"t": 2 in the config\'s "data"' in err, err
    cfg["data"]["t"], cfg["t_min"], cfg["t_max"] = 2, 2, 2
    with open(path, "w") as f:
        json.dump(cfg, f)
    assert train.main([path]) == 0, capsys.readouterr().err


def test_a_fine_tune_reports_the_validation_of_its_starting_weights(tmp_path):
    """A fine-tune ("init") printed the CVA baseline and then each epoch's validation, never that of the file it
    started from: whether the epochs improved on it was left to a separate evaluate. It is now logged first,
    with the file's own no-change bias (as the file runs), scored like the epochs."""
    from model_core import calibrate, train
    from model_core import weights as wio

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    train.train(train.load_config(_cfg(tmp_path, root, 1)), log=lambda m: None)
    start = str(tmp_path / "start.pt")
    model = wio.load_model(str(tmp_path / "run" / "best.pt"))
    wio.save(start, model, model.weights_meta, model.band_order, calibration={"no_change_bias": 0.25})
    cfg = dict(_cfg(tmp_path, root, 1), init=start, out=str(tmp_path / "ft"))
    lines = []
    train.train(train.load_config(cfg), log=lines.append)
    said = [x for x in lines if x.startswith("validation of the starting weights (start.pt, with their no-change "
                                             "bias +0.25): area OA ")]
    assert len(said) == 1, lines
    val = train.validation_samples(train.load_config(cfg))
    area, moment, score = calibrate.score(val, calibrate.collect(wio.load_model(start), val), 0.25)
    assert said[0].endswith(f"; score {score:.4f}") and f"kappa {area['kappa']:.4f}" in said[0], (said, area)
    lines.clear()  # a start file without a bias: none named
    train.train(train.load_config(dict(cfg, init=str(tmp_path / "run" / "best.pt"), out=str(tmp_path / "ft2"))),
                log=lines.append)
    assert [x for x in lines if x.startswith("validation of the starting weights (best.pt): area OA ")], lines
    lines.clear()  # a run from scratch has no start to report
    train.train(train.load_config(dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "scratch"))), log=lines.append)
    assert not [x for x in lines if "starting weights" in x]


def test_init_weights_of_another_model_say_what_to_do(tmp_path, capsys):
    """A CAIM-Net config starting from a SChanger file said only "init weights 'x' are for 'schanger', not
    'caimnet'.": it now names the two ways out (a file of the config's model, or the file's model)."""
    from model_core import train
    from model_core import weights as wio
    from model_core.models import build_model

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    other = str(tmp_path / "sch.pt")
    wio.save(other, build_model("schanger"))
    path = str(tmp_path / "cfg.json")
    with open(path, "w") as f:
        json.dump(dict(_cfg(tmp_path, root, 1), init=other), f)
    assert train.main([path]) == 2
    err = capsys.readouterr().err
    assert "are for 'schanger', not 'caimnet'" in err and "(the bundled 'caimnet_rgbn.pt', say)" in err, err
    assert 'or set "model": "schanger"' in err and not os.path.exists(str(tmp_path / "run"))


def test_evaluate_of_a_file_trained_on_more_bands_than_the_series_have(tmp_path, capsys):
    """A file trained on 6-band series with "data": {"bands": [3, 4, 4, 6]}, evaluated on 4-band series,
    advised "run again with --bands 3,4,4,6", which evaluate then refused ("has 4 band(s); --bands 3,4,4,6
    asks for others"): it now says the series are not of the training imagery's kind."""
    from model_core import evaluate, train

    six, four = str(tmp_path / "six"), str(tmp_path / "four")
    layouts.write_generic(four)
    for name in os.listdir(os.path.join(four, "site_a")):
        src = os.path.join(four, "site_a", name)
        arr = gdal.Open(src).ReadAsArray()
        if name != "moment.tif":
            arr = np.concatenate([arr, arr[:2]])  # six bands
        layouts._write_tif(os.path.join(six, "site_a", name), arr, gdal.GDT_UInt16 if arr.ndim == 3 else gdal.GDT_Byte,
                           epsg=32633)
    cfg = _cfg(tmp_path, six, 1)
    cfg["data"] = dict(cfg["data"], bands=[3, 4, 4, 6])
    train.train(train.load_config(cfg), log=lambda m: None)
    w = str(tmp_path / "run" / "best.pt")
    assert evaluate.main(["--dataset", "generic", "--root", four, "--weights", w, "--tile", "16"]) == 0
    err = capsys.readouterr().err
    assert "band mapping 3,4,4,6" in err and "These images have 4 band(s)" in err, err
    assert "run again with --bands 3,4,4,6" not in err
    # on the training kind of series (six bands, which need a mapping) the advice is the mapping
    assert evaluate.main(["--dataset", "generic", "--root", six, "--weights", w, "--tile", "16"]) == 2
    assert "run again with --bands 3,4,4,6." in capsys.readouterr().err


def test_evaluate_names_the_series_a_two_date_model_cannot_score(tmp_path, capsys):
    """A SChanger file evaluated on series of three dates said only "SChanger compares exactly 2 dates, got 3"
    (from the model, naming no series and no way out)."""
    from model_core import evaluate, weights
    from model_core.models import build_model

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    w = str(tmp_path / "sch.pt")
    weights.save(w, build_model("schanger"))
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w]) == 2
    err = capsys.readouterr().err
    assert "compares at most 2 dates, but series '" in err and "has 3" in err and "--t 2" in err, err


def test_a_stop_while_a_checkpoint_is_written_leaves_nothing_a_later_run_trips_on(tmp_path, monkeypatch):
    """Ctrl-C while state.pt was written: in the first epoch it left last.pt and best.pt without state.pt (the
    next run refused the folder as a run, and --resume found no state.pt) and state.pt.part; in a later
    epoch it left history.json without that epoch for good (written after state.pt, in place). Now the
    first leaves nothing, and a resume of the second trains the epoch again and records it."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    saves = []
    real_save = torch.save

    def save(obj, path, *a, **k):  # stop at the stop_at-th save of state.pt
        saves.append(path)
        if str(path).endswith("state.pt") and sum(str(p).endswith("state.pt") for p in saves) == stop_at:
            with open(path, "wb") as f:
                f.write(b"PK half")
            raise KeyboardInterrupt
        return real_save(obj, path, *a, **k)

    monkeypatch.setattr(torch, "save", save)
    cfg = dict(_cfg(tmp_path, root, 1), out=str(tmp_path / "new" / "run"))
    stop_at = 1  # epoch 1's state.pt, after its last.pt and best.pt
    with pytest.raises(KeyboardInterrupt):
        train.train(train.load_config(cfg), log=lambda m: None)
    assert saves[-1].endswith("state.pt") and not (tmp_path / "new").exists()
    saves.clear()
    stop_at = 2  # epoch 2's state.pt
    cfg = dict(cfg, epochs=2)
    with pytest.raises(KeyboardInterrupt):
        train.train(train.load_config(cfg), log=lambda m: None)
    out = tmp_path / "new" / "run"
    assert saves[-1].endswith("state.pt"), saves
    assert not [f for f in os.listdir(str(out)) if f.endswith(".part") or f.startswith(".")]
    stop_at = 0
    hist = train.train(train.load_config(cfg), resume=True, log=lambda m: None)
    assert [h["epoch"] for h in hist] == [1, 2]
    assert [h["epoch"] for h in json.loads((out / "history.json").read_text())["epochs"]] == [1, 2]


def test_ctrl_c_while_evaluate_writes_its_json_leaves_no_part_file(tmp_path, capsys, monkeypatch):
    """Ctrl-C while --json was written said "Interrupted; nothing was written." and left scores.json.part."""
    from model_core import evaluate, weights
    from model_core.models import build_model

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    w = str(tmp_path / "w.pt")
    weights.save(w, build_model("caimnet", in_channels=4, **TINY))
    real_dump = json.dump

    def half(obj, f, *a, **k):
        f.write('{"args": ')
        raise KeyboardInterrupt

    monkeypatch.setattr(evaluate.json, "dump", half)
    assert evaluate.main(["--dataset", "generic", "--root", root, "--weights", w, "--tile", "16",
                          "--json", str(tmp_path / "scores.json")]) == 130
    monkeypatch.setattr(evaluate.json, "dump", real_dump)
    assert "Interrupted; nothing was written." in capsys.readouterr().err
    assert not [f for f in os.listdir(str(tmp_path)) if f.startswith("scores")]


def _killed_child(code):
    """Run ``code`` in a Python child process (the project on its path); it must end by SIGKILL."""
    import subprocess  # nosec B404 - our own code in a child process (SIGKILL would end pytest itself)
    import sys

    root_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,  # nosec B603
                         env=dict(os.environ, PYTHONPATH=root_dir), cwd=root_dir)
    assert run.returncode == -9, (run.returncode, run.stderr[-2000:])


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
def test_evaluate_killed_while_writing_its_json_leaves_no_part_file_for_good(tmp_path, capsys):
    """evaluate --json wrote 'OUT.part' beside OUT: killed on the spot (kill -9) while writing, it left that
    file for good, one more per killed run. It writes into a hidden folder locked for the run, which the next
    evaluate with --json into that folder removes."""
    from model_core import evaluate, weights
    from model_core.models import build_model

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    w = str(tmp_path / "w.pt")
    weights.save(w, build_model("caimnet", in_channels=4, **TINY))
    out = tmp_path / "out"
    out.mkdir()
    args = ["--dataset", "generic", "--root", root, "--weights", w, "--tile", "16", "--json", str(out / "s.json")]
    _killed_child("import json, os, signal\n"
                  "def half(obj, f, *a, **k):\n"
                  "    f.write('{\"args\": ')\n"
                  "    f.flush()\n"
                  "    os.kill(os.getpid(), signal.SIGKILL)\n"
                  "from model_core import evaluate\n"
                  "evaluate.json.dump = half\n"
                  f"evaluate.main({args!r})\n")
    left = os.listdir(out)
    assert len(left) == 1 and left[0].startswith(".caim-evaluate-"), left  # hidden, nothing under s.json's name
    assert evaluate.main(args) == 0
    assert os.listdir(out) == ["s.json"]  # the killed run's folder is gone
    assert json.loads((out / "s.json").read_text())["results"]
    capsys.readouterr()


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
def test_a_weights_file_saved_by_a_killed_process_stays_whole(tmp_path):
    """weights.save (calibrate --out, pretrain, ...) wrote 'FILE.part' and renamed it: killed on the spot while
    writing, the '.part' stayed for good. The file is written in a hidden folder locked for the process; the old
    file stays whole, and the next save into that folder removes what the killed one left."""
    from model_core import weights
    from model_core.models import build_model

    out = tmp_path / "w"
    out.mkdir()
    w = str(out / "cal.pt")
    weights.save(w, build_model("caimnet", in_channels=4, **TINY), meta={"which": "old"})
    _killed_child("import os, signal, torch\n"
                  "def half(obj, path, *a, **k):\n"
                  "    with open(path, 'wb') as f:\n"
                  "        f.write(b'PK half')\n"
                  "    os.kill(os.getpid(), signal.SIGKILL)\n"
                  "torch.save = half\n"
                  "from model_core import weights\n"
                  "from model_core.models import build_model\n"
                  f"weights.save({w!r}, build_model('caimnet', in_channels=4, **{TINY!r}), meta={{'which': 'new'}})\n")
    assert weights.read(w)["meta"]["which"] == "old"  # the old file, whole
    left = sorted(os.listdir(out))
    assert len(left) == 2 and left[0].startswith(".caim-weights-") and left[1] == "cal.pt", left
    weights.save(w, build_model("caimnet", in_channels=4, **TINY), meta={"which": "new"})
    assert os.listdir(out) == ["cal.pt"] and weights.read(w)["meta"]["which"] == "new"


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
def test_train_killed_while_a_checkpoint_is_written_resumes_from_the_last_complete_one(tmp_path, capsys):
    """train wrote 'last.pt.part', 'state.pt.part', ... beside the checkpoint files: killed on the spot (kill
    -9) while writing them, those stayed for good; killed in the first epoch's, it left last.pt, best.pt and
    config.json without state.pt, which the next run refused as a run ("Continue it with --resume") and
    --resume refused for the missing state.pt. Each checkpoint is now written whole in a hidden folder locked
    for the run and moved into place, state.pt last, config.json with the first checkpoint: after a kill -9 in
    the first epoch's checkpoint the same command starts afresh; after one in epoch 2's, --resume continues
    from epoch 1's checkpoint and ends where an uninterrupted run ends."""
    from model_core import train, weights

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    ref = dict(_cfg(tmp_path, root, 3), out=str(tmp_path / "ref"))
    train.train(train.load_config(ref), log=lambda m: None)
    out = tmp_path / "run"
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(dict(ref, out=str(out))))

    def killed_at(n):  # kill -9 while the n-th state.pt is written, after it wrote part of it
        _killed_child("import os, signal, sys, torch\n"
                      "real, count = torch.save, [0]\n"
                      "def save(obj, path, *a, **k):\n"
                      "    if os.path.basename(str(path)) in ('state.pt', 'state.pt.part'):\n"
                      "        count[0] += 1\n"
                      f"        if count[0] == {n}:\n"
                      "            with open(path, 'wb') as f:\n"
                      "                f.write(b'PK half')\n"
                      "            os.kill(os.getpid(), signal.SIGKILL)\n"
                      "    return real(obj, path, *a, **k)\n"
                      "torch.save = save\n"
                      "from model_core import train\n"
                      f"sys.exit(train.main([{str(cfg_path)!r}]))\n")

    killed_at(1)  # the first checkpoint: nothing in place, no config.json the next run would refuse
    assert [n for n in os.listdir(out) if not n.startswith(".caim-checkpoint-")] == []
    killed_at(2)  # epoch 2's checkpoint: epoch 1's in place, whole
    left = sorted(os.listdir(out))
    assert [n for n in left if not n.startswith(".")] == ["best.pt", "config.json", "history.json", "last.pt",
                                                          "state.pt"], left
    assert len(left) == 6 and not [n for n in left if n.endswith(".part")]  # one hidden folder: the killed run's
    assert [h["epoch"] for h in json.loads((out / "history.json").read_text())["epochs"]] == [1]
    assert train.main([str(cfg_path), "--resume"]) == 0
    assert "resumed from" in capsys.readouterr().err
    assert sorted(os.listdir(out)) == ["best.pt", "config.json", "history.json", "last.pt", "state.pt"]
    assert [h["epoch"] for h in json.loads((out / "history.json").read_text())["epochs"]] == [1, 2, 3]
    a = weights.read(str(tmp_path / "ref" / "last.pt"))["state_dict"]
    b = weights.read(str(out / "last.pt"))["state_dict"]
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_a_run_folder_without_state_pt_is_not_offered_for_resume(tmp_path, capsys):
    """last.pt and best.pt without state.pt (an earlier version's run stopped between its first checkpoint's
    files): the next run said "Continue it with --resume", which then refused for the missing state.pt."""
    from model_core import train, weights
    from model_core.models import build_model

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    out = tmp_path / "run"
    out.mkdir()
    for name in ("last.pt", "best.pt"):
        weights.save(str(out / name), build_model("caimnet", in_channels=4, **TINY))
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(_cfg(tmp_path, root, 1)))
    assert train.main([str(cfg_path)]) == 2
    err = capsys.readouterr().err
    assert "stopped before its first checkpoint was complete" in err and "--overwrite" in err, err
    assert "--resume" not in err
    assert train.main([str(cfg_path), "--overwrite"]) == 0
    assert sorted(os.listdir(out)) == ["best.pt", "config.json", "history.json", "last.pt", "state.pt"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
def test_an_overwrite_killed_before_its_first_checkpoint_leaves_the_earlier_run_whole(tmp_path):
    """train --overwrite deleted the earlier run's files at its start: killed on the spot (kill -9) before its
    first checkpoint, it left neither run. The earlier run's files now go only with the first checkpoint."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg_path = tmp_path / "cfg.json"
    cfg_path.write_text(json.dumps(_cfg(tmp_path, root, 2)))
    assert train.main([str(cfg_path)]) == 0
    out = tmp_path / "run"
    before = {n: (out / n).read_bytes() for n in sorted(os.listdir(out))}
    _killed_child("import os, signal, sys, torch\n"
                  "def save(obj, path, *a, **k):\n"
                  "    os.kill(os.getpid(), signal.SIGKILL)\n"
                  "torch.save = save\n"
                  "from model_core import train\n"
                  f"sys.exit(train.main([{str(cfg_path)!r}, '--overwrite']))\n")
    assert {n: (out / n).read_bytes() for n in sorted(os.listdir(out)) if not n.startswith(".")} == before
    assert train.main([str(cfg_path), "--resume", "--epochs", "3"]) == 0  # the earlier run goes on
    assert [h["epoch"] for h in json.loads((out / "history.json").read_text())["epochs"]] == [1, 2, 3]
    assert not [n for n in os.listdir(out) if n.startswith(".")]


def test_every_config_in_configs_loads_and_the_own_series_example_trains(tmp_path):
    """configs/ had no example for the user's own labelled series (the README's generic layout): a new user wrote
    one from the docstring. configs/caimnet_own_series.json is that example; every config there must load (a
    renamed key would leave a stale example), and the example, pointed at a generic folder, trains."""
    import glob

    from model_core import train

    root_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    example = os.path.join(root_dir, "configs", "caimnet_own_series.json")
    for path in sorted(glob.glob(os.path.join(root_dir, "configs", "*.json"))):
        if path != example:
            train.load_config(path)
    with open(example) as f:
        cfg = json.load(f)
    assert cfg["data"]["kind"] == "generic" and cfg["data"]["val_root"] and cfg["init"]
    data, val = str(tmp_path / "train"), str(tmp_path / "val")
    layouts.write_generic(data)
    layouts.write_generic(val, rng=np.random.default_rng(5))
    cfg["data"].update(root=data, val_root=val)
    cfg.update(init=os.path.join(root_dir, cfg["init"]), out=str(tmp_path / "run"), epochs=1, steps_per_epoch=1,
               val_samples=2, batch=2, patch=16, threads=1)
    train.train(train.load_config(cfg), log=lambda m: None)
    assert os.path.isfile(str(tmp_path / "run" / "best.pt"))


def test_a_misspelt_deepcl_option_is_refused_before_the_run(tmp_path, capsys):
    """"deepcl": {"temperatur": 0.1} with a DeepCL weight passed the config check and stopped the run at its
    first step with "TypeError: deepcl_loss() got an unexpected keyword argument" (a traceback, after the
    validation set was built). It is refused with the known keys, as a misspelt "data" key is."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    path = str(tmp_path / "cfg.json")
    for options, said in (({"temperatur": 0.1}, "deepcl has key(s) temperatur that DeepCL does not know; known keys: "
                                                "margin, "),
                          ({"margin": "1"}, "deepcl.margin must be a number, not '1'")):
        with open(path, "w") as f:
            json.dump(dict(_cfg(tmp_path, root, 1), deepcl_weight=0.1, deepcl=options), f)
        assert train.main([path]) == 2
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err, err
        assert not os.path.exists(str(tmp_path / "run"))
    with open(path, "w") as f:
        json.dump(dict(_cfg(tmp_path, root, 1), deepcl_weight=0.1, deepcl={"margin": 0.5}), f)
    assert train.main([path]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("options,said", [
    ({"featurs": 8}, "model_config has key(s) featurs that CAIMNet does not take; known keys: features, "),
    ({"features": "8"}, "model_config.features must be a whole number of at least 1, not '8'"),
    ({"features": 0}, "model_config.features must be a whole number of at least 1, not 0"),
    ({"features": -4}, "model_config.features must be a whole number of at least 1, not -4"),
    ({"features": 8, "heads": 3}, "does not fit caimnet (preset 'default'): heads (3) must divide the features (8)"),
])
def test_model_options_that_cannot_build_a_network_are_refused(tmp_path, capsys, options, said):
    """A feature count of 0 or -4 stopped train in a traceback from inside PyTorch, "8" as text with "not all
    arguments converted during string formatting", heads that do not divide the features at the first step
    (a reshape, after the validation set was built). Each is refused before the run, naming the key."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = _cfg(tmp_path, root, 1)
    cfg["model_config"] = dict(TINY, **options)
    path = str(tmp_path / "cfg.json")
    with open(path, "w") as f:
        json.dump(cfg, f)
    assert train.main([path]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err, err
    assert not os.path.exists(cfg["out"])


@pytest.mark.parametrize("data,said", [
    ({"t": "3"}, "data.t must be null (every date) or a whole number of dates of at least 2, not '3'"),
    ({"split": "train"}, "data.split applies to the pairs and oscd kinds; for generic, point data.root at the"),
    ({"val_split": "val"}, "data.val_split applies to the pairs and oscd kinds; for generic, point data.val_root"),
    ({"cache": 0}, "data.cache must be a whole number of tiles of at least 1, not 0"),
    ({"scene_stats": "yes"}, "data.scene_stats must be true or false, not 'yes'"),
    ({"kind": "semisynthetic", "root": None, "landcover_prob": "0.3"},
     "data.landcover_prob must be a share between 0 and 1, not '0.3'"),
    ({"kind": "semisynthetic", "root": None, "road_prob": 3}, "data.road_prob must be a share between 0 and 1, not 3"),
    ({"kind": "semisynthetic", "root": None, "sources": "naip"}, "data.sources must be a list of source names"),
])
def test_data_values_are_checked_before_the_run(tmp_path, capsys, data, said):
    """The "data" options went to the loaders and the generator as they were: "t": "3" ended in a TypeError
    traceback, "split" on a generic folder in a message about --split and --root (evaluate's options), a
    semi-synthetic "landcover_prob": "0.3" or 3 trained without a word. Each is refused, naming the key."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = _cfg(tmp_path, root, 1)
    cfg["data"] = dict(cfg["data"], **data)
    path = str(tmp_path / "cfg.json")
    with open(path, "w") as f:
        json.dump(cfg, f)
    assert train.main([path]) == 2
    err = capsys.readouterr().err
    assert "error: Config: " + said in err and "Traceback" not in err, err
    assert not os.path.exists(cfg["out"])


def test_a_config_too_short_for_its_warmup_is_refused_whatever_epochs_and_steps_say(tmp_path, capsys):
    """Any --epochs/--steps turned the refusal of a warm-up longer than the run into a warning: `--epochs 1` on a
    config of 1 epoch x 2 steps with warmup_steps 5 (the config's own length, too short by itself) trained at a
    rate that never reached lr. Only a command line that shortened a config long enough for its warm-up gets the
    warning (test_a_run_shortened_on_the_command_line_trains_past_its_configs_warmup)."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(dict(_cfg(tmp_path, root, 1), warmup_steps=5)))  # 1 x 2 = 2 steps
    for options, total in ((["--epochs", "1"], 2), (["--steps", "2"], 2), (["--epochs", "2"], 4)):
        assert train.main([str(p)] + options) == 2, options
        err = capsys.readouterr().err
        assert f"error: Config: warmup_steps is 5, more than the run's {total} steps (epochs x steps_per_epoch)" in err
        assert "warning:" not in err and not (tmp_path / "run").exists()


def test_a_run_shortened_on_the_command_line_trains_past_its_configs_warmup(tmp_path, capsys):
    """A config whose warmup_steps fit its own epochs x steps_per_epoch (every config in configs/ has 50 or 100 of
    1000 or more) was refused when --epochs/--steps shortened the run (a smoke test: `train configs/X.json
    --epochs 1 --steps 2`), with no option to lower the warm-up; and the run's recorded config (the shortened
    numbers) was then refused by --resume and by calibrate, which reloads a weights file's stored config. Now
    such a run trains with a warning, resumes, and calibrates; a config that is too short by itself is still
    refused (test_config_mistakes_are_refused_with_the_key_before_anything_is_written)."""
    from model_core import calibrate, train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    cfg = dict(_cfg(tmp_path, root, 10), warmup_steps=5)  # 10 x 2 = 20 steps: the config itself is fine
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(cfg))
    assert train.main([str(p), "--epochs", "1", "--steps", "2"]) == 0
    err = capsys.readouterr().err
    assert "warning: warmup_steps (5) is more than this run's 2 steps (epochs x steps_per_epoch)" in err
    assert "Traceback" not in err
    run = tmp_path / "run"
    assert (run / "best.pt").is_file()
    # the run's own record (epochs 1, steps_per_epoch 2, warmup_steps 5) resumes, with the warning again
    assert train.main([str(run / "config.json"), "--resume", "--epochs", "2"]) == 0
    err = capsys.readouterr().err
    assert "warmup_steps (5) is more than this run's 4 steps" in err and "resumed from" in err
    # calibrate reloads the config stored in the weights file (no --config)
    assert calibrate.main(["--weights", str(run / "best.pt"), "--out", str(tmp_path / "cal.pt")]) == 0
    assert (tmp_path / "cal.pt").is_file()


def test_a_checkpoint_that_cannot_be_written_names_the_run_folders_file_and_says_what_to_do(tmp_path, capsys):
    """An OSError at a checkpoint (here: a folder named best.pt in the run folder replaced with --overwrite) printed
    the system's bare "error: Is a directory: <the hidden staging folder>/best.pt.", in English in every language:
    now the run folder's file, the reason in the run's language and what to do."""
    from model_core import train
    from model_core.i18n import set_language

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(_cfg(tmp_path, root, 1)))
    best = tmp_path / "run" / "best.pt"
    (best / "inside").mkdir(parents=True)
    assert train.main([str(p), "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == (
        f"error: '{best}' could not be written or read (Is a directory). Check that you may write to (or read) it, "
        "that it is a file and not a folder, and that the disk has free space; then run the same command again."), err
    assert ".caim-" not in err
    before = set_language("de")
    try:
        assert train.main([str(p), "--overwrite"]) == 2
    finally:
        set_language(before)
    err = capsys.readouterr().err
    assert f"'{best}' konnte nicht geschrieben oder gelesen werden (ist ein Ordner)." in err, err


def test_a_warmup_longer_than_a_run_of_one_step_says_one_step(tmp_path, capsys):
    """"the run's 1 steps" / "this run's 1 steps": the refusal and the warning of a warm-up longer than the run
    say "1 step" for a run of one step (and "2 steps" as before for two: the tests of _check_warmup above)."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    p = tmp_path / "cfg.json"
    p.write_text(json.dumps(dict(_cfg(tmp_path, root, 1), steps_per_epoch=1, warmup_steps=5)))
    assert train.main([str(p)]) == 2
    err = capsys.readouterr().err
    assert "error: Config: warmup_steps is 5, more than the run's 1 step (epochs x steps_per_epoch)" in err, err
    p.write_text(json.dumps(dict(_cfg(tmp_path, root, 10), warmup_steps=5)))  # 10 x 2: long enough by itself
    assert train.main([str(p), "--epochs", "1", "--steps", "1"]) == 0
    err = capsys.readouterr().err
    assert "warning: warmup_steps (5) is more than this run's 1 step (epochs x steps_per_epoch)" in err, err


@pytest.mark.shared
def test_val_data_draws_the_validation_series_with_their_own_generator_options(shared_data):
    """"val_data" changes the validation series only (e.g. drawn as evaluate draws them while the training recipe is
    harder); the training batches are the data section's; checked values and keys, worded with val_data."""
    from model_core import train
    from model_core.errors import CaimError

    base = {"data": {"kind": "semisynthetic", "no_change_prob": 0.0}, "patch": 32, "val_samples": 4}
    cfg = train.load_config(dict(base, val_data={"no_change_prob": 1.0}))
    val = train.validation_samples(cfg)
    assert all((s["moment"][s["moment"] != 255] == 0).all() for s in val)  # every validation series unchanged
    plain = train.validation_samples(train.load_config(base))
    assert any((s["moment"][s["moment"] != 255] > 0).any() for s in plain)
    batch = train._Source(cfg, "train").batch(np.random.default_rng(1), 4, 3)
    assert (batch["moment"][batch["moment"] != 255] > 0).any()  # training: the data section's recipe
    for val_data, said in (({"haze_prob": 2}, "val_data.haze_prob must be a share between 0 and 1, not 2"),
                           ({"hazeprob": 0.1}, "val_data has key(s) hazeprob that data kind 'semisynthetic' does not"),
                           ([1], "val_data must be an object of generator options")):
        with pytest.raises(CaimError, match=re.escape(said)):
            train.load_config(dict(base, val_data=val_data))


def test_coregister_batches_of_real_series_with_other_date_counts(tmp_path):
    """"coregister": true on a loader of real series (generic) whose series have other numbers of dates than the
    step's t: the batch is the loader's (one series length for all of it, as without co-registration), each
    series moved; it stacked series of 3 and 2 dates and failed with numpy's 'all input arrays must have the same
    shape'."""
    from model_core import train

    root = str(tmp_path / "data")
    layouts.write_generic(root)  # site_a: 3 dates
    for name in ("2020-01-01.tif", "2021-01-01.tif"):  # site_b: 2 dates
        layouts._write_tif(os.path.join(root, "site_b", name),
                           np.random.default_rng(len(name)).integers(0, 10000, (4, layouts.SIZE, layouts.SIZE)).astype(
                               np.uint16), gdal.GDT_UInt16, epsg=32633)
    moment = np.zeros((layouts.SIZE, layouts.SIZE), np.uint8)
    moment[2:6, 2:6] = 1
    layouts._write_tif(os.path.join(root, "site_b", "moment.tif"), moment, epsg=32633)
    sources = [train._Source(train.load_config({"data": {"kind": "generic", "root": root}, "patch": 16,
                                                "coregister": co}), "train") for co in (False, True)]
    assert sorted(s.t for s in sources[1].gen.series) == [2, 3]
    for seed in range(6):
        plain, moved = (src.batch(np.random.default_rng(seed), 4, 5) for src in sources)
        assert moved["values"].shape == plain["values"].shape  # the same draws, co-registered
        assert (moved["moment"][~moved["valid"]] == 255).all()
