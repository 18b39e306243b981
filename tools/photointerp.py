"""Photo-interpreted reference points on two unlabelled real series (first and last date), for a
real-data check of the change-area decision that does not use Taizhou.

    python tools/photointerp.py score  [--data ../shared/data] [--weights NAME=FILE ...] [--sensitivity S] [--min-patch PX]
    python tools/photointerp.py moment [--data ../shared/data] [--weights NAME=FILE ...] [--sensitivity S] [--min-patch PX] [--dates N]
                                       [--set abc|d|e|f|g|h|i] [--fusion-classical cva|isfa]
    python tools/photointerp.py steps  [--data ../shared/data] [--weights FILE]
    python tools/photointerp.py sheets --out DIR [--data ../shared/data]
    python tools/photointerp.py draw   [--data ../shared/data] [--set b|c|d|e|f|g|h|i]

``score`` runs the bundled CAIM-Net file, the alternative land-cover file, SChanger, the classical
CVA and ISFA and the two fusions (plus any ``--weights`` CAIM-Net files) on each pair through the
engine, reads the change area at the labelled points of ``tools/photointerp_points.json`` (``?``
points excluded) and prints kappa, precision and recall per site and pooled, with a 95 % bootstrap
interval (over points) of each method's kappa minus the first method's.  ``moment`` runs the 8-date Pucallpa series and counts,
at the index-verified points of ``moment_labels``, how often each method's change moment is the
labelled interval, within one interval, "unchanged", earlier or later, and does the same on the
method-independent set ``moment_points_b`` (drawn by ``draw`` from per-date cover classes, then
checked on 8-date chip strips; by number of changes) and on set C (``moment_points_c``: drawn the
same way with another seed after candidates W and W2, plus stable points; also scored as a series
change area, changed against stable points).  ``steps`` looks inside a
CAIM-Net file at those points: per interval, the size of the normalised input difference and the
network's branch-1 "changed minus unchanged" score, to see whether a wrong moment comes from the
step evidence or from the decision.  ``sheets`` writes the chip mosaics the labels were made
on (no method output is shown on them), for checking or extending the labels; ``draw`` re-draws the
candidates of ``moment_points_b`` (or ``--set c``, or ``--set d``: set D on the NAIP series, water
against land by a per-date water-index threshold, labelled on its strips and kept unseen until rule Z
of the model card, which ``moment --set d`` scores; or ``--set e``: set E, the same with the water
gated by NIR, away from set D, kept unseen until candidate G, which ``moment --set e`` scores) and
prints them; ``--set f`` and ``--set g`` draw sets F (NAIP, as E) and G (Pucallpa, as C), kept unseen
until rule H, which ``moment --set f`` and ``moment --set g`` score; ``--set i`` draws set I (NAIP, as F
with 20 stable points, away from D, E and F; seventeenth session), kept unseen until rule SCI.
``--fusion-classical isfa`` runs the CAIM-Net + CVA row with ISFA as its classical part (candidate G).

The sample is stratified by whether any of seven methods called a pixel changed, so these figures
describe the sample, not the whole scene; see the model card.  Prints figures; asserts nothing.
"""

import argparse
import contextlib
import json
import os
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
POINTS = os.path.join(ROOT, "tools", "photointerp_points.json")
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
CHIP, ZOOM, PER_SHEET = 24, 5, 10
SEED_C = 20261204  # set C, drawn in the ninth session (after W2), before any method ran on it
SEED_D = 20261205  # set D (NAIP), drawn in the ninth session; no method ran on it before rule Z was written
SEED_E = 20261206  # set E (NAIP, NIR-gated water), drawn in the ninth session; no method ran on it before candidate G
SEED_F = 20261207  # set F (NAIP, as E, away from D and E), drawn in the tenth session before any method ran on it
SEED_G = 20261208  # set G (Pucallpa, as C, away from A, B and C), drawn in the tenth session likewise
SEED_H = 20261214  # set H (Pucallpa, as G, away from A, B, C and G), drawn in the fourteenth session after rule KT2
SEED_I = 20261217  # set I (NAIP, as F, away from D, E and F; more stable points), drawn in the seventeenth session
NAIP_SETS = ("d", "e", "f", "i")


