"""caim:changebyzones through QGIS Processing: hectares per zone and interval, the output loaded and styled."""

import pytest

from caim_qgis_testlib import run_processing
from test_zones import HA, _box, _layer_file, _utm_map  # the engine test's map and zones (tests/test_zones.py)

pytestmark = pytest.mark.qgis


def test_change_by_zones_in_processing(project, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt

    moment = _utm_map(tmp_path)
    zones = _layer_file(tmp_path / "zones.gpkg", [("A", _box(0, 0, 20, 20)), ("B", _box(10, 10, 30, 30)),
                                                  ("E", _box(45, 32, 55, 38))])
    out = str(tmp_path / "sub" / "per_zone.gpkg")
    results, ok, fb = run_processing("caim:changebyzones", {"MOMENT": moment, "ZONES": zones, "OUTPUT": out})
    assert ok, fb.textLog()
    assert results["OUTPUT"] == out and "Changed:  2 of 2 mapped zones" in results["SUMMARY"]
    assert "1 zone only over nodata (fid 3)" in fb.textLog()
    layer = QgsVectorLayer(out, "zones", "ogr")
    rows = {f["name"]: f for f in layer.getFeatures()}
    assert rows["A"]["ha_changed"] == pytest.approx(112 * HA, rel=1e-5)
    assert rows["A"]["ha_2020_2021"] == pytest.approx(32 * HA, rel=1e-5)
    assert rows["B"]["pct_changed"] == 10.0
    assert rows["A"]["most_change"] == "2019-06-01 to 2020-06-01" and rows["A"]["last_k"] == 3
    assert rows["E"]["zone_note"] == "no data"

    # a memory layer with unsaved edits and another CRS: counted as it is in QGIS (a copy); the temporary output
    mem = QgsVectorLayer("Polygon?crs=EPSG:3857&field=name:string", "parcels", "memory")
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry, QgsProject

    ct = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:32633"), QgsCoordinateReferenceSystem("EPSG:3857"),
                                QgsProject.instance())
    g = QgsGeometry.fromWkt(_box(10, 10, 30, 30).ExportToWkt())
    g = g.densifyByDistance(5.0)
    g.transform(ct)
    f = QgsFeature(mem.fields())
    f.setAttributes(["B in Web Mercator"])
    f.setGeometry(g)
    mem.dataProvider().addFeatures([f])
    project.addMapLayer(mem)
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:changebyzones")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    results, ok = alg.run({"MOMENT": moment, "ZONES": mem.id(), "OUTPUT": "TEMPORARY_OUTPUT"}, context, feedback)
    assert ok, feedback.textLog()
    assert "reprojected from WGS 84 / Pseudo-Mercator" in results["SUMMARY"]
    (row,) = list(QgsVectorLayer(results["OUTPUT"], "t", "ogr").getFeatures())
    assert row["name"] == "B in Web Mercator" and row["ha_changed"] == pytest.approx(40 * HA, rel=1e-5)
    # loaded as the toolbox loads it: coloured by the changed share
    from caim_qgis_plugin.zones_algorithm import ZonesStyler

    loaded = QgsVectorLayer(out, "loaded", "ogr")
    ZonesStyler().postProcessLayer(loaded, None, None)
    rules = loaded.renderer().rootRule().children()
    assert [r.label() for r in rules][:2] == ["0 %", "0 - 1 %"] and rules[-1].filterExpression() == "ELSE"
    # the change map and imagery under the zones stay in view: the zones at part opacity, unchanged ones unfilled
    # (fills of 78-90 % alpha hid them: the walk's screenshot)
    assert 0.4 <= loaded.opacity() <= 0.7
    assert rules[0].symbol().symbolLayer(0).brushStyle() == Qt.NoBrush

    # an engine error is the task's message; an existing output is replaced (Processing asked)
    results, ok, fb = run_processing("caim:changebyzones", {"MOMENT": moment, "ZONES": zones,
                                                            "OUTPUT": str(tmp_path / "z.shp")})
    assert not ok and "Shapefile cuts field names at 10 characters" in fb.textLog()
    results, ok, fb = run_processing("caim:changebyzones", {"MOMENT": moment, "ZONES": zones, "OUTPUT": out})
    assert ok, fb.textLog()


def test_the_provider_registers_it_with_help(qgis_app):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("caim:changebyzones")
    assert alg is not None and alg.group() == QgsApplication.processingRegistry().algorithmById(
        "caim:detectchanges").group()
    assert [p.name() for p in alg.parameterDefinitions()] == ["MOMENT", "ZONES", "OUTPUT"]
    assert "pct_changed" in alg.shortHelpString() and all(
        p.help() for p in alg.parameterDefinitions() if p.name() != "OUTPUT")
    from model_core.zones import NOTE_ORDER

    # every zone_note value the output can hold is explained (the help named four of nine, loosely)
    assert [n for n in NOTE_ORDER if f"<tt>{n}</tt>" not in alg.shortHelpString()] == []


