"""Find the red, green, blue and near-infrared bands of a raster from its own metadata.

The networks read 4 bands in the order red, green, blue, NIR.  Many rasters say which band is which:
ENVI headers carry centre wavelengths (GDAL exposes them as band metadata ``wavelength`` and
``wavelength_units``), GDAL 3.10+ writes ``CENTRAL_WAVELENGTH_UM`` in the ``IMAGERY`` domain, STAC-style
exports name bands ``red``/``nir``, Sentinel-2 stacks name them ``B02``..``B08``, and GeoTIFFs may mark
colour interpretations.  :func:`infer_rgbn` turns that into a 1-based band list, or ``None`` when the
metadata do not identify all four bands unambiguously (then the caller's default applies: bands
1-4 as they are, or an error that asks for a band mapping).

Only unambiguous evidence is used: ``B4`` alone is red for Landsat 8/9 and Sentinel-2 but NIR for
Landsat 5/7, so plain ``B<n>`` names are not trusted; zero-padded Sentinel-2 names (``B02``) are (but not
inside MODIS's ``sur_refl_b02``, which is NIR: MODIS names are read as MODIS bands), and so
are plain ones after an Earth Engine image id that names the sensor (an Earth Engine ``toBands()`` export:
``20190501T101031_20190501T101027_T32TQM_B4``, ``LC08_044034_20140318_SR_B4``, ``LT05_..._SR_B3``).
A single image exported alone keeps plain names; there the file's set of names says the sensor when
one name only that sensor has is among them (``B8A``, ``SCL``: Sentinel-2; ``SR_B6``: Landsat 8/9).
Pure function of a GDAL dataset; no qgis import.
"""

import re

from model_core.i18n import N_, _, translated

# target centre and accepted range (micrometres) per role; the band closest to the centre wins
ROLES = ("red", "green", "blue", "nir")
_CENTRE = {"blue": 0.48, "green": 0.56, "red": 0.655, "nir": 0.84}
_RANGE = {"blue": (0.43, 0.52), "green": (0.52, 0.60), "red": (0.60, 0.70), "nir": (0.76, 0.95)}

# English, and the names German, Spanish, French and Portuguese users give (the plugin speaks German and
# Spanish): Nahes Infrarot / infrarrojo cercano / proche infrarouge / infravermelho proximo, Rot / rojo / rouge
# / vermelho, Grün / verde / vert, Blau / azul / bleu
_NAME_PATTERNS = (
    ("nir", re.compile(r"(^|[^a-z])(nir|nir08|near[ _-]?infra[ _-]?red|nah(es)?[ _-]?infrarot|infrarrojo[ _-]?cercano"
                       r"|proche[ _-]?infrarouge|infravermelho[ _-]?pr[oó]ximo)([^a-z]|$)")),
    ("red", re.compile(r"(^|[^a-z])(red|rot|rojo|rouge|vermelho)([^a-z]|$)")),
    ("green", re.compile(r"(^|[^a-z])(green|grün|gruen|verde|vert)([^a-z]|$)")),
    ("blue", re.compile(r"(^|[^a-z])(blue|blau|azul|bleu)([^a-z]|$)")),
)
_S2_NAMES = {"b02": "blue", "b03": "green", "b04": "red", "b08": "nir"}
# Earth Engine's image ids name the sensor, and toBands() puts them before each band's name
# (<id>_<band>): there a plain B<n> is unambiguous.  Sentinel-2 (20190501T101031_20190501T101027_T32TQM_B4),
# Landsat 8/9 OLI (LC08_044034_20140318_SR_B4) and Landsat 4/5 TM, 7 ETM+ (LT05_..._SR_B3, LE07_...)
_SENSOR_IDS = (
    (re.compile(r"(^|[^0-9a-z])\d{8}t\d{6}_\d{8}t\d{6}_t\d{2}[a-z]{3}_"),
     {"b2": "blue", "b3": "green", "b4": "red", "b8": "nir"}),
    (re.compile(r"(^|[^0-9a-z])l[co]0[89]_\d{6}_\d{8}_"), {"b2": "blue", "b3": "green", "b4": "red", "b5": "nir"}),
    (re.compile(r"(^|[^0-9a-z])l[te]0[457]_\d{6}_\d{8}_"), {"b1": "blue", "b2": "green", "b3": "red", "b4": "nir"}),
)
# MODIS surface reflectance names its bands by MODIS band number (MOD09/MYD09 sur_refl_b01..b07, as Earth
# Engine and the HDF layers name them; MCD43A4 Nadir_Reflectance_Band1..7): band 1 is red, 2 NIR, 3 blue,
# 4 green, 5-7 SWIR (1.24, 1.64, 2.13 um).  The zero-padded number is not Sentinel-2's (sur_refl_b02 is
# NIR, not blue), nor is b01 a coastal band
_MODIS = re.compile(r"(^|[^a-z])(sur_refl_b|nadir_reflectance_band)(\d{1,2})(_\d)?$")
_MODIS_ROLES = {1: "red", 2: "nir", 3: "blue", 4: "green"}


