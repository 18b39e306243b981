"""The inspect tool's values at known pixels, read back independently with GDAL."""

import pytest

from caim_qgis_testlib import X0, Y0, centre, read, run_info, wait_for

pytestmark = pytest.mark.qgis



@pytest.mark.parametrize("row,col", [(20, 20), (50, 8)])
def test_values_at_a_known_pixel(qgis_app, finished_run, row, col):
    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel

    res = finished_run["results"]
    data = inspect_pixel(run_info(finished_run), centre(row, col), QgsCoordinateReferenceSystem("EPSG:32614"))
    k = int(read(res["MOMENT"])[row, col])
    assert data["moment"] == k
    labels = ["2019-05-01 to 2020-05-01", "2020-05-01 to 2021-05-01"]
    assert data["intervals"] == labels
    assert data["moment_text"] == ("no change" if k == 0 else
                                   "changed between " + labels[k - 1].replace(" to ", " and "))
    probs = gdal.Open(res["PROBABILITIES"]).ReadAsArray()[:, row, col]
    assert data["no_change_probability"] == pytest.approx(float(probs[0]))
    assert data["change_probability"] == pytest.approx([float(p) for p in probs[1:]])
    assert data["confidence"] == pytest.approx(float(read(res["CONFIDENCE"])[row, col]))
    # band values of every date: the stack has a bright (230) square from the 3rd date on
    series = data["series"]
    assert len(series) == 3 and all(len(v) == 4 for v in series)
    for t, path in enumerate(finished_run["inputs"]):
        expected = gdal.Open(path).ReadAsArray()[:, row, col]
        assert series[t] == [float(v) for v in expected]
    if (row, col) == (20, 20):
        assert series[2] == [230.0] * 4 and series[0] != [230.0] * 4
    # no band mapping and no band metadata: the roles were assumed, and the names say so
    assert data["band_names"] == ["Band 1 (as red)", "Band 2 (as green)", "Band 3 (as blue)", "Band 4 (as NIR)"]


def test_other_crs_nodata_and_outside(qgis_app, finished_run):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    from caim_qgis_plugin.inspect_tool import inspect_pixel

    utm, wgs = QgsCoordinateReferenceSystem("EPSG:32614"), QgsCoordinateReferenceSystem("EPSG:4326")
    to_wgs = QgsCoordinateTransform(utm, wgs, QgsProject.instance())
    info = run_info(finished_run)
    direct = inspect_pixel(info, centre(20, 20), utm)
    via_wgs = inspect_pixel(info, to_wgs.transform(centre(20, 20)), wgs)
    assert via_wgs["moment"] == direct["moment"] and via_wgs["series"] == direct["series"]

    nodata = inspect_pixel(info, centre(2, 2), utm)  # the last date has nodata in the 6 x 6 corner
    assert nodata["moment"] is None and nodata["moment_text"] == "no data"
    assert nodata["series"][2] == [None] * 4

    outside = inspect_pixel(info, QgsPointXY(X0 - 1000, Y0 + 1000), utm)
    assert outside["moment_text"] == "outside the result" and outside["series"] == [None, None, None]


def test_dock_shows_the_pixel(qgis_app, finished_run):
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    data = inspect_pixel(run_info(finished_run), centre(20, 20), QgsCoordinateReferenceSystem("EPSG:32614"))
    dock = InspectDock()
    dock.resize(360, 480)
    dock.show_result(data, centre(20, 20))
    assert dock.table.rowCount() == 2
    assert dock.table.item(1, 0).text() == "2020-05-01 to 2021-05-01"
    assert float(dock.table.item(1, 1).text()) == pytest.approx(data["change_probability"][1], abs=1e-3)
    assert "Change moment" in dock.header.text()
    image = dock.plot.grab().toImage()  # paints the series plot
    assert image.width() > 0 and not image.isNull()
    # blind mode for labelling a sample: the band values stay, the map's answer goes (and comes back)
    dock.blind.setChecked(True)
    assert "hidden" in dock.header.text() and "Change moment" not in dock.header.text()
    assert dock.table.isHidden() and dock.plot.data["moment"] is None and dock.plot.data["series"] == data["series"]
    # the captions name no shading and no frames, which are gone (they said 'shaded: detected change interval')
    assert "shaded" not in dock.plot_caption.text() and "framed" not in dock.chip_caption.text()
    dock.blind.setChecked(False)
    assert "Change moment" in dock.header.text() and not dock.table.isHidden()
    assert "shaded" in dock.plot_caption.text() and "framed" in dock.chip_caption.text()
    # no date of this pixel has a cloud mask: the caption does not explain the masks' marks (three lines of a
    # narrow panel, the chips pushed below it); a pixel with a masked date gets it
    assert "cloud mask" not in dock.plot_caption.text()
    dock.show_result(dict(data, clouded=[1]), centre(20, 20))
    assert "grey column, hollow points: a date hidden by its cloud mask" in dock.plot_caption.text()
    assert dock.plot.data["moment"] == data["moment"]
    # a pixel without a detected change (no change, no data) has no shaded interval and no framed dates:
    # its captions name none (they did, over a chart and chips without either)
    for moment in (0, None):
        dock.show_result(dict(data, moment=moment), centre(20, 20))
        assert "shaded" not in dock.plot_caption.text() and "framed" not in dock.chip_caption.text(), moment
    # the table's tip that the run has no probabilities goes with a pixel of a run that has them
    dock.show_result(dict(data, change_probability=None), centre(20, 20))
    assert "moment probabilities" in dock.table.toolTip()
    dock.show_result(data, centre(20, 20))
    assert dock.table.toolTip() == ""
    dock.deleteLater()


