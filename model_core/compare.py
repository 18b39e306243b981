"""Comparison of a change map with a wall-to-wall reference raster (``python -m model_core compare``).

The reference (a digitised change mask, a national change product, a benchmark's label raster) may be
on any grid and in any CRS: it is read through a GDAL warped VRT onto the map's grid with nearest
neighbour, strip by strip, so memory stays bounded whatever the map's size.  One pass accumulates the
joint counts of (map class, reference value) over the pixels where both are valid; from them:

* the reference is a *change mask* with ``binary`` or ``changed_values`` given, or when it holds only 0
  and one other value (0/1, 0/255): changed = any non-zero value, or only ``changed_values``;
  otherwise a *moment map* numbered as the map (0 no change, k = the last change between date k and
  k+1; a value above the map's number of intervals is refused);
* the changed / unchanged confusion matrix and its scores, and with two moment maps the moment
  confusion matrix and its scores, by :mod:`model_core.metrics` (rows reference, columns map), so the
  figures are those ``evaluate`` gives on the same pixels;
* the changed area of the map and of the reference on the compared pixels, in hectares (pixel area of
  each row on the ground, see Grid.pixel_area_m2; unknown without a CRS).

The comparison is only as good as the reference's own accuracy and its co-registration with the map.
Only GDAL/OSR and numpy: no torch, no QGIS.
"""

import csv
import math
import os
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, osr

from model_core import metrics
from model_core.accuracy import _grid, _open_map, check_classes, class_names, class_value_error, shown_class
from model_core.errors import Cancelled, InputError, OutputError
from model_core.i18n import N_, _, localize_number, number, translated
from model_core.stack import extent, srs_from_wkt

gdal.UseExceptions()
osr.UseExceptions()

NO_NODATA = "none"      # --reference-nodata none: the reference's own nodata value is not used
MAX_VALUES = 65536      # distinct (map class, reference value) pairs before the reference is refused
CAVEAT = N_("the comparison is only as good as the reference's own accuracy and its co-registration with "
            "the map")
# the reasons pixels are left out: English keys of the CSV's rows, translated where the text shows them
# the metrics tables' column names as people read them in the text (metrics.format_area_table's names; the CSV's
# keys and evaluate's tables keep the English ones); no '.' or ',' in a translation: the table's numbers are then
# given the language's decimal mark by swapping the two (localize_number)
TABLE_HEADS = (N_("method"), N_("pixels"), N_("OA"), N_("prec"), N_("recall"), N_("F1"), N_("kappa"), N_("mF1"))
EXCLUDED = (N_("map nodata"), N_("reference nodata"), N_("outside the reference or masked"))


