"""Output layers: styles, .qml sidecars, and adding a run's results to the project.

Everything here runs on the main thread.  Styles follow the output conventions of DESIGN.md:

* change area: paletted, 0 unchanged (transparent), 1 changed (strong colour), 255 nodata;
* change moment: paletted, 0 no change (transparent), k = change between date k and k+1, one colour
  per interval from a sequential ramp, labelled "date_k to date_k+1" in the user's language;
* confidence: pseudocolour 0..1, hidden by default.
"""

import functools
import json
import os

from qgis.PyQt.QtGui import QColor
from qgis.core import (
    QgsColorRampShader,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsLayerTreeLayer,
    QgsPalettedRasterRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
)

from caim_qgis_plugin import models as mdl
from caim_qgis_plugin.i18n import integer, noop, number, signed, translator

tr = translator("CaimLayers")

AREA, MOMENT, CONFIDENCE, PROBABILITIES = "area", "moment", "confidence", "probabilities"
NODATA = 255
CHANGED_COLOR = "#e6194b"  # same as the colour table the engine writes
# "no change": transparent on the map; white, not black, as its colour: QGIS's legends in print layouts
# (and the Layer Styling legend's drawing) paint a raster class in its colour at the layer's opacity,
# dropping the colour's own transparency, so transparent black was a black square beside "No change"
TRANSPARENT = QColor(255, 255, 255, 0)
RUN_PROPERTY = "caim/run"
KIND_PROPERTY = "caim/kind"
LAYER_TITLES = {
    AREA: noop("Change area"),
    MOMENT: noop("Change moment"),
    CONFIDENCE: noop("Confidence"),
    PROBABILITIES: noop("Moment probabilities"),
}

# Fallback sequential ramp (early yellow -> late purple) when the engine cannot be imported.
_MOMENT_STOPS = ["#ffed6f", "#feb24c", "#f03b20", "#bd0026", "#54278f"]
_CONFIDENCE_STOPS = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"]


def _ramp(stops):
    first, last = QColor(stops[0]), QColor(stops[-1])
    inner = [QgsGradientStop(i / (len(stops) - 1), QColor(c)) for i, c in enumerate(stops[1:-1], start=1)]
    return QgsGradientColorRamp(first, last, False, inner)


def interval_labels(dates, between=False):
    """The intervals' names in the user's language for an ordered list of date strings (None shown as
    'image k'), built from the dates: "2019-06-01 to 2020-06-01" ("... bis ..." in German, "... a ..." in
    Spanish), or with ``between`` "2019-06-01 and 2020-06-01" (for "changed between %s").  A name that
    repeats, with repeated dates, gets its interval's number, as the engine's.  For the legend, the pixel
    inspector and the labelling panel; the engine names the intervals in English (the keys of its areas per
    interval, in its files and reports): :func:`shown_intervals` shows those names."""
    shown = [d if d else tr("image %d") % (i + 1) for i, d in enumerate(dates)]
    pattern = tr("%s and %s") if between else tr("%s to %s")
    labels = [pattern % (shown[k], shown[k + 1]) for k in range(len(shown) - 1)]
    return [tr("%s (interval %d)") % (t, k) if labels.count(t) > 1 else t for k, t in enumerate(labels, start=1)]


def shown_intervals(names, dates):
    """The engine's names of the intervals of ``dates`` ("2019 to 2020", the keys of its areas per interval)
    as :func:`interval_labels` names them in the user's language; a name that is not one of the engine's
    for these dates is shown as it is."""
    try:
        from model_core.predict import interval_labels as engine_labels
    except ImportError:  # no engine (no torch): nothing to tell its names by
        return list(names)
    local = dict(zip(engine_labels(list(dates)), interval_labels(dates)))
    return [local.get(name, name) for name in names]


def moment_colors(n_intervals):
    """One colour per interval: the engine's ramp (so QGIS matches the GeoTIFF colour table)."""
    try:
        from model_core.predict import moment_colours
    except ImportError:
        moment_colours = None
    if moment_colours is not None:
        table = moment_colours(n_intervals)
        return [QColor(*table[k]) for k in range(1, n_intervals + 1)]
    ramp = _ramp(_MOMENT_STOPS)
    if n_intervals <= 1:
        return [ramp.color(0.6)]
    return [ramp.color(i / (n_intervals - 1)) for i in range(n_intervals)]


def area_renderer():
    classes = [
        QgsPalettedRasterRenderer.Class(0, QColor(TRANSPARENT), tr("Unchanged")),
        QgsPalettedRasterRenderer.Class(1, QColor(CHANGED_COLOR), tr("Changed")),
    ]
    return QgsPalettedRasterRenderer(None, 1, classes)  # (the layer's pipe gives it its input)


def moment_renderer(dates):
    labels = interval_labels(dates)
    classes = [QgsPalettedRasterRenderer.Class(0, QColor(TRANSPARENT), tr("No change"))]
    for k, (label, color) in enumerate(zip(labels, moment_colors(len(labels))), start=1):
        classes.append(QgsPalettedRasterRenderer.Class(k, color, label))
    return QgsPalettedRasterRenderer(None, 1, classes)  # (the layer's pipe gives it its input)


