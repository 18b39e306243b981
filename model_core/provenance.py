"""What a weights file is and what it was trained on: ``python -m model_core weights [FILE ...]``.

Every file written by ``model_core.train`` records its training config (the data recipe, the command,
the file it started from) in its ``meta``; ``model_core.calibrate`` adds the no-change bias.  This
module reads that record back (never building the model) and says plainly which imagery the file was
trained on and under which licences, so a user can check a file before sharing maps made with it.

Without FILE it describes the bundled files.  ``--json`` prints the same as JSON.
"""

import argparse
import json
import os
import sys

from model_core.i18n import N_, _, translated

# The public-domain sources (USDA NAIP, USGS Landsat); the generator's ``sources=PUBLIC_DOMAIN`` keeps to
# them.  Defined here, not in the generator, so that a run (and the plugin) can describe its weights
# without importing the generator and scipy.
PUBLIC_DOMAIN = ("naip", "landsat")

# The generator's source names (model_core.datasets.synthetic) -> (folder in ../shared/data, licence).
SOURCES = {
    "naip": ("naip-north-dakota", "public domain (USDA NAIP)"),
    "landsat": ("landsat-pucallpa", "public domain (USGS Landsat)"),
    "spacenet7": ("spacenet7-crops", "CC BY-SA 4.0 (SpaceNet 7)"),
    "den": ("dynamicearthnet-crops", "CC BY-SA 4.0 (DynamicEarthNet)"),
    "cbers": ("cbers-cube", "INPE's CBERS data (free of charge)"),
}
# Layouts a user trains on with their own data: the licence is theirs to know.
USER_DATA = {"spacenet7": N_("SpaceNet 7 folders"), "dynamicearthnet": N_("DynamicEarthNet folders"),
             "generic": N_("a generic folder of dated GeoTIFFs"), "pairs": N_("bi-temporal benchmark pairs"),
             "oscd": N_("OSCD folders")}


def _english(text):
    return text


