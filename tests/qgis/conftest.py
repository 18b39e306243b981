"""Fixtures for the QGIS tests: a real QgsApplication (offscreen, throwaway HOME) and one shared run
of the algorithm on a small stack with known change.  Helpers live in caim_qgis_testlib.py."""

import atexit
import os
import shutil
import stat
import sys
import tempfile

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
pytest.importorskip("qgis.core", reason="PyQGIS is not installed")

from caim_qgis_testlib import make_stack, run_algorithm  # noqa: E402

_APP = None
_PRIVATE = []  # the session's throwaway folders, removed when the test process ends


def _private_dir(prefix):
    path = tempfile.mkdtemp(prefix=prefix)
    os.chmod(path, stat.S_IRWXU)
    _PRIVATE.append(path)
    return path


@atexit.register
def _remove_private_dirs():
    for path in _PRIVATE:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def qgis_app():
    """One QgsApplication for the session, with the caim provider registered."""
    global _APP
    if _APP is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["HOME"] = _private_dir("caim-home-")
        os.environ["XDG_RUNTIME_DIR"] = _private_dir("caim-xdg-")
        # Qt's temporary folders (QGIS leaves empty qt_temp-* ones) and those of the QGIS processes the tests
        # start, in a folder of this session; Python's tempfile (pytest's tmp_path) keeps the system's
        tempfile.gettempdir()
        os.environ["TMPDIR"] = _private_dir("caim-tmp-")
        from qgis.core import QgsApplication

        app = QgsApplication([], True, _private_dir("caim-profile-"))
        QgsApplication.setPrefixPath("/usr", True)
        app.initQgis()
        # as QGIS's main() sets it by default (Options > General > Locale, "Show group separator" off)
        from qgis.PyQt.QtCore import QLocale

        default = QLocale()
        default.setNumberOptions(default.numberOptions() | QLocale.OmitGroupSeparator)
        QLocale.setDefault(default)
        from caim_qgis_plugin.provider import CaimProvider

        provider = CaimProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        _APP = (app, provider)
    yield _APP[0]


@pytest.fixture
def project(qgis_app):
    from qgis.core import QgsProject

    QgsProject.instance().clear()
    yield QgsProject.instance()
    QgsProject.instance().clear()


@pytest.fixture
def stack(tmp_path):
    folder = tmp_path / "stack"
    folder.mkdir()
    return make_stack(str(folder))


@pytest.fixture(scope="session")
def finished_run(qgis_app, tmp_path_factory):
    """One real run (3 dates, 64 x 64, probabilities and polygons) shared by the style/inspect tests."""
    folder = str(tmp_path_factory.mktemp("run"))
    paths = make_stack(folder)
    out = os.path.join(folder, "out")
    params = dict(INPUT=paths, DEVICE="CPU", TILE_SIZE=64,
                  AREA=os.path.join(out, "change_area.tif"), MOMENT=os.path.join(out, "change_moment.tif"),
                  CONFIDENCE=os.path.join(out, "confidence.tif"),
                  PROBABILITIES=os.path.join(out, "moment_probability.tif"),
                  POLYGONS=os.path.join(out, "change_polygons.gpkg"))
    results, ok, feedback = run_algorithm(params)
    assert ok, feedback.textLog()
    return {"inputs": paths, "results": results, "dates": ["2019-05-01", "2020-05-01", "2021-05-01"]}
