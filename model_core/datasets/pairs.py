"""Bi-temporal change benchmarks of image pairs in their original folder layout.

LEVIR-CD, LEVIR-CD+, WHU-CD (cropped), SYSU-CD, CDD, S2Looking, DSIFN and the like ship as::

    <root>/[train|val|test]/A/<name>.png       first date (8-bit RGB PNG; JPG, TIF or BMP in some)
                           /B/<name>.png       second date
                           /label/<name>.png   change label: 0 unchanged, 255 (or 1) changed

The three folders are recognised by name (case-insensitive), whichever pair a dataset uses:
A / B, time1 / time2 (SYSU-CD), im1 / im2, T1 / T2, Image1 / Image2 (S2Looking), img1 / img2,
pre / post, before / after; the label folder is label, labels, OUT (CDD), GT, mask (DSIFN), cm or
change.  ``<root>`` may be such a folder itself or hold them one or two levels down (the split
folders); ``split`` keeps only the folders of that name (e.g. ``test``).  Files pair up by name
without extension, so a label may be a TIF for a PNG image.

Every tile becomes a :class:`~model_core.datasets.series.LazySeries` with T = 2, read only when used
(a split of thousands of tiles is never in memory at once).  Loaded, its area label is 1 where the
label is 255 (or 1 in a 0/1 label), 0 elsewhere; the moment equals the area (interval 1).  A lossless
label holding other values is refused naming the file; a JPEG label (CDD) is thresholded at 128 to
undo the compression's noise.  Multi-band labels (white on black RGB) use their brightest band.
Images are read as stored (0..255 for 8-bit files; the model and the baseline standardise each
date); 3-band images are R, G, B with green repeated as NIR, as the engine does for RGB-only input
(for a classical method, ``as_read``: the three bands as they are, as the engine gives them);
a fourth alpha band is dropped; ``bands`` (1-based) picks and orders others.  Valid pixels are those
with finite values (and not a file's declared nodata) on both dates.
"""

import os
from functools import partial

import numpy as np

from model_core.datasets.series import LazySeries, Series, check_band_count, open_raster, read_raster, to_rgbn
from model_core.i18n import N_, _, translated

BEFORE_AFTER = (("a", "b"), ("time1", "time2"), ("im1", "im2"), ("t1", "t2"), ("image1", "image2"),
                ("img1", "img2"), ("pre", "post"), ("before", "after"))
LABEL_DIRS = ("label", "labels", "out", "gt", "mask", "cm", "change")
IMAGE_EXT = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")
_LAYOUT = N_("<root>[/train|val|test]/A, B, label/ with the same file names in the three folders (or "
              "time1/time2/label, im1/im2/label, T1/T2/GT, Image1/Image2/label, A/B/OUT, t1/t2/mask)")


def pair_folders(folder):
    """(before, after, label) sub-folder paths of ``folder`` when it holds a recognised pair (label None
    when it has the two dates' folders but no label folder), else None."""
    try:
        subs = {d.lower(): os.path.join(folder, d) for d in os.listdir(folder)
                if os.path.isdir(os.path.join(folder, d))}
    except OSError:
        return None
    for before, after in BEFORE_AFTER:
        if before in subs and after in subs:
            return subs[before], subs[after], next((subs[n] for n in LABEL_DIRS if n in subs), None)
    return None


def find_pairs(root, split=None):
    """Map name -> (before, after, label) folders under ``root`` (itself, or one or two levels down);
    the name is the folder's path relative to ``root`` ('.' for the root itself)."""
    if not os.path.isdir(root):
        raise FileNotFoundError(_("{root} is not a folder").format(root=root))
    found, level = {}, [root]
    for _unused in range(3):
        nxt = []
        for d in level:
            dirs = pair_folders(d)
            if dirs:
                found[os.path.relpath(d, root)] = dirs
            else:
                nxt += sorted(os.path.join(d, s) for s in os.listdir(d) if os.path.isdir(os.path.join(d, s)))
        level = nxt
    if not found:
        raise FileNotFoundError(_("no bi-temporal pair folders under {root}: expected {layout}").format(
            root=root, layout=translated(_LAYOUT)))
    if split:
        chosen = {k: v for k, v in found.items()
                  if os.path.basename(os.path.abspath(os.path.join(root, k))).lower() == split.lower()}
        if not chosen:
            raise FileNotFoundError(_("--split {split}: none of the pair folders under {root} is named '{split}' (found: "
                                      "{found}); name one of those, or drop --split to use them all.").format(
                split=split, root=root, found=", ".join(sorted(found))))
        found = chosen
    for before, after, label in found.values():
        if label is None:
            raise FileNotFoundError((_("{folder} holds {before}/ and {after}/ but no change-label folder ({names}): add "
                                       "the labels, named like the images, in one of them, or pick another split with "
                                       "--split.") if len(found) > 1 or split else
                                     _("{folder} holds {before}/ and {after}/ but no change-label folder ({names}): add "
                                       "the labels, named like the images, in one of them.")).format(
                folder=os.path.dirname(before), before=os.path.basename(before), after=os.path.basename(after),
                names=", ".join(n if n != "out" else "OUT" for n in LABEL_DIRS)))
    return dict(sorted(found.items()))


