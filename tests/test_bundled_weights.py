"""Every weights file shipped in resources/weights loads safely, is small, and is calibrated."""

import glob
import os

import pytest
import torch

WEIGHTS = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "resources", "weights", "*.pt")))


def test_weights_are_shipped():
    names = {os.path.basename(p) for p in WEIGHTS}
    assert {"caimnet_rgbn.pt", "schanger_rgbn.pt", "caimnet_rgbn_landcover.pt", "caimnet_rgbn_mixed_sources.pt"} <= names
    assert "caimnet_rgbn_public_domain.pt" not in names  # it became the default (sixteenth session)


@pytest.mark.parametrize("path", WEIGHTS, ids=os.path.basename)
def test_weights_load_without_pickled_code_and_run(path):
    from model_core import weights

    assert os.path.getsize(path) < 20 * 1024 * 1024
    payload = torch.load(path, map_location="cpu", weights_only=True)
    assert payload["in_channels"] == 4 and payload["band_order"][:3] == ["red", "green", "blue"]
    assert payload["calibration"]["no_change_bias"] > 0
    model = weights.load_model(path)
    t = 2 if model.arch == "schanger" else 4
    with torch.inference_mode():
        out = model.eval()(torch.zeros(1, t, 4, 64, 64))
    # identical dates: a calibrated model must not call change anywhere
    assert (out["moment"].argmax(dim=1) == 0).all()


def test_bundled_files_record_their_normalisation():
    """evaluate tells users to score a file with --scene-stats when its meta says it was trained so."""
    from model_core import weights
    from model_core.evaluate import trained_with_scene_stats

    assert trained_with_scene_stats(weights.load_model(weights.default_weights("caimnet")))
    assert trained_with_scene_stats(weights.load_model(weights.default_weights("schanger")))
    alternative = os.path.join(weights.WEIGHTS_DIR, "caimnet_rgbn_landcover.pt")
    assert not trained_with_scene_stats(weights.load_model(alternative))
    mixed = os.path.join(weights.WEIGHTS_DIR, "caimnet_rgbn_mixed_sources.pt")
    assert trained_with_scene_stats(weights.load_model(mixed))
