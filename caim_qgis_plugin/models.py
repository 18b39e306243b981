"""The model choices of the plugin and the engine's default model for a number of dates.

``MODEL`` of ``caim:detectchanges`` and the dialog's model list offer "auto" plus the engine's
methods.  "auto" is resolved by the engine's :func:`model_core.models.default_model` (never by a copy
of its rule here, since the two-date default may change with new weights).

The engine's registry module imports torch at its top although :func:`default_model` does not use
it, and the plugin must not load torch when QGIS starts (the Processing parameter titles are built
then) nor fail without it.  :func:`default_model` therefore uses the registry as already imported
when it is, and otherwise runs the registry module's own code in a private module in which
``import torch`` yields an empty placeholder (nothing is registered in ``sys.modules``).  Should that
ever fail, it imports the registry normally, or, where loading torch is not wanted, returns None.
"""

import builtins
import importlib.util
import sys
import types

AUTO = "auto"
MODELS = [AUTO, "caimnet", "schanger", "cva"]
# Classical methods: no weights, any number of bands (every band of the inputs without a band mapping).
CLASSICAL = frozenset({"cva"})
# Networks need this many bands (red, green, blue, NIR) with their bundled weights.
NETWORK_BANDS = 4
NAMES = {"caimnet": "CAIM-Net", "schanger": "SChanger", "cva": "Classical CVA"}
TITLES = {
    "caimnet": "CAIM-Net (any number of dates)",
    "schanger": "SChanger (exactly 2 dates)",
    "cva": "Classical CVA + Otsu (no weights, fast, any bands)",
}

_registry = None


def _registry_without_torch():
    """model_core.models executed privately with a placeholder for torch (see the module docstring)."""
    spec = importlib.util.find_spec("model_core.models")
    if spec is None or spec.loader is None:
        raise ImportError("model_core.models not found")
    module = importlib.util.module_from_spec(spec)
    real_import = builtins.__import__

    def import_without_torch(name, globals=None, locals=None, fromlist=(), level=0):  # noqa: A002
        if level == 0 and (name == "torch" or name.startswith("torch.")):
            return types.ModuleType("torch")
        return real_import(name, globals, locals, fromlist, level)

    module.__dict__["__builtins__"] = dict(vars(builtins), __import__=import_without_torch)
    spec.loader.exec_module(module)
    return module


def default_model(n_dates, load_torch=True):
    """The engine's default model (registry name) for ``n_dates`` ordered images.

    Returns None only when the engine cannot answer without loading torch and ``load_torch`` is
    False, or when the engine cannot be imported at all.
    """
    global _registry
    module = sys.modules.get("model_core.models")
    if module is None and "torch" in sys.modules:  # torch is loaded already: the real import is cheap
        try:
            import model_core.models as module
        except ImportError:
            module = None
    if module is None:
        if _registry is None:
            try:
                _registry = _registry_without_torch()
            except Exception:  # the registry's top level changed: fall back to the real import below
                _registry = False
        module = _registry or None
    if module is None:
        if not load_torch:
            return None
        try:
            import model_core.models as module
        except ImportError:
            return None
    return module.default_model(int(n_dates))


def resolve(model, n_dates):
    """The model that runs: ``model`` itself, or the engine's default for "auto" (or empty).

    "auto" stays "auto" only when the engine cannot be imported (the run then fails with its reason)."""
    if model in (None, "", AUTO):
        return default_model(n_dates) or AUTO
    return model


def name(model):
    """Short user-facing name ("CAIM-Net", "SChanger", "Classical CVA")."""
    return NAMES.get(model, model or "?")


def _defaults():
    """(default for exactly 2 dates, default otherwise), or (None, None) without loading torch."""
    return default_model(2, load_torch=False), default_model(3, load_torch=False)


def title(model):
    """The title shown in the dialog's model list and the help."""
    if model == AUTO:
        two, other = _defaults()
        if two is None or other is None:
            return "Automatic (the engine's recommended model for the number of dates)"
        if two == other:
            return "Automatic (%s)" % name(other)
        return "Automatic (%s; %s for exactly 2 dates)" % (name(other), name(two))
    return TITLES.get(model, model)


def auto_summary():
    """What "auto" runs, in a few words: 'CAIM-Net, or SChanger for exactly 2 dates'."""
    two, other = _defaults()
    if two is None or other is None:
        return "the recommended model for the number of dates"
    if two == other:
        return name(other)
    return "%s, or %s for exactly 2 dates" % (name(other), name(two))


def needs_weights(model):
    return model not in CLASSICAL


def describe(choice, resolved, n_dates):
    """'SChanger (automatic choice for 2 dates)' or 'CAIM-Net'."""
    if choice in (None, "", AUTO):
        return "%s (automatic choice for %d dates)" % (name(resolved), n_dates)
    return name(resolved)
