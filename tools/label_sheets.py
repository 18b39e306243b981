"""Chip strips for labelling the points of an accuracy-assessment sample (``python -m model_core sample``)
outside QGIS: one row per point (in id order, so the rows follow the sample's random order and do not
reveal the map class), one chip per date, the point's pixel boxed, each date stretched 2-98 %.

    python tools/label_sheets.py SAMPLE.gpkg IMAGE [IMAGE ...] --out DIR [--show 1,2,3] [--per-sheet 6]

``--show`` picks the three bands shown as red, green, blue (1-based; default 1,2,3). No method output is
drawn.  Label the points in the sample's ``reference`` field (0 no change, k = the last change between
date k and date k+1), e.g. in QGIS or with ogr tools, then run ``python -m model_core assess``.
"""

import argparse
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def points_of(sample, grid):
    """[(id, row, col)] of the sample's points on the grid, by id."""
    from osgeo import gdal, ogr

    ds = ogr.Open(sample)
    inv = gdal.InvGeoTransform(grid.geotransform)
    out = []
    for f in ds.GetLayer(0):
        g = f.GetGeometryRef()
        col = int(np.floor(inv[0] + inv[1] * g.GetX() + inv[2] * g.GetY()))
        row = int(np.floor(inv[3] + inv[4] * g.GetX() + inv[5] * g.GetY()))
        out.append((f.GetField("id"), row, col))
    return sorted(out)


def main(argv=None):
    from PIL import Image, ImageDraw

    from model_core.stack import Stack

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sample")
    ap.add_argument("images", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--show", default="1,2,3", help="three 1-based bands shown as red, green, blue")
    ap.add_argument("--chip", type=int, default=24, help="chip size in pixels (default 24)")
    ap.add_argument("--zoom", type=int, default=4)
    ap.add_argument("--per-sheet", type=int, default=6)
    args = ap.parse_args(argv)
    show = [int(b) - 1 for b in args.show.split(",")]
    stack = Stack(args.images)
    t, _, h, w = stack.shape
    values, valid = stack.read(0, 0, w, h)
    half, side = args.chip // 2, args.chip * args.zoom
    disp = []
    for d in range(t):
        img = values[d, show].astype(np.float32)
        lo = np.percentile(img[:, valid], 2, axis=1)[:, None, None]
        hi = np.percentile(img[:, valid], 98, axis=1)[:, None, None]
        img = (np.clip((img - lo) / (hi - lo + 1e-6), 0, 1) * 255).astype(np.uint8)
        disp.append(np.pad(img, ((0, 0), (half, half), (half, half))))  # points near the edge get a black margin
    pts = points_of(args.sample, stack.grid)
    labels = [d or str(i + 1) for i, d in enumerate(stack.dates)]
    os.makedirs(args.out, exist_ok=True)
    per = args.per_sheet
    for k in range(0, len(pts), per):
        sheet = Image.new("RGB", (t * (side + 4) + 20, per * (side + 16) + 10), "white")
        draw = ImageDraw.Draw(sheet)
        for j, (pid, row, col) in enumerate(pts[k:k + per]):
            y0 = 5 + j * (side + 16)
            for d in range(t):
                x0, c0 = 10 + d * (side + 4), half * args.zoom
                sub = disp[d][:, row:row + 2 * half, col:col + 2 * half]
                sheet.paste(Image.fromarray(np.moveaxis(sub, 0, -1)).resize((side, side), Image.NEAREST), (x0, y0 + 12))
                draw.text((x0 + 2, y0), (f"#{pid} " if d == 0 else "") + labels[d], fill="black")
                draw.rectangle([x0 + c0 - 1 - args.zoom, y0 + 12 + c0 - 1 - args.zoom, x0 + c0 + 2 * args.zoom,
                                y0 + 12 + c0 + 2 * args.zoom], outline=(255, 0, 255))
        sheet.save(os.path.join(args.out, f"sheet{k // per:02d}.png"))
    print(f"{(len(pts) + per - 1) // per} sheets of {len(pts)} points written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
