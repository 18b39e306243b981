"""Turning the user's raster layers into plain facts for the engine (main thread only).

The engine never sees a QgsMapLayer: :func:`describe_layers` turns layers into dicts of file path,
bands and date, and :func:`validate` reports problems before anything runs.  Both the dialog (inline
messages) and the Processing algorithm (prepareAlgorithm) use these functions.
"""

import os
import re

from qgis.core import (QgsCoordinateTransform, QgsMapLayerType, QgsProject, QgsProviderRegistry, QgsRaster,
                       QgsRasterLayer)

from caim_qgis_plugin import models as mdl
from caim_qgis_plugin.i18n import noop, number, translator

tr = translator("CaimInputs")

ERROR, WARNING, INFO = "error", "warning", "info"

_METADATA_DATE_KEYS = (
    "ACQUISITION_DATE", "ACQUISITIONDATE", "DATE_ACQUIRED", "SENSING_TIME", "SENSING_DATE",
    "DATETIME", "DATE", "START_TIME", "PRODUCT_START_TIME", "TIFFTAG_DATETIME",
)


def _fallback_parse_date(text):
    if not text:
        return None
    text = str(text)
    m = re.search(r"(?<!\d)((?:19|20)\d\d)[-_.:/]?(0[1-9]|1[0-2])[-_.:/]?(0[1-9]|[12]\d|3[01])(?!\d)", text)
    if m:
        return "%s-%s-%s" % m.groups()
    m = re.search(r"(?<!\d)((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])(?!\d)", text)
    if m:
        return "%s-%s" % m.groups()
    m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)
    return m.group(1) if m else None


def parse_date(text):
    """ISO date from free text: the engine's parser, completed by a local one for metadata spellings."""
    if not text:
        return None
    try:
        from model_core.stack import parse_date as engine_parse
    except ImportError:
        engine_parse = None
    if engine_parse is not None:
        try:
            value = engine_parse(str(text))
        except Exception:  # an unparseable name simply has no date
            value = None
    else:
        value = None
    local = _fallback_parse_date(text)
    # the more precise of the two wins (e.g. EXIF-style "2018:07:16 10:00:00" -> 2018-07-16)
    if value and (not local or len(value) >= len(local)):
        return value
    return local


def typed_date(text):
    """A date the user typed (the Date cell, Processing's DATES): the engine's strict reading, year
    first and a real calendar date ("15.08.2020" or "2020-02-30" -> None, never cut to the year)."""
    from model_core.stack import parse_given_date

    return parse_given_date(text)


# the engine's advice for a refused date, shown in the interface's language: the dialog's and the
# algorithm's own sentence around it is translated ("Unlesbares Datum '31.02.1990' für '1990': write it
# year first, ..." read half German, half English)
DATE_HINTS = (noop("write it year first, YYYY-MM-DD (day and month orders differ between countries, so the engine "
                   "does not guess)"),
              noop("use YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY, a real calendar date"))


def date_advice(text):
    """What to do about a typed date that :func:`typed_date` refused."""
    from model_core.stack import date_hint

    hint = date_hint(text)
    return tr(hint) if hint in DATE_HINTS else hint


def layer_list_problem(value, name, context=None):
    """What is wrong with an entry of a Processing layer-list parameter ``name`` (INPUT, MASKS) that QGIS
    refused with its generic "Incorrect parameter value": a path that is neither a file nor a loaded layer,
    or a file GDAL cannot open as a raster.  None when no entry is found wrong."""
    from qgis.core import QgsProcessingUtils

    values = value if isinstance(value, (list, tuple)) else [value]
    for entry in values:
        if not isinstance(entry, str) or not entry:
            continue
        if context is not None and QgsProcessingUtils.mapLayerFromString(entry, context, False) is not None:
            continue
        path = entry.split("|")[0]
        if path.startswith("/vsi") or re.match(r"^[A-Za-z][A-Za-z0-9_]+:(?![\\/])", path):
            continue  # a GDAL connection string: QGIS's own message stands
        if not os.path.exists(path):
            return (tr("%s: '%s' is neither a file nor a loaded layer. Check the path (was the file moved or "
                    "renamed?).") % (name, entry))
        if os.path.isdir(path):
            return tr("%s: '%s' is a folder; give the image files in it, one per date.") % (name, entry)
        return (tr("%s: '%s' cannot be opened as a raster: give the raster images (GeoTIFF or any format GDAL "
                "reads)%s.") % (name, entry, tr(", one per date") if name == "INPUT" else tr(", one mask per date")))
    return None


def layer_source(layer):
    """The GDAL dataset name of a raster layer (file path, VRT, or a GDAL connection string)."""
    source = layer.source()
    if "|" in source:
        decoded = QgsProviderRegistry.instance().decodeUri(layer.providerType(), source)
        if decoded.get("path"):
            return decoded["path"]
    return source


def _metadata_date(path):
    try:
        from osgeo import gdal
    except ImportError:
        return None
    try:
        ds = gdal.Open(path)
    except Exception:  # unreadable metadata just means no date from metadata
        return None
    if ds is None:
        return None
    domains = [ds.GetMetadata() or {}, ds.GetRasterBand(1).GetMetadata() or {}] if ds.RasterCount else [
        ds.GetMetadata() or {}]
    for md in domains:
        upper = {k.upper(): v for k, v in md.items()}
        for key in _METADATA_DATE_KEYS:
            if key in upper:
                value = parse_date(upper[key])
                if value:
                    return value
    return None


def date_for_layer(layer):
    """(date, where it came from) parsed from the layer name, then the file name, then metadata."""
    value = parse_date(layer.name())
    if value:
        return value, tr("layer name")
    path = layer_source(layer)
    value = parse_date(os.path.basename(path))
    if value:
        return value, tr("file name")
    value = _metadata_date(path)
    if value:
        return value, tr("metadata")
    return None, None


