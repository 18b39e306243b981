"""Probe of a local relative normalisation (LRN) against haze, before the network (development seeds only).

    python tools/haze_probe.py cache --seed 7 --out /tmp/x/seed7.npz      (the series, as evaluate draws them)
    python tools/lrn_probe.py CACHE [--sigma 8 16 32] [--k 3]

Haze in the generator, as in the atmosphere, is a smooth per-date veil: a pixel's value becomes
x (1 - v) + v c with a spatially smooth opacity v, an affine map of the clear value whose coefficients vary slowly
across the scene.  LRN estimates that map per date and band against the series' temporal median r: a robust,
Gaussian-weighted local regression x ~ a(p) r + b(p) (window ``sigma`` px; pixels whose residual exceeds ``k``
robust standard deviations, such as real changes, are left out and the fit repeated), the same fit over the whole
scene gives a0, b0, and each value is moved from the local relation to the scene-wide one:
x' = a0 (x - b(p)) / a(p) + b0.  Each date keeps its scene-wide radiometry (so the engine's scene statistics
still apply); only the part that varies across the scene is taken out.  The slope is shrunk towards a0 where the
window's reference varies little (ridge ``lam``) and kept within [0.5, 2] a0.

Prints moment and area kappa of the bundled CAIM-Net file on the cached series with and without LRN, pooled as
``evaluate`` pools them, and the errors split as ``haze_probe diagnose`` splits them."""
import argparse
import sys

import numpy as np
from scipy import ndimage

sys.path.insert(0, ".")
sys.path.insert(0, "tools")

import haze_probe as hp  # noqa: E402


def lrn(values, valid, sigma=16.0, k=3.0, iters=3, lam=None, dates=None):
    """The series (T, C, H, W) with each date's smooth local deviation from its scene-wide relation to the
    temporal median removed (see the module's text); ``valid`` (H, W) the pixels to fit and to change; ``dates``:
    the dates to correct (default: all)."""
    values = np.asarray(values, np.float32)
    ok = np.asarray(valid, bool)
    if ok.sum() < 64:
        return values.copy()
    ref = np.median(values, axis=0)
    out = values.copy()

    def blur(a):
        return ndimage.gaussian_filter(a, sigma, mode="reflect")

    for t in range(values.shape[0]):
        if dates is not None and t not in dates:
            continue
        for b in range(values.shape[1]):
            x = values[t, b].astype(np.float64)
            r = ref[b].astype(np.float64)
            w = ok.astype(np.float64)
            # scene-wide robust line x = a0 r + b0 (Theil-Sen start and biweight, as the HOT probe's clear line)
            b0, a0 = hp._clear_line(r[ok], x[ok])
            if not np.isfinite(a0) or a0 <= 1e-6:
                continue
            ridge = lam if lam is not None else 0.25 * float(np.var(r[ok]))
            for _unused in range(iters):
                sw = blur(w) + 1e-9
                mx, mr = blur(w * x) / sw, blur(w * r) / sw
                cxr = blur(w * x * r) / sw - mx * mr
                vr = np.maximum(blur(w * r * r) / sw - mr * mr, 0.0)
                a = (cxr + ridge * a0) / (vr + ridge)
                a = np.clip(a, 0.5 * a0, 2.0 * a0)
                bb = mx - a * mr
                res = x - (a * r + bb)
                s = hp.robust_scale(res[ok])
                w = (ok & (np.abs(res) < k * s)).astype(np.float64)
            out[t, b] = np.where(ok, a0 * (x - bb) / a + b0, x).astype(np.float32)
    np.clip(out, 0.0, None, out=out)
    return out


def predictions(c, oracle_gate=False, **kw):
    import torch

    from model_core.evaluate import predict_scene

    torch.set_num_threads(1)
    model = hp._model()
    preds = []
    for i in range(len(c["values"])):
        dates = set(np.flatnonzero(hp.hazy_dates(c["haze"][i]))) if oracle_gate else None
        values = lrn(c["values"][i], c["valid"][i], dates=dates, **kw)
        preds.append(predict_scene(model, values, c["valid"][i], stats=(c["center"][i], c["scale"][i])))
    return preds


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("cache")
    p.add_argument("--sigma", type=float, nargs="+", default=[16.0])
    p.add_argument("--k", type=float, default=3.0)
    p.add_argument("--oracle-gate", action="store_true",
                   help="correct only the dates the generator hazed (its record: an upper bound of a haze detector)")
    args = p.parse_args(argv)
    c = hp.load(args.cache)
    if int(c["seed"]) == 2024:
        raise SystemExit("seed 2024 is the card's held-out series: use a development seed")
    base = hp.scores(c, c["pred"])
    print("without LRN:        moment %.4f area %.4f (%d px)" % base, flush=True)
    tb = hp.error_table(c)
    rows = [("without", tb)]
    for sigma in args.sigma:
        preds = predictions(c, oracle_gate=args.oracle_gate, sigma=sigma, k=args.k)
        print(f"LRN sigma {sigma:4.1f} k {args.k} oracle gate {args.oracle_gate}: moment %.4f area %.4f (%d px)"
              % hp.scores(c, preds), flush=True)
        rows.append((f"sigma {sigma:g}", hp.error_table(c, preds)))
    print(f"{'errors':26s} " + " ".join(f"{name:>10s}" for name, _unused in rows))
    for key in tb:
        print(f"{key:26s} " + " ".join(f"{t[key]:10d}" for _unused, t in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
