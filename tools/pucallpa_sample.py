"""Design-based accuracy of four methods on the 8-date Landsat Pucallpa series from one probability
sample (the model card's section "A probability sample of the Pucallpa series (twelfth session)").

    python tools/pucallpa_sample.py [--data ../shared/data] [--out DIR]

Runs the automatic choice for series (CAIM-Net + ISFA, ``--bands 3,4,4,2,1``), the classical CVA and
ISFA (every band) and the CAIM-Net file alone (``--bands 3,4,4,2``) on the series, with the bundled
CAIM-Net file and with ``caimnet_rgbn_mixed_sources.pt`` (the default file when the sample was drawn).
It re-draws the sample with the pre-registered design from the strata map, the automatic choice's
moment map made with that earlier file (and says whether it drew the same points as
``tools/pucallpa_sample_labels.json``), writes the stored labels onto the stored points, and prints,
for each map, the ``assess`` estimates with the strata map's classes as strata (valid for any map:
the estimators weight each point by its stratum, not by the map's class): changed / unchanged
(``--binary``) and the exact interval.  Prints figures; asserts nothing.
"""

import argparse
import contextlib
import json
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
LABELS = os.path.join(ROOT, "tools", "pucallpa_sample_labels.json")
# The file the samples' strata were drawn with (the default CAIM-Net file until the sixteenth session).
STRATA_WEIGHTS = os.path.join(ROOT, "resources", "weights", "caimnet_rgbn_mixed_sources.pt")
# (title, model, bands, weights); the first is the strata map (made as when the sample was drawn: that
# file, and ISFA per pixel, before rule SCI gave it a 3 x 3 context; see ``strata_engine``).
METHODS = [("CAIM-Net + ISFA, mixed-sources file (the strata)", "caimnet_isfa", [3, 4, 4, 2, 1], STRATA_WEIGHTS),
           ("CAIM-Net + ISFA (automatic choice)", "caimnet_isfa", [3, 4, 4, 2, 1], None),
           ("Classical CVA", "cva", None, None), ("Classical ISFA", "isfa", None, None),
           ("CAIM-Net", "caimnet", [3, 4, 4, 2], None),
           ("CAIM-Net, mixed-sources file", "caimnet", [3, 4, 4, 2], STRATA_WEIGHTS)]


@contextlib.contextmanager
def strata_engine(first):
    """For the strata map (``first``): the engine as when the samples were drawn, ISFA per pixel
    (``ISFA.context = 0``; rule SCI turned its 3 x 3 context on later), so the design re-draws the same
    points.  Other maps run with the engine as shipped."""
    from model_core.models.isfa import ISFA

    shipped = ISFA.context
    ISFA.context = 0 if first else shipped
    try:
        yield
    finally:
        ISFA.context = shipped


def write_points(path, points, wkt):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("sample", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("reference", ogr.OFTInteger))
    for p in points:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("id", p["id"])
        if p["reference"] is None:
            f.SetFieldNull("reference")
        else:
            f.SetField("reference", p["reference"])
        g = ogr.Geometry(ogr.wkbPoint)
        g.AddPoint_2D(p["x"], p["y"])
        f.SetGeometry(g)
        layer.CreateFeature(f)
    ds = None


def redraw_and_label(strata, out, points, design, digits):
    """Re-draw the sample with ``design`` from ``strata``, say whether it is the stored one (coordinates
    compared to ``digits`` decimals), and write the stored labelled ``points``; returns their file."""
    from osgeo import gdal, ogr

    from model_core.accuracy import stratified_sample

    redrawn = os.path.join(out, "redrawn.gpkg")
    stratified_sample(strata, redrawn, overwrite=True, **design)
    ds = ogr.Open(redrawn)
    again = sorted((f.GetField("id"), round(f.GetGeometryRef().GetX(), digits), round(f.GetGeometryRef().GetY(), digits))
                   for f in ds.GetLayer(0))
    ds = None
    same = again == sorted((p["id"], round(p["x"], digits), round(p["y"], digits)) for p in points)
    print(f"the design re-drew {'the same' if same else 'OTHER'} points as the stored sample "
          f"({len(points)} points, {sum(p['reference'] is not None for p in points)} labelled)")
    labelled = os.path.join(out, "labelled.gpkg")
    if os.path.exists(labelled):
        os.remove(labelled)
    write_points(labelled, points, gdal.Open(strata).GetProjection())
    return labelled


def report(rows, labelled, strata, exact=False):
    """Print the ``assess --binary`` estimates of every (title, map) of ``rows`` with ``strata``'s classes
    as strata (``exact``: also the overall accuracy of the exact interval), then each map's overall
    accuracy minus the first map's on the same points."""
    from model_core.accuracy import assess

    width = max(len(t) for t, _ in rows) + 2
    print(f"\n{'method':<{width}} {'changed area ha (± 95 %)':>26} {'map ha':>9} {'overall':>14} "
          f"{'user changed':>14} {'producer changed':>17}" + (f" {'exact interval':>15}" if exact else ""))
    diffs = []
    for i, (title, path) in enumerate(rows):
        b = assess(path, labelled, binary=True, strata_path=strata, compare_path=strata if i else None)
        if b.comparison:
            diffs.append((title, b.comparison))
        line = (f"{title:<{width}} {b.area[1]:>12.1f} ± {b.ci(b.area_se[1]):<11.1f} {b.map_area[1]:>9.1f} "
                f"{b.overall:>6.3f} ± {b.ci(b.overall_se):.3f} {b.users[1]:>6.3f} ± {b.ci(b.users_se[1]):.3f} "
                f"{b.producers[1]:>8.3f} ± {b.ci(b.producers_se[1]):.3f}")
        if exact:
            k = assess(path, labelled, strata_path=strata)
            line += f" {k.overall:>7.3f} ± {k.ci(k.overall_se):.3f}"
        print(line)
    print(f"\npaired, same points: overall accuracy (changed / unchanged) minus {rows[0][0]}'s")
    for title, (_, d, se) in diffs:
        print(f"  {title:<{width}} {d:+.3f} ± {1.959964 * se:.3f}")


def main(argv=None):
    from model_core.predict import detect

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--out", default=None, help="keep the runs here (default: a temporary folder)")
    args = ap.parse_args(argv)
    folder = os.path.join(args.data, "landsat-pucallpa")
    paths = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".tif"))
    with open(LABELS, encoding="utf-8") as f:
        points = json.load(f)["points"]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or tmp
        maps = {}
        for i, (title, model, bands, weights) in enumerate(METHODS):
            run = os.path.join(out, "%d_%s" % (i, model))
            with open(os.devnull, "w") as null, contextlib.redirect_stdout(null), strata_engine(i == 0):
                detect(paths, out_dir=run, model=model, bands=bands, weights=weights, overwrite=True)
            maps[title] = os.path.join(run, "change_moment.tif")
        strata = maps[METHODS[0][0]]
        labelled = redraw_and_label(strata, out, points, dict(n=8, n_unchanged=40, seed=20261209), digits=8)
        report([(title, maps[title]) for title, *_ in METHODS], labelled, strata, exact=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