def parse_bands(text):
    """'1,2,3,4' -> [1, 2, 3, 4]; empty -> None.  Raises ValueError with a user-facing message."""
    if text is None or not str(text).strip():
        return None
    try:
        bands = [int(part) for part in re.split(r"[,\s;]+", str(text).strip()) if part]
    except ValueError:
        raise ValueError(tr("Bands must be comma-separated band numbers such as '1,2,3,4' "
                         "(red, green, blue, near-infrared).")) from None
    if not bands or min(bands) < 1:
        raise ValueError(tr("Band numbers start at 1; got '%s'.") % text)
    return bands


def parse_dates(text, count):
    """'2019-01-01, 2020-01-01' -> list of ISO dates (an empty entry -> None); empty -> None.

    Raises ValueError with a user-facing message."""
    if text is None or not str(text).strip():
        return None
    parts = [p.strip() for p in str(text).split(",")]
    if len(parts) != count:
        raise ValueError(tr("DATES has %d entries but %d layers were given; give one date per layer, "
                         "in layer order, separated by commas.") % (len(parts), count))
    out = []
    for part in parts:
        if not part:
            out.append(None)  # unknown: the engine parses it from the file name or metadata
            continue
        value = typed_date(part)
        if not value:
            raise ValueError(tr("'%s' in DATES is not a date: %s.") % (part, date_advice(part)))
        out.append(value)
    return out


def masks_by_date(masks, masked_dates, count):
    """One cloud mask (or None) per layer, from the Processing parameters MASKS and MASKED_DATES.

    ``masks``: the MASKS list; ``masked_dates``: MASKED_DATES, comma-separated 1-based positions of the
    layers that the masks belong to, the k-th mask to the k-th position (e.g. '2,5'); empty = one mask
    per layer, in layer order; ``count``: the number of layers.  Returns None when there is no mask.
    Raises ValueError with a user-facing message."""
    masks = list(masks or [])
    text = "" if masked_dates is None else str(masked_dates).strip()
    if not text:
        if masks and len(masks) != count:
            raise ValueError(tr("%d cloud masks for %d layers: give one mask per layer, in the same order, or set "
                             "MASKED_DATES to the positions of the layers they belong to (e.g. 2,5 for masks of "
                             "the second and fifth layers).") % (len(masks), count))
        return masks or None
    positions = []
    for part in (p.strip() for p in text.split(",")):
        if not re.fullmatch(r"\d+", part):
            raise ValueError(tr("MASKED_DATES '%s': %s is not a layer position. Give the 1-based positions of the "
                             "input layers that have a cloud mask, comma-separated, e.g. 2,5.")
                             % (text, "'%s'" % part if part else tr("an empty entry")))
        position = int(part)
        if not 1 <= position <= count:
            raise ValueError((tr("MASKED_DATES '%s': position %d is out of range; there is %d input layer "
                                 "(positions 1 to %d).") if count == 1 else
                              tr("MASKED_DATES '%s': position %d is out of range; there are %d input layers "
                                 "(positions 1 to %d).")) % (text, position, count, count))
        if position in positions:
            raise ValueError(tr("MASKED_DATES '%s': position %d is given twice; a date has at most one cloud "
                             "mask.") % (text, position))
        positions.append(position)
    if len(positions) != len(masks):
        raise ValueError(tr("MASKED_DATES '%s' lists %s but MASKS has %s: give one mask per listed date, in the "
                            "same order%s.") % (
                             text, (tr("%d date") if len(positions) == 1 else tr("%d dates")) % len(positions),
                             (tr("%d cloud mask") if len(masks) == 1 else tr("%d cloud masks")) % len(masks),
                             "" if masks else tr(", or leave MASKED_DATES empty")))
    out = [None] * count
    for position, mask in zip(positions, masks):
        out[position - 1] = mask
    return out


def parse_clear_values(text):
    """'0' / '4-7,11' / 'bit6&!bit4' -> the mask values meaning clear, as the engine reads them.

    Raises ValueError with the engine's user-facing message (the engine ships inside the plugin; it is
    imported here, not at QGIS start-up)."""
    from model_core.errors import InputError
    from model_core.stack import parse_clear_values as engine_parse

    try:
        return engine_parse(text)
    except InputError as exc:
        raise ValueError(str(exc)) from None


def format_clear_values(values):
    """The engine's text form of parsed clear values ('0', '4-7,11', 'bit6&!bit4')."""
    from model_core.stack import format_clear_values as engine_format

    return engine_format(values)


def describe_layers(layers, dates=None, bands=None, masks=None):
    """[{'path', 'date', 'bands', 'name'[, 'mask']}] for the engine, one per layer, order kept;
    ``masks``: one mask layer (or None) per layer."""
    facts = []
    for i, layer in enumerate(layers):
        entry = {"path": layer_source(layer), "name": layer.name()}
        if masks and i < len(masks) and masks[i] is not None:
            entry["mask"] = layer_source(masks[i])
        date = (dates[i] if dates else None) or date_for_layer(layer)[0]
        if date:
            entry["date"] = date
        if bands:
            entry["bands"] = list(bands)
        facts.append(entry)
    return facts


def _usable_band_count(layer):
    """Bands the engine reads from ``layer`` without a band mapping: an alpha band beyond the 4 bands
    of the networks is dropped, and so is a true alpha (a 0/255 mask) as 4th band (as the engine does)."""
    count = layer.bandCount()
    provider = layer.dataProvider()
    if count > mdl.NETWORK_BANDS:
        count -= sum(1 for b in range(1, count + 1) if provider.colorInterpretation(b) == QgsRaster.AlphaBand)
    elif count == mdl.NETWORK_BANDS and provider.colorInterpretation(count) == QgsRaster.AlphaBand:
        # R, G, B + a true alpha is 3 bands for the engine (a NIR band merely flagged alpha stays)
        try:
            from osgeo import gdal

            from model_core.stack import is_true_alpha

            ds = gdal.Open(layer.source())
            true_alpha = ds is not None and is_true_alpha(ds.GetRasterBand(count))
        except Exception:  # unreadable here: the engine decides and says so
            true_alpha = False
        if true_alpha:
            count -= 1
    return count


