"""The command line: help, a successful run, and a clear message with no output for each bad input."""

import os
import re
import subprocess  # nosec B404 -- runs this project's own CLI in a test
import sys
import tempfile

import numpy as np
import pytest
from rasters import ROOT, UTM_CM, read_tif, write_tif

from model_core.cli import main


def _stack(tmp_path, n=3, bands=4, size=40, **kw):
    rng = np.random.default_rng(0)
    return [write_tif(tmp_path / f"img_{2001 + i}.tif", rng.integers(1, 3000, (bands, size, size)).astype(np.uint16),
                      **kw) for i in range(n)]


def _run(capsys, argv):
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def _assert_refused(capsys, tmp_path, argv, *needles):
    out_dir = tmp_path / "out"
    rc, out, err = _run(capsys, argv + ["--out", str(out_dir), "--quiet"])
    assert rc == 2, (out, err)
    assert "Traceback" not in err
    for n in needles:
        assert n in err, err
    assert not out_dir.exists() or os.listdir(out_dir) == []
    return err


def test_help_lists_every_option(capsys):
    with pytest.raises(SystemExit):
        main(["detect", "--help"])
    text = capsys.readouterr().out
    for opt in ("--out", "--model", "--dates", "--bands", "--weights", "--device", "--tile", "--overwrite",
                "--overlap", "--probabilities", "--probabilities-type", "--polygons", "--min-patch", "--fill-gaps", "--masks", "--mask-clear", "--quicklook", "--allow-huge", "change_moment.tif", "change_area.tif", "confidence.tif"):
        assert opt in text
    # what the help says matches what runs: the example's continued line keeps its backslash (it was
    # joined into one line with a gap), a 3-band input is read as 1,2,3,2 (it said "else all bands"),
    # the styles are listed, and --overwrite covers --polygons, --quicklook and --report too
    text = " ".join(text.split())
    assert "qa_2020.tif \\ qa_2021.tif" in text and "else all bands" not in text
    assert "as 1,2,3,2" in text and "change_moment.qml" in text and "--report files" in text
    # --fill-gaps fills from the next clear date where no earlier date is clear (it said the previous only)
    assert "previous clear date, or of the next where no earlier date is clear" in text


