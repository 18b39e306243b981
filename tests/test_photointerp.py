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


def test_method_independent_moment_points_agree_with_their_classes():
    spec = json.load(open(photointerp.POINTS, encoding="utf-8"))
    pts = spec["moment_points_b"]["points"]
    assert len(pts) == 40 and [p["stratum"] for p in pts] == ["one"] * 20 + ["several"] * 20
    assert [i for i, p in enumerate(pts) if p["label"] != "ok"] == [30]
    for p in pts:
        seq = p["classes"]
        assert len(seq) == 8 and set(seq) <= set("WBV")
        changes = [i + 1 for i in range(7) if seq[i] != seq[i + 1]]
        assert p["k"] == changes[-1]
        assert (len(changes) == 1) == (p["stratum"] == "one")


def test_set_c_is_new_and_agrees_with_its_classes():
    """Set C (ninth session): 20 + 20 changed and 16 stable points, at least 10 px from each other and
    from every point of sets A and B, labels consistent with the class sequences."""
    spec = json.load(open(photointerp.POINTS, encoding="utf-8"))
    pts = spec["moment_points_c"]["points"]
    assert [p["stratum"] for p in pts] == ["one"] * 20 + ["several"] * 20 + ["stable"] * 16
    assert [i for i, p in enumerate(pts) if p["label"] != "ok"] == [54, 55]
    for p in pts:
        seq = p["classes"]
        changes = [i + 1 for i in range(7) if seq[i] != seq[i + 1]]
        assert len(seq) == 8 and set(seq) <= set("WBV")
        assert p["k"] == (changes[-1] if changes else 0)
        assert {"one": 1, "several": 2, "stable": 0}[p["stratum"]] == min(len(changes), 2)
    older = [spec["sites"][s]["points"][int(i)] for s, d in spec["moment_labels"].items() if s != "about"
             for i in d] + spec["moment_points_b"]["points"]
    for a in pts:
        assert all(max(abs(a["x"] - b["x"]), abs(a["y"] - b["y"])) >= 10 for b in older + pts if b is not a)


def test_set_d_agrees_with_its_classes_and_one_command_scores_it():
    """Set D (NAIP, ninth session): 15 + 15 + 10 points, labels consistent with the class sequences;
    scored only by ``moment --set d`` (rule Z, written before its first use; also ISFA's rows since G)."""
    spec = json.load(open(photointerp.POINTS, encoding="utf-8"))
    pts = spec["moment_points_d"]["points"]
    assert [p["stratum"] for p in pts] == ["one"] * 15 + ["several"] * 15 + ["stable"] * 10
    assert [i for i, p in enumerate(pts) if p["label"] == "ok"] == [0, 1, 3, 4] + list(range(6, 13)) + list(range(30, 40))
    for p in pts:
        seq = p["classes"]
        changes = [i + 1 for i in range(9) if seq[i] != seq[i + 1]]
        assert len(seq) == 10 and set(seq) <= set("WV") and p["k"] == (changes[-1] if changes else 0)
    source = open(photointerp.__file__, encoding="utf-8").read()
    # shown on strips and avoided by the draws of sets E and F (by name) and I; scored only by moment_naip
    assert source.count("moment_points_d") == 3 and source.count('spec[f"moment_points_{args.set}"]') == 2
    assert photointerp.NAIP_SETS == ("d", "e", "f", "i")
    moment_body = source.split("\ndef moment(args):")[1].split("\ndef ")[0]
    assert 'if args.set in NAIP_SETS:\n        return moment_naip(args, spec)' in moment_body
    assert moment_body.index("return moment_naip") < moment_body.index('spec[f"moment_points_{args.set}"]')


def test_draw_stable_points_take_the_classes_in_turn():
    cls = np.full((4, 60, 60), 3, np.int8)           # vegetation everywhere, never changing
    cls[:, :, :20] = 1                               # a stable lake on the left
    cls[1:, 40:50, 40:50] = 2                        # one change
    valid = np.ones((60, 60), bool)
    pts = photointerp.draw_moment_points(cls, valid, [], per_stratum=1, spacing=4, margin=2, stable=3)
    stable = [p for p in pts if p["stratum"] == "stable"]
    assert [p["classes"] for p in stable] == ["WWWW", "WWWW", "VVVV"] and all(p["k"] == 0 for p in stable)
    assert [p["classes"] for p in pts if p["stratum"] == "one"] == ["VBBB"]


