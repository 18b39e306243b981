"""Accuracy metrics for change area and change moment (DESIGN.md section 7).

All labelled pixels of a dataset are pooled into ONE confusion matrix (not averaged per image), then
the scores are computed from it:

* area (2 classes, positive = changed): overall accuracy (OA), precision, recall, F1, Cohen's kappa;
* moment (K classes, 0 = no change, k = last change between date k and date k+1, 1-based): OA, multi-class
  Cohen's kappa, per-class F1 and macro F1 (mean over classes that occur in the reference or the
  prediction).

Pixels whose reference is ``IGNORE`` (255: nodata, unlabelled reference pixels) or whose prediction
is ``IGNORE`` (nodata in the input) are excluded.  Use :class:`ConfusionMatrix` to accumulate over
many tiles or samples (``update`` then ``summary``); the functions below work on a finished matrix.
Rows of a confusion matrix are the reference, columns the prediction.
"""

import numpy as np

IGNORE = 255


def confusion(reference, prediction, num_classes, ignore=IGNORE):
    """Confusion matrix (num_classes x num_classes, int64) of labelled pixels.

    Pixels whose reference or prediction equals ``ignore`` are skipped; any other value outside
    ``0..num_classes-1`` is an error.
    """
    ref = np.asarray(reference).reshape(-1).astype(np.int64)
    pred = np.asarray(prediction).reshape(-1).astype(np.int64)
    if ref.shape != pred.shape:
        raise ValueError(f"reference and prediction differ in size: {ref.size} vs {pred.size}")
    keep = (ref != ignore) & (pred != ignore)
    ref, pred = ref[keep], pred[keep]
    if ref.size and (ref.min() < 0 or ref.max() >= num_classes or pred.min() < 0
                     or pred.max() >= num_classes):
        raise ValueError(f"class values must be in 0..{num_classes - 1} (or {ignore} for unlabelled)")
    return np.bincount(ref * num_classes + pred, minlength=num_classes * num_classes).reshape(
        num_classes, num_classes)


def _safe_div(a, b):
    return float(a) / float(b) if b else 0.0


def overall_accuracy(cm):
    cm = np.asarray(cm, dtype=np.float64)
    return _safe_div(np.trace(cm), cm.sum())


def kappa(cm):
    """Cohen's kappa of a (multi-class) confusion matrix; 0 without pixels.  When chance agreement is
    1 (reference and prediction all one and the same class, so 0 / 0) it is 1, the agreement being
    perfect."""
    cm = np.asarray(cm, dtype=np.float64)
    n = cm.sum()
    if n == 0:
        return 0.0
    po = float(np.trace(cm) / n)
    pe = float((cm.sum(axis=0) * cm.sum(axis=1)).sum()) / float(n * n)
    if pe >= 1.0:
        return 1.0 if po >= 1.0 else 0.0
    return float((po - pe) / (1.0 - pe))


def per_class(cm):
    """Per-class precision, recall and F1 (lists) of a confusion matrix."""
    cm = np.asarray(cm, dtype=np.float64)
    tp = np.diag(cm)
    pred_tot = cm.sum(axis=0)
    ref_tot = cm.sum(axis=1)
    precision = [_safe_div(tp[i], pred_tot[i]) for i in range(len(tp))]
    recall = [_safe_div(tp[i], ref_tot[i]) for i in range(len(tp))]
    f1 = [_safe_div(2 * tp[i], pred_tot[i] + ref_tot[i]) for i in range(len(tp))]
    return precision, recall, f1


def area_scores(cm):
    """Scores of a 2 x 2 area confusion matrix (positive class = 1 = changed)."""
    cm = np.asarray(cm, dtype=np.int64)
    if cm.shape != (2, 2):
        raise ValueError("area confusion matrix must be 2 x 2")
    precision, recall, f1 = per_class(cm)
    return {
        "pixels": int(cm.sum()),
        "oa": overall_accuracy(cm),
        "precision": precision[1],
        "recall": recall[1],
        "f1": f1[1],
        "kappa": kappa(cm),
        "tp": int(cm[1, 1]), "fp": int(cm[0, 1]), "fn": int(cm[1, 0]), "tn": int(cm[0, 0]),
    }


def moment_scores(cm):
    """Scores of a K x K moment confusion matrix."""
    cm = np.asarray(cm, dtype=np.int64)
    _, _, f1 = per_class(cm)
    present = (cm.sum(axis=0) + cm.sum(axis=1)) > 0
    macro = float(np.mean([f for f, p in zip(f1, present) if p])) if present.any() else 0.0
    return {
        "pixels": int(cm.sum()),
        "oa": overall_accuracy(cm),
        "kappa": kappa(cm),
        "f1_per_class": [float(f) for f in f1],
        "present": [bool(p) for p in present],
        "macro_f1": macro,
    }


