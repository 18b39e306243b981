"""Random training patches from labelled series (generic, SpaceNet 7, DynamicEarthNet loaders).

``PatchSampler(kind, root, patch=64, t=None, bands=None)`` loads every series once and serves
``sample(rng, t)`` / ``batch(rng, n, t)`` like the semi-synthetic generator.  The number of dates is
fixed by the loaded series (``t`` selects it when loading); the ``t`` argument of ``sample`` is
ignored when it does not match, so a batch always has the loader's T.  Series are padded
(label 255) when smaller than the patch.  With ``scene_stats=True`` (data option) every patch carries
the robust statistics of its whole series (``center``, ``scale``) and training normalises it as the
engine normalises the scene; by default a patch is standardised with its own statistics, like the
semi-synthetic samples (see :mod:`model_core.datasets.synthetic` for why).
"""

import numpy as np

from model_core.datasets import load_series
from model_core.datasets.series import IGNORE


class PatchSampler:
    def __init__(self, kind, root, patch=64, t=None, bands=None, scene_stats=False, **_ignored):
        self.series = [s for s in load_series(kind, root, t=t, bands=bands) if s.moment is not None]
        if not self.series:
            raise ValueError(f"{kind} at {root}: no series with moment labels")
        self.patch = int(patch)
        from model_core.normalize import robust_stats

        self.stats = ({id(s): robust_stats(s.values, s.valid) for s in self.series}
                      if scene_stats else None)

    def sample(self, rng, t=None):
        same = [s for s in self.series if s.t == t] or self.series
        s = same[int(rng.integers(len(same)))]
        p = self.patch
        vals, valid, mom = s.values, s.valid, s.moment
        h, w = mom.shape
        if h < p or w < p:
            ph, pw = max(p - h, 0), max(p - w, 0)
            vals = np.pad(vals, ((0, 0), (0, 0), (0, ph), (0, pw)), mode="edge")
            valid = np.pad(valid, ((0, ph), (0, pw)))
            mom = np.pad(mom, ((0, ph), (0, pw)), constant_values=IGNORE)
            h, w = mom.shape
        y, x = int(rng.integers(0, h - p + 1)), int(rng.integers(0, w - p + 1))
        v = vals[:, :, y:y + p, x:x + p].copy()
        ok = valid[y:y + p, x:x + p].copy()
        m = mom[y:y + p, x:x + p].copy()
        m[~ok] = IGNORE
        if rng.random() < 0.5:
            v, ok, m = v[..., ::-1].copy(), ok[:, ::-1].copy(), m[:, ::-1].copy()
        out = {"values": v, "valid": ok, "moment": m}
        if self.stats is not None:
            out["center"], out["scale"] = self.stats[id(s)]
        return out

    def batch(self, rng, n, t=None):
        if not any(s.t == t for s in self.series):
            t = self.series[int(rng.integers(len(self.series)))].t
        items = [self.sample(rng, t) for _ in range(n)]
        return {k: np.stack([it[k] for it in items]) for k in items[0]}
