"""Probe of the generator's haze on the change moment (development seeds only; never the card's held-out seed 2024).

    python tools/haze_probe.py cache --seed 7 [--samples 100] --out /tmp/x/seed7.npz
        draws the semi-synthetic series as ``python -m model_core evaluate --dataset semisynthetic --scene-stats``
        does (val split, T = 2..10, co-registered), with the generator's haze record (``record_haze``), runs the
        bundled CAIM-Net file on them and keeps inputs, labels, haze and prediction in one file
    python tools/haze_probe.py diagnose CACHE
        the network's moment errors split by whether the intervals involved touch a hazy date
    python tools/haze_probe.py paired CACHE_WITH_HAZE CACHE_WITHOUT   (cache ... --haze-prob 0: the same scenes;
        cache ... --haze-depth 0.2: the same scenes and veils, even across each series)
        the errors of both runs on the same pixels, hazy and clear
    python tools/haze_probe.py tune CACHE
        the HOT mask's detection of the true veil for a grid of thresholds (choose them on seed 7 only)
    python tools/haze_probe.py candidate CACHE [--fill]
        moment and area kappa with the HOT mask handed to the engine's handling of masked pixels
    python tools/haze_probe.py real FOLDER --red R --blue B   (NAIP: --red 1 --blue 3; Pucallpa: --red 3 --blue 4)
        the share of pixel-dates the mask flags on a real series (one GeoTIFF per date)

The HOT index (:func:`hot_index`): per pixel, each date's blue and red minus the pixel's temporal median; per date a
"clear line" dB = a + b dR fitted robustly (Theil-Sen start, then Tukey biweight IRLS) over the scene's pixels; the index
is the perpendicular distance above that line (blue raised more than red, as by haze).  The mask
(:func:`hot_mask`) smooths the index with a Gaussian of ``sigma`` px and flags what exceeds ``k`` robust standard
deviations (MAD) of that date's smoothed index and an absolute ``floor``.  Without a blue band (Landsat Pucallpa:
SWIR1, NIR, Red, Green) the index cannot be formed as meant: ``real --blue`` then names the green band, as the
generator's own Pucallpa loader puts green in blue's place, and the index measures green raised more than red."""
import argparse
import sys

import numpy as np
from scipy import ndimage

sys.path.insert(0, ".")

T_VALUES = list(range(2, 11))
IGNORE = 255
# chosen on seed 7 (tools/haze_probe.py tune); see tools/haze_probe_RULE.md
SIGMA, K, FLOOR = 2.0, 0.0, 0.01


# ----------------------------------------------------------------------------------------------- the index

def robust_scale(v):
    """The robust standard deviation of ``v``: 1.4826 times its median absolute deviation (never 0)."""
    return 1.4826 * float(np.median(np.abs(v - np.median(v)))) + 1e-9


def _clear_line(x, y, iters=8, pairs=4000):
    """Robust line y = a + b x: a Theil-Sen start (median of pairwise slopes on random pairs, median intercept),
    which hazy pixels far out along the line cannot pull as they pull least squares, then Tukey biweight IRLS
    (MAD scale); returns (a, b)."""
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, x.size, (2, pairs))
    dx = x[j] - x[i]
    ok = np.abs(dx) > 1e-9
    b = float(np.median((y[j] - y[i])[ok] / dx[ok])) if ok.any() else 0.0
    a = float(np.median(y - b * x))
    for _unused in range(iters):
        r = y - a - b * x
        s = robust_scale(r)
        u = r / (4.685 * s)
        w = np.where(np.abs(u) < 1, (1 - u ** 2) ** 2, 0.0)
        sw = w.sum()
        if sw <= 0:
            break
        mx, my = (w * x).sum() / sw, (w * y).sum() / sw
        vx = (w * (x - mx) ** 2).sum()
        b = float((w * (x - mx) * (y - my)).sum() / vx) if vx > 0 else b
        a = float(my - b * mx)
    return a, b


