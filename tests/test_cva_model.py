"""The classical CVA method behind the engine (``--model cva``): same rule as the baseline, any tiling."""

import os
import subprocess
import sys

import numpy as np
import pytest
from rasters import ROOT, read_tif, write_tif

from model_core.baseline import cva
from model_core.errors import WeightsError
from model_core.predict import detect


def _write_series(tmp_path, seed, n_dates, shape, edit, **write_options):
    """``n_dates`` noisy GeoTIFFs of ``shape`` (bands, H, W); ``edit(i, array)`` alters date i."""
    rng = np.random.default_rng(seed)
    paths = []
    for i in range(n_dates):
        v = rng.normal(100, 5, shape).astype(np.float32)
        edit(i, v)
        p = str(tmp_path / f"d{i}.tif")
        write_tif(p, v, **write_options)
        paths.append(p)
    return paths


def _stack_values(paths):
    from osgeo import gdal

    return np.stack([gdal.Open(p).ReadAsArray().astype(np.float32) for p in paths])


def test_engine_cva_equals_baseline_and_truth(scenario, tmp_path):
    paths, truth = scenario
    res = detect(paths, out_dir=str(tmp_path / "a"), model="cva", tile=64)
    moment = read_tif(res.paths["moment"])
    area = read_tif(res.paths["area"])
    base = cva(_stack_values(paths))
    # the whole scene is the statistics sample here, so the engine reproduces the baseline exactly
    assert np.array_equal(moment, base["moment"])
    assert np.array_equal(area == 1, moment > 0)
    assert res.trained and res.weights is None and not res.warnings
    # and it finds the scenario's changes: most changed pixels get their true interval
    true_moment = read_tif(truth["moment"])
    changed = true_moment > 0
    assert (moment[changed] == true_moment[changed]).mean() > 0.8
    assert (moment[~changed] == 0).mean() > 0.95
    # confidence is the probability of the chosen class, above 0.5 only where the rule is clear
    conf = read_tif(res.paths["confidence"])
    assert conf.min() >= 1.0 / len(paths) - 1e-6 and conf.max() <= 1.0


def test_engine_cva_does_not_depend_on_tiles(scenario, tmp_path):
    paths, _ = scenario
    a = detect(paths, out_dir=str(tmp_path / "a"), model="cva", tile=48)
    b = detect(paths, out_dir=str(tmp_path / "b"), model="cva", tile=4096)
    assert np.array_equal(read_tif(a.paths["moment"]), read_tif(b.paths["moment"]))
    assert np.allclose(read_tif(a.paths["confidence"]), read_tif(b.paths["confidence"]), atol=1e-6)
    assert not a.warnings and not b.warnings
    # a tile size smaller than any useful one still gives the same map, with a warning that it is slow
    c = detect(paths, out_dir=str(tmp_path / "c"), model="cva", tile=3)
    assert np.array_equal(read_tif(c.paths["moment"]), read_tif(b.paths["moment"]))
    assert len(c.warnings) == 1 and "the tile size 3 px keeps 8 x 8 px of each tile" in c.warnings[0], c.warnings
    assert "at least 64 px" in c.warnings[0]


def test_engine_cva_refuses_weights(scenario, tmp_path):
    paths, _ = scenario
    with pytest.raises(WeightsError, match="classical and takes no weights"):
        detect(paths, out_dir=str(tmp_path / "a"), model="cva", weights="some.pt")
    assert not (tmp_path / "a").exists() or not os.listdir(tmp_path / "a")


def test_engine_cva_masks_nodata(tmp_path):
    def edit(i, v):
        if i == 2:
            v[:, 10:20, 10:20] += 60  # a change in the second interval
            v[:, 30:, 40:] = -9999    # nodata corner

    paths = _write_series(tmp_path, 3, 3, (4, 40, 48), edit, nodata=-9999)
    res = detect(paths, out_dir=str(tmp_path / "out"), model="cva")
    m = read_tif(res.paths["moment"])
    assert (m[30:, 40:] == 255).all()
    assert (m[12:18, 12:18] == 2).all()


