"""``caim:stackbands``: imagery stored as one file per band (Landsat Collection 2, Sentinel-2, HLS, CBERS-4) stacked
into one VRT per date (model_core.bandfiles), loaded into the project as a group of date layers with their
cloud masks (unchecked).  Thin: the engine does the work."""

import os
import re

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from caim_qgis_plugin.algorithm import DetectChangesAlgorithm, help_for_the_platform, parameter_text, with_help
from caim_qgis_plugin.i18n import engine_language, translator
from caim_qgis_plugin.inputs import layer_source

tr = translator("CaimStackBands")


class GroupPlacer(QgsProcessingLayerPostProcessorInterface):
    """Moves a loaded date (or mask) layer into the run's group, named ``group``, at the top of the layer tree
    (made by the first layer of the run); a mask layer is unchecked there."""

    _alive = []  # Processing does not own Python post-processors: keep them referenced

    def __init__(self, group, mask=False):
        super().__init__()
        self.group, self.mask = group, mask
        GroupPlacer._alive.append(self)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        project = context.project() if context is not None else None
        if project is None:
            return
        # the date's style beside it (true colour, model_core.bandfiles): Processing loads its outputs without
        # their default styles, so a Landsat or CBERS date came drawn as bands 1-3, its blue as red
        style = os.path.splitext(layer.source())[0] + ".qml"
        if not self.mask and os.path.isfile(style):
            layer.loadNamedStyle(style)
            layer.triggerRepaint()
        place_in_group(project, layer, self.group, self.mask)


def processing_option_names():
    """How caim:stackbands and caim:splitdates name the command line's options that the engine's messages give
    (for :func:`model_core.i18n.option_names`): in a sentence ("give them with 'Bands, comma-separated'") and
    aside in parentheses ("(the advanced parameter '...', OVERWRITE)").  The engine's templates carry the
    options as fields, so this holds in every language; nothing rewrites the engine's text (it did, by finding
    "--bands" in it, which broke whenever a translation moved or inflected the option)."""
    bands = tr("Bands, comma-separated")
    overwrite = tr("Replace VRTs of the same names in the folder")
    return {"--bands": ("'%s'" % bands, tr("the parameter '%s', BANDS") % bands),
            "--overwrite": ("'%s'" % overwrite, tr("the advanced parameter '%s', OVERWRITE") % overwrite)}


def dialog_option_names():
    """How the detect dialog's 'Stack band files into dates' button names the engine's "--bands": it has no band
    choice, which the menu entry's algorithm has; a date is left out there by unchecking its band files."""
    entry = tr("Bands of Raster > CAIM change detection > Stack band files into dates…")
    return {"--bands": (entry, tr("%s; in the list, a date is left out by unchecking its band files") % entry)}


def group_name(folder):
    """The project group of the dates stacked into ``folder``: '<folder name> (stacked dates)'; for a folder named
    by :func:`new_folder` (the dialog's button, the menu entry), named by the band files' folder that holds it:
    'cbers-cube (stacked dates)', 'cbers-cube (stacked dates 2)' (it was 'stacked_dates (stacked dates)' for
    every stack)."""
    path = os.path.normpath(folder)
    name = os.path.basename(path)
    numbered = re.fullmatch(r"stacked_dates(?:_(\d+))?", name)
    parent = os.path.basename(os.path.dirname(path))
    if numbered and parent:
        if numbered.group(1):
            return tr("%s (stacked dates %s)") % (parent, numbered.group(1))
        return tr("%s (stacked dates)") % parent
    return tr("%s (stacked dates)") % name


def new_folder(parent):
    """A new folder ``stacked_dates`` (``stacked_dates_2``, ...) in ``parent`` for the dates' VRTs."""
    name, k = "stacked_dates", 2
    while os.path.lexists(os.path.join(parent, name)):
        name, k = "stacked_dates_%d" % k, k + 1
    return os.path.join(parent, name)


