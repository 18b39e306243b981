"""The main dialog: pick and order the dates, set options, run in the background, load the results.

The dialog never runs the model itself: it fills the parameters of ``caim:detectchanges`` and runs
that algorithm with :class:`QgsProcessingAlgRunnerTask` (progress in QGIS's task manager, cancel within
a tile).  Layers are only read on the main thread.
"""

import html
import json
import os
import re
import shutil
import time

from qgis.PyQt.QtCore import QCoreApplication, QDir, QEvent, QItemSelectionModel, QSize, Qt, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QIcon
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDistanceArea,
    QgsGeometry,
    QgsLayerTree,
    QgsMapLayerType,
    QgsMessageLog,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSettings,
    QgsTask,
    QgsUnitTypes,
)
from qgis.gui import QgsFileWidget

from caim_qgis_plugin import inputs as inp
from caim_qgis_plugin import layers as lyr
from caim_qgis_plugin import models as mdl
from caim_qgis_plugin import splitting
from caim_qgis_plugin.algorithm import COREGISTER_DEFAULT, DEVICES, PARTIAL_REMOVED, model_titles
from caim_qgis_plugin.inspect_tool import PanelScroll, accessible
from caim_qgis_plugin.models import AUTO
from caim_qgis_plugin.paths import icon_path
from caim_qgis_plugin.qtcompat import event_point
from caim_qgis_plugin.richtext import literal, tone
from caim_qgis_plugin.i18n import engine_language, integer, number, number_locale, signed, translator

tr = translator("CaimDialog")

LOG_TAG = "CAIM change detection"
ALGORITHM_ID = "caim:detectchanges"
SPLIT_ID = "caim:splitdates"
OUTPUT_FILES = {
    "AREA": "change_area.tif",
    "MOMENT": "change_moment.tif",
    "CONFIDENCE": "confidence.tif",
    "PROBABILITIES": "moment_probability.tif",
    "POLYGONS": "change_polygons.gpkg",
    "REPORT": "report.html",
}
LAYER_ROLE = Qt.ItemDataRole.UserRole
# a row shown as the cloud mask of another date (greyed, its tooltip says so)
MASK_OF_ROLE = Qt.ItemDataRole.UserRole + 1
# a band file (or a mask) that 'Stack band files into dates' stacked: the VRT of its date, listed, checked, in its place
STACKED_ROLE = Qt.ItemDataRole.UserRole + 2
COL_LAYER, COL_DATE, COL_BANDS, COL_CRS, COL_MASK = range(5)
NO_MASK = "—"
MASK_WORDS = ("mask", "qa", "scl", "fmask", "cloud")  # names of layers that are probably cloud masks


def pixel_area_m2(layer):
    """Ground area of one pixel of raster ``layer`` at its centre in m² (ellipsoidal), 0 if unknown."""
    crs = layer.crs()
    px, py = abs(layer.rasterUnitsPerPixelX()), abs(layer.rasterUnitsPerPixelY())
    if not crs.isValid() or px <= 0 or py <= 0:
        return 0.0
    centre = layer.extent().center()
    da = QgsDistanceArea()
    da.setSourceCrs(crs, QgsProject.instance().transformContext())
    da.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030")
    rect = QgsRectangle(centre.x(), centre.y(), centre.x() + px, centre.y() + py)
    try:
        area = da.convertAreaMeasurement(da.measureArea(QgsGeometry.fromRect(rect)), QgsUnitTypes.AreaSquareMeters)
    except Exception:  # noqa: BLE001 -- a CRS the ellipsoid code cannot handle: no note rather than an error
        return 0.0
    return float(area) if area == area else 0.0


def mask_presets():
    """{product: clear values} from the engine (``model_core.stack.MASK_PRESETS``)."""
    from model_core.stack import MASK_PRESETS

    return dict(MASK_PRESETS)


def estimate_prefixes():
    """The beginnings of the engine's estimate lines (model_core.predict.ESTIMATE_LINES) in the engine's language."""
    from model_core.predict import estimate_prefixes as engine_prefixes

    return engine_prefixes()


def natural_key(name):
    """``name`` as it sorts for a person: its numbers by value ('day 2' before 'day 10'), case ignored."""
    return tuple((text.casefold(), int(digits) if digits else -1)
                 for text, digits in re.findall(r"(\D*)(\d*)", name) if text or digits)


class RunFeedback(QgsProcessingFeedback):
    """Feedback that forwards progress text and errors to the dialog (signals are queued across threads)."""

    text = pyqtSignal(str)
    error = pyqtSignal(str)

    def __init__(self):
        super().__init__()
        self.errors = []
        self.log = []
        self.estimate = []  # the engine's estimate of the run's time and size: kept under the progress text

    def setProgressText(self, text):  # noqa: N802
        self.text.emit("\n".join([text] + self.estimate))

    def pushInfo(self, info):  # noqa: N802
        self.log.append(info)
        QgsMessageLog.logMessage(info, LOG_TAG, Qgis.Info)
        if info.startswith(("Estimate ", "Warning: the outputs may not fit") + estimate_prefixes()):
            self.estimate.append(info)
            self.text.emit(info)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.errors.append(error)
        self.error.emit(error)

    def pushWarning(self, warning):  # noqa: N802 - the algorithm's warnings, shown as its errors are
        self.reportError(warning)


def name_file_widget(widget, name, browse):
    """Screen-reader names of a QgsFileWidget's path field, its clear button and its "…" button."""
    from qgis.PyQt.QtWidgets import QToolButton

    accessible(widget.lineEdit(), name)
    for button in widget.lineEdit().findChildren(QToolButton):  # the field's clear button
        accessible(button, tr("Clear %s") % name)
    for button in widget.findChildren(QToolButton):
        if button.parentWidget() is widget:
            accessible(button, browse)


class ReadOnlyDelegate(QStyledItemDelegate):
    """Columns that show facts (layer name, band count, CRS): no editor on double-click."""

    def createEditor(self, parent, option, index):  # noqa: N802
        return None


class MaskDelegate(QStyledItemDelegate):
    """The Mask column's editor: a list of the project's one-band rasters, '—' for no mask."""

    def __init__(self, dialog):
        super().__init__(dialog.layer_tree)
        self.dialog = dialog

    def createEditor(self, parent, option, index):  # noqa: N802
        """The row's own date's masks first, then the others by date (the legend's order is often the
        reverse: the last layer added on top)."""
        combo = QComboBox(parent)
        combo.addItem(NO_MASK, "")
        row_date = index.sibling(index.row(), COL_DATE).data() or ""
        dated = [(inp.date_for_layer(layer)[0] or "", layer) for layer in self.dialog.mask_candidates()]
        dated.sort(key=lambda p: (not (row_date and p[0] == row_date), p[0] == "", p[0]))
        for _, layer in dated:
            combo.addItem(layer.name(), layer.id())
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(LAYER_ROLE) or "")))

    def setModelData(self, editor, model, index):  # noqa: N802
        layer_id = editor.currentData() or ""
        model.setData(index, layer_id, LAYER_ROLE)  # the id first: the text change triggers validation
        model.setData(index, editor.currentText() if layer_id else NO_MASK, Qt.ItemDataRole.DisplayRole)