def test_band_names_follow_the_model(qgis_app, finished_run):
    """Networks read red, green, blue, NIR (assumed of bands 1-4 without a mapping or band metadata, and
    named so; named by their roles with a mapping); the classical CVA any bands, named by their numbers."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel

    utm = QgsCoordinateReferenceSystem("EPSG:32614")
    info = run_info(finished_run)
    for model in ("caimnet", "schanger", None):
        assert inspect_pixel(dict(info, model=model), centre(20, 20), utm)["band_names"] == [
            "Band 1 (as red)", "Band 2 (as green)", "Band 3 (as blue)", "Band 4 (as NIR)"]
    given = dict(info, model="caimnet", inputs=[{"path": p, "bands": [3, 2, 1, 4]} for p in finished_run["inputs"]])
    assert inspect_pixel(given, centre(20, 20), utm)["band_names"] == ["Red", "Green", "Blue", "NIR"]
    cva = inspect_pixel(dict(info, model="cva"), centre(20, 20), utm)
    assert cva["band_names"] == ["Band 1", "Band 2", "Band 3", "Band 4"]
    assert cva["series"][2] == [230.0] * 4
    mapped = dict(info, model="cva", inputs=[{"path": p, "bands": [4, 2]} for p in finished_run["inputs"]])
    data = inspect_pixel(mapped, centre(20, 20), utm)
    assert data["band_names"] == ["Band 4", "Band 2"]
    from osgeo import gdal

    expected = gdal.Open(finished_run["inputs"][0]).ReadAsArray()[:, 20, 20]
    assert data["series"][0] == [float(expected[3]), float(expected[1])]


def test_network_series_follow_the_band_metadata(qgis_app, tmp_path):
    """Bands left empty on 6-band rasters with wavelengths: the engine used bands 3,2,1,4 as R, G, B,
    NIR, so the panel shows those values under those names (not file band 1 as "Red")."""
    import numpy as np
    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_testlib import write_raster

    paths = []
    for t in range(2):
        data = np.stack([np.full((8, 8), 10 * (b + 1) + t, np.uint8) for b in range(6)])
        path = write_raster(str(tmp_path / ("tm%d.tif" % t)), data)
        ds = gdal.Open(path, gdal.GA_Update)
        for b, wl in enumerate([0.4825, 0.565, 0.66, 0.825, 1.65, 2.22]):
            ds.GetRasterBand(b + 1).SetMetadata({"wavelength": str(wl), "wavelength_units": "Micrometers"})
        ds = None
        paths.append(path)
    info = {"dates": ["2000", "2003"], "inputs": [{"path": p} for p in paths], "outputs": {}, "model": "caimnet"}
    data = inspect_pixel(info, centre(3, 3), QgsCoordinateReferenceSystem("EPSG:32614"))
    assert data["band_names"] == ["Red", "Green", "Blue", "NIR"]
    assert data["series"] == [[30.0, 20.0, 10.0, 40.0], [31.0, 21.0, 11.0, 41.0]]
    cva = inspect_pixel(dict(info, model="cva"), centre(3, 3), QgsCoordinateReferenceSystem("EPSG:32614"))
    assert cva["band_names"] == ["Band %d" % b for b in range(1, 7)] and cva["series"][0][0] == 10.0


def test_a_dropped_small_patch_is_explained(qgis_app, tmp_path):
    """With a minimum change patch larger than the scene every change is dropped; the inspector says the
    model saw one there (and when), and that small patches were dropped elsewhere."""
    import os

    import numpy as np
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_testlib import make_stack, run_algorithm

    paths = make_stack(str(tmp_path))
    out = str(tmp_path / "out")
    outputs = {k: os.path.join(out, f) for k, f in (("AREA", "a.tif"), ("MOMENT", "m.tif"), ("CONFIDENCE", "c.tif"),
                                                    ("PROBABILITIES", "p.tif"))}
    results, ok, feedback = run_algorithm(dict(INPUT=paths, DEVICE="CPU", MODEL="cva", MIN_PATCH=5000, **outputs))
    assert ok, feedback.textLog()
    assert not (read(results["AREA"]) == 1).any()
    info = {"dates": ["2019-05-01", "2020-05-01", "2021-05-01"], "inputs": [{"path": p} for p in paths],
            "min_patch": 5000, "outputs": {"moment": results["MOMENT"], "confidence": results["CONFIDENCE"],
                                           "probabilities": results["PROBABILITIES"]}}
    utm = QgsCoordinateReferenceSystem("EPSG:32614")
    square = inspect_pixel(info, centre(20, 20), utm)  # the bright square appears on the 3rd date
    assert square["moment"] == 0
    assert square["moment_text"] == ("no change: the model dated a change between 2020-05-01 and 2021-05-01, "
                                     "but its changed patch has fewer than the minimum of 5000 px")
    assert square["confidence"] == pytest.approx(square["no_change_probability"]) and square["confidence"] < 0.5
    probs = np.stack([read(results["PROBABILITIES"], b) for b in (1, 2, 3)])
    row, col = np.argwhere((probs.argmax(axis=0) == 0) & (probs[0] >= 0))[0]
    plain = inspect_pixel(info, centre(row, col), utm)
    assert plain["moment_text"] == "no change (changed patches under 5000 px were dropped)"


def test_a_filled_pixel_names_its_masked_dates(qgis_app, tmp_path):
    import os

    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_testlib import make_stack, run_algorithm

    paths = make_stack(str(tmp_path))  # the last date has a 6 x 6 nodata corner
    out = str(tmp_path / "out")
    outputs = {k: os.path.join(out, f) for k, f in (("AREA", "a.tif"), ("MOMENT", "m.tif"), ("CONFIDENCE", "c.tif"))}
    results, ok, feedback = run_algorithm(dict(INPUT=paths, DEVICE="CPU", MODEL="cva", FILL_GAPS=True, **outputs))
    assert ok, feedback.textLog()
    info = {"dates": ["2019-05-01", "2020-05-01", "2021-05-01"], "inputs": [{"path": p} for p in paths],
            "fill_gaps": True, "outputs": {"moment": results["MOMENT"]}}
    utm = QgsCoordinateReferenceSystem("EPSG:32614")
    corner = inspect_pixel(info, centre(2, 2), utm)
    assert corner["moment"] == 0
    assert corner["moment_text"] == "no change (masked: 2021-05-01; filled from 2020-05-01)"
    assert inspect_pixel(info, centre(30, 30), utm)["moment_text"] == "changed between 2020-05-01 and 2021-05-01"


def test_a_filled_pixel_names_the_date_its_values_came_from(qgis_app, tmp_path):
    """Gap filling takes a masked date's values from the pixel's previous clear date, or the next where no earlier
    date is clear; the inspector said "filled from the previous clear date" of every masked date, a first date
    too.  It now names the date, as the engine chose it, here on a real four-date run with cloud masks; where a
    date's validity at the pixel is not known (not read), it gives the rule."""
    import os

    import numpy as np
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import _filled_from, inspect_pixel
    from caim_qgis_testlib import make_stack, run_algorithm, write_raster

    dates = ["2019-05-01", "2020-05-01", "2021-05-01", "2022-05-01"]
    paths = make_stack(str(tmp_path), dates=dates, nodata_block=False)
    clouds = {0: [(2, 7, 20, 25), (12, 17, 28, 32)], 1: [(2, 7, 20, 25)], 2: [(22, 27, 0, 5)], 3: [(12, 17, 28, 32)]}
    masks = []
    for i, date in enumerate(dates):  # on a 10 m grid: image rows and columns twice the mask's
        m = np.zeros((32, 32), np.uint8)
        for r0, r1, c0, c1 in clouds[i]:
            m[r0:r1, c0:c1] = 1
        masks.append(write_raster(os.path.join(str(tmp_path), "cmask_%s.tif" % date), m,
                                  gt=(500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0)))
    out = str(tmp_path / "out")
    outputs = {k: os.path.join(out, f) for k, f in (("AREA", "a.tif"), ("MOMENT", "m.tif"), ("CONFIDENCE", "c.tif"))}
    results, ok, feedback = run_algorithm(dict(INPUT=paths, DEVICE="CPU", MODEL="cva", MASKS=masks, FILL_GAPS=True,
                                               **outputs))
    assert ok, feedback.textLog()
    info = {"dates": dates, "inputs": [{"path": p, "mask": m} for p, m in zip(paths, masks)], "fill_gaps": True,
            "mask_clear": "0", "outputs": {"moment": results["MOMENT"]}}
    utm = QgsCoordinateReferenceSystem("EPSG:32614")
    texts = {at: inspect_pixel(info, centre(*at), utm)["moment_text"] for at in ((8, 44), (28, 60), (48, 4))}
    assert texts == {
        (8, 44): "no change (masked: 2019-05-01, 2020-05-01; filled from 2021-05-01)",  # no clear date before
        (28, 60): "no change (masked: 2019-05-01; filled from 2020-05-01; masked: 2022-05-01; filled from "
                  "2021-05-01)",
        (48, 4): "no change (masked: 2021-05-01; filled from 2020-05-01)"}
    # a date not read here (outside its file, unreadable) or with some bands nodata: which date filled is not known
    names = ["d1", "d2", "d3"]
    general = "masked: d2; filled from the previous clear date, or the next where no earlier date is clear"
    assert _filled_from([1], [None, None, [1.0]], names) == general
    assert _filled_from([1], [[1.0, None], [None, None], [1.0, 2.0]], names) == general
    assert _filled_from([1], [[1.0, 2.0], [None, None], [1.0, 2.0]], names) == "masked: d2; filled from d1"
    # dates that are years only: it read "masked on 2005" ("maskiert am 2005", "enmascarado el 2005")
    years = ["2000", "2005", "2010"]
    assert _filled_from([1], [[1.0], None, [1.0]], years) == "masked: 2005; filled from 2000"
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    for locale, named, rule, year in (
            ("de_DE", "maskiert: d2; aus d1 gefüllt", "maskiert: d2; aus dem vorigen wolkenfreien Zeitpunkt "
             "gefüllt, oder aus dem nächsten, wo kein früherer wolkenfrei ist", "maskiert: 2005; aus 2000 gefüllt"),
            ("es_ES", "enmascarado: d2; rellenado con d1", "enmascarado: d2; rellenado con la fecha despejada "
             "anterior, o con la siguiente donde ninguna anterior está despejada",
             "enmascarado: 2005; rellenado con 2000")):
        translator = install_translator(locale)
        try:
            assert _filled_from([1], [[1.0, 2.0], [None, None], [1.0, 2.0]], names) == named
            assert _filled_from([1], [None, None, [1.0]], names) == rule
            assert _filled_from([1], [[1.0], None, [1.0]], years) == year
        finally:
            remove_translator(translator)


def test_a_cloud_masked_pixel_names_its_mask(qgis_app, tmp_path):
    """A pixel that a date's cloud mask hides: 'no data' says which date's mask; with gap filling the
    moment text names the masked date."""
    import os

    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_testlib import make_stack, run_algorithm
    from test_algorithm import _cloud_masks

    paths = make_stack(str(tmp_path), nodata_block=False)
    masks = _cloud_masks(str(tmp_path))
    utm = QgsCoordinateReferenceSystem("EPSG:32614")
    dates = ["2019-05-01", "2020-05-01", "2021-05-01"]
    for fill in (False, True):
        out = str(tmp_path / ("f" if fill else "p"))
        outputs = {k: os.path.join(out, f) for k, f in (("AREA", "a.tif"), ("MOMENT", "m.tif"), ("CONFIDENCE", "c.tif"))}
        results, ok, feedback = run_algorithm(dict(INPUT=paths, DEVICE="CPU", MODEL="cva", MASKS=masks,
                                                   FILL_GAPS=fill, **outputs))
        assert ok, feedback.textLog()
        info = {"dates": dates, "inputs": [{"path": p, "mask": m} for p, m in zip(paths, masks)],
                "fill_gaps": fill, "mask_clear": [0], "outputs": {"moment": results["MOMENT"]}}
        cloudy = inspect_pixel(info, centre(48, 4), utm)
        assert cloudy["clouded"] == [1] and inspect_pixel(info, centre(30, 30), utm)["clouded"] == []
        if fill:
            assert cloudy["moment_text"] == "no change (masked: 2020-05-01; filled from 2019-05-01)"
        else:
            assert cloudy["moment"] is None
            assert cloudy["moment_text"] == ("no data: masked by the cloud mask of 2020-05-01 (run with 'Fill "
                                             "masked dates' to fill such dates)")
        assert inspect_pixel(info, centre(30, 30), utm)["moment_text"] == "changed between 2020-05-01 and 2021-05-01"


def test_values_in_the_units_of_scale_and_offset(qgis_app, tmp_path):
    """Dates stored with different scalings (e.g. Landsat Collection 1 and 2 reflectance) are plotted in
    the same units, as the engine reads them; a stored nodata value stays 'no data'."""
    import numpy as np
    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_testlib import make_stack

    paths = make_stack(str(tmp_path), nodata_block=False)
    ds = gdal.Open(paths[1], gdal.GA_Update)  # the 2nd date: stored value v means 0.0001 * v - 0.01
    for b in range(1, 5):
        ds.GetRasterBand(b).SetScale(0.0001)
        ds.GetRasterBand(b).SetOffset(-0.01)
        ds.GetRasterBand(b).SetNoDataValue(0)
    raw = ds.ReadAsArray()[:, 20, 20].astype(float)
    for b in range(1, 5):
        ds.GetRasterBand(b).WriteArray(np.zeros((1, 1), np.uint8), 30, 30)  # stored nodata at row 30, col 30
    ds = None
    info = {"dates": ["2019-05-01", "2020-05-01", "2021-05-01"], "inputs": [{"path": p} for p in paths],
            "outputs": {}}
    data = inspect_pixel(info, centre(20, 20), QgsCoordinateReferenceSystem("EPSG:32614"))
    assert data["series"][1] == pytest.approx(list(raw * 0.0001 - 0.01))
    assert data["series"][0] == [float(v) for v in gdal.Open(paths[0]).ReadAsArray()[:, 20, 20]]
    assert np.all(raw > 0)
    assert inspect_pixel(info, centre(30, 30), QgsCoordinateReferenceSystem("EPSG:32614"))["series"][1] == [None] * 4


@pytest.mark.parametrize("n,width", [(6, 416), (6, 300), (10, 416), (24, 416), (2, 200)])
def test_date_labels_never_overlap_and_keep_the_first_and_last(qgis_app, n, width):
    """The chart's date labels (as in the README screenshot: 6 dates in a 416 px dock, where the last
    label, pushed left by the right edge, used to run into the one before it)."""
    from caim_qgis_plugin.inspect_tool import axis_labels

    left, right = 44, width - 10
    centres = [left + (right - left) * i / (n - 1) for i in range(n)]
    widths = [64] * n
    kept = axis_labels(centres, widths, width)
    idx = [i for i, _ in kept]
    assert idx[0] == 0 and idx[-1] == n - 1 and idx == sorted(idx)
    for (i, x), (j, y) in zip(kept, kept[1:]):
        assert x + widths[i] + 6 <= y, (i, j)
    assert all(0 <= x and x + widths[i] <= width for i, x in kept)
    if n == 6 and width == 416:
        assert idx == [0, 1, 2, 3, 5]  # 4 collided with the last label, pushed left by the edge
    if n == 2:
        assert idx == [0, 1]
    # a label between the first and last is centred on its tick
    for i, x in kept[1:-1]:
        assert abs(x + widths[i] / 2 - centres[i]) < 1e-9