def _modis_band(text):
    """The MODIS band number a band name gives (``sur_refl_b02`` -> 2), or None."""
    m = _MODIS.search((text or "").strip().lower())
    return int(m.group(3)) if m else None


# A single Earth Engine image exported alone keeps its catalogue band names, without an image id: B1..B12,
# B8A, SCL, QA60 for Sentinel-2; SR_B1..SR_B7, QA_PIXEL for Landsat Collection 2 surface reflectance.  One
# such name is ambiguous (B4, SR_B4: red for Sentinel-2 and Landsat 8/9, NIR for Landsat 4-7), but the
# set of a file's names says the sensor when it holds a name only one sensor has: B8A, B12, SCL, QA60,
# MSK_CLDPRB, AOT or WVP (Sentinel-2); SR_B6, SR_QA_AEROSOL or ST_B10 (Landsat 8/9 OLI: Landsat 4-7's
# band 6 is thermal, ST_B6); ST_B6, SR_ATMOS_OPACITY or SR_CLOUD_QA, or the TM/ETM+ reflective set
# SR_B1..SR_B5 and SR_B7 without SR_B6 (Landsat 4-7).  Per name: its role, "other", or "atmosphere" (a
# band :func:`not_surface_band` leaves out: coastal aerosol, water vapour, cirrus, scene classification,
# cloud and snow probabilities, aerosol optical thickness)
_S2_SET = dict({"b2": "blue", "b3": "green", "b4": "red", "b8": "nir"},
               **{n: "other" for n in ("b5", "b6", "b7", "b8a", "b11", "b12", "tci_r", "tci_g", "tci_b")},
               **{n: "atmosphere" for n in ("b1", "b9", "b10", "scl", "qa10", "qa20", "qa60", "msk_cldprb",
                                            "msk_snwprb", "aot", "wvp")})
_OLI_SET = {"sr_b1": "atmosphere", "sr_b2": "blue", "sr_b3": "green", "sr_b4": "red", "sr_b5": "nir",
            "sr_b6": "other", "sr_b7": "other"}
