#!/usr/bin/env bash
# Run the whole test suite on the newest QGIS that Debian packages (unstable: QGIS 3.44 with Python 3.14,
# numpy 2, GDAL 3.13 and Debian's own torch), in a chroot beside the project, on a clean clone of HEAD.
# Needs root and debootstrap; the chroot (about 3 GB) is kept in $ROOTFS for the next run.
#
#   sudo tools/test_latest_qgis.sh            # or: make test-latest-qgis
#   ROOTFS=/srv/sid tools/test_latest_qgis.sh -k dialog    # extra arguments go to pytest
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
ROOTFS="${ROOTFS:-$HERE/../latest-qgis-root}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
# SUITE=trixie: Debian 13 (QGIS 3.40 LTR, Python 3.13, torch 2.6) in place of unstable
SUITE="${SUITE:-sid}"
PACKAGES="qgis python3-qgis qgis-providers python3-torch python3-gdal gdal-bin python3-pytest
  python3-pytest-timeout xvfb xauth python3-scipy python3-matplotlib python3-pyqt5 python3-pyqt6 python3-bandit fonts-dejavu-core"
# a mirror frozen in time serves a Release file past its Valid-Until date
APT="apt-get -o Acquire::Check-Valid-Until=false -y -qq --no-install-recommends"

[ "$(id -u)" = 0 ] || { echo "test_latest_qgis: run as root (debootstrap and chroot need it)" >&2; exit 2; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
if [ ! -x "$ROOTFS/usr/bin/python3" ]; then
  debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR"
fi
# the chroot's own resolv.conf may be a symbolic link to an absolute path: cp would write through it to the host
rm -f "$ROOTFS/etc/resolv.conf"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
# What this run mounted, unmounted in reverse order on exit; a mount that was there before is left alone.
mounted=()
cleanup() { local i; for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -R "${mounted[i]}" || true; done; }
trap cleanup EXIT
if ! mountpoint -q "$ROOTFS/proc"; then
  mount -t proc proc "$ROOTFS/proc"
  mounted+=("$ROOTFS/proc")
fi
if ! mountpoint -q "$ROOTFS/dev"; then
  mount --rbind /dev "$ROOTFS/dev"
  # where /dev is a shared mount (systemd's default), the bind's submounts are peers of the host's /dev/pts,
  # /dev/shm...: unmounting them unmounted the host's too. A slave's unmounts stay here (and it is recorded
  # only once it is one)
  mount --make-rslave "$ROOTFS/dev"
  mounted+=("$ROOTFS/dev")
fi
work="$ROOTFS/tmp/caim-test"
rm -rf "$work"
mkdir -p "$work"
chroot "$ROOTFS" bash -c "export DEBIAN_FRONTEND=noninteractive; apt-get -o Acquire::Check-Valid-Until=false update -qq && $APT install $(echo $PACKAGES)"
git -C "$HERE" archive HEAD | tar -x -C "$work" --one-top-level=main
if [ -d "$HERE/../shared" ]; then
  mkdir -p "$work/shared"
  mount --bind -o ro "$HERE/../shared" "$work/shared"
  mounted+=("$work/shared")
fi
chroot "$ROOTFS" python3 -c 'import qgis.core, torch, numpy, osgeo.gdal, sys
print("QGIS", qgis.core.Qgis.QGIS_VERSION, "| Python", sys.version.split()[0], "| numpy", numpy.__version__,
      "| GDAL", osgeo.gdal.__version__, "| torch", torch.__version__)'
chroot "$ROOTFS" bash -c "cd /tmp/caim-test/main && mkdir -p /tmp/caim-home && HOME=/tmp/caim-home PYTHONPATH=. \
  MALLOC_MMAP_MAX_=0 python3 -m pytest -q -rfs tests $(printf '%q ' "$@")"
