"""python tools/candidate_kt.py MODULE ARGS...: run model_core's CLI (or tools/photointerp.py, model_core.ablation,
tools/pucallpa_sample.py) with candidate KT on (CVA.threshold_rule = "kittler": Kittler and Illingworth's
minimum-error threshold for ``cva`` and ``isfa``; the fusions keep Otsu's)."""
import sys

sys.path.insert(0, ".")
from model_core.models.cva import CVA  # noqa: E402
from with_weights import run  # noqa: E402  (tools/, this script's folder)

CVA.threshold_rule = "kittler"
run(sys.argv[1:])
