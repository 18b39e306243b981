"""Train a change model from a JSON config: ``python -m model_core train CONFIG``.

The config (see ``configs/*.json``; every key is optional and has the default shown in ``DEFAULTS``)::

    {
      "model": "caimnet", "preset": "default", "model_config": {},
      "data": {"kind": "semisynthetic", "root": null, ...generator options...}, "val_data": {},
      "t_min": 2, "t_max": 10, "patch": 64, "batch": 8,
      "epochs": 20, "steps_per_epoch": 250, "val_samples": 96,
      "lr": 1e-4, "weight_decay": 0.0, "seed": 0, "aux_weight": 0.25, "deepcl_weight": 0.0,
      "edge_weight": 0.0, "coregister": false, "init": null, "grad_clip": null,
      "lr_schedule": null, "warmup_steps": 0, "lr_min_ratio": 0.05, "ema": null, "select": "raw",
      "out": "runs/caimnet_rgbn", "device": "auto", "threads": null
    }

``edge_weight`` (0 to 1000) counts the one-pixel band on each side of a labelled change's edge ``1 +
edge_weight`` times in the loss (:func:`model_core.losses.edge_pixel_weights`); 0 weighs all pixels alike.
``val_data`` (semi-synthetic data only) holds generator options that differ for the validation series, e.g.
``{"haze_prob": 0.25, "misreg_prob": 0.4, "no_change_prob": 0.15}`` to select and calibrate on series drawn as
``evaluate`` draws them while training on a harder recipe; ``{}`` (the default): as ``data``.
``coregister`` ``true`` moves each training and validation series' dates onto its first date as the engine's
``detect --coregister`` does (:func:`model_core.coregister.align`) before the network sees them, so that it trains
on what it will be given; the strip a moved date no longer covers is unlabelled.
``init`` names a weights file to start from (fine-tuning, e.g. the bundled weights on your own
labelled data); ``grad_clip`` clips the global gradient norm; ``val_seed`` (default: ``seed``) fixes
the validation series independently of the training seed.  ``lr_schedule`` ``"cosine"`` decays the
rate per step from ``lr`` to ``lr * lr_min_ratio`` over all epochs, after a linear warm-up of
``warmup_steps``.  ``ema`` (e.g. 0.998) keeps an exponential moving average of the weights (and of
the BatchNorm statistics); the average is what is validated and saved as ``best.pt``/``last.pt``
(the raw weights go to ``state.pt`` for resuming).  ``select`` ``"calibrated"`` ranks epochs by the
validation score after the best no-change bias (the sweep of :mod:`model_core.calibrate`), i.e. by
the score of the file that will be shipped after calibration; ``"raw"`` ranks by the network as is.

Data kinds: ``semisynthetic`` (:mod:`model_core.datasets.synthetic`, train split for training, the
held-out val split for validation) or ``generic`` / ``spacenet7`` / ``dynamicearthnet`` / ``pairs`` /
``oscd`` (random patches from labelled series of those loaders, :mod:`model_core.datasets.series_patches`;
``root`` and ``val_root`` name the folders (a leading ``~`` is the home folder, in ``out`` and ``init`` too:
:func:`expand_paths`); for ``pairs`` and ``oscd``, ``split`` and ``val_split``
name a split under them, e.g. ``{"kind": "pairs", "root": "LEVIR-CD", "split": "train",
"val_split": "val"}``; these two have T = 2, so the batches have two dates whatever t_min and t_max say).

Every epoch writes ``OUT/last.pt`` (weights, loadable with :func:`model_core.weights.load_model`),
``OUT/state.pt`` (optimizer and history, for ``--resume``; a resumed run uses the config's or
``--lr``'s learning rate, so a run can be continued with a lower rate), ``OUT/history.json`` and, when the
validation score (mean of area kappa and moment kappa on held-out data) improves, ``OUT/best.pt``.
Batches are drawn from a random generator seeded by (seed, epoch), so a resumed run continues with
the same data it would have seen.  A batch always has one T (drawn in [t_min, t_max] per step).
"""

import argparse
import json
import math
import os
import shlex
import sys
import time

import numpy as np

from model_core.i18n import N_, _, os_reason, translated
from model_core.normalize import normalise as normalise_sample  # (values, valid, center, scale)

DEFAULTS = {
    "model": "caimnet",
    "preset": "default",
    "model_config": {},
    "data": {"kind": "semisynthetic", "root": None},
    "val_data": {},
    "t_min": 2,
    "t_max": 10,
    "patch": 64,
    "batch": 8,
    "epochs": 20,
    "steps_per_epoch": 250,
    "val_samples": 96,
    "lr": 1e-4,
    "weight_decay": 0.0,
    "seed": 0,
    "aux_weight": 0.25,
    "deepcl_weight": 0.0,
    "edge_weight": 0.0,
    "coregister": False,
    "deepcl": {},
    "init": None,
    "val_seed": None,
    "grad_clip": None,
    "lr_schedule": None,
    "warmup_steps": 0,
    "lr_min_ratio": 0.05,
    "ema": None,
    "select": "raw",
    "out": "runs/caimnet_rgbn",
    "device": "auto",
    "threads": None,
}


