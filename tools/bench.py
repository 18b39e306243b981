"""Benchmarks of the engine (``make bench``): speed, memory, cost model.  Prints figures; asserts nothing.

Each scene runs in its own process, so its peak RSS is that run's alone.  The inputs are synthetic
4-band uint16 GeoTIFFs (one 1024 x 1024 file per date); larger scenes are VRT mosaics of that file,
so a 100-megapixel run needs no 5 GB of test data on disk.

    python tools/bench.py                 # T=6 and T=9 at 1 MP, scaling 0.25 / 1 / 4 MP, T scaling
    python tools/bench.py --big           # also 100 MP (10240 x 10240) at T=6, the RSS flatness check
"""

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess  # nosec B404 -- runs this script itself in child processes
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def matmul_gflops():
    from model_core.predict import matmul_gflops as rate

    return rate(n=2048, repeats=5)


def speeds_line():
    """The machine's speeds the run-time estimate uses (model_core.predict), each measured once: the memory/IO
    probe's time (:func:`~model_core.predict.memory_probe_seconds`, best of five) and the speeds relative to the
    estimate's reference machine it and the 1024^2 matmul give (:func:`~model_core.predict.memory_speed`,
    :func:`~model_core.predict.machine_speed`, :func:`~model_core.predict.network_speed`)."""
    from model_core import predict

    probe = predict.memory_probe_seconds()
    # (memory_speed() would probe again: the same formula on this one probe, cached as the estimate caches it)
    predict._SPEEDS.setdefault("memory", predict.memory_speed_of(probe))
    return (f"memory/IO probe (predict.memory_probe_seconds, best of 5): {probe * 1e3:.1f} ms; speeds of the "
            f"run-time estimate against its reference machine ({predict.REFERENCE_GFLOPS:.0f} GFLOP/s, probe "
            f"{predict.REFERENCE_PROBE_S * 1e3:.0f} ms): compute {predict.machine_speed():.2f}, memory "
            f"{predict.memory_speed():.2f}, networks {predict.network_speed():.2f}")


def model_cost(model="caimnet", t=6, preset=None):
    import torch
    from torch.utils.flop_counter import FlopCounterMode

    from model_core.models import build_model

    m = build_model(model, preset=preset).eval()
    params = sum(p.numel() for p in m.parameters())
    x = torch.randn(1, t, 4, 64, 64)
    with torch.inference_mode(), FlopCounterMode(display=False) as fc:
        m(x)
    flops = fc.get_total_flops()
    # FlopCounterMode does not see the fused CPU LSTM kernel: add it analytically
    # (per step and direction: 4 gates x (input + hidden) x hidden multiply-adds)
    lstm = getattr(m, "temporal", None)
    if isinstance(lstm, torch.nn.LSTM):
        hsz, isz = lstm.hidden_size, lstm.input_size
        dirs = 2 if lstm.bidirectional else 1
        flops += 2 * 4 * (isz + hsz) * hsz * dirs * (t - 1) * 64 * 64
    return params, flops / (64 * 64)


def mosaic_vrt(tile, side, wkt):
    from xml.sax.saxutils import escape

    parts = [f'<VRTDataset rasterXSize="{side}" rasterYSize="{side}"><SRS>{escape(wkt)}</SRS>',
             "<GeoTransform>500000, 10, 0, 5200000, 0, -10</GeoTransform>"]
    for b in range(1, 5):
        parts.append(f'<VRTRasterBand dataType="UInt16" band="{b}">')
        for y in range(0, side, 1024):
            for x in range(0, side, 1024):
                w, h = min(1024, side - x), min(1024, side - y)
                parts.append(f'<SimpleSource><SourceFilename relativeToVRT="0">{escape(tile)}</SourceFilename>'
                             f'<SourceBand>{b}</SourceBand><SrcRect xOff="0" yOff="0" xSize="{w}" ySize="{h}"/>'
                             f'<DstRect xOff="{x}" yOff="{y}" xSize="{w}" ySize="{h}"/></SimpleSource>')
        parts.append("</VRTRasterBand>")
    parts.append("</VRTDataset>")
    return "\n".join(parts)


