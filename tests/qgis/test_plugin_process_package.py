"""The plugin as QGIS sees it: import without torch, qgis_process.bin with the installed plugin, and
the package zip for the QGIS plugin repository."""

import configparser
import os
import stat
import subprocess  # nosec B404 - tests run our own tools
import sys
import zipfile

import pytest

from caim_qgis_testlib import ROOT, make_stack, read

pytestmark = pytest.mark.qgis
PY = sys.executable


def private(tmp_path, name):
    path = tmp_path / name
    path.mkdir()
    os.chmod(str(path), stat.S_IRWXU)
    return str(path)


def test_import_does_not_load_torch():
    code = ("import sys; sys.path.insert(0, %r)\n"
            "import caim_qgis_plugin\n"
            "from caim_qgis_plugin import plugin, provider, algorithm, dialog, layers, inspect_tool, dependencies\n"
            "from caim_qgis_plugin import models\n"
            "auto = [models.default_model(n) for n in range(1, 6)]\n"
            "titles = algorithm.model_titles()\n"
            "alg = algorithm.DetectChangesAlgorithm()\n"
            "alg.initAlgorithm()\n"  # what the provider does when QGIS starts
            "assert alg.parameterDefinition('MODEL').defaultValue() == 'auto'\n"
            "assert 'torch' not in sys.modules, 'torch imported at start-up'\n"
            "import model_core.models as engine\n"  # the real registry (loads torch) agrees
            "assert auto == [engine.default_model(n) for n in range(1, 6)], auto\n"
            "assert titles == algorithm.model_titles(), titles\n"
            "assert callable(caim_qgis_plugin.classFactory)\n"
            "print('ok')" % ROOT)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env, timeout=120)  # nosec B603
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


def test_install_instructions_without_torch():
    from caim_qgis_plugin import dependencies

    text = dependencies.install_instructions()
    assert "pip install" in text and "torch" in text and "restart QGIS" in text
    assert "numpy==" in text  # warns to keep QGIS's numpy


def test_install_instructions_offer_debian_s_torch_package_on_debian_systems(monkeypatch):
    """Debian 13 and newer package torch (2.6; unstable 2.14.1), and the whole test suite passes with it on
    their QGIS (3.40, 3.44): apt is simpler than pip into the system Python (--break-system-packages)."""
    from caim_qgis_plugin import dependencies

    monkeypatch.setattr(dependencies.platform, "system", lambda: "Linux")
    monkeypatch.setattr(dependencies, "debian_like", lambda: True)
    assert "sudo apt install python3-torch" in dependencies.install_instructions()
    monkeypatch.setattr(dependencies, "debian_like", lambda: False)  # Fedora, Arch...: pip only
    assert "apt install" not in dependencies.install_instructions()


def test_install_instructions_name_qgis_python_not_the_first_on_path(tmp_path, monkeypatch):
    """In the QGIS desktop sys.executable is the first python3 on PATH: under pyenv or an activated conda
    environment the instructions named that interpreter, and pip put torch where QGIS never looks."""
    from caim_qgis_plugin import dependencies

    shim = tmp_path / "shims" / "python3"  # e.g. ~/.pyenv/shims/python3, outside QGIS's Python
    shim.parent.mkdir()
    shim.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "executable", str(shim))
    monkeypatch.setattr(dependencies.platform, "system", lambda: "Linux")
    py = dependencies.qgis_python()
    assert py != str(shim) and py.startswith(sys.prefix), py
    assert "%s -m pip install" % py in dependencies.install_instructions()
    assert str(shim) not in dependencies.install_instructions()
    monkeypatch.setattr(sys, "executable", os.path.join(sys.prefix, "bin", "python"))  # a venv's link to its base
    assert dependencies.qgis_python() == os.path.join(sys.prefix, "bin", "python")


