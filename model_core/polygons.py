"""Change polygons from a change-moment raster (GDAL/OGR only; no torch, no QGIS).

Every connected group of pixels with the same moment k (1..T-1) becomes one polygon with the
attributes

* ``moment``       k: the last change happened between the k-th and (k+1)-th date (1-based),
* ``date_before``  the k-th date (ISO), ``date_after`` the (k+1)-th date (ISO),
* ``area_m2``      the polygon's area on the ground in square metres (on an equal-area plane of the
                   CRS's ellipsoid; empty when the raster has no CRS).

Pixels with moment 0 (no change) or 255 (nodata) produce no polygon.  The format follows the file
extension (GeoPackage by default); a Shapefile shortens field names to 10 characters
(``date_before`` becomes ``date_befor``), so prefer GeoPackage.
"""

import contextlib
import os
import sys
import threading

import numpy as np
from osgeo import gdal, ogr

from model_core.errors import (Cancelled, InputError, OutputError, about_size_text, free_mb, free_mb_text,
                               free_size_text)
from model_core.i18n import _
from model_core.staging import put_in_place, staged_output

gdal.UseExceptions()
ogr.UseExceptions()

NODATA = 255
_DRIVERS = {
    ".gpkg": "GPKG",
    ".shp": "ESRI Shapefile",
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".fgb": "FlatGeobuf",
    ".sqlite": "SQLite",
}


VECTOR_FORMATS = tuple(_DRIVERS)


def driver_for(path):
    return _DRIVERS.get(os.path.splitext(path)[1].lower(), "GPKG")


def _change_mask(band, xsize, ysize, block=1024):
    """A MEM byte raster: 1 where the moment is a real change (1..254), else 0; built block-wise."""
    mem = gdal.GetDriverByName("MEM").Create("", xsize, ysize, 1, gdal.GDT_Byte)
    out = mem.GetRasterBand(1)
    for y in range(0, ysize, block):
        h = min(block, ysize - y)
        values = band.ReadAsArray(0, y, xsize, h)
        out.WriteArray(((values > 0) & (values < NODATA)).astype(np.uint8), 0, y)
    return mem


def _area_transform(srs, dataset):
    """(transform or None, square metres per squared unit) used to compute area_m2: a transform onto a
    Lambert azimuthal equal-area plane centred on the raster (:func:`model_core.stack.equal_area_transform`),
    for geographic and projected CRSs alike (a projection's map plane is not the ground: Web Mercator at
    24 deg N overstates areas by 21 %); the projected plane's own units when the CRS has no transform to
    its ellipsoid; (None, None) without a CRS (the area is unknown, not the pixel count)."""
    from model_core.stack import equal_area_transform

    if srs is None:
        return None, None
    gt = dataset.GetGeoTransform()
    cx = gt[0] + gt[1] * dataset.RasterXSize / 2 + gt[2] * dataset.RasterYSize / 2
    cy = gt[3] + gt[4] * dataset.RasterXSize / 2 + gt[5] * dataset.RasterYSize / 2
    try:
        return equal_area_transform(srs, cx, cy), 1.0
    except RuntimeError:
        return (None, srs.GetLinearUnits() ** 2) if srs.IsProjected() else (None, None)


