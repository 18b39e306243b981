"""The engine's messages in German and Spanish (model_core.i18n): every template in the code has a
translation with the same fields in each catalogue, the catalogues load safely, the language is English
unless set, and the command line stays English without CAIM_LANGUAGE."""

import json
import os
import re
import subprocess  # nosec B404 -- runs this project's own CLI in a test
import sys

import numpy as np
import pytest
from rasters import write_tif

from model_core import i18n
from model_core.errors import InputError
from model_core.i18n import _

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import engine_messages  # noqa: E402

# the refusal of 3 dates with different band counts, as the command line printed it before the engine's
# messages were translatable (byte for byte)
BANDS_DIFFER = ("error: The inputs have different numbers of bands ('a_2019.tif': 4, 'b_2020.tif': 4, "
                "'c_2021.tif': 3). Every date needs the same bands in the same order: select them with the band "
                "mapping (e.g. 3,2,1,4; --bands on the command line, BANDS in Processing).")


@pytest.fixture(autouse=True)
def english_afterwards():
    before, marks = i18n.set_language("en"), i18n.set_number_marks(None)  # the language's marks (a QGIS test set QGIS's)
    yield
    i18n.set_language(before)
    i18n.set_number_marks(*(marks or (None,)))


def test_every_template_has_a_german_and_a_spanish_translation_with_its_fields():
    templates, _problems = engine_messages.code_templates()
    assert len(templates) > 50
    assert engine_messages.check() == []


def test_the_check_finds_a_missing_translation_a_changed_field_and_a_hidden_underscore(tmp_path, monkeypatch):
    engine = tmp_path / "model_core"
    engine.mkdir()
    (engine / "m.py").write_text(
        "from model_core.i18n import _\n"
        "def f(path, n):\n"
        "    raise ValueError(_('Input {n} {path!r} has {share:.1f} %').format(n=n, path=path, share=1.0))\n"
        "def g(text):\n"
        "    key, _, value = text.partition('=')\n"
        "    return _('Key {key}').format(key=key)\n"
        "def h(done, *_):\n"
        "    return _('Key {key}').format(key=done)\n")
    for code, entries in (("de", {"Input {n} {path!r} has {share:.1f} %": "Eingabe {n} {path} hat {share:.1f} %",
                                  "Old": "Alt"}),
                          ("es", {"Input {n} {path!r} has {share:.1f} %": "Entrada {n} {path!r} tiene {share:.1f} %",
                                  "Key {key}": "Clave {clave}"})):
        (tmp_path / f"{code}.json").write_text(json.dumps(entries), encoding="utf-8")
    monkeypatch.setattr(engine_messages, "ENGINE", str(engine))
    monkeypatch.setattr(engine_messages, "catalogue_path", lambda code: str(tmp_path / f"{code}.json"))
    problems = "\n".join(engine_messages.check())
    assert "binds the name _" in problems and "m.py:5" in problems
    assert "m.py:7: binds the name _" in problems  # a callback's *_ (polygons' GDAL progress callback had one)
    assert "de: no translation of" in problems and "'Key {key}'" in problems
    assert "de: the fields of the translation" in problems and "('path', 'r', '')" in problems
    assert "es: the fields of the translation" in problems and "clave" in problems
    assert "de: entry no longer in the code: 'Old'" in problems
    assert "es: no translation" not in problems
    engine_messages.update()   # adds the missing ones, empty, and keeps the rest
    de = json.loads((tmp_path / "de.json").read_text(encoding="utf-8"))
    assert de["Key {key}"] == "" and de["Old"] == "Alt" and list(de)[0].startswith("Input {n}")


