"""A one-page HTML report of a ``detect`` run: what ran on what, and how much changed when.

:func:`write_report` takes a :class:`model_core.predict.DetectResult` and writes a self-contained HTML
file (no scripts, no external files): the run's settings, a bar chart (inline SVG) and a table of the
changed area per interval (the last change), the map (the first and last date and the change moment,
inline images), warnings, the output files, and how to estimate the
map's accuracy and the true changed area from a labelled sample.  The CLI writes it with ``detect
--report FILE``; the plugin writes ``report.html`` beside the outputs.
"""

import html
import math
import os
import time

from model_core.errors import OutputError
from model_core.i18n import _, number, os_reason

REPORT_FORMATS = (".html", ".htm")  # what a report's name ends with (the command line's --report, Processing's REPORT)


def _bar_chart(labels, values, colours, unit, width=640, bar_h=22, gap=6, left=190, right=110):
    """Horizontal bars, one per interval, in the moment layer's colours."""
    finite = [v for v in values if not math.isnan(v)]
    top = max(finite) if finite and max(finite) > 0 else 1.0
    height = len(labels) * (bar_h + gap) + gap
    plot = width - left - right
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{html.escape(_("changed area per interval"))}">']
    for i, (label, v, c) in enumerate(zip(labels, values, colours)):
        y = gap + i * (bar_h + gap)
        w = 0 if math.isnan(v) else max(1.0 if v > 0 else 0.0, plot * v / top)
        fill = "rgb(%d,%d,%d)" % tuple(c[:3])
        parts.append(f'<text x="{left - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" font-size="13">'
                     f'{html.escape(label)}</text>')
        text = _("n/a") if math.isnan(v) else f"{number(v):,.2f} {unit}"
        parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{fill}" stroke="#555" '
                     f'stroke-width="0.5"><title>{html.escape(label)}: {text}</title></rect>')
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}" font-size="13">{text}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _crs_name(wkt):
    """The CRS's name and authority code ('WGS 84 / UTM zone 14N (EPSG:32614)'), or 'none'."""
    if not wkt:
        return _("none", context="crs")
    from osgeo import osr

    try:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(wkt)
    except RuntimeError:
        return _("unreadable")
    code = srs.GetAuthorityCode(None)
    name = srs.GetName() or _("unnamed")
    return f"{name} ({srs.GetAuthorityName(None)}:{code})" if code else name


def input_names(images):
    """The report's names of the input ``images`` (paths, InputSpecs or dicts with "path", "name" and
    "source"): each file's name, and a multi-date raster's split dates (each with its ``source``) once,
    as the raster's name and its number of dates: "gee_export.tif (6 dates)", not its dates' VRTs."""
    from model_core.stack import InputSpec
    from model_core.stacked import _label

    runs = []  # [name, dates or 0 for a file of one date]
    for image in images:
        spec = InputSpec.of(image)
        if spec.source and runs and runs[-1][2] == spec.source:
            runs[-1][1] += 1
        elif spec.source:
            runs.append([_label(spec.source), 1, spec.source])
        else:
            runs.append([os.path.basename(spec.path.rstrip("/\\")) or spec.path, 0, None])
    return [(_("{name} ({n} dates)") if n != 1 else _("{name} ({n} date)")).format(name=name, n=n) if n else name
            for name, n, _source in runs]


def _map_section(pictures, problem=None):
    """The report's map: the two dates side by side, the moment map below, each an inline image
    (``pictures``: [(caption, mime type, bytes)] of :func:`model_core.quicklook.report_pictures`); or the
    ``problem`` that kept it from being drawn."""
    import base64

    if not pictures:
        return _("<h3>Map</h3><p><small>The map could not be drawn ({problem}).</small></p>").format(
            problem=html.escape(problem)) if problem else ""
    def figure(caption, mime, data):
        src = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        return (f'<img src="{src}" alt="{html.escape(caption)}" style="width:100%;image-rendering:pixelated;'
                f'border:1px solid #bbb"><br><small>{html.escape(caption)}</small>')

    cell = 'style="border:none;padding:0 4px 8px 0;width:50%;vertical-align:top;background:none"'
    # the dates side by side (a table: old HTML engines, QGIS's among them, lay it out alike), the moment whole
    parts = [_("<h3>Map</h3>"), '<table style="width:100%;margin:0"><tr>'
             + "".join(f"<td {cell}>{figure(*p)}</td>" for p in pictures[:-1]) + "</tr></table>",
             f"<p>{figure(*pictures[-1])}</p>"]
    return "\n".join(parts)


