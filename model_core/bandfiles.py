"""One file per band: stack the band files of each date into one raster (a GDAL VRT) per date.

Landsat Collection 2 (``LC08_L2SP_007066_20200812_20200919_02_T1_SR_B4.TIF``), Sentinel-2 (a ``.SAFE`` product,
its ``.zip``, its granules' ``.jp2`` band files copied out of it, or cloud-optimised GeoTIFFs from a STAC catalogue, one per band in a folder per scene: ``B04.tif``
or ``red.tif``), NASA's HLS v2.0 (``HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif``, ``HLS.S30...``, a folder per
granule) and CBERS-4 data cubes (``CBERS-4_AWFI_022024_B13_2018-03-06.tif``) come as one file per band
and per date, with the cloud mask (QA_PIXEL, SCL, Fmask, CMASK) in a file of its own.  The engine reads one raster
per date, so :func:`stack_band_files` recognises the product of every file, groups the files by acquisition
date (and scene: Landsat path/row, Sentinel-2 and HLS tile, CBERS tile; Landsat TM, ETM+ and OLI dates of one scene
are one series, their bands matched by role, and so are HLS L30 and S30 dates of one tile: L30's B05 and S30's B8A
are both its NIR), and writes per date

* ``<date>.vrt`` (``<date>_<scene>.vrt`` with several scenes): the date's bands in the sensor's order (or
  the order of ``bands``), ``-resolution highest`` (Sentinel-2's 20 m bands onto its 10 m grid, nearest
  neighbour, as gdalbuildvrt does), each band described by its role and product name (``Red (SR_B4)``) with
  its centre wavelength (``CENTRAL_WAVELENGTH_UM``), so the engine's band-role reader
  (:mod:`model_core.bandmap`) finds red, green, blue and NIR without ``--bands``; the product's nodata; and
  the product's scale and offset where they are known, so values read as reflectance and dates of other
  scalings or processing baselines compare (see :func:`_landsat_scaling`, :func:`_s2_scaling`);
* ``<date>.qml``: a style QGIS loads with the VRT, its red, green and blue bands in true colour;
* ``masks/<date>_<mask>.vrt`` (QA_PIXEL, SCL, Fmask, CMASK): the date's cloud mask, named so that ``--masks``
  (sorted like the dates) and the plugin's *Match masks by date* pair it, with its clear values (:data:`MASK_CLEAR`)
  recorded as ``CAIM_MASK_CLEAR``.  ``--mask-clear`` holds for every mask of a run: masks of different kinds in one
  series (a generic series' ``Fmask`` and ``cloudmask``) get the rule of the kind most dates have, the other dates
  none in the next command (:func:`_series_masks`).

Written in a hidden folder and moved into place, so a failure, Ctrl-C or SIGTERM leaves nothing.  GDAL
only (no torch, no QGIS).
"""

import contextlib
import functools
import json
import math
import os
import re
import shutil
import sys
from dataclasses import dataclass, field

from model_core.errors import InputError, OutputError
from model_core.i18n import N_, _, option, translated

RASTER_EXTS = (".tif", ".tiff", ".jp2", ".img")
# files of a product that are not rasters of its bands: metadata, checksums, quicklooks' world files, sidecars
_AUX_EXTS = (".txt", ".xml", ".json", ".html", ".htm", ".md5", ".safe", ".gml", ".xsd", ".ovr", ".aux.xml", ".kml",
             ".jpg", ".jpeg", ".png", ".pdf", ".csv", ".gz", ".tgz", ".prj", ".tfw", ".md")

# ------------------------------------------------------------------------------------------- sensors
# (band name, label, centre wavelength in micrometres, stacked by default)
_OLI = (("B1", "Coastal aerosol", 0.443, False), ("B2", "Blue", 0.482, True), ("B3", "Green", 0.561, True),
        ("B4", "Red", 0.655, True), ("B5", "NIR", 0.865, True), ("B6", "SWIR 1", 1.609, True),
        ("B7", "SWIR 2", 2.201, True), ("B8", "Panchromatic", 0.59, False), ("B9", "Cirrus", 1.373, False),
        ("B10", "Thermal 1", 10.9, False), ("B11", "Thermal 2", 12.0, False))
_TM = (("B1", "Blue", 0.485, True), ("B2", "Green", 0.56, True), ("B3", "Red", 0.66, True),
       ("B4", "NIR", 0.83, True), ("B5", "SWIR 1", 1.65, True), ("B7", "SWIR 2", 2.215, True),
       ("B6", "Thermal", 11.45, False), ("B6_VCID_1", "Thermal low gain", 11.45, False),
       ("B6_VCID_2", "Thermal high gain", 11.45, False), ("B8", "Panchromatic", 0.71, False))
_S2 = (("B01", "Coastal aerosol", 0.443, False), ("B02", "Blue", 0.49, True), ("B03", "Green", 0.56, True),
       ("B04", "Red", 0.665, True), ("B05", "Red edge 1", 0.705, True), ("B06", "Red edge 2", 0.74, True),
       ("B07", "Red edge 3", 0.783, True), ("B08", "NIR", 0.842, True), ("B8A", "Red edge 4, narrow NIR", 0.865, True),
       ("B09", "Water vapour", 0.945, False), ("B10", "Cirrus", 1.375, False), ("B11", "SWIR 1", 1.61, True),
       ("B12", "SWIR 2", 2.19, True))
_S2_ORDER = [b for b, *_ in _S2]
# NASA's Harmonized Landsat Sentinel-2 v2.0 (LP DAAC; HLS Product User Guide v2.0): L30 from Landsat 8-9 OLI, S30 from
# Sentinel-2 MSI, both at 30 m on Sentinel-2's MGRS tiles.  S30's coastal, blue, green, red, NIR (B8A, the narrow NIR:
# OLI's band 5) and SWIR bands are adjusted to OLI's bandpasses; its B08 (broad NIR) and red edges keep MSI's response:
# the adjusted ones are the bands an L30 and an S30 date share (their roles), stacked by default; OLI's centres
_HLS_L30 = (("B01", "Coastal aerosol", 0.443, False), ("B02", "Blue", 0.482, True), ("B03", "Green", 0.561, True),
            ("B04", "Red", 0.655, True), ("B05", "NIR", 0.865, True), ("B06", "SWIR 1", 1.609, True),
            ("B07", "SWIR 2", 2.201, True), ("B09", "Cirrus", 1.373, False), ("B10", "Thermal 1", 10.9, False),
            ("B11", "Thermal 2", 12.0, False))
_HLS_S30 = (("B01", "Coastal aerosol", 0.443, False), ("B02", "Blue", 0.482, True), ("B03", "Green", 0.561, True),
            ("B04", "Red", 0.655, True), ("B05", "Red edge 1", 0.705, False), ("B06", "Red edge 2", 0.74, False),
            ("B07", "Red edge 3", 0.783, False), ("B08", "NIR broad", 0.842, False), ("B8A", "NIR", 0.865, True),
            ("B09", "Water vapour", 0.945, False), ("B10", "Cirrus", 1.375, False), ("B11", "SWIR 1", 1.609, True),
            ("B12", "SWIR 2", 2.201, True))
_HLS_LEFT = {"SAA": N_("an angle file, no band"), "SZA": N_("an angle file, no band"),
             "VAA": N_("an angle file, no band"), "VZA": N_("an angle file, no band")}  # the band_id of MTD_MSIL*.xml's offsets is the index in this list
_AWFI = (("B13", "Blue", 0.485, True), ("B14", "Green", 0.555, True), ("B15", "Red", 0.66, True),
         ("B16", "NIR", 0.83, True))
_MUX = (("B5", "Blue", 0.485, True), ("B6", "Green", 0.555, True), ("B7", "Red", 0.66, True),
        ("B8", "NIR", 0.83, True))
# Earth Search's STAC asset names for Sentinel-2 (Planetary Computer names them B04, ...)
_S2_STAC = {"coastal": "B01", "blue": "B02", "green": "B03", "red": "B04", "rededge1": "B05", "rededge2": "B06",
            "rededge3": "B07", "nir": "B08", "nir08": "B8A", "nir09": "B09", "cirrus": "B10", "swir16": "B11",
            "swir22": "B12", "scl": "SCL"}
_S2_LEFT = {"TCI": N_("true-colour image"), "AOT": N_("aerosol optical thickness"), "WVP": N_("water vapour"),
            "VISUAL": N_("true-colour image"), "PVI": N_("quicklook"), "AOT_10M": N_("aerosol optical thickness"),
            "L2A_PVI": N_("quicklook"), "L1C_PVI": N_("quicklook")}  # (L2A_PVI.tif: Earth Search's COG folders)

MASK_CLEAR = {  # the mask's clear values (model_core.stack.MASK_PRESETS)
    "landsat89": "bit6&!bit2&!bit4", "landsat47": "bit6&!bit4,bit7&!bit1&!bit3&!bit4", "s2": "4-7,11", "cbers": "0",
    # HLS v2.0 Fmask (bit 0 cirrus, unused in v2.0; 1 cloud; 2 adjacent to cloud or shadow; 3 cloud shadow; 4 snow/ice;
    # 5 water; 6-7 aerosol level; 255 fill): clear is neither cloud, nor next to one, nor shadow (the bits NASA's
    # HLS-VI masks); snow/ice, water and any aerosol level count clear: they are the ground seen (snow that comes and
    # goes is a change the map may show; add &!bit4 to hide it)
    "hls": "!bit1&!bit2&!bit3",
}


@dataclass
class BandFile:
    """One single-band file placed: its product (``family``: the bands a series shares), scene, acquisition
    date and band (or mask) name."""

    path: str
    family: str
    sensor: str
    date: str
    scene: str
    band: str
    mask: bool = False
    clear: str = ""
    product_id: str = ""
    meta: str = ""  # the product's metadata file (MTL, MTD_MSIL2A.xml, a STAC item), or ""
    resolution: int = 0  # Sentinel-2 SAFE L2A: the R10m/R20m/R60m folder's metres (the finest is kept)
    note: str = ""  # why it is left out (a product file that is no band to stack)
    baseline: str = ""  # Sentinel-2: the processing baseline in the product name (0400), or ""


