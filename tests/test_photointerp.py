"""The photo-interpreted reference points and the scoring arithmetic of tools/photointerp.py."""

import json
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import photointerp  # noqa: E402


def test_points_file_is_complete():
    spec = json.load(open(photointerp.POINTS, encoding="utf-8"))
    assert set(spec["sites"]) == {"puc", "naip", "puc2", "puc3"}
    for site in spec["sites"].values():
        assert len(site["points"]) == 50 and len(site["inputs"]) == 2
        assert {p["label"] for p in site["points"]} <= {"c", "u", "?"}
        assert {p["stratum"] for p in site["points"]} == {"any", "none"}
        assert all(p["x"] >= 12 and p["y"] >= 12 for p in site["points"])  # chips fit
    moments = [(site, int(i), k) for site, d in spec["moment_labels"].items() if site != "about"
               for i, k in d.items()]
    assert len(moments) == 20 and all(1 <= k <= 7 for _, _, k in moments)
    assert all(spec["sites"][site]["points"][i]["label"] == "c" for site, i, _ in moments)
    labelled = [p for s in spec["sites"].values() for p in s["points"] if p["label"] != "?"]
    assert len(labelled) == 135 and sum(p["label"] == "c" for p in labelled) == 38


def test_kappa_precision_recall():
    y = np.array([1, 1, 1, 0, 0, 0, 0, 0])
    p = np.array([1, 1, 0, 1, 0, 0, 0, 0])
    k, prec, rec = photointerp.kappa_pr(y, p)
    # po = 6/8, pe = (3*3 + 5*5) / 64
    assert abs(k - (0.75 - 34 / 64) / (1 - 34 / 64)) < 1e-12
    assert abs(prec - 2 / 3) < 1e-12 and abs(rec - 2 / 3) < 1e-12
    assert photointerp.kappa_pr(y, y)[0] == 1.0
