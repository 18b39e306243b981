"""CAIM-Net: change moment first, change area inferred from it.

Our implementation of the architecture described by Li, Wu, Hu and Guo (ISPRS J. Photogramm. Remote
Sens. 231, 2026), written from the paper's description (DESIGN.md section 5).  Stages:

1. Shared encoder without downsampling: a 3x3 branch (C -> 16 -> F) and a 1x1 branch (C -> 16 -> F),
   summed, then a 3x3 convolution, normalisation and ReLU.  Every date goes through the same weights.
2. Adjacent differences |E(t+1) - E(t)| for the T-1 consecutive pairs.
3. Boundary enhancement convolution: a depthwise 3x3 kernel whose centre tap is minus the sum of its 8
   neighbours (so the kernel sums to zero: a learned edge filter), added back as a residual.
4. Spatial correlation: one Transformer encoder layer (multi-head self-attention + MLP, pre-norm)
   over the pixels of non-overlapping ``window`` x ``window`` windows.
5. Temporal correlation: a per-pixel bidirectional LSTM over the T-1 difference steps.
6. Coarse moment, branch 1: a shared 1x1 head gives each step an "unchanged" and a "changed" score;
   logit 0 = min over steps of "unchanged", logit k = "changed" score of step k.
7. Coarse moment, branch 2: a shared 3x3 head scores "change at step k" from each step's temporal
   features, and a "no change" score from their maximum over steps.
8. Fine moment, multiscale temporal CAM: for each branch's class probabilities and each window size
   s in {2, 4}, one learned s x s weighting of the pixels of each window (shared by all classes),
   min-max normalised over classes, upsampled bilinearly, scaled by a learned temperature and
   soft-maxed.  The final moment distribution is a learned convex mix of the two coarse and four
   fine distributions.
9. Area from moment: changed = max over k >= 1 of p(k), unchanged = p(0)
   (:func:`model_core.models.area_from_moment`).

Deviations from the published network, and why:

* Normalisation is BatchNorm (fixed statistics at inference), not GroupNorm: GroupNorm pools
  statistics over the whole patch, which makes a pixel's prediction depend on the tile it was
  computed in.  With BatchNorm in eval mode the output at a pixel depends only on a bounded
  neighbourhood (``halo``), so tiled inference over any raster size gives the same result.
* Attention runs inside ``window`` x ``window`` windows aligned to the raster grid (default 8) instead
  of across the whole 64 x 64 patch: same mechanism, bounded receptive field, linear cost in pixels.
  By default it runs on a 2 x 2 average-pooled copy of the difference features (so a window spans
  16 x 16 pixels) and its update is added back at full resolution: four times cheaper, the most
  expensive stage otherwise.
  The "paper" preset uses 64 x 64 windows, i.e. exactly the published patch-wide attention for 64 x 64
  training patches.  Attention never mixes different samples of a batch (the published code does).
* The temporal LSTM is bidirectional (a last-change decision at step k needs to know whether a later
  step changed too); the total hidden width equals F as in the unidirectional original.
* Branch 2's head is shared over steps instead of a convolution over the concatenation of all steps,
  so one model accepts any number of dates T >= 2.
* The CAM weighting kernel is one parameter per window size (shared by all windows and classes), and
  the final combination is a learned convex mix (the paper's code keeps one parameter copy per window
  position, which ties the model to one patch size).
"""

import math

import torch
import torch.nn.functional as F
from torch import nn

from model_core.models import register


