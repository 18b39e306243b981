"""Tiled, streamed inference from an ordered raster stack to change GeoTIFFs.

Data flow: :class:`model_core.stack.Stack` builds the reference grid; the scene statistics of every
date are computed once from a decimated read; then the grid is cut into tiles whose kept centres
(cores) are laid on a fixed lattice of the grid, each tile read with an overlap margin on every side
(reflected beyond the raster edge), normalised, run through the model, and its core written straight
into the output GeoTIFFs.  Tile origins are multiples of the model's alignment, so the prediction for
a pixel does not depend on the tile size (beyond floating-point noise).

Outputs are first written into a hidden temporary folder next to the requested files and moved into
place only when the whole run succeeded: a failed or cancelled run leaves nothing behind, and existing
files are only replaced with ``overwrite=True``.
"""

import contextlib
import json
import math
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from osgeo import gdal

from model_core import __version__
from model_core.errors import (BandRolesError, Cancelled, CaimError, InputError, OutputError, WeightsError,
                               about_size_text, free_mb, free_mb_text, free_size_text, nearest_existing,
                               size_text)
from model_core.i18n import N_, _, localize_number, number, os_reason, padded_label, translated
from model_core.stack import Stack, decimation, format_clear_values
from model_core.staging import hold, missing_folders, remove_abandoned

gdal.UseExceptions()

OUTPUT_NAMES = {
    "area": "change_area.tif",
    "moment": "change_moment.tif",
    "confidence": "confidence.tif",
    "probabilities": "moment_probability.tif",
}
OUTPUT_TITLES = {"area": "change area", "moment": "change moment", "confidence": "confidence",
                 "probabilities": "moment probability"}
RASTER_FORMATS = (".tif", ".tiff")  # the rasters are GeoTIFFs, whatever their names
NODATA_U8 = 255
MAX_BANDS = 1000  # per date: hyperspectral sensors have a few hundred; 1000 bands of 256 x 256 px took 2.3 GB
NODATA_F32 = -1.0
AREA_COLOURS = {0: (0, 0, 0, 0), 1: (230, 25, 75, 255)}
_CREATION = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER", "BLOCKXSIZE=256", "BLOCKYSIZE=256"]
# moment_probability.tif's data types (detect's ``probabilities_type``): {name: (GDAL type, the value that stands for
# p = 1, nodata)}.  float32, the default, stores the probabilities as they are (-1 nodata); uint16 and byte store
# round(p x 65534) and round(p x 254), their largest value nodata, with GDAL's scale 1/65534 or 1/254 on every band
# (GDAL, QGIS and rasterio read the probabilities) and CAIM_PROBABILITY_ENCODING in the file's metadata.  On the
# 6-date NAIP series (CVA) they took 56 % and 21 % of the float32 file.
PROBABILITY_TYPES = {"float32": (gdal.GDT_Float32, None, NODATA_F32), "uint16": (gdal.GDT_UInt16, 65534, 65535),
                     "byte": (gdal.GDT_Byte, 254, 255)}


def _pct(fraction):
    """0.0004 -> '0.04 %', 0.000012 -> '0.0012 %' (small shares keep two significant digits)."""
    p = 100.0 * fraction
    return localize_number(f"{p:.2f} %" if p == 0 or p >= 0.1 else f"{p:.2g} %")


# The labels of the run summary's "Label     value" lines (and of the estimate line before the run), in the
# context "run summary" (the English words are shared with other texts).  Each line writes its label padded to the
# longest label here, in the run's language, and one space (:func:`summary_label`): the values line up in every
# language ('Dispositivo cpu' and 'Zeitpunkte 3:' were hand-padded to the English width in the catalogues and
# stood out of the column); the English column is 10 wide, as it always was (scripts read 'Device    cpu').
SUMMARY_LABELS = (N_("Grid", context="run summary"), N_("Dates", context="run summary"),
                  N_("Model", context="run summary"), N_("Device", context="run summary"),
                  N_("Automatic", context="run summary"), N_("Weights", context="run summary"),
                  N_("Bands", context="run summary"), N_("Patches", context="run summary"),
                  N_("Gaps", context="run summary"), N_("Masks", context="run summary"),
                  N_("Alignment", context="run summary"), N_("Time", context="run summary"),
                  N_("Changed", context="run summary"), N_("Estimate", context="run summary"))


def summary_label(label):
    """``label`` (English, one of :data:`SUMMARY_LABELS`) in the current language, padded with spaces to one more
    than the longest of them in that language: 'Device    ' in English, 'Gerät       ' in German."""
    return padded_label(label, SUMMARY_LABELS, "run summary")


def summary_line(label, text):
    """A line of the run summary: ``label`` (as :func:`summary_label`) and ``text``, its value."""
    return summary_label(label) + text


@dataclass
class DetectResult:
    paths: dict
    dates: list
    interval_labels: list
    device: str
    seconds: float
    grid: object
    hectares: dict
    changed_pixels: int
    valid_pixels: int
    model: str
    weights: str
    trained: bool
    warnings: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    sensitivity: float = 0.0
    min_patch: int = 0
    removed_pixels: int = 0
    fill_gaps: bool = False
    filled_pixels: int = 0
    mask_cover: list = field(default_factory=list)   # per date: fraction masked by its mask file, or None
    # per date: the share of the grid a move by co-registration left it not covering (0.0 when not moved); not in
    # mask_cover, which is the masked share of the pixels the date covers
    strip_cover: list = field(default_factory=list)
    mask_clear: tuple = ()
    threshold: str = "otsu"   # the classical methods' threshold rule
    weights_training: str = ""   # what the weights were trained on (model_core.provenance.short)
    auto_note: str = ""   # why the automatic choice ran a classical method (:func:`auto_fallback_note`), or ""
    shifts: list = None   # with coregister: per date its model_core.coregister.Shift, else None

    def alignment_line(self):
        """'Alignment ...' summary line of a co-registered run, or None."""
        if self.shifts is None:
            return None
        from model_core.coregister import offset_elsewhere, offset_text, reason_text, varies

        dates = [d or _("date {n}").format(n=i + 1) for i, d in enumerate(self.dates)]
        moved = [(_("{date} was {offset} of it at the scene's centre (other parts differ)") if varies(sh) else
                  _("{date} was {offset} of it")).format(date=dates[i], offset=offset_text(*sh.applied()))
                 for i, sh in enumerate(self.shifts) if sh.applied() != (0, 0)]
        kept = {}  # why a date was left as it is: its dates (a date of images without a CRS was said to be
        for i, sh in enumerate(self.shifts):  # 'not estimated clearly' after 'no date is offset')
            if sh.reason:
                kept.setdefault(sh.reason, []).append(dates[i])
            elif varies(sh) and sh.applied() == (0, 0):  # not offset at the centre, elsewhere (a warning says more)
                kept.setdefault("elsewhere" if offset_elsewhere(sh) else "varies", []).append(dates[i])
        text = (_("{n} of {total} dates moved onto the reference date by whole pixels ({moved})").format(
                    n=len(moved), total=len(self.dates), moved="; ".join(moved)) if moved else
                _("no date moved") if kept else
                _("no date is offset from the reference date by a pixel or more"))
        if kept:
            text += _(" (left as they are: {dates})").format(dates="; ".join(
                _("{dates}: {reason}").format(dates=", ".join(names), reason=reason_text(reason))
                for reason, names in kept.items()))
        return summary_line("Alignment", text)

    def mask_line(self):
        """'Masks ...' summary line, or None without mask files."""
        used = [(d or _("date {n}").format(n=i + 1), f) for i, (d, f) in enumerate(zip(self.dates, self.mask_cover))
                if f is not None]
        if not used:
            return None
        clear = format_clear_values(self.mask_clear)
        hidden = [f"{d} {_pct(f)}" for d, f in used if f > 0]
        masked = (_("masked: {dates} (the others clear)") if len(hidden) < len(used) else _("masked: {dates}")
                  ) if hidden else _("every date clear")
        text = _("{n} of {n_dates} dates have a mask file (clear = {clear}): {pct} of their pixels masked "
                 "on average; {masked}").format(n=len(used), n_dates=len(self.dates), clear=clear,
                                                pct=_pct(sum(f for _d, f in used) / len(used)),
                                                masked=masked.format(dates=', '.join(hidden)))
        strips = [_("{date} {pct} of the grid").format(date=d or _("date {n}").format(n=i + 1), pct=_pct(s))
                  for i, (d, f, s) in enumerate(zip(self.dates, self.mask_cover,
                                                    getattr(self, "strip_cover", None) or [0.0] * len(self.dates)))
                  if f is not None and s > 0]
        if strips:  # (a moved date's masked share was of the grid, its uncovered strip counted in without a word)
            text += (_("; not counted as masked: the strip along the scene's edge that a date moved by co-registration "
                       "no longer covers (filled from the previous clear date, or the next where no earlier date is clear): "
                       "{dates}") if self.fill_gaps else
                     _("; not counted as masked: the strip along the scene's edge that a date moved by co-registration "
                       "no longer covers (nodata): {dates}")).format(dates=", ".join(strips))
        return summary_line("Masks", text)

    def summary_text(self):
        g = self.grid
        masks = self.mask_line()
        weights = (os.path.basename(self.weights) if self.weights else _("classical, no weights") if self.trained
                   else _("UNTRAINED random weights"))
        lines = [
            summary_line("Grid", _("{width} x {height} px, pixel {pixel}").format(width=g.width, height=g.height,
                                                                                pixel=g.pixel_text())),
            summary_line("Dates", ("{n}: {dates}" if all(self.dates) else
                                   _("{n}: {dates} (not found in the file names or metadata; the intervals are "
                                     "numbered)")).format(
                n=len(self.dates), dates=", ".join(d or _("unknown", context="date") for d in self.dates))),
            summary_line("Model", "{model} ({weights})".format(model=self.model, weights=weights)
                         + (_(", sensitivity {value:+g}").format(value=number(self.sensitivity)) if self.sensitivity
                            else "")
                         + (_(", minimum-error threshold") if self.threshold == "kittler" else "")),
            summary_line("Device", self.device),
        ] + ([summary_line("Automatic", self.auto_note)] if self.auto_note else []) + (
            [summary_line("Weights", _("trained on {what}").format(what=self.weights_training))]
            if self.weights_training else []) + [summary_line("Bands", n) for n in self.notes] + ([
            summary_line("Patches", _("at least {min_patch} px (8-connected): {removed} changed px in smaller patches "
                                      "written unchanged").format(min_patch=self.min_patch,
                                                                  removed=self.removed_pixels))]
            if self.min_patch > 1 else []) + ([
            summary_line("Gaps", _("{filled} px with masked dates filled from their previous clear date, or the next where no "
                                   "earlier date is clear").format(
                filled=self.filled_pixels))]
            if self.fill_gaps else []) + ([masks] if masks else []) + (
            [self.alignment_line()] if self.shifts is not None else []) + [
            summary_line("Time", "{seconds:.1f} s ({rate:.0f} kpx/s)".format(
                seconds=number(self.seconds), rate=number(self.valid_pixels / max(self.seconds, 1e-9) / 1000))),
            summary_line("Changed", _("{changed} of {valid} valid px ({pct:.2f} %)").format(
                changed=self.changed_pixels, valid=self.valid_pixels,
                pct=number(100.0 * self.changed_pixels / max(self.valid_pixels, 1)))),
            _("Changed area per interval (last change):"),
        ]
        shown = {k: interval_shown(k) for k in self.hectares}  # (the English names key the areas)
        width = max([len(k) for k in shown.values()] + [8])
        for key, ha in self.hectares.items():
            label = shown[key]
            lines.append(f"  {label:<{width}}  {number(ha):12.2f} ha" if not math.isnan(ha) else
                         f"  {label:<{width}}  " + _("(no CRS: area unknown)"))
        for w in self.warnings:
            lines.append(_("Warning: {text}").format(text=w))
        lines.append(_("Outputs:"))
        for k, p in self.paths.items():
            lines.append(self.output_line(output_name(k), p))
        return "\n".join(lines)

    def output_line(self, name, path):
        """A line of the summary's outputs: '  area          PATH', the names padded to the longest of the run's
        outputs in the language (at least 13, as in English); the command line lists the styles, polygons,
        quicklook and report after them alike (their names English: 'style' stood out of the German column)."""
        width = max([13] + [len(output_name(k)) for k in self.paths])
        return f"  {name:<{width}} {path}"


# the outputs' names as the summary and the report list them (the keys of ``paths``; English as they always were)
OUTPUT_LABELS = {"area": N_("area"), "moment": N_("moment"), "confidence": N_("confidence"),
                 "probabilities": N_("probabilities"), "polygons": N_("polygons")}


def output_name(key):
    """An output's name in the current language: 'area' is 'Änderungsfläche' in German, as its layer is named."""
    return translated(OUTPUT_LABELS[key]) if key in OUTPUT_LABELS else key


def limit_gdal_cache(megabytes=192):
    """Cap GDAL's block cache (default: 5 % of RAM) so peak memory stays flat with raster size.

    Called by the command line; respects a GDAL_CACHEMAX the user set.  Inside QGIS the
    application's own setting is left alone.
    """
    if not os.environ.get("GDAL_CACHEMAX"):
        gdal.SetCacheMax(int(megabytes) * 1024 * 1024)


def tune_allocator():
    """Keep freed tensor memory in the C heap for reuse (glibc only; a no-op elsewhere).

    Every tile allocates and frees the same few large tensors.  With glibc's defaults each of them is
    a fresh ``mmap`` whose pages are faulted in again on every tile, which costs about a third of the
    CPU time on a 2-core machine.  Equivalent to starting Python with ``MALLOC_MMAP_MAX_=0`` and
    ``MALLOC_TRIM_THRESHOLD_=4294967296`` (what ``make`` exports).  Called by the command line for its
    own process only; inside QGIS the application's allocator is left alone.  Returns True if applied.
    """
    if not sys.platform.startswith("linux") or os.environ.get("MALLOC_MMAP_MAX_") is not None:
        return False
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_max = -1, -4  # glibc's mallopt parameter numbers
        return bool(libc.mallopt(m_mmap_max, 0)) and bool(libc.mallopt(m_trim_threshold, 2 ** 31 - 1))
    except (OSError, AttributeError):
        return False


