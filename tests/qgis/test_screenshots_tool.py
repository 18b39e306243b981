"""tools/screenshots.py (the README screenshots, driven in the QGIS desktop): what its report.json records of the
message bar."""

import importlib.util
import json
import os

import pytest

pytestmark = pytest.mark.qgis

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _screenshots(monkeypatch):
    """tools/screenshots.py imported as a module: without SHOTS_OUT it only defines its functions."""
    monkeypatch.delenv("SHOTS_OUT", raising=False)
    spec = importlib.util.spec_from_file_location("screenshots", os.path.join(ROOT, "tools", "screenshots.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_report_records_the_plugins_messages_not_qgiss_task_complete(qgis_app, monkeypatch):
    """report.json's message_bar said ["Task complete", "Executing “Detect changes in a time series”"]: the QGIS
    desktop, when a task ends while its main window is not the active one (the dialog is) and no desktop
    notification service answers (xvfb), pushes its own "Task complete" notice (the task's description as text, an
    Info for 5 s) on top of the plugin's, and the script recorded the bar's current item.  Here a real
    QgsMessageBar holds what a run that warned pushes (the hectares, the warning count on top: the plugin's title
    and texts) and QGIS's notice on top of them, as QgisApp::onTaskCompleteShowNotify pushes it (seen in the
    desktop run of tools/screenshots.sh); the plugin's messages are recorded, newest first, QGIS's apart.  The
    script reads them with the plugin's bar_messages, as tests/qgis/e2e_desktop.py does (its report's message_bar
    was QGIS's notice likewise: test_e2e's test_desktop_run)."""
    from qgis.gui import QgsMessageBar

    from caim_qgis_plugin.dialog import bar_messages, bar_text, tr

    shots = _screenshots(monkeypatch)
    assert shots.OUT is None  # imported: it only defines its functions
    bar = QgsMessageBar()
    hectares = bar_text({"HECTARES": json.dumps({"1985 to 1990": 20000.0, "1990 to 1995": 11467.49})})
    assert hectares == "31467.49 ha changed."
    bar.pushWarning(tr("CAIM change detection"), hectares)
    bar.pushWarning(tr("CAIM change detection"), tr("1 warning."))
    task = "Executing “Detect changes in a time series”"
    bar.pushInfo("Task complete", task)
    assert bar.currentItem().title() == "Task complete"

    mine, others = bar_messages(bar)  # (by default the plugin's title: tr("CAIM change detection"))
    assert mine == [{"title": "CAIM change detection", "text": "1 warning.", "level": "Warning"},
                    {"title": "CAIM change detection", "text": "31467.49 ha changed.", "level": "Warning"}]
    assert others == [{"title": "Task complete", "text": task, "level": "Info"}]
    bar.deleteLater()