def test_change_per_zone_in_the_raster_menu(project, tmp_path):
    """Raster > CAIM change detection lists 'Change per zone…' beside the split, the sample, the estimate and
    the comparison (it was in the toolbox only); it opens caim:changebyzones on the run's change moment layer
    (not a change area layer, which it refuses) with the active polygon layer as the zones."""
    import types

    from qgis.PyQt.QtWidgets import QMainWindow
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.plugin import ZONES_ID, CaimPlugin

    window, menu = QMainWindow(), []
    iface = types.SimpleNamespace(
        mainWindow=lambda: window, addToolBar=window.addToolBar, activeLayer=lambda: None,
        addPluginToRasterMenu=lambda name, action: menu.append(action.objectName()),
        removePluginRasterMenu=lambda name, action: None)
    plugin = CaimPlugin(iface)
    plugin.initProcessing = lambda: None  # the session's provider is registered already
    plugin.initGui()
    try:
        assert "CaimZones" in menu and plugin.zones_action.text().endswith("…")
        opened = []
        plugin.open_algorithm = lambda alg_id, points=None: opened.append(alg_id)
        plugin.zones_action.trigger()
        assert opened == [ZONES_ID]
    finally:
        plugin.unload()

    import shutil

    moment = _utm_map(tmp_path)
    area = shutil.copy(moment, str(tmp_path / "change_area.tif"))
    added = lyr.add_run_outputs({"moment": moment, "area": area}, ["2019-06-01", "2020-06-01", "2021-06-01",
                                                                     "2022-06-01"],
                                {"inputs": [], "model": "cva"}, project=project)
    zones = QgsVectorLayer(_layer_file(tmp_path / "zones.gpkg", [("A", _box(0, 0, 20, 20))]), "zones", "ogr")
    project.addMapLayer(zones)
    plugin = CaimPlugin(types.SimpleNamespace(activeLayer=lambda: zones))
    assert plugin.algorithm_defaults(ZONES_ID) == {"MOMENT": added["moment"].id(), "ZONES": zones.id()}
    plugin = CaimPlugin(types.SimpleNamespace(activeLayer=lambda: added["area"]))
    assert plugin.algorithm_defaults(ZONES_ID) == {"MOMENT": added["moment"].id()}
    points = QgsVectorLayer("Point?crs=EPSG:32633", "wells", "memory")
    project.addMapLayer(points)
    plugin = CaimPlugin(types.SimpleNamespace(activeLayer=lambda: points))
    assert plugin.algorithm_defaults(ZONES_ID) == {"MOMENT": added["moment"].id()}


def test_selected_features_only(project, tmp_path):
    """The zones are a feature source: 'Selected features only' counts the selected zones alone (the walk's
    municipalities with one selected counted all four), and the summary names the user's layer, not the
    temporary copy counted; nothing selected is refused with what to do."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsVectorLayer

    moment = _utm_map(tmp_path)
    zones = QgsVectorLayer(_layer_file(tmp_path / "zones.gpkg", [("A", _box(0, 0, 20, 20)), ("B", _box(10, 10, 30, 30)),
                                                                  ("E", _box(45, 32, 55, 38))]), "parcels", "ogr")
    project.addMapLayer(zones)
    zones.selectByExpression("\"name\" = 'B'")
    source = QgsProcessingFeatureSourceDefinition(zones.id(), True)
    out = str(tmp_path / "sel.gpkg")
    results, ok, fb = run_processing("caim:changebyzones", {"MOMENT": moment, "ZONES": source, "OUTPUT": out})
    assert ok, fb.textLog()
    assert [f["name"] for f in QgsVectorLayer(out, "o", "ogr").getFeatures()] == ["B"]
    assert "Zones:    1 of 'parcels'" in results["SUMMARY"] and "processing" not in results["SUMMARY"]
    # the whole layer without the box ticked (read from its own file)
    results, ok, fb = run_processing("caim:changebyzones", {"MOMENT": moment, "ZONES": zones.id(),
                                                            "OUTPUT": str(tmp_path / "all.gpkg")})
    assert ok and "Zones:    3 of '" in results["SUMMARY"] and "zones.gpkg" in results["SUMMARY"], fb.textLog()
    zones.removeSelection()
    results, ok, fb = run_processing("caim:changebyzones", {"MOMENT": moment, "ZONES": source,
                                                            "OUTPUT": str(tmp_path / "none.gpkg")})
    assert not ok and "No feature of 'parcels' is selected" in fb.textLog()


def test_a_map_path_that_is_no_file_is_named(project, tmp_path):
    """MOMENT or ZONES a path that does not exist: the message names the path ('Could not load source layer
    for MOMENT: <path> not found'; where QGIS says only 'Incorrect parameter value for MOMENT', the accuracy
    tools' check, which this algorithm shares, names it)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:changebyzones")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    zones = _layer_file(tmp_path / "zones.gpkg", [("A", _box(0, 0, 20, 20))])
    gone = str(tmp_path / "change_moment_2024.tif")
    ok, message = alg.checkParameterValues({"MOMENT": gone, "ZONES": zones, "OUTPUT": str(tmp_path / "o.gpkg")},
                                           context)
    assert not ok and "change_moment_2024.tif" in message, message
    ok, message = alg.checkParameterValues({"MOMENT": _utm_map(tmp_path), "ZONES": str(tmp_path / "p.gpkg"),
                                            "OUTPUT": str(tmp_path / "o.gpkg")}, context)
    assert not ok and "p.gpkg" in message, message
    assert alg.group() == "Change detection" and not alg.icon().isNull()