_TM_SET = {"sr_b1": "blue", "sr_b2": "green", "sr_b3": "red", "sr_b4": "nir", "sr_b5": "other", "sr_b7": "other"}
# Sentinel-2 as STAC catalogues name its assets (Earth Search; the names an export of them gives its bands): the
# STAC common names (eo extension) coastal (B01), blue, green, red, rededge1..3 (B05-B07), nir (B08, 842 nm),
# nir08 (B8A, 865 nm), nir09 (B09, 945 nm: water vapour), cirrus (B10), swir16, swir22 (B11, B12), and scl,
# aot, wvp.  Two of them are NIR there: the networks read B08, the 10 m NIR (785-900 nm) on the grid of
# B02-B04, as they read Sentinel-2 everywhere (B08 of B02..B08 names, of an Earth Engine export, of OSCD);
# B8A (20 m, 855-875 nm) is another band then.  (Spectrally B8A is the closer match of Landsat 8/9's NIR,
# 851-879 nm, B08 of TM/ETM+ band 4, 760-900 nm: the training imagery, NAIP and Landsat 5/7/8, holds both
# kinds, so the grid decides.)  A file says it is such a Sentinel-2 export when it holds ``nir`` and
# another NIR or red-edge name; elsewhere ``nir08`` is the NIR (Landsat Collection 2 in STAC names OLI band 5
# and TM/ETM+ band 4 so, Venus its 861 nm band), and ``nir09`` never is (Venus's 909 nm band, Sentinel-2's B09)
_S2_STAC_SET = dict({"blue": "blue", "green": "green", "red": "red", "nir": "nir"},
                    **{n: "other" for n in ("rededge1", "rededge2", "rededge3", "nir08", "swir16", "swir22")},
                    **{n: "atmosphere" for n in ("coastal", "nir09", "cirrus", "scl", "aot", "wvp")})


def _name_set_sensor(names):
    """Per band name (lower case) of a file whose set of names says its sensor (see above): its role,
    "other" or "atmosphere"; None when the names do not say one sensor."""
    n = {(x or "").strip().lower() for x in names}
    s2_stac = "nir" in n and bool(n & {"nir08", "nir09", "rededge1", "rededge2", "rededge3"})
    s2 = s2_stac or (bool(n & {"b8a", "b12", "scl", "qa60", "msk_cldprb", "aot", "wvp"})
                     and not n & {"b02", "b03", "b04"})
    oli = bool(n & {"sr_b6", "sr_qa_aerosol", "st_b10"})
    tm = bool(n & {"st_b6", "sr_atmos_opacity", "sr_cloud_qa"}) or (
        {"sr_b1", "sr_b2", "sr_b3", "sr_b4", "sr_b5", "sr_b7"} <= n and "sr_b6" not in n)
    if s2 + oli + tm != 1:
        return None
    if s2_stac:
        return dict(_S2_SET, **_S2_STAC_SET)
    return _S2_SET if s2 else _OLI_SET if oli else _TM_SET


def file_sensor(ds):
    """:func:`_name_set_sensor` of the band names of ``ds`` (read once, for :func:`not_surface_band` over
    many bands)."""
    return _name_set_sensor(ds.GetRasterBand(b).GetDescription() for b in range(1, ds.RasterCount + 1))


# PlanetScope SuperDove's "green_i" (Green I, 531 nm) and "yellow" are not the standard green band
# (nir09: the STAC common name of a band at 0.85-1.05 um, Sentinel-2's B09 water vapour, Venus's 909 nm: never
# the NIR; lwir, cirrus: thermal and cirrus bands)
_EXCLUDE = re.compile(r"red[ _-]?edge|rededge|borde[ _-]?rojo|bord[ _-]?rouge|rote[ _-]?kante|swir|coastal|aerosol|thermal|alpha|mask|cloud|qa"
                      r"|green[ _-]?i(?![a-z])|yellow|nir09|lwir|cirrus", re.I)


def _to_micrometres(value, units=""):
    try:
        v = float(str(value).strip().split()[0])
    except (ValueError, IndexError):
        return None
    u = (units or "").strip().lower()
    if u.startswith("nano") or u == "nm" or (not u and v > 100):
        v /= 1000.0
    elif u.startswith("milli") or u == "mm":
        v *= 1000.0
    return v if 0.3 <= v <= 15.0 else None