_FAMILIES = {  # family: (sensor table, what the summary calls it)
    "landsat-oli-l2": (_OLI, "Landsat 8-9 OLI Collection 2 Level-2"),
    "landsat-oli-l1": (_OLI, "Landsat 8-9 OLI Collection 2 Level-1"),
    "landsat-tm-l2": (_TM, "Landsat 4-7 TM/ETM+ Collection 2 Level-2"),
    "landsat-tm-l1": (_TM, "Landsat 4-7 TM/ETM+ Collection 2 Level-1"),
    "s2-l2a": (_S2, "Sentinel-2 L2A"),
    "s2-l1c": (_S2, "Sentinel-2 L1C"),
    "cbers-awfi": (_AWFI, "CBERS-4/4A AWFI/WFI"),
    "cbers-mux": (_MUX, "CBERS-4/4A MUX"),
    "hls-l30": (_HLS_L30, "HLS v2.0 L30 (Landsat 8-9 OLI)"),
    "hls-s30": (_HLS_S30, "HLS v2.0 S30 (Sentinel-2 MSI)"),
    "generic": ((), "files with a date and a band number in their names"),
    # a Landsat series: its dates' sensors may differ (TM, ETM+, OLI): bands are matched by role (Blue, NIR)
    "landsat-l2": ((), "Collection 2 Level-2"),
    "landsat-l1": ((), "Collection 2 Level-1"),
    # an HLS series: L30 and S30 dates of one tile, bands matched by role (L30's B05 and S30's B8A are both NIR)
    "hls-v2": ((), "HLS v2.0"),
}
# clear values of a Landsat series mixing 4-7 and 8-9 QA_PIXEL: clear without cirrus or shadow, or water without
# cloud, dilated cloud, cirrus or shadow (Landsat 4-7 never set the cirrus bit 2: their preset, unchanged)
MIXED_LANDSAT_CLEAR = "bit6&!bit2&!bit4,bit7&!bit1&!bit2&!bit3&!bit4"


def _series(family):
    """The family a file's dates share a series with: Landsat's sensors together, per level; HLS L30 and S30."""
    if family.startswith("landsat-"):
        return "landsat-" + family[-2:]
    return "hls-v2" if family.startswith("hls-") else family


def _by_role(family):
    """Whether the bands of a series (or of a file's family) are matched by role: Landsat's sensors, HLS's L30 and
    S30, whose band numbers differ."""
    return family.startswith(("landsat-", "hls-"))


def _key(f):
    """What a band file is within its series: its role for Landsat and HLS (a TM date's SR_B3 and an OLI date's SR_B4
    are both Red; an HLS L30 date's B05 and an S30 date's B8A both NIR), else its band name."""
    if not _by_role(f.family):
        return f.band
    return _label(f.family, f.band).split(" (")[0]

_LANDSAT = re.compile(r"(?i)^(L[COTE])(0[4-9])_(L1TP|L1GT|L1GS|L2SP|L2SR)_(\d{6})_(\d{8})_(\d{8})_(02)_(T1|T2|RT)"
                      r"_(.+)$")
_S2_SAFE = re.compile(r"(?i)^(S2[ABCD])_MSI(L1C|L2A)_(\d{8})T\d{6}_N(\d{4})_R\d{3}_T(\d{2}[A-Z]{3})_\d{8}T\d{6}")
_S2_GRANULE_FILE = re.compile(r"(?i)^T(\d{2}[A-Z]{3})_(\d{8})T\d{6}_([A-Z0-9]+?)(?:_(\d{2})m)?$")
_S2_ITEM = re.compile(r"(?i)(?:^|_)(S2[ABCD])_(?:MSI(L1C|L2A)_)?(?:T?(\d{2}[A-Z]{3})_)?(\d{8})(?:T\d{6})?(?:_N(\d{4}))?"
                      r"(?:_R\d{3})?(?:_T(\d{2}[A-Z]{3}))?(?:_\d+)?(?:_(L1C|L2A))?")
_CBERS_BDC = re.compile(r"(?i)^CBERS[-_]?4A?_(AWFI|WFI|MUX)_(\d{6})_(B\d{1,2}|CMASK|BAND\d{1,2})_((?:19|20)\d\d-\d\d-\d\d)$")
_CBERS_CUBE = re.compile(r"(?i)^CB4A?_\d+_\w+?_(\d{6})_((?:19|20)\d\d-\d\d-\d\d)_(?:19|20)\d\d-\d\d-\d\d_(BAND\d{1,2}|CMASK)$")
_CBERS_INPE = re.compile(r"(?i)^CBERS_?4A?_(AWFI|WFI|MUX)_((?:19|20)\d{6})_(\d{3})_(\d{3})_L\d_(BAND\d{1,2}|CMASK)$")
_HLS = re.compile(r"(?i)^HLS\.([LS]30)\.T(\d{2}[A-Z]{3})\.(\d{4})(\d{3})T\d{6}\.v(\d+\.\d+)\.([A-Z0-9]+)$")
_GENERIC_BAND = re.compile(r"(?i)(?<![a-z0-9])(?:SR_|ST_)?(B(?:\d\d?|8A))(?![a-z0-9])")
_GENERIC_MASK = re.compile(r"(?i)(?<![a-z])(fmask|cmask|cloud_?mask|mask|qa_pixel|qa|scl|clouds?)(?![a-z])")


def _stem(path):
    name = os.path.basename(path)
    return name[:-len(os.path.splitext(name)[1])] if os.path.splitext(name)[1] else name


def _iso(compact):
    return f"{compact[:4]}-{compact[4:6]}-{compact[6:8]}"


def _sensor_band(table, name):
    for band, label, wl, default in table:
        if band.upper() == name.upper():
            return band, label, wl, default
    return None


# ------------------------------------------------------------------------------------------- recognition
def _landsat(path):
    m = _LANDSAT.match(_stem(path))
    if not m:
        return None
    sensor_letter, sat, level, pathrow, acquired, _processed, _coll, _tier, rest = m.groups()
    sat = int(sat)
    oli = sat >= 8
    l2 = level.upper().startswith("L2")
    family = f"landsat-{'oli' if oli else 'tm'}-{'l2' if l2 else 'l1'}"
    product_id = m.group(0)[:-len(rest) - 1]
    sensor = f"Landsat {sat} {'OLI' if oli else 'ETM+' if sensor_letter.upper() == 'LE' else 'TM'}"
    rest_u = rest.upper()
    f = BandFile(path, family, sensor, _iso(acquired), pathrow, rest_u, product_id=product_id,
                 meta=_landsat_mtl(path, product_id))
    if rest_u == "QA_PIXEL":
        f.mask, f.clear = True, MASK_CLEAR["landsat89" if oli else "landsat47"]
        return f
    band = rest_u[3:] if l2 and rest_u.startswith(("SR_", "ST_")) else rest_u
    if (l2 and not rest_u.startswith(("SR_", "ST_"))) or _sensor_band(_OLI if oli else _TM, band) is None:
        f.note = N_("a quality or angle file, no band")  # QA_RADSAT, SR_QA_AEROSOL, ST_QA, ST_TRAD, VAA, ...
        return f
    if rest_u.startswith("ST_"):
        f.band = rest_u  # surface temperature: kept apart from the reflective bands
        return f
    f.band = rest_u
    return f


def _landsat_mtl(path, product_id):
    folder = os.path.dirname(path)
    for ext in ("_MTL.txt", "_MTL.TXT", "_MTL.xml", "_MTL.XML"):
        candidate = f"{folder}/{product_id}{ext}"
        if _exists(candidate):
            return candidate
    return ""


def _safe_root(path):
    """The .SAFE folder a file lies in (its path, ending in .SAFE), or ''."""
    parts = path.replace("\\", "/").split("/")
    for k in range(len(parts) - 1, -1, -1):
        if parts[k].upper().endswith(".SAFE"):
            return "/".join(parts[: k + 1])
    return ""


def _sentinel2(path):
    stem = _stem(path)
    safe = _safe_root(path)
    if safe:
        ms = _S2_SAFE.match(os.path.basename(safe))
        mf = _S2_GRANULE_FILE.match(stem)
        if ms is None:
            return None
        level = ms.group(2).upper()
        family = "s2-l2a" if level == "L2A" else "s2-l1c"
        meta = _first_existing([f"{safe}/MTD_MSI{level}.xml", f"{safe}/MTD_MSI{level}.XML"])
        f = BandFile(path, family, f"Sentinel-2{ms.group(1)[-1].upper()} MSI", _iso(ms.group(3)), "T" + ms.group(5).upper(),
                     "", product_id=os.path.basename(safe)[:-5], meta=meta)
        f.baseline = ms.group(4)
        if mf is None:
            f.note = N_("a metadata or quality file of the product, no band")  # QI_DATA masks, PVI quicklook, ...
            return f
        band = mf.group(3).upper()
        f.resolution = int(mf.group(4) or 0)
        if band == "SCL":
            if family != "s2-l2a":
                f.note = N_("no band")
                return f
            f.band, f.mask, f.clear = "SCL", True, MASK_CLEAR["s2"]
            return f
        if _sensor_band(_S2, band) is None:
            f.note = _S2_LEFT.get(band, N_("no band to stack"))
            return f
        f.band = band
        return f
    mf = _S2_GRANULE_FILE.match(stem) if path.lower().endswith(".jp2") else None
    if mf is not None:  # a granule's file copied out of its .SAFE (IMG_DATA's T18LUM_<time>_B04_10m.jp2; an export
        return _s2_granule_file(path, mf)  # named so as a GeoTIFF may hold other values: the generic fallback's)
    # STAC / COG layout: the scene's folder (an item id) and the band's asset name or band name as file name
    folder = os.path.basename(os.path.dirname(path))
    band = _S2_STAC.get(stem.lower(), stem.upper() if re.fullmatch(r"(?i)B(0\d|1[0-2]|8A)|SCL", stem) else None)
    left = stem.upper() in _S2_LEFT
    m = _S2_ITEM.search(folder)
    if m is None or (band is None and not left):
        return None
    sat, level, tile1, day, baseline, tile2, level2 = m.groups()
    level = (level or level2 or "L2A").upper()
    tile = (tile1 or tile2 or "")
    item = _stac_item(os.path.dirname(path))
    f = BandFile(path, "s2-l2a" if level == "L2A" else "s2-l1c", f"Sentinel-2{sat[-1].upper()} MSI", _iso(day),
                 ("T" + tile.upper()) if tile else "", band or stem.upper(), product_id=folder, meta=item)
    f.baseline = baseline or ""
    if left:
        f.note = _S2_LEFT[stem.upper()]
    elif band == "SCL":
        f.mask, f.clear = True, MASK_CLEAR["s2"]
    return f


