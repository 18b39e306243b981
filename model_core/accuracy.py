"""Accuracy assessment and area estimation of a change map from a labelled sample.

The good practice of Olofsson et al. (2014, Remote Sensing of Environment 148: 42-57) for land
change maps: the area of a change counted on a map is biased by the map's errors; a probability
sample of pixels labelled from reference data (higher-resolution imagery, field visits) gives
unbiased estimates of each class's area and of the map's accuracies, with confidence intervals.

* :func:`stratified_sample` draws a stratified random sample of pixels, the strata being the map's
  classes (for a change-moment map: no change and each interval), and writes it as points with an
  empty ``reference`` field for the analyst to fill in.
* :func:`assess` reads the labelled points back and estimates, with the stratified estimator, the
  error matrix in area proportions, overall, user's and producer's accuracies, and each class's area
  with its standard error and 95 % confidence interval (reference -1: changed, interval unknown,
  counts only when assessing changed / unchanged).  Accuracies are ratio estimators with the
  variance of Stehman (2014, IJRS 35: 4923-4939); when the map's classes are the strata they reduce
  to Olofsson et al.'s formulas.  With ``binary`` the classes are collapsed into changed / unchanged
  (e.g. a moment map assessed only for where change happened) while the strata stay the map's classes.

A map can also be compared pixel by pixel with a wall-to-wall reference raster (``compare``, in
:mod:`model_core.compare`): confusion matrix, kappa and F1 instead of sample-based estimates.

Only GDAL/OGR and numpy: no torch, no QGIS.
"""

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, ogr, osr

from model_core.errors import InputError, OutputError
from model_core.i18n import N_, Message, Said, _, number, os_reason, translated
from model_core.polygons import delete_vector, driver_for
from model_core.stack import Grid, srs_from_wkt

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

Z95 = 1.959964
BINARY_LABELS = {0: "unchanged", 1: "changed"}
CHANGED_UNKNOWN = -1  # reference label: the pixel changed, but when is not known (counts in --binary only)
CHANGED_UNKNOWN_LABEL = "changed, interval unknown"
# the engine's own names of a change map's classes (its category names and the sample's map_label, which
# programs read, stay English): shown in the current language
_ENGINE_CLASS_NAMES = (N_("no change"), N_("unchanged"), N_("changed"))


def shown_class(name):
    """A change map's class name as the current language shows it: the engine's own names translated and an
    interval ("2019 to 2020", "image 1 to image 2") as the run's layers name it ("2019 bis 2020"); any other
    name (a map's own categories) as the map has it."""
    if name in _ENGINE_CLASS_NAMES:
        return translated(name)
    from model_core.predict import interval_shown

    return interval_shown(name)


class _ClassName(Said):
    """A class name as a :class:`Message` field: English in the JSON record, shown in the language current
    when it is shown."""

    __slots__ = ()

    def __init__(self, name):
        super().__init__(name, name)

    def shown(self):
        return shown_class(self.english_text)

    def __str__(self):
        return self.shown()

    def __format__(self, spec):
        return format(self.shown(), spec)


_class_field = _ClassName


@dataclass
class MapClasses:
    """A classified map's classes: pixel counts and areas (m² on the ground, see Grid.pixel_area_m2)."""

    path: str
    wkt: str
    geotransform: tuple
    size: tuple                     # (width, height)
    nodata: float
    counts: dict                    # class -> pixels
    areas_m2: dict                  # class -> m² (NaN without a CRS)
    labels: dict = field(default_factory=dict)   # class -> name from the raster's category names
    names: list = field(default_factory=list)    # class_names of the map: index = class ('' unnamed)

    @property
    def classes(self):
        return sorted(self.counts)

    @property
    def total_area(self):
        """The mapped area (m², or pixels without a CRS): the stratum weights' denominator."""
        values = list(self.areas_m2.values())
        return sum(values) if values and not any(math.isnan(v) for v in values) else float(sum(self.counts.values()))

    def weight(self, c):
        a = self.areas_m2[c]
        return (a if not math.isnan(a) else self.counts[c]) / self.total_area

    def label(self, c):
        named = self.names[c] if 0 <= c < len(self.names) and c != self.nodata else None
        return self.labels.get(c) or named or f"class {c}"

    @property
    def named(self):
        """The classes the map names (a moment map names every interval, with pixels or not)."""
        return [c for c, n in enumerate(self.names) if n and c != self.nodata]


def _grid(ds):
    gt = ds.GetGeoTransform()
    wkt = ds.GetProjection()
    geographic, units = False, 1.0
    if wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(wkt)
        geographic = bool(srs.IsGeographic())
        units = 1.0 if geographic else float(srs.GetLinearUnits() or 1.0)
    return Grid(wkt, gt[0], gt[3], abs(gt[1]), abs(gt[5]), ds.RasterXSize, ds.RasterYSize, geographic, units)


def _open_map(path):
    if not os.path.exists(path) and not path.startswith("/vsi"):
        raise InputError(_("Map '{path}' does not exist. Give a change_area.tif or change_moment.tif of a run.").format(
                             path=path))
    try:
        ds = gdal.Open(path)
    except RuntimeError as exc:
        raise InputError(_("Map '{path}' cannot be read by GDAL ({exc}).").format(path=path, exc=exc)) from None
    gt = ds.GetGeoTransform()
    if gt[2] or gt[4]:
        raise InputError(_("Map '{name}' is rotated; give a north-up raster.").format(name=os.path.basename(path)))
    if ds.RasterCount != 1:
        raise InputError(_("Map '{name}' has {n} bands: a change map has one (0 no change, k = interval k, 255 "
                           "nodata), so this looks like an image. {give}").format(
            name=os.path.basename(path), n=ds.RasterCount, give=translated(GIVE_A_CHANGE_MAP)))
    band = ds.GetRasterBand(1)
    if band.DataType not in (gdal.GDT_Byte, gdal.GDT_UInt16, gdal.GDT_Int16, gdal.GDT_UInt32, gdal.GDT_Int32):
        raise InputError(_("Map '{name}' holds {GetDataTypeName} values; "
                           "a classified map has whole-number classes (e.g. change_moment.tif).").format(
                             name=os.path.basename(path), GetDataTypeName=gdal.GetDataTypeName(band.DataType)))
    return ds


GIVE_A_CHANGE_MAP = N_("Give a change_moment.tif or change_area.tif of a run, or a class raster with such "
                       "codes.")
MAX_UNNAMED_CLASSES = 64  # more distinct values than that, none named: an image, not a change map


def class_value_error(name, value):
    """The error for a map value that is no change-map class (shared with model_core.compare)."""
    return InputError(_("Map '{name}' holds the value {value}: a change map's classes are 0 .. 254 (0 no change, "
                        "k = interval k, 255 nodata). {GIVE_A_CHANGE_MAP}").format(name=name, value=value,
                          GIVE_A_CHANGE_MAP=translated(GIVE_A_CHANGE_MAP)))