def parse_changed_values(text):
    """'1,2, 5' -> [1, 2, 5] (None for no text)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if not isinstance(text, str):
        return sorted({int(v) for v in text})
    out = set()
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            out.add(int(part))
        except ValueError:
            raise InputError(_("Changed value '{part}' is not a whole number; give the reference's values "
                               "that mean changed, comma-separated, e.g. 1,2.").format(part=part)) from None
    return sorted(out) or None


def parse_nodata(text):
    """A --reference-nodata value: None (the file's own), NO_NODATA or a number."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if isinstance(text, str) and text.strip().lower() == NO_NODATA:
        return NO_NODATA
    try:
        return float(text)
    except (TypeError, ValueError):
        raise InputError(_("Reference nodata '{text}' is not a number (or 'none' to use no nodata value).").format(
            text=text)) from None


@dataclass
class Comparison:
    """What :func:`compare` finds.  Confusion matrices: rows reference, columns map (as metrics)."""

    map_path: str
    reference_path: str
    map_kind: str                  # "change area", "change moment" or "class raster"
    reference_kind: str            # "change mask" or "moment map"
    changed_values: list           # reference values counted as changed in a mask (None: any non-zero)
    compared: int
    excluded: dict                 # reason -> pixels
    area_cm: np.ndarray            # 2 x 2
    area: dict                     # metrics.area_scores
    changed_ha_map: float          # NaN: unknown (no CRS)
    changed_ha_reference: float
    moment_cm: np.ndarray = None   # (K+1) x (K+1), both moment maps only
    moment: dict = None            # metrics.moment_scores
    labels: list = field(default_factory=list)       # class k -> name (moment comparison)
    class_ha_map: list = field(default_factory=list)
    class_ha_reference: list = field(default_factory=list)
    warped: bool = False
    notes: list = field(default_factory=list)        # in English (the CSV's)
    note_templates: list = None    # [(template, fields)] of ``notes``, for text() in the language it is shown in
    map_classes: tuple = None      # (kind, interval names, highest class) ``map_kind`` was made of, for text()

    @property
    def excluded_total(self):
        return int(sum(self.excluded.values()))

    @property
    def kappa(self):
        return self.area["kappa"]

    @property
    def oa(self):
        return self.area["oa"]

    @property
    def f1(self):
        return self.area["f1"]

    def _reference_text(self, shown=False):
        """What the reference was taken as: in English (the CSV's), or ``shown`` in the current language."""
        tr = translated if shown else str
        if self.reference_kind == "moment map":
            return tr(N_("a change-moment map numbered as the map"))
        what = (tr(N_("any non-zero value")) if self.changed_values is None
                else ", ".join(str(v) for v in self.changed_values))
        return tr(N_("a change mask (changed: {what})")).format(what=what)

    def _label(self, k):
        """Class ``k``'s name in the text: the engine's names and intervals (:func:`shown_class`) and the fallbacks translated."""
        name = self.labels[k]
        return _("interval {k}").format(k=k) if name == f"interval {k}" else shown_class(name)

    def text(self):
        """The comparison as the command line prints it and Processing's log shows it, in the current language
        (the metrics tables' column names too, :data:`TABLE_HEADS`; their numbers take the language's decimal
        mark).  In English, the tables as ``evaluate`` prints them."""
        def ha(v):
            return _("unknown (no CRS)") if math.isnan(v) else _("{ha:,.2f} ha").format(ha=number(v))

        def count(v):
            return format(number(int(v)), ",")

        excluded = ", ".join(f"{translated(k)} {count(v)}" for k, v in self.excluded.items() if v)
        columns = {h: translated(h) for h in TABLE_HEADS}  # (the metrics tables')
        kind = _describe(*self.map_classes, shown=True) if self.map_classes else self.map_kind
        lines = [_("Map:        {path} ({kind})").format(path=self.map_path, kind=kind),
                 _("Reference:  {path}, {kind}").format(path=self.reference_path, kind=self._reference_text(True))
                 + (_("; warped onto the map's grid (nearest neighbour)") if self.warped else ""),
                 _("Pixels:     {compared} compared, {excluded} excluded").format(
                     compared=count(self.compared), excluded=count(self.excluded_total))
                 + (f" ({excluded})" if excluded else ""),
                 "", _("Changed / unchanged (changed: map class > 0)")]
        cm = self.area_cm
        heads = [_("map unchanged"), _("map changed"), _("reference unchanged"), _("reference changed")]
        c1 = max([22] + [len(h) + 2 for h in heads[2:]])   # 22 and 15: the English table's own widths
        c2 = max([15] + [len(h) + 2 for h in heads[:2]])
        lines += [f"{'':<{c1}}{heads[0]:>{c2}}{heads[1]:>{c2}}",
                  f"{heads[2]:<{c1}}{count(cm[0, 0]):>{c2}}{count(cm[0, 1]):>{c2}}",
                  f"{heads[3]:<{c1}}{count(cm[1, 0]):>{c2}}{count(cm[1, 1]):>{c2}}",
                  f"TP {count(self.area['tp'])}  FP {count(self.area['fp'])}  FN {count(self.area['fn'])}  "
                  f"TN {count(self.area['tn'])}",
                  "", localize_number(metrics.format_area_table([(_("map vs reference"), self.area)], columns)), "",
                  _("changed area on the compared pixels: map {map}, reference {reference}").format(
                      map=ha(self.changed_ha_map), reference=ha(self.changed_ha_reference))]
        if self.moment is not None:
            labels = [self._label(k) for k in range(len(self.labels))]
            cols = [_("class"), _("map ha"), _("reference ha")]
            w = max([len(n) for n in labels + cols[:1]] + [12])
            c = max([12] + [len(h) for h in cols[1:]])
            lines += ["", _("Change moment (both maps number the intervals alike)"),
                      localize_number(metrics.format_moment_table([(_("map vs reference"), self.moment)], columns)),
                      "", f"{cols[0]:<{w}}  {cols[1]:>{c}}  {cols[2]:>{c}}  {columns['F1']:>7}"]
            for k, name in enumerate(labels):
                f1 = format(number(self.moment['f1_per_class'][k]), "7.4f") if self.moment["present"][k] else f"{'-':>7}"
                lines.append(f"{name:<{w}}  {self._num(self.class_ha_map[k]):>{c}}  "
                             f"{self._num(self.class_ha_reference[k]):>{c}}  {f1}")
            head = "  ".join(f"{k:>9}" for k in range(len(labels)))
            lines += ["", _("confusion matrix, pixels (rows: reference class, columns: map class)"),
                      f"{'':<{w}}  {head}"]
            lines += [f"{name:<{w}}  " + "  ".join(f"{int(v):9d}" for v in self.moment_cm[k])
                      for k, name in enumerate(labels)]
        notes = self.notes if self.note_templates is None else [_Notes.shown(*n) for n in self.note_templates]
        lines += [""] + [_("Note: {text}").format(text=n) for n in notes + [translated(CAVEAT)]]
        return "\n".join(lines)

    @staticmethod
    def _num(v):
        return _("unknown", context="area") if math.isnan(v) else format(number(v), ".2f")

    def rows(self):
        """(section, name, value) rows for the CSV."""
        def val(v):
            return "" if isinstance(v, float) and math.isnan(v) else v

        out = [("input", "map", self.map_path), ("input", "reference", self.reference_path),
               ("input", "map_kind", self.map_kind), ("input", "reference_kind", self._reference_text()),
               ("input", "reference_warped", "yes" if self.warped else "no"),
               ("pixels", "compared", self.compared), ("pixels", "excluded", self.excluded_total)]
        out += [("pixels", f"excluded: {k}", v) for k, v in self.excluded.items()]
        undefined = metrics.undefined_area_scores(self.area)  # 0 / 0: empty, as an absent class's F1
        out += [("area", k, "" if k in undefined else self.area[k])
                for k in ("tp", "fp", "fn", "tn", "oa", "precision", "recall", "f1", "kappa")]
        out += [("area", "changed_ha_map", val(self.changed_ha_map)),
                ("area", "changed_ha_reference", val(self.changed_ha_reference))]
        if self.moment is not None:
            out += [("moment", "oa", self.moment["oa"]), ("moment", "kappa", self.moment["kappa"]),
                    ("moment", "macro_f1", self.moment["macro_f1"])]
            for k, name in enumerate(self.labels):
                out += [("moment", f"f1 {k} {name}", self.moment["f1_per_class"][k] if self.moment["present"][k]
                         else ""),
                        ("moment", f"ha_map {k} {name}", val(self.class_ha_map[k])),
                        ("moment", f"ha_reference {k} {name}", val(self.class_ha_reference[k]))]
            n = len(self.labels)
            out += [("confusion", f"reference {i} / map {j}", int(self.moment_cm[i, j]))
                    for i in range(n) for j in range(n)]
        out += [("note", "", n) for n in self.notes + [CAVEAT]]
        return out


def check_output(path, overwrite=False):
    """Refuse an existing output (unless ``overwrite``) or a missing folder, before any work."""
    if os.path.exists(path) and not overwrite:
        raise OutputError(_("Output '{abspath}' already exists. Choose another file, delete it, "
                            "or allow overwriting (--overwrite).").format(abspath=os.path.abspath(path)))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(_("Folder '{folder}' does not exist; create it or choose another file.").format(
            folder=folder))


def write_csv(result, path, overwrite=False):
    """Write ``result.rows()`` as CSV (columns section, name, value): into a hidden folder beside ``path``
    (:func:`model_core.staging.staged_output`, locked for this process), moved into place at the end, so no
    half-written file is ever left.  (A hidden '.<name>.<pid>.part' file beside it stayed for good when a run
    was killed on the spot while writing it; the folder that such a run leaves is removed by the next.)"""
    from model_core.staging import staged_output

    check_output(path, overwrite)
    with staged_output(path, ".caim-compare-") as (_scratch, staged):
        try:
            with open(staged, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(["section", "name", "value"])
                writer.writerows(result.rows())
            os.replace(staged, path)
        except OSError as exc:
            raise OutputError(_("Cannot write '{path}' ({exc}).").format(path=path, exc=exc)) from None
    return os.path.abspath(path)


# ---------------------------------------------------------------------------------------------- inputs
def _map_classes(ds):
    """(kind, interval names or None): a CAIM change-area map names its classes unchanged / changed;
    a change-moment map names no change and each interval (and its CAIM_INTERVALS metadata does)."""
    names = class_names(ds)
    while names and not names[-1]:
        names.pop()
    meta = ds.GetMetadataItem("CAIM_INTERVALS")
    intervals = meta.split(";") if meta else None
    if [n.lower() for n in names] == ["unchanged", "changed"]:
        return "change area", intervals
    if len(names) > 1:
        return "change moment", names[1:]
    return ("change moment", intervals) if intervals else ("class raster", None)


def _open_reference(path):
    if not os.path.exists(path) and not path.startswith("/vsi"):
        raise InputError(_("Reference '{path}' does not exist. Give a raster of the reference change (a change "
                           "mask or a change-moment map).").format(path=path))
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise InputError(_("Reference '{path}' cannot be read by GDAL ({exc}). Give a raster GDAL reads "
                           "(GeoTIFF, VRT, ...).").format(path=path, exc=exc)) from None
    if ds is None or ds.RasterCount == 0:
        raise InputError(_("Reference '{path}' has no raster band. Give a raster of the reference change.").format(
            path=path))
    if gdal.DataTypeIsComplex(ds.GetRasterBand(1).DataType):
        raise InputError(_("Reference '{name}' holds complex values; give a class raster.").format(
            name=os.path.basename(path)))
    return ds


def _on_map_grid(map_ds, grid, ref_ds, ref_path, notes):
    """(dataset to read band 1 of on the map's grid, band whose 0 marks pixels outside the reference or
    masked by it (or None), the datasets the first is made of when it is a warped VRT (to keep open;
    empty when the reference is read as it is))."""
    name = os.path.basename(ref_path)
    map_name = os.path.basename(map_ds.GetDescription())
    ref_wkt = ref_ds.GetProjection()
    map_srs, ref_srs = srs_from_wkt(grid.wkt), srs_from_wkt(ref_wkt)
    same_size = (ref_ds.RasterXSize, ref_ds.RasterYSize) == (grid.width, grid.height)
    map_gt = map_ds.GetGeoTransform()
    same_gt = all(abs(a - b) <= 1e-6 * max(1.0, abs(b)) for a, b in zip(ref_ds.GetGeoTransform(), map_gt))
    if (map_srs is None) != (ref_srs is None):
        if same_size and same_gt:
            notes.add(N_("'{name}' has no CRS; the two share size and geotransform, so they are taken as on one "
                         "grid"), name=name if ref_srs is None else map_name)
        else:
            which = name if ref_srs is None else map_name
            bare = (ref_ds if ref_srs is None else map_ds).GetGeoTransform() == (0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
            if ref_srs is None and bare and same_size:
                # a label image without any georeferencing, of the map's size (e.g. a BMP or PNG mask)
                auth = map_srs.GetAuthorityName(None), map_srs.GetAuthorityCode(None)
                crs = f"{auth[0]}:{auth[1]}" if all(auth) else "MAP_CRS"
                x0, y0, x1, y1 = grid.bounds
                raise InputError(_(
                    "The reference '{name}' has no georeferencing at all (no CRS, no geotransform). If it covers "
                    "exactly the map's grid (it has its size, {width} x {height} px), give it the map's "
                    "georeferencing and compare with that file: gdal_translate -a_srs {crs} -a_ullr {x0:.10g} "
                    "{y1:.10g} {x1:.10g} {y0:.10g} {ref_path} reference_georef.tif").format(
                        name=name, width=grid.width, height=grid.height, crs=crs, x0=x0, y1=y1, x1=x1, y0=y0,
                        ref_path=ref_path))  # (the command's numbers keep the point: they are typed as they are)
            raise InputError((_("The reference '{name}' has no CRS, so it cannot be placed on the other's grid. "
                                "Assign it its CRS (QGIS: Raster > Projections > Assign Projection; or gdal_edit.py "
                                "-a_srs EPSG:...)") if ref_srs is None else
                              _("The map '{name}' has no CRS, so it cannot be placed on the other's grid. "
                                "Assign it its CRS (QGIS: Raster > Projections > Assign Projection; or gdal_edit.py "
                                "-a_srs EPSG:...)")).format(name=which)
                             + (_(" and its position (it has no geotransform either: gdal_edit.py -a_ullr ULX ULY "
                                  "LRX LRY)") if bare else "")
                             + _(", and compare again."))
    same_crs = map_srs is None or ref_srs is None or map_srs.IsSame(ref_srs)
    if same_crs and same_size and same_gt:
        band = ref_ds.GetRasterBand(1)
        flags = band.GetMaskFlags()
        masked = not (flags & gdal.GMF_ALL_VALID) and not (flags & gdal.GMF_NODATA)
        return ref_ds, band.GetMaskBand() if masked else None, ()
    if map_gt[5] > 0:  # rows going north: a raster without georeferencing
        raise InputError(_("The map '{map_name}' has no north-up georeferencing, so the reference '{name}' can only "
                           "be compared on the map's own grid (same size, no georeferencing), which it is not. "
                           "Georeference both and compare again.").format(map_name=map_name, name=name))
    # overlap, in the map's CRS
    xmin, ymin, xmax, ymax = extent(ref_ds)
    if not same_crs:
        try:
            ct = osr.CoordinateTransformation(ref_srs, map_srs)
            xmin, ymin, xmax, ymax = ct.TransformBounds(xmin, ymin, xmax, ymax, 21)
        except (RuntimeError, TypeError, AttributeError):
            xmin = math.inf
        if not all(map(math.isfinite, (xmin, ymin, xmax, ymax))):
            raise InputError(_("The reference '{name}' ({ref_crs}) cannot be transformed to the map's CRS "
                               "({map_crs}). Reproject the reference to the map's CRS (QGIS: Raster > "
                               "Projections > Warp; gdalwarp -t_srs) and compare again.").format(
                name=name, ref_crs=ref_srs.GetName(), map_crs=map_srs.GetName()))
    mx0, my0, mx1, my1 = grid.bounds
    if xmin >= mx1 or xmax <= mx0 or ymin >= my1 or ymax <= my0:
        raise InputError(_("The reference '{name}' does not overlap the map '{map_name}' (reference extent in the "
                           "map's CRS {xmin:.6g}, {ymin:.6g} - {xmax:.6g}, {ymax:.6g}; map {mx0:.6g}, {my0:.6g} - "
                           "{mx1:.6g}, {my1:.6g}). Give a reference of the map's area.").format(
            name=name, map_name=map_name, xmin=xmin, ymin=ymin, xmax=xmax, ymax=ymax, mx0=mx0, my0=my0, mx1=mx1,
            my1=my1))  # (coordinates keep the point, as QGIS's own extents in a text)
    src = ref_ds if ref_ds.RasterCount == 1 else gdal.Translate("", ref_ds, format="VRT", bandList=[1])
    options = dict(format="VRT", outputBounds=grid.bounds, width=grid.width, height=grid.height,
                   resampleAlg="near", dstAlpha=True, srcNodata="None")  # nodata kept as values: counted apart
    if map_srs is not None:
        options["dstSRS"] = grid.wkt
    try:
        vrt = gdal.Warp("", src, **options)
    except RuntimeError as exc:
        raise InputError(_("The reference '{name}' cannot be warped onto the map's grid ({exc}). Reproject it to "
                           "the map's CRS (gdalwarp -t_srs) and compare again.").format(name=name, exc=exc)) from None
    return vrt, vrt.GetRasterBand(vrt.RasterCount), (src,)


# ---------------------------------------------------------------------------------------------- compare
def compare(map_path, reference_path, binary=False, reference_nodata=None, changed_values=None,
            block_pixels=1 << 19, progress=None, cancel=None):
    """Compare the change map ``map_path`` with the reference raster ``reference_path`` (see the module).

    ``reference_nodata``: a number replacing the reference's own nodata value, or ``'none'`` to use none;
    ``changed_values``: the reference values that mean changed (a list or '1,2'; implies ``binary``);
    ``progress(fraction)`` is called after every strip, ``cancel()`` returning True stops the pass."""
    changed_values = parse_changed_values(changed_values)
    nodata_arg = parse_nodata(reference_nodata) if not isinstance(reference_nodata, (int, float)) \
        else float(reference_nodata)
    map_ds = _open_map(map_path)
    ref_ds = _open_reference(reference_path)
    grid = _grid(map_ds)
    map_kind, intervals = _map_classes(map_ds)
    map_band = map_ds.GetRasterBand(1)
    map_nodata = map_band.GetNoDataValue()
    own_nodata = ref_ds.GetRasterBand(1).GetNoDataValue()
    ref_nodata = own_nodata if nodata_arg is None else None if nodata_arg == NO_NODATA else nodata_arg
    notes = _Notes()
    ds, mask_band, sources = _on_map_grid(map_ds, grid, ref_ds, reference_path, notes)
    warped = bool(sources)
    ref_band = ds.GetRasterBand(1)
    floating = ref_band.DataType in (gdal.GDT_Float32, gdal.GDT_Float64)
    byte_ref = ref_band.DataType == gdal.GDT_Byte
    width, height = grid.width, grid.height
    rows = max(1, block_pixels // max(width, 1))
    counts, areas = {}, {}  # reference value * 256 + map class -> pixels, m² (grids of varying pixel area)
    excluded = {"map nodata": 0, "reference nodata": 0, "outside the reference or masked": 0}
    ref_name, map_name = os.path.basename(reference_path), os.path.basename(map_path)
    for y in range(0, height, rows):
        if cancel is not None and cancel():
            raise Cancelled(_("Cancelled by the user; nothing was written."))
        h = min(rows, height - y)
        try:
            mv = map_band.ReadAsArray(0, y, width, h)
            rv = ref_band.ReadAsArray(0, y, width, h)
            inside = mask_band.ReadAsArray(0, y, width, h) > 0 if mask_band is not None else None
        except RuntimeError as exc:
            raise InputError(_("Reading rows {y}-{end} of '{map_name}' or of the reference '{ref_name}' on the map's "
                               "grid failed ({exc}).").format(y=y, end=y + h, map_name=map_name, ref_name=ref_name,
                                                             exc=exc)) from None
        map_ok = mv != 255
        if map_nodata is not None:
            map_ok &= mv != map_nodata
        bad = map_ok & ((mv < 0) | (mv > 254))
        if bad.any():
            raise class_value_error(map_name, int(mv[bad][0]))
        excluded["map nodata"] += int((~map_ok).sum())
        if inside is not None:
            out = map_ok & ~inside
            excluded["outside the reference or masked"] += int(out.sum())
            map_ok &= inside
        ref_nd = np.zeros(rv.shape, bool)
        if floating:
            ref_nd |= np.isnan(rv)
        if ref_nodata is not None:
            ref_nd |= rv == ref_nodata
        excluded["reference nodata"] += int((map_ok & ref_nd).sum())
        valid = map_ok & ~ref_nd
        if not valid.any():
            continue
        r = rv[valid]
        if floating:
            if not np.isfinite(r).all():
                raise InputError(_("Reference '{ref_name}' holds infinite values (where the map is valid): a "
                                   "reference holds whole-number classes. Mark them as nodata (gdal_calc.py or "
                                   "the Raster calculator) or fill them.").format(ref_name=ref_name))
            frac = r != np.floor(r)
            if frac.any():
                raise InputError(_("Reference '{ref_name}' holds the value {value:g}: a reference "
                                   "holds whole-number classes (a change mask or change moments). Give a class "
                                   "raster, or its nodata with --reference-nodata.").format(
                    ref_name=ref_name, value=float(r[frac][0])))  # (kept with its point: typed as an option)
        r = r.astype(np.int64)
        key = r * 256 + mv[valid].astype(np.int64)
        row_area = None if grid.uniform_area else grid.pixel_area_m2(y, h)
        weights = np.broadcast_to(row_area[:, None], mv.shape)[valid] if row_area is not None else None
        if byte_ref:
            n = np.bincount(key, minlength=65536)
            uniq = np.flatnonzero(n)
            n = n[uniq]
            a = np.bincount(key, weights=weights, minlength=65536)[uniq] if weights is not None else None
        else:
            uniq, inverse, n = np.unique(key, return_inverse=True, return_counts=True)
            a = np.bincount(inverse, weights=weights) if weights is not None else None
        for i, k in enumerate(uniq.tolist()):
            counts[k] = counts.get(k, 0) + int(n[i])
            if a is not None:
                areas[k] = areas.get(k, 0.0) + float(a[i])
        if len(counts) > MAX_VALUES:
            raise InputError(_("Reference '{ref_name}' holds more than {MAX_VALUES} distinct values where the map is "
                               "valid: it is not a class raster. Give a change mask or a change-moment map.").format(
                ref_name=ref_name, MAX_VALUES=MAX_VALUES))
        if progress is not None:
            progress((y + h) / height)
    compared = int(sum(counts.values()))
    if compared == 0:
        parts = ", ".join(f"{translated(k)} {format(number(v), ',')}" for k, v in excluded.items() if v)
        raise InputError(_("No pixel where both the map '{map_name}' and the reference '{ref_name}' are valid "
                           "({parts}). Check that the reference covers the map's area and its nodata value "
                           "({nodata}; --reference-nodata changes it).").format(
            map_name=map_name, ref_name=ref_name, parts=parts,
            nodata=_("none", context="nodata value") if ref_nodata is None else f"{ref_nodata:g}"))
    check_classes(map_name, sorted({k % 256 for k in counts}), class_names(map_ds))  # e.g. not an image
    pixel_m2 = float(grid.pixel_area_m2(0, 1)[0])  # uniform: every pixel's (no CRS: NaN)

    def area_of(k):
        return counts[k] * pixel_m2 if grid.uniform_area else areas.get(k, 0.0)

    values = sorted({k // 256 for k in counts})
    map_max = max(k % 256 for k in counts)
    nonzero = [v for v in values if v != 0]
    as_mask = binary or changed_values is not None or len(nonzero) <= 1
    if as_mask and not (binary or changed_values is not None):
        notes.add(N_("the reference holds only {values} on the compared pixels: compared as a change mask")
                  if nonzero else N_("the reference holds only {values} on the compared pixels: compared as a change "
                                     "mask (nothing changed there)"), joined=[str(v) for v in values])
    if changed_values is not None:
        missing = [v for v in changed_values if v not in values]
        if missing:
            notes.add(N_("changed values {values} do not occur in the reference on the compared pixels")
                      if len(missing) > 1 else
                      N_("changed value {values} does not occur in the reference on the compared pixels"),
                      values=", ".join(map(str, missing)))
    n_intervals = len(intervals) if intervals else None
    if not as_mask:
        limit = n_intervals if n_intervals is not None else (None if map_kind == "change area" else map_max)
        if map_kind != "change area":
            limit = max(limit, map_max)
        negative = [v for v in values if v < 0]
        if negative:
            raise InputError(_("Reference '{ref_name}' holds the value {value}: a moment reference holds 0 (no "
                               "change) and interval numbers k > 0. If the reference is a change mask, give --binary "
                               "or --changed-values; if {value} marks nodata, give --reference-nodata {value}.").format(
                ref_name=ref_name, value=negative[0]))
        bad = [v for v in values if limit is not None and v > limit]
        if bad:
            raise InputError((_("Reference '{ref_name}' holds the value {value}, but the map '{map_name}' has "
                                "{limit} intervals (classes 0 .. {limit}): a moment reference numbers the intervals "
                                "as the map does (0 no change, k = the last change between date k and k+1). If the "
                                "reference is a change mask, give --binary (changed = any non-zero value) or "
                                "--changed-values; if {value} marks nodata, give --reference-nodata {value}.")
                              if limit != 1 else
                              _("Reference '{ref_name}' holds the value {value}, but the map '{map_name}' has "
                                "{limit} interval (classes 0 .. {limit}): a moment reference numbers the intervals "
                                "as the map does (0 no change, k = the last change between date k and k+1). If the "
                                "reference is a change mask, give --binary (changed = any non-zero value) or "
                                "--changed-values; if {value} marks nodata, give --reference-nodata {value}.")).format(
                ref_name=ref_name, value=bad[-1], map_name=map_name, limit=limit))
    if own_nodata is not None and nodata_arg is None and excluded["reference nodata"]:
        if own_nodata == 0 or (as_mask and not nonzero):
            notes.add(N_("the reference's nodata value {value:g} excluded {n:,} pixels; if that value is a class "
                         "there (e.g. no change), give --reference-nodata none"), value=own_nodata,
                      n=excluded["reference nodata"])
    changed_set = set(changed_values) if changed_values is not None else None
    area_cm = np.zeros((2, 2), np.int64)
    ha_map = ha_ref = 0.0
    moment = map_kind != "change area" and not as_mask
    k_classes = max(map_max, max(values), n_intervals or 0) + 1 if moment else 0
    moment_cm = np.zeros((k_classes, k_classes), np.int64) if moment else None
    class_map, class_ref = np.zeros(k_classes), np.zeros(k_classes)
    for k, n in counts.items():
        r, m = k // 256, k % 256
        rc = int(r in changed_set) if changed_set is not None else int(r != 0) if as_mask else int(r > 0)
        mc = int(m > 0)
        area_cm[rc, mc] += n
        a = area_of(k)
        ha_map += a * mc
        ha_ref += a * rc
        if moment:
            moment_cm[r, m] += n
            class_map[m] += a
            class_ref[r] += a
    if map_kind == "change area" and not as_mask:
        notes.add(N_("the map is a change-area map: the moment reference is compared as changed (> 0) / unchanged"))
    if not grid.wkt:
        notes.add(N_("the map has no CRS: areas are unknown"))
    res = Comparison(os.path.abspath(map_path), os.path.abspath(reference_path) if os.path.exists(reference_path)
                     else reference_path, _describe(map_kind, intervals, map_max),
                     "change mask" if as_mask else "moment map", changed_values, compared, excluded,
                     area_cm, metrics.area_scores(area_cm), ha_map / 1e4, ha_ref / 1e4, warped=warped,
                     notes=list(notes), note_templates=notes.templates, map_classes=(map_kind, intervals, map_max))
    if moment:
        res.moment_cm = moment_cm
        res.moment = metrics.moment_scores(moment_cm)
        names = list(intervals or [])
        res.labels = ["no change"] + [names[k - 1] if k - 1 < len(names) and names[k - 1] else f"interval {k}"
                                      for k in range(1, k_classes)]
        res.class_ha_map = (class_map / 1e4).tolist()
        res.class_ha_reference = (class_ref / 1e4).tolist()
    return res


def _describe(kind, intervals, map_max, shown=False):
    """What the map is: in English (the CSV's), or ``shown`` in the current language."""
    tr = translated if shown else str
    if kind == "change area":
        return tr(N_("change area"))
    k = len(intervals) if intervals else map_max
    if kind == "change moment":
        return (tr(N_("change moment, {k} intervals")) if k != 1 else tr(N_("change moment, {k} interval"))).format(k=k)
    return tr(N_("class raster, classes 0 .. {map_max}")).format(map_max=map_max)


class _Notes(list):
    """The comparison's notes in English (the list itself: the CSV's rows), and ``templates``, each note's
    template and fields, to show it in the current language (:meth:`shown`)."""

    def __init__(self):
        super().__init__()
        self.templates = []

    def add(self, template, joined=None, **fields):
        """Add the note ``template`` (an English template marked with N_) filled with ``fields``; ``joined``:
        the values the field 'values' joins with ' and ', joined in the language shown."""
        if joined is not None:
            fields["values"] = " and ".join(joined)
        self.append(template.format(**fields))
        self.templates.append((template, dict(fields, joined=joined)))

    @staticmethod
    def shown(template, fields):
        """The note in the current language, its numbers with the language's decimal mark."""
        local = {k: number(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                 for k, v in fields.items()}
        if fields.get("joined") is not None:
            local["values"] = _(" and ").join(fields["joined"])
        return translated(template).format(**local)
