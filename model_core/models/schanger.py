"""SChanger-style bi-temporal change detector.

Written from the description of SChanger (Zhou et al., "semantic change and spatial consistency"):
a Siamese encoder with shared weights, a temporal fusion module, a spatial-consistency attention map
computed from both dates' features with large-kernel convolutions and applied to both dates, and a
change head.  Our design, in our words:

1. **Siamese encoder** (shared weights, both dates in one batched call): three scales at strides
   1, 2 and 4 (widths ``widths``), two 3x3 convolutions per scale, BatchNorm and ReLU.
2. **Spatial-consistency attention** (one per scale): a map ``A`` in (0, 1) computed from the
   date-symmetric pair ``[f1 + f2, |f1 - f2|]`` by a 1x1 reduction, a depthwise 5x5 convolution, a
   depthwise 7x7 convolution with dilation ``sca_dilation[scale]`` (a large-kernel attention, receptive
   field 5 + 6 x dilation pixels of that scale), and a 1x1 convolution with a sigmoid.  The same map
   is applied to both dates, ``f_t <- f_t * (1 + A)``: a change is at the same place in both images,
   so both dates' features are emphasised at the same pixels.
3. **Temporal fusion** (one per scale): a 3x3 convolution over ``[f1 + f2, |f1 - f2|]``.  Fusion and
   attention are symmetric in the two dates: swapping the images gives the same change map.
4. **Per-date embeddings** (``D = embed_dim``): each date's attended features of the three scales are
   projected by 1x1 convolutions, upsampled bilinearly to full resolution, summed and passed through a
   3x3 convolution.  They are the metric space of the DeepCL loss
   (:func:`model_core.losses.deepcl_loss`) and the input of the optional single-date semantic head used
   for pre-training (:mod:`model_core.pretrain`).
5. **Change decoder and head**: a U-Net-style decoder over the fused features (coarse to fine, 3x3
   convolutions), then a head over ``[decoder, |e1 - e2|]`` giving two classes, no change / change.
   The embedding distance feeds the head directly, so the contrastive loss shapes the features the
   decision is made from.  An auxiliary head on the coarsest fused features gives deep supervision
   (``"aux"``).

The moment output is the trivial single interval: class 0 = no change, class 1 = change between the
two images.  The area inferred from it (:func:`model_core.models.area_from_moment`) is the same map.

Tile independence: no normalisation pools statistics over space (BatchNorm, fixed at inference; no
GroupNorm, InstanceNorm or global pooling), so the output at a pixel depends only on the input within
``halo`` pixels, computed from the architecture by :func:`receptive_radius`.  With strided
convolutions this holds for tiles whose origins are on the ``multiple`` (= 4) pixel grid, as for
CAIM-Net's attention windows.

Deviations from the published SChanger, and why: much narrower (default widths 16/32/64, about
0.24 M parameters instead of a large pre-trained backbone) to run a 1024 x 1024 pair in a few seconds
on two CPU cores; three scales, no transformer blocks, and a bounded receptive field so that tiled
inference is exact.  Pre-training is optional and uses a separate semantic head
(:mod:`model_core.pretrain`) on identical-date pairs.
"""

import torch
import torch.nn.functional as F
from torch import nn

from model_core.models import register