def multi_date_candidate(layers):
    """Whether ``layers`` is one valid, file-based raster of two or more bands: perhaps a whole series stored
    as bands (to split with caim:splitdates, which reads files only; another layer gets its own problem)."""
    return (len(layers) == 1 and isinstance(layers[0], QgsRasterLayer) and layers[0].isValid()
            and layers[0].providerType() == "gdal" and not _missing_file(layers[0]) and layers[0].bandCount() >= 2)


# on a date layer of a multi-date raster split by the dialog's Run: the raster's source, which the run report
# names once for all its dates ("gee_export.tif (3 dates)"), as for a raster given to caim:detectchanges
SPLIT_SOURCE_PROPERTY = "caim/split_source"


def split_source(layer):
    """The source of the multi-date raster whose date ``layer`` is (:data:`SPLIT_SOURCE_PROPERTY`), or None
    (not a date of one, or that raster's file is gone)."""
    source = layer.customProperty(SPLIT_SOURCE_PROPERTY) if layer is not None else None
    if not source:
        return None
    from model_core.stacked import source_file

    return source if source_file(source) or source.startswith("/vsi") else None  # (inside an archive: as it is)


_DATED = {}  # {(source, mtime, size): whether its band names carry dates}: validate runs at every check
_PLANS = {}  # {((source, mtime, size), ...) of a unit: (its dates, or None and why it cannot be split)}
_GROUPS = {}  # {((source, mtime, size), ...): which of them are variables of one cube}: GDAL opens each to tell


def file_state(path):
    """``path`` with its file's modification time and size, as the caches of the dialog and the image chips
    key it: a file written anew (a scene exported again under its name, the next run's outputs into the same
    folder) is read anew."""
    try:
        from model_core.stacked import source_file

        st = os.stat(source_file(path) or path)
        return (path, st.st_mtime_ns, st.st_size)
    except (ImportError, OSError, TypeError, ValueError):
        return (path, None, None)


def _file_key(layer):
    return file_state(layer_source(layer))


def holds_dates(layer):
    """Whether ``layer`` (a valid raster file of 2 bands or more) holds several dates by its own metadata: its
    band names carry dates (an Earth Engine toBands() export) or it is a NetCDF variable over time."""
    if not multi_date_candidate([layer]):
        return False
    try:
        from model_core.stacked import names_carry_dates
    except ImportError:  # no engine: its own message says so
        return False
    key = _file_key(layer)
    if key not in _DATED:
        try:
            _DATED[key] = bool(names_carry_dates(key[0]))
        except Exception:  # unreadable here: the run names the problem
            _DATED[key] = False
    return _DATED[key]


def split_units(layers, every=False):
    """The multi-date rasters among ``layers`` (:func:`holds_dates`; ``every``: all of them, as BANDS_PER_DATE
    makes them), each a tuple of layers in ``layers``' order: a layer alone, or the variables over time of one
    NetCDF file (QGIS adds one layer per variable) together, whose dates have one band per variable
    (model_core.stacked.group_variables)."""
    from model_core.stacked import variable_groups

    held = list(layers) if every else [layer for layer in layers if holds_dates(layer)]
    key = tuple(_file_key(layer) for layer in held)  # (the dialog asks at every check, several times)
    if key not in _GROUPS:
        _GROUPS[key] = variable_groups([source for source, _, _ in key])
    return [tuple(held[i] for i in idx) for idx in _GROUPS[key]]


def unit_source(unit):
    """What model_core.stacked splits for a :func:`split_units` unit: a layer's source, or the Variables."""
    from model_core.stacked import Variables

    return Variables(layer_source(layer) for layer in unit) if len(unit) > 1 else layer_source(unit[0])


def unit_raster(unit):
    """The raster a :func:`split_units` unit's dates read (the run report names it, and no output may
    overwrite it): the layer's source, or for the variables of a cube together the cube's file (else, no
    such file, the first variable's source)."""
    if len(unit) == 1:
        return layer_source(unit[0])
    from model_core.stacked import source_file

    return source_file(layer_source(unit[0])) or layer_source(unit[0])


def unit_name(unit):
    """A :func:`split_units` unit as messages name it: the layer's name, or the file and its variables."""
    if len(unit) == 1:
        return unit[0].name()
    raster = unit_raster(unit)
    return "%s (%s)" % (os.path.basename(raster) if raster != layer_source(unit[0]) else unit[0].name(),
                        ", ".join(layer_source(layer).rsplit(":", 1)[-1].strip('"') for layer in unit))


def held_dates(unit):
    """``(dates, problem)`` of a :func:`split_units` unit (or one layer that :func:`holds_dates`): the dates its
    split gives (date or None each) and None, or None and the engine's reason why it cannot be split so."""
    from model_core.errors import CaimError
    from model_core.stacked import split_dates

    unit = tuple(unit) if isinstance(unit, (tuple, list)) else (unit,)
    key = tuple(_file_key(layer) for layer in unit)
    if key not in _PLANS:
        try:
            _PLANS[key] = (split_dates(unit_source(unit)), None)
        except CaimError as exc:
            _PLANS[key] = (None, str(exc))
    return _PLANS[key]


def band_files(layers, dates):
    """{date: [layers]} of the one-band layers that share a date with another (the band files of a date, one file
    per band: Sentinel-2, CBERS, Landsat), in date order; {} when there are none."""
    shared = {}
    for layer, d in zip(layers, dates):
        if d:
            shared.setdefault(d, []).append(layer)
    return {d: shared[d] for d in sorted(shared) if len(shared[d]) > 1 and all(
        isinstance(lyr, QgsRasterLayer) and lyr.bandCount() == 1 for lyr in shared[d])}


