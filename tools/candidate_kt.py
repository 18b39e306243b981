"""python tools/candidate_kt.py MODULE ARGS...: run model_core's CLI (or tools/photointerp.py, model_core.ablation,
tools/pucallpa_sample.py) with candidate KT on (CVA.threshold_rule = "kittler": Kittler and Illingworth's
minimum-error threshold for ``cva`` and ``isfa``; the fusions keep Otsu's)."""
import runpy
import sys

sys.path.insert(0, ".")
from model_core.models.cva import CVA  # noqa: E402

CVA.threshold_rule = "kittler"
target, sys.argv = sys.argv[1], sys.argv[1:]
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
