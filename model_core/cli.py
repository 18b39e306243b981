"""Command line: ``python -m model_core {detect,demo,train,evaluate,calibrate,sample,assess,compare,weights,split,zones,stackbands} ...``.

User errors are printed as one clear message (no traceback) and exit with status 2; a cancelled run
(Ctrl+C) exits with 130 and leaves no output behind.
"""

import argparse
import os
import shutil
import sys
import time

from model_core.i18n import _, option, os_reason

DETECT_EPILOG = """\
outputs (in --out):
  change_area.tif      uint8: 0 unchanged, 1 changed, 255 nodata
  change_moment.tif    uint8: 0 no change, k = the last change happened between the k-th and the
                       (k+1)-th date, 255 nodata (legend labels carry the dates)
  confidence.tif       float32: probability of the predicted moment class, -1 nodata
  moment_probability.tif  (with --probabilities) float32, one band per moment class (band 1 = no
                       change), -1 nodata; with --probabilities-type uint16 or byte, round(p x 65534)
                       or round(p x 254), 65535 or 255 nodata, each band's scale 1/65534 or 1/254 (QGIS
                       applies it; GDAL and rasterio read the stored value, times the band's scale), about
                       1/2 or 1/4 of the float32 size
  change_area.qml, change_moment.qml  QGIS styles (an existing .qml is kept unless --overwrite)
  *.tif.aux.xml        the class names (the moment's are the dates) for QGIS and GDAL

dates are taken from --dates, else parsed from the file names (2015-09-26, 20150926, 2015-09,
2015) or from the rasters' metadata. Inputs on different grids are aligned to the reference input
(the first) and clipped to the overlap of all dates. A pixel is nodata in the outputs when any date
is nodata / masked there (by the image's nodata, mask or alpha band, or by its --masks file), unless
--fill-gaps is given (then: when fewer than two dates are valid).

examples:
  python -m model_core detect 2019.tif 2020.tif 2021.tif --out result
  python -m model_core detect naip/*.tif --bands 1,2,3,4 --out result --overwrite
  python -m model_core detect s2_*.tif --bands 4,3,2,8 --device cuda:0 --tile 1024 --out result
  python -m model_core detect l8_2019.tif l8_2020.tif l8_2021.tif --masks qa_2019.tif qa_2020.tif \\
      qa_2021.tif --mask-clear 'bit6&!bit2&!bit4' --fill-gaps --model isfa --out result
  python -m model_core detect gee_export.tif --bands 3,2,1,4 --out result
      (one file holding every date's B, G, R, NIR bands, its band names carrying the dates, as Earth
      Engine's toBands() names them; else --bands-per-date 4 --dates ...)
"""


def plain(doc):
    """A module docstring as --help text: without the reStructuredText markup (``code``, :func:`name`)."""
    import re

    return re.sub(r":\w+:`~?([^`]*)`", r"\1", doc).replace("``", "")


