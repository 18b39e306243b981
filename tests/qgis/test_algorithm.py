"""caim:detectchanges run through QGIS Processing on small stacks (real engine, real QgsApplication)."""

import os

import numpy as np
import pytest

from caim_qgis_testlib import make_stack, read, write_raster
from rasters import UTM_CM
from caim_qgis_testlib import run_algorithm as run_alg

pytestmark = pytest.mark.qgis


def outputs_in(folder, polygons=False, probabilities=False):
    out = {"AREA": os.path.join(folder, "area.tif"), "MOMENT": os.path.join(folder, "moment.tif"),
           "CONFIDENCE": os.path.join(folder, "conf.tif")}
    if polygons:
        out["POLYGONS"] = os.path.join(folder, "poly.gpkg")
    if probabilities:
        out["PROBABILITIES"] = os.path.join(folder, "prob.tif")
    return out


def test_provider_and_parameters(qgis_app):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("caim:detectchanges")
    assert alg.displayName() == "Detect changes in a time series"
    assert alg.provider().id() == "caim"
    names = [p.name() for p in alg.parameterDefinitions()]
    for name in ("INPUT", "DATES", "BANDS", "MODEL", "WEIGHTS", "DEVICE", "SENSITIVITY", "MIN_PATCH", "TILE_SIZE", "OVERLAP",
                 "MASKS", "MASK_CLEAR", "AREA", "MOMENT", "CONFIDENCE", "POLYGONS", "REPORT"):
        assert name in names
    assert alg.parameterDefinition("DEVICE").options() == ["Auto", "CPU", "CUDA"]
    assert alg.parameterDefinition("POLYGONS").flags() & alg.parameterDefinition("POLYGONS").FlagOptional
    model = alg.parameterDefinition("MODEL")
    assert model.options() == ["auto", "caimnet", "schanger", "cva", "caimnet_cva", "isfa", "caimnet_isfa"]
    assert model.defaultValue() == "auto" and model.usesStaticStrings()
    sens = alg.parameterDefinition("SENSITIVITY")
    assert sens.defaultValue() == 0 and sens.minimum() == -3 and sens.maximum() == 3
    assert alg.parameterDefinition("FILL_GAPS").defaultValue() is False
    assert alg.parameterDefinition("MASKS").flags() & alg.parameterDefinition("MASKS").FlagOptional
    assert alg.parameterDefinition("MASK_CLEAR").defaultValue() == "0"
    assert "Cloud masks" in alg.shortHelpString() and "21824,21952" in alg.shortHelpString()
    assert "Fill masked dates" in alg.shortHelpString()
    patch = alg.parameterDefinition("MIN_PATCH")
    assert patch.defaultValue() == 0 and patch.minimum() == 0 and patch.dataType() == patch.Integer
    assert "Minimum change patch" in alg.shortHelpString()
    # patches smaller than MIN_PATCH go (it said 4 "drops isolated pixels and pairs"; 3 px go too)
    assert "e.g. 4 drops patches of 1 to 3 pixels (salt-and-pepper)" in alg.shortHelpString()
    tile = alg.parameterDefinition("TILE_SIZE")
    assert tile.defaultValue() == 0 and tile.minimum() == 0 and tile.maximum() == 8192
    assert tile.description() == "Tile size (pixels; 0 = automatic)"
    helptext = alg.shortHelpString()
    assert "<tt>cva</tt>" in helptext and "MODEL=auto" in helptext and "MODEL=cva" in helptext
    assert "0 (default) = automatic" in helptext



def test_no_description_says_optional_itself(qgis_app):
    """QGIS appends "[optional]" to an optional parameter's label: a description that says "(optional)"
    itself showed "Cloud masks, ... (optional) [optional]".  The parameter ids, flags and defaults stay."""
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("caim")
    algorithms = provider.algorithms()
    assert len(algorithms) >= 3
    for alg in algorithms:
        for p in alg.parameterDefinitions():
            assert "optional" not in p.description().lower(), (alg.id(), p.name(), p.description())
    masks = QgsApplication.processingRegistry().algorithmById("caim:detectchanges").parameterDefinition("MASKS")
    assert masks.description() == "Cloud masks, one per input layer"
    assert masks.flags() & masks.FlagOptional
    sample = [a for a in algorithms if a.parameterDefinition("SIZES") is not None]
    assert sample and sample[0].parameterDefinition("SIZES").flags() & masks.FlagOptional
    # the sensitivity shows 0.00, not 0.000000 (a desktop audit)
    sensitivity = QgsApplication.processingRegistry().algorithmById("caim:detectchanges").parameterDefinition(
        "SENSITIVITY")
    assert sensitivity.metadata()["widget_wrapper"]["decimals"] == 2


def test_model_titles_follow_the_engine_default(qgis_app, monkeypatch):
    """"auto" and its titles come from model_core.models.default_model, never from a copy of its rule."""
    import model_core.models as engine

    from caim_qgis_plugin import models as mdl
    from caim_qgis_plugin.algorithm import DetectChangesAlgorithm, model_titles

    two, other = engine.default_model(2), engine.default_model(5)
    assert [mdl.resolve("auto", n) for n in (2, 3, 5)] == [two, engine.default_model(3), other]
    names = {"caimnet": "CAIM-Net", "schanger": "SChanger", "cva": "Classical CVA", "caimnet_cva": "CAIM-Net + CVA",
             "isfa": "Classical ISFA", "caimnet_isfa": "CAIM-Net + ISFA"}
    assert mdl.resolve("auto", 2, "own.pt") == engine.default_model(2, "own.pt")
    auto = ("Automatic (%s)" % names[other] if two == other
            else "Automatic (%s; %s for 2 dates without a Weights file)" % (names[other], names[two])
            if mdl.pair_default_uses_no_weights() else "Automatic (%s; %s for exactly 2 dates)" % (names[other], names[two]))
    assert auto == "Automatic (CAIM-Net + ISFA; Classical ISFA for 2 dates without a Weights file)"  # (rule Y3)
    assert sorted(mdl.LIST_ORDER) == sorted(mdl.MODELS)  # the dialog lists every Processing option
    assert model_titles() == {
        "auto": auto,
        "caimnet": "CAIM-Net (any number of dates)", "schanger": "SChanger (exactly 2 dates)",
        "cva": "Classical CVA + Otsu (no weights, fast, any bands)",
        "caimnet_cva": "CAIM-Net + CVA fusion (any number of dates; CAIM-Net weights)",
        "isfa": "Classical ISFA (iterative slow feature analysis: no weights, any bands)",
        "caimnet_isfa": "CAIM-Net + ISFA fusion (any number of dates; CAIM-Net weights)"}
    # a new two-date default in the engine shows up everywhere without touching the plugin
    monkeypatch.setattr(engine, "TWO_DATE_DEFAULT", "cva")
    assert mdl.resolve("auto", 2) == "cva" and mdl.resolve("auto", 3) == engine.default_model(3)
    assert model_titles()["auto"] == "Automatic (%s; Classical CVA for 2 dates without a Weights file)" % names[other]
    monkeypatch.setattr(engine, "PAIR_WITH_WEIGHTS", "cva")   # (one default for two dates, file or not)
    assert model_titles()["auto"] == "Automatic (%s; Classical CVA for exactly 2 dates)" % names[other]
    alg = DetectChangesAlgorithm()
    alg.initAlgorithm()
    assert "Classical CVA for exactly 2 dates" in alg.shortHelpString()
    assert "Classical CVA for exactly 2 dates" in alg.parameterDefinition("MODEL").help()  # its tooltip
    # and what it runs on imagery the networks cannot read (the engine's AUTO_FALLBACK)
    assert "; Classical ISFA on layers whose bands the networks cannot read" in alg.shortHelpString()
    assert "; Classical ISFA on layers whose bands the networks cannot read" in alg.parameterDefinition("MODEL").help()
    # also with a Bands mapping the networks cannot read (BANDS=1,2 runs ISFA: inputs.auto_choice with the bands);
    # the text said "Bands empty"
    assert "as Bands lists them" in alg.parameterDefinition("MODEL").help() and "Bands empty" not in alg.shortHelpString()


def metadata(path):
    from osgeo import gdal

    return gdal.Open(path).GetMetadata()


def test_cva_finds_the_known_change(project, tmp_path):
    """MODEL=cva on the small stack with known truth: the bright square appears at the 3rd date, so it
    changed between the 2nd and 3rd dates (moment 2); the rest is unchanged.  Automatic tiling."""
    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "out"), probabilities=True)
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", TILE_SIZE=0, **out))
    assert ok, fb.textLog()
    assert results["MODEL_USED"] == "cva"
    assert "Model: Classical CVA [cva]" in fb.textLog()
    moment, area = read(results["MOMENT"]), read(results["AREA"])
    truth = np.zeros((64, 64), np.uint8)
    truth[16:40, 16:40] = 2
    valid = np.ones((64, 64), bool)
    valid[:6, :6] = False  # nodata block of the last date
    assert (moment[~valid] == 255).all() and (area[~valid] == 255).all()
    changed = (truth == 2) & valid
    assert (moment[changed] == 2).mean() > 0.95
    assert (moment[(truth == 0) & valid] == 0).mean() > 0.98
    assert ((area[valid] == 1) == (moment[valid] != 0)).all()
    p = np.stack([read(results["PROBABILITIES"], b) for b in (1, 2, 3)])
    assert (np.argmax(p, axis=0)[valid] == moment[valid]).all()
    for key in ("AREA", "MOMENT", "CONFIDENCE"):
        meta = metadata(results[key])
        assert meta["CAIM_MODEL"] == "cva" and meta["CAIM_WEIGHTS"] == "none (classical method)"
    assert "UNTRAINED" not in results["SUMMARY"] and not results["WARNINGS"]


def test_nan_not_marked_as_nodata_is_nodata_and_named_in_the_warnings(project, tmp_path):
    """A float date whose NaN pixels carry no nodata flag (as many raster calculators write them): the
    run completes, those pixels are nodata in the outputs, and WARNINGS (the dialog's status and message
    bar) names the input."""
    stack = make_stack(str(tmp_path), nodata_block=False)
    from osgeo import gdal

    arr = gdal.Open(stack[1]).ReadAsArray().astype(np.float32)
    arr[:, 40:44, 50:60] = np.nan
    floats = str(tmp_path / "2020-05-01_float.tif")
    write_raster(floats, arr)
    out = outputs_in(str(tmp_path / "out"))
    results, ok, fb = run_alg(dict(INPUT=[stack[0], floats, stack[2]], MODEL="cva", DEVICE="CPU", **out))
    assert ok, fb.textLog()
    assert "input 2 '2020-05-01_float.tif' has NaN values not marked as nodata" in results["WARNINGS"]
    area = read(results["AREA"])
    assert (area[40:44, 50:60] == 255).all() and (area != 255).sum() == 64 * 64 - 40


def test_fill_gaps_gives_the_masked_corner_a_result(project, tmp_path):
    """FILL_GAPS: the last date's 6 x 6 nodata corner is filled from the previous date (nothing changed
    there, so no change); without it the corner is nodata (previous test)."""
    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "out"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", FILL_GAPS=True, **out))
    assert ok, fb.textLog()
    moment = read(results["MOMENT"])
    assert (moment[:6, :6] == 0).all() and (moment != 255).all()
    assert (moment[16:40, 16:40] == 2).mean() > 0.95
    assert "36 px with masked dates filled" in results["SUMMARY"]
    assert metadata(results["MOMENT"])["CAIM_FILL_GAPS"] == "yes"


def _cloud_masks(folder, dates=("2019-05-01", "2020-05-01", "2021-05-01"), value=9):
    """One uint8 mask per date (0 clear); the middle date has a 10 x 10 cloud (``value``) at rows 44-54,
    cols 0-10, and the masks are on a 10 m grid (the images' is 5 m) to be resampled."""
    paths = []
    for i, date in enumerate(dates):
        m = np.zeros((32, 32), np.uint8)
        if i == 1:
            m[22:27, 0:5] = value
        paths.append(write_raster(os.path.join(folder, "cmask_%s.tif" % date), m,
                                  gt=(500000.0, 10.0, 0.0, 5200000.0, 0.0, -10.0)))
    return paths


