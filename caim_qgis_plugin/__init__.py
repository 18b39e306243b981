"""CAIM change detection for QGIS.

QGIS calls :func:`classFactory` when the plugin is enabled.  Nothing heavy is imported here: torch
and the deep-learning engine are imported lazily, only when a detection actually runs.
"""

import os
import sys


def _ensure_engine_on_path():
    """Make ``model_core`` importable.

    In the packaged plugin ``model_core`` sits inside the plugin folder; in the source tree it sits
    next to it.  Whichever folder holds it is put on ``sys.path`` once.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in (here, os.path.dirname(here)):
        if os.path.isdir(os.path.join(folder, "model_core")):
            if folder not in sys.path:
                sys.path.insert(0, folder)
            return folder
    return None


_ensure_engine_on_path()


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from caim_qgis_plugin.plugin import CaimPlugin

    return CaimPlugin(iface)