def test_qgis_process_run(tmp_path):
    """Install the packaged zip in a throwaway profile, enable it and run it with qgis_process.bin."""
    home, xdg = private(tmp_path, "home"), private(tmp_path, "xdg")
    plugins = str(tmp_path / "plugins")
    built = subprocess.run([PY, os.path.join(ROOT, "tools", "package.py"), "--out", str(tmp_path / "dist")],  # nosec
                           check=True, capture_output=True, text=True, timeout=60)
    with zipfile.ZipFile(built.stdout.strip().splitlines()[-1]) as zf:
        zf.extractall(plugins)  # what "Install from ZIP" does
    import sysconfig

    env = dict(os.environ, HOME=home, XDG_RUNTIME_DIR=xdg, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=plugins,
               PYTHONPATH=sysconfig.get_paths()["purelib"])
    exe = "qgis_process.bin"
    cwd = str(tmp_path)  # not the source tree: model_core must come from inside the installed plugin
    enable = subprocess.run([exe, "plugins", "enable", "caim_qgis_plugin"], env=env, capture_output=True,  # nosec
                            text=True, timeout=120, cwd=cwd)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    listing = subprocess.run([exe, "list"], env=env, capture_output=True, text=True, timeout=120, cwd=cwd)  # nosec
    assert "caim:detectchanges" in listing.stdout, listing.stdout[-2000:] + listing.stderr[-2000:]
    helptext = subprocess.run([exe, "help", "caim:detectchanges"], env=env, capture_output=True,  # nosec B603
                              text=True, timeout=120, cwd=cwd).stdout
    for option in ("- 0: auto", "- 1: caimnet", "- 2: schanger", "- 3: cva"):
        assert option in helptext, helptext[-3000:]
    assert "TILE_SIZE: Tile size (pixels; 0 = automatic)" in helptext
    assert "MODEL=cva" in helptext and "MODEL=auto" in helptext
    # plain text, as a terminal shows it (it printed the toolbox's HTML: 'bit6&amp;!bit2&amp;!bit4', '<b>Model</b>')
    assert "bit6&!bit2&!bit4 for Landsat 8-9" in helptext and "&amp;" not in helptext and "<b>" not in helptext

    stack = make_stack(str(tmp_path))
    out = str(tmp_path / "out")
    args = [exe, "run", "caim:detectchanges", "--"] + ["INPUT=%s" % p for p in stack] + [
        "MODEL=caimnet", "DEVICE=CPU", "TILE_SIZE=64", "AREA=%s/area.tif" % out, "MOMENT=%s/moment.tif" % out,
        "CONFIDENCE=%s/confidence.tif" % out, "POLYGONS=%s/polygons.gpkg" % out]
    run = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, cwd=cwd)  # nosec B603
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "DEVICE_USED:\tcpu" in run.stdout
    assert "USED_DATES:\t2019-05-01,2020-05-01,2021-05-01" in run.stdout
    area, moment = read(out + "/area.tif"), read(out + "/moment.tif")
    valid = moment != 255
    assert ((area[valid] == 1) == (moment[valid] != 0)).all()
    assert (moment[:6, :6] == 255).all() and (area[:6, :6] == 255).all()
    assert os.path.exists(out + "/moment.qml") and os.path.exists(out + "/polygons.gpkg")
    with open(out + "/moment.qml") as f:
        assert "2020-05-01 to 2021-05-01" in f.read()

    # a missing file in INPUT is named (QGIS itself said only "Incorrect parameter value for INPUT")
    gone = subprocess.run([exe, "run", "caim:detectchanges", "--", "INPUT=%s" % stack[0],  # nosec B603
                           "INPUT=%s/gone_2022.tif" % tmp_path, "MODEL=cva", "AREA=%s/g_area.tif" % out,
                           "MOMENT=%s/g_moment.tif" % out, "CONFIDENCE=%s/g_conf.tif" % out],
                          env=env, capture_output=True, text=True, timeout=300, cwd=cwd)
    assert gone.returncode != 0 and "gone_2022.tif' is neither a file nor a loaded layer" in gone.stdout + gone.stderr, (
        gone.stdout[-2000:] + gone.stderr[-2000:])

    # the classical method by name, automatic tiles, on the last two dates: the square appears at the 2nd
    cva = subprocess.run([exe, "run", "caim:detectchanges", "--", "INPUT=%s" % stack[1], "INPUT=%s" % stack[2],  # nosec
                          "MODEL=cva", "TILE_SIZE=0", "DEVICE=CPU", "AREA=%s/cva_area.tif" % out,
                          "MOMENT=%s/cva_moment.tif" % out, "CONFIDENCE=%s/cva_conf.tif" % out],
                         env=env, capture_output=True, text=True, timeout=300, cwd=cwd)
    assert cva.returncode == 0, cva.stdout[-3000:] + cva.stderr[-3000:]
    assert "MODEL_USED:\tcva" in cva.stdout
    moment = read(out + "/cva_moment.tif")
    assert (moment[16:40, 16:40] == 1).mean() > 0.95 and (moment[44:, 44:] == 0).mean() > 0.98

    # a multi-date raster in two steps, as the plugin's README shows them: caim:splitdates, then its LAYERS
    from test_split_algorithm import _export

    (tmp_path / "export").mkdir()
    _, export = _export(str(tmp_path / "export"))
    split = subprocess.run([exe, "run", "caim:splitdates", "--", "INPUT=%s" % export,  # nosec B603
                            "OUTPUT=%s/dates" % tmp_path], env=env, capture_output=True, text=True, timeout=120, cwd=cwd)
    assert split.returncode == 0, split.stdout[-3000:] + split.stderr[-3000:]
    layers = next(line for line in split.stdout.splitlines() if line.startswith("LAYERS:")).split("\t", 1)[1]
    vrts = [p.strip() for p in layers.split(",")]
    assert [os.path.basename(p) for p in vrts] == ["gee_export_01_2019-05-01.vrt", "gee_export_02_2020-05-01.vrt",
                                                   "gee_export_03_2021-05-01.vrt"]
    dated = subprocess.run([exe, "run", "caim:detectchanges", "--"] + ["INPUT=%s" % p for p in vrts] + [  # nosec B603
                           "MODEL=cva", "AREA=%s/sp_area.tif" % out, "MOMENT=%s/sp_moment.tif" % out,
                           "CONFIDENCE=%s/sp_conf.tif" % out], env=env, capture_output=True, text=True, timeout=300,
                           cwd=cwd)
    assert dated.returncode == 0, dated.stdout[-3000:] + dated.stderr[-3000:]
    assert "USED_DATES:\t2019-05-01,2020-05-01,2021-05-01" in dated.stdout
    assert (read(out + "/sp_moment.tif")[16:40, 16:40] == 2).mean() > 0.95
    # and in one step, as the README shows it: the raster itself as INPUT (split beside it), the same result;
    # without dates in its band names, BANDS_PER_DATE and DATES
    one = subprocess.run([exe, "run", "caim:detectchanges", "--", "INPUT=%s" % export, "MODEL=cva",  # nosec B603
                          "AREA=%s/one_area.tif" % out, "MOMENT=%s/one_moment.tif" % out,
                          "CONFIDENCE=%s/one_conf.tif" % out], env=env, capture_output=True, text=True, timeout=300,
                         cwd=cwd)
    assert one.returncode == 0, one.stdout[-3000:] + one.stderr[-3000:]
    assert "USED_DATES:\t2019-05-01,2020-05-01,2021-05-01" in one.stdout
    assert (read(out + "/one_moment.tif") == read(out + "/sp_moment.tif")).all()
    assert sorted(os.listdir(str(tmp_path / "export" / "gee_export_dates"))) == [os.path.basename(p) for p in vrts]
    (tmp_path / "plain").mkdir()
    _, plain = _export(str(tmp_path / "plain"), names=False)
    given = subprocess.run([exe, "run", "caim:detectchanges", "--", "INPUT=%s" % plain, "BANDS_PER_DATE=4",  # nosec
                            "DATES=2019-05-01,2020-05-01,2021-05-01", "MODEL=cva", "AREA=%s/bpd_area.tif" % out,
                            "MOMENT=%s/bpd_moment.tif" % out, "CONFIDENCE=%s/bpd_conf.tif" % out], env=env,
                           capture_output=True, text=True, timeout=300, cwd=cwd)
    assert given.returncode == 0, given.stdout[-3000:] + given.stderr[-3000:]
    assert (read(out + "/bpd_moment.tif") == read(out + "/sp_moment.tif")).all()

    # cloud masks on another grid, one per date, with their clear values
    from test_algorithm import _cloud_masks

    masks = _cloud_masks(str(tmp_path), value=2)
    masked = subprocess.run([exe, "run", "caim:detectchanges", "--"] + ["INPUT=%s" % p for p in stack]  # nosec B603
                            + ["MASKS=%s" % m for m in masks] + [
                                "MASK_CLEAR=0,1", "MODEL=cva", "DEVICE=CPU", "AREA=%s/mk_area.tif" % out,
                                "MOMENT=%s/mk_moment.tif" % out, "CONFIDENCE=%s/mk_conf.tif" % out],
                            env=env, capture_output=True, text=True, timeout=300, cwd=cwd)
    assert masked.returncode == 0, masked.stdout[-3000:] + masked.stderr[-3000:]
    moment = read(out + "/mk_moment.tif")
    assert (moment[44:54, 0:10] == 255).all() and (moment[:6, :6] == 255).all() and (moment == 255).sum() == 136

    # a mask for the second date only (MASKED_DATES), as the README shows it
    partial = subprocess.run([exe, "run", "caim:detectchanges", "--"] + ["INPUT=%s" % p for p in stack]  # nosec B603
                             + ["MASKS=%s" % masks[1], "MASKED_DATES=2", "MASK_CLEAR=0,1", "MODEL=cva", "DEVICE=CPU",
                                "AREA=%s/pm_area.tif" % out, "MOMENT=%s/pm_moment.tif" % out,
                                "CONFIDENCE=%s/pm_conf.tif" % out],
                             env=env, capture_output=True, text=True, timeout=300, cwd=cwd)
    assert partial.returncode == 0, partial.stdout[-3000:] + partial.stderr[-3000:]
    assert (read(out + "/pm_moment.tif") == moment).all()  # only the 2nd date's mask has a cloud

    # the comparison with a reference map (the CAIM-Net run's moment map against the masked CVA run's): the
    # installed plugin's figures are the command line's from the source tree
    compared = subprocess.run([exe, "run", "caim:comparewithreference", "--", "MAP=%s/moment.tif" % out,  # nosec
                               "REFERENCE=%s/pm_moment.tif" % out, "OUTPUT_CSV=%s/compare.csv" % out],
                              env=env, capture_output=True, text=True, timeout=120, cwd=cwd)
    assert compared.returncode == 0, compared.stdout[-3000:] + compared.stderr[-3000:]
    kappa = float(next(line for line in compared.stdout.splitlines() if line.startswith("KAPPA:")).split()[1])
    cli = subprocess.run([PY, "-m", "model_core", "compare", "%s/moment.tif" % out, "%s/pm_moment.tif" % out],  # nosec
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert cli.returncode == 0, cli.stderr
    row = next(line for line in cli.stdout.splitlines() if line.startswith("map vs reference"))
    assert abs(kappa - float(row.split()[-1])) < 5e-5 and 0 < kappa < 1
    assert os.path.exists(out + "/compare.csv")

    # a user error is reported as a message, with a non-zero exit
    bad = subprocess.run([exe, "run", "caim:detectchanges", "--", "INPUT=%s" % stack[0], "DEVICE=CPU",
                          "AREA=%s/a2.tif" % out, "MOMENT=%s/m2.tif" % out, "CONFIDENCE=%s/c2.tif" % out],
                         env=env, capture_output=True, text=True, timeout=120, cwd=cwd)  # nosec B603
    assert bad.returncode != 0
    assert "at least 2 layers" in bad.stdout + bad.stderr
    assert "Traceback" not in bad.stdout + bad.stderr

    # a scaled PROBABILITIES_TYPE without a PROBABILITIES file: refused by the parameter check, before the run (it
    # was refused only once the run had started)
    scaled = subprocess.run([exe, "run", "caim:detectchanges", "--", "INPUT=%s" % stack[1], "INPUT=%s" % stack[2],
                             "MODEL=cva", "PROBABILITIES_TYPE=byte", "AREA=%s/s/a.tif" % out, "MOMENT=%s/s/m.tif" % out,
                             "CONFIDENCE=%s/s/c.tif" % out],
                            env=env, capture_output=True, text=True, timeout=120, cwd=cwd)  # nosec B603
    said = scaled.stdout + scaled.stderr
    assert scaled.returncode != 0 and "checking parameter values" in said, said[-2000:]
    assert "PROBABILITIES_TYPE=byte applies to the Moment probabilities (PROBABILITIES)" in said, said[-2000:]
    assert not os.path.exists(out + "/s")

    # COREGISTER=true, as a script gives it: the second date, offset by whole pixels, is moved onto the first
    from test_algorithm import shifted_series

    (tmp_path / "shifted").mkdir()
    shifted = shifted_series(str(tmp_path / "shifted"))
    moved = subprocess.run([exe, "run", "caim:detectchanges", "--"] + ["INPUT=%s" % p for p in shifted] + [  # nosec
                           "MODEL=cva", "COREGISTER=true", "AREA=%s/cr/a.tif" % out, "MOMENT=%s/cr/m.tif" % out,
                           "CONFIDENCE=%s/cr/c.tif" % out], env=env, capture_output=True, text=True, timeout=300, cwd=cwd)
    assert moved.returncode == 0, moved.stdout[-3000:] + moved.stderr[-3000:]
    assert "2020-05-01 was 2 px east and 1 px north of it" in moved.stdout, moved.stdout[-3000:]
    from osgeo import gdal

    assert '"applied_dx": 2, "applied_dy": -1' in gdal.Open(out + "/cr/m.tif").GetMetadataItem("CAIM_COREGISTER")


def test_package_zip(tmp_path):
    built = subprocess.run([PY, os.path.join(ROOT, "tools", "package.py"), "--out", str(tmp_path)],  # nosec B603
                           check=True, capture_output=True, text=True, timeout=120)
    path = built.stdout.strip().splitlines()[-1]
    assert os.path.basename(path).startswith("caim_qgis_plugin-") and path.endswith(".zip")
    assert os.path.getsize(path) < 25 * 1024 * 1024
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert {n.split("/")[0] for n in names} == {"caim_qgis_plugin"}
        for needed in ("__init__.py", "plugin.py", "algorithm.py", "metadata.txt", "LICENSE",
                       "model_core/__init__.py", "model_core/predict.py", "model_core/polygons.py",
                       "resources/icons/caim.svg"):
            assert "caim_qgis_plugin/" + needed in names, needed
        for folder in ("weights", "styles"):  # bundled weights, model card and styles travel with the plugin
            for name in os.listdir(os.path.join(ROOT, "resources", folder)):
                assert "caim_qgis_plugin/resources/%s/%s" % (folder, name) in names
        assert not [n for n in names if n.endswith((".pyc", ".pyo")) or "__pycache__" in n]
        assert not [n for n in names if "/tests/" in n or n.startswith("caim_qgis_plugin/.")]
        meta = configparser.ConfigParser(interpolation=None)
        meta.read_string(zf.read("caim_qgis_plugin/metadata.txt").decode("utf-8"))
        general = meta["general"]
        for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                    "repository"):
            assert general.get(key, "").strip(), key
        assert general["qgisMinimumVersion"] == "3.22"
        assert "caim_qgis_plugin/" + general["icon"] in names
        assert "GNU GENERAL PUBLIC LICENSE" in zf.read("caim_qgis_plugin/LICENSE").decode("utf-8")

    # the packaged plugin imports on its own (model_core found inside the plugin folder)
    with zipfile.ZipFile(path) as zf:
        zf.extractall(str(tmp_path / "installed"))
    # without putting the plugin folder on sys.path: its modules (plugin, dialog, models, ...) were top-level
    # names for all of QGIS, hiding any other module so named (a packaging audit)
    folder = str(tmp_path / "installed" / "caim_qgis_plugin")
    code = ("import sys; sys.path.insert(0, %r); import caim_qgis_plugin, model_core, model_core.polygons; "
            "print(model_core.__file__); print(model_core.polygons.__file__); print(%r in sys.path); "
            "import importlib.util; print(importlib.util.find_spec('models'))"
            % (str(tmp_path / "installed"), folder))
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, timeout=60,  # nosec B603
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), cwd=str(tmp_path))
    assert out.returncode == 0, out.stderr
    engine, polygons, on_path, models = out.stdout.strip().splitlines()[-4:]
    assert engine.startswith(os.path.join(folder, "model_core")) and polygons.startswith(folder)
    assert on_path == "False" and models == "None"


