# The checks of candidate KT (model card): every command with and without tools/candidate_kt.py; outputs in runs/ (about 15 minutes).
export PYTHONPATH=.
P=.venv/bin/python
K="$P tools/candidate_kt.py"
SEMI="--dataset semisynthetic --samples 100 --seed 2024 --scene-stats"
$K tools/photointerp.py score > runs/KT1_photo.txt 2>&1
$P tools/photointerp.py score > runs/KT0_photo.txt 2>&1
for s in abc d e f g; do
  $P tools/photointerp.py moment --set $s > runs/KT0_mom_$s.txt 2>&1
  $K tools/photointerp.py moment --set $s > runs/KT1_mom_$s.txt 2>&1
done
$K tools/pucallpa_sample.py > runs/KT1_puc.txt 2>&1
$P tools/pucallpa_sample.py > runs/KT0_puc.txt 2>&1
for m in cva isfa; do
  $P -m model_core evaluate $SEMI --model $m > runs/KT0_semi_$m.txt 2>&1
  $K model_core evaluate $SEMI --model $m > runs/KT1_semi_$m.txt 2>&1
  $P -m model_core evaluate $SEMI --model $m --road-prob 0.5 > runs/KT0_road_$m.txt 2>&1
  $K model_core evaluate $SEMI --model $m --road-prob 0.5 > runs/KT1_road_$m.txt 2>&1
  $P -m model_core.ablation --scene-stats --model $m > runs/KT0_abl_$m.txt 2>&1
  $K model_core.ablation --scene-stats --model $m > runs/KT1_abl_$m.txt 2>&1
done
for m in cva isfa; do
  $P -m model_core evaluate --dataset taizhou --root ../shared/data/taizhou --model $m > runs/KT0_tz_$m.txt 2>&1
  $K model_core evaluate --dataset taizhou --root ../shared/data/taizhou --model $m > runs/KT1_tz_$m.txt 2>&1
done
echo done