def _images(folder):
    """Map file name without extension -> path of the images in ``folder``."""
    out = {}
    for f in sorted(os.listdir(folder)):
        stem, ext = os.path.splitext(f)
        if ext.lower() in IMAGE_EXT and not f.startswith("."):
            out.setdefault(stem, os.path.join(folder, f))
    return out


def read_label(path):
    """Area label (H, W) uint8 (0 / 1, 255 unlabelled) of a benchmark's change image."""
    from osgeo import gdal

    arr, _unused = read_raster(path)
    ds = gdal.Open(path)  # kept while its band is used (GDAL's Python bindings need the dataset alive)
    nd = ds.GetRasterBand(1).GetNoDataValue()
    lab = arr[:3].max(axis=0) if arr.shape[0] >= 3 else arr[0]
    unlabelled = (lab == nd) if nd is not None and nd != 0 else np.zeros(lab.shape, bool)
    values = set(np.unique(lab[~unlabelled]).tolist())
    if os.path.splitext(path)[1].lower() in (".jpg", ".jpeg"):  # lossy: values near 0 and 255
        changed = lab >= 128 if max(values, default=0) > 1 else lab == 1
    elif values <= {0, 1} or values <= {0, 255}:
        changed = lab > 0
    else:
        bad = ", ".join(f"{v:g}" for v in sorted(values - {0, 1, 255})[:5]) or _("0, 1 and 255 together")
        raise ValueError(_("{path}: value(s) {values} are not a change label, which holds 0 unchanged and 255 (or 1) "
                           "changed; recode it, or mark a 'don't care' value as the file's nodata (a GeoTIFF: "
                           "gdal_edit.py -a_nodata VALUE).").format(path=path, values=bad))
    out = changed.astype(np.uint8)
    out[unlabelled] = 255
    return out


def _image_bands(path, bands):
    """The 1-based bands of ``path`` to read as R, G, B(, NIR): ``bands``, or the first three of an RGBA
    file, or all (checked: 3 or 4)."""
    from osgeo import gdal

    ds = open_raster(path, _("cannot read image {path}"))
    n = ds.RasterCount
    if bands is None and n == 4 and ds.GetRasterBand(4).GetColorInterpretation() == gdal.GCI_AlphaBand:
        bands = [1, 2, 3]
    check_band_count(path, n, bands)
    return bands


def load_pair(name, before, after, label, bands=None, as_read=False):
    """One tile as a :class:`Series` (T = 2, moment = area); ``as_read``: the bands as read (an RGB tile
    stays 3 bands, as the engine gives them to a classical method), else R, G, B, NIR for the networks."""
    vals, valid = [], None
    for path in (before, after):
        arr, nodata = read_raster(path, bands=_image_bands(path, bands), scaled=True)
        if valid is not None and nodata.shape != valid.shape:
            raise ValueError(_("{after} is {width} x {height} pixels, {before} {first_width} x {first_height}: the two "
                               "dates of a pair need the same size (crop or resample one, or remove the pair).").format(
                after=after, width=nodata.shape[1], height=nodata.shape[0], before=before, first_width=valid.shape[1],
                first_height=valid.shape[0]))
        vals.append(arr.astype(np.float32) if as_read else to_rgbn(arr))
        valid = ~nodata if valid is None else valid & ~nodata
    area = read_label(label)
    if area.shape != valid.shape:
        raise ValueError(_("{label} is {width} x {height} pixels, the images ({before}) {image_width} x {image_height}: "
                           "a label needs the images' size.").format(
            label=label, width=area.shape[1], height=area.shape[0], before=before, image_width=valid.shape[1],
            image_height=valid.shape[0]))
    return Series(name, np.stack(vals), valid, moment=area.copy(), area=area)


def load(root, split=None, bands=None, t=None, as_read=False):
    """Every tile under ``root`` (of ``split``) as a :class:`LazySeries`, in folder and name order
    (``as_read``: see :func:`load_pair`).  Refuses, naming the files, a folder without images and an image
    without its other date or label."""
    if t not in (None, 2):
        raise ValueError(_("image-pair benchmarks have 2 dates; --t {t} cannot be selected").format(t=t))
    out = []
    for key, (before, after, label) in find_pairs(root, split).items():
        a, b, lab = _images(before), _images(after), _images(label)
        if not a:
            raise FileNotFoundError(_("{folder} holds no images ({extensions}): put the first date's tiles there, or "
                                      "remove the folder {parent}.").format(
                folder=before, extensions=", ".join(IMAGE_EXT), parent=os.path.dirname(before)))
        for stem in sorted(set(a) | set(b)):
            if stem not in b or stem not in a:
                have, missing = (a[stem], after) if stem in a else (b[stem], before)
                raise FileNotFoundError(_("{path} has no counterpart in {folder} (expected {expected}): every tile needs "
                                          "an image of the same name in both date folders; add it or remove the "
                                          "tile.").format(path=have, folder=missing,
                                                          expected=os.path.join(missing, os.path.basename(have))))
            if stem not in lab:
                raise FileNotFoundError(_("{path} has no change label in {folder} (expected {expected}): add it, or remove "
                                          "the tile from both date folders.").format(
                    path=a[stem], folder=label, expected=os.path.join(label, os.path.basename(a[stem]))))
        prefix = "" if key == "." else key.replace(os.sep, "/") + "/"
        for stem in sorted(a):
            out.append(LazySeries(prefix + stem, 2, partial(load_pair, prefix + stem, a[stem], b[stem], lab[stem],
                                                            bands, as_read)))
    return out
