"""CAIM change detection engine: time-series change area and change moment from rasters.

This package never imports QGIS.  torch is imported by the modules that need it, so importing
``model_core`` itself stays cheap.
"""

__version__ = "0.1.0"