def report_html(res, title=None, inputs=None, extra=None, pictures=None, picture_problem=None):
    """The report of ``res`` (a DetectResult) as an HTML string; ``inputs``: the input files' names;
    ``extra``: {name: path} of further outputs of the run (the change polygons); ``pictures``: the map's
    images (:func:`model_core.quicklook.report_pictures`), or ``picture_problem``, why there are none."""
    from model_core import __version__
    from model_core.predict import interval_shown, moment_colours, output_name

    esc = html.escape
    labels = list(res.interval_labels)   # the English names the areas are keyed by
    hectares = [res.hectares.get(label, float("nan")) for label in labels]
    unit = "ha" if not any(math.isnan(v) for v in hectares) else _("ha (unknown: no CRS)")
    ramp = moment_colours(len(labels))
    colours = [ramp[k + 1] for k in range(len(labels))]
    total = sum(v for v in hectares if not math.isnan(v))
    dates = [d for d in res.dates if d]
    title = title or (_("Changes {first} to {last}").format(first=dates[0], last=dates[-1]) if len(dates) >= 2
                      else _("Changes"))
    shown = [interval_shown(label) for label in labels]
    g = res.grid
    pixel = g.pixel_text()
    settings = [
        (_("Model"), f"{res.model} ({os.path.basename(res.weights) if res.weights else _('classical method, no weights')})"),
        (_("Automatic choice"), getattr(res, "auto_note", "")),
        (_("Weights trained on"), res.weights_training),
        (_("Dates"), f"{len(res.dates)}: " + ", ".join(d or "?" for d in res.dates)),
        (_("Inputs"), ", ".join(inputs) if inputs else ""),
        (_("Grid"), _("{width} x {height} px, pixel {pixel}, CRS {crs}").format(
            width=g.width, height=g.height, pixel=pixel, crs=_crs_name(g.wkt))),
        (_("Sensitivity"), f"{number(res.sensitivity):+g}" if res.sensitivity else _("0 (calibrated)")),
        (_("Threshold"), _("minimum error (Kittler-Illingworth)") if res.threshold == "kittler" else ""),
        (_("Minimum change patch"), _("{min_patch} px ({removed} px in smaller patches written unchanged)").format(
            min_patch=res.min_patch, removed=res.removed_pixels) if res.min_patch > 1 else _("off")),
        (_("Masked dates filled"), _("yes ({filled} px)").format(filled=res.filled_pixels) if res.fill_gaps
         else _("no")),
        (_("Cloud masks"), res.mask_line().split(None, 1)[1] if res.mask_line() else _("none", context="cloud masks")),
        (_("Device, time"), f"{res.device}, {number(res.seconds):.1f} s"),
        (_("Changed"), _("{changed} of {valid} valid px ({pct:.2f} %), ").format(
            changed=res.changed_pixels, valid=res.valid_pixels,
            pct=number(100.0 * res.changed_pixels / max(res.valid_pixels, 1)))
         + (f"{number(total):,.2f} ha" if unit == "ha" else _("area unknown (no CRS)"))),
    ] + [(_("Bands"), n) for n in res.notes]
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in settings if v)
    table = "".join(f"<tr><td>{esc(label)}</td><td>{_('n/a') if math.isnan(v) else f'{number(v):,.2f}'}</td>"
                    f"<td>{'' if math.isnan(v) or not total else f'{number(100 * v / total):.1f} %'}</td></tr>"
                    for label, v in zip(shown, hectares))
    warnings = "".join('<p class="warn">%s</p>' % esc(_("Warning: {text}").format(text=w)) for w in res.warnings)
    advice = _("Counted on the map, whose errors bias these areas either way (on our real checks one map found\n"
               "under half of the real change, another called more change than there was). For an unbiased estimate "
               "with a confidence interval, label a stratified sample of\nthe change moment map: <code>python -m "
               "model_core sample</code> and <code>assess</code>, or the\nplugin's <i>Accuracy assessment</i> "
               "algorithms.")  # (HTML: the translations keep its tags)
    outputs = "".join(f"<li>{esc(output_name(k))}: {esc(p)}</li>" for k, p in {**res.paths, **(extra or {})}.items() if p)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:sans-serif;max-width:760px;margin:1em auto;color:#222}}
