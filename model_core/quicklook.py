"""PNG quicklook of a run: first and last date, change area over the last date, change moment."""

import numpy as np
from osgeo import gdal

from model_core.predict import moment_colours

gdal.UseExceptions()
_MAX_SIDE = 900


def _stretch(rgb, valid):
    out = np.zeros(rgb.shape, np.float32)
    for i in range(rgb.shape[0]):
        v = rgb[i][valid] if valid.any() else rgb[i].ravel()
        lo, hi = np.percentile(v, (2, 98)) if v.size else (0, 1)
        out[i] = np.clip((rgb[i] - lo) / max(hi - lo, 1e-6), 0, 1)
    return out.transpose(1, 2, 0)


def render(stack, area_path, moment_path, png_path, title=None, rgb=(0, 1, 2), truth_moment=None):
    """Write a 2 x 2 (or 2 x 3 with truth) panel PNG; ``rgb`` are 0-based indices of the model bands."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    g = stack.grid
    step = max(1, int(np.ceil(max(g.width, g.height) / _MAX_SIDE)))
    bw, bh = max(1, g.width // step), max(1, g.height // step)
    values, valid = stack.read(0, 0, g.width, g.height, buf=(bw, bh))
    first = _stretch(values[0, list(rgb)], valid)
    last = _stretch(values[-1, list(rgb)], valid)

    def read(path):
        ds = gdal.Open(path)
        a = ds.GetRasterBand(1).ReadAsArray(buf_xsize=bw, buf_ysize=bh,
                                            resample_alg=gdal.GRIORA_NearestNeighbour)
        return a

    area = read(area_path)
    moment = read(moment_path)
    n = len(stack.dates) - 1
    colours = moment_colours(n)
    from model_core.predict import interval_labels

    labels = interval_labels(stack.dates)
    cmap = ListedColormap([np.array(colours[k][:3]) / 255.0 for k in range(1, n + 1)])

    panels = 4 if truth_moment is None else 5
    fig, axes = plt.subplots(1, panels, figsize=(4.2 * panels, 4.8), dpi=110)
    names = [d or f"image {i + 1}" for i, d in enumerate(stack.dates)]
    axes[0].imshow(first)
    axes[0].set_title(f"first date: {names[0]}")
    axes[1].imshow(last)
    axes[1].set_title(f"last date: {names[-1]}")
    axes[2].imshow(last * 0.6 + 0.4 * last.mean(axis=2, keepdims=True))
    over = np.zeros(area.shape + (4,), np.float32)
    over[area == 1] = (0.9, 0.1, 0.3, 0.85)
    over[area == 255] = (0.5, 0.5, 0.5, 0.6)
    axes[2].imshow(over)
    axes[2].set_title(f"change area ({100.0 * (area == 1).sum() / max((area != 255).sum(), 1):.1f} % changed)")

    def show_moment(ax, m, title):
        ax.imshow(last.mean(axis=2), cmap="gray", vmin=0, vmax=1.5)
        mm = np.ma.masked_where((m == 0) | (m == 255), m.astype(float))
        ax.imshow(mm, cmap=cmap, vmin=0.5, vmax=n + 0.5, interpolation="nearest")
        ax.set_title(title)

    show_moment(axes[3], moment, "change moment (last change)")
    if truth_moment is not None:
        t = truth_moment[::step, ::step][:bh, :bw]
        show_moment(axes[4], t, "true moment")
    handles = [Patch(color=np.array(colours[k][:3]) / 255.0, label=labels[k - 1]) for k in range(1, n + 1)]
    fig.legend(handles=handles, loc="lower center", ncol=min(n, 5), fontsize=8, frameon=False)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    if title:
        fig.suptitle(title, fontsize=10)
    fig.tight_layout(rect=(0, 0.08 + 0.03 * ((n - 1) // 5), 1, 0.95))
    fig.savefig(png_path)
    plt.close(fig)
    return png_path
