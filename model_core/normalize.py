"""Radiometric normalisation shared by inference and training.

Each date and band is standardised with robust statistics of that date's valid pixels over the whole
scene (not per tile), so a pixel's model input does not depend on which tile it falls in:

    x' = (x - median) / (1.4826 * MAD),  clipped to [-CLIP, CLIP]

Using per-date statistics removes most global illumination and gain differences between
acquisitions (a frequent source of pseudo-change) while keeping local contrast.  Statistics come from
a subsample of pixels (see :func:`model_core.stack.Stack.band_statistics`), which keeps memory flat.
"""

import numpy as np

CLIP = 6.0
_MIN_SCALE = 1e-3


def robust_stats(values, valid=None):
    """Median and robust scale of each (date, band) over valid pixels.

    ``values``: array (T, C, N) or (T, C, H, W); ``valid``: bool array broadcastable to the
    trailing pixel dims (True = use the pixel), or None.  Returns ``(center, scale)``, both (T, C)
    float32.
    """
    v = np.asarray(values, dtype=np.float32)
    t, c = v.shape[:2]
    v = v.reshape(t, c, -1)
    if valid is not None:
        m = np.asarray(valid, dtype=bool).reshape(-1)
        v = v[:, :, m]
    if v.shape[2] == 0:
        return np.zeros((t, c), np.float32), np.ones((t, c), np.float32)
    center = np.median(v, axis=2)
    mad = np.median(np.abs(v - center[:, :, None]), axis=2) * 1.4826
    std = v.std(axis=2)
    # MAD collapses on quantised, low-contrast bands; fall back to the standard deviation there.
    scale = np.where(mad > _MIN_SCALE * max(1.0, float(np.abs(center).max())), mad, std)
    scale = np.maximum(scale, _MIN_SCALE)
    return center.astype(np.float32), scale.astype(np.float32)


def apply(values, center, scale, out=None):
    """Standardise ``values`` (T, C, ...) with per-(date, band) ``center`` and ``scale``."""
    v = np.asarray(values, dtype=np.float32)
    extra = (1,) * (v.ndim - 2)
    res = np.subtract(v, center.reshape(center.shape + extra), out=out)
    res /= scale.reshape(scale.shape + extra)
    np.clip(res, -CLIP, CLIP, out=res)
    return res


def normalise(values, valid=None, center=None, scale=None):
    """Standardise a (T, C, H, W) array with its own statistics, or with ``center``/``scale`` (T, C)
    of the larger scene it was cut from; invalid pixels become 0 (training samples, evaluation)."""
    if center is None:
        center, scale = robust_stats(values, valid)
    out = apply(values, np.asarray(center, np.float32), np.asarray(scale, np.float32))
    if valid is not None:
        out[:, :, ~np.asarray(valid, dtype=bool)] = 0.0
    return out