class Progress:
    """A dependency-free progress bar on stderr (a line per ~10 % when stderr is not a terminal)."""

    def __init__(self, total, label, stream=None):
        self.total, self.label = max(int(total), 1), label
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.start = time.time()
        self.last_pct = -1

    def update(self, done, info=""):
        pct = int(100 * done / self.total)
        el = time.time() - self.start
        eta = el / max(done, 1) * (self.total - done)
        bar = "#" * (pct // 5) + "." * (20 - pct // 5)
        msg = _("{label} [{bar}] {done}/{total} {elapsed:5.0f}s eta {eta:5.0f}s {info}").format(
            label=self.label, bar=bar, done=done, total=self.total, elapsed=el, eta=eta, info=info)
        if self.tty:
            self.stream.write("\r" + msg)
            if done >= self.total:
                self.stream.write("\n")
        elif pct // 10 != self.last_pct // 10 or done >= self.total:
            self.stream.write(msg + "\n")
        self.last_pct = pct
        self.stream.flush()


def load_config(path_or_dict):
    from model_core.errors import CaimError

    if isinstance(path_or_dict, dict):
        user = dict(path_or_dict)
    else:
        try:
            with open(path_or_dict, encoding="utf-8") as f:
                user = json.load(f)
        except OSError as exc:
            raise CaimError(_("Cannot read the config '{path}': {reason}.").format(
                path=path_or_dict, reason=os_reason(exc))) from None
        except ValueError as exc:  # JSONDecodeError, bad encoding
            raise CaimError(_("The config '{path}' is not valid JSON: {exc}.").format(path=path_or_dict, exc=exc)) from None
        if not isinstance(user, dict):
            raise CaimError(_("The config '{path}' must be a JSON object ({{\"key\": value, ...}}).").format(
                path=path_or_dict))
    user.pop("command", None)  # the command line a run recorded in its OUT/config.json
    user.pop("resumed_by", None)  # (and those that resumed it, in its weights files' configs)
    unknown = set(user) - set(DEFAULTS)
    if unknown:
        raise CaimError(_("Unknown config keys: {keys}. Known keys: {known}.").format(
            keys=", ".join(sorted(unknown)), known=", ".join(sorted(DEFAULTS))))
    cfg = expand_paths(_merged(user))
    check_config(cfg)
    return cfg


_ENV_NOTE = N_(" (environment variables such as $HOME are not expanded in a config's paths: write the path out, "
                "or start it with ~ for your home folder)")

_LR_SCHEDULE_REFUSAL = N_("Config: lr_schedule must be null, 'constant' or 'cosine', not {value!r}.")


def _env_note(path):
    """The note on environment variables for a path with a '$' in it ('' otherwise), in the run's language."""
    return translated(_ENV_NOTE) if isinstance(path, str) and "$" in path else ""


def expand_paths(cfg):
    """``~`` and ``~user`` at the start of the config's paths (``data.root``, ``data.val_root``, ``val_data.root``,
    ``out``, ``init``) expanded to the home folder, as a shell does (they were taken literally: "~/data" was refused as
    "not a folder" and "out": "~/runs/a" trained into a folder named "~" under the current one). Environment
    variables ($HOME, %USERPROFILE%) are not expanded: a config is the run's record, which should name its
    folders, and a "$" may be part of a folder's name; a path with one that is not a folder is told so
    (:func:`check_config`).  Returns ``cfg``, changed in place."""
    for key in ("out", "init"):
        if isinstance(cfg.get(key), str):
            cfg[key] = os.path.expanduser(cfg[key])
    data = cfg.get("data")
    if isinstance(data, dict):
        for key in ("root", "val_root"):
            if isinstance(data.get(key), str):
                data[key] = os.path.expanduser(data[key])
    val_data = cfg.get("val_data")
    if isinstance(val_data, dict) and isinstance(val_data.get("root"), str):
        val_data["root"] = os.path.expanduser(val_data["root"])
    return cfg


def _merged(user):
    """DEFAULTS with ``user``'s values over them (the sections such as "data" merged key by key)."""
    cfg = json.loads(json.dumps(DEFAULTS))
    for k, v in user.items():
        if isinstance(v, dict) and isinstance(cfg.get(k), dict):
            cfg[k].update(v)
        else:
            cfg[k] = v
    return cfg


_INTS = {"t_min": 2, "t_max": 2, "patch": 8, "batch": 1, "epochs": 1, "steps_per_epoch": 1, "val_samples": 1,
         "seed": 0, "warmup_steps": 0}                                    # key: smallest value
_OPTIONAL_INTS = {"threads": 1, "val_seed": 0}
_FLOATS = {"lr": (0.0, False), "weight_decay": (0.0, True), "aux_weight": (0.0, True),
           "deepcl_weight": (0.0, True), "lr_min_ratio": (0.0, True),
           "edge_weight": (0.0, True)}                                    # key: (bound, bound allowed)
# key: (largest value, what it does, shown after the range). Above them a finite value still broke the run: a loss
# weight or weight_decay of 1e39 is infinite in float32 (the run stopped at its first step for a loss of inf or nan,
# advising a lower lr; weight_decay ended in a RuntimeError traceback); a seed of 2**64 or threads of 1e12 in an
# OverflowError traceback from PyTorch; more dates than a change-moment label holds (255 is its nodata) in nonsense
# labels. The bounds are whole numbers, so that the message writes them as the config would (1000, not 1000.0)
_HIGHEST = {"aux_weight": (1000, N_("it weighs the auxiliary heads' loss beside the main one's 1 (0.25 by default)")),
            "deepcl_weight": (1000, N_("it weighs the DeepCL loss beside the change loss's 1 (0.5 in the configs)")),
            "edge_weight": (1000, N_("an edge pixel counts 1 + edge_weight times (2 in the configs)")),
            "weight_decay": (1, N_("it is Adam's L2 penalty, 0 by default (e.g. 1e-4)")),
            "seed": (2 ** 32 - 1, N_("any whole number from 0 to 4294967295 gives its own run")),
            "val_seed": (2 ** 32 - 1, N_("any whole number from 0 to 4294967295 gives its own validation set")),
            "threads": (1024, N_("the CPU threads PyTorch uses (null: its default)")),
            "t_max": (255, N_("a change-moment label holds up to 254 intervals"))}
# DeepCL's options (model_core.losses.deepcl_loss; distances of normalised embeddings lie in [0, 2]): key: (low,
# low allowed, high, high allowed). NaN, a negative gamma or margin of nan gave a NaN loss at the first step
_DEEPCL_RANGES = {"margin": (0.0, False, 2.0, True), "pos_margin": (0.0, True, 2.0, False),
                  "gamma": (0.0, True, 10.0, True), "hard_fraction": (0.0, False, 1.0, True)}
_SERIES_KEYS = ("root", "val_root", "split", "val_split", "t", "bands", "scene_stats", "cache")


def _data_keys(kind):
    """The keys a config's "data" section may hold for a data kind (besides "kind")."""
    if kind == "semisynthetic":
        import inspect

        from model_core.datasets.synthetic import SemiSyntheticGenerator

        return [k for k in inspect.signature(SemiSyntheticGenerator.__init__).parameters
                if k not in ("self", "split", "patch")]
    return list(_SERIES_KEYS)


def check_config(cfg):
    """Refuse, before anything is created, a config whose values cannot run: each message names the key,
    what is wrong and what it takes (a typo in a key would otherwise train something else silently)."""
    from model_core.errors import CaimError

    def bad(key, what):
        raise CaimError(_("Config: {key} {what}.").format(key=key, what=what))

    for key, low in list(_INTS.items()) + list(_OPTIONAL_INTS.items()):
        v = cfg.get(key)
        if v is None and key in _OPTIONAL_INTS:
            continue
        # (JSON's Infinity and NaN, which Python reads, are no whole numbers: int(inf) raised OverflowError)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or float(v) != int(v):
            bad(key, _("must be a whole number, not {value!r}").format(value=v))
        if int(v) < low:
            bad(key, _("must be at least {low}, not {value!r}").format(low=low, value=v))
        _at_most(key, v, bad)
        cfg[key] = int(v)
    for key, (low, inclusive) in _FLOATS.items():
        v = cfg.get(key)
        # (Infinity too: an infinite lr or edge_weight trained to a NaN loss, saved as best.pt)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or not (
                v >= low if inclusive else v > low):
            bad(key, _("must be a number {relation} {low:g}, not {value!r}").format(
                relation=">=" if inclusive else ">", low=low, value=v))
        _at_most(key, v, bad)
    if cfg["lr_min_ratio"] > 1:
        bad("lr_min_ratio", _("must be between 0 and 1, not {value!r}").format(value=cfg["lr_min_ratio"]))
    for key in ("grad_clip", "ema"):
        v = cfg.get(key)
        # (NaN passed "v <= 0": a grad_clip of NaN made every gradient NaN; Infinity clipped nothing)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)
                              or v <= 0 or (key == "ema" and v >= 1)):
            bad(key, (_("must be null or between 0 and 1 (e.g. 0.998), not {value!r}") if key == "ema" else
                      _("must be null or a number > 0 (e.g. 1.0; null clips nothing), not {value!r}")).format(value=v))
    if not cfg["t_min"] <= cfg["t_max"]:
        raise CaimError(_("Config: need 2 <= t_min <= t_max."))
    if not isinstance(cfg.get("coregister"), bool):
        bad("coregister", _("must be true or false, not {value!r}").format(value=cfg.get("coregister")))
    if cfg["select"] not in ("raw", "calibrated"):
        raise CaimError(_("Config: select must be 'raw' or 'calibrated', not {value!r}.").format(value=cfg["select"]))
    if cfg.get("lr_schedule") not in (None, "constant", "cosine"):
        raise CaimError(translated(_LR_SCHEDULE_REFUSAL).format(value=cfg["lr_schedule"]))
    if not isinstance(cfg.get("out"), str) or not cfg["out"].strip():
        bad("out", _("must name an output folder, not {value!r}").format(value=cfg.get("out")))
    if cfg.get("init") is not None and not isinstance(cfg["init"], str):
        bad("init", _("must be null or the path of a weights file, not {value!r}").format(value=cfg["init"]))
    device = cfg.get("device")
    if device not in (None, "auto"):
        import torch

        try:
            dev = torch.device(str(device))
        except RuntimeError:
            bad("device", _("must be auto, cpu or cuda:N, not {value!r}").format(value=device))
        if dev.type not in ("cpu", "cuda"):
            bad("device", _("must be auto, cpu or cuda:N, not {value!r}").format(value=device))

    from model_core.models import model_class

    cls = model_class(cfg["model"])  # an unknown name fails here with the list of models
    wraps = getattr(cls, "wraps", None)
    if wraps or not getattr(cls, "needs_weights", True):
        raise CaimError((_("Config: the '{model}' method has nothing to train; train '{wraps}' weights, which it then "
                           "runs.") if wraps else _("Config: the '{model}' method has nothing to train (a classical "
                                                    "method).")).format(model=cfg["model"], wraps=wraps))
    presets = getattr(cls, "PRESETS", {"default": {}})
    if (cfg.get("preset") or "default") not in presets:
        bad("preset", _("{value!r} is not a preset of {model}; choose one of {presets}").format(
            value=cfg["preset"], model=cfg["model"], presets=", ".join(presets)))
    if not isinstance(cfg.get("model_config"), dict):
        bad("model_config", _("must be an object of model options, not {value!r}").format(value=cfg["model_config"]))
    _check_model_config(cls, cfg["model_config"], bad)
    if not isinstance(cfg.get("deepcl"), dict):
        bad("deepcl", _("must be an object of DeepCL options, not {value!r}").format(value=cfg["deepcl"]))
    import inspect

    from model_core.losses import deepcl_loss

    # its options go to the loss as keywords at the first step: a misspelt one stopped the run there, in a
    # TypeError traceback, after the validation set was built
    known = [k for k in inspect.signature(deepcl_loss).parameters if k not in ("embeddings", "moment_target")]
    unknown = sorted(set(cfg["deepcl"]) - set(known))
    if unknown:
        bad("deepcl", _("has key(s) {keys} that DeepCL does not know; known keys: {known}").format(
            keys=", ".join(unknown), known=", ".join(known)))
    for key, v in cfg["deepcl"].items():
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            bad(f"deepcl.{key}", _("must be a number, not {value!r}").format(value=v))
        low, low_in, high, high_in = _DEEPCL_RANGES.get(key, (-math.inf, True, math.inf, True))
        if not math.isfinite(v) or not (v >= low if low_in else v > low) or not (v <= high if high_in else v < high):
            bad(f"deepcl.{key}", _("must be a number {low_relation} {low:g} and {high_relation} {high:g}, not "
                                   "{value!r} (the default: {default!r})").format(
                low_relation=">=" if low_in else ">", low=low, high_relation="<=" if high_in else "<", high=high,
                value=v, default=inspect.signature(deepcl_loss).parameters[key].default))
    margins = inspect.signature(deepcl_loss).parameters
    margin = cfg["deepcl"].get("margin", margins["margin"].default)
    pos_margin = cfg["deepcl"].get("pos_margin", margins["pos_margin"].default)
    if pos_margin >= margin:
        bad("deepcl.pos_margin", _("must be below deepcl.margin ({margin!r}), not {value!r}: unchanged pairs are "
                                   "pulled closer than changed ones are pushed apart").format(
            margin=margin, value=pos_margin))

    data = cfg.get("data")
    if not isinstance(data, dict):
        bad("data", _("must be an object such as {{\"kind\": \"generic\", \"root\": \"FOLDER\"}}, not {value!r}").format(
            value=data))
    from model_core.datasets import KINDS

    kind = data.get("kind", "semisynthetic")
    kinds = ("semisynthetic",) + tuple(k for k in KINDS if k != "taizhou")
    if kind == "taizhou":
        raise CaimError(_("Config: data kind 'taizhou' is the model card's real-label test pair and is not a "
                          "training kind (weights trained on it could no longer be judged on it). For a pair of "
                          "your own, use kind 'generic' or 'pairs'."))
    if kind not in kinds:
        bad("data.kind", _("{value!r} is unknown; choose one of {kinds}").format(value=kind, kinds=", ".join(kinds)))
    known = _data_keys(kind)
    unknown = sorted(set(data) - set(known) - {"kind"})
    if unknown:
        bad("data", _("has key(s) {keys} that data kind '{kind}' does not know; known keys: {known}").format(
            keys=", ".join(unknown), kind=kind, known=", ".join(known)))
    if kind != "semisynthetic":
        for key in ("root", "val_root"):
            v = data.get(key)
            if key == "root" and not v:
                bad("data.root", _("must name the folder of the {kind} data").format(kind=kind))
            _check_folder(f"data.{key}", v, kind, bad)
    else:  # the folder of the source imagery (null: the default data folder); it was first read after the model
        _check_folder("data.root", data.get("root"), kind, bad)  # was built, as "no source imagery found under"
    _check_data_values(kind, data, bad)
    val_data = cfg.get("val_data")
    if not isinstance(val_data, dict):
        bad("val_data", _("must be an object of generator options for the validation series, not {value!r}").format(
            value=val_data))
    if val_data:
        if kind != "semisynthetic":
            bad("val_data", _("applies to semi-synthetic data only; for data kind '{kind}' name the validation "
                              "series with data.val_root or data.val_split").format(kind=kind))
        unknown = sorted(set(val_data) - set(known))
        if unknown:
            bad("val_data", _("has key(s) {keys} that data kind '{kind}' does not know; known keys: {known}").format(
                keys=", ".join(unknown), kind=kind, known=", ".join(known)))
        _check_data_values(kind, val_data, lambda key, what: bad("val_" + key, what))  # "val_data.haze_prob"
        _check_folder("val_data.root", val_data.get("root"), kind, bad)
    bands = data.get("bands")
    if bands is not None and (not isinstance(bands, list) or len(bands) != 4
                              or not all(isinstance(b, int) and not isinstance(b, bool) and b >= 1 for b in bands)):
        bad("data.bands", _("must be a list of 4 band numbers (1-based, in R, G, B, NIR order), e.g. [3, 2, 1, 4], "
                            "not {value!r}").format(value=bands))
    if getattr(cls, "max_dates", None) == 2 and kind not in ("pairs", "oscd") and cfg["t_max"] > 2:
        raise CaimError(_("Config: {model} compares exactly 2 dates: set t_min and t_max to 2 "
                          "(or train on a kind of pairs: pairs, oscd).").format(model=cfg["model"]))


