"""User-facing errors of the engine.

Every problem a user can cause (bad input, existing outputs, wrong weights) is raised as a
:class:`CaimError` whose message names the input, says what is wrong and what to do.  The CLI prints
the message without a traceback and exits non-zero; the QGIS plugin shows it in the dialog.
"""


class CaimError(Exception):
    """An error caused by the user's input, with a message meant for the user."""


class InputError(CaimError):
    """An input raster is missing, unreadable, mismatched or unusable."""


class OutputError(CaimError):
    """Outputs cannot be written (folder not writable, files exist without overwrite)."""


class WeightsError(CaimError):
    """A weights file is corrupt, unsafe or for another architecture / band count."""


class Cancelled(CaimError):
    """The run was cancelled by the user; partial outputs have been removed."""


def free_mb(folder):
    """The free space in ``folder`` in MB (for messages about a full disk), or None when it cannot be told."""
    import shutil

    try:
        return shutil.disk_usage(folder).free / 1e6
    except OSError:
        return None


def size_text(nbytes):
    """1.5e9 -> '1.5 GB' (decimal units, as df -H), for messages about sizes and free space."""
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6)):
        if nbytes >= size:
            return f"{nbytes / size:.3g} {unit}"
    return f"{nbytes / 1e3:.3g} kB"


def nearest_existing(folder):
    """``folder``, or the nearest of its parents that exists (the one a new output folder is made in)."""
    import os

    folder = os.path.abspath(folder)
    while not os.path.exists(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder
