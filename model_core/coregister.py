"""Co-registration of a series' dates: a whole-pixel translation of each date onto the reference date.

Dates that are offset from each other by a pixel or more make false change along every edge (a road, a field
boundary, a shore) and move real changes' outlines.  :func:`estimate_shifts` measures, for each date, the
translation that best matches it to the reference date: the normalised cross-correlation of the two dates'
gradient magnitudes (edges, which persist through seasons, illumination and most land change, where the
brightness does not) over every whole-pixel offset up to ``max_shift``, with the pixels valid in both.  A
parabola through the best offset and its neighbours gives the sub-pixel estimate that is reported.

The engine applies the rounded offset only (:meth:`Shift.applied`): a whole-pixel move keeps every value as
the file stores it (no resampling, which would blur one date against the others).  An offset is applied
only when the match is clear (:data:`MIN_GAIN`, :data:`MIN_SCORE`); one at the edge of the search (the
true offset may be larger) is reported and not applied.

This corrects a global translation only (georeferencing offsets, e.g. of different processing levels or
sensors); it does not correct rotation, scale or local distortion (terrain, orthorectification errors).

On a scene large enough, the same estimator also runs on further windows away from the centre
(:func:`check_windows`), to report only (:func:`varies`): a date whose offset differs across the scene (mixed
sources, imagery not orthorectified alike) gets one compromise offset from the central window, and the engine
warns of it.  Which offset is applied is the central window's alone, as before.
"""
import numpy as np

from model_core.i18n import N_, _, translated

COREGISTER_DEFAULT = True  # the default of detect, the command line, Processing and the dialog (rule CR, model card record)
MAX_SHIFT = 5        # pixels searched in each direction (an offset of 5 is reported, not applied)
MIN_SCORE = 0.2      # the best offset's correlation must reach this (else the dates share too few edges)
MIN_GAIN = 0.1       # ... and beat the correlation at no offset by this much (else the offset is noise)
MIN_PIXELS = 256     # pixels valid in both dates at every offset, else not estimated
WINDOW = 512         # side of the central window the engine reads for the estimate (full resolution)

# the check across the scene (report only; the applied offset stays the central window's): on a grid at least
# CHECK_FACTOR central windows (WINDOW) wide and high, the offset is estimated again on a window of CHECK_WINDOW px
# at the centre of each quarter of the grid (on 1024 px a quarter of each such window overlaps the central one,
# from 1536 px none does); a date whose clear estimates there differ from each other, or from the offset applied,
# by DISAGREE px or more in x or y is warned of.  Windows of 256 px, not the central window's 512 (as at first):
# the check costs a quarter as much (6 dates of 1024^2 or 2048^2 px: co-registration about 0.5 s of CPU instead of
# 1.3 s, 0.2 s without the check), and on scenes made of real NAIP dates (9 consecutive pairs tiled or upsampled to
# 1864 x 1444 or 2796 x 2166 px) it found a date offset 3 px in one quarter in 66 of 108 cases where 512 px windows
# found 47; it called 2 of 54 uniformly offset dates offset differently, on the smoothest scene (NAIP upsampled 3
# times), where 512 px windows called none (README, co-registration; since MIN_DISTINCT, below: 55 of 108 and none).
CHECK_FACTOR = 2
CHECK_WINDOW = 256
DISAGREE = 2
# ... and a further window's match counts (window_clear) only when, beyond Shift.clear, its best offset's correlation
# beats that of every offset DISAGREE px or more from it by MIN_DISTINCT standard errors of a correlation on that
# window (Shift.margin >= MIN_DISTINCT * Shift.se; se from the window's valid pixels and its edges' autocorrelation,
# _spread): a small or smooth window holds fewer independent edge pixels, and its broad correlation peak tells
# offsets 2 px apart less well.  On scenes of 9 consecutive real NAIP pairs (tiled at 5 m, or upsampled 2 or 3
# times; 3 directions of each offset), 256 px windows called 5 of 162 dates moved 2-3 px everywhere offset
# differently, all upsampled (a window's best offset, e.g. where a pothole's shore moved between the years, beat
# the true one by 0.02-0.03 of correlation, about one standard error, with a gain over no offset of up to 0.18);
# with MIN_DISTINCT none, while a date moved 3 px in one quarter is warned of in 167 of 324 cases instead of 203
# (105 of 108 at 5 m either way; on the smooth upsampled scenes such an offset is often not told apart).  Pairs two
# dates apart, not used to choose 1.25: 104 of 288 and 1 of 144 instead of 139 and 4 (the one left: mirrored tiles
# doubling a 0.8 px local offset between the dates); Landsat Pucallpa pairs: 231 of 252 and 0 of 126 instead of
# 232 and 2.  The central window's estimate, and so the offset applied, does not use it.
MIN_DISTINCT = 1.25
# the windows, named as the offsets are (row 0 north, column 0 west: the grid as QGIS draws a north-up raster)
PLACES = {"centre": N_("centre"), "north-west": N_("north-west"), "north-east": N_("north-east"),
          "south-west": N_("south-west"), "south-east": N_("south-east")}

# why a date's offset was not applied (Shift.reason)
REASONS = {
    "few_pixels": N_("too few pixels valid in both dates"),
    "weak": N_("no clear match (the dates share few edges)"),
    "edge": N_("the best match is at the edge of the search: the offset may be larger than {max_shift} px"),
    "no_crs": N_("the images are not georeferenced"),
    # (not a Shift.reason: the summary's name for a date the check across the scene (varies) found offset elsewhere
    # than at the centre, where it matched at no offset)
    "varies": N_("offset differently in different parts of the scene"),
    # (nor this: a date whose centre showed no clear match, found offset alike elsewhere: offset_elsewhere)
    "elsewhere": N_("no clear match at the scene's centre, offset in other parts of it"),
}


def reason_text(reason, max_shift=MAX_SHIFT):
    """Why a date's offset was not applied, in words (:data:`REASONS`)."""
    return translated(REASONS[reason]).format(max_shift=max_shift)


def offset_text(dx, dy):
    """'2 px east and 1 px north' for an offset of (dx, dy) pixels (x east, y south)."""
    parts = []
    if dx:
        parts.append((_("{n} px east") if dx > 0 else _("{n} px west")).format(n=abs(int(dx))))
    if dy:
        parts.append((_("{n} px south") if dy > 0 else _("{n} px north")).format(n=abs(int(dy))))
    return _(" and ").join(parts) if parts else _("0 px")


class Shift:
    """A date's offset from the reference date, in grid pixels: the date's content at grid pixel (x, y) is
    found at its own pixel (x + dx, y + dy).  ``dx``, ``dy`` are the sub-pixel estimate (None when not
    estimated); ``score`` the correlation at the best whole-pixel offset and ``gain`` its excess over no
    offset; ``reason`` a key of :data:`REASONS` when the offset is not applied.  ``margin`` is the best
    correlation's excess over the best at an offset :data:`DISAGREE` px or more from it, ``se`` the standard error
    of a correlation on the window (:func:`_spread`); None when not measured (see :meth:`distinct`)."""

    __slots__ = ("dx", "dy", "score", "gain", "reason", "windows", "margin", "se")

    def __init__(self, dx=None, dy=None, score=None, gain=None, reason=None, margin=None, se=None):
        self.dx, self.dy, self.score, self.gain, self.reason = dx, dy, score, gain, reason
        self.margin, self.se = margin, se
        self.windows = None  # the check across the scene: [(place, (x, y, w, h), Shift)], None when it did not run

    def clear(self):
        """Whether the estimate is a clear match: applied as it stands (no ``reason``) and with a correlation of
        at least :data:`MIN_SCORE` (a best match at no offset needs no gain, but may be as weak as no match)."""
        return self.reason is None and self.dx is not None and self.score is not None and self.score >= MIN_SCORE

    def distinct(self):
        """Whether the best offset stands out from every offset :data:`DISAGREE` px or more from it by
        :data:`MIN_DISTINCT` standard errors of a correlation on its window (``margin``, ``se``); true when they
        were not measured (a Shift made by hand)."""
        if self.margin is None or self.se is None:
            return True
        return self.margin >= MIN_DISTINCT * self.se

    def applied(self):
        """The whole-pixel offset (dx, dy) to apply, (0, 0) when none is."""
        if self.reason or self.dx is None:
            return 0, 0
        return int(round(self.dx)), int(round(self.dy))

    def as_dict(self):
        ax, ay = self.applied()
        out = {"dx": None if self.dx is None else round(float(self.dx), 2),
               "dy": None if self.dy is None else round(float(self.dy), 2),
               "applied_dx": ax, "applied_dy": ay,
               "score": None if self.score is None else round(float(self.score), 3),
               "reason": self.reason}
        if self.windows is not None:  # the check across the scene: what each further window found (report only)
            out["windows"] = [dict({"where": place, "x": x, "y": y, "width": w, "height": h}, **sh.as_dict(),
                                   clear=window_clear(sh))
                              for place, (x, y, w, h), sh in self.windows]
            out["varies"] = varies(self)
        return out

    def __repr__(self):
        return f"Shift({self.as_dict()})"