def validate(layers, dates=None, bands=None, model=mdl.AUTO, weights=None, masks=None, mapping_warning=True,
             bands_notes=True):
    """Problems with a planned run, as [(level, message)], errors first.  Main thread only.

    ``model`` may be "auto" (resolved with the engine's default for the number of layers).  The
    networks need 4 bands (red, green, blue, NIR) with their bundled weights; the classical methods
    (CVA, ISFA) take any number of bands.  With a ``weights`` file the engine checks the band count against it.
    ``masks``: one cloud-mask layer, or None for a date without one, per layer (:func:`mask_problems`).
    ``mapping_warning=False``: without the warning of a Weights file trained with another band mapping
    (:func:`weights_mapping_problems`), for Processing, whose log has the engine's own warning of it.
    ``bands_notes=False``: without the notes of which bands a network will read (e.g. Bands 1,2,3 as R, G, B with
    green in place of NIR), for Processing, whose log has the run summary's Bands line saying the same: its log
    said it twice, before the run and in the summary."""
    problems = mask_problems(layers, masks) if masks else []
    choice, model = model, mdl.resolve(model, len(layers), weights)
    if len(layers) < 2:
        text = tr("Select at least 2 layers: change needs two or more dates (%d selected).") % len(layers)
        if multi_date_candidate(layers):
            text += " " + tr("If '%s' holds every date as bands (%d bands; e.g. an Earth Engine export), split it "
                             "into dates first: Processing Toolbox, CAIM change detection, Split a multi-date "
                             "raster into dates.") % (layers[0].name(), layers[0].bandCount())
            # its band count and missing date are those of a series read as one date: no problems of their own
            return [p for p in problems if p[0] == ERROR] + [(ERROR, text)]
        problems.append((ERROR, text))
    if model == "schanger" and len(layers) != 2:
        problems.append((ERROR, tr("SChanger compares exactly 2 dates (%d selected). Use CAIM-Net for a "
                         "time series.") % len(layers)))
    problems += layer_problems(layers)
    rasters = [lyr for lyr in layers if isinstance(lyr, QgsRasterLayer) and lyr.isValid()]
    if rasters:
        problems += band_count_problems(list(zip(labels(rasters), [lyr.bandCount() for lyr in rasters])), bands,
                                        model)
        if mdl.needs_weights(model) and dates and band_files(layers, dates):
            pass  # band files of a date are stacked first: the stack's bands, named by role, are the network's
        elif mdl.needs_weights(model) and not weights:
            network = _network_band_problems(model, rasters, bands)
            fallback, why = _auto_fallback(choice, network, rasters, bands, weights)
            if fallback:  # "auto" on imagery the networks cannot read: a classical method runs (the engine's)
                problems.append((INFO, _fallback_note(fallback, model, why)))
            elif choice in (None, "", mdl.AUTO) and not bands and _engine_choice(rasters, bands, weights) is not None:
                # the engine reads these bands for the network (it decides): its notes, not a refusal of its own
                problems += [p for p in network if p[0] != ERROR and bands_notes]
            else:  # (its notes are all of which bands the network reads)
                problems += [p for p in network if p[0] != INFO or bands_notes]
        elif mdl.needs_weights(model) and _auto_fallback(choice, [], rasters, bands, weights)[0]:
            # "auto" with a Weights file, on imagery the networks cannot read: the engine runs its classical method
            # all the same, without the file (it said 'ready to run with Classical ISFA' and no why)
            fallback, why = _auto_fallback(choice, _network_band_problems(model, rasters, bands), rasters, bands,
                                           weights)
            problems.append((INFO, _fallback_note(fallback, model, why) + " " + tr("The Weights file is not used.")))
        elif mdl.needs_weights(model) and weights_record(weights)[1]:
            # refused before the run (the run stopped with it after the layers were read)
            problems.append((ERROR, weights_record(weights)[1]))
        elif mdl.needs_weights(model) and bands and len(bands) == 3:  # (with a Weights file: the run's note, before it)
            problems += [p for p in _rgb_mapping_note(bands, weights, rasters) if p[0] != INFO or bands_notes]
        elif mdl.needs_weights(model) and not bands and mapping_warning:
            problems += weights_mapping_problems(rasters, weights)
        problems += grid_problems(rasters)
    if dates is not None:
        known = [d for d in dates if d]
        missing = [layers[i].name() for i, d in enumerate(dates) if not d and i < len(layers)]
        if missing:
            # a few named, the rest counted: 28 undated days named one by one filled the messages, and what this
            # says (the top row is image 1) went behind a scroll bar
            named = ", ".join("'%s'" % m for m in (missing if len(missing) <= 4 else missing[:3]))
            if len(missing) > 4:
                named += tr(" and %d more layers") % (len(missing) - 3)
            problems.append((WARNING, tr("No date for %s: the results will name the images 'image 1', 'image 2', … "
                                         "by their order in this list (the top row is image 1) instead of dates.")
                             % named))
        if known != sorted(known):
            problems.append((WARNING, tr("Dates are not in chronological order: moments follow the list order.")))
        if len(set(known)) < len(known):
            twice = sorted({d for d in known if known.count(d) > 1})
            per_band = band_files(layers, dates)
            if per_band:  # one file per band (Sentinel-2, CBERS, Landsat): bands would be compared as dates
                d, ls = next(iter(per_band.items()))
                problems.append((ERROR, tr("%d one-band layers share the date %s (%s)%s: they look like the bands of "
                                 "one date, which would be compared with each other as if they were dates. Press "
                                 "'Stack band files into dates' below the list to stack each date's bands into one "
                                 "layer, with its cloud mask (caim:stackbands), and run on those.")
                                 % (len(ls), d, ", ".join("'%s'" % lyr.name() for lyr in ls),
                                    (tr(" and %d more date likewise") if len(per_band) == 2 else
                                     tr(" and %d more dates likewise")) % (len(per_band) - 1)
                                    if len(per_band) > 1 else "")))
            else:
                problems.append((WARNING, tr("Some dates appear twice (%s): the intervals between them are zero "
                                 "days long.") % ", ".join(twice)))
    return by_level(problems)


_ENGINE_CHOICES = {}  # (file states, bands) -> the engine's automatic choice and its refusal (few kept)