def test_band_legend_wraps_instead_of_overlapping(qgis_app):
    """The legend's names ("Band 1 (as red)") sat in fixed 48 px slots and ran into each other; they are
    packed by their widths onto as many lines as the panel's width needs."""
    from caim_qgis_plugin.inspect_tool import legend_layout

    assert legend_layout([100, 100, 100], 250) == [(0, 0), (0, 100), (1, 0)]
    assert legend_layout([300, 50], 250) == [(0, 0), (1, 0)]
    assert legend_layout([60] * 4, 400) == [(0, 0), (0, 60), (0, 120), (0, 180)]


def test_dates_stored_in_the_project_are_shown_as_text(qgis_app, finished_run):
    """A run's dates and labels come from the project file: text in them that looks like HTML is shown
    as it is (Qt would load the file an <img src> names)."""
    from caim_qgis_testlib import HTML_NAME, shown
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    data = inspect_pixel(run_info(finished_run), centre(20, 20), QgsCoordinateReferenceSystem("EPSG:32614"))
    data = dict(data, moment_text="changed between %s" % HTML_NAME, dates=[HTML_NAME] + data["dates"][1:],
                clouded=[0])
    dock = InspectDock()
    dock.show_result(data, centre(20, 20))
    assert "changed between %s" % HTML_NAME in shown(dock.header.text())
    dock.blind.setChecked(True)
    assert "Cloud-masked: %s" % HTML_NAME in shown(dock.header.text())  # ("Cloud mask on: 2005" read oddly)
    dock.deleteLater()


def test_a_malformed_run_record_is_no_run(qgis_app):
    """A project file is anyone's text: a run record of other types (a list, dates that are numbers, inputs
    that are not tables) raised in the pixel inspector and the labelling panel (a security audit)."""
    import json

    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr

    layer = QgsVectorLayer("Point?crs=EPSG:32633", "x", "memory")
    good = {"dates": ["2019", None], "inputs": [{"path": "a.tif"}], "outputs": {"moment": "m.tif", "area": None},
            "min_patch": 3}
    layer.setCustomProperty(lyr.RUN_PROPERTY, json.dumps(good))
    assert lyr.run_info_of(layer) == good
    for bad in ([1, 2], {"dates": [2019, 2020]}, {"inputs": ["a.tif"]}, {"inputs": [{"path": 5}]},
                {"outputs": ["m.tif"]}, {"outputs": {"moment": 7}}, {"min_patch": "3"}, {"dates": "2019"}):
        layer.setCustomProperty(lyr.RUN_PROPERTY, json.dumps(bad))
        assert lyr.run_info_of(layer) is None, bad


def test_the_chart_follows_a_dark_theme(qgis_app):
    """The chart takes its background and labels from the palette: under QGIS's dark themes it was a white
    box with the theme's light grey text on it."""
    from qgis.PyQt.QtGui import QColor, QPalette

    from caim_qgis_plugin.inspect_tool import BAND_COLORS, SeriesPlot

    dark = QPalette()
    for role, colour in ((QPalette.Base, "#323232"), (QPalette.Window, "#323232"), (QPalette.Text, "#dddddd"),
                         (QPalette.WindowText, "#dddddd")):
        dark.setColor(role, QColor(colour))
    data = {"series": [[80.0, 90.0], [85.0, 120.0]], "dates": ["2019-05-01", "2020-05-01"], "moment": 1,
            "band_names": ["Red", "Green"], "clouded": []}
    for palette, background in ((dark, "#323232"), (QPalette(QColor("#efefef"), QColor("#ffffff")), None)):
        plot = SeriesPlot()
        plot.setPalette(palette)
        plot.resize(300, 200)
        base, text = plot.palette().base().color(), plot.palette().text().color()
        for payload in (None, data):
            plot.set_data(payload)
            image = plot.grab().toImage()
            assert image.pixelColor(1, 1) == base  # the background is the palette's
            colours = {image.pixelColor(x, y).name() for x in range(0, 300, 2) for y in range(0, 200, 2)}
            assert text.name() in colours  # labels (or the prompt) in the palette's text colour
        from caim_qgis_plugin.inspect_tool import chart_colors

        bands = chart_colors(plot.palette())[3]
        if background:
            assert base.name() == background
            # the band colours are lightened on a dark background (a dark purple line vanished on it)
            assert all(b.lightness() > QColor(c).lightness() for b, c in zip(bands, BAND_COLORS))
        else:
            assert [b.name() for b in bands] == BAND_COLORS


def test_enter_inspects_the_pixel_at_the_map_centre_and_a_marker_shows_it(qgis_app, finished_run, project):
    """The inspect tool worked with the mouse only; Enter now inspects the pixel at the centre of the map
    (the arrow keys pan), and a marker shows which pixel the panel describes (it showed none), taken off
    the map with the tool (an accessibility audit)."""
    import types

    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
    from qgis.gui import QgsMapCanvas, QgsVertexMarker
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import InspectDock, InspectTool

    res = finished_run["results"]
    outputs = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"],
               "probabilities": res["PROBABILITIES"]}
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
            "outputs": outputs, "model": "cva"}
    lyr.add_run_outputs(outputs, finished_run["dates"], info, project=project)
    canvas = QgsMapCanvas()
    canvas.resize(400, 400)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32614"))
    c = centre(20, 20)
    canvas.setExtent(QgsRectangle(c.x() - 50, c.y() - 50, c.x() + 50, c.y() + 50))
    dock = InspectDock()
    tool = InspectTool(canvas, types.SimpleNamespace(activeLayer=lambda: None), dock)
    canvas.setMapTool(tool)
    canvas.show()
    QTest.keyClick(canvas, Qt.Key_Return)
    assert "Change moment" in dock.header.text(), dock.header.text()
    expected = dock.last
    assert expected["moment"] == read(res["MOMENT"])[20, 20]
    markers = [i for i in canvas.scene().items() if isinstance(i, QgsVertexMarker)]
    assert len(markers) == 1 and abs(markers[0].center().x() - canvas.center().x()) < 1e-6
    for layer in list(project.mapLayers().values()):  # the run's layers removed: no marker left on a pixel
        project.removeMapLayer(layer)
    QTest.keyClick(canvas, Qt.Key_Return)
    assert dock.header.text().startswith("No CAIM result")
    assert not [i for i in canvas.scene().items() if isinstance(i, QgsVertexMarker)]
    QTest.keyClick(canvas, Qt.Key_Return)
    canvas.unsetMapTool(tool)
    assert not [i for i in canvas.scene().items() if isinstance(i, QgsVertexMarker)]
    dock.shutdown()  # (its tool, activated, began reading the run's files)
    dock.deleteLater()


def test_the_interval_reads_german_in_a_german_inspector(qgis_app, finished_run):
    """The interval's dates in a sentence: 'geändert zwischen 2020-05-01 und 2021-05-01', not '... and ...'
    (the interval's name stays the engine's, its ' to ' became an English ' and ')."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from caim_qgis_plugin.inspect_tool import inspect_pixel

    translator = install_translator("de_DE")
    assert translator is not None
    try:
        moments = read(finished_run["results"]["MOMENT"])
        row, col = [int(v[0]) for v in (moments == 2).nonzero()]
        data = inspect_pixel(run_info(finished_run), centre(row, col), QgsCoordinateReferenceSystem("EPSG:32614"))
    finally:
        remove_translator(translator)
    assert data["moment_text"] == "geändert zwischen 2020-05-01 und 2021-05-01", data["moment_text"]


def test_the_chart_spaces_dates_by_the_time_between_them(qgis_app):
    """The chart stood its dates evenly spaced whatever they were: a change dated between July 2019 and
    January 2021 was shaded over the right half of a chart whose first interval was six months.  Dates now
    stand where they fall in time (an interval far shorter than the others at a fifth of the average, so it
    stays visible); unknown, repeated or unordered dates are spaced evenly as before."""
    from qgis.PyQt.QtGui import QColor, QPalette

    from caim_qgis_plugin.inspect_tool import SeriesPlot, date_positions

    where = date_positions(["2019-01-01", "2019-07-01", "2021-01-01"])
    assert where[0] == 0.0 and where[-1] == 1.0 and abs(where[1] - 181 / 731.0) < 1e-6  # 181 of 731 days
    assert date_positions(["2019", "2020", "2022"])[1] == pytest.approx(1 / 3.0, abs=0.01)
    assert date_positions(["2019-06", "2019-07", "2019-08"]) == pytest.approx([0, 0.5, 1], abs=0.01)
    short = date_positions(["1985-07-01", "2020-01-01", "2020-02-01", "2020-03-01"])
    assert short == sorted(short) and short[2] - short[1] > 0.05  # a month beside 35 years: still drawn apart
    for unknown in (["2019-01-01", None, "2021"], ["2020", "2020", "2021"], ["2021", "2020", "2022"],
                    ["x", "2020", "2021"]):
        assert date_positions(unknown) == [0.0, 0.5, 1.0], unknown

    plot = SeriesPlot()
    plot.setPalette(QPalette(QColor("#efefef"), QColor("#ffffff")))
    plot.resize(400, 220)
    plot.set_data({"series": [[10.0, 20.0]] * 3, "dates": ["2019-01-01", "2019-07-01", "2021-01-01"],
                   "moment": 2, "band_names": ["Red", "Green"], "clouded": []})
    image = plot.grab().toImage()
    base = plot.palette().base().color()
    left, width, y = 44, 400 - 44 - 10, 70  # the plot's frame (SeriesPlot.paintEvent), between the two lines

    def shaded(fraction):
        colour = image.pixelColor(int(left + width * fraction), y)
        return colour != base and colour.red() > colour.green()

    assert shaded(0.35) and shaded(0.9)  # the detected interval, July 2019 to January 2021: most of the axis
    assert not shaded(0.2)  # the six months before it


def test_the_inspector_shows_the_imagery_of_every_date_with_the_detected_change_framed(qgis_app, finished_run):
    """The inspector showed a clicked pixel's band values only; it now shows each date's image chip around
    it (as the labelling panel does for sample points), the two dates of the detected change framed, none
    framed with the map's answer hidden, and false colour on request (NIR, red, green)."""
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import QSettings

    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    QSettings().remove("caim/inspect_false_colour")
    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    dock = InspectDock()
    try:
        assert dock.chips.chips == []  # before a click: a prompt
        data = inspect_pixel(info, centre(20, 20), crs)
        assert data["moment"] == 2  # the bright square appears at the third date
        dock.show_result(data, centre(20, 20), info, crs)
        chips = dock.chips.chips
        assert [title for title, _, _ in chips] == finished_run["dates"]
        assert all(image is not None and image.width() == 31 for _, image, _ in chips)
        assert dock.chips.marked == {1, 2}  # 2020-05-01 and 2021-05-01, the detected interval's dates
        before, after = chips[1][1].pixelColor(15, 15), chips[2][1].pixelColor(15, 15)
        assert after.lightness() > before.lightness() + 40  # the square is bright in the later chip
        assert "bands 1, 2, 3 as red, green, blue" in dock.chips.toolTip()
        dock.blind.setChecked(True)
        assert dock.chips.marked == set() and len(dock.chips.chips) == 3  # the imagery stays, the answer goes
        dock.blind.setChecked(False)
        dock.false_colour.setChecked(True)
        assert "bands 4, 1, 2 as red, green, blue" in dock.chips.toolTip()
        assert QSettings().value("caim/inspect_false_colour", type=bool)
        far = centre(20, 20)
        far.setX(far.x() + 10 ** 6)
        dock.show_result(inspect_pixel(info, far, crs), far, info, crs)
        assert dock.chips.chips == [] and dock.chips.message == "No imagery here: no date covers this pixel."
    finally:
        QSettings().remove("caim/inspect_false_colour")
        dock.deleteLater()


