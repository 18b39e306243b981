"""Classical change vector analysis (CVA + Otsu) behind the engine's model contract.

``--model cva`` (command line) / "Classical CVA" (plugin) runs :mod:`model_core.baseline` through the
same tiled engine as the networks, so it reads any stack, writes the same outputs and needs no weights.
It is the yardstick of every accuracy figure in the model card and a fast option for users
(about a second per megapixel and date).

Scene-wide statistics, as in :func:`model_core.baseline.cva`, come from the engine's decimated read of
the whole grid (at most a million pixels, all of them for smaller scenes) before the tiles run
(:meth:`CVA.fit_scene`):

* per interval and band, the median and robust spread (1.4826 MAD) of the difference image;
* Otsu's threshold ``thr`` on the largest standardised magnitude over intervals.

Per pixel, with m_k the standardised change magnitude of interval k, the moment log-probabilities
are a softmax of ``[0, s (m_1 - thr), ..., s (m_{T-1} - thr)]`` with ``s = 4 / thr``.  Their arg-max is
exactly the baseline's rule (changed when the largest magnitude exceeds the threshold, moment = the
interval of largest magnitude), and the confidence grows with the distance from the threshold.
It works on the raw values (``raw_input``): the difference standardisation already removes global
offsets and puts the bands on one scale.  Any number of bands: without a band mapping it uses every
band of the inputs (on Taizhou all six TM bands score better than R, G, B, NIR; see the model card).

``CVA.context`` (class switch, 0 = off for the CVA, as shipped) replaces each interval's magnitude by
its root mean square over the pixel's valid 3 x 3 neighbourhood: candidate SC of the model card, which
failed its adoption rule for the CVA; ``tools/candidate_sc.py --all`` turns it on to reproduce the card's
figures.  ISFA, a subclass, has it on (``ISFA.context = 1``, rule SCI), with Otsu's threshold only: the
minimum-error option below stays per pixel.
``CVA.threshold_rule`` (class switch, "otsu" as shipped; "kittler": Kittler and Illingworth's
minimum-error threshold in place of Otsu's) is candidate KT; ``tools/candidate_kt.py`` turns it on for
``cva`` and ``isfa``; the fusions' classical parts keep Otsu's threshold either way.
"""

import numpy as np
import torch
from torch import nn

from model_core.i18n import _, number
from model_core.models import register


