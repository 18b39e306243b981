"""Processing algorithms for the accuracy assessment of a change map (model_core.accuracy):

* ``caim:samplechangemap`` draws a stratified random sample of a change map to label;
* ``caim:assessaccuracy`` estimates each class's area and the map's accuracies, with 95 % confidence
  intervals, from the labelled sample (Olofsson et al. 2014's good practice);
* ``caim:comparewithreference`` compares a change map pixel by pixel with a wall-to-wall reference raster
  (model_core.compare).

All are thin: they turn layers into file names on the main thread and call the engine.
"""

import html
import json
import math
import os

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.core import (
    QgsEditorWidgetSetup,
    QgsMarkerSymbol,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsProviderRegistry,
    QgsRuleBasedRenderer,
)

from caim_qgis_plugin.algorithm import help_for_the_platform, parameter_text, with_help
from caim_qgis_plugin.i18n import engine_language
from caim_qgis_plugin.inputs import layer_source
from caim_qgis_plugin.paths import icon_path


def tr(text):
    return QCoreApplication.translate("CaimAccuracy", text)


def _vector_source(layer):
    """(path, layer name or None) of a file-based vector layer."""
    decoded = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return decoded.get("path") or layer.source().split("|")[0], decoded.get("layerName") or None


def labelled_points(path, field="reference"):
    """How many points of the vector file ``path`` have a value in ``field`` (0 when the file or the
    field is not there, or cannot be read)."""
    from osgeo import ogr

    if not os.path.isfile(path):
        return 0
    ds = ogr.Open(path)
    if ds is None:
        return 0
    try:
        n = 0
        for i in range(ds.GetLayerCount()):
            layer = ds.GetLayer(i)
            if layer.GetLayerDefn().GetFieldIndex(field) < 0:
                continue
            n += sum(1 for f in layer if f.IsFieldSetAndNotNull(field) and str(f.GetField(field)).strip() != "")
        return n
    finally:
        ds = None


