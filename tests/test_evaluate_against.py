"""evaluate --against: a second weights file of the same network on the same series and pixels, with the paired
block-bootstrap interval of the kappa difference (model - against)."""

import json
import os
import subprocess  # nosec B404
import sys

import pytest

from model_core import evaluate

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "data")
WEIGHTS = os.path.join(ROOT, "resources", "weights")
DEFAULT = os.path.join(WEIGHTS, "caimnet_rgbn.pt")
MIXED = os.path.join(WEIGHTS, "caimnet_rgbn_mixed_sources.pt")
needs_shared = pytest.mark.skipif(not os.path.isdir(os.path.join(SHARED, "naip-north-dakota")),
                                  reason="../shared/data is absent: the semi-synthetic generator is not tested")
# a few small semi-synthetic series (T = 3, 4; one has a change at its second interval, so the moment table is
# printed), 16 px blocks: 4 blocks per series
COMMON = ["--dataset", "semisynthetic", "--samples", "4", "--t-min", "3", "--t-max", "4", "--patch", "32",
          "--scene-stats", "--threads", "1", "--bootstrap-block", "16"]


def _row(out, label, table):
    """The tokens after ``label`` on its row of the area or moment table."""
    title = {"area": "Change area", "moment": "Change moment (class k"}[table]
    section = out.split(title, 1)[1].split("\n\n", 1)[0]
    rows = [line[len(label):].split() for line in section.splitlines() if line.startswith(label + " ")]
    assert len(rows) == 1, (label, section)
    return rows[0]


def _printed_kappas(out, label):
    """The kappas of ``label``'s rows as the tables print them: area (last column), moment (after pixels, OA)."""
    return {"area": _row(out, label, "area")[5], "moment": _row(out, label, "moment")[2]}


def _difference_line(out):
    lines = [line for line in out.splitlines() if line.startswith("  kappa difference (model - against)")]
    assert len(lines) == 1, out
    return lines[0]


@pytest.mark.shared
@needs_shared
def test_a_file_against_itself_differs_by_exactly_zero(tmp_path, capsys, monkeypatch):
    """The bundled file against itself: the same row twice, a difference of exactly 0 and a paired interval of
    [0, 0] for area and moment (every resample draws the same blocks for both); the series are built once and
    each model runs once per series; without the baseline no 'model - baseline' interval is made of the two."""
    built, runs = [], []
    series_for, predict_scene = evaluate._series_for, evaluate.predict_scene
    monkeypatch.setattr(evaluate, "_series_for", lambda args: built.append(1) or series_for(args))
    monkeypatch.setattr(evaluate, "predict_scene", lambda model, *a, **k: runs.append(id(model)) or
                        predict_scene(model, *a, **k))
    assert evaluate.main(COMMON + ["--weights", DEFAULT, "--against", DEFAULT,
                                   "--json", str(tmp_path / "self.json")]) == 0
    out = capsys.readouterr().out
    assert len(built) == 1 and len(runs) == 2 * 4 and len(set(runs)) == 2   # 4 series, 2 models, once each
    assert "against: caimnet (caimnet_rgbn.pt)" in out
    assert _printed_kappas(out, "caimnet (caimnet_rgbn.pt)") == _printed_kappas(out, "against: caimnet (caimnet_rgbn.pt)")
    assert _difference_line(out).endswith("area +0.0000 [+0.000, +0.000], moment +0.0000 [+0.000, +0.000]")
    res = json.loads((tmp_path / "self.json").read_text())
    assert res["args"]["against"] == DEFAULT
    res = res["results"]
    for part in ("area", "moment"):
        assert res["against_kappa_diff"][part] == {"kappa": 0.0, "ci": [0.0, 0.0]}
        assert res["model"][part] == res["against"][part]
    assert set(res["kappa_diff_ci"]) == {"area", "moment"}   # model - baseline, as without --against
    assert evaluate.main(COMMON + ["--against", DEFAULT, "--no-baseline", "--json", str(tmp_path / "nb.json")]) == 0
    out = capsys.readouterr().out
    assert "model - baseline" not in out and "CVA + Otsu" not in out
    res = json.loads((tmp_path / "nb.json").read_text())["results"]
    assert res["kappa_diff_ci"] == {} and "baseline" not in res
    assert res["against_kappa_diff"]["moment"] == {"kappa": 0.0, "ci": [0.0, 0.0]}


