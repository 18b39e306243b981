"""Probe of candidate CTX (development seeds only; never the card's held-out seed 2024): masked pixel-dates as context.

With per-date masks and no gap filling the engine makes a pixel masked on any date nodata, and its network input is 0
on every date, a hole in its neighbours' context.  CTX fills the network's INPUT of masked pixel-dates as --fill-gaps
fills it (:func:`model_core.stack.fill_gaps`: the pixel's previous clear date, or its next when none is before;
standardised values carried as they are), pixels without any clear date staying 0, while the OUTPUT stays nodata
wherever a date is masked.  Scored on the pixels clear on every date (the only ones any variant outputs):

    python tools/ctx_probe.py cache --seed 7 [--samples 100] --out /tmp/x/seed7.npz
        draws the semi-synthetic series as ``python -m model_core evaluate --dataset semisynthetic --scene-stats``
        does (val split, T = 2..10, co-registered), with the generator's haze and cloud records (``record_haze``,
        ``record_clouds``: no random draw added), runs the bundled CAIM-Net file and keeps everything in one file
    python tools/ctx_probe.py identical --seed 7 [--samples 100]
        checks that the records leave the series byte-identical (values, valid, moment, scene statistics)
    python tools/ctx_probe.py table CACHE [--haze 0.1 0.2] [--clouds]
        moment and area kappa on the pixels clear on every date for (a) no mask, (b) today's holes, (c) CTX, with
        the oracle haze mask (true veil >= level) and / or the per-date cloud mask (true cloud opacity > 0.05,
        the generator's own threshold) as the per-date masks

Haze: the base validity is the series' own (clouds are holes in every variant, as the generator makes them);
clouds: the base validity is the series' without the generator's merged cloud mask (``valid_clear``), the labels
``moment_clear``, and (a) feeds the clouded values as they are.
"""
import argparse
import sys

import numpy as np

sys.path.insert(0, ".")
sys.path.insert(0, "tools")

from haze_probe import IGNORE, T_VALUES, _model, load, save  # noqa: E402

CLOUD_LEVEL = 0.05
KEYS = ("values", "valid", "moment", "haze", "clouds", "valid_clear", "moment_clear", "center", "scale", "pred")


def _generator(record):
    from model_core.datasets.synthetic import SemiSyntheticGenerator

    return SemiSyntheticGenerator(root=None, split="val", patch=64, scene_stats=True, record_history=True,
                                  record_haze=record, record_clouds=record)


def _no_2024(seed):
    if seed == 2024:
        raise SystemExit("seed 2024 is the card's held-out series: use a development seed")


def identical(seed, samples):
    """Whether the generator's records leave the series byte-identical; returns the number of differing series."""
    _no_2024(seed)
    a, b = _generator(False), _generator(True)
    bad = 0
    for i in range(samples):
        t = T_VALUES[i % len(T_VALUES)]
        s0 = a.sample(np.random.default_rng([seed, i]), t)
        s1 = b.sample(np.random.default_rng([seed, i]), t)
        same = set(s0) <= set(s1) and all(np.array_equal(s0[k], s1[k]) and s0[k].dtype == s1[k].dtype
                                          if isinstance(s0[k], np.ndarray) else s0[k] == s1[k] for k in s0)
        bad += not same
    return bad


def cache(seed, samples, out):
    """Draw, co-register and predict as ``evaluate`` does; keep everything in ``out`` (npz of object arrays)."""
    _no_2024(seed)
    import torch

    from model_core.coregister import align, apply_shifts
    from model_core.evaluate import predict_scene

    torch.set_num_threads(1)
    gen = _generator(True)
    model = _model()
    keep = {k: [] for k in KEYS}
    for i in range(samples):
        s = gen.sample(np.random.default_rng([seed, i]), T_VALUES[i % len(T_VALUES)])
        values, valid, shifts = align(s["values"], s["valid"])
        ones = np.ones(s["haze"].shape, bool)
        haze, _unused = apply_shifts(s["haze"][:, None], ones, shifts)
        clouds, _unused = apply_shifts(s["clouds"][:, None], ones, shifts)
        _unused, valid_clear = apply_shifts(s["values"], s["valid_clear"], shifts)
        pred = predict_scene(model, values, valid, stats=(s["center"], s["scale"]))
        row = dict(values=values, valid=valid, moment=s["moment"].copy(), haze=haze[:, 0], clouds=clouds[:, 0],
                   valid_clear=valid_clear, moment_clear=s["moment_clear"].copy(), center=s["center"],
                   scale=s["scale"], pred=pred)
        for k in KEYS:
            keep[k].append(row[k])
        if (i + 1) % 10 == 0:
            print(f"  {i + 1}/{samples}", file=sys.stderr, flush=True)
    save(out, seed, keep)