def hot_index(blue, red, valid=None):
    """Temporal HOT index (T, H, W): per pixel, blue and red of each date minus the pixel's median over the dates
    (``valid`` (H, W) or (T, H, W): the pixels used); per date the perpendicular distance above the robust clear
    line of those differences."""
    blue = np.asarray(blue, np.float64)
    red = np.asarray(red, np.float64)
    t = blue.shape[0]
    ok = np.ones(blue.shape, bool) if valid is None else np.broadcast_to(np.asarray(valid, bool), blue.shape)
    db = blue - np.median(blue, axis=0)[None]
    dr = red - np.median(red, axis=0)[None]
    out = np.zeros(blue.shape, np.float32)
    for j in range(t):
        sel = ok[j]
        if sel.sum() < 16:
            continue
        x, y = dr[j][sel], db[j][sel]
        if x.size > 20000:
            idx = np.random.default_rng(0).choice(x.size, 20000, replace=False)
            x, y = x[idx], y[idx]
        a, b = _clear_line(x, y)
        out[j] = ((db[j] - a - b * dr[j]) / np.sqrt(1 + b * b)).astype(np.float32)
    return out


def hot_mask(index, valid=None, sigma=SIGMA, k=K, floor=FLOOR):
    """Haze mask (T, H, W) bool from :func:`hot_index`: smoothed (Gaussian ``sigma`` px), flagged where it exceeds
    ``k`` robust standard deviations of the date's smoothed index (median + k MAD) and ``floor``."""
    t = index.shape[0]
    ok = np.ones(index.shape[1:], bool) if valid is None else np.asarray(valid, bool)
    out = np.zeros(index.shape, bool)
    for j in range(t):
        sm = ndimage.gaussian_filter(index[j], sigma) if sigma > 0 else index[j]
        v = sm[ok] if ok.any() else sm.ravel()
        med = np.median(v)
        mad = robust_scale(v)
        out[j] = (sm > med + k * mad) & (sm > floor)
    return out & ok[None]


def series_mask(values, valid, blue=2, red=0, **kw):
    """:func:`hot_mask` of a series (T, C, H, W) with R, G, B, NIR bands (``blue``/``red``: band indices)."""
    return hot_mask(hot_index(values[:, blue], values[:, red], valid), valid, **kw)


# ----------------------------------------------------------------------------------------------- the series

def _model():
    from model_core import weights as wio

    path = wio.default_weights("caimnet")
    model = wio.load_model(path, device="cpu")
    wio.require_rgbn(model, path)
    return model


def cache(seed, samples, out, patch=64, haze_prob=None, haze_depth=None):
    """Draw, co-register and predict as ``evaluate`` does; keep everything in ``out`` (npz of object arrays)."""
    if seed == 2024:
        raise SystemExit("seed 2024 is the card's held-out series: use a development seed")
    import torch

    from model_core.coregister import align, apply_shifts
    from model_core.datasets.synthetic import SemiSyntheticGenerator
    from model_core.evaluate import predict_scene

    torch.set_num_threads(1)
    given = {k: v for k, v in (("haze_prob", haze_prob), ("haze_depth", haze_depth)) if v is not None}
    gen = SemiSyntheticGenerator(root=None, split="val", patch=patch, scene_stats=True, record_history=True,
                                 record_haze=True, **given)
    model = _model()
    keep = {k: [] for k in ("values", "valid", "moment", "haze", "center", "scale", "pred")}
    for i in range(samples):
        s = gen.sample(np.random.default_rng([seed, i]), T_VALUES[i % len(T_VALUES)])
        values, valid, shifts = align(s["values"], s["valid"])
        haze, _unused = apply_shifts(s["haze"][:, None], np.ones(s["haze"].shape, bool), shifts)
        stats = (s["center"], s["scale"])
        pred = predict_scene(model, values, valid, stats=stats)
        moment = s["moment"].copy()
        for k, v in (("values", values), ("valid", valid), ("moment", moment), ("haze", haze[:, 0]),
                     ("center", s["center"]), ("scale", s["scale"]), ("pred", pred)):
            keep[k].append(v)
        if (i + 1) % 10 == 0:
            print(f"  {i + 1}/{samples}", file=sys.stderr, flush=True)
    save(out, seed, keep)


def save(out, seed, keep):
    """Write the per-series arrays ``keep`` (name: list of arrays of different shapes) to the cache ``out``."""
    arr = {k: np.empty(len(v), object) for k, v in keep.items()}
    for k, v in keep.items():
        for i, x in enumerate(v):
            arr[k][i] = x
    np.savez(out, seed=seed, **arr)


