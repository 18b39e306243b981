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
import warnings

from model_core.i18n import _

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


def save(path, model, meta=None, band_order=None, calibration=None, staged=True):
    """Write ``model`` as a weights file at ``path``, which is either the old file or the complete new one,
    whatever stops the process.  ``staged=False``: written at ``path`` itself (a caller's own staging
    folder, as the trainer's checkpoints)."""
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
    if staged:
        # in a hidden folder locked for this process, moved over ``path`` once complete: Ctrl-C or a full disk
        # leave nothing, a kill -9 that folder only, which the next save into the folder removes (a
        # '.part' beside the file stayed for good)
        from model_core.staging import staged_file

        with staged_file(path, ".caim-weights-") as tmp:
            # a save of plain values: safe (Bandit before 1.8, as Debian 13's 1.7.10, flagged saves as well as loads)
            torch.save(payload, tmp)  # nosec B614
    else:
        torch.save(payload, path)  # nosec B614


def load_tensors(torch, path):
    """``torch.load(path, weights_only=True)`` onto the CPU.  PyTorch 2.0's safe loader warns that its own
    TypedStorage is deprecated at every call: a warning about PyTorch's internals, not about the file, so
    it is not shown."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="TypedStorage is deprecated")
        return torch.load(path, map_location="cpu", weights_only=True)


def read(path):
    """Read and validate a weights file without building the model."""
    from model_core.errors import WeightsError, require_torch

    torch = require_torch()  # torch 1.13's safe loader reads no float of a weights file ("operand 71")

    if os.path.isdir(path):
        raise WeightsError(_("'{path}' is a folder, not a weights file. Pick one of the .pt files in it, "
                             "or leave the weights empty to use the bundled ones.").format(path=path))
    if not os.path.isfile(path):
        raise WeightsError(_("Weights file '{path}' does not exist. Pick an existing .pt weights file "
                             "or leave the weights empty to use the bundled ones.").format(path=path))
    problem = _archive_problem(path)
    if problem:
        raise WeightsError(
            _("Weights file '{path}' cannot be read safely ({problem}). It is corrupt, truncated, or not a CAIM "
              "weights file. Re-download or re-train it.").format(path=path, problem=problem))
    try:
        payload = load_tensors(torch, path)
    except Exception as exc:  # corrupt, truncated, not a torch file, or containing pickled code
        detail = str(exc)
        # PyTorch's text begins with advice to load with weights_only=False (which runs the file's code):
        # the user is told what the file holds instead
        # torch >= 2.1 names the pickle opcode ("Unsupported global: GLOBAL posix.mkdir"), 2.0 the class
        if "GLOBAL" in detail or "Unsupported class" in detail:
            raise WeightsError(
                _("Weights file '{path}' holds Python objects other than tensors, numbers and text. Such a file "
                  "can run code when loaded, so it is refused (nothing in it was run). It is not a CAIM weights "
                  "file: use weights written by 'python -m model_core train', or the bundled ones.").format(path=path)) from None
        if "WeightsUnpickler error:" in detail:
            detail = (detail.split("WeightsUnpickler error:", 1)[1].strip().splitlines() or [""])[0]
        raise WeightsError(
            _("Weights file '{path}' cannot be read safely ({name}: {detail}). "
              "It is corrupt, truncated, or not a CAIM weights file (files containing pickled code are "
              "refused). Re-download or re-train it.").format(path=path, name=type(exc).__name__, detail=detail[:200])) from None
    if isinstance(payload, dict) and "optimizer" in payload and "history" in payload:
        raise WeightsError(_("'{path}' is a training run's state for --resume (optimizer and history), not a "
                             "weights file: use best.pt (or last.pt) from the same folder.").format(path=path))
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise WeightsError(_("Weights file '{path}' is not a CAIM weights file (no '{FORMAT}' header). "
                             "Use weights written by 'python -m model_core train'.").format(path=path, FORMAT=FORMAT))
    for key in ("arch", "config", "state_dict", "in_channels"):
        if key not in payload:
            raise WeightsError(_("Weights file '{path}' is incomplete: '{key}' is missing.").format(path=path,
                                   key=key))
    problem = _field_problem(payload)
    if problem:
        raise WeightsError(_("Weights file '{path}' is damaged, or written by another program or version: {problem}. "
                             "Re-download or re-train it.").format(path=path, problem=problem))
    return payload


def _archive_problem(path):
    """Why ``path`` is not a zip archive as torch.save writes one (its parts stored, not compressed), in the
    current language (it goes into a translated refusal), or None.  torch.load inflates compressed parts too: a crafted file of 190 KB inflated to 200 MB, one of
    20 MB would take 20 GB; stored parts are never larger than the file."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return _("not a zip archive as torch.save writes one")
    if any(p.compress_type != zipfile.ZIP_STORED for p in parts):
        return _("its parts are compressed, as torch.save never writes them")
    if sum(p.file_size for p in parts) > os.path.getsize(path):
        return _("its parts claim more bytes than the file holds")
    return None


MAX_CHANNELS = 1024  # a band count no weights file of ours comes near


