"""Prediction: output conventions, tile-size independence, nodata, areas, cancel, devices, weights."""

import os
import re

import numpy as np
import pytest
import torch
from rasters import read_tif, write_tif
from osgeo import gdal

from model_core import weights as W
from model_core.errors import Cancelled, CaimError, InputError, OutputError, WeightsError
from model_core.models import build_model
from model_core.predict import detect, plan_tiles


@pytest.fixture(scope="module")
def random_weights(tmp_path_factory):
    """Real CAIM-Net weights file (random init, non-trivial BatchNorm statistics)."""
    torch.manual_seed(5)
    m = build_model("caimnet")
    with torch.no_grad():
        for mod in m.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.running_var.uniform_(0.5, 2.0)
    path = str(tmp_path_factory.mktemp("w") / "caim.pt")
    W.save(path, m, meta={"note": "test"})
    return path


def test_plan_tiles_cover_grid_once():
    tiles = plan_tiles(300, 170, 128, 32, 16)
    cover = np.zeros((170, 300), int)
    for cx, cy, cw, ch, wx, wy, ww, wh in tiles:
        cover[cy:cy + ch, cx:cx + cw] += 1
        assert wx % 16 == 0 and wy % 16 == 0 and ww % 16 == 0 and wh % 16 == 0
        assert wx <= cx - 32 and wy <= cy - 32 and wx + ww >= cx + cw + 32 and wy + wh >= cy + ch + 32
    assert (cover == 1).all()


def test_outputs_follow_conventions(scenario, tmp_path, random_weights):
    paths, truth = scenario
    res = detect(paths, out_dir=str(tmp_path), weights=random_weights, probabilities=True, tile=128)
    area, moment = read_tif(res.paths["area"]), read_tif(res.paths["moment"])
    conf = read_tif(res.paths["confidence"])
    assert area.dtype == np.uint8 and moment.dtype == np.uint8 and conf.dtype == np.float32
    assert moment.max() <= len(paths) - 1
    assert np.array_equal(area == 1, moment > 0)  # area and moment agree by construction
    probs = gdal.Open(res.paths["probabilities"]).ReadAsArray()
    assert probs.shape[0] == len(paths)
    assert np.allclose(probs.sum(0), 1, atol=1e-4)
    assert np.array_equal(probs.argmax(0), moment)
    assert np.allclose(probs.max(0), conf, atol=1e-6)
    ds, ref = gdal.Open(res.paths["moment"]), gdal.Open(paths[0])
    assert ds.GetGeoTransform() == ref.GetGeoTransform() and ds.GetProjection() == ref.GetProjection()
    band = ds.GetRasterBand(1)
    assert band.GetNoDataValue() == 255
    names = band.GetCategoryNames()
    assert names[0] == "no change" and names[1] == f"{res.dates[0]} to {res.dates[1]}"
    ct = band.GetColorTable()  # GeoTIFF colour maps carry no alpha; the .qml styles add transparency
    assert ct.GetColorEntry(1)[:3] != ct.GetColorEntry(len(paths) - 1)[:3]
    assert ds.GetMetadataItem("CAIM_DATES") == ",".join(res.dates)
    # hectares per interval: 10 m pixels = 0.01 ha each
    for k, label in enumerate(res.interval_labels, start=1):
        assert res.hectares[label] == pytest.approx((moment == k).sum() * 0.01)
    assert res.changed_pixels == int((moment > 0).sum())
    assert "Changed area per interval" in res.summary_text() and "UNTRAINED" not in res.summary_text()


def test_prediction_does_not_depend_on_tile_size(scenario, tmp_path, random_weights):
    paths, _ = scenario
    a = detect(paths, out_dir=str(tmp_path / "a"), weights=random_weights, tile=96)
    b = detect(paths, out_dir=str(tmp_path / "b"), weights=random_weights, tile=1024)
    assert len(plan_tiles(168, 136, 96, 32, 16)) > 4
    ca, cb = read_tif(a.paths["confidence"]), read_tif(b.paths["confidence"])
    assert np.abs(ca - cb).max() < 1e-4
    ma, mb = read_tif(a.paths["moment"]), read_tif(b.paths["moment"])
    assert (ma == mb).mean() > 0.9995  # ties at argmax may flip on float noise only


def test_nodata_in_any_date_is_nodata_in_outputs(tmp_path, random_weights):
    rng = np.random.default_rng(0)
    imgs = []
    for i in range(3):
        a = rng.integers(100, 3000, (4, 48, 48)).astype(np.int16)
        if i == 1:
            a[:, 10:14, 20:30] = -1
        imgs.append(write_tif(tmp_path / f"d_{2000 + i}.tif", a, nodata=-1))
    res = detect(imgs, out_dir=str(tmp_path / "o"), weights=random_weights)
    area, moment, conf = (read_tif(res.paths[k]) for k in ("area", "moment", "confidence"))
    assert (area[10:14, 20:30] == 255).all() and (moment[10:14, 20:30] == 255).all()
    assert (conf[10:14, 20:30] == -1).all()
    assert (area != 255).sum() == 48 * 48 - 40
    assert res.valid_pixels == 48 * 48 - 40


def test_geographic_grid_area_in_hectares(tmp_path, random_weights):
    rng = np.random.default_rng(1)
    p = [write_tif(tmp_path / f"g{i}.tif", rng.integers(0, 255, (4, 32, 32)).astype(np.uint8), epsg=4326,
                   origin=(-74.7, -8.28), pixel=0.0008) for i in range(2)]
    res = detect(p, out_dir=str(tmp_path / "o"), weights=random_weights)
    m = read_tif(res.paths["moment"])
    # one pixel of 0.0008 deg at 8.3 S is about 88.1 m x 88.5 m = 0.78 ha
    assert res.hectares[res.interval_labels[0]] == pytest.approx((m == 1).sum() * 0.78, rel=0.01)


def test_cancel_removes_everything(scenario, tmp_path, random_weights):
    paths, _ = scenario
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 2

    out = tmp_path / "c"
    out.mkdir()
    with pytest.raises(Cancelled):
        detect(paths, out_dir=str(out), weights=random_weights, tile=96, cancel=cancel)
    assert os.listdir(out) == []  # the user's folder stays, empty
    calls.clear()
    new = tmp_path / "new" / "run"  # folders the run created go again (both levels)
    with pytest.raises(Cancelled):
        detect(paths, out_dir=str(new), weights=random_weights, tile=96, cancel=cancel)
    assert not (tmp_path / "new").exists()


def test_existing_outputs_are_kept_unless_overwrite(scenario, tmp_path, random_weights):
    paths, _ = scenario
    out = tmp_path / "o"
    out.mkdir()
    (out / "change_moment.tif").write_bytes(b"precious")
    with pytest.raises(OutputError, match="already exists"):
        detect(paths, out_dir=str(out), weights=random_weights)
    assert (out / "change_moment.tif").read_bytes() == b"precious"
    assert sorted(os.listdir(out)) == ["change_moment.tif"]
    detect(paths, out_dir=str(out), weights=random_weights, overwrite=True)
    assert read_tif(out / "change_moment.tif").shape == (136, 168)


def test_output_folder_not_writable(scenario, tmp_path, random_weights):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="is a file|not writable"):
        detect(scenario[0], out_dir=str(blocker / "sub"), weights=random_weights)
    if os.geteuid() != 0:  # root ignores permissions
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        with pytest.raises(OutputError, match="not writable"):
            detect(scenario[0], out_dir=str(ro), weights=random_weights)


def test_cuda_request_without_cuda_is_explained(scenario, tmp_path, random_weights):
    if torch.cuda.is_available():
        pytest.skip("CUDA is available here")
    with pytest.raises(CaimError, match="CUDA is not available"):
        detect(scenario[0], out_dir=str(tmp_path), weights=random_weights, device="cuda:0")
    res = detect(scenario[0][:2], out_dir=str(tmp_path), weights=random_weights, device="auto")
    assert res.device == "cpu"


def test_weights_roundtrip_and_refusals(tmp_path, random_weights):
    m = W.load_model(random_weights)
    x = torch.randn(1, 3, 4, 32, 32)
    torch.manual_seed(5)
    with torch.inference_mode():
        assert torch.isfinite(m(x)["moment"]).all()
    corrupt = tmp_path / "corrupt.pt"
    corrupt.write_bytes(open(random_weights, "rb").read()[:2000])
    with pytest.raises(WeightsError, match="cannot be read safely"):
        W.load_model(str(corrupt))
    # a file carrying pickled code is refused without running it: see the next test
    # weights of another architecture
    with pytest.raises(WeightsError, match="for the 'caimnet' model, not 'schanger'"):
        W.load_model(random_weights, arch="schanger")
    # same architecture name, different widths
    other = build_model("caimnet", features=16)
    bad = tmp_path / "narrow.pt"
    W.save(str(bad), other)
    payload = torch.load(str(bad), weights_only=True)
    payload["config"]["features"] = 32
    torch.save(payload, str(bad))
    with pytest.raises(WeightsError, match="does not match"):
        W.load_model(str(bad))