class _Base(QgsProcessingAlgorithm):
    def group(self):
        return tr("Accuracy assessment")

    def groupId(self):  # noqa: N802
        return "accuracy"

    def icon(self):
        return QIcon(icon_path())

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's own check, with its generic "Incorrect parameter value for POINTS" (MAP, REFERENCE, ...)
        for a path that is neither a file nor a loaded layer replaced by one that names the path."""
        engine_language()  # the engine's messages in QGIS's language
        from caim_qgis_plugin.inputs import layer_list_problem

        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            for definition in self.parameterDefinitions():
                name, value = definition.name(), parameters.get(definition.name())
                # (layers only: qgis_process gives N=1 as the text '1', which was said to be no file nor layer)
                if definition.type() not in ("raster", "source", "vector", "layer"):
                    continue
                if message.rstrip(".").endswith(" " + name) and isinstance(value, str) and value \
                        and not os.path.exists(value.split("|")[0]):
                    return False, layer_list_problem(value, name, context) or message
            from caim_qgis_plugin.algorithm import number_refused

            return False, number_refused(message, parameters, self.parameterDefinitions()) or message
        return ok, message

    def _map_path(self, parameters, name, context, what=None):
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(what or tr("Choose a change map (a raster layer)."))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(tr("'%s' is not a file-based raster; export it as GeoTIFF first.")
                                         % layer.name())
        return layer_source(layer)


def _number(value):
    """A plain Python float of an engine figure (numpy's float64 does not convert to a QVariant, so
    qgis_process would print nothing and a model could not use it)."""
    return None if value is None else float(value)


def make_output_folder(path):
    """Create the folder of the output file ``path`` (:func:`model_core.predict.make_folders`), as a
    QgsProcessingException saying why when it cannot be (e.g. a part of the path is a file)."""
    from model_core.errors import CaimError
    from model_core.predict import make_folders

    folder = os.path.dirname(os.path.abspath(path))
    try:
        make_folders(folder)
    except CaimError as exc:
        raise QgsProcessingException(tr("Cannot create the folder '%s' for the output '%s': %s") % (
            folder, os.path.basename(path), exc)) from None


def _class_order(item):
    """Classes in order, 'changed, interval unknown' (-1) last."""
    return (item[0] < 0, item[0])


def setup_sample_layer(layer, labels):
    """Make a sample layer pleasant to label: the reference field offers the map's classes by name
    (a value map), unlabelled points are drawn hollow and labelled ones filled."""
    from model_core.accuracy import CHANGED_UNKNOWN, CHANGED_UNKNOWN_LABEL

    idx = layer.fields().indexOf("reference")
    if idx < 0:
        return
    labels = dict(labels)
    if max(labels, default=0) > 1:  # a moment map: a change whose interval cannot be told can still be labelled
        labels[CHANGED_UNKNOWN] = CHANGED_UNKNOWN_LABEL
    layer.setEditorWidgetSetup(idx, QgsEditorWidgetSetup(
        "ValueMap", {"map": [{"%d: %s" % (c, label): c} for c, label in sorted(labels.items(), key=_class_order)]}))
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, props, label in (
            ('"reference" IS NULL', {"name": "circle", "color": "255,255,255,0", "outline_color": "255,0,255",
                                     "outline_width": "0.6", "size": "3.2"}, tr("to label")),
            ("ELSE", {"name": "circle", "color": "255,0,255", "outline_color": "255,255,255", "size": "3.2"},
             tr("labelled"))):
        root.appendChild(QgsRuleBasedRenderer.Rule(QgsMarkerSymbol.createSimple(props), 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.triggerRepaint()


class SampleStyler(QgsProcessingLayerPostProcessorInterface):
    """Applies :func:`setup_sample_layer` when Processing loads the sample (toolbox and model runs)."""

    _alive = []  # Processing does not own Python post-processors: keep them referenced

    def __init__(self, labels):
        super().__init__()
        self.labels = dict(labels)
        SampleStyler._alive.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        setup_sample_layer(layer, self.labels)
        if layer.providerType() == "ogr" and layer.source().split("|")[0].lower().endswith(".gpkg"):
            # saveStyleToDatabaseV2 where QGIS has it (the old name is deprecated there), else the old one
            save = getattr(layer, "saveStyleToDatabaseV2", None) or layer.saveStyleToDatabase
            save("caim sample", "value map of the reference classes", True, "")


def class_labels(map_path, info=None):
    """{class: name} for the value map: every category the raster names (a CAIM moment map names no
    change and every interval), else the classes it holds (``info``: the map's ``read_map``, if read)."""
    from osgeo import gdal

    from model_core.accuracy import class_names, read_map

    info = info or read_map(map_path)
    ds = gdal.Open(map_path)
    names = class_names(ds)  # the category names, else (no .aux.xml) the CAIM metadata's intervals
    ds = None
    labels = {i: n for i, n in enumerate(names) if n and i != info.nodata}
    for c in info.classes:
        labels.setdefault(c, info.label(c))
    return labels


@help_for_the_platform
class SampleChangeMapAlgorithm(_Base):
    INPUT, N, N_UNCHANGED, SIZES, SEED, OUTPUT = "INPUT", "N", "N_UNCHANGED", "SIZES", "SEED", "OUTPUT"

    def name(self):
        return "samplechangemap"

    def displayName(self):  # noqa: N802
        return tr("Draw an accuracy-assessment sample of a change map")

    def createInstance(self):  # noqa: N802
        return SampleChangeMapAlgorithm()

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Draws a stratified random sample of pixels of a change map, the strata being the map's classes "
            "(change moment: no change and each interval; change area: unchanged, changed), and writes them as "
            "points with the fields id, map_class, map_label and an empty <b>reference</b>.\n\n"
            "Label each point from reference data (higher-resolution imagery, the inputs, field visits) "
            "without looking at the map's class: the map's codes, 0 = no change, k = the last change happened "
            "between date k and date k+1, -1 = changed but the interval cannot be told (or 1 = changed for an "
            "area map); <i>Label the sample points</i> in the plugin's menu steps through them.  Then run "
            "<i>Estimate change area "
            "and accuracy from a labelled sample</i>.\n\n"
            "<b>Points per change class</b>: 50 by default.  <b>Points where the map says no change</b>: 4 times "
            "as many by default, because the changes the map missed hide there, a few per hundred pixels; with "
            "few points there the confidence intervals of the change area are too narrow (see the README).  "
            "<b>Per-class sizes</b>: optional CLASS:N pairs overriding both, e.g. 0:400,3:80.  A class with "
            "fewer pixels gives them all.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, tr("Change map (moment or area)")))
        self.addParameter(with_help(QgsProcessingParameterNumber(
            self.N, tr("Points per change class"), QgsProcessingParameterNumber.Integer, 50, False, 2, 100000),
            tr("50 (the default): points drawn in each class of the map that says change.")))
        # short labels: the dialog's parameter panel is 376-390 px wide at the size QGIS first opens it
        self.addParameter(with_help(QgsProcessingParameterNumber(
            self.N_UNCHANGED, tr("Points where the map says no change"),
            QgsProcessingParameterNumber.Integer, None, True, 2, 1000000),
            tr("Empty: 4 times the points per change class (the changes the map missed hide there).")))
        self.addParameter(QgsProcessingParameterString(self.SIZES, tr("Per-class sizes, e.g. 0:400,3:80"),
                                                       optional=True))
        self.addParameter(with_help(QgsProcessingParameterNumber(
            self.SEED, tr("Random seed"), QgsProcessingParameterNumber.Integer, 0, False, 0),
            tr("0 (the default): the same map and seed give the same points; another seed draws another sample.")))
        self.addParameter(QgsProcessingParameterVectorDestination(self.OUTPUT, tr("Sample points to label"),
                                                                  QgsProcessing.TypeVectorPoint))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        engine_language()  # the engine's messages in QGIS's language
        from model_core.accuracy import parse_sizes, read_map, stratified_sample
        from model_core.errors import CaimError

        map_path = self._map_path(parameters, self.INPUT, context)
        out = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        labelled = labelled_points(out)
        if labelled:  # Processing writes over its outputs; hours of labelling must not go that way
            raise QgsProcessingException(
                (tr("'%s' holds a sample with %d labelled point: a new sample there would erase the labels. "
                    "Choose another file for the new sample (or delete that one first).") if labelled == 1 else
                 tr("'%s' holds a sample with %d labelled points: a new sample there would erase the labels. "
                    "Choose another file for the new sample (or delete that one first).")) % (out, labelled))
        make_output_folder(out)
        n0 = parameters.get(self.N_UNCHANGED)
        n0 = None if n0 in (None, "") else self.parameterAsInt(parameters, self.N_UNCHANGED, context)
        try:
            info = read_map(map_path)
            drawn = stratified_sample(map_path, out, n=self.parameterAsInt(parameters, self.N, context),
                                      sizes=parse_sizes(parameter_text(self, parameters, self.SIZES, context)),
                                      seed=self.parameterAsInt(parameters, self.SEED, context), overwrite=True,
                                      n_unchanged=n0, info=info)
        except CaimError as exc:
            raise QgsProcessingException(str(exc)) from None
        for c, k in drawn.items():
            every = tr(" (every pixel of the class)") if k == info.counts[c] else ""
            # (one point had "class 3: 1 points", "1 Punkte", "1 puntos")
            feedback.pushInfo(tr("%s: 1 point%s") % (info.label(c), every) if k == 1 else
                              tr("%s: %d points%s") % (info.label(c), k, every))
        feedback.pushInfo(tr("Fill in 'reference' for every point, then estimate the area and accuracy."))
        self._labels = class_labels(map_path, info)
        self._out = out
        return {self.OUTPUT: out}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        out = getattr(self, "_out", None)
        if out and context.willLoadLayerOnCompletion(out):
            context.layerToLoadOnCompletionDetails(out).setPostProcessor(SampleStyler(self._labels))
        return {}


@help_for_the_platform
class AssessAccuracyAlgorithm(_Base):
    MAP, POINTS, FIELD, BINARY, REPORT, STRATA = "MAP", "POINTS", "FIELD", "BINARY", "REPORT", "STRATA"
    COMPARE = "COMPARE"
    OVERALL, RESULTS, SUMMARY = "OVERALL_ACCURACY", "RESULTS", "SUMMARY"

    def name(self):
        return "assessaccuracy"

    def displayName(self):  # noqa: N802
        return tr("Estimate change area and accuracy from a labelled sample")

    def createInstance(self):  # noqa: N802
        return AssessAccuracyAlgorithm()

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Estimates, from sample points drawn with <i>Draw an accuracy-assessment sample of a change map</i> "
            "and labelled, the area of each class with its 95 % confidence interval, the overall accuracy and "
            "each class's user's and producer's accuracy, and the error matrix in proportions of the mapped "
            "area, with the stratified estimator of Olofsson et al. (2014), 'Good practices for estimating "
            "area and assessing accuracy of land change'.  The map's own pixel count of a change is biased by "
            "its errors; these estimates are not.\n\n"
            "<b>Change map</b>: the map the sample was drawn from (its classes are the strata).  <b>Reference "
            "field</b>: the class each point really is (0 = no change, k = change between date k and k+1, -1 = "
            "changed, interval unknown: counted only with Changed / unchanged only); points with an empty field "
            "are left out.  <b>Changed / unchanged only</b>: collapse the classes "
            "into unchanged (0) and changed (any other), e.g. when the points were labelled only for change.  "
            "Every map class needs at least 2 labelled points.  <b>Map the sample was drawn from</b> (advanced): "
            "to score another map of the same grid (another method's run) with the same sample, give the map "
            "the sample was drawn from here: its classes stay the strata.  <b>Compare with another map</b> "
            "(advanced): the overall accuracy of the change map minus that of another map of the same grid, "
            "with a 95 % interval from the same points (paired, so much tighter than the two accuracies' own "
            "intervals): whether one method or setting is better on your imagery.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.MAP, tr("Change map the sample was drawn from")))
        self.addParameter(QgsProcessingParameterVectorLayer(self.POINTS, tr("Labelled sample points"),
                                                            [QgsProcessing.TypeVectorPoint]))
        # optional, so that its default applies when FIELD is not given (qgis_process, processing.run):
        # QGIS 3.22 checks a mandatory field parameter's value, not its default; text fields of numbers work too
        self.addParameter(QgsProcessingParameterField(self.FIELD, tr("Reference field"), "reference", self.POINTS,
                                                      QgsProcessingParameterField.Any, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.BINARY, tr("Changed / unchanged only"), False))
        # short labels: the dialog's parameter panel is 376-390 px wide at the size QGIS first opens it
        strata = with_help(QgsProcessingParameterRasterLayer(
            self.STRATA, tr("Map the sample was drawn from"), optional=True),
            tr("To score another map of the same grid with this sample: give that map as the change map above "
               "and the map the sample was drawn from here (its classes stay the strata)."))
        strata.setFlags(strata.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(strata)
        compare = with_help(QgsProcessingParameterRasterLayer(
            self.COMPARE, tr("Compare with another map"), optional=True),
            tr("Another map of the same grid: the difference of the two overall accuracies, paired on the "
               "same points."))
        compare.setFlags(compare.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(compare)
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Report"), tr("HTML files (*.html)"),
                                                                optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.OVERALL, tr("Overall accuracy")))
        self.addOutput(QgsProcessingOutputString(self.RESULTS, tr("Estimates (JSON)")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))

    @staticmethod
    def _words():
        """How the engine's advice names the parameters: this dialog's names, in QGIS's language where shown and in
        English in the JSON record (the command line's words are its options)."""
        from model_core.i18n import Said

        drawn_from = "Map the sample was drawn from"
        return {"strata": Said("with this map as '%s'" % drawn_from,
                               tr("with this map as '%s'") % tr("Map the sample was drawn from")),
                "binary": Said("'Changed / unchanged only'", "'%s'" % tr("Changed / unchanged only")),
                "strata_param": Said("as the advanced parameter '%s'" % drawn_from,
                                     tr("as the advanced parameter '%s'") % tr("Map the sample was drawn from"))}

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        engine_language()  # the engine's messages in QGIS's language
        from model_core.accuracy import assess
        from model_core.errors import CaimError

        from caim_qgis_plugin.algorithm import refuse_report_name

        refuse_report_name(self, self.REPORT, self.parameterAsFileOutput(parameters, self.REPORT, context))
        map_path = self._map_path(parameters, self.MAP, context)
        layer = self.parameterAsVectorLayer(parameters, self.POINTS, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(tr("Choose the labelled sample points."))
        if layer.isEditable() and layer.isModified():
            raise QgsProcessingException(tr("'%s' has unsaved edits: save them (Toggle Editing, Save) so the "
                                            "labels are read.") % layer.name())
        path, name = _vector_source(layer)
        field = self.parameterAsString(parameters, self.FIELD, context) or "reference"
        strata = self._map_path(parameters, self.STRATA, context) if parameters.get(self.STRATA) else None
        compare = self._map_path(parameters, self.COMPARE, context) if parameters.get(self.COMPARE) else None
        try:
            res = assess(map_path, path, field, binary=self.parameterAsBoolean(parameters, self.BINARY, context),
                         layer_name=name, strata_path=strata, compare_path=compare,
                         words=self._words())
        except CaimError as exc:
            raise QgsProcessingException(str(exc)) from None
        text = res.text()
        feedback.pushInfo(text)
        for warning in res.shown_warnings():  # (in QGIS's language; its JSON keeps them in English)
            feedback.pushWarning(warning)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            make_output_folder(report)
            from model_core.staging import write_text

            try:  # through a hidden folder beside it: never a half-written page under the user's name
                write_text(report, html_report(res, map_path, path), ".caim-report-")
            except CaimError as exc:
                raise QgsProcessingException(str(exc)) from None
            except OSError as exc:
                raise QgsProcessingException(tr("Cannot write the report '%s' (%s). Choose another file.") % (
                    report, exc.strerror or exc)) from None
        return {self.OVERALL: _number(res.overall), self.RESULTS: json.dumps(res.to_dict()), self.SUMMARY: text,
                self.REPORT: report or None}


@help_for_the_platform
class CompareWithReferenceAlgorithm(_Base):
    MAP, REFERENCE, BINARY, REFERENCE_NODATA = "MAP", "REFERENCE", "BINARY", "REFERENCE_NODATA"
    CHANGED_VALUES, OUTPUT_CSV = "CHANGED_VALUES", "OUTPUT_CSV"
    KAPPA, OA, F1, REPORT = "KAPPA", "OA", "F1", "REPORT"

    def name(self):
        return "comparewithreference"

    def displayName(self):  # noqa: N802
        return tr("Compare a change map with a reference map")

    def createInstance(self):  # noqa: N802
        return CompareWithReferenceAlgorithm()

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Compares a change map pixel by pixel with a wall-to-wall reference raster (a digitised change "
            "mask, a national change product, a benchmark's label raster) and reports the changed / unchanged "
            "confusion counts, overall accuracy, precision, recall, F1 and kappa of changed, and the changed "
            "area of the map and of the reference in hectares; when the reference is a change-moment map, also "
            "the overall accuracy, kappa, macro F1 and F1 of each interval and the full confusion matrix.  The "
            "figures are those of <i>evaluate</i> on the same pixels.\n\n"
            "<b>Change map</b>: change_moment.tif or change_area.tif of a run (0 no change, k = interval k, 255 "
            "nodata), or any class raster with these codes.  <b>Reference map</b>: any grid and CRS; it is "
            "warped onto the change map's grid with nearest neighbour.  Pixels where either is nodata, or "
            "outside the reference, are left out and counted.  <b>Reference is a change mask</b>: changed = "
            "any non-zero value (automatic when the reference holds only 0 and one other value, e.g. 0/1 or "
            "0/255); otherwise the reference numbers the intervals as the map does (0 no change, k = the last "
            "change between date k and k+1).  <b>Reference values that mean changed</b> (optional, e.g. 2,3): "
            "only these count as changed (a mask).  <b>Reference nodata value</b> (optional): replaces the "
            "reference's own nodata value.  <b>CSV</b> (optional): the figures as a table.\n\n"
            "The comparison is only as good as the reference's own accuracy and its co-registration with the "
            "map: misregistration by a pixel counts every change boundary twice.  For estimates of area and "
            "accuracy with confidence intervals from a labelled sample, use the other two algorithms of this "
            "group.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.MAP, tr("Change map (moment or area)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.REFERENCE, tr("Reference map (any grid and CRS)")))
        # short labels: the dialog's parameter panel is 376-390 px wide at the size QGIS first opens it
        self.addParameter(with_help(QgsProcessingParameterBoolean(
            self.BINARY, tr("Reference is a change mask"), False),
            tr("Changed = any non-zero value (automatic when the reference holds only 0 and one other value).")))
        self.addParameter(with_help(QgsProcessingParameterNumber(
            self.REFERENCE_NODATA, tr("Reference nodata value"), QgsProcessingParameterNumber.Double, None, True),
            tr("Empty: the reference's own nodata value.")))
        self.addParameter(with_help(QgsProcessingParameterString(
            self.CHANGED_VALUES, tr("Reference values that mean changed"), optional=True),
            tr("Comma-separated, e.g. 2,3: only these values of the reference count as changed.")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_CSV, tr("Comparison table (CSV)"), tr("CSV files (*.csv)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.KAPPA, tr("Kappa of changed / unchanged")))
        self.addOutput(QgsProcessingOutputNumber(self.OA, tr("Overall accuracy of changed / unchanged")))
        self.addOutput(QgsProcessingOutputNumber(self.F1, tr("F1 of changed")))
        self.addOutput(QgsProcessingOutputString(self.REPORT, tr("Report")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        engine_language()  # the engine's messages in QGIS's language
        from model_core.compare import compare, write_csv
        from model_core.errors import CaimError

        map_path = self._map_path(parameters, self.MAP, context)
        ref_path = self._map_path(parameters, self.REFERENCE, context, tr("Choose a reference map (a raster layer)."))
        nodata = parameters.get(self.REFERENCE_NODATA)
        nodata = None if nodata in (None, "") else self.parameterAsDouble(parameters, self.REFERENCE_NODATA, context)
        out = self.parameterAsFileOutput(parameters, self.OUTPUT_CSV, context) if parameters.get(self.OUTPUT_CSV) \
            else None
        try:
            res = compare(map_path, ref_path, binary=self.parameterAsBoolean(parameters, self.BINARY, context),
                          reference_nodata=nodata,
                          changed_values=parameter_text(self, parameters, self.CHANGED_VALUES, context) or None,
                          progress=lambda f: feedback.setProgress(100.0 * f), cancel=feedback.isCanceled)
            if out:
                make_output_folder(out)
                write_csv(res, out, overwrite=True)  # the file dialog asked before replacing
        except CaimError as exc:
            raise QgsProcessingException(str(exc)) from None
        text = res.text()
        feedback.pushInfo(text)
        return {self.KAPPA: _number(res.kappa), self.OA: _number(res.oa), self.F1: _number(res.f1), self.REPORT: text,
                self.OUTPUT_CSV: out}


def html_report(res, map_path, points_path):
    """The estimates as a small HTML page (tables; opens in QGIS's results viewer and any browser), in QGIS's
    language with its decimal mark (the engine's language, which processAlgorithm set from QGIS's), as the run
    report is; its JSON record (RESULTS) stays English."""
    from model_core.accuracy import shown_class
    from model_core.i18n import localize_number

    def num(v, digits=3):
        return tr("n/a") if v is None or (isinstance(v, float) and math.isnan(v)) else \
            localize_number("%.*f" % (digits, v))

    def ci(se, digits=3):
        return "± " + num(res.ci(se), digits) if not math.isnan(se) else ""

    esc = html.escape

    def said(text):  # a text of the page (apostrophes as they are)
        return html.escape(text, quote=False)
    rows = "".join("<tr><td>%s</td><td>%s</td><td>%s %s</td><td>%s %s</td><td>%s %s</td></tr>" % (
        esc(shown_class(res.labels[c])), num(res.map_area[c], 2), num(res.area[c], 2), ci(res.area_se[c], 2),
        num(res.users[c]), ci(res.users_se[c]), num(res.producers[c]), ci(res.producers_se[c]))
        for c in res.classes)
    head = "".join("<th>%s</th>" % esc(shown_class(res.labels[c])) for c in res.classes)
    counts = "".join("<tr><th>%s</th>%s</tr>" % (esc(shown_class(res.labels[c])), "".join("<td>%d</td>" % v for v in res.counts[i]))
                     for i, c in enumerate(res.classes))
    props = "".join("<tr><th>%s</th>%s</tr>" % (esc(shown_class(res.labels[c])), "".join("<td>%s</td>" % num(v, 4)
                                                                            for v in res.proportions[i]))
                    for i, c in enumerate(res.classes))
    notes = "".join("<p><b>%s</b> %s</p>" % (said(tr("Warning:")), esc(n)) for n in res.shown_warnings()) + \
        "".join("<p>%s %s</p>" % (said(tr("Note:")), esc(n)) for n in res.shown_notes())
    compared = ""
    if res.comparison:
        other, d, se = res.comparison
        compared = "<br>" + tr("minus that of %s: %s %s (paired, same points)") % (
            esc(other), localize_number("%+.3f" % d), ci(se))
    return """<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>
<style>body{font-family:sans-serif} table{border-collapse:collapse;margin-bottom:1em}
td,th{border:1px solid #999;padding:3px 8px;text-align:right} th{background:#eee}</style></head><body>
<h2>%s</h2>
<p>%s<br>%s<br>
%s</p>
<p><b>%s</b>%s</p>
<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>
<th>%s</th></tr>%s</table>
<p>%s</p>
<table><tr><th></th>%s</tr>%s</table>
<p>%s</p>
<table><tr><th></th>%s</tr>%s</table>%s</body></html>
""" % (said(tr("Change map accuracy")), said(tr("Change area and accuracy from a labelled sample")),
       tr("Map: %s") % esc(map_path),
       tr("Sample: %s (%d labelled points; %d without a label and %d outside the map or on nodata left out)") % (
           esc(points_path), res.labelled, res.unlabelled, res.outside),
       said(tr("Stratified estimator (Olofsson et al. 2014); ± = 95 % confidence interval (1.96 standard errors).")),
       tr("Overall accuracy: %s %s") % (num(res.overall), ci(res.overall_se)), compared,
       said(tr("class")), said(tr("map area (%s)") % res.unit), said(tr("estimated area (%s)") % res.unit),
       said(tr("user's accuracy")), said(tr("producer's accuracy")), rows,
       said(tr("Error matrix, sample counts (rows: map class, columns: reference class)")), head, counts,
       said(tr("Error matrix, estimated proportions of the mapped area")), head, props, notes)
