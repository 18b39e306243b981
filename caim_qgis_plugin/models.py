"""The model choices of the plugin and the engine's default model for a number of dates.

``MODEL`` of ``caim:detectchanges`` and the dialog's model list offer "auto" plus the engine's
methods.  "auto" is resolved by the engine's :func:`model_core.models.default_model` (never by a copy
of its rule here, since the two-date default may change with new weights).

The engine's registry module imports torch only inside its functions, so reading
:func:`default_model` at QGIS start-up (the Processing parameter titles are built then) does not load
torch; a test checks that.
"""

import os
from caim_qgis_plugin.i18n import noop, translator

tr = translator("CaimModels")

AUTO = "auto"
# Processing's MODEL options: new methods are appended, so the enum's indices keep their meaning.
MODELS = [AUTO, "caimnet", "schanger", "cva", "caimnet_cva", "isfa", "caimnet_isfa"]
# The dialog's model list: the same methods, networks and fusions first, then the classical ones.
LIST_ORDER = [AUTO, "caimnet", "schanger", "caimnet_cva", "caimnet_isfa", "cva", "isfa"]
# Classical methods: no weights, any number of bands (every band of the inputs without a band mapping).
CLASSICAL = frozenset({"cva", "isfa"})
# Networks need this many bands (red, green, blue, NIR) with their bundled weights.
NETWORK_BANDS = 4
# Methods that also take further bands after those four (the fusion's CVA part: every other band when
# Bands is empty, or the bands after the fourth of a longer mapping).
EXTRA_BANDS = frozenset({"caimnet_cva", "caimnet_isfa"})
# The classical part of each fusion, as messages name it.
CLASSICAL_PART = {"caimnet_cva": "CVA", "caimnet_isfa": "ISFA"}
NAMES = {"caimnet": "CAIM-Net", "schanger": "SChanger", "cva": noop("Classical CVA"), "caimnet_cva": "CAIM-Net + CVA",
         "isfa": noop("Classical ISFA"), "caimnet_isfa": "CAIM-Net + ISFA"}
TITLES = {
    "caimnet": noop("CAIM-Net (any number of dates)"),
    "schanger": noop("SChanger (exactly 2 dates)"),
    "cva": noop("Classical CVA + Otsu (no weights, fast, any bands)"),
    "caimnet_cva": noop("CAIM-Net + CVA fusion (any number of dates; CAIM-Net weights)"),
    "isfa": noop("Classical ISFA (iterative slow feature analysis: no weights, any bands)"),
    "caimnet_isfa": noop("CAIM-Net + ISFA fusion (any number of dates; CAIM-Net weights)"),
}


def default_model(n_dates, weights=None):
    """The engine's default model (registry name) for ``n_dates`` ordered images, with a ``weights`` file given or
    not (for two dates it runs a method that uses the file); None when the engine cannot be imported."""
    try:
        from model_core.models import default_model as engine_default
    except ImportError:
        return None
    return engine_default(int(n_dates), weights)


def pair_default_uses_no_weights():
    """Whether "auto" for two dates runs a method without weights unless a Weights file is given (the engine's two-date
    default is classical, its choice with a file a network); False without the engine."""
    plain, given = default_model(2), default_model(2, weights="given")
    return bool(plain and given and plain != given and not needs_weights(plain))


def auto_fallback():
    """The engine's automatic choice on imagery the networks cannot read (:data:`model_core.models.AUTO_FALLBACK`,
    a classical method); None when the engine cannot be imported."""
    try:
        from model_core.models import AUTO_FALLBACK
    except ImportError:
        return None
    return AUTO_FALLBACK


def bundled_weights_dir():
    """The folder of the bundled weights files (the default and the alternative ones), so a file
    dialog can open there; None when the engine cannot be imported."""
    try:
        from model_core.weights import WEIGHTS_DIR
    except ImportError:
        return None
    return WEIGHTS_DIR if os.path.isdir(WEIGHTS_DIR) else None


def resolve(model, n_dates, weights=None):
    """The model that runs: ``model`` itself, or the engine's default for "auto" (or empty) for ``n_dates`` and a
    ``weights`` file given or not.

    "auto" stays "auto" only when the engine cannot be imported (the run then fails with its reason)."""
    if model in (None, "", AUTO):
        return default_model(n_dates, weights) or AUTO
    return model


def name(model):
    """Short user-facing name ("CAIM-Net", "SChanger", "Classical CVA")."""
    return tr(NAMES[model]) if model in NAMES else (model or "?")


def _defaults():
    """(default for exactly 2 dates, default otherwise), or (None, None) without the engine."""
    return default_model(2), default_model(3)


def title(model):
    """The title shown in the dialog's model list and the help."""
    if model == AUTO:
        two, other = _defaults()
        if two is None or other is None:
            return tr("Automatic (the engine's recommended model for the number of dates)")
        if two == other:
            return tr("Automatic (%s)") % name(other)
        if pair_default_uses_no_weights():
            return tr("Automatic (%s; %s for 2 dates without a Weights file)") % (name(other), name(two))
        return tr("Automatic (%s; %s for exactly 2 dates)") % (name(other), name(two))
    return tr(TITLES[model]) if model in TITLES else model


def auto_summary():
    """What "auto" runs, in a few words: 'CAIM-Net' (or 'CAIM-Net, or SChanger for exactly 2 dates'
    when the engine's two-date default differs), and what it runs on imagery the networks cannot read."""
    two, other = _defaults()
    if two is None or other is None:
        return tr("the recommended model for the number of dates")
    if two == other:
        text = name(other)
    elif pair_default_uses_no_weights():
        text = tr("%s, or %s for 2 dates without a Weights file") % (name(other), name(two))
    else:
        text = tr("%s, or %s for exactly 2 dates") % (name(other), name(two))
    fallback = auto_fallback()
    if fallback:
        text += tr("; %s on layers whose bands the networks cannot read (no blue or green band, one or two "
                   "bands, by their metadata or as Bands lists them)") % name(fallback)
    return text


def needs_weights(model):
    return model not in CLASSICAL


def describe(choice, resolved, n_dates, weights=None):
    """'SChanger (automatic choice for 2 dates)' or 'CAIM-Net'; 'Classical ISFA (automatic choice: the networks
    cannot read these layers' bands)' when "auto" ran :func:`auto_fallback` (with a ``weights`` file given or not)."""
    if choice in (None, "", AUTO):
        if resolved and resolved == auto_fallback() and resolved != default_model(n_dates, weights):
            return tr("%s (automatic choice: the networks cannot read these layers' bands)") % name(resolved)
        return tr("%s (automatic choice for %d dates)") % (name(resolved), n_dates)
    return name(resolved)
