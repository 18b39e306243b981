"""Re-run the commands behind the model card's "At a glance" table and compare every figure with the card.

    python tools/card_check.py [--data ../shared/data] [--out runs/card_check] [--jobs N] [--reuse]
                               [--only COLUMN ...] [--list]

The card (``resources/weights/MODEL_CARD.md``) is the expectation: its at-a-glance table and its
tables (a) and (b) (each marked ``<!-- card_check: JOB SECTION -->``) are read, each figure is mapped
to the command that measured it (the same commands the card lists: ``model_core
evaluate`` on Taizhou and on the held-out semi-synthetic series, ``tools/photointerp.py score`` and
``moment``, ``tools/pucallpa_sample.py``, ``tools/naip_sample.py``, ``model_core.ablation``; the
minimum-error rows through ``tools/candidate_kt.py``), every command runs once (its output kept in
``--out``; ``--reuse`` reads kept outputs instead of running again) and each figure is compared at the
precision the card prints it.  Prints one line per figure (one per row of the tables) and a summary;
exits 1 if any figure differs or could not be measured.  About 30 minutes on 2 cores with ``--jobs 2``.
``--list`` prints the commands and stops; ``--tables`` prints the marked tables' rows as measured (to
paste into the card after new weights) and stops.
"""

import argparse
import os
import re
import subprocess  # nosec B404 - runs this project's own commands with fixed arguments
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CARD = os.path.join(ROOT, "resources", "weights", "MODEL_CARD.md")
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))

# The table's rows (by the start of the method cell; the longer prefixes first) and their keys.
ROWS = [("CAIM-Net (`caimnet_rgbn.pt`)", "caimnet"), ("CAIM-Net, mixed-sources alternative", "caimnet_mixed"),
        ("SChanger", "schanger"),
        ("Classical CVA + Otsu on the network's 4 bands", "cva4"),
        ("Classical CVA, minimum-error", "cva_kt"), ("Classical ISFA, minimum-error", "isfa_kt"),
        ("Classical CVA", "cva"), ("Classical ISFA", "isfa"),
        ("CAIM-Net + CVA", "caimnet_cva"), ("CAIM-Net + ISFA", "caimnet_isfa")]
# The table's figure columns, in order.
COLUMNS = ["taizhou", "photo", "pucallpa_moment", "naip_moment", "pucallpa_sample", "naip_sample",
           "semi_moment", "haze"]
# Method names in the tools' outputs -> row keys ("_kt" is added for the minimum-error runs).
TOOL_NAMES = {"CAIM-Net (bundled)": "caimnet", "CAIM-Net": "caimnet", "SChanger": "schanger",
              "CVA + Otsu": "cva", "Classical CVA": "cva", "Classical ISFA": "isfa",
              "CAIM-Net + CVA (bundled)": "caimnet_cva", "CAIM-Net + CVA": "caimnet_cva",
              "CAIM-Net + ISFA (bundled)": "caimnet_isfa", "CAIM-Net + ISFA (automatic choice)": "caimnet_isfa",
              "Classical CVA, minimum-error threshold": "cva_kt",
              "Classical ISFA, minimum-error threshold": "isfa_kt",
              "CAIM-Net, mixed-sources file": "caimnet_mixed"}
WEIGHTS = {"caimnet": "resources/weights/caimnet_rgbn.pt", "caimnet_cva": "resources/weights/caimnet_rgbn.pt",
           "caimnet_isfa": "resources/weights/caimnet_rgbn.pt", "schanger": "resources/weights/schanger_rgbn.pt",
           "caimnet_mixed": "resources/weights/caimnet_rgbn_mixed_sources.pt"}
# Rows of a shipped alternative file: the CAIM-Net commands with its file (``--weights``; the photo points
# through tools/with_weights.py, where its row is the one named "CAIM-Net (bundled)").
ALTERNATIVES = {"caimnet_mixed": "caimnet"}
# The jobs whose one output scores every method (the tools' tables), by column.  An alternative file gets its
# own run of the first six; the probability-sample tools score the mixed-sources file in their own run (its
# automatic choice's map is their strata), in a row of its own name.
SHARED = ("photo", "moment_abc", "moment_g", "moment_d", "moment_e", "moment_f", "pucallpa_sample", "naip_sample")
SAMPLES = ("pucallpa_sample", "naip_sample")
# Those with a run under tools/candidate_kt.py for the minimum-error rows.
SHARED_KT = ("photo", "moment_abc", "moment_g", "moment_d", "moment_e", "moment_f", "pucallpa_sample")