def band_wavelength(band):
    """Centre wavelength of a GDAL band in micrometres from its metadata, or None."""
    try:
        imagery = band.GetMetadata("IMAGERY") or {}
    except Exception:  # older GDAL or a driver without the domain
        imagery = {}
    if imagery.get("CENTRAL_WAVELENGTH_UM"):
        return _to_micrometres(imagery["CENTRAL_WAVELENGTH_UM"], "um")
    md = {k.lower(): v for k, v in (band.GetMetadata() or {}).items()}
    for key in ("central_wavelength_um", "wavelength", "center_wavelength", "centre_wavelength"):
        if key in md:
            units = md.get("wavelength_units", "um" if key.endswith("_um") else "")
            return _to_micrometres(md[key], units)
    m = re.search(r"\(([0-9.]+)\s*(micrometers|micrometres|microns|nanometers|nanometres|um|nm)\)",
                  band.GetDescription() or "", re.I)
    if m:
        return _to_micrometres(m.group(1), m.group(2))
    return None


# bands that see the atmosphere or temperature rather than the surface's reflectance: a CVA over them
# reports haze, water vapour, cirrus or a warm day as change (coastal/aerosol below 0.45 um, water
# vapour about 0.94 um, cirrus about 1.375 um, thermal beyond 3 um)
_NOT_SURFACE_WL = ((0.0, 0.45), (0.92, 0.97), (1.33, 1.41), (3.0, 100.0))
_NOT_SURFACE_NAME = re.compile(r"coastal|aerosol|cirrus|water[ _-]?vapou?r|thermal|(^|[^a-z])(tir|lwir)"
                               r"|(^|[^a-z0-9])b(01|09|10)([^0-9]|$)|mask|cloud|(^|[^a-z])qa", re.I)


def not_surface_band(band, sensor=False):
    """True when a GDAL band's metadata say it measures the atmosphere or temperature (coastal aerosol,
    water vapour, cirrus, thermal), or is a mask or QA band: the bands the fusion's CVA part leaves
    out.  Zero-padded Sentinel-2 names B01, B09 and B10 count (as do Landsat 8/9's B10 thermal), and plain
    names in a file whose set of names says its sensor (:func:`file_sensor`, which ``sensor`` may pass);
    without such metadata a band is kept."""
    wl = band_wavelength(band)
    if wl is not None:
        return any(lo <= wl < hi for lo, hi in _NOT_SURFACE_WL)
    if _modis_band(band.GetDescription()) is not None:  # surface reflectance (sur_refl_b01 is red)
        return False
    if sensor is False:  # not given: read the file's names (callers over many bands pass file_sensor(ds))
        sensor = file_sensor(band.GetDataset())
    name = (band.GetDescription() or "").strip().lower()
    if sensor and name in sensor:  # e.g. B1 of a Sentinel-2 export is coastal aerosol, of Landsat 5 blue
        return sensor[name] == "atmosphere"
    return bool(_NOT_SURFACE_NAME.search(band.GetDescription() or ""))


def _role_by_wavelength(wl):
    for role in ROLES:
        lo, hi = _RANGE[role]
        if lo <= wl < hi:
            return role
    return None


def _role_by_name(text, sensor=None):
    """Role a band name says; ``sensor``: :func:`_name_set_sensor` of the file's names, for plain names."""
    t = (text or "").strip().lower()
    if sensor and t in sensor:
        return sensor[t] if sensor[t] in ROLES else None
    for pattern, names in _SENSOR_IDS:  # after the image id, the band's own name: B4, SR_B4, B8A, QA60
        m = pattern.search(t)
        if m:
            band = t[m.end():]
            return None if _EXCLUDE.search(band) else names.get(re.split(r"[^a-z0-9]+", band)[-1])
    modis = _modis_band(t)
    if modis is not None:
        return _MODIS_ROLES.get(modis)
    if not t or _EXCLUDE.search(t):
        return None
    for token in re.split(r"[^a-z0-9]+", t):
        if token in _S2_NAMES:
            return _S2_NAMES[token]
    for role, pattern in _NAME_PATTERNS:
        if pattern.search(t):
            return role
    return None


