"""Procedural time-series scenarios with known change area and change moment.

Used by the tests, the demo and (as one source among several) training.  A scenario is a synthetic
landscape of land-cover parcels observed at T dates, with realistic nuisances, in which some parcels
and blobs change land cover at known moments:

* Landscape: a Voronoi partition into parcels (fields, forest stands, water bodies, built-up blocks,
  bare soil), each with a 4-band R, G, B, NIR surface-reflectance signature, within-parcel texture and
  dark boundary lines (roads / hedges).
* Nuisances per date (they are not change): a per-band gain and offset (illumination, atmosphere), a
  seasonal vegetation cycle (NIR and green of vegetated classes), sensor noise, and an optional
  sub-pixel to 1-pixel misregistration.
* Changes: ``n_changes`` events; each picks a region (a whole parcel or an irregular blob), a date
  index k (1..T-1) and a new land cover, and applies from image k on.  A region may change more than
  once; the truth is the LAST change: moment k means the last change happened between image k-1 and
  image k (0-based), i.e. between the k-th and (k+1)-th date, which is the stored value k.

The values are stored as uint16 reflectance x 10000, like Level-2 products.  Everything is seeded and
reproducible.  Call results on such data synthetic, never real accuracy.
"""

import datetime
import os

import numpy as np

# R, G, B, NIR reflectance signatures
CLASSES = {
    "water": (0.03, 0.05, 0.06, 0.02),
    "forest": (0.03, 0.06, 0.03, 0.32),
    "crop": (0.06, 0.10, 0.05, 0.40),
    "grass": (0.08, 0.12, 0.07, 0.30),
    "bare": (0.22, 0.18, 0.14, 0.28),
    "built": (0.20, 0.19, 0.18, 0.22),
}
VEGETATED = {"forest", "crop", "grass"}
_NAMES = list(CLASSES)