def _cbr(cin, cout, k=3, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, k, stride=stride, padding=k // 2, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class SpatialConsistencyAttention(nn.Module):
    """Large-kernel attention map from both dates, applied to both: ``f_t * (1 + A)``."""

    def __init__(self, channels, dilation):
        super().__init__()
        self.reduce = _cbr(2 * channels, channels, 1)
        self.dw5 = nn.Conv2d(channels, channels, 5, padding=2, groups=channels)
        self.dw7 = nn.Conv2d(channels, channels, 7, padding=3 * dilation, dilation=dilation, groups=channels)
        self.out = nn.Conv2d(channels, channels, 1)
        self.dilation = dilation

    def radius(self):
        """Receptive radius added, in pixels of this scale."""
        return 2 + 3 * self.dilation

    def forward(self, a, b):
        s = self.reduce(torch.cat([a + b, (a - b).abs()], dim=1))
        att = torch.sigmoid(self.out(self.dw7(self.dw5(s))))
        return a * (1.0 + att), b * (1.0 + att)


class TemporalFusion(nn.Module):
    """Date-symmetric fusion of two feature maps: 3x3 conv over ``[a + b, |a - b|]``."""

    def __init__(self, channels):
        super().__init__()
        self.conv = _cbr(2 * channels, channels, 3)

    def forward(self, a, b):
        return self.conv(torch.cat([a + b, (a - b).abs()], dim=1))


def _up(x, factor):
    return x if factor == 1 else F.interpolate(x, scale_factor=factor, mode="bilinear", align_corners=False)


@register("schanger")
class SChanger(nn.Module):
    PRESETS = {
        "default": {"widths": [16, 32, 64], "embed_dim": 16, "sca_dilation": [1, 2, 2]},
        # Wider variant for GPUs or patient users.
        "large": {"widths": [32, 64, 128], "embed_dim": 32, "sca_dilation": [1, 2, 3]},
    }
    min_dates = 2
    max_dates = 2
    multiple = 4

    def __init__(self, in_channels=4, widths=(16, 32, 64), embed_dim=16, sca_dilation=(1, 2, 2)):
        super().__init__()
        widths = [int(w) for w in widths]
        sca_dilation = [int(d) for d in sca_dilation]
        if len(widths) != 3 or len(sca_dilation) != 3:
            raise ValueError("SChanger needs three widths and three SCA dilations")
        self.in_channels = in_channels
        self.config = {"widths": widths, "embed_dim": int(embed_dim), "sca_dilation": sca_dilation}
        w0, w1, w2 = widths
        d = int(embed_dim)
        self.stage0 = nn.Sequential(_cbr(in_channels, w0), _cbr(w0, w0))
        self.stage1 = nn.Sequential(_cbr(w0, w1, stride=2), _cbr(w1, w1))
        self.stage2 = nn.Sequential(_cbr(w1, w2, stride=2), _cbr(w2, w2))
        self.sca = nn.ModuleList([SpatialConsistencyAttention(w, dl) for w, dl in zip(widths, sca_dilation)])
        self.fuse = nn.ModuleList([TemporalFusion(w) for w in widths])
        self.proj = nn.ModuleList([nn.Conv2d(w, d, 1, bias=False) for w in widths])
        self.embed = nn.Sequential(nn.BatchNorm2d(d), nn.ReLU(inplace=True), nn.Conv2d(d, d, 3, padding=1))
        self.dec1 = _cbr(w2 + w1, w1)
        self.dec0 = _cbr(w1 + w0, w0)
        self.head = nn.Sequential(_cbr(w0 + d, w0), nn.Conv2d(w0, 2, 1))
        self.aux_head = nn.Conv2d(w2, 2, 1)
        self.halo = receptive_radius(sca_dilation)

    def features(self, x):
        """Attended per-date features and fused features of each scale for x (B, 2, C, H, W)."""
        b, t, c, h, w = x.shape
        z = x.reshape(b * t, c, h, w).contiguous(memory_format=torch.channels_last)
        f0 = self.stage0(z)
        f1 = self.stage1(f0)
        f2 = self.stage2(f1)
        dates, fused = [], []
        for i, f in enumerate((f0, f1, f2)):
            f = f.reshape(b, t, *f.shape[1:])
            a, bb = self.sca[i](f[:, 0], f[:, 1])
            dates.append((a, bb))
            fused.append(self.fuse[i](a, bb))
        return dates, fused

    def forward(self, x):
        b, t, c, h, w = x.shape
        if t != 2:
            raise ValueError(f"SChanger compares exactly 2 dates, got {t}")
        if h % self.multiple or w % self.multiple:
            raise ValueError(f"height and width must be multiples of {self.multiple}, got {h}x{w}")
        dates, fused = self.features(x)
        # per-date embeddings (both dates in one batched pass)
        e = None
        for i, (a, bb) in enumerate(dates):
            p = _up(self.proj[i](torch.cat([a, bb], dim=0)), 2 ** i)
            e = p if e is None else e + p
        e = self.embed(e)
        e1, e2 = e[:b], e[b:]
        # change decoder
        f0, f1, f2 = fused
        d1 = self.dec1(torch.cat([_up(f2, 2), f1], dim=1))
        d0 = self.dec0(torch.cat([_up(d1, 2), f0], dim=1))
        logits = self.head(torch.cat([d0, (e1 - e2).abs()], dim=1))
        aux = _up(self.aux_head(f2), 4)
        return {
            "moment": F.log_softmax(logits.float(), dim=1),
            "aux": [F.log_softmax(aux.float(), dim=1)],
            "embeddings": torch.stack([e1, e2], dim=1),
        }


def receptive_radius(sca_dilation):
    """Pixels beyond a kept output pixel that can influence it (upper bound), for ``halo``.

    Walks the longest path: encoder (two 3x3 convs per scale, strides 1, 2, 4), the attention of the
    coarsest scale, its fusion conv, two decoder steps (bilinear x2 upsampling adds at most one
    low-resolution pixel, plus a 3x3 conv each) and the 3x3 head.  Also checks the other branches
    (finer-scale attention, embeddings, auxiliary head) and returns the maximum.
    """
    def sca(d):
        return 2 + 3 * d

    enc = [2, 2 + 1 + 2, 2 + 1 + 2 + 2 + 4]          # radius of f0, f1, f2 (input pixels)
    att = [enc[i] + sca(sca_dilation[i]) * 2 ** i for i in range(3)]
    fused = [att[i] + 2 ** i for i in range(3)]
    d1 = max(fused[2] + 4, fused[1]) + 2              # up x2 from stride 4, 3x3 at stride 2
    d0 = max(d1 + 2, fused[0]) + 1                    # up x2 from stride 2, 3x3 at stride 1
    emb = max(att[0], att[1] + 2, att[2] + 4) + 1     # projections upsampled, 3x3 conv
    head = max(d0, emb) + 1
    aux = fused[2] + 4
    return int(max(head, aux))