def test_weights_files_that_only_look_like_ours_are_refused_plainly(tmp_path, random_weights):
    """A weights file from elsewhere with fields of other types or settings this version does not take
    is refused with a message (it was a TypeError or RuntimeError traceback), and settings asking for a
    network far larger than the file's tensors are refused before any memory is taken (features=4000
    took 2.2 GB and 7 s, a few settings more tens of GB: QGIS froze or was killed)."""
    base = torch.load(random_weights, weights_only=True)

    def crafted(name, **fields):
        path = str(tmp_path / name)
        torch.save(dict(base, **fields), path)
        return path

    refused = {
        "settings the 'caimnet' architecture of this version does not take (CAIMNet.__init__() got an unexpected "
        "keyword argument 'bogus')": crafted("kw.pt", config=dict(base["config"], bogus=1)),
        "'config' is not a table of settings": crafted("cfg.pt", config=[1, 2]),
        "'in_channels' is 'four', not a band count": crafted("ch.pt", in_channels="four"),
        "'in_channels' is -3, not a band count": crafted("neg.pt", in_channels=-3),
        "'arch' is not a model name": crafted("arch.pt", arch=["caimnet"]),
        "its model 'nonexistent' is none of this version's (": crafted("name.pt", arch="nonexistent"),
        "'state_dict' is not a table of tensors": crafted("sd.pt", state_dict=[1]),
        "the calibration's 'no_change_bias' is not a number": crafted("bias.pt", calibration={"no_change_bias": "x"}),
        "'calibration' is not a table": crafted("cal.pt", calibration=[1]),
        "'band_order' is not a list of band names": crafted("bands.pt", band_order=5),
        "'meta' is not a table": crafted("meta.pt", meta=[1]),
        "'branch3.3.weight' should be of shape [4000, 16, 3, 3], it is of shape [32, 16, 3, 3]":
            crafted("huge.pt", config=dict(base["config"], features=4000)),
    }
    for message, path in refused.items():  # the shape is told before the network is built
        with pytest.raises(WeightsError, match=re.escape(message)):
            W.load_model(path)
    # the bundled files skip that check (its meta device costs 0.9 s of imports); a copy elsewhere does not
    assert W._bundled(W.default_weights("caimnet")) and not W._bundled(random_weights)
    # PyTorch's own text for a refused file advises loading it with weights_only=False (running its code)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    evil = tmp_path / "evil.pt"
    torch.save({"format": "caim-weights", "payload": Evil()}, str(evil))
    with pytest.raises(WeightsError, match="holds Python objects other than tensors") as caught:
        W.load_model(str(evil))
    assert "weights_only" not in str(caught.value) and not marker.exists()


def test_a_compressed_weights_file_is_refused_before_it_is_inflated(tmp_path, random_weights):
    """torch.load inflates the compressed parts of a zip as well: a crafted file of 190 KB took 200 MB,
    one of 20 MB would take 20 GB.  torch.save stores its parts uncompressed: a file with compressed
    parts is refused before anything is read."""
    import zipfile

    bomb = tmp_path / "bomb.pt"
    with zipfile.ZipFile(random_weights) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for part in src.infolist():
            out.writestr(part.filename, src.read(part.filename))
    with pytest.raises(WeightsError, match=r"cannot be read safely \(its parts are compressed, as torch.save never"):
        W.load_model(str(bomb))
    assert W.read(random_weights)["format"] == "caim-weights"  # what torch.save writes still loads


def test_band_count_must_match_model(tmp_path, random_weights):
    rng = np.random.default_rng(2)
    p = [write_tif(tmp_path / f"two{i}.tif", rng.integers(0, 255, (2, 16, 16)).astype(np.uint8))
         for i in range(2)]
    with pytest.raises(InputError, match=r"expects 4 bands.*have 2.*classical method.*--model cva"):
        detect(p, out_dir=str(tmp_path / "o"), weights=random_weights)
    assert not (tmp_path / "o").exists() or os.listdir(tmp_path / "o") == []


def test_rgb_only_input_runs_with_green_for_nir(tmp_path, random_weights):
    """A plain 3-band pair runs through a network as R, G, B, G (what --bands 1,2,3,2 gives), and the
    summary says that green stands in for NIR and where the roles came from (GDAL marks a 3-band byte
    GeoTIFF as RGB)."""
    rng = np.random.default_rng(3)
    p = [write_tif(tmp_path / f"rgb{i}.tif", rng.integers(0, 255, (3, 16, 16)).astype(np.uint8))
         for i in range(2)]
    auto = detect(p, out_dir=str(tmp_path / "auto"), weights=random_weights, threads=1)
    hand = detect(p, out_dir=str(tmp_path / "hand"), weights=random_weights, bands=[1, 2, 3, 2], threads=1)
    text = auto.summary_text()
    assert "in place of the missing NIR" in text and "colour interpretation" in text and not hand.notes
    np.testing.assert_array_equal(read_tif(auto.paths["moment"]), read_tif(hand.paths["moment"]))
    # the note speaks of the file that runs: it said "the bundled CAIM-Net file saw no RGB-only imagery" of
    # the user's own file too
    assert "the weights file 'caim.pt' records no RGB-only imagery in its training" in text, text
    assert "bundled" not in text
    rgb_trained = str(tmp_path / "rgb_trained.pt")
    W.save(rgb_trained, W.load_model(random_weights), meta={"green_as_nir": True})
    text = detect(p, out_dir=str(tmp_path / "own"), weights=rgb_trained, threads=1).summary_text()
    assert "the weights file 'rgb_trained.pt' was trained on RGB-only imagery read the same way" in text, text
    text = detect(p, out_dir=str(tmp_path / "bundled"), model="caimnet", threads=1).summary_text()
    assert "the bundled CAIM-Net file saw no RGB-only imagery in training" in text, text


def test_sensitivity_shifts_the_no_change_log_odds(scenario, tmp_path):
    """Bundled weights: +s subtracts s from the log-odds of "no change" (checked against the
    probabilities of the default run), changes only grow with s, and out-of-range values are refused
    before anything is written."""
    paths, _ = scenario
    base = detect(paths, out_dir=str(tmp_path / "0"), probabilities=True, threads=1)
    more = detect(paths, out_dir=str(tmp_path / "p"), sensitivity=1.0, threads=1)
    less = detect(paths, out_dir=str(tmp_path / "m"), sensitivity=-1.0, threads=1)
    area = {k: read_tif(r.paths["area"]) == 1 for k, r in (("0", base), ("p", more), ("m", less))}
    assert area["m"].sum() < area["0"].sum() < area["p"].sum()
    assert not (area["m"] & ~area["0"]).any() and not (area["0"] & ~area["p"]).any()
    # the rule itself: with log-odds shifted by one, changed iff max_k p_k > p_0 / e
    probs = gdal.Open(base.paths["probabilities"]).ReadAsArray().astype(np.float64)
    expect = probs[1:].max(0) > probs[0] / np.e
    margin = np.abs(np.log(probs[1:].max(0)) - np.log(probs[0]) + 1.0) > 1e-3   # ties: float noise
    np.testing.assert_array_equal(area["p"][margin], expect[margin])
    moment = read_tif(more.paths["moment"])
    assert np.array_equal(moment > 0, area["p"])
    assert gdal.Open(more.paths["moment"]).GetMetadataItem("CAIM_SENSITIVITY") == "1"
    model_line = [line for line in more.summary_text().splitlines() if line.startswith("Model")][0]
    assert model_line.endswith(", sensitivity +1")
    assert [line for line in base.summary_text().splitlines() if line.startswith("Model")][0].endswith(")")
    for bad in (3.5, "x"):
        with pytest.raises(InputError, match="Sensitivity"):
            detect(paths, out_dir=str(tmp_path / "bad"), sensitivity=bad)
    assert not (tmp_path / "bad").exists()


def test_sensitivity_moves_the_cva_threshold(scenario, tmp_path):
    paths, _ = scenario
    counts = [int((read_tif(detect(paths, out_dir=str(tmp_path / str(s)), model="cva", sensitivity=s)
                            .paths["area"]) == 1).sum()) for s in (-1.0, 0.0, 1.0)]
    assert counts[0] < counts[1] < counts[2]


def _patch_stack(tmp_path):
    """Three dates of flat 4-band ground (tiny noise) with planted changes of known patch sizes."""
    rng = np.random.default_rng(3)
    base = 1000 + rng.normal(0, 5, (4, 64, 64))
    d1, d2 = base.copy(), base.copy()
    d1[:, 4:16, 4:16] += 800          # 144 px, moment 1
    for i in range(3):                 # a diagonal line: one 8-connected patch of 3 px
        d1[:, 40 + i, 40 + i] += 800
    for i in range(5):                 # a diagonal of 5 px: kept at 4 or 5 only with 8-connectivity
        d1[:, 54 + i, 30 + i] += 800
    d1[:, 50, 10:15] += 800            # 5 px, moment 1
    d1[:, 30, 50:52] += 800            # 2 px at moment 1 ...
    d2[:, 31, 50:52] += 800            # ... touching 2 px at moment 2: one patch of 4 px
    d2[:, 20:22, 28:36] = d1[:, 20:22, 28:36] + 800  # 16 px crossing the 32-px tile border, moment 2
    d1[:, 60, 60] += 800               # a single pixel
    d2 = np.where(np.abs(d2 - base) > 1, d2, d1)     # date 3 keeps date 2's changes
    return [write_tif(tmp_path / f"p_{2000 + i}.tif", a.astype(np.float32))
            for i, a in enumerate((base, d1, d2))]


