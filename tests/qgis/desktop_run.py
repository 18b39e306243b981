"""The report of a script driven inside the real QGIS desktop (``qgis --code``) for test_e2e.py: a dict
saved as JSON, a guard that records a step's traceback and ends the run, and a clean exit."""

import json
import traceback

from qgis.PyQt.QtCore import QTimer
from qgis.core import QgsApplication, QgsProject
from qgis.utils import iface


class DesktopRun:
    """``report`` goes to ``paths`` (JSON) on :meth:`save`; ``before_exit()`` runs before the project is
    cleared (e.g. a dialog's shutdown); with ``log_steps`` each guarded step's name goes to report['steps']."""

    def __init__(self, *paths, before_exit=None, log_steps=False):
        self.paths = paths
        self.before_exit = before_exit
        self.log_steps = log_steps
        self.report = {"steps": []}

    def save(self):
        for path in self.paths:
            with open(path, "w") as f:
                json.dump(self.report, f, indent=1)

    def finish(self, code=0):
        self.report["finished"] = True
        self.save()
        # QGIS 3.22 can crash in its style dock when it quits with an active layer: clear the project first
        try:
            if self.before_exit is not None:
                self.before_exit()
            iface.setActiveLayer(None)
            QgsProject.instance().clear()
        except Exception:
            self.report["clear_failed"] = traceback.format_exc()
            self.save()
        QgsProject.instance().setDirty(False)
        QTimer.singleShot(500, lambda: QgsApplication.exit(code))

    def guard(self, fn):
        """``fn`` as a timer step: an exception is recorded in report['error'] and ends the run."""
        def wrapped():
            try:
                if self.log_steps:
                    self.report["steps"].append(fn.__name__)
                fn()
            except Exception:
                self.report["error"] = traceback.format_exc()
                self.finish(1)
        return wrapped