def _check_folder(key, value, kind, bad):
    """Refuse a config's data folder (``data.root``, ``data.val_root``, ``val_data.root``) that is not a folder,
    saying where it was looked for and what to give; None (the default) passes.  A folder that was missing (or a
    file) was found only once the model was built and the data were read: for semi-synthetic data as "no source
    imagery found under ...", without the key."""
    if value is None or (isinstance(value, str) and os.path.isdir(value)):
        return
    if kind == "semisynthetic":
        from model_core.datasets.synthetic import default_data_root

        advice = _("give the folder that holds the source imagery (as the project's shared/data, with its "
                   "naip-north-dakota, landsat-pucallpa, ... folders; see its SOURCES.md), or null for the default "
                   "data folder ({default})").format(default=default_data_root())
    elif key == "data.val_root":
        advice = _("give the folder of the held-out {kind} series to validate on, or leave data.val_root out "
                   "(the validation patches then come from the training series)").format(kind=kind)
    else:
        advice = _("give the folder of the {kind} training series").format(kind=kind)
    if not isinstance(value, str) or not value.strip():
        bad(key, _("must name a folder, not {value!r}: {advice}").format(value=value, advice=advice))
    where = repr(value) if os.path.isabs(value) else _("{value!r} (from the current folder, {cwd})").format(
        value=value, cwd=os.getcwd())
    bad(key, (_("{where} is a file, not a folder: {advice}") if os.path.exists(value) else
              _("{where} does not exist: {advice}")).format(where=where, advice=advice) + _env_note(value))


def _at_most(key, v, bad):
    """Refuse a value of ``key`` above its :data:`_HIGHEST`, saying the range and what the key does."""
    if key in _HIGHEST and v > _HIGHEST[key][0]:
        high, what = _HIGHEST[key]
        bad(key, _("must be at most {high}, not {value!r}: {what}").format(high=high, value=v, what=translated(what)))


def _check_warmup(cfg, resume, log, own_steps=None):
    """A warm-up longer than the run: the rate would still be rising at the last step, so lr is never reached (a
    warmup_steps of 1e21 trained at a rate of ~0 without a word). Refused when the config is too short by itself
    (``own_steps``, the config file's own epochs x steps_per_epoch, when the command line set --epochs/--steps;
    else the run's); a warning when the command line shortened a config that is long enough (a trial run of a
    config from configs/, whose warm-up has no option) or the run is resumed (its recorded config cannot change
    warmup_steps, and calibrate reloads it): not in :func:`check_config`, which also checks stored configs.
    (Any --epochs/--steps gave the warning: ``--epochs 1`` on a config of one epoch too short for its warm-up, the
    config's own length, was not refused.)"""
    from model_core.errors import CaimError

    warm, total = int(cfg["warmup_steps"]), int(cfg["epochs"]) * int(cfg["steps_per_epoch"])
    if warm <= total:
        return
    if not resume and warm > (total if own_steps is None else own_steps):  # one step: "1 step", not "1 steps"
        raise CaimError(_("Config: {key} {what}.").format(key="warmup_steps", what=(_(
            "is {steps}, more than the run's {total} step (epochs x steps_per_epoch), so the learning rate would "
            "never reach lr; give fewer (50-100 in the configs) or 0") if total == 1 else _(
            "is {steps}, more than the run's {total} steps (epochs x steps_per_epoch), so the learning rate would "
            "never reach lr; give fewer (50-100 in the configs) or 0")).format(steps=warm, total=total)))
    log((_("warning: warmup_steps ({steps}) is more than this run's {total} step (epochs x steps_per_epoch): the "
           "learning rate is still rising at the last step, which trains at {last:.3g} instead of lr {lr:g}.")
         if total == 1 else
         _("warning: warmup_steps ({steps}) is more than this run's {total} steps (epochs x steps_per_epoch): the "
           "learning rate is still rising at the last step, which trains at {last:.3g} instead of lr {lr:g}.")).format(
        steps=warm, total=total, last=float(cfg["lr"]) * total / warm, lr=float(cfg["lr"])))


