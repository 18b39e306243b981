"""Change per zone: how much changed, and when, in each field, parcel or district (``python -m model_core zones``).

A change-moment map (the engine's change_moment.tif: 0 no change, k = the last change between date k and
k+1, 255 nodata; the intervals named in its metadata) and a polygon layer (any OGR format, any CRS) give,
for every polygon on its own (overlapping polygons each count their shared pixels), in hectares on the
ground (the pixel area of each row, see :meth:`model_core.stack.Grid.pixel_area_m2`, as the run summary
and model_core.accuracy count them):

* ``ha_valid``     the mapped area (pixels 0 .. K), ``ha_nodata`` the area without data (255, the map's
  nodata) inside the map; the part of a polygon outside the map counts in neither;
* ``ha_changed``   the changed area (pixels 1 .. K), ``pct_changed`` its share of ``ha_valid`` in % (empty
  when nothing of the polygon is mapped);
* one ``ha_<from>_<to>`` per interval (:func:`interval_fields`), the changed area of that interval;
* ``most_change`` / ``most_k`` the interval with the most changed area (the earliest of a tie),
  ``last_change`` / ``last_k`` the last interval with change (both empty without change);
* ``zone_note``   why a polygon's figures are empty or partial: empty geometry, not a polygon, invalid
  geometry (repaired, or not), cannot be placed in the map's CRS, outside the map, no pixel centre inside
  (a polygon in the map smaller or thinner than its pixels), partly outside the map, no data.

A pixel counts in a polygon when its centre is inside (GDAL's rasterisation rule).  The map is read by
windows of each polygon's extent, in strips of at most ``block_pixels``, so memory stays bounded by a
strip whatever the map's and the polygons' size.  Only GDAL/OGR and numpy: no torch, no QGIS.
"""

import argparse
import csv
import math
import os
import re
import sys
import time
from dataclasses import dataclass

import numpy as np
from osgeo import gdal, ogr, osr

from model_core.accuracy import _grid, _open_map, class_names, class_value_error, shown_class
from model_core.errors import Cancelled, InputError, OutputError
from model_core.i18n import N_, _, number, os_reason, padded_label, translated
from model_core.polygons import VECTOR_FORMATS, driver_for
from model_core.staging import put_in_place, staged_output
from model_core.stack import srs_from_wkt

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

NODATA = 255
OUTPUT_FORMATS = tuple(e for e in VECTOR_FORMATS if e != ".shp") + (".csv",)
# the fields every zone gets, before and after the per-interval ones
LEADING_FIELDS = ("ha_valid", "ha_nodata", "ha_changed", "pct_changed")
TRAILING_FIELDS = ("most_change", "most_k", "last_change", "last_k", "zone_note")

EMPTY, NOT_POLYGON, REPAIRED, INVALID = "empty geometry", "not a polygon", "invalid geometry, repaired", \
    "invalid geometry"
NOT_PLACED, OUTSIDE, PARTLY_OUTSIDE, NO_DATA = ("cannot be placed in the map's CRS", "outside the map",
                                                 "partly outside the map", "no data")
NO_PIXEL = "no pixel centre inside"
NOTE_ORDER = (EMPTY, NOT_POLYGON, INVALID, NOT_PLACED, OUTSIDE, NO_PIXEL, NO_DATA, PARTLY_OUTSIDE, REPAIRED)
# how the summary says them
NOTE_TEXT = {EMPTY: N_("with empty geometry (not counted)"), NOT_POLYGON: N_("not a polygon (not counted)"),
             INVALID: N_("with invalid geometry that could not be repaired (not counted)"),
             NOT_PLACED: N_("that cannot be placed in the map's CRS (not counted)"), OUTSIDE: N_("outside the map"),
             NO_PIXEL: N_("with no pixel centre inside their part in the map (smaller or thinner than a pixel there)"),
             NO_DATA: N_("only over nodata"), PARTLY_OUTSIDE: N_("partly outside the map (that part not counted)"),
             REPAIRED: N_("with invalid geometry, repaired (MakeValid) and counted")}
# what each zone_note value means (python -m model_core zones --help; several are joined by "; ")
NOTE_HELP = {EMPTY: "no geometry (not counted)", NOT_POLYGON: "points or lines (not counted)",
             INVALID: "an invalid geometry that MakeValid could not repair (not counted)",
             NOT_PLACED: "its coordinates do not transform to the map's CRS (not counted)",
             OUTSIDE: "no part of it is on the map", NO_PIXEL: "its part in the map holds no pixel centre (smaller "
             "or thinner than a pixel)", NO_DATA: "only nodata pixels of the map inside",
             PARTLY_OUTSIDE: "the part outside the map is not counted",
             REPAIRED: "an invalid geometry repaired with MakeValid, then counted"}
