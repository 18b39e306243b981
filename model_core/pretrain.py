"""Single-date semantic pre-training for the SChanger-style model (optional).

SChanger pre-trains its Siamese encoder on single-date semantic labels before fine-tuning on change.
Ours does the same without changing the change model's weights layout:

* a separate :class:`SemanticHead` (a 1x1 convolution) reads the model's per-date embeddings, so the
  pre-trained file is an ordinary ``schanger`` weights file and the head is dropped after pre-training;
* each training image is fed as a *pair*: the image and a copy under a radiometric nuisance (per-band
  gain and offset, sensor noise).  The semantic loss (cross-entropy, 255 = ignore) is applied to both
  dates' embeddings, and the DeepCL loss with "no change" labels pulls the two dates' embeddings
  together, which teaches invariance to illumination-type pseudo-change from the start.
  No change loss is applied (all-unchanged pairs would only teach the head to say "no change").

Library use (e.g. from the training code)::

    head = SemanticHead(model.config["embed_dim"], n_classes)
    stats = pretrain_step(model, head, images, masks, optimizer)      # images (B, C, H, W)
    ...
    load_pretrained(change_model, "pretrained.pt")                      # before fine-tuning

Command line: ``python -m model_core.pretrain --data ../shared/data/spacenet7-crops --out pre.pt``
pre-trains on SpaceNet 7 building masks (R, G, B; the missing NIR band is replaced by the green band,
as the semi-synthetic generator does for these crops).

``python -m model_core.pretrain finetune --init pre.pt CONFIG [train options]`` runs
``python -m model_core train CONFIG ...`` with the model initialised from ``pre.pt`` (every tensor
whose name and shape match) and a fresh optimizer: fine-tuning after pre-training, or a second,
lower-learning-rate stage after a first training run.
"""

import argparse
import glob
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from model_core.losses import IGNORE, deepcl_loss


class SemanticHead(nn.Module):
    """Per-pixel semantic classifier on per-date embeddings (B, D, H, W) -> logits (B, K, H, W)."""

    def __init__(self, embed_dim, n_classes):
        super().__init__()
        self.conv = nn.Conv2d(embed_dim, n_classes, 1)

    def forward(self, e):
        return self.conv(F.relu(e))


def nuisance(images, generator=None, gain=0.2, offset=0.3, noise=0.05):
    """A copy of normalised images (B, C, H, W) under per-sample, per-band gain/offset and noise."""
    b, c = images.shape[:2]

    def u(*shape):
        return torch.rand(*shape, generator=generator) * 2 - 1

    g = 1 + gain * u(b, c, 1, 1)
    o = offset * u(b, c, 1, 1)
    n = noise * torch.randn(images.shape, generator=generator)
    return images * g.to(images) + o.to(images) + n.to(images)


def pretrain_step(model, head, images, masks, optimizer, deepcl_weight=0.5, generator=None):
    """One optimisation step; returns {"loss", "semantic", "deepcl"} as floats.

    ``images``: (B, C, H, W) normalised single-date images; ``masks``: (B, H, W) class indices,
    255 = ignore.
    """
    model.train()
    head.train()
    x = torch.stack([images, nuisance(images, generator)], dim=1)
    out = model(x)
    emb = out["embeddings"]
    b = emb.shape[0]
    logits = head(emb.flatten(0, 1))                          # (2B, K, H, W)
    tgt = masks.long().repeat(2, 1, 1).reshape(2, b, *masks.shape[1:]).transpose(0, 1).flatten(0, 1)
    if bool((tgt != IGNORE).any()):
        sem = F.cross_entropy(logits, tgt, ignore_index=IGNORE)
    else:
        sem = logits.sum() * 0.0
    same = torch.zeros(masks.shape, dtype=torch.long, device=masks.device)
    cl = deepcl_loss(emb, same)
    loss = sem + deepcl_weight * cl
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return {"loss": loss.item(), "semantic": sem.item(), "deepcl": cl.item()}


def load_pretrained(model, path):
    """Copy every tensor of a weights file whose name and shape match ``model``; returns their names."""
    from model_core import weights

    state = weights.read(path)["state_dict"]
    own = model.state_dict()
    take = {k: v for k, v in state.items() if k in own and own[k].shape == v.shape}
    own.update(take)
    model.load_state_dict(own)
    return sorted(take)