def test_false_colour_reads_no_stretch_again(qgis_app, finished_run, monkeypatch):
    """Each date's stretch limits were kept per band triple: toggling False colour (NIR, red, green) read
    every date's stretch again (3 s for 30 large dates, under a wait cursor).  They are kept per band and
    the other colour choice's band is read with the first ones, in the same pass: the toggle reads none."""
    from qgis.core import QgsCoordinateReferenceSystem

    import model_core.chips
    from caim_qgis_plugin.chip_view import ChipReader

    asked = []
    original = model_core.chips.stretch_limits

    def counted(path, bands, *args, **kw):
        asked.append((path, list(bands)))
        return original(path, bands, *args, **kw)

    monkeypatch.setattr(model_core.chips, "stretch_limits", counted)
    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    reader = ChipReader()
    assert len(reader.unread(info, False)) == 3 and len(reader.unread(info, True)) == 3
    true_colour, shown = reader.chips(info, centre(20, 20), crs, 31, False, set())
    assert [bands for bands, _ in shown] == [(1, 2, 3)] * 3
    assert asked == [(p, [1, 2, 3, 4]) for p in finished_run["inputs"]]  # once per date, all four bands
    assert reader.unread(info, True) == [] and reader.unread(info, False) == []
    false_colour, shown = reader.chips(info, centre(20, 20), crs, 31, True, set())
    assert [bands for bands, _ in shown] == [(4, 1, 2)] * 3
    reader.chips(info, centre(30, 30), crs, 31, False, set())
    assert len(asked) == 3  # neither the toggle nor the next click read a stretch
    # a band is stretched alike in either triple: band 1 is true colour's red and false colour's green
    for (_, image, _), (_, fc_image, _) in zip(true_colour, false_colour):
        assert image.pixelColor(15, 15).red() == fc_image.pixelColor(15, 15).green()


def test_the_chips_follow_files_written_anew_while_the_panel_is_open(qgis_app, tmp_path):
    """The inspector keeps its chip reader while QGIS runs, and kept each map's grid and each date's stretch by
    file name: the next run into the same folder (another grid) and a scene exported again under its name
    (other values) were drawn on the former map's grid and stretched by the former file's limits (a 16-bit
    scene under 8-bit limits: white).  They are read anew when the file changed."""
    import os

    import numpy as np
    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel
    from caim_qgis_testlib import make_stack, write_raster

    paths = make_stack(str(tmp_path), nodata_block=False)
    moment = write_raster(str(tmp_path / "change_moment.tif"), np.full((64, 64), 2, np.uint8), nodata=255)
    info = {"dates": ["2019-05-01", "2020-05-01", "2021-05-01"], "inputs": [{"path": p} for p in paths],
            "outputs": {"moment": moment}}
    crs = QgsCoordinateReferenceSystem("EPSG:32614")
    dock = InspectDock()

    def chips():
        dock.show_result(inspect_pixel(info, centre(28, 28), crs), centre(28, 28), info, crs)
        return [image for _, image, _ in dock.chips.chips]

    def bright(image):  # the chip's pixels of the bright square (230 in bands 1-3 of the last date)
        return sum(image.pixelColor(x, y).lightness() > 200 for x in range(31) for y in range(31))

    try:
        before = bright(chips()[2])
        assert before == 24 * 24  # 5 m pixels: the whole square (rows and columns 16 to 39) is in the chip
        # the next run into the same folder, on a 10 m grid
        write_raster(moment, np.full((32, 32), 2, np.uint8), nodata=255,
                     gt=(500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0))
        os.utime(moment, (1, 1))
        assert bright(chips()[2]) == 12 * 12  # the square on the map's grid of 10 m pixels
        # the first date exported again under its name, in 16 bits (its values x 100)
        values = gdal.Open(paths[0]).ReadAsArray().astype(np.uint16) * 100
        write_raster(paths[0], values, nodata=0)
        os.utime(paths[0], (1, 1))
        first = chips()[0]
        assert bright(first) < 31 * 31 // 4, bright(first)  # stretched by its own limits, not white
    finally:
        dock.deleteLater()


def test_the_chart_and_the_chips_read_in_qgis_night_mapping_theme(qgis_app, finished_run):
    """QGIS's own dark theme (Night Mapping) colours labels by its style sheet (#aaa) and leaves the palette's
    text roles dark (Text #111111, WindowText #535353) and its backgrounds transparent over the panel's
    #323232: the chart's dates and values and the chips' dates, drawn in the palette's colours, were dark
    grey on dark grey (a desktop screenshot).  They are drawn in the theme's label colour now; the default
    theme keeps its dark text."""
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import QPoint
    from qgis.PyQt.QtGui import QFont, QFontMetrics
    from qgis.PyQt.QtWidgets import QApplication

    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    if "Night Mapping" not in QgsApplication.uiThemes():
        pytest.skip("QGIS's Night Mapping theme is not installed")
    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")

    def text_tones():  # (lightest, darkest) pixel of the chart's date labels and of the chips' date titles
        dock = InspectDock()
        try:
            dock.show_result(inspect_pixel(info, centre(20, 20), crs), centre(20, 20), info, crs)
            # all of it in view, on the panel's own background; wide enough for the band names on one line
            # under the dates (the rows measured below)
            dock.resize(600, 1400)
            dock.show()
            qgis_app.processEvents()
            image = dock.grab().toImage()

            def tones(widget, x1, y0, y1):
                at = widget.mapTo(dock, QPoint(0, 0))
                return [image.pixelColor(at.x() + x, at.y() + y).lightness() for x in range(x1) for y in range(y0, y1)]

            small = QFont(dock.plot.font())  # the chart's labels' font (SeriesPlot.paintEvent)
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
            line, height = QFontMetrics(small).height(), dock.plot.height()
            axis = tones(dock.plot, dock.plot.width(), height - 2 * line - 2, height - line - 8)  # the dates
            # under the axis (its points end 4 px below it)
            titles = tones(dock.chips, 70, 0, 14)
            return (max(axis), min(axis)), (max(titles), min(titles))
        finally:
            dock.hide()
            dock.deleteLater()

    app = QgsApplication.instance()
    palette, sheet = QApplication.palette(), app.styleSheet()
    try:
        app.setUITheme("Night Mapping")
        night = text_tones()
        assert all(light > 150 for light, _ in night), night  # #aaa (170); #535353 and #111111 were 83, 17
    finally:
        app.setStyleSheet(sheet)
        QApplication.setPalette(palette)
    default = text_tones()
    assert all(dark < 60 for _, dark in default), default  # the default theme: its dark text


def test_the_charts_lowest_value_stands_above_the_date_labels(qgis_app):
    """The lowest value was centred on the axis, reaching into the row of the date labels under it, where
    the first date's label (centred on the left edge) ran into it."""
    from qgis.PyQt.QtCore import QRectF

    from caim_qgis_plugin.inspect_tool import value_label_rects

    plot, line = QRectF(44, 10, 300, 150), 14
    top, bottom = value_label_rects(plot, 44, line)
    assert bottom.bottom() <= plot.bottom() < plot.bottom() + 3  # the date labels start 3 px under the axis
    assert bottom.right() <= 44 and top.bottom() <= bottom.top()


def test_the_chips_note_names_a_grey_band_as_grey(qgis_app):
    """One- and two-band files show their first band in grey: the note said 'bands 1, 1, 1 as red, green,
    blue'."""
    from caim_qgis_plugin.chip_view import bands_note

    assert bands_note([((1, 1, 1), False)]) == "<small>Chips: band 1 in grey.</small>"
    assert bands_note([((3, 2, 1), False)]) == "<small>Chips: bands 3, 2, 1 as red, green, blue.</small>"


def test_a_date_whose_file_cannot_be_read_is_no_error(qgis_app, finished_run, tmp_path):
    """A date given as a VRT whose raster is gone (split into a folder of one's own, the raster moved since):
    GDAL opens the VRT and fails on reading it, and the click raised that error (a Python error in QGIS, no
    panel) instead of showing the pixel without that date's values."""
    import os
    import shutil

    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    from caim_qgis_plugin.inspect_tool import inspect_pixel

    raster = shutil.copy(finished_run["inputs"][0], str(tmp_path / "export.tif"))
    os.makedirs(str(tmp_path / "dates"))
    vrt = str(tmp_path / "dates" / "export_01.vrt")
    gdal.Translate(vrt, raster, format="VRT")
    os.remove(raster)
    res = finished_run["results"]
    info = {"dates": finished_run["dates"], "outputs": {"moment": res["MOMENT"], "area": res["AREA"]},
            "inputs": [{"path": vrt}] + [{"path": p} for p in finished_run["inputs"][1:]]}
    data = inspect_pixel(info, QgsPointXY(500000.0 + 5.0 * 20.5, 5200000.0 - 5.0 * 20.5),
                         QgsCoordinateReferenceSystem("EPSG:32614"))
    assert data["series"][0] is None and all(v is not None for v in data["series"][1:])
    assert data["moment"] == 2


