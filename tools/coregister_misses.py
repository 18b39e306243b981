"""How co-registration does against the generator's own misregistration: on semi-synthetic series (the "val" split,
as ``python -m model_core evaluate --dataset semisynthetic --scene-stats`` draws them), each later date's estimate
(:func:`model_core.coregister.estimate_shifts`) against the offset the generator recorded.

    python tools/coregister_misses.py [--seed 7] [--samples 100] [--patch 64]

Prints the shifted dates moved back exactly, left where they are (with the reasons) or moved to a wrong offset, and
the unshifted dates moved.  Use development seeds (the card's held-out series are seed 2024)."""
import argparse
import sys

import numpy as np

sys.path.insert(0, ".")


def count(seed=7, samples=100, patch=64):
    from model_core.coregister import estimate_shifts
    from model_core.datasets.synthetic import SemiSyntheticGenerator

    gen = SemiSyntheticGenerator(root=None, split="val", patch=patch, scene_stats=True, record_history=True)
    t_values = list(range(2, 11))
    out = {"shifted": 0, "moved back": 0, "left": 0, "moved wrongly": 0, "unshifted": 0, "unshifted moved": 0}
    reasons = {}
    for i in range(samples):
        s = gen.sample(np.random.default_rng([seed, i]), t_values[i % len(t_values)])
        shifts = estimate_shifts(s["values"], s["valid"])
        for j in range(1, len(shifts)):
            true = tuple(s["offsets"][j])
            est = shifts[j]
            moved = (int(round(est.dx)), int(round(est.dy))) if est.reason is None and est.dx is not None else (0, 0)
            if true != (0, 0):
                out["shifted"] += 1
                if moved == true:
                    out["moved back"] += 1
                elif moved == (0, 0):
                    out["left"] += 1
                    reasons[est.reason] = reasons.get(est.reason, 0) + 1
                else:
                    out["moved wrongly"] += 1
            else:
                out["unshifted"] += 1
                out["unshifted moved"] += moved != (0, 0)
    return out, reasons


def main(argv=None):
    p = argparse.ArgumentParser(prog="tools/coregister_misses.py", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--samples", type=int, default=100)
    p.add_argument("--patch", type=int, default=64)
    a = p.parse_args(argv)
    out, reasons = count(a.seed, a.samples, a.patch)
    print("  ".join(f"{k}: {v}" for k, v in out.items()))
    print("left, by reason: " + (", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=str)) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