def resolve_device(device="auto"):
    import torch

    d = (device or "auto").strip().lower()
    if d == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if d == "cpu":
        return "cpu"
    if d.startswith("cuda"):
        if not torch.cuda.is_available():
            raise CaimError(_("Device '{device}' was requested but CUDA is not available here (torch {version}). "
                              "Choose the CPU or automatic device (--device cpu or auto on the command line, DEVICE=CPU or "
                              "Auto in Processing, the Device list in QGIS).").format(device=device, version=torch.__version__))
        idx = int(d.split(":")[1]) if ":" in d else 0
        if idx >= torch.cuda.device_count():
            raise CaimError(_("Device '{device}' does not exist: {device_count} CUDA device(s).").format(
                                device=device, device_count=torch.cuda.device_count()))
        return f"cuda:{idx}"
    raise CaimError(_("Unknown device '{device}'. Use auto, cpu or cuda:N.").format(device=device))


def interval_labels(dates):
    """["d1 to d2", "d2 to d3", ...]; a label that repeats (dates 2001, 2001, 2001, or A, B, A, B) gets
    its interval's number, "2001 to 2001 (interval 2)", since the areas per interval are keyed by it."""
    names = [d or f"image {i + 1}" for i, d in enumerate(dates)]
    labels = [f"{names[k - 1]} to {names[k]}" for k in range(1, len(names))]
    return [f"{t} (interval {k})" if labels.count(t) > 1 else t for k, t in enumerate(labels, start=1)]


def interval_shown(label):
    """An interval's name as :func:`interval_labels` makes it (the English key of its areas) in the current
    language, as the plugin names intervals: "2019-06-01 bis 2020-06-01", "Bild 1 bis Bild 2"; the label itself
    in English or when it is not such a name."""
    import re

    m = re.fullmatch(r"(.+?) to (.+?)(?: \(interval (\d+)\))?", label)
    if not m:
        return label

    def name(text):
        image = re.fullmatch(r"image (\d+)", text)
        return _("image {n}").format(n=int(image.group(1))) if image else text

    shown = _("{start} to {end}").format(start=name(m.group(1)), end=name(m.group(2)))
    return shown + (_(" (interval {k})").format(k=int(m.group(3))) if m.group(3) else "")


def moment_colours(n_intervals):
    """One colour per interval from a sequential ramp (early = yellow, late = dark purple)."""
    # anchor points of a perceptually ordered yellow -> orange -> red -> purple ramp
    stops = np.array([[255, 237, 111], [254, 178, 76], [240, 59, 32], [189, 0, 38], [84, 39, 143]], float)
    out = {0: (0, 0, 0, 0)}
    for k in range(1, n_intervals + 1):
        f = 0.0 if n_intervals == 1 else (k - 1) / (n_intervals - 1)
        pos = f * (len(stops) - 1)
        i = min(int(pos), len(stops) - 2)
        c = stops[i] + (stops[i + 1] - stops[i]) * (pos - i)
        out[k] = tuple(int(round(v)) for v in c) + (255,)
    return out


def load_model(model="caimnet", weights=None, in_channels=4, device="cpu"):
    """The model with its weights (bundled ones by default); untrained if none exist."""
    from model_core import weights as W
    from model_core.models import build_model

    from model_core.models import model_class

    if not getattr(model_class(model), "needs_weights", True):
        if weights:
            raise WeightsError(_("The '{model}' method is classical and takes no weights; leave the weights "
                                 "empty or choose a network model.").format(model=model))
        return build_model(model, in_channels=in_channels).to(device).eval(), None, True
    path = weights or W.default_weights(model)
    if path:
        m = W.load_model(path, arch=model, device=device)
        return m, path, True
    import torch

    torch.manual_seed(0)
    m = build_model(model, in_channels=in_channels).to(device).eval()
    m.weights_meta, m.band_order = {}, W.DEFAULT_BANDS
    return m, None, False


# Tile pixels x (T + 2) in automatic mode: the model's working memory grows with the T - 1 difference
# steps plus a few per-pixel buffers; this keeps the peak RSS of a run near 1.3 GB on the CPU whatever
# T is (432 x 432 px at T = 6; see `make bench`).  The output rows _BlockRows holds come on top:
# held_rows_memory, at most HELD_ROWS_LIMIT (132 MB on a 5602 px wide, 10-date run with the probabilities).
AUTO_TILE_BUDGET = 8 * 432 * 432


# A tile the user sets with a smaller core (pixels) gets a warning when its margins read on every side
# are most of it, or the core is tiny (a tile size of 3 gave 1 444 tiles for a 600 x 600 scene, without
# a word).
MIN_CORE = 64


def auto_tile(n_dates, multiple, overlap, memory_factor=1.0):
    """Tile side for ``n_dates`` dates; ``memory_factor`` is the model's activation memory per pixel
    relative to the default CAIM-Net preset (wider models get smaller tiles)."""
    side = int(math.sqrt(AUTO_TILE_BUDGET / (n_dates + 2) / max(float(memory_factor), 0.25)))
    side = max(side // multiple * multiple, 2 * overlap + 4 * multiple)
    return side


# The run-time estimate (estimate_run) is a sum of stage costs, each a count of work times a constant in
# seconds on the reference machine, divided by this machine's speed on the same kind of work, relative to
# the reference, measured once per process with one of two yardsticks:
# * memory (memory_speed): the per-pixel work (GDAL reads and DEFLATE writes, elementwise numpy and torch,
#   medians, ISFA's iterative fit, opening files, loading the model), timed with a short probe of the same
#   kind (memory_probe_seconds), which takes REFERENCE_PROBE_S on the reference;
# * compute (machine_speed): a 1024^2 fp32 matrix multiply, whose rate on the reference is REFERENCE_GFLOPS.
#   The networks' model terms (models.needs_network: convolutions with torch's threads, and as much elementwise
#   work: normalisations, activations, attention) are scaled by the geometric mean of the two speeds.
# A matrix multiply says little of that work: on a machine of this project's kind whose BLAS ran 302 GFLOP/s
# (2.2 times the reference) the classical methods ran at about the reference's speed, so the estimate was
# 1.1-5.9 times too low.  tools/estimate_constants.py measures the constants (every stage of real runs timed,
# times the matching speed measured just before the run) and checks the estimate against runs of the
# command line.  Refit in the thirty-sixth session (medians of 3 runs of each scene and method, under other
# sessions' load of 1-7 on the 2 cores); caimnet and schanger, not among the measured methods, were scaled
# from caimnet_isfa and caimnet_cva by their earlier ratios.
SECONDS_PER_MP_INTERVAL = {"caimnet": 2.3, "caimnet_cva": 3.6, "caimnet_isfa": 2.6, "schanger": 4.2,
                           "cva": 0.017, "isfa": 0.056}
REFERENCE_GFLOPS = 140.0
# the memory probe's best time (seconds) on the reference machine of the per-pixel constants
REFERENCE_PROBE_S = 0.015
# loading the model, temporary folders, closing files, and the two yardsticks' own runs (they run inside
# the run, before the estimate is told)
RUN_FIXED_S = {"classical": 0.25, "network": 0.27}
OPEN_S = 0.001         # per input file opened (and checked, aligned onto the grid when it is not on it)
SAMPLE_S = 5e-8        # the scene statistics: per value (pixel x band x date) of the sample, at most 1 MP per date
READ_S = 2.6e-9        # the tiles' reads (and a decimated sample's): per pixel x band x date read
WRITE_S = 1e-7         # writing the area, moment and confidence maps (DEFLATE): per pixel
# writing moment_probability.tif (--probabilities), per value (pixel x band) of each type (PROBABILITY_TYPES): the
# encoding and the DEFLATE writes of its rows, no overviews.  ``tools/estimate_constants.py probabilities`` (the
# thirty-ninth session, 3 runs of each type with CVA and ISFA on NAIP 6 and 10 dates and a synthetic 6 x 2048^2,
# load 1.8-4.4 on the 2 cores), medians: float32 7.4e-8, uint16 3.2e-8 (0.43 of float32), byte 3.6e-8 (0.49); the
# best of 5 writes of the same probabilities (types interleaved) agreed: on NAIP uint16 0.42-0.49 and byte 0.34-0.62
# of float32.  byte is not always the quicker: DEFLATE spends long on bytes that are nearly all one value (synthetic
# CVA: byte 0.96 of float32, uint16 0.61; synthetic ISFA: byte 0.29).  (WRITE_S per value, the float32's before.)
PROBABILITY_WRITE_S = {"float32": 7.4e-8, "uint16": 3.2e-8, "byte": 3.6e-8}
CVA_FIT_S = 1.2e-7     # the CVA's fit (medians of the differences, stable-scene probe): per sample value and interval
# ISFA's fit: per fitted pixel (at most model_core.models.isfa.FIT_PIXELS) and interval, for 4 bands.  It
# grows with its rounds (up to 30), which are not known before the fit: the real series' intervals ran 12-30
# rounds at 3-6e-6 s, the synthetic ones' 8-9 at 1.4-2.5e-6 s; the constant is their geometric middle.
ISFA_FIT_S = 3e-6
# co-registration (detect --coregister, Stack.coregister): per pixel of its central window (at most
# coregister.WINDOW px a side), offset searched ((2 MAX_SHIFT + 1)^2 = 121) and later date: the window's read and
# each later date's edges correlated with the reference's at every offset (six FFT cross-correlations).
# ``tools/estimate_constants.py coregister`` (the fortieth session, after the FFT correlation; 3 runs each of NAIP
# 10 dates, Landsat Pucallpa 8 dates and a synthetic 6 x 2048^2, load 0.8): median 1.63e-9 (runs 1.59e-9 ..
# 3.15e-9; NAIP's, whose dates are warped onto the grid and whose read is most of it, 3.1e-9).  NAIP 10 dates:
# 0.9 s; before the FFT, one offset at a time, the median was 7.3e-9 and NAIP took 2-3 s on the idle machine.
# On a grid of 2 x 2 windows or more the check across the scene estimates 4 more windows, of
# coregister.CHECK_WINDOW (256) px (coregister.check_windows), counted by their pixels at the same cost per pixel:
# on 6 x 1024^2 and 6 x 2048^2 co-registration took 0.49-0.57 s of CPU with the check, 0.21 s without, 1.35-1.47 s
# with the 512 px windows it had at first (load 5; at load 1.6 those took 1.3-1.5 s of wall time, 0.26-0.34 s
# without); ``tools/estimate_constants.py coregister`` on the 2048^2 series, counted so: 1.4e-9 .. 2.6e-9 (load 4.9).
COREGISTER_S = 1.63e-9
SCENE_FIT = {"cva": "cva", "caimnet_cva": "cva", "isfa": "isfa", "caimnet_isfa": "isfa"}
MAX_RUN_SECONDS = 24 * 3600  # a longer run is refused unless allowed (allow_huge): clip the inputs instead
# Bytes per pixel of each output as written (DEFLATE): (typical, least); the moment and area maps of real
# scenes compress 13-18 times, the confidence and probabilities (float32, predictor 3) to about 0.75-0.8
# (NAIP, 6 dates); the least is what a map of noise and no nodata cannot go below in practice.
OUTPUT_BYTES = {"area": (0.1, 0.02), "moment": (0.1, 0.02), "confidence": (3.1, 1.0), "probabilities": (3.2, 1.0)}
# the probabilities stored as uint16 and byte (PROBABILITY_TYPES): 1.8 and 0.69 bytes per value on the same NAIP
# run (predictor 2), the least scaled as the float32's
COMPACT_PROBABILITY_BYTES = {"uint16": (1.8, 0.5), "byte": (0.7, 0.2)}
_SPEEDS = {}  # {torch's thread count: compute speed, "memory": memory speed}, measured once per process


def matmul_gflops(n=1024, repeats=8):
    """This machine's fp32 matrix-multiply rate (GFLOP/s) with torch's current threads: the best of
    ``repeats`` products of two n x n matrices (``make bench`` prints it for n = 2048).  With other work
    on the CPU the best of 3 varied from 19 to 66 GFLOP/s within minutes on this project's 2-core
    machine, the best of 8 less (about 63-67 in the same minutes)."""
    import torch

    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)
    best = float("inf")
    for _repeat in range(repeats):
        t = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - t)
    return 2 * n ** 3 / max(best, 1e-9) / 1e9


def machine_speed():
    """This machine's compute speed relative to the reference (2.0: twice as fast), from the best of eight
    1024 x 1024 matrix multiplies with torch's current threads (0.1-0.6 s; measured once per thread count,
    between 0.1 and 20).  With :func:`memory_speed` it scales the networks' model terms, and only those (a
    fast BLAS says little of reading, writing and elementwise work; see :func:`network_speed`)."""
    import torch

    threads = torch.get_num_threads()
    if threads not in _SPEEDS:
        _SPEEDS[threads] = min(max(matmul_gflops() / REFERENCE_GFLOPS, 0.1), 20.0)
    return _SPEEDS[threads]


