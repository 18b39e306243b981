"""End to end in the real QGIS desktop under xvfb-run: the plugin loads from a staged install in a
throwaway profile, a sample stack is added, the dialog is filled and run, the styled layers appear, the
inspect tool answers a click, the plugin unloads.  Screenshots go to test_artifacts/."""

import json
import os
import re
import shutil
import stat
import subprocess  # nosec B404
import sys
import sysconfig

import pytest

from caim_qgis_testlib import ROOT, make_stack

pytestmark = [pytest.mark.qgis, pytest.mark.e2e]
ARTIFACTS = os.path.join(ROOT, "test_artifacts")


def run_desktop(tmp_path, stack, prefix, tile=0, timeout=540, home=None, code=None, args=(), extra_env=None):
    """Run the QGIS desktop on ``stack`` with the packaged plugin (``home``: the user's home folder, by
    default a fresh one under ``tmp_path``; the README screenshots give a plain one)."""
    if not shutil.which("xvfb-run") or not shutil.which("qgis"):
        pytest.skip("xvfb-run or qgis is not installed")
    home = tmp_path / "home" if home is None else home
    home.mkdir()
    os.chmod(str(home), stat.S_IRWXU)
    xdg = tmp_path / "xdg"
    xdg.mkdir()
    os.chmod(str(xdg), stat.S_IRWXU)
    plugins, profiles = str(tmp_path / "plugins"), str(tmp_path / "profiles")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "package.py"), "--stage", plugins,  # nosec B603
                    "--profiles", profiles], check=True, capture_output=True, timeout=60)
    os.makedirs(ARTIFACTS, exist_ok=True)
    result = str(tmp_path / "result.json")
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(xdg), QGIS_PLUGINPATH=plugins,
               PYTHONPATH=os.pathsep.join([sysconfig.get_paths()["purelib"], os.path.dirname(os.path.abspath(__file__))]),
               CAIM_E2E_STACK=os.pathsep.join(stack),
               CAIM_E2E_OUT=ARTIFACTS, CAIM_E2E_RESULT=result, CAIM_E2E_TILE=str(tile), CAIM_E2E_PREFIX=prefix,
               **(extra_env or {}))
    env.pop("QT_QPA_PLATFORM", None)
    results_dir = os.path.join(ARTIFACTS, "results")
    shutil.rmtree(results_dir, ignore_errors=True)
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
           "--profiles-path", profiles, *args, "--code", code or os.path.join(os.path.dirname(__file__), "e2e_desktop.py")]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)  # nosec B603
    assert os.path.exists(result), proc.stdout[-3000:] + proc.stderr[-3000:]
    with open(result) as f:
        report = json.load(f)
    assert "error" not in report, report.get("error")
    return report


