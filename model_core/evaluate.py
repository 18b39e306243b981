"""Evaluate a change model and the classical baseline on the same pixels.

``python -m model_core evaluate --dataset KIND [--root PATH] [--weights FILE] ...`` prints two tables:
change area (OA, precision, recall, F1, kappa) and change moment (OA, kappa, macro F1, per-class F1),
each with one row for the model and one for the CVA + Otsu baseline (:mod:`model_core.baseline`).
All labelled pixels of the dataset are pooled into one confusion matrix per method; unlabelled
pixels (255) and pixels invalid in the input are excluded -- the same pixels for both methods.

Dataset kinds:

* ``taizhou``: the Landsat-7 pair ``2000TM`` / ``2003TM`` and ``change.bmp`` / ``unchanged.bmp``
  (only some pixels are labelled); bands TM 3, 2, 1, 4 as R, G, B, NIR (``--bands`` overrides).
  Area only (T = 2, the moment table equals the area).
* ``semisynthetic``: held-out semi-synthetic series (split "val" of
  :mod:`model_core.datasets.synthetic`), ``--samples`` of them with T cycling over
  ``--t-min``..``--t-max``, each sample seeded by (``--seed``, index).  Results are semi-synthetic.
  ``--scene-stats`` normalises each series with the statistics of the scene it was cut from (as the
  engine does with a real scene; the generator's ``scene_stats`` recipe); by default each series is
  normalised with its own statistics (the recipe of the earlier bundled files and of
  ``caimnet_rgbn_landcover.pt``).  The current ``caimnet_rgbn.pt`` and ``schanger_rgbn.pt`` were
  trained with scene statistics, so score them with ``--scene-stats``; the command prints a note
  when a file's recorded config says so.
* ``generic``, ``spacenet7``, ``dynamicearthnet``: the loaders of :mod:`model_core.datasets`
  (``--t`` selects that many dates spread over the series).
* ``pairs``: bi-temporal image-pair benchmarks in their original layout, ``ROOT[/train|val|test]/A, B,
  label`` (LEVIR-CD, WHU-CD, SYSU-CD's time1/time2, CDD's OUT, S2Looking's Image1/Image2, ...;
  :mod:`model_core.datasets.pairs`); RGB tiles are R, G, B with green as NIR.  ``--split test`` keeps
  the split folder of that name.
* ``oscd``: the Onera Satellite Change Detection dataset (:mod:`model_core.datasets.oscd`): B04, B03,
  B02, B08 as R, G, B, NIR, every band resampled to the 10 m grid of B02; with a classical ``--model``
  or a fusion (as with Taizhou) also B05, B06, B07, B8A, B11 and B12, the bands the engine keeps of a
  13-band Sentinel-2 stack (the baseline then uses them too).  ``--split train|test`` keeps the cities
  ``train.txt`` / ``test.txt`` list.
  Both are area-only (T = 2) and are read one tile at a time, so memory stays bounded on splits of
  thousands of tiles; ``--samples N`` scores the first N series (in folder and name order) of any real
  dataset.

``--against FILE`` adds a row for a second weights file of the same network, run on the same series (built and
co-registered once) and scored on the same pixels, and with ``--bootstrap-block`` (required with it) the paired
interval of the kappa difference model - against (:func:`evaluate`'s ``against``).

Scenes are normalised like inference does (per date and band, statistics of the whole scene) and
run in tiles with the model's halo as overlap, so results do not depend on the tile size.
"""

import argparse
import json
import os
import sys
import time

import numpy as np

from model_core.i18n import _, os_reason

IGNORE = 255
DISTANCE_RINGS = 4  # --by-distance: errors 1 .. 4 pixels from the boundary, then farther


