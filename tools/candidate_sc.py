"""python tools/candidate_sc.py MODULE ARGS...: run model_core's CLI (or tools/photointerp.py, model_core.ablation) with
candidate SC on (CVA.context = 1: 3 x 3 context for CVA, ISFA and the fusions' classical parts)."""
import runpy
import sys

sys.path.insert(0, ".")
from model_core.models.cva import CVA  # noqa: E402

CVA.context = 1
target, sys.argv = sys.argv[1], sys.argv[1:]
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