def test_without_torch_the_algorithm_explains_the_install(tmp_path):
    """A QGIS whose Python has no torch: the plugin loads, and a run says how to install it."""
    stack = make_stack(str(tmp_path), nodata_block=False)
    code = r'''
import sys, importlib.abc
class NoTorch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "torch" or name.startswith("torch."):
            raise ModuleNotFoundError("No module named 'torch'")
        return None
sys.meta_path.insert(0, NoTorch())
sys.path.insert(0, %(root)r)
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False); QgsApplication.setPrefixPath("/usr", True); app.initQgis()
import caim_qgis_plugin
from caim_qgis_plugin.dependencies import torch_available
from caim_qgis_plugin.provider import CaimProvider
assert not torch_available()
provider = CaimProvider()
QgsApplication.processingRegistry().addProvider(provider)
alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
fb = QgsProcessingFeedback()
res, ok = alg.run({"INPUT": %(stack)r, "AREA": %(out)r + "/a.tif", "MOMENT": %(out)r + "/m.tif",
                   "CONFIDENCE": %(out)r + "/c.tif"}, QgsProcessingContext(), fb)
print("OK" if ok else "FAILED")
print(fb.textLog())
''' % {"root": ROOT, "stack": stack, "out": str(tmp_path / "out")}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env, timeout=120)  # nosec B603
    assert out.returncode == 0, out.stderr[-3000:]
    assert "FAILED" in out.stdout
    assert "needs PyTorch" in out.stdout and "pip install" in out.stdout and "restart QGIS" in out.stdout


