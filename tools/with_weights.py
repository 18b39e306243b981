"""python tools/with_weights.py CAIMNET_WEIGHTS MODULE ARGS...: run model_core's CLI (or tools/photointerp.py,
model_core.ablation, ...) with CAIMNET_WEIGHTS in place of the bundled CAIM-Net file, so the network of
CAIM-Net and of both fusions (the automatic choices) is that file: to measure a candidate file on every
check of the model card (rule PD) before it is shipped."""
import os
import runpy
import sys

sys.path.insert(0, ".")
from model_core import weights  # noqa: E402

path = os.path.abspath(sys.argv[1])
if not os.path.isfile(path):
    raise SystemExit(f"with_weights: no file {path}")
weights.BUNDLED["caimnet"] = path
target, sys.argv = sys.argv[2], sys.argv[2:]
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
