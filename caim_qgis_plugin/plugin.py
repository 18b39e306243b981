"""Menu and toolbar actions; registers the Processing provider and the inspect tool."""

import os
import sys

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMessageBox
from qgis.core import Qgis, QgsApplication, QgsMessageLog

from caim_qgis_plugin.paths import PLUGIN_DIR, icon_path
from caim_qgis_plugin.qtcompat import QAction
from caim_qgis_plugin.i18n import install_translator, noop, remove_translator, translator

tr = translator("CaimPlugin")

MENU = noop("&CAIM change detection")  # shown as tr(MENU), in QGIS's language like the rest of the plugin
SAMPLE_ID = "caim:samplechangemap"
ASSESS_ID = "caim:assessaccuracy"
COMPARE_ID = "caim:comparewithreference"
SPLIT_ID = "caim:splitdates"
ZONES_ID = "caim:changebyzones"
STACK_ID = "caim:stackbands"
LOG_TAG = "CAIM change detection"


def forget_bundled_engine():
    """Drop the modules of the ``model_core`` inside the plugin folder from ``sys.modules``.

    QGIS forgets only the ``caim_qgis_plugin`` modules when it unloads the plugin; ``model_core`` is a
    package of its own, so after an upgrade from the plugin manager (or a Plugin Reloader reload) the new
    plugin code ran on the old engine until QGIS was restarted.  An engine imported from elsewhere (the
    source tree, as in the tests) is left alone."""
    inside = PLUGIN_DIR + os.sep
    for name in [n for n in sys.modules if n == "model_core" or n.startswith("model_core.")]:
        path = getattr(sys.modules[name], "__file__", None) or ""
        if os.path.abspath(path).startswith(inside):
            del sys.modules[name]


def report_beside(points):
    """The accuracy report's default file: '<sample>_accuracy.html' beside the file of the sample layer
    ``points`` ('_accuracy_2.html' and so on when taken), or None when that folder is not writable.  Processing's
    temporary file, its default, went when QGIS closed: the estimates of a labelling session were lost with
    it unless the analyst had thought of choosing a file."""
    from caim_qgis_plugin.accuracy_algorithms import _vector_source

    path = _vector_source(points)[0] if points.providerType() == "ogr" else ""
    folder = os.path.dirname(path)
    if not path or not os.path.isfile(path) or not os.access(folder, os.W_OK):
        return None
    stem = os.path.splitext(os.path.basename(path))[0] + "_accuracy"
    name, k = stem + ".html", 2
    while os.path.exists(os.path.join(folder, name)):
        name, k = "%s_%d.html" % (stem, k), k + 1
    return os.path.join(folder, name)


