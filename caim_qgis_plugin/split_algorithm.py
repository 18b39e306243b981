"""``caim:splitdates``: a multi-date raster (every date's bands in one file, e.g. a Google Earth Engine
export) split into one VRT per date (model_core.stacked), loaded as layers in date order for the
change detection.  Thin: the engine does the work."""

import os

from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingUtils,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from caim_qgis_plugin.algorithm import DetectChangesAlgorithm, help_for_the_platform, parameter_text, with_help
from caim_qgis_plugin.i18n import engine_language
from caim_qgis_plugin.inputs import layer_source

ORDERS = [None, "date", "band"]  # BAND_ORDER's options: from the band names (else date by date), date, band


def tr(text):
    return QCoreApplication.translate("CaimSplit", text)


def default_folder(layer):
    """A new folder beside the layer's file for its dates' VRTs (``<name>_dates``, ``<name>_dates_2``, ...),
    or None when the layer is not a file in a folder you can write to.  Processing's own default, a
    temporary folder, is deleted when QGIS closes: a project saved with the date layers would lose them."""
    source = layer_source(layer) if layer is not None else ""
    try:  # the file of a NetCDF variable (NETCDF:"cube.nc":ndvi) too, as caim:detectchanges splits it beside it
        from model_core.stacked import dates_folder_name, source_file
    except ImportError:  # no engine: the split itself says so
        return None
    file_of = source_file(source) if source else None
    folder = os.path.dirname(file_of) if file_of else ""
    if not folder or not os.access(folder, os.W_OK):
        return None
    # the name caim:detectchanges and the dialog's Run give it, so that they use this split again
    stem = dates_folder_name(source)
    candidate, k = os.path.join(folder, stem), 2
    while os.path.exists(candidate):
        candidate, k = os.path.join(folder, "%s_%d" % (stem, k)), k + 1
    return candidate


def temporary_folder_warning(folder):
    """The warning for date VRTs written into QGIS's temporary folder (Processing's default output), deleted when
    QGIS closes; None for another folder (caim:splitdates, caim:stackbands)."""
    temporary = os.path.abspath(QgsProcessingUtils.tempFolder())
    if not os.path.abspath(folder).startswith(temporary + os.sep):
        return None
    return tr("The VRTs are in QGIS's temporary folder, which is deleted when QGIS closes: to keep the date "
              "layers in a saved project, run this again with a folder of your own.")


def model_intermediate(parameters, name):
    """Whether the folder parameter ``name`` is a graphical model's intermediate output: a child's output that is
    no output of the model gets a folder generated in QGIS's temporary folder (generateTemporaryDestination:
    <temporary folder>/<id>/OUTPUT), where a toolbox run, qgis_process or a model output left to a temporary
    folder gives 'TEMPORARY_OUTPUT' and a folder of your own a path of yours.  Its date layers are not loaded
    into the project (the model's steps share its context: a model stackbands -> detectchanges loaded every
    stacked date and mask from a folder that goes when QGIS closes), nor warned about."""
    value = parameters.get(name)
    if not isinstance(value, str) or os.path.basename(value) != name:
        return False
    return os.path.dirname(os.path.dirname(os.path.abspath(value))) == os.path.abspath(QgsProcessingUtils.tempFolder())