def test_cli_model_cva(scenario, tmp_path):
    paths, _ = scenario
    out = tmp_path / "cli"
    p = subprocess.run([sys.executable, "-m", "model_core", "detect", *paths, "--out", str(out), "--model", "cva"],
                       capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT), timeout=300)
    assert p.returncode == 0, p.stderr
    assert "cva (classical, no weights)" in p.stdout
    assert (out / "change_moment.tif").is_file()


def test_engine_cva_uses_every_band(tmp_path):
    def edit(i, v):
        if i == 1:
            v[5, 8:16, 8:16] += 80  # change visible only in band 6

    paths = _write_series(tmp_path, 4, 2, (6, 32, 32), edit)
    res = detect(paths, out_dir=str(tmp_path / "all"), model="cva")
    assert (read_tif(res.paths["area"])[8:16, 8:16] == 1).all()
    res = detect(paths, out_dir=str(tmp_path / "rgbn"), model="cva", bands=[1, 2, 3, 4])
    assert (read_tif(res.paths["area"])[8:16, 8:16] == 1).mean() < 0.5


def test_engine_cva_treats_alpha_as_mask(tmp_path):
    from osgeo import gdal

    rng = np.random.default_rng(5)
    paths = []
    for i in range(2):
        rgb = rng.integers(90, 110, (3, 32, 32)).astype(np.uint8)
        alpha = np.full((32, 32), 255, np.uint8)
        if i == 1:
            rgb[:, 8:16, 8:16] = 250
            alpha[:4, :] = 0  # transparent strip on the second date
        p = str(tmp_path / f"rgba{i}.tif")
        write_tif(p, np.concatenate([rgb, alpha[None]]), options=("PHOTOMETRIC=RGB", "ALPHA=YES"))
        ds = gdal.Open(p)  # referenced while its band is used (GDAL 3.6's bindings do not keep it alive)
        assert ds.GetRasterBand(4).GetColorInterpretation() == gdal.GCI_AlphaBand
        ds = None
        paths.append(p)
    res = detect(paths, out_dir=str(tmp_path / "out"), model="cva")
    area = read_tif(res.paths["area"])
    assert (area[:4] == 255).all()               # alpha 0 -> nodata, not a change
    assert (area[8:16, 8:16] == 1).all()
    assert (area[20:, 20:] == 0).mean() > 0.95


@pytest.mark.parametrize("model", ["cva", "isfa"])
def test_spatial_context(tmp_path, monkeypatch, model):
    """The 3 x 3 context: on for ISFA as shipped (rule SCI), off for the CVA (candidate SC failed for it).
    With it, tiles see their neighbours (the same map for any tile size), a nodata hole does not leak
    into its neighbours, one-pixel spikes fade while a 6 x 6 change stays; without it the spikes are
    called changed."""
    from model_core.models.cva import CVA
    from model_core.models.isfa import ISFA

    assert (CVA.context, ISFA.context) == (0, 1)
    cls = ISFA if model == "isfa" else CVA

    def edit(i, v):
        if i == 1:
            v[:, 10:16, 10:16] += 60   # a real change
            v[:, 40, 40] += 45          # one-pixel spikes
            v[:, 50, 20] += 45
            v[:, 30:33, 50:53] = -9999  # a nodata hole

    paths = _write_series(tmp_path, 11, 2, (4, 64, 64), edit, nodata=-9999)
    monkeypatch.setattr(cls, "context", 0)
    plain = read_tif(detect(paths, out_dir=str(tmp_path / "p"), model=model).paths["area"])
    assert plain[40, 40] == 1 and plain[50, 20] == 1 and plain[10:16, 10:16].all()
    monkeypatch.setattr(cls, "context", 1)
    runs = [detect(paths, out_dir=str(tmp_path / f"c{tile}"), model=model, tile=tile) for tile in (24, 4096)]
    maps = [read_tif(r.paths["area"]) for r in runs]
    assert np.array_equal(maps[0], maps[1])
    assert np.allclose(*[read_tif(r.paths["confidence"]) for r in runs], atol=1e-5)
    area = maps[0]
    assert area[40, 40] == 0 and area[50, 20] == 0 and area[10:16, 10:16].all()
    assert (area[30:33, 50:53] == 255).all() and not area[29:34, 49:54][area[29:34, 49:54] != 255].any()
    # the minimum-error threshold option stays per pixel (it was judged so): the same map with or without
    kittler = []
    for on in (1, 0):
        monkeypatch.setattr(cls, "context", on)
        run = detect(paths, out_dir=str(tmp_path / f"k{on}"), model=model, threshold="kittler", tile=24)
        kittler.append(read_tif(run.paths["moment"]))
    assert np.array_equal(*kittler) and kittler[0][40, 40] == 1