def _s2_granule_file(path, mf):
    """:class:`BandFile` of a Sentinel-2 granule's band file out of its .SAFE: tile and date from its name; L2A when
    named with its resolution (``_10m``: the R10m, R20m, R60m files; L1C's have none); the product's
    MTD_MSIL2A.xml / MTD_MSIL1C.xml when it lies beside it (else its processing baseline is not known: a note)."""
    tile, day, band, metres = mf.groups()
    family = "s2-l2a" if metres else "s2-l1c"
    folder = os.path.dirname(path)
    level = family[-3:].upper()
    f = BandFile(path, family, "Sentinel-2 MSI", _iso(day), "T" + tile.upper(), band.upper(),
                 product_id=f"T{tile.upper()}_{day}",
                 meta=_first_existing([f"{folder}/MTD_MSI{level}.xml", f"{folder}/MTD_MSI{level}.XML"]))
    f.resolution = int(metres or 0)
    if f.band == "SCL" and family == "s2-l2a":
        f.mask, f.clear = True, MASK_CLEAR["s2"]
    elif _sensor_band(_S2, f.band) is None:
        f.note = _S2_LEFT.get(f.band, N_("no band to stack"))
    return f


@functools.lru_cache(maxsize=256)  # asked once per band file of a scene (cleared by each plan)
def _stac_item(folder):
    """A STAC item (JSON with ``"type": "Feature"`` and ``assets``) in the scene's folder, or ''."""
    if folder.startswith("/vsi") or not os.path.isdir(folder):
        return ""
    for name in sorted(os.listdir(folder)):
        if name.lower().endswith(".json"):
            try:
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    item = json.load(fh)
            except (OSError, ValueError):
                continue
            if isinstance(item, dict) and item.get("type") == "Feature" and isinstance(item.get("assets"), dict):
                return os.path.join(folder, name)
    return ""


def _hls(path):
    """:class:`BandFile` of an HLS v2.0 granule's file, ``HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif`` (``Fmask``: its
    mask; ``SAA``, ``SZA``, ``VAA``, ``VZA``: angles, left out), dated by the year and day of year in its name."""
    import datetime

    m = _HLS.match(_stem(path))
    if not m:
        return None
    product, tile, year, doy, _version, band = m.groups()
    try:
        day = datetime.date(int(year), 1, 1) + datetime.timedelta(days=int(doy) - 1)
    except ValueError:  # (year 0)
        return None
    if day.year != int(year) or int(doy) < 1:  # day 366 of a year without it, day 000
        return None
    product = product.upper()
    granule = m.group(0)[:-len(band) - 1]
    f = BandFile(path, f"hls-{product.lower()}", f"HLS {product}", day.isoformat(), "T" + tile.upper(), band.upper(),
                 product_id=granule)
    if band.upper() == "FMASK":
        f.band, f.mask, f.clear = "Fmask", True, MASK_CLEAR["hls"]
    elif band.upper() in _HLS_LEFT:
        f.note = _HLS_LEFT[band.upper()]
    elif _sensor_band(_FAMILIES[f.family][0], band) is None:
        f.note = N_("not a band of this product")
    return f


def _cbers(path):
    stem = _stem(path)
    for pattern, kind in ((_CBERS_BDC, "bdc"), (_CBERS_CUBE, "cube"), (_CBERS_INPE, "inpe")):
        m = pattern.match(stem)
        if not m:
            continue
        if kind == "bdc":
            camera, scene, band, date = m.groups()
        elif kind == "cube":
            scene, date, band = m.groups()
            camera = "AWFI"
        else:
            camera, day, p, r, band = m.groups()
            scene, date = p + r, _iso(day)
        band = band.upper()
        if band.startswith("BAND"):
            band = "B" + band[4:]
        mux = camera.upper() == "MUX"
        f = BandFile(path, "cbers-mux" if mux else "cbers-awfi", f"CBERS-4 {camera.upper()}", date, scene, band)
        if band == "CMASK":
            f.mask, f.clear = True, MASK_CLEAR["cbers"]
        elif _sensor_band(_MUX if mux else _AWFI, band) is None:
            f.note = N_("not a band of this camera")
        return f
    return None


def _generic(path):
    from model_core.stack import parse_date

    name = os.path.basename(path)
    date = parse_date(name) or parse_date(os.path.basename(os.path.dirname(path)))
    if not date or len(date) != 10:
        return None
    mask = _GENERIC_MASK.search(name)
    band = _GENERIC_BAND.search(name)
    if not mask and not band:
        return None
    rest = _stem(name)
    for pattern in (_GENERIC_BAND, _GENERIC_MASK):
        rest = pattern.sub("", rest)
    from model_core.stacked import without_dates

    rest = re.sub(r"(?i)(?<=\d)T\d{6}|(?<![a-z0-9])\d{2,3}m(?![a-z0-9])", "", rest)  # a time, a resolution (10m)
    scene = without_dates(rest) if parse_date(rest) else re.sub(r"([-_. ])[-_. ]+", r"\1", rest).strip("-_. ")
    f = BandFile(path, "generic", "", date, re.sub(r"[^\w.-]+", "_", scene), (band.group(1) if band else "").upper())
    if mask:  # the clear values of a mask named as its product (README, "Cloud masks"), else 0
        word = mask.group(1).lower()
        clear = {"fmask": "0,1", "scl": MASK_CLEAR["s2"], "qa_pixel": MASK_CLEAR["landsat89"]}.get(word, "0")
        f.mask, f.band, f.clear = True, mask.group(1).upper(), clear
    return f


def recognise(path):
    """:class:`BandFile` of one file, or None when neither a known product nor the generic fallback places it."""
    for finder in (_landsat, _hls, _sentinel2, _cbers, _generic):
        f = finder(path)
        if f is not None:
            return f
    return None


# ------------------------------------------------------------------------------------------- files
def _exists(path):
    from osgeo import gdal

    if path.startswith("/vsi"):
        return gdal.VSIStatL(path) is not None
    return os.path.isfile(path)


def _first_existing(paths):
    return next((p for p in paths if _exists(p)), "")


@functools.lru_cache(maxsize=256)  # a product's MTL or MTD, read once per plan, not per band file
def _read_text(path):
    from osgeo import gdal

    if not path.startswith("/vsi"):
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    fp = gdal.VSIFOpenL(path, "rb")
    if fp is None:
        return ""
    try:
        size = gdal.VSIStatL(path).size
        return gdal.VSIFReadL(1, size, fp).decode("utf-8", "replace")
    finally:
        gdal.VSIFCloseL(fp)


def _is_raster_name(name):
    return name.lower().endswith(RASTER_EXTS)


def _is_aux_name(name):
    low = name.lower()
    return low.endswith(_AUX_EXTS) or os.path.basename(low) in ("manifest.safe",)


_TAR_EXTS = (".tar.gz", ".tgz")  # compressed downloads to unpack (a plain .tar, as USGS delivers Landsat, is read)


def collect(inputs):
    """``(rasters, ignored, tars)``: the raster files under ``inputs`` (files, folders searched recursively, and
    .zip and plain .tar files, read through GDAL's /vsizip/ and /vsitar/), the number of other files (metadata,
    sidecars) not read, and the compressed .tar.gz / .tgz downloads found (not read: to unpack).  A given path
    that does not exist or is no raster, folder, zip or tar is refused (a .tar.gz, told to be unpacked)."""
    rasters, ignored, tars = [], 0, []
    for given in inputs:
        path = str(given)
        if path.startswith("/vsi"):
            rasters.append(path)
            continue
        if not os.path.exists(path):
            raise InputError(_("'{path}' does not exist. Give the band files, or folders holding them.").format(
                                 path=path))
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = os.path.abspath(os.path.join(root, name))
                    if _is_raster_name(name):
                        rasters.append(full)
                    elif name.lower().endswith((".zip", ".tar")):
                        zipped, skipped = _zip_members(full)
                        rasters += zipped
                        ignored += skipped
                    elif name.lower().endswith(_TAR_EXTS):
                        tars.append(full)
                    else:
                        ignored += 1
        elif path.lower().endswith((".zip", ".tar")):
            zipped, skipped = _zip_members(os.path.abspath(path))
            rasters += zipped
            ignored += skipped
        elif path.lower().endswith(_TAR_EXTS):
            raise InputError(_("'{path}' is a compressed .tar download: unpack it first (tar xf), then give the "
                               "folder it makes (a plain .tar is read as it is).").format(path=path))
        elif _is_raster_name(path) or not _is_aux_name(path):
            rasters.append(os.path.abspath(path))
        else:
            raise InputError(_("'{path}' is not a raster (a metadata or sidecar file): give the band files, or the "
                               "folders holding them (their metadata files are read from there).").format(path=path))
    seen, out = set(), []
    for p in rasters:  # a file given and found in a given folder too
        key = p if p.startswith("/vsi") else os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out, ignored, tars


def _zip_members(path):
    """The rasters inside a .zip (a Sentinel-2 SAFE) or a plain .tar (a Landsat Collection 2 download, as
    EarthExplorer delivers it), read in place through GDAL's /vsizip/ or /vsitar/; and the number of other files.
    (A .tar.gz is not read: GDAL would decompress it from the start for every block.)"""
    from model_core.stack import quiet_gdal
    from osgeo import gdal

    kind = "tar" if path.lower().endswith(".tar") else "zip"
    root = f"/vsi{kind}/{path}"
    with quiet_gdal():
        try:
            names = gdal.ReadDirRecursive(root)
        except RuntimeError:
            names = None
    if not names:
        raise InputError(_("'{path}' cannot be read as a {kind} file by GDAL: unpack it, or give another copy.").format(
                             path=path, kind=kind))
    rasters = [f"{root}/{n}" for n in names if _is_raster_name(n)]
    return rasters, sum(1 for n in names if not n.endswith("/") and not _is_raster_name(n))