@register("cva")
class CVA(nn.Module):
    PRESETS = {"default": {}}
    min_dates = 2
    max_dates = 10 ** 6
    needs_weights = False
    raw_input = True
    surface_bands_only = True  # without a band mapping: every band except atmospheric, thermal, mask, QA
    multiple = 8
    halo = 0
    context = 0  # candidate SC of the model card: 1 = 3 x 3 root-mean-square of the magnitudes (ISFA: 1)
    threshold_rule = "otsu"  # candidate KT of the model card: "kittler" (minimum-error threshold)

    def __init__(self, in_channels=None):
        super().__init__()
        # any number of bands: without a band mapping every band of the inputs is used
        self.in_channels = None
        self.config = {}
        self.center = None  # (T-1, C) medians of the differences
        self.scale = None   # (T-1, C) robust spreads of the differences
        self.threshold = None
        self.fitted = None  # (T, C) of the stack the statistics were fitted on
        self.noise = None  # a calibrated method's noise level for that stack (see threshold_note)
        if self.context:
            self.halo = 8 * -(-int(self.context) // 8)  # the neighbours of a tile's border pixels

    def fit_scene(self, values, valid, center=None, scale=None, windows=None, progress=None, clear=None):
        """Scene statistics from a sample ``values`` (T, C, ...) with ``valid`` (...) of raw values
        (``center``/``scale``, the engine's input normalisation, are not used: the method reads raw
        values): the per-interval statistics (:meth:`_fit_statistics`), then Otsu's threshold on the
        sample's largest magnitude over intervals.  With the 3 x 3 context and ``windows`` (full-resolution
        (values, valid) windows of the scene, which the engine gives when its sample is decimated), the
        threshold is taken on the windows' context magnitudes instead: on a decimated grid a pixel's
        neighbours lie several pixels apart, and their average is smoother than the tiles' (measured on
        the NAIP series: a sample decimated 3 or 6 times lowered the threshold by 6 or 9 % and raised the
        changed share from 24.7 % to 27.4 or 29.2 %).  ``progress(k, n)``, when given, is called as the
        statistics of interval k of n are fitted (ISFA's take seconds on a large sample).  ``clear``
        (T, ...), with a gap-filled sample: each date's own validity; ISFA fits each interval on the pixels
        clear on both of its dates (:meth:`model_core.models.isfa.ISFA._fit_statistics`)."""
        from model_core.baseline import kittler_threshold, otsu_threshold

        grid = np.asarray(values, np.float32)
        t, c = grid.shape[:2]
        ok = np.asarray(valid, bool).reshape(-1)
        v = grid.reshape(t, c, -1)[:, :, ok]
        if v.shape[2] == 0:
            raise ValueError(f"no valid pixel to fit the {type(self).__name__} statistics")
        pairs = None
        if clear is not None:
            cl = np.asarray(clear, bool).reshape(t, -1)[:, ok]
            pairs = cl[1:] & cl[:-1]                          # (T-1, N): clear on both dates of the interval
        self._fit_statistics(v, progress, pairs)
        self.fitted = (t, c)
        # the context on full-resolution windows when given (the engine's sample is decimated above a million
        # pixels, and its neighbourhoods span more ground than the tiles'), else on the sample's grid
        inner = self._window_magnitudes(windows, t) if self.needs_windows and windows else None
        if inner is not None:
            mags = inner
        elif self._context_radius() and grid.ndim == 4:
            mags = self._context_magnitudes(grid, valid).reshape(t - 1, -1)[:, torch.from_numpy(ok)]
        else:
            mags = self._magnitudes(torch.from_numpy(v[None, :, :, :, None]))[0, :, :, 0]
        rule = kittler_threshold if self.threshold_rule == "kittler" else otsu_threshold
        self.threshold = max(float(rule(mags.amax(dim=0).numpy())), 1e-6)
        self.floored = self.noise = self.stable = None  # floored: Otsu's threshold when rule NF-O raised it
        if self.calibrated:
            from model_core.models.isfa import noise_level

            self.noise = noise_level(c, t - 1)
            if self.noise_floor and self.threshold_rule == "otsu" and self.threshold < self.noise:
                self.floored, self.threshold = self.threshold, self.noise
        elif self.stable_probe:
            self.stable = self._probe_stable(v, pairs)
        return self

    calibrated = False  # whether unchanged pixels' magnitudes follow the chi-square law (ISFA's do)
    noise_floor = True  # rule NF-O: a calibrated method's Otsu threshold is raised to the noise level
    floored = None
    stable_probe = True  # an uncalibrated method asks ISFA whether the scene shows change above noise
    stable = None  # the stable-scene probe's share of pixels above ISFA's noise level, when under PROBE_SHARE

    PROBE_PIXELS = 16384  # evenly spaced valid sample pixels of the stable-scene probe
    PROBE_SHARE = 0.03    # stable: fewer pixels than this stand out from ISFA's noise level (1 % by design)

    @classmethod
    def _probe_stable(cls, v, pairs=None):
        """The share of sample pixels whose largest ISFA magnitude exceeds the noise level (the level 1 % of
        unchanged pixels exceed) when it is under :attr:`PROBE_SHARE`, i.e. a scene with no change above
        noise; else None.  The CVA cannot tell, its magnitudes being standardised by the differences'
        spread, so on a stable scene its threshold splits noise (41 % of a real scene plus 2 DN of noise
        called changed).  A quick per-pixel fit on at most :attr:`PROBE_PIXELS` pixels (0.02-0.3 s; ISFA's
        whole scene fit took 4-6 s on the card's real series).  Measured: 1.0 % and 0.9 % on the two stable
        pairs, 14 % to 51 % on Taizhou, Pucallpa and NAIP (pairs and series) and on a clean synthetic
        change.  (Otsu's threshold against the level, rule NF-O's test, was tried first: on a clean
        change Otsu's cut lies anywhere in the empty gap between the modes, at its low end here, and it fell
        below the level.)  ``v`` (T, C, N): :meth:`fit_scene`'s valid sample pixels, ``pairs`` (T-1, N)
        its pixels clear on both dates of each interval, or None.  None too when ISFA cannot be fitted."""
        from model_core.models.isfa import ISFA, noise_level

        t, c, n = v.shape
        if n < 100:
            return None
        pick = np.linspace(0, n - 1, min(n, cls.PROBE_PIXELS)).astype(np.int64)
        sample = np.ascontiguousarray(v[:, :, pick])
        pairs = None if pairs is None else pairs[:, pick]
        probe = ISFA()
        try:
            probe._fit_statistics(sample, pairs=pairs)
            mags = probe._magnitudes(torch.from_numpy(sample[None, :, :, :, None]))[0, :, :, 0]
        except (ValueError, RuntimeError, np.linalg.LinAlgError):
            return None
        share = float((mags.amax(dim=0).numpy() > noise_level(c, t - 1)).mean())
        return share if share < cls.PROBE_SHARE else None

    @property
    def threshold_note(self):
        """A note for the run about the noise level (or None), for a method whose magnitudes are calibrated
        to the chi-square law (ISFA): the level an unchanged pixel's largest magnitude exceeds with
        probability 1 % (:func:`model_core.models.isfa.noise_level`).  Otsu's rule splits any histogram in
        two, a stable scene's too, so its threshold is raised to that level when it lies below (rule NF-O
        of the model card), and the note says so; the minimum-error threshold is kept (the floor changed
        its real-data figures, rule NF), and the note warns when it lies below.  CVA's magnitudes are
        standardised by the differences' spread, change included, and follow no law: its note says when
        hardly any pixel stands out from ISFA's noise level on the same sample (:meth:`_probe_stable`); its
        threshold stays."""
        name = type(self).__name__
        if self.stable is not None:
            # (a change over a small part of the scene, e.g. one field in 150, gives this note too: the CVA's Otsu
            # cut then lies in the unchanged pixels' noise as well, which is what the note says of the map)
            return _("{name}'s threshold splits any histogram in two, and this scene shows little change above noise: "
                     "only {pct:.1f} % of its pixels stand out from the noise level of its calibrated change magnitudes "
                     "(ISFA's; about 1 % would by chance). A stable scene, a change over a small part of it, or changes "
                     "too faint to separate from noise: much of what the map calls changed may be noise. Compare with Classical ISFA, whose threshold is "
                     "raised to the noise level, or check changed pixels with the pixel inspector.").format(
                name=name, pct=number(100 * self.stable))
        if self.noise is None:
            return None
        if self.floored is not None:
            return _("{name}'s change magnitudes show no second mode (Otsu's threshold, {otsu:.3g}, lay below the "
                     "noise level {level:.3g}, which 1 % of unchanged pixels exceed): a stable scene, or changes too "
                     "small to separate from noise. The threshold was raised to that level, so only pixels that stand "
                     "out from the noise are called changed.").format(name=name, otsu=number(self.floored),
                                                       level=number(self.threshold))
        if self.threshold >= self.noise:
            return None
        return _("{name}'s minimum-error threshold ({threshold:.4g}) is below {level:.4g}, the level 1 % of "
                 "unchanged pixels would exceed if their change magnitudes were noise: the magnitudes may show no "
                 "second mode (a stable scene, or changes too small to separate), and the map may call noise change. "
                 "Check changed pixels with the pixel inspector, or use Otsu's threshold, which is raised to that "
                 "level.").format(name=name, threshold=number(self.threshold),
                                                  level=number(self.noise))

    def _window_magnitudes(self, windows, t, min_pixels=4096):
        """(T-1, N) context magnitudes of the valid pixels of full-resolution ``windows`` (see
        :meth:`fit_scene`) that have their whole neighbourhood inside the window; None when fewer than
        ``min_pixels`` are valid (the decimated sample is used then)."""
        r = self._context_radius()
        parts = []
        for v, ok in windows:
            ok = np.asarray(ok, bool)
            if ok.shape[0] <= 2 * r or ok.shape[1] <= 2 * r:
                continue
            m = self._context_magnitudes(v, ok)[:, r:-r, r:-r]
            keep = torch.from_numpy(ok[r:-r, r:-r].reshape(-1))
            parts.append(m.reshape(t - 1, -1)[:, keep])
        if not parts or sum(p.shape[1] for p in parts) < min_pixels:
            return None
        return torch.cat(parts, dim=1)

    def _context_magnitudes(self, values, valid):
        """(T-1, H, W) magnitudes with the context of a (T, C, H, W) grid of raw values, invalid pixels
        zeroed as the engine's tiles have them."""
        x = torch.from_numpy(np.where(np.asarray(valid, bool), values, 0.0).astype(np.float32))[None]
        return self._with_context(self._magnitudes(x), x)[0]

    @property
    def needs_windows(self):
        """Whether :meth:`fit_scene` wants full-resolution windows when the engine's sample is
        decimated: when the decision uses the 3 x 3 context."""
        return bool(self._context_radius())

    def _context_radius(self):
        """The context in use: ``context`` with Otsu's threshold, none with the minimum-error option
        (that option was judged per pixel; with ISFA's context it called far more change under haze and
        on the semi-synthetic series: the model card record, rule SCI)."""
        return int(self.context) if self.threshold_rule == "otsu" else 0

    def _with_context(self, mags, x):
        """Candidate SC: the root mean square of ``mags`` (B, T-1, H, W) over each pixel's valid
        (2 context + 1)^2 neighbourhood; invalid pixels are those the engine zeroed in every date and
        band of ``x``."""
        r = self._context_radius()
        if not r:
            return mags
        valid = (x != 0).any(dim=2).any(dim=1, keepdim=True).to(mags.dtype)   # (B, 1, H, W)
        num = torch.nn.functional.avg_pool2d(mags.square() * valid, 2 * r + 1, stride=1, padding=r)
        den = torch.nn.functional.avg_pool2d(valid, 2 * r + 1, stride=1, padding=r)
        return (num / den.clamp_min(1e-6)).sqrt()

    def _fit_statistics(self, v, progress=None, pairs=None):
        """Median and robust spread of every interval's band differences, from ``v`` (T, C, N).  ``pairs``
        (see :meth:`fit_scene`) is not used: the spread is that of the map's own pixels, filled ones
        included (the clear pairs of a date clear over one land cover only, say water, would set the
        spread of every land cover from the water's)."""
        from model_core.baseline import difference_statistics

        center, scale = difference_statistics(v)
        self.center, self.scale = torch.from_numpy(center), torch.from_numpy(scale)

    def _magnitudes(self, x):
        d = x[:, 1:] - x[:, :-1]                              # (B, T-1, C, H, W)
        c = self.center.to(x.device)[None, :, :, None, None]
        s = self.scale.to(x.device)[None, :, :, None, None]
        return ((d - c) / s).square_().sum(dim=2).sqrt_()     # (B, T-1, H, W)

    def forward(self, x):
        if self.threshold is None:
            raise RuntimeError("CVA.fit_scene must run before the tiles (scene-wide statistics)")
        b, t, c, h, w = x.shape
        if self.fitted != (t, c):
            raise ValueError("the stack differs from the one the CVA statistics were fitted on")
        mags = self._with_context(self._magnitudes(x.float()), x)
        logits = torch.cat([torch.zeros((b, 1, h, w), dtype=mags.dtype, device=mags.device),
                            (mags - self.threshold) * (4.0 / self.threshold)], dim=1)
        return {"moment": torch.log_softmax(logits, dim=1), "aux": []}