def test_the_inspector_leaves_the_map_room_on_a_laptop_screen(qgis_app):
    """Docked beside the map on a 1280 x 800 screen the panel could not be narrower than its check box 'Hide
    the map's answer (to label sample points without bias)' on one line: 449 px of the desktop (466 in
    German), 569 px here, and the map got 535 px.  The text now wraps; the chart keeps room for three dates.
    English and German; a click on the text ticks the box, as on a check box's own text."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QFontMetrics
    from qgis.PyQt.QtTest import QTest

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.i18n import install_translator, remove_translator
    from caim_qgis_plugin.inspect_tool import InspectDock

    for language in ("en", "de"):
        translator = install_translator(language) if language == "de" else None
        dock = InspectDock()
        try:
            dock.show()
            qgis_app.processEvents()
            width = dock.minimumSizeHint().width()
            assert width <= 440, (language, width)
            dock.resize(width, 630)  # as on a 1280 x 800 screen: the panel scrolls
            dates = ["2018-06-22", "2018-12-22", "2019-05-30"]
            dock.show_result({"dates": dates, "intervals": lyr.interval_labels(dates),  # 'bis' in German
                              "moment": 2, "moment_text": "changed", "change_probability": [0.1, 0.9],
                              "no_change_probability": 0.05, "series": [[1.0], [2.0], [3.0]], "band_names": ["Band 1"]})
            qgis_app.processEvents()
            # at the narrowest the intervals' dates are whole (they were cut to '2018-06-22 to ...' when it opened)
            header, table = dock.table.horizontalHeader(), dock.table
            for row in (0, 1):  # the detected interval's in bold
                item = table.item(row, 0)
                assert header.sectionSize(0) >= QFontMetrics(item.font()).horizontalAdvance(item.text()) + 8, row
            assert table.item(1, 0).font().bold()
            assert header.sectionSize(1) >= header.sectionSizeHint(1)
            label = dock.blind_label
            assert "(" in label.text() and label.heightForWidth(label.width()) > label.fontMetrics().height()  # wrapped
            assert label.height() >= label.heightForWidth(label.width())  # ... and whole
            assert dock.plot.width() >= dock.plot.minimumSizeHint().width() > 200
            assert dock.blind.accessibleName() == label.text()
            QTest.mouseClick(label, Qt.LeftButton)
            assert dock.blind.isChecked()
            QTest.mouseClick(label, Qt.LeftButton)
            assert not dock.blind.isChecked()
        finally:
            dock.close()
            dock.deleteLater()
            remove_translator(translator)


def test_the_detected_interval_s_row_is_in_view(qgis_app):
    """The table shows about three rows in a panel on a 1280 x 800 screen: a change in the fifth of five
    intervals had its bold row below them, out of sight until the table was scrolled."""
    from caim_qgis_plugin.inspect_tool import InspectDock

    dates = ["2018-06-22", "2018-12-22", "2019-05-30", "2019-12-02", "2020-05-21", "2020-11-20", "2021-05-01"]
    intervals = ["%s to %s" % pair for pair in zip(dates, dates[1:])]
    dock = InspectDock()
    try:
        dock.show()
        dock.table.setFixedHeight(90)  # its header and about three rows, as on the desktop
        for moment in (5, 1, 6):
            dock.show_result({"dates": dates, "intervals": intervals, "moment": moment, "moment_text": "changed",
                              "change_probability": [0.1] * 6, "no_change_probability": 0.05,
                              "series": [[1.0]] * 7, "band_names": ["Band 1"]})
            qgis_app.processEvents()
            table = dock.table
            assert table.verticalScrollBar().maximum() > 0  # not every row fits
            rect = table.visualItemRect(table.item(moment - 1, 0))
            assert rect.top() >= 0 and rect.bottom() <= table.viewport().height(), (moment, rect)
        # the table made shorter after the click (the panel laid out anew for the new rows, as on the desktop,
        # where the bold row was left half cut off): the row stays in view
        dock.table.setFixedHeight(70)
        qgis_app.processEvents()
        rect = dock.table.visualItemRect(dock.table.item(5, 0))
        assert rect.top() >= 0 and rect.bottom() <= dock.table.viewport().height(), rect
    finally:
        dock.close()
        dock.deleteLater()


def test_every_row_of_chips_is_in_view_by_the_panel_s_own_scroll_bar(qgis_app):
    """On a 1280 x 800 screen the chips sat in a scroll area of their own, one row high, inside the panel's:
    the sixth date of six was reached by scrolling the panel and then the chips.  The chips are now part of
    the panel, on as many rows as its width needs: scrolled to, each row is in view; in a tall panel, all."""
    from qgis.PyQt.QtGui import QImage

    from caim_qgis_plugin.inspect_tool import InspectDock

    image = QImage(31, 31, QImage.Format.Format_RGB888)
    image.fill(0x336633)
    dock = InspectDock()
    try:
        dock.show()
        dock.resize(dock.minimumSizeHint().width(), 630)  # the desktop's panel on a 1280 x 800 screen
        dock.chips.set_chips([("2018-06-%02d" % (i + 1), image, False) for i in range(6)], 31, (4, 5))
        qgis_app.processEvents()
        strip, panel = dock.chips, dock.widget()
        rows = strip.heightForWidth(strip.width()) // (strip.side() + strip.TITLE + strip.GAP)
        assert rows >= 2 and strip.height() >= strip.heightForWidth(strip.width())
        panel.ensureWidgetVisible(strip, 0, 0)
        qgis_app.processEvents()
        assert strip.visibleRegion().boundingRect().height() == strip.height()  # every row, not one
        dock.resize(dock.width(), 1400)  # tall: all of it without scrolling
        qgis_app.processEvents()
        panel.verticalScrollBar().setValue(0)
        qgis_app.processEvents()
        assert strip.visibleRegion().boundingRect().height() == strip.height()
    finally:
        dock.close()
        dock.deleteLater()


def test_the_chips_are_in_view_in_a_laptop_screen_s_panel_without_scrolling(qgis_app):
    """On a 1280 x 800 screen (the panel 630 px tall at its narrowest) the chart stood above the chips and
    pushed them below the fold: the imagery of the clicked pixel needed a scroll.  The chips now come first, as
    in the labelling panel: a row of them is in view as the panel opens."""
    from qgis.PyQt.QtGui import QImage

    from caim_qgis_plugin.inspect_tool import InspectDock

    image = QImage(31, 31, QImage.Format.Format_RGB888)
    image.fill(0x336633)
    dock = InspectDock()
    try:
        dock.show()
        dock.resize(dock.minimumSizeHint().width(), 630)
        dock.chips.set_chips([("2018-06-%02d" % (i + 1), image, False) for i in range(6)], 31, (4, 5))
        dock.widget().verticalScrollBar().setValue(0)
        qgis_app.processEvents()
        strip = dock.chips
        assert strip.visibleRegion().boundingRect().height() >= strip.side() + strip.TITLE
        assert strip.y() < dock.plot.y()
    finally:
        dock.close()
        dock.deleteLater()


def test_the_interval_table_is_as_tall_as_its_rows(qgis_app):
    """The table asked for 192 px whatever its rows: a two-interval run's was two thirds blank, and on a
    1280 x 800 screen the panel was taller than its room (the image chips below the fold).  A tall panel
    shows every row of a longer series."""
    from caim_qgis_plugin.inspect_tool import InspectDock

    dock = InspectDock()
    try:
        dock.show()
        dock.resize(dock.minimumSizeHint().width(), 1400)
        for n in (2, 6):
            dates = ["20%02d-01-01" % (10 + i) for i in range(n + 1)]
            dock.show_result({"dates": dates, "intervals": ["%s to %s" % p for p in zip(dates, dates[1:])],
                              "moment": 1, "moment_text": "changed", "change_probability": [0.5] * n,
                              "no_change_probability": 0.05, "series": [[1.0]] * (n + 1), "band_names": ["Band 1"]})
            qgis_app.processEvents()
            table = dock.table
            rows = sum(table.rowHeight(r) for r in range(n))
            assert table.verticalScrollBar().maximum() == 0, n  # every row in view
            blank = table.viewport().height() - rows
            assert blank <= 2 or table.height() <= table.minimumSizeHint().height(), (n, blank)
    finally:
        dock.close()
        dock.deleteLater()


def test_a_panel_grows_with_what_is_added_to_it_once_shown(qgis_app):
    """The labelling panel makes its class buttons once it has a sample: seven classes in two columns were
    about 440 px wide, but the panel kept the minimum width it had before them (359 px), so docked under
    a narrower pixel inspector its right side was cut off ('31 x', 'Next u', half a chip).  A panel's size
    hints follow its contents."""
    from qgis.PyQt.QtWidgets import QMainWindow, QDockWidget, QPushButton, QVBoxLayout, QWidget
    from qgis.PyQt.QtCore import Qt

    from caim_qgis_plugin.inspect_tool import PanelScroll

    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.resize(1280, 800)
    body = QWidget()
    QVBoxLayout(body).addWidget(QPushButton("narrow"))
    dock = QDockWidget("panel")
    dock.setWidget(PanelScroll(body))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    try:
        window.show()
        qgis_app.processEvents()
        before = dock.minimumSizeHint().width()
        wide = QPushButton("a class button whose text is much wider than the panel was " * 2)
        body.layout().addWidget(wide)
        for _ in range(3):
            qgis_app.processEvents()
        assert dock.minimumSizeHint().width() >= wide.minimumSizeHint().width() > before
        assert dock.widget().viewport().width() >= wide.width()  # nothing cut off
    finally:
        window.hide()
        window.deleteLater()


def test_a_later_click_reads_no_file_s_projection_or_band_roles_again(qgis_app, finished_run, tmp_path, monkeypatch):
    """Every click read each file's projection (some 3 ms a GeoTIFF: GDAL builds it from the file's keys) and its
    band roles again: 0.15-0.3 s of a 30-date run on the main thread.  They are read once per file state: a later
    click reads none (same values), a file written anew is read anew."""
    import shutil
    import threading

    import numpy as np
    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    import model_core.bandmap
    from caim_qgis_plugin import inspect_tool
    from caim_qgis_plugin.inspect_tool import inspect_pixel

    from caim_qgis_testlib import projections_read, write_raster

    # (no thread of an earlier test's panel reads files into them meanwhile)
    assert wait_for(lambda: not [t for t in threading.enumerate() if t.name == "caim-chips" and t.is_alive()], 30)
    monkeypatch.setattr(inspect_tool, "_PIXEL_FILES", {}, raising=False)  # (known from other tests)
    monkeypatch.setattr(inspect_tool, "_BAND_MAPPINGS", {}, raising=False)
    roles, infer = [], model_core.bandmap.infer_rgbn_path
    monkeypatch.setattr(model_core.bandmap, "infer_rgbn_path", lambda path: (roles.append(path), infer(path))[1])
    info = run_info(finished_run)
    copies = [shutil.copy(p, str(tmp_path / ("d%d.tif" % i))) for i, p in enumerate(finished_run["inputs"])]
    info["inputs"] = [{"path": p} for p in copies]
    crs = QgsCoordinateReferenceSystem("EPSG:32614")
    with projections_read() as projections:
        first = inspect_pixel(info, centre(20, 20), crs)
        assert len(projections) == 6 and len(roles) == 3  # 3 outputs, 3 dates (a network's run: their roles)
        del projections[:], roles[:]
        again = inspect_pixel(info, centre(20, 20), crs)
        other = inspect_pixel(info, centre(50, 8), crs)
        assert projections == [] and roles == []
    assert again == first
    for row, col, data in ((20, 20, again), (50, 8, other)):
        assert data["series"] == [[float(v) for v in gdal.Open(p).ReadAsArray()[:, row, col]] for p in copies]
    # a date written anew (10 m pixels, another value): read anew
    write_raster(copies[1], np.full((4, 32, 32), 77, np.uint16),
                 gt=(500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0))
    with projections_read() as projections:
        anew = inspect_pixel(info, centre(20, 20), crs)
    assert projections == [copies[1]] and roles == [copies[1]]
    assert anew["series"][1] == [77.0] * 4 and anew["series"][0] == first["series"][0]


def test_band_roles_known_are_read_in_one_look(qgis_app, finished_run, monkeypatch):
    """The chips' thread fills the band roles' cache too (and clears it at _CACHED_FILES files): the click's
    test for a file's key and its read of it were two looks, and a clear between them was a KeyError on QGIS's
    main thread."""
    from caim_qgis_plugin import inputs as inp
    from caim_qgis_plugin import inspect_tool

    path = finished_run["inputs"][0]

    class ClearedBetween(dict):
        def __contains__(self, key):  # the thread's clear, just after the test
            found = dict.__contains__(self, key)
            self.clear()
            return found

    cache = ClearedBetween({inp.file_state(path): (1, 2, 3, 4)})
    monkeypatch.setattr(inspect_tool, "_BAND_MAPPINGS", cache)
    assert inspect_tool._metadata_bands(path) == [1, 2, 3, 4]


def test_a_run_s_geotiff_added_by_hand_is_a_run(qgis_app, finished_run, project):
    """A run's change_moment.tif added to a project by hand (a command-line run, a project whose run group was
    removed) carries no layer properties: the labelling panel said 'No CAIM run in the project…', the pixel
    inspector found no run, and the detect dialog listed it as an input date.  Its file's CAIM_* metadata now
    makes it a run wherever the plugin looks for one: its dates, model, outputs beside it, and inputs (found
    where the run was written beside them, or as the project's layers)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRasterLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.dialog import CaimDialog
    from caim_qgis_plugin.inspect_tool import find_run_layer, inspect_pixel
    from caim_qgis_plugin.label_dock import run_layers

    res = finished_run["results"]
    by_hand = QgsRasterLayer(res["MOMENT"], "change_moment", "gdal")
    project.addMapLayer(by_hand)
    first = QgsRasterLayer(finished_run["inputs"][0], "first date", "gdal")
    project.addMapLayer(first)
    assert not by_hand.customProperty(lyr.RUN_PROPERTY) and lyr.kind_of(by_hand) == lyr.MOMENT
    assert lyr.kind_of(first) is None and lyr.run_info_of(first) is None
    info = lyr.run_info_of(by_hand)
    assert info["dates"] == finished_run["dates"] and info["model"]
    assert [e["path"] for e in info["inputs"]] == finished_run["inputs"]
    assert [e.get("date") for e in info["inputs"]] == finished_run["dates"]
    assert info["outputs"] == {"moment": res["MOMENT"], "area": res["AREA"], "confidence": res["CONFIDENCE"],
                               "probabilities": res["PROBABILITIES"], "polygons": res["POLYGONS"]}
    assert run_layers(project) == [by_hand]  # the labelling panel's runs
    assert find_run_layer(None) is by_hand  # the pixel inspector's
    data = inspect_pixel(info, centre(20, 20), QgsCoordinateReferenceSystem("EPSG:32614"))
    assert data["moment"] == int(read(res["MOMENT"])[20, 20]) and len(data["series"]) == 3
    assert data["change_probability"] is not None
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()  # an output, not a date to detect changes in
        assert [i.text(0) for i in dialog._items()] == ["first date"]
    finally:
        dialog.shutdown()
        dialog.deleteLater()


def test_a_run_added_by_hand_finds_its_dates_by_the_paths_the_engine_recorded(qgis_app, finished_run, project,
                                                                             tmp_path):
    """A command-line run's change_moment.tif added by hand found its dates by file NAME only (a project layer of
    that name, or the output's folder and the two above it): dates kept elsewhere (imagery/, the run in
    results/run1/) were not found, and the pixel inspector had no values.  The engine now records the inputs' and
    masks' paths (CAIM_INPUT_PATHS, CAIM_MASK_PATHS) and the output's folder (CAIM_OUTPUT_FOLDER): the dates are
    found by them, and after the whole folder moved, at the same place relative to the output (before a copy left
    at the old place); a run of an earlier version (no paths) is still found by name."""
    import json
    import os
    import shutil

    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem, QgsRasterLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from model_core.predict import detect

    base = tmp_path / "project"
    (base / "imagery" / "2019").mkdir(parents=True)
    dates = [shutil.copy(p, str(base / "imagery" / "2019" / ("scene_%d.tif" % i)))
             for i, p in enumerate(finished_run["inputs"])]
    mask = str(base / "imagery" / "cloud_mask.tif")
    gdal.Translate(mask, finished_run["inputs"][0], bandList=[1])
    out = base / "results" / "run1"
    detect(dates, str(out), dates=finished_run["dates"], model="cva", device="cpu", masks=[mask, None, None],
           mask_clear="0-255")
    moment = str(out / "change_moment.tif")
    meta = gdal.Open(moment).GetMetadata()
    assert json.loads(meta["CAIM_INPUT_PATHS"]) == dates and json.loads(meta["CAIM_MASK_PATHS"]) == [mask, "", ""]
    assert meta["CAIM_OUTPUT_FOLDER"] == str(out) and meta["CAIM_INPUTS"] == "scene_0.tif;scene_1.tif;scene_2.tif"

    def added(path):
        project.removeAllMapLayers()
        layer = QgsRasterLayer(path, "change_moment", "gdal")
        project.addMapLayer(layer)
        return lyr.run_info_of(layer)

    info = added(moment)
    assert [e["path"] for e in info["inputs"]] == dates and info["inputs"][0]["mask"] == mask
    data = inspect_pixel(info, centre(20, 20), QgsCoordinateReferenceSystem("EPSG:32614"))
    assert all(data["series"]) and not data["missing"]
    # the whole folder moved, a copy left at the old place: the moved dates, beside the moved run
    moved = tmp_path / "elsewhere" / "project"
    shutil.copytree(str(base), str(moved))
    info = added(str(moved / "results" / "run1" / "change_moment.tif"))
    assert [e["path"] for e in info["inputs"]] == [str(moved / "imagery" / "2019" / os.path.basename(p))
                                                  for p in dates]
    assert info["inputs"][0]["mask"] == str(moved / "imagery" / "cloud_mask.tif")
    shutil.rmtree(str(base))
    info = added(str(moved / "results" / "run1" / "change_moment.tif"))
    assert all(os.path.isfile(e["path"]) for e in info["inputs"])
    # the run moved alone: the dates where the run read them
    shutil.copytree(str(moved), str(base))
    alone = tmp_path / "copy_of_run"
    shutil.copytree(str(out), str(alone))
    shutil.rmtree(str(moved))
    assert [e["path"] for e in added(str(alone / "change_moment.tif"))["inputs"]] == dates
    # an earlier version's run (file names only): by name, as before (here: the project's layers of those names)
    ds = gdal.Open(str(alone / "change_moment.tif"), gdal.GA_Update)
    ds.SetMetadata({k: v for k, v in ds.GetMetadata().items()
                    if k not in ("CAIM_INPUT_PATHS", "CAIM_MASK_PATHS", "CAIM_OUTPUT_FOLDER")})
    ds = None
    project.removeAllMapLayers()
    for path in dates:
        project.addMapLayer(QgsRasterLayer(path, os.path.basename(path), "gdal"))
    layer = QgsRasterLayer(str(alone / "change_moment.tif"), "change_moment", "gdal")
    project.addMapLayer(layer)
    assert [e["path"] for e in lyr.run_info_of(layer)["inputs"]] == dates


def _six_date_copy(finished_run, tmp_path):
    """A run of six dates (read in PixelLoader's thread: more than chip_view.SYNC_DATES) on copies of the finished
    run's files in ``tmp_path``: its record."""
    import shutil

    res = finished_run["results"]
    inputs = [shutil.copy(finished_run["inputs"][k % 3], str(tmp_path / ("date_%d.tif" % k))) for k in range(6)]
    moment = shutil.copy(res["MOMENT"], str(tmp_path / "change_moment.tif"))
    return {"dates": ["2019-05-0%d" % (k + 1) for k in range(6)], "outputs": {"moment": moment},
            "inputs": [{"path": p} for p in inputs], "model": "cva"}


def _read_in_the_panel(info):
    """The pixel inspector's panel on a pixel of the run ``info``, read in PixelLoader's thread: the panel, once read."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import InspectDock, pixel_at_once

    assert not pixel_at_once(info)
    dock = InspectDock()
    dock.resize(360, 600)
    dock.inspect(info, centre(20, 20), QgsCoordinateReferenceSystem("EPSG:32614"))
    assert wait_for(lambda: not dock.pixels.reading(), 30)
    return dock


def test_the_run_s_files_damaged_or_removed_after_the_run_are_said_in_the_panel(qgis_app, finished_run, tmp_path):
    """Files of a run removed, or damaged (cut short), after the run, read in PixelLoader's thread: the removed one
    is said as not found (as before), the damaged ones were not said at all (a date without values, a change moment
    shown as 'outside the result' or read from a cut file); now named, with what to do."""
    import os

    info = _six_date_copy(finished_run, tmp_path)
    removed, damaged = info["inputs"][1]["path"], info["inputs"][4]["path"]
    os.remove(removed)
    for path in (damaged, info["outputs"]["moment"]):
        with open(path, "r+b") as f:  # (its header cut: GDAL cannot open it)
            f.truncate(300)
    dock = _read_in_the_panel(info)
    try:
        header = dock.header.text()
        assert "Change moment:</b> not known: the change moment file cannot be read" in header, header
        assert "Files of this run that cannot be read: %s (" % info["outputs"]["moment"] in header
        # GDAL's own reason, which GDAL 3.13 begins with the file's name ("date_4.tif: TIFF..."), GDAL 3.6 does not
        reason = header.split("; %s (" % damaged, 1)[-1]
        assert "; %s (" % damaged in header and reason.split(")")[0].split(": ", 1)[-1].startswith("TIFF"), header
        assert "Copy them again from where they came from" in header
        assert "Files of this run not found (moved or deleted since the run?): %s." % removed in header
        assert dock.last["series"][1] is None and dock.last["series"][4] is None and dock.last["series"][0]
    finally:
        dock.shutdown()


def test_a_read_that_fails_in_the_thread_is_said_in_the_panel_not_raised(qgis_app, finished_run, tmp_path,
                                                                          monkeypatch):
    """An error in PixelLoader's thread no file check foresaw (here a permission error, which this test's root user
    cannot meet for real, on the mask of a date whose file was removed after the run) was raised again in QGIS's
    timer: a Python error in QGIS and the panel left on 'reading…' for good.  Now the panel says the pixel could
    not be read, from which run's files, and what to do; nothing is raised."""
    import os
    import sys

    from caim_qgis_plugin import inspect_tool

    info = _six_date_copy(finished_run, tmp_path)
    os.remove(info["inputs"][2]["path"])

    def no_permission(run_info, *args, **kwargs):
        raise PermissionError(13, "Permission denied", run_info["inputs"][0]["path"])

    monkeypatch.setattr(inspect_tool, "_mask_hits", no_permission)
    raised = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: raised.append(exc))
    dock = _read_in_the_panel(info)
    try:
        wait_for(lambda: raised, 0.3)  # (QGIS's timer would have raised it by now)
        assert not raised
        assert not dock.last.get("pending") and dock.last["moment_text"] == "not read"
        header = dock.header.text()
        assert ("The pixel could not be read from the run's files in %s ([Errno 13] Permission denied: '%s')"
                % (tmp_path, info["inputs"][0]["path"])) in header, header
        assert "then click again; or run 'Detect changes' again." in header
        assert dock.chips.message == "No imagery: the pixel could not be read (see above)."
    finally:
        dock.shutdown()