def edges(values, valid):
    """Gradient magnitude (H, W) of a date (C, H, W): each band standardised on its valid pixels (so no band
    dominates by its units), central differences, summed over bands; 0 where a difference meets an invalid
    pixel."""
    v = np.asarray(values, np.float32)
    ok = np.asarray(valid, bool)
    g = np.zeros(v.shape[1:], np.float32)
    if ok.sum() < 2:
        return g, np.zeros_like(ok)
    for band in v:
        x = band[ok]
        sd = float(x.std())
        if not np.isfinite(sd) or sd <= 0:
            continue
        b = (band - float(x.mean())) / sd
        b = np.where(ok, b, 0.0).astype(np.float32)
        gx = np.zeros_like(b)
        gy = np.zeros_like(b)
        gx[:, 1:-1] = b[:, 2:] - b[:, :-2]
        gy[1:-1] = b[2:] - b[:-2]
        g += np.sqrt(gx * gx + gy * gy)
    gok = ok.copy()  # a difference is valid when both its neighbours are
    gok[:, 1:-1] &= ok[:, 2:] & ok[:, :-2]
    gok[1:-1] &= ok[2:] & ok[:-2]
    gok[[0, -1], :] = False
    gok[:, [0, -1]] = False
    g[~gok] = 0.0
    return g, gok


def _fft_shape(h, w, r):
    """The padded FFT size of an h x w window searched up to r pixels: each side at least side + r (no
    wrap-around reaches the offsets searched), rounded up to a product of 2, 3 and 5 (numpy's FFT is fast there)."""
    def smooth(n):
        best = 1 << (n - 1).bit_length()
        p5 = 1
        while p5 < best:
            p35 = p5
            while p35 < best:
                m = p35
                while m < n:
                    m *= 2
                best = min(best, m)
                p35 *= 3
            p5 *= 5
        return best

    return smooth(h + r), smooth(w + r)


def _spectra(a, aok, shape):
    """The real FFTs, zero-padded to ``shape``, of a date's masked edges, its mask and its squared edges
    (:func:`_scores`)."""
    a = a.astype(np.float64) * aok
    return [np.fft.rfft2(x, shape) for x in (a, aok.astype(np.float64), a * a)]


def _scores(a, aok, b, bok, r, ref_spectra=None, img_spectra=None):
    """The normalised cross-correlation of ``a`` (reference) and ``b`` read at +(dx, dy) (a[y, x] against
    b[y + dy, x + dx], over the pixels valid in both) at every whole-pixel offset up to ``r`` each way, as a
    (2r + 1, 2r + 1) array indexed [dy + r, dx + r] (NaN where fewer than :data:`MIN_PIXELS` pixels are valid in
    both), from six cross-correlations computed at once by FFT (the same sums, to rounding, as one offset at a
    time, with which rule CR's figures were measured: tests/test_coregister.py holds the two together; that loop
    took about 0.2 s a date on a 512 px window, this about a tenth of it).  ``ref_spectra`` =
    :func:`_spectra` of the reference at this shape, when computed once for several dates (``img_spectra`` those of
    ``b``, when known)."""
    h, w = a.shape
    shape = _fft_shape(h, w, r)
    fa, fm, faa = ref_spectra if ref_spectra is not None else _spectra(a, aok, shape)
    fb, fn, fbb = img_spectra if img_spectra is not None else _spectra(b, bok, shape)

    def corr(f, g):  # sum over p of f(p) g(p + d), for d = (dy, dx) in [-r, r]^2
        c = np.fft.irfft2(np.conj(f) * g, shape)
        rows = np.r_[c[-r:] if r else c[:0], c[:r + 1]]
        return np.concatenate([rows[:, -r:] if r else rows[:, :0], rows[:, :r + 1]], axis=1)

    n = np.rint(corr(fm, fn))
    sa, sb = corr(fa, fn), corr(fm, fb)
    sab, saa, sbb = corr(fa, fb), corr(faa, fn), corr(fm, fbb)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = sab - sa * sb / n
        va = np.maximum(saa - sa * sa / n, 0.0)
        vb = np.maximum(sbb - sb * sb / n, 0.0)
        den = np.sqrt(va * vb)
        out = np.where(den > 0, cov / np.where(den > 0, den, 1.0), 0.0)
    out[n < MIN_PIXELS] = np.nan
    return out