def confidence_renderer():
    ramp_shader = QgsColorRampShader(0.0, 1.0)
    ramp_shader.setColorRampType(QgsColorRampShader.Interpolated)
    ramp = _ramp(_CONFIDENCE_STOPS)
    ramp_shader.setSourceColorRamp(ramp.clone())
    items = [QgsColorRampShader.ColorRampItem(v, ramp.color(v), number(v)) for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
    ramp_shader.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp_shader)
    renderer = QgsSingleBandPseudoColorRenderer(None, 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(1.0)
    return renderer


def style_layer(layer, kind, dates=None):
    """Apply the house style for ``kind`` to a raster layer.  Returns True when a style was applied.

    The renderer is built without an input: the layer's pipe gives it the data provider.  Off the main thread
    (a graphical model writes its outputs' .qml on its task's thread, :func:`write_sidecar`) nothing is asked of
    the provider's Python wrapper: a layer closed on that thread has its provider's wrapper marked deleted later,
    on the main thread, and the next layer's provider, created at the same address, was handed that stale
    wrapper ("wrapped C/C++ object of type QgsRasterDataProvider has been deleted", no .qml)."""
    if kind == AREA:
        renderer = area_renderer()
    elif kind == MOMENT:
        renderer = moment_renderer(dates or [])
    elif kind == CONFIDENCE:
        renderer = confidence_renderer()
    else:
        return False
    if kind in (AREA, MOMENT) and _on_main_thread():
        # Outputs are written with nodata 255; make sure it is never painted even if the tag is lost (a copy made
        # by another program).  Off the main thread only the engine's own outputs are styled, tagged 255.
        provider = layer.dataProvider()
        if provider is not None and not provider.sourceHasNoDataValue(1):
            from qgis.core import QgsRasterRange

            provider.setUserNoDataValue(1, [QgsRasterRange(NODATA, NODATA)])
    layer.setRenderer(renderer)
    layer.setCustomProperty(KIND_PROPERTY, kind)
    describe_values(layer, kind, dates)
    layer.triggerRepaint()
    return True


def _on_main_thread():
    from qgis.PyQt.QtCore import QCoreApplication, QThread

    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() is app.thread()


def band_label(layer):
    """The first line of a run's raster's legend in the user's language, or None where QGIS's own says it already.
    QGIS heads a raster's legend with its band's name and the file's band description, "Kanal 1: change moment (k =
    last change between date k and k+1) (Palette)" in a German QGIS: the engine writes the description in English
    (programs read it: model_core.predict.BAND_DESCRIPTIONS), and the line is given its translation from the
    engine's catalogue, "Kanal 1: Änderungszeitpunkt (k = letzte Änderung zwischen Zeitpunkt k und k+1)"."""
    provider = layer.dataProvider()
    if provider is None or layer.bandCount() < 1:
        return None
    name = provider.generateBandName(1)   # QGIS's "Band 1" in its language, ": " and the file's description
    try:
        from model_core.i18n import translated
        from model_core.predict import BAND_DESCRIPTIONS
    except ImportError:  # no engine (no torch): QGIS's line stays
        return None
    for english in BAND_DESCRIPTIONS.values():
        if name.endswith(": " + english) and translated(english) != english:
            return name[:-len(english)] + translated(english)
    return None


def label_band(node):
    """Give the legend of the layer tree's ``node`` (a run's raster) its translated first line (:func:`band_label`);
    the project keeps it (a label of the layer tree node, as when a user renames a legend entry)."""
    from qgis.core import QgsMapLayerLegendUtils

    label = band_label(node.layer()) if isinstance(node, QgsLayerTreeLayer) and isinstance(
        node.layer(), QgsRasterLayer) else None
    if label:
        QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, label)
        node.setCustomProperty(BAND_LABEL_PROPERTY, label)  # the plugin's, not the user's (relabel_bands)
        _legend_changed(node)
    return label


# the legend line :func:`label_band` set, kept with the layer tree node: a line that still reads so is the plugin's
# (:func:`relabel_bands` gives it the language of the session that opens the project), another is the user's
BAND_LABEL_PROPERTY = "caim/band_label"


def _legend_changed(node):
    # a layer tree model that has drawn the legend already (the Layers panel's) redraws it on this signal, as
    # when the user renames an entry; without it the panel kept QGIS's English line
    if node.layer() is not None and node.layer().legend() is not None:
        node.layer().legend().itemsChanged.emit()


def relabel_bands(project):
    """Give the legend lines :func:`label_band` set in ``project`` the language of this session: the project keeps
    them, and a project saved in a German QGIS showed 'Band 1: Änderungszeitpunkt ...' in an English one.  In
    English QGIS's own line comes back; a line the user renamed since (it no longer reads as the plugin set it)
    stays as it is, and so does a line of a layer whose file is missing (until it is found) or when the engine
    cannot be imported (no translations then)."""
    from qgis.core import QgsMapLayerLegendUtils

    try:
        from model_core.predict import BAND_DESCRIPTIONS  # (band_label's import)
    except ImportError:
        return
    if not BAND_DESCRIPTIONS:
        return
    for node in project.layerTreeRoot().findLayers():
        if not isinstance(node.layer(), QgsRasterLayer) or not node.layer().isValid():
            continue
        mine = node.customProperty(BAND_LABEL_PROPERTY)
        if not mine:
            if not QgsMapLayerLegendUtils.legendNodeUserLabel(node, 0):
                label_band(node)  # saved in an English QGIS (QGIS's own line), opened in another language
            continue
        if QgsMapLayerLegendUtils.legendNodeUserLabel(node, 0) != mine:
            continue
        if band_label(node.layer()) == mine or label_band(node):  # (the same line, or this language's set)
            continue
        # English: QGIS's own line again (PyQGIS 3.22 keeps an empty label, which shows QGIS's line and counts as
        # none here)
        QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, None)
        node.removeCustomProperty(BAND_LABEL_PROPERTY)
        _legend_changed(node)