def _engine_choice(rasters, bands, weights=None):
    """The engine's automatic choice on the files of ``rasters`` (:func:`model_core.models.auto_choice`, which the
    run asks too: the one implementation) with a ``weights`` file given or not, as ``(model, refusal)``, kept per
    file state; None without the engine."""
    try:
        from model_core.models import auto_choice as engine_auto_choice
    except ImportError:
        return None
    paths = [layer_source(layer) for layer in rasters]
    key = (tuple(file_state(p) for p in paths), tuple(bands or ()), bool(weights))
    if key not in _ENGINE_CHOICES:
        if len(_ENGINE_CHOICES) > 32:
            _ENGINE_CHOICES.clear()
        _ENGINE_CHOICES[key] = engine_auto_choice(paths, bands, weights)
    return _ENGINE_CHOICES[key]


def _fallback_note(fallback, network, why):
    """The dialog's note that "auto" runs the classical ``fallback`` instead of ``network``, and ``why``."""
    return tr("Automatic: %s will run, not %s, which cannot read these layers' bands: %s") % (
        mdl.name(fallback), mdl.name(network), why)


def _auto_fallback(choice, network_problems, rasters, bands=None, weights=None):
    """``(model, reason)``: the engine's automatic choice on imagery the networks cannot read (:func:`_engine_choice`)
    and why, when ``choice`` is "auto" and the engine runs its classical method on ``rasters``: the first sentence
    of the dialog's own (translated) refusal ``network_problems`` (:func:`_network_band_problems`) when it has one,
    else of the engine's; else ``(None, None)``: a network chosen by name keeps its refusal.  With a band mapping
    ``bands`` too (the engine's choice asks with it: a mapping the networks cannot read runs the classical method,
    in the dialog as in Processing and on the command line)."""
    if choice not in (None, "", mdl.AUTO) or not rasters:
        return None, None
    engine = _engine_choice(rasters, bands, weights)
    if engine is None or not engine[1]:
        return None, None
    errors = [msg for level, msg in network_problems if level == ERROR] or [engine[1]]
    return engine[0], re.split(r"(?<=[.)])\s+(?=[A-Z])", errors[0].strip(), maxsplit=1)[0]


def auto_choice(layers, bands=None, weights=None):
    """What "auto" runs on ``layers`` (valid rasters): the engine's default for their number (and for two dates, a
    ``weights`` file given or not), or its classical
    method when the networks cannot read their bands (the engine's own decision, asked of it: the run makes the
    same, with a ``weights`` file too, whose file it then does not use), with the band mapping ``bands`` if any."""
    model = mdl.resolve(mdl.AUTO, len(layers), weights)
    rasters = [lyr for lyr in layers if isinstance(lyr, QgsRasterLayer) and lyr.isValid()]
    if model == mdl.AUTO or not rasters or not mdl.needs_weights(model):
        return model
    return _auto_fallback(mdl.AUTO, [], rasters, bands, weights)[0] or model


def by_level(problems):
    """``problems`` [(level, message)] errors first, then warnings, then notes (stable within a level)."""
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    return sorted(problems, key=lambda p: order[p[0]])


def layer_problems(layers):
    """Errors of each of ``layers`` alone (a vector layer, no valid or file-based raster, a missing file, a
    sidecar file), as [(ERROR, message)]."""
    problems = []
    for layer in layers:
        vector = not isinstance(layer, QgsRasterLayer) and layer.type() == QgsMapLayerType.VectorLayer
        if vector and os.path.splitext(layer_source(layer))[1].lower() in (".nc", ".nc4", ".cdf"):
            problems.append((ERROR, tr("'%s' was read as a vector layer (%s): QGIS reads a NetCDF data cube of several "
                             "variables so. Add one variable of it as a raster layer (Layer, Add Layer, Add Raster "
                             "Layer, then pick the variable), or split the whole cube into dates on the command line "
                             "(python -m model_core split).") % (layer.name(), layer_source(layer))))
        elif vector:
            problems.append((ERROR, tr("'%s' is a vector layer (%s), not an image: the inputs are the raster images "
                             "of the series, one per date.") % (layer.name(), layer_source(layer))))
        elif not isinstance(layer, QgsRasterLayer) or not layer.isValid():
            problems.append((ERROR, tr("'%s' is not a valid raster layer.") % layer.name()))
        elif layer.providerType() != "gdal":
            problems.append((ERROR, tr("'%s' is not a file-based (GDAL) raster; export it as GeoTIFF first.")
                             % layer.name()))
        elif _missing_file(layer):
            problems.append((ERROR, tr("The file of '%s' is gone (%s): it was moved or deleted after the layer was "
                             "loaded. Remove the layer, or point it to the file again (Layer Properties, "
                             "Source).") % (layer.name(), layer_source(layer))))
        elif (side := _sidecar(layer)) is not None:
            base, what = side
            problems.append((ERROR, tr("'%s' is not an image but the %s file of '%s' beside it (%s): uncheck it, and "
                             "add the image itself.") % (layer.name(), what, os.path.basename(base),
                                                        layer_source(layer))))
    return problems


def labels(layers):
    """The names of ``layers`` as the messages give them: a name that several of them share followed by its
    file's name ('scene (s2.tif)'), so that their band counts are told apart."""
    names = [layer.name() for layer in layers]
    return ["%s (%s)" % (name, os.path.basename(layer_source(layer))) if names.count(name) > 1 else name
            for layer, name in zip(layers, names)]