def _field_problem(payload):
    """What is wrong with the types of a weights file's fields (None when nothing is): a file that only
    looks like ours must fail here with a message, not later with a traceback."""
    import torch

    def number(v):
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    def table(v):
        return isinstance(v, dict) and all(isinstance(k, str) for k in v)

    n = payload["in_channels"]
    if not isinstance(payload["arch"], str):
        return "'arch' is not a model name"
    from model_core.models import available

    if payload["arch"] not in available():
        return f"its model '{payload['arch'][:40]}' is none of this version's ({', '.join(sorted(available()))})"
    if not table(payload["config"]):
        return "'config' is not a table of settings"
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_CHANNELS:
        return f"'in_channels' is {repr(n)[:40]}, not a band count"
    if not table(payload["state_dict"]) or not all(isinstance(t, torch.Tensor) for t in payload["state_dict"].values()):
        return "'state_dict' is not a table of tensors"
    if payload.get("meta") is not None and not table(payload["meta"]):
        return "'meta' is not a table"
    bands = payload.get("band_order")
    if bands is not None and not (isinstance(bands, list) and all(isinstance(b, str) for b in bands)):
        return "'band_order' is not a list of band names"
    calibration = payload.get("calibration")
    if calibration is not None:
        if not table(calibration):
            return "'calibration' is not a table"
        if calibration.get("no_change_bias") is not None and not number(calibration["no_change_bias"]):
            return "the calibration's 'no_change_bias' is not a number"
        if not isinstance(calibration.get("area_rule", "max"), str):
            return "the calibration's 'area_rule' is not a name"
    return None


def load_model(path, arch=None, device="cpu"):
    """Build the model stored in ``path``; refuse weights for another architecture."""
    from model_core.errors import WeightsError
    from model_core.models import build_model

    payload = read(path)
    inner = wrapped_arch(arch)
    if arch is not None and payload["arch"] not in (arch, inner):
        raise WeightsError(
            (_("Weights file '{path}' is for the '{found}' model, not '{arch}'. Choose the '{found}' model or "
               "weights trained for '{inner}' (the '{arch}' method runs '{inner}' weights).") if inner != arch else
             _("Weights file '{path}' is for the '{found}' model, not '{arch}'. Choose the '{found}' model or "
               "weights trained for '{inner}'.")).format(path=path, found=payload['arch'], arch=arch, inner=inner))
    # a file of another origin is first built without memory (see _check_shapes); the bundled files,
    # shipped with this code, skip it: the meta device's first use imports 0.9 s of torch modules, an
    # eighth of a 6-date NAIP run
    if not _bundled(path):
        _check_shapes(path, payload)
    model = build_model(payload["arch"], in_channels=payload["in_channels"], **payload["config"])
    try:
        model.load_state_dict(payload["state_dict"], strict=True)
    except (RuntimeError, KeyError) as exc:
        raise WeightsError(
            _("Weights file '{path}' does not match the '{payload}' architecture of this version "
              "({splitline}). Use weights trained with this version.").format(path=path, payload=payload['arch'],
                splitline=str(exc).splitlines()[0][:200])) from None
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
            raise WeightsError(_("Weights file '{path}' asks for the area rule '{rule}', which this version "
                                 "does not know ({AREA_RULES}). Use a newer version of the plugin.").format(path=path,
                                   rule=rule, AREA_RULES=', '.join(AREA_RULES))) from None
    model = model.to(device).eval()
    if arch is not None and inner != arch and payload["arch"] == inner:
        from model_core.models import model_class

        model = model_class(arch).wrap(model)
    return model


def require_rgbn(model, path):
    """Refuse a network that does not take the 4 bands (R, G, B, NIR) evaluate and calibrate give it (the
    series' loaders and the validation samples are R, G, B, NIR): such a file stopped there with torch's
    'expected input ... to have 6 channels' traceback.  Every file ``train`` writes takes 4."""
    from model_core.errors import WeightsError

    n = int(getattr(getattr(model, "net", model), "in_channels", 4))
    if n != 4:
        raise WeightsError(_("Weights file '{path}' takes {n} input bands; evaluate and calibrate give a network "
                             "the 4 bands R, G, B, NIR (as python -m model_core train writes its files). Use a file "
                             "trained for 4 bands, or run this one with detect and a band mapping of "
                             "{n} bands (--bands).").format(path=path, n=n))


def _bundled(path):
    """Is ``path`` one of the weights files shipped in this project's resources/weights?"""
    try:
        return os.path.dirname(os.path.realpath(path)) == os.path.realpath(WEIGHTS_DIR)
    except (OSError, ValueError):
        return False


def _check_shapes(path, payload):
    """The file's settings built without memory ("meta" tensors): settings this version does not take, or a
    network far larger than the file's tensors (a few settings can ask for tens of GB), are refused before
    anything is allocated (a security audit)."""
    import torch

    from model_core.errors import WeightsError
    from model_core.models import build_model

    try:
        with torch.device("meta"):
            shell = build_model(payload["arch"], in_channels=payload["in_channels"], **payload["config"])
    except (TypeError, ValueError, RuntimeError) as exc:
        raise WeightsError(
            _("Weights file '{path}' has settings the '{payload}' architecture of this version does not "
              "take ({splitline}). Use weights trained with this version.").format(path=path, payload=payload['arch'],
                splitline=str(exc).splitlines()[0][:200])) from None
    stored = payload["state_dict"]
    for key, tensor in shell.state_dict().items():
        if key not in stored or tuple(stored[key].shape) != tuple(tensor.shape):
            found = "missing" if key not in stored else "of shape %s" % list(stored[key].shape)
            raise WeightsError(
                _("Weights file '{path}' does not match the '{payload}' architecture its settings describe "
                  "('{key}' should be of shape {shape}, it is {found}). "
                  "Use weights trained with this version.").format(path=path, payload=payload['arch'], key=key,
                    shape=list(tensor.shape), found=found))
    del shell
