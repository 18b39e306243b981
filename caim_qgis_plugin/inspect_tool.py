"""Inspect tool: click a pixel, see its change moment, the change probability of each interval and the
band values of every date as a small plot.

:func:`inspect_pixel` does the reading (GDAL, one pixel per raster) and is what the tests call; :class:`PixelLoader`
makes it in a thread when it may take long (the pixel inspector's click, the labelling panel's point);
:class:`InspectTool` and :class:`InspectDock` are the map tool and its panel.
"""

import datetime
import html
import math
import os
import re
import threading

from qgis.PyQt.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QSettings, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsRasterLayer
from qgis.gui import QgsMapToolEmitPoint

from caim_qgis_plugin import inputs as inp
from caim_qgis_plugin import layers as lyr
from caim_qgis_plugin import models as mdl
from caim_qgis_plugin.richtext import escape, tone
from caim_qgis_plugin.i18n import integer, noop, number, significant, translator

tr = translator("CaimInspect")

BAND_NAMES = [noop("Red"), noop("Green"), noop("Blue"), noop("NIR")]  # shown as tr(name)
# the same roles inside a sentence, "Band 1 (as red)": lower case in English, German writes "(als Rot)"
ROLE_NAMES = [noop("red"), noop("green"), noop("blue"), noop("NIR")]
BAND_COLORS = ["#d7301f", "#31a354", "#3182bd", "#7a0177", "#636363", "#fdae6b"]


# what reading a pixel needs of a file besides the pixel, by its file state (a file written anew is read anew):
# (projection WKT, inverse geotransform, (columns, rows), [(nodata, scale, offset)] per band).  Its projection
# alone took some 3 ms a GeoTIFF (GDAL builds it from the file's keys): 0.1 s of every click of a 30-date run
_PIXEL_FILES = {}
_BAND_MAPPINGS = {}  # file state -> its R, G, B, NIR bands by its metadata (_metadata_bands)
_CACHED_FILES = 4096  # at most this many files known (then forgotten all at once)
_UNKNOWN = object()  # (a file whose roles are not known yet; None: known to be unknown)


def _remember(cache, state, value):
    if state[1] is not None:  # (a file not there, or no file: nothing to key it by)
        if len(cache) >= _CACHED_FILES:
            cache.clear()
        cache[state] = value
    return value


def _pixel_file(ds, state):
    """:data:`_PIXEL_FILES`'s entry of the dataset ``ds`` of the file state ``state``, read once."""
    from osgeo import gdal

    known = _PIXEL_FILES.get(state)
    if known is None:
        bands, types = [], set()
        for b in range(1, ds.RasterCount + 1):
            band = ds.GetRasterBand(b)
            bands.append((band.GetNoDataValue(), band.GetScale(), band.GetOffset()))
            types.add(band.DataType)
        known = _remember(_PIXEL_FILES, state, (ds.GetProjection(), gdal.InvGeoTransform(ds.GetGeoTransform()),
                                                (ds.RasterXSize, ds.RasterYSize), bands, len(types) == 1))
    return known


def _pixel_values(ds, col, row, count, together):
    """The raw values of the ``count`` bands of ``ds`` at (``col``, ``row``): in one read when the bands have one
    data type (``together``; a band at a time read a pixel-interleaved file's row once per band: 2-8 ms a
    4-band date), else band by band, each in its own type."""
    if together and count > 1:
        return [float(v) for v in ds.ReadAsArray(col, row, 1, 1).reshape(count)]
    return [float(ds.GetRasterBand(b).ReadAsArray(col, row, 1, 1)[0, 0]) for b in range(1, count + 1)]


def read_pixel_files(paths, stopped=lambda: False):
    """Read what reading a pixel needs of the files ``paths`` (:data:`_PIXEL_FILES`) not known yet: in a thread with
    its own GDAL datasets (:meth:`InspectDock.prepare`), before the first click asks; until ``stopped()``."""
    from osgeo import gdal

    for path in paths:
        if stopped():
            return
        state = inp.file_state(path)
        if not path or state[1] is None or state in _PIXEL_FILES:
            continue
        try:
            ds = gdal.Open(path)
            if ds is not None:
                _pixel_file(ds, state)
        except RuntimeError:
            pass
        ds = None


# what GDAL says when it opens a file cut short or damaged (a TIFF's tags past its end; it still opens it)
_DAMAGED = re.compile(r"IO error|Read error|not a TIFF|Cannot read TIFF", re.IGNORECASE)


def _read_pixel(path, point, crs, context=None, unreadable=None):
    """Values of every band of ``path`` at ``point`` (in ``crs``), or None outside / on error; in the units
    a band's scale and offset say (as the engine reads them), None where the band's nodata is stored.
    ``context``: the project's transform context (None: the project's, asked here: in the main thread only).
    ``unreadable``: a list that gets ``(path, reason)`` when the file is there but cannot be opened or read
    (damaged, cut short, a folder, no permission to read it): the panel says so (it showed the date without
    values, or a damaged change moment file as 'outside the result', without a word)."""
    from osgeo import gdal

    def fail(exc=None):
        if unreadable is not None and os.path.exists(path):
            reason = str(exc) if exc is not None and str(exc) else gdal.GetLastErrorMsg()  # (per thread in GDAL)
            reason = reason.strip().splitlines()[0] if reason.strip() else ""
            if reason.startswith(path + ": "):  # (GDAL's messages begin with the file, named already)
                reason = reason[len(path) + 2:]
            unreadable.append((path, reason))
        return None

    state = inp.file_state(path)
    gdal.ErrorReset()
    try:
        ds = gdal.Open(path)
    except (RuntimeError, OSError) as exc:
        return fail(exc)
    if ds is None:
        return fail()
    if _DAMAGED.search(gdal.GetLastErrorMsg()):  # a file cut short opens, its georeferencing lost ('outside')
        return fail()
    try:
        wkt, inv, (width, height), bands, together = _pixel_file(ds, state)
    except (RuntimeError, OSError, TypeError, ValueError) as exc:  # (a file damaged past its header)
        return fail(exc)
    target = QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else crs
    if target.isValid() and crs.isValid() and target != crs:
        try:
            pt = QgsCoordinateTransform(crs, target, QgsProject.instance().transformContext() if context is None
                                        else context).transform(point)
        except Exception:  # QgsCsException: the point cannot be expressed in that CRS
            return None
    else:
        pt = point
    if inv is None:
        return None
    col = math.floor(inv[0] + inv[1] * pt.x() + inv[2] * pt.y())
    row = math.floor(inv[3] + inv[4] * pt.x() + inv[5] * pt.y())
    if not (0 <= col < width and 0 <= row < height):
        return None
    try:  # a VRT whose raster is gone opens, and fails here (it opens its sources when it reads)
        raw = _pixel_values(ds, col, row, len(bands), together)
    except (RuntimeError, TypeError, AttributeError, OSError) as exc:  # (None read, GDAL's exceptions off)
        if path.lower().endswith(".vrt") and _vrt_missing_source(path):  # (said as missing: missing_files)
            return None
        return fail(exc if isinstance(exc, (RuntimeError, OSError)) else None)
    values = []
    for value, (nodata, scale, offset) in zip(raw, bands):
        if nodata is not None and value == nodata:
            values.append(None)
            continue
        values.append(value * (scale or 1.0) + (offset or 0.0))
    return values


_VRT_SOURCE = re.compile(r'<SourceFilename relativeToVRT="([01])"[^>]*>([^<]*)</SourceFilename>')