def describe_values(layer, kind, dates=None):
    """Give ``layer`` a title and an abstract saying what its values mean, the moment's classes with their
    intervals' dates, unless it has an abstract already (the user's).  QGIS's Identify tool shows a run's
    class number only (3, not its dates); *Layer Properties > Information* and *Metadata* show this text, and
    a project or a layer definition file keeps it."""
    if kind == MOMENT:
        abstract = "\n".join([tr("Change moment: 0 no change, k a last change between date k and date k+1, "
                                  "255 no data.")] + ["%d: %s" % (k, label) for k, label in
                                                      enumerate(interval_labels(dates or []), start=1)])
    elif kind == AREA:
        abstract = tr("Change area: 1 changed, 0 unchanged, 255 no data.")
    elif kind == CONFIDENCE:
        abstract = tr("Confidence: the probability of the predicted class, 0 to 1; -1 no data.")
    else:
        return
    metadata = layer.metadata()
    if metadata.abstract():
        return
    if not metadata.title():
        metadata.setTitle(tr(LAYER_TITLES[kind]))
    metadata.setAbstract(abstract)
    layer.setMetadata(metadata)


def sidecar_path(raster_path):
    return os.path.splitext(raster_path)[0] + ".qml"


def write_sidecar(raster_path, kind, dates=None):
    """Write ``<raster>.qml`` next to an output so it opens styled in any QGIS.  Returns its path.

    The layer it styles is opened with GDAL's side files (PAM) off, on this thread: QGIS computes band statistics
    for a layer's default renderer when it opens it, and GDAL kept them in a ``confidence.tif.aux.xml`` it wrote
    beside the output of every toolbox and ``qgis_process`` run (the style itself needs no statistics; the
    engine's own ``.aux.xml``, the area's and moment's class names, is left as it is)."""
    from osgeo import gdal

    before = gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None)
    gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
    try:
        layer = QgsRasterLayer(raster_path, os.path.basename(raster_path), "gdal", QgsRasterLayer.LayerOptions(False))
        if not layer.isValid() or not style_layer(layer, kind, dates):
            return None
        path = sidecar_path(raster_path)
        _msg, ok = layer.saveNamedStyle(path)
        return path if ok else None
    finally:
        layer = None  # (its dataset closed while PAM is off)
        gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", before)


STATIC_STYLES = {"change_area.qml": AREA, "change_moment.qml": MOMENT, "confidence.qml": CONFIDENCE}


def write_static_styles(folder, n_dates=10):
    """Write the generic styles shipped in resources/styles (moment labels say "image k to image k+1").

    They style outputs made outside QGIS (the command line) via Layer Properties > Style > Load Style.
    """
    from qgis.core import QgsRasterLayer as _Layer

    written = []
    for name, kind in STATIC_STYLES.items():
        layer = _Layer("", name, "gdal", _Layer.LayerOptions(False))
        style_layer(layer, kind, [None] * n_dates)
        path = os.path.join(folder, name)
        _msg, ok = layer.saveNamedStyle(path)
        if ok:
            written.append(path)
    return written


def coregister_record(meta):
    """[[dx, dy], ...], per date the whole-pixel offset (x east, y south) a co-registered run moved it by, from
    its outputs' CAIM_COREGISTER metadata item (``meta``: the CAIM_* items); None for a run without
    co-registration, or an item that cannot be read."""
    try:
        shifts = json.loads(meta.get("CAIM_COREGISTER") or "null")
    except (TypeError, ValueError):
        return None
    if not isinstance(shifts, list) or not all(isinstance(s, dict) for s in shifts):
        return None
    return [[s.get("applied_dx"), s.get("applied_dy")] if _whole(s.get("applied_dx"), s.get("applied_dy"))
            else [0, 0] for s in shifts]


def file_coregister(path):
    """:func:`coregister_record` of the run output file ``path`` (None: not co-registered, or not a run's file)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError, TypeError):
        return None
    record = _file_record(os.path.abspath(path), st.st_mtime_ns, st.st_size)
    return coregister_record(record["meta"]) if record else None


def _whole(*values):
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def moved_dates(coregister):
    """[(date index, dx, dy)] of the dates a run moved, from a run description's "coregister" (a list per date of
    [dx, dy], :func:`coregister_record`; a project file is anyone's text: anything else moved nothing)."""
    if not isinstance(coregister, list):
        return []
    return [(i, s[0], s[1]) for i, s in enumerate(coregister)
            if isinstance(s, list) and len(s) == 2 and _whole(*s) and any(s)]


def moved_points(coregister, x, y, gt):
    """{date index: (x, y)} of the dates a run moved (:func:`moved_dates`): the map point (x, y) on the run's grid
    (geotransform ``gt``) moved by the date's whole-pixel offset, where that date's file holds what the run read
    at (x, y) (the date's content at grid pixel (x, y) is its own at (x + dx, y + dy):
    model_core.coregister.Shift)."""
    return {i: (x + dx * gt[1] + dy * gt[2], y + dx * gt[4] + dy * gt[5]) for i, dx, dy in moved_dates(coregister)}


