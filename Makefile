# CAIM change detection for QGIS -- one Makefile for set-up, demo, tests and benchmarks.
# Every target installs what it needs (idempotently) through `setup`.

SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.caim-setup-4
DEB_PACKAGES := python3-qgis qgis-providers python3-gdal gdal-bin qgis xvfb xauth python3-venv python3-matplotlib python3-scipy
# PyQt6 is only for tools/qt6_check.py (QGIS 4 readiness), run in a process of its own; QGIS 3 uses PyQt5.
# numpy must stay at the system's version: GDAL's Debian bindings are built against it.
PIP_CONSTRAINTS := $(VENV)/constraints.txt
# The allocator settings keep torch from mapping fresh pages for every large buffer (glibc malloc tunables).
export MALLOC_MMAP_MAX_ ?= 0
export MALLOC_TRIM_THRESHOLD_ ?= 4294967296
DEMO_OUT ?= demo_output

.PHONY: setup deb demo test test-core test-latest-qgis bench card-check qgis package translations lint clean

setup: $(STAMP)

deb:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): | deb
	@[ -x $(PY) ] || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	@/usr/bin/python3 -c 'import numpy; print("numpy==" + numpy.__version__)' > $(PIP_CONSTRAINTS)
	$(PY) -m pip install -q -c $(PIP_CONSTRAINTS) 'torch==2.13.0' pytest pytest-timeout bandit 'PyQt6==6.11.0'
	$(PY) -c 'import torch, osgeo.gdal, numpy, qgis.core; print("torch", torch.__version__, "gdal", osgeo.gdal.__version__, "numpy", numpy.__version__)'
	@touch $(STAMP)

demo: setup
	$(PY) -m model_core demo --out $(DEMO_OUT)

test: setup
	@rc=0; $(PY) -m pytest -q tests || rc=$$?; \
	if [ $$rc = 5 ]; then echo "pytest ran no test: failing"; exit 1; fi; exit $$rc

test-core: setup
	$(PY) -m pytest -q tests -m "not qgis and not e2e"

# The whole test suite on the newest QGIS Debian packages (unstable: QGIS 3.44, Python 3.14, numpy 2), in a
# chroot beside the project (root, about 3 GB, 10-20 minutes the first time). Not part of `make test`.
test-latest-qgis:
	tools/test_latest_qgis.sh

bench: setup
	$(PY) tools/bench.py

# Re-run every command behind the model card's tables and compare each figure with the card (~30 min;
# needs ../shared/data). Outputs in runs/card_check.
card-check: setup
	$(PY) tools/card_check.py --jobs 2

# Start QGIS with the plugin installed from the working tree (symlinks) in a development profile under build/.
qgis: setup
	$(PY) tools/package.py --stage build/qgis-plugins --profiles build/qgis-profiles
	QGIS_PLUGINPATH=$(CURDIR)/build/qgis-plugins PYTHONPATH=$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')$${PYTHONPATH:+:$$PYTHONPATH} qgis --profiles-path $(CURDIR)/build/qgis-profiles $(QGIS_ARGS)

# The plugin zip for the QGIS plugin repository: dist/caim_qgis_plugin-<version>.zip
package:
	python3 tools/package.py

# The plugin's translations: new texts of the code into caim_qgis_plugin/i18n/*.ts (translate them with Qt
# Linguist), then each .ts compiled to the .qm the plugin loads (needs lrelease: Debian qttools5-dev-tools).
translations:
	python3 tools/translations.py
	$(PY) tools/engine_messages.py --update

lint: setup
	$(PY) -m bandit -q -r caim_qgis_plugin model_core -c .bandit.yml

clean:
	rm -rf $(DEMO_OUT) build dist .pytest_cache
