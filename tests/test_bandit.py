"""The code passes Bandit, as the QGIS plugin repository's upload check requires."""

import subprocess  # nosec B404 -- runs the bandit checker on this project
import sys

import pytest
from rasters import ROOT


def test_bandit_finds_no_issue():
    pytest.importorskip("bandit")
    p = subprocess.run([sys.executable, "-m", "bandit", "-q", "-r", "caim_qgis_plugin", "model_core",  # nosec B603
                        "-c", ".bandit.yml", "-f", "txt"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
