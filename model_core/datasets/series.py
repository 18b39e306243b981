"""Labelled time series shared by every loader, label derivation, and the generic folder layout.

A :class:`Series` is one ordered stack with its truth:

* ``values`` (T, 4, H, W) float32 in the model's band order R, G, B, NIR;
* ``valid`` (H, W) bool (False where any date is nodata / masked);
* ``moment`` (H, W) uint8: 0 no change, k = last change between image k-1 and image k, 255 unlabelled
  (None when the dataset only knows the change area);
* ``area`` (H, W) uint8: 0 unchanged, 1 changed, 255 unlabelled;
* ``dates`` (list of str), ``name``.

A :class:`LazySeries` stands for one until it is used (``load()``), for datasets of thousands of tiles.

Labels from per-date maps (land-cover classes, building ids) follow CAIM-Net's definition: a pixel
changed in interval k when its map differs between selected dates k-1 and k; its moment is the LAST
such k; a pixel unlabelled at any selected date is unlabelled (255).

Generic layout (``load_generic``)::

    series_folder/
        2019-05-01.tif  2019-08-14.tif  ...   # one GeoTIFF per date, the date in the file name
        moment.tif                            # uint8: 0..T-1, 255 = unlabelled   (and/or)
        area.tif                              # uint8: 0 / 1, 255 = unlabelled

A root folder may hold one such series or several series sub-folders.  Dates are parsed from file
names as the engine reads them (YYYY-MM-DD, also with _ or ., YYYYMMDD, Landsat and MODIS product names,
YYYY-MM, YYYY; :func:`model_core.stack.parse_date`) and the images are ordered by
them (an image with no date in its name, or with another's date, is refused; GDAL's sidecars are not
images).  With both labels, a pixel unlabelled in either is unlabelled in both, and they must agree
(``area`` 1 exactly where ``moment`` > 0).  ``bands`` picks and orders the 1-based input bands into R, G, B, NIR (default 1, 2, 3, 4;
3-band images get their green band repeated as NIR, and then so do the 4-band images of the same series,
as the engine reads such a series; without ``bands`` an R, G, B + alpha image is read so too, its alpha a mask).
Every image and label must have the size of the
first image.  Image values are read in the units their bands' scale and offset say; NaN counts as
nodata.  A label's nodata value (other than 0) marks unlabelled pixels, e.g. a "don't care" class; an
``area.tif`` holding only 0 and 255 is a 0/255 mask (as LEVIR-CD, WHU-CD and SYSU-CD ship them):
255 is changed there, unless 255 is its nodata value.
"""

import errno
import glob
import os

import numpy as np

from model_core.i18n import N_, _, translated

IGNORE = 255
LABEL_NAMES = ("moment.tif", "area.tif")

def parse_date(name):
    """ISO date string (YYYY-MM-DD, YYYY-MM or YYYY) found in a file name, or None: the engine's reading of
    names (:func:`model_core.stack.parse_date`), so that a folder trains and evaluates on the dates detect
    reads from the same files (this loader read only YYYY-MM-DD, YYYY_MM_DD, YYYYMMDD, YYYY-MM, YYYY_MM and
    YYYY: a Landsat scene ID had no date here, 2019.05.01 only its year)."""
    from model_core.stack import parse_date as engine_parse_date

    return engine_parse_date(os.path.basename(name))


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


class LazySeries:
    """A :class:`Series` read from disk only when used, for datasets of thousands of tiles: ``name`` and
    ``t`` are known up front, :meth:`load` reads the series (nothing is kept, so a consumer that drops
    each loaded series keeps memory bounded).  ``has_moment``: whether the loaded series has moment
    labels (with two dates the moment is the area)."""

    history = None

    def __init__(self, name, t, load, has_moment=True):
        self.name, self.t, self._load, self.has_moment = name, int(t), load, has_moment

    def load(self):
        return self._load()


def loaded(series):
    """``series`` itself, or the :class:`Series` a :class:`LazySeries` reads."""
    return series.load() if isinstance(series, LazySeries) else series


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
            raise ValueError(_("date indices must be >= 2 values in 0..{last}").format(last=n - 1))
        return idx
    if t is None or t >= n:
        return list(range(n))
    if t < 2:
        raise ValueError(_("need at least 2 dates"))
    return sorted({int(round(i)) for i in np.linspace(0, n - 1, t)})