def check_classes(name, classes, names=()):
    """Refuse a map whose valid values (``classes``, nodata left out) are not those of a change map: a
    value outside 0 .. 254, or more than MAX_UNNAMED_CLASSES values of which the map names none (a
    CAIM moment map names its intervals, however many)."""
    bad = [c for c in classes if not 0 <= c <= 254]
    if bad:
        raise class_value_error(name, bad[-1])
    if len(classes) > MAX_UNNAMED_CLASSES and not any(names):
        raise InputError(_("Map '{name}' holds {n_classes} different values ({min} .. {max}) "
                           "and names none of them: a change map holds 0 (no change) and one class per interval, "
                           "named or at most {MAX_UNNAMED_CLASSES}, so this looks like an image. {GIVE_A_CHANGE_MAP}").format(
                             name=name, n_classes=len(classes), min=min(classes), max=max(classes),
                             MAX_UNNAMED_CLASSES=MAX_UNNAMED_CLASSES, GIVE_A_CHANGE_MAP=translated(GIVE_A_CHANGE_MAP)))


def category_names(ds, band=1):
    """The category names of a band of the open dataset ``ds`` (a list, empty when there are none).

    GDAL 3.6's GeoTIFF driver loads a file's .aux.xml (where the names live) only when the dataset's
    metadata or georeferencing is first asked for; asked for the names first, it returns none."""
    ds.GetMetadata()
    return list(ds.GetRasterBand(band).GetCategoryNames() or [])


def class_names(ds):
    """The names of the classes of band 1 of the open map ``ds`` (index = class; empty when none): its
    category names, else, for a CAIM map whose .aux.xml side file (where GDAL keeps category names) was
    not copied with it, from the metadata in the file itself: a change-area map (so its band
    description says) unchanged / changed, a change-moment map no change and each interval of
    CAIM_INTERVALS."""
    names = category_names(ds)
    if any(names):
        return names
    intervals = ds.GetMetadataItem("CAIM_INTERVALS")
    if not intervals:
        return []
    if (ds.GetRasterBand(1).GetDescription() or "").lower().startswith("change area"):
        return list(BINARY_LABELS.values())
    return ["no change"] + intervals.split(";")