def load(path):
    d = np.load(path, allow_pickle=True)  # our own file, written by cache()  # nosec B301
    return {k: d[k] for k in d.files}


def scores(c, preds, pixels=None):
    """(moment kappa, area kappa, scored pixels) of ``preds`` pooled as ``evaluate`` pools them; ``pixels``: an
    optional per-series (H, W) bool of the pixels to score (default: every valid labelled pixel)."""
    from model_core.metrics import ConfusionMatrix

    cm = ConfusionMatrix(max(T_VALUES))
    n = 0
    for i, p in enumerate(preds):
        p = p.copy()
        p[~c["valid"][i]] = IGNORE
        if pixels is not None:
            p[~pixels[i]] = IGNORE
        truth = c["moment"][i]
        n += int(((truth != IGNORE) & (p != IGNORE)).sum())
        cm.update(truth, p, num_classes=max(T_VALUES))
    s = cm.summary()
    return s["moment"]["kappa"], s["area"]["kappa"], n


# ----------------------------------------------------------------------------------------------- diagnosis

def hazy_dates(haze, level=0.0):
    """Per date: whether the date got haze (its veil's largest opacity above ``level``)."""
    return np.array([float(h.max()) > level for h in haze])


def touches(cls, hazy):
    """(H, W) bool: whether moment class ``cls`` (k: change between date k and k + 1, 1-based) has a hazy end."""
    t = len(hazy)
    k = np.clip(cls.astype(np.int64), 1, t - 1)
    h = np.asarray(hazy, bool)
    return (cls > 0) & (cls != IGNORE) & (h[k - 1] | h[np.minimum(k, t - 1)])


def error_table(c, preds=None):
    """Counts of the moment errors by kind and by whether a hazy date is involved."""
    preds = c["pred"] if preds is None else preds
    rows = {key: 0 for key in ("pixels", "stable", "changed",
                               "false change, hazy", "false change, clear",
                               "missed change, hazy", "missed change, clear",
                               "wrong interval, hazy", "wrong interval, clear",
                               "exact, hazy", "exact, clear")}
    for i, p in enumerate(preds):
        truth = c["moment"][i]
        ok = c["valid"][i] & (truth != IGNORE) & (p != IGNORE)
        hz = hazy_dates(c["haze"][i])
        tp, tt = touches(p, hz), touches(truth, hz)
        t, q = truth[ok], p[ok]
        tp, tt = tp[ok], tt[ok]
        rows["pixels"] += t.size
        rows["stable"] += int((t == 0).sum())
        rows["changed"] += int((t > 0).sum())
        fc = (t == 0) & (q > 0)
        rows["false change, hazy"] += int((fc & tp).sum())
        rows["false change, clear"] += int((fc & ~tp).sum())
        mc = (t > 0) & (q == 0)
        rows["missed change, hazy"] += int((mc & tt).sum())
        rows["missed change, clear"] += int((mc & ~tt).sum())
        wi = (t > 0) & (q > 0) & (q != t)
        rows["wrong interval, hazy"] += int((wi & (tt | tp)).sum())
        rows["wrong interval, clear"] += int((wi & ~(tt | tp)).sum())
        ex = (t > 0) & (q == t)
        rows["exact, hazy"] += int((ex & tt).sum())
        rows["exact, clear"] += int((ex & ~tt).sum())
    return rows


def interval_shares(c):
    """How many possible intervals (series x k) and changed pixels have a hazy end: the base rate."""
    n_int = n_hazy_int = 0
    ch = ch_hazy = st = 0
    for i in range(len(c["moment"])):
        hz = hazy_dates(c["haze"][i])
        t = len(hz)
        for k in range(1, t):
            n_int += 1
            n_hazy_int += bool(hz[k - 1] or hz[k])
        truth = c["moment"][i]
        ok = c["valid"][i] & (truth != IGNORE)
        tt = touches(truth, hz)
        ch += int((ok & (truth > 0)).sum())
        ch_hazy += int((ok & tt).sum())
        st += int((ok & (truth == 0)).sum())
    return n_int, n_hazy_int, ch, ch_hazy, st


