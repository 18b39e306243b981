"""model_core.staging's claims on output files: two runs writing the same files at once (two qgis_process, two
toolbox runs) replaced each other's files and left a mix of both; the second is now refused."""

import os
import signal
import subprocess  # nosec B404 -- a second process holding a claim, as a second run would
import sys

import pytest
from rasters import ROOT

from model_core.errors import OutputError
from model_core.staging import CLAIM_PREFIX, claim_outputs

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX locks")

HOLDER = ("import sys; from model_core.staging import claim_outputs\n"
          "with claim_outputs(sys.argv[1:]):\n"
          "    print('held', flush=True); sys.stdin.read()\n")


def _holder(paths):
    """A process of its own holding a claim on ``paths`` until its stdin closes."""
    p = subprocess.Popen([sys.executable, "-c", HOLDER, *paths], stdin=subprocess.PIPE,  # nosec B603
                         stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=ROOT))
    assert p.stdout.readline().strip() == "held"
    return p


def test_a_second_claim_on_the_same_files_is_refused_in_this_process_and_from_another(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    moment, area = str(out / "moment.tif"), str(out / "area.tif")
    with claim_outputs([moment, area, None]):
        with pytest.raises(OutputError) as err:  # a second run in this process (two toolbox runs in one QGIS)
            with claim_outputs([str(out / "other.tif"), moment]):
                pass
        assert "Another run (in this process) is writing 'moment.tif' in '%s' now" % out in str(err.value)
        assert "Nothing was written" in str(err.value)
        with claim_outputs([str(out / "other.tif")]):  # other files in the same folder: no clash
            pass
    with claim_outputs([moment]):  # the first run ended: free again
        pass
    assert os.listdir(str(out)) == []  # the claims leave nothing behind

    p = _holder([area])
    try:
        with pytest.raises(OutputError) as err:
            with claim_outputs([moment, area]):
                pass
        assert "Another run (process %d) is writing 'area.tif'" % p.pid in str(err.value)
    finally:
        p.communicate("")
    with claim_outputs([moment, area]):
        pass


def test_the_claim_of_a_run_killed_on_the_spot_does_not_refuse_the_next(tmp_path):
    area = str(tmp_path / "area.tif")
    p = _holder([area])
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    assert [n for n in os.listdir(str(tmp_path)) if n.startswith(CLAIM_PREFIX)]  # left by the killed run
    with claim_outputs([area]):
        pass
    assert os.listdir(str(tmp_path)) == []


def test_a_run_killed_on_the_spot_in_a_folder_it_made_does_not_refuse_the_next(tmp_path):
    """A run killed (SIGKILL) after its claim made the output folder: the next run into it removes the claim and goes
    through; a claim left in the folder where new folders are made (the hidden folder they are made in, or a claim
    on files there) goes when the next run makes one there."""
    area = str(tmp_path / "new" / "area.tif")
    p = subprocess.Popen([sys.executable, "-c", HOLDER.replace("claim_outputs(sys.argv[1:])",  # nosec B603
                                                               "claim_outputs(sys.argv[1:], make=True)"),
                          area, str(tmp_path / "x.tif")],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=ROOT))
    assert p.stdout.readline().strip() == "held"
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    assert [n for n in os.listdir(str(tmp_path / "new")) if n.startswith(CLAIM_PREFIX)]
    assert [n for n in os.listdir(str(tmp_path)) if n.startswith(CLAIM_PREFIX)]
    with claim_outputs([area], make=True) as made:
        assert made == []
    assert os.listdir(str(tmp_path / "new")) == []
    with claim_outputs([str(tmp_path / "other" / "area.tif")], make=True) as made:
        assert made == [str(tmp_path / "other")]
    assert sorted(os.listdir(str(tmp_path))) == ["new", "other"]