def test_min_patch_drops_small_changed_patches_only(tmp_path):
    from scipy import ndimage

    imgs = _patch_stack(tmp_path)
    runs = {m: detect(imgs, out_dir=str(tmp_path / f"m{m}"), model="cva", tile=32, probabilities=True,
                      min_patch=m) for m in (0, 4, 5)}
    area0, moment0 = read_tif(runs[0].paths["area"]), read_tif(runs[0].paths["moment"])
    assert moment0[30, 50] == 1 and moment0[31, 50] == 2 and moment0[20, 30] == 2 and moment0[60, 60] == 1
    assert runs[0].removed_pixels == 0
    labels, _ = ndimage.label(area0 == 1, structure=np.ones((3, 3)))
    sizes = np.bincount(labels.ravel())
    for m in (4, 5):
        res = runs[m]
        area, moment, conf = (read_tif(res.paths[k]) for k in ("area", "moment", "confidence"))
        expected = (area0 == 1) & (sizes[labels] >= m)
        np.testing.assert_array_equal(area == 1, expected)  # exactly the patches of at least m px stay
        dropped = (area0 == 1) & ~expected
        assert res.removed_pixels == int(dropped.sum()) > 0
        assert (moment[dropped] == 0).all() and (area[dropped] == 0).all()
        np.testing.assert_array_equal(moment[expected], moment0[expected])  # moments of kept patches as before
        # the dropped pixels' confidence is the model's probability of no change (low: they looked changed)
        p0 = read_tif(res.paths["probabilities"], 1)
        np.testing.assert_allclose(conf[dropped], p0[dropped])
        assert (conf[dropped] < 0.5).all()
        np.testing.assert_array_equal(p0, read_tif(runs[0].paths["probabilities"], 1))
        assert res.changed_pixels == int(expected.sum())
        assert gdal.Open(res.paths["area"]).GetMetadataItem("CAIM_MIN_PATCH") == str(m)
        assert "smaller patches written unchanged" in res.summary_text()
    area4, area5 = read_tif(runs[4].paths["area"]), read_tif(runs[5].paths["area"])
    assert area4[4:16, 4:16].all() and area4[20:22, 28:36].all() and area4[50, 10:15].all()
    assert area4[30:32, 50:52].all() and not area5[30:32, 50:52].any()  # the two-moment patch of 4 px
    assert not area4[40:43, 40:43].any() and area4[60, 60] == 0        # the 3-px diagonal, the single px
    assert area5[50, 10:15].all()
    assert all(a[54 + i, 30 + i] == 1 for a in (area4, area5) for i in range(5))


@pytest.mark.parametrize("bad", [-1, 2.5, "four", 10 ** 7])
def test_min_patch_refuses_bad_values_before_writing(tmp_path, bad):
    imgs = _patch_stack(tmp_path)
    with pytest.raises(InputError, match="Minimum change patch"):
        detect(imgs, out_dir=str(tmp_path / "o"), model="cva", min_patch=bad)
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("on_disk", [False, True])
def test_small_patches_match_connected_components_on_random_masks(tmp_path, on_disk):
    """Exact 8-connected patch sizes, also for a speck inside a small hole of a larger change (which
    GDAL's sieve would leave alone) and next to nodata; in memory and through the engine's files."""
    from scipy import ndimage

    from model_core.predict import small_patches

    rng = np.random.default_rng(5)
    for p, n in ((0.2, 7), (0.45, 12), (0.6, 25), (0.3, 2)):
        a = (rng.random((57, 83)) < p).astype(np.uint8)
        a[rng.random(a.shape) < 0.05] = 255
        a[0:9, 0:9] = 1          # a 9 x 9 change with a 3 x 3 hole holding a one-pixel speck
        a[3:6, 3:6] = 0
        a[4, 4] = 1
        a[0:10, 9] = 0           # cut it off from the noise
        a[9, 0:10] = 0
        ds = gdal.GetDriverByName("MEM").Create("", 83, 57, 1, gdal.GDT_Byte)
        ds.GetRasterBand(1).WriteArray(a)
        got = small_patches(ds.GetRasterBand(1), n, str(tmp_path) if on_disk else None).ReadAsArray() == 1
        labels, _ = ndimage.label(a == 1, structure=np.ones((3, 3)))
        np.testing.assert_array_equal(got, (a == 1) & (np.bincount(labels.ravel())[labels] < n))
        assert got[4, 4] and not got[0, 0]


def test_a_minimum_patch_over_a_map_without_change_runs(tmp_path):
    """detect(min_patch=4) on dates that do not change stopped with a traceback (AttributeError: 'NoneType' object
    has no attribute 'GetLayer'): the changed pixels' polygons went into a FlatGeobuf in the staging folder, which
    GDAL 3.6 writes as an empty file when it holds no feature, and could not open again.  A map without a changed
    pixel has no patch to drop; the small patches of an empty mask are none, on disk and in memory."""
    from model_core.predict import small_patches

    imgs = [write_tif(tmp_path / f"{n}.tif", np.full((4, 32, 32), v, np.float32))
            for n, v in (("a_2019", 10.0), ("b_2020", 11.0), ("c_2021", 12.0))]
    res = detect(imgs, out_dir=str(tmp_path / "o"), model="cva", min_patch=4)
    assert res.changed_pixels == 0 and res.removed_pixels == 0
    assert not read_tif(res.paths["area"]).any() and not read_tif(res.paths["moment"]).any()
    assert not [n for n in os.listdir(tmp_path / "o") if n.startswith(".")]  # no staging folder left
    ds = gdal.GetDriverByName("MEM").Create("", 20, 10, 1, gdal.GDT_Byte)
    ds.GetRasterBand(1).WriteArray(np.where(np.arange(200).reshape(10, 20) % 7 == 0, 255, 0).astype(np.uint8))
    for folder in (str(tmp_path), None):
        assert not small_patches(ds.GetRasterBand(1), 4, folder).ReadAsArray().any()


def test_drop_small_patches_on_a_moment_array():
    from model_core.predict import drop_small_patches

    m = np.zeros((12, 12), np.uint8)
    m[1:4, 1:4] = 2          # 9 px
    m[1, 4] = 1              # touches it: one patch of 10 px with two moments
    m[8, 8] = m[9, 9] = 3    # a diagonal pair
    m[11, :] = 255           # nodata stays nodata
    out = drop_small_patches(m, 3)
    assert (out[1:4, 1:4] == 2).all() and out[1, 4] == 1 and out[8, 8] == out[9, 9] == 0
    assert (out[11] == 255).all() and (m[8, 8], m[9, 9]) == (3, 3)  # the input is not modified
    assert (drop_small_patches(m, 11)[:11] == 0).all() and np.array_equal(drop_small_patches(m, 0), m)


def test_fill_gaps_carries_the_previous_clear_date():
    from model_core.stack import fill_gaps

    values = np.arange(5, dtype=np.float32)[:, None, None, None] * np.ones((5, 2, 1, 3), np.float32)
    values[:, 1] += 100
    valid = np.ones((5, 1, 3), bool)
    valid[[0, 2, 3], 0, 0] = False   # pixel 0: leading gap, then a two-date gap
    valid[:4, 0, 1] = False          # pixel 1: only the last date
    filled, ok = fill_gaps(values, valid)
    assert filled[:, 0, 0, 0].tolist() == [1, 1, 1, 1, 4]      # first clear date backwards, then carried
    assert filled[:, 1, 0, 0].tolist() == [101, 101, 101, 101, 104]
    assert filled[:, 0, 0, 2].tolist() == [0, 1, 2, 3, 4]      # a clear pixel is untouched
    assert ok.tolist() == [[True, False, True]]


def _cloudy_series(tmp_path, checkerboard=False):
    rng = np.random.default_rng(0)
    base = 1000 + rng.normal(0, 5, (4, 64, 64))
    paths = []
    for i in range(5):
        a = base + rng.normal(0, 5, base.shape)
        if i >= 2:
            a[:, 10:30, 10:30] += 600      # a change between the 2nd and 3rd dates (moment 2)
        if i == 2:
            a[:, 5:25, 5:25] = -9999       # a cloud on the 3rd date over part of it
        if i == 1:
            a[:, 40:50, 40:50] = -9999     # a cloud on the 2nd date over stable ground
        if i < 4:
            a[:, 55:60, 55:60] = -9999     # clear on the last date only
        if checkerboard:                   # no pixel clear on every date
            a[:, (np.indices((64, 64)).sum(axis=0) % 5) == i] = -9999
        paths.append(write_tif(tmp_path / f"g_{2000 + i}.tif", a.astype(np.float32), nodata=-9999))
    return paths


@pytest.mark.parametrize("model", ["cva", "isfa", "caimnet_isfa"])
def test_fill_gaps_dates_a_hidden_change_at_the_first_clear_date(tmp_path, model):
    paths = _cloudy_series(tmp_path)
    plain = detect(paths, out_dir=str(tmp_path / "plain"), model=model)
    m0 = read_tif(plain.paths["moment"])
    assert (m0[5:25, 5:25] == 255).all() and (m0[40:50, 40:50] == 255).all() and plain.filled_pixels == 0
    res = detect(paths, out_dir=str(tmp_path / "fill"), model=model, fill_gaps=True, tile=32)
    moment, area = read_tif(res.paths["moment"]), read_tif(res.paths["area"])
    # hidden by the cloud: dated to the 3rd-4th interval (ISFA's 3 x 3 context lets the seen part's date
    # reach one pixel into it, at its edge against the seen part)
    edge = 25 if model == "cva" else 24
    assert (moment[10:edge, 10:edge] == 3).all() and (moment[10:25, 10:25] == 3).mean() > 0.9
    assert (moment[26:30, 26:30] == 2).all()       # seen: its own interval, as without filling
    assert (moment[40:50, 40:50] == 0).all()       # a cloud over stable ground is no change
    assert (moment[55:60, 55:60] == 255).all() and (area[55:60, 55:60] == 255).all()  # one clear date
    assert res.filled_pixels == 400 + 100
    assert res.valid_pixels == plain.valid_pixels + 500
    clear = m0 != 255  # clear on every date: the same statistics, so the same call (the network part of a
    agree = (moment[clear] == m0[clear]).mean()  # fusion also sees filled neighbours instead of zeros)
    assert agree == 1.0 if model in ("cva", "isfa") else agree > 0.99
    assert gdal.Open(res.paths["moment"]).GetMetadataItem("CAIM_FILL_GAPS") == "yes"
    assert "500 px with masked dates filled" in res.summary_text()