def _shared(name, key):
    """The job a row ``key`` reads from the shared job ``name``: the alternative file's own run, the
    minimum-error run, or the shared one."""
    if key in ALTERNATIVES and name not in SAMPLES:
        return name + "_" + key
    return name + "_kt" if key.endswith("_kt") and name in SHARED_KT else name
NUM = r"-?\d+(?:\.\d+)?"


# -- the card ----------------------------------------------------------------------------------------
def _rows_of(lines, start, what):
    """(row key, cells without bold marks) of the markdown table rows from ``lines[start]`` on."""
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [c.strip().replace("**", "") for c in line.strip().strip("|").split("|")]
        key = next((k for prefix, k in ROWS if cells[0].startswith(prefix)), None)
        if key is None:
            raise SystemExit("card_check: unknown row in %s: %r" % (what, cells[0]))
        yield key, cells


def card_table(path=CARD):
    """{row key: [cell text per figure column]} from the card's at-a-glance table."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("## At a glance"))
    header = next(i for i in range(start, len(lines)) if lines[i].startswith("| method |"))
    table = {}
    for key, cells in _rows_of(lines, header + 2, "the card's table"):
        if len(cells) != len(COLUMNS) + 1:
            raise SystemExit("card_check: row %r has %d cells, expected %d" % (cells[0], len(cells),
                                                                             len(COLUMNS) + 1))
        table[key] = cells[1:]
    return table


MARKER = re.compile(r"^<!-- card_check: (\w+) (area|moment) -->$")
# The marked tables' rows: (row key, label) in the card's order; pixels, then the figures `evaluate` prints.
TABLE_ROWS = {"semi": [("caimnet_isfa", "CAIM-Net + ISFA (automatic choice, 3+ dates)"),
                       ("caimnet_cva", "CAIM-Net + CVA (automatic choice, 2 dates, until rule Y3)"),
                       ("caimnet", "CAIM-Net (`caimnet_rgbn.pt`)"),
                       ("caimnet_mixed", "CAIM-Net, mixed-sources alternative (`caimnet_rgbn_mixed_sources.pt`)"),
                       ("isfa", "Classical ISFA"),
                       ("cva", "Classical CVA + Otsu (the baseline)"),
                       ("isfa_kt", "Classical ISFA, minimum-error threshold (an option)"),
                       ("cva_kt", "Classical CVA, minimum-error threshold (an option)")]}
TABLE_ROWS["taizhou"] = (TABLE_ROWS["semi"][:4] + [("schanger", "SChanger (2 dates only)")] + TABLE_ROWS["semi"][4:6]
                         + [("cva4", "Classical CVA + Otsu on the network's 4 bands (TM 3, 2, 1, 4)")]
                         + TABLE_ROWS["semi"][6:])


def marked_tables(path=CARD):
    """[(job prefix, section, [(row key, [numbers as text])])] of the card's marked tables."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    tables = []
    for i, line in enumerate(lines):
        m = MARKER.match(line.strip())
        if not m:
            continue
        rows = []
        for key, cells in _rows_of(lines, i + 3, "a marked table"):  # after the marker, header, separator
            text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", " | ".join(cells[1:]))  # 21 390 -> 21390
            rows.append((key, re.findall(NUM, text)))
        tables.append((m.group(1), m.group(2), rows))
    return tables


def card_values(column, text):
    """The figures one card cell states, as (text, value, tolerance); [] for '-' (not measured)."""
    if text.strip() in ("-", ""):
        return []
    if column in ("pucallpa_sample", "naip_sample"):
        found = re.findall(r"(%s) ± %s" % (NUM, NUM), text)[:2]  # producer's, user's
    elif column == "pucallpa_moment":
        found = re.findall(NUM, text)[:3]
    else:
        found = re.findall(NUM, text)[:1]
    return [(v, float(v), 0.5 * 10 ** -(len(v.split(".")[1]) if "." in v else 0) + 1e-9) for v in found]


