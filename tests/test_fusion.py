"""CAIM-Net + CVA (``--model caimnet_cva``): the two moment distributions fused (weighted), through the engine."""

import os
import subprocess
import sys

import numpy as np
import pytest
from rasters import ROOT, read_tif, write_tif

from model_core import weights as W
from model_core.errors import WeightsError
from model_core.predict import detect


def _probs(res):
    from osgeo import gdal

    return gdal.Open(res.paths["probabilities"]).ReadAsArray().astype(np.float64)


W_NET = 0.7  # the fusion's weight of the network (model card, candidate W2), stated here on purpose


def _geometric_mean(p, q, w=W_NET):
    g = np.clip(p, 1e-30, None) ** w * np.clip(q, 1e-30, None) ** (1 - w)
    return g / g.sum(axis=0, keepdims=True)


def _run_three(paths, tmp_path, bands=None, **options):
    """The fusion and its two parts on ``paths``; ``bands`` maps the networks' inputs (CVA: every band)."""
    return {m: detect(paths, out_dir=str(tmp_path / m), model=m, probabilities=True,
                      bands=None if m == "cva" else bands, **options)
            for m in ("caimnet_cva", "caimnet", "cva")}


def test_fusion_is_the_weighted_geometric_mean_of_both_methods(scenario, tmp_path):
    paths, truth = scenario
    res = _run_three(paths, tmp_path, tile=64)
    fused, net, cva = (_probs(res[m]) for m in ("caimnet_cva", "caimnet", "cva"))
    # the whole scene is the statistics sample: each part sees exactly what it sees when run alone
    assert np.allclose(fused, _geometric_mean(net, cva), atol=2e-4)
    moment = read_tif(res["caimnet_cva"].paths["moment"])
    assert np.array_equal(read_tif(res["caimnet_cva"].paths["area"]) == 1, moment > 0)
    assert np.array_equal(moment, fused.argmax(axis=0))
    assert res["caimnet_cva"].trained and res["caimnet_cva"].weights == W.default_weights("caimnet")
    # on the scenario's clear changes it agrees with the truth about as well as the weaker method at least (a sanity
    # bound, not a property of the fusion: with the file bundled since the forty-sixth session 0.7333 against the
    # network's 0.7340 and the CVA's 0.9530; a fusion that misplaced intervals or inverted the weights would be far
    # below, and the exact mean above catches those first)
    true_moment = read_tif(truth["moment"])
    hits = {m: (read_tif(r.paths["moment"]) == true_moment).mean() for m, r in res.items()}
    assert hits["caimnet_cva"] >= min(hits["caimnet"], hits["cva"]) - 0.005, hits
    # where the two disagree on changed / unchanged, the fusion sides with the one whose weighted
    # log-odds are clearly larger
    a_net, a_cva = net.argmax(axis=0) > 0, cva.argmax(axis=0) > 0
    odds = lambda p: np.log(p[1:].max(axis=0)) - np.log(p[0])  # noqa: E731
    split = a_net != a_cva
    louder_net = W_NET * np.abs(odds(net)) > (1 - W_NET) * np.abs(odds(cva)) + 1.0
    pick = split & louder_net
    assert pick.sum() > 100  # the scenario has such pixels (about a thousand)
    assert np.array_equal((moment > 0)[pick], a_net[pick])


def test_fusion_does_not_depend_on_tiles(scenario, tmp_path):
    paths, _ = scenario
    a = detect(paths, out_dir=str(tmp_path / "a"), model="caimnet_cva", tile=64)
    b = detect(paths, out_dir=str(tmp_path / "b"), model="caimnet_cva", tile=4096)
    assert np.array_equal(read_tif(a.paths["moment"]), read_tif(b.paths["moment"]))


