"""Random training patches from labelled series (generic, SpaceNet 7, DynamicEarthNet, image-pair
benchmarks, OSCD loaders).

``PatchSampler(kind, root, patch=64, t=None, bands=None)`` loads every series once and serves
``sample(rng, t)`` / ``batch(rng, n, t)`` like the semi-synthetic generator.  The number of dates is
fixed by the loaded series (``t`` selects it when loading); the ``t`` argument of ``sample`` is
ignored when it does not match, so a batch always has the loader's T.  Series are padded
(label 255) when smaller than the patch.  With ``scene_stats=True`` (data option) every patch carries
the robust statistics of its whole series (``center``, ``scale``) and training normalises it as the
engine normalises the scene; by default a patch is standardised with its own statistics, like the
semi-synthetic samples (see :mod:`model_core.datasets.synthetic` for why).

The image-pair benchmarks and OSCD (``pairs``, ``oscd``; ``split`` picks a split, see
:func:`model_core.datasets.load_series`) are read a tile at a time: each patch reads its tile unless
it is among the ``cache`` (default 8) tiles read last, so memory stays bounded on a split of
thousands of tiles (at the price of a file read per patch).
"""

from collections import OrderedDict

import numpy as np

from model_core.datasets import load_series
from model_core.datasets.series import IGNORE, LazySeries
from model_core.i18n import _


class PatchSampler:
    def __init__(self, kind, root, patch=64, t=None, bands=None, scene_stats=False, split=None, cache=8,
                 **_ignored):
        found = load_series(kind, root, t=t, bands=bands, split=split)
        self.series = [s for s in found if (s.has_moment if isinstance(s, LazySeries) else s.moment is not None)]
        if not self.series:
            area_only = [s for s in found if not isinstance(s, LazySeries) and s.area is not None]
            if area_only:  # say which, and the way out the layout has ("t": 2: first and last date)
                first = area_only[0]
                raise ValueError((_("no series to train on: {n} series ('{name}' with {t} dates and others) have "
                                    "area.tif alone, which says where the land changed but not between which dates. "
                                    "Give each a moment.tif, or \"t\": 2 in the config's \"data\" to train on each "
                                    "series' first and last dates (area.tif is then their moment label).")
                                  if len(area_only) > 1 else
                                  _("no series to train on: {n} series ('{name}' with {t} dates) have area.tif alone, "
                                    "which says where the land changed but not between which dates. Give each a "
                                    "moment.tif, or \"t\": 2 in the config's \"data\" to train on each series' first "
                                    "and last dates (area.tif is then their moment label).")).format(
                    n=len(area_only), name=first.name, t=first.t))
            raise ValueError(_("no series to train on: training needs a moment label (moment.tif), or area.tif "
                               "alone with exactly two dates"))
        self.patch = int(patch)
        self.stats = {} if scene_stats else None  # series index -> its whole-series statistics
        self._cache, self._cache_size = OrderedDict(), max(1, int(cache))

    def _series(self, i):
        """Series ``i``, read (and kept among the last ``cache`` read) when it is lazy; with scene
        statistics, those of the whole series are taken on first use."""
        s = self.series[i]
        if isinstance(s, LazySeries):
            if i in self._cache:
                self._cache.move_to_end(i)
            else:
                self._cache[i] = s.load()
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
            s = self._cache[i]
        if self.stats is not None and i not in self.stats:
            from model_core.normalize import robust_stats

            self.stats[i] = robust_stats(s.values, s.valid)
        return s

    def sample(self, rng, t=None):
        same = [i for i, s in enumerate(self.series) if s.t == t] or range(len(self.series))
        i = same[int(rng.integers(len(same)))]
        s = self._series(i)
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
            out["center"], out["scale"] = self.stats[i]
        return out

    def batch(self, rng, n, t=None):
        if not any(s.t == t for s in self.series):
            t = self.series[int(rng.integers(len(self.series)))].t
        items = [self.sample(rng, t) for _unused in range(n)]
        return {k: np.stack([it[k] for it in items]) for k in items[0]}
