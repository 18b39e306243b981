"""tools/test_latest_qgis.sh (make test-latest-qgis) mounts /proc, /dev and ../shared into its chroot and
unmounts them when it ends. Run here in a mount namespace of its own (root and unshare needed), with
stand-ins for chroot, debootstrap and apt-get, and /dev a shared mount as systemd makes it."""

import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "tools", "test_latest_qgis.sh")

# In the namespace: /dev shared (systemd's default), a mount the chroot had before the run (its /proc),
# the script with stand-ins, then what is still mounted.
DRIVER = r"""
set -e
mount --make-rshared /dev
mount -t tmpfs before "$ROOTFS/proc"
set +e
PATH="$STUBS:$PATH" bash "$SCRIPT"
echo "rc=$?"
for sub in $DEV_SUBMOUNTS; do mountpoint -q "$sub" && echo "kept $sub" || echo "lost $sub"; done
mountpoint -q "$ROOTFS/proc" && echo "kept proc"
awk -v root="$ROOTFS/" 'index($5, root) == 1 {print "left " $5}' /proc/self/mountinfo
"""


def _unshare_works():
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode == 0  # nosec B603 B607


def _dev_submounts():
    """The mounts directly under /dev (pts, shm, mqueue...)."""
    with open("/proc/self/mountinfo", encoding="utf-8") as f:
        points = {line.split()[4] for line in f}
    return sorted(p for p in points if os.path.dirname(p) == "/dev")


@pytest.mark.skipif(not _unshare_works(), reason="needs root and unshare --mount")
def test_the_chroot_run_unmounts_what_it_mounted_and_nothing_else(tmp_path):
    """Its cleanup unmounted the chroot's /dev bind recursively: with /dev a shared mount (systemd), the
    bind's /dev/pts, /dev/shm... are peers of the host's, and the host lost them too (no new terminal
    could open a pty). It also unmounted a /proc that was mounted in the chroot before it ran."""
    if subprocess.run(["git", "-C", ROOT, "rev-parse", "HEAD"], capture_output=True).returncode:  # nosec B603 B607
        pytest.skip("the script archives HEAD: needs a git checkout")
    if not os.path.exists("/etc/resolv.conf"):
        pytest.skip("the script copies /etc/resolv.conf into the chroot")
    subs = _dev_submounts()
    if not subs:
        pytest.skip("/dev has no submount here to lose")
    rootfs = tmp_path / "root"
    for d in ("usr/bin", "etc", "proc", "dev", "tmp"):
        (rootfs / d).mkdir(parents=True)
    (rootfs / "usr/bin/python3").write_text("")
    (rootfs / "usr/bin/python3").chmod(0o755)  # a chroot already built: no debootstrap
    # Debian's resolv.conf can be a link to an absolute path: copied through, it wrote on the host's file
    outside = tmp_path / "host_resolv.conf"
    (rootfs / "etc" / "resolv.conf").symlink_to(outside)
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    calls = tmp_path / "calls"
    for name in ("chroot", "debootstrap", "apt-get"):
        (stubs / name).write_text('#!/bin/sh\necho "%s $*" >> "%s"\n' % (name, calls))
        (stubs / name).chmod(0o755)
    env = dict(os.environ, ROOTFS=str(rootfs), STUBS=str(stubs), SCRIPT=SCRIPT, DEV_SUBMOUNTS=" ".join(subs))
    result = subprocess.run(["unshare", "--mount", "--propagation", "private", "bash", "-c", DRIVER],  # nosec B603 B607
                            env=env, capture_output=True, text=True, timeout=120)
    out = result.stdout
    assert "rc=0" in out, out + result.stderr
    assert calls.read_text().count("chroot ") == 3, calls.read_text()  # apt, the versions, pytest: it ran through
    for sub in subs:
        assert "kept %s" % sub in out, out  # the host's /dev/pts, /dev/shm...
    assert "kept proc" in out, out  # there before the run: not the run's to unmount
    assert "left " not in out.replace("left %s/proc" % rootfs, ""), out  # all it mounted is gone
    assert not outside.exists() and not (rootfs / "etc" / "resolv.conf").is_symlink()