def coregister_text(coregister):
    """', co-registered: 1 date moved' for a run whose co-registration moved dates (its "coregister",
    :func:`coregister_record`); '' for one that moved none (co-registration is the default: the usual case
    says nothing, as a default sensitivity does) or ran without it."""
    if not isinstance(coregister, list):
        return ""
    n = len(moved_dates(coregister))
    if not n:
        return ""
    return (tr(", co-registered: %d date moved") if n == 1 else tr(", co-registered: %d dates moved")) % n


def run_name(dates, model=None, sensitivity=None, min_patch=None, fill_gaps=False, threshold=None, coregister=None):
    """'CAIM changes 2019-05-01 to 2021-05-01 (3 dates, CAIM-Net)'; the model only when known, the
    minimum-error threshold as ', minimum-error threshold', a sensitivity other than 0 as ', sensitivity
    +0.5', a minimum change patch as ', patches >= 4 px', gap filling as ', gaps filled', a co-registered run
    as ', co-registered: 1 date moved' (:func:`coregister_text`)."""
    what = tr("%d dates") % len(dates) + (", %s" % mdl.name(model) if model else "")
    if threshold == "kittler":
        what += tr(", minimum-error threshold")
    if sensitivity:
        what += tr(", sensitivity %s") % signed(float(sensitivity))
    if min_patch and int(min_patch) > 1:
        what += tr(", patches >= %s px") % integer(min_patch)
    if fill_gaps:
        what += tr(", gaps filled")
    what += coregister_text(coregister)
    known = [d for d in dates if d]
    if len(known) >= 2:
        return tr("CAIM changes %s to %s (%s)") % (known[0], known[-1], what)
    return tr("CAIM changes (%s)") % what


def layer_name(title, dates, project=None, layer=None):
    """The name of a run's output layer, the same for a dialog run and a toolbox run: its kind's ``title``
    (already in the user's language) and the run's first and last dates, 'Change moment 2019-05-01 to
    2021-05-01'; when another layer of the ``project`` (``layer`` itself left out) has that name, a number
    after the kind, 'Change moment #2 2019-05-01 to 2021-05-01': two runs on the same series, another model
    or sensitivity, had layers of one name in Processing's layer pickers, the Identify tool and the styling
    panel, and the Layers panel as QGIS opens it (some 290 px) shows the kind and the start of the first
    date only, so a number at the end was out of sight.  A title that ends with the dates already (a toolbox
    run's layer when it is loaded) is numbered the same way; one that holds the first date elsewhere (a name
    of the user's) gets its number at the end.  The layers are found by their properties (KIND_PROPERTY,
    RUN_PROPERTY), never by this name, so a name the user gives them changes nothing."""
    span = tr("%s to %s") % (dates[0], dates[-1]) if len(dates) >= 2 and dates[0] and dates[-1] else ""
    if span and title.endswith(" " + span):
        title = title[:-len(span) - 1]
    elif span and dates[0] in title:
        span = ""

    def numbered(n):
        name = title if n == 1 else "%s #%d" % (title, n)
        return "%s %s" % (name, span) if span else name

    if project is None:
        return numbered(1)
    own = layer.id() if layer is not None else None
    taken = {other.name() for other in project.mapLayers().values() if other.id() != own}
    n = 1
    while numbered(n) in taken:
        n += 1
    return numbered(n)


def unique_group_name(root, name):
    taken = {child.name() for child in root.children()}
    if name not in taken:
        return name
    n = 2
    while "%s #%d" % (name, n) in taken:
        n += 1
    return "%s #%d" % (name, n)


def add_run_outputs(paths, dates, run_info=None, project=None, name=None):
    """Add a run's outputs as styled layers in a new group at the top of the layer tree.

    ``paths`` maps kind ("area", "moment", "confidence", optionally "probabilities" and "polygons") to
    file paths.  ``run_info`` (JSON-serialisable: dates, inputs, outputs) is stored on the layers so the
    inspect tool can find the inputs and probabilities of a pixel.  Returns {kind: layer}.
    """
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    info = dict(run_info or {})
    group = root.insertGroup(0, unique_group_name(root, name or run_name(
        dates, info.get("model"), info.get("sensitivity"), info.get("min_patch"), info.get("fill_gaps"),
        info.get("threshold"), info.get("coregister"))))
    info.setdefault("dates", list(dates))
    info.setdefault("outputs", dict(paths))
    encoded = json.dumps(info)
    added = {}
    order = [MOMENT, AREA, CONFIDENCE]
    if paths.get("polygons"):
        order.insert(0, "polygons")
    for kind in order:
        path = paths.get(kind)
        if not path or not os.path.exists(path):
            continue
        if kind == "polygons":
            from qgis.core import QgsVectorLayer

            layer = QgsVectorLayer(path, layer_name(tr("Change polygons"), dates, project), "ogr")
            _style_polygons(layer, dates)
        else:
            layer = QgsRasterLayer(path, layer_name(tr(LAYER_TITLES[kind]), dates, project), "gdal")
            style_layer(layer, kind, dates)
        if not layer.isValid():
            continue
        layer.setCustomProperty(RUN_PROPERTY, encoded)
        project.addMapLayer(layer, False)
        node = group.addLayer(layer)
        label_band(node)
        if kind in (CONFIDENCE, "polygons"):
            node.setItemVisibilityChecked(False)
        node.setExpanded(kind == MOMENT)
        added[kind] = layer
    return added