def test_detect_runs_and_summarises(capsys, tmp_path):
    imgs = _stack(tmp_path)
    rc, out, err = _run(capsys, ["detect", *imgs, "--out", str(tmp_path / "o"), "--dates",
                                 "2001-01-01,2002-01-01,2003-01-01"])
    assert rc == 0, err
    assert "2001-01-01 to 2002-01-01" in out and "Device    cpu" in out and "ha" in out
    tifs = sorted(f for f in os.listdir(tmp_path / "o") if f.endswith(".tif"))
    assert tifs == ["change_area.tif", "change_moment.tif", "confidence.tif"]
    assert not [f for f in os.listdir(tmp_path / "o") if f.startswith(".caim-partial")]
    assert "100%" in err  # progress reached the end
    # a second run refuses to overwrite, a run with --overwrite succeeds
    rc, _, err = _run(capsys, ["detect", *imgs, "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 2 and "already exists" in err and "--overwrite" in err
    rc, _, _ = _run(capsys, ["detect", *imgs, "--out", str(tmp_path / "o"), "--quiet", "--overwrite"])
    assert rc == 0


def test_detect_writes_polygons_and_quicklook(capsys, tmp_path, scenario):
    from osgeo import ogr

    imgs = scenario[0]
    gpkg, png = tmp_path / "changes.gpkg", tmp_path / "look.png"
    rc, out, err = _run(capsys, ["detect", *imgs, "--out", str(tmp_path / "o"), "--quiet", "--polygons", str(gpkg),
                                 "--quicklook", str(png)])
    assert rc == 0, err
    assert png.stat().st_size > 10000 and open(png, "rb").read(4) == b"\x89PNG"
    ds = ogr.Open(str(gpkg))  # keep the dataset alive while its layer is used
    layer = ds.GetLayer(0)
    moment = read_tif(tmp_path / "o" / "change_moment.tif")
    assert (moment > 0).sum() > 100 and layer.GetFeatureCount() > 0
    total = sum(f.GetField("area_m2") for f in layer)
    assert total == pytest.approx((moment > 0).sum() * 100.0 * UTM_CM)  # 10 m pixels, on the ground
    # an existing polygon file is refused before any work is done
    rc, _, err = _run(capsys, ["detect", *imgs, "--out", str(tmp_path / "o2"), "--quiet", "--polygons", str(gpkg)])
    assert rc == 2 and "already exists" in err and not (tmp_path / "o2").exists()


def test_the_outputs_listed_after_the_summary_line_up_in_every_language(capsys, tmp_path, monkeypatch):
    """The lines the command line adds to the summary's outputs (styles, polygons, report) kept the English column
    (13) in German and Spanish, where the outputs' names are longer ('Änderungszeitpunkt', 'momento del cambio'):
    'style' and its path stood left of the column. Each output's path starts at one column; English as before."""
    from model_core import i18n

    imgs = _stack(tmp_path)
    columns = {}
    for lang in ("en", "de", "es"):
        monkeypatch.setenv("CAIM_LANGUAGE", lang)
        before = i18n.set_language(None)
        try:
            out_dir = tmp_path / lang
            rc, out, err = _run(capsys, ["detect", *imgs, "--out", str(out_dir), "--model", "cva", "--quiet",
                                         "--polygons", str(out_dir / "p.gpkg"), "--report", str(out_dir / "r.html")])
        finally:
            i18n.set_language(before)
        assert rc == 0, err
        rows = [line for line in out.splitlines() if line.startswith("  ") and str(out_dir) in line]
        assert len(rows) == 7, out  # area, moment, confidence, 2 styles, polygons, report
        columns[lang] = {line.index(str(out_dir)) for line in rows}
        assert len(columns[lang]) == 1, (lang, "\n".join(rows))
        if lang == "en":
            assert "  style         %s" % (out_dir / "change_area.qml") in rows
            assert "  report        %s" % (out_dir / "r.html") in rows
    assert columns == {"en": {16}, "de": {21}, "es": {21}}


@pytest.mark.parametrize("extra,needles", [
    (["--quicklook", "{tmp}/mine.png"], ["already exists", "--overwrite"]),  # never replaced unasked
    (["--polygons", "{out}/change_area.tif"], ["is the change_area.tif raster this run writes"]),
    (["--polygons", "{tmp}/p.tif"], ["'.tif' is not a format", ".gpkg"]),
    (["--polygons", "{out}/change_moment.gpkg", "--report", "{out}/change_moment.gpkg"], ["name the same file"]),
    (["--quicklook", "{tmp}/look.xyz"], ["'.xyz' is not a format", ".png"]),
    (["--report", "{tmp}/a_folder"], ["is a folder"]),
])
def test_extra_outputs_are_checked_before_the_run(capsys, tmp_path, extra, needles):
    """--polygons, --quicklook and --report are checked before anything is written (they were checked,
    or not at all, after the rasters: a user's PNG was replaced, a raster became a GeoPackage)."""
    imgs = _stack(tmp_path)
    (tmp_path / "mine.png").write_bytes(b"mine")
    (tmp_path / "a_folder").mkdir()
    argv = [a.format(tmp=tmp_path, out=tmp_path / "out") for a in extra]
    _assert_refused(capsys, tmp_path, ["detect", *imgs, *argv], *needles)
    assert (tmp_path / "mine.png").read_bytes() == b"mine"


def test_polygons_as_shapefile_and_without_a_crs(capsys, tmp_path):
    """A Shapefile shortens date_before to date_befor: the polygons are still written, attributes and
    all; a grid without a CRS has no area in square metres (left empty, not the pixel count)."""
    from osgeo import gdal, ogr

    imgs = _stack(tmp_path)
    shp = tmp_path / "new_folder" / "p.shp"  # its folder is made after the run
    rc, _, err = _run(capsys, ["detect", *imgs, "--out", str(tmp_path / "o"), "--quiet", "--model", "cva",
                               "--polygons", str(shp)])
    assert rc == 0 and "Traceback" not in err, err
    ds = ogr.Open(str(shp))
    layer = ds.GetLayer(0)
    features = list(layer)
    assert {f.GetField("moment") for f in features} == {1, 2}
    assert all(f.GetField("date_befor") == str(2000 + f.GetField("moment")) for f in features)
    assert all(f.GetField("area_m2") > 0 for f in features)
    ds = None
    plain = []
    for i, path in enumerate(imgs):  # the same images without georeferencing
        src = gdal.Open(path)
        plain.append(str(tmp_path / f"plain_{2001 + i}.tif"))
        out = gdal.GetDriverByName("GTiff").Create(plain[-1], src.RasterXSize, src.RasterYSize, src.RasterCount,
                                                   src.GetRasterBand(1).DataType)
        out.WriteRaster(0, 0, src.RasterXSize, src.RasterYSize, src.ReadRaster())
        out = None
    gpkg = tmp_path / "plain.gpkg"
    rc, _, err = _run(capsys, ["detect", *plain, "--out", str(tmp_path / "p"), "--quiet", "--model", "cva",
                               "--polygons", str(gpkg)])
    assert rc == 0, err
    ds = ogr.Open(str(gpkg))
    features = list(ds.GetLayer(0))
    assert features and all(not f.IsFieldSet("area_m2") or f.IsFieldNull("area_m2") for f in features)


def test_fewer_than_two_images(capsys, tmp_path):
    imgs = _stack(tmp_path, n=1)
    _assert_refused(capsys, tmp_path, ["detect", *imgs], "at least 2 images")


def test_band_counts_differ(capsys, tmp_path):
    a = _stack(tmp_path, n=1)[0]
    b = write_tif(tmp_path / "five_bands_2002.tif", np.ones((5, 40, 40), np.uint16))
    err = _assert_refused(capsys, tmp_path, ["detect", a, b], "different numbers of bands", "five_bands_2002.tif")
    assert "--bands" in err


def test_band_selection_out_of_range(capsys, tmp_path):
    imgs = _stack(tmp_path, n=2)
    _assert_refused(capsys, tmp_path, ["detect", *imgs, "--bands", "1,2,3,9"], "band(s) 9 do not exist")


def test_disjoint_extents(capsys, tmp_path):
    a = _stack(tmp_path, n=1)[0]
    b = write_tif(tmp_path / "far_2002.tif", np.ones((4, 40, 40), np.uint16), origin=(600000.0, 5200000.0))
    _assert_refused(capsys, tmp_path, ["detect", a, b], "do not overlap", "far_2002.tif")
    # most inputs share a place and one, the first, lies elsewhere: that one is named (an audit: the
    # message listed every extent)
    far = write_tif(tmp_path / "far_2000.tif", np.ones((4, 40, 40), np.uint16), origin=(600000.0, 5200000.0))
    _assert_refused(capsys, tmp_path, ["detect", far, *_stack(tmp_path, n=3)],
                    "Some inputs lie elsewhere: input 1 'far_2000.tif'", "does not overlap the other inputs")


def test_truncated_file(capsys, tmp_path):
    imgs = _stack(tmp_path, n=2, size=300, options=("COMPRESS=NONE",))
    data = open(imgs[1], "rb").read()
    with open(imgs[1], "wb") as f:
        f.write(data[: len(data) // 2])
    _assert_refused(capsys, tmp_path, ["detect", *imgs], "img_2002.tif")


def test_not_a_raster(capsys, tmp_path):
    a = _stack(tmp_path, n=1)[0]
    b = tmp_path / "notes_2002.tif"
    b.write_text("this is not an image")
    _assert_refused(capsys, tmp_path, ["detect", a, str(b)], "notes_2002.tif", "cannot be read")


def test_all_nodata_raster(capsys, tmp_path):
    a = _stack(tmp_path, n=1)[0]
    b = write_tif(tmp_path / "empty_2002.tif", np.zeros((4, 40, 40), np.uint16), nodata=0)
    _assert_refused(capsys, tmp_path, ["detect", a, b], "empty_2002.tif", "no valid pixel")


def test_nan_and_inf_values(capsys, tmp_path):
    a = write_tif(tmp_path / "a_2001.tif", np.ones((4, 40, 40), np.float32))
    arr = np.ones((4, 40, 40), np.float32)
    arr[2, 5, 7] = np.inf
    b = write_tif(tmp_path / "b_2002.tif", arr)
    _assert_refused(capsys, tmp_path, ["detect", a, b], "b_2002.tif", "infinite values", "nodata")



def test_nan_not_marked_as_nodata_is_read_as_nodata_with_a_warning(capsys, tmp_path):
    """NaN in a float band without a nodata value: those pixels are nodata in every output (as QGIS draws
    them empty and evaluate reads them), the run says so; a date that is all NaN is refused."""
    from osgeo import gdal

    rng = np.random.default_rng(0)
    a = write_tif(tmp_path / "a_2001.tif", rng.random((4, 40, 40), np.float32))
    arr = rng.random((4, 40, 40), np.float32)
    arr[1, 5:9, 7:12] = np.nan  # one band is enough
    b = write_tif(tmp_path / "b_2002.tif", arr)
    out = tmp_path / "run"
    assert main(["detect", a, b, "--out", str(out), "--model", "cva", "--quiet"]) == 0
    text = capsys.readouterr().out
    assert "input 2 'b_2002.tif' has NaN values not marked as nodata" in text
    area = gdal.Open(str(out / "change_area.tif")).ReadAsArray()
    assert (area[5:9, 7:12] == 255).all()
    assert (area != 255).sum() == 40 * 40 - 20
    d = write_tif(tmp_path / "d_2002.tif", np.nan_to_num(arr, nan=0.5))
    assert main(["detect", a, d, "--out", str(tmp_path / "o2"), "--model", "cva", "--quiet"]) == 0
    assert "NaN" not in capsys.readouterr().out
    c = write_tif(tmp_path / "c_2002.tif", np.full((4, 40, 40), np.nan, np.float32))
    _assert_refused(capsys, tmp_path, ["detect", a, c], "c_2002.tif", "no valid pixel", "NaN")



def test_single_band_images_point_to_the_classical_methods(capsys, tmp_path):
    """A single-band (SAR-like) pair: the networks refuse it naming the classical methods, which run."""
    imgs = _stack(tmp_path, n=2, bands=1)
    _assert_refused(capsys, tmp_path, ["detect", *imgs], "img_2001.tif", "have 1", "--model cva")
    rc, out, err = _run(capsys, ["detect", *imgs, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 0, err


def test_folder_of_band_files_as_input(capsys, tmp_path):
    """OSCD-style dates stored as a folder of per-band files: a specific message on how to stack them."""
    for d in ("imgs_1", "imgs_2"):
        (tmp_path / d).mkdir()
        for band in ("B02", "B03", "B04", "B08"):
            write_tif(tmp_path / d / f"{band}.tif", np.ones((20, 20), np.uint16))
    _assert_refused(capsys, tmp_path, ["detect", str(tmp_path / "imgs_1"), str(tmp_path / "imgs_2")],
                    "imgs_1' is a folder", "model_core stackbands")


def test_undated_png_pair_without_georeferencing(capsys, tmp_path):
    """A LEVIR-CD / WHU-CD style pair: 8-bit RGB PNGs, no CRS, no date in the names (A/test_1.png,
    B/test_1.png).  Both models run, the changed square is found and the summary says the dates are unknown."""
    from osgeo import gdal

    rng = np.random.default_rng(4)
    a = np.repeat(np.repeat(rng.integers(40, 120, (3, 16, 16)), 4, axis=1), 4, axis=2)
    b = np.clip(a + rng.normal(0, 2, a.shape), 0, 255)
    b[:, 20:40, 24:44] = rng.integers(180, 230, (3, 20, 20))
    paths = []
    for folder, arr in (("A", a), ("B", b)):
        (tmp_path / folder).mkdir()
        mem = gdal.GetDriverByName("MEM").Create("", 64, 64, 3, gdal.GDT_Byte)
        for k in range(3):
            mem.GetRasterBand(k + 1).WriteArray(arr[k].astype(np.uint8))
        paths.append(str(tmp_path / folder / "test_1.png"))
        gdal.GetDriverByName("PNG").CreateCopy(paths[-1], mem)
    for model in ("caimnet", "cva"):
        rc, out, err = _run(capsys, ["detect", *paths, "--model", model, "--out", str(tmp_path / model), "--quiet"])
        assert rc == 0, err
        assert "Dates     2: unknown, unknown (not found in the file names or metadata" in out
        assert "(no CRS: area unknown)" in out
    area = read_tif(tmp_path / "cva" / "change_area.tif")
    assert area[20:40, 24:44].mean() > 0.9 and area.sum() - area[20:40, 24:44].sum() < 20


def test_corrupt_weights(capsys, tmp_path):
    imgs = _stack(tmp_path, n=2)
    w = tmp_path / "weights.pt"
    w.write_bytes(b"\x80\x02garbage")
    _assert_refused(capsys, tmp_path, ["detect", *imgs, "--weights", str(w)], "weights.pt", "cannot be read safely")


def test_module_entry_point_exit_code(tmp_path):
    """``python -m model_core`` as a user runs it: message on stderr, exit status 2, no traceback."""
    env = dict(os.environ, PYTHONPATH=ROOT)
    p = subprocess.run([sys.executable, "-m", "model_core", "detect", str(tmp_path / "missing.tif"),  # nosec B603
                        str(tmp_path / "missing2.tif"), "--out", str(tmp_path / "o")],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert p.returncode == 2
    assert "does not exist" in p.stderr and "Traceback" not in p.stderr


def test_sensitivity_out_of_range(capsys, tmp_path):
    imgs = _stack(tmp_path, n=2)
    _assert_refused(capsys, tmp_path, ["detect", *imgs, "--sensitivity", "4"], "Sensitivity 4 is outside -3 .. 3")


def test_min_patch_out_of_range(capsys, tmp_path):
    imgs = _stack(tmp_path, n=2)
    _assert_refused(capsys, tmp_path, ["detect", *imgs, "--model", "cva", "--min-patch", "-2"],
                    "Minimum change patch '-2'")


def test_min_patch_shrinks_the_polygons(capsys, tmp_path, scenario):
    from osgeo import ogr

    imgs = scenario[0]
    counts = {}
    for m in (0, 6):
        gpkg = tmp_path / f"c{m}.gpkg"
        rc, out, err = _run(capsys, ["detect", *imgs, "--model", "cva", "--out", str(tmp_path / f"o{m}"), "--quiet",
                                     "--min-patch", str(m), "--polygons", str(gpkg)])
        assert rc == 0, err
        ds = ogr.Open(str(gpkg))
        areas = [f.GetField("area_m2") for f in ds.GetLayer(0)]
        counts[m] = len(areas), sum(areas)
        moment = read_tif(tmp_path / f"o{m}" / "change_moment.tif")
        assert sum(areas) == pytest.approx((moment > 0).sum() * 100.0 * UTM_CM)  # polygons follow the sieved moment
        assert ("Patches   at least 6 px" in out) == bool(m)
    assert 0 < counts[6][0] < counts[0][0] and counts[6][1] < counts[0][1]


def test_model_auto_is_the_plugins_choice(capsys, tmp_path):
    """--model auto resolves with model_core.models.default_model (Classical ISFA for two dates by rule Y3 of the
    model card, CAIM-Net + ISFA for more by rule H, and for two with a --weights file, which it then uses); the
    summary names the model that ran."""
    from model_core.models import default_model

    imgs = _stack(tmp_path, n=3, size=24)
    weights = os.path.join(ROOT, "resources", "weights", "caimnet_rgbn.pt")
    for n, extra in ((2, []), (3, []), (2, ["--weights", weights])):
        rc, out, err = _run(capsys, ["detect", *imgs[:n], "--model", "auto", "--out",
                                     str(tmp_path / f"a{n}{len(extra)}"), "--quiet", *extra])
        assert rc == 0, err
        assert f"Model     {default_model(n, extra[-1] if extra else None)} " in out, out
        assert ("caimnet_rgbn.pt" in out) == bool(extra or n > 2), out   # (the weights line of a network's run)
    assert default_model(2) == "isfa" and default_model(3) == default_model(9) == "caimnet_isfa"
    assert default_model(2, weights) == "caimnet_isfa"


def test_model_auto_runs_isfa_on_imagery_the_networks_cannot_read(capsys, tmp_path):
    """--model auto (the default of the dialog and Processing) on imagery the networks cannot read was refused
    with a message to choose CVA or ISFA: a 3-band red, NIR, SWIR1 file, a single-band pair, a 4-band file
    whose names lack blue. It runs Classical ISFA (the model card has it ahead of the CVA on nearly every
    check) and says so in the summary, the report and the outputs' metadata; CAIM_MODEL names what ran. A
    network chosen by name is still refused, and 4-band R, G, B, NIR inputs keep the network's choice."""
    from osgeo import gdal

    from model_core.models import AUTO_FALLBACK, default_model

    assert AUTO_FALLBACK == "isfa"
    rng = np.random.default_rng(1)
    base = rng.integers(500, 3000, (3, 32, 32)).astype(np.float32)
    rns, one, swir = [], [], []
    for i in range(3):
        a = base + rng.normal(0, 20, base.shape).astype(np.float32)
        if i == 2:
            a[:, 8:20, 8:20] += 900
        rns.append(write_tif(tmp_path / f"rns_{2019 + i}.tif", a, names=["red", "nir", "swir1"]))
        one.append(write_tif(tmp_path / f"one_{2019 + i}.tif", a[0]))
        swir.append(write_tif(tmp_path / f"sw_{2019 + i}.tif", np.concatenate([a, a[:1]]),
                              names=["swir1", "nir", "red", "green"]))
    weights = os.path.join(ROOT, "resources", "weights", "caimnet_rgbn.pt")
    # (a pair runs ISFA by default; with a weights file the choice is a network, which cannot read one band)
    for imgs, network, extra in ((rns, default_model(3), []), (one[1:], default_model(2, weights), ["--weights", weights]),
                                 (swir, default_model(3), [])):
        out_dir = tmp_path / ("o_" + os.path.basename(imgs[0]))
        rc, out, err = _run(capsys, ["detect", *imgs, "--model", "auto", "--out", str(out_dir), "--quiet",
                                     "--report", str(out_dir) + ".html", *extra])
        assert rc == 0, err
        assert "Model     isfa (classical, no weights)" in out, out
        line = next(x for x in out.splitlines() if x.startswith("Automatic "))
        assert line.startswith(f"Automatic Classical ISFA (isfa), not {network}: the networks cannot read these "
                               "inputs' bands ("), line
        meta = gdal.Open(str(out_dir / "change_moment.tif")).GetMetadata()
        assert meta["CAIM_MODEL"] == "isfa", meta
        assert meta["CAIM_MODEL_NOTE"].startswith("automatic choice: Classical ISFA (isfa), not "), meta
        with open(str(out_dir) + ".html", encoding="utf-8") as f:
            assert "Automatic choice" in f.read()
    # chosen by name: refused, with the advice to choose CVA or ISFA
    for model in ("caimnet", "caimnet_isfa"):
        _assert_refused(capsys, tmp_path, ["detect", *rns, "--model", model], "no green and no blue band",
                        "choose CVA or ISFA")
    _assert_refused(capsys, tmp_path, ["detect", *one[1:], "--model", "caimnet_cva"], "CVA or ISFA")
    # a band mapping the networks cannot read: auto runs ISFA too, as Processing (which gives each date its bands)
    # did; it was refused here while the dialog promised the network (loose37)
    rc, out, err = _run(capsys, ["detect", *rns, "--model", "auto", "--bands", "1,2,3", "--out", str(tmp_path / "m"),
                                 "--quiet"])
    assert rc == 0 and "Model     isfa (classical, no weights)" in out, (out, err)
    assert "the band mapping 1,2,3 is read as red, green, blue" in out and "band 2 'nir'" in out, out
    _assert_refused(capsys, tmp_path, ["detect", *rns, "--model", "caimnet", "--bands", "1,2,3"],
                    "the band mapping 1,2,3 is read as red, green, blue", "band 3 'swir1' (none of R, G, B, NIR)",
                    "choose CVA or ISFA")
    # a pair without a weights file: Classical ISFA is the choice itself, no note
    rc, out, err = _run(capsys, ["detect", *one[1:], "--model", "auto", "--out", str(tmp_path / "one"), "--quiet"])
    assert rc == 0 and "Model     isfa (classical, no weights)" in out and "Automatic" not in out, (out, err)
    assert "CAIM_MODEL_NOTE" not in gdal.Open(str(tmp_path / "one" / "change_moment.tif")).GetMetadata()
    # inputs the networks read: the choice for the number of dates, and no note
    imgs = _stack(tmp_path, n=3, size=24)
    rc, out, err = _run(capsys, ["detect", *imgs, "--model", "auto", "--out", str(tmp_path / "rgbn"), "--quiet"])
    assert rc == 0 and f"Model     {default_model(3)} " in out and "Automatic" not in out, (out, err)
    meta = gdal.Open(str(tmp_path / "rgbn" / "change_moment.tif")).GetMetadata()
    assert meta["CAIM_MODEL"] == default_model(3) and "CAIM_MODEL_NOTE" not in meta


def test_a_threshold_given_for_auto_follows_the_model_that_runs(capsys, tmp_path):
    """--model auto --threshold kittler was refused as for a network even where the automatic choice runs
    Classical ISFA (imagery the networks cannot read), so the minimum-error threshold needed --model isfa. It
    applies there now, as with isfa chosen by name; where auto runs a network it is refused, saying so."""
    from osgeo import gdal

    rng = np.random.default_rng(1)
    base = rng.integers(500, 3000, (3, 32, 32)).astype(np.float32)
    rns = []
    for i in range(3):
        a = base + rng.normal(0, 20, base.shape).astype(np.float32)
        if i == 2:
            a[:, 8:20, 8:20] += 900
        rns.append(write_tif(tmp_path / f"rns_{2019 + i}.tif", a, names=["red", "nir", "swir1"]))
    rc, out, err = _run(capsys, ["detect", *rns, "--model", "auto", "--threshold", "kittler", "--out",
                                 str(tmp_path / "o"), "--quiet"])
    assert rc == 0, err
    meta = gdal.Open(str(tmp_path / "o" / "change_moment.tif")).GetMetadata()
    assert meta["CAIM_MODEL"] == "isfa" and meta["CAIM_THRESHOLD"].startswith("kittler "), meta
    imgs = _stack(tmp_path, n=3, size=24)  # R, G, B, NIR: the network runs
    _assert_refused(capsys, tmp_path, ["detect", *imgs, "--model", "auto", "--threshold", "kittler"],
                    "the automatic choice runs 'caimnet_isfa' on these images", "Choose --model cva or isfa")
    # two dates: Classical ISFA runs (rule Y3), kittler applies; with --weights a network runs, and the refusal
    # says so (it said isfa runs only on imagery the networks cannot read)
    rc, out, err = _run(capsys, ["detect", *imgs[:2], "--model", "auto", "--threshold", "kittler", "--out",
                                 str(tmp_path / "pair"), "--quiet"])
    assert rc == 0, err
    meta = gdal.Open(str(tmp_path / "pair" / "change_moment.tif")).GetMetadata()
    assert meta["CAIM_MODEL"] == "isfa" and meta["CAIM_THRESHOLD"].startswith("kittler "), meta
    weights = os.path.join(ROOT, "resources", "weights", "caimnet_rgbn.pt")
    _assert_refused(capsys, tmp_path, ["detect", *imgs[:2], "--model", "auto", "--threshold", "kittler", "--weights",
                                       weights], "the automatic choice runs 'caimnet_isfa' on these images",
                    "it runs isfa for two dates without --weights, and on imagery they cannot read")


def test_demo_runs_the_automatic_choice(capsys, tmp_path):
    """`make demo`'s command on the bundled synthetic sample: the automatic choice runs with the bundled
    weights, its accuracy against the sample's truth is printed next to CVA's and is far from chance,
    and the quicklook is written."""
    from model_core.models import default_model

    rc, out, err = _run(capsys, ["demo", "--out", str(tmp_path / "demo"), "--no-real"])
    assert rc == 0, err
    assert f"Model     {default_model(6)} (caimnet_rgbn.pt)" in out
    row = next(line for line in out.splitlines() if line.startswith("CAIM-Net + ISFA "))
    assert float(row.split()[-1]) > 0.4  # area kappa on the sample (0.51 measured; chance is 0)
    assert "CVA + Otsu baseline" in out and "UNTRAINED" not in out
    assert os.path.getsize(tmp_path / "demo" / "sample_quicklook.png") > 10000


def test_fill_gaps_flag(capsys, tmp_path):
    rng = np.random.default_rng(1)
    imgs = []
    for i in range(3):
        a = rng.integers(100, 3000, (4, 40, 40)).astype(np.uint16)
        if i == 1:
            a[:, 0:10, 0:8] = 0  # masked on the middle date
        imgs.append(write_tif(tmp_path / f"c_{2001 + i}.tif", a, nodata=0))
    for flag, nodata_px in (([], 80), (["--fill-gaps"], 0)):
        out = tmp_path / ("f" if flag else "p")
        rc, text, err = _run(capsys, ["detect", *imgs, "--model", "cva", "--out", str(out), "--quiet", *flag])
        assert rc == 0, err
        assert int((read_tif(out / "change_moment.tif") == 255).sum()) == nodata_px
        assert ("Gaps      80 px with masked dates filled" in text) == bool(flag)


def test_report_flag_writes_a_chart_and_table(capsys, tmp_path, scenario):
    """--report: one HTML page with a bar per interval (in the moment colours) whose hectares are the
    summary's; an existing report is refused before anything runs."""
    import re

    paths, _ = scenario
    report = tmp_path / "run.html"
    rc, out, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet",
                                 "--report", str(report)])
    assert rc == 0, err
    page = report.read_text(encoding="utf-8")
    labels = re.findall(r"^  (\S.*?)\s{2,}([\d.]+) ha$", out, re.M)
    assert len(labels) == len(paths) - 1
    assert page.count("<rect ") == len(paths) - 1
    for label, ha in labels:
        assert f"<title>{label}: {float(ha):.2f} ha</title>" in page
    assert "cva (classical method, no weights)" in page and "change_moment.tif" in page
    assert "rgb(255,237,111)" in page  # the first interval's colour of the moment layer
    # the map's areas are biased either way (README, Limitations: Pucallpa under half, NAIP too much)
    assert "miss more change" not in page and "either way" in page
    rc, _, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(tmp_path / "o2"), "--quiet",
                               "--report", str(report)])
    assert rc == 2 and "run.html' already exists" in err and not (tmp_path / "o2").exists()


def test_a_run_leaves_only_the_documented_files_and_its_aux_xml_hold_class_names_not_statistics(capsys, tmp_path,
                                                                                                scenario):
    """The output folder holds the files of README's output table and nothing else.  change_area.tif.aux.xml and
    change_moment.tif.aux.xml are among them: they hold the class names (GeoTIFF has no place for category names,
    GDAL keeps them in the side file), which QGIS uses as the classes' labels when a map is loaded without its .qml
    (without them: 0, 1, 2 ...); the engine computes no statistics, so they hold none."""
    paths, _ = scenario
    out = tmp_path / "o"
    rc, _, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(out), "--quiet"])
    assert rc == 0, err
    assert sorted(os.listdir(out)) == ["change_area.qml", "change_area.tif", "change_area.tif.aux.xml",
                                       "change_moment.qml", "change_moment.tif", "change_moment.tif.aux.xml",
                                       "confidence.tif"]
    for name in ("change_area.tif.aux.xml", "change_moment.tif.aux.xml"):
        text = (out / name).read_text()
        assert "<CategoryNames>" in text and "STATISTICS_" not in text and "Histograms" not in text, text


def test_overwrite_leaves_nothing_of_the_earlier_run(capsys, tmp_path, scenario):
    """--overwrite into a folder of an earlier run: its moment_probability.tif (this run writes none),
    the statistics that gdalinfo -stats or QGIS left in confidence.tif.aux.xml and external pyramids
    (.ovr) would pass for the new run's (an output audit: a 14-band probability file beside a 4-date
    map, the old mean in the stretch).  A style left without its raster is kept, with a warning."""
    paths, _ = scenario
    out = tmp_path / "o"
    rc, _, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(out), "--quiet", "--probabilities"])
    assert rc == 0, err and (out / "moment_probability.tif").exists()
    (out / "confidence.tif.aux.xml").write_text("<PAMDataset><Metadata><MDI key='STATISTICS_MEAN'>0.8693</MDI>"
                                                "</Metadata></PAMDataset>")
    (out / "change_area.tif.ovr").write_bytes(b"old pyramids")
    rc, out_text, err = _run(capsys, ["detect", *paths[:3], "--model", "cva", "--out", str(out), "--quiet",
                                      "--overwrite"])
    assert rc == 0, err
    names = sorted(os.listdir(out))
    assert "moment_probability.tif" not in names and "change_area.tif.ovr" not in names, names
    assert "confidence.tif.aux.xml" not in names, names
    assert "Warning: kept" not in out_text
    for name in ("change_area.tif", "change_moment.tif", "confidence.tif"):
        os.remove(out / name)
    rc, out_text, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(out), "--quiet"])
    assert rc == 0, err
    assert "Warning: kept the existing style" in out_text and "change_moment.qml" in out_text
    assert (out / "change_moment.qml").read_text().count("<paletteEntry") == 3  # kept: the 3-date run's


