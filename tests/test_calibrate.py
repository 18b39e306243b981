"""Decision calibration: the no-change bias, its storage in weights files and its choice on validation data."""

import json
import os

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


def test_total_area_rule_calls_spread_probability_changed():
    """The "total" rule calls a pixel changed when the intervals together beat "no change" (the "max"
    rule compares with the most probable interval alone); the moment stays the most probable
    interval, the torch and numpy decisions agree, and the bias still moves the decision."""
    from model_core.calibrate import decide_np
    from model_core.models import decide

    p = torch.tensor([[0.40, 0.30, 0.20, 0.10],     # spread over intervals: changed only by "total"
                      [0.70, 0.10, 0.15, 0.05],     # no change under both rules
                      [0.10, 0.20, 0.60, 0.10]])    # clear change at interval 2 under both
    lp = torch.log(p.T.reshape(1, 4, 3, 1))
    expect = {"max": [0, 0, 2], "total": [1, 0, 2]}
    for rule, want in expect.items():
        got = decide(lp, 0.0, rule).argmax(1).flatten().tolist()
        assert got == want, rule
        assert decide_np(lp[0].numpy(), 0.0, rule).flatten().tolist() == want
        assert torch.allclose(decide(lp, 0.3, rule).exp().sum(1), torch.ones(1, 3, 1), atol=1e-5)
    # with b = log(0.6 / 0.4) + a little, the first pixel is unchanged again under "total"
    assert decide(lp, float(np.log(1.5)) + 0.01, "total").argmax(1).flatten().tolist() == [0, 0, 2]
    assert decide(lp, 0.0, "max").equal(lp)


def test_calibrate_writes_the_area_rule_and_the_engine_applies_it(tmp_path):
    import pytest

    from model_core.calibrate import main
    from model_core.errors import WeightsError
    from model_core.models import decide

    torch.manual_seed(4)
    src, tot, bad = (str(tmp_path / n) for n in ("src.pt", "tot.pt", "bad.pt"))
    model = build_model("caimnet").eval()
    W.save(src, model)
    assert main(["--weights", src, "--out", tot, "--bias", "0.25", "--area-rule", "total"]) == 0
    assert W.read(tot)["calibration"]["area_rule"] == "total"
    a, b = W.load_model(src), W.load_model(tot)
    assert b.area_rule == "total" and b.no_change_bias == 0.25
    x = torch.randn(1, 4, 4, 32, 32)
    with torch.no_grad():
        assert torch.allclose(b(x)["moment"], decide(a(x)["moment"], 0.25, "total"), atol=1e-5)
    from model_core.predict import apply_sensitivity

    apply_sensitivity(b, 0.5)                      # the user's sensitivity keeps the file's rule
    assert b.area_rule == "total" and abs(b.no_change_bias + 0.25) < 1e-9
    W.save(bad, model, calibration={"no_change_bias": 0.5, "area_rule": "median"})
    with pytest.raises(WeightsError, match="area rule 'median'"):
        W.load_model(bad)


def test_evaluate_and_calibrate_take_auto_and_name_a_missing_gpu(tmp_path, capsys, monkeypatch):
    """calibrate --device auto (its help's own choice) stopped with torch's traceback ("Expected one of cpu,
    cuda, ... device type at start of device string: auto"), and evaluate or calibrate with --device cuda on
    a machine without a GPU with "AssertionError: Torch not compiled with CUDA enabled"; detect and train
    said what to do."""
    import pytest

    from model_core.calibrate import main
    from model_core.errors import CaimError
    from model_core.evaluate import main as evaluate_main

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    src, out = str(tmp_path / "src.pt"), str(tmp_path / "out.pt")
    W.save(src, build_model("caimnet"), meta={"note": "x"})
    assert main(["--weights", src, "--out", out, "--bias", "0.5", "--device", "auto"]) == 0
    assert W.read(out)["calibration"]["no_change_bias"] == 0.5
    for device in ("cuda", "cuda:0"):
        with pytest.raises(CaimError, match="CUDA is not available here"):
            main(["--weights", src, "--out", str(tmp_path / "gpu.pt"), "--bias", "0.5", "--device", device])
        assert not os.path.exists(str(tmp_path / "gpu.pt"))
        assert evaluate_main(["--dataset", "generic", "--root", str(tmp_path), "--weights", src,
                              "--device", device]) == 2
        err = capsys.readouterr().err
        assert "CUDA is not available here" in err and "Traceback" not in err, err
    with pytest.raises(CaimError, match="Unknown device 'gpu'"):
        main(["--weights", src, "--out", str(tmp_path / "gpu.pt"), "--bias", "0.5", "--device", "gpu"])