def test_detect_into_the_files_another_detect_is_writing_is_refused(tmp_path, capsys):
    """python -m model_core detect --overwrite into the --out of a run still going replaced its files as each
    finished; without --overwrite the second ran to its end to find the first's rasters there.  Refused at once
    now, nothing written; the same command goes through once the other has ended."""
    import numpy as np
    from rasters import write_tif

    from model_core.cli import main

    rng = np.random.default_rng(0)
    imgs = [write_tif(tmp_path / f"img_{2001 + i}.tif", rng.integers(1, 3000, (4, 40, 40)).astype(np.uint16))
            for i in range(2)]
    out = tmp_path / "out"
    argv = ["detect", *imgs, "--model", "cva", "--out", str(out), "--quiet", "--overwrite"]
    out.mkdir()  # (made by the other run)
    p = _holder([str(out / "change_moment.tif")])  # the other run
    try:
        assert main(argv) != 0
        err = capsys.readouterr().err
        assert "Another run (process %d) is writing 'change_moment.tif' in '%s' now" % (p.pid, out) in err, err
        assert "Traceback" not in err and [n for n in os.listdir(str(out)) if not n.startswith(CLAIM_PREFIX)] == []
    finally:
        p.communicate("")
    assert main(argv) == 0, capsys.readouterr().err
    assert (out / "change_moment.tif").exists() and not [n for n in os.listdir(str(out)) if n.startswith(".")]


def _file_states(folder):
    """{relative path: (mtime_ns, content)} of every file under ``folder`` (a claim's own folder left out)."""
    out = {}
    for root, dirs, files in os.walk(str(folder)):
        dirs[:] = [d for d in dirs if not d.startswith(CLAIM_PREFIX)]
        for name in files:
            full = os.path.join(root, name)
            with open(full, "rb") as f:
                out[os.path.relpath(full, str(folder))] = (os.stat(full).st_mtime_ns, f.read())
    return out


def test_stacking_band_files_with_overwrite_claims_its_outputs(tmp_path, capsys):
    """Two stacks of band files into one folder at once with OVERWRITE (two toolbox runs, two command lines, the
    dialog's button beside a toolbox run) replaced each other's VRTs and masks and left a mix of both; the second
    is now refused while the first holds its claim, and writes nothing."""
    from fixtures import bandfiles as fx

    from model_core.bandfiles import main as stackbands_main
    from model_core.bandfiles import stack_band_files

    for year, acquired in ((2015, "20150805"), (2020, "20200812")):
        fx.write_landsat(tmp_path / "in", year, acquired, "20200919")
    out = tmp_path / "out"
    stack_band_files([str(tmp_path / "in")], str(out))
    before = _file_states(out)
    assert "2020-08-12.vrt" in before and "masks/2020-08-12_QA_PIXEL.vrt" in before
    p = _holder([str(out / "masks" / "2020-08-12_QA_PIXEL.vrt")])  # a run writing (one of) its files now
    try:
        with pytest.raises(OutputError) as err:
            stack_band_files([str(tmp_path / "in")], str(out), overwrite=True)
        assert "Another run (process %d) is writing '2020-08-12_QA_PIXEL.vrt'" % p.pid in str(err.value)
        assert stackbands_main([str(tmp_path / "in"), "--out", str(out), "--overwrite"]) == 2  # the command line
        assert "Another run (process %d)" % p.pid in capsys.readouterr().err
        assert _file_states(out) == before  # nothing replaced, nothing left behind
    finally:
        p.communicate("")
    stack_band_files([str(tmp_path / "in")], str(out), overwrite=True)  # the other run ended: free again
    assert sorted(_file_states(out)) == sorted(before)


