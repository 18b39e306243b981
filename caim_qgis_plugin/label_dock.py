"""The sample labelling panel: step through the points of an accuracy-assessment sample (drawn by
*Draw an accuracy-assessment sample*) and label each from the imagery, without seeing the map's answer.

For the current point the panel shows a chip of every input date of a CAIM run (the point's pixel
boxed, on the map's grid; :mod:`model_core.chips`), the band values over time (the pixel inspector's
plot, with the map's answer hidden), and one button per class of the map (0 no change, k the last
change between date k and date k+1, or unchanged / changed for an area map).  A button writes the class
into the point's ``reference`` field (in the layer's edit buffer when it is being edited, else straight
to the file) and moves on to the next unlabelled point.  The points come in the order of their ``id``,
which the sampler made random, so the order does not reveal the map's class; the panel never shows
``map_class`` and can hide the run's layers on the map while it is open.
"""

import os

from qgis.PyQt.QtCore import QEvent, QMetaType, QObject, QSettings, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QKeySequence
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from qgis.core import (
    NULL,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorDataProvider,
    QgsVectorLayer,
    QgsWkbTypes,
)

from caim_qgis_plugin import layers as lyr
from caim_qgis_plugin.chip_view import (
    CHIP_SIDE, CONTEXT_SIZES, MIN_CHIP_SIDE, ChipLoader, ChipReader, ChipStrip, bands_note, placeholder)
from caim_qgis_plugin.accuracy_algorithms import _class_order, _vector_source, class_labels, setup_sample_layer
from caim_qgis_plugin.inspect_tool import (
    PanelScroll, PixelLoader, SeriesPlot, accessible, map_found, missing_lines, no_chips_text, pending_pixel,
    pixel_at_once)
from caim_qgis_plugin.richtext import escape, literal, tone
from caim_qgis_plugin.qtcompat import QShortcut
from model_core.accuracy import CHANGED_UNKNOWN, CHANGED_UNKNOWN_LABEL
from caim_qgis_plugin.i18n import integer, noop, translator

tr = translator("CaimLabelling")

HIDDEN_PROPERTY = "caim/hidden_while_labelling"  # on a run layer this panel hid (kept in a saved project)



def sample_layers(project=None):
    """Point layers of the project that have a ``reference`` field (samples to label), in layer-tree order."""
    project = project or QgsProject.instance()
    out = []
    for node in project.layerTreeRoot().findLayers():
        layer = node.layer()
        if isinstance(layer, QgsVectorLayer) and layer.geometryType() == QgsWkbTypes.PointGeometry \
                and layer.fields().indexOf("reference") >= 0:
            out.append(layer)
    return out


def run_layers(project=None):
    """Change moment layers of CAIM runs in the project (their run holds the input dates and files)."""
    project = project or QgsProject.instance()
    return [node.layer() for node in project.layerTreeRoot().findLayers()
            if isinstance(node.layer(), QgsRasterLayer)
            and lyr.kind_of(node.layer()) == lyr.MOMENT and lyr.run_info_of(node.layer())]


def distinct_titles(layers, project=None):
    """The layers' names for a list, a name that several of them share followed by what tells them apart:
    the group of a run's layer ('Change moment' of every run) or the file of a sample ('Sample points to
    label' of every sample Processing loaded)."""
    project = project or QgsProject.instance()
    names = [layer.name() for layer in layers]
    titles = []
    for layer, name in zip(layers, names):
        if names.count(name) == 1:
            titles.append(name)
            continue
        node = project.layerTreeRoot().findLayer(layer.id())
        parent = node.parent() if node is not None else None
        if parent is not None and parent.parent() is not None and parent.name():  # a group, not the root
            where = parent.name()
        else:
            where = os.path.basename(_vector_source(layer)[0] if isinstance(layer, QgsVectorLayer)
                                     else layer.source().split("|")[0])
        titles.append("%s — %s" % (name, where))
    return titles


def sample_map_path(layer):
    """The map a sample was drawn from, as the sampler recorded it in the file (CAIM_MAP), or None."""
    from osgeo import gdal

    if layer is None or layer.providerType() != "ogr":
        return None
    path, name = _vector_source(layer)
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    except RuntimeError:
        return None
    source = (ds.GetLayerByName(name) if name else ds.GetLayer(0)) if ds is not None else None
    value = source.GetMetadataItem("CAIM_MAP") if source is not None else None
    source = ds = None
    return value or None


def gone_file(layer):
    """The file of a file-based sample layer when it is not there any more (moved, renamed or deleted
    while the project is open), else None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = _vector_source(layer)[0]
    return path if path and not path.startswith("/vsi") and not os.path.exists(path) else None


def temporary_sample(layer):
    """Whether ``layer`` lives where QGIS deletes it when it closes: a memory layer, or a file in
    Processing's temporary folder (a sample drawn with the output left at 'Save to temporary file')."""
    if layer is None:
        return False
    if layer.providerType() == "memory":
        return True
    from qgis.core import QgsProcessingUtils

    path = _vector_source(layer)[0]
    temp = os.path.abspath(QgsProcessingUtils.tempFolder())
    return bool(path) and os.path.abspath(path).startswith(temp + os.sep)


def _record_map(path, map_path):
    """Write the sampler's record of the sampled map (CAIM_MAP) into the layer of the file ``path``."""
    from osgeo import gdal

    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    except RuntimeError:
        return
    layer = ds.GetLayer(0) if ds is not None else None
    if layer is not None:
        layer.SetMetadataItem("CAIM_MAP", map_path)
    layer = ds = None