def test_cloud_masks_parameter(project, tmp_path):
    """MASKS / MASK_CLEAR: the middle date's cloud is nodata in every output (unless 4 counts as clear),
    filled with FILL_GAPS; a mask list of the wrong length or a bad clear value is refused by name."""
    stack = make_stack(str(tmp_path), nodata_block=False)
    masks = _cloud_masks(str(tmp_path), value=4)
    runs = {}
    for name, extra in (("masked", {}), ("filled", {"FILL_GAPS": True}), ("clear4", {"MASK_CLEAR": "0,4"})):
        out = outputs_in(str(tmp_path / name))
        results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", MASKS=masks, **extra, **out))
        assert ok, fb.textLog()
        runs[name] = (read(results["MOMENT"]), results)
    moment, results = runs["masked"]
    assert (moment[44:54, 0:10] == 255).all() and (moment == 255).sum() == 100
    assert "Masks     3 of 3 dates have a mask file (clear = 0)" in results["SUMMARY"]
    assert metadata(results["MOMENT"])["CAIM_MASKS"] == "cmask_2019-05-01.tif;cmask_2020-05-01.tif;cmask_2021-05-01.tif"
    assert (runs["filled"][0] != 255).all() and (runs["filled"][0][44:54, 0:10] == 0).all()
    assert runs["masked"][1].get("REPORT") is None  # the report is optional and off by default
    assert (runs["clear4"][0] != 255).all()
    out = outputs_in(str(tmp_path / "bad"))
    for extra, message in (({"MASKS": masks[:2]}, "2 cloud masks for 3 layers"),
                           ({"MASKS": masks, "MASK_CLEAR": "clouds"}, "Mask clear value 'clouds'")):
        results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **extra, **out))
        assert not ok and message in fb.textLog(), fb.textLog()
        assert not os.path.exists(out["MOMENT"])


def test_cloud_mask_for_some_dates_only(project, tmp_path):
    """MASKS=[mask] with MASKED_DATES=2: only the second date has a mask; its cloud is nodata and every other
    pixel gets a result, exactly as the engine's command line with --masks none mask none (also with
    FILL_GAPS, which fills the cloud, and with a MASK_CLEAR that calls the cloud value clear)."""
    from model_core.cli import main

    stack = make_stack(str(tmp_path), nodata_block=False)
    mask = _cloud_masks(str(tmp_path), value=4)[1]  # the 2020 mask, the only one with a cloud
    runs = {}
    for name, extra, flags in (("masked", {}, []), ("filled", {"FILL_GAPS": True}, ["--fill-gaps"]),
                               ("clear4", {"MASK_CLEAR": "0,4"}, ["--mask-clear", "0,4"])):
        out = outputs_in(str(tmp_path / name))
        results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", MASKS=[mask], MASKED_DATES="2",
                                       **extra, **out))
        assert ok, fb.textLog()
        assert "Date 2: 2020-05-01  (%s)  mask: %s" % (stack[1], mask) in fb.textLog()
        assert "mask:" not in [line for line in fb.textLog().splitlines() if line.startswith("Date 1:")][0]
        cli = str(tmp_path / ("cli_" + name))
        assert main(["detect", *stack, "--model", "cva", "--device", "cpu", "--out", cli, "--quiet",
                     "--masks", "none", mask, "none", *flags]) == 0
        for key, file in (("MOMENT", "change_moment.tif"), ("AREA", "change_area.tif"),
                          ("CONFIDENCE", "confidence.tif")):
            assert np.array_equal(read(results[key]), read(os.path.join(cli, file))), (name, key)
        runs[name] = (read(results["MOMENT"]), results)
    moment, results = runs["masked"]
    assert (moment[44:54, 0:10] == 255).all() and (moment == 255).sum() == 100
    assert (moment[16:40, 16:40] == 2).mean() > 0.95
    assert "Masks     1 of 3 dates have a mask file (clear = 0)" in results["SUMMARY"]
    assert metadata(results["MOMENT"])["CAIM_MASKS"] == ";cmask_2020-05-01.tif;"
    assert (runs["filled"][0] != 255).all() and (runs["filled"][0][44:54, 0:10] == 0).all()
    assert (runs["clear4"][0] != 255).all()


def test_masked_dates_mistakes_are_named(project, tmp_path):
    """MASKED_DATES is optional and advanced; a bad value is refused with a message that says what is wrong,
    before anything is written."""
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    alg = QgsApplication.processingRegistry().algorithmById("caim:detectchanges")
    definition = alg.parameterDefinition("MASKED_DATES")
    assert definition.flags() & QgsProcessingParameterDefinition.FlagOptional
    assert definition.flags() & QgsProcessingParameterDefinition.FlagAdvanced
    assert "MASKED_DATES" in alg.shortHelpString()
    stack = make_stack(str(tmp_path), nodata_block=False)
    masks = _cloud_masks(str(tmp_path))
    out = outputs_in(str(tmp_path / "bad"))
    for extra, message in (
            ({"MASKS": masks[1:2], "MASKED_DATES": "4"},
             "MASKED_DATES '4': position 4 is out of range; there are 3 input layers (positions 1 to 3)."),
            ({"MASKS": masks[1:2], "MASKED_DATES": "0"}, "position 0 is out of range"),
            ({"MASKS": masks[:2], "MASKED_DATES": "2, 2"}, "MASKED_DATES '2, 2': position 2 is given twice"),
            ({"MASKS": masks[1:2], "MASKED_DATES": "1,2"},
             "MASKED_DATES '1,2' lists 2 dates but MASKS has 1 cloud mask: give one mask per listed date"),
            ({"MASKED_DATES": "2"}, "MASKED_DATES '2' lists 1 date but MASKS has 0 cloud masks"),
            ({"MASKS": masks[1:2], "MASKED_DATES": "second"}, "MASKED_DATES 'second': 'second' is not a layer "
                                                                "position"),
            ({"MASKS": masks[1:2], "MASKED_DATES": "2,"}, "MASKED_DATES '2,': an empty entry is not a layer"),
            ({"MASKS": masks[1:2], "MASKED_DATES": "1.5"}, "'1.5' is not a layer position"),
            ({"MASKS": masks[1:2]}, "1 cloud masks for 3 layers: give one mask per layer, in the same order, "
                                    "or set MASKED_DATES")):
        results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **extra, **out))
        assert not ok and message in fb.textLog(), (extra, fb.textLog())
        assert not any(os.path.exists(p) for p in out.values()), extra


def test_fusion_runs_with_the_bundled_network_weights(project, tmp_path):
    """MODEL=caimnet_cva: the fusion runs through Processing with the bundled CAIM-Net file, finds the
    known change, and its outputs name the model and that file."""
    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "out"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="caimnet_cva", DEVICE="CPU", **out))
    assert ok, fb.textLog()
    assert results["MODEL_USED"] == "caimnet_cva"
    assert "Model: CAIM-Net + CVA [caimnet_cva]" in fb.textLog()
    moment, area = read(results["MOMENT"]), read(results["AREA"])
    valid = np.ones((64, 64), bool)
    valid[:6, :6] = False
    assert (moment[~valid] == 255).all()
    assert (moment[20:36, 20:36] == 2).mean() > 0.9
    assert ((area[valid] == 1) == (moment[valid] != 0)).all()
    meta = metadata(results["MOMENT"])
    assert meta["CAIM_MODEL"] == "caimnet_cva" and meta["CAIM_WEIGHTS"] == "caimnet_rgbn.pt"
    # what the weights were trained on: in the log and in the outputs (public-domain imagery only)
    assert meta["CAIM_WEIGHTS_TRAINING"] == "naip, landsat: public domain only"
    assert "Weights   trained on naip, landsat: public domain only" in fb.textLog()


def test_cva_uses_every_band_without_a_mapping(project, tmp_path):
    """6-band images whose only change is in bands 5 and 6: CVA (no band mapping) finds it, the bands
    1-4 alone do not set it apart, and a network is refused before running (it needs 4 bands)."""
    rng = np.random.default_rng(5)
    base = rng.normal(100, 4, (6, 48, 48))
    paths = []
    for t, date in enumerate(["20190501", "20200501"]):
        img = base + rng.normal(0, 1, base.shape)
        if t == 1:
            img[4:, 10:30, 12:36] += 60
        paths.append(write_raster(str(tmp_path / ("six_%s.tif" % date)), img.clip(1, 254).astype(np.uint8)))
    out = outputs_in(str(tmp_path / "all"))
    results, ok, fb = run_alg(dict(INPUT=paths, MODEL="cva", DEVICE="CPU", **out))
    assert ok, fb.textLog()
    moment = read(results["MOMENT"])
    assert (moment[10:30, 12:36] == 1).mean() > 0.95
    outside = np.ones(moment.shape, bool)
    outside[10:30, 12:36] = False
    assert (moment[outside] == 0).mean() > 0.98

    four = outputs_in(str(tmp_path / "four"))
    results, ok, fb = run_alg(dict(INPUT=paths, MODEL="cva", BANDS="1,2,3,4", DEVICE="CPU", **four))
    assert ok, fb.textLog()
    four_moment = read(results["MOMENT"])
    # only noise in bands 1-4 (Otsu still splits it): the square is not set apart from the rest
    assert abs((four_moment[10:30, 12:36] == 1).mean() - (four_moment[outside] == 1).mean()) < 0.15

    net = outputs_in(str(tmp_path / "net"))
    results, ok, fb = run_alg(dict(INPUT=paths, MODEL="caimnet", DEVICE="CPU", **net))
    assert not ok
    assert "CAIM-Net needs 4 bands (red, green, blue, NIR) but the layers have 6" in fb.textLog()
    assert "a classical method (CVA or ISFA)" in fb.textLog()
    assert not os.path.exists(net["AREA"])


def test_network_reads_band_roles_from_wavelength_metadata(project, tmp_path):
    """6-band Landsat-like layers whose bands carry wavelengths (as ENVI headers do): with Bands empty
    the dialog's check names the mapping instead of refusing, and the network runs on bands 3,2,1,4,
    exactly as with the mapping typed by hand."""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    rng = np.random.default_rng(9)
    veg = np.array([40, 50, 35, 150, 90, 40], float)[:, None, None]
    base = np.repeat(np.repeat(rng.uniform(0.8, 1.2, (1, 8, 8)), 8, 1), 8, 2) * veg
    paths = []
    for t, date in enumerate(["20000317", "20030206"]):
        img = base + rng.normal(0, 2, base.shape)
        if t == 1:
            img[:, 20:40, 20:40] = np.array([120, 120, 130, 110, 150, 140], float)[:, None, None]
        p = write_raster(str(tmp_path / ("tm_%s.tif" % date)), img.clip(1, 254).astype(np.uint8))
        ds = gdal.Open(p, gdal.GA_Update)
        for b, wl in enumerate([0.4825, 0.565, 0.66, 0.825, 1.65, 2.22]):
            ds.GetRasterBand(b + 1).SetMetadata({"wavelength": str(wl), "wavelength_units": "Micrometers"})
        ds = None
        paths.append(p)
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in paths]
    problems = inp.validate(layers, ["2000-03-17", "2003-02-06"], None, "caimnet")
    assert [lvl for lvl, _ in problems] == [inp.INFO]
    assert "3,2,1,4 as R, G, B, NIR (from the rasters' wavelengths)" in problems[0][1]

    auto = outputs_in(str(tmp_path / "auto"))
    results, ok, fb = run_alg(dict(INPUT=paths, MODEL="caimnet", DEVICE="CPU", **auto))
    assert ok, fb.textLog()
    assert "3,2,1,4 as R, G, B, NIR" in results["SUMMARY"]
    hand = outputs_in(str(tmp_path / "hand"))
    hand_results, ok, fb = run_alg(dict(INPUT=paths, MODEL="caimnet", BANDS="3,2,1,4", DEVICE="CPU", **hand))
    assert ok, fb.textLog()
    np.testing.assert_array_equal(read(results["MOMENT"]), read(hand_results["MOMENT"]))
    assert (read(results["AREA"])[25:35, 25:35] == 1).mean() > 0.5