class _Progress:
    """A one-line progress bar on stderr (plain lines when stderr is not a terminal)."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.t0 = time.perf_counter()
        self.last = -1
        self.width = 24  # the longest message so far: a shorter one blanks out the rest of it

    def __call__(self, fraction, message):
        pct = int(fraction * 100)
        if self.tty:
            bar = "#" * (pct // 4) + "-" * (25 - pct // 4)
            # the line never reaches the terminal's edge: a wrapped line breaks the redraw over it
            room = max(shutil.get_terminal_size((100, 24)).columns - 42, 10)
            message = message if len(message) <= room else message[:room - 3] + "..."
            self.width = min(max(self.width, len(message)), room)
            self.stream.write(f"\r[{bar}] {pct:3d}% {time.perf_counter() - self.t0:6.1f}s {message:<{self.width}}")
            if fraction >= 1.0:
                self.stream.write("\n")
        elif pct // 10 != self.last // 10 or fraction >= 1.0:
            self.stream.write(f"{pct:3d}% {time.perf_counter() - self.t0:6.1f}s {message}\n")
        self.last = pct
        self.stream.flush()

    def note(self, text):
        """A line of its own (the estimate before a run) above the bar, which the next update redraws."""
        self.stream.write(("\r\033[K" if self.tty else "") + text + "\n")
        self.stream.flush()


def _note(text):
    print(text, file=sys.stderr)


def _bands(text):
    if text is None:
        return None
    try:
        bands = [int(b) for b in text.replace(" ", "").split(",") if b]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma-separated list of band numbers") from None
    if not bands or min(bands) < 1:
        raise argparse.ArgumentTypeError("band numbers start at 1")
    return bands


def _per_date(text):
    if str(text).strip().lower() == "auto":
        return "auto"
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of bands (or 'auto')") from None
    if n < 1:
        raise argparse.ArgumentTypeError("a date has at least 1 band")
    return n


def _detect_parser(sub):
    from model_core.coregister import COREGISTER_DEFAULT
    from model_core.models import available

    p = sub.add_parser(
        "detect", help="detect change area and change moment in an ordered image series",
        description="Run CAIM-Net (or another model) on an ordered series of co-registered rasters and write "
                    "change area, change moment and confidence GeoTIFFs.",
        epilog=DETECT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("images", nargs="+", metavar="IMAGE",
                   help="rasters GDAL can read (GeoTIFF, VRT, ENVI, JP2, ...), in date order, at least 2")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    p.add_argument("--model", default="caimnet", choices=available() + ["auto"],
                   help="caimnet: any number of dates (default); schanger: exactly two dates; cva: the classical "
                        "change vector analysis (no weights, any bands); isfa: the classical iterative slow feature "
                        "analysis (no weights, any bands; discounts variation the bands share where nothing "
                        "changed); caimnet_cva: CAIM-Net and CVA combined "
                        "(CAIM-Net weights, 4 bands; see the model card); caimnet_isfa: CAIM-Net and ISFA "
                        "combined (likewise); auto: the plugin's automatic choice (currently CAIM-Net + ISFA "
                        "for three or more dates, Classical ISFA for two, CAIM-Net + ISFA for two with --weights; "
                        "Classical ISFA, said in the summary, on imagery the networks cannot read: no blue or green "
                        "band, one or two bands, ...)")
    p.add_argument("--dates", metavar="D1,D2,...", help="one date per image, comma-separated (YYYY-MM-DD, "
                   "YYYYMMDD, YYYY-MM or YYYY); default: parsed from file names or metadata")
    p.add_argument("--bands", type=_bands, metavar="B1,B2,B3,B4",
                   help="1-based input bands to use as the model's R, G, B, NIR, e.g. 3,2,1,4 for B,G,R,NIR "
                        "order or 4,3,2,8 for Sentinel-2; default: for the networks, R, G, B, NIR as the band "
                        "wavelengths or names say (printed under Bands), else a 4-band input as it is and a 3-band "
                        "one (or R, G, B + alpha) as 1,2,3,2, green in place of NIR (a mapping of three bands "
                        "likewise: 3,2,1 reads as 3,2,1,2); other band counts need "
                        "--bands; cva and isfa: all bands (except alpha bands and those the metadata call atmospheric, thermal, mask or QA); caimnet_cva "
                        "and caimnet_isfa: the network's four, then, when the metadata name them, every other "
                        "band for the classical part (a mapping of more than four bands: the "
                        "first four for the network, the rest for the classical part, e.g. 3,2,1,4,5,6 for "
                        "Landsat TM)")
    p.add_argument("--bands-per-date", type=_per_date, metavar="N",
                   help="the images are multi-date rasters (every date's bands in one file, e.g. a Google Earth "
                        "Engine toBands() export): each is split into dates of N bands (all bands of a date, "
                        "masks and QA bands included), or 'auto': as many dates as the band names carry. --bands, "
                        "--dates and --masks then count per date; among several images, one of just N bands is "
                        "one date. Without this option, images whose band names carry dates are split so, the "
                        "others being one date each")
    p.add_argument("--band-order", choices=["date", "band"], default=None,
                   help="of a multi-date raster: 'date', date 1's bands then date 2's (Earth Engine's order), or "
                        "'band', every date's band 1 then every date's band 2; default: as the band names' dates "
                        "say, else 'date'. Alone, it is --bands-per-date auto")
    p.add_argument("--weights", metavar="FILE", help="weights file (.pt from 'train'); default: the bundled "
                   "weights for --model")
    p.add_argument("--device", default="auto", help="auto (CUDA if available, else CPU), cpu, or cuda:N")
    p.add_argument("--tile", type=int, default=0, metavar="N",
                   help="tile size in pixels; 0 (default) = automatic, about 1.3 GB peak on the CPU "
                        "(432 px at 6 dates, 368 px at 9), plus up to 512 MB of output rows held for a wide "
                        "scene; larger tiles suit a GPU")
    p.add_argument("--overlap", type=int, default=None, metavar="N",
                   help="tile overlap margin in pixels (default: the model's receptive margin)")
    p.add_argument("--reference", type=int, default=1, metavar="K",
                   help="1-based input whose CRS and resolution define the output grid (default 1)")
    p.add_argument("--sensitivity", type=float, default=0.0, metavar="S",
                   help="-3 .. 3; 0 (default) = the calibrated decision; +1 calls more pixels changed "
                        "(higher recall, more false alarms), -1 fewer")
    p.add_argument("--threshold", default="otsu", choices=["otsu", "kittler"],
                   help="area threshold of the classical methods (cva, isfa, and auto where it runs isfa): otsu (default) "
                        "or kittler, "
                        "Kittler-Illingworth's minimum-error threshold, which finds more change where changes "
                        "are a small share of the scene, but called a few more stable real points changed (model card, candidate KT)")
    p.add_argument("--min-patch", type=int, default=0, metavar="PX",
                   help="minimum mapping unit in pixels: changed patches (8-connected) smaller than PX are "
                        "written unchanged, e.g. 4 drops patches of 1 to 3 pixels; 0 (default) keeps all")
    p.add_argument("--fill-gaps", action="store_true",
                   help="for series with masked dates (clouds): keep every pixel valid in at least two dates, "
                        "a masked date taking the pixel's values of the previous clear date, or of the next where "
                        "no earlier date is clear (a change hidden by clouds is dated to the interval ending at "
                        "the first clear date after it); default: a pixel "
                        "masked in any date is nodata")
    p.add_argument("--coregister", action=argparse.BooleanOptionalAction, default=COREGISTER_DEFAULT,
                   help="move each date that is offset from the reference input by whole pixels onto it first "
                        "(the offset that best matches the dates' edges, up to 4 px each way, applied only when "
                        "the match is clear; the summary says what was found); for dates whose georeferencing "
                        "differs, not for rotation or terrain distortion" + (" (default)" if COREGISTER_DEFAULT else
                                                                                 " (default: --no-coregister)"))
    p.add_argument("--masks", nargs="+", metavar="MASK",
                   help="one mask raster per image, in the same order ('none' for a date without one): cloud "
                        "masks or QA bands (CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any "
                        "grid; a pixel is masked on a date unless its mask value is a clear value")
    p.add_argument("--mask-clear", default="0", metavar="V1,V2",
                   help="mask values that mean clear, comma-separated whole numbers, ranges and bit tests "
                        "(bitN set, !bitN unset, joined by &; default 0); e.g. bit6&!bit2&!bit4 for Landsat 8-9 "
                        "QA_PIXEL (clear, no cirrus, no shadow), bit6&!bit4,bit7&!bit1&!bit3&!bit4 for Landsat "
                        "4-7, 4-7,11 for Sentinel-2 SCL, !bit1&!bit2&!bit3 for HLS v2.0 Fmask (bit-packed), 0,1 for "
                        "classic Fmask (class values)")
    p.add_argument("--probabilities", action="store_true", help="also write moment_probability.tif")
    p.add_argument("--probabilities-type", choices=["float32", "uint16", "byte"], default="float32",
                   help="data type of moment_probability.tif (with --probabilities): float32 (default), or "
                        "uint16 / byte, the probabilities stored as round(p x 65534) / round(p x 254) with GDAL's "
                        "scale 1/65534 / 1/254 (65535 / 255 nodata), in about a half / a quarter of the space")
    p.add_argument("--threads", type=int, default=None, metavar="N", help="CPU threads for torch (default: all cores)")
    p.add_argument("--polygons", metavar="FILE", help="also write change polygons (.gpkg, the default, .shp, .geojson, .json, .fgb, .sqlite) "
                   "with attributes moment, date_before, date_after, area_m2")
    p.add_argument("--quicklook", metavar="PNG", help="also render a quicklook of inputs and outputs (.png, .jpg, .pdf or .svg)")
    p.add_argument("--report", metavar="HTML", help="also write a one-page HTML report: settings, a chart and a "
                   "table of the changed area per interval, warnings, outputs")
    p.add_argument("--overwrite", action="store_true", help="replace existing outputs: the rasters and styles in --out, and the "
                   "--polygons, --quicklook and --report files")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--allow-huge", action="store_true",
                   help="run even when the estimated run time is more than a day or the outputs clearly do not "
                        "fit on their disk (both are checked, and the estimate printed, before the run)")
    return p


def cmd_detect(args):
    from model_core.predict import detect, make_folders

    from model_core.errors import OutputError

    _check_extra_outputs(args)
    split = _split_images(args)
    try:
        return _claimed_detect(args, detect, make_folders, OutputError)
    finally:
        if split is not None:
            split.close()


def _claimed_detect(args, detect, make_folders, OutputError):
    """:func:`_detect` holding a claim on its output files (:func:`model_core.staging.claim_outputs`): a second
    run into the same files while this one runs (two runs with --overwrite, or the second started before the first
    wrote its rasters) is refused at once, not left to replace them, or to find them at its end.  The output
    folders are made by the claim (of two runs into one new --out, the one that makes it goes through), and removed
    again, if empty, when the run fails."""
    from model_core.predict import OUTPUT_NAMES
    from model_core.staging import claim_outputs

    rasters = [os.path.join(args.out, name) for name in OUTPUT_NAMES.values()]
    with claim_outputs(rasters + [os.path.splitext(p)[0] + ".qml" for p in rasters]
                       + [args.polygons, args.quicklook, args.report], make=True):
        return _detect(args, detect, make_folders, OutputError)


def _split_images(args):
    """Multi-date rasters become their dates: ``args.images`` then holds one in-memory VRT spec per date
    of each, the other images kept in their places.  Split are: every image with --bands-per-date (among
    several, an image of just that many bands is one date as it is: a later scene after an export), else
    each image whose band names carry dates (or a NetCDF variable over time).  Returns the Split (to
    close), or None."""
    from model_core.stacked import Split, Variables, group_variables, names_carry_dates

    per_date = args.bands_per_date
    if per_date is None and args.band_order is not None:  # as BAND_ORDER alone in Processing: the images are
        per_date = "auto"  # multi-date rasters, their dates read from the band names
    # variables of one data cube over time given together (NETCDF:"cube.nc":B02 NETCDF:"cube.nc":B03 ...):
    # one multi-date raster, each date the variables' bands
    images = group_variables(list(args.images))
    if per_date is None:
        multi = [names_carry_dates(p) for p in images]
        if not any(multi) and len(images) != 1:
            return None
        if not any(multi):  # one image, not given as multi-date
            return _one_image_problem(images[0])
    else:
        multi = [isinstance(p, Variables) or not (len(images) > 1 and isinstance(per_date, int)
                                                  and _band_count(p) == per_date) for p in images]
    paths = [p for p, m in zip(images, multi) if m]
    split = Split(paths, None if per_date in (None, "auto") else per_date, args.band_order)
    for line in split.describe():
        _note(_("Multi-date raster {layout}").format(layout=line))
    specs, out = iter(split.specs), []
    counts = iter([layout[1] for layout in split.layouts])
    for path, m in zip(images, multi):
        out.extend([next(specs) for _ in range(next(counts))] if m else [path])
    args.images = out
    return split


def _band_count(path):
    from osgeo import gdal

    from model_core.stack import quiet_gdal

    try:
        with quiet_gdal():
            ds = gdal.Open(str(path))
            return ds.RasterCount if ds is not None else 0
    except RuntimeError:
        return 0


def _one_image_problem(path):
    """A single image not given as multi-date whose names carry no dates: None when it has fewer than 2
    bands (the engine's own message for one image), else what a single image lacks, and how to split one."""
    from model_core.errors import InputError

    count = _band_count(path)
    if count < 2:
        return None
    raise InputError(_("Change detection needs at least 2 images; 1 given ('{name}', {count} bands). If it holds "
                       "every date as bands, give the number of bands per date, e.g. --bands-per-date 4 (and "
                       "--dates).").format(name=os.path.basename(path), count=count))


def _detect(args, detect, make_folders, OutputError):
    # "auto" is resolved by the engine (detect): the default for the number of dates, or Classical ISFA on imagery
    # the networks cannot read, said in the summary
    progress = None if args.quiet else _Progress()
    res = detect(args.images, out_dir=args.out, dates=args.dates, bands=args.bands, model=args.model,
                 weights=args.weights, device=args.device, tile=args.tile, overlap=args.overlap,
                 overwrite=args.overwrite, reference=args.reference - 1, probabilities=args.probabilities,
                 probabilities_type=args.probabilities_type, progress=progress, threads=args.threads,
                 sensitivity=args.sensitivity,
                 min_patch=args.min_patch, fill_gaps=args.fill_gaps, masks=args.masks, mask_clear=args.mask_clear,
                 threshold=args.threshold, allow_huge=args.allow_huge, coregister=args.coregister,
                 notice=progress.note if progress is not None else _note)
    print(res.summary_text())
    from model_core.styles import write_styles

    styles, kept = write_styles(res.paths, res.interval_labels, overwrite=args.overwrite)
    for style in styles:
        print(res.output_line("style", style))
    for style in kept:
        print(_("Warning: kept the existing style '{style}': QGIS draws the new raster with it, and if an earlier "
                "run wrote it, its classes and dates are that run's. Delete it, or run with {overwrite} to replace "
                "it.").format(style=style, overwrite=option("--overwrite")))
    removed = []
    if args.overwrite:  # an earlier run's polygons, quicklook and report describe the rasters just replaced
        from model_core.predict import remove_earlier_extras

        removed = remove_earlier_extras(args.polygons, (args.quicklook, args.report))
    try:
        for extra in (args.polygons, args.quicklook, args.report):
            if extra:
                make_folders(os.path.dirname(os.path.abspath(extra)))
        if args.polygons:
            from model_core.polygons import write_polygons

            n = write_polygons(res.paths["moment"], args.polygons, dates=res.dates, overwrite=args.overwrite,
                               progress=None if args.quiet else _Progress())
            print(res.output_line("polygons", f"{os.path.abspath(args.polygons)} ({n} polygons)"))
        if args.quicklook:
            try:
                _quicklook(args.images, args.dates, args.bands, args.reference - 1, res, args.quicklook)
            except OSError as exc:
                raise OutputError(_("The quicklook '{path}' could not be written ({error}); the rasters were.").format(
                    path=os.path.abspath(args.quicklook), error=os_reason(exc))) from None
            print(res.output_line("quicklook", os.path.abspath(args.quicklook)))
        if args.report:
            from model_core.report import write_report

            from model_core.report import input_names

            write_report(res, args.report, inputs=input_names(args.images),
                         overwrite=args.overwrite, imagery={"images": args.images, "dates": args.dates,
                                                            "bands": args.bands, "reference": args.reference - 1},
                         extra={"polygons": os.path.abspath(args.polygons) if args.polygons else None})
            print(res.output_line("report", os.path.abspath(args.report)))
    except KeyboardInterrupt:  # main()'s message would say that nothing was written (a scale audit)
        extras = [o for o, v in (("--polygons", args.polygons), ("--quicklook", args.quicklook),
                                 ("--report", args.report)) if v]
        if removed:
            said = _("Interrupted while writing {extras}: the change rasters listed above were written; an output "
                     "not listed was not (the earlier run's files of those names were removed: they described the "
                     "rasters this run replaced).")
        else:
            said = _("Interrupted while writing {extras}: the change rasters listed above were written; an output "
                     "not listed was not.")
        print("\n" + said.format(extras=", ".join(extras)), file=sys.stderr)
        return 130
    return 0


QUICKLOOK_FORMATS = (".png", ".jpg", ".jpeg", ".pdf", ".svg")


def _check_extra_outputs(args):
    """Before anything runs: --polygons, --quicklook and --report must be new files (or --overwrite), in a
    format they can be written in, in a folder that exists or can be made, none of them a raster output."""
    from model_core.errors import OutputError, nearest_existing
    from model_core.polygons import VECTOR_FORMATS
    from model_core.predict import OUTPUT_NAMES, input_files, refuse_inputs_as_outputs
    from model_core.report import REPORT_FORMATS

    rasters = {os.path.abspath(os.path.join(args.out, name)): name for name in OUTPUT_NAMES.values()}
    seen = {}
    for flag, path, formats in (("--polygons", args.polygons, VECTOR_FORMATS),
                                  ("--quicklook", args.quicklook, QUICKLOOK_FORMATS),
                                  ("--report", args.report, REPORT_FORMATS)):
        if not path:
            continue
        full = os.path.abspath(path)
        if full in rasters:
            raise OutputError(_("{option} '{path}' is the {raster} raster this run writes; give it another "
                                "name.").format(option=flag, path=path, raster=rasters[full]))
        if full in seen:
            raise OutputError(_("{option} and {other} name the same file '{path}'; give each its own.").format(
                option=flag, other=seen[full], path=path))
        seen[full] = flag
        refuse_inputs_as_outputs({flag: full}, input_files(args.images, args.masks, args.weights))
        if os.path.isdir(full):
            raise OutputError(_("{option} '{path}' is a folder; give a file name.").format(option=flag, path=path))
        ext = os.path.splitext(full)[1].lower()
        if formats and ext not in formats:
            raise OutputError(_("{option} '{path}': '{ext}' is not a format it can be written in; end the name "
                                "with {formats}.").format(option=flag, path=path, ext=ext or _("no extension"),
                                                          formats=", ".join(formats)))
        if os.path.exists(full) and not args.overwrite:
            raise OutputError(_("Output '{abspath}' already exists. Choose another file, delete it, or allow "
                                "overwriting (--overwrite).").format(abspath=full))
        folder = nearest_existing(os.path.dirname(full))  # it must take new files
        if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
            raise OutputError(_("{option} '{path}': '{folder}' is not a folder you can write to. Choose another "
                                "place.").format(option=flag, path=path, folder=folder))


def _quicklook(images, dates, bands, reference, res, png, title=None, truth_moment=None):
    from model_core.quicklook import open_stack, render
    from model_core.stack import quiet_gdal

    with quiet_gdal():  # format notes of odd TIFF tags are noise here, as in the engine's reads
        stack, rgb = open_stack(images, dates, bands, reference)
        try:
            render(stack, res.paths["area"], res.paths["moment"], png, title=title, rgb=rgb,
                   truth_moment=truth_moment)
        finally:
            stack.close()


def _demo_parser(sub):
    p = sub.add_parser("demo", help="run the model on bundled sample data and write a quicklook PNG",
                       description="Generate the bundled sample scenario (a synthetic 6-date stack with known "
                                   "truth), run the automatic choice of model (the plugin's default) with the "
                                   "bundled weights, print the summary and accuracy against the truth, and write "
                                   "a PNG quicklook. With ../shared/data present, also runs on the real Landsat "
                                   "stack there.")
    p.add_argument("--out", default="demo_output", metavar="DIR", help="output folder (default demo_output)")
    from model_core.models import available

    p.add_argument("--model", default="auto", choices=[m for m in available() if m != "schanger"] + ["auto"],
                   help="the model to run (default: auto, the plugin's automatic choice; not schanger, which "
                        "compares exactly 2 dates: the sample has 6)")
    p.add_argument("--device", default="auto", help="auto (CUDA if available, else CPU), cpu, or cuda:N")
    p.add_argument("--no-real", action="store_true", help="skip the run on ../shared/data")
    return p


def cmd_demo(args):
    from osgeo import gdal

    from model_core.models import default_model
    from model_core.predict import detect
    from model_core.scenario import write_scenario

    model = default_model(6) if args.model == "auto" else args.model
    name = DISPLAY_NAMES.get(model, model)
    out = os.path.abspath(args.out)
    data = os.path.join(out, "sample_stack")
    print(f"Sample data: a synthetic 6-date, 4-band (R, G, B, NIR) 384 x 384 stack with known truth -> {data}")
    images, truth = write_scenario(data, t=6, size=384, seed=2024, n_changes=12)
    res = detect(images, out_dir=os.path.join(out, "sample_result"), model=model, device=args.device,
                 overwrite=True, probabilities=True, progress=_Progress())
    print(res.summary_text())
    from model_core.styles import write_styles

    write_styles(res.paths, res.interval_labels, overwrite=True)  # opened in QGIS: no change transparent
    truth_m = gdal.Open(truth["moment"]).ReadAsArray()
    pred_m = gdal.Open(res.paths["moment"]).ReadAsArray()
    print("\nAccuracy on the synthetic sample (its truth is known by construction; synthetic, not real):")
    print(_accuracy_tables(images, truth_m, pred_m, name))
    png = os.path.join(out, "sample_quicklook.png")
    _quicklook(images, None, None, 0, res, png, title=f"{name} on the bundled synthetic sample",
               truth_moment=truth_m)
    print(f"Quicklook: {png}")
    if not res.trained:
        print("\nNOTE: no trained weights are bundled yet, so this demo ran an UNTRAINED model with random "
              "weights: the outputs show the pipeline, not the accuracy.")
    shared = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "data",
                          "landsat-pucallpa")
    if not args.no_real and os.path.isdir(shared):
        real = sorted(os.path.join(shared, f) for f in os.listdir(shared) if f.endswith(".tif"))
        print(f"\nReal stack found: {len(real)} Landsat dates in {os.path.normpath(shared)} "
              "(bands SWIR1, NIR, Red, Green; no blue: Green stands in for it)")
        # R, G, B, NIR for the networks (green twice); a fusion's classical part also takes SWIR1 (band 1);
        # a classical method every band
        from model_core.models import model_class

        cls = model_class(model)
        bands = (None if not getattr(cls, "needs_weights", True)
                 else [3, 4, 4, 2, 1] if getattr(cls, "extra_bands", False) else [3, 4, 4, 2])
        res2 = detect(real, out_dir=os.path.join(out, "landsat_result"), model=model, bands=bands,
                      device=args.device, overwrite=True, progress=_Progress())
        print(res2.summary_text())
        write_styles(res2.paths, res2.interval_labels, overwrite=True)
        png2 = os.path.join(out, "landsat_quicklook.png")
        _quicklook(real, None, [3, 4, 4, 2], 0, res2, png2, title=f"{name} on Landsat, Pucallpa (false colour)")
        print(f"Quicklook: {png2}")
        from model_core.report import write_report

        page = write_report(res2, os.path.join(out, "landsat_report.html"), title="Landsat Pucallpa 1985-2020: "
                            f"changes found by {name}", inputs=[os.path.basename(p) for p in real], overwrite=True,
                            imagery={"images": real})  # SWIR1, NIR, red: land and water apart at a glance
        print(f"Report: {page}")
    return 0


