"""A multi-date raster layer split into one layer per date: VRTs in a folder beside its file
(:func:`model_core.stacked.split_into_folder`), for ``caim:detectchanges`` and the dialog's Run alike, so
both write the same folder and use it again; and the date layers' names, as ``caim:splitdates`` gives them."""

import os

from qgis.PyQt.QtCore import QCoreApplication

from caim_qgis_plugin.inputs import unit_source

READ_ONLY, NO_FOLDER = "read-only", "no folder"  # why the dates went to QGIS's temporary folder


def tr(text):
    return QCoreApplication.translate("CaimSplit", text)


def split_beside(unit, per_date=None, order=None):
    """Split the multi-date raster ``unit`` (a tuple of layers, inputs.split_units: one file-based GDAL layer,
    or the variables of one data cube) into dates: ``(folder, [(vrt, date or None)], created, fallback)``.  The
    folder is ``<name>_dates`` beside the raster's file (used again when it holds the very same split);
    ``fallback`` is None, or why it is in QGIS's temporary folder instead, which is
    deleted when QGIS closes: :data:`READ_ONLY` (a folder you cannot write to) or :data:`NO_FOLDER` (inside
    an archive, at a web address).  ``created``: this call made the folder.  Raises CaimError."""
    from qgis.core import QgsProcessingUtils

    from model_core.errors import OutputError
    from model_core.stacked import split_into_folder

    source = unit_source(tuple(unit))
    expected = planned_fallback(unit)
    parent = None if expected is None else QgsProcessingUtils.tempFolder()  # None: the raster's own folder
    try:
        folder, written, created = split_into_folder(source, per_date, order, parent)
    except OutputError:
        if parent is not None:
            raise
        # not writable after all, which os.access did not tell (on Windows it asks no folder's permissions: a
        # read-only share): QGIS's temporary folder, as for a folder it tells
        parent = QgsProcessingUtils.tempFolder()
        folder, written, created = split_into_folder(source, per_date, order, parent)
    return folder, written, created, None if parent is None else expected or READ_ONLY


def in_the_way(folder, unit):
    """Why :func:`split_beside` put the dates of ``unit`` into ``folder``, a ``<name>_dates_2``, ..., and not
    into ``<name>_dates``: " (not in '<name>_dates': it holds other files)", a file of that name, ...; ""
    when they are in ``<name>_dates``.  (The run said only where they went, a user looking for them in
    ``<name>_dates`` found other files there, or a file.)"""
    from model_core.stacked import dates_folder_name, numbered_folder_name

    stem, parent, name = dates_folder_name(unit_source(tuple(unit))), os.path.dirname(folder), os.path.basename(folder)
    reasons = []
    for k in range(1, 1000):
        other = numbered_folder_name(stem, k)
        if other == name:
            break
        path = os.path.join(parent, other)
        if os.path.isdir(path):
            reasons.append(tr("'%s': it holds other files") % other)
        elif os.path.lexists(path):
            reasons.append(tr("'%s': it is a file, not a folder") % other)
    else:
        return ""
    return tr(" (not in %s)") % "; ".join(reasons) if reasons else ""


def planned_fallback(unit):
    """Where :func:`split_beside` will write the dates of ``unit``, as far as can be told before: None
    (beside the raster's file), :data:`READ_ONLY` or :data:`NO_FOLDER` (QGIS's temporary folder)."""
    from model_core.stacked import source_file

    file_of = source_file(unit_source(tuple(unit)))  # a NetCDF variable's (NETCDF:"cube.nc":ndvi) too
    folder_of = os.path.dirname(file_of) if file_of else None
    if not folder_of:
        return NO_FOLDER
    return None if os.access(folder_of, os.W_OK) else READ_ONLY


def planned_folder_name(unit):
    """The name of the folder beside the raster that :func:`split_beside` will write the dates of ``unit``
    into, as far as can be told before: ``<name>_dates``, or the next name when a file of that name is in the
    way (a folder of it holding other files is known only once split: :func:`in_the_way` says it then)."""
    from model_core.stacked import dates_folder_name, numbered_folder_name, source_file

    stem = dates_folder_name(unit_source(tuple(unit)))
    parent = os.path.dirname(source_file(unit_source(tuple(unit))) or "")
    for k in range(1, 1000):
        path = os.path.join(parent, numbered_folder_name(stem, k))
        if not parent or not os.path.lexists(path) or os.path.isdir(path):
            return numbered_folder_name(stem, k)
    return numbered_folder_name(stem, 999)


def fallback_text(name, fallback):
    """The warning for dates written to QGIS's temporary folder (:func:`split_beside`'s ``fallback``), and
    what that means for a saved project (it said only that the folder goes when QGIS closes; reopened, the
    project's date layers were unavailable and the pixel inspector had no imagery, unannounced)."""
    if fallback == READ_ONLY:
        text = tr("'%s' is in a folder you cannot write to: its dates' VRTs are in QGIS's temporary folder, which "
                  "is deleted when QGIS closes.") % name
    else:
        text = tr("'%s' is not a file in a folder (it is inside an archive, or at a web address): its dates' VRTs "
                  "are in QGIS's temporary folder, which is deleted when QGIS closes.") % name
    return text + " " + tr("A project saved with them opens without these date layers, and the pixel inspector "
                           "without their imagery; to keep them, split it into a folder of your own (Processing "
                           "Toolbox > CAIM change detection > Split a multi-date raster into dates) and run on "
                           "its dates.")


def date_layer_names(name, dates):
    """The layer names of the dates of the multi-date layer ``name``: "<name> 01 (2019-05-01)", the name
    without its own dates (ndvi_2020) when they would be read instead of each date's."""
    from model_core.stacked import dated_prefix

    width = len(str(len(dates)))

    def layer_name(prefix, k, date):
        return ("%s %0*d (%s)" % (prefix, width, k, date or tr("date not known"))).strip()

    prefix = dated_prefix(name, list(dates), layer_name)
    return [layer_name(prefix, k, date) for k, date in enumerate(dates, start=1)]
