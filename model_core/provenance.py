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

from model_core.i18n import N_, _, number, translated

# The public-domain sources (USDA NAIP, USGS Landsat); the generator's ``sources=PUBLIC_DOMAIN`` keeps to
# them.  Defined here, not in the generator, so that a run (and the plugin) can describe its weights
# without importing the generator and scipy.
PUBLIC_DOMAIN = ("naip", "landsat")

# The generator's source names (model_core.datasets.synthetic) -> (folder in ../shared/data, licence).  The
# licences stay English in the records programs read (``weights --json``); the description people read translates
# their words (licence identifiers such as CC BY-SA 4.0 and the names of the data stay as they are).
SOURCES = {
    "naip": ("naip-north-dakota", N_("public domain (USDA NAIP)")),
    "landsat": ("landsat-pucallpa", N_("public domain (USGS Landsat)")),
    "spacenet7": ("spacenet7-crops", "CC BY-SA 4.0 (SpaceNet 7)"),
    "den": ("dynamicearthnet-crops", "CC BY-SA 4.0 (DynamicEarthNet)"),
    "cbers": ("cbers-cube", N_("INPE's CBERS data (free of charge)")),
}
UNKNOWN_LICENCE = "unknown"
# the bands a file's record names (red, green, blue, nir), as the description shows them: "Kanäle Rot, Grün, Blau, NIR"
# (English as recorded: "red, green, blue, nir")
_BAND_WORDS = {"red": N_("red"), "green": N_("green"), "blue": N_("blue"), "nir": N_("nir")}
# Layouts a user trains on with their own data: the licence is theirs to know.
USER_DATA = {"spacenet7": N_("SpaceNet 7 folders"), "dynamicearthnet": N_("DynamicEarthNet folders"),
             "generic": N_("a generic folder of dated GeoTIFFs"), "pairs": N_("bi-temporal benchmark pairs"),
             "oscd": N_("OSCD folders")}


# What each bundled weights file is, in words people read in their language, keyed by the file's identity (the
# SHA-256 of the file as shipped; resources/weights/MODEL_CARD.md has the details).  The files' own training record
# has no such text (its one free text, schanger_rgbn.pt's "trained_by", is English), and the files are not
# rewritten to add one; a file of other content (retrained, calibrated again, a user's) takes its record's own text.
BUNDLED_DESCRIPTIONS = {
    "8dff2fabc23fd36fa3c167f681d2a5a078ec6d849df8623eae1742475d9c207b":  # caimnet_rgbn.pt
        N_("the bundled CAIM-Net file: red, green, blue and NIR, any number of dates, trained on public-domain "
           "imagery only (NAIP, Landsat)"),
    "7d1aa788de70940171b72b407b6376c208c7a0af69fc8f87f0b9868053fb1693":  # caimnet_rgbn_landcover.pt
        N_("an alternative CAIM-Net file (stage 4 of the model card: land-cover tone changes between dates; "
           "training imagery not all public domain)"),
    "f82988737e97b5f9c2aabc188b73d0feb8781dea3d47c27f14e3be88493ef3f5":  # caimnet_rgbn_mixed_sources.pt
        N_("an alternative CAIM-Net file, the default before the public-domain one (stage 8 of the model card; "
           "training imagery not all public domain)"),
    "1c3d7d8f9e829404648c1b332ee8b02dee708cf6598696c58af98b13f11ed531":  # schanger_rgbn.pt
        N_("the bundled SChanger-style model for two dates, trained with DeepCL in four stages: 1-2 (and "
           "calibration), 3 (land-cover tone changes), 4 (this file: land-cover tone changes with the engine's scene "
           "normalisation), then calibrated"),
}


def _english(text, context=None):
    return text


