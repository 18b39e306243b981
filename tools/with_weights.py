"""python tools/with_weights.py [ARCH=]WEIGHTS MODULE ARGS...: run model_core's CLI (or tools/photointerp.py,
model_core.ablation, ...) with WEIGHTS in place of the bundled file of ARCH (default caimnet: the network of
CAIM-Net and of both fusions, the automatic choices; or schanger), to measure a candidate file on every
check of the model card (rules PD, PD-S) before it is shipped."""
import os
import runpy
import sys


def run(argv):
    """Run ``argv[0]`` (a script path ending in .py, or a module name) as __main__ with ``argv`` as its
    sys.argv: what this tool and tools/candidate_kt.py do after patching the engine."""
    target, sys.argv = argv[0], list(argv)
    if target.endswith(".py"):
        runpy.run_path(target, run_name="__main__")
    else:
        runpy.run_module(target, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    sys.path.insert(0, ".")
    from model_core import weights

    arch, _, path = sys.argv[1].rpartition("=")
    arch, path = arch or "caimnet", os.path.abspath(path)
    if arch not in weights.BUNDLED or not os.path.isfile(path):
        raise SystemExit(f"with_weights: give [ARCH=]FILE with ARCH one of {sorted(weights.BUNDLED)} and an "
                         "existing file")
    weights.BUNDLED[arch] = path
    run(sys.argv[2:])