def test_rgb_with_true_alpha_is_three_bands_for_a_network(project, tmp_path):
    """R, G, B + a 0/255 alpha: the dialog's check and the engine agree that a network has no NIR
    band (instead of reading the mask as NIR): both read 1,2,3,2, the alpha stays the mask."""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    paths = []
    for t in range(2):
        data = np.random.default_rng(t).integers(1, 255, (4, 32, 32)).astype(np.uint8)
        data[3] = 255
        data[3, :5] = 0
        p = write_raster(str(tmp_path / ("rgba_%d.tif" % (2019 + t))), data)
        ds = gdal.Open(p, gdal.GA_Update)
        ds.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
        ds = None
        paths.append(p)
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in paths]
    problems = inp.validate(layers, ["2019", "2020"], None, "caimnet")
    assert [lvl for lvl, _ in problems] == [inp.INFO], problems
    assert "in place of the missing NIR" in problems[0][1]
    from model_core.stack import Stack

    stack = Stack(paths, expected_bands=4)
    assert [s.bands for s in stack.sources] == [[1, 2, 3, 2]] * 2 and stack.sources[0].alpha_band == 4
    assert not [m for lvl, m in inp.validate(layers, ["2019", "2020"], [1, 2, 3, 2], "caimnet") if lvl == inp.ERROR]


def test_the_green_as_nir_note_is_said_once_in_the_log(project, tmp_path):
    """BANDS=1,2,3 (and RGB-only layers with BANDS empty) for a network: the log said 'Note: Bands 1,2,3: the
    engine uses bands 1,2,3 as R, G, B and band 2 (green) in place of the missing NIR ...' before the run and the
    run summary's Bands line said it again (seen with qgis_process and in the Processing dialog's log on two NAIP
    dates written as RGB GeoTIFFs).  Said once now, in the summary, which SUMMARY and the report keep."""
    rgb = make_stack(str(tmp_path), bands=3)
    for bands in ("1,2,3", ""):
        out = outputs_in(str(tmp_path / ("out" + bands.replace(",", ""))))
        report = str(tmp_path / ("report%s.html" % bands.replace(",", "")))
        res, ok, fb = run_alg({"INPUT": rgb, "BANDS": bands, "MODEL": "caimnet", "REPORT": report, **out})
        assert ok, fb.textLog()
        log = fb.textLog()
        assert log.count("(green) in place of the missing NIR") == 1, log
        line = next(x for x in log.splitlines() if "(green) in place of the missing NIR" in x)
        assert line.startswith("Bands     1,2,3 as R, G, B and band 2 (green)"), line
        assert line in res["SUMMARY"], res["SUMMARY"]
        with open(report, encoding="utf-8") as f:
            assert "(green) in place of the missing NIR" in f.read()


def test_auto_resolves_with_the_engine_default(project, tmp_path, finished_run):
    """MODEL=auto (and no MODEL at all) runs model_core.models.default_model(number of layers)."""
    from model_core.models import default_model

    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "two"))
    results, ok, fb = run_alg(dict(INPUT=stack[1:], MODEL="auto", DEVICE="CPU", TILE_SIZE=0, **out))
    assert ok, fb.textLog()
    two = default_model(2)
    assert results["MODEL_USED"] == two
    assert "automatic choice for 2 dates) [%s]" % two in fb.textLog()
    assert metadata(results["MOMENT"])["CAIM_MODEL"] == two
    assert results["USED_DATES"] == "2020-05-01,2021-05-01"
    # the square appears at the 2nd of these two dates; only a trained model is expected to find it
    if "UNTRAINED" not in results["SUMMARY"]:
        assert (read(results["MOMENT"])[20:36, 20:36] == 1).mean() > 0.9

    # the shared run gave no MODEL: the default for 3 dates
    assert finished_run["results"]["MODEL_USED"] == default_model(3)
    assert metadata(finished_run["results"]["MOMENT"])["CAIM_MODEL"] == default_model(3)


def test_auto_runs_isfa_on_imagery_the_networks_cannot_read(project, tmp_path):
    """MODEL=auto (the default) on 3-band red, NIR, SWIR1 layers was refused ("choose CVA or ISFA"): it runs
    Classical ISFA, says so in the log and MODEL_USED, and CAIM_MODEL names it; MODEL=caimnet_isfa is
    refused as before."""
    from osgeo import gdal

    rng = np.random.default_rng(2)
    base = rng.integers(40, 120, (3, 48, 48)).astype(np.uint8)
    paths = []
    for i, y in enumerate((2019, 2020, 2021)):
        a = base.copy()
        if i == 2:
            a[:, 10:30, 10:30] += 100
        path = write_raster(str(tmp_path / f"rns_{y}0501.tif"), a)
        ds = gdal.Open(path, gdal.GA_Update)
        for b, name in enumerate(("red", "nir", "swir1")):
            ds.GetRasterBand(b + 1).SetDescription(name)
        ds = None
        paths.append(path)
    results, ok, fb = run_alg(dict(INPUT=paths, DEVICE="CPU", **outputs_in(str(tmp_path / "auto"))))
    log = fb.textLog()
    assert ok, log
    assert results["MODEL_USED"] == "isfa"
    assert "Automatic: Classical ISFA will run, not CAIM-Net + ISFA, which cannot read these layers' bands" in log
    assert "Model: Classical ISFA (automatic choice: the networks cannot read these layers' bands) [isfa]" in log
    assert "Automatic Classical ISFA (isfa), not caimnet_isfa: the networks cannot read these inputs' bands" in log
    assert metadata(results["MOMENT"])["CAIM_MODEL"] == "isfa"
    assert (read(results["MOMENT"])[12:28, 12:28] == 2).mean() > 0.9
    results, ok, fb = run_alg(dict(INPUT=paths, MODEL="caimnet_isfa", DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "named"))))
    assert not ok and "no green and no blue band" in fb.textLog()
    assert not os.path.exists(str(tmp_path / "named"))
    # THRESHOLD=kittler with MODEL=auto: applied where auto runs Classical ISFA (it was refused as for a
    # network), refused before the run where auto runs a network
    results, ok, fb = run_alg(dict(INPUT=paths, THRESHOLD="kittler", DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "kittler"))))
    assert ok, fb.textLog()
    assert metadata(results["MOMENT"])["CAIM_THRESHOLD"].startswith("kittler "), metadata(results["MOMENT"])
    os.mkdir(str(tmp_path / "rgbn"))
    stack = make_stack(str(tmp_path / "rgbn"), size=40, nodata_block=False)
    results, ok, fb = run_alg(dict(INPUT=stack, THRESHOLD="kittler", DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "network"))))
    assert not ok and "MODEL=auto runs CAIM-Net + ISFA on these layers" in fb.textLog(), fb.textLog()
    assert not os.path.exists(str(tmp_path / "network"))


def test_automatic_tiles_give_the_same_result(project, tmp_path, finished_run):
    """TILE_SIZE=0 (automatic; one tile here) and 64-pixel tiles (the shared run) agree pixel for pixel."""
    stack = make_stack(str(tmp_path))  # same data as the shared run
    out = outputs_in(str(tmp_path / "auto"))
    results, ok, fb = run_alg(dict(INPUT=stack, DEVICE="CPU", TILE_SIZE=0, **out))
    assert ok, fb.textLog()
    ref = finished_run["results"]
    np.testing.assert_array_equal(read(results["MOMENT"]), read(ref["MOMENT"]))
    np.testing.assert_allclose(read(results["CONFIDENCE"]), read(ref["CONFIDENCE"]), atol=1e-4)


def test_isfa_finds_the_known_change(project, tmp_path):
    """MODEL=isfa (appended to MODEL's options): the classical ISFA through Processing finds the bright
    square at its interval, writes nodata where a date has none and records the model it ran.  Its 3 x 3
    context (rule SCI) may grow so strong a change by one pixel, never more."""
    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "out"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="isfa", DEVICE="CPU", **out))
    assert ok, fb.textLog()
    assert results["MODEL_USED"] == "isfa" and "Model: Classical ISFA [isfa]" in fb.textLog()
    moment = read(results["MOMENT"])
    truth = np.zeros((64, 64), np.uint8)
    truth[16:40, 16:40] = 2
    valid = np.ones((64, 64), bool)
    valid[:6, :6] = False
    assert (moment[~valid] == 255).all()
    assert (moment[(truth == 2) & valid] == 2).mean() > 0.95
    rim = np.zeros((64, 64), bool)
    rim[15:41, 15:41] = True
    assert (moment[(truth == 0) & valid & ~rim] == 0).mean() > 0.98
    assert metadata(results["MOMENT"])["CAIM_MODEL"] == "isfa"
    weights = str(tmp_path / "w.pt")
    open(weights, "wb").close()
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="isfa", WEIGHTS=weights, DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "o2"))))
    assert not ok and "The Classical ISFA method (MODEL=isfa) takes no weights" in fb.textLog()


def test_minimum_error_threshold_parameter(project, tmp_path):
    """THRESHOLD (advanced): kittler runs the classical methods with the minimum-error threshold (in the
    outputs' metadata and the group name); other models are refused before anything is written."""
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("caim:detectchanges")
    threshold = alg.parameterDefinition("THRESHOLD")
    assert threshold.options() == ["otsu", "kittler"] and threshold.defaultValue() == "otsu"
    assert threshold.flags() & threshold.FlagAdvanced and "minimum-error" in alg.shortHelpString()
    # its tooltip (and qgis_process help) said "for MODEL=cva or isfa only", while MODEL=auto takes it where it
    # runs Classical ISFA (below, and the long help)
    assert "MODEL=auto where it runs Classical ISFA" in threshold.help() and "isfa only" not in threshold.help()
    stack = make_stack(str(tmp_path), size=40, nodata_block=False)
    out = outputs_in(str(tmp_path / "k"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="isfa", THRESHOLD="kittler", DEVICE="CPU", **out))
    assert ok, fb.textLog()
    assert metadata(results["MOMENT"])["CAIM_THRESHOLD"].startswith("kittler ")
    assert "minimum-error threshold" in results["SUMMARY"]
    out = outputs_in(str(tmp_path / "n"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="auto", THRESHOLD="kittler", DEVICE="CPU", **out))
    assert not ok and "THRESHOLD=kittler" in fb.textLog() and "Choose MODEL=cva or isfa" in fb.textLog()
    assert not os.path.isdir(str(tmp_path / "n"))


def test_automatic_for_two_dates_runs_caimnet_isfa_with_the_weights_file_given(project, tmp_path):
    """Rule Y3: MODEL=auto for two dates runs Classical ISFA, and CAIM-Net + ISFA with the WEIGHTS file when one is
    given (a file the user trained), end to end: the log's model line, MODEL_USED and the outputs' metadata name the
    method and that file.  The help says where THRESHOLD=kittler applies with MODEL=auto (it said: only on layers
    whose bands the networks cannot read, where a pair without WEIGHTS runs ISFA too)."""
    import json

    from qgis.core import QgsApplication

    from model_core import weights as wio
    from model_core.models import build_model

    stack = make_stack(str(tmp_path), dates=("2019-05-01", "2020-05-01"), change_at=1, size=40,
                       nodata_block=False)
    weights = str(tmp_path / "my_own_caimnet.pt")
    wio.save(weights, build_model("caimnet"), {"config": json.dumps({"model": "caimnet"})})
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="auto", DEVICE="CPU", **outputs_in(str(tmp_path / "a"))))
    assert ok and results["MODEL_USED"] == "isfa", fb.textLog()
    assert "Model: Classical ISFA (automatic choice for 2 dates) [isfa]" in fb.textLog()
    assert metadata(results["MOMENT"])["CAIM_MODEL"] == "isfa"
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="auto", WEIGHTS=weights, DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "b"))))
    assert ok and results["MODEL_USED"] == "caimnet_isfa", fb.textLog()
    assert "Model: CAIM-Net + ISFA (automatic choice for 2 dates) [caimnet_isfa]" in fb.textLog()
    meta = metadata(results["MOMENT"])
    assert meta["CAIM_MODEL"] == "caimnet_isfa" and meta["CAIM_WEIGHTS"].startswith("my_own_caimnet.pt"), meta
    # THRESHOLD=kittler: taken for the pair without a file (ISFA runs), refused with it (a network runs)
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="auto", THRESHOLD="kittler", DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "k"))))
    assert ok and metadata(results["MOMENT"])["CAIM_THRESHOLD"].startswith("kittler "), fb.textLog()
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="auto", THRESHOLD="kittler", WEIGHTS=weights, DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "kw"))))
    assert not ok and "MODEL=auto runs CAIM-Net + ISFA on these layers" in fb.textLog()
    text = QgsApplication.processingRegistry().algorithmById("caim:detectchanges").shortHelpString()
    assert "MODEL=auto where it runs Classical ISFA: for 2 dates without WEIGHTS, and on layers whose" in text
    assert "with MODEL=auto for 2 dates, a file given here makes it run CAIM-Net + ISFA with that file" in text


