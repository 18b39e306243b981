"""Multi-date rasters: one file holding every date of a series as bands.

Google Earth Engine's ``ImageCollection.toBands()`` exports, ``gdal_merge.py -separate`` stacks and many
data-cube exports hold a whole series in one raster: date 1's bands, then date 2's, and so on (date by
date), or every date's first band, then every date's second band (band by band).  The engine reads one
raster per date, so such a file is split into one virtual raster (GDAL VRT) per date that reads its bands
from the file: nothing is copied, and each date keeps the file's nodata, mask, band names and
wavelengths, so the band mapping, the masks and the models work as they do for separate files.

The bands per date come from the caller (``--bands-per-date``), or from the band names when they carry
dates (Earth Engine's ``20200105T103421_..._B4``, ``LC08_044034_20200105_SR_B4``): as many dates as
there are distinct dates among them.  The order (date by date or band by band) is read from the band
names too when they carry dates; otherwise date by date, Earth Engine's order.
"""

import contextlib
import os
import re
import uuid

from model_core.errors import InputError, OutputError
from model_core.i18n import _, option, os_reason
from model_core.stack import _DATE_METADATA_KEYS, InputSpec, parse_date, quiet_gdal

ORDERS = ("date", "band")


def band_dates(ds):
    """Per band of ``ds``: the date its name (description) carries, else its time coordinate in a
    NetCDF / CF data cube (:func:`cf_band_dates`), or None."""
    cf = cf_band_dates(ds)
    return [parse_date((ds.GetRasterBand(b).GetDescription() or "").strip()) or cf[b - 1]
            for b in range(1, ds.RasterCount + 1)]


def names_carry_dates(path):
    """Whether the raster ``path`` is a multi-date raster by its own metadata: its band names (or its time
    axis) carry two dates or more, or it is a data cube of variables over time."""
    from osgeo import gdal

    if isinstance(path, Variables):  # (group_variables made it of variables over time)
        return True
    try:
        with quiet_gdal():
            ds = gdal.Open(str(path))
            if ds is not None and ds.RasterCount == 0:
                return _cube(ds) is not None
            return ds is not None and len({d for d in band_dates(ds) if d}) >= 2
    except RuntimeError:
        return False


_CF_UNITS = re.compile(r"\s*(days?|hours?|minutes?|seconds?)\s+since\s+(\d{1,4})-(\d{1,2})-(\d{1,2})"
                       r"(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d*)?))?)?", re.I)
_CF_CALENDARS = ("", "standard", "gregorian", "proleptic_gregorian")


def cf_band_dates(ds):
    """Per band: the date of its time coordinate as GDAL's netCDF driver gives it (band item
    ``NETCDF_DIM_<dim>``, the dimension's ``<dim>#units`` such as "days since 1970-01-01", in the
    standard calendar), or None for every band when there is none such."""
    import datetime

    md = ds.GetMetadata() or {}
    dims = [d.strip() for d in md.get("NETCDF_DIM_EXTRA", "").strip("{}").split(",") if d.strip()]
    for dim in dims:
        m = _CF_UNITS.match(md.get(f"{dim}#units", ""))
        if not m or md.get(f"{dim}#calendar", "").strip().lower() not in _CF_CALENDARS:
            continue
        unit = m.group(1).lower().rstrip("s") + "s"
        try:
            origin = datetime.datetime(int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5) or 0),
                                       int(m.group(6) or 0), int(float(m.group(7) or 0)))
        except ValueError:
            continue
        out = []
        for b in range(1, ds.RasterCount + 1):
            value = (ds.GetRasterBand(b).GetMetadata() or {}).get(f"NETCDF_DIM_{dim}")
            try:
                when = origin + datetime.timedelta(**{unit: float(value)})
                out.append(when.date().isoformat())
            except (TypeError, ValueError, OverflowError):
                out.append(None)
        if any(out):
            return out
    return [None] * ds.RasterCount


def _groups(n, per_date, order):
    """The 1-based bands of each date: date by date, or band by band."""
    t = n // per_date
    if order == "band":
        return [[j * t + k + 1 for j in range(per_date)] for k in range(t)]
    return [[k * per_date + j + 1 for j in range(per_date)] for k in range(t)]


def _group_date(dates, group):
    """The one date the group's bands' names carry (None when none does); False when they disagree."""
    found = {dates[b - 1] for b in group if dates[b - 1]}
    return False if len(found) > 1 else (found.pop() if found else None)