def _json(value):
    """A meta value stored as JSON text (or already a dict) as a dict; None otherwise."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def training_config(meta):
    """The last training stage's config (dict) recorded in a weights file's ``meta``, or None."""
    staged = sorted(k for k in meta if k.startswith("stage") and k.endswith("_config"))
    return _json(meta.get("config") or (meta[staged[-1]] if staged else None))


def describe(path):
    """A dict describing the weights file ``path`` (raises WeightsError for a file that is not one)."""
    from model_core import weights

    payload = weights.read(path)
    info = {
        "file": path,
        "arch": payload["arch"],
        "parameters": int(sum(int(t.numel()) for k, t in payload["state_dict"].items()  # not BatchNorm's statistics
                              if not k.endswith(("running_mean", "running_var", "num_batches_tracked")))),
        "bands": list(payload.get("band_order") or weights.DEFAULT_BANDS),
        "no_change_bias": float((payload.get("calibration") or {}).get("no_change_bias") or 0.0),
        # the images' bands its training read as R, G, B, NIR (data.bands), which a run should give again
        "band_mapping": trained_bands(payload.get("meta") or {}),
    }
    if info["band_mapping"]:
        origin = mapping_origin(payload.get("meta") or {})
        info["band_mapping_origin"] = ("data.bands" if "data.bands" in origin else
                                       "RGB-only training images, green in place of NIR")
    try:
        info.update(training(payload.get("meta") or {}))
        text(info)  # a record of another shape (a damaged or crafted file) fails here, not in the caller
    except (ValueError, KeyError, TypeError, AttributeError):
        info.update(training({}), note="the file's training record cannot be read: its training data are unknown")
    return info


def training(meta, shown=False):
    """What the training record ``meta`` of a weights file says: command, checkpoint, start file, data,
    each source's licence, whether it is public domain only (True / False / None = unknown), validation.
    Its note in English (``python -m model_core weights``, its JSON), or ``shown`` in the current language."""
    tr = translated if shown else _english
    cfg = training_config(meta) or {}
    data = cfg.get("data") or {}
    kind = data.get("kind")
    init = meta.get("init") or cfg.get("init")  # a staged file's meta says more than its last config
    info = {
        "command": meta.get("command") or cfg.get("command"),
        "resumed_by": [c for c in (cfg.get("resumed_by") or []) if isinstance(c, str)],  # a resumed run's resumes
        "epoch": meta.get("epoch"),
        "epochs": cfg.get("epochs"),
        "seed": cfg.get("seed"),
        "date": meta.get("date"),
        "started_from": init,
        "data_kind": kind,
        "sources": None,
        "licences": {},
        "public_domain": None,
        "validation": None,
        "note": None,
    }
    if kind is None and not cfg:
        info["note"] = tr(N_("the file records no training config: its training data are unknown"))
    elif kind in (None, "semisynthetic") and data.get("root"):
        info["sources"] = list(data.get("sources") or SOURCES)
        info["note"] = tr(N_("semi-synthetic series built from the images under '{root}' (not ../shared/data): "
                             "their licence is the data owner's")).format(root=data["root"])
    elif kind in (None, "semisynthetic"):
        sources = list(data.get("sources") or SOURCES)  # no 'sources' option: the generator used all
        info["sources"] = sources
        info["licences"] = {s: SOURCES.get(s, (s, "unknown"))[1] for s in sources}
        own = all(s in PUBLIC_DOMAIN for s in sources)
        if init:
            # fine-tuned: the file it started from brought its own training data; model_core.train
            # records what that file was trained on (``init_provenance``)
            before = _json(meta.get("init_provenance")) or {}
            if before.get("public_domain") is True:
                info["public_domain"] = own
                info["note"] = tr(N_("fine-tuned from '{init}', itself trained on public-domain imagery only")).format(
                    init=init)
            elif before.get("public_domain") is False:
                info["public_domain"] = False
                info["note"] = tr(N_("fine-tuned from '{init}', whose training imagery was not all public "
                                     "domain")).format(init=init)
            else:
                info["public_domain"] = False if not own else None
                info["note"] = tr(N_("fine-tuned from '{init}', whose own training data count too")).format(init=init)
        else:
            info["public_domain"] = own
    else:
        info["sources"] = [kind]
        info["note"] = tr(N_("{what} at '{root}': their licence is the data owner's")).format(
            what=tr(USER_DATA[kind]) if kind in USER_DATA else kind, root=data.get("root"))
    val = _json(meta.get("val"))
    if val:
        cal = val.get("calibrated") or {}
        info["validation"] = {
            "area_kappa": cal.get("area_kappa", (val.get("val_area") or {}).get("kappa")),
            "moment_kappa": cal.get("moment_kappa", (val.get("val_moment") or {}).get("kappa")),
            "series": cfg.get("val_samples"), "calibrated": bool(cal), "bias": cal.get("bias"),
            "data": "semi-synthetic" if kind in (None, "semisynthetic") else
            ("held-out" if held_out(data) else "training")}
    return info


def trained_bands(meta):
    """The band mapping (1-based input bands read as R, G, B, NIR) the training config recorded in a weights
    file's ``meta`` gave its images (``data.bands``); 1,2,3,2 when the training images were RGB-only (green in
    place of NIR: ``meta["green_as_nir"]``, written by :mod:`model_core.train`); None when neither (bands 1-4
    as they are)."""
    try:
        cfg = training_config(meta or {}) or {}
    except (TypeError, AttributeError):
        return None
    data = cfg.get("data") if isinstance(cfg, dict) else None
    bands = data.get("bands") if isinstance(data, dict) else None
    if (isinstance(bands, list) and bands
            and all(isinstance(b, int) and not isinstance(b, bool) and b >= 1 for b in bands)):
        return [int(b) for b in bands]
    if isinstance(meta, dict) and meta.get("green_as_nir") is True:  # RGB-only images, read as R, G, B, G
        return [1, 2, 3, 2]
    return None


def mapping_origin(meta):
    """Where :func:`trained_bands` found a file's band mapping, for the messages that name it."""
    if isinstance(meta, dict) and meta.get("green_as_nir") is True and not (
            ((training_config(meta) or {}).get("data") or {}).get("bands")):
        return _("their training images were RGB-only, read with green in place of NIR")
    return _("their training config's data.bands")  # (the translations keep 'data.bands': describe() looks for it)


def mapping_advice(mapping, n_bands, flag="--bands"):
    """What to do when a run reads other bands than the training's band mapping ``mapping`` (a list): give
    the mapping again, or, when the images have fewer bands (``n_bands``) than the mapping names, which
    would only be refused, say that they are not the training imagery and to pick their own bands."""
    text = ",".join(map(str, mapping))
    if n_bands and max(mapping) > n_bands:
        return _("these images have {n_bands} band(s), and the mapping reads band {band}: they are not of the "
                 "training imagery's kind, and {flag} {text} would be refused. Give with {flag} the bands of these "
                 "images that are the training's red, green, blue and NIR, or use weights trained on imagery like "
                 "these").format(n_bands=n_bands, band=max(mapping), flag=flag, text=text)
    return _("if these images are of the training imagery's kind, run again with {flag} {text}").format(flag=flag,
                                                                                                       text=text)


def held_out(data):
    """Whether a training config's ``data`` validates on held-out series: a ``val_split``, or a
    ``val_root`` that is neither ``root`` nor inside it nor around it (the generic loader reads the series
    sub-folders of ``root``, so a ``val_root`` there is trained on too)."""
    if data.get("val_split"):
        return True
    val, root = data.get("val_root"), data.get("root")
    if not val:
        return False
    if not root:
        return True
    a, b = os.path.realpath(val), os.path.realpath(root)
    return not (a == b or a.startswith(b + os.sep) or b.startswith(a + os.sep))


