"""Processing algorithm ``caim:changebyzones``: how much changed, and when, in each field, parcel or district
(model_core.zones).  Thin: it turns the layers into file names on the main thread and calls the engine."""

import os

from qgis.core import (
    QgsFillSymbol,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputString,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsRuleBasedRenderer,
    QgsVectorFileWriter,
)

from caim_qgis_plugin.accuracy_algorithms import _Base, make_output_folder
from caim_qgis_plugin.algorithm import help_for_the_platform, with_help
from caim_qgis_plugin.i18n import engine_language, translator
from caim_qgis_plugin.inputs import layer_source

tr = translator("CaimZones")

# the changed share's classes on the map: (expression, fill colour or None for outline only, legend)
SHARE_CLASSES = (
    ('"pct_changed" = 0', None, "0 %"),
    ('"pct_changed" > 0 AND "pct_changed" <= 1', "254,229,217", "0 - 1 %"),
    ('"pct_changed" > 1 AND "pct_changed" <= 5', "252,174,145", "1 - 5 %"),
    ('"pct_changed" > 5 AND "pct_changed" <= 20', "251,106,74", "5 - 20 %"),
    ('"pct_changed" > 20 AND "pct_changed" <= 50', "222,45,38", "20 - 50 %"),
    ('"pct_changed" > 50', "165,15,21", "50 - 100 %"),
)
# the layer's opacity: the change map and the imagery under the zones stay in view (fills of 78-90 % hid them);
# the legend keeps the classes' full colours, and the Layer Properties' opacity slider makes a print map opaque
ZONES_OPACITY = 0.55


def style_zones(layer):
    """The zones filled by their changed share (outline only: no change, light to dark red: more), outlined in
    grey, at :data:`ZONES_OPACITY`; zones without a mapped pixel hollow and dashed."""
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, colour, label in SHARE_CLASSES:
        fill = {"color": colour, "style": "solid"} if colour else {"style": "no"}
        symbol = QgsFillSymbol.createSimple(dict(fill, outline_color="90,90,90", outline_width="0.3"))
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    hollow = QgsFillSymbol.createSimple({"style": "no", "outline_color": "120,120,120", "outline_width": "0.3",
                                         "outline_style": "dash"})
    root.appendChild(QgsRuleBasedRenderer.Rule(hollow, 0, 0, "ELSE", tr("not mapped (no data, outside the map)")))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setOpacity(ZONES_OPACITY)
    layer.triggerRepaint()


class ZonesStyler(QgsProcessingLayerPostProcessorInterface):
    """Applies :func:`style_zones` when Processing loads the output (toolbox and model runs)."""

    _alive = []  # Processing does not own Python post-processors: keep them referenced

    def __init__(self):
        super().__init__()
        ZonesStyler._alive.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        style_zones(layer)


