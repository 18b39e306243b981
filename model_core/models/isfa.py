"""Classical iterative slow feature analysis (ISFA) behind the engine's model contract.

``--model isfa`` (command line) / "Classical ISFA" (plugin).  Wu, Du and Zhang's iterative slow
feature analysis for multispectral change detection (IEEE TGRS 52(5), 2014), written from its
description (candidate G of the model card).  Per interval (dates k-1, k), from the engine's scene
sample (at most ``FIT_PIXELS`` of its pixels, evenly spaced):

1. every band of each of the two dates is standardised with weighted statistics (weights w, all 1
   at first): z = (x - mean_w) / std_w;
2. the difference of the standardised dates, d = z_k - z_{k-1}, is measured against the weighted
   covariance S of those differences: T2 = (d - m)' S^-1 (d - m).  This is ISFA's chi-square
   statistic summed over all slow features (the slow features diagonalise S, so the sum of their
   squared, variance-normalised values is this Mahalanobis distance);
3. T2 is scaled so that its median over the sample is the chi-square median (``consistent`` of
   :func:`isfa_pair`), and
   each pixel's weight becomes its probability of being unchanged under a chi-square law with as
   many degrees of freedom as bands, w = 1 - F_chi2(T2); steps 1-3 repeat until the largest weight
   change is below 0.001 (at most 30 rounds).

Unlike the CVA, which standardises each band's difference alone, variation that moves bands together
(haze, illumination, season, processing) is discounted once, and a change with an unusual spectral
shape stands out even when each band's difference is modest.  The change magnitude of an interval is
sqrt(T2); the area threshold (Otsu on the largest magnitude over intervals) and the moment
log-probabilities are the CVA's (:mod:`model_core.models.cva`), so ISFA can stand wherever the CVA
does.  Raw values, any number of bands (every surface band without a band mapping), no weights.

Spatial context (``ISFA.context = 1``, on since candidate SCI of the model card): before the threshold
and the moment's arg-max, each interval's magnitude is replaced by its root mean square over the
pixel's valid 3 x 3 neighbourhood (the CVA's ``_with_context``; the scene sample and the tiles alike).
Sensor noise and sub-pixel misregistration of single pixels fade while patches of change keep their
evidence; a ring of change one pixel wide can fall below the threshold.  The CVA stays per pixel, and
so does ISFA with the minimum-error threshold option (``--threshold kittler``), which was judged without
the context and scored worse with it.
"""

import math

import numpy as np
import torch

from model_core.models import register
from model_core.models.cva import CVA

ROUNDS = 30
TOLERANCE = 1e-3
FIT_PIXELS = 262144  # at most this many sample pixels (evenly spaced) estimate the statistics


def _chi2_median(dof):
    """Median of the chi-square law with ``dof`` degrees of freedom (Wilson-Hilferty, within 0.3 %
    for 2+ degrees of freedom, exact enough for a scale)."""
    return dof * (1.0 - 2.0 / (9.0 * dof)) ** 3