# ------------------------------------------------------------------------------------------- scaling
def _mtl_values(path):
    """{(group, key): value} of a Landsat MTL file (the .txt's GROUP = ... / KEY = VALUE lines, or its .xml)."""
    text = _read_text(path)
    out, group = {}, []
    if path.lower().endswith(".xml"):  # <GROUP><KEY>value</KEY>...</GROUP>
        for g in re.finditer(r"<([A-Z0-9_]+)>\s*(<[A-Z0-9_]+>[^<]*</[A-Z0-9_]+>\s*)+</\1>", text):
            for m in re.finditer(r"<([A-Z0-9_]+)>([^<]*)</\1>", g.group(0)):
                out[(g.group(1), m.group(1))] = m.group(2).strip()
        return out
    for line in text.splitlines():
        if "=" not in line:
            continue
        key, _eq, value = (x.strip() for x in line.partition("="))
        if key == "GROUP":
            group.append(value)
        elif key == "END_GROUP":
            if group:
                group.pop()
        else:
            out[(group[-1] if group else "", key)] = value.strip('"')
    return out


# Collection 2 Level-2 surface reflectance and temperature: the standard scaling of every scene (USGS,
# "Landsat Collection 2 Level-2 Science Products"): the MTL gives the same figures, and is read when present
_L2_SR = (2.75e-05, -0.2)
_L2_ST = (0.00341802, 149.0)


def _landsat_scaling(f, notes):
    """(scale, offset, from where) of a Landsat band file: Level-2 SR and ST from the MTL's
    LEVEL2_SURFACE_REFLECTANCE_PARAMETERS / ..._TEMPERATURE_PARAMETERS, else the Collection 2 standard;
    Level-1 reflective bands: top-of-atmosphere reflectance from the MTL's REFLECTANCE_MULT/ADD_BAND_n divided
    by the sine of SUN_ELEVATION (the USGS formula), else none (digital numbers)."""
    mtl = _mtl_values(f.meta) if f.meta else {}
    if f.family.endswith("l2"):
        st = f.band.startswith("ST_")
        n = f.band[3:]
        if st:
            key = ("LEVEL2_SURFACE_TEMPERATURE_PARAMETERS", f"TEMPERATURE_MULT_BAND_ST_{n}")
            add = ("LEVEL2_SURFACE_TEMPERATURE_PARAMETERS", f"TEMPERATURE_ADD_BAND_ST_{n}")
            standard = _L2_ST
        else:
            key = ("LEVEL2_SURFACE_REFLECTANCE_PARAMETERS", f"REFLECTANCE_MULT_BAND_{n[1:]}")
            add = ("LEVEL2_SURFACE_REFLECTANCE_PARAMETERS", f"REFLECTANCE_ADD_BAND_{n[1:]}")
            standard = _L2_SR
        try:
            return float(mtl[key]), float(mtl[add]), "MTL"
        except (KeyError, ValueError):
            return standard[0], standard[1], "Collection 2 standard"
    n = f.band[1:]
    try:
        mult = float(mtl[("LEVEL1_RADIOMETRIC_RESCALING", f"REFLECTANCE_MULT_BAND_{n}")])
        addv = float(mtl[("LEVEL1_RADIOMETRIC_RESCALING", f"REFLECTANCE_ADD_BAND_{n}")])
        sun = float(mtl[("IMAGE_ATTRIBUTES", "SUN_ELEVATION")])
    except (KeyError, ValueError):
        if any(g == "LEVEL1_RADIOMETRIC_RESCALING" and k.startswith("REFLECTANCE_MULT_BAND_") for g, k in mtl):
            # the MTL has the other bands' rescaling, not this one's
            notes.add(_("{product}: its MTL gives no reflectance rescaling of {band} (a thermal band): its values "
                        "stay digital numbers").format(product=f.product_id, band=f.band))
            return None
        notes.add(_("{product}: no MTL file with the reflectance rescaling beside it: its bands stay digital "
                    "numbers (put the _MTL.txt beside them for top-of-atmosphere reflectance)").format(product=f.product_id))
        return None
    s = math.sin(math.radians(sun))
    return mult / s, addv / s, "MTL, TOA reflectance"


def _s2_offsets(meta, level):
    """(quantification value, {band: offset}) from an MTD_MSIL2A.xml / MTD_MSIL1C.xml, or None."""
    try:
        text = _read_text(meta)
    except OSError:
        return None
    quant = re.search(r"<(?:BOA_)?QUANTIFICATION_VALUE[^>]*>\s*([0-9.]+)\s*<", text)
    if quant is None:
        return None
    tag = "BOA_ADD_OFFSET" if level == "s2-l2a" else "RADIO_ADD_OFFSET"
    offsets = {}
    for m in re.finditer(rf'<{tag} band_id="(\d+)">\s*(-?[0-9.]+)\s*</{tag}>', text):
        k = int(m.group(1))
        if k < len(_S2_ORDER):
            offsets[_S2_ORDER[k]] = float(m.group(2))
    baseline = re.search(r"<PROCESSING_BASELINE>\s*([0-9.]+)\s*<", text)
    return float(quant.group(1)), offsets, baseline.group(1) if baseline else ""


def _s2_scaling(f, notes):
    """(scale, offset, from where) of a Sentinel-2 band: reflectance = (DN + ADD_OFFSET) / QUANTIFICATION_VALUE.
    From the product's MTD_MSIL2A.xml (BOA_ADD_OFFSET) or MTD_MSIL1C.xml (RADIO_ADD_OFFSET) when present;
    from a STAC item's ``raster:bands`` scale and offset; else from the processing baseline in the product name
    (N0400 and later: offset -1000, i.e. -0.1; before: none), 10000 as quantification.  Without any of them
    (a folder named without the baseline), no offset, and the summary says so."""
    where = "in the product name"
    if f.meta and f.meta.lower().endswith(".json"):
        try:
            with open(f.meta, encoding="utf-8") as fh:
                item = json.load(fh)
            for key, asset in item.get("assets", {}).items():
                href = str(asset.get("href", ""))
                if (os.path.basename(href.split("?")[0]) == os.path.basename(f.path)
                        or key.lower() == _stem(f.path).lower()):
                    rb = (asset.get("raster:bands") or [{}])[0]
                    if "scale" in rb or "offset" in rb:
                        return float(rb.get("scale", 1.0)), float(rb.get("offset", 0.0)), "STAC item"
            major, _dot, minor = str(item.get("properties", {}).get("s2:processing_baseline", "")).partition(".")
            if major.strip().isdigit() and not f.baseline:  # '04.00' (or 4.0, '2.14': the major before the dot)
                f.baseline = f"{int(major):02d}{(minor.strip() + '00')[:2]}"
                where = "of the STAC item"
        except (OSError, ValueError, AttributeError, TypeError):
            pass
    elif f.meta:
        got = _s2_offsets(f.meta, f.family)
        if got is not None:
            quant, offsets, _rest = got
            return 1.0 / quant, offsets.get(f.band, 0.0) / quant, os.path.basename(f.meta)
    baseline = f.baseline
    if baseline:
        after = int(baseline[:2]) >= 4
        return 1e-4, -0.1 if after else 0.0, f"processing baseline N{baseline} {where}"
    notes.add(_("{product}: the processing baseline is not known (no MTD_MSI*.xml, STAC item or N0xxx in the "
                "name): scaled by 1/10000 without an offset; a date processed with baseline 04.00 or later "
                "(from January 2022) then reads 0.1 too bright").format(product=f.product_id))
    return 1e-4, 0.0, "Sentinel-2 quantification 10000, offset not known"


# ------------------------------------------------------------------------------------------- grouping
@dataclass(eq=False)  # (compared by identity: the same date of the same series)
class DateStack:
    """The files of one date of one series (product family and scene)."""

    family: str
    scene: str
    date: str
    bands: dict = field(default_factory=dict)  # band name: BandFile
    mask: BandFile = None
    name: str = ""  # output file name (set when written)
    mask_name: str = ""
    scaling: list = field(default_factory=list)  # per stacked band: (scale, offset, source) or None