class OrderedLayerTree(QTreeWidget):
    """Top-level items only; dragging moves the selected rows (never nests them)."""

    orderChanged = pyqtSignal()

    def sizeHint(self):  # noqa: N802
        # as tall as its rows (4 to 12 of them): the settings below keep their height on a 720 px dialog
        # instead of scrolling under a half-empty list
        rows = min(max(self.topLevelItemCount(), 4), 12)
        row = self.sizeHintForRow(0) if self.topLevelItemCount() else self.fontMetrics().lineSpacing() + 4
        height = self.header().sizeHint().height() + rows * max(row, 1) + 2 * self.frameWidth() + 4
        return QSize(super().sizeHint().width(), height)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)

    def drop_row(self, pos):
        target = self.itemAt(pos)
        if target is None:
            return self.topLevelItemCount()
        row = self.indexOfTopLevelItem(target)
        if pos.y() > self.visualItemRect(target).center().y():
            row += 1
        return row

    def move_items(self, items, row):
        """Move ``items`` (keeping their relative order) so the first lands at ``row``."""
        items = sorted(items, key=self.indexOfTopLevelItem)
        for item in items:
            if self.indexOfTopLevelItem(item) < row:
                row -= 1
        for item in items:
            self.takeTopLevelItem(self.indexOfTopLevelItem(item))
        for offset, item in enumerate(items):
            self.insertTopLevelItem(row + offset, item)
            item.setSelected(True)
        self.orderChanged.emit()

    def shift(self, step):
        """Move the selected rows one place up (``step`` -1) or down (1); the current row stays current."""
        items = sorted(self.selectedItems(), key=self.indexOfTopLevelItem)
        if not items:
            return
        current = self.currentItem()
        first = self.indexOfTopLevelItem(items[0])
        row = max(0, min(self.topLevelItemCount() - len(items), first + step))
        self.move_items(items, row if step < 0 else row + len(items))
        if current is not None:
            self.setCurrentItem(current, 0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def keyPressEvent(self, event):  # noqa: N802
        """The keyboard's way to what the mouse does: rows are selected whole, so the arrows never reach the
        Date or Cloud mask cell and F2 opened no editor; F2 edits the current row's date, Shift+F2 its cloud
        mask, Alt+Up / Alt+Down move the selected rows."""
        item, mods = self.currentItem(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if event.key() == Qt.Key.Key_F2 and item is not None and mods in plain:
            self.editItem(item, COL_MASK if mods == Qt.KeyboardModifier.ShiftModifier else COL_DATE)
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods == Qt.KeyboardModifier.AltModifier:
            self.shift(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def dropEvent(self, event):  # noqa: N802
        items = self.selectedItems()
        if not items:
            event.ignore()
            return
        self.move_items(items, self.drop_row(event_point(event)))
        event.accept()
        # We moved the rows ourselves; a "move" result would make Qt delete the dragged rows.
        copy = Qt.DropAction.CopyAction
        event.setDropAction(copy if event.possibleActions() & copy else Qt.DropAction.IgnoreAction)


class MessageArea(PanelScroll):
    """The messages (a word-wrapped rich-text label) in an area that shows whole lines: as tall as the text
    up to MAX_LINES, shrinkable to MIN_LINES, its viewport cut to a whole number of lines, with a scroll bar
    when the text does not fit (a line cut in half with no scroll bar hid the rest of the problems)."""

    MAX_LINES = 8
    MIN_LINES = 3

    def __init__(self, label, min_lines=MIN_LINES, max_lines=MAX_LINES):
        super().__init__(label, min_lines, max_lines)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._width = -1

    def line(self):
        return self.widget().fontMetrics().lineSpacing()

    def _content(self):
        label = self.widget()
        if not label.text():
            return 0
        width = self.viewport().width() if self.isVisible() else label.sizeHint().width()
        return label.heightForWidth(max(width, 50))

    def _height(self, lines):
        # a rich-text label is its lines plus 1 px: whole lines shown, or all of a shorter text
        return min(self._content(), lines * self.line() + 1) + 2 * self.frameWidth()

    def sizeHint(self):  # noqa: N802
        return QSize(100, self._height(self.max_lines))

    def minimumSizeHint(self):  # noqa: N802
        return QSize(50, self._height(self.min_lines))

    def text_changed(self):
        """After the label's text changed: its size now, not at the next event loop (the area's hint and
        the scroll bar follow the new text)."""
        QApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))
        self.updateGeometry()
        self._snap()

    def _snap(self):
        """Cut the viewport to whole lines (the rest of the area is an empty margin below it)."""
        avail = self.height() - 2 * self.frameWidth()
        margin = 0
        if self._content() > avail:
            margin = max(0, avail - max(1, (avail - 1) // self.line()) * self.line() - 1)
        if margin != self.viewportMargins().bottom():
            self.setViewportMargins(0, 0, 0, margin)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != self._width:  # the text's height follows the width
            self._width = event.size().width()
            self.updateGeometry()
        self._snap()


def _declared_clear(layer):
    """The clear values a mask layer's file records (``CAIM_MASK_CLEAR``, written by caim:stackbands), or None."""
    from osgeo import gdal

    try:
        ds = gdal.Open(inp.layer_source(layer))
    except RuntimeError:
        return None
    value = ds.GetMetadataItem("CAIM_MASK_CLEAR") if ds is not None else None
    return value.strip() if value and value.strip() else None


def _same_stack(folder):
    """An earlier ``stacked_dates`` (``_2``, ...) folder beside ``folder`` holding the very files of ``folder`` (the
    same VRTs, masks and styles: the same band files stacked again), else None."""
    def files(path):
        out = {}
        for root, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if not name.startswith(".") and not name.endswith((".aux.xml", ".ovr")):
                    full = os.path.join(root, name)
                    out[os.path.relpath(full, path)] = full
        return out

    def content(path):
        from model_core.stacked import without_hints

        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        # a VRT keeps the statistics its readers computed in itself (QGIS computes a one-band layer's when it loads
        # it, for its grey stretch; GDAL writes them into the .vrt when it closes it, and with them the size and
        # type of the sources it opened, SourceProperties, only of those): not a change of the stack, as a split's
        return without_hints(text) if path.endswith(".vrt") else text

    parent, own = os.path.split(os.path.abspath(folder))
    mine = files(folder)
    for name in sorted(os.listdir(parent)):
        other = os.path.join(parent, name)
        if name == own or not re.fullmatch(r"stacked_dates(_\d+)?", name) or not os.path.isdir(other):
            continue
        theirs = files(other)
        if set(theirs) == set(mine) and all(content(mine[k]) == content(theirs[k]) for k in mine):
            return other
    return None


class StackTask(QgsTask):
    """model_core.bandfiles.stack_band_files in QGIS's task manager (its progress shown there and in the dialog,
    cancelled with nothing written), then ``done(task)`` on the main thread: ``result`` (a StackResult) or
    ``error`` (the engine's refusal, or the unexpected failure's text) is set, or ``isCanceled()``.  ``layers``:
    {path: QgsRasterLayer} of the stack's dates and masks, made in the task's thread (their files opened, their
    styles or the masks' statistics read there: 0.08-0.17 s of QGIS's main thread for the CBERS cube's 28) and
    moved to the main thread, to be added to the project there."""

    def __init__(self, sources, folder, done):
        super().__init__(tr("CAIM: stacking band files into dates"), QgsTask.Flag.CanCancel)
        self.sources, self.folder, self.done = list(sources), folder, done
        engine_language()  # the engine's messages in QGIS's language (its run is in a worker thread)
        from caim_qgis_plugin.stackbands_algorithm import dialog_option_names

        self.option_names = dialog_option_names()  # (the engine's --bands, as this button's user finds it)
        self.result, self.error = None, None
        self.layers = {}
        self.started = self.seconds = None  # when run() began (perf_counter), and the engine's seconds: measured

    def _progress(self, fraction):
        from model_core.errors import Cancelled

        if self.isCanceled():
            raise Cancelled  # (caught in run: the dialog says it, translated)
        self.setProgress(100.0 * fraction)

    def run(self):
        from model_core.bandfiles import stack_band_files
        from model_core.errors import CaimError, Cancelled
        from model_core.i18n import option_names

        start = self.started = time.perf_counter()
        try:
            with option_names(self.option_names):  # (set in this, the task's thread: the engine runs here)
                self.result = stack_band_files(self.sources, self.folder, progress=self._progress)
            self.seconds = time.perf_counter() - start
            self.layers = self._make_layers(self.result)
        except Cancelled:
            return False
        except CaimError as exc:
            self.error = exc
            return False
        except Exception as exc:  # a fault of this code, not of the input: said, with its traceback in the log
            import traceback

            self.error = exc
            QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.Critical)
            return False
        return True

    @staticmethod
    def _make_layers(res):
        """The layers of ``res``'s dates and masks (named as the dialog adds them), each moved to the main thread
        (a layer is used and added to the project only there; QGIS's Processing loads its outputs so)."""
        main = QCoreApplication.instance().thread()
        layers = {}
        for d in res.dates:
            for name in (d.name, d.mask_name):
                if name:
                    path = os.path.join(res.out_dir, name)
                    layer = QgsRasterLayer(path, os.path.splitext(os.path.basename(path))[0], "gdal")
                    layer.moveToThread(main)
                    layers[path] = layer
        return layers

    def finished(self, result):
        self.done(self)


class CaimDialog(QDialog):
    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.task = None
        self.stack_task = None  # the running StackTask of 'Stack band files into dates'
        self.last_stack_ok = None  # whether the last stack succeeded (None: none ended yet)
        self._adding_layers = False  # a stack's end adds its layers: no refresh per layer added
        self._validation_held = False  # a stack's end updates the list: validate() waits, then runs once
        self.feedback = None
        self.context = None
        self.last_results = None
        self.last_layers = {}
        self._run_layers = []
        self._allow_huge = False  # the next run goes ahead even when estimated huge (the user said so)
        self._run_masks = None
        self._split_warnings = []  # this run's dates written to QGIS's temporary folder: said when it ends
        self._filled = False
        self.setWindowTitle(tr("CAIM change detection: detect changes in a time series"))
        self.setWindowIcon(QIcon(icon_path()))
        self._build()
        # tall enough for the settings unscrolled and a few layers (the list grows with the dialog, the
        # settings keep their height); a laptop's screen: room for the title bar
        self.resize(800, 860)
        screen = QApplication.primaryScreen()
        if screen is not None and screen.availableGeometry().height() < 860 + 80:
            self.resize(800, max(self.minimumSizeHint().height(), screen.availableGeometry().height() - 80))
        self.restore_settings()
        QgsProject.instance().layersAdded.connect(self._layers_changed)
        QgsProject.instance().layersRemoved.connect(self._layers_changed)

    # -- widgets ----------------------------------------------------------------------------------
    def _build(self):
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Check the images to compare, oldest first. They are ordered by the date found in the "
                       "layer name, file name or metadata; drag rows to reorder (Alt+Up/Down), double-click a date to "
                       "edit it (F2), and double-click a Cloud mask cell (Shift+F2) to give that date its cloud mask "
                       "(optional, per date: dates without one are used as they are)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.intro = intro

        self.layer_tree = OrderedLayerTree(self)
        # names cut in the middle: a series' names differ at their end (dynamic_earthnet_sample_0_planet_9 and _10),
        # which Qt's default cut ('dynamic_earthnet_sample_0_plan…' on every row) hid, and with it the order
        self.layer_tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.layer_tree.setObjectName("layerTree")
        self.layer_tree.setHeaderLabels([tr("Layer"), tr("Date"), tr("Bands"), tr("CRS"), tr("Cloud mask")])
        header = self.layer_tree.header()
        header.setSectionResizeMode(COL_LAYER, QHeaderView.ResizeMode.Stretch)
        for col in (COL_DATE, COL_BANDS, COL_CRS, COL_MASK):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self._read_only = ReadOnlyDelegate(self.layer_tree)
        for col in (COL_LAYER, COL_BANDS, COL_CRS):
            self.layer_tree.setItemDelegateForColumn(col, self._read_only)
        self._mask_delegate = MaskDelegate(self)
        self.layer_tree.setItemDelegateForColumn(COL_MASK, self._mask_delegate)
        self.layer_tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.layer_tree.itemChanged.connect(self._item_changed)
        self.layer_tree.orderChanged.connect(self.validate)
        self.layer_tree.setMinimumHeight(5 * self.fontMetrics().lineSpacing() + 24)  # a header and 4 rows
        accessible(self.layer_tree, tr("Input layers in date order"),
                   tr("Check the dates to compare, oldest first. Alt+Up and Alt+Down move the selected rows, "
                      "F2 edits a date, Shift+F2 chooses a date's cloud mask."))
        layout.addWidget(self.layer_tree, 1)

        buttons = QHBoxLayout()
        self.sort_button = QPushButton(tr("Sort by date"))
        self.sort_button.clicked.connect(self.sort_by_date)
        self.sort_button.setToolTip(tr("Order the rows by date, oldest first (the top row is image 1). Layers "
                                       "without a date go below the dated ones: in the natural order of their "
                                       "names ('day 2' before 'day 10') when no checked layer has a date and "
                                       "every checked name has a number, else in the order they were added "
                                       "(the bottom of the Layers panel first)"))
        self.up_button = QPushButton(tr("Move up"))
        self.up_button.setToolTip(tr("Move the selected rows up (Alt+Up in the list)"))
        self.up_button.clicked.connect(lambda: self._shift(-1))
        self.down_button = QPushButton(tr("Move down"))
        self.down_button.setToolTip(tr("Move the selected rows down (Alt+Down in the list)"))
        self.down_button.clicked.connect(lambda: self._shift(1))
        self.all_button = QPushButton(tr("Check all"))
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = QPushButton(tr("Check none"))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.split_button = QPushButton(tr("Split into dates…"))
        self.split_button.setToolTip(tr("The checked layer holds every date as bands (e.g. an Earth Engine "
                                        "export)? Split it into one layer per date (caim:splitdates)"))
        self.split_button.clicked.connect(self.split_checked_layer)
        self.split_button.setVisible(False)  # shown while one multi-band layer is checked (validate)
        self.stack_button = QPushButton(tr("Stack band files into dates"))
        self.stack_button.setToolTip(tr("The checked layers are the band files of several dates (one file per "
                                        "band)? Stack each date's bands into one layer, with its cloud mask "
                                        "(caim:stackbands)"))
        self.stack_button.clicked.connect(self.stack_checked_band_files)
        self.stack_button.setVisible(False)  # shown while band files of one date are checked (validate)
        for b in (self.sort_button, self.up_button, self.down_button, self.all_button, self.none_button,
                  self.split_button, self.stack_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        settings_box = QWidget()
        form = QFormLayout(settings_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("model")
        for name, title in model_titles().items():
            self.model_combo.addItem(title, name)
        form.addRow(tr("Model"), self.model_combo)
        self.bands_edit = QLineEdit()
        self.bands_edit.setObjectName("bands")
        self.bands_edit.textChanged.connect(self.validate)
        self.bands_label = QLabel()
        self.bands_label.setBuddy(self.bands_edit)
        form.addRow(self.bands_label, self.bands_edit)
        self.weights_widget = QgsFileWidget()
        self.weights_widget.setObjectName("weights")
        self.weights_widget.setFilter(tr("Weights (*.pt);;All files (*)"))
        bundled = mdl.bundled_weights_dir()
        if bundled:
            # "..." opens where the bundled files are (the default ones and the alternatives that the
            # model card describes, e.g. caimnet_rgbn_landcover.pt)
            self.weights_widget.setDefaultRoot(bundled)
        self.weights_widget.lineEdit().textChanged.connect(self.validate)
        self.weights_label = QLabel(tr("Weights"))
        self.weights_label.setBuddy(self.weights_widget.lineEdit())
        name_file_widget(self.weights_widget, tr("Weights file"), tr("Choose a weights file"))
        self.weights_info_button = QPushButton(tr("About…"))
        self.weights_info_button.setObjectName("weights_info")
        accessible(self.weights_info_button, tr("About the weights file"))
        self.weights_info_button.setToolTip(
            tr("What the weights file that will run is (the bundled one when the field is empty) and what "
            "it was trained on: command, start file, the imagery with each source's licence."))
        self.weights_info_button.clicked.connect(self.show_weights_info)
        weights_row = QHBoxLayout()
        weights_row.addWidget(self.weights_widget, 1)
        weights_row.addWidget(self.weights_info_button)
        form.addRow(self.weights_label, weights_row)
        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.sensitivity_spin = QDoubleSpinBox()
        self.sensitivity_spin.setObjectName("sensitivity")
        self.sensitivity_spin.setRange(-3.0, 3.0)
        self.sensitivity_spin.setSingleStep(0.25)
        self.sensitivity_spin.setDecimals(2)
        self.sensitivity_spin.setLocale(number_locale())  # "0,00" beside the status's "1,44 ha" where QLocale is C
        self.sensitivity_spin.setValue(0.0)
        self.sensitivity_spin.setToolTip(
            tr("0: the calibrated decision. Positive values call more pixels changed (fewer missed changes, "
            "more false alarms), negative values fewer. Raise it in steps of 0.25 when clear changes "
            "are missed. Not remembered between sessions."))
        accessible(self.sensitivity_spin, tr("Sensitivity"))
        sensitivity = QHBoxLayout()
        sensitivity.addWidget(self.sensitivity_spin)
        sensitivity.addWidget(QLabel(tr("0 = calibrated; + finds more change, - less")))
        sensitivity.addStretch(1)
        form.addRow(tr("Sensitivity"), sensitivity)
        self.threshold_combo = QComboBox()
        self.threshold_combo.setObjectName("threshold")
        self.threshold_combo.addItem(tr("Otsu (default)"), "otsu")
        self.threshold_combo.addItem(tr("Minimum error (Kittler-Illingworth)"), "kittler")
        self.threshold_label = QLabel(tr("Threshold"))
        self.threshold_label.setBuddy(self.threshold_combo)
        accessible(self.threshold_combo, tr("Threshold method"),
                   tr("For the CVA and ISFA methods, and for Automatic where it runs Classical ISFA"))
        # (enabled by _threshold_follows when the model that will run is classical: Automatic too, for 2 dates
        # without a Weights file and on layers the networks cannot read; the note said "CVA and ISFA only")
        self.threshold_note = QLabel(tr("CVA, ISFA; Automatic where it runs ISFA"))
        threshold = QHBoxLayout()
        threshold.addWidget(self.threshold_combo)
        threshold.addWidget(self.threshold_note)
        threshold.addStretch(1)
        form.addRow(self.threshold_label, threshold)
        self.min_patch_spin = QSpinBox()
        self.min_patch_spin.setObjectName("minPatch")
        self.min_patch_spin.setRange(0, 1000000)
        self.min_patch_spin.setSuffix(tr(" px"))
        self.min_patch_spin.setSpecialValueText(tr("off"))
        self.min_patch_spin.setValue(0)
        self.min_patch_spin.setToolTip(
            tr("Minimum mapping unit: changed patches (8-connected changed pixels, whatever their moments) "
            "smaller than this are written as unchanged, e.g. 4 drops patches of 1 to 3 pixels. "
            "Unchanged holes inside changes are kept. Off (0) keeps every changed pixel."))
        self.min_patch_spin.valueChanged.connect(self._patch_note)
        self.min_patch_note = QLabel()
        accessible(self.min_patch_spin, tr("Minimum change patch"))
        min_patch = QHBoxLayout()
        min_patch.addWidget(self.min_patch_spin)
        min_patch.addWidget(self.min_patch_note)
        min_patch.addStretch(1)
        form.addRow(tr("Minimum change patch"), min_patch)
        self.fill_gaps_check = QCheckBox(tr("Fill masked dates from neighbouring clear dates (cloudy series)"))
        self.fill_gaps_check.setObjectName("fillGaps")
        self.fill_gaps_check.setToolTip(
            tr("Off: a pixel that is nodata or masked in any date (clouds set to nodata) is nodata in every "
            "output. On: every pixel valid in at least two dates gets a result; a masked date takes the "
            "pixel's values of the previous clear date, or of the next where no earlier date is clear, so a "
            "change hidden by clouds is dated to the interval that ends at the first clear date after it."))
        self.coregister_check = QCheckBox(tr("Co-register the dates (move dates offset by whole pixels onto the first date)"))
        self.coregister_check.setObjectName("coregister")
        self.coregister_check.setChecked(COREGISTER_DEFAULT)
        self.coregister_check.setToolTip(
            tr("For dates whose georeferencing differs by a pixel or more (other sensors or processing levels), which "
               "makes false change along every edge. On: before the run, each date is compared with the first date "
               "and moved by the whole-pixel offset that best matches their edges (up to 4 px each way), only when "
               "the match is clear. Values are not resampled; the strip along the edge that a moved date no longer "
               "covers is nodata. It corrects no rotation, scale or terrain distortion, and leaves a date offset by "
               "5 px or more as it is, with a warning. The run's log (Alignment line) says which dates were moved."))
        self.mask_clear_edit = QLineEdit("0")
        self.mask_clear_edit.setObjectName("maskClear")
        self.mask_clear_edit.setPlaceholderText("0")
        self.mask_clear_edit.setToolTip(
            tr("Mask values that mean clear sky: comma-separated whole numbers, ranges and bit tests (bitN set, "
            "!bitN unset, joined by &); every other value masks the pixel on that date. 0: CBERS CMASK and "
            "0/1 masks; bit6&!bit2&!bit4: Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow); "
            "4-7,11: Sentinel-2 SCL; !bit1&!bit2&!bit3: HLS v2.0 Fmask; 0,1: classic Fmask. The list beside it fills "
            "these in."))
        self.mask_clear_edit.textChanged.connect(self.validate)
        self.mask_clear_edit.textEdited.connect(self._clear_values_typed)
        self.match_masks_button = QPushButton(tr("Match masks by date"))
        self.match_masks_button.setObjectName("matchMasks")
        self.match_masks_button.setToolTip(
            tr("For each checked date without a mask, pick a one-band layer of the same date whose name says "
            "mask, QA, SCL, Fmask or cloud, and uncheck that layer as an input. Double-click a row's Cloud "
            "mask cell to choose one yourself."))
        self.match_masks_button.clicked.connect(self.match_masks)
        self.mask_preset_combo = QComboBox()
        self.mask_preset_combo.setObjectName("maskPreset")
        self.mask_preset_combo.setToolTip(tr("Clear values of common cloud-mask products; choosing one fills in the "
                                          "clear values."))
        self.mask_preset_combo.addItem(tr("product…"), "")
        for name, values in mask_presets().items():
            self.mask_preset_combo.addItem(name, values)
        self.mask_preset_combo.activated.connect(self._mask_preset_chosen)
        self.mask_preset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mask_preset_combo.setMinimumContentsLength(14)  # the list opens wide; the closed box stays small
        self.mask_clear_edit.setMinimumWidth(200)  # the Landsat 4-7 preset is 34 characters
        accessible(self.mask_clear_edit, tr("Cloud-mask values meaning clear"))
        accessible(self.mask_preset_combo, tr("Cloud-mask product"))
        masks = QHBoxLayout()
        clear_label = QLabel(tr("clear values"))
        clear_label.setBuddy(self.mask_clear_edit)
        masks.addWidget(clear_label)
        masks.addWidget(self.mask_clear_edit)
        masks.addWidget(self.mask_preset_combo)
        masks.addWidget(self.match_masks_button)
        masks.addStretch(1)
        form.addRow(tr("Cloud masks"), masks)
        form.addRow("", self.fill_gaps_check)
        form.addRow("", self.coregister_check)
        self.device_combo = QComboBox()
        self.device_combo.addItems(DEVICES)
        form.addRow(tr("Device"), self.device_combo)
        self.tile_spin = QSpinBox()
        self.tile_spin.setObjectName("tileSize")
        self.tile_spin.setRange(0, 8192)
        self.tile_spin.setSingleStep(64)
        self.tile_spin.setSpecialValueText(tr("automatic"))
        self.tile_spin.setValue(0)
        self.tile_spin.setSuffix(tr(" px"))
        self.tile_spin.setToolTip(tr("Tile size in pixels. Automatic (0): chosen from the number of dates so the "
                                  "run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very "
                                  "wide scene. Any raster size fits either way."))
        self.overlap_spin = QSpinBox()
        self.overlap_spin.setRange(-1, 1024)
        self.overlap_spin.setValue(-1)
        self.overlap_spin.setSpecialValueText(tr("automatic"))
        self.overlap_spin.setSuffix(tr(" px"))
        accessible(self.tile_spin, tr("Tile size"))
        accessible(self.overlap_spin, tr("Tile overlap"))
        tiles = QHBoxLayout()
        for text, spin in ((tr("tile"), self.tile_spin), (tr("overlap"), self.overlap_spin)):
            label = QLabel(text)
            label.setBuddy(spin)
            tiles.addWidget(label)
            tiles.addWidget(spin)
        tiles.addStretch(1)
        form.addRow(tr("Tiling"), tiles)
        self.folder_widget = QgsFileWidget()
        self.folder_widget.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder_widget.setFilePath(self.default_output_folder())
        name_file_widget(self.folder_widget, tr("Output folder"), tr("Choose the output folder"))
        form.addRow(tr("Output folder"), self.folder_widget)
        self.polygons_check = QCheckBox(tr("Also write change polygons (GeoPackage with moment and dates)"))
        self.probabilities_check = QCheckBox(tr("Write per-interval probabilities (used by the inspect tool)"))
        self.probabilities_check.setChecked(True)
        # their data type (Processing's PROBABILITIES_TYPE): float32 as always, or scaled integers in less space
        self.probabilities_type_combo = QComboBox()
        self.probabilities_type_combo.setObjectName("probabilitiesType")
        self.probabilities_type_combo.addItem(tr("float32 (default)"), "float32")
        self.probabilities_type_combo.addItem(tr("uint16, ~1/2 size"), "uint16")
        self.probabilities_type_combo.addItem(tr("byte, ~1/4 size"), "byte")
        about = tr("float32 (the default): the probabilities as they are. uint16 or byte: stored as round(p x 65534) "
                   "or round(p x 254) with the bands' scale, which QGIS applies: within half a step (1/131068 or "
                   "1/508), in about a half or a quarter of the space.")
        self.probabilities_type_combo.setToolTip(about)
        accessible(self.probabilities_type_combo, tr("Data type of the probabilities"), about)
        self.probabilities_type_label = QLabel(tr("stored as"))
        self.probabilities_type_label.setBuddy(self.probabilities_type_combo)
        self.probabilities_check.toggled.connect(self.probabilities_type_combo.setEnabled)
        self.probabilities_check.toggled.connect(self.probabilities_type_label.setEnabled)
        # on a row of its own below the check box (beside it, the German text made the dialog 15 % wider)
        probabilities = QHBoxLayout()
        probabilities.setContentsMargins(20, 0, 0, 0)  # (under the check box's text)
        probabilities.addWidget(self.probabilities_type_label)
        probabilities.addWidget(self.probabilities_type_combo)
        probabilities.addStretch(1)
        form.addRow("", self.polygons_check)
        form.addRow("", self.probabilities_check)
        form.addRow("", probabilities)
        # the settings scroll when the dialog is short (a 768 px laptop screen): Run and Close stay on screen
        self.settings_area = PanelScroll(settings_box, min_lines=5, max_lines=None)
        layout.addWidget(self.settings_area, 0)

        self.messages = QLabel()
        self.messages.setObjectName("messages")
        self.messages.setWordWrap(True)
        self.messages.setTextFormat(Qt.TextFormat.RichText)
        self.messages.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # a long list of problems wraps and scrolls in a bounded area: it neither widens the dialog past
        # the screen nor squashes the form above it
        self.messages.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.messages_area = MessageArea(self.messages)
        layout.addWidget(self.messages_area)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        accessible(self.progress, tr("Run progress"))
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # messages name files and bands: never rendered as HTML
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # a long error wraps
        # the outcome of a run can be read and selected from the keyboard (a Tab stop once there is one)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.status.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        accessible(self.status, tr("Run status"))
        layout.addWidget(self.progress)
        # as tall as its text up to six lines, then it scrolls: a plain label was given one line, and an engine
        # refusal of two lines or more showed its first line only, cut mid-sentence, what to do out of sight
        self.status_area = MessageArea(self.status, min_lines=2, max_lines=6)
        layout.addWidget(self.status_area)
        self.report_link = QLabel()
        self.report_link.setObjectName("reportLink")
        self.report_link.setTextFormat(Qt.TextFormat.RichText)
        self.report_link.setOpenExternalLinks(True)
        self.report_link.hide()
        layout.addWidget(self.report_link)

        self.button_box = QDialogButtonBox()
        self.run_button = self.button_box.addButton(tr("Run"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.button_box.addButton(tr("Cancel run"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = self.button_box.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setEnabled(False)
        # not connect(self.run): clicked(bool) would pass its False as ``ask`` and a folder holding outputs
        # was refused without the question whether to overwrite them
        self.run_button.clicked.connect(lambda _checked=False: self.run())
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)  # as Esc: hidden, with the note of a run going on
        layout.addWidget(self.button_box)
        self._model_changed()

    def model_choice(self):
        """The model list's value: "auto" or a method's registry name (``models.MODELS``)."""
        return self.model_combo.currentData() or AUTO

    def _model_changed(self, *args):
        """The classical methods (CVA, ISFA) take no weights and any bands: say so next to the fields."""
        classical = not mdl.needs_weights(self.model_choice())
        self.weights_widget.setEnabled(not classical)
        self.weights_label.setEnabled(not classical)
        self.weights_info_button.setEnabled(not classical)
        if classical:
            tip = tr("The %s method needs no weights: this file is not used.") % mdl.name(self.model_choice())
            self.weights_widget.lineEdit().setPlaceholderText(tr("not used: the classical method needs no weights"))
            self.bands_label.setText(tr("Bands (any)"))
            self.bands_edit.setPlaceholderText(tr("empty: every band; e.g. 1,2,3,4,5,7 (the same bands for every date)"))
        else:
            tip = tr("Weights file (.pt) for the chosen network; empty: the bundled weights.")
            self.weights_widget.lineEdit().setPlaceholderText(tr("empty: bundled weights"))
            self.bands_label.setText(tr("Bands (R, G, B, NIR)"))
            self.bands_edit.setPlaceholderText(tr("empty: from band wavelengths/names, else bands 1-4; e.g. 3,2,1,4"))
        for widget in (self.weights_widget, self.weights_widget.lineEdit(), self.weights_label):
            widget.setToolTip(tip)
        self.validate()  # (and the Threshold control, after the model that will run: _threshold_follows)

    def _threshold_follows(self, choice, runs):
        """Enable the Threshold control when the model that will run (``runs``: ``choice`` resolved, "auto" on
        imagery the networks cannot read being its classical method) is a classical one, and say which in its
        tooltip (with "auto" the control was kept disabled where Classical ISFA ran, so its minimum-error
        threshold needed ISFA picked by hand)."""
        if getattr(self, "threshold_combo", None) is None:  # built after the model list
            return
        classical = not mdl.needs_weights(runs)
        # (for two dates without a Weights file the engine's own choice is classical, rule Y3: not a fallback)
        pair = choice == AUTO and self._date_count() == 2 and mdl.pair_default_uses_no_weights()
        if not classical:
            tip = tr("Only the classical methods (CVA, ISFA) have a threshold to choose; the networks and "
                     "fusions use their calibrated decision (see Sensitivity).")
            if pair:
                tip += " " + tr("Automatic runs %s on these layers, with the Weights file; it runs %s, and this "
                                "control is enabled, when the Weights field is empty.") % (
                                    mdl.name(runs), mdl.name(mdl.resolve(AUTO, 2)))
            elif choice == AUTO:
                tip += " " + tr("Automatic runs %s on these layers; it runs Classical ISFA, and this control is "
                                "enabled, on layers whose bands the networks cannot read.") % mdl.name(runs)
        else:
            tip = tr("Where the classical method cuts its change magnitude. Otsu's threshold (default); the "
                     "minimum-error threshold finds more of the change where changes are a small share of the "
                     "scene; on our real checks it also called a few more stable points changed (model card, candidate KT).")
            if pair and not self.weights_path():
                tip += " " + tr("It applies to %s, which Automatic runs for 2 dates without a Weights file.") % (
                    mdl.name(runs))
            elif choice == AUTO:
                tip += " " + tr("It applies to %s, which Automatic runs on these layers (the networks cannot read "
                                "their bands).") % mdl.name(runs)
        for widget in (self.threshold_combo, self.threshold_label, self.threshold_note):
            widget.setEnabled(classical)
            widget.setToolTip(tip)

    def _auto_runs(self, weights=None):
        """What "Automatic" runs on the checked layers: the engine's choice (inputs.auto_choice: its default for the
        number of dates and the Weights file, or ``weights`` in its place, or its classical method on layers whose
        bands the networks cannot read)."""
        n = self._date_count()
        weights = weights or self.weights_path()
        if self._to_split():  # (a multi-date raster: its dates' bands are known once split)
            return mdl.resolve(AUTO, n, weights)
        return inp.auto_choice([layer for layer, _ in self.checked()], self._bands_or_none(), weights)

    def _with_a_file(self, runs):
        """What "Automatic" would run with a Weights file when, without one, it runs the classical ``runs`` for two
        dates (the engine's two-date default uses no weights; with a file, a method that uses it); None when a file
        would change nothing (a network runs already, or the networks cannot read these layers' bands)."""
        if mdl.needs_weights(runs) or self.weights_path() or not mdl.pair_default_uses_no_weights():
            return None
        other = self._auto_runs(weights="(a file)")  # (the choice asks only whether one is given)
        return other if mdl.needs_weights(other) else None

    def _weights_follow(self, choice, runs):
        """With "Automatic", the Weights field says whether the model that will run (``runs``) uses it: not when
        it runs Classical ISFA on layers whose bands the networks cannot read; for two dates, that a file makes it
        run a method that uses the file."""
        if choice != AUTO or getattr(self, "weights_widget", None) is None:
            return
        classical = not mdl.needs_weights(runs)
        with_file = self._with_a_file(runs) if classical else None
        if with_file:
            self.weights_widget.lineEdit().setPlaceholderText(
                tr("empty: %s; with a file, %s") % (mdl.name(runs), mdl.name(with_file)))
            tip = tr("Automatic runs %s for 2 dates, which uses no weights file; with a Weights file it runs %s with "
                     "that file.") % (mdl.name(runs), mdl.name(with_file))
            for widget in (self.weights_widget, self.weights_widget.lineEdit(), self.weights_label):
                widget.setToolTip(tip)
            return
        self.weights_widget.lineEdit().setPlaceholderText(
            tr("not used: Automatic runs %s on these layers") % mdl.name(runs) if classical
            else tr("empty: bundled weights"))
        plain = mdl.resolve(AUTO, 2)  # (two dates, a file given: emptied, the field makes Automatic run without one)
        if not classical and self._date_count() == 2 and mdl.pair_default_uses_no_weights() and self.weights_path():
            tip = tr("Automatic runs %s with this file for 2 dates; with the field empty it runs %s, which uses no "
                     "weights file.") % (mdl.name(runs), mdl.name(plain))
        else:
            tip = (tr("Automatic runs %s on the checked layers, as the networks cannot read their bands: this file is "
                      "not used.") % mdl.name(runs) if classical else
                   tr("Weights file (.pt) for the chosen network; empty: the bundled weights."))
        for widget in (self.weights_widget, self.weights_widget.lineEdit(), self.weights_label):
            widget.setToolTip(tip)

    def weights_info(self):
        """(ok, text): what ``python -m model_core weights`` says about the file the chosen network would
        load (the Weights field, else the bundled file), in QGIS's language (the engine's, set by the dialog: its
        labels, sentences and a bundled file's description); ok False with the reason when it cannot say, or when
        "Automatic" runs a classical method on the checked layers (it described the network's file)."""
        if not mdl.needs_weights(self.model_choice()):
            return False, tr("The %s method uses no weights file.") % mdl.name(self.model_choice())
        runs = self._auto_runs() if self.model_choice() == AUTO else None
        with_file = self._with_a_file(runs) if runs and not mdl.needs_weights(runs) else None
        if with_file:
            return False, tr("Automatic runs %s for 2 dates, which uses no weights file; with a Weights file it runs %s "
                             "with that file.") % (mdl.name(runs), mdl.name(with_file))
        if runs and not mdl.needs_weights(runs):
            return False, tr("Automatic runs %s on the checked layers, as the networks cannot read their bands: it "
                             "uses no weights file (a file given under Weights is not used).") % mdl.name(runs)
        path = self.weights_path()
        try:
            from model_core.errors import CaimError
            from model_core.provenance import shown_text
            from model_core.weights import default_weights
        except ImportError as exc:
            return False, tr("The CAIM engine (model_core) could not be loaded: %s") % exc
        if path is None:
            path = default_weights(mdl.resolve(self.model_choice(), max(2, self._date_count())))
            if path is None:
                return False, tr("No bundled weights file was found for this model; choose a .pt file.")
        try:
            return True, shown_text(path)
        except CaimError as exc:
            return False, str(exc)

    def show_weights_info(self):
        ok, info = self.weights_info()
        if not ok:
            QMessageBox.warning(self, tr("CAIM — weights file"), literal(info))
            return
        from qgis.PyQt.QtGui import QFont, QFontDatabase, QFontInfo
        from qgis.PyQt.QtWidgets import QPlainTextEdit

        box = QDialog(self)
        box.setWindowTitle(tr("CAIM — weights file and its training data"))
        text = QPlainTextEdit(info)
        text.setObjectName("weights_info_text")
        text.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if not QFontInfo(font).fixedPitch():  # some platforms (offscreen) answer a proportional font
            font = QFont("Monospace")
            font.setStyleHint(QFont.StyleHint.TypeWriter)
        text.setFont(font)
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel(tr("What this weights file is and what it was trained on (from the record in "
                                "the file; the model card has its accuracy on real labels):")))
        layout.addWidget(text)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(box.reject)
        layout.addWidget(close)
        box.resize(1000, 480)
        self._weights_info_box = box  # kept for tests and screenshots
        box.exec()

    def _bands_or_none(self):
        """The Bands field's band numbers, or None when it is empty or unreadable (validate() says why)."""
        try:
            return inp.parse_bands(self.bands_edit.text())
        except ValueError:
            return None

    def weights_path(self):
        """The weights file that will be used (None for the classical method or when empty)."""
        if not mdl.needs_weights(self.model_choice()):
            return None
        return self.weights_widget.filePath().strip() or None

    # Keys with a suffix: the defaults changed to "auto" and automatic tiling (earlier versions saved
    # "caimnet" and 512 on every run, which would otherwise hide the new defaults).
    SETTINGS = "caim_qgis_plugin/dialog/"
    MODEL_KEY = "model_choice"
    TILE_KEY = "tile_size"

    def restore_settings(self):
        settings = QgsSettings()
        model = settings.value(self.SETTINGS + self.MODEL_KEY, AUTO)
        index = self.model_combo.findData(model)
        self.model_combo.setCurrentIndex(index if index >= 0 else self.model_combo.findData(AUTO))
        device = settings.value(self.SETTINGS + "device", "Auto")
        if device in DEVICES:
            self.device_combo.setCurrentText(device)
        try:
            tile = int(settings.value(self.SETTINGS + self.TILE_KEY, 0))
        except (TypeError, ValueError):
            tile = 0
        self.tile_spin.setValue(tile)
        self.overlap_spin.setValue(int(settings.value(self.SETTINGS + "overlap", -1)))
        self.weights_widget.setFilePath(settings.value(self.SETTINGS + "weights", "") or "")
        self.polygons_check.setChecked(settings.value(self.SETTINGS + "polygons", False, type=bool))
        self.probabilities_check.setChecked(settings.value(self.SETTINGS + "probabilities", True, type=bool))
        kept = self.probabilities_type_combo.findData(settings.value(self.SETTINGS + "probabilities_type", "float32"))
        self.probabilities_type_combo.setCurrentIndex(max(kept, 0))
        self.probabilities_type_combo.setEnabled(self.probabilities_check.isChecked())
        self.probabilities_type_label.setEnabled(self.probabilities_check.isChecked())

    def save_settings(self):
        settings = QgsSettings()
        settings.setValue(self.SETTINGS + self.MODEL_KEY, self.model_choice())
        settings.setValue(self.SETTINGS + "device", self.device_combo.currentText())
        settings.setValue(self.SETTINGS + self.TILE_KEY, self.tile_spin.value())
        settings.setValue(self.SETTINGS + "overlap", self.overlap_spin.value())
        settings.setValue(self.SETTINGS + "weights", self.weights_widget.filePath())
        settings.setValue(self.SETTINGS + "polygons", self.polygons_check.isChecked())
        settings.setValue(self.SETTINGS + "probabilities", self.probabilities_check.isChecked())
        settings.setValue(self.SETTINGS + "probabilities_type", self.probabilities_type_combo.currentData())

    PARENT_KEY = "output_parent"

    def default_output_folder(self):
        """A new run-<timestamp> folder beside the last run's output folder (the folder the user chose for it:
        /x/y/landsat_auto gives /x/y/run-...), else in 'CAIM results' of the project's (or the user's) home;
        never a folder that exists."""
        parent = QgsSettings().value(self.SETTINGS + self.PARENT_KEY, "") or ""
        if not parent or not os.path.isdir(parent):
            parent = os.path.join(QgsProject.instance().homePath() or QDir.homePath(), "CAIM results")
        folder = os.path.join(parent, time.strftime("run-%Y%m%d-%H%M%S"))
        candidate, n = folder, 1
        while os.path.exists(candidate):
            n += 1
            candidate = "%s-%d" % (folder, n)
        return candidate

    def remember_output_parent(self, folder):
        """The next suggestions go beside ``folder`` (a run's output folder), in this and later sessions."""
        parent = os.path.dirname(os.path.abspath(os.path.expanduser(folder)))
        QgsSettings().setValue(self.SETTINGS + self.PARENT_KEY, parent)

    # -- the layer list ---------------------------------------------------------------------------
    def _items(self):
        return [self.layer_tree.topLevelItem(i) for i in range(self.layer_tree.topLevelItemCount())]

    def refresh_layers(self):
        """Sync the list with the project's raster layers, keeping order, checks and edited dates."""
        project = QgsProject.instance()
        # every raster except the outputs of earlier runs
        rasters = [layer for layer in project.mapLayers().values()
                   if layer.type() == QgsMapLayerType.RasterLayer and not lyr.kind_of(layer)]
        known = {item.data(COL_LAYER, LAYER_ROLE): item for item in self._items()}
        wanted = {layer.id() for layer in rasters}
        self.layer_tree.blockSignals(True)
        for layer_id, item in known.items():
            if layer_id not in wanted:
                self.layer_tree.takeTopLevelItem(self.layer_tree.indexOfTopLevelItem(item))
        for item in self._items():
            if item.data(COL_MASK, LAYER_ROLE) and item.data(COL_MASK, LAYER_ROLE) not in wanted:
                item.setData(COL_MASK, LAYER_ROLE, "")
                item.setText(COL_MASK, NO_MASK)
        # keep the layer tree's order for new layers (top of the legend first)
        order = [node.layerId() for node in project.layerTreeRoot().findLayers()]
        rasters.sort(key=lambda lyr_: order.index(lyr_.id()) if lyr_.id() in order else len(order))
        added = False
        for layer in rasters:
            if layer.id() in known:
                item = known[layer.id()]
                item.setText(COL_LAYER, layer.name())
                continue
            # a raster that holds several dates has none of its own (ndvi_2020.tif's year is not its dates')
            date, source = (None, None) if inp.holds_dates(layer) else inp.date_for_layer(layer)
            crs = layer.crs()
            item = QTreeWidgetItem([layer.name(), date or "", str(layer.bandCount()),
                                    crs.authid() or (tr("custom") if crs.isValid() else tr("none")), NO_MASK])
            item.setToolTip(COL_CRS, literal(crs.authid() or crs.toProj()) if crs.isValid() else tr("no CRS"))
            item.setToolTip(COL_MASK, tr("double-click to choose this date's cloud mask (a one-band raster layer; "
                                     "optional, per date)"))
            item.setData(COL_LAYER, LAYER_ROLE, layer.id())
            item.setToolTip(COL_LAYER, literal(inp.layer_source(layer)))
            item.setToolTip(COL_DATE, tr("date from the %s; double-click to edit") % source if source
                            else tr("no date found; double-click to type one (YYYY-MM-DD)"))
            held = [] if date else self._held_dates_of(layer)
            if held:  # sorted by its first date; its dates are listed in the messages below
                item.setToolTip(COL_DATE, tr("holds dates from %s to %s: Run splits it into one layer per date")
                                % (held[0], held[-1]))
            item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(COL_LAYER, Qt.CheckState.Checked)
            self.layer_tree.addTopLevelItem(item)
            added = True
        self.layer_tree.blockSignals(False)
        if added or not self._filled:
            self.sort_by_date()
        self._filled = True
        self.validate()

    def _layers_changed(self, *args):
        # (not while a stack's end adds its layers: it refreshes the list once, when they are all in)
        if self.isVisible() and self.task is None and not self._adding_layers:
            QTimer.singleShot(0, self.refresh_layers)

    def _item_changed(self, item, column):
        if column == COL_MASK:
            self._uncheck_mask_rows()
        if column == COL_DATE:
            text = item.text(COL_DATE).strip()
            parsed = inp.typed_date(text) if text else None
            self.layer_tree.blockSignals(True)
            if text and parsed and parsed != text and len(text) >= 4:
                item.setText(COL_DATE, parsed)
            item.setForeground(COL_DATE, QBrush(QColor(tone("error"))) if text and not parsed else QBrush())
            self.layer_tree.blockSignals(False)
        self.validate()

    def sort_by_date(self):
        """Order by parsed date (stable); a layer that holds several dates (:meth:`_held_dates_of`) by its first.
        Layers without a date go below the dated ones, in :meth:`_undated_order`."""
        items = self._items()
        project = QgsProject.instance()
        dates = [item.text(COL_DATE) or next(iter(self._held_dates_of(project.mapLayer(item.data(
            COL_LAYER, LAYER_ROLE)))), "") for item in items]
        undated = self._undated_order(items, dates)
        # (band files stacked into dates go below all dates: listed as they are, unchecked, not mixed with them)
        keyed = sorted(enumerate(items), key=lambda p: (bool(p[1].data(COL_LAYER, STACKED_ROLE)), not dates[p[0]],
                                                        dates[p[0]], undated(p[0], p[1]), p[0]))
        self.layer_tree.blockSignals(True)
        # all taken at once, then put back in order (an item taken at a time: 0.1 s for the CBERS cube's 98 rows)
        self.layer_tree.invisibleRootItem().takeChildren()
        self.layer_tree.addTopLevelItems([item for _, item in keyed])
        self.layer_tree.blockSignals(False)
        self.validate()

    @staticmethod
    def _undated_order(items, dates):
        """The sort key of the rows without a date ('image 1' is the top row): when no checked row has a date
        and every checked name carries a number, the natural order of the names ('day 2' before 'day 10',
        DynamicEarthNet's ``..._planet_9`` before ``..._planet_10``); else the order the layers were added,
        the bottom of the Layers panel first (the panel, and the list before, put the newest on top)."""
        rows = [(i, item) for i, item in enumerate(items) if not item.data(COL_LAYER, STACKED_ROLE)]
        checked = [(i, item) for i, item in rows if item.checkState(COL_LAYER) == Qt.CheckState.Checked] or rows
        if checked and not any(dates[i] for i, _ in checked) \
                and all(re.search(r"\d", item.text(COL_LAYER)) for _, item in checked):
            return lambda i, item: () if dates[i] or item.data(COL_LAYER, STACKED_ROLE) \
                else natural_key(item.text(COL_LAYER))
        order = [node.layerId() for node in QgsProject.instance().layerTreeRoot().findLayers()]
        place = {layer_id: len(order) - k for k, layer_id in enumerate(order)}
        return lambda i, item: () if dates[i] or item.data(COL_LAYER, STACKED_ROLE) \
            else (place.get(item.data(COL_LAYER, LAYER_ROLE), len(order) + 1),)

    @staticmethod
    def _held_dates_of(layer):
        """The known dates of ``layer`` when it holds several dates by its own metadata (an Earth Engine export,
        a NetCDF variable over time), else []: its Date cell stays empty (Run splits it)."""
        if layer is None or not inp.holds_dates(layer):
            return []
        return [d for d in inp.held_dates((layer,))[0] or () if d]

    def _shift(self, step):
        self.layer_tree.shift(step)

    # -- cloud masks ------------------------------------------------------------------------------
    def _clear_values_typed(self, text):
        """Typed clear values that are not the chosen product's: the list says 'product…' again."""
        if self.mask_preset_combo.currentData() and text.strip() != self.mask_preset_combo.currentData():
            self.mask_preset_combo.setCurrentIndex(0)

    def _mask_preset_chosen(self, index):
        values = self.mask_preset_combo.itemData(index)
        if values:
            self.mask_clear_edit.setText(values)

    def mask_candidates(self):
        """The project's one-band raster layers (outputs of earlier runs excluded), legend order."""
        project = QgsProject.instance()
        order = [node.layerId() for node in project.layerTreeRoot().findLayers()]
        layers = [layer for layer in project.mapLayers().values()
                  if layer.type() == QgsMapLayerType.RasterLayer and layer.bandCount() == 1
                  and not lyr.kind_of(layer)]
        return sorted(layers, key=lambda x: order.index(x.id()) if x.id() in order else len(order))

    def set_mask(self, item, layer):
        """Use ``layer`` (or None) as the cloud mask of ``item``'s date."""
        item.setData(COL_MASK, LAYER_ROLE, layer.id() if layer is not None else "")
        item.setText(COL_MASK, layer.name() if layer is not None else NO_MASK)

    def _uncheck_mask_rows(self):
        """A layer chosen as a mask is not an input date as well: its row is unchecked and greyed, and its
        tooltip says whose mask it is."""
        used = {item.data(COL_MASK, LAYER_ROLE): item.text(COL_LAYER) for item in self._items()
                if item.data(COL_MASK, LAYER_ROLE)}
        self.layer_tree.blockSignals(True)
        for item in self._items():
            layer_id = item.data(COL_LAYER, LAYER_ROLE)
            layer = QgsProject.instance().mapLayer(layer_id)
            source = inp.layer_source(layer) if layer is not None else ""
            if layer_id in used:
                item.setCheckState(COL_LAYER, Qt.CheckState.Unchecked)
                item.setForeground(COL_LAYER, QBrush(QColor("#808080")))
                item.setToolTip(COL_LAYER, literal(tr("cloud mask of '%s'\n%s") % (used[layer_id], source)))
                item.setData(COL_LAYER, MASK_OF_ROLE, True)
            elif item.data(COL_LAYER, MASK_OF_ROLE):
                item.setForeground(COL_LAYER, QBrush())
                item.setToolTip(COL_LAYER, literal(source))
                item.setData(COL_LAYER, MASK_OF_ROLE, None)
        self.layer_tree.blockSignals(False)

    def _mask_layers_by_date(self):
        """The project's layers that look like masks (:func:`looks_like_mask`), by their date: what Match masks by
        date gives (one of a date: that date's mask) and what the dialog's hint names."""
        by_date = {}
        for layer in self.mask_candidates():
            if looks_like_mask(layer):
                by_date.setdefault(inp.date_for_layer(layer)[0], []).append(layer)
        return by_date

    def match_masks(self):
        """Give each checked image date without a mask the one-band layer of the same date whose name looks
        like a mask (MASK_WORDS); a date with several such layers is left for the user to choose, and
        said.  Mask-like layers never receive a mask themselves, and those of an image's date are
        unchecked as inputs.  Returns how many images were given a mask."""
        by_date = self._mask_layers_by_date()
        mask_ids = {layer.id() for layers in by_date.values() for layer in layers}
        taken = {item.data(COL_MASK, LAYER_ROLE) for item in self._items()}
        matched, hidden, ambiguous, dates = 0, 0, [], set()
        for item in self._items():
            if item.data(COL_LAYER, LAYER_ROLE) in mask_ids:  # a mask is not an image to mask
                continue
            if item.checkState(COL_LAYER) != Qt.CheckState.Checked or item.data(COL_MASK, LAYER_ROLE):
                continue
            date = inp.typed_date(item.text(COL_DATE)) if item.text(COL_DATE).strip() else None
            if not date:
                continue
            dates.add(date)
            same = [layer for layer in by_date.get(date, []) if layer.id() not in taken]
            if len(same) == 1:
                self.layer_tree.blockSignals(True)
                self.set_mask(item, same[0])
                self.layer_tree.blockSignals(False)
                taken.add(same[0].id())
                matched += 1
                hidden += self._hide_in_legend(same[0])
            elif len(same) > 1:
                ambiguous.append("%s (%s)" % (date, ", ".join(sorted("'%s'" % layer.name() for layer in same))))
        # the mask-like layers of the images' dates are masks, not dates of the series
        self.layer_tree.blockSignals(True)
        for item in self._items():
            if item.data(COL_LAYER, LAYER_ROLE) in mask_ids and (
                    inp.date_for_layer(QgsProject.instance().mapLayer(item.data(COL_LAYER, LAYER_ROLE)))[0] in dates):
                item.setCheckState(COL_LAYER, Qt.CheckState.Unchecked)
        self.layer_tree.blockSignals(False)
        self._uncheck_mask_rows()
        # masks that record their clear values (caim:stackbands writes its product's: QA_PIXEL's bits, SCL's classes):
        # those, not the default 0, which for a QA_PIXEL hid every pixel of every date
        declared = {_declared_clear(m) for m in self.checked_masks() if m is not None}
        clear_note = ""
        if matched and len(declared) == 1 and None not in declared:
            values = declared.pop()
            if values != self.mask_clear_edit.text().strip():
                self.mask_clear_edit.setText(values)
                clear_note = " " + tr("Clear values %s, which the masks record (their product's).") % values
        elif matched and len(declared - {None}) > 1:  # masks of different products: one rule holds for all of them
            clear_note = " " + tr("The masks record different clear values (%s), and one set holds for every mask: "
                                  "empty the Cloud mask cells of the dates whose masks are of another kind, or give "
                                  "every date a mask of one kind.") % "; ".join(sorted(declared - {None}))
        self.validate()
        text = (tr("Matched %d cloud mask by date.") if matched == 1 else tr("Matched %d cloud masks by date.")) % matched
        text += clear_note
        if hidden:  # (a mask drawn over the imagery, and later over the result, looked like the result)
            text += " " + (tr("%d mask layer was hidden in the Layers panel; the run reads it all the same.")
                           if hidden == 1 else
                           tr("%d mask layers were hidden in the Layers panel; the run reads them all the same.")) % hidden
        if ambiguous:
            text += " " + (tr("Several mask layers for %s: choose one in that date's Cloud mask cell.")
                           if len(ambiguous) == 1 else
                           tr("Several mask layers for %s: choose one in those dates' Cloud mask cells.")) % "; ".join(ambiguous)
        self._set_status(text, error=bool(ambiguous))
        return matched

    @staticmethod
    def _hide_in_legend(layer):
        """Uncheck ``layer`` in the Layers panel (a date's cloud mask, as the stack group's masks are): 1 when it was
        shown, else 0."""
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
        if node is None or not node.itemVisibilityChecked():
            return 0
        node.setItemVisibilityChecked(False)
        return 1

    def checked_masks(self):
        """[mask layer or None] of the checked rows, in list order."""
        project = QgsProject.instance()
        out = []
        for item in self._items():
            if (item.checkState(COL_LAYER) == Qt.CheckState.Checked
                    and project.mapLayer(item.data(COL_LAYER, LAYER_ROLE))):
                mask_id = item.data(COL_MASK, LAYER_ROLE)
                out.append(project.mapLayer(mask_id) if mask_id else None)
        return out

    def _check_all(self, checked):
        """Check or uncheck every row; a layer in use as a date's cloud mask stays unchecked."""
        masks = {item.data(COL_MASK, LAYER_ROLE) for item in self._items()} - {None, ""}
        for item in self._items():
            keep_off = checked and item.data(COL_LAYER, LAYER_ROLE) in masks
            item.setCheckState(COL_LAYER,
                               Qt.CheckState.Checked if checked and not keep_off else Qt.CheckState.Unchecked)

    # -- the plan ---------------------------------------------------------------------------------
    def checked(self):
        """[(layer, date or None)] of the checked rows, in list order."""
        project = QgsProject.instance()
        out = []
        for item in self._items():
            if item.checkState(COL_LAYER) != Qt.CheckState.Checked:
                continue
            layer = project.mapLayer(item.data(COL_LAYER, LAYER_ROLE))
            if layer is not None:
                text = item.text(COL_DATE).strip()
                out.append((layer, inp.typed_date(text) if text else None))
        return out

    def problems(self):
        plan = self.checked()
        problems = []
        bad_dates = [(item.text(COL_LAYER), item.text(COL_DATE).strip()) for item in self._items()
                     if item.checkState(COL_LAYER) == Qt.CheckState.Checked and item.text(COL_DATE).strip()
                     and not inp.typed_date(item.text(COL_DATE))]
        if bad_dates:
            problems.append((inp.ERROR, tr("Unreadable date %s: %s.") % (
                ", ".join(tr("'%s' for '%s'") % (d, n) for n, d in bad_dates), inp.date_advice(bad_dates[0][1]))))
        try:
            bands = inp.parse_bands(self.bands_edit.text())
        except ValueError as exc:
            problems.append((inp.ERROR, str(exc)))
            bands = None
        to_split = self._to_split()
        if to_split:  # Run splits them first, then checks the series they give (band counts, dates, masks)
            masked = {item.data(COL_LAYER, LAYER_ROLE) for item in self._items()
                      if item.checkState(COL_LAYER) == Qt.CheckState.Checked and item.data(COL_MASK, LAYER_ROLE)}
            inside = {layer.id() for unit in to_split for layer in unit}
            typed = {item.data(COL_LAYER, LAYER_ROLE): item.text(COL_DATE).strip() for item in self._items()
                     if item.checkState(COL_LAYER) == Qt.CheckState.Checked}
            others = [layer for layer, _ in plan if layer.id() not in inside]  # checked beside them, told now too
            together = bool(others) or len(to_split) > 1  # the band counts and grids of all, below
            model = mdl.resolve(self.model_choice(), self._date_count(to_split), self.weights_path())
            # Bands 1,2,3 for a network: refused whatever the dates hold, so told before Run splits anything
            problems += inp.bands_field_problems(model, bands, self.weights_path())
            per_dates = []  # (name in the messages, band count) of each raster's dates
            for unit in to_split:
                dates, why = inp.held_dates(unit)
                known = [d for d in dates or () if d]
                name = inp.unit_name(unit)
                if any(typed.get(layer.id()) for layer in unit):  # the split dates it by its own metadata
                    problems.append((inp.WARNING, tr(
                        "The date typed for '%s' is not used: it holds several dates, which its band names or "
                        "time axis give. Empty its Date cell.") % name))
                if any(layer.id() in masked for layer in unit):  # its dates' rows would have none: the run went
                    problems.append((inp.ERROR, tr(  # without it, unsaid
                        "'%s' holds several dates, and one cloud mask cannot serve them all: empty its Cloud "
                        "mask cell, split it (Split into dates…), then choose each date's mask in its row.")
                        % name))
                per_date = len(unit) if len(unit) > 1 else unit[0].bandCount() // max(len(dates or ()), 1)
                if not why:
                    per_dates.append((tr("%s (each date)") % name, per_date))
                alone = not together and not why and bands  # beside other layers or rasters: all counts together, below
                if alone and max(bands) > per_date == 1:  # told now, not after the split
                    problems.append((inp.ERROR, tr(
                        "Band %d does not exist in the dates of '%s', which have one band each: pick band 1.")
                        % (max(bands), name)))
                elif alone and max(bands) > per_date:
                    problems.append((inp.ERROR, tr(
                        "Band %d does not exist in the dates of '%s', which have %d bands each: pick bands from 1 "
                        "to %d.") % (max(bands), name, per_date, per_date)))
                if why:
                    problems.append((inp.ERROR, tr("Layer '%s': %s") % (name, why)))
                elif len(known) >= 2:
                    problems.append((inp.INFO, tr(
                        "'%s' holds %d dates, %s to %s: Run first splits it into one layer per date (small VRT "
                        "files %s, which read the raster), then checks the series again.")
                        % (name, len(dates), known[0], known[-1], self._dates_folder_text(unit))))
                else:
                    problems.append((inp.INFO, tr(
                        "'%s' holds %d dates: Run first splits it into one layer per date (small VRT files %s, "
                        "which read the raster), then checks the series again.")
                        % (name, len(dates), self._dates_folder_text(unit))))
            if together:  # what can be told before the split: other layers each alone, the band counts (two
                # rasters' dates of 4 and 3 bands, or a raster's and a scene's), the grids (no common area)
                problems += inp.layer_problems(others)
                rasters = [layer for layer in others if isinstance(layer, QgsRasterLayer) and layer.isValid()]
                counts = per_dates + list(zip(inp.labels(rasters), [layer.bandCount() for layer in rasters]))
                if per_dates:
                    problems += inp.band_count_problems(counts, bands, model)
                first = {layer.id(): unit[0] for unit in to_split for layer in unit}  # a raster's grid: its dates'
                grids = [first.get(layer.id(), layer) for layer, _ in plan
                         if layer.id() in first or layer in rasters]
                problems += inp.grid_problems(list(dict.fromkeys(grids)))  # in list order, a raster once
            return inp.by_level(problems)
        masks = self.checked_masks()  # optional, per date: None for a date without a mask
        if any(m is not None for m in masks):
            missing = [layer.name() for (layer, _), m in zip(plan, masks) if m is None]
            if missing:
                problems.append((inp.INFO, tr("No cloud mask for %s: those dates are used as they are "
                                 "(their own nodata still counts).") % ", ".join("'%s'" % n for n in missing)))
            try:
                inp.parse_clear_values(self.mask_clear_edit.text())
            except ValueError as exc:
                problems.append((inp.ERROR, str(exc)))
        else:
            masks = None
        # one-band layers named as masks, checked as dates beside an image of their date (the project's masks
        # checked as the dialog opens): the band-count error said to uncheck them, not how to use them.  Named only
        # where Match masks by date gives them: the image of their date has no mask yet, and they are the only
        # mask-like layer of that date in the project (with two it asks which one)
        given = self.checked_masks()
        unmasked = {d for (layer, d), m in zip(plan, given) if d and m is None and isinstance(layer, QgsRasterLayer)
                    and layer.bandCount() > 1}
        checked_like = [layer for layer, _ in plan if isinstance(layer, QgsRasterLayer) and layer.bandCount() == 1
                        and looks_like_mask(layer)]
        mask_like = []
        if checked_like and unmasked:
            by_date = self._mask_layers_by_date()
            mask_like = [layer.name() for layer in checked_like for date in [inp.date_for_layer(layer)[0]]
                         if date in unmasked and len(by_date.get(date, [])) == 1]
        if mask_like:
            problems.append((inp.INFO, (tr("%s looks like the cloud mask of a checked date: Match masks by date "
                                           "makes it that date's mask.") if len(mask_like) == 1 else
                                        tr("%s look like cloud masks of checked dates: Match masks by date makes "
                                           "each its date's mask.")) % ", ".join("'%s'" % n for n in mask_like)))
        problems += inp.validate([layer for layer, _ in plan], [d for _, d in plan], bands,
                                 self.model_choice(), weights=self.weights_path(), masks=masks)
        return problems

    def _patch_note(self):
        """'= 0.36 ha on <first layer>'s pixels' next to the minimum change patch (ellipsoidal area of
        that many pixels at the layer's centre, so geographic layers get one too)."""
        if getattr(self, "min_patch_note", None) is None:  # validate() may run while the form is built
            return
        n = self.min_patch_spin.value()
        plan = self.checked()
        text = tr("changed patches under this size are dropped") if n <= 1 else ""
        if n > 1 and plan:
            m2 = pixel_area_m2(plan[0][0]) * n
            if m2 > 0:
                text = (tr("= %s ha on %s's pixels") % (number(m2 / 10000.0), plan[0][0].name()) if m2 >= 5000 else
                        tr("= %s m² on %s's pixels") % (number(m2, 0), plan[0][0].name()))
        self.min_patch_note.setText(literal(text))  # the layer's name

    def validate(self):
        """Check the settings and the checked layers: the messages, Run and the Split and Stack buttons follow.
        Returns whether Run may go ahead (None while held: a stack's end checks once when its layers are in)."""
        if self._validation_held:
            return None
        engine_language()  # the engine's messages (its checks of the inputs) in QGIS's language
        self._patch_note()
        problems = inp.by_level(self.problems())  # errors first (a cloud-mask note came before its error)
        stacking = self.stack_task is not None
        if stacking:  # (the band files' problem said 'press Stack band files', the button hidden; Run waits)
            problems = [(inp.INFO, tr("Stacking the checked band files into dates: their dates take their place in "
                                      "the list when it is done."))]
        colors = {inp.ERROR: tone("error"), inp.WARNING: tone("warning"), inp.INFO: tone("info")}
        marks = {inp.ERROR: "✖", inp.WARNING: "⚠", inp.INFO: "ℹ"}
        lines = ['<span style="color:%s">%s %s</span>' % (colors[level], marks[level], _escape(msg))
                 for level, msg in problems]
        units = self._to_split()
        n = self._date_count(units)
        blocked = stacking or any(level == inp.ERROR for level, _ in problems)
        choice = self.model_choice()
        resolved = mdl.resolve(choice, n, self.weights_path())
        if choice == mdl.AUTO and not units:  # imagery the networks cannot read: the engine's classical method
            resolved = inp.auto_choice([layer for layer, _ in self.checked()],
                                       self._bands_or_none(), self.weights_path())
        self._threshold_follows(choice, resolved)
        self._weights_follow(choice, resolved)
        if not blocked:
            text = tr("%d dates once split, to run with %s; the series is checked again then.") if units \
                else tr("%d dates, ready to run with %s.")
            # the first line, above the warnings and notes: whether Run can start (or the first error) is in
            # the first of the lines the area always shows, however short the dialog and long the list (last,
            # it was out of sight below three lines of notes at 800 x 688, a laptop's screen)
            lines.insert(0, '<span style="color:%s">✔ %s</span>' % (tone("ok"), text % (
                n, _escape(mdl.describe(choice, resolved, n, self.weights_path())))))
        self.messages.setText("<br>".join(lines))
        self.messages_area.text_changed()
        self.messages_area.verticalScrollBar().setValue(0)  # new messages are read from their first line
        self.split_button.setVisible(self.task is None and self._split_candidate() is not None)
        self.stack_button.setVisible(self.task is None and self.stack_task is None and bool(self._band_file_layers()))
        self.run_button.setEnabled(not blocked and self.task is None and self.stack_task is None)
        return not blocked

    def _to_split(self):
        """The checked layers that hold several dates by their own metadata (band names that carry dates, a
        NetCDF variable over time), as units (inputs.split_units: a layer alone, or the variables of one NetCDF
        file together): Run splits each into one layer per date first (:meth:`split_for_run`)."""
        return inp.split_units([layer for layer, _ in self.checked()])

    def _date_count(self, units=None):
        """The number of dates of the checked layers, a multi-date layer's dates counted (``units``: those
        :meth:`_to_split` gives, when known)."""
        units = self._to_split() if units is None else units
        inside = {layer.id() for unit in units for layer in unit}
        return sum(len(inp.held_dates(unit)[0] or ()) for unit in units) + sum(
            1 for layer, _ in self.checked() if layer.id() not in inside)

    @staticmethod
    def _dates_folder_text(unit):
        """Where Run will write the dates of ``unit`` (splitting.split_beside), said before it does."""
        fallback = splitting.planned_fallback(unit)
        if fallback == splitting.READ_ONLY:
            return tr("in QGIS's temporary folder, deleted when QGIS closes, as its own folder cannot be written to")
        if fallback == splitting.NO_FOLDER:
            return tr("in QGIS's temporary folder, deleted when QGIS closes, as it is not a file in a folder")
        # a file of that name in the way: the split takes the next name (split_into_folder), which is said
        return tr("in '%s' beside it") % splitting.planned_folder_name(unit)

    def split_for_run(self):
        """Split each checked multi-date layer (:meth:`_to_split`) into dates as caim:detectchanges does (into
        the same folder beside its file, used again when it holds the same split), add the date layers to the
        project in a group above it, and check them in its place.  Returns False, with the reason in the
        status, when a split failed (the layers split before it stay, checked)."""
        from model_core.errors import CaimError

        project = QgsProject.instance()
        notes, date_ids, split_ids = [], set(), set()
        self._split_warnings = []
        for unit in self._to_split():
            layer, name = unit[0], inp.unit_name(unit)
            try:
                folder, written, created, fallback = splitting.split_beside(unit)
            except CaimError as exc:
                self._check_split(date_ids, split_ids)
                self._set_status(tr("Layer '%s': %s") % (name, exc), error=True)
                return False
            known = {os.path.normcase(os.path.abspath(inp.layer_source(lyr_))): lyr_
                     for lyr_ in project.mapLayers().values() if isinstance(lyr_, QgsRasterLayer)}
            root = project.layerTreeRoot()
            node = root.findLayer(layer.id())
            parent = node.parent() if node is not None and node.parent() is not None else root
            group = None
            # the raster the dates read and their layers' names: the layer's, or for the variables of a cube
            # together its file's
            split_source = inp.unit_raster(unit)
            prefix = os.path.splitext(os.path.basename(split_source))[0] if split_source != inp.layer_source(
                layer) else layer.name()
            for (vrt, _date), date_name in zip(written, splitting.date_layer_names(prefix, [d for _, d in written])):
                date_layer = known.get(os.path.normcase(os.path.abspath(vrt)))
                if date_layer is None:  # (the same split in the project already: its layers are used again)
                    date_layer = QgsRasterLayer(vrt, date_name, "gdal")
                    if group is None:  # its group of an earlier run (its layers removed since), else a new one
                        name_of_group = tr("%s (dates)") % name
                        group = next((g for g in parent.children() if QgsLayerTree.isGroup(g)
                                      and g.name() == name_of_group), None)
                        if group is None:
                            group = parent.insertGroup(parent.children().index(node) if node in parent.children()
                                                       else 0, name_of_group)
                            group.setExpanded(False)
                    project.addMapLayer(date_layer, False)
                    group.addLayer(date_layer).setItemVisibilityChecked(False)  # the raster itself stays shown
                date_layer.setCustomProperty(inp.SPLIT_SOURCE_PROPERTY, split_source)  # the report's
                date_ids.add(date_layer.id())
            split_ids.update(lyr_.id() for lyr_ in unit)
            notes.append(tr("'%s': %d dates in %s") % (name, len(written), folder) + (
                splitting.in_the_way(folder, unit)))  # (made or used again)
            if fallback:  # the status says it now, the run's outcome again (the run's progress replaces it)
                notes.append(splitting.fallback_text(name, fallback))
                self._split_warnings.append(notes[-1])
                QgsMessageLog.logMessage(notes[-1], LOG_TAG, Qgis.Warning)
        self._check_split(date_ids, split_ids)
        self._set_status(tr("Split into dates: %s.") % "; ".join(notes))
        return True

    def _check_split(self, date_ids, split_ids):
        """The list after a split: the date layers (new or used again) checked, the rasters split unchecked,
        in date order."""
        self.refresh_layers()
        self.layer_tree.blockSignals(True)
        for item in self._items():
            layer_id = item.data(COL_LAYER, LAYER_ROLE)
            if layer_id in date_ids or layer_id in split_ids:
                item.setCheckState(COL_LAYER, Qt.CheckState.Checked if layer_id in date_ids else Qt.CheckState.Unchecked)
        self.layer_tree.blockSignals(False)
        self.sort_by_date()

    def _split_candidate(self):
        """The checked layer to split into dates: the one checked multi-band layer, or among several the
        first whose band names carry dates; else None.  Not a variable of a NetCDF cube checked with others
        of it: they are split together (caim:splitdates would split it alone, into dates of its one band)."""
        checked = [lyr for lyr, _ in self.checked()]
        if inp.multi_date_candidate(checked):
            return checked[0]
        if len(checked) < 2:
            return None
        return next((unit[0] for unit in self._to_split() if len(unit) == 1), None)

    def split_checked_layer(self):
        """Open caim:splitdates on the checked layer to split (:meth:`_split_candidate`); when it wrote date
        layers, uncheck that layer (its dates are now listed, checked, in its place)."""
        layer = self._split_candidate()
        if layer is None:
            return
        try:
            import processing
        except ImportError:
            QMessageBox.warning(self, tr("CAIM change detection"), tr(
                "The Processing plugin is not enabled: enable it (Plugins > Manage and Install Plugins > Installed > "
                "Processing) to split the layer into dates."))
            return
        from caim_qgis_plugin.split_algorithm import default_folder

        params = {"INPUT": layer.id()}
        folder = default_folder(layer)  # beside the file: Processing's temporary folder goes when QGIS closes
        if folder:
            params["OUTPUT"] = folder
        results = processing.execAlgorithmDialog(SPLIT_ID, params)
        if results and results.get("LAYERS"):
            self.refresh_layers()
            self._uncheck_layer(layer.id())

    def _band_file_layers(self):
        """The checked one-band layers when two or more of them share a date (the band files of a date, one
        file per band: inputs' ERROR), else []."""
        from model_core.bandfiles import stacked_output

        # (not the masks of an earlier stack, checked again with "Check all": one-band layers with dates too)
        one_band = [(layer, date) for layer, date in self.checked()
                    if isinstance(layer, QgsRasterLayer) and layer.bandCount() == 1 and layer.providerType() == "gdal"
                    and not stacked_output(inp.layer_source(layer))]
        dates = [date for _, date in one_band if date]
        if not any(dates.count(d) > 1 for d in dates):
            return []
        return [layer for layer, _ in one_band]

    def _stack_folder(self, sources):
        """A new folder ``stacked_dates`` (``_2``, ...) in the band files' common folder (a zipped product's: the
        zip's), or in QGIS's temporary folder when that cannot be written to."""
        from qgis.core import QgsProcessingUtils

        from model_core.stacked import archive_file

        from caim_qgis_plugin.stackbands_algorithm import new_folder

        try:
            parent = os.path.commonpath([os.path.dirname(os.path.abspath(archive_file(p) or p)) for p in sources])
        except ValueError:  # other drives (Windows)
            parent = ""
        if not parent or not os.path.isdir(parent) or not os.access(parent, os.W_OK):
            parent = QgsProcessingUtils.tempFolder()
        return new_folder(parent)

    def stack_checked_band_files(self):
        """Stack the checked band files (:meth:`_band_file_layers`) and the project's mask layers of their dates
        into one VRT per date (model_core.bandfiles, as caim:stackbands) in a new folder beside them, in the
        background (:class:`StackTask`: progress in the dialog and QGIS's task manager, *Cancel* stops it with
        nothing written).  When done (:meth:`_stack_finished`), the dates and masks are added to the project as
        a group (masks unchecked) and the dates checked in the band files' place, each with its mask; the band
        files go below the dates, unchecked.  Returns the task, or None when there is nothing to stack."""
        from model_core.bandfiles import stacked_output

        layers = self._band_file_layers()
        if not layers or self.stack_task is not None or self.task is not None:
            return None
        dates = {inp.date_for_layer(layer)[0] for layer in layers} - {None}
        ids = {layer.id() for layer in layers}
        # the project's masks of those dates, not those of an earlier stack (its VRTs: a mask without band files)
        masks = [layer for layer in self.mask_candidates() if layer.id() not in ids
                 and not stacked_output(inp.layer_source(layer))
                 and looks_like_mask(layer) and inp.date_for_layer(layer)[0] in dates]
        sources = [inp.layer_source(layer) for layer in layers + masks]
        folder = self._stack_folder(sources)
        self._stacking = (ids, {m.id() for m in masks})
        task = StackTask(sources, folder, self._stack_finished)
        task.progressChanged.connect(lambda v: self.progress.setValue(int(v)))
        self.stack_task = task
        self.progress.setValue(0)
        self.cancel_button.setText(tr("Cancel stacking"))  # (what it cancels now: no run goes on)
        self.cancel_button.setEnabled(True)
        self._set_status(tr("Stacking %d band files into dates… (Cancel stacking stops it)") % len(sources))
        self.validate()  # (Run and the button wait for the stack)
        QgsApplication.taskManager().addTask(task)
        return task

    def _stack_finished(self, task):
        """The end of a :class:`StackTask`: the layers added and checked (or the refusal said); sets
        ``last_stack_ok``."""
        from qgis.core import QgsProcessingUtils

        from caim_qgis_plugin.stackbands_algorithm import group_name, place_in_group

        if task is not self.stack_task:  # (the dialog was shut down meanwhile)
            return
        self.stack_task = None
        self.cancel_button.setText(tr("Cancel run"))
        self.cancel_button.setEnabled(self.task is not None)
        self.progress.setValue(0)
        ids, mask_ids = self._stacking
        self.last_stack_ok = False
        if task.result is None:
            if task.error is not None:
                self._set_status(tr("Stack band files into dates: %s") % task.error, error=True)
            else:
                self._set_status(tr("Stacking cancelled; nothing was written."))
            self.validate()
            return False
        res, folder = task.result, task.folder
        temporary = os.path.abspath(folder).startswith(os.path.abspath(QgsProcessingUtils.tempFolder()) + os.sep)
        earlier = _same_stack(res.out_dir)
        if earlier:  # pressed again on the same band files: that stack and its layers, not a copy of each
            task.layers.clear()  # (the task's layers of the copy: their files closed first, as Windows needs)
            shutil.rmtree(res.out_dir)  # (made by this call: _stack_folder names a folder that did not exist)
            res.out_dir = earlier
        project = QgsProject.instance()
        known = {os.path.normcase(os.path.abspath(inp.layer_source(layer))): layer
                 for layer in project.mapLayers().values() if isinstance(layer, QgsRasterLayer)}
        group = group_name(res.out_dir)
        date_layers, mask_layers = {}, {}
        # masks of different kinds in a series (a generic series' Fmask and cloudmask): one rule of clear values holds
        # for every mask of a run, so only the masks it is right for are paired (the others stay in the group)
        paired = {id(d) for family, scene, _ in res.series for d in res.rule_masks(family, scene)}
        stacked_masks = set()  # (every mask layer of the stack, paired or not: none is a date to check)
        new = []  # [(layer, hidden)] to add: those made by the task (a stack used again: its own folder's)

        def layer_of(name, hidden):
            path = os.path.join(res.out_dir, name)
            layer = known.get(os.path.normcase(os.path.abspath(path)))
            if layer is None:
                layer = task.layers.pop(path, None) or QgsRasterLayer(
                    path, os.path.splitext(os.path.basename(path))[0], "gdal")
                new.append((layer, hidden))
            return layer

        for d in res.dates:
            date_layer = layer_of(d.name, False)
            date_layers[date_layer.id()] = d
            if d.mask_name:
                mask_layer = layer_of(d.mask_name, True)
                stacked_masks.add(mask_layer.id())
                if id(d) in paired:
                    mask_layers[date_layer.id()] = mask_layer
        # added at once (one layersAdded signal for QGIS and its Layers panel), the list refreshed once below: the
        # dialog's refresh per added layer (28 for the CBERS cube) took 0.3 s of QGIS's main thread after the stack
        self._adding_layers = True
        try:
            project.addMapLayers([layer for layer, _ in new], False)
        finally:
            self._adding_layers = False
        for layer, hidden in new:
            place_in_group(project, layer, group, hidden=hidden)
        # several scenes (two Landsat path/rows, a Landsat and a Sentinel-2 series): one run each, so the dates of
        # one are checked, the one with most dates (all checked: "do not overlap" and "dates appear twice")
        chosen = max(res.series, key=lambda series: len(series[2]))
        run_dates = {id(d) for d in chosen[2]}
        self._validation_held = True  # (checked once, at the end: each check takes 0.05 s on the CBERS cube's list)
        try:
            self.refresh_layers()
            self.layer_tree.blockSignals(True)
            for item in self._items():
                layer_id = item.data(COL_LAYER, LAYER_ROLE)
                # stacked: below the dates, greyed
                if layer_id in ids or layer_id in mask_ids or layer_id in stacked_masks:
                    item.setCheckState(COL_LAYER, Qt.CheckState.Unchecked)
                    item.setData(COL_LAYER, STACKED_ROLE, res.out_dir)
                elif layer_id in {m.id() for m in mask_layers.values()}:  # (shown in its date's Cloud mask cell)
                    item.setCheckState(COL_LAYER, Qt.CheckState.Unchecked)
                    item.setData(COL_LAYER, STACKED_ROLE, res.out_dir)
                elif layer_id in date_layers:
                    item.setCheckState(COL_LAYER, Qt.CheckState.Checked if id(date_layers[layer_id]) in run_dates
                                       else Qt.CheckState.Unchecked)
                    self.set_mask(item, mask_layers.get(layer_id))
            self.layer_tree.blockSignals(False)
            series = [chosen] if len(res.series) > 1 else res.series
            clear = {res.clear_values(family, scene) for family, scene, dates in series if any(d.mask for d in dates)}
            if len(clear) == 1:  # (a Landsat series mixing 4-7 and 8-9: values right for both)
                self.mask_clear_edit.setText(clear.pop())
            self._uncheck_mask_rows()
            self._grey_stacked_rows()
            self.sort_by_date()
        finally:
            self._validation_held = False
        self.validate()
        if earlier:
            text = tr("These band files were stacked into %d dates (%d with a cloud mask) before, in %s: used "
                      "again.") % (len(res.dates), len(mask_layers), res.out_dir)
        else:
            text = tr("Stacked the band files into %d dates (%d with a cloud mask) in %s.") % (
                len(res.dates), len(mask_layers), res.out_dir)
        if temporary:  # the band files' folder cannot be written to, or they are inside a .zip: said, as a split is
            text += " " + tr("That is QGIS's temporary folder, deleted when QGIS closes, as the band files' folder "
                             "cannot be written to (or they are inside an archive): a project saved with these dates "
                             "opens without them. To keep them, stack the band files into a folder of your own "
                             "(Raster > CAIM change detection > Stack band files into dates…).")
        if len(res.series) > 1:
            text += " " + tr("They are %d scenes, each run on its own: checked are the %d dates of %s; check the "
                             "dates of another scene (named by it) instead to run on that one.") % (
                len(res.series), len(chosen[2]), res.series_name(*chosen[:2]))
        if res.granules_left_out():  # (HLS: an L30 and an S30 granule of one tile and day)
            text += " " + tr("Left out, as the second granule of its tile and day (the one whose Fmask shows more "
                             "clear pixels is stacked): %s.") % ", ".join(res.granules_left_out())
        unpaired = [d for d in chosen[2] if d.mask_name and id(d) not in paired]
        if unpaired:
            text += " " + tr("Their masks are of different kinds, and one set of clear values holds for every mask: "
                             "%s is set with the masks it is right for; the dates %s have masks of another kind and run "
                             "without them. To mask them too, give every date a mask of one kind.") % (
                res.clear_values(*chosen[:2]), ", ".join(d.date for d in unpaired))
        self._set_status(text)
        self.last_stack_ok = True
        return True

    def _grey_stacked_rows(self):
        """The rows of band files stacked into dates (STACKED_ROLE: the stack's folder) greyed, their tooltip saying
        where their dates are (a mask in use keeps its own tooltip)."""
        project = QgsProject.instance()
        self.layer_tree.blockSignals(True)  # (each change re-checked the whole list: 2.7 s for the CBERS cube's rows)
        for item in self._items():
            folder = item.data(COL_LAYER, STACKED_ROLE)
            layer = project.mapLayer(item.data(COL_LAYER, LAYER_ROLE))
            if folder and layer is not None and not item.data(COL_LAYER, MASK_OF_ROLE):
                item.setForeground(COL_LAYER, QBrush(QColor("#808080")))
                item.setToolTip(COL_LAYER, literal(tr("stacked into the dates of %s (listed above: check them, not "
                                                      "this band file)\n%s") % (folder, inp.layer_source(layer))))
        self.layer_tree.blockSignals(False)

    def _uncheck_layer(self, layer_id):
        for i in range(self.layer_tree.topLevelItemCount()):
            item = self.layer_tree.topLevelItem(i)
            if item.data(COL_LAYER, LAYER_ROLE) == layer_id:
                item.setCheckState(COL_LAYER, Qt.CheckState.Unchecked)
        self.validate()

    def parameters(self):
        plan = self.checked()
        folder = self.folder_widget.filePath().strip()
        params = {
            "INPUT": [layer.id() for layer, _ in plan],
            "DATES": ",".join(d or "" for _, d in plan) if any(d for _, d in plan) else "",
            "BANDS": self.bands_edit.text().strip(),
            "MODEL": self.model_choice(),
            "WEIGHTS": self.weights_path(),
            "DEVICE": self.device_combo.currentText(),
            "TILE_SIZE": self.tile_spin.value(),
            "OVERLAP": None if self.overlap_spin.value() < 0 else self.overlap_spin.value(),
            "SENSITIVITY": self.sensitivity_spin.value(),
            "MIN_PATCH": self.min_patch_spin.value(),
            "FILL_GAPS": self.fill_gaps_check.isChecked(),
            "COREGISTER": self.coregister_check.isChecked(),
            "THRESHOLD": self.threshold_combo.currentData() if self.threshold_combo.isEnabled() else "otsu",
        }
        masks = self.checked_masks()
        if any(m is not None for m in masks):  # every date: MASKS alone; some: their masks and positions
            params["MASKS"] = [m.id() for m in masks if m is not None]
            if None in masks:
                params["MASKED_DATES"] = ",".join(str(i) for i, m in enumerate(masks, start=1) if m is not None)
            params["MASK_CLEAR"] = self.mask_clear_edit.text().strip() or "0"
        for key in ("AREA", "MOMENT", "CONFIDENCE"):
            params[key] = os.path.join(folder, OUTPUT_FILES[key])
        if self.probabilities_check.isChecked():
            params["PROBABILITIES"] = os.path.join(folder, OUTPUT_FILES["PROBABILITIES"])
            params["PROBABILITIES_TYPE"] = self.probabilities_type_combo.currentData()
        if self.polygons_check.isChecked():
            params["POLYGONS"] = os.path.join(folder, OUTPUT_FILES["POLYGONS"])
        params["REPORT"] = os.path.join(folder, OUTPUT_FILES["REPORT"])
        return params

    # -- running ----------------------------------------------------------------------------------
    def run(self, ask=True):
        """Start the algorithm in the background.  Returns the task, or None if nothing was started."""
        # the user answered "Run anyway" to the engine's refusal of a huge run: this run only, whether it starts
        # or not; the refused run wrote nothing, so its outputs' overwrite was already agreed to
        allow_huge, self._allow_huge = self._allow_huge, False
        engine_language()  # the engine's messages in QGIS's language (the algorithm sets it again)
        if self.task is not None or self.stack_task is not None or not self.validate():
            return None
        if not allow_huge:  # (a run anyway after a refused one: the same split, whose warnings still hold)
            self._split_warnings = []
        folder = self.folder_widget.filePath().strip()
        if not folder:
            self._set_status(tr("Choose an output folder."), error=True)
            return None
        params = self.parameters()
        if allow_huge:
            params["ALLOW_HUGE"] = True
        existing = [p for k, p in params.items() if k in OUTPUT_FILES and p and os.path.exists(p)]
        if existing and not allow_huge:
            if not ask:
                self._set_status(tr("Outputs already exist in %s; choose another folder.") % folder, error=True)
                return None
            shown = lyr.layers_showing(existing)
            answer = QMessageBox.question(
                self, tr("Overwrite results?"),
                tr("These files already exist and would be replaced:\n\n%s\n\n%sOverwrite them?")
                % ("\n".join(os.path.basename(p) for p in existing),
                   (tr("%d layers of this project show them; when the run succeeds, the new run's layers "
                       "replace them.") if len(shown) > 1 else
                    tr("%d layer of this project shows them; when the run succeeds, the new run's layers "
                       "replace it.")) % len(shown) + "\n\n" if shown else ""),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self._set_status(tr("Not run: choose another output folder."))
                return None
        if self._to_split():  # a multi-date layer: its dates take its place, and the series is checked again
            if not self.split_for_run():
                return None
            if not self.validate():
                self._set_status("\n".join([tr("Split into dates, not run: the series needs your attention (see "
                                               "the messages above); then Run again.")] + self._split_warnings),
                                 error=True)  # (the split's note, which it replaces, told where the dates are)
                return None
            params = self.parameters()
            if allow_huge:
                params["ALLOW_HUGE"] = True
        from model_core.errors import CaimError
        from model_core.staging import missing_folders

        # a file in the way is said before the run; the folder itself is made by the run's claim on its outputs
        # (model_core.staging.claim_outputs, make=True).  Made here first, it was no run's: of two runs into one new
        # folder the other claimed in it, and when that run failed the empty folder stayed.
        try:
            missing_folders(folder)
        except CaimError as exc:  # the engine's message names the file in the way
            self._set_status(str(exc), error=True)
            return None

        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM_ID)
        if algorithm is None:
            self._set_status(tr("The Processing algorithm %s is not registered.") % ALGORITHM_ID, error=True)
            return None
        self.save_settings()
        self.remember_output_parent(folder)
        self._run_layers = [layer for layer, _ in self.checked()]
        self._run_masks = inp.masks_by_date([QgsProject.instance().mapLayer(i) for i in params.get("MASKS") or []],
                                            params.get("MASKED_DATES"), len(params["INPUT"]))  # None: no mask
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = RunFeedback()
        self.feedback.progressChanged.connect(lambda v: self.progress.setValue(int(v)))
        self.feedback.text.connect(self._status_text)
        self.progress.setValue(0)
        self._set_status(tr("Starting…"))
        task = QgsProcessingAlgRunnerTask(algorithm, params, self.context, self.feedback)
        if task.isCanceled():  # prepareAlgorithm refused the parameters
            self._set_status("\n".join(self.feedback.errors) or tr("The parameters were refused."), error=True)
            self.feedback = None
            return None
        task.executed.connect(self._finished)
        self.task = task
        self.cancel_button.setEnabled(True)
        if self.run_button.hasFocus():  # Run pressed from the keyboard: Cancel run next (focus went to Close)
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.run_button.setEnabled(False)
        self._params = params
        QgsApplication.taskManager().addTask(task)
        return task

    def cancel(self):
        if self.stack_task is not None:
            self._set_status(tr("Cancelling the stack…"))
            self.stack_task.cancel()
        if self.task is not None:
            self._set_status(tr("Cancelling… partial outputs will be removed."))
            self.task.cancel()

    def _finished(self, ok, results):
        feedback, params = self.feedback, self._params
        cancelled = feedback.isCanceled() if feedback else False
        # the outcome gets the focus (a screen reader reads it) unless the user went on in another field
        show_outcome = QApplication.focusWidget() in (None, self.run_button, self.cancel_button, self.close_button)
        self.task = None
        self.cancel_button.setEnabled(False)
        self.report_link.hide()
        self.last_results = dict(results) if ok else None
        if ok:
            self.progress.setValue(100)
            dates = [d or None for d in (results.get("USED_DATES") or "").split(",")] if results.get(
                "USED_DATES") else [None] * len(params["INPUT"])
            paths = {"area": results.get("AREA"), "moment": results.get("MOMENT"),
                     "confidence": results.get("CONFIDENCE"), "probabilities": results.get("PROBABILITIES"),
                     "polygons": results.get("POLYGONS")}
            paths = {k: v for k, v in paths.items() if v}
            facts = inp.describe_layers(self._run_layers, dates, inp.parse_bands(params.get("BANDS")),
                                        self._run_masks)
            model = results.get("MODEL_USED") or None
            info = {"dates": dates, "inputs": [{k: v for k, v in f.items()} for f in facts], "outputs": paths,
                    "model": model, "sensitivity": params.get("SENSITIVITY") or 0.0,
                    "threshold": params.get("THRESHOLD") or "otsu",
                    "min_patch": params.get("MIN_PATCH") or 0, "fill_gaps": bool(params.get("FILL_GAPS"))}
            if params.get("MASKS"):
                info["mask_clear"] = inp.format_clear_values(inp.parse_clear_values(params.get("MASK_CLEAR")))
            # per date the offset the run moved it by (the group's name, the status, the pixel inspector)
            coregister = lyr.file_coregister(paths.get("moment") or "") if params.get("COREGISTER") else None
            if coregister is not None:
                info["coregister"] = coregister
            # an earlier run's layers showing the files this run replaced would keep its name and settings
            lyr.remove_layers(lyr.layers_showing([params.get(k) for k in OUTPUT_FILES]))
            self.last_layers = lyr.add_run_outputs(paths, dates, info)
            lyr.set_date_ranges(self._run_layers, dates)  # the Temporal Controller steps through the dates
            device = results.get("DEVICE_USED") or "?"
            warnings = self._split_warnings + [w for w in (results.get("WARNINGS") or "").split("\n") if w]
            used = mdl.describe(params.get("MODEL"), model, len(params["INPUT"]), params.get("WEIGHTS")) if model else "?"
            if params.get("THRESHOLD") == "kittler":
                used += tr(", minimum-error threshold")
            if params.get("SENSITIVITY"):
                used += tr(", sensitivity %s") % signed(params["SENSITIVITY"])
            if (params.get("MIN_PATCH") or 0) > 1:
                used += tr(", changed patches >= %s px") % integer(params["MIN_PATCH"])
            if params.get("MASKS"):
                used += tr(", cloud masks%s (clear = %s)") % (
                    tr(" on %d of %d dates") % (len(params["MASKS"]), len(params["INPUT"]))
                    if params.get("MASKED_DATES") else "", params.get("MASK_CLEAR"))
            if params.get("FILL_GAPS"):
                used += tr(", masked dates filled")
            used += lyr.coregister_text(info.get("coregister"))
            self._set_status(tr("Done on %s with %s. %s Hover here for each interval; all details are in the log "
                             "(CAIM change detection tab).") % (device, used, short_total(results)))
            self.status.setToolTip(literal(tr("Changed hectares per interval (last change):\n") + per_interval_lines(results)))
            report = results.get("REPORT")
            if report and os.path.exists(report):
                self.report_link.setText(tr('<a href="%s">Open the run report</a> (settings, changed area per '
                                         'interval as a chart, the map)') % QUrl.fromLocalFile(report).toString())
                self.report_link.show()
            if warnings:
                self._status_text(self.status.text() + "\n" + "\n".join(tr("Warning: ") + w for w in warnings))
                self.status.setStyleSheet("color:%s" % tone("warning"))
            # the summary is in this tab already (the feedback logs what the algorithm says); one line ends the run
            # there at the Success level, with the report, which the summary does not list
            QgsMessageLog.logMessage(tr("Run finished on %s; report: %s") % (device, report) if report and os.path.exists(report) else
                                     tr("Run finished on %s.") % device, LOG_TAG, Qgis.Success)
            if self.iface is not None:
                details = tr("Changed hectares per interval (last change):\n%s\n\nModel: %s\nDevice: %s\n%s") % (
                    per_interval_lines(results), used, device, "\n".join(tr("Warning: ") + w for w in warnings))
                bar = self.iface.messageBar()
                bar.pushMessage(  # the bar renders HTML: a warning names files and bands
                    tr("CAIM change detection"), html.escape(bar_text(results), quote=False),
                    details, Qgis.Warning if warnings else Qgis.Success, 30)
                if warnings:  # on top of it, so that a warning (random weights, a date mostly masked) is read, not
                    # only the bar's colour: the count on the line (the line with the hectares has no room for
                    # it in German and Spanish), the warnings under Show more; closing it shows the hectares
                    bar.pushMessage(tr("CAIM change detection"),
                                    tr("1 warning.") if len(warnings) == 1 else tr("%d warnings.") % len(warnings),
                                    "\n".join(warnings), Qgis.Warning, 30)
            self.folder_widget.setFilePath(self.default_output_folder())
        elif cancelled:
            self.progress.setValue(0)
            # (the algorithm says whether the run had begun writing; a task cancelled while queued never began)
            removed = feedback is not None and feedback.property(PARTIAL_REMOVED) is True
            self._set_status("\n".join([tr("Cancelled; partial outputs were removed.") if removed else
                                        tr("Cancelled; nothing was written.")] + self._split_warnings))
        else:
            message = "\n".join(feedback.errors) if feedback and feedback.errors else tr("The run failed.")
            self._set_status("\n".join([message] + self._split_warnings), error=True)
            QgsMessageLog.logMessage(message, LOG_TAG, Qgis.Critical)
            if "ALLOW_HUGE" in message and not params.get("ALLOW_HUGE"):
                # the engine refused a run of more than a day, or outputs that clearly do not fit: its message
                # says why; the user may run it anyway (ALLOW_HUGE, which the dialog has no field for)
                answer = QMessageBox.question(
                    self, tr("Run anyway?"), literal(message + "\n\n" + tr("Run it anyway?")),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer == QMessageBox.StandardButton.Yes:
                    self._allow_huge = True
                    self.feedback = None
                    # started once QGIS is done with this run's task, not from inside its finished handler: started
                    # there, the rerun stayed on 'Starting…' for good in three of eight test runs under heavy load
                    # (cause not pinned down; suspected: this run's context and feedback replaced while its task
                    # was still finishing with them)
                    QTimer.singleShot(0, lambda: self.run(ask=False))
                    return
        self.feedback = None
        self.validate()
        if show_outcome and self.isActiveWindow():
            self.status.setFocus(Qt.FocusReason.OtherFocusReason)

    def _status_text(self, text):
        """The status label's text, and its area's height after it (the area cannot see the label's text change)."""
        self.status.setText(text)
        self.status_area.text_changed()

    def _set_status(self, text, error=False):
        self.status.setStyleSheet("color:%s" % tone("error") if error else "")
        self._status_text(text)
        self.status.setFocusPolicy(Qt.FocusPolicy.StrongFocus if text else Qt.FocusPolicy.NoFocus)
        if error and self.run_button.hasFocus():  # Run refused: the reason gets the focus
            self.status.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self):
        """Cancel a running task and disconnect from the project (plugin unload)."""
        if self.stack_task is not None:
            self.stack_task.cancel()
            self.stack_task = None
        if self.task is not None:
            try:
                self.task.executed.disconnect(self._finished)
            except TypeError:
                pass
            self.task.cancel()
            self.task = None
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_changed)
            QgsProject.instance().layersRemoved.disconnect(self._layers_changed)
        except TypeError:
            pass

    def resizeEvent(self, event):  # noqa: N802
        # A word-wrapped label makes the layout height-for-width, and Qt then sets no minimum height on the
        # window: shrunk to the minimum, the intro's third line pushed the buttons over the layer list.
        # The intro's height at its width is its minimum, and the window's minimum the layout's.
        super().resizeEvent(event)
        need = self.intro.heightForWidth(self.intro.width())
        if need > 0 and need != self.intro.minimumHeight():
            self.intro.setMinimumHeight(need)
        minimum = self.layout().totalMinimumSize().height()
        if minimum != self.minimumHeight():
            self.setMinimumHeight(minimum)

    def closeEvent(self, event):  # noqa: N802
        self._note_background_run()
        super().closeEvent(event)

    def reject(self):
        # Esc and Close hide the dialog without a closeEvent: the note was missing when it was shown again
        self._note_background_run()
        super().reject()

    def _note_background_run(self):
        if self.task is not None:
            self._set_status(tr("Still running in the background; results will be added when done."))


def looks_like_mask(layer):
    """Whether ``layer``'s name or file name says it is a mask (MASK_WORDS), as Match masks by date reads it."""
    return any(w in (layer.name() + " " + os.path.basename(inp.layer_source(layer))).lower() for w in MASK_WORDS)


def per_interval_lines(results):
    """'  2019 to 2020: 12.30 ha' a line per interval; the engine's names of the intervals (the keys of its
    areas) in the user's language when the run's dates (USED_DATES) are known."""
    try:
        hectares = json.loads(results.get("HECTARES") or "{}")
    except ValueError:
        hectares = {}
    used = results.get("USED_DATES")
    names = lyr.shown_intervals(list(hectares), [d or None for d in used.split(",")]) if used else list(hectares)
    return "\n".join("  %s: %s" % (name, tr("unknown") if ha is None else tr("%s ha") % number(ha))
                     for name, ha in zip(names, hectares.values()))


def bar_text(results):
    """The message bar's line after a run: '12.30 ha changed.' (the model, the device, the hectares per interval
    and the warnings in full are its details, under Show more; a warning makes the bar a warning's).  The bar
    over the map beside the Layers panel and the pixel inspector of a 1280 px wide window is 645 px wide, about
    400 px for the title and this line: "Done on cpu with Classical CVA. Changed 19858.77 ha over 3 intervals."
    wrapped there to a second line, cut off."""
    hectares = _known_hectares(results)
    return tr("%s ha changed.") % number(sum(hectares.values())) if hectares else tr("Done.")


def bar_messages(bar, title=None):
    """(mine, others): the messages of the QgsMessageBar ``bar``, newest first, each {"title", "text", "level"};
    mine are those titled ``title``, by default the plugin's run messages' title (the hectares line and, when the
    run warned, the warning count on top).  Not only the bar's current item: when a task ends while the QGIS main
    window is not the active one (the dialog is) and no desktop notification service answers (xvfb), QGIS pushes
    its own "Task complete" notice (titled so, the task's description as text, an Info for 5 s) on top of the
    plugin's.  What the desktop scripts (tools/screenshots.py, tests/qgis/e2e_desktop.py) record of the bar."""
    title = tr("CAIM change detection") if title is None else title
    mine, others = [], []
    for item in bar.items():  # newest first, the current one included
        entry = {"title": item.title(), "text": item.text(), "level": _level_name(item.level())}
        (mine if item.title() == title else others).append(entry)
    return mine, others


def _level_name(level):
    for name in ("Info", "Warning", "Critical", "Success"):
        if level == getattr(Qgis, name):
            return name
    return str(level)


def _known_hectares(results):
    """The run's changed hectares per interval (its HECTARES output), or {} when it has none or one is unknown."""
    try:
        hectares = json.loads(results.get("HECTARES") or "{}")
    except ValueError:
        return {}
    return {} if any(v is None for v in hectares.values()) else hectares


def short_total(results):
    """'Changed 12.30 ha over 9 intervals.'"""
    hectares = _known_hectares(results)
    if not hectares:
        return ""
    return (tr("Changed %s ha over %d intervals.") if len(hectares) > 1 else
            tr("Changed %s ha over %d interval.")) % (number(sum(hectares.values())), len(hectares))


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
