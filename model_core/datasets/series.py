"""Labelled time series shared by every loader, label derivation, and the generic folder layout.

A :class:`Series` is one ordered stack with its truth:

* ``values`` (T, 4, H, W) float32 in the model's band order R, G, B, NIR;
* ``valid`` (H, W) bool (False where any date is nodata / masked);
* ``moment`` (H, W) uint8: 0 no change, k = last change between image k-1 and image k, 255 unlabelled
  (None when the dataset only knows the change area);
* ``area`` (H, W) uint8: 0 unchanged, 1 changed, 255 unlabelled;
* ``dates`` (list of str), ``name``.

Labels from per-date maps (land-cover classes, building ids) follow CAIM-Net's definition: a pixel
changed in interval k when its map differs between selected dates k-1 and k; its moment is the LAST
such k; a pixel unlabelled at any selected date is unlabelled (255).

Generic layout (``load_generic``)::

    series_folder/
        2019-05-01.tif  2019-08-14.tif  ...   # one GeoTIFF per date, the date in the file name
        moment.tif                            # uint8: 0..T-1, 255 = unlabelled   (and/or)
        area.tif                              # uint8: 0 / 1, 255 = unlabelled

A root folder may hold one such series or several series sub-folders.  Dates are parsed from file
names (YYYY-MM-DD, YYYY_MM_DD, YYYYMMDD, YYYY-MM, YYYY_MM, or YYYY) and the images are ordered by
them.  ``bands`` picks and orders the 1-based input bands into R, G, B, NIR (default 1, 2, 3, 4;
3-band images get their green band repeated as NIR).  Every image must have the grid of the first.
"""

import glob
import os
import re

import numpy as np

IGNORE = 255
LABEL_NAMES = ("moment.tif", "area.tif")

_DATE_PATTERNS = (
    (re.compile(r"(?<!\d)(\d{4})[-_](\d{2})[-_](\d{2})(?!\d)"), 3),
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), 3),
    (re.compile(r"(?<!\d)(\d{4})[-_](\d{2})(?!\d)"), 2),
    (re.compile(r"(?<!\d)(\d{4})(?!\d)"), 1),
)


def parse_date(name):
    """ISO date string (YYYY-MM-DD, YYYY-MM or YYYY) found in a file name, or None."""
    base = os.path.basename(name)
    for pat, n in _DATE_PATTERNS:
        m = pat.search(base)
        if m:
            parts = m.groups()[:n]
            y = int(parts[0])
            if not 1900 <= y <= 2100:
                continue
            if n >= 2 and not 1 <= int(parts[1]) <= 12:
                continue
            if n == 3 and not 1 <= int(parts[2]) <= 31:
                continue
            return "-".join(parts)
    return None


class Series:
    def __init__(self, name, values, valid, moment=None, area=None, dates=None, stats=None):
        self.name = name
        # optional (center, scale) of the scene this series was cut from (semi-synthetic samples);
        # None = normalise the series with its own statistics, as the engine does with a scene
        self.stats = stats
        self.values = np.asarray(values, dtype=np.float32)
        self.valid = np.asarray(valid, dtype=bool)
        self.moment = None if moment is None else np.asarray(moment, dtype=np.uint8)
        if area is None and self.moment is not None:
            area = np.where(self.moment == IGNORE, IGNORE, (self.moment > 0)).astype(np.uint8)
        self.area = None if area is None else np.asarray(area, dtype=np.uint8)
        self.dates = list(dates or [])

    @property
    def t(self):
        return self.values.shape[0]


def moment_from_maps(maps, unlabelled=None):
    """Last-change moment (H, W) uint8 from per-date maps (T, H, W).

    ``unlabelled`` (T, H, W) bool marks pixels without a label at a date; such pixels are 255.
    """
    maps = np.asarray(maps)
    t = maps.shape[0]
    moment = np.zeros(maps.shape[1:], np.uint8)
    for k in range(1, t):
        moment[maps[k] != maps[k - 1]] = k
    if unlabelled is not None:
        moment[np.asarray(unlabelled, bool).any(axis=0)] = IGNORE
    return moment


