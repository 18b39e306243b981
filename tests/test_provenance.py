"""`python -m model_core weights`: what a weights file was trained on, and under which licences."""

import json
import os

from model_core import weights
from model_core.cli import main
from model_core.models import build_model
from model_core.provenance import describe

TINY = dict(features=8, stem=8, window=4, heads=1, pool=2)


def _file(tmp_path, name, cfg=None, **meta):
    path = str(tmp_path / name)
    if cfg is not None:
        meta["config"] = json.dumps(cfg)
    weights.save(path, build_model("caimnet", in_channels=4, **TINY), meta=meta,
                 calibration={"no_change_bias": 0.5})
    return path


def _cfg(data, init=None):
    return {"model": "caimnet", "data": data, "init": init, "epochs": 3, "seed": 5,
            "command": "python -m model_core train x.json", "val_samples": 8}


def test_public_domain_sources_from_scratch(tmp_path, capsys):
    path = _file(tmp_path, "pd.pt", _cfg({"kind": "semisynthetic", "sources": ["naip", "landsat"]}), epoch=2,
                 val=json.dumps({"val_area": {"kappa": 0.5}, "val_moment": {"kappa": 0.4},
                                 "calibrated": {"area_kappa": 0.61, "moment_kappa": 0.6}}))
    info = describe(path)
    assert info["public_domain"] is True and info["sources"] == ["naip", "landsat"]
    assert info["started_from"] is None and info["validation"]["area_kappa"] == 0.61
    model = build_model("caimnet", in_channels=4, **TINY)
    assert info["parameters"] == sum(p.numel() for p in model.parameters())  # not BatchNorm's statistics
    assert main(["weights", path]) == 0
    out = capsys.readouterr().out
    assert "licences       public domain only" in out and "scratch" in out
    assert "epoch 2 of 3, seed 5" in out and "no-change bias +0.50" in out and "CC BY-SA" not in out


def test_generator_without_sources_used_every_source(tmp_path, capsys):
    """A config without 'sources' (every file trained before the option existed) used all five sources."""
    path = _file(tmp_path, "all.pt", _cfg({"kind": "semisynthetic", "landcover_prob": 0.3}))
    info = describe(path)
    assert info["public_domain"] is False
    assert set(info["sources"]) == {"naip", "landsat", "spacenet7", "den", "cbers"}
    assert info["licences"]["spacenet7"].startswith("CC BY-SA 4.0")
    assert main(["weights", "--json", path]) == 0
    assert json.loads(capsys.readouterr().out)[0]["public_domain"] is False


def test_fine_tuned_file_is_not_called_public_domain(tmp_path, capsys):
    """Public-domain data on top of a file of unknown provenance: unknown, and the text says why."""
    path = _file(tmp_path, "ft.pt", _cfg({"kind": "semisynthetic", "sources": ["naip"]}, init="base.pt"))
    assert describe(path)["public_domain"] is None
    main(["weights", path])
    out = capsys.readouterr().out
    assert "licences       unknown" in out and "fine-tuned from 'base.pt'" in out


def test_users_own_data_and_unknown_records(tmp_path, capsys):
    own = _file(tmp_path, "own.pt", _cfg({"kind": "generic", "root": "/data/mine"}))
    info = describe(own)
    assert info["public_domain"] is None and "/data/mine" in info["note"] and "owner" in info["note"]
    elsewhere = _file(tmp_path, "elsewhere.pt", _cfg({"kind": "semisynthetic", "root": "/data/copies",
                                                      "sources": ["naip"]}))
    info = describe(elsewhere)
    assert info["public_domain"] is None and "/data/copies" in info["note"]
    main(["weights", elsewhere])
    out = capsys.readouterr().out
    assert "licences       unknown" in out and "public domain (USDA" not in out
    bare = _file(tmp_path, "bare.pt")
    assert describe(bare)["public_domain"] is None
    main(["weights", bare])
    assert "training data  unknown" in capsys.readouterr().out