def test_unload_forgets_the_bundled_engine(tmp_path):
    """QGIS forgets only caim_qgis_plugin.* on unload: the bundled model_core must go too, or an upgrade from
    the plugin manager (unload, new files, load) runs the new plugin on the old engine until a restart."""
    built = subprocess.run([PY, os.path.join(ROOT, "tools", "package.py"), "--out", str(tmp_path)],  # nosec B603
                           check=True, capture_output=True, text=True, timeout=120)
    installed = tmp_path / "plugins"
    with zipfile.ZipFile(built.stdout.strip().splitlines()[-1]) as zf:
        zf.extractall(str(installed))
    code = r'''
import sys, types
sys.path.insert(0, %(plugins)r)
import caim_qgis_plugin
from caim_qgis_plugin.plugin import CaimPlugin
import model_core.polygons
assert model_core.__file__.startswith(%(plugins)r), model_core.__file__
CaimPlugin(types.SimpleNamespace()).unload()
left = [n for n in sys.modules if n.split(".")[0] == "model_core"]
assert not left, left
for name in [n for n in sys.modules if n.split(".")[0] == "caim_qgis_plugin"]:
    del sys.modules[name]  # as QGIS's unloadPlugin does
with open(%(init)r, "a") as f:  # the upgrade writes new files
    f.write("\nUPGRADED = True\n")
import caim_qgis_plugin  # QGIS loads the plugin again
import model_core
assert getattr(model_core, "UPGRADED", False), "the old engine is still loaded"
print("ok")
''' % {"plugins": str(installed), "init": str(installed / "caim_qgis_plugin" / "model_core" / "__init__.py")}
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, timeout=120, cwd=str(tmp_path),  # nosec B603
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stdout[-2000:] + out.stderr[-3000:]
    # the engine of the source tree (the tests, a development QGIS) stays loaded
    code = ("import sys, types; sys.path.insert(0, %r)\n"
            "import model_core.polygons\n"
            "from caim_qgis_plugin.plugin import CaimPlugin\n"
            "CaimPlugin(types.SimpleNamespace()).unload()\n"
            "assert 'model_core.polygons' in sys.modules\n"
            "print('ok')" % ROOT)
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, timeout=120,  # nosec B603
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-3000:]


