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
