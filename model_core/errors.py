"""User-facing errors of the engine.

Every problem a user can cause (bad input, existing outputs, wrong weights) is raised as a
:class:`CaimError` whose message names the input, says what is wrong and what to do.  The CLI prints
the message without a traceback and exits non-zero; the QGIS plugin shows it in the dialog.
"""


class CaimError(Exception):
    """An error caused by the user's input, with a message meant for the user."""


class InputError(CaimError):
    """An input raster is missing, unreadable, mismatched or unusable."""


class BandRolesError(InputError):
    """The inputs' bands cannot be read as the networks' red, green, blue and NIR (too few or too many bands
    without metadata saying which is which, a band mapping of another length, metadata that name no blue or
    green band): the classical methods, which take any bands, still can (the automatic choice runs one)."""


class OutputError(CaimError):
    """Outputs cannot be written (folder not writable, files exist without overwrite)."""


class WeightsError(CaimError):
    """A weights file is corrupt, unsafe or for another architecture / band count."""


class Cancelled(CaimError):
    """The run was cancelled by the user; partial outputs have been removed.  ``staged``: True when the run had begun
    writing (its partial-output folder existed, removed with what it held), False when it stopped before."""

    staged = False


class DependencyError(CaimError):
    """A library the engine needs is missing or too old."""


# The oldest PyTorch the engine runs on: the networks' attention is torch.nn.functional's
# scaled_dot_product_attention, models are built under `with torch.device(...)`, and the safe loader of
# the bundled weights reads their floats: all three from 2.0 on.  Debian 12's python3-torch is 1.13, on
# which the whole suite failed with "Unsupported operand 71" for every weights file (a bookworm chroot,
# twenty-seventh session).  Tested: 2.6 (Debian 13), 2.13 (pinned), 2.14 (Debian unstable).
MIN_TORCH = (2, 0)


def torch_version_ok(version):
    """Whether a torch version string ('2.6.0', '2.13.0+cpu', '1.13.0a0') is :data:`MIN_TORCH` or newer (an
    unreadable one passes: the engine's own errors then speak)."""
    import re

    m = re.match(r"\s*(\d+)\.(\d+)", str(version or ""))
    return m is None or (int(m.group(1)), int(m.group(2))) >= MIN_TORCH


def torch_too_old_text(version, python=None):
    """The message for a PyTorch older than :data:`MIN_TORCH`: which version, what is needed, how to upgrade."""
    import sys

    from model_core.i18n import _

    python = python or sys.executable or "python3"
    return _("PyTorch {version} is too old for the CAIM engine, which needs PyTorch {major}.{minor} or newer "
             "(Debian 12's python3-torch, 1.13, is too old; Debian 13's works). Upgrade it in this Python "
             "({python}): {python} -m pip install --user --upgrade torch --index-url "
             "https://download.pytorch.org/whl/cpu (or use a virtual environment), then start again.").format(
        version=version, major=MIN_TORCH[0], minor=MIN_TORCH[1], python=python)


def require_torch():
    """Import and return torch, or raise :class:`DependencyError` saying it is too old."""
    import torch

    if not torch_version_ok(torch.__version__):
        raise DependencyError(torch_too_old_text(torch.__version__))
    return torch


def free_mb(folder):
    """The free space in ``folder`` in MB (for messages about a full disk), or None when it cannot be told."""
    import shutil

    try:
        return shutil.disk_usage(folder).free / 1e6
    except OSError:
        return None


def size_text(nbytes):
    """1.5e9 -> '1.5 GB' (decimal units, as df -H), for messages about sizes and free space ('1,5 GB' in German
    and Spanish: :func:`model_core.i18n.localize_number`)."""
    from model_core.i18n import localize_number

    rounded = float(f"{nbytes:.3g}")  # the unit of the size as said: 999.6 MB is '1 GB' (it was '1e+03 MB')
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6)):
        if rounded >= size:
            value = nbytes / size
            return localize_number(f"{value:,.0f} {unit}" if value >= 999.5 else f"{value:.3g} {unit}")
    return localize_number(f"{nbytes / 1e3:.3g} kB")


def _one_unit(size):
    """The unit of a :func:`size_text` that says exactly one of it ('1 MB' -> 'MB'), else None: one unit takes
    templates of its own where a language's word for it is singular."""
    number_text, unit = size.split(" ")
    return unit if number_text == "1" else None


