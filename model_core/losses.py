"""Training losses.

* :func:`focal_loss`: class-weighted focal loss on log-probabilities (gamma 2 as in CAIM-Net).
* :func:`change_loss`: the CAIM-Net objective on a model output dict: focal loss on the moment and
  on the area inferred from it, plus ``aux_weight`` x the moment focal loss of every auxiliary map.

Targets use 255 (``IGNORE``) for unlabelled pixels.
"""

import torch

from model_core.models import area_from_moment

IGNORE = 255


def focal_loss(logp, target, weight=None, gamma=2.0, ignore_index=IGNORE):
    """Mean focal loss over labelled pixels.

    ``logp``: (B, K, H, W) log-probabilities; ``target``: (B, H, W) integer classes, ``ignore_index``
    for unlabelled pixels; ``weight``: optional (K,) class weights.
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
    loss = loss[valid]
    return loss.mean()


def class_weights(counts, max_ratio=10.0):
    """Inverse-frequency class weights, normalised to mean 1 and capped at ``max_ratio`` x min."""
    c = torch.as_tensor(counts, dtype=torch.float32).clamp(min=1.0)
    w = c.sum() / c
    w = torch.minimum(w, w.min() * max_ratio)
    return w / w.mean()


def change_loss(out, moment_target, moment_weight=None, area_weight=None, aux_weight=0.25, gamma=2.0):
    """CAIM-Net objective for one batch.  ``moment_target`` (B, H, W): 0..T-1 or 255."""
    moment_target = moment_target.long()
    loss = focal_loss(out["moment"], moment_target, moment_weight, gamma)
    area_target = torch.where(moment_target == IGNORE, moment_target, (moment_target > 0).long())
    loss = loss + focal_loss(area_from_moment(out["moment"]), area_target, area_weight, gamma)
    for aux in out.get("aux", []):
        loss = loss + aux_weight * focal_loss(aux, moment_target, moment_weight, gamma)
    return loss