def test_fusion_masks_nodata_like_the_network(tmp_path):
    """Invalid pixels reach the network part as zeros, exactly as in a CAIM-Net run (not as the
    standardised raw fill value), so the nodata corner changes nothing around it."""
    rng = np.random.default_rng(3)
    paths = []
    for i in range(3):
        v = rng.normal(100, 5, (4, 72, 80)).astype(np.float32)
        if i == 2:
            v[:, 10:26, 10:26] += 60
        v[:, 50:, 56:] = -9999
        p = str(tmp_path / f"d{i}.tif")
        write_tif(p, v, nodata=-9999)
        paths.append(p)
    res = _run_three(paths, tmp_path)
    m = read_tif(res["caimnet_cva"].paths["moment"])
    assert (m[50:, 56:] == 255).all()
    ok = m != 255
    fused, net, cva = (_probs(res[k])[:, ok] for k in ("caimnet_cva", "caimnet", "cva"))
    assert np.allclose(fused, _geometric_mean(net, cva), atol=2e-4)
    assert (m[14:22, 14:22] == 2).mean() > 0.9


def test_fusion_sensitivity_calls_more_pixels_changed(scenario, tmp_path):
    paths, _ = scenario
    a = read_tif(detect(paths, out_dir=str(tmp_path / "a"), model="caimnet_cva").paths["area"])
    b = read_tif(detect(paths, out_dir=str(tmp_path / "b"), model="caimnet_cva", sensitivity=2.0).paths["area"])
    assert ((b == 1) | (a == 0)).all() and (b == 1).sum() > (a == 1).sum()


def test_fusion_loads_network_weights_only(tmp_path):
    m = W.load_model(W.default_weights("caimnet_cva"), arch="caimnet_cva")
    assert m.arch == "caimnet_cva" and m.net.arch == "caimnet" and m.raw_input
    assert m.band_order == ["red", "green", "blue", "nir"]
    assert m.calibration == W.load_model(W.default_weights("caimnet")).calibration
    assert m.halo == m.net.halo and m.multiple == m.net.multiple
    with pytest.raises(WeightsError, match="is for the 'schanger' model, not 'caimnet_cva'. Choose the "
                       "'schanger' model or weights trained for 'caimnet' \\(the 'caimnet_cva' method runs"):
        W.load_model(W.default_weights("schanger"), arch="caimnet_cva")


def test_evaluate_predicts_the_fusion_like_the_engine(scenario, tmp_path):
    from osgeo import gdal

    from model_core.evaluate import predict_scene

    paths, _ = scenario
    res = detect(paths, out_dir=str(tmp_path / "e"), model="caimnet_cva")
    values = np.stack([gdal.Open(p).ReadAsArray().astype(np.float32) for p in paths])
    model = W.load_model(W.default_weights("caimnet"), arch="caimnet_cva")
    pred = predict_scene(model, values, np.ones(values.shape[2:], bool), tile=64)
    assert (pred == read_tif(res.paths["moment"])).mean() > 0.999


def test_cli_model_caimnet_cva(scenario, tmp_path):
    paths, _ = scenario
    out = tmp_path / "cli"
    p = subprocess.run([sys.executable, "-m", "model_core", "detect", *paths, "--out", str(out),
                        "--model", "caimnet_cva"],
                       capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT), timeout=300)
    assert p.returncode == 0, p.stderr
    assert "caimnet_cva" in p.stdout and "caimnet_rgbn.pt" in p.stdout
    assert (out / "change_moment.tif").is_file()


def test_fusion_counts_a_repeated_band_once(tmp_path):
    """With a band mapping that repeats a band (here 1,2,2,3 of a 3-band series) the fused CVA part is
    the CVA of the three distinct bands, not one that weighs band 2 twice."""
    rng = np.random.default_rng(8)
    paths = []
    for i in range(3):
        v = rng.normal(100, 5, (3, 48, 48)).astype(np.float32)
        if i == 1:
            v[1, 8:24, 8:24] += 25  # a change in band 2 only
        p = str(tmp_path / f"d{i}.tif")
        write_tif(p, v)
        paths.append(p)
    res = _run_three(paths, tmp_path, bands=[1, 2, 2, 3])
    fused, net, cva = (_probs(res[m]) for m in ("caimnet_cva", "caimnet", "cva"))
    assert np.allclose(fused, _geometric_mean(net, cva), atol=2e-4)