def paired_table(on, off, level=0.05):
    """The same series drawn with haze (``on``) and with ``--haze-prob 0`` (``off``: the scenes, changes and labels
    are drawn before the nuisances, so they are the same): on the pixels valid in both, the errors of each run for
    pixels "hazy" (stable pixels: a veil >= ``level`` on some date; changed pixels: a true interval with a hazy end)
    and the others.  Returns {(kind, "hazy"/"clear", "on"/"off"): count} and the pixel counts."""
    kinds = ("false change", "missed change", "wrong interval", "exact change", "correct stable")
    cnt = {(k, h, r): 0 for k in kinds for h in ("hazy", "clear") for r in ("on", "off")}
    base = {(k, h): 0 for k in ("stable", "changed") for h in ("hazy", "clear")}
    for i in range(len(on["moment"])):
        t, t2 = on["moment"][i], off["moment"][i]
        ok = on["valid"][i] & off["valid"][i] & (t != IGNORE) & (t2 != IGNORE)
        if not np.array_equal(t[ok], t2[ok]):
            raise SystemExit(f"series {i}: the two runs' labels differ (not the same seed?)")
        hz = hazy_dates(on["haze"][i])
        hzpix = np.where(t > 0, touches(t, hz), (on["haze"][i] >= level).any(axis=0))
        for r, p in (("on", on["pred"][i]), ("off", off["pred"][i])):
            for h, sel in (("hazy", ok & hzpix), ("clear", ok & ~hzpix)):
                tt, q = t[sel], p[sel]
                cnt[("false change", h, r)] += int(((tt == 0) & (q > 0)).sum())
                cnt[("missed change", h, r)] += int(((tt > 0) & (q == 0)).sum())
                cnt[("wrong interval", h, r)] += int(((tt > 0) & (q > 0) & (q != tt)).sum())
                cnt[("exact change", h, r)] += int(((tt > 0) & (q == tt)).sum())
                cnt[("correct stable", h, r)] += int(((tt == 0) & (q == 0)).sum())
                if r == "on":
                    base[("stable", h)] += int((tt == 0).sum())
                    base[("changed", h)] += int((tt > 0).sum())
    return cnt, base


def flag_shares(c, **kw):
    """Share of pixel-dates the mask flags on changed and on stable pixels (labels of the first date's grid)."""
    n = np.zeros(4)
    for i in range(len(c["values"])):
        m = series_mask(c["values"][i], c["valid"][i], **kw)
        t = c["moment"][i]
        lab = c["valid"][i] & (t != IGNORE)
        ch, st = lab & (t > 0), lab & (t == 0)
        n += [m[:, ch].sum(), ch.sum() * m.shape[0], m[:, st].sum(), st.sum() * m.shape[0]]
    return n[0] / max(n[1], 1), n[2] / max(n[3], 1)


# ----------------------------------------------------------------------------------------------- the candidate

def masked_predictions(c, fill, model=None, oracle=None, **kw):
    """Predictions with the HOT mask: without ``fill`` a pixel masked on any date is invalid (the engine's
    default: nodata in every output); with ``fill`` masked dates take the previous clear date's values mapped into
    their radiometry (:func:`model_core.stack.fill_gaps`, the engine's --fill-gaps), pixels with fewer than two
    clear dates invalid.  ``oracle``: mask the generator's true veil where its opacity is at least this instead
    (an upper bound of what a mask can do).  Returns (predictions, kept pixels per series, masks)."""
    import torch

    from model_core.evaluate import predict_scene
    from model_core.stack import fill_gaps

    torch.set_num_threads(1)
    model = model or _model()
    preds, kept, masks = [], [], []
    for i in range(len(c["values"])):
        values, valid = c["values"][i], c["valid"][i]
        mask = series_mask(values, valid, **kw) if oracle is None else (c["haze"][i] >= oracle) & valid[None]
        per_date = valid[None] & ~mask
        if fill:
            v2, ok = fill_gaps(values, per_date, c["center"][i], c["scale"][i])
            ok = ok & valid
        else:
            v2, ok = values, valid & ~mask.any(axis=0)
        p = predict_scene(model, v2, ok, stats=(c["center"][i], c["scale"][i]))
        preds.append(p)
        kept.append(ok)
        masks.append(mask)
    return preds, kept, masks


