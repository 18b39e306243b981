"""Ordered raster inputs -> one common grid, dates, validity mask and windowed reads.

The reference grid takes the CRS, pixel size and pixel alignment of the reference input (the first by
default); its extent is the overlap of all inputs.  An input already on that grid is read directly
through a pixel offset; any other input is warped lazily through a GDAL warped VRT (bilinear; the
average of the covered pixels for an input 1.5 times finer or more than the grid), so no
raster is ever loaded whole and memory stays bounded whatever the size.

A pixel is valid when every selected band of every date is valid there: not nodata, not masked by a
mask or alpha band, inside the input's footprint, and -- when a date has a separate mask file (a cloud
mask such as Landsat QA_PIXEL, Sentinel-2 SCL, Fmask or CBERS CMASK) -- one of the mask's clear values.
Values are read in the units a band's scale and offset (GDAL metadata) say, so dates stored with
different scalings compare.
"""

import calendar
import contextlib
import dataclasses
import datetime
import functools
import math
import os
import re
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal, osr

from model_core import bandmap
from model_core.errors import BandRolesError, InputError
from model_core.i18n import N_, _, localize_number, number, translated

gdal.UseExceptions()
osr.UseExceptions()

_DATE_PATTERNS = [
    # year and day of year in product names: a Landsat scene ID (LC80300272020133LGN00: sensor, satellite,
    # path, row, 2020, day 133, station, version) and MODIS / VIIRS names (MOD09GA.A2020133.h11v04...)
    (re.compile(r"(?<![A-Za-z0-9])L[COTEM]\d\d{6}((?:19|20)\d\d)(\d{3})[A-Z]{3}\d\d(?!\d)"), "doy"),
    (re.compile(r"(?<![A-Za-z0-9])A((?:19|20)\d\d)(\d{3})(?![A-Za-z0-9])"), "doy"),
    # and with the time after a T: NASA's HLS granules (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif)
    (re.compile(r"(?<![A-Za-z0-9])((?:19|20)\d\d)(\d{3})T\d{6}(?!\d)"), "doy"),
    # ISO-like full dates: 2015-09-26, 2015_09_26, 2015.09.26
    (re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])[-_.](0[1-9]|[12]\d|3[01])(?!\d)"), 3),
    # compact full dates: 20150926
    (re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"), 3),
    # EXIF / TIFF date-time: 2015:09:26 10:00:00
    (re.compile(r"(?<!\d)((?:19|20)\d\d):(0[1-9]|1[0-2]):(0[1-9]|[12]\d|3[01])(?!\d)"), 3),
    # year and month: 2015-09, 2015_09
    (re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])(?![\d])"), 2),
    # year alone: 2015 (not part of a longer number)
    (re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)"), 1),
]
_DATE_METADATA_KEYS = ("ACQUISITIONDATETIME", "ACQUISITION_DATE", "DATE_ACQUIRED", "ACQUISITIONDATE",
                       "TIFFTAG_DATETIME", "DATETIME", "DATE", "acquisition_date", "datetime", "date")


@contextlib.contextmanager
def quiet_gdal():
    """Silence GDAL's stderr messages (format warnings such as odd TIFF tags are noise for users);
    errors still raise exceptions because exceptions are enabled."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def _valid_ymd(y, m, d):
    try:
        datetime.date(int(y), int(m), int(d))
        return True
    except ValueError:
        return False


def parse_date(text):
    """The acquisition date found in ``text``, as "YYYY-MM-DD", "YYYY-MM" or "YYYY"; else None.

    Recognises ISO dates (2015-09-26, also with _ or .), YYYYMMDD, the year and day of year of Landsat scene
    IDs (LC80300272020133LGN00), MODIS / VIIRS names (.A2020133.) and HLS granules (.2020225T150721.), YYYY-MM and a
    lone year.  The most
    precise match wins; among equally precise ones, the first.
    """
    if not text:
        return None
    for pattern, parts in _DATE_PATTERNS:
        for m in pattern.finditer(str(text)):
            g = m.groups()
            if parts == "doy":
                if 1 <= int(g[1]) <= (366 if calendar.isleap(int(g[0])) else 365):
                    d = datetime.date(int(g[0]), 1, 1) + datetime.timedelta(days=int(g[1]) - 1)
                    return d.isoformat()
            elif parts == 3:
                if _valid_ymd(*g):
                    return f"{g[0]}-{g[1]}-{g[2]}"
            elif parts == 2:
                return f"{g[0]}-{g[1]}"
            else:
                return g[0]
    return None


_GIVEN_DATE = re.compile(r"((?:19|20)\d\d)(?:([-_./]?)(\d\d?)(?:\2(\d\d?))?)?(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z?)?")


def parse_given_date(text):
    """A date the user typed (``--dates``, the plugin's Date cell, Processing's DATES), strictly.

    Unlike :func:`parse_date`, which finds a date inside a file name, the whole text must be one date,
    year first: YYYY-MM-DD (also with _ . / or none: YYYYMMDD; with a separator, 2020-8-5 too), YYYY-MM
    or YYYY, optionally followed by a time, and a real calendar date.  Returns "YYYY-MM-DD", "YYYY-MM"
    or "YYYY"; None otherwise (so "15.08.2020", "08/15/2020" or "2020-02-30" are refused, never cut
    to their year).
    """
    m = _GIVEN_DATE.fullmatch(str(text or "").strip())
    if not m:
        return None
    year, sep, month, day = m.groups()
    if month is None:
        return year
    if not sep and (day is None or len(month) + len(day) != 4):  # "202008" or "2020815": no date
        return None
    month, day = month.zfill(2), day and day.zfill(2)  # 2020-8-5 is year first too
    if day is None:
        return f"{year}-{month}" if 1 <= int(month) <= 12 else None
    return f"{year}-{month}-{day}" if _valid_ymd(year, month, day) else None


def _same_day(a, b):
    """Whether two dates of :func:`parse_date`'s forms can be the same day ("2020" and "2020-04-17" can)."""
    return a.startswith(b) or b.startswith(a)


def _check_mask_dates(specs, dates):
    """Refuse masks given out of order: a mask whose file name dates it to another input's date (and not
    to its own input's) was given for the wrong date, e.g. the masks listed newest first; it would hide
    another date's clouds.  Masks without a date in their name, or dated to no input, pass."""
    for i, s in enumerate(specs):
        if not s.mask or not dates[i]:
            continue
        md = parse_date(os.path.basename(s.mask))
        if not md or _same_day(md, dates[i]):
            continue
        others = [j for j, d in enumerate(dates) if d and j != i and _same_day(md, d)]
        if len(others) == 1:
            j = others[0]
            raise InputError(_("The mask of input {n} '{label}' ({date}), "
                               "'{name}', is dated {md} by its name: the date of input {n2} "
                               "'{label2}'. Give the masks in the order of the images, one per image "
                               "('none' for a date without a mask).").format(n=i + 1, label=s.label, date=dates[i],
                                 name=os.path.basename(s.mask), md=md, n2=j + 1, label2=specs[j].label))


def date_hint(text):
    """The advice for a typed date that :func:`parse_given_date` refused."""
    if re.fullmatch(r"\s*\d{1,2}[-_./]\d{1,2}[-_./](?:19|20)\d\d\s*", str(text or "")):
        return _("write it year first, YYYY-MM-DD (day and month orders differ between countries, so "
                 "the engine does not guess)")
    return _("use YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY, a real calendar date")


def date_from_metadata(ds, with_key=False):
    """Date from common metadata items of a dataset (e.g. TIFFTAG_DATETIME "2015:09:26 10:00:00"); with
    ``with_key``, (date, the item it came from) or (None, None)."""
    for domain in ("", "IMAGERY"):
        md = ds.GetMetadata(domain) or {}
        for key in _DATE_METADATA_KEYS:
            value = md.get(key)
            if value:
                d = parse_date(value.replace(":", "-", 2) if re.match(r"^\d{4}:\d\d:\d\d", value) else value)
                if d:
                    return (d, key) if with_key else d
    return (None, None) if with_key else None


# a day and month beside a year that parse_date does not read whole (12-05-2020: day or month first?
# 2020-5-12: single digits), so that only the year is taken
_LOOSE_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[-_.]\d{1,2}[-_.](?:19|20)\d\d"
                         r"|(?:19|20)\d\d[-_.]\d{1,2}[-_.]\d{1,2})(?!\d)")

# metadata items that often say when the file was written rather than when the scene was acquired
_WRITE_TIME_KEYS = ("TIFFTAG_DATETIME", "DATETIME", "DATE", "datetime", "date")


def nodata_pixels(values, nodata, byte):
    """Where a pixel is nodata by its bands' declared nodata values (``values`` the bands' arrays, ``nodata``
    each band's value or None, ``byte`` whether each band is 8-bit): a band wider than 8 bits at its nodata
    value makes the pixel nodata (16-bit and float products keep their fill value for fill: Landsat
    Collection 2's 0, -9999), while 8-bit bands make it nodata only when every 8-bit band that declares a
    value is at it, as GDAL's warper reads partial nodata: 8-bit composites reach 0 and 255 in valid pixels
    (NAIP's lakes have NIR 0, Pucallpa's rivers SWIR 0, under a declared nodata of 0).  Returns a bool
    array, or None when no band declares nodata."""
    wide, narrow = None, None
    for a, nd, b in zip(values, nodata, byte):
        if nd is None:
            continue
        if math.isnan(nd):
            hit = np.isnan(a)
        elif a.dtype.kind == "f":  # as the band's own floats hold it (float32: rounded alike)
            hit = a == np.asarray(nd).astype(a.dtype)
        else:  # integers against the exact value: -9999 declared on uint16 is no value of the band
            hit = a == float(nd)
        if b:
            narrow = hit if narrow is None else narrow & hit
        else:
            wide = hit if wide is None else wide | hit
    if narrow is None:
        return wide
    return narrow if wide is None else wide | narrow


_FILL_VALUES = (0, -9999, -32768, -28672, 65535)  # fill values of common products when no nodata is declared
MIN_CLEAR_SAMPLE = 1000  # below this many pixels valid in every date, statistics use the gap-filled sample


def fill_source(i, clear):
    """The date whose values :func:`fill_gaps` gives a pixel masked on date ``i``, of the dates ``clear`` where it is
    clear (indices): the last before ``i``, else the first after it; None when no date is clear."""
    return max((j for j in clear if j < i), default=min((j for j in clear if j > i), default=None))


def fill_gaps(values, valid, center=None, scale=None):
    """Gap filling for series with masked dates (clouds, shadows, scan gaps): ``values`` (T, C, H, W)
    and per-date ``valid`` (T, H, W) -> (filled values (T, C, H, W), valid2 (H, W)).

    Every masked date of a pixel takes the values of the pixel's previous valid date (leading masked
    dates those of its first valid date), so a masked date looks unchanged and a change hidden by a
    gap appears in the interval that ends at the first clear date after it.  With the per-(date, band)
    ``center`` and ``scale`` (T, C) of the scene, a value carried from date k to date t is mapped into
    date t's radiometry, (v - center[k]) / scale[k] * scale[t] + center[t], so that the dates'
    illumination, season and haze differences are not mistaken for change on filled pixels (raw values,
    for the classical methods; standardised values need no mapping).  ``valid2``: the pixels with at
    least two valid dates (fewer cannot show a change)."""
    valid = np.asarray(valid, bool)
    t = valid.shape[0]
    filled = values.copy()
    ys, xs = np.nonzero(~valid.all(axis=0))  # only pixels with a masked date change
    if ys.size:
        ok = valid[:, ys, xs]                                              # (T, N)
        index = np.maximum.accumulate(np.where(ok, np.arange(t)[:, None], -1), axis=0)
        index = np.where(index < 0, ok.argmax(axis=0)[None], index)       # leading gaps: first valid date
        cols = np.take_along_axis(values[:, :, ys, xs], index[:, None, :], axis=0)  # (T, C, N)
        if center is not None:
            c = np.asarray(center, np.float32)
            s = np.asarray(scale, np.float32)
            dst, n = np.nonzero(index != np.arange(t)[:, None])             # carried values: target date, pixel
            src = index[dst, n]
            moved = (c[src] != c[dst]).any(axis=1) | (s[src] != s[dst]).any(axis=1)  # same radiometry: as is
            dst, n, src = dst[moved], n[moved], src[moved]
            cols[dst, :, n] = (cols[dst, :, n] - c[src]) / s[src] * s[dst] + c[dst]
        filled[:, :, ys, xs] = cols
    return filled, valid.sum(axis=0) >= 2