def test_ctrl_c_in_calibrate_is_a_message_and_leaves_no_file(tmp_path, capsys, monkeypatch):
    """Ctrl-C while calibrate scored the validation series printed a KeyboardInterrupt traceback (train and
    evaluate said what they kept); one while a weights file was being written left its '.part' beside it."""
    import pytest

    from model_core import train
    from model_core.cli import main

    src, out = str(tmp_path / "src.pt"), str(tmp_path / "out.pt")
    W.save(src, build_model("caimnet"), meta={"note": "x"})

    def stopped(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(train, "validation_samples", stopped)  # Ctrl-C while the series are built
    config = tmp_path / "config.json"
    config.write_text('{"val_samples": 1, "patch": 16, "t_max": 3}')
    try:
        rc = main(["calibrate", "--weights", src, "--out", out, "--config", str(config)])
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C left calibrate as a KeyboardInterrupt traceback")
    assert rc == 130
    err = capsys.readouterr().err
    assert "Interrupted; nothing was written." in err and "Traceback" not in err, err
    assert sorted(os.listdir(str(tmp_path))) == ["config.json", "src.pt"]

    def half_written(obj, f, *a, **k):
        with open(f, "wb") as fh:
            fh.write(b"PK\x03\x04 half")
        raise KeyboardInterrupt

    monkeypatch.setattr(torch, "save", half_written)
    with pytest.raises(KeyboardInterrupt):
        W.save(src, build_model("caimnet"))
    assert sorted(os.listdir(str(tmp_path))) == ["config.json", "src.pt"]
    assert W.read(src)["meta"] == {"note": "x"}


def test_evaluate_and_calibrate_refuse_a_network_of_another_band_count(tmp_path, capsys):
    """A weights file whose network takes 6 bands stopped evaluate and calibrate with torch's 'expected input
    [1, 4, ...] to have 6 channels' traceback; detect refused it with a message."""
    import pytest

    from model_core.calibrate import main
    from model_core.errors import CaimError
    from model_core.evaluate import main as evaluate_main
    from tests.fixtures import layouts

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    six = str(tmp_path / "six.pt")
    W.save(six, build_model("caimnet", in_channels=6, features=8, stem=4, window=8, heads=1))
    for model in ("caimnet", "caimnet_cva"):
        assert evaluate_main(["--dataset", "generic", "--root", root, "--weights", six, "--model", model,
                              "--tile", "16"]) == 2
        err = capsys.readouterr().err
        assert "six.pt' takes 6 input bands" in err and "Traceback" not in err, err
    config = tmp_path / "config.json"
    config.write_text('{"val_samples": 1, "patch": 16, "t_max": 3, "data": {"kind": "generic", "root": "%s"}}'
                      % root)
    with pytest.raises(CaimError, match="six.pt' takes 6 input bands"):
        main(["--weights", six, "--out", str(tmp_path / "c.pt"), "--config", str(config)])
    assert not os.path.exists(str(tmp_path / "c.pt"))


def test_calibrate_on_own_series_says_where_it_validates(tmp_path, capsys):
    """On the user's own series calibrate said "building N validation series (split 'val', T 2..10, ...)" (the
    semi-synthetic wording, with a T range the series' labels do not follow), and chose the bias on the
    training series without a word when the config had no val_root (train warns of it)."""
    from model_core.calibrate import main
    from tests.fixtures import layouts

    root, val = str(tmp_path / "data"), str(tmp_path / "val")
    layouts.write_generic(root)
    layouts.write_generic(val, rng=np.random.default_rng(7))
    src = str(tmp_path / "src.pt")
    W.save(src, build_model("caimnet", features=8, stem=4, window=8, heads=1))
    for name, data, warned in (("own", {"kind": "generic", "root": root}, True),
                               ("held", {"kind": "generic", "root": root, "val_root": val}, False)):
        config = tmp_path / f"{name}.json"
        config.write_text(json.dumps({"val_samples": 2, "patch": 16, "data": data,
                                      "model_config": {"features": 8, "stem": 4, "window": 8, "heads": 1}}))
        assert main(["--weights", src, "--out", str(tmp_path / f"{name}.pt"), "--config", str(config)]) == 0
        err = capsys.readouterr().err
        folder = val if name == "held" else root
        assert f"building 2 validation patches of the generic series at '{folder}' (16 px" in err, err
        assert ("no held-out series" in err) == warned, err


def test_evaluate_refuses_weights_of_another_network_than_the_one_named(tmp_path, capsys):
    """evaluate --model schanger --weights caimnet.pt scored the file's CAIM-Net under the SChanger flag
    without a word (detect refuses the same pair); without --model the file's own network runs, as the help
    says."""
    from model_core.evaluate import main as evaluate_main
    from tests.fixtures import layouts

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    net = str(tmp_path / "net.pt")
    W.save(net, build_model("caimnet", features=8, stem=4, window=8, heads=1))
    assert evaluate_main(["--dataset", "generic", "--root", root, "--weights", net, "--model", "schanger",
                          "--tile", "16", "--no-baseline"]) == 2
    err = capsys.readouterr().err
    assert "net.pt' is for the 'caimnet' model, not 'schanger'" in err and "Traceback" not in err, err
    scores = str(tmp_path / "scores.json")
    assert evaluate_main(["--dataset", "generic", "--root", root, "--weights", net, "--tile", "16",
                          "--no-baseline", "--json", scores]) == 0
    with open(scores, encoding="utf-8") as f:
        given = json.load(f)["args"]
    assert given["model"] == "caimnet" and "named" not in given  # the options as given, no flag of evaluate's own
    out = capsys.readouterr().out
    assert "caimnet (net.pt)" in out
    # the folder's labels are the user's own, real or made: not called 'real labels' (they were)
    assert "Dataset: generic (the folder's labels)" in out and "real labels" not in out, out


def test_calibrate_on_image_pairs_names_the_folder_and_split_train_validates_on(tmp_path, capsys):
    """With pairs (and oscd) the validation patches come from val_root (else root) and val_split (else split),
    as train reads them; calibrate named root and val_split in one quoted path ('R, split val') whatever
    val_root said, and no split at all when only split was given."""
    from model_core.calibrate import main
    from tests.fixtures import layouts

    root, val = str(tmp_path / "pairs"), str(tmp_path / "held")
    layouts.write_pairs(root, split="train", names=("train_1", "train_2"))
    layouts.write_pairs(val, split="val", names=("val_1", "val_2"))
    src = str(tmp_path / "src.pt")
    W.save(src, build_model("caimnet", features=8, stem=4, window=8, heads=1))
    for name, data, said in (
            ("held", {"kind": "pairs", "root": root, "split": "train", "val_root": val, "val_split": "val"},
             f"at '{val}', split 'val' (16 px"),
            ("own", {"kind": "pairs", "root": root, "split": "train"}, f"at '{root}', split 'train' (16 px")):
        config = tmp_path / f"{name}.json"
        config.write_text(json.dumps({"val_samples": 2, "patch": 16, "data": data,
                                      "model_config": {"features": 8, "stem": 4, "window": 8, "heads": 1}}))
        assert main(["--weights", src, "--out", str(tmp_path / f"{name}.pt"), "--config", str(config)]) == 0
        err = capsys.readouterr().err
        assert f"building 2 validation patches of the pairs series {said}" in err, err


def test_calibrate_and_train_word_a_label_that_is_a_folder(tmp_path, capsys):
    """A series whose moment.tif is a folder: calibrate raised FileNotFoundError ("neither moment.tif nor area.tif
    found") as a traceback (it did not catch the loaders' errors, which train words as "Training data ..."), and
    train said that neither label was found beside the folder of that name."""
    from model_core import train
    from model_core.calibrate import main
    from model_core.errors import CaimError
    from tests.fixtures import layouts

    root = tmp_path / "data"
    layouts.write_generic(str(root))
    (root / "site_a" / "moment.tif").unlink()
    (root / "site_a" / "moment.tif").mkdir()
    tiny = {"features": 8, "stem": 4, "window": 8, "heads": 1}
    src = str(tmp_path / "src.pt")
    W.save(src, build_model("caimnet", **tiny))
    config = tmp_path / "cfg.json"
    config.write_text(json.dumps({"val_samples": 2, "patch": 16, "data": {"kind": "generic", "root": str(root)},
                                  "model_config": tiny, "epochs": 1, "steps_per_epoch": 1, "threads": 1,
                                  "out": str(tmp_path / "run")}))
    expected = (f"Training data (generic at '{root}'): '{root / 'site_a' / 'moment.tif'}' is a folder where a file "
                "was expected: move it out of the dataset, or rename it")
    try:
        main(["--weights", src, "--out", str(tmp_path / "cal.pt"), "--config", str(config)])
    except CaimError as exc:
        assert expected in str(exc)
    else:
        raise AssertionError("calibrate took a label that is a folder")
    assert not (tmp_path / "cal.pt").exists()
    assert train.main([str(config)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert not (tmp_path / "run").exists()


def test_calibrate_refuses_an_out_that_is_a_folder_before_it_sweeps(tmp_path, capsys):
    """An --out that is a folder, with --overwrite, was an IsADirectoryError traceback once the sweep was done (at
    the hidden staging file's move); without --overwrite it was told to pass --overwrite, which led there."""
    from model_core.cli import main

    src = str(tmp_path / "src.pt")
    W.save(src, build_model("caimnet", features=8, stem=4, window=8, heads=1))
    folder = tmp_path / "calibrated"
    folder.mkdir()
    for extra in (["--overwrite"], []):
        assert main(["calibrate", "--weights", src, "--out", str(folder), "--bias", "0.5"] + extra) == 2
        err = capsys.readouterr().err
        assert err.strip() == f"error: --out '{folder}' is a folder; give a file name.", err
    assert sorted(os.listdir(tmp_path)) == ["calibrated", "src.pt"]
    assert not os.listdir(folder)


def test_calibrate_words_a_file_it_may_not_replace(tmp_path):
    """The move of the calibrated file over --out refused by the system (here: another user's file in a sticky
    folder such as /tmp, which --overwrite may not replace) was a PermissionError traceback; now the path, the
    reason and what to do, and no hidden staging folder left.  Root may replace any file: as root, calibrate runs
    as the user nobody (setpriv)."""
    import shutil
    import subprocess  # nosec B404 -- runs this repository's own CLI, no shell
    import sys
    import tempfile

    import pytest

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv: a file of another user in a sticky folder")
    folder = tempfile.mkdtemp(prefix="caim-sticky-", dir="/tmp")
    try:
        os.chmod(folder, 0o1777)
        src, out = os.path.join(folder, "src.pt"), os.path.join(folder, "cal.pt")
        W.save(src, build_model("caimnet", features=8, stem=4, window=8, heads=1))
        os.chmod(src, 0o644)
        with open(out, "w") as f:
            f.write("the user's file")
        repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = dict(os.environ, PYTHONPATH=repo, CAIM_LANGUAGE="en", HOME="/tmp")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = subprocess.run(prefix + [sys.executable, "-c", "import torch, model_core.calibrate"],  # nosec B603
                               capture_output=True, text=True, cwd="/tmp", env=env)
        if probe.returncode:
            pytest.skip("the user nobody cannot run this checkout (%s)" % probe.stderr.strip().splitlines()[-1])
        run = subprocess.run(prefix + [sys.executable, "-m", "model_core", "calibrate", "--weights", src,  # nosec B603
                                       "--out", out, "--bias", "0.5", "--overwrite"],
                             capture_output=True, text=True, cwd="/tmp", env=env)
        left = sorted(os.listdir(folder))
        with open(out) as f:
            kept = f.read()
    finally:
        shutil.rmtree(folder)
    assert run.returncode == 2, run.stderr
    assert run.stderr.strip() == (f"error: '{out}' could not be written (Operation not permitted). Check that you may "
                                  "write to it and that the disk has free space; then run the same command again."), \
        run.stderr
    assert left == ["cal.pt", "src.pt"] and kept == "the user's file"


def test_calibrate_coregisters_its_validation_series_as_detect_does(tmp_path, monkeypatch, capsys):
    """The bias is chosen on validation series co-registered as the engine co-registers a run's dates (on by
    default, --no-coregister to leave them as drawn), and the file records which."""
    from model_core import train
    from model_core.calibrate import main
    from tests.fixtures import layouts

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    src = str(tmp_path / "src.pt")
    W.save(src, build_model("caimnet", features=8, stem=4, window=8, heads=1))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"val_samples": 2, "patch": 16, "data": {"kind": "generic", "root": root},
                                  "model_config": {"features": 8, "stem": 4, "window": 8, "heads": 1}}))
    seen = []
    real = train.validation_samples
    monkeypatch.setattr(train, "validation_samples", lambda cfg: seen.append(cfg["coregister"]) or real(cfg))
    for flag, expected in ((None, True), ("--no-coregister", False), ("--coregister", True)):
        out = str(tmp_path / f"{flag}.pt")
        assert main(["--weights", src, "--out", out, "--config", str(config)] + ([flag] if flag else [])) == 0
        assert seen[-1] is expected
        assert json.loads(W.load_model(out).calibration["validation"])["coregister"] is expected
        err = capsys.readouterr().err
        assert ("the validation series are co-registered as detect" in err) is expected, err
        assert ("the validation series are used as drawn, not co-registered" in err) is not expected, err