def layers_showing(paths, project=None):
    """The project's layers whose source file is one of ``paths`` (e.g. an earlier run's outputs that a
    new run into the same folder replaces)."""
    wanted = {os.path.normcase(os.path.realpath(p)) for p in paths if p}
    return [layer for layer in (project or QgsProject.instance()).mapLayers().values()
            if os.path.normcase(os.path.realpath(layer.source().split("|")[0])) in wanted]


def remove_layers(layers, project=None):
    """Remove ``layers`` from the project, and the groups they leave empty."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    groups = []
    for layer in layers:
        node = root.findLayer(layer.id())
        parent = node.parent() if node is not None else None
        if parent is not None and parent is not root and parent not in groups:
            groups.append(parent)
    project.removeMapLayers([layer.id() for layer in layers])
    for group in groups:
        if not group.children() and group.parent() is not None:
            group.parent().removeChildNode(group)


def _style_polygons(layer, dates):
    """Categorised outline style for change polygons: one colour per interval, same as the moment."""
    if not layer.isValid():
        return
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    categories = []
    for k, (label, color) in enumerate(zip(interval_labels(dates), moment_colors(len(dates) - 1)), start=1):
        symbol = QgsFillSymbol.createSimple({
            "color": "0,0,0,0", "outline_color": color.name(), "outline_width": "0.6"})
        categories.append(QgsRendererCategory(k, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("moment", categories))


def run_info_of(layer, as_recorded=False):
    """The run description stored on an output layer, or None.  Its file paths follow the layer's file
    when the project was moved (:func:`relocated`) unless ``as_recorded``: the paths as the run wrote
    them.  A layer without one whose file is a run's output (added by hand: a command-line run, a project
    whose run group was removed) has the description its file's metadata gives (:func:`file_run_info`)."""
    if layer is None:
        return None
    raw = layer.customProperty(RUN_PROPERTY)
    if not raw:
        return file_run_info(layer)
    try:
        info = json.loads(raw)
    except (TypeError, ValueError):
        return None
    if not _well_formed(info):
        return None
    return info if as_recorded else relocated(info, layer)


# the engine's outputs by their band description (model_core.predict writes them) and their usual file names
_DESCRIBED_KINDS = (("change moment", MOMENT), ("change area", AREA), ("probability of the predicted", CONFIDENCE),
                    ("p(no change)", PROBABILITIES))
_OUTPUT_NAMES = {AREA: "change_area.tif", MOMENT: "change_moment.tif", CONFIDENCE: "confidence.tif",
                 PROBABILITIES: "moment_probability.tif"}


def kind_of(layer):
    """The kind of CAIM output ``layer`` shows (AREA, MOMENT, ...): the one the plugin stored on it, else its file's
    (:func:`file_run_info`), else None (not a CAIM output)."""
    if layer is None:
        return None
    kind = layer.customProperty(KIND_PROPERTY)
    if kind:
        return kind
    record = _record_of(layer)
    return record["kind"] if record else None


def _record_of(layer):
    from model_core.predict import RASTER_FORMATS

    if not isinstance(layer, QgsRasterLayer) or layer.providerType() != "gdal":
        return None
    path = layer.source().split("|")[0]
    if not path.lower().endswith(RASTER_FORMATS):  # the engine writes GeoTIFFs only: a VRT, JPEG 2000, ... is not
        return None                                # opened (the dialog asks of every raster of the project)
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return _file_record(os.path.abspath(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=128)
def _file_record(path, mtime, size):
    """What a run's output file records (the engine's CAIM_* metadata, its kind by its band's description), or
    None for any other file.  Cached by the file's time and size (the plugin asks often: each layer, each
    look for a run)."""
    from osgeo import gdal

    from model_core.stack import quiet_gdal

    with quiet_gdal():
        ds = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY)
        if ds is None or ds.RasterCount < 1:
            return None
        meta = ds.GetMetadata() or {}
        description = (ds.GetRasterBand(1).GetDescription() or "").lower()
    if not meta.get("CAIM_DATES") or not meta.get("CAIM_INPUTS"):
        return None
    kind = next((k for prefix, k in _DESCRIBED_KINDS if description.startswith(prefix)), None)
    if kind is None:
        return None
    return {"kind": kind, "meta": {k: v for k, v in meta.items() if k.startswith("CAIM_")}}


def _find_input(name, folder, project):
    """The path of the run's input file ``name`` (the metadata keeps file names only): a project layer's file of
    that name, else that file in the run's folder or the two above it (a run written beside its data), else
    ``name`` itself (the pixel inspector then names the file it lacks)."""
    if not name:
        return ""
    for layer in project.mapLayers().values():
        source = layer.source().split("|")[0] if isinstance(layer, QgsRasterLayer) else ""
        if source and os.path.basename(source) == name and os.path.exists(source):
            return source
    for up in (folder, os.path.dirname(folder), os.path.dirname(os.path.dirname(folder))):
        if os.path.isfile(os.path.join(up, name)):
            return os.path.join(up, name)
    return name


def _recorded_paths(meta, key, count):
    """The paths the engine recorded under ``key`` (``CAIM_INPUT_PATHS``, ``CAIM_MASK_PATHS``: a JSON list), one per
    date (``count``), or [] (a run of an earlier version, which kept file names only, or a list that does not fit)."""
    try:
        paths = json.loads(meta.get(key) or "[]")
    except ValueError:
        return []
    if not isinstance(paths, list) or len(paths) != count or not all(isinstance(p, str) for p in paths):
        return []
    return paths