def file_identity(path):
    """The SHA-256 (hex) of the file ``path``: the key of :data:`BUNDLED_DESCRIPTIONS`."""
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def own_description(meta):
    """The free text a weights file's record gives of itself: its ``description``, else a ``trained_by`` that
    says more than the trainer's name (schanger_rgbn.pt's stages); None."""
    for key in ("description", "trained_by"):
        value = meta.get(key) if isinstance(meta, dict) else None
        if isinstance(value, str) and value.strip() and value.strip() != "model_core.train":
            return value.strip()
    return None


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
    """A dict describing the weights file ``path``, in English (``--json``; raises WeightsError for a file that
    is not one)."""
    return _described(path)[0]


def shown_text(path):
    """The description of the weights file ``path`` as people read it (``python -m model_core weights``, the QGIS
    dialog's *About…* beside Weights), in the current language: the labels, the sentences, the notes, and a
    bundled file's description (:data:`BUNDLED_DESCRIPTIONS`); a file's own texts (commands, paths, its record's
    description) as they are."""
    info, shown = _described(path)
    return text(info, shown)


def _described(path):
    """(describe's dict, {'note', 'description'} as shown in the current language)."""
    from model_core import weights

    payload = weights.read(path)
    meta = payload.get("meta") or {}
    bundled = BUNDLED_DESCRIPTIONS.get(file_identity(path))
    info = {
        "file": path,
        "arch": payload["arch"],
        "parameters": int(sum(int(t.numel()) for k, t in payload["state_dict"].items()  # not BatchNorm's statistics
                              if not k.endswith(("running_mean", "running_var", "num_batches_tracked")))),
        "bands": list(payload.get("band_order") or weights.DEFAULT_BANDS),
        "no_change_bias": float((payload.get("calibration") or {}).get("no_change_bias") or 0.0),
        # the images' bands its training read as R, G, B, NIR (data.bands), which a run should give again
        "band_mapping": trained_bands(payload.get("meta") or {}),
        "description": bundled or own_description(meta),
    }
    if info["band_mapping"]:
        origin = mapping_origin(payload.get("meta") or {})
        info["band_mapping_origin"] = ("data.bands" if "data.bands" in origin else
                                       N_("RGB-only training images, green in place of NIR"))
    shown = {"description": translated(bundled) if bundled else info["description"]}
    try:
        info.update(training(meta, path=path))
        # the same record in the current language; the start path was compared with this file's once, above
        shown["note"] = training(meta, shown=True, own=info["started_from_own_path"])["note"]
        # whether the file at the start path today is the one the record's hash names (read here once; text() says it)
        info["start_file_now"] = (start_file_now(info["started_from"], info["start_file_sha256"])
                                  if info["start_file_sha256"] and not info["started_from_own_path"] else None)
        text(info)  # a record of another shape (a damaged or crafted file) fails here, not in the caller
    except (ValueError, KeyError, TypeError, AttributeError):
        unreadable = N_("the file's training record cannot be read: its training data are unknown")
        info.update(training({}), note=unreadable)
        shown["note"] = translated(unreadable)
    return info, shown


def _bundled_folder(folder):
    """Whether ``folder`` (of a start path a record names) is a bundled weights folder: 'resources/weights', of
    whichever clone or plugin folder the file was trained in."""
    bundled = os.path.join("resources", "weights")
    return folder == bundled or folder.endswith(os.sep + bundled)


def names_own_path(start, path):
    """Whether the start file ``start`` that the training record of the weights file ``path`` names is at the path
    ``path`` has now, so that it named an earlier file there, since replaced by this one (as the bundled
    caimnet_rgbn.pt, fine-tuned from the file of that name before it): the same absolute path, or the same file
    name in a bundled weights folder (a record's 'resources/weights/NAME', whichever clone or plugin folder it was
    trained in); or the file now at the start path (an absolute one, or the bundled file of that name) is this
    very file, byte for byte (a copy of the bundled file described elsewhere).  A relative start path elsewhere
    was relative to a working folder the record does not keep: not compared."""
    import filecmp

    from model_core import weights

    if not isinstance(start, str) or not start.strip() or not isinstance(path, str):
        return False
    here = os.path.realpath(path)
    start = os.path.expanduser(start)
    folder, name = os.path.split(os.path.normpath(start))
    now = []  # the files at the start path today
    if os.path.isabs(start):
        now.append(os.path.realpath(start))
    if _bundled_folder(folder):
        if name == os.path.basename(here) and (_bundled_folder(os.path.dirname(here)) or os.path.dirname(here) ==
                                               os.path.realpath(weights.WEIGHTS_DIR)):
            return True
        now.append(os.path.realpath(os.path.join(weights.WEIGHTS_DIR, name)))
    for other in now:
        if other == here:
            return True
        try:
            if (os.path.isfile(other) and os.path.isfile(here) and os.path.getsize(other) == os.path.getsize(here)
                    and filecmp.cmp(other, here, shallow=False)):
                return True
        except OSError:
            pass
    return False


