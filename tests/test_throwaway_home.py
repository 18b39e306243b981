"""tools/throwaway_home.sh, with which tools/screenshots.sh runs QGIS: its home seen as /home/analyst (the
README's dialog screenshot showed /tmp/caim-screenshots.XXXXXX/home/analyst/CAIM results/...), everything
written there kept in the temporary folder, the real /home untouched and still readable."""

import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "tools", "throwaway_home.sh")


def _unshare():
    """unshare's arguments for a mount namespace of our own (root, else a user namespace), or None."""
    if not shutil.which("unshare"):
        return None
    for args in (["unshare", "-m"], ["unshare", "-r", "-m"]):
        if subprocess.run(args + ["true"], capture_output=True).returncode == 0:
            return args
    return None


def _mounts():
    with open("/proc/self/mountinfo") as f:
        return f.read()


def test_the_home_is_home_analyst_and_its_files_land_in_the_temporary_folder(tmp_path):
    unshare = _unshare()
    if unshare is None:
        pytest.skip("no mount namespace can be made here (unshare)")
    (tmp_path / "home" / "analyst").mkdir(parents=True)
    real = sorted(os.listdir("/home"))
    inside = subprocess.run(
        unshare + [SCRIPT, str(tmp_path), "sh", "-c",
                   'cd /home/analyst && mkdir "CAIM results" && echo run > "CAIM results/report.html" && ls /home'],
        capture_output=True, text=True)
    assert inside.returncode == 0, inside.stderr
    # the real /home's folders are there (a checkout under /home stays reachable), with analyst
    assert sorted(inside.stdout.split()) == sorted({n for n in real if os.path.isdir("/home/" + n)} | {"analyst"})
    assert (tmp_path / "home" / "analyst" / "CAIM results" / "report.html").read_text() == "run\n"
    assert sorted(os.listdir("/home")) == real
    if "analyst" not in real:
        assert not os.path.exists("/home/analyst")
    assert str(tmp_path) not in _mounts() and "caim-home" not in _mounts()


def test_it_refuses_to_run_in_its_callers_mount_namespace(tmp_path):
    """Run straight, it would mount over the caller's /home: it stops first (mount and umount are stubs here,
    should that check fail)."""
    (tmp_path / "home" / "analyst").mkdir(parents=True)
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    for name in ("mount", "umount"):
        (stubs / name).write_text("#!/bin/sh\necho STUB %s \"$@\"\nexit 1\n" % name)
        (stubs / name).chmod(0o755)
    env = dict(os.environ, PATH="%s:%s" % (stubs, os.environ.get("PATH", "/usr/bin:/bin")))
    done = subprocess.run([SCRIPT, str(tmp_path), "true"], capture_output=True, text=True, env=env)
    assert done.returncode == 2 and "STUB" not in done.stdout
    assert "unshare -m" in done.stderr
    assert not (tmp_path / "realhome").exists()