def place_in_group(project, layer, group_name, hidden=False):
    """Move ``layer`` (in ``project``) into the top-level group ``group_name`` (made at the top when missing),
    among the group's layers in name order (a date, then its mask); ``hidden``: unchecked."""
    root = project.layerTreeRoot()
    group = root.findGroup(group_name)
    if group is None:
        group = root.insertGroup(0, group_name)
        group.setExpanded(True)
    old = root.findLayer(layer.id())
    if old is None and project.mapLayer(layer.id()) is None:  # (not added with others before: addMapLayers)
        project.addMapLayer(layer, False)
    # in name order: each date, then its mask (Processing loads its outputs in an order of its own, and into
    # the layer tree's insertion point: after the first one, the group itself)
    children = group.children()
    index = sum(1 for child in children if child is not old and child.name() < layer.name())
    if old is not None and old in children and children.index(old) <= index:
        index += 1
    # the new node first, then the old one out: a layer whose last node leaves the tree is removed from the
    # project (QGIS's layer tree registry bridge, on the next event loop turn)
    new = group.insertLayer(index, layer)
    new.setExpanded(False)  # the group lists the dates, not each one's band legend
    new.setItemVisibilityChecked(not hidden)
    if old is not None:
        old.parent().removeChildNode(old)
    return group


def masks_clear_values(res):
    """(clear values, [dates whose masks they are not right for]) of the masks of a stack result ``res``: those of
    the series with most masks (one rule holds for every mask of a change detection run), ('', []) without masks."""
    series = [(f, s, ds) for f, s, ds in res.series if any(d.mask_name for d in ds)]
    if not series:
        return "", []
    family, scene, _ = max(series, key=lambda x: sum(1 for d in x[2] if d.mask_name))
    clear = res.clear_values(family, scene)
    right = {id(d) for f, s, _ in series if res.clear_values(f, s) == clear for d in res.rule_masks(f, s)}
    return clear, [d.date for d in res.dates if d.mask_name and id(d) not in right]