def test_automatic_series_choice_has_isfa_context():
    """The automatic choice for series (CAIM-Net + ISFA) carries ISFA's context in its classical part, and
    the fusion's tile halo (the network's) is at least the context's 8 pixels.  (That tiles with that halo
    give the untiled map is test_spatial_context's check for ISFA alone.)"""
    from model_core.models import build_model

    fusion = build_model("caimnet_isfa", in_channels=4)
    assert fusion.part.context == 1 and fusion.part._context_radius() == 1
    assert fusion.halo >= fusion.part.halo == 8


@pytest.mark.parametrize("model", ["cva", "isfa"])
def test_minimum_error_threshold_option(tmp_path, monkeypatch, model):
    """--threshold kittler (candidate KT, an option): another cut of the same per-pixel magnitudes (ISFA's
    Otsu map compared without its 3 x 3 context, which the option does not use), recorded in the
    metadata and the summary; on graded CVA changes it finds weak ones Otsu's cut leaves out without
    calling noise changed; other models refuse it."""
    from osgeo import gdal

    from model_core.errors import InputError
    from model_core.models.isfa import ISFA

    monkeypatch.setattr(ISFA, "context", 0)

    def edit(i, v):
        if i == 1:  # ten changes of growing strength, +20 to +110, in strips of 5 rows; columns 45+ unchanged
            for j, step in enumerate(range(20, 120, 10)):
                if model == "cva":
                    v[:, 2 + 6 * j:7 + 6 * j, 2:40] += step
                else:  # ISFA discounts a shift shared by all bands: bands changed in opposite directions
                    v[0, 2 + 6 * j:7 + 6 * j, 2:40] += step
                    v[3, 2 + 6 * j:7 + 6 * j, 2:40] -= step

    def strip(area, step):
        j = (step - 20) // 10
        return area[2 + 6 * j:7 + 6 * j, 2:40].mean()

    paths = _write_series(tmp_path, 12, 2, (4, 64, 64), edit)
    otsu = detect(paths, out_dir=str(tmp_path / "o"), model=model)
    ki = detect(paths, out_dir=str(tmp_path / "k"), model=model, threshold="kittler", tile=24)
    a_o, a_k = read_tif(otsu.paths["area"]), read_tif(ki.paths["area"])
    rule, value = gdal.Open(ki.paths["moment"]).GetMetadataItem("CAIM_THRESHOLD").split()
    rule_o, value_o = gdal.Open(otsu.paths["moment"]).GetMetadataItem("CAIM_THRESHOLD").split()
    assert (rule, rule_o) == ("kittler", "otsu") and float(value) != float(value_o)
    # the same statistics, another cut: one map is inside the other, as the recorded thresholds say
    assert (a_k >= a_o).all() if float(value) < float(value_o) else (a_k <= a_o).all()
    if model == "cva":  # Otsu's cut leans into the wide changed class, the minimum-error one does not
        # (for ISFA the strips differ between bands; below its noise level a threshold is raised, rule NF)
        weak = [(strip(a_o, step), strip(a_k, step)) for step in (30, 40, 50)]
        assert float(value) < float(value_o) and sum(k for _, k in weak) > sum(o for o, _ in weak) + 0.5, weak
        assert a_o[:, 45:].mean() < 0.02 and a_k[:, 45:].mean() < 0.02
        assert strip(a_o, 80) == strip(a_k, 80) == 1.0
    assert "minimum-error threshold" in ki.summary_text() and "minimum-error" not in otsu.summary_text()
    assert ki.threshold == "kittler" and otsu.threshold == "otsu"
    with pytest.raises(InputError, match="applies to the classical methods \\(cva, isfa\\) only, not to 'caimnet'"):
        detect(paths, out_dir=str(tmp_path / "n"), model="caimnet", threshold="kittler")
    with pytest.raises(InputError, match="Threshold 'median' is not one of otsu, kittler"):
        detect(paths, out_dir=str(tmp_path / "n"), model=model, threshold="median")
    assert not (tmp_path / "n").exists() or not os.listdir(tmp_path / "n")