def test_draw_moment_points_on_a_known_cube():
    t, h, w = 5, 60, 60
    cls = np.full((t, h, w), 3, np.int8)            # vegetation everywhere
    cls[2:, 10:20, 10:20] = 1                       # one change, interval 2
    cls[1, 30:40, 30:40] = 1                        # several: water at date 2 only, then sand from date 4
    cls[3:, 30:40, 30:40] = 2
    cls[:, 35, 35] = 0                              # an unclear pixel: its neighbours are not homogeneous
    valid = np.ones((h, w), bool)
    pts = photointerp.draw_moment_points(cls, valid, avoid=[], per_stratum=3, spacing=5, margin=2)
    one = [p for p in pts if p["stratum"] == "one"]
    several = [p for p in pts if p["stratum"] == "several"]
    assert len(one) == 3 and len(several) == 3
    assert all(11 <= p["x"] <= 18 and 11 <= p["y"] <= 18 and p["k"] == 2 and p["classes"] == "VVWWW" for p in one)
    assert all(p["k"] == 3 and p["classes"] == "VWVBB" for p in several)
    assert all(max(abs(p["x"] - 35), abs(p["y"] - 35)) >= 2 for p in several)
    for a in pts:
        for b in pts:
            assert a is b or max(abs(a["x"] - b["x"]), abs(a["y"] - b["y"])) >= 5
    # the same seed draws the same points; a point to avoid keeps its neighbourhood free
    assert photointerp.draw_moment_points(cls, valid, [], 3, spacing=5, margin=2) == pts
    avoid = [{"x": 15, "y": 15}]
    far = photointerp.draw_moment_points(cls, valid, avoid, 3, spacing=5, margin=2)
    assert all(max(abs(p["x"] - 15), abs(p["y"] - 15)) >= 5 for p in far)


def test_moment_row_counts():
    got, truth = [3, 0, 2, 5, 4, 1], [3, 4, 3, 4, 6, 7]
    # exact: 3; within one: 3, 2 (vs 3), 5 (vs 4); unchanged: 0; earlier: 2<3, 4<6, 1<7; later: 5>4
    assert photointerp.moment_row(got, truth) == (1, 3, 1, 3, 1)


def test_cover_classes_thresholds():
    v = np.zeros((1, 4, 1, 4), np.uint8)
    v[0, :, 0, 0] = [20, 50, 30, 0]                 # water
    v[0, :, 0, 1] = [90, 90, 120, 0]                # bright bare (red >= 80 wins)
    v[0, :, 0, 2] = [60, 150, 40, 0]                # vegetation
    v[0, :, 0, 3] = [60, 80, 60, 0]                 # unclear
    assert photointerp.cover_classes(v)[0, 0].tolist() == [1, 2, 3, 0]


def test_cut_to_dates_relabels_from_the_class_sequence():
    pts = [{"classes": "VWBVVVVV", "k": 3, "stratum": "several"},
           {"classes": "VVVVVVVW", "k": 7, "stratum": "one"},
           {"classes": "WWVVVVVV", "k": 2, "stratum": "one"}]
    cut = photointerp.cut_to_dates(pts, 3)
    # first 3 dates: V W B (two changes, last in interval 2); V V V (no change: left out); W W V (one, 2)
    assert [(p["k"], p["stratum"]) for p in cut] == [(2, "several"), (2, "one")]
    assert photointerp.cut_to_dates(pts, 8) == pts and pts[0]["k"] == 3   # the input is not changed