DISPLAY_NAMES = {"caimnet": "CAIM-Net", "caimnet_cva": "CAIM-Net + CVA", "schanger": "SChanger", "cva": "CVA",
                 "isfa": "ISFA", "caimnet_isfa": "CAIM-Net + ISFA"}


def _accuracy_tables(images, truth_moment, pred_moment, name="CAIM-Net"):
    """Area and moment tables of the model and the classical baseline on the same pixels."""
    from model_core import metrics
    from model_core.baseline import cva
    from model_core.stack import Stack

    stack = Stack(images)
    try:
        g = stack.grid
        values, valid = stack.read(0, 0, g.width, g.height)
    finally:
        stack.close()
    base = cva(values, valid)["moment"]
    rows = []
    for label, pred in ((name, pred_moment), ("CVA + Otsu baseline", base)):
        cm = metrics.ConfusionMatrix(len(images))
        cm.update(truth_moment, pred, num_classes=len(images))
        rows.append((label, cm.summary()))
    return (metrics.format_area_table([(n, s["area"]) for n, s in rows]) + "\n\n"
            + metrics.format_moment_table([(n, s["moment"]) for n, s in rows]))


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def _stop_like_ctrl_c():
    """SIGTERM (timeout, kill, a batch scheduler's time limit) and SIGHUP (a closed terminal) stop a run as
    Ctrl-C does, removing its partial outputs: they killed the process on the spot and left a hidden
    .caim-partial-* folder of up to gigabytes in the output folder (a scale audit).  A signal someone set
    to be ignored (nohup) stays ignored."""
    import signal

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        try:
            if sig is not None and signal.getsignal(sig) == signal.SIG_DFL:
                previous[sig] = signal.signal(sig, _interrupted)
        except ValueError:  # not the main thread (main() called from elsewhere): signals stay as they are
            break
    return previous


