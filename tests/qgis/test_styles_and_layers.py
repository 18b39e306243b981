"""Styles of the output layers, the run group, and the .qml sidecars (real outputs of a real run)."""

import os

import pytest

pytestmark = pytest.mark.qgis


def classes(renderer):
    return [(c.value, c.color.name(), c.color.alpha(), c.label) for c in renderer.classes()]


def test_added_layers_are_styled(project, finished_run):
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import layers as lyr

    res, dates = finished_run["results"], finished_run["dates"]
    paths = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"],
             "probabilities": res["PROBABILITIES"], "polygons": res["POLYGONS"]}
    added = lyr.add_run_outputs(paths, dates, {"inputs": [{"path": p} for p in finished_run["inputs"]]})
    assert set(added) == {"area", "moment", "confidence", "polygons"}

    root = project.layerTreeRoot()
    group = root.children()[0]
    assert group.name() == "CAIM changes 2019-05-01 to 2021-05-01 (3 dates)"
    names = [node.layer().name() for node in group.findLayers()]
    assert names == ["Change polygons 2019-05-01 to 2021-05-01", "Change moment 2019-05-01 to 2021-05-01",
                     "Change area 2019-05-01 to 2021-05-01", "Confidence 2019-05-01 to 2021-05-01"]

    area = added["area"].renderer()
    assert area.type() == "paletted"
    assert classes(area) == [(0, "#ffffff", 0, "Unchanged"), (1, "#e6194b", 255, "Changed")]

    moment = added["moment"].renderer()
    assert moment.type() == "paletted"
    got = classes(moment)
    assert [c[0] for c in got] == [0, 1, 2]
    assert got[0][2] == 0 and got[0][3] == "No change"
    assert [c[3] for c in got[1:]] == ["2019-05-01 to 2020-05-01", "2020-05-01 to 2021-05-01"]
    assert all(c[2] == 255 for c in got[1:]) and got[1][1] != got[2][1]

    conf = added["confidence"].renderer()
    assert conf.type() == "singlebandpseudocolor"
    assert (conf.classificationMin(), conf.classificationMax()) == (0.0, 1.0)
    assert not root.findLayer(added["confidence"].id()).isVisible()
    assert root.findLayer(added["moment"].id()).isVisible()
    assert root.findLayer(added["area"].id()).isVisible()

    # nodata 255 is never painted
    assert added["moment"].dataProvider().sourceHasNoDataValue(1)
    assert added["moment"].dataProvider().sourceNoDataValue(1) == 255

    # the run description the inspect tool needs is stored on the layers
    info = lyr.run_info_of(added["moment"])
    assert info["dates"] == dates and info["outputs"]["probabilities"] == res["PROBABILITIES"]

    # a second run gets its own group name
    lyr.add_run_outputs(paths, dates)
    assert root.children()[0].name() == "CAIM changes 2019-05-01 to 2021-05-01 (3 dates) #2"
    # the group names the model when the run says which one ran
    added = lyr.add_run_outputs(paths, dates, {"model": "cva"})
    assert root.children()[0].name() == "CAIM changes 2019-05-01 to 2021-05-01 (3 dates, Classical CVA)"
    assert lyr.run_info_of(added["moment"])["model"] == "cva"
    assert lyr.run_name([None, None], "schanger") == "CAIM changes (2 dates, SChanger)"

    # the outputs open styled anywhere thanks to the .qml sidecars
    for key, kind in (("MOMENT", "paletted"), ("AREA", "paletted"), ("CONFIDENCE", "singlebandpseudocolor")):
        assert os.path.exists(os.path.splitext(res[key])[0] + ".qml")
        plain = QgsRasterLayer(res[key], "plain", "gdal")
        assert plain.renderer().type() == kind
    plain = QgsRasterLayer(res["MOMENT"], "plain", "gdal")
    assert [c.label for c in plain.renderer().classes()][1:] == [
        "2019-05-01 to 2020-05-01", "2020-05-01 to 2021-05-01"]