def _role_by_colour(band):
    from osgeo import gdal
    ci = band.GetColorInterpretation()
    table = {gdal.GCI_RedBand: "red", gdal.GCI_GreenBand: "green", gdal.GCI_BlueBand: "blue"}
    nir = getattr(gdal, "GCI_NIRBand", None)
    if nir is not None:
        table[nir] = "nir"
    return table.get(ci)


def infer_rgbn(ds):
    """``(bands, source)``: 1-based band numbers used as R, G, B, NIR and what they were read from
    ("wavelengths", "band names", "colour interpretation"), or ``(None, None)``.

    Wavelengths are tried first (all bands must have one), then band names, then colour
    interpretation (which only counts when it names NIR too: a plain RGB(A) GeoTIFF says nothing
    about a fourth band).  Each role must be found exactly once (for wavelengths: the band closest
    to the role's centre)."""
    n = ds.RasterCount
    bands = [ds.GetRasterBand(b) for b in range(1, n + 1)]
    wls = [band_wavelength(b) for b in bands]
    if n >= 4 and all(w is not None for w in wls):
        best = {}
        for i, wl in enumerate(wls):
            role = _role_by_wavelength(wl)
            if role and (role not in best or abs(wl - _CENTRE[role]) < abs(wls[best[role]] - _CENTRE[role])):
                best[role] = i
        if len(best) == 4:
            return [best[r] + 1 for r in ROLES], "wavelengths"
        return None, None
    sensor = file_sensor(ds)
    for source, finder in (("band names", lambda b: _role_by_name(b.GetDescription(), sensor)),
                           ("colour interpretation", _role_by_colour)):
        found = {}
        for i, b in enumerate(bands):
            role = finder(b)
            if role:
                found.setdefault(role, []).append(i + 1)
        if all(len(found.get(r, [])) == 1 for r in ROLES):
            return [found[r][0] for r in ROLES], source
    return None, None


def band_roles(ds):
    """Per band of ``ds``, ``(role, evidence)`` as far as its own metadata say: role "red", "green",
    "blue" or "nir", "other" (a band named or centred as something else: SWIR, red edge, coastal,
    thermal, a mask or QA band), or None (nothing said, or a name that is not trusted such as ``B4``);
    evidence is what the role was read from, shortly ("'SWIR1'" for a name, "1.61 um" for a
    wavelength, "colour Blue" for a colour interpretation).  Unlike :func:`infer_rgbn` this reads every
    band on its own, for the bands of a raster whose metadata do not name all four roles."""
    from osgeo import gdal
    out = []
    sensor = file_sensor(ds) or {}
    for i in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(i)
        wl, name = band_wavelength(band), (band.GetDescription() or "").strip()
        named, colour = _role_by_name(name, sensor), _role_by_colour(band)
        if wl is not None:
            out.append((_role_by_wavelength(wl) or "other", f"{wl:.3g} um"))
        elif name and (named or _EXCLUDE.search(name) or _modis_band(name) is not None or name.lower() in sensor):
            # an excluded name (SWIR, red edge, ...) or a MODIS band other than 1-4 has no role
            out.append((named or "other", f"'{name}'"))
        elif colour:
            out.append((colour, f"colour {gdal.GetColorInterpretationName(band.GetColorInterpretation())}"))
        else:
            out.append((None, ""))
    return out


