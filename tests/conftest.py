"""Shared fixtures: ../shared/data lookup and a small synthetic scenario with truth."""

import os

import pytest
from rasters import SHARED_DATA


@pytest.fixture
def shared_data():
    if not os.path.isdir(SHARED_DATA):
        pytest.skip(f"../shared/data is not present ({SHARED_DATA}); real-imagery tests skipped")
    return SHARED_DATA


@pytest.fixture(scope="session")
def scenario(tmp_path_factory):
    """A small synthetic 5-date stack with truth (written once per session)."""
    from model_core.scenario import write_scenario

    folder = tmp_path_factory.mktemp("scenario")
    paths, truth = write_scenario(str(folder), t=5, size=(136, 168), seed=7, n_changes=6)
    return paths, truth


@pytest.fixture(autouse=True)
def language_s_number_marks():
    """Every test ends with the engine's numbers in its language's marks: the QGIS plugin sets QGIS's number
    format process-wide (model_core.i18n.set_number_marks), and the engine's tests after the QGIS ones, in one
    session, expect the command line's."""
    yield
    from model_core.i18n import set_number_marks

    set_number_marks(None)
