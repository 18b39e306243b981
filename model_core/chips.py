"""Image chips around a point, for labelling the points of an accuracy-assessment sample.

A chip is a small window of one input date, resampled (nearest neighbour) onto the grid of the map the
sample was drawn from and centred on the point's pixel, so the centre pixel of every date's chip is the
pixel the point stands for, whatever the date's own CRS and resolution.  Three bands are shown as red,
green and blue, each stretched between fixed limits of its date (the 2nd and 98th percentiles of the
whole raster, read decimated), so a chip shows the date as a whole scene shows it rather than
exaggerating the contrast of a dark or uniform window.  No qgis import.
"""

import math

import numpy as np
from osgeo import gdal

from model_core.errors import InputError

gdal.UseExceptions()


def display_bands(rgbn, count, false_colour=False):
    """The three 1-based bands to show as red, green, blue: from the R, G, B, NIR mapping ``rgbn`` (None:
    unknown; a 4-band file is then R, G, B, NIR, as the engine reads it), else bands 1, 2, 3 of a file with
    ``count`` bands (a one- or two-band file: band 1 grey).  ``false_colour``: NIR, red, green (vegetation
    red) when the mapping has a NIR band."""
    if not rgbn and count == 4:
        rgbn = [1, 2, 3, 4]
    if rgbn and len(rgbn) >= 3:
        if false_colour and len(rgbn) >= 4:
            return [rgbn[3], rgbn[0], rgbn[1]]
        return list(rgbn[:3])
    if count >= 3:
        return [1, 2, 3]
    return [1, 1, 1]


def stretch_limits(path, bands, low=2.0, high=98.0, max_side=600):
    """Per band of ``bands`` (1-based) the (lo, hi) ``low``/``high`` percentiles of the raster's valid
    pixels, read decimated to at most ``max_side`` pixels along each side.  Returns a (len(bands), 2) array."""
    ds = _open(path)
    w, h = ds.RasterXSize, ds.RasterYSize
    scale = max(1.0, max(w, h) / float(max_side))
    bw, bh = max(1, int(round(w / scale))), max(1, int(round(h / scale)))
    limits = np.zeros((len(bands), 2), np.float64)
    for i, b in enumerate(bands):
        band = ds.GetRasterBand(b)
        data = band.ReadAsArray(0, 0, w, h, buf_xsize=bw, buf_ysize=bh).astype(np.float64)
        valid = np.isfinite(data)
        nodata = band.GetNoDataValue()
        if nodata is not None:
            valid &= data != nodata
        values = data[valid]
        if values.size == 0:
            limits[i] = (0.0, 1.0)
            continue
        lo, hi = np.percentile(values, [low, high])
        limits[i] = (lo, hi if hi > lo else lo + 1.0)
    ds = None
    return limits


def read_chip(path, bands, x, y, wkt, pixel, size=31, limits=None):
    """The ``size`` x ``size`` window of ``path`` around the map point (``x``, ``y``) in the CRS ``wkt``
    (empty: the raster's own), on a grid of ``pixel`` = (width, height) map units whose centre pixel
    contains the point; ``bands`` (three, 1-based) as red, green, blue.

    Returns (rgb, valid): a (size, size, 3) uint8 array stretched between ``limits`` (from
    :func:`stretch_limits`; None: the chip's own 2-98 %), and a (size, size) bool array, False outside
    the raster and on its nodata (drawn black)."""
    if size < 1 or size % 2 == 0:
        raise ValueError("size must be odd")
    ds = _open(path)
    half = size // 2
    pw, ph = abs(float(pixel[0])), abs(float(pixel[1]))
    bounds = (x - (half + 0.5) * pw, y - (half + 0.5) * ph, x + (half + 0.5) * pw, y + (half + 0.5) * ph)
    nodata = [ds.GetRasterBand(b).GetNoDataValue() for b in bands]
    options = gdal.WarpOptions(format="MEM", outputBounds=bounds, width=size, height=size,
                               dstSRS=wkt or None, resampleAlg="near", dstAlpha=True)
    try:  # the three bands first (a virtual raster, so a band may repeat), then onto the chip's grid
        picked = gdal.Translate("", ds, format="VRT", bandList=list(bands))
        warped = gdal.Warp("", picked, options=options)
    except RuntimeError as exc:
        raise InputError(f"Cannot read a chip of '{path}' around ({x:.2f}, {y:.2f}): {exc}") from None
    data = warped.ReadAsArray().astype(np.float64)  # (4, size, size): the three bands and the alpha
    valid = data[3] > 0
    for i, nd in enumerate(nodata):
        if nd is not None and not (isinstance(nd, float) and math.isnan(nd)):
            valid &= data[i] != nd
        valid &= np.isfinite(data[i])
    warped = picked = ds = None
    if limits is None:
        limits = np.zeros((3, 2))
        for i in range(3):
            v = data[i][valid]
            lo, hi = np.percentile(v, [2, 98]) if v.size else (0.0, 1.0)
            limits[i] = (lo, hi if hi > lo else lo + 1.0)
    limits = np.asarray(limits, np.float64)
    rgb = np.zeros((size, size, 3), np.uint8)
    for i in range(3):
        lo, hi = limits[i]
        scaled = np.clip((data[i] - lo) / (hi - lo), 0.0, 1.0) * 255.0
        rgb[..., i] = np.where(valid, np.nan_to_num(scaled), 0).round().astype(np.uint8)
    return rgb, valid


def _open(path):
    try:
        return gdal.Open(path)
    except RuntimeError as exc:
        raise InputError(f"'{path}' cannot be read by GDAL ({exc}).") from None