def test_desktop_run(tmp_path):
    from model_core.models import default_model

    from caim_qgis_plugin.algorithm import model_titles
    from caim_qgis_plugin.models import name

    stack = make_stack(str(tmp_path), dates=("2018-06-01", "2019-06-01", "2020-06-01", "2021-06-01"),
                       size=96, change_at=2)
    report = run_desktop(tmp_path, stack, "e2e")  # the dialog's defaults: automatic model and tiles
    assert report["plugin_loaded"] and report["algorithm"] and report["finished"]
    assert not report["torch_loaded_at_start"]
    assert any("CAIM" in t for t in report["raster_menu"])
    assert "Detect changes in a time series…" in report["caim_menu"]
    assert report["toolbar_actions"] == ["Detect changes in a time series…", "Inspect change pixel"]
    assert [d for _, d in report["dialog_rows"]] == ["2018-06-01", "2019-06-01", "2020-06-01", "2021-06-01"]
    # model list and tiles as the user first sees them
    assert report["dialog_tile_text"] == "automatic"
    assert report["model_items"] == [list(item) for item in model_titles().items()]
    assert report["dialog_model"] == ["auto", model_titles()["auto"]]
    assert report["model_list_width"][0] >= report["model_list_width"][1]  # the titles are not cut off
    assert "ready to run with %s (automatic choice for 4 dates)." % name(default_model(4)) in report["dialog_messages"]
    cva = report["cva_weights"]
    assert not cva["enabled"] and "needs no weights" in cva["tooltip"] and cva["bands_label"] == "Bands (any)"
    assert "ready to run with Classical CVA." in cva["messages"]
    isfa = report["isfa_weights"]
    assert not isfa["enabled"] and "The Classical ISFA method needs no weights" in isfa["tooltip"]
    assert "ready to run with Classical ISFA." in isfa["messages"]
    assert report["task_started"]
    assert report["responsive_during_run"]  # a timer fired in the GUI thread while the task was running
    assert report["status"].startswith("Done on cpu with %s (automatic choice for 4 dates)."
                                       % name(default_model(4))), report["status"]
    assert report["results"]["MODEL_USED"] == default_model(4)
    # the message bar after the run: the plugin's own line, with the status's hectares (recorded was the bar's
    # current item, which under xvfb can be QGIS's "Task complete" notice, pushed on top of it: kept apart)
    changed = re.search(r"Changed ([0-9.]+) ha over", report["status"])
    assert changed and report["message_bar"], (report["status"], report["message_bar"])
    assert report["message_bar"][-1]["text"] == "%s ha changed." % changed.group(1), report["message_bar"]
    assert report["message_bar"][-1]["title"] == "CAIM change detection"
    assert all(m["title"] != "CAIM change detection" for m in report["message_bar_others"])
    assert report["groups"][0] == "CAIM changes 2018-06-01 to 2021-06-01 (4 dates, %s)" % name(default_model(4))
    layers = report["layers"]
    assert layers["area"]["renderer"] == "paletted" and layers["moment"]["renderer"] == "paletted"
    assert [c[1] for c in layers["moment"]["classes"]] == [
        "No change", "2018-06-01 to 2019-06-01", "2019-06-01 to 2020-06-01", "2020-06-01 to 2021-06-01"]
    assert layers["confidence"]["renderer"] == "singlebandpseudocolor" and not layers["confidence"]["visible"]
    assert layers["moment"]["visible"] and layers["area"]["visible"]
    assert report["inspect"]["rows"] == 3 and report["inspect"]["series_dates"] == 4
    assert report["inspect"]["moment"] == report["inspect"]["moment_value"]
    # the toolbox path: Processing loads the outputs and the plugin styles them
    toolbox = {name: (renderer, labels) for name, renderer, labels in report["toolbox"]["layers"]}
    assert report["toolbox"]["device"] == "cpu"
    assert report["toolbox"]["model"] == default_model(2)  # two layers, MODEL not given: "auto"
    dated = " 2018-06-01 to 2019-06-01"  # the layers carry the run's dates in their names
    assert report["toolbox_panel"], report.get("toolbox_panel")
    for panel in report["toolbox_panel"]:  # every parameter fits the toolbox dialog's panel, 820 px wide
        assert not panel["hscroll"], (panel["viewport"], panel["widest"])
    assert toolbox["Change area" + dated][0] == "paletted"
    assert toolbox["Confidence" + dated][0] == "singlebandpseudocolor"
    assert toolbox["Change moment" + dated] == ("paletted", ["No change", "2018-06-01 to 2019-06-01"])
    assert "Draw an accuracy-assessment sample…" in report["caim_menu"]
    assert "Estimate change area and accuracy…" in report["caim_menu"]
    assert "Compare with a reference map…" in report["caim_menu"]
    acc = report["accuracy"]
    # the active layer when it is a CAIM change map, else the topmost change moment layer
    assert acc["with_area_active"] == "Change area 2018-06-01 to 2021-06-01"  # the dialog run's, named as the toolbox's
    assert acc["sample_map"] == "Change moment" + dated and acc["sample_points"] >= 5
    assert acc["reference_widget"] == "ValueMap" and acc["value_map"][0] == {"0: no change": 0}
    assert acc["assess_points_is_sample"] and acc["assess_map_is_moment"]
    label = report["label"]  # the labelling panel on that sample
    assert label["sample"] and label["points"] == acc["sample_points"]
    # the sampled map is the topmost change moment layer, the toolbox's two-date run: its dates are shown
    assert label["run_is_the_sampled_map"] and label["chips"] == ["2018-06-01", "2019-06-01"]
    assert label["classes"] == [0, 1] and label["written"] == 1 and label["pos"] == 1
    assert "1 labelled" in label["header"]
    assert label["runs_visible"] and not any(label["runs_visible"])
    assert any(label["runs_visible_after"])  # shown again when the panel closes
    assert "Label the sample points…" in report["caim_menu"]
    assert report["unloaded"]
    assert not any("CAIM" in t for t in report["menu_after_unload"])
    for shot in ("e2e_dialog.png", "e2e_dialog_cva.png", "e2e_toolbox_dialog.png", "e2e_map.png", "e2e_assess_dialog.png",
                 "e2e_label.png"):
        assert os.path.getsize(os.path.join(ARTIFACTS, shot)) > 10000, shot
    assert os.path.getsize(os.path.join(ARTIFACTS, "e2e_model_list.png")) > 2000


