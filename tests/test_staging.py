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