def test_fill_gaps_when_no_pixel_is_clear_on_every_date(tmp_path):
    paths = _cloudy_series(tmp_path, checkerboard=True)
    with pytest.raises(InputError, match="--fill-gaps"):
        detect(paths, out_dir=str(tmp_path / "plain"), model="cva")
    res = detect(paths, out_dir=str(tmp_path / "fill"), model="cva", fill_gaps=True)
    moment = read_tif(res.paths["moment"])
    # the change is still found, each pixel dated to the first interval in which it was seen
    assert (moment[26:30, 26:30] > 0).all() and (moment[40:50, 40:50] == 0).mean() > 0.9


def test_fill_gaps_maps_carried_values_into_the_masked_dates_radiometry():
    from model_core.stack import fill_gaps

    values = np.zeros((3, 1, 1, 2), np.float32)
    values[0, 0, 0] = [110, 120]
    values[2, 0, 0] = [50, 60]
    valid = np.array([[[True, True]], [[False, True]], [[True, True]]])
    center = np.array([[100.0], [200.0], [50.0]], np.float32)  # date 2 twice as bright and shifted
    scale = np.array([[10.0], [20.0], [5.0]], np.float32)
    filled, _ = fill_gaps(values, valid, center, scale)
    assert filled[1, 0, 0, 0] == pytest.approx(220.0)      # (110 - 100) / 10 * 20 + 200
    assert filled[1, 0, 0, 1] == values[1, 0, 0, 1]         # clear: untouched
    assert filled[0, 0, 0, 0] == 110 and filled[2, 0, 0, 0] == 50
    plain, _ = fill_gaps(values, valid)
    assert plain[1, 0, 0, 0] == 110


def test_progress_moves_through_the_scene_fit_and_never_back(scenario, tmp_path):
    """ISFA's scene fit takes seconds on a large scene: the progress says which interval it fits, and
    the fractions only grow (statistics, fit, tiles, done)."""
    paths, _ = scenario
    seen = []
    detect(paths, out_dir=str(tmp_path / "o"), model="caimnet_isfa", tile=96,
           progress=lambda f, m="": seen.append((f, m)))
    messages = [m for _, m in seen]
    n = len(paths) - 1
    fits = [m for m in messages if m.startswith("Fitting ISFA to the scene")]
    assert fits == [f"Fitting ISFA to the scene: interval {k} of {n}" for k in range(1, n + 1)], messages
    assert messages.index(fits[-1]) < min(i for i, m in enumerate(messages) if m.startswith("Tile"))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_tile_progress_says_how_long_the_other_tiles_take(scenario, tmp_path, monkeypatch):
    """The estimate before a run comes from the machine's idle speed and was 2-3 times short on a busy
    machine (18 s estimated, 55 s taken): once the tiles have run a few seconds, each tile's progress
    text adds the time the remaining tiles take at the run's own rate."""
    import model_core.predict as predict

    assert predict.tile_text(3, 12, 1.0) == "Tile 3/12"  # too early for a steady rate
    assert predict.tile_text(3, 12, 20.0) == "Tile 3/12, about 60 s for the other tiles"
    assert predict.tile_text(3, 12, 600.0) == "Tile 3/12, about 30 min for the other tiles"
    assert predict.tile_text(12, 12, 600.0) == "Tile 12/12"
    monkeypatch.setattr(predict, "ETA_AFTER_S", 0.0)
    paths, _ = scenario
    seen = []
    detect(paths, out_dir=str(tmp_path / "o"), model="cva", tile=64, progress=lambda f, m="": seen.append(m))
    tiles = [m for m in seen if m.startswith("Tile ")]
    total = int(tiles[0].split("/")[1].split(",")[0])
    assert len(tiles) == total > 2
    assert all(m.startswith(f"Tile {i + 1}/{total}, about ") and m.endswith(" for the other tiles")
               for i, m in enumerate(tiles[:-1])), tiles
    assert tiles[-1] == f"Tile {total}/{total}"


def test_weights_trained_on_other_bands_are_named(tmp_path):
    """A file trained on the user's own 4-band Landsat as SWIR1, NIR, Red, Green (config data.bands
    [3, 4, 4, 2]) was run on bands 1-4 without a word: the run now names the training mapping; with
    that mapping given there is no warning."""
    import json

    src = os.path.join(os.path.dirname(W.__file__), "..", "resources", "weights", "caimnet_rgbn.pt")
    model = W.load_model(src)
    meta = dict(model.weights_meta)
    meta["config"] = json.dumps({"model": "caimnet", "data": {"kind": "generic", "root": "x", "bands": [3, 4, 4, 2]}})
    own = str(tmp_path / "own.pt")
    W.save(own, model, meta, model.band_order, calibration=getattr(model, "calibration", None))
    rng = np.random.default_rng(0)
    imgs = [write_tif(tmp_path / f"d_{y}.tif", rng.integers(100, 900, (4, 40, 40)).astype(np.uint16))
            for y in (2001, 2002)]
    res = detect(imgs, out_dir=str(tmp_path / "a"), model="caimnet", weights=own)
    named = [w for w in res.warnings if "band mapping 3,4,4,2" in w]
    assert len(named) == 1 and "this run reads bands 1,2,3,4" in named[0] and "--bands 3,4,4,2" in named[0]
    res = detect(imgs, out_dir=str(tmp_path / "b"), model="caimnet", weights=own, bands=[3, 4, 4, 2])
    assert not [w for w in res.warnings if "band mapping" in w], res.warnings
    res = detect(imgs, out_dir=str(tmp_path / "c"), model="caimnet", weights=src)   # no data.bands recorded
    assert not [w for w in res.warnings if "band mapping" in w], res.warnings


def test_weights_trained_on_more_bands_than_the_images_have_say_so(tmp_path):
    """A file trained on 6-band images with "data": {"bands": [3, 4, 4, 6]} run on 4-band images advised "run
    again with --bands 3,4,4,6", which the run then refused (the images have no band 6): it now says these
    images are not of the training imagery's kind and to give their own bands."""
    import json

    src = os.path.join(os.path.dirname(W.__file__), "..", "resources", "weights", "caimnet_rgbn.pt")
    model = W.load_model(src)
    meta = dict(model.weights_meta)
    meta["config"] = json.dumps({"model": "caimnet", "data": {"kind": "generic", "root": "x", "bands": [3, 4, 4, 6]}})
    six = str(tmp_path / "six.pt")
    W.save(six, model, meta, model.band_order, calibration=getattr(model, "calibration", None))
    rng = np.random.default_rng(0)
    imgs = [write_tif(tmp_path / f"d_{y}.tif", rng.integers(100, 900, (4, 40, 40)).astype(np.uint16))
            for y in (2001, 2002)]
    res = detect(imgs, out_dir=str(tmp_path / "a"), model="caimnet", weights=six)
    named = [w for w in res.warnings if "band mapping 3,4,4,6" in w]
    assert len(named) == 1, res.warnings
    assert "these images have 4 band(s)" in named[0] and "not of the training imagery's kind" in named[0]
    assert "run again with --bands 3,4,4,6" not in named[0], named[0]


def test_large_outputs_have_overviews_and_record_their_bands(tmp_path):
    """Above 2 048 px every output raster gets overviews, the confidence too (averaged: it is a
    probability), so QGIS draws it zoomed out without reading every pixel; float outputs use the
    floating-point predictor; the band mapping used is in the metadata (CAIM_BANDS)."""
    rng = np.random.default_rng(1)
    imgs = [write_tif(tmp_path / f"d_{y}.tif", rng.integers(100, 900, (4, 24, 2100)).astype(np.uint16))
            for y in (2001, 2002)]
    res = detect(imgs, out_dir=str(tmp_path / "o"), model="cva", bands=[3, 2, 1, 4])
    for key in ("area", "moment", "confidence"):
        ds = gdal.Open(res.paths[key])  # referenced while its band is read (GDAL 3.6's bindings)
        assert ds.GetRasterBand(1).GetOverviewCount() == 4, key
        ds = None
    conf = gdal.Open(res.paths["confidence"])
    assert conf.GetMetadataItem("PREDICTOR", "IMAGE_STRUCTURE") == "3"
    assert gdal.Open(res.paths["moment"]).GetMetadataItem("CAIM_BANDS") == "3,2,1,4"


def test_repeated_dates_keep_every_interval_in_the_areas(tmp_path):
    """From the input audit: three images dated 2001 (or a series A, B, A, B) give two intervals with
    one label, "2001 to 2001"; the hectares per interval were a dict keyed by that label, so the summary,
    the report and Processing's HECTARES listed one interval with the last one's area (0.00 ha where
    509 px had changed)."""
    rng = np.random.default_rng(3)
    base = rng.integers(100, 200, (3, 32, 32)).astype(np.uint16)
    imgs = []
    for i in range(3):
        a = base.copy()
        if i >= 1:
            a[:, :10, :10] += 400  # a change in the first interval
        if i >= 2:
            a[:, 20:, 20:] += 400  # and one in the second
        imgs.append(write_tif(tmp_path / f"img{i}.tif", a))
    res = detect(imgs, out_dir=str(tmp_path / "o"), model="cva", dates="2001,2001,2001")
    moment = read_tif(res.paths["moment"])
    assert len(res.interval_labels) == len(set(res.interval_labels)) == 2
    assert len(res.hectares) == 2
    for k, label in enumerate(res.interval_labels, start=1):
        assert res.hectares[label] == pytest.approx((moment == k).sum() * 0.01, rel=0.01)
    assert sum(res.hectares.values()) == pytest.approx(res.changed_pixels * 0.01, rel=0.01)
    assert (moment == 1).sum() > 0 and (moment == 2).sum() > 0