def mask_quality(c, grid, level=0.05):
    """For each (sigma, k, floor) of ``grid``, pixel-dates: (flagged, true veil >= level, flagged and veiled,
    flagged on dates without haze, all valid)."""
    out = {g: np.zeros(5, np.int64) for g in grid}
    for i in range(len(c["values"])):
        values, valid = c["values"][i], c["valid"][i]
        index = hot_index(values[:, 2], values[:, 0], valid)
        ok = np.broadcast_to(valid, index.shape)
        v = c["haze"][i] >= level
        clear = np.array([h.max() == 0 for h in c["haze"][i]])[:, None, None]
        for g in grid:
            sigma, k, floor = g
            m = hot_mask(index, valid, sigma=sigma, k=k, floor=floor)
            out[g] += [int((m & ok).sum()), int((v & ok).sum()), int((m & v & ok).sum()),
                       int((m & ok & clear).sum()), int(ok.sum())]
    return out


# ----------------------------------------------------------------------------------------------- real series

def real_share(folder, bands, **kw):
    """Share of pixel-dates the mask flags on a real series (one GeoTIFF per date in ``folder``, sorted by name);
    ``bands``: 1-based (red, blue) band numbers."""
    import glob
    import os

    from osgeo import gdal

    files = sorted(f for f in glob.glob(os.path.join(folder, "*.tif")) if "label" not in os.path.basename(f).lower())
    red_b, blue_b = bands
    reds, blues, oks = [], [], []
    first = gdal.Open(files[0])
    gt, w, h = first.GetGeoTransform(), first.RasterXSize, first.RasterYSize
    bounds = (gt[0], gt[3] + h * gt[5], gt[0] + w * gt[1], gt[3])
    for f in files:
        ds = gdal.Open(f)
        if (ds.RasterXSize, ds.RasterYSize) != (w, h) or ds.GetGeoTransform() != gt:
            # grids that differ by a few metres (NAIP): onto the first date's grid, nearest neighbour
            ds = gdal.Warp("", ds, format="MEM", outputBounds=bounds, width=w, height=h,
                           dstSRS=first.GetProjection(), resampleAlg="near")
        # 8-bit files on the generator's 0-1 scale (its values are 8-bit imagery / 255), so that ``floor`` means the same
        unit = 255.0 if ds.GetRasterBand(red_b).DataType == gdal.GDT_Byte else 1.0
        r = ds.GetRasterBand(red_b).ReadAsArray().astype(np.float64) / unit
        b = ds.GetRasterBand(blue_b).ReadAsArray().astype(np.float64) / unit
        nd = ds.GetRasterBand(red_b).GetNoDataValue()
        ok = np.isfinite(r) & np.isfinite(b) & ((r != nd / unit) if nd is not None else True)
        reds.append(r)
        blues.append(b)
        oks.append(ok)
    shapes = {r.shape for r in reds}
    if len(shapes) != 1:
        raise SystemExit(f"{folder}: the dates differ in size {sorted(shapes)}")
    red, blue = np.stack(reds), np.stack(blues)
    ok = np.all(np.stack(oks), axis=0)
    mask = hot_mask(hot_index(blue, red, ok), ok, **kw)
    per_date = [float(mask[j][ok].mean()) for j in range(len(files))]
    return files, per_date, float(mask[:, ok].mean())


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("cache")
    a.add_argument("--seed", type=int, required=True)
    a.add_argument("--samples", type=int, default=100)
    a.add_argument("--out", required=True)
    a.add_argument("--haze-prob", type=float, help="the generator's share of hazy dates (default: its 0.25)")
    a.add_argument("--haze-depth", type=float, help="how much a veil varies across a series (default: the generator's "
                                                     "1, clear to its opacity; 0.2: even haze, the same draws)")
    for name in ("diagnose", "tune", "candidate"):
        a = sub.add_parser(name)
        a.add_argument("cache")
        if name == "candidate":
            a.add_argument("--fill", action="store_true")
            a.add_argument("--oracle", type=float, help="mask the true veil where its opacity >= this (upper bound)")
            a.add_argument("--sigma", type=float, default=SIGMA)
            a.add_argument("--k", type=float, default=K)
            a.add_argument("--floor", type=float, default=FLOOR)
    a = sub.add_parser("paired")
    a.add_argument("on")
    a.add_argument("off")
    a = sub.add_parser("real")
    a.add_argument("folder")
    a.add_argument("--red", type=int, required=True)
    a.add_argument("--blue", type=int, required=True, help="the blue band (or green, where there is no blue)")
    for name, default in (("--sigma", SIGMA), ("--k", K), ("--floor", FLOOR)):
        a.add_argument(name, type=float, default=default)
    args = p.parse_args(argv)
    if args.cmd == "cache":
        cache(args.seed, args.samples, args.out, haze_prob=args.haze_prob, haze_depth=args.haze_depth)
    elif args.cmd == "diagnose":
        c = load(args.cache)
        print("moment kappa %.4f, area kappa %.4f, %d px" % scores(c, c["pred"]))
        for k, v in error_table(c).items():
            print(f"{k:24s} {v:8d}")
        print("intervals, hazy intervals, changed px, changed px with hazy true interval, stable px:",
              interval_shares(c))
    elif args.cmd == "paired":
        cnt, base = paired_table(load(args.on), load(args.off))
        print("pixels valid in both runs:", {f"{k} {h}": v for (k, h), v in base.items()})
        print(f"{'':16s} {'hazy: on':>9s} {'off':>7s} {'clear: on':>10s} {'off':>7s}")
        for kind in ("false change", "missed change", "wrong interval", "exact change", "correct stable"):
            print(f"{kind:16s} {cnt[(kind, 'hazy', 'on')]:9d} {cnt[(kind, 'hazy', 'off')]:7d} "
                  f"{cnt[(kind, 'clear', 'on')]:10d} {cnt[(kind, 'clear', 'off')]:7d}")
    elif args.cmd == "tune":
        c = load(args.cache)
        print("pixel-dates flagged by the mask: changed pixels %.3f, stable pixels %.3f" % flag_shares(c))
        grid = [(sigma, k, floor) for sigma in (2.0, 4.0, 6.0) for k in (0.0, 1.0, 2.0, 3.0)
                for floor in (0.0, 0.01, 0.015, 0.02, 0.03)]
        for (sigma, k, floor), (fl, tr, both, fl_clear, n) in mask_quality(c, grid).items():
            print(f"sigma {sigma} k {k} floor {floor}: flagged {fl / n:.4f}, precision {both / max(fl, 1):.3f}, "
                  f"recall(veil>=0.05) {both / max(tr, 1):.3f}, flagged on clear dates {fl_clear / n:.4f}")
    elif args.cmd == "candidate":
        c = load(args.cache)
        preds, kept, masks = masked_predictions(c, args.fill, oracle=args.oracle, sigma=args.sigma, k=args.k,
                                                floor=args.floor)
        base = scores(c, c["pred"])
        same = scores(c, c["pred"], kept)
        cand = scores(c, preds, kept)
        flagged = sum(int(m.sum()) for m in masks) / sum(int(m.size) for m in masks)
        print(f"fill={args.fill} oracle={args.oracle} sigma={args.sigma} k={args.k} floor={args.floor}: pixel-dates flagged {flagged:.4f}; scored pixels {cand[2]} of {base[2]}")
        print("baseline, all pixels:          moment %.4f area %.4f (%d px)" % base)
        print("baseline, the kept pixels:     moment %.4f area %.4f (%d px)" % same)
        print("candidate, the kept pixels:    moment %.4f area %.4f (%d px)" % cand)
        base_kept = [np.where(k, p, IGNORE).astype(np.uint8) for k, p in zip(kept, c["pred"])]
        ta, tb = error_table(c, base_kept), error_table(c, preds)
        print(f"{'errors on the kept pixels':26s} {'baseline':>9s} {'candidate':>9s}")
        for key in ta:
            print(f"{key:26s} {ta[key]:9d} {tb[key]:9d}")
    elif args.cmd == "real":
        files, per_date, share = real_share(args.folder, (args.red, args.blue), sigma=args.sigma, k=args.k,
                                            floor=args.floor)
        for f, s in zip(files, per_date):
            print(f"{f}: {s:.4f}")
        print(f"all pixel-dates: {share:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
