# The checks of rule PD-S (model card record): calibrate a public-domain SChanger run's best checkpoint
# and measure it with the card's commands next to the bundled file.
# bash tools/rule_pd_s.sh [RUN_DIR [CONFIG]]  (default runs/schanger_pd, configs/schanger_rgbn_pd.json;
# the longer run: runs/schanger_pd_long configs/schanger_rgbn_pd_long.json).  Outputs in
# runs/PDS_<run>_*.txt (runs/PDS_*.txt for the first run), a few minutes.
DEFAULT_RUN=runs/schanger_pd DEFAULT_CONFIG=configs/schanger_rgbn_pd.json PREFIX=PDS
. tools/rule_common.sh "$@"
$P -m model_core evaluate --dataset semisynthetic --t-min 2 --t-max 2 --samples 200 --seed 2024 --scene-stats --model schanger --weights $W > ${O}semi.txt 2>&1
$P -m model_core evaluate --dataset semisynthetic --t-min 2 --t-max 2 --samples 200 --seed 2024 --scene-stats --model schanger > ${O}semi_bundled.txt 2>&1
$P -m model_core.ablation $W --scene-stats --model schanger > ${O}haze.txt 2>&1
$P tools/with_weights.py schanger=$W model_core evaluate --dataset taizhou --root ../shared/data/taizhou --model schanger > ${O}tz.txt 2>&1
$P tools/with_weights.py schanger=$W tools/photointerp.py score > ${O}photo.txt 2>&1
echo done
