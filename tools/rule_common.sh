# Shared by tools/rule_pd.sh and tools/rule_pd_s.sh (sourced, with DEFAULT_RUN, DEFAULT_CONFIG and PREFIX
# set): the run folder and config from the arguments, the output prefix runs/<PREFIX>_<run>_ (runs/<PREFIX>_
# for the default run), and the run's best checkpoint calibrated on its own validation series into W.
export PYTHONPATH=.
export CAIM_LANGUAGE=en  # the checks' outputs are read in English
P=.venv/bin/python
RUN=${1:-$DEFAULT_RUN}
CONFIG=${2:-$DEFAULT_CONFIG}
NAME=$(basename "$RUN")
O=runs/${PREFIX}_; [ "$NAME" = "$(basename "$DEFAULT_RUN")" ] || O="runs/${PREFIX}_${NAME}_"
W=runs/${NAME}_cal.pt
$P -m model_core calibrate --weights "$RUN/best.pt" --config "$CONFIG" --out $W --overwrite > ${O}calibrate.txt 2>&1