def band_count_problems(counts, bands, model):
    """Errors of the band counts ``counts`` ([(name, bands)], one per date or multi-date raster's dates; a list,
    not a dict: layers may share a name, and a dict kept one of their counts) for the ``bands`` picked (None:
    all) and the resolved ``model``."""
    values = [c for _, c in counts]
    problems = []
    if bands:
        short = [(n, c) for n, c in counts if c < max(bands)]
        if short and len(short) == len(counts):  # unchecking them all is no way out
            problems.append((ERROR, tr("Band %d does not exist in any layer (bands per layer: %s): pick bands "
                                       "from 1 to %d.")
                             % (max(bands), ", ".join("'%s': %d" % item for item in counts), min(values))))
        elif short:
            problems.append((ERROR, (tr("Band %d does not exist in %s (fewer bands): uncheck it or pick bands "
                                        "every date has.") if len(short) == 1 else
                                     tr("Band %d does not exist in %s (fewer bands): uncheck them or pick bands "
                                        "every date has.")) % (
                                 max(bands), ", ".join("'%s' (%d)" % item for item in short))))
    elif len(set(values)) > 1:
        listing = ", ".join("'%s': %d" % item for item in counts)
        least = min(values)
        fewest = ", ".join("'%s'" % n for n, c in counts if c == least)
        if least < 4 and mdl.needs_weights(model):
            common = (tr("bands every date has (1 to %d)") % least if least > 1 else
                      tr("band 1, the only band every date has"))
            advice = ((tr("%s has fewer than the 4 bands (red, green, blue, NIR) the network needs: uncheck it, "
                          "or use a classical method (CVA, ISFA) with %s")
                       if "', '" not in fewest else
                       tr("%s have fewer than the 4 bands (red, green, blue, NIR) the network needs: uncheck them, "
                          "or use a classical method (CVA, ISFA) with %s"))
                      % (fewest, common))
        elif least == 1:
            advice = tr("uncheck %s, or pick band 1, the only band every date has") % fewest
        else:
            advice = tr("pick bands every date has (1 to %d), for example %s") % (
                least, ",".join(str(b) for b in range(1, min(least, 4) + 1)))
        problems.append((ERROR, tr("Band counts differ (%s). The model needs the same bands from every "
                         "date: %s.") % (listing, advice)))
    return problems


def grid_problems(rasters):
    """Problems of the grids of ``rasters`` together: different CRSs or grids (aligned), too little or no
    common area."""
    problems = []
    crs = {lyr.crs().authid() or lyr.crs().toWkt() or tr("no CRS") for lyr in rasters}  # (not an empty name)
    if len(crs) > 1:
        problems.append((WARNING, tr("Layers have different CRSs (%s): they will be aligned onto the grid "
                         "of '%s'.") % (", ".join(sorted(crs)), rasters[0].name())))
    else:
        res = {(round(lyr.rasterUnitsPerPixelX(), 6), round(lyr.rasterUnitsPerPixelY(), 6)) for lyr in rasters}
        ext = {lyr.extent().toString(3) for lyr in rasters}
        if len(res) > 1 or len(ext) > 1:
            problems.append((INFO, tr("Grids differ slightly: every date will be resampled onto the grid "
                             "of '%s', clipped to the common area.") % rasters[0].name()))
    overlap = _overlap_problem(rasters) if len(rasters) >= 2 else None
    if overlap:
        problems.append((ERROR, overlap))
    elif len(rasters) >= 2 and (cut := _coverage_problem(rasters)):
        problems.append((WARNING, cut))
    return problems


def mask_problems(layers, masks):
    """Problems with the cloud masks: one single-band, file-based raster (or None: no mask) per layer,
    overlapping it, never one of the inputs themselves."""
    problems = []
    if len(masks) != len(layers):
        return [(ERROR, tr("%d cloud masks for %d layers: give one mask (or none) per layer, in the same order.")
                 % (len(masks), len(layers)))]
    inputs = {lyr.id() for lyr in layers}
    for layer, mask in zip(layers, masks):
        if mask is None:
            continue
        which = tr("The mask '%s' of '%s'") % (mask.name(), layer.name())
        if mask.id() in inputs:
            problems.append((ERROR, tr("'%s' is both an input date and the mask of '%s'. Uncheck it as an input "
                             "or choose another mask.") % (mask.name(), layer.name())))
        elif not isinstance(mask, QgsRasterLayer) or not mask.isValid():
            problems.append((ERROR, tr("%s is not a valid raster layer.") % which))
        elif mask.providerType() != "gdal":
            problems.append((ERROR, tr("%s is not a file-based (GDAL) raster; export it as GeoTIFF first.") % which))
        elif _missing_file(mask):
            problems.append((ERROR, tr("%s: its file is gone (%s). Remove the mask layer or point it to the file "
                             "again.") % (which, layer_source(mask))))
        elif mask.bandCount() != 1:
            problems.append((ERROR, tr("%s has %d bands; a mask has one (CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 "
                             "SCL, Fmask). Extract its mask band first.") % (which, mask.bandCount())))
        elif isinstance(layer, QgsRasterLayer) and layer.isValid() and _overlap_problem([layer, mask]):
            problems.append((ERROR, tr("%s does not overlap its layer: it would mask the whole date.") % which))
    return problems


def bands_field_problems(model, bands, weights=None):
    """What the Bands field alone tells of a network with its bundled weights (it reads 4 bands, or 3 as R, G, B
    with green in place of NIR: Bands 1,2 is refused whatever the layers), for the dialog's check of a multi-date
    raster before its split."""
    if not bands or not mdl.needs_weights(model) or weights:
        return []
    return _network_band_problems(model, [], bands)


def role_source(source):
    """Where the engine read the bands' roles (model_core.bandmap: "wavelengths", "band names", "colour
    interpretation"), translated."""
    return {"wavelengths": tr("wavelengths"), "band names": tr("band names"),
            "colour interpretation": tr("colour interpretation")}.get(source, source)