def write_polygons(moment_path, out_path, dates=None, overwrite=False, layer_name="change_polygons", cancel=None,
                   progress=None):
    """Polygonise ``moment_path`` into ``out_path`` (format from its extension, GeoPackage by default).

    ``dates`` is the ordered list of ISO dates of the inputs (T entries); without it the date attributes
    are left empty.  Returns the number of polygons written.  ``cancel()``, when given, is asked while
    the polygons are traced and written: when it returns True nothing is kept and
    :class:`model_core.errors.Cancelled` is raised.  ``progress(fraction, message)``, when given, follows
    the tracing (to 0.6) and the writing (a whole scene's millions of patches took minutes in silence; a
    scale audit).
    """
    if not os.path.exists(moment_path):
        raise InputError(_("Change-moment raster '{moment_path}' does not exist.").format(moment_path=moment_path))
    if os.path.isdir(out_path):  # deleting it as a data source would delete every shapefile in it
        raise OutputError(_("'{out_path}' is a folder; give a file name for the polygons.").format(out_path=out_path))
    if os.path.exists(out_path) and not overwrite:
        raise OutputError(_("'{out_path}' already exists. Choose another file or allow overwriting.").format(
                              out_path=out_path))
    folder = os.path.dirname(os.path.abspath(out_path))
    if not os.path.isdir(folder):
        raise OutputError(_("Folder '{folder}' does not exist.").format(folder=folder))

    src = gdal.Open(moment_path)
    band = src.GetRasterBand(1)
    srs = src.GetSpatialRef()
    mask_ds = _change_mask(band, src.RasterXSize, src.RasterYSize)

    # Trace into a streamed FlatGeobuf in a hidden folder beside the output first, then write the attributed
    # features to the requested format (some drivers cannot be read back or updated while they are being
    # written).  On disk, not in memory: a salt-and-pepper map of a whole scene holds millions of patches,
    # and an in-memory layer grew by about 0.5 KB per polygon (6144^2 px, 3.6 million: 1.8 GB; a scale audit).
    # The polygons are written in that folder too, and moved to ``out_path`` once complete: a run killed
    # while writing them (kill -9, a crash, a closed laptop) left a half-written file under the output's
    # name (an empty GeoPackage and its -journal), which a later run refused as existing and QGIS opened as
    # the polygons; and an existing file given to be overwritten was deleted before the new one was traced,
    # so a run that failed or was stopped lost it.
    with staged_output(out_path, ".caim-polygons-") as (scratch, staged):
        try:
            count, driver = _trace_and_write(band, mask_ds, srs, src, out_path, os.path.join(scratch, "raw.fgb"),
                                             layer_name, dates, cancel, progress, staged=staged)
            mask_ds = src = None  # noqa: F841
            _check_complete(driver, staged, count, shown=out_path)
            if os.path.exists(out_path) and not overwrite:  # appeared meanwhile: never clobber
                raise OutputError(_("'{out_path}' appeared while the polygons were written; nothing was overwritten.").format(
                                      out_path=out_path))
            put_in_place(driver, staged, out_path)
        finally:
            mask_ds = src = None  # noqa: F841
    return count


def _check_complete(driver, path, count, shown=None):
    """Raise OutputError, deleting ``path``, unless it reads back with ``count`` features: some drivers
    report no error when the disk fills up (a GeoJSON cut off mid-feature, an empty FlatGeobuf, both
    announced as written; a scale audit on a full 20 MB tmpfs)."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = ogr.Open(path)
        found = ds.GetLayer(0).GetFeatureCount() if ds is not None and ds.GetLayerCount() else None
    except RuntimeError:
        found = None
    finally:
        ds = None  # noqa: F841
        gdal.PopErrorHandler()
    if found == count:
        return
    delete_vector(driver, path)
    raise OutputError(_("Writing the polygons to '{value}' failed: the file came out incomplete{free}, "
                        "and was deleted. Free some space (the disk may be full) or choose another folder.").format(
                          value=shown or path, free=_free(path)))


def _free(path):
    """" (N MB free there)" for the folder of ``path``, or "" when that cannot be told."""
    mb = free_mb(os.path.dirname(os.path.abspath(path)))
    return "" if mb is None else " (%s)" % free_mb_text(mb)


# The attributed output's size (at its peak, while written) per byte of the traced FlatGeobuf: measured on
# 14 541 salt-and-pepper patches (a FlatGeobuf also writes a temporary copy before its indexed file).
_SIZE_PER_TRACED_BYTE = {"GPKG": 1.6, "FlatGeobuf": 2.9, "GeoJSON": 2.2, "ESRI Shapefile": 1.4, "SQLite": 0.9}


def _check_room(out_path, traced_bytes, count):
    """Raise OutputError before the polygons are written when they clearly cannot fit (less than half the
    estimated size free): a whole scene's millions of patches took minutes to write before the disk filled."""
    need = traced_bytes * _SIZE_PER_TRACED_BYTE.get(driver_for(out_path), 2.0)
    folder = os.path.dirname(os.path.abspath(out_path))
    mb = free_mb(folder)
    if mb is not None and mb * 1e6 < 0.5 * need:
        raise OutputError(_("The {count} change polygons need {about_size} in '{folder}', whose disk "
                            "has {free_size}: nothing was written to '{out_path}'. Free some space or "
                            "choose another folder (a minimum change patch, --min-patch / MIN_PATCH, makes far fewer "
                            "polygons of a noisy map).").format(count=count, about_size=about_size_text(need), folder=folder,
                              free_size=free_size_text(mb * 1e6), out_path=out_path))


def _full_disk(out_path):
    """"the disk of 'FOLDER' may be full; N MB free there" for the folder of ``out_path``."""
    folder = os.path.dirname(os.path.abspath(out_path))
    mb = free_mb(folder)
    return (_("the disk of '{folder}' may be full") if mb is None else
            _("the disk of '{folder}' may be full; {free_mb}")).format(
                folder=folder, free_mb=free_mb_text(mb) if mb is not None else "")


