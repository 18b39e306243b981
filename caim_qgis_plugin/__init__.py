"""CAIM change detection for QGIS.

QGIS calls :func:`classFactory` when the plugin is enabled.  Nothing heavy is imported here: torch
and the deep-learning engine are imported lazily, only when a detection actually runs.
"""

import importlib.util
import os
import sys


def _ensure_engine_on_path():
    """Make ``model_core`` importable.

    In the source tree ``model_core`` sits next to the plugin folder, and that folder goes on
    ``sys.path`` once.  In the packaged plugin it sits inside the plugin folder, which is NOT put on
    ``sys.path``: that made the plugin's own modules (``plugin``, ``dialog``, ``models``, ...) top-level
    names hiding any other module so named for all of QGIS (a packaging audit); the bundled package is
    registered as ``model_core`` by its location instead, its submodules found through its path.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    parent = os.path.dirname(here)
    bundled = os.path.join(here, "model_core")
    if os.path.isdir(bundled):
        if "model_core" not in sys.modules:
            spec = importlib.util.spec_from_file_location(
                "model_core", os.path.join(bundled, "__init__.py"), submodule_search_locations=[bundled])
            module = importlib.util.module_from_spec(spec)
            sys.modules["model_core"] = module
            spec.loader.exec_module(module)
        return here
    if os.path.isdir(os.path.join(parent, "model_core")):
        if parent not in sys.path:
            sys.path.insert(0, parent)
        return parent
    return None


_ensure_engine_on_path()


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from caim_qgis_plugin.plugin import CaimPlugin

    return CaimPlugin(iface)