def infer_partial(ds, mapping=None):
    """``(bands, note)`` for a 4-band raster whose metadata name some of its bands but not all four roles
    (:func:`band_roles`).  ``(None, None)`` when what they say agrees with bands 1-4 as R, G, B, NIR (or
    they say nothing).  When they name three roles once each and leave one band undescribed, that band
    takes the missing role (e.g. colour interpretations blue, green, red and an undefined fourth band:
    3,2,1,4).  Otherwise ``(None, message)``: the message says what the metadata say and what to do
    (``mapping`` names where a band mapping is given).

    A 3-band raster (or 3 bands and an alpha) whose names or wavelengths describe every band, and not as red,
    green and blue in some order (:func:`infer_rgb_only` reads those), gets ``(None, message)`` too: e.g. red, NIR, SWIR
    has no green and no blue band for the networks (which read green in place of a missing NIR, not the
    other way round), while CVA and ISFA use it as it is."""
    if ds.RasterCount != 4:
        return _three_bands_refused(ds)
    mapping = mapping or _("the band mapping (--bands on the command line, BANDS in Processing)")
    roles = band_roles(ds)
    if all(r is None or r == d for (r, _), d in zip(roles, ROLES)):
        return None, None
    found = {}
    for b, (r, _why) in enumerate(roles, 1):
        if r in ROLES:
            found.setdefault(r, []).append(b)
    undescribed = [b for b, (r, _) in enumerate(roles, 1) if r is None]
    missing = [r for r in ROLES if r not in found]

    word = _role_word
    said = _said(roles)
    if all(len(v) == 1 for v in found.values()) and len(missing) == 1 and len(undescribed) == 1:
        found[missing[0]] = undescribed
        bands = [found[r][0] for r in ROLES]
        return bands, _("{bands} as R, G, B, NIR (the band metadata say {said}; band {band}, which they do not "
                        "describe, is taken as {role})").format(bands=','.join(map(str, bands)), said=said,
                                                                band=undescribed[0], role=word(missing[0]))
    lack = (_("no {roles} band").format(roles=_(" or ").join(word(r) for r in missing)) if missing else
            _("a role named twice"))
    return None, _("its band metadata say {said}: {lack}. The networks need red, green, blue and NIR: give "
                   "{mapping} if the file has them (e.g. 3,2,1,4), or choose CVA or ISFA, which use every band").format(
        said=said, lack=lack, mapping=mapping)


_ROLE_WORDS = {"red": N_("red"), "green": N_("green"), "blue": N_("blue")}


def _role_word(role):
    """A role's name in messages: 'red', 'green', 'blue' (translated), 'NIR'."""
    return "NIR" if role == "nir" else translated(_ROLE_WORDS[role]) if role in _ROLE_WORDS else role


def _said(roles):
    """'band 1 'Red', band 2 1.61 um (none of R, G, B, NIR)': what the bands' metadata say (:func:`band_roles`)."""
    return ", ".join(_("band {b} {why}").format(b=b, why=why) + (_(" (none of R, G, B, NIR)") if r == "other" else "")
                     for b, (r, why) in enumerate(roles, 1) if r is not None)


def rgb_only_mapping(bands):
    """The bands a network reads for the band mapping ``bands`` (1-based): a mapping of three is RGB-only imagery,
    R, G, B in its order with green again in place of the missing NIR (3,2,1 reads as 3,2,1,2, as a 3-band input
    without a mapping is read); any other mapping as it is.  The one rule: detect (:mod:`model_core.stack`) and
    evaluate (its ``--bands``) apply it."""
    bands = list(bands)
    return bands + bands[1:2] if len(bands) == 3 else bands


def rgb_mapping_refusal(ds, bands):
    """Why a band mapping ``bands`` of three bands of ``ds``, which a network reads as red, green, blue in its order
    (green also in place of the missing NIR), cannot be read so: what the bands' names or wavelengths
    (:func:`band_roles`) say of those they call something else (each named once; the bands whose metadata agree with
    their place are not named: the refusal listed them too, 'band 1 'red'' among the bands in the way); None when
    they agree or say nothing (colour interpretations do not count: GDAL tags any 3-band byte GeoTIFF R, G, B,
    whatever its order)."""
    roles = band_roles(ds)
    picked = [(b, *roles[b - 1]) if 1 <= b <= len(roles) else (b, None, "") for b in bands]
    said = []
    for (b, r, why), want in zip(picked, ("red", "green", "blue")):
        if r is not None and r != want and not why.startswith("colour") and b not in [d[0] for d in said]:
            said.append((b, r, why))
    if not said:
        return None
    return _("the band mapping {mapping} is read as red, green, blue (green also in place of the missing NIR), but the "
             "band metadata say {said}. Give the red, green and blue bands in that order, or choose CVA or ISFA, which "
             "use every band as it is").format(
        mapping=",".join(map(str, bands)),
        said=", ".join(_("band {b} {why}").format(b=b, why=why) + (_(" (none of R, G, B, NIR)") if r == "other" else "")
                       for b, r, why in said))