def about_size_text(nbytes):
    """1.5e9 -> 'about 1.5 GB', a size said as an estimate (:func:`size_text` with the language's 'about').  One
    unit has a template of its own, as a second has in the run-time estimate: Spanish said "unos 1 MB" (its
    "about" is plural); it says "alrededor de 1 MB"."""
    from model_core.i18n import _

    size = size_text(nbytes)
    unit = _one_unit(size)
    return _("about 1 {unit}").format(unit=unit) if unit else _("about {size}").format(size=size)


def free_size_text(nbytes):
    """1.5e9 -> '1.5 GB free', a disk's free space (:func:`size_text` and the language's 'free').  One unit has a
    template of its own, as in :func:`about_size_text`: Spanish said "1 MB libres" ("libres", free, is plural); it
    says "1 MB libre"."""
    from model_core.i18n import _

    size = size_text(nbytes)
    unit = _one_unit(size)
    return _("1 {unit} free").format(unit=unit) if unit else _("{size} free").format(size=size)


def free_mb_text(mb, there=True):
    """1234.4 -> '1234 MB free there' ('1234 MB free' without ``there``), the free space ``mb`` (MB, as
    :func:`free_mb` gives it) of the folder a message names; one MB has a template of its own (Spanish "1 MB libre
    allí")."""
    from model_core.i18n import _, number

    if f"{mb:.0f}" == "1":
        return _("1 MB free there") if there else _("1 {unit} free").format(unit="MB")
    return (_("{mb:.0f} MB free there") if there else _("{mb:.0f} MB free")).format(mb=number(mb))


def nearest_existing(folder):
    """``folder``, or the nearest of its parents that exists (the one a new output folder is made in)."""
    import os

    folder = os.path.abspath(folder)
    while not os.path.exists(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder


def read_error_text(exc):
    """A clear message for an OSError that reading a dataset raised from the operating system (``os.listdir`` of a
    folder that is a file or cannot be listed, a label that is a folder): which path, what is wrong, what to do.
    An OSError of the engine's own (its message already says so; no errno) gives its text unchanged.  Python's
    own text ("[Errno 20] Not a directory: '...'") was printed as it was, in every language."""
    import errno
    import os

    from model_core.i18n import _

    path = exc.filename
    if exc.errno is None or not isinstance(path, (str, bytes, os.PathLike)):
        return str(exc)
    path = os.fsdecode(path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("'{path}' cannot be read: permission denied. Give your user the right to read it (a folder: to "
                 "list and enter it, e.g. chmod -R u+rX '{path}'), or copy the data to a folder you can read.").format(
            path=path)
    if exc.errno == errno.ENOTDIR and os.path.isfile(path):
        return _("'{path}' is a file, not a folder. Give the folder that holds the data (for a dataset's --root or "
                 "data.root, the dataset's own folder, e.g. '{parent}').").format(
            path=path, parent=os.path.dirname(os.path.abspath(path)))
    if exc.errno == errno.ENOTDIR:
        blocking = path
        while blocking and not os.path.isfile(blocking) and os.path.dirname(blocking) != blocking:
            blocking = os.path.dirname(blocking)
        if os.path.isfile(blocking):
            return _("'{path}' is not a folder: '{file}' is a file. Give the folder that holds the data (for a "
                     "dataset's --root or data.root, the dataset's own folder, e.g. '{parent}').").format(
                path=path, file=blocking, parent=os.path.dirname(os.path.abspath(blocking)))
    if exc.errno == errno.EISDIR:
        return _("'{path}' is a folder where a file was expected: move it out of the dataset, or rename it so that its "
                 "name is not an image's or a label's.").format(path=path)
    if exc.errno == errno.ELOOP:
        return _("'{path}' cannot be read: it is a symbolic link that leads back to itself (too many levels of "
                 "symbolic links). Fix the link or remove it.").format(path=path)
    if exc.errno == errno.ENOENT:
        return _("'{path}' does not exist. Check the path.").format(path=path)
    return _("'{path}' cannot be read ({reason}). Check that it exists, that you may read it and that its disk is "
             "mounted.").format(path=path, reason=exc.strerror or exc)