def test_report_lists_the_polygons_version_and_crs(capsys, tmp_path, scenario):
    from model_core import __version__

    paths, _ = scenario
    report, gpkg = tmp_path / "r.html", tmp_path / "p.gpkg"
    rc, _, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet",
                               "--report", str(report), "--polygons", str(gpkg)])
    assert rc == 0, err
    page = report.read_text(encoding="utf-8")
    assert f"<li>polygons: {gpkg}</li>" in page and f"CAIM change detection {__version__}" in page
    assert "UTM zone 33N (EPSG:32633)" in page


def test_report_without_a_crs(capsys, tmp_path):
    """Images without a CRS: the report says the area is unknown instead of drawing NaN bars."""
    imgs = _stack(tmp_path, geo=False)
    report = tmp_path / "r.html"
    rc, out, err = _run(capsys, ["detect", *imgs, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet",
                                 "--report", str(report)])
    assert rc == 0, err
    page = report.read_text(encoding="utf-8")
    assert "unknown: no CRS" in page and "nan" not in page.lower().replace("nan-", "")
    assert "area unknown (no CRS)" in page and "0.00 ha" not in page
    assert page.count("n/a") >= 2


def _report_images(page):
    """The report's inline images as (caption, GDAL array (bands, h, w)), in page order."""
    import base64
    import uuid

    from osgeo import gdal

    out = []
    for mime, data, caption in re.findall(r'<img src="data:(image/\w+);base64,([A-Za-z0-9+/=]+)" alt="([^"]*)"', page):
        path = f"/vsimem/test_{uuid.uuid4().hex}"
        gdal.FileFromMemBuffer(path, base64.b64decode(data))
        try:
            out.append((caption, mime, gdal.Open(path).ReadAsArray()))
        finally:
            gdal.Unlink(path)
    return out


def test_report_draws_the_map(capsys, tmp_path, scenario):
    """--report shows where: the first and last date side by side and the change moment over the last date,
    inline (the page stays one file). The moment picture has each changed pixel in its interval's colour of
    the moment layer, exactly (PNG; the 168 x 136 grid is drawn pixel for pixel), grey where unchanged and
    white where the map has no data."""
    from model_core.predict import moment_colours

    paths, _ = scenario
    report = tmp_path / "run.html"
    rc, out, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet",
                                 "--report", str(report)])
    assert rc == 0, err
    page = report.read_text(encoding="utf-8")
    assert "<h3>Map</h3>" in page and "could not be drawn" not in page
    pictures = _report_images(page)
    assert [m for _, m, _ in pictures] == ["image/jpeg", "image/jpeg", "image/png"]
    assert pictures[0][0].startswith("First date: ") and "bands 1, 2, 3 as red, green, blue" in pictures[0][0]
    assert pictures[1][0].startswith("Last date: ")
    moment = read_tif(tmp_path / "o" / "change_moment.tif")
    img = pictures[2][2]
    assert img.shape == (3,) + moment.shape
    colours = moment_colours(len(paths) - 1)
    for k in range(1, len(paths)):
        hit = moment == k
        assert hit.any()
        assert (img[:, hit] == np.array(colours[k][:3])[:, None]).all(), k
    grey = img[:, moment == 0]
    assert (grey[0] == grey[1]).all() and (grey[1] == grey[2]).all() and 60 < grey.mean() < 230
    assert (img[:, moment == 255] == 255).all()
    half = pictures[0][2]
    assert half.shape[0] == 3 and half.shape[2] <= 364 and abs(half.shape[1] / half.shape[2] - 136 / 168) < 0.02


def test_report_map_of_a_large_grid_is_decimated_and_nodata_white(capsys, tmp_path):
    """A grid wider than the page is drawn decimated to the page's width; a date's nodata is white in its
    picture; a single-band series is shown in grey (named so)."""
    rng = np.random.default_rng(3)
    base = rng.integers(1000, 2000, (1, 300, 1600))
    paths = []
    for i in range(3):
        a = (base + rng.normal(0, 10, base.shape)).astype(np.uint16)
        a[0, :, :400] = 0  # nodata on the left quarter
        if i == 2:
            a[0, 100:200, 800:1000] = 5000
        paths.append(write_tif(tmp_path / f"p_{2001 + i}.tif", a, nodata=0))
    report = tmp_path / "r.html"
    rc, out, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet",
                                 "--report", str(report)])
    assert rc == 0, err
    pictures = _report_images(report.read_text(encoding="utf-8"))
    first, last, moment = (p[2] for p in pictures)
    assert moment.shape[2] == 740 and abs(moment.shape[1] - 740 * 300 / 1600) <= 1
    assert (moment[:, :, :180] == 255).all() and (moment[:, :, 190:] != 255).any()
    assert (first[:, :, :80] > 245).all()  # JPEG: white within its rounding
    assert "band 1 in grey" in pictures[0][0]
    changed = (moment[0] != moment[1]) | (moment[1] != moment[2])  # a moment colour (not white, not grey)
    ys, xs = np.nonzero(changed)
    assert changed.sum() > 200 and 740 * 800 / 1600 - 5 <= np.median(xs) <= 740 * 1000 / 1600 + 5


def test_report_without_its_imagery_says_the_map_could_not_be_drawn(tmp_path, scenario):
    """When the inputs are gone by the time the report is written, the report is written without the map
    and says why, instead of failing the run."""
    from model_core.predict import detect
    from model_core.report import write_report

    paths, _ = scenario
    res = detect(paths, out_dir=str(tmp_path / "o"), model="cva")
    page = tmp_path / "r.html"
    write_report(res, str(page), imagery={"images": [str(tmp_path / "gone_2001.tif"), *paths[1:]]})
    text = page.read_text(encoding="utf-8")
    assert "The map could not be drawn" in text and "gone_2001.tif" in text and "<img" not in text
    assert "<rect " in text  # the rest of the report is there


