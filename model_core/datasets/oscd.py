"""OSCD (Onera Satellite Change Detection, Daudt et al. 2018) in its published layout.

Published layout (the "Images", "Train Labels" and "Test Labels" archives, extracted side by side)::

    <root>/<...Images>/<city>/imgs_1/<product>_B01.tif ... _B12.tif, _B8A.tif   13 single-band Sentinel-2
                             /imgs_2/...                                   L1C files per date, at 10, 20
                             /imgs_1_rect/B01.tif ...  /imgs_2_rect/...    and 60 m (_rect: co-registered)
                             /dates.txt                                    (optional) date_1: YYYYMMDD ...
    <root>/<...Images>/train.txt, test.txt       the split's cities, comma separated on one line
    <root>/<...Labels>/<city>/cm/cm.png           change map: 0 unchanged, 255 changed
    <root>/<...Labels>/<city>/cm/<city>-cm.tif    the same: 1 unchanged, 2 changed

City folders are found anywhere under ``root`` (a folder with ``imgs_1*`` and ``imgs_2*`` folders of
band files); a date reads ``imgs_K_rect`` when it holds the band files, else ``imgs_K``.  Band files
are matched by the band at the end of their name (``B04.tif``, ``..._B8A.tif``); every band is
resampled (bilinear; through the georeferencing when the files have it) to the 10 m grid of B02.
The label of a city is searched for anywhere under ``root``: ``<city>-cm.tif`` (1 = no change,
2 = change; 0/1 and 0/255 files are read as such) is preferred to ``cm/cm.png`` (non-zero = change,
as the dataset authors' loader reads it).  ``split`` (``train`` / ``test``) keeps the cities its
``<split>.txt`` lists; a selected city without a label is refused (naming it).

Bands: values are reflectance x 10000 and are divided by 10000.  ``bands`` are 1-based positions in
:data:`S2_BANDS` (B01 .. B08, B8A, B09 .. B12, the band order of a 13-band Sentinel-2 stack); the
default 4,3,2,8 reads B04, B03, B02, B08 as R, G, B, NIR.  More than four bands are allowed: the first
four are the network's, the rest for a classical method or a fusion's CVA part (:data:`SURFACE` is
what the engine keeps of a 13-band stack without a band mapping: B01, B09 and B10 see the atmosphere).
Each city is a :class:`~model_core.datasets.series.LazySeries` with T = 2; moment = area.
"""

import errno
import os
import re
from functools import partial

import numpy as np

from model_core.datasets.series import IGNORE, LazySeries, Series, parse_date
from model_core.i18n import N_, _, translated

S2_BANDS = ("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B09", "B10", "B11", "B12")
RGBN = (4, 3, 2, 8)
SURFACE = RGBN + (5, 6, 7, 9, 12, 13)  # + B05, B06, B07, B8A, B11, B12
_BAND_FILE = re.compile(r"(?:^|[_\-. ])B(0?[1-9]|1[0-2]|8A)\.(?:tiff?|jp2)$", re.I)
_CM_FILE = re.compile(r"^(?:(?P<city>.+?)[-_])?cm\.(?P<ext>tiff?|png)$", re.I)
_LAYOUT = N_("<root>/.../<city>/imgs_1/B01.tif ... B12.tif, B8A.tif and imgs_2/ (or imgs_1_rect/, imgs_2_rect/), "
              "labels in .../<city>/cm/cm.png or <city>-cm.tif")


def _band_files(folder):
    """Map band name (B01 .. B12, B8A) -> file of a date folder."""
    out = {}
    for f in sorted(os.listdir(folder)):
        m = _BAND_FILE.search(f)
        if m:
            b = m.group(1).upper()
            out.setdefault("B" + (b if b == "8A" else f"{int(b):02d}"), os.path.join(folder, f))
    return out


def _walk(root, depth=4):
    """(folder, sub-folder names, file names) under ``root``, at most ``depth`` levels down."""
    base = root.rstrip(os.sep).count(os.sep)
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        if folder.count(os.sep) - base >= depth:
            dirs[:] = []
        yield folder, dirs, files


def find_cities(root):
    """Map city -> (date-1 folder, date-2 folder)."""
    out = {}
    for folder, dirs, _unused in _walk(root):
        dates = []
        for k in (1, 2):
            cands = [os.path.join(folder, d) for d in (f"imgs_{k}_rect", f"imgs_{k}") if d in dirs]
            dates.append(next((c for c in cands if _band_files(c)), None))
        if all(dates):
            out.setdefault(os.path.basename(folder), tuple(dates))
    return dict(sorted(out.items()))