def _six_band_series(tmp_path, names=True):
    """3 dates of a 6-band B, G, R, NIR, SWIR1, SWIR2 stack (band names set when ``names``); a change
    that shows in SWIR1 only at date 3, and one in every band at date 2."""
    rng = np.random.default_rng(12)
    paths = []
    for i in range(3):
        v = rng.normal(100, 4, (6, 64, 64)).astype(np.float32)
        if i >= 1:
            v[:, 8:24, 8:24] += 40
        if i == 2:
            v[4, 36:56, 36:56] += 50
        paths.append(write_tif(str(tmp_path / f"s{i}.tif"), v,
                               names=["blue", "green", "red", "nir", "swir1", "swir2"] if names else None))
    return paths


def test_fusion_cva_part_uses_the_bands_the_network_does_not(tmp_path):
    """Candidate W4: with an empty band mapping the network reads R, G, B, NIR (3,2,1,4 from the band
    names) and the CVA part every band; the output is the weighted geometric mean of CAIM-Net on the
    four bands and the CVA on all six, the same as with the explicit mapping 3,2,1,4,5,6, and the
    summary says which bands the CVA part adds.  A change seen in SWIR1 only moves the fusion towards change."""
    paths = _six_band_series(tmp_path)
    auto = detect(paths, out_dir=str(tmp_path / "auto"), model="caimnet_cva", probabilities=True)
    assert any("the CVA part also uses band(s) 5,6" in n for n in auto.notes), auto.notes
    net = detect(paths, out_dir=str(tmp_path / "net"), model="caimnet", probabilities=True)
    cva = detect(paths, out_dir=str(tmp_path / "cva"), model="cva", probabilities=True)
    assert np.allclose(_probs(auto), _geometric_mean(_probs(net), _probs(cva)), atol=2e-4)
    hand = detect(paths, out_dir=str(tmp_path / "hand"), model="caimnet_cva", bands=[3, 2, 1, 4, 5, 6],
                  probabilities=True)
    assert np.allclose(_probs(hand), _probs(auto), atol=1e-6)
    # four bands as before: the CVA part sees the network's bands only
    four = detect(paths, out_dir=str(tmp_path / "four"), model="caimnet_cva", bands=[3, 2, 1, 4],
                  probabilities=True)
    cva4 = detect(paths, out_dir=str(tmp_path / "cva4"), model="cva", bands=[3, 2, 1, 4], probabilities=True)
    assert np.allclose(_probs(four), _geometric_mean(_probs(net), _probs(cva4)), atol=2e-4)
    swir = np.zeros((64, 64), bool)
    swir[40:52, 40:52] = True
    p6, p4 = _probs(auto)[0][swir], _probs(four)[0][swir]  # p(no change) inside the SWIR1-only change
    assert p6.mean() < p4.mean() - 0.03 and (p6 < p4).mean() > 0.9


def test_isfa_fusion_notes_name_its_isfa_part(tmp_path):
    """CAIM-Net + ISFA (the automatic choice for 3+ dates, e.g. a stacked Landsat series of six bands) says that
    its ISFA part takes the other bands: the summary said "the CVA part also uses band(s) 5,6", a method the run
    did not use."""
    paths = _six_band_series(tmp_path)
    res = detect(paths, out_dir=str(tmp_path / "isfa"), model="caimnet_isfa")
    assert any("the ISFA part also uses band(s) 5,6" in n for n in res.notes), res.notes
    assert not any("CVA" in n for n in res.notes), res.notes


def test_fusion_band_mapping_rules(tmp_path):
    """A mapping of more than four bands is for the fusion only; without band names a 6-band file still
    needs a mapping (the network's roles are unknown); the other networks keep needing exactly four."""
    from model_core.errors import InputError

    paths = _six_band_series(tmp_path, names=False)
    with pytest.raises(InputError, match="expects 4 bands"):
        detect(paths, out_dir=str(tmp_path / "a"), model="caimnet_cva")
    with pytest.raises(InputError, match="expects 4 bands"):
        detect(paths, out_dir=str(tmp_path / "b"), model="caimnet", bands=[3, 2, 1, 4, 5])
    res = detect(paths, out_dir=str(tmp_path / "c"), model="caimnet_cva", bands=[3, 2, 1, 4, 5])
    assert res.trained and read_tif(res.paths["moment"]).shape == (64, 64)


