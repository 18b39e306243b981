"""PNG quicklook of a run: first and last date, change area over the last date, change moment."""

import numpy as np
from osgeo import gdal

from model_core.i18n import _
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
    from model_core.staging import staged_file

    try:  # through a hidden folder beside it, moved into place whole: a run killed while writing (kill -9)
        with staged_file(png_path, ".caim-quicklook-") as staged:  # left a half picture under the user's name
            fig.savefig(staged)  # (the same file name: the format follows its extension)
    finally:
        plt.close(fig)
    return png_path


def open_stack(images, dates=None, bands=None, reference=0):
    """(stack, rgb) for a picture of the run's ``images``: the stack as the run read it, and the 0-based
    indices of its red, green and blue bands.  Without a band mapping every band is read, and red, green,
    blue are taken where the metadata say which bands they are (a B, G, R file shows red as red); with one,
    the model's R, G, B.  One band (panchromatic, SAR) is shown grey.  Call under ``quiet_gdal()``."""
    from model_core.stack import Stack

    rgb = (0, 1, 2)
    if not bands:
        from model_core.bandmap import engine_roles_path

        first = getattr(images[0], "path", images[0])  # a path, an InputSpec's or a dict's (a date of a split raster)
        first = first.get("path") if isinstance(first, dict) else first
        roles = engine_roles_path(first) if isinstance(first, str) else None
        found = roles and (roles[0][0] or roles[1][0])  # R, G, B, NIR; else RGB-only (e.g. a B, G, R file)
        if found:
            rgb = tuple(b - 1 for b in found[:3])
    stack = Stack(images, dates=dates, bands=bands, reference=reference)
    if stack.band_count < 3 or max(rgb) >= stack.band_count:
        rgb = (0, 0, 0) if stack.band_count < 3 else (0, 1, 2)
    return stack, rgb


# The report's pictures: the page is 760 px wide (report.py); two dates side by side, the moment map below.
REPORT_WIDTH = 740
REPORT_MAX_HEIGHT = 640


def _fit(width, height, max_w, max_h):
    """The decimated size of a width x height grid in a max_w x max_h box (never larger than the grid)."""
    scale = min(1.0, max_w / float(width), max_h / float(height))
    return max(1, int(round(width * scale))), max(1, int(round(height * scale)))


def _encode(rgb8, driver, options):
    """Bytes of an (h, w, 3) uint8 picture written by GDAL's ``driver`` (JPEG or PNG), through /vsimem/."""
    import uuid

    h, w, _bands = rgb8.shape
    mem = gdal.GetDriverByName("MEM").Create("", w, h, 3, gdal.GDT_Byte)
    for i in range(3):
        mem.GetRasterBand(i + 1).WriteArray(rgb8[:, :, i])
    path = f"/vsimem/caim_report_{uuid.uuid4().hex}.{driver.lower()}"
    try:
        gdal.GetDriverByName(driver).CreateCopy(path, mem, options=options)
        f = gdal.VSIFOpenL(path, "rb")
        try:
            gdal.VSIFSeekL(f, 0, 2)
            size = gdal.VSIFTellL(f)
            gdal.VSIFSeekL(f, 0, 0)
            return bytes(gdal.VSIFReadL(1, size, f))
        finally:
            gdal.VSIFCloseL(f)
    finally:
        for p in (path, path + ".aux.xml"):
            if gdal.VSIStatL(p) is not None:
                gdal.Unlink(p)


def report_pictures(stack, rgb, moment_path):
    """The run report's map: [(caption, mime type, bytes)] of the first date and the last date in their own
    colours (2 %-98 % stretch, JPEG), and the change moment in its layer's colours over the last date in
    grey (PNG, so the classes stay exact).  Pixels without data are white.  Reads two dates and the moment
    map decimated (nearest) to at most :data:`REPORT_WIDTH` px: a read of each date as a run's tile (2.2-2.8 s
    each for 36 megapixels of 4 uint16 bands, DEFLATE, on this project's 2-core machine under load)."""
    g = stack.grid
    half = _fit(g.width, g.height, (REPORT_WIDTH - 12) // 2, REPORT_MAX_HEIGHT // 2)
    full = _fit(g.width, g.height, REPORT_WIDTH, REPORT_MAX_HEIGHT)
    n = len(stack.sources)

    def date(i):  # one read of the date at the moment picture's size, its smaller copy taken from it
        bw, bh = full
        values = np.empty((stack.band_count, bh, bw), np.float32)
        valid = np.ones((bh, bw), bool)
        stack._read_source(i, stack.sources[i], 0, 0, g.width, g.height, bw, bh, values, valid)
        rows = (np.arange(half[1]) * bh // half[1])[:, None]
        cols = (np.arange(half[0]) * bw // half[0])[None, :]
        small = values[list(rgb)][:, rows, cols]
        return (_stretch(values[list(rgb)], valid), valid), (_stretch(small, valid[rows, cols]), valid[rows, cols])

    def jpeg(picture, valid):
        out = (picture * 255 + 0.5).astype(np.uint8)
        out[~valid] = 255
        return _encode(out, "JPEG", ["QUALITY=88"])

    names = [d or _("image {n}").format(n=i + 1) for i, d in enumerate(stack.dates)]
    first = date(0)[1]
    (base, valid), last = date(n - 1)

    def shown(i):  # the file's bands shown, 1-based as in GDAL and QGIS
        b = stack.sources[i].bands
        return _("bands {bands} as red, green, blue").format(bands=", ".join(str(b[j]) for j in rgb)) \
            if len(set(rgb)) > 1 else _("band {band} in grey").format(band=b[rgb[0]])

    pictures = [(_("First date: {name} ({bands})").format(name=names[0], bands=shown(0)), "image/jpeg", jpeg(*first)),
                (_("Last date: {name} ({bands})").format(name=names[-1], bands=shown(n - 1)), "image/jpeg",
                 jpeg(*last))]
    ds = gdal.Open(moment_path)
    try:
        moment = ds.GetRasterBand(1).ReadAsArray(buf_xsize=full[0], buf_ysize=full[1],
                                                 resample_alg=gdal.GRIORA_NearestNeighbour)
    finally:
        ds = None
    grey = 0.3 + 0.55 * base.mean(axis=2)
    out = np.repeat((grey * 255 + 0.5).astype(np.uint8)[:, :, None], 3, axis=2)
    colours = moment_colours(n - 1)
    for k in range(1, n):
        out[moment == k] = colours[k][:3]
    out[(moment == 255) | ~valid] = 255
    pictures.append((_("Change moment (the last change) over the last date in grey, in the colours of the chart "
                       "above; white: no data"), "image/png", _encode(out, "PNG", ["ZLEVEL=9"])))
    return pictures