NO_CRS = N_("they have no CRS: taken as in the map's CRS")  # (compared as it is; translated where shown)
# the labels of the summary's "Label:   value" lines: each padded to the longest of them in the language and two
# spaces (model_core.i18n.padded_label; English 10 wide, as the lines always were: German 'Geschrieben:' stood out)
SUMMARY_LABELS = (N_("Map:", context="zones summary"), N_("Zones:", context="zones summary"),
                  N_("Changed:", context="zones summary"), N_("Most:", context="zones summary"),
                  N_("Note:", context="zones summary"), N_("Fields:", context="zones summary"),
                  N_("Written:", context="zones summary"))


def _zones_line(label, text):
    """A line of the summary: ``label`` (English, one of :data:`SUMMARY_LABELS`) padded, and ``text``."""
    return padded_label(label, SUMMARY_LABELS, "zones summary", gap=2) + text


POLYGONAL = (ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbCurvePolygon, ogr.wkbMultiSurface)


def interval_fields(dates, n_intervals):
    """The field name of each interval's changed hectares: ``ha_<from>_<to>`` from the run's dates (the
    years, ``ha_2019_2020``, when every date has its own year; else the whole dates without dashes,
    ``ha_20190501_20191101``), ``ha_interval<k>`` when the map does not carry its dates."""
    dates = [str(d or "").strip() for d in (dates or [])]
    if len(dates) == n_intervals + 1 and all(dates):
        years = [d[:4] for d in dates]
        if all(y.isdigit() for y in years) and len(set(years)) == len(years):
            tokens = years
        else:
            tokens = [re.sub(r"[^0-9A-Za-z]+", "", d) for d in dates]
        names = [f"ha_{tokens[k - 1]}_{tokens[k]}" for k in range(1, n_intervals + 1)]
        if all(tokens) and len(set(names)) == n_intervals:
            return names
    return [f"ha_interval{k}" for k in range(1, n_intervals + 1)]


@dataclass
class ZoneFigures:
    """One polygon's figures (hectares; None where they are unknown)."""

    fid: int
    ha_valid: float = None
    ha_nodata: float = None
    ha_intervals: list = None      # index k - 1: interval k
    note: str = ""

    @property
    def ha_changed(self):
        return None if self.ha_intervals is None else float(sum(self.ha_intervals))

    @property
    def pct_changed(self):
        return 100.0 * self.ha_changed / self.ha_valid if self.ha_valid else None

    @property
    def most_k(self):
        if not self.ha_intervals or not any(self.ha_intervals):
            return None
        return int(np.argmax(self.ha_intervals)) + 1

    @property
    def last_k(self):
        if not self.ha_intervals:
            return None
        changed = [k for k, a in enumerate(self.ha_intervals, start=1) if a > 0]
        return changed[-1] if changed else None


@dataclass
class ZonesResult:
    moment_path: str
    zones_path: str
    out_path: str
    layer_name: str
    intervals: list                 # names of the intervals (index k - 1)
    fields: list                    # field names of the intervals
    zones: list                     # ZoneFigures, in the layer's order
    crs_note: str = ""
    seconds: float = 0.0

    @property
    def noted(self):
        """note -> fids."""
        out = {}
        for z in self.zones:
            for part in filter(None, z.note.split("; ")):
                out.setdefault(part, []).append(z.fid)
        return out

    def text(self):
        counted = [z for z in self.zones if z.ha_valid]
        changed = [z for z in counted if z.ha_changed > 0]
        valid = sum(z.ha_valid for z in counted)
        ha = sum(z.ha_changed for z in counted)
        per = [sum(z.ha_intervals[k] for z in counted) for k in range(len(self.intervals))]
        lines = [_zones_line("Map:", (_("{path} ({n} intervals)") if len(self.intervals) != 1 else
                                      _("{path} ({n} interval)")).format(path=self.moment_path, n=len(self.intervals))),
                 _zones_line("Zones:", _("{n} of '{path}'").format(n=len(self.zones), path=self.zones_path)
                             + (_(" (layer {layer})").format(layer=self.layer_name) if self.layer_name else "")
                             + (f"; {translated(self.crs_note)}" if self.crs_note else "")),
                 _zones_line("Changed:", _("{n} of {mapped} mapped zones; {ha:,.2f} ha of {valid:,.2f} ha mapped in "
                                           "them ({pct:.2f} %), summed over the zones (overlapping zones each count "
                                           "their shared pixels)").format(
                     n=len(changed), mapped=len(counted), ha=number(ha), valid=number(valid),
                     pct=number(100.0 * ha / valid if valid else 0.0)))]
        shown = [_interval_shown(k, name) for k, name in enumerate(self.intervals, start=1)]
        w = max([len(n) for n in shown] + [8])
        for name, f, a in zip(shown, self.fields, per):
            lines.append(f"  {name:<{w}}  {number(a):12,.2f} ha  ({f})")
        top = sorted(changed, key=lambda z: -z.ha_changed)[:3]
        if top:
            lines.append(_zones_line("Most:", "") + ", ".join(f"fid {z.fid}: {number(z.ha_changed):,.2f} ha ({number(z.pct_changed):.1f} %)"
                                                     for z in top))
        noted = self.noted
        for note in NOTE_ORDER:
            fids = noted.get(note)
            if fids:
                shown = ", ".join(map(str, fids[:8])) + (_(" and {n} more").format(n=len(fids) - 8)
                                                         if len(fids) > 8 else "")
                lines.append(_zones_line("Note:", (_("{n} zones {what} (fid {fids})") if len(fids) > 1 else
                                                   _("{n} zone {what} (fid {fids})")).format(
                    n=len(fids), what=translated(NOTE_TEXT[note]), fids=shown)))
        lines.append(_zones_line("Fields:", ", ".join(LEADING_FIELDS + tuple(self.fields) + TRAILING_FIELDS)))
        lines.append(_zones_line("Written:", "{path} ({seconds:.1f} s)".format(path=self.out_path,
                                                                               seconds=number(self.seconds))))
        return "\n".join(lines)


