"""Real-pixel semi-synthetic time series with known change area and moment.

Every sample is built from REAL imagery (the public folders of ``../shared/data``, see SOURCES.md);
only the temporal story is synthetic, so results measured on it must be called *semi-synthetic*.

How one sample of T dates and P x P pixels is made
--------------------------------------------------
1. **Base scene**: a crop of one real image (NAIP, Landsat Pucallpa, SpaceNet 7 Planet or CBERS-4),
   optionally resampled (random zoom) so that ground sampling distances from ~5 m to ~90 m occur.
   Every date starts as this same scene: without an inserted change nothing really changes.
2. **Changes**: 0 to ``max_events`` change events.  Each has a date k (1..T-1: the change happens
   between image k-1 and image k), a natural shape (smooth "blob" regions, polygonal field parcels cut
   from a rotated grid, clusters of small rotated building-like rectangles; with ``road_prob`` also
   roads or canals: 1-3 px strips, straight or curved, sometimes a junction), and content: a real patch
   from another place, another source, or the same place at another real date (real land-cover
   change), optionally matched to the base scene's per-band mean and spread so that the change is a
   land-cover change rather than a sensor change.  From date k on, the shape shows the new content.
   Events are applied in date order; a pixel can change several times and its label is the LAST
   change (the largest k covering it).  Events whose content is not visibly different from what it
   replaces (mean absolute difference < ``min_contrast``) are redrawn or dropped.  With
   ``revert_prob`` a share of the later events are returns instead: where the scene changed since
   an earlier date j, a smooth region takes date j's content again (water back in a channel,
   regrowth, a field back to an earlier cover), a change at date k like any other.  Without them a
   pixel never returned to an earlier state, which real river and farm series do all the time.  With
   ``repeat_prob`` a share of the later events are drawn inside the area changed so far (a smooth
   part of it, with new content), so that pixels changing two or more times are common, as they are
   in real series; without it overlaps are rare and the "last" in "last change" is seldom taught.
   With ``brief_prob`` a share of the events last one date: the same area changes again at k + 1,
   back to its state before k or to new content (a sandbar seen once, a flooded field), so that a
   state seen on one date only is not always a nuisance such as haze.  With ``drift_prob`` the pixels
   of a last change keep evolving a little on the later dates (a cumulative per-band gain of a few
   per cent per date: vegetation establishing, a surface drying), which is not a further change.
   With ``rgb_prob`` a share of the series is given as the engine reads RGB-only imagery (3 bands, or
   R, G, B + alpha): green in the NIR slot, in the values and in the scene statistics.
   With ``sensor_prob`` a share of the series is seen by "another sensor", the same on every date: each
   band a mixture of the four (other spectral responses: the off-diagonal weights -0.05..0.15, each row
   summing to one), a tone curve per band (a power 0.75-1.3 about the band's bright end) and, for half
   of them, a blur of 0.4-1.2 px (a coarser point spread, as of resampled coarse imagery); the scene
   statistics are taken after the mixture and the curve.  The sensors seen in training (NAIP, Landsat)
   are not the only ones users have.
3. **Nuisances, per date** (not changes, the model must learn to ignore them): vegetation-dependent
   seasonal shift (NIR and red move with a seasonal phase, scaled by NDVI); per-band gain and offset
   (illumination, calibration); sensor noise; integer misregistration of 1-3 pixels of whole dates
   (with ``subpixel_prob``, a share of them fractional offsets up to 2 px, resampled bilinearly);
   haze (a smooth, bluish, additive veil, from clear to its opacity within the sample; with ``haze_depth``
   below 1 more even, on the share ``haze_depth_prob`` of veils: a haze bank larger than the sample);
   optionally (``landcover_prob``) land-cover-dependent tone changes (the first date's pixels grouped into
   3-8 spectral classes, each class with its own gain and offset per date and band: crops at another
   stage, soil moisture, turbidity; with ``landcover_regions`` a share of those samples shift every
   connected region of a class on its own: fields of one crop at different stages); and thick clouds,
   which are MASKED: cloudy pixels of any date are invalid (input zeroed by the normaliser, label 255),
   as the engine does with nodata.

Band mapping to the model's R, G, B, NIR (all scaled to reflectance-like 0..1 floats):

* ``naip-north-dakota`` (uint8 R, G, B, NIR): bands 1, 2, 3, 4; / 255.
* ``landsat-pucallpa`` (uint8 SWIR1, NIR, Red, Green; no blue band): R = 3, G = 4, B = 4 (the green
  band substitutes blue; independent per-band gain and noise make them differ slightly), NIR = 2; / 255.
* ``spacenet7-crops`` (uint8 R, G, B, alpha; no NIR): R = 1, G = 2, B = 3, NIR = 2 (green substitutes
  NIR); alpha 0 = nodata; / 255.
* ``cbers-cube`` (int16 B13 blue, B14 green, B15 red, B16 NIR, separate files per band and date):
  R = B15, G = B14, B = B13, NIR = B16; / 10000; pixels with CMASK != 0 are avoided.
* ``dynamicearthnet-crops`` (int16 PlanetFusion B, G, R, NIR, 16 x 16 px): R = 3, G = 2, B = 1,
  NIR = 4; / 10000.  Too small for a base scene: used only as change content (upsampled).
* ``taizhou`` is NEVER used: it is the real-label evaluation set.

Normalisation statistics (``scene_stats``, default OFF): the engine standardises every date with
the robust statistics of the WHOLE scene, while by default a training sample is standardised with
its own statistics (per date and band over its 64 x 64 window; the recipe of the bundled weights).
With ``scene_stats=True`` a sample also carries ``center`` and ``scale`` (T, 4): the robust statistics
of a stand-in for its scene (the base crop plus ``context_crops`` other crops of the same image at the
same zoom) after that date's scene-wide nuisances (season, gain, offset, noise), and training and
evaluation normalise with them, exactly as at inference.  Measured (MODEL_CARD.md): that matched
recipe scores higher on held-out semi-synthetic series but far lower on real Landsat labels, because
the per-window standardisation also acts as a strong augmentation (each window's per-date level and
contrast are re-set, so the network learns to tolerate local radiometric differences between dates,
which real imagery has and the generator's scene-wide nuisances do not).  The random stream with
``scene_stats=False`` is identical to the one before the option existed.  With ``own_stats_prob`` a
share of the samples carries its OWN statistics as ``center``/``scale`` instead (both normalisations
in one training run, as an augmentation; the keys stay the same for batching).

Held-out split: every image's columns are split at 75 %: ``split="train"`` crops base scenes and
change content only left of it, ``split="val"`` only right of it (CBERS: first 11 dates vs last 3;
DynamicEarthNet: samples 0-3 vs 4).  Validation samples are a pure function of (seed, index).
"""