def _rgb_mapping_note(bands, weights=None, rasters=()):
    """A Bands mapping of three bands for a network: RGB-only imagery, which the engine reads as red, green, blue in
    the mapping's order with green in place of the missing NIR (as 1,2,3,2; model_core.stack), said with what the
    weights file that runs (the bundled one without ``weights``) saw in training, in the engine's words; or the
    engine's refusal when a layer's band names or wavelengths of ``rasters`` call one of them something else (the
    form said 'the engine uses bands 1,2,3 as R, G, B' on bands named red, nir, swir1, and the run refused)."""
    try:
        from model_core.bandmap import describe_rgb_only, rgb_mapping_refusal_path, rgb_only_training
    except ImportError:
        return []
    for layer in rasters:
        refusal = rgb_mapping_refusal_path(layer.source(), bands)
        if refusal:
            return [(ERROR, "'%s': %s." % (layer.name(), refusal))]
    training = (rgb_only_training(os.path.basename(weights), list(weights_band_mapping(weights) or []) == [1, 2, 3, 2])
                if weights else None)
    return [(INFO, tr("Bands %s: the engine uses bands %s.") % (
        ",".join(map(str, bands)), describe_rgb_only(list(bands) + list(bands[1:2]), "mapping", training)))]


def _network_band_problems(model, rasters, bands):
    """A network with its bundled weights reads 4 bands (red, green, blue, NIR)."""
    need = mdl.NETWORK_BANDS
    hint = (tr("e.g. 1,2,3,4 (RGB-only imagery is read as 1,2,3,2 by itself: green in place of NIR), or choose "
            "a classical method (CVA or ISFA), which uses any bands"))
    if bands:
        if len(bands) > need and model in mdl.EXTRA_BANDS:
            return [(INFO, tr("%s: the network uses bands %s as red, green, blue, NIR; the %s part also uses "
                     "band(s) %s.") % (mdl.name(model), ",".join(map(str, bands[:need])),
                                       mdl.CLASSICAL_PART[model], ",".join(map(str, bands[need:]))))]
        if len(bands) == 3 and need == 4:
            return _rgb_mapping_note(bands, rasters=rasters)
        if len(bands) != need:
            return [(ERROR, tr("%s uses %d bands (red, green, blue, NIR) but Bands lists %d: give %d band "
                     "numbers, %s.") % (mdl.name(model), need, len(bands), need, hint))]
        return []
    mappings = _engine_mappings(rasters)
    if mappings:
        rgbn = {(tuple(b), src, n) for (b, src), _, _, n in mappings if b}
        if len(rgbn) == 1 and all(m[0][0] for m in mappings):
            bands, source, count = rgbn.pop()
            if bands == (1, 2, 3, 4) and count == need:
                return []
            extra = ""
            if model in mdl.EXTRA_BANDS and count > need:
                extra = tr(" The %s part also uses the layers' other bands.") % mdl.CLASSICAL_PART[model]
            # (in the plugin's words: the engine's model_core.bandmap.describe is English, in German QGIS too)
            return [(INFO, tr("Bands left empty: the engine uses bands %s.%s") % (
                tr("%s as R, G, B, NIR (from the rasters' %s)") % (",".join(map(str, bands)), role_source(source)),
                extra))]
        rgb = {(tuple(b), src) for _, (b, src), _, _ in mappings if b}
        if len(rgb) == 1 and all(m[1][0] for m in mappings):
            from model_core.bandmap import describe_rgb_only

            bands, source = rgb.pop()
            return [(INFO, tr("Bands left empty: the engine uses bands %s.") % describe_rgb_only(list(bands), source))]
        # metadata that name some bands against the order R, G, B, NIR (e.g. SWIR1, NIR, Red, Green)
        refused = [(lyr, text) for lyr, (_, _, (b, text), _) in zip(rasters, mappings) if text and not b]
        if refused:
            return [(ERROR, "'%s': %s." % (refused[0][0].name(), refused[0][1]))]
        partial = {(tuple(b), text) for (_, _, (b, text), _) in mappings if b}
        if len(partial) == 1 and all(m[2][0] for m in mappings):
            return [(INFO, tr("Bands left empty: the engine uses bands %s.") % partial.pop()[1])]
    usable = {_usable_band_count(lyr) for lyr in rasters}
    if usable == {need} and all(lyr.bandCount() == need for lyr in rasters):
        return [(INFO, tr("Bands left empty: bands 1-4 are taken as red, green, blue, NIR (the layers' "
                 "metadata do not say which band is which); for blue, green, red, NIR imagery enter "
                 "3,2,1,4."))]
    if len(usable) == 1 and need not in usable:
        return [(ERROR, tr("%s needs %d bands (red, green, blue, NIR) but the layers have %d and their metadata "
                 "do not say which band is which: pick %d with Bands, %s.")
                 % (mdl.name(model), need, usable.pop(), need, hint))]
    return []


_RECORDS = {}  # (weights file, its modification time) -> (its training band mapping or None, error or None)


def weights_record(path):
    """(band mapping, problem) of the weights file ``path``: the mapping (``data.bands``, 1-based bands read as
    red, green, blue, NIR) it was trained with, or None; and why it cannot be used (the engine's reason:
    missing, not a weights file, pickled code, a training state), or None.  Read once per file and
    modification time with the engine's safe reader (the form checks itself at every change)."""
    try:
        key = (os.path.abspath(path), os.path.getmtime(path))
    except OSError:
        key = (os.path.abspath(path), None)  # missing: the reader says so (and is asked again once it exists)
    if key not in _RECORDS:
        try:
            from model_core import weights as wio
            from model_core.errors import CaimError
            from model_core.provenance import trained_bands
        except ImportError:
            return None, None  # no engine: the dependency check says so
        try:
            _RECORDS[key] = (trained_bands(wio.read(path).get("meta") or {}), None)
        except CaimError as exc:
            _RECORDS[key] = (None, str(exc))
    return _RECORDS[key]


def weights_band_mapping(path):
    """The band mapping the weights file ``path`` was trained with, or None (see :func:`weights_record`)."""
    return weights_record(path)[0]