def layout(ds, label, per_date=None, order=None):
    """``(groups, dates, order)`` of a multi-date raster: each date's 1-based bands, its date from the
    band names (or None), and the order used.  ``per_date``: the bands of one date (None: from the dates
    in the band names); ``order``: "date", "band" or None (from the band names, else "date").  Raises
    InputError saying what does not fit and what to give."""
    if isinstance(ds, Cube):
        return _cube_layout(ds, label, per_date, order)
    n = ds.RasterCount
    dates = band_dates(ds)
    if order is not None and order not in ORDERS:
        raise InputError(_("Unknown band order '{order}'; use 'date' (date 1's bands, then date 2's, ...) or "
                           "'band' (every date's band 1, then every date's band 2, ...).").format(order=order))
    guessed = per_date is None
    if per_date is None:
        distinct = list(dict.fromkeys(d for d in dates if d))
        if not all(dates) and len(distinct) >= 2:
            _refuse_undated(label, dates, ds)
        if not all(dates) or len(distinct) < 2:
            said = (_("none of its band names carries a date") if not any(dates) else
                    _("its band names carry one date only") if len(distinct) < 2 else
                    _("{undated} of its {n} band names carry no date").format(undated=dates.count(None), n=n))
            raise InputError(_("'{label}' has {n} bands, and {said}, so the bands of each date are not known. "
                               "Give the number of bands per date (--bands-per-date on the command line, "
                               "BANDS_PER_DATE in Processing), and the dates if you know them.").format(label=label,
                                 n=n, said=said))
        if len({dates.count(d) for d in distinct}) > 1:  # also when n divides evenly (4 + 8 bands: 2 x 6)
            counts = ", ".join(f"{d}: {dates.count(d)}" for d in distinct[:6]) + (", ..." if len(distinct) > 6 else "")
            raise InputError(_("'{label}' has {n} bands whose names carry {n_distinct} dates, which do not "
                               "split into dates of equal band counts (bands per date {counts}). A date with "
                               "more bands may hold several images of that day (e.g. two tiles): mosaic them "
                               "per day before the export (in Earth Engine, one mosaic() per day before toBands()). "
                               "Else give the number of bands per date (--bands-per-date, BANDS_PER_DATE in "
                               "Processing) and check the band names.").format(label=label, n=n,
                                 n_distinct=len(distinct), counts=counts))
        per_date = n // len(distinct)
    per_date = int(per_date)
    if per_date < 1:
        raise InputError(_("Bands per date must be 1 or more, not {per_date}.").format(per_date=per_date))
    if n % per_date:
        raise InputError(_("'{label}' has {n} bands, which is not a whole number of dates of {per_date} bands "
                           "({value} dates and {value2} band(s) left over). Give the number of bands "
                           "each date has, all bands of every date counted (e.g. 5 for B, G, R, NIR and a QA band).").format(
                             label=label, n=n, per_date=per_date, value=n // per_date, value2=n % per_date))
    if n // per_date < 2:
        raise InputError(_("'{label}' has {n} bands: one date of {per_date} bands, not a series. Change "
                           "detection needs at least 2 dates; give the number of bands of one date.").format(
                             label=label, n=n, per_date=per_date))
    fits = {o: all(_group_date(dates, g) is not False for g in _groups(n, per_date, o)) for o in ORDERS}
    if order is None:
        order = "band" if fits["band"] and not fits["date"] else "date"
    if not fits[order]:
        g = next(g for g in _groups(n, per_date, order) if _group_date(dates, g) is False)
        other = [o for o in ORDERS if o != order][0]
        names = ", ".join(f"{b}: {dates[b - 1]}" for b in g if dates[b - 1])
        raise InputError(_("Read {order} by {order} as dates of {per_date} bands, '{label}' would put bands of "
                           "different dates into one date (bands {names}). ").format(
            order=order, per_date=per_date, label=label, names=names)
            + (_("Its band names fit the {other}-by-{other} order: give that order (--band-order {other}, BAND_ORDER "
                 "in Processing).").format(other=other) if fits[other] else _("Check the number of bands per date.")))
    groups = _groups(n, per_date, order)
    if guessed:
        for g, d in zip(groups, (_group_date(dates, g) for g in groups)):
            repeated = _several_images(ds, g)
            if repeated:
                raise InputError(
                    _("'{label}': the {per_date} bands of {d} repeat their band names under different image "
                      "names ('{repeated}' and '{repeated2}'): several images of that day, e.g. two tiles, "
                      "which the change detection would read as one image. Mosaic them per day before the export "
                      "(in Earth Engine, one mosaic() per day before toBands()). If they are one image's bands, "
                      "give the number of bands per date (--bands-per-date {per_date}, BANDS_PER_DATE in Processing).").format(
                        label=label, per_date=per_date, d=d, repeated=repeated[0], repeated2=repeated[1]))
    return groups, [_group_date(dates, g) for g in groups], order


def _cube_layout(cube, label, per_date=None, order=None):
    """:func:`layout` of a :class:`Cube`: one date per time step, its group the time step (1-based), the
    dates from the first variable's time coordinate."""
    nvar = len(cube.subs)
    if per_date is not None and int(per_date) != nvar:
        raise InputError(_("'{label}' is a data cube of {nvar} variables ({variables}) over "
                           "{RasterCount} time steps: each date has one band per variable, {nvar}, not "
                           "{per_date}. Leave out the bands per date (--bands-per-date, BANDS_PER_DATE).").format(
                             label=label, nvar=nvar, variables=', '.join(cube.variables),
                             RasterCount=cube.RasterCount, per_date=per_date))
    if order is not None:
        raise InputError(_("'{label}' is a data cube of variables over time: its band order is its own. Leave out "
                           "the band order (--band-order, BAND_ORDER).").format(label=label))
    dates = cf_band_dates(cube.first)
    steps = list(range(1, cube.RasterCount + 1))
    return steps, [dates[k - 1] for k in steps], "date"


def _several_images(ds, group):
    """Two band names of ``group`` that show it holds several images of one day, or None.  Earth Engine
    names a band ``<image name>_<band name>``: two tiles of one day repeat the same band names (B2, B3,
    B4, B8, B2, B3, B4, B8) under two image names (..._T31TFJ, ..._T31TGJ)."""
    names = [(ds.GetRasterBand(b).GetDescription() or "").strip() for b in group]
    heads = [name.rpartition("_")[0] for name in names]
    tails = [name.rpartition("_")[2] for name in names]
    size = len(group)
    for p in range(1, size):
        if size % p or not all(heads[: p]):
            continue
        blocks = range(0, size, p)
        if (all(tails[i] == tails[i % p] for i in range(size))
                and all(heads[i] == heads[i - i % p] for i in range(size))
                and len({heads[i] for i in blocks}) == len(blocks)):
            return names[0], names[p]
    return None


def _refuse_undated(label, dates, ds):
    """Bands without a date in their name before or after the dated ones (a count or quality band added
    to the export): say which, and how to leave them out."""
    n = len(dates)
    dated = [b for b, d in enumerate(dates, start=1) if d]
    first, last = dated[0], dated[-1]
    if last - first + 1 != len(dated):
        return  # undated bands between dated ones: the general message
    extra = [b for b in range(1, n + 1) if b < first or b > last]
    names = ", ".join(f"{b} ('{(ds.GetRasterBand(b).GetDescription() or '').strip()}')" for b in extra[:3])
    raise InputError((_("'{label}' has {n} bands, and bands {names}{more} carry no date, beside the dated bands "
                        "{first}-{last}. Leave them out, e.g. with a VRT of the dated bands: gdal_translate -of VRT "
                        "-b {first} -b {first2} ... -b {last} {label} dated.vrt, and give that VRT.") if len(extra) > 1
                      else _("'{label}' has {n} bands, and band {names}{more} carries no date, beside the dated bands "
                             "{first}-{last}. Leave it out, e.g. with a VRT of the dated bands: gdal_translate -of VRT "
                             "-b {first} -b {first2} ... -b {last} {label} dated.vrt, and give that VRT.")).format(
        label=label, n=n, names=names, more=' ...' if len(extra) > 3 else '', first=first, last=last,
        first2=first + 1))


def _bands_text(group):
    """'bands 5-8', 'band 3' or 'bands 2,8,14' (band by band)."""
    if len(group) == 1:  # (in a date's name, as the interval names: English)
        return f"band {group[0]}"
    if group == list(range(group[0], group[-1] + 1)):
        return f"bands {group[0]}-{group[-1]}"
    return "bands " + ",".join(map(str, group))


def _write_vrt(path, src, group, date, relative=False):
    """A VRT at ``path`` (a /vsimem/ or real file) reading ``group``'s bands of ``src``, with ``date`` as its
    acquisition date and without the file's own date items; with ``relative``, by a path relative to the
    VRT's folder when ``src`` lies in that folder or beside it (:func:`_relative_path`)."""
    from osgeo import gdal

    vrt = gdal.Translate(path, src, format="VRT", bandList=list(group))
    if vrt is None:
        raise OutputError(_("The virtual raster '{path}' could not be written.").format(path=path))
    for domain in ("", "IMAGERY"):
        md = vrt.GetMetadata(domain) or {}
        # the dataset items read as a date: a multi-date file's one date (often its write time) is none of
        # its dates' dates
        kept = {k: v for k, v in md.items() if k not in _DATE_METADATA_KEYS}
        if kept != md:
            vrt.SetMetadata(kept, domain)
    if date:
        vrt.SetMetadataItem("ACQUISITIONDATETIME", date, "IMAGERY")
    vrt.FlushCache()
    vrt = None
    # Every date reads the one file: as a shared source, GDAL opens it once per VRT (the share is per VRT),
    # and each handle decodes the file's blocks again, which in a pixel-interleaved file hold every date's
    # bands (6 dates: each block decoded 6 times, the run 1.4 times as long as on separate files).  A
    # non-shared source comes from GDAL's dataset pool, which hands one idle handle to all of them (and
    # a handle of its own to each thread reading at once), so each block is decoded once.
    # (GDAL writes relativeToVRT="1" itself when the file lies in the VRT's folder or below it)
    rel = _relative_path(path, src) if relative else None

    def change(text):
        text = re.sub(r'<SourceFilename relativeToVRT="([01])">', rf'<SourceFilename relativeToVRT="\1"{_POOLED}>',
                      text)
        if rel:  # every source of the VRT is ``src`` (one file's bands), however GDAL escaped its path
            relative_source = f'<SourceFilename relativeToVRT="1"{_POOLED}>{_xml(rel)}</SourceFilename>'
            text = re.sub(f'<SourceFilename relativeToVRT="0"{_POOLED}>[^<]*</SourceFilename>',
                          lambda _m: relative_source, text)
        return text

    _edit_vrt(path, change)


_POOLED = ' shared="0"'


def _edit_vrt(path, change):
    """Rewrite the VRT at ``path`` (a /vsimem/ or real file) with ``change(text)``."""
    from osgeo import gdal

    f = gdal.VSIFOpenL(path, "rb")
    try:
        gdal.VSIFSeekL(f, 0, 2)
        size = gdal.VSIFTellL(f)
        gdal.VSIFSeekL(f, 0, 0)
        text = gdal.VSIFReadL(1, size, f).decode("utf-8")
    finally:
        gdal.VSIFCloseL(f)
    changed = change(text)
    if changed != text:
        data = changed.encode("utf-8")
        f = gdal.VSIFOpenL(path, "wb")
        try:
            if gdal.VSIFWriteL(data, 1, len(data), f) != len(data):
                raise OutputError(_("The virtual raster '{path}' could not be written.").format(path=path))
        finally:
            gdal.VSIFCloseL(f)


class Cube:
    """A data cube of several variables over one time axis (a NetCDF of B02, B03, B04, B08 over time, as
    openEO or xarray write one): GDAL opens it as a container whose subdatasets are the variables, each
    with one band per time step.  Date k's bands are the variables' k-th bands, named by the variables
    (so Sentinel-2's B02..B08 read as blue, green, red, NIR)."""

    def __init__(self, subs, left_out=()):
        self.subs = subs  # [(subdataset name, variable name, dataset)], the variables in the file's order
        self.left_out = list(left_out)  # variables of another shape (a crs variable, a static layer)
        self.first = subs[0][2]
        self.RasterCount = self.first.RasterCount  # time steps (what layout() counts)

    @property
    def variables(self):
        return [var for _unused, var, _unused_too in self.subs]


class Variables(tuple):
    """Several variables (subdatasets: NETCDF:"cube.nc":B04) of one data cube file over one time axis,
    given together (as QGIS adds a NetCDF's variables: one layer each): one multi-date raster whose dates
    have one band per variable, in this order (:func:`group_variables`)."""


def _has_time_axis(path):
    from osgeo import gdal

    try:
        with quiet_gdal():
            ds = gdal.Open(str(path))
            return ds is not None and ds.RasterCount >= 2 and any(cf_band_dates(ds))
    except RuntimeError:
        return False


def group_variables(paths):
    """``paths`` with the variables over time of one container file (two or more subdatasets of it, each
    with a time axis: NETCDF:"cube.nc":B02, NETCDF:"cube.nc":B03, ...) replaced by one :class:`Variables`
    at the first one's place, in their given order: each of the cube's dates is then the variables' bands
    of that time step (they were read as one-band dates each, every date over again).  Other paths, and a
    container's rasters without a time axis (a GeoPackage's tables), stay as they are."""
    return [Variables(str(paths[j]) for j in idx) if len(idx) > 1 else paths[idx[0]] for idx in variable_groups(paths)]


def variable_groups(paths):
    """The indexes of :func:`group_variables`' items in ``paths``: [[i], [j, k, ...], ...]."""
    files, items = {}, []
    for i, path in enumerate(paths):
        text = str(path) if isinstance(path, (str, os.PathLike)) else None
        m = None if text is None or text.startswith("/vsi") or os.path.exists(text) else _SUBDATASET.match(text)
        if m and os.path.isfile(m.group(1)) and _has_time_axis(text):
            key = os.path.normcase(os.path.abspath(m.group(1)))
            if key in files:
                files[key].append(i)
                continue
            files[key] = [i]
            items.append(files[key])
        else:
            items.append([i])
    return items


def _open_variables(group):
    """The :class:`Cube` of a :class:`Variables` group; refuses a variable given twice (each date would have
    its band twice), and variables of different grids or time axes."""
    from osgeo import gdal

    names = [_variable_name(name) for name in group]
    twice = next((var for k, var in enumerate(names) if var in names[:k]), None)
    if twice is not None:
        raise InputError(_("The variable {twice} of '{name}' is given "
                           "twice (variables given: {names}): each date would have its band twice. Give "
                           "each variable of the cube once.").format(twice=twice,
                             name=os.path.basename(source_file(group) or group[0]), names=', '.join(names)))
    subs = []
    for name in group:
        try:
            sub = gdal.Open(name, gdal.GA_ReadOnly)
        except RuntimeError as exc:
            raise InputError(_("Variable '{label}' cannot be read by GDAL ({strip}).").format(label=_label(name),
                                 strip=str(exc).strip())) from None
        subs.append((name, name.rsplit(":", 1)[-1].strip('"'), sub))
    first = subs[0]
    for name, var, sub in subs[1:]:
        if (sub.RasterXSize, sub.RasterYSize) != (first[2].RasterXSize, first[2].RasterYSize):
            raise InputError(_("The variables {first} and {var} of '{label}' have different grids "
                               "({RasterXSize} x {RasterYSize} and {RasterXSize2} x "
                               "{RasterYSize2} px): give variables of one grid as one series.").format(first=first[1],
                                 var=var, label=_label(group), RasterXSize=first[2].RasterXSize,
                                 RasterYSize=first[2].RasterYSize, RasterXSize2=sub.RasterXSize,
                                 RasterYSize2=sub.RasterYSize))
        if cf_band_dates(sub) != cf_band_dates(first[2]):
            raise InputError(_("The variables {first} and {var} of '{label}' have different time axes "
                               "({RasterCount} and {RasterCount2} time steps, or other dates): each date of "
                               "the series takes one band of every variable, so give variables of one time axis.").format(
                                 first=first[1], var=var, label=_label(group), RasterCount=sub.RasterCount,
                                 RasterCount2=first[2].RasterCount))
    return Cube(subs)


def _cube(ds):
    """The :class:`Cube` of a container ``ds`` whose raster variables share one grid and time axis (the
    variables of another shape, a crs variable or a static layer, are left out), or None."""
    from osgeo import gdal

    subs = []
    for name, _desc in ds.GetSubDatasets() or []:
        try:
            sub = gdal.Open(name, gdal.GA_ReadOnly)
        except RuntimeError:
            continue
        if sub is not None and sub.RasterCount >= 2:
            subs.append((name, name.rsplit(":", 1)[-1].strip('"'), sub))
    # a data cube has a time axis: a container of other rasters (a GeoPackage of several RGB tables, an HDF
    # of a scene's resolutions) is not one series, and the stack asks which of its rasters to use
    subs = [item for item in subs if any(cf_band_dates(item[2]))]
    if not subs:
        return None
    shapes = [(s.RasterXSize, s.RasterYSize, s.RasterCount) for _unused, _unused_too, s in subs]
    common = max(set(shapes), key=shapes.count)
    kept = [item for item, shape in zip(subs, shapes) if shape == common]
    return Cube(kept, [var for (_unused, var, _unused_too), shape in zip(subs, shapes) if shape != common])


_SUBDATASET = re.compile(r'^[A-Za-z0-9_]+:"?(.+?)"?:([^:"]+)$')  # NETCDF:"/data/cube.nc":B04, HDF5:"f.h5"://ndvi


def container_file(path):
    """The file named inside the subdataset name ``path`` (NETCDF:"/data/cube.nc":ndvi: /data/cube.nc), as
    written and whether or not it exists; None for any other path."""
    text = str(path)
    m = None if text.startswith("/vsi") or os.path.exists(text) else _SUBDATASET.match(text)
    return m.group(1) if m else None


_ARCHIVE = re.compile(r"(?i)^/vsi(?:zip|tar|7z|rar)/(\{[^}]*\}|.*?\.(?:zip|tar|tgz|tar\.gz|7z|rar))(?=/|$)")


def archive_file(path):
    """The archive a GDAL name of a file in it reads (/vsizip//data/S2A_MSIL2A_....zip/....SAFE/.../B04_10m.jp2,
    /vsizip/{/data/a.zip}/b.tif: /data/a.zip), as written and whether or not it exists; None for any other
    path."""
    m = _ARCHIVE.match(str(path))
    return m.group(1).strip("{}") if m else None


def _variable_name(path):
    """The variable of a subdataset (NETCDF:"cube.nc":ndvi_mean: ndvi_mean; HDF5:"f.h5"://grp/ndvi: grp_ndvi)."""
    m = _SUBDATASET.match(str(path))
    return m.group(2).strip("/").replace("/", "_") if m else str(path).rsplit(":", 1)[-1].strip('"')


def _label(path):
    """A file's name; for a subdataset (one variable of a container, as QGIS loads one) its file's name
    without extension and the variable: cube_B04."""
    if isinstance(path, Variables):  # cube_B02_B03_B04_B08 (each variable's whole name: ndvi_mean)
        return "_".join([_label(path[0])] + [_variable_name(p) for p in path[1:]])
    text = str(path)
    m = None if os.path.exists(text) else _SUBDATASET.match(text)
    if m:
        return f"{os.path.splitext(os.path.basename(m.group(1)))[0]}_{_variable_name(text)}"
    return os.path.basename(text.rstrip("/\\")) or text


def _source_path(path):
    """``path`` as a VRT written elsewhere reads it: absolute for a local file, as it is for a subdataset
    (NETCDF:"cube.nc":B04, made absolute inside) or a /vsi path."""
    if isinstance(path, Variables):
        return Variables(_source_path(p) for p in path)
    text = str(path)
    if text.startswith("/vsi"):
        return text
    if os.path.exists(text):
        return os.path.abspath(text)
    m = _SUBDATASET.match(text)
    if m and os.path.exists(m.group(1)):
        return text.replace(m.group(1), os.path.abspath(m.group(1)), 1)
    return text


def _open_stack(path):
    from osgeo import gdal

    label = _label(path)
    if isinstance(path, Variables):
        return _open_variables(path), label
    if not str(path).startswith("/vsi") and not os.path.exists(path) and ":" not in os.path.basename(str(path)):
        raise InputError(_("Multi-date raster '{path}' does not exist. Check the path.").format(path=path))  # NETCDF:"f.nc":B04 may
    try:
        ds = gdal.Open(str(path), gdal.GA_ReadOnly)
    except RuntimeError as exc:
        raise InputError(_("Multi-date raster '{label}' cannot be read by GDAL ({strip}).").format(label=label,
                             strip=str(exc).strip())) from None
    if ds is not None and ds.RasterCount == 0:
        cube = _cube(ds)
        if cube is not None:
            return cube, label
    if ds is None or ds.RasterCount == 0:
        raise InputError(_("'{label}' holds no raster bands; give a raster file with every date's bands.").format(
                             label=label))
    return ds, label


def _variables_text(cube):
    names = cube.variables
    text = _("{n} variables ({names})").format(n=len(names), names=", ".join(names[:6]) + (", ..." if len(names) > 6
                                                                                       else ""))
    if cube.left_out:
        text += _(", left out: {names} (another shape)").format(names=", ".join(cube.left_out[:4]))
    return text


def _write_cube_vrt(path, cube, k, date):
    """A VRT at ``path`` holding the ``k``-th band (time step) of each of ``cube``'s variables, named by
    them, with their nodata, scale and offset, and ``date`` as its acquisition date."""
    from osgeo import gdal

    first = cube.first
    vrt = gdal.GetDriverByName("VRT").Create(path, first.RasterXSize, first.RasterYSize, 0)
    if vrt is None:
        raise OutputError(_("The virtual raster '{path}' could not be written.").format(path=path))
    gt = first.GetGeoTransform(can_return_null=True)
    if gt is not None:
        vrt.SetGeoTransform(gt)
    if first.GetProjection():
        vrt.SetProjection(first.GetProjection())
    for name, var, sub in cube.subs:
        band = sub.GetRasterBand(k)
        vrt.AddBand(band.DataType)
        out = vrt.GetRasterBand(vrt.RasterCount)
        # a non-shared source: GDAL's dataset pool lends every date one handle of each variable
        out.SetMetadataItem("source_0", f'<SimpleSource><SourceFilename relativeToVRT="0"{_POOLED}>{_xml(name)}'
                            f'</SourceFilename><SourceBand>{k}</SourceBand></SimpleSource>', "new_vrt_sources")
        if band.GetNoDataValue() is not None:
            out.SetNoDataValue(band.GetNoDataValue())
        if band.GetScale() not in (None, 1.0):
            out.SetScale(band.GetScale())
        if band.GetOffset() not in (None, 0.0):
            out.SetOffset(band.GetOffset())
        out.SetDescription(var)
    if date:
        vrt.SetMetadataItem("ACQUISITIONDATETIME", date, "IMAGERY")
    vrt.FlushCache()
    vrt = None


class Split:
    """The dates of one or more multi-date rasters as in-memory VRTs (``specs``: InputSpec per date, in
    the files' order; each spec's ``source`` is the file it reads).  Use as a context manager, or call
    :meth:`close`, to free them."""

    def __init__(self, paths, per_date=None, order=None):
        self.folder = f"/vsimem/caim_split_{uuid.uuid4().hex}"
        self.specs, self.layouts = [], []
        try:
            with quiet_gdal():
                for path in paths:
                    ds, label = _open_stack(_source_path(path))
                    groups, dates, used = layout(ds, label, per_date, order)
                    if isinstance(ds, Cube):
                        what = _variables_text(ds)
                        self.layouts.append((label, len(groups), what, dates, "", _("its time coordinate")))
                    else:
                        axis = any(cf_band_dates(ds)) and not any(
                            parse_date(ds.GetRasterBand(b).GetDescription() or "") for b in range(1, ds.RasterCount + 1))
                        per = len(groups[0])
                        self.layouts.append((label, len(groups), _("{n} bands").format(n=per) if per > 1
                                             else _("1 band"), dates,
                                             _(", band by band") if used == "band" else _(", date by date"),
                                             _("its time coordinate") if axis else _("the band names")))
                    for k, (group, date) in enumerate(zip(groups, dates), start=1):
                        vrt = f"{self.folder}/d{len(self.specs) + 1:03d}.vrt"
                        what = "time step %d" % group if isinstance(ds, Cube) else _bands_text(group)
                        self.specs.append(InputSpec(vrt, date=date, name=f"{label} date {k} ({what})",
                                                    source=str(path) if not isinstance(path, Variables)
                                                    else source_file(path) or path[0]))
                        if isinstance(ds, Cube):
                            _write_cube_vrt(vrt, ds, group, date)
                        else:
                            _write_vrt(vrt, ds, group, date)
        except BaseException:
            self.close()
            raise

    def describe(self):
        """One line per file: how it was split."""
        lines = []
        for label, count, per, dates, order, source in self.layouts:
            known = [d for d in dates if d]
            when = (_(", {first} to {last} (from {source})").format(first=known[0], last=known[-1], source=source)
                    if len(known) == len(dates) else
                    _(", dates not in {source}").format(source=source) if not known else
                    _(", {known} of {total} dates in {source}").format(known=len(known), total=len(dates),
                                                                        source=source))
            lines.append(_("'{label}': {count} dates of {per}{order}{when}").format(
                label=label, count=count, per=per, order=order, when=when))
        return lines

    def close(self):
        from osgeo import gdal

        with quiet_gdal():
            for spec in self.specs:
                try:
                    gdal.Unlink(spec.path)
                except RuntimeError:  # already gone
                    pass
        self.specs = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _safe_stem(label):
    stem = os.path.splitext(label)[0]
    return re.sub(r"[^\w.-]+", "_", stem) or "date"


def without_dates(text):
    """``text`` without the dates :func:`model_core.stack.parse_date` finds in it (an export named by its
    year or date range), its separators tidied."""
    from model_core.stack import _DATE_PATTERNS, parse_date

    for _attempt in range(5):
        if parse_date(text) is None:
            break
        for pattern, _parts in _DATE_PATTERNS:
            text = pattern.sub("", text)
    text = re.sub(r"([-_. ])[-_. ]+", r"\1", text).strip("-_. ")
    return text if parse_date(text) is None else ""


def dated_prefix(prefix, dates, name):
    """``prefix``, or ``prefix`` without its dates, so that each date's name ``name(prefix, k, date)``
    (k from 1) carries its own date only: the engine and the plugin read a date from the name, and a
    date in the multi-date file's name (ndvi_2020, S2_2019-01-01_2020-12-31) would be read instead of it
    (ndvi_2020_01.vrt: January 2020), or where the date is not known.  "" when no prefix is left."""
    from model_core.stack import parse_date

    def fits(p):
        return all(parse_date(name(p, k, d)) == d for k, d in enumerate(dates, start=1))

    if fits(prefix):
        return prefix
    prefix = without_dates(prefix)
    return prefix if prefix and fits(prefix) else ""


def write_split(path, out_dir, per_date=None, order=None, dates=None, overwrite=False):
    """Write one VRT per date of the multi-date raster ``path`` into ``out_dir``, named
    ``<name>_<k>_<date>.vrt`` (the date read back from the name; ``<name>_<k>.vrt`` when it is not
    known), each reading its bands from ``path`` (by a relative path when ``path`` is in or beside
    ``out_dir``, so the two can move together).  ``dates``: one date per date of the file, overriding the band names'.
    Returns ``[(vrt path, date or None)]``.  Refuses to replace existing files unless ``overwrite``; on
    failure, the files it wrote are removed."""
    from osgeo import gdal

    from model_core.stack import date_hint, parse_given_date
    from model_core.staging import CannotMake, claim_outputs

    src = _source_path(path)  # the VRTs name it so
    ds, label = _open_stack(src)
    with quiet_gdal():
        groups, found, _order = layout(ds, label, per_date, order)
    if dates is not None:
        dates = [d.strip() for d in (dates.split(",") if isinstance(dates, str) else dates)]
        if len(dates) != len(groups):
            raise InputError(_("{n_dates} dates given for the {n_groups} dates of '{label}'. Give one "
                               "date per date of the file, in its order.").format(n_dates=len(dates),
                                 n_groups=len(groups), label=label))
        for i, d in enumerate(dates):
            if d and parse_given_date(d) is None:
                raise InputError(_("Date '{d}' for date {n} of '{label}' is not a date: {date_hint}.").format(d=d,
                                     n=i + 1, label=label, date_hint=date_hint(d)))
        found = [parse_given_date(d) if d else f for d, f in zip(dates, found)]
    width = max(2, len(str(len(groups))))

    def vrt_name(stem, k, d):
        return f"{stem}_{k:0{width}d}" + (f"_{d}" if d else "") + ".vrt"

    stem = dated_prefix(_safe_stem(label), found, vrt_name) or "date"  # the names carry their own dates only
    names = [os.path.join(out_dir, vrt_name(stem, k, d)) for k, d in enumerate(found, start=1)]
    existing = [p for p in names if os.path.exists(p)]
    if existing and not overwrite:
        raise OutputError(_("'{existing}' already exists ({n_existing} of the {n_names} files). Choose "
                            "another folder, delete them, or allow overwriting ({option:full}).").format(
                              option=option("--overwrite"), existing=existing[0], n_existing=len(existing),
                              n_names=len(names)))
    if os.path.lexists(out_dir) and not os.path.isdir(out_dir):
        raise OutputError(_("'{out_dir}' is a file, not a folder: choose a folder for the dates' VRTs (a new one "
                            "is made).").format(out_dir=out_dir))
    written = []
    claim = contextlib.ExitStack()
    try:
        # another split writing these VRTs now (two toolbox runs or scripts with OVERWRITE) is refused before either
        # wrote any: the two would write over each other's VRTs and leave a mix of both (staging.claim_outputs);
        # the folder is made with the claim (of two splits into one new folder, the one that makes it goes on) and
        # removed with it, left empty, when the split fails
        claim.enter_context(claim_outputs(names, make=True))
    except CannotMake as exc:  # a file on the way to it, no permission: a bare traceback in Processing
        raise OutputError(_("Cannot make the folder '{out_dir}' ({value}): choose a folder you can "
                            "write to.").format(out_dir=out_dir, value=exc.reason)) from None
    with claim, quiet_gdal():
        try:
            for name, group, d in zip(names, groups, found):
                written.append(name)  # before writing: a VRT that failed halfway is removed too
                if isinstance(ds, Cube):  # its variables by the file's absolute path (NETCDF:"path":B04)
                    _write_cube_vrt(name, ds, group, d)
                    continue
                _write_vrt(name, src, group, d, relative=True)
        except BaseException:
            for name in written:
                if os.path.exists(name):
                    gdal.Unlink(name)
            raise
    return list(zip(names, found))


# what GDAL copies into a VRT, or not, by what it has at hand: caching hints when it has the source open
# already, band statistics once QGIS has computed them into the source's .aux.xml; and what it keeps in
# the VRT itself once computed on a date (statistics, a histogram: QGIS's histogram panel, gdalinfo -hist)
_HINTS = (re.compile(r'\s+block[XY]Size="\d+"|\s*<SourceProperties [^>]*/>|\s*<MDI key="STATISTICS_\w+">[^<]*</MDI>'
                     r'|\s*<Histograms>.*?</Histograms>', re.S),
          re.compile(r'\s*<Metadata>\s*</Metadata>'))


# a metadata domain's items, whose order GDAL may change when it writes the VRT again (GDAL 3.13, after a histogram
# was computed on a date, wrote COMPRESSION before INTERLEAVE, which GDAL 3.6 had written the other way round)
_METADATA = re.compile(r'(<Metadata[^>]*>)(.*?)(\s*</Metadata>)', re.S)
_ITEM = re.compile(r'\s*<MDI key="[^"]*">[^<]*</MDI>')


def _items_in_order(match):
    items = sorted(item.strip() for item in _ITEM.findall(match.group(2)))
    return match.group(1) + "".join("\n" + item for item in items) + _ITEM.sub("", match.group(2)) + match.group(3)


def without_hints(text):
    """A VRT's XML ``text`` without what GDAL writes into it by what it has at hand (_HINTS: block sizes, the
    sources' properties, statistics and histograms its readers computed), each metadata domain's items in one
    order: two VRTs of the same rasters compare alike after it (a split's folder used again, the dialog's stack of
    the same band files)."""
    for pattern in _HINTS:
        text = pattern.sub("", text)
    return _METADATA.sub(_items_in_order, text)


# what GDAL writes beside a VRT for it: overviews (QGIS's Build pyramids, gdaladdo: external by default),
# statistics when it cannot write them into the VRT itself
_DERIVED = (".ovr", ".aux.xml", ".ovr.aux.xml")


def _same_files(a, b):
    """Whether folder ``b`` holds the same VRTs as the fresh split ``a``, alike but for what GDAL writes into
    them by what it has at hand (_HINTS), and no other files but those GDAL writes beside them (_DERIVED:
    a date layer's pyramids made it another split, and the next run wrote <name>_dates_2)."""
    try:
        names = sorted(os.listdir(a))
        derived = {(name + ext).lower() for name in names for ext in _DERIVED}
        others = sorted(n for n in os.listdir(b) if n.lower() not in derived or not os.path.isfile(os.path.join(b, n)))
        if names != others:
            return False
        for name in names:
            pa, pb = os.path.join(a, name), os.path.join(b, name)
            if not (os.path.isfile(pa) and os.path.isfile(pb)):
                return False
            if not name.lower().endswith(".vrt"):
                return False
            with open(pa, encoding="utf-8", errors="replace") as fa, open(pb, encoding="utf-8", errors="replace") as fb:
                if without_hints(fa.read()) != without_hints(fb.read()):
                    return False
    except OSError:
        return False
    return True


def source_file(path):
    """The file the raster ``path`` reads, absolute: ``path`` itself, or the file of a subdataset (one
    variable of a container, NETCDF:"cube.nc":ndvi, or of :class:`Variables`); None when there is no such
    file (a /vsi path)."""
    if isinstance(path, Variables):
        return source_file(path[0])
    text = str(path)
    if os.path.isfile(text):
        return os.path.abspath(text)
    m = None if text.startswith("/vsi") else _SUBDATASET.match(text)
    return os.path.abspath(m.group(1)) if m and os.path.isfile(m.group(1)) else None


def split_dates(path, per_date=None, order=None):
    """The dates (date or None each) that splitting the multi-date raster ``path`` gives, without writing
    anything (:func:`write_split`'s layout).  Raises InputError as the split would."""
    ds, label = _open_stack(_source_path(path))
    with quiet_gdal():
        return layout(ds, label, per_date, order)[1]


def numbered_folder_name(stem, k):
    """The ``k``-th name :func:`split_into_folder` tries for a folder of dates: ``stem``, then ``stem_2``, ..."""
    return stem if k == 1 else f"{stem}_{k}"


def dates_folder_name(path):
    """The name of the folder for the dates of the multi-date raster ``path`` (:func:`split_into_folder`):
    ``<name>_dates``, the name made safe for a file name (my export.tif: my_export_dates)."""
    return f"{_safe_stem(_label(path))}_dates"


# {folder: its modification time} of the folders of dates this process made (split_into_folder): another
# process using one again (two qgis_process runs on the raster at once) stamps it, so that this process's run
# failing leaves it to that one (remove_split), whose layers, pixel inspector and saved project read it
_MADE = {}


def _stamp(folder):
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return None


def split_into_folder(path, per_date=None, order=None, parent=None):
    """The dates of the multi-date raster ``path`` as VRT files (:func:`write_split`) in a new folder
    ``<name>_dates`` in ``parent`` (default: the file's own folder), for a run that keeps them: the pixel
    inspector and a saved project read the dates' files after the run.  A folder of that name holding the
    very same VRTs (an earlier run's split of the same file) is used again, one holding anything else is
    left alone (``<name>_dates_2``, ...).  The VRTs are written into a hidden folder first and renamed, so
    a failure leaves no folder behind, and of two processes splitting the raster at once the second finds
    the first's folder (rename replaces no folder that holds files).

    Returns ``(folder, [(vrt path, date or None)], created)``; ``created``: this call made the folder (the
    caller removes it with :func:`remove_split` when its run fails)."""
    import shutil

    from model_core.staging import hold, let_go, remove_abandoned

    # the file's own folder; a raster that is no file in a folder (/vsizip/, a web address) needs ``parent``
    parent = os.path.abspath(parent or os.path.dirname(source_file(path) or os.path.abspath(_source_path(path))))
    stem = dates_folder_name(path)
    # the hidden folders of splits killed on the spot (kill -9, qgis_process ended by a signal), which stayed
    # beside the raster for good (visible ones on Windows): those no live process holds
    remove_abandoned(parent, f".{stem}.", rf"\.{re.escape(stem)}\.[0-9a-f]{{12}}")
    work = os.path.join(parent, f".{stem}.{uuid.uuid4().hex[:12]}")
    try:
        os.mkdir(work)  # the user's permissions (umask), unlike a private temporary folder
    except OSError as exc:
        raise OutputError(_("Cannot write the dates of '{label}' into '{parent}' ({value}). "
                            "Split it into a folder you can write to first (caim:splitdates, or 'python -m "
                            "model_core split').").format(label=_label(path), parent=parent,
                              value=os_reason(exc))) from None
    held = hold(work)
    try:
        written = write_split(path, work, per_date, order)
        let_go(held, work)  # (not a file of the split: the folder is complete, to be renamed or compared)
        held = None
        k = 1
        while True:
            folder = os.path.join(parent, numbered_folder_name(stem, k))
            if not os.path.lexists(folder):
                try:
                    os.rename(work, folder)
                except OSError:
                    # another process's split landed there since (two runs on the raster at once: its
                    # folder is not empty, which rename does not replace; on Windows nothing is): look again
                    if not os.path.lexists(folder):
                        raise
                    continue
                created = True
                _MADE[folder] = _stamp(folder)
                break
            if os.path.isdir(folder) and _same_files(work, folder):
                shutil.rmtree(work)
                created = False
                try:  # used again: stamped for the process that made it (remove_split)
                    os.utime(folder)
                except OSError:
                    pass
                if folder in _MADE:  # (this process's own: its caller knows, caim:detectchanges's _USED_AGAIN)
                    _MADE[folder] = _stamp(folder)
                break
            k += 1
    except BaseException:
        let_go(held, work)
        shutil.rmtree(work, ignore_errors=True)
        raise
    return folder, [(os.path.join(folder, os.path.basename(p)), d) for p, d in written], created


def remove_split(folder, written):
    """Remove the VRTs ``written`` by :func:`split_into_folder` and ``folder`` when it is empty then; nothing
    when another process has used the folder again since this one made it (its stamp)."""
    made = _MADE.pop(folder, None)
    if made is not None and _stamp(folder) != made:
        return
    for vrt, _date in written:
        try:
            os.remove(vrt)
        except OSError:
            pass
    try:
        os.rmdir(folder)
    except OSError:  # not empty: something else was put there
        pass


def main(argv=None):
    """``python -m model_core split STACK --out DIR``: one VRT per date of a multi-date raster."""
    import argparse
    import sys

    from model_core.errors import CaimError

    p = argparse.ArgumentParser(
        prog="python -m model_core split",
        description="Split a multi-date raster (every date's bands in one file, e.g. a Google Earth Engine "
                    "toBands() export) into one small virtual raster (VRT) per date that reads its bands from "
                    "the file: nothing is copied. The VRTs are named <name>_<k>_<date>.vrt (k = 01, 02, ...; 001, "
                    "... for 100 dates or more), so 'detect' (and QGIS) read their dates from the names; give them "
                    "to 'detect' in that order. A "
                    "date that neither the band names nor --dates give is not in the name (<name>_<k>.vrt: give "
                    "it to 'detect' with its --dates), and a date in the file's own name that would be read as theirs "
                    "is left out of <name> (ndvi_2020.tif: ndvi_01.vrt, ...; 2020.tif: date_01.vrt, ...). 'detect "
                    "--bands-per-date' does the same without writing files.")
    p.add_argument("image", metavar="IMAGE", help="the multi-date raster")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the VRTs (created if missing)")
    p.add_argument("--bands-per-date", metavar="N", default="auto",
                   help="bands of one date, all counted (masks and QA bands too); default auto: as many dates "
                        "as the band names carry")
    p.add_argument("--band-order", choices=ORDERS, default=None,
                   help="'date': date 1's bands, then date 2's (Earth Engine's order); 'band': every date's band "
                        "1, then every date's band 2; default: as the band names' dates say, else 'date'")
    p.add_argument("--dates", metavar="D1,D2,...", help="one date per date of the file (YYYY-MM-DD, YYYYMMDD, "
                   "YYYY-MM or YYYY), overriding the band names'")
    p.add_argument("--overwrite", action="store_true", help="replace VRTs of these names in --out")
    args = p.parse_args(argv)
    per_date = None if str(args.bands_per_date).lower() == "auto" else args.bands_per_date
    try:
        if per_date is not None:
            try:
                per_date = int(per_date)
            except ValueError:
                raise InputError(_("--bands-per-date '{bands_per_date}' is not a number of bands (or "
                                   "'auto').").format(bands_per_date=args.bands_per_date)) from None
        written = write_split(args.image, args.out, per_date, args.band_order, args.dates, args.overwrite)
    except CaimError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path, date in written:
        print(f"{path}  {date or _('date not known: give it with --dates to detect')}")
    return 0


def _relative_path(vrt_path, src):
    """``src`` relative to the VRT's folder ('/'-separated) when the file lies in that folder or beside it (at
    most one level up), so that a folder holding both can move; else None (the absolute path stays)."""
    if src.startswith("/vsi") or not os.path.isfile(src):  # a subdataset (NETCDF:"/x.nc":B04) stays as it is
        return None
    try:
        rel = os.path.relpath(src, os.path.dirname(os.path.abspath(vrt_path)))
    except ValueError:  # another drive (Windows)
        return None
    if rel.startswith(os.pardir + os.sep + os.pardir) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def _xml(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