def _check_data_values(kind, data, bad):
    """The values of a "data" section's options by their kind: they went to the loaders and generator as they
    were, so "t": "3" ended in a TypeError traceback, "split" for a generic folder in a message about
    --split and --root (evaluate's options), and a semi-synthetic "landcover_prob": "0.3" or 3 trained
    without a word."""
    def whole(v, low):
        return isinstance(v, int) and not isinstance(v, bool) and v >= low

    if kind == "semisynthetic":
        for key, v in data.items():
            if key.endswith("_prob") and (isinstance(v, bool) or not isinstance(v, (int, float))
                                          or not 0 <= v <= 1):
                bad(f"data.{key}", _("must be a share between 0 and 1, not {value!r}").format(value=v))
        # the generator's other numbers (SemiSyntheticGenerator): a max_events of 0 ended in a ValueError traceback, a
        # margin of -5 in "could not broadcast", one of 100000 in a MemoryError of 596 GiB; a min_contrast of 1 or
        # more (values are 0-1) and a negative context_crops or landcover_regions were taken without a word
        for key, low, high in (("margin", 0, 64), ("max_events", 1, 64), ("context_crops", 0, 64)):
            if key in data and not (whole(data[key], low) and data[key] <= high):
                bad(f"data.{key}", _("must be a whole number from {low} to {high}, not {value!r}").format(
                    low=low, high=high, value=data[key]))
        if "min_contrast" in data and (isinstance(data["min_contrast"], bool) or not isinstance(
                data["min_contrast"], (int, float)) or not 0 <= data["min_contrast"] < 1):
            bad("data.min_contrast", _("must be a number from 0 to below 1 (a mean difference of 0-1 values; 0.04 by "
                                       "default), not {value!r}").format(value=data["min_contrast"]))
        for key in ("landcover_regions", "haze_depth"):
            if key in data and (isinstance(data[key], bool) or not isinstance(data[key], (int, float))
                                or not 0 <= data[key] <= 1):
                bad(f"data.{key}", _("must be a share between 0 and 1, not {value!r}").format(value=data[key]))
        weights = data.get("source_weights")
        if weights is not None and not (isinstance(weights, dict) and weights and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0
                for v in weights.values()) and any(v > 0 for v in weights.values())):
            bad("data.source_weights", _("must be an object of source names and weights >= 0, at least one above 0, "
                                         "e.g. {{\"naip\": 0.55, \"landsat\": 0.45}}, not {value!r}").format(
                value=weights))
        if "sources" in data and data["sources"] is not None and not (
                isinstance(data["sources"], list) and data["sources"]
                and all(isinstance(x, str) for x in data["sources"])):
            bad("data.sources", _("must be a list of source names, e.g. [\"naip\", \"landsat\"], not {value!r}").format(
                value=data["sources"]))
    else:
        if data.get("t") is not None and not whole(data["t"], 2):
            bad("data.t", _("must be null (every date) or a whole number of dates of at least 2, not {value!r}").format(
                value=data["t"]))
        if data.get("cache") is not None and not whole(data["cache"], 1):
            bad("data.cache", _("must be a whole number of tiles of at least 1, not {value!r}").format(value=data["cache"]))
        for key in ("split", "val_split"):
            v = data.get(key)
            if v is not None and kind not in ("pairs", "oscd"):
                folder = "val_root" if key == "val_split" else "root"
                bad(f"data.{key}", _("applies to the pairs and oscd kinds; for {kind}, point data.{folder} at the "
                                     "split's folder").format(kind=kind, folder=folder))
            if v is not None and (not isinstance(v, str) or not v.strip()):
                bad(f"data.{key}", _("must name a split, e.g. \"train\", not {value!r}").format(value=v))
    if "scene_stats" in data and not isinstance(data["scene_stats"], bool):
        bad("data.scene_stats", _("must be true or false, not {value!r}").format(value=data["scene_stats"]))


def _check_model_config(cls, options, bad):
    """Refuse model options the network's constructor does not take, and sizes that are not whole numbers of
    at least 1 (a feature count of 0 or -4 stopped the run in a traceback from inside PyTorch; "8" as text in
    "not all arguments converted during string formatting")."""
    import inspect

    params = {k: p.default for k, p in inspect.signature(cls.__init__).parameters.items()
              if k not in ("self", "in_channels") and p.default is not inspect.Parameter.empty}
    unknown = sorted(set(options) - set(params))
    if unknown:
        bad("model_config", _("has key(s) {keys} that {model} does not take; known keys: {known}").format(
            keys=", ".join(unknown), model=cls.__name__, known=", ".join(params)))

    def size(v):
        return isinstance(v, int) and not isinstance(v, bool) and v >= 1

    for key, v in options.items():
        default = params[key]
        if isinstance(default, int) and not isinstance(default, bool) and not size(v):
            bad(f"model_config.{key}", _("must be a whole number of at least 1, not {value!r}").format(value=v))
        if isinstance(default, (tuple, list)) and not (isinstance(v, list) and len(v) == len(default)
                                                         and all(size(x) for x in v)):
            bad(f"model_config.{key}", _("must be a list of {n} whole numbers of at least 1 (the default is "
                                         "{default}), not {value!r}").format(n=len(default), default=list(default),
                                                                              value=v))