table{{border-collapse:collapse;margin:0.5em 0 1em}} td,th{{border:1px solid #bbb;padding:3px 8px;text-align:left}}
th{{background:#f0f0f0}} .warn{{color:#b35900}} small{{color:#555}}</style></head><body>
<h2>{esc(title)}</h2>
{warnings}
<h3>{esc(_("Changed area per interval (the last change of each pixel)"))}</h3>
{_bar_chart(shown, hectares, colours, "ha")}
<table><tr><th>{esc(_("interval"))}</th><th>{esc(_("changed area ({unit})").format(unit=unit))}</th><th>{
    esc(_("share of the change"))}</th></tr>{table}</table>
<p><small>{advice}</small></p>
{_map_section(pictures, picture_problem)}
<h3>{esc(_("Run"))}</h3>
<table>{rows}</table>
<h3>{esc(_("Outputs"))}</h3><ul>{outputs}</ul>
<p><small>{esc(_("CAIM change detection {version}, {time}.").format(
    version=__version__, time=time.strftime('%Y-%m-%d %H:%M')))}</small></p>
</body></html>
"""


def write_report(res, path, title=None, inputs=None, overwrite=False, extra=None, imagery=None):
    """Write :func:`report_html` to ``path``; an existing file is replaced only with ``overwrite``.
    ``imagery``: {"images", "dates", "bands", "reference"} as the run was given them, for the map (the first
    and last date and the change moment); a map that cannot be drawn (an input gone since the run, a
    picture GDAL cannot write) is named in the report, which is written without it."""
    if os.path.exists(path) and not overwrite:
        raise OutputError(_("Report '{path}' already exists. Choose another file, delete it, or "
                            "allow overwriting (--overwrite).").format(path=os.path.abspath(path)))
    from model_core.predict import make_folders

    make_folders(os.path.dirname(os.path.abspath(path)))  # a clear message when a file is in the way
    pictures, problem = None, None
    if imagery and res.paths.get("moment"):
        pictures, problem = _pictures(res, imagery)
    page = report_html(res, title, inputs, extra, pictures, problem)
    from model_core.staging import write_text

    try:  # through a hidden folder beside it: never a half-written page under the user's name
        write_text(path, page, ".caim-report-")
    except OSError as exc:
        raise OutputError(_("Cannot write the report '{path}' ({error}).").format(path=path,
                                                                                   error=os_reason(exc))) from None
    return path


def _pictures(res, imagery):
    """(pictures, None), or (None, what went wrong) when the map cannot be drawn."""
    from model_core.errors import CaimError
    from model_core.quicklook import open_stack, report_pictures
    from model_core.stack import quiet_gdal

    try:
        with quiet_gdal():
            stack, rgb = open_stack(imagery["images"], imagery.get("dates"), imagery.get("bands"),
                                    imagery.get("reference", 0))
            try:
                return report_pictures(stack, rgb, res.paths["moment"]), None
            finally:
                stack.close()
    except (CaimError, RuntimeError, OSError, ValueError, MemoryError) as exc:
        return None, str(exc).strip() or type(exc).__name__
