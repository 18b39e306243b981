"""python tools/candidate_tta.py MODULE ARGS...: run model_core's CLI (or tools/photointerp.py, model_core.ablation)
with candidate TTA on (CAIMNet.tta = True: CAIM-Net, alone and inside both fusions, averages its moment
probabilities over the four flips of each tile)."""
import sys

sys.path.insert(0, ".")
from model_core.models.caimnet import CAIMNet  # noqa: E402
from with_weights import run  # noqa: E402  (tools/, this script's folder)

CAIMNet.tta = True
run(sys.argv[1:])