def test_a_date_covering_part_of_the_scene_is_named(tmp_path):
    """From the input audit: a date whose image covers half of the others' clipped every output to that half
    with nothing said but the grid's size.  The run warns, naming the date and its share; dates on almost
    the same extent (the NAIP series' 1-3 m offsets) are not warned about."""
    rng = np.random.default_rng(4)
    full = [write_tif(tmp_path / f"full_{2001 + i}.tif", rng.integers(1, 900, (3, 40, 40)).astype(np.uint16))
            for i in range(2)]
    half = write_tif(tmp_path / "half_2003.tif", rng.integers(1, 900, (3, 40, 20)).astype(np.uint16))
    res = detect(full + [half], out_dir=str(tmp_path / "o"), model="cva")
    assert (res.grid.width, res.grid.height) == (20, 40)
    assert any("the outputs cover 50.00 % of the reference input 1 'full_2001.tif'" in w
               and "input 3 'half_2003.tif' covers 50.00 % of it" in w for w in res.warnings), res.warnings
    shifted = write_tif(tmp_path / "shift_2003.tif", rng.integers(1, 900, (3, 40, 40)).astype(np.uint16),
                        origin=(500003.0, 5199998.0))
    res = detect(full + [shifted], out_dir=str(tmp_path / "o2"), model="cva")
    assert not any("the outputs cover" in w for w in res.warnings), res.warnings


def test_a_date_from_a_file_time_tag_is_warned_about(tmp_path):
    """TIFFTAG_DATETIME is often when the file was written, not acquired: a date read from it is named in a
    warning (an input audit: three scenes written on three days ran as 2023-05-01 .. 03 unremarked); a date
    from an acquisition item or the name is not."""
    files = []
    for k in range(3):
        img = np.random.default_rng(k).integers(100, 4000, (4, 32, 32)).astype(np.uint16)
        path = write_tif(tmp_path / f"scene_{'abc'[k]}.tif", img)
        ds = gdal.Open(path, gdal.GA_Update)
        ds.SetMetadataItem("TIFFTAG_DATETIME", f"2023:05:0{k + 1} 10:00:00")
        if k == 0:
            ds.SetMetadataItem("ACQUISITIONDATETIME", "2019-07-04")
        ds = None
        files.append(path)
    res = detect(files, out_dir=str(tmp_path / "out"), model="cva")
    assert res.dates == ["2019-07-04", "2023-05-02", "2023-05-03"]
    text = " ".join(res.warnings)
    assert "input 2 'scene_b.tif' (2023-05-02, from TIFFTAG_DATETIME)" in text and "when the file was written" in text
    assert "scene_a" not in text.split("when the file was written")[0]


def test_a_name_whose_day_and_month_are_not_read_is_warned_about(tmp_path):
    """'site_12-05-2020.tif' (day or month first?) and 'site_2021-5-12.tif' (single digits) are dated by their
    year alone: a warning says so (an input audit: silently the year only), a year-first name does not."""
    files = []
    for k, name in enumerate(("site_12-05-2020.tif", "site_2021-5-12.tif", "site_2022-05-12.tif")):
        img = np.random.default_rng(k).integers(100, 4000, (4, 32, 32)).astype(np.uint16)
        files.append(write_tif(tmp_path / name, img))
    res = detect(files, out_dir=str(tmp_path / "out"), model="cva")
    assert res.dates == ["2020", "2021", "2022-05-12"]
    text = " ".join(res.warnings)
    assert "'12-05-2020' -> 2020" in text and "'2021-5-12' -> 2021" in text and "site_2022" not in text


def test_a_write_error_is_an_output_error_and_leaves_nothing(scenario, tmp_path, monkeypatch):
    """A full disk while the outputs were written stopped the run with a traceback (RuntimeError:
    TIFFAppendToStrip:Write error at scanline ...; a scale audit on a full 20 MB tmpfs)."""
    def full(self, *args):
        raise RuntimeError("TIFFAppendToStrip:Write error at scanline 3328")

    monkeypatch.setattr(gdal.Dataset, "FlushCache", full)
    out = tmp_path / "o"
    out.mkdir()
    with pytest.raises(OutputError, match=r"Writing the outputs in '.*o' \(\d+ MB free\) failed \(TIFFAppendToStrip.*"
                                          r"No output was written"):
        detect(scenario[0], out_dir=str(out), model="cva")
    assert os.listdir(out) == []


def test_ten_thousand_bands_are_refused_before_the_statistics(tmp_path):
    """A raster claiming 10 000 bands (a VRT of a few KB): CVA's statistics took 6.5 GB and then died
    with a MemoryError traceback after a minute and a half (a 20 000 x 20 000 covariance)."""
    paths = []
    for d in ("2019-01-01", "2020-01-01"):
        bands = "".join('<VRTRasterBand dataType="Byte" band="%d"/>' % b for b in range(1, 10001))
        p = tmp_path / ("b_%s.vrt" % d)
        p.write_text('<VRTDataset rasterXSize="16" rasterYSize="16"><SRS>EPSG:32614</SRS><GeoTransform>500000, 10, '
                     '0, 5200000, 0, -10</GeoTransform>%s</VRTDataset>' % bands)
        paths.append(str(p))
    with pytest.raises(InputError, match=r"have 10000 bands per date \('b_2019-01-01.vrt'\); this program takes at "
                                         r"most 1000.*band mapping"):
        detect(paths, out_dir=str(tmp_path / "o"), model="cva")
    assert not (tmp_path / "o").exists()


def test_a_write_error_under_min_patch_closes_the_outputs_before_removing_them(scenario, tmp_path, monkeypatch,
                                                                                 capfd):
    """A full disk while the minimum patch was applied (the error raised inside apply_min_patch, whose frame
    holds the output datasets): the files stayed open in the error's traceback until the caller let go of
    it, so the partial folder was removed with its files open (which Windows refuses) and their late flush
    printed 'Exception ignored in: <built-in function delete_Dataset>' tracebacks (an audit on a 3 MB tmpfs)."""
    import shutil

    from model_core import predict

    def full(area_band, *args, **kwargs):
        raise RuntimeError("_tiffWriteProc:No space left on device")

    open_at_removal = []
    rmtree = shutil.rmtree

    def checked_rmtree(path, *args, **kwargs):
        fds = "/proc/self/fd"
        if os.path.isdir(fds):
            for fd in os.listdir(fds):
                try:
                    target = os.readlink(os.path.join(fds, fd))
                except OSError:
                    continue
                if target.startswith(str(path)):
                    open_at_removal.append(target)
        return rmtree(path, *args, **kwargs)

    monkeypatch.setattr(predict, "small_patches", full)
    monkeypatch.setattr(predict.shutil, "rmtree", checked_rmtree)
    out = tmp_path / "o"
    out.mkdir()
    with pytest.raises(OutputError, match="No space left on device.*No output was written") as caught:
        detect(scenario[0], out_dir=str(out), model="cva", min_patch=4)
    assert open_at_removal == []
    assert os.listdir(out) == []
    del caught
    assert "Exception ignored" not in capfd.readouterr().err


def test_a_small_image_clipped_by_subpixel_offsets_names_no_date(tmp_path):
    """16 x 16 px dates offset by 0.05 px lose a row and a column to the snapping onto the reference grid
    (88 % of it): the warning said 'they are clipped to the area every date covers, and . Leave out or
    replace a date that covers part of the scene', naming no date, since each covers over 99 % of it."""
    rng = np.random.default_rng(5)
    files = [write_tif(tmp_path / f"d_{2001 + i}.tif", rng.integers(1, 900, (3, 16, 16)).astype(np.uint16),
                       origin=(500000.0 + 0.5 * (i == 1), 5200000.0 - 0.5 * (i == 1))) for i in range(3)]
    res = detect(files, out_dir=str(tmp_path / "o"), model="cva")
    assert (res.grid.width, res.grid.height) == (15, 15)
    assert not any("the outputs cover" in w for w in res.warnings), res.warnings


def _huge_vrts(folder, side=1_000_000, dates=("2019-01-01", "2020-01-01", "2021-01-01")):
    """VRTs of ``side`` x ``side`` px without any source (they read as 0 and cost nothing to create)."""
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    paths = []
    for d in dates:
        path = os.path.join(str(folder), f"{d}.vrt")
        ds = gdal.GetDriverByName("VRT").Create(path, side, side, 4, gdal.GDT_Byte)
        ds.SetProjection(srs.ExportToWkt())
        ds.SetGeoTransform((500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0))
        ds = None
        paths.append(path)
    return paths


def _after_one_tile():
    """progress and cancel arguments that cancel a run after its first tile (a run that was not refused)."""
    seen = []
    return {"progress": lambda f, m: seen.append(m), "cancel": lambda: any(m.startswith("Tile") for m in seen)}