def test_cva_refuses_a_weights_file(project, tmp_path):
    stack = make_stack(str(tmp_path), size=40, nodata_block=False)
    weights = str(tmp_path / "my_weights.pt")
    with open(weights, "wb") as f:
        f.write(b"not used")
    out = outputs_in(str(tmp_path / "o"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", WEIGHTS=weights, DEVICE="CPU", **out))
    assert not ok
    log = fb.textLog()
    assert "The Classical CVA method (MODEL=cva) takes no weights" in log
    assert "Weights file (WEIGHTS)" in log and "my_weights.pt" in log and "Leave WEIGHTS empty" in log
    assert not os.path.exists(out["AREA"]) and not os.path.isdir(str(tmp_path / "o"))
    # the networks still take it (and the engine says what is wrong with this file)
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="caimnet", WEIGHTS=weights, DEVICE="CPU", **out))
    assert not ok and "takes no weights" not in fb.textLog()


def test_a_weights_files_band_mapping_is_warned_once_in_the_log(project, tmp_path):
    """A Weights file trained with the band mapping 3,4,4,2 run with BANDS empty: the log said so twice, once
    from the form's check before the run and once from the engine in the run's summary. Once now: the
    engine's, which names the bands the run read, and is the WARNINGS output too."""
    import json

    from model_core import weights as wio
    from model_core.models import build_model

    stack = make_stack(str(tmp_path), size=40, nodata_block=False)
    weights = str(tmp_path / "landsat.pt")
    wio.save(weights, build_model("caimnet"), {"config": json.dumps({
        "model": "caimnet", "data": {"kind": "generic", "root": "x", "bands": [3, 4, 4, 2]}})})
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="caimnet", WEIGHTS=weights, DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "o"))))
    assert ok, fb.textLog()
    log = fb.textLog()
    assert log.lower().count("trained with the band mapping 3,4,4,2") == 1, log
    assert "this run reads bands 1,2,3,4" in log and "this run reads bands 1,2,3,4" in results["WARNINGS"]


def test_the_device_is_logged_once(project, tmp_path):
    """The log said the device twice: the run summary's Device line, then 'Device used: cpu' right after it. Once
    now, in the summary; the DEVICE_USED output stays."""
    stack = make_stack(str(tmp_path), size=40, nodata_block=False)
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **outputs_in(str(tmp_path / "o"))))
    assert ok, fb.textLog()
    log = fb.textLog()
    assert [line for line in log.splitlines() if line.lstrip().startswith("Device")] == ["Device    cpu"], log
    assert results["DEVICE_USED"] == "cpu" and "Device    cpu" in results["SUMMARY"].splitlines()


def test_run_on_stack_values(finished_run):
    """The shared run (conftest.finished_run): 3 dates, 64 x 64, probabilities and polygons."""
    results = finished_run["results"]
    assert results["DEVICE_USED"] == "cpu"
    assert results["USED_DATES"] == "2019-05-01,2020-05-01,2021-05-01"
    area, moment = read(results["AREA"]), read(results["MOMENT"])
    conf = read(results["CONFIDENCE"])
    # nodata block of the last date -> 255 in both outputs, and only there
    assert (area[:6, :6] == 255).all() and (moment[:6, :6] == 255).all()
    valid = moment != 255
    assert (area[~valid] == 255).all()
    assert valid.sum() == 64 * 64 - 36
    # area and moment agree by construction; moments are within 0..T-1
    assert ((area[valid] == 1) == (moment[valid] != 0)).all()
    assert set(np.unique(moment[valid])) <= {0, 1, 2}
    assert ((conf[valid] >= 0) & (conf[valid] <= 1)).all()
    # probabilities: T bands summing to 1, the moment is their argmax
    from osgeo import gdal

    ds = gdal.Open(results["PROBABILITIES"])
    assert ds.RasterCount == 3
    p = ds.ReadAsArray()
    np.testing.assert_allclose(p[:, valid].sum(axis=0), 1.0, atol=1e-3)
    assert (np.argmax(p, axis=0)[valid] == moment[valid]).mean() > 0.99
    # the confidence is the probability of the predicted moment
    chosen = np.take_along_axis(p, np.where(valid, moment, 0)[None].astype(int), 0)[0]
    np.testing.assert_allclose(conf[valid], chosen[valid], atol=1e-4)
    # sidecars written, styled
    for key in ("AREA", "MOMENT", "CONFIDENCE"):
        assert os.path.exists(os.path.splitext(results[key])[0] + ".qml")
    with open(os.path.splitext(results["MOMENT"])[0] + ".qml") as f:
        qml = f.read()
    assert "2019-05-01 to 2020-05-01" in qml and "2020-05-01 to 2021-05-01" in qml
    # polygons: attributes from the dates, area consistent with the moment raster (5 m pixels)
    from osgeo import ogr

    src = ogr.Open(results["POLYGONS"])
    layer = src.GetLayer(0)
    total = {}
    for feat in layer:
        k = feat.GetField("moment")
        assert k in (1, 2)
        assert (feat.GetField("date_before"), feat.GetField("date_after")) == (
            ["2019-05-01", "2020-05-01"][k - 1], ["2020-05-01", "2021-05-01"][k - 1])
        total[k] = total.get(k, 0) + feat.GetField("area_m2")
    for k in (1, 2):
        assert total.get(k, 0) == pytest.approx(25.0 * UTM_CM * (moment == k).sum())  # ground area, UTM