def rgb_mapping_refusal_path(path, bands):
    """:func:`rgb_mapping_refusal` of the file ``path`` (one open; the QGIS plugin's check of a Bands mapping of
    three bands before the run, which the engine's band check would refuse); None when the file cannot be opened
    or a band is out of range (the run says that one)."""
    ds = _open_path(path)
    if ds is None or not all(1 <= int(b) <= ds.RasterCount for b in bands):
        return None
    return rgb_mapping_refusal(ds, [int(b) for b in bands])


def _three_bands_refused(ds):
    """``(None, message)`` of :func:`infer_partial` for a 3-band raster whose metadata say what each band is,
    but not red, green and blue; ``(None, None)`` otherwise."""
    if _colour_bands(ds) != [1, 2, 3]:
        return None, None
    roles = band_roles(ds)[:3]
    # some band undescribed, or only by its colour interpretation (GDAL tags any 3-band byte GeoTIFF R, G, B):
    # the band count's own message; R, G, B in any order: RGB-only imagery, read as such
    if any(r is None or why.startswith("colour") for r, why in roles) or sorted(
            r for r, _ in roles) == ["blue", "green", "red"]:
        return None, None
    said = _said(roles)
    named = {r for r, _why in roles}
    missing = [r for r in ("red", "green", "blue") if r not in named]
    return None, _("its band metadata say {said}: {lack}. The networks need red, green and blue bands (with green "
                   "in place of a missing NIR), which this imagery does not have: choose CVA or ISFA, which use every "
                   "band as it is").format(said=said, lack=_("no {roles} band").format(
                       roles=_(" and no ").join(_role_word(r) for r in missing)))


def _colour_bands(ds):
    """1-based data bands of an RGB-only raster (3 bands, or 3 + a true 0/255 alpha), else None."""
    n = ds.RasterCount
    if n == 3:
        return [1, 2, 3]
    if n == 4:
        from model_core.stack import is_true_alpha

        if is_true_alpha(ds.GetRasterBand(4)):
            return [1, 2, 3]
    return None


def infer_rgb_only(ds):
    """``(bands, source)`` for RGB-only imagery: ``[r, g, b, g]``, the green band standing in for the
    missing NIR (the networks learned that substitution from the SpaceNet 7 training pixels), and
    where the roles come from ("wavelengths", "band names", "colour interpretation", or "assumed"
    when the raster says nothing and bands 1, 2, 3 are taken as red, green, blue).  ``(None, None)``
    when ``ds`` is not RGB-only (other band counts, a NIR band among the three, conflicting roles)."""
    data = _colour_bands(ds)
    if data is None:
        return None, None
    bands = [ds.GetRasterBand(b) for b in data]
    wls = [band_wavelength(b) for b in bands]
    # names before colours, as in infer_rgbn: GeoTIFF writers tag any 3-band byte file R, G, B by
    # default, while a band name (e.g. "Blue", "Green", "Red" for a B, G, R file) is written on purpose
    sensor = file_sensor(ds)
    finders = [("band names", lambda b: _role_by_name(b.GetDescription(), sensor)),
               ("colour interpretation", _role_by_colour)]
    if all(w is not None for w in wls):
        finders.insert(0, ("wavelengths", None))
    for source, finder in finders:
        roles = ([_role_by_wavelength(w) for w in wls] if finder is None else [finder(b) for b in bands])
        if not any(roles) or (source == "band names" and None in roles and "nir" not in roles):
            continue  # no names, or names for some bands only: the next source decides
        if sorted(r or "" for r in roles) != ["blue", "green", "red"]:
            return None, None  # e.g. a colour-infrared composite (NIR, R, G): not RGB
        by_role = {r: b for r, b in zip(roles, data)}
        return [by_role["red"], by_role["green"], by_role["blue"], by_role["green"]], source
    return [1, 2, 3, 2], "assumed"