# -- the commands ------------------------------------------------------------------------------------
def jobs_for(data):
    """{job name: argv} for every command the table's figures come from."""
    py = sys.executable
    kt = [py, "tools/candidate_kt.py"]
    semi = ["--dataset", "semisynthetic", "--samples", "100", "--seed", "2024", "--scene-stats"]
    taizhou = ["--dataset", "taizhou", "--root", os.path.join(data, "taizhou"), "--no-baseline"]
    jobs = {}
    for m in ("caimnet", "schanger", "cva", "isfa", "caimnet_cva", "caimnet_isfa"):
        jobs["taizhou_" + m] = [py, "-m", "model_core", "evaluate"] + taizhou + ["--model", m]
    jobs["taizhou_cva4"] = jobs["taizhou_cva"] + ["--bands", "3,2,1,4"]
    for m in ("caimnet", "cva", "isfa", "caimnet_cva", "caimnet_isfa"):
        jobs["semi_" + m] = [py, "-m", "model_core", "evaluate"] + semi + ["--model", m]
    for m in ("caimnet", "schanger", "cva", "isfa", "caimnet_cva", "caimnet_isfa"):
        weights = [WEIGHTS[m]] if m in WEIGHTS else []
        jobs["haze_" + m] = [py, "-m", "model_core.ablation"] + weights + ["--scene-stats", "--model", m]
    jobs["photo"] = [py, "tools/photointerp.py", "score", "--data", data]
    for s in ("abc", "g", "d", "e", "f"):
        jobs["moment_" + s] = [py, "tools/photointerp.py", "moment", "--set", s, "--data", data]
    jobs["pucallpa_sample"] = [py, "tools/pucallpa_sample.py", "--data", data]
    jobs["naip_sample"] = [py, "tools/naip_sample.py", "--data", data]
    for key, m in ALTERNATIVES.items():
        own = ["--model", m, "--weights", WEIGHTS[key]]
        jobs["taizhou_" + key] = [py, "-m", "model_core", "evaluate"] + taizhou + own
        jobs["semi_" + key] = [py, "-m", "model_core", "evaluate"] + semi + own
        jobs["haze_" + key] = [py, "-m", "model_core.ablation", WEIGHTS[key], "--scene-stats", "--model", m]
        for name in SHARED[:6]:  # the tools that score every method at once, with the file as the bundled one
            jobs[name + "_" + key] = [py, "tools/with_weights.py", WEIGHTS[key]] + jobs[name][1:]
    for m in ("cva", "isfa"):  # the minimum-error rows: the same commands under tools/candidate_kt.py
        jobs["taizhou_%s_kt" % m] = kt + ["model_core", "evaluate"] + taizhou + ["--model", m]
        jobs["semi_%s_kt" % m] = kt + ["model_core", "evaluate"] + semi + ["--model", m]
        jobs["haze_%s_kt" % m] = kt + ["model_core.ablation", "--scene-stats", "--model", m]
    for name in SHARED_KT:
        jobs[name + "_kt"] = kt + jobs[name][1:]
    return jobs


def run_job(name, argv, out, reuse):
    """The job's output text (stdout and stderr), run now or read from ``out`` with ``reuse``."""
    path = os.path.join(out, name + ".txt")
    if reuse and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return f.read()
    # in English whatever the caller's CAIM_LANGUAGE: the figures are read from the tools' own words
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""), CAIM_LANGUAGE="en")
    proc = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,  # nosec B603
                          text=True, check=False)
    text = proc.stdout + ("\n[exit status %d]\n" % proc.returncode if proc.returncode else "")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return text


# -- reading the outputs -----------------------------------------------------------------------------
def _rows(text):
    """(method name, [numbers]) for every line of a tool's table (name, then 2+ spaces, then figures)."""
    for line in text.split("\n"):
        m = re.match(r"^\s*(\S.*?)\s{2,}(-?\d.*)$", line)
        if m and not line.lstrip().startswith(("method", "paired", "Warning")):
            yield m.group(1), [float(v) for v in re.findall(NUM, m.group(2))]


def _blocks(text):
    """{block title: text} of a tool's output split at its blank lines."""
    blocks = {}
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line for line in chunk.strip("\n").split("\n") if not line.startswith("Warning")]
        if lines:
            blocks[lines[0].strip()] = "\n".join(lines[1:])
    return blocks


