"""tools/package.py checks metadata.txt the way QGIS and the QGIS plugin repository read it."""

import configparser
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import package  # noqa: E402


def test_metadata_reads_as_qgis_reads_it():
    # QGIS's plugin manager and the repository's upload check use configparser's default interpolation: a
    # value with a lone '%' raises there (the manager showed no changelog, the upload would be refused)
    parser = configparser.ConfigParser()
    parser.optionxform = str
    with open(os.path.join(ROOT, "metadata.txt"), encoding="utf-8") as f:
        parser.read_file(f)
    for key in parser["general"]:
        assert parser.get("general", key).strip(), key


def test_check_metadata_names_an_unreadable_value_and_a_missing_tracker():
    meta = package.read_metadata()
    assert package.check_metadata(meta) == []
    meta["changelog"] = "areas were 21 % too large"
    del meta["tracker"]
    problems = package.check_metadata(meta)
    assert "metadata.txt lacks 'tracker'" in problems
    assert any("'changelog'" in p and "%" in p for p in problems), problems


def test_the_zip_carries_the_compiled_translations_not_their_sources():
    arcs = {arc for _, arc in package.members()}
    sources = [n for n in os.listdir(os.path.join(ROOT, "caim_qgis_plugin", "i18n")) if n.endswith(".ts")]
    assert sources
    for name in sources:
        assert "caim_qgis_plugin/i18n/%s.qm" % name[:-3] in arcs
        assert "caim_qgis_plugin/i18n/%s" % name not in arcs


def test_the_zip_carries_the_project_readme_the_plugin_readme_refers_to():
    """The plugin README sends the user to the project README for the command line and the accuracy
    assessment; the zip had no copy of it (a docs audit)."""
    arcs = {arc for _, arc in package.members()}
    assert "caim_qgis_plugin/README_full.md" in arcs and "caim_qgis_plugin/README.md" in arcs
    with open(os.path.join(ROOT, "caim_qgis_plugin", "README.md"), encoding="utf-8") as f:
        text = f.read()
    assert "main README" not in text and "README_full.md" in text