def _spread(a, aok, r, ref_spectra=None):
    """The sum of rho^2 over every offset up to ``r`` each way, rho the correlation of the reference's edges ``a``
    (valid ``aok``) with themselves at that offset (1 at none; near 1 at 1-2 px on smooth imagery, whose neighbouring
    pixels are not independent): a correlation of them with another date's on n pixels has a standard error of about
    sqrt(spread / n) (Bartlett's variance of a cross-correlation, the date's own autocorrelation taken as the
    reference's).  Computed once per window of a series (:func:`estimate_windows`); None with too few valid pixels."""
    if np.count_nonzero(aok) < MIN_PIXELS:
        return None
    rho = _scores(a, aok, a, aok, r, ref_spectra, ref_spectra)
    return float(np.nansum(rho * rho))


def _margin(scores, iy, ix):
    """The best score's excess over the best at an offset :data:`DISAGREE` px or more from it (x or y); None when
    no such offset was scored."""
    r = scores.shape[0] // 2
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
    far = np.maximum(np.abs(yy - (iy - r)), np.abs(xx - (ix - r))) >= DISAGREE
    rest = scores[far & np.isfinite(scores)]
    return float(scores[iy, ix] - rest.max()) if rest.size else None


def _vertex(cm, c0, cp):
    """Offset of the parabola's vertex through (-1, cm), (0, c0), (1, cp), within [-0.49, 0.49]: the sub-pixel
    estimate rounds back to the whole-pixel offset that scored best (at +-0.5, Python's rounding to even moved
    an odd best offset by one: 1 + 0.5 -> 2)."""
    den = cm - 2 * c0 + cp
    if not np.isfinite(den) or den >= 0:  # a neighbour without enough pixels (NaN): no refinement
        return 0.0
    return float(np.clip(0.5 * (cm - cp) / den, -0.49, 0.49))


def estimate_shift(ref, ref_valid, img, img_valid, max_shift=MAX_SHIFT, ref_edges=None, ref_spectra=None,
                   ref_spread=False):
    """The :class:`Shift` of date ``img`` (C, H, W) against ``ref`` (C, H, W), with their valid masks (H, W).
    ``ref_edges`` = :func:`edges` of the reference, ``ref_spectra`` = :func:`_spectra` of them and ``ref_spread`` =
    :func:`_spread` of them (see :func:`estimate_shifts`), when computed once for several dates."""
    a, aok = ref_edges if ref_edges is not None else edges(ref, ref_valid)
    b, bok = edges(img, img_valid)
    r = int(max_shift)
    scores = _scores(a, aok, b, bok, r, ref_spectra)
    if not np.isfinite(scores).any() or not np.isfinite(scores[r, r]):
        return Shift(reason="few_pixels")
    iy, ix = np.unravel_index(np.nanargmax(scores), scores.shape)
    best, zero = float(scores[iy, ix]), float(scores[r, r])
    dy, dx = int(iy) - r, int(ix) - r
    # (how distinct the match is, for the check across the scene: window_clear; no part of what is applied)
    spread = _spread(a, aok, r, ref_spectra) if ref_spread is False else ref_spread
    n = np.count_nonzero(aok & bok)
    evidence = {"margin": _margin(scores, iy, ix),
                "se": float(np.sqrt(spread / n)) if spread is not None and n >= MIN_PIXELS else None}
    if (dx, dy) == (0, 0):
        fx = _vertex(scores[r, r - 1], best, scores[r, r + 1]) if r else 0.0
        fy = _vertex(scores[r - 1, r], best, scores[r + 1, r]) if r else 0.0
        return Shift(fx, fy, best, 0.0, **evidence)
    gain = best - zero
    # no clear match first: a featureless date (every offset scores 0, the first of them "best") or one sharing
    # few edges is not "offset by 5 px or more" (it was called so, and warned of, when the edge came first)
    if best < MIN_SCORE or gain < MIN_GAIN:
        return Shift(float(dx), float(dy), best, gain, reason="weak", **evidence)
    if not np.isfinite(scores).all():
        # offsets left unscored (a scene of about 20 px, or a date mostly nodata): the true offset may be one of
        # them, or beyond the search, and the best of the rest a wrong one (a 20 px scene offset by 5, 6 or (7, 2)
        # px was moved by 4, 2 or (-2, 0))
        return Shift(float(dx), float(dy), best, gain, reason="few_pixels", **evidence)
    if abs(dx) == r or abs(dy) == r:
        return Shift(float(dx), float(dy), best, gain, reason="edge", **evidence)
    nb = lambda y, x: scores[y, x] if np.isfinite(scores[y, x]) else best  # noqa: E731
    fx = _vertex(nb(iy, ix - 1), best, nb(iy, ix + 1))
    fy = _vertex(nb(iy - 1, ix), best, nb(iy + 1, ix))
    return Shift(dx + fx, dy + fy, best, gain, **evidence)