def _by_method(text, suffix=""):
    out = {}
    for name, nums in _rows(text):
        key = TOOL_NAMES.get(name)
        if key is not None:
            out.setdefault(key if key.endswith("_kt") else key + suffix, nums)
    return out


def _evaluate_row(text, section):
    """The model's row (the first) of an ``evaluate`` table: 'area' or 'moment'."""
    title = "Change area" if section == "area" else "Change moment ("
    part = text[text.index(title):]
    line = part.split("\n")[3]  # title, header, dashes, the model's row
    return [float(v) for v in re.findall(NUM, line.split(")")[-1] if ")" in line else line.split(None, 1)[1])]


def measure(column, key, outputs):
    """The measured figures of one cell, in the card's order; None if the output does not have them."""
    kt = key.endswith("_kt")
    suffix = "_kt" if kt else ""
    base = key[:-3] if kt else key
    try:
        if column == "taizhou":
            return [_evaluate_row(outputs["taizhou_" + key], "area")[-1]]
        if column == "semi_moment":
            row = _evaluate_row(outputs["semi_" + key], "moment")
            return [row[2]]  # pixels, OA, kappa
        if column == "haze":
            text = outputs["haze_" + key]
            label = WEIGHTS.get(base, base)
            rate = next(float(m.group(1)) for m in re.finditer(r"^\s*(%s)\s+(\S+)\s*$" % NUM, text, re.M)
                        if m.group(2) == label)
            return [100.0 * rate]
        row = ALTERNATIVES.get(key, key)  # an alternative file is the tools' "bundled" CAIM-Net row
        if column == "photo":
            blocks = _blocks(outputs[_shared("photo", key)])
            pooled = blocks[next(t for t in blocks if t.startswith("all sites"))]
            return [_by_method(pooled, suffix)[row][0]]
        if column == "pucallpa_moment":
            sums = [0, 0, 0]
            for job, slots in (("moment_abc", {"set A": 0, "set B": 0, "set C": 1}), ("moment_g", {"set G": 2})):
                for title, body in _blocks(outputs[_shared(job, key)]).items():
                    slot = next((v for k, v in slots.items() if title.startswith(k + ":") or
                                 title.startswith(k + ",") or title.startswith(k + " ")), None)
                    if slot is None or "series area" in title:
                        continue
                    sums[slot] += int(_by_method(body, suffix)[row][1])  # exact, within 1, ...
            return sums
        if column == "naip_moment":
            total = 0
            for s in ("d", "e", "f"):
                total += int(_by_method(outputs[_shared("moment_" + s, key)], suffix)[row][1])
            return [total]
        if column in SAMPLES:
            text = outputs[_shared(column, key)]
            nums = _by_method(text, suffix if column == "pucallpa_sample" else "")[key]
            return [nums[7], nums[5]]  # area ± , map ha, overall ±, user's ±, producer's ± -> producer's, user's
    except (KeyError, StopIteration, ValueError, IndexError):
        return None
    return None


def needed_jobs(table, columns):
    """The job names the chosen columns' non-empty cells need."""
    names = set()
    for key, cells in table.items():
        for column, text in zip(COLUMNS, cells):
            if column not in columns or not card_values(column, text):
                continue
            if column == "taizhou":
                names.add("taizhou_" + key)
            elif column == "semi_moment":
                names.add("semi_" + key)
            elif column == "haze":
                names.add("haze_" + key)
            elif column == "pucallpa_moment":
                names.update((_shared("moment_abc", key), _shared("moment_g", key)))
            elif column == "naip_moment":
                names.update(_shared("moment_" + s, key) for s in "def")
            else:  # photo and the probability samples
                names.add(_shared(column, key))
    return names