def load(data):
    spec = json.load(open(POINTS, encoding="utf-8"))
    for site in spec["sites"].values():
        site["paths"] = [os.path.join(data, p) for p in site["inputs"]]
        missing = [p for p in site["paths"] if not os.path.exists(p)]
        if missing:
            raise SystemExit(f"missing input {missing[0]}: pass --data (the folder holding the shared imagery)")
    return spec


def fusion_name(suffix=""):
    """The fusion's row name, naming its classical part (``--fusion-classical``; candidate G)."""
    from model_core.models.fusion import CaimNetCVA

    return f"CAIM-Net + {CaimNetCVA.classical.upper()}{suffix}"


def with_other_bands(bands, path):
    """``bands`` (the network's R, G, B, NIR mapping) followed by every other band of ``path``: the
    band list of a CAIM-Net + CVA run whose CVA part uses all bands, as the engine makes it without a
    mapping for files without band metadata (such as the Pucallpa series)."""
    from osgeo import gdal

    n = gdal.Open(path).RasterCount
    return list(bands) + [b for b in range(1, n + 1) if b not in bands]


def kappa_pr(y, p):
    tp = int(((p == 1) & (y == 1)).sum())
    fp = int(((p == 1) & (y == 0)).sum())
    fn = int(((p == 0) & (y == 1)).sum())
    tn = int(((p == 0) & (y == 0)).sum())
    n = max(len(y), 1)
    po = (tp + tn) / n
    pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / n / n
    k = (po - pe) / (1 - pe) if pe < 1 else 0.0
    return k, tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def score(args):
    from model_core.predict import detect
    from osgeo import gdal

    spec = load(args.data)
    methods = [("CAIM-Net (bundled)", "caimnet", None), ("CAIM-Net land-cover alternative", "caimnet",
               os.path.join(ROOT, "resources", "weights", "caimnet_rgbn_landcover.pt")),
               ("SChanger", "schanger", None), ("CVA + Otsu", "cva", None), ("Classical ISFA", "isfa", None),
               (fusion_name(" (bundled)"), "caimnet_cva", None), ("CAIM-Net + ISFA (bundled)", "caimnet_isfa", None)]
    for item in args.weights or []:
        name, _, path = item.partition("=")
        methods.append((name, "caimnet", path))
    calls = {m[0]: [] for m in methods}
    truth, site_of = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for key, site in spec["sites"].items():
            pts = [p for p in site["points"] if p["label"] in ("c", "u")]
            truth += [1 if p["label"] == "c" else 0 for p in pts]
            site_of += [key] * len(pts)
            for i, (name, model, weights) in enumerate(methods):
                bands = None if model in ("cva", "isfa") or not site["bands"] else [int(b) for b in site["bands"].split(",")]
                if model in ("caimnet_cva", "caimnet_isfa") and bands:
                    bands = with_other_bands(bands, site["paths"][0])
                out = os.path.join(tmp, f"{key}_{i}")
                with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
                    detect(site["paths"], out_dir=out, model=model, weights=weights, bands=bands,
                           threads=args.threads, sensitivity=args.sensitivity, min_patch=args.min_patch)
                area = gdal.Open(os.path.join(out, "change_area.tif")).ReadAsArray()
                calls[name] += [int(area[p["y"], p["x"]] == 1) for p in pts]
    y, site_of = np.array(truth), np.array(site_of)
    rng = np.random.default_rng(0)
    first = methods[0][0]
    for label, sel in [(spec["sites"][k]["name"], site_of == k) for k in spec["sites"]] + [("all sites", site_of != "")]:
        idx = np.nonzero(sel)[0]
        print(f"\n{label}: {len(idx)} labelled points ({int(y[idx].sum())} changed)")
        print(f"  {'method':<34} {'kappa':>6} {'prec':>5} {'recall':>6}   kappa - {first}, 95 % bootstrap")
        boots = [rng.choice(idx, len(idx)) for _ in range(2000)]
        for name, _, _ in methods:
            p = np.array(calls[name])
            k, pr, rc = kappa_pr(y[idx], p[idx])
            line = f"  {name:<34} {k:6.3f} {pr:5.2f} {rc:6.2f}"
            if name != first:
                base = np.array(calls[first])
                d = [kappa_pr(y[b], p[b])[0] - kappa_pr(y[b], base[b])[0] for b in boots]
                line += f"   [{np.percentile(d, 2.5):+.3f}, {np.percentile(d, 97.5):+.3f}]"
            print(line)
    return 0


