"""Helpers shared by the QGIS tests (a module with a unique name: ``conftest`` is ambiguous when the
test tree has several)."""

import contextlib
import os
import sys

import numpy as np
from osgeo import gdal, osr

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

gdal.UseExceptions()

X0, Y0, PX = 500000.0, 5200000.0, 5.0  # write_raster's default grid (that of make_stack's series)


def centre(row, col):
    """The map point at the centre of pixel (``row``, ``col``) of that grid."""
    from qgis.core import QgsPointXY

    return QgsPointXY(X0 + PX * (col + 0.5), Y0 - PX * (row + 0.5))


def run_info(finished_run):
    """The run record (inputs, dates, outputs) the pixel inspector and the chips read, of the shared
    ``finished_run`` fixture."""
    res = finished_run["results"]
    return {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
            "outputs": {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"],
                        "probabilities": res["PROBABILITIES"]}}

def write_raster(path, array, gt=(500000.0, 5.0, 0.0, 5200000.0, 0.0, -5.0), epsg=32614, nodata=None,
                 driver="GTiff", metadata=None):
    """Write a (bands, h, w) or (h, w) array as a raster."""
    array = np.asarray(array)
    if array.ndim == 2:
        array = array[None]
    dtype = {np.dtype("uint8"): gdal.GDT_Byte, np.dtype("uint16"): gdal.GDT_UInt16,
             np.dtype("int16"): gdal.GDT_Int16, np.dtype("float32"): gdal.GDT_Float32}[array.dtype]
    options = []
    if driver == "GTiff" and array.shape[0] >= 3 and array.dtype == np.uint8:
        # bands are red, green, blue, NIR: without this GDAL marks a 4th byte band as alpha
        options = ["PHOTOMETRIC=RGB", "ALPHA=UNSPECIFIED"]
    ds = gdal.GetDriverByName(driver).Create(path, array.shape[2], array.shape[1], array.shape[0], dtype, options)
    ds.SetGeoTransform(gt)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    if metadata:
        ds.SetMetadata(metadata)
    for b in range(array.shape[0]):
        band = ds.GetRasterBand(b + 1)
        band.WriteArray(array[b])
        if nodata is not None:
            band.SetNoDataValue(nodata)
    ds.FlushCache()
    ds = None
    return path


def make_stack(folder, dates=("2019-05-01", "2020-05-01", "2021-05-01"), size=64, change_at=2, bands=4,
               nodata_block=True, seed=0):
    """A small T-date stack of 4-band uint8 rasters with one obvious change.

    A bright square (rows/cols 16..40) appears at image ``change_at`` (0-based), i.e. between the
    ``change_at``-th and ``change_at+1``-th date; the last date has a 6 x 6 nodata block (value 0) in the
    top-left corner when ``nodata_block``.  Files are named after their dates, given in shuffled order.
    Returns the paths in chronological order.
    """
    rng = np.random.default_rng(seed)
    base = (rng.normal(90, 6, size=(bands, size, size))).clip(1, 254).astype(np.uint8)
    paths = []
    for t, date in enumerate(dates):
        img = base.copy().astype(np.int16) + rng.integers(-3, 4, size=base.shape)
        if t >= change_at:
            img[:, 16:40, 16:40] = 230
        img = img.clip(1, 254).astype(np.uint8)
        if nodata_block and t == len(dates) - 1:
            img[:, :6, :6] = 0
        paths.append(write_raster(os.path.join(folder, "%s.tif" % date.replace("-", "")), img, nodata=0))
    return paths


def read(path, band=1):
    ds = gdal.Open(path)
    arr = ds.GetRasterBand(band).ReadAsArray()
    return arr


def wait_for(condition, timeout=180):
    """Process Qt events until ``condition()`` holds (a background task's end) or ``timeout`` seconds passed;
    returns ``condition()``."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    end = time.time() + timeout
    while not condition() and time.time() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    return condition()


def run_algorithm(params):
    """Run caim:detectchanges through QGIS Processing; returns (results, ok, feedback)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    assert alg is not None, "caim:detectchanges is not registered"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    results, ok = alg.run(params, context, feedback)
    return results, ok, feedback


def run_processing(alg_id, params):
    """(results, ok, feedback) of running the Processing algorithm ``alg_id`` with ``params`` in the project."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    assert alg is not None, alg_id
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    results, ok = alg.run(params, context, feedback)
    return results, ok, feedback


# Qt renders text that looks like HTML as HTML and loads the file an <img src> names (a file named
# <img src="%2Fdev%2Fzero">.tif froze QGIS); the tests name a missing image instead.
HTML_NAME = '<img src="caim-no-such-image.png"> & <b>bold'  # also a file name: no '/'


def shown(text):
    """What a label, tooltip or message box shows for ``text`` (Qt's own test for rich text)."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QTextDocument

    if not Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


@contextlib.contextmanager
def panels_in_a_window(app, height=900):
    """The pixel inspector and the labelling panel docked on the right of a 1280 x ``height`` main window
    (as in QGIS); yields (window, inspector, labelling panel), shown, and takes them down afterwards."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMainWindow, QWidget

    from caim_qgis_plugin.inspect_tool import InspectDock
    from caim_qgis_plugin.label_dock import LabelDock

    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.resize(1280, height)
    inspector = InspectDock(window)
    dock = LabelDock(None, window)
    try:
        window.addDockWidget(Qt.RightDockWidgetArea, inspector)
        window.addDockWidget(Qt.RightDockWidgetArea, dock)
        window.show()
        app.processEvents()
        yield window, inspector, dock
    finally:
        window.hide()
        dock.shutdown()
        window.deleteLater()
        app.processEvents()


class _Watched:
    """A GDAL dataset whose projection reads are written down (:func:`projections_read`)."""

    def __init__(self, ds, seen):
        self._ds, self._seen = ds, seen

    def GetProjection(self):  # noqa: N802
        self._seen.append(self._ds.GetDescription())
        return self._ds.GetProjection()

    def __getattr__(self, name):
        return getattr(self._ds, name)


@contextlib.contextmanager
def projections_read():
    """Yields the list of the files whose projection a dataset of ``gdal.Open`` is asked for meanwhile, in this
    thread (the datasets are wrapped: only for code that hands them to no GDAL function).  (Patching
    gdal.Dataset.GetProjection itself did not always take on Python 3.11 once another test had patched and
    restored it.)"""
    import threading

    seen, original, here = [], gdal.Open, threading.get_ident()

    def watched(*args, **kw):
        ds = original(*args, **kw)
        return _Watched(ds, seen) if ds is not None and threading.get_ident() == here else ds

    gdal.Open = watched
    try:
        yield seen
    finally:
        gdal.Open = original