def test_quicklook_shows_a_bgr_file_in_true_colour(tmp_path):
    """A 3-band file stored blue, green, red (band names say so) is shown with red as red in the quicklook:
    the left half of the scene is red and the right half blue, in the first panel."""
    from osgeo import gdal

    rng = np.random.default_rng(0)
    red, blue = np.full((64, 64), 20.0), np.full((64, 64), 20.0)
    red[:, :32], blue[:, 32:] = 230.0, 230.0
    paths = []
    for name in ("a_2019.tif", "b_2020.tif"):
        bgr = np.stack([blue, np.full((64, 64), 20.0), red]) + rng.normal(0, 2, (3, 64, 64))
        paths.append(write_tif(tmp_path / name, bgr.clip(0, 255).astype(np.uint8), names=["Blue", "Green", "Red"]))
    png = str(tmp_path / "q.png")
    assert main(["detect", *paths, "--model", "cva", "--out", str(tmp_path / "out"), "--quiet", "--quicklook", png]) == 0
    img = gdal.Open(png).ReadAsArray()[:3].astype(int)  # (3, H, W) RGB
    panel = img[:, :, : img.shape[2] // 4]  # the first of four panels: the first date
    reddish = (panel[0] > 180) & (panel[1] < 80) & (panel[2] < 80)
    bluish = (panel[2] > 180) & (panel[0] < 80) & (panel[1] < 80)
    assert reddish.sum() > 500 and bluish.sum() > 500
    assert np.argwhere(reddish)[:, 1].mean() < np.argwhere(bluish)[:, 1].mean()  # red on the left


# ------------------------------------------- evaluate on bi-temporal benchmarks in their original layouts

def _area_row(out, label):
    """(pixels, kappa) of ``label``'s row of the change-area table."""
    row = next(line for line in out.splitlines() if line[:28].strip() == label)
    fields = row[28:].split()
    return int(fields[0]), float(fields[5])


def test_evaluate_pairs_levir_layout(capsys, tmp_path):
    """evaluate --dataset pairs on LEVIR-CD's layout (test/A, B, label PNGs, 0/255 labels; one tile
    unchanged, one with a pasted square): CVA finds the square (kappa > 0.8) on exactly the tiles'
    pixels, as the baseline does; --split and --samples pick the tiles."""
    from tests.fixtures import layouts

    layouts.write_pairs(str(tmp_path / "LEVIR-CD"))
    layouts.write_pairs(str(tmp_path / "LEVIR-CD"), split="train", names=("train_1",))
    common = ["evaluate", "--dataset", "pairs", "--root", str(tmp_path / "LEVIR-CD"), "--model", "cva",
              "--threads", "1"]
    rc, out, err = _run(capsys, common + ["--split", "test"])
    assert rc == 0, err
    assert "Dataset: pairs (real labels, split test), 2 series, T = [2]" in out
    pixels, kappa = _area_row(out, "CVA")
    assert pixels == 2 * 64 * 64 and kappa > 0.8, out
    assert "CVA + Otsu baseline" not in out  # the model is the baseline itself: one row, not two
    assert "Change moment" not in out  # two dates: the moment is the area
    rc, out, err = _run(capsys, common + ["--samples", "1"])
    assert rc == 0, err
    assert "1 series" in out and _area_row(out, "CVA")[0] == 64 * 64
    rc, out, err = _run(capsys, common)  # both splits
    assert rc == 0 and "3 series" in out and _area_row(out, "CVA")[0] == 3 * 64 * 64


def test_evaluate_by_distance_counts_every_area_error_once(capsys, tmp_path):
    """evaluate --by-distance: the table of area errors by distance to the reference's boundary; each row's
    pixels are exactly the false and the missed change of the area table (precision and recall give them back),
    its shares add up to 1; ISFA's 3 x 3 context puts its false change one pixel from the square."""
    from tests.fixtures import layouts

    layouts.write_pairs(str(tmp_path / "LEVIR-CD"))
    rc, out, err = _run(capsys, ["evaluate", "--dataset", "pairs", "--root", str(tmp_path / "LEVIR-CD"),
                                 "--model", "isfa", "--threads", "1", "--by-distance"])
    assert rc == 0, err
    line = next(x for x in out.splitlines() if x.startswith("ISFA"))
    oa, prec, recall = (float(v) for v in line.split()[2:5])
    pixels = int(line.split()[1])
    rows = {x.split()[1]: x.split() for x in out.splitlines()
            if x.startswith("ISFA") and x.split()[1] in ("false", "missed")}
    assert set(rows) == {"false", "missed"}, out
    fp, fn = int(rows["false"][3]), int(rows["missed"][3])
    wrong = round((1 - oa) * pixels)
    assert abs(fp + fn - wrong) <= 1, (fp, fn, wrong)
    # the tile's pasted square: ISFA's 3 x 3 context calls a ring one pixel wide around it changed, the CVA (per
    # pixel) nothing more
    assert fp > 0 and fn == 0 and float(rows["false"][4]) == 1.0, out
    assert prec < 1 and recall == 1.0, out
    for kind in rows.values():
        shares = [float(v) for v in kind[4:]]
        assert len(shares) == 5 and (sum(shares) == 0 or abs(sum(shares) - 1) < 0.01), kind
    rc, out, err = _run(capsys, ["evaluate", "--dataset", "pairs", "--root", str(tmp_path / "LEVIR-CD"),
                                 "--model", "isfa", "--threads", "1"])
    assert rc == 0 and "by distance" not in out   # only when asked: the usual output unchanged


def test_evaluate_oscd_layout(capsys, tmp_path):
    """evaluate --dataset oscd: the test city (product-named band files, cm.png) and both cities; a
    classical method (and so the baseline) also reads B05-B07, B8A, B11, B12 as the engine would, a
    network R, G, B, NIR only."""
    import argparse

    from model_core.evaluate import _series_for
    from tests.fixtures import layouts

    layouts.write_oscd(str(tmp_path))
    common = ["evaluate", "--dataset", "oscd", "--root", str(tmp_path), "--model", "cva", "--threads", "1"]
    rc, out, err = _run(capsys, common + ["--split", "test"])
    assert rc == 0, err
    assert "Dataset: oscd (real labels, split test), 1 series, T = [2]" in out
    pixels, kappa = _area_row(out, "CVA")
    assert pixels == 60 * 60 and kappa > 0.8, out
    rc, out, err = _run(capsys, common)
    assert rc == 0 and _area_row(out, "CVA")[0] == 2 * 60 * 60
    for model, n in (("cva", 10), ("caimnet_cva", 10), ("caimnet", 4)):
        args = argparse.Namespace(dataset="oscd", root=str(tmp_path), t=None, bands=None, model=model)
        assert _series_for(args)[0].load().values.shape[1] == n


def _refused(capsys, argv, *needles):
    rc, out, err = _run(capsys, ["evaluate", *argv, "--model", "cva", "--threads", "1"])
    assert rc == 2, (out, err)
    assert "Traceback" not in err
    for n in needles:
        assert n in err, err
    return err


def test_evaluate_refuses_a_nuisance_share_outside_0_to_1(capsys):
    """--haze-prob, --misreg-prob, --cloud-prob (and the other semi-synthetic shares) are probabilities: 1.5 or -0.1
    ran without a word (the generator draws 'rng.random() < p', so 1.5 acted as 1 and -0.1 as 0)."""
    for option, value in (("--misreg-prob", "1.5"), ("--haze-prob", "-0.1"), ("--cloud-prob", "2"),
                          ("--haze-depth", "1.2")):
        _refused(capsys, ["--dataset", "semisynthetic", "--samples", "1", option, value],
                 f"{option} {float(value):g} is not a share")


@pytest.mark.shared
def test_evaluate_haze_depth_draws_the_same_series_with_even_veils():
    """--haze-depth reaches the generator: the same scenes and labels, other values on the hazy dates only
    (the probe of haze banks larger than a series, experiment record, forty-seventh session)."""
    from model_core.evaluate import _series_for, build_parser

    def drawn(*extra):
        args = build_parser().parse_args(["--dataset", "semisynthetic", "--samples", "3", "--seed", "7",
                                          "--scene-stats", *extra])
        return _series_for(args)

    plain, even = drawn(), drawn("--haze-depth", "0.2")
    assert any(not np.array_equal(a.values, b.values) for a, b in zip(plain, even))
    for a, b in zip(plain, even):
        assert np.array_equal(a.moment, b.moment) and np.array_equal(a.valid, b.valid)
        same = [np.array_equal(x, y) for x, y in zip(a.values, b.values)]
        assert any(same)  # the dates without haze are untouched


def test_evaluate_benchmark_layout_errors(capsys, tmp_path):
    """Bad benchmark folders are refused with one message naming the file and the fix: an image without
    its label or other date, tiles or labels of another size, an empty date folder, no pair folders,
    a missing label folder, an unknown split; OSCD cities without labels or bands."""
    import shutil

    from tests.fixtures import layouts

    def fresh(name, **kw):
        root = tmp_path / name
        layouts.write_pairs(str(root), **kw)
        return root

    root = fresh("no_label")
    (root / "test" / "label" / "test_2.png").unlink()
    _refused(capsys, ["--dataset", "pairs", "--root", str(root)],
             f"{root / 'test' / 'A' / 'test_2.png'} has no change label in {root / 'test' / 'label'}",
             "add it, or remove the tile")
    root = fresh("no_b")
    (root / "test" / "B" / "test_1.png").unlink()
    _refused(capsys, ["--dataset", "pairs", "--root", str(root)],
             f"{root / 'test' / 'A' / 'test_1.png'} has no counterpart in {root / 'test' / 'B'}")
    root = fresh("sizes")
    layouts._write_image(str(root / "test" / "B" / "test_2.png"), np.zeros((3, 60, 64), np.uint8))
    _refused(capsys, ["--dataset", "pairs", "--root", str(root)],
             f"{root / 'test' / 'B' / 'test_2.png'} is 64 x 60 pixels, {root / 'test' / 'A' / 'test_2.png'} "
             "64 x 64", "need the same size")
    root = fresh("label_size")
    layouts._write_image(str(root / "test" / "label" / "test_1.png"), np.zeros((32, 32), np.uint8))
    _refused(capsys, ["--dataset", "pairs", "--root", str(root)],
             f"{root / 'test' / 'label' / 'test_1.png'} is 32 x 32 pixels", "a label needs the images' size")
    root = fresh("empty")
    for folder in ("A", "B", "label"):
        for f in (root / "test" / folder).iterdir():
            f.unlink()
    _refused(capsys, ["--dataset", "pairs", "--root", str(root)], f"{root / 'test' / 'A'} holds no images")
    (tmp_path / "nothing" / "train").mkdir(parents=True)
    _refused(capsys, ["--dataset", "pairs", "--root", str(tmp_path / "nothing")],
             "no bi-temporal pair folders under", "A, B, label")
    root = fresh("no_label_folder", folders=("time1", "time2", "masks"))
    _refused(capsys, ["--dataset", "pairs", "--root", str(root)], "holds time1/ and time2/ but no change-label folder")
    _refused(capsys, ["--dataset", "pairs", "--root", str(fresh("split")), "--split", "val"],
             "--split val: none of the pair folders")
    # OSCD: the test labels not extracted, a band file missing
    layouts.write_oscd(str(tmp_path / "oscd"))
    shutil.rmtree(tmp_path / "oscd" / "Onera Satellite Change Detection dataset - Test Labels")
    _refused(capsys, ["--dataset", "oscd", "--root", str(tmp_path / "oscd")],
             "no change map (cm/cm.png or <city>-cm.tif)", "for beta", "--split train")
    rc, out, err = _run(capsys, ["evaluate", "--dataset", "oscd", "--root", str(tmp_path / "oscd"), "--split", "train",
                                 "--model", "cva", "--threads", "1"])
    assert rc == 0 and "1 series" in out, err
    b08 = tmp_path / "oscd" / "Onera Satellite Change Detection dataset - Images" / "alpha" / "imgs_2" / "B08.tif"
    b08.unlink()
    _refused(capsys, ["--dataset", "oscd", "--root", str(tmp_path / "oscd"), "--split", "train"],
             f"{b08.parent}: no B08 band file")
    _refused(capsys, ["--dataset", "oscd", "--root", str(tmp_path / "nothing")], "no OSCD city folders under")


def test_evaluate_pairs_scores_what_detect_maps(capsys, tmp_path):
    """A classical method is scored on an RGB tile's three bands as `detect --model cva` reads them (not
    R, G, B, G as the networks get them): evaluate's kappa equals the kappa of detect's maps of the same
    tiles against the labels."""
    import argparse

    from osgeo import gdal

    from model_core.datasets.series import loaded
    from model_core.evaluate import _series_for
    from model_core.metrics import ConfusionMatrix
    from tests.fixtures import layouts

    root = tmp_path / "LEVIR-CD"
    layouts.write_pairs(str(root), rng=np.random.default_rng(11))
    args = argparse.Namespace(dataset="pairs", root=str(root), bands=None, t=None, split=None, samples=None,
                              model="cva")
    assert loaded(_series_for(args)[1]).values.shape[1] == 3
    args.model = "caimnet"
    assert loaded(_series_for(args)[1]).values.shape[1] == 4
    rc, out, err = _run(capsys, ["evaluate", "--dataset", "pairs", "--root", str(root), "--model", "cva",
                                 "--no-baseline", "--threads", "1"])
    assert rc == 0, err
    cm = ConfusionMatrix(2)
    for name in ("test_1", "test_2"):
        pair = [str(root / "test" / d / (name + ".png")) for d in ("A", "B")]
        out_dir = tmp_path / ("detect_" + name)
        assert main(["detect", *pair, "--model", "cva", "--out", str(out_dir), "--quiet"]) == 0
        pred = gdal.Open(str(out_dir / "change_area.tif")).ReadAsArray()
        label = (gdal.Open(str(root / "test" / "label" / (name + ".png"))).ReadAsArray() > 0).astype(np.uint8)
        cm.update_area(label, pred)
    assert _area_row(out, "CVA")[1] == pytest.approx(cm.summary()["area"]["kappa"], abs=5e-5)


def test_evaluate_generic_classical_reads_every_band(capsys, tmp_path):
    """A generic series of 6-band images: a classical method is scored on all six bands, as `detect
    --model cva` reads them (it was refused: 'the evaluation reads 3 or 4'), and gets detect's kappa."""
    from osgeo import gdal

    from model_core.metrics import ConfusionMatrix

    rng = np.random.default_rng(5)
    folder = tmp_path / "gen" / "site"
    folder.mkdir(parents=True)
    before = rng.normal(100, 5, (6, 48, 48))
    after = before + rng.normal(0, 5, before.shape)
    after[4:, 10:30, 10:30] += 60  # the change shows in bands 5 and 6 only (as SWIR would)
    paths = [write_tif(folder / f"{d}.tif", a.clip(1, 254).astype(np.uint8))
             for d, a in (("2015-01-01", before), ("2016-01-01", after))]
    label = np.zeros((48, 48), np.uint8)
    label[10:30, 10:30] = 1
    write_tif(folder / "area.tif", label)
    rc, out, err = _run(capsys, ["evaluate", "--dataset", "generic", "--root", str(tmp_path / "gen"), "--model", "cva",
                                 "--no-baseline", "--threads", "1"])
    assert rc == 0, err
    assert main(["detect", *paths, "--model", "cva", "--out", str(tmp_path / "d"), "--quiet"]) == 0
    cm = ConfusionMatrix(2)
    cm.update_area(label, gdal.Open(str(tmp_path / "d" / "change_area.tif")).ReadAsArray())
    pixels, kappa = _area_row(out, "CVA")
    assert pixels == 48 * 48 and kappa == pytest.approx(cm.summary()["area"]["kappa"], abs=5e-5) and kappa > 0.8


def test_outputs_over_inputs_are_refused(tmp_path, capsys):
    """An output file that is one of the run's inputs (an image, a mask, the weights) would be destroyed:
    refused before anything runs, by the engine (the rasters) and by the command line (its extra files)."""
    import hashlib

    from model_core.errors import OutputError
    from model_core.predict import detect

    imgs = [write_tif(tmp_path / f"img_{2001 + i}.tif", np.full((3, 16, 16), 100 + i, np.uint16)) for i in range(2)]
    digest = hashlib.sha256(open(imgs[0], "rb").read()).hexdigest()
    with pytest.raises(OutputError, match=r"The change moment output '.*img_2001.tif' is input 1 \('img_2001.tif'\), "
                                          "which this run reads"):
        detect(imgs, outputs={"moment": imgs[0], "area": str(tmp_path / "a.tif"),
                              "confidence": str(tmp_path / "c.tif")}, model="cva", overwrite=True)
    assert main(["detect", *imgs, "--model", "cva", "--out", str(tmp_path / "o"), "--report", imgs[1]]) == 2
    assert "--report output" in capsys.readouterr().err
    assert hashlib.sha256(open(imgs[0], "rb").read()).hexdigest() == digest
    assert not os.path.exists(tmp_path / "o")


def test_an_output_folder_under_a_file_is_named(tmp_path, capsys):
    from model_core.errors import OutputError
    from model_core.predict import make_folders

    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError, match="'.*afile' is a file, not a folder"):
        make_folders(str(tmp_path / "afile" / "sub" / "deeper"))
    assert not os.path.exists(tmp_path / "afile" / "sub")