def _conv(cin, cout, k):
    return nn.Conv2d(cin, cout, k, padding=k // 2, bias=False)


class BoundaryEnhancement(nn.Module):
    """Depthwise 3x3 convolution with a zero-sum kernel, added to its input as a residual."""

    def __init__(self, channels):
        super().__init__()
        self.neighbours = nn.Parameter(torch.randn(channels, 8) * 0.05)

    def kernel(self):
        w = self.neighbours
        centre = -w.sum(dim=1, keepdim=True)
        return torch.cat([w[:, :4], centre, w[:, 4:]], dim=1).view(-1, 1, 3, 3)

    def forward(self, x):
        out = F.conv2d(x, self.kernel(), padding=1, groups=x.shape[1])
        return out.add_(x) if not torch.is_grad_enabled() else out + x


class WindowTransformer(nn.Module):
    """One pre-norm Transformer encoder layer applied inside non-overlapping square windows."""

    def __init__(self, channels, window, heads, mlp_ratio=2):
        super().__init__()
        if channels % heads:  # else the first forward pass failed in a reshape
            raise ValueError(f"heads ({heads}) must divide the features ({channels})")
        self.window, self.heads = window, heads
        self.norm1 = nn.LayerNorm(channels)
        self.qkv = nn.Linear(channels, 3 * channels)
        self.proj = nn.Linear(channels, channels)
        self.norm2 = nn.LayerNorm(channels)
        self.mlp = nn.Sequential(nn.Linear(channels, mlp_ratio * channels), nn.GELU(),
                                 nn.Linear(mlp_ratio * channels, channels))

    def forward(self, x):
        n, c, h, w = x.shape
        ws = self.window
        # (N, C, H, W) -> (N * windows, ws * ws, C) tokens
        t = x.reshape(n, c, h // ws, ws, w // ws, ws).permute(0, 2, 4, 3, 5, 1).reshape(-1, ws * ws, c)
        q, k, v = self.qkv(self.norm1(t)).chunk(3, dim=-1)
        b, l, _ = q.shape
        d = c // self.heads
        q, k, v = (z.reshape(b, l, self.heads, d).transpose(1, 2) for z in (q, k, v))
        a = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, l, c)
        del q, k, v  # the (tokens, 3 C) projection they view: freed before the MLP's peak
        t = t + self.proj(a)
        del a
        t = t + self.mlp(self.norm2(t))
        # back to (N, C, H, W) in channels-last memory: rows of ws * C contiguous values are copied,
        # where a plain (N, C, H, W) result transposed every value (the same numbers either way)
        t = t.reshape(n, h // ws, w // ws, ws, ws, c).permute(0, 1, 3, 2, 4, 5)
        return t.reshape(n, h, w, c).permute(0, 3, 1, 2)


def _max_over_steps(v):
    """Element-wise maximum over dim 1 of (B, S, F, H, W), as a channels-last (B, F, H, W) tensor.

    A running ``torch.maximum`` streams through channels-last memory, where ``amax(dim=1)`` on the
    strided view is several times slower on the CPU.
    """
    if torch.is_grad_enabled():
        return v.amax(dim=1).contiguous(memory_format=torch.channels_last)
    out = v[:, 0].clone(memory_format=torch.channels_last)
    for i in range(1, v.shape[1]):
        torch.maximum(out, v[:, i], out=out)
    return out


class TemporalCAM(nn.Module):
    """Multiscale temporal class-activation refinement of a moment distribution."""

    def __init__(self, scales=(2, 4)):
        super().__init__()
        self.scales = tuple(scales)
        self.kernels = nn.ParameterList(
            [nn.Parameter(torch.full((1, 1, s, s), 1.0 / (s * s))) for s in self.scales])
        self.temperature = nn.Parameter(torch.full((len(self.scales),), 4.0))

    def forward(self, prob):
        b, k, h, w = prob.shape
        flat = prob.reshape(b * k, 1, h, w)
        outs = []
        for i, s in enumerate(self.scales):
            v = F.conv2d(flat, self.kernels[i], stride=s).reshape(b, k, h // s, w // s)
            lo = v.amin(dim=1, keepdim=True)
            hi = v.amax(dim=1, keepdim=True)
            v = (v - lo) / (hi - lo + 1e-6)
            v = F.interpolate(v, size=(h, w), mode="bilinear", align_corners=False)
            outs.append(F.log_softmax(v * self.temperature[i], dim=1))
        return outs


@register("caimnet")
class CAIMNet(nn.Module):
    PRESETS = {
        # Lighter than the paper: 32 feature channels and 8 x 8 attention windows (see MODEL_CARD.md).
        # Attention runs on a 2x2 average-pooled copy of the differences (context over 16 x 16 px).
        "default": {"features": 32, "stem": 16, "window": 8, "heads": 2, "pool": 2},
        # The published widths: 64 features, full-resolution attention across a whole 64 x 64 patch.
        "paper": {"features": 64, "stem": 16, "window": 64, "heads": 4, "pool": 1},
        # The published widths with the default's cheap windowed attention (context 16 x 16 px).
        "wide": {"features": 64, "stem": 16, "window": 8, "heads": 4, "pool": 2},
    }
    min_dates = 2
    max_dates = 64
    # Test-time augmentation (candidate TTA of the model card; off as shipped): in evaluation mode the
    # network runs on the input as read and mirrored left-right, up-down and both, and the four moment
    # probability maps, mirrored back, are averaged.  Set per model (``model.tta = True``) or per class.
    tta = False
    FLIPS = ((), (-1,), (-2,), (-2, -1))

    def __init__(self, in_channels=4, features=32, stem=16, window=8, heads=2, pool=2):
        super().__init__()
        self.in_channels = in_channels
        self.config = {"features": features, "stem": stem, "window": window, "heads": heads, "pool": pool}
        self.pool = pool
        f = features
        self.branch3 = nn.Sequential(_conv(in_channels, stem, 3), nn.BatchNorm2d(stem), nn.ReLU(inplace=True),
                                     _conv(stem, f, 3), nn.BatchNorm2d(f))
        self.branch1 = nn.Sequential(_conv(in_channels, stem, 1), nn.BatchNorm2d(stem), nn.ReLU(inplace=True),
                                     _conv(stem, f, 1), nn.BatchNorm2d(f))
        self.fuse = nn.Sequential(_conv(f, f, 3), nn.BatchNorm2d(f), nn.ReLU(inplace=True))
        self.boundary = BoundaryEnhancement(f)
        self.spatial = WindowTransformer(f, window, heads)
        self.temporal = nn.LSTM(f, f // 2, batch_first=True, bidirectional=True)
        self.head1 = nn.Conv2d(f, 2, 1)
        self.head2 = nn.Sequential(_conv(f, f // 2, 3), nn.BatchNorm2d(f // 2), nn.ReLU(inplace=True),
                                   nn.Conv2d(f // 2, 1, 1))
        self.head2_none = nn.Sequential(_conv(f, f // 2, 3), nn.BatchNorm2d(f // 2), nn.ReLU(inplace=True),
                                        nn.Conv2d(f // 2, 1, 1))
        self.cam = TemporalCAM((2, 4))
        self.mix = nn.Parameter(torch.zeros(6))
        self.multiple = max(8, window * pool)
        # Receptive margin beyond a kept pixel: encoder 3, boundary 1, attention window x pool,
        # branch-2 head 1, CAM window 4 plus bilinear 4, rounded up generously.
        self.halo = 16 + window * pool
        # Activation memory per pixel relative to the default preset (for the engine's automatic
        # tile size): linear in the feature width; full-resolution attention over 64 x 64 windows
        # adds score matrices of 4096 x 4096 per head and window (measured: the paper preset peaks
        # at 5.7 GB where the default needs 1.2 GB at the same tile).
        self.tile_memory_factor = (features / 32.0) * (1.0 if window * window <= 256 else 4.0)

    def encode(self, x):
        """Per-date embeddings (B, T, F, H, W) with the shared encoder."""
        b, t, c, h, w = x.shape
        return self._encode(x.reshape(b * t, c, h, w)).reshape(b, t, -1, h, w)

    def _encode(self, z):
        z = z.contiguous(memory_format=torch.channels_last)
        if torch.is_grad_enabled():
            return self.fuse(F.relu(self.branch3(z) + self.branch1(z)))
        # inference: the same sum and ReLU in place, without two more full-size buffers per date
        return self.fuse(self.branch3(z).add_(self.branch1(z)).relu_())

    def differences(self, x):
        """|E(t+1) - E(t)| as (B*(T-1), F, H, W), and the embeddings when training.

        At inference the dates are encoded one at a time and only the differences are kept, which
        bounds the peak memory to about one date's encoder activations plus the differences.
        """
        b, t, _, h, w = x.shape
        if self.training or torch.is_grad_enabled():  # eval with gradients (e.g. a saliency map): no out=
            emb = self.encode(x)
            diff = (emb[:, 1:] - emb[:, :-1]).abs()
            return diff.reshape(b * (t - 1), -1, h, w), emb if self.training else None
        f = self.config["features"]
        # channels-last like the encoder output, so the subtraction streams through memory
        diff = torch.empty((b * (t - 1), f, h, w), dtype=x.dtype, device=x.device,
                           memory_format=torch.channels_last)
        steps = diff.view(b, t - 1, f, h, w)
        prev = self._encode(x[:, 0])
        for i in range(1, t):
            cur = self._encode(x[:, i])
            torch.sub(cur, prev, out=steps[:, i - 1])
            prev = cur
        del prev, cur
        return diff.abs_(), None

    def _temporal_inference(self, diff, b, steps, f, h, w, chunk=32768):
        """Bidirectional LSTM over every pixel's T-1 steps at inference, in chunks of pixels.

        ``diff`` is channels-last (B*(T-1), F, H, W), i.e. memory ordered (B, T-1, H, W, F).  For
        B = 1 that is already the step-major (T-1, N, F) layout the LSTM works in, so no transposed
        copy of the whole tile is made; the output is written straight into the same layout.
        """
        if b == 1:
            seq = diff.permute(0, 2, 3, 1).reshape(steps, h * w, f)          # a view, no copy
        else:
            seq = diff.view(b, steps, f, h, w).permute(1, 0, 3, 4, 2).reshape(steps, b * h * w, f)
        n = seq.shape[1]
        out = torch.empty((steps, n, self.temporal.hidden_size * 2), dtype=diff.dtype, device=diff.device)
        for i in range(0, n, chunk):
            # batch_first LSTM on a transposed view: its internal step-major layout needs no copy
            out[:, i:i + chunk] = self.temporal(seq[:, i:i + chunk].transpose(0, 1))[0].transpose(0, 1)
        if b == 1:
            return out.view(steps, h, w, -1).permute(0, 3, 1, 2)               # channels-last view
        out = out.view(steps, b, h, w, -1).permute(1, 0, 4, 2, 3).reshape(b * steps, -1, h, w)
        return out.contiguous(memory_format=torch.channels_last)

    def spatial_correlation(self, d):
        if self.pool == 1:
            return self.spatial(d)
        # Attention on a pooled copy; its update is added back at full resolution, so fine detail
        # passes through the residual and the attention supplies context over pool x window pixels.
        small = F.avg_pool2d(d, self.pool)
        delta = self.spatial(small) - small
        if torch.is_grad_enabled():
            return d + F.interpolate(delta, scale_factor=self.pool, mode="nearest")
        # at inference the nearest upsampling is a broadcast: each pooled value is added to its
        # pool x pool pixels in place (the same sums, without the full-resolution upsampled copy)
        n, c, h, w = d.shape
        p = self.pool
        d.view(n, c, h // p, p, w // p, p).add_(delta.view(n, c, h // p, 1, w // p, 1))
        return d

    def forward(self, x):
        if self.training or not self.tta:
            return self._forward(x)
        maps = []
        for dims in self.FLIPS:
            m = self._forward(x.flip(dims) if dims else x)["moment"]
            maps.append(m.flip(dims) if dims else m)
        moment = torch.logsumexp(torch.stack(maps), dim=0) - math.log(len(maps))  # log of the mean
        return {"moment": moment, "aux": []}

    def _forward(self, x):
        b, t, _, h, w = x.shape
        if t < 2:
            raise ValueError("CAIM-Net needs at least 2 dates")
        if h % self.multiple or w % self.multiple:
            raise ValueError(f"height and width must be multiples of {self.multiple}, got {h}x{w}")
        diff, emb = self.differences(x)                      # (B*(T-1), F, H, W)
        f = diff.shape[1]
        diff = self.boundary(diff)
        diff = self.spatial_correlation(diff)                 # (B*(T-1), F, H, W)
        # per-pixel sequences over the T-1 steps
        if self.training:
            seq = diff.reshape(b, t - 1, f, h, w).permute(0, 3, 4, 1, 2).reshape(b * h * w, t - 1, f)
            del diff
            seq = self.temporal(seq.contiguous())[0]
            tf = seq.reshape(b, h, w, t - 1, f).permute(0, 3, 4, 1, 2).reshape(b * (t - 1), f, h, w)
            del seq
            tf = tf.contiguous(memory_format=torch.channels_last)
        else:
            tf = self._temporal_inference(diff, b, t - 1, f, h, w)
            del diff

        s1 = self.head1(tf).reshape(b, t - 1, 2, h, w)
        logits1 = torch.cat([s1[:, :, 0].amin(dim=1, keepdim=True), s1[:, :, 1]], dim=1)
        step = self.head2(tf).reshape(b, t - 1, h, w)
        none = self.head2_none(_max_over_steps(tf.view(b, t - 1, f, h, w)))
        del tf
        logits2 = torch.cat([none, step], dim=1)

        coarse = [F.log_softmax(logits1.float(), dim=1), F.log_softmax(logits2.float(), dim=1)]
        fine = []
        for lp in coarse:
            fine.extend(self.cam(lp.exp()))
        maps = coarse + fine
        mix = F.log_softmax(self.mix, dim=0)
        moment = torch.logsumexp(torch.stack([m + mix[i] for i, m in enumerate(maps)]), dim=0)
        if not self.training:
            return {"moment": moment, "aux": []}
        return {"moment": moment, "aux": maps, "embeddings": emb}