def test_interval_labels_and_colours():
    from caim_qgis_plugin import layers as lyr

    assert lyr.interval_labels(["2009-08-18", None, "2012-07-31"]) == [
        "2009-08-18 to image 2", "image 2 to 2012-07-31"]
    # repeated dates: the legend's labels are the engine's, numbered where they repeat, as its areas are keyed
    assert lyr.interval_labels(["2001", "2001", "2001"]) == [
        "2001 to 2001 (interval 1)", "2001 to 2001 (interval 2)"]
    colours = [c.name() for c in lyr.moment_colors(9)]
    assert len(set(colours)) == 9


def test_polygons_style(project, finished_run):
    from caim_qgis_plugin import layers as lyr

    res = finished_run["results"]
    added = lyr.add_run_outputs({"moment": res["MOMENT"], "polygons": res["POLYGONS"]}, finished_run["dates"])
    renderer = added["polygons"].renderer()
    assert renderer.type() == "categorizedSymbol"
    assert renderer.classAttribute() == "moment"
    assert [c.label() for c in renderer.categories()] == ["2019-05-01 to 2020-05-01", "2020-05-01 to 2021-05-01"]
    fields = [f.name() for f in added["polygons"].fields()]
    for name in ("moment", "date_before", "date_after", "area_m2"):
        assert name in fields


def test_shipped_styles_apply_to_outputs(qgis_app, finished_run):
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin.paths import style_path

    res = finished_run["results"]
    for name, key, kind in (("change_area.qml", "AREA", "paletted"), ("change_moment.qml", "MOMENT", "paletted"),
                            ("confidence.qml", "CONFIDENCE", "singlebandpseudocolor")):
        layer = QgsRasterLayer(res[key], name, "gdal", QgsRasterLayer.LayerOptions(False))
        _msg, ok = layer.loadNamedStyle(style_path(name))
        assert ok, name
        assert layer.renderer().type() == kind
    moment = QgsRasterLayer(res["MOMENT"], "m", "gdal", QgsRasterLayer.LayerOptions(False))
    moment.loadNamedStyle(style_path("change_moment.qml"))
    labels = [c.label for c in moment.renderer().classes()]
    assert labels[:3] == ["No change", "image 1 to image 2", "image 2 to image 3"] and len(labels) == 10