@help_for_the_platform
class StackBandsAlgorithm(QgsProcessingAlgorithm):
    INPUT, FOLDER, BANDS, OVERWRITE, OUTPUT = "INPUT", "FOLDER", "BANDS", "OVERWRITE", "OUTPUT"
    LAYERS, MASKS, SUMMARY = "LAYERS", "MASKS", "SUMMARY"
    MASKED_DATES, MASK_CLEAR = "MASKED_DATES", "MASK_CLEAR"  # for caim:detectchanges' parameters of those names

    def name(self):
        return "stackbands"

    def displayName(self):  # noqa: N802
        return tr("Stack band files into dates")

    group, groupId, icon = DetectChangesAlgorithm.group, DetectChangesAlgorithm.groupId, DetectChangesAlgorithm.icon

    def createInstance(self):  # noqa: N802
        return StackBandsAlgorithm()

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Stacks imagery stored as one file per band into one virtual raster (VRT) per date, for the change "
            "detection: Landsat 4-9 Collection 2 Level-1 and Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), "
            "Sentinel-2 L1C and L2A (.SAFE folders, their .zip, or a folder per scene of B04.tif or red.tif; SCL), "
            "NASA's HLS v2.0 L30 and S30 granules (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; L30 and S30 "
            "dates of one tile are one series, matched by band role: S30's NIR is B8A), "
            "CBERS-4 AWFI and MUX cubes (B13-B16, CMASK), and any files named with a date and a band such as B4. "
            "Each date's VRT holds its bands in the sensor's order, named by role so that the change detection "
            "finds red, green, blue and NIR by itself, with the product's nodata and its scale and offset "
            "(reflectance), so that dates of different processing compare. Each date's cloud mask is written "
            "as masks/&lt;date&gt;_&lt;mask&gt;.vrt with its clear values and loaded unchecked: <i>Match masks "
            "by date</i> in the change detection pairs them and fills in the clear values (one set for every mask: "
            "masks of different kinds are said in the summary). Nothing is copied: keep the band files where they "
            "are.\n\n"
            "<b>Band files</b> and/or <b>Folder</b> (searched with its subfolders).\n"
            "<b>Bands</b> (optional): the bands to stack, in that order, by name (B04, SR_B4, B13) or role (red, "
            "green, blue, nir, swir1, swir2); empty: the sensor's surface bands.\n\n"
            "<b>In a graphical model</b>: connect the outputs Date rasters (LAYERS) to the change detection's "
            "INPUT, Cloud masks (MASKS) to its MASKS, and MASKED_DATES and MASK_CLEAR to its parameters of "
            "the same names: the positions of the dates that have a mask (a date without one runs unmasked) "
            "and the masks' clear values.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(with_help(QgsProcessingParameterMultipleLayers(
            self.INPUT, tr("Band files"), QgsProcessing.TypeRaster, optional=True),
            tr("One-band rasters: the band files (and masks) of every date.")))
        self.addParameter(with_help(QgsProcessingParameterFile(
            self.FOLDER, tr("Folder of band files"), behavior=QgsProcessingParameterFile.Folder, optional=True),
            tr("A folder holding the band files, searched with its subfolders (a .SAFE folder too; .zip files "
               "and Landsat .tar downloads in it are read).")))
        self.addParameter(with_help(QgsProcessingParameterString(
            self.BANDS, tr("Bands, comma-separated"), optional=True),
            tr("E.g. red,green,blue,nir or B04,B03,B02,B08; empty: the sensor's surface bands.")))
        overwrite = QgsProcessingParameterBoolean(
            self.OVERWRITE, tr("Replace VRTs of the same names in the folder"), False)
        overwrite.setFlags(overwrite.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(overwrite)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Folder for the date rasters (VRT)")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.LAYERS, tr("Date rasters")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.MASKS, tr("Cloud masks")))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))
        # a model connects these to caim:detectchanges: MASKS alone lists the masks of the dates that have one,
        # which the change detection refused as "12 cloud masks for 14 layers" (the positions were not known
        # before the run, so a model could not give them)
        self.addOutput(QgsProcessingOutputString(
            self.MASKED_DATES, tr("Dates the cloud masks belong to (positions in the date rasters)")))
        self.addOutput(QgsProcessingOutputString(self.MASK_CLEAR, tr("Mask values meaning clear")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        engine_language()  # the engine's messages in QGIS's language
        from model_core.bandfiles import stack_band_files
        from model_core.errors import CaimError
        from model_core.i18n import option_names

        from caim_qgis_plugin.split_algorithm import model_intermediate, temporary_folder_warning

        inputs = [layer_source(lyr) for lyr in self.parameterAsLayerList(parameters, self.INPUT, context)]
        folder = self.parameterAsString(parameters, self.FOLDER, context).strip()
        if folder:
            inputs.append(folder)
        if not inputs:
            raise QgsProcessingException(tr("Choose the band files, or the folder holding them."))
        bands = parameter_text(self, parameters, self.BANDS, context).strip() or None
        out = self.parameterAsString(parameters, self.OUTPUT, context)
        with option_names(processing_option_names()):   # (the engine's --bands is this algorithm's BANDS)
            try:
                res = stack_band_files(inputs, out, bands=bands,
                                       overwrite=self.parameterAsBoolean(parameters, self.OVERWRITE, context))
            except CaimError as exc:
                raise QgsProcessingException(str(exc)) from None
            text = res.text()
        feedback.pushInfo(text)
        intermediate = model_intermediate(parameters, self.OUTPUT)  # a model's step: its dates are not loaded
        warning = None if intermediate else temporary_folder_warning(res.out_dir)  # (Processing's default output)
        if warning:
            feedback.pushWarning(warning)  # (qgis_process: a WARNING line; reportError printed ERROR)
        group = group_name(out)
        if warning:  # Processing's own folder (…/OUTPUT): the group named after the band files' folder, not "OUTPUT"
            from model_core.bandfiles import downloads_folder

            group = group_name(folder or downloads_folder(inputs[0]))
        for d in [] if intermediate else res.dates:
            for path, mask in ((os.path.join(res.out_dir, d.name), False),
                               (os.path.join(res.out_dir, d.mask_name) if d.mask_name else None, True)):
                if path is None:
                    continue
                details = QgsProcessingContext.LayerDetails(os.path.splitext(os.path.basename(path))[0],
                                                            context.project(), self.MASKS if mask else self.LAYERS)
                details.forceName = True  # the date in the name: the change detection reads it there
                details.setPostProcessor(GroupPlacer(group, mask))
                context.addLayerToLoadOnCompletion(path, details)
        masked = ",".join(str(i) for i, d in enumerate(res.dates, start=1) if d.mask_name)
        clear, others = masks_clear_values(res)
        if others:
            feedback.pushWarning(tr(
                "MASK_CLEAR is %s, the clear values of most masks; the masks of %s are of another kind, which a "
                "change detection given MASKS and MASK_CLEAR reads with these values: leave those dates' masks out "
                "(MASKED_DATES), or stack the kinds apart.") % (clear, ", ".join(others)))
        return {self.OUTPUT: res.out_dir, self.LAYERS: res.vrts, self.MASKS: res.masks, self.SUMMARY: text,
                self.MASKED_DATES: masked, self.MASK_CLEAR: clear}
