"""Measure the constants of the run-time estimate (``model_core.predict.estimate_run``) and check it.

The estimate printed before a run is a sum of stage costs, each a count of work times a constant in
seconds on the reference machine, divided by this machine's speed on that kind of work, measured just
before the run with one of two yardsticks (cached for the process):

* memory (:func:`model_core.predict.memory_speed`): a short probe of per-pixel work (elementwise numpy
  over 4 MB, a median, a DEFLATE GeoTIFF written to and read from GDAL's memory file system; best of 5),
  whose time on the reference is ``REFERENCE_PROBE_S``.  Every term below but the networks' model;
* compute (:func:`model_core.predict.machine_speed`): a 1024^2 fp32 matrix multiply with torch's threads,
  ``REFERENCE_GFLOPS`` on the reference.  The networks' model term (``SECONDS_PER_MP_INTERVAL`` of the
  networks, ``model_core.models.needs_network``) only, divided by the geometric mean of both speeds (``network_speed``).

The terms:

* a fixed cost and one per file opened (``RUN_FIXED_S``, ``OPEN_S``);
* the scene statistics: reading the decimated sample (at most a million pixels per date) and its
  robust centre and scale per date and band (``SAMPLE_S`` per sample value), plus, when the sample is
  decimated, reading every block of the files once (``READ_S`` per pixel, band and date);
* the method's fit on the sample: the CVA's medians of every interval's differences and its stable-scene
  probe (``CVA_FIT_S`` per sample value and interval), ISFA's iterative fit (``ISFA_FIT_S`` per fitted
  pixel and interval, at most ``FIT_PIXELS`` pixels; its rounds, up to 30, are counted and printed);
* the tiles: reading (``READ_S`` per pixel, band and date read, margins included), the model
  (``SECONDS_PER_MP_INTERVAL``) and writing the outputs (``WRITE_S`` per pixel).

How they were measured (``python tools/estimate_constants.py measure``): every stage of real
``detect`` runs is timed by wrapping it (Stack opening, ``Stack.statistics``, the model's
``fit_scene``; the tiles' read / model / write from the run's own timings), on synthetic 4-band uint16
GeoTIFF series (8 dates of 768 x 768, 36 of 384 x 384, 2 of 2048 x 2048) and the real NAIP (10 dates) and
Landsat (8 dates) series of ../shared/data; both yardsticks are measured just before each run, and each
stage's seconds times its yardstick's speed / its count of work gives the constant at the reference speed
(the fixed cost includes the yardsticks' own time, which a run of the command line spends inside the run).
Each run is repeated (``--repeats``) and the median constant over runs and scenes printed.  ISFA's
rounds are counted on the same runs (the fit stops when the weights settle, at most 30 rounds).

To refit: run ``measure`` (``--repeats 3``, on a machine as idle as you can get; a loaded machine slows the
runs more than the probe, whose best of 5 runs in the gaps), copy the printed medians into
``model_core/predict.py`` and ``check``.  They are seconds on the machine that ``REFERENCE_PROBE_S`` and
``REFERENCE_GFLOPS`` describe: change those two figures only together with the constants.
The memory constants were refit so in the thirty-sixth session, on this project's 2-core machine, whose probe
took 0.015 s when idle (``REFERENCE_PROBE_S``), under the load of other sessions (1-7).

``python tools/estimate_constants.py probabilities`` measures the write of ``moment_probability.tif`` per value
(pixel x band) of each of its types (``PROBABILITY_WRITE_S``): runs of CVA and ISFA with ``--probabilities`` of
each type on NAIP (6 and 10 dates) and a synthetic 6 x 2048^2 series, the encoding and the writes of its rows timed.

``python tools/estimate_constants.py coregister`` measures co-registration (``detect --coregister``) per window
pixel, offset searched and later date (``COREGISTER_S``): ``Stack.coregister`` timed on NAIP (10 dates), Landsat
Pucallpa (8) and a synthetic 6 x 2048^2 series.

``python tools/estimate_constants.py check`` runs ``python -m model_core detect`` (CVA, ISFA and the
automatic choice, under ``nice``) on the same scenes and prints the estimate it printed against the
"Time" it reported (medians of ``--repeats`` runs).
"""

import argparse
import glob
import json
import os
import re
import shutil
import signal
import statistics
import subprocess  # nosec B404 -- runs the engine's command line
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")