def test_a_too_old_torch_is_named_with_the_upgrade(tmp_path):
    """Debian 12's python3-torch is 1.13: the engine cannot run on it (no scaled_dot_product_attention, and
    its safe loader refused every weights file as 'corrupt' with "Unsupported operand 71").  A QGIS whose
    Python has such a torch (here a stand-in package with 1.13's metadata, first on sys.path): the plugin
    loads, torch counts as unavailable, and a run says which version is there, what is needed and how to
    upgrade, instead of calling the bundled weights corrupt."""
    stack = make_stack(str(tmp_path), nodata_block=False)
    fake = tmp_path / "site"
    (fake / "torch").mkdir(parents=True)
    (fake / "torch" / "__init__.py").write_text("__version__ = '1.13.0a0+gitunknown'\n")
    (fake / "torch-1.13.0a0+gitunknown.dist-info").mkdir()
    (fake / "torch-1.13.0a0+gitunknown.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: torch\nVersion: 1.13.0a0+gitunknown\n")
    code = r'''
import sys
sys.path.insert(0, %(fake)r)
sys.path.insert(1, %(root)r)
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False); QgsApplication.setPrefixPath("/usr", True); app.initQgis()
from caim_qgis_plugin.dependencies import install_instructions, torch_available, torch_too_old
from caim_qgis_plugin.provider import CaimProvider
assert torch_too_old() == "1.13.0a0+gitunknown", torch_too_old()
assert not torch_available()
print(install_instructions())
provider = CaimProvider()  # kept: the registry does not own a Python provider
QgsApplication.processingRegistry().addProvider(provider)
alg = QgsApplication.processingRegistry().createAlgorithmById("caim:detectchanges")
fb = QgsProcessingFeedback()
res, ok = alg.run({"INPUT": %(stack)r, "MODEL": "cva", "AREA": %(out)r + "/a.tif", "MOMENT": %(out)r + "/m.tif",
                   "CONFIDENCE": %(out)r + "/c.tif"}, QgsProcessingContext(), fb)
print("OK" if ok else "FAILED")
print(fb.textLog())
from model_core.errors import DependencyError
from model_core.predict import detect
try:
    detect(%(stack)r, out_dir=%(out)r + "/engine", model="cva")
except DependencyError as exc:
    print("ENGINE:", exc)
''' % {"fake": str(fake), "root": ROOT, "stack": stack, "out": str(tmp_path / "out")}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env, timeout=120)  # nosec B603
    assert out.returncode == 0, out.stderr[-3000:]
    text = out.stdout
    assert "needs PyTorch 2.0 or newer" in text and "has PyTorch 1.13.0a0+gitunknown, which is too old" in text
    assert "add --upgrade to the pip command" in text and "FAILED" in text
    assert "ENGINE: PyTorch 1.13.0a0+gitunknown is too old for the CAIM engine" in text and "--upgrade torch" in text
    assert not os.path.exists(str(tmp_path / "out" / "engine"))