def describe_rgb_only(bands, source, training=None):
    """'1,2,3 as R, G, B and band 2 (green) in place of NIR (RGB-only, ...)'.  ``training``: what to say of the
    weights file that runs (:func:`rgb_only_training`); None: the bundled CAIM-Net file's."""
    roles = (_("roles assumed: the band metadata do not say which is which") if source == "assumed" else
             _("roles from the band mapping: red, green, blue in its order") if source == "mapping" else
             _("roles from the rasters' {source}").format(source=source_text(source)))
    training = training or _("the bundled CAIM-Net file saw no RGB-only imagery in training: the model card gives "
                             "the figures")
    return _("{bands} as R, G, B and band {green} (green) in place of the missing NIR (RGB-only imagery; {roles}; "
             "accuracy is lower without NIR, and {training})").format(
        bands=','.join(map(str, bands[:3])), green=bands[1], roles=roles, training=training)


def rgb_only_training(name, green_as_nir):
    """What :func:`describe_rgb_only` says of a weights file ``name`` the user gave: trained on RGB-only imagery
    read the same way (its record's ``green_as_nir``), or not by its record.  (It said "the bundled CAIM-Net
    file saw no RGB-only imagery" of every file.)"""
    if green_as_nir:
        return _("the weights file '{name}' was trained on RGB-only imagery read the same way").format(name=name)
    return _("the weights file '{name}' records no RGB-only imagery in its training: check its results on a few "
             "points you know").format(name=name)


def describe(bands, source):
    """'3,2,1,4 (R, G, B, NIR, from the band wavelengths)'."""
    return _("{bands} as R, G, B, NIR (from the rasters' {source})").format(bands=','.join(map(str, bands)),
                                                                           source=source_text(source))


_SOURCES = {"wavelengths": N_("wavelengths"), "band names": N_("band names"),
            "colour interpretation": N_("colour interpretation")}


def source_text(source):
    """Where the roles were read from ('wavelengths', 'band names', 'colour interpretation': the values
    :func:`infer_rgbn` and :func:`infer_rgb_only` return), in the messages' language."""
    return translated(_SOURCES[source]) if source in _SOURCES else source


def _open_path(path):
    from osgeo import gdal

    try:
        return gdal.Open(str(path))
    except RuntimeError:
        return None


def infer_rgbn_path(path):
    """:func:`infer_rgbn` for a file: ``(bands, source, band count)``, or ``(None, None, None)`` when
    the file cannot be opened or its metadata do not say which band is which."""
    ds = _open_path(path)
    bands, source = infer_rgbn(ds) if ds is not None else (None, None)
    return (bands, source, ds.RasterCount) if bands else (None, None, None)


def engine_roles_path(path, mapping=None):
    """What the engine reads from a file without a band mapping, from one open:
    ``((bands, source) of :func:`infer_rgbn`, (bands, source) of :func:`infer_rgb_only`, (bands, note) of
    :func:`infer_partial` with ``mapping``, band count)`` (each later reading only where the earlier
    ones found nothing), or None when the file cannot be opened."""
    ds = _open_path(path)
    if ds is None:
        return None
    mapping = mapping or _("Bands")
    none = (None, None)
    rgbn = infer_rgbn(ds)
    rgb = infer_rgb_only(ds) if rgbn[0] is None else none
    partial = infer_partial(ds, mapping) if rgbn[0] is None and rgb[0] is None else none
    return rgbn, rgb, partial, ds.RasterCount