def test_small_mistakes_in_dates_options_and_file_names_are_named(tmp_path, capsys):
    """From the command-line audit: a forgotten date in --dates ('1985,1990,' had taken the third from the
    file name), a negative --overlap (silently 0), --report with a raster's extension (HTML written into
    a .tif), a sample written under a .csv name (a GeoPackage) or with no point at all; and two inputs with
    one date are warned about (the legend said '2000 to 2000')."""
    from model_core.accuracy import stratified_sample
    from model_core.errors import InputError, OutputError
    from model_core.predict import detect

    imgs = [write_tif(tmp_path / f"img_{2001 + i}.tif", np.full((3, 16, 16), 100 + i, np.uint16)) for i in range(3)]
    out = str(tmp_path / "o")
    with pytest.raises(InputError, match=r"Date 3 of the dates given \('2001,2002,'\) is empty"):
        detect(imgs, out_dir=out, model="cva", dates="2001,2002,")
    with pytest.raises(InputError, match="overlap cannot be negative"):
        detect(imgs, out_dir=out, model="cva", overlap=-5)
    assert main(["detect", *imgs, "--model", "cva", "--out", out, "--report", str(tmp_path / "r.tif")]) == 2
    assert "'.tif' is not a format it can be written in; end the name with .html, .htm" in capsys.readouterr().err
    res = detect(imgs, out_dir=out, model="cva", dates="2001,2001,2003")
    assert any("the same date (2001)" in w for w in res.warnings)
    with pytest.raises(OutputError, match="'.csv' is not a vector format"):
        stratified_sample(res.paths["moment"], str(tmp_path / "s.csv"))
    with pytest.raises(InputError, match="draw no point at all"):
        stratified_sample(res.paths["moment"], str(tmp_path / "s.gpkg"), n=0, n_unchanged=0)
    assert not os.path.exists(tmp_path / "s.gpkg")


def test_web_mercator_hectares_are_ground_areas(tmp_path):
    """SpaceNet 7's mosaics are in Web Mercator, whose map plane overstates areas by 1 / cos^2(lat): at
    24 deg N a run's hectares and its polygons' area_m2 were 21 % too high.  Both are ground areas now,
    and agree."""
    from osgeo import ogr

    from model_core.polygons import write_polygons
    from model_core.predict import detect

    rng = np.random.default_rng(4)
    a = rng.normal(500, 20, (4, 120, 100)).astype(np.float32)
    b = a + rng.normal(0, 20, a.shape).astype(np.float32)
    b[:, 20:60, 30:70] += 400                                   # 1 600 changed pixels
    kw = dict(epsg=3857, origin=(5.0e6, 2.8e6), pixel=4.777)
    paths = [write_tif(tmp_path / "a_2019.tif", a, **kw), write_tif(tmp_path / "b_2020.tif", b, **kw)]
    gpkg = tmp_path / "p.gpkg"
    res = detect(paths, out_dir=str(tmp_path / "o"), model="cva")
    write_polygons(res.paths["moment"], str(gpkg), dates=res.dates)
    moment = read_tif(res.paths["moment"])
    changed = int((moment > 0).sum())
    plane_ha = changed * 4.777 ** 2 / 1e4
    ha = sum(res.hectares.values())
    assert changed >= 1600 and ha == pytest.approx(plane_ha * 0.826, rel=0.005)   # cos^2(24.4 deg) on WGS 84
    ds = ogr.Open(str(gpkg))
    assert sum(f.GetField("area_m2") for f in ds.GetLayer(0)) / 1e4 == pytest.approx(ha, rel=1e-4)


def test_band_files_of_dates_given_as_images(capsys, tmp_path):
    """From the input audit: a Sentinel-2 user giving every band file of two dates (T51STR_<date>_B02_10m.jp2,
    ..._B03_..., 8 files) had the networks suggest CVA for 'single-band imagery', and CVA then ran an
    8-date series of single bands with dates repeated.  Band files of one date are named, with how to
    stack them; single-band pairs of different dates still run with CVA."""
    imgs = [write_tif(tmp_path / f"T51STR_{d}T023549_{b}_10m.tif",
                      np.random.default_rng(0).integers(1, 900, (20, 20)).astype(np.uint16))
            for d in ("20000317", "20030206") for b in ("B02", "B03", "B04", "B08")]
    for model in ("caimnet", "cva"):
        _assert_refused(capsys, tmp_path, ["detect", *imgs, "--model", model],
                        "T51STR_20000317T023549_B02_10m.tif", "one date (2000-03-17: B02, B03, B04, B08)",
                        "model_core stackbands")
    rc, out, err = _run(capsys, ["detect", imgs[2], imgs[6], "--model", "cva", "--out", str(tmp_path / "o"),
                                 "--quiet"])
    assert rc == 0, err


def test_sidecar_files_given_as_images_are_named(capsys, tmp_path):
    """From the input audit: 'detect folder/*' in a folder QGIS or GDAL had visited also took the rasters'
    sidecars as dates: x.tif.ovr (pyramids, a GeoTIFF) was refused for having 'no coordinate reference
    system', x.tif.aux.xml as 'not a complete raster file', x.tif.msk for its band count.  Each is named
    as the sidecar of its raster."""
    from osgeo import gdal

    imgs = _stack(tmp_path, n=2, bands=4)
    gdal.Open(imgs[0]).BuildOverviews("NEAREST", [2])  # a read-only dataset: external x.tif.ovr
    ds = gdal.Open(imgs[0])
    ds.GetRasterBand(1).ComputeStatistics(False)
    ds = None
    assert os.path.exists(imgs[0] + ".ovr") and os.path.exists(imgs[0] + ".aux.xml")
    for side, what in ((".ovr", "pyramids"), (".aux.xml", "statistics")):
        _assert_refused(capsys, tmp_path, ["detect", imgs[0], imgs[0] + side, imgs[1], "--model", "cva"],
                        f"Input 2 '{os.path.basename(imgs[0])}{side}' is not an image but the {what}",
                        "Leave such files out")


def test_cbers_band_files_given_as_images(capsys, tmp_path):
    """CBERS-4 AWFI band files (B13..B16 of one date, as in ../shared/data/cbers-cube) given as images are
    named as one date's bands too, as the plugin does."""
    imgs = [write_tif(tmp_path / f"CBERS-4_AWFI_{b}_2018-02-02.tif", np.full((20, 20), 100 + k, np.int16))
            for k, b in enumerate(("B13", "B14", "B15", "B16"))]
    _assert_refused(capsys, tmp_path, ["detect", *imgs, "--model", "cva"],
                    "one date (2018-02-02: B13, B14, B15, B16)", "model_core stackbands")


def test_a_container_of_several_rasters_names_them(capsys, tmp_path):
    """From the input audit: a file holding several rasters (HDF, netCDF, a Sentinel-2 product, a GeoPackage
    with two raster tables) was refused as 'not a raster with bands'; the message now lists the
    subdatasets to give instead, and one given by its full name runs."""
    from osgeo import gdal

    imgs = _stack(tmp_path, n=2, bands=3)
    containers = []
    for p in imgs:
        gpkg = p.replace(".tif", ".gpkg")
        for k, table in enumerate(("a", "b")):
            gdal.Translate(gpkg, p, format="GPKG", outputType=gdal.GDT_Byte, scaleParams=[[0, 3000, 0, 255]],
                           creationOptions=[f"RASTER_TABLE={table}"] + (["APPEND_SUBDATASET=YES"] if k else []))
        containers.append(gpkg)
    _assert_refused(capsys, tmp_path, ["detect", *containers, "--model", "cva"],
                    "Input 1 'img_2001.gpkg' holds 2 rasters (subdatasets), not one:",
                    f"'GPKG:{containers[0]}:a', 'GPKG:{containers[0]}:b'", "gdalinfo FILE lists them")
    rc, out, err = _run(capsys, ["detect", f"GPKG:{containers[0]}:a", f"GPKG:{containers[1]}:a", "--model", "cva",
                                 "--out", str(tmp_path / "o"), "--quiet"])
    assert rc == 0, err