def weights_mapping_problems(rasters, weights):
    """A warning, before the run, when the Weights file was trained with a band mapping (e.g. 3,4,4,2 for
    Landsat as SWIR1, NIR, Red, Green) and the run, with Bands empty, would read other bands of the layers
    (the engine warned only after the run, whose map followed the wrong bands)."""
    mapping = weights_band_mapping(weights) if weights else None
    if not mapping or not rasters:
        return []
    text = ",".join(map(str, mapping))
    counts = {lyr.bandCount() for lyr in rasters}
    if max(mapping) > min(counts):
        return [(WARNING, tr("The weights file was trained with the band mapping %s, which reads band %d; the "
                             "layers have %d bands, so they are not of its training imagery's kind. Enter in Bands "
                             "the bands of these layers that are red, green, blue and NIR, or use weights trained "
                             "on imagery like these.") % (text, max(mapping), min(counts)))]
    used = None
    mappings = _engine_mappings(rasters)
    rgbn = {tuple(b) for (b, _src), _, _, _n in mappings or [] if b}
    rgb = {tuple(b) for _, (b, _src), _, _n in mappings or [] if b}  # RGB-only layers: read as R, G, B, G
    if mappings and len(rgbn) == 1 and all(m[0][0] for m in mappings):
        used = list(rgbn.pop())
    elif mappings and len(rgb) == 1 and all(m[1][0] for m in mappings):
        used = list(rgb.pop())
    elif counts == {mdl.NETWORK_BANDS}:
        used = [1, 2, 3, 4]
    elif counts == {3}:
        used = [1, 2, 3, 2]
    if used == mapping:
        return []
    return [(WARNING, tr("The weights file was trained with the band mapping %s (its training read those bands of "
                         "its images as red, green, blue, NIR), and Bands is empty: if these layers are of its "
                         "training imagery's kind, enter %s in Bands.") % (text, text))]


def _engine_mappings(rasters):
    """Per layer, how the engine's :mod:`model_core.bandmap` reads its file without a band mapping
    (:func:`model_core.bandmap.engine_roles_path`: one open per layer), or None when the engine is not
    importable or a layer's file cannot be opened."""
    try:
        from model_core.bandmap import engine_roles_path
    except ImportError:
        return None
    found = []
    for layer in rasters:
        roles = engine_roles_path(layer.source())
        if roles is None:
            return None
        found.append(roles)
    return found


def _extents(layers):
    """Each layer's extent in the first layer's CRS; None when one cannot be transformed."""
    target = layers[0].crs()
    out = []
    for layer in layers:
        extent = layer.extent()
        if layer.crs() != target:
            try:
                extent = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance()).transformBoundingBox(extent)
            except Exception:  # the extent cannot be transformed: let the engine decide about overlap
                return None
        out.append(extent)
    return out


def _common_extent(layers):
    """(each layer's extent, the area all of them cover) in the first layer's CRS, or None (see _extents)."""
    extents = _extents(layers)
    if extents is None:
        return None
    common = extents[0]
    for extent in extents[1:]:
        common = common.intersect(extent)
    return extents, common


def _overlap_problem(layers):
    """None when the layers share an area, else the message: which layers miss the first one."""
    found = _common_extent(layers)
    if found is None:
        return None
    extents, common = found
    if not common.isEmpty():
        return None
    from model_core.stack import stray_inputs

    stray = stray_inputs([(e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()) for e in extents])
    if stray:  # most layers share a place, a few lie elsewhere (the first may be one)
        names = ", ".join("'%s'" % layers[i].name() for i in stray)
        return ((tr("%s does not overlap the other checked layers, which share a place: uncheck it or check the "
                    "layers of one place.") if len(stray) == 1 else
                 tr("%s do not overlap the other checked layers, which share a place: uncheck them or check the "
                    "layers of one place.")) % names)
    apart = [lyr.name() for lyr, e in zip(layers[1:], extents[1:]) if e.intersect(extents[0]).isEmpty()]
    if apart:
        return ((tr("%s does not overlap '%s', the first checked layer: uncheck it or check the layers of "
                    "one place.") if len(apart) == 1 else
                 tr("%s do not overlap '%s', the first checked layer: uncheck them or check the layers of "
                    "one place.")) % (", ".join("'%s'" % n for n in apart), layers[0].name()))
    return (tr("The layers do not overlap all at once: each overlaps the first, but there is no area common to "
            "all of them. Uncheck the layers that cover another part of the scene."))


def _coverage_problem(layers):
    """None when the area every layer covers is most of the first layer's, else the message the engine's run
    would warn of afterwards (``model_core.stack``'s rule): which layers cover part of it, and how much."""
    found = _common_extent(layers)
    if found is None:
        return None
    extents, common = found
    from model_core.stack import _clipped

    bounds = [(e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()) for e in extents]
    clipped = _clipped(bounds, 0, common.width() * common.height())
    if clipped is None:
        return None
    share, cuts = clipped
    percent = lambda value: number(100 * value, 0) + " %"  # noqa: E731
    return tr("The outputs will cover only %s of '%s', the area every checked layer covers: %s. Uncheck or "
              "replace a layer that covers part of the scene to map all of it.") % (
        percent(share), layers[0].name(), ", ".join(tr("'%s' covers %s of it") % (layers[i].name(), percent(c))
                                                    for i, c in cuts))


def _sidecar(layer):
    """(the raster, what the file holds) when a layer's file is a sidecar of a raster beside it (x.tif.ovr,
    which GDAL opens as a raster of its own, x.tif.msk), else None (:func:`model_core.stack.sidecar_of`)."""
    source = layer_source(layer)
    if source.startswith("/vsi"):
        return None
    try:
        from model_core.i18n import translated
        from model_core.stack import sidecar_of
    except ImportError:
        return None
    side = sidecar_of(source)
    # (what it holds: the engine's text marked for translation, in the engine's language, QGIS's)
    return None if side is None else (side[0], translated(side[1]))


def _missing_file(layer):
    """True when a layer's source is a plain file path that no longer exists (moved or deleted after
    loading: QGIS keeps such a layer valid).  GDAL connection strings and /vsi paths are not checked."""
    source = layer_source(layer)
    if source.startswith("/vsi") or re.match(r"^[A-Za-z][A-Za-z0-9_]+:", source):
        return False
    return not os.path.exists(source)