def test_dates_parameter_and_validation_errors(project, tmp_path):
    stack = make_stack(str(tmp_path), size=40, nodata_block=False)
    out = outputs_in(str(tmp_path / "o"))
    results, ok, fb = run_alg(dict(INPUT=stack, DATES="2001-01-01,2002-02-02", TILE_SIZE=64, **out))
    assert not ok and "DATES has 2 entries but 3 layers" in fb.textLog()
    # an output named for another format would be a GeoTIFF under that name: refused, nothing written
    wrong = dict(out, CONFIDENCE=str(tmp_path / "o" / "confidence.img"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", TILE_SIZE=64, **wrong))
    assert not ok and "Confidence: '%s' is written as GeoTIFF; end its name with .tif or .tiff." % wrong[
        "CONFIDENCE"] in fb.textLog(), fb.textLog()
    assert not os.path.exists(out["AREA"]) and not os.path.exists(str(tmp_path / "o"))
    # so is a report named for another format (REPORT=r.txt wrote the HTML page into a text file), as the command
    # line refuses its --report: before any work, nothing written
    for name in ("r.txt", "report", "r.png"):
        report = str(tmp_path / "o" / name)
        results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", TILE_SIZE=64, REPORT=report, **out))
        assert not ok and "Run report (HTML): '%s' is written as HTML; end its name with .html or .htm." % report \
            in fb.textLog(), fb.textLog()
        assert not os.path.exists(out["AREA"]) and not os.path.exists(str(tmp_path / "o"))
    results, ok, fb = run_alg(dict(INPUT=stack, DATES="2001-01-01,15.02.2002,2003-03-03", TILE_SIZE=64, **out))
    assert not ok and "'15.02.2002' in DATES is not a date: write it year first" in fb.textLog()
    results, ok, fb = run_alg(dict(INPUT=stack[:1], TILE_SIZE=64, **out))
    assert not ok and "at least 2" in fb.textLog()
    odd = write_raster(str(tmp_path / "three_bands.tif"), np.full((3, 40, 40), 50, np.uint8))
    results, ok, fb = run_alg(dict(INPUT=stack[:2] + [odd], TILE_SIZE=64, **out))
    assert not ok and "Band counts differ" in fb.textLog()
    assert not os.path.exists(out["AREA"])
    results, ok, fb = run_alg(dict(INPUT=stack, DATES="2001-01-01,2002-02-02,2003-03-03", DEVICE="CPU",
                                   TILE_SIZE=64, **out))
    assert ok, fb.textLog()
    assert results["USED_DATES"] == "2001-01-01,2002-02-02,2003-03-03"


def test_cancel_leaves_no_files(project, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    stack = make_stack(str(tmp_path), size=128, nodata_block=False)
    out = outputs_in(str(tmp_path / "out"), probabilities=True)
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    # cancel as soon as the first tile reports progress
    feedback.progressChanged.connect(lambda v: feedback.cancel() if v > 1 else None)
    results, ok = alg.run(dict(INPUT=stack, DEVICE="CPU", TILE_SIZE=64, **out), context, feedback)
    assert not ok
    assert feedback.isCanceled()
    assert not os.path.exists(str(tmp_path / "out"))  # the run created the folder: it goes, empty


def test_any_gdal_source_vrt_envi_and_band_subset(project, tmp_path, finished_run):
    """GeoTIFF, VRT and ENVI inputs mixed, plus a 5th band dropped with BANDS: same result as the TIFFs."""
    from osgeo import gdal

    stack = make_stack(str(tmp_path))  # same data as the shared run
    vrt = str(tmp_path / "second_20200501.vrt")
    gdal.Translate(vrt, stack[1], format="VRT")
    envi = str(tmp_path / "third_20210501.bin")
    gdal.Translate(envi, stack[2], format="ENVI")
    five = str(tmp_path / "first_20190501_extra_band.tif")
    arr = gdal.Open(stack[0]).ReadAsArray()
    write_raster(five, np.concatenate([arr, np.full((1,) + arr.shape[1:], 255, np.uint8)]), nodata=0)

    ref = finished_run["results"]
    mixed = outputs_in(str(tmp_path / "mixed"))
    results, ok, fb = run_alg(dict(INPUT=[five, vrt, envi], BANDS="1,2,3,4", DEVICE="CPU", TILE_SIZE=64, **mixed))
    assert ok, fb.textLog()
    assert results["USED_DATES"] == "2019-05-01,2020-05-01,2021-05-01"
    np.testing.assert_array_equal(read(results["MOMENT"]), read(ref["MOMENT"]))
    np.testing.assert_array_equal(read(results["AREA"]), read(ref["AREA"]))


def test_obvious_change_found_when_trained_weights_exist(finished_run):
    """Only meaningful with trained weights: the bright square appearing at the 3rd date is a change
    between the 2nd and 3rd dates (moment 2), the untouched far corner is unchanged."""
    results = finished_run["results"]
    if "UNTRAINED" in results["SUMMARY"]:
        pytest.skip("no trained weights bundled: the engine runs with random weights")
    moment = read(results["MOMENT"])
    assert (moment[20:36, 20:36] == 2).mean() > 0.9
    assert (moment[48:, 48:] == 0).mean() > 0.9


def test_one_band_layers_of_one_date_are_bands_not_dates(qgis_app, tmp_path):
    """A raw per-band product (CBERS, Sentinel-2, Landsat: one file per band) checked as dates: the
    one-band layers sharing a date are refused with the way to stack them; two multi-band layers of one
    date only get a warning that names the date."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    rng = np.random.default_rng(0)
    bands = [QgsRasterLayer(write_raster(str(tmp_path / ("B%d_%s.tif" % (b, d))), rng.integers(1, 255, (32, 32)).astype(
        np.uint8)), "B%d_%s" % (b, d), "gdal") for d in ("2018-02-02", "2018-03-06") for b in (13, 14, 15, 16)]
    dates = ["2018-02-02"] * 4 + ["2018-03-06"] * 4
    errors = [m for lvl, m in inp.validate(bands, dates, None, "cva") if lvl == inp.ERROR]
    assert len(errors) == 1 and "4 one-band layers share the date 2018-02-02 ('B13_2018-02-02', " in errors[0]
    assert "and 1 more date likewise" in errors[0] and "'Stack band files into dates' below the list" in errors[0]
    # with the default model (a network) too: not also told to pick 4 bands with Bands, which the stack does not need
    errors = [m for lvl, m in inp.validate(bands, dates, None, "auto") if lvl == inp.ERROR]
    assert len(errors) == 1 and "'Stack band files into dates' below the list" in errors[0], errors
    full = [QgsRasterLayer(write_raster(str(tmp_path / ("img%d.tif" % i)), rng.integers(1, 255, (4, 32, 32)).astype(
        np.uint8)), "img%d" % i, "gdal") for i in range(3)]
    problems = inp.validate(full, ["2019", "2019", "2020"], None, "cva")
    assert not [m for lvl, m in problems if lvl == inp.ERROR]
    assert [m for lvl, m in problems if lvl == inp.WARNING] == [
        "Some dates appear twice (2019): the intervals between them are zero days long."]


def test_an_output_over_an_input_or_another_output_is_refused_before_anything_is_written(project, tmp_path):
    """MOMENT naming one of the INPUT images would have overwritten the imagery with the change map
    (and reported success); REPORT naming a raster output wrote HTML over it.  Both are refused, naming
    the parameters, before anything is written."""
    import hashlib

    stack = make_stack(str(tmp_path))
    before = hashlib.sha256(open(stack[1], "rb").read()).hexdigest()
    out = outputs_in(str(tmp_path / "out"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **dict(out, MOMENT=stack[1])))
    assert not ok
    assert "The MOMENT output '%s' is input 2 ('%s'), which this run reads" % (
        os.path.abspath(stack[1]), os.path.basename(stack[1])) in fb.textLog()
    assert hashlib.sha256(open(stack[1], "rb").read()).hexdigest() == before
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", REPORT=out["AREA"], **out))
    assert not ok
    assert "The AREA and REPORT outputs are the same file" in fb.textLog()
    assert not os.path.exists(str(tmp_path / "out"))


def test_a_report_that_cannot_be_written_is_named_before_the_run_and_leaves_nothing(project, tmp_path):
    """A REPORT (or POLYGONS) path under a regular file: a clear message before the run (it had been a
    Python traceback, or the rasters were written and then 'Cannot write the report ... (File exists)')."""
    stack = make_stack(str(tmp_path))
    (tmp_path / "afile").write_text("not a folder")
    out = outputs_in(str(tmp_path / "out"))
    for extra in (dict(REPORT=str(tmp_path / "afile" / "r.html")), dict(POLYGONS=str(tmp_path / "afile" / "p.gpkg"))):
        results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **extra, **out))
        assert not ok
        assert "Cannot make the output folder '%s': '%s' is a file, not a folder" % (
            tmp_path / "afile", tmp_path / "afile") in fb.textLog()
        assert "Traceback" not in fb.textLog()
        assert not os.path.exists(str(tmp_path / "out"))


def test_cancel_while_the_polygons_are_written_keeps_nothing(project, tmp_path):
    """Cancelling while the change polygons are traced was ignored: the run finished and kept everything."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "out"), polygons=True)
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    class CancelAtPolygons(QgsProcessingFeedback):  # QGIS 3.22 has no progressTextChanged signal
        def setProgressText(self, text):  # noqa: N802
            super().setProgressText(text)
            if "polygons" in text:
                self.cancel()

    feedback = CancelAtPolygons()
    results, ok = alg.run(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", REPORT=str(tmp_path / "out" / "r.html"), **out),
                          QgsProcessingContext(), feedback)
    assert not ok and feedback.isCanceled()
    assert "Cancelled by the user while tracing the change polygons" in feedback.textLog()
    assert not os.path.exists(str(tmp_path / "out"))


def test_a_run_stopped_after_its_rasters_leaves_no_earlier_report_or_polygons(project, tmp_path):
    """A run into the outputs of an earlier one, cancelled (or failed, or its qgis_process killed) after its
    rasters had replaced that run's, left the earlier run's report and polygons there, describing rasters that
    were gone (found by killing runs): once the rasters are replaced, those go too."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "out"), polygons=True)
    params = dict(INPUT=stack, MODEL="cva", DEVICE="CPU", REPORT=str(tmp_path / "out" / "r.html"), **out)
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    results, ok = alg.run(params, QgsProcessingContext(), QgsProcessingFeedback())
    assert ok and os.path.exists(params["REPORT"]) and os.path.exists(out["POLYGONS"])
    styles = [os.path.splitext(out[k])[0] + ".qml" for k in ("AREA", "MOMENT", "CONFIDENCE")]
    assert all(os.path.exists(p) for p in styles)  # (alg.run writes them too: postProcessAlgorithm)

    class CancelAtPolygons(QgsProcessingFeedback):  # QGIS 3.22 has no progressTextChanged signal
        def setProgressText(self, text):  # noqa: N802
            super().setProgressText(text)
            if "polygons" in text:
                self.cancel()

    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    results, ok = alg.run(dict(params, SENSITIVITY=1), QgsProcessingContext(), CancelAtPolygons())
    assert not ok
    assert not os.path.exists(params["REPORT"]) and not os.path.exists(out["POLYGONS"])
    assert not [p for p in styles if os.path.exists(p)]  # (a legend of the earlier run's dates)


def test_wrong_input_entries_are_named(qgis_app, tmp_path):
    """A missing file, a text file or a folder in INPUT (or MASKS) is named with what is wrong, not QGIS's
    generic "Incorrect parameter value for INPUT"; a vector layer in INPUT is named as one (a Processing
    audit)."""
    from osgeo import ogr
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    stack = make_stack(str(tmp_path))
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = outputs_in(str(tmp_path / "o"))
    (tmp_path / "notes.txt").write_text("not an image")
    (tmp_path / "folder").mkdir()
    cases = [
        (dict(INPUT=[stack[0], str(tmp_path / "gone.tif")]),
         "INPUT: '%s' is neither a file nor a loaded layer. Check the path" % (tmp_path / "gone.tif")),
        (dict(INPUT=[stack[0], str(tmp_path / "notes.txt")]), "notes.txt' cannot be opened as a raster"),
        (dict(INPUT=[stack[0], str(tmp_path / "folder")]), "folder' is a folder; give the image files in it"),
        (dict(INPUT=stack, MASKS=[str(tmp_path / "cloud.tif")]), "MASKS: '%s' is neither" % (tmp_path / "cloud.tif")),
    ]
    for params, message in cases:
        ok, text = alg.checkParameterValues(dict(out, **params), context)
        assert not ok and message in text, text
    assert alg.checkParameterValues(dict(out, INPUT=stack), context) == (True, "")

    vector = str(tmp_path / "points.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(vector)
    layer = ds.CreateLayer("points", geom_type=ogr.wkbPoint)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (1 1)"))
    layer.CreateFeature(feature)
    ds = None
    results, ok, feedback = run_alg(dict(out, INPUT=[stack[0], stack[1], vector], MODEL="cva"))
    assert not ok and "'points' is a vector layer (%s), not an image" % vector in feedback.textLog()
    assert not os.path.exists(out["AREA"])


def test_toolbox_layers_are_named_with_their_dates(project, tmp_path):
    """A toolbox run's layers were all named 'Change moment' / 'Change area': after two runs the sample
    dialog listed two identical layers (a desktop audit).  The names carry the first and last date."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "out"))
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    for key, title in (("MOMENT", "Change moment"), ("AREA", "Change area")):
        context.addLayerToLoadOnCompletion(out[key], QgsProcessingContext.LayerDetails(title, QgsProject.instance(),
                                                                                      key))
    results, ok = alg.run(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **out), context, QgsProcessingFeedback())
    assert ok
    assert context.layerToLoadOnCompletionDetails(out["MOMENT"]).name == "Change moment 2019-05-01 to 2021-05-01"
    assert context.layerToLoadOnCompletionDetails(out["AREA"]).name == "Change area 2019-05-01 to 2021-05-01"


def test_two_toolbox_runs_on_the_same_dates_name_their_layers_apart(project, tmp_path):
    """Two toolbox runs on one series (another model, another sensitivity) both loaded 'Change moment
    2019-05-01 to 2021-05-01': the second's layers get '#2' after the kind, as a dialog run's do
    (lyr.layer_name)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    stack = make_stack(str(tmp_path))
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    for folder in ("one", "two"):
        out = outputs_in(str(tmp_path / folder))
        context = QgsProcessingContext()
        context.setProject(project)
        for key, title in (("MOMENT", "Change moment"), ("AREA", "Change area")):
            context.addLayerToLoadOnCompletion(out[key], QgsProcessingContext.LayerDetails(title, project, key))
        feedback = QgsProcessingFeedback()
        results, ok = alg.run(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **out), context, feedback)
        assert ok
        load_outputs(context, feedback)
    assert sorted(layer.name() for layer in project.mapLayers().values()) == [
        "Change area #2 2019-05-01 to 2021-05-01", "Change area 2019-05-01 to 2021-05-01",
        "Change moment #2 2019-05-01 to 2021-05-01", "Change moment 2019-05-01 to 2021-05-01"]


def test_toolbox_change_polygons_are_styled_and_named_as_a_dialog_run_s(project, tmp_path):
    """The change polygons of a toolbox run came into the project unstyled (QGIS's random fill hid the map
    under them) and named 'Change polygons', whatever the run; a dialog run's are outlined by interval in the
    moment's colours and named with the dates.  A toolbox run's now are too, and carry the run."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    from caim_qgis_plugin import layers as lyr

    stack = make_stack(str(tmp_path))
    out = outputs_in(str(tmp_path / "out"))
    polygons = str(tmp_path / "out" / "polygons.gpkg")
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    context.setProject(project)
    context.addLayerToLoadOnCompletion(polygons, QgsProcessingContext.LayerDetails("Change polygons", project,
                                                                                   "POLYGONS"))
    feedback = QgsProcessingFeedback()
    results, ok = alg.run(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", POLYGONS=polygons, **out), context, feedback)
    assert ok and os.path.exists(polygons)
    load_outputs(context, feedback)
    [layer] = list(project.mapLayers().values())
    assert layer.name() == "Change polygons 2019-05-01 to 2021-05-01"
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "moment"
    assert [c.label() for c in renderer.categories()] == ["2019-05-01 to 2020-05-01", "2020-05-01 to 2021-05-01"]
    assert lyr.run_info_of(layer)["dates"] == ["2019-05-01", "2020-05-01", "2021-05-01"]


def test_a_toolbox_run_gives_its_project_layers_their_dates_in_the_temporal_controller(project, tmp_path):
    """A dialog run gave its inputs their dates in the Temporal Controller; a toolbox run (outputs loaded
    into the project) left them alone.  It now gives them too, only to layers of the project, and a run
    whose outputs Processing does not load (a script's processing.run) leaves the layers as they were."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsRasterLayer

    stack = make_stack(str(tmp_path))
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in stack]
    project.addMapLayers(layers)
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")

    def run(loaded, folder):
        out = outputs_in(str(tmp_path / folder))
        context = QgsProcessingContext()
        context.setProject(project)
        if loaded:
            context.addLayerToLoadOnCompletion(out["MOMENT"], QgsProcessingContext.LayerDetails(
                "Change moment", project, "MOMENT"))
        feedback = QgsProcessingFeedback()
        results, ok = alg.run(dict(INPUT=[layer.id() for layer in layers], MODEL="cva", DEVICE="CPU", **out),
                              context, feedback)
        assert ok
        load_outputs(context, feedback)

    run(False, "script")
    assert not any(layer.temporalProperties().isActive() for layer in layers)
    run(True, "toolbox")
    ranges = [layer.temporalProperties().fixedTemporalRange() for layer in layers]
    assert all(layer.temporalProperties().isActive() for layer in layers)
    assert [(r.begin().date().toString("yyyy-MM-dd"), r.end().date().toString("yyyy-MM-dd")) for r in ranges] == [
        ("2019-05-01", "2020-05-01"), ("2020-05-01", "2021-05-01"), ("2021-05-01", "2022-05-01")]


def load_outputs(context, feedback):
    """What Processing's toolbox does after a run (processing.gui.Postprocessing.handleAlgorithmResults, on the
    main thread): each layer to load added to its project, then given to its post-processor."""
    from qgis.core import QgsRasterLayer, QgsVectorLayer

    for path, details in context.layersToLoadOnCompletion().items():
        layer = QgsVectorLayer(path, details.name, "ogr") if path.endswith(".gpkg") else \
            QgsRasterLayer(path, details.name, "gdal")
        details.project.addMapLayer(layer)
        if details.postProcessor():
            details.postProcessor().postProcessLayer(layer, context, feedback)


def test_a_model_run_gives_its_layers_their_dates_on_the_main_thread(project, tmp_path, monkeypatch):
    """A graphical model's run: the model runs caim:detectchanges's postProcessAlgorithm on its own thread,
    which is Processing's task thread where QGIS runs models in the background (3.44; 3.22 runs every model
    on the main thread: FlagNoThreading).  The input layers' Temporal Controller ranges were set there,
    changing the project's layers off the main thread (which draws them); they are set when Processing
    loads the outputs, on the main thread, as a toolbox run's: never during the run itself.

    The model runs as the running QGIS runs it.  On 3.22 this test ran it as a task too, which 3.22 never
    does, and it crashed now and then inside QGIS's own model code: the model's expression context on the
    task thread builds the project's cached expression scope, which QgsProject::layerStore() frees; the core
    dump's stack was QgsProcessingModelAlgorithm::processAlgorithm > createExpressionContext >
    QgsProject::createExpressionContextScope > QgsExpressionContextScope::addVariable."""
    from qgis.PyQt.QtCore import QThread
    from qgis.core import (QgsApplication, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingAlgRunnerTask,
                           QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm,
                           QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingOutputLayerDefinition,
                           QgsProcessingParameterMultipleLayers, QgsRasterLayer)

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_testlib import wait_for

    stack = make_stack(str(tmp_path))
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in stack]
    project.addMapLayers(layers)
    threads = []
    original = lyr.set_date_ranges

    def spied(*args):
        threads.append(QThread.currentThread() is QgsApplication.instance().thread())
        return original(*args)

    monkeypatch.setattr(lyr, "set_date_ranges", spied)
    model = QgsProcessingModelAlgorithm("dates", "test")
    model.addModelParameter(QgsProcessingParameterMultipleLayers("dates", "dates", QgsProcessing.TypeRaster),
                            QgsProcessingModelParameter("dates"))
    child = QgsProcessingModelChildAlgorithm("caim:detectchanges")
    child.setChildId("detect")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("dates")])
    for name, value in (("MODEL", "cva"), ("DEVICE", "CPU")):
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    output = QgsProcessingModelOutput("moment", "moment")
    output.setChildId("detect")
    output.setChildOutputName("MOMENT")
    child.setModelOutputs({"moment": output})
    model.addChildAlgorithm(child)
    model.updateDestinationParameters()
    context = QgsProcessingContext()
    context.setProject(project)
    moment = str(tmp_path / "moment.tif")
    context.addLayerToLoadOnCompletion(moment, QgsProcessingContext.LayerDetails("moment", project, "detect:moment"))
    feedback = QgsProcessingFeedback()
    parameters = {"dates": [layer.id() for layer in layers],
                  "detect:moment": QgsProcessingOutputLayerDefinition(moment, project)}
    if model.flags() & QgsProcessingAlgorithm.FlagNoThreading:  # QGIS 3.22: as its algorithm dialog runs it
        _results, ok = model.run(parameters, context, feedback)
        assert ok, feedback.textLog()
    else:  # as Processing's task: the model, and its children's post steps, on the task's thread
        task = QgsProcessingAlgRunnerTask(model, parameters, context, feedback)
        done = []
        task.executed.connect(lambda ok, _results: done.append(ok))
        QgsApplication.taskManager().addTask(task)
        assert wait_for(lambda: done, 120) and done == [True], feedback.textLog()
    assert threads == [], threads  # not during the run (its post step), on whichever thread that ran
    # the model ran the post step, which ends the run's claim on its files (styles included): not held on
    assert _claimable([moment, str(tmp_path / "moment.qml")])
    load_outputs(context, feedback)
    assert threads and all(threads)
    assert [layer.temporalProperties().fixedTemporalRange().begin().date().toString("yyyy-MM-dd")
            for layer in layers] == ["2019-05-01", "2020-05-01", "2021-05-01"]


def test_a_sidecar_given_as_a_layer_is_named(qgis_app, tmp_path):
    """From the input audit: a GeoTIFF's external pyramids (x.tif.ovr) opens in QGIS as a raster of its own,
    named like the image; given as a date it was refused for 'not overlapping the other layers' under the
    image's own name.  It is named as the pyramids of its image, and the run refused (engine: the same)."""
    from osgeo import gdal
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    stack = make_stack(str(tmp_path))
    gdal.Open(stack[0]).BuildOverviews("NEAREST", [2])  # opened read-only: an external .ovr
    assert os.path.exists(stack[0] + ".ovr")
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in (stack[0], stack[0] + ".ovr", stack[1])]
    errors = [m for lvl, m in inp.validate(layers, None, None, "cva") if lvl == inp.ERROR]
    assert errors and errors[0].startswith("'%s.ovr' is not an image but the pyramids (overviews) file of '%s'"
                                           % (os.path.basename(stack[0]), os.path.basename(stack[0]))), errors
    results, ok, fb = run_alg(dict(INPUT=[stack[0], stack[0] + ".ovr", stack[1]], MODEL="cva", DEVICE="CPU",
                                   **outputs_in(str(tmp_path / "out"))))
    assert not ok and "is not an image but the pyramids (overviews) file" in fb.textLog(), fb.textLog()


