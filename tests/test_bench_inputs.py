"""tools/bench.py: a row whose synthetic 1024 x 1024 dates exist already reuses them without drawing the
scenario again (15-20 s per benchmark child on the reference machine, outside the timed run)."""

import importlib.util
import os

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _bench():
    spec = importlib.util.spec_from_file_location("bench", os.path.join(ROOT, "tools", "bench.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_existing_dates_are_reused_without_drawing_the_scenario(tmp_path, monkeypatch):
    import model_core.scenario as scenario

    calls = []
    real = scenario.make_scenario

    def small(t, size, seed, n_changes):  # a 1024 px scene of few changes, counted
        calls.append(t)
        return real(t=t, size=size, seed=seed, n_changes=2)

    monkeypatch.setattr(scenario, "make_scenario", small)
    bench = _bench()
    first = bench.make_inputs(str(tmp_path), 2, 1024)
    assert calls == [2] and all(os.path.isfile(p) for p in first)
    stamp = [os.path.getmtime(p) for p in first]
    again = bench.make_inputs(str(tmp_path), 2, 1024)
    assert again == first and calls == [2]  # not drawn again
    assert [os.path.getmtime(p) for p in again] == stamp
    from osgeo import gdal

    assert np.asarray(gdal.Open(again[0]).ReadAsArray()).shape == (4, 1024, 1024)


def test_the_multi_date_row_reads_the_same_dates_as_the_separate_files(tmp_path, monkeypatch):
    """The benchmark's one-file row holds make_inputs' dates, split by their Earth Engine-style names."""
    import model_core.scenario as scenario
    from osgeo import gdal

    from model_core.stacked import Split

    real = scenario.make_scenario
    monkeypatch.setattr(scenario, "make_scenario", lambda t, size, seed, n_changes: real(t=t, size=size, seed=seed,
                                                                                          n_changes=2))
    bench = _bench()
    path = bench.make_multi_date(str(tmp_path), 3)
    tiles = bench.make_inputs(str(tmp_path), 3, 1024)
    with Split([path]) as split:
        assert [s.date for s in split.specs] == ["2020-01-15", "2020-02-15", "2020-03-15"]
        for spec, tile in zip(split.specs, tiles):
            assert np.array_equal(gdal.Open(spec.path).ReadAsArray(), gdal.Open(tile).ReadAsArray())


def test_the_header_prints_the_estimates_memory_probe_and_speeds(monkeypatch):
    """`make bench` printed the matmul GFLOP/s only, not the memory/IO probe the run-time estimate scales by."""
    import re

    from model_core import predict

    monkeypatch.setattr(predict, "_SPEEDS", {})
    probes = []
    real = predict.memory_probe_seconds
    monkeypatch.setattr(predict, "memory_probe_seconds", lambda: probes.append(1) or real(repeats=2, side=256))
    line = _bench().speeds_line()
    found = re.match(r"memory/IO probe \(predict\.memory_probe_seconds, best of 5\): ([0-9.]+) ms; speeds of the "
                     r"run-time estimate against its reference machine \([0-9]+ GFLOP/s, probe [0-9]+ ms\): compute "
                     r"([0-9.]+), memory ([0-9.]+), networks ([0-9.]+)$", line)
    assert found, line
    assert probes == [1]  # measured once: memory_speed() reused it
    compute, memory, network = (float(found.group(i)) for i in (2, 3, 4))
    assert memory == round(predict.memory_speed(), 2) and abs(network - (compute * memory) ** 0.5) < 0.02
    # the memory speed is the estimate's formula on the probe printed (rounded to 0.1 ms), not another figure
    probe = float(found.group(1)) / 1e3
    assert abs(memory - predict.memory_speed_of(probe)) <= 0.01 + memory * 0.06e-3 / max(probe, 1e-4)


def _estimate_constants():
    spec = importlib.util.spec_from_file_location("estimate_constants",
                                                  os.path.join(ROOT, "tools", "estimate_constants.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_estimate_constants_removes_its_temporary_data_folder_also_on_ctrl_c_and_errors(tmp_path, monkeypatch):
    """tools/estimate_constants.py left an estimate-data-* folder (its synthetic series, up to 300 MB) in the
    temporary directory after every run; it removes it when it ends, also on Ctrl-C and on an error.  A folder
    given with --data is the user's: kept.  (Its scenes are replaced by a stand-in that makes a file in the
    folder and then returns none, or stops as a Ctrl-C, an error or a SIGTERM would.)"""
    import signal
    import sys
    import tempfile

    import pytest

    tool = _estimate_constants()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen = []

    def scenes(outcome):
        def made(folder):
            seen.append(folder)
            with open(os.path.join(folder, "s2048_t6_20000615.tif"), "wb") as f:  # a series made in it
                f.write(b"x")
            if outcome is not None:
                raise outcome
            return {}
        return made

    monkeypatch.setattr(sys, "argv", ["estimate_constants.py", "check"])
    for outcome in (None, KeyboardInterrupt(), RuntimeError("a failed run"), SystemExit(143)):
        monkeypatch.setattr(tool, "scenes", scenes(outcome))
        if outcome is None:
            tool.main()
        else:
            with pytest.raises(type(outcome)):
                tool.main()
        assert os.path.basename(seen[-1]).startswith("estimate-data-") and not os.path.exists(seen[-1])
        assert [n for n in os.listdir(tmp_path) if n.startswith("estimate-data-")] == []
    assert signal.getsignal(signal.SIGTERM) is not getattr(tool, "_stop", None)  # the handler is put back
    kept = tmp_path / "mine"
    monkeypatch.setattr(sys, "argv", ["estimate_constants.py", "check", "--data", str(kept)])
    monkeypatch.setattr(tool, "scenes", scenes(None))
    tool.main()
    assert seen[-1] == str(kept) and os.listdir(kept) == ["s2048_t6_20000615.tif"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_estimate_constants_removes_its_temporary_data_folder_on_a_real_sigterm(tmp_path):
    """The test above raises SystemExit(143) where a SIGTERM would stop the tool: it passed without the tool's
    handler (``_stop``). Here the real tool runs (``check``; its synthetic series go into an estimate-data-*
    folder of TMPDIR), is sent a real SIGTERM once the first file of its series is in that folder (the handler is
    set by then), and ends with 128 + SIGTERM = 143, as ``_stop`` says, its folder removed and no traceback."""
    import shutil
    import signal
    import subprocess  # nosec B404 -- runs this project's own tool in a test
    import sys
    import time

    def folders():
        return [os.path.join(tmp_path, n) for n in os.listdir(tmp_path) if n.startswith("estimate-data-")]

    env = dict(os.environ, TMPDIR=str(tmp_path), PYTHONPATH=ROOT)
    p = subprocess.Popen([sys.executable, os.path.join(ROOT, "tools", "estimate_constants.py"), "check",  # nosec B603
                          "--repeats", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                         cwd=ROOT)
    try:
        end = time.monotonic() + 60
        while p.poll() is None and time.monotonic() < end and not (folders() and os.listdir(folders()[0])):
            time.sleep(0.02)  # (a poll, not a wait for the tool: the folder and a file in it are the cue)
        made = folders()
        assert p.poll() is None and len(made) == 1 and os.listdir(made[0]), (p.poll(), made)
        p.send_signal(signal.SIGTERM)
        _, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        for folder in folders():  # (left only when the test fails)
            shutil.rmtree(folder, ignore_errors=True)
    assert p.returncode == 128 + signal.SIGTERM == 143, (p.returncode, err)
    assert not os.path.exists(made[0]) and "Traceback" not in err, err