@dataclass
class StackResult:
    """What :func:`stack_band_files` wrote."""

    out_dir: str
    dates: list  # [DateStack]
    series: list  # [(family, scene, [DateStack])]
    left_out: dict  # reason: [file names]
    ignored: int
    notes: list
    band_names: dict  # (family, scene): [band names stacked]

    @property
    def vrts(self):
        return [os.path.join(self.out_dir, d.name) for d in self.dates]

    @property
    def masks(self):
        return [os.path.join(self.out_dir, d.mask_name) for d in self.dates if d.mask_name]

    def text(self):
        lines = []
        for family, scene, dates in self.series:
            names = self.band_names[(family, scene)]
            labels = [_shown(b, dates, family) for b in names]
            lines.append(_("{series}: {n} date(s), {first} to {last}").format(
                series=_series_text(family, scene, dates), n=len(dates), first=dates[0].date, last=dates[-1].date))
            lines.append(_("  bands per date ({n}): {bands}").format(n=len(names), bands=", ".join(labels)))
            others = _key_order(family, {b for d in dates for b in d.bands} - set(names), dates)
            if others:
                lines.append(_("  not stacked (give them with {option}): {bands}").format(
                    option=option("--bands"),
                    bands=', '.join(_shown(b, dates, family) if _by_role(family) else b for b in others)))
            masked = [d for d in dates if d.mask_name]
            if masked:
                kinds = sorted({d.mask.band for d in masked})
                lines.append(_("  masks: {n} of {n_dates} dates ({kinds}), clear values {clear}").format(
                    n=len(masked), n_dates=len(dates), kinds=', '.join(kinds), clear=self.clear_values(family, scene)))
                conflict = self.mask_conflict(family, scene)
                if conflict:
                    lines.append(f"  {conflict}")
            else:
                lines.append(_("  masks: none"))
            scalings = {s for d in dates for s in d.scaling if s}
            if scalings:
                # several (Sentinel-2 across the January 2022 baseline): which dates each, or the lines did not
                # say which dates had the -0.1 offset
                def which(s):
                    return "" if len(scalings) == 1 else " (%s)" % ", ".join(d.date for d in dates if s in d.scaling)

                lines.append(_("  scale/offset applied: ") + "; ".join(
                    f"{src}: {sc:g} / {off:g}{which((sc, off, src))}"
                    for sc, off, src in sorted(scalings, key=lambda s: (s[2], s[0], s[1]))))
            else:
                lines.append(_("  scale/offset: none (the values as stored)"))
            for d in dates:
                lines.append(f"  {d.name}" + (_("  mask {name}").format(name=d.mask_name) if d.mask_name else ""))
            lines.append(_("  next: ") + self.command(family, scene))
        for reason, files in self.left_out.items():
            lines.append(_("Left out ({reason}): {n} file(s), e.g. {files}").format(
                reason=translated(reason), n=len(files), files=', '.join(files[:3])))
        if self.ignored:
            lines.append(_("Not read: {n} other file(s) (metadata, sidecars)").format(n=self.ignored))
        for note in self.notes:
            lines.append(_("Note: {note}").format(note=note))
        return "\n".join(lines)

    def granules_left_out(self):
        """The HLS granules left out as a day's second granule of their tile (:func:`_one_granule_a_day`): their
        ids, sorted."""
        return sorted({re.sub(r"\.[^.]+\.[^.]+$", "", n) for n in self.left_out.get(_SAME_DAY, [])})

    def series_name(self, family, scene):
        """A series as the summary names it: 'Landsat 8 OLI Collection 2 Level-2, scene 007066'."""
        dates = next(ds for f, s, ds in self.series if (f, s) == (family, scene))
        return _series_text(family, scene, dates)

    def clear_values(self, family, scene):
        """The masks' clear values of a series (for --mask-clear, which holds for every date): the product's;
        for a Landsat series mixing 4-7 and 8-9, :data:`MIXED_LANDSAT_CLEAR`, right for both; for masks of
        different kinds, those of the kind most dates have (:meth:`rule_masks`, :meth:`mask_conflict`)."""
        return _series_clear(self._dates(family, scene))

    def _dates(self, family, scene):
        return next(ds for f, s, ds in self.series if (f, s) == (family, scene))

    def rule_masks(self, family, scene):
        """The dates of a series whose masks :meth:`clear_values` is right for (every masked date, unless the
        masks are of different kinds): the masks the next command and the dialog pair with their dates."""
        return _series_masks(self._dates(family, scene))[1]

    def mask_conflict(self, family, scene):
        """'' when one rule of clear values is right for every mask of the series; else what the summary says:
        the kinds with their clear values and dates, which are used, and what to do."""
        rule, used, kinds = _series_masks(self._dates(family, scene))
        if len(used) == sum(len(v) for v in kinds.values()):
            return ""
        parts = "; ".join(_("{kind} masks {clear} ({dates})").format(kind=v[0].mask.band, clear=c,
                                                                      dates=', '.join(d.date for d in v))
                          for c, v in kinds.items())
        others = [d.date for c, v in kinds.items() if c != rule for d in v]
        return _("the masks are of different kinds, clear values {parts}: --mask-clear holds for every mask of a run, "
                 "so the next command gives the {kind} masks only ({rule}), and the other dates ({others}) run "
                 "unmasked ('none'). To mask them too, give every date a mask of one kind (e.g. convert the others to "
                 "its values with gdal_calc), or stack the kinds apart.").format(
            parts=parts, kind=used[0].mask.band, rule=rule, others=', '.join(others))

    def command(self, family, scene):
        dates = self._dates(family, scene)
        used = self.rule_masks(family, scene)
        out = self.out_dir
        vrts = " ".join(_quote(os.path.join(out, d.name)) for d in dates)
        cmd = f"python -m model_core detect {vrts}"
        if any(d.mask_name for d in dates):
            cmd += " --masks " + " ".join(_quote(os.path.join(out, d.mask_name)) if d.mask_name and d in used
                                          else "none" for d in dates)
            cmd += f" --mask-clear '{self.clear_values(family, scene)}'"
            cmd += " --fill-gaps"
        return cmd + " --out result"


def _quote(path):
    return path if re.fullmatch(r"[\w./+:@-]+", path) else "'" + path.replace("'", "'\\''") + "'"


def _label(family, band):
    entry = _sensor_band(_FAMILIES[family][0], band[3:] if band.startswith(("SR_", "ST_")) else band)
    if band.startswith("ST_"):
        return f"Surface temperature ({band})"
    return f"{entry[1]} ({band})" if entry else band


def _wavelength(family, band):
    entry = _sensor_band(_FAMILIES[family][0], band[3:] if band.startswith(("SR_", "ST_")) else band)
    return entry[2] if entry else None


def _series_text(family, scene, dates):
    """'Landsat 8 OLI Collection 2 Level-2, scene 007066' (without a scene: its product alone)."""
    what = _what(family, dates)
    return _("{series}, scene {scene}").format(series=what, scene=scene) if scene else what


def _what(family, dates):
    """What the summary and messages call a series: a Landsat series by its sensors."""
    if family.startswith("landsat-"):
        sensors = sorted({f.sensor for d in dates for f in list(d.bands.values()) + [d.mask] if f is not None},
                         key=lambda x: (int(x.split()[1]), x))
        return f"{', '.join(sensors)} {_FAMILIES[family][1]}"
    if family == "hls-v2":  # 'HLS v2.0 L30+S30'
        products = sorted({f.sensor.split()[-1] for d in dates for f in list(d.bands.values()) + [d.mask] if f})
        return f"{_FAMILIES[family][1]} {'+'.join(products)}"
    return _FAMILIES[family][1]


def _files_of(key, dates):
    return [d.bands[key] for d in dates if key in d.bands]


def _shown(key, dates, family=None):
    """A band of a series as the summary shows it: 'Red (SR_B4)'; a Landsat role with each sensor's name of it,
    'Red (SR_B3/SR_B4)'."""
    files = _files_of(key, dates)
    if files and _by_role(files[0].family):
        return f"{key} ({'/'.join(sorted({f.band for f in files}))})"
    return _label(family or (files[0].family if files else "generic"), key)


def _key_order(family, keys, dates):
    if not _by_role(family):
        return _order(family, keys)

    def wavelength(k):
        f = _files_of(k, dates)[0]
        return (f.band.startswith("ST_"), _wavelength(f.family, f.band) or 99.0, k)

    return sorted(keys, key=wavelength)


def _order(family, names):
    table = [b for b, *_ in _FAMILIES[family][0]]

    def key(name):
        core = name[3:] if name.startswith(("SR_", "ST_")) else name
        if core in table:
            return (name.startswith("ST_"), table.index(core), name)
        m = re.search(r"(\d+)", name)
        return (False, int(m.group(1)) if m else 999, name)

    return sorted(names, key=key)


def _default(family, band):
    if family == "generic":
        return True
    if band.startswith("ST_"):
        return False
    entry = _sensor_band(_FAMILIES[family][0], band[3:] if band.startswith("SR_") else band)
    return bool(entry and entry[3])


_ROLES = {"blue": "Blue", "green": "Green", "red": "Red", "nir": "NIR", "swir1": "SWIR 1", "swir2": "SWIR 2"}


def _pick(family, available, wanted, dates=()):
    """``(bands, None)``: the bands of ``available`` to stack, in order: ``wanted`` (names such as B04, SR_B4, B4
    or roles red, nir, swir1) in its order, or the sensor's default bands in the sensor's order; ``(None, why)``
    when a wanted band is not there.  A Landsat series (``available``: roles) takes product names per sensor."""
    if _by_role(family):
        return _pick_landsat(family, available, wanted, dates)
    if not wanted:
        return [b for b in _order(family, available) if _default(family, b)] or _order(family, available), None
    picked = []
    for w in wanted:
        wu = w.strip().upper()
        match = [b for b in available if b.upper() == wu or (b.startswith(("SR_", "ST_")) and b[3:] == wu)
                 or (b.startswith("SR_") and wu == b[3:])]
        if not match and w.strip().lower() in _ROLES:
            label = _ROLES[w.strip().lower()]
            match = [b for b in available if _label(family, b).startswith(label + " (")]
        if not match and re.fullmatch(r"B\d", wu):  # B4 for Sentinel-2's B04
            match = [b for b in available if b == f"B0{wu[1]}"]
        if not match:
            return None, _("no band '{band}' among {bands}").format(band=w, bands=', '.join(_order(family, available)))
        picked.append(match[0])
    return picked, None


def _pick_landsat(family, available, wanted, dates):
    """:func:`_pick` for a Landsat or HLS series, whose bands are roles (Blue, SWIR 1): the default is every role
    some date's sensor stacks by default; a product name (SR_B4, B4) names the role it has for each date's sensor,
    refused when that differs between the sensors (SR_B4 is red for Landsat 8-9, NIR for 4-7; HLS's B05 NIR for L30,
    red edge 1 for S30)."""
    ordered = _key_order(family, available, dates)
    if not wanted:
        return [k for k in ordered if any(_default(f.family, f.band) for f in _files_of(k, dates))], None
    picked = []
    for w in wanted:
        wu, wl = w.strip().upper(), w.strip().lower()
        if re.fullmatch(r"B\d", wu) and family.startswith("hls-"):  # B4 for HLS's B04
            wu = f"B0{wu[1]}"
        if wl in _ROLES:
            match = [k for k in ordered if k == _ROLES[wl]]
        else:
            match = sorted({k for k in ordered for f in _files_of(k, dates)
                            if wu in (f.band, f.band[3:] if f.band.startswith(("SR_", "ST_")) else f.band)})
            if len(match) > 1:
                return None, (_("'{band}' is {roles} for others (the series mixes HLS L30 and S30, whose band numbers "
                                "differ): name the bands by role") if family.startswith('hls-') else
                              _("'{band}' is {roles} for others (the series mixes Landsat sensors, whose band numbers "
                                "differ): name the bands by role")).format(band=w, roles=_(" for some dates, ").join(match))
        if not match:
            return None, _("no band '{band}' among {bands}").format(band=w, bands=', '.join(_shown(k, dates) for k in ordered))
        picked.append(match[0])
    return picked, None


# ------------------------------------------------------------------------------------------- stacking
def _open(path):
    from osgeo import gdal

    try:
        return gdal.Open(path)
    except RuntimeError:
        return None


def _srs_name(srs):
    if srs is None:
        return _("no CRS")
    code = srs.GetAuthorityCode(None)
    return f"{srs.GetAuthorityName(None)}:{code}" if code else (srs.GetName() or _("a CRS without a name"))


def _bounds(ds):
    gt = ds.GetGeoTransform()
    xs = (gt[0], gt[0] + gt[1] * ds.RasterXSize)
    ys = (gt[3], gt[3] + gt[5] * ds.RasterYSize)
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))