def make_inputs(folder, t, side):
    from osgeo import gdal, osr

    from model_core.scenario import make_scenario

    gdal.UseExceptions()
    bases = [os.path.join(folder, f"tile_{t}_{i}.tif") for i in range(t)]
    if side == 1024 and all(os.path.exists(b) for b in bases):
        return bases  # made by an earlier row (the scenario takes 15-20 s to draw again)
    images, _, dates = make_scenario(t=t, size=1024, seed=t, n_changes=30)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    paths = []
    for i in range(t):
        base = os.path.join(folder, f"tile_{t}_{i}.tif")
        if not os.path.exists(base):
            ds = gdal.GetDriverByName("GTiff").Create(base, 1024, 1024, 4, gdal.GDT_UInt16,
                                                      options=["TILED=YES", "COMPRESS=DEFLATE"])
            ds.SetProjection(srs.ExportToWkt())
            ds.SetGeoTransform((500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0))
            for b in range(4):
                ds.GetRasterBand(b + 1).WriteArray(images[i, b])
            ds = None
        if side == 1024:
            paths.append(base)
            continue
        # a VRT that repeats the tile (cropped at the edge) to reach side x side pixels
        vrt = os.path.join(folder, f"scene_{side}_{t}_{dates[i]}.vrt")
        with open(vrt, "w") as f:
            f.write(mosaic_vrt(base, side, srs.ExportToWkt()))
        paths.append(vrt)
    return paths


def make_masks(folder, t, side):
    """One 20 m cloud mask per date (the images are 10 m: the masks are warped), 0 clear, 4 cloud, with
    about 10 % of each date clouded in random blocks."""
    import numpy as np
    from osgeo import gdal, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    rng = np.random.default_rng(side + t)
    paths = []
    for i in range(t):
        path = os.path.join(folder, f"mask_{side}_{t}_{i}.tif")
        if not os.path.exists(path):
            n = side // 2
            m = np.zeros((n, n), np.uint8)
            for _ in range(max(1, n * n // 8000)):
                y, x = rng.integers(0, n, 2)
                m[y:y + 28, x:x + 28] = 4
            ds = gdal.GetDriverByName("GTiff").Create(path, n, n, 1, gdal.GDT_Byte, options=["COMPRESS=DEFLATE"])
            ds.SetProjection(srs.ExportToWkt())
            ds.SetGeoTransform((500000.0, 20.0, 0.0, 5200000.0, 0.0, -20.0))
            ds.GetRasterBand(1).WriteArray(m)
            ds = None
        paths.append(path)
    return paths


def make_multi_date(folder, t):
    """The 1024 x 1024 dates of :func:`make_inputs` as one multi-date GeoTIFF (4t bands, date by date,
    tiled, DEFLATE, pixel-interleaved, Earth Engine-style band names), as Earth Engine exports a series."""
    from osgeo import gdal

    path = os.path.join(folder, f"multi_date_{t}.tif")
    if os.path.exists(path):
        return path
    tiles = make_inputs(folder, t, 1024)
    ds = gdal.GetDriverByName("GTiff").Create(path + ".part", 1024, 1024, 4 * t, gdal.GDT_UInt16,
                                              options=["TILED=YES", "COMPRESS=DEFLATE", "INTERLEAVE=PIXEL"])
    first = gdal.Open(tiles[0])
    ds.SetProjection(first.GetProjection())
    ds.SetGeoTransform(first.GetGeoTransform())
    for k, tile in enumerate(tiles):
        src = gdal.Open(tile)
        day = f"2020{k + 1:02d}15"
        for b in range(4):
            band = ds.GetRasterBand(4 * k + b + 1)
            band.WriteArray(src.GetRasterBand(b + 1).ReadAsArray())
            band.SetDescription(f"{day}T101031_{day}T101027_T32TQM_B{b + 1}")
    ds = None
    os.replace(path + ".part", path)
    return path


def child(args):
    import resource

    import importlib

    importlib.import_module("model_core")  # its thread settings before torch is imported, as the command line
    import torch

    from model_core.predict import detect, limit_gdal_cache, tune_allocator

    limit_gdal_cache()  # as the command line does
    tune_allocator()
    torch.set_num_threads(args.threads or os.cpu_count())
    split = None
    out = tempfile.mkdtemp(prefix="bench-out-")  # (in the parent's caim-bench-* folder: run_child's TMPDIR)
    try:
        if args.multi_date:  # one file holding every date: split into in-memory VRTs, as detect does
            from model_core.stacked import Split

            split = Split([make_multi_date(args.data, args.t)])
            paths = split.specs
        else:
            paths = args.inputs.split(os.pathsep) if args.inputs else make_inputs(args.data, args.t, args.side)
        if args.preset and not args.weights:
            # random weights of the requested preset: speed does not depend on the weights' values
            from model_core import weights as W
            from model_core.models import build_model

            args.weights = os.path.join(out, f"random_{args.preset}.pt")
            W.save(args.weights, build_model("caimnet", preset=args.preset))
        t0 = time.perf_counter()
        from model_core.models import default_model, model_class

        model = args.model or ("caimnet" if args.preset or args.weights else default_model(args.t))
        weights = args.weights if getattr(model_class(model), "needs_weights", True) else None  # classical rows
        masks = make_masks(args.data, args.t, args.side) if args.masks else None
        res = detect(paths, out_dir=out, model=model, weights=weights, tile=args.tile, min_patch=args.min_patch,
                     masks=masks, fill_gaps=bool(masks))
        secs = time.perf_counter() - t0
    finally:  # also on an error, Ctrl-C or SIGTERM (it was removed after a run that ended well only)
        if split is not None:
            split.close()
        shutil.rmtree(out, ignore_errors=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"t": args.t, "side": args.side, "seconds": secs, "rss_mb": rss, "timings": res.timings,
                      "device": res.device, "trained": res.trained, "model": res.model}))


