"""Inference-time probes on a CAIM-Net file's own validation series (never an evaluation set).

python tools/val_probes.py ensemble OTHER.pt [--weights CAIMNET.pt]
    The moment log-probabilities of CAIMNET.pt (default the bundled file) and OTHER.pt averaged with the first's
    weight w = 0.5-0.8, each at no-change biases 0.25-1.0, against each file alone.
python tools/val_probes.py smooth [--weights CAIMNET.pt]
    The file's moment probabilities (or log-probabilities) smoothed spatially with a Gaussian of sigma 0.5-1.5 px
    before the decision, the best bias of 0.5, 0.75 and 1.0 for each.

The validation series are those ``python -m model_core calibrate`` uses (the file's training config, its "val"
split, co-registered).  Prints area and moment kappa and the selection score (their mean) per row.
"""
import argparse
import sys

import numpy as np

sys.path.insert(0, ".")

BIASES = (0.25, 0.5, 0.75, 1.0)
WEIGHTS = (0.5, 0.6, 0.7, 0.8)
SIGMAS = (0.5, 0.75, 1.0, 1.5)


def gaussian(image, sigma):
    """``image`` (H, W) smoothed with a Gaussian of ``sigma`` px (edges repeated); sigma 0: as it is."""
    from scipy import ndimage  # (as the generator, model_core.datasets.synthetic)

    if sigma <= 0:
        return image
    return ndimage.gaussian_filter(np.asarray(image, np.float32), sigma, mode="nearest")


def smoothed(logp, sigma, space="prob"):
    """Moment log-probabilities (K, H, W) smoothed per class: the probabilities (``space`` "prob"), or the
    log-probabilities themselves ("logp")."""
    if space == "logp":
        return np.stack([gaussian(c, sigma) for c in logp])
    p = np.stack([gaussian(c, sigma) for c in np.exp(logp)])
    return np.log(np.maximum(p, 1e-8)).astype(np.float32)


def ensembled(first, second, w):
    """w * first + (1 - w) * second, sample by sample."""
    return [w * a + (1.0 - w) * b for a, b in zip(first, second)]


def _row(label, samples, logps, bias):
    from model_core.calibrate import score

    area, moment, sc = score(samples, logps, bias)
    print(f"{label:<28} bias {bias:+.2f}: area kappa {area['kappa']:.4f}  moment kappa {moment['kappa']:.4f}  "
          f"score {sc:.4f}", flush=True)
    return sc


def main(argv=None):
    p = argparse.ArgumentParser(prog="tools/val_probes.py")
    p.add_argument("probe", choices=("ensemble", "smooth"))
    p.add_argument("other", nargs="?", help="ensemble: the second CAIM-Net file")
    p.add_argument("--weights", default=None)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    if args.probe == "ensemble" and not args.other:
        p.error("ensemble needs the second file: tools/val_probes.py ensemble OTHER.pt")
    import torch

    from model_core import weights as W
    from model_core.calibrate import collect
    from model_core.provenance import training_config
    from model_core.train import DEFAULTS, load_config, validation_samples

    torch.set_num_threads(args.threads)
    path = args.weights or W.default_weights("caimnet")
    model = W.load_model(path, arch="caimnet", device="cpu")
    cfg = load_config({k: v for k, v in training_config(model.weights_meta).items() if k in DEFAULTS})
    cfg["coregister"] = True
    samples = validation_samples(cfg)
    print(f"{len(samples)} validation series (val_seed {cfg.get('val_seed')}), {path}", flush=True)
    first = collect(model, samples)
    if args.probe == "ensemble":
        second = collect(W.load_model(args.other, arch="caimnet", device="cpu"), samples)
        for label, lps in (("first alone", first), ("second alone", second)):
            for bias in BIASES:
                _row(label, samples, lps, bias)
        for w in WEIGHTS:
            for bias in BIASES:
                _row(f"w {w:.1f} x first", samples, ensembled(first, second, w), bias)
        return 0
    for space in ("prob", "logp"):
        for sigma in (0.0,) + SIGMAS:
            lps = first if sigma == 0 else [smoothed(x, sigma, space) for x in first]
            for bias in (0.5, 0.75, 1.0):
                _row(f"{space} sigma {sigma}", samples, lps, bias)
    return 0


if __name__ == "__main__":
    sys.exit(main())