def _survival(t2, c):
    """P(chi2_c > t2), the chi-square law's upper tail with ``c`` degrees of freedom, in closed form:
    the regularised upper incomplete gamma function Q(c/2, t2/2) of integer or half-integer order
    (within 1e-14 of SciPy's ``gammaincc``, closer than ``torch.special.gammainc``, and 10-20 times faster
    than it on 4 bands)."""
    h = np.minimum(np.asarray(t2, np.float64) * 0.5, 1e4)  # beyond, the tail is 0 in float64 anyway
    if c > 64:  # the series would overflow before exp(-h) cancels it
        return 1.0 - torch.special.gammainc(torch.tensor(c / 2.0, dtype=torch.float64), torch.from_numpy(h)).numpy()
    if c % 2 == 0:  # Q(k, h) = exp(-h) sum_{j<k} h^j / j!
        term = np.ones_like(h)
        total = np.ones_like(h)
        for j in range(1, c // 2):
            term = term * h / j
            total += term
        return np.exp(-h) * total
    # Q(k + 1/2, h) = erfc(sqrt h) + exp(-h) sum_{j=1..k} h^(j-1/2) / Gamma(j + 1/2)
    root = np.sqrt(h)
    total = torch.special.erfc(torch.from_numpy(root)).numpy()
    if c > 1:
        term = root / math.gamma(1.5)
        series = term.copy()
        for j in range(1, (c - 1) // 2):
            term = term * h / (j + 0.5)
            series += term
        total = total + np.exp(-h) * series
    return total


def noise_level(c, k=1, p=0.01):
    """The magnitude (the square root of the chi-square statistic with ``c`` degrees of freedom) that the
    largest of an unchanged pixel's ``k`` interval magnitudes exceeds with probability ``p``: the
    chi-square quantile at (1 - p)^(1/k), by bisection on :func:`_survival`."""
    tail = 1.0 - (1.0 - p) ** (1.0 / max(int(k), 1))
    lo, hi = 0.0, 1.0
    while float(_survival(np.array([hi]), c)[0]) > tail:
        hi *= 2.0
    for _ in range(80):
        mid = 0.5 * (lo + hi)
        if float(_survival(np.array([mid]), c)[0]) > tail:
            lo = mid
        else:
            hi = mid
    return math.sqrt(hi)


def isfa_pair(before, after, rounds=ROUNDS, tol=TOLERANCE, consistent=True):
    """Fit ISFA on one interval's sample ``before``, ``after`` (C, N) of valid raw values.

    Returns ``(scale, shift, whiten, rounds_run)``: ``scale`` (2, C) the reciprocal weighted standard
    deviations of ``before`` and ``after``, ``shift`` (C,) the offset of the standardised difference
    (means over deviations) and ``whiten`` (C, C) the inverse Cholesky factor of the weighted difference
    covariance, so that a pixel's magnitude is
    ``|| whiten @ (scale[1] * after - scale[0] * before - shift) ||``.

    ``consistent`` scales the statistic each round so that its median over the sample is the chi-square
    median: weighting by 1 - F_chi2 down-weights the tails of the unchanged pixels too, so without it the
    weighted covariance shrinks round by round and the statistic of unchanged pixels ends far above
    chi-square (mean 13 for 5 bands in tests/test_isfa.py).  ``consistent=False`` is the version
    candidate G of the model card measured; the correction came after G's figures.
    """
    # Each round needs only the weighted means and the weighted covariance of the two dates' 2C bands
    # together: standardising and differencing are linear, so the difference's mean and covariance
    # follow from them (one pass over the sample instead of a dozen; float64, centred once so that
    # nothing cancels).
    x = np.asarray(before, np.float64)
    c, n = x.shape
    z = np.concatenate([x, np.asarray(after, np.float64)])   # (2C, N)
    base = z.mean(axis=1)
    z -= base[:, None]
    w = np.ones(n)
    first = last = None  # round 1's covariance trace; the last round's (sd, mu, whiten)
    for r in range(1, rounds + 1):
        sw = max(float(w.sum()), 1e-12)
        mu = (z @ w) / sw                                       # weighted means (2C,)
        s = (z * w) @ z.T / sw - np.outer(mu, mu)               # weighted covariance (2C, 2C)
        sd = np.maximum(np.sqrt(np.maximum(np.diag(s), 0.0)), 1e-6)
        diff = np.hstack([-np.diag(1.0 / sd[:c]), np.diag(1.0 / sd[c:])])  # d = after/s_a - before/s_b
        cov = diff @ s @ diff.T
        trace = float(np.trace(cov))
        if r == 1:
            first = trace
        if trace <= 1e-12 * c and r == 1:
            # the two dates are the same picture (an overcast date filled from the previous one): no change
            # can show in this interval, so its magnitude is 0 everywhere
            whiten = np.zeros((c, c))
            break
        if r > 1 and trace <= 1e-9 * first:
            # the weights have collapsed onto pixels whose difference is exact (values repeated or mapped
            # from another date): the previous round's fit is the last one that describes the noise
            sd, mu, whiten = last
            r -= 1
            break
        cov += np.eye(c) * (1e-6 * max(float(np.trace(cov)) / c, 1e-12))
        try:
            whiten = np.linalg.inv(np.linalg.cholesky(cov))
        except np.linalg.LinAlgError:
            if r == 1:  # not even the unweighted covariance factors: whiten by its eigenvalues instead
                vals, vecs = np.linalg.eigh(cov)
                whiten = (vecs / np.sqrt(np.maximum(vals, vals.max() * 1e-9 + 1e-300))).T
            else:  # as for a collapsed trace: the previous round's fit is the last one that factors
                sd, mu, whiten = last
                r -= 1
                break
        t2 = np.square((whiten @ diff) @ z - (whiten @ (diff @ mu))[:, None]).sum(axis=0)
        if consistent:
            factor = max(float(np.median(t2)), 1e-12) / _chi2_median(c)
            t2 /= factor
            whiten /= np.sqrt(factor)
        last = (sd, mu, whiten)
        new = _survival(t2, c)
        change = float(np.abs(new - w).max())
        w = new
        if change < tol:
            break
    sx, sy = sd[:c], sd[c:]
    scale = np.stack([1.0 / sx, 1.0 / sy])
    shift = (mu[c:] + base[c:]) / sy - (mu[:c] + base[:c]) / sx
    return scale, shift, whiten, r


MIN_PAIR_PIXELS = 500  # fewer pixels clear on both dates of an interval: its fit uses every sample pixel


def interval_pixels(v, pairs, k):
    """Interval k's (dates k-1 and k) part of the sample ``v`` (T, C, N) as a (2, C, n) array: the pixels
    of ``pairs[k - 1]`` (clear on both dates), or every pixel when fewer than :data:`MIN_PAIR_PIXELS`
    are (next to an overcast date, whose filled copy then repeats the previous date and shows no change)."""
    sel = pairs[k - 1]
    part = v[k - 1:k + 1]
    return part[:, :, sel] if int(sel.sum()) >= MIN_PAIR_PIXELS else part


@register("isfa")
class ISFA(CVA):
    """CVA's decision on ISFA's change magnitudes (see the module docstring)."""

    context = 1  # the 3 x 3 root-mean-square context: rule SCI of the model card (0 = per pixel, as before)
    calibrated = True  # the statistic of unchanged pixels follows the chi-square law (see isfa_pair)

    def _fit_statistics(self, v, progress=None, pairs=None):
        """Every interval's ISFA fit from the sample ``v`` (T, C, N) of valid raw values (with ``pairs``,
        each interval's from the pixels clear on both its dates, :func:`interval_pixels`: a filled value
        repeats the previous date exactly, and ISFA's weights would collapse onto such pixels until noise
        looked like change); ``progress(k, n)`` after interval k of n."""
        def subsample(a):  # the C x C statistics need far fewer pixels than the engine's sample
            n = a.shape[-1]
            return a[..., np.linspace(0, n - 1, FIT_PIXELS).astype(np.int64)] if n > FIT_PIXELS else a

        fit = subsample(v) if pairs is None else None
        fits = []
        for k in range(1, v.shape[0]):
            before, after = (fit[k - 1], fit[k]) if pairs is None else subsample(interval_pixels(v, pairs, k))
            fits.append(isfa_pair(before, after))
            if progress is not None:
                progress(k, v.shape[0] - 1)
        self.scales = torch.from_numpy(np.stack([f[0] for f in fits]).astype(np.float32))   # (T-1, 2, C)
        self.shifts = torch.from_numpy(np.stack([f[1] for f in fits]).astype(np.float32))   # (T-1, C)
        self.whiten = torch.from_numpy(np.stack([f[2] for f in fits]).astype(np.float32))   # (T-1, C, C)
        self.rounds = [f[3] for f in fits]

    def _magnitudes(self, x):
        sc = self.scales.to(x.device)
        d = (x[:, 1:] * sc[None, :, 1, :, None, None] - x[:, :-1] * sc[None, :, 0, :, None, None]
             - self.shifts.to(x.device)[None, :, :, None, None])           # (B, T-1, C, H, W)
        z = torch.einsum("kij,bkjhw->bkihw", self.whiten.to(x.device), d)
        return z.square_().sum(dim=2).sqrt_()                                # (B, T-1, H, W)