def test_probabilities_stored_as_uint16_or_byte_are_read_as_probabilities(qgis_app, tmp_path):
    """A run's Moment probabilities written as uint16 or byte (PROBABILITIES_TYPE) are shown by the inspector as the
    probabilities (the bands' scale applied), within a step of the float32 run's, and their nodata as no value."""
    import os

    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_testlib import make_stack, run_algorithm

    paths = make_stack(str(tmp_path))
    utm = QgsCoordinateReferenceSystem("EPSG:32614")
    seen = {}
    for t in ("float32", "uint16", "byte"):
        out = str(tmp_path / t)
        outputs = {k: os.path.join(out, f) for k, f in (("AREA", "a.tif"), ("MOMENT", "m.tif"),
                                                        ("CONFIDENCE", "c.tif"), ("PROBABILITIES", "p.tif"))}
        results, ok, feedback = run_algorithm(dict(INPUT=paths, DEVICE="CPU", MODEL="cva", PROBABILITIES_TYPE=t,
                                                   **outputs))
        assert ok, feedback.textLog()
        stored = gdal.Open(results["PROBABILITIES"])
        assert gdal.GetDataTypeName(stored.GetRasterBand(1).DataType).lower() == t
        stored = None
        info = {"dates": ["2019-05-01", "2020-05-01", "2021-05-01"], "inputs": [{"path": p} for p in paths],
                "outputs": {"moment": results["MOMENT"], "confidence": results["CONFIDENCE"],
                            "probabilities": results["PROBABILITIES"]}}
        seen[t] = [inspect_pixel(info, centre(row, col), utm) for row, col in ((20, 20), (50, 8), (2, 2))]
    for t, top in (("uint16", 65534), ("byte", 254)):
        for data, ref in zip(seen[t][:2], seen["float32"][:2]):
            assert data["moment"] == ref["moment"]
            assert data["no_change_probability"] == pytest.approx(ref["no_change_probability"], abs=1.0 / top)
            assert data["change_probability"] == pytest.approx(ref["change_probability"], abs=1.0 / top)
        assert seen[t][0]["change_probability"][1] > 0.5  # the bright square, changed in the second interval
        corner = seen[t][2]  # the last date's nodata corner
        assert corner["no_change_probability"] is None and corner["moment_text"] == "no data"