def test_a_vrt_whose_source_is_gone_says_so(capsys, tmp_path):
    """From the input audit: a date stacked as a VRT (gdalbuildvrt -separate) whose band file was later moved
    was called 'unreadable or truncated: re-export or re-download it'; the message now says that a VRT
    reads its sources by path."""
    from osgeo import gdal

    bands = [write_tif(tmp_path / f"B0{b}_2002.tif", np.random.default_rng(b).integers(1, 900, (20, 20)).astype(
        np.uint16)) for b in (2, 3, 4, 8)]
    vrt = str(tmp_path / "s2_2002.vrt")
    gdal.BuildVRT(vrt, bands, separate=True).FlushCache()
    os.rename(bands[3], str(tmp_path / "moved.tif"))
    first = write_tif(tmp_path / "s2_2001.tif", np.random.default_rng(9).integers(1, 900, (4, 20, 20)).astype(np.uint16))
    _assert_refused(capsys, tmp_path, ["detect", first, vrt, "--model", "cva"], "Reading input 2 's2_2002.vrt' failed",
                    "B08_2002.tif", "A VRT reads its source files by the paths written in it")


@pytest.mark.parametrize("ext", [".geojson", ".fgb", ".gpkg"])
def test_polygons_that_do_not_reach_the_file_are_an_error(tmp_path, monkeypatch, ext):
    """On a full disk the GeoJSON and FlatGeobuf drivers report nothing: a GeoJSON cut off mid-feature and
    an empty FlatGeobuf were announced as '84384 polygons' written (a scale audit on a 20 MB tmpfs).  The
    file is read back; features lost on the way (simulated: one more written than reached it) fail it."""
    from model_core import polygons
    from model_core.errors import OutputError

    moment = np.zeros((1, 20, 20), np.uint8)
    moment[0, 2:5, 2:5], moment[0, 10:14, 10:14] = 1, 2
    path = write_tif(tmp_path / "m.tif", moment)
    real = polygons._write_features
    monkeypatch.setattr(polygons, "_write_features", lambda *a, **k: real(*a, **k) + 1)
    out = tmp_path / f"p{ext}"
    with pytest.raises(OutputError, match="came out incomplete .* MB free there.*was deleted"):
        polygons.write_polygons(str(path), str(out), dates=["2001", "2002", "2003"])
    assert not out.exists()
    monkeypatch.setattr(polygons, "_write_features", real)
    assert polygons.write_polygons(str(path), str(out), dates=["2001", "2002", "2003"]) == 2


_FSIZE_CHILD = """
import resource, signal, sys
sys.path.insert(0, sys.argv[1])
from model_core.errors import CaimError
from model_core.polygons import write_polygons
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
limit = int(sys.argv[4])
if limit:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    print("written", write_polygons(sys.argv[2], sys.argv[3], dates=["2001", "2002", "2003"]))
except CaimError as exc:
    print("error:", exc)
"""


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE")
@pytest.mark.parametrize("ext", [".fgb", ".gpkg"])
def test_polygons_that_fill_the_disk_as_they_are_closed_are_an_error(tmp_path, ext):
    """A FlatGeobuf writes its file, a GeoPackage commits, when it is closed; on a full disk (simulated: a
    file size limit a little under the output's size, the traced scratch file being smaller) that error
    was raised in the data source's destructor, printed as 'Exception ignored in: delete_DataSource' and
    lost: the FlatGeobuf, cut short (its header counting every feature, so the read-back check passed),
    was announced as written.  Now the disk is named, with its free space, and nothing is kept."""
    rng = np.random.default_rng(0)
    moment = ((rng.random((300, 300)) < 0.1) * rng.integers(1, 3, (300, 300))).astype(np.uint8)[None]
    path = write_tif(tmp_path / "m.tif", moment)

    def run(out, limit):
        done = subprocess.run([sys.executable, "-c", _FSIZE_CHILD, ROOT, str(path), str(out), str(limit)],  # nosec B603
                              capture_output=True, text=True, timeout=120)
        return done.stdout + done.stderr

    full = tmp_path / f"full{ext}"
    assert "written" in run(full, 0)
    out = tmp_path / f"p{ext}"
    said = run(out, int(os.path.getsize(full) * 0.95))
    assert "error: Writing the polygons to" in said and "may be full; " in said and "MB free there)" in said, said
    assert "Exception ignored" not in said and "A GeoPackage (.gpkg) takes any" not in said, said
    assert not out.exists()
    assert sorted(os.listdir(tmp_path)) == sorted(["m.tif", full.name])  # no scratch folder left


def test_close_errors_of_runs_side_by_side_stay_their_own():
    """QGIS runs Processing tasks in threads side by side: two polygon writes whose close windows overlap
    left Python's unraisable hook replaced for good (every later 'Exception ignored' RuntimeError of the
    session swallowed into a finished run's list), and a window open on one thread took another thread's
    close error as its own (a run failed as 'the disk may be full' for another's error)."""
    import threading

    from model_core import polygons

    class Failing:
        def __del__(self):
            raise RuntimeError("closing failed")

    original = sys.unraisablehook
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    first, second, seen = [], [], []

    def a():
        with polygons._close_errors(first):
            a_in.set()
            b_in.wait(10)
        a_out.set()

    def b():
        a_in.wait(10)
        with polygons._close_errors(second):
            b_in.set()
            Failing()  # this thread's own close error
            a_out.wait(10)

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sys.unraisablehook is original
    assert [str(e) for e in second] == ["closing failed"] and first == []
    sys.unraisablehook = lambda u: seen.append(u.exc_value)
    try:
        Failing()  # later, outside any write: the process's hook gets it
    finally:
        sys.unraisablehook = original
    assert len(seen) == 1 and first == [] and len(second) == 1


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_sigterm_removes_the_partial_outputs(tmp_path):
    """SIGTERM (timeout, kill, a scheduler's time limit) killed a run on the spot and left its hidden
    .caim-partial-* folder (94 MB a few minutes into a 10980^2 scene) in the output folder; it now stops
    as Ctrl-C does."""
    import signal

    imgs = _stack(tmp_path, n=3, size=600)
    out = tmp_path / "o"
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=ROOT)
    p = subprocess.Popen([sys.executable, "-m", "model_core", "detect", *imgs, "--out", str(out),  # nosec B603
                          "--model", "cva", "--tile", "64"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         text=True, env=env, cwd=ROOT)
    try:
        for line in p.stderr:  # plain progress lines: stop it once the tiles are being written
            if "Tile" in line:
                break
        assert os.listdir(out), "the run's partial folder should exist by now"
        p.send_signal(signal.SIGTERM)
        err = p.stderr.read()
        assert p.wait(timeout=60) == 130, err
    finally:
        if p.poll() is None:
            p.kill()
    assert "Interrupted" in err and "Traceback" not in err
    assert os.listdir(out) == []


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_every_command_stops_on_sigterm_as_on_ctrl_c(tmp_path, monkeypatch, capsys):
    """SIGTERM and SIGHUP stopped detect as Ctrl-C does, but killed sample, assess, compare, split, weights on
    the spot, past the clean-up of their Ctrl-C (sample left a half-written GeoPackage, split some of its
    VRTs, compare a hidden .part file).  And Ctrl-C in split printed a traceback."""
    import signal

    from model_core import accuracy, cli, stacked

    seen = []

    def record(argv=None):
        seen.append((signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)))
        return 0

    monkeypatch.setattr(accuracy, "main", record)
    monkeypatch.setattr(stacked, "main", record)
    # the default handlers, as in a shell (under nohup SIGHUP is ignored, and an ignored signal stays ignored)
    before = {sig: signal.signal(sig, signal.SIG_DFL) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        for command in ("sample", "assess", "compare", "split"):
            assert main([command, "x"]) == 0
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # put back after the command
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
    assert seen == [(cli._interrupted, cli._interrupted)] * 4
    monkeypatch.undo()

    # split stopped (the signal raised as Ctrl-C) after two of its VRTs: none left, said so, no traceback
    stack = write_tif(tmp_path / "stack.tif", np.random.default_rng(0).integers(1, 200, (6, 8, 8)).astype(np.uint8))
    real, n = stacked._write_vrt, []

    def stopped(*args, **kwargs):
        n.append(1)
        if len(n) == 3:
            cli._interrupted(signal.SIGTERM, None)
        return real(*args, **kwargs)

    monkeypatch.setattr(stacked, "_write_vrt", stopped)
    out = tmp_path / "dates"
    assert main(["split", stack, "--out", str(out), "--bands-per-date", "2"]) == 130
    assert "Interrupted; no VRT was written." in capsys.readouterr().err
    assert not out.exists()  # nothing left: no VRT, nor the folder the split made for them (since 2e4c46c)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
def test_the_partial_folder_of_a_killed_run_is_removed_by_the_next_run(tmp_path, capsys):
    """A run killed on the spot (kill -9, a crash, qgis_process ended by SIGTERM, which QGIS does not catch)
    left its hidden .caim-partial-* folder in the output folder for good, up to gigabytes; every such run
    added one.  The next run into that folder removes those no live run holds, and says so; a live run's
    (another run writing there now) is left alone."""
    import signal

    from model_core import predict, staging

    imgs = _stack(tmp_path, n=3, size=600)
    out = tmp_path / "o"
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=ROOT)
    p = subprocess.Popen([sys.executable, "-m", "model_core", "detect", *imgs, "--out", str(out),  # nosec B603
                          "--model", "cva", "--tile", "64"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         text=True, env=env, cwd=ROOT)
    try:
        for line in p.stderr:  # plain progress lines: kill it once the tiles are being written
            if "Tile" in line:
                break
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    # (and its claim on the output files, model_core.staging.claim_outputs: a few bytes, removed likewise)
    killed = sorted(n for n in os.listdir(out) if not n.startswith(staging.CLAIM_PREFIX))
    assert len(killed) == 1 and killed[0].startswith(".caim-partial-"), killed
    rc, text, err = _run(capsys, ["detect", *imgs, "--out", str(out), "--model", "cva"])
    assert rc == 0, err
    assert f"that a run stopped on the spot (killed, crashed) had left: {killed[0]}" in text + err
    assert not [n for n in os.listdir(out) if n.startswith(".")]
    live = tempfile.mkdtemp(prefix=".caim-partial-", dir=str(out))  # another run, writing now
    fd = staging.hold(live)
    try:
        rc, text, err = _run(capsys, ["detect", *imgs, "--out", str(out), "--model", "cva", "--overwrite"])
        assert rc == 0, err
        assert "had left" not in text + err and os.path.isdir(live)
    finally:
        os.close(fd)
    assert staging.remove_abandoned(str(out), predict.PARTIAL_PREFIX)[0][0] == os.path.basename(live)  # its run gone: removed too
    assert not [n for n in os.listdir(out) if n.startswith(".")]


def test_polygons_of_a_noisy_map_keep_memory_flat(tmp_path):
    """The polygons were traced into an in-memory layer, about 0.5 KB per polygon: a salt-and-pepper map
    of 6144^2 px (3.6 million polygons) took 1.8 GB, a whole Sentinel-2 tile several GB (a scale audit).
    They are streamed through a file now: 2048^2 px with 10 % specks (about 400 000 polygons) in a
    process of its own, whose peak memory may grow by less than 100 MB while they are written."""
    script = f"""
import resource, numpy as np
from osgeo import gdal
gdal.UseExceptions()
from model_core.polygons import write_polygons
side = 2048
ds = gdal.GetDriverByName("GTiff").Create({str(tmp_path / "m.tif")!r}, side, side, 1, gdal.GDT_Byte, ["COMPRESS=DEFLATE"])
ds.SetGeoTransform((500000, 10, 0, 5200000, 0, -10))
rng = np.random.default_rng(0)
for y in range(0, side, 256):
    ds.GetRasterBand(1).WriteArray(rng.choice(np.arange(6, dtype=np.uint8), size=(256, side),
                                              p=[0.9] + [0.02] * 5), 0, y)
ds = None
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
n = write_polygons({str(tmp_path / "m.tif")!r}, {str(tmp_path / "p.gpkg")!r}, dates=list("abcdef"))
print(n, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024.0)
"""
    pytest.importorskip("resource")
    env = dict(os.environ, PYTHONPATH=ROOT)
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,  # nosec B603
                       timeout=600)
    assert p.returncode == 0, p.stderr
    n, grown = p.stdout.split()
    assert int(n) > 300000
    assert float(grown) < 100, f"peak memory grew by {float(grown):.0f} MB for {n} polygons"
    assert sorted(os.listdir(tmp_path)) == ["m.tif", "p.gpkg"]  # no scratch folder left


def test_progress_bar_blanks_out_a_longer_message():
    """On a terminal 'Tile 1/25' was drawn over 'Fitting ISFA to the scene: interval 5 of 5' and left
    'e: interval 5 of 5' standing behind every tile's count for the rest of the run (a scale audit)."""
    import io

    from model_core.cli import _Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = _Progress(stream)
    bar(0.05, "Fitting ISFA to the scene: interval 5 of 5")
    bar(0.08, "Tile 1/25")
    screen = ""  # what the terminal shows: each carriage return writes over the line from its start
    for part in stream.getvalue().split("\r"):
        screen = part + screen[len(part):]
    assert "Tile 1/25" in screen and "interval" not in screen, screen