def run_child(data, t, side, tile, weights, threads, preset=None, model=None, min_patch=0, masks=False, inputs=None,
              multi_date=False, work=None):
    """One benchmark row in a child process; ``work``: the parent's temporary folder, the child's TMPDIR, so that
    the child's output folder is removed with it even when the child is killed (as subprocess.run kills it when
    the parent is stopped)."""
    cmd = [sys.executable, os.path.abspath(__file__), "--child", "--data", data, "--t", str(t), "--side", str(side),
           "--tile", str(tile), "--min-patch", str(min_patch)] + (["--masks"] if masks else []) + (
           ["--inputs", os.pathsep.join(inputs)] if inputs else []) + (["--multi-date"] if multi_date else [])
    if model:
        cmd += ["--model", model]
    if preset:
        cmd += ["--preset", preset]
    if weights:
        cmd += ["--weights", weights]
    if threads:
        cmd += ["--threads", str(threads)]
    env = dict(os.environ, PYTHONPATH=ROOT, **({"TMPDIR": work} if work else {}))
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=3600)  # nosec B603
    if p.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--data", default=None, help="folder for the synthetic dates and rasters (made once and kept; "
                                                 "default: a temporary one, removed when the benchmark ends)")
    ap.add_argument("--t", type=int, default=6)
    ap.add_argument("--side", type=int, default=1024)
    ap.add_argument("--tile", type=int, default=0)
    ap.add_argument("--weights", default=None)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--big", action="store_true", help="also run 100 MP (10240 x 10240) at T=6")
    ap.add_argument("--preset", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--model", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--min-patch", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--masks", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--inputs", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--multi-date", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    before = signal.signal(signal.SIGTERM, _stop)
    try:
        return child(args) if args.child else bench(args)
    finally:
        signal.signal(signal.SIGTERM, before)


def _stop(signum, _frame):
    """SIGTERM (kill, a CI's timeout) ends the benchmark as Ctrl-C does: through the ``finally`` blocks that remove
    its temporary folders."""
    raise SystemExit(128 + signum)


def bench(args):
    """The benchmark's rows.  Its temporary folder (caim-bench-*: the synthetic dates unless --data names a folder,
    and the children's output folders) is removed when it ends, also on an error, Ctrl-C or SIGTERM; each run left
    it in the temporary directory (the accuracy rows' six 8192 x 8192 four-band dates alone hold 1.6 GB of random
    bytes).  A folder given with --data is kept."""
    work = None
    try:
        work = tempfile.mkdtemp(prefix="caim-bench-")
        args.work = work
        rows(args, args.data or work)
    finally:
        if work:
            shutil.rmtree(work, ignore_errors=True)


def rows(args, data):
    import torch

    print(f"machine   {platform.processor() or platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads, python {platform.python_version()}")
    print(f"fp32 matmul (2048^2, torch.mm): {matmul_gflops():.1f} GFLOP/s")
    print(speeds_line())
    for preset in ("default", "paper"):
        for t in (6, 9):
            params, fpp = model_cost(t=t, preset=preset)
            print(f"caimnet {preset:<8} T={t}: {params / 1e3:.1f} k parameters, {fpp / 1e6:.3f} MFLOP per pixel "
                  f"({fpp * 64 * 64 / 1e9:.2f} GFLOP per 64x64 patch)")
    from model_core.models import default_model

    print("\nrows marked 'paper': CAIM-Net's paper preset (random weights); all others: the automatic choice with "
          f"the bundled weights (currently {default_model(3)} for 3+ dates, {default_model(2)} for 2), or the "
          "model named")
    print(f"{'scene':<30} {'T':>2} {'model':>11} {'seconds':>8} {'kpx/s':>8} {'peak RSS':>9}  (read / model / write s)")
    runs = [(6, 1024, None, None), (6, 1024, None, "caimnet"), (6, 1024, None, "cva"), (6, 1024, None, "isfa"),
            (9, 1024, None, None), (2, 1024, None, None),
            (2, 1024, None, "schanger"),
            (4, 1024, None, None), (6, 512, None, None), (6, 2048, None, None),
            (6, 2048, None, "cva"), (6, 2048, None, "cva", 9), (6, 2048, None, "cva", 0, True),
            (6, 1024, None, None, 9), (6, 1024, None, None, 0, True),
            (6, 1024, None, "isfa", 0, False, True), (6, 1024, None, None, 0, False, True),
            (6, 1024, "paper", None), (9, 1024, "paper", None)]
    if args.big:
        runs.append((6, 10240, None, None))
    for i, (t, side, preset, model, *rest) in enumerate(runs):
        if preset and not any(r[2] for r in runs[:i]):  # the slow paper-preset rows come last
            print("\n(end to end = open, statistics, all tiles, writing compressed GeoTIFFs; device cpu)")
            real_rows(data, args)
            accuracy_rows(data)
            print("\nCAIM-Net's paper preset (random weights; several minutes per row):")
        min_patch = rest[0] if rest else 0
        masks = bool(rest[1]) if len(rest) > 1 else False
        multi_date = bool(rest[2]) if len(rest) > 2 else False
        r = run_child(data, t, side, args.tile, args.weights, args.threads, preset, model, min_patch, masks,
                      multi_date=multi_date, work=args.work)
        tm = r["timings"]
        mp = side * side / 1e6
        label = f"{side} x {side} ({mp:6.2f} MP)" + (" paper" if preset else "") + (
            f" min patch {min_patch}" if min_patch else "") + (" masks+fill" if masks else "") + (
            " one file" if multi_date else "")
        print(f"{label:<30} {t:>2} {r.get('model', '?'):>11} {r['seconds']:8.2f} {side * side / r['seconds'] / 1e3:8.1f} "
              f"{r['rss_mb']:7.0f} MB  ({tm.get('read', 0):.2f} / {tm.get('model', 0):.2f} / {tm.get('write', 0):.2f})",
              flush=True)


def real_rows(data, args):
    """Real scenes of ../shared/data when it is there: their statistics differ from the synthetic
    stack's (ISFA's fit runs many more rounds on real intervals, for one)."""
    shared = os.path.join(os.path.dirname(ROOT), "shared", "data")
    naip = os.path.join(shared, "naip-north-dakota")
    landsat = os.path.join(shared, "landsat-pucallpa")
    scenes = [("NAIP North Dakota", [os.path.join(naip, f"{d}.tif") for d in
                                     ("20090818", "20120731", "20140720", "20160816", "20180716", "20200831")]),
              ("Landsat Pucallpa", [os.path.join(landsat, f"{y}.tif") for y in range(1985, 2021, 5)])]
    scenes = [(name, paths) for name, paths in scenes if all(os.path.exists(p) for p in paths)]
    if not scenes:
        return
    from osgeo import gdal

    print("\nreal scenes of ../shared/data (end to end as above)")
    for name, paths in scenes:
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # TIFF format notes of the Landsat files
        ds = gdal.Open(paths[0])
        gdal.PopErrorHandler()
        w, h = ds.RasterXSize, ds.RasterYSize
        ds = None
        for model in (None, "isfa", "cva"):
            r = run_child(data, len(paths), 0, args.tile, args.weights, args.threads, model=model, inputs=paths,
                          work=args.work)
            tm = r["timings"]
            label = f"{name} {w} x {h}"
            print(f"{label:<30} {len(paths):>2} {r.get('model', '?'):>11} {r['seconds']:8.2f} "
                  f"{w * h / r['seconds'] / 1e3:8.1f} {r['rss_mb']:7.0f} MB  ({tm.get('read', 0):.2f} / "
                  f"{tm.get('model', 0):.2f} / {tm.get('write', 0):.2f})", flush=True)


def accuracy_rows(data, side=8192, t=6):
    """The accuracy tools on a large map, and the labelling panel's reads on large dates: counting a
    side x side moment map, drawing a sample of it, the stretch limits of each of t dates (4 bands, those
    of true and false colour: the labelling panel's and the pixel inspector's one-time cost per run; these
    tiled, deflated dates have no overviews, so a sample of their tiles is read), one point's chips of every
    date, and comparing the map with a reference map on a coarser grid."""
    import resource

    import numpy as np
    from osgeo import gdal, osr

    from model_core.accuracy import read_map, stratified_sample
    from model_core.chips import read_chip, stretch_limits

    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    rng = np.random.default_rng(0)

    def write(path, bands, fill):
        if os.path.exists(path):
            return path
        ds = gdal.GetDriverByName("GTiff").Create(path, side, side, bands, gdal.GDT_Byte,
                                                  ["COMPRESS=DEFLATE", "TILED=YES"])
        ds.SetGeoTransform((500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0))
        ds.SetProjection(srs.ExportToWkt())
        for b in range(bands):
            band = ds.GetRasterBand(b + 1)
            for y in range(0, side, 1024):
                band.WriteArray(fill(min(1024, side - y)), 0, y)
        ds = None
        return path

    moment = write(os.path.join(data, f"moment_{side}.tif"), 1,
                   lambda h: rng.choice(np.arange(t, dtype=np.uint8), size=(h, side), p=[0.9] + [0.1 / (t - 1)] * (t - 1)))
    dates = [write(os.path.join(data, f"date{i}_{side}.tif"), 4,
                   lambda h: rng.integers(20, 230, size=(h, side), dtype=np.uint8)) for i in range(t)]
    print(f"\naccuracy tools and labelling panel on {side} x {side} ({side * side / 1e6:.0f} MP) rasters")
    t0 = time.perf_counter()
    info = read_map(moment)
    t1 = time.perf_counter()
    stratified_sample(moment, os.path.join(data, "bench_sample.gpkg"), n=50, seed=1, overwrite=True, info=info)
    t2 = time.perf_counter()
    limits = [stretch_limits(p, [1, 2, 3, 4]) for p in dates]  # true and false colour's bands, as the panels
    t3 = time.perf_counter()
    for p, lim in zip(dates, limits):
        read_chip(p, [4, 1, 2], 500000.0 + 10.0 * 4000.5, 5200000.0 - 10.0 * 3000.5, srs.ExportToWkt(), (10.0, 10.0),
                  61, lim[[3, 0, 1]])
    t4 = time.perf_counter()
    half = side // 2  # a reference map on a 20 m grid (warped onto the map's 10 m grid by the comparison)
    reference = os.path.join(data, f"reference_{half}.tif")
    if not os.path.exists(reference):
        ds = gdal.GetDriverByName("GTiff").Create(reference, half, half, 1, gdal.GDT_Byte, ["COMPRESS=DEFLATE", "TILED=YES"])
        ds.SetGeoTransform((500000.0, 20.0, 0.0, 5200000.0, 0.0, -20.0))
        ds.SetProjection(srs.ExportToWkt())
        for y in range(0, half, 1024):
            h = min(1024, half - y)
            ds.GetRasterBand(1).WriteArray(rng.choice(np.arange(t, dtype=np.uint8), size=(h, half),
                                                      p=[0.9] + [0.1 / (t - 1)] * (t - 1)), 0, y)
        ds = None
    from model_core.compare import compare

    t5 = time.perf_counter()
    compare(moment, reference)
    t6 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"count the map's classes {t1 - t0:6.2f} s; draw a sample (50 per class, 200 no change) {t2 - t1:6.2f} s")
    print(f"labelling panel and pixel inspector: stretch limits of {t} dates (4 bands) {t3 - t2:6.2f} s (once per "
          f"run), chips of {t} dates "
          f"(61 x 61 px) {t4 - t3:6.3f} s per point")
    print(f"compare the map with a reference map on a 20 m grid (warped onto the map's) {t6 - t5:6.2f} s; "
          f"peak RSS {rss:.0f} MB", flush=True)


if __name__ == "__main__":
    main()