def _trace_failed(out_path, exc):
    return OutputError(_("Tracing the change polygons for '{out_path}' (written beside it first) failed ({exc}); "
                         "nothing was kept. Free some space ({full_disk}) or choose another folder.").format(
                           out_path=out_path, exc=exc, full_disk=_full_disk(out_path)))


def _disk_full(out_path, exc):
    return OutputError(_("Writing the polygons to '{out_path}' failed ({exc}); nothing was kept. Free some space "
                         "({full_disk}) or choose another folder.").format(out_path=out_path, exc=exc,
                           full_disk=_full_disk(out_path)))


_HOOK_LOCK = threading.Lock()
_COLLECTORS = {}      # thread id -> the list _close_errors collects that thread's close errors in
_PREVIOUS_HOOK = [None]  # sys.unraisablehook before the first of them (put back after the last)


def _dispatch_unraisable(unraisable):
    errors = _COLLECTORS.get(threading.get_ident())
    if errors is not None and isinstance(unraisable.exc_value, RuntimeError):
        errors.append(unraisable.exc_value)
    else:
        (_PREVIOUS_HOOK[0] or sys.__unraisablehook__)(unraisable)


@contextlib.contextmanager
def _close_errors(errors):
    """Collects in ``errors`` the RuntimeError a data source released inside it raises as it is closed (a
    FlatGeobuf writes its file, a GeoPackage commits, on close): GDAL's bindings raise it from the
    destructor, where Python only prints it ('Exception ignored in: delete_DataSource') and the run went on
    with a FlatGeobuf cut short at the disk's limit and announced as written (a scale audit).  GDAL 3.6 has
    no Close() that would raise it.  Only this thread's errors are taken (QGIS runs Processing tasks in
    threads side by side), and the process's hook is put back when the last of them ends, whatever order
    they end in."""
    ident = threading.get_ident()
    with _HOOK_LOCK:
        if not _COLLECTORS:
            _PREVIOUS_HOOK[0] = sys.unraisablehook
            sys.unraisablehook = _dispatch_unraisable
        _COLLECTORS[ident] = errors
    try:
        yield errors
    finally:
        with _HOOK_LOCK:
            _COLLECTORS.pop(ident, None)
            if not _COLLECTORS and sys.unraisablehook is _dispatch_unraisable:
                sys.unraisablehook = _PREVIOUS_HOOK[0]


def _trace_and_write(band, mask_ds, srs, src, out_path, raw_path, layer_name, dates, cancel, progress=None,
                     staged=None):
    """Polygonize ``band`` (where ``mask_ds`` is 1) into the FlatGeobuf ``raw_path``, then write the attributed
    polygons to ``staged`` (default ``out_path``, which the messages name); returns (count, the output's
    driver)."""
    staged = staged or out_path
    raw_ds = ogr.GetDriverByName("FlatGeobuf").CreateDataSource(raw_path)
    raw = raw_ds.CreateLayer("raw", srs=srs, geom_type=ogr.wkbPolygon, options=["SPATIAL_INDEX=NO"])
    raw.CreateField(ogr.FieldDefn("moment", ogr.OFTInteger))

    def traced(complete, *_args):  # GDAL's progress callback: 0 stops the tracing
        if progress is not None:
            progress(0.6 * complete, _("Tracing change polygons"))
        return 0 if cancel is not None and cancel() else 1

    try:
        gdal.Polygonize(band, mask_ds.GetRasterBand(1), raw, 0, [], callback=traced)
    except RuntimeError as exc:
        if cancel is None or not cancel():  # GDAL's error when traced() stopped it
            raise _trace_failed(out_path, exc) from None
    if cancel is not None and cancel():
        raise Cancelled(_("Cancelled by the user while tracing the change polygons; none were written."))
    with _close_errors([]) as failed:
        raw = raw_ds = None  # noqa: F841 -- finishes the file; read it back
    if failed:
        raise _trace_failed(out_path, str(failed[0]).strip()) from None
    try:
        raw_ds = ogr.Open(raw_path)
        raw = raw_ds.GetLayer(0)
    except (RuntimeError, AttributeError) as exc:  # a file a full disk cut short
        raise _trace_failed(out_path, exc) from None
    _check_room(out_path, os.path.getsize(raw_path), raw.GetFeatureCount())
    driver = ogr.GetDriverByName(driver_for(out_path))
    try:
        out = driver.CreateDataSource(staged)
        layer = out.CreateLayer(layer_name, srs=srs, geom_type=ogr.wkbPolygon)
    except RuntimeError as exc:  # a full disk (the tracing may have filled it) or an unwritable file
        out = None  # noqa: F841 (closed before it is deleted)
        delete_vector(driver, staged)  # a GeoPackage or a Shapefile's parts were left, cut short
        detail = (str(exc).strip().splitlines() or [""])[0]
        raise OutputError(_("Cannot create '{out_path}' ({detail}); nothing was kept{free}. Free "
                            "some space (the disk may be full) or choose another folder.").format(out_path=out_path,
                              detail=detail[:200], free=_free(out_path))) from None
    try:
        count = _write_features(layer, raw, srs, src, list(dates or []), cancel, progress)
    except (Cancelled, KeyboardInterrupt):  # Ctrl-C left an empty 64 KB GeoPackage (a scale audit)
        out = None  # noqa: F841 (closed before it is deleted)
        delete_vector(driver, staged)
        raise
    except RuntimeError as exc:
        out = None  # noqa: F841 (closed before it is deleted)
        delete_vector(driver, staged)
        if driver_for(out_path) == "GPKG" or _io_error(exc):
            raise _disk_full(out_path, exc) from None
        raise OutputError(_("Writing the polygons to '{out_path}' failed ({exc}); nothing was kept. A GeoPackage "
                            "(.gpkg) takes any attribute; the disk may also be full.").format(out_path=out_path,
                              exc=exc)) from None
    with _close_errors([]) as failed:
        out = raw = raw_ds = None  # noqa: F841 (closes and flushes the data source)
    if failed:
        delete_vector(driver, staged)
        raise _disk_full(out_path, str(failed[0]).strip()) from None
    return count, driver