def moment_points(spec, data):
    """(site, point, labelled interval) of every index-verified moment point, and the 8-date Pucallpa
    series' paths in date order."""
    pts = [(site, spec["sites"][site]["points"][int(i)], k) for site, d in spec["moment_labels"].items()
           if site != "about" for i, k in d.items()]
    folder = os.path.join(data, "landsat-pucallpa")
    return pts, sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".tif"))


def cover_classes(values):
    """Per-date cover class of the Pucallpa series' file values (T, bands SWIR1, NIR, red, ...): 0 unclear,
    1 water, 2 bright bare or sand, 3 vegetation; the thresholds of the model card's moment points."""
    swir, nir, red = (values[:, b].astype(np.float32) for b in range(3))
    cls = np.zeros(swir.shape, np.int8)
    cls[(nir < 70) & (swir < 30)] = 1
    cls[red >= 80] = 2
    cls[(nir >= 100) & (red < 60)] = 3
    return cls


def water_classes(values, valid, margin=0.05, nir_gate=False):
    """Per-date water / land class of the NAIP series' file values (T, bands R, G, B, NIR): the
    green-NIR water index (G - NIR) / (G + NIR) against that date's Otsu threshold (NAIP's radiometry
    differs from year to year), 1 water above threshold + ``margin``, 3 land below threshold -
    ``margin``, 0 unclear in between.  ``nir_gate`` (set E): water must also be darker in NIR than that
    date's Otsu threshold of NIR (bright bare soil passes the index alone, as set D showed), and a pixel
    brighter than 1.2 times that threshold is land whatever its index."""
    from model_core.baseline import otsu_threshold

    g, nir = values[:, 1].astype(np.float32), values[:, 3].astype(np.float32)
    ndwi = (g - nir) / np.maximum(g + nir, 1.0)
    cls = np.zeros(ndwi.shape, np.int8)
    for d in range(len(ndwi)):
        t = otsu_threshold(ndwi[d][valid])
        water, land = ndwi[d] > t + margin, ndwi[d] < t - margin
        if nir_gate:
            t_nir = otsu_threshold(nir[d][valid])
            water, land = water & (nir[d] < t_nir), land | (nir[d] > 1.2 * t_nir)
        cls[d][water] = 1
        cls[d][land & ~water] = 3
    return cls


def naip_paths(data):
    folder = os.path.join(data, "naip-north-dakota")
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".tif"))