def _check_date(group, files, datasets):
    """Refuse files of one date in different CRSs, and files of one date whose footprints are apart (two
    scenes the names do not tell apart)."""
    crs = []  # [(srs, [file names])]
    for f in files:
        srs = datasets[f.path].GetSpatialRef()
        for known, names in crs:
            if (known is None and srs is None) or (known is not None and srs is not None and known.IsSame(srs)):
                names.append(os.path.basename(f.path))
                break
        else:
            crs.append((srs, [os.path.basename(f.path)]))
    if len(crs) > 1:
        detail = "; ".join(f"{_srs_name(k)}: {', '.join(v[:3])}" for k, v in crs)
        raise InputError(_("The files of {date}{value} are in "
                           "different CRSs ({detail}). The bands of one date must share a CRS: reproject them to "
                           "one (gdalwarp -t_srs) or leave the odd ones out.").format(date=group.date,
                             value=' (' + group.scene + ')' if group.scene else '', detail=detail))
    first = files[0]
    b0 = _bounds(datasets[first.path])
    for f in files[1:]:
        if _overlap(b0, _bounds(datasets[f.path])) < 0.5:
            raise InputError(_("'{name}' and '{name2}' are both of "
                               "{date} but cover different places (their footprints overlap by less than half): "
                               "two scenes mixed whose names do not tell them apart. Give one scene at a time (each "
                               "in a folder of its own, run once per folder), or name the files by scene.").format(
                                 name=os.path.basename(first.path), name2=os.path.basename(f.path), date=group.date))


def _group(placed):
    """{(family, scene, date): DateStack}; refuses two files of one band (or mask) for one date and scene."""
    groups = {}
    generic_masks = [f for f in placed if f.family == "generic" and f.mask]
    placed = [f for f in placed if f not in generic_masks]
    for f in placed:
        key = (_series(f.family), f.scene, f.date)
        g = groups.setdefault(key, DateStack(*key))
        if f.mask:
            if g.mask is not None:
                g.mask = _finer(g.mask, f, key, _("mask"))
            else:
                g.mask = f
            continue
        k = _key(f)
        g.bands[k] = _finer(g.bands[k], f, key, f.band) if k in g.bands else f
    for f in generic_masks:  # named freely (cloudmask.tif beside B04_10m.tif): the one generic scene of its date
        same = [k for k in groups if k[0] == "generic" and k[2] == f.date]
        key = next((k for k in same if k[1] == f.scene), same[0] if len(same) == 1 else ("generic", f.scene, f.date))
        g = groups.setdefault(key, DateStack(*key))
        g.mask = _finer(g.mask, f, key, _("mask")) if g.mask is not None else f
    return groups