def scores(labels, preds, pixels):
    """(moment kappa, area kappa, scored pixels) pooled as ``evaluate`` pools them, on ``pixels`` per series."""
    from model_core.metrics import ConfusionMatrix

    cm = ConfusionMatrix(max(T_VALUES))
    n = 0
    for truth, p, keep in zip(labels, preds, pixels):
        p = np.where(keep, p, IGNORE).astype(np.uint8)
        n += int(((truth != IGNORE) & (p != IGNORE)).sum())
        cm.update(truth, p, num_classes=max(T_VALUES))
    s = cm.summary()
    return s["moment"]["kappa"], s["area"]["kappa"], n


def ctx_input(values, valid, mask, center, scale):
    """CTX's input: (values with the masked dates of ``valid`` pixels filled as --fill-gaps fills them, the pixels
    the network sees: ``valid`` with at least one clear date).  Values carried in raw form are mapped into the
    target date's radiometry, which after the standardisation is the source date's standardised value."""
    from model_core.stack import fill_gaps

    per_date = valid[None] & ~mask
    filled, _unused = fill_gaps(values, per_date, center, scale)
    return filled, valid & per_date.any(axis=0)


def variants(c, kind, level=None, model=None):
    """Predictions (a) no mask, (b) holes, (c) CTX, the labels and the pixels clear on every date, for the oracle
    haze mask at ``level`` (kind "haze") or the per-date cloud mask (kind "clouds")."""
    import torch

    from model_core.evaluate import predict_scene

    torch.set_num_threads(1)
    model = model or _model()
    out = {"none": [], "holes": [], "ctx": [], "labels": [], "kept": [], "masked": 0, "pixel_dates": 0}
    for i in range(len(c["values"])):
        values, stats = c["values"][i], (c["center"][i], c["scale"][i])
        if kind == "haze":
            v0, labels = c["valid"][i], c["moment"][i]
            mask = (c["haze"][i] >= level) & v0[None]
            none = c["pred"][i]
        else:
            v0, labels = c["valid_clear"][i], c["moment_clear"][i]
            mask = (c["clouds"][i] > CLOUD_LEVEL) & v0[None]
            none = predict_scene(model, values, v0, stats=stats)
        kept = v0 & ~mask.any(axis=0)
        holes = predict_scene(model, values, kept, stats=stats)
        filled, seen = ctx_input(values, v0, mask, *stats)
        ctx = predict_scene(model, filled, seen, stats=stats)
        ctx[~kept] = IGNORE
        for k, v in (("none", none), ("holes", holes), ("ctx", ctx), ("labels", labels), ("kept", kept)):
            out[k].append(v)
        out["masked"] += int(mask.sum())
        out["pixel_dates"] += int(v0.sum()) * mask.shape[0]
    return out


def table(c, hazes, clouds):
    model = _model()
    rows = [("haze", h) for h in hazes] + ([("clouds", None)] if clouds else [])
    print(f"{'mask':14s} {'masked':>7s} {'px kept':>8s} | {'(a) none':>15s} | {'(b) holes':>15s} | {'(c) CTX':>15s}"
          f" | CTX-holes moment")
    for kind, level in rows:
        v = variants(c, kind, level, model)
        sc = {k: scores(v["labels"], v[k], v["kept"]) for k in ("none", "holes", "ctx")}
        name = f"haze >= {level}" if kind == "haze" else f"cloud > {CLOUD_LEVEL}"
        print(f"{name:14s} {v['masked'] / max(v['pixel_dates'], 1):7.4f} {sc['holes'][2]:8d} | "
              + " | ".join("%.4f / %.4f" % sc[k][:2] for k in ("none", "holes", "ctx"))
              + f" | {sc['ctx'][0] - sc['holes'][0]:+.4f}", flush=True)
        assert sc["none"][2] == sc["holes"][2] == sc["ctx"][2], {k: s[2] for k, s in sc.items()}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("cache")
    a.add_argument("--seed", type=int, required=True)
    a.add_argument("--samples", type=int, default=100)
    a.add_argument("--out", required=True)
    a = sub.add_parser("identical")
    a.add_argument("--seed", type=int, required=True)
    a.add_argument("--samples", type=int, default=100)
    a = sub.add_parser("table")
    a.add_argument("cache")
    a.add_argument("--haze", type=float, nargs="*", default=[0.1, 0.2])
    a.add_argument("--clouds", action="store_true")
    args = p.parse_args(argv)
    if args.cmd == "cache":
        cache(args.seed, args.samples, args.out)
    elif args.cmd == "identical":
        bad = identical(args.seed, args.samples)
        print(f"seed {args.seed}: {args.samples - bad} of {args.samples} series byte-identical with the records")
        return 1 if bad else 0
    else:
        table(load(args.cache), args.haze, args.clouds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