def _fmt(value, index):
    """A figure of an ``evaluate`` row as the card prints it: the pixel count whole, the rest to 4 decimals."""
    return "{:,}".format(int(value)).replace(",", " ") if index == 0 else "%.4f" % value


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--card", default=CARD, help="the model card to check (default: the bundled one)")
    ap.add_argument("--out", default=os.path.join(ROOT, "runs", "card_check"), help="the commands' outputs")
    ap.add_argument("--jobs", type=int, default=1, help="commands run at once (each uses one or two cores)")
    ap.add_argument("--reuse", action="store_true", help="read the outputs kept in --out instead of running again")
    ap.add_argument("--only", nargs="+", choices=COLUMNS + ["tables"], default=COLUMNS + ["tables"],
                    help="check these columns of the at-a-glance table (or the marked tables) only")
    ap.add_argument("--list", action="store_true", help="print the commands and stop")
    ap.add_argument("--tables", action="store_true", help="print the marked tables' rows as measured and stop")
    args = ap.parse_args(argv)
    if not os.path.isdir(args.data):
        raise SystemExit("card_check: no data folder %s (../shared/data beside the project)" % args.data)
    table = card_table(args.card)
    all_jobs = jobs_for(os.path.abspath(args.data))
    tables = marked_tables(args.card) if "tables" in args.only or args.tables else []
    if args.tables:
        tables = [(job, section, [(key, None) for key, _ in TABLE_ROWS[job]]) for job, section in
                  dict.fromkeys((job, section) for job, section, _ in tables)]
    names = sorted(needed_jobs(table, args.only) | {"%s_%s" % (job, key) for job, _, rows in tables
                                                      for key, _ in rows})
    if args.list:
        for name in names:
            print("%-22s %s" % (name, " ".join(os.path.relpath(a, ROOT) if a == sys.executable else a
                                               for a in all_jobs[name])))
        return 0
    os.makedirs(args.out, exist_ok=True)
    print("card_check: %d commands, outputs in %s" % (len(names), args.out), flush=True)

    def run(name):
        text = run_job(name, all_jobs[name], args.out, args.reuse)
        print("  ran %s" % name, flush=True)
        return name, text

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outputs = dict(pool.map(run, names))

    if args.tables:
        for job, section, rows in tables:
            print("\n<!-- card_check: %s %s -->" % (job, section))
            for key, label in TABLE_ROWS[job]:
                nums = _evaluate_row(outputs["%s_%s" % (job, key)], section)
                print("| %s | %s |" % (label, " | ".join(_fmt(v, i) for i, v in enumerate(nums))))
        return 0

    labels = {k: p for p, k in ROWS}
    checked = bad = 0
    print("\n%-30s %-16s %-22s %-22s %s" % ("method", "column", "card", "measured", ""))
    for key, cells in table.items():
        for column, text in zip(COLUMNS, cells):
            if column not in args.only:
                continue
            expected = card_values(column, text)
            if not expected:
                continue
            got = measure(column, key, outputs)
            ok = got is not None and len(got) == len(expected) and all(
                abs(g - v) <= tol for g, (_, v, tol) in zip(got, expected))
            checked += 1
            bad += not ok
            print("%-30s %-16s %-22s %-22s %s" % (
                labels[key][:30], column, " / ".join(t for t, _, _ in expected),
                "not found" if got is None else " / ".join("%.4g" % g for g in got), "ok" if ok else "DIFFERS"))
    rows_checked = rows_bad = 0
    for job, section, rows in tables:
        for key, expected in rows:
            got = _evaluate_row(outputs["%s_%s" % (job, key)], section) if outputs.get("%s_%s" % (job, key)) else None
            tols = [0.5 * 10 ** -(len(v.split(".")[1]) if "." in v else 0) + 1e-9 for v in expected]
            ok = got is not None and len(got) == len(expected) and all(
                abs(g - float(v)) <= t for g, v, t in zip(got, expected, tols))
            rows_checked += 1
            rows_bad += not ok
            print("%-30s %-16s %s" % (labels[key][:30], "%s %s" % (job, section),
                                      "ok (%d figures)" % len(expected) if ok else "DIFFERS: card %s, measured %s"
                                      % (" ".join(expected), "not found" if got is None else " ".join(
                                          _fmt(v, i) for i, v in enumerate(got)))))
    print("\n%d of %d figures of the card's at-a-glance table reproduced" % (checked - bad, checked))
    if tables:
        print("%d of %d rows of the marked tables (a) and (b) reproduced" % (rows_checked - rows_bad, rows_checked))
    return 1 if bad or rows_bad else 0


if __name__ == "__main__":
    sys.exit(main())