def test_command_line_outputs_open_styled_in_qgis(qgis_app, tmp_path):
    """A GeoTIFF colour table cannot make "no change" transparent: the command line writes <raster>.qml,
    which QGIS loads by itself, so its maps open like the plugin's (no black over the imagery)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_testlib import make_stack
    from model_core.cli import main

    stack = make_stack(str(tmp_path), size=48, nodata_block=False)
    assert main(["detect", *stack, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet",
                 "--dates", "2001-01-01,2002-02-02,2003-03-03"]) == 0
    moment = QgsRasterLayer(str(tmp_path / "o" / "change_moment.tif"), "moment", "gdal")
    assert moment.isValid() and moment.renderer().type() == "paletted"
    assert [(c.value, c.label, c.color.alpha()) for c in moment.renderer().classes()] == [
        (0, "No change", 0), (1, "2001-01-01 to 2002-02-02", 255), (2, "2002-02-02 to 2003-03-03", 255)]
    area = QgsRasterLayer(str(tmp_path / "o" / "change_area.tif"), "area", "gdal")
    assert [(c.value, c.color.alpha()) for c in area.renderer().classes()] == [(0, 0), (1, 255)]
    # the user's own style beside an output is kept unless --overwrite
    with open(tmp_path / "o" / "change_area.qml", "w") as f:
        f.write("mine")
    for name in ("change_area.tif", "change_moment.tif", "confidence.tif"):
        os.remove(tmp_path / "o" / name)
    assert main(["detect", *stack, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet"]) == 0
    assert open(tmp_path / "o" / "change_area.qml").read() == "mine"


def test_two_dialog_runs_name_their_layers_apart_and_are_found_by_their_properties(project, finished_run, tmp_path):
    """Two dialog runs named their layers 'Change moment', 'Change area' in their dated groups: Processing's
    layer pickers, the Identify tool and the styling panel listed two layers of one name.  They are named as a
    toolbox run names them (lyr.layer_name: the dates), and a run on the same dates gets ' #2'.  The pixel
    inspector and the labelling panel find the runs by the layers' properties: after a layer is renamed by
    hand and the project saved and opened again too."""
    import shutil

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import find_run_layer
    from caim_qgis_plugin.label_dock import run_layers

    res, dates = finished_run["results"], finished_run["dates"]
    first = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"]}
    os.makedirs(str(tmp_path / "second"))
    second = {kind: shutil.copy(path, str(tmp_path / "second")) for kind, path in first.items()}
    info = {"inputs": [{"path": p} for p in finished_run["inputs"]], "model": "cva"}
    a = lyr.add_run_outputs(first, dates, info)
    b = lyr.add_run_outputs(second, dates, dict(info, sensitivity=0.5))
    assert a["moment"].name() == lyr.layer_name("Change moment", dates) == "Change moment 2019-05-01 to 2021-05-01"
    # the number after the kind: the Layers panel as QGIS opens it shows the kind and the first date's start
    assert b["moment"].name() == "Change moment #2 2019-05-01 to 2021-05-01"
    names = [layer.name() for layer in project.mapLayers().values()]
    assert len(set(names)) == len(names) == 6, names
    assert [g.name() for g in project.layerTreeRoot().children()] == [  # the groups stay
        "CAIM changes 2019-05-01 to 2021-05-01 (3 dates, Classical CVA, sensitivity +0.5)",
        "CAIM changes 2019-05-01 to 2021-05-01 (3 dates, Classical CVA)"]
    # short enough for the Layers panel: the kind and two dates (and the number)
    assert max(len(n) for n in names) <= 45, names

    b["moment"].setName("my second run")
    assert find_run_layer(None).id() == b["moment"].id()
    path = str(tmp_path / "runs.qgz")
    assert project.write(path)
    project.clear()
    assert project.read(path)
    found = run_layers(project)
    assert [layer.name() for layer in found] == ["my second run", "Change moment 2019-05-01 to 2021-05-01"]
    assert [lyr.run_info_of(layer)["outputs"]["moment"] for layer in found] == [second["moment"], first["moment"]]
    assert find_run_layer(None).name() == "my second run"
    # a third run: the name the renamed layer left is free again, and is taken
    c = lyr.add_run_outputs(first, dates, info)
    assert c["moment"].name() == "Change moment #2 2019-05-01 to 2021-05-01"
    # a name of the user's that holds the dates keeps them where they are; the third run's area is #3, so the next #4
    assert lyr.layer_name("mine 2019-05-01", dates) == "mine 2019-05-01"
    c["moment"].setName("mine 2019-05-01")
    assert lyr.layer_name("mine 2019-05-01", dates, project) == "mine 2019-05-01 #2"
    assert lyr.layer_name("Change area", dates, project) == "Change area #4 2019-05-01 to 2021-05-01"


def _legend_swatch(layer, label):
    """The colour QGIS paints in the middle of the legend swatch of ``layer``'s class ``label`` as a print
    layout's legend draws it (QgsLayoutItemLegend draws each class through its legend node), on white paper."""
    from qgis.PyQt.QtCore import QSizeF, Qt
    from qgis.PyQt.QtGui import QColor, QImage, QPainter
    from qgis.core import QgsLayerTreeLayer, QgsLayerTreeModelLegendNode, QgsLegendSettings, QgsRenderContext

    tree_layer = QgsLayerTreeLayer(layer)
    nodes = layer.legend().createLayerTreeModelLegendNodes(tree_layer)
    node = next(n for n in nodes if n.data(Qt.ItemDataRole.DisplayRole) == label)
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    settings = QgsLegendSettings()
    settings.setSymbolSize(QSizeF(30, 30))
    context = QgsLayerTreeModelLegendNode.ItemContext()
    context.context = QgsRenderContext.fromQPainter(painter)
    context.painter = painter
    context.top, context.columnLeft, context.columnRight, context.maxSiblingSymbolWidth = 0, 0, 40, 30
    node.drawSymbol(settings, context, 30)
    painter.end()
    return image.pixelColor(15, 15).name()


