"""Is the deep-learning engine usable in this QGIS?  If not, say exactly how to fix it.

Nothing here imports torch: :func:`torch_available` only asks the import system whether the module
could be found and reads its version from torch's version.py (:func:`torch_version`), so QGIS start-up stays fast and never
fails because torch is missing or too old (1.13, Debian 12's, cannot run the engine).
"""

import importlib.util
import os
import platform
import re
import sys
from caim_qgis_plugin.i18n import translator

tr = translator("CaimDependencies")


def _torch_spec():
    try:
        return importlib.util.find_spec("torch")
    except (ImportError, ValueError):
        return None


_VERSION_LINE = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.M)


def torch_version(spec=None):
    """The installed torch's version without importing it: from its ``torch/version.py`` (pip's and Debian's
    builds have one), else from its package metadata (about 45 ms: it scans every installed distribution,
    too slow for QGIS start-up as the only way), or None."""
    spec = spec or _torch_spec()
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        try:
            with open(os.path.join(folder, "version.py"), encoding="utf-8") as f:
                m = _VERSION_LINE.search(f.read(4096))
        except OSError:
            continue
        if m:
            return m.group(1)
    try:
        from importlib import metadata

        return metadata.version("torch")
    except Exception:  # noqa: BLE001 -- no metadata (a source tree on sys.path) or no torch: not known
        return None


def torch_too_old(spec=None):
    """The version of an installed torch older than the engine needs (model_core.errors.MIN_TORCH), or None."""
    from model_core.errors import torch_version_ok

    spec = spec or _torch_spec()
    version = torch_version(spec) if spec is not None else None
    return version if version and not torch_version_ok(version) else None


def torch_available():
    """torch is installed, and not older than the engine needs."""
    spec = _torch_spec()
    return spec is not None and torch_too_old(spec) is None


def qgis_python():
    """Best guess of the Python interpreter QGIS runs.

    sys.executable is often the qgis binary, or whatever ``python3`` comes first on PATH (a pyenv shim, a
    conda environment's): pip run by that one installs torch where QGIS never looks.  It is trusted only
    when it lies inside QGIS's own Python (sys.prefix)."""
    exe = sys.executable or ""
    if "python" in os.path.basename(exe).lower() and _inside(exe, sys.prefix):
        return exe
    system = platform.system()
    if system == "Windows":
        return "python"  # inside the OSGeo4W Shell
    for name in ("python%d.%d" % sys.version_info[:2], "python3"):
        candidate = os.path.join(sys.prefix, "bin", name)
        if os.path.isfile(candidate):
            return candidate
    if system == "Darwin":
        return os.path.join(sys.prefix, "bin", "python3")
    return "/usr/bin/python3"


def _inside(path, folder):
    """Is ``path`` in ``folder``, as written or with links resolved (a venv's python links outside it)?"""
    for resolve in (os.path.abspath, os.path.realpath):
        p, f = resolve(path), resolve(folder).rstrip(os.sep) + os.sep
        if p.startswith(f):
            return True
    return False


def install_instructions():
    """A user-facing, copy-pasteable explanation of how to install torch into QGIS's Python."""
    py = qgis_python()
    version = "%d.%d" % sys.version_info[:2]
    old = torch_too_old()
    if old:
        from model_core.errors import MIN_TORCH

        lines = [
            tr("CAIM change detection needs PyTorch %s or newer; the Python that QGIS uses (Python %s, %s) has "
               "PyTorch %s, which is too old (Debian 12's python3-torch is 1.13).") % (
                "%d.%d" % MIN_TORCH, version, sys.prefix, old),
            "",
            tr("Install a newer CPU build (about 200 MB; with --upgrade) and restart QGIS:"),
        ]
    else:
        lines = [
            tr("CAIM change detection needs PyTorch (the 'torch' Python package), which is not installed "
            "in the Python that QGIS uses (Python %s, %s).") % (version, sys.prefix),
            "",
            tr("Install the CPU build (about 200 MB) and restart QGIS:"),
        ]
    system = platform.system()
    if system == "Windows":
        lines += [
            tr("  1. Close QGIS and open the 'OSGeo4W Shell' from the Start menu."),
            tr("  2. Run:  python -m pip install torch --index-url https://download.pytorch.org/whl/cpu"),
        ]
    elif system == "Darwin":
        lines += [
            tr("  In a terminal run:"),
            "  %s -m pip install --user torch" % py,
        ]
    else:
        lines += [
            tr("  In a terminal run:"),
            "  %s -m pip install --user torch --index-url https://download.pytorch.org/whl/cpu" % py,
            tr("  (on Debian/Ubuntu add --break-system-packages if pip refuses, or install torch into a "
            "virtual environment created with --system-site-packages and start QGIS with that "
            "environment's site-packages on PYTHONPATH)"),
        ]
        if debian_like():
            lines += [
                tr("  On Debian 13 or newer, Debian's own package works too (tested with its torch 2.6 and "
                   "with unstable's 2.14):  sudo apt install python3-torch"),
            ]
    if old:
        lines += [tr("  (PyTorch %s is installed already: add --upgrade to the pip command)") % old]
    lines += [
        "",
        tr("Keep QGIS's numpy: if pip wants to upgrade numpy, add a constraint "
        "(pip install ... \"numpy==%s\"), otherwise GDAL's Python bindings can stop working.")
        % _numpy_version(),
        tr("For a GPU, pick the CUDA build that matches your driver at https://pytorch.org/get-started/locally/."),
    ]
    return "\n".join(lines)


def debian_like():
    """A Debian-packaged system (Debian, Ubuntu, their derivatives)?"""
    return os.path.isfile("/etc/debian_version")


def _numpy_version():
    try:
        import numpy

        return numpy.__version__
    except ImportError:
        return tr("<your numpy version>")