def _label_city(match, folder):
    """The city of a change map's name (``<city>-cm.tif``), else of its folder (``<city>/cm/cm.png``)."""
    city = match.group("city")
    if city is None:
        up = os.path.basename(folder)
        city = os.path.basename(os.path.dirname(folder)) if up.lower() == "cm" else up
    return city


def find_labels(root, folders=None):
    """Map city -> change-map file (the 1/2 GeoTIFF preferred to the 0/255 PNG).  ``folders``, a dict, gets
    city -> a folder named as a change map (``cm.png`` made a folder), which is no label."""
    found = {}
    for folder, dirs, files in _walk(root, depth=5):
        for f in files:
            m = _CM_FILE.match(f)
            if not m:
                continue
            rank = 0 if m.group("ext").lower().startswith("tif") else 1
            found.setdefault(_label_city(m, folder), []).append((rank, os.path.join(folder, f)))
        for d in dirs if folders is not None else ():
            m = _CM_FILE.match(d)
            if m:
                folders.setdefault(_label_city(m, folder), os.path.join(folder, d))
    return {c: sorted(v)[0][1] for c, v in found.items()}


def split_cities(root, split):
    """Cities that ``<split>.txt`` (anywhere under ``root``) lists."""
    for folder, _unused, files in _walk(root):
        name = next((f for f in files if f.lower() == f"{split.lower()}.txt"), None)
        if name:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                return [c for c in re.split(r"[,\s]+", f.read()) if c]
    raise FileNotFoundError(_("--split {split}: no {split}.txt under {root} (OSCD lists the cities of its splits in "
                              "train.txt and test.txt, next to the city folders); drop --split to evaluate every city "
                              "with a label.").format(split=split, root=root))


def read_label(path):
    """Area label (H, W) uint8 (0 / 1, 255 unlabelled) of a city's change map."""
    from model_core.datasets.series import read_raster

    arr, _unused = read_raster(path)
    lab = arr[:3].max(axis=0) if arr.shape[0] >= 3 else arr[0]
    if os.path.splitext(path)[1].lower() == ".png":
        return (lab > 0).astype(np.uint8)
    values = set(np.unique(lab).tolist())
    if values <= {1, 2}:
        return (lab == 2).astype(np.uint8)
    if values <= {0, 1} or values <= {0, 255}:
        return (lab > 0).astype(np.uint8)
    bad = ", ".join(f"{v:g}" for v in sorted(values)[:5])
    raise ValueError(_("{path}: values {values} are not an OSCD change map (1 no change, 2 change; or 0 / 255); use the "
                       "city's cm/cm.png instead, or recode the file.").format(path=path, values=bad))


def _open(path):
    from model_core.datasets.series import open_raster

    return open_raster(path)


def read_on_grid(path, ref):
    """Band 1 of ``path`` as float32 on the grid of the GDAL dataset ``ref`` (bilinear resampling, through
    the georeferencing when both have it, else by stretching the whole image), and its nodata mask."""
    from osgeo import gdal

    ds = _open(path)
    w, h = ref.RasterXSize, ref.RasterYSize
    if (ds.RasterXSize, ds.RasterYSize) != (w, h):
        gt, rgt = ds.GetGeoTransform(can_return_null=True), ref.GetGeoTransform(can_return_null=True)
        if gt and rgt and bool(ds.GetProjection()) == bool(ref.GetProjection()):
            xs, ys = (rgt[0], rgt[0] + w * rgt[1]), (rgt[3], rgt[3] + h * rgt[5])
            ds = gdal.Warp("", ds, format="MEM", outputBounds=(min(xs), min(ys), max(xs), max(ys)), width=w,
                           height=h, resampleAlg="bilinear", dstSRS=ref.GetProjection() or None)
        else:
            ds = gdal.Translate("", ds, format="MEM", width=w, height=h, resampleAlg="bilinear")
    band = ds.GetRasterBand(1)
    a = band.ReadAsArray().astype(np.float32)
    nodata = ~np.isfinite(a)
    nd = band.GetNoDataValue()
    if nd is not None:
        nodata |= a == nd
    return np.where(nodata, 0, a), nodata