def test_a_grid_whose_outputs_cannot_fit_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    """A 10^6 x 10^6 px series started without a word (3.4 million tiles; weeks of work and terabytes of
    output for a disk of 46 GB, found out when it filled up).  Now the outputs' size is weighed against the
    folder's free space before the statistics: the message names the folder, the need and the free space."""
    from model_core import predict

    monkeypatch.setattr(predict, "free_mb", lambda folder: 50_000.0)  # 50 GB free, whatever this disk has
    out = tmp_path / "out"
    with pytest.raises(OutputError) as err:
        detect(_huge_vrts(tmp_path), out_dir=str(out), model="cva", **_after_one_tile())  # no weeks of tiles
    text = str(err.value)
    assert f"in '{out}', whose disk has 50 GB free" in text, text
    assert re.search(r"need about [\d.]+ TB \(at least [\d.]+ TB\)", text), text
    assert "1000000 x 1000000 px" in text and "--allow-huge" in text and "ALLOW_HUGE" in text
    assert not out.exists()


def test_a_run_of_days_is_refused_unless_allowed(tmp_path, monkeypatch):
    """The run time is estimated from the grid, the dates, the method and this machine's speed; a run of
    more than a day is refused, naming the estimate and how to go on."""
    from model_core import predict

    monkeypatch.setattr(predict, "free_mb", lambda folder: 1e12)
    monkeypatch.setattr(predict, "machine_speed", lambda: 1.0)
    monkeypatch.setattr(predict, "memory_speed", lambda: 1.0)
    notes = []
    with pytest.raises(InputError, match=r"would take about [\d.]+ (years|weeks|days) on this machine.*caimnet.*"
                                         r"--allow-huge"):
        detect(_huge_vrts(tmp_path), out_dir=str(tmp_path / "out"), model="caimnet", notice=notes.append,
               **_after_one_tile())
    assert not (tmp_path / "out").exists()
    gpu = predict.estimate_run(1_000_000, 1_000_000, 3, "caimnet", {}, device="cuda:0")
    assert gpu["seconds"] is None  # no figures for GPUs: neither told nor refused
    assert predict.check_scale(gpu, 1_000_000, 1_000_000, 3, "caimnet")[0].startswith("Estimate  no run time on a GPU")
    seconds = predict.estimate_run(1_000_000, 1_000_000, 3, "caimnet", {})["seconds"]
    model = 1e6 * 2 * predict.SECONDS_PER_MP_INTERVAL["caimnet"]  # megapixels x intervals x s per MP and
    # interval; reading and writing 10^12 px add
    assert model + 1e12 * predict.WRITE_S <= seconds < model * 1.1, seconds
    # the README's Performance figures (2 cores) are what the estimate is built on, within a factor of 2
    for side, t, model, measured in ((1024, 6, "caimnet_isfa", 11.3), (2048, 6, "caimnet_isfa", 31.7),
                                     (10240, 6, "caimnet", 640.0), (10980, 6, "cva", 39.0), (10980, 6, "isfa", 52.0)):
        est = predict.estimate_run(side, side, t, model, {})["seconds"]
        assert measured / 2 < est < measured * 2, (side, model, est)


def test_a_huge_grid_is_refused_without_listing_its_tiles(tmp_path, monkeypatch):
    """The estimate's tile windows (margins included) were summed over plan_tiles' list before the refusal:
    4.3 million tiles of a 10^6 x 10^6 px grid, 1.3 GB and 6 s to be told the run is refused.  They are
    counted per axis (window_pixels, equal to the list's sum); the tiles are listed for a run that goes on."""
    from model_core import predict

    for args in ((300, 170, 128, 32, 16), (1, 1, 64, 8, 8), (4097, 2049, 544, 32, 8), (384, 384, 1024, 32, 8)):
        assert predict.window_pixels(*args) == sum(w[6] * w[7] for w in plan_tiles(*args)), args

    def listed(*a, **k):
        raise AssertionError("the tiles listed before the refusal")

    monkeypatch.setattr(predict, "plan_tiles", listed)
    monkeypatch.setattr(predict, "free_mb", lambda folder: 1e12)
    monkeypatch.setattr(predict, "machine_speed", lambda: 1.0)
    monkeypatch.setattr(predict, "memory_speed", lambda: 1.0)
    with pytest.raises(InputError, match="--allow-huge"):
        detect(_huge_vrts(tmp_path), out_dir=str(tmp_path / "out"), model="cva", **_after_one_tile())


def test_the_estimate_counts_the_statistics_and_fits_not_only_the_model(monkeypatch):
    """The classical methods spend most of a run on the scene statistics and their fit, not on the tiles:
    36 dates of 384 x 384 with the CVA took 12 s where the model term alone (0.07 s per megapixel and
    interval, plus 3 s) said 6 s, and ISFA's fit (up to 30 rounds per interval) was left out altogether,
    so ISFA was estimated like the CVA (Landsat Pucallpa: 5.1 s against 1.2 s on the reference machine)."""
    from model_core import predict

    monkeypatch.setattr(predict, "machine_speed", lambda: 1.0)
    monkeypatch.setattr(predict, "memory_speed", lambda: 1.0)

    def est(w, h, t, model, **kw):
        return predict.estimate_run(w, h, t, model, {}, **kw)["seconds"]

    more = est(384, 384, 36, "cva") - est(384, 384, 2, "cva")  # what 34 more dates add
    model_term = 384 * 384 / 1e6 * 34 * predict.SECONDS_PER_MP_INTERVAL["cva"]
    assert more > 5 * model_term, (more, model_term)  # the statistics of 36 dates and of their 35 intervals
    assert est(697, 377, 8, "isfa") > 2 * est(697, 377, 8, "cva")  # ISFA's iterative fit per interval
    assert est(384, 384, 36, "caimnet_isfa") > est(384, 384, 36, "caimnet") + 0.5 * (
        est(384, 384, 36, "isfa") - est(384, 384, 36, "cva"))  # the fusion's fit too
    # the tiles' windows with their margins, the files opened and the bands read count
    assert est(384, 384, 36, "caimnet", window_px=2 * 384 * 384) > 1.8 * est(384, 384, 36, "caimnet")
    assert est(384, 384, 36, "cva", files=36) > est(384, 384, 36, "cva", files=1)
    assert est(2048, 2048, 2, "cva", bands=8) > est(2048, 2048, 2, "cva", bands=4)


def test_the_per_pixel_terms_follow_the_memory_yardstick_not_the_matrix_multiply(monkeypatch):
    """The estimate was divided by one speed, a matrix multiply's: on a machine whose BLAS ran 2.2 times the
    reference the CVA and ISFA (reads, medians, elementwise arithmetic, DEFLATE writes) ran at about the
    reference's speed, and their estimate was up to 5.9 times too low.  Those terms follow the memory
    probe; only the networks' model term follows the matrix multiply.  Speeds injected into the cache."""
    from model_core import predict

    threads = torch.get_num_threads()
    monkeypatch.setattr(predict, "_SPEEDS", {})

    def est(model, compute, memory, t=10):
        predict._SPEEDS.update({threads: compute, "memory": memory})
        return predict.estimate_run(934, 724, t, model, {})["seconds"]

    for model in ("cva", "isfa"):
        base = est(model, 1.0, 1.0)
        assert est(model, 10.0, 1.0) == pytest.approx(base), model  # a 10 times faster BLAS alone: no faster
        assert est(model, 1.0, 2.0) == pytest.approx(base / 2), model  # twice the memory speed: half the time
    for model, t in (("caimnet_isfa", 10), ("caimnet_cva", 2)):
        base, fast = est(model, 1.0, 1.0, t), est(model, 10.0, 1.0, t)
        assert base / 10 * 1.2 < fast < base * 0.8, (model, base, fast)  # its model term shrinks, not the rest
    predict._SPEEDS.clear()  # measured: both yardsticks once per process, within their bounds
    speed = predict.memory_speed()
    assert 0.1 <= speed <= 20.0 and predict._SPEEDS == {"memory": speed}
    assert predict.memory_speed() is speed