def _by_recorded_path(recorded, written_to, folder):
    """The file of an input the engine recorded at ``recorded`` (its path when the run read it), for an output written
    to the folder ``written_to`` (``CAIM_OUTPUT_FOLDER``) that is now in ``folder``: when the output moved, the
    input at the same place relative to it first (the run's folder and its data moved together; a copy left at the
    old place is not the one), then the recorded path itself; None when neither is there (found by name then)."""
    if not recorded:
        return None
    candidates = [recorded]
    if written_to and os.path.isabs(recorded) and os.path.normcase(os.path.normpath(written_to)) != os.path.normcase(
            os.path.normpath(folder)):
        try:
            moved = os.path.normpath(os.path.join(folder, os.path.relpath(recorded, written_to)))
        except ValueError:  # (another drive on Windows)
            moved = None
        if moved:
            candidates.insert(0, moved)
    return next((p for p in candidates if os.path.isfile(p)), None)


def file_run_info(layer, project=None):
    """The run description (as :func:`add_run_outputs` stores it) that the file of ``layer`` gives when it is a
    run's output GeoTIFF the plugin did not load: its dates, model and settings from the engine's CAIM_* metadata,
    the run's other outputs beside it (the same run's: same dates and inputs), and its inputs and masks by the paths
    the engine recorded (``CAIM_INPUT_PATHS``, ``CAIM_MASK_PATHS``; :func:`_by_recorded_path`), else by name
    (:func:`_find_input`: a run of an earlier version, or files moved apart).  None for any other layer."""
    record = _record_of(layer)
    if record is None:
        return None
    meta, path = record["meta"], os.path.abspath(layer.source().split("|")[0])
    project = project or QgsProject.instance()
    folder = os.path.dirname(path)
    outputs = {record["kind"]: path}
    for kind, name in _OUTPUT_NAMES.items():
        other = os.path.join(folder, name)
        if kind in outputs or not os.path.isfile(other):
            continue
        st = os.stat(other)
        sibling = _file_record(other, st.st_mtime_ns, st.st_size)
        if sibling and sibling["kind"] == kind and all(
                sibling["meta"].get(k) == meta.get(k) for k in ("CAIM_DATES", "CAIM_INPUTS", "CAIM_MODEL")):
            outputs[kind] = other
    polygons = os.path.join(folder, "change_polygons.gpkg")
    if os.path.isfile(polygons):
        outputs["polygons"] = polygons
    dates = [d or None for d in meta["CAIM_DATES"].split(",")]
    names = meta["CAIM_INPUTS"].split(";")
    masks = meta.get("CAIM_MASKS", "").split(";") if meta.get("CAIM_MASKS") else []
    bands = [int(b) for b in meta.get("CAIM_BANDS", "").split(",") if b.strip().isdigit()]
    written_to = meta.get("CAIM_OUTPUT_FOLDER") or ""
    paths = _recorded_paths(meta, "CAIM_INPUT_PATHS", len(names))
    mask_paths = _recorded_paths(meta, "CAIM_MASK_PATHS", len(masks))
    inputs = []
    for i, name in enumerate(names):
        found = _by_recorded_path(paths[i], written_to, folder) if paths else None
        entry = {"path": found or _find_input(name, folder, project), "name": os.path.splitext(name)[0]}
        if i < len(dates) and dates[i]:
            entry["date"] = dates[i]
        if bands:
            entry["bands"] = list(bands)
        if i < len(masks) and masks[i]:
            found = _by_recorded_path(mask_paths[i], written_to, folder) if mask_paths else None
            entry["mask"] = found or _find_input(masks[i], folder, project)
        inputs.append(entry)
    try:
        sensitivity = float(meta.get("CAIM_SENSITIVITY") or 0)
        min_patch = int(meta.get("CAIM_MIN_PATCH") or 0)
    except ValueError:
        sensitivity, min_patch = 0.0, 0
    info = {"dates": dates, "inputs": inputs, "outputs": outputs, "model": meta.get("CAIM_MODEL") or None,
            "sensitivity": sensitivity, "min_patch": min_patch, "fill_gaps": meta.get("CAIM_FILL_GAPS") == "yes",
            "threshold": (meta.get("CAIM_THRESHOLD") or "otsu").split()[0], "from_file": True}
    if meta.get("CAIM_MASK_CLEAR"):
        info["mask_clear"] = meta["CAIM_MASK_CLEAR"]
    coregister = coregister_record(meta)
    if coregister is not None:  # per date the offset the run moved it by (the pixel inspector reads it there)
        info["coregister"] = coregister
    return info if _well_formed(info) else None


def style_run_file(layer):
    """Give ``layer`` the house style when it shows a run's change area, change moment or confidence file but
    none of the plugin's styles: a copy made by GDAL (Processing's *Translate* or *Clip raster by extent*,
    which keep the run's metadata), or a run's file copied without its ``.qml``.  QGIS drew those from the
    GeoTIFF colour table: "no change" opaque black over the imagery and 256 legend entries (6 .. 255
    numbered), though the pixel inspector took the copy for a run.  A layer with a ``.qml`` beside its file
    (QGIS loads it: the user's or the run's style) is left alone.  Returns True when styled."""
    if not isinstance(layer, QgsRasterLayer) or not layer.isValid() or layer.customProperty(KIND_PROPERTY):
        return False
    if os.path.exists(sidecar_path(layer.source().split("|")[0])):
        return False
    record = _record_of(layer)
    if record is None or record["kind"] not in (AREA, MOMENT, CONFIDENCE):
        return False
    return style_layer(layer, record["kind"], [d or None for d in record["meta"]["CAIM_DATES"].split(",")])