def _interval_shown(k, name):
    """Interval ``k``'s name (English, as the map and the written zones hold it) as the summary shows it in the
    current language, as the run summary names intervals: "2019-06-01 bis 2020-06-01", "Intervall 2"."""
    return _("interval {k}").format(k=k) if name == f"interval {k}" else shown_class(name)


# ---------------------------------------------------------------------------------------------- inputs
def _moment_map(path):
    """(dataset, grid, interval names, dates) of a change-moment map; a change-area map or a map without
    CRS is refused."""
    ds = _open_map(path)
    name = os.path.basename(path)
    grid = _grid(ds)
    if not grid.wkt:
        raise InputError(_("Map '{name}' has no CRS, so its areas in hectares are unknown and polygons cannot be "
                           "placed on it. Assign its CRS (gdal_edit.py -a_srs EPSG:...; in QGIS Raster > Projections "
                           "> Assign Projection) and run again.").format(name=name))
    names = class_names(ds)
    while names and not names[-1]:
        names.pop()
    if [n.lower() for n in names] == ["unchanged", "changed"]:
        raise InputError(_("Map '{name}' is a change-area map (unchanged / changed): it has no intervals. Give the "
                           "run's change_moment.tif.").format(name=name))
    band = ds.GetRasterBand(1)
    if len(names) > 1:
        intervals = names[1:]
    else:  # no names: the intervals the map holds (a pass over it)
        nodata = band.GetNoDataValue()
        hist = np.zeros(256, np.int64)
        rows = max(1, (1 << 22) // ds.RasterXSize)
        for y in range(0, ds.RasterYSize, rows):
            v = band.ReadAsArray(0, y, ds.RasterXSize, min(rows, ds.RasterYSize - y))
            ok = v != NODATA if nodata is None else (v != NODATA) & (v != nodata)
            if ok.any() and (v[ok].min() < 0 or v[ok].max() > 254):
                raise class_value_error(name, int(v[ok][(v[ok] < 0) | (v[ok] > 254)][0]))
            hist += np.bincount(v[ok].astype(np.int64).ravel(), minlength=256)[:256]
        k = int(np.flatnonzero(hist).max()) if hist.any() else 0
        if k > 64:
            raise InputError(_("Map '{name}' names no interval and holds values up to {n}: this looks like an image, "
                               "not a change-moment map. Give the run's change_moment.tif.").format(name=name, n=k))
        intervals = [f"interval {i}" for i in range(1, max(k, 1) + 1)]
    dates = (ds.GetMetadataItem("CAIM_DATES") or "").split(",")
    return ds, grid, intervals, dates


def _shapefile_encoding(ds):
    """The encoding a Shapefile's .cpg or DBF language id gives, when OGR did not recode its text by it: QGIS
    sets SHAPE_ENCODING="" for its own reading, so inside QGIS OGR hands over the DBF's bytes undecoded
    ('Ríos' in ISO-8859-1 came undecoded and the output could not be written: "not a string")."""
    if ds.GetDriver().GetName() != "ESRI Shapefile" or ds.GetLayerCount() == 0:
        return None
    meta = ds.GetLayer(0).GetMetadata_Dict("SHAPEFILE") or {}
    if meta.get("SOURCE_ENCODING"):
        return None
    return meta.get("ENCODING_FROM_CPG") or meta.get("ENCODING_FROM_LDID") or None


def _text(value):
    """A field's value as OGR gives it, text that is not UTF-8 (a DBF that does not say its encoding, read
    without recoding; Python's bindings give its bytes as surrogates) decoded as ISO-8859-1, the DBF's
    customary encoding, instead of failing the output."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            value = value.encode("utf-8", "surrogateescape")
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("iso-8859-1")
    return value


def _open_zones(path, layer_name=None):
    if not os.path.exists(path) and not path.startswith("/vsi"):
        raise InputError(_("Zones '{path}' do not exist. Give a polygon file (GeoPackage, Shapefile, GeoJSON, ...).").format(
                             path=path))
    try:
        ds = ogr.Open(path)
    except RuntimeError as exc:
        raise InputError(_("Zones '{path}' cannot be read by OGR ({exc}). Give a polygon file (GeoPackage, "
                           "Shapefile, GeoJSON, ...).").format(path=path, exc=exc)) from None
    if ds is None or ds.GetLayerCount() == 0:
        raise InputError(_("Zones '{path}' hold no vector layer. Give a polygon file.").format(path=path))
    encoding = _shapefile_encoding(ds)
    if encoding:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=[f"ENCODING={encoding}"])
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    if layer_name:
        if layer_name not in names:
            raise InputError(_("Zones '{path}' have no layer '{layer_name}' (layers: {names}).").format(path=path,
                                 layer_name=layer_name, names=', '.join(names)))
        layer = ds.GetLayerByName(layer_name)
    elif len(names) > 1:
        raise InputError(_("Zones '{path}' hold {n_names} layers ({names}): say which with --layer.").format(
                             path=path, n_names=len(names), names=', '.join(names)))
    else:
        layer = ds.GetLayer(0)
    kind = ogr.GT_Flatten(layer.GetGeomType())
    if kind not in POLYGONAL + (ogr.wkbUnknown, ogr.wkbGeometryCollection):
        raise InputError(_("Zones '{name}' hold {kind}s, not polygons. Give polygons (fields, parcels, districts); "
                           "buffer points or lines first.").format(name=os.path.basename(path),
                                                                   kind=ogr.GeometryTypeToName(kind).lower()))
    return ds, layer


def _transform(layer, grid, path):
    """(coordinate transformation to the map's CRS or None, note for the summary)."""
    map_srs = srs_from_wkt(grid.wkt)
    srs = layer.GetSpatialRef()
    # a GeoPackage written without a CRS says "Undefined geographic SRS" (srs_id 0) or "Undefined Cartesian
    # SRS" (-1): no CRS either, not degrees
    if srs is None or (srs.GetName() or "").lower().startswith("undefined"):
        return None, NO_CRS
    srs = srs.Clone()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if srs.IsSame(map_srs):
        return None, ""
    try:
        ct = osr.CoordinateTransformation(srs, map_srs)
    except RuntimeError as exc:
        raise InputError(_("Zones '{name}' ({GetName}) cannot be transformed to the map's "
                           "CRS ({GetName2}): {exc}. Reproject them (QGIS: Vector > Data Management "
                           "Tools > Reproject Layer) and run again.").format(name=os.path.basename(path),
                             GetName=srs.GetName(), GetName2=map_srs.GetName(), exc=exc)) from None
    return ct, _("reprojected from {crs} to the map's CRS ({map_crs})").format(crs=srs.GetName(),
                                                                               map_crs=map_srs.GetName())


# ---------------------------------------------------------------------------------------------- counting
class _Counter:
    """Counts one polygon's pixels (centre inside) per class and area, by windows of its extent."""

    def __init__(self, ds, grid, n_intervals, block_pixels):
        self.ds = ds  # held as long as its band: GDAL 3.6's Python bindings do not keep a band's dataset alive
        self.band = ds.GetRasterBand(1)
        self.nodata = self.band.GetNoDataValue()
        self.grid, self.k, self.block = grid, n_intervals, max(1, int(block_pixels))
        self.name = os.path.basename(ds.GetDescription())
        x0, y0, x1, y1 = grid.bounds
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
            ring.AddPoint_2D(x, y)
        self.bounds = ogr.Geometry(ogr.wkbPolygon)
        self.bounds.AddGeometry(ring)
        self.mem_ds = ogr.GetDriverByName("Memory").CreateDataSource("")
        self.srs = srs_from_wkt(grid.wkt)
        self.mem = self.mem_ds.CreateLayer("zone", self.srs, ogr.wkbUnknown)
        self.raster = gdal.GetDriverByName("MEM")
        self.uniform = grid.uniform_area
        self.pixel_m2 = float(grid.pixel_area_m2(0, 1)[0])

    def count(self, geom):
        """(valid m², nodata m², [m² of interval k for k = 1 .. K], partly outside) of ``geom`` (map CRS);
        None when its extent misses the map."""
        g = self.grid
        xmin, xmax, ymin, ymax = geom.GetEnvelope()
        c0 = max(0, int(math.floor((xmin - g.x0) / g.px)))
        c1 = min(g.width, int(math.ceil((xmax - g.x0) / g.px)))
        r0 = max(0, int(math.floor((g.y0 - ymax) / g.py)))
        r1 = min(g.height, int(math.ceil((g.y0 - ymin) / g.py)))
        if c1 <= c0 or r1 <= r0:
            return None
        bx0, by0, bx1, by1 = g.bounds
        partly = (xmin < bx0 or xmax > bx1 or ymin < by0 or ymax > by1) and not geom.Within(self.bounds)
        feature = ogr.Feature(self.mem.GetLayerDefn())
        feature.SetGeometry(geom)
        self.mem.CreateFeature(feature)
        width = c1 - c0
        rows = max(1, self.block // width)
        areas, nodata = np.zeros(256), 0.0
        try:
            for y in range(r0, r1, rows):
                h = min(rows, r1 - y)
                mask_ds = self.raster.Create("", width, h, 1, gdal.GDT_Byte)
                mask_ds.SetGeoTransform((g.x0 + c0 * g.px, g.px, 0.0, g.y0 - y * g.py, 0.0, -g.py))
                mask_ds.SetSpatialRef(self.srs)
                gdal.RasterizeLayer(mask_ds, [1], self.mem, burn_values=[1])
                inside = mask_ds.GetRasterBand(1).ReadAsArray() > 0
                mask_ds = None
                if not inside.any():
                    continue
                try:
                    values = self.band.ReadAsArray(c0, y, width, h)
                except RuntimeError as exc:
                    raise InputError(_("Reading rows {y}-{y2} of '{name}' failed ({exc}).").format(y=y, y2=y + h,
                                         name=self.name, exc=exc)) from None
                w = None if self.uniform else np.broadcast_to(
                    self.grid.pixel_area_m2(y, h)[:, None], values.shape)[inside]
                v = values[inside].astype(np.int64)
                if self.nodata is not None:  # the map's own nodata, whatever its value (-1, 65535, ...)
                    missing = v == self.nodata
                    if missing.any():
                        nodata += float(missing.sum()) * self.pixel_m2 if w is None else float(w[missing].sum())
                        v, w = v[~missing], (None if w is None else w[~missing])
                if v.size and (v.min() < 0 or v.max() > 255):  # (before bincount, which refuses negatives)
                    raise class_value_error(self.name, int(v[(v < 0) | (v > 255)][0]))
                if w is None:
                    areas += np.bincount(v, minlength=256)[:256] * self.pixel_m2
                else:
                    areas += np.bincount(v, weights=w, minlength=256)[:256]
        finally:
            self.mem.DeleteFeature(feature.GetFID())
        nodata += areas[NODATA]
        beyond = np.flatnonzero(areas[self.k + 1:NODATA])
        if beyond.size:
            raise InputError((_("Map '{name}' holds the value {value}, but names {k} intervals (0 no change, 1 .. {k}, "
                                "255 nodata). Give the run's change_moment.tif as it was written.") if self.k != 1 else
                              _("Map '{name}' holds the value {value}, but names {k} interval (0 no change, 1 .. {k}, "
                                "255 nodata). Give the run's change_moment.tif as it was written.")).format(
                name=self.name, value=int(beyond[0]) + self.k + 1, k=self.k))
        return float(areas[:self.k + 1].sum()), float(nodata), [float(a) for a in areas[1:self.k + 1]], partly


def _polygonal(geom):
    """``geom`` as a polygon or multipolygon (curves linearised; the polygons of a collection, e.g. what
    MakeValid returns), or None when it has no polygon."""
    if ogr.GT_Flatten(geom.GetGeometryType()) in (ogr.wkbCurvePolygon, ogr.wkbMultiSurface):
        geom = geom.GetLinearGeometry()
    kind = ogr.GT_Flatten(geom.GetGeometryType())
    if kind in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        return None if geom.IsEmpty() else geom
    if kind != ogr.wkbGeometryCollection:
        return None
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(geom.GetGeometryCount()):
        part = _polygonal(geom.GetGeometryRef(i).Clone())
        if part is None:
            continue
        for p in ([part] if ogr.GT_Flatten(part.GetGeometryType()) == ogr.wkbPolygon else
                  [part.GetGeometryRef(j) for j in range(part.GetGeometryCount())]):
            out.AddGeometry(p)
    return out if out.GetGeometryCount() else None


def _zone(counter, feature, ct):
    """The ZoneFigures of one feature."""
    z = ZoneFigures(feature.GetFID())
    geom = feature.GetGeometryRef()
    if geom is None or geom.IsEmpty():
        z.note = EMPTY
        return z
    geom = _polygonal(geom.Clone())
    if geom is None:
        z.note = NOT_POLYGON
        return z
    notes = []
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS's "Self-intersection at or near point ...": noted
    try:
        valid = geom.IsValid()
        fixed = None if valid else geom.MakeValid()
    except RuntimeError:
        valid, fixed = False, None
    finally:
        gdal.PopErrorHandler()
    if not valid:
        fixed = _polygonal(fixed) if fixed is not None else None
        if fixed is not None and fixed.IsValid():
            geom = fixed
            notes.append(REPAIRED)
        else:
            z.note = INVALID
            return z
    if ct is not None:
        try:
            geom.Transform(ct)
        except RuntimeError:
            z.note = NOT_PLACED
            return z
        if not all(math.isfinite(v) for v in geom.GetEnvelope()):
            z.note = NOT_PLACED
            return z
    counted = counter.count(geom)
    if counted is None:
        valid = nodata = 0.0
        intervals, partly = [0.0] * counter.k, False
        notes.append(OUTSIDE)
    else:
        valid, nodata, intervals, partly = counted
        if valid == 0 and nodata == 0:  # (a polygon within the map's bounds is in it: too small for its pixels)
            if not partly:
                notes.append(NO_PIXEL)
            elif geom.Intersects(counter.bounds):  # its part in the map holds no pixel centre: both are said
                notes.extend((NO_PIXEL, PARTLY_OUTSIDE))
            else:  # (its extent reaches into the map, not the polygon itself)
                notes.append(OUTSIDE)
        elif partly:
            notes.append(PARTLY_OUTSIDE)
        if valid == 0 and nodata > 0:
            notes.append(NO_DATA)
    z.ha_valid, z.ha_nodata = valid / 1e4, nodata / 1e4
    z.ha_intervals = [a / 1e4 for a in intervals]
    z.note = "; ".join(notes)
    return z


# ---------------------------------------------------------------------------------------------- output
def check_output(path, overwrite=False):
    """Refuse an output in a format this tool does not write, an existing one (unless ``overwrite``), a
    folder, or one in a missing folder, before any work."""
    ext = os.path.splitext(path)[1].lower()
    if ext == ".shp":
        raise OutputError(_("Output '{path}': a Shapefile cuts field names at 10 characters (ha_2019_2020 and "
                            "pct_changed would lose their meaning). Give a .gpkg (or .csv for the table only).").format(
                              path=path))
    if ext not in OUTPUT_FORMATS:
        raise OutputError(_("Output '{path}': '{value}' is not a format the zones can be written "
                            "in; end the name with {OUTPUT_FORMATS}.").format(path=path, value=ext or _('no extension'),
                              OUTPUT_FORMATS=', '.join(OUTPUT_FORMATS)))
    if os.path.isdir(path):
        raise OutputError(_("Output '{abspath}' is a folder; give a file name.").format(abspath=os.path.abspath(path)))
    if os.path.exists(path) and not overwrite:
        raise OutputError(_("Output '{abspath}' already exists. Choose another file, delete it, "
                            "or allow overwriting (--overwrite).").format(abspath=os.path.abspath(path)))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(_("Folder '{folder}' does not exist; create it or choose another file.").format(
                              folder=folder))


def _new_fields(interval_fields_):
    out = [(f, ogr.OFTReal) for f in LEADING_FIELDS] + [(f, ogr.OFTReal) for f in interval_fields_]
    return out + [("most_change", ogr.OFTString), ("most_k", ogr.OFTInteger), ("last_change", ogr.OFTString),
                  ("last_k", ogr.OFTInteger), ("zone_note", ogr.OFTString)]


def _values(z, intervals):
    """The new fields' values of a zone, in the order of :func:`_new_fields`."""
    most, last = z.most_k, z.last_k

    def ha(v):  # to 0.01 m²: the figures' own precision, not float noise in the attribute table
        return None if v is None else round(v, 6)

    pct = None if z.pct_changed is None else round(z.pct_changed, 4)
    return ([ha(z.ha_valid), ha(z.ha_nodata), ha(z.ha_changed), pct]
            + [ha(v) for v in (z.ha_intervals or [None] * len(intervals))]
            + [intervals[most - 1] if most else None, most, intervals[last - 1] if last else None, last,
               z.note or None])


class _Writer:
    """Writes the zones to ``staged`` (:func:`model_core.staging.staged_output`: in a hidden folder beside
    ``path``, locked for this process, as the polygons' and the sample's; one that a run killed on the spot left
    is removed by the next), moved over ``path`` by :meth:`finish`.  (A hidden '.<name>.<pid>.part' file beside
    the output stayed for good after a kill -9.)"""

    def __init__(self, path, staged, src_layer, srs, new_fields):
        self.path = os.path.abspath(path)
        ext = os.path.splitext(self.path)[1]
        self.tmp = staged
        self.csv = ext.lower() == ".csv"
        defn = src_layer.GetLayerDefn()
        self.src_names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        self.new = [n for n, _ in new_fields]
        if self.csv:
            try:
                self.file = open(self.tmp, "w", newline="", encoding="utf-8")  # noqa: SIM115 -- closed in finish
            except OSError as exc:
                raise OutputError(_("Cannot write '{path}' ({value}). Choose another file or "
                                    "folder.").format(path=path, value=os_reason(exc))) from None
            self.writer = csv.writer(self.file)
            self.fid = "fid" not in [n.lower() for n in self.src_names]
            self.writer.writerow((["fid"] if self.fid else []) + self.src_names + self.new)
            return
        self.driver = ogr.GetDriverByName(driver_for(path))
        try:
            self.ds = self.driver.CreateDataSource(self.tmp)
            self.layer = self.ds.CreateLayer("change_by_zone", srs, src_layer.GetGeomType())
            for i in range(defn.GetFieldCount()):
                self.layer.CreateField(defn.GetFieldDefn(i))
            for name, kind in new_fields:
                self.layer.CreateField(ogr.FieldDefn(name, kind))
            self.layer.StartTransaction()
        except RuntimeError as exc:
            self.abort()
            raise OutputError(_("Cannot write '{path}' ({exc}). Choose another file or folder.").format(path=path,
                                  exc=exc)) from None
        self.out_defn = self.layer.GetLayerDefn()

    def add(self, feature, values):
        if self.csv:
            row = [_text(feature.GetField(i)) for i in range(len(self.src_names))]
            self.writer.writerow(([feature.GetFID()] if self.fid else []) + ["" if v is None else v for v in row]
                                 + ["" if v is None else v for v in values])
            return
        out = ogr.Feature(self.out_defn)
        n = len(self.src_names)
        for i in range(n):
            if feature.IsFieldSetAndNotNull(i):
                out.SetField(i, _text(feature.GetField(i)))
        for j, v in enumerate(values):
            if v is not None:
                out.SetField(n + j, v)
        geom = feature.GetGeometryRef()
        if geom is not None:
            out.SetGeometry(geom)
        out.SetFID(feature.GetFID())
        self.layer.CreateFeature(out)

    def abort(self):
        if self.csv:
            self.file.close()
        else:
            self.layer = self.ds = None

    def finish(self, metadata):
        try:
            if self.csv:
                self.file.close()
            else:
                for k, v in metadata.items():
                    self.layer.SetMetadataItem(k, v)
                self.layer.CommitTransaction()
                self.layer = self.ds = None
            if self.csv:
                os.replace(self.tmp, self.path)
            else:  # one step for a file of one part: the old output stays whole until the new one replaces it
                put_in_place(self.driver, self.tmp, self.path)
        except (OSError, RuntimeError) as exc:
            self.abort()
            raise OutputError(_("Cannot write '{path}' ({exc}). Free some space or choose another "
                                "folder.").format(path=self.path, exc=exc)) from None


# ---------------------------------------------------------------------------------------------- zones
def change_by_zones(moment_path, zones_path, out_path, layer_name=None, overwrite=False, progress=None,
                    cancel=None, block_pixels=1 << 22):
    """Write the figures of the module's docstring for every polygon of ``zones_path`` (layer ``layer_name``)
    on the change-moment map ``moment_path`` to ``out_path`` (a vector file of the zones with their
    attributes and the new fields, or a table when it ends with .csv) and return a :class:`ZonesResult`.

    ``progress(fraction)`` is called as the zones are counted, ``cancel()`` returning True stops and leaves
    nothing written (:class:`Cancelled`)."""
    t0 = time.perf_counter()
    check_output(out_path, overwrite)
    if os.path.exists(out_path) and os.path.exists(zones_path) and os.path.samefile(out_path, zones_path):
        # replacing it would drop the zones' file (with any other layers it holds) for the output
        raise OutputError(_("Output '{abspath}' is the zones' own file; give another file for "
                            "the output (the zones are read from this one).").format(
                              abspath=os.path.abspath(out_path)))
    ds, grid, intervals, dates = _moment_map(moment_path)
    zones_ds, layer = _open_zones(zones_path, layer_name)
    fields = interval_fields(dates, len(intervals))
    new_fields = _new_fields(fields)
    defn = layer.GetLayerDefn()
    own = {defn.GetFieldDefn(i).GetName().lower() for i in range(defn.GetFieldCount())}
    clash = [n for n, _ in new_fields if n.lower() in own]
    if clash:
        raise InputError((_("Zones '{name}' already have the fields {clash} (the output of an earlier run?). Give "
                            "the original polygons, or drop or rename those fields.") if len(clash) > 1 else
                          _("Zones '{name}' already have the field {clash} (the output of an earlier run?). Give "
                            "the original polygons, or drop or rename those fields.")).format(
            name=os.path.basename(zones_path), clash=', '.join(clash)))
    ct, crs_note = _transform(layer, grid, zones_path)
    srs = srs_from_wkt(grid.wkt) if crs_note == NO_CRS else layer.GetSpatialRef()
    counter = _Counter(ds, grid, len(intervals), block_pixels)
    n = max(1, layer.GetFeatureCount())
    zones = []
    with staged_output(out_path, ".caim-zones-") as (_scratch, staged):
        writer = _Writer(out_path, staged, layer, srs, new_fields)
        try:
            layer.ResetReading()
            for i, feature in enumerate(layer):
                if cancel is not None and cancel():
                    raise Cancelled(_("Cancelled by the user; nothing was written."))
                z = _zone(counter, feature, ct)
                zones.append(z)
                writer.add(feature, _values(z, intervals))
                if progress is not None and (i % 16 == 15 or i + 1 == n):
                    progress(min(1.0, (i + 1) / n))
        except BaseException:
            writer.abort()
            raise
        writer.finish({"CAIM_MAP": os.path.abspath(moment_path), "CAIM_INTERVALS": ";".join(intervals),
                       "CAIM_INTERVAL_FIELDS": ";".join(fields)})
    return ZonesResult(moment_path, zones_path, os.path.abspath(out_path), layer.GetName() if layer_name else "",
                       intervals, fields, zones, crs_note, time.perf_counter() - t0)


# ---------------------------------------------------------------------------------------------- CLI
def main(argv=None):
    import textwrap

    from model_core.errors import CaimError
    from model_core.predict import limit_gdal_cache

    notes = "\n".join(textwrap.fill(f"'{n}': {NOTE_HELP[n]}", 78, initial_indent="  ", subsequent_indent="    ")
                      for n in NOTE_ORDER)
    p = argparse.ArgumentParser(
        prog="python -m model_core zones", formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(
            "How much changed, and when, in each field, parcel or district: for every polygon of ZONES "
            "(any OGR format and CRS; overlapping polygons each count their shared pixels; a pixel counts "
            "when its centre is inside) the mapped area, the area without data, the changed area and share, "
            "the changed area of every interval, the interval with most change and the last interval with "
            "change, in hectares on the ground. Written as ZONES with their attributes and these fields.",
            78),
        epilog=textwrap.fill(f"Fields: {', '.join(LEADING_FIELDS)}, ha_<from>_<to> per interval (ha_interval<k> "
                             f"when the map carries no dates), {', '.join(TRAILING_FIELDS)}.", 78)
        + "\n\n" + textwrap.fill("zone_note says why a zone's figures are empty or partial (several notes are "
                                 "joined by '; ', e.g. 'no pixel centre inside; partly outside the map'):", 78)
        + "\n" + notes)
    p.add_argument("moment", help="change_moment.tif of a run (0 no change, k = interval k, 255 nodata)")
    p.add_argument("zones", help="polygons (GeoPackage, Shapefile, GeoJSON, ...; any CRS)")
    p.add_argument("--out", required=True, help="output: the zones with the new fields (.gpkg; .geojson, .json, "
                   ".fgb, .sqlite by extension), or a table (.csv)")
    p.add_argument("--layer", help="the layer of ZONES (when the file holds several)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing --out")
    args = p.parse_args(argv)
    limit_gdal_cache()
    try:
        res = change_by_zones(args.moment, args.zones, args.out, layer_name=args.layer, overwrite=args.overwrite)
    except CaimError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 130 if isinstance(exc, Cancelled) else 2
    except KeyboardInterrupt:
        print("\n" + _("Interrupted; no output was written."), file=sys.stderr)
        return 130
    print(res.text())
    return 0

