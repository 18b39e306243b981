# The checks of candidate TTA (model card record): every command of the rule with and without
# tools/candidate_tta.py, the bundled files; outputs runs/TTA0_* (without) and runs/TTA1_* (with).
export PYTHONPATH=.
P=.venv/bin/python
mkdir -p runs
for i in 0 1; do
  # X runs a module of model_core, Y a script of tools/: through tools/candidate_tta.py for TTA1
  if [ $i = 1 ]; then X="$P tools/candidate_tta.py"; Y="$X"; else X="$P -m"; Y="$P"; fi
  O=runs/TTA${i}_
  $X model_core evaluate --dataset semisynthetic --samples 100 --seed 2024 --scene-stats --model caimnet > ${O}semi.txt 2>&1
  $X model_core.ablation resources/weights/caimnet_rgbn.pt --scene-stats --model caimnet > ${O}haze.txt 2>&1
  $Y tools/photointerp.py score > ${O}photo.txt 2>&1
  for s in f g; do $Y tools/photointerp.py moment --set $s > ${O}mom_$s.txt 2>&1; done
  for m in caimnet caimnet_cva caimnet_isfa; do
    $X model_core evaluate --dataset taizhou --root ../shared/data/taizhou --model $m > ${O}tz_$m.txt 2>&1
  done
  $X model_core evaluate --dataset semisynthetic --samples 100 --seed 2024 --scene-stats --model caimnet_isfa > ${O}semi_isfa.txt 2>&1
done
echo done