def test_option_positions_are_refused_with_the_option_names(qgis_app, tmp_path):
    """MODEL=3 (a position, as older Processing scripts pass enums) got only QGIS's generic "Incorrect
    parameter value for MODEL"; the message now names the options (a docs audit)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    stack = make_stack(str(tmp_path))
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = outputs_in(str(tmp_path / "o"))
    for name, value, names in (("MODEL", "fast", "auto, caimnet, schanger, cva"), ("DEVICE", "GPU", "Auto, CPU, CUDA"),
                               ("THRESHOLD", "minimum", "otsu, kittler"), ("BAND_ORDER", "bands", "auto, date, band")):
        ok, text = alg.checkParameterValues(dict(out, INPUT=stack, **{name: value}), context)
        assert not ok and text.startswith("%s=%s is not one of its options" % (name, value)) and names in text, text
    assert alg.checkParameterValues(dict(out, INPUT=stack, MODEL="isfa", THRESHOLD="kittler"), context) == (True, "")


def test_option_numbers_that_qgis_process_help_shows_are_answered_with_the_name_to_give(qgis_app, tmp_path):
    """qgis_process help lists every option list with numbers ("- 2: CUDA", "Number of selected option, e.g.
    '1'"), but the algorithm takes the names (usesStaticStrings: a script's MODEL=cva keeps its meaning when
    options are added).  DEVICE=2 said only that 2 is not an option; it now names the option that number
    stands for in that list, and why the number is not taken (a same-result audit)."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    stack = make_stack(str(tmp_path))
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = outputs_in(str(tmp_path / "o"))
    for name, value, given in (("DEVICE", "2", "DEVICE=CUDA"), ("DEVICE", 1, "DEVICE=CPU"), ("MODEL", "3", "MODEL=cva"),
                               ("MODEL", " 5 ", "MODEL=isfa"), ("THRESHOLD", "1", "THRESHOLD=kittler"),
                               ("BAND_ORDER", "2", "BAND_ORDER=band")):
        ok, text = alg.checkParameterValues(dict(out, INPUT=stack, **{name: value}), context)
        assert not ok and "give its name, %s" % given in text and "qgis_process help" in text, text
    for name, value, names in (("DEVICE", "3", "Auto, CPU, CUDA"), ("DEVICE", "1,2", "Auto, CPU, CUDA"),
                               ("THRESHOLD", [0, 1], "otsu, kittler")):  # past the list, or several: the names
        ok, text = alg.checkParameterValues(dict(out, INPUT=stack, **{name: value}), context)
        assert not ok and "give one option by its name: %s" % names in text and "qgis_process help" in text, text


def test_allow_huge_is_a_last_advanced_parameter_and_the_estimate_is_logged(project, tmp_path, monkeypatch):
    """The time and size estimate is logged before a run; a run estimated at more than a day, or whose
    outputs clearly do not fit, is refused with the engine's message unless ALLOW_HUGE (a new advanced
    parameter, appended last, off by default: earlier scripts and models run as before)."""
    from qgis.core import QgsApplication

    from model_core import predict

    alg = QgsApplication.processingRegistry().algorithmById("caim:detectchanges")
    names = [d.name() for d in alg.parameterDefinitions()]
    # appended after the outputs, then the multi-date raster's two (the order is a contract of scripts)
    assert names[-6:-2] == ["REPORT", "ALLOW_HUGE", "BANDS_PER_DATE", "BAND_ORDER"]
    last = alg.parameterDefinition("ALLOW_HUGE")
    assert last.defaultValue() is False
    assert last.flags() & last.FlagAdvanced and last.flags() & last.FlagOptional
    stack = make_stack(str(tmp_path), size=40, nodata_block=False)
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **outputs_in(str(tmp_path / "a"))))
    assert ok and "Estimate  about" in fb.textLog(), fb.textLog()
    monkeypatch.setattr(predict, "machine_speed", lambda: 1e-9)
    monkeypatch.setattr(predict, "memory_speed", lambda: 1e-9)
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **outputs_in(str(tmp_path / "b"))))
    assert not ok and "would take about" in fb.textLog() and "ALLOW_HUGE in Processing" in fb.textLog()
    assert not os.path.exists(str(tmp_path / "b"))
    monkeypatch.setattr(predict, "free_mb", lambda folder: 0.001)
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **outputs_in(str(tmp_path / "c"))))
    assert not ok and "whose disk has 1 kB free" in fb.textLog(), fb.textLog()
    assert not os.path.exists(str(tmp_path / "c"))
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", ALLOW_HUGE=True,
                                   **outputs_in(str(tmp_path / "d"))))
    assert ok and os.path.exists(results["MOMENT"]), fb.textLog()