def test_ctrl_c_while_the_polygons_are_written_keeps_none(tmp_path, monkeypatch):
    """Ctrl-C while the polygons were written left a half-written file (an empty 64 KB GeoPackage after
    a 25 s run on 1.6 million polygons; a scale audit)."""
    from model_core import polygons

    moment = np.zeros((1, 20, 20), np.uint8)
    moment[0, 2:5, 2:5], moment[0, 10:14, 10:14] = 1, 2
    path = write_tif(tmp_path / "m.tif", moment)

    def interrupted(layer, *args, **kwargs):
        from osgeo import ogr

        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON ((0 0,1 0,1 1,0 0))"))
        layer.CreateFeature(feature)
        raise KeyboardInterrupt

    monkeypatch.setattr(polygons, "_write_features", interrupted)
    for ext in (".gpkg", ".shp", ".geojson"):
        out = tmp_path / f"p{ext}"
        with pytest.raises(KeyboardInterrupt):
            polygons.write_polygons(str(path), str(out), dates=["2001", "2002", "2003"])
        assert sorted(os.listdir(tmp_path)) == ["m.tif"], ext


def test_polygons_are_written_aside_and_an_existing_file_survives_a_stopped_run(tmp_path, monkeypatch):
    """A run killed while the polygons were written (kill -9, a crash) left a half-written file under the
    output's name (an empty GeoPackage and its -journal: a later run refused it as existing, QGIS opened it);
    and with overwrite the existing file was deleted before the new one was traced, so a stopped or failed
    run lost it.  The polygons are written in a hidden folder and moved into place once complete."""
    from model_core import polygons

    moment = np.zeros((1, 20, 20), np.uint8)
    moment[0, 2:5, 2:5], moment[0, 10:14, 10:14] = 1, 2
    path = write_tif(tmp_path / "m.tif", moment)
    write = polygons._write_features
    for ext in (".gpkg", ".shp"):
        out = str(tmp_path / f"p{ext}")
        assert polygons.write_polygons(str(path), out, dates=["2001", "2002", "2003"]) == 2
        before = sorted(os.listdir(tmp_path))
        seen = []

        def interrupted(layer, *args, **kwargs):
            seen.append(sorted(n for n in os.listdir(tmp_path) if not n.startswith(".")))
            write(layer, *args, **kwargs)
            raise KeyboardInterrupt

        monkeypatch.setattr(polygons, "_write_features", interrupted)
        with pytest.raises(KeyboardInterrupt):
            polygons.write_polygons(str(path), out, dates=["2001", "2002", "2003"], overwrite=True)
        monkeypatch.setattr(polygons, "_write_features", write)
        assert seen == [before], ext  # the new file is not written under the output's name
        assert sorted(os.listdir(tmp_path)) == before, ext  # the earlier file, whole, and no scratch folder
        from osgeo import ogr

        ds = ogr.Open(out)
        assert ds.GetLayer(0).GetFeatureCount() == 2, ext
        ds = None
        # overwritten when the new run completes (a Shapefile: all its parts)
        moment[0, 16:18, 0:3] = 2
        write_tif(tmp_path / "m.tif", moment)
        assert polygons.write_polygons(str(path), out, dates=["2001", "2002", "2003"], overwrite=True) == 3
        assert sorted(os.listdir(tmp_path)) == before, ext
        moment[0, 16:18, 0:3] = 0
        write_tif(tmp_path / "m.tif", moment)


def test_ctrl_c_after_the_rasters_says_they_were_written(capsys, tmp_path, monkeypatch):
    """Ctrl-C while the polygons were written said 'Interrupted; no output was written.' beside the
    finished rasters it had just listed (a scale audit)."""
    from model_core import polygons

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(polygons, "write_polygons", interrupted)
    imgs = _stack(tmp_path)
    rc, out, err = _run(capsys, ["detect", *imgs, "--out", str(tmp_path / "o"), "--quiet", "--model", "cva",
                                 "--polygons", str(tmp_path / "p.gpkg")])
    assert rc == 130
    assert "no output was written" not in err and "--polygons: the change rasters listed above were written" in err
    assert os.path.exists(tmp_path / "o" / "change_moment.tif") and not os.path.exists(tmp_path / "p.gpkg")


def test_an_overwriting_run_stopped_after_its_rasters_leaves_no_earlier_report_beside_them(capsys, tmp_path,
                                                                                            monkeypatch):
    """detect --overwrite stopped after its rasters (Ctrl-C, kill, a full disk while the polygons were
    written) left the earlier run's report and polygons beside the new rasters, as if they were theirs: a
    report of the earlier model, dates and hectares (found by killing runs).  Once the rasters are
    replaced, the earlier files at the paths of the polygons, quicklook and report go."""
    from model_core import polygons

    imgs = _stack(tmp_path)
    args = ["detect", *imgs, "--out", str(tmp_path / "o"), "--quiet", "--model", "cva",
            "--polygons", str(tmp_path / "o" / "p.shp"), "--report", str(tmp_path / "o" / "r.html")]
    rc, out, err = _run(capsys, args)
    assert rc == 0, err
    assert os.path.exists(tmp_path / "o" / "r.html") and os.path.exists(tmp_path / "o" / "p.dbf")

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(polygons, "write_polygons", interrupted)
    rc, out, err = _run(capsys, args + ["--overwrite", "--sensitivity", "1"])
    assert rc == 130
    assert "the earlier run's files of those names were removed" in err, err
    left = sorted(os.listdir(tmp_path / "o"))
    assert "r.html" not in left and not [n for n in left if n.startswith("p.")], left
    assert "change_moment.tif" in left
    # a whole run writes them again
    monkeypatch.undo()
    rc, out, err = _run(capsys, args + ["--overwrite"])
    assert rc == 0 and os.path.exists(tmp_path / "o" / "r.html")


def test_polygons_report_their_progress(tmp_path):
    """Tracing and writing the polygons of a whole scene took minutes with no progress (a scale audit):
    write_polygons reports the tracing and the writing, rising to 1.0, with the count written."""
    from model_core.polygons import write_polygons

    m = np.zeros((300, 300), np.uint8)
    m[::6, ::6] = 2  # 2 500 one-pixel patches
    path = write_tif(tmp_path / "m.tif", m)
    seen = []
    n = write_polygons(path, str(tmp_path / "p.gpkg"), dates=["2019", "2020", "2021"],
                       progress=lambda f, msg: seen.append((f, msg)))
    assert n == 2500
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(msg == "Tracing change polygons" for _, msg in seen)
    assert seen[-1][1] == "Writing change polygons (2500 of 2500)"


@pytest.mark.parametrize("ext, error, advice", [
    (".gpkg", "sqlite3_exec(COMMIT) failed: database or disk is full", "Free some space"),
    (".shp", "Invalid value type found in field area_m2", r"A GeoPackage \(\.gpkg\) takes any"),
    (".shp", "Unexpected I/O failure: writing feature", r"Free some space \(the disk of .* may be full; \d+ MB free")])
def test_a_failed_polygon_write_gives_advice_for_its_format(tmp_path, monkeypatch, ext, error, advice):
    """A GeoPackage that failed (a full disk) was told that 'A GeoPackage (.gpkg) takes any attribute'; so was
    any other format on a full disk (an I/O error is the disk's, whatever the format)."""
    from model_core import polygons
    from model_core.errors import OutputError

    moment = np.zeros((1, 20, 20), np.uint8)
    moment[0, 2:5, 2:5] = 1
    path = write_tif(tmp_path / "m.tif", moment)

    def failing(*a, **k):
        raise RuntimeError(error)

    monkeypatch.setattr(polygons, "_write_features", failing)
    with pytest.raises(OutputError, match=advice):
        polygons.write_polygons(str(path), str(tmp_path / f"p{ext}"), dates=["2001", "2002"])
    assert not (tmp_path / f"p{ext}").exists()


def test_polygons_over_a_folder_never_delete_the_folder(tmp_path):
    """A folder named like a vector file (GDAL writes a folder of shapefiles as one data source) given as
    the polygons output with overwrite (Processing always overwrites): deleting it as a data source
    deleted every shapefile in it."""
    from model_core.errors import OutputError
    from model_core.polygons import write_polygons

    res, folder = _run_and_a_folder_of_shapefiles(tmp_path, "roads.shp")
    with pytest.raises(OutputError, match="is a folder; give a file name"):
        write_polygons(res.paths["moment"], str(folder), dates=res.dates, overwrite=True)
    assert sorted(os.listdir(folder)) == ["mine.dbf", "mine.shp", "mine.shx"]


def test_a_sample_over_a_folder_never_deletes_the_folder(tmp_path):
    """The sampler's points written over a folder named like a vector file, with overwrite (its
    Processing algorithm always overwrites): every shapefile in the folder was deleted."""
    from model_core.accuracy import stratified_sample
    from model_core.errors import OutputError

    res, folder = _run_and_a_folder_of_shapefiles(tmp_path, "points.shp")
    with pytest.raises(OutputError, match="is a folder; give a file name"):
        stratified_sample(res.paths["moment"], str(folder), n=3, overwrite=True)
    assert sorted(os.listdir(folder)) == ["mine.dbf", "mine.shp", "mine.shx"]


def _run_and_a_folder_of_shapefiles(tmp_path, name):
    """A CVA run's result, and a folder ``name`` holding the user's shapefile mine.shp."""
    from osgeo import ogr

    from model_core.predict import detect

    rng = np.random.default_rng(4)
    a = rng.normal(500, 20, (4, 40, 40)).astype(np.float32)
    b = a.copy()
    b[:, 10:20, 10:20] += 400
    res = detect([write_tif(tmp_path / "a_2019.tif", a), write_tif(tmp_path / "b_2020.tif", b)],
                 out_dir=str(tmp_path / "o"), model="cva")
    folder = tmp_path / name
    folder.mkdir()
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(folder / "mine.shp"))
    ds.CreateLayer("mine", geom_type=ogr.wkbPoint)
    ds = None
    return res, folder


@pytest.mark.parametrize("ext", [".gpkg", ".shp"])
def test_polygons_that_cannot_be_created_leave_no_file(tmp_path, monkeypatch, ext):
    """The traced polygons fill the disk before the output is created (they are streamed into a scratch
    file beside it): on a full 3 MB tmpfs the GeoPackage's creation failed half-way and the error quoted
    a page of its SQL ('Cannot create ...: sqlite3_exec(CREATE TABLE gpkg_spatial_ref_sys ...') and left
    the file; a Shapefile left its .shp and .shx ('.shp file is unreadable, or corrupt')."""
    from osgeo import ogr

    from model_core import polygons
    from model_core.errors import OutputError

    moment = np.zeros((1, 20, 20), np.uint8)
    moment[0, 2:5, 2:5] = 1
    path = write_tif(tmp_path / "m.tif", moment)

    create = ogr.DataSource.CreateLayer

    def failing(self, *a, **k):  # the output's layer; the scratch file's is created
        if not self.GetName().endswith(ext):
            return create(self, *a, **k)
        raise RuntimeError("sqlite3_exec(CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, ...) failed: "
                           "database or disk is full\nmore text")

    monkeypatch.setattr(ogr.DataSource, "CreateLayer", failing)
    with pytest.raises(OutputError, match=r"Cannot create .*disk is full\); nothing was kept \(\d+ MB free there\)\. "
                                          r"Free some space"):
        polygons.write_polygons(str(path), str(tmp_path / f"p{ext}"), dates=["2001", "2002"])
    assert sorted(os.listdir(tmp_path)) == ["m.tif"]


def test_progress_bar_stays_within_the_terminal(monkeypatch):
    """A message longer than the terminal wrapped the bar's line, and each redraw then began a new line."""
    import io
    import os as _os
    import shutil

    from model_core.cli import _Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback=None: _os.terminal_size((80, 24)))
    stream = Tty()
    bar = _Progress(stream)
    bar(0.5, "Fitting ISFA to the scene: " + "a very long message " * 5)
    line = stream.getvalue().split("\r")[-1]
    assert len(line) <= 80 and line.rstrip().endswith("...")


@pytest.mark.parametrize("command,needles", [
    ("sample", ("4 x N of the no-change class", ".sqlite", "-1 changed")),  # it said N of every class, 4 formats
    ("calibrate", ("cpu (default)", "replace an existing --out file")),  # --device, --overwrite had no text
    ("demo", ("cuda:N",)),
    # --threshold kittler runs where auto runs isfa (two dates, imagery the networks cannot read): the help said
    # "(cva, isfa)" only; the README's synopsis writes --threads N, the help wrote THREADS
    ("detect", ("(cva, isfa, and auto where it runs isfa)", "--threads N ")),
    # HLS's Fmask is bit-packed: "0,1 for Fmask" (the classic class values) hid its clear pixels with any aerosol bit
    ("detect", ("!bit1&!bit2&!bit3 for HLS v2.0 Fmask", "0,1 for classic Fmask")),
    # patches smaller than PX go: 4 drops 3-pixel patches too (it said "drops single pixels and pairs")
    ("detect", ("smaller than PX are written unchanged, e.g. 4 drops patches of 1 to 3 pixels;",)),
    ("evaluate", ("caimnet (default), schanger, cva",)),
    # the VRTs of dates not known are <name>_<k>.vrt, and a date in the file's name is dropped (stacked.write_split):
    # the help named <name>_<k>_<date>.vrt only
    ("split", ("(k = 01, 02, ...; 001, ... for 100 dates or more)", "is not in the name (<name>_<k>.vrt: give it to 'detect' with its --dates)",
               "(ndvi_2020.tif: ndvi_01.vrt, ...; 2020.tif: date_01.vrt, ...)")),
    ("train", ("config.json",)),
    ("calibrate", ("python -m model_core calibrate --weights IN.pt", "(model_core.models.shift_no_change)")),
    ("weights", ("python -m model_core weights [FILE ...]",)),  # without the docstrings' ``markup``  # the run folder's fifth file, which --resume reads
])
def test_subcommand_help_says_what_the_options_do(capsys, command, needles):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for needle in needles:
        assert needle in text, (needle, text)


