"""How different are consecutive dates of real series, against the generator's no-change pairs?

    python tools/nuisance_stats.py [--data ../shared/data] [--pairs 200]

For each pair of consecutive dates, each date standardised with its own robust statistics (as the
engine does with whole scenes; the generator's samples use their scene's statistics), the per-pixel
magnitude sqrt(mean over R, G, B, NIR of the squared differences) is pooled and its 50th, 75th and
90th percentiles are printed for: NAIP North Dakota (warped onto the first date's grid, bilinear),
Landsat Pucallpa (R, G, G, NIR from SWIR1, NIR, Red, Green), the CBERS cube (clear pixels), and the
generator's no-change pairs at several haze shares.  Real series include real change, so their
upper percentiles are upper bounds for their nuisances.  Prints figures; asserts nothing.
"""

import argparse
import glob
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
Q = (50, 75, 90)


def magnitude(z0, z1, valid):
    return np.sqrt(((z1 - z0) ** 2).mean(axis=0))[valid]


def real_series(name, frames, valids):
    from model_core.normalize import apply, robust_stats

    v = np.stack(frames).astype(np.float32)
    out = []
    for j in range(1, len(frames)):
        ok = valids[j - 1] & valids[j]
        c, s = robust_stats(v[j - 1:j + 1], ok)
        z = apply(v[j - 1:j + 1], c, s)
        out.append(magnitude(z[0], z[1], ok))
    q = np.percentile(np.concatenate(out), Q)
    print(f"  {name:<46} {len(out):5d} " + " ".join(f"{x:6.2f}" for x in q))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "data")))
    ap.add_argument("--pairs", type=int, default=200, help="generator pairs per setting")
    args = ap.parse_args()
    from osgeo import gdal

    from model_core.datasets.synthetic import SemiSyntheticGenerator
    from model_core.normalize import apply

    gdal.UseExceptions()
    print(f"  {'series':<46} {'pairs':>5} {'q50':>6} {'q75':>6} {'q90':>6}")
    files = sorted(glob.glob(os.path.join(args.data, "naip-north-dakota", "*.tif")))
    ref = gdal.Open(files[0])
    gt, w, h = ref.GetGeoTransform(), ref.RasterXSize, ref.RasterYSize
    frames, valids = [], []
    for f in files:
        ds = gdal.Warp("", f, format="MEM", outputBounds=(gt[0], gt[3] + h * gt[5], gt[0] + w * gt[1], gt[3]),
                       width=w, height=h, resampleAlg="bilinear", dstSRS=ref.GetProjection())
        a = ds.ReadAsArray().astype(np.float32)[:4]
        frames.append(a)
        valids.append(a.sum(axis=0) > 0)
    real_series("NAIP North Dakota (real change included)", frames, valids)
    frames, valids = [], []
    for f in sorted(glob.glob(os.path.join(args.data, "landsat-pucallpa", "*.tif"))):
        a = gdal.Open(f).ReadAsArray().astype(np.float32)
        frames.append(a[[2, 3, 3, 1]])
        valids.append((a > 0).all(axis=0))
    real_series("Landsat Pucallpa (real change included)", frames, valids)
    cube = os.path.join(args.data, "cbers-cube")
    dates = sorted({os.path.basename(p).split("_")[-1][:-4] for p in glob.glob(os.path.join(cube, "*B13*.tif"))})
    frames, valids = [], []
    for d in dates:
        def band(k, d=d):
            return gdal.Open(glob.glob(os.path.join(cube, f"*_{k}_{d}.tif"))[0]).ReadAsArray().astype(np.float32)
        frames.append(np.stack([band("B15"), band("B14"), band("B13"), band("B16")]))
        valids.append((band("CMASK") == 0) & (frames[-1] > 0).all(axis=0))
    real_series("CBERS cube, clear pixels (real change included)", frames, valids)
    for haze in (0.25, 0.1, 0.05):
        gen = SemiSyntheticGenerator(root=args.data, split="val", no_change_prob=1.0, landcover_prob=0.3,
                                     scene_stats=True, haze_prob=haze)
        out = []
        for i in range(args.pairs):
            s = gen.sample(np.random.default_rng([77, i]), 2)
            z = apply(s["values"], s["center"], s["scale"])
            out.append(magnitude(z[0], z[1], s["valid"] & (s["moment"] != 255)))
        q = np.percentile(np.concatenate(out), Q)
        print(f"  {'generator no-change pairs, haze on %d %% of dates' % round(haze * 100):<46} {args.pairs:5d} "
              + " ".join(f"{x:6.2f}" for x in q))
    return 0


if __name__ == "__main__":
    sys.exit(main())