def test_update_adds_new_templates_beside_their_neighbours_and_moves_no_entry(tmp_path, monkeypatch):
    """--update sorted the whole catalogue into code order (about 100 moved lines for two new messages); now the
    entries there keep their order and text, a new template goes right after the entry of the one before it in the
    code, and a stale entry stays. On a copy of the German catalogue, in an order of its own (reversed)."""
    templates = [t for t, _w in engine_messages.code_templates()[0]]
    real = engine_messages.read_catalogue("de")
    first, middle = templates[0], templates[len(templates) // 2]
    before = templates[len(templates) // 2 - 1]
    kept = {t: real[t] for t in reversed(list(real)) if t not in (first, middle)}
    kept["Stale message {x}"] = "Alte Meldung {x}"
    copy = tmp_path / "de.json"
    copy.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    monkeypatch.setattr(engine_messages, "LANGUAGES", ("de",))
    monkeypatch.setattr(engine_messages, "catalogue_path", lambda code: str(tmp_path / f"{code}.json"))
    added = engine_messages.update()
    out = json.loads(copy.read_text(encoding="utf-8"))
    keys = list(out)
    assert [k for k in keys if k not in (first, middle)] == list(kept)  # nothing moved, the stale one kept
    assert all(out[k] == v for k, v in kept.items())
    assert out[first] == out[middle] == ""
    assert keys[0] == first  # the code's first template: at the top
    assert keys[keys.index(before) + 1] == middle  # right after the template before it in the code
    assert added == {"de": 2}
    text = copy.read_bytes()
    assert engine_messages.update() == {"de": 0} and copy.read_bytes() == text  # nothing new: not rewritten


def test_the_check_finds_a_translation_that_drops_or_renames_an_option(tmp_path, monkeypatch):
    """The plugin finds ALLOW_HUGE in the engine's messages (the dialog's 'Run anyway?') and names "--bands" and
    "--overwrite" its own way (i18n.option_names, by the templates' option field): a translation must keep the
    options written out, as often as the template, and the option fields (a dropped field, or the field spelt out
    as the command line's option, would show the command line's option in QGIS)."""
    engine = tmp_path / "model_core"
    engine.mkdir()
    (engine / "m.py").write_text(
        "from model_core.i18n import _\n"
        "A = _('Give them with --bands.')\n"
        "B = _('Allow huge runs (--allow-huge, ALLOW_HUGE in Processing).')\n"
        "C = _('Bands per date (--bands-per-date, BANDS_PER_DATE); or --bands, BANDS.')\n"
        "D = _('Not stacked (give them with {option}).').format(option=option('--bands'))\n"
        "E = _('Allow overwriting ({option:full}).').format(option=option('--overwrite'))\n")
    for code, entries in (("de", {"Give them with --bands.": "Mit --bands angeben.",
                                  "Allow huge runs (--allow-huge, ALLOW_HUGE in Processing).":
                                      "Große Läufe erlauben (--allow-huge, ERLAUBE_GROSS in Processing).",
                                  "Bands per date (--bands-per-date, BANDS_PER_DATE); or --bands, BANDS.":
                                      "Kanäle je Zeitpunkt (--bands-per-date, BANDS_PER_DATE); oder --bands, KANÄLE.",
                                  "Not stacked (give them with {option}).": "Nicht gestapelt (mit --bands angeben).",
                                  "Allow overwriting ({option:full}).": "Überschreiben erlauben ({option:full})."}),
                          ("es", {"Give them with --bands.": "Darlas con las bandas.",
                                  "Allow huge runs (--allow-huge, ALLOW_HUGE in Processing).":
                                      "Permitir (--allow-huge, ALLOW_HUGE en Processing).",
                                  "Bands per date (--bands-per-date, BANDS_PER_DATE); or --bands, BANDS.":
                                      "Bandas (--bands-per-date, BANDS_PER_DATE); o --bands, BANDS.",
                                  "Not stacked (give them with {option}).": "No apiladas (indicarlas con {option}).",
                                  "Allow overwriting ({option:full}).": "Permitir sobrescribir ({option})."})):
        (tmp_path / f"{code}.json").write_text(json.dumps(entries), encoding="utf-8")
    monkeypatch.setattr(engine_messages, "ENGINE", str(engine))
    monkeypatch.setattr(engine_messages, "catalogue_path", lambda code: str(tmp_path / f"{code}.json"))
    problems = engine_messages.check()
    assert len(problems) == 6, problems
    # the field dropped and the option spelt out in its place: the field and the option both differ
    assert any(p.startswith("de: the fields of the translation of ") and "m.py:5 " in p and "('option', '', '')" in p
               for p in problems), problems
    assert any(p.startswith("de: the translation of ") and "m.py:5 " in p and "['--bands']" in p for p in problems)
    # the field kept without its form: '(the advanced parameter ..., OVERWRITE)' would become a bare name
    assert any(p.startswith("es: the fields of the translation of ") and "m.py:6 " in p for p in problems), problems
    assert any(p.startswith("de: the translation of ") and "m.py:3 " in p and "'ALLOW_HUGE', 'ERLAUBE_GROSS'" in p
               for p in problems), problems
    assert any(p.startswith("de: the translation of ") and "m.py:4 " in p and "['BANDS']" in p for p in problems)
    assert any(p.startswith("es: the translation of ") and "m.py:2 " in p and "['--bands']" in p for p in problems)
    assert not any(p.startswith("de:") and "m.py:2" in p for p in problems)


def test_the_catalogues_are_plain_text_to_text_and_load_safely(tmp_path):
    for code in i18n.LANGUAGES:
        with open(i18n.catalogue_path(code), encoding="utf-8") as f:
            data = json.load(f)
        assert isinstance(data, dict) and data
        assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in data.items())
        assert i18n.load_catalogue(i18n.catalogue_path(code)) == data
    broken = tmp_path / "broken.json"
    for text in ("{not json", "[1, 2]", "null", "\x00\x01"):
        broken.write_text(text, encoding="utf-8")
        assert i18n.load_catalogue(str(broken)) == {}
    broken.write_bytes(b"\xff\xfe{")
    assert i18n.load_catalogue(str(broken)) == {}
    broken.write_text(json.dumps({"A {x}": "B {x}", "C": 3, "D": "", "E": None}), encoding="utf-8")
    assert i18n.load_catalogue(str(broken)) == {"A {x}": "B {x}"}
    assert i18n.load_catalogue(str(tmp_path / "missing.json")) == {}


def test_the_language_is_english_unless_set_and_falls_back_to_english(monkeypatch):
    template = "Input {n} has an empty path."
    monkeypatch.delenv("CAIM_LANGUAGE", raising=False)
    i18n.set_language(None)
    assert i18n.language() == "en" and _(template) == template
    monkeypatch.setenv("CAIM_LANGUAGE", "es_ES.UTF-8")
    assert i18n.language() == "es" and _(template) != template
    i18n.set_language("de_DE")   # the plugin's setting wins over the environment
    german = _(template)
    assert german != template and german.format(n=2) == i18n.translate(template, "de").format(n=2)
    assert "Eingabe 2" in german.format(n=2)
    assert _("a text no catalogue has") == "a text no catalogue has"
    for name in ("fr_FR", "C", "", "pt-BR"):
        i18n.set_language(name)
        assert _(template) == template
    assert [i18n.language_code(n) for n in ("de_AT", "es-MX", "DE", "C", None, "de_DE.UTF-8@euro")] == \
        ["de", "es", "de", "en", "en", "de"]


def test_an_engine_refusal_in_german_and_spanish(tmp_path):
    from model_core.stack import Stack

    imgs = [write_tif(tmp_path / f"{n}.tif", np.ones((b, 16, 16), np.float32))
            for n, b in (("a_2019", 4), ("b_2020", 4), ("c_2021", 3))]
    for code, words in (("en", "The inputs have different numbers of bands"),
                        ("de", "Die Eingaben haben unterschiedlich viele Kanäle"),
                        ("es", "Las entradas tienen distintos números de bandas")):
        i18n.set_language(code)
        with pytest.raises(InputError) as err:
            Stack(imgs)
        assert words in str(err.value) and "'c_2021.tif': 3" in str(err.value) and "--bands" in str(err.value)


def _cli(tmp_path, language=None):
    imgs = [write_tif(tmp_path / f"{n}.tif", np.ones((b, 16, 16), np.float32))
            for n, b in (("a_2019", 4), ("b_2020", 4), ("c_2021", 3))]
    env = dict(os.environ, PYTHONPATH=ROOT)
    env.pop("CAIM_LANGUAGE", None)
    if language:
        env["CAIM_LANGUAGE"] = language
    p = subprocess.run([sys.executable, "-m", "model_core", "detect", *[os.path.basename(i) for i in imgs],  # nosec B603
                        "--out", "o", "--model", "cva"], capture_output=True, text=True, env=env,
                       cwd=str(tmp_path), timeout=300)
    assert p.returncode == 2
    return p.stderr.strip().splitlines()[-1]


def test_the_command_line_stays_english_without_caim_language(tmp_path):
    assert _cli(tmp_path) == BANDS_DIFFER


def test_caim_language_switches_the_command_line(tmp_path):
    line = _cli(tmp_path, "de")
    assert line.startswith("error: Die Eingaben haben unterschiedlich viele Kanäle") and "'c_2021.tif': 3" in line


def test_the_run_s_summary_notes_and_progress_in_spanish(tmp_path):
    from model_core.predict import detect, tile_text

    imgs = [write_tif(tmp_path / f"{n}.tif", np.full((4, 32, 32), v, np.float32))
            for n, v in (("a_2019", 10.0), ("b_2020", 11.0), ("c_2020", 12.0))]
    i18n.set_language("es")
    progress = []
    res = detect(imgs, str(tmp_path / "out"), model="cva", progress=lambda f, text: progress.append(text))
    summary = res.summary_text()
    assert "Malla       32 x 32 px, píxel 10 x 10 m" in summary and "Fechas      3: 2019, 2020, 2020" in summary
    assert "Advertencia: dos o más entradas tienen la misma fecha (2020)" in summary and "Salidas:" in summary
    assert progress[0] == "Cargando el modelo" and "Hecho" in progress
    assert tile_text(3, 12, 20.0) == "Tesela 3/12, unos 60 s para las demás teselas"
    i18n.set_language("en")
    assert tile_text(3, 12, 20.0) == "Tile 3/12, about 60 s for the other tiles"
    assert res.summary_text() != summary and "Grid      32 x 32 px, pixel 10 x 10 m" in res.summary_text()
    # the outputs by the names their layers have ('area', 'moment' in a Spanish summary, seen in a Spanish walk)
    lines = summary.splitlines()
    assert "  área de cambio     %s" % res.paths["area"] in lines, summary  # the longest name and a space
    assert "  momento del cambio %s" % res.paths["moment"] in lines, summary
    assert "  area          %s" % res.paths["area"] in res.summary_text().splitlines()


def test_a_weights_refusal_in_german(tmp_path):
    from model_core.errors import WeightsError
    from model_core.weights import read

    i18n.set_language("de")
    with pytest.raises(WeightsError) as err:
        read(str(tmp_path / "missing.pt"))
    assert str(err.value).startswith("Die Gewichtsdatei '") and "missing.pt' existiert nicht" in str(err.value)


def test_why_a_weights_file_is_refused_is_said_in_the_language_too(tmp_path):
    """A German or Spanish refusal of a file that is no weights file said why in English inside it ('... kann
    nicht sicher gelesen werden (not a zip archive as torch.save writes one)'; seen with a text file given as
    weights); each of the three reasons is translated now."""
    import zipfile

    from model_core.errors import WeightsError
    from model_core.weights import read

    junk = tmp_path / "junk.pt"
    junk.write_text("no weights")
    packed = tmp_path / "packed.pt"
    with zipfile.ZipFile(packed, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.pkl", b"0" * 100)
    said = {}
    for code in ("de", "es"):
        i18n.set_language(code)
        for path in (junk, packed):
            with pytest.raises(WeightsError) as err:
                read(str(path))
            said[code, path.name] = str(err.value)
    assert "(kein Zip-Archiv, wie torch.save es schreibt)" in said["de", "junk.pt"], said
    assert "(ihre Teile sind komprimiert, was torch.save nie schreibt)" in said["de", "packed.pt"], said
    assert "(no es un archivo zip como los que escribe torch.save)" in said["es", "junk.pt"], said
    assert "(sus partes están comprimidas" in said["es", "packed.pt"], said


def test_a_split_refusal_in_german(tmp_path):
    from osgeo import gdal

    from model_core.stacked import layout

    path = write_tif(tmp_path / "series.tif", np.ones((8, 8, 8), np.float32))
    i18n.set_language("de")
    with pytest.raises(InputError) as err:
        layout(gdal.Open(path), "series.tif")
    assert str(err.value).startswith("'series.tif' hat 8 Kanäle, und keiner seiner Kanalnamen trägt ein Datum")
    assert "--bands-per-date" in str(err.value) and "BANDS_PER_DATE" in str(err.value)


def test_a_zones_refusal_in_spanish(tmp_path):
    from model_core.errors import OutputError
    from model_core.zones import check_output

    i18n.set_language("es")
    with pytest.raises(OutputError) as err:
        check_output(str(tmp_path / "zones.shp"))
    assert str(err.value).startswith("Salida '") and "un Shapefile corta los nombres de campo" in str(err.value)


def test_an_accuracy_refusal_in_german():
    from model_core.accuracy import parse_sizes

    i18n.set_language("de")
    with pytest.raises(InputError) as err:
        parse_sizes("0:200,eins")
    assert str(err.value) == "Der Stichprobenumfang 'eins' ist nicht KLASSE:N (z. B. 0:200,1:50)."


def test_the_check_finds_an_underscore_bound_as_an_argument_an_exception_or_an_import(tmp_path, monkeypatch):
    """``def traced(complete, *_)`` in polygons.py made its ``_('Tracing change polygons')`` call a tuple (GDAL
    then stopped the tracing): the check missed such bindings."""
    engine = tmp_path / "model_core"
    engine.mkdir()
    (engine / "m.py").write_text(
        "from model_core.i18n import _\n"
        "def f(progress):\n"
        "    def traced(complete, *_):\n"
        "        progress(complete, _('Tracing'))\n"
        "    def g(**_):\n"
        "        return 1\n"
        "    h = lambda _: _('Tracing')\n"
        "    try:\n"
        "        pass\n"
        "    except ValueError as _:\n"
        "        raise\n"
        "    from gettext import gettext as _\n"
        "    return traced, g, h\n")
    for code in ("de", "es"):
        (tmp_path / f"{code}.json").write_text(json.dumps({"Tracing": "x"}), encoding="utf-8")
    monkeypatch.setattr(engine_messages, "ENGINE", str(engine))
    monkeypatch.setattr(engine_messages, "catalogue_path", lambda code: str(tmp_path / f"{code}.json"))
    problems = [p for p in engine_messages.check() if "binds the name _" in p]
    assert sorted(int(p.split(":")[1]) for p in problems) == [3, 5, 7, 10, 12], problems


def test_the_polygons_progress_texts_in_german(tmp_path):
    """write_polygons' progress (the command line's --polygons prints it) speaks the engine's language, as the
    run's own progress does: it was English under CAIM_LANGUAGE=de."""
    from model_core.polygons import write_polygons

    moment = np.zeros((1, 16, 16), np.uint8)
    moment[0, 2:6, 2:6], moment[0, 9:14, 9:14] = 1, 2
    path = write_tif(tmp_path / "change_moment.tif", moment)
    i18n.set_language("de")
    texts = []
    n = write_polygons(path, str(tmp_path / "p.gpkg"), dates=["2019", "2020", "2021"],
                       progress=lambda f, text: texts.append(text))
    assert n == 2 and texts, texts
    assert "Änderungspolygone werden nachgezeichnet" in texts, texts
    assert texts[-1] == "Änderungspolygone werden geschrieben (2 von 2)", texts


def test_the_notice_of_a_killed_run_s_partial_folder_in_spanish(tmp_path):
    """The run's notice that it removed a partial-output folder a killed run left was English in a Spanish QGIS."""
    from model_core.predict import PARTIAL_PREFIX, detect
    from model_core.staging import IN_USE

    imgs = [write_tif(tmp_path / f"{n}.tif", np.full((4, 16, 16), v, np.float32))
            for n, v in (("a_2019", 10.0), ("b_2020", 11.0))]
    left = tmp_path / "out" / (PARTIAL_PREFIX + "killed")
    left.mkdir(parents=True)
    (left / IN_USE).write_text("")  # nobody holds it: a run killed on the spot
    i18n.set_language("es")
    notices = []
    detect(imgs, str(tmp_path / "out"), model="cva", notice=notices.append)
    assert any(n.startswith("Se quitó 1 carpeta(s) de salida parcial en '") and PARTIAL_PREFIX + "killed" in n
               for n in notices), notices


def test_numbers_in_german_and_spanish_messages_take_a_decimal_comma():
    from model_core.errors import size_text
    from model_core.i18n import localize_number, number
    from model_core.predict import duration_text

    template = "Changed   {changed} of {valid} valid px ({pct:.2f} %)"
    english = [_(template).format(changed=5, valid=40, pct=number(12.5)), duration_text(9000), size_text(1.5e9),
               format(number(1234567.891), ",.2f"), str(number(0.25))]
    assert english == ["Changed   5 of 40 valid px (12.50 %)", "about 2.5 h", "1.5 GB", "1,234,567.89", "0.25"]
    assert english[0] == template.format(changed=5, valid=40, pct=12.5)  # English: the plain number's text
    i18n.set_language("de")
    assert _(template).format(changed=5, valid=40, pct=number(12.5)).endswith("(12,50 %)")
    assert [duration_text(9000), size_text(1.5e9), format(number(1234567.891), ",.2f")] == \
        ["etwa 2,5 h", "1,5 GB", "1.234.567,89"]
    i18n.set_language("es")
    assert size_text(1.5e9) == "1,5 GB" and str(number(0.25)) == "0,25"
    assert localize_number("1,5 GB", "en") == "1,5 GB" and localize_number("0.5", "de_DE") == "0,5"


def test_a_caller_s_number_marks_come_before_the_language_s():
    """The QGIS plugin gives QGIS's number format (set_number_marks); without it, the language's (the command
    line's, unchanged): German and Spanish a decimal comma and a point between thousands, English the point."""
    from model_core.errors import size_text
    from model_core.i18n import localize_number, number

    i18n.set_language("de")
    assert format(number(1234.5), ",.2f") == "1.234,50" and size_text(1.5e9) == "1,5 GB"
    assert i18n.set_number_marks(",", "") is None
    assert format(number(1234.5), ",.2f") == "1234,50" and size_text(1.5e9) == "1,5 GB"
    assert localize_number("1,234.5", "en") == "1,234.5"  # a language asked for by name keeps its own marks
    i18n.set_language("en")
    assert format(number(1234.5), ",.2f") == "1234,50"  # an English QGIS with a German number format
    assert i18n.set_number_marks(".", "\u2019") == (",", "")
    assert format(number(1234.5), ",.2f") == "1\u2019234.50"  # Swiss
    assert i18n.set_number_marks(None) == (".", "\u2019")
    assert format(number(1234.5), ",.2f") == "1,234.50"


def test_one_second_and_one_year_of_the_run_time_estimate_read_right():
    """The Spanish estimate said "unos 1 s" ("unos", about, is plural) and the English one "about 1 years": one
    second and one year have their own words in every language; the other numbers keep theirs."""
    from model_core.predict import duration_text

    year = 365.25 * 86400
    cases = (1.2, 0.3, 12, 1.02 * year, 2.5 * year)
    assert [duration_text(s) for s in cases] == ["about 1 s", "about 1 s", "about 12 s", "about 1 year", "about 2.5 years"]
    i18n.set_language("de")
    assert [duration_text(s) for s in cases] == ["etwa 1 s", "etwa 1 s", "etwa 12 s", "etwa 1 Jahr", "etwa 2,5 Jahre"]
    i18n.set_language("es")
    assert [duration_text(s) for s in cases] == ["alrededor de 1 s", "alrededor de 1 s", "unos 12 s",
                                                 "alrededor de 1 año", "unos 2,5 años"]


def test_a_size_of_one_unit_reads_right_in_spanish():
    """The Spanish estimate said "salidas de unos 1 MB" ("unos", about, is plural), as it said "unos 1 s": one unit
    of a size has its own words wherever the engine says "about" a size (the estimate lines, the refusals of
    outputs that do not fit); other sizes keep theirs, and the English text is as before."""
    from model_core.errors import about_size_text
    from model_core.predict import check_scale

    sizes = (1.0e6, 1.004e9, 1.5e9, 12e6, 800.0)
    estimate = {"seconds": 12.0, "disks": [(["/out"], 1.0e6, 0.6e6, None)]}
    assert [about_size_text(b) for b in sizes] == ["about 1 MB", "about 1 GB", "about 1.5 GB", "about 12 MB",
                                                   "about 0.8 kB"]
    assert check_scale(estimate, 100, 100, 3, "cva")[0] == "Estimate  about 12 s on this machine, outputs about 1 MB " \
                                                          "(100 x 100 px, 3 dates)"
    i18n.set_language("de")
    assert [about_size_text(b) for b in sizes] == ["etwa 1 MB", "etwa 1 GB", "etwa 1,5 GB", "etwa 12 MB", "etwa 0,8 kB"]
    i18n.set_language("es")
    assert [about_size_text(b) for b in sizes] == ["alrededor de 1 MB", "alrededor de 1 GB", "unos 1,5 GB",
                                                   "unos 12 MB", "unos 0,8 kB"]
    assert "salidas de alrededor de 1 MB (" in check_scale(estimate, 100, 100, 3, "cva")[0]


def test_sizes_and_durations_just_under_a_thousand_of_a_unit_are_not_in_exponent_notation():
    """A size that rounds to 1000 of its unit read "about 1e+03 MB" ("%.3g" of 999.6) in the estimate line, and a
    run of more than 99.5 years "about 1e+02 years" (its refusal): the next unit, or the whole number."""
    from model_core.errors import about_size_text, size_text
    from model_core.predict import duration_text

    sizes = (999.6e6, 999.4e6, 0.9996e6, 1.5e15)
    years = [y * 365.25 * 86400 for y in (99.4, 99.6, 1234.5)]
    assert [size_text(b) for b in sizes] == ["1 GB", "999 MB", "1 MB", "1,500 TB"]
    assert about_size_text(999.6e6) == "about 1 GB"
    assert [duration_text(s) for s in years] == ["about 99 years", "about 100 years", "about 1,234 years"]
    i18n.set_language("de")
    assert [size_text(b) for b in sizes] == ["1 GB", "999 MB", "1 MB", "1.500 TB"]
    assert about_size_text(999.6e6) == "etwa 1 GB"
    assert [duration_text(s) for s in years] == ["etwa 99 Jahre", "etwa 100 Jahre", "etwa 1.234 Jahre"]
    i18n.set_language("es")
    assert about_size_text(999.6e6) == "alrededor de 1 GB"
    assert [duration_text(s) for s in years] == ["unos 99 años", "unos 100 años", "unos 1.234 años"]


def test_one_unit_of_free_space_reads_right_in_spanish():
    """The Spanish messages about a disk's free space said "1 MB libres" ("libres", free, is plural) for exactly one
    unit: the may-not-fit warning, the refusal of outputs that do not fit, the change polygons' refusal and their
    "N MB libres allí". The failed write's "(N MB free)" was English in every language. One unit has words of its own ("1 MB libre"), as "about 1 MB" has; other sizes keep theirs,
    and the English and German texts are as before."""
    from model_core.errors import OutputError, free_mb_text, free_size_text
    from model_core.predict import check_scale

    fits_barely = {"seconds": 12.0, "disks": [(["/out"], 3.0e6, 0.5e6, 1.0e6)]}
    too_small = {"seconds": 12.0, "disks": [(["/out"], 3.0e6, 2.0e6, 1.0e6)]}

    def said():
        with pytest.raises(OutputError) as refused:
            check_scale(too_small, 100, 100, 3, "cva")
        return ([free_size_text(b) for b in (1.0e6, 1.5e9, 800.0, 0.0)], [free_mb_text(mb) for mb in (1.2, 0.4, 1234.4)]
                + [free_mb_text(mb, there=False) for mb in (1.2, 1234.4)],
                check_scale(fits_barely, 100, 100, 3, "cva")[1], str(refused.value))

    sizes, mbs, warning, refusal = said()
    assert sizes == ["1 MB free", "1.5 GB free", "0.8 kB free", "0 kB free"]
    assert mbs == ["1 MB free there", "0 MB free there", "1234 MB free there", "1 MB free",
                   "1234 MB free"]
    assert warning == "Warning: the outputs may not fit in '/out': about 3 MB (at least 500 kB), 1 MB free."
    assert "in '/out', whose disk has 1 MB free (100 x 100 px, 3 dates)." in refusal
    i18n.set_language("de")
    sizes, mbs, warning, refusal = said()
    assert sizes == ["1 MB frei", "1,5 GB frei", "0,8 kB frei", "0 kB frei"]
    assert mbs == ["1 MB frei dort", "0 MB frei dort", "1234 MB frei dort", "1 MB frei", "1234 MB frei"]
    assert warning.endswith("(mindestens 500 kB), 1 MB frei.") and "deren Datenträger 1 MB frei hat (" in refusal
    i18n.set_language("es")
    sizes, mbs, warning, refusal = said()
    assert sizes == ["1 MB libre", "1,5 GB libres", "0,8 kB libres", "0 kB libres"]
    assert mbs == ["1 MB libre allí", "0 MB libres allí", "1234 MB libres allí", "1 MB libre",
                   "1234 MB libres"]
    assert warning.endswith("(al menos 500 kB), 1 MB libre.") and "cuyo disco tiene 1 MB libre (100 x 100" in refusal


def _comparison_inputs(tmp_path):
    rng = np.random.default_rng(1)
    ref = rng.choice(4, size=(50, 70), p=[0.7, 0.1, 0.1, 0.1]).astype(np.uint8)
    pred = ref.copy()
    pred[rng.random(ref.shape) < 0.2] = 1
    mask = (ref > 0).astype(np.uint8) * 255
    return (write_tif(tmp_path / "change_moment.tif", pred[None]), write_tif(tmp_path / "truth.tif", ref[None]),
            write_tif(tmp_path / "mask.tif", mask[None]))


def test_a_comparison_in_german_and_its_english_csv(tmp_path):
    from model_core.compare import compare

    map_path, ref_path, mask_path = _comparison_inputs(tmp_path)
    english = compare(map_path, mask_path)
    i18n.set_language("de")
    german = compare(map_path, mask_path)
    text = german.text()
    assert "Referenz:" in text and "eine Änderungsmaske (geändert: jeder Wert ungleich null)" in text
    assert "Hinweis: die Referenz enthält auf den verglichenen Pixeln nur 0 und 255: als Änderungsmaske verglichen" \
        in text
    assert re.search(r"geänderte Fläche auf den verglichenen Pixeln: Karte \d+,\d\d ha, Referenz \d+,\d\d ha", text)
    assert re.search(r"Referenz unverändert +\d\.\d{3} ", text) and re.search(r"Karte gegen Referenz .* 0,\d{4} ", text)
    assert german.rows() == english.rows() and german.notes == english.notes  # the CSV stays English
    # the metrics table's column names in German too (they were evaluate's English 'method pixels OA prec recall'),
    # each number under its name, with the decimal comma
    lines = text.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Methode "))
    assert lines[head].split() == ["Methode", "Pixel", "Gesamtgenauigkeit", "Nutzergenauigkeit", "Produzentengenauigkeit", "F1",
                                "Kappa"]
    row = lines[head + 2]
    assert row.startswith("Karte gegen Referenz") and len(row) == len(lines[head])
    assert lines[head].index("Gesamtgenauigkeit") + len("Gesamtgenauigkeit") == row.index(",") + 5
    assert "recall" not in text and " OA " not in text
    moment = compare(map_path, ref_path).text()
    assert "keine Änderung" in moment and "Intervall 3" in moment and "Konfusionsmatrix" in moment
    assert "mittleres F1" in moment and " mF1 " not in moment
    i18n.set_language("en")  # the text is made in the language it is shown in
    assert re.search(r"changed area on the compared pixels: map \d+\.\d\d ha", german.text())
    assert german.text() == english.text()
    assert "\nmethod                          pixels      OA    prec  recall      F1   kappa\n" in english.text()
    i18n.set_language("es")
    assert ("\nmétodo                         píxeles exactitud global exactitud del usuario exactitud del productor      F1"
            "   kappa\n") in english.text()
    i18n.set_language("es")
    with pytest.raises(InputError, match="La referencia '.*nada.tif' no existe"):
        compare(map_path, str(tmp_path / "nada.tif"))


def test_a_chip_refusal_and_the_pytorch_advice_in_qgis_s_language(tmp_path):
    from model_core.chips import stretch_limits
    from model_core.errors import torch_too_old_text

    english = torch_too_old_text("1.13.0", "/usr/bin/python3")
    assert english.startswith("PyTorch 1.13.0 is too old for the CAIM engine, which needs PyTorch 2.0 or newer")
    i18n.set_language("de")
    german = torch_too_old_text("1.13.0", "/usr/bin/python3")
    assert german.startswith("PyTorch 1.13.0 ist zu alt für die CAIM-Engine, die PyTorch 2.0 oder neuer braucht")
    assert "/usr/bin/python3 -m pip install --user --upgrade torch" in german
    i18n.set_language("es")
    with pytest.raises(InputError, match="GDAL no puede leer '.*nada.tif'"):
        stretch_limits(str(tmp_path / "nada.tif"), [1, 2, 3])


def test_the_weights_training_line_in_german_and_the_weights_command_in_english():
    from model_core import provenance

    own = {"config": json.dumps({"data": {"kind": "semisynthetic", "sources": ["naip", "spacenet7"]}})}
    user = {"config": json.dumps({"data": {"kind": "generic", "root": "/data/series"}})}
    english = [provenance.short(own), provenance.short(user), provenance.short({})]
    assert english == ["naip, spacenet7: NOT all public domain (spacenet7)",
                       "a generic folder of dated GeoTIFFs at '/data/series': their licence is the data owner's",
                       "the file records no training config: its training data are unknown"]
    i18n.set_language("de")
    assert [provenance.short(own), provenance.short(user)] == [
        "naip, spacenet7: NICHT alles gemeinfrei (spacenet7)",
        "ein allgemeiner Ordner datierter GeoTIFFs unter '/data/series': ihre Lizenz ist die des Dateninhabers"]
    assert provenance.training(user)["note"] == english[1]  # what describe() gives (the command, its JSON)


def test_the_run_report_is_in_the_run_s_language_as_its_notes(tmp_path):
    """The HTML report repeats the run's notes and warnings as the run made them: in German its fixed headings,
    settings, captions and numbers are German too (not English around German notes); English is unchanged."""
    from model_core.predict import detect
    from model_core.report import report_html

    imgs = [write_tif(tmp_path / f"{n}.tif", np.full((4, 32, 32), v, np.float32))
            for n, v in (("a_2019", 10.0), ("b_2020", 11.0), ("c_2020", 12.0))]
    i18n.set_language("de")
    res = detect(imgs, str(tmp_path / "out"), model="cva", sensitivity=0.5)
    page = report_html(res)
    assert "Warnung: zwei oder mehr Eingaben haben dasselbe Datum (2020)" in page  # the run's own warning
    for text in ("<h3>Geänderte Fläche je Intervall (die letzte Änderung jedes Pixels)</h3>", "<th>Modell</th>",
                 "klassisches Verfahren, keine Gewichte", "<th>Empfindlichkeit</th><td>+0,5</td>",
                 "<h3>Lauf</h3>", "<h3>Ausgaben</h3>", "2019 bis 2020", "<th>Anteil an der Änderung</th>",
                 "Algorithmen <i>Genauigkeitsbewertung</i> des Plugins"):
        assert text in page, text
    for english in ("Changed area per interval", "<th>Model</th>", "classical method", "Warning:", "<h3>Run</h3>",
                    "+0.5", " to 2020"):
        assert english not in page, english
    i18n.set_language("en")
    page = report_html(res)  # the same result, shown in English: the report's own texts in English
    assert "<h3>Changed area per interval (the last change of each pixel)</h3>" in page and "2019 to 2020" in page
    assert "<th>Sensitivity</th><td>+0.5</td>" in page and "<h3>Run</h3>" in page


def test_the_polygons_progress_and_the_partial_folders_notice_in_spanish(tmp_path):
    from model_core.polygons import write_polygons
    from model_core.predict import PARTIAL_PREFIX, _make_temp_dirs
    from model_core.staging import IN_USE

    m = np.zeros((30, 30), np.uint8)
    m[::6, ::6] = 2
    path = write_tif(tmp_path / "m.tif", m)
    i18n.set_language("es")
    seen = []
    write_polygons(path, str(tmp_path / "p.gpkg"), dates=["2019", "2020", "2021"],
                   progress=lambda f, msg: seen.append(msg))
    assert "Trazando los polígonos de cambio" in seen and seen[-1] == "Escribiendo los polígonos de cambio (25 de 25)"
    out = tmp_path / "out"
    (out / (PARTIAL_PREFIX + "left")).mkdir(parents=True)
    (out / (PARTIAL_PREFIX + "left") / IN_USE).write_text("")  # a killed run's: no process holds it
    notices, held = [], []
    temps = _make_temp_dirs({"area": str(out / "area.tif")}, [], held, notice=notices.append)
    for fd in held:
        os.close(fd)
    assert notices and notices[0].startswith("Se quitó 1 carpeta(s) de salida parcial en "), notices
    assert not (out / (PARTIAL_PREFIX + "left")).exists() and len(temps) == 1


def test_an_assessment_in_spanish_keeps_its_json_record_english(tmp_path):
    import test_accuracy as helpers

    from model_core.accuracy import assess

    m = np.concatenate([np.full(n, c, np.uint8) for c, n in ((0, 200), (1, 150), (2, 3200), (3, 6450))]).reshape(100, 100)
    pts = [(int(r), int(c), 0 if m[r, c] == 2 else int(m[r, c]))  # interval 2 really no change
           for v in range(4) for r, c in np.argwhere(m == v)[:40]]
    path, points = helpers._map(tmp_path, m), helpers._points(tmp_path / "p.gpkg", pts)
    english = assess(path, points)
    i18n.set_language("es")
    spanish = assess(path, points)
    assert spanish.to_dict() == english.to_dict()  # the JSON record: English notes, numbers as numbers
    text = spanish.text()
    assert text.startswith("Muestra: 160 puntos etiquetados") and "1,96 errores estándar" in text
    assert re.search(r"exactitud global \d,\d{3} ± \d,\d{3}", text), text
    assert "Nota: el mapa inventa más cambio del que omite" in text and "(--strata = this map)" in text
    assert any(n.startswith("the map invents more change") for n in english.notes)
    i18n.set_language("en")
    assert spanish.text() == english.text()


def test_the_german_catalogue_keeps_the_plugin_s_remote_sensing_terms():
    """As tests/qgis/test_i18n.py checks the plugin's German: the producer's accuracy is the
    Produzentengenauigkeit (the assessment's notes said Herstellergenauigkeit at first), bands are Kanäle."""
    german = engine_messages.read_catalogue("de")
    wrong = [(k[:50], term) for k, v in german.items() for term in ("Herstellergenauigkeit", "Bandwert", "das Land ")
             if term in v]
    assert not wrong, wrong


def test_a_date_and_co_registration_are_named_alike_in_the_engine_and_the_plugin():
    """A run's progress said 'Zeitpunkte werden koregistriert: Zeitpunkt 1 von 3' and then 'Szenenstatistik wird
    berechnet: Datum 1 von 3': one date of the series, named by two words one after the other in the progress bar.
    In each language every progress text counting dates ('date {k} of {n}') names a date as the engine's 'date
    {n}' does (Zeitpunkt, fecha), and the plugin's 'date %d' and its co-registration texts use the engine's words
    (koregistrieren, corregistrar), its texts that point to the log's Alignment line the name the log gives it (Lage,
    Alineación)."""
    import xml.etree.ElementTree as ET  # nosec B405 -- the project's own translation files

    for lang, co_register in (("de", "koregistr"), ("es", "corregistr")):
        catalogue = engine_messages.read_catalogue(lang)
        word = catalogue["date {n}"].replace("{n}", "").strip()
        counting = {k: v for k, v in catalogue.items() if "date {k} of {n}" in k}
        assert len(counting) >= 2, counting
        for key, text in counting.items():
            assert re.search(r"\b%s \{k\}" % word, text, re.I), (lang, key, text)
        moved = {k: v for k, v in catalogue.items() if re.search(r"co-regist", k, re.I)}
        assert len(moved) >= 4 and all(co_register in v.lower() for v in moved.values()), moved
        root = ET.parse(os.path.join(ROOT, "caim_qgis_plugin", "i18n", "caim_%s.ts" % lang)).getroot()  # nosec B314
        current = [(m.findtext("source"), m.find("translation")) for m in root.iter("message")
                   if m.find("translation").get("type") not in ("obsolete", "vanished")]
        for source, translation in current:
            if source == "date %d":
                assert translation.text == word + " %d", (lang, translation.text)
            elif re.search(r"co-regist", source, re.I) and "co-registered rasters" not in source:
                assert co_register in (translation.text or "").lower(), (lang, source, translation.text)
            if "Alignment line" in source:  # the line of the engine's summary, as the engine names it in the log
                assert "'%s'" % catalogue["run summary\x04Alignment"] in translation.text, (
                    lang, source, translation.text)


def test_the_alignment_line_in_german_and_spanish():
    """The German Alignment line said '2020-05-01 lag 2 px nach Osten und 1 px nach Norden davon' (a direction where
    a place was meant); it says the date was offset by that much, as the engine's warnings say 'versetzt'."""
    from model_core.coregister import Shift
    from model_core.predict import DetectResult

    res = DetectResult(paths={}, dates=["2019-05-01", "2020-05-01"], interval_labels=[], device="cpu", seconds=0.0,
                       grid=None, hectares={}, changed_pixels=0, valid_pixels=0, model="cva", weights="",
                       trained=False, shifts=[Shift(0.0, 0.0), Shift(2.1, -0.9)])
    assert res.alignment_line() == ("Alignment 1 of 2 dates moved onto the reference date by whole pixels (2020-05-01 "
                                    "was 2 px east and 1 px north of it)")
    i18n.set_language("de")
    assert res.alignment_line() == ("Lage        1 von 2 Zeitpunkten um ganze Pixel auf den Referenzzeitpunkt verschoben "
                                    "(2020-05-01 war um 2 px nach Osten und 1 px nach Norden dagegen versetzt)")
    i18n.set_language("es")
    assert res.alignment_line() == ("Alineación  1 de 2 fechas desplazadas sobre la fecha de referencia en píxeles "
                                    "enteros (2020-05-01 estaba 2 px al este y 1 px al norte de ella)")


def test_the_summary_names_the_intervals_in_its_language(tmp_path):
    from model_core.predict import detect, interval_shown

    imgs = [write_tif(tmp_path / f"{n}.tif", np.full((4, 32, 32), v, np.float32))
            for n, v in (("a_2019", 10.0), ("b_2020", 11.0), ("c_2021", 12.0))]
    res = detect(imgs, str(tmp_path / "out"), model="cva")
    english = res.summary_text()
    assert "  2019 to 2020  " in english and list(res.hectares) == ["2019 to 2020", "2020 to 2021"]
    i18n.set_language("de")
    assert "  2019 bis 2020  " in res.summary_text() and "2019 to 2020" not in res.summary_text()
    assert interval_shown("image 1 to image 2") == "Bild 1 bis Bild 2"
    assert interval_shown("2001 to 2001 (interval 2)") == "2001 bis 2001 (Intervall 2)"
    assert interval_shown("water") == "water"
    i18n.set_language("es")
    assert interval_shown("2019-06-01 to 2020-06-01") == "2019-06-01 a 2020-06-01"
    i18n.set_language("en")
    assert res.summary_text() == english and interval_shown("image 1 to image 2") == "image 1 to image 2"


def _summary_with_every_label(tmp_path):
    """A run's summary lines and its estimate line with every label the summary has (the run itself: CVA with
    --min-patch, --fill-gaps and co-registration on three small dates; the lines of other runs set on its result)."""
    import dataclasses

    from model_core.predict import check_scale, detect

    rng = np.random.default_rng(3)
    imgs = [write_tif(tmp_path / f"{n}.tif", rng.normal(v, 1.0, (4, 32, 32)).astype(np.float32))
            for n, v in (("a_2019", 10.0), ("b_2020", 11.0), ("c_2021", 12.0))]
    res = detect(imgs, str(tmp_path / "out"), model="cva", min_patch=4, fill_gaps=True, coregister=True)
    res = dataclasses.replace(res, auto_note="Classical ISFA (isfa)", weights_training="naip",
                              notes=["3,2,1,4 as R, G, B, NIR"], mask_cover=[None, 0.05, 0.0], mask_clear=(0,))

    def lines():
        estimate = check_scale({"seconds": 12.0, "disks": [(["/out"], 1.0e6, 0.6e6, None)]}, 32, 32, 3, "cva")
        return estimate[:1] + res.summary_text().splitlines()
    return res, lines


def test_the_summary_s_values_line_up_in_every_language(tmp_path):
    """The summary's "Label     value" lines had the English labels padded to 10 characters in every template, and
    the German and Spanish catalogues the same padding: a longer label pushed its value out of the column
    ('Zeitpunkte 3: ...', 'Dispositivo cpu', 'Alineación ninguna ...', the estimate's 'Estimación alrededor de
    ...'). Each label is now padded to the longest label of the summary in the run's language and a space; the
    English lines are as they were, byte for byte."""
    res, lines = _summary_with_every_label(tmp_path)
    labelled = {"en": 10, "de": 12, "es": 12}   # (Automatic/Alignment, Automatisch, Dispositivo: 9, 11, 11 letters)
    seen = {}
    for lang, column in labelled.items():
        i18n.set_language(lang)
        text = lines()
        rows = [line for line in text if not line.startswith(" ") and not line.endswith(":")
                and not line.startswith(_("Warning: {text}").split("{")[0])]
        assert len(rows) == 14, (lang, text)   # the estimate and every label of the summary
        starts = {re.match(r"\S+ +", line).end() for line in rows}
        assert starts == {column}, (lang, "\n".join(rows))
        seen[lang] = rows
    assert [row[:10] for row in seen["en"]] == [
        "Estimate  ", "Grid      ", "Dates     ", "Model     ", "Device    ", "Automatic ", "Weights   ", "Bands     ",
        "Patches   ", "Gaps      ", "Masks     ", "Alignment ", "Time      ", "Changed   "]
    assert seen["en"][0].startswith("Estimate  about 12 s on this machine, outputs about 1 MB (32 x 32 px, 3 dates)")
    assert "Device    cpu" in seen["en"] and "Automatic Classical ISFA (isfa)" in seen["en"]
    assert "Weights   trained on naip" in seen["en"] and "Bands     3,2,1,4 as R, G, B, NIR" in seen["en"]
    assert "Gerät       cpu" in seen["de"] and "Automatisch Classical ISFA (isfa)" in seen["de"]
    assert "Dispositivo cpu" in seen["es"] and "Fechas      3: 2019, 2020, 2021" in seen["es"]
    assert seen["de"][0].startswith("Schätzung   etwa 12 s auf diesem Rechner")
    assert seen["es"][0].startswith("Estimación  unos 12 s en esta máquina")


def _landsat_pair(tmp_path):
    from fixtures import bandfiles as fx

    for year, acquired in ((2015, "20150805"), (2020, "20200812")):
        fx.write_landsat(tmp_path / "in", year, acquired, "20200919")
    return str(tmp_path / "in")


def test_a_caller_names_the_command_line_s_options_in_every_language_by_the_message_s_field(tmp_path, monkeypatch):
    """The QGIS plugin rewrote the engine's "--bands" and "(--overwrite)" into its parameters by finding them in
    the message's text, which broke whenever a translation moved or inflected the option.  The templates carry
    the option as a field ({option}, {option:full} in parentheses): the command line shows the option, a caller
    gives its own names (i18n.option_names), wherever the translation puts the field, e.g. first."""
    import glob

    from model_core.bandfiles import stack_band_files
    from model_core.errors import OutputError

    folder = _landsat_pair(tmp_path)
    names = {"--bands": ("'Bands'", "the parameter 'Bands', BANDS"),
             "--overwrite": ("'Replace'", "the advanced parameter 'Replace', OVERWRITE")}
    res = stack_band_files([folder], str(tmp_path / "out"))
    assert "  not stacked (give them with --bands): " in res.text()   # the command line's, unchanged
    with i18n.option_names(names):
        assert "  not stacked (give them with 'Bands'): " in res.text()
        with pytest.raises(OutputError) as err:
            stack_band_files([folder], str(tmp_path / "out"))
    assert str(err.value).endswith("or allow overwriting (the advanced parameter 'Replace', OVERWRITE).")
    assert "  not stacked (give them with --bands): " in res.text()   # (the names end with the block)
    # a translation that moves the option to the front of its line, inflected ('--bands-Angabe')
    catalogue = dict(i18n.catalogue("de"))
    catalogue["  not stacked (give them with {option}): {bands}"] = "  {option}-Angabe fehlt für: {bands}"
    monkeypatch.setitem(i18n._catalogues, "de", catalogue)
    i18n.set_language("de")
    assert "  --bands-Angabe fehlt für: " in res.text()
    with i18n.option_names(names):
        assert "  'Bands'-Angabe fehlt für: " in res.text() and "--bands" not in res.text()
        os.remove(glob.glob(os.path.join(folder, "*20150805*", "*_SR_B5.TIF"))[0])
        with pytest.raises(InputError) as err:
            stack_band_files([folder], str(tmp_path / "out2"))
    assert "die jeder Zeitpunkt hat (the parameter 'Bands', BANDS)." in str(err.value), str(err.value)


def test_an_option_field_in_a_message_s_english_record_is_the_command_line_s():
    record = i18n.Message("allow overwriting ({option:full})", option=i18n.option("--overwrite"))
    with i18n.option_names({"--overwrite": "'Replace'"}):
        assert record.shown() == "allow overwriting ('Replace')"
        assert record.english() == "allow overwriting (--overwrite)"
    assert record.shown() == "allow overwriting (--overwrite)"
    with pytest.raises(ValueError):
        format(i18n.option("--bands"), "short")


@pytest.mark.parametrize("language", ["de", "es"])
def test_the_comparisons_recall_and_precision_are_not_named_like_the_sensitivity_option(language):
    """The comparison's table called recall 'Sensitivität' (German) and 'sensibilidad' (Spanish), beside the
    detection's option Sensitivity, 'Empfindlichkeit' / 'Sensibilidad': a German or Spanish user read a setting
    in a score.  Now the remote-sensing terms of the sample assessment's own texts: precision and recall of
    'changed' are its user's and producer's accuracy."""
    from model_core.i18n import translated

    catalogue = json.load(open(os.path.join(ROOT, "model_core", "locale", language + ".json"), encoding="utf-8"))
    i18n.set_language(language)
    try:
        option = translated("Sensitivity").lower()
        heads = {k: translated(k).lower() for k in ("prec", "recall")}
    finally:
        i18n.set_language("en")
    for head in heads.values():
        assert not {option[:6]} & {w[:6] for w in re.findall(r"\w+", head)}, (head, option)
    def term(template):  # "Nutzergenauigkeit von '{label}'" -> "nutzergenauigkeit"
        return catalogue[template].split("{label}")[0].rstrip("' ").rsplit(" ", 1)[0].lower()

    assert heads == {"prec": term("user's accuracy of '{label}'"), "recall": term("producer's accuracy of '{label}'")}


def test_a_shared_word_takes_its_context_s_translation_in_the_spanish_and_german_report(tmp_path):
    """"none" and "unknown" are said of things of different genders: a context (gettext's pgettext) gives each use
    its own entry. The Spanish report said "Máscaras de nubes: ninguno" (one "none" for the CRS, masculine, and the
    masks, feminine); the description's training data were "desconocida" (the feminine of the compared area)."""
    from model_core import provenance
    from model_core.predict import detect
    from model_core.report import report_html

    imgs = [write_tif(tmp_path / f"{n}.tif", np.full((4, 16, 16), v, np.float32), geo=False)
            for n, v in (("a_2019", 10.0), ("b_2020", 11.0))]
    res = detect(imgs, str(tmp_path / "out"), model="cva")
    for code, masks, crs in (("es", "<th>Máscaras de nubes</th><td>ninguna</td>", "SRC ninguno"),
                             ("de", "<th>Wolkenmasken</th><td>keine</td>", "KBS keines")):
        i18n.set_language(code)
        page = report_html(res)
        assert masks in page and crs in page, code
    i18n.set_language("es")
    assert provenance.short({}) == "el archivo no registra ninguna configuración de entrenamiento: sus datos de " \
                                   "entrenamiento son desconocidos"
    assert provenance._licence_line({"public_domain": None, "note": None}, shown=True) == "desconocidas"
    i18n.set_language("en")
    page = report_html(res)   # English as before
    assert "<th>Cloud masks</th><td>none</td>" in page and "CRS none" in page


def test_a_context_falls_back_to_the_plain_entry_and_the_check_wants_its_own(tmp_path, monkeypatch):
    engine = tmp_path / "model_core"
    engine.mkdir()
    (engine / "m.py").write_text(
        "from model_core.i18n import _, N_\n"
        "A = _('none', context='cloud masks')\n"
        "B = _('none', context='crs')\n"
        "C = N_('unknown', context='Bad-Context')\n"
        "D = _('none', 'crs')\n")
    for code in ("de", "es"):
        (tmp_path / f"{code}.json").write_text(json.dumps({"cloud masks\x04none": "x", "none": "y"}), encoding="utf-8")
    monkeypatch.setattr(engine_messages, "ENGINE", str(engine))
    monkeypatch.setattr(engine_messages, "catalogue_path", lambda code: str(tmp_path / f"{code}.json"))
    problems = "\n".join(engine_messages.check())
    assert any(p.startswith("de: no translation of ") and p.endswith("m.py:3: 'crs\\x04none'")
               for p in problems.splitlines()), problems
    assert "m.py:4: _() takes one literal template" in problems and "m.py:5: _() takes one" in problems
    assert "cloud masks" not in problems
    assert "entry no longer in the code: 'none'" in problems   # no plain use left
    # at run time: the context's entry, else the plain word's, else the English
    monkeypatch.setitem(i18n._catalogues, "es", {"cloud masks\x04none": "ninguna", "none": "ninguno"})
    i18n.set_language("es")
    assert _("none", context="cloud masks") == "ninguna" and _("none", context="crs") == "ninguno"
    assert i18n.translated("none", context="cloud masks") == "ninguna" and _("none") == "ninguno"
    assert _("unknown", context="date") == "unknown"
    assert i18n.translate("none", "es", context="cloud masks") == "ninguna"


def test_the_tool_has_a_help_and_keeps_its_exit_status(capsys, monkeypatch):
    """``tools/engine_messages.py --help`` ran the check (any argument but --update was ignored): it says what the
    tool checks and exits; the check's exit status stays 1 on a problem, 0 without one or with --update."""
    ran = []
    monkeypatch.setattr(engine_messages, "check", lambda: ran.append("check") or ["de: no translation of m.py:1: 'X'"])
    monkeypatch.setattr(engine_messages, "update", lambda: ran.append("update") or {"de": 0})
    with pytest.raises(SystemExit) as exc:
        engine_messages.main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert exc.value.code == 0 and ran == []
    assert "usage: python tools/engine_messages.py [-h] [--update]" in out
    assert "against its German and Spanish catalogues, model_core/locale/*.json" in out
    assert "exit status 1 when there is one" in out and "make translations runs it with --update" in out
    with pytest.raises(SystemExit) as exc:
        engine_messages.main(["--updat"])  # refused (it was ignored: a check without the update), nothing run
    assert exc.value.code == 2 and "unrecognized arguments: --updat" in capsys.readouterr().err and ran == []
    assert engine_messages.main([]) == 1 and ran == ["check"]
    assert "de: no translation of m.py:1: 'X'" in capsys.readouterr().out
    assert engine_messages.main(["--update"]) == 0 and ran == ["check", "update", "check"]


def test_the_detect_command_s_own_refusals_in_german_and_spanish(tmp_path, capsys):
    """The command line's checks of --polygons, --quicklook and --report, and its refusal of one multi-band image
    without --bands-per-date, were English f-strings: a German or Spanish user read them in English while the
    engine's refusals came in the language.  English stays byte for byte what it was."""
    from model_core.cli import main

    (tmp_path / "a_folder").mkdir()
    folder, look, page = (str(tmp_path / n) for n in ("a_folder", "look", "run.gpkg"))
    plain = write_tif(tmp_path / "plain.tif", np.ones((8, 8, 8), np.float32))
    cases = [(["a.tif", "b.tif", "--report", folder], {
                 "en": f"error: --report '{folder}' is a folder; give a file name.",
                 "de": f"error: --report '{folder}' ist ein Ordner; einen Dateinamen angeben.",
                 "es": f"error: --report '{folder}' es una carpeta; indicar un nombre de archivo."}),
             (["a.tif", "b.tif", "--quicklook", look], {
                 "en": f"error: --quicklook '{look}': 'no extension' is not a format it can be written in; end the "
                       "name with .png, .jpg, .jpeg, .pdf, .svg.",
                 "de": f"error: --quicklook '{look}': 'keine Endung' ist kein Format, in dem es geschrieben werden "
                       "kann; den Namen auf .png, .jpg, .jpeg, .pdf, .svg enden lassen.",
                 "es": f"error: --quicklook '{look}': 'sin extensión' no es un formato en el que pueda escribirse; "
                       "terminar el nombre en .png, .jpg, .jpeg, .pdf, .svg."}),
             (["a.tif", "b.tif", "--polygons", page, "--report", page], {
                 "en": f"error: --report and --polygons name the same file '{page}'; give each its own.",
                 "de": f"error: --report und --polygons nennen dieselbe Datei '{page}'; jedem eine eigene geben.",
                 "es": f"error: --report y --polygons nombran el mismo archivo '{page}'; dar a cada uno el suyo."}),
             ([plain], {
                 "en": "error: Change detection needs at least 2 images; 1 given ('plain.tif', 8 bands). If it holds "
                       "every date as bands, give the number of bands per date, e.g. --bands-per-date 4 (and "
                       "--dates).",
                 "de": "error: Die Änderungserkennung braucht mindestens 2 Bilder; 1 angegeben ('plain.tif', 8 "
                       "Kanäle). Enthält es jeden Zeitpunkt als Kanäle, die Zahl der Kanäle je Zeitpunkt angeben, "
                       "z. B. --bands-per-date 4 (und --dates).",
                 "es": "error: La detección de cambios necesita al menos 2 imágenes; se dio 1 ('plain.tif', 8 "
                       "bandas). Si contiene cada fecha como bandas, indicar el número de bandas por fecha, p. ej. "
                       "--bands-per-date 4 (y --dates)."})]
    for argv, said in cases:
        for code, line in said.items():
            i18n.set_language(code)
            rc = main(["detect", *argv, "--out", str(tmp_path / "out"), "--quiet", "--model", "cva"])
            err = capsys.readouterr().err
            assert rc == 2 and err.strip().splitlines()[-1] == line, (code, err)
    assert not (tmp_path / "out").exists()


def test_a_style_that_cannot_be_written_is_said_in_spanish(tmp_path):
    from model_core.errors import OutputError
    from model_core.styles import write_styles

    (tmp_path / "change_moment.qml").mkdir()   # a folder where the style goes: it cannot be written
    paths = {"moment": str(tmp_path / "change_moment.tif")}
    for code, start in (("en", "Cannot write the style '"), ("es", "No puede escribirse el estilo '")):
        i18n.set_language(code)
        with pytest.raises(OutputError) as err:
            write_styles(paths, ["2019 - 2020"], overwrite=True)
        assert str(err.value).startswith(start + str(tmp_path / "change_moment.qml") + "' ("), str(err.value)


def test_how_a_multi_date_raster_is_split_is_said_in_german_and_spanish(tmp_path):
    """The note on a multi-date raster given to detect ('Multi-date raster 's.tif': 2 dates of 2 bands, ...') and
    the split command's 'date not known' were English under CAIM_LANGUAGE=de/es; English is as before."""
    from model_core.stacked import Split

    names = [f"{d}T101031_{d}T101027_T32TQM_B{b}" for d in ("20190501", "20200503") for b in (4, 3)]
    path = write_tif(tmp_path / "s.tif", np.ones((4, 8, 8), np.uint16), names=names)
    plain = write_tif(tmp_path / "plain.tif", np.ones((2, 8, 8), np.uint16))
    said = {}
    for code in ("en", "de", "es"):
        i18n.set_language(code)
        with Split([path]) as split:
            first = split.describe()[0]
        with Split([plain], per_date=1) as split:
            said[code] = (first, split.describe()[0])
    assert said["en"] == ("'s.tif': 2 dates of 2 bands, date by date, 2019-05-01 to 2020-05-03 (from the band names)",
                          "'plain.tif': 2 dates of 1 band, date by date, dates not in the band names")
    assert said["de"] == ("'s.tif': 2 Zeitpunkte mit 2 Kanälen, Zeitpunkt für Zeitpunkt, 2019-05-01 bis 2020-05-03 "
                          "(aus den Kanalnamen)",
                          "'plain.tif': 2 Zeitpunkte mit 1 Kanal, Zeitpunkt für Zeitpunkt, Daten nicht in den Kanalnamen")
    assert said["es"][0] == ("'s.tif': 2 fechas de 2 bandas, fecha a fecha, 2019-05-01 a 2020-05-03 (de los nombres de "
                             "las bandas)")


def _tiny_training_config(tmp_path, root, out, **changes):
    cfg = {"model": "caimnet", "model_config": {"features": 8, "stem": 4, "window": 8, "heads": 1},
           "data": {"kind": "generic", "root": root}, "t_min": 3, "t_max": 3, "patch": 16, "batch": 2, "epochs": 1,
           "steps_per_epoch": 2, "val_samples": 2, "lr": 1e-3, "seed": 3, "out": out, "threads": 1, **changes}
    path = tmp_path / (os.path.basename(out) + ".json")
    path.write_text(json.dumps(cfg))
    return str(path)


def test_train_s_own_messages_in_german_and_spanish(tmp_path, capsys):
    """train's refusals of a config and of a run folder, its progress and notes were English f-strings under
    CAIM_LANGUAGE=de/es; English stays as it was.  The validation summary's metric abbreviations stay as they are."""
    from model_core.cli import main
    from tests.fixtures import layouts

    root = str(tmp_path / "data")
    layouts.write_generic(root)
    bad = _tiny_training_config(tmp_path, root, str(tmp_path / "bad"), lr=0)
    refusals = {"en": "error: Config: lr must be a number > 0, not 0.",
                "de": "error: Konfiguration: lr muss eine Zahl > 0 sein, nicht 0.",
                "es": "error: Configuración: lr debe ser un número > 0, no 0."}
    for code, line in refusals.items():
        i18n.set_language(code)
        assert main(["train", bad]) == 2
        assert capsys.readouterr().err.strip() == line
    # a number above its range (tidy39's checks): the range's template and what the key does, a table's N_() text
    i18n.set_language("de")
    assert main(["train", _tiny_training_config(tmp_path, root, str(tmp_path / "huge"), edge_weight=1e39)]) == 2
    assert capsys.readouterr().err.strip() == ("error: Konfiguration: edge_weight darf höchstens 1000 sein, nicht "
                                               "1e+39: ein Kantenpixel zählt (1 + edge_weight)-mal (2 in den "
                                               "Konfigurationen).")
    said = {"de": ("Gerät cpu; Modell caimnet (", "Warnung: kein val_root in den Daten der Konfiguration",
                   "Validierung des Vergleichsverfahrens (CVA): area OA ", "Epoche 1/1 [", "Epoche 1: Verlust ",
                   "error: '{out}' enthält bereits einen Trainingslauf (1 Epoche trainiert, last.pt"),
            "es": ("dispositivo cpu; modelo caimnet (", "advertencia: sin val_root en los datos de la configuración",
                   "validación de la línea base (CVA): area OA ", "época 1/1 [", "época 1: pérdida ",
                   "error: '{out}' ya contiene una ejecución de entrenamiento (1 época entrenada, last.pt")}
    for code, texts in said.items():
        i18n.set_language(code)
        out = str(tmp_path / ("run_" + code))
        config = _tiny_training_config(tmp_path, root, out)
        assert main(["train", config]) == 0
        assert main(["train", config]) == 2  # the run is there: refused
        err = capsys.readouterr().err
        for text in texts:
            assert text.format(out=out) in err, (code, text, err)
        assert "epoch" not in err.replace("config", ""), err  # (no English word of the log left)


def test_evaluate_s_own_messages_and_the_loaders_in_german_and_spanish(tmp_path, capsys):
    """evaluate's refusals and its 'Dataset:' line, and the dataset loaders' refusals (a generic folder without
    dated images, a folder without image pairs), follow the language; the metric tables, which
    tools/card_check.py reads, stay English."""
    from model_core.cli import main
    from tests.fixtures import layouts

    root, empty = str(tmp_path / "data"), str(tmp_path / "empty")
    layouts.write_generic(root)
    os.makedirs(empty)
    cases = [(["--dataset", "generic", "--root", root, "--no-model", "--no-baseline"], {
                 "en": "error: --no-model with --no-baseline leaves nothing to evaluate; drop one of them",
                 "de": "error: --no-model mit --no-baseline lässt nichts auszuwerten; eines davon weglassen",
                 "es": "error: --no-model con --no-baseline no deja nada que evaluar; omitir uno de los dos"}),
             (["--dataset", "pairs", "--root", empty, "--no-model"], {
                 "en": f"error: no bi-temporal pair folders under {empty}: expected <root>[/train|val|test]/A, B, "
                       "label/ with the same file names in the three folders (or time1/time2/label, im1/im2/label, "
                       "T1/T2/GT, Image1/Image2/label, A/B/OUT, t1/t2/mask)",
                 "de": f"error: keine Ordner bitemporaler Bildpaare unter {empty}: erwartet wird <root>[/train|val|"
                       "test]/A, B, label/ mit denselben Dateinamen in den drei Ordnern (oder time1/time2/label, "
                       "im1/im2/label, T1/T2/GT, Image1/Image2/label, A/B/OUT, t1/t2/mask)",
                 "es": f"error: no hay carpetas de pares bitemporales en {empty}: se espera <root>[/train|val|test]/"
                       "A, B, label/ con los mismos nombres de archivo en las tres carpetas (o time1/time2/label, "
                       "im1/im2/label, T1/T2/GT, Image1/Image2/label, A/B/OUT, t1/t2/mask)"}),
             (["--dataset", "generic", "--root", empty, "--no-model"], {
                 "en": f"error: no dated GeoTIFFs found in {empty} or its sub-folders (the generic layout: a folder "
                       "per series with one GeoTIFF per date, the date in its name, e.g. 2019-05-01.tif, and "
                       "area.tif and/or moment.tif)",
                 "de": f"error: keine datierten GeoTIFFs in {empty} oder seinen Unterordnern gefunden (die "
                       "allgemeine Struktur: ein Ordner je Zeitreihe mit einem GeoTIFF je Zeitpunkt, das Datum im "
                       "Namen, z. B. 2019-05-01.tif, und area.tif und/oder moment.tif)",
                 "es": f"error: no se encontraron GeoTIFF fechados en {empty} ni en sus subcarpetas (la estructura "
                       "genérica: una carpeta por serie con un GeoTIFF por fecha, la fecha en su nombre, p. ej. "
                       "2019-05-01.tif, y area.tif y/o moment.tif)"})]
    for argv, said in cases:
        for code, line in said.items():
            i18n.set_language(code)
            assert main(["evaluate", *argv]) == 2
            assert capsys.readouterr().err.strip() == line, code
    dataset = {"en": "Dataset: generic (the folder's labels), 1 series, T = [3] (--t 9 asked for more dates than the "
                     "series have)",
               "de": "Datensatz: generic (die Beschriftungen des Ordners), 1 Zeitreihe(n), T = [3] (--t 9 verlangte "
                     "mehr Zeitpunkte, als die Zeitreihen haben)",
               "es": "Conjunto de datos: generic (las etiquetas de la carpeta), 1 serie(s), T = [3] (--t 9 pidió más "
                     "fechas de las que tienen las series)"}
    tables = None
    for code, line in dataset.items():
        i18n.set_language(code)
        assert main(["evaluate", "--dataset", "generic", "--root", root, "--no-model", "--t", "9"]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0] == line
        assert tables is None or out[1:] == tables  # the tables: English whatever the language
        tables = out[1:]
    assert tables[0].startswith("Change area (positive = changed)") and tables[1].startswith("method ")


def test_calibrate_s_own_messages_in_german_and_spanish(tmp_path, capsys):
    """calibrate's refusals and its result line follow the language; its table of biases stays English."""
    import torch

    from model_core import weights
    from model_core.cli import main
    from model_core.models import build_model

    torch.manual_seed(0)
    src = str(tmp_path / "src.pt")
    weights.save(src, build_model("caimnet", in_channels=4, features=8, stem=4, window=8, heads=1))
    refusals = {"en": "error: Give --weights (the file to calibrate) and --out (the calibrated copy to write).",
                "de": "error: --weights (die zu kalibrierende Datei) und --out (die zu schreibende kalibrierte Kopie) "
                      "angeben.",
                "es": "error: Indicar --weights (el archivo que se calibra) y --out (la copia calibrada que se "
                      "escribe)."}
    for code, line in refusals.items():
        i18n.set_language(code)
        assert main(["calibrate", "--weights", src]) == 2
        assert capsys.readouterr().err.strip() == line
    written = {"en": "no-change bias +0.50 (area rule max) written to {out}",
               "de": "Bias für 'keine Änderung' +0.50 (Flächenregel max) in {out} geschrieben",
               "es": "sesgo hacia 'sin cambio' +0.50 (regla de área max) escrito en {out}"}
    for code, line in written.items():
        i18n.set_language(code)
        out = str(tmp_path / (code + ".pt"))
        assert main(["calibrate", "--weights", src, "--out", out, "--bias", "0.5"]) == 0
        assert capsys.readouterr().out.strip() == line.format(out=out)
        i18n.set_language(code)
        assert main(["calibrate", "--weights", src, "--out", out, "--bias", "0.5"]) == 2
        assert out in capsys.readouterr().err and os.path.isfile(out)


# (language, English word in the template, a rendering that means something else in this catalogue)
_TERMS = [
    # the CVA + Otsu baseline is a method to beat, not the reference data every accuracy message calls Referenz
    ("de", r"\bbaseline\b", r"\bReferenz\b"), ("es", r"\bbaseline\b", r"\breferencia\b"),
    # 'Voreinstellung' is the catalogue's 'default' (otsu, the sensitivity, float32): a model preset was written alike
    ("de", r"\bpresets?\b", r"Voreinstellung"),
    # 'área' throughout (área de cambio, regla de área); the training messages alone said 'superficie'
    ("es", r"\barea\b", r"\bsuperficie\b"),
    # one word for the loss ('Verlust' in the config messages, 'Loss' in the progress lines)
    ("de", r"\bloss\b", r"\bLoss\b"),
    # 'predeterminado' as in the detect and weights messages
    ("es", r"\bdefault\b", r"por defecto"),
]


@pytest.mark.parametrize("language, english, wrong", _TERMS)
def test_the_catalogues_keep_one_word_for_a_term(language, english, wrong):
    """The training tools' entries rendered a few terms otherwise than the rest of the catalogue:
    German and Spanish users read the CVA baseline as 'the reference' (the reference data of every accuracy
    message), a preset as 'the default', Spanish 'superficie' beside 'área'."""
    catalogue = json.load(open(os.path.join(ROOT, "model_core", "locale", language + ".json"), encoding="utf-8"))
    mixed = [k for k, v in catalogue.items() if re.search(english, k, re.I) and re.search(wrong, v)]
    assert not mixed, mixed


def test_why_the_system_refused_a_folder_is_said_in_the_language():
    """Python gives an OSError's reason in English whatever the locale: a Spanish QGIS said "No se puede crear la
    carpeta de salida '/sys/caim-results/run1' (Operation not permitted)."  The common reasons are now said in the
    run's language; in English the message keeps the system's own words."""
    import errno

    from model_core.staging import _cannot_make

    refusals = [PermissionError(errno.EPERM, "Operation not permitted"), PermissionError(errno.EACCES, "Permission denied"),
                OSError(errno.EROFS, "Read-only file system"), OSError(errno.ENOSPC, "No space left on device")]
    for exc in refusals:
        i18n.set_language("en")
        assert i18n.os_reason(exc) == exc.strerror
        assert str(_cannot_make("/x/run1", exc)).startswith("Cannot make the output folder '/x/run1' (%s)." % exc.strerror)
        for code in ("de", "es"):
            i18n.set_language(code)
            said = str(_cannot_make("/x/run1", exc))
            assert exc.strerror not in said and i18n.os_reason(exc) in said and "/x/run1" in said, said
    i18n.set_language("es")
    assert "(permiso denegado)" in str(_cannot_make("/x", PermissionError(errno.EACCES, "Permission denied")))
    assert i18n.os_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"  # others as they are


def test_the_automatic_choice_s_note_names_the_classical_method_in_the_language():
    """The note of Automatic running ISFA on bands the networks cannot read (the log, the report, CAIM_MODEL_NOTE)
    named the method in English in German and Spanish ("Classical ISFA (isfa), no caimnet_isfa: ..."), where the
    plugin says "ISFA clásico" / "Klassische ISFA"."""
    from model_core.predict import auto_fallback_note

    for code, name in (("en", "Classical ISFA (isfa), not"), ("de", "Klassische ISFA (isfa)"),
                       ("es", "ISFA clásico (isfa), no")):
        i18n.set_language(code)
        assert auto_fallback_note("caimnet_isfa", "no blue band.").startswith(name)


def test_the_catalogues_use_the_plugin_s_terms():
    """The engine's German and Spanish use the words of the plugin's catalogues: the minimum change patch is the
    "Mindestfläche" (the German "minimale Änderungsfläche" read as a smallest change-area map), the change
    moment "momento del cambio", the classical methods "Klassische ISFA" / "ISFA clásico" (not English), the
    model card the plugin's "Model Card" (the weights file's description said "die Modellkarte enthält echte
    Prüfungen" under the plugin's "die Model Card nennt ihre Genauigkeit")."""
    wrong = {"de": ("minimale Änderungsfläche", "Classical ISFA", "Classical CVA", "Modellkarte"),
             "es": ("momento de cambio", "Classical ISFA", "Classical CVA")}
    for code, terms in wrong.items():
        found = [(k[:50], t) for k, v in engine_messages.read_catalogue(code).items() for t in terms if t in v]
        assert not found, (code, found)


def test_a_warning_and_a_note_have_one_word_per_language_as_in_qgis():
    """The Spanish dialog said "Advertencia:" (the plugin's word) before one warning and "Aviso:" (the engine's)
    before the next: a warning and a note now have one word per language in the engine's catalogues and the
    plugin's translations, the words of QGIS's own German and Spanish ("Warnung", "Advertencia")."""
    import xml.etree.ElementTree as ET  # nosec B405 - the project's own translation files

    words = {"de": {"warning": "Warnung:", "note": "Hinweis:"}, "es": {"warning": "advertencia:", "note": "nota:"}}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for code, said in words.items():
        with open(i18n.catalogue_path(code), encoding="utf-8") as f:
            pairs = [(k.split(i18n.CONTEXT_SEPARATOR)[-1], v) for k, v in json.load(f).items()]
        ts = os.path.join(root, "caim_qgis_plugin", "i18n", "caim_%s.ts" % code)
        pairs += [(m.findtext("source"), m.findtext("translation") or "")
                  for m in ET.parse(ts).iter("message")]  # nosec B314
        seen = 0
        for source, translation in pairs:
            head = re.match(r"\s*(warning|note)\s*:", source, re.I)
            if head and translation:
                seen += 1
                assert translation.strip().lower().startswith(said[head.group(1).lower()].lower()), (source, translation)
        assert seen >= 10
