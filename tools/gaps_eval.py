"""Gap filling (``detect --fill-gaps``) on semi-synthetic series with masked cloudy dates: what it recovers.

    python tools/gaps_eval.py [--samples 60] [--seed 2024] [--cloud-prob 0.35] [--models cva,isfa,caimnet_isfa]

Held-out semi-synthetic series (as ``evaluate --dataset semisynthetic``, T = 3..10, seeded by
(seed, index)) get per-date cloud masks of their own: each date after the first is cloudy with
probability ``--cloud-prob``, a smooth blob over 10-40 % of the series, written as nodata.  Every
series is written as GeoTIFFs and run through the engine (``detect``) with and without gap filling,
and scored on the generator's labelled pixels:

* coverage: the share of labelled pixels that get a result (without filling: clear on every date;
  with it: clear on at least two);
* area kappa and moment kappa on the covered pixels, pooled;
* for covered pixels with a masked date ("gap pixels"), the change moment: exact, or "dated in the
  gap" (after the true interval but no later than the interval ending at the first clear date after
  the change, which is what filling can know), or wrong.

Results are semi-synthetic; the engine computes each series' statistics from the series itself.
"""

import argparse
import os
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def cloud_masks(rng, t, size, prob):
    """(T, H, W) True where the date is cloudy (never the first date)."""
    from model_core.datasets.synthetic import _smooth_noise

    masks = np.zeros((t, size, size), bool)
    for j in range(1, t):
        if rng.random() < prob:
            field = _smooth_noise(rng, size, rng.uniform(4, 10))
            masks[j] = field > np.quantile(field, 1 - rng.uniform(0.1, 0.4))
    return masks


def first_clear_after(clear, k):
    """Per pixel, the interval index ending at the first clear date at or after date k (1-based interval
    k = between dates k-1 and k in 0-based date numbers k-1, k): (H, W) int, T when none."""
    t = clear.shape[0]
    out = np.full(clear.shape[1:], t, np.int64)
    for j in range(t - 1, 0, -1):
        out = np.where(clear[j] & (j >= k), j, out)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=60)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--cloud-prob", type=float, default=0.35)
    ap.add_argument("--models", default="cva,isfa,caimnet_isfa,caimnet")
    args = ap.parse_args()

    from osgeo import gdal

    from model_core.datasets.synthetic import SemiSyntheticGenerator
    from model_core.metrics import ConfusionMatrix
    from model_core.predict import detect

    gen = SemiSyntheticGenerator(split="val", patch=64, scene_stats=True, record_history=True)
    models = args.models.split(",")
    scores = {(m, f): {"cm": ConfusionMatrix(10), "covered": 0,
                       "labelled": 0, "gap": 0, "exact": 0, "in_gap": 0}
              for m in models for f in (False, True)}
    work = tempfile.mkdtemp(prefix="caim-gaps-")
    for i in range(args.samples):
        t = 3 + i % 8
        rng = np.random.default_rng([args.seed, i])
        s = gen.sample(rng, t)
        values, label = s["values"], s["moment"]
        size = values.shape[-1]
        clouds = cloud_masks(np.random.default_rng([args.seed, i, 1]), t, size, args.cloud_prob)
        clear = ~clouds
        labelled = (label != 255) & s["valid"]
        paths = []
        for j in range(t):
            a = values[j].astype(np.float32).copy()
            a[:, clouds[j]] = -9999.0
            path = os.path.join(work, f"s{i}_{j:02d}.tif")
            ds = gdal.GetDriverByName("GTiff").Create(path, size, size, 4, gdal.GDT_Float32)
            ds.SetGeoTransform((500000.0, 10.0, 0, 5200000.0, 0, -10.0))
            for b in range(4):
                ds.GetRasterBand(b + 1).SetNoDataValue(-9999.0)
                ds.GetRasterBand(b + 1).WriteArray(a[b])
            ds = None
            paths.append(path)
        gap = labelled & clouds.any(axis=0)
        limit = np.zeros_like(label, np.int64)
        for k in range(1, t):
            sel = label == k
            limit[sel] = first_clear_after(clear, k)[sel]
        for m in models:
            for fill in (False, True):
                out = os.path.join(work, f"o{i}_{m}_{int(fill)}")
                try:
                    res = detect(paths, out_dir=out, model=m, fill_gaps=fill, dates=[f"{2000 + j}" for j in range(t)])
                except Exception as exc:  # noqa: BLE001 -- e.g. no clear pixel at all: counts as no coverage
                    print(f"series {i} {m} fill={fill}: {exc}", file=sys.stderr)
                    scores[(m, fill)]["labelled"] += int(labelled.sum())
                    continue
                pred = gdal.Open(res.paths["moment"]).ReadAsArray()
                sc = scores[(m, fill)]
                cov = labelled & (pred != 255)
                sc["labelled"] += int(labelled.sum())
                sc["covered"] += int(cov.sum())
                sc["cm"].update(label[cov], pred[cov], num_classes=10)
                g = cov & gap & (label > 0)
                sc["gap"] += int(g.sum())
                sc["exact"] += int((pred[g] == label[g]).sum())
                sc["in_gap"] += int(((pred[g] > label[g]) & (pred[g] <= limit[g])).sum())
        if (i + 1) % 10 == 0:
            print(f"  {i + 1}/{args.samples} series", file=sys.stderr)
    print(f"{args.samples} held-out semi-synthetic series (T = 3..10), clouds on a date with probability "
          f"{args.cloud_prob}, seed {args.seed}")
    print(f"{'method':<14} {'fill':>5} {'coverage':>9} {'area kappa':>11} {'moment kappa':>13} "
          f"{'changed gap px':>15} {'exact':>6} {'in gap':>7}")
    for (m, fill), sc in scores.items():
        summary = sc["cm"].summary()
        ak, mk = summary["area"]["kappa"], summary["moment"]["kappa"]
        n = max(sc["gap"], 1)
        print(f"{m:<14} {'yes' if fill else 'no':>5} {sc['covered'] / max(sc['labelled'], 1):9.3f} {ak:11.3f} "
              f"{mk:13.3f} {sc['gap']:15d} {sc['exact'] / n:6.2f} {sc['in_gap'] / n:7.2f}")


if __name__ == "__main__":
    main()
