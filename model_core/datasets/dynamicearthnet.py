"""DynamicEarthNet in its published layout.

Published layout (mediaTUM archive; one "cube" = one area of interest, 1024 x 1024 px, 3 m)::

    <root>/planet/<...>/<cube_id>/PF-SR/YYYY-MM-DD.tif     daily PlanetFusion surface reflectance,
                                                          4 bands B, G, R, NIR (int16-range values)
    <root>/labels/<cube_id>_<zone>/Labels/Raster/<grid>/<grid>-YYYY_MM_01.tif
                                                          monthly land cover: 7 bands, band i is 255
                                                          where the pixel is class i
    (optional) <root>/dynnet_training_splits/{train,val,test}.txt

The seven classes are impervious, agriculture, forest, wetlands, soil, water, snow & ice.  As in the
dataset authors' loader, snow & ice (band 7) is treated as unlabelled; so are pixels without any
class.  Single-band label rasters holding class indices 0..6 are accepted too.

Labels, as CAIM-Net derives them: for the selected months, a change in interval k is a class
difference between month k-1 and month k; the moment is the last such k; a pixel unlabelled in any
selected month is unlabelled (255).  The image of a month is its first day (the ``-01`` file when
present, else the earliest day of that month).  Bands are reordered to R, G, B, NIR and divided by
10000.  ``t`` selects that many months spread evenly (the paper uses T = 6); ``indices`` picks months.
"""

import glob
import os
import re

import numpy as np

from model_core.datasets.series import (IGNORE, Series, check_same_grid, moment_from_maps, read_raster,
                                        select_indices)
from model_core.i18n import _

SNOW = 6
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.tif$")
_LABEL = re.compile(r"(\d{4})_(\d{2})_01\.tif$")


def find_cubes(root):
    """Map cube id -> PF-SR folder."""
    out = {}
    for d in glob.glob(os.path.join(root, "**", "PF-SR"), recursive=True):
        if os.path.isdir(d):
            out[os.path.basename(os.path.dirname(d))] = d
    return dict(sorted(out.items()))


def find_labels(root, cube):
    """Map "YYYY-MM" -> monthly label raster of ``cube``."""
    out = {}
    for d in glob.glob(os.path.join(root, "labels", cube + "*")):
        for p in glob.glob(os.path.join(d, "**", "*.tif"), recursive=True):
            m = _LABEL.search(os.path.basename(p))
            if m:
                out[f"{m.group(1)}-{m.group(2)}"] = p
    return dict(sorted(out.items()))


def read_classes(path):
    """Class index map (H, W) uint8 with 255 for unlabelled (and snow & ice)."""
    arr, _unused = read_raster(path)
    if arr.shape[0] == 1:
        cls = arr[0].astype(np.int64)
        out = np.where((cls >= 0) & (cls < SNOW), cls, IGNORE)
        return out.astype(np.uint8)
    hot = arr == 255
    cls = np.argmax(hot, axis=0).astype(np.uint8)
    cls[~hot.any(axis=0)] = IGNORE
    cls[cls == SNOW] = IGNORE
    return cls


def load_cube(root, cube, pfsr, t=None, indices=None):
    labels = find_labels(root, cube)
    days = {}
    for p in glob.glob(os.path.join(pfsr, "*.tif")):
        m = _DAY.match(os.path.basename(p))
        if m:
            days.setdefault(f"{m.group(1)}-{m.group(2)}", []).append(p)
    months = [mo for mo in labels if mo in days]
    if len(months) < 2:
        raise FileNotFoundError(_("cube {cube}: fewer than 2 months with both images and labels").format(cube=cube))
    idx = select_indices(len(months), t, indices)
    values, classes = [], []
    first, ref = sorted(days[months[idx[0]]])[0], None
    for i in idx:
        mo = months[i]
        img = sorted(days[mo])[0]
        ref = check_same_grid(img, first, ref)  # an image or label shifted against the others would mislabel
        check_same_grid(labels[mo], first, ref)
        arr, _unused = read_raster(img)
        values.append(arr[[2, 1, 0, 3]].astype(np.float32) / 10000.0)
        classes.append(read_classes(labels[mo]))
    classes = np.stack(classes)
    unlabelled = classes == IGNORE
    moment = moment_from_maps(classes, unlabelled)
    values = np.stack(values)
    valid = np.isfinite(values).all(axis=(0, 1))
    moment[~valid] = IGNORE
    return Series(cube, values, valid, moment, dates=[months[i] for i in idx])


def load(root, t=None, indices=None):
    cubes = find_cubes(root)
    if not cubes:
        raise FileNotFoundError(_("no DynamicEarthNet cubes (<cube>/PF-SR/*.tif) under {root}").format(root=root))
    return [load_cube(root, c, p, t, indices) for c, p in cubes.items()]