def pick_device(name):
    import torch

    if name in (None, "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


def _init_provenance(path, meta):
    """What the file ``path`` a fine-tune starts from was trained on, from its training record ``meta``
    (JSON text for the new file's meta), so that ``python -m model_core weights`` can follow the chain, and which
    file it was: its SHA-256 (a start path names whatever file is there later; the bundled caimnet_rgbn.pt started
    from the file bundled under that name before it)."""
    from model_core.provenance import file_identity, training

    info = dict(training(meta or {}), file=path, sha256=file_identity(path))
    return json.dumps({k: info[k] for k in ("file", "sha256", "sources", "public_domain", "started_from", "note")})


# ------------------------------------------------------------------------------------------- data

class _Source:
    """Uniform access to training / validation batches for every data kind."""

    def __init__(self, cfg, split):
        data = dict(cfg["data"])
        if split == "val":  # the validation series' own generator options (semi-synthetic data; check_config)
            data.update(cfg.get("val_data") or {})
        self.kind = data.pop("kind", "semisynthetic")
        self.patch = int(cfg["patch"])
        self.coregister = bool(cfg.get("coregister"))
        if self.kind == "semisynthetic":
            from model_core.datasets.synthetic import SemiSyntheticGenerator

            self.gen = SemiSyntheticGenerator(split=split, patch=self.patch, **data)
        else:
            from model_core.datasets import series_patches

            root = data.get("val_root") if split == "val" and data.get("val_root") else data["root"]
            part = data.get("val_split") if split == "val" and data.get("val_split") else data.get("split")
            self.gen = series_patches.PatchSampler(self.kind, root, patch=self.patch, split=part,
                                                   **{k: v for k, v in data.items()
                                                      if k not in ("root", "val_root", "split", "val_split")})
            self.green_as_nir = _green_as_nir(self.gen.series)

    green_as_nir = False  # the semi-synthetic series have a NIR band
    coregister = False

    def batch(self, rng, n, t):
        b = self.gen.batch(rng, n, t)
        if not self.coregister:
            return b
        # each series of the generator's batch moved (the same draws as without co-registration; a loader of real
        # series picks one number of dates for the whole batch there, where its series have no t dates)
        items = [coregistered({k: v[i] for k, v in b.items()}) for i in range(len(b["values"]))]
        return {k: np.stack([it[k] for it in items]) for k in items[0]}

    def sample(self, rng, t):
        s = self.gen.sample(rng, t)
        return coregistered(s) if self.coregister else s


def coregistered(sample):
    """A training sample with its dates moved onto its first date (:func:`model_core.coregister.align`, the engine's
    co-registration); the pixels a moved date no longer covers are invalid and unlabelled."""
    from model_core.coregister import align
    from model_core.losses import IGNORE

    s = dict(sample)
    s["values"], s["valid"], _shifts = align(s["values"], s["valid"])
    moment = np.array(s["moment"], copy=True)
    moment[~s["valid"]] = IGNORE
    s["moment"] = moment
    return s


def _green_as_nir(series, most=8):
    """Whether the training series (of a dataset read a tile at a time, the first ``most``) all hold their green
    band in the NIR place: RGB-only images, which the loaders read as R, G, B, G.  A file trained on them
    records it (``meta["green_as_nir"]``), so that a run reading a real NIR band is warned, as of a band mapping
    (:func:`model_core.provenance.trained_bands`)."""
    from model_core.datasets.series import loaded

    seen = [loaded(s) for s in series[:most]]
    return bool(seen) and all(np.array_equal(s.values[:, 3], s.values[:, 1]) for s in seen)


def sample_stats(sample):
    """The (center, scale) scene statistics a sample carries, or None (normalise with its own)."""
    return (sample["center"], sample["scale"]) if "center" in sample else None


def to_tensors(batch, device):
    """Normalise each sample like inference does and return (x, target) tensors."""
    import torch

    n = len(batch["values"])
    centers, scales = batch.get("center", [None] * n), batch.get("scale", [None] * n)  # per sample
    xs = [normalise_sample(v, ok, c, sc)
          for v, ok, c, sc in zip(batch["values"], batch["valid"], centers, scales)]
    x = torch.from_numpy(np.stack(xs)).to(device)
    y = torch.from_numpy(batch["moment"].astype(np.int64)).to(device)
    return x, y


def validation_samples(cfg):
    """The fixed held-out validation samples of a config (same for every epoch and run)."""
    src = _Source(cfg, "val")
    t_values = list(range(int(cfg["t_min"]), int(cfg["t_max"]) + 1))
    out = []
    for i in range(int(cfg["val_samples"])):
        vs = cfg.get("val_seed")
        rng = np.random.default_rng([int(cfg["seed"] if vs is None else vs) + 1000003, i])
        out.append(src.sample(rng, t_values[i % len(t_values)]))
    return out


def data_error(data, exc):
    """The CaimError for a ValueError or OSError raised reading a config's ``data`` (train, calibrate): which data,
    and the loader's message (an OSError of the operating system's worded by
    :func:`model_core.errors.read_error_text`, not "[Errno 13] Permission denied: ...")."""
    from model_core.errors import CaimError, read_error_text

    kind = data.get("kind", "semisynthetic")
    return CaimError((_("Training data ({kind} at '{root}'): {exc}") if data.get("root") else
                      _("Training data ({kind}): {exc}")).format(
        kind=kind, root=data.get("root"), exc=read_error_text(exc) if isinstance(exc, OSError) else exc))


def batches_by_t(samples, device, batch=8):
    """(sample indices, input tensor) batches of ``samples`` grouped by their number of dates."""
    by_t = {}
    for i, s in enumerate(samples):
        by_t.setdefault(s["values"].shape[0], []).append(i)
    for _unused, idx in sorted(by_t.items()):
        for j in range(0, len(idx), batch):
            chunk = idx[j:j + batch]
            keys = [k for k in ("values", "valid", "moment", "center", "scale") if k in samples[chunk[0]]]
            b = {k: np.stack([samples[i][k] for i in chunk]) for k in keys}
            yield chunk, to_tensors(b, device)[0]


def score_samples(samples, preds):
    from model_core.metrics import ConfusionMatrix

    cm = ConfusionMatrix()
    kmax = max(s["values"].shape[0] for s in samples)
    for s, p in zip(samples, preds):
        cm.update(s["moment"], p, num_classes=kmax)
    return cm


def baseline_on_samples(samples):
    from model_core.baseline import cva

    return [cva(s["values"], s["valid"])["moment"] for s in samples]


def _summary_line(summ):
    a, m = summ["area"], summ["moment"]
    return (f"area OA {a['oa']:.4f} F1 {a['f1']:.4f} kappa {a['kappa']:.4f} | "
            f"moment OA {m['oa']:.4f} kappa {m['kappa']:.4f} macroF1 {m['macro_f1']:.4f}")


# ------------------------------------------------------------------------------------------ train

def _lr_schedule(cfg, steps_per_epoch):
    """Learning rate as a function of the global step (0-based)."""
    import math

    base = float(cfg["lr"])
    total = max(1, int(cfg["epochs"]) * int(steps_per_epoch))
    warm = max(0, int(cfg.get("warmup_steps") or 0))
    kind = cfg.get("lr_schedule")
    if kind not in (None, "constant", "cosine"):
        from model_core.errors import CaimError

        raise CaimError(translated(_LR_SCHEDULE_REFUSAL).format(value=kind))
    floor = base * float(cfg.get("lr_min_ratio", 0.05))

    def lr_at(g):
        if g < warm:
            return base * (g + 1) / warm
        if kind != "cosine":
            return base
        frac = min(1.0, (g - warm) / max(1, total - warm - 1))  # the last step is at the floor
        return floor + 0.5 * (base - floor) * (1.0 + math.cos(math.pi * frac))

    return lr_at


class _Ema:
    """Exponential moving average of a model's parameters and floating-point buffers."""

    def __init__(self, model, decay):
        """``decay``: the config's ema, in (0, 1): :func:`check_config` refuses any other (NaN, infinite, 0 or
        less, 1 or more, not a number) before :func:`train` makes one."""
        import copy

        self.decay = decay
        self.model = copy.deepcopy(model)
        for p in self.model.parameters():
            p.requires_grad_(False)

    def update(self, model):
        import torch

        with torch.no_grad():
            src = model.state_dict()
            for k, v in self.model.state_dict().items():
                if v.dtype.is_floating_point:
                    v.mul_(self.decay).add_(src[k].detach(), alpha=1.0 - self.decay)
                else:
                    v.copy_(src[k])

_RESUME_MAY_CHANGE = ("epochs", "lr", "threads", "device", "out", "command", "resumed_by")


def _describe_run(out):
    """'3 epochs' from a run folder's history.json, or '' when it cannot be read."""
    try:
        with open(os.path.join(out, "history.json"), encoding="utf-8") as f:
            n = len(json.load(f).get("epochs", []))
        return (_("{n} epoch trained") if n == 1 else _("{n} epochs trained")).format(n=n)
    except (OSError, ValueError, AttributeError):
        return ""


def _config_changes(stored, cfg):
    """The keys whose values differ between a run's stored config and ``cfg`` (those a resumed run
    may change apart), as 'key: old -> new' texts."""
    old = _merged(stored)
    return [f"{k}: {json.dumps(old.get(k))} -> {json.dumps(cfg.get(k))}" for k in sorted(set(old) | set(cfg))
            if k not in _RESUME_MAY_CHANGE and old.get(k) != cfg.get(k)]


def train(cfg, resume=False, log=None, overwrite=False, own_steps=None):
    """Run the training described by ``cfg`` (a dict from :func:`load_config`); ``own_steps``: the config file's
    own epochs x steps_per_epoch when the command line changed them (:func:`_check_warmup`).

    Everything that can be refused is refused before the output folder is touched: the config, a folder
    that holds another run (unless ``overwrite``), a resume whose config differs from the run's in
    anything but epochs, lr, threads or device, and the training and validation data.  A run that stops
    before its first checkpoint leaves no folder or config.json behind."""
    import torch

    from model_core import weights as wio
    from model_core.errors import CaimError
    from model_core.models import build_model
    from model_core.predict import make_folders, remove_created

    check_config(cfg)
    log = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    _check_warmup(cfg, resume, log, own_steps=own_steps)
    if cfg.get("threads"):
        torch.set_num_threads(int(cfg["threads"]))
    device = pick_device(cfg["device"])
    # here, not in check_config: a file trained on a GPU is still calibrated from its config on a CPU
    if device.type == "cuda" and (not torch.cuda.is_available()
                                  or (device.index or 0) >= torch.cuda.device_count()):
        raise CaimError(_("Config: device is {device!r}, but torch sees no such CUDA GPU here; use auto "
                          "or cpu.").format(device=cfg["device"]))
    out = cfg["out"]
    last_path, state_path = os.path.join(out, "last.pt"), os.path.join(out, "state.pt")
    run_files = [os.path.join(out, n) for n in ("last.pt", "state.pt", "best.pt", "history.json")]
    if os.path.exists(out) and not os.path.isdir(out):
        raise CaimError(_("The output folder '{out}' is a file. Give another --out.").format(out=out))
    existing = [f for f in run_files if os.path.exists(f)]
    if not resume and existing and not overwrite and not os.path.exists(state_path):
        # (a run of an earlier version stopped between its first checkpoint's files: --resume needs state.pt)
        raise CaimError(_("'{out}' holds the files of a training run stopped before its first checkpoint was "
                          "complete ({files}; no state.pt): there is nothing to resume. Replace it with --overwrite, "
                          "or train into another folder (--out).").format(
            out=out, files=", ".join(os.path.basename(f) for f in existing)))
    if not resume and existing and not overwrite:
        done = _describe_run(out)
        raise CaimError(_("'{out}' already holds a training run ({files}). Continue it with --resume, train "
                          "into another folder (--out), or replace it with --overwrite.").format(
            out=out, files=(done + ", " if done else "") + ", ".join(os.path.basename(f) for f in existing)))
    if not resume and not existing and not overwrite and os.path.isfile(os.path.join(out, "config.json")):
        # the run writes OUT/config.json (and removes it when stopped before its first checkpoint): a
        # config.json without a run is the user's, often the very config being run
        names = ", ".join(os.path.basename(f) for f in run_files)
        raise CaimError(_("'{out}' holds a config.json that is not a training run's (no {names}); the run would "
                          "replace it with its own record. Train into another folder (--out), or replace it with "
                          "--overwrite.").format(out=out, names=names))
    seed = int(cfg["seed"])
    torch.manual_seed(seed)
    try:
        model = build_model(cfg["model"], in_channels=4, preset=cfg["preset"], **cfg["model_config"])
    except (TypeError, ValueError, RuntimeError, AssertionError) as exc:  # sizes that do not fit each other
        raise CaimError(_("Config: model_config {options} does not fit {model} (preset {preset!r}): {reason}.").format(
            options=json.dumps(cfg["model_config"]), model=cfg["model"], preset=cfg["preset"],
            reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)) from None
    model.to(device)
    opt = torch.optim.Adam(model.parameters(), lr=float(cfg["lr"]),
                           weight_decay=float(cfg["weight_decay"]))
    if cfg.get("init") and not resume:
        if not os.path.isfile(cfg["init"]):  # the weights loader's advice ("leave it empty") is detect's
            raise CaimError(_("Config: init {path!r} is not a file{note}: give an existing .pt weights file to start "
                              "from, or null (no --init) to train from scratch.").format(
                path=cfg["init"], note=_env_note(cfg["init"])))
        init = wio.read(cfg["init"])
        if init["arch"] != model.arch:
            bundled = wio.default_weights(model.arch)
            raise CaimError((_("init weights '{path}' are for '{arch}', not '{model}' (the config's model): start "
                               "from a {model} file (the bundled '{bundled}', say), or set \"model\": \"{arch}\" to "
                               "fine-tune that one.") if bundled else
                             _("init weights '{path}' are for '{arch}', not '{model}' (the config's model): start "
                               "from a {model} file, or set \"model\": \"{arch}\" to fine-tune that one.")).format(
                path=cfg["init"], arch=init["arch"], model=model.arch,
                bundled=os.path.basename(bundled) if bundled else ""))
        try:
            model.load_state_dict(init["state_dict"])
        except RuntimeError:
            raise CaimError(_("init weights '{path}' are a {arch} of another size than the config's (preset "
                              "{preset!r}, model_config {options}): start from a file of the same preset.").format(
                path=cfg["init"], arch=init["arch"], preset=cfg["preset"], options=cfg["model_config"])) from None
        init_record = _init_provenance(cfg["init"], init.get("meta"))
        init_bias = (init.get("calibration") or {}).get("no_change_bias")
    else:
        init_record = init_bias = None
    history, best, start_epoch = [], -1e9, 0
    state = payload = None
    if resume:
        if not (os.path.isfile(last_path) and os.path.isfile(state_path)):
            raise CaimError(_("Cannot resume: '{last}' or '{state}' is missing. Start without --resume.").format(
                last=last_path, state=state_path))
        payload = wio.read(last_path)
        meta = payload.get("meta") or {}
        try:
            stored = json.loads(meta.get("config") or "{}")
        except ValueError:
            stored = {}
        stored = stored if isinstance(stored, dict) else {}
        changes = _config_changes(stored, cfg)
        if changes:
            raise CaimError(_("Cannot resume the run in '{out}' with another config; it differs in: {changes}. A "
                              "resumed run may change only epochs, lr, threads and device. Resume with the run's own "
                              "config ('{config}'), or start a new run into another --out.").format(
                out=out, changes="; ".join(changes), config=os.path.join(out, "config.json")))
        # the start file's record as the run's first part wrote it (the file may have changed since)
        init_record = meta.get("init_provenance")
        if init_record is None and cfg.get("init") and os.path.isfile(cfg["init"]):  # a run from before it
            try:
                init_record = _init_provenance(cfg["init"], wio.read(cfg["init"]).get("meta"))
            except CaimError:
                pass
        try:
            state = wio.load_tensors(torch, state_path)
        except Exception as exc:  # truncated or not a state file
            raise CaimError(_("Cannot resume: '{state}' cannot be read ({error}). Start again into another --out "
                              "(or with --overwrite).").format(state=state_path, error=type(exc).__name__)) from None
        if not isinstance(state, dict) or not {"epoch", "optimizer", "history", "best"} <= set(state):
            raise CaimError(_("Cannot resume: '{state}' is not a training state written by this trainer.").format(
                state=state_path))
        if "model" not in state and int(meta.get("epoch", -1)) != int(state["epoch"]) + 1:
            # a state from before the self-contained one: its weights are last.pt's, which must be its epoch's
            raise CaimError(_("Cannot resume: '{last}' (epoch {last_epoch}) and '{state}' (epoch {state_epoch}) are "
                              "from different epochs (the run was stopped while saving). Start again into another "
                              "--out.").format(last=last_path, last_epoch=meta.get("epoch"), state=state_path,
                                               state_epoch=int(state["epoch"]) + 1))
        try:
            model.load_state_dict(state.get("model") or state.get("raw_model") or payload["state_dict"])
            opt.load_state_dict(state["optimizer"])
        except (RuntimeError, ValueError, KeyError):
            raise CaimError(_("Cannot resume: the checkpoint in '{out}' does not fit the config's model "
                              "({model}, preset {preset!r}).").format(out=out, model=cfg["model"],
                                                                      preset=cfg["preset"])) from None
        for group in opt.param_groups:  # the config's (or --lr's) rate applies from here on
            group["lr"] = float(cfg["lr"])
        history = json.loads(state["history"])
        best = float(state["best"])
        start_epoch = int(state["epoch"]) + 1
        if start_epoch >= int(cfg["epochs"]):
            raise CaimError((_("The run in '{out}' has finished its {epochs} epoch. To train on, raise the number of "
                               "epochs: --resume --epochs {more}, say.") if start_epoch == 1 else
                             _("The run in '{out}' has finished its {epochs} epochs. To train on, raise the number "
                               "of epochs: --resume --epochs {more}, say.")).format(out=out, epochs=start_epoch,
                                                                                   more=start_epoch + 5))
        log(_("resumed from {state} at epoch {epoch}").format(state=state_path, epoch=start_epoch + 1))
        if stored.get("command") and cfg.get("command"):
            # the weights files record the run's first command and every resume's after it (they recorded the
            # last resume's alone, so `weights FILE` showed "--resume --epochs 8" as how the file was trained)
            cfg["resumed_by"] = list(stored.get("resumed_by") or []) + [cfg["command"]]
            cfg["command"] = stored["command"]
    # after a resume's check of its config, which names every key that differs
    mult = int(getattr(model, "multiple", 1) or 1)
    if int(cfg["patch"]) % mult:  # the first step stopped with the model's "height and width must be multiples"
        near = sorted({max(mult, int(cfg["patch"]) // mult * mult), -(-int(cfg["patch"]) // mult) * mult})
        raise CaimError(_("Config: patch must be a multiple of {multiple} for {model} (preset {preset!r}), not "
                          "{patch}; e.g. {sizes}.").format(multiple=mult, model=cfg["model"], preset=cfg["preset"],
                                                          patch=cfg["patch"], sizes=_("{a} or {b}").format(
                                                              a=near[0], b=near[1]) if len(near) > 1 else near[0]))
    ema = None
    if cfg.get("ema"):
        ema = _Ema(model, float(cfg["ema"]))
        if resume:
            ema.model.load_state_dict(state.get("ema_model") or payload["state_dict"])

    log(_("device {device}; model {model} ({n} parameters); building validation set").format(
        device=device, model=cfg["model"], n=sum(p.numel() for p in model.parameters())))
    data = cfg["data"]
    kind = data.get("kind", "semisynthetic")
    try:
        train_src = _Source(cfg, "train")
        val = validation_samples(cfg)
    except (ValueError, OSError) as exc:
        raise data_error(data, exc) from None
    from model_core.provenance import held_out

    if kind != "semisynthetic" and not held_out(data):
        what = (_("no val_split") if kind in ("pairs", "oscd") else
                _("no val_root") if not data.get("val_root") else
                _("a val_root that is root, or inside it or around it,"))
        log(_("warning: {what} in the config's data: the validation patches come from the training series "
              "themselves, so best.pt is chosen on pixels it was trained on. Give held-out series for an honest "
              "choice.").format(what=what))
    labelled = sum(int((np.asarray(smp["moment"]) != 255).sum()) for smp in val)
    if labelled == 0:
        raise CaimError(_("The {n} validation patches have no labelled pixel (every label is 255, unlabelled): no "
                          "epoch could be judged. Give validation series with labels (val_root), or larger patches "
                          "(patch).").format(n=len(val)))
    t_have = sorted({smp["values"].shape[0] for smp in val})
    if t_have and (t_have[-1] < int(cfg["t_min"]) or t_have[0] > int(cfg["t_max"])):
        log(_("note: the series have {dates} dates; t_min..t_max {t_min}..{t_max} cannot apply (a moment label fixes "
              "a series' dates), so the batches have the series' own dates.").format(
            dates=", ".join(map(str, t_have)), t_min=cfg["t_min"], t_max=cfg["t_max"]))
    base_summary = score_samples(val, baseline_on_samples(val)).summary()
    log(_("validation baseline (CVA): {summary}").format(summary=_summary_line(base_summary)))
    if init_record is not None and not resume:  # a fine-tune: what its epochs have to beat
        from model_core import calibrate

        bias = float(init_bias or 0.0)
        area, moment, start = calibrate.score(val, calibrate.collect(model, val, device), bias)
        log((_("validation of the starting weights ({name}, with their no-change bias {bias:+.2f}): {summary}; "
               "score {score:.4f}") if bias else
             _("validation of the starting weights ({name}): {summary}; score {score:.4f}")).format(
            name=os.path.basename(cfg["init"]), bias=bias, summary=_summary_line({"area": area, "moment": moment}),
            score=start))

    created = make_folders(out)
    config_path = os.path.join(out, "config.json")
    # Nothing is written into the folder before the first checkpoint, which brings config.json (the run's record)
    # and replaces a run given up with --overwrite (its files that the checkpoint does not replace go then):
    # a run killed on the spot before it (kill -9) leaves no config.json that the next run would refuse as
    # the user's, and an --overwrite killed so leaves the earlier run whole. Each checkpoint is written
    # whole in a hidden folder locked for the run (left by a kill -9, removed here by the next run).
    from model_core.staging import remove_abandoned

    remove_abandoned(out, CHECKPOINT_PREFIX)
    ours = not resume and not existing and not os.path.isfile(config_path)  # no file of another run or the user
    saved = [False]
    try:
        history = _epochs(cfg, model, opt, ema, train_src, val, base_summary, history, best, start_epoch, device,
                          init_record, log, saved, stale=existing if overwrite and not resume else [])
        if init_bias:  # a fine-tune's checkpoints carry no calibration: the starting file's is not theirs
            log(_("note: the starting weights carry a no-change bias of {bias:+.2f} (their calibration); best.pt and "
                  "last.pt carry none. Calibrate the file you will use on your validation data: {command}").format(
                bias=init_bias, command=f"python -m model_core calibrate --weights {os.path.join(out, 'best.pt')} "
                                        f"--out CALIBRATED.pt --config {config_path}"))
        return history
    except BaseException:
        if not saved[0]:  # stopped before its first checkpoint was complete: leave nothing behind
            if ours:  # (a stop between the moves of its files into place)
                for f in run_files + [config_path]:
                    if os.path.exists(f):
                        os.remove(f)
            remove_created(created)
        raise


def _not_finite(value, epoch, step, t, out, saved):
    """The error that stops a run whose loss is not a finite number (the weights would become NaN): where, what is
    kept, what to change."""
    from model_core.errors import CaimError

    kept = (_("The checkpoints of the last finished epoch are kept in '{out}': continue with --resume and a lower "
              "--lr.").format(out=out) if saved else _("No epoch had finished; nothing was kept."))
    return CaimError(_("Training stopped at epoch {epoch}, step {step} (T = {t}): the loss is {value} (not a number the "
                       "weights can learn from). {kept} Lower lr, set grad_clip (e.g. 1.0), or check the data's values "
                       "(a band of NaN or huge numbers) and labels.").format(
        epoch=epoch + 1, step=step + 1, t=t, value=value, kept=kept))


CHECKPOINT_PREFIX = ".caim-checkpoint-"  # the hidden folder a checkpoint is written in (model_core.staging)


def _epochs(cfg, model, opt, ema, train_src, val, base_summary, history, best, start_epoch, device,
            init_record, log, saved, stale=()):
    """The epochs of :func:`train` from ``start_epoch``; ``saved[0]`` becomes True at the first checkpoint,
    which also writes config.json and removes the files ``stale`` (a run replaced with --overwrite) that it
    does not replace."""
    import torch

    from model_core import calibrate
    from model_core import weights as wio
    from model_core.losses import change_loss, class_weights, edge_pixel_weights
    from model_core.staging import staged_output

    out, seed = cfg["out"], int(cfg["seed"])
    state_path = os.path.join(out, "state.pt")
    deepcl = None
    if float(cfg["deepcl_weight"]) > 0:
        from model_core.losses import deepcl_loss as deepcl

    steps = int(cfg["steps_per_epoch"])
    t_lo, t_hi = int(cfg["t_min"]), int(cfg["t_max"])
    lr_at = _lr_schedule(cfg, steps)
    for epoch in range(start_epoch, int(cfg["epochs"])):
        rng = np.random.default_rng([seed, epoch])
        torch.manual_seed(seed * 100003 + epoch)
        model.train()
        bar = Progress(steps, _("epoch {epoch}/{epochs}").format(epoch=epoch + 1, epochs=cfg["epochs"]))
        run_loss, t0 = 0.0, time.time()
        for step in range(steps):
            t = int(rng.integers(t_lo, t_hi + 1))
            x, y = to_tensors(train_src.batch(rng, int(cfg["batch"]), t), device)
            t = x.shape[1]  # loaders of real datasets fix T themselves
            lab = y[y != 255]
            mw = class_weights(torch.bincount(lab, minlength=t)[:t].cpu()).to(device)
            aw = class_weights(torch.bincount((lab > 0).long(), minlength=2).cpu()).to(device)
            res = model(x)
            edge = float(cfg.get("edge_weight") or 0.0)
            pw = edge_pixel_weights(y, edge) if edge > 0 else None
            loss = change_loss(res, y, mw, aw, aux_weight=float(cfg["aux_weight"]), pixel_weight=pw)
            if deepcl is not None and "embeddings" in res:
                loss = loss + float(cfg["deepcl_weight"]) * deepcl(res["embeddings"], y,
                                                                    **cfg.get("deepcl", {}))
            if not bool(torch.isfinite(loss)):  # (a NaN step made every later epoch NaN, and one was saved as best.pt)
                raise _not_finite(float(loss.detach()), epoch, step, t, out, saved[0])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            if cfg.get("grad_clip"):
                torch.nn.utils.clip_grad_norm_(model.parameters(), float(cfg["grad_clip"]))
            for group in opt.param_groups:
                group["lr"] = lr_at(epoch * steps + step)
            opt.step()
            if ema is not None:
                ema.update(model)
            run_loss += float(loss.detach())
            bar.update(step + 1, _("loss {loss:.4f} T={t}").format(loss=run_loss / (step + 1), t=t))
        judged = model if ema is None else ema.model
        logps = calibrate.collect(judged, val, device)
        area0, moment0, _unused = calibrate.score(val, logps, 0.0)  # the network as is (bias 0)
        summ = {"area": area0, "moment": moment0}
        score = float(0.5 * (summ["area"]["kappa"] + summ["moment"]["kappa"]))
        rec = {"epoch": epoch + 1, "loss": run_loss / max(steps, 1), "seconds": time.time() - t0,
               "lr": lr_at((epoch + 1) * steps - 1),
               "val_area": {k: summ["area"][k] for k in ("oa", "precision", "recall", "f1", "kappa")},
               "val_moment": {k: summ["moment"][k] for k in ("oa", "kappa", "macro_f1", "f1_per_class")},
               "score": score}
        if cfg["select"] == "calibrated":
            rows = calibrate.sweep(val, logps)
            top = max(rows, key=lambda r: r["score"])
            rec["calibrated"] = {"bias": top["bias"], "area_kappa": top["area_kappa"],
                                 "moment_kappa": top["moment_kappa"], "score": top["score"]}
            score = rec["score_selected"] = float(top["score"])
        history.append(rec)
        improved = score > best
        meta = {"trained_by": "model_core.train", "config": json.dumps(cfg), "epoch": epoch + 1,
                "val": json.dumps(rec), "val_baseline": _summary_line(base_summary),
                "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        if init_record:
            meta["init_provenance"] = init_record
        if train_src.green_as_nir:
            meta["green_as_nir"] = True
        if improved:
            best = score
        # The checkpoint's files are written whole in a hidden folder locked for this run, then moved into place
        # one by one, state.pt last: it holds everything a resume needs (the raw weights, the average, the
        # optimizer), so a run stopped at any moment (kill -9 too) resumes from the last complete state.pt,
        # training the epochs after it again exactly as before (the batches are seeded by epoch) and recording
        # them again. (The files were written beside their names as '.part' files, which a kill -9 left for good;
        # history.json, written in place, was left cut short.)
        extra = {} if ema is None else {"ema_model": {k: v.detach().cpu() for k, v in ema.model.state_dict().items()}}
        state = {"epoch": int(epoch), "optimizer": opt.state_dict(), "history": json.dumps(history),
                 "best": float(best), "model": {k: v.detach().cpu() for k, v in model.state_dict().items()}, **extra}
        names = ["last.pt"] + (["best.pt"] if improved else []) + ["history.json", "state.pt"]
        if not saved[0]:
            names.append("config.json")  # the run's record, with its first checkpoint (last: a resume reads state)
        with staged_output(state_path, CHECKPOINT_PREFIX) as (scratch, _staged):
            wio.save(os.path.join(scratch, "last.pt"), judged, meta, staged=False)
            if improved:
                wio.save(os.path.join(scratch, "best.pt"), judged, meta, staged=False)
            with open(os.path.join(scratch, "history.json"), "w", encoding="utf-8") as f:
                json.dump({"baseline": base_summary, "epochs": history}, f, indent=1)
            # saving plain tensors and numbers is safe (loading is what B614 is about; Bandit before 1.8 flagged
            # torch.save too, as Debian 13's 1.7.10 does)
            torch.save(state, os.path.join(scratch, "state.pt"))  # nosec B614
            if not saved[0]:
                with open(os.path.join(scratch, "config.json"), "w", encoding="utf-8") as f:
                    json.dump(cfg, f, indent=2)
                for f in stale:  # the replaced run's files this checkpoint does not replace
                    if os.path.basename(f) not in names and os.path.exists(f):
                        os.remove(f)
            for name in names:
                os.replace(os.path.join(scratch, name), os.path.join(out, name))
        saved[0] = True
        cal = (_("; calibrated (b {bias:+.2f}) score {score:.4f}").format(bias=rec["calibrated"]["bias"], score=score)
               if "calibrated" in rec else "")
        log(_("epoch {epoch}: loss {loss:.4f}; val {summary}{calibrated}{best}").format(
            epoch=epoch + 1, loss=rec["loss"], summary=_summary_line(summ), calibrated=cal,
            best=_("  * best") if improved else ""))
    return history


def build_parser():
    p = argparse.ArgumentParser(
        prog="python -m model_core train",
        description="Train a change model (CAIM-Net by default) from a JSON config. Checkpoints every "
                    "epoch into the config's 'out' folder: last.pt, best.pt (best held-out validation "
                    "score), state.pt (for --resume), history.json "
                    "(the scores of every epoch) and config.json (the run's config, which --resume reads).")
    p.add_argument("config", help="JSON config file (see configs/ and model_core/train.py for keys)")
    p.add_argument("--resume", action="store_true", help="continue from OUT/last.pt and OUT/state.pt")
    p.add_argument("--out", help="override the config's output folder")
    p.add_argument("--epochs", type=int, help="override the number of epochs")
    p.add_argument("--steps", type=int, help="override steps per epoch")
    p.add_argument("--device", help="auto (GPU when present), cpu or cuda:N")
    p.add_argument("--threads", type=int, help="torch CPU threads")
    p.add_argument("--seed", type=int, help="override the random seed")
    p.add_argument("--lr", type=float, help="override the learning rate (also when resuming)")
    p.add_argument("--init", help="start from these weights (fine-tuning); a resumed run keeps its own")
    p.add_argument("--overwrite", action="store_true",
                   help="replace a training run already in the output folder (its checkpoints are deleted)")
    return p


def _check_run_folder_of_config(config_path, cfg, args):
    """Refuse a run's ``OUT/config.json`` whose folder is not the run's "out" (the folder was copied or moved):
    ``train COPY/config.json --resume`` continued the original folder's run (its "out"), not the copy's, or,
    with the original gone, found no checkpoint there; ``--overwrite`` deleted the original's checkpoints.
    An --out given on the command line says which folder is meant."""
    from model_core.errors import CaimError

    if args.out is not None:
        return
    folder = os.path.dirname(os.path.abspath(config_path))
    if not any(os.path.isfile(os.path.join(folder, n)) for n in ("last.pt", "state.pt")):
        return
    if os.path.realpath(folder) == os.path.realpath(cfg["out"]):
        return
    what = (_("this command would continue the run in '{out}'") if args.resume else
            _("this command would replace the run in '{out}'") if args.overwrite else
            _("this command would train into '{out}'")).format(out=cfg["out"])
    raise CaimError(_("'{config}' is the config of the training run in '{folder}', but its out is '{out}' (the run "
                      "folder was copied or moved): {what}, not '{folder}'. Give --out {quoted} for the run beside "
                      "this config (or --out {quoted_out} for the other).").format(
        config=config_path, folder=folder, out=cfg["out"], what=what, quoted=shlex.quote(folder),
        quoted_out=shlex.quote(cfg["out"])))


def os_error_text(exc, cfg):
    """The message of an OSError that stopped a run (a checkpoint that cannot be written: permissions, a full
    disk, a folder in a file's place): which path, why (in the run's language), what to do.  It printed the
    system's bare "Is a directory: <the hidden staging folder>/best.pt.", in English in every language.  The
    path is a rename's target (``filename2``: the run folder's file, not the staging folder's), else the file
    the system names, else the run's output folder.  "--resume" when a checkpoint is there to resume."""
    out = cfg["out"] if cfg else None
    path = exc.filename2 or exc.filename or out
    if path is None:  # (no config yet: load_config words its own errors)
        return os_reason(exc) + "."
    kept = bool(out) and os.path.isfile(os.path.join(out, "state.pt"))
    path = os.fsdecode(path)
    return (_("'{path}' could not be written or read ({reason}). Check that you may write to (or read) it, that it "
              "is a file and not a folder, and that the disk has free space; then run the same command again with "
              "--resume: the checkpoints of the last finished epoch are in '{out}'.") if kept else
            _("'{path}' could not be written or read ({reason}). Check that you may write to (or read) it, that it "
              "is a file and not a folder, and that the disk has free space; then run the same command again.")
            ).format(path=path, reason=os_reason(exc), out=out)


def main(argv=None):
    from model_core.errors import CaimError

    args = build_parser().parse_args(argv)
    cfg = None
    try:
        cfg = load_config(args.config)
        own_steps = int(cfg["epochs"]) * int(cfg["steps_per_epoch"])  # the config's own length, before the options
        for key, val in (("out", args.out), ("epochs", args.epochs), ("steps_per_epoch", args.steps),
                         ("device", args.device), ("threads", args.threads), ("seed", args.seed),
                         ("lr", args.lr), ("init", args.init)):
            if val is not None:
                cfg[key] = val
        expand_paths(cfg)  # (an --out=~/runs or --init=~/a.pt the shell left as it was)
        _check_run_folder_of_config(args.config, cfg, args)
        cfg["command"] = "python -m model_core train " + " ".join(
            shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
        from model_core.cli import _restore_signals, _stop_like_ctrl_c
        from model_core.stack import quiet_gdal

        # SIGTERM (timeout, a batch scheduler's time limit) and SIGHUP stop a run as Ctrl-C does: killed on the
        # spot before its first checkpoint, it left OUT/config.json, which the next run refused as the user's
        signals = _stop_like_ctrl_c()
        try:
            with quiet_gdal():  # format notes of odd TIFF tags (the Landsat files) are noise, as in detect
                train(cfg, resume=args.resume, overwrite=args.overwrite,
                      own_steps=own_steps)
        finally:
            _restore_signals(signals)
    except CaimError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the output folder or a file cannot be written (permissions, disk full)
        print("error: " + os_error_text(exc, cfg), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        kept = os.path.exists(os.path.join(cfg["out"], "state.pt")) if cfg else False
        print("\n" + (_("Interrupted. The checkpoints of the last finished epoch are in '{out}'; continue with the same "
                        "command and --resume.").format(out=cfg["out"]) if kept else
                      _("Interrupted. No epoch had finished; nothing was kept.")), file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
