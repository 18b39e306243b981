"""False-change rate on no-change series with strong nuisances (the DeepCL ablation's robustness figure).

``python -m model_core.ablation WEIGHTS [WEIGHTS ...] [--samples 64] [--t 2] [--seed 7]``

Builds held-out semi-synthetic series (split "val" of :mod:`model_core.datasets.synthetic`) in which
NOTHING changes (``no_change_prob = 1``) but every date carries strong nuisances: haze on every series
(``haze_prob = 1``), whole-date misregistration of 1-3 pixels on every series (``misreg_prob = 1``),
plus the generator's usual per-band gain/offset, seasonal shift and sensor noise; no clouds.  Every
valid pixel is a true "no change", so the share of pixels a method calls changed is its false-change
rate.  Printed for each weights file and for the CVA + Otsu baseline (:mod:`model_core.baseline`),
on the same pixels.  Results are semi-synthetic.
"""

import argparse
import json
import sys

import numpy as np


def no_change_series(n=64, t=2, seed=7, patch=64, root=None, scene_stats=False, haze_prob=1.0,
                     misreg_prob=1.0):
    from model_core.datasets.synthetic import SemiSyntheticGenerator

    gen = SemiSyntheticGenerator(root=root, split="val", patch=patch, no_change_prob=1.0,
                                 haze_prob=haze_prob, misreg_prob=misreg_prob, cloud_prob=0.0,
                                 scene_stats=scene_stats)
    rng = np.random.default_rng(seed)
    return [gen.sample(rng, t) for _ in range(n)]


def false_change_rate(samples, predict):
    """Share of valid, labelled pixels that ``predict(values, valid, stats) -> moment (H, W)`` calls
    changed (``stats``: the sample's scene statistics (center, scale), or None)."""
    from model_core.train import sample_stats

    changed = total = 0
    for s in samples:
        ok = s["valid"] & (s["moment"] != 255)
        p = np.asarray(predict(s["values"], s["valid"], sample_stats(s)))
        changed += int(((p[ok] > 0) & (p[ok] != 255)).sum())
        total += int(ok.sum())
    return changed / max(total, 1)


def model_predictor(model):
    import torch

    from model_core.models import model_input

    def predict(values, valid, stats=None):
        x = torch.from_numpy(model_input(model, values, valid, stats))[None]
        with torch.inference_mode():
            return model(x)["moment"].argmax(dim=1)[0].numpy()

    return predict


def main(argv=None):
    import torch

    from model_core import weights
    from model_core.baseline import cva
    from model_core.coregister import COREGISTER_DEFAULT

    p = argparse.ArgumentParser(prog="python -m model_core.ablation", description=__doc__.splitlines()[0])
    p.add_argument("weights", nargs="*", help="weights files to evaluate")
    p.add_argument("--samples", type=int, default=64)
    p.add_argument("--t", type=int, default=2, help="dates per series")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--threads", type=int)
    p.add_argument("--json", help="also write the rates to this JSON file")
    p.add_argument("--model", default=None,
                   help="build this model around the weights (caimnet_cva: the CAIM-Net + CVA fusion), or "
                        "a classical method without weights (isfa)")
    p.add_argument("--scene-stats", action="store_true",
                   help="normalise each series with the statistics of the scene it is cut from (the "
                        "generator's scene_stats recipe) instead of its own")
    p.add_argument("--haze-prob", type=float, default=1.0, metavar="P",
                   help="share of dates with haze (default 1: every date, the strong-nuisance test; the "
                        "generator's training default is 0.25)")
    p.add_argument("--misreg-prob", type=float, default=1.0, metavar="P",
                   help="share of later dates misregistered by 1-3 px (default 1; training default 0.4)")
    p.add_argument("--coregister", action=argparse.BooleanOptionalAction, default=COREGISTER_DEFAULT,
                   help="move each series' dates onto its first date first (as detect --coregister), for every "
                        "method alike; the pixels a moved date no longer covers are left out; on by default, as in "
                        "detect (--no-coregister: as drawn)")
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    samples = no_change_series(args.samples, args.t, args.seed, scene_stats=args.scene_stats,
                               haze_prob=args.haze_prob, misreg_prob=args.misreg_prob)
    if args.coregister:
        from model_core.coregister import align

        for s in samples:
            s["values"], s["valid"], _shifts = align(s["values"], s["valid"])
    rows = {"cva": false_change_rate(samples, lambda v, ok, _stats: cva(v, ok)["moment"])}
    for path in args.weights:
        rows[path] = false_change_rate(samples, model_predictor(weights.load_model(path, arch=args.model)))
    if args.model and not args.weights:
        from model_core.models import build_model, model_class

        if getattr(model_class(args.model), "needs_weights", True):
            p.error(f"--model {args.model} needs a weights file")
        # a classical method (isfa; cva is the first row already): no weights
        rows[args.model] = false_change_rate(samples, model_predictor(build_model(args.model).eval()))
    print(f"false-change rate on {args.samples} no-change series (T = {args.t}, haze on "
          f"{args.haze_prob:.0%} / misregistration on {args.misreg_prob:.0%} of dates, semi-synthetic"
          + (", co-registered" if args.coregister else "") + "):")
    for name, rate in rows.items():
        print(f"  {rate:7.4f}  {name}")
    if args.json:
        # through a hidden folder beside it, moved into place whole: a run killed while writing (kill -9)
        # left a half JSON under the user's name; now only that folder, which the next ablation there removes
        from model_core.errors import OutputError
        from model_core.staging import write_text

        try:
            write_text(args.json, json.dumps(rows, indent=1), ".caim-ablation-")
        except OutputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"error: cannot write '{args.json}' ({exc.strerror or exc})", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