def memory_probe_seconds(repeats=5, side=1024):
    """The best of ``repeats`` timings (seconds) of a small sample of a run's per-pixel work, on one thread:
    elementwise float32 numpy over a ``side`` x ``side`` array (4 MB, more than a CPU's cache), the median of
    a quarter of it, and a DEFLATE-compressed tiled GeoTIFF of half that side written into GDAL's memory file system and read
    back.  About 20 ms each on this project's 2-core machine; the best of five is the machine's, not a moment
    of other work's."""
    rng = np.random.default_rng(0)
    a = (rng.integers(0, 4096, (side, side), dtype=np.int32) // 16).astype(np.float32)
    q = np.empty((side // 2, side // 2), np.uint16)
    # (a name of its own: two runs starting at once in one process, QGIS's, probe at the same time; with one name
    # each replaced and removed the other's file, and one run failed 'No such file or directory')
    path = f"/vsimem/caim-probe-{os.getpid()}-{threading.get_ident()}.tif"
    driver = gdal.GetDriverByName("GTiff")
    best = float("inf")
    for _repeat in range(repeats):
        t = time.perf_counter()
        b = np.sqrt(a * a + 1.0)
        b -= np.median(b[::2, ::2])
        np.abs(b, out=b)
        np.multiply(b[::2, ::2], 10.0, out=q, casting="unsafe")
        ds = driver.Create(path, q.shape[1], q.shape[0], 1, gdal.GDT_UInt16, options=["TILED=YES", "COMPRESS=DEFLATE"])
        ds.GetRasterBand(1).WriteArray(q)
        ds = None
        ds = gdal.Open(path)
        ds.GetRasterBand(1).ReadAsArray()
        ds = None
        gdal.Unlink(path)
        best = min(best, time.perf_counter() - t)
    return best


def memory_speed():
    """This machine's speed on per-pixel work (reads, writes, elementwise arithmetic, medians) relative to the
    reference (2.0: twice as fast), from :func:`memory_probe_seconds` (about 0.15 s; measured once per
    process, between 0.1 and 20).  It scales every term of the estimate but the networks' model."""
    if "memory" not in _SPEEDS:
        _SPEEDS["memory"] = memory_speed_of(memory_probe_seconds())
    return _SPEEDS["memory"]


def memory_speed_of(probe_seconds):
    """The speed :func:`memory_speed` reads from a probe of ``probe_seconds``: the reference's probe time over it,
    between 0.1 and 20."""
    return min(max(REFERENCE_PROBE_S / max(probe_seconds, 1e-9), 0.1), 20.0)


def network_speed():
    """The speed of the networks' tiles relative to the reference: the geometric mean of :func:`machine_speed`
    and :func:`memory_speed`.  Their convolutions are matrix products, but as much of their time goes to
    elementwise work; on a machine whose matrix multiply ran 2.2 times the reference's the networks ran at
    about the reference's speed (and under load the probe followed their tiles' time closer than the matrix
    multiply did)."""
    return math.sqrt(machine_speed() * memory_speed())


def duration_text(seconds):
    """12 -> 'about 12 s', 250 -> 'about 4 min', 9000 -> 'about 2.5 h', 400000 -> 'about 4.6 days'.  One second
    and one year have templates of their own: Spanish said "unos 1 s" (its "about" is plural), English "about 1
    years"."""
    if seconds < 90:
        if round(max(seconds, 1)) == 1:
            return _("about 1 s")
        return _("about {n:.0f} s").format(n=number(max(seconds, 1)))
    if seconds < 5400:
        return _("about {n:.0f} min").format(n=number(seconds / 60))
    if seconds < 2 * 86400:
        return _("about {n:.1f} h").format(n=number(seconds / 3600))
    if seconds < 60 * 86400:
        return _("about {n:.1f} days").format(n=number(seconds / 86400))
    if seconds > 365 * 86400:
        years = seconds / 86400 / 365.25
        if years >= 99.5:  # ('about 1e+02 years' in a refusal of a run of a continent's grid)
            return _("about {n:,.0f} years").format(n=number(years))
        return _("about 1 year") if f"{years:.2g}" == "1" else _("about {n:.2g} years").format(n=number(years))
    return _("about {n:.0f} weeks").format(n=number(seconds / 86400 / 7))


# Seconds of tiles before the progress text says how long the rest will take: the rate of the first tile
# alone is not steady (the model's first call, the block cache).
ETA_AFTER_S = 5.0


def tile_text(done, total, elapsed):
    """'Tile 3/12' and, once the tiles have run for ETA_AFTER_S, the time the remaining tiles will take at
    the rate so far: measured on the run itself, so it holds on a busy machine, where the estimate before
    the run (made from the machine's idle speed) can be several times too short."""
    if done < total and elapsed >= ETA_AFTER_S:
        return _("Tile {done}/{total}, {duration} for the other tiles").format(
            done=done, total=total, duration=duration_text(elapsed / done * (total - done)))
    return _("Tile {done}/{total}").format(done=done, total=total)


def _overview_growth(width, height):
    """What the overviews add to a map written of ``width`` x ``height``: 2, 4, 8, 16 above 2048 px (see _run)."""
    return 4.0 / 3.0 if max(width, height) > 2048 else 1.0


def estimate_run(width, height, n_dates, model, paths, min_patch=0, device="cpu", bands=4, files=None,
                 window_px=None, probabilities_type="float32", coregister=False):
    """What a run will cost before it starts: {"seconds": the estimated run time on this machine (None on
    a GPU), "disks": [(folders, typical bytes, least bytes, free bytes or None)] one per disk the outputs
    ``paths`` {kind: path} (and the minimum patch's temporary rasters, beside the area) are written on}.

    ``bands``: bands read per date; ``files``: input files opened (default one per date); ``window_px``:
    pixels of all tile windows, margins included (default the grid's).  The time is the sum of the stages
    (see :data:`SECONDS_PER_MP_INTERVAL` and the constants after it): opening, the scene statistics, the
    method's fit on their sample, the tiles' reads, model and writes; :func:`run_seconds`.
    ``probabilities_type``: the data type of the probabilities (:data:`PROBABILITY_TYPES`), whose size and write
    time it sets; ``coregister``: the dates are co-registered first (:data:`COREGISTER_S`)."""
    px = float(width) * float(height)
    overviews = _overview_growth(width, height)
    need = {}
    for kind, path in paths.items():
        bands_out = n_dates if kind == "probabilities" else 1
        typical, least = OUTPUT_BYTES.get(kind, OUTPUT_BYTES["confidence"])
        if kind == "probabilities":
            typical, least = COMPACT_PROBABILITY_BYTES.get(probabilities_type, (typical, least))
        grow = overviews if kind != "probabilities" else 1.0
        need[path] = (px * bands_out * typical * grow, px * bands_out * least * grow)
    if min_patch > 1 and "area" in paths:  # p(no change) and two byte masks in the run's temporary folder
        t, lo = need[paths["area"]]
        need[paths["area"]] = (t + px * (OUTPUT_BYTES["confidence"][0] + 0.2), lo + px * OUTPUT_BYTES["confidence"][1])
    disks = {}
    for path, (typical, least) in need.items():
        folder = os.path.dirname(os.path.abspath(path))
        where = nearest_existing(folder)
        try:
            key = os.stat(where).st_dev
        except OSError:
            key = where
        entry = disks.setdefault(key, [[], 0.0, 0.0, where])
        if folder not in entry[0]:
            entry[0].append(folder)
        entry[1] += typical
        entry[2] += least
    out = []
    for folders, typical, least, where in disks.values():
        mb = free_mb(where)
        out.append((folders, typical, least, None if mb is None else mb * 1e6))
    seconds = None
    if not str(device).startswith("cuda"):
        stages = run_stages(width, height, n_dates, model, bands, files, window_px,
                            probabilities="probabilities" in paths, probabilities_type=probabilities_type,
                            coregister=coregister)
        seconds = stages["memory"] / memory_speed() + (stages["compute"] / network_speed() if stages["compute"] else 0.0)
    return {"seconds": seconds, "disks": out}


def run_stages(width, height, n_dates, model, bands=4, files=None, window_px=None, probabilities=False,
               probabilities_type="float32", coregister=False):
    """The run time of :func:`estimate_run` on the reference machine (seconds), stage by stage, as
    {"memory": the per-pixel work's seconds (scaled by :func:`memory_speed`), "compute": the networks'
    model seconds (scaled by :func:`network_speed`)}; ``probabilities``: moment_probability.tif is written, of
    ``probabilities_type`` (:data:`PROBABILITY_WRITE_S`); ``coregister``: the dates are co-registered first
    (:data:`COREGISTER_S`)."""
    px = float(width) * float(height)
    t, c = max(int(n_dates), 2), max(int(bands), 1)
    intervals = t - 1
    from model_core.models.isfa import FIT_PIXELS

    step, bw, bh = decimation(int(width), int(height), 1_000_000)  # Stack.statistics' sample
    sample = float(bw) * float(bh)
    windows = float(window_px) if window_px else px
    from model_core.models import needs_network

    network = needs_network(model)
    seconds = RUN_FIXED_S["network" if network else "classical"] + OPEN_S * (files or t)
    seconds += SAMPLE_S * sample * t * c + (READ_S * px * t * c if step > 1 else 0.0)
    fit = SCENE_FIT.get(model)
    if fit == "cva":
        seconds += CVA_FIT_S * sample * intervals * c
    elif fit == "isfa":
        seconds += ISFA_FIT_S * min(sample, FIT_PIXELS) * intervals * c / 4.0
    rate = SECONDS_PER_MP_INTERVAL.get(model, SECONDS_PER_MP_INTERVAL["caimnet_isfa"])
    seconds += READ_S * windows * t * c
    seconds += WRITE_S * px * _overview_growth(width, height)
    if coregister:  # a central window of every date read, each later date correlated at every offset searched
        from model_core.coregister import MAX_SHIFT, WINDOW, check_windows

        # the central window's pixels, and on a large grid the check's windows' (coregister.check_windows)
        window = float(min(int(width), WINDOW)) * float(min(int(height), WINDOW))
        window += sum(float(w) * float(h) for _p, (_x, _y, w, h) in check_windows(int(width), int(height)))
        seconds += COREGISTER_S * window * (2 * MAX_SHIFT + 1) ** 2 * intervals
    if probabilities:  # (without overviews)
        seconds += PROBABILITY_WRITE_S.get(probabilities_type, PROBABILITY_WRITE_S["float32"]) * px * t
    model_s = windows / 1e6 * intervals * rate
    compute = model_s if network else 0.0   # (the networks' model term: both yardsticks; all else per-pixel work)
    return {"memory": seconds + model_s - compute, "compute": compute}


def run_seconds(width, height, n_dates, model, bands=4, files=None, window_px=None, probabilities=False,
                probabilities_type="float32", coregister=False):
    """The run time of :func:`estimate_run` on the reference machine (seconds): :func:`run_stages` summed."""
    return sum(run_stages(width, height, n_dates, model, bands, files, window_px, probabilities,
                          probabilities_type, coregister).values())


# the lines check_scale returns, which the dialog keeps under its progress text (it knows them by their beginning,
# :func:`estimate_prefixes`): the first two after the summary's label 'Estimate'
ESTIMATE_LINES = (N_("{duration} on this machine, outputs {about_size} ({grid})"),
                  N_("no run time on a GPU, outputs {about_size} ({grid})"),
                  N_("Warning: the outputs may not fit in {where}: {about_size} (at least {size_text2}), "
                     "{free_size}."))


def estimate_prefixes():
    """The beginnings of the lines of :data:`ESTIMATE_LINES` in the current language ('Estimate  ', 'Warning: the
    outputs may not fit in '): the text before the first field, after the label."""
    return (summary_label("Estimate"), translated(ESTIMATE_LINES[2]).split("{")[0])


def check_scale(estimate, width, height, n_dates, model, allow_huge=False):
    """Refuse, before anything is written, a run whose outputs clearly cannot fit on their disk (OutputError)
    or that would take more than :data:`MAX_RUN_SECONDS` (InputError), unless ``allow_huge``.  Returns the
    notes to show at the start: the estimated time and size, and outputs that may not fit."""
    seconds = estimate["seconds"]
    total = sum(d[1] for d in estimate["disks"])
    mp = width * height / 1e6
    grid = _("{width} x {height} px, {mp:,.0f} megapixels, {n_dates} dates").format(
        width=width, height=height, mp=number(mp), n_dates=n_dates) if mp >= 10 else \
        _("{width} x {height} px, {n_dates} dates").format(width=width, height=height, n_dates=n_dates)
    about = about_size_text(total)
    notes = [summary_line("Estimate", translated(ESTIMATE_LINES[0]).format(duration=duration_text(seconds),
                                                                            about_size=about, grid=grid)
                          if seconds is not None else translated(ESTIMATE_LINES[1]).format(about_size=about, grid=grid))]
    allow = _("allow huge runs (--allow-huge on the command line, ALLOW_HUGE in Processing)")
    for folders, typical, least, free in estimate["disks"]:
        where = ", ".join(f"'{f}'" for f in folders)
        if free is None:
            continue
        if least > free and not allow_huge:
            raise OutputError(
                _("The outputs of this run need {about_size} (at least {size_text2}) in {where}, "
                  "whose disk has {free_size} ({grid}). Free some space, choose an output folder on "
                  "another disk, or clip the inputs to the area you need. If most of the grid is nodata, the files "
                  "compress far more: {allow} to run it anyway.").format(about_size=about_size_text(typical),
                    size_text2=size_text(least), where=where, free_size=free_size_text(free), grid=grid, allow=allow))
        if typical > free:
            notes.append(translated(ESTIMATE_LINES[2]).format(where=where, about_size=about_size_text(typical),
                                                              size_text2=size_text(least), free_size=free_size_text(free)))
    if seconds is not None and seconds > MAX_RUN_SECONDS and not allow_huge:
        raise InputError(
            _("This run would take {duration_text} on this machine (estimated from its speed; runs of "
              "more than {value:g} h are refused) with the {model} method ({grid}), and the outputs would take {about_size}. Clip the inputs to the area you need "
              "(e.g. gdal_translate -projwin, or a smaller extent), choose a faster method (cva, isfa), run on a "
              "GPU, or {allow} to run it anyway.").format(duration_text=duration_text(seconds),
                value=number(MAX_RUN_SECONDS / 3600), model=model, grid=grid, about_size=about, allow=allow))
    return notes


def plan_tiles(width, height, tile, overlap, multiple):
    """Tiles as (core_x, core_y, core_w, core_h, win_x, win_y, win_w, win_h) in grid pixels.

    Each axis is cut into the fewest cores of at most ``tile - 2 * overlap`` pixels, of equal size
    (rounded up to ``multiple``) so no compute is wasted on a sliver; each window starts ``overlap``
    before its core, so every window origin is a multiple of ``multiple``.  Because the model's output
    at a pixel depends only on its ``overlap`` neighbourhood and on the alignment of its windows,
    the result does not depend on this plan.
    """
    xs, ys = _axis_cores(width, tile, overlap, multiple), _axis_cores(height, tile, overlap, multiple)
    return [(cx, cy, cw, ch, cx - overlap, cy - overlap, ww, wh) for cy, ch, wh in ys for cx, cw, ww in xs]


def _axis_cores(n, tile, overlap, multiple):
    """One axis of :func:`plan_tiles`: [(core start, core size, window size)]."""
    max_core = max(tile - 2 * overlap, multiple)
    parts = max(1, math.ceil(n / max_core))
    step = _round_up(math.ceil(n / parts), multiple)
    return [(c, min(step, n - c), _round_up(min(step, n - c) + 2 * overlap, multiple)) for c in range(0, n, step)]


def window_pixels(width, height, tile, overlap, multiple):
    """The pixels of all the windows of :func:`plan_tiles` (margins included), without listing the tiles:
    a 10^6 x 10^6 px grid has millions (1.3 GB and 6 s to list before the run was refused)."""
    return (sum(w for _c, _s, w in _axis_cores(width, tile, overlap, multiple))
            * sum(w for _c, _s, w in _axis_cores(height, tile, overlap, multiple)))


def _round_up(v, m):
    return int(math.ceil(v / m) * m)


def _read_padded(stack, wx, wy, ww, wh, per_date=False):
    """Read a window that may extend beyond the grid; outside parts are mirrored (invalid-free).
    ``per_date``: ``valid`` is (T, h, w) (:meth:`Stack.read`)."""
    g = stack.grid
    x0, y0 = max(wx, 0), max(wy, 0)
    x1, y1 = min(wx + ww, g.width), min(wy + wh, g.height)
    values, valid = stack.read(x0, y0, x1 - x0, y1 - y0, per_date=per_date)
    pads = ((y0 - wy, wy + wh - y1), (x0 - wx, wx + ww - x1))
    if any(p for pair in pads for p in pair):
        values = np.pad(values, ((0, 0), (0, 0)) + pads, mode="symmetric")
        valid = np.pad(valid, ((0, 0),) * (valid.ndim - 2) + pads, mode="symmetric")
    return values, valid


# The band descriptions of the outputs, in English in the files whatever the language (GDAL's gdalinfo, other
# programs and scripts read them); QGIS shows them as "Band 1: change moment (...)" in a layer's legend, where the
# plugin puts their translation (caim_qgis_plugin.layers.band_label).
BAND_DESCRIPTIONS = {
    "area": N_("change area (1 = changed)"),
    "moment": N_("change moment (k = last change between date k and k+1)"),
    "confidence": N_("probability of the predicted change moment"),
}


def _creation_options(dtype, bands=1, predictor=None):
    """The GeoTIFF creation options of an output (:func:`_create`, and :func:`_compact`'s copy of one)."""
    # floating-point predictor: confidence and probabilities compress to about half (an output audit);
    # the bands of moment_probability.tif one after the other (GDAL's default, pixel-interleaved, decompressed
    # every band to draw one: reading its 8 bands band by band took 34 s instead of 7 s on the 6273 x 6032 px
    # mosaic, and it took 924 MB instead of 916; the same values)
    # (``predictor``: 2, horizontal differencing, for the probabilities stored as integers: 3-6 % smaller)
    return _CREATION + (["PREDICTOR=3"] if dtype == gdal.GDT_Float32 else [f"PREDICTOR={predictor}"] if predictor
                        else []) + (["INTERLEAVE=BAND"] if bands > 1 else [])


def _create(path, grid, dtype, bands, nodata, description, predictor=None):
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(path, grid.width, grid.height, bands, dtype, options=_creation_options(dtype, bands, predictor))
    if grid.wkt:
        ds.SetProjection(grid.wkt)
    if grid.wkt or grid.transform_only:
        ds.SetGeoTransform(grid.geotransform)
    for b in range(1, bands + 1):
        band = ds.GetRasterBand(b)
        band.SetNoDataValue(nodata)
    ds.GetRasterBand(1).SetDescription(description)
    return ds


@contextlib.contextmanager
def _closing_quietly():
    """Datasets released inside it that fail to flush (their disk is full; they are about to be deleted)
    print nothing: GDAL's bindings raise such an error from the destructor, which Python prints as an
    'Exception ignored in: <built-in function delete_Dataset>' traceback, beside GDAL's warnings."""
    hook = sys.unraisablehook

    def quiet(unraisable):
        if not isinstance(unraisable.exc_value, RuntimeError):
            hook(unraisable)

    sys.unraisablehook = quiet
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # and GDAL's warning that the .aux.xml was not saved
    try:
        yield
    finally:
        gdal.PopErrorHandler()
        sys.unraisablehook = hook


class _writing:
    """Turns a GDAL write error inside it (a full disk, a quota, a lost network drive) into an OutputError
    that names the output folder and its free space: the run stopped with a traceback
    (``RuntimeError: TIFFAppendToStrip:Write error``) when the disk filled up (a scale audit)."""

    def __init__(self, folders):
        self.folders = folders

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if kind is None or not issubclass(kind, RuntimeError):
            return False
        free = [(folder, free_mb(folder)) for folder in self.folders]
        where = [f"'{folder}'" + ("" if mb is None else " (%s)" % free_mb_text(mb, there=False)) for folder, mb in free]
        # the error's traceback holds the frames it came through (apply_min_patch's holds the output
        # datasets): dropped, so that the files are closed before their partial folder is removed, not
        # when the caller lets go of the error (a Windows folder with open files cannot be removed, and
        # their late flush on the full disk printed 'Exception ignored' tracebacks)
        with _closing_quietly():
            exc.__traceback__ = None
            del tb
        raise OutputError(_("Writing the outputs in {where} failed ({strip}). No output "
                            "was written: free some space (the disk may be full) or choose another output "
                            "folder.").format(where=', '.join(where), strip=str(exc).strip())) from None


class _Stoppable:
    """A GDAL progress callback that stops the operation (returns 0) once ``cancel()`` is true: ``with`` it, the
    operation raises :class:`Cancelled`, whether GDAL stopped it with an error or without one."""

    def __init__(self, cancel):
        self.cancel, self.stopped = cancel, False

    def __call__(self, *_args):
        if self.cancel is not None and self.cancel():
            self.stopped = True
            return 0
        return 1

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if self.stopped and (kind is None or issubclass(kind, RuntimeError)):
            raise Cancelled(_("Cancelled by the user; no output was written.")) from None
        return False

    def check(self):
        """Between the steps of a loop: raise :class:`Cancelled` when asked."""
        if self(None) == 0:
            raise Cancelled(_("Cancelled by the user; no output was written."))


def _compact(path, cancel=None):
    """Copy the GeoTIFF ``path`` over itself without dead space.  A compressed block rewritten with another size
    (:func:`apply_min_patch`) is appended to the file and the old one left in it: on a 6273 x 6032 px, 8-date
    Landsat mosaic with a minimum patch of 4 px, confidence.tif took 265 MB where a copy took 153 MB (a big-scene
    walk).  Overviews, metadata, class names and colours are copied with it.  ``cancel()`` true stops the copy
    (:class:`Cancelled`; the file is the run's partial output, removed with its folder)."""
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    options = _creation_options(band.DataType) + (["COPY_SRC_OVERVIEWS=YES"] if band.GetOverviewCount() else [])
    staged = path + ".compact.tif"
    # no band outlives ds = None below: a band does not keep its dataset alive (GDAL 3.6's Python bindings), and
    # one used after its dataset was freed reads freed memory (tests/test_gdal_lifetime.py); band is used above only
    del band
    with _Stoppable(cancel) as stop:
        try:
            out = gdal.GetDriverByName("GTiff").CreateCopy(staged, ds, options=options, callback=stop)
        finally:
            ds = None  # noqa: F841 -- closes it
        if out is None and not stop.stopped:
            raise RuntimeError(gdal.GetLastErrorMsg() or f"copying {path} failed")
        del out  # closes it
    os.replace(staged, path)
    for aux in (staged + ".aux.xml", path + ".aux.xml"):
        if os.path.exists(aux):  # the class names (PAM): the copy's, else the old file's (the same)
            os.replace(aux, path + ".aux.xml")
            break


BLOCK_ROWS = 256  # the outputs' block height (_CREATION)
# the tiles' rows held in memory by _BlockRows, all outputs of a run together: on top of the model's memory
# (AUTO_TILE_BUDGET, near 1.3 GB), so that a very wide scene still fits (above it, outputs are written as the
# tiles come, the largest per pixel first)
HELD_ROWS_LIMIT = 512 << 20


def held_rows_bytes(width, core_height, bytes_per_px):
    """The memory :class:`_BlockRows` holds for one output of ``bytes_per_px`` (bands x bytes per value) on a grid
    ``width`` px wide whose tile rows are ``core_height`` px high: the rows of a block row still incomplete (up to
    ``BLOCK_ROWS - 1``) and one tile row."""
    return (BLOCK_ROWS - 1 + int(core_height)) * int(width) * int(bytes_per_px)


def held_rows_plan(width, core_height, outputs, limit=None):
    """Which outputs of a run :class:`_BlockRows` holds: ``outputs`` {key: bytes per pixel}; returns {key: bytes held,
    0 for an output written as the tiles come}.  The smallest per pixel are held first, while their sum stays
    within ``limit`` (default :data:`HELD_ROWS_LIMIT`): a scene 6273 px wide, 8 dates with the probabilities and a
    minimum patch, holds 144 MB in automatic tiles; from about 22 000 px wide, moment_probability.tif of 10 dates
    is written directly and the rest held (155 MB at 30 000 px)."""
    limit = HELD_ROWS_LIMIT if limit is None else limit
    plan, total = {}, 0
    for key, per_px in sorted(outputs.items(), key=lambda kv: kv[1]):
        need = held_rows_bytes(width, core_height, per_px)
        plan[key] = need if total + need <= limit else 0
        total += plan[key]
    return plan


def run_outputs_per_px(n_dates, probabilities=False, min_patch=0, probabilities_type="float32"):
    """{output: bytes per pixel} of the rasters the tiles write in a run (:func:`_run`): area and moment (bytes),
    confidence (float32), the probabilities (``n_dates`` bands of ``probabilities_type``, float32 by default) and
    the minimum patch's p(no change)."""
    out = {"area": 1, "moment": 1, "confidence": 4}
    if probabilities:
        out["probabilities"] = gdal.GetDataTypeSize(PROBABILITY_TYPES[probabilities_type][0]) // 8 * int(n_dates)
    if min_patch > 1:
        out["p_no_change"] = 4
    return out


def held_rows_memory(width, core_height, n_dates, probabilities=False, min_patch=0, probabilities_type="float32"):
    """The bytes a run holds in output rows (:func:`held_rows_plan`; at most :data:`HELD_ROWS_LIMIT`), on top of the
    model's memory: the one formula the writer uses."""
    return sum(held_rows_plan(width, core_height, run_outputs_per_px(n_dates, probabilities, min_patch,
                                                                     probabilities_type)).values())


class _BlockRows:
    """The tiles' rows of one output, held until whole rows of its 256 px GeoTIFF blocks are complete, then
    written and flushed out of GDAL's block cache.

    Written straight into the GeoTIFF, every block a tile row had touched stayed in GDAL's cache, dirty, until
    the cache was full or the file closed: inside QGIS (a cache of 5 % of the RAM, 1.2 GB on 24 GB) a 6273 x
    6032 px, 8-date mosaic ended its tiles with about 1.2 GB of uncompressed blocks in memory, compressed only
    at the end (11 s after the overviews, not cancellable, and again when a cancel closed the files); on the
    command line (192 MB) blocks were flushed half-written and written again, the old copy left in the file
    as dead space (moment_probability.tif 1084 MB where a copy took 924 MB; a big-file audit).  Each block is
    now compressed and written once, when it is complete.  The tiles come row by row
    (:func:`plan_tiles`); ``commit(y)`` says that the rows above ``y`` are complete.  ``core_height``: the tile
    rows' height, which with the block rows sets the rows held, allocated once (:func:`held_rows_bytes`);
    ``direct``: the rows are written as they come, as before (an output :func:`held_rows_plan` does not hold)."""

    def __init__(self, ds, core_height=0, direct=False):
        self.ds = ds
        self.bands = [ds.GetRasterBand(b) for b in range(1, ds.RasterCount + 1)]
        self.block = self.bands[0].GetBlockSize()[1]
        self.width, self.height = ds.RasterXSize, ds.RasterYSize
        self.capacity = self.block - 1 + int(core_height)  # (rows)
        self.y0 = 0  # the first row held
        self.n = 0  # rows held from y0
        self.rows = None  # (bands, capacity, width)
        self.direct = bool(direct)

    def write(self, arrays, x, y):
        """``arrays``: (bands, h, w) or (h, w) for one band, at column ``x``, row ``y``."""
        arrays = arrays.reshape((len(self.bands),) + arrays.shape[-2:])
        h, w = arrays.shape[1:]
        if self.direct:
            for band, a in zip(self.bands, arrays):
                band.WriteArray(a, x, y)
            return
        need = y + h - self.y0
        if self.rows is None or need > self.rows.shape[1]:  # (once, unless a tile row is higher than said)
            rows = np.empty((len(self.bands), max(need, self.capacity), self.width), arrays.dtype)
            if self.rows is not None:
                rows[:, :self.n] = self.rows[:, :self.n]
            self.rows = rows
        self.rows[:, y - self.y0:y - self.y0 + h, x:x + w] = arrays
        self.n = max(self.n, need)

    def commit(self, y):
        """The rows above ``y`` are complete: write the whole block rows among them (all of them at the grid's
        last row) and flush them out of GDAL's cache."""
        if self.rows is None:
            return
        end = min(y, self.y0 + self.n) if y >= self.height else y // self.block * self.block
        if end <= self.y0:
            return
        n = end - self.y0
        for band, a in zip(self.bands, self.rows):
            band.WriteArray(a[:n], 0, self.y0)
            band.FlushCache()  # (the band's blocks only: a dataset's flush also rewrites the file's directory)
        kept = self.n - n
        if kept > 0:
            self.rows[:, :kept] = self.rows[:, n:self.n].copy()
        self.n = max(kept, 0)
        self.y0 = end


def _colour_table(colours):
    ct = gdal.ColorTable()
    for value, rgba in colours.items():
        ct.SetColorEntry(int(value), tuple(int(c) for c in rgba))
    return ct


def _remove_sidecars(path):
    """Remove GDAL's sidecars of the raster ``path`` (statistics and categories in ``.aux.xml``, external
    pyramids in ``.ovr``), which QGIS and gdalinfo -stats write and would read for a new raster there."""
    for side in (path + ".aux.xml", path + ".ovr"):
        if os.path.isfile(side):
            os.remove(side)


def remove_earlier_extras(polygons=None, files=()):
    """Remove what an earlier run wrote at the paths of this run's change polygons (``polygons``, a vector
    file: all its parts) and other files (``files``: its quicklook, its report), once this run's rasters
    have replaced that run's: they describe rasters that are gone, and a run stopped before it wrote its own
    (Ctrl-C, kill -9, a full disk) left them beside its new rasters as if they were theirs (a report of the
    earlier model, dates and hectares).  Returns the paths removed."""
    removed = []
    if polygons and os.path.isfile(polygons):
        from osgeo import ogr

        from model_core.polygons import delete_vector, driver_for

        delete_vector(ogr.GetDriverByName(driver_for(polygons)), polygons)
        removed.append(polygons)
    for path in files:
        if path and os.path.isfile(path):
            os.remove(path)
            removed.append(path)
    return removed


def _check_outputs(out_dir, outputs, want, overwrite):
    paths = {}
    for key in want:
        p = (outputs or {}).get(key)
        if not p:
            if not out_dir:
                raise OutputError(_("No path for the {key} output: give an output folder.").format(key=key))
            p = os.path.join(out_dir, OUTPUT_NAMES[key])
        paths[key] = os.path.abspath(p)
    for key, p in paths.items():
        folder = os.path.dirname(p)
        if os.path.exists(folder) and not os.path.isdir(folder):
            raise OutputError(_("Output folder '{folder}' is a file. Choose a folder.").format(folder=folder))
        if os.path.isdir(p):
            raise OutputError(_("Output '{p}' is a folder. Choose a file name.").format(p=p))
        if os.path.exists(p) and not overwrite:
            raise OutputError(_("Output '{p}' already exists. Choose another folder, delete it, or allow "
                                "overwriting (--overwrite on the command line).").format(p=p))
    if len(set(paths.values())) != len(paths):
        raise OutputError(_("Two outputs have the same file name; give each output its own path."))
    return paths


def input_files(images, masks=None, weights=None):
    """[(description, path)] of the files a run reads: its images (paths, InputSpecs or dicts with ``path``,
    ``mask`` and ``source``, the multi-date file a split date reads), their masks and the weights file."""
    found = []
    masks = list(masks or [])
    for i, img in enumerate(images):
        if hasattr(img, "path"):  # an InputSpec
            img = {"path": img.path, "mask": img.mask, "source": img.source}
        path = img.get("path") if isinstance(img, dict) else img
        mask = img.get("mask") if isinstance(img, dict) else None
        mask = mask or (masks[i] if i < len(masks) else None)
        source = img.get("source") if isinstance(img, dict) else None
        if source:  # a date of a multi-date file: the file it reads (its VRT lives in memory)
            found.append((_("input {n} ('{name}')").format(n=i + 1, name=os.path.basename(str(source))), str(source)))
        elif path:
            found.append((_("input {n} ('{name}')").format(n=i + 1, name=os.path.basename(str(path))), str(path)))
        if mask and str(mask).lower() != "none":
            found.append((_("the mask of input {n} ('{name}')").format(n=i + 1, name=os.path.basename(str(mask))),
                          str(mask)))
    if weights:
        found.append((_("the weights file ('{name}')").format(name=os.path.basename(str(weights))), str(weights)))
    return found


def _same_file(a, b):
    if os.path.exists(a) and os.path.exists(b):
        return os.path.samefile(a, b)
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def refuse_inputs_as_outputs(outputs, inputs):
    """``outputs`` {name: path}, ``inputs`` [(description, path)] (:func:`input_files`): raise OutputError
    when an output would be written over a file the run reads (an image given as the moment output
    would be destroyed) or when two outputs name one file."""
    named = [(name, p) for name, p in outputs.items() if p]
    for name, p in named:
        for what, q in inputs:
            if _same_file(p, q):
                raise OutputError(_("The {name} output '{p}' is {what}, which this run reads: writing it would "
                                    "destroy that file. Choose another file name for the output.").format(name=name,
                                      p=p, what=what))
    for i, (name, p) in enumerate(named):
        for other, q in named[:i]:
            if _same_file(p, q):
                raise OutputError(_("The {other} and {name} outputs are the same file '{p}'; give each "
                                    "output its own path.").format(other=other, name=name, p=p))


def make_folders(folder):
    """``os.makedirs(folder)``; returns the folders it created, deepest first (for :func:`remove_created`).
    Raises OutputError, naming the obstacle, when the folder cannot be made (a file in the way, no
    permission); nothing it made stays then."""
    created = missing_folders(folder)  # (a file in the way: OutputError, naming it)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        remove_created(created)
        raise OutputError(_("Cannot make the output folder '{abspath}' ({value}). "
                            "Choose a folder you can write to.").format(abspath=os.path.abspath(folder),
                              value=os_reason(exc))) from None
    return created


def remove_created(created):
    """Remove the folders :func:`make_folders` created, deepest first, as long as they are empty: a run
    that failed or was cancelled leaves no new empty folder behind."""
    for d in created:
        try:
            os.rmdir(d)
        except OSError:  # not empty (or gone): keep it and its parents
            break


PARTIAL_PREFIX = ".caim-partial-"
def _make_temp_dirs(paths, created, held=None, notice=None):
    """A hidden partial-output folder in each output folder, locked for this run (:func:`model_core.staging.hold`; the file
    descriptors are added to ``held``); the folders created are added to ``created``.  The partial folders
    that killed runs left in those folders are removed first, and ``notice(text)`` told so."""
    temps = {}
    for p in paths.values():
        folder = os.path.dirname(p)
        if folder in temps:
            continue
        try:
            created.extend(make_folders(folder))
            gone = remove_abandoned(folder, PARTIAL_PREFIX)
            if gone and notice is not None:
                notice(_("Removed {n} partial-output folder(s) in '{folder}' that a run stopped on the spot "
                         "(killed, crashed) had left: {names} ({size}).").format(
                    n=len(gone), folder=folder, names=", ".join(name for name, _size in gone),
                    size=size_text(sum(size for _name, size in gone))))
            temps[folder] = tempfile.mkdtemp(prefix=PARTIAL_PREFIX, dir=folder)
            fd = hold(temps[folder])
            if fd is not None and held is not None:
                held.append(fd)
        except (OSError, OutputError) as exc:
            for fd in held or []:
                os.close(fd)
            for t in temps.values():
                shutil.rmtree(t, ignore_errors=True)
            remove_created(created)
            if isinstance(exc, OutputError):  # make_folders' own message (a file in the way)
                raise
            raise OutputError(_("Output folder '{folder}' is not writable ({strerror}). Choose a folder "
                                "you can write to.").format(folder=folder, strerror=os_reason(exc))) from None
    return temps


SENSITIVITY_RANGE = (-3.0, 3.0)


THRESHOLD_RULES = ("otsu", "kittler")


def auto_fallback_note(network, reason, weights=None):
    """Why the automatic choice runs :data:`model_core.models.AUTO_FALLBACK` instead of ``network`` (its choice for
    the number of dates), whose refusal of the inputs' bands is ``reason``: for the summary, the log, the
    report and the outputs' metadata (``CAIM_MODEL_NOTE``)."""
    import re

    from model_core.models import AUTO_FALLBACK

    # the method's name as the QGIS plugin shows it, in the current language (an English name stood in a German
    # or Spanish note: "Classical ISFA (isfa), no caimnet_isfa: ...")
    name = {"isfa": N_("Classical ISFA"), "cva": N_("Classical CVA")}.get(AUTO_FALLBACK)
    name = translated(name) if name else AUTO_FALLBACK
    first = re.split(r"(?<=[.)])\s+(?=[A-Z])", reason.strip(), maxsplit=1)[0].rstrip(".")  # what, not its advice
    return (_("{name} ({model}), not {network}: the networks cannot read these inputs' bands ({first}); the "
              "classical methods take any bands; the weights file '{weights}' was not used.") if weights else
            _("{name} ({model}), not {network}: the networks cannot read these inputs' bands ({first}); the "
              "classical methods take any bands.")).format(
        name=name, model=AUTO_FALLBACK, network=network, first=first, weights=os.path.basename(weights or ""))


def check_threshold(value, model, auto=False):
    """The classical methods' threshold rule ``value`` ('otsu' or 'kittler'), else an :class:`InputError`;
    'kittler' only for a classical method (the fusions' weights were chosen with Otsu's threshold).
    ``auto``: ``model`` is what the automatic choice runs on these images (said so in the refusal)."""
    from model_core.models import model_class
    from model_core.models.cva import CVA

    rule = (value or "otsu").strip().lower()
    if rule not in THRESHOLD_RULES:
        raise InputError(_("Threshold '{value}' is not one of {THRESHOLD_RULES} (otsu is the default; "
                           "kittler is the minimum-error threshold).").format(value=value,
                             THRESHOLD_RULES=', '.join(THRESHOLD_RULES)))
    if rule != "otsu":
        try:
            classical = issubclass(model_class(model), CVA)
        except CaimError:  # an unknown model: load_model says so
            classical = False
        if not classical and auto:
            raise InputError(_("The minimum-error threshold applies to the classical methods (cva, isfa) only, and "
                               "the automatic choice runs '{model}' on these images (the networks can read their "
                               "bands; it runs isfa for two dates without --weights, and on imagery they cannot "
                               "read). Choose --model cva or isfa, or leave the threshold at otsu.").format(model=model))
        if not classical:
            raise InputError(_("The minimum-error threshold applies to the classical methods (cva, isfa) only, "
                               "not to '{model}'. Choose --model cva or isfa, or leave the threshold at otsu.").format(
                                 model=model))
    return rule


def check_sensitivity(value):
    """``value`` as a float within :data:`SENSITIVITY_RANGE`, else an :class:`InputError` saying so."""
    lo, hi = SENSITIVITY_RANGE
    try:
        v = float(value or 0.0)
    except (TypeError, ValueError):
        raise InputError(_("Sensitivity '{value}' is not a number. Use a value from {lo:g} to {hi:g} "
                           "(0 = the calibrated default).").format(value=value, lo=number(lo), hi=number(hi))) from None
    if not lo <= v <= hi or math.isnan(v):
        raise InputError(_("Sensitivity {v:g} is outside {lo:g} .. {hi:g}. 0 is the calibrated default; "
                           "+1 calls more pixels changed, -1 fewer.").format(v=number(v), lo=number(lo), hi=number(hi)))
    return v


MIN_PATCH_MAX = 1_000_000


def check_min_patch(value):
    """``value`` (pixels) as an int in 0 .. :data:`MIN_PATCH_MAX`, else an :class:`InputError`."""
    try:
        v = float(value or 0)
    except (TypeError, ValueError):
        v = float("nan")
    if math.isnan(v) or v != int(v) or not 0 <= v <= MIN_PATCH_MAX:
        raise InputError(_("Minimum change patch '{value}' is not a whole number of pixels from 0 to "
                           "{MIN_PATCH_MAX}. 0 or 1 keeps every changed pixel; e.g. 4 drops changed patches "
                           "of fewer than 4 pixels.").format(value=value, MIN_PATCH_MAX=MIN_PATCH_MAX))
    return int(v)


def check_probabilities_type(value, written=True):
    """``value`` (default 'float32') as one of :data:`PROBABILITY_TYPES`, else an :class:`InputError`; a type other
    than float32 is refused when the run writes no probabilities (``written`` false): it would be lost."""
    name = str(value or "float32").strip().lower()
    if name not in PROBABILITY_TYPES:
        raise InputError(_("Probabilities type '{value}' is not one of {types} (float32 is the default; uint16 and "
                           "byte store them scaled, in a half and a quarter of the space).").format(
                             value=value, types=", ".join(PROBABILITY_TYPES)))
    if name != "float32" and not written:
        raise InputError(_("The probabilities type {value} applies to moment_probability.tif, which this run does not "
                           "write. Add --probabilities, or leave the type out.").format(value=name))
    return name


def probability_encoding(name):
    """What the metadata item CAIM_PROBABILITY_ENCODING of a moment_probability.tif of type ``name`` says (None for
    float32, which has none: the values are the probabilities): the type, the scale and the nodata value, in
    English, as the band descriptions."""
    _gdal_type, top, nodata = PROBABILITY_TYPES[name]
    if top is None:
        return None
    return f"{name}: p = value / {top} (0 .. {top}), {nodata} nodata"


def encode_probabilities(probs, valid, name):
    """(K, H, W) float probabilities as stored in a moment_probability.tif of type ``name``: float32 as they are,
    -1 where ``valid`` (H, W) is False (as always); uint16 and byte round(p x 65534) and round(p x 254), clipped to
    that range, their nodata (65535, 255) where not ``valid``.  ``probs`` may be changed in place."""
    gdal_type, top, nodata = PROBABILITY_TYPES[name]
    if top is None:
        probs[:, ~valid] = nodata
        return probs
    out = np.rint(np.clip(probs, 0.0, 1.0) * top).astype(np.uint16 if gdal_type == gdal.GDT_UInt16 else np.uint8)
    out[:, ~valid] = nodata
    return out


def read_probabilities(path, xoff=0, yoff=0, xsize=None, ysize=None):
    """The (K, H, W) probabilities of a moment_probability.tif ``path`` of any type (:data:`PROBABILITY_TYPES`) as
    float32, -1 nodata, as the float32 file holds them: a uint16 or byte file's values times their band's scale
    (plus its offset).  A window by ``xoff``, ``yoff``, ``xsize``, ``ysize`` (a size not given: to the raster's
    right or bottom edge)."""
    ds = gdal.Open(str(path))
    xsize = ds.RasterXSize - xoff if xsize is None else xsize  # (GDAL's default, the whole width, overran an offset)
    ysize = ds.RasterYSize - yoff if ysize is None else ysize
    out = []
    for b in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(b)
        raw = band.ReadAsArray(xoff, yoff, xsize, ysize)
        nodata = band.GetNoDataValue()
        values = (raw.astype(np.float64) * (band.GetScale() or 1.0) + (band.GetOffset() or 0.0)).astype(np.float32)
        if nodata is not None:
            values[raw == nodata] = NODATA_F32
        out.append(values)
    return np.stack(out)


def apply_sensitivity(model, value):
    """Check ``value`` (:func:`check_sensitivity`) and, when it is not 0, lower ``model``'s log-odds of
    "no change" by it on top of the calibrated bias.  Returns the checked value."""
    value = check_sensitivity(value)
    if value:
        from model_core.models import set_calibration

        set_calibration(model, getattr(model, "no_change_bias", 0.0) - value)
    return value


def detect(images, out_dir=None, dates=None, bands=None, model="caimnet", weights=None, device="auto",
           tile=None, overlap=None, overwrite=False, reference=0, probabilities=False, outputs=None,
           progress=None, cancel=None, threads=None, sensitivity=0.0, min_patch=0, fill_gaps=False,
           masks=None, mask_clear=None, threshold="otsu", allow_huge=False, notice=None, probabilities_type="float32",
           coregister=None):
    """Run change detection on an ordered stack and write the output GeoTIFFs.

    ``sensitivity`` (-3 .. 3, default 0 = the calibrated decision) lowers the log-odds of "no change"
    by that amount for every model: positive values call more pixels changed (higher recall, more
    false alarms), negative ones fewer.  For the classical CVA and ISFA, +1 lowers the Otsu threshold by a
    quarter.  Area and moment stay consistent (the area is still inferred from the moment).

    ``threshold`` ('otsu', the default, or 'kittler'): the area threshold of the classical methods
    (``cva``, ``isfa``): Otsu's, or Kittler and Illingworth's minimum-error threshold (lower where
    changes are a small, varied share of the scene; candidate KT of the model card, which reports what
    it gains and costs).  Other models reject 'kittler'.

    ``min_patch`` (pixels, default 0 = off) is a minimum mapping unit: changed patches (8-connected
    groups of changed pixels, whatever their moments) smaller than it are written as unchanged, with
    the model's probability of no change as their confidence (:func:`apply_min_patch`).
    ``moment_probability.tif`` keeps the model's probabilities.

    ``probabilities_type`` (:data:`PROBABILITY_TYPES`): the data type of ``moment_probability.tif``: 'float32' (the
    default) as always, 'uint16' (round(p x 65534), 65535 nodata) or 'byte' (round(p x 254), 255 nodata), both
    with GDAL's scale 1/65534 or 1/254 on each band and CAIM_PROBABILITY_ENCODING in the metadata
    (:func:`read_probabilities` reads any of them as float32).  Another type than float32 without the probabilities
    is refused (:func:`check_probabilities_type`).

    ``fill_gaps`` (default False: a pixel masked in any date is nodata in every output) keeps the pixels
    valid in at least two dates: each masked date takes the pixel's values of the previous clear date, or of
    the next where no earlier date is clear, mapped into the masked date's radiometry
    (:func:`model_core.stack.fill_gaps`; for the networks after their input normalisation, which does the same),
    so a change hidden by clouds is dated to the interval that ends at the first clear date after it.

    ``masks``: one mask raster per image (a path, or None / 'none' for a date without one), e.g. cloud
    masks or QA bands; a pixel is masked on a date unless its mask value is one of ``mask_clear``
    (comma-separated whole numbers, ranges and bit tests such as bit6&!bit4, default '0';
    :func:`model_core.stack.parse_clear_values`).
    Images given as dicts may carry their own ``mask``.

    ``coregister`` (None: :data:`model_core.coregister.COREGISTER_DEFAULT`, True since rule CR) moves each date that is offset from the reference input by whole pixels
    onto it before anything is computed: the offset that best matches the dates' edges on a central window,
    up to 4 px each way, applied only when the match is clear (:meth:`model_core.stack.Stack.coregister`).
    The result's ``shifts`` say what was found and done (the summary's 'Alignment' line, the outputs'
    CAIM_COREGISTER metadata).

    Before the scene statistics, the run's time and output size are estimated (:func:`estimate_run`) and
    told to ``notice(text)`` when given; a run whose outputs clearly cannot fit on their disk, or that would
    take more than a day (:data:`MAX_RUN_SECONDS`), is refused unless ``allow_huge`` (:func:`check_scale`).

    See the module docstring and README for the conventions.  Returns a :class:`DetectResult`.
    Raises :class:`model_core.errors.CaimError` (with a user-facing message) for any input, output or
    weights problem and :class:`model_core.errors.Cancelled` when ``cancel()`` returned True.
    """
    def check_cancel():  # between the stages before the tiles (each up to seconds on a large scene)
        if cancel is not None and cancel():
            raise Cancelled(_("Cancelled by the user; no output was written."))

    check_cancel()  # before torch is imported (a second or two, far more on a cold disk)
    from model_core.errors import require_torch

    torch = require_torch()  # 2.0 or newer, else a message saying so (Debian 12's is 1.13)

    from model_core.models import AUTO, default_model

    auto = model in (None, "", AUTO)  # the automatic choice: the default for the number of dates, unless the
    if auto:                          # networks cannot read the inputs' bands (below)
        model = default_model(len(images), weights)
    t_start = time.perf_counter()
    timings = {}
    report = progress or (lambda f, m: None)
    want = ["area", "moment", "confidence"] + (["probabilities"] if probabilities else [])
    if outputs:
        want += [k for k in outputs if k not in want and k in OUTPUT_NAMES and outputs[k]]
    paths = _check_outputs(out_dir, outputs, want, overwrite)
    probabilities_type = check_probabilities_type(probabilities_type, "probabilities" in paths)
    refuse_inputs_as_outputs({OUTPUT_TITLES.get(k, k): p for k, p in paths.items()},
                             input_files(images, masks, weights))
    dev = resolve_device(device)
    if threads:
        torch.set_num_threads(int(threads))
    if overlap is not None and int(overlap) < 0:
        raise InputError(_("The tile overlap cannot be negative ({overlap}); leave it out for the model's own.").format(
                             overlap=overlap))
    sensitivity = check_sensitivity(sensitivity)  # before any loading: a bad value fails at once
    min_patch = check_min_patch(min_patch)
    # "auto": checked against the model it runs, once known (below): its classical method on imagery the
    # networks cannot read takes a threshold, as isfa chosen by name does
    from model_core.models import AUTO_FALLBACK

    threshold = check_threshold(threshold, AUTO_FALLBACK if auto else model)
    check_cancel()
    auto_note = ""
    if auto:  # the one implementation of the automatic choice (the plugin's dialog asks it too)
        from model_core.models import auto_choice

        chosen, refusal = auto_choice(images, bands, weights)
        if refusal:  # imagery the networks cannot read (red, NIR, SWIR1; one band; ...): its classical method
            auto_note = auto_fallback_note(model, refusal, weights)
            model = chosen
            if notice is not None:
                notice(_("Automatic choice: {note}").format(note=auto_note))
    report(0.0, _("Loading model"))
    net, weights_path, trained = load_model(model, None if auto_note else weights, device=dev)
    check_cancel()

    def open_stack(net):
        rgb_training = None  # the bundled file's (the note of RGB-only inputs)
        if weights and getattr(net, "needs_weights", True):  # the user's file: the note speaks of it
            from model_core.bandmap import rgb_only_training

            rgb_training = rgb_only_training(os.path.basename(weights), (getattr(net, "weights_meta", None) or {})
                                             .get("green_as_nir") is True)
        return Stack(images, dates=dates, bands=bands, reference=reference, expected_bands=net.in_channels,
                     rgb_training=rgb_training,
                     # (the fusion's classical part by name, CVA or ISFA, for the band notes)
                     extra_bands=str(getattr(net, "classical", "cva")).upper() if getattr(net, "extra_bands", False)
                     else False,
                     surface_only=bool(getattr(net, "surface_bands_only", False)), masks=masks,
                     mask_clear=mask_clear)

    try:
        stack = open_stack(net)
    except BandRolesError as exc:  # a network that reads other bands than the choice asked about (a weights file
        # of another band count): the same rule, met with the network loaded
        if not auto or auto_note:  # CAIM-Net chosen by name: the refusal, with its advice (choose CVA or ISFA, ...)
            raise              # (a band mapping the networks cannot read: auto_choice, above, asked with it)
        auto_note = auto_fallback_note(model, str(exc), weights)
        model = AUTO_FALLBACK
        net, weights_path, trained = load_model(model, None, device=dev)
        stack = open_stack(net)
        if notice is not None:
            notice(_("Automatic choice: {note}").format(note=auto_note))
    training = ""
    if weights_path and trained:  # from the training record load_model read with the weights
        from model_core.provenance import short

        training = short(getattr(net, "weights_meta", {}))
    apply_sensitivity(net, sensitivity)
    if threshold != "otsu":
        net.threshold_rule = threshold
    t_ = getattr(net, "min_dates", 2), getattr(net, "max_dates", 10 ** 6)
    try:
        if auto and threshold != "otsu":
            check_threshold(threshold, model, auto=True)  # a network runs: refused, as when chosen by name
        if stack.band_count > MAX_BANDS:
            raise InputError(
                _("The inputs have {band_count} bands per date ('{label}'); this program "
                  "takes at most {MAX_BANDS}: the classical methods' statistics grow with the square of the band "
                  "count ({band_count} bands would need tens of GB of memory and hours). Select the bands to "
                  "compare with the band mapping (--bands on the command line, BANDS in Processing).").format(
                    band_count=stack.band_count, label=stack.specs[0].label, MAX_BANDS=MAX_BANDS))
        n_dates = len(stack.sources)
        if not t_[0] <= n_dates <= t_[1]:
            raise InputError((_("The '{model}' model takes exactly {lo} images; {n} given.") if t_[0] == t_[1] else
                              _("The '{model}' model takes {lo} to {hi} images; {n} given.")).format(
                model=model, lo=t_[0], hi=t_[1], n=n_dates)
                             + (_(" Choose CAIM-Net (caimnet) for a time series.") if model != "caimnet" else ""))
        warnings = []
        if not trained:
            warnings.append(_("no trained weights were found: the model runs with RANDOM weights, results "
                              "are meaningless. Choose a weights file (--weights) or reinstall the plugin/engine with its bundled weights."))
        note = _training_bands_note(net, bands, stack) if trained else None
        if note:
            warnings.append(note)
        known = [d for d in stack.dates if d]
        if len(known) == n_dates and known != sorted(known):
            warnings.append(_("the dates are not in ascending order; the moment refers to the order given."))
        same = sorted({d for d in known if known.count(d) > 1})
        if same:  # an interval of no time: a change there is a difference between two acquisitions
            warnings.append(_("two or more inputs have the same date ({same}): the interval between "
                              "them spans no time, and its changes are differences between acquisitions; check "
                              "the dates (--dates; in QGIS double-click a date).").format(same=', '.join(same)))
        multiple = getattr(net, "multiple", 8)
        halo = getattr(net, "halo", 32)
        ov = _round_up(max(int(overlap) if overlap is not None else halo, 0), multiple)
        mem = getattr(net, "tile_memory_factor", 1.0)
        if tile:
            asked, tile = int(tile), _round_up(max(int(tile), 2 * ov + multiple), multiple)
            core = tile - 2 * ov
            if core < MIN_CORE and (tile * tile >= 4 * core * core or core < MIN_CORE // 4):
                # margins that are most of every tile, or tiny tiles: the same result, many times slower
                warnings.append(_("the tile size {asked} px keeps {core} x {core} px of each tile (inside a {ov} px "
                                  "overlap margin read on every side): most of the time goes to the margins and to the "
                                  "work of each tile. Leave the tile size at 0 (automatic) or give at least "
                                  "{value} px.").format(asked=asked, core=core, ov=ov, value=2 * ov + MIN_CORE))
        else:
            tile = auto_tile(n_dates, multiple, ov, mem)
        g = stack.grid
        if coregister is None:
            from model_core.coregister import COREGISTER_DEFAULT

            coregister = COREGISTER_DEFAULT
        estimate = estimate_run(g.width, g.height, n_dates, model, paths, min_patch, dev, bands=stack.band_count,
                                files=len({s.spec.path for s in stack.sources}),
                                window_px=window_pixels(g.width, g.height, tile, ov, multiple),
                                probabilities_type=probabilities_type, coregister=bool(coregister))
        for line in check_scale(estimate, g.width, g.height, n_dates, model, allow_huge=allow_huge):
            if notice is not None:
                notice(line)
        check_cancel()
        if coregister:
            report(0.005, _("Co-registering the dates"))
            t0 = time.perf_counter()

            def matching(k, n):  # a date's estimate takes a fraction of a second (a 512 px window, 121 offsets)
                check_cancel()
                report(0.005 + 0.005 * (k - 1) / n, _("Co-registering the dates: date {k} of {n}").format(k=k, n=n))

            stack.coregister(progress=matching)
            timings["coregister"] = time.perf_counter() - t0
            check_cancel()
        t0 = time.perf_counter()
        fit_scene = getattr(net, "fit_scene", None)

        def reading(k, n):  # a date of a full scene takes seconds (every block of its files is read once)
            check_cancel()
            report(0.01 + 0.02 * (k - 1) / n, _("Computing scene statistics: date {k} of {n}").format(k=k, n=n))

        center, scale = stack.statistics(keep_sample=fit_scene is not None, fill=bool(fill_gaps), progress=reading)
        check_cancel()
        if fit_scene is not None:  # methods with scene-wide statistics of raw values (CVA, fusion)
            # full-resolution windows for a decision that uses neighbours, when the sample is decimated
            windows = stack.windows() if getattr(net, "needs_windows", False) and stack.sample_step > 1 else None
            method = type(getattr(net, "part", net)).__name__  # the classical method whose statistics these are

            def fitted(k, n):
                check_cancel()
                report(0.03 + 0.02 * k / n, _("Fitting {method} to the scene: interval {k} of {n}").format(
                    method=method, k=k, n=n))

            fit_scene(*stack.sample, center=center, scale=scale, windows=windows, progress=fitted,
                      clear=stack.sample_clear)
            note = getattr(getattr(net, "part", net), "threshold_note", None)
            if note:
                warnings.append(note)
            if method == "CVA":  # raw values compared: a date in other units looks changed (ISFA fits gains)
                warnings.extend(scaling_notes(center, [s.spec.label for s in stack.sources]))
        timings["statistics"] = time.perf_counter() - t0
        tiles = plan_tiles(g.width, g.height, tile, ov, multiple)  # (after the refusal of a huge run)
        labels = interval_labels(stack.dates)
        created, held = [], []
        temps = _make_temp_dirs(paths, created, held, notice)
        tmp_paths = {k: os.path.join(temps[os.path.dirname(p)], os.path.basename(p)) for k, p in paths.items()}
        written = False
        try:
            result = _run(net, dev, stack, tiles, center, scale, tmp_paths, labels, report, cancel, timings,
                          model, weights_path, sensitivity, min_patch, bool(fill_gaps), training, auto_note,
                          probabilities_type)
            if result[2]:  # the minimum patch rewrote blocks of these maps: copied without the space of the old ones
                # (seconds on a full scene: said, and cancellable)
                report(0.995, _("Copying the maps without the space of the removed patches"))
                with _writing(sorted({os.path.dirname(p) for p in paths.values()})):
                    for k in ("area", "moment", "confidence"):
                        if k in tmp_paths:
                            _compact(tmp_paths[k], cancel)
            for k, p in paths.items():
                if os.path.exists(p) and not overwrite:  # appeared meanwhile: never clobber
                    raise OutputError(_("Output '{p}' appeared while the model ran; nothing was overwritten.").format(
                                          p=p))
            for k, p in paths.items():
                _remove_sidecars(p)  # an earlier file's statistics or pyramids would describe the old raster
                os.replace(tmp_paths[k], p)
                aux = tmp_paths[k] + ".aux.xml"
                if os.path.exists(aux):
                    os.replace(aux, p + ".aux.xml")
            if overwrite and out_dir:  # an earlier run's output this run does not write would pass for its own
                for k, name in OUTPUT_NAMES.items():
                    stale = os.path.abspath(os.path.join(out_dir, name))
                    if k not in paths and os.path.isfile(stale):
                        os.remove(stale)
                        _remove_sidecars(stale)
            written = True
        except Cancelled as exc:  # (the partial outputs existed: the plugin says they were removed)
            exc.staged = True
            raise
        finally:
            for fd in held:
                os.close(fd)
            for t in temps.values():
                shutil.rmtree(t, ignore_errors=True)
            if not written:  # failed or cancelled: no new empty output folder either
                remove_created(created)
        counts, valid_px, removed, filled = result
        if stack.write_time_dates:  # TIFFTAG_DATETIME is often when the file was written
            warnings.append(_("the date of {inputs} comes from a metadata item that often holds when the file was "
                              "written, not when the scene was acquired: check it, or give the dates (--dates; in "
                              "QGIS double-click a date).").format(inputs=", ".join(
                _("input {n} '{label}' ({date}, from {key})").format(
                    n=i + 1, label=stack.sources[i].spec.label, date=stack.dates[i], key=key)
                for i, key in stack.write_time_dates)))
        if stack.year_only_dates:  # 12-05-2020: which is the day?
            warnings.append(_("only the year was read from the name of {inputs}: the day and month are not in the "
                              "year-first order read from names (2020-05-12, 20200512). Give the dates (--dates; in "
                              "QGIS double-click a date) if they matter for the intervals.").format(inputs=", ".join(
                _("input {n} '{label}' ('{text}' -> {date})").format(
                    n=i + 1, label=stack.sources[i].spec.label, text=text, date=stack.dates[i])
                for i, text in stack.year_only_dates)))
        for i in sorted(stack.nan_inputs):
            warnings.append(_("input {n} '{label}' has NaN values not marked as nodata: "
                              "they were read as nodata (gdal_edit.py -a_nodata nan FILE marks them).").format(
                                n=i + 1, label=stack.sources[i].spec.label))
        if stack.clipped:  # a date of part of the scene: every output covers that part only
            share, cuts = stack.clipped
            ref = stack.sources[reference].spec.label
            warnings.append(_("the outputs cover {pct} of the reference input {n} '{label}': they are clipped to the "
                              "area every date covers, and {cuts}. Leave out or replace a date that covers part of "
                              "the scene to map all of it.").format(pct=_pct(share), n=reference + 1, label=ref,
                                                                   cuts=", ".join(
                _("input {n} '{label}' covers {pct} of it").format(n=i + 1, label=stack.sources[i].spec.label,
                                                                   pct=_pct(c)) for i, c in cuts)))
        for i, (value, share) in sorted(stack.zero_fill.items()):
            warnings.append(_("input {n} '{label}' is {value} in every band on {pct} "
                              "of its pixels, and declares no nodata value: if that is fill (a scene edge, the outside "
                              "of a footprint), it was compared as land, and the map may call it, or the rest, "
                              "changed. Mark it as nodata (gdal_edit.py -a_nodata {value} FILE) and run again.").format(
                                n=i + 1, label=stack.sources[i].spec.label, value=value, pct=_pct(share)))
        from model_core.coregister import MAX_SHIFT, offset_elsewhere, offset_text, varies, windows_text

        for i, sh in enumerate(stack.shifts or []):
            if sh.reason == "edge":  # the best match at the edge of the search: offset by more than it looks
                warnings.append(_("input {n} '{label}' matches the reference input best at an offset of {offset} "
                                  "or more, the most the co-registration looks for: it was left as it is. Check its "
                                  "georeferencing against the reference (e.g. over a basemap in QGIS) and "
                                  "co-register it with a dedicated tool.").format(
                    n=i + 1, label=stack.sources[i].spec.label,
                    offset=_("{n} px").format(n=MAX_SHIFT)))
            elif sh.reason == "no_crs" and sh.dx is not None:
                warnings.append(_("input {n} '{label}' looks offset {offset} from the reference input, but the "
                                  "images are not georeferenced, so it was left as it is.").format(
                    n=i + 1, label=stack.sources[i].spec.label, offset=offset_text(round(sh.dx), round(sh.dy))))
            if offset_elsewhere(sh):  # no clear match at the centre, whose offset is applied; offset alike elsewhere
                warnings.append(_("input {n} '{label}' is offset from the reference input in other parts of the scene, "
                                  "but its centre, whose offset the co-registration applies to a whole date, showed no "
                                  "clear match ({found}): it was left as it is, and its edges may show as false "
                                  "change. Co-register or orthorectify the dates with a GIS tool before the run.").format(
                    n=i + 1, label=stack.sources[i].spec.label, found=windows_text(sh)))
            elif varies(sh):  # the check across the scene: one offset for the whole date, where parts differ
                ax, ay = sh.applied()
                moved = (ax, ay) != (0, 0)
                warnings.append(_("input {n} '{label}' is offset from the reference input differently in different "
                                  "parts of the scene ({found}), and {applied}: where it is offset otherwise, its "
                                  "edges may show as false change. {advice}").format(
                    n=i + 1, label=stack.sources[i].spec.label, found=windows_text(sh),
                    applied=(_("one offset, {offset}, was applied to the whole date").format(offset=offset_text(ax, ay))
                             if moved else _("it was left as it is")),
                    advice=(_("Co-register or orthorectify the dates with a GIS tool before the run, or run without "
                              "co-registration (--no-coregister; in QGIS untick 'Co-register the dates', "
                              "COREGISTER=false in Processing).") if moved else
                            _("Co-register or orthorectify the dates with a GIS tool before the run."))))
        for i, cover in enumerate(stack.mask_cover):
            label = stack.sources[i].spec.label
            # fill_gaps takes a masked pixel's previous clear values, or its next ones where no earlier date is
            # clear: always the next where every earlier date is overcast (or there is none)
            earlier = any(j not in stack.overcast for j in range(i))
            if i in stack.overcast:
                warnings.append((_("the cloud mask of input {n} '{label}' hides the whole date: its values are "
                                   "the previous clear date's, or the next's where no earlier date is clear, so a "
                                   "change around it is dated to the interval ending at the next clear date.")
                                 if earlier else
                                 _("the cloud mask of input {n} '{label}' hides the whole date, with no clear date "
                                   "before it: its values are the next clear date's, so a change before that date "
                                   "is not seen.")).format(n=i + 1, label=label))
            elif cover is not None and cover > 0.5:
                warnings.append(((_("the cloud mask of input {n} '{label}' hides {pct} of the date (filled from the "
                                    "previous clear date, or the next where no earlier date is clear).") if earlier
                                  else _("the cloud mask of input {n} '{label}' hides {pct} of the date (filled from "
                                         "the next clear date: there is no clear date before it).")) if fill_gaps else
                                 _("the cloud mask of input {n} '{label}' hides {pct} of the date: those pixels are "
                                   "nodata in every output. Check that the mask covers its whole image, or fill "
                                   "masked dates.")).format(n=i + 1, label=label, pct=_pct(cover)))
        area_px = _hectares(g, counts)
        hectares = {labels[k - 1]: area_px[k] for k in range(1, n_dates)}
        report(1.0, _("Done"))
        return DetectResult(paths=paths, dates=[d or "" for d in stack.dates], interval_labels=labels,
                            device=dev, seconds=time.perf_counter() - t_start, grid=g, hectares=hectares,
                            changed_pixels=int(counts[1:].sum()), valid_pixels=int(valid_px), model=model,
                            weights=weights_path, trained=trained, warnings=warnings, timings=timings,
                            notes=list(getattr(stack, "band_notes", [])), sensitivity=sensitivity,
                            min_patch=min_patch, removed_pixels=removed, fill_gaps=bool(fill_gaps),
                            filled_pixels=filled, mask_cover=list(stack.mask_cover),
                            strip_cover=list(stack.strip_cover),
                            mask_clear=stack.mask_clear, threshold=threshold, weights_training=training,
                            auto_note=auto_note, shifts=stack.shifts)
    finally:
        stack.close()


def scaling_notes(center, labels, factor=4.0):
    """Warnings for CVA, which compares raw values: a date whose median is more than ``factor`` times (or
    less than 1/``factor`` of) the first date's in every band, by nearly the same ratio in each (within a
    factor 2: a change of units or scaling, such as reflectance 0-1 against DN, not a land-cover change,
    which changes the bands unequally).  ``center``: (T, C) per-date band medians."""
    c = np.asarray(center, np.float64)
    out = []
    if c.ndim != 2 or not (c[0] > 0).all():
        return out
    for i in range(1, c.shape[0]):
        if not (c[i] > 0).all():
            continue
        r = c[i] / c[0]
        if ((r > factor).all() or (r < 1.0 / factor).all()) and r.max() / r.min() < 2.0:
            g = float(np.exp(np.log(r).mean()))
            out.append((_("input {n} '{label}' is about {g:.2g} times input 1 '{first}' in every band (band medians): "
                          "different units or scaling (reflectance against DN, another scale factor)? CVA compares "
                          "raw values, so its map then follows brightness, not change. Bring the inputs to the same "
                          "units, or choose ISFA or CAIM-Net, which fit each date's gain.") if g > 1 else
                        _("input {n} '{label}' is about 1/{g:.2g} of input 1 '{first}' in every band (band medians): "
                          "different units or scaling (reflectance against DN, another scale factor)? CVA compares "
                          "raw values, so its map then follows brightness, not change. Bring the inputs to the same "
                          "units, or choose ISFA or CAIM-Net, which fit each date's gain.")).format(
                n=i + 1, label=labels[i], first=labels[0], g=number(g if g > 1 else 1.0 / g)))
    return out


def _training_bands_note(net, bands, stack):
    """A warning when the weights' training config picked input bands (``data.bands``, e.g. [3, 4, 4, 2]
    for 4-band Landsat as SWIR1, NIR, Red, Green) and this run, with no band mapping given, reads others:
    a file trained on the user's own imagery was run on bands 1-4 without a word (a training audit).  When
    the images have fewer bands than the mapping names (a file trained on 6-band images run on 4-band ones)
    it says so instead of advising a mapping the run would refuse."""
    if bands:
        return None
    from model_core.provenance import mapping_advice, mapping_origin, trained_bands

    meta = getattr(net, "weights_meta", {}) or {}
    trained = trained_bands(meta)
    used = list(stack.sources[0].spec.bands or [])[:len(trained or [])]  # the file's bands (a warped date reads a VRT)
    if not trained or trained == used:
        return None
    ds = gdal.Open(stack.sources[0].spec.path)
    n_bands = ds.RasterCount if ds is not None else None
    return _("the weights were trained with the band mapping {trained} ({origin}), this run reads bands {used}: "
             "{advice} (Bands in QGIS).").format(trained=','.join(map(str, trained)), origin=mapping_origin(meta),
                                                 used=','.join(map(str, used)), advice=mapping_advice(trained, n_bands))


def _hectares(grid, counts_by_row):
    """counts_by_row: (K, H) changed-pixel counts per class and grid row -> hectares per class."""
    area = grid.pixel_area_m2()
    return (counts_by_row * area[None, :]).sum(axis=1) / 10000.0


def recorded_path(path):
    """``path`` as the outputs' metadata record an input (``CAIM_INPUT_PATHS``, ``CAIM_MASK_PATHS``): absolute for a
    file (given relative to the working folder on the command line), as given for a GDAL dataset name (a /vsi path,
    a NetCDF variable)."""
    return os.path.abspath(path) if os.path.exists(path) else path


def _run(net, dev, stack, tiles, center, scale, paths, labels, report, cancel, timings, model_name, weights,
         sensitivity=0.0, min_patch=0, fill=False, training="", auto_note="", probabilities_type="float32"):
    import torch

    from model_core.normalize import apply
    from model_core.stack import fill_gaps

    g = stack.grid
    n_dates = len(stack.sources)
    k_classes = n_dates
    raw = bool(getattr(net, "raw_input", False))
    meta = {"CAIM_VERSION": __version__, "CAIM_MODEL": model_name,
            "CAIM_WEIGHTS": (os.path.basename(weights) if weights else
                             "none (classical method)" if not getattr(net, "needs_weights", True) else "untrained"),
            "CAIM_DATES": ",".join(d or "" for d in stack.dates),
            "CAIM_INPUTS": ";".join(os.path.basename(s.spec.path) for s in stack.sources),
            "CAIM_BANDS": ",".join(str(b) for b in (stack.sources[0].spec.bands or [])),
            "CAIM_SENSITIVITY": f"{sensitivity:g}", "CAIM_MIN_PATCH": str(min_patch),
            "CAIM_FILL_GAPS": "yes" if fill else "no"}
    if stack.shifts is not None:  # per date: the offset found (x, y px; east, south positive) and the one applied
        meta["CAIM_COREGISTER"] = json.dumps([sh.as_dict() for sh in stack.shifts])
    if training:
        meta["CAIM_WEIGHTS_TRAINING"] = training
    if auto_note:  # the automatic choice ran a classical method: why (a note for people: in the run's language, whole,
        # as the report and the summary give it; the other items are codes and paths, CAIM_WEIGHTS_TRAINING aside)
        meta["CAIM_MODEL_NOTE"] = _("automatic choice: {note}").format(note=auto_note)
    if getattr(net, "threshold", None) is not None and hasattr(net, "threshold_rule"):  # a classical method
        meta["CAIM_THRESHOLD"] = f"{net.threshold_rule} {net.threshold:.6g}"
    # the inputs' own paths (CAIM_INPUTS keeps their file names only): a run's output added to a project by hand
    # finds its dates by them, and by the folder the output was written to when moved together with them
    meta["CAIM_INPUT_PATHS"] = json.dumps([recorded_path(s.spec.path) for s in stack.sources])
    if any(m is not None for m in stack.masks):
        meta["CAIM_MASKS"] = ";".join(os.path.basename(m.path) if m is not None else "" for m in stack.masks)
        meta["CAIM_MASK_CLEAR"] = format_clear_values(stack.mask_clear)
        meta["CAIM_MASK_PATHS"] = json.dumps([recorded_path(m.path) if m is not None else "" for m in stack.masks])
    # the folders the user chose (the outputs are written in a partial folder inside each)
    writing = _writing(sorted({os.path.dirname(os.path.dirname(p)) for p in paths.values()}))
    with writing:
        area_ds = _create(paths["area"], g, gdal.GDT_Byte, 1, NODATA_U8, BAND_DESCRIPTIONS["area"])
        moment_ds = _create(paths["moment"], g, gdal.GDT_Byte, 1, NODATA_U8, BAND_DESCRIPTIONS["moment"])
        conf_ds = _create(paths["confidence"], g, gdal.GDT_Float32, 1, NODATA_F32, BAND_DESCRIPTIONS["confidence"])
        prob_ds = None
        if "probabilities" in paths:
            prob_type, top, prob_nodata = PROBABILITY_TYPES[probabilities_type]
            prob_ds = _create(paths["probabilities"], g, prob_type, k_classes, prob_nodata, "p(no change)",
                              predictor=2 if top else None)
            for k in range(1, k_classes):
                prob_ds.GetRasterBand(k + 1).SetDescription(f"p(change {labels[k - 1]})")
            if top:  # stored scaled: GDAL, QGIS and rasterio read value x scale (+ offset 0)
                for k in range(1, k_classes + 1):
                    prob_ds.GetRasterBand(k).SetScale(1.0 / top)
                    prob_ds.GetRasterBand(k).SetOffset(0.0)
        area_ds.GetRasterBand(1).SetColorTable(_colour_table(AREA_COLOURS))
        area_ds.GetRasterBand(1).SetCategoryNames(["unchanged", "changed"])
        moment_ds.GetRasterBand(1).SetColorTable(_colour_table(moment_colours(n_dates - 1)))
        moment_ds.GetRasterBand(1).SetCategoryNames(["no change"] + labels)
        encoding = probability_encoding(probabilities_type)  # (None for float32: no such item)
        for key, ds in (("area", area_ds), ("moment", moment_ds), ("confidence", conf_ds),
                        ("probabilities", prob_ds)):
            if ds is not None:  # (CAIM_OUTPUT_FOLDER: the folder the file is moved to from its partial folder)
                ds.SetMetadata(dict(meta, CAIM_INTERVALS=";".join(labels),
                                    CAIM_OUTPUT_FOLDER=os.path.abspath(os.path.dirname(os.path.dirname(paths[key]))),
                                    **({"CAIM_PROBABILITY_ENCODING": encoding}
                                       if key == "probabilities" and encoding else {})))
        counts = np.zeros((k_classes, g.height), np.int64)
        valid_px = removed = filled = 0
        t_read = t_model = t_write = 0.0
        filtering = min_patch > 1
        scratch = os.path.dirname(paths["area"])  # the run's temporary folder (removed afterwards)
        p0_ds = _create(os.path.join(scratch, ".p_no_change.tif"), g, gdal.GDT_Float32, 1, NODATA_F32,
                        "p(no change)") if filtering else None
    core_h = max(t[3] for t in tiles)
    plan = held_rows_plan(g.width, core_h, run_outputs_per_px(n_dates, prob_ds is not None, min_patch,
                                                              probabilities_type))
    held = [_BlockRows(ds, core_h, direct=not plan[key]) for key, ds in
            (("area", area_ds), ("moment", moment_ds), ("confidence", conf_ds), ("probabilities", prob_ds))
            if ds is not None]
    p0_rows = _BlockRows(p0_ds, core_h, direct=not plan["p_no_change"]) if p0_ds is not None else None
    try:
        loop_start = time.perf_counter()
        with torch.inference_mode():
            for i, (cx, cy, cw, ch, wx, wy, ww, wh) in enumerate(tiles):
                if cancel is not None and cancel():
                    raise Cancelled(_("Cancelled by the user; no output was written."))
                t0 = time.perf_counter()
                values, valid = _read_padded(stack, wx, wy, ww, wh, per_date=fill)
                x = values if raw else apply(values, center, scale, out=values)
                if fill:  # standardised values are carried as they are, raw ones mapped between dates
                    gaps = ~valid.all(axis=0)
                    x, valid = fill_gaps(x, valid, *((center, scale) if raw else (None, None)))
                    filled_core = gaps & valid
                x[:, :, ~valid] = 0.0
                t1 = time.perf_counter()
                xt = torch.from_numpy(x).unsqueeze(0).to(dev)
                out = net(xt)["moment"][0].float().exp()
                conf, moment = out.max(dim=0)
                sl = (slice(cy - wy, cy - wy + ch), slice(cx - wx, cx - wx + cw))
                moment = moment.to(torch.uint8).cpu().numpy()[sl]
                conf = conf.cpu().numpy()[sl]
                if p0_ds is not None:
                    with writing:
                        p0_rows.write(out[0].cpu().numpy()[sl], cx, cy)
                probs = out.cpu().numpy()[:, sl[0], sl[1]] if prob_ds is not None else None
                t2 = time.perf_counter()
                core_valid = valid[sl]
                area = (moment > 0).astype(np.uint8)
                area[~core_valid] = NODATA_U8
                moment[~core_valid] = NODATA_U8
                conf[~core_valid] = NODATA_F32
                with writing:
                    if prob_ds is not None:  # (float32: -1 where not valid, as always)
                        probs = encode_probabilities(probs, core_valid, probabilities_type)
                    for rows, a in zip(held, (area, moment, conf, probs)):
                        rows.write(a, cx, cy)
                    if i + 1 == len(tiles) or tiles[i + 1][1] != cy:  # the tile row is complete
                        for rows in held + ([p0_rows] if p0_rows is not None else []):
                            rows.commit(cy + ch)
                for k in range(1, k_classes):
                    counts[k, cy:cy + ch] += (moment == k).sum(axis=1)
                valid_px += int(core_valid.sum())
                if fill:
                    filled += int(filled_core[sl].sum())
                t_read += t1 - t0
                t_model += t2 - t1
                t_write += time.perf_counter() - t2
                report(0.05 + 0.93 * (i + 1) / len(tiles),
                       tile_text(i + 1, len(tiles), time.perf_counter() - loop_start))
        t0 = time.perf_counter()
        with writing:
            if filtering:
                report(0.985, _("Removing changed patches under {min_patch} px").format(min_patch=min_patch))
                removed, counts = apply_min_patch(area_ds, moment_ds, conf_ds, p0_ds, min_patch, k_classes, scratch,
                                                  cancel=cancel)
            if max(g.width, g.height) > 2048:  # classes: nearest; the confidence, a probability: averaged
                # (seconds to tens of seconds on a full scene, after the last tile: said, and cancellable)
                report(0.99, _("Building overviews for display"))
                stop = _Stoppable(cancel)  # (GDAL's progress callback: a cancel stops the overviews)
                for ds, how in ((area_ds, "NEAREST"), (moment_ds, "NEAREST"), (conf_ds, "AVERAGE")):
                    with stop:
                        ds.BuildOverviews(how, [2, 4, 8, 16], callback=stop)
            for ds in (area_ds, moment_ds, conf_ds, prob_ds):
                if ds is not None:
                    ds.FlushCache()
        t_write += time.perf_counter() - t0
    finally:
        with _closing_quietly():  # after a write error (a full disk) the files fail to flush: deleted next
            held = rows = p0_rows = area_ds = moment_ds = conf_ds = prob_ds = p0_ds = None  # noqa: F841 -- closes the files
    timings.update(read=t_read, model=t_model, write=t_write)
    return counts, valid_px, removed, filled


def small_patches(area_band, min_patch, folder=None, rows=1024, cancel=None):
    """A GDAL dataset whose band 1 is 1 on the changed pixels of ``area_band`` (0 unchanged, 1 changed,
    255 nodata) whose 8-connected changed patch has fewer than ``min_patch`` pixels, else 0.

    GDAL only (no SciPy in QGIS's Python everywhere): the changed pixels are polygonized (8-connected),
    each polygon's area in pixel units is its pixel count (holes excluded), and the small ones are
    rasterized back.  Unlike GDAL's sieve (QGIS's "Sieve" tool), which leaves a small patch alone
    when none of its neighbours reaches the threshold (a speck inside a small hole of a larger
    change), every small changed patch counts.  Temporary rasters and the patch polygons live in
    ``folder`` (a streamed FlatGeobuf: memory stays flat however many patches there are; 4 096^2 px of
    random 10 % specks, 1.2 million patches: 3 s, +30 MB) or in memory.  ``cancel()`` true stops it
    (:class:`Cancelled`)."""
    from osgeo import ogr

    stop = _Stoppable(cancel)

    ds = area_band.GetDataset()
    xs, ys = ds.RasterXSize, ds.RasterYSize

    def raster(name):  # no geotransform: polygons and rasterization in pixel coordinates
        if folder:
            return gdal.GetDriverByName("GTiff").Create(os.path.join(folder, name), xs, ys, 1, gdal.GDT_Byte,
                                                        options=_CREATION)
        return gdal.GetDriverByName("MEM").Create("", xs, ys, 1, gdal.GDT_Byte)

    changed = raster(".changed.tif")
    band = changed.GetRasterBand(1)
    any_changed = False
    for y in range(0, ys, rows):
        stop.check()
        h = min(rows, ys - y)
        block = (area_band.ReadAsArray(0, y, xs, h) == 1).astype(np.uint8)
        any_changed = any_changed or bool(block.any())
        band.WriteArray(block, 0, y)
    if not any_changed:  # no patch at all: nothing to trace (GDAL 3.6 wrote a FlatGeobuf without features as an
        # empty file it could not open again: a run with a minimum patch over a map without change stopped with a
        # traceback); a new raster reads 0 everywhere ('changed' and its band go with the return)
        return raster(".small_patches.tif")
    if folder:  # on disk, streamed: a noisy 100-megapixel map can hold millions of patches
        vectors = ogr.GetDriverByName("FlatGeobuf").CreateDataSource(os.path.join(folder, ".patches.fgb"))
        layer = vectors.CreateLayer("patches", geom_type=ogr.wkbPolygon, options=["SPATIAL_INDEX=NO"])
    else:  # "Memory" (since GDAL 3.11 an alias of the merged "MEM" driver)
        vectors = (ogr.GetDriverByName("Memory") or ogr.GetDriverByName("MEM")).CreateDataSource("patches")
        layer = vectors.CreateLayer("patches", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    with stop:
        gdal.Polygonize(band, band, layer, 0, ["8CONNECTED=8"], callback=stop)
    if folder:  # reopen the finished file for reading
        vectors = None
        vectors = ogr.Open(os.path.join(folder, ".patches.fgb"))
        layer = vectors.GetLayer(0)
    # a polygon's area in pixel units is its pixel count (holes excluded); only the small ones are burnt
    layer.SetAttributeFilter(f"OGR_GEOM_AREA < {int(min_patch) - 0.5}")
    out = raster(".small_patches.tif")
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # both in pixel coordinates: no CRS to match (a warning)
    try:
        with stop:
            gdal.RasterizeLayer(out, [1], layer, burn_values=[1], callback=stop)
    finally:
        gdal.PopErrorHandler()
    changed = vectors = None  # noqa: F841 -- closes them
    return out


def drop_small_patches(moment, min_patch, nodata=NODATA_U8):
    """A copy of the moment map ``moment`` (H, W; 0 no change, 1..K changed, ``nodata``) whose changed
    patches of fewer than ``min_patch`` pixels (8-connected, any moments) are set to 0: the array
    form of ``detect(..., min_patch=...)``, used by ``evaluate`` and the photo-point checks."""
    m = np.array(moment, copy=True)
    if check_min_patch(min_patch) <= 1:
        return m
    area = np.where(m == nodata, NODATA_U8, m > 0).astype(np.uint8)
    ds = gdal.GetDriverByName("MEM").Create("", m.shape[1], m.shape[0], 1, gdal.GDT_Byte)
    ds.GetRasterBand(1).WriteArray(area)
    m[small_patches(ds.GetRasterBand(1), min_patch).ReadAsArray() == 1] = 0
    return m


def apply_min_patch(area_ds, moment_ds, conf_ds, p0_ds, min_patch, k_classes, folder, rows=512, cancel=None):
    """Apply the minimum change patch to the written outputs in place: pixels of changed patches under
    ``min_patch`` pixels become unchanged (area 0, moment 0, confidence = ``p0_ds``, the model's
    probability of no change).  Returns (pixels removed, new (K, H) counts per class and row).  ``cancel()``
    true stops it (:class:`Cancelled`: the outputs are the run's partial ones, removed)."""
    area_band = area_ds.GetRasterBand(1)
    area_ds.FlushCache()
    small = small_patches(area_band, min_patch, folder, cancel=cancel)
    stop = _Stoppable(cancel)
    xs, ys = area_ds.RasterXSize, area_ds.RasterYSize
    counts = np.zeros((k_classes, ys), np.int64)
    removed = 0
    bands = [d.GetRasterBand(1) for d in (area_ds, moment_ds, conf_ds, p0_ds)]
    small_band = small.GetRasterBand(1)
    for y in range(0, ys, rows):
        stop.check()
        h = min(rows, ys - y)
        area, moment, conf, p0 = (b.ReadAsArray(0, y, xs, h) for b in bands)
        drop = (area == 1) & (small_band.ReadAsArray(0, y, xs, h) == 1)
        if drop.any():
            removed += int(drop.sum())
            area[drop] = 0
            moment[drop] = 0
            conf[drop] = p0[drop]
            for b, a in zip(bands[:3], (area, moment, conf)):
                b.WriteArray(a, 0, y)
        for k in range(1, k_classes):
            counts[k, y:y + h] = (moment == k).sum(axis=1)
    small = None  # noqa: F841 -- closes it
    return removed, counts
