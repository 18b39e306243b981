"""The dialog: layers ordered by parsed date, drag reorder, editable dates, inline validation, and a
background run through QgsProcessingAlgRunnerTask that adds styled layers (and a cancelled one that
leaves nothing)."""

import json
import os
import time

import numpy as np
import pytest

from caim_qgis_testlib import make_stack, read, wait_for, write_raster

pytestmark = pytest.mark.qgis


def add_layer(project, path, name):
    from qgis.core import QgsRasterLayer

    layer = QgsRasterLayer(path, name, "gdal")
    assert layer.isValid()
    project.addMapLayer(layer)
    return layer


def rows(dlg):
    return [(dlg.layer_tree.topLevelItem(i).text(0), dlg.layer_tree.topLevelItem(i).text(1))
            for i in range(dlg.layer_tree.topLevelItemCount())]


def red_nir_swir1(tmp_path, year):
    """A 3-band raster whose band descriptions say red, nir, swir1 (imagery the networks cannot read)."""
    from osgeo import gdal

    path = write_raster(str(tmp_path / f"rns_{year}.tif"), np.full((3, 64, 64), 90, np.uint8))
    ds = gdal.Open(path, gdal.GA_Update)
    for b, name in enumerate(("red", "nir", "swir1")):
        ds.GetRasterBand(b + 1).SetDescription(name)
    ds = None
    return path


@pytest.fixture
def fresh_settings(qgis_app):
    """No remembered dialog settings (runs save them), so every test starts from the defaults."""
    from qgis.core import QgsSettings

    from caim_qgis_plugin.dialog import CaimDialog

    QgsSettings().remove(CaimDialog.SETTINGS.rstrip("/"))
    yield
    QgsSettings().remove(CaimDialog.SETTINGS.rstrip("/"))


@pytest.fixture
def dialog(project, fresh_settings):
    from caim_qgis_plugin.dialog import CaimDialog

    dlg = CaimDialog(None)
    yield dlg
    dlg.shutdown()
    if dlg.task is not None:
        dlg.task.cancel()
        wait_for(lambda: dlg.task is None, 60)
    dlg.deleteLater()


@pytest.fixture
def three_layers(project, tmp_path):
    paths = make_stack(str(tmp_path))
    # added out of order; names carry the date in different spellings, or none (date in the file name)
    layers = [add_layer(project, paths[2], "may 2021 (2021-05-01)"),
              add_layer(project, paths[0], "scene_20190501"),
              add_layer(project, paths[1], "middle image")]
    return layers, paths


def test_ordered_by_parsed_date_and_drag_reorder(dialog, three_layers, tmp_path, project):
    from qgis.PyQt.QtCore import QMimeData, QPoint, Qt
    from qgis.PyQt.QtGui import QDropEvent

    # a fourth layer whose only date is in its metadata
    meta = write_raster(str(tmp_path / "no_date_in_name.tif"), np.full((4, 64, 64), 90, np.uint8),
                        metadata={"TIFFTAG_DATETIME": "2018:07:16 10:00:00"})
    add_layer(project, meta, "older scene")
    dialog.refresh_layers()
    assert rows(dialog) == [("older scene", "2018-07-16"), ("scene_20190501", "2019-05-01"),
                            ("middle image", "2020-05-01"), ("may 2021 (2021-05-01)", "2021-05-01")]
    tips = [dialog.layer_tree.topLevelItem(i).toolTip(1) for i in range(4)]
    assert "metadata" in tips[0] and "layer name" in tips[1] and "file name" in tips[2]
    assert [d for _, d in dialog.checked()] == ["2018-07-16", "2019-05-01", "2020-05-01", "2021-05-01"]

    # drag the last row onto the top half of the first row: it becomes the first
    tree = dialog.layer_tree
    tree.clearSelection()
    tree.topLevelItem(3).setSelected(True)
    first = tree.visualItemRect(tree.topLevelItem(0))
    # (the possible actions of a real internal drag: the tree's model supports copy and move)
    drop = QDropEvent(QPoint(first.center().x(), first.top() + 1), Qt.MoveAction | Qt.CopyAction, QMimeData(),
                      Qt.LeftButton, Qt.NoModifier)
    tree.dropEvent(drop)
    assert tree.model().supportedDropActions() & Qt.CopyAction
    assert drop.dropAction() == Qt.CopyAction  # so Qt does not delete the dragged row afterwards
    assert [r[0] for r in rows(dialog)] == ["may 2021 (2021-05-01)", "older scene", "scene_20190501",
                                            "middle image"]
    assert tree.topLevelItemCount() == 4 and all(tree.topLevelItem(i).parent() is None for i in range(4))
    assert "not in chronological order" in dialog.messages.text()
    assert dialog.run_button.isEnabled()  # a warning, not a block

    # edited dates are parsed and re-sorted
    tree.topLevelItem(0).setText(1, "20100101")
    assert tree.topLevelItem(0).text(1) == "2010-01-01"
    dialog.sort_by_date()
    assert rows(dialog)[0] == ("may 2021 (2021-05-01)", "2010-01-01")
    tree.topLevelItem(0).setText(1, "yesterday")
    assert "Unreadable date" in dialog.messages.text() and not dialog.run_button.isEnabled()
    # a day-first or impossible date is refused as typed, never cut to its year
    for typed in ("15.08.2020", "2020-02-30"):
        tree.topLevelItem(0).setText(1, typed)
        assert tree.topLevelItem(0).text(1) == typed
        assert "Unreadable date '%s'" % typed in dialog.messages.text() and not dialog.run_button.isEnabled()
    assert "year first" in dialog.messages.text() or "calendar date" in dialog.messages.text()
    tree.topLevelItem(0).setText(1, "2020-8-5")
    assert tree.topLevelItem(0).text(1) == "2020-08-05" and "Unreadable date" not in dialog.messages.text()


def test_inline_validation(dialog, three_layers, tmp_path, project):
    from qgis.PyQt.QtCore import Qt

    dialog.refresh_layers()
    assert "ready to run" in dialog.messages.text() and dialog.run_button.isEnabled()
    # 4 bands without band metadata: the assumption is said, and how to change it
    assert "bands 1-4 are taken as red, green, blue, NIR" in dialog.messages.text()
    assert "enter 3,2,1,4" in dialog.messages.text()
    dialog.bands_edit.setText("3,2,1,4")
    assert "bands 1-4 are taken" not in dialog.messages.text()
    dialog.bands_edit.setText("")

    for i in range(1, 3):
        dialog.layer_tree.topLevelItem(i).setCheckState(0, Qt.Unchecked)
    assert "at least 2 layers" in dialog.messages.text()
    assert not dialog.run_button.isEnabled()
    dialog._check_all(True)
    assert dialog.run_button.isEnabled()

    three = write_raster(str(tmp_path / "rgb_2022.tif"), np.full((3, 64, 64), 90, np.uint8))
    add_layer(project, three, "rgb 2022")
    dialog.refresh_layers()
    text = dialog.messages.text()
    assert "Band counts differ" in text and "'rgb 2022': 3" in text
    assert not dialog.run_button.isEnabled()
    # three bands: the networks read them as R, G, B with green in place of NIR (as 1,2,3,2), and say so
    dialog.bands_edit.setText("1,2,3")
    assert ("Bands 1,2,3: the engine uses bands 1,2,3 as R, G, B and band 2 (green) in place of the missing NIR"
            in dialog.messages.text())
    assert dialog.run_button.isEnabled()
    # two: the networks cannot read them; the automatic choice for these 4 layers runs Classical ISFA
    dialog.bands_edit.setText("1,2")
    assert "Classical ISFA will run, not CAIM-Net + ISFA" in dialog.messages.text(), dialog.messages.text()
    assert dialog.run_button.isEnabled()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
    assert "CAIM-Net uses 4 bands (red, green, blue, NIR) but Bands lists 2" in dialog.messages.text()
    assert not dialog.run_button.isEnabled()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    assert "4 bands" not in dialog.messages.text() and dialog.run_button.isEnabled()
    assert "ready to run with Classical CVA." in dialog.messages.text()
    dialog.bands_edit.setText("")
    assert "Band counts differ" in dialog.messages.text()  # CVA still needs the same bands every date
    assert not dialog.run_button.isEnabled()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("auto"))
    dialog.bands_edit.setText("1,2,3,2")
    assert dialog.run_button.isEnabled()
    dialog.bands_edit.setText("1,2,3,4")
    assert "Band 4 does not exist in 'rgb 2022' (3)" in dialog.messages.text()
    dialog.bands_edit.setText("red")
    assert "comma-separated band numbers" in dialog.messages.text()
    dialog.bands_edit.setText("")

    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs

    # a layer with fewer bands than the network needs: the advice is to uncheck it, not a mapping it lacks
    one = [QgsRasterLayer(write_raster(str(tmp_path / f"one_{y}.tif"), np.full((c, 64, 64), 90, np.uint8)),
                          f"{c} bands {y}") for c, y in ((4, 2040), (4, 2041), (1, 2042))]
    message = " ".join(m for _, m in inputs.validate(one, model="caimnet"))
    assert "'1 bands 2042' has fewer than the 4 bands" in message and "uncheck it" in message
    assert "1,2,3,4" not in message
    two = one + [QgsRasterLayer(write_raster(str(tmp_path / "one_2043.tif"), np.full((1, 64, 64), 90, np.uint8)),
                                "1 bands 2043")]
    message = " ".join(m for _, m in inputs.validate(two, model="caimnet"))
    assert "'1 bands 2042', '1 bands 2043' have fewer than the 4 bands" in message and "uncheck them" in message
    message = " ".join(m for _, m in inputs.validate(one, model="cva"))
    assert "uncheck '1 bands 2042', or pick band 1, the only band every date has" in message
    # the layers of another place are named, so the user knows which to uncheck
    far = QgsRasterLayer(write_raster(str(tmp_path / "far_2043.tif"), np.full((4, 64, 64), 90, np.uint8),
                                      gt=(900000.0, 5.0, 0.0, 5900000.0, 0.0, -5.0)), "far 2043")
    message = " ".join(m for _, m in inputs.validate(one[:2] + [far], model="cva"))
    assert "'far 2043' does not overlap the other checked layers, which share a place: uncheck it" in message
    # the stray layer is the first (the oldest): it is named, not the layers that share a place (an audit)
    message = " ".join(m for _, m in inputs.validate([far] + one[:2], model="cva"))
    assert "'far 2043' does not overlap the other checked layers" in message and "4 bands" not in message
    # a layer whose file was deleted after loading (QGIS keeps it valid) is refused before any run
    gone_path = write_raster(str(tmp_path / "gone_2044.tif"), np.full((4, 64, 64), 90, np.uint8))
    gone = QgsRasterLayer(gone_path, "gone 2044")
    os.remove(gone_path)
    assert gone.isValid()
    problems = inputs.validate(one[:2] + [gone], model="cva")
    assert problems[0][0] == inputs.ERROR and "The file of 'gone 2044' is gone" in problems[0][1], problems

    # RGB-only layers alone: the networks read them as 1,2,3,2 (green for NIR), and the check says so
    rgb = [QgsRasterLayer(write_raster(str(tmp_path / f"rgb_{y}.tif"), np.full((3, 64, 64), 90, np.uint8)),
                          f"rgb {y}") for y in (2030, 2031)]
    problems = inputs.validate(rgb, model="caimnet")
    assert [level for level, _ in problems] == [inputs.INFO], problems
    assert "1,2,3 as R, G, B and band 2 (green) in place of the missing NIR" in problems[0][1]

    # six bands: a mapping of more than four is for the fusion only (network 4, CVA part the rest)
    six = [QgsRasterLayer(write_raster(str(tmp_path / f"six_{y}.tif"), np.full((6, 64, 64), 90, np.uint8)),
                          f"six {y}") for y in (2030, 2031)]
    problems = inputs.validate(six, bands=[3, 2, 1, 4, 5, 6], model="caimnet_cva")
    assert problems == [(inputs.INFO, "CAIM-Net + CVA: the network uses bands 3,2,1,4 as red, green, blue, "
                         "NIR; the CVA part also uses band(s) 5,6.")], problems
    problems = inputs.validate(six, bands=[3, 2, 1, 4, 5, 6], model="caimnet")
    assert [level for level, _ in problems] == [inputs.ERROR]
    assert "CAIM-Net uses 4 bands (red, green, blue, NIR) but Bands lists 6" in problems[0][1]
    # Bands empty and the band names say which is which: the fusion's CVA part takes the other two
    from osgeo import gdal

    named = []
    for y in (2032, 2033):
        path = write_raster(str(tmp_path / f"named_{y}.tif"), np.full((6, 64, 64), 90, np.uint8))
        ds = gdal.Open(path, gdal.GA_Update)
        for b, n in enumerate(["blue", "green", "red", "nir", "swir1", "swir2"]):
            ds.GetRasterBand(b + 1).SetDescription(n)
        ds = None
        named.append(QgsRasterLayer(path, f"named {y}"))
    fusion = inputs.validate(named, model="caimnet_cva")
    assert [level for level, _ in fusion] == [inputs.INFO], fusion
    assert "3,2,1,4" in fusion[0][1] and "The CVA part also uses the layers' other bands." in fusion[0][1]
    assert "CVA part" not in inputs.validate(named, model="caimnet")[0][1]
    # the series default (CAIM-Net + ISFA) names its ISFA part, and a bare "auto" for 3 dates resolves to it
    assert inputs.validate(six, bands=[3, 2, 1, 4, 5, 6], model="caimnet_isfa") == [(
        inputs.INFO, "CAIM-Net + ISFA: the network uses bands 3,2,1,4 as red, green, blue, NIR; the ISFA part "
        "also uses band(s) 5,6.")]
    assert "The ISFA part also uses the layers' other bands." in inputs.validate(named, model="caimnet_isfa")[0][1]
    # 4 bands whose names contradict R, G, B, NIR: refused before the run (the engine would refuse them too);
    # blue, green, red colour interpretations and an undescribed fourth band: read as 3,2,1,4
    partial = {}
    for kind, names, colours in (("swir", ["SWIR1", "NIR", "Red", "Green"], None),
                                 ("bgr", None, [gdal.GCI_BlueBand, gdal.GCI_GreenBand, gdal.GCI_RedBand,
                                                gdal.GCI_Undefined])):
        partial[kind] = []
        for y in (2034, 2035):
            path = write_raster(str(tmp_path / f"{kind}_{y}.tif"), np.full((4, 64, 64), 90, np.uint8))
            ds = gdal.Open(path, gdal.GA_Update)
            for b in range(4):
                if names:
                    ds.GetRasterBand(b + 1).SetDescription(names[b])
                else:
                    ds.GetRasterBand(b + 1).SetColorInterpretation(colours[b])
            ds = None
            partial[kind].append(QgsRasterLayer(path, f"{kind} {y}"))
    problems = inputs.validate(partial["swir"], model="caimnet")
    assert [level for level, _ in problems] == [inputs.ERROR], problems
    assert problems[0][1].startswith("'swir 2034': its band metadata say band 1 'SWIR1' (none of R, G, B, NIR)")
    assert "no blue band" in problems[0][1] and "give Bands if the file has them" in problems[0][1]
    assert inputs.validate(partial["swir"], model="cva") == []
    problems = inputs.validate(partial["bgr"], model="caimnet")
    assert [level for level, _ in problems] == [inputs.INFO], problems
    assert "the engine uses bands 3,2,1,4 as R, G, B, NIR" in problems[0][1]
    # 3 bands named red, nir, swir1: what the names say and what to do (it got the RGB-only hint, 1,2,3,2, and
    # "their metadata do not say which band is which")
    rns = []
    for y in (2034, 2035):
        rns.append(QgsRasterLayer(red_nir_swir1(tmp_path, y), f"rns {y}"))
    problems = inputs.validate(rns, model="caimnet")
    assert [level for level, _ in problems] == [inputs.ERROR], problems
    assert problems[0][1].startswith("'rns 2034': its band metadata say band 1 'red', band 2 'nir', band 3 'swir1'")
    assert "no green and no blue band" in problems[0][1] and "CVA or ISFA" in problems[0][1]
    assert "1,2,3,2" not in problems[0][1] and inputs.validate(rns, model="cva") == []
    # Bands 1,2,3 on them: read as R, G, B only when the metadata do not say otherwise (model_core.stack), so the
    # engine refuses the run; the form said 'the engine uses bands 1,2,3 as R, G, B' and let it start
    for model in ("caimnet", "caimnet_cva"):
        problems = inputs.validate(rns, bands=[1, 2, 3], model=model)
        assert [level for level, _ in problems] == [inputs.ERROR], problems
        assert problems[0][1].startswith("'rns 2034': the band mapping 1,2,3 is read as red, green, blue"), problems
        assert "band 3 'swir1' (none of R, G, B, NIR)" in problems[0][1]
    assert [level for level, _ in inputs.validate(rns, bands=[3, 2, 1], model="caimnet")] == [inputs.ERROR]
    # layers whose metadata say nothing: read so, and said
    plain = [QgsRasterLayer(write_raster(str(tmp_path / f"rgb3_{y}.tif"), np.full((3, 8, 8), 90, np.uint8)),
                            f"rgb3 {y}") for y in (2034, 2035)]
    problems = inputs.validate(plain, bands=[3, 2, 1], model="caimnet")
    assert [level for level, _ in problems] == [inputs.INFO], problems
    assert "bands 3,2,1 as R, G, B and band 2 (green)" in problems[0][1], problems

    # a layer in another CRS is accepted with a warning
    project.removeMapLayer(project.mapLayersByName("rgb 2022")[0].id())
    lonlat = write_raster(str(tmp_path / "geo_20220601.tif"), np.full((4, 8, 8), 90, np.uint8),
                          gt=(-99.0 - 0.0003, 0.00005, 0, 46.96, 0, -0.00005), epsg=4326)
    add_layer(project, lonlat, "geo_20220601")
    # its pixel's ground area (for the minimum change patch note): 5.56 m north-south x 3.80 m east-west
    from caim_qgis_plugin.dialog import pixel_area_m2
    assert pixel_area_m2(project.mapLayersByName("geo_20220601")[0]) == pytest.approx(5.56 * 3.80, rel=0.01)
    dialog.refresh_layers()
    assert "different CRSs" in dialog.messages.text()

    # SChanger takes exactly two dates
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("schanger"))
    assert "SChanger compares exactly 2 dates" in dialog.messages.text()
    assert not dialog.run_button.isEnabled()