def test_not_a_weights_file_is_refused_plainly(tmp_path, capsys):
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a weights file")
    assert main(["weights", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "cannot be read safely" in err and "Traceback" not in err
    assert main(["weights", str(tmp_path / "missing.pt")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["weights", str(tmp_path)]) == 2
    assert "is a folder, not a weights file" in capsys.readouterr().err


def test_bundled_files_are_described(capsys):
    assert main(["weights"]) == 0
    out = capsys.readouterr().out
    names = sorted(f for f in os.listdir(weights.WEIGHTS_DIR) if f.endswith(".pt"))
    assert {"caimnet_rgbn.pt", "schanger_rgbn.pt", "caimnet_rgbn_landcover.pt",
            "caimnet_rgbn_mixed_sources.pt"} <= set(names)
    blocks = out.split("\n\n")
    assert len(blocks) == len(names) and all("  licences " in b for b in blocks)
    # the default CAIM-Net file: trained on NAIP and Landsat only, through its whole chain (the issue's
    # requirement; since the sixteenth session)
    pd = describe(weights.default_weights("caimnet"))
    assert pd["public_domain"] is True and pd["sources"] == ["naip", "landsat"]
    # the earlier default, kept as an alternative, is not; nor are SChanger's and the land-cover file
    for name in ("caimnet_rgbn_mixed_sources.pt", "schanger_rgbn.pt", "caimnet_rgbn_landcover.pt"):
        assert describe(os.path.join(weights.WEIGHTS_DIR, name))["public_domain"] is False, name
    # the earlier default was fine-tuned from the file then named caimnet_rgbn.pt, which is not today's
    mixed = next(b for b in blocks if "caimnet_rgbn_mixed_sources.pt" in b.split("\n")[0])
    assert "started from   resources/weights/caimnet_rgbn.pt (its path when this file was trained)" in mixed


def test_a_fine_tune_records_what_its_start_file_was_trained_on(tmp_path, capsys):
    """model_core.train writes the init file's provenance into the new file: public-domain data on a
    public-domain start file is public domain; on a mixed-licence start file it is not."""
    from model_core import train
    from tests.fixtures import layouts

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    small = {"features": 8, "stem": 4, "window": 8, "heads": 1}
    pd_start = _file(tmp_path, "pd.pt", _cfg({"kind": "semisynthetic", "sources": ["naip", "landsat"]}))
    mixed_start = _file(tmp_path, "mixed.pt", _cfg({"kind": "semisynthetic"}))
    for start, name in ((pd_start, "from_pd"), (mixed_start, "from_mixed")):
        weights.save(start, build_model("caimnet", in_channels=4, **small), meta=weights.read(start)["meta"])
        cfg = {"model": "caimnet", "model_config": small, "data": {"kind": "generic", "root": root},
               "init": start, "t_min": 3, "t_max": 3, "patch": 16, "batch": 2, "epochs": 1,
               "steps_per_epoch": 1, "val_samples": 2, "seed": 3, "out": str(tmp_path / name), "threads": 1}
        (tmp_path / (name + ".json")).write_text(json.dumps(cfg))
        assert train.main([str(tmp_path / (name + ".json"))]) == 0
    # trained on the user's own folder: the licence is the data owner's, whatever the start file
    own = describe(str(tmp_path / "from_pd" / "best.pt"))
    assert own["public_domain"] is None and own["started_from"] == pd_start
    record = json.loads(weights.read(str(tmp_path / "from_mixed" / "best.pt"))["meta"]["init_provenance"])
    assert record["public_domain"] is False and "spacenet7" in record["sources"]
    # the same record on a generator fine-tune decides the chain
    meta = weights.read(str(tmp_path / "from_pd" / "best.pt"))["meta"]
    chained = _file(tmp_path, "chained.pt", _cfg({"kind": "semisynthetic", "sources": ["naip"]}, init=pd_start),
                    init_provenance=meta["init_provenance"])
    assert describe(chained)["public_domain"] is True
    main(["weights", chained])
    out = capsys.readouterr().out
    assert "licences       public domain only" in out and "itself trained on public-domain imagery only" in out
    tainted = _file(tmp_path, "tainted.pt", _cfg({"kind": "semisynthetic", "sources": ["naip"]}, init=mixed_start),
                    init_provenance=record and json.dumps(record))
    assert describe(tainted)["public_domain"] is False


def test_every_generator_source_has_a_licence():
    """A source added to the generator without a licence entry would be described as 'unknown'."""
    from model_core.datasets.synthetic import _LOADERS, PUBLIC_DOMAIN
    from model_core.provenance import SOURCES

    assert set(SOURCES) == set(_LOADERS)
    assert {s for s, (_, licence) in SOURCES.items() if licence.startswith("public domain")} == set(PUBLIC_DOMAIN)


def test_a_run_records_what_its_weights_were_trained_on(tmp_path, capsys):
    """The summary, every output's metadata and the HTML report say what the weights were trained on;
    a classical run (no weights) says nothing of the kind."""
    import numpy as np
    from osgeo import gdal
    from rasters import write_tif

    rng = np.random.default_rng(0)
    base = rng.integers(50, 200, (4, 48, 48)).astype(np.uint16)
    later = base.copy()
    later[:, 10:30, 10:30] = 240
    imgs = [write_tif(tmp_path / "a_2001.tif", base), write_tif(tmp_path / "b_2002.tif", later)]
    assert main(["detect", *imgs, "--model", "caimnet", "--out", str(tmp_path / "o"), "--quiet",
                 "--report", str(tmp_path / "run.html")]) == 0
    out = capsys.readouterr().out
    assert "Weights   trained on naip, landsat: public domain only" in out
    for name in ("change_area.tif", "change_moment.tif", "confidence.tif"):
        meta = gdal.Open(str(tmp_path / "o" / name)).GetMetadata()
        assert meta["CAIM_WEIGHTS_TRAINING"] == "naip, landsat: public domain only", name
    assert "naip, landsat: public domain only" in (tmp_path / "run.html").read_text(encoding="utf-8")
    mixed = os.path.join(weights.WEIGHTS_DIR, "caimnet_rgbn_mixed_sources.pt")
    assert main(["detect", *imgs, "--weights", mixed, "--out", str(tmp_path / "d"), "--quiet"]) == 0
    assert "NOT all public domain (spacenet7, den, cbers)" in capsys.readouterr().out
    assert main(["detect", *imgs, "--model", "cva", "--out", str(tmp_path / "c"), "--quiet"]) == 0
    assert "trained on" not in capsys.readouterr().out
    assert "CAIM_WEIGHTS_TRAINING" not in gdal.Open(str(tmp_path / "c" / "change_area.tif")).GetMetadata()


def test_describing_weights_needs_neither_the_generator_nor_scipy():
    """Runs (and the plugin's About…) describe their weights; scipy is a training-only dependency."""
    import subprocess  # nosec B404 -- a fresh interpreter of this project
    import sys

    code = ("import sys; sys.modules['scipy'] = None; from model_core import provenance, weights; "
            "print(provenance.text(provenance.describe(weights.default_weights('caimnet'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,  # nosec B603
                         cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                         env=dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    assert "licences       public domain only" in out.stdout


def test_a_training_record_of_another_shape_is_described_as_unknown(tmp_path, capsys):
    """A file whose record holds other types (a damaged or crafted file) is described, its training data
    unknown: the plugin's 'About...' button raised an AttributeError, the command printed a traceback."""
    path = _file(tmp_path, "odd.pt", {"data": 5, "epochs": "x"}, val=json.dumps({"calibrated": {"area_kappa": "high"}}))
    info = describe(path)
    assert info["public_domain"] is None and "cannot be read" in info["note"]
    assert main(["weights", path]) == 0
    assert "training data  unknown" in capsys.readouterr().out


def test_the_band_mapping_a_file_was_trained_with_is_shown(tmp_path, capsys):
    """A file trained on the user's 4-band Landsat as SWIR1, NIR, Red, Green ("data": {"bands": [3, 4, 4, 2]})
    was described as "bands red, green, blue, nir" only: the mapping a run must give again (detect warns of it
    only once it has run on the wrong bands) was nowhere in the description of the file."""
    own = _file(tmp_path, "own.pt", _cfg({"kind": "generic", "root": "/data/mine", "bands": [3, 4, 4, 2]}))
    assert describe(own)["band_mapping"] == [3, 4, 4, 2]
    assert main(["weights", own]) == 0
    out = capsys.readouterr().out
    assert "  band mapping   3,4,4,2: " in out and "--bands 3,4,4,2 (Bands in QGIS)" in out, out
    assert main(["weights", "--json", own]) == 0
    assert json.loads(capsys.readouterr().out)[0]["band_mapping"] == [3, 4, 4, 2]
    plain = _file(tmp_path, "plain.pt", _cfg({"kind": "generic", "root": "/data/mine"}))
    assert describe(plain)["band_mapping"] is None
    main(["weights", plain])
    assert "band mapping" not in capsys.readouterr().out


def test_the_description_is_shown_in_the_language_with_a_bundled_file_s_own_words(tmp_path, capsys):
    """The description of a weights file (the dialog's About…, the command with CAIM_LANGUAGE) was English in a
    German or Spanish QGIS: its labels and sentences, and what the file is.  Now the labels and sentences are in
    the current language; a bundled file (known by its SHA-256, the files themselves unchanged) is described from
    the catalogue, translated; a file's own record text (a user's 'description') is shown as it is, and the
    JSON stays English."""
    import shutil

    from model_core import i18n
    from model_core.provenance import BUNDLED_DESCRIPTIONS, file_identity, shown_text

    bundled = sorted(os.path.join(weights.WEIGHTS_DIR, f) for f in os.listdir(weights.WEIGHTS_DIR) if f.endswith(".pt"))
    # every bundled file has its description (a file replaced without its entry fails here)
    assert sorted(file_identity(p) for p in bundled) == sorted(BUNDLED_DESCRIPTIONS)
    default = weights.default_weights("caimnet")
    english = shown_text(default)
    assert "\n  description    the bundled CAIM-Net file: red, green, blue and NIR" in english
    assert "\n  licences       public domain only\n" in english
    before = i18n.set_language("de")
    try:
        german = shown_text(default)
        assert "\n  Beschreibung     die mitgelieferte CAIM-Net-Datei: Rot, Grün, Blau und NIR" in german, german
        assert "\n  Lizenzen         nur gemeinfrei\n" in german and "Bias für 'keine Änderung' +0,75" in german
        assert "auf 192 halbsynthetischen Validierungszeitreihen der Trainingsdaten" in german
        assert "licences" not in german and "trained by" not in german
        info = describe(default)   # the JSON's record: English
        assert info["description"].startswith("the bundled CAIM-Net file") and info["note"].startswith("fine-tuned")
        # a copy of the file with other bytes is not the bundled file: no bundled description
        other = str(tmp_path / "other.pt")
        shutil.copy(default, other)
        with open(other, "ab") as f:
            f.write(b"\0")
        assert "Beschreibung" not in shown_text(other)
        own = _file(tmp_path, "own.pt", _cfg({"kind": "semisynthetic", "sources": ["naip"]}),
                    description="my field trial, June")
        assert "\n  Beschreibung     my field trial, June\n" in shown_text(own)
        i18n.set_language("es")
        assert "\n  descripción             el archivo CAIM-Net incluido" in shown_text(default)
    finally:
        i18n.set_language(before)
    assert main(["weights", "--json", default]) == 0
    assert json.loads(capsys.readouterr().out)[0]["description"].startswith("the bundled CAIM-Net file")


def test_the_training_data_s_licences_are_shown_in_the_language_and_kept_english_in_the_json(tmp_path, capsys):
    """The description's list of training sources showed each licence in English in a German or Spanish QGIS
    ('naip  naip-north-dakota  public domain (USDA NAIP)'): its words are translated, licence identifiers (CC BY-SA
    4.0) and the data's names stay; the JSON keeps English."""
    from model_core import i18n
    from model_core.provenance import shown_text

    path = _file(tmp_path, "mixed.pt", _cfg({"kind": "semisynthetic", "sources": ["naip", "spacenet7", "cbers",
                                                                                     "mystery"]}))
    before = i18n.set_language("de")
    try:
        german = shown_text(path)
        for text in ("gemeinfrei (USDA NAIP)", "CC BY-SA 4.0 (SpaceNet 7)", "CBERS-Daten des INPE (kostenlos)"):
            assert text in german, german
        assert german.splitlines()[[i for i, line in enumerate(german.splitlines()) if "mystery" in line][0]].endswith(
            " unbekannt")
        assert "public domain" not in german and "free of charge" not in german
        assert "Parameter, Kanäle Rot, Grün, Blau, NIR\n" in german   # the record's bands ('red, green' before)
        i18n.set_language("es")
        spanish = shown_text(path)
        assert "parámetros, bandas roja, verde, azul, NIR\n" in spanish
        assert "dominio público (USDA NAIP)" in spanish and "datos CBERS del INPE (gratuitos)" in spanish
        assert [line for line in spanish.splitlines() if "mystery" in line][0].endswith(" desconocida"), spanish
    finally:
        i18n.set_language(before)
    assert "parameters, bands red, green, blue, nir\n" in shown_text(path)   # English as before
    assert main(["weights", "--json", path]) == 0
    record = json.loads(capsys.readouterr().out)[0]["licences"]
    assert record == {"naip": "public domain (USDA NAIP)", "spacenet7": "CC BY-SA 4.0 (SpaceNet 7)",
                      "cbers": "INPE's CBERS data (free of charge)", "mystery": "unknown"}


def test_a_fine_tune_records_which_file_it_started_from(tmp_path, capsys, monkeypatch):
    """A fine-tune's record named its start file by path only, and a path names whatever file is there later (the
    bundled caimnet_rgbn.pt started from the file bundled under that name before it).  The record keeps the start
    file's SHA-256 now, and ``weights`` says whether the file at that path today is that file, another one, or
    missing."""
    import shutil

    from model_core import train
    from model_core.provenance import file_identity
    from tests.fixtures import layouts

    monkeypatch.chdir(tmp_path)
    small = {"features": 8, "stem": 4, "window": 8, "heads": 1}
    start = _file(tmp_path, "start.pt", _cfg({"kind": "semisynthetic", "sources": ["naip"]}))
    weights.save(start, build_model("caimnet", in_channels=4, **small), meta=weights.read(start)["meta"])
    digest = file_identity(start)
    layouts.write_generic(str(tmp_path / "data"))
    cfg = {"model": "caimnet", "model_config": small, "data": {"kind": "generic", "root": "data"},
           "init": "start.pt", "t_min": 3, "t_max": 3, "patch": 16, "batch": 2, "epochs": 1,
           "steps_per_epoch": 1, "val_samples": 2, "seed": 3, "out": "tuned", "threads": 1}
    (tmp_path / "tune.json").write_text(json.dumps(cfg))
    assert train.main(["tune.json"]) == 0
    capsys.readouterr()
    tuned = str(tmp_path / "tuned" / "best.pt")
    assert json.loads(weights.read(tuned)["meta"]["init_provenance"])["sha256"] == digest
    assert describe(tuned)["start_file_sha256"] == digest
    assert main(["weights", tuned]) == 0
    assert "  start file     sha256 %s (the file at that path today)\n" % digest in capsys.readouterr().out
    shutil.copy(tuned, start)  # another file at the start path now
    assert main(["weights", tuned]) == 0
    assert ("sha256 %s (not the file at that path today: it was replaced since)" % digest) in capsys.readouterr().out
    os.remove(start)
    assert main(["weights", tuned]) == 0
    assert ("sha256 %s (no file at that path from here)" % digest) in capsys.readouterr().out
    # a file whose record has no hash (trained before) shows no such line
    older = os.path.join(os.path.dirname(weights.default_weights("caimnet")), "caimnet_rgbn_mixed_sources.pt")
    assert main(["weights", older]) == 0
    assert "start file" not in capsys.readouterr().out
    # the bundled file started from the file it replaced at its own path: the hash, without a claim about today's
    assert main(["weights", weights.default_weights("caimnet")]) == 0
    out = capsys.readouterr().out
    assert "  start file     sha256 afce251b7f8d77e2b42819d5014dfec35fd289143114f8dcc801240d787d8999\n" in out, out


def test_a_start_path_that_is_the_file_s_own_names_an_earlier_file(tmp_path, capsys):
    """The bundled caimnet_rgbn.pt is a fine-tune of the file bundled under that name before it: its description
    read 'started from resources/weights/caimnet_rgbn.pt (its path when this file was trained)' and 'fine-tuned from
    'resources/weights/caimnet_rgbn.pt'', a file started from itself.  A start path that is the file's own (the same
    name in a bundled weights folder, the same absolute path, or the file now there is this one) is called an earlier
    file, since replaced, with the start file's own start when the record has it; a start path that is another
    file's says nothing of the kind."""
    import shutil

    from model_core import i18n
    from model_core.provenance import shown_text

    default = weights.default_weights("caimnet")
    info = describe(default)
    assert info["started_from"] == "resources/weights/caimnet_rgbn.pt" and info["started_from_own_path"] is True
    # SPXC started from SPX, which had started from PD2 at the same path: a start at that path is not named again
    assert info["start_file_started_from"] == "resources/weights/caimnet_rgbn.pt"
    assert info["note"].startswith("fine-tuned from the earlier file at 'resources/weights/caimnet_rgbn.pt'")
    assert main(["weights", default, os.path.join(weights.WEIGHTS_DIR, "caimnet_rgbn_mixed_sources.pt")]) == 0
    own, sibling = capsys.readouterr().out.split("\n\n")
    assert ("started from   resources/weights/caimnet_rgbn.pt (its path when this file was trained: an earlier file, "
            "since replaced by this one)\n") in own, own
    assert "(fine-tuned from the earlier file at 'resources/weights/caimnet_rgbn.pt', itself trained on " in own
    # the earlier default started from the file then at resources/weights/caimnet_rgbn.pt: another file's path
    assert "started from   resources/weights/caimnet_rgbn.pt (its path when this file was trained)\n" in sibling
    assert "earlier" not in sibling and "replaced" not in sibling
    assert describe(os.path.join(weights.WEIGHTS_DIR, "caimnet_rgbn_mixed_sources.pt"))["started_from_own_path"] is False
    before = i18n.set_language("de")
    try:
        german = shown_text(default)
        assert ("\n  ausgehend von    resources/weights/caimnet_rgbn.pt (ihr Pfad, als diese Datei trainiert wurde: eine "
                "frühere Datei, inzwischen durch diese ersetzt)\n" in german), german
        assert "(feinabgestimmt von der früheren Datei unter 'resources/weights/caimnet_rgbn.pt', die selbst" in german
        sibling = shown_text(os.path.join(weights.WEIGHTS_DIR, "caimnet_rgbn_mixed_sources.pt"))
        assert "(ihr Pfad, als diese Datei trainiert wurde)\n" in sibling and "früher" not in sibling
    finally:
        i18n.set_language(before)
    assert main(["weights", "--json", default]) == 0
    assert json.loads(capsys.readouterr().out)[0]["started_from_own_path"] is True

    def fine_tune(path, init, start_of_start=None):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        record = {"file": init, "public_domain": True, "sources": ["naip"], "started_from": start_of_start}
        return _file(tmp_path, path, _cfg({"kind": "semisynthetic", "sources": ["naip"]}, init=init),
                     init_provenance=json.dumps(record))

    # the same absolute path; the start file's start at that path too is not named again
    same = str(tmp_path / "same.pt")
    fine_tune(same, same, start_of_start=same)
    assert describe(same)["started_from_own_path"] is True
    main(["weights", same])
    out = capsys.readouterr().out
    assert f"{same} (its path when this file was trained: an earlier file, since replaced by this one)\n" in out
    # the same name in another clone's (or the plugin's) bundled folder, as the record names it
    clone = str(tmp_path / "clone" / "resources" / "weights" / "mine.pt")
    fine_tune(clone, "resources/weights/mine.pt", start_of_start="runs/a/best.pt")
    assert describe(clone)["started_from_own_path"] is True
    # a copy of the bundled file elsewhere: the file at its start path is itself
    copy = str(tmp_path / "copy.pt")
    shutil.copy(default, copy)
    assert describe(copy)["started_from_own_path"] is True
    # other files' start paths: another absolute file, the bundled file of that name (other bytes), a relative path
    for name, init in (("other.pt", str(tmp_path / "same.pt")), ("caimnet_rgbn.pt", "resources/weights/caimnet_rgbn.pt"),
                       ("rel.pt", "rel.pt")):
        path = fine_tune(str(tmp_path / "elsewhere" / name), init, start_of_start="runs/a/best.pt")
        info = describe(path)
        assert info["started_from_own_path"] is False and "earlier" not in info["note"], name
        main(["weights", path])
        out = capsys.readouterr().out
        assert f"{init} (its path when this file was trained)\n" in out and "earlier" not in out, out
