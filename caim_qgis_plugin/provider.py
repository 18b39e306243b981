"""The Processing provider ``caim``."""

from qgis.PyQt.QtGui import QIcon
from qgis.core import QgsProcessingProvider

from caim_qgis_plugin.accuracy_algorithms import (
    AssessAccuracyAlgorithm,
    CompareWithReferenceAlgorithm,
    SampleChangeMapAlgorithm,
)
from caim_qgis_plugin.algorithm import DetectChangesAlgorithm
from caim_qgis_plugin.i18n import translator
from caim_qgis_plugin.paths import icon_path
from caim_qgis_plugin.split_algorithm import SplitDatesAlgorithm
from caim_qgis_plugin.stackbands_algorithm import StackBandsAlgorithm
from caim_qgis_plugin.zones_algorithm import ChangeByZonesAlgorithm

tr = translator("CaimProvider")


class CaimProvider(QgsProcessingProvider):
    def id(self):
        return "caim"

    def name(self):
        return tr("CAIM change detection")

    def longName(self):  # noqa: N802
        return tr("CAIM change detection (time-series change area and moment)")

    def icon(self):
        return QIcon(icon_path())

    # The engine writes GeoTIFF rasters and the vector formats of model_core.polygons: offering others
    # would give a GeoTIFF (or GeoPackage) under another format's name.
    def supportedOutputRasterLayerExtensions(self):  # noqa: N802
        from model_core.predict import RASTER_FORMATS

        return [ext.lstrip(".") for ext in RASTER_FORMATS]

    def defaultRasterFileExtension(self):  # noqa: N802
        return "tif"

    def supportedOutputVectorLayerExtensions(self):  # noqa: N802
        from model_core.polygons import VECTOR_FORMATS

        return [ext.lstrip(".") for ext in VECTOR_FORMATS]

    def defaultVectorFileExtension(self, hasGeometry=True):  # noqa: N802,N803
        return "gpkg"

    def loadAlgorithms(self):  # noqa: N802
        self.addAlgorithm(DetectChangesAlgorithm())
        self.addAlgorithm(SampleChangeMapAlgorithm())
        self.addAlgorithm(AssessAccuracyAlgorithm())
        self.addAlgorithm(CompareWithReferenceAlgorithm())
        self.addAlgorithm(SplitDatesAlgorithm())
        self.addAlgorithm(ChangeByZonesAlgorithm())
        self.addAlgorithm(StackBandsAlgorithm())