def _smooth_noise(rng, h, w, scale):
    """Cheap smooth random field in [-1, 1] by bilinear upsampling of coarse noise."""
    gh, gw = max(2, h // scale + 2), max(2, w // scale + 2)
    coarse = rng.standard_normal((gh, gw))
    ys = np.linspace(0, gh - 1.001, h)
    xs = np.linspace(0, gw - 1.001, w)
    y0, x0 = ys.astype(int), xs.astype(int)
    fy, fx = (ys - y0)[:, None], (xs - x0)[None, :]
    a = coarse[y0][:, x0]
    b = coarse[y0][:, x0 + 1]
    c = coarse[y0 + 1][:, x0]
    d = coarse[y0 + 1][:, x0 + 1]
    f = a * (1 - fy) * (1 - fx) + b * (1 - fy) * fx + c * fy * (1 - fx) + d * fy * fx
    return f / (np.abs(f).max() + 1e-9)


def _voronoi(rng, h, w, n):
    pts = rng.uniform(0, 1, (n, 2)) * (h, w)
    yy, xx = np.mgrid[0:h, 0:w]
    # warp coordinates a little so parcel borders are not perfectly straight
    wy = yy + 3 * _smooth_noise(rng, h, w, 24)
    wx = xx + 3 * _smooth_noise(rng, h, w, 24)
    best = np.full((h, w), np.inf)
    lab = np.zeros((h, w), np.int32)
    second = np.full((h, w), np.inf)
    for i, (py, px) in enumerate(pts):
        d = (wy - py) ** 2 + (wx - px) ** 2
        closer = d < best
        second = np.where(closer, best, np.minimum(second, d))
        lab = np.where(closer, i, lab)
        best = np.where(closer, d, best)
    edge = (np.sqrt(second) - np.sqrt(best)) < 1.2
    return lab, edge


def _blob(rng, h, w):
    cy, cx = rng.uniform(0.1, 0.9) * h, rng.uniform(0.1, 0.9) * w
    r = rng.uniform(0.04, 0.12) * min(h, w)
    yy, xx = np.mgrid[0:h, 0:w]
    ang = np.arctan2(yy - cy, xx - cx)
    rad = r * (1 + 0.3 * np.sin(3 * ang + rng.uniform(0, 6)) + 0.15 * np.sin(5 * ang + rng.uniform(0, 6)))
    return np.hypot(yy - cy, xx - cx) < rad


def make_scenario(t=6, size=256, seed=0, n_changes=8, noise=0.006, misregistration=0.5, bands=4,
                  start="2018-06-15", step_days=180):
    """Generate a scenario in memory.

    Returns ``(images, moment, dates)``: images (T, bands, H, W) uint16, moment (H, W) uint8 truth,
    dates (list of ISO strings).  ``size`` may be an int or (height, width).
    """
    rng = np.random.default_rng(seed)
    h, w = (size, size) if np.isscalar(size) else size
    n_parcels = max(6, int(h * w / 1800))
    parcels, edges = _voronoi(rng, h, w, n_parcels)
    parcel_class = rng.choice(len(_NAMES), n_parcels, p=[0.08, 0.22, 0.3, 0.2, 0.1, 0.1])
    cover = np.repeat(parcel_class[parcels][None], t, axis=0)  # (T, H, W) class index per date
    for _ in range(n_changes):
        k = int(rng.integers(1, t))
        region = parcels == rng.integers(n_parcels) if rng.random() < 0.5 else _blob(rng, h, w)
        new = int(rng.integers(len(_NAMES)))
        if (cover[k][region] == new).mean() > 0.5:
            new = (new + 1 + int(rng.integers(len(_NAMES) - 1))) % len(_NAMES)
        cover[k:, region] = new
    # the truth is the last date at which the land cover differs from the date before
    moment = np.zeros((h, w), np.uint8)
    for k in range(1, t):
        moment[cover[k] != cover[k - 1]] = k

    sig = np.array([CLASSES[n] for n in _NAMES], np.float32)  # (classes, 4)
    texture = _smooth_noise(rng, h, w, 6) * 0.5 + _smooth_noise(rng, h, w, 2) * 0.5
    parcel_tint = rng.normal(1.0, 0.08, (n_parcels, 4)).astype(np.float32)
    d0 = datetime.date.fromisoformat(start)
    dates = [(d0 + datetime.timedelta(days=step_days * i + int(rng.integers(-20, 21)))).isoformat()
             for i in range(t)]
    images = np.empty((t, bands, h, w), np.uint16)
    veg = np.isin(np.arange(len(_NAMES)), [_NAMES.index(n) for n in VEGETATED])
    for i in range(t):
        doy = datetime.date.fromisoformat(dates[i]).timetuple().tm_yday
        season = 0.75 + 0.25 * np.cos(2 * np.pi * (doy - 200) / 365.0)  # 1.0 in July, 0.5 in winter
        refl = sig[cover[i]].transpose(2, 0, 1).copy()  # (4, H, W)
        refl *= parcel_tint[parcels].transpose(2, 0, 1)
        v = veg[cover[i]]
        refl[3][v] *= season
        refl[1][v] *= 0.85 + 0.15 * season
        refl *= 1.0 + 0.12 * texture[None]
        refl[:, edges] *= 0.7
        gain = rng.normal(1.0, 0.06, (4, 1, 1)).astype(np.float32)
        offset = rng.normal(0.0, 0.008, (4, 1, 1)).astype(np.float32)
        refl = refl * gain + offset
        if misregistration > 0:
            dy, dx = rng.uniform(-misregistration, misregistration, 2)
            refl = _shift(refl, dy, dx)
        refl += rng.normal(0, noise, refl.shape).astype(np.float32)
        images[i] = np.clip(refl[:bands] * 10000, 0, 65535).astype(np.uint16)
    return images, moment, dates


def _shift(a, dy, dx):
    """Sub-pixel shift of (C, H, W) by bilinear interpolation with edge clamping."""
    c, h, w = a.shape
    ys = np.clip(np.arange(h) + dy, 0, h - 1)
    xs = np.clip(np.arange(w) + dx, 0, w - 1)
    y0 = np.minimum(ys.astype(int), h - 2)
    x0 = np.minimum(xs.astype(int), w - 2)
    fy = (ys - y0)[:, None]
    fx = (xs - x0)[None, :]
    return (a[:, y0][:, :, x0] * (1 - fy) * (1 - fx) + a[:, y0][:, :, x0 + 1] * (1 - fy) * fx
            + a[:, y0 + 1][:, :, x0] * fy * (1 - fx) + a[:, y0 + 1][:, :, x0 + 1] * fy * fx)


def write_scenario(folder, t=6, size=256, seed=0, epsg=32633, pixel=10.0, origin=(500000.0, 5200000.0),
                   **kwargs):
    """Write a scenario as dated GeoTIFFs plus truth rasters; returns (image paths, truth dict)."""
    from osgeo import gdal, osr

    gdal.UseExceptions()
    images, moment, dates = make_scenario(t=t, size=size, seed=seed, **kwargs)
    os.makedirs(folder, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    gt = (origin[0], pixel, 0.0, origin[1], 0.0, -pixel)
    drv = gdal.GetDriverByName("GTiff")
    paths = []
    h, w = moment.shape
    for i, d in enumerate(dates):
        p = os.path.join(folder, f"scene_{d}.tif")
        ds = drv.Create(p, w, h, images.shape[1], gdal.GDT_UInt16, options=["COMPRESS=DEFLATE", "TILED=YES"])
        ds.SetProjection(srs.ExportToWkt())
        ds.SetGeoTransform(gt)
        for b in range(images.shape[1]):
            ds.GetRasterBand(b + 1).WriteArray(images[i, b])
            ds.GetRasterBand(b + 1).SetDescription(["red", "green", "blue", "nir"][b] if b < 4 else f"b{b + 1}")
        ds = None
        paths.append(p)
    truth = {}
    for name, arr in (("moment", moment), ("area", (moment > 0).astype(np.uint8))):
        p = os.path.join(folder, f"truth_{name}.tif")
        ds = drv.Create(p, w, h, 1, gdal.GDT_Byte, options=["COMPRESS=DEFLATE"])
        ds.SetProjection(srs.ExportToWkt())
        ds.SetGeoTransform(gt)
        ds.GetRasterBand(1).WriteArray(arr)
        ds = None
        truth[name] = p
    return paths, truth
