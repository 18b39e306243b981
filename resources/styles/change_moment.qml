<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" minScale="1e+08" hasScaleBasedVisibilityFlag="0" styleCategories="AllStyleCategories" maxScale="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal mode="0" fetchMode="0" enabled="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option type="Map">
      <Option value="moment" type="QString" name="caim/kind"/>
    </Option>
  </customproperties>
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option value="" type="QString" name="name"/>
      <Option name="properties"/>
      <Option value="collection" type="QString" name="type"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling zoomedOutResamplingMethod="nearestNeighbour" maxOversampling="2" zoomedInResamplingMethod="nearestNeighbour" enabled="false"/>
    </provider>
    <rasterrenderer band="1" type="paletted" alphaBand="-1" nodataColor="" opacity="1">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <colorPalette>
        <paletteEntry value="0" label="No change" color="#ffffff" alpha="0"/>
        <paletteEntry value="1" label="image 1 to image 2" color="#ffed6f" alpha="255"/>
        <paletteEntry value="2" label="image 2 to image 3" color="#fed05e" alpha="255"/>
        <paletteEntry value="3" label="image 3 to image 4" color="#feb24c" alpha="255"/>
        <paletteEntry value="4" label="image 4 to image 5" color="#f77636" alpha="255"/>
        <paletteEntry value="5" label="image 5 to image 6" color="#f03b20" alpha="255"/>
        <paletteEntry value="6" label="image 6 to image 7" color="#d61e23" alpha="255"/>
        <paletteEntry value="7" label="image 7 to image 8" color="#bd0026" alpha="255"/>
        <paletteEntry value="8" label="image 8 to image 9" color="#88145a" alpha="255"/>
        <paletteEntry value="9" label="image 9 to image 10" color="#54278f" alpha="255"/>
      </colorPalette>
    </rasterrenderer>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