def estimate_shifts(values, valid, reference=0, max_shift=MAX_SHIFT, progress=None):
    """:class:`Shift` of every date of ``values`` (T, C, H, W) against date ``reference``; ``valid`` (H, W)
    for all dates or (T, H, W) per date.  The reference's own is Shift(0, 0).  ``progress(k, n)``, when given, is
    called before the k-th of the n other dates is estimated (each takes a fraction of a second on a 512 px
    window; a run cancels between them).  :func:`estimate_windows` on one window, the whole of ``values``."""
    values = np.asarray(values)
    per_date = np.asarray(valid).ndim == 3
    return estimate_windows(lambda j, _win: (values[j], valid[j] if per_date else valid), len(values), [None],
                            reference=reference, max_shift=max_shift, progress=progress, evidence=False)[0]


def check_windows(width, height, side=CHECK_WINDOW, least=CHECK_FACTOR * WINDOW):
    """The further windows of the check across the scene, [(place, (x, y, w, h))]: one of ``side`` px a side
    centred in each quarter of a ``width`` x ``height`` grid at least ``least`` px wide and high (by default
    :data:`CHECK_FACTOR` central windows), else none (a smaller grid behaves as before: the central window only)."""
    side = int(side)
    if width < least or height < least or width < side or height < side:
        return []
    out = []
    for place, fx, fy in (("north-west", 1, 1), ("north-east", 3, 1), ("south-west", 1, 3), ("south-east", 3, 3)):
        x = min(max(fx * width // 4 - side // 2, 0), width - side)
        y = min(max(fy * height // 4 - side // 2, 0), height - side)
        out.append((place, (x, y, side, side)))
    return out


def estimate_windows(read, n, windows, reference=0, max_shift=MAX_SHIFT, progress=None, evidence=True):
    """Every date's :class:`Shift` against date ``reference`` (:func:`estimate_shift`, the reference's edges and
    spectra computed once per window) in each of several windows of a series of ``n`` dates, one date at a time (a
    date's windows read, estimated and dropped before the next: no window of every date is held at once).
    ``read(j, window)`` gives date j's (values (C, h, w), valid (h, w)) in ``window`` (an item of ``windows``).
    Returns per window the list of every date's Shift; the reference's own is Shift(0, 0).
    ``progress(k, n - 1)`` as there, once per date for all its windows.  ``evidence``: whether each window's Shifts
    carry ``se`` (:func:`_spread`, for :func:`window_clear`), for every window or per window (a list of bools); the
    central window's, which only :meth:`Shift.clear` judges, need not."""
    r = int(max_shift)
    wanted = [evidence] * len(windows) if isinstance(evidence, bool) else list(evidence)
    refs = []
    for win, want in zip(windows, wanted):
        ref_edges = edges(*read(reference, win))
        h, w = ref_edges[0].shape
        spectra = _spectra(*ref_edges, _fft_shape(h, w, r))
        refs.append((ref_edges, spectra, _spread(*ref_edges, r, spectra) if want else None))
    out = [[None] * n for _w in windows]
    for j in range(n):
        if j == reference:
            for per in out:
                per[j] = Shift(0.0, 0.0, 1.0, 0.0)
            continue
        if progress is not None:
            progress(j + (j < reference), n - 1)
        for k, win in enumerate(windows):
            values, valid = read(j, win)
            out[k][j] = estimate_shift(None, None, values, valid, r, ref_edges=refs[k][0], ref_spectra=refs[k][1],
                                       ref_spread=refs[k][2])
    return out


def window_clear(shift):
    """Whether a further window of the check across the scene found a clear match: :meth:`Shift.clear` and
    :meth:`Shift.distinct` (a match as clear as the central window's would be applied, and distinct from offsets
    :data:`DISAGREE` px away by :data:`MIN_DISTINCT` standard errors of the window's correlation)."""
    return shift.clear() and shift.distinct()


def _clear_offsets(shift):
    """The whole-pixel offsets of ``shift``'s further windows with a clear match (:func:`window_clear`)."""
    return [sh.applied() for _place, _win, sh in shift.windows or [] if window_clear(sh)]


def _disagree(offsets):
    """Whether two of the whole-pixel ``offsets`` differ by :data:`DISAGREE` px or more in x or y."""
    return any(max(abs(a[0] - b[0]), abs(a[1] - b[1])) >= DISAGREE for a in offsets for b in offsets)


def varies(shift):
    """Whether the check across the scene found the date offset differently in different parts of it: the
    whole-pixel offsets of its further windows with a clear match (:func:`window_clear`) differ from each other,
    or from the offset applied to the date, by :data:`DISAGREE` px or more in x or y.  The applied offset counts
    unless the date was left as it is for a reason already warned of (``edge``, ``no_crs``)."""
    if not shift.windows:
        return False
    found = _clear_offsets(shift)
    if shift.reason not in ("edge", "no_crs"):
        found.append(shift.applied())
    return _disagree(found)


def offset_elsewhere(shift):
    """Whether :func:`varies` holds only because the date's centre showed no clear match (its "no offset" counted)
    while its further windows' clear matches agree with each other: the date is offset where it can be seen, not
    offset differently in different parts of the scene (a centre mostly nodata or featureless)."""
    if not varies(shift) or shift.clear() or shift.reason in ("edge", "no_crs"):
        return False
    return not _disagree(_clear_offsets(shift))


def place_text(place):
    """'north-west' in the current language (:data:`PLACES`)."""
    return translated(PLACES[place])


def windows_text(shift):
    """What the central and further windows found, in words: 'centre: 3 px east (applied); north-west: 3 px
    east; north-east: 0 px; south-west: no clear match; ...'."""
    parts = []
    for place, sh in [("centre", shift)] + [(p, s) for p, _win, s in shift.windows or []]:
        if place == "centre" and sh.reason is None and sh.applied() != (0, 0):
            found = _("{offset} (applied)").format(offset=offset_text(*sh.applied()))
        elif place == "centre" and sh.reason in ("edge", "no_crs") and sh.dx is not None:
            found = _("{offset} (not applied)").format(offset=offset_text(*(int(round(v)) for v in (sh.dx, sh.dy))))
        elif sh.clear() if place == "centre" else window_clear(sh):
            found = offset_text(*sh.applied())
        else:
            found = _("no clear match")
        parts.append(_("{place}: {found}").format(place=place_text(place), found=found))
    return "; ".join(parts)


def apply_shifts(values, valid, shifts):
    """Move each date of ``values`` (T, C, H, W) by its applied whole-pixel offset: the result's pixel (y, x)
    of date j is the input's (y + dy, x + dx).  Pixels a date does not cover after its move are invalid in
    the returned ``valid`` (H, W; or (T, H, W) when given per date), their values the nearest covered ones."""
    values = np.asarray(values)
    per_date = np.asarray(valid).ndim == 3
    out = values.copy()
    ok = np.array(valid, bool, copy=True)
    h, w = values.shape[-2:]
    for j, s in enumerate(shifts):
        dx, dy = s.applied()
        if not dx and not dy:
            continue
        iy = np.clip(np.arange(h) + dy, 0, h - 1)
        ix = np.clip(np.arange(w) + dx, 0, w - 1)
        out[j] = values[j][:, iy][:, :, ix]
        cover = np.zeros((h, w), bool)
        cover[max(0, -dy):min(h, h - dy), max(0, -dx):min(w, w - dx)] = True
        if per_date:
            ok[j] = np.asarray(valid)[j][iy][:, ix] & cover
        else:
            moved_valid = np.asarray(valid)[iy][:, ix]
            ok &= cover & moved_valid
    return out, ok


def align(values, valid, reference=0):
    """:func:`estimate_shifts` then :func:`apply_shifts` of a series held in memory (``evaluate`` and ``ablation``
    with ``--coregister``): (values, valid, shifts)."""
    shifts = estimate_shifts(values, valid, reference=reference)
    values, valid = apply_shifts(values, valid, shifts)
    return values, valid, shifts
