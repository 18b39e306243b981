"""How long the end of the detect dialog's 'Stack band files into dates' holds QGIS's main thread: the CBERS cube's
70 band files (../shared/data/cbers-cube, linked into a throwaway folder) stacked into 14 dates with 14 masks, the
dialog shown; timed: ``_stack_finished`` (the layers made/added, the list updated) and the events it leaves queued
(the dialog's refreshes per layer added), with the count of list refreshes.

    MALLOC_MMAP_MAX_=0 PYTHONPATH=. nice .venv/bin/python tools/bench_stack_end.py [runs]
"""

import glob
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "qgis"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsProject, QgsRasterLayer  # noqa: E402

CUBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "cbers-cube")


def main(runs):
    app = QgsApplication([], True, tempfile.mkdtemp())
    QgsApplication.setPrefixPath("/usr", True)
    app.initQgis()
    from caim_qgis_plugin.dialog import CaimDialog
    from caim_qgis_testlib import wait_for

    for run in range(runs):
        work = tempfile.mkdtemp()
        cube = os.path.join(work, "cube")
        os.mkdir(cube)
        for path in glob.glob(os.path.join(CUBE, "*.tif")):
            os.symlink(os.path.abspath(path), os.path.join(cube, os.path.basename(path)))
        QgsProject.instance().clear()
        for path in sorted(glob.glob(os.path.join(cube, "*.tif"))):
            QgsProject.instance().addMapLayer(QgsRasterLayer(path, os.path.basename(path)[:-4], "gdal"))
        dialog = CaimDialog(None)
        dialog.show()
        dialog.refresh_layers()
        for _ in range(5):
            QgsApplication.processEvents()
        calls, spent = [0], {}
        refresh = dialog.refresh_layers

        def counted():
            calls[0] += 1
            return refresh()

        dialog.refresh_layers = counted
        task = dialog.stack_checked_band_files()
        end = task.done

        def timed(task):
            start = time.perf_counter()
            try:
                return end(task)
            finally:
                spent["end"] = time.perf_counter() - start

        task.done = timed
        wait_for(lambda: dialog.stack_task is None)
        start = time.perf_counter()
        for _ in range(20):
            QgsApplication.processEvents()
        after = time.perf_counter() - start
        print("run %d: end of the stack %.3f s, queued after it %.3f s, list refreshes %d, stacked %s, load %s" % (
            run, spent["end"], after, calls[0], dialog.last_stack_ok, " ".join(open("/proc/loadavg").read().split()[:3])))
        dialog.shutdown()
        dialog.deleteLater()
        QgsProject.instance().clear()
        shutil.rmtree(work)
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