def test_water_classes_use_each_dates_own_threshold():
    """NAIP's radiometry differs between years: water is found against each date's own threshold of the
    water index, so a year whose water is brighter in NIR than another year's land still separates the
    two (the lake grew from 4 to 6 columns)."""
    v = np.random.default_rng(0).normal(0, 12, (2, 4, 10, 10)).astype(np.float32)  # spread within classes
    v[0, 1] += 60
    v[0, 3] += 150                                  # date 1: land G 60, NIR 150
    v[0, 3, :, :4] -= 130                           # water: NIR 20
    v[1, 1] += 120
    v[1, 3] += 260                                  # date 2, a brighter year: land G 120, NIR 260
    v[1, 1, :, :6] += 80
    v[1, 3, :, :6] -= 100                           # water G 200, NIR 160 (brighter than date 1's land)
    cls = photointerp.water_classes(v, np.ones((10, 10), bool))
    # each class is never taken for the other; a few pixels near each date's threshold are left
    # unclear (0) by the margin
    water = [cls[0, :, :4], cls[1, :, :6]]
    land = [cls[0, :, 4:], cls[1, :, 6:]]
    assert all((w != 3).all() and (w == 1).mean() >= 0.85 for w in water)
    assert all((g != 1).all() and (g == 3).mean() >= 0.85 for g in land)


def test_set_e_agrees_with_its_classes():
    """Set E (NAIP, NIR-gated water, ninth session; first scored by candidate G): 15 + 15 + 10 points
    away from set D, labels consistent with the class sequences."""
    spec = json.load(open(photointerp.POINTS, encoding="utf-8"))
    pts = spec["moment_points_e"]["points"]
    assert [p["stratum"] for p in pts] == ["one"] * 15 + ["several"] * 15 + ["stable"] * 10
    assert [i for i, p in enumerate(pts) if p["label"] != "ok"] == [19, 21, 22, 23, 27]
    for p in pts:
        seq = p["classes"]
        changes = [i + 1 for i in range(9) if seq[i] != seq[i + 1]]
        assert len(seq) == 10 and set(seq) <= set("WV") and p["k"] == (changes[-1] if changes else 0)
        assert all(max(abs(p["x"] - q["x"]), abs(p["y"] - q["y"])) >= 15 for q in spec["moment_points_d"]["points"])


def test_sets_f_g_h_and_i_agree_with_their_classes_and_avoid_the_earlier_sets():
    """Sets F (NAIP) and G (Pucallpa), drawn in the tenth session for rule H, H (Pucallpa, fourteenth
    session, rule KT2) and I (NAIP, seventeenth session, first used by rule SCI): labels consistent with
    the class sequences, the usable counts the model card states, and away from every earlier point."""
    spec = json.load(open(photointerp.POINTS, encoding="utf-8"))
    for key, n_dates, classes, spacing, earlier, usable in (
            ("moment_points_f", 10, set("WV"), 15, ("moment_points_d", "moment_points_e"), (14, 3, 10)),
            ("moment_points_g", 8, set("WBV"), 10, ("moment_points_b", "moment_points_c"), (9, 14, 9)),
            ("moment_points_h", 8, set("WBV"), 10, ("moment_points_b", "moment_points_c", "moment_points_g"),
             (0, 6, 10)),
            ("moment_points_i", 10, set("WV"), 15, ("moment_points_d", "moment_points_e", "moment_points_f"),
             (7, 0, 17))):
        pts = spec[key]["points"]
        ok = [p for p in pts if p["label"] == "ok"]
        assert set(p["label"] for p in pts) <= {"ok", "?"}
        assert tuple(sum(p["stratum"] == s for p in ok) for s in ("one", "several", "stable")) == usable
        for p in pts:
            seq = p["classes"]
            changes = [i + 1 for i in range(n_dates - 1) if seq[i] != seq[i + 1]]
            assert len(seq) == n_dates and set(seq) <= classes and p["k"] == (changes[-1] if changes else 0)
            assert p["stratum"] == ("stable" if not changes else "one" if len(changes) == 1 else "several")
            others = [q for k in earlier for q in spec[k]["points"]] + [q for q in pts if q is not p]
            assert all(max(abs(p["x"] - q["x"]), abs(p["y"] - q["y"])) >= spacing for q in others)