class RunFileStyler:
    """Styles the run files added to ``project`` by hand (:func:`style_run_file`), not the layers a project
    being read brings: those keep the style saved with them.

    ``reading`` is set by the project's first ``loadingLayer`` and reset by ``readProject`` (QGIS 3.22's
    QgsProject has no isLoading).  A read that fails (a file that is not XML, a cut .qgs, a corrupt .qgz, a
    missing file) stops before the project is cleared and before any layer loads: QGIS 3.22 emits neither
    ``cleared`` nor ``loadingLayer`` then, so the flag is not set; once layers load, readProjectFile has no
    way out but ``readProject``.  ``cleared`` (New project, the start of the next read, closing QGIS's
    project) resets it too, so that a read stopped between the two in another QGIS version cannot leave the
    hand-added files unstyled for the rest of the session.  A project read gives the legend lines the plugin
    labelled this session's language (:func:`relabel_bands`)."""

    def __init__(self, project=None):
        self.project = project or QgsProject.instance()
        self.reading = False
        self.project.loadingLayer.connect(self._loading)
        self.project.readProject.connect(self._read)
        self.project.cleared.connect(self._cleared)
        self.project.layersAdded.connect(self.layers_added)
        self.project.layerTreeRoot().addedChildren.connect(self.nodes_added)

    def nodes_added(self, parent, first, last):
        """A run's raster put in the layer tree otherwise than by a run (the Layers panel's *Duplicate Layer*, a
        run file added by hand) gets its legend line in the language too (:func:`label_band`), unless it has one
        (a layer tree being read: :func:`relabel_bands` then)."""
        from qgis.core import QgsMapLayerLegendUtils

        for node in parent.children()[first:last + 1]:
            if isinstance(node, QgsLayerTreeLayer) and node.layer() is not None and \
                    not QgsMapLayerLegendUtils.legendNodeUserLabel(node, 0):
                label_band(node)

    def _loading(self, _name):
        self.reading = True

    def _read(self, _document):
        self.reading = False
        relabel_bands(self.project)  # the legend lines the plugin labelled, in this session's language

    def _cleared(self):
        self.reading = False

    def layers_added(self, layers):
        if not self.reading:
            for layer in layers:
                style_run_file(layer)

    def disconnect(self):
        self.project.loadingLayer.disconnect(self._loading)
        self.project.readProject.disconnect(self._read)
        self.project.cleared.disconnect(self._cleared)
        self.project.layersAdded.disconnect(self.layers_added)
        self.project.layerTreeRoot().addedChildren.disconnect(self.nodes_added)


def _parts(path):
    return os.path.normpath(os.path.abspath(path)).split(os.sep)


def _moved_prefixes(recorded, current):
    """(old folder, new folder) of a move that took the file ``recorded`` to ``current``: the paths less
    the end they share ('/a/proj/out/m.tif' to '/b/x/proj/out/m.tif': '/a', '/b/x'), or None when even
    their file names differ."""
    old, new = _parts(recorded), _parts(current)
    n = 0
    while n < min(len(old), len(new)) and os.path.normcase(old[-1 - n]) == os.path.normcase(new[-1 - n]):
        n += 1
    if n == 0 or n == len(old):
        return None
    return os.sep.join(old[:len(old) - n]) or os.sep, os.sep.join(new[:len(new) - n]) or os.sep


def relocated(info, layer):
    """The run record ``info`` of ``layer`` with its files where they are now: a project moved, or sent
    with its folder, opens its layers from their new place (QGIS keeps their sources relative to the
    project file), but the record keeps the paths the run wrote, so the pixel inspector and the labelling
    panel read files that are no longer there (the inspector said 'outside the result' for every pixel).
    The move is the one from the record's path of the layer's own output to the layer's file; each
    recorded path (outputs, inputs and their masks) under the old folder is taken to the new one where
    that file exists, the file of a variable of a container (NETCDF:"/old/cube.nc":ndvi) too.  ``info``
    itself is not changed."""
    from model_core.stacked import container_file

    source = layer.source().split("|")[0] if layer is not None else ""
    outputs = info.get("outputs") or {}
    kind = layer.customProperty(KIND_PROPERTY) if layer is not None else None
    recorded = outputs.get(kind) or next(
        (p for p in outputs.values() if p and os.path.basename(p) == os.path.basename(source)), None)
    if not recorded or not source or not os.path.exists(source):
        return info
    prefixes = _moved_prefixes(recorded, source)
    if prefixes is None:
        return info
    old, new = prefixes
    old_key = os.path.normcase(old.rstrip(os.sep)) + os.sep

    def moved_file(path):
        full = os.path.normpath(os.path.abspath(path))
        if not os.path.normcase(full).startswith(old_key):
            return None
        candidate = os.path.join(new, full[len(old_key):])
        return candidate if os.path.exists(candidate) else None

    def moved(path):
        if not isinstance(path, str) or not path:
            return path
        inner = container_file(path)  # a variable of a container: its file moved, its name kept
        if inner and os.path.isabs(inner):
            found = moved_file(inner)
            return path.replace(inner, found, 1) if found else path
        return moved_file(path) or path

    out = dict(info)
    out["outputs"] = {k: moved(v) for k, v in outputs.items()}
    inputs = []
    for entry in info.get("inputs") or []:
        entry = dict(entry)
        for key in ("path", "mask"):
            if key in entry:
                entry[key] = moved(entry[key])
        inputs.append(entry)
    if "inputs" in info:
        out["inputs"] = inputs
    return out