def _restore_signals(previous):
    import signal

    for sig, handler in previous.items():
        signal.signal(sig, handler)


def main(argv=None):
    # every command, not detect and demo only: a SIGTERM or SIGHUP killed sample, compare, split, train, ...
    # on the spot, past the clean-up their Ctrl-C does (sample left a half-written GeoPackage, split some of
    # its VRTs, compare a hidden .part file)
    signals = _stop_like_ctrl_c()
    try:
        return _main(argv)
    except BrokenPipeError:  # "weights | head", "evaluate ... | head": the reader went away, and the command
        _reader_gone()      # stopped there (evaluate's --json, calibrate's file unwritten): the status of a
        return 141          # command stopped by SIGPIPE (128 + 13), as a shell pipeline expects, not a traceback
    finally:
        _restore_signals(signals)


def _reader_gone():
    """Send what is left of stdout nowhere, so that its flush at exit raises no second BrokenPipeError."""
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 -- silences the flush at exit
    except OSError:
        pass


def _main(argv):
    from model_core.errors import Cancelled, CaimError

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("sample", "assess", "compare"):  # before the detect parser, which loads torch
        from model_core.accuracy import main as accuracy_main

        return accuracy_main(argv)
    if argv and argv[0] == "zones":  # also before the detect parser: zones and split need no torch
        from model_core.zones import main as zones_main

        return zones_main(argv[1:])
    if argv and argv[0] == "stackbands":  # before the detect parser too: no torch needed
        from model_core.bandfiles import main as stackbands_main

        return stackbands_main(argv[1:])
    if argv and argv[0] == "split":
        from model_core.stacked import main as split_main

        try:
            return split_main(argv[1:])
        except KeyboardInterrupt:  # the VRTs it had written are removed (write_split)
            print("\n" + _("Interrupted; no VRT was written."), file=sys.stderr)
            return 130
    parser = argparse.ArgumentParser(prog="python -m model_core",
                                     description="CAIM change detection engine (no QGIS needed).")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _detect_parser(sub)
    _demo_parser(sub)
    sub.add_parser("train", help="train a model from a JSON config (see 'train --help')", add_help=False)
    sub.add_parser("evaluate", help="accuracy tables of a model and the classical baseline on a dataset",
                   add_help=False)
    sub.add_parser("calibrate", help="choose a weights file's no-change bias on validation data "
                   "(see 'calibrate --help')", add_help=False)
    sub.add_parser("sample", help="draw a stratified random sample of a change map to label (see 'sample --help')",
                   add_help=False)
    sub.add_parser("assess", help="area and accuracy estimates with confidence intervals from labelled sample "
                   "points (see 'assess --help')", add_help=False)
    sub.add_parser("compare", help="confusion matrix, kappa, F1 and changed hectares of a change map against a "
                   "reference raster on any grid (see 'compare --help')", add_help=False)
    sub.add_parser("weights", help="what a weights file is and which imagery (and licences) it was trained on "
                   "(see 'weights --help')", add_help=False)
    sub.add_parser("split", help="one virtual raster (VRT) per date of a multi-date raster, e.g. an Earth Engine "
                   "export (see 'split --help')", add_help=False)
    sub.add_parser("zones", help="how much changed, and when, in each field, parcel or district: hectares per "
                   "polygon and interval (see 'zones --help')", add_help=False)
    sub.add_parser("stackbands", help="one virtual raster (VRT) per date of imagery stored as one file per band "
                   "(Landsat, Sentinel-2, HLS, CBERS; see 'stackbands --help')", add_help=False)
    if argv and argv[0] == "weights":
        from model_core.provenance import main as provenance_main

        return provenance_main(argv[1:])
    if argv and argv[0] in ("train", "evaluate", "calibrate"):
        import importlib

        from model_core.predict import tune_allocator

        tune_allocator()

        try:
            from model_core.errors import require_torch

            require_torch()
            return importlib.import_module(f"model_core.{argv[0]}").main(argv[1:])
        except CaimError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:  # train and evaluate say what they kept; calibrate writes its file at the end
            print("\n" + _("Interrupted; nothing was written."), file=sys.stderr)
            return 130
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    from model_core.predict import limit_gdal_cache, tune_allocator

    limit_gdal_cache()
    tune_allocator()
    try:
        return {"detect": cmd_detect, "demo": cmd_demo}[args.command](args)
    except Cancelled as exc:
        print(f"\n{exc}", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("\n" + _("Interrupted; no output was written."), file=sys.stderr)
        return 130
    except CaimError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. "detect ... | head": the reader went away; the outputs are complete
        _reader_gone()
        return 0
