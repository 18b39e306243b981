"""Processing algorithm caim:detectchanges -- the one code path of the plugin.

The dialog, the Processing toolbox, graphical models and ``qgis_process`` all run this algorithm.
Layers are turned into plain facts (paths, bands, dates) in :meth:`prepareAlgorithm`, which runs on the
main thread; :meth:`processAlgorithm` (a worker thread in the dialog and toolbox) only sees those facts.
"""

import contextlib
import json
import os
import threading
import traceback
import weakref

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from caim_qgis_plugin import inputs as inp
from caim_qgis_plugin import models as mdl
from caim_qgis_plugin.i18n import engine_language
from caim_qgis_plugin.models import AUTO, MODELS
from caim_qgis_plugin.paths import icon_path
from model_core.coregister import COREGISTER_DEFAULT

DEVICES = ["Auto", "CPU", "CUDA"]
THRESHOLDS = ["otsu", "kittler"]  # the classical methods' area threshold (engine's detect(threshold=...))
BAND_ORDERS = ["auto", "date", "band"]  # a multi-date raster's order (engine's split; auto: from the names)
# the data types of the moment probabilities (engine's detect(probabilities_type=...), PROBABILITY_TYPES there)
PROBABILITY_TYPES = ["float32", "uint16", "byte"]
# a property of the run's feedback set when a run was cancelled: True when it had begun writing (its partial outputs
# were removed), False when it stopped before (the dialog says "nothing was written"; unset: it never began)
PARTIAL_REMOVED = "caim_partial_removed"


def model_titles():
    """{model: title} for the model list; "auto" names the engine's current defaults."""
    return {name: mdl.title(name) for name in mdl.LIST_ORDER}


def tr(text):
    return QCoreApplication.translate("CaimDetectChanges", text)


def with_help(parameter, text):
    """``parameter`` with ``text`` as its help, which the Processing dialog shows in the tooltip of its label
    (QGIS 3.16+), so that the label itself stays short."""
    parameter.setHelp(text)
    return parameter


def option_refused(name, value, options):
    """Why ``name=value`` is not one of ``options`` (names; QGIS checked it against them).  A number is a
    position in the list that ``qgis_process help`` shows ("- 2: CUDA", "Number of selected option, e.g.
    '1'"), which the algorithm does not take (usesStaticStrings: a name keeps its meaning when options are
    added): the message names the option that number stands for there."""
    values = value if isinstance(value, (list, tuple)) else str(value).split(",")
    numbers = [str(v).strip() for v in values]
    if not numbers or not all(n.isdigit() for n in numbers):
        return tr("%s=%s is not one of its options. Give an option's name: %s.") % (name, value, ", ".join(options))
    if len(numbers) == 1 and int(numbers[0]) < len(options):
        return tr("%s=%s: give its name, %s=%s. The numbers that qgis_process help shows before the options are "
                  "not taken: a name keeps its meaning when options are added.") % (
            name, numbers[0], name, options[int(numbers[0])])
    return tr("%s=%s: give one option by its name: %s. The numbers that qgis_process help shows before the "
              "options are not taken: a name keeps its meaning when options are added.") % (
        name, value, ", ".join(options))


def plain_help(text):
    """An algorithm's help (HTML, which the toolbox's help panel renders) as plain text: what qgis_process help prints
    as it is, where 'joined by &amp;' and 'bit6&amp;!bit2&amp;!bit4' (to be copied into MASK_CLEAR) read as such, with
    the <b> and <tt> around every heading and option name."""
    import html
    import re

    text = re.sub(r"<br\s*/?>", "\n", text)
    return html.unescape(re.sub(r"</?(?:b|i|tt|em|strong|code)>", "", text))


def help_for_the_platform(cls):
    """Class decorator: ``cls.shortHelpString`` as plain text (:func:`plain_help`) under qgis_process, whose QGIS
    application is named so (QgsApplication.platform()); HTML in the desktop and in scripts."""
    html_help = cls.shortHelpString

    def shortHelpString(self):  # noqa: N802
        from qgis.core import QgsApplication

        text = html_help(self)
        return plain_help(text) if QgsApplication.platform() == "qgis_process" else text

    cls.shortHelpString = shortHelpString
    return cls


def parameter_text(alg, parameters, name, context):
    """``alg.parameterAsString``, a list value joined with commas: qgis_process makes a parameter given more than once
    (BANDS=3 BANDS=2 BANDS=1 BANDS=4, as INPUT is repeated) a list, and a script may pass one (DATES=[...]), which
    parameterAsString read as empty: the bands or dates given were dropped without a word."""
    value = parameters.get(name)
    if isinstance(value, (list, tuple)):
        return ",".join(str(v).strip() for v in value if v is not None and str(v).strip())
    return alg.parameterAsString(parameters, name, context)


def number_refused(message, parameters, definitions):
    """QGIS's "Incorrect parameter value for SENSITIVITY" (``message``) of a number parameter among ``definitions``,
    said with the value given and the range it takes ("SENSITIVITY=9 is outside its range: give a number from -3
    to 3."); None when ``message`` is not about a number parameter."""
    from qgis.core import QgsProcessingParameterNumber

    for definition in definitions:
        name = definition.name()
        if not (isinstance(definition, QgsProcessingParameterNumber) and message.rstrip(".").endswith(" " + name)):
            continue
        value = parameters.get(name)
        low, high = definition.minimum(), definition.maximum()

        def text(v):  # 1000000, not 1e+06
            return "%d" % v if float(v).is_integer() else "%g" % v

        what = tr("a whole number") if definition.dataType() == QgsProcessingParameterNumber.Integer else tr("a number")
        if high < 1e300:
            what = tr("%s from %s to %s") % (what, text(low), text(high)) if low > -1e300 else \
                tr("%s up to %s") % (what, text(high))
        elif low > -1e300:
            what = tr("%s of at least %s") % (what, text(low))
        try:
            float(value)
        except (TypeError, ValueError):
            return tr("%s=%s is not a number: give %s.") % (name, value, what)
        return tr("%s=%s is outside its range: give %s.") % (name, value, what)
    return None


def refuse_report_name(alg, name, path):
    """Refuse the HTML report ``path`` of ``alg``'s parameter ``name`` (REPORT) unless it ends with .html or .htm,
    before any work, as the command line refuses its --report (REPORT=r.txt wrote HTML into a text file, which
    opened in a text editor)."""
    from model_core.report import REPORT_FORMATS

    if path and os.path.splitext(path)[1].lower() not in REPORT_FORMATS:
        raise QgsProcessingException(tr("%s: '%s' is written as %s; end its name with %s.") % (
            alg.parameterDefinition(name).description(), path, "HTML", tr(" or ").join(REPORT_FORMATS)))