@dataclass
class InputSpec:
    """One date of the series: a GDAL-readable source, optional 1-based bands and date."""

    path: str
    bands: list = None
    date: str = None
    name: str = None
    mask: str = None       # a separate one-band mask raster for this date (see Stack's mask_clear)
    source: str = None     # the multi-date file whose bands a split date's VRT reads (model_core.stacked)

    @classmethod
    def of(cls, item):
        if isinstance(item, InputSpec):  # a copy: the stack sets its band list
            return dataclasses.replace(item, bands=list(item.bands) if item.bands else item.bands)
        if isinstance(item, dict):
            return cls(path=str(item["path"]), bands=item.get("bands"), date=item.get("date"),
                       name=item.get("name"), mask=item.get("mask") or None, source=item.get("source"))
        return cls(path=str(item))

    @property
    def label(self):
        return self.name or os.path.basename(self.path.rstrip("/\\")) or self.path


def equal_area_transform(srs, cx, cy):
    """A transform from ``srs`` to a Lambert azimuthal equal-area plane on its ellipsoid centred on the
    point (cx, cy) of ``srs``: areas measured on that plane are areas on the ground.  Raises
    RuntimeError when ``srs`` has no transform to its geographic CRS (a local engineering CRS)."""
    src = srs.Clone()
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geo = src.CloneGeogCS()
    if geo is None:
        raise RuntimeError("the CRS has no geographic CRS")
    geo.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon0, lat0 = osr.CoordinateTransformation(src, geo).TransformPoint(cx, cy)[:2]
    laea = osr.SpatialReference()
    laea.SetLAEA(lat0, lon0, 0.0, 0.0)
    laea.CopyGeogCSFrom(geo)
    laea.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(src, laea)


def geotransforms_differ(g0, g1):
    """(differ, origin offset in pixels) of two geotransforms: they differ when ``g1``'s origin is more
    than a tenth of ``g0``'s pixel away or its pixel size or rotation differs by more than 1e-3 pixel."""
    px = max(abs(g0[1]), abs(g0[5]), 1e-12)
    off = max(abs(g1[0] - g0[0]), abs(g1[3] - g0[3])) / px
    return off > 0.1 or any(abs(g1[i] - g0[i]) > 1e-3 * px for i in (1, 2, 4, 5)), off


