#!/usr/bin/env python3
"""Build the QGIS plugin zip, or stage the plugin from the working tree for a development QGIS.

    python tools/package.py                      # dist/caim_qgis_plugin-<version>.zip
    python tools/package.py --stage build/qgis-plugins [--profiles build/qgis-profiles]

The zip holds one top folder, ``caim_qgis_plugin/`` (the module name QGIS imports and its settings
key), carrying the plugin code, ``model_core/``, ``resources/``, ``metadata.txt`` and ``LICENSE``.
The stage is the same folder made of symbolic links to the working tree, so edits show up after a
plugin reload; ``--profiles`` also writes a QGIS profile in which the plugin is enabled.
"""

import argparse
import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOP = "caim_qgis_plugin"
MAX_BYTES = 25 * 1024 * 1024
REQUIRED_METADATA = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                     "repository", "tracker")  # the plugin repository's list
# (source relative to the repository, destination inside the top folder)
TREES = [("caim_qgis_plugin", ""), ("model_core", "model_core"), ("resources", "resources")]
# the plugin README is caim_qgis_plugin/README.md; the project README, which it refers to for the command line
# and the accuracy assessment, goes beside it as README_full.md
FILES = [("metadata.txt", "metadata.txt"), ("LICENSE", "LICENSE"), ("README.md", "README_full.md")]
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".git", "tests", ".ipynb_checkpoints", "screenshots"}  # README images
SKIP_SUFFIXES = (".pyc", ".pyo", ".orig", ".rej", ".swp", "~", ".tmp", ".aux.xml",
                 ".ts")  # translation sources: the plugin loads the compiled .qm beside them


def read_metadata(path=os.path.join(ROOT, "metadata.txt")):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        parser.read_file(f)
    return dict(parser["general"])


def check_metadata(meta):
    """Problems with metadata.txt for the QGIS plugin repository (empty list when fine)."""
    problems = ["metadata.txt lacks '%s'" % key for key in REQUIRED_METADATA if not meta.get(key, "").strip()]
    # QGIS's plugin manager and the plugin repository read metadata.txt with configparser's default
    # interpolation: a lone '%' makes the value unreadable (QGIS shows it empty, the upload is refused)
    strict = configparser.ConfigParser()
    strict.optionxform = str
    strict.add_section("general")
    for key, value in meta.items():
        try:
            strict.set("general", key, value)
            strict.get("general", key)
        except (ValueError, configparser.Error):
            problems.append("metadata.txt: '%s' has a '%%' that QGIS cannot read (write %%%% or 'per cent')" % key)
    # QGIS 4 (Qt 6) lists a plugin only when it declares Qt 6 support, and a missing qgisMaximumVersion
    # means <minimum's major>.99, so 3.99 would shut it out of QGIS 4
    if meta.get("supportsQt6", "").strip().lower() not in ("true", "yes"):
        problems.append("metadata.txt lacks 'supportsQt6=True': QGIS 4 would not list the plugin")
    maximum = meta.get("qgisMaximumVersion", meta.get("qgisMinimumVersion", "3").split(".")[0] + ".99")
    if int(maximum.split(".")[0]) < 4:
        problems.append("metadata.txt: qgisMaximumVersion %s shuts the plugin out of QGIS 4" % maximum)
    icon = meta.get("icon")
    if icon and not os.path.isfile(os.path.join(ROOT, icon)):
        problems.append("icon '%s' does not exist" % icon)
    return problems


def members():
    """[(absolute source path, path inside the zip)] of every packaged file."""
    out = []
    for src, dst in TREES:
        base = os.path.join(ROOT, src)
        for folder, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if name.endswith(SKIP_SUFFIXES) or name.startswith("."):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, base)
                out.append((path, "/".join(p for p in (TOP, dst, rel.replace(os.sep, "/")) if p)))
    for src, dst in FILES:
        path = os.path.join(ROOT, src)
        if os.path.isfile(path):
            out.append((path, "%s/%s" % (TOP, dst)))
    return out


def build_zip(out_dir):
    meta = read_metadata()
    problems = check_metadata(meta)
    if problems:
        raise SystemExit("Cannot package: " + "; ".join(problems))
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, "%s-%s.zip" % (TOP, meta["version"]))
    if os.path.exists(target):
        os.remove(target)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, arc in members():
            zf.write(path, arc)
    size = os.path.getsize(target)
    if size > MAX_BYTES:
        os.remove(target)
        raise SystemExit("Package is %.1f MB, over the 25 MB limit of the QGIS plugin repository." % (size / 2 ** 20))
    return target


def stage(plugins_dir, profiles_dir=None):
    """Make ``plugins_dir/caim_qgis_plugin`` out of symlinks to the working tree."""
    top = os.path.join(plugins_dir, TOP)
    if os.path.islink(top):
        os.remove(top)  # an old whole-folder link: never write through it into the working tree
    real = os.path.realpath(top)
    if real == ROOT or real.startswith(ROOT + os.sep + TOP):
        raise SystemExit("Refusing to stage into the source tree (%s)." % real)
    os.makedirs(top, exist_ok=True)
    wanted = {}
    for src, dst in TREES:
        if dst:
            wanted[dst] = os.path.join(ROOT, src)
        else:
            for name in os.listdir(os.path.join(ROOT, src)):
                if name not in SKIP_DIRS and not name.endswith(SKIP_SUFFIXES):
                    wanted[name] = os.path.join(ROOT, src, name)
    for src, dst in FILES:
        if os.path.exists(os.path.join(ROOT, src)):
            wanted[dst] = os.path.join(ROOT, src)
    for name in os.listdir(top):  # drop links to files that no longer exist
        if name not in wanted and os.path.islink(os.path.join(top, name)):
            os.remove(os.path.join(top, name))
    for name, source in wanted.items():
        link = os.path.join(top, name)
        if os.path.islink(link) or os.path.isfile(link):
            os.remove(link)
        os.symlink(source, link)
    if profiles_dir:
        ini_dir = os.path.join(profiles_dir, "profiles", "default", "QGIS")
        os.makedirs(ini_dir, exist_ok=True)
        ini = os.path.join(ini_dir, "QGIS3.ini")
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str
        if os.path.exists(ini):
            parser.read(ini, encoding="utf-8")
        if not parser.has_section("PythonPlugins"):
            parser.add_section("PythonPlugins")
        parser.set("PythonPlugins", TOP, "true")
        with open(ini, "w", encoding="utf-8") as f:
            parser.write(f, space_around_delimiters=False)
    return top


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "dist"), help="folder for the zip (default dist/)")
    parser.add_argument("--stage", help="instead of a zip, stage the plugin as symlinks into this plugins folder")
    parser.add_argument("--profiles", help="with --stage: QGIS profiles folder in which to enable the plugin")
    args = parser.parse_args(argv)
    if args.stage:
        print(stage(os.path.abspath(args.stage), args.profiles and os.path.abspath(args.profiles)))
    else:
        print(build_zip(os.path.abspath(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