def test_fusion_bias_acts_like_the_sensitivity(scenario, tmp_path, monkeypatch):
    """The fusion's own no-change bias (``fused_bias``, candidate F) shifts its decision exactly as a
    Sensitivity of the opposite sign does, and the Sensitivity adds to it."""
    from model_core.models.fusion import CaimNetCVA

    paths, _ = scenario
    s = detect(paths, out_dir=str(tmp_path / "s"), model="caimnet_cva", sensitivity=0.5)
    monkeypatch.setattr(CaimNetCVA, "fused_bias", -0.5)
    b = detect(paths, out_dir=str(tmp_path / "b"), model="caimnet_cva")
    assert np.array_equal(read_tif(s.paths["moment"]), read_tif(b.paths["moment"]))
    both = detect(paths, out_dir=str(tmp_path / "both"), model="caimnet_cva", sensitivity=0.5)
    monkeypatch.setattr(CaimNetCVA, "fused_bias", 0.0)
    one = detect(paths, out_dir=str(tmp_path / "one"), model="caimnet_cva", sensitivity=1.0)
    assert np.array_equal(read_tif(both.paths["moment"]), read_tif(one.paths["moment"]))
    assert (read_tif(one.paths["area"]) == 1).sum() > (read_tif(s.paths["area"]) == 1).sum()


def test_calibrate_the_fusion_prints_its_bias(shared_data, capsys):  # validation series from ../shared/data
    """`calibrate --model caimnet_cva` scans the fusion's bias on semi-synthetic validation series and
    prints the chosen one (the fusion has no weights file of its own to write)."""
    from model_core.calibrate import main
    from model_core.errors import CaimError

    assert main(["--model", "caimnet_cva", "--samples", "4", "--threads", "1"]) == 0
    out = capsys.readouterr().out
    assert "<- chosen" in out and "CAIM-Net + CVA fusion (caimnet_rgbn.pt inside): no-change bias" in out
    with pytest.raises(CaimError, match="--out and --bias do not apply"):
        main(["--model", "caimnet_cva", "--out", "x.pt"])
    assert main(["--model", "caimnet_isfa", "--samples", "2", "--threads", "1"]) == 0
    assert "CAIM-Net + ISFA fusion (caimnet_rgbn.pt inside): no-change bias" in capsys.readouterr().out


def test_caimnet_isfa_is_the_half_and_half_mean_with_isfa(scenario, tmp_path):
    """CAIM-Net + ISFA (``--model caimnet_isfa``, the series default since rule H): the same fusion with
    the classical ISFA as the classical part and the network's weight 0.5; it loads the CAIM-Net file."""
    from model_core.models import default_model

    paths, _ = scenario
    res = {m: detect(paths, out_dir=str(tmp_path / m), model=m, probabilities=True, tile=64)
           for m in ("caimnet_isfa", "caimnet", "isfa")}
    fused, net, isfa = (_probs(res[m]) for m in ("caimnet_isfa", "caimnet", "isfa"))
    assert np.allclose(fused, _geometric_mean(net, isfa, w=0.5), atol=2e-4)
    assert not np.allclose(fused, _geometric_mean(net, isfa, w=W_NET), atol=2e-3)
    moment = read_tif(res["caimnet_isfa"].paths["moment"])
    assert np.array_equal(moment, fused.argmax(axis=0))
    assert res["caimnet_isfa"].weights == W.default_weights("caimnet")
    assert default_model(3) == "caimnet_isfa" and default_model(2) == "isfa"  # (rule Y3)
    assert default_model(2, weights="own.pt") == "caimnet_isfa"
