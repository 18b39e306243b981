"""SpaceNet 7 (Multi-Temporal Urban Development) in its published layout.

Published layout (``train/`` of SN7; one folder per area of interest, AOI)::

    <root>/<AOI>/images/global_monthly_YYYY_MM_mosaic_<AOI>.tif          R, G, B, alpha (uint8)
    <root>/<AOI>/images_masked/global_monthly_YYYY_MM_mosaic_<AOI>.tif   same, unusable data blacked out
    <root>/<AOI>/UDM_masks/global_monthly_YYYY_MM_mosaic_<AOI>_UDM.tif   unusable-data mask (non-zero = unusable)
    <root>/<AOI>/labels_match/global_monthly_YYYY_MM_mosaic_<AOI>_Buildings.geojson
        building footprints in map coordinates, property "Id" persistent across months
    <root>/<AOI>/labels_match_pix/..._Buildings.geojson   the same in pixel coordinates

Labels, as CAIM-Net derives them: for the selected months, each pixel gets the persistent building
Id covering it (0 = none); a change in interval k is an Id difference between month k-1 and month k
(a building appears, disappears or is replaced) and the moment is the last such k.  Pixels that are
unusable (UDM mask or alpha 0) in any selected month are unlabelled (255) and invalid.

Bands: SN7 mosaics have no NIR; the NIR slot is filled with the green band (the same substitution
the bundled weights were trained with).  Values are scaled to 0..1.  ``t`` selects that many months
spread evenly over the AOI's months (the paper uses T = 9); ``indices`` picks months explicitly.
"""

import errno
import glob
import os
import re

import numpy as np

from model_core.datasets.series import (IGNORE, Series, check_same_grid, moment_from_maps, read_raster,
                                        select_indices)
from model_core.i18n import _

_MONTH = re.compile(r"global_monthly_(\d{4})_(\d{2})_mosaic_(.+)\.tif$")


def find_aois(root):
    """AOI folders under ``root`` (the root itself, its children, or ``root/train/*``)."""
    cands = [root] + sorted(glob.glob(os.path.join(root, "*"))) + sorted(glob.glob(os.path.join(root, "*", "*")))
    return [c for c in cands if os.path.isdir(os.path.join(c, "images"))
            and glob.glob(os.path.join(c, "images", "global_monthly_*_mosaic_*.tif"))]


def _rasterize_ids(geojson, ref_path, pixel_coords):
    """Rasterise the building polygons' "Id" onto the grid of ``ref_path`` (int32, 0 = none).

    The target gets the image's geotransform but no CRS, so GDAL burns the coordinates as they are
    (labels_match is in the mosaic's own EPSG:3857) instead of reprojecting from a CRS the GeoJSON
    may not declare.
    """
    from osgeo import gdal, ogr

    ref = gdal.Open(ref_path)
    drv = gdal.GetDriverByName("MEM")
    dst = drv.Create("", ref.RasterXSize, ref.RasterYSize, 1, gdal.GDT_Int32)
    if pixel_coords:
        dst.SetGeoTransform((0.0, 1.0, 0.0, 0.0, 0.0, 1.0))
    else:
        dst.SetGeoTransform(ref.GetGeoTransform())
    src = ogr.Open(geojson)
    if src is None:
        raise OSError(_("cannot read {path}").format(path=geojson))
    layer = src.GetLayer(0)
    has_id = layer.GetLayerDefn().GetFieldIndex("Id") >= 0
    if has_id:
        gdal.RasterizeLayer(dst, [1], layer, options=["ATTRIBUTE=Id"])
    else:
        gdal.RasterizeLayer(dst, [1], layer, burn_values=[1])
    return dst.GetRasterBand(1).ReadAsArray()


def load_aoi(folder, t=None, indices=None, use_masked=False):
    """One AOI as a :class:`Series`."""
    img_dir = os.path.join(folder, "images_masked" if use_masked else "images")
    months = []
    for p in glob.glob(os.path.join(img_dir, "global_monthly_*_mosaic_*.tif")):
        m = _MONTH.search(os.path.basename(p))
        if m:
            months.append((f"{m.group(1)}-{m.group(2)}", p, os.path.basename(p)[:-4]))
    months.sort()
    if len(months) < 2:
        raise FileNotFoundError(_("{folder}: fewer than 2 monthly mosaics in {images}").format(folder=folder, images=img_dir))
    idx = select_indices(len(months), t, indices)
    values, ids, unusable = [], [], []
    first, ref = months[idx[0]][1], None
    for i in idx:
        date, path, stem = months[i]
        ref = check_same_grid(path, first, ref)  # a mosaic shifted against the others would mislabel change
        arr, _unused = read_raster(path)
        if values and arr.shape[1:] != values[0].shape[1:]:
            raise ValueError(_("{path} is {width} x {height} pixels, {first} {first_width} x {first_height}: every "
                               "mosaic of an area needs one grid (crop them to the common extent, e.g. gdalwarp -te "
                               "XMIN YMIN XMAX YMAX).").format(
                path=path, width=arr.shape[2], height=arr.shape[1], first=os.path.basename(first),
                first_width=values[0].shape[2], first_height=values[0].shape[1]))
        bad = arr[3] == 0 if arr.shape[0] >= 4 else np.zeros(arr.shape[1:], bool)
        udm = os.path.join(folder, "UDM_masks", stem + "_UDM.tif")
        if os.path.isfile(udm):
            check_same_grid(udm, first, ref)
            bad |= read_raster(udm)[0][0] != 0
        rgb = arr[:3].astype(np.float32) / 255.0
        values.append(np.concatenate([rgb, rgb[1:2]], axis=0))
        geo = os.path.join(folder, "labels_match", stem + "_Buildings.geojson")
        pix = os.path.join(folder, "labels_match_pix", stem + "_Buildings.geojson")
        if os.path.isfile(geo):
            ids.append(_rasterize_ids(geo, path, pixel_coords=False))
        elif os.path.isfile(pix):
            ids.append(_rasterize_ids(pix, path, pixel_coords=True))
        else:
            folder_label = next((p for p in (geo, pix) if os.path.isdir(p)), None)
            if folder_label:  # a folder of the label's name: it said "no building labels", as if there were none
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), folder_label)
            raise FileNotFoundError(_("{folder}: no building labels for {stem}").format(folder=folder, stem=stem))
        unusable.append(bad)
    unusable = np.stack(unusable)
    moment = moment_from_maps(np.stack(ids), unusable)
    valid = ~unusable.any(axis=0)
    moment[~valid] = IGNORE
    return Series(os.path.basename(os.path.normpath(folder)), np.stack(values), valid, moment,
                  dates=[months[i][0] for i in idx])


def load(root, t=None, indices=None, use_masked=False):
    aois = find_aois(root)
    if not aois:
        raise FileNotFoundError(_("no SpaceNet 7 AOI folders (with images/global_monthly_*.tif) under {root}").format(
            root=root))
    return [load_aoi(a, t, indices, use_masked) for a in aois]
