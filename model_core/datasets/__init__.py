"""Training and evaluation data.

* :mod:`.synthetic`: real-pixel semi-synthetic time series with known area and moment truth
  (results on it are semi-synthetic).
* :mod:`.spacenet7`, :mod:`.dynamicearthnet`: the published datasets in their original layouts.
* :mod:`.pairs`: bi-temporal image-pair benchmarks (LEVIR-CD, WHU-CD, SYSU-CD, CDD, S2Looking, ...)
  in their original A / B / label folders; :mod:`.oscd`: the Onera Satellite Change Detection dataset.
* :mod:`.series`: the :class:`~.series.Series` record, label derivation and the generic folder layout.
* :func:`load_taizhou`: the Taizhou Landsat-7 pair with its partial reference (evaluation only).

:func:`load_series` gives a list of :class:`~.series.Series` for any of them by name; for ``pairs``
and ``oscd`` the items are :class:`~.series.LazySeries`, read by their ``load()`` one at a time
(:func:`.series.loaded` takes either).
"""

import os

import numpy as np

from model_core.i18n import _

KINDS = ("generic", "spacenet7", "dynamicearthnet", "taizhou", "pairs", "oscd")


def load_taizhou(root, bands=(3, 2, 1, 4)):
    """The Taizhou pair (ENVI ``2000TM`` / ``2003TM``, TM bands 1-5, 7) with its reference.

    ``bands`` (1-based, default TM 3, 2, 1, 4 = R, G, B, NIR).  Reference: white pixels of
    ``change.bmp`` are changed, white pixels of ``unchanged.bmp`` unchanged, all others unlabelled
    (255).  Only the change area is known; for T = 2 the moment equals the area.
    """
    from model_core.datasets.series import Series, read_raster

    vals = []
    for name in ("2000TM", "2003TM"):
        arr, _unused = read_raster(os.path.join(root, name))
        vals.append(arr[[b - 1 for b in bands]].astype(np.float32) / 255.0)
    changed = read_raster(os.path.join(root, "change.bmp"))[0][0] > 0
    unchanged = read_raster(os.path.join(root, "unchanged.bmp"))[0][0] > 0
    area = np.full(changed.shape, 255, np.uint8)
    area[unchanged] = 0
    area[changed] = 1
    area[changed & unchanged] = 255
    valid = np.ones(changed.shape, bool)
    return [Series("taizhou", np.stack(vals), valid, moment=area.copy(), area=area,
                   dates=["2000-03-17", "2003-02-06"])]


def check_root(root):
    """Raise the operating system's OSError (with the path; :func:`model_core.errors.read_error_text` words it)
    when ``root`` is no folder that can be listed: a file ("[Errno 20] Not a directory" was printed as it was,
    and the Taizhou loader's GDAL error came as a traceback), a path that does not exist, a link that leads
    back to itself, a folder the user may not list."""
    if root is not None:
        os.listdir(root)


def load_series(kind, root, t=None, bands=None, indices=None, split=None, as_read=False):
    """List of :class:`~.series.Series` (or :class:`~.series.LazySeries`) of a dataset ``kind`` at
    ``root``; ``split`` (pairs: a split folder's name, oscd: train or test) keeps one split; ``as_read``
    (pairs, generic): the images' bands as they are, for a classical method (pairs: an RGB tile's three
    instead of R, G, B, G; generic: any number of bands instead of 3 or 4)."""
    check_root(root)
    if split and kind not in ("pairs", "oscd"):
        raise ValueError(_("--split applies to the pairs and oscd datasets; point --root at the {kind} split's "
                           "folder instead").format(kind=kind))
    if kind == "pairs":
        from model_core.datasets import pairs

        return pairs.load(root, split=split, bands=bands, t=t, as_read=as_read)
    if kind == "oscd":
        from model_core.datasets import oscd

        return oscd.load(root, split=split, bands=bands, t=t)
    if kind == "generic":
        from model_core.datasets.series import load_generic

        return load_generic(root, bands=bands, t=t, indices=indices, as_read=as_read)
    if bands and kind in ("spacenet7", "dynamicearthnet"):  # (it was ignored without a word)
        fixed = {"spacenet7": "R, G, B with green in place of the missing NIR",
                 "dynamicearthnet": "R, G, B, NIR from its B, G, R, NIR files"}[kind]
        raise ValueError(_("--bands does not apply to the {kind} layout: its images are read as {fixed}. Leave "
                           "--bands (or the config's \"bands\") out.").format(kind=kind, fixed=fixed))
    if kind == "spacenet7":
        from model_core.datasets import spacenet7

        return spacenet7.load(root, t=t, indices=indices)
    if kind == "dynamicearthnet":
        from model_core.datasets import dynamicearthnet

        return dynamicearthnet.load(root, t=t, indices=indices)
    if kind == "taizhou":
        return load_taizhou(root, bands=tuple(bands) if bands else (3, 2, 1, 4))
    raise ValueError(_("unknown dataset kind '{kind}'; choose one of {kinds}").format(kind=kind, kinds=", ".join(KINDS)))