def _vrt_missing_source(path):
    """The file a VRT ``path`` reads that is not there, or None: GDAL opens a VRT whose raster is gone (it
    opens its sources when it reads), so a date split into VRTs beside a raster left behind looked readable
    and its pixel was 'covered by no date'."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read(1 << 22)
    except (OSError, UnicodeDecodeError):
        return None
    for relative, name in _VRT_SOURCE.findall(text):
        name = html.unescape(name)
        full = os.path.join(os.path.dirname(os.path.abspath(path)), name) if relative == "1" else name
        from model_core.stacked import archive_file, container_file

        if full.startswith("/vsi"):  # (a network file is not looked at; an archive on disk is: a zipped product's)
            archive = archive_file(full) or ""
            if os.path.isabs(archive) and not os.path.exists(archive):
                return os.path.normpath(archive)
            continue
        target = container_file(full) or full  # NETCDF:"/x/cube.nc":ndvi: its file
        if not os.path.exists(target):
            return os.path.normpath(target)
    return None


def _unreadable_file(path):
    """The file that cannot be read for ``path`` (a file or a GDAL dataset name; moved or deleted since the
    run): ``path`` itself, or the file a VRT there reads; None when it can be read."""
    if not path:
        return None
    if os.path.exists(path):
        return _vrt_missing_source(path) if path.lower().endswith(".vrt") else None
    from osgeo import gdal

    try:
        return path if gdal.Open(path) is None else None
    except RuntimeError:
        return path


def _unreadable(path):
    """Whether ``path`` (a file or a GDAL dataset name) cannot be read: moved or deleted since the run."""
    return _unreadable_file(path) is not None


def missing_files(run_info):
    """The files of the run ``run_info`` that cannot be read (its change moment, confidence and
    probabilities, its inputs and their masks; for a VRT, the file it reads), in that order and each once: a
    project whose files were moved or deleted since the run; and whether every input is among them (no
    date of the run can be read).  Each file is looked at once."""
    outputs = run_info.get("outputs") or {}
    entries = run_info.get("inputs") or []
    inputs = [_unreadable_file(entry.get("path")) for entry in entries]
    masks = [_unreadable_file(entry.get("mask")) for entry in entries]
    gone = [_unreadable_file(outputs.get(k)) for k in (lyr.MOMENT, lyr.CONFIDENCE, lyr.PROBABILITIES)]
    gone += [g for pair in zip(inputs, masks) for g in pair]
    return list(dict.fromkeys(g for g in gone if g)), bool(inputs) and all(inputs)


def in_qgis_temporary_folder(path):
    """Whether ``path`` is in a Processing temporary folder of QGIS (this session's or an earlier one's,
    'processing_XXXXXX' beside this session's), which QGIS deletes when it closes."""
    from qgis.core import QgsProcessingUtils

    base = os.path.normcase(os.path.dirname(os.path.abspath(QgsProcessingUtils.tempFolder())))
    full = os.path.normcase(os.path.abspath(path))
    return full.startswith(os.path.join(base, "processing_"))


def _metadata_bands(path):
    """The engine's R, G, B, NIR bands of ``path`` from its band metadata, or None (read once per file state;
    the chips' reading thread asks too)."""
    try:
        from model_core.bandmap import infer_rgbn_path
    except ImportError:  # no engine: the bands as they are
        return None
    state = inp.file_state(path)
    # one look (the chips' thread may clear the cache between a test for the key and a read of it)
    bands = _BAND_MAPPINGS.get(state, _UNKNOWN)
    if bands is _UNKNOWN:
        bands = _remember(_BAND_MAPPINGS, state, infer_rgbn_path(path)[0])
    return None if bands is None else list(bands)


def _moved_points(run_info, point, crs, context):
    """{date index: (point, crs)} for the dates the run moved onto the first (co-registration, the run's
    "coregister"): where that date's file holds what the run read at ``point``, ``point`` on the run's grid (the
    change moment file's) moved by the date's whole-pixel offset; the values and the cloud mask of a moved date
    were read at ``point`` itself, a pixel or more beside what the run compared."""
    moved = lyr.moved_dates(run_info.get("coregister"))
    path = (run_info.get("outputs") or {}).get(lyr.MOMENT)
    if not moved or not path:
        return {}
    from osgeo import gdal

    from model_core.stack import quiet_gdal

    try:
        with quiet_gdal():
            ds = gdal.Open(path)
            gt, wkt = (ds.GetGeoTransform(), ds.GetProjection()) if ds is not None else (None, "")
    except RuntimeError:
        return {}
    grid = QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else crs
    if gt is None or not grid.isValid():
        return {}
    try:
        at = QgsCoordinateTransform(crs, grid, context).transform(point) if crs.isValid() and grid != crs else point
    except Exception:  # QgsCsException: the point cannot be expressed in the grid's CRS
        return {}
    return {i: (QgsPointXY(x, y), grid)
            for i, (x, y) in lyr.moved_points(run_info.get("coregister"), at.x(), at.y(), gt).items()}


def _mask_hits(run_info, point, crs, context=None, stopped=lambda: False, unreadable=None, moved=None):
    """Indices of the dates whose cloud mask file masks ``point`` (a value that is not a clear value, the
    mask's nodata, or outside the mask); None when ``stopped()`` (looked at before each mask).  ``unreadable``:
    as :func:`_read_pixel`'s; ``moved``: :func:`_moved_points` (a moved date's mask moved with it)."""
    rule = run_info.get("mask_clear")
    try:  # the run's text form ('0', 'bit6&!bit4'); runs of earlier versions stored a list of values
        clear = inp.parse_clear_values(rule if isinstance(rule, str) else ",".join(str(v) for v in rule or [0]))
    except ValueError:
        return []
    hits = []
    for i, entry in enumerate(run_info.get("inputs") or []):
        if entry.get("mask"):
            if stopped():
                return None
            at, at_crs = (moved or {}).get(i, (point, crs))
            value = _read_pixel(entry["mask"], at, at_crs, context, unreadable)
            if value is None or value[0] is None or not clear.clear([value[0]])[0]:
                hits.append(i)
    return hits


def _filled_from(masked, series, names):
    """What the moment text says of a gap-filled pixel's ``masked`` dates (indices into ``series``, the dates' values
    read here, and ``names``): the date each took its values from, as the engine's fill_gaps chose it, the previous
    clear date, or the next where no earlier date is clear.  When a date's validity here is not known (not read:
    outside its file, as the strip of a moved date, or unreadable; some bands nodata, which the engine reads as
    nodata or not by the bands' types), the rule, not a date."""
    from model_core.stack import fill_source

    known = not any(i not in masked and (v is None or any(x is None for x in v)) for i, v in enumerate(series))
    clear = [i for i in range(len(series)) if i not in masked]
    groups = {}  # source date: the masked dates filled from it
    for i in masked if known else []:
        groups.setdefault(fill_source(i, clear), []).append(i)
    if not groups or None in groups:  # (no clear date here at all cannot be, with a moment)
        return tr("masked: %s; filled from the previous clear date, or the next where no earlier date is "
                  "clear") % ", ".join(names[i] for i in masked)
    # "masked: 2005; filled from 2000", not "masked on 2005": the run's dates may be years only
    return "; ".join(tr("masked: %s; filled from %s") % (", ".join(names[i] for i in group), names[src])
                     for src, group in groups.items())


def inspect_pixel(run_info, point, crs, context=None, stopped=None):
    """What the panel shows for the map ``point`` (QgsPointXY in ``crs``) of one run.  ``context``: the project's
    transform context (None: asked of the project here, in the main thread; a thread is given it);
    ``stopped()`` true (looked at before each date's files): it stops, returning None.

    Returns a dict: moment (int or None), moment_text, dates, intervals (labels), change_probability
    (list per interval, or None without a probability raster), no_change_probability, confidence,
    series (per date: list of band values or None), band_names, clouded (indices of the dates whose
    cloud mask file masks the pixel; their values are the cloud's).
    """
    dates = list(run_info.get("dates") or [])
    outputs = run_info.get("outputs") or {}
    context = QgsProject.instance().transformContext() if context is None else context
    stopped = stopped or (lambda: False)
    labels = lyr.interval_labels(dates)
    between = lyr.interval_labels(dates, between=True)
    result = {"dates": dates, "intervals": labels, "moment": None, "moment_text": tr("outside the result"),
              "change_probability": None, "no_change_probability": None, "confidence": None,
              "series": [], "band_names": []}
    result["missing"], result["inputs_missing"] = missing_files(run_info)
    unreadable = result["unreadable"] = []  # [(file, reason)]: there, but not read (damaged, no permission)
    if outputs.get("moment") in result["missing"]:
        result["moment_text"] = tr("not known: the change moment file is not found")
    moment = _read_pixel(outputs.get("moment", ""), point, crs, context, unreadable) if outputs.get("moment") else None
    if unreadable:
        result["moment_text"] = tr("not known: the change moment file cannot be read")
    if moment is not None:
        value = moment[0]
        if value is None:
            result["moment_text"] = tr("no data")
        else:
            k = int(value)
            result["moment"] = k
            if k == 0:
                result["moment_text"] = tr("no change")
            elif 1 <= k <= len(labels):
                result["moment_text"] = tr("changed between %s") % between[k - 1]
            else:
                result["moment_text"] = tr("moment %d") % k
    if outputs.get("confidence"):
        conf = _read_pixel(outputs["confidence"], point, crs, context, unreadable)
        if conf and conf[0] is not None:
            result["confidence"] = conf[0]
    if outputs.get("probabilities"):
        probs = _read_pixel(outputs["probabilities"], point, crs, context, unreadable)
        if probs and all(p is not None for p in probs):
            result["no_change_probability"] = probs[0]
            result["change_probability"] = probs[1:]
    min_patch = int(run_info.get("min_patch") or 0)
    if result["moment"] == 0 and min_patch > 1:
        cp = result["change_probability"]
        if cp and max(cp) > result["no_change_probability"]:  # the model called it changed: a dropped patch
            k = cp.index(max(cp))
            result["moment_text"] = (tr("no change: the model dated a change between %s, but its changed patch "
                                     "has fewer than the minimum of %s px") % (
                                         between[k], integer(min_patch)))
        else:
            result["moment_text"] += tr(" (changed patches under %s px were dropped)") % integer(min_patch)
    network = mdl.needs_weights(run_info.get("model"))
    assumed = network  # the roles R, G, B, NIR: given by a band mapping or the metadata, or assumed
    moved = _moved_points(run_info, point, crs, context)
    for i, entry in enumerate(run_info.get("inputs") or []):
        if stopped():
            return None
        at, at_crs = moved.get(i, (point, crs))
        values = _read_pixel(entry["path"], at, at_crs, context, unreadable)
        # a network without a band mapping read R, G, B, NIR from the file's metadata when it says so
        bands = entry.get("bands") or (_metadata_bands(entry["path"]) if network else None)
        assumed = assumed and not bands
        if values is not None and bands:
            values = [values[b - 1] if b - 1 < len(values) else None for b in bands]
        result["series"].append(values)
    clouded = _mask_hits(run_info, point, crs, context, stopped, unreadable, moved)
    if clouded is None:
        return None
    result["clouded"] = clouded
    names = [dates[i] if i < len(dates) and dates[i] else tr("date %d") % (i + 1) for i in range(len(result["series"]))]
    if result["moment"] is None and clouded and result["moment_text"] == tr("no data"):
        # "the cloud mask of 2005", not "on 2005": the run's dates may be years only
        result["moment_text"] = (tr("no data: masked by the cloud mask of %s%s") if len(clouded) == 1 else
                                 tr("no data: masked by the cloud masks of %s%s")) % (
            ", ".join(names[i] for i in clouded),
            "" if run_info.get("fill_gaps") else tr(" (run with 'Fill masked dates' to fill such dates)"))
    if moved and result["series"]:  # a moved date's values are read where the run read them: said, as they are not
        from model_core.coregister import offset_text  # the values at this point of its file

        shifts = {i: (dx, dy) for i, dx, dy in lyr.moved_dates(run_info.get("coregister"))}
        result["moment_text"] += tr(" (co-registered: %s)") % "; ".join(
            tr("%s read %s of here") % (names[i], offset_text(*shifts[i])) for i in sorted(moved) if i < len(names))
    if run_info.get("fill_gaps") and result["moment"] is not None:
        masked = [i for i, v in enumerate(result["series"]) if (v and all(x is None for x in v)) or i in clouded]
        if masked:
            result["moment_text"] += " (%s)" % _filled_from(masked, result["series"], names)
    width = max((len(v) for v in result["series"] if v), default=0)
    if network and assumed:  # bands 1-4 read as red, green, blue, NIR: nothing said they are (4-band
        # Landsat stored SWIR1, NIR, red, green showed its NIR as "Green"; a desktop audit)
        result["band_names"] = [tr("Band %d (as %s)") % (i + 1, tr(ROLE_NAMES[i]))
                                if i < len(BAND_NAMES) else tr("Band %d") % (i + 1) for i in range(width)]
    elif network:  # a network (or an older run): red, green, blue, NIR
        result["band_names"] = [tr(BAND_NAMES[i]) if i < len(BAND_NAMES) else tr("Band %d") % (i + 1)
                                for i in range(width)]
    else:  # the classical method reads any bands: name them by their numbers in the files
        mapping = next((e.get("bands") for e in run_info.get("inputs") or [] if e.get("bands")), None)
        result["band_names"] = [tr("Band %d") % b for b in (mapping or range(1, width + 1))]
    result["unreadable"] = list(dict.fromkeys(unreadable))  # (a mask of several dates: said once)
    return result


def pending_pixel(run_info):
    """What the panels show of a pixel of the run ``run_info`` while :class:`PixelLoader` reads it: :func:`inspect_pixel`'s
    keys, the intervals' names (the table's rows, known from the run's dates) and ``pending`` True; no value."""
    dates = list(run_info.get("dates") or [])
    return {"dates": dates, "intervals": lyr.interval_labels(dates), "moment": None, "moment_text": tr("reading…"),
            "change_probability": None, "no_change_probability": None, "confidence": None, "series": [],
            "band_names": [], "clouded": [], "missing": [], "unreadable": [], "inputs_missing": False, "pending": True}


def failed_pixel(run_info, exc):
    """What the panels show of a pixel of the run ``run_info`` whose reading failed with ``exc`` (an error no file
    check foresaw, in :class:`PixelLoader`'s thread or not): :func:`pending_pixel`'s keys, no value, ``error`` the
    message (which run's files, what to do); the panel said 'reading…' for ever, the error a traceback in QGIS."""
    from qgis.core import Qgis, QgsMessageLog

    moment = (run_info.get("outputs") or {}).get(lyr.MOMENT) or ""
    folder = os.path.dirname(moment) or tr("its output folder")
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    text = tr("The pixel could not be read from the run's files in %s (%s). A file may have been moved, "
              "damaged or locked since the run: check the run's files and the input dates, then click again; or "
              "run 'Detect changes' again.") % (folder, reason)
    QgsMessageLog.logMessage(text, "CAIM change detection", Qgis.Warning)  # (one line, the panel's: no traceback)
    return dict(pending_pixel(run_info), pending=False, moment_text=tr("not read"), error=text)


def pixel_at_once(run_info):
    """Whether a pixel of the run ``run_info`` is read at once, in the main thread (:class:`PixelLoader`): a run of
    few dates (chip_view.SYNC_DATES, local files), some 10 ms even with each file's projection and band roles still to
    read.  A longer one in a thread: the first click on 30 dates read them for 0.1-0.3 s (each projection some
    1-3 ms), QGIS frozen meanwhile, and any click reads a block of every date (more on a slow disk)."""
    from caim_qgis_plugin.chip_view import SYNC_DATES, _remote

    entries = run_info.get("inputs") or []
    return len(entries) <= SYNC_DATES and not any(_remote(entry.get("path")) or _remote(entry.get("mask"))
                                                  for entry in entries)


def _files_known(run_info):
    """Whether what reading a pixel needs of each file of the run ``run_info`` is known (:data:`_PIXEL_FILES`, in the
    files' present state)."""
    outputs = run_info.get("outputs") or {}
    paths = [outputs.get(k) for k in (lyr.MOMENT, lyr.CONFIDENCE, lyr.PROBABILITIES)]
    paths += [p for entry in run_info.get("inputs") or [] for p in (entry.get("path"), entry.get("mask"))]
    return all(inp.file_state(p) in _PIXEL_FILES for p in paths if p)


class _PixelThread(threading.Thread):
    """Reads one pixel (:func:`inspect_pixel`) with its own GDAL datasets and the project's transform context given
    by the main thread; no Qt widget."""

    def __init__(self, info, point, crs, context):
        super().__init__(name="caim-pixel")
        self.info, self.point, self.crs, self.context = info, point, crs, context
        self.stop = threading.Event()
        self.data = None   # what inspect_pixel returned (None: stopped)
        self.error = None  # what it raised: said in the panel (failed_pixel), by the main thread

    def run(self):
        try:
            self.data = inspect_pixel(self.info, self.point, self.crs, self.context, self.stop.is_set)
        except Exception as exc:  # noqa: BLE001 -- raised again in the main thread, not lost in a thread
            self.error = exc

    def result(self, info):
        """The pixel read, or :func:`failed_pixel` of the run ``info`` when the read raised."""
        if self.error is not None:  # (it was raised in the main thread: in QGIS's timer, the panel left 'reading…')
            return failed_pixel(info, self.error)
        return self.data


class PixelLoader(QObject):
    """Gives a panel the pixel it asks for (:func:`inspect_pixel`): at once when the run has few dates
    (:func:`pixel_at_once`), else read in a thread ('caim-pixel') and handed to the panel's callback when read
    (at once too when read within chip_view.WAIT_SECONDS: no placeholder flashing for a few ms).  The newest
    pixel's only: a click while one is read stops that read (after the date it reads) and drops it, as
    :meth:`forget` does (the panel shows something else); :meth:`shutdown` waits for the reads stopped."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread = None  # the pixel asked for, being read
        self._later = None   # its callback(data)
        self._stopped = []   # reads told to stop, perhaps still reading a date (shutdown waits for them)
        from caim_qgis_plugin.chip_view import POLL_MS

        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        app = QCoreApplication.instance()
        if app is not None:  # QGIS quits: the thread ends before GDAL does
            app.aboutToQuit.connect(self.shutdown)

    def load(self, info, point, crs, later):
        """:func:`inspect_pixel` of ``point`` (in ``crs``) of the run ``info`` now, or None when it is read in a
        thread: then ``later(data)`` gets it (unless :meth:`forget` came first)."""
        from caim_qgis_plugin.chip_view import WAIT_SECONDS

        self.forget()
        if pixel_at_once(info):
            try:
                return inspect_pixel(info, point, crs)
            except Exception as exc:  # noqa: BLE001 -- said in the panel (failed_pixel), not raised into QGIS
                return failed_pixel(info, exc)
        # copies, and the project's transform context asked for here: the thread reads no object of the main thread's
        thread = _PixelThread(info, QgsPointXY(point), QgsCoordinateReferenceSystem(crs),
                              QgsProject.instance().transformContext())
        thread.start()
        # (a run whose files are all known is read in some 10 ms: waited for; one read first in QGIS, its files'
        # projections still to read, takes 0.1-0.3 s: not waited for)
        thread.join(WAIT_SECONDS if _files_known(info) else 0)
        if not thread.is_alive():
            return thread.result(info)
        self._thread, self._later = thread, later
        self._timer.start()
        return None

    def reading(self):
        """Whether a pixel asked for is being read."""
        return self._thread is not None

    def forget(self):
        """Drop the pixel asked for: its read stops after the date it reads."""
        thread, self._thread, self._later = self._thread, None, None
        self._timer.stop()
        if thread is not None:
            thread.stop.set()
            self._stopped.append(thread)
        self._stopped = [t for t in self._stopped if t.is_alive()]

    def shutdown(self):
        """Drop the pixel asked for and wait for the reads stopped (the panel goes: the plugin unloaded, QGIS
        quits): each ends after the date it reads."""
        self.forget()
        for thread in self._stopped:
            thread.join()
        self._stopped = []

    def _poll(self):
        thread = self._thread
        if thread is None or thread.is_alive():
            return
        later, self._thread, self._later = self._later, None, None
        self._timer.stop()
        later(thread.result(thread.info))


def missing_lines(data):
    """The lines the panels (the pixel inspector's and the labelling panel's) say of the pixel ``data``'s files
    that cannot be read, and of a failed read (:func:`failed_pixel`), each saying what to do: plain text."""
    lines = [data["error"]] if data.get("error") else []
    unreadable = data.get("unreadable") or []
    if unreadable:
        lines.append(tr("Files of this run that cannot be read: %s. Are they whole, and may you read them? Copy "
                        "them again from where they came from, or run 'Detect changes' again.") % "; ".join(
            "%s (%s)" % (path, reason) if reason else path for path, reason in unreadable))
    missing = data.get("missing") or []
    if missing:
        temporary = [p for p in missing if in_qgis_temporary_folder(p)]
        if temporary:
            lines.append(tr("The run's dates split into QGIS's temporary folder were deleted when QGIS closed: "
                            "%s. Split the multi-date raster into a folder of your own (Processing Toolbox > CAIM "
                            "change detection > Split a multi-date raster into dates) and run 'Detect changes' on "
                            "its dates to see their imagery here.") % ", ".join(temporary))
        others = [p for p in missing if p not in temporary]
        if others:
            lines.append(tr("Files of this run not found (moved or deleted since the run?): %s. Reopen the project "
                            "from the folder that holds them, or run 'Detect changes' again.") % ", ".join(others))
    return lines


def no_chips_text(info, data):
    """Why the chips of a pixel of the run ``info`` (:func:`inspect_pixel`'s ``data`` of it) could not be read on
    the run's map grid (the pixel inspector's and the labelling panel's): its change moment file is not found,
    or the pixel is outside the map (its CRS cannot take the point)."""
    if (info.get("outputs") or {}).get(lyr.MOMENT) in (data.get("missing") or []):
        return tr("No imagery: the run's change moment file is not found.")
    return tr("No imagery here: the pixel is outside the run's map.")


def find_run_layer(iface):
    """The output layer whose run is inspected: the active layer if it is a CAIM output, else the
    topmost CAIM moment layer of the project whose file is there (a run whose outputs were deleted above
    one whose are not was inspected, 'outside the result' everywhere), else the topmost one."""
    active = iface.activeLayer() if iface else None
    if lyr.run_info_of(active):
        return active
    runs = [node.layer() for node in QgsProject.instance().layerTreeRoot().findLayers()
            if isinstance(node.layer(), QgsRasterLayer) and lyr.kind_of(node.layer()) == lyr.MOMENT
            and lyr.run_info_of(node.layer())]
    return next((layer for layer in runs if map_found(layer)), runs[0] if runs else None)


def map_found(layer):
    """Whether the change moment file of the run of ``layer`` (a CAIM output layer) can be read."""
    return not _unreadable(((lyr.run_info_of(layer) or {}).get("outputs") or {}).get(lyr.MOMENT))


def axis_labels(centres, widths, total, gap=6):
    """Which date labels the chart draws under its axis, and where: [(index, left x)].  Each label is
    centred on its tick and shifted back inside 0..``total``; the first and last are always drawn (the
    last wins over its neighbours when the right edge pushes it left), the others only where they keep
    ``gap`` pixels from the label kept before them and from the last one, so no two labels overlap (unless
    the chart is narrower than the first and last labels together)."""
    n = len(centres)

    def left(i):
        return max(0.0, min(centres[i] - widths[i] / 2.0, total - widths[i]))

    if n == 0:
        return []
    last = (n - 1, left(n - 1))
    kept = [(0, left(0))]
    for i in range(1, n - 1):
        x = left(i)
        prev_i, prev_x = kept[-1]
        if x >= prev_x + widths[prev_i] + gap and x + widths[i] + gap <= last[1]:
            kept.append((i, x))
    if n > 1:
        kept.append(last)
    return kept


def _day(text):
    """The day number of a run's date ("YYYY-MM-DD", "YYYY-MM" or "YYYY"; a month or a year at its middle),
    or None when it is none of those."""
    parts = str(text or "").split("-")
    try:
        if len(parts) == 3:
            return datetime.date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()
        if len(parts) == 2:
            return datetime.date(int(parts[0]), int(parts[1]), 15).toordinal()
        if len(parts) == 1 and len(parts[0]) == 4:
            return datetime.date(int(parts[0]), 7, 2).toordinal()
    except ValueError:
        return None
    return None


def date_positions(dates, n=None, shortest=0.2):
    """Where the chart puts each of ``n`` dates along its axis, from 0 (the first) to 1 (the last): by the
    time between them when every date is known and later than the one before, so a two-year gap looks
    longer than a month (they stood evenly spaced, whatever the dates); evenly spaced otherwise.  An
    interval shorter than ``shortest`` of the average one is drawn at that length, so its points and
    its shading stay visible beside a gap of years."""
    n = len(dates) if n is None else n
    if n < 2:
        return [0.5] * n
    even = [i / (n - 1) for i in range(n)]
    days = [_day(d) for d in list(dates)[:n]]
    if len(days) < n or any(d is None for d in days) or any(b <= a for a, b in zip(days, days[1:])):
        return even
    steps = [b - a for a, b in zip(days, days[1:])]
    floor = shortest * sum(steps) / len(steps)
    steps = [max(s, floor) for s in steps]
    total = float(sum(steps))
    out, at = [0.0], 0.0
    for s in steps:
        at += s
        out.append(at / total)
    out[-1] = 1.0
    return out


def value_label_rects(plot, left, line):
    """Where the chart writes its highest and lowest value, left of the plot ``plot`` (QRectF) in a margin
    ``left`` px wide, ``line`` px high each: the highest centred on the top edge, the lowest standing on
    the bottom edge (centred on it, it reached into the date labels' row under the axis, and the first
    date's label, centred on the left edge, ran into it)."""
    return (QRectF(0, plot.top() - line / 2.0, left - 4, line),
            QRectF(0, plot.bottom() - line, left - 4, line))


def label_colour(widget):
    """The colour of a label's text in ``widget``: what text drawn by hand (the chart's labels, the chips'
    dates) is drawn in.  QGIS's Night Mapping theme colours labels by its style sheet (#aaa) and leaves the
    palette's text roles dark (Text #111111, WindowText #535353) and its backgrounds transparent over the
    panel's #323232, so text in the palette's colours was dark grey on dark grey; a label asked in place
    has the theme's colour, and the palette's where no style sheet says otherwise."""
    probe = QLabel(widget)
    probe.ensurePolished()
    colour = probe.palette().windowText().color()
    probe.setParent(None)
    probe.deleteLater()
    return colour


def chart_colors(palette, text=None):
    """(background, text, frame, band colours) of the chart from a widget's ``palette`` (``text``: the
    labels' colour, :func:`label_colour`; by default the palette's): QGIS's dark themes get a dark chart
    with readable labels (a white box with the theme's light grey text on it before), the band colours
    lightened on the dark background (a transparent background, as Night Mapping's, is dark where the text
    is light)."""
    base = palette.base().color()
    text = palette.text().color() if text is None else QColor(text)
    frame = QColor(text)
    frame.setAlpha(110)
    dark = base.lightness() < 128 if base.alpha() else text.lightness() >= 128
    return base, text, frame, [QColor(c).lighter(160) if dark else QColor(c) for c in BAND_COLORS]


class SeriesPlot(QWidget):
    """Band values over the dates (lines) with the detected interval shaded."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.data = None
        self._text = None  # label_colour, asked again when the theme changes

    def set_data(self, data):
        self.data = data
        self.update()

    def changeEvent(self, event):  # noqa: N802
        self._text = None
        super().changeEvent(event)

    def _small_font(self):
        """The font of the chart's labels: the widget's, smaller."""
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        return small

    def minimumSizeHint(self):  # noqa: N802
        # room for three date labels under the axis beside the value labels' margin: narrower, a chart
        # showed its first and last dates only (it had no minimum width; the panel's was set by a check box)
        date = QFontMetrics(self._small_font()).horizontalAdvance("2000-00-00") + 4
        return QSize(44 + 10 + 3 * date + 2 * 6, self.minimumHeight())

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._text is None:
            self._text = label_colour(self)
        background, text, frame, band_colors = chart_colors(self.palette(), self._text)
        painter.fillRect(self.rect(), background)
        painter.setPen(text)
        data = self.data
        if not data or not any(data["series"]):
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             tr("Reading the band values…") if data and data.get("pending") else
                             tr("No band values: the pixel could not be read.") if data and data.get("error") else
                             tr("No band values: the run's input files are not found.")
                             if data and data.get("inputs_missing") else tr("Click a pixel of a CAIM result"))
            return
        series = data["series"]
        n = len(series)
        flat = [v for s in series if s for v in s if v is not None]
        lo, hi = (min(flat), max(flat)) if flat else (0.0, 1.0)
        if hi - lo < 1e-9:
            hi = lo + 1.0
        small = self._small_font()
        painter.setFont(small)
        line = painter.fontMetrics().height()  # the margins hold whole lines of the small font
        left, top, right = 44, line // 2 + 2, 10
        legend = legend_layout([painter.fontMetrics().horizontalAdvance(name) + 12 for name in data["band_names"]],
                               max(10, self.width() - left - right - 4))
        rows = 1 + max((r for r, _ in legend), default=0)
        bottom = (1 + rows) * line + 8  # the date labels and the band names (on as many lines as they need)
        plot = QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))

        where = date_positions(data.get("dates") or [], n)

        def x_of(i):
            return plot.left() + plot.width() * where[i]

        def y_of(v):
            return plot.bottom() - plot.height() * (v - lo) / (hi - lo)

        k = data.get("moment")
        if k and 1 <= k < n:
            painter.fillRect(QRectF(QPointF(x_of(k - 1), plot.top()), QPointF(x_of(k), plot.bottom())),
                             QColor(255, 31, 90, 45))
        gaps = [b - a for a, b in zip(where, where[1:])]
        for i in data.get("clouded") or []:  # dates a cloud mask hid: a grey column, values drawn hollow
            near = min((gaps[j] for j in (i - 1, i) if 0 <= j < len(gaps)), default=1.0)
            half = min(8.0, plot.width() * near / 4)
            shade = QColor(text)
            shade.setAlpha(35)
            painter.fillRect(QRectF(x_of(i) - half, plot.top(), 2 * half, plot.height()), shade)
        painter.setPen(QPen(frame, 1))
        painter.drawRect(plot)
        painter.setPen(text)
        painter.setFont(small)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        top_rect, bottom_rect = value_label_rects(plot, left, line)
        painter.drawText(top_rect, right, significant(hi))
        painter.drawText(bottom_rect, right, significant(lo))
        dates = data.get("dates") or []
        metrics = painter.fontMetrics()
        labels = [dates[i] if i < len(dates) and dates[i] else str(i + 1) for i in range(n)]
        widths = [metrics.horizontalAdvance(t) + 4 for t in labels]
        for i, x in axis_labels([x_of(i) for i in range(n)], widths, self.width()):
            painter.setPen(QPen(frame, 1))
            painter.drawLine(QPointF(x_of(i), plot.bottom()), QPointF(x_of(i), plot.bottom() + 3))
            painter.setPen(text)
            painter.drawText(QRectF(x, plot.bottom() + 3, widths[i], line), Qt.AlignmentFlag.AlignHCenter, labels[i])
        for b, name in enumerate(data["band_names"]):
            pen = QPen(band_colors[b % len(band_colors)], 2)
            painter.setPen(pen)
            prev = None
            for i, values in enumerate(series):
                v = values[b] if values and b < len(values) else None
                if v is None:
                    prev = None
                    continue
                pt = QPointF(x_of(i), y_of(v))
                painter.setBrush(background if i in (data.get("clouded") or []) else pen.color())
                painter.drawEllipse(pt, 3.0, 3.0)
                if prev is not None:
                    painter.drawLine(prev, pt)
                prev = pt
            row, x = legend[b]
            painter.drawText(QRectF(plot.left() + 4 + x, plot.bottom() + 5 + line * (1 + row),
                                    plot.width() - 4 - x, line), Qt.AlignmentFlag.AlignLeft, name)
        painter.end()


def legend_layout(widths, available):
    """(row, x) of legend entries of ``widths`` packed left to right on rows of ``available`` px (an entry
    wider than a row gets a row of its own)."""
    out, row, x = [], 0, 0
    for w in widths:
        if x and x + w > available:
            row, x = row + 1, 0
        out.append((row, x))
        x += w
    return out


def accessible(widget, name, description=None):
    """Give ``widget`` the name (and description) a screen reader says for it, where its visible label
    does not say what it is; returns ``widget``."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


class CheckLabel(QLabel):
    """The text of a check box, on as many lines as the panel's width needs (a QCheckBox's own text does not
    wrap: the inspector's "Hide the map's answer (...)" set the panel's minimum width, about 440 px of a
    1280 px screen); a click on it toggles ``box``, as a click on a check box's own text does."""

    def __init__(self, box, text):
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box.setAccessibleName(text)  # what a screen reader says for the box without a text of its own
        self.setBuddy(box)

    def mouseReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled() and self.rect().contains(
                event.pos()):
            self.box.toggle()
            event.accept()
            return
        super().mouseReleaseEvent(event)


def wrapping_check_box(text):
    """(a check box, its :class:`CheckLabel` ``text``, the row that holds both)."""
    box = QCheckBox()
    label = CheckLabel(box, text)
    row = QHBoxLayout()
    row.setSpacing(box.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, box))
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return box, label, row


class PanelScroll(QScrollArea):
    """Contents in a vertical scroll area: a dock panel docked beside others (the inspector and the
    labelling panel together) shrinks to ``min_lines`` lines and scrolls, instead of making QGIS's main
    window taller than the screen; the dialog's settings likewise on a short screen.  As wide as the
    contents need (no horizontal scrolling); its size hint at most ``max_lines`` lines (None: the
    contents' height)."""

    def __init__(self, body, min_lines=8, max_lines=26):
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # no Tab stop of its own (an invisible one): Tab goes from field to field, and the area scrolls to
        # show the field that gets the focus
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(body)
        self.min_lines, self.max_lines = min_lines, max_lines

    def event(self, event):
        # the contents' layout changed (the labelling panel's class buttons, made once it has a sample): the
        # hints below follow them, so the dock's layout must ask again; it kept the minimum width from before
        # the buttons, and a panel docked under a narrower one had its right side cut off
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().event(event)

    def minimumSizeHint(self):  # noqa: N802
        width = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width + 2 * self.frameWidth(), self.min_lines * self.fontMetrics().lineSpacing())

    def sizeHint(self):  # noqa: N802
        # a dock panel asks for at most about 400 px: QGIS shares a dock area's height between its panels
        # by their hints (the labelling panel asked for 850 px and got its minimum under the inspector)
        hint = self.widget().sizeHint()
        height = hint.height() if self.max_lines is None else min(hint.height(),
                                                                   self.max_lines * self.fontMetrics().lineSpacing())
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(),
                     height + 2 * self.frameWidth())