def training(meta, shown=False, path=None, own=None):
    """What the training record ``meta`` of a weights file says: command, checkpoint, start file, data,
    each source's licence, whether it is public domain only (True / False / None = unknown), validation.
    Its note in English (``python -m model_core weights``, its JSON), or ``shown`` in the current language.
    ``path``: the file's own path, to tell a start file recorded at that same path (an earlier file,
    :func:`names_own_path`) from this one; ``own``: that answer when already known (None: found from ``path``)."""
    tr = translated if shown else _english
    cfg = training_config(meta) or {}
    data = cfg.get("data") or {}
    kind = data.get("kind")
    init = meta.get("init") or cfg.get("init")  # a staged file's meta says more than its last config
    # what model_core.train recorded of the start file (``init_provenance``): what it was trained on, the file it
    # started from in turn, and (files trained since the forty-fifth session) its SHA-256
    before = (_json(meta.get("init_provenance")) or {}) if init else {}
    earlier = bool(init) and (names_own_path(init, path) if own is None else bool(own))
    info = {
        "command": meta.get("command") or cfg.get("command"),
        "resumed_by": [c for c in (cfg.get("resumed_by") or []) if isinstance(c, str)],  # a resumed run's resumes
        "epoch": meta.get("epoch"),
        "epochs": cfg.get("epochs"),
        "seed": cfg.get("seed"),
        "date": meta.get("date"),
        "started_from": init,
        # the start path is this file's own: it named an earlier file there, since replaced by this one
        "started_from_own_path": earlier,
        # the file the start file started from, as its record named it (None: trained from scratch, or not recorded)
        "start_file_started_from": before.get("started_from") if isinstance(before.get("started_from"), str) else None,
        # the start file's SHA-256 when the record has it (files trained since the forty-fifth session)
        "start_file_sha256": before.get("sha256") if isinstance(before.get("sha256"), str) else None,
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
        info["licences"] = {s: SOURCES.get(s, (s, UNKNOWN_LICENCE))[1] for s in sources}
        own = all(s in PUBLIC_DOMAIN for s in sources)
        if init:
            # fine-tuned: the file it started from brought its own training data; model_core.train
            # records what that file was trained on (``init_provenance``)
            if before.get("public_domain") is True:
                info["public_domain"] = own
                info["note"] = tr(N_("fine-tuned from the earlier file at '{init}', itself trained on public-domain "
                                     "imagery only") if earlier else
                                  N_("fine-tuned from '{init}', itself trained on public-domain imagery only")).format(
                    init=init)
            elif before.get("public_domain") is False:
                info["public_domain"] = False
                info["note"] = tr(N_("fine-tuned from the earlier file at '{init}', whose training imagery was not all "
                                     "public domain") if earlier else
                                  N_("fine-tuned from '{init}', whose training imagery was not all public "
                                     "domain")).format(init=init)
            else:
                info["public_domain"] = False if not own else None
                info["note"] = tr(N_("fine-tuned from the earlier file at '{init}', whose own training data count "
                                     "too") if earlier else
                                  N_("fine-tuned from '{init}', whose own training data count too")).format(init=init)
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
        return _("unknown", context="trained on")
    if info["licences"]:
        return "%s: %s" % (", ".join(info["sources"]), _licence_line(info, shown=True))
    return info["note"] or _("unknown", context="trained on")


def _licence_shown(licence):
    """One source's licence (:data:`SOURCES`) as people read it, in the current language."""
    return _("unknown", context="licence") if licence == UNKNOWN_LICENCE else translated(licence)


def _licence_line(info, shown=False):
    tr = translated if shown else _english
    if info["public_domain"] is True:
        return tr(N_("public domain only"))
    if info["public_domain"] is False:
        other = [s for s in info["sources"] or [] if s not in PUBLIC_DOMAIN]
        if other:
            return tr(N_("NOT all public domain ({sources})")).format(sources=", ".join(other))
        return tr(N_("NOT all public domain (the file it started from)"))
    return (tr(N_("unknown ({note})")).format(note=info["note"]) if info["note"] else tr(N_("unknown", context="licences"), context="licences"))


def text(info, shown=None):
    """The description as people read it, in the current language (English: as the command has always printed
    it); ``shown``: the note and description in that language (:func:`shown_text`), else ``info``'s own."""
    shown = shown or {}
    note = shown.get("note", info["note"])
    title = {"caimnet": "CAIM-Net", "schanger": "SChanger"}.get(info["arch"], info["arch"])
    labels = {k: translated(k) for k in _LABELS}
    width = max([13] + [len(v) for v in labels.values()])   # 13: "training data", the English column's

    def row(label, value):
        return "  %s  %s" % (labels[label].ljust(width), value)

    lines = [info["file"],
             row("model", _("{title} [{arch}], {parameters} parameters, bands {bands}").format(
                 title=title, arch=info["arch"], parameters="{:,}".format(info["parameters"]).replace(",", " "),
                 bands=", ".join(translated(_BAND_WORDS[b]) if b in _BAND_WORDS else b for b in info["bands"]))),
             row("calibration", _("no-change bias {bias:+.2f}").format(bias=number(info["no_change_bias"])))]
    description = shown.get("description", info.get("description"))
    if description:
        lines.insert(2, row("description", description))
    if info.get("band_mapping"):
        mapping = ",".join(map(str, info["band_mapping"]))
        origin = info.get("band_mapping_origin") or "data.bands"
        lines.insert(2, row("band mapping", _(
            "{mapping}: its training read these bands of its images as red, green, blue, nir ({origin}); on imagery "
            "of that kind run it with --bands {mapping} (Bands in QGIS)").format(
                mapping=mapping, origin=origin if origin == "data.bands" else translated(origin))))
    if info["command"]:
        run = info["command"]
        if info["epoch"]:
            run += (_(" (checkpoint of epoch {epoch} of {epochs}") if info["epochs"] else
                    _(" (checkpoint of epoch {epoch}")).format(epoch=info["epoch"], epochs=info["epochs"])
            run += (_(", seed {seed})").format(seed=info["seed"]) if info["seed"] is not None else ")")
        lines.append(row("trained by", run))
        lines += [row("resumed by", c) for c in info.get("resumed_by") or []]
    if info["date"]:
        lines.append(row("written", info["date"]))
    # the start file as named when this file was trained (a bundled file may since have been renamed or
    # replaced, as caimnet_rgbn.pt was in the sixteenth session); at this file's own path it was an earlier file,
    # which this one replaced (today's caimnet_rgbn.pt, a fine-tune of the file bundled under that name before it,
    # read as a file started from itself)
    start, earlier = info["started_from"], info.get("started_from_own_path")
    chain = info.get("start_file_started_from")
    if not start:
        started = _("scratch (random initialisation)")
    elif earlier and chain and os.path.normpath(chain) != os.path.normpath(start):
        started = _("{path} (its path when this file was trained: an earlier file, since replaced by this one; "
                    "that file started from {start})").format(path=start, start=chain)
    elif earlier:
        started = _("{path} (its path when this file was trained: an earlier file, since replaced by this "
                    "one)").format(path=start)
    else:
        started = _("{path} (its path when this file was trained)").format(path=start)
    lines.append(row("started from", started))
    if start and info.get("start_file_sha256"):
        digest, now = info["start_file_sha256"], info.get("start_file_now")
        lines.append(row("start file", {
            "same": _("sha256 {digest} (the file at that path today)"),
            "replaced": _("sha256 {digest} (not the file at that path today: it was replaced since)"),
            "missing": _("sha256 {digest} (no file at that path from here)")}.get(
                now, _("sha256 {digest}")).format(digest=digest)))
    indent = " " * (2 + width + 2 + 2)
    if info["sources"] and info["data_kind"] in (None, "semisynthetic") and info["licences"]:
        lines.append(row("training data", _("semi-synthetic series built from real images in ../shared/data:")))
        for s in info["sources"]:
            lines.append("%s%-10s %-22s %s" % (indent, s, SOURCES.get(s, (s,))[0], _licence_shown(info["licences"][s])))
    elif note and not info["sources"]:
        lines.append(row("training data", _("unknown", context="training data")))
    elif info["sources"]:
        lines.append(row("training data", note))
    lines.append(row("licences", _licence_line(dict(info, note=note), shown=True)))
    if info["started_from"] and note and info["data_kind"] in (None, "semisynthetic"):
        lines.append("%s(%s)" % (indent[:-2], note))
    v = info["validation"]
    if v and v["area_kappa"] is not None:
        bias = ""
        if v["calibrated"]:
            bias = _(" at the sweep's best no-change bias")
            if v.get("bias") is not None:
                bias += " " + format(number(v["bias"]), "+.2f")
                if abs(v["bias"] - info["no_change_bias"]) > 1e-9:
                    bias += _(" (this file carries {bias:+.2f}; 'python -m model_core calibrate' applies one)").format(
                        bias=number(info["no_change_bias"]))
        where = {"semi-synthetic": N_("semi-synthetic validation series of the training data (not real labels; "
                                      "the model card has real checks)"),
                 "held-out": N_("validation patches of the held-out series (val_root / val_split)"),
                 "training": N_("validation patches of the training series themselves (no val_root, or one "
                                "inside root: not held out)")}[v.get("data") or "semi-synthetic"]
        moment = v["moment_kappa"] if v["moment_kappa"] is not None else float("nan")
        scores = (_("area kappa {area:.3f}, moment kappa {moment:.3f}{bias} on {series} {where}") if v["series"] else
                  _("area kappa {area:.3f}, moment kappa {moment:.3f}{bias} on the {where}"))
        lines.append(row("validation", scores.format(area=number(v["area_kappa"]), moment=number(moment), bias=bias,
                                                     series=v["series"], where=translated(where))))
    return "\n".join(lines)


# the description's labels (text()), in its order
_LABELS = (N_("model"), N_("description"), N_("band mapping"), N_("calibration"), N_("trained by"),
           N_("resumed by"), N_("written"), N_("started from"), N_("start file"), N_("training data"),
           N_("licences"), N_("validation"))


def start_file_now(start, digest):
    """Whether the file at the start path ``start`` today (from the current folder, or the bundled weights folder for
    a bundled name) is the one whose SHA-256 the record keeps, ``digest``: "same", "replaced" or "missing" (a start
    path names whatever file is there later)."""
    from model_core import weights

    start = os.path.expanduser(start)
    found = start if os.path.isfile(start) else None
    if found is None and not os.path.isabs(start):
        folder, name = os.path.split(os.path.normpath(start))
        if _bundled_folder(folder) and os.path.isfile(os.path.join(weights.WEIGHTS_DIR, name)):
            found = os.path.join(weights.WEIGHTS_DIR, name)
    try:
        return "missing" if found is None else "same" if file_identity(found) == digest else "replaced"
    except OSError:
        return "missing"


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
            infos.append(_described(f))
    except CaimError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([i for i, _shown in infos], indent=2))
    else:
        print("\n\n".join(text(i, shown) for i, shown in infos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