@help_for_the_platform
class SplitDatesAlgorithm(QgsProcessingAlgorithm):
    INPUT, BANDS_PER_DATE, BAND_ORDER, DATES = "INPUT", "BANDS_PER_DATE", "BAND_ORDER", "DATES"
    OVERWRITE, OUTPUT, LAYERS, USED_DATES = "OVERWRITE", "OUTPUT", "LAYERS", "USED_DATES"

    def name(self):
        return "splitdates"

    def displayName(self):  # noqa: N802
        return tr("Split a multi-date raster into dates")

    # the toolbox group and icon of the change detection itself
    group, groupId, icon = DetectChangesAlgorithm.group, DetectChangesAlgorithm.groupId, DetectChangesAlgorithm.icon

    def createInstance(self):  # noqa: N802
        return SplitDatesAlgorithm()

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Splits a raster that holds a whole time series as bands (a Google Earth Engine toBands() export, a "
            "gdal_merge.py -separate stack, a data-cube export) into one small virtual raster (VRT) per date, "
            "and adds them to the project as layers named by date. Each VRT reads its bands from the raster, so "
            "nothing is copied; keep the raster where it is. Then select the date layers, in date order, in "
            "<i>Detect changes in a time series</i>.\n\n"
            "<b>Bands per date</b>: all bands of one date, masks and QA bands included (e.g. 5 for B, G, R, NIR "
            "and a QA band). 0 (the default): as many dates as the band names carry, as Earth Engine's do "
            "(20200105T103421_..._B4).\n"
            "<b>Band order</b>: date by date (date 1's bands, then date 2's: Earth Engine's order) or band by "
            "band (every date's band 1, then every date's band 2). Automatic: as the band names' dates say, "
            "else date by date.\n"
            "<b>Dates</b> (optional): one per date, comma-separated, e.g. 2019-06-01,2020-06-01; otherwise "
            "the band names' dates. The VRT names carry the dates, so the change detection reads them.")

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's check, its "Incorrect parameter value for BANDS_PER_DATE" said with the range."""
        from caim_qgis_plugin.algorithm import number_refused

        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return False, number_refused(message, parameters, self.parameterDefinitions()) or message
        return ok, message

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, tr("Multi-date raster")))
        # short labels: the dialog's parameter panel is 376-390 px wide at the size QGIS first opens it
        self.addParameter(with_help(QgsProcessingParameterNumber(
            self.BANDS_PER_DATE, tr("Bands per date (0: from the band names)"),
            QgsProcessingParameterNumber.Integer, 0, False, 0, 10000),
            tr("All bands of one date, QA bands included; 0: as many dates as the band names carry.")))
        self.addParameter(with_help(QgsProcessingParameterEnum(
            self.BAND_ORDER, tr("Band order"),
            [tr("Automatic (band names, else date by date)"),  # a list as wide as its longest option
             tr("Date by date (date 1's bands, then date 2's)"),
             tr("Band by band (band 1 of every date, then 2)")], defaultValue=0),
            tr("0 (the default): from the band names, else date by date; 1: date by date; 2: band by band.")))
        self.addParameter(with_help(QgsProcessingParameterString(
            self.DATES, tr("Dates, comma-separated"), optional=True),
            tr("One per date, e.g. 2019-06-01,2020-06-01; empty: the dates in the band names.")))
        overwrite = QgsProcessingParameterBoolean(
            self.OVERWRITE, tr("Replace VRTs of the same names in the folder"), False)
        overwrite.setFlags(overwrite.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(overwrite)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Folder for the date rasters (VRT)")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.LAYERS, tr("Date rasters")))
        self.addOutput(QgsProcessingOutputString(self.USED_DATES, tr("Dates (comma-separated)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        engine_language()  # the engine's messages in QGIS's language
        from model_core.errors import CaimError
        from model_core.stacked import write_split

        from caim_qgis_plugin.splitting import date_layer_names

        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(tr("Choose the multi-date raster (a raster layer)."))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(tr("'%s' is not a file-based (GDAL) raster; export it as GeoTIFF first.")
                                         % layer.name())
        source = layer_source(layer)
        per_date = self.parameterAsInt(parameters, self.BANDS_PER_DATE, context) or None
        order = ORDERS[self.parameterAsEnum(parameters, self.BAND_ORDER, context)]
        dates = parameter_text(self, parameters, self.DATES, context).strip() or None
        folder = self.parameterAsString(parameters, self.OUTPUT, context)
        from model_core.i18n import option_names

        from caim_qgis_plugin.stackbands_algorithm import processing_option_names

        try:
            with option_names(processing_option_names()):  # (the engine's --overwrite is OVERWRITE here)
                written = write_split(source, folder, per_date, order, dates,
                                      overwrite=self.parameterAsBoolean(parameters, self.OVERWRITE, context))
        except CaimError as exc:
            raise QgsProcessingException(str(exc)) from None
        intermediate = model_intermediate(parameters, self.OUTPUT)
        # the change detection reads a layer's date from its name first: the file's own (ndvi_2020) is left out
        for (path, _date), name in zip(written, date_layer_names(layer.name(), [d for _, d in written])):
            feedback.pushInfo("%s: %s" % (name, path))
            if intermediate:
                continue
            details = QgsProcessingContext.LayerDetails(name, context.project(), self.LAYERS)
            # the dated name, also under Processing's default 'Prefer output filename for layer names', which
            # named them by their files (gee_export_01_2019-05-01) unless they were in the temporary folder
            details.forceName = True
            context.addLayerToLoadOnCompletion(path, details)
        warning = None if intermediate else temporary_folder_warning(folder)
        if warning:
            feedback.pushWarning(warning)  # (qgis_process: a WARNING line; reportError printed ERROR)
        if any(d is None for _, d in written):
            feedback.pushWarning(tr("The band names carry no dates for some dates: give the dates (DATES) here, "
                                    "or in the change detection's Dates."))
        return {self.OUTPUT: folder, self.LAYERS: [p for p, _ in written],
                self.USED_DATES: ",".join(d or "" for _, d in written)}