def zones_source(layer, context, selected=False):
    """(path, layer name or None, whether a copy) of the zones for the engine: the layer's own file when it is
    one OGR layer as it is on disk, else (a memory or database layer, a filtered layer, unsaved edits, or only
    its ``selected`` features) a GeoPackage copy."""
    if layer.providerType() == "ogr" and not layer.subsetString() and not selected and not (
            layer.isEditable() and layer.isModified()):
        decoded = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = decoded.get("path") or layer.source().split("|")[0]
        if os.path.isfile(path):
            return path, decoded.get("layerName") or None, False
    path = QgsProcessingUtils.generateTempFilename("zones.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "zones"
    options.onlySelectedFeatures = bool(selected)
    # V3 from QGIS 3.20 (V2 deprecated there), V2 before
    write = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or QgsVectorFileWriter.writeAsVectorFormatV2
    error = write(layer, path, context.transformContext(), options)
    if error[0] != QgsVectorFileWriter.NoError:
        raise QgsProcessingException(tr("Cannot copy the zones '%s' for counting (%s).") % (layer.name(), error[1]))
    return path, "zones", True


@help_for_the_platform
class ChangeByZonesAlgorithm(_Base):
    """(The accuracy tools' base: their icon, and QGIS's "Incorrect parameter value for ZONES" for a path that is
    no file replaced by one that names the path; in the detection's group.)"""
    MOMENT, ZONES, OUTPUT, SUMMARY = "MOMENT", "ZONES", "OUTPUT", "SUMMARY"

    def name(self):
        return "changebyzones"

    def displayName(self):  # noqa: N802
        return tr("Change per zone (field, parcel, district)")

    def group(self):
        return tr("Change detection")

    def groupId(self):  # noqa: N802
        return "changedetection"

    def createInstance(self):  # noqa: N802
        return ChangeByZonesAlgorithm()

    def shortHelpString(self):  # noqa: N802
        return tr(
            "How much changed, and when, in each field, parcel, concession or district: for every polygon of "
            "the zones, in hectares on the ground, the mapped area (<b>ha_valid</b>), the area without data "
            "(<b>ha_nodata</b>), the changed area (<b>ha_changed</b>) and its share of the mapped area in % "
            "(<b>pct_changed</b>), the changed area of every interval (<b>ha_2019_2020</b>, ... named by the "
            "run's dates), the interval with the most change (<b>most_change</b>, <b>most_k</b>) and the last "
            "interval with change (<b>last_change</b>, <b>last_k</b>), and in <b>zone_note</b> why a zone's "
            "figures are empty or partial (empty or invalid geometry, outside or partly outside the map, no "
            "data).  The output is the zones with their own attributes and these fields, coloured by the "
            "changed share.\n\n"
            "<b>Change moment map</b>: change_moment.tif of a run (0 no change, k = the last change between "
            "date k and k+1, 255 nodata).  <b>Zones</b>: polygons in any CRS (reprojected to the map's); "
            "overlapping zones each count the pixels they share; a pixel counts in a zone when its centre is "
            "inside.  The pixel areas are those of the ground, row by row on a geographic grid, as in the run's "
            "summary.") + "\n\n" + tr(
            "<b>zone_note</b> (several notes are joined by '; '): <tt>empty geometry</tt>, <tt>not a polygon</tt> "
            "(points or lines), <tt>invalid geometry</tt> (MakeValid could not repair it) and <tt>cannot be placed "
            "in the map's CRS</tt>: not counted; <tt>outside the map</tt>: no part of the zone is on the map; <tt>no "
            "pixel centre inside</tt>: the zone's part in the map holds no pixel centre (smaller or thinner than a "
            "pixel); <tt>no data</tt>: only nodata pixels of the map inside; <tt>partly outside the map</tt>: the "
            "part outside is not counted; <tt>invalid geometry, repaired</tt>: repaired with MakeValid, then "
            "counted.")

    def initAlgorithm(self, config=None):  # noqa: N802
        # short labels: the dialog's parameter panel is 376-390 px wide at the size QGIS first opens it
        self.addParameter(with_help(QgsProcessingParameterRasterLayer(self.MOMENT, tr("Change moment map")),
                                    tr("change_moment.tif of a run: 0 no change, k = the last change between "
                                       "date k and k+1, 255 nodata; its intervals are named in its metadata.")))
        # a feature source: the dialog's "Selected features only" (the engine repairs invalid geometries and
        # notes them, so the zones are read as a layer, past Processing's geometry check)
        self.addParameter(with_help(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Zones (fields, parcels, districts)"), [QgsProcessing.TypeVectorPolygon]),
            tr("Polygons in any CRS. Overlapping zones each count the pixels they share.")))
        self.addParameter(QgsProcessingParameterVectorDestination(self.OUTPUT, tr("Change per zone"),
                                                                  QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        engine_language()  # the engine's messages in QGIS's language
        from model_core.errors import CaimError
        from model_core.zones import change_by_zones

        moment = self.parameterAsRasterLayer(parameters, self.MOMENT, context)
        if moment is None or not moment.isValid():
            raise QgsProcessingException(tr("Choose a change moment map (change_moment.tif of a run)."))
        if moment.providerType() != "gdal":
            raise QgsProcessingException(tr("'%s' is not a file-based raster; export it as GeoTIFF first.")
                                         % moment.name())
        value = parameters.get(self.ZONES)
        selected = isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly
        if isinstance(value, QgsProcessingFeatureSourceDefinition):  # the layer of "Selected features only"
            zones = QgsProcessingUtils.mapLayerFromString(value.source.valueAsString(context.expressionContext())[0],
                                                          context)
        else:
            zones = self.parameterAsVectorLayer(parameters, self.ZONES, context)
        if zones is None or not zones.isValid():
            raise QgsProcessingException(tr("Choose the zones (a polygon layer)."))
        if selected and not zones.selectedFeatureCount():
            raise QgsProcessingException(tr("No feature of '%s' is selected: select the zones to count, or untick "
                                            "Selected features only.") % zones.name())
        path, layer_name, copied = zones_source(zones, context, selected)
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        make_output_folder(out)
        try:
            res = change_by_zones(layer_source(moment), path, out, layer_name=layer_name, overwrite=True,
                                  progress=lambda f: feedback.setProgress(100.0 * f), cancel=feedback.isCanceled)
        except CaimError as exc:
            raise QgsProcessingException(str(exc)) from None
        if copied:  # the summary names the user's layer, not the temporary copy counted
            res.zones_path = zones.name()  # (its count says how many were selected)
            res.layer_name = ""
        text = res.text()
        feedback.pushInfo(text)
        self._out = out
        return {self.OUTPUT: out, self.SUMMARY: text}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        out = getattr(self, "_out", None)
        if out and context.willLoadLayerOnCompletion(out):
            context.layerToLoadOnCompletionDetails(out).setPostProcessor(ZonesStyler())
        return {}