def test_no_change_is_not_a_black_square_in_a_print_legend(project, finished_run, tmp_path):
    """QGIS's layout legend paints a raster class's swatch in its colour at the layer's opacity, dropping the
    colour's own transparency: "No change" and "Unchanged", transparent black, were black squares in a
    printed legend (seen in a print layout of a NAIP run), as black as the strongest class.  The plugin's
    styles, the engine's .qml beside a command-line run and the shipped styles give them a white swatch."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.paths import style_path
    from model_core import styles

    res, dates = finished_run["results"], finished_run["dates"]
    added = lyr.add_run_outputs({"area": res["AREA"], "moment": res["MOMENT"]}, dates)
    assert _legend_swatch(added["moment"], "No change") == "#ffffff"
    assert _legend_swatch(added["area"], "Unchanged") == "#ffffff"
    assert _legend_swatch(added["area"], "Changed") == lyr.CHANGED_COLOR  # (the swatch is where it is read)
    from model_core.predict import AREA_COLOURS, moment_colours

    engine = tmp_path / "moment.qml"  # the style the command line writes beside its rasters
    engine.write_text(styles.qml("moment", moment_colours(2), {0: "No change", 1: "a", 2: "b"}))
    for qml, label, key in ((str(engine), "No change", "MOMENT"),
                            (style_path("change_moment.qml"), "No change", "MOMENT"),
                            (style_path("change_area.qml"), "Unchanged", "AREA")):
        layer = QgsRasterLayer(res[key], "m", "gdal", QgsRasterLayer.LayerOptions(False))
        assert layer.loadNamedStyle(qml)[1], qml
        assert [c.color.alpha() for c in layer.renderer().classes()][0] == 0  # still transparent on the map
        assert _legend_swatch(layer, label) == "#ffffff", qml
    assert AREA_COLOURS[0] == (0, 0, 0, 0)  # the GeoTIFF colour table is the engine's own, unchanged


def test_a_copy_of_a_run_file_added_by_hand_is_styled(project, finished_run, tmp_path):
    """A run's map copied by GDAL (Processing's Translate or Clip raster by extent keep its metadata) or
    copied without its .qml opened with QGIS's colour-table style: "no change" opaque black over the
    imagery and 256 legend entries, though the pixel inspector took it for a run.  Added to the project
    it gets the run's style, dated; not a copy with a .qml of its own beside it, nor a layer a project
    being read brings with its saved style."""
    import shutil

    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import layers as lyr

    res, dates = finished_run["results"], finished_run["dates"]
    clip = str(tmp_path / "clip.tif")  # what Clip raster by extent / Translate (gdal_translate) write
    src = gdal.Open(res["MOMENT"])
    gdal.Translate(clip, src, srcWin=[0, 0, src.RasterXSize // 2, src.RasterYSize // 2])
    src = None
    plain = QgsRasterLayer(clip, "clip", "gdal")  # what QGIS alone draws
    assert plain.renderer().type() == "paletted" and len(plain.renderer().classes()) == 256
    assert plain.renderer().classes()[0].color.alpha() == 255

    styler = lyr.RunFileStyler(project)
    try:
        layer = QgsRasterLayer(clip, "clip", "gdal")
        project.addMapLayer(layer)
        assert [(c.value, c.label, c.color.alpha()) for c in layer.renderer().classes()] == [
            (0, "No change", 0), (1, "%s to %s" % (dates[0], dates[1]), 255), (2, "%s to %s" % (dates[1], dates[2]), 255)]
        assert lyr.kind_of(layer) == lyr.MOMENT and lyr.run_info_of(layer)["dates"] == dates
        area = str(tmp_path / "area_copy.tif")
        shutil.copy(res["AREA"], area)  # a file copied without its .qml
        area_layer = QgsRasterLayer(area, "area", "gdal")
        project.addMapLayer(area_layer)
        assert [c.label for c in area_layer.renderer().classes()] == ["Unchanged", "Changed"]
        # a copy with its own style beside it keeps that style
        mine = str(tmp_path / "mine.tif")
        shutil.copy(res["MOMENT"], mine)
        plain_layer = QgsRasterLayer(mine, "m", "gdal")
        plain_layer.saveNamedStyle(str(tmp_path / "mine.qml"))
        own = QgsRasterLayer(mine, "mine", "gdal")
        project.addMapLayer(own)
        assert len(own.renderer().classes()) == 256 and own.customProperty(lyr.KIND_PROPERTY) is None
        # a project read keeps the style saved with its layers (the user's, made before the plugin styled them)
        os.remove(str(tmp_path / "mine.qml"))
        user = QgsRasterLayer(clip, "user", "gdal")
        styler.disconnect()
        project.addMapLayer(user)
        assert user.customProperty(lyr.KIND_PROPERTY) is None and len(user.renderer().classes()) == 256
        project.write(str(tmp_path / "p.qgz"))
        styler = lyr.RunFileStyler(project)
        project.clear()
        assert project.read(str(tmp_path / "p.qgz"))
        read = project.mapLayersByName("user")[0]
        assert len(read.renderer().classes()) == 256  # as saved
        assert not styler.reading  # and a layer added after the read is styled again
        again = QgsRasterLayer(clip, "again", "gdal")
        project.addMapLayer(again)
        assert [c.label for c in again.renderer().classes()][0] == "No change"
    finally:
        styler.disconnect()


def test_a_failed_project_read_leaves_the_styler_styling_hand_added_run_files(project, finished_run, tmp_path):
    """RunFileStyler leaves alone the layers of a project being read: ``reading`` is set by the first
    ``loadingLayer`` and reset by ``readProject``.  A read that fails must not leave it set, or every run file
    added by hand for the rest of the session comes unstyled.  QGIS 3.22 fails a corrupt .qgs (cut in the middle
    of its layers, not XML at all), a corrupt .qgz and a missing file before loading any layer; a read stopped
    after its layers began to load (none found in 3.22: QgsProject emits loadingLayer there itself) is reset by
    the next ``cleared`` (New project, the next read)."""
    import shutil

    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import layers as lyr

    res = finished_run["results"]
    clip = str(tmp_path / "clip.tif")
    src = gdal.Open(res["MOMENT"])
    gdal.Translate(clip, src, srcWin=[0, 0, src.RasterXSize // 2, src.RasterYSize // 2])
    src = None

    def styled_when_added(name):
        copy = str(tmp_path / (name + ".tif"))
        shutil.copy(clip, copy)
        layer = QgsRasterLayer(copy, name, "gdal")
        project.addMapLayer(layer)
        return [c.label for c in layer.renderer().classes()][0] == "No change"

    project.addMapLayer(QgsRasterLayer(res["AREA"], "area", "gdal"))
    good = str(tmp_path / "good.qgs")
    assert project.write(good)
    with open(good, encoding="utf-8") as f:
        xml = f.read()
    corrupt = {"cut.qgs": xml[:xml.index("</maplayer>")], "not_xml.qgs": "not a project"}
    for name, text in corrupt.items():
        with open(str(tmp_path / name), "w", encoding="utf-8") as f:
            f.write(text)
    project.write(str(tmp_path / "good.qgz"))
    with open(str(tmp_path / "good.qgz"), "rb") as f:
        head = f.read(300)
    with open(str(tmp_path / "corrupt.qgz"), "wb") as f:
        f.write(head)
    styler = lyr.RunFileStyler(project)
    try:
        for k, name in enumerate(["cut.qgs", "not_xml.qgs", "corrupt.qgz", "missing.qgs"]):
            assert not project.read(str(tmp_path / name)), name
            assert not styler.reading, name
            assert styled_when_added("after_%d" % k), name
        assert project.read(good) and not styler.reading
        assert styled_when_added("after_good")
        # a read that stopped after its first layer began to load: the next New project (cleared) ends it
        project.loadingLayer.emit("Loading layer area")
        assert styler.reading
        project.clear()
        assert not styler.reading and styled_when_added("after_clear")
    finally:
        styler.disconnect()


def test_the_layers_say_what_their_values_mean(project, finished_run):
    """QGIS's Identify tool shows a run's class number only ('Band 1: change moment (...)  3'): the layers'
    metadata (Layer Properties > Information and Metadata, kept in a project and a .qlr) say what the values
    mean, the moment's classes with their dates; a user's own abstract is kept."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import layers as lyr

    res, dates = finished_run["results"], finished_run["dates"]
    added = lyr.add_run_outputs({"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"]},
                                dates)
    moment = added["moment"].metadata()
    assert moment.title() == "Change moment"
    assert moment.abstract().splitlines() == [
        "Change moment: 0 no change, k a last change between date k and date k+1, 255 no data.",
        "1: %s to %s" % (dates[0], dates[1]), "2: %s to %s" % (dates[1], dates[2])]
    assert "1: %s to %s" % (dates[0], dates[1]) in added["moment"].htmlMetadata()  # the Information page
    assert added["area"].metadata().abstract() == "Change area: 1 changed, 0 unchanged, 255 no data."
    assert added["confidence"].metadata().abstract().startswith("Confidence: the probability")
    mine = QgsRasterLayer(res["MOMENT"], "mine", "gdal")
    metadata = mine.metadata()
    metadata.setAbstract("my notes")
    mine.setMetadata(metadata)
    lyr.style_layer(mine, lyr.MOMENT, dates)
    assert mine.metadata().abstract() == "my notes"