def test_memory_probes_at_the_same_time_do_not_share_a_file():
    """Two runs starting at once in one process (QGIS: a Processing run beside the dialog's) probe the memory speed
    at the same time; the probe wrote, read and removed one /vsimem file named by the process, so one replaced and
    removed the other's: RuntimeError 'No such file or directory' in 2 of 3 threads here, a run failing with a
    traceback.  Each probe has its file now: another's probe file in flight is left alone, and threads all succeed."""
    import threading

    from osgeo import gdal

    from model_core import predict

    other = f"/vsimem/caim-probe-{os.getpid()}.tif"  # (the name every probe of this process used)
    gdal.FileFromMemBuffer(other, b"another probe's file")
    try:
        predict.memory_probe_seconds(repeats=1, side=64)
        assert gdal.VSIStatL(other) is not None  # not removed by this probe
    finally:
        gdal.Unlink(other)
    errors = []

    def probe():
        try:
            for _repeat in range(20):
                predict.memory_probe_seconds(repeats=2, side=256)
        except Exception as exc:  # (recorded for the assertion below)
            errors.append(repr(exc))

    threads = [threading.Thread(target=probe) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_the_estimate_is_told_and_a_small_free_space_refuses_a_small_run(tmp_path, monkeypatch):
    from model_core import predict

    rng = np.random.default_rng(0)
    images = [write_tif(tmp_path / f"img_{2001 + i}.tif", rng.integers(1, 900, (4, 40, 40)).astype(np.uint16))
              for i in range(3)]
    notes = []
    res = detect(images, out_dir=str(tmp_path / "a"), model="cva", notice=notes.append)
    assert res.changed_pixels >= 0
    assert len(notes) == 1 and re.match(r"Estimate  about \d+ s on this machine, outputs about [\d.]+ kB "
                                        r"\(40 x 40 px, 3 dates\)$", notes[0]), notes
    monkeypatch.setattr(predict, "free_mb", lambda folder: 0.001)  # 1 kB free
    with pytest.raises(OutputError, match=r"need about [\d.]+ kB .* whose disk has 1 kB free"):
        detect(images, out_dir=str(tmp_path / "b"), model="cva", probabilities=True)
    assert not (tmp_path / "b").exists()
    notes = []
    monkeypatch.setattr(predict, "free_mb", lambda folder: 0.003)  # between the least and the typical size
    detect(images, out_dir=str(tmp_path / "c"), model="cva", notice=notes.append)
    assert any(n.startswith(f"Warning: the outputs may not fit in '{tmp_path / 'c'}'") for n in notes), notes


def test_outputs_of_more_than_4_gb_are_bigtiff(tmp_path):
    """A 70000^2 byte raster (4.9 GB uncompressed) must be a BigTIFF, or its tiles and overviews could pass
    the classic TIFF's 4 GB offsets (GDAL's BIGTIFF=IF_SAFER switches above 2 GB uncompressed)."""
    from model_core.predict import _create
    from model_core.stack import Grid

    for side, big in ((70000, True), (40000, False)):
        path = str(tmp_path / f"{side}.tif")
        _create(path, Grid(wkt="", x0=0, y0=0, px=1, py=1, width=side, height=side), gdal.GDT_Byte, 1, 255, "x")
        with open(path, "rb") as f:
            assert (f.read(4)[2:4] in (b"+\x00", b"\x00+")) == big, side
        os.remove(path)


def test_a_cancel_before_the_tiles_stops_at_the_next_stage(tmp_path):
    """Cancel was only asked before each tile: a cancel pressed while torch loaded (a second or two, more on
    a cold disk) waited for the model, the scene statistics and the classical fit (seconds on a large
    scene).  It is now asked between those stages, and before torch is imported."""
    rng = np.random.default_rng(0)
    images = [write_tif(tmp_path / f"img_{2001 + i}.tif", rng.integers(1, 900, (4, 64, 64)).astype(np.uint16))
              for i in range(3)]
    seen = []
    with pytest.raises(Cancelled):
        detect(images, out_dir=str(tmp_path / "o"), model="isfa", progress=lambda f, m: seen.append(m),
               cancel=lambda: "Loading model" in seen)
    assert seen == ["Loading model"]
    assert not (tmp_path / "o").exists()
    with pytest.raises(Cancelled):
        detect(images, out_dir=str(tmp_path / "o"), model="isfa", progress=lambda f, m: seen.append(m),
               cancel=lambda: True)
    assert seen == ["Loading model"]  # not even loaded


def test_openmp_threads_wait_passively_unless_the_user_chose(tmp_path):
    """Spinning OpenMP threads fought any other work for the 2 cores (a CAIM-Net run beside a second run:
    22 s against 13 s passive): importing the engine sets OMP_WAIT_POLICY=PASSIVE before torch is loaded,
    and keeps a value the user set."""
    import subprocess  # nosec B404
    import sys

    code = ("import sys, os, model_core; assert 'torch' not in sys.modules; "
            "import model_core.predict; print(os.environ['OMP_WAIT_POLICY'])")
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)  # nosec
    assert out.returncode == 0 and out.stdout.strip() == "PASSIVE", out.stderr
    out = subprocess.run([sys.executable, "-c", code], env=dict(env, OMP_WAIT_POLICY="ACTIVE"), capture_output=True,
                         text=True, timeout=120)  # nosec
    assert out.stdout.strip() == "ACTIVE", out.stderr


@pytest.mark.parametrize("version,ok", [("1.13.0a0+gitunknown", False), ("1.12.1", False), ("2.0.0", True),
                                        ("2.6.0+debian", True), ("2.13.0+cpu", True), ("10.1", True), ("", True)])
def test_the_oldest_torch_the_engine_takes(version, ok):
    from model_core.errors import torch_version_ok

    assert torch_version_ok(version) is ok


def test_a_too_old_torch_stops_a_run_before_anything_is_written(tmp_path, monkeypatch, capsys):
    """On torch 1.13 (Debian 12's) every weights file was refused as 'corrupt' ("Unsupported operand 71"),
    and the classical methods failed deeper in; the run now stops first, naming the version and the fix."""
    import torch

    from model_core.cli import main

    rng = np.random.default_rng(0)
    images = [write_tif(tmp_path / f"d_{2001 + i}.tif", rng.integers(1, 3000, (4, 16, 16)).astype(np.uint16))
              for i in range(2)]
    monkeypatch.setattr(torch, "__version__", "1.13.0a0+gitunknown")
    rc = main(["detect", *images, "--model", "cva", "--out", str(tmp_path / "out"), "--quiet"])
    err = capsys.readouterr().err
    assert rc == 2 and "PyTorch 1.13.0a0+gitunknown is too old for the CAIM engine" in err and "--upgrade torch" in err
    assert not (tmp_path / "out").exists()


def test_reading_weights_warns_nothing_about_pytorchs_internals(random_weights, monkeypatch):
    """PyTorch 2.0's safe loader warned 'TypedStorage is deprecated' at every weights file read (printed
    by the command line and logged by QGIS at each run), a warning about its own internals; a warning
    of the file's loading otherwise still reaches the user."""
    import warnings

    real_load = torch.load

    def load_as_2_0(*args, **kwargs):  # torch 2.0's warning, raised inside its load
        warnings.warn("TypedStorage is deprecated. It will be removed in the future", UserWarning)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(torch, "load", load_as_2_0)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert W.read(random_weights)["arch"] == "caimnet"
    assert [str(w.message) for w in seen] == []

    def load_warning_of_the_file(*args, **kwargs):
        warnings.warn("the file's own trouble", UserWarning)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(torch, "load", load_warning_of_the_file)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        W.read(random_weights)
    assert [str(w.message) for w in seen] == ["the file's own trouble"]


def test_pickled_code_is_named_so_in_pytorch_2_0s_words_too(random_weights, monkeypatch):
    """torch 2.0's safe loader refuses a pickled object as 'Unsupported class posix.mkdir' (2.1 and later:
    'Unsupported global: GLOBAL posix.mkdir'); both are told as the file holding Python objects, not
    as a corrupt file (the suite run on torch 2.0.1 found the second)."""
    import pickle

    def load_as_2_0(*args, **kwargs):
        raise pickle.UnpicklingError("Weights only load failed. Re-running `torch.load` with `weights_only` set "
                                     "to `False` will likely succeed...\n\nUnsupported class posix.mkdir")

    monkeypatch.setattr(torch, "load", load_as_2_0)
    with pytest.raises(WeightsError, match="holds Python objects other than tensors") as caught:
        W.read(random_weights)
    assert "weights_only" not in str(caught.value)


@pytest.mark.parametrize("core_height, direct", [(100, False), (40, False), (100, True)])
def test_block_rows_write_every_tile_where_it_belongs(tmp_path, core_height, direct):
    """The tiles' outputs are held until whole rows of 256 px blocks are complete (tile rows of 100 px here; or
    of 100 px when the rows were said to be 40 px high: the buffer grows), or written as they come (``direct``,
    an output :func:`held_rows_plan` does not hold): the same pixels either way."""
    from model_core.predict import _BlockRows, _create
    from model_core.stack import Grid

    width, height = 700, 610
    grid = Grid("", 0.0, 0.0, 1.0, 1.0, width, height)
    ds = _create(str(tmp_path / "p.tif"), grid, gdal.GDT_Float32, 3, -1.0, "p")
    rows = _BlockRows(ds, core_height, direct=direct)
    want = np.random.default_rng(0).random((3, height, width), dtype=np.float32)
    tiles = plan_tiles(width, height, 120, 10, 10)
    for i, (cx, cy, cw, ch, *_window) in enumerate(tiles):
        rows.write(want[:, cy:cy + ch, cx:cx + cw].copy(), cx, cy)
        if i + 1 == len(tiles) or tiles[i + 1][1] != cy:
            rows.commit(cy + ch)
    assert (rows.rows is None) == direct
    del rows, ds  # closes the file
    got = gdal.Open(str(tmp_path / "p.tif")).ReadAsArray()
    assert np.array_equal(got, want)


@pytest.mark.parametrize("width", [6273, 20000, 100000, 10 ** 6])
@pytest.mark.parametrize("n_dates", [2, 10, 40])
def test_held_rows_of_a_wide_grid_stay_within_their_limit(width, n_dates):
    """The rows _BlockRows holds come on top of the model's memory (AUTO_TILE_BUDGET, near 1.3 GB): up to 512 MB
    per output, 5 outputs (a 20 000 px wide, 10-date run with the probabilities and a minimum patch would have held
    543 MB, a 10^6 px wide one 2.5 GB).  All outputs together now stay within HELD_ROWS_LIMIT, the smallest per pixel
    held first; the figure is the one formula the writer allocates by (computed here, nothing allocated)."""
    from model_core.models import build_model
    from model_core.predict import (HELD_ROWS_LIMIT, auto_tile, held_rows_bytes, held_rows_memory, held_rows_plan,
                                    run_outputs_per_px)

    net = build_model("caimnet", in_channels=4)
    tile = auto_tile(n_dates, net.multiple, 32, net.tile_memory_factor)
    core = max(t[3] for t in plan_tiles(width, 2000, tile, 32, net.multiple))
    plan = held_rows_plan(width, core, run_outputs_per_px(n_dates, probabilities=True, min_patch=4))
    assert sum(plan.values()) == held_rows_memory(width, core, n_dates, probabilities=True, min_patch=4)
    assert sum(plan.values()) <= HELD_ROWS_LIMIT
    assert plan["area"] in (0, held_rows_bytes(width, core, 1))
    assert held_rows_bytes(width, core, 1) == (255 + core) * width  # (up to 255 rows of an incomplete block row)
    if width == 6273:  # a full Landsat scene: everything held (144 MB at 8 dates)
        assert all(plan.values()), plan
    if 20000 <= width < 10 ** 6 and n_dates >= 10:
        assert plan["probabilities"] == 0 and plan["area"] and plan["confidence"], plan


