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
