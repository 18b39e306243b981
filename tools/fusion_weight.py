"""The fusions' network weight w on validation series (rule SWAP of the model card's experiment record).

python tools/fusion_weight.py sweep [--weights CAIMNET.pt] [--config CONFIG.json] [--samples N]
    Runs CAIM-Net + CVA and CAIM-Net + ISFA with CAIMNET.pt inside (default the bundled file) on the
    validation series that ``python -m model_core calibrate`` uses (the file's training config, or CONFIG:
    its "val" split, co-registered), keeps the network's and the classical part's moment log-probabilities
    apart, and prints the selection score (mean of area and moment kappa) for each w of the grid, the
    fusion's own bias staying 0.  Never an evaluation set.

python tools/fusion_weight.py run CVA_W ISFA_W MODULE ARGS...
    Runs model_core's CLI (or tools/photointerp.py, model_core.ablation, ...) with the fusions' weights
    set to CVA_W and ISFA_W (use tools/with_weights.py as MODULE to put a candidate file in place too).
"""
import argparse
import sys

sys.path.insert(0, ".")

GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def parts(model, samples):
    """(network log-probabilities, classical log-probabilities) of a fusion per sample: the fusion run
    with w = 1 and w = 0.  Their weighted sum has the fused decision's arg-max for any w (the fused
    output is the log-softmax of that sum)."""
    from model_core.calibrate import collect

    keep = model.net_weight
    try:
        model.net_weight = 1.0
        net = collect(model, samples)
        model.net_weight = 0.0
        classical = collect(model, samples)
    finally:
        model.net_weight = keep
    return net, classical


def sweep_rows(samples, net, classical, grid=GRID):
    """[(w, area kappa, moment kappa, score)] of the fusion at each w (bias 0, area rule max)."""
    from model_core.calibrate import score

    rows = []
    for w in grid:
        lps = [w * a + (1.0 - w) * b for a, b in zip(net, classical)]
        area, moment, sc = score(samples, lps, 0.0)
        rows.append((w, area["kappa"], moment["kappa"], sc))
    return rows


def choose(rows, current):
    """w* of the rows: the best score; a tie with the current weight keeps it."""
    best = max(r[3] for r in rows)
    tied = [r[0] for r in rows if r[3] == best]
    return current if current in tied else tied[0]


def sweep(argv):
    import time

    from model_core import weights as W
    from model_core.provenance import training_config
    from model_core.train import DEFAULTS, load_config, validation_samples

    p = argparse.ArgumentParser(prog="tools/fusion_weight.py sweep")
    p.add_argument("--weights", default=None)
    p.add_argument("--config", default=None)
    p.add_argument("--samples", type=int, default=None)
    p.add_argument("--threads", type=int, default=None)
    args = p.parse_args(argv)
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    path = args.weights or W.default_weights("caimnet")
    t0 = time.time()
    samples = None
    for arch in ("caimnet_cva", "caimnet_isfa"):
        model = W.load_model(path, arch=arch, device="cpu")
        if samples is None:
            cfg = load_config(args.config) if args.config else load_config(
                {k: v for k, v in training_config(model.weights_meta).items() if k in DEFAULTS})
            if args.samples:
                cfg["val_samples"] = args.samples
            cfg["coregister"] = True
            samples = validation_samples(cfg)
            print(f"{len(samples)} validation series (val_seed {cfg.get('val_seed')}, config seed {cfg['seed']}), "
                  f"{path}", flush=True)
        current = type(model).net_weight
        rows = sweep_rows(samples, *parts(model, samples))
        w_star = choose(rows, current)
        print(f"\n{arch} (current w {current}):")
        print(f"{'w':>4} {'area kappa':>10} {'moment kappa':>12} {'score':>7}")
        for w, ak, mk, sc in rows:
            mark = "  <- w*" if w == w_star else ""
            mark += "  (current)" if w == current else ""
            print(f"{w:4.1f} {ak:10.4f} {mk:12.4f} {sc:7.4f}{mark}")
        print(f"{arch}: w* = {w_star} ({time.time() - t0:.0f} s)", flush=True)
    return 0


def run(argv):
    from model_core.models.fusion import CaimNetCVA, CaimNetISFA
    from with_weights import run as run_module  # tools/, this script's folder

    CaimNetCVA.net_weight = float(argv[0])
    CaimNetISFA.net_weight = float(argv[1])
    run_module(argv[2:])


if __name__ == "__main__":
    sys.path.insert(0, "tools")
    if len(sys.argv) < 2 or sys.argv[1] not in ("sweep", "run"):
        raise SystemExit(__doc__)
    sys.exit(sweep(sys.argv[2:]) if sys.argv[1] == "sweep" else run(sys.argv[2:]))