import errno
import glob
import os
import re

import numpy as np
from scipy import ndimage

from model_core import provenance as _provenance
from model_core.i18n import _

IGNORE = 255
BANDS = ("red", "green", "blue", "nir")
EXCLUDED = ("taizhou",)

DEFAULT_SOURCE_WEIGHTS = {"naip": 0.4, "landsat": 0.3, "spacenet7": 0.15, "cbers": 0.15}
# the sources in the public domain (USDA NAIP, USGS Landsat); SpaceNet 7 and DynamicEarthNet are CC BY-SA
# 4.0 and the CBERS cube INPE's (see ../shared/data/SOURCES.md): ``sources=PUBLIC_DOMAIN`` keeps to these
PUBLIC_DOMAIN = _provenance.PUBLIC_DOMAIN  # one definition, beside each source's licence


def default_data_root():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "data"))


class Image:
    """One real image in the model's band order: ``data`` (4, H, W) float32, ``valid`` (H, W)."""

    def __init__(self, source, name, data, valid, group, split_cols=None):
        self.source, self.name, self.data, self.valid, self.group = source, name, data, valid, group
        self.split_cols = split_cols  # (train_end_col, val_start_col) or None (whole image)


def _read(path):
    from model_core.datasets.series import open_raster

    return open_raster(path, _("cannot read {path}")).ReadAsArray()


def _load_naip(root):
    out = []
    for p in sorted(glob.glob(os.path.join(root, "naip-north-dakota", "*.tif"))):
        a = _read(p)
        data = a[[0, 1, 2, 3]].astype(np.float32) / 255.0
        out.append(Image("naip", os.path.basename(p), data, (a != 0).all(axis=0), "naip"))
    return out


def _load_landsat(root):
    out = []
    for p in sorted(glob.glob(os.path.join(root, "landsat-pucallpa", "*.tif"))):
        a = _read(p)  # SWIR1, NIR, Red, Green
        data = a[[2, 3, 3, 1]].astype(np.float32) / 255.0
        out.append(Image("landsat", os.path.basename(p), data, (a != 0).all(axis=0), "landsat"))
    return out


def _load_spacenet7(root):
    out = []
    for p in sorted(glob.glob(os.path.join(root, "spacenet7-crops", "*_images.tif"))):
        a = _read(p)  # R, G, B, alpha
        data = a[[0, 1, 2, 1]].astype(np.float32) / 255.0
        valid = a[3] > 0 if a.shape[0] > 3 else np.ones(a.shape[1:], bool)
        out.append(Image("spacenet7", os.path.basename(p), data, valid, os.path.basename(p)))
    return out


def _load_cbers(root):
    folder = os.path.join(root, "cbers-cube")
    dates = sorted({m.group(1) for m in (re.search(r"_(\d{4}-\d{2}-\d{2})\.tif$", f)
                                         for f in os.listdir(folder) if f.endswith(".tif")) if m}) \
        if os.path.isdir(folder) else []
    out = []
    for i, d in enumerate(dates):
        def band(b):
            return _read(glob.glob(os.path.join(folder, f"*_{b}_{d}.tif"))[0])
        bands = [band("B15"), band("B14"), band("B13"), band("B16")]
        data = np.stack(bands).astype(np.float32) / 10000.0
        valid = (np.stack(bands) != -9999).all(axis=0) & (band("CMASK") == 0)
        img = Image("cbers", f"cbers_{d}", data, valid, "cbers")
        img.date_split = "val" if i >= len(dates) - 3 else "train"
        out.append(img)
    return out


def _load_den(root):
    out = []
    folder = os.path.join(root, "dynamicearthnet-crops")
    for p in sorted(glob.glob(os.path.join(folder, "*_planet_*.tif"))):
        m = re.search(r"sample_(\d+)_planet_(\d+)", os.path.basename(p))
        a = _read(p).astype(np.float32)  # B, G, R, NIR surface reflectance x 10000
        data = a[[2, 1, 0, 3]] / 10000.0
        img = Image("den", os.path.basename(p), data, np.ones(a.shape[1:], bool), "den")
        img.date_split = "val" if m and int(m.group(1)) >= 4 else "train"
        out.append(img)
    return out