def short(meta):
    """One line for a run's summary, its report and its outputs' metadata (``CAIM_WEIGHTS_TRAINING``), in the
    current language, from a loaded file's training record (``model.weights_meta``): the sources and their
    licence status ("naip, landsat: public domain only"); "unknown" when it cannot say."""
    try:
        info = training(meta or {}, shown=True)
    except (ValueError, KeyError, TypeError, AttributeError):
        return _("unknown")
    if info["licences"]:
        return "%s: %s" % (", ".join(info["sources"]), _licence_line(info, shown=True))
    return info["note"] or _("unknown")


def _licence_line(info, shown=False):
    tr = translated if shown else _english
    if info["public_domain"] is True:
        return tr(N_("public domain only"))
    if info["public_domain"] is False:
        other = [s for s in info["sources"] or [] if s not in PUBLIC_DOMAIN]
        if other:
            return tr(N_("NOT all public domain ({sources})")).format(sources=", ".join(other))
        return tr(N_("NOT all public domain (the file it started from)"))
    return (tr(N_("unknown ({note})")).format(note=info["note"]) if info["note"] else tr(N_("unknown")))


def text(info):
    """The description as the command prints it."""
    title = {"caimnet": "CAIM-Net", "schanger": "SChanger"}.get(info["arch"], info["arch"])
    lines = [info["file"],
             "  model          %s [%s], %s parameters, bands %s" % (
                 title, info["arch"], "{:,}".format(info["parameters"]).replace(",", " "), ", ".join(info["bands"])),
             "  calibration    no-change bias %+.2f" % info["no_change_bias"]]
    if info.get("band_mapping"):
        mapping = ",".join(map(str, info["band_mapping"]))
        lines.insert(2, "  band mapping   %s: its training read these bands of its images as red, green, blue, nir "
                        "(%s); on imagery of that kind run it with --bands %s (Bands in QGIS)"
                        % (mapping, info.get("band_mapping_origin") or "data.bands", mapping))
    if info["command"]:
        run = "  trained by     %s" % info["command"]
        if info["epoch"]:
            run += " (checkpoint of epoch %s%s%s)" % (
                info["epoch"], " of %s" % info["epochs"] if info["epochs"] else "",
                ", seed %s" % info["seed"] if info["seed"] is not None else "")
        lines.append(run)
        lines += ["  resumed by     %s" % c for c in info.get("resumed_by") or []]
    if info["date"]:
        lines.append("  written        %s" % info["date"])
    # the start file as named when this file was trained (a bundled file may since have been renamed or
    # replaced, as caimnet_rgbn.pt was in the sixteenth session)
    lines.append("  started from   %s" % ("%s (its path when this file was trained)" % info["started_from"]
                                          if info["started_from"] else "scratch (random initialisation)"))
    if info["sources"] and info["data_kind"] in (None, "semisynthetic") and info["licences"]:
        lines.append("  training data  semi-synthetic series built from real images in ../shared/data:")
        for s in info["sources"]:
            lines.append("                   %-10s %-22s %s" % (s, SOURCES.get(s, (s,))[0], info["licences"][s]))
    elif info["note"] and not info["sources"]:
        lines.append("  training data  unknown")
    elif info["sources"]:
        lines.append("  training data  %s" % info["note"])
    lines.append("  licences       %s" % _licence_line(info))
    if info["started_from"] and info["note"] and info["data_kind"] in (None, "semisynthetic"):
        lines.append("                 (%s)" % info["note"])
    v = info["validation"]
    if v and v["area_kappa"] is not None:
        bias = ""
        if v["calibrated"]:
            bias = " at the sweep's best no-change bias"
            if v.get("bias") is not None:
                bias += " %+.2f" % v["bias"]
                if abs(v["bias"] - info["no_change_bias"]) > 1e-9:
                    bias += " (this file carries %+.2f; 'python -m model_core calibrate' applies one)" % (
                        info["no_change_bias"])
        where = {"semi-synthetic": "semi-synthetic validation series of the training data (not real labels; "
                                   "the model card has real checks)",
                 "held-out": "validation patches of the held-out series (val_root / val_split)",
                 "training": "validation patches of the training series themselves (no val_root, or one "
                             "inside root: not held out)"}[v.get("data") or "semi-synthetic"]
        moment = v["moment_kappa"] if v["moment_kappa"] is not None else float("nan")
        lines.append("  validation     area kappa %.3f, moment kappa %.3f%s on %s %s" % (
            v["area_kappa"], moment, bias, v["series"] or "the", where))
    return "\n".join(lines)


def main(argv=None):
    from model_core import weights
    from model_core.errors import CaimError

    from model_core.cli import plain

    ap = argparse.ArgumentParser(prog="python -m model_core weights", description=plain(__doc__),
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", metavar="FILE", help="weights files (default: the bundled ones)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = ap.parse_args(argv)
    files = args.files or sorted(os.path.join(weights.WEIGHTS_DIR, f) for f in os.listdir(weights.WEIGHTS_DIR)
                                 if f.endswith(".pt"))
    infos = []
    try:
        for f in files:
            infos.append(describe(f))
    except CaimError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(infos, indent=2))
    else:
        print("\n\n".join(text(i) for i in infos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