def area_from_moment_labels(moment):
    """Area labels (0/1/IGNORE) from moment labels (0..K-1/IGNORE)."""
    m = np.asarray(moment)
    return np.where(m == IGNORE, IGNORE, (m > 0).astype(m.dtype)).astype(np.uint8)


def _grow_8(mask):
    """``mask`` grown by one pixel in the 8 directions (a 3 x 3 maximum filter, no wrap at the edges)."""
    out = mask.copy()
    h, w = mask.shape
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx:
                out[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)] |= \
                    mask[max(-dy, 0):h + min(-dy, 0), max(-dx, 0):w + min(-dx, 0)]
    return out


def errors_by_distance(ref_area, pred_area, rings=4):
    """Area errors of one image by their distance to the reference's other class: ``(2, rings + 1)`` counts,
    row 0 the false change (called changed, unchanged in the reference) by the distance in pixels (8-neighbour,
    1 .. ``rings``, then farther) to the nearest reference pixel that changed, row 1 the missed change
    (changed in the reference, called unchanged) by the distance to the nearest unchanged one.  Errors one pixel
    from the boundary are the mixed pixels and shifted edges of a change; the farther ones are false alarms on
    their own and changes missed whole.  Pixels unlabelled or invalid in either (IGNORE) are neither errors
    nor the boundary's; where a reference labels only some pixels (Taizhou) the distances say little."""
    ref, pred = np.asarray(ref_area), np.asarray(pred_area)
    ok = (ref != IGNORE) & (pred != IGNORE)
    out = np.zeros((2, rings + 1), np.int64)
    for row, (error, near) in enumerate((((pred == 1) & (ref == 0) & ok, (ref == 1) & ok),
                                         ((pred == 0) & (ref == 1) & ok, (ref == 0) & ok))):
        seen = np.zeros_like(error)
        for r in range(rings):
            near = _grow_8(near)
            out[row, r] = int((error & near & ~seen).sum())
            seen |= near
        out[row, rings] = int((error & ~seen).sum())
    return out


class ConfusionMatrix:
    """Pools area and moment confusion matrices over many samples.

    Moment matrices of series with different T are pooled in one matrix of the largest K seen (a
    sample with T dates only uses classes 0..T-1).
    """

    def __init__(self, num_moment_classes=2):
        self.area = np.zeros((2, 2), np.int64)
        self.moment = np.zeros((num_moment_classes, num_moment_classes), np.int64)

    def _grow(self, k):
        if k > self.moment.shape[0]:
            grown = np.zeros((k, k), np.int64)
            n = self.moment.shape[0]
            grown[:n, :n] = self.moment
            self.moment = grown

    def update(self, ref_moment, pred_moment, num_classes=None):
        """Add samples given moment reference and prediction (any shape, IGNORE = unlabelled)."""
        ref = np.asarray(ref_moment)
        pred = np.asarray(pred_moment)
        if num_classes is None:
            vals = np.concatenate([ref[ref != IGNORE].ravel(), pred[pred != IGNORE].ravel(), [0]])
            num_classes = int(vals.max()) + 1
        self._grow(max(num_classes, 2))
        self.moment += confusion(ref, pred, self.moment.shape[0])
        self.area += confusion(area_from_moment_labels(ref), area_from_moment_labels(pred), 2)

    def update_area(self, ref_area, pred_area):
        """Add area-only samples (e.g. a reference map that knows no moment)."""
        self.area += confusion(ref_area, pred_area, 2)

    def summary(self):
        return {"area": area_scores(self.area), "moment": moment_scores(self.moment)}


def undefined_area_scores(s):
    """The scores of an area_scores dict that are 0 / 0 (reported as 0.0, shown as '-'): precision with
    nothing called changed, recall with nothing changed in the reference, F1 with neither."""
    tp, fp, fn = s["tp"], s["fp"], s["fn"]
    return {k for k, d in (("precision", tp + fp), ("recall", tp + fn), ("f1", 2 * tp + fp + fn)) if d == 0}


def _heads(heads, names, method_width=0):
    """The column names ``names`` as shown (``heads``: {English name: shown name}, e.g. translated; missing: the
    English one) and each column's width: the English table's own (28 for the method, 9 for the pixels, 7 for a
    score), wider when a shown name is longer (the method's also when ``method_width`` is: rows of longer names,
    aligned)."""
    shown = [(heads or {}).get(n, n) for n in names]
    widths = [max(max(28, method_width) if n == "method" else 9 if n == "pixels" else 7, len(h))
              for n, h in zip(names, shown)]
    return shown, widths


