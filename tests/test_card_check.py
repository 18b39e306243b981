"""tools/card_check.py reads the model card's tables and the tools' outputs right, and catches a figure
that differs (on stored outputs: the commands themselves take half an hour and run in `make card-check`)."""

import os
import shutil
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import card_check as cc  # noqa: E402

EVALUATE = """Dataset: taizhou (real labels), 1 series, T = [2]
Change area (positive = changed), all labelled pixels pooled:
method                          pixels      OA    prec  recall      F1   kappa
------------------------------------------------------------------------------
caimnet (caimnet_rgbn.pt)        21390  0.9052  0.9234  0.5673  0.7028  0.6502

Change moment (class k = last change between date k and date k+1, 1-based; 0 = no change):
method                          pixels      OA   kappa     mF1   F1[0]   F1[1]
------------------------------------------------------------------------------
caimnet (caimnet_rgbn.pt)        21390  0.9050  0.6400  0.5000  0.9400  0.7028
"""
HAZE = """Warning 1: a GDAL warning
false-change rate on 64 no-change series (T = 2, haze on 100% / misregistration on 100% of dates, semi-synthetic):
   0.2137  cva
   0.0377  resources/weights/caimnet_rgbn.pt
"""
MOMENT_G = """8-date Pucallpa series; label = last interval of a cover-class change

set G (tenth session, new seed): 9 points with one class change
  method                             exact within 1 unchanged earlier later
  CAIM-Net (bundled)                     3        3         6       0     0
  CVA + Otsu                             8        9         0       1     0

set G (tenth session, new seed): 14 points with two or more class changes
  method                             exact within 1 unchanged earlier later
  CAIM-Net (bundled)                     1        4         8       5     0
  CVA + Otsu                             4        9         0      10     0

set G, series area: 23 changed points against 9 stable ones (changed = a moment other than 0)
  method                              kappa precision recall stable called changed
  CAIM-Net (bundled)                  0.266      1.00   0.39              0 of 9
  CVA + Otsu                          0.834      0.92   1.00              2 of 9
"""
SAMPLE = """method                                 changed area ha (± 95 %)    map ha        overall   user changed  producer changed  exact interval
CAIM-Net + ISFA (automatic choice)          63590 ± 23621           29956  0.827 ± 0.113  0.955 ± 0.041    0.450 ± 0.167   0.737 ± 0.115
Classical CVA                               63590 ± 23621           33502  0.798 ± 0.118  0.813 ± 0.238    0.433 ± 0.162   0.709 ± 0.121

paired, same points: overall accuracy (changed / unchanged) minus the automatic choice's
  Classical CVA                      -0.029 ± 0.047
"""


def test_the_bundled_card_is_read_whole():
    """Every row and every figure column of the at-a-glance table is found, the marked tables (a) and (b)
    have every method's row, and every figure has a command."""
    table = cc.card_table()
    assert set(table) == {k for _, k in cc.ROWS} - {"cva4"}
    assert all(len(cells) == len(cc.COLUMNS) for cells in table.values())
    assert cc.card_values("taizhou", table["isfa"][0])[0][:2] == ("0.930", 0.93)
    assert [v for _, v, _ in cc.card_values("pucallpa_moment", table["cva"][2])] == [45, 38, 18]
    assert [v for _, v, _ in cc.card_values("pucallpa_sample", table["caimnet_mixed"][4])] == [0.29, 0.77]
    assert cc.card_values("photo", table["schanger"][2]) == []  # '-': not measured
    figures = sum(len(cc.card_values(c, t)) > 0 for cells in table.values() for c, t in zip(cc.COLUMNS, cells))
    assert figures == 65
    tables = cc.marked_tables()
    assert [(j, s, len(rows)) for j, s, rows in tables] == [("semi", "area", 8), ("semi", "moment", 8),
                                                           ("taizhou", "area", 10)]
    assert tables[0][2][2] == ("caimnet", ["335199", "0.9476", "0.7774", "0.8254", "0.8006", "0.7705"])
    jobs = cc.jobs_for("/data")
    needed = cc.needed_jobs(table, cc.COLUMNS) | {"%s_%s" % (j, k) for j, _, rows in tables for k, _ in rows}
    assert needed <= set(jobs) and len(needed) == 48