def make_series(folder, t, side):
    """t synthetic 4-band uint16 dates of side x side (tiled, DEFLATE), made once."""
    import numpy as np
    from osgeo import gdal, osr

    gdal.UseExceptions()
    paths = [os.path.join(folder, f"s{side}_t{t}_{2000 + i}0615.tif") for i in range(t)]
    if all(os.path.exists(p) for p in paths):
        return paths
    rng = np.random.default_rng(t * side)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    base = rng.integers(200, 3000, (4, side // 16 + 1, side // 16 + 1)).repeat(16, 1).repeat(16, 2)[:, :side, :side]
    for i, p in enumerate(paths):
        img = base.copy()
        for _ in range(5):  # a few changed squares per date
            y, x = rng.integers(0, side - 64, 2)
            img[:, y:y + 64, x:x + 64] = rng.integers(200, 3000, (4, 1, 1))
        img = (img + rng.normal(0, 30, img.shape)).clip(1, 65535).astype(np.uint16)
        ds = gdal.GetDriverByName("GTiff").Create(p, side, side, 4, gdal.GDT_UInt16,
                                                  options=["TILED=YES", "COMPRESS=DEFLATE"])
        ds.SetProjection(srs.ExportToWkt())
        ds.SetGeoTransform((500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0))
        for b in range(4):
            ds.GetRasterBand(b + 1).WriteArray(img[b])
        ds = None
        base = img
    return paths


def scenes(folder):
    out = {"synthetic 8 x 768^2": make_series(folder, 8, 768), "synthetic 36 x 384^2": make_series(folder, 36, 384),
           "synthetic 2 x 2048^2": make_series(folder, 2, 2048)}
    for name, pattern in (("NAIP North Dakota", "naip-north-dakota/*.tif"), ("Landsat Pucallpa", "landsat-pucallpa/*.tif")):
        found = sorted(glob.glob(os.path.join(SHARED, pattern)))
        if found:
            out[name] = found
    return out


def measure_one(paths, model):
    """One in-process detect run, its stages timed: returns (speed, counts and seconds per stage)."""
    from model_core import predict, stack as S
    from model_core.models import model_class

    times = {"open": 0.0, "statistics": 0.0, "fit": 0.0}
    info = {}
    orig_init, orig_stats = S.Stack.__init__, S.Stack.statistics

    def init(self, *a, **k):
        t = time.perf_counter()
        orig_init(self, *a, **k)
        times["open"] += time.perf_counter() - t
        info["stack"] = self

    def stats(self, *a, **k):
        t = time.perf_counter()
        r = orig_stats(self, *a, **k)
        times["statistics"] += time.perf_counter() - t
        return r

    cls = model_class(model)
    part = None
    fits = []
    orig_fit = getattr(cls, "fit_scene", None)

    def fit(self, *a, **k):
        t = time.perf_counter()
        r = orig_fit(self, *a, **k)
        times["fit"] += time.perf_counter() - t
        fits.append(self)
        return r

    orig_plan = predict.plan_tiles

    def plan(*a, **k):
        tiles = orig_plan(*a, **k)
        info["window_px"] = sum(w[6] * w[7] for w in tiles)
        return tiles

    S.Stack.__init__, S.Stack.statistics, predict.plan_tiles = init, stats, plan
    if orig_fit is not None:
        cls.fit_scene = fit
    predict._SPEEDS.clear()
    t = time.perf_counter()
    speed = {"compute": predict.machine_speed(), "memory": predict.memory_speed()}
    times["probes"] = time.perf_counter() - t  # run inside a run of the command line, before its estimate
    out = tempfile.mkdtemp(prefix="estimate-")
    try:
        res = predict.detect(paths, out_dir=out, model=model)
    finally:
        S.Stack.__init__, S.Stack.statistics, predict.plan_tiles = orig_init, orig_stats, orig_plan
        if orig_fit is not None:
            cls.fit_scene = orig_fit
        subprocess.run(["rm", "-rf", out], check=False)  # nosec B603 B607
    st = info["stack"]
    net = fits[0] if fits else None
    part = getattr(net, "part", net)
    rounds = list(getattr(part, "rounds", []) or [])
    return speed, res, times, st, rounds, info["window_px"]


def measure(args):
    from model_core import predict
    from model_core.models import needs_network
    from model_core.models.isfa import FIT_PIXELS

    folder = args.data
    os.makedirs(folder, exist_ok=True)
    k = {name: [] for name in ("fixed", "fixed_network", "open", "sample", "read", "write", "cva_fit", "isfa_fit")}
    model_rate = {}
    rounds_seen = []
    for name, paths in scenes(folder).items():
        for model in ("cva", "isfa", "caimnet_cva" if len(paths) == 2 else "caimnet_isfa"):
            for _ in range(args.repeats):
                speeds, res, tm, st, rounds, window_px = measure_one(paths, model)
                speed = speeds["memory"]  # every term but the networks' model: per-pixel work
                g = st.grid
                t, c, px = len(paths), st.band_count, g.width * g.height
                step = st.sample_step
                sample = (g.width // step) * (g.height // step)
                files = len(set(paths))
                tmg = res.timings
                k["open"].append(tm["open"] * speed / files)
                k["sample"].append(tm["statistics"] * speed / (sample * t * c))
                k["read"].append(tmg["read"] * speed / (window_px * t * c))
                k["write"].append(tmg["write"] * speed / px)
                model_speed = (speeds["compute"] * speed) ** 0.5 if needs_network(model) else speed
                model_rate.setdefault(model, []).append(tmg["model"] * model_speed / (window_px / 1e6 * (t - 1)))
                fit = tm["fit"]
                if model.startswith("caimnet"):
                    pass
                elif model == "cva":
                    k["cva_fit"].append(fit * speed / (sample * (t - 1) * c))
                else:
                    n = min(sample, FIT_PIXELS)
                    rounds_seen.extend(rounds)
                    k["isfa_fit"].append(fit * speed / (n * (t - 1) * c / 4.0))
                rest = tm["probes"] + res.seconds - tm["open"] - tm["statistics"] - tm["fit"] - sum(tmg[x] for x in ("read", "model", "write"))
                k["fixed_network" if model.startswith("caimnet") else "fixed"].append(max(rest, 0.0) * speed)
                print(json.dumps({"scene": name, "model": model, "speed": {a: round(b, 3) for a, b in speeds.items()}, "seconds": round(res.seconds, 2),
                                  "open": round(tm["open"], 3), "statistics": round(tm["statistics"], 3),
                                  "fit": round(tm["fit"], 3), "timings": {a: round(b, 3) for a, b in tmg.items()},
                                  "rounds": rounds, "sample_step": step,
                                  "window_px": window_px, "probes": round(tm["probes"], 3)}), flush=True)
    print("\nconstants at the reference speed (medians over runs and scenes):")
    for name, values in k.items():
        print(f"  {name:<11} {statistics.median(values):.3g}   (runs: {min(values):.3g} .. {max(values):.3g})")
    for model, values in model_rate.items():
        print(f"  model {model:<5} {statistics.median(values):.3g} s per megapixel and interval")
    print(f"  ISFA rounds per interval: median {statistics.median(rounds_seen):g}, mean {statistics.mean(rounds_seen):.1f}, "
          f"max {max(rounds_seen)}")
    print(f"  (REFERENCE_GFLOPS {predict.REFERENCE_GFLOPS:g}, REFERENCE_PROBE_S {predict.REFERENCE_PROBE_S:g})")


def measure_probabilities(args):
    """The write cost of moment_probability.tif per value (pixel x band) of each type, at the reference speed:
    every run of a scene writes it once per type (``PROBABILITY_TYPES``); the time of its writes is the
    encoding (``encode_probabilities``) and the writes and flushes of its rows (``_BlockRows`` of the multi-band
    dataset), timed by wrapping them; the run's own ``timings["write"]`` is printed beside it (all the maps)."""
    import numpy as np

    from model_core import predict

    folder = args.data
    os.makedirs(folder, exist_ok=True)
    naip = sorted(glob.glob(os.path.join(SHARED, "naip-north-dakota", "*.tif")))
    chosen = {"NAIP 6 dates": naip[:6], "NAIP 10 dates": naip,
              "synthetic 6 x 2048^2": make_series(folder, 6, 2048)}
    spent = {"seconds": 0.0}
    orig_write, orig_commit, orig_encode = predict._BlockRows.write, predict._BlockRows.commit, predict.encode_probabilities

    def timed(fn, rows=True):
        """``fn`` with its time added to spent; ``rows``: a _BlockRows method, timed for the multi-band dataset only
        (the probabilities are the only multi-band output)."""
        def wrapper(*a, **k):
            if rows and len(a[0].bands) < 2:
                return fn(*a, **k)
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent["seconds"] += time.perf_counter() - t
        return wrapper

    from osgeo import gdal

    per_value = {}
    predict._BlockRows.write, predict._BlockRows.commit = timed(orig_write), timed(orig_commit)
    predict.encode_probabilities = timed(orig_encode, rows=False)
    try:
        for name, paths in chosen.items():
            if not paths or (args.skip and any(word in name for word in args.skip.split(","))):
                continue
            ds = gdal.Open(paths[0])
            values = ds.RasterXSize * ds.RasterYSize * len(paths)  # pixels x T bands (one per moment class)
            ds = None
            for model in (args.models or "cva,isfa").split(","):
                for _repeat in range(args.repeats):
                    for kind in predict.PROBABILITY_TYPES:
                        predict._SPEEDS.clear()
                        speed = predict.memory_speed()
                        out = tempfile.mkdtemp(prefix="estimate-")
                        spent["seconds"] = 0.0
                        try:
                            res = predict.detect(paths, out_dir=out, model=model, probabilities=True,
                                                 probabilities_type=kind)
                            size = os.path.getsize(os.path.join(out, predict.OUTPUT_NAMES["probabilities"]))
                        finally:
                            subprocess.run(["rm", "-rf", out], check=False)  # nosec B603 B607
                        per_value.setdefault(kind, []).append(spent["seconds"] * speed / values)
                        print(json.dumps({"scene": name, "model": model, "ran": res.model, "type": kind, "speed": round(speed, 3),
                                          "probabilities_s": round(spent["seconds"], 3),
                                          "write_s": round(res.timings["write"], 3), "seconds": round(res.seconds, 2),
                                          "MB": round(size / 1e6, 2), "load": round(os.getloadavg()[0], 1)}), flush=True)
    finally:
        predict._BlockRows.write, predict._BlockRows.commit = orig_write, orig_commit
        predict.encode_probabilities = orig_encode
    print("\nthe probabilities' write per value (pixel x band) at the reference speed (medians over runs and scenes):")
    base = statistics.median(per_value["float32"])
    for kind, values in per_value.items():
        m = statistics.median(values)
        ratios = [v / f for v, f in zip(values, per_value["float32"])]
        print(f"  {kind:<8} {m:.3g} s   (runs: {min(values):.3g} .. {max(values):.3g}); x WRITE_S {m / predict.WRITE_S:.2f}, "
              f"x float32 {m / base:.2f} (run by run {min(ratios):.2f} .. {max(ratios):.2f}, median "
              f"{float(np.median(ratios)):.2f})")


def measure_coregister(args):
    """The cost of co-registration (``Stack.coregister``: a central window of at most ``WINDOW`` px a side read from
    every date, on a large grid 4 more of ``CHECK_WINDOW`` px for the check across the scene, each later date's
    edges correlated with the reference's at every offset of the search) per window pixel, offset and later date, at the reference speed (``COREGISTER_S``): timed on opened stacks of NAIP (10
    dates), Landsat Pucallpa (8) and a synthetic 6 x 2048^2 series, the memory speed measured just before."""
    from model_core import coregister as cr, predict
    from model_core.stack import Stack

    folder = args.data
    os.makedirs(folder, exist_ok=True)
    chosen = {"NAIP 10 dates": sorted(glob.glob(os.path.join(SHARED, "naip-north-dakota", "*.tif"))),
              "Landsat Pucallpa 8 dates": sorted(glob.glob(os.path.join(SHARED, "landsat-pucallpa", "*.tif"))),
              "synthetic 6 x 2048^2": make_series(folder, 6, 2048)}
    offsets = (2 * cr.MAX_SHIFT + 1) ** 2
    per = []
    for name, paths in chosen.items():
        if not paths or (args.skip and any(word in name for word in args.skip.split(","))):
            continue
        for _repeat in range(args.repeats):
            predict._SPEEDS.clear()
            speed = predict.memory_speed()
            stack = Stack(paths, bands=[3, 2, 1, 4] if "Landsat" in name else None)
            try:
                g = stack.grid
                # the central window, and on a grid of 2 x 2 windows the check's 4 more (coregister.check_windows)
                window = min(g.width, cr.WINDOW) * min(g.height, cr.WINDOW) + sum(
                    w * h for _p, (_x, _y, w, h) in cr.check_windows(g.width, g.height))
                t = time.perf_counter()
                stack.coregister()
                took = time.perf_counter() - t
            finally:
                stack.close()
            per.append(took * speed / ((len(paths) - 1) * offsets * window))
            print(json.dumps({"scene": name, "grid": [g.width, g.height], "dates": len(paths), "window_px": window,
                              "speed": round(speed, 3), "coregister_s": round(took, 3), "constant": float(f"{per[-1]:.3g}"),
                              "load": round(os.getloadavg()[0], 1)}), flush=True)
    print(f"\nCOREGISTER_S (per window pixel, offset and later date, at the reference speed): median "
          f"{statistics.median(per):.3g} (runs: {min(per):.3g} .. {max(per):.3g})")


def seconds_of(text):
    m = re.search(r"about ([\d.]+) (s|min|h)\b", text)
    return float(m.group(1)) * {"s": 1, "min": 60, "h": 3600}[m.group(2)]


def check(args):
    folder = args.data
    os.makedirs(folder, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=ROOT, MALLOC_MMAP_MAX_="0")
    print(f"{'scene':<24} {'method':<6} {'estimate':>8} {'measured':>8} {'ratio':>6}  runs")
    for name, paths in scenes(folder).items():
        if args.skip and any(word in name for word in args.skip.split(",")):
            continue
        for model in (args.models or "cva,isfa,auto").split(","):
            est, took = [], []
            for _ in range(args.repeats):
                out = tempfile.mkdtemp(prefix="estimate-")
                try:
                    p = subprocess.run(["nice", "-n", "10", sys.executable, "-m", "model_core", "detect", *paths,  # nosec B603 B607
                                        "--out", out, "--model", model, "--quiet"], capture_output=True, text=True,
                                       env=env, cwd=ROOT)
                finally:
                    shutil.rmtree(out, ignore_errors=True)
                e = re.search(r"Estimate  (.*)", p.stderr)
                t = re.search(r"Time\s+([\d.]+) s", p.stdout)
                if not (e and t):
                    raise SystemExit(f"{name} {model}: no estimate or time\n{p.stdout}\n{p.stderr}")
                est.append(seconds_of(e.group(1)))
                took.append(float(t.group(1)))
            e, m = statistics.median(est), statistics.median(took)
            print(f"{name:<24} {model:<6} {e:8.0f} {m:8.1f} {m / e:6.2f}  estimates {est}, measured {took}, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)


def _stop(signum, _frame):
    """SIGTERM (kill, a CI's timeout) ends the tool as Ctrl-C does: through the ``finally`` that removes its folders."""
    raise SystemExit(128 + signum)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["measure", "check", "probabilities", "coregister"])
    ap.add_argument("--data", help="folder for the synthetic series (made once and kept; default: a temporary one, removed when the tool ends)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--models", help="check and probabilities: the methods to run (default cva,isfa,auto; "
                                     "probabilities: cva,isfa)")
    ap.add_argument("--skip", default="", help="check and probabilities: leave out the scenes whose names hold one of "
                                               "these words")
    args = ap.parse_args(argv)
    # the synthetic series go into a temporary folder unless --data names one: removed when the tool ends, also on
    # Ctrl-C, SIGTERM or an error (each run left an estimate-data-* folder of up to 300 MB in /tmp)
    made = None
    if not args.data:
        args.data = made = tempfile.mkdtemp(prefix="estimate-data-")
    before = signal.signal(signal.SIGTERM, _stop)
    try:
        run(args)
    finally:
        signal.signal(signal.SIGTERM, before)
        if made:
            shutil.rmtree(made, ignore_errors=True)


def run(args):
    if args.what in ("measure", "probabilities", "coregister"):
        import importlib

        importlib.import_module("model_core")  # its thread settings before torch is imported, as the command line
        from model_core.predict import limit_gdal_cache, tune_allocator

        limit_gdal_cache()
        tune_allocator()
        if args.what == "measure":
            measure(args)
        elif args.what == "coregister":
            measure_coregister(args)
        else:
            measure_probabilities(args)
    else:
        check(args)


if __name__ == "__main__":
    main()