def load_city(city, dates, label, bands=RGBN, date_names=None):
    """One city as a :class:`Series` (T = 2, moment = area)."""
    vals, valid = [], None
    for folder in dates:
        files = _band_files(folder)
        missing = [S2_BANDS[b - 1] for b in bands if S2_BANDS[b - 1] not in files] + \
            ([] if "B02" in files else ["B02"])
        if missing:
            raise FileNotFoundError(_("{folder}: no {bands} band file (OSCD dates hold B01.tif ... B12.tif and B8A.tif; "
                                      "B02 gives the 10 m grid)").format(folder=folder,
                                                                         bands=", ".join(sorted(set(missing)))))
        ref = _open(files["B02"])
        if valid is not None and (ref.RasterYSize, ref.RasterXSize) != valid.shape:
            raise ValueError(_("{path} is {width} x {height} pixels, the first date's B02 {first_width} x "
                               "{first_height}: the two dates need one grid.").format(
                path=files["B02"], width=ref.RasterXSize, height=ref.RasterYSize, first_width=valid.shape[1],
                first_height=valid.shape[0]))
        arrs = []
        for b in bands:
            a, nodata = read_on_grid(files[S2_BANDS[b - 1]], ref)
            arrs.append(a / np.float32(10000.0))
            valid = ~nodata if valid is None else valid & ~nodata
        vals.append(np.stack(arrs))
    area = read_label(label)
    if area.shape != valid.shape:
        raise ValueError(_("{label} is {width} x {height} pixels, the images (B02 of {first}) {image_width} x "
                           "{image_height}: a change map needs the 10 m grid of the images.").format(
            label=label, width=area.shape[1], height=area.shape[0], first=dates[0], image_width=valid.shape[1],
            image_height=valid.shape[0]))
    area[~valid] = IGNORE
    return Series(city, np.stack(vals), valid, moment=area.copy(), area=area, dates=date_names)


def _dates(city_folder, dates):
    """The two acquisition dates (dates.txt, else the band files' names), or None."""
    txt = os.path.join(city_folder, "dates.txt")
    if os.path.isfile(txt):
        with open(txt, encoding="utf-8") as f:
            found = [parse_date(line.split()[-1]) for line in f if line.strip()]
        if len(found) == 2 and all(found):
            return found
    found = [parse_date(os.path.basename(next(iter(_band_files(d).values())))) for d in dates]
    return found if all(found) else None


def load(root, split=None, bands=None, t=None):
    """Every labelled city under ``root`` (of ``split``) as a :class:`LazySeries`."""
    if t not in (None, 2):
        raise ValueError(_("OSCD has 2 dates; --t {t} cannot be selected").format(t=t))
    bands = tuple(int(b) for b in (bands or RGBN))
    if len(bands) < 4 or not all(1 <= b <= len(S2_BANDS) for b in bands):
        raise ValueError(_("--bands for OSCD picks 4 or more of the 13 Sentinel-2 bands by their position in {bands} "
                           "(1-13), R, G, B, NIR first; default {default}").format(
            bands=", ".join(S2_BANDS), default=",".join(map(str, RGBN))))
    if not os.path.isdir(root):
        raise FileNotFoundError(_("{root} is not a folder").format(root=root))
    cities = find_cities(root)
    if not cities:
        raise FileNotFoundError(_("no OSCD city folders under {root}: expected {layout}").format(
            root=root, layout=translated(_LAYOUT)))
    label_folders = {}
    labels = find_labels(root, label_folders)
    if split:
        listed = split_cities(root, split)
        absent = [c for c in listed if c not in cities]
        if absent:
            raise FileNotFoundError(_("{split}.txt lists {cities}, but {root} has no such city folder (with imgs_1/ and "
                                      "imgs_2/ band files)").format(split=split, cities=", ".join(absent), root=root))
        names = listed
    else:
        names = list(cities)
    unlabelled = [c for c in names if c not in labels]
    folder_labels = sorted(label_folders[c] for c in unlabelled if c in label_folders)
    if folder_labels:  # it said "no change map ... for <city>", as if there were none
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), folder_labels[0])
    if unlabelled:
        raise FileNotFoundError((_("no change map (cm/cm.png or <city>-cm.tif) under {root} for {cities}: add the labels "
                                   "(the Train Labels / Test Labels archives) under the --root that holds the images.")
                                 if split else
                                 _("no change map (cm/cm.png or <city>-cm.tif) under {root} for {cities}: add the labels "
                                   "(the Train Labels / Test Labels archives) under the --root that holds the images, "
                                   "or pass --split train or --split test to evaluate the cities of one split.")).format(
            root=root, cities=", ".join(sorted(unlabelled))))
    return [LazySeries(c, 2, partial(load_city, c, cities[c], labels[c], bands,
                                     _dates(os.path.dirname(cities[c][0]), cities[c])))
            for c in sorted(names)]
