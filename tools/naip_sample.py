"""Design-based accuracy on the 10-date NAIP North Dakota series from one probability sample (the model
card's section "A probability sample of the NAIP series (thirteenth session)").

    python tools/naip_sample.py [--data ../shared/data] [--out DIR] [--sheets DIR]

Runs the automatic choice for series (CAIM-Net + ISFA), the classical CVA and ISFA with Otsu's and with
the minimum-error threshold, and the CAIM-Net file alone on the series, with the bundled CAIM-Net file
and with ``caimnet_rgbn_mixed_sources.pt`` (the default when the sample was drawn); re-draws the sample
with the pre-registered design from the strata map, the automatic choice's moment map made with that
earlier file (and says whether it drew the same points as ``tools/naip_sample_labels.json``);
``--sheets DIR`` writes the chip strips the labels were made on (``tools/label_sheets.py --show
4,1,2``) and stops.  Otherwise it writes the stored labels onto the stored points and prints, for each
map, the ``assess --binary`` estimates with the strata map's classes as strata (valid for any map), and
each map's overall accuracy minus the strata map's on the same points.  Prints figures; asserts
nothing.
"""

import argparse
import contextlib
import json
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tools"))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
LABELS = os.path.join(ROOT, "tools", "naip_sample_labels.json")
DESIGN = dict(n=6, n_unchanged=48, seed=20261213)
from pucallpa_sample import STRATA_WEIGHTS as MIXED  # noqa: E402  the file the strata were drawn with

# (title, model, threshold, weights); the first is the strata map (ISFA per pixel: see strata_engine).
METHODS = [("CAIM-Net + ISFA, mixed-sources file (the strata)", "caimnet_isfa", "otsu", MIXED),
           ("CAIM-Net + ISFA (automatic choice)", "caimnet_isfa", "otsu", None),
           ("Classical CVA", "cva", "otsu", None), ("Classical CVA, minimum-error threshold", "cva", "kittler", None),
           ("Classical ISFA", "isfa", "otsu", None), ("Classical ISFA, minimum-error threshold", "isfa", "kittler", None),
           ("CAIM-Net", "caimnet", "otsu", None), ("CAIM-Net, mixed-sources file", "caimnet", "otsu", MIXED)]


def main(argv=None):
    from model_core.accuracy import stratified_sample
    from model_core.predict import detect
    from pucallpa_sample import redraw_and_label, report, strata_engine

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--out", default=None, help="keep the runs and the sample here (default: a temporary folder)")
    ap.add_argument("--sheets", default=None, help="write the chip strips to label here, then stop")
    args = ap.parse_args(argv)
    folder = os.path.join(args.data, "naip-north-dakota")
    paths = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".tif"))
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or tmp
        maps = {}
        for i, (title, model, threshold, weights) in enumerate(METHODS):
            run = os.path.join(out, f"{i}_{model}_{threshold}")
            with open(os.devnull, "w") as null, contextlib.redirect_stdout(null), strata_engine(i == 0):
                detect(paths, out_dir=run, model=model, threshold=threshold, weights=weights, overwrite=True)
            maps[title] = os.path.join(run, "change_moment.tif")
            if args.sheets:
                break  # the strata map is all the sheets need
        strata = maps[METHODS[0][0]]
        if args.sheets:
            import label_sheets

            drawn = os.path.join(out, "sample.gpkg")
            stratified_sample(strata, drawn, overwrite=True, **DESIGN)
            label_sheets.main([drawn, *paths, "--out", args.sheets, "--show", "4,1,2", "--per-sheet", "6"])
            print(f"sample: {drawn}")
            return 0
        with open(LABELS, encoding="utf-8") as f:
            points = json.load(f)["points"]
        labelled = redraw_and_label(strata, out, points, DESIGN, digits=3)
        report([(title, maps[title]) for title, *_ in METHODS], labelled, strata)
    return 0


if __name__ == "__main__":
    sys.exit(main())
