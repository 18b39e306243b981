"""model_core.polygons: change polygons with dates and areas from a moment raster (GDAL/OGR only)."""

import os

import numpy as np
import pytest
from osgeo import gdal, ogr

from caim_qgis_testlib import write_raster
from rasters import UTM_CM

DATES = ["2019-05-01", "2020-05-01", "2021-05-01"]


def moment_raster(path, epsg=32614, gt=(500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0)):
    a = np.zeros((20, 20), np.uint8)
    a[2:6, 2:6] = 1          # 16 px, moment 1
    a[10:15, 10:12] = 2      # 10 px, moment 2
    a[16:18, 0:3] = 2        # 6 px, a second polygon of moment 2
    a[0, :] = 255            # nodata row: no polygon
    return write_raster(path, a, gt=gt, epsg=epsg, nodata=255)


def features(path):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    out = sorted((f.GetField("moment"), f.GetField("date_before"), f.GetField("date_after"),
                  round(f.GetField("area_m2"), 3)) for f in layer)
    return out, layer.GetSpatialRef().GetAuthorityCode(None)


# areas on the ground: the 10 m pixels of a UTM grid on its central meridian (scale factor 0.9996)
EXPECTED = [(1, "2019-05-01", "2020-05-01", round(1600.0 * UTM_CM, 3)),
            (2, "2020-05-01", "2021-05-01", round(600.0 * UTM_CM, 3)),
            (2, "2020-05-01", "2021-05-01", round(1000.0 * UTM_CM, 3))]


def test_polygons_attributes_and_areas(tmp_path):
    from model_core.polygons import write_polygons

    src = moment_raster(str(tmp_path / "moment.tif"))
    out = str(tmp_path / "changes.gpkg")
    assert write_polygons(src, out, DATES) == 3
    got, epsg = features(out)
    assert got == EXPECTED
    assert epsg == "32614"


def test_polygons_other_format_by_extension(tmp_path):
    import json

    from model_core.polygons import write_polygons

    src = moment_raster(str(tmp_path / "moment.tif"))
    out = str(tmp_path / "changes.geojson")
    assert write_polygons(src, out, DATES) == 3
    with open(out) as f:
        doc = json.load(f)
    got = sorted((p["moment"], p["date_before"], p["date_after"], round(p["area_m2"], 3))
                 for p in (feat["properties"] for feat in doc["features"]))
    assert got == EXPECTED


def test_geographic_crs_area_in_square_metres(tmp_path):
    from model_core.polygons import write_polygons

    utm = moment_raster(str(tmp_path / "utm.tif"))
    geo = str(tmp_path / "geo.tif")
    gdal.Warp(geo, utm, dstSRS="EPSG:4326", xRes=0.00002, yRes=0.00002, resampleAlg="near")
    write_polygons(geo, str(tmp_path / "geo.gpkg"), DATES)
    got, _ = features(str(tmp_path / "geo.gpkg"))
    areas = {k: sum(a for m, _, _, a in got if m == k) for k in (1, 2)}
    assert areas[1] == pytest.approx(1600.0, rel=0.08) and areas[2] == pytest.approx(1600.0, rel=0.08)


def test_existing_output_and_missing_dates(tmp_path):
    from model_core.errors import OutputError
    from model_core.polygons import write_polygons

    src = moment_raster(str(tmp_path / "moment.tif"))
    out = str(tmp_path / "changes.gpkg")
    write_polygons(src, out, None)
    got, _ = features(out)
    assert all(before is None and after is None for _, before, after, _ in got)
    with pytest.raises(OutputError, match="already exists"):
        write_polygons(src, out, DATES)
    assert write_polygons(src, out, DATES, overwrite=True) == 3
    assert os.path.exists(out)


@pytest.mark.parametrize("after", [0, 2])
def test_polygons_cancelled_keep_nothing(tmp_path, after):
    """``cancel`` asked while tracing (the first call) or writing: Cancelled, and no file is left."""
    from model_core.errors import Cancelled
    from model_core.polygons import write_polygons

    src = moment_raster(str(tmp_path / "moment.tif"))
    out = str(tmp_path / "changes.gpkg")
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > after

    with pytest.raises(Cancelled, match="Cancelled by the user while (tracing|writing) the change polygons"):
        write_polygons(src, out, DATES, cancel=cancel)
    assert not os.path.exists(out)
