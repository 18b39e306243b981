# The checks of rule PD-S (model card record): calibrate the public-domain SChanger file and measure it
# with the card's commands next to the bundled file. Outputs in runs/PDS_*.txt (a few minutes).
export PYTHONPATH=.
P=.venv/bin/python
W=runs/schanger_pd_cal.pt
$P -m model_core calibrate --weights runs/schanger_pd/best.pt --config configs/schanger_rgbn_pd.json --out $W --overwrite > runs/PDS_calibrate.txt 2>&1
$P -m model_core evaluate --dataset semisynthetic --t-min 2 --t-max 2 --samples 200 --seed 2024 --scene-stats --model schanger --weights $W > runs/PDS_semi.txt 2>&1
$P -m model_core evaluate --dataset semisynthetic --t-min 2 --t-max 2 --samples 200 --seed 2024 --scene-stats --model schanger > runs/PDS_semi_bundled.txt 2>&1
$P -m model_core.ablation $W --scene-stats --model schanger > runs/PDS_haze.txt 2>&1
$P tools/with_weights.py schanger=$W model_core evaluate --dataset taizhou --root ../shared/data/taizhou --model schanger > runs/PDS_tz.txt 2>&1
$P tools/with_weights.py schanger=$W tools/photointerp.py score > runs/PDS_photo.txt 2>&1
echo done
