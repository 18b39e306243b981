"""Training losses.

* :func:`focal_loss`: class-weighted focal loss on log-probabilities (gamma 2 as in CAIM-Net).
* :func:`change_loss`: the CAIM-Net objective on a model output dict: focal loss on the moment and
  on the area inferred from it, plus ``aux_weight`` x the moment focal loss of every auxiliary map.
* :func:`edge_pixel_weights`: per-pixel weights that count the one-pixel band on each side of a change's
  edge ``1 + edge_weight`` times (the config's ``edge_weight``; 0, the default, weighs every pixel alike).

Targets use 255 (``IGNORE``) for unlabelled pixels.
"""

import torch

from model_core.models import area_from_moment

IGNORE = 255


def focal_loss(logp, target, weight=None, gamma=2.0, ignore_index=IGNORE, pixel_weight=None):
    """Mean focal loss over labelled pixels.

    ``logp``: (B, K, H, W) log-probabilities; ``target``: (B, H, W) integer classes, ``ignore_index``
    for unlabelled pixels; ``weight``: optional (K,) class weights; ``pixel_weight``: optional (B, H, W)
    weights, the loss then being their weighted mean over labelled pixels.
    """
    target = target.long()
    valid = target != ignore_index
    if not bool(valid.any()):
        return logp.sum() * 0.0
    t = torch.where(valid, target, torch.zeros_like(target))
    lp = logp.gather(1, t.unsqueeze(1)).squeeze(1)
    p = lp.exp()
    loss = -((1.0 - p).clamp(min=0.0) ** gamma) * lp
    if weight is not None:
        loss = loss * weight.to(logp.dtype)[t]
    if pixel_weight is not None:
        pw = pixel_weight.to(logp.dtype)[valid]
        return (loss[valid] * pw).sum() / pw.sum()
    loss = loss[valid]
    return loss.mean()


def edge_pixel_weights(moment_target, edge_weight, ignore_index=IGNORE):
    """(B, H, W) weights: ``1 + edge_weight`` for labelled pixels with an 8-neighbour of the other area
    class (the unchanged ring just outside a change and the changed pixels on its edge), 1 elsewhere.

    Unlabelled pixels count as neither class.  ``edge_weight`` 0 gives all ones.
    """
    y = moment_target.long()
    valid = y != ignore_index
    changed = (valid & (y > 0)).float().unsqueeze(1)
    unchanged = (valid & (y == 0)).float().unsqueeze(1)
    near_changed = torch.nn.functional.max_pool2d(changed, 3, stride=1, padding=1).squeeze(1) > 0
    near_unchanged = torch.nn.functional.max_pool2d(unchanged, 3, stride=1, padding=1).squeeze(1) > 0
    band = (unchanged.squeeze(1).bool() & near_changed) | (changed.squeeze(1).bool() & near_unchanged)
    return 1.0 + float(edge_weight) * band.float()


def class_weights(counts, max_ratio=10.0):
    """Inverse-frequency class weights, normalised to mean 1 and capped at ``max_ratio`` x min."""
    c = torch.as_tensor(counts, dtype=torch.float32).clamp(min=1.0)
    w = c.sum() / c
    w = torch.minimum(w, w.min() * max_ratio)
    return w / w.mean()


def change_loss(out, moment_target, moment_weight=None, area_weight=None, aux_weight=0.25, gamma=2.0,
                pixel_weight=None):
    """CAIM-Net objective for one batch.  ``moment_target`` (B, H, W): 0..T-1 or 255; ``pixel_weight``:
    optional (B, H, W) weights (e.g. :func:`edge_pixel_weights`) for every term."""
    moment_target = moment_target.long()
    loss = focal_loss(out["moment"], moment_target, moment_weight, gamma, pixel_weight=pixel_weight)
    area_target = torch.where(moment_target == IGNORE, moment_target, (moment_target > 0).long())
    loss = loss + focal_loss(area_from_moment(out["moment"]), area_target, area_weight, gamma,
                             pixel_weight=pixel_weight)
    for aux in out.get("aux", []):
        loss = loss + aux_weight * focal_loss(aux, moment_target, moment_weight, gamma, pixel_weight=pixel_weight)
    return loss