def test_automatic_choice_on_imagery_the_networks_cannot_read_is_said_before_the_run(dialog, project, tmp_path):
    """Automatic (the default) on 3-band red, NIR, SWIR1 layers was refused like CAIM-Net ("choose CVA or
    ISFA"): the check line now says that Classical ISFA will run and why, and Run is enabled; CAIM-Net picked
    by name keeps the refusal. One-band layers likewise. (Three dates: for two, Classical ISFA is the choice
    itself, rule Y3.)"""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs

    for y in (2034, 2035, 2036):
        add_layer(project, red_nir_swir1(tmp_path, y), f"rns {y}")
    dialog.refresh_layers()
    assert dialog.model_choice() == "auto"
    text = dialog.messages.text()
    assert "Automatic: Classical ISFA will run, not CAIM-Net + ISFA, which cannot read these layers' bands: 'rns " \
           "2034': its band metadata say band 1 'red', band 2 'nir', band 3 'swir1'" in text, text
    assert "3 dates, ready to run with Classical ISFA (automatic choice: the networks cannot read these " \
           "layers' bands)." in text, text
    assert "✖" not in text and dialog.run_button.isEnabled()
    # the Threshold control follows the model that will run: Classical ISFA here (it stayed disabled with
    # Automatic, so the minimum-error threshold needed ISFA picked by hand), and is passed to the run
    assert dialog.threshold_combo.isEnabled(), dialog.threshold_combo.toolTip()
    assert "which Automatic runs on these layers" in dialog.threshold_combo.toolTip()
    dialog.threshold_combo.setCurrentIndex(dialog.threshold_combo.findData("kittler"))
    assert dialog.parameters()["THRESHOLD"] == "kittler"
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
    assert "no green and no blue band" in dialog.messages.text() and not dialog.run_button.isEnabled()
    assert not dialog.threshold_combo.isEnabled()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("auto"))
    assert dialog.run_button.isEnabled() and dialog.threshold_combo.isEnabled()
    one = []
    for y in (2034, 2035, 2036):
        one.append(QgsRasterLayer(write_raster(str(tmp_path / f"one_{y}.tif"), np.full((1, 64, 64), 90, np.uint8)),
                                  f"one {y}"))
    problems = inputs.validate(one, model="auto")
    assert [level for level, _ in problems] == [inputs.INFO], problems
    assert problems[0][1].startswith("Automatic: Classical ISFA will run, not CAIM-Net + ISFA, which cannot read "
                                     "these layers' bands: "), problems
    # two of them: Classical ISFA is the two-date choice itself, no note
    assert inputs.validate(one[:2], model="auto") == [] and inputs.auto_choice(one[:2]) == "isfa"
    assert inputs.auto_choice(one) == "isfa" and inputs.validate(one, model="caimnet")[0][0] == inputs.ERROR


def test_background_run_adds_styled_layers(dialog, three_layers, tmp_path, project, monkeypatch):
    dialog.refresh_layers()
    dialog.tile_spin.setValue(64)
    dialog.device_combo.setCurrentText("CPU")
    assert dialog.parameters()["SENSITIVITY"] == 0.0
    dialog.sensitivity_spin.setValue(0.5)
    assert dialog.parameters()["MIN_PATCH"] == 0 and dialog.min_patch_spin.text() == "off"
    # smaller than the size goes: 4 drops patches of 3 pixels too (it said "isolated pixels and pairs")
    assert "e.g. 4 drops patches of 1 to 3 pixels." in dialog.min_patch_spin.toolTip()
    dialog.min_patch_spin.setValue(3)
    assert dialog.parameters()["FILL_GAPS"] is False
    dialog.fill_gaps_check.setChecked(True)  # the last date's 6 x 6 nodata corner gets a result
    assert dialog.min_patch_note.text() == "= 75 m² on scene_20190501's pixels"  # 5 m pixels
    folder = str(tmp_path / "results")
    dialog.folder_widget.setFilePath(folder)
    params = dialog.parameters()
    assert params["SENSITIVITY"] == 0.5 and params["MIN_PATCH"] == 3
    assert params["DATES"] == "2019-05-01,2020-05-01,2021-05-01"
    assert [project.mapLayer(i).name() for i in params["INPUT"]] == [
        "scene_20190501", "middle image", "may 2021 (2021-05-01)"]
    task = dialog.run(ask=False)
    assert task is not None
    assert not dialog.run_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert wait_for(lambda: dialog.task is None)
    assert dialog.last_results, dialog.status.text()
    assert dialog.last_results["DEVICE_USED"] == "cpu"
    assert dialog.last_results["MODEL_USED"] == "caimnet_isfa"
    # the inputs step through the Temporal Controller one date at a time
    ranges = [project.mapLayer(i).temporalProperties().fixedTemporalRange() for i in params["INPUT"]]
    assert all(project.mapLayer(i).temporalProperties().isActive() for i in params["INPUT"])
    assert [r.begin().date().toString("yyyy-MM-dd") for r in ranges] == ["2019-05-01", "2020-05-01", "2021-05-01"]
    assert [r.end().date().toString("yyyy-MM-dd") for r in ranges] == ["2020-05-01", "2021-05-01", "2022-05-01"]
    assert dialog.status.text().startswith(
        "Done on cpu with CAIM-Net + ISFA (automatic choice for 3 dates), sensitivity +0.5, "
        "changed patches >= 3 px, masked dates filled.")
    assert dialog.progress.value() == 100
    for name in ("change_area.tif", "change_moment.tif", "confidence.tif", "moment_probability.tif",
                 "change_moment.qml"):
        assert os.path.exists(os.path.join(folder, name))
    group = project.layerTreeRoot().children()[0]
    assert group.name() == ("CAIM changes 2019-05-01 to 2021-05-01 (3 dates, CAIM-Net + ISFA, sensitivity +0.5, "
                            "patches >= 3 px, gaps filled)")
    assert (read(os.path.join(folder, "change_moment.tif"))[:6, :6] != 255).all()
    from osgeo import gdal
    assert gdal.Open(os.path.join(folder, "change_moment.tif")).GetMetadataItem("CAIM_SENSITIVITY") == "0.5"
    assert gdal.Open(os.path.join(folder, "change_moment.tif")).GetMetadataItem("CAIM_MIN_PATCH") == "3"
    from caim_qgis_plugin import layers as lyr
    assert json.loads(dialog.last_layers["moment"].customProperty(lyr.RUN_PROPERTY))["min_patch"] == 3
    moment = dialog.last_layers["moment"]
    moment_name = moment.name()
    assert [c.label for c in moment.renderer().classes()] == [
        "No change", "2019-05-01 to 2020-05-01", "2020-05-01 to 2021-05-01"]
    # the summary: hectares per interval, in the status line
    hectares = json.loads(dialog.last_results["HECTARES"])
    assert list(hectares) == ["2019-05-01 to 2020-05-01", "2020-05-01 to 2021-05-01"]
    assert "Changed %.2f ha over 2 intervals" % sum(hectares.values()) in dialog.status.text()
    assert "2020-05-01 to 2021-05-01: %.2f ha" % hectares["2020-05-01 to 2021-05-01"] in dialog.status.toolTip()
    # the next output folder is suggested beside the one chosen (it was reset to ~/CAIM results/run-...), and
    # never that folder again; a dialog opened later in the session (or after a restart) suggests it too
    suggested = dialog.folder_widget.filePath()
    assert os.path.dirname(suggested) == str(tmp_path) and os.path.basename(suggested).startswith("run-")
    assert suggested != folder and not os.path.exists(suggested)
    from caim_qgis_plugin.dialog import CaimDialog

    later = CaimDialog(None)
    assert os.path.dirname(later.folder_widget.filePath()) == str(tmp_path)
    os.makedirs(later.folder_widget.filePath())  # a suggestion that now exists is never made again
    assert later.default_output_folder() != later.folder_widget.filePath()
    assert os.path.dirname(later.default_output_folder()) == str(tmp_path)
    later.shutdown()
    later.deleteLater()
    # the output layers of a run are never offered as inputs
    dialog.refresh_layers()
    assert [r[0] for r in rows(dialog)] == ["scene_20190501", "middle image", "may 2021 (2021-05-01)"]
    # a new run into the same folder is refused without asking
    dialog.folder_widget.setFilePath(folder)
    assert dialog.run(ask=False) is None
    assert "already exist" in dialog.status.text()
    # asked and answered yes: the earlier run's group, which shows the replaced files, gives way to the new
    # run's (it kept the old model's name and settings over the new data)
    from qgis.PyQt.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.folder_widget.setFilePath(folder)
    assert dialog.run() is not None
    assert "layers of this project show them" in asked[0] and "change_moment.tif" in asked[0]
    assert wait_for(lambda: dialog.task is None)
    assert dialog.last_results and dialog.last_results["MODEL_USED"] == "cva", dialog.status.text()
    names = [g.name() for g in project.layerTreeRoot().children()]
    assert len([n for n in names if n.startswith("CAIM changes")]) == 1, names
    assert "Classical CVA" in names[0] and len(project.mapLayersByName(moment_name)) == 1