def predict_scene(model, values, valid, device="cpu", tile=256, stats=None):
    """Moment prediction (H, W) uint8 of one scene (T, C, H, W) with the whole-scene normalisation
    (or with ``stats`` = (center, scale) of the larger scene it was cut from)."""
    import torch

    from model_core.models import model_input

    x = model_input(model, values, valid, stats)
    t, c, h, w = x.shape
    mult = int(getattr(model, "multiple", 8))
    halo = int(getattr(model, "halo", 16))
    core = max(mult, (int(tile) // mult) * mult)
    halo_r = -(-halo // mult) * mult
    out = np.zeros((h, w), np.uint8)
    ph = -(-h // core) * core
    pw = -(-w // core) * core
    pad = ((0, 0), (0, 0), (halo_r, ph - h + halo_r), (halo_r, pw - w + halo_r))
    xp = np.pad(x, pad, mode="reflect" if min(h, w) > 1 else "edge")
    model.eval()
    with torch.inference_mode():
        for y0 in range(0, ph, core):
            for x0 in range(0, pw, core):
                win = xp[:, :, y0:y0 + core + 2 * halo_r, x0:x0 + core + 2 * halo_r]
                xt = torch.from_numpy(np.ascontiguousarray(win))[None].to(device)
                pred = model(xt)["moment"][0].argmax(dim=0).to(torch.uint8).cpu().numpy()
                pred = pred[halo_r:halo_r + core, halo_r:halo_r + core]
                hh, ww = min(core, h - y0), min(core, w - x0)
                if hh > 0 and ww > 0:
                    out[y0:y0 + hh, x0:x0 + ww] = pred[:hh, :ww]
    out[~np.asarray(valid, bool)] = IGNORE
    return out


def trained_with_scene_stats(model):
    """True when the weights' recorded training config used the generator's ``scene_stats``."""
    try:
        cfg = json.loads(getattr(model, "weights_meta", {}).get("config", "{}"))
    except (TypeError, ValueError):
        return False
    return bool(isinstance(cfg, dict) and (cfg.get("data") or {}).get("scene_stats"))


def training_bands_warning(model, args):
    """A warning when the weights were trained with a band mapping (``data.bands`` of their training config)
    on this kind of dataset and this evaluation, without --bands, reads the dataset's default bands: a file
    trained on the user's own series with e.g. [3, 2, 1, 4] was scored on bands 1-4 without a word (detect
    warns of the same, predict._training_bands_note)."""
    if args.bands or model is None or args.dataset == "semisynthetic":
        return None
    from model_core.provenance import mapping_advice, mapping_origin, trained_bands, training_config

    meta = getattr(model, "weights_meta", None) or {}
    cfg = training_config(meta) or {}
    data = (cfg.get("data") or {}) if isinstance(cfg, dict) else {}
    trained = trained_bands(meta)
    if not trained or data.get("kind") != args.dataset or (args.dataset == "generic" and trained == [1, 2, 3, 4]):
        return None
    n_bands = _generic_band_count(args)
    if not data.get("bands") and (n_bands or 0) <= 3:  # RGB-only training images: RGB series read alike
        return None
    mapping = ",".join(map(str, trained))
    return _("warning: the weights were trained on {dataset} series with the band mapping {mapping} ({origin}); this "
             "evaluation reads the dataset's default bands. {advice}.").format(
        dataset=args.dataset, mapping=mapping, origin=mapping_origin(meta),
        advice=_capital(mapping_advice(trained, n_bands)))


def _capital(text):
    return text[:1].upper() + text[1:]


def _generic_band_count(args):
    """The band count of the first image of a generic dataset (None for other kinds, or when it cannot be
    read: the loader then says why)."""
    if args.dataset != "generic" or not args.root or not os.path.isdir(args.root):
        return None
    from osgeo import gdal

    from model_core.datasets.series import _dated_images, _series_folders

    try:
        folders = _series_folders(args.root)
        files = _dated_images(folders[0]) if folders else []
    except (OSError, ValueError):
        return None
    ds = gdal.Open(files[0]) if files else None
    return ds.RasterCount if ds is not None else None


def _series_for(args):
    if args.dataset == "semisynthetic":
        from model_core.datasets.series import Series
        from model_core.datasets.synthetic import SemiSyntheticGenerator
        from model_core.train import sample_stats

        # the nuisances a command line sets (default: the generator's, the standard held-out series)
        extra = {k: getattr(args, k) for k in ("haze_prob", "misreg_prob", "cloud_prob", "haze_depth")
                 if getattr(args, k, None) is not None}
        gen = SemiSyntheticGenerator(root=args.root, split="val", patch=args.patch,
                                     scene_stats=args.scene_stats, road_prob=args.road_prob,
                                     revert_prob=args.revert_prob, repeat_prob=args.repeat_prob,
                                     record_history=True, **extra)
        t_values = list(range(args.t_min, args.t_max + 1))
        # --bands on the generator's R, G, B, NIR series, e.g. 1,2,3,2 (or 1,2,3) for RGB-only imagery
        idx = [b - 1 for b in _mapping(args)] if args.bands else None
        if idx is not None and (len(idx) not in (3, 4) or not set(idx) <= {0, 1, 2, 3}):
            raise ValueError(_("--bands for the semi-synthetic series picks 3 or 4 of its bands (R, G, B, NIR: 1-4), "
                               "e.g. 1,2,3,2 or 1,2,3 (three are read as R, G, B with green in place of NIR, as "
                               "detect reads them)"))
        out = []
        for i in range(200 if args.samples is None else args.samples):
            s = gen.sample(np.random.default_rng([args.seed, i]), t_values[i % len(t_values)])
            values, stats = s["values"], sample_stats(s)
            if idx is not None:
                values = values[:, idx]
                stats = None if stats is None else (stats[0][:, idx], stats[1][:, idx])
            series = Series(f"val{i}", values, s["valid"], s["moment"], stats=stats)
            series.history = history_classes(s["moment"], s["n_changes"], s["returned"])
            out.append(series)
        return out
    from model_core.datasets import load_series

    if args.root is None:
        raise ValueError(_("--root is required for --dataset {dataset}").format(dataset=args.dataset))
    bands = _mapping(args) if args.bands else None
    if bands is None and args.dataset == "taizhou" and _all_bands(getattr(args, "model", None)):
        # as the engine reads the pair without a band mapping: TM 3,2,1,4 for the network, then TM 5
        # and 7 (file bands 5, 6) for the fusion's CVA part; a classical method takes all six (the
        # baseline then uses all six too)
        bands = [3, 2, 1, 4, 5, 6]
    if bands is None and args.dataset == "oscd" and _all_bands(getattr(args, "model", None)):
        from model_core.datasets.oscd import SURFACE

        bands = list(SURFACE)  # likewise: R, G, B, NIR, then the other surface bands
    # a classical method reads the images' bands as they are (as the engine does): an RGB tile's three, not
    # R, G, B, G; a generic series' every band
    as_read = args.dataset in ("pairs", "generic") and _classical(getattr(args, "model", None))
    series = load_series(args.dataset, args.root, t=args.t, bands=bands, split=getattr(args, "split", None),
                         as_read=as_read)
    limit = getattr(args, "samples", None)
    return series if limit is None else series[:limit]


def _mapping(args):
    """``--bands`` as the model reads it: for a network (or the baseline alone) a mapping of three bands is R, G, B
    in its order with green in place of the missing NIR, as detect reads it (:func:`model_core.bandmap.rgb_only_mapping`;
    it was refused, or on Taizhou a traceback), unless the bands' names or wavelengths say otherwise (Taizhou's
    ENVI files: :func:`model_core.bandmap.rgb_mapping_refusal`, detect's refusal); a classical method reads the
    bands as they are."""
    from model_core.bandmap import rgb_mapping_refusal, rgb_only_mapping

    try:
        bands = [int(b) for b in args.bands.split(",")]
    except ValueError:
        raise ValueError(_("--bands takes comma-separated band numbers, e.g. 3,2,1,4 (got '{bands}')").format(
            bands=args.bands)) from None
    if len(bands) != 3 or _classical(getattr(args, "model", None)):
        return bands
    if args.dataset == "taizhou" and args.root:
        from osgeo import gdal

        for name in ("2000TM", "2003TM"):
            path = os.path.join(args.root, name)
            ds = gdal.Open(path) if os.path.exists(path) else None
            if ds is not None and max(bands) <= ds.RasterCount and min(bands) >= 1:
                refusal = rgb_mapping_refusal(ds, bands)
                if refusal:
                    raise ValueError(f"{path}: {refusal}.")
    return rgb_only_mapping(bands)


def _classical(model):
    """Whether ``model`` is a classical method (no weights; it takes the inputs' bands as they are)."""
    if model in (None, "auto"):
        return False
    from model_core.models import model_class

    return not getattr(model_class(model), "needs_weights", True)


def _all_bands(model):
    """Whether the engine gives ``model`` every band of the inputs without a band mapping: a classical
    method or one that takes extra bands (the fusion's CVA part)."""
    if _classical(model):
        return True
    if model in (None, "auto"):
        return False
    from model_core.models import model_class

    return bool(getattr(model_class(model), "extra_bands", False))


HISTORY_CLASSES = ("unchanged", "one change", "several changes", "return")


def history_classes(moment, n_changes, returned):
    """Pixel history class (H, W) uint8, an index into :data:`HISTORY_CLASSES` (255 = unlabelled):
    unchanged, changed once, changed two or more times, last change a return to an earlier state."""
    cls = np.where(returned, 3, np.where(n_changes >= 2, 2, np.where(moment > 0, 1, 0))).astype(np.uint8)
    cls[moment == IGNORE] = IGNORE
    return cls


def _history_counts(history, truth, pred):
    """(4 classes, 5) counts: pixels, moment exact, called unchanged, dated earlier, dated later."""
    out = np.zeros((len(HISTORY_CLASSES), 5), np.int64)
    ok = (truth != IGNORE) & (pred != IGNORE)
    for c in range(len(HISTORY_CLASSES)):
        sel = ok & (history == c)
        t, p = truth[sel].astype(np.int32), pred[sel].astype(np.int32)
        out[c] = (sel.sum(), (p == t).sum(), (p == 0).sum(), ((p > 0) & (p < t)).sum(), (p > t).sum())
    return out


def _moment_labelled(s):
    """Whether a series' moment labels say more than its area (a lazily read series: whether it has
    moment labels and more than two dates, without reading it)."""
    from model_core.datasets.series import LazySeries

    if isinstance(s, LazySeries):
        return s.has_moment and s.t > 2
    return s.moment is not None and not np.array_equal(s.moment, s.area)


def evaluate(series, model=None, device="cpu", tile=256, baseline=True, log=None, block=None,
             bootstrap=1000, min_patch=0, by_distance=False, coregister=False, against=None):
    """Pooled scores for the model and the baseline over a list of :class:`Series` (or of
    :class:`~model_core.datasets.series.LazySeries`, each read when its turn comes).

    ``min_patch`` (pixels) applies the engine's minimum change patch to every method's prediction of
    each series (:func:`model_core.predict.drop_small_patches`).

    ``coregister`` moves each series' dates onto its first date first, as the engine's ``--coregister`` does
    (:mod:`model_core.coregister`), for every method alike; the labels stay on the first date's grid.
    ``out["coregister"]`` then counts the dates moved and those whose offset was not applied.

    With ``block`` (pixels), each method's area and moment scores also get ``kappa_ci``: the 95 %
    interval of kappa from a spatial block bootstrap (``bootstrap`` resamples of the
    ``block`` x ``block`` blocks of all series; :func:`model_core.metrics.bootstrap_kappas`), and
    with both methods ``out["kappa_diff_ci"][part]`` is the paired interval of model - baseline.

    ``against``: a second model (another weights file of the same network, :func:`main`'s ``--against``), run on
    the same series (co-registered once, for every method alike) and scored on the same pixels as ``model``; its
    scores are ``out["against"]``, and with ``block`` ``out["against_kappa_diff"][part]`` holds the difference of
    the pooled kappas (``"kappa"``: model - against) and its paired block-bootstrap interval (``"ci"``: every
    resample draws the same blocks for both, so the interval is that of the difference on the same pixels, not
    two separate intervals side by side)."""
    from model_core.baseline import cva
    from model_core.metrics import (ConfusionMatrix, area_from_moment_labels, block_confusions,
                                    bootstrap_kappas, interval)
    from model_core.datasets.series import loaded
    from model_core.predict import drop_small_patches

    kmax = max(s.t for s in series)
    res = {}
    methods = ([("model", None)] if model is not None else []) + ([("against", None)] if against is not None else []) \
        + ([("baseline", None)] if baseline else [])
    for name, _unused in methods:
        res[name] = {"cm": ConfusionMatrix(kmax), "seconds": 0.0, "blocks": {"area": [], "moment": []},
                     "history": np.zeros((len(HISTORY_CLASSES), 5), np.int64)}
    with_history = all(getattr(s, "history", None) is not None for s in series)
    if by_distance:
        from model_core.metrics import errors_by_distance

        for r in res.values():
            r["by_distance"] = np.zeros((2, DISTANCE_RINGS + 1), np.int64)
    has_moment = any(_moment_labelled(s) for s in series)
    moved = {"dates": 0, "moved": 0, "not_applied": 0}
    for i, s in enumerate(series):
        s = loaded(s)  # a lazily read tile: read now, dropped after this iteration
        if coregister:
            from model_core.coregister import align

            s.values, s.valid, shifts = align(s.values, s.valid)
            moved["dates"] += len(shifts) - 1
            moved["moved"] += sum(1 for sh in shifts if sh.applied() != (0, 0))
            moved["not_applied"] += sum(1 for sh in shifts if sh.reason)
        preds = {}
        if model is not None:
            t0 = time.time()
            preds["model"] = predict_scene(model, s.values, s.valid, device, tile,
                                           stats=s.stats)
            res["model"]["seconds"] += time.time() - t0
        if against is not None:
            t0 = time.time()
            preds["against"] = predict_scene(against, s.values, s.valid, device, tile, stats=s.stats)
            res["against"]["seconds"] += time.time() - t0
        if baseline:
            t0 = time.time()
            preds["baseline"] = cva(s.values, s.valid)["moment"]
            res["baseline"]["seconds"] += time.time() - t0
        for name, p in preds.items():
            # same pixels for every method: labelled reference and valid input
            p = p.copy()
            p[~s.valid] = IGNORE
            if min_patch and min_patch > 1:
                p = drop_small_patches(p, min_patch, nodata=IGNORE)
            cm = res[name]["cm"]
            if with_history:
                res[name]["history"] += _history_counts(s.history, s.moment, p)
            if by_distance:
                ref_area = area_from_moment_labels(s.moment) if s.moment is not None else s.area
                res[name]["by_distance"] += errors_by_distance(ref_area, area_from_moment_labels(p),
                                                               DISTANCE_RINGS)
            if s.moment is not None and has_moment:
                cm.update(s.moment, p, num_classes=kmax)
                if block:
                    blocks = res[name]["blocks"]
                    blocks["moment"].append(block_confusions(s.moment, p, kmax, block))
                    blocks["area"].append(block_confusions(area_from_moment_labels(s.moment),
                                                           area_from_moment_labels(p), 2, block))
            else:
                area_p = np.where(p == IGNORE, IGNORE, (p > 0)).astype(np.uint8)
                cm.update_area(s.area, area_p)  # area-only reference: no moment table
                if block:
                    res[name]["blocks"]["area"].append(block_confusions(s.area, area_p, 2, block))
        if log and (i + 1) % 10 == 0:
            log(_("  {done}/{total} series").format(done=i + 1, total=len(series)))
    if res and not any(int(r["cm"].area.sum()) for r in res.values()):
        raise ValueError(_("No labelled pixel to score in the {n} series: every label is 255 (unlabelled, or the label "
                           "file's nodata value) or the images are nodata where it is not. Check the labels' values "
                           "and nodata (gdalinfo -stats), and that they cover the images.").format(n=len(series)))
    out = {"has_moment": has_moment}
    if coregister:
        out["coregister"] = moved
    for name, r in res.items():
        out[name] = dict(r["cm"].summary(), seconds=r["seconds"])
        if with_history:
            out[name]["history"] = {c: {"pixels": int(row[0]), "exact": float(row[1] / max(row[0], 1)),
                                        "unchanged": float(row[2] / max(row[0], 1)),
                                        "earlier": float(row[3] / max(row[0], 1)),
                                        "later": float(row[4] / max(row[0], 1))}
                                    for c, row in zip(HISTORY_CLASSES, r["history"])}
        if "by_distance" in r:
            out[name]["by_distance"] = {"false change": [int(v) for v in r["by_distance"][0]],
                                        "missed change": [int(v) for v in r["by_distance"][1]]}
    if block:
        out["block"], out["kappa_diff_ci"] = int(block), {}
        for part in ("area", "moment"):
            names = [n for n in res if res[n]["blocks"][part]]
            vals = bootstrap_kappas([np.concatenate(res[n]["blocks"][part]) for n in names],
                                    n=bootstrap) if names else None
            if vals is None:
                continue
            for j, n in enumerate(names):
                out[n][part]["kappa_ci"] = interval(vals[:, j])
            col = {n: j for j, n in enumerate(names)}
            if "model" in col and "baseline" in col:
                out["kappa_diff_ci"][part] = interval(vals[:, col["model"]] - vals[:, col["baseline"]])
            if "model" in col and "against" in col:
                out.setdefault("against_kappa_diff", {})[part] = {
                    "kappa": out["model"][part]["kappa"] - out["against"][part]["kappa"],
                    "ci": interval(vals[:, col["model"]] - vals[:, col["against"]])}
    return out


def format_results(res, model_label="model", baseline_label="CVA + Otsu baseline", against_label="against"):
    from model_core.metrics import format_area_table, format_moment_table

    labels = {"model": model_label, "against": against_label, "baseline": baseline_label}
    names = [(n, labels[n]) for n in ("model", "against", "baseline") if n in res]
    # with --against, two file names: the method columns as wide as the longest row name (else as ever: 28 in the
    # tables, 30 cut in the sections below)
    wide = max(len(label) for _unused, label in names) if "against" in res else 0
    cut = max(30, wide)
    lines = ["Change area (positive = changed), all labelled pixels pooled:",
             format_area_table([(label, res[n]["area"]) for n, label in names], method_width=wide)]
    if res.get("has_moment"):
        lines += ["", "Change moment (class k = last change between date k and date k+1, 1-based; 0 = no change):",
                  format_moment_table([(label, res[n]["moment"]) for n, label in names], method_width=wide)]
    if all("history" in res[n] for n, _unused in names) and names:
        lines += ["", "Change moment by pixel history (share of the class's pixels; semi-synthetic truth):",
                  f"{'method':<{cut}} {'history':<16} {'pixels':>8} {'exact':>6} {'unchanged':>9} "
                  f"{'earlier':>7} {'later':>6}"]
        for n, label in names:
            for c, h in res[n]["history"].items():
                if h["pixels"]:
                    lines.append(f"{label[:cut]:<{cut}} {c:<16} {h['pixels']:8d} {h['exact']:6.3f} "
                                 f"{h['unchanged']:9.3f} {h['earlier']:7.3f} {h['later']:6.3f}")
    if names and all("by_distance" in res[n] for n, _unused in names):
        rings = len(res[names[0][0]]["by_distance"]["false change"]) - 1
        lines += ["", "Change area errors by distance to the reference's other class (pixels, 8-neighbour: false "
                  "change from the nearest changed pixel, missed change from the nearest unchanged one; share of "
                  "the row's errors):",
                  f"{'method':<{cut}} {'error':<14} {'pixels':>8} " + " ".join(f"{d:>6}" for d in range(1, rings + 1))
                  + f" {'>' + str(rings):>6}"]
        for n, label in names:
            for kind, counts in res[n]["by_distance"].items():
                total = sum(counts)
                lines.append(f"{label[:cut]:<{cut}} {kind:<14} {total:8d} "
                             + " ".join(f"{c / max(total, 1):6.3f}" for c in counts))
    if res.get("block"):
        lines += ["", f"95 % interval of kappa, spatial block bootstrap ({res['block']} x {res['block']} px "
                  "blocks resampled):"]
        for n, label in names:
            parts = [f"{part} [{res[n][part]['kappa_ci'][0]:.3f}, {res[n][part]['kappa_ci'][1]:.3f}]"
                     for part in ("area", "moment") if "kappa_ci" in res[n][part]
                     and (part == "area" or res.get("has_moment"))]
            lines.append(f"  {label}: " + ", ".join(parts))
        diff = res.get("kappa_diff_ci", {})
        parts = [f"{part} [{diff[part][0]:+.3f}, {diff[part][1]:+.3f}]" for part in ("area", "moment")
                 if part in diff and (part == "area" or res.get("has_moment"))]
        if parts:
            lines.append("  model - baseline (paired): " + ", ".join(parts))
        diff = res.get("against_kappa_diff", {})

        def shown(name, part):  # a kappa as the tables print it
            return float(f"{res[name][part]['kappa']:.4f}")

        # the point difference of the kappas as the tables print them (4 decimals), so that the line adds up for
        # a reader of the tables; the JSON holds the exact one ("kappa"), at most 0.0001 from it
        parts = [f"{part} {shown('model', part) - shown('against', part):+.4f} "
                 f"[{diff[part]['ci'][0]:+.3f}, {diff[part]['ci'][1]:+.3f}]" for part in ("area", "moment")
                 if part in diff and (part == "area" or res.get("has_moment"))]
        if parts:
            lines.append("  kappa difference (model - against), paired 95 % block bootstrap: "
                         + ", ".join(parts))
    return "\n".join(lines)


def build_parser():
    from model_core.coregister import COREGISTER_DEFAULT

    p = argparse.ArgumentParser(
        prog="python -m model_core evaluate",
        description="Print change-area and change-moment metric tables for a model and for the "
                    "classical CVA + Otsu baseline on the same labelled pixels of a dataset.")
    p.add_argument("--dataset", required=True,
                   choices=["taizhou", "semisynthetic", "generic", "spacenet7", "dynamicearthnet", "pairs", "oscd"],
                   help="dataset kind (see model_core/evaluate.py for the layouts)")
    p.add_argument("--root", help="dataset folder (semisynthetic: the source imagery folder, default "
                                  "../shared/data)")
    p.add_argument("--weights", help="weights file (default: the bundled weights of --model)")
    p.add_argument("--model", default=None, help="caimnet (default), schanger, cva, isfa, caimnet_cva or caimnet_isfa; with "
                   "--weights, the file's network or a fusion that runs it")
    p.add_argument("--no-model", action="store_true", help="evaluate the baseline only")
    p.add_argument("--no-baseline", action="store_true", help="skip the baseline")
    p.add_argument("--against", metavar="FILE",
                   help="a second weights file of the same network, run on the same series and scored on the same "
                        "pixels as the model (co-registration, --bands, --sensitivity, --min-patch alike): prints its "
                        "row and the paired 95 %% block-bootstrap interval of the kappa difference (model - against) "
                        "of area and moment; needs --bootstrap-block (e.g. 64 on the semi-synthetic series)")
    p.add_argument("--bands", help="1-based input bands as R,G,B,NIR (taizhou default 3,2,1,4; on the "
                   "semi-synthetic R, G, B, NIR series e.g. 1,2,3,2 scores the RGB-only mode; oscd: positions "
                   "in B01..B08,B8A,B09..B12, default 4,3,2,8; pairs: default the tiles' R, G, B with green "
                   "as NIR); three bands are read as detect reads them, R, G, B with green in place of NIR "
                   "(3,2,1 as 3,2,1,2), unless the bands' names or wavelengths say otherwise")
    p.add_argument("--t", type=int, help="number of dates to select (spacenet7, dynamicearthnet, generic)")
    p.add_argument("--split", metavar="NAME",
                   help="pairs: only the split folder of this name under --root (e.g. test); oscd: only the "
                        "cities train.txt or test.txt lists (train, test); default: every tile / labelled city")
    p.add_argument("--samples", type=int, metavar="N",
                   help="semisynthetic: number of series (default 200); real datasets: score only the first N "
                        "series in folder and name order (default: all)")
    p.add_argument("--t-min", type=int, default=2, help="semisynthetic: smallest T")
    p.add_argument("--t-max", type=int, default=10, help="semisynthetic: largest T")
    p.add_argument("--patch", type=int, default=64, help="semisynthetic: series size in pixels")
    p.add_argument("--seed", type=int, default=2024, help="semisynthetic: seed of the series")
    p.add_argument("--scene-stats", action="store_true",
                   help="semisynthetic: normalise each series with the statistics of the scene it is cut "
                        "from (the generator's scene_stats recipe) instead of its own")
    p.add_argument("--road-prob", type=float, default=0.0, metavar="P",
                   help="semisynthetic: share of change events shaped as roads or canals (1-3 px strips; "
                        "default 0, the standard held-out series)")
    p.add_argument("--haze-prob", type=float, default=None, metavar="P",
                   help="semisynthetic: share of dates with haze (default: the generator's 0.25; 0.1 gives "
                        "the 'matched' series whose no-change differences match real series, see the "
                        "model card)")
    p.add_argument("--haze-depth", type=float, default=None, metavar="D",
                   help="semisynthetic: how even each haze veil is across a series: the generator's 1 (default) "
                        "from clear to its opacity, patchy; 0.2 within 0.8-1 of it, a haze bank larger than "
                        "the series, which the scene statistics do not see (the same scenes and veils)")
    p.add_argument("--misreg-prob", type=float, default=None, metavar="P",
                   help="semisynthetic: share of dates (after the first) shifted by 1-3 pixels, misregistered "
                        "against the labels (default: the generator's 0.4; 0 for series without it)")
    p.add_argument("--cloud-prob", type=float, default=None, metavar="P",
                   help="semisynthetic: chance of clouds (masked) on a date (default: the generator's 0.04)")
    p.add_argument("--revert-prob", type=float, default=0.0, metavar="P",
                   help="semisynthetic: share of later change events that are returns to an earlier state "
                        "(default 0, the standard held-out series)")
    p.add_argument("--repeat-prob", type=float, default=0.0, metavar="P",
                   help="semisynthetic: share of later change events drawn inside the area changed so far, "
                        "so that pixels change several times (default 0)")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda:N")
    p.add_argument("--tile", type=int, default=256, help="inference tile size (default 256)")
    p.add_argument("--threads", type=int, help="torch CPU threads")
    p.add_argument("--min-patch", type=int, default=0, metavar="PX",
                   help="apply the engine's minimum change patch (pixels) to every method's predictions")
    p.add_argument("--sensitivity", type=float, default=0.0, metavar="S",
                   help="the engine's sensitivity for the model (-3 .. 3, default 0 = calibrated); the baseline "
                        "keeps its Otsu threshold")
    p.add_argument("--by-distance", action="store_true",
                   help="also print the area errors by their distance to the reference's boundary (1-4 px, "
                        "farther): mixed pixels and shifted edges against false alarms and changes missed whole; "
                        "for references that label every pixel (semisynthetic, generic)")
    p.add_argument("--coregister", action=argparse.BooleanOptionalAction, default=COREGISTER_DEFAULT,
                   help="move each series' dates onto its first date by the whole-pixel offset that best matches "
                        "their edges (as detect --coregister), for every method alike; on by default, as in detect "
                        "(--no-coregister: as drawn)")
    p.add_argument("--json", help="also write the scores to this JSON file")
    p.add_argument("--overwrite", action="store_true", help="replace an existing --json file")
    p.add_argument("--bootstrap-block", type=int, metavar="PX",
                   help="also print a 95 %% interval of kappa from a spatial block bootstrap with "
                        "blocks of PX x PX pixels (e.g. 25 for Taizhou; 64 = one block per 64 px series)")
    return p


def main(argv=None):
    args = build_parser().parse_args(argv)
    if args.bootstrap_block is not None and args.bootstrap_block < 1:
        print("error: " + _("--bootstrap-block must be a positive number of pixels"), file=sys.stderr)
        return 2
    if args.samples is not None and args.samples < 1:
        print("error: " + _("--samples must be a positive number of series"), file=sys.stderr)
        return 2
    if args.against is not None and args.no_model:
        print("error: " + _("--against compares the model with a second weights file; drop --no-model (or --against)"),
              file=sys.stderr)
        return 2
    if args.against is not None and args.bootstrap_block is None:
        print("error: " + _("--against needs --bootstrap-block PX, the block size of the paired interval of the "
                            "difference (e.g. 64 on the semi-synthetic series, one block per 64 px series; 25 on "
                            "Taizhou)"), file=sys.stderr)
        return 2
    if args.no_model and args.no_baseline:
        print("error: " + _("--no-model with --no-baseline leaves nothing to evaluate; drop one of them"), file=sys.stderr)
        return 2
    try:
        from model_core.stack import quiet_gdal

        with quiet_gdal():  # format notes of odd TIFF tags (the Landsat files) are noise, as in detect
            return _main(args)
    except KeyboardInterrupt:
        print("\n" + _("Interrupted; nothing was written."), file=sys.stderr)
        return 130


def _load_against(args, network, fusion, label, device):
    """The model of ``--against``: a weights file of ``network`` (the network the model runs: the first file's own,
    or the one a fusion wraps), built as the model is (around the same ``fusion``), refused with a message that
    names --against when it is missing, unreadable, of another network or takes other bands."""
    from model_core import weights as wio
    from model_core.errors import CaimError

    path = args.against
    if not os.path.exists(path):
        raise CaimError(_("--against '{path}' does not exist: name the weights file (.pt) to compare the model "
                          "with.").format(path=path))
    try:  # the file's own refusals (unreadable, damaged, other bands), said of --against
        found = wio.read(path)["arch"]
    except CaimError as exc:
        raise CaimError(f"--against: {exc}") from None
    if found != network:
        raise CaimError(_("--against '{path}' holds weights of the '{found}' network, but the model evaluated is "
                          "{label}: --against compares two weights files of the same network. Give a '{network}' "
                          "file.").format(path=path, found=found, label=label, network=network))
    try:
        against = wio.load_model(path, arch=fusion or network, device=device)
        wio.require_rgbn(against, path)
    except CaimError as exc:
        raise CaimError(f"--against: {exc}") from None
    return against


def _main(args):
    from model_core.errors import CaimError

    named = args.model is not None  # --model given: a weights file of another network is refused, as detect does
    args.model = args.model or "caimnet"

    try:
        for name in ("road_prob", "haze_prob", "misreg_prob", "cloud_prob", "revert_prob", "repeat_prob",
                     "haze_depth"):
            value = getattr(args, name, None)
            if value is not None and not 0.0 <= value <= 1.0:  # (a share: 1.5 ran, and the generator drew as for 1)
                raise CaimError(_("{option} {value:g} is not a share: give a value from 0 to 1.").format(
                    option="--" + name.replace("_", "-"), value=value))
        if args.json:
            from model_core.compare import check_output

            if os.path.isdir(args.json):
                raise CaimError(_("--json '{path}' is a folder; name a file such as scores.json.").format(path=args.json))
            check_output(args.json, args.overwrite)
        import torch

        if args.threads:
            torch.set_num_threads(args.threads)
        from model_core.predict import resolve_device

        device = resolve_device(args.device)  # a GPU that is not there is a message, not torch's traceback
        model, label = None, "model"
        against, against_label = None, "against"
        if not args.no_model:
            from model_core import weights as wio
            from model_core.models import build_model, model_class

            if not getattr(model_class(args.model), "needs_weights", True):  # a classical method
                if args.weights:
                    raise CaimError(_("'{model}' is a classical method and takes no weights; drop --weights.").format(
                        model=args.model))
                if args.against is not None:
                    raise CaimError(_("'{model}' is a classical method and takes no weights: --against compares two "
                                      "weights files of a network (caimnet, schanger or a fusion); drop --against.").format(
                        model=args.model))
                model = build_model(args.model).to(device).eval()
                label = model_class(args.model).__name__
            else:
                path = args.weights or wio.default_weights(args.model)
                if path is None:
                    raise CaimError(_("No bundled weights for '{model}'; pass --weights FILE or --no-model.").format(
                        model=args.model))
                # a fusion (caimnet_cva, caimnet_isfa) is built around the network file; otherwise the
                # file's own model
                fused = wio.wrapped_arch(args.model) != args.model
                # the file's own network when --model was not given; a file of another network than the one
                # named is refused (it ran the file's network under the named one's flag without a word)
                model = wio.load_model(path, arch=args.model if fused or named else None, device=device)
                wio.require_rgbn(model, path)
                label = f"{model.arch} ({path.split('/')[-1]})"
                if args.against is not None:
                    against = _load_against(args, wio.wrapped_arch(args.model) if fused else model.arch,
                                            args.model if fused else None, label, device)
                    against_label = f"against: {against.arch} ({args.against.split('/')[-1]})"
            from model_core.predict import apply_sensitivity

            if apply_sensitivity(model, args.sensitivity):
                label += f", sensitivity {args.sensitivity:+g}"
                if against is not None:
                    apply_sensitivity(against, args.sensitivity)
                    against_label += f", sensitivity {args.sensitivity:+g}"
        warning = training_bands_warning(model, args)
        if warning:
            print(warning, file=sys.stderr)
        other = training_bands_warning(against, args)
        if other and other != warning:
            print(other, file=sys.stderr)
        series = _series_for(args)
        most = getattr(model, "max_dates", None)
        longer = [s for s in series if most and s.t > most]
        if longer:  # the model said only "SChanger compares exactly 2 dates, got 4", naming no series
            raise CaimError(_("{model} compares at most {most} dates, but series '{name}' has {t} ({n} of the {total} "
                              "series have more than {most}). Evaluate it on pairs (area.tif alone and --t {most}, or "
                              "--dataset pairs), or evaluate a CAIM-Net file on the series.").format(
                model=label, most=most, name=longer[0].name, t=longer[0].t, n=len(longer), total=len(series)))
        from model_core.predict import check_min_patch

        min_patch = check_min_patch(args.min_patch)
        # progress on stderr for the benchmarks of many tiles
        log = (lambda m: print(m, file=sys.stderr, flush=True)) if args.dataset in ("pairs", "oscd") else None
        # the classical CVA as the model is the baseline itself (the same bands): one row, not two
        same = args.model == "cva" and not args.no_model
        if same and not args.no_baseline:
            print(_("(the model is the CVA + Otsu baseline itself: one row)"), file=sys.stderr)
        res = evaluate(series, model, device, args.tile, baseline=not (args.no_baseline or same),
                       block=args.bootstrap_block, min_patch=min_patch, log=log,
                       by_distance=args.by_distance, coregister=args.coregister, against=against)
        if args.coregister:
            c = res["coregister"]
            print(_("Co-registration: {moved} of {dates} dates moved onto their series' first date; the offset of "
                    "{not_applied} not applied (no clear match)").format(**c), file=sys.stderr)
        if min_patch > 1:
            label += f", min patch {min_patch} px"
            against_label += f", min patch {min_patch} px"
    except FileNotFoundError as exc:
        print("error: " + ((_("'{path}' does not exist (--root)") if exc.filename == args.root else
                            _("'{path}' does not exist")).format(path=exc.filename) if exc.filename else str(exc)),
              file=sys.stderr)
        return 2
    except OSError as exc:  # a root that is a file, a folder that cannot be listed, a label that is a folder
        from model_core.errors import read_error_text

        print("error: " + read_error_text(exc), file=sys.stderr)
        return 2
    except (CaimError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # a generic folder's labels are the user's own (drawn by hand, or made, as a test's pasted patches)
    kind = {"semisynthetic": _("held-out split, semi-synthetic labels"), "generic": _("the folder's labels")}.get(
        args.dataset) or _("real labels")
    if args.split:
        kind = _("{labels}, split {split}").format(labels=kind, split=args.split)
    have = sorted({s.t for s in series})
    print(_("Dataset: {dataset} ({labels}), {n} series, T = {dates}").format(
        dataset=args.dataset, labels=kind, n=len(series), dates=have)
          + (_(" (--t {t} asked for more dates than the series have)").format(t=args.t)
             if args.t and have and args.t > have[-1] else ""))
    loaded = [s for s in series if getattr(s, "values", None) is not None]
    counts = {s.values.shape[1] for s in loaded}
    bands = f", {counts.pop()} bands" if len(counts) == 1 else ""  # which bands it saw (the model's input)
    if bands == ", 4 bands" and all(np.array_equal(s.values[:, 1], s.values[:, 3]) for s in loaded):
        # RGB-only series read as R, G, B, G (green in place of NIR): "4 bands" said 4 where there are 3
        bands = ", R,G,B,G"
        print(_("Bands: RGB-only series (or --bands 1,2,3,2 or 1,2,3), read as R, G, B with green in place of NIR by "
                "the model and the baseline alike, as detect reads RGB-only imagery"))
    print(format_results(res, label, "CVA + Otsu baseline" + bands + (f", min patch {args.min_patch} px"
                                                                       if args.min_patch > 1 else ""),
                         against_label=against_label))
    if args.json:
        # written in a hidden folder locked for this run and moved into place (Ctrl-C: removed with what is in
        # it, main says "nothing was written"; a kill -9 leaves that folder only, which the next evaluate into
        # the folder removes). A '.part' beside it stayed for good after a kill -9.
        from model_core.errors import OutputError
        from model_core.staging import staged_file

        try:
            with staged_file(args.json, ".caim-evaluate-") as staged, open(staged, "w", encoding="utf-8") as f:
                json.dump({"args": vars(args), "results": res}, f, indent=1)
        except OutputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print("error: " + _("cannot write '{path}' ({reason})").format(path=args.json, reason=os_reason(exc)),
                  file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