def test_outputs_are_read_as_the_card_reports_them():
    outputs = {"taizhou_caimnet": EVALUATE, "semi_caimnet": EVALUATE, "haze_caimnet": HAZE, "haze_cva": HAZE,
               "pucallpa_sample": SAMPLE, "moment_g": MOMENT_G, "moment_abc": ""}
    assert cc.measure("taizhou", "caimnet", outputs) == [0.6502]
    assert cc.measure("semi_moment", "caimnet", outputs) == [0.64]
    assert cc.measure("haze", "caimnet", outputs) == pytest.approx([3.77])
    assert cc.measure("haze", "cva", outputs) == pytest.approx([21.37])
    assert cc.measure("pucallpa_sample", "caimnet_isfa", outputs) == [0.450, 0.955]  # producer's, user's
    assert cc.measure("pucallpa_sample", "cva", outputs) == [0.433, 0.813]  # not the paired row
    assert cc.measure("pucallpa_moment", "cva", outputs) == [0, 0, 18]  # set G: 9 + 9 within one
    assert cc.measure("taizhou", "isfa", outputs) is None  # no output: not measured
    assert cc._evaluate_row(EVALUATE, "moment") == [21390, 0.9050, 0.6400, 0.5000, 0.9400, 0.7028]
    # a shipped alternative file: its photo points come from the with_weights run, where it is "bundled"
    photo = ("site A: 10 labelled points\n  method   kappa\n  CAIM-Net (bundled)   0.100  0.50 0.50\n\n"
             "all sites: 135 labelled points (38 changed)\n  method   kappa  prec recall\n"
             "  CAIM-Net (bundled)                  0.628  0.75   0.71\n  CVA + Otsu   0.570  0.77   0.61\n")
    assert cc.measure("photo", "caimnet_mixed", {"photo_caimnet_mixed": photo, "photo": ""}) == [0.628]
    assert cc.measure("photo", "cva", {"photo": photo}) == [0.570]
    # ... and so are its moment counts (CAIM-Net's row of those runs), never the shared run's; its sample
    # estimates are its own row of the sample tools' one run (whose strata its automatic choice's map is)
    mixed_row = "CAIM-Net, mixed-sources file            63590 ± 23621  12000  0.700 ± 0.100  0.770 ± 0.340    0.290 ± 0.170   0.600 ± 0.100\n"
    runs = {"moment_abc_caimnet_mixed": "", "moment_g_caimnet_mixed": MOMENT_G, "moment_g": "",
            "pucallpa_sample": SAMPLE.replace("Classical CVA  ", mixed_row + "Classical CVA  ", 1)}
    assert cc.measure("pucallpa_moment", "caimnet_mixed", runs) == [0, 0, 3 + 4]
    assert cc.measure("pucallpa_sample", "caimnet_mixed", runs) == [0.290, 0.770]
    assert cc.measure("pucallpa_sample", "caimnet_isfa", runs) == [0.450, 0.955]
    assert "pucallpa_sample_caimnet_mixed" not in cc.jobs_for("/data")
    assert "pucallpa_sample" in cc.needed_jobs({"caimnet_mixed": ["-", "-", "-", "-", "0.29 ± 0.17 / 0.77 ± 0.34",
                                                                  "-", "-", "-"]}, cc.COLUMNS)
    assert cc.measure("pucallpa_moment", "caimnet", runs) is None  # the shared runs are not there
    assert cc._shared("moment_d", "cva_kt") == "moment_d_kt" and cc._shared("naip_sample", "cva_kt") == "naip_sample"


def test_a_figure_that_differs_fails_the_check(tmp_path, capsys):
    """With stored outputs, the card as shipped passes on its Taizhou column and rows; a card whose figure
    was edited by one unit of its last digit fails, naming the method."""
    out = tmp_path / "out"
    out.mkdir()
    for key in ("caimnet", "caimnet_mixed", "schanger", "cva", "isfa", "cva_kt", "isfa_kt", "caimnet_cva", "caimnet_isfa",
                "cva4"):
        kappa = {"caimnet": 0.7819, "caimnet_mixed": 0.6502, "schanger": 0.6932, "cva": 0.9019, "isfa": 0.9296, "cva_kt": 0.9271,
                 "isfa_kt": 0.9239, "caimnet_cva": 0.8786, "caimnet_isfa": 0.9151, "cva4": 0.8292}[key]
        (out / ("taizhou_%s.txt" % key)).write_text(EVALUATE.replace("0.6502", "%.4f" % kappa))
    card = tmp_path / "card.md"
    shutil.copy(cc.CARD, card)
    args = ["--card", str(card), "--out", str(out), "--reuse", "--only", "taizhou", "--data", str(tmp_path)]
    assert cc.main(args) == 0
    assert "9 of 9 figures" in capsys.readouterr().out
    text = card.read_text(encoding="utf-8")
    row = "| Classical ISFA (3 x 3 context since rule SCI; noise floor since rule NF-O; automatic choice, 2 dates, since rule Y3) | **0.930**"
    assert row in text   # else the edit below would change nothing and the check could not fail
    card.write_text(text.replace(row, row.replace("0.930", "0.931")), encoding="utf-8")
    assert cc.main(args) == 1
    printed = capsys.readouterr().out
    assert "8 of 9 figures" in printed and "DIFFERS" in printed.split("Classical ISFA ")[1].split("\n")[0]


def test_the_commands_run_in_english_whatever_the_caller_s_language(tmp_path, monkeypatch):
    """The figures are read from the tools' English output (the Dataset: line, the notes around the tables), so the
    commands run with CAIM_LANGUAGE=en even when the caller has asked for German."""
    monkeypatch.setenv("CAIM_LANGUAGE", "de")
    argv = [sys.executable, "-c", "from model_core.i18n import language; print(language())"]
    assert cc.run_job("language", argv, str(tmp_path), reuse=False).strip() == "en"