def test_band_missing_from_every_layer_is_not_told_to_uncheck_them(qgis_app, tmp_path):
    """Bands naming a band no layer has: the advice is to pick bands the layers have (with their range),
    not to uncheck every layer; a band missing from some layers only still names those to uncheck."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    paths = make_stack(str(tmp_path), dates=("2019-05-01", "2020-05-01"), size=32)
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in paths]
    text = " ".join(m for _level, m in inp.validate(layers, bands=[1, 2, 3, 7], model="cva"))
    assert "Band 7 does not exist in any layer" in text, text
    assert "pick bands from 1 to 4" in text and "uncheck" not in text, text
    three = write_raster(str(tmp_path / "rgb_2021.tif"), np.full((3, 32, 32), 50, np.uint8))
    layers.append(QgsRasterLayer(three, "rgb_2021", "gdal"))
    text = " ".join(m for _level, m in inp.validate(layers, bands=[1, 2, 3, 4], model="cva"))
    assert "Band 4 does not exist in 'rgb_2021' (3)" in text and "uncheck it" in text, text


def test_a_date_covering_part_of_the_scene_is_warned_before_the_run(qgis_app, tmp_path):
    """A date whose raster covers a quarter of the first one clips every output to that quarter: the check
    says so before the run (the dialog said 'ready to run', and only the finished run's warnings told),
    naming the layer and its share; layers of the whole scene, or off by a sub-pixel shift, are not warned."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    rng = np.random.default_rng(3)
    full = [write_raster(str(tmp_path / ("full_%d.tif" % y)), rng.integers(1, 255, (4, 40, 40)).astype(np.uint8))
            for y in (2019, 2020)]
    part = write_raster(str(tmp_path / "part_2021.tif"), rng.integers(1, 255, (4, 20, 20)).astype(np.uint8))
    shifted = write_raster(str(tmp_path / "shifted_2021.tif"), rng.integers(1, 255, (4, 40, 40)).astype(np.uint8),
                           gt=(500001.0, 5.0, 0.0, 5200000.0, 0.0, -5.0))
    layer = lambda p: QgsRasterLayer(p, os.path.splitext(os.path.basename(p))[0], "gdal")  # noqa: E731
    problems = inp.validate([layer(p) for p in full + [part]], model="cva")
    warned = [m for level, m in problems if level == inp.WARNING and "part_2021" in m]
    assert warned and "25" in warned[0] and "full_2019" in warned[0], problems
    assert not [p for p in problems if p[0] == inp.ERROR], problems
    for others in ([], [shifted]):
        problems = inp.validate([layer(p) for p in full + others], model="cva")
        assert not any("cover" in m for _level, m in problems), problems


def test_one_band_layer_among_others_is_not_told_bands_1_to_1(qgis_app, tmp_path):
    """A one-band layer (a mask or index checked by mistake) among 4-band dates: the advice names band 1,
    the only band every date has, instead of 'bands every date has (1 to 1)'."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    paths = make_stack(str(tmp_path), dates=("2019-05-01", "2020-05-01"), size=32)
    one = write_raster(str(tmp_path / "ndvi_2021.tif"), np.full((32, 32), 50, np.uint8))
    layers = [QgsRasterLayer(p, os.path.basename(p), "gdal") for p in paths + [one]]
    for model in ("auto", "cva"):
        text = " ".join(m for _level, m in inp.validate(layers, model=model))
        assert "Band counts differ" in text and "(1 to 1)" not in text, text
        assert "band 1, the only band every date has" in text, text


def test_a_run_into_the_files_another_run_is_writing_is_refused(qgis_app, tmp_path):
    """From a power user's walk: two qgis_process runs into the same output files at once both ran, each replacing
    the other's rasters, polygons and report as it finished (a mix of two runs when their settings differ).  The
    second is refused now, with the files and what to do, and writes nothing; once the first has ended, the same
    run goes through.  The first run is a process of its own holding its claim (as a running qgis_process)."""
    import subprocess  # nosec B404 -- a second process, as a second qgis_process
    import sys

    from caim_qgis_testlib import ROOT

    stack = make_stack(str(tmp_path))
    out = tmp_path / "out"
    out.mkdir()
    params = dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **outputs_in(str(out), polygons=True))
    holder = subprocess.Popen(  # nosec B603
        [sys.executable, "-c", "import sys; from model_core.staging import claim_outputs\n"
                               "with claim_outputs(sys.argv[1:]):\n    print('held', flush=True); sys.stdin.read()\n",
         params["MOMENT"], params["POLYGONS"]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=ROOT))
    try:
        assert holder.stdout.readline().strip() == "held"
        results, ok, fb = run_alg(params)
        assert not ok
        assert ("Another run (process %d) is writing 'moment.tif', 'poly.gpkg' in '%s' now" % (holder.pid, out)
                in fb.textLog()), fb.textLog()
        assert [n for n in os.listdir(str(out)) if not n.startswith(".caim-claim-")] == []  # nothing written
    finally:
        holder.communicate("")
    results, ok, fb = run_alg(params)
    assert ok, fb.textLog()
    names = os.listdir(str(out))
    assert {"area.tif", "conf.tif", "moment.tif", "poly.gpkg"} <= set(names) and not [n for n in names if n[0] == "."]


def _claimable(paths):
    """Whether another process (a second qgis_process) may claim ``paths`` now (model_core.staging.claim_outputs)."""
    import subprocess  # nosec B404 -- a second process, as a second qgis_process
    import sys

    from caim_qgis_testlib import ROOT

    code = ("import sys; from model_core.errors import OutputError; from model_core.staging import claim_outputs\n"
            "try:\n    with claim_outputs(sys.argv[1:]):\n        pass\nexcept OutputError as exc:\n"
            "    print(exc); sys.exit(3)\n")
    done = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True,  # nosec B603
                          env=dict(os.environ, PYTHONPATH=ROOT), timeout=120)
    assert done.returncode in (0, 3), done.stderr
    return done.returncode == 0


def test_the_claim_on_the_outputs_lasts_until_the_styles_are_written(qgis_app, tmp_path):
    """postProcessAlgorithm writes the rasters' .qml styles after processAlgorithm, whose end released the run's claim
    on its output files: a second run into the same files (a second qgis_process) could start, replace the rasters
    and have its styles replaced by the first run's.  The claim covers the styles now and ends once they are written;
    an instance whose post step is never called (a script running runPrepared alone) releases it when it goes."""
    import gc

    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    stack = make_stack(str(tmp_path))
    out = tmp_path / "new" / "out"  # (made by the run)
    params = dict(INPUT=stack, MODEL="cva", DEVICE="CPU", **outputs_in(str(out)))
    styles = [str(out / n) for n in ("area.qml", "moment.qml", "conf.qml")]
    for post in (True, False):
        alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()
        assert alg.prepare(params, context, feedback), feedback.textLog()
        results = alg.runPrepared(params, context, feedback)
        assert results.get("MOMENT") and os.path.exists(str(out / "moment.tif")), feedback.textLog()
        assert not os.path.exists(styles[1])
        assert not _claimable([params["MOMENT"]]) and not _claimable([styles[1]])  # run, its styles not written
        if post:
            alg.postProcess(context, feedback)
            assert all(os.path.exists(p) for p in styles)
        else:
            del alg
            gc.collect()
        assert _claimable([params["MOMENT"]] + styles)
        assert not [n for n in os.listdir(str(out)) if n.startswith(".")]


def test_a_number_out_of_its_range_is_said_with_the_range(qgis_app, tmp_path):
    """From a power user's walk: SENSITIVITY=9 (or abc, TILE_SIZE=-1, BANDS_PER_DATE=-1 of caim:splitdates, N=-5 of
    caim:samplechangemap) got only QGIS's "Incorrect parameter value for SENSITIVITY" from qgis_process and
    processing.run.  The message now gives the value and the range the parameter takes."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    stack = make_stack(str(tmp_path))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    detect = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    out = outputs_in(str(tmp_path / "o"))
    for name, value, text in (("SENSITIVITY", "9", "SENSITIVITY=9 is outside its range: give a number from -3 to 3."),
                              ("SENSITIVITY", "abc", "SENSITIVITY=abc is not a number: give a number from -3 to 3."),
                              ("TILE_SIZE", -1, "TILE_SIZE=-1 is outside its range: give a whole number from 0 to 8192."),
                              ("MIN_PATCH", -2, "MIN_PATCH=-2 is outside its range: give a whole number from 0 to 1000000.")):
        assert detect.checkParameterValues(dict(out, INPUT=stack, **{name: value}), context) == (False, text)
    split = QgsApplication.processingRegistry().createAlgorithmById("caim:splitdates")
    ok, text = split.checkParameterValues({"INPUT": stack[0], "BANDS_PER_DATE": -1, "OUTPUT": str(tmp_path)}, context)
    assert not ok and text.startswith("BANDS_PER_DATE=-1 is outside its range: give a whole number"), text
    sample = QgsApplication.processingRegistry().createAlgorithmById("caim:samplechangemap")
    ok, text = sample.checkParameterValues({"INPUT": stack[0], "N": -5, "OUTPUT": str(tmp_path / "s.gpkg")}, context)
    assert not ok and text.startswith("N=-5 is outside its range: give a whole number"), text
    # as qgis_process gives it, a text: it was said to be "neither a file nor a loaded layer"
    ok, text = sample.checkParameterValues({"INPUT": stack[0], "N": "1", "OUTPUT": str(tmp_path / "s.gpkg")}, context)
    assert (ok, text) == (False, "N=1 is outside its range: give a whole number from 2 to 100000."), text


def test_every_option_and_number_parameter_says_its_default_and_how_to_give_it(qgis_app):
    """From a power user's walk: QGIS 3.22's qgis_process help prints each parameter's label and help but not its
    default, and for every option list "Acceptable values: Number of selected option, e.g. '1'", which MODEL,
    DEVICE, THRESHOLD and BAND_ORDER refuse.  DEVICE, THRESHOLD, BAND_ORDER, TILE_SIZE and OVERLAP had no help at
    all: their defaults were nowhere in qgis_process help.  Each such parameter's label or help now gives its
    default, and each option list that takes names says to give the name."""
    from qgis.core import QgsApplication, QgsProcessingParameterEnum, QgsProcessingParameterNumber

    alg = QgsApplication.processingRegistry().algorithmById("caim:detectchanges")
    checked = []
    provider = QgsApplication.processingRegistry().providerById("caim")
    for d in [d for a in provider.algorithms() for d in a.parameterDefinitions()]:  # (caim:splitdates' BAND_ORDER,
        if not isinstance(d, (QgsProcessingParameterEnum, QgsProcessingParameterNumber)):  # the sample's N and SEED)
            continue
        text = d.description() + " " + d.help()
        default = d.defaultValue()
        shown = "empty" if default is None else ("%g" % default if isinstance(d, QgsProcessingParameterNumber)
                                                 else str(default))
        assert shown.lower() in text.lower(), (d.name(), text)
        if isinstance(d, QgsProcessingParameterEnum) and d.usesStaticStrings():
            assert "give the name (%s=" % d.name() in d.help(), (d.name(), d.help())
        checked.append(d.name())
    assert {"MODEL", "DEVICE", "THRESHOLD", "BAND_ORDER", "TILE_SIZE", "OVERLAP", "SENSITIVITY", "N", "SEED"} <= set(checked)
    fill = alg.parameterDefinition("FILL_GAPS").help()
    assert "Off (the default)" in fill, fill


def test_a_weights_file_of_another_kind_and_a_missing_gpu_are_said_in_processing_terms(qgis_app, tmp_path):
    """From a power user's walk: WEIGHTS=2010.tif got only "Incorrect parameter value for WEIGHTS", and DEVICE=CUDA
    on a machine without CUDA named the command line's option alone ("--device cpu or auto")."""
    import torch
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    stack = make_stack(str(tmp_path))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    out = outputs_in(str(tmp_path / "o"))
    ok, text = alg.checkParameterValues(dict(out, INPUT=stack, WEIGHTS=stack[0]), context)
    assert not ok and text.startswith("WEIGHTS: '%s' is not a weights file (.pt, PyTorch)" % stack[0]), text
    if torch.cuda.is_available():
        return
    results, ok, fb = run_alg(dict(out, INPUT=stack, MODEL="cva", DEVICE="CUDA"))
    assert not ok and "DEVICE=CPU or Auto in Processing" in fb.textLog(), fb.textLog()
    assert not os.path.exists(str(tmp_path / "o"))


def test_a_text_parameter_given_more_than_once_is_read_as_its_comma_separated_list(qgis_app, tmp_path):
    """From a power user's walk: qgis_process ... BANDS=4 BANDS=3 BANDS=2 BANDS=1 (repeated, as INPUT is) or
    DATES=... DATES=... makes a list, and a script may pass one (DATES=[...]); parameterAsString read it as empty, so
    the run went on with the bands and dates of the files' metadata and names, without a word.  A list is read as
    its items joined with commas."""
    stack = make_stack(str(tmp_path))
    given = ["2019-06-02", "2020-06-02", "2021-06-02"]  # not the dates of the file names (the 1st of May)
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", DATES=given, BANDS=["4", "3", "2", "1"],
                                   **outputs_in(str(tmp_path / "o"))))
    assert ok, fb.textLog()
    assert results["USED_DATES"] == ",".join(given)
    from osgeo import gdal

    assert gdal.Open(results["MOMENT"]).GetMetadataItem("CAIM_BANDS") == "4,3,2,1"


def test_the_help_is_plain_text_under_qgis_process(qgis_app, monkeypatch):
    """From a power user's walk: qgis_process help prints an algorithm's help as it is, HTML for the toolbox's help
    panel: '<b>Input layers</b>', '<tt>auto</tt>', and for MASK_CLEAR 'bit6&amp;!bit2&amp;!bit4 for Landsat 8-9',
    which copied as it reads is no rule.  Under qgis_process (QgsApplication.platform()) every caim algorithm's help
    is plain text; in the desktop and scripts it stays HTML."""
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("caim")
    detect = provider.algorithm("detectchanges")
    assert "bit6&amp;!bit2&amp;!bit4" in detect.shortHelpString() and "<b>Input layers</b>" in detect.shortHelpString()
    monkeypatch.setattr(QgsApplication, "platform", staticmethod(lambda: "qgis_process"))
    text = detect.shortHelpString()
    assert "bit6&!bit2&!bit4 for Landsat 8-9" in text and "Input layers: the dates, oldest first" in text
    assert "masks/<date>_<mask>.vrt" in provider.algorithm("stackbands").shortHelpString()
    for alg in provider.algorithms():
        text = alg.shortHelpString()
        assert text and not any(t in text for t in ("<b>", "<i>", "<tt>", "&amp;", "&lt;", "&gt;")), (alg.id(), text)