def test_block_rows_allocate_what_the_formula_says(tmp_path):
    """_BlockRows allocates its rows once, held_rows_bytes of them (a GeoTIFF 20 000 px wide, never written)."""
    from model_core.predict import _BlockRows, _create, held_rows_bytes
    from model_core.stack import Grid

    ds = _create(str(tmp_path / "w.tif"), Grid("", 0.0, 0.0, 1.0, 1.0, 20000, 600), gdal.GDT_Float32, 2, -1.0, "p")
    rows = _BlockRows(ds, 200)
    rows.write(np.zeros((2, 200, 300), np.float32), 0, 0)
    assert rows.rows.nbytes == held_rows_bytes(20000, 200, 2 * 4)
    rows.write(np.zeros((2, 200, 300), np.float32), 300, 0)
    assert rows.rows.nbytes == held_rows_bytes(20000, 200, 2 * 4)
    del rows, ds


def _nodata_stack(tmp_path):
    """3 dates of 4 bands, 70 x 90 px, with changes and a strip that is nodata on the second date."""
    rng = np.random.default_rng(3)
    base = rng.uniform(100, 200, (4, 70, 90))
    dates = []
    for i in range(3):
        a = base + rng.normal(0, 3, base.shape)
        if i:
            a[:, 10 + 20 * i:25 + 20 * i, 20:60] += 300
        if i == 1:
            a[:, :, 80:] = -9999.0
        dates.append(write_tif(tmp_path / f"n_{2001 + i}.tif", a.astype(np.float32), nodata=-9999.0))
    return dates


def _without_folder(meta):
    return {k: v for k, v in meta.items() if k not in ("CAIM_OUTPUT_FOLDER", "CAIM_PROBABILITY_ENCODING")}


def test_probabilities_type_uint16_and_byte_store_the_float_file_scaled(tmp_path):
    """detect(probabilities_type=...): the default moment_probability.tif is float32 as always (-1 nodata, no scale,
    no encoding item, the same values as probabilities_type='float32'); uint16 and byte hold round(p x 65534) and
    round(p x 254), nodata 65535 and 255 exactly where the float file has -1, with GDAL's scale 1/65534 and 1/254:
    read back times the scale, within a step of the float file's values, in a smaller file; the other outputs as in
    the float run."""
    from model_core.predict import read_probabilities

    imgs = _nodata_stack(tmp_path)
    runs = {t: detect(imgs, out_dir=str(tmp_path / t), model="cva", tile=32, probabilities=True,
                      **({} if t == "default" else {"probabilities_type": t}))
            for t in ("default", "float32", "uint16", "byte")}
    ref = gdal.Open(runs["default"].paths["probabilities"])
    floats = ref.ReadAsArray()
    nodata = floats == -1
    assert ref.GetRasterBand(1).DataType == gdal.GDT_Float32 and ref.GetRasterBand(1).GetNoDataValue() == -1
    assert ref.GetRasterBand(1).GetScale() in (None, 1.0) and ref.GetMetadataItem("CAIM_PROBABILITY_ENCODING") is None
    assert nodata[:, :, 80:].all() and not nodata[:, :, :80].any()  # (the second date's strip)
    same = gdal.Open(runs["float32"].paths["probabilities"])
    np.testing.assert_array_equal(same.ReadAsArray(), floats)
    assert _without_folder(same.GetMetadata()) == _without_folder(ref.GetMetadata())
    sizes = {t: os.path.getsize(r.paths["probabilities"]) for t, r in runs.items()}
    for t, top, nd, gtype in (("uint16", 65534, 65535, gdal.GDT_UInt16), ("byte", 254, 255, gdal.GDT_Byte)):
        ds = gdal.Open(runs[t].paths["probabilities"])
        raw = ds.ReadAsArray()
        assert ds.RasterCount == ref.RasterCount
        assert ds.GetMetadataItem("CAIM_PROBABILITY_ENCODING") == f"{t}: p = value / {top} (0 .. {top}), {nd} nodata"
        assert _without_folder(ds.GetMetadata()) == _without_folder(ref.GetMetadata())
        for b in range(1, ds.RasterCount + 1):
            band = ds.GetRasterBand(b)
            assert band.DataType == gtype and band.GetNoDataValue() == nd
            assert band.GetScale() == pytest.approx(1.0 / top, rel=1e-12) and band.GetOffset() == 0.0
            assert band.GetDescription() == ref.GetRasterBand(b).GetDescription()
        np.testing.assert_array_equal(raw == nd, nodata)
        assert raw[~nodata].max() <= top
        scaled = raw[~nodata] * ds.GetRasterBand(1).GetScale()
        assert np.abs(scaled - floats[~nodata]).max() <= 1.0 / top
        back = read_probabilities(runs[t].paths["probabilities"])
        assert back.dtype == np.float32 and (back[nodata] == -1).all()
        assert np.abs(back - floats).max() <= 1.0 / top
        # a window from an offset to the edges (a size not given: GDAL's whole width or height overran the offset)
        np.testing.assert_array_equal(read_probabilities(runs[t].paths["probabilities"], xoff=3, yoff=2, xsize=5),
                                      back[:, 2:, 3:8])
        for key in ("area", "moment", "confidence"):
            np.testing.assert_array_equal(read_tif(runs[t].paths[key]), read_tif(runs["default"].paths[key]))
    assert sizes["byte"] < sizes["uint16"] < sizes["default"], sizes


def test_probabilities_type_refused_unknown_or_without_probabilities(tmp_path):
    """A probabilities type other than float32 for a run that writes no probabilities, or an unknown one, is refused
    before anything is written, saying what to do."""
    from model_core.predict import check_probabilities_type

    imgs = _nodata_stack(tmp_path)
    with pytest.raises(InputError, match="applies to moment_probability.tif, which this run does not write. "
                                         "Add --probabilities"):
        detect(imgs, out_dir=str(tmp_path / "a"), model="cva", probabilities_type="uint16")
    with pytest.raises(InputError, match="'float16' is not one of float32, uint16, byte"):
        detect(imgs, out_dir=str(tmp_path / "b"), model="cva", probabilities=True, probabilities_type="float16")
    for name in ("a", "b"):
        assert not (tmp_path / name).exists() or os.listdir(tmp_path / name) == []
    assert check_probabilities_type(None, written=False) == "float32"
    assert check_probabilities_type(" Byte ") == "byte"


def test_compact_probabilities_hold_and_take_less(tmp_path):
    """The rows held for the probabilities and the disk space estimated for them follow their type."""
    from model_core.predict import estimate_run, run_outputs_per_px

    assert run_outputs_per_px(6, True)["probabilities"] == 24
    assert run_outputs_per_px(6, True, probabilities_type="uint16")["probabilities"] == 12
    assert run_outputs_per_px(6, True, probabilities_type="byte")["probabilities"] == 6
    paths = {"probabilities": str(tmp_path / "moment_probability.tif")}
    need = {t: estimate_run(4000, 4000, 6, "cva", paths, device="cuda:0", probabilities_type=t)["disks"][0][1:3]
            for t in ("float32", "uint16", "byte")}
    assert need["byte"][0] < need["uint16"][0] < need["float32"][0]
    assert need["byte"][1] < need["uint16"][1] < need["float32"][1]


def test_the_estimate_writes_compact_probabilities_quicker(monkeypatch):
    """The estimate's write term counted every value of moment_probability.tif at the float32 file's cost whatever
    its type; uint16 and byte values were written in 0.42-0.49 and 0.34-0.62 of the float32's time on NAIP (the
    best of 5 writes of the same probabilities; tools/estimate_constants.py probabilities: medians 0.43 and 0.49).
    The probabilities' part of the estimate follows the type by that ratio (within 0.3-0.7: the spread of the real
    runs' ratios), and a float32 file is still counted, without overviews."""
    from model_core import predict

    monkeypatch.setattr(predict, "machine_speed", lambda: 1.0)
    monkeypatch.setattr(predict, "memory_speed", lambda: 1.0)
    paths = {"probabilities": "moment_probability.tif"}

    def est(w, h, t, kind=None):
        return predict.estimate_run(w, h, t, "cva", paths if kind else {}, probabilities_type=kind or "float32")["seconds"]

    for w, h, t in ((933, 722, 10), (2048, 2048, 6), (4096, 4096, 8)):
        plain = est(w, h, t)
        part = {kind: est(w, h, t, kind) - plain for kind in predict.PROBABILITY_TYPES}
        assert part["float32"] == pytest.approx(w * h * t * 7.4e-8, rel=0.05), (w, h, part)  # the values, no overviews
        for kind in ("uint16", "byte"):
            assert 0.3 < part[kind] / part["float32"] < 0.7, (w, h, t, kind, part)
