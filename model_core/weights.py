"""Checkpoint format and safe loading.

A weights file is a ``torch.save`` of a plain dict (strings, numbers, lists, dicts and tensors only)
so it loads with ``torch.load(..., weights_only=True)``: no pickled code is ever executed.

    {
      "format": "caim-weights",  "format_version": 1,
      "arch": "caimnet",                 # registry name
      "config": {...},                   # keyword arguments of the model constructor
      "in_channels": 4,
      "band_order": ["red", "green", "blue", "nir"],
      "state_dict": {...},               # tensors
      "meta": {...},                     # provenance: training command, data recipe, metrics, date
      "calibration": {...}               # optional: {"no_change_bias": b, ...} (model_core.calibrate)
    }
"""

import os

FORMAT = "caim-weights"
FORMAT_VERSION = 1
DEFAULT_BANDS = ["red", "green", "blue", "nir"]

_RESOURCES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources")
WEIGHTS_DIR = os.path.join(_RESOURCES, "weights")
BUNDLED = {
    "caimnet": os.path.join(WEIGHTS_DIR, "caimnet_rgbn.pt"),
    "schanger": os.path.join(WEIGHTS_DIR, "schanger_rgbn.pt"),
}


def wrapped_arch(arch):
    """The architecture whose weights ``arch`` loads (a fusion wraps a network), else ``arch``."""
    if arch is None:
        return None
    from model_core.errors import CaimError
    from model_core.models import model_class

    try:
        return getattr(model_class(arch), "wraps", None) or arch
    except CaimError:  # unknown name: the caller reports it
        return arch


def default_weights(arch):
    """Path of the bundled weights for ``arch``, or None when none are bundled."""
    path = BUNDLED.get(wrapped_arch(arch))
    return path if path and os.path.isfile(path) else None


def save(path, model, meta=None, band_order=None, calibration=None):
    import torch

    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "arch": model.arch,
        "config": dict(model.config),
        "in_channels": int(model.in_channels),
        "band_order": list(band_order or DEFAULT_BANDS),
        "state_dict": {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()},
        "meta": dict(meta or {}),
    }
    if calibration:
        payload["calibration"] = dict(calibration)
    tmp = path + ".part"
    torch.save(payload, tmp)
    os.replace(tmp, path)


def read(path):
    """Read and validate a weights file without building the model."""
    import torch

    from model_core.errors import WeightsError

    if os.path.isdir(path):
        raise WeightsError(f"'{path}' is a folder, not a weights file. Pick one of the .pt files in it, "
                           "or leave the weights empty to use the bundled ones.")
    if not os.path.isfile(path):
        raise WeightsError(f"Weights file '{path}' does not exist. Pick an existing .pt weights file "
                           "or leave the weights empty to use the bundled ones.")
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # corrupt, truncated, or containing pickled code
        raise WeightsError(
            f"Weights file '{path}' cannot be read safely ({type(exc).__name__}: {str(exc)[:200]}). "
            "It is corrupt, truncated, or not a CAIM weights file (files containing pickled code are "
            "refused). Re-download or re-train it.") from None
    if isinstance(payload, dict) and "optimizer" in payload and "history" in payload:
        raise WeightsError(f"'{path}' is a training run's state for --resume (optimizer and history), not a "
                           "weights file: use best.pt (or last.pt) from the same folder.")
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise WeightsError(f"Weights file '{path}' is not a CAIM weights file (no '{FORMAT}' header). "
                           "Use weights written by 'python -m model_core train'.")
    for key in ("arch", "config", "state_dict", "in_channels"):
        if key not in payload:
            raise WeightsError(f"Weights file '{path}' is incomplete: '{key}' is missing.")
    return payload


def load_model(path, arch=None, device="cpu"):
    """Build the model stored in ``path``; refuse weights for another architecture."""
    from model_core.errors import WeightsError
    from model_core.models import build_model

    payload = read(path)
    inner = wrapped_arch(arch)
    if arch is not None and payload["arch"] not in (arch, inner):
        raise WeightsError(
            f"Weights file '{path}' is for the '{payload['arch']}' model, not '{arch}'. "
            f"Choose the '{payload['arch']}' model or weights trained for '{inner}'"
            + (f" (the '{arch}' method runs '{inner}' weights)." if inner != arch else "."))
    model = build_model(payload["arch"], in_channels=payload["in_channels"], **payload["config"])
    try:
        model.load_state_dict(payload["state_dict"], strict=True)
    except (RuntimeError, KeyError) as exc:
        raise WeightsError(
            f"Weights file '{path}' does not match the '{payload['arch']}' architecture of this version "
            f"({str(exc).splitlines()[0][:200]}). Use weights trained with this version.") from None
    model.weights_meta = payload.get("meta", {})
    model.band_order = payload.get("band_order", DEFAULT_BANDS)
    calibration = payload.get("calibration") or {}
    model.calibration = dict(calibration)
    if calibration.get("no_change_bias") or calibration.get("area_rule", "max") != "max":
        from model_core.models import AREA_RULES, set_calibration

        rule = calibration.get("area_rule", "max")
        try:
            set_calibration(model, float(calibration.get("no_change_bias") or 0.0), rule)
        except ValueError:
            raise WeightsError(f"Weights file '{path}' asks for the area rule '{rule}', which this version "
                               f"does not know ({', '.join(AREA_RULES)}). Use a newer version of the plugin.") from None
    model = model.to(device).eval()
    if arch is not None and inner != arch and payload["arch"] == inner:
        from model_core.models import model_class

        model = model_class(arch).wrap(model)
    return model