def save_sample_copy(layer, path, project=None):
    """Write ``layer`` (every field, labels included) to the GeoPackage ``path`` and add it to the
    project in its place, styled alike; returns the new layer.  Raises OSError when it cannot be written."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    project = project or QgsProject.instance()
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "sample"
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    if result[0] != QgsVectorFileWriter.NoError:
        raise OSError(result[1] or tr("the file could not be written"))
    map_path = sample_map_path(layer)
    if map_path:  # the map the sample was drawn from: the panel and the estimate find it by this record
        _record_map(path, map_path)
    copy = QgsVectorLayer(path, layer.name(), "ogr")
    if not copy.isValid():
        raise OSError(tr("the written file cannot be opened"))
    copy.setRenderer(layer.renderer().clone())
    for i, field in enumerate(layer.fields()):
        j = copy.fields().indexOf(field.name())
        if j >= 0:
            copy.setEditorWidgetSetup(j, layer.editorWidgetSetup(i))
    for key in layer.customPropertyKeys():
        copy.setCustomProperty(key, layer.customProperty(key))
    project.addMapLayer(copy)
    return copy


def _same_file(a, b):
    return bool(a and b) and os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def run_of_map(map_path, runs):
    """The layer of ``runs`` whose run wrote ``map_path`` (its change moment or change area), or None: the
    map's path as the run wrote it (which the sample recorded) or where it is now (a moved project)."""
    for layer in runs if map_path else []:
        outputs = [p for info in (lyr.run_info_of(layer, as_recorded=True), lyr.run_info_of(layer))
                   for p in ((info or {}).get("outputs") or {}).values()]
        if any(_same_file(p, map_path) for p in outputs):
            return layer
    return None


def sampled_map_layer(layer, project=None):
    """The project's raster layer of the map the sample ``layer`` was drawn from, or None."""
    from caim_qgis_plugin.inputs import layer_source

    path = sample_map_path(layer)
    rasters = [node.layer() for node in (project or QgsProject.instance()).layerTreeRoot().findLayers() if path
               and isinstance(node.layer(), QgsRasterLayer) and node.layer().providerType() == "gdal"]
    found = next((raster for raster in rasters if _same_file(layer_source(raster), path)), None)
    # a moved project: the sample recorded the map where the run wrote it, as the run's own record did
    return found or next((raster for raster in rasters if _same_file(((lyr.run_info_of(
        raster, as_recorded=True) or {}).get("outputs") or {}).get(lyr.kind_of(raster)),
        path)), None)


# the engine's class names (written into the map's categories and the sample's value map, which stay
# English): shown in the interface's language; interval names ("2019 to 2020") too when the run's dates are
# known (class_choices)
CLASS_NAMES = {"no change": noop("no change"), "unchanged": noop("unchanged"), "changed": noop("changed"),
               CHANGED_UNKNOWN_LABEL: noop("changed, interval unknown")}


def _shown(label):
    return tr(CLASS_NAMES[label]) if label in CLASS_NAMES else label


def _first_upper(text):
    """'Changed, interval unknown': str.capitalize() lower-cased the rest ('Geändert, intervall unbekannt')."""
    return text[:1].upper() + text[1:]


def class_choices(layer, run_info=None):
    """{class: name} to label with: the reference field's value map (set when the sample was drawn in
    QGIS; the engine's interval names in it in the user's language when ``run_info`` has the run's dates),
    else no change and the run's intervals."""
    idx = layer.fields().indexOf("reference")
    setup = layer.editorWidgetSetup(idx) if idx >= 0 else None
    if setup is not None and setup.type() == "ValueMap":
        entries = setup.config().get("map") or []
        if isinstance(entries, dict):
            entries = [{k: v} for k, v in entries.items()]
        choices = {}
        for entry in entries:
            for text, value in entry.items():
                try:
                    c = int(value)
                except (TypeError, ValueError):
                    continue
                prefix = "%d: " % c
                choices[c] = _shown(text[len(prefix):] if text.startswith(prefix) else text)
        if choices:
            dates = (run_info or {}).get("dates")
            if dates:
                choices = dict(zip(choices, lyr.shown_intervals(list(choices.values()), dates)))
            return dict(sorted(choices.items(), key=_class_order))
    dates = (run_info or {}).get("dates") or []
    choices = {0: tr("no change")}
    for k, label in enumerate(lyr.interval_labels(dates), start=1):
        choices[k] = label
    if len(choices) > 2:
        choices[CHANGED_UNKNOWN] = _shown(CHANGED_UNKNOWN_LABEL)
    return choices


def _order_key(ident, fid):
    """Sort key of a point: its ``id`` (the sampler's random order; numbers before text), else its feature id."""
    if ident is None or ident == NULL:
        return (1, float(fid), "")
    try:
        return (0, float(ident), "")
    except (TypeError, ValueError):
        return (0, float("inf"), str(ident))


class CanvasKeys(QObject):
    """The panel's keys on the map canvas (an event filter on it): while the panel is shown with points to
    label, the keys :meth:`LabelDock.canvas_key` names are the panel's there, before any QGIS shortcut
    (the user looks at the map while labelling); every other key, and every key when the panel is hidden,
    stays QGIS's."""

    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock

    def eventFilter(self, _obj, event):  # noqa: N802
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        key = self.dock.canvas_key(event)
        if key is None:
            return False
        event.accept()  # a ShortcutOverride accepted: no QGIS shortcut takes the key, the canvas gets it
        slot, repeats = key
        if event.type() == QEvent.Type.KeyPress and (repeats or not event.isAutoRepeat()):
            slot()
        return True


