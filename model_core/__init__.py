"""CAIM change detection engine: time-series change area and change moment from rasters.

This package never imports QGIS.  torch is imported by the modules that need it, so importing
``model_core`` itself stays cheap.
"""

import os

__version__ = "0.1.0"

# OpenMP worker threads that wait passively (sleep) instead of spinning between torch's parallel regions.
# Spinning costs nothing on an idle machine, but when anything else wants a core (QGIS drawing the map,
# a second run, another program) the spinning threads fight it: a 1024 x 1024 x 6 CAIM-Net run took 17.3 s
# beside one busy process and 21.6-22.4 s beside a second run, against 13.2 s and 12.9-13.1 s when passive;
# idle, 7.4-8.2 s either way (twenty-fifth session).  OpenMP reads it when torch is first imported, which
# every engine module does after this; a value the user set is kept.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