LANGUAGE_PROBE = """
import json, os
from qgis.PyQt.QtCore import QTimer
from qgis.core import QgsApplication
from qgis.utils import plugins
from desktop_toolbox import expand_advanced, help_tooltips, panel_report

report = {}

def finish():
    with open(os.environ["CAIM_E2E_RESULT"], "w") as f:
        json.dump(report, f)
    QTimer.singleShot(200, lambda: QgsApplication.exit(0))

def probe():
    try:
        plugin = plugins["caim_qgis_plugin"]
        report.update({"action": plugin.run_action.text(), "translation": QgsApplication.instance().translation(),
                  "algorithm": QgsApplication.processingRegistry().algorithmById("caim:detectchanges").displayName(),
                  "toolbox_panels": {}})
        todo = [a.id() for a in QgsApplication.processingRegistry().providerById("caim").algorithms()]
        QTimer.singleShot(0, lambda: open_next(todo))
    except Exception as exc:
        report["error"] = repr(exc)
        finish()

def open_next(todo):
    try:
        if not todo:
            finish()
            return
        import processing
        algorithm_id = todo.pop(0)
        dialog = processing.createAlgorithmDialog(algorithm_id)
        dialog.resize(688, 523)  # about the size QGIS 3.22 first opens it at: the help beside the parameters
        dialog.show()
        expand_advanced(dialog)
        QTimer.singleShot(700, lambda: panel(algorithm_id, dialog, todo))
    except Exception as exc:
        report["error"] = repr(exc)
        finish()

def panel(algorithm_id, dialog, todo):
    try:
        report["toolbox_panels"][algorithm_id] = panel_report(dialog)
        report.setdefault("dialog_sizes", {})[algorithm_id] = [dialog.width(), dialog.height()]
        report.setdefault("help_tooltips", {})[algorithm_id] = help_tooltips(dialog)
        dialog.grab().save(os.path.join(os.environ["CAIM_E2E_OUT"], "%s_%s.png" % (
            os.environ["CAIM_E2E_PREFIX"], algorithm_id.replace(":", "_"))))
        dialog.close()
    except Exception as exc:
        report["error"] = repr(exc)
        finish()
        return
    QTimer.singleShot(100, lambda: open_next(todo))

QTimer.singleShot(500, probe)
"""


@pytest.mark.parametrize("lang,action", [("de", "Änderungen in einer Zeitreihe erkennen"),
                                         ("es", "Detectar cambios en una serie temporal")])
def test_desktop_in_each_language(tmp_path, lang, action):
    """``qgis --lang de`` / ``es``: the plugin's actions and its Processing algorithm speak the language in the
    real desktop (QGIS sets its translation, not QLocale or the override flag, which the plugin read first),
    and the parameter texts fit the toolbox panels at the size QGIS opens them (the first Spanish labels did
    not even at 820 px: the model's automatic choice, the clear mask values, the masks' dates, the huge-run
    switch; at 688 x 523 most German and Spanish ones did not)."""
    code = tmp_path / "probe.py"
    code.write_text(LANGUAGE_PROBE)
    report = run_desktop(tmp_path, [], lang, timeout=180, code=str(code), args=("--lang", lang))
    assert report["translation"] == lang
    assert report["action"] == action + "…", report
    assert report["algorithm"] == action, report
    _assert_panels_fit(report)


