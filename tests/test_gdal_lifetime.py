"""GDAL objects outlive nothing they belong to.

GDAL 3.6's Python bindings do not keep a dataset alive for its bands (nor a vector dataset for its layers): a band
used after its dataset was freed (``ds = None``, ``del ds``, a temporary ``gdal.Open(p).GetRasterBand(1)``)
reads freed memory and Python crashes (a segmentation fault, not an exception). A crash of that kind is run in a
process of its own here, so that it fails the test instead of ending pytest; the code of the whole project is
also read for the patterns that lead to it."""

import ast
import os
import subprocess  # nosec B404 -- runs a crash-prone case in a process of its own
import sys

import numpy as np
from rasters import ROOT, write_tif

_CHILDREN = {"GetRasterBand", "GetMaskBand", "GetOverview", "GetLayer", "GetLayerByName", "GetLayerByIndex"}
_FOLDERS = ("model_core", "caim_qgis_plugin", "tools", "tests")


def _child_call(node):
    """The parent expression of ``node`` when it is a call ``parent.GetRasterBand(...)`` (or another child getter)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _CHILDREN:
        return node.func.value
    return None


def _sources():
    for folder in _FOLDERS:
        for dirpath, _dirs, files in os.walk(os.path.join(ROOT, folder)):
            for name in sorted(files):
                if name.endswith(".py"):
                    path = os.path.join(dirpath, name)
                    with open(path, encoding="utf-8") as fh:
                        yield os.path.relpath(path, ROOT), ast.parse(fh.read(), path)


def _dropped_parents(fn, path):
    """In function ``fn``: a name bound to ``parent.GetRasterBand(...)`` (or a list of such), then ``parent = ...``
    or ``del parent``, then the name read again; and ``self.x = parent.GetRasterBand(...)`` in a method that keeps
    no ``self.y = parent``."""
    found = []
    bound, drops, kept, attrs = [], [], set(), []
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign):
            value = node.value.elt if isinstance(node.value, ast.ListComp) else node.value
            parent = _child_call(value)
            for target in node.targets:
                if isinstance(target, ast.Name):
                    drops.append((target.id, node.lineno))
                    if isinstance(parent, ast.Name):
                        bound.append((target.id, parent.id, node.lineno))
                elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                        and target.value.id == "self":
                    if isinstance(parent, ast.Name):
                        attrs.append((target.attr, parent.id, node.lineno))
                    elif isinstance(node.value, ast.Name):
                        kept.add(node.value.id)
        elif isinstance(node, ast.Delete):
            drops += [(t.id, node.lineno) for t in node.targets if isinstance(t, ast.Name)]
    loads = [(n.id, n.lineno) for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    for child, parent, line in bound:
        for name, dropped in drops:
            if name == parent and dropped > line and any(n == child and ln > dropped for n, ln in loads):
                found.append(f"{path}:{line}: '{child}' (of '{parent}') is used after '{parent}' is dropped "
                             f"at line {dropped}")
                break
    found += [f"{path}:{line}: self.{attr} holds a band of '{parent}', which the object does not keep"
              for attr, parent, line in attrs if parent not in kept]
    return found


def test_no_band_or_layer_outlives_its_dataset_in_the_project():
    problems = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            parent = _child_call(node)
            while _child_call(parent) is not None:  # ds.GetRasterBand(1).GetMaskBand(): the band's dataset decides
                parent = _child_call(parent)
            if isinstance(parent, ast.Call):  # gdal.Open(p).GetRasterBand(1): the dataset is a temporary
                problems.append(f"{path}:{node.lineno}: {ast.unparse(node)[:80]} (the dataset is freed at once)")
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                problems += _dropped_parents(node, path)
    assert not problems, "keep the dataset referenced while its band or layer is used:\n" + "\n".join(
        sorted(set(problems)))


def test_the_zone_counter_keeps_its_map_open_while_it_counts(tmp_path):
    """zones' _Counter held band 1 of the map it was given and not the map: given a dataset nobody else held, its
    first count read a freed band (a segmentation fault). Run in a process of its own."""
    m = np.zeros((40, 60), np.uint8)
    m[0:5, 0:10] = 1  # 50 px of interval 1 in the zone's 10 x 10 px
    path = write_tif(str(tmp_path / "change_moment.tif"), m, nodata=255)
    code = f"""
from osgeo import gdal, ogr
from model_core.accuracy import _grid
from model_core.zones import _Counter

gdal.UseExceptions()
counter = _Counter(gdal.Open({path!r}), _grid(gdal.Open({path!r})), 3, 1 << 16)
churn = [bytearray(64) for _unused in range(20000)]  # the freed memory taken again
ring = ogr.Geometry(ogr.wkbLinearRing)
for x, y in ((500000, 5200000), (500100, 5200000), (500100, 5199900), (500000, 5199900), (500000, 5200000)):
    ring.AddPoint_2D(x, y)
zone = ogr.Geometry(ogr.wkbPolygon)
zone.AddGeometry(ring)
valid, nodata, per_interval, partly = counter.count(zone)
print(round(per_interval[0] / valid, 6), nodata, partly)
"""
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT),  # nosec B603
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"exit {run.returncode} (-11: a segmentation fault)\n{run.stderr[-2000:]}"
    assert run.stdout.split() == ["0.5", "0.0", "False"]