class CaimPlugin:
    def __init__(self, iface):
        self.iface = iface
        # before the provider and the actions are made: their names are translated when created
        self.translator = install_translator()
        self.provider = None
        self.actions = []
        self.menu = MENU
        self.dialog = None
        self.inspect_tool = None
        self.inspect_dock = None
        self.label_dock = None
        self.toolbar = None
        self._chip_reader = None  # the image chips' maps and stretch limits, one for both panels (chip_reader)
        self.run_file_styler = None  # styles run files added by hand (copies made by GDAL, files without .qml)

    # Processing (also called by qgis_process, where iface is None)
    def initProcessing(self):  # noqa: N802
        if self.provider is None:
            from caim_qgis_plugin.provider import CaimProvider

            self.provider = CaimProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        # the engine's messages in QGIS's language from the start: the texts that reach the user outside a run (the
        # labelling panel's and the inspector's chips, the weights file's description, PyTorch's version) too
        from caim_qgis_plugin.i18n import engine_language

        engine_language()
        self.initProcessing()
        from caim_qgis_plugin.layers import RunFileStyler

        self.run_file_styler = RunFileStyler()
        self.menu = tr(MENU)  # the same title to remove the entries with on unload
        self.toolbar = self.iface.addToolBar(tr("CAIM change detection"))
        self.toolbar.setObjectName("CaimToolbar")

        self.run_action = QAction(QIcon(icon_path("caim.svg")), tr("Detect changes in a time series…"),
                                  self.iface.mainWindow())
        self.run_action.setObjectName("CaimDetectChanges")
        self.run_action.setToolTip(tr("CAIM: find where and when the land changed in an ordered series of rasters"))
        self.run_action.triggered.connect(self.show_dialog)

        self.inspect_action = QAction(QIcon(icon_path("caim_inspect.svg")), tr("Inspect change pixel"),
                                      self.iface.mainWindow())
        self.inspect_action.setObjectName("CaimInspect")
        self.inspect_action.setCheckable(True)
        self.inspect_action.setToolTip(tr("CAIM: click a pixel to see its change moment, per-interval "
                                       "probabilities and band values over time"))
        self.inspect_action.toggled.connect(self.toggle_inspect)

        self.split_action = QAction(tr("Split a multi-date raster into dates…"), self.iface.mainWindow())
        self.split_action.setObjectName("CaimSplit")
        self.split_action.setToolTip(tr("CAIM: one layer per date of a raster that holds every date as bands, e.g. an "
                                     "Earth Engine export (caim:splitdates)"))
        self.split_action.triggered.connect(lambda: self.open_algorithm(SPLIT_ID))
        self.stack_action = QAction(tr("Stack band files into dates…"), self.iface.mainWindow())
        self.stack_action.setObjectName("CaimStackBands")
        self.stack_action.setToolTip(tr("CAIM: one layer per date of imagery stored as one file per band (Landsat, "
                                     "Sentinel-2, HLS, CBERS), with its cloud mask (caim:stackbands)"))
        self.stack_action.triggered.connect(lambda: self.open_algorithm(STACK_ID))
        self.sample_action = QAction(tr("Draw an accuracy-assessment sample…"), self.iface.mainWindow())
        self.sample_action.setObjectName("CaimSample")
        self.sample_action.setToolTip(tr("CAIM: a stratified random sample of a change map's pixels to label "
                                      "(caim:samplechangemap)"))
        self.sample_action.triggered.connect(lambda: self.open_algorithm(SAMPLE_ID))
        self.assess_action = QAction(tr("Estimate change area and accuracy…"), self.iface.mainWindow())
        self.assess_action.setObjectName("CaimAssess")
        self.assess_action.setToolTip(tr("CAIM: area of each class and the map's accuracies, with confidence "
                                      "intervals, from the labelled sample (caim:assessaccuracy)"))
        self.assess_action.triggered.connect(lambda: self.open_algorithm(ASSESS_ID))
        self.compare_action = QAction(tr("Compare with a reference map…"), self.iface.mainWindow())
        self.compare_action.setObjectName("CaimCompare")
        self.compare_action.setToolTip(tr("CAIM: confusion matrix, kappa and F1 of a change map against a wall-to-wall "
                                       "reference raster (caim:comparewithreference)"))
        self.compare_action.triggered.connect(lambda: self.open_algorithm(COMPARE_ID))
        self.zones_action = QAction(tr("Change per zone (field, parcel, district)…"), self.iface.mainWindow())
        self.zones_action.setObjectName("CaimZones")
        self.zones_action.setToolTip(tr("CAIM: changed hectares per interval in each polygon of a layer, from a run's "
                                     "change moment map (caim:changebyzones)"))
        self.zones_action.triggered.connect(lambda: self.open_algorithm(ZONES_ID))
        self.label_action = QAction(tr("Label the sample points…"), self.iface.mainWindow())
        self.label_action.setObjectName("CaimLabel")
        self.label_action.setToolTip(tr("CAIM: step through a sample's points and label each from chips of every "
                                     "date, without seeing the map's answer"))
        self.label_action.triggered.connect(self.show_label_dock)

        self.help_action = QAction(tr("PyTorch status and installation…"), self.iface.mainWindow())
        self.help_action.setObjectName("CaimDependencies")
        self.help_action.triggered.connect(self.show_dependencies)

        for action in (self.run_action, self.inspect_action):
            self.iface.addPluginToRasterMenu(self.menu, action)
            self.toolbar.addAction(action)
            self.actions.append(action)
        for action in (self.stack_action, self.split_action, self.zones_action, self.sample_action, self.label_action,
                       self.assess_action, self.compare_action, self.help_action):
            self.iface.addPluginToRasterMenu(self.menu, action)
            self.actions.append(action)

        from caim_qgis_plugin.dependencies import install_instructions, torch_available

        if not torch_available():
            QgsMessageLog.logMessage(install_instructions(), LOG_TAG, Qgis.Warning)

    def unload(self):
        if self.run_file_styler is not None:
            self.run_file_styler.disconnect()
            self.run_file_styler = None
        if self.inspect_tool is not None:
            if self.iface.mapCanvas().mapTool() is self.inspect_tool:
                self.iface.mapCanvas().unsetMapTool(self.inspect_tool)
            self.inspect_tool.deleteLater()
            self.inspect_tool = None
        if self.inspect_dock is not None:
            self.inspect_dock.shutdown()  # (a thread reading imagery ends first)
            self.iface.removeDockWidget(self.inspect_dock)
            self.inspect_dock.deleteLater()
            self.inspect_dock = None
        if self.label_dock is not None:
            self.label_dock.shutdown(wait=True)
            self.iface.removeDockWidget(self.label_dock)
            self.label_dock.deleteLater()
            self.label_dock = None
        if self.dialog is not None:
            self.dialog.shutdown()
            self.dialog.deleteLater()
            self.dialog = None
        for action in self.actions:
            self.iface.removePluginRasterMenu(self.menu, action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
        forget_bundled_engine()

    # -- actions ----------------------------------------------------------------------------------
    def show_dependencies(self):
        from caim_qgis_plugin.dependencies import install_instructions, torch_available

        if torch_available():
            QMessageBox.information(self.iface.mainWindow(), tr("CAIM change detection"),
                                    tr("PyTorch is installed; the plugin is ready."))
        else:
            QMessageBox.warning(self.iface.mainWindow(), tr("CAIM change detection: PyTorch missing"),
                                install_instructions())

    def show_dialog(self):
        from caim_qgis_plugin.dependencies import install_instructions, torch_available

        if not torch_available():
            QMessageBox.warning(self.iface.mainWindow(), tr("CAIM change detection: PyTorch missing"),
                                install_instructions())
            return
        if self.dialog is None:
            from caim_qgis_plugin.dialog import CaimDialog

            self.dialog = CaimDialog(self.iface, self.iface.mainWindow())
        self.dialog.refresh_layers()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def algorithm_defaults(self, alg_id, points=None):
        """Parameters to open an algorithm with.  The split into dates: the active raster layer when it has
        two or more bands, and a new folder beside its file.  The change per zone: the active change moment
        layer, else the topmost one, and the active layer as the zones when it is a polygon layer.  An accuracy
        algorithm (sample, estimate, comparison with a reference): the map is the active layer when it is a CAIM
        change area or change moment layer, else the topmost CAIM change moment layer; for the estimate, the
        points are ``points`` (a layer) or the topmost sample layer (a vector layer with 'map_class'
        and 'reference'), the map the one the points were drawn from when it is in the project, and the report
        a new file beside the sample's (:func:`report_beside`)."""
        from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

        from caim_qgis_plugin import layers as lyr

        params = {}
        active = self.iface.activeLayer()
        if alg_id == SPLIT_ID:  # the active raster, when it has bands enough for two dates
            if isinstance(active, QgsRasterLayer) and active.bandCount() >= 2:
                from caim_qgis_plugin.split_algorithm import default_folder

                params["INPUT"] = active.id()
                folder = default_folder(active)  # not Processing's temporary folder, deleted on exit
                if folder:
                    params["OUTPUT"] = folder
            return params
        if alg_id == STACK_ID:
            # the folder holding the product of the active one-band raster (a band file) beside the other dates'
            # (a Landsat product's or a .SAFE's parent: its own folder held one date), searched with its
            # subfolders; the VRTs into a new folder in it (Processing's temporary one goes when QGIS closes, and
            # a project saved with the date layers lost them)
            source = active.source() if isinstance(active, QgsRasterLayer) and active.bandCount() == 1 else ""
            if source and (os.path.isfile(source) or source.lower().startswith(("/vsizip/", "/vsitar/"))):
                from model_core.bandfiles import downloads_folder

                from caim_qgis_plugin.stackbands_algorithm import new_folder

                params["FOLDER"] = downloads_folder(source)
                if os.path.isdir(params["FOLDER"]) and os.access(params["FOLDER"], os.W_OK):
                    params["OUTPUT"] = new_folder(params["FOLDER"])
            return params
        kinds = (lyr.MOMENT,) if alg_id == ZONES_ID else (lyr.AREA, lyr.MOMENT)  # zones need the moments
        maps = [active] if active is not None and lyr.kind_of(active) in kinds else []
        maps += [node.layer() for node in QgsProject.instance().layerTreeRoot().findLayers()
                 if isinstance(node.layer(), QgsRasterLayer) and lyr.kind_of(node.layer()) == lyr.MOMENT]
        if maps:
            params["INPUT" if alg_id == SAMPLE_ID else "MOMENT" if alg_id == ZONES_ID else "MAP"] = maps[0].id()
            folder = os.path.dirname(maps[0].source())
            if alg_id == SAMPLE_ID and os.path.isdir(folder):
                # a file beside the run, not Processing's temporary file (deleted, labels and all, on exit)
                name, k = "sample.gpkg", 2
                while os.path.exists(os.path.join(folder, name)):
                    name, k = "sample_%d.gpkg" % k, k + 1
                params["OUTPUT"] = os.path.join(folder, name)
        if alg_id == ZONES_ID:
            from qgis.core import QgsWkbTypes

            if isinstance(active, QgsVectorLayer) and active.geometryType() == QgsWkbTypes.PolygonGeometry:
                params["ZONES"] = active.id()
            return params
        if alg_id == ASSESS_ID and points is None:
            for node in QgsProject.instance().layerTreeRoot().findLayers():
                layer = node.layer()
                if isinstance(layer, QgsVectorLayer) and {"map_class", "reference"} <= set(layer.fields().names()):
                    points = layer
                    break
        if alg_id == ASSESS_ID and points is not None:
            from caim_qgis_plugin.label_dock import sampled_map_layer

            params["POINTS"] = points.id()
            sampled = sampled_map_layer(points)
            if sampled is not None:
                params["MAP"] = sampled.id()
            report = report_beside(points)
            if report:
                params["REPORT"] = report
        return params

    def open_algorithm(self, alg_id, points=None):
        """The algorithm's Processing dialog, filled in with :meth:`algorithm_defaults`."""
        try:
            import processing
        except ImportError:
            QMessageBox.warning(self.iface.mainWindow(), tr("CAIM change detection"),
                                tr("The Processing plugin is not enabled: enable it (Plugins > Manage and Install "
                                "Plugins > Installed > Processing) to run %s.") % alg_id)
            return
        processing.execAlgorithmDialog(alg_id, self.algorithm_defaults(alg_id, points))

    def chip_reader(self):
        """The :class:`~caim_qgis_plugin.chip_view.ChipReader` of the pixel inspector and the labelling panel: each
        date's stretch limits read once for both (each panel read them on its own first click of a run)."""
        if self._chip_reader is None:
            from caim_qgis_plugin.chip_view import ChipReader

            self._chip_reader = ChipReader()
        return self._chip_reader

    def show_label_dock(self):
        """The sample labelling panel (created once), docked on the right."""
        if self.label_dock is None:
            from caim_qgis_plugin.label_dock import LabelDock

            self.label_dock = LabelDock(self.iface, self.iface.mainWindow(),
                                        on_assess=lambda layer: self.open_algorithm(ASSESS_ID, layer),
                                        reader=self.chip_reader())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.label_dock)
        self.label_dock.refresh_layers()
        if self.inspect_dock is not None:  # the inspector may show the map's answer: label blind there too
            self.inspect_dock.blind.setChecked(True)
        self.label_dock.show()
        self.label_dock.raise_()

    def toggle_inspect(self, checked):
        canvas = self.iface.mapCanvas()
        if checked:
            if self.inspect_tool is None:
                from caim_qgis_plugin.inspect_tool import InspectDock, InspectTool

                self.inspect_dock = InspectDock(self.iface.mainWindow(), reader=self.chip_reader())
                self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspect_dock)
                self.inspect_tool = InspectTool(canvas, self.iface, self.inspect_dock)
                self.inspect_tool.setAction(self.inspect_action)
            self.inspect_dock.show()
            canvas.setMapTool(self.inspect_tool)
        elif self.inspect_tool is not None and canvas.mapTool() is self.inspect_tool:
            canvas.unsetMapTool(self.inspect_tool)