def read_map(path, block_pixels=1 << 22):
    """Count the classes of a classified map (band 1; its nodata, 255 for CAIM outputs, left out), in
    blocks of about ``block_pixels`` pixels; areas per class from the pixel area of each row."""
    ds = _open_map(path)
    band = ds.GetRasterBand(1)
    nodata = band.GetNoDataValue()
    grid = _grid(ds)
    width, height = ds.RasterXSize, ds.RasterYSize
    rows = max(1, block_pixels // max(width, 1))
    counts, areas = {}, {}
    for y in range(0, height, rows):
        h = min(rows, height - y)
        block = band.ReadAsArray(0, y, width, h)
        values, n = np.unique(block, return_counts=True) if block.dtype != np.uint8 else (
            np.arange(256), np.bincount(block.ravel(), minlength=256))
        row_area = grid.pixel_area_m2(y, h)
        uniform = grid.uniform_area
        for v, k in zip(values.tolist(), n.tolist()):
            if k == 0 or (nodata is not None and v == nodata):
                continue
            counts[v] = counts.get(v, 0) + k
            # no CRS: one (unknown) pixel area; else the ground area of each row's pixels
            a = k * float(row_area[0]) if uniform else float(((block == v).sum(axis=1) * row_area).sum())
            areas[v] = areas.get(v, 0.0) + a
    if not counts:
        raise InputError(_("Map '{name}' has no valid pixel (all nodata).").format(name=os.path.basename(path)))
    names = class_names(ds)
    check_classes(os.path.basename(path), sorted(counts), names)
    labels = {c: names[c] for c in counts if 0 <= c < len(names) and names[c]}
    return MapClasses(path, grid.wkt, grid.geotransform, (width, height), nodata, counts, areas, labels, names)


def parse_sizes(text):
    """'0:200,1:50' -> {0: 200, 1: 50}."""
    if not text:
        return {}
    out = {}
    for part in str(text).replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            c, n = part.split(":")
            out[int(c)] = int(n)
        except ValueError:
            raise InputError(_("Sample size '{part}' is not CLASS:N (e.g. 0:200,1:50).").format(part=part)) from None
        if out[int(c)] < 0:
            raise InputError(_("Sample size '{part}' is negative.").format(part=part))
    return out


UNCHANGED_FACTOR = 4  # default: the no-change class (0) gets 4 x n points, see stratified_sample


def stratified_sample(map_path, out_path, n=50, sizes=None, seed=0, overwrite=False, n_unchanged=None,
                      block_pixels=1 << 22, info=None):
    """Draw ``n`` random pixels of every class of the map, ``n_unchanged`` (default 4 x ``n``) of class 0
    (no change), ``sizes`` ({class: n}) overriding both; a class with fewer pixels gives them all.  Write
    them as points at pixel centres with the fields ``id``, ``map_class``, ``map_label`` and an empty
    ``reference`` for the analyst.  Returns {class: n drawn}.  ``info``: the map's :func:`read_map`, when
    the caller has it already (the map is then read once more, not twice).

    Why more points where the map says no change: the changes a map misses hide in that large class, a
    few per hundred pixels; with only ``n`` points there the estimated change area's confidence interval
    is far too narrow (in the simulation of tests/test_accuracy.py, the 95 % intervals held the true
    area 65 % of the time with 50 points there, 90 % with 100, 88 % with 200 and 94 % with 400; README)."""
    if os.path.isdir(out_path):  # deleting it as a data source would delete every shapefile in it
        raise OutputError(_("Points '{abspath}' is a folder; give a file name for the sample.").format(
                              abspath=os.path.abspath(out_path)))
    if os.path.exists(out_path) and not overwrite:
        raise OutputError(_("Output '{abspath}' already exists. Choose another file, delete it, "
                            "or allow overwriting (--overwrite).").format(abspath=os.path.abspath(out_path)))
    if n < 0 or (n_unchanged or 0) < 0:
        raise InputError(_("Sample sizes cannot be negative."))
    from model_core.polygons import VECTOR_FORMATS

    ext = os.path.splitext(out_path)[1].lower()
    if ext not in VECTOR_FORMATS:
        raise OutputError(_("Points '{out_path}': '{value}' is not a vector format the sample can "
                            "be written in; end the name with {VECTOR_FORMATS}.").format(out_path=out_path,
                              value=ext or _('no extension'), VECTOR_FORMATS=', '.join(VECTOR_FORMATS)))
    info = info or read_map(map_path)
    sizes = dict(sizes or {})
    unknown = sorted(set(sizes) - set(info.counts))
    if unknown:
        raise InputError(_("Sample sizes are given for class(es) {unknown}, which the map "
                           "'{name}' does not have (its classes: "
                           "{classes}).").format(unknown=', '.join(map(str, unknown)),
                             name=os.path.basename(map_path), classes=', '.join(map(str, info.classes))))
    rng = np.random.default_rng(seed)
    n0 = UNCHANGED_FACTOR * n if n_unchanged is None else n_unchanged
    wanted = {c: min(sizes.get(c, n0 if c == 0 else n), info.counts[c]) for c in info.classes}
    if not any(wanted.values()):
        raise InputError(_("These sample sizes draw no point at all (every class 0). Give at least one class a "
                           "size above 0 (--n, --sizes; in QGIS the points per class)."))
    ranks = {c: np.sort(rng.choice(info.counts[c], size=k, replace=False)) for c, k in wanted.items() if k}
    ds = _open_map(map_path)
    band = ds.GetRasterBand(1)
    width = ds.RasterXSize
    rows = max(1, block_pixels // max(width, 1))
    seen = {c: 0 for c in ranks}
    picked = []  # (class, row, col)
    for y in range(0, ds.RasterYSize, rows):
        h = min(rows, ds.RasterYSize - y)
        flat = band.ReadAsArray(0, y, width, h).ravel()
        for c, r in ranks.items():
            where = np.flatnonzero(flat == c)
            lo, hi = np.searchsorted(r, [seen[c], seen[c] + where.size])
            for pos in where[r[lo:hi] - seen[c]]:
                picked.append((c, y + int(pos) // width, int(pos) % width))
            seen[c] += where.size
    order = np.random.default_rng(seed + 1).permutation(len(picked))  # ids in random order: no class runs
    _write_points(out_path, info, [picked[i] for i in order], overwrite)
    return wanted


def _write_points(path, info, picked, overwrite):
    """Write the sample into a hidden folder beside ``path`` and move it there once complete: a run killed
    while writing it left a half-written sample under its name (an empty GeoPackage and its -journal),
    which a later run refused as existing and which could be labelled as the sample; and an existing sample
    given to be overwritten was deleted first, so a stopped or failed run lost it."""
    from model_core.staging import put_in_place, staged_output

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(_("Folder '{folder}' does not exist.").format(folder=folder))
    with staged_output(path, ".caim-sample-") as (_scratch, staged):
        driver = _write_points_to(staged, path, info, picked)
        if os.path.exists(path) and not overwrite:  # appeared meanwhile: never clobber
            raise OutputError(_("'{abspath}' appeared while the sample was written; nothing was "
                                "overwritten.").format(abspath=os.path.abspath(path)))
        put_in_place(driver, staged, path)


def _write_points_to(path, shown, info, picked):
    """Write the sample points to ``path`` (``shown``: the name the messages give); returns the driver."""
    driver = ogr.GetDriverByName(driver_for(path))
    srs = srs_from_wkt(info.wkt)
    try:
        ds = driver.CreateDataSource(path)
    except RuntimeError as exc:
        raise OutputError(_("Cannot write '{shown}' ({exc}).").format(shown=shown, exc=exc)) from None
    try:
        layer = ds.CreateLayer("sample", srs, ogr.wkbPoint)
        layer.SetMetadataItem("CAIM_MAP", os.path.abspath(info.path))  # which map: the labelling panel shows its run
        for name, kind in (("id", ogr.OFTInteger), ("map_class", ogr.OFTInteger), ("map_label", ogr.OFTString),
                           ("reference", ogr.OFTInteger), ("note", ogr.OFTString)):
            layer.CreateField(ogr.FieldDefn(name, kind))
        gt = info.geotransform
        transactions = ds.TestCapability(ogr.ODsCTransactions)  # GeoPackage yes, Shapefile no
        if transactions:
            ds.StartTransaction()
        for i, (c, row, col) in enumerate(picked, start=1):
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetField("id", i)
            f.SetField("map_class", int(c))
            f.SetField("map_label", info.label(c))
            f.SetFieldNull("reference")
            pt = ogr.Geometry(ogr.wkbPoint)
            pt.AddPoint_2D(gt[0] + (col + 0.5) * gt[1], gt[3] + (row + 0.5) * gt[5])
            f.SetGeometry(pt)
            layer.CreateFeature(f)
        if transactions:
            ds.CommitTransaction()
    except RuntimeError as exc:
        ds = None
        delete_vector(driver, path)
        raise OutputError(_("Writing the sample to '{shown}' failed ({exc}); nothing was kept. A GeoPackage "
                            "(.gpkg) is the format to use.").format(shown=shown, exc=exc)) from None
    except BaseException:  # Ctrl-C: closed before its folder is removed
        ds = None
        raise
    ds = None
    return driver


@dataclass
class Assessment:
    """What :func:`assess` estimates.  Areas in hectares (pixels without a CRS); ``*_se`` standard errors."""

    classes: list
    labels: dict
    strata: list
    counts: np.ndarray              # (K, K) sample counts, rows map class, columns reference class
    proportions: np.ndarray         # (K, K) estimated area proportions
    overall: float
    overall_se: float
    users: dict
    users_se: dict
    producers: dict
    producers_se: dict
    map_area: dict
    area: dict
    area_se: dict
    unit: str
    labelled: int
    unlabelled: int
    outside: int
    binary: bool = False
    notes: list = field(default_factory=list)      # in English (the JSON record's), as the warnings
    comparison: tuple = None        # (other map's name, overall accuracy difference, its standard error)
    warnings: list = field(default_factory=list)   # figures not to take at face value (e.g. ± 0 intervals)
    messages: tuple = None          # (notes, warnings) as :class:`model_core.i18n.Message`, to show them

    def shown_notes(self):
        """The notes in the current language (:attr:`notes` keeps them in English for the JSON record)."""
        return [m.shown() for m in self.messages[0]] if self.messages else list(self.notes)

    def shown_warnings(self):
        """The warnings in the current language."""
        return [m.shown() for m in self.messages[1]] if self.messages else list(self.warnings)

    def ci(self, se):
        return Z95 * se

    def to_dict(self):
        def clean(d):
            return {str(k): (None if v is None or (isinstance(v, float) and math.isnan(v)) else v) for k, v in d.items()}

        return {"classes": self.classes, "labels": clean(self.labels), "unit": self.unit,
                "sample_counts": self.counts.tolist(), "area_proportions": self.proportions.tolist(),
                "overall_accuracy": self.overall, "overall_accuracy_se": self.overall_se,
                "users_accuracy": clean(self.users), "users_accuracy_se": clean(self.users_se),
                "producers_accuracy": clean(self.producers), "producers_accuracy_se": clean(self.producers_se),
                "map_area": clean(self.map_area), "estimated_area": clean(self.area),
                "estimated_area_se": clean(self.area_se), "labelled": self.labelled,
                "unlabelled": self.unlabelled, "outside_or_nodata": self.outside, "binary": self.binary,
                "notes": self.notes, "warnings": self.warnings,
                "comparison": None if not self.comparison else {
                    "other_map": self.comparison[0], "overall_accuracy_difference": self.comparison[1],
                    "difference_se": self.comparison[2]}}

    def text(self):
        """The estimates as the command line prints them and Processing's log shows them, in the current language
        with its decimal mark (the class names are the map's, the engine's own and its intervals' in that language; the unit stays 'ha' or 'px')."""
        u = self.unit
        names = {c: shown_class(self.labels[c]) for c in self.classes}
        heads = [_("class"), _("map area {unit}").format(unit=u), _("estimated {unit}").format(unit=u),
                 _("± 95 % {unit}").format(unit=u), _("user accuracy"), _("producer accuracy")]
        w = max([len(names[c]) for c in self.classes] + [12, len(heads[0])])
        c1, c2 = max([14] + [len(h) for h in heads[1:3]]), max(12, len(heads[3]))
        c3 = max([20] + [len(h) for h in heads[4:]])
        sample = (_("Sample: {n} labelled points").format(n=self.labelled)
                  + (_(", {n} without a reference label left out").format(n=self.unlabelled) if self.unlabelled else "")
                  + (_(", {n} outside the map or on nodata left out").format(n=self.outside) if self.outside else ""))
        lines = [sample,
                 (_("Strata: the map's {n} classes").format(n=len(self.strata)) if len(self.strata) != 1
                  else _("Strata: the map's one class")) + _(
                     "; estimates by the stratified estimator (Olofsson et al. 2014), 95 % confidence intervals = 1.96 "
                     "standard errors"),  # (the translations write 1.96 with their decimal mark)
                 "", f"{heads[0]:<{w}}  {heads[1]:>{c1}}  {heads[2]:>{c1}}  {heads[3]:>{c2}}"]
        for c in self.classes:
            lines.append(f"{names[c]:<{w}}  {number(self.map_area[c]):{c1}.2f}  {number(self.area[c]):{c1}.2f}  "
                         f"{number(self.ci(self.area_se[c])):{c2}.2f}")
        lines += ["", _("overall accuracy {oa:.3f} ± {ci:.3f}").format(oa=number(self.overall),
                                                                       ci=number(self.ci(self.overall_se)))]
        if self.comparison:
            name, d, se = self.comparison
            lines.append((_("minus that of {name}: {d:+.3f} ± {ci:.3f} (paired, same points: a difference)")
                          if abs(d) > self.ci(se) else
                          _("minus that of {name}: {d:+.3f} ± {ci:.3f} (paired, same points: no evidence of a "
                            "difference)")).format(name=name, d=number(d), ci=number(self.ci(se))))
        lines += ["",
                  f"{heads[0]:<{w}}  {heads[4]:>{c3}}  {heads[5]:>{c3}}"]

        def fmt(v, se):
            return f"{number(v):.3f} ± {number(self.ci(se)):.3f}" if not math.isnan(v) else _("n/a")

        for c in self.classes:
            lines.append(f"{names[c]:<{w}}  {fmt(self.users[c], self.users_se[c]):>{c3}}  "
                         f"{fmt(self.producers[c], self.producers_se[c]):>{c3}}")
        head = "  ".join(f"{c:>8}" for c in self.classes)
        lines += ["", _("error matrix, sample counts (rows: map class, columns: reference class)"),
                  f"{'':<{w}}  {head}"]
        lines += [f"{names[c]:<{w}}  " + "  ".join(f"{int(v):8d}" for v in self.counts[i])
                  for i, c in enumerate(self.classes)]
        lines += ["", _("error matrix, estimated proportions of the mapped area"), f"{'':<{w}}  {head}"]
        lines += [f"{names[c]:<{w}}  " + "  ".join(f"{number(v):8.4f}" for v in self.proportions[i])
                  for i, c in enumerate(self.classes)]
        lines += ([_("Warning: {text}").format(text=n) for n in self.shown_warnings()]
                  + [_("Note: {text}").format(text=n) for n in self.shown_notes()])
        return "\n".join(lines)


def _stratified(weights, strata, y, x=None, census=(), size=None):
    """Stratified estimate of the mean of ``y`` (or of the ratio mean(y) / mean(x)) and its standard
    error: sums over strata h of W_h times the stratum's sample mean; variance W_h² s²/n_h (ratio:
    Stehman 2014's linearised variance).  ``weights``: {stratum: W_h}; ``strata``, ``y``, ``x``: per unit.
    Strata in ``census`` have every pixel labelled: their means are exact (no variance).

    ``size``: each unit's ground area (any scale; None: all equal).  A stratum's mean is then the ratio of
    its sampled units' areas of ``y`` to their whole area (the separate ratio estimator with the pixel area
    as the auxiliary variable, Cochran 1977 sec. 6.10), with the linearised variance from the residuals
    size × (y - mean): the classes' estimates add up to the map's area exactly, and labels that all agree
    keep their ± 0 (weighting each pixel by its area relative to the stratum's mean pixel area did
    neither: on a geographic grid the sample's mean pixel area is not the stratum's)."""
    num = den = 0.0
    parts = []
    for h, w in weights.items():
        sel = strata == h
        n = int(sel.sum())
        s = size[sel].astype(float) if size is not None else np.ones(n)
        s = s / s.mean()
        yh = y[sel].astype(float)
        xh = x[sel].astype(float) if x is not None else None
        my = float((yh * s).mean())
        mx = float((xh * s).mean()) if xh is not None else 0.0
        num += w * my
        den += w * mx
        if h not in census:
            parts.append((w, n, s * (yh - my), None if xh is None else s * (xh - mx)))
    if x is None:
        var = sum(w * w * ey.var(ddof=1) / n for w, n, ey, _unused in parts)
        return num, math.sqrt(var)
    if den <= 0:
        return float("nan"), float("nan")
    r = num / den
    var = 0.0
    for w, n, ey, ex in parts:
        var += w * w * (ey - r * ex).var(ddof=1) / n
    return r, math.sqrt(max(var, 0.0)) / den


SIZE_TOLERANCE = 1e-4  # pixel areas that differ by less (relative) are taken as equal


def _relative_size(info, strata, rows):
    """Each labelled pixel's ground area (m², or 1.0 where every pixel has the same area): the auxiliary
    variable of :func:`_stratified`'s ratio estimator, which needs it only up to a factor per stratum.  The
    strata are weighted by their areas, but the sample draws pixels with equal chances: on a grid whose pixel
    area varies (a geographic grid over a range of latitudes, Web Mercator) a class found where pixels are
    small would otherwise be counted at the stratum's mean pixel area; a sampled pixel stands for its own area.
    Pixel areas within SIZE_TOLERANCE of each other (a UTM scene) count as equal."""
    grid = _grid(_open_map(info.path))
    if grid.uniform_area or not strata.size:
        return np.ones(strata.size)
    per_row = grid.pixel_area_m2()
    if np.ptp(per_row) <= SIZE_TOLERANCE * per_row.mean():
        return np.ones(strata.size)
    return per_row[rows]


def _read_points(points_path, field_name, info, layer_name=None, others=()):
    """(stratum per labelled point, reference class per labelled point, unlabelled, outside, [values of
    each map of ``others`` (MapClasses on the same grid) per labelled point], {stratum: points on it},
    the ``map_class`` the sampler wrote per labelled point (-1: none), the map the sampler recorded
    (CAIM_MAP) or None, the map row of each labelled point).  A point on the nodata of any of the maps
    counts as outside."""
    if not os.path.exists(points_path) and not points_path.startswith("/vsi"):
        raise InputError(_("Points '{points_path}' does not exist. Give the sample file written by 'sample'.").format(
                             points_path=points_path))
    try:
        ds = ogr.Open(points_path)
    except RuntimeError as exc:
        raise InputError(_("Points '{points_path}' cannot be read ({exc}).").format(points_path=points_path, exc=exc)) from None
    if ds is None or ds.GetLayerCount() == 0:
        raise InputError(_("Points '{points_path}' is not a vector file with a layer.").format(
                             points_path=points_path))
    layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    if layer is None:
        raise InputError(_("Points '{points_path}' has no layer '{layer_name}'.").format(points_path=points_path,
                             layer_name=layer_name))
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    if field_name not in names:
        raise InputError(_("Points '{name}' have no field '{field_name}' (fields: "
                           "{names}). Give the field that holds the reference class.").format(
                             name=os.path.basename(points_path), field_name=field_name, names=', '.join(names)))
    has_map_class = "map_class" in names and field_name != "map_class"
    source = layer.GetMetadataItem("CAIM_MAP") or None  # written by the sampler: the map drawn from
    transform = None
    srs = layer.GetSpatialRef()
    if info.wkt and srs is not None:
        target = srs_from_wkt(info.wkt)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if not srs.IsSame(target):
            transform = osr.CoordinateTransformation(srs, target)
    ds_map = _open_map(info.path)
    band = ds_map.GetRasterBand(1)
    bands = [(_open_map(o.path), o.nodata) for o in others]  # (dataset kept referenced, nodata)
    inv = gdal.InvGeoTransform(info.geotransform)
    strata, refs, values, recorded, rows = [], [], [[] for _unused in others], [], []
    unlabelled = outside = 0
    drawn = {}  # stratum -> points on it, labelled or not
    bad = []
    for f in layer:
        value = f.GetField(field_name)
        geom = f.GetGeometryRef()
        if value is None or (isinstance(value, str) and not value.strip()):
            unlabelled += 1
            h = _class_at(band, _pixel_of(geom, transform, inv, info), info)
            if h is not None:
                drawn[h] = drawn.get(h, 0) + 1
            continue
        try:
            ref = int(float(value))
        except ValueError:
            bad.append(str(value))
            continue
        if ref < CHANGED_UNKNOWN:
            bad.append(str(value))
            continue
        cell = _pixel_of(geom, transform, inv, info)
        h = _class_at(band, cell, info)
        if h is None:
            outside += 1
            continue
        row, col = cell
        read = [int(ds.GetRasterBand(1).ReadAsArray(col, row, 1, 1)[0, 0]) for ds, _unused in bands]
        if any(nd is not None and v == nd for v, (_unused, nd) in zip(read, bands)):
            outside += 1
            continue
        for column, v in zip(values, read):
            column.append(v)
        strata.append(h)
        refs.append(ref)
        rows.append(row)
        drawn[h] = drawn.get(h, 0) + 1
        mc = f.GetField("map_class") if has_map_class else None
        try:
            recorded.append(int(float(mc)) if mc is not None and str(mc).strip() != "" else -1)
        except (TypeError, ValueError):
            recorded.append(-1)
    if bad:
        raise InputError(_("Reference values {bs} in field '{field_name}' are not "
                           "class numbers. Use the map's codes: 0 = no change, k = change between date k and k+1, "
                           "-1 = changed, interval unknown (for an area map: 0 unchanged, 1 changed).").format(
                             bs=', '.join(repr(b) for b in bad[:5]), field_name=field_name))
    return (np.array(strata, int), np.array(refs, int), unlabelled, outside, [np.array(v, int) for v in values],
            drawn, np.array(recorded, int), source, np.array(rows, int))


def _pixel_of(geom, transform, inv, info):
    """(row, col) of a point geometry on the map's grid, or None outside it (or without a geometry)."""
    if geom is None:
        return None
    geom = geom.Clone()
    if transform is not None:
        geom.Transform(transform)
    pt = geom.Centroid() if geom.GetGeometryType() not in (ogr.wkbPoint, ogr.wkbPoint25D) else geom
    col = math.floor(inv[0] + inv[1] * pt.GetX() + inv[2] * pt.GetY())
    row = math.floor(inv[3] + inv[4] * pt.GetX() + inv[5] * pt.GetY())
    return (row, col) if 0 <= col < info.size[0] and 0 <= row < info.size[1] else None


def _class_at(band, cell, info):
    """The map class at ``cell`` (None for no cell or the map's nodata)."""
    if cell is None:
        return None
    h = int(band.ReadAsArray(cell[1], cell[0], 1, 1)[0, 0])
    return None if info.nodata is not None and h == info.nodata else h


def _short(path):
    """'runs/cva/change_moment.tif' -> 'cva/change_moment.tif': run outputs share file names."""
    folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return os.path.join(folder, os.path.basename(path)) if folder else os.path.basename(path)


def _same_grid(a, b, what):
    if a.size != b.size or any(abs(x - y) > 1e-6 * max(1.0, abs(y)) for x, y in zip(a.geotransform, b.geotransform)):
        raise InputError(_("Map '{name}' and the {what} '{name2}' are not on "
                           "the same grid. Assess maps of runs on the same inputs and grid.").format(
                             name=os.path.basename(a.path), what=what, name2=os.path.basename(b.path)))


CLI_WORDS = {"strata": "--strata = this map", "binary": "--binary", "strata_param": "with --strata"}
MISMATCH_SHARE = 0.02  # labelled points whose map_class may differ from the strata map (a point moved a pixel)


def _check_drawn_from(info, strata, recorded, source, points_path, strata_given, words):
    """Refuse a sample not drawn from the strata map ``info``: the ``map_class`` the sampler wrote
    (``recorded``, -1 where none) differs from the strata map's class at more than MISMATCH_SHARE of
    the labelled points.  Its classes would weigh the estimates with the wrong strata."""
    known = recorded >= 0
    n = int(known.sum())
    differ = int((recorded[known] != strata[known]).sum())
    if not n or differ <= MISMATCH_SHARE * n:
        return
    name, pts = os.path.basename(info.path), os.path.basename(points_path)
    try:
        same = bool(source) and os.path.samefile(source, info.path)
    except OSError:
        same = False
    where = _("at {differ} of its {n} labelled points the map's class differs from the points' map_class (the "
              "class of the map the sample was drawn from").format(differ=differ, n=n)
    if same:
        raise InputError(_("The map '{name}' has changed since the sample '{pts}' was drawn from it (e.g. its run was "
                           "repeated into the same folder): {where}). The estimates need the strata the sample was "
                           "drawn from: give a copy of the map as it was then {word}, or draw a new "
                           "sample of '{name}' and label it.").format(name=name, pts=pts, where=where,
                             word=words['strata_param']))
    drawn_from = (_("'{source}', as the sample records").format(source=source) if source else
                  _("the sample does not record which map"))
    if strata_given:
        raise InputError(_("The sample '{pts}' was not drawn from the strata map '{name}': {where}; {drawn_from}). "
                           "Give the map the sample was drawn from {word}, or draw a new sample and "
                           "label it.").format(pts=pts, name=name, where=where, drawn_from=drawn_from,
                             word=words['strata_param']))
    raise InputError(_("The sample '{pts}' was not drawn from the map '{name}': {where}; {drawn_from}). The "
                       "estimates need the strata the sample was drawn from: to assess '{name}' with this sample, give "
                       "{source} {word}; or draw a new sample of '{name}' and label it.").format(
        pts=pts, name=name, where=where, drawn_from=drawn_from, word=words['strata_param'],
        source=f"'{source}'" if source else _("that map")))


def _check_labels(refs, maps, binary, field_name, points_path):
    """Refuse reference labels that are no code of the maps (``maps``: the assessed and strata map):
    their classes, with pixels or only named, -1 (changed, interval unknown) and, with ``binary``,
    1 (changed)."""
    codes = sorted(set().union(*(set(m.classes) | set(m.named) for m in maps)))
    valid = set(codes) | {CHANGED_UNKNOWN} | ({0, 1} if binary else set())
    bad = sorted(set(refs.tolist()) - valid)
    if not bad:
        return
    found = [(v, int((refs == v).sum())) for v in bad]
    values = ", ".join((_("{v} ({k} points)") if k > 1 else _("{v} ({k} point)")).format(v=v, k=k) for v, k in found)
    first = maps[0]
    listing = ", ".join(f"{c} = {first.label(c)}" for c in codes)
    if max(codes) > 1:  # a moment map: a change whose interval cannot be told
        listing += f", {CHANGED_UNKNOWN} = {CHANGED_UNKNOWN_LABEL}"
    if binary:
        listing += _("; changed / unchanged only: 0 = unchanged, any of the others = changed")
    one = len(bad) == 1
    raise InputError((_("Reference value {values} in field '{field_name}' of '{name}' is not a class of the map "
                        "'{name2}'. Its codes: {listing}. Correct the label of those points (or empty it to leave them "
                        "out).") if one else
                      _("Reference values {values} in field '{field_name}' of '{name}' are not classes of the map "
                        "'{name2}'. Its codes: {listing}. Correct the label of those points (or empty it to leave them "
                        "out).")).format(values=values, field_name=field_name, name=os.path.basename(points_path),
                                         name2=os.path.basename(first.path), listing=listing))


def assess(map_path, points_path, field_name="reference", binary=False, layer_name=None, strata_path=None,
           compare_path=None, words=None):
    """Estimate the map's accuracies and each class's area from labelled points (see the module).

    ``strata_path``: the map the sample was drawn from, when it is not the map assessed (e.g. one
    sample, drawn from one method's map, scoring another method's map of the same grid): its classes
    stay the strata and their areas the weights, while the accuracies are those of ``map_path``.
    ``compare_path``: another map of the same grid; the result's ``comparison`` is the estimated
    overall accuracy of ``map_path`` minus that of the other map, with its standard error from the same
    points (paired, so tighter than the two accuracies' own intervals suggest)."""
    info = read_map(strata_path or map_path)
    assessed = read_map(map_path) if strata_path else info
    if strata_path:
        _same_grid(assessed, info, _("strata map"))
    other = read_map(compare_path) if compare_path else None
    if other is not None:
        _same_grid(other, info, _("map to compare with"))
    maps = ([assessed] if strata_path else []) + ([other] if other is not None else [])
    strata, refs, unlabelled, outside, read, drawn, recorded, source, rows = _read_points(
        points_path, field_name, info, layer_name, maps)
    words = dict(CLI_WORDS, **(words or {}))  # how the caller names the options the messages point to
    _check_drawn_from(info, strata, recorded, source, points_path, bool(strata_path), words)
    _check_labels(refs, [assessed, info] if strata_path else [info], binary, field_name, points_path)
    values = read[0] if strata_path else strata
    other_values = read[-1] if other is not None else None
    unknown = int((refs == CHANGED_UNKNOWN).sum())
    if unknown and not binary:  # changed, but not when: no class of a moment assessment to put them in
        keep = refs != CHANGED_UNKNOWN
        strata, refs, values, rows = strata[keep], refs[keep], values[keep], rows[keep]
        other_values = other_values[keep] if other_values is not None else None
    if strata.size == 0:
        pts, name = os.path.basename(points_path), os.path.basename(info.path)
        counted = _("(field '{field_name}': {unlabelled} empty, {outside} outside or on nodata").format(
            field_name=field_name, unlabelled=unlabelled, outside=outside)
        # labelled, but off this map: the sample of another map (or area); with -1 labels on the map, those
        # are what leaves nothing to assess
        if outside and not unknown:
            try:
                other_map = bool(source) and not os.path.samefile(source, info.path)
            except OSError:
                other_map = bool(source)
            raise InputError(
                (_("No labelled point of '{pts}' lies on the map '{name}': its {outside} labelled point lies outside "
                   "the map or on its nodata {counted}). ") if outside == 1 else
                 _("No labelled point of '{pts}' lies on the map '{name}': its {outside} labelled points lie outside "
                   "the map or on its nodata {counted}). ")).format(pts=pts, name=name, outside=outside, counted=counted)
                + (_("The sample was drawn from '{source}', as it records: assess that map, or draw a new sample of "
                     "'{name}' and label it.") if other_map else
                   _("Give the map the sample was drawn from, or draw a new sample of '{name}' and label it.")).format(
                    source=source, name=name))
        if unknown:  # every label on the map is -1, which a moment assessment cannot place
            raise InputError(
                (_("No labelled point of '{pts}' can be used: its {unknown} labelled point is -1 ({label}), counted "
                   "only with {word} {counted}). Assess with {word}, or label the intervals.") if unknown == 1 else
                 _("No labelled point of '{pts}' can be used: its {unknown} labelled points are -1 ({label}), counted "
                   "only with {word} {counted}). Assess with {word}, or label the intervals.")).format(
                    pts=pts, unknown=unknown, label=CHANGED_UNKNOWN_LABEL, word=words['binary'], counted=counted))
        raise InputError(_("No labelled point of '{pts}' lies on the map {counted}). Fill in the reference class "
                           "of the sample's points first.").format(pts=pts, counted=counted))
    weights = {h: info.weight(h) for h in info.classes}
    problems, census, left_out = [], set(), []
    for h in info.classes:
        n = int((strata == h).sum())
        if n == info.counts[h]:  # every pixel of the class labelled (a small class the sample took whole)
            census.add(h)
        elif n == 0 and drawn.get(h, 0) >= info.counts[h]:  # every pixel drawn, none readable: nothing to add
            left_out.append(h)
        elif n < 2:
            problems.append((_("'{label}' ({px} px, {pct:.2f} % of the map) has {n} labelled point") if n == 1 else
                             _("'{label}' ({px} px, {pct:.2f} % of the map) has {n} labelled points")).format(
                label=_class_field(info.label(h)), px=info.counts[h], pct=number(100 * weights[h]), n=n))
    if problems:
        raise InputError(_("Every map class needs at least 2 labelled points for the estimates and their standard "
                           "errors: {problems}. Label more points there, or draw a new sample: it takes points in "
                           "every class.").format(problems="; ".join(problems)))
    kept = 1.0 - sum(weights[h] for h in left_out)
    if left_out:  # the estimates cover the rest of the map
        weights = {h: w / kept for h, w in weights.items() if h not in left_out}

    size = _relative_size(info, strata, rows)

    def est(y, x=None):  # y, x per pixel, weighted by its size: estimates of areas, not of pixel counts
        return _stratified(weights, strata, y, x, census, size)

    mapped = np.where(values > 0, 1, 0) if binary else values
    refs_c = np.where(refs != 0, 1, 0) if binary else refs
    classes = [0, 1] if binary else sorted(set(assessed.classes) | set(int(r) for r in refs_c))
    if binary:
        labels = dict(BINARY_LABELS)
    else:
        labels = {c: assessed.label(c) for c in classes}
    k = len(classes)
    index = {c: i for i, c in enumerate(classes)}
    counts = np.zeros((k, k), int)
    for m, r in zip(mapped, refs_c):
        counts[index[m], index[r]] += 1
    props = np.zeros((k, k))
    for i, m in enumerate(classes):
        for j, r in enumerate(classes):
            props[i, j], _se = est((mapped == m) & (refs_c == r))
    overall, overall_se = est(mapped == refs_c)
    comparison = None
    if other_values is not None:
        other_mapped = np.where(other_values > 0, 1, 0) if binary else other_values
        diff, diff_se = est((mapped == refs_c).astype(float) - (other_mapped == refs_c))
        comparison = (_short(compare_path), diff, diff_se)
    metres = bool(info.wkt)
    scale = (info.total_area / 10000.0 if metres else info.total_area) * kept
    unit = "ha" if metres else "px"
    users, users_se, producers, producers_se, area, area_se, map_area = {}, {}, {}, {}, {}, {}, {}
    for c in classes:
        both = (mapped == c) & (refs_c == c)
        if (mapped == c).any():
            users[c], users_se[c] = est(both, mapped == c)
        else:
            users[c], users_se[c] = float("nan"), float("nan")
        if (refs_c == c).any():
            producers[c], producers_se[c] = est(both, refs_c == c)
        else:
            producers[c], producers_se[c] = float("nan"), float("nan")
        p, se = est(refs_c == c)
        area[c], area_se[c] = p * scale, se * scale
        in_map = [h for h in assessed.classes if (h > 0) == bool(c)] if binary else [c] if c in assessed.counts else []
        map_area[c] = sum(assessed.weight(h) for h in in_map) * assessed.total_area / (10000.0 if metres else 1.0)
    # the notes and warnings as messages: English in the JSON record, in the current language where shown
    notes, warnings = [], []
    told = sorted(set(refs_c.tolist()))
    if len(told) == 1:
        warnings.append(Message(N_(
            "every labelled point has the reference class '{label}': the labels do not vary, so the ± 0 intervals do "
            "not mean that the estimates are exact (with n points in a map class, up to about 3/n of it could be "
            "another class the sample did not catch). Check the labels, and label more points if they are right."),
            label=_class_field(labels[told[0]])))
    past = [Message(kind, label=_class_field(labels[c])) for c in classes for kind, v, se, top in
            ((N_("user's accuracy of '{label}'"), users[c], users_se[c], 1.0),
             (N_("producer's accuracy of '{label}'"), producers[c], producers_se[c], 1.0),
             (N_("area of '{label}'"), area[c], area_se[c], scale))
            if math.isfinite(v) and math.isfinite(se) and (v - Z95 * se < -1e-9 or v + Z95 * se > top * (1 + 1e-9))]
    if past:
        # not a class the sample took whole: it is exact, more points narrow nothing there (and when every class
        # was taken whole, no interval runs past anything)
        fewest = min((h for h in weights if h not in census), key=lambda h: (int((strata == h).sum()), h), default=None)
        where = "" if fewest is None else Message(N_(" (fewest: {n} in '{label}')"),
                                                   n=int((strata == fewest).sum()), label=_class_field(info.label(fewest)))
        more = Message(N_(" and {n} more"), n=len(past) - 3) if len(past) > 3 else ""
        notes.append(Message(N_(
            "the 95 % intervals of {what}{more} run past what is possible (below 0, or above 1 or the map's area): the "
            "normal approximation behind them is rough with few points per map class{where}; read such an interval "
            "as reaching the bound, and label more points in the small classes to narrow it") if len(past) > 1 else
            N_("the 95 % interval of {what}{more} runs past what is possible (below 0, or above 1 or the map's area): "
               "the normal approximation behind them is rough with few points per map class{where}; read such an "
               "interval as reaching the bound, and label more points in the small classes to narrow it"),
            what=past[:3], more=more, where=where))
    changed_map, changed_ref = values > 0, refs != 0
    if changed_map.any() and changed_ref.any():  # omission against commission of change as a whole
        user, _se = est(changed_map & changed_ref, changed_map)
        producer, _se = est(changed_map & changed_ref, changed_ref)
        if user - producer > 0.2:
            notes.append(Message(N_(
                "the map misses more change than it invents (changed: user's accuracy {user:.2f}, producer's "
                "{producer:.2f}): its change area is too small; raise the sensitivity (e.g. +0.5), run again and "
                "assess that map with this sample ({word}); a setting chosen on this sample makes its estimates "
                "optimistic, so label a second sample for the figures you report"),
                user=user, producer=producer, word=words['strata']))
        elif producer - user > 0.2:
            notes.append(Message(N_(
                "the map invents more change than it misses (changed: user's accuracy {user:.2f}, producer's "
                "{producer:.2f}): lower the sensitivity or set a minimum change patch, run again and assess that map "
                "with this sample ({word}); a setting chosen on this sample makes its estimates optimistic, so label "
                "a second sample for the figures you report"), user=user, producer=producer, word=words['strata']))
    if unknown and not binary:
        notes.append(Message(N_(
            "{n} points labelled {code} ({label}) count only when assessing changed / unchanged ({word}): left out "
            "here, which leans the estimates towards the points whose interval could be told") if unknown > 1 else
            N_("{n} point labelled {code} ({label}) counts only when assessing changed / unchanged ({word}): left out "
               "here, which leans the estimates towards the points whose interval could be told"),
            n=unknown, code=str(CHANGED_UNKNOWN), label=CHANGED_UNKNOWN_LABEL, word=words['binary']))
    for h in left_out:
        notes.append(Message(N_(
            "'{label}' ({px} px): every pixel of the class was drawn and none is labelled, so it is left out; the "
            "estimates cover the other {share:.6g} % of the map"), label=_class_field(info.label(h)), px=info.counts[h],
            share=100 * kept))
    if strata_path:
        notes.append(Message(N_("strata: the classes of '{name}', the map the sample was drawn from"),
                             name=_short(strata_path)))
    extra = sorted(set(int(r) for r in refs_c) - set(assessed.classes)) if not binary else []
    if extra:
        notes.append(Message(N_("reference class(es) {values} do not occur on the map: their map area is 0 and their "
                                "producer's accuracy 0"), values=", ".join(map(str, extra))))
    if not metres:
        notes.append(Message(N_("the map has no CRS: areas are in pixels")))
    return Assessment(classes, labels, info.classes, counts, props, overall, overall_se, users, users_se, producers,
                      producers_se, map_area, area, area_se, unit, int(strata.size), unlabelled, outside, binary,
                      [m.english() for m in notes], comparison, [m.english() for m in warnings],
                      messages=(notes, warnings))


# ---------------------------------------------------------------------------------------------- CLI
def main(argv=None):
    from model_core.errors import CaimError

    argv = list(sys.argv[1:] if argv is None else argv)
    p = argparse.ArgumentParser(prog="python -m model_core", description="accuracy assessment of a change map")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser("sample", help="draw a stratified random sample of a change map to label",
                       description="Draw a stratified random sample of a change map: N random pixels of every change "
                                   "class and 4 x N of the no-change class (change_moment.tif: no change "
                                   "and each interval; change_area.tif: unchanged, changed), and write them as points "
                                   "with an empty 'reference' field. Fill it in from reference imagery (the map's "
                                   "codes: 0 no change, k = change between date k and k+1, -1 changed but the interval cannot "
                                   "be told), then run 'assess'.")
    s.add_argument("map", help="change_moment.tif or change_area.tif of a run (any one-band raster of classes "
                   "0 .. 254)")
    s.add_argument("--out", required=True, help="points file (GeoPackage; .shp, .geojson, .json, .fgb, .sqlite by "
                   "extension)")
    s.add_argument("--n", type=int, default=50, help="points per change class (default 50)")
    s.add_argument("--n-unchanged", type=int, default=None, metavar="N0",
                   help="points in the no-change class 0, where missed changes hide (default 4 x --n)")
    s.add_argument("--sizes", metavar="C:N,...", help="per-class sizes overriding --n, e.g. 0:200,1:50")
    s.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    s.add_argument("--overwrite", action="store_true", help="replace an existing --out")
    a = sub.add_parser("assess", help="estimate accuracy and class areas from labelled sample points",
                       description="Estimate the error matrix in area proportions, overall, user's and producer's "
                                   "accuracies and each class's area with 95 % confidence intervals (stratified "
                                   "estimator, Olofsson et al. 2014) from points whose reference field is filled in.")
    a.add_argument("map", help="the map the sample was drawn from (its classes are the strata)")
    a.add_argument("points", help="the labelled points")
    a.add_argument("--field", default="reference", help="field holding the reference class (default 'reference')")
    a.add_argument("--binary", action="store_true", help="collapse the classes into unchanged (0) and changed (>0)")
    a.add_argument("--strata", metavar="MAP0", help="the map the sample was drawn from, when MAP is another map of "
                   "the same grid (e.g. another method's run): MAP0's classes stay the strata")
    a.add_argument("--compare", metavar="MAP2", help="another map of the same grid (another method or setting): "
                   "prints MAP's overall accuracy minus MAP2's with a paired 95 %% interval from the same points")
    a.add_argument("--json", metavar="FILE", help="also write the estimates as JSON")
    a.add_argument("--overwrite", action="store_true", help="replace an existing --json")
    c = sub.add_parser("compare", help="compare a change map with a wall-to-wall reference raster",
                       description="Compare a change map with a reference raster on any grid and CRS (warped onto "
                                   "the map's grid with nearest neighbour): changed / unchanged confusion counts, "
                                   "OA, precision, recall, F1 and kappa, the changed area of each in hectares, and "
                                   "with a moment reference OA, kappa, macro F1, per-interval F1 and the confusion "
                                   "matrix. Pixels where either is nodata, or outside the reference, are excluded "
                                   "and counted. The comparison is only as good as the reference's own accuracy "
                                   "and its co-registration with the map.")
    c.add_argument("map", help="change_moment.tif or change_area.tif of a run (any class raster: 0 no change, "
                   "k = interval k, 255 nodata)")
    c.add_argument("reference", help="reference raster: a change mask (e.g. 0/1, 0/255) or a change-moment map "
                   "numbered as the map")
    c.add_argument("--binary", action="store_true", help="the reference is a change mask: changed = any non-zero "
                   "value (automatic when it holds only 0 and one other value)")
    c.add_argument("--reference-nodata", metavar="V", help="the reference's nodata value, replacing the file's own; "
                   "'none': use none (e.g. when the file calls 0 nodata but 0 means no change)")
    c.add_argument("--changed-values", metavar="V1,V2", help="reference values that mean changed (implies "
                   "--binary); other values are unchanged")
    c.add_argument("--csv", metavar="FILE", help="also write the figures as CSV (columns section, name, value)")
    c.add_argument("--overwrite", action="store_true", help="replace an existing --csv")
    args = p.parse_args(argv)
    try:
        if args.command == "sample":
            info = read_map(args.map)
            drawn = stratified_sample(args.map, args.out, n=args.n, sizes=parse_sizes(args.sizes), seed=args.seed,
                                      overwrite=args.overwrite, n_unchanged=args.n_unchanged, info=info)
            for c, k in drawn.items():
                print(f"  {info.label(c):<28} {k:5d} points" + (f" (all {info.counts[c]} px of the class)"
                                                                if k == info.counts[c] else ""))
            print(f"{sum(drawn.values())} points written to {os.path.abspath(args.out)}; fill in 'reference', "
                  "then run: python -m model_core assess MAP POINTS")
            return 0
        if args.command == "assess":
            from model_core.compare import check_output

            if args.json:
                check_output(args.json, args.overwrite)  # before any work: never replaced unasked
            res = assess(args.map, args.points, args.field, binary=args.binary, strata_path=args.strata,
                         compare_path=args.compare)
            print(res.text())
            if args.json:  # written in a hidden folder and moved into place: a killed run leaves no half file
                from model_core.staging import staged_file

                try:
                    with staged_file(args.json, ".caim-assess-") as staged, open(staged, "w", encoding="utf-8") as f:
                        json.dump(res.to_dict(), f, indent=1)
                except OSError as exc:
                    raise OutputError(_("Cannot write '{json}' ({value}).").format(json=args.json,
                                          value=os_reason(exc))) from None
            return 0
        if args.command == "compare":
            from model_core.compare import check_output, compare, write_csv
            from model_core.predict import limit_gdal_cache

            limit_gdal_cache()  # strips of the map and the warped reference: memory flat with the map's size
            if args.csv:
                check_output(args.csv, args.overwrite)
            res = compare(args.map, args.reference, binary=args.binary, reference_nodata=args.reference_nodata,
                          changed_values=args.changed_values)
            print(res.text())
            if args.csv:
                print(f"CSV: {write_csv(res, args.csv, overwrite=args.overwrite)}")
            return 0
        p.print_help()
        return 2
    except CaimError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\n" + _("Interrupted; no output was written."), file=sys.stderr)
        return 130