def test_a_processing_run_leaves_no_statistics_side_file_beside_its_outputs(qgis_app, tmp_path):
    """A toolbox or qgis_process run left confidence.tif.aux.xml (QGIS's band statistics) beside its outputs: the
    plugin opened each output as a layer to write its .qml, QGIS computed statistics for the layer's default
    renderer, and GDAL kept them in a side file.  The outputs' .qml are written with GDAL's side files off; the
    engine's own .aux.xml (the class names of area and moment) stay as the engine wrote them."""
    from caim_qgis_testlib import make_stack, run_algorithm

    paths = make_stack(str(tmp_path), size=48, nodata_block=False)
    out = tmp_path / "out"
    results, ok, feedback = run_algorithm(dict(INPUT=paths, MODEL="cva", AREA=str(out / "change_area.tif"),
                                               MOMENT=str(out / "change_moment.tif"),
                                               CONFIDENCE=str(out / "confidence.tif")))
    assert ok, feedback.textLog()
    assert sorted(n for n in os.listdir(out) if n.endswith(".qml")) == ["change_area.qml", "change_moment.qml",
                                                                       "confidence.qml"]
    assert sorted(n for n in os.listdir(out) if n.endswith(".aux.xml")) == ["change_area.tif.aux.xml",
                                                                           "change_moment.tif.aux.xml"]
    for name in ("change_area.tif.aux.xml", "change_moment.tif.aux.xml"):
        text = (out / name).read_text()
        assert "<CategoryNames>" in text and "STATISTICS_" not in text, text