# --------------------------------------------------------------------------------------------------
# DeepCL: hard-sample-aware contrastive loss on per-date pixel embeddings.
#
# DeepCL (contrastive change features learned in a metric space next to the segmentation loss) was
# published without code; this is our design from its description:
#
# * Metric space: each date's pixel embedding is L2-normalised; for each adjacent pair of dates
#   (t, t + 1) and each pixel, d = ||z(t + 1) - z(t)|| in [0, 2] (d = sqrt(2 - 2 cos)).
# * Pair labels from "last change" moment labels (:func:`pair_labels`): moment 0 -> every pair
#   unchanged; moment k >= 1 -> pair k - 1 changed, pairs >= k unchanged, pairs < k - 1 unknown
#   (an earlier change may or may not have happened: masked, no gradient); 255 -> all masked.
# * Base loss (Hadsell-style contrastive): unchanged l = max(0, d - pos_margin)^2 (pulled together,
#   with an optional tolerance), changed l = max(0, margin - d)^2 (pushed apart beyond ``margin``).
# * Hard-sample weighting, focal-style: hardness h = l / l_max in [0, 1] (l_max = the largest value the
#   base loss can take: (2 - pos_margin)^2 for unchanged, margin^2 for changed) and weight
#   w = h^gamma, detached (it re-weights samples, it is not itself optimised).  With gamma = 1 an
#   unchanged pair at d = 1 weighs 4x one at d = 0.5: hard samples (unchanged far apart, changed close
#   together) dominate, easy ones fade out smoothly without a hard top-k cut-off.  gamma = 0 gives the
#   plain contrastive loss.  Optionally ``hard_fraction`` < 1 also keeps only the hardest fraction of
#   each class (top-k mining).
# * Class balance: changed pairs are rare, so the loss is the mean of the two class means
#   (each the weighted sum divided by the class's sample count, not by the sum of weights, so easy
#   batches give small losses); a class absent from the batch contributes nothing.
# --------------------------------------------------------------------------------------------------

PAIR_UNCHANGED = 0
PAIR_CHANGED = 1


def pair_labels(moment_target, num_dates):
    """Per-pair labels (B, T-1, H, W) from last-change moment labels (B, H, W).

    0 = unchanged, 1 = changed, 255 = unknown (masked).  Pair j lies between images j and j + 1.
    """
    m = moment_target.long()
    j = torch.arange(num_dates - 1, device=m.device).view(1, -1, 1, 1)
    mm = m.unsqueeze(1)
    lab = torch.full_like(mm.expand(-1, num_dates - 1, -1, -1), IGNORE)
    lab = torch.where((mm == 0) | ((mm != IGNORE) & (j >= mm)), torch.full_like(lab, PAIR_UNCHANGED), lab)
    lab = torch.where((mm != IGNORE) & (mm >= 1) & (j == mm - 1), torch.full_like(lab, PAIR_CHANGED), lab)
    return lab


def pair_distances(embeddings, eps=1e-6):
    """Distances (B, T-1, H, W) between L2-normalised embeddings (B, T, D, H, W) of adjacent dates."""
    z = torch.nn.functional.normalize(embeddings.float(), dim=2, eps=eps)
    diff = z[:, 1:] - z[:, :-1]
    return (diff.pow(2).sum(dim=2) + eps).sqrt()


def _weighted_class_mean(loss, hardness, gamma, hard_fraction):
    if loss.numel() == 0:
        return None
    w = hardness.detach().clamp(0.0, 1.0) ** gamma if gamma else torch.ones_like(loss)
    if hard_fraction < 1.0:
        k = max(1, int(round(hard_fraction * loss.numel())))
        idx = torch.topk(hardness.detach(), k).indices
        return (w[idx] * loss[idx]).sum() / k
    return (w * loss).sum() / loss.numel()


def deepcl_loss(embeddings, moment_target, margin=1.0, pos_margin=0.0, gamma=1.0, hard_fraction=1.0):
    """Hard-sample-aware contrastive loss (see the comment block above for every choice).

    ``embeddings``: (B, T, D, H, W) per-date pixel embeddings (``out["embeddings"]``);
    ``moment_target``: (B, H, W) last-change moment labels 0..T-1, 255 = ignore.  Works for any
    T >= 2.  Returns a scalar (zero, still connected to the graph, when no pair is labelled).
    """
    b, t = embeddings.shape[:2]
    if t < 2:
        raise ValueError("deepcl_loss needs at least 2 dates")
    d = pair_distances(embeddings)
    lab = pair_labels(moment_target.to(embeddings.device), t)
    un = lab == PAIR_UNCHANGED
    ch = lab == PAIR_CHANGED
    terms = []
    du = d[un]
    lu = (du - pos_margin).clamp(min=0.0) ** 2
    tu = _weighted_class_mean(lu, lu / max((2.0 - pos_margin) ** 2, 1e-6), gamma, hard_fraction)
    if tu is not None:
        terms.append(tu)
    dc = d[ch]
    lc = (margin - dc).clamp(min=0.0) ** 2
    tc = _weighted_class_mean(lc, lc / max(margin ** 2, 1e-6), gamma, hard_fraction)
    if tc is not None:
        terms.append(tc)
    if not terms:
        return embeddings.sum() * 0.0
    return torch.stack(terms).mean()


def change_deepcl_loss(out, moment_target, deepcl_weight=0.0, deepcl_kwargs=None, **change_kwargs):
    """:func:`change_loss` plus ``deepcl_weight`` x :func:`deepcl_loss` on ``out["embeddings"]``.

    Models without embeddings, or ``deepcl_weight`` 0, give exactly :func:`change_loss`.
    """
    loss = change_loss(out, moment_target, **change_kwargs)
    if deepcl_weight and out.get("embeddings") is not None:
        loss = loss + deepcl_weight * deepcl_loss(out["embeddings"], moment_target, **(deepcl_kwargs or {}))
    return loss