def test_a_co_registered_date_is_read_where_the_run_read_it(qgis_app, tmp_path):
    """A run that moved its second date (COREGISTER; offset by +2, -1 px): the inspector reads that date's values and
    cloud mask where the run did (2 px east and 1 px north of the clicked point in its file), and says so; the mask's
    cloud, moved with its date, is where the change maps have nodata.  Read at the clicked point, the series showed
    another pixel's values than those the run compared, and the cloud beside where the maps have it."""
    import os

    import numpy as np
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_testlib import read, run_algorithm, write_raster
    from test_algorithm import shifted_series

    paths = shifted_series(str(tmp_path))
    cloud = np.zeros((96, 96), np.uint8)
    cloud[40:50, 40:50] = 9  # in the second date's own pixels: it moves with that date
    masks = [write_raster(str(tmp_path / "m1.tif"), np.zeros((96, 96), np.uint8)),
             write_raster(str(tmp_path / "m2.tif"), cloud)]
    out = str(tmp_path / "out")
    outputs = {k: os.path.join(out, f) for k, f in (("AREA", "a.tif"), ("MOMENT", "m.tif"), ("CONFIDENCE", "c.tif"))}
    results, ok, feedback = run_algorithm(dict(INPUT=paths, DEVICE="CPU", MODEL="cva", MASKS=masks, COREGISTER=True,
                                               **outputs))
    assert ok, feedback.textLog()
    moment = read(results["MOMENT"])
    info = {"dates": ["2019-05-01", "2020-05-01"], "inputs": [{"path": p, "mask": m} for p, m in zip(paths, masks)],
            "mask_clear": "0", "outputs": {"moment": results["MOMENT"]},
            "coregister": lyr.file_coregister(results["MOMENT"])}
    assert info["coregister"] == [[0, 0], [2, -1]]
    utm = QgsCoordinateReferenceSystem("EPSG:32614")
    pixel = inspect_pixel(info, centre(20, 30), utm)
    assert pixel["series"][1] == pixel["series"][0]  # the same parcel, as the run compared them
    assert pixel["moment_text"] == "no change (co-registered: 2020-05-01 read 2 px east and 1 px north of here)"
    for row in range(38, 53):  # across the moved cloud's edges (grid rows 41-50, columns 38-47)
        for col in (36, 37, 38, 47, 48):
            clouded = inspect_pixel(info, centre(row, col), utm)["clouded"]
            assert (clouded == [1]) == (moment[row, col] == 255), (row, col, clouded, moment[row, col])
    assert (moment[41:51, 38:48] == 255).all()
    unmoved = inspect_pixel(dict(info, coregister=None), centre(20, 30), utm)
    assert unmoved["series"][1] != unmoved["series"][0] and "co-registered" not in unmoved["moment_text"]


def test_a_co_registered_date_s_chip_is_cut_where_the_run_read_it(qgis_app, tmp_path):
    """The chips of a run that moved its second date (COREGISTER; offset by +2, -1 px): that date's chip is cut where
    the run read it, 2 px east and 1 px north of the clicked pixel in its file, as the inspector reads its values; it
    equals the first date's chip (the scene did not change), and the chips' note says where it was cut.  Cut around
    the clicked point, the moved date's chip was offset against the others by its 2 and 1 px."""
    import os

    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import QSettings

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.chip_view import ChipReader, bands_note
    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel
    from caim_qgis_testlib import run_algorithm
    from test_algorithm import shifted_series

    QSettings().remove("caim/inspect_false_colour")
    paths = shifted_series(str(tmp_path))
    out = str(tmp_path / "out")
    outputs = {k: os.path.join(out, f) for k, f in (("AREA", "a.tif"), ("MOMENT", "m.tif"), ("CONFIDENCE", "c.tif"))}
    results, ok, feedback = run_algorithm(dict(INPUT=paths, DEVICE="CPU", MODEL="cva", COREGISTER=True, **outputs))
    assert ok, feedback.textLog()
    info = {"dates": ["2019-05-01", "2020-05-01"], "inputs": [{"path": p} for p in paths],
            "outputs": {"moment": results["MOMENT"]}, "coregister": lyr.file_coregister(results["MOMENT"])}
    assert info["coregister"] == [[0, 0], [2, -1]]
    utm = QgsCoordinateReferenceSystem("EPSG:32614")
    dock = InspectDock()
    try:
        for row, col in ((20, 30), (47, 60)):
            dock.show_result(inspect_pixel(info, centre(row, col), utm), centre(row, col), info, utm)
            chips = dock.chips.chips
            assert [title for title, _, _ in chips] == info["dates"]
            assert chips[0][1].width() == 31 and chips[1][1] == chips[0][1], (row, col)
        note = "Co-registered: the chip of 2020-05-01 is cut 2 px east and 1 px north of the pixel, where the run " \
               "read it."
        assert note in dock.chips.toolTip()
        # the labelling panel's chips (the same reader) and its note
        reader = ChipReader()
        chips, shown = reader.chips(info, centre(20, 30), utm, 15, False, set())
        assert chips[1][1] == chips[0][1] and note in bands_note(shown, info)
        unmoved, shown = reader.chips(dict(info, coregister=None), centre(20, 30), utm, 15, False, set())
        assert unmoved[1][1] != unmoved[0][1] and unmoved[0][1] == chips[0][1]  # the offset the fix removes
        assert "Co-registered" not in bands_note(shown, dict(info, coregister=None))
    finally:
        dock.deleteLater()


@pytest.mark.parametrize("n", [3, 4, 8])
def test_the_interval_table_shows_up_to_four_rows_in_the_panel_as_qgis_opens_it(qgis_app, tmp_path, n):
    """In the desktop (1280 x 800 main window) QGIS gave the panel 327 x 630 px, and the table's share of it
    after the header, the chips and the chart was 2.4 rows: a four-date run's three intervals came with a
    scroll bar and the first row cut under the header (a screenshot of a Pucallpa run).  Up to four rows are
    now shown whole (a real run of n + 1 dates read in the panel, its chips too); a longer series scrolls
    from there, its detected interval kept in view."""
    import os
    import threading

    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import InspectDock
    from caim_qgis_testlib import make_stack, run_algorithm

    dates = tuple("20%02d-05-01" % (10 + i) for i in range(n + 1))
    paths = make_stack(str(tmp_path), dates=dates, nodata_block=False)
    out = str(tmp_path / "out")
    results, ok, feedback = run_algorithm(dict(
        INPUT=paths, DEVICE="CPU", MODEL="cva", AREA=os.path.join(out, "a.tif"), MOMENT=os.path.join(out, "m.tif"),
        CONFIDENCE=os.path.join(out, "c.tif"), PROBABILITIES=os.path.join(out, "p.tif")))
    assert ok, feedback.textLog()
    info = run_info({"inputs": paths, "results": results, "dates": list(dates)})
    dock = InspectDock()
    try:
        dock.resize(327, 630)
        dock.show()
        dock.inspect(info, centre(20, 20), QgsCoordinateReferenceSystem("EPSG:32614"))
        assert wait_for(lambda: not dock.pixels.reading() and not [
            t for t in threading.enumerate() if t.name == "caim-chips" and t.is_alive()], 30)
        for _ in range(3):
            qgis_app.processEvents()
        table = dock.table
        assert table.rowCount() == n and dock._moment_row is not None
        whole = sum(table.rowHeight(r) for r in range(min(n, 4)))
        assert table.viewport().height() >= whole, (n, table.viewport().height(), whole)
        if n <= 4:
            assert table.verticalScrollBar().maximum() == 0, n  # every row in view, none cut
        rect = table.visualItemRect(table.item(dock._moment_row, 0))
        assert rect.top() >= 0 and rect.bottom() <= table.viewport().height(), rect  # the detected interval
    finally:
        dock.close()
        dock.deleteLater()