def open_raster(path, what=None):
    """The GDAL dataset of ``path``, or OSError saying which file cannot be read and why: a folder where an image
    or a label was expected (GDAL's "not recognized as a supported file format" came as a traceback when
    another module had turned GDAL's exceptions on, as :mod:`model_core.stack` does), a file the user may not
    read, one GDAL cannot read.  ``what``: the message's text for an unreadable file ({path} in it), default
    "cannot read raster {path}"."""
    from osgeo import gdal

    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    if os.path.exists(path) and not os.access(path, os.R_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:  # GDAL with exceptions enabled
        raise OSError(_("cannot read raster {path}: {exc}").format(path=path, exc=exc)) from None
    if ds is None:
        raise OSError((what or _("cannot read raster {path}")).format(path=path))
    return ds


def read_raster(path, bands=None, scaled=False):
    """(values (C, H, W), nodata mask (H, W) True = nodata) of a raster; ``bands`` 1-based.  NaN and
    infinite values are nodata (and 0 in the values); ``scaled``: float32 values in the units the bands'
    scale and offset say."""
    from osgeo import gdal

    from model_core.stack import nodata_pixels

    ds = open_raster(path)
    n = ds.RasterCount
    bands = list(bands or range(1, n + 1))
    arrs, nodata = [], np.zeros((ds.RasterYSize, ds.RasterXSize), bool)
    chosen = [ds.GetRasterBand(min(b, n)) for b in bands]
    raw = [band.ReadAsArray() for band in chosen]
    hit = nodata_pixels(raw, [band.GetNoDataValue() for band in chosen],  # as the engine reads a date
                        [band.DataType == gdal.GDT_Byte for band in chosen])
    if hit is not None:
        nodata |= hit
    for band, a in zip(chosen, raw):
        if a.dtype.kind == "f" and not np.isfinite(a).all():  # NaN / inf: nodata (0 in the values)
            nodata |= ~np.isfinite(a)
            a = np.where(np.isfinite(a), a, 0).astype(a.dtype)
        if scaled:
            a = a.astype(np.float32) * np.float32(band.GetScale() or 1.0) + np.float32(band.GetOffset() or 0.0)
        arrs.append(a)
    return np.stack(arrs), nodata


def to_rgbn(arr, bands=None):
    """Pick and order bands (1-based) into R, G, B, NIR; 3 bands get green as NIR."""
    if bands is not None:
        arr = arr[[b - 1 for b in bands]]
    if arr.shape[0] == 3:
        arr = np.concatenate([arr, arr[1:2]], axis=0)
    if arr.shape[0] != 4:
        raise ValueError(_("need 3 or 4 bands in R, G, B, NIR order, got {n}").format(n=arr.shape[0]))
    return arr.astype(np.float32)


# where a band mapping is given to the loaders: evaluate's option, a training config's key (train has no --bands)
MAPPING_WHERE = N_("--bands of evaluate, \"bands\" in a training config's \"data\", a list such as [4, 3, 2, 8]")


def _asks_for_others(path, n, bands):
    """The refusal of a band mapping that names bands ``path`` (of ``n`` bands) does not have."""
    return _("{path} has {n} band(s); the band mapping {mapping} asks for others ({where}).").format(
        path=path, n=n, mapping=",".join(map(str, bands)), where=translated(MAPPING_WHERE))


def check_band_count(path, n, bands):
    """Refuse, naming ``path``, a band selection outside its ``n`` bands or one that is not 3 or 4 bands."""
    if bands and not all(1 <= int(b) <= n for b in bands):
        raise ValueError(_asks_for_others(path, n, bands))
    if len(bands or range(n)) not in (3, 4):
        raise ValueError(_("{path} has {n} band(s); a network reads 3 or 4 as R, G, B, NIR: pick them with a band "
                           "mapping ({where}): 4,3,2,8 for Sentinel-2, say, or 1,1,1,1 for a single band (a "
                           "classical --model cva or isfa reads every band).").format(
            path=path, n=n, where=translated(MAPPING_WHERE)))


def _series_folders(root):
    def is_series(d):
        return any(parse_date(f) for f in os.listdir(d) if f.lower().endswith((".tif", ".tiff")))

    if is_series(root):
        return [root]
    return sorted(os.path.join(root, d) for d in os.listdir(root)
                  if os.path.isdir(os.path.join(root, d)) and is_series(os.path.join(root, d)))


def _read_label(path, classes):
    """A generic-layout label as uint8, 255 = unlabelled (see the module docstring): ``area.tif``
    (``classes`` = 2) or ``moment.tif`` (``classes`` = T).  Raises ValueError naming the file when a
    value is no label."""
    ds = open_raster(path)
    band = ds.GetRasterBand(1)
    raw = band.ReadAsArray()
    nd = band.GetNoDataValue()
    unlabelled = raw == nd if nd is not None and nd != 0 else np.zeros(raw.shape, bool)
    if raw.dtype.kind == "f":
        unlabelled |= np.isnan(raw)
    lab = raw.astype(np.float64)
    values = np.unique(lab[~unlabelled])
    if classes == 2 and IGNORE in values and set(values.tolist()) <= {0, IGNORE}:
        lab[lab == IGNORE] = 1  # a 0/255 change mask
    lab[unlabelled] = IGNORE
    ok = (lab == IGNORE) | ((lab >= 0) & (lab < classes) & (lab == np.round(lab)))
    if not ok.all():
        bad = ", ".join(f"{v:g}" for v in np.unique(lab[~ok])[:5])
        name = os.path.basename(path)
        what = (_("0 unchanged, 1 changed (or a 0/255 change mask)") if classes == 2 else
                _("0 no change to {last} (the {n} dates' intervals)").format(last=classes - 1, n=classes))
        raise ValueError(_("{path}: value(s) {values} are not labels; {name} holds {what} and 255 unlabelled. Mark a "
                           "'don't care' value as the file's nodata (e.g. gdal_edit.py -a_nodata {first} {name}) or "
                           "recode it to 255.").format(path=path, values=bad, name=name, what=what,
                                                       first=bad.split(",")[0]))
    return lab.astype(np.uint8)


def _georef(path):
    """(geotransform, CRS as an osr object or None) of a raster, or None without georeferencing (OSError when it
    cannot be read: :func:`open_raster`)."""
    from osgeo import osr

    ds = open_raster(path)
    gt = ds.GetGeoTransform(can_return_null=True)
    if gt is None:
        return None
    wkt = ds.GetProjection()
    srs = None
    if wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(wkt)
    return gt, srs


def check_same_grid(path, ref_path, ref=None):
    """Raise ValueError when ``path`` and ``ref_path`` (same size) both carry georeferencing and it
    differs: another CRS, or the origin or pixel size off by more than a tenth of a pixel (a label or a
    date shifted against the others would train and score on the wrong pixels).  ``ref``: ``ref_path``'s
    :func:`_georef`, when already read.  Returns ``ref``."""
    ref = _georef(ref_path) if ref is None else ref
    mine = _georef(path)
    if ref is None or mine is None:
        return ref
    from model_core.stack import geotransforms_differ

    (g0, s0), (g1, s1) = ref, mine
    name, other = os.path.basename(path), os.path.basename(ref_path)
    if s0 is not None and s1 is not None and not s0.IsSame(s1):
        raise ValueError(_("{path} is in another CRS than {other}: every image and label of a series needs one grid "
                           "(reproject it, e.g. gdalwarp -t_srs with the other's CRS and -te/-tr).").format(
            path=path, other=other))
    differ, off = geotransforms_differ(g0, g1)
    if differ:
        raise ValueError(_("{path} is on another grid than {other} (its origin is {off:.1f} pixels away, or its pixel "
                           "size differs): {name} must cover exactly the pixels of the series' images (align it, e.g. "
                           "gdalwarp -te XMIN YMIN XMAX YMAX -tr XRES YRES).").format(
            path=path, other=other, off=off, name=name))
    return ref


def _true_alpha(path):
    """The 1-based index of ``path``'s last band when it is a true alpha band (flagged alpha, only 0 and one
    other value: :func:`model_core.stack.is_true_alpha`), else None.  Without a band mapping the engine reads
    such an image's other bands and masks where the alpha is 0; the loader read the alpha as a data band (as
    NIR, constant 255, in an R, G, B, alpha image)."""
    from model_core.stack import is_true_alpha

    ds = open_raster(path)
    if ds.RasterCount < 2:
        return None
    return ds.RasterCount if is_true_alpha(ds.GetRasterBand(ds.RasterCount)) else None


def _dated_images(folder):
    """The series folder's images (GeoTIFFs other than the labels), ordered by the dates in their names.
    Raises ValueError for an image whose name holds no date or repeats another's: it would be dropped, or
    take a place, and shift every interval of the moment label.  GDAL's sidecars (``.aux.xml``, ``.ovr``,
    which QGIS writes next to an image) are not images."""
    files = sorted(f for f in glob.glob(os.path.join(folder, "*"))
                   if f.lower().endswith((".tif", ".tiff")) and os.path.basename(f).lower() not in LABEL_NAMES)
    undated = [os.path.basename(f) for f in files if not parse_date(f)]
    if undated:
        raise ValueError(_("{folder}: '{name}' has no date in its name, so its place in the series is unknown (the "
                           "images' order and the moment label's intervals follow the dates in the names). Name it by "
                           "its acquisition date, e.g. 2019-05-01.tif, or move it out of the folder.").format(
            folder=folder, name=undated[0]))
    from model_core.stack import _LOOSE_DATE

    for f in files:  # 01-05-2019: a day and month that were not read would order the image by its year alone
        loose = _LOOSE_DATE.search(os.path.basename(f)) if len(parse_date(f)) == 4 else None
        if loose:
            raise ValueError(_("{folder}: only the year ({year}) was read from '{name}': the day and month of '{date}' "
                               "are not read from names (day first, or single digits), so the image's place in the "
                               "series is unknown. Name the images year first, e.g. 2019-05-01.tif or "
                               "20190501.tif.").format(folder=folder, year=parse_date(f), name=os.path.basename(f),
                                                       date=loose.group(0)))
    files.sort(key=lambda f: (parse_date(f), os.path.basename(f)))
    for a, b in zip(files, files[1:]):
        if parse_date(a) == parse_date(b):
            raise ValueError(_("{folder}: '{first}' and '{second}' have the same date ({date}): a series holds one image "
                               "per date, and the moment label counts the intervals between them. Keep one of the two "
                               "in the folder.").format(folder=folder, first=os.path.basename(a),
                                                         second=os.path.basename(b), date=parse_date(a)))
    return files


def _agreeing_labels(folder, moment, area):
    """``moment`` and ``area`` of one series made to agree: a pixel unlabelled (255) in either is unlabelled
    in both (an area label's "don't care" was ignored beside a moment label).  Raises ValueError where both
    are labelled and say different things (changed in one, unchanged in the other)."""
    unlabelled = (moment == IGNORE) | (area == IGNORE)
    differ = ~unlabelled & ((moment > 0) != (area == 1))
    if differ.any():
        only_m = int((differ & (moment > 0)).sum())
        raise ValueError(_("{folder}: moment.tif and area.tif disagree at {n} labelled pixel(s) ({in_moment} changed in "
                           "moment.tif only, {in_area} in area.tif only): area.tif must be 1 exactly where moment.tif "
                           "is above 0. Fix one of them, or keep only moment.tif (the area follows from it).").format(
            folder=folder, n=int(differ.sum()), in_moment=only_m, in_area=int(differ.sum()) - only_m))
    return (np.where(unlabelled, IGNORE, moment).astype(np.uint8),
            np.where(unlabelled, IGNORE, area).astype(np.uint8))


def load_generic(root, bands=None, t=None, indices=None, as_read=False):
    """Series of the generic layout (see the module docstring); ``as_read``: every band (or ``bands``) as
    it is, in any number, as the engine gives them to a classical method (else R, G, B, NIR)."""
    out = []
    folders = _series_folders(root)
    if not folders:
        raise FileNotFoundError(_("no dated GeoTIFFs found in {root} or its sub-folders (the generic layout: a folder "
                                  "per series with one GeoTIFF per date, the date in its name, e.g. 2019-05-01.tif, "
                                  "and area.tif and/or moment.tif)").format(root=root))
    for folder in folders:
        files = _dated_images(folder)
        if len(files) < 2:
            raise ValueError(_("{folder}: {n} dated image(s); a series needs at least 2 (one GeoTIFF per date, the date "
                               "in its name).").format(folder=folder, n=len(files)))
        moment_p, area_p = os.path.join(folder, "moment.tif"), os.path.join(folder, "area.tif")
        for label in (moment_p, area_p):
            if os.path.isdir(label):  # "neither moment.tif nor area.tif found" beside the folder of that name
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), label)
        if not os.path.isfile(moment_p) and not os.path.isfile(area_p):
            raise FileNotFoundError(_("{folder}: neither moment.tif nor area.tif found").format(folder=folder))
        idx = select_indices(len(files), t, indices)
        if os.path.isfile(moment_p) and len(idx) != len(files):
            raise ValueError(_("{folder}: moment.tif labels the intervals between all {n} dates, so the series is read "
                               "whole, but {asked} dates were asked for (t: data.t in a training config, --t of "
                               "evaluate). Leave t out, or use area.tif alone.").format(
                folder=folder, n=len(files), asked=len(idx)))
        moment = _read_label(moment_p, len(idx)) if os.path.isfile(moment_p) else None
        area = _read_label(area_p, 2) if os.path.isfile(area_p) else None
        vals, valid, ref, counts = [], None, None, []
        for i in idx:
            ref = check_same_grid(files[i], files[idx[0]], ref)
            alpha = None if bands else _true_alpha(files[i])
            if alpha:  # R, G, B + alpha (SpaceNet 7, exports from QGIS): the alpha band is a mask, as detect reads it
                arr, nodata = read_raster(files[i], bands=[b for b in range(1, alpha + 1) if b != alpha], scaled=True)
                nodata |= read_raster(files[i], bands=[alpha])[0][0] == 0
            else:
                arr, nodata = read_raster(files[i], scaled=True)
            if valid is not None and nodata.shape != valid.shape:
                raise ValueError(_("{path} is {width} x {height} pixels, {first} {first_width} x {first_height}: every "
                                   "image of a series needs the grid of the first (align them first, e.g. gdalwarp -te "
                                   "XMIN YMIN XMAX YMAX -tr XRES YRES).").format(
                    path=files[i], width=nodata.shape[1], height=nodata.shape[0],
                    first=os.path.basename(files[idx[0]]), first_width=valid.shape[1], first_height=valid.shape[0]))
            counts.append(arr.shape[0])
            if as_read:
                if bands and not all(1 <= int(b) <= arr.shape[0] for b in bands):
                    raise ValueError(_asks_for_others(files[i], arr.shape[0], bands))
                vals.append((arr[[int(b) - 1 for b in bands]] if bands else arr).astype(np.float32))
            else:
                check_band_count(files[i], arr.shape[0], bands)
                vals.append(to_rgbn(arr, bands))
            valid = ~nodata if valid is None else valid & ~nodata
        if len(set(counts)) > 1 and not bands:
            if as_read:  # as the engine refuses such dates for a classical method
                listed = ", ".join(f"{os.path.basename(files[i])}: {n}" for i, n in zip(idx, counts))
                raise ValueError(_("{folder}: the images have different numbers of bands ({listed}); every date needs "
                                   "the same bands in the same order (pick them with --bands).").format(
                    folder=folder, listed=listed))
            for v in vals:  # a 3-band date among 4-band ones: green in place of NIR on every date, as detect
                v[3] = v[1]  # reads such a series (its green against the others' NIR would be change)
        for name, lab in (("moment.tif", moment), ("area.tif", area)):
            if lab is not None and lab.shape != valid.shape:
                raise ValueError(_("{path} is {width} x {height} pixels, the images {image_width} x {image_height}: a "
                                   "label needs the images' grid.").format(
                    path=os.path.join(folder, name), width=lab.shape[1], height=lab.shape[0],
                    image_width=valid.shape[1], image_height=valid.shape[0]))
            if lab is not None:
                check_same_grid(os.path.join(folder, name), files[idx[0]], ref)
        if moment is not None and area is not None:
            moment, area = _agreeing_labels(folder, moment, area)
        if moment is None and area is not None and len(idx) == 2:
            moment = area.copy()  # two dates: "changed" is "changed in interval 1"
        out.append(Series(os.path.basename(os.path.normpath(folder)), np.stack(vals), valid,
                          moment, area, [parse_date(files[i]) for i in idx]))
    return out