_LOADERS = {"naip": _load_naip, "landsat": _load_landsat, "spacenet7": _load_spacenet7,
            "cbers": _load_cbers, "den": _load_den}
_CACHE = {}


def load_sources(root=None, sources=None):
    """Load the real images of ``root`` (default ``../shared/data``) grouped by source name."""
    root = os.path.abspath(root or default_data_root())
    if any(x in root for x in EXCLUDED):
        raise ValueError(_("the Taizhou evaluation set must not be used for training data"))
    key = (root, tuple(sorted(sources or _LOADERS)))
    if os.path.exists(root) and not os.path.isdir(root):  # it said "no source imagery found under <the file>"
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), root)
    if key not in _CACHE:
        found = {}
        for name in key[1]:
            try:
                imgs = _LOADERS[name](root)
            except (OSError, IndexError):
                imgs = []
            if imgs:
                found[name] = imgs
        if not found:
            raise FileNotFoundError(_("no source imagery found under {root} (see shared/data/SOURCES.md)").format(root=root))
        _CACHE[key] = found
    return _CACHE[key]


# ----------------------------------------------------------------------------------------- shapes

def _smooth_noise(rng, size, sigma):
    return ndimage.gaussian_filter(rng.standard_normal((size, size)).astype(np.float32), sigma,
                                   mode="wrap")


def shape_blob(rng, size):
    field = _smooth_noise(rng, size, rng.uniform(2.5, 7.0))
    frac = rng.uniform(0.03, 0.2)
    return field > np.quantile(field, 1.0 - frac)


def _rotated_coords(rng, size):
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    th = rng.uniform(0, np.pi)
    c, s = np.cos(th), np.sin(th)
    return xx * c + yy * s, -xx * s + yy * c


def shape_fields(rng, size):
    """One to three parcels of a rotated, irregular field grid."""
    u, v = _rotated_coords(rng, size)
    wu, wv = rng.uniform(8, 28), rng.uniform(8, 28)
    cu = np.floor((u + rng.uniform(0, wu)) / wu).astype(np.int32)
    cv = np.floor((v + rng.uniform(0, wv)) / wv).astype(np.int32)
    cells = np.unique(np.stack([cu.ravel(), cv.ravel()], 1), axis=0)
    pick = cells[rng.choice(len(cells), size=min(len(cells), int(rng.integers(1, 4))), replace=False)]
    mask = np.zeros((size, size), bool)
    for a, b in pick:
        mask |= (cu == a) & (cv == b)
    return mask


def shape_buildings(rng, size):
    """A cluster of small rotated rectangles (3-12 px), sharing one orientation."""
    u, v = _rotated_coords(rng, size)
    mask = np.zeros((size, size), bool)
    cy, cx = rng.uniform(0, size, 2)
    centre_u = u[int(cy) % size, int(cx) % size]
    centre_v = v[int(cy) % size, int(cx) % size]
    spread = rng.uniform(6, 20)
    for _unused in range(int(rng.integers(2, 9))):
        pu, pv = centre_u + rng.normal(0, spread), centre_v + rng.normal(0, spread)
        a, b = rng.uniform(1.5, 6), rng.uniform(1.5, 6)
        mask |= (np.abs(u - pu) < a) & (np.abs(v - pv) < b)
    return mask