class InspectDock(QDockWidget):
    def __init__(self, parent=None, reader=None):
        super().__init__(tr("CAIM pixel inspector"), parent)
        self.setObjectName("CaimInspectDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.header = QLabel(tr("Choose the inspect tool and click a pixel of a CAIM result (or press Enter: the pixel at the "
                                "centre of the map)."))
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([tr("Interval"), tr("P(change)")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # a longer header (P(Änderung))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._moment_row = None  # the row of the detected interval, kept in view
        self.table.viewport().installEventFilter(self)
        # an interval's dates whole (in bold too) beside P(change) and the scroll bar: the narrowest panel, as
        # QGIS opens it, cut them to '2018-06-22 to ...'
        bold = QFont(self.table.font())
        bold.setBold(True)  # the detected interval's row
        # (the German 'bis' fits too: the column has some 30 px more than the English name at the narrowest)
        interval = QFontMetrics(bold).horizontalAdvance("2000-00-00 to 2000-00-00") + 10
        self.table.setMinimumWidth(interval + self.table.horizontalHeader().sectionSizeHint(1)
                                   + self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth())
        accessible(self.table, tr("Change probability of each interval"),
                   tr("One row per interval of the clicked pixel: its dates and its probability of change"))
        self.plot = SeriesPlot()
        accessible(self.plot, tr("Band values over time"))
        # the text wraps: on one line it set the panel's minimum width
        self.blind, self.blind_label, blind_row = wrapping_check_box(
            tr("Hide the map's answer (to label sample points without bias)"))
        self.blind.setObjectName("inspectBlind")
        self.blind.setToolTip(tr("Shows only the dates, cloud masks and band values of the clicked pixel: label an "
                              "accuracy-assessment sample from the imagery, not from the map."))
        self.blind_label.setToolTip(self.blind.toolTip())
        self.blind.toggled.connect(lambda _checked: self.last is not None and self.show_result(self.last, self._point))
        layout.addLayout(blind_row)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        self.plot_caption = QLabel()
        self.plot_caption.setWordWrap(True)
        # (chip_view reads this module's helpers)
        from caim_qgis_plugin.chip_view import CHIP_SIDE, ChipLoader, ChipReader, ChipStrip

        chip_row = QHBoxLayout()
        self.chip_caption = QLabel()
        self.chip_caption.setWordWrap(True)
        self._set_captions(False)
        chip_row.addWidget(self.chip_caption, 1)
        self.false_colour = QCheckBox(tr("False colour"))
        self.false_colour.setObjectName("inspectFalseColour")
        self.false_colour.setToolTip(tr("NIR, red, green as red, green, blue: vegetation shows red. Files without "
                                        "a known NIR band stay in true colour."))
        self.false_colour.setChecked(QSettings().value("caim/inspect_false_colour", False, type=bool))
        self.false_colour.toggled.connect(self._colour_changed)
        chip_row.addWidget(self.false_colour, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(chip_row)
        # a fixed size, on as many rows as the width needs, in the panel itself: in a scroll area of their own
        # (one row high on a 1280 x 800 screen, in the panel's) the last dates were reached by scrolling twice
        self.chips = ChipStrip(fit=False, side=CHIP_SIDE * 3 // 4, framed=True)
        self.chips.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.chips.set_message(tr("Click a pixel of a CAIM result"))
        accessible(self.chips, tr("Image chips of every date around the pixel"))
        layout.addWidget(self.chips)
        # the imagery before the chart, as in the labelling panel: a 1280 x 800 screen's panel showed the chart and
        # left the chips below its fold
        layout.addWidget(self.plot_caption)
        layout.addWidget(self.plot, 2)
        self.reader = ChipReader() if reader is None else reader  # (``reader``: the labelling panel's too)
        self.loader = ChipLoader(self.reader, self)
        self.pixels = PixelLoader(self)  # a long run's pixel values in a thread
        self.setWidget(PanelScroll(body))
        self.last = None
        self._point = None
        self._where = None  # (run record, CRS of the clicked point) of the last pixel, for its chips

    def prepare(self, info):
        """Start reading (in the chips' thread) what the first click on a pixel of the run ``info`` reads: each
        file's projection and band roles (:func:`inspect_pixel`: 0.1-0.3 s of 30 dates) and each date's stretch
        limits (the chips).  The map tool activated: the click comes next."""
        outputs = info.get("outputs") or {}
        entries = info.get("inputs") or []
        paths = [outputs.get(k) for k in (lyr.MOMENT, lyr.CONFIDENCE, lyr.PROBABILITIES)]
        paths += [p for entry in entries for p in (entry.get("path"), entry.get("mask"))]
        roles = [entry.get("path") for entry in entries if entry.get("path") and not entry.get("bands")]

        def before(stopped):
            read_pixel_files([p for p in paths if p], stopped)
            for path in roles:
                if stopped():
                    return
                _metadata_bands(path)

        self.loader.prepare(info, self.false_colour.isChecked(), before)

    def _colour_changed(self, checked):
        QSettings().setValue("caim/inspect_false_colour", bool(checked))
        if self.last is not None:
            self.show_result(self.last, self._point)  # the same pixel of the same run

    def inspect(self, info, point, crs):
        """Show the pixel ``point`` (in ``crs``) of the run ``info``, read by :class:`PixelLoader`: at once, or in a
        thread while the panel shows :func:`pending_pixel` in the same places (the table's rows, the chart, the
        chips' room), so that nothing moves when the values come."""
        now = self.pixels.load(info, point, crs, lambda data: self.show_result(data, point, info, crs))
        self.show_result(pending_pixel(info) if now is None else now, point, info, crs)

    def _show_chips(self, data, marked):
        """The chips of the clicked pixel's dates, ``marked`` framed; nothing when the pixel came without its
        run (a caller that passed none).  A run's first click reads each date's stretch limits
        (:class:`ChipLoader`): in a thread when that takes long, the chips' place saying so meanwhile."""
        from caim_qgis_plugin.chip_view import placeholder

        self.loader.forget()  # an earlier pixel's chips, still being read, are not shown
        info, crs = self._where or (None, None)
        if info is None or self._point is None:
            self.chips.set_message(tr("Click a pixel of a CAIM result"))
            return
        if data.get("pending"):  # (the pixel being read: its chips are asked for when it has come)
            self.chips.setToolTip("")
            self.chips.set_message(placeholder(), keep=True, room=len(info.get("inputs") or []))
            return
        if data.get("error"):  # the read failed (failed_pixel): the header says why
            self.chips.setToolTip("")
            self.chips.set_message(tr("No imagery: the pixel could not be read (see above)."))
            return
        if not any(data.get("series") or []):  # no date has the pixel
            self.chips.set_message(tr("No imagery: the run's input files are not found.")
                                   if data.get("inputs_missing") else tr("No imagery here: no date covers this pixel."))
            return
        now = self.loader.load(info, self._point, crs, 31, self.false_colour.isChecked(), data.get("clouded") or [],
                               lambda *read: self._chips_read(info, data, marked, *read))
        if now is None:
            self.chips.setToolTip("")
            self.chips.set_message(placeholder(), keep=True)
        else:
            self._chips_read(info, data, marked, *now)

    def _chips_read(self, info, data, marked, chips, shown, error):
        from caim_qgis_plugin.chip_view import bands_note

        if error is not None or not chips:
            self.chips.setToolTip("")
            self.chips.set_message(error if error is not None else no_chips_text(info, data))
            return
        self.chips.set_chips(chips, 31, marked)
        self.chips.setToolTip(bands_note(shown, info))

    def shutdown(self):
        """Stop reading imagery and pixels (the plugin unloads): no thread is left running."""
        self.pixels.shutdown()
        self.loader.shutdown()

    def _set_captions(self, blind, clouded=False, changed=True):
        """The chart's and the chips' captions; with the map's answer hidden, or at a pixel without a detected
        change (no change, no data), they name no shading and no frames (they said 'shaded: detected change
        interval' over a chart without it), and the cloud masks' marks only when a date of the pixel has one
        (three lines of a narrow panel, pushing the chips below it)."""
        if blind or not changed:
            plot = tr("Band values over time (grey column, hollow points: a date hidden by its cloud mask)") \
                if clouded else tr("Band values over time")
            self.chip_caption.setText(tr("The imagery of every date around the pixel (boxed in yellow)"))
        else:
            plot = tr("Band values over time (shaded: detected change interval; grey column, hollow points: a "
                      "date hidden by its cloud mask)") if clouded else tr(
                "Band values over time (shaded: detected change interval)")
            self.chip_caption.setText(tr("The imagery of every date around the pixel (boxed in yellow; framed: the "
                                         "two dates of the detected change)"))
        self.plot_caption.setText(plot)

    def _show_moment_row(self):
        if self._moment_row is None:
            self.table.scrollToTop()
        else:
            self.table.scrollToItem(self.table.item(self._moment_row, 0), QTableWidget.ScrollHint.EnsureVisible)

    def eventFilter(self, watched, event):  # noqa: N802
        # the table resized after the click (the panel laid out anew for the new rows): the row stays in view
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize and self._moment_row is not None:
            self.table.updateGeometries()
            self._show_moment_row()
        return super().eventFilter(watched, event)

    def _fit_table(self):
        """The table as tall as its rows at most: its own size hint (192 px) left a two-interval run's table
        two thirds blank, and made the panel taller than a laptop screen's (its image chips below the fold).
        At least as tall as its first four rows: the panel as QGIS opens it (327 x 630 px) left it 2.4 rows, a
        four-date run's three intervals with a scroll bar and the first row cut."""
        table = self.table
        rows = [table.rowHeight(r) for r in range(table.rowCount())]
        chrome = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        least = table.minimumSizeHint().height()
        table.setMinimumHeight(max(chrome + sum(rows[:4]), least))
        table.setMaximumHeight(max(chrome + sum(rows), least))

    @staticmethod
    def _missing_text(data):
        """What the panel says of the run's files it cannot read (moved or deleted since the run; dates split
        into QGIS's temporary folder, deleted when QGIS closed; there but damaged or not readable), or of a pixel
        whose reading failed (:func:`failed_pixel`): rich text."""
        return "".join("<br><span style='color:%s'>%s</span>" % (tone("warning"), escape(line))
                       for line in missing_lines(data))


    def show_result(self, data, point=None, info=None, crs=None):
        """Show the pixel ``data`` (:func:`inspect_pixel`) of ``point``; with the run record ``info`` and the
        point's ``crs``, the chips of its dates too."""
        self.last, self._point = data, point
        if info is not None:
            self._where = (info, crs)
        where = "x %s, y %s" % (number(point.x()), number(point.y())) if point is not None else ""
        blind = self.blind.isChecked()
        self.table.setVisible(not blind)
        k = data.get("moment")
        pending = data.get("pending")
        # the shading and the frames are drawn for a detected change only (SeriesPlot, _show_chips); while the pixel is
        # read, the captions stay (they would change their height, and the chips' place, twice)
        if not pending or blind:
            self._set_captions(blind, bool(data.get("clouded")), bool(k and k >= 1))
        # ... and the header keeps its height (the table below did not move up and back down when the values came)
        self.header.setMinimumHeight(self.header.height() if pending and self.header.isVisible() else 0)
        self._show_chips(data, () if blind or not k or k < 1 else (k - 1, k))
        if blind:  # the imagery only: no moment, no probabilities, no shaded interval
            clouded = [data["dates"][i] or tr("date %d") % (i + 1) for i in data.get("clouded") or []
                       if i < len(data["dates"])]
            self.header.setText(tr("<b>Map's answer hidden.</b> Label the pixel from the band values and the imagery.")
                                + (tr("<br><b>Cloud-masked:</b> %s") % escape(", ".join(clouded)) if clouded else "")
                                + ("<br><small>%s</small>" % where if where else "") + self._missing_text(data))
            self.plot.set_data(dict(data, moment=None))
            return
        text = tr("<b>Change moment:</b> %s") % escape(data["moment_text"])  # dates and labels stored in the project
        # (being read: the lines the run's outputs will fill, on as many lines)
        outputs = (((self._where or (None,))[0] or {}).get("outputs") or {}) if data.get("pending") else {}
        if data.get("confidence") is not None or outputs.get(lyr.CONFIDENCE):
            text += tr("<br><b>Confidence:</b> %s") % (
                "…" if data.get("confidence") is None else number(data["confidence"]))
        if data.get("no_change_probability") is not None or outputs.get(lyr.PROBABILITIES):
            text += tr("<br><b>P(no change):</b> %s") % (
                "…" if data.get("no_change_probability") is None else number(data["no_change_probability"]))
        if where:
            text += "<br><small>%s</small>" % where
        self.header.setText(text + self._missing_text(data))
        probs = data.get("change_probability")
        self.table.setRowCount(len(data["intervals"]))
        for row, label in enumerate(data["intervals"]):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            value = number(probs[row], 3) if probs and row < len(probs) else "…" if data.get("pending") else tr("n/a")
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if data.get("moment") == row + 1:
                for it in (self.table.item(row, 0), item):
                    f = it.font()
                    f.setBold(True)
                    it.setFont(f)
            self.table.setItem(row, 1, item)
        self._fit_table()
        k = data.get("moment")
        # the detected interval's row in view: the table shows about three rows on a laptop screen, and a
        # change in the fifth interval had its bold row out of sight
        self._moment_row = k - 1 if k and 1 <= k <= self.table.rowCount() else None
        self.table.updateGeometries()  # the scroll range of the rows just set (else it comes with the next
        # event loop, and the scrolling is clipped to the old one)
        self._show_moment_row()
        # (a pixel of a run with them: the tip of an earlier run's pixel without them went)
        self.table.setToolTip("" if probs is not None or data.get("pending") else tr(
            "Run with 'moment probabilities' on to see per-interval probabilities."))
        self.plot.set_data(data)


class InspectTool(QgsMapToolEmitPoint):
    """Click a pixel, or press Enter to inspect the one at the centre of the map (pan with the arrow keys):
    the panel shows it and a marker on the map shows which pixel it is."""

    def __init__(self, canvas, iface, dock):
        super().__init__(canvas)
        self.iface = iface
        self.dock = dock
        self.marker = None  # the inspected pixel on the map (while the tool is active)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.canvasClicked.connect(self.on_click)

    def on_click(self, point, button):
        layer = find_run_layer(self.iface)
        if layer is None:
            self.dock.header.setText(tr("No CAIM result in the project: run 'Detect changes' first."))
            self._unmark()  # the marker of an earlier click would say that pixel is described
            return
        crs = self.canvas().mapSettings().destinationCrs()
        info = lyr.run_info_of(layer)
        self._mark(point)
        self.dock.show()
        self.dock.inspect(info, point, crs)  # (a long run's values read in a thread: QGIS not blocked meanwhile)

    def activate(self):
        super().activate()
        # the first click's reads begin: of the run a click would inspect (only sooner: whatever goes wrong here is
        # left to the click, since an error raised in this call from QGIS would end QGIS)
        try:
            layer = find_run_layer(self.iface)
            if layer is not None:
                self.dock.prepare(lyr.run_info_of(layer))
        except Exception as exc:  # noqa: BLE001
            self.activate_error = exc  # kept for a debugger; the click reports what goes wrong

    def keyPressEvent(self, event):  # noqa: N802
        # the keyboard's way in: Enter inspects the pixel at the centre of the map; every other key (the
        # arrows pan) stays the canvas's
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            event.accept()
            self.on_click(self.canvas().center(), Qt.MouseButton.NoButton)
        else:
            event.ignore()

    def _mark(self, point):
        from qgis.gui import QgsVertexMarker

        if self.marker is None:
            self.marker = QgsVertexMarker(self.canvas())
            self.marker.setIconType(QgsVertexMarker.ICON_CROSS)
            self.marker.setIconSize(14)
            self.marker.setPenWidth(2)
            self.marker.setColor(QColor("#ff00ff"))  # magenta: apart from the moment ramp and most imagery
        self.marker.setCenter(point)

    def _unmark(self):
        if self.marker is not None:
            self.canvas().scene().removeItem(self.marker)
            self.marker = None

    def deactivate(self):
        self._unmark()
        super().deactivate()