def test_a_band_mapping_of_two_bands_is_named_as_such(capsys, tmp_path):
    """--bands 3,2 on 4-band files: the message says the mapping selects 2 (not that the inputs have 2)."""
    imgs = _stack(tmp_path)
    err = _assert_refused(capsys, tmp_path, ["detect", *imgs, "--bands", "3,2"], "the band mapping 3,2 selects 2")
    assert "the inputs have" not in err


def test_a_band_mapping_of_three_bands_runs_the_network_as_rgb_only_imagery(capsys, tmp_path):
    """--bands of three bands for a network (RGB-only imagery; the dialog's Bands, Processing's BANDS) was refused
    with the advice to type the mapping r,g,b,g, while the automatic choice for two dates with --weights (and for a
    series) promised the network: the dialog said 'with a file, CAIM-Net + ISFA', the command line refused the run
    and Processing ran Classical ISFA.  A mapping of three is read as R, G, B in its order with green in place of
    the missing NIR, as a 3-band input without a mapping is (the model card's RGB-only row), and said so; the same
    run as that mapping of four.  Band names that say otherwise refuse it, and auto then runs ISFA."""
    from model_core.models import auto_choice

    imgs = _stack(tmp_path, n=2, size=48)
    weights = os.path.join(ROOT, "resources", "weights", "caimnet_rgbn.pt")
    assert auto_choice(imgs, bands=[3, 2, 1], weights=weights) == ("caimnet_isfa", None)
    assert auto_choice([{"path": p, "bands": [3, 2, 1]} for p in imgs], weights=weights) == ("caimnet_isfa", None)
    rc, out, err = _run(capsys, ["detect", *imgs, "--model", "auto", "--weights", weights, "--bands", "3,2,1",
                                 "--out", str(tmp_path / "three"), "--quiet"])
    assert rc == 0, err
    assert "Model     caimnet_isfa (caimnet_rgbn.pt)" in out and "Automatic" not in out, out
    assert ("Bands     3,2,1 as R, G, B and band 2 (green) in place of the missing NIR (RGB-only imagery; roles from "
            "the band mapping: red, green, blue in its order; ") in out, out
    rc, out4, err = _run(capsys, ["detect", *imgs, "--model", "caimnet_isfa", "--weights", weights, "--bands",
                                  "3,2,1,2", "--out", str(tmp_path / "four"), "--quiet"])
    assert rc == 0, err
    from osgeo import gdal

    a, b = (gdal.Open(str(tmp_path / d / "change_moment.tif")).ReadAsArray() for d in ("three", "four"))
    assert (a == b).all()


def test_help_texts_carry_no_docstring_markup(capsys):
    for command in ("calibrate", "weights"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = capsys.readouterr().out
        assert "``" not in text and ":func:" not in text, text


def test_a_huge_grid_is_refused_with_the_estimate_and_allowed_with_allow_huge(capsys, tmp_path, monkeypatch):
    """The command line prints the estimated time and output size before a run, refuses a run of more than
    a day (exit 2, no traceback, nothing written) and runs it with --allow-huge (the engine is told so)."""
    from model_core import predict

    rc, out, err = _run(capsys, ["detect", *_stack(tmp_path), "--out", str(tmp_path / "o"), "--model", "cva"])
    assert rc == 0 and re.search(r"Estimate  about \d+ s on this machine, outputs about", err), err
    monkeypatch.setattr(predict, "machine_speed", lambda: 1e-9)  # a billion times slower than the reference
    monkeypatch.setattr(predict, "memory_speed", lambda: 1e-9)  # (the CVA's terms are all per-pixel work)
    _assert_refused(capsys, tmp_path, ["detect", *_stack(tmp_path), "--model", "cva"], "would take about",
                    "--allow-huge on the command line")
    rc, out, err = _run(capsys, ["detect", *_stack(tmp_path), "--out", str(tmp_path / "h"), "--model", "cva",
                                 "--allow-huge", "--quiet"])
    assert rc == 0 and re.search(r"Estimate  about [\d.]+ (years|weeks|days)", err), err


def test_polygons_that_clearly_cannot_fit_are_refused_before_they_are_written(tmp_path, monkeypatch):
    """Once traced, the polygons' size is known roughly: with less than half of it free, nothing is written
    (a whole scene's millions of patches took minutes to write before the disk filled)."""
    from model_core import polygons
    from model_core.errors import OutputError

    rng = np.random.default_rng(0)
    moment = ((rng.random((100, 100)) < 0.1) * rng.integers(1, 3, (100, 100))).astype(np.uint8)[None]
    path = write_tif(tmp_path / "m.tif", moment)
    monkeypatch.setattr(polygons, "free_mb", lambda folder: 0.01)  # 10 kB
    out = tmp_path / "p.geojson"
    with pytest.raises(OutputError, match=rf"The \d+ change polygons need about [\d.]+ kB in '{tmp_path}', whose "
                                          r"disk has 10 kB free: nothing was written"):  # it said 0.0 MB
        polygons.write_polygons(str(path), str(out), dates=["2001", "2002", "2003"])
    assert sorted(os.listdir(tmp_path)) == ["m.tif"]
    monkeypatch.setattr(polygons, "free_mb", lambda folder: 1.0)  # 1 MB, about the need: written
    assert polygons.write_polygons(str(path), str(out), dates=["2001", "2002", "2003"]) > 500


def test_quicklook_of_a_single_band_series(capsys, tmp_path):
    """A single-band pair (panchromatic, SAR amplitude; the classical methods run on it) gets its quicklook in
    grey: it was an IndexError traceback after the rasters were written (red, green, blue taken as bands 1-3)."""
    rng = np.random.default_rng(0)
    base = rng.integers(100, 200, (1, 60, 60))
    paths = [write_tif(tmp_path / f"s_{2001 + i}.tif", (base + 50 * i).astype(np.uint16)) for i in range(2)]
    png = tmp_path / "q.png"
    rc, out, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(tmp_path / "o"), "--quiet",
                                 "--quicklook", str(png)])
    assert rc == 0 and "Traceback" not in err, err
    assert png.stat().st_size > 5000


@pytest.mark.parametrize("command", [["weights"], ["weights", "--json"]])
def test_a_reader_that_goes_away_stops_a_command_without_a_traceback(command):
    """"python -m model_core weights | head -1" (and evaluate's tables into head) ended in a BrokenPipeError
    traceback: only detect handled a reader that went away. Every command now stops quietly with the status
    of a command stopped by SIGPIPE (141), as a shell pipeline expects."""
    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.Popen([sys.executable, "-m", "model_core"] + command, cwd=ROOT, env=env,  # nosec B603
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # no reader left: the first write fails with EPIPE
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 141, err
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and locks")
@pytest.mark.parametrize("name", ["r.html", "change_area.qml", "q.png"])
def test_detect_killed_while_writing_its_report_or_style_leaves_no_half_file_under_its_name(tmp_path, capsys, name):
    """detect --report wrote the HTML, --quicklook the picture, and detect the .qml styles beside its rasters,
    straight under the user's names: killed on the spot (kill -9) while writing, it left a half page or
    picture, or a half style that the next run kept as the user's own. They are written in a hidden folder
    beside them and moved into place whole; the next run removes the folder a killed one left."""
    from rasters import killed_while_writing

    imgs = _stack(tmp_path)
    out, report = tmp_path / "o", tmp_path / "rep" / "r.html"
    args = ["detect", *imgs, "--model", "cva", "--out", str(out), "--quiet", "--report", str(report),
            "--quicklook", str(report.parent / "q.png")]
    code = killed_while_writing(name) + f"from model_core.cli import main\nmain({args!r})\n"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT),  # nosec B603
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == -9, run.stderr
    folder = out if name.endswith(".qml") else report.parent
    prefix = {"r.html": ".caim-report-", "change_area.qml": ".caim-style-", "q.png": ".caim-quicklook-"}[name]
    left = [n for n in os.listdir(folder) if n == name or n.startswith(".") and not n.startswith(".caim-claim-")]
    assert len(left) == 1 and left[0].startswith(prefix), left  # (and the killed run's claim, model_core.staging)
    rc, _out, err = _run(capsys, args + ["--overwrite"])
    assert rc == 0, err
    assert not [n for n in os.listdir(folder) if n.startswith(".")]  # the killed run's folder is gone
    if name == "q.png":
        assert (folder / name).read_bytes()[-8:] == b"IEND\xaeB`\x82"  # a whole PNG
    else:
        text = (folder / name).read_text(encoding="utf-8")
        assert text.rstrip().endswith("</html>" if name == "r.html" else "</qgis>")


def test_the_automatic_choice_is_one_function_the_run_and_the_plugin_ask(capsys, tmp_path):
    """The automatic choice was made twice: by the run (a network's refusal of the bands when it opened them) and
    by the plugin's dialog (its own reading of the band roles, which said CAIM-Net with a Weights file given while
    the run ran ISFA).  model_core.models.auto_choice is the one rule: the run's refusal (the Stack's
    BandRolesError, the same text) gives the classical method, no torch needed to ask; a band mapping or bands
    the networks read keep the default; and the run follows it."""
    from model_core.errors import BandRolesError
    from model_core.models import AUTO_FALLBACK, auto_choice, default_model
    from model_core.stack import Stack

    rng = np.random.default_rng(2)
    a = rng.integers(500, 3000, (3, 24, 24)).astype(np.float32)
    rns = [write_tif(tmp_path / f"rns_{2019 + i}.tif", a, names=["red", "nir", "swir1"]) for i in range(2)]
    with pytest.raises(BandRolesError) as refused:
        Stack(rns, expected_bands=4)
    weights = os.path.join(ROOT, "resources", "weights", "caimnet_rgbn.pt")
    # a pair: Classical ISFA, the default for two dates, unless a weights file asks for a network
    assert auto_choice(rns) == (default_model(2), None) == ("isfa", None)
    assert auto_choice(rns, weights=weights) == (AUTO_FALLBACK, str(refused.value))
    # with a band mapping too (it was the user's to correct: the command line refused what Processing ran as ISFA)
    chosen, why = auto_choice(rns, bands=[1, 2, 3], weights=weights)
    assert chosen == AUTO_FALLBACK and "the band mapping 1,2,3 is read as red, green, blue" in why, why
    assert auto_choice(rns, bands=[1, 2], weights=weights)[0] == AUTO_FALLBACK
    rgbn = _stack(tmp_path, n=3, size=24)
    assert auto_choice(rgbn) == (default_model(3), None)
    if "torch" not in sys.modules:  # (this test process may have loaded it for another test)
        auto_choice(rns)
        assert "torch" not in sys.modules
    # the run: Classical ISFA with a weights file given too (not used, and said)
    rc, out, err = _run(capsys, ["detect", *rns, "--model", "auto", "--weights", weights, "--out",
                                 str(tmp_path / "o"), "--quiet"])
    assert rc == 0, err
    assert "Model     isfa (classical, no weights)" in out and "'caimnet_rgbn.pt' was not used" in out, out


def test_probabilities_type_writes_scaled_integers_or_is_refused_without_probabilities(capsys, tmp_path, scenario):
    """--probabilities-type uint16 / byte: moment_probability.tif of that type with its scale (the probabilities
    read back within a step of the float32 run's); without --probabilities it is refused, saying to add it, and
    nothing is written."""
    from osgeo import gdal

    paths, _ = scenario
    files = {}
    for t in ("float32", "uint16", "byte"):
        out = tmp_path / t
        rc, _, err = _run(capsys, ["detect", *paths, "--model", "cva", "--out", str(out), "--quiet",
                                   "--probabilities", "--probabilities-type", t])
        assert rc == 0, err
        files[t] = str(out / "moment_probability.tif")
    floats = gdal.Open(files["float32"]).ReadAsArray()
    for t, top, gtype in (("uint16", 65534, gdal.GDT_UInt16), ("byte", 254, gdal.GDT_Byte)):
        ds = gdal.Open(files[t])
        band = ds.GetRasterBand(2)
        assert band.DataType == gtype and band.GetScale() == pytest.approx(1.0 / top)
        assert np.abs(band.ReadAsArray() * band.GetScale() - floats[1]).max() <= 1.0 / top
    err = _assert_refused(capsys, tmp_path, ["detect", *paths, "--model", "cva", "--probabilities-type", "byte"],
                          "The probabilities type byte applies to moment_probability.tif, which this run does not "
                          "write. Add --probabilities")
    assert len(err.strip().splitlines()) == 1  # the message alone
