# The checks of candidate SCI (model card record, "Eighteenth session"): every command of rule SCI without
# the 3 x 3 context for ISFA (tools/candidate_sc.py --none, the engine before the rule) and with it (the
# engine as shipped since), the bundled files; outputs runs/SCI0_* (without) and runs/SCI1_* (with).
# bash tools/candidate_sci.sh [sets...]  (default: every moment set; with only i, set I alone)
export PYTHONPATH=.
P=.venv/bin/python
SETS=${*:-i abc d e f g h}
mkdir -p runs
for i in 0 1; do
  # X runs a module of model_core, Y a script of tools/: through tools/candidate_sc.py --none for SCI0
  if [ $i = 0 ]; then X="$P tools/candidate_sc.py --none"; Y="$X"; else X="$P -m"; Y="$P"; fi
  O=runs/SCI${i}_
  for s in $SETS; do $Y tools/photointerp.py moment --set $s > ${O}mom_$s.txt 2>&1; done
  [ "$SETS" = i ] && continue
  $X model_core evaluate --dataset semisynthetic --samples 100 --seed 2024 --scene-stats --model caimnet_isfa > ${O}semi_isfa.txt 2>&1
  $X model_core.ablation resources/weights/caimnet_rgbn.pt --scene-stats --model caimnet_isfa > ${O}haze_isfa.txt 2>&1
  $Y tools/photointerp.py score > ${O}photo.txt 2>&1
  for m in isfa caimnet_isfa; do
    $X model_core evaluate --dataset taizhou --root ../shared/data/taizhou --model $m > ${O}tz_$m.txt 2>&1
  done
done
echo done
