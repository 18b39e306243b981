"""Design-based accuracy of four methods on the 8-date Landsat Pucallpa series from one probability
sample (the model card's section "A probability sample of the Pucallpa series (twelfth session)").

    python tools/pucallpa_sample.py [--data ../shared/data] [--out DIR]

Runs the automatic choice for series (CAIM-Net + ISFA, ``--bands 3,4,4,2,1``), the classical CVA and
ISFA (every band) and the CAIM-Net file alone (``--bands 3,4,4,2``) on the series, re-draws the sample
with the pre-registered design from the automatic choice's moment map (and says whether it drew the
same points as ``tools/pucallpa_sample_labels.json``), writes the stored labels onto the stored points,
and prints, for each method, the ``assess`` estimates with the automatic choice's classes as strata:
changed / unchanged (``--binary``) and the exact interval.  Prints figures; asserts nothing.
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
METHODS = [("CAIM-Net + ISFA (automatic choice)", "caimnet_isfa", [3, 4, 4, 2, 1]),
           ("Classical CVA", "cva", None), ("Classical ISFA", "isfa", None), ("CAIM-Net", "caimnet", [3, 4, 4, 2])]


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


def main(argv=None):
    from osgeo import gdal, ogr

    from model_core.accuracy import assess, stratified_sample
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
        for title, model, bands in METHODS:
            run = os.path.join(out, model)
            with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
                detect(paths, out_dir=run, model=model, bands=bands, overwrite=True)
            maps[model] = os.path.join(run, "change_moment.tif")
        strata = maps["caimnet_isfa"]
        redrawn = os.path.join(out, "redrawn.gpkg")
        stratified_sample(strata, redrawn, n=8, n_unchanged=40, seed=20261209, overwrite=True)
        ds = ogr.Open(redrawn)
        again = sorted((f.GetField("id"), round(f.GetGeometryRef().GetX(), 8), round(f.GetGeometryRef().GetY(), 8))
                       for f in ds.GetLayer(0))
        ds = None
        same = again == sorted((p["id"], p["x"], p["y"]) for p in points)
        print(f"the design re-drew {'the same' if same else 'OTHER'} points as the stored sample "
              f"({len(points)} points, {sum(p['reference'] is not None for p in points)} labelled)")
        labelled = os.path.join(out, "labelled.gpkg")
        if os.path.exists(labelled):
            os.remove(labelled)
        write_points(labelled, points, gdal.Open(strata).GetProjection())
        print(f"\n{'method':<36} {'changed area ha (± 95 %)':>26} {'map ha':>9} {'overall':>14} "
              f"{'user changed':>14} {'producer changed':>17} {'exact interval':>15}")
        diffs = []
        for title, model, _ in METHODS:
            b = assess(maps[model], labelled, binary=True, strata_path=strata,
                       compare_path=None if model == "caimnet_isfa" else strata)
            k = assess(maps[model], labelled, strata_path=strata)
            if b.comparison:
                diffs.append((title, b.comparison))
            print(f"{title:<36} {b.area[1]:>12.0f} ± {b.ci(b.area_se[1]):<11.0f} {b.map_area[1]:>9.0f} "
                  f"{b.overall:>6.3f} ± {b.ci(b.overall_se):.3f} {b.users[1]:>6.3f} ± {b.ci(b.users_se[1]):.3f} "
                  f"{b.producers[1]:>8.3f} ± {b.ci(b.producers_se[1]):.3f} {k.overall:>7.3f} ± {k.ci(k.overall_se):.3f}")
        print("\npaired, same points: overall accuracy (changed / unchanged) minus the automatic choice's")
        for title, (_, d, se) in diffs:
            print(f"  {title:<34} {d:+.3f} ± {1.959964 * se:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
