"""The image chips' first click on a long series of large dates, as the pixel inspector and the labelling
panel make it (caim_qgis_plugin.chip_view.ChipReader, offscreen QGIS): the first click (each date's stretch
limits, then its chip), the False colour toggle, a click elsewhere and the toggle back.  Prints figures;
asserts nothing.  ``--panel``: the pixel inspector's first click and a second one instead (InspectDock.inspect, as
the map tool's click: its pixel's values too, read in a thread for a long run), with the main thread's longest block
(between the ticks of a 10 ms timer) until its values and its chips are shown: the first click's stretch is read in
a thread (ChipLoader).

    python tools/bench_chips.py DATA [--dates 30] [--side 4000] [--tiled] [--panel [--activate SECONDS]]

DATA is a folder for the synthetic dates (written once, kept): ``dates`` 4-band uint16 GeoTIFFs of
side x side pixels, nodata 0, written with GDAL's defaults (striped, pixel-interleaved, uncompressed; 128 MB
each at 4000), or ``--tiled``: tiled and deflated, without overviews.  Run it with ``PYTHONPATH=.``.
"""

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def write_dates(folder, dates, side, tiled):
    import numpy as np
    from osgeo import gdal, osr

    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    os.makedirs(folder, exist_ok=True)
    options = ["TILED=YES", "COMPRESS=DEFLATE"] if tiled else []
    rng = np.random.default_rng(0)

    def create(path, bands, dtype):
        ds = gdal.GetDriverByName("GTiff").Create(path, side, side, bands, dtype, options)
        ds.SetGeoTransform((500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0))
        ds.SetProjection(srs.ExportToWkt())
        return ds

    paths = []
    for i in range(dates):
        path = os.path.join(folder, "date%02d_%d%s.tif" % (i, side, "_tiled" if tiled else ""))
        paths.append(path)
        if os.path.exists(path):
            continue
        ds = create(path, 4, gdal.GDT_UInt16)
        for b in range(4):
            band = ds.GetRasterBand(b + 1)
            band.SetNoDataValue(0)
            for y in range(0, side, 500):
                rows = min(500, side - y)
                a = rng.integers(0, 3000, size=(rows, side), dtype=np.uint16) + (300 + 200 * b + 50 * i)
                a[:, :40] = 0  # a nodata margin
                band.WriteArray(a, 0, y)
        ds = None
    moment = os.path.join(folder, "moment_%d.tif" % side)
    if not os.path.exists(moment):
        ds = create(moment, 1, gdal.GDT_Byte)
        ds.GetRasterBand(1).Fill(0)
        ds = None
    return paths, moment


def panel_clicks(app, info, crs, pixels, activate=None):
    """The inspector's clicks at ``pixels`` (column, row): the main thread's longest block, when show_result
    returned and when the chips were shown.  ``activate``: the map tool activated (InspectDock.prepare) this many
    seconds before the first click."""
    from qgis.core import QgsPointXY
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    dock = InspectDock()
    dock.show()
    app.processEvents()
    if activate is not None:
        dock.prepare(info)
        end = time.perf_counter() + activate
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)
    for n, (col, row) in enumerate(pixels):
        point = QgsPointXY(500000.0 + 10.0 * (col + 0.5), 5200000.0 - 10.0 * (row + 0.5))
        loop, ticks, marks = QEventLoop(), [time.perf_counter()], {}

        def tick():
            ticks.append(time.perf_counter())
            if "values" not in marks and dock.last is not None and not dock.last.get("pending"):
                marks["values"] = ticks[-1]
            if "values" in marks and dock.chips.chips or ticks[-1] - ticks[0] > 120:
                loop.quit()

        def click():
            marks["start"] = time.perf_counter()
            if hasattr(dock, "inspect"):
                dock.inspect(info, point, crs)
            else:  # (before the values were read in a thread)
                dock.show_result(inspect_pixel(info, point, crs), point, info, crs)
            marks["returned"] = time.perf_counter()
            if not dock.last.get("pending"):
                marks["values"] = marks["returned"]

        dock.chips.set_message("")
        dock.last = None
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        QTimer.singleShot(20, click)
        loop.exec_()
        timer.stop()
        longest = max(b - a for a, b in zip(ticks, ticks[1:]))
        print(f"{'first' if n == 0 else 'next'} click: the main thread's longest block {longest:.2f} s; "
              f"the click returned after {marks['returned'] - marks['start']:.2f} s, its values shown after "
              f"{marks['values'] - marks['start']:.2f} s, its chips after {ticks[-1] - marks['start']:.2f} s")
    dock.shutdown()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--dates", type=int, default=30)
    ap.add_argument("--side", type=int, default=4000)
    ap.add_argument("--tiled", action="store_true")
    ap.add_argument("--panel", action="store_true")
    ap.add_argument("--activate", type=float, default=None,
                    help="--panel: the map tool activated this many seconds before the first click")
    args = ap.parse_args()
    paths, moment = write_dates(args.data, args.dates, args.side, args.tiled)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsPointXY

    app = QgsApplication([], False)
    QgsApplication.setPrefixPath("/usr", True)
    app.initQgis()
    import caim_qgis_plugin.inspect_tool  # noqa: F401 -- the modules the first click imports, out of its time
    import model_core.bandmap  # noqa: F401
    import model_core.chips  # noqa: F401
    from caim_qgis_plugin.chip_view import ChipReader

    info = {"outputs": {"moment": moment}, "inputs": [{"path": p} for p in paths],
            "dates": [os.path.basename(p) for p in paths]}
    crs = QgsCoordinateReferenceSystem("EPSG:32633")
    reader = ChipReader()

    def click(col, row, false_colour):
        t = time.perf_counter()
        chips, _shown = reader.chips(info, QgsPointXY(500000.0 + 10.0 * (col + 0.5), 5200000.0 - 10.0 * (row + 0.5)),
                                     crs, 31, false_colour, set())
        assert all(image is not None for _t, image, _c in chips)
        return time.perf_counter() - t

    half = args.side // 2
    if args.panel:
        from qgis.core import QgsRasterLayer

        # the run's change moment layer, as in the project the inspector reads it from (QGIS has read a CRS)
        layer = QgsRasterLayer(moment, "moment", "gdal")  # noqa: F841 -- kept while the clicks run
        panel_clicks(app, info, crs, [(half, half), (half // 2, half // 2)], args.activate)
        app.exitQgis()
        return
    first, toggle = click(half, half, False), click(half, half, True)
    other, back = click(half // 2, half // 2, True), click(half // 2, half // 2, False)
    layout = "tiled, deflated" if args.tiled else "striped, uncompressed"
    print(f"{args.dates} dates of {args.side} x {args.side} x 4 uint16 ({layout}): first click {first:.2f} s; "
          f"False colour toggle {toggle:.2f} s; a click elsewhere {other:.2f} s; toggle back {back:.2f} s")
    app.exitQgis()


if __name__ == "__main__":
    main()