def select_indices(n, t=None, indices=None):
    """Indices of ``t`` dates spread evenly over ``n`` (first and last included), or ``indices``."""
    if indices is not None:
        idx = [int(i) for i in indices]
        if any(i < 0 or i >= n for i in idx) or len(idx) < 2:
            raise ValueError(f"date indices must be >= 2 values in 0..{n - 1}")
        return idx
    if t is None or t >= n:
        return list(range(n))
    if t < 2:
        raise ValueError("need at least 2 dates")
    return sorted({int(round(i)) for i in np.linspace(0, n - 1, t)})


def read_raster(path, bands=None):
    """(values (C, H, W), nodata mask (H, W) True = nodata) of a raster; ``bands`` 1-based."""
    from osgeo import gdal

    ds = gdal.Open(path)
    if ds is None:
        raise OSError(f"cannot read raster {path}")
    n = ds.RasterCount
    bands = list(bands or range(1, n + 1))
    arrs, nodata = [], np.zeros((ds.RasterYSize, ds.RasterXSize), bool)
    for b in bands:
        band = ds.GetRasterBand(min(b, n))
        a = band.ReadAsArray()
        nd = band.GetNoDataValue()
        if nd is not None:
            nodata |= a == nd
        arrs.append(a)
    return np.stack(arrs), nodata


def to_rgbn(arr, bands=None):
    """Pick and order bands (1-based) into R, G, B, NIR; 3 bands get green as NIR."""
    if bands is not None:
        arr = arr[[b - 1 for b in bands]]
    if arr.shape[0] == 3:
        arr = np.concatenate([arr, arr[1:2]], axis=0)
    if arr.shape[0] != 4:
        raise ValueError(f"need 3 or 4 bands in R, G, B, NIR order, got {arr.shape[0]}")
    return arr.astype(np.float32)


def _series_folders(root):
    def is_series(d):
        return any(parse_date(f) for f in os.listdir(d) if f.lower().endswith((".tif", ".tiff")))

    if is_series(root):
        return [root]
    return sorted(os.path.join(root, d) for d in os.listdir(root)
                  if os.path.isdir(os.path.join(root, d)) and is_series(os.path.join(root, d)))


def load_generic(root, bands=None, t=None, indices=None):
    """Series of the generic layout (see the module docstring)."""
    out = []
    folders = _series_folders(root)
    if not folders:
        raise FileNotFoundError(f"no dated GeoTIFFs found in {root} or its sub-folders")
    for folder in folders:
        files = [f for f in glob.glob(os.path.join(folder, "*.tif*"))
                 if os.path.basename(f).lower() not in LABEL_NAMES and parse_date(f)]
        files.sort(key=lambda f: (parse_date(f), os.path.basename(f)))
        moment_p, area_p = os.path.join(folder, "moment.tif"), os.path.join(folder, "area.tif")
        moment = read_raster(moment_p)[0][0] if os.path.isfile(moment_p) else None
        area = read_raster(area_p)[0][0] if os.path.isfile(area_p) else None
        if moment is None and area is None:
            raise FileNotFoundError(f"{folder}: neither moment.tif nor area.tif found")
        idx = select_indices(len(files), t, indices)
        if moment is not None and len(idx) != len(files):
            raise ValueError(f"{folder}: a moment label fixes the dates; select all {len(files)}")
        vals, valid = [], None
        for i in idx:
            arr, nodata = read_raster(files[i])
            vals.append(to_rgbn(arr, bands))
            valid = ~nodata if valid is None else valid & ~nodata
        if moment is not None:
            moment = moment.astype(np.uint8)
            if moment[moment != IGNORE].max(initial=0) >= len(idx):
                raise ValueError(f"{folder}: moment.tif has values >= T = {len(idx)}")
        out.append(Series(os.path.basename(os.path.normpath(folder)), np.stack(vals), valid,
                          moment, None if area is None else area.astype(np.uint8),
                          [parse_date(files[i]) for i in idx]))
    return out