def _io_error(exc):
    """Whether a GDAL error reads like a failed write (a full disk, a quota), not a value the format refused."""
    text = str(exc).lower()
    return any(w in text for w in ("i/o", "disk", "write", "space", "quota"))


def delete_vector(driver, path):
    """Remove a vector file a failed write left (all of a Shapefile's parts)."""
    try:
        driver.DeleteDataSource(path)
    except RuntimeError:  # already gone, never created, or too short to be read as one
        parts = [path]
        if path.lower().endswith(".shp"):
            parts += [path[:-4] + ext for ext in (".shx", ".dbf", ".prj", ".cpg", ".SHX", ".DBF", ".PRJ", ".CPG")]
        for part in parts:
            if os.path.isfile(part):
                os.remove(part)


def _write_features(layer, raw, srs, src, dates, cancel=None, progress=None):
    """The attributed polygons; fields set by position, since a Shapefile shortens the names."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # a Shapefile's note that it shortened a name
    try:
        layer.CreateField(ogr.FieldDefn("moment", ogr.OFTInteger))
        for name in ("date_before", "date_after"):
            field = ogr.FieldDefn(name, ogr.OFTString)
            field.SetWidth(10)
            layer.CreateField(field)
        layer.CreateField(ogr.FieldDefn("area_m2", ogr.OFTReal))
    finally:
        gdal.PopErrorHandler()
    definition = layer.GetLayerDefn()
    i_moment, i_before, i_after, i_area = range(4)

    transform, factor = _area_transform(srs, src)
    transactions = layer.TestCapability(ogr.OLCTransactions)
    if transactions:
        layer.StartTransaction()
    count = 0
    total = max(raw.GetFeatureCount(), 1) if progress is not None else 1
    step = max(total // 100, 1000)
    raw.ResetReading()
    for polygon in raw:
        if cancel is not None and count % 1000 == 0 and cancel():
            raise Cancelled(_("Cancelled by the user while writing the change polygons; none were kept."))
        if progress is not None and count % step == 0:
            progress(0.6 + 0.4 * count / total, _("Writing change polygons ({count} of {total})").format(
                count=count, total=total))
        k = polygon.GetField("moment")
        geom = polygon.GetGeometryRef()
        feature = ogr.Feature(definition)
        feature.SetGeometry(geom)
        feature.SetField(i_moment, k)
        if k is not None and 1 <= k < len(dates):
            if dates[k - 1]:
                feature.SetField(i_before, dates[k - 1])
            if dates[k]:
                feature.SetField(i_after, dates[k])
        if factor is not None:  # without a CRS the area is unknown: left empty
            if transform is not None:
                geom = geom.Clone()
                geom.Transform(transform)
            feature.SetField(i_area, float(geom.GetArea() * factor))
        layer.CreateFeature(feature)
        count += 1
    if transactions:
        layer.CommitTransaction()
    if progress is not None:
        progress(1.0, _("Writing change polygons ({count} of {total})").format(count=count, total=count))
    return count