def _well_formed(info):
    """Is a stored run description of the shape the plugin writes?  A project file is anyone's text: a
    record of other types (a list, dates that are numbers, inputs that are not tables) raised in the pixel
    inspector and the labelling panel (a security audit); such a layer is taken as no run's."""
    if not isinstance(info, dict):
        return False
    dates, inputs, outputs = info.get("dates") or [], info.get("inputs") or [], info.get("outputs") or {}
    if not isinstance(dates, list) or not all(d is None or isinstance(d, str) for d in dates):
        return False
    if not isinstance(inputs, list) or not all(isinstance(e, dict) and isinstance(e.get("path", ""), str)
                                               for e in inputs):
        return False
    if not isinstance(outputs, dict) or not all(isinstance(v, str) for v in outputs.values() if v is not None):
        return False
    patch = info.get("min_patch") or 0
    return isinstance(patch, int) and not isinstance(patch, bool)


class OutputStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles an output that Processing loads after a toolbox / model run."""

    _alive = []  # Processing does not own Python post-processors: keep them referenced

    def __init__(self, kind, dates, run_info=None, date_layers=None):
        super().__init__()
        self.kind = kind
        self.dates = list(dates)
        self.run_info = run_info
        # ids of the run's input layers in the project, given their dates in the Temporal Controller here, on
        # the main thread: a model run's postProcessAlgorithm runs on the model's thread, whose changes to the
        # project's layers raced with the main thread (their rendering, the Temporal Controller)
        self.date_layers = list(date_layers or ())
        OutputStyler._alive.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        project = context.project()
        if project is not None:  # a name another layer has (an earlier run on the same dates) gets its number
            layer.setName(layer_name(layer.name(), self.dates, project, layer))
        if isinstance(layer, QgsRasterLayer):
            style_layer(layer, self.kind, self.dates)
            node = project.layerTreeRoot().findLayer(layer.id()) if project is not None else None
            label_band(node)
            if self.kind == CONFIDENCE and isinstance(node, QgsLayerTreeLayer):
                node.setItemVisibilityChecked(False)
        elif self.kind == "polygons":  # outlines by interval, as a dialog run's (they came unstyled)
            _style_polygons(layer, self.dates)
        if self.run_info:
            layer.setCustomProperty(RUN_PROPERTY, json.dumps(self.run_info))
        if self.date_layers and project is not None:
            set_date_ranges([project.mapLayer(i) for i in self.date_layers], self.dates)


TEMPORAL_PROPERTY = "caim/date_range"  # set on an input layer whose Temporal Controller range a run gave


def _qdate(text):
    """QDate of a run's date ("YYYY-MM-DD", "YYYY-MM" or "YYYY": the first day of the month or year), or None."""
    from qgis.PyQt.QtCore import QDate

    parts = str(text or "").split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    except ValueError:
        return None
    if len(parts) > 3 or len(parts[0]) != 4:
        return None
    date = QDate(*numbers[:3])
    return date if date.isValid() else None


def _range_text(span):
    """The record of a range set by a run (TEMPORAL_PROPERTY): 'yyyy-MM-dd/yyyy-MM-dd'."""
    return "%s/%s" % (span.begin().toString("yyyy-MM-dd"), span.end().toString("yyyy-MM-dd"))


def set_date_ranges(layers, dates):
    """Give each of a run's input ``layers`` its date in QGIS's Temporal Controller: from its date to the next
    one (the last for as long as the interval before it), so that the controller steps through the series one
    date at a time (View > Panels > Temporal Controller). Only when every date is known and later than the one
    before, and only for layers whose time settings are off or are as an earlier run set them (a user's own are
    kept, those the user changed after a run too). Returns the layers set."""
    from qgis.PyQt.QtCore import QDateTime, QTime
    from qgis.core import Qgis, QgsDateTimeRange

    days = [_qdate(d) for d in dates or ()]
    if len(days) < 2 or len(days) != len(layers) or any(d is None for d in days) or any(
            b <= a for a, b in zip(days, days[1:])):
        return []
    starts = [QDateTime(d, QTime(0, 0)) for d in days]
    ends = starts[1:] + [starts[-1].addDays(days[-2].daysTo(days[-1]))]
    mode = Qgis.RasterTemporalMode.FixedTemporalRange  # (QGIS 3.22 has it; QGIS 4 only it)
    done = []
    for layer, start, end in zip(layers, starts, ends):
        if not isinstance(layer, QgsRasterLayer):
            continue
        props = layer.temporalProperties()
        if props.isActive() and (props.mode() != mode or layer.customProperty(TEMPORAL_PROPERTY) != _range_text(
                props.fixedTemporalRange())):
            continue  # the user's own time settings (or a run's the user changed since: they were replaced)
        props.setMode(mode)
        props.setFixedTemporalRange(QgsDateTimeRange(start, end, True, False))
        props.setIsActive(True)
        layer.setCustomProperty(TEMPORAL_PROPERTY, _range_text(props.fixedTemporalRange()))
        done.append(layer)
    return done
