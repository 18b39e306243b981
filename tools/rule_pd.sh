# The checks of rule PD (model card record, "Public-domain training data"): calibrate the public-domain
# CAIM-Net file, then the card's commands with it as the network of CAIM-Net and of both fusions.
# Outputs in runs/PD_*.txt (about 20 minutes).
export PYTHONPATH=.
P=.venv/bin/python
W=runs/caimnet_pd_cal.pt
X="$P tools/with_weights.py $W"
$P -m model_core calibrate --weights runs/caimnet_pd/best.pt --config configs/caimnet_rgbn_pd.json --out $W --overwrite > runs/PD_calibrate.txt 2>&1
$X model_core evaluate --dataset semisynthetic --samples 100 --seed 2024 --scene-stats --model caimnet > runs/PD_semi.txt 2>&1
$P -m model_core.ablation $W --scene-stats --model caimnet > runs/PD_haze.txt 2>&1
$X tools/photointerp.py score > runs/PD_photo.txt 2>&1
for s in f g; do $X tools/photointerp.py moment --set $s > runs/PD_mom_$s.txt 2>&1; done
for m in caimnet caimnet_cva caimnet_isfa; do
  $X model_core evaluate --dataset taizhou --root ../shared/data/taizhou --model $m > runs/PD_tz_$m.txt 2>&1
done
echo done
