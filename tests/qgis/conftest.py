"""Fixtures for the QGIS tests: a real QgsApplication (offscreen, throwaway HOME) and small GeoTIFF
stacks with known change written with GDAL."""

import os
import stat
import sys
import tempfile

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

qgis_core = pytest.importorskip("qgis.core", reason="PyQGIS is not installed")
from osgeo import gdal, osr  # noqa: E402

gdal.UseExceptions()

_APP = None


def _private_dir(prefix):
    path = tempfile.mkdtemp(prefix=prefix)
    os.chmod(path, stat.S_IRWXU)
    return path


def qgis_env():
    """Environment for a headless QGIS with a throwaway profile (also used for subprocesses)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


@pytest.fixture(scope="session")
def qgis_app():
    """One QgsApplication for the session, with the caim provider registered."""
    global _APP
    if _APP is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["HOME"] = _private_dir("caim-home-")
        os.environ["XDG_RUNTIME_DIR"] = _private_dir("caim-xdg-")
        from qgis.core import QgsApplication

        app = QgsApplication([], True, _private_dir("caim-profile-"))
        QgsApplication.setPrefixPath("/usr", True)
        app.initQgis()
        from caim_qgis_plugin.provider import CaimProvider

        provider = CaimProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        _APP = (app, provider)
    yield _APP[0]


@pytest.fixture
def project(qgis_app):
    from qgis.core import QgsProject

    QgsProject.instance().clear()
    yield QgsProject.instance()
    QgsProject.instance().clear()


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


@pytest.fixture
def stack(tmp_path):
    folder = tmp_path / "stack"
    folder.mkdir()
    return make_stack(str(folder))


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


@pytest.fixture(scope="session")
def finished_run(qgis_app, tmp_path_factory):
    """One real run (3 dates, 64 x 64, probabilities and polygons) shared by the style/inspect tests."""
    folder = str(tmp_path_factory.mktemp("run"))
    paths = make_stack(folder)
    out = os.path.join(folder, "out")
    params = dict(INPUT=paths, DEVICE="CPU", TILE_SIZE=64,
                  AREA=os.path.join(out, "change_area.tif"), MOMENT=os.path.join(out, "change_moment.tif"),
                  CONFIDENCE=os.path.join(out, "confidence.tif"),
                  PROBABILITIES=os.path.join(out, "moment_probability.tif"),
                  POLYGONS=os.path.join(out, "change_polygons.gpkg"))
    results, ok, feedback = run_algorithm(params)
    assert ok, feedback.textLog()
    return {"inputs": paths, "results": results, "dates": ["2019-05-01", "2020-05-01", "2021-05-01"]}