def _clear_share(mask):
    """The share of an HLS Fmask's pixels that are clear (:data:`MASK_CLEAR`'s rule; its fill 255 is not), from a
    decimated read (the COG's overviews), or -1.0 when it cannot be read."""
    from osgeo import gdal

    from model_core.stack import parse_clear_values, quiet_gdal

    with quiet_gdal():
        ds = _open(mask.path)
        if ds is None:
            return -1.0
        k = max(1, max(ds.RasterXSize, ds.RasterYSize) // 256)
        try:
            values = ds.GetRasterBand(1).ReadAsArray(buf_xsize=max(1, ds.RasterXSize // k),
                                                     buf_ysize=max(1, ds.RasterYSize // k),
                                                     resample_alg=gdal.GRIORA_NearestNeighbour)
        except RuntimeError:
            return -1.0
    if values is None or not values.size:
        return -1.0
    clear = parse_clear_values(MASK_CLEAR["hls"]).clear(values) & (values != 255)
    return float(clear.mean())


_SAME_DAY = N_("an HLS granule of a tile and day another granule has (the one whose Fmask shows more clear pixels is stacked)")


def _one_granule_a_day(placed, left_out):
    """HLS: an L30 and an S30 granule of one tile and day (Landsat and Sentinel-2 passing the same day) would be two
    rasters of one date; the series keeps the one whose Fmask shows more clear pixels (on a tie, or without masks,
    L30: the sensor S30 is adjusted to), and lists the other's files as left out."""
    by_day = {}
    for f in placed:
        if f.family.startswith("hls-"):
            by_day.setdefault((f.scene, f.date), {}).setdefault(f.product_id, []).append(f)
    dropped = set()
    for granules in by_day.values():
        if len(granules) < 2:
            continue

        def rank(pid):
            files = granules[pid]
            mask = next((f for f in files if f.mask), None)
            return (_clear_share(mask) if mask is not None else -1.0, files[0].family == "hls-l30", pid)

        keep = max(sorted(granules), key=rank)
        for pid, files in granules.items():
            if pid != keep:
                dropped.update(id(f) for f in files)
                left_out.setdefault(_SAME_DAY, []).extend(os.path.basename(f.path) for f in files)
    return [f for f in placed if id(f) not in dropped]


def _finer(a, b, key, what):
    """Of two files of one band and date: the finer Sentinel-2 SAFE resolution (B02 in R10m, R20m and R60m);
    two files otherwise alike are two scenes or two copies, refused."""
    if a.resolution and b.resolution and a.resolution != b.resolution:
        return a if a.resolution < b.resolution else b
    family, scene, date = key
    raise InputError(_("Two files of {what} for {date}{value}: '{path}' and "
                       "'{path2}'. Two copies of one product, or two scenes that their names do not tell apart "
                       "(the same date and band): give each only once, one scene at a time.").format(what=what,
                         date=date, value=_(" scene {scene}").format(scene=scene) if scene else '', path=a.path, path2=b.path))


def _multi_band(paths):
    """Those of ``paths`` that GDAL opens with more than one band (a date's stack, not a band file)."""
    from model_core.stack import quiet_gdal
    from osgeo import gdal

    out = []
    with quiet_gdal():
        for p in paths:
            try:
                ds = gdal.Open(p)
            except RuntimeError:
                ds = None
            if ds is not None and ds.RasterCount > 1:
                out.append(p)
    return out


def plan(inputs, bands=None, progress=None):
    """Recognise and group the band files under ``inputs`` (:func:`collect`); ``bands``: band names or roles to
    stack (default: the sensor's surface bands).  Returns ``(series, left_out, ignored, notes)`` where series is
    ``[(family, scene, [DateStack], band names)]``.  Refuses with a specific message what cannot be stacked.
    ``progress(fraction)``, if given, is called after each date's files were opened (it may raise
    :class:`~model_core.errors.Cancelled` to stop)."""
    from model_core.stack import quiet_gdal

    wanted = [b.strip() for b in (bands.split(",") if isinstance(bands, str) else bands or []) if b.strip()]
    _read_text.cache_clear()  # (read again on each run: a QGIS session may see them change)
    _stac_item.cache_clear()
    paths, ignored, tars = collect(inputs)
    if not paths:
        raise InputError(_("No raster files found in {inputs}. Give the band files (GeoTIFF, "
                           "JPEG 2000), the folders holding them, a Sentinel-2 .SAFE folder or .zip, or a Landsat "
                           ".tar (a .tar.gz or .tgz download must be unpacked first).").format(
                             inputs=', '.join(map(str, inputs))))
    placed, unplaced, left_out = [], [], {}
    # the VRTs of an earlier stack given with the band files (QGIS layers selected all at once): their masks are
    # one-band and dated as band files are, and were refused as masks without band files of their date
    earlier = [p for p in paths if stacked_output(p)]
    if earlier and len(earlier) == len(paths):
        raise InputError(_("{n_earlier} file(s) are the dates and masks an earlier stack wrote (e.g. "
                           "'{earlier}'), not band files: give the dates to the change detection as they are "
                           "(python -m model_core detect with --masks, or check them in the QGIS dialog and press "
                           "'Match masks by date').").format(n_earlier=len(earlier), earlier=earlier[0]))
    if earlier:
        left_out[N_("a date or mask of an earlier stack")] = [os.path.basename(p) for p in earlier]
        paths = [p for p in paths if p not in earlier]
    for p in paths:
        f = recognise(p)
        if f is None:
            unplaced.append(p)
        elif f.note:
            left_out.setdefault(f.note, []).append(os.path.basename(p))
        else:
            placed.append(f)
    if unplaced:
        shown = "\n  ".join(unplaced[:10]) + (_("\n  ... and {n} more").format(n=len(unplaced) - 10)
                                              if len(unplaced) > 10 else "")
        stacked = _multi_band(unplaced[:50])
        advice = (_("Leave them out of the inputs (or rename them with their date and band).") if not stacked else
                  _("They hold several bands each: one raster per date already, which needs no stacking. Give them to "
                    "the change detection as they are (python -m model_core detect, or check them in the QGIS "
                    "dialog).") if len(stacked) == len(unplaced) else
                  _("{n} of them hold several bands each: one raster per date already, which needs no stacking. Give "
                    "them to the change detection as they are (python -m model_core detect, or check them in the QGIS "
                    "dialog).").format(n=len(stacked)))
        raise InputError(_("{n_unplaced} file(s) could not be placed (neither a known product's band file -- Landsat "
                           "Collection 2, Sentinel-2, CBERS-4 -- nor named with a date and a band such as B4 or a "
                           "mask):\n  {shown}\n{advice}").format(n_unplaced=len(unplaced), shown=shown, advice=advice))
    if not placed:
        raise InputError(_("None of the files is a band to stack; {reasons}").format(reasons="; ".join(
            f"{translated(reason)}: {', '.join(files[:3])}" for reason, files in left_out.items())))
    placed = _one_granule_a_day(placed, left_out)
    groups = _group(placed)
    notes = set()
    if tars:  # (beside products unpacked: their dates would be missing unsaid)
        notes.add(_("{n} compressed .tar download(s) not read ({names}): unpack them (tar xf) to stack their dates "
                    "too").format(n=len(tars), names=', '.join(os.path.basename(t) for t in tars[:3])
                                  + (', ...' if len(tars) > 3 else '')))
    series = {}
    for (family, scene, date), g in sorted(groups.items()):
        series.setdefault((family, scene), []).append(g)
    out = []
    total, opened = sum(len(dates) for dates in series.values()), 0
    for (family, scene), dates in series.items():
        where = _series_text(family, scene, dates)
        without = [d for d in dates if not d.bands]
        if without:
            raise InputError(_("{where}: {date} has a mask ('{name}') but "
                               "no band file. Give its bands too, or leave its mask out.").format(where=where,
                                 date=without[0].date, name=os.path.basename(without[0].mask.path)))
        every = set().union(*(d.bands for d in dates))
        if wanted:
            names, missing = _pick(family, sorted(every), wanted, dates)
            if names is None:
                raise InputError(_("{where}: {missing}. Give bands by name (e.g. B04 or SR_B4) or role (red, green, "
                                   "blue, nir, swir1, swir2).").format(where=where, missing=missing))
        else:
            names = _pick(family, sorted(every), None, dates)[0]
        for d in dates:
            lacking = [b for b in names if b not in d.bands]
            if lacking:
                have = [x for x in dates if lacking[0] in x.bands]
                raise InputError(_("{where}: {date} lacks band {shown}"
                                   "{value}, which "
                                   "{n_have} other date(s) have (e.g. {date2}: "
                                   "'{name}'). Add the missing file, "
                                   "leave that date out, or choose the bands every date has ({option:full}).").format(
                                     option=option("--bands"),
                                     where=where, date=d.date, shown=_shown(lacking[0], dates),
                                     value=_(" (and {others})").format(others=', '.join(lacking[1:]))
                                     if len(lacking) > 1 else '',
                                     n_have=len(have), date2=have[0].date,
                                     name=os.path.basename(have[0].bands[lacking[0]].path)))
        with quiet_gdal():
            for d in dates:
                files = [d.bands[b] for b in names] + ([d.mask] if d.mask else [])
                datasets = {}
                for f in files:
                    ds = _open(f.path)
                    if ds is None:
                        raise InputError(_("'{path}' cannot be read by GDAL. Check that it is a complete raster file.").format(
                                             path=f.path))
                    if ds.RasterCount != 1:
                        raise InputError(_("'{path}' has {RasterCount} bands, not one: this tool stacks "
                                           "one-band files. A file holding every band of its date is already one "
                                           "date: give it to 'detect' as it is.").format(path=f.path,
                                             RasterCount=ds.RasterCount))
                    datasets[f.path] = ds
                _check_date(d, files, datasets)
                d.scaling = [_scaling(d.bands[b], datasets[d.bands[b].path], notes) for b in names]
                opened += 1
                if progress is not None:
                    progress(opened / total)
        out.append((family, scene, dates, names))
    return out, left_out, ignored, sorted(notes)


def _scaling(f, ds, notes):
    """(scale, offset, source) for a band file, or None: its own scale/offset when it declares one, else the
    product's."""
    band = ds.GetRasterBand(1)
    own = (band.GetScale() or 1.0, band.GetOffset() or 0.0)
    if own != (1.0, 0.0):
        return own[0], own[1], "the file's own"
    if f.family.startswith("landsat"):
        return _landsat_scaling(f, notes)
    if f.family.startswith("s2"):
        return _s2_scaling(f, notes)
    if f.family.startswith("hls-"):  # HLS v2.0: reflectance x 10000; L30's thermal bands degrees Celsius x 100
        thermal = _label(f.family, f.band).startswith("Thermal")
        return (0.01 if thermal else 1e-4), 0.0, "HLS v2.0 standard"
    return None


_COLOURS = {"Red": "GCI_RedBand", "Green": "GCI_GreenBand", "Blue": "GCI_BlueBand"}
_NODATA = {"landsat": 0, "s2": 0, "hls": -9999}  # fill values of the products' bands when the file declares none
_MASK_NODATA = {"landsat": 1, "s2": 0, "hls": 255}  # QA_PIXEL's fill bit; SCL's class 0 (no data); HLS Fmask's fill


def _write_date(path, d, names):
    """The date's VRT at ``path``: gdalbuildvrt -separate -resolution highest of the band files in ``names``'
    order, then each band's description, wavelength, nodata and scale/offset."""
    from osgeo import gdal

    sources = [d.bands[b].path for b in names]
    vrt = gdal.BuildVRT(path, sources, separate=True, resolution="highest")
    if vrt is None:
        raise OutputError(_("The virtual raster '{path}' could not be written.").format(path=path))
    for k, (key, scaling) in enumerate(zip(names, d.scaling), start=1):
        f = d.bands[key]
        family, b = f.family, f.band
        band = vrt.GetRasterBand(k)
        band.SetDescription(_label(family, b))
        wl = _wavelength(family, b) if not b.startswith("ST_") else None
        if wl is not None:
            band.SetMetadataItem("CENTRAL_WAVELENGTH_UM", f"{wl:g}", "IMAGERY")
        colour = _COLOURS.get(_label(family, b).split(" (")[0])
        if colour is not None:  # QGIS draws these bands as red, green and blue (not bands 1-3: B, G, R)
            band.SetColorInterpretation(getattr(gdal, colour))
        else:
            band.SetColorInterpretation(gdal.GCI_Undefined)
        if band.GetNoDataValue() is None:
            fill = _NODATA.get(family.split("-")[0])
            if fill is not None:
                band.SetNoDataValue(fill)
        if scaling:
            band.SetScale(scaling[0])
            band.SetOffset(scaling[1])
    vrt.SetMetadataItem("ACQUISITIONDATETIME", d.date, "IMAGERY")
    vrt.FlushCache()
    vrt = None


_STYLE = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="Symbology">
  <pipe>
    <rasterrenderer type="multibandcolor" redBand="{r}" greenBand="{g}" blueBand="{b}" alphaBand="-1" opacity="1" nodataColor="">
      <minMaxOrigin>
        <limits>CumulativeCut</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
{stretch}
    </rasterrenderer>
  </pipe>
</qgis>
"""


def _write_style(path, vrt_path):
    """``<date>.qml`` beside the date's VRT, which QGIS loads with it: its red, green and blue bands in true
    colour (QGIS's default draws bands 1, 2, 3: a Landsat or CBERS date's blue as red), stretched as QGIS
    stretches (2-98 % cumulative cut, of the values as QGIS shows them: scale and offset applied; the image
    chips' :func:`model_core.chips.stretch_limits`, from a sample of the bands' blocks).  Nothing when the date
    has no red, green and blue."""
    from osgeo import gdal

    from model_core.chips import stretch_limits

    ds = gdal.Open(vrt_path)
    rgb = {}
    for b in range(1, ds.RasterCount + 1):
        role = (ds.GetRasterBand(b).GetDescription() or "").split(" (")[0]
        if role in ("Red", "Green", "Blue") and role not in rgb:
            rgb[role] = b
    if len(rgb) < 3:
        return False
    order = [rgb["Red"], rgb["Green"], rgb["Blue"]]
    parts = []
    for tag, b, raw in zip(("red", "green", "blue"), order, stretch_limits(vrt_path, order)):
        band = ds.GetRasterBand(b)
        scale, offset = band.GetScale() or 1.0, band.GetOffset() or 0.0
        low, high = sorted(float(v) * scale + offset for v in raw)
        parts.append(f"      <{tag}ContrastEnhancement>\n        <minValue>{low!r}</minValue>\n"
                     f"        <maxValue>{high!r}</maxValue>\n        <algorithm>StretchToMinimumMaximum</algorithm>\n"
                     f"      </{tag}ContrastEnhancement>")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(_STYLE.format(r=rgb["Red"], g=rgb["Green"], b=rgb["Blue"], stretch="\n".join(parts)))
    return True


def _series_masks(dates):
    """``(clear values, [DateStack], {clear values: [DateStack]})`` of the masks of a series' ``dates``: the one rule
    of clear values for ``--mask-clear`` (which holds for every mask of a run), the dates whose masks it is right for,
    and the dates per kind of mask (their own clear values).  The masks of one product share theirs; a Landsat series
    mixing 4-7 and 8-9 gets :data:`MIXED_LANDSAT_CLEAR`, right for both.  Masks of different kinds (a generic
    series' ``Fmask``, 0 and 1 clear, and ``cloudmask``, 0 clear) have no rule right for all: the kind most dates
    have (of as many, the first by its values) is the one used, the other dates' masks not (the joined values this
    gave before, '0 / 0,1', were no rule the engine or the dialog read)."""
    kinds = {}
    for d in dates:
        if d.mask is not None:
            kinds.setdefault(d.mask.clear, []).append(d)
    if not kinds:
        return "", [], {}
    if set(kinds) == {MASK_CLEAR["landsat89"], MASK_CLEAR["landsat47"]}:
        return MIXED_LANDSAT_CLEAR, [d for d in dates if d.mask is not None], kinds
    rule = max(sorted(kinds), key=lambda c: len(kinds[c]))
    return rule, kinds[rule], kinds


def _series_clear(dates):
    """The clear values of the masks of a series' ``dates`` (StackResult.clear_values; :func:`_series_masks`)."""
    return _series_masks(dates)[0]


def _mask_rule(d, dates):
    """The clear values a date's mask records: its series' rule when that is right for it, else its own kind's."""
    rule, used, _kinds = _series_masks(dates)
    return rule if d in used else d.mask.clear


def _write_mask(path, d, clear=""):
    """The date's mask VRT; ``clear``: its series' clear values, recorded as its ``CAIM_MASK_CLEAR`` metadata (the
    dialog's *Match masks by date* reads them: a QA_PIXEL read with the default clear value 0 hid every pixel)."""
    from osgeo import gdal

    vrt = gdal.Translate(path, d.mask.path, format="VRT")
    if vrt is None:
        raise OutputError(_("The virtual raster '{path}' could not be written.").format(path=path))
    band = vrt.GetRasterBand(1)
    band.SetDescription(d.mask.band)
    if band.GetNoDataValue() is None:
        fill = _MASK_NODATA.get(d.family.split("-")[0])
        if fill is not None:
            band.SetNoDataValue(fill)
    vrt.SetMetadataItem("ACQUISITIONDATETIME", d.date, "IMAGERY")
    if clear:
        vrt.SetMetadataItem("CAIM_MASK_CLEAR", clear)
    vrt.FlushCache()
    vrt = None


def _names(series):
    """Output names: ``<date>.vrt``, with the scene (and product) when several series are written."""
    scenes = {(f, s) for f, s, _, _ in series}
    several = len(scenes) > 1
    by_scene = {}
    for f, s, _dates, _names in series:
        by_scene.setdefault(s, set()).add(f)
    for family, scene, dates, _names in series:
        parts = []
        if several and scene:
            parts.append(scene)
        if several and (not scene or len(by_scene[scene]) > 1):
            parts.append(family)
        suffix = "".join("_" + re.sub(r"[^\w.-]+", "_", p) for p in parts)
        for d in dates:
            d.name = f"{d.date}{suffix}.vrt"
            d.mask_name = f"masks/{d.date}{suffix}_{d.mask.band}.vrt" if d.mask else ""


def downloads_folder(path):
    """The folder to stack for the band file ``path``: the one that holds its product beside the other dates'
    (where they were downloaded).  The folder of its Sentinel-2 ``.SAFE``, of the ``.zip`` or ``.tar`` it is read
    from (/vsizip/, /vsitar/: QGIS opens files inside archives so), of a product's own folder (a Landsat product
    id's, as EarthExplorer's .tar unpacks; a scene's named by its date or STAC item id, holding ``B04.tif``);
    else the file's own folder (a flat folder of band files, as a CBERS cube's).  Stacking the file's own folder
    gave that one date only."""
    from model_core.stack import parse_date

    p = str(path).replace("\\", "/")
    zipped = re.match(r"(?i)/vsi(?:zip|tar)/+(.*?\.(?:zip|tar|tar\.gz|tgz))(?:/|$)", p)
    if zipped:
        return os.path.dirname(os.path.abspath("/" + zipped.group(1).lstrip("/")))
    safe = _safe_root(os.path.abspath(path).replace("\\", "/"))
    if safe:
        return os.path.dirname(os.path.abspath(safe))
    folder = os.path.dirname(os.path.abspath(path))
    f = recognise(path)
    if f is not None and (f.product_id and os.path.basename(folder) == f.product_id
                          or not parse_date(os.path.basename(path))):  # the folder is the product's or scene's
        return os.path.dirname(folder)
    return folder


def stacked_output(path):
    """Whether ``path`` is a VRT that :func:`stack_band_files` wrote: a date's ``<out>/<date>[_<scene>].vrt``
    with its ``masks`` folder or style beside it, or a mask ``<out>/masks/<date>[_<scene>]_<MASK>.vrt`` beside
    its date's ``<out>/<date>[_<scene>].vrt``.  (A stack's masks are one-band rasters with dates in their names,
    as band files are: stacked again with those band files, a mask had no band file of its date.)"""
    path = str(path)
    name = os.path.basename(path)
    if not name.lower().endswith(".vrt") or not re.match(r"\d{4}-\d{2}-\d{2}", name):
        return False
    folder = os.path.dirname(os.path.abspath(path))
    stem = name[:-4]
    if os.path.basename(folder) == "masks":
        out = os.path.dirname(folder)
        return any(stem[k] == "_" and os.path.isfile(os.path.join(out, stem[:k] + ".vrt"))
                   for k in range(10, len(stem)))
    return os.path.isfile(os.path.join(folder, stem + ".qml")) or any(
        n.startswith(stem + "_") and n.lower().endswith(".vrt") for n in _listdir(os.path.join(folder, "masks")))


def _listdir(folder):
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _style_name(d):
    return os.path.splitext(d.name)[0] + ".qml"


def _names_of(series, date):
    return next(names for _, _, dates, names in series if date in dates)


def stack_band_files(inputs, out_dir, bands=None, overwrite=False, progress=None):
    """Stack the band files under ``inputs`` (files, folders, .SAFE folders, .zip files) into one VRT per date
    (and scene) in ``out_dir``, and each date's mask into ``out_dir/masks`` (module docstring).  ``bands``: the
    band names or roles to stack, in that order (default: the sensor's surface bands in the sensor's order).
    Refuses to replace existing files unless ``overwrite``.  Returns a :class:`StackResult`.
    ``progress(fraction)``, if given, is called as the dates are read (0 to 0.5) and written (0.5 to 1); an
    exception it raises (:class:`~model_core.errors.Cancelled`) stops the stack with nothing written."""
    from model_core.staging import CannotMake, claim_outputs, scratch_folder
    from model_core.stack import quiet_gdal

    series, left_out, ignored, notes = plan(inputs, bands, None if progress is None else lambda f: progress(f / 2))
    _names(series)
    out_dir = os.path.abspath(str(out_dir))
    all_dates = [d for _, _, dates, _ in series for d in dates]
    styled = [d for d in all_dates if {"Red", "Green", "Blue"} <= {
        _label(d.bands[k].family, d.bands[k].band).split(" (")[0] for k in _names_of(series, d)}]
    targets = ([d.name for d in all_dates] + [d.mask_name for d in all_dates if d.mask_name]
               + [_style_name(d) for d in styled])
    if os.path.lexists(out_dir) and not os.path.isdir(out_dir):
        raise OutputError(_("'{out_dir}' is a file, not a folder: choose a folder for the dates' VRTs (a new one is "
                            "made).").format(out_dir=out_dir))
    # a style of a date this run writes none for (no red, green and blue): QGIS would load it with the new VRT and
    # draw its bands by an earlier run's numbers (NIR as blue): an output of this run too, removed under overwrite
    targets += [_style_name(d) for d in all_dates
                if d not in styled and os.path.lexists(os.path.join(out_dir, _style_name(d)))]
    existing = [t for t in targets if os.path.lexists(os.path.join(out_dir, t))]
    if existing and not overwrite:
        raise OutputError(_("'{out_dir}' already exists ({n_existing} of the "
                            "{n_targets} files). Choose another folder, delete them, or allow overwriting "
                            "({option:full}).").format(option=option("--overwrite"),
                                                       out_dir=os.path.join(out_dir, existing[0]),
                                                       n_existing=len(existing), n_targets=len(targets)))
    placed = []
    scratch, held = None, None
    claim = contextlib.ExitStack()
    # another stack writing these files now (two toolbox runs or command lines with OVERWRITE, the dialog's button
    # beside a toolbox run) is refused before either placed any: the two would replace each other's VRTs and leave a
    # mix of both dates' bands and masks (staging.claim_outputs, as the change detection's runs); the folders are
    # made with the claim (of two stacks into one new folder, the one that makes it goes on)
    try:
        made = claim.enter_context(claim_outputs([os.path.join(out_dir, t) for t in targets], make=True))
    except CannotMake as exc:
        raise OutputError(_("Cannot make the folder '{out_dir}' ({value}): choose a folder you "
                            "can write to.").format(out_dir=out_dir, value=exc.reason)) from None
    failed = True
    try:
        scratch, held = scratch_folder(out_dir, ".caim-stackbands-")
        os.mkdir(os.path.join(scratch, "masks"))
        written = 0
        with quiet_gdal():
            for family, scene, dates, names in series:
                for d in dates:
                    if progress is not None:
                        progress(0.5 + 0.5 * written / len(all_dates))
                    written += 1
                    _write_date(os.path.join(scratch, d.name), d, names)
                    if d in styled:
                        try:  # (a sample of its red, green and blue bands' pixels read)
                            _write_style(os.path.join(scratch, _style_name(d)), os.path.join(scratch, d.name))
                        except RuntimeError as exc:  # a file whose header opens, its pixels not
                            raise InputError(_("A band file of {date} cannot be read ({strip}). Check "
                                               "that it is complete (a download cut short?): download it again, or "
                                               "leave that date out.").format(date=d.date, strip=str(exc).strip())) from None
                    if d.mask_name:
                        _write_mask(os.path.join(scratch, d.mask_name), d, _mask_rule(d, dates))
        if any(d.mask_name for d in all_dates):
            os.makedirs(os.path.join(out_dir, "masks"), exist_ok=True)
        for t in targets:
            target = os.path.join(out_dir, t)
            if os.path.lexists(target) and not overwrite:  # appeared meanwhile: never clobber
                raise OutputError(_("'{target}' appeared while the VRTs were written; nothing was overwritten.").format(
                                      target=target))
            fresh = not os.path.lexists(target)
            if not os.path.lexists(os.path.join(scratch, t)):  # a style not written (no red, green and blue): an
                if not fresh:  # earlier run's, of other bands, goes
                    os.remove(target)
                continue
            os.replace(os.path.join(scratch, t), target)
            if fresh:
                placed.append(target)
    except BaseException:
        for p in placed:
            try:
                os.remove(p)
            except OSError:
                pass
        if placed:
            with contextlib.suppress(OSError):
                os.rmdir(os.path.join(out_dir, "masks"))
        raise
    else:
        failed = False
    finally:
        if held is not None:
            os.close(held)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        claim.close()
        for folder in made if failed else ([out_dir] if out_dir in made else []):  # the folders it made, left empty
            with contextlib.suppress(OSError):
                os.rmdir(folder)
    return StackResult(out_dir, all_dates, [(f, s, ds) for f, s, ds, _ in series], left_out, ignored, notes,
                       {(f, s): n for f, s, _, n in series})


# ------------------------------------------------------------------------------------------- CLI
def main(argv=None):
    """``python -m model_core stackbands INPUTS... --out FOLDER``."""
    import argparse

    from model_core.errors import CaimError

    p = argparse.ArgumentParser(
        prog="python -m model_core stackbands",
        description="Stack imagery stored as one file per band (Landsat Collection 2 Level-1/Level-2, Sentinel-2 "
                    "L1C/L2A .SAFE folders, their .zip, or STAC/COG folders of B04.tif / red.tif, HLS v2.0 L30/S30 "
                    "granules, CBERS-4 AWFI/MUX cubes, or any files named with a date and B<n>) into one virtual "
                    "raster (VRT) per date, <date>.vrt, with the bands named by role so 'detect' needs no --bands, "
                    "the product's scale/offset (reflectance) and nodata, and each date's cloud mask (QA_PIXEL, SCL, "
                    "Fmask, CMASK) as "
                    "masks/<date>_<mask>.vrt. Nothing is copied: the VRTs read the band files where they are.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="band files, folders (searched recursively), "
                   "Sentinel-2 .SAFE folders or .zip files")
    p.add_argument("--out", required=True, metavar="FOLDER", help="folder for the VRTs (created if missing)")
    p.add_argument("--bands", metavar="B1,B2,...", help="the bands to stack, in this order: product band names "
                   "(B04, SR_B4, B13) or roles (red, green, blue, nir, swir1, swir2); default: the sensor's surface "
                   "bands in the sensor's order (Landsat 8-9 B2-B7, Landsat 4-7 B1-B5 and B7, Sentinel-2 the 10 and "
                   "20 m bands, HLS the six both L30 and S30 have: blue, green, red, NIR (L30 B05, S30 B8A), SWIR 1 "
                   "and 2, CBERS B13-B16 or B5-B8)")
    p.add_argument("--overwrite", action="store_true", help="replace VRTs of these names in --out")
    args = p.parse_args(argv)
    from model_core.predict import limit_gdal_cache

    limit_gdal_cache()
    try:
        res = stack_band_files(args.inputs, args.out, bands=args.bands, overwrite=args.overwrite)
    except CaimError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\n" + _("Interrupted; no VRT was written."), file=sys.stderr)
        return 130
    print(res.text())
    return 0