@pytest.mark.parametrize("model", ["cva", "isfa"])
def test_a_date_in_other_units_is_named_for_cva(tmp_path, model):
    """A date stored 40 times scaled (reflectance against DN) makes CVA's map follow brightness: the run
    says so, naming the date; ISFA, which fits each date's gain, gets no such warning.  A land-cover
    change that changes the bands unequally is not taken for a scaling."""
    def scaled(i, v):
        v += np.linspace(0, 60, v.shape[2])[None, :, None]   # a brightness gradient across the scene
        if i == 2:
            v *= 40.0

    paths = _write_series(tmp_path, 3, 3, (4, 48, 48), scaled)
    res = detect(paths, out_dir=str(tmp_path / "s"), model=model, threshold="otsu")
    named = [w for w in res.warnings if "in every band (band medians)" in w]
    if model == "cva":
        assert len(named) == 1 and "input 3 'd2.tif' is about 40 times input 1 'd0.tif'" in named[0], res.warnings
    else:
        assert not named, res.warnings

    def darker_vegetation(i, v):   # red and NIR x 5, green and blue unchanged: not a scaling
        if i == 1:
            v[0] *= 5.0
            v[3] *= 5.0

    paths = _write_series(tmp_path, 4, 2, (4, 48, 48), darker_vegetation)
    res = detect(paths, out_dir=str(tmp_path / "v"), model="cva")
    assert not [w for w in res.warnings if "band medians" in w], res.warnings


def test_cva_on_a_stable_scene_says_its_map_may_be_noise(tmp_path):
    """CVA's magnitudes are standardised by the differences' spread, so its threshold splits even a pair
    with nothing but a gain and sensor noise between its dates (about 40 % of such a pair called changed).
    ISFA's calibrated fit on the same sample tells that the scene shows no second mode, and the run says
    so; the map is the CVA's all the same.  A real change gets no such note, nor does CAIM-Net + CVA,
    whose network decides a stable scene."""
    rng = np.random.default_rng(2)
    scene = rng.gamma(3, 300, (4, 80, 80)).astype(np.float32) + 200
    a = write_tif(tmp_path / "a_2001.tif", scene.astype(np.uint16))
    b = write_tif(tmp_path / "b_2002.tif", (scene * 0.8 + rng.normal(0, 4, scene.shape)).astype(np.uint16))
    res = detect([a, b], out_dir=str(tmp_path / "stable"), model="cva")
    notes = [w for w in res.warnings if "little change above noise" in w]
    assert len(notes) == 1 and notes[0].startswith("CVA's threshold splits any histogram"), res.warnings
    import re

    share = float(re.search(r"only (\d+\.\d) % of its pixels stand out", notes[0]).group(1))
    assert share < 3.0  # about the 1 % that the noise level lets through by design
    share = (read_tif(res.paths["area"]) == 1).mean()
    assert share == pytest.approx((cva(_stack_values([a, b]))["area"] == 1).mean(), abs=1e-9) and share > 0.1
    changed = scene * 0.8 + rng.normal(0, 4, scene.shape)
    changed[:, 20:40, 20:40] += 900
    c = write_tif(tmp_path / "c_2002.tif", changed.astype(np.uint16))
    res = detect([a, c], out_dir=str(tmp_path / "real"), model="cva")
    assert not [w for w in res.warnings if "above noise" in w], res.warnings
    res = detect([a, b], out_dir=str(tmp_path / "fusion"), model="caimnet_cva")
    assert not [w for w in res.warnings if "above noise" in w], res.warnings