def test_styles_written_on_a_worker_thread_are_all_written(qgis_app, finished_run, tmp_path, monkeypatch):
    """A graphical model runs caim:detectchanges's post step on its task's thread, which writes the outputs' .qml
    one after another while the main thread draws.  A layer closed on that thread has its data provider's Python
    wrapper marked deleted later, on the main thread; the next layer's provider, created at the same address, was
    handed that wrapper, and styling the moment failed once in a full test run ("wrapped C/C++ object of type
    QgsRasterDataProvider has been deleted"), leaving no .qml.  Styling takes nothing from the provider's wrapper
    off the main thread."""
    import shutil
    import time

    from qgis.PyQt.QtCore import QCoreApplication, QThread

    from caim_qgis_plugin import layers as lyr

    res, dates = finished_run["results"], finished_run["dates"]
    copies = {}
    for key, kind in (("AREA", lyr.AREA), ("MOMENT", lyr.MOMENT), ("CONFIDENCE", lyr.CONFIDENCE)):
        copies[kind] = str(tmp_path / os.path.basename(res[key]))
        shutil.copy(res[key], copies[kind])
    written, errors = [], []
    for name in ("area_renderer", "moment_renderer", "confidence_renderer"):  # the thread switch of that run
        monkeypatch.setattr(lyr, name, _after_a_pause(getattr(lyr, name)))

    class Worker(QThread):
        def run(self):
            for _ in range(60):
                for kind, path in copies.items():
                    try:
                        written.append(lyr.write_sidecar(path, kind, dates))
                    except Exception as exc:  # (reported by the assertion below)
                        errors.append(repr(exc))

    worker = Worker()
    worker.start()
    while not worker.isFinished():  # the main thread keeps drawing, as during a model run
        QCoreApplication.processEvents()
        time.sleep(0.0005)
    worker.wait()
    assert not errors, errors[:3]
    assert written == [lyr.sidecar_path(p) for p in copies.values()] * 60
    plain = lyr.QgsRasterLayer(copies[lyr.MOMENT], "plain", "gdal")
    assert [c.label for c in plain.renderer().classes()][1:] == ["2019-05-01 to 2020-05-01",
                                                                "2020-05-01 to 2021-05-01"]


