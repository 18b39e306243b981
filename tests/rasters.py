"""Test helpers: the project root, small GeoTIFF writers and readers (imported by the tests)."""

import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
SHARED_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))

from osgeo import gdal, osr  # noqa: E402

gdal.UseExceptions()


# Ground square metres per map square metre on a UTM zone's central meridian (scale factor 0.9996): the
# areas of write_tif's default grid (EPSG:32633 from x = 500 000, within a few km of the meridian).
UTM_CM = 1.0 / 0.9996 ** 2


def write_tif(path, array, epsg=32633, origin=(500000.0, 5200000.0), pixel=10.0, nodata=None,
              dtype=None, geo=True, options=("COMPRESS=DEFLATE",), names=None):
    """Write (bands, H, W) or (H, W) ``array`` as a GeoTIFF and return the path; ``names``: one band
    description per band (how many stacks say which band is which)."""
    a = np.asarray(array)
    if a.ndim == 2:
        a = a[None]
    gtype = dtype or {np.dtype("uint8"): gdal.GDT_Byte, np.dtype("uint16"): gdal.GDT_UInt16,
                      np.dtype("int16"): gdal.GDT_Int16, np.dtype("float32"): gdal.GDT_Float32,
                      np.dtype("float64"): gdal.GDT_Float64}[a.dtype]
    ds = gdal.GetDriverByName("GTiff").Create(str(path), a.shape[2], a.shape[1], a.shape[0], gtype,
                                              options=list(options))
    if geo:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
        ds.SetGeoTransform((origin[0], pixel, 0.0, origin[1], 0.0, -pixel))
    for b in range(a.shape[0]):
        band = ds.GetRasterBand(b + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        if names:
            band.SetDescription(names[b])
        band.WriteArray(a[b])
    ds = None
    return str(path)


def read_tif(path, band=1):
    ds = gdal.Open(str(path))
    return ds.GetRasterBand(band).ReadAsArray()


def killed_while_writing(name):
    """Python code that, run before a call in a child process, kills that process on the spot (SIGKILL) once it
    has written the first 40 characters of any file named ``name`` (base name) it opens for writing: a kill -9,
    a crash or a machine switched off while the output is being written."""
    return ("import builtins, os, signal\n"
            "_real_open = builtins.open\n"
            "class _Killing:\n"
            "    def __init__(self, f):\n"
            "        self.f = f\n"
            "    def __getattr__(self, name):\n"
            "        return getattr(self.f, name)\n"
            "    def __enter__(self):\n"
            "        return self\n"
            "    def __exit__(self, *exc):\n"
            "        self.f.close()\n"
            "    def write(self, text):\n"
            "        self.f.write(text[:40])\n"
            "        self.f.flush()\n"
            "        os.kill(os.getpid(), signal.SIGKILL)\n"
            "def _open(path, mode='r', *a, **k):\n"
            "    f = _real_open(path, mode, *a, **k)\n"
            f"    if 'w' in mode and os.path.basename(str(path)) == {name!r}:\n"
            "        return _Killing(f)\n"
            "    return f\n"
            "builtins.open = _open\n")