@pytest.fixture(scope="module")
def two_changes_run(qgis_app, tmp_path_factory):
    """A real run of six dates with two changes: the bright square of make_stack (rows and columns 16..39) from
    the second date on (its pixels changed between the first two dates: the first two chips framed) and another
    (rows and columns 46..59) from the fifth date on (the fourth and fifth chips framed)."""
    import numpy as np
    from osgeo import gdal

    from caim_qgis_testlib import make_stack, run_algorithm

    folder = str(tmp_path_factory.mktemp("two_changes"))
    dates = ["2019-05-01", "2020-05-01", "2021-05-01", "2022-05-01", "2023-05-01", "2024-05-01"]
    paths = make_stack(folder, dates=dates, change_at=1, nodata_block=False)
    for path in paths[4:]:
        ds = gdal.Open(path, gdal.GA_Update)
        for b in range(ds.RasterCount):
            ds.GetRasterBand(b + 1).WriteArray(np.full((14, 14), 230, np.uint8), 46, 46)
        ds = None
    out = str(tmp_path_factory.mktemp("two_changes_out"))
    params = dict(INPUT=paths, DEVICE="CPU", TILE_SIZE=64, AREA=out + "/change_area.tif",
                  MOMENT=out + "/change_moment.tif", CONFIDENCE=out + "/confidence.tif",
                  PROBABILITIES=out + "/moment_probability.tif")
    results, ok, feedback = run_algorithm(params)
    assert ok, feedback.textLog()
    return {"inputs": paths, "results": results, "dates": dates}


def _show_both_changes(dock, info, crs):
    """Show, one after the other, the two changed pixels of ``two_changes_run`` (moments 1 and 4) in the inspector
    ``dock``, each once all six chips are in and the two dates of its change are framed; yields the moment."""
    from caim_qgis_plugin.inspect_tool import inspect_pixel

    strip = dock.chips
    for (row, col), moment in (((20, 20), 1), ((52, 52), 4)):
        data = inspect_pixel(info, centre(row, col), crs)
        assert data["moment"] == moment, data["moment_text"]
        dock.show_result(data, centre(row, col), info, crs)
        assert wait_for(lambda: len(strip.chips) == 6, 30), strip.message
        assert strip.marked == {moment - 1, moment}
        yield moment


def _strip_at_width(qgis_app, dock, strip, width):
    """The inspector ``dock`` resized to ``width`` (tall: the whole panel in view, the strip not scrolled away) and
    its chip ``strip`` grabbed as drawn (a QImage)."""
    from qgis.PyQt.QtCore import QPoint, QRect

    dock.resize(width, 1400)
    _settle(qgis_app, strip)
    dock.widget().verticalScrollBar().setValue(0)
    _settle(qgis_app, strip)
    return dock.grab(QRect(strip.mapTo(dock, QPoint(0, 0)), strip.size())).toImage()


def _settle(qgis_app, widget, passes=20):
    """Process events until ``widget``'s place and size hold for two passes in a row: a resize re-wraps the rows
    of chips, and the strip's height follows a pass later (one pass could leave the first grab half laid out)."""
    last = None
    for _ in range(passes):
        qgis_app.processEvents()
        now = (widget.pos(), widget.size())
        if now == last:
            return
        last = now


def _frame_rows(image):
    """[(top, bottom, left, right, mask)] of the pixels of the chips' frame colour (MARK_COLOR) in ``image``, a row
    of chips each (split where a line of the image holds none: between two rows of chips, their dates' titles):
    their bounds and which pixels of that box have the colour."""
    import numpy as np
    from qgis.PyQt.QtGui import QImage

    from caim_qgis_plugin.chip_view import MARK_COLOR

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    bits = image.constBits()
    bits.setsize(image.bytesPerLine() * image.height())
    rgb = np.frombuffer(bits, np.uint8).reshape(image.height(), image.bytesPerLine())[:, :3 * image.width()]
    rgb = rgb.reshape(image.height(), image.width(), 3)
    mark = np.all(rgb == (MARK_COLOR.red(), MARK_COLOR.green(), MARK_COLOR.blue()), axis=2)
    lines = np.flatnonzero(mark.any(axis=1))
    rows = np.split(lines, np.flatnonzero(np.diff(lines) > 1) + 1) if len(lines) else []
    found = []
    for row in rows:
        columns = np.flatnonzero(mark[row[0]:row[-1] + 1].any(axis=0))
        found.append((int(row[0]), int(row[-1]), int(columns[0]), int(columns[-1]),
                      mark[row[0]:row[-1] + 1, columns[0]:columns[-1] + 1]))
    return found


def test_every_framed_chip_s_frame_is_whole_at_any_panel_width(qgis_app, two_changes_run):
    """The README's screenshot: the first chip (1985), one of the two dates of the detected change, was framed
    without a left edge. The frame was drawn 2 px out of the chip with a 3 px pen, and the first column of chips
    began at the strip's left edge: the frame's left edge fell outside the widget, cut at the panel's edge; a
    last column that ended at the strip's right edge (a strip 81 k - 6 px wide) lost its right edge likewise.  The
    strip keeps the frame's room at its sides (the frame is four 3 px bands right against the chip now): the panel,
    rendered at every width of a whole cycle of columns, shows every framed chip's frame with its four edges, for a
    pixel changed between the first two dates (the first column framed) and one changed between the fourth and
    fifth (the fifth, last column of five)."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.inspect_tool import InspectDock

    info, crs = run_info(two_changes_run), QgsCoordinateReferenceSystem("EPSG:32614")
    dock = InspectDock()
    try:
        dock.show()
        strip = dock.chips
        for moment in _show_both_changes(dock, info, crs):
            side, widths = strip.side(), set()
            narrowest = dock.minimumSizeHint().width()
            for width in range(narrowest, narrowest + side + strip.GAP + 1):
                image = _strip_at_width(qgis_app, dock, strip, width)
                widths.add(strip.width())
                frames = _frame_rows(image)
                columns = strip.columns(strip.width())
                rows = {i // columns for i in strip.marked}
                assert len(frames) == len(rows), (width, strip.width(), frames)
                for top, bottom, left, right, mark in frames:
                    # the first framed chip's left edge and the last one's right edge: a line of the frame colour
                    # the chip's height and more (a cut edge left only the 3 px of the top and bottom edges)
                    where = (width, strip.width(), columns, (top, bottom, left, right))
                    assert bottom - top >= side, where
                    assert mark[:, 0].sum() >= side and mark[:, -1].sum() >= side, where
                    assert mark[0].sum() >= side and mark[-1].sum() >= side, where  # its top and bottom edges
            # a whole cycle of columns: among the strip's widths one as wide as whole columns of chips
            assert max(widths) - min(widths) >= side + strip.GAP, sorted(widths)
    finally:
        dock.loader.shutdown()
        dock.close()
        dock.deleteLater()


def test_two_neighbouring_framed_chips_frames_stay_apart_at_any_panel_width(qgis_app, two_changes_run):
    """The README's screenshot: the two dates of a detected change are mostly neighbours in a row (1985 and 1990),
    and their frames met in the 6 px between the chips: the first chip's right edge and the second one's left
    edge read as one thick line (5 px of the frame colour, no background between).  Rendered at every width of a
    whole cycle of columns, the line through the middle of two neighbouring framed chips crosses their frames'
    edges as separate lines, with at least 2 px of the panel's background between the first frame's right edge
    and the next one's left edge."""
    import numpy as np
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtGui import QImage

    from caim_qgis_plugin.chip_view import MARK_COLOR
    from caim_qgis_plugin.inspect_tool import InspectDock

    info, crs = run_info(two_changes_run), QgsCoordinateReferenceSystem("EPSG:32614")
    mark_rgb = (MARK_COLOR.red(), MARK_COLOR.green(), MARK_COLOR.blue())
    dock = InspectDock()
    try:
        dock.show()
        strip = dock.chips
        colour = strip.palette().window().color()
        background = (colour.red(), colour.green(), colour.blue())
        for moment in _show_both_changes(dock, info, crs):
            side, together = strip.side(), 0
            narrowest = dock.minimumSizeHint().width()
            for width in range(narrowest, narrowest + side + strip.GAP + 1):
                image = _strip_at_width(qgis_app, dock, strip, width)
                columns = strip.columns(strip.width())
                if (moment - 1) // columns != moment // columns:
                    continue  # the two dates in two rows: no frame beside the other
                together += 1
                image = image.convertToFormat(QImage.Format.Format_RGB888)
                bits = image.constBits()
                bits.setsize(image.bytesPerLine() * image.height())
                rgb = np.frombuffer(bits, np.uint8).reshape(image.height(), image.bytesPerLine())
                rgb = rgb[:, :3 * image.width()].reshape(image.height(), image.width(), 3)
                # the line through the middle of the chips of the two dates' row
                y = (moment // columns) * (side + strip.TITLE + strip.GAP) + strip.TITLE + side // 2
                line = rgb[y]
                mark = np.all(line == mark_rgb, axis=1).astype(np.int8)
                edges = np.flatnonzero(np.diff(np.concatenate(([0], mark, [0]))))
                runs = list(zip(edges[::2], edges[1::2]))  # [(first, after last)] of the frame colour's runs
                where = (width, strip.width(), columns, runs)
                assert len(runs) == 4, where  # two frames' left and right edges, none run into another
                between = line[runs[1][1]:runs[2][0]]  # the first frame's right edge to the second one's left
                assert np.all(between == background, axis=1).sum() >= 2, where + (between.tolist(),)
            assert together, "the two dates were never in one row"
    finally:
        dock.loader.shutdown()
        dock.close()
        dock.deleteLater()