def format_area_table(rows, heads=None, method_width=0):
    """Text table of area scores; ``rows`` is a list of (name, area_scores dict).  A score that is 0 / 0
    (:func:`undefined_area_scores`, e.g. F1 where neither reference nor prediction has change) is '-',
    not 0: a map with no false change of a stable area is not 0 % precise.  ``heads``: the column names as
    shown ({'method': ..., 'pixels': ..., 'OA': ..., 'prec': ..., 'recall': ..., 'F1': ..., 'kappa': ...}), for
    people reading another language (the comparison's text); without, the English table as ever.  ``method_width``:
    the method column at least this wide (evaluate --against's rows of two file names)."""
    names = ["method", "pixels", "OA", "prec", "recall", "F1", "kappa"]
    shown, (wm, wp, *ws) = _heads(heads, names, method_width)
    head = f"{shown[0]:<{wm}} {shown[1]:>{wp}} " + " ".join(f"{h:>{w}}" for h, w in zip(shown[2:], ws))
    lines = [head, "-" * len(head)]
    for name, s in rows:
        undefined = undefined_area_scores(s)
        cells = ["-" if k in undefined else f"{s[k]:.4f}" for k in ("oa", "precision", "recall", "f1", "kappa")]
        lines.append(f"{name:<{wm}} {s['pixels']:>{wp}d} " + " ".join(f"{c:>{w}}" for c, w in zip(cells, ws)))
    return "\n".join(lines)


def format_moment_table(rows, heads=None, method_width=0):
    """Text table of moment scores (OA, kappa, macro F1, per-class F1); ``heads`` and ``method_width`` as
    :func:`format_area_table`'s (with 'mF1'; the per-class 'F1[k]' take the shown 'F1')."""
    k = max((len(s["f1_per_class"]) for _, s in rows), default=0)
    names = ["method", "pixels", "OA", "kappa", "mF1"]
    shown, (wm, wp, *ws) = _heads(heads, names, method_width)
    f1 = (heads or {}).get("F1", "F1")
    classes = [f"{f1}[{i}]" for i in range(k)]
    wc = [max(7, len(c)) for c in classes]

    def line(first, second, scores, per):   # (the per-class part after a space, empty or not: as ever)
        return (f"{first:<{wm}} {second:>{wp}} " + " ".join(f"{c:>{w}}" for c, w in zip(scores, ws)) + " "
                + " ".join(f"{c:>{w}}" for c, w in zip(per, wc)))

    head = line(shown[0], shown[1], shown[2:], classes)
    lines = [head, "-" * len(head)]
    for name, s in rows:
        per = [f"{s['f1_per_class'][i]:.4f}" if i < len(s["f1_per_class"]) and s["present"][i] else "-"
               for i in range(k)]
        lines.append(line(name, s["pixels"], [f"{s['oa']:.4f}", f"{s['kappa']:.4f}", f"{s['macro_f1']:.4f}"], per))
    return "\n".join(lines)


def block_confusions(reference, prediction, num_classes, block, ignore=IGNORE):
    """Confusion matrices of the ``block`` x ``block`` pixel blocks of one image that hold at least
    one labelled pixel: array (n_blocks, num_classes, num_classes), for :func:`bootstrap_kappas`."""
    ref, pred = np.asarray(reference), np.asarray(prediction)
    h, w = ref.shape
    out = []
    for y in range(0, h, block):
        for x in range(0, w, block):
            cm = confusion(ref[y:y + block, x:x + block], pred[y:y + block, x:x + block],
                           num_classes, ignore)
            if cm.sum():
                out.append(cm)
    return np.array(out, np.int64).reshape(-1, num_classes, num_classes)


def bootstrap_kappas(block_cms, n=1000, seed=0):
    """Kappa of ``n`` spatial block-bootstrap resamples, for several methods at once.

    Neighbouring pixels are not independent (a change object covers many), so resampling pixels
    would give far too narrow an interval; resampling whole blocks keeps their correlation inside.
    ``block_cms`` is a list with one array per method from :func:`block_confusions` (blocks of all
    images pooled, the same blocks in the same order for every method: same labelled pixels); every
    resample draws the same blocks for all methods, so differences between methods are paired.
    Returns an array (n, methods), or None with fewer than two blocks."""
    cms = [np.asarray(c, np.int64) for c in block_cms]
    m = len(cms[0])
    if m < 2 or any(len(c) != m for c in cms):
        return None
    rng = np.random.default_rng(seed)
    values = np.empty((n, len(cms)))
    for i in range(n):
        idx = rng.integers(0, m, m)
        values[i] = [kappa(c[idx].sum(axis=0)) for c in cms]
    return values


def interval(values, level=0.95):
    """Percentile interval (low, high) of bootstrap values."""
    a = (1.0 - level) / 2.0
    return float(np.quantile(values, a)), float(np.quantile(values, 1.0 - a))
