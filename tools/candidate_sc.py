"""python tools/candidate_sc.py --all|--none MODULE ARGS...: run model_core's CLI (or tools/photointerp.py,
model_core.ablation) with the classical methods' 3 x 3 context switched: ``--all`` candidate SC of the
eleventh session (CVA.context = ISFA.context = 1: CVA, ISFA and both fusions' classical parts), ``--none``
the engine before rule SCI (ISFA.context = 0: every classical decision per pixel).  As shipped, ISFA and
CAIM-Net + ISFA have the context and the CVA does not."""
import runpy
import sys

sys.path.insert(0, ".")
from model_core.models.cva import CVA  # noqa: E402
from model_core.models.isfa import ISFA  # noqa: E402

mode, args = sys.argv[1], sys.argv[2:]
if mode not in ("--all", "--none"):
    sys.exit(__doc__)
CVA.context = ISFA.context = int(mode == "--all")
target, sys.argv = args[0], args
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