def stray_inputs(boxes):
    """Indices of the inputs that lie elsewhere, when most of them share a place: those whose extent
    ``boxes[i]`` (xmin, ymin, xmax, ymax, one CRS) overlaps fewer of the others than the best-connected
    input does, if they are under half of all; else [] (no majority to name the others against)."""
    n = len(boxes)

    def meets(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    meet = [sum(meets(boxes[i], boxes[j]) for j in range(n) if j != i) for i in range(n)]
    stray = [i for i in range(n) if meet[i] < max(meet, default=0)]
    return stray if len(stray) < n / 2 else []


@dataclass
class Grid:
    """A north-up pixel grid."""

    wkt: str
    x0: float
    y0: float
    px: float
    py: float  # positive: rows go south
    width: int
    height: int
    geographic: bool = False
    linear_units: float = 1.0  # metres per CRS unit (projected CRS)
    transform_only: bool = False  # no CRS, but the inputs' geotransform (written to the outputs)

    @property
    def geotransform(self):
        return (self.x0, self.px, 0.0, self.y0, 0.0, -self.py)

    @property
    def bounds(self):
        return (self.x0, self.y0 - self.height * self.py, self.x0 + self.width * self.px, self.y0)

    def pixel_area_m2(self, row0=0, rows=None):
        """Area in square metres on the ground (the CRS's ellipsoid) of the pixels of rows ``row0 ..
        row0+rows`` (1-D array): exact per row on a geographic grid; on a projected grid the mean over
        each row of the pixels' areas on an equal-area plane (:meth:`_projected_rows`), since the map
        plane's area is not the ground's (Web Mercator at 24 deg N: 21 % more; UTM: within 0.2 %)."""
        rows = self.height - row0 if rows is None else rows
        if not self.wkt:
            return np.full(rows, np.nan)
        if not self.geographic:
            return self._projected_rows[row0:row0 + rows].copy()
        lat = self.y0 - (row0 + np.arange(rows) + 0.5) * self.py
        # exact on the CRS's ellipsoid: the area between two parallels over a longitude span is
        # b^2 * dlon / 2 * (q(lat1) - q(lat2)), q the authalic function (as the polygons' equal-area one)
        a, inv_f = self._ellipsoid
        f = 1.0 / inv_f if inv_f else 0.0
        b2, e = (a * (1 - f)) ** 2, math.sqrt(f * (2 - f))
        dlon = math.radians(self.px)

        def q(phi):
            s = np.sin(phi)
            if e == 0.0:
                return 2.0 * s
            return s / (1 - (e * s) ** 2) + np.log((1 + e * s) / (1 - e * s)) / (2 * e)

        lat1 = np.radians(np.clip(lat + self.py / 2, -90.0, 90.0))
        lat2 = np.radians(np.clip(lat - self.py / 2, -90.0, 90.0))
        return b2 * dlon / 2.0 * np.abs(q(lat1) - q(lat2))

    @property
    def uniform_area(self):
        """Whether every pixel has the same area (no CRS, or a projected CRS whose ground areas could not
        be computed), so a pixel count times one area is exact."""
        return not self.wkt or (not self.geographic and np.ptp(self._projected_rows) == 0.0)

    @functools.cached_property
    def _projected_rows(self):
        """(height,) ground area of a projected grid's pixels per row: on a Lambert azimuthal equal-area
        plane centred on the grid, the area of one pixel at 17 columns across each of up to 65 sampled
        rows, averaged across the row and interpolated between the sampled rows (the map plane's area
        when the CRS has no transform to its ellipsoid, e.g. a local engineering CRS)."""
        planar = np.full(self.height, self.px * self.py * self.linear_units ** 2)
        try:
            to_plane = equal_area_transform(srs_from_wkt(self.wkt), self.x0 + self.width * self.px / 2.0,
                                            self.y0 - self.height * self.py / 2.0)
            rows = np.unique(np.linspace(0, self.height - 1, min(self.height, 65)).round().astype(int))
            cols = np.unique(np.linspace(0, self.width - 1, min(self.width, 17)).round().astype(int))
            r, c = np.meshgrid(rows, cols, indexing="ij")
            corners = [(c, r), (c + 1, r), (c + 1, r + 1), (c, r + 1)]  # clockwise on the map, in pixels
            pts = np.stack([np.stack([self.x0 + cc * self.px, self.y0 - rr * self.py], -1)
                            for cc, rr in corners], -2).reshape(-1, 2)
            xy = np.asarray(to_plane.TransformPoints(pts.tolist()), float)[:, :2].reshape(r.shape + (4, 2))
        except (RuntimeError, TypeError, ValueError):
            return planar
        d1, d2, d3 = (xy[..., k, :] - xy[..., 0, :] for k in (1, 2, 3))
        area = 0.5 * np.abs(d1[..., 0] * d2[..., 1] - d1[..., 1] * d2[..., 0]
                            + d2[..., 0] * d3[..., 1] - d2[..., 1] * d3[..., 0])
        per_row = area.mean(axis=1)
        if not np.isfinite(per_row).all() or (per_row <= 0).any():
            return planar
        return np.interp(np.arange(self.height), rows, per_row)

    @functools.cached_property
    def _ellipsoid(self):
        """(semi-major axis in metres, inverse flattening) of the grid's CRS (read once per grid, not
        per block of rows); WGS 84 if unreadable."""
        try:
            srs = osr.SpatialReference()
            srs.ImportFromWkt(self.wkt)
            return srs.GetSemiMajor(), srs.GetInvFlattening()
        except (RuntimeError, TypeError):
            return 6378137.0, 298.257223563

    def pixel_text(self):
        """The pixel size for summaries: "30 x 30 m", "0.00025 x 0.00025 deg", "15 x 15 CRS units
        (4.572 x 4.572 m)" for a CRS in feet, or "1 x 1 (no CRS)"."""
        size = localize_number(f"{self.px:.6g} x {self.py:.6g}")
        if not self.wkt:
            return size + _(" (no CRS)")
        if self.geographic:
            return size + " deg"
        if abs(self.linear_units - 1.0) < 1e-9:
            return size + " m"
        return size + _(" CRS units ({x:.4g} x {y:.4g} m)").format(x=number(self.px * self.linear_units),
                                                                   y=number(self.py * self.linear_units))


@dataclass
class _Source:
    spec: InputSpec
    ds: object
    bands: list
    xoff: int = 0
    yoff: int = 0
    warped: bool = False
    alpha_band: int = None     # band whose 0 values mask the pixel (input alpha, or the warped VRT's)
    masks_all_valid: bool = True
    nodata: list = field(default_factory=list)  # per band: its nodata value, or None (see nodata_pixels)
    byte: list = field(default_factory=list)    # per band: 8-bit (see nodata_pixels)
    scaling: list = field(default_factory=list)  # per band: (scale, offset) to physical values, or None


class ClearValues(tuple):
    """What "clear" means in a mask raster: whole values (the tuple itself, sorted) and bit terms
    (``bits``: (set_mask, unset_mask) pairs, a value being clear when all the set bits are 1 and all the
    unset bits 0), for bit-packed QA bands.  A pixel is clear when its value matches any of them."""

    def __new__(cls, values=(), bits=()):
        obj = super().__new__(cls, sorted(set(int(v) for v in values)))
        obj.bits = tuple(sorted(set(bits)))
        return obj

    def __eq__(self, other):
        return isinstance(other, tuple) and tuple(self) == tuple(other) and getattr(other, "bits", ()) == self.bits

    def __hash__(self):
        return hash((tuple(self), self.bits))

    def clear(self, values):
        """Boolean array: where ``values`` (an array of mask values) mean clear."""
        values = np.asarray(values)
        out = np.isin(values, self) if len(self) else np.zeros(values.shape, bool)
        if self.bits:
            finite = np.isfinite(values) if values.dtype.kind == "f" else np.ones(values.shape, bool)
            ints = np.where(finite, values, 0).astype(np.int64)
            for set_mask, unset_mask in self.bits:
                out |= ((ints & set_mask) == set_mask) & ((ints & unset_mask) == 0) & finite
        return out


DEFAULT_MASK_CLEAR = ClearValues((0,))
MASK_PRESETS = {  # what "clear" means in common cloud-mask products (README, "Cloud masks"; the dialog's list)
    "CBERS-4 CMASK, 0/1 masks (0 = clear)": "0",
    "Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow)": "bit6&!bit2&!bit4",
    "Landsat 8-9 Collection 2 QA_PIXEL (strict values)": "21824,21952",
    "Landsat 4-7 Collection 2 QA_PIXEL (clear or water, no shadow)": "bit6&!bit4,bit7&!bit1&!bit3&!bit4",
    "Sentinel-2 L2A SCL": "4-7,11",
    "HLS v2.0 Fmask (no cloud, cloud-adjacent or shadow)": "!bit1&!bit2&!bit3",
    "Fmask": "0,1",
}
_BIT_TERM = re.compile(r"!?bit(\d{1,2})")


def _bit_term(item):
    """'bit6&!bit2&!bit4' -> (set_mask, unset_mask), or None when ``item`` is not a bit term."""
    parts = [p.strip().lower() for p in item.split("&")]
    if not all(_BIT_TERM.fullmatch(p) for p in parts):
        return None
    set_mask = unset_mask = 0
    for p in parts:
        bit = int(_BIT_TERM.fullmatch(p).group(1))
        if bit > 62:
            return None
        if p.startswith("!"):
            unset_mask |= 1 << bit
        else:
            set_mask |= 1 << bit
    return (set_mask, unset_mask) if not set_mask & unset_mask else None


def parse_clear_values(text):
    """'0' / '4-7,11' / 'bit6&!bit4' / [21824, 21952] -> :class:`ClearValues`: comma-separated whole
    numbers, ranges and bit terms (``bitN`` set, ``!bitN`` unset, joined by ``&``).  Raises InputError
    naming the bad part."""
    if isinstance(text, ClearValues):
        return text
    if text is None or (isinstance(text, str) and not text.strip()):
        return DEFAULT_MASK_CLEAR
    parts = text.replace(";", ",").split(",") if isinstance(text, str) else list(text)
    values, bits = set(), set()
    for part in parts:
        item = str(part).strip()
        if not item:
            continue
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", item)
        term = _bit_term(item) if "bit" in item.lower() else None
        try:
            if term:
                bits.add(term)
            elif m:
                lo, hi = int(m.group(1)), int(m.group(2))
                if hi < lo or hi - lo > 100_000:
                    raise ValueError
                values.update(range(lo, hi + 1))
            else:
                number = float(item)
                if not number.is_integer():
                    raise ValueError
                values.add(int(number))
        except ValueError:
            if "bit" in item.lower():
                bits_named = [int(b) for b in re.findall(r"bit\s*(\d+)", item.lower())]
                why = (_("bits are numbered 0 to 62") if any(b > 62 for b in bits_named) else
                       _("it asks for a bit to be both set and unset") if all(
                           _BIT_TERM.fullmatch(p.strip().lower()) for p in item.split("&")) else
                       _("write bit tests as bitN or !bitN joined by &"))
                raise InputError(_("Mask clear value '{item}' is not a bit test that can be met: {why} (e.g. "
                                   "bit6&!bit2&!bit4 for Landsat 8-9 QA_PIXEL: clear, no cirrus, no shadow).").format(
                                     item=item, why=why)) from None
            raise InputError(_("Mask clear value '{item}' is not a whole number, a range like 4-7 or a bit test "
                               "like bit6&!bit4. Give the mask values that mean clear sky, comma-separated, e.g. 0 "
                               "(CBERS CMASK, 0/1 masks), bit6&!bit2&!bit4 (Landsat 8-9 QA_PIXEL: clear, no "
                               "cirrus, no shadow) or 4-7,11 (Sentinel-2 SCL).").format(item=item)) from None
    if not values and not bits:
        return DEFAULT_MASK_CLEAR
    return ClearValues(values, bits)


def format_clear_values(values):
    """(4, 5, 6, 7, 11) -> '4-7,11', with the bit terms of a :class:`ClearValues` after the values
    (the inverse of :func:`parse_clear_values`)."""
    runs = []  # [first, last] of each run of consecutive values
    for v in sorted(values):
        if runs and v == runs[-1][1] + 1:
            runs[-1][1] = v
        else:
            runs.append([v, v])
    parts = []
    for lo, hi in runs:  # a range from three values on; two neighbours stay a pair
        parts += [f"{lo}-{hi}"] if hi - lo >= 2 else [str(v) for v in range(lo, hi + 1)]
    for set_mask, unset_mask in getattr(values, "bits", ()):
        parts.append("&".join([f"bit{b}" for b in range(63) if set_mask >> b & 1]
                              + [f"!bit{b}" for b in range(63) if unset_mask >> b & 1]))
    return ",".join(parts)


@dataclass
class _Mask:
    """A date's mask raster on the grid: band 1 holds the mask values; when ``warped``, band 2 is the
    warped VRT's alpha (0 outside the mask file's footprint, which counts as masked)."""

    path: str
    ds: object
    xoff: int = 0
    yoff: int = 0
    warped: bool = False
    nodata: float = None  # the mask file's nodata: masked, unless listed as a clear value


def _no_mask(item):
    """A mask list entry: None for '', 'none', '-' (a date without a mask file), else the path."""
    text = "" if item is None else str(item).strip()
    return None if text.lower() in ("", "none", "-") else text


_BAND_TOKEN = re.compile(r"(?i)(?<![a-z0-9])(?:SR_|ST_)?(B(?:\d\d?|8A))(?![a-z0-9])")


def _check_band_files(specs, datasets):
    """Refuse single-band inputs that are the band files of one date (a Sentinel-2 or Landsat date stored
    as one file per band, every file given as an image): two or more of them dated alike by their names
    and named after different bands (B02, B03, ..., SR_B4, CBERS' B13).  Run as they were, each band would be a date."""
    groups = {}
    for i, (s, ds) in enumerate(zip(specs, datasets)):
        name = os.path.basename(s.path)
        m, d = _BAND_TOKEN.search(name), parse_date(name)
        if ds.RasterCount == 1 and m and d:
            groups.setdefault(d, []).append((i, m.group(1).upper()))
    for d, members in groups.items():
        if len({b for _, b in members}) > 1:
            i = members[0][0]
            raise InputError(
                _("Inputs {ns} ('{label}', ...) are the band files "
                  "of one date ({d}: {bs}): each input must be one date with all "
                  "its bands. Stack each date's bands into one raster per date first: python -m model_core "
                  "stackbands <the band files or their folder> --out dates (in QGIS: Stack band files into dates), "
                  "then give the VRTs it writes, one per date (it prints the command).").format(
                    ns=', '.join(str(j + 1) for j, _ in members), label=specs[i].label, d=d,
                    bs=', '.join(b for _, b in members)))


# GDAL's and GIS software's files beside a raster: (suffix, what it holds), the raster's name without it
_SIDECARS = ((".aux.xml", N_("statistics and metadata")), (".ovr", N_("pyramids (overviews)")),
             (".msk", N_("mask band")), (".hdr", N_("ENVI header")), (".tfw", N_("world file")),
             (".tifw", N_("world file")), (".pgw", N_("world file")), (".jgw", N_("world file")),
             (".wld", N_("world file")), (".prj", N_("projection")))


def sidecar_of(path):
    """(the raster, what the file holds) when ``path`` is a sidecar file of a raster beside it (x.tif.aux.xml,
    x.tif.ovr, x.tif.msk; x.hdr of an ENVI x or x.img, x.tfw of x.tif), else None."""
    low = path.lower()
    for suffix, what in _SIDECARS:
        if low.endswith(suffix):
            stem = path[:-len(suffix)]
            for base in (stem, *(stem + e for e in (".tif", ".tiff", ".img", ".bsq", ".bil", ".dat", ".png",
                                                     ".jpg", ".jpeg"))):
                if base != path and os.path.isfile(base):
                    return base, what
    return None


def _open(spec, index):
    path = spec.path
    if not path:
        raise InputError(_("Input {n} has an empty path.").format(n=index + 1))
    side = None if path.startswith("/vsi") else sidecar_of(path)
    if side:
        raise InputError(_("Input {n} '{name}' is not an image but the {side} file of "
                           "'{name2}' beside it. Leave such files out of the inputs: give the "
                           "images themselves (e.g. *.tif rather than *; of an ENVI image, its data file).").format(
                             n=index + 1, name=os.path.basename(path), side=translated(side[1]), name2=os.path.basename(side[0])))
    if not path.startswith("/vsi") and not os.path.exists(path) and ":" not in os.path.basename(path):
        raise InputError(_("Input {n} '{path}' does not exist. Check the path.").format(n=index + 1, path=path))
    try:
        ds = gdal.Open(path, gdal.GA_ReadOnly)
    except RuntimeError as exc:
        if os.path.isdir(path):  # a folder GDAL cannot open as a raster (Zarr, ArcInfo grids it can)
            raise InputError(_("Input {n} '{path}' is a folder, not a raster; give one raster file per "
                               "date. For dates stored as one file per band (e.g. Sentinel-2 B02.tif, B03.tif, "
                               "...), stack their bands first: python -m model_core stackbands <the folders> --out "
                               "dates, which writes one VRT per date and prints the command to run next.").format(
                                 n=index + 1, path=path)) from None
        raise InputError(_("Input {n} '{label}' cannot be read by GDAL ({reason}). "
                           "Check that it is a complete raster file in a format GDAL supports.").format(n=index + 1,
                             label=spec.label, reason=_msg(exc))) from None
    subs = ds.GetSubDatasets() if ds is not None and ds.RasterCount == 0 else []
    if subs:  # a container (HDF, netCDF, a Sentinel-2 product, a GeoPackage of several rasters)
        names = ", ".join(f"'{name}'" for name, _ in subs[:3]) + (_(" and {n} more").format(n=len(subs) - 3) if len(subs) > 3 else "")
        raise InputError(_("Input {n} '{label}' holds {n_subs} rasters (subdatasets), not one: "
                           "{names}. Give the one to use as the input, by that full name (quoted in a shell); "
                           "gdalinfo FILE lists them.").format(n=index + 1, label=spec.label, n_subs=len(subs),
                             names=names))
    if ds is None or ds.RasterCount == 0:
        raise InputError(_("Input {n} '{label}' is not a raster with bands.").format(n=index + 1, label=spec.label))
    return ds


def is_true_alpha(band, side=256):
    """True for a band flagged alpha whose values (on a decimated read) are only 0 and one other value:
    a mask.  Some 4-band R, G, B, NIR GeoTIFFs flag their NIR band as alpha; that one has many values."""
    if band.GetColorInterpretation() != gdal.GCI_AlphaBand:
        return False
    w, h = band.XSize, band.YSize
    a = band.ReadAsArray(0, 0, w, h, buf_xsize=min(w, side), buf_ysize=min(h, side))
    return a is not None and len(np.unique(a)) <= 2


def _surface_bands(ds, bands):
    """(kept, left out) of ``bands`` of ``ds``: left out are the atmospheric, thermal, mask and QA bands
    its metadata name (:func:`bandmap.not_surface_band`), which a CVA would read as change."""
    sensor = bandmap.file_sensor(ds)  # once: per band it was quadratic in the band count
    left = [b for b in bands if bandmap.not_surface_band(ds.GetRasterBand(b), sensor)]
    return [b for b in bands if b not in left], left


def _left_out(bands):
    return _("band(s) {bands} (atmospheric, thermal, mask or QA bands by their metadata)").format(
        bands=','.join(map(str, bands)))


def _scaling(ds, bands):
    """Per band of ``ds``: (scale, offset) turning stored values into physical ones, or None when the
    band has neither (e.g. Landsat Collection 2 surface reflectance, uint16 with scale 2.75e-5 and
    offset -0.2; Collection 1, scale 1e-4): dates stored with different scalings then compare."""
    out = []
    for b in bands:
        band = ds.GetRasterBand(b)
        scale, offset = band.GetScale(), band.GetOffset()
        scale = 1.0 if scale in (None, 0) else float(scale)
        offset = 0.0 if offset is None else float(offset)
        out.append(None if (scale, offset) == (1.0, 0.0) else (scale, offset))
    return out


def _msg(exc):
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


def srs_from_wkt(wkt):
    """An x/y-ordered spatial reference of ``wkt``, or None when there is none."""
    if not wkt:
        return None
    s = osr.SpatialReference()
    s.ImportFromWkt(wkt)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def _srs(ds):
    return srs_from_wkt(ds.GetProjection())


def extent(ds):
    """(xmin, ymin, xmax, ymax) of a dataset in its own coordinates (a rotated grid: its corners' box)."""
    gt = ds.GetGeoTransform()
    xs = [gt[0] + gt[1] * c + gt[2] * r for c, r in ((0, 0), (ds.RasterXSize, 0), (0, ds.RasterYSize),
                                                      (ds.RasterXSize, ds.RasterYSize))]
    ys = [gt[3] + gt[4] * c + gt[5] * r for c, r in ((0, 0), (ds.RasterXSize, 0), (0, ds.RasterYSize),
                                                      (ds.RasterXSize, ds.RasterYSize))]
    return min(xs), min(ys), max(xs), max(ys)


def _fmt_bounds(b):
    return "(" + ", ".join(f"{v:.6g}" for v in b) + ")"


def _clipped(bounds, reference, grid_area, share=0.9):
    """(the grid's share of the reference input's extent, [(input index, its share of that extent)]) when the
    overlap of all inputs leaves less than ``share`` of the reference's extent (a date covering part of the
    scene clips every output to that part), naming the inputs that cut it; else None.  ``bounds``: each
    input's extent in the reference CRS."""
    rb = bounds[reference]
    ref_area = (rb[2] - rb[0]) * (rb[3] - rb[1])
    if ref_area <= 0 or grid_area >= share * ref_area:
        return None
    cuts = []
    for i, b in enumerate(bounds):
        inter = max(0.0, min(b[2], rb[2]) - max(b[0], rb[0])) * max(0.0, min(b[3], rb[3]) - max(b[1], rb[1]))
        if i != reference and inter < 0.99 * ref_area:
            cuts.append((i, inter / ref_area))
    if not cuts:  # every date covers the reference: what is lost is the snapping of sub-pixel offsets to
        return None  # its pixel grid (a row and a column of a small image), no date to leave out
    return grid_area / ref_area, cuts



def decimation(width, height, max_pixels):
    """``(step, width, height)`` of a whole ``width`` x ``height`` grid read decimated to at most about
    ``max_pixels`` pixels: every ``step``-th pixel along each side (the scene statistics' sample)."""
    step = max(1, math.ceil(math.sqrt(width * height / max_pixels)))
    return step, max(1, width // step), max(1, height // step)

def network_band_refusal(inputs, expected_bands=4, bands=None, extra=False):
    """Why a network cannot read ``inputs`` (paths or :class:`InputSpec`, one per date) as its ``expected_bands``
    bands (red, green, blue, NIR), with the band mapping ``bands`` if any (``extra``: a fusion's, which may list
    further bands for its classical part): the :class:`~model_core.errors.BandRolesError`'s text
    that :class:`Stack` raises when the run opens them for the network (the same checks, not a copy: the files'
    band counts, alpha bands and band metadata), or None when it can read them, or when the inputs fail for
    another reason (a missing file, band files of one date: the run says that one).  Opens each file once and
    reads no pixel: the automatic choice (:func:`model_core.models.auto_choice`) asks it before a run."""
    try:
        with quiet_gdal():
            specs = [InputSpec.of(i) for i in inputs]
            datasets = [_open(s, i) for i, s in enumerate(specs)]
            _check_band_files(specs, datasets)
            probe = Stack.__new__(Stack)  # (only its band checks: no dates, grid or sources read)
            probe._rgb_training = None
            probe._check_bands(specs, datasets, bands, expected_bands, extra)
    except BandRolesError as exc:
        return str(exc)
    except InputError:
        return None
    return None


class Stack:
    """An ordered series of co-registered (or to-be-aligned) rasters on one reference grid.

    ``inputs``: paths or dicts/InputSpec (``path``, optional 1-based ``bands`` and ``date``).
    ``dates``: optional list of date strings (one per input) overriding parsed dates.
    ``bands``: optional 1-based band list applied to inputs without their own selection.
    ``reference``: index of the input whose CRS, resolution and pixel alignment define the grid.
    """

    def __init__(self, inputs, dates=None, bands=None, reference=0, expected_bands=None, extra_bands=False,
                 surface_only=False, masks=None, mask_clear=None, rgb_training=None):
        # what the note of RGB-only inputs says of the weights file that runs (bandmap.describe_rgb_only;
        # None: the bundled CAIM-Net file's)
        self._rgb_training = rgb_training
        specs = [InputSpec.of(i) for i in inputs]
        if len(specs) < 2:
            raise InputError(_("Change detection needs at least 2 images; {n_specs} given. "
                               "Give the images of the series in date order.").format(n_specs=len(specs)))
        if masks is not None:
            masks = list(masks)
            if len(masks) != len(specs):
                raise InputError((  # a multi-date file's: its dates
                    _("{n_masks} mask files given for {n_specs} dates. Give exactly one mask per date, in the same "
                      "order ('none' for a date without a mask).") if any(s.source for s in specs) else
                    _("{n_masks} mask files given for {n_specs} images. Give exactly one mask per image, in the "
                      "same order ('none' for a date without a mask).")).format(n_masks=len(masks), n_specs=len(specs)))
            specs = [InputSpec(s.path, s.bands, s.date, s.name, _no_mask(m) or s.mask, s.source)
                     for s, m in zip(specs, masks)]
        self.mask_clear = parse_clear_values(mask_clear)
        if dates is not None:
            typed = isinstance(dates, str)
            dates = [d.strip() for d in (dates.split(",") if typed else dates)]
            if len(dates) != len(specs):
                raise InputError(_("{n_dates} dates given for {n_specs} images. Give exactly one "
                                   "date per image, in the same order, or none to parse them from names.").format(
                                     n_dates=len(dates), n_specs=len(specs)))
            empty = [i + 1 for i, d in enumerate(dates) if not d]
            if typed and empty and len(empty) < len(dates):  # '1985,1990,': a date forgotten, not 'from names'
                raise InputError(_("Date {empty} of the dates given ('{dates}') is empty. Give "
                                   "one date per image, in the same order, or no dates at all to read them "
                                   "from the file names or metadata.").format(empty=empty[0], dates=','.join(dates)))
        if not 0 <= reference < len(specs):
            raise InputError(_("Reference input {reference} does not exist (there are {n_specs}).").format(
                                 reference=reference + 1, n_specs=len(specs)))
        self.specs = specs
        self.reference = reference
        self.shifts = None  # per date: its coregister.Shift once coregister() ran
        self.write_time_dates = []  # (input, metadata item) of dates read from a file-time item (_dates)
        self.year_only_dates = []   # (input, text) of names whose day and month were not read (_dates)
        self.clipped = None         # a date covering part of the scene (_clipped, set by _grid)
        with quiet_gdal():
            datasets = [_open(s, i) for i, s in enumerate(specs)]
            _check_band_files(specs, datasets)
            self._check_bands(specs, datasets, bands, expected_bands, extra_bands, surface_only)
            self.dates = self._dates(specs, datasets, dates)
            _check_mask_dates(specs, self.dates)
            self.grid = self._grid(specs, datasets, reference)
            self.sources = [self._source(s, ds, i) for i, (s, ds) in enumerate(zip(specs, datasets))]
            self.masks = [self._mask(s, i) if s.mask else None for i, s in enumerate(specs)]
        self.band_count = len(self.sources[0].bands)
        self._stats = None
        self.sample = None
        self.sample_step = 1  # the decimation of the statistics' read (1 = every pixel of the grid)
        self.sample_clear = None  # with a gap-filled sample: each date's own validity (T, h, w)
        self.mask_cover = [None] * len(specs)  # per date: the fraction of the grid its mask file marks (of a date
        # moved by coregister(), the fraction of the grid pixels it still covers: strip_cover is the rest)
        self.strip_cover = [0.0] * len(specs)  # per date: the share of the grid a move by coregister() left uncovered
        self.nan_inputs = set()  # dates with NaN values not marked as nodata (read as nodata)
        self.zero_fill = {}      # date -> (fill value, share of its pixels with it in every band): no nodata declared
        self.overcast = []       # dates whose mask hides every pixel (filled as any masked pixel: fill_gaps)
        self.relative_stats = []  # dates whose statistics were carried over from the clearest date's

    # ------------------------------------------------------------------ set-up
    def _check_bands(self, specs, datasets, bands, expected, extra=False, surface_only=False):
        """Each input's band list (``s.bands``).  ``expected``: the model's band count (R, G, B, NIR for
        the networks).  ``extra`` (a fusion: True, or its classical part's name for the notes, CVA or
        ISFA): the model also takes further bands after the expected ones, for its classical part: a band
        mapping may list more than ``expected`` bands (the first ``expected`` are the network's), and without a
        mapping every other non-alpha band of the inputs is appended to the inferred R, G, B, NIR.
        ``surface_only`` (the classical CVA): without a mapping, bands whose metadata mark them as atmospheric,
        thermal, mask or QA bands are left out."""
        chosen = []
        explicit = []
        inferred = self._infer_bands(specs, datasets, bands, expected)
        for i, (s, ds) in enumerate(zip(specs, datasets)):
            explicit.append(bool(s.bands or bands))
            sel = s.bands if s.bands else bands
            if isinstance(sel, str):
                sel = [int(b) for b in sel.replace(" ", "").split(",") if b]
            if not sel and inferred[i]:
                sel = inferred[i]
            if not sel:
                sel = list(range(1, ds.RasterCount + 1))
                # an alpha band is a mask, not data (it then masks the pixels where it is 0)
                if ds.RasterCount > (expected if expected is not None else 1):
                    # only a true alpha (0 and one other value): GDAL flags the 4th band of a 4-band byte
                    # GeoTIFF as alpha by default, and a classical method had silently lost that NIR band
                    alpha = [b for b in sel if is_true_alpha(ds.GetRasterBand(b))]
                    sel = [b for b in sel if b not in alpha]
                elif ds.RasterCount == expected and is_true_alpha(ds.GetRasterBand(ds.RasterCount)):
                    # R, G, B + a true alpha (only 0 and one other value), not a NIR band flagged alpha
                    # as some 4-band GeoTIFFs are: the alpha is a mask, and the band count says so
                    sel = sel[:-1]
                if surface_only:
                    kept, left = _surface_bands(ds, sel)
                    if kept and left and i == 0:
                        self.band_notes.append(_("left out: {bands}; list the bands to use them").format(
                            bands=_left_out(left)))
                    sel = kept or sel
            bad = [b for b in sel if not 1 <= int(b) <= ds.RasterCount]
            if bad:
                raise InputError(_("Input {n} '{label}' has {RasterCount} band(s); band(s) "
                                   "{bad} do not exist. Choose bands between 1 and "
                                   "{RasterCount}.").format(n=i + 1, label=s.label, RasterCount=ds.RasterCount,
                                     bad=', '.join(map(str, bad))))
            s.bands = [int(b) for b in sel]
            chosen.append(len(s.bands))
        if len(set(chosen)) > 1:
            detail = ", ".join(f"'{s.label}': {n}" for s, n in zip(specs, chosen))
            raise InputError(_("The inputs have different numbers of bands ({detail}). Every date needs the "
                               "same bands in the same order: select them with the band mapping (e.g. "
                               "3,2,1,4; --bands on the command line, BANDS in Processing).").format(detail=detail))
        if extra and expected is not None and chosen[0] > expected and all(explicit):
            expected = chosen[0]  # the mapping lists the network's bands, then the CVA part's
        if expected == 4 and chosen[0] == 3 and all(explicit):
            # a mapping of three bands for a network: R, G, B in its order, RGB-only imagery, read as a 3-band input
            # without a mapping is (green in place of the missing NIR, as the mapping r,g,b,g would; the model card's
            # RGB-only row); it was refused with the advice to type that mapping, while the automatic choice had
            # promised the network (and, in Processing, ran the classical fallback instead)
            notes = {}
            for i, (s, ds) in enumerate(zip(specs, datasets)):
                refusal = bandmap.rgb_mapping_refusal(ds, s.bands)  # (names or wavelengths saying otherwise)
                if refusal:
                    raise BandRolesError(_("Input {n} '{label}': {text}.").format(n=i + 1, label=s.label, text=refusal))
                s.bands = bandmap.rgb_only_mapping(s.bands)
                notes.setdefault(bandmap.describe_rgb_only(s.bands, "mapping", self._rgb_training), []).append(s.label)
            for text, labels in notes.items():
                who = (_("all {n} dates").format(n=len(specs)) if len(labels) == len(specs) else
                       ", ".join(f"'{lab}'" for lab in labels))
                self.band_notes.append(f"{text}: {who}")
            chosen = [4] * len(specs)
        if expected is not None and chosen[0] != expected:
            picked = explicit[0] and ",".join(map(str, specs[0].bands))  # the user's mapping, not the file's bands
            rgb_g = ",".join(map(str, specs[0].bands + specs[0].bands[1:2])) if picked else "1,2,3,2"
            hint = (_("For RGB-only imagery (R, G, B) use the green band in place of NIR, band mapping {rgb_g} "
                      "(accuracy is lower without NIR; the model card gives the figures). Imagery without a blue "
                      "band (e.g. NIR, R, G false colour) suits CVA or ISFA better, which take any bands.")
                    if chosen[0] == 3 and expected == 4 else
                    _("For single-band (e.g. SAR or panchromatic) or two-band imagery choose a classical method, "
                      "which takes any number of bands: CVA or ISFA (--model cva or --model isfa on the command "
                      "line).") if chosen[0] < 3 and expected == 4 else
                    _("Select {expected} bands with the band mapping, e.g. 3,2,1,4 for a sensor whose bands are B, "
                      "G, R, NIR, or 4,3,2,8 for Sentinel-2 (--bands on the command line, BANDS in Processing)."))
            raise BandRolesError(
                (_("The model expects {expected} bands (R, G, B, NIR) but the band mapping {picked} selects "
                   "{n_chosen}. {hint}") if picked else
                 _("The model expects {expected} bands (R, G, B, NIR) but the inputs have {n_chosen} ('{label}') "
                   "and their metadata (band wavelengths or names) do not say which is which. {hint}")
                 if chosen[0] > expected else
                 _("The model expects {expected} bands (R, G, B, NIR) but the inputs have {n_chosen} ('{label}'). "
                   "{hint}")).format(expected=expected, picked=picked, n_chosen=chosen[0], label=specs[0].label,
                                     hint=hint.format(rgb_g=rgb_g, expected=expected)))
        if extra and not any(explicit):
            self._add_extra_bands(specs, datasets, extra if isinstance(extra, str) else "CVA")

    def _add_extra_bands(self, specs, datasets, part="CVA"):
        """Append every band of the inputs that is neither in the R, G, B, NIR mapping, nor an alpha band,
        nor an atmospheric, thermal, mask or QA band by its metadata (:func:`bandmap.not_surface_band`),
        for the fusion's classical part (``part``: its name in the notes, CVA or ISFA), when every input has the
        same such bands; say so in a band note."""
        split = [_surface_bands(ds, [b for b in range(1, ds.RasterCount + 1) if b not in s.bands
                                     and not is_true_alpha(ds.GetRasterBand(b))])
                 for s, ds in zip(specs, datasets)]
        extras = [kept for kept, _ in split]
        if split[0][1]:
            self.band_notes.append(_("the {part} part leaves out {bands}").format(part=part,
                                                                                  bands=_left_out(split[0][1])))
        if not extras[0]:
            return
        if any(e != extras[0] for e in extras):
            self.band_notes.append(_("the {part} part uses the 4 bands above only: the inputs' other bands "
                                     "differ").format(part=part))
            return
        for s, e in zip(specs, extras):
            s.bands = s.bands + e
        self.band_notes.append(_("the {part} part also uses band(s) {bands}").format(
            part=part, bands=','.join(map(str, extras[0]))))

    def _infer_bands(self, specs, datasets, bands, expected):
        """R, G, B, NIR band lists read from each input's metadata (wavelengths, band names) for the
        4-band networks when no band mapping is given; None where nothing applies.  An input without
        such metadata borrows the mapping of an input with the same band count (one sensor, one
        order).  Adds a line to ``self.band_notes`` for every mapping that is not simply 1,2,3,4."""
        self.band_notes = []
        out = [None] * len(specs)
        if expected != 4 or bands:
            return out
        by_count, notes = {}, {}
        for i, (s, ds) in enumerate(zip(specs, datasets)):
            if s.bands:
                continue
            found, source = bandmap.infer_rgbn(ds)
            if found:
                out[i] = found
                by_count.setdefault(ds.RasterCount, (found, s.label))
                if found != [1, 2, 3, 4] or ds.RasterCount != 4:
                    notes.setdefault(bandmap.describe(found, source), []).append(s.label)
        for i, (s, ds) in enumerate(zip(specs, datasets)):
            if out[i] is None and not s.bands and ds.RasterCount in by_count:
                found, donor = by_count[ds.RasterCount]
                out[i] = found
                if found != [1, 2, 3, 4]:
                    text = _("{bands} as R, G, B, NIR (no band metadata; same order as '{donor}')").format(
                        bands=','.join(map(str, found)), donor=donor)
                    notes.setdefault(text, []).append(s.label)
        for i, (s, ds) in enumerate(zip(specs, datasets)):
            if out[i] is None and not s.bands:
                found, source = bandmap.infer_rgb_only(ds)
                if found:
                    out[i] = found
                    notes.setdefault(bandmap.describe_rgb_only(found, source, self._rgb_training),
                                    []).append(s.label)
        for i, (s, ds) in enumerate(zip(specs, datasets)):
            if out[i] is None and not s.bands:
                found, text = bandmap.infer_partial(ds)
                if found:
                    out[i] = found
                    notes.setdefault(text, []).append(s.label)
                elif text:
                    raise BandRolesError(_("Input {n} '{label}': {text}.").format(n=i + 1, label=s.label, text=text))
        which = [i for i, (s, ds) in enumerate(zip(specs, datasets))
                 if out[i] is None and not s.bands and ds.RasterCount == 4]
        assumed = [specs[i].label for i in which]
        if assumed:
            first = datasets[which[0]]
            names = [(first.GetRasterBand(b).GetDescription() or "").strip() for b in range(1, 5)]
            # names the engine does not read (B2, B3, B4, B8: Sentinel-2's B, G, R, NIR, Landsat 5's G, R,
            # NIR, -) are no reason to say the file carries no metadata; some bands named: those, by number
            shown = (", ".join(f"'{n}'" for n in names) if all(names) else
                     "(" + ", ".join(_("band {b} '{name}'").format(b=b, name=n) for b, n in enumerate(names, 1)
                                     if n) + ")")
            plain = all(re.fullmatch(r"b\d{1,2}a?", n, re.I) for n in names)
            said = (_("the band names {names} do not say which band is which: B<n> differs between sensors; for B, "
                      "G, R, NIR files, e.g. Sentinel-2's B2, B3, B4, B8, use the band mapping 3,2,1,4") if plain else
                    _("the band names {names} do not say which band is which; for B, G, R, NIR files use the band "
                      "mapping 3,2,1,4") if any(names) else
                    _("the band metadata do not say which band is which; for B, G, R, NIR files use the band "
                      "mapping 3,2,1,4")).format(names=shown)
            notes.setdefault(_("1,2,3,4 as R, G, B, NIR, assumed ({why})").format(why=said), []).extend(assumed)
        for text, labels in notes.items():
            who = (_("all {n} dates").format(n=len(specs)) if len(labels) == len(specs) else
                   ", ".join(f"'{lab}'" for lab in labels))
            self.band_notes.append(f"{text}: {who}")
        # a date without NIR reads green in its place: a real NIR on the other dates against that green
        # would look like change everywhere vegetation is, so every date then reads green in NIR's place
        lacking = [s.label for i, s in enumerate(specs)
                   if out[i] is not None and not s.bands and out[i][3] == out[i][1]]
        if lacking and len(lacking) < len(specs):
            moved = []
            for i, (s, ds) in enumerate(zip(specs, datasets)):
                cur = out[i] or ([1, 2, 3, 4] if ds.RasterCount == 4 else None)
                if s.bands or cur is None or cur[3] == cur[1]:
                    continue
                out[i] = cur[:3] + [cur[1]]
                moved.append(s.label)
            if moved:
                self.band_notes.append(
                    _("green in place of NIR on every date, not only where it is missing ({lacking} has no NIR band; "
                      "its green against the other dates' NIR would look like change): {moved}").format(
                        lacking=", ".join(f"'{lab}'" for lab in lacking), moved=", ".join(f"'{lab}'" for lab in moved)))
        return out

    def _dates(self, specs, datasets, dates):
        out = []
        for i, (s, ds) in enumerate(zip(specs, datasets)):
            d = dates[i] if dates is not None else s.date
            if d:
                parsed = parse_given_date(d)
                if parsed is None:
                    raise InputError(_("Date '{d}' for input {n} '{label}' is not a date: {date_hint}.").format(d=d,
                                         n=i + 1, label=s.label, date_hint=date_hint(d)))
                d = parsed
            else:
                d = parse_date(os.path.basename(s.path))
                if d and len(d) == 4:
                    m = _LOOSE_DATE.search(os.path.basename(s.path))
                    if m:
                        self.year_only_dates.append((i, m.group(0)))
                if not d:
                    d, key = date_from_metadata(ds, with_key=True)
                    if d and key in _WRITE_TIME_KEYS:
                        self.write_time_dates.append((i, key))
            out.append(d)
        return out

    @staticmethod
    def _grid_without_crs(specs, datasets, reference, w, h):
        """The grid of same-size inputs with no CRS: the reference's geotransform when it has a north-up
        one (the outputs then overlay the inputs in a GIS), else pixel coordinates.  Inputs whose
        geotransforms differ are refused: without a CRS they cannot be aligned (the pixels were stacked
        as they are, the map silently shifted)."""
        gts = [ds.GetGeoTransform(can_return_null=True) for ds in datasets]
        ref = gts[reference]
        for i, gt in enumerate(gts):
            if ref is not None and gt is not None and geotransforms_differ(ref, gt)[0]:
                raise InputError(_("Input {n} '{label}' and input {reference} "
                                   "'{label2}' have no coordinate reference system and different "
                                   "geotransforms (origin or pixel size), so they cannot be aligned. Assign their CRS "
                                   "(gdal_edit.py -a_srs EPSG:CODE FILE), or give images on one grid.").format(
                                     n=i + 1, label=specs[i].label, reference=reference + 1,
                                     label2=specs[reference].label))
        if ref is None or ref[2] or ref[4] or ref[5] >= 0 or ref[1] <= 0:
            return Grid("", 0.0, 0.0, 1.0, 1.0, w, h)
        return Grid("", ref[0], ref[3], ref[1], -ref[5], w, h, transform_only=True)

    def _grid(self, specs, datasets, reference):
        srs = [_srs(ds) for ds in datasets]
        georef = [s is not None for s in srs]
        if not any(georef):
            w, h = datasets[0].RasterXSize, datasets[0].RasterYSize
            for i, ds in enumerate(datasets):
                if (ds.RasterXSize, ds.RasterYSize) != (w, h):
                    raise InputError(
                        _("Input {n} '{label}' is {RasterXSize} x {RasterYSize} pixels, "
                          "'{label2}' is {w} x {h}, and neither is georeferenced, so they cannot be "
                          "aligned. Georeference the images or give images of one size.").format(n=i + 1,
                            label=specs[i].label, RasterXSize=ds.RasterXSize, RasterYSize=ds.RasterYSize,
                            label2=specs[0].label, w=w, h=h))
            return self._grid_without_crs(specs, datasets, reference, w, h)
        if not all(georef):
            i = georef.index(False)
            raise InputError(_("Input {n} '{label}' has no coordinate reference system while "
                               "other inputs have one. Assign its CRS (e.g. gdal_edit.py -a_srs) first.").format(
                                 n=i + 1, label=specs[i].label))
        ref_ds, ref_srs = datasets[reference], srs[reference]
        gt = ref_ds.GetGeoTransform()
        if gt[2] or gt[4]:
            raise InputError(_("Reference input '{label}' is rotated; choose a north-up "
                               "input as reference.").format(label=specs[reference].label))
        px, py = abs(gt[1]), abs(gt[5])
        rx0, ry0 = gt[0], gt[3] if gt[5] < 0 else gt[3] + gt[5] * ref_ds.RasterYSize
        bounds = []
        for i, (ds, s) in enumerate(zip(datasets, srs)):
            e = extent(ds)
            if not s.IsSame(ref_srs):
                ct = osr.CoordinateTransformation(s, ref_srs)
                try:
                    e = ct.TransformBounds(e[0], e[1], e[2], e[3], 21)
                except RuntimeError as exc:
                    raise InputError(_("Input {n} '{label}' cannot be transformed to the "
                                       "reference CRS ({reason}).").format(n=i + 1, label=specs[i].label,
                                         reason=_msg(exc))) from None
            bounds.append(e)
        xmin = max(b[0] for b in bounds)
        ymin = max(b[1] for b in bounds)
        xmax = min(b[2] for b in bounds)
        ymax = min(b[3] for b in bounds)
        # snap inwards to the reference pixel grid
        c0 = math.ceil((xmin - rx0) / px - 1e-6)
        c1 = math.floor((xmax - rx0) / px + 1e-6)
        r0 = math.ceil((ry0 - ymax) / py - 1e-6)
        r1 = math.floor((ry0 - ymin) / py + 1e-6)
        if c1 - c0 < 1 or r1 - r0 < 1:
            stray = stray_inputs(bounds)
            if stray:  # most inputs share a place, a few lie elsewhere: name those
                names = ", ".join(_("input {n} '{label}' {bounds}").format(n=i + 1, label=specs[i].label,
                                                                             bounds=_fmt_bounds(bounds[i]))
                                  for i in stray)
                best = next(i for i in range(len(bounds)) if i not in stray)
                raise InputError((_("Some inputs lie elsewhere: {names} does not overlap the other inputs (which "
                                    "overlap each other, e.g. '{label}' {bounds}; extents in the reference CRS). Remove "
                                    "or replace it.") if len(stray) == 1 else
                                  _("Some inputs lie elsewhere: {names} do not overlap the other inputs (which "
                                    "overlap each other, e.g. '{label}' {bounds}; extents in the reference CRS). Remove "
                                    "or replace them.")).format(names=names, label=specs[best].label,
                                                                bounds=_fmt_bounds(bounds[best])))
            detail = "; ".join(f"'{s.label}' {_fmt_bounds(b)}" for s, b in zip(specs, bounds))
            raise InputError(_("The inputs do not overlap: their extents (in the reference CRS) are disjoint "
                               "({detail}). Give images of the same place.").format(detail=detail))
        self.clipped = _clipped(bounds, reference, (c1 - c0) * px * (r1 - r0) * py)
        geographic = bool(ref_srs.IsGeographic())
        units = 1.0 if geographic else float(ref_srs.GetLinearUnits() or 1.0)
        return Grid(ref_ds.GetProjection(), rx0 + c0 * px, ry0 - r0 * py, px, py, c1 - c0, r1 - r0,
                    geographic, units)

    def _offsets(self, ds):
        """(xoff, yoff) of the grid's origin in ``ds`` when ``ds`` is on the grid's CRS, pixel size and
        alignment (read directly), else None (warp it)."""
        g = self.grid
        gt = ds.GetGeoTransform()
        if not g.wkt:
            return 0, 0
        if (not gt[2] and not gt[4] and gt[5] < 0 and math.isclose(gt[1], g.px, rel_tol=1e-7)
                and math.isclose(-gt[5], g.py, rel_tol=1e-7)):
            srs = _srs(ds)
            if srs is None:
                return None
            ref = osr.SpatialReference()
            ref.ImportFromWkt(g.wkt)
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            fx = (g.x0 - gt[0]) / g.px
            fy = (gt[3] - g.y0) / g.py
            if srs.IsSame(ref) and abs(fx - round(fx)) < 1e-3 and abs(fy - round(fy)) < 1e-3:
                xoff, yoff = int(round(fx)), int(round(fy))
                # a date moved by coregister() may not cover the grid's edge: warped (its alpha marks that)
                if xoff >= 0 and yoff >= 0 and xoff + g.width <= ds.RasterXSize and yoff + g.height <= ds.RasterYSize:
                    return xoff, yoff
        return None

    def _translated(self, ds, shift):
        """A VRT of ``ds`` whose georeferencing is moved so that its pixel at grid position (x + dx, y + dy)
        lands on grid pixel (x, y) (``shift`` = (dx, dy) whole grid pixels; :meth:`coregister`).  In another CRS
        than the grid's, the move is the grid's, carried over at the grid's centre."""
        g = self.grid
        dx, dy = shift
        gt = list(ds.GetGeoTransform())
        mx, my = -dx * g.px, dy * g.py  # the move in the grid's map units (north-up: rows go south)
        srs, ref = _srs(ds), srs_from_wkt(g.wkt)
        if srs is not None and ref is not None and not srs.IsSame(ref):
            b = g.bounds
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
            ct = osr.CoordinateTransformation(ref, srs)
            p0, p1 = ct.TransformPoint(cx, cy), ct.TransformPoint(cx + mx, cy + my)
            mx, my = p1[0] - p0[0], p1[1] - p0[1]
        vrt = gdal.Translate("", ds, format="VRT")
        gt[0] += mx
        gt[3] += my
        vrt.SetGeoTransform(gt)
        vrt._keep = ds
        return vrt

    def _source(self, spec, ds, index, shift=None):
        g = self.grid
        if shift and any(shift):
            ds = self._translated(ds, shift)
        offsets = self._offsets(ds)
        aligned = offsets is not None
        xoff, yoff = offsets or (0, 0)
        # An alpha band that is not used as data masks the pixels where it is 0.  GDAL flags the 4th
        # band of a 4-band byte GeoTIFF as alpha by default, even when it holds NIR: a band the user
        # selected as data is never used as a mask.
        alpha = [b for b in range(1, ds.RasterCount + 1)
                 if ds.GetRasterBand(b).GetColorInterpretation() == gdal.GCI_AlphaBand and b not in spec.bands]
        nodata = [ds.GetRasterBand(b).GetNoDataValue() for b in spec.bands]
        byte = [ds.GetRasterBand(b).DataType == gdal.GDT_Byte for b in spec.bands]
        if aligned:
            flags = [ds.GetRasterBand(b).GetMaskFlags() for b in spec.bands]
            # a real mask band (internal or .msk): neither all-valid, nor derived from alpha or nodata
            real_mask = any(f & (gdal.GMF_ALL_VALID | gdal.GMF_ALPHA | gdal.GMF_NODATA) == 0 for f in flags)
            return _Source(spec, ds, spec.bands, xoff, yoff, False, alpha[0] if alpha else None,
                           not real_mask, nodata, byte, _scaling(ds, spec.bands))
        try:
            # select the data bands (plus a masking alpha as last band) with neutral colour
            # interpretation, so the warper neither drops a data band as alpha nor misses the mask
            band_list = spec.bands + alpha[:1]
            interp = ["undefined"] * len(spec.bands) + ["alpha"] * len(alpha[:1])
            opts = ["-of", "VRT", "-colorinterp", ",".join(interp)]
            for b in band_list:
                opts += ["-b", str(b)]
            sel = gdal.Translate("", ds, options=opts)
            # The warper leaves a band's nodata out of its resampling, and a pixel nodata in some bands
            # only holds 0 in them unless the warped bands keep the nodata values (dstNodata): then such
            # a pixel reads as on a direct read (nodata_pixels: fill in a band wider than 8 bits).  8-bit
            # bands need no such mark (their pixel is nodata only when every band is, which the warper's
            # alpha says), and keeping the values costs the warper time: NAIP's reads took 0.57 s
            # instead of 0.33 s (a 6-date run 1.3 s more); there such a band holds 0, not its nodata value
            declared = all(nd is not None for nd in nodata) and not all(byte)
            # one value per band, as gdalwarp's -dstnodata reads them: space-separated (GDAL's Python
            # binding passes str() of a list, "[-9999.0, -9999.0]", which GDAL 3.6 read as 0 for the first
            # band and GDAL 3.13 refuses: "Error parsing dstnodata for band 1")
            extra = dict(dstNodata=" ".join(repr(float(nd)) for nd in nodata)) if declared else {}
            vrt = gdal.Warp("", sel, format="VRT", dstSRS=g.wkt, outputBounds=g.bounds,
                            width=g.width, height=g.height, resampleAlg=self._resampling(ds), dstAlpha=True,
                            srcAlpha=bool(alpha), multithread=False, **extra)
            vrt._keep = sel  # the warped VRT reads through the selection VRT
        except RuntimeError as exc:
            raise InputError(_("Input {n} '{label}' cannot be aligned to the reference grid "
                               "({reason}).").format(n=index + 1, label=spec.label, reason=_msg(exc))) from None
        n = len(spec.bands)
        kept = nodata if declared else [None] * n  # else the warper's alpha alone
        return _Source(spec, vrt, list(range(1, n + 1)), 0, 0, True, vrt.RasterCount, True, kept, byte,
                       _scaling(ds, spec.bands))

    def _resampling(self, ds):
        """Bilinear onto the grid, or the average of the covered pixels when the input's pixels are at least
        1.5 times finer than the grid's (a 10 m date onto a 30 m reference: bilinear read only the pixels
        nearest each grid pixel's centre, the centre pixel alone when the grids align, and aliased the rest
        away; an output audit)."""
        g = self.grid
        try:
            e = extent(ds)
            src = _srs(ds)
            ref = srs_from_wkt(g.wkt)
            if src is not None and ref is not None and not src.IsSame(ref):
                e = osr.CoordinateTransformation(src, ref).TransformBounds(e[0], e[1], e[2], e[3], 21)
            size = math.sqrt(abs((e[2] - e[0]) * (e[3] - e[1])) / max(ds.RasterXSize * ds.RasterYSize, 1))
        except RuntimeError:
            return "bilinear"
        return "average" if size * 1.5 <= math.sqrt(g.px * g.py) else "bilinear"

    def _mask(self, spec, index, shift=None):
        """Open the date's mask file onto the grid (directly when it is on the grid, else a nearest-
        neighbour warped VRT whose alpha marks the mask's footprint); moved with its date by ``shift``
        (:meth:`coregister`)."""
        g = self.grid
        path = spec.mask
        what = _("The mask of input {n} '{label}'").format(n=index + 1, label=spec.label)
        if not path.startswith("/vsi") and not os.path.exists(path) and ":" not in os.path.basename(path):
            raise InputError(_("{what}, '{path}', does not exist. Check the path.").format(what=what, path=path))
        try:
            ds = gdal.Open(path, gdal.GA_ReadOnly)
        except RuntimeError as exc:
            raise InputError(_("{what}, '{path}', cannot be read by GDAL ({reason}).").format(what=what, path=path,
                                 reason=_msg(exc))) from None
        if ds is None or ds.RasterCount == 0:
            raise InputError(_("{what}, '{path}', is not a raster with bands.").format(what=what, path=path))
        if ds.RasterCount != 1:
            raise InputError(_("{what}, '{name}', has {RasterCount} bands; a mask has one "
                               "(a cloud mask or QA band such as CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, "
                               "Fmask). Extract its mask band first, e.g. gdal_translate -b N.").format(what=what,
                                 name=os.path.basename(path), RasterCount=ds.RasterCount))
        if not g.wkt or _srs(ds) is None:
            if g.wkt or ds.RasterXSize < g.width or ds.RasterYSize < g.height:
                raise InputError((_("{what}, '{name}', has no coordinate reference system while the images have "
                                    "one. Assign its CRS first (e.g. gdal_edit.py -a_srs).") if g.wkt else
                                  _("{what}, '{name}', is {width} x {height} pixels; the images are {grid_width} x "
                                    "{grid_height} and not georeferenced. Give a mask of the image's size.")).format(
                    what=what, name=os.path.basename(path), width=ds.RasterXSize, height=ds.RasterYSize,
                    grid_width=g.width, grid_height=g.height))
            return _Mask(path, ds, nodata=ds.GetRasterBand(1).GetNoDataValue())
        nodata = ds.GetRasterBand(1).GetNoDataValue()
        if shift and any(shift):
            ds = self._translated(ds, shift)
        offsets = self._offsets(ds)
        if offsets is not None:
            xoff, yoff = offsets
            if xoff >= 0 and yoff >= 0 and xoff + g.width <= ds.RasterXSize and yoff + g.height <= ds.RasterYSize:
                return _Mask(path, ds, xoff, yoff, nodata=nodata)
        try:
            vrt = gdal.Warp("", ds, format="VRT", dstSRS=g.wkt, outputBounds=g.bounds, width=g.width,
                            height=g.height, resampleAlg="near", dstAlpha=True, multithread=False)
        except RuntimeError as exc:
            raise InputError(_("{what}, '{name}', cannot be aligned to the grid of the "
                               "images ({reason}).").format(what=what, name=os.path.basename(path), reason=_msg(exc))) from None
        vrt._keep = ds
        return _Mask(path, vrt, 0, 0, True, nodata)

    def _mask_clear(self, m, x, y, w, h, kw):
        """Boolean (h', w') array: where the mask ``m`` says clear (one of the clear values, inside it, not
        its nodata unless that is listed as clear: a bit test could otherwise match a nodata value)."""
        values = m.ds.GetRasterBand(1).ReadAsArray(x + m.xoff, y + m.yoff, w, h, **kw)
        clear = self.mask_clear.clear(values)
        nd = m.nodata
        if nd is not None:
            if math.isnan(nd):
                clear &= ~np.isnan(values)
            elif not (float(nd).is_integer() and int(nd) in self.mask_clear):
                clear &= values != nd
        if m.warped:
            clear &= m.ds.GetRasterBand(2).ReadAsArray(x, y, w, h, **kw) > 0
        return clear

    # ------------------------------------------------------------------ reading
    @property
    def shape(self):
        return len(self.sources), self.band_count, self.grid.height, self.grid.width

    def read(self, x, y, w, h, buf=None, per_date=False):
        """Read the grid window (x, y, w, h) -> (values (T, C, h', w') float32, valid (h', w') bool).

        ``buf`` = (buf_w, buf_h) reads a decimated copy (nearest).  The window must lie inside the grid.
        ``per_date``: ``valid`` is (T, h', w'), each date's own validity (for :func:`fill_gaps`).
        """
        bw, bh = buf if buf else (w, h)
        t, c = len(self.sources), self.band_count
        values = np.empty((t, c, bh, bw), np.float32)
        valid = np.ones((t, bh, bw) if per_date else (bh, bw), bool)
        for i, s in enumerate(self.sources):
            self._read_source(i, s, x, y, w, h, bw, bh, values[i], valid[i] if per_date else valid)
        return values, valid

    def _read_source(self, i, s, x, y, w, h, bw, bh, out, valid):
        """Read source ``i`` into ``out`` and clear ``valid`` where it is not valid; returns what the date's
        mask file says is clear (for the masked share), or None without a mask file."""
        kw = dict(buf_xsize=bw, buf_ysize=bh, resample_alg=gdal.GRIORA_NearestNeighbour)
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # see quiet_gdal
        try:
            for j, b in enumerate(s.bands):
                band = s.ds.GetRasterBand(b)
                out[j] = band.ReadAsArray(x + s.xoff, y + s.yoff, w, h, **kw)
                if not s.warped and not s.masks_all_valid and s.nodata[j] is None:
                    valid &= band.GetMaskBand().ReadAsArray(x + s.xoff, y + s.yoff, w, h, **kw) > 0
            hit = nodata_pixels(out, s.nodata, s.byte)
            if hit is not None:
                valid &= ~hit
            for j, sc in enumerate(s.scaling):  # after the nodata tests, which compare stored values
                if sc is not None:
                    out[j] *= np.float32(sc[0])
                    out[j] += np.float32(sc[1])
            if s.alpha_band is not None:
                valid &= s.ds.GetRasterBand(s.alpha_band).ReadAsArray(x + s.xoff, y + s.yoff, w, h, **kw) > 0
        except RuntimeError as exc:
            if s.spec.path.lower().endswith(".vrt"):  # a VRT whose source files were moved, renamed or deleted
                raise InputError(_("Reading input {n} '{label}' failed ({reason}). A VRT reads its "
                                   "source files by the paths written in it (relative ones from the VRT's folder): "
                                   "put them back there, or build the VRT again.").format(n=i + 1, label=s.spec.label,
                                     reason=_msg(exc))) from None
            raise InputError(_("Reading input {n} '{label}' failed ({reason}). The file is "
                               "unreadable or truncated: re-export or re-download it.").format(n=i + 1,
                                 label=s.spec.label, reason=_msg(exc))) from None
        finally:
            gdal.PopErrorHandler()
        m = self.masks[i] if self.masks else None
        if m is not None:
            gdal.PushErrorHandler("CPLQuietErrorHandler")
            try:
                clear = self._mask_clear(m, x, y, w, h, kw)
            except RuntimeError as exc:
                raise InputError(_("Reading the mask of input {n} '{label}' "
                                   "('{name}') failed ({reason}). The file is "
                                   "unreadable or truncated: re-export or re-download it.").format(n=i + 1,
                                     label=s.spec.label, name=os.path.basename(m.path), reason=_msg(exc))) from None
            finally:
                gdal.PopErrorHandler()
            valid &= clear
        else:
            clear = None
        nonfinite = ~np.isfinite(out).all(axis=0)  # pixels with a NaN or infinite value in any band
        if nonfinite.any():
            # NaN not marked as nodata is nodata (QGIS draws it as empty, evaluate reads it so); the
            # engine says so in a warning.  Infinite values are an error of the file.
            nan = np.isnan(out).any(axis=0) & valid
            if nan.any():
                valid &= ~nan
                self.nan_inputs.add(i)
            bad = nonfinite & valid
            if bad.any():
                raise InputError(
                    _("Input {n} '{label}' contains infinite values that are not marked as nodata "
                      "(e.g. at grid column {x}, row {y}). "
                      "Mark them as nodata or fill them.").format(n=i + 1, label=s.spec.label,
                        x=x + int(np.argwhere(bad)[0][1]), y=y + int(np.argwhere(bad)[0][0])))
            out[:, nonfinite] = 0.0
        return clear

    def coregister(self, max_shift=None, window=None, progress=None):
        """Estimate each date's whole-pixel offset from the reference input on a central window of the grid
        (full resolution, at most ``window`` pixels a side) and move the dates that have a clear one
        (:mod:`model_core.coregister`); their masks move with them.  A moved date is read through a VRT warped
        onto the grid, whose alpha marks the grid pixels it no longer covers (nodata in the outputs, a strip
        as wide as the move along the scene's edge).  Returns the list of :class:`~model_core.coregister.Shift`
        (also ``self.shifts``).  Call it before :meth:`statistics`.  ``progress(k, n)``, when given, is called
        before the k-th of the n dates other than the reference is estimated (it may raise to stop).

        On a grid at least :data:`~model_core.coregister.CHECK_FACTOR` windows wide and high, each date's offset is
        also estimated on a window of :data:`~model_core.coregister.CHECK_WINDOW` px in each quarter of the grid
        (:func:`~model_core.coregister.check_windows`),
        to report only: each Shift's ``windows`` (the applied offset is the central window's whatever they find;
        :func:`~model_core.coregister.varies`)."""
        from model_core import coregister as cr

        g = self.grid
        side = int(window or cr.WINDOW)
        w, h = min(g.width, side), min(g.height, side)
        x, y = (g.width - w) // 2, (g.height - h) // 2
        r = cr.MAX_SHIFT if max_shift is None else max_shift
        further = cr.check_windows(g.width, g.height, least=cr.CHECK_FACTOR * side)
        if not further:  # (as before the check: every date's central window read at once)
            values, valid = self.read(x, y, w, h, per_date=True)
            shifts = cr.estimate_shifts(values, valid, reference=self.reference, max_shift=r, progress=progress)
            del values, valid
        else:  # a date's five windows read and estimated before the next date's (one date's windows in memory)
            found = self.estimate_windows([("centre", (x, y, w, h))] + further, max_shift=r, progress=progress,
                                          evidence=[False] + [True] * len(further))
            shifts = found[0]
            for j, sh in enumerate(shifts):
                sh.windows = [(place, win, per[j]) for (place, win), per in zip(further, found[1:])]
        if not g.wkt:  # not georeferenced: nothing to move the dates with
            for sh in shifts:
                if sh.applied() != (0, 0):
                    sh.reason = "no_crs"
        moved = [i for i, sh in enumerate(shifts) if sh.applied() != (0, 0)]
        if moved:
            with quiet_gdal():
                for i in moved:
                    spec = self.specs[i]
                    ds = _open(spec, i)
                    self.sources[i] = self._source(spec, ds, i, shifts[i].applied())
                    if self.masks and self.masks[i] is not None:
                        self.masks[i] = self._mask(spec, i, shifts[i].applied())
            self._stats = None
        self.shifts = shifts
        return shifts

    def estimate_windows(self, windows, max_shift=None, progress=None, evidence=True):
        """Each date's offset from the reference input in each of ``windows`` ([(name, (x, y, w, h))], grid
        pixels, full resolution) as read now (:func:`model_core.coregister.estimate_windows`, ``evidence`` as
        there): per window, the list of every date's Shift.  Moves nothing (:meth:`coregister` does, from the
        central window's)."""
        from model_core import coregister as cr

        c = self.band_count

        def read(i, win):
            wx, wy, ww, wh = win[1]
            values, valid = np.empty((c, wh, ww), np.float32), np.ones((wh, ww), bool)
            self._read_source(i, self.sources[i], wx, wy, ww, wh, ww, wh, values, valid)
            return values, valid

        return cr.estimate_windows(read, len(self.sources), windows, reference=self.reference,
                                   max_shift=cr.MAX_SHIFT if max_shift is None else max_shift, progress=progress,
                                   evidence=evidence)

    def _covered(self, i, bw, bh):
        """Where date ``i``, moved by :meth:`coregister`, still covers the grid, as a (bh, bw) boolean array of the
        grid read decimated to bw x bh (nearest pixel centres, as GDAL reads it), or None for a date not moved;
        sets ``strip_cover[i]``, the share of the grid it no longer covers."""
        sh = self.shifts[i] if self.shifts is not None else None
        dx, dy = sh.applied() if sh is not None else (0, 0)
        if not dx and not dy:
            return None
        g = self.grid
        self.strip_cover[i] = 1.0 - (g.width - abs(dx)) * (g.height - abs(dy)) / float(g.width * g.height)
        cols = np.floor((np.arange(bw) + 0.5) * g.width / bw).astype(np.int64)
        rows = np.floor((np.arange(bh) + 0.5) * g.height / bh).astype(np.int64)
        inside_x = (cols >= max(0, -dx)) & (cols < min(g.width, g.width - dx))
        inside_y = (rows >= max(0, -dy)) & (rows < min(g.height, g.height - dy))
        return inside_y[:, None] & inside_x[None, :]

    def statistics(self, max_pixels=1_000_000, keep_sample=False, fill=False, progress=None):
        """Robust per-(date, band) centre and scale from a decimated read of the whole grid.

        ``progress(k, n)``, when given, is called before date k of n is read (a date of a full Landsat scene
        takes seconds: every block of its files is read once).

        With ``keep_sample`` the decimated read is kept as ``self.sample`` = (values (T, C, h, w),
        valid (h, w)) for methods that need more scene-wide statistics (CVA): the pixels valid in every
        date; with ``fill`` (gap filling, :func:`fill_gaps`), when a date has masked pixels, the
        gap-filled sample and its pixels valid in at least two dates instead, with each date's own
        validity as ``self.sample_clear`` (T, h, w).
        Raises InputError when a date has no valid pixel at all (all nodata / masked).
        """
        if self._stats is not None and (not keep_sample or self.sample is not None):
            return self._stats
        from model_core.normalize import robust_stats

        g = self.grid
        step, bw, bh = decimation(g.width, g.height, max_pixels)
        self.sample_step = step
        t, c = len(self.sources), self.band_count
        center = np.zeros((t, c), np.float32)
        scale = np.ones((t, c), np.float32)
        per_date = np.ones((t, bh, bw), bool)
        kept = np.empty((t, c, bh, bw), np.float32) if keep_sample else None
        for i, s in enumerate(self.sources):
            if progress is not None:
                progress(i + 1, t)
            values = kept[i] if keep_sample else np.empty((c, bh, bw), np.float32)
            valid = per_date[i]
            clear = self._read_source(i, s, 0, 0, g.width, g.height, bw, bh, values, valid)
            if not s.warped and s.alpha_band is None and all(nd is None for nd in s.nodata) and valid.any():
                # 0 (or a usual fill value of signed or 16-bit data) in every band, not declared nodata: a
                # scene edge's fill read as land?  Scaled bands are looked at for 0 only (the values here
                # are scaled, and the other fill values are stored values).
                for v in ((0,) if any(s.scaling) else _FILL_VALUES):
                    share = float((valid & (values == v).all(axis=0)).sum()) / float(valid.sum())
                    if share > 0.01:
                        self.zero_fill[i] = (v, share)
                        break
            m = self.masks[i]
            cover = self._covered(i, bw, bh)
            if clear is not None:  # the strip a moved date no longer covers is no cloud: said apart (strip_cover)
                seen = clear[cover] if cover is not None else clear
                self.mask_cover[i] = 1.0 - float(seen.mean()) if seen.size else 1.0
            if not valid.any():
                if m is not None and self.mask_cover[i] >= 1.0:
                    if fill:  # an overcast date: filled like any masked pixel (fill_gaps)
                        self.overcast.append(i)
                        continue
                    clear = format_clear_values(self.mask_clear)
                    raise InputError(
                        _("The mask of input {n} '{label}', '{name}', marks every "
                          "pixel of the common extent as masked (none has a clear value, {clear}), so every "
                          "pixel of the result would be nodata. If the date is overcast, leave it out, or fill "
                          "masked dates from the previous clear date, or the next where no earlier date is clear "
                          "(--fill-gaps; in QGIS 'Fill masked dates', FILL_GAPS in Processing). If it is not, "
                          "check that this is the date's mask and give the values that "
                          "mean clear sky (--mask-clear; in QGIS 'Clear values', MASK_CLEAR in Processing), e.g. bit6&!bit2&!bit4 for "
                          "Landsat 8-9 QA_PIXEL, 4-7,11 for Sentinel-2 SCL.").format(n=i + 1, label=s.spec.label,
                            name=os.path.basename(m.path), clear=clear))
                raise InputError((_("Input {n} '{label}' has no valid pixel inside the common extent (all nodata, "
                                    "NaN or masked). Remove it or fix its nodata value/mask.") if i in self.nan_inputs
                                  else _("Input {n} '{label}' has no valid pixel inside the common extent (all "
                                         "nodata or masked). Remove it or fix its nodata value/mask.")).format(
                    n=i + 1, label=s.spec.label))
            ce, sc = robust_stats(values[None], valid)
            center[i], scale[i] = ce[0], sc[0]
        self.relative_stats = self._relative_stats(per_date, center, scale, kept, bw, bh)
        if self.overcast:
            have = [i for i in range(t) if i not in self.overcast]
            if len(have) < 2:
                clear = format_clear_values(self.mask_clear)
                advice = _("Check that these are the dates' masks and give the values that mean clear sky "
                           "(--mask-clear; in QGIS 'Clear values', MASK_CLEAR in Processing), e.g. bit6&!bit2&!bit4 "
                           "for Landsat 8-9 QA_PIXEL, 4-7,11 for Sentinel-2 SCL.")
                if not have:  # (it said "every pixel of all dates but none"): most likely the wrong clear values
                    raise InputError(_("The masks hide every pixel of every date (none has a clear value, {clear}). "
                                       "{advice}").format(clear=clear, advice=advice))
                raise InputError(_("The masks hide every pixel of all dates but '{label}': a change needs two dates "
                                   "with clear pixels. {advice}").format(label=self.sources[have[0]].spec.label,
                                                                         advice=advice))
            for i in self.overcast:  # filled from the previous clear date (else the next): so are its statistics
                src = fill_source(i, have)
                center[i], scale[i] = center[src], scale[src]
        all_valid = per_date.all(axis=0)
        self.sample_clear = None
        if fill and (all_valid.sum() < MIN_CLEAR_SAMPLE or (keep_sample and not per_date.all())):
            # with gap filling the map covers every pixel clear on two dates: so does the sample, else
            # the methods' scene statistics would describe the pixels clear on every date only (the
            # sea of a coast whose land is clouded on one date)
            if keep_sample:
                kept, all_valid = fill_gaps(kept, per_date, center, scale)
                self.sample_clear = per_date
            else:
                all_valid = per_date.sum(axis=0) >= 2
        if not all_valid.any():
            raise InputError(_("No pixel is valid in all dates at once (the nodata areas of the inputs cover the "
                               "whole common extent). Check the inputs' nodata masks, or fill masked dates from the "
                               "previous clear date, or the next where no earlier date is clear (--fill-gaps; in "
                               "QGIS 'Fill masked dates', FILL_GAPS in Processing).") if not fill else
                             _("No pixel is valid in all dates at once (the nodata areas of the inputs cover the "
                               "whole common extent). Check the inputs' nodata masks; no pixel is valid in even two "
                               "dates."))
        self._stats = (center, scale)
        if keep_sample:
            self.sample = (kept, all_valid)
        return self._stats

    def _relative_stats(self, per_date, center, scale, kept, bw, bh):
        """In place: the statistics of a date whose masks or nodata hide part of what the clearest date
        (the reference) sees, carried over to the reference's footprint.

        A date's own statistics describe only its clear part; where that part is not like the rest of
        the scene (a cloud over the fields, the river left clear), standardising it with them, or
        mapping gap-filled values into its radiometry, shows the land-cover difference as change.  Its
        relation to the reference is measured where both are clear (centre and scale of each there),
        and the reference's statistics over its own footprint are mapped through it:
        centre_t = c_t + (centre_r - c_r) * s_t / s_r, scale_t = scale_r * s_t / s_r.  A date missing
        less than 1 % of the reference's pixels keeps its own (the difference is below the sampling
        noise), and so does one sharing fewer than MIN_CLEAR_SAMPLE pixels with it (too few to measure
        the relation).  Returns the indices of the dates whose statistics were carried over."""
        from model_core.normalize import robust_stats

        counts = per_date.reshape(len(per_date), -1).sum(axis=1)
        r = int(counts.argmax())
        need = [i for i in range(len(per_date)) if i != r and i not in self.overcast
                and (per_date[r] & ~per_date[i]).sum() > 0.01 * counts[r]
                and (per_date[r] & per_date[i]).sum() >= MIN_CLEAR_SAMPLE]
        if not need:
            return []
        g, c = self.grid, self.band_count

        def values_of(i):
            if kept is not None:
                return kept[i]
            out = np.empty((c, bh, bw), np.float32)
            self._read_source(i, self.sources[i], 0, 0, g.width, g.height, bw, bh, out, np.ones((bh, bw), bool))
            return out

        ref = values_of(r)
        for i in need:
            both = per_date[r] & per_date[i]
            ce, sc = robust_stats(np.stack([values_of(i), ref]), both)
            center[i] = ce[0] + (center[r] - ce[1]) * sc[0] / sc[1]
            scale[i] = scale[r] * sc[0] / sc[1]
        return need

    def windows(self, count=12, side=32):
        """``count`` x ``count`` full-resolution windows of ``side`` px on a regular grid over the scene,
        each as (values (T, C, h, w), valid (h, w)): for statistics that depend on neighbouring pixels
        (ISFA's 3 x 3 context), which a decimated read cannot give."""
        g = self.grid
        sw, sh = min(side, g.width), min(side, g.height)
        out = []
        for r in range(count):
            for q in range(count):
                x = min(max(int((q + 0.5) * g.width / count) - sw // 2, 0), g.width - sw)
                y = min(max(int((r + 0.5) * g.height / count) - sh // 2, 0), g.height - sh)
                out.append(self.read(x, y, sw, sh))
        return out

    def valid_fraction(self, max_pixels=250_000):
        g = self.grid
        _step, bw, bh = decimation(g.width, g.height, max_pixels)
        _data, valid = self.read(0, 0, g.width, g.height, buf=(bw, bh))
        return float(valid.mean())

    def close(self):
        for s in self.sources:
            s.ds = None
        for m in getattr(self, "masks", None) or []:
            if m is not None:
                m.ds = None
        self.sources = []
        self.masks = []