def test_splitting_a_multi_date_raster_with_overwrite_claims_its_outputs(tmp_path, capsys):
    """Two splits of a multi-date raster into one folder at once with OVERWRITE wrote over each other's VRTs; the
    second is now refused while the first holds its claim, and writes nothing (nor a folder of its own)."""
    import numpy as np
    from rasters import write_tif

    from model_core.stacked import main as split_main
    from model_core.stacked import write_split

    stack = write_tif(str(tmp_path / "s.tif"), np.full((8, 16, 16), 50, np.uint8))
    out = tmp_path / "dates"
    written = write_split(stack, str(out), 4, dates="2019-05-01,2020-05-01")
    before = _file_states(out)
    assert sorted(before) == sorted(os.path.basename(p) for p, _ in written)
    p = _holder([written[1][0]])
    try:
        with pytest.raises(OutputError) as err:
            write_split(stack, str(out), 4, dates="2019-05-01,2020-05-01", overwrite=True)
        assert "Another run (process %d) is writing '%s'" % (p.pid, os.path.basename(written[1][0])) in str(err.value)
        assert split_main([stack, "--out", str(out), "--bands-per-date", "4", "--dates", "2019-05-01,2020-05-01",
                           "--overwrite"]) == 2
        assert "Another run (process %d)" % p.pid in capsys.readouterr().err
        assert _file_states(out) == before
    finally:
        p.communicate("")
    assert write_split(stack, str(out), 4, dates="2019-05-01,2020-05-01", overwrite=True) == written


def _slow_hold(real):
    """``staging.hold`` (``real``) made 2 ms slower, as on a busy disk or a network share: the gap between a run's
    placing its claim and its looking for others' is where two runs at the same instant met."""
    import time

    def slow(folder):
        fd = real(folder)
        time.sleep(0.002)
        return fd

    return slow


def _racer(paths, make, start, done, results, fail_winner):
    """One of two runs released together (``start``) into ``paths[i]`` in trial i: puts (i, 'through' or
    'refused'), and the one through holds its claim until both have tried (``done``)."""
    from model_core import staging

    staging.hold = _slow_hold(staging.hold)  # (in this forked process only)
    for i, path in enumerate(paths):
        start.wait()
        try:
            with staging.claim_outputs([path], **({"make": True} if make else {})):
                results.put((i, "through"))
                done.wait()
                if fail_winner:
                    raise RuntimeError("the run failed")
        except OutputError:
            results.put((i, "refused"))
            done.wait()
        except RuntimeError:
            pass


