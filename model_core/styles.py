"""QGIS style files (``.qml``) for the command line's outputs, written without QGIS.

A GeoTIFF colour table has no transparency, so ``change_area.tif`` and ``change_moment.tif`` opened in
QGIS would paint "no change" black over the imagery.  QGIS loads ``<raster>.qml`` beside a raster by
itself, so :func:`write_styles` writes one per class raster: a paletted style with "no change"
transparent and the moment's intervals labelled with the run's dates, the same look as the plugin's
layers (whose styles QGIS itself writes).
"""

import html
import os

from model_core.errors import OutputError
from model_core.i18n import _, os_reason
from model_core.staging import write_text

_TEMPLATE = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22" styleCategories="AllStyleCategories">
  <customproperties>
    <Option type="Map">
      <Option value="{kind}" type="QString" name="caim/kind"/>
    </Option>
  </customproperties>
  <pipe>
    <provider>
      <resampling zoomedOutResamplingMethod="nearestNeighbour" maxOversampling="2" zoomedInResamplingMethod="nearestNeighbour" enabled="false"/>
    </provider>
    <rasterrenderer band="1" type="paletted" alphaBand="-1" nodataColor="" opacity="1">
      <colorPalette>
{entries}
      </colorPalette>
    </rasterrenderer>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
"""


def _legend_safe(colours):
    """``colours`` with every fully transparent class white: QGIS draws a raster class's swatch in a print
    layout's legend in its colour at the layer's opacity, not the colour's own, so the transparent black of
    "no change" (the colour table's) was a black square there; transparent white is a white one."""
    return {v: ((255, 255, 255, 0) if rgba[3] == 0 else rgba) for v, rgba in colours.items()}


def qml(kind, colours, labels):
    """The style text: ``colours`` {value: (r, g, b, a)}, ``labels`` {value: text}."""
    entries = "\n".join(
        f'        <paletteEntry value="{v}" label="{html.escape(labels[v], quote=True)}" '
        f'color="#{r:02x}{g:02x}{b:02x}" alpha="{a}"/>' for v, (r, g, b, a) in sorted(_legend_safe(colours).items()))
    return _TEMPLATE.format(kind=kind, entries=entries)


def write_styles(paths, interval_labels, overwrite=False):
    """``<raster>.qml`` for the area and moment rasters of a run (``paths`` as :class:`DetectResult`'s).

    An existing style file is kept unless ``overwrite`` (it may be the user's own).  Returns (the paths
    written, the paths kept)."""
    from model_core.predict import AREA_COLOURS, moment_colours

    styles = {}
    if paths.get("area"):
        styles[paths["area"]] = qml("area", AREA_COLOURS, {0: "Unchanged", 1: "Changed"})
    if paths.get("moment"):
        labels = {0: "No change", **{k: text for k, text in enumerate(interval_labels, start=1)}}
        styles[paths["moment"]] = qml("moment", moment_colours(len(interval_labels)), labels)
    written, kept = [], []
    for raster, text in styles.items():
        path = os.path.splitext(raster)[0] + ".qml"
        if os.path.exists(path) and not overwrite:
            kept.append(path)
            continue
        try:  # through a hidden folder beside it: a half-written style would be kept and trusted next time
            write_text(path, text, ".caim-style-")
        except OSError as exc:
            raise OutputError(_("Cannot write the style '{path}' ({error}).").format(
                path=path, error=os_reason(exc))) from None
        written.append(path)
    return written, kept