class ButtonColumns(QWidget):
    """The class buttons, column by column: in two when there are more than four and two fit the width,
    else in one.  Always two set the labelling panel's minimum width (seven classes: 462 px of a 1280 x 800
    screen, whose map kept 512 px); the panel's minimum is now one button's width."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.buttons = []
        self.columns = 0

    def set_buttons(self, buttons):
        for b in self.buttons:
            self.grid.removeWidget(b)
        self.buttons, self.columns = list(buttons), 0
        self.setMinimumWidth(self._widest())
        self._place()

    def _widest(self):
        return max((b.sizeHint().width() for b in self.buttons), default=0)

    def _place(self):
        spacing = self.grid.horizontalSpacing()
        if spacing < 0:
            spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, self)
        two = len(self.buttons) > 4 and 2 * self._widest() + max(0, spacing) <= self.width()
        columns = 2 if two else 1
        if columns == self.columns or not self.buttons:
            return
        self.columns = columns
        rows = -(-len(self.buttons) // columns)
        for b in self.buttons:
            self.grid.removeWidget(b)
        for i, b in enumerate(self.buttons):
            self.grid.addWidget(b, i % rows, i // rows)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._place()


class LabelDock(QDockWidget):
    """See the module docstring.  ``on_assess(sample_layer)``: what *Estimate area and accuracy* does."""

    _followed = None  # the sample layer whose outside edits the panel follows (_follow_edits)
    _writing = False  # True while the panel writes a label itself
    _reread = False   # True while a re-read of the sample's points is due (_changed_outside)
    _rereading = False  # True while show_point reads the points again (a label changed behind the layer)
    _redraw_due = False  # True while a redraw after an outside edit is due (_edited_outside)

    def __init__(self, iface, parent=None, on_assess=None, reader=None):
        super().__init__(tr("CAIM sample labelling"), parent)
        self.setObjectName("CaimLabelDock")
        self.iface = iface
        self.on_assess = on_assess
        self.sample = None       # QgsVectorLayer being labelled
        self.run_layer = None    # moment layer whose run supplies the imagery
        self.order = []          # feature ids by the 'id' field
        self._labels = {}        # feature id -> its class, None when unlabelled (read_points; then kept up to date)
        self._done = 0           # how many of them are labelled
        self.pos = -1
        # each map's grid and each date's stretch, read once (``reader``: the pixel inspector's too)
        self.reader = ChipReader() if reader is None else reader
        self.loader = ChipLoader(self.reader, self)  # ... a run's first in a thread when it takes long
        self.pixels = PixelLoader(self)  # a long run's pixel values in a thread
        self._hidden = []        # layer ids this panel hid on the map
        self.marker = None
        self.choices = {}

        body = QWidget(self)
        layout = QVBoxLayout(body)
        grid = QGridLayout()
        self.sample_combo = QComboBox()
        self.sample_combo.setObjectName("labelSample")
        self.sample_combo.setToolTip(tr("A point layer with a 'reference' field, e.g. drawn by 'Draw an "
                                     "accuracy-assessment sample'"))
        self.run_combo = QComboBox()
        self.run_combo.setObjectName("labelRun")
        self.run_combo.setToolTip(tr("The CAIM run whose input dates are shown (its change moment layer)"))
        self.show_combo = QComboBox()
        # short names: docked beside the map (about 380 px) the German list showed 'Falschfarben (N' of 'False colour
        # (NIR, red, green)'; the bands shown are in the note below the lists, the long names in the items' tooltips
        self.show_combo.addItems([tr("True colour"), tr("False colour")])
        for index, text in enumerate((tr("True colour (red, green, blue)"), tr("False colour (NIR, red, green)"))):
            self.show_combo.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)
        self.show_combo.setToolTip(tr("False colour shows vegetation red; an input without a known NIR band is "
                                   "shown in true colour"))
        self.context_combo = QComboBox()
        for n in CONTEXT_SIZES:
            self.context_combo.addItem(tr("%d x %d pixels") % (n, n), n)
        # the closed lists may be narrower than their longest entry: docked beside the map (about 470 px on a
        # 1280 px screen) the panel's right side was cut off ("31 x 31 Pixe", "Kopie speiche")
        for combo in (self.sample_combo, self.run_combo, self.show_combo, self.context_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        settings = QSettings()
        self.show_combo.setCurrentIndex(1 if settings.value("caim/label_show", "false") == "false" else 0)
        self.context_combo.setCurrentIndex(max(0, self.context_combo.findData(
            int(settings.value("caim/label_context", 31)))))
        accessible(self.sample_combo, tr("Sample layer to label"))
        accessible(self.run_combo, tr("CAIM run whose imagery is shown"))
        accessible(self.show_combo, tr("Chip colours"))
        accessible(self.context_combo, tr("Chip size"))
        for row, (text, combo) in enumerate(((tr("Sample"), self.sample_combo), (tr("Imagery of"), self.run_combo),
                                             (tr("Show"), self.show_combo))):
            label = QLabel(text)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
        grid.addWidget(self.sample_combo, 0, 1, 1, 3)
        grid.addWidget(self.run_combo, 1, 1, 1, 3)
        grid.addWidget(self.show_combo, 2, 1)
        grid.addWidget(self.context_combo, 2, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.bands_note = QLabel()
        self.bands_note.setObjectName("labelBands")
        self.bands_note.setWordWrap(True)
        layout.addWidget(self.bands_note)

        temp_row = QHBoxLayout()
        self.temp_note = QLabel(tr("<span style='color:%s'><b>This sample is a temporary file</b>: QGIS deletes it, "
                                "with your labels, when it closes. Save a copy and label that.</span>") % tone("error"))
        self.temp_note.setObjectName("labelTemporary")
        self.temp_note.setWordWrap(True)
        self.save_copy_button = QPushButton(tr("Save a copy..."))
        self.save_copy_button.setToolTip(tr("Writes the sample (labels included) to a GeoPackage and labels that file"))
        self.save_copy_button.clicked.connect(self._save_copy_clicked)
        temp_row.addWidget(self.temp_note, 1)
        temp_row.addWidget(self.save_copy_button)
        layout.addLayout(temp_row)
        self.header = QLabel()
        self.header.setObjectName("labelHeader")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        nav = QHBoxLayout()
        self.prev_button = QPushButton(tr("< Previous"))
        self.next_button = QPushButton(tr("Next >"))
        self.unlabelled_button = QPushButton(tr("Next unlabelled >>"))
        for b, tip in ((self.prev_button, tr("Previous point (Page Up)")), (self.next_button, tr("Next point (Page Down)")),
                       (self.unlabelled_button, tr("The next point without a label (N)"))):
            b.setToolTip(tip)
            nav.addWidget(b)
        accessible(self.prev_button, tr("Previous point"))  # not "less than Previous"
        accessible(self.next_button, tr("Next point"))
        accessible(self.unlabelled_button, tr("Next unlabelled point"))
        layout.addLayout(nav)

        self.chips = ChipStrip()
        accessible(self.chips, tr("Image chips of every date around the point"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the chips wrap into rows instead
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop between the buttons
        scroll.setWidget(self.chips)
        self.chip_scroll = scroll
        # a row of full-size chips, or two of small ones whose dates fit (six dates at the panel's narrowest,
        # 359 px of a 1280 x 800 screen, stood in one row of 48 px chips titled '2018-06...')
        scroll.setMinimumHeight(max(CHIP_SIDE + ChipStrip.TITLE + 12,
                                    2 * (MIN_CHIP_SIDE + 4 + ChipStrip.TITLE + ChipStrip.GAP) + 4))
        layout.addWidget(scroll, 4)
        reference = QLabel(tr("<b>Reference class</b> of the boxed pixel (keys 0-9 for the first ten):"))
        reference.setWordWrap(True)
        layout.addWidget(reference)
        self.button_box = ButtonColumns()
        self.class_buttons = {}
        layout.addWidget(self.button_box)
        row = QHBoxLayout()
        self.cant_tell = QPushButton(tr("Can't tell (leave unlabelled)"))
        self.cant_tell.setToolTip(tr("Clears the label: the point stays out of the estimate (Delete)"))
        row.addWidget(self.cant_tell)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("note (optional)"))
        accessible(self.note, tr("Note on this point"), tr("Optional; written to the point's note field"))
        row.addWidget(self.note, 1)
        layout.addLayout(row)
        # the chart after the class buttons: the imagery and the decision first (on a 1366 x 768 screen, with the
        # chart between them, only the first two class buttons were in view without a scroll)
        self.plot = SeriesPlot()
        self.plot.setMinimumHeight(130)
        accessible(self.plot, tr("Band values over time"))
        layout.addWidget(self.plot, 1)
        self.advance = QCheckBox(tr("Once labelled, go to the next unlabelled point"))
        self.advance.setChecked(True)
        self.zoom = QCheckBox(tr("Zoom the map to each point"))
        self.zoom.setChecked(True)
        self.hide_results = QCheckBox(tr("Hide CAIM results on the map while labelling"))
        self.hide_results.setChecked(True)
        self.hide_results.setToolTip(tr("Label from the imagery, not from the map's answer; shown again when "
                                     "unticked or when this panel closes"))
        for w in (self.advance, self.zoom, self.hide_results):
            layout.addWidget(w)
        self.assess_button = QPushButton(tr("Estimate area and accuracy..."))
        self.assess_button.setToolTip(tr("Opens 'Estimate change area and accuracy from a labelled sample' with "
                                      "this sample and the map it was drawn from"))
        layout.addWidget(self.assess_button)
        self.setWidget(PanelScroll(body))

        self.sample_combo.currentIndexChanged.connect(self._sample_changed)
        self.run_combo.currentIndexChanged.connect(self._run_changed)
        self.show_combo.currentIndexChanged.connect(self._display_changed)
        self.context_combo.currentIndexChanged.connect(self._display_changed)
        self.prev_button.clicked.connect(lambda: self.go(self.pos - 1))
        self.next_button.clicked.connect(lambda: self.go(self.pos + 1))
        self.unlabelled_button.clicked.connect(self.next_unlabelled)
        self.cant_tell.clicked.connect(lambda: self.set_label(None))
        self.note.editingFinished.connect(self._note_changed)
        self.hide_results.toggled.connect(self._apply_hiding)
        self.assess_button.clicked.connect(self._assess)
        self.shortcuts = []
        # Qt key -> (slot, repeats when held): the same keys on the map canvas (canvas_key); a label key
        # held down labels one point, not one per auto-repeat
        self.keys = {Qt.Key.Key_PageUp: (lambda: self.go(self.pos - 1), True),
                     Qt.Key.Key_PageDown: (lambda: self.go(self.pos + 1), True),
                     Qt.Key.Key_N: (self.next_unlabelled, False),
                     Qt.Key.Key_Delete: (lambda: self.set_label(None), False)}
        for d in range(10):
            self.keys[Qt.Key.Key_0 + d] = (lambda d=d: d in self.choices and self.set_label(d), False)
        self.keys[Qt.Key.Key_C] = (lambda: CHANGED_UNKNOWN in self.choices and self.set_label(CHANGED_UNKNOWN), False)
        for key, (slot, repeats) in self.keys.items():
            self._shortcut(key, slot).setAutoRepeat(repeats)
        self.canvas_keys = CanvasKeys(self)
        self._canvas = None  # the canvas whose keys the panel watches
        self._connected = False
        self._follow_project()
        self.refresh_layers()

    # -- set-up ----------------------------------------------------------------------------------
    def _shortcut(self, key, slot):
        shortcut = QShortcut(QKeySequence(key), self.widget())
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        self.shortcuts.append(shortcut)
        return shortcut

    def canvas_key(self, event):
        """(slot, repeats) of a key pressed on the map canvas, or None when the key is left to QGIS: the
        panel hidden or without points, a modifier held (Ctrl+1 ... stay QGIS's), a digitizing tool active
        (Delete, Backspace and letters are its), a digit or C that is no class of this sample.  Arrow keys
        and Space (panning) are never taken; Page Up / Page Down (the canvas's zoom keys) move between
        points, as in the panel (the wheel still zooms)."""
        from qgis.gui import QgsMapTool

        if not (self.isVisible() and self.order) or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        key = event.key()
        if key not in self.keys:
            return None
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and key - Qt.Key.Key_0 not in self.choices:
            return None
        if key == Qt.Key.Key_C and CHANGED_UNKNOWN not in self.choices:
            return None
        tool = self._canvas.mapTool() if self._canvas is not None else None
        if tool is not None and tool.flags() & QgsMapTool.EditTool:
            return None
        return self.keys[key]

    def _watch_canvas(self, watch):
        """Take the panel's keys on the map canvas (see canvas_key), or stop."""
        if self._canvas is not None:
            self._canvas.removeEventFilter(self.canvas_keys)
            self._canvas = None
        canvas = self.iface.mapCanvas() if watch and self.iface is not None else None
        if canvas is not None:
            canvas.installEventFilter(self.canvas_keys)
            self._canvas = canvas

    def _follow_project(self):
        """Refresh the lists when layers are added or removed (until :meth:`shutdown`)."""
        if not self._connected:  # the layer tree: layers added to a group later (a run's outputs) count too
            root = QgsProject.instance().layerTreeRoot()
            root.addedChildren.connect(self._project_changed)
            root.removedChildren.connect(self._project_changed)
            self._connected = True

    def _project_changed(self, *_args):
        self.refresh_layers()

    def refresh_layers(self):
        """Fill the two lists from the project, keeping the current choices when they are still there."""
        for combo, layers in ((self.sample_combo, sample_layers()), (self.run_combo, run_layers())):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for layer, title in zip(layers, distinct_titles(layers)):
                combo.addItem(title, layer.id())
            index = combo.findData(current)
            if index < 0 and combo is self.run_combo:  # the first run whose map is there (not one deleted)
                index = next((i for i, layer in enumerate(layers) if map_found(layer)), -1)
            combo.setCurrentIndex(index if index >= 0 else (0 if layers else -1))
            combo.blockSignals(False)
        self._run_changed()
        self._sample_changed()

    def _display_changed(self, _index=None):
        settings = QSettings()
        settings.setValue("caim/label_show", "false" if self.show_combo.currentIndex() == 1 else "true")
        settings.setValue("caim/label_context", self.context_combo.currentData())
        self.show_point()

    def _layer(self, combo):
        layer_id = combo.currentData()
        return QgsProject.instance().mapLayer(layer_id) if layer_id else None

    def _run_changed(self, _index=None):
        layer = self._layer(self.run_combo)
        if layer is self.run_layer and layer is not None:
            return
        self.run_layer = layer
        self._apply_hiding(self.hide_results.isChecked())
        self.show_point()

    def _follow_edits(self, layer):
        """Follow ``layer``'s edits made outside the panel (the attribute table, the form, an undo): the
        header's counts and the current point's buttons and note are redrawn (they went stale)."""
        from qgis.PyQt import sip

        old = self._followed
        if old is not None and not sip.isdeleted(old):
            for signal, slot in self._edit_signals(old):
                try:
                    signal.disconnect(slot)
                except TypeError:  # not connected
                    pass
        self._followed = layer
        if layer is not None:
            for signal, slot in self._edit_signals(layer):
                signal.connect(slot)

    def _edit_signals(self, layer):
        # a value changed (an edit or an undo): that point's label; points added or deleted, a rollback, the
        # layer reloaded or its file changed: every label read again (read_points)
        return [(layer.attributeValueChanged, self._edited_outside)] + [
            (signal, self._changed_outside) for signal in (layer.afterRollBack, layer.featureAdded,
                                                           layer.featureDeleted, layer.dataChanged)]

    def _edited_outside(self, fid=None, idx=None, value=None):
        if self._writing or self.sample is None or not self.order:
            return
        if fid is not None and idx == self.sample.fields().indexOf("reference") and fid in self._labels:
            self._count(fid, self._value(value))
        if not self._redraw_due:  # once for a batch (the field calculator over every point: one redraw, not N)
            self._redraw_due = True
            QTimer.singleShot(0, self._redraw_labels)  # after QGIS has finished the edit

    def _changed_outside(self, *_args):
        if self._writing or self.sample is None or self._reread:
            return
        self._reread = True  # once for a batch (a thousand points deleted)
        QTimer.singleShot(0, self._reread_points)

    def _reread_points(self):
        from qgis.PyQt import sip

        self._reread = False
        if self.sample is None or sip.isdeleted(self.sample):
            return
        current = self.order[self.pos] if 0 <= self.pos < len(self.order) else None
        self.read_points()
        if current in self.order:
            self.pos = self.order.index(current)
        elif self.order:
            self.pos = max(0, min(self.pos, len(self.order) - 1))
        else:
            self.pos = -1
        self.show_point()

    def _redraw_labels(self):
        from qgis.PyQt import sip

        self._redraw_due = False
        if self.sample is not None and not sip.isdeleted(self.sample) and 0 <= self.pos < len(self.order):
            self.show_point()

    def _sample_changed(self, _index=None):
        layer = self._layer(self.sample_combo)
        if layer is self.sample and layer is not None:
            if self._followed is not layer:  # shown again after a shutdown: edits made meanwhile were not followed
                self._follow_edits(layer)
                self._reread_points()
            return
        self.sample = layer
        self._follow_edits(layer)
        self.order, self.pos = [], -1
        temporary = temporary_sample(layer)
        self.temp_note.setVisible(temporary)
        self.save_copy_button.setVisible(temporary)
        map_path = sample_map_path(layer)
        run = run_of_map(map_path, run_layers())  # the run whose map the sample was drawn from
        self._style_sample(layer, map_path)
        if run is not None and run is not self.run_layer:
            self.run_combo.setCurrentIndex(self.run_combo.findData(run.id()))
        self.read_points()
        self._build_buttons()
        if self.order:
            first = self._first_unlabelled(0)
            self.go(first if first is not None else 0)
        else:
            self.show_point()

    def _save_copy_clicked(self):
        map_path = sample_map_path(self.sample)
        folder = os.path.dirname(map_path) if map_path else os.path.expanduser("~")
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the sample"), os.path.join(folder, "sample.gpkg"),
                                              tr("GeoPackage (*.gpkg)"))
        if path:
            self.save_copy(path if path.lower().endswith(".gpkg") else path + ".gpkg")

    def save_copy(self, path):
        """Save the temporary sample to ``path`` and go on labelling the copy (at the same point)."""
        if os.path.exists(path):
            self._error(tr("'%s' exists: choose a new file name (a sample is never written over a file).") % path)
            return None
        pos, temporary = self.pos, self.sample
        try:
            copy = save_sample_copy(temporary, path)
        except OSError as exc:
            self._error(tr("The sample could not be saved to '%s': %s") % (path, exc))
            return None
        QgsProject.instance().removeMapLayer(temporary.id())  # the copy takes its place: one sample to label
        self.refresh_layers()
        self.sample_combo.setCurrentIndex(self.sample_combo.findData(copy.id()))
        if 0 <= pos < len(self.order):
            self.go(pos)
        return copy

    @staticmethod
    def _style_sample(layer, map_path):
        """A sample drawn outside QGIS (``python -m model_core sample``) gets what the toolbox gives one: the
        map's classes by name in the attribute form, unlabelled points hollow (the layer's style only)."""
        if layer is None or layer.fields().indexOf("map_class") < 0:
            return
        idx = layer.fields().indexOf("reference")
        if layer.editorWidgetSetup(idx).type() == "ValueMap" or not map_path or not os.path.exists(map_path):
            return
        from model_core.errors import CaimError

        try:
            setup_sample_layer(layer, class_labels(map_path))
        except CaimError:  # the map cannot be read: the layer keeps its style
            return

    def _run_info(self):
        return lyr.run_info_of(self.run_layer) if self.run_layer is not None else None

    def _build_buttons(self):
        old = list(self.class_buttons.values())
        self.button_box.set_buttons([])
        for b in old:
            b.deleteLater()
        self.class_buttons = {}
        if self.sample is None:
            self.choices = {}
            return
        self.choices = class_choices(self.sample, self._run_info())
        for c, label in self.choices.items():  # column by column: classes read downwards (ButtonColumns)
            button = QPushButton("%d   %s" % (c, label) if c >= 0 else "%s (C)" % _first_upper(label))
            button.setCheckable(True)
            button.setObjectName("labelClass%d" % c if c >= 0 else "labelChangedUnknown")
            if c == CHANGED_UNKNOWN:
                button.setToolTip(tr("The pixel changed, but when cannot be told: -1, counted when the estimate "
                                  "is of changed / unchanged only"))
            button.setStyleSheet("QPushButton { text-align: left; padding: 3px 6px; }")
            if c >= 0:
                accessible(button, tr("Class %d: %s") % (c, label),
                           tr("Key %d") % c if c <= 9 else tr("Labels the point with this class"))
            else:
                accessible(button, _first_upper(label), tr("Key C"))
            button.clicked.connect(lambda _checked, c=c: self.set_label(c))
            self.class_buttons[c] = button
        self.button_box.set_buttons(list(self.class_buttons.values()))
        # Tab reaches the class buttons where they are, after the navigation and before "Can't tell" (made
        # after the rest of the panel, they came last, after "Estimate area and accuracy...")
        chain = [self.unlabelled_button] + list(self.class_buttons.values()) + [self.cant_tell]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # -- reading and writing the sample --------------------------------------------------------------
    def _feature(self, fid):
        return next(self.sample.getFeatures(QgsFeatureRequest(fid)), None)

    @staticmethod
    def _value(value):
        """The class a ``reference`` value says, None for no label."""
        if value is None or value == NULL or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def _reference(self, feature):
        return self._value(feature["reference"])

    def read_points(self):
        """Read the sample's points once: their order (by ``id``) and labels.  Afterwards the panel's own
        labels and the layer's signals keep the labels up to date (_count), so moving from point to point
        reads only the point (a pass over 200 000 points took 0.7 s per move)."""
        self.order, self._labels, self._done = [], {}, 0
        layer = self.sample
        if layer is None:
            return
        id_index, ref_index = layer.fields().indexOf("id"), layer.fields().indexOf("reference")
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes([i for i in (id_index, ref_index) if i >= 0])
        keyed = []
        for f in layer.getFeatures(request):
            attributes, fid = f.attributes(), f.id()
            keyed.append((_order_key(attributes[id_index] if id_index >= 0 else None, fid), fid))
            self._labels[fid] = self._value(attributes[ref_index]) if ref_index >= 0 else None
        self.order = [fid for _key, fid in sorted(keyed)]
        self._done = sum(1 for c in self._labels.values() if c is not None)

    def _count(self, fid, label):
        """Point ``fid`` now has ``label`` (None: none): the counts follow."""
        old = self._labels.get(fid)
        self._labels[fid] = label
        self._done += (label is not None) - (old is not None)

    def labelled_count(self):
        return self._done if self.sample is not None else 0

    def _first_unlabelled(self, start):
        """Position of the first unlabelled point at or after ``start`` (wrapping round), or None."""
        n = len(self.order)
        for step in range(n if self._done < n else 0):
            p = (start + step) % n
            if self._labels.get(self.order[p]) is None:
                return p
        return None

    def _write(self, field, value):
        """Write ``value`` into ``field`` of the current point; False (and a message) when it cannot."""
        layer = self.sample
        fid = self.order[self.pos]
        idx = layer.fields().indexOf(field)
        if idx < 0:
            return False
        if value is None:
            value = NULL
        elif layer.fields().at(idx).type() == QMetaType.Type.QString:
            value = str(value)
        self._writing = True  # the panel's own edit: no redraw from _edited_outside
        try:
            if layer.isEditable():
                ok = layer.changeAttributeValue(fid, idx, value)
            else:
                provider = layer.dataProvider()
                ok = bool(provider.capabilities() & QgsVectorDataProvider.ChangeAttributeValues) and \
                    provider.changeAttributeValues({fid: {idx: value}})
                layer.triggerRepaint()
        finally:
            self._writing = False
        gone = gone_file(layer) if not ok else None
        if gone:
            self._error(self._gone_text(layer, gone))
        elif not ok:
            self._error(tr("The sample layer '%s' cannot be written (a read-only file or format?). Save it as a "
                        "GeoPackage (right-click > Export > Save Features As...) and label that copy.")
                        % layer.name())
        elif field == "reference":
            self._count(fid, self._value(value))
        return ok

    def set_label(self, value):
        """Label the current point with class ``value`` (None: unlabelled) and move on when asked to."""
        if self.sample is None or not (0 <= self.pos < len(self.order)):
            return
        if not self._write("reference", value):
            return
        if value is not None and self.advance.isChecked():
            nxt = self._first_unlabelled(self.pos + 1)
            if nxt is not None:
                self.go(nxt)
                return
        self.show_point()

    def _note_changed(self):
        from qgis.PyQt import sip

        if self.sample is not None and sip.isdeleted(self.sample):  # removed with the panel not following
            self.sample, self.order, self.pos = None, [], -1
            return
        if self.sample is not None and 0 <= self.pos < len(self.order) and self.sample.fields().indexOf("note") >= 0:
            feature = self._feature(self.order[self.pos])
            text = self.note.text().strip()
            old = feature["note"] if feature is not None else None
            if (old if old not in (None, NULL) else "") != text:
                self._write("note", text or None)

    @staticmethod
    def _gone_text(layer, path):
        return tr("The file of the sample layer '%s' is not there any more (%s): it was moved, renamed or "
                  "deleted. Put it back, or add the sample from where it is now (Layer > Add Layer) and label "
                  "that layer.") % (layer.name(), path)

    def _error(self, text):
        if self.iface is not None:
            self.iface.messageBar().pushWarning(tr("CAIM sample labelling"), escape(text))  # the bar renders HTML
        self.header.setText("<span style='color:%s'>%s</span>" % (tone("error"), escape(text)))

    # -- navigation and display ----------------------------------------------------------------------
    def go(self, pos):
        if not self.order:
            return
        self._note_changed()
        self.pos = max(0, min(pos, len(self.order) - 1))
        self.show_point()

    def next_unlabelled(self):
        nxt = self._first_unlabelled(self.pos + 1)
        if nxt is None:
            self.header.setText(self.header.text() + tr("<br><b>Every point is labelled.</b>"))
        else:
            self.go(nxt)

    def current_point(self):
        """(feature, QgsPointXY in the sample layer's CRS) of the current point, or (None, None)."""
        if self.sample is None or not (0 <= self.pos < len(self.order)):
            return None, None
        feature = self._feature(self.order[self.pos])
        if feature is None or not feature.hasGeometry():
            return feature, None
        return feature, feature.geometry().asPoint()

    def show_point(self):
        from qgis.PyQt import sip

        self.loader.forget()  # an earlier point's chips, still being read, are not shown
        self.pixels.forget()  # ... nor its values
        if self.sample is not None and sip.isdeleted(self.sample):  # deleted with the panel closed, not following
            self.sample, self.order, self.pos = None, [], -1  # (another project opened): not read from
        if self.run_layer is not None and sip.isdeleted(self.run_layer):
            self.run_layer = None
        for w in (self.prev_button, self.next_button, self.unlabelled_button, self.cant_tell, self.button_box):
            w.setEnabled(bool(self.order))
        if self.marker is not None:  # shown again at the next point
            self.marker.hide()
        if self.sample is None:
            self.header.setText(tr("No sample to label: draw one with <i>Draw an accuracy-assessment sample</i> "
                                "(a point layer with a 'reference' field)."))
            self.chips.set_message(tr("No sample."))
            self.plot.set_data(None)
            return
        if not self.order:
            gone = gone_file(self.sample)
            self.header.setText(literal(self._gone_text(self.sample, gone) if gone else
                                        tr("The sample layer '%s' has no points.") % self.sample.name()))
            self.chips.set_message(tr("No points."))
            self.plot.set_data(None)  # not the band values of the last sample's point
            return
        feature, point = self.current_point()
        ref = self._reference(feature) if feature is not None else None
        if (feature is None or self._labels.get(self.order[self.pos]) != ref) and not self._rereading:
            # the point is gone or its label changed without a signal of this layer (the same file loaded twice
            # and edited in the other layer): the kept counts are stale, read the points again
            self._rereading = True
            try:
                self._reread_points()
            finally:
                self._rereading = False
            return
        n, done = len(self.order), self.labelled_count()
        ident = feature["id"] if feature is not None and self.sample.fields().indexOf("id") >= 0 else self.order[self.pos]
        label = ("<b>%d</b> %s" % (ref, escape(self.choices.get(ref, tr("(not a class of the map)"))))
                 if ref is not None else tr("<i>not labelled</i>"))
        self.header.setText(tr("Point %s of %s (id %s): %s<br>%s labelled, %s to go")
                            % (integer(self.pos + 1), integer(n), escape(ident), label, integer(done), integer(n - done)))
        for c, button in self.class_buttons.items():
            button.setChecked(c == ref)
        note = feature["note"] if feature is not None and self.sample.fields().indexOf("note") >= 0 else None
        self.note.setText("" if note in (None, NULL) else str(note))
        info = self._run_info()
        if point is None:
            self.chips.set_message(tr("This point has no geometry."))
            self.plot.set_data(None)
            return
        self._show_on_map(point)
        if info is None:
            self.chips.set_message(tr("No CAIM run in the project to show the imagery of: load the run's change "
                                   "moment layer (run 'Detect changes' in this project)."))
            self.plot.set_data(None)
            return
        crs = self.sample.crs()
        false_colour = self.show_combo.currentIndex() == 1
        if not pixel_at_once(info) and self.reader.unread(info, false_colour):
            # a long run's first point (the panel opened, a sample or a run chosen): its values in a thread
            # (PixelLoader), each date's stretch meanwhile in the chips' (they waited for the values)
            self.loader.prepare(info, false_colour)
        now = self.pixels.load(info, point, crs, lambda data: self._pixel_read(info, point, crs, data))
        if now is None:
            self.plot.set_data(pending_pixel(info))
            self.bands_note.setText("")
            self.chips.set_message(placeholder())
        else:
            self._pixel_read(info, point, crs, now)

    def _pixel_read(self, info, point, crs, data):
        """Show the point's values ``data`` (:func:`~caim_qgis_plugin.inspect_tool.inspect_pixel`) and ask for its
        chips."""
        self.plot.set_data(dict(data, moment=None))  # the map's answer hidden
        if data.get("error"):  # the read failed (failed_pixel): said in the chips' place, no chips asked for
            self.bands_note.setText("")
            self.chips.set_message(data["error"])
            return
        # the run's first point reads each date's stretch (ChipLoader): in a thread when that takes long
        size = self.context_combo.currentData()
        now = self.loader.load(info, point, crs, size, self.show_combo.currentIndex() == 1,
                               data.get("clouded") or [], lambda *read: self._chips_read(info, data, size, *read))
        if now is None:
            self.bands_note.setText("")
            self.chips.set_message(placeholder())
        else:
            self._chips_read(info, data, size, *now)

    def _chips_read(self, info, data, size, chips, shown, error):
        # (and the run's files not found or not readable: a date without values said why, and what to do)
        self.bands_note.setText("<br>".join([bands_note(shown, info)] * bool(shown) + [
            "<span style='color:%s'>%s</span>" % (tone("warning"), escape(line)) for line in missing_lines(data)]))
        if error is not None or not chips:
            self.chips.set_message(error if error is not None else no_chips_text(info, data))
            return
        self.chips.set_chips(chips, size)

    def _show_on_map(self, point):
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return
        dest = canvas.mapSettings().destinationCrs()
        try:
            xy = QgsCoordinateTransform(self.sample.crs(), dest, QgsProject.instance()).transform(point) \
                if dest.isValid() and dest != self.sample.crs() else point
        except Exception:  # QgsCsException
            return
        if self.marker is None:
            from qgis.gui import QgsVertexMarker

            self.marker = QgsVertexMarker(canvas)
            self.marker.setColor(QColor(255, 0, 255))
            self.marker.setIconType(QgsVertexMarker.ICON_BOX)
            self.marker.setIconSize(14)
            self.marker.setPenWidth(2)
        self.marker.setCenter(xy)
        self.marker.show()
        info = self._run_info() if self.zoom.isChecked() else None
        pixel = self.reader.map_grid(info)[1] if info else None
        if pixel is not None and dest == self.sample.crs():  # a window of three chips' width
            half = 1.5 * self.context_combo.currentData() * pixel[0]
            canvas.setExtent(QgsRectangle(xy.x() - half, xy.y() - half, xy.x() + half, xy.y() + half))
        else:
            canvas.setCenter(QgsPointXY(xy))
        canvas.refresh()

    def _apply_hiding(self, hide):
        """Hide (or show again) the layers of CAIM runs on the map.  Each layer the panel hides carries
        HIDDEN_PROPERTY, which a saved project keeps: a project saved while the panel was open had its run
        layers saved hidden, and the panel of the reopened project, knowing nothing of them, left them
        hidden when it closed (the change map gone from the map after labelling)."""
        root = QgsProject.instance().layerTreeRoot()
        if hide:
            for node in root.findLayers():
                layer = node.layer()
                if layer is None or layer.id() in self._hidden:
                    continue
                flagged = bool(layer.customProperty(HIDDEN_PROPERTY))
                if flagged or ((lyr.kind_of(layer) or lyr.run_info_of(layer)) and node.isVisible()):
                    node.setItemVisibilityChecked(False)
                    layer.setCustomProperty(HIDDEN_PROPERTY, True)
                    self._hidden.append(layer.id())
        else:
            flagged = [node.layer().id() for node in root.findLayers()
                       if node.layer() is not None and node.layer().customProperty(HIDDEN_PROPERTY)]
            for layer_id in self._hidden + [i for i in flagged if i not in self._hidden]:
                node = root.findLayer(layer_id)
                if node is not None:
                    node.setItemVisibilityChecked(True)
                    node.layer().removeCustomProperty(HIDDEN_PROPERTY)
            self._hidden = []

    def _assess(self):
        self._note_changed()
        if self.on_assess is not None:
            self.on_assess(self.sample)

    def showEvent(self, event):  # noqa: N802
        self.note.blockSignals(False)  # blocked by shutdown: a note finished with Enter was never written again
        if not self._connected:  # shown again after its close button: follow the project again
            self._follow_project()
            self.refresh_layers()
        self._apply_hiding(self.hide_results.isChecked())
        self._watch_canvas(True)
        super().showEvent(event)

    def closeEvent(self, event):  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self, wait=False):
        """Show hidden layers again, take the marker off the map, stop following the project, stop reading
        imagery (``wait``: until the thread has ended, as when the plugin unloads)."""
        if wait:
            self.pixels.shutdown()
            self.loader.shutdown()
        else:
            self.pixels.forget()
            self.loader.stop()
        self.note.blockSignals(True)  # a note being typed is not written after the panel is shut down
        self._follow_edits(None)
        self._watch_canvas(False)
        if self._connected:
            root = QgsProject.instance().layerTreeRoot()
            root.addedChildren.disconnect(self._project_changed)
            root.removedChildren.disconnect(self._project_changed)
            self._connected = False
        self._apply_hiding(False)
        if self.marker is not None and self.iface is not None:
            self.iface.mapCanvas().scene().removeItem(self.marker)
            self.marker = None