def _race(paths, make, fail_winner=False):
    """{i: [the two runs' outcomes]} of two processes claiming ``paths[i]`` at the same instant, trial by trial."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    start, done, results = ctx.Barrier(2), ctx.Barrier(2), ctx.Queue()
    racers = [ctx.Process(target=_racer, args=(paths, make, start, done, results, fail_winner)) for _ in range(2)]
    for r in racers:
        r.start()
    try:
        outcomes = {}
        for _unused in range(2 * len(paths)):
            i, outcome = results.get(timeout=60)
            outcomes.setdefault(i, []).append(outcome)
    finally:
        for r in racers:
            r.join(timeout=60)
            if r.is_alive():
                r.kill()
    return outcomes


def test_of_two_runs_released_at_the_same_instant_exactly_one_goes_through(tmp_path):
    """Two runs into the same files that claimed them at the same instant (two qgis_process started together by a
    script, GNU parallel into one folder) were often both refused (each had placed its claim and found the other's):
    27 of 150 such trials here, with the claim 2 ms slower as on a busy disk.  The claims are placed and checked
    under a lock of the folder now: exactly one goes through, in every trial, into an existing folder and into one
    that does not exist yet (made by the run that goes through, with its claim in it: the other finds the claim)."""
    out = tmp_path / "out"
    out.mkdir()

    def counts(outcomes):  # {runs through: trials}
        found = {}
        for both in outcomes.values():
            found[both.count("through")] = found.get(both.count("through"), 0) + 1
        return found

    assert counts(_race([str(out / "change_moment.tif")] * 100, make=False)) == {1: 100}
    assert counts(_race([str(tmp_path / ("new%d" % i) / "sub" / "change_moment.tif") for i in range(50)],
                        make=True)) == {1: 50}
    assert os.listdir(str(out)) == []
    for i in range(50):  # each new folder made once, the claims gone with their runs
        assert os.listdir(str(tmp_path / ("new%d" % i))) == ["sub"] and os.listdir(str(tmp_path / ("new%d" % i) / "sub")) == []
    assert not [n for n in os.listdir(str(tmp_path)) if n.startswith(".")]


def test_two_threads_released_at_the_same_instant_exactly_one_goes_through(tmp_path, monkeypatch):
    """The same in one process (two toolbox runs in one QGIS, each in a task's thread)."""
    import threading

    from model_core import staging

    monkeypatch.setattr(staging, "hold", _slow_hold(staging.hold))
    start, done = threading.Barrier(2), threading.Barrier(2)
    outcomes = {}

    def run(paths):
        for i, path in enumerate(paths):
            start.wait()
            try:
                with staging.claim_outputs([path]):
                    outcomes.setdefault(i, []).append("through")
                    done.wait()
            except OutputError as exc:
                assert "Another run (in this process)" in str(exc)
                outcomes.setdefault(i, []).append("refused")
                done.wait()

    paths = [str(tmp_path / "area.tif")] * 60
    threads = [threading.Thread(target=run, args=(paths,)) for _unused in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(both.count("through") for both in outcomes.values()) == [1] * 60, outcomes


def test_a_run_that_fails_or_is_refused_leaves_no_folder_it_made(tmp_path):
    """Two runs into one new folder both made it, and the one refused, or the one that then failed, could leave it
    behind empty.  Now only the run that goes through makes it (with its claim in it), and removes it when it fails."""
    new = tmp_path / "a" / "b"
    area = str(new / "area.tif")
    with pytest.raises(RuntimeError):
        with claim_outputs([area], make=True) as made:
            assert made == [str(new), str(tmp_path / "a")] and [n[:len(CLAIM_PREFIX)] for n in os.listdir(str(new))] == [CLAIM_PREFIX]
            raise RuntimeError("the run failed")
    assert os.listdir(str(tmp_path)) == []
    with claim_outputs([area], make=True) as made:  # one that goes through keeps its folder
        (new / "area.tif").write_bytes(b"x")
    assert os.listdir(str(new)) == ["area.tif"] and os.listdir(str(tmp_path)) == ["a"]
    os.remove(str(new / "area.tif"))
    # refused: the folder is the other run's (it made it), and stays as long as that run does
    for r in (new, tmp_path / "a"):
        r.rmdir()
    p = subprocess.Popen([sys.executable, "-c", HOLDER.replace("claim_outputs(sys.argv[1:])",  # nosec B603
                                                               "claim_outputs(sys.argv[1:], make=True)"), area],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=ROOT))
    try:
        assert p.stdout.readline().strip() == "held"
        with pytest.raises(OutputError) as err:
            with claim_outputs([area, str(tmp_path / "c" / "moment.tif")], make=True):
                pass
        assert "Another run (process %d) is writing 'area.tif' in '%s' now" % (p.pid, new) in str(err.value)
        assert sorted(os.listdir(str(tmp_path))) == ["a"]  # its own new folder 'c' went with it
    finally:
        p.communicate("")
    assert os.path.isdir(str(new))  # (the other run ended well: its folder is the user's)
    (tmp_path / "f").write_bytes(b"")
    with pytest.raises(OutputError) as err:  # a file in the way: the message of the engine's make_folders
        with claim_outputs([str(new / "area.tif"), str(tmp_path / "f" / "x" / "y.tif")], make=True):
            pass
    assert "'%s' is a file, not a folder" % (tmp_path / "f") in str(err.value)
    assert sorted(os.listdir(str(tmp_path))) == ["a", "f"] and os.listdir(str(new)) == []


def test_a_folder_locked_for_longer_than_claiming_takes_is_claimed_without_its_lock(tmp_path, monkeypatch):
    """A run stopped in the milliseconds of its claiming (Ctrl-Z, a debugger) keeps its output folder locked: the
    next run waits for it at most _LOCK_WAIT seconds (here 0.1), then claims as without folder locks (placing its
    claim, then looking for others': never both through), rather than waiting for good."""
    import fcntl

    from model_core import staging

    monkeypatch.setattr(staging, "_LOCK_WAIT", 0.1)
    fd = os.open(str(tmp_path), os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # (the stopped run's lock)
        with claim_outputs([str(tmp_path / "area.tif")]):
            with pytest.raises(OutputError):  # the claim it placed holds
                with claim_outputs([str(tmp_path / "area.tif")]):
                    pass
    finally:
        os.close(fd)
    assert os.listdir(str(tmp_path)) == []