# folders of dates that a run used again after another run had made them (runs side by side in the
# toolbox): the run that made one no longer removes it when it fails, the other's layers read it
_USED_AGAIN = set()


def _remove_outputs(written):
    """Delete the files of a run that failed or was cancelled after its rasters were written (with the
    side file GDAL keeps beside a raster)."""
    for kind, path in written.items():
        if kind == "polygons":
            from osgeo import ogr

            from model_core.polygons import delete_vector, driver_for

            delete_vector(ogr.GetDriverByName(driver_for(path)), path)
            continue
        for p in (path, path + ".aux.xml"):
            if os.path.exists(p):
                os.remove(p)


@help_for_the_platform
class DetectChangesAlgorithm(QgsProcessingAlgorithm):
    INPUT = "INPUT"
    DATES = "DATES"
    BANDS = "BANDS"
    MODEL = "MODEL"
    WEIGHTS = "WEIGHTS"
    DEVICE = "DEVICE"
    TILE_SIZE = "TILE_SIZE"
    OVERLAP = "OVERLAP"
    SENSITIVITY = "SENSITIVITY"
    MIN_PATCH = "MIN_PATCH"
    THRESHOLD = "THRESHOLD"
    FILL_GAPS = "FILL_GAPS"
    MASKS = "MASKS"
    MASKED_DATES = "MASKED_DATES"
    MASK_CLEAR = "MASK_CLEAR"
    AREA = "AREA"
    MOMENT = "MOMENT"
    CONFIDENCE = "CONFIDENCE"
    POLYGONS = "POLYGONS"
    PROBABILITIES = "PROBABILITIES"
    REPORT = "REPORT"
    DEVICE_USED = "DEVICE_USED"
    USED_DATES = "USED_DATES"
    SUMMARY = "SUMMARY"
    MODEL_USED = "MODEL_USED"
    HECTARES = "HECTARES"
    WARNINGS = "WARNINGS"
    ALLOW_HUGE = "ALLOW_HUGE"
    BANDS_PER_DATE = "BANDS_PER_DATE"
    BAND_ORDER = "BAND_ORDER"
    PROBABILITIES_TYPE = "PROBABILITIES_TYPE"
    COREGISTER = "COREGISTER"

    def __init__(self):
        super().__init__()
        self._facts = None
        self._model = None
        self._auto = False
        self._dates = None
        self._written = {}
        self._requested = {}
        self._mask_clear = None
        self._threshold = "otsu"
        self._split = []  # [(folder, [(vrt, date)])] this run made for its multi-date rasters: gone if it fails
        self._sources = {}  # {date VRT: the multi-date raster it reads}
        self._input_ids = []  # the input layers' ids in the run's project (None: a layer it does not hold)
        # a task cancelled while queued (the toolbox, the task manager) never reaches processAlgorithm: its
        # feedback's cancel removes the split then, unless processAlgorithm has begun (which removes it itself)
        self._lock = threading.Lock()
        self._begun = False
        self._dropped = False
        self._held_claims = None  # (the claim a successful run holds until its styles are written, its finalizer)

    # -- identity ---------------------------------------------------------------------------------
    def name(self):
        return "detectchanges"

    def displayName(self):  # noqa: N802
        return tr("Detect changes in a time series")

    def group(self):
        return tr("Change detection")

    def groupId(self):  # noqa: N802
        return "changedetection"

    def icon(self):
        return QIcon(icon_path())

    def tags(self):
        return tr("change,detection,time series,multitemporal,deep learning,caim,moment,when").split(",")

    def shortHelpString(self):  # noqa: N802
        auto = mdl.auto_summary()
        return tr(
            "Finds where the land changed in an ordered series of co-registered rasters of one place, and "
            "between which two dates the last change happened.\n\n"
            "<b>Input layers</b>: the dates, oldest first (the order of the list is the time order). "
            "Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the "
            "common area.\n"
            "<b>Dates</b>: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer "
            "names, file names or metadata.\n"
            "<b>Bands</b>: optional band numbers.  The networks use 4 bands as red, green, blue, "
            "near-infrared (e.g. 1,2,3,4); 3 bands are read as red, green, blue in their order with green in place "
            "of NIR (RGB-only imagery: 3,2,1 as 3,2,1,2), unless the bands' names or wavelengths say otherwise; "
            "when empty they are read from the rasters' band wavelengths or "
            "names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, "
            "and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, "
            "and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, "
            "mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical "
            "part also every other band when empty (or the bands after the fourth of a longer list, e.g. "
            "3,2,1,4,5,6 for Landsat TM).\n"
            "<b>Model</b>: <tt>auto</tt> (default) = %s; <tt>caimnet</tt> = CAIM-Net, any number of dates; "
            "<tt>schanger</tt> = SChanger, exactly 2 dates; <tt>cva</tt> = classical change vector "
            "analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; "
            "<tt>caimnet_cva</tt> = CAIM-Net + CVA: both methods' moment probabilities combined (the model "
            "card compares it with each on real points), CAIM-Net weights, 4 bands; <tt>caimnet_isfa</tt> = "
            "CAIM-Net + ISFA, likewise with the ISFA below; <tt>isfa</tt> = classical "
            "iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the "
            "bands vary together where nothing changed (haze, season, processing) and discounts that, and "
            "weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no "
            "weights, any bands. The log names the model that ran.\n"
            "<b>Weights</b>: optional .pt file for the chosen network (with MODEL=auto for 2 dates, a file given "
            "here makes it run CAIM-Net + ISFA with that file); empty = the bundled weights (the "
            "CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all "
            "public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, "
            "the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' "
            "line says what the file that ran was trained on.\n"
            "<b>Sensitivity</b>: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more "
            "pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts "
            "the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it "
            "in steps of 0.25 when clear changes are missed.\n"
            "<b>Threshold of the classical methods</b> (advanced): <tt>otsu</tt> (default) or <tt>kittler</tt>, "
            "Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only (and MODEL=auto where "
            "it runs Classical ISFA: for 2 dates without WEIGHTS, and on layers whose bands the networks cannot "
            "read): it finds more of "
            "the change where changes are a small share of the scene, but also called a few more stable points "
            "changed on our real checks (the model card, candidate KT).\n"
            "<b>Minimum change patch</b>: a minimum mapping unit in pixels, 0 (default) = off.  Changed "
            "patches (8-connected changed pixels, whatever their moments) smaller than it are written as "
            "unchanged, with the model's probability of no change as confidence, e.g. 4 drops patches of "
            "1 to 3 pixels (salt-and-pepper); the polygons follow.  Unchanged holes are kept.\n"
            "<b>Fill masked dates</b>: off (default), a pixel that is nodata or masked in any date (clouds "
            "set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two "
            "dates gets a result: a masked date takes the pixel's values of the previous clear date, or of the "
            "next where no earlier date is clear, so a change hidden by clouds is dated to the interval that "
            "ends at the first clear date after it (one before the pixel's first clear date is not seen).\n"
            "<b>Cloud masks</b>: optional, one mask raster per input layer, in the same order (a cloud mask "
            "or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled "
            "nearest-neighbour).  For masks of some dates only, list the positions of the input layers they "
            "belong to in <b>Dates the cloud masks belong to</b> (advanced, MASKED_DATES), the first mask to "
            "the first position: e.g. 2,5 with two masks, the first for the second layer and the other for "
            "the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is "
            "masked on a date unless its mask value is one of the "
            "<b>mask values meaning clear</b>: comma-separated whole numbers, ranges and bit tests (bitN set, "
            "!bitN unset, joined by &amp;), default 0; bit6&amp;!bit2&amp;!bit4 for Landsat 8-9 Collection 2 "
            "QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), "
            "bit6&amp;!bit4,bit7&amp;!bit1&amp;!bit3&amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, "
            "!bit1&amp;!bit2&amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with "
            "Fill masked dates for cloudy series.\n"
            "<b>Tile size</b>: 0 (default) = automatic, chosen from the number of dates so the run stays "
            "near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster "
            "size fits.\n"
            "<b>Outputs</b>: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, "
            "k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted "
            "class, -1 nodata), optional moment probabilities (one band per moment class, band 1 = no change, -1 "
            "nodata; uint16 or byte, scaled, with <b>Moment probabilities data type</b>, PROBABILITIES_TYPE), "
            "optional change polygons with moment, date_before, date_after and area_m2, and an optional "
            "HTML run report (settings, changed area per interval as a chart and a table, the map).\n\n"
            "<b>Run even if estimated too long/big</b> (advanced, ALLOW_HUGE): "
            "before a run its time and output size are estimated and shown in the log; a run estimated at more "
            "than a day, or whose outputs clearly do not fit in the free space of their folder, is refused "
            "unless this is on.\n\n"
            "Needs PyTorch in QGIS's Python.\n\n"
            "<b>qgis_process</b>: MODEL, DEVICE, THRESHOLD, BAND_ORDER and PROBABILITIES_TYPE take the option names (not the numbers "
            "that qgis_process help lists), e.g. "
            "<tt>qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto "
            "DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif</tt>, or "
            "<tt>MODEL=cva</tt> for the classical method.  MASKS is repeated like INPUT, e.g. "
            "<tt>MASKS=qa_2020.tif MASKED_DATES=2</tt> for a mask of the second date only.") % auto + "\n\n" + tr(
            "<b>One multi-date raster</b>: a single input layer that holds every date as bands is split into "
            "its dates when its band names carry them (a Google Earth Engine toBands() export: "
            "20200105T103421_..._B4) or it is a NetCDF variable with a time axis. Otherwise give <b>Bands per "
            "date</b> (advanced, BANDS_PER_DATE: all bands of one date, QA bands included) and, if the bands "
            "run band by band, <b>Band order</b> (BAND_ORDER=band). Each date becomes a small VRT reading the "
            "raster, written into a folder &lt;name&gt;_dates beside it (used again by later runs of the same "
            "raster; the pixel inspector and a saved project read them). Dates, Bands and Cloud masks then "
            "count per date.") + "\n\n" + tr(
            "<b>Co-register the dates</b> (advanced, COREGISTER): each date that is offset from the "
            "first input layer by whole pixels is moved onto it before the run: the offset that best matches the "
            "dates' edges on a central window, up to 4 px each way, applied only when the match is clear.  A move "
            "keeps every value as the file stores it (no resampling); the strip along the scene's edge that a "
            "moved date no longer covers is nodata.  The log's Alignment line says what was found and moved, and "
            "the outputs' metadata item CAIM_COREGISTER records it per date.  For dates whose georeferencing "
            "differs (other sensors or processing levels); it corrects no rotation, scale or terrain distortion, "
            "and a date offset by 5 px or more is left as it is, with a warning.") + " " + (
            tr("On (the default).") if COREGISTER_DEFAULT else tr("Off (the default)."))

    def createInstance(self):  # noqa: N802
        return DetectChangesAlgorithm()

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagCanCancel

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's own check, with its generic "Incorrect parameter value for INPUT" replaced by what is wrong
        with which entry of INPUT or MASKS (a file that does not exist, one GDAL cannot open as a raster), and
        a scaled PROBABILITIES_TYPE without a PROBABILITIES file (:meth:`probabilities_type_refused`)."""
        engine_language()  # the engine's messages in QGIS's language
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            for name in (self.INPUT, self.MASKS):
                if message.rstrip(".").endswith(" " + name):
                    specific = inp.layer_list_problem(parameters.get(name), name, context)
                    if specific:
                        return False, specific
            # the option lists take the options' names (MODEL=isfa), not their positions (MODEL=5): QGIS said
            # only "Incorrect parameter value for MODEL"
            for name, options in ((self.MODEL, MODELS), (self.DEVICE, DEVICES), (self.THRESHOLD, THRESHOLDS),
                                  (self.BAND_ORDER, BAND_ORDERS), (self.PROBABILITIES_TYPE, PROBABILITY_TYPES)):
                if message.rstrip(".").endswith(" " + name):
                    return False, option_refused(name, parameters.get(name), options)
            if message.rstrip(".").endswith(" " + self.WEIGHTS):  # a file of another kind (QGIS checks the .pt)
                return False, tr("WEIGHTS: '%s' is not a weights file (.pt, PyTorch). Give a CAIM-Net or SChanger "
                                 "weights file, or leave WEIGHTS empty for the bundled weights.") % (
                    parameters.get(self.WEIGHTS),)
            # the numbers' ranges (SENSITIVITY=9, TILE_SIZE=-1): QGIS said only "Incorrect parameter value for ..."
            return False, number_refused(message, parameters, self.parameterDefinitions()) or message
        refused = self.probabilities_type_refused(parameters, context)
        if refused:  # (it was refused when the run started: the toolbox and qgis_process said so only then)
            return False, refused
        return ok, message

    def probabilities_type_refused(self, parameters, context):
        """Why PROBABILITIES_TYPE uint16 or byte cannot be taken (no PROBABILITIES file: the type would be lost, as
        the command line's --probabilities-type without --probabilities), else None."""
        prob_type = self.parameterAsEnumString(parameters, self.PROBABILITIES_TYPE, context) or "float32"
        if prob_type == "float32" or prob_type not in PROBABILITY_TYPES or \
                self.parameterAsOutputLayer(parameters, self.PROBABILITIES, context):
            return None
        return tr("PROBABILITIES_TYPE=%s applies to the Moment probabilities (PROBABILITIES), which this run does not "
                  "write. Give PROBABILITIES a file, or leave PROBABILITIES_TYPE at float32.") % prob_type

    # -- parameters -------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        # The labels are short: QGIS first opens the dialog at about 688 x 523 px, the help beside the
        # parameters, whose panel is then 376-390 px wide; a label does not wrap, and a wider one gave the
        # panel a horizontal scroll bar that hid every field's "…" button.  The details (defaults, examples,
        # which models use it) are in the parameter's tooltip (setHelp) and the algorithm's help.
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUT, tr("Raster layers, oldest first (order is time order)"), QgsProcessing.TypeRaster))
        self.addParameter(with_help(QgsProcessingParameterString(
            self.DATES, tr("Dates, YYYY-MM-DD in layer order"), optional=True),
            tr("Comma-separated, one per layer; empty: read from the layer names, file names or metadata.")))
        self.addParameter(with_help(QgsProcessingParameterString(
            self.BANDS, tr("Bands, e.g. 1,2,3,4"), optional=True),
            tr("The networks use 4 bands as R, G, B, NIR (3 as R, G, B with green in place of NIR); CVA and ISFA "
               "use any bands. Empty: from the bands' wavelengths or names (see the help).")))
        # The toolbox lists the option names (the values qgis_process takes): the tooltip says what "auto" is
        # and the help describes every option.
        self.addParameter(with_help(QgsProcessingParameterEnum(
            self.MODEL, tr("Model"), options=MODELS, defaultValue=AUTO, usesStaticStrings=True),
            tr("auto (the default): %s. The help describes every option.") % mdl.auto_summary()
            + " " + tr("qgis_process and scripts give the name (MODEL=cva), not the number that qgis_process help "
                       "lists.")))
        self.addParameter(with_help(QgsProcessingParameterFile(
            self.WEIGHTS, tr("Weights file (.pt)"), extension="pt", optional=True),
            tr("Empty: the bundled weights. The classical CVA and ISFA need none.")))
        self.addParameter(with_help(QgsProcessingParameterEnum(
            self.DEVICE, tr("Device"), options=DEVICES, defaultValue="Auto", usesStaticStrings=True),
            tr("Auto (the default): the GPU when PyTorch sees one (CUDA), else the CPU. qgis_process and scripts "
               "give the name (DEVICE=CPU).")))
        sensitivity = with_help(QgsProcessingParameterNumber(
            self.SENSITIVITY, tr("Sensitivity (0 = calibrated)"),
            QgsProcessingParameterNumber.Double, 0.0, False, -3.0, 3.0),
            tr("-3 to 3: positive values call more pixels changed, negative values fewer.") + " "
            + tr("0 (the default): the calibrated decision."))
        sensitivity.setMetadata({"widget_wrapper": {"decimals": 2}})  # 0.00, not 0.000000
        self.addParameter(sensitivity)
        self.addParameter(with_help(QgsProcessingParameterNumber(
            self.MIN_PATCH, tr("Minimum change patch (pixels; 0 = off)"),
            QgsProcessingParameterNumber.Integer, 0, False, 0, 1000000),
            tr("Changed patches smaller than this are written as unchanged; 0 keeps every changed pixel.")))
        self.addParameter(with_help(QgsProcessingParameterBoolean(
            self.FILL_GAPS, tr("Fill masked dates from neighbouring clear dates"), False),
            tr("For cloudy series: a masked date takes the pixel's values of the previous clear date, or of "
               "the next where no earlier date is clear.") + " "
            + tr("Off (the default): a pixel masked in any date is nodata in every output.")))
        self.addParameter(with_help(QgsProcessingParameterMultipleLayers(
            self.MASKS, tr("Cloud masks, one per input layer"), QgsProcessing.TypeRaster, optional=True),
            tr("In the order of the input layers; for masks of some dates only, give their positions in "
               "Dates the cloud masks belong to (advanced).")))
        self.addParameter(with_help(QgsProcessingParameterString(
            self.MASK_CLEAR, tr("Mask values meaning clear"), defaultValue="0", optional=True),
            tr("Default 0. The help gives the values for Landsat QA_PIXEL, Sentinel-2 SCL and Fmask.")))
        masked_dates = with_help(QgsProcessingParameterString(
            self.MASKED_DATES, tr("Dates the cloud masks belong to"), optional=True),
            tr("The input positions of the masks' dates, e.g. 2,5: the first mask for the second layer, the "
               "other for the fifth."))
        masked_dates.setFlags(masked_dates.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(masked_dates)
        tile = with_help(QgsProcessingParameterNumber(
            self.TILE_SIZE, tr("Tile size (pixels; 0 = automatic)"), QgsProcessingParameterNumber.Integer, 0,
            False, 0, 8192),
            tr("0 (the default): chosen from the number of dates so that the run stays near 1.3 GB of memory, plus up "
               "to 512 MB of output rows held on a very wide scene. "
               "The result does not depend on the tiles."))
        tile.setFlags(tile.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(tile)
        threshold = with_help(QgsProcessingParameterEnum(
            self.THRESHOLD, tr("Threshold of the classical methods (CVA, ISFA)"), options=THRESHOLDS,
            defaultValue="otsu", usesStaticStrings=True),
            tr("otsu (the default), or kittler (minimum error; for MODEL=cva or isfa, and MODEL=auto where it runs "
               "Classical ISFA). qgis_process and scripts give the name (THRESHOLD=kittler)."))
        threshold.setFlags(threshold.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(threshold)
        overlap = with_help(QgsProcessingParameterNumber(
            self.OVERLAP, tr("Tile overlap (pixels; empty: automatic)"), QgsProcessingParameterNumber.Integer,
            None, True, 0, 1024),
            tr("Empty (the default): the model's own reach, so that the tiles join without seams."))
        overlap.setFlags(overlap.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(overlap)

        self.addParameter(QgsProcessingParameterRasterDestination(self.AREA, tr("Change area")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.MOMENT, tr("Change moment")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.CONFIDENCE, tr("Confidence")))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.POLYGONS, tr("Change polygons"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False))
        probabilities = with_help(QgsProcessingParameterRasterDestination(
            self.PROBABILITIES, tr("Moment probabilities"), optional=True, createByDefault=False),
            tr("One band per class, for inspection."))
        probabilities.setFlags(probabilities.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(probabilities)
        self.addParameter(with_help(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Run report (HTML)"), tr("HTML files (*.html)"), optional=True, createByDefault=False),
            tr("The settings, the changed area per interval as a chart and a table, and the map: the first and last "
               "date and the change moment.")))
        # appended last (the parameters' order is a contract of scripts and models)
        # a check box's text does not wrap either
        allow_huge = with_help(QgsProcessingParameterBoolean(
            self.ALLOW_HUGE, tr("Run even if estimated too long/big"), False, optional=True),
            tr("A run estimated at more than a day, or whose outputs do not fit the free space of their "
               "folder, is refused unless this is on."))
        allow_huge.setFlags(allow_huge.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(allow_huge)
        per_date = with_help(QgsProcessingParameterNumber(
            self.BANDS_PER_DATE, tr("Bands per date (multi-date raster)"),
            QgsProcessingParameterNumber.Integer, 0, True, 0, 10000),
            tr("One input raster holding every date: all bands of one date, QA bands included; 0: from the "
               "dates in the band names."))
        per_date.setFlags(per_date.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(per_date)
        order = with_help(QgsProcessingParameterEnum(
            self.BAND_ORDER, tr("Band order (multi-date raster)"),
            options=BAND_ORDERS, defaultValue="auto", usesStaticStrings=True, optional=True),
            tr("auto (the default): from the band names, else date by date; date: all bands of date 1, then of "
               "date 2; band: band 1 of every date, then band 2. qgis_process and scripts give the name "
               "(BAND_ORDER=band)."))
        order.setFlags(order.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(order)
        probabilities_type = with_help(QgsProcessingParameterEnum(
            self.PROBABILITIES_TYPE, tr("Moment probabilities data type"), options=PROBABILITY_TYPES,
            defaultValue="float32", usesStaticStrings=True),
            tr("float32 (the default): the probabilities as they are, -1 nodata. uint16 or byte: stored as "
               "round(p x 65534) or round(p x 254), 65535 or 255 nodata, with the bands' scale 1/65534 or 1/254 "
               "(QGIS applies it), in about a half or a quarter of the space. Only with "
               "Moment probabilities. qgis_process and scripts give the name (PROBABILITIES_TYPE=uint16)."))
        probabilities_type.setFlags(probabilities_type.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(probabilities_type)
        coregister = with_help(QgsProcessingParameterBoolean(
            self.COREGISTER, tr("Co-register the dates"), COREGISTER_DEFAULT, optional=True),
            tr("Moves each date that is offset from the first layer by whole pixels onto it before the run (the "
               "offset that best matches the dates' edges, up to 4 px each way, applied only when the match is "
               "clear); the log's Alignment line says what was moved. For georeferencing offsets between dates, not "
               "rotation or terrain distortion.") + " " + (tr("On (the default).") if COREGISTER_DEFAULT else
                                                           tr("Off (the default).")))
        coregister.setFlags(coregister.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(coregister)
        self.addOutput(QgsProcessingOutputString(self.DEVICE_USED, tr("Device used")))
        self.addOutput(QgsProcessingOutputString(self.USED_DATES, tr("Dates used (comma-separated)")))
        self.addOutput(QgsProcessingOutputString(self.MODEL_USED, tr("Model used (auto resolved)")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))
        self.addOutput(QgsProcessingOutputString(self.HECTARES, tr("Changed hectares per interval (JSON)")))
        self.addOutput(QgsProcessingOutputString(self.WARNINGS, tr("Warnings (one per line)")))

    # -- main thread ------------------------------------------------------------------------------
    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        engine_language()  # the engine's messages in QGIS's language
        self._split, self._sources = [], {}
        self._begun = self._dropped = False
        layers = []
        try:
            layers = self._split_dates(parameters, context, feedback)
            ok = self._prepare(layers, parameters, context, feedback)
            if self._split and feedback is not None:
                feedback.canceled.connect(self._cancelled_before_run)
            return ok
        except BaseException as exc:
            # the date layers go first: GDAL would write their statistics into the removed folder's
            # ../<raster>.aux.xml when they are freed ("Unable to save auxiliary information"); also
            # those _split_dates had made when a later layer's split failed, which its frame, kept by the
            # exception's traceback, held until QGIS closed
            layers.clear()
            traceback.clear_frames(exc.__traceback__)
            self._remove_split()
            raise

    def _cancelled_before_run(self):
        """The run's feedback cancelled: the dates this run split go with it when processAlgorithm has not
        begun (a task cancelled while queued is never run, and nothing else would remove them)."""
        with self._lock:
            if self._begun:
                return
            self._dropped = True
            self._remove_split()

    def _remove_split(self):
        from model_core.stacked import remove_split

        for folder, written in self._split:
            if folder not in _USED_AGAIN:
                remove_split(folder, written)
        self._split = []

    def _split_dates(self, parameters, context, feedback):
        """The input layers, a multi-date raster's replaced by one layer per date (VRTs in a folder beside it,
        model_core.stacked.split_into_folder): when BANDS_PER_DATE or BAND_ORDER is given (each layer is
        one, but for a layer of just BANDS_PER_DATE bands among several: one date as it is), else each
        layer whose band names carry dates (or a NetCDF variable over time)."""
        layers = self.parameterAsLayerList(parameters, self.INPUT, context)
        per_date = self.parameterAsInt(parameters, self.BANDS_PER_DATE, context) \
            if parameters.get(self.BANDS_PER_DATE) not in (None, "") else 0
        order = parameters.get(self.BAND_ORDER)
        # QGIS checks no value of an optional option list: a wrong one read as the default
        order = "auto" if order in (None, "") else BAND_ORDERS[order] if isinstance(order, int) and 0 <= order < len(
            BAND_ORDERS) else self.parameterAsString(parameters, self.BAND_ORDER, context)
        if order not in BAND_ORDERS:
            raise QgsProcessingException(tr("BAND_ORDER=%s is not one of its options. Give an option's name: %s.")
                                         % (order, ", ".join(BAND_ORDERS)))
        given = bool(per_date) or order != "auto"
        # without them: the layers whose band names carry dates (or NetCDF variables over time), the others
        # being one date each; the variables over time of one NetCDF file (QGIS adds one layer per variable)
        # are one multi-date raster together, each date the variables' bands (with BANDS_PER_DATE or BAND_ORDER
        # too, as on the command line)
        units = {id(unit[0]): unit for unit in inp.split_units(layers, every=given)}
        members = {id(layer) for unit in units.values() for layer in unit}
        carry = [id(layer) in members for layer in layers]
        if not any(carry):
            return layers
        from qgis.core import QgsRasterLayer

        from model_core.errors import CaimError

        from caim_qgis_plugin.splitting import fallback_text, in_the_way, split_beside

        dated = []
        for layer, multi in zip(layers, carry):
            if not multi:
                dated.append(layer)
                continue
            if id(layer) not in units:  # a later variable of a cube: split with its first
                continue
            unit = units[id(layer)]
            if per_date and len(layers) > 1 and len(unit) == 1 and isinstance(layer, QgsRasterLayer) \
                    and layer.isValid() and layer.bandCount() == per_date:  # one date among multi-date
                # rasters (a later scene)
                dated.append(layer)
                continue
            if layer.providerType() != "gdal" or not layer.isValid():
                raise QgsProcessingException(tr(
                    "'%s' is not a file-based (GDAL) raster, so it cannot be split into dates; export it as "
                    "GeoTIFF first.") % layer.name())
            source = inp.unit_raster(unit)
            name = inp.unit_name(unit)
            try:
                folder, written, created, fallback = split_beside(
                    unit, per_date or None, None if order == "auto" else order)
            except CaimError as exc:
                raise QgsProcessingException(tr("Layer '%s': %s") % (name, exc)) from None
            if created:
                self._split.append((folder, written))
                _USED_AGAIN.discard(folder)  # (a folder of that name removed since)
            elif all(folder != made for made, _ in self._split):  # (not its own: the raster given twice)
                _USED_AGAIN.add(folder)
            feedback.pushInfo(tr("'%s' holds %d dates: split into %s%s") % (
                name, len(written), folder, (tr(" (used again: the same split as before)") if not created else "")
                + in_the_way(folder, unit)))  # (used again or made: why not in <name>_dates, the first place looked)
            if fallback:
                feedback.pushWarning(fallback_text(name, fallback))
            for vrt, _date in written:
                self._sources[vrt] = source
                dated.append(QgsRasterLayer(vrt, os.path.splitext(os.path.basename(vrt))[0], "gdal"))
        return dated

    def _prepare(self, layers, parameters, context, feedback):
        dates_text = parameter_text(self, parameters, self.DATES, context)
        try:
            bands = inp.parse_bands(parameter_text(self, parameters, self.BANDS, context))
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None
        try:
            dates = inp.parse_dates(dates_text, len(layers))
        except ValueError as exc:  # (an empty DATES raises none)
            given = len(dates_text.split(","))
            if self._sources and given != len(layers):  # the user gave one layer: count its dates
                raise QgsProcessingException(tr(
                    "DATES has %d entries for the %d dates of the multi-date raster; give one date per date, "
                    "oldest first, separated by commas.") % (given, len(layers))) from None
            raise QgsProcessingException(str(exc)) from None
        choice = self.parameterAsEnumString(parameters, self.MODEL, context) or AUTO
        if choice not in MODELS:
            raise QgsProcessingException(tr("Unknown model '%s'; use one of %s.") % (choice, ", ".join(MODELS)))
        weights = self.parameterAsFile(parameters, self.WEIGHTS, context) or None
        model = mdl.resolve(choice, len(layers), weights)  # (auto, two dates: a method that uses WEIGHTS when given)
        if model == AUTO:  # the engine could not be imported: say why
            from caim_qgis_plugin.dependencies import install_instructions, torch_available

            raise QgsProcessingException(install_instructions() if not torch_available() else tr(
                "The CAIM engine (model_core) could not be loaded to choose the automatic model; choose "
                "MODEL=caimnet, schanger, cva, caimnet_cva, isfa or caimnet_isfa."))
        if weights and not mdl.needs_weights(model):
            raise QgsProcessingException(tr(
                "The %s method (MODEL=%s) takes no weights, but the Weights file (WEIGHTS) is set "
                "to '%s'. Leave WEIGHTS empty, or choose a model that uses weights (MODEL=caimnet, schanger, "
                "caimnet_cva or caimnet_isfa) to use that file.") % (mdl.name(model), choice, weights))
        threshold = self.parameterAsEnumString(parameters, self.THRESHOLD, context) or "otsu"
        if threshold not in THRESHOLDS:
            raise QgsProcessingException(tr("Unknown threshold '%s'; use one of %s.") % (threshold, ", ".join(THRESHOLDS)))
        # (with MODEL=auto: checked below against the model it runs, Classical ISFA on imagery the networks
        # cannot read taking a threshold as when chosen by name; the engine does the same)
        if threshold != "otsu" and mdl.needs_weights(model) and choice != AUTO:  # the classical methods need none
            raise QgsProcessingException(tr(
                "The minimum-error threshold (THRESHOLD=kittler) applies to the classical methods only, not to "
                "%s. Choose MODEL=cva or isfa, or leave THRESHOLD at otsu.") % mdl.name(model))
        self._threshold = threshold
        masks = self.parameterAsLayerList(parameters, self.MASKS, context) if parameters.get(self.MASKS) else []
        try:  # one mask or None per date
            masks = inp.masks_by_date(masks, parameter_text(self, parameters, self.MASKED_DATES, context),
                                      len(layers))
        except ValueError as exc:  # the user gave one layer: its dates are the layers counted
            raise QgsProcessingException(str(exc) + (tr(
                " Here each date of a multi-date raster counts as one layer (%d in all, oldest first).")
                % len(layers) if self._sources else "")) from None
        facts = inp.describe_layers(layers, dates, bands, masks)
        for layer, fact in zip(layers, facts):  # a date of a multi-date raster: the raster it reads (never to be
            # overwritten); split here, or by the dialog's Run before it ran this
            source = self._sources.get(fact["path"]) or inp.split_source(layer)
            if source:
                fact["source"] = source
        if choice == AUTO:  # on imagery the networks cannot read, the engine's classical method (said below)
            model = inp.auto_choice(layers, bands, weights)
            if self._threshold != "otsu" and mdl.needs_weights(model):
                raise QgsProcessingException(tr(
                    "The minimum-error threshold (THRESHOLD=kittler) applies to the classical methods only, and "
                    "MODEL=auto runs %s on these layers (it runs Classical ISFA for 2 dates without WEIGHTS, and on "
                    "layers whose bands the networks cannot read). Choose MODEL=cva or isfa, or leave THRESHOLD at "
                    "otsu.") % mdl.name(model))
        # (a Weights file trained with another band mapping: the engine's warning says it, once, in the run's
        # summary and its WARNINGS output, with the bands the run read; the form's said it a second time here.
        # Likewise which bands a network reads, e.g. BANDS=1,2,3 as R, G, B with green in place of NIR: the summary's
        # Bands line, kept in SUMMARY and the report, says it once; the form's note said it before the run too)
        problems = inp.validate(layers, [f.get("date") for f in facts], bands, AUTO if choice == AUTO else model,
                                weights=weights, masks=masks, mapping_warning=False, bands_notes=False)
        clear_text = parameter_text(self, parameters, self.MASK_CLEAR, context)
        try:
            self._mask_clear = inp.parse_clear_values(clear_text)
        except ValueError as exc:
            problems.append((inp.ERROR, str(exc)))
        errors = [msg for level, msg in problems if level == inp.ERROR]
        if errors and inp.multi_date_candidate(layers):  # one multi-band layer not split: this run can
            errors.append(tr("Or give its Bands per date (advanced, BANDS_PER_DATE) to split it in this run."))
        if errors:
            raise QgsProcessingException("\n".join(errors))
        for level, msg in problems:
            feedback.pushInfo((tr("Note: ") if level == inp.INFO else tr("Warning: ")) + msg)
        feedback.pushInfo(tr("Model: %s [%s]") % (mdl.describe(choice, model, len(layers), weights), model))
        for i, fact in enumerate(facts, start=1):
            feedback.pushInfo(tr("Date %d: %s  (%s)%s") % (i, fact.get("date") or tr("unknown"), fact["path"],
                                                           tr("  mask: %s") % fact["mask"] if fact.get("mask") else ""))
        self._facts = facts
        self._model = model
        self._auto = choice == AUTO  # the engine resolves it (detect(model="auto")), and MODEL_USED says what ran
        project = context.project()  # the project's own input layers, for the Temporal Controller afterwards
        self._input_ids = [layer.id() if project is not None and project.mapLayer(layer.id()) is not None
                           else None for layer in layers]
        return True

    # -- worker thread ----------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        engine_language()  # the engine's messages in QGIS's language
        with self._lock:
            self._begun = True
            if self._dropped:  # cancelled before it began: its dates are gone
                raise QgsProcessingException(tr("Cancelled by the user; no output was kept."))
        self._release_claims()  # (an earlier run of this instance whose styles were never written)
        try:
            # _process claims the output files in it (two runs into the same files); a run that succeeded holds the
            # claim until postProcessAlgorithm has written the .qml styles beside its rasters
            with contextlib.ExitStack() as self._claims:
                results = self._process(parameters, context, feedback)
                held = self._claims.pop_all()
        except BaseException:  # the dates' VRTs this run wrote go with its outputs
            self._remove_split()
            raise
        # released when postProcessAlgorithm ends, or when this instance goes (a script that never calls the post
        # step, a task cancelled after the run): its callbacks do not hold the instance
        self._held_claims = (held, weakref.finalize(self, held.close))
        return results

    def _release_claims(self):
        """End the claim on the output files that a successful run holds until its styles are written."""
        held, self._held_claims = getattr(self, "_held_claims", None), None
        if held is not None:
            held[1]()  # (the finalizer, called once: closes the claim)

    def _process(self, parameters, context, feedback):
        self._written = {}  # (set when the run succeeded)
        from caim_qgis_plugin.dependencies import install_instructions, torch_available

        if not torch_available():
            raise QgsProcessingException(install_instructions())
        try:
            from model_core.errors import CaimError, Cancelled
            from model_core.polygons import VECTOR_FORMATS
            from model_core.predict import (RASTER_FORMATS, detect, input_files, refuse_inputs_as_outputs,
                                            remove_created)
            from model_core.staging import claim_outputs
        except ImportError as exc:
            raise QgsProcessingException(
                tr("The CAIM engine (model_core) could not be loaded: %s") % exc) from None

        outputs = {
            "area": self.parameterAsOutputLayer(parameters, self.AREA, context),
            "moment": self.parameterAsOutputLayer(parameters, self.MOMENT, context),
            "confidence": self.parameterAsOutputLayer(parameters, self.CONFIDENCE, context),
        }
        prob_path = self.parameterAsOutputLayer(parameters, self.PROBABILITIES, context)
        if prob_path:
            outputs["probabilities"] = prob_path
        prob_type = self.parameterAsEnumString(parameters, self.PROBABILITIES_TYPE, context) or "float32"
        if prob_type not in PROBABILITY_TYPES:  # (QGIS checked it; a script calling processAlgorithm did not)
            raise QgsProcessingException(option_refused(self.PROBABILITIES_TYPE, prob_type, PROBABILITY_TYPES))
        refused = self.probabilities_type_refused(parameters, context)  # (checkParameterValues said it; a script
        if refused:                                                      # calling processAlgorithm did not)
            raise QgsProcessingException(refused)
        polygons_path = self.parameterAsOutputLayer(parameters, self.POLYGONS, context)
        for key, path in list(outputs.items()) + ([("polygons", polygons_path)] if polygons_path else []):
            ext = os.path.splitext(path)[1].lower()
            allowed = RASTER_FORMATS if key != "polygons" else VECTOR_FORMATS
            if ext not in allowed:
                raise QgsProcessingException(
                    tr("%s: '%s' is written as %s; end its name with %s.") % (
                        self.parameterDefinition(key.upper()).description(), path,
                        "GeoTIFF" if key != "polygons" else tr("a vector file"),
                        tr(" or ").join(allowed)))
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        weights = self.parameterAsFile(parameters, self.WEIGHTS, context) or None
        names = {"area": self.AREA, "moment": self.MOMENT, "confidence": self.CONFIDENCE,
                 "probabilities": self.PROBABILITIES}
        named = {names[k]: p for k, p in outputs.items()}
        named.update({self.POLYGONS: polygons_path, self.REPORT: report})
        created = []  # folders this run made: removed again, if empty, when it fails or is cancelled
        succeeded = []  # (not self._written: the claim's callbacks must not hold this instance, see processAlgorithm)
        try:
            # an output over an input (MOMENT=2020.tif with 2020.tif as INPUT) would destroy it
            refuse_inputs_as_outputs(named, input_files(self._facts, weights=weights))
            refuse_report_name(self, self.REPORT, report)  # (after that check, as the command line's order)
            # another run writing these files now (a second qgis_process, a toolbox run) is refused here, before
            # either replaced the other's files; the claim covers the rasters' .qml styles, and lasts until
            # postProcessAlgorithm has written them (released first when the run fails: then the folders it made
            # go, empty); the output folders are made with it (of two runs into one new folder, the one that
            # makes it goes through)
            self._claims.callback(lambda: None if succeeded else remove_created(created))
            styles = [os.path.splitext(p)[0] + ".qml" for p in outputs.values()]
            created.extend(self._claims.enter_context(claim_outputs(list(named.values()) + styles, make=True)))
        except CaimError as exc:
            remove_created(created)
            if isinstance(exc, Cancelled):  # whether the run had begun writing (the dialog says what was removed)
                feedback.setProperty(PARTIAL_REMOVED, bool(exc.staged))
            raise QgsProcessingException(str(exc)) from None

        overlap = parameters.get(self.OVERLAP)
        overlap = None if overlap in (None, "") else self.parameterAsInt(parameters, self.OVERLAP, context)
        device = (self.parameterAsEnumString(parameters, self.DEVICE, context) or "Auto").lower()

        def progress(fraction, message=""):
            feedback.setProgress(max(0.0, min(100.0, 100.0 * float(fraction))))
            if message:
                feedback.setProgressText(message)

        images = [{k: v for k, v in fact.items() if k != "name"} for fact in self._facts]
        try:
            res = detect(
                images,
                model=AUTO if self._auto else self._model,
                weights=weights,
                device=device,
                tile=self.parameterAsInt(parameters, self.TILE_SIZE, context) or None,  # 0: automatic
                overlap=overlap,
                overwrite=True,
                probabilities="probabilities" in outputs,
                probabilities_type=prob_type,
                outputs=outputs,
                progress=progress,
                cancel=feedback.isCanceled,
                sensitivity=self.parameterAsDouble(parameters, self.SENSITIVITY, context),
                min_patch=self.parameterAsInt(parameters, self.MIN_PATCH, context),
                fill_gaps=self.parameterAsBoolean(parameters, self.FILL_GAPS, context),
                threshold=self._threshold,
                mask_clear=self._mask_clear if any(f.get("mask") for f in self._facts) else None,
                allow_huge=self.parameterAsBoolean(parameters, self.ALLOW_HUGE, context),
                coregister=self.parameterAsBoolean(parameters, self.COREGISTER, context),
                notice=feedback.pushInfo,
            )
        except CaimError as exc:
            remove_created(created)
            if isinstance(exc, Cancelled):  # whether the run had begun writing (the dialog says what was removed)
                feedback.setProperty(PARTIAL_REMOVED, bool(exc.staged))
            raise QgsProcessingException(str(exc)) from None

        written = dict(res.paths)
        # an earlier run's polygons, report and .qml styles (postProcessAlgorithm writes this run's, after the
        # polygons and the report) at these paths describe the rasters just replaced: a run stopped before it
        # wrote its own (cancelled, failed, qgis_process killed) left them beside its new rasters (a legend of
        # the earlier run's dates)
        from model_core.predict import remove_earlier_extras

        styles = [os.path.splitext(res.paths[k])[0] + ".qml" for k in ("area", "moment", "confidence")
                  if res.paths.get(k)]
        remove_earlier_extras(polygons_path, [report] + styles)
        try:  # the rest of the run's outputs; a failure or a cancel keeps none of them
            if feedback.isCanceled():
                raise Cancelled(tr("Cancelled by the user; no output was kept."))
            if polygons_path:
                from model_core.polygons import write_polygons

                feedback.setProgressText(tr("Writing change polygons"))
                def polygon_progress(fraction, message):  # the progress bar stays at the run's end
                    feedback.setProgressText("%s: %d %%" % (tr("Writing change polygons"), int(fraction * 100)))

                n = write_polygons(res.paths["moment"], polygons_path, res.dates, overwrite=True,
                                   cancel=feedback.isCanceled, progress=polygon_progress)
                feedback.pushInfo((tr("%d change polygon written to %s") if n == 1 else
                                   tr("%d change polygons written to %s")) % (n, polygons_path))
                written["polygons"] = polygons_path
            if report:
                from model_core.report import input_names, write_report

                write_report(res, report, inputs=input_names(self._facts), overwrite=True,
                             extra={"polygons": polygons_path}, imagery={"images": images})
                written["report"] = report
            if feedback.isCanceled():
                raise Cancelled(tr("Cancelled by the user; no output was kept."))
        except CaimError as exc:
            _remove_outputs(written)
            remove_created(created)
            if isinstance(exc, Cancelled):
                feedback.setProperty(PARTIAL_REMOVED, True)  # (the change rasters, written, were removed)
            kept = "" if isinstance(exc, Cancelled) else tr(" The change rasters of this run were removed with it.")
            raise QgsProcessingException(str(exc) + kept) from None
        self._model = res.model  # what ran ("auto": the engine's choice)
        summary = res.summary_text()
        feedback.pushInfo(summary)  # (its Device line names the device: the DEVICE_USED output)
        self._dates = list(res.dates)
        self._written = written
        succeeded.append(True)
        self._requested = dict(outputs)
        return {
            self.AREA: written.get("area"),
            self.MOMENT: written.get("moment"),
            self.CONFIDENCE: written.get("confidence"),
            self.POLYGONS: written.get("polygons"),
            self.PROBABILITIES: written.get("probabilities"),
            self.REPORT: written.get("report"),
            self.DEVICE_USED: res.device,
            self.USED_DATES: ",".join(d or "" for d in res.dates),
            self.MODEL_USED: self._model,
            self.SUMMARY: summary,
            self.HECTARES: json.dumps({k: (None if v != v else round(float(v), 4)) for k, v in res.hectares.items()}),
            self.WARNINGS: "\n".join(getattr(res, "warnings", None) or []),
        }

    # -- main thread again ------------------------------------------------------------------------
    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        try:
            return self._post_process(context, feedback)
        finally:  # the styles are written: the run's claim on its output files ends (processAlgorithm)
            self._release_claims()

    def _post_process(self, context, feedback):
        from caim_qgis_plugin import layers as lyr

        dates = self._dates or []
        info = {"dates": dates, "inputs": self._facts or [], "outputs": self._written, "model": self._model,
                "mask_clear": inp.format_clear_values(self._mask_clear) if self._mask_clear else "0",
                "threshold": self._threshold}
        coregister = lyr.file_coregister(self._written.get(lyr.MOMENT) or "")
        if coregister is not None:  # the dates the run moved (the pixel inspector reads them where the run did)
            info["coregister"] = coregister
        project = context.project()
        # a toolbox or model run, as a dialog run: the Temporal Controller steps through its input layers' dates,
        # given when Processing loads the outputs (on the main thread; this runs on a model's own thread)
        date_layers = self._input_ids if project is not None and self._input_ids and None not in self._input_ids \
            else None
        for kind in (lyr.AREA, lyr.MOMENT, lyr.CONFIDENCE, "polygons"):
            path = self._written.get(kind)
            if not path or not os.path.exists(path):
                continue
            if kind != "polygons":  # (the polygons are styled by interval when loaded, as a dialog run's)
                lyr.write_sidecar(path, kind, dates)
            for key in {path, self._requested.get(kind) or path}:
                if context.willLoadLayerOnCompletion(key):  # toolbox / model runs: style what Processing loads
                    details = context.layerToLoadOnCompletionDetails(key)
                    details.setPostProcessor(lyr.OutputStyler(kind, dates, info, date_layers))
                    # "Change moment 1985 to 2020", as a dialog run names it: two runs' layers are told apart
                    # (an audit: the sample dialog listed two identical "Change moment" layers); the number of
                    # a name taken already is given when the layer is loaded (OutputStyler)
                    details.name = lyr.layer_name(details.name, dates)
        return {}