def _assert_panels_fit(report):
    """Every parameter text of every caim algorithm fits its Processing dialog's panel at about the size QGIS
    3.22 first opens the dialog, 688 x 523, where the help beside it leaves the panel 376-390 px: a wider one
    gave the panel a horizontal scroll bar that hid the fields' "…" buttons (at 688 x 523 in every caim
    dialog, in English too: "Dates, YYYY-MM-DD in layer order (empty: from names/metadata) [optional]" was
    496 px).  QGIS's own Spanish "Abrir el archivo de salida después de ejecutar el algoritmo" (405 px) is
    wider than the panel in every algorithm with an output layer, native:buffer's too: it may scroll then."""
    panels = report["toolbox_panels"]
    assert {"caim:detectchanges", "caim:splitdates", "caim:samplechangemap", "caim:assessaccuracy",
            "caim:comparewithreference", "caim:changebyzones"} <= set(panels), sorted(panels)
    assert all(size == [688, 523] for size in report["dialog_sizes"].values()), report["dialog_sizes"]
    assert all(reports for reports in panels.values()), panels
    assert all(p["viewport"] < 400 for reports in panels.values() for p in reports), panels  # the help is beside
    ours = {aid: [(p["viewport"], p["overflow"]) for p in reports if p["overflow"]] for aid, reports in panels.items()}
    assert not any(ours.values()), json.dumps(ours, ensure_ascii=False)
    wide = {aid: [(p["viewport"], p["widest"][:3]) for p in reports if p["hscroll"] and not p["qgis_overflow"]]
            for aid, reports in panels.items()}
    assert not any(wide.values()), json.dumps(wide, ensure_ascii=False)
    # the details the labels leave out (defaults, examples, which models use it) are in their tooltips
    tips = report["help_tooltips"]
    assert len(tips["caim:detectchanges"]) >= 10 and all(tips[aid] for aid in panels), tips
    assert all(all(shown.values()) for shown in tips.values()), tips


def test_desktop_toolbox_panels_in_english(tmp_path):
    """The Processing dialogs of every caim algorithm in the real English desktop: no parameter text wider
    than the panel (the accuracy algorithms' advanced parameters were)."""
    code = tmp_path / "probe.py"
    code.write_text(LANGUAGE_PROBE)
    report = run_desktop(tmp_path, [], "en", timeout=180, code=str(code))
    assert "error" not in report, report
    _assert_panels_fit(report)