@pytest.mark.shared
@needs_shared
def test_against_another_file_prints_the_difference_of_the_printed_kappas(tmp_path, capsys):
    """The bundled file against the mixed-sources file: the printed difference is the difference of the two
    printed kappas, the JSON's the exact one inside its paired interval; the model's and the baseline's rows and
    the model - baseline interval are those of the run without --against, the against row that of the file
    evaluated as --weights."""
    assert evaluate.main(COMMON + ["--json", str(tmp_path / "alone.json")]) == 0
    alone = capsys.readouterr().out
    assert evaluate.main(COMMON + ["--weights", MIXED, "--no-baseline", "--json", str(tmp_path / "mixed.json")]) == 0
    capsys.readouterr()
    assert evaluate.main(COMMON + ["--against", MIXED, "--json", str(tmp_path / "both.json")]) == 0
    out = capsys.readouterr().out
    model, other = "caimnet (caimnet_rgbn.pt)", "against: caimnet (caimnet_rgbn_mixed_sources.pt)"
    mine, theirs = _printed_kappas(out, model), _printed_kappas(out, other)
    assert mine != theirs
    line = _difference_line(out)
    for part in ("area", "moment"):
        printed = line.split(f" {part} ", 1)[1].split()[0]
        assert printed == f"{float(mine[part]) - float(theirs[part]):+.4f}", (part, line)
    res = json.loads((tmp_path / "both.json").read_text())
    assert res["args"]["against"] == MIXED
    res, first = res["results"], json.loads((tmp_path / "alone.json").read_text())["results"]
    for part in ("area", "moment"):
        diff = res["against_kappa_diff"][part]
        assert diff["kappa"] == res["model"][part]["kappa"] - res["against"][part]["kappa"] != 0
        assert diff["ci"][0] <= diff["kappa"] <= diff["ci"][1] and diff["ci"][0] < diff["ci"][1]
        assert res["model"][part]["pixels"] == res["against"][part]["pixels"] == res["baseline"][part]["pixels"]
    strip = lambda r: {k: v for k, v in r.items() if k != "seconds"}  # noqa: E731
    assert strip(res["model"]) == strip(first["model"]) and strip(res["baseline"]) == strip(first["baseline"])
    mixed = json.loads((tmp_path / "mixed.json").read_text())["results"]["model"]
    assert strip(res["against"]) == strip(mixed)
    assert res["kappa_diff_ci"] == first["kappa_diff_ci"]
    kept = [line for line in alone.splitlines() if "model - baseline (paired)" in line]
    assert kept and kept[0] in out.splitlines()


@pytest.mark.parametrize("argv, words", [
    (["--against", "no_such_file.pt"], ["--against 'no_such_file.pt' does not exist"]),
    (["--against", os.path.join(WEIGHTS, "schanger_rgbn.pt")],
     ["holds weights of the 'schanger' network", "caimnet (caimnet_rgbn.pt)", "Give a 'caimnet' file"]),
    (["--against", os.path.join(WEIGHTS, "MODEL_CARD.md")], ["--against: Weights file", "MODEL_CARD.md"]),
    (["--against", WEIGHTS], ["--against: ", "is a folder, not a weights file"]),
    (["--against", MIXED, "--model", "cva"], ["'cva' is a classical method", "drop --against"]),
    (["--against", MIXED, "--no-model"], ["--against compares the model with a second weights file"]),
])
def test_a_wrong_against_file_is_a_message(argv, words, capsys):
    """A missing file, a file of another network, something else than a weights file or a classical model:
    exit 2 with a message naming --against (before any series is built), no traceback."""
    assert evaluate.main(COMMON + argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    for w in words:
        assert w in err, err


def test_against_needs_a_block_size(capsys):
    assert evaluate.main([a for a in COMMON if a not in ("--bootstrap-block", "16")] + ["--against", MIXED]) == 2
    err = capsys.readouterr().err
    assert "--against needs --bootstrap-block PX" in err and "Traceback" not in err


def test_the_command_line_words_a_missing_against_file(tmp_path):
    """Through python -m model_core: the message and exit 2, no traceback."""
    run = subprocess.run([sys.executable, "-m", "model_core", "evaluate", *COMMON, "--against",  # nosec B603
                          str(tmp_path / "gone.pt")], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env=dict(os.environ, PYTHONPATH=ROOT))
    assert run.returncode == 2, run.stderr
    assert "does not exist" in run.stderr and "gone.pt" in run.stderr and "Traceback" not in run.stderr