def load_spacenet7_crops(folder):
    """(image (4, H, W) float32 normalised R, G, B, NIR=G; mask (H, W) uint8 {0, 1, 255}) per crop."""
    from osgeo import gdal

    from model_core.normalize import normalise

    out = []
    for img_path in sorted(glob.glob(os.path.join(folder, "*_images.tif"))):
        mask_path = img_path.replace("_images.tif", "_mask.tif")
        if not os.path.isfile(mask_path):
            continue
        arr = gdal.Open(img_path).ReadAsArray().astype(np.float32)        # R, G, B, alpha
        mask = gdal.Open(mask_path).ReadAsArray().astype(np.uint8)
        if mask.ndim == 3:
            mask = mask[0]
        valid = arr[3] > 0 if arr.shape[0] > 3 else np.ones(arr.shape[1:], bool)
        img = normalise(arr[None, [0, 1, 2, 1]], valid)[0]
        mask = np.where(valid, (mask > 0).astype(np.uint8), IGNORE).astype(np.uint8)
        out.append((img, mask))
    return out


def _random_crops(samples, n, size, rng):
    imgs, masks = [], []
    for _ in range(n):
        img, mask = samples[rng.integers(len(samples))]
        r = rng.integers(0, img.shape[1] - size + 1)
        c = rng.integers(0, img.shape[2] - size + 1)
        a, m = img[:, r:r + size, c:c + size], mask[r:r + size, c:c + size]
        k = int(rng.integers(4))
        a, m = np.rot90(a, k, axes=(1, 2)), np.rot90(m, k)
        if rng.integers(2):
            a, m = a[:, :, ::-1], m[:, ::-1]
        imgs.append(np.ascontiguousarray(a))
        masks.append(np.ascontiguousarray(m))
    return torch.from_numpy(np.stack(imgs)), torch.from_numpy(np.stack(masks).astype(np.int64))


def finetune_main(argv):
    """``finetune --init FILE CONFIG ...``: :func:`model_core.train.main` with an initialised model."""
    import model_core.models as registry
    from model_core import train

    p = argparse.ArgumentParser(prog="python -m model_core.pretrain finetune",
                                description="Train from a JSON config (as 'python -m model_core train') "
                                            "starting from the weights in --init.")
    p.add_argument("--init", required=True, help="weights file to initialise the model from")
    args, rest = p.parse_known_args(argv)
    original = registry.build_model

    def build_initialised(*a, **k):
        model = original(*a, **k)
        names = load_pretrained(model, args.init)
        print(f"initialised {len(names)} of {len(model.state_dict())} tensors from {args.init}",
              file=sys.stderr)
        return model

    registry.build_model = build_initialised
    try:
        return train.main(rest)
    finally:
        registry.build_model = original


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["finetune"]:
        return finetune_main(argv[1:])
    from model_core import weights
    from model_core.models import build_model

    p = argparse.ArgumentParser(prog="python -m model_core.pretrain",
                                description="Semantic pre-training of the SChanger-style model on "
                                            "single-date building masks (SpaceNet 7 crops layout).")
    p.add_argument("--data", required=True, help="folder with *_images.tif and *_mask.tif")
    p.add_argument("--out", required=True, help="output weights file (.pt)")
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--size", type=int, default=64, help="patch size (multiple of 4)")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--deepcl-weight", type=float, default=0.5)
    p.add_argument("--preset", default="default")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    samples = load_spacenet7_crops(args.data)
    if not samples:
        print(f"No *_images.tif / *_mask.tif pairs in '{args.data}'.", file=sys.stderr)
        return 2
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    model = build_model("schanger", preset=args.preset)
    head = SemanticHead(model.config["embed_dim"], 2)
    opt = torch.optim.Adam(list(model.parameters()) + list(head.parameters()), lr=args.lr)
    t0 = time.time()
    run = None
    for step in range(1, args.steps + 1):
        images, masks = _random_crops(samples, args.batch, args.size, rng)
        stats = pretrain_step(model, head, images, masks, opt, args.deepcl_weight, gen)
        run = stats if run is None else {k: 0.95 * run[k] + 0.05 * v for k, v in stats.items()}
        if step % 25 == 0 or step == args.steps:
            print(f"step {step}/{args.steps}  loss {run['loss']:.4f}  semantic {run['semantic']:.4f}  "
                  f"deepcl {run['deepcl']:.4f}  {time.time() - t0:.0f} s", flush=True)
    meta = {"stage": "semantic pre-training (not a change model yet)",
            "command": "python -m model_core.pretrain " + " ".join(argv),
            "data": os.path.basename(os.path.normpath(args.data))}
    weights.save(args.out, model.eval(), meta=meta)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