def _gee_export(folder, dates):
    """make_stack's three dates (64 x 64) as one 12-band file with Earth Engine's band names."""
    from osgeo import gdal

    import numpy as np

    from caim_qgis_testlib import write_raster

    stack = make_stack(str(folder), size=64)
    export = write_raster(str(folder / "gee_export.tif"),
                          np.concatenate([gdal.Open(p).ReadAsArray() for p in stack]), nodata=0)
    ds = gdal.Open(export, gdal.GA_Update)
    for b in range(12):
        day = dates[b // 4].replace("-", "")
        ds.GetRasterBand(b + 1).SetDescription("%sT101031_%sT101027_T32TQM_B%d" % (day, day, (4, 3, 2, 8)[b % 4]))
    ds = None
    return export


def test_desktop_split_of_a_multi_date_raster(tmp_path):
    """In the real QGIS desktop: a multi-date raster (Earth Engine band names) alone in the project; the
    dialog offers 'Split into dates…'; its Processing dialog, opened on that layer, is run as a user runs
    it; the dialog then lists the three dates, checked, in the file's place, ready to run."""
    dates = ("2019-05-01", "2020-05-01", "2021-05-01")
    export = _gee_export(tmp_path, dates)
    report = run_desktop(tmp_path, [export], "split", code=os.path.join(os.path.dirname(__file__), "split_desktop.py"))
    assert report["finished"] and report["split_visible"] and report["run_enabled_before"]
    assert "'gee_export' holds 3 dates, 2019-05-01 to 2021-05-01: Run first splits it" in report["messages_before"]
    assert report["processing_dialog"]
    assert report["rows"] == [["gee_export %d (%s)" % (k, d), d] for k, d in enumerate(dates, start=1)]
    assert report["sources"] == ["gee_export_%02d_%s.vrt" % (k, d) for k, d in enumerate(dates, start=1)]
    assert report["run_enabled_after"] and not report["split_visible_after"]
    assert "ready to run" in report["messages_after"]


def test_desktop_one_step_run_of_a_multi_date_raster(tmp_path):
    """In the real QGIS desktop: the same export alone in the project, and the dialog's Run pressed at once.
    The run splits it beside the file, lists its dates in its place, and ends with the change layers on the
    map; the dates' layers sit in a collapsed group, and the export stays the layer shown."""
    dates = ("2019-05-01", "2020-05-01", "2021-05-01")
    export = _gee_export(tmp_path, dates)
    report = run_desktop(tmp_path, [export], "onestep", code=os.path.join(os.path.dirname(__file__), "split_desktop.py"),
                         extra_env={"CAIM_E2E_MODE": "run"})
    assert report["finished"] and report["task"], report.get("status_after_start")
    assert report["results"].get("USED_DATES") == ",".join(dates), report.get("status")
    assert report["rows"] == [["gee_export %d (%s)" % (k, d), d] for k, d in enumerate(dates, start=1)]
    assert sorted(os.listdir(tmp_path / "gee_export_dates")) == report["sources"]
    names = [name for name, _ in report["tree"]]
    assert names[0].startswith("CAIM changes 2019-05-01 to 2021-05-01 (3 dates"), names
    assert ["gee_export (dates)", False] in report["tree"] and "gee_export" in names


def test_desktop_stack_band_files_of_a_cbers_cube(tmp_path):
    """In the real QGIS desktop: the 70 band files of the CBERS cube (a copy) added as Add Raster Layer adds many
    files and all checked in the dialog: one message (the band files; not also "pick 4 with Bands"), and the
    'Stack band files into dates' button.  Pressed: the 14 dates checked in the band files' place with their
    CMASKs in the Cloud mask column, clear value 0, the group named by the cube's folder, dates in true colour
    and masks unchecked.  Checked all and pressed again: that stack used again (it refused: the stack's masks
    were taken for band files), no second group.  Then a run with the masks."""
    import glob

    from rasters import SHARED_DATA

    cube = os.path.join(SHARED_DATA, "cbers-cube")
    if not os.path.isdir(cube):
        pytest.skip("../shared/data/cbers-cube is absent")
    shutil.copytree(cube, str(tmp_path / "cbers-cube"))
    files = sorted(glob.glob(str(tmp_path / "cbers-cube" / "*.tif")))
    assert len(files) == 70
    report = run_desktop(tmp_path, files, "stack", code=os.path.join(os.path.dirname(__file__), "stack_desktop.py"),
                         extra_env={"CAIM_E2E_RESULTS": str(tmp_path / "results")})
    assert report["finished"] and report["checked_before"] == 70 and report["stack_visible"]
    assert report["messages_before"].count("✖") == 1, report["messages_before"]
    assert "14 dates (14 with a cloud mask) in %s." % (tmp_path / "cbers-cube" / "stacked_dates") in report["status"]
    assert report["stacking_status"].startswith("Stacking 70 band files into dates") and not report[
        "run_enabled_while_stacking"]
    assert report["cancel_text"] == "Cancel stacking" and report["cancel_fits"]
    dates = sorted({os.path.basename(f).rsplit("_", 1)[1][:10] for f in files})
    assert report["rows"] == [[d, d, d + "_CMASK"] for d in dates]
    assert report["order"][:14] == dates and len(report["order"]) == 14 + 70 + 14  # the band files below the dates
    assert report["clear"] == "0" and "ready to run" in report["messages"] and not report["stack_visible_after"]
    (group, layers), = report["tree"]
    assert group == "cbers-cube (stacked dates)"
    assert layers[:4] == [[dates[0], True, [3, 2, 1]], [dates[0] + "_CMASK", False, "singlebandgray"],
                          [dates[1], True, [3, 2, 1]], [dates[1] + "_CMASK", False, "singlebandgray"]]
    assert report["stack_visible_again"]
    assert "stacked into 14 dates (14 with a cloud mask) before" in report["status_again"], report["status_again"]
    assert report["rows_again"] == report["rows"] and report["layers_again"] == report["layers"]
    assert report["groups_again"] == ["cbers-cube (stacked dates)"]
    assert report["task"] and report["run_status"].startswith("Done on cpu with Classical CVA"), report["run_status"]
    assert report["groups_after_run"][0].startswith("CAIM changes 2018-02-02 to 2018-08-29 (14 dates")