def shape_roads(rng, size):
    """One or two roads or canals: strips 1-3 px wide, straight or gently curved, crossing the sample
    or ending inside it; a second one at right angles half of the time (a junction)."""
    u, v = _rotated_coords(rng, size)
    mask = np.zeros((size, size), bool)
    for j in range(1 if rng.random() < 0.5 else 2):
        a, b = (u, v) if j == 0 else (v, u)
        y, x = (int(c) for c in rng.integers(size // 4, size - size // 4, 2))
        centre = b[y, x]
        amp = rng.uniform(0.0, 0.12) * size if rng.random() < 0.5 else 0.0
        period = rng.uniform(0.5, 1.5) * size
        line = centre + amp * np.sin(2 * np.pi * a / period + rng.uniform(0, 2 * np.pi))
        strip = np.abs(b - line) < rng.uniform(0.5, 1.5)
        if rng.random() < 0.4:  # the road ends inside the sample
            end = a[y, x] + rng.uniform(-0.2, 0.3) * size
            strip &= (a < end) if rng.random() < 0.5 else (a > end)
        mask |= strip
    return mask


SHAPES = {"blob": shape_blob, "fields": shape_fields, "buildings": shape_buildings, "roads": shape_roads}


# -------------------------------------------------------------------------------------- generator

class SemiSyntheticGenerator:
    """Makes semi-synthetic samples; see the module docstring for the recipe."""

    def __init__(self, root=None, split="train", patch=64, margin=4, max_events=4,
                 no_change_prob=0.15, cloud_prob=0.04, haze_prob=0.25, misreg_prob=0.4,
                 source_weights=None, min_contrast=0.04, match_prob=0.5, scene_stats=False,
                 context_crops=5, landcover_prob=0.0, landcover_regions=0.0, road_prob=0.0,
                 subpixel_prob=0.0, own_stats_prob=0.0, revert_prob=0.0, repeat_prob=0.0,
                 brief_prob=0.0, record_history=False, drift_prob=0.0, sources=None, rgb_prob=0.0,
                 sensor_prob=0.0, record_haze=False, record_clouds=False, haze_depth=1.0, haze_depth_prob=1.0):
        if split not in ("train", "val"):
            raise ValueError(_("split must be 'train' or 'val'"))
        self.split, self.patch, self.margin = split, int(patch), int(margin)
        self.max_events, self.no_change_prob = int(max_events), float(no_change_prob)
        self.cloud_prob, self.haze_prob, self.misreg_prob = cloud_prob, haze_prob, misreg_prob
        self.min_contrast, self.match_prob = float(min_contrast), float(match_prob)
        self.scene_stats, self.context_crops = bool(scene_stats), int(context_crops)
        self.landcover_prob, self.landcover_regions = float(landcover_prob), float(landcover_regions)
        self.road_prob, self.subpixel_prob = float(road_prob), float(subpixel_prob)
        self.own_stats_prob = float(own_stats_prob)
        self.revert_prob, self.repeat_prob = float(revert_prob), float(repeat_prob)
        self.brief_prob = float(brief_prob)
        self.drift_prob = float(drift_prob)
        # the share of series given as RGB-only imagery is read by the engine: green in the NIR slot (3-band input,
        # R, G, B + alpha; --bands 1,2,3,2), values and scene statistics alike; drawn last, so that 0 leaves every
        # other draw as it was
        self.rgb_prob = float(rgb_prob)
        # the share of series seen by another sensor (band mixture, tone curve, blur; see the module docstring)
        self.sensor_prob = float(sensor_prob)
        # diagnostics: each sample also carries "n_changes" (uint8, changes covering each pixel) and
        # "returned" (bool, the last change is a return to an earlier state)
        self.record_history = bool(record_history)
        # diagnostics: each sample also carries "haze" (T, P, P) float32, the opacity of each date's haze veil on
        # the date's own (shifted) grid, 0 on dates without haze; no random draw is added (the series stay as drawn)
        self.record_haze = bool(record_haze)
        # how much a haze veil varies across the sample: 1 (the default) stretches each veil from clear to its
        # largest opacity within the sample (patchy haze, wisps the size of the changes); d < 1 keeps it between
        # (1 - d) and 1 of that opacity (a haze bank larger than the sample, which the scene statistics do not
        # see); the same random draws either way.  ``haze_depth_prob``: the share of veils given that depth (the
        # others patchy; below 1 it adds one draw per veil)
        for name, value in (("haze_depth", haze_depth), ("haze_depth_prob", haze_depth_prob)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ValueError(name + ": " + _("must be a share between 0 and 1, not {value!r}").format(value=value))
        self.haze_depth, self.haze_depth_prob = float(haze_depth), float(haze_depth_prob)
        # diagnostics: each sample also carries "clouds" (T, P, P) float32, the opacity of each date's cloud on the
        # date's own (shifted) grid (0 on dates without cloud; the generator masks where it exceeds 0.05 on any
        # date), and "valid_clear" / "moment_clear", valid and moment as they would be without the cloud mask; no
        # random draw is added (the series stay as drawn)
        self.record_clouds = bool(record_clouds)
        # ``sources``: the source names to use at all, as base scenes and as change content (default: every
        # source found); e.g. ["naip", "landsat"] keeps to the public-domain imagery of ../shared/data
        if sources is not None and not set(sources) <= set(_LOADERS):
            raise ValueError(_("unknown source(s) {unknown}; known: {known}").format(
                unknown=sorted(set(sources) - set(_LOADERS)), known=sorted(_LOADERS)))
        self.sources = load_sources(root, sources)  # raises when none of them is found
        w = dict(DEFAULT_SOURCE_WEIGHTS if source_weights is None else source_weights)
        self.base_names = [n for n in w if n in self.sources and w[n] > 0]
        p = np.array([w[n] for n in self.base_names], np.float64)
        self.base_p = p / p.sum()
        self.donor_names = sorted(self.sources)

    # -- crops
    def _images(self, name):
        imgs = self.sources[name]
        sel = [im for im in imgs if getattr(im, "date_split", self.split) == self.split]
        return sel or imgs

    def _col_range(self, img):
        w = img.data.shape[2]
        if hasattr(img, "date_split"):
            return 0, w
        cut = int(round(w * 0.75))
        return (0, cut) if self.split == "train" else (cut, w)

    def _crop(self, rng, img, out_size, zoom):
        """A (4, out_size, out_size) crop resampled by ``zoom`` (>1 enlarges), and its valid mask."""
        need = int(np.ceil(out_size / zoom)) + 1
        h = img.data.shape[1]
        c0, c1 = self._col_range(img)
        if c1 - c0 < need or h < need:
            zoom = max(zoom, out_size / (min(c1 - c0, h) - 1))
            need = min(int(np.ceil(out_size / zoom)) + 1, c1 - c0, h)
        best = None
        for _unused in range(6):
            y = int(rng.integers(0, h - need + 1))
            x = int(rng.integers(c0, c1 - need + 1))
            frac = img.valid[y:y + need, x:x + need].mean()
            if best is None or frac > best[0]:
                best = (frac, y, x)
            if frac > 0.98:
                break
        _unused, y, x = best
        data = img.data[:, y:y + need, x:x + need]
        valid = img.valid[y:y + need, x:x + need]
        if abs(zoom - 1.0) > 1e-3:
            f = out_size / need
            if zoom < 1 and abs(1 / zoom - round(1 / zoom)) < 1e-3:
                data = ndimage.uniform_filter(data, size=(1, int(round(1 / zoom)), int(round(1 / zoom))))
            data = ndimage.zoom(data, (1, f, f), order=1, prefilter=False)
            valid = ndimage.zoom(valid.astype(np.float32), f, order=0) > 0.5
        data = data[:, :out_size, :out_size]
        valid = valid[:out_size, :out_size]
        if data.shape[1] < out_size or data.shape[2] < out_size:
            ph, pw = out_size - data.shape[1], out_size - data.shape[2]
            data = np.pad(data, ((0, 0), (0, ph), (0, pw)), mode="reflect")
            valid = np.pad(valid, ((0, ph), (0, pw)), mode="edge")
        # copies: the caller edits the mask in place (changes, clouds), and at zoom 1 these are views
        # of the source image, which is shared by every generator of the process
        return np.array(data, dtype=np.float32, order="C", copy=True), np.array(valid, dtype=bool, copy=True)

    @staticmethod
    def _zoom_for(rng, name):
        if name == "naip":
            return float(rng.choice([1.0, 1.0, 0.5, 1 / 3, 0.25]))
        if name == "landsat":
            return float(rng.choice([1.0, 1.0, 1.5, 2.0]))
        if name == "spacenet7":
            return float(rng.choice([1.0, 0.5, 1 / 3]))
        if name == "cbers":
            return float(rng.choice([1.0, 1.5, 2.0]))
        return float(rng.uniform(2.0, 6.0))  # den: 16 px crops

    # -- sample
    def sample(self, rng, t):
        """One sample: dict(values (T,4,P,P) float32, valid (P,P) bool, moment (P,P) uint8)."""
        p, m = self.patch, self.margin
        size = p + 2 * m
        base_name = self.base_names[int(rng.choice(len(self.base_names), p=self.base_p))]
        imgs = self._images(base_name)
        base_img = imgs[int(rng.integers(len(imgs)))]
        zoom = self._zoom_for(rng, base_name)
        base, valid = self._crop(rng, base_img, size, zoom)
        context = self._context(rng, base_img, zoom, base, valid) if self.scene_stats else None
        frames = np.repeat(base[None], t, axis=0)
        label = np.zeros((size, size), np.uint8)
        n_changes = np.zeros((size, size), np.uint8)
        returned = np.zeros((size, size), bool)

        n_events = 0 if rng.random() < self.no_change_prob else int(rng.integers(1, self.max_events + 1))
        dates = sorted(int(rng.integers(1, t)) for _ in range(n_events))
        mu, sd = base.mean(axis=(1, 2)), base.std(axis=(1, 2)) + 1e-3
        for k in dates:
            if self.revert_prob > 0 and k >= 2 and label.any() and rng.random() < self.revert_prob:
                # a return to the state of an earlier date (water back, regrowth, a field back to an
                # earlier crop): where the scene has changed since date j, a smooth region takes the
                # content of date j again; it is a change at date k like any other
                j = int(rng.integers(0, k - 1))
                since = np.abs(frames[j] - frames[k - 1]).mean(axis=0) >= self.min_contrast
                field = _smooth_noise(rng, size, rng.uniform(3.0, 8.0))
                rmask = since & (field > np.quantile(field, rng.uniform(0.2, 0.6)))
                if rmask.sum() >= 4:
                    alpha = ndimage.gaussian_filter(rmask.astype(np.float32), 0.5)
                    alpha = np.where(rmask, np.maximum(alpha, 0.5), alpha)[None]
                    frames[k:] = frames[k:] * (1 - alpha) + frames[j][None] * alpha
                    hit = alpha[0] >= 0.5
                    n_changes[hit & (label != k)] += 1
                    label[hit] = k
                    returned |= hit
                    continue
            if self.repeat_prob > 0 and label.any() and rng.random() < self.repeat_prob:
                # a further change where the scene has already changed (a channel that moves on, a
                # cleared plot that is built on): a smooth part of the changed area takes new content
                field = _smooth_noise(rng, size, rng.uniform(3.0, 8.0))
                mask = ndimage.binary_dilation(label > 0, iterations=2) & \
                    (field > np.quantile(field, rng.uniform(0.1, 0.5)))
            else:
                if self.road_prob > 0 and rng.random() < self.road_prob:
                    shape_name = "roads"
                else:
                    shape_name = ("blob", "fields", "buildings")[int(rng.integers(3))]
                mask = SHAPES[shape_name](rng, size)
            if mask.sum() < 4:
                continue
            for _try in range(4):
                content, cvalid = self._donor(rng, base_img, base_name, zoom, size)
                if rng.random() < self.match_prob:
                    cmu, csd = content.mean(axis=(1, 2)), content.std(axis=(1, 2)) + 1e-3
                    shift = rng.normal(0, 1.0, 4).astype(np.float32) * sd
                    content = (content - cmu[:, None, None]) / csd[:, None, None] * sd[:, None, None] \
                        + (mu + shift)[:, None, None]
                    content = np.clip(content, 0.0, None)
                diff = np.abs(content - frames[k - 1]).mean(axis=0)[mask].mean()
                if diff >= self.min_contrast:
                    break
            else:
                continue
            # slightly soft edges: mixed pixels at the boundary
            alpha = ndimage.gaussian_filter(mask.astype(np.float32), 0.5)
            alpha = np.where(mask, np.maximum(alpha, 0.5), alpha)[None]
            frames[k:] = frames[k:] * (1 - alpha) + content[None] * alpha
            valid &= cvalid | ~mask
            hit = alpha[0] >= 0.5
            n_changes[hit & (label != k)] += 1
            label[hit] = k
            returned &= ~hit
            if self.brief_prob > 0 and k + 1 < t and rng.random() < self.brief_prob:
                # a state that lasts one date (a sandbar, a flooded field, a harvested then ploughed
                # plot): the same area changes again at date k + 1, back to what it was before k or
                # to new content; one-date states are real changes too, not only haze
                if rng.random() < 0.5:
                    after, back = frames[k - 1], True
                else:
                    after, cv = self._donor(rng, base_img, base_name, zoom, size)
                    valid &= cv | ~mask
                    back = False
                if np.abs(after - frames[k]).mean(axis=0)[mask].mean() >= self.min_contrast:
                    frames[k + 1:] = frames[k + 1:] * (1 - alpha) + after[None] * alpha
                    n_changes[hit] += 1
                    label[hit] = k + 1
                    returned[hit] = back

        if self.drift_prob > 0:
            self._post_change_drift(rng, frames, label)
        veils = np.zeros((t, size, size), np.float32) if self.record_haze else None
        clouds = np.zeros((t, size, size), np.float32) if self.record_clouds else None
        # (veils and clouds passed only when recorded: the call stays as it was otherwise)
        extra = {k: v for k, v in (("veils", veils), ("clouds", clouds)) if v is not None}
        frames, cloud, context = self._nuisances(rng, frames, t, context, **extra)
        # each recorded field (T, H, W) cut to the dates' own (shifted) windows as the frames are, in sample[key]
        recorded = {key: extra[name] for key, name in (("haze", "veils"), ("clouds", "clouds")) if name in extra}
        windows = {key: np.zeros((t, p, p), np.float32) for key in recorded}
        valid_clear = valid.copy() if clouds is not None else None
        valid &= ~cloud
        # misregistration: each date is an integer-shifted window of the extended frame
        out = np.empty((t, 4, p, p), np.float32)
        offsets = []  # per date (dx, dy): the first date's pixel (x, y) shows at (x + dx, y + dy) (with the history)
        for j in range(t):
            dy = dx = 0
            if j > 0 and rng.random() < self.misreg_prob:
                if self.subpixel_prob > 0 and rng.random() < self.subpixel_prob:
                    # a fractional offset resampled bilinearly, as the engine aligns grids that differ
                    # by a few metres: mixed pixels and blurred edges along every line
                    fy, fx = rng.uniform(-min(m, 3) + 1, min(m, 3) - 1, 2)
                    shifted = ndimage.shift(frames[j], (0.0, fy, fx), order=1, mode="nearest")
                    out[j] = shifted[:, m:m + p, m:m + p]
                    for key, field in recorded.items():
                        windows[key][j] = ndimage.shift(field[j], (fy, fx), order=1, mode="nearest")[m:m + p, m:m + p]
                    offsets.append((float(fx), float(fy)))
                    continue
                dy, dx = (int(v) for v in rng.integers(-min(m, 3), min(m, 3) + 1, 2))
            out[j] = frames[j, :, m + dy:m + dy + p, m + dx:m + dx + p]
            for key, field in recorded.items():
                windows[key][j] = field[j, m + dy:m + dy + p, m + dx:m + dx + p]
            offsets.append((-dx, -dy))
        if self.sensor_prob > 0 and rng.random() < self.sensor_prob:
            context = self._other_sensor(rng, out, context)
        valid_c = valid[m:m + p, m:m + p].copy()
        label_c = label[m:m + p, m:m + p].copy()
        label_c[~valid_c] = IGNORE
        sample = {"values": out, "valid": valid_c, "moment": label_c}
        if self.record_history:
            sample["n_changes"] = n_changes[m:m + p, m:m + p].copy()
            sample["returned"] = returned[m:m + p, m:m + p].copy()
            sample["offsets"] = offsets
        sample.update(windows)
        if clouds is not None:
            sample["valid_clear"] = valid_clear[m:m + p, m:m + p].copy()
            sample["moment_clear"] = label[m:m + p, m:m + p].copy()
            sample["moment_clear"][~sample["valid_clear"]] = IGNORE
        if context is not None:
            from model_core.normalize import robust_stats

            if self.own_stats_prob > 0 and rng.random() < self.own_stats_prob:
                # normalisation augmentation: this sample is standardised with its own statistics
                sample["center"], sample["scale"] = robust_stats(out, valid_c)
            else:
                sample["center"], sample["scale"] = robust_stats(context)
        if self.rgb_prob > 0 and rng.random() < self.rgb_prob:
            out[:, 3] = out[:, 1]  # (sample["values"] is out)
            for key in ("center", "scale"):
                if key in sample:
                    sample[key][:, 3] = sample[key][:, 1]
        return sample

    @staticmethod
    def _other_sensor(rng, out, context):
        """In place on ``out`` (T, 4, P, P): the series as another sensor sees it, the same on every date: each
        band a mixture of the four (off-diagonal weights -0.05..0.15, rows summing to one), a power curve per
        band about its bright end (0.75-1.3), and for half the series a Gaussian blur of 0.4-1.2 px. The mixture
        and the curve apply to ``context`` (T, 4, N) too, which is returned (None stays None)."""
        mix = np.eye(4) + rng.uniform(-0.05, 0.15, (4, 4)) * (1 - np.eye(4))
        mix = (mix / mix.sum(axis=1, keepdims=True)).astype(np.float32)
        power = rng.uniform(0.75, 1.3, 4).astype(np.float32)
        bright = np.maximum(np.percentile(out, 99, axis=(0, 2, 3)), 1e-3).astype(np.float32)

        def apply(x):  # x (T, 4, ...)
            y = np.clip(np.einsum("bk,tk...->tb...", mix, x), 0.0, None)
            shape = (1, 4) + (1,) * (x.ndim - 2)
            b = bright.reshape(shape)
            return (b * (y / b) ** power.reshape(shape)).astype(np.float32)

        out[:] = apply(out)
        if rng.random() < 0.5:
            sigma = float(rng.uniform(0.4, 1.2))
            out[:] = ndimage.gaussian_filter(out, (0, 0, sigma, sigma), mode="nearest")
        return None if context is None else apply(np.asarray(context, np.float32))

    def _post_change_drift(self, rng, frames, label):
        """In place: with ``drift_prob`` per last-change date k, the pixels whose last change is k keep
        evolving a little on every later date (vegetation establishing on a new bar, a surface drying or
        weathering): a cumulative per-band gain, one random step per date (a vegetation-vigour part,
        NIR up and red down or the reverse, plus an independent part per band). Not a change: the
        label stays k."""
        t = frames.shape[0]
        for k in np.unique(label[label > 0]):
            k = int(k)
            if k >= t - 1 or rng.random() >= self.drift_prob:
                continue
            region = label == k
            sigma = rng.uniform(0.02, 0.06)
            gain = np.ones(4, np.float32)
            for j in range(k + 1, t):
                vigour = rng.normal(0.0, sigma) * np.array([-0.5, 0.2, 0.0, 1.0])
                gain = gain * (1 + vigour + rng.normal(0.0, sigma / 2, 4)).astype(np.float32)
                frames[j][:, region] *= np.clip(gain, 0.5, 1.5)[:, None]

    def _context(self, rng, img, zoom, base, valid, side=48):
        """Pixels (4, N) standing for the whole scene around the base crop: the crop itself plus
        ``context_crops`` other crops of the same image (same split, same zoom)."""
        parts = [base[:, valid]]
        for _unused in range(self.context_crops):
            c, ok = self._crop(rng, img, side, zoom)
            parts.append(c[:, ok])
        return np.concatenate(parts, axis=1)

    def _donor(self, rng, base_img, base_name, zoom, size):
        r = rng.random()
        if r < 0.3 and base_name in ("naip", "landsat", "cbers"):
            # same place, another real date: real land-cover change at that spot
            others = [im for im in self._images(base_name) if im is not base_img]
            if others:
                other = others[int(rng.integers(len(others)))]
                return self._crop(rng, other, size, zoom)
        name = self.donor_names[int(rng.integers(len(self.donor_names)))]
        imgs = self._images(name)
        img = imgs[int(rng.integers(len(imgs)))]
        return self._crop(rng, img, size, self._zoom_for(rng, name))

    @staticmethod
    def _season_gain(f, season_amp, gain, offset):
        """In place: NDVI-driven seasonal shift, then per-band gain and offset, on (4, ...) values."""
        ndvi = np.clip((f[3] - f[0]) / (f[3] + f[0] + 1e-3), 0, 1)
        f[3] *= 1 + season_amp * ndvi
        f[0] *= 1 - 0.5 * season_amp * ndvi
        f[1] *= 1 + 0.2 * season_amp * ndvi
        extra = (1,) * (f.ndim - 1)
        f *= gain.reshape((4,) + extra).astype(np.float32)
        f += offset.reshape((4,) + extra).astype(np.float32)

    @staticmethod
    def _landcover_shifts(rng, frames, t, regions=False, min_region=16):
        """Land-cover-dependent tone changes between dates that are NOT change (crops at another
        growth stage, soil moisture, water turbidity): the first date's pixels are grouped into 3-8
        spectral classes (nearest of randomly picked prototype pixels); every date gets its own gain
        and offset per class and band.  With ``regions`` every connected region of a class of at
        least ``min_region`` pixels gets its own gain and offset instead (fields of one crop type at
        different stages, ponds of different turbidity), shaped as a brightness factor times a
        vegetation-vigour factor (NIR up, red down) with a small per-band part; smaller regions keep
        their class's.
        Returns (classes (H, W), gains (T, 4, K), offsets (T, 4, K)), K = classes (+ regions)."""
        first = frames[0].reshape(4, -1)
        k = int(rng.integers(3, 9))
        protos = first[:, rng.integers(0, first.shape[1], k)]
        d = ((first[:, :, None] - protos[:, None, :]) ** 2).sum(axis=0)
        classes = d.argmin(axis=1).reshape(frames.shape[-2:])
        if regions:
            ids = classes.copy()
            for c in range(int(classes.max()) + 1):
                lab, n = ndimage.label(classes == c)
                if n == 0:
                    continue
                sizes = np.bincount(lab.ravel(), minlength=n + 1)
                for r in np.nonzero(sizes[1:] >= min_region)[0] + 1:
                    ids[lab == r] = k
                    k += 1
            classes = ids
        spread = rng.uniform(0.03, 0.15)
        if regions:
            # physically shaped: a brightness factor (soil moisture, illumination of the surface) and
            # a vegetation-vigour factor (NIR up, red down: crop stage), both per region and date,
            # with a small independent part per band; not arbitrary hue changes
            bright = rng.normal(1.0, spread, (t, 1, k))
            vigour = rng.normal(0.0, 2 * spread, (t, 1, k)) * np.array([-0.5, 0.2, 0.0, 1.0])[:, None]
            gains = (bright * (1 + vigour) * rng.normal(1.0, spread / 3, (t, 4, k))).astype(np.float32)
            gains = np.clip(gains, 0.3, None)
        else:
            gains = rng.normal(1.0, spread, (t, 4, k)).astype(np.float32)
        offsets = rng.normal(0.0, spread * 0.15, (t, 4, k)).astype(np.float32)
        gains[0], offsets[0] = 1.0, 0.0
        return classes, gains, offsets

    def _nuisances(self, rng, frames, t, context=None, veils=None, clouds=None):
        """Per-date nuisances on ``frames``; the scene-wide ones (season, gain, offset, noise) are
        applied to the ``context`` pixels too, which become (T, 4, N) (None stays None).  ``veils``
        (T, H, W), when given, receives each date's haze opacity, ``clouds`` (T, H, W) each date's cloud opacity
        (no random draw is added)."""
        size = frames.shape[-1]
        frames = frames.copy()
        ctx = None if context is None else np.repeat(np.asarray(context, np.float32)[None], t, axis=0)
        # seasonal shift driven by each date's NDVI
        amp = rng.uniform(0.0, 0.35)
        phase = rng.uniform(0, 2 * np.pi)
        span = rng.uniform(0.2, 1.0)
        cloud_any = np.zeros((size, size), bool)
        # (no random draw at all when the option is off: the default random stream stays as it was)
        lc = None
        if self.landcover_prob > 0 and rng.random() < self.landcover_prob:
            regions = self.landcover_regions > 0 and rng.random() < self.landcover_regions
            lc = self._landcover_shifts(rng, frames, t, regions=regions)
        for j in range(t):
            f = frames[j]
            season = np.sin(phase + 2 * np.pi * span * j / max(t - 1, 1))
            gain = rng.normal(1.0, 0.08) * rng.normal(1.0, 0.04, 4)
            offset = rng.normal(0.0, 0.02) + rng.normal(0.0, 0.01, 4)
            self._season_gain(f, amp * season, gain, offset)
            if lc is not None:
                classes, gains, offsets = lc
                f *= gains[j][:, classes]
                f += offsets[j][:, classes]
            if ctx is not None:
                self._season_gain(ctx[j], amp * season, gain, offset)
            if rng.random() < self.haze_prob:
                veil = _smooth_noise(rng, size, rng.uniform(8, 20))
                veil = (veil - veil.min()) / (np.ptp(veil) + 1e-6) * rng.uniform(0.05, 0.35)
                if self.haze_depth < 1.0 and (self.haze_depth_prob >= 1.0 or rng.random() < self.haze_depth_prob):
                    # (depth 1: the veil as it always was, to the bit)
                    veil = veil.max() * (1.0 - self.haze_depth) + veil * self.haze_depth
                colour = np.array([0.75, 0.8, 0.9, 0.65], np.float32) * rng.uniform(0.4, 0.9)
                f[:] = f * (1 - veil[None]) + veil[None] * colour[:, None, None]
                if veils is not None:
                    veils[j] = veil
            if rng.random() < self.cloud_prob:
                field = _smooth_noise(rng, size, rng.uniform(4, 10))
                cover = field > np.quantile(field, 1 - rng.uniform(0.05, 0.4))
                soft = ndimage.gaussian_filter(cover.astype(np.float32), 1.5)
                bright = rng.uniform(0.6, 1.0)
                f[:] = f * (1 - soft[None]) + soft[None] * bright
                cloud_any |= soft > 0.05
                if clouds is not None:
                    clouds[j] = soft
            noise = rng.uniform(0.002, 0.015)
            f += rng.normal(0, noise, f.shape).astype(np.float32)
            np.clip(f, 0.0, None, out=f)
            if ctx is not None:
                ctx[j] += rng.normal(0, noise, ctx[j].shape).astype(np.float32)
                np.clip(ctx[j], 0.0, None, out=ctx[j])
        return frames, cloud_any, ctx

    def batch(self, rng, batch_size, t):
        """Stack ``batch_size`` samples of ``t`` dates: dict of numpy arrays with a batch axis."""
        items = [self.sample(rng, t) for _ in range(batch_size)]
        return {k: np.stack([it[k] for it in items]) for k in items[0]}


def validation_set(generator, count, t_values, seed=1234):
    """A fixed list of validation samples: sample i uses T = t_values[i % len] and its own seed."""
    out = []
    for i in range(count):
        rng = np.random.default_rng([seed, i])
        t = int(t_values[i % len(t_values)])
        out.append(generator.sample(rng, t))
    return out