def _after_a_pause(function):
    import time

    def paused(*args, **kwargs):
        time.sleep(0.002)  # (the main thread runs meanwhile)
        return function(*args, **kwargs)
    return paused


def test_styled_outputs_draw_each_class_in_its_colour(qgis_app, finished_run, tmp_path):
    """The house style's renderers are built without an input (the layer's pipe connects them to the provider):
    a drawn area or moment shows each pixel's class colour, and no change and no data stay transparent, styled
    on the main thread or opened with the .qml written off it."""
    from osgeo import gdal
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRasterLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from caim_qgis_plugin import layers as lyr

    res, dates = finished_run["results"], finished_run["dates"]
    for key, kind in (("AREA", lyr.AREA), ("MOMENT", lyr.MOMENT)):
        values = gdal.Open(res[key]).ReadAsArray()
        styled = QgsRasterLayer(res[key], "styled", "gdal")
        assert lyr.style_layer(styled, kind, dates)
        for layer in (styled, QgsRasterLayer(res[key], "plain", "gdal")):  # (the second with the run's .qml)
            settings = QgsMapSettings()
            settings.setLayers([layer])
            settings.setExtent(layer.extent())
            settings.setOutputSize(QSize(values.shape[1], values.shape[0]))
            settings.setBackgroundColor(QColor(0, 0, 0, 0))
            job = QgsMapRendererSequentialJob(settings)
            job.start()
            job.waitForFinished()
            image = job.renderedImage()
            colours = {c.value: c.color for c in layer.renderer().classes()}
            seen = set()
            for row in range(values.shape[0]):
                for col in range(values.shape[1]):
                    value, pixel = int(values[row, col]), image.pixelColor(col, row)
                    if value in (0, lyr.NODATA):
                        assert pixel.alpha() == 0, (kind, row, col, value)
                    else:
                        assert pixel.name() == colours[value].name() and pixel.alpha() == 255, (kind, value)
                    seen.add(value)
            assert 0 in seen and seen - {0, lyr.NODATA}, seen