def test_layers_without_dates_are_warned_of_with_the_names_the_results_give(qgis_app, tmp_path):
    """Without dates the warning said the results would say 'date k'; they say 'image 1 to image 2' (legend,
    pixel inspector, polygons' layer), numbered by the list's order (seen on DynamicEarthNet days, whose file
    names carry no date, in a desktop walk)."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp
    from caim_qgis_plugin import layers as lyr

    stack = make_stack(str(tmp_path), nodata_block=False)[:2]
    layers = [QgsRasterLayer(p, "day %d" % i, "gdal") for i, p in enumerate(stack)]
    warnings = [m for lvl, m in inp.validate(layers, [None, None], None, "cva") if lvl == inp.WARNING]
    legend = lyr.interval_labels([None, None])
    assert legend == ["image 1 to image 2"]
    warning = next(m for m in warnings if m.startswith("No date for 'day 0', 'day 1'"))
    assert "'image 1', 'image 2'" in warning and "order in this list" in warning


def test_the_warning_of_many_undated_layers_names_a_few_and_counts_the_rest(qgis_app, tmp_path):
    """28 undated DynamicEarthNet days: the warning listed all 28 names, which filled the dialog's messages and
    pushed what it says (the top row is image 1) behind a scroll bar.  It names the first three and counts the
    rest; four or fewer are all named."""
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import inputs as inp

    stack = make_stack(str(tmp_path), nodata_block=False)
    layers = [QgsRasterLayer(stack[i % len(stack)], "day %d" % i, "gdal") for i in range(28)]
    warnings = [m for lvl, m in inp.validate(layers, [None] * 28, None, "cva") if lvl == inp.WARNING]
    warning = next(m for m in warnings if m.startswith("No date for "))
    assert warning.startswith("No date for 'day 0', 'day 1', 'day 2' and 25 more layers: "), warning
    assert "'day 3'" not in warning and "(the top row is image 1)" in warning
    warnings = [m for lvl, m in inp.validate(layers[:4], [None] * 4, None, "cva") if lvl == inp.WARNING]
    assert any(m.startswith("No date for 'day 0', 'day 1', 'day 2', 'day 3': ") for m in warnings), warnings


def test_probabilities_type_is_the_last_advanced_parameter_and_stores_the_probabilities_scaled(project, tmp_path):
    """PROBABILITIES_TYPE (appended last, advanced, float32 by default: scripts and models run as before): uint16 and
    byte write the Moment probabilities as scaled integers that QGIS reads as the probabilities (the provider applies
    the bands' scale), within a step of the float32 run's; without PROBABILITIES it is refused, saying what to do; a
    number is answered with the name to give."""
    from osgeo import gdal
    from qgis.core import QgsApplication, QgsPointXY, QgsProcessingContext, QgsProject, QgsRasterLayer

    alg = QgsApplication.processingRegistry().algorithmById("caim:detectchanges")
    names = [d.name() for d in alg.parameterDefinitions()]
    assert names[-2] == "PROBABILITIES_TYPE" and names[-3] == "BAND_ORDER"  # (then COREGISTER)
    definition = alg.parameterDefinition("PROBABILITIES_TYPE")
    assert definition.options() == ["float32", "uint16", "byte"] and definition.usesStaticStrings()
    assert definition.defaultValue() == "float32" and definition.flags() & definition.FlagAdvanced
    assert "1/65534" in definition.help() and "Moment probabilities" in definition.help()
    # the long help names it where it lists the option names qgis_process takes, and its output (it said "MODEL,
    # DEVICE, THRESHOLD and BAND_ORDER take the option names" and had no word of the probabilities)
    assert "MODEL, DEVICE, THRESHOLD, BAND_ORDER and PROBABILITIES_TYPE take the option names" in alg.shortHelpString()
    assert ("optional moment probabilities (one band per moment class, band 1 = no change, -1 nodata; uint16 or "
            "byte, scaled, with <b>Moment probabilities data type</b>, PROBABILITIES_TYPE)") in alg.shortHelpString()
    stack = make_stack(str(tmp_path))
    files = {}
    for t in ("float32", "uint16", "byte"):
        results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", PROBABILITIES_TYPE=t,
                                       **outputs_in(str(tmp_path / t), probabilities=True)))
        assert ok, fb.textLog()
        files[t] = results["PROBABILITIES"]
    floats = gdal.Open(files["float32"]).ReadAsArray()
    nodata = floats == -1
    assert nodata[:, :6, :6].all()  # (the last date's nodata corner)
    for t, top, gtype in (("uint16", 65534, gdal.GDT_UInt16), ("byte", 254, gdal.GDT_Byte)):
        ds = gdal.Open(files[t])
        raw = ds.ReadAsArray()
        assert ds.GetRasterBand(1).DataType == gtype and (raw[nodata] == top + 1).all()
        assert np.abs(raw[~nodata] / top - floats[~nodata]).max() <= 1.0 / top
        layer = QgsRasterLayer(files[t], t, "gdal")
        assert layer.isValid()
        point = QgsPointXY(*gdal.ApplyGeoTransform(ds.GetGeoTransform(), 20.5, 20.5))
        for b in (1, 2, 3):
            value, found = layer.dataProvider().sample(point, b)
            assert found and value == pytest.approx(float(floats[b - 1, 20, 20]), abs=1.0 / top)
        corner = QgsPointXY(*gdal.ApplyGeoTransform(ds.GetGeoTransform(), 2.5, 2.5))
        assert not layer.dataProvider().sample(corner, 1)[1]  # nodata
    results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", PROBABILITIES_TYPE="byte",
                                   **outputs_in(str(tmp_path / "none"))))
    assert not ok and ("PROBABILITIES_TYPE=byte applies to the Moment probabilities (PROBABILITIES), which this run "
                       "does not write. Give PROBABILITIES a file, or leave PROBABILITIES_TYPE at float32.") in \
        fb.textLog(), fb.textLog()
    assert not os.path.exists(str(tmp_path / "none"))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    check = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    out = outputs_in(str(tmp_path / "o"), probabilities=True)
    ok, text = check.checkParameterValues(dict(out, INPUT=stack, PROBABILITIES_TYPE="1"), context)
    assert not ok and "give its name, PROBABILITIES_TYPE=uint16" in text, text
    ok, text = check.checkParameterValues(dict(out, INPUT=stack, PROBABILITIES_TYPE="int8"), context)
    assert not ok and text.startswith("PROBABILITIES_TYPE=int8 is not one of its options"), text


def test_a_scaled_probabilities_type_without_their_file_is_refused_by_the_parameter_check(project, tmp_path):
    """PROBABILITIES_TYPE=uint16 or byte without a PROBABILITIES file was refused only when the run started: the
    toolbox dialog (which asks checkParameterValues before it runs) and qgis_process went on to the run first.
    The check refuses it, with the run's message (German with the translation); float32, or a PROBABILITIES file
    (a temporary one too), passes."""
    from qgis.core import QgsApplication, QgsProcessing, QgsProcessingContext

    from caim_qgis_plugin.i18n import install_translator, remove_translator

    stack = make_stack(str(tmp_path))
    alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
    context = QgsProcessingContext()
    context.setProject(project)
    plain = dict(outputs_in(str(tmp_path / "o")), INPUT=stack, MODEL="cva")
    for kind in ("uint16", "byte"):
        ok, text = alg.checkParameterValues(dict(plain, PROBABILITIES_TYPE=kind), context)
        assert not ok and text == ("PROBABILITIES_TYPE=%s applies to the Moment probabilities (PROBABILITIES), which "
                                   "this run does not write. Give PROBABILITIES a file, or leave PROBABILITIES_TYPE "
                                   "at float32." % kind), text
        ok, text = alg.checkParameterValues(dict(plain, PROBABILITIES_TYPE=kind, PROBABILITIES=None), context)
        assert not ok and text.startswith("PROBABILITIES_TYPE=%s applies" % kind), text
        for given in (str(tmp_path / "o" / "p.tif"), QgsProcessing.TEMPORARY_OUTPUT):
            ok, text = alg.checkParameterValues(dict(plain, PROBABILITIES_TYPE=kind, PROBABILITIES=given), context)
            assert ok, (given, text)
    assert alg.checkParameterValues(dict(plain, PROBABILITIES_TYPE="float32"), context)[0]
    assert alg.checkParameterValues(plain, context)[0]
    translator = install_translator("de_DE")
    try:
        ok, text = alg.checkParameterValues(dict(plain, PROBABILITIES_TYPE="byte"), context)
    finally:
        remove_translator(translator)
    assert not ok and text.startswith("PROBABILITIES_TYPE=byte gilt für die Zeitpunkt-Wahrscheinlichkeiten"), text
    assert not os.path.exists(str(tmp_path / "o"))


def shifted_series(folder, dx=2, dy=-1, size=96, seed=3):
    """Two dates of one field-like texture (4 x 4 px parcels of random brightness, a little noise), the second
    moved by (``dx``, ``dy``) px (east, south positive) with the same georeferencing: a date whose georeferencing
    is off by whole pixels, every parcel edge a false change unless it is moved back."""
    rng = np.random.default_rng(seed)
    parcels = rng.integers(40, 220, size=(4, size // 4, size // 4)).repeat(4, axis=1).repeat(4, axis=2)
    first = (parcels + rng.integers(-3, 4, size=parcels.shape)).clip(1, 254).astype(np.uint8)
    # the date's content at grid pixel (x, y) is at its own pixel (x + dx, y + dy)
    second = np.roll(first, shift=(dy, dx), axis=(1, 2))
    return [write_raster(os.path.join(folder, "2019-05-01.tif"), first),
            write_raster(os.path.join(folder, "2020-05-01.tif"), second)]


def test_coregister_moves_the_offset_date_onto_the_first(project, tmp_path):
    """COREGISTER (appended last, so positional scripts keep working; advanced, default COREGISTER_DEFAULT, on
    since rule CR): the second date, moved 2 px east and 1 px north, is moved back onto the first: the outputs'
    CAIM_COREGISTER says so, the log and SUMMARY give the Alignment line, and the change map has a small part of
    the changed pixels of a run without it (every parcel edge)."""
    import json

    from qgis.core import QgsApplication

    from model_core.coregister import COREGISTER_DEFAULT

    alg = QgsApplication.processingRegistry().algorithmById("caim:detectchanges")
    names = [d.name() for d in alg.parameterDefinitions()]
    assert names[-1] == "COREGISTER" and names[-2] == "PROBABILITIES_TYPE"
    definition = alg.parameterDefinition("COREGISTER")
    assert definition.defaultValue() is COREGISTER_DEFAULT
    assert definition.flags() & definition.FlagAdvanced and definition.flags() & definition.FlagOptional
    assert "whole pixels" in definition.help() and "Alignment" in definition.help()
    assert "<b>Co-register the dates</b> (advanced, COREGISTER" in alg.shortHelpString()
    stack = shifted_series(str(tmp_path))
    runs = {}
    for flag in (False, True):
        out = outputs_in(str(tmp_path / str(flag)))
        results, ok, fb = run_alg(dict(INPUT=stack, MODEL="cva", DEVICE="CPU", COREGISTER=flag, **out))
        assert ok, fb.textLog()
        runs[flag] = (read(results["AREA"]), results, fb.textLog())
    area, results, log = runs[True]
    shifts = json.loads(metadata(results["MOMENT"])["CAIM_COREGISTER"])
    assert [(s["applied_dx"], s["applied_dy"]) for s in shifts] == [(0, 0), (2, -1)], shifts
    line = "Alignment 1 of 2 dates moved onto the reference date by whole pixels (2020-05-01 was 2 px east and " \
           "1 px north of it)"
    assert line in results["SUMMARY"] and line in log
    unmoved, results_off, log_off = runs[False]
    assert "CAIM_COREGISTER" not in metadata(results_off["MOMENT"]) and "Alignment" not in log_off
    changed_off, changed_on = int((unmoved == 1).sum()), int((area == 1).sum())
    assert changed_off > 1000 and changed_on * 10 < changed_off, (changed_off, changed_on)
    # the strip the moved date no longer covers (2 columns east, 1 row north) is nodata
    assert (area[:, -2:] == 255).all() and (area[0] == 255).all()
    # a run's file added by hand (a project without the run's group, a command-line run) gives the same record
    from qgis.core import QgsRasterLayer

    from caim_qgis_plugin import layers as lyr

    assert lyr.run_info_of(QgsRasterLayer(results["MOMENT"], "m"))["coregister"] == [[0, 0], [2, -1]]
    assert "coregister" not in lyr.run_info_of(QgsRasterLayer(results_off["MOMENT"], "m"))
    assert lyr.moved_dates([[0, 0], [2, -1]]) == [(1, 2, -1)]
    for bad in ("[[2, -1]]", [[True, 0]], [[2.0, 1]], [[1, 2, 3]], None):  # a project file is anyone's text
        assert lyr.moved_dates(bad) == [] and lyr.coregister_text(bad) == ""
    assert lyr.coregister_record({"CAIM_COREGISTER": "not json"}) is None