def draw_moment_points(cls, valid, avoid, per_stratum=20, seed=20261203, spacing=15, margin=12, stable=0):
    """Method-independent moment points: pixels whose 3 x 3 neighbourhood has one clear class on every
    date and whose class changes; ``per_stratum`` with one change and as many with several, at least
    ``spacing`` px apart (Chebyshev) and from ``avoid`` (dicts with x, y); then ``stable`` points whose
    class never changes (k = 0), taking the classes present in turn (water, bare, vegetation)."""
    t, h, w = cls.shape
    padded = np.pad(cls, ((0, 0), (1, 1), (1, 1)))
    same = np.ones(cls.shape, bool)
    for dy in range(3):
        for dx in range(3):
            same &= padded[:, dy:dy + h, dx:dx + w] == cls
    ok = (same & (cls > 0)).all(axis=0) & valid
    changed = np.diff(cls, axis=0) != 0
    n = changed.sum(axis=0)
    last = np.where(changed.any(axis=0), t - 1 - np.argmax(changed[::-1], axis=0), 0)
    rng = np.random.default_rng(seed)
    out, names = [], "?WBV"
    strata = [("one", ok & (n == 1), per_stratum), ("several", ok & (n >= 2), per_stratum)]
    if stable:
        present = [c for c in (1, 2, 3) if (ok & (n == 0) & (cls[0] == c)).any()]
        share = [stable // len(present) + (i < stable % len(present)) for i in range(len(present))]
        strata += [("stable", ok & (n == 0) & (cls[0] == c), m) for c, m in zip(present, share)]
    for stratum, sel, want in strata:
        ys, xs = np.nonzero(sel)
        got = []
        for i in rng.permutation(len(ys)):
            if len(got) == want:
                break
            y, x = int(ys[i]), int(xs[i])
            if not (margin <= y < h - margin and margin <= x < w - margin):
                continue
            if any(abs(y - p["y"]) < spacing and abs(x - p["x"]) < spacing for p in got + out + avoid):
                continue
            got.append({"x": x, "y": y, "stratum": stratum, "k": int(last[y, x]),
                        "classes": "".join(names[c] for c in cls[:, y, x])})
        out += got
    return out


def draw(args):
    """Re-draw the candidates of moment_points_b (or, with ``--set c``, of moment_points_c: another seed,
    away from sets A and B, plus stable points) and print them (one JSON object per line)."""
    from model_core.stack import Stack

    spec = load(args.data)
    if args.set in NAIP_SETS:
        stack = Stack(naip_paths(args.data))
        _, _, h, w = stack.shape
        values, valid = stack.read(0, 0, w, h)
        if args.set == "i":
            avoid = [p for key in ("d", "e", "f") for p in spec[f"moment_points_{key}"]["points"]]
            pts = draw_moment_points(water_classes(values, valid, nir_gate=True), valid, avoid,
                                     per_stratum=15, seed=SEED_I, stable=20)
        elif args.set == "f":
            avoid = spec["moment_points_d"]["points"] + spec["moment_points_e"]["points"]
            pts = draw_moment_points(water_classes(values, valid, nir_gate=True), valid, avoid,
                                     per_stratum=15, seed=SEED_F, stable=10)
        elif args.set == "e":
            pts = draw_moment_points(water_classes(values, valid, nir_gate=True), valid,
                                     spec["moment_points_d"]["points"], per_stratum=15, seed=SEED_E, stable=10)
        else:
            pts = draw_moment_points(water_classes(values, valid), valid, [], per_stratum=15, seed=SEED_D,
                                     stable=10)
        for p in pts:
            print(json.dumps(p))
        return 0
    sited, paths = moment_points(spec, args.data)
    stack = Stack(paths)
    _, _, h, w = stack.shape
    values, valid = stack.read(0, 0, w, h)
    avoid = [p for _, p, _ in sited]
    kw = {}
    if args.set == "c":
        avoid += spec["moment_points_b"]["points"]
        kw = {"seed": SEED_C, "stable": 20, "spacing": 10}
    elif args.set == "g":
        avoid += spec["moment_points_b"]["points"] + spec["moment_points_c"]["points"]
        kw = {"seed": SEED_G, "stable": 20, "spacing": 10}
    elif args.set == "h":
        avoid += [p for key in ("b", "c", "g") for p in spec[f"moment_points_{key}"]["points"]]
        kw = {"seed": SEED_H, "stable": 20, "spacing": 10}
    for p in draw_moment_points(cover_classes(values), valid, avoid, **kw):
        print(json.dumps(p))
    return 0


def cut_to_dates(points, n):
    """Set-B points relabelled for the first ``n`` dates of the series (last class change within them,
    stratum by the number of changes); points that do not change within them are left out."""
    out = []
    for p in points:
        seq = p["classes"][:n]
        changes = [i + 1 for i in range(len(seq) - 1) if seq[i] != seq[i + 1]]
        if changes:
            out.append(dict(p, k=changes[-1], stratum="one" if len(changes) == 1 else "several"))
    return out


def moment_row(got, truth):
    """exact, within one interval, called unchanged, dated earlier, dated later."""
    pairs = list(zip(got, truth))
    return (sum(g == k for g, k in pairs), sum(g > 0 and abs(g - k) <= 1 for g, k in pairs),
            sum(g == 0 for g, _ in pairs), sum(0 < g < k for g, k in pairs), sum(g > k for g, k in pairs))


def series_area(mo, changed, stable):
    """(kappa, precision, recall, stable points called changed) of a moment raster's change area at
    changed points against stable points ("changed" = a moment other than 0)."""
    y = np.array([1] * len(changed) + [0] * len(stable), np.uint8)
    called = np.array([mo[p["y"], p["x"]] > 0 for p in changed + stable], np.uint8)
    return kappa_pr(y, called) + (int(called[len(changed):].sum()),)


def moment_naip(args, spec):
    """Sets D (rule Z of the model card), E (candidate G) and F (rule H): the 10-date NAIP series run without a band
    mapping, as a user would; moment counts at the changed points, stable points called changed, series
    area kappa."""
    from model_core.predict import detect
    from osgeo import gdal

    pts = [p for p in spec[f"moment_points_{args.set}"]["points"] if p["label"] == "ok"]
    changed = [p for p in pts if p["k"]]
    stable = [p for p in pts if not p["k"]]
    methods = [("CAIM-Net (bundled)", "caimnet"), (fusion_name(), "caimnet_cva"),
               ("CVA + Otsu", "cva"), ("Classical ISFA", "isfa"), ("CAIM-Net + ISFA (automatic choice)", "caimnet_isfa")]
    print(f"10-date NAIP series; set {args.set.upper()}: {len(changed)} points with a water/land change, "
          f"{len(stable)} stable")
    print(f"  {'method':<34} {'exact':>5} {'within 1':>8} {'unchanged':>9} {'earlier':>7} {'later':>5}"
          f" {'stable called changed':>21} {'area kappa':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, model) in enumerate(methods):
            out = os.path.join(tmp, str(i))
            with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
                detect(naip_paths(args.data), out_dir=out, model=model, threads=args.threads,
                       sensitivity=args.sensitivity, min_patch=args.min_patch)
            mo = gdal.Open(os.path.join(out, "change_moment.tif")).ReadAsArray()
            row = moment_row([int(mo[p["y"], p["x"]]) for p in changed], [p["k"] for p in changed])
            kap, _, _, false = series_area(mo, changed, stable)
            print(f"  {name:<34} {row[0]:5d} {row[1]:8d} {row[2]:9d} {row[3]:7d} {row[4]:5d}"
                  f" {false:>14d} of {len(stable)} {kap:10.3f}")
    return 0


def moment(args):
    """The change moment of Pucallpa series runs (all 8 dates or the first N) at the moment points of sets
    A, B and C (``--set g``: set G alone); with ``--set d``, ``e`` or ``f``, of the NAIP series at that
    set's points (:func:`moment_naip`)."""
    from model_core.predict import detect
    from osgeo import gdal

    spec = load(args.data)
    if args.set in NAIP_SETS:
        return moment_naip(args, spec)
    sited, paths = moment_points(spec, args.data)
    pts = [(p, k) for _, p, k in sited]
    set_b = [p for p in spec["moment_points_b"]["points"] if p["label"] == "ok"]
    set_c = [p for p in spec.get("moment_points_c", {}).get("points", []) if p["label"] == "ok"]
    name_c = "set C (ninth session, new seed)"
    if args.set in ("g", "h"):  # set G (or H) alone, scored as set C is
        pts, set_b = [], []
        name_c = {"g": "set G (tenth session, new seed)", "h": "set H (fourteenth session, new seed)"}[args.set]
        set_c = [p for p in spec[f"moment_points_{args.set}"]["points"] if p["label"] == "ok"]
    if args.dates:
        # the first N dates only: set B's labels follow from its class sequences cut to N dates (points
        # without a change there are left out); set A has no stored sequences and is left out
        if not 2 <= args.dates <= len(paths):
            raise SystemExit(f"--dates must be 2 to {len(paths)}")
        paths, pts, set_b = paths[:args.dates], [], cut_to_dates(set_b, args.dates)
        set_c = cut_to_dates([p for p in set_c if p["k"]], args.dates) + [p for p in set_c if not p["k"]]
    methods = [("CAIM-Net (bundled)", "caimnet", None, [3, 4, 4, 2]),
               ("CAIM-Net land-cover alternative", "caimnet",
                os.path.join(ROOT, "resources", "weights", "caimnet_rgbn_landcover.pt"), [3, 4, 4, 2]),
               ("CVA + Otsu", "cva", None, None), ("Classical ISFA", "isfa", None, None),
               (fusion_name(" (bundled)"), "caimnet_cva", None, with_other_bands([3, 4, 4, 2], paths[0])),
               ("CAIM-Net + ISFA (bundled)", "caimnet_isfa", None, with_other_bands([3, 4, 4, 2], paths[0]))]
    for item in args.weights or []:
        name, _, path = item.partition("=")
        methods.append((name, "caimnet", path, [3, 4, 4, 2]))
    groups = [(f"set A: {len(pts)} index-verified points of changed photo-interpreted pixels", pts)] if pts else []
    for stratum, what in (("one", "one class change"), ("several", "two or more class changes")):
        sel = [(p, p["k"]) for p in set_b if p["stratum"] == stratum]
        if sel:
            groups.append((f"set B, drawn without any method: {len(sel)} points with {what}", sel))
    for stratum, what in (("one", "one class change"), ("several", "two or more class changes")):
        sel = [(p, p["k"]) for p in set_c if p["stratum"] == stratum]
        if sel:
            groups.append((f"{name_c}: {len(sel)} points with {what}", sel))
    rows = {title: [] for title, _ in groups}
    stable = [p for p in set_c if p["stratum"] == "stable"]
    area_c = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, model, weights, bands) in enumerate(methods):
            out = os.path.join(tmp, str(i))
            with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
                detect(paths, out_dir=out, model=model, weights=weights, bands=bands, threads=args.threads,
                       sensitivity=args.sensitivity, min_patch=args.min_patch)
            mo = gdal.Open(os.path.join(out, "change_moment.tif")).ReadAsArray()
            for title, sel in groups:
                rows[title].append((name, moment_row([int(mo[p["y"], p["x"]]) for p, _ in sel], [k for _, k in sel])))
            if set_c:
                area_c.append((name, series_area(mo, [p for p in set_c if p["stratum"] != "stable"], stable)))
    print(f"{len(paths)}-date Pucallpa series; label = last interval of a cover-class change")
    for title, _ in groups:
        print(f"\n{title}")
        print(f"  {'method':<34} {'exact':>5} {'within 1':>8} {'unchanged':>9} {'earlier':>7} {'later':>5}")
        for name, row in rows[title]:
            print(f"  {name:<34} {row[0]:5d} {row[1]:8d} {row[2]:9d} {row[3]:7d} {row[4]:5d}")
    if area_c:
        n_changed = len(set_c) - len(stable)
        print(f"\n{name_c.split(' (')[0]}, series area: {n_changed} changed points against {len(stable)} stable ones "
              "(changed = a moment other than 0)")
        print(f"  {'method':<34} {'kappa':>6} {'precision':>9} {'recall':>6} {'stable called changed':>21}")
        for name, (kap, prec, rec, false) in area_c:
            print(f"  {name:<34} {kap:6.3f} {prec:9.2f} {rec:6.2f} {false:>14d} of {len(stable)}")
    return 0


def steps(args):
    """Per-interval input difference and branch-1 evidence of a CAIM-Net file at the moment points."""
    import torch

    from model_core import weights as wio
    from model_core.normalize import apply
    from model_core.stack import Stack

    spec = load(args.data)
    pts, paths = moment_points(spec, args.data)
    stack = Stack(paths, bands=[3, 4, 4, 2])
    center, scale = stack.statistics()
    weights = args.weights or wio.default_weights("caimnet")
    net = wio.load_model(weights).eval()
    if not hasattr(net, "head1"):
        raise SystemExit(f"'{weights}' is not a CAIM-Net file")
    seen = {}
    net.head1.register_forward_hook(lambda _m, _i, out: seen.__setitem__("h1", out.detach()))
    t, _, h, w = stack.shape
    side = 96  # a window around each point, larger than the network's context
    print(f"{weights}: per interval 1..{t - 1}, |normalised input difference| (mean over bands) and the "
          "branch-1 score (changed - unchanged, > 0 = evidence of change)")

    def at(p):
        """(moment probabilities, input difference per interval, branch-1 score per interval) at p."""
        x0, y0 = min(max(p["x"] - side // 2, 0), w - side), min(max(p["y"] - side // 2, 0), h - side)
        values, _ = stack.read(x0, y0, side, side)
        x = apply(values.copy(), center, scale)
        with torch.no_grad():
            prob = net(torch.from_numpy(np.ascontiguousarray(x, np.float32))[None])["moment"][0].exp()
        yy, xx = p["y"] - y0, p["x"] - x0
        score = seen["h1"].reshape(t - 1, 2, side, side)[:, :, yy, xx]
        return prob[:, yy, xx], np.abs(np.diff(x[:, :, yy, xx], axis=0)).mean(axis=1), (score[:, 1] - score[:, 0]).numpy()

    largest_input = largest_score = 0
    for site, p, k in pts:
        prob, mag, score = at(p)
        largest_input += int(np.argmax(mag) + 1 == k)
        largest_score += int(np.argmax(score) + 1 == k)
        print(f"  {site:<5} ({p['x']:4d},{p['y']:4d}) label {k} moment {int(prob.argmax())}  input "
              + " ".join(f"{v:4.1f}" for v in mag) + "  score " + " ".join(f"{v:+5.1f}" for v in score))
    print(f"the labelled interval has the largest input difference at {largest_input} of {len(pts)} points "
          f"and the largest branch-1 score at {largest_score}")
    # every interval of the set-B points, grouped by its cover-class transition (W water, B bare or
    # sand, V vegetation): does the evidence depend on the kind of change, not only on its size?
    groups = {}
    for p in spec["moment_points_b"]["points"]:
        if p["label"] != "ok":
            continue
        _, mag, score = at(p)
        seq = p["classes"]
        for i in range(t - 1):
            kind = "unchanged" if seq[i] == seq[i + 1] else f"{seq[i]} to {seq[i + 1]}"
            groups.setdefault(kind, []).append((mag[i], score[i]))
    print("\nset B, every interval by its cover-class transition:")
    print(f"  {'transition':<10} {'intervals':>9} {'mean input':>10} {'mean score':>10} {'score > 0':>9}")
    for kind, v in sorted(groups.items()):
        v = np.array(v)
        print(f"  {kind:<10} {len(v):9d} {v[:, 0].mean():10.2f} {v[:, 1].mean():+10.2f} {np.mean(v[:, 1] > 0):9.2f}")
    return 0


def sheets(args):
    from PIL import Image, ImageDraw

    from model_core.stack import Stack

    spec = load(args.data)
    os.makedirs(args.out, exist_ok=True)
    display = {"landsat": [1, 2, 3], "naip": [4, 1, 2]}
    for key, site in spec["sites"].items():
        rgb = display["naip" if "naip" in site["inputs"][0] else "landsat"]
        st = Stack(site["paths"])
        _, _, h, w = st.shape
        vals, valid = st.read(0, 0, w, h)
        disp = []
        for d in range(2):
            img = vals[d, [b - 1 for b in rgb]]
            lo = np.percentile(img[:, valid], 2, axis=1)[:, None, None]
            hi = np.percentile(img[:, valid], 98, axis=1)[:, None, None]
            disp.append((np.clip((img - lo) / (hi - lo + 1e-6), 0, 1) * 255).astype(np.uint8))
        pts, side, half = site["points"], CHIP * ZOOM, CHIP // 2
        for k in range(0, len(pts), PER_SHEET):
            sheet = Image.new("RGB", (2 * (2 * side + 30) + 20, (PER_SHEET // 2) * (side + 28) + 10), "white")
            draw = ImageDraw.Draw(sheet)
            for j, p in enumerate(pts[k:k + PER_SHEET]):
                x0, y0 = 10 + (j % 2) * (2 * side + 30), 5 + (j // 2) * (side + 28)
                draw.text((x0, y0), f"#{k + j}", fill="black")
                for d in range(2):
                    chip = disp[d][:, p["y"] - half:p["y"] + half, p["x"] - half:p["x"] + half]
                    im = Image.fromarray(np.moveaxis(chip, 0, -1)).resize((side, side), Image.NEAREST)
                    xx, c0 = x0 + d * (side + 6), half * ZOOM
                    sheet.paste(im, (xx, y0 + 14))
                    draw.rectangle([xx + c0 - 1 - ZOOM, y0 + 14 + c0 - 1 - ZOOM, xx + c0 + 2 * ZOOM,
                                    y0 + 14 + c0 + 2 * ZOOM], outline=(255, 0, 255))
            sheet.save(os.path.join(args.out, f"{key}_sheet{k // PER_SHEET}.png"))
    for key in ("moment_points_b", "moment_points_c", "moment_points_d", "moment_points_e", "moment_points_f",
                "moment_points_g", "moment_points_h", "moment_points_i"):
        if key in spec:
            moment_strips(spec, args.data, args.out, key)
    print(f"sheets written to {args.out}")
    return 0


def moment_strips(spec, data, out, key="moment_points_b", chip=24, zoom=4, per_sheet=6):
    """Chip strips of every date (per-date 2-98 % stretch; Pucallpa SWIR1, NIR, red for sets B, C, G and H,
    NAIP colour infrared NIR, red, green for sets D, E, F and I) of the points of ``key``, the centre
    pixel boxed, numbered as in the points file."""
    from PIL import Image, ImageDraw

    from model_core.stack import Stack

    _, paths = moment_points(spec, data)
    show = [0, 1, 2]
    if key[-1] in NAIP_SETS:
        paths, show = naip_paths(data), [3, 0, 1]
    stack = Stack(paths)
    t, _, h, w = stack.shape
    values, valid = stack.read(0, 0, w, h)
    disp = []
    for d in range(t):
        img = values[d, show].astype(np.float32)
        lo = np.percentile(img[:, valid], 2, axis=1)[:, None, None]
        hi = np.percentile(img[:, valid], 98, axis=1)[:, None, None]
        disp.append((np.clip((img - lo) / (hi - lo + 1e-6), 0, 1) * 255).astype(np.uint8))
    pts, side, half = spec[key]["points"], chip * zoom, chip // 2
    years = [os.path.splitext(os.path.basename(p))[0] for p in paths]
    for k in range(0, len(pts), per_sheet):
        sheet = Image.new("RGB", (t * (side + 4) + 20, per_sheet * (side + 16) + 10), "white")
        draw = ImageDraw.Draw(sheet)
        for j, p in enumerate(pts[k:k + per_sheet]):
            y0 = 5 + j * (side + 16)
            for d in range(t):
                x0, c0 = 10 + d * (side + 4), half * zoom
                sub = disp[d][:, p["y"] - half:p["y"] + half, p["x"] - half:p["x"] + half]
                sheet.paste(Image.fromarray(np.moveaxis(sub, 0, -1)).resize((side, side), Image.NEAREST), (x0, y0 + 12))
                draw.text((x0 + 2, y0), (f"#{k + j} " if d == 0 else "") + years[d], fill="black")
                draw.rectangle([x0 + c0 - 1 - zoom, y0 + 12 + c0 - 1 - zoom, x0 + c0 + 2 * zoom,
                                y0 + 12 + c0 + 2 * zoom], outline=(255, 0, 255))
        sheet.save(os.path.join(out, f"moment_{key[-1]}_sheet{k // per_sheet}.png"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score", help="score the methods at the labelled points")
    s.add_argument("--data", default=DATA)
    s.add_argument("--threads", type=int, default=None)
    s.add_argument("--weights", action="append", metavar="NAME=FILE", help="another CAIM-Net weights file")
    s.add_argument("--sensitivity", type=float, default=0.0, help="the engine's sensitivity for every method")
    s.add_argument("--min-patch", type=int, default=0, help="the engine's minimum change patch (px) for every method")
    s.add_argument("--fusion-classical", choices=["cva", "isfa"], default=None,
                   help="the fusion's classical part for this run (candidate G of the model card)")
    s.set_defaults(func=score)
    s = sub.add_parser("moment", help="score the change moment of 8-date series runs at the moment points")
    s.add_argument("--data", default=DATA)
    s.add_argument("--threads", type=int, default=None)
    s.add_argument("--weights", action="append", metavar="NAME=FILE", help="another CAIM-Net weights file")
    s.add_argument("--sensitivity", type=float, default=0.0, help="the engine's sensitivity for every method")
    s.add_argument("--min-patch", type=int, default=0, help="the engine's minimum change patch (px) for every method")
    s.add_argument("--fusion-classical", choices=["cva", "isfa"], default=None,
                   help="the fusion's classical part for this run (candidate G of the model card)")
    s.add_argument("--dates", type=int, default=None, metavar="N",
                   help="run the first N dates only (set B, labels cut to those dates)")
    s.add_argument("--set", choices=["abc", "d", "e", "f", "g", "h", "i"], default="abc",
                   help="abc: the Pucallpa sets A, B and C (default); d: the NAIP set D (rule Z); "
                   "e: the NAIP set E (candidate G); f, g: the NAIP set F and the Pucallpa set G (rule H); "
                   "h: the Pucallpa set H (rule KT2); i: the NAIP set I (rule SCI)")
    s.set_defaults(func=moment)
    s = sub.add_parser("steps", help="per-interval input difference and network evidence at the moment points")
    s.add_argument("--data", default=DATA)
    s.add_argument("--weights", default=None, help="a CAIM-Net weights file (default: the bundled one)")
    s.set_defaults(func=steps)
    s = sub.add_parser("sheets", help="write the chip mosaics the labels were made on")
    s.add_argument("--data", default=DATA)
    s.add_argument("--out", required=True)
    s.set_defaults(func=sheets)
    s = sub.add_parser("draw", help="re-draw the method-independent moment points (set B or C) and print them")
    s.add_argument("--data", default=DATA)
    s.add_argument("--set", choices=["b", "c", "d", "e", "f", "g", "h", "i"], default="b")
    s.set_defaults(func=draw)
    args = ap.parse_args()
    if getattr(args, "fusion_classical", None):
        from model_core.models.fusion import CaimNetCVA

        CaimNetCVA.classical = args.fusion_classical
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
