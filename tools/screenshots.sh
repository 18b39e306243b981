#!/bin/bash
# Remakes the README's screenshots (resources/screenshots/qgis_result.png and dialog.png) in the real QGIS
# desktop under xvfb: the plugin staged from this working tree in a throwaway profile and home folder, the
# Landsat series near Pucallpa from ../shared/data run with the dialog's defaults (the automatic choice, on the
# CPU) but the bands, 3,4,4,2,1 for its files' SWIR1, NIR, red, green (SHOTS_BANDS=... for others), the dialog
# after the run, the main window with the pixel inspector on a changed pixel.  Driven by
# tools/screenshots.py; the PNGs are reduced to 256 colours so each stays small.
# The dialog shows its output folder, which is in QGIS's home: QGIS runs in a mount namespace of its own
# (unshare; as root or in a user namespace) where its home, /home/analyst, is the temporary folder's
# (tools/throwaway_home.sh): the dialog shows /home/analyst/CAIM results/run-..., and the run writes only in the
# temporary folder, never in a real home.  Where no namespace can be made, the home is the temporary folder's
# path and the dialog shows it (the script says so).
#   tools/screenshots.sh [OUT_DIR]        (default: resources/screenshots; DATA=... for another series folder)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/resources/screenshots}")
DATA=$(realpath -m "${DATA:-$ROOT/../shared/data/landsat-pucallpa}")
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY=/usr/bin/python3
if [ ! -f "$DATA/2020.tif" ]; then
  echo "The Landsat series near Pucallpa is not at $DATA (../shared/data/landsat-pucallpa beside the project);" \
       "set DATA to its folder." >&2
  exit 1
fi
for tool in xvfb-run qgis; do
  command -v $tool >/dev/null || { echo "$tool is not installed: run 'make setup' first." >&2; exit 1; }
done
mkdir -p "$OUT"
T=$(mktemp -d /tmp/caim-screenshots.XXXXXX)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/home/analyst" "$T/xdg" "$T/shots"
chmod 700 "$T/home/analyst" "$T/xdg"
"$PY" "$ROOT/tools/package.py" --stage "$T/plugins" --profiles "$T/profiles" >/dev/null
PURELIB=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
NS=()
for ns in "unshare -m" "unshare -r -m"; do  # root; a user (a user namespace)
  if $ns "$ROOT/tools/throwaway_home.sh" "$T" test -w /home/analyst 2>/dev/null; then
    NS=($ns "$ROOT/tools/throwaway_home.sh" "$T"); SHOT_HOME=/home/analyst; break
  fi
done
if [ ${#NS[@]} = 0 ]; then
  SHOT_HOME="$T/home/analyst"
  echo "No mount namespace (unshare) here: the dialog's screenshot shows the temporary home $SHOT_HOME." >&2
fi
rc=0
${NS[@]+"${NS[@]}"} env -u QT_QPA_PLATFORM HOME="$SHOT_HOME" XDG_RUNTIME_DIR="$T/xdg" QGIS_PLUGINPATH="$T/plugins" \
  PYTHONPATH="$PURELIB" SHOTS_OUT="$T/shots" SHOTS_DATA="$DATA" MALLOC_MMAP_MAX_=0 \
  timeout 1500 xvfb-run -a -s "-screen 0 1600x1000x24" qgis --nologo --noversioncheck \
  --profiles-path "$T/profiles" --code "$ROOT/tools/screenshots.py" >"$T/qgis.log" 2>&1 || rc=$?
# QGIS writes statistics beside the imagery it showed: not ours to leave there
find "$DATA" -name "*.aux.xml" -newer "$T/plugins" -delete
if [ ! -f "$T/shots/report.json" ] || grep -q '"error"' "$T/shots/report.json" || [ ! -f "$T/shots/qgis_result.png" ]; then
  echo "QGIS did not make the screenshots (exit $rc):" >&2
  cat "$T/shots/report.json" 2>/dev/null >&2 || tail -n 30 "$T/qgis.log" >&2
  exit 1
fi
for name in qgis_result dialog; do
  "$PY" - "$T/shots/$name.png" "$OUT/$name.png" <<'PYEOF'
import os, sys
from PIL import Image
src, dst = sys.argv[1:]
image = Image.open(src).convert("RGB")
image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(dst, optimize=True)
print("%s: %d x %d, %d KB" % (dst, image.width, image.height, os.path.getsize(dst) // 1024))
PYEOF
done
"$PY" -c 'import json, sys; r = json.load(open(sys.argv[1])); print(
  "run: %.0f s; %s\nmessage bar: the plugin'"'"'s %s; QGIS'"'"'s %s; in qgis_result.png %s %s; font %s" % (
  r["seconds"], r["status"], r.get("message_bar"), r.get("message_bar_others"), r.get("message_bar_shown"),
  r.get("message_bar_size"), r.get("font")))' "$T/shots/report.json"
