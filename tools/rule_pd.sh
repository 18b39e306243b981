# The checks of rule PD (model card record, "Public-domain training data"): calibrate a public-domain
# CAIM-Net run's best checkpoint, then the card's commands with it as the network of CAIM-Net and of both
# fusions.  bash tools/rule_pd.sh [RUN_DIR [CONFIG]]  (default runs/caimnet_pd, configs/caimnet_rgbn_pd.json;
# the longer run: runs/caimnet_pd_long configs/caimnet_rgbn_pd_long.json).  Outputs in runs/PD_<run>_*.txt
# (runs/PD_*.txt for the first run), a few minutes.
DEFAULT_RUN=runs/caimnet_pd DEFAULT_CONFIG=configs/caimnet_rgbn_pd.json PREFIX=PD
. tools/rule_common.sh "$@"
X="$P tools/with_weights.py $W"
$X model_core evaluate --dataset semisynthetic --samples 100 --seed 2024 --scene-stats --model caimnet > ${O}semi.txt 2>&1
$P -m model_core.ablation $W --scene-stats --model caimnet > ${O}haze.txt 2>&1
$X tools/photointerp.py score > ${O}photo.txt 2>&1
for s in f g; do $X tools/photointerp.py moment --set $s > ${O}mom_$s.txt 2>&1; done
for m in caimnet caimnet_cva caimnet_isfa; do
  $X model_core evaluate --dataset taizhou --root ../shared/data/taizhou --model $m > ${O}tz_$m.txt 2>&1
done
echo done