def test_cancel_removes_partial_outputs(dialog, project, tmp_path):
    paths = make_stack(str(tmp_path), size=192, nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.tile_spin.setValue(64)
    dialog.device_combo.setCurrentText("CPU")
    folder = str(tmp_path / "cancelled")
    dialog.folder_widget.setFilePath(folder)
    started = {}
    task = dialog.run(ask=False)
    assert task is not None
    feedback = dialog.feedback
    # cancel once the model is past loading and statistics, i.e. while tiles are being computed
    feedback.progressChanged.connect(lambda v: started.setdefault("at", v) if v > 5 else None)
    assert wait_for(lambda: "at" in started or dialog.task is None, 120)
    assert "at" in started, "the run finished before it could be cancelled"
    t0 = time.time()
    dialog.cancel()
    assert wait_for(lambda: dialog.task is None, 60)
    assert time.time() - t0 < 30
    assert dialog.last_results is None
    assert "Cancelled; partial outputs were removed." in dialog.status.text()
    assert not os.path.exists(folder)  # the run created it: no empty folder is left behind


def test_a_run_cancelled_before_it_wrote_says_nothing_was_written(dialog, project, tmp_path):
    """Cancelled at once (while the model loads, before the scene statistics, or while QGIS's task pool was busy), a
    run had written nothing, yet the dialog said 'Cancelled; partial outputs were removed.'  The algorithm tells
    (the engine's Cancelled.staged) whether the run had begun writing."""
    paths = make_stack(str(tmp_path), size=192, nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.device_combo.setCurrentText("CPU")
    folder = str(tmp_path / "cancelled")
    dialog.folder_widget.setFilePath(folder)
    assert dialog.run(ask=False) is not None
    dialog.cancel()  # (the engine asks before it loads torch and the model: seconds before its partial folder)
    assert wait_for(lambda: dialog.task is None, 60)
    assert dialog.last_results is None
    assert "Cancelled; nothing was written." in dialog.status.text(), dialog.status.text()
    assert "partial outputs were removed" not in dialog.status.text()
    assert not os.path.exists(folder)


def test_settings_are_remembered(project, fresh_settings):
    from qgis.core import QgsSettings

    from caim_qgis_plugin.dialog import CaimDialog

    # what earlier versions saved on every run (their defaults) does not hide the new defaults
    QgsSettings().setValue(CaimDialog.SETTINGS + "model", "caimnet")
    QgsSettings().setValue(CaimDialog.SETTINGS + "tile", 512)
    fresh = CaimDialog(None)
    assert fresh.model_choice() == "auto" and fresh.tile_spin.value() == 0
    assert fresh.tile_spin.text() == "automatic"
    fresh.shutdown()

    first = CaimDialog(None)
    first.device_combo.setCurrentText("CPU")
    first.tile_spin.setValue(256)
    first.model_combo.setCurrentIndex(first.model_combo.findData("cva"))
    first.polygons_check.setChecked(True)
    first.save_settings()
    first.shutdown()
    second = CaimDialog(None)
    assert second.device_combo.currentText() == "CPU"
    assert second.tile_spin.value() == 256 and second.tile_spin.text() == "256 px"
    assert second.model_choice() == "cva" and not second.weights_widget.isEnabled()
    assert second.polygons_check.isChecked()
    second.shutdown()


def test_model_choice_weights_and_automatic_tiles(dialog, three_layers, project, tmp_path):
    """The four model options, "auto" resolved by the engine, CVA without weights, automatic tiles."""
    from qgis.PyQt.QtCore import Qt

    from model_core.models import default_model

    from caim_qgis_plugin.algorithm import model_titles

    combo = dialog.model_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["auto", "caimnet", "schanger", "caimnet_cva", "caimnet_isfa", "cva", "isfa"]
    assert [combo.itemText(i) for i in range(combo.count())] == list(model_titles().values())
    assert combo.currentData() == "auto" and combo.currentText().startswith("Automatic (")
    assert combo.itemText(combo.findData("cva")) == "Classical CVA + Otsu (no weights, fast, any bands)"
    # tiles: automatic by default, shown as such and passed as 0
    assert dialog.tile_spin.value() == 0 and dialog.tile_spin.text() == "automatic"
    assert dialog.tile_spin.minimum() == 0 and dialog.tile_spin.maximum() == 8192

    dialog.refresh_layers()
    names = {"caimnet": "CAIM-Net", "schanger": "SChanger", "cva": "Classical CVA", "caimnet_cva": "CAIM-Net + CVA",
             "isfa": "Classical ISFA", "caimnet_isfa": "CAIM-Net + ISFA"}
    assert "ready to run with %s (automatic choice for 3 dates)." % names[default_model(3)] in dialog.messages.text()
    dialog.layer_tree.topLevelItem(0).setCheckState(0, Qt.Unchecked)
    assert "ready to run with %s (automatic choice for 2 dates)." % names[default_model(2)] in dialog.messages.text()
    dialog._check_all(True)

    # the file dialog opens where the bundled files (default and alternatives) are
    root = dialog.weights_widget.defaultRoot()
    assert os.path.isfile(os.path.join(root, "caimnet_rgbn_landcover.pt"))
    weights = str(tmp_path / "mine.pt")
    open(weights, "wb").close()
    dialog.weights_widget.setFilePath(weights)
    assert dialog.weights_widget.isEnabled()
    assert dialog.parameters()["WEIGHTS"] == weights and dialog.parameters()["MODEL"] == "auto"
    assert dialog.parameters()["TILE_SIZE"] == 0
    assert dialog.bands_label.text() == "Bands (R, G, B, NIR)"

    combo.setCurrentIndex(combo.findData("cva"))
    assert not dialog.weights_widget.isEnabled() and not dialog.weights_label.isEnabled()
    assert "needs no weights" in dialog.weights_widget.toolTip()
    assert "needs no weights" in dialog.weights_widget.lineEdit().toolTip()
    assert dialog.bands_label.text() == "Bands (any)"
    params = dialog.parameters()
    assert params["MODEL"] == "cva" and params["WEIGHTS"] is None  # kept in the field, not used
    assert "ready to run with Classical CVA." in dialog.messages.text() and dialog.run_button.isEnabled()

    combo.setCurrentIndex(combo.findData("caimnet"))
    assert dialog.weights_widget.isEnabled() and dialog.parameters()["WEIGHTS"] == weights
    assert "needs no weights" not in dialog.weights_widget.toolTip()


def test_background_cva_run(dialog, project, tmp_path):
    """A CVA run from the dialog with automatic tiles and the minimum-error threshold: the known change,
    named in the group and status with its threshold."""
    paths = make_stack(str(tmp_path))
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    assert not dialog.threshold_combo.isEnabled()  # the automatic choice has no threshold to pick
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    assert dialog.threshold_combo.isEnabled() and dialog.threshold_combo.currentData() == "otsu"
    dialog.threshold_combo.setCurrentIndex(dialog.threshold_combo.findData("kittler"))
    dialog.device_combo.setCurrentText("CPU")
    folder = str(tmp_path / "cva")
    dialog.folder_widget.setFilePath(folder)
    assert dialog.run(ask=False) is not None
    assert wait_for(lambda: dialog.task is None)
    assert dialog.last_results, dialog.status.text()
    assert dialog.last_results["MODEL_USED"] == "cva"
    assert dialog.status.text().startswith("Done on cpu with Classical CVA, minimum-error threshold.")
    assert project.layerTreeRoot().children()[0].name() == \
        "CAIM changes 2019-05-01 to 2021-05-01 (3 dates, Classical CVA, minimum-error threshold)"
    moment = dialog.last_layers["moment"]
    from caim_qgis_testlib import read

    values = read(moment.source())
    assert (values[16:40, 16:40] == 2).mean() > 0.95 and (values[44:, 44:] == 0).mean() > 0.98
    assert json.loads(moment.customProperty("caim/run"))["model"] == "cva"
    # the run report beside the outputs, linked under the status line
    report = os.path.join(folder, "report.html")
    assert dialog.last_results["REPORT"] == report and os.path.exists(report)
    assert not dialog.report_link.isHidden() and "report.html" in dialog.report_link.text()
    with open(report, encoding="utf-8") as f:
        text = f.read()
    assert "2020-05-01 to 2021-05-01" in text and "minimum error (Kittler-Illingworth)" in text


def _bar_lines(bar):
    """Lines the message bar's current item shows its title and text on (its text browser, laid out)."""
    from qgis.PyQt.QtWidgets import QApplication, QTextBrowser

    for _ in range(5):
        QApplication.processEvents()
    browser = bar.currentItem().findChildren(QTextBrowser)[0]
    document = browser.document()
    return sum(document.findBlockByNumber(i).layout().lineCount() for i in range(document.blockCount()))


def _desktop_message_bar(dialog, request):
    """(holder, bar): a real QgsMessageBar 645 px wide, as over the map of a 1280 px wide QGIS window beside the
    Layers panel and the pixel inspector, at the desktop's font (Sans Serif 9 under xvfb, tools/screenshots.sh
    says), given to the dialog as its iface's message bar."""
    import types

    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtGui import QFont
    from qgis.PyQt.QtWidgets import QApplication, QVBoxLayout, QWidget

    font = QApplication.font()
    QApplication.setFont(QFont("Sans Serif", 9))
    request.addfinalizer(lambda: QApplication.setFont(font))
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    bar = QgsMessageBar(holder)
    layout.addWidget(bar)
    layout.addStretch()
    holder.resize(645, 200)
    holder.show()
    dialog.iface = types.SimpleNamespace(messageBar=lambda: bar)
    return holder, bar

def _cva_run(dialog, project, paths, folder):
    """A Classical CVA run of the dialog on the layers of ``paths`` into ``folder``, on the CPU, waited for."""
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.device_combo.setCurrentText("CPU")
    dialog.folder_widget.setFilePath(folder)
    assert dialog.run(ask=False) is not None
    assert wait_for(lambda: dialog.task is None)
    assert dialog.last_results, dialog.status.text()

def test_the_message_bar_after_a_run_says_it_on_one_line(dialog, project, tmp_path, request):
    """After a run the QGIS message bar read "Done on cpu with Classical CVA. Changed 19858.77 ha over 3
    intervals." and wrapped to a second line the bar cut off: over the map of a 1280 px wide window, beside the
    Layers panel and the pixel inspector, the bar is 645 px wide (a desktop screenshot), about 400 px for its
    title and text.  The line is now the changed hectares alone, the model, the device, the hectares per
    interval and the warnings under Show more.  Here in a real 645 px QgsMessageBar: a real run's, and the line
    of 123456.78 ha over 12 intervals in English, German and Spanish."""
    from qgis.core import Qgis

    from caim_qgis_plugin.dialog import bar_text, tr
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    holder, bar = _desktop_message_bar(dialog, request)
    _cva_run(dialog, project, make_stack(str(tmp_path)), str(tmp_path / "cva"))
    item = bar.currentItem()
    assert item.title() == "CAIM change detection"
    assert item.text() == bar_text(dialog.last_results) and item.text().endswith(" ha changed.")
    assert _bar_lines(bar) == 1, item.text()
    many = {"HECTARES": json.dumps({"%d to %d" % (k, k + 1): 10288.065 for k in range(12)})}
    for locale, expected in ((None, "123456.78 ha changed."), ("de_DE", "123456,78 ha geändert."),
                             ("es_ES", "123456,78 ha cambiadas.")):
        translator = install_translator(locale) if locale else None
        try:
            text = bar_text(many)
            assert text.replace(".", "").replace(",", "") == expected.replace(".", "").replace(",", "")
            bar.pushMessage(tr("CAIM change detection"), text, "details", Qgis.Success, 0)
            assert _bar_lines(bar) == 1, (locale, tr("CAIM change detection"), text)
            assert len(tr("CAIM change detection") + ": " + text) <= 52
        finally:
            if translator is not None:
                remove_translator(translator)
    holder.close()
    holder.deleteLater()


def test_a_runs_warnings_are_said_in_the_message_bar_not_only_by_its_colour(dialog, project, tmp_path, request):
    """A run with warnings (here a date whose pixels are mostly nodata) puts a warning message on top of the one
    with the hectares: its line says how many (the hectares' line has no room for it in German and Spanish), the
    warnings themselves under Show more; closing it shows the hectares.  Before, the one bar only turned yellow
    and the warnings (e.g. "RANDOM weights") were behind Show more."""
    from osgeo import gdal
    from qgis.core import Qgis

    from caim_qgis_plugin.dialog import bar_text, tr
    from caim_qgis_plugin.i18n import install_translator, remove_translator

    holder, bar = _desktop_message_bar(dialog, request)
    paths = make_stack(str(tmp_path))
    ds = gdal.Open(paths[1], gdal.GA_Update)  # the middle date: 70 % of its rows nodata
    for b in range(1, ds.RasterCount + 1):
        values = ds.GetRasterBand(b).ReadAsArray()
        values[:45] = 0
        ds.GetRasterBand(b).WriteArray(values)
    ds = None
    _cva_run(dialog, project, paths, str(tmp_path / "cva"))
    warnings = [w for w in (dialog.last_results.get("WARNINGS") or "").split("\n") if w]
    assert warnings, dialog.last_results
    item = bar.currentItem()
    assert item.level() == Qgis.Warning and item.title() == "CAIM change detection"
    assert item.text() == ("1 warning." if len(warnings) == 1 else "%d warnings." % len(warnings))
    assert _bar_lines(bar) == 1
    bar.popWidget(item)
    below = bar.currentItem()
    assert below.text() == bar_text(dialog.last_results) and below.level() == Qgis.Warning
    for locale, expected in ((None, "12 warnings."), ("de_DE", "12 Warnungen."), ("es_ES", "12 advertencias.")):
        translator = install_translator(locale) if locale else None
        try:
            assert tr("%d warnings.") % 12 == expected
            bar.pushMessage(tr("CAIM change detection"), tr("%d warnings.") % 12, "details", Qgis.Warning, 0)
            assert _bar_lines(bar) == 1, locale
        finally:
            if translator is not None:
                remove_translator(translator)
    holder.close()
    holder.deleteLater()

def test_a_runs_summary_is_in_the_caim_log_tab_once(dialog, project, tmp_path):
    """A run from the dialog logs its summary once in the Log Messages panel's 'CAIM change detection' tab (it
    came twice: the algorithm's feedback, then 'Run finished on cpu:' with the summary again); the run's feedback
    and the Processing log of a toolbox run keep it whole, and one line at the Success level says the run
    finished, and where its report is (the summary does not list it)."""
    from collections import Counter

    from qgis.core import Qgis, QgsApplication

    from caim_qgis_plugin.dialog import LOG_TAG

    logged = []

    def received(message, tag, level):
        if tag == LOG_TAG:
            logged.append((message, level))

    paths = make_stack(str(tmp_path))
    QgsApplication.messageLog().messageReceived.connect(received)
    try:
        for p in paths:
            add_layer(project, p, os.path.basename(p))
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
        dialog.device_combo.setCurrentText("CPU")
        dialog.folder_widget.setFilePath(str(tmp_path / "out"))
        assert dialog.run(ask=False) is not None
        feedback = dialog.feedback
        assert wait_for(lambda: dialog.task is None)
        wait_for(lambda: False, 0.2)  # (messages the task's thread logged last)
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(received)
    assert dialog.last_results, dialog.status.text()
    summary = dialog.last_results["SUMMARY"]
    assert "Changed area per interval (last change):" in summary and "Outputs:" in summary
    assert summary in feedback.log  # the algorithm's feedback (Processing's log) carries it whole
    wanted = Counter(summary.splitlines())
    lines = Counter(line for message, _ in logged for line in message.splitlines())
    assert {line: lines[line] for line in wanted} == dict(wanted), [m for m, _ in logged]
    finished = [m for m, level in logged if level == Qgis.Success]
    assert finished == ["Run finished on cpu; report: %s" % dialog.last_results["REPORT"]], finished
    # run from the toolbox (or qgis_process), the algorithm's log carries the summary whole too
    from caim_qgis_testlib import run_algorithm

    out = tmp_path / "toolbox"
    results, ok, toolbox = run_algorithm(dict(INPUT=paths, MODEL="cva",
                                              DEVICE="CPU", AREA=str(out / "change_area.tif"),
                                              MOMENT=str(out / "change_moment.tif"),
                                              CONFIDENCE=str(out / "confidence.tif")))
    assert ok and results["SUMMARY"].count("\n") > 10 and results["SUMMARY"] in toolbox.textLog(), toolbox.textLog()


def test_probabilities_data_type_is_offered_beside_the_probabilities_and_remembered(dialog, project, tmp_path):
    """The dialog's data type of the probabilities (beside "Write per-interval probabilities"): float32 by default,
    enabled only with the probabilities, passed to Processing as PROBABILITIES_TYPE, remembered; a run with byte
    writes moment_probability.tif as bytes with the bands' scale."""
    from osgeo import gdal

    from caim_qgis_plugin.dialog import CaimDialog

    combo = dialog.probabilities_type_combo
    assert dialog.probabilities_check.isChecked() and combo.isEnabled() and combo.currentData() == "float32"
    assert [combo.itemData(i) for i in range(combo.count())] == ["float32", "uint16", "byte"]
    # rounding keeps each value within half a step (it said "exact to 1/65534 or 1/254")
    assert "within half a step (1/131068 or 1/508)" in combo.toolTip() and "exact to" not in combo.toolTip()
    paths = make_stack(str(tmp_path))
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.device_combo.setCurrentText("CPU")
    folder = str(tmp_path / "byte")
    dialog.folder_widget.setFilePath(folder)
    combo.setCurrentIndex(combo.findData("byte"))
    assert dialog.parameters()["PROBABILITIES_TYPE"] == "byte"
    dialog.probabilities_check.setChecked(False)
    assert not combo.isEnabled() and "PROBABILITIES_TYPE" not in dialog.parameters()
    dialog.probabilities_check.setChecked(True)
    assert dialog.run(ask=False) is not None
    assert wait_for(lambda: dialog.task is None)
    assert dialog.last_results, dialog.status.text()
    ds = gdal.Open(os.path.join(folder, "moment_probability.tif"))
    band = ds.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Byte and band.GetScale() == pytest.approx(1 / 254) and band.GetNoDataValue() == 255
    ds = band = None
    dialog.save_settings()
    again = CaimDialog(None)
    assert again.probabilities_type_combo.currentData() == "byte" and again.probabilities_type_combo.isEnabled()
    again.shutdown()


def test_cloud_mask_column_match_and_run(dialog, project, tmp_path):
    """Cloud masks in the dialog: 'Match masks by date' pairs each date with its one-band mask layer and
    unchecks the masks as inputs; a date without a mask is named in a note and its position left out of
    MASKED_DATES; the fact columns take no editor; a run sends MASKS / MASK_CLEAR and the middle date's cloud
    comes out as nodata."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QStyleOptionViewItem

    from caim_qgis_plugin.dialog import COL_BANDS, COL_LAYER, COL_MASK, NO_MASK
    from test_algorithm import _cloud_masks

    paths = make_stack(str(tmp_path), nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    masks = [add_layer(project, m, os.path.basename(m)[:-4]) for m in _cloud_masks(str(tmp_path))]
    dialog.refresh_layers()
    tree = dialog.layer_tree
    index = tree.model().index(0, COL_BANDS)
    assert tree.itemDelegateForColumn(COL_BANDS).createEditor(tree, QStyleOptionViewItem(), index) is None
    assert tree.itemDelegateForColumn(COL_LAYER).createEditor(tree, QStyleOptionViewItem(), index) is None
    assert sorted(layer.name() for layer in dialog.mask_candidates()) == [m.name() for m in masks]
    assert len(dialog.checked()) == 6  # the masks are rasters too, checked as dates at first
    assert dialog.match_masks() == 3
    assert [layer.name() for layer, _ in dialog.checked()] == [os.path.basename(p) for p in paths]
    mask_rows = [i for i in dialog._items() if i.text(COL_LAYER).startswith("cmask_")]
    assert [i.toolTip(COL_LAYER).splitlines()[0] for i in mask_rows if "2020" in i.text(COL_LAYER)] == [
        "cloud mask of '20200501.tif'"]
    assert [m.name() for m in dialog.checked_masks()] == ["cmask_2019-05-01", "cmask_2020-05-01", "cmask_2021-05-01"]
    params = dialog.parameters()
    assert params["MASKS"] == [m.id() for m in masks] and params["MASK_CLEAR"] == "0"
    assert "MASKED_DATES" not in params  # every date has its mask: MASKS alone, as ever
    # one date without its mask: allowed (masks are optional per date), the date named in a note
    first = next(i for i in dialog._items() if i.checkState(COL_LAYER) == Qt.Checked)
    dialog.set_mask(first, None)
    assert first.text(COL_MASK) == NO_MASK and dialog.validate()
    assert "No cloud mask for '%s'" % os.path.basename(paths[0]) in dialog.messages.text()
    params = dialog.parameters()
    assert params["MASKS"] == [masks[1].id(), masks[2].id()] and params["MASKED_DATES"] == "2,3"
    dialog.set_mask(first, masks[0])
    dialog.mask_clear_edit.setText("clear")
    assert not dialog.validate() and "Mask clear value" in dialog.messages.text()
    index = dialog.mask_preset_combo.findText("Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow)")
    assert index > 0
    dialog.mask_preset_combo.activated.emit(index)
    assert dialog.mask_clear_edit.text() == "bit6&!bit2&!bit4" and dialog.validate()
    dialog.mask_clear_edit.textEdited.emit("0")  # typed by hand: the list no longer names the product
    assert dialog.mask_preset_combo.currentIndex() == 0
    # the Cloud mask cell offers the row's own date's mask first (the legend lists the last added first)
    from qgis.PyQt.QtWidgets import QStyleOptionViewItem

    row = next(i for i in dialog._items() if i.text(COL_LAYER) == os.path.basename(paths[2]))
    index = tree.indexFromItem(row, COL_MASK)
    editor = tree.itemDelegateForColumn(COL_MASK).createEditor(tree, QStyleOptionViewItem(), index)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        NO_MASK, "cmask_2021-05-01", "cmask_2019-05-01", "cmask_2020-05-01"]
    dialog.mask_clear_edit.setText("0")
    assert dialog.validate()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.device_combo.setCurrentText("CPU")
    dialog.folder_widget.setFilePath(str(tmp_path / "masked"))
    assert dialog.run(ask=False) is not None
    assert wait_for(lambda: dialog.task is None)
    assert dialog.last_results, dialog.status.text()
    assert "cloud masks (clear = 0)" in dialog.status.text()
    moment = read(dialog.last_layers["moment"].source())
    assert (moment[44:54, 0:10] == 255).all() and (moment == 255).sum() == 100
    run = json.loads(dialog.last_layers["moment"].customProperty("caim/run"))
    assert run["mask_clear"] == "0" and run["inputs"][1]["mask"].endswith("cmask_2020-05-01.tif")


def test_match_masks_never_masks_a_mask_and_names_a_date_with_two(dialog, project, tmp_path):
    """Two mask-like layers for one date (a QA band and a cloud mask): that date is left for the user,
    and said; neither mask gets the other as its mask (it did: 'Matched 8 masks' for 6 dates, the images
    of those dates none); every mask-like layer of an image's date is unchecked; 'Check all' leaves the
    masks in use unchecked."""
    import shutil

    from qgis.PyQt.QtCore import Qt

    from caim_qgis_plugin.dialog import COL_LAYER, COL_MASK, NO_MASK
    from test_algorithm import _cloud_masks

    paths = make_stack(str(tmp_path), nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    masks = _cloud_masks(str(tmp_path))
    second = str(tmp_path / "qa_2020-05-01.tif")
    shutil.copy(masks[1], second)
    for m in masks + [second]:
        add_layer(project, m, os.path.basename(m)[:-4])
    dialog.refresh_layers()
    assert dialog.match_masks() == 2
    by_name = {i.text(COL_LAYER): i for i in dialog._items()}
    assert by_name["20190501.tif"].text(COL_MASK) == "cmask_2019-05-01"
    assert by_name["20200501.tif"].text(COL_MASK) == NO_MASK
    for name in ("cmask_2020-05-01", "qa_2020-05-01", "cmask_2019-05-01"):
        assert by_name[name].text(COL_MASK) == NO_MASK and by_name[name].checkState(COL_LAYER) == Qt.Unchecked
    assert "Several mask layers for 2020-05-01 ('cmask_2020-05-01', 'qa_2020-05-01')" in dialog.status.text()
    assert [layer.name() for layer, _ in dialog.checked()] == [os.path.basename(p) for p in paths]
    # the masks it matched are hidden in the Layers panel (they drew over the imagery, later over the result);
    # the date's two it left to the user, and the images, stay shown
    shown = {n.layer().name(): n.itemVisibilityChecked() for n in project.layerTreeRoot().findLayers()}
    assert shown == {"20190501.tif": True, "20200501.tif": True, "20210501.tif": True, "cmask_2019-05-01": False,
                     "cmask_2020-05-01": True, "qa_2020-05-01": True, "cmask_2021-05-01": False}, shown
    assert "2 mask layers were hidden in the Layers panel" in dialog.status.text()
    dialog._check_all(True)
    checked = [layer.name() for layer, _ in dialog.checked()]
    assert "cmask_2019-05-01" not in checked and "cmask_2021-05-01" not in checked and "qa_2020-05-01" in checked


def test_mask_layers_checked_as_dates_point_to_match_masks_by_date(dialog, project, tmp_path):
    """The project's cloud masks are checked as dates when the dialog opens (a desktop look with the Pucallpa
    dates and two '<year>_cloudmask' layers): the messages said the band counts differ and to uncheck them, not
    that 'Match masks by date' makes them the dates' masks.  They now say so, of mask-like one-band layers of an
    image's date only, and no more once they are matched."""
    import shutil

    from qgis.PyQt.QtCore import Qt

    from caim_qgis_plugin.dialog import COL_LAYER
    from test_algorithm import _cloud_masks

    paths = make_stack(str(tmp_path), nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    masks = _cloud_masks(str(tmp_path))
    for m in masks[:2]:
        add_layer(project, m, os.path.basename(m)[:-4])
    plain = str(tmp_path / "band_2021-05-01.tif")  # a one-band layer not named as a mask
    shutil.copy(masks[2], plain)
    add_layer(project, plain, "band_2021-05-01")
    dialog.refresh_layers()
    assert {i.text(COL_LAYER) for i in dialog._items() if i.checkState(COL_LAYER)} >= {"cmask_2019-05-01",
                                                                                     "cmask_2020-05-01"}
    text = dialog.messages.text()
    assert ("'cmask_2019-05-01', 'cmask_2020-05-01' look like cloud masks of checked dates: Match masks by date "
            "makes each its date's mask.") in text, text
    assert "band_2021-05-01' look" not in text
    by_name = {i.text(COL_LAYER): i for i in dialog._items()}
    by_name["cmask_2020-05-01"].setCheckState(COL_LAYER, Qt.Unchecked)
    dialog.validate()
    assert ("'cmask_2019-05-01' looks like the cloud mask of a checked date: Match masks by date makes it that "
            "date's mask.") in dialog.messages.text(), dialog.messages.text()
    assert dialog.match_masks() == 2
    assert "look like cloud masks" not in dialog.messages.text() and "looks like" not in dialog.messages.text()


def test_the_match_masks_hint_promises_only_what_match_masks_does(dialog, project, tmp_path):
    """The hint that mask layers checked as dates become their dates' masks with 'Match masks by date' named every
    one-band mask-like layer of an image's date, also where Match masks by date does not give it: a date with two
    such layers (it asks which, 'Several mask layers for ...') and an image that has a mask already (it is left as
    it is).  Only the layers it would match are named; the others keep the band-count message."""
    import shutil

    from qgis.PyQt.QtCore import Qt

    from caim_qgis_plugin.dialog import COL_LAYER
    from test_algorithm import _cloud_masks

    paths = make_stack(str(tmp_path), nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    masks = _cloud_masks(str(tmp_path))
    for m in masks:
        add_layer(project, m, os.path.basename(m)[:-4])
    second = str(tmp_path / "qa_2020-05-01.tif")  # a second mask-like layer of 2020-05-01
    shutil.copy(masks[1], second)
    add_layer(project, second, "qa_2020-05-01")
    plain = str(tmp_path / "band_x.tif")
    shutil.copy(masks[2], plain)
    other = add_layer(project, plain, "band_x")
    dialog.refresh_layers()
    by_name = {i.text(COL_LAYER): i for i in dialog._items()}
    dialog.set_mask(by_name["20210501.tif"], other)  # the 2021 image has a mask already
    for name in ("cmask_2019-05-01", "cmask_2020-05-01", "qa_2020-05-01", "cmask_2021-05-01"):
        by_name[name].setCheckState(COL_LAYER, Qt.Checked)
    dialog.validate()
    hints = [line for line in dialog.messages.text().split("<br>") if "Match masks by date makes" in line]
    assert len(hints) == 1 and ("ℹ 'cmask_2019-05-01' looks like the cloud mask of a checked date: Match masks "
                                "by date makes it that date's mask.<") in hints[0], hints
    assert dialog.match_masks() == 1  # 2019 only: 2020 has two candidates, 2021 its mask
    assert "Several mask layers for 2020-05-01" in dialog.status.text(), dialog.status.text()
    assert by_name["cmask_2019-05-01"].checkState(COL_LAYER) == Qt.Unchecked
    assert by_name["cmask_2021-05-01"].checkState(COL_LAYER) == Qt.Checked  # (left as it was)


def test_long_problem_lists_neither_widen_the_dialog_nor_squash_the_form(project, fresh_settings, tmp_path):
    """Many layers with problems when the dialog opens (the masks checked as dates before 'Match
    masks'): the problem text wraps inside a bounded, scrolling area; the dialog stays narrower than a
    1280 px screen (it opened 1828 px wide) and the form's rows keep their height (they were squashed
    to 12 px)."""
    from qgis.core import QgsApplication

    from caim_qgis_plugin.dialog import CaimDialog
    from test_algorithm import _cloud_masks

    paths = make_stack(str(tmp_path), nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p) + "_with_a_rather_long_descriptive_layer_name_from_a_catalogue")
    for i in range(12):
        os.makedirs(str(tmp_path / ("m%d" % i)))
        for m in _cloud_masks(str(tmp_path / ("m%d" % i))):
            add_layer(project, m, "%s_copy_%d_of_a_cloud_mask_with_a_long_name" % (os.path.basename(m)[:-4], i))
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.show()
        QgsApplication.processEvents()
        assert not dialog.validate() and "Band counts differ" in dialog.messages.text()
        assert dialog.width() < 1280 and dialog.minimumSizeHint().width() < 1000
        assert dialog.messages_area.height() <= 10 * dialog.fontMetrics().lineSpacing()
        squashed = [dialog.model_combo.height(), dialog.folder_widget.height()]
        dialog._check_all(False)
        QgsApplication.processEvents()
        assert [dialog.model_combo.height(), dialog.folder_widget.height()] == squashed  # as with no problems
    finally:
        dialog.hide()
        dialog.shutdown()
        dialog.deleteLater()


def test_cloud_mask_on_one_of_three_dates(dialog, project, tmp_path):
    """A cloud mask for the middle date only: no error, the run sends MASKS with that mask and MASKED_DATES=2,
    its cloud comes out as nodata (or filled with Fill masked dates) and the run notes that date's mask
    only; with a mask on every date the parameters are MASKS alone, as before."""
    from qgis.PyQt.QtCore import Qt

    from caim_qgis_plugin.dialog import COL_LAYER
    from test_algorithm import _cloud_masks

    paths = make_stack(str(tmp_path), nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    masks = [add_layer(project, m, os.path.basename(m)[:-4]) for m in _cloud_masks(str(tmp_path))]
    dialog.refresh_layers()
    items = {i.text(COL_LAYER): i for i in dialog._items()}
    dialog.set_mask(items["20200501.tif"], masks[1])
    for m in (masks[0], masks[2]):  # the unused masks are not dates either
        items[m.name()].setCheckState(COL_LAYER, Qt.Unchecked)
    assert [layer.name() for layer, _ in dialog.checked()] == [os.path.basename(p) for p in paths]
    assert [m.name() if m else None for m in dialog.checked_masks()] == [None, "cmask_2020-05-01", None]
    assert dialog.validate(), dialog.messages.text()
    assert "✖" not in dialog.messages.text()
    assert "No cloud mask for '20190501.tif', '20210501.tif'" in dialog.messages.text()
    params = dialog.parameters()
    assert params["MASKS"] == [masks[1].id()] and params["MASKED_DATES"] == "2" and params["MASK_CLEAR"] == "0"
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.device_combo.setCurrentText("CPU")
    for fill in (False, True):
        dialog.fill_gaps_check.setChecked(fill)
        dialog.folder_widget.setFilePath(str(tmp_path / ("filled" if fill else "masked")))
        assert dialog.run(ask=False) is not None, dialog.status.text()
        assert dialog._run_masks == [None, masks[1], None]
        assert wait_for(lambda: dialog.task is None)
        assert dialog.last_results, dialog.status.text()
        assert "cloud masks on 1 of 3 dates (clear = 0)" in dialog.status.text()
        moment = read(dialog.last_layers["moment"].source())
        if fill:
            assert "masked dates filled" in dialog.status.text()
            assert (moment != 255).all() and (moment[44:54, 0:10] == 0).all()
        else:
            assert (moment[44:54, 0:10] == 255).all() and (moment == 255).sum() == 100
        run = json.loads(dialog.last_layers["moment"].customProperty("caim/run"))
        assert run["mask_clear"] == "0" and [bool(f.get("mask")) for f in run["inputs"]] == [False, True, False]
        assert run["inputs"][1]["mask"].endswith("cmask_2020-05-01.tif")
    # a mask on every date: MASKS alone, in date order (the contract of before)
    dialog.set_mask(items["20190501.tif"], masks[0])
    dialog.set_mask(items["20210501.tif"], masks[2])
    assert dialog.validate() and "No cloud mask" not in dialog.messages.text()
    params = dialog.parameters()
    assert params["MASKS"] == [m.id() for m in masks] and "MASKED_DATES" not in params


def test_about_the_weights(dialog, three_layers, tmp_path):
    """"About…" beside Weights says what the file that would run was trained on (the bundled file when
    the field is empty), a plain reason for a file that is not one, and is off for the classical methods."""
    import model_core.provenance as prov

    dialog.refresh_layers()
    assert dialog.weights_info_button.isEnabled()
    ok, text = dialog.weights_info()
    assert ok and os.path.join("resources", "weights", "caimnet_rgbn.pt") in text and "  licences " in text
    assert text == prov.text(prov.describe(text.split("\n")[0]))
    # the button opens a window with that text (closed by a timer: it is modal)
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QPlainTextEdit

    shown = []
    QTimer.singleShot(200, lambda: (shown.append(dialog._weights_info_box.findChild(
        QPlainTextEdit, "weights_info_text").toPlainText()), dialog._weights_info_box.reject()))
    dialog.weights_info_button.click()
    assert shown == [text]
    combo = dialog.model_combo
    combo.setCurrentIndex(combo.findData("schanger"))
    ok, text = dialog.weights_info()
    assert ok and "schanger_rgbn.pt" in text.split("\n")[0] and "SChanger [schanger]" in text
    bad = tmp_path / "mine.pt"
    bad.write_bytes(b"no weights")
    dialog.weights_widget.setFilePath(str(bad))
    ok, text = dialog.weights_info()
    assert not ok and "cannot be read safely" in text and "mine.pt" in text
    combo.setCurrentIndex(combo.findData("cva"))
    assert not dialog.weights_info_button.isEnabled()
    assert dialog.weights_info() == (False, "The Classical CVA method uses no weights file.")


def test_an_output_folder_under_a_file_is_named_in_the_status(dialog, project, tmp_path):
    """An output folder whose path runs through a regular file: the status names the file in the way and
    nothing starts (the engine's folder maker raises its own error now, which the dialog did not catch)."""
    paths = make_stack(str(tmp_path))
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    (tmp_path / "afile").write_text("not a folder")
    dialog.folder_widget.setFilePath(str(tmp_path / "afile" / "results"))
    assert dialog.run(ask=False) is None
    assert "'%s' is a file, not a folder" % (tmp_path / "afile") in dialog.status.text()


def test_a_long_error_of_a_run_is_shown_whole_in_the_status(dialog, project, tmp_path):
    """The run's status was one line high in a dialog of the size it opens at: an engine refusal of two lines or
    more (a date with no valid pixel, in German longer still) showed its first line only, cut mid-sentence ("...
    (all nodata or"), with the rest, what to do, out of sight.  The status now shows the whole message (up to six
    lines, then it scrolls), at the cost of the settings' room above it; an empty status takes no room."""
    from qgis.core import QgsApplication

    paths = make_stack(str(tmp_path))
    paths[2] = write_raster(str(tmp_path / "20210501_empty.tif"), np.zeros((4, 64, 64), np.uint8), nodata=0)
    for p in paths:
        add_layer(project, p, os.path.basename(p))
    dialog.resize(900, 820)
    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.folder_widget.setFilePath(str(tmp_path / "out"))
    dialog.show()
    QgsApplication.processEvents()
    area = dialog.status_area
    assert area.height() <= 2 * area.frameWidth() + 1  # no run yet: no room taken
    assert dialog.run(ask=False) is not None
    assert wait_for(lambda: dialog.task is None)
    QgsApplication.processEvents()
    label = dialog.status
    assert "has no valid pixel" in label.text() and label.text().rstrip().endswith(".")
    lines = label.heightForWidth(label.width()) // label.fontMetrics().lineSpacing()
    assert lines >= 2, label.text()  # (the case: a message of several lines at this width)
    assert area.viewport().height() >= label.heightForWidth(label.width()) - 1, (
        area.viewport().height(), label.heightForWidth(label.width()))
    # the buttons stay on the dialog
    assert dialog.run_button.mapTo(dialog, dialog.run_button.rect().bottomLeft()).y() < dialog.height()
    dialog.hide()


def _whole_lines(area, label):
    """True when the messages' viewport shows whole lines of text (a line cut in half was shown)."""
    spacing = label.fontMetrics().lineSpacing()
    return area.viewport().height() % spacing <= 1 or area.viewport().height() >= label.height()


def test_the_dialog_fits_a_laptop_screen_and_its_messages_scroll_by_whole_lines(project, fresh_settings, tmp_path):
    """At 1366 x 768 Run and Close were off the screen (the dialog could not be made smaller than about
    801 x 831) and the problems were cut mid-line without a scroll bar: now the settings scroll, the
    dialog goes well under 700 px, and the messages show whole lines and scroll to their end."""
    from qgis.core import QgsApplication

    from caim_qgis_plugin.dialog import CaimDialog

    paths = make_stack(str(tmp_path), nodata_block=False)
    for p in paths:
        add_layer(project, p, os.path.basename(p)[:-4])
    wrong = np.full((3, 64, 64), 90, np.uint8)
    add_layer(project, write_raster(str(tmp_path / "x.tif"), wrong, epsg=32615), "three_bands_2020-06-01")
    add_layer(project, write_raster(str(tmp_path / "y.tif"), np.full((4, 64, 64), 90, np.uint8)), "no date")
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        dialog.show()
        QgsApplication.processEvents()
        assert dialog.minimumSizeHint().height() < 620 and dialog.minimumSizeHint().width() < 1000, \
            dialog.minimumSizeHint()
        assert dialog.height() <= 720
        dialog.resize(dialog.width(), 100)  # as small as it goes: nothing overlaps
        QgsApplication.processEvents()
        assert dialog.height() < 620
        widgets = [dialog.layer_tree, dialog.sort_button, dialog.settings_area, dialog.messages_area,
                   dialog.progress, dialog.run_button]
        tops = [w.mapTo(dialog, w.rect().topLeft()).y() for w in widgets]
        bottoms = [w.mapTo(dialog, w.rect().bottomLeft()).y() for w in widgets]
        assert all(bottoms[i] < tops[i + 1] for i in range(len(widgets) - 1)), (tops, bottoms)
        assert bottoms[-1] < dialog.height() and dialog.layer_tree.height() >= dialog.layer_tree.minimumHeight()
        dialog.resize(760, 600)
        QgsApplication.processEvents()
        assert dialog.height() == 600
        for button in (dialog.run_button, dialog.close_button):
            assert button.mapTo(dialog, button.rect().bottomLeft()).y() < dialog.height()
        area, label = dialog.messages_area, dialog.messages
        assert not dialog.validate() and "Band counts differ" in label.text()
        QgsApplication.processEvents()
        assert area.viewport().height() >= 2 * label.fontMetrics().lineSpacing()
        assert _whole_lines(area, label), (area.viewport().height(), label.fontMetrics().lineSpacing())
        bar = area.verticalScrollBar()
        assert label.height() > area.viewport().height() and bar.isVisible()
        assert bar.maximum() + area.viewport().height() >= label.height() - 1  # the last line is a scroll away
        assert label.height() >= label.heightForWidth(label.width())  # the label holds all its text
        dialog.resize(760, 720)
        QgsApplication.processEvents()
        assert _whole_lines(area, label)
        # a short message: shown whole, no scroll bar
        for item in dialog._items():
            if item.text(0) in ("three_bands_2020-06-01", "no date"):
                item.setCheckState(0, 0)
        QgsApplication.processEvents()
        assert dialog.validate()
        assert area.verticalScrollBar().maximum() == 0
        assert label.heightForWidth(label.width()) <= area.viewport().height()
        # room goes to the settings before the list: at 720 px the list kept 256 px for 3 layers while
        # the settings scrolled in 171 px; the list grows once the settings are whole
        dialog.resize(800, 720)
        QgsApplication.processEvents()
        tree, settings = dialog.layer_tree, dialog.settings_area
        assert tree.height() <= tree.sizeHint().height() + 2 and settings.height() > tree.height()
        dialog.resize(800, 1100)
        QgsApplication.processEvents()
        assert settings.height() >= settings.sizeHint().height() - 2 and tree.height() > tree.sizeHint().height()
    finally:
        dialog.hide()
        dialog.shutdown()
        dialog.deleteLater()


def test_file_names_that_look_like_html_are_shown_as_text(dialog, project, tmp_path, monkeypatch):
    """Qt renders text that looks like HTML, loading any file an <img src> names: a folder, a file or a
    weights file named like HTML is shown as it is in the tooltips, the status line and message boxes."""
    import shutil

    from caim_qgis_testlib import HTML_NAME, shown
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMessageBox

    from caim_qgis_plugin.dialog import COL_LAYER

    folder = tmp_path / HTML_NAME
    folder.mkdir()
    src = make_stack(str(tmp_path))[0]
    path = str(folder / "20190501.tif")
    shutil.copy(src, path)
    add_layer(project, path, HTML_NAME)
    dialog.refresh_layers()
    assert shown(dialog.layer_tree.topLevelItem(0).toolTip(COL_LAYER)) == path
    dialog.min_patch_spin.setValue(4)
    assert shown(dialog.min_patch_note.text()) == "= 100 m² on %s's pixels" % HTML_NAME
    assert dialog.status.textFormat() == Qt.PlainText
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
    missing = str(folder / "my.pt")
    dialog.weights_widget.setFilePath(missing)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    dialog.show_weights_info()
    assert said and "'%s' does not exist" % missing in shown(said[0])


def test_run_button_asks_before_overwriting(dialog, three_layers, tmp_path, monkeypatch):
    """The Run button (mouse or Enter) asks whether to replace the outputs already in the folder; it used to
    pass clicked()'s False as ``ask`` and refuse without asking."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QMessageBox

    from caim_qgis_plugin.dialog import OUTPUT_FILES

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / OUTPUT_FILES["AREA"]).write_bytes(b"an earlier run's map")
    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.folder_widget.setFilePath(str(folder))
    assert dialog.run_button.isEnabled(), dialog.messages.text()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.No)
    QTest.mouseClick(dialog.run_button, Qt.LeftButton)
    assert asked and OUTPUT_FILES["AREA"] in asked[0]
    assert dialog.task is None and dialog.status.text() == "Not run: choose another output folder."
    assert (folder / OUTPUT_FILES["AREA"]).read_bytes() == b"an earlier run's map"


def test_rows_moved_and_dates_edited_from_the_keyboard(dialog, three_layers):
    """Alt+Up/Down move the selected rows; F2 edits the current row's date and Shift+F2 its cloud mask (rows
    are selected whole: the arrows never reached the Date cell, and F2 opened nothing on the Layer column)."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication, QComboBox, QLineEdit

    dialog.refresh_layers()
    tree = dialog.layer_tree
    dialog.show()
    tree.setFocus()
    first = tree.topLevelItem(0)
    tree.setCurrentItem(first)
    QTest.keyClick(tree, Qt.Key_Down, Qt.AltModifier)
    assert tree.indexOfTopLevelItem(first) == 1 and tree.currentItem() is first
    QTest.keyClick(tree, Qt.Key_Down, Qt.AltModifier)
    assert tree.indexOfTopLevelItem(first) == 2
    QTest.keyClick(tree, Qt.Key_Up, Qt.AltModifier)
    assert tree.indexOfTopLevelItem(first) == 1
    QTest.keyClick(tree, Qt.Key_F2)
    editors = [w for w in tree.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    QTest.keyClicks(editors[0], "2019-05-02")
    QTest.keyClick(editors[0], Qt.Key_Return)
    QApplication.processEvents()
    assert first.text(1) == "2019-05-02"
    QTest.keyClick(tree, Qt.Key_F2, Qt.ShiftModifier)
    assert [w for w in tree.viewport().findChildren(QComboBox) if w.isVisible()]  # the cloud mask list
    dialog.hide()


def test_message_colours_read_on_a_dark_theme(qgis_app):
    """The dialog's and the labelling panel's message colours were fixed dark tones, hard to read on QGIS's
    Night Mapping background (#323232; an accessibility audit): they follow the window's lightness."""
    from qgis.PyQt.QtGui import QColor, QPalette
    from qgis.PyQt.QtWidgets import QApplication

    from caim_qgis_plugin.richtext import tone

    app = QApplication.instance()
    saved = app.palette()
    try:
        light = {k: QColor(tone(k)) for k in ("error", "warning", "info", "ok")}
        dark_palette = QPalette(saved)
        dark_palette.setColor(QPalette.Window, QColor("#323232"))
        app.setPalette(dark_palette)
        dark = {k: QColor(tone(k)) for k in light}
    finally:
        app.setPalette(saved)
    for k in light:  # on the dark background a light tone, on the light one a dark tone
        assert dark[k].lightness() > 128 > light[k].lightness(), (k, dark[k].name(), light[k].name())


def test_the_estimate_stays_under_the_progress_text(qgis_app):
    """The engine's estimate of the run's time and size (pushed to the log before the statistics) was only
    in QGIS's message log: the dialog's status line, which shows the progress text, keeps it below."""
    from caim_qgis_plugin.dialog import RunFeedback

    feedback, shown = RunFeedback(), []
    feedback.text.connect(shown.append)
    feedback.setProgressText("Loading model")
    feedback.pushInfo("Model: Classical CVA [cva]")
    feedback.pushInfo("Estimate  about 3 min on this machine, outputs about 12 MB (2048 x 2048 px, 3 dates)")
    feedback.setProgressText("Tile 1/16")
    assert shown == ["Loading model", "Estimate  about 3 min on this machine, outputs about 12 MB (2048 x 2048 px, "
                     "3 dates)", "Tile 1/16\nEstimate  about 3 min on this machine, outputs about 12 MB (2048 x 2048 "
                     "px, 3 dates)"]


def test_a_run_refused_as_huge_can_be_run_anyway(dialog, project, tmp_path, monkeypatch):
    """The engine refuses a run estimated at more than a day (or outputs that clearly do not fit) unless
    ALLOW_HUGE, which the dialog has no field for: the dialog shows the reason and asks; No leaves the
    refusal, Yes runs again with ALLOW_HUGE."""
    from qgis.PyQt.QtWidgets import QMessageBox

    from model_core import predict

    for p in make_stack(str(tmp_path)):
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    monkeypatch.setattr(predict, "machine_speed", lambda: 1e-9)  # this machine "a billion times slower"
    monkeypatch.setattr(predict, "memory_speed", lambda: 1e-9)
    asked, answers = [], [QMessageBox.No, QMessageBox.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    folder = str(tmp_path / "out")
    dialog.folder_widget.setFilePath(folder)
    assert dialog.run() is not None
    assert wait_for(lambda: dialog.task is None)
    assert len(asked) == 1 and "would take about" in asked[0] and asked[0].endswith("Run it anyway?"), asked
    assert dialog.last_results is None and "would take about" in dialog.status.text()
    assert not os.path.exists(folder)
    assert dialog.run() is not None
    assert wait_for(lambda: dialog.task is None and len(asked) == 2)
    assert wait_for(lambda: dialog.task is None and dialog.last_results is not None, 120), dialog.status.text()
    assert dialog._params.get("ALLOW_HUGE") is True and os.path.exists(dialog.last_results["MOMENT"])
    assert not dialog._allow_huge  # only that run


def test_a_huge_run_over_existing_outputs_can_be_run_anyway(dialog, project, tmp_path, monkeypatch):
    """The user agreed to overwrite the folder's outputs, then the engine refused the run as huge (writing
    nothing): 'Run it anyway?' Yes runs it, with the same consent (it said 'Outputs already exist')."""
    from qgis.PyQt.QtWidgets import QMessageBox

    from caim_qgis_plugin.dialog import OUTPUT_FILES
    from model_core import predict

    for p in make_stack(str(tmp_path)):
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / OUTPUT_FILES["MOMENT"]).write_bytes(b"an earlier run")
    monkeypatch.setattr(predict, "machine_speed", lambda: 1e-9)
    monkeypatch.setattr(predict, "memory_speed", lambda: 1e-9)
    asked, answers = [], [QMessageBox.Yes, QMessageBox.Yes]  # overwrite them; run it anyway
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    dialog.folder_widget.setFilePath(str(folder))
    assert dialog.run() is not None
    assert wait_for(lambda: dialog.task is None and len(asked) == 2), (asked, dialog.status.text())
    assert wait_for(lambda: dialog.task is None and dialog.last_results is not None, 120), dialog.status.text()
    assert dialog._params.get("ALLOW_HUGE") is True
    assert (folder / OUTPUT_FILES["MOMENT"]).read_bytes()[:2] in (b"II", b"MM")  # the new map


def test_run_anyway_is_not_left_for_a_later_run(dialog, project, tmp_path):
    """'Run it anyway' applies to the rerun it starts only: a rerun that does not start (no output
    folder) must not leave it on for the user's next run."""
    for p in make_stack(str(tmp_path)):
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.folder_widget.setFilePath("")
    dialog._allow_huge = True
    assert dialog.run(ask=False) is None
    assert not dialog._allow_huge


def test_a_layer_without_a_crs_is_named_so_among_the_crss(project, tmp_path):
    """A date without a CRS beside one in EPSG:32614 was told as 'Layers have different CRSs (,
    EPSG:32614)': an empty name where the missing CRS is."""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    paths = make_stack(str(tmp_path))
    bare = str(tmp_path / "bare_2022-05-01.tif")
    src = gdal.Open(paths[0])
    ds = gdal.GetDriverByName("GTiff").Create(bare, src.RasterXSize, src.RasterYSize, 4, gdal.GDT_Byte)
    ds.WriteRaster(0, 0, src.RasterXSize, src.RasterYSize, src.ReadRaster())
    ds.SetGeoTransform(src.GetGeoTransform())  # a grid, no CRS
    ds = src = None
    layers = [QgsRasterLayer(paths[0], "a", "gdal"), QgsRasterLayer(bare, "b", "gdal")]
    assert not layers[1].crs().isValid()
    text = " ".join(m for _, m in inp.validate(layers, model="cva"))
    assert "Layers have different CRSs (EPSG:32614, no CRS)" in text, text


def test_a_runs_dates_are_the_temporal_controllers_and_a_users_own_are_kept(project, tmp_path):
    """set_date_ranges: each input from its date to the next (the last as long as the interval before it);
    nothing with a date unknown or out of order; a layer whose time settings the user made keeps them, one an
    earlier run set is set again."""
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime
    from qgis.core import QgsDateTimeRange, QgsRasterLayer

    from caim_qgis_plugin import layers as lyr

    paths = make_stack(str(tmp_path))
    layers = [QgsRasterLayer(p, "d%d" % i, "gdal") for i, p in enumerate(paths)]
    assert lyr.set_date_ranges(layers, ["2019", None, "2021"]) == []
    assert lyr.set_date_ranges(layers, ["2020", "2019", "2021"]) == []
    assert not any(layer.temporalProperties().isActive() for layer in layers)
    assert lyr.set_date_ranges(layers, ["2019", "2019-07", "2020-07-15"]) == layers
    ranges = [layer.temporalProperties().fixedTemporalRange() for layer in layers]
    assert [(r.begin().date().toString("yyyy-MM-dd"), r.end().date().toString("yyyy-MM-dd")) for r in ranges] == [
        ("2019-01-01", "2019-07-01"), ("2019-07-01", "2020-07-15"), ("2020-07-15", "2021-07-30")]  # 380 days, as the one before
    assert ranges[0].includeBeginning() and not ranges[0].includeEnd()
    frame = QgsDateTimeRange(QDateTime(QDate(2019, 8, 1), QTime(0, 0)), QDateTime(QDate(2019, 8, 2), QTime(0, 0)))
    shown = [layer.temporalProperties().isVisibleInTemporalRange(frame) for layer in layers]
    assert shown == [False, True, False]  # a frame of the controller shows the date it falls in
    own = QgsDateTimeRange(QDateTime(QDate(2000, 1, 1), QTime(0, 0)), QDateTime(QDate(2000, 2, 1), QTime(0, 0)))
    user = QgsRasterLayer(paths[0], "user", "gdal")
    user.temporalProperties().setIsActive(True)
    user.temporalProperties().setFixedTemporalRange(own)
    assert lyr.set_date_ranges([user, layers[1]], ["2021-01-01", "2022-01-01"]) == [layers[1]]
    assert user.temporalProperties().fixedTemporalRange() == own
    assert layers[1].temporalProperties().fixedTemporalRange().begin().date() == QDate(2022, 1, 1)
    # a range a run set and the user changed since is the user's: the next run keeps it (it replaced it)
    layers[1].temporalProperties().setFixedTemporalRange(own)
    assert lyr.set_date_ranges(layers[:2], ["2023-01-01", "2024-01-01"]) == [layers[0]]
    assert layers[1].temporalProperties().fixedTemporalRange() == own


def test_weights_trained_with_a_band_mapping_are_told_before_the_run(dialog, three_layers, tmp_path):
    """A Weights file trained on the user's Landsat as SWIR1, NIR, Red, Green ("data": {"bands": [3, 4, 4, 2]})
    with Bands empty: the form said "ready to run" and the run read bands 1-4 (on the Pucallpa stack 0.8 %
    changed instead of 15.7 %), its warning coming only after it. The form now warns first; with the mapping
    in Bands, or a file trained without one, it says nothing; a mapping reading a band the layers lack is
    named as such."""
    import json as _json

    from model_core import weights as wio
    from model_core.models import build_model

    def trained(name, bands):
        path = str(tmp_path / name)
        data = {"kind": "generic", "root": "x"}
        if bands:
            data["bands"] = bands
        wio.save(path, build_model("caimnet"), {"config": _json.dumps({"model": "caimnet", "data": data})})
        return path

    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
    dialog.weights_widget.setFilePath(trained("landsat.pt", [3, 4, 4, 2]))
    dialog.validate()
    text = dialog.messages.text()
    assert "trained with the band mapping 3,4,4,2" in text and "enter 3,4,4,2 in Bands" in text, text
    assert dialog.run_button.isEnabled()  # a warning: the layers may be of another kind
    dialog.bands_edit.setText("3,4,4,2")
    assert "band mapping" not in dialog.messages.text()
    dialog.bands_edit.setText("")
    dialog.weights_widget.setFilePath(trained("plain.pt", None))
    dialog.validate()
    assert "band mapping" not in dialog.messages.text()
    dialog.weights_widget.setFilePath(trained("six.pt", [3, 4, 4, 6]))
    dialog.validate()
    text = dialog.messages.text()
    assert "band mapping 3,4,4,6, which reads band 6; the layers have 4 bands" in text, text


def test_weights_trained_on_rgb_only_images_are_told_on_rgbn_layers_only(dialog, project, tmp_path):
    """A file trained on RGB-only images (read as R, G, B, G; meta green_as_nir) on 4-band layers: the form
    warns that it would read a NIR band the network never saw; on RGB layers, read as it was trained, it
    says nothing."""
    from model_core import weights as wio
    from model_core.models import build_model

    path = str(tmp_path / "rgb.pt")
    wio.save(path, build_model("caimnet"), {"config": json.dumps({"model": "caimnet", "data": {"kind": "generic",
                                                                                             "root": "x"}}),
                                            "green_as_nir": True})
    for bands, folder in ((4, "rgbn"), (3, "rgb")):
        project.clear()
        (tmp_path / folder).mkdir()
        for p in make_stack(str(tmp_path / folder), bands=bands):
            add_layer(project, p, os.path.basename(p))
        dialog.refresh_layers()
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
        dialog.weights_widget.setFilePath(path)
        dialog.validate()
        text = dialog.messages.text()
        if bands == 4:
            assert "band mapping 1,2,3,2" in text and "enter 1,2,3,2 in Bands" in text, text
        else:
            assert "band mapping" not in text, text


class _Planted:
    """Pickled into a crafted weights file: loading it with pickle would create ``path``."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def test_a_weights_file_that_cannot_be_used_is_refused_by_the_form(dialog, three_layers, tmp_path):
    """A Weights file holding pickled code, a training run's state.pt or a missing file: the form said "ready to
    run" and the run stopped with the reason only after the layers were read. The form now shows the
    engine's reason as an error and Run is disabled; nothing in the file is run (the safe reader)."""
    import torch

    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
    planted = str(tmp_path / "planted")
    crafted = str(tmp_path / "crafted.pt")
    torch.save({"format": "caim-weights", "arch": "caimnet", "x": _Planted(planted)}, crafted)
    state = str(tmp_path / "state.pt")
    torch.save({"epoch": 0, "optimizer": {}, "history": "[]", "best": 0.0}, state)
    for path, reason in ((crafted, "holds Python objects other than tensors"),
                         (state, "is a training run's state for --resume"),
                         (str(tmp_path / "gone.pt"), "does not exist")):
        dialog.weights_widget.setFilePath(path)
        dialog.validate()
        text = dialog.messages.text()
        assert "✖" in text and reason in text and "ready to run" not in text, text
        assert not dialog.run_button.isEnabled()
    assert not os.path.exists(planted)
    dialog.weights_widget.setFilePath("")  # the bundled file again
    dialog.validate()
    assert "ready to run" in dialog.messages.text() and dialog.run_button.isEnabled()


def test_automatic_with_a_weights_file_says_what_the_engine_runs(dialog, project, tmp_path):
    """The dialog had its own copy of the engine's automatic choice, which kept the network whenever a Weights
    file was given: on red, NIR, SWIR1 layers it said 'ready to run with CAIM-Net + CVA' and About… described the
    network's file, while the run ran Classical ISFA without it.  The dialog now asks the engine
    (model_core.models.auto_choice): the check line, About… and the Weights field say ISFA runs, the file unused."""
    from rasters import ROOT

    for y in (2034, 2035):
        add_layer(project, red_nir_swir1(tmp_path, y), f"rns {y}")
    dialog.refresh_layers()
    dialog.weights_widget.setFilePath(os.path.join(ROOT, "resources", "weights", "caimnet_rgbn.pt"))
    dialog.validate()
    text = dialog.messages.text()
    assert "2 dates, ready to run with Classical ISFA (automatic choice: the networks cannot read these " \
           "layers' bands)." in text, text
    assert ("Automatic: Classical ISFA will run, not CAIM-Net + ISFA, which cannot read these layers' bands: 'rns "
            "2034': its band metadata say band 1 'red', band 2 'nir', band 3 'swir1'") in text, text
    assert "The Weights file is not used." in text
    assert dialog.weights_info() == (False, "Automatic runs Classical ISFA on the checked layers, as the networks "
                                            "cannot read their bands: it uses no weights file (a file given under "
                                            "Weights is not used).")
    assert dialog.weights_widget.lineEdit().placeholderText() == "not used: Automatic runs Classical ISFA on these " \
                                                                  "layers"
    assert dialog.threshold_combo.isEnabled()
    # CAIM-Net by name: the network's file, described
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("caimnet"))
    ok, info = dialog.weights_info()
    assert ok and "caimnet_rgbn.pt" in info.split("\n")[0]


def test_automatic_for_two_dates_runs_isfa_unless_a_weights_file_is_given(dialog, project, tmp_path):
    """Rule Y3 of the model card: Automatic runs Classical ISFA for two dates (it ran the CAIM-Net + CVA fusion),
    and CAIM-Net + ISFA when a Weights file is given, so that a file the user trained is used.  The check line,
    the Weights field, About… and the run's parameters say which; three dates keep CAIM-Net + ISFA."""
    from rasters import ROOT

    img = np.full((4, 64, 64), 90, np.uint8)
    for y in (2031, 2032):
        add_layer(project, write_raster(str(tmp_path / f"rgbn_{y}.tif"), img), f"rgbn {y}")
    dialog.refresh_layers()
    assert dialog.model_choice() == "auto"
    dialog.validate()
    assert "2 dates, ready to run with Classical ISFA (automatic choice for 2 dates)." in dialog.messages.text()
    assert dialog.weights_widget.lineEdit().placeholderText() == (
        "empty: Classical ISFA; with a file, CAIM-Net + ISFA")
    assert dialog.weights_info() == (False, "Automatic runs Classical ISFA for 2 dates, which uses no weights file; "
                                            "with a Weights file it runs CAIM-Net + ISFA with that file.")
    assert dialog.threshold_combo.isEnabled()  # (ISFA takes the minimum-error threshold)
    # the note beside it and its description for screen readers say so (they said "CVA and ISFA only")
    assert dialog.threshold_note.text() == "CVA, ISFA; Automatic where it runs ISFA"
    assert dialog.threshold_combo.accessibleDescription() == ("For the CVA and ISFA methods, and for Automatic "
                                                              "where it runs Classical ISFA")
    # its tooltip gives the reason: two dates without a file (it said 'the networks cannot read their bands')
    tip = dialog.threshold_combo.toolTip()
    assert tip.endswith("It applies to Classical ISFA, which Automatic runs for 2 dates without a Weights file."), tip
    weights = os.path.join(ROOT, "resources", "weights", "caimnet_rgbn.pt")
    dialog.weights_widget.setFilePath(weights)
    dialog.validate()
    assert "2 dates, ready to run with CAIM-Net + ISFA (automatic choice for 2 dates)." in dialog.messages.text()
    assert not dialog.threshold_combo.isEnabled()
    tip = dialog.threshold_combo.toolTip()
    assert tip.endswith("Automatic runs CAIM-Net + ISFA on these layers, with the Weights file; it runs Classical "
                        "ISFA, and this control is enabled, when the Weights field is empty."), tip
    # the Weights field's tooltip: emptied, the field makes Automatic run ISFA (it said 'empty: the bundled weights')
    assert dialog.weights_widget.toolTip() == ("Automatic runs CAIM-Net + ISFA with this file for 2 dates; with the "
                                               "field empty it runs Classical ISFA, which uses no weights file.")
    ok, info = dialog.weights_info()
    assert ok and "caimnet_rgbn.pt" in info.split("\n")[0]
    params = dialog.parameters()
    assert params["MODEL"] == "auto" and params["WEIGHTS"] == weights
    # three dates: CAIM-Net + ISFA with the bundled file, the field's placeholder as before
    dialog.weights_widget.setFilePath("")
    add_layer(project, write_raster(str(tmp_path / "rgbn_2033.tif"), img), "rgbn 2033")
    dialog.refresh_layers()
    dialog.validate()
    assert "3 dates, ready to run with CAIM-Net + ISFA (automatic choice for 3 dates)." in dialog.messages.text()
    assert dialog.weights_widget.lineEdit().placeholderText() == "empty: bundled weights"


def test_layers_without_dates_run_in_the_order_a_user_expects(dialog, project, tmp_path):
    """Undated layers kept the list's order, which is the Layers panel's (newest on top): DynamicEarthNet
    days 0..27 (file names without dates) added in order ran reversed, day 27 as 'image 1'. Now numbered
    names run in their natural order (day 2 before day 10), other undated layers in the order they were
    added (bottom of the Layers panel first); Sort by date does the same."""
    from qgis.PyQt.QtCore import Qt

    img = np.full((4, 32, 32), 90, np.uint8)
    for day in (0, 1, 2, 9, 10, 11):  # added in time order, as an analyst does
        name = "dynamic_earthnet_sample_0_planet_%d" % day
        add_layer(project, write_raster(str(tmp_path / (name + ".tif")), img), name)
    dialog.refresh_layers()
    assert rows(dialog) == [("dynamic_earthnet_sample_0_planet_%d" % d, "") for d in (0, 1, 2, 9, 10, 11)]
    assert [layer.name()[-2:] for layer, _ in dialog.checked()] == ["_0", "_1", "_2", "_9", "10", "11"]
    # a row dragged elsewhere: Sort by date puts it back
    tree = dialog.layer_tree
    tree.insertTopLevelItem(0, tree.takeTopLevelItem(5))
    dialog.sort_by_date()
    assert [r[0][-2:] for r in rows(dialog)] == ["_0", "_1", "_2", "_9", "10", "11"]
    assert "top row is image 1" in dialog.messages.text() and "top row is image 1" in dialog.sort_button.toolTip()
    # the rows show the names' ends, where they differ (Qt cut them at the end: '..._plan…' on every row)
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    width = tree.fontMetrics().horizontalAdvance("dynamic_earthnet_sample_0_planet_10") * 2 // 3
    shown = tree.fontMetrics().elidedText(rows(dialog)[4][0], tree.textElideMode(), width)
    assert shown.endswith("planet_10") and "…" in shown, shown

    # names without numbers: the order they were added (the Layers panel has the newest on top)
    project.clear()
    dialog.refresh_layers()
    for name in ("before the flood", "during", "after"):
        add_layer(project, write_raster(str(tmp_path / (name.replace(" ", "_") + ".tif")), img), name)
    dialog.refresh_layers()
    assert [r[0] for r in rows(dialog)] == ["before the flood", "during", "after"]
    # one layer added later while the others are listed: it goes last
    add_layer(project, write_raster(str(tmp_path / "much_later.tif"), img), "much later")
    dialog.refresh_layers()
    assert [r[0] for r in rows(dialog)] == ["before the flood", "during", "after", "much later"]
    tree.topLevelItem(3).setCheckState(0, Qt.Unchecked)

    # a dated layer checked too: dates first, as before, the undated below in the order they were added
    add_layer(project, write_raster(str(tmp_path / "scene_20190501.tif"), img), "scene_20190501")
    dialog.refresh_layers()
    assert rows(dialog) == [("scene_20190501", "2019-05-01"), ("before the flood", ""), ("during", ""),
                            ("after", ""), ("much later", "")]


def test_two_runs_into_one_new_folder_leave_no_empty_folder(dialog, project, tmp_path):
    """The dialog made a new output folder itself before its run claimed the outputs in it, so the folder was no
    run's: another run (a second QGIS, qgis_process) into the same new folder claimed its files in it, the dialog's
    run was refused, and when the other run failed too the empty folder stayed (each run removes only the folders it
    made).  Now the run's claim makes it (model_core.staging.claim_outputs, make=True).  Here the dialog's run waits
    for a thread of the pool while the other run claims; then the dialog's run is refused and the other fails."""
    import threading

    from qgis.PyQt.QtCore import QRunnable, QThreadPool

    from model_core.staging import claim_outputs

    os.mkdir(str(tmp_path / "in"))
    for p in make_stack(str(tmp_path / "in"), size=48, nodata_block=False):
        add_layer(project, p, os.path.basename(p))
    dialog.refresh_layers()
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    folder = tmp_path / "new"
    dialog.folder_widget.setFilePath(str(folder))
    gate = threading.Event()

    class Busy(QRunnable):  # holds a thread of the pool QGIS's tasks run in, until the gate opens
        def run(self):
            gate.wait(120)

    pool = QThreadPool.globalInstance()
    busy = [Busy() for _ in range(pool.maxThreadCount())]
    try:
        for b in busy:
            b.setAutoDelete(False)
            pool.start(b)
        assert dialog.run(ask=False) is not None
        assert not folder.exists()  # (the dialog had made it here)
        other = claim_outputs([str(folder / n) for n in ("change_area.tif", "change_moment.tif", "confidence.tif")],
                              make=True)
        assert other.__enter__() == [str(folder)]  # the other run makes it, with its claim in it
        gate.set()
        assert wait_for(lambda: dialog.task is None, 120)
        assert dialog.last_results is None and "Another run" in dialog.status.text(), dialog.status.text()
        other.__exit__(RuntimeError, RuntimeError("the other run failed"), None)
    finally:
        gate.set()
        pool.waitForDone(30000)
    assert not folder.exists(), os.listdir(str(folder))


def _line_in_sight(area, label, mark):
    """Whether the line of ``label`` (the messages) that starts with ``mark`` is whole inside ``area``'s
    viewport as it is scrolled now, and the area on the dialog: read without scrolling."""
    from qgis.PyQt.QtCore import QPoint, QRect
    from qgis.PyQt.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setTextWidth(label.width())
    doc.documentLayout()  # (laid out on demand)
    found = doc.find(mark)
    assert not found.isNull(), (mark, label.text())
    block = found.block()
    line = block.layout().lineForTextPosition(found.position() - block.position())
    top = doc.documentLayout().blockBoundingRect(block).top() + line.y()
    corner = label.mapTo(area.viewport(), QPoint(0, 0))
    rect = QRect(corner.x(), corner.y() + int(top), label.width(), int(line.height()))
    return area.viewport().rect().adjusted(0, 0, 0, 1).contains(rect) and not area.visibleRegion().isEmpty(), \
        (rect, area.viewport().rect())


def test_whether_run_can_start_is_in_sight_on_a_short_dialog(project, fresh_settings, tmp_path):
    """At 800 x 688 (a 1366 x 768 laptop screen less the title bar and task bar) with eight dates and notes of
    several lines, '✔ 8 dates, ready to run' was the last of the messages, below the three lines their area
    keeps on a short dialog: out of sight, a scroll away.  Now it is their first line, in sight with Run at
    any size the dialog can take, and so is the first error when Run is blocked (a cloud-mask note came
    before a cloud-mask error), also after the list was scrolled down."""
    from qgis.PyQt.QtCore import QPoint, QRect
    from qgis.core import QgsApplication

    from caim_qgis_plugin.dialog import CaimDialog

    dates = ["20%02d-06-01" % y for y in range(13, 21)]
    paths = make_stack(str(tmp_path), dates=dates, size=48, nodata_block=False)
    names = ["scene_%s_of_a_catalogue_with_a_rather_long_descriptive_name" % d for d in dates]
    for p, n in zip(paths, names):
        add_layer(project, p, n)
    mask = add_layer(project, write_raster(str(tmp_path / "mask.tif"), np.zeros((48, 48), np.uint8)), "clouds")
    dialog = CaimDialog(None)
    try:
        dialog.refresh_layers()
        for item in dialog._items():
            if item.text(0) == "clouds":
                item.setCheckState(0, 0)
            elif item.text(0) == names[3]:
                dialog.set_mask(item, mask)  # the notes: the seven dates without a mask, by their long names
        dialog.show()
        for size in ((800, 688), (800, 100)):  # a laptop's height; as short as the dialog goes
            dialog.resize(*size)
            QgsApplication.processEvents()
            assert dialog.validate(), dialog.messages.text()
            QgsApplication.processEvents()
            area, label = dialog.messages_area, dialog.messages
            assert label.height() > area.viewport().height(), "the messages do not scroll: no test"
            seen, where = _line_in_sight(area, label, "✔ 8 dates, ready to run")
            assert seen, (size, where, label.text())
            run = QRect(dialog.run_button.mapTo(dialog, QPoint(0, 0)), dialog.run_button.size())
            assert dialog.rect().contains(run) and not dialog.run_button.visibleRegion().isEmpty()
            # blocked: the first error, not a note, is the line in sight, though the list had been scrolled
            area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
            dialog.mask_clear_edit.setText("cloudy")
            assert not dialog.validate() and not dialog.run_button.isEnabled()
            QgsApplication.processEvents()
            assert label.text().index("✖") < label.text().index("ℹ"), label.text()
            seen, where = _line_in_sight(area, label, "✖")
            assert seen, (size, where, label.text())
            dialog.mask_clear_edit.setText("0")
    finally:
        dialog.hide()
        dialog.shutdown()
        dialog.deleteLater()


def test_coregister_check_box_runs_and_says_which_dates_moved(dialog, project, tmp_path):
    """'Co-register the dates' (COREGISTER_DEFAULT, on since rule CR), beside Fill masked dates, sends COREGISTER; after
    a run on two dates whose second is offset by (+2, -1) px the status, the run's group name and the run record on
    its layers (which the pixel inspector and a saved project read) say that one date was moved and by how much."""
    from model_core.coregister import COREGISTER_DEFAULT
    from test_algorithm import shifted_series

    for p in shifted_series(str(tmp_path)):
        add_layer(project, p, os.path.basename(p)[:-4])
    dialog.refresh_layers()
    assert dialog.coregister_check.isChecked() is COREGISTER_DEFAULT
    assert dialog.parameters()["COREGISTER"] is COREGISTER_DEFAULT
    tip = dialog.coregister_check.toolTip()
    assert "whole-pixel offset" in tip and "rotation" in tip and "Alignment" in tip
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("cva"))
    dialog.device_combo.setCurrentText("CPU")
    runs = {}
    for flag in (False, True):
        dialog.coregister_check.setChecked(flag)
        assert dialog.parameters()["COREGISTER"] is flag
        dialog.folder_widget.setFilePath(str(tmp_path / str(flag)))
        assert dialog.run(ask=False) is not None, dialog.status.text()
        assert wait_for(lambda: dialog.task is None)
        assert dialog.last_results, dialog.status.text()
        runs[flag] = (dialog.status.text(), project.layerTreeRoot().children()[0].name(),
                      json.loads(dialog.last_layers["moment"].customProperty("caim/run")),
                      read(dialog.last_layers["area"].source()))
    status, group, run, area = runs[True]
    assert status.startswith("Done on cpu with Classical CVA, co-registered: 1 date moved."), status
    assert group == "CAIM changes 2019-05-01 to 2020-05-01 (2 dates, Classical CVA, co-registered: 1 date moved)"
    assert run["coregister"] == [[0, 0], [2, -1]]
    status, group, run, unmoved = runs[False]
    assert "co-registered" not in status and "co-registered" not in group and "coregister" not in run
    assert (area == 1).sum() * 10 < (unmoved == 1).sum()
