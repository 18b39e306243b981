<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>CaimAccuracy</name>
        <message>
            <location filename="../accuracy_algorithms.py" line="81" />
            <source>Accuracy assessment</source>
            <translation>Evaluación de la exactitud</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="113" />
            <source>Choose a change map (a raster layer).</source>
            <translation>Elegir un mapa de cambios (una capa ráster).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="115" />
            <source>'%s' is not a file-based raster; export it as GeoTIFF first.</source>
            <translation>'%s' no es un ráster basado en archivo; exportarlo primero como GeoTIFF.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="136" />
            <source>Cannot create the folder '%s' for the output '%s': %s</source>
            <translation>No se puede crear la carpeta '%s' para la salida '%s': %s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="161" />
            <source>to label</source>
            <translation>por etiquetar</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="163" />
            <source>labelled</source>
            <translation>etiquetado</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="212" />
            <source>Draw an accuracy-assessment sample of a change map</source>
            <translation>Extraer una muestra para evaluar la exactitud de un mapa de cambios</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="218" />
            <source>Draws a stratified random sample of pixels of a change map, the strata being the map's classes (change moment: no change and each interval; change area: unchanged, changed), and writes them as points with the fields id, map_class, map_label and an empty &lt;b&gt;reference&lt;/b&gt;.

Label each point from reference data (higher-resolution imagery, the inputs, field visits) without looking at the map's class: the map's codes, 0 = no change, k = the last change happened between date k and date k+1, -1 = changed but the interval cannot be told (or 1 = changed for an area map); &lt;i&gt;Label the sample points&lt;/i&gt; in the plugin's menu steps through them.  Then run &lt;i&gt;Estimate change area and accuracy from a labelled sample&lt;/i&gt;.

&lt;b&gt;Points per change class&lt;/b&gt;: 50 by default.  &lt;b&gt;Points where the map says no change&lt;/b&gt;: 4 times as many by default, because the changes the map missed hide there, a few per hundred pixels; with few points there the confidence intervals of the change area are too narrow (see the README).  &lt;b&gt;Per-class sizes&lt;/b&gt;: optional CLASS:N pairs overriding both, e.g. 0:400,3:80.  A class with fewer pixels gives them all.</source>
            <translation>Extrae una muestra aleatoria estratificada de píxeles de un mapa de cambios, con las clases del mapa como estratos (momento del cambio: sin cambio y cada intervalo; área de cambio: sin cambio, cambiado), y la escribe como puntos con los campos id, map_class, map_label y un campo &lt;b&gt;reference&lt;/b&gt; vacío.

Etiquetar cada punto a partir de datos de referencia (imágenes de mayor resolución, las entradas, visitas de campo) sin mirar la clase del mapa: los códigos del mapa, 0 = sin cambio, k = el último cambio ocurrió entre la fecha k y la fecha k+1, -1 = cambiado, pero no se puede saber el intervalo (o 1 = cambiado en un mapa de área); &lt;i&gt;Etiquetar los puntos de la muestra&lt;/i&gt;, en el menú del complemento, los recorre uno a uno.  Después, ejecutar &lt;i&gt;Estimar el área de cambio y la exactitud a partir de una muestra etiquetada&lt;/i&gt;.

&lt;b&gt;Puntos por clase de cambio&lt;/b&gt;: 50 por defecto.  &lt;b&gt;Puntos sin cambio en el mapa&lt;/b&gt;: 4 veces más por defecto, porque ahí se esconden los cambios que el mapa pasó por alto, unos pocos por cada cien píxeles; con pocos puntos ahí, los intervalos de confianza del área de cambio son demasiado estrechos (véase el README).  &lt;b&gt;Tamaños por clase&lt;/b&gt;: pares CLASE:N opcionales que sustituyen a ambos, p. ej. 0:400,3:80.  Una clase con menos píxeles los aporta todos.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="235" />
            <source>Change map (moment or area)</source>
            <translation>Mapa de cambios (momento o área)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="237" />
            <source>Points per change class</source>
            <translation>Puntos por clase de cambio</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="238" />
            <source>50 (the default): points drawn in each class of the map that says change.</source>
            <translation>50 (predeterminado): puntos de la muestra en cada clase del mapa que indica cambio.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="241" />
            <source>Points where the map says no change</source>
            <translation>Puntos sin cambio en el mapa</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="243" />
            <source>Empty: 4 times the points per change class (the changes the map missed hide there).</source>
            <translation>Vacío: 4 veces los puntos por clase de cambio (ahí se esconden los cambios que el mapa no detectó).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="244" />
            <source>Per-class sizes, e.g. 0:400,3:80</source>
            <translation>Tamaños por clase, p. ej. 0:400,3:80</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="247" />
            <source>Random seed</source>
            <translation>Semilla aleatoria</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="248" />
            <source>0 (the default): the same map and seed give the same points; another seed draws another sample.</source>
            <translation>0 (predeterminado): el mismo mapa y la misma semilla dan los mismos puntos; otra semilla extrae otra muestra.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="249" />
            <source>Sample points to label</source>
            <translation>Puntos de la muestra por etiquetar</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="262" />
            <source>'%s' holds a sample with %d labelled point: a new sample there would erase the labels. Choose another file for the new sample (or delete that one first).</source>
            <translation>'%s' contiene una muestra con %d punto etiquetado: una nueva muestra ahí borraría las etiquetas. Elegir otro archivo para la nueva muestra (o borrar antes ese).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="264" />
            <source>'%s' holds a sample with %d labelled points: a new sample there would erase the labels. Choose another file for the new sample (or delete that one first).</source>
            <translation>'%s' contiene una muestra con %d puntos etiquetados: una nueva muestra ahí borraría las etiquetas. Elegir otro archivo para la nueva muestra (o borrar antes ese).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="278" />
            <source> (every pixel of the class)</source>
            <translation> (todos los píxeles de la clase)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="280" />
            <source>%s: 1 point%s</source>
            <translation>%s: 1 punto%s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="281" />
            <source>%s: %d points%s</source>
            <translation>%s: %d puntos%s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="282" />
            <source>Fill in 'reference' for every point, then estimate the area and accuracy.</source>
            <translation>Rellenar 'reference' en cada punto y después estimar el área y la exactitud.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="304" />
            <source>Estimate change area and accuracy from a labelled sample</source>
            <translation>Estimar el área de cambio y la exactitud a partir de una muestra etiquetada</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="310" />
            <source>Estimates, from sample points drawn with &lt;i&gt;Draw an accuracy-assessment sample of a change map&lt;/i&gt; and labelled, the area of each class with its 95 % confidence interval, the overall accuracy and each class's user's and producer's accuracy, and the error matrix in proportions of the mapped area, with the stratified estimator of Olofsson et al. (2014), 'Good practices for estimating area and assessing accuracy of land change'.  The map's own pixel count of a change is biased by its errors; these estimates are not.

&lt;b&gt;Change map&lt;/b&gt;: the map the sample was drawn from (its classes are the strata).  &lt;b&gt;Reference field&lt;/b&gt;: the class each point really is (0 = no change, k = change between date k and k+1, -1 = changed, interval unknown: counted only with Changed / unchanged only); points with an empty field are left out.  &lt;b&gt;Changed / unchanged only&lt;/b&gt;: collapse the classes into unchanged (0) and changed (any other), e.g. when the points were labelled only for change.  Every map class needs at least 2 labelled points.  &lt;b&gt;Map the sample was drawn from&lt;/b&gt; (advanced): to score another map of the same grid (another method's run) with the same sample, give the map the sample was drawn from here: its classes stay the strata.  &lt;b&gt;Compare with another map&lt;/b&gt; (advanced): the overall accuracy of the change map minus that of another map of the same grid, with a 95 % interval from the same points (paired, so much tighter than the two accuracies' own intervals): whether one method or setting is better on your imagery.</source>
            <translation>Estima, a partir de puntos de muestra extraídos con &lt;i&gt;Extraer una muestra para evaluar la exactitud de un mapa de cambios&lt;/i&gt; y etiquetados, el área de cada clase con su intervalo de confianza del 95 %, la exactitud global, la exactitud del usuario y del productor de cada clase y la matriz de error en proporciones del área cartografiada, con el estimador estratificado de Olofsson et al. (2014), 'Good practices for estimating area and assessing accuracy of land change'.  El recuento de píxeles de un cambio en el propio mapa está sesgado por sus errores; estas estimaciones no.

&lt;b&gt;Mapa de cambios&lt;/b&gt;: el mapa del que se extrajo la muestra (sus clases son los estratos).  &lt;b&gt;Campo de referencia&lt;/b&gt;: la clase que es realmente cada punto (0 = sin cambio, k = cambio entre la fecha k y k+1, -1 = cambiado, intervalo desconocido: solo se cuenta con Solo cambiado / sin cambio); los puntos con el campo vacío se omiten.  &lt;b&gt;Solo cambiado / sin cambio&lt;/b&gt;: reunir las clases en sin cambio (0) y cambiado (cualquier otra), p. ej. cuando los puntos se etiquetaron solo según haya cambio o no.  Cada clase del mapa necesita al menos 2 puntos etiquetados.  &lt;b&gt;Mapa del que se extrajo la muestra&lt;/b&gt; (avanzado): para evaluar otro mapa de la misma malla (la ejecución de otro método) con la misma muestra, indicar aquí el mapa del que se extrajo la muestra: sus clases siguen siendo los estratos.  &lt;b&gt;Comparar con otro mapa&lt;/b&gt; (avanzado): la exactitud global del mapa de cambios menos la de otro mapa de la misma malla, con un intervalo del 95 % a partir de los mismos puntos (pareado, así que mucho más estrecho que los intervalos propios de las dos exactitudes): si un método o un ajuste es mejor en sus imágenes.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="330" />
            <source>Change map the sample was drawn from</source>
            <translation>Mapa de cambios del que se extrajo la muestra</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="331" />
            <source>Labelled sample points</source>
            <translation>Puntos de la muestra etiquetados</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="335" />
            <source>Reference field</source>
            <translation>Campo de referencia</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="337" />
            <source>Changed / unchanged only</source>
            <translation>Solo cambiado / sin cambio</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="340" />
            <source>Map the sample was drawn from</source>
            <translation>Mapa del que se extrajo la muestra</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="341" />
            <source>To score another map of the same grid with this sample: give that map as the change map above and the map the sample was drawn from here (its classes stay the strata).</source>
            <translation>Para evaluar otro mapa de la misma malla con esta muestra: dé ese mapa arriba como mapa de cambios y aquí el mapa del que se extrajo la muestra (sus clases siguen siendo los estratos).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="346" />
            <source>Compare with another map</source>
            <translation>Comparar con otro mapa</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="347" />
            <source>Another map of the same grid: the difference of the two overall accuracies, paired on the same points.</source>
            <translation>Otro mapa de la misma malla: la diferencia de las dos exactitudes globales, pareada en los mismos puntos.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="351" />
            <source>Report</source>
            <translation>Informe</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="351" />
            <source>HTML files (*.html)</source>
            <translation>Archivos HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="353" />
            <source>Overall accuracy</source>
            <translation>Exactitud global</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="354" />
            <source>Estimates (JSON)</source>
            <translation>Estimaciones (JSON)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="355" />
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="365" />
            <source>with this map as '%s'</source>
            <translation>con este mapa como '%s'</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="368" />
            <source>as the advanced parameter '%s'</source>
            <translation>como el parámetro avanzado '%s'</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="381" />
            <source>Choose the labelled sample points.</source>
            <translation>Elegir los puntos de la muestra etiquetados.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="383" />
            <source>'%s' has unsaved edits: save them (Toggle Editing, Save) so the labels are read.</source>
            <translation>'%s' tiene cambios sin guardar: guardarlos (Conmutar edición, Guardar cambios de la capa; en QGIS más antiguos, Guardar capa en edición) para que se lean las etiquetas.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="409" />
            <source>Cannot write the report '%s' (%s). Choose another file.</source>
            <translation>No se puede escribir el informe '%s' (%s). Elegir otro archivo.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="425" />
            <source>Compare a change map with a reference map</source>
            <translation>Comparar un mapa de cambios con un mapa de referencia</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="431" />
            <source>Compares a change map pixel by pixel with a wall-to-wall reference raster (a digitised change mask, a national change product, a benchmark's label raster) and reports the changed / unchanged confusion counts, overall accuracy, precision, recall, F1 and kappa of changed, and the changed area of the map and of the reference in hectares; when the reference is a change-moment map, also the overall accuracy, kappa, macro F1 and F1 of each interval and the full confusion matrix.  The figures are those of &lt;i&gt;evaluate&lt;/i&gt; on the same pixels.

&lt;b&gt;Change map&lt;/b&gt;: change_moment.tif or change_area.tif of a run (0 no change, k = interval k, 255 nodata), or any class raster with these codes.  &lt;b&gt;Reference map&lt;/b&gt;: any grid and CRS; it is warped onto the change map's grid with nearest neighbour.  Pixels where either is nodata, or outside the reference, are left out and counted.  &lt;b&gt;Reference is a change mask&lt;/b&gt;: changed = any non-zero value (automatic when the reference holds only 0 and one other value, e.g. 0/1 or 0/255); otherwise the reference numbers the intervals as the map does (0 no change, k = the last change between date k and k+1).  &lt;b&gt;Reference values that mean changed&lt;/b&gt; (optional, e.g. 2,3): only these count as changed (a mask).  &lt;b&gt;Reference nodata value&lt;/b&gt; (optional): replaces the reference's own nodata value.  &lt;b&gt;CSV&lt;/b&gt; (optional): the figures as a table.

The comparison is only as good as the reference's own accuracy and its co-registration with the map: misregistration by a pixel counts every change boundary twice.  For estimates of area and accuracy with confidence intervals from a labelled sample, use the other two algorithms of this group.</source>
            <translation>Compara un mapa de cambios píxel a píxel con un ráster de referencia completo (una máscara de cambios digitalizada, un producto nacional de cambios, el ráster de etiquetas de un conjunto de referencia) e informa de los recuentos de confusión cambiado / sin cambio, la exactitud global, la exactitud del usuario y la del productor (precisión y exhaustividad), F1 y kappa de cambiado, y el área cambiada del mapa y de la referencia en hectáreas; cuando la referencia es un mapa de momentos del cambio, también la exactitud global, kappa, F1 macro y F1 de cada intervalo y la matriz de confusión completa.  Las cifras son las de &lt;i&gt;evaluate&lt;/i&gt; en los mismos píxeles.

&lt;b&gt;Mapa de cambios&lt;/b&gt;: change_moment.tif o change_area.tif de una ejecución (0 sin cambio, k = intervalo k, 255 sin datos), o cualquier ráster de clases con estos códigos.  &lt;b&gt;Mapa de referencia&lt;/b&gt;: cualquier malla y SRC; se remuestrea sobre la malla del mapa de cambios por vecino más próximo.  Los píxeles donde alguno de los dos no tiene datos, o fuera de la referencia, se omiten y se cuentan.  &lt;b&gt;La referencia es una máscara de cambios&lt;/b&gt;: cambiado = cualquier valor distinto de cero (automático cuando la referencia contiene solo 0 y otro valor, p. ej. 0/1 o 0/255); si no, la referencia numera los intervalos como el mapa (0 sin cambio, k = el último cambio entre la fecha k y k+1).  &lt;b&gt;Valores de referencia que significan cambiado&lt;/b&gt; (opcional, p. ej. 2,3): solo estos cuentan como cambiado (una máscara).  &lt;b&gt;Valor sin datos de la referencia&lt;/b&gt; (opcional): sustituye al valor sin datos propio de la referencia.  &lt;b&gt;CSV&lt;/b&gt; (opcional): las cifras en forma de tabla.

La comparación solo es tan buena como la exactitud de la propia referencia y su corregistro con el mapa: un desplazamiento de un píxel cuenta dos veces cada borde de cambio.  Para estimaciones del área y la exactitud con intervalos de confianza a partir de una muestra etiquetada, usar los otros dos algoritmos de este grupo.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="454" />
            <source>Reference map (any grid and CRS)</source>
            <translation>Mapa de referencia (cualquier malla y SRC)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="457" />
            <source>Reference is a change mask</source>
            <translation>La referencia es una máscara de cambios</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="458" />
            <source>Changed = any non-zero value (automatic when the reference holds only 0 and one other value).</source>
            <translation>Cambiado = cualquier valor distinto de cero (automático si la referencia solo contiene 0 y otro valor).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="460" />
            <source>Reference nodata value</source>
            <translation>Valor sin datos de la referencia</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="461" />
            <source>Empty: the reference's own nodata value.</source>
            <translation>Vacío: el valor sin datos propio de la referencia.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="463" />
            <source>Reference values that mean changed</source>
            <translation>Valores de referencia para cambiado</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="464" />
            <source>Comma-separated, e.g. 2,3: only these values of the reference count as changed.</source>
            <translation>Separados por comas, p. ej. 2,3: solo estos valores de la referencia cuentan como cambiado.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="466" />
            <source>Comparison table (CSV)</source>
            <translation>Tabla de comparación (CSV)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="466" />
            <source>CSV files (*.csv)</source>
            <translation>Archivos CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="468" />
            <source>Kappa of changed / unchanged</source>
            <translation>Kappa de cambiado / sin cambio</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="469" />
            <source>Overall accuracy of changed / unchanged</source>
            <translation>Exactitud global de cambiado / sin cambio</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="470" />
            <source>F1 of changed</source>
            <translation>F1 de cambiado</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="479" />
            <source>Choose a reference map (a raster layer).</source>
            <translation>Elegir un mapa de referencia (una capa ráster).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="508" />
            <source>n/a</source>
            <translation>n/d</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="528" />
            <source>Warning:</source>
            <translation>Advertencia:</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="529" />
            <source>Note:</source>
            <translation>Nota:</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="533" />
            <source>minus that of %s: %s %s (paired, same points)</source>
            <translation>menos la de %s: %s %s (pareado, mismos puntos)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="548" />
            <source>Change map accuracy</source>
            <translation>Exactitud del mapa de cambios</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="548" />
            <source>Change area and accuracy from a labelled sample</source>
            <translation>Área de cambio y exactitud a partir de una muestra etiquetada</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="549" />
            <source>Map: %s</source>
            <translation>Mapa: %s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="550" />
            <source>Sample: %s (%d labelled points; %d without a label and %d outside the map or on nodata left out)</source>
            <translation>Muestra: %s (%d puntos etiquetados; %d sin etiqueta y %d fuera del mapa o sin datos omitidos)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="552" />
            <source>Stratified estimator (Olofsson et al. 2014); ± = 95 % confidence interval (1.96 standard errors).</source>
            <translation>Estimador estratificado (Olofsson et al. 2014); ± = intervalo de confianza del 95 % (1,96 errores estándar).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="553" />
            <source>Overall accuracy: %s %s</source>
            <translation>Exactitud global: %s %s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="554" />
            <source>class</source>
            <translation>clase</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="554" />
            <source>map area (%s)</source>
            <translation>área del mapa (%s)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="554" />
            <source>estimated area (%s)</source>
            <translation>área estimada (%s)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="555" />
            <source>user's accuracy</source>
            <translation>exactitud del usuario</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="555" />
            <source>producer's accuracy</source>
            <translation>exactitud del productor</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="556" />
            <source>Error matrix, sample counts (rows: map class, columns: reference class)</source>
            <translation>Matriz de error, recuentos de la muestra (filas: clase del mapa, columnas: clase de referencia)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="557" />
            <source>Error matrix, estimated proportions of the mapped area</source>
            <translation>Matriz de error, proporciones estimadas del área cartografiada</translation>
        </message>
        <message>
            <source>Change map (change moment or change area)</source>
            <translation type="obsolete">Mapa de cambios (momento del cambio o área de cambio)</translation>
        </message>
        <message>
            <source>Compare with another map (same grid; paired difference)</source>
            <translation type="obsolete">Comparar con otro mapa (misma malla; diferencia pareada)</translation>
        </message>
        <message>
            <source>Map the sample was drawn from, if another (same grid)</source>
            <translation type="obsolete">Mapa de la muestra, si es otro (misma malla)</translation>
        </message>
        <message>
            <source>Points where the map says no change (empty: 4 x per class)</source>
            <translation type="obsolete">Puntos sin cambio en el mapa (vacío: 4 x por clase)</translation>
        </message>
        <message>
            <source>Reference is a change mask (changed = any non-zero value)</source>
            <translation type="obsolete">La referencia es una máscara (cambiado = distinto de cero)</translation>
        </message>
        <message>
            <source>Reference nodata value (empty: the reference's own)</source>
            <translation type="obsolete">Valor sin datos de la referencia (vacío: el suyo propio)</translation>
        </message>
        <message>
            <source>Reference values that mean changed, e.g. 2,3</source>
            <translation type="obsolete">Valores de referencia para cambiado, p. ej. 2,3</translation>
        </message>
    </context>
    <context>
        <name>CaimDependencies</name>
        <message>
            <location filename="../dependencies.py" line="103" />
            <source>CAIM change detection needs PyTorch %s or newer; the Python that QGIS uses (Python %s, %s) has PyTorch %s, which is too old (Debian 12's python3-torch is 1.13).</source>
            <translation>La detección de cambios CAIM necesita PyTorch %s o posterior; el Python que usa QGIS (Python %s, %s) tiene PyTorch %s, que es demasiado antiguo (el python3-torch de Debian 12 es el 1.13).</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="107" />
            <source>Install a newer CPU build (about 200 MB; with --upgrade) and restart QGIS:</source>
            <translation>Instalar una versión para CPU más reciente (unos 200 MB; con --upgrade) y reiniciar QGIS:</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="111" />
            <source>CAIM change detection needs PyTorch (the 'torch' Python package), which is not installed in the Python that QGIS uses (Python %s, %s).</source>
            <translation>La detección de cambios CAIM necesita PyTorch (el paquete de Python 'torch'), que no está instalado en el Python que usa QGIS (Python %s, %s).</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="114" />
            <source>Install the CPU build (about 200 MB) and restart QGIS:</source>
            <translation>Instalar la versión para CPU (unos 200 MB) y reiniciar QGIS:</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="119" />
            <source>  1. Close QGIS and open the 'OSGeo4W Shell' from the Start menu.</source>
            <translation>  1. Cerrar QGIS y abrir la 'OSGeo4W Shell' desde el menú Inicio.</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="120" />
            <source>  2. Run:  python -m pip install torch --index-url https://download.pytorch.org/whl/cpu</source>
            <translation>  2. Ejecutar:  python -m pip install torch --index-url https://download.pytorch.org/whl/cpu</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="124" />
            <source>  In a terminal run:</source>
            <translation>  En una terminal, ejecutar:</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="131" />
            <source>  (on Debian/Ubuntu add --break-system-packages if pip refuses, or install torch into a virtual environment created with --system-site-packages and start QGIS with that environment's site-packages on PYTHONPATH)</source>
            <translation>  (en Debian/Ubuntu, añadir --break-system-packages si pip se niega, o instalar torch en un entorno virtual creado con --system-site-packages e iniciar QGIS con el site-packages de ese entorno en PYTHONPATH)</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="137" />
            <source>  On Debian 13 or newer, Debian's own package works too (tested with its torch 2.6 and with unstable's 2.14):  sudo apt install python3-torch</source>
            <translation>  En Debian 13 o posterior también sirve el paquete propio de Debian (probado con su torch 2.6 y con el 2.14 de unstable):  sudo apt install python3-torch</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="141" />
            <source>  (PyTorch %s is installed already: add --upgrade to the pip command)</source>
            <translation>  (PyTorch %s ya está instalado: añadir --upgrade a la orden de pip)</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="144" />
            <source>Keep QGIS's numpy: if pip wants to upgrade numpy, add a constraint (pip install ... "numpy==%s"), otherwise GDAL's Python bindings can stop working.</source>
            <translation>Conservar el numpy de QGIS: si pip quiere actualizar numpy, añadir una restricción (pip install ... "numpy==%s"); si no, los enlaces de Python de GDAL pueden dejar de funcionar.</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="147" />
            <source>For a GPU, pick the CUDA build that matches your driver at https://pytorch.org/get-started/locally/.</source>
            <translation>Para una GPU, elegir la versión CUDA que corresponda a su controlador en https://pytorch.org/get-started/locally/.</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="163" />
            <source>&lt;your numpy version&gt;</source>
            <translation>&lt;su versión de numpy&gt;</translation>
        </message>
    </context>
    <context>
        <name>CaimDetectChanges</name>
        <message>
            <location filename="../algorithm.py" line="75" />
            <source>%s=%s is not one of its options. Give an option's name: %s.</source>
            <translation>%s=%s no es una de sus opciones. Indicar el nombre de una opción: %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="77" />
            <source>%s=%s: give its name, %s=%s. The numbers that qgis_process help shows before the options are not taken: a name keeps its meaning when options are added.</source>
            <translation>%s=%s: indicar su nombre, %s=%s. Los números que qgis_process help muestra delante de las opciones no se aceptan: un nombre conserva su significado cuando se añaden opciones.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="80" />
            <source>%s=%s: give one option by its name: %s. The numbers that qgis_process help shows before the options are not taken: a name keeps its meaning when options are added.</source>
            <translation>%s=%s: indicar una opción por su nombre: %s. Los números que qgis_process help muestra delante de las opciones no se aceptan: un nombre conserva su significado cuando se añaden opciones.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="137" />
            <source>a whole number</source>
            <translation>un número entero</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="137" />
            <source>a number</source>
            <translation>un número</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="139" />
            <source>%s from %s to %s</source>
            <translation>%s de %s a %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="140" />
            <source>%s up to %s</source>
            <translation>%s hasta %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="142" />
            <source>%s of at least %s</source>
            <translation>%s de al menos %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="146" />
            <source>%s=%s is not a number: give %s.</source>
            <translation>%s=%s no es un número: indicar %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="147" />
            <source>%s=%s is outside its range: give %s.</source>
            <translation>%s=%s está fuera de su rango: indicar %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="158" />
            <source>%s: '%s' is written as %s; end its name with %s.</source>
            <translation>%s: '%s' se escribe como %s; terminar su nombre en %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="159" />
            <source> or </source>
            <translation> o </translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="243" />
            <source>Detect changes in a time series</source>
            <translation>Detectar cambios en una serie temporal</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="246" />
            <source>Change detection</source>
            <translation>Detección de cambios</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="255" />
            <source>change,detection,time series,multitemporal,deep learning,caim,moment,when</source>
            <translation>cambio,detección,serie temporal,multitemporal,aprendizaje profundo,caim,momento,cuándo</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="259" />
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); 3 bands are read as red, green, blue in their order with green in place of NIR (RGB-only imagery: 3,2,1 as 3,2,1,2), unless the bands' names or wavelengths say otherwise; when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network (with MODEL=auto for 2 dates, a file given here makes it run CAIM-Net + ISFA with that file); empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only (and MODEL=auto where it runs Classical ISFA: for 2 dates without WEIGHTS, and on layers whose bands the networks cannot read): it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops patches of 1 to 3 pixels (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's values of the previous clear date, or of the next where no earlier date is clear, so a change hidden by clouds is dated to the interval that ends at the first clear date after it (one before the pixel's first clear date is not seen).
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional moment probabilities (one band per moment class, band 1 = no change, -1 nodata; uint16 or byte, scaled, with &lt;b&gt;Moment probabilities data type&lt;/b&gt;, PROBABILITIES_TYPE), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD, BAND_ORDER and PROBABILITIES_TYPE take the option names (not the numbers that qgis_process help lists), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation>Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); 3 bandas se leen como rojo, verde y azul en su orden, con el verde en lugar del NIR (imágenes solo RGB: 3,2,1 como 3,2,1,2), salvo que los nombres o las longitudes de onda de las bandas digan otra cosa; si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida (con MODEL=auto para 2 fechas, un archivo indicado aquí hace que se ejecute CAIM-Net + ISFA con ese archivo); vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa (y MODEL=auto donde ejecuta ISFA clásico: para 2 fechas sin WEIGHTS, y en capas cuyas bandas las redes no pueden leer): encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina parches de 1 a 3 píxeles (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores del píxel de la fecha despejada anterior, o de la siguiente donde ninguna anterior está despejada, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior (uno anterior a la primera fecha despejada del píxel no se detecta).
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, !bit1&amp;amp;!bit2&amp;amp;!bit3 para Fmask de HLS v2.0, 0,1 para Fmask clásico (valores de clase).  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), probabilidades del momento del cambio opcionales (una banda por clase de momento, banda 1 = sin cambio, -1 sin datos; uint16 o byte, escaladas, con &lt;b&gt;Probabilidades del momento: tipo de datos&lt;/b&gt;, PROBABILITIES_TYPE), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD, BAND_ORDER y PROBABILITIES_TYPE toman los nombres de las opciones (no los números que lista qgis_process help), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="344" />
            <source>&lt;b&gt;One multi-date raster&lt;/b&gt;: a single input layer that holds every date as bands is split into its dates when its band names carry them (a Google Earth Engine toBands() export: 20200105T103421_..._B4) or it is a NetCDF variable with a time axis. Otherwise give &lt;b&gt;Bands per date&lt;/b&gt; (advanced, BANDS_PER_DATE: all bands of one date, QA bands included) and, if the bands run band by band, &lt;b&gt;Band order&lt;/b&gt; (BAND_ORDER=band). Each date becomes a small VRT reading the raster, written into a folder &amp;lt;name&amp;gt;_dates beside it (used again by later runs of the same raster; the pixel inspector and a saved project read them). Dates, Bands and Cloud masks then count per date.</source>
            <translation>&lt;b&gt;Un ráster multitemporal&lt;/b&gt;: una única capa de entrada que contiene todas las fechas como bandas se divide en sus fechas cuando los nombres de sus bandas las llevan (una exportación toBands() de Google Earth Engine: 20200105T103421_..._B4) o cuando es una variable NetCDF con eje temporal. Si no, indicar &lt;b&gt;Bandas por fecha&lt;/b&gt; (avanzado, BANDS_PER_DATE: todas las bandas de una fecha, incluidas las bandas QA) y, si las bandas van banda por banda, &lt;b&gt;Orden de las bandas&lt;/b&gt; (BAND_ORDER=band). Cada fecha se convierte en un pequeño VRT que lee el ráster, escrito en una carpeta &amp;lt;name&amp;gt;_dates junto a él (reutilizada por ejecuciones posteriores del mismo ráster; el inspector de píxeles y un proyecto guardado los leen). Fechas, Bandas y Máscaras de nubes cuentan entonces por fecha.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="352" />
            <source>&lt;b&gt;Co-register the dates&lt;/b&gt; (advanced, COREGISTER): each date that is offset from the first input layer by whole pixels is moved onto it before the run: the offset that best matches the dates' edges on a central window, up to 4 px each way, applied only when the match is clear.  A move keeps every value as the file stores it (no resampling); the strip along the scene's edge that a moved date no longer covers is nodata.  The log's Alignment line says what was found and moved, and the outputs' metadata item CAIM_COREGISTER records it per date.  For dates whose georeferencing differs (other sensors or processing levels); it corrects no rotation, scale or terrain distortion, and a date offset by 5 px or more is left as it is, with a warning.</source>
            <translation>&lt;b&gt;Corregistrar las fechas&lt;/b&gt; (avanzado, COREGISTER): cada fecha desplazada un número entero de píxeles respecto de la primera capa de entrada se mueve sobre ella antes de la ejecución: el desplazamiento con el que mejor coinciden los bordes de las fechas en una ventana central, hasta 4 px en cada dirección, aplicado solo cuando la coincidencia es clara.  Un movimiento conserva cada valor tal como lo guarda el archivo (sin remuestreo); la franja del borde de la escena que una fecha movida deja de cubrir queda sin datos.  La línea 'Alineación' del registro de la ejecución dice qué se encontró y qué se movió, y el elemento de metadatos CAIM_COREGISTER de las salidas lo guarda por fecha.  Para fechas cuya georreferenciación difiere (otros sensores o niveles de procesamiento); no corrige rotación, escala ni distorsión del terreno, y una fecha desplazada 5 px o más se deja como está, con una advertencia.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="361" />
            <source>On (the default).</source>
            <translation>Activado (predeterminado).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="361" />
            <source>Off (the default).</source>
            <translation>Desactivado (predeterminado).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="388" />
            <source>WEIGHTS: '%s' is not a weights file (.pt, PyTorch). Give a CAIM-Net or SChanger weights file, or leave WEIGHTS empty for the bundled weights.</source>
            <translation>WEIGHTS: '%s' no es un archivo de pesos (.pt, PyTorch). Indicar un archivo de pesos de CAIM-Net o SChanger, o dejar WEIGHTS vacío para los pesos incluidos.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="405" />
            <source>PROBABILITIES_TYPE=%s applies to the Moment probabilities (PROBABILITIES), which this run does not write. Give PROBABILITIES a file, or leave PROBABILITIES_TYPE at float32.</source>
            <translation>PROBABILITIES_TYPE=%s se aplica a las probabilidades del momento del cambio (PROBABILITIES), que esta ejecución no escribe. Indicar un archivo en PROBABILITIES, o dejar PROBABILITIES_TYPE en float32.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="415" />
            <source>Raster layers, oldest first (order is time order)</source>
            <translation>Capas ráster, la más antigua primero</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="417" />
            <source>Dates, YYYY-MM-DD in layer order</source>
            <translation>Fechas AAAA-MM-DD por capa</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="418" />
            <source>Comma-separated, one per layer; empty: read from the layer names, file names or metadata.</source>
            <translation>Separadas por comas, una por capa; vacío: se leen de los nombres de las capas o de los archivos, o de los metadatos.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="420" />
            <source>Bands, e.g. 1,2,3,4</source>
            <translation>Bandas, p. ej. 1,2,3,4</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="421" />
            <source>The networks use 4 bands as R, G, B, NIR (3 as R, G, B with green in place of NIR); CVA and ISFA use any bands. Empty: from the bands' wavelengths or names (see the help).</source>
            <translation>Las redes usan 4 bandas como R, G, B, NIR (3, como R, G, B con el verde en lugar del NIR); CVA e ISFA, cualquier banda. Vacío: según las longitudes de onda o los nombres de las bandas (ver la ayuda).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="426" />
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="427" />
            <source>auto (the default): %s. The help describes every option.</source>
            <translation>auto (por defecto): %s. La ayuda describe cada opción.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="428" />
            <source>qgis_process and scripts give the name (MODEL=cva), not the number that qgis_process help lists.</source>
            <translation>qgis_process y los scripts indican el nombre (MODEL=cva), no el número que lista qgis_process help.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="431" />
            <source>Weights file (.pt)</source>
            <translation>Archivo de pesos (.pt)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="432" />
            <source>Empty: the bundled weights. The classical CVA and ISFA need none.</source>
            <translation>Vacío: los pesos incluidos. Los clásicos CVA e ISFA no necesitan ninguno.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="434" />
            <source>Device</source>
            <translation>Dispositivo</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="435" />
            <source>Auto (the default): the GPU when PyTorch sees one (CUDA), else the CPU. qgis_process and scripts give the name (DEVICE=CPU).</source>
            <translation>Auto (predeterminado): la GPU cuando PyTorch ve una (CUDA), si no la CPU. qgis_process y los scripts indican el nombre (DEVICE=CPU).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="438" />
            <source>Sensitivity (0 = calibrated)</source>
            <translation>Sensibilidad (0 = calibrada)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="440" />
            <source>-3 to 3: positive values call more pixels changed, negative values fewer.</source>
            <translation>-3 a 3: los valores positivos marcan más píxeles como cambiados, los negativos menos.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="441" />
            <source>0 (the default): the calibrated decision.</source>
            <translation>0 (predeterminado): la decisión calibrada.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="445" />
            <source>Minimum change patch (pixels; 0 = off)</source>
            <translation>Parche de cambio mínimo (píxeles; 0 = desactivado)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="447" />
            <source>Changed patches smaller than this are written as unchanged; 0 keeps every changed pixel.</source>
            <translation>Los parches cambiados menores se escriben como sin cambio; 0 conserva todos los píxeles cambiados.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="449" />
            <source>Fill masked dates from neighbouring clear dates</source>
            <translation>Rellenar fechas enmascaradas con las vecinas</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="450" />
            <source>For cloudy series: a masked date takes the pixel's values of the previous clear date, or of the next where no earlier date is clear.</source>
            <translation>Para series nubosas: una fecha enmascarada toma los valores del píxel de la fecha despejada anterior, o de la siguiente donde ninguna anterior está despejada.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="452" />
            <source>Off (the default): a pixel masked in any date is nodata in every output.</source>
            <translation>Desactivado (predeterminado): un píxel enmascarado en cualquier fecha queda sin datos en todas las salidas.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="454" />
            <source>Cloud masks, one per input layer</source>
            <translation>Máscaras de nubes, una por capa</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="455" />
            <source>In the order of the input layers; for masks of some dates only, give their positions in Dates the cloud masks belong to (advanced).</source>
            <translation>En el orden de las capas de entrada; para máscaras de solo algunas fechas, dé sus posiciones en Fechas de las máscaras (avanzado).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="458" />
            <source>Mask values meaning clear</source>
            <translation>Valores de despejado</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="459" />
            <source>Default 0. The help gives the values for Landsat QA_PIXEL, Sentinel-2 SCL and Fmask.</source>
            <translation>Por defecto 0. La ayuda da los valores para Landsat QA_PIXEL, Sentinel-2 SCL y Fmask.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="461" />
            <source>Dates the cloud masks belong to</source>
            <translation>Fechas de las máscaras</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="462" />
            <source>The input positions of the masks' dates, e.g. 2,5: the first mask for the second layer, the other for the fifth.</source>
            <translation>Las posiciones de entrada de las fechas de las máscaras, p. ej. 2,5: la primera máscara para la segunda capa, la otra para la quinta.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="467" />
            <source>Tile size (pixels; 0 = automatic)</source>
            <translation>Tamaño de tesela (píxeles; 0 = automático)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="469" />
            <source>0 (the default): chosen from the number of dates so that the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene. The result does not depend on the tiles.</source>
            <translation>0 (predeterminado): elegido según el número de fechas para que la ejecución se mantenga cerca de 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha. El resultado no depende de las teselas.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="475" />
            <source>Threshold of the classical methods (CVA, ISFA)</source>
            <translation>Umbral de los métodos clásicos (CVA, ISFA)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="477" />
            <source>otsu (the default), or kittler (minimum error; for MODEL=cva or isfa, and MODEL=auto where it runs Classical ISFA). qgis_process and scripts give the name (THRESHOLD=kittler).</source>
            <translation>otsu (predeterminado) o kittler (error mínimo; para MODEL=cva o isfa, y MODEL=auto donde ejecuta ISFA clásico). qgis_process y los scripts indican el nombre (THRESHOLD=kittler).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="482" />
            <source>Tile overlap (pixels; empty: automatic)</source>
            <translation>Solape de teselas (píxeles; vacío: auto)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="484" />
            <source>Empty (the default): the model's own reach, so that the tiles join without seams.</source>
            <translation>Vacío (predeterminado): el alcance propio del modelo, para que las teselas se unan sin costuras.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="488" />
            <source>Change area</source>
            <translation>Área de cambio</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="489" />
            <source>Change moment</source>
            <translation>Momento del cambio</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="490" />
            <source>Confidence</source>
            <translation>Confianza</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="492" />
            <source>Change polygons</source>
            <translation>Polígonos de cambio</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="495" />
            <source>Moment probabilities</source>
            <translation>Probabilidades del momento del cambio</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="496" />
            <source>One band per class, for inspection.</source>
            <translation>Una banda por clase, para inspección.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="500" />
            <source>Run report (HTML)</source>
            <translation>Informe de la ejecución (HTML)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="500" />
            <source>HTML files (*.html)</source>
            <translation>Archivos HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="501" />
            <source>The settings, the changed area per interval as a chart and a table, and the map: the first and last date and the change moment.</source>
            <translation>Los ajustes, el área cambiada por intervalo en un gráfico y una tabla, y el mapa: la primera y la última fecha y el momento del cambio.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="506" />
            <source>Run even if estimated too long/big</source>
            <translation>Ejecutar aunque se estime excesiva</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="507" />
            <source>A run estimated at more than a day, or whose outputs do not fit the free space of their folder, is refused unless this is on.</source>
            <translation>Una ejecución que se estime de más de un día, o cuyas salidas no quepan en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="512" />
            <source>Bands per date (multi-date raster)</source>
            <translation>Bandas por fecha (ráster multitemporal)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="514" />
            <source>One input raster holding every date: all bands of one date, QA bands included; 0: from the dates in the band names.</source>
            <translation>Una sola capa de entrada con todas las fechas: todas las bandas de una fecha, bandas QA incluidas; 0: según las fechas de los nombres de las bandas.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="519" />
            <source>Band order (multi-date raster)</source>
            <translation>Orden de las bandas (multitemporal)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="521" />
            <source>auto (the default): from the band names, else date by date; date: all bands of date 1, then of date 2; band: band 1 of every date, then band 2. qgis_process and scripts give the name (BAND_ORDER=band).</source>
            <translation>auto (predeterminado): según los nombres de las bandas, si no fecha por fecha; date: todas las bandas de la fecha 1, luego de la fecha 2; band: la banda 1 de cada fecha, luego la banda 2. qgis_process y los scripts indican el nombre (BAND_ORDER=band).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="527" />
            <source>Moment probabilities data type</source>
            <translation>Probabilidades del momento: tipo de datos</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="529" />
            <source>float32 (the default): the probabilities as they are, -1 nodata. uint16 or byte: stored as round(p x 65534) or round(p x 254), 65535 or 255 nodata, with the bands' scale 1/65534 or 1/254 (QGIS applies it), in about a half or a quarter of the space. Only with Moment probabilities. qgis_process and scripts give the name (PROBABILITIES_TYPE=uint16).</source>
            <translation>float32 (predeterminado): las probabilidades tal cual, -1 sin datos. uint16 o byte: guardadas como round(p x 65534) o round(p x 254), 65535 o 255 sin datos, con la escala 1/65534 o 1/254 de las bandas (QGIS la aplica), en aproximadamente la mitad o la cuarta parte del espacio. Solo con probabilidades del momento del cambio. qgis_process y los scripts indican el nombre (PROBABILITIES_TYPE=uint16).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="536" />
            <source>Co-register the dates</source>
            <translation>Corregistrar las fechas</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="537" />
            <source>Moves each date that is offset from the first layer by whole pixels onto it before the run (the offset that best matches the dates' edges, up to 4 px each way, applied only when the match is clear); the log's Alignment line says what was moved. For georeferencing offsets between dates, not rotation or terrain distortion.</source>
            <translation>Mueve antes de la ejecución cada fecha desplazada un número entero de píxeles respecto de la primera capa sobre ella (el desplazamiento con el que mejor coinciden los bordes de las fechas, hasta 4 px en cada dirección, aplicado solo cuando la coincidencia es clara); la línea 'Alineación' del registro de la ejecución dice qué se movió. Para desplazamientos de georreferenciación entre fechas, no para rotación ni distorsión del terreno.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="544" />
            <source>Device used</source>
            <translation>Dispositivo usado</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="545" />
            <source>Dates used (comma-separated)</source>
            <translation>Fechas usadas (separadas por comas)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="546" />
            <source>Model used (auto resolved)</source>
            <translation>Modelo usado (auto resuelto)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="547" />
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="548" />
            <source>Changed hectares per interval (JSON)</source>
            <translation>Hectáreas cambiadas por intervalo (JSON)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="549" />
            <source>Warnings (one per line)</source>
            <translation>Advertencias (una por línea)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="603" />
            <source>BAND_ORDER=%s is not one of its options. Give an option's name: %s.</source>
            <translation>BAND_ORDER=%s no es una de sus opciones. Indicar el nombre de una opción: %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="635" />
            <source>'%s' is not a file-based (GDAL) raster, so it cannot be split into dates; export it as GeoTIFF first.</source>
            <translation>'%s' no es un ráster basado en archivo (GDAL), así que no se puede dividir en fechas; exportarlo primero como GeoTIFF.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="644" />
            <source>Layer '%s': %s</source>
            <translation>Capa '%s': %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="650" />
            <source>'%s' holds %d dates: split into %s%s</source>
            <translation>'%s' contiene %d fechas: dividido en %s%s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="651" />
            <source> (used again: the same split as before)</source>
            <translation> (reutilizada: la misma división que antes)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="671" />
            <source>DATES has %d entries for the %d dates of the multi-date raster; give one date per date, oldest first, separated by commas.</source>
            <translation>DATES tiene %d entradas para las %d fechas del ráster multitemporal; indicar una fecha por cada fecha, la más antigua primero, separadas por comas.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="677" />
            <source>Unknown model '%s'; use one of %s.</source>
            <translation>Modelo desconocido '%s'; usar uno de %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="683" />
            <source>The CAIM engine (model_core) could not be loaded to choose the automatic model; choose MODEL=caimnet, schanger, cva, caimnet_cva, isfa or caimnet_isfa.</source>
            <translation>No se ha podido cargar el motor de CAIM (model_core) para elegir el modelo automático; elegir MODEL=caimnet, schanger, cva, caimnet_cva, isfa o caimnet_isfa.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="687" />
            <source>The %s method (MODEL=%s) takes no weights, but the Weights file (WEIGHTS) is set to '%s'. Leave WEIGHTS empty, or choose a model that uses weights (MODEL=caimnet, schanger, caimnet_cva or caimnet_isfa) to use that file.</source>
            <translation>El método %s (MODEL=%s) no usa pesos, pero el archivo de pesos (WEIGHTS) está puesto a '%s'. Dejar WEIGHTS vacío, o elegir un modelo que use pesos (MODEL=caimnet, schanger, caimnet_cva o caimnet_isfa) para usar ese archivo.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="693" />
            <source>Unknown threshold '%s'; use one of %s.</source>
            <translation>Umbral desconocido '%s'; usar uno de %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="697" />
            <source>The minimum-error threshold (THRESHOLD=kittler) applies to the classical methods only, not to %s. Choose MODEL=cva or isfa, or leave THRESHOLD at otsu.</source>
            <translation>El umbral de error mínimo (THRESHOLD=kittler) solo se aplica a los métodos clásicos, no a %s. Elegir MODEL=cva o isfa, o dejar THRESHOLD en otsu.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="706" />
            <source> Here each date of a multi-date raster counts as one layer (%d in all, oldest first).</source>
            <translation> Aquí cada fecha de un ráster multitemporal cuenta como una capa (%d en total, la más antigua primero).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="718" />
            <source>The minimum-error threshold (THRESHOLD=kittler) applies to the classical methods only, and MODEL=auto runs %s on these layers (it runs Classical ISFA for 2 dates without WEIGHTS, and on layers whose bands the networks cannot read). Choose MODEL=cva or isfa, or leave THRESHOLD at otsu.</source>
            <translation>El umbral de error mínimo (THRESHOLD=kittler) solo se aplica a los métodos clásicos, y MODEL=auto ejecuta %s en estas capas (ejecuta ISFA clásico con 2 fechas sin WEIGHTS y en capas cuyas bandas las redes no pueden leer). Elegir MODEL=cva o isfa, o dejar THRESHOLD en otsu.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="736" />
            <source>Or give its Bands per date (advanced, BANDS_PER_DATE) to split it in this run.</source>
            <translation>O indicar sus Bandas por fecha (avanzado, BANDS_PER_DATE) para dividirlo en esta ejecución.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="740" />
            <source>Note: </source>
            <translation>Nota: </translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="740" />
            <source>Warning: </source>
            <translation>Advertencia: </translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="741" />
            <source>Model: %s [%s]</source>
            <translation>Modelo: %s [%s]</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="743" />
            <source>Date %d: %s  (%s)%s</source>
            <translation>Fecha %d: %s  (%s)%s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="743" />
            <source>unknown</source>
            <translation>desconocida</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="744" />
            <source>  mask: %s</source>
            <translation>  máscara: %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="759" />
            <source>Cancelled by the user; no output was kept.</source>
            <translation>Cancelado por el usuario; no se ha conservado ninguna salida.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="795" />
            <source>The CAIM engine (model_core) could not be loaded: %s</source>
            <translation>No se ha podido cargar el motor de CAIM (model_core): %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="819" />
            <source>a vector file</source>
            <translation>un archivo vectorial</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="902" />
            <source>Writing change polygons</source>
            <translation>Escribiendo los polígonos de cambio</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="908" />
            <source>%d change polygon written to %s</source>
            <translation>%d polígono de cambio escrito en %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="909" />
            <source>%d change polygons written to %s</source>
            <translation>%d polígonos de cambio escritos en %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="924" />
            <source> The change rasters of this run were removed with it.</source>
            <translation> Los rásteres de cambio de esta ejecución se eliminaron con ella.</translation>
        </message>
        <message>
            <source>0 (the default): chosen from the number of dates so that the run stays near 1.3 GB of memory. The result does not depend on the tiles.</source>
            <translation type="obsolete">0 (predeterminado): elegido según el número de fechas para que la ejecución se mantenga cerca de 1,3 GB de memoria. El resultado no depende de las teselas.</translation>
        </message>
        <message>
            <source>Bands per date (multi-date raster; 0: auto)</source>
            <translation type="obsolete">Bandas por fecha (ráster multitemporal; 0: auto)</translation>
        </message>
        <message>
            <source>Bands, e.g. 1,2,3,4 (networks: R, G, B, NIR; CVA, ISFA: any)</source>
            <translation type="obsolete">Bandas, p. ej. 1,2,3,4 (redes: R,G,B,NIR; CVA/ISFA: cualquiera)</translation>
        </message>
        <message>
            <source>Cloud masks, one per input layer in the same order</source>
            <translation type="obsolete">Máscaras de nubes, una por capa de entrada, en su orden</translation>
        </message>
        <message>
            <source>Dates the cloud masks belong to (input positions, e.g. 2,5)</source>
            <translation type="obsolete">Fechas de las máscaras (posiciones de entrada, p. ej. 2,5)</translation>
        </message>
        <message>
            <source>Dates, YYYY-MM-DD in layer order (empty: from names/metadata)</source>
            <translation type="obsolete">Fechas AAAA-MM-DD por capa (vacío: de nombres/metadatos)</translation>
        </message>
        <message>
            <source>Device used: %s</source>
            <translation type="obsolete">Dispositivo usado: %s</translation>
        </message>
        <message>
            <source>Fill masked dates from the previous clear date</source>
            <translation type="obsolete">Rellenar fechas enmascaradas con la anterior</translation>
        </message>
        <message>
            <source>Fill masked dates from the previous clear date (cloudy series)</source>
            <translation type="obsolete">Rellenar fechas enmascaradas con la despejada anterior</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); 3 bands are read as red, green, blue in their order with green in place of NIR (RGB-only imagery: 3,2,1 as 3,2,1,2), unless the bands' names or wavelengths say otherwise; when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network (with MODEL=auto for 2 dates, a file given here makes it run CAIM-Net + ISFA with that file); empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only (and MODEL=auto where it runs Classical ISFA: for 2 dates without WEIGHTS, and on layers whose bands the networks cannot read): it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops isolated pixels and pairs (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD and BAND_ORDER take the option names (not the numbers that qgis_process help lists), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); 3 bandas se leen como rojo, verde y azul en su orden, con el verde en lugar del NIR (imágenes solo RGB: 3,2,1 como 3,2,1,2), salvo que los nombres o las longitudes de onda de las bandas digan otra cosa; si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida (con MODEL=auto para 2 fechas, un archivo indicado aquí hace que se ejecute CAIM-Net + ISFA con ese archivo); vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa (y MODEL=auto donde ejecuta ISFA clásico: para 2 fechas sin WEIGHTS, y en capas cuyas bandas las redes no pueden leer): encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina píxeles aislados y parejas (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, !bit1&amp;amp;!bit2&amp;amp;!bit3 para Fmask de HLS v2.0, 0,1 para Fmask clásico (valores de clase).  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD y BAND_ORDER toman los nombres de las opciones (no los números que lista qgis_process help), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); 3 bands are read as red, green, blue in their order with green in place of NIR (RGB-only imagery: 3,2,1 as 3,2,1,2), unless the bands' names or wavelengths say otherwise; when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network (with MODEL=auto for 2 dates, a file given here makes it run CAIM-Net + ISFA with that file); empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only (and MODEL=auto where it runs Classical ISFA: for 2 dates without WEIGHTS, and on layers whose bands the networks cannot read): it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops patches of 1 to 3 pixels (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD and BAND_ORDER take the option names (not the numbers that qgis_process help lists), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); 3 bandas se leen como rojo, verde y azul en su orden, con el verde en lugar del NIR (imágenes solo RGB: 3,2,1 como 3,2,1,2), salvo que los nombres o las longitudes de onda de las bandas digan otra cosa; si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida (con MODEL=auto para 2 fechas, un archivo indicado aquí hace que se ejecute CAIM-Net + ISFA con ese archivo); vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa (y MODEL=auto donde ejecuta ISFA clásico: para 2 fechas sin WEIGHTS, y en capas cuyas bandas las redes no pueden leer): encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina parches de 1 a 3 píxeles (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, !bit1&amp;amp;!bit2&amp;amp;!bit3 para Fmask de HLS v2.0, 0,1 para Fmask clásico (valores de clase).  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD y BAND_ORDER toman los nombres de las opciones (no los números que lista qgis_process help), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); 3 bands are read as red, green, blue in their order with green in place of NIR (RGB-only imagery: 3,2,1 as 3,2,1,2), unless the bands' names or wavelengths say otherwise; when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network (with MODEL=auto for 2 dates, a file given here makes it run CAIM-Net + ISFA with that file); empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only (and MODEL=auto where it runs Classical ISFA: for 2 dates without WEIGHTS, and on layers whose bands the networks cannot read): it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops patches of 1 to 3 pixels (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional moment probabilities (one band per moment class, band 1 = no change, -1 nodata; uint16 or byte, scaled, with &lt;b&gt;Moment probabilities data type&lt;/b&gt;, PROBABILITIES_TYPE), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD, BAND_ORDER and PROBABILITIES_TYPE take the option names (not the numbers that qgis_process help lists), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); 3 bandas se leen como rojo, verde y azul en su orden, con el verde en lugar del NIR (imágenes solo RGB: 3,2,1 como 3,2,1,2), salvo que los nombres o las longitudes de onda de las bandas digan otra cosa; si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida (con MODEL=auto para 2 fechas, un archivo indicado aquí hace que se ejecute CAIM-Net + ISFA con ese archivo); vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa (y MODEL=auto donde ejecuta ISFA clásico: para 2 fechas sin WEIGHTS, y en capas cuyas bandas las redes no pueden leer): encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina parches de 1 a 3 píxeles (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, !bit1&amp;amp;!bit2&amp;amp;!bit3 para Fmask de HLS v2.0, 0,1 para Fmask clásico (valores de clase).  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), probabilidades del momento del cambio opcionales (una banda por clase de momento, banda 1 = sin cambio, -1 sin datos; uint16 o byte, escaladas, con &lt;b&gt;Probabilidades del momento: tipo de datos&lt;/b&gt;, PROBABILITIES_TYPE), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD, BAND_ORDER y PROBABILITIES_TYPE toman los nombres de las opciones (no los números que lista qgis_process help), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network (with MODEL=auto for 2 dates, a file given here makes it run CAIM-Net + ISFA with that file); empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only (and MODEL=auto where it runs Classical ISFA: for 2 dates without WEIGHTS, and on layers whose bands the networks cannot read): it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops isolated pixels and pairs (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD and BAND_ORDER take the option names (not the numbers that qgis_process help lists), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida (con MODEL=auto para 2 fechas, un archivo indicado aquí hace que se ejecute CAIM-Net + ISFA con ese archivo); vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa (y MODEL=auto donde ejecuta ISFA clásico: para 2 fechas sin WEIGHTS, y en capas cuyas bandas las redes no pueden leer): encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina píxeles aislados y parejas (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, !bit1&amp;amp;!bit2&amp;amp;!bit3 para Fmask de HLS v2.0, 0,1 para Fmask clásico (valores de clase).  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD y BAND_ORDER toman los nombres de las opciones (no los números que lista qgis_process help), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network; empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only (and MODEL=auto where it runs Classical ISFA, on layers whose bands the networks cannot read): it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops isolated pixels and pairs (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL and DEVICE take the option names (not numbers), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida; vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa (y MODEL=auto donde ejecuta ISFA clásico, en capas cuyas bandas las redes no pueden leer): encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina píxeles aislados y parejas (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, !bit1&amp;amp;!bit2&amp;amp;!bit3 para Fmask de HLS v2.0, 0,1 para Fmask clásico (valores de clase).  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL y DEVICE toman los nombres de las opciones (no números), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network; empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only (and MODEL=auto where it runs Classical ISFA, on layers whose bands the networks cannot read): it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops isolated pixels and pairs (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD and BAND_ORDER take the option names (not the numbers that qgis_process help lists), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida; vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa (y MODEL=auto donde ejecuta ISFA clásico, en capas cuyas bandas las redes no pueden leer): encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina píxeles aislados y parejas (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, !bit1&amp;amp;!bit2&amp;amp;!bit3 para Fmask de HLS v2.0, 0,1 para Fmask clásico (valores de clase).  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD y BAND_ORDER toman los nombres de las opciones (no los números que lista qgis_process help), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network; empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only: it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops isolated pixels and pairs (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 for HLS v2.0 Fmask, 0,1 for classic Fmask (class values).  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL and DEVICE take the option names (not numbers), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida; vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa: encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina píxeles aislados y parejas (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, !bit1&amp;amp;!bit2&amp;amp;!bit3 para Fmask de HLS v2.0, 0,1 para Fmask clásico (valores de clase).  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL y DEVICE toman los nombres de las opciones (no números), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network; empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only: it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops isolated pixels and pairs (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, 0,1 for Fmask.  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run anyway if estimated too long or too big for the disk&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL and DEVICE take the option names (not numbers), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida; vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa: encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina píxeles aislados y parejas (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, 0,1 para Fmask.  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime demasiado larga o grande&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL y DEVICE toman los nombres de las opciones (no números), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>Finds where the land changed in an ordered series of co-registered rasters of one place, and between which two dates the last change happened.

&lt;b&gt;Input layers&lt;/b&gt;: the dates, oldest first (the order of the list is the time order). Layers on different grids or CRSs are aligned onto the first layer's grid, clipped to the common area.
&lt;b&gt;Dates&lt;/b&gt;: optional, comma-separated YYYY-MM-DD, one per layer; otherwise parsed from layer names, file names or metadata.
&lt;b&gt;Bands&lt;/b&gt;: optional band numbers.  The networks use 4 bands as red, green, blue, near-infrared (e.g. 1,2,3,4); when empty they are read from the rasters' band wavelengths or names (ENVI headers, Sentinel-2 B02..B08, 'red'/'nir'), else bands 1-4 are used as they are, and RGB-only layers as 1,2,3,2 (green in place of NIR).  The classical CVA and ISFA use any bands, and every band of the inputs when empty (except bands whose metadata say atmospheric, thermal, mask or QA).  CAIM-Net + CVA and CAIM-Net + ISFA: the network's 4 bands, and the classical part also every other band when empty (or the bands after the fourth of a longer list, e.g. 3,2,1,4,5,6 for Landsat TM).
&lt;b&gt;Model&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (default) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, any number of dates; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactly 2 dates; &lt;tt&gt;cva&lt;/tt&gt; = classical change vector analysis with an Otsu threshold: no weights (leave Weights empty), fast, any bands; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: both methods' moment probabilities combined (the model card compares it with each on real points), CAIM-Net weights, 4 bands; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, likewise with the ISFA below; &lt;tt&gt;isfa&lt;/tt&gt; = classical iterative slow feature analysis (Wu, Du and Zhang 2014): like the CVA, but it learns how the bands vary together where nothing changed (haze, season, processing) and discounts that, and weighs each pixel's change with its 3 x 3 neighbours (single noisy pixels fade); no weights, any bands. The log names the model that ran.
&lt;b&gt;Weights&lt;/b&gt;: optional .pt file for the chosen network; empty = the bundled weights (the CAIM-Net file was trained on public-domain imagery only; the SChanger file's imagery is not all public domain). The plugin's resources/weights folder also holds caimnet_rgbn_mixed_sources.pt, the earlier default CAIM-Net file, to reproduce earlier results; the log's 'Weights trained on' line says what the file that ran was trained on.
&lt;b&gt;Sensitivity&lt;/b&gt;: -3 .. 3, 0 (default) = the calibrated decision.  Positive values call more pixels changed (fewer misses, more false alarms), negative values fewer; each step of 1 shifts the log-odds of 'no change' by 1 (for CVA and ISFA: +1 lowers the threshold by a quarter).  Raise it in steps of 0.25 when clear changes are missed.
&lt;b&gt;Threshold of the classical methods&lt;/b&gt; (advanced): &lt;tt&gt;otsu&lt;/tt&gt; (default) or &lt;tt&gt;kittler&lt;/tt&gt;, Kittler and Illingworth's minimum-error threshold, for MODEL=cva or isfa only: it finds more of the change where changes are a small share of the scene, but also called a few more stable points changed on our real checks (the model card, candidate KT).
&lt;b&gt;Minimum change patch&lt;/b&gt;: a minimum mapping unit in pixels, 0 (default) = off.  Changed patches (8-connected changed pixels, whatever their moments) smaller than it are written as unchanged, with the model's probability of no change as confidence, e.g. 4 drops isolated pixels and pairs (salt-and-pepper); the polygons follow.  Unchanged holes are kept.
&lt;b&gt;Fill masked dates&lt;/b&gt;: off (default), a pixel that is nodata or masked in any date (clouds set to nodata, scan gaps) is nodata in every output.  On, every pixel valid in at least two dates gets a result: a masked date takes the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.
&lt;b&gt;Cloud masks&lt;/b&gt;: optional, one mask raster per input layer, in the same order (a cloud mask or QA band: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), on any grid (resampled nearest-neighbour).  For masks of some dates only, list the positions of the input layers they belong to in &lt;b&gt;Dates the cloud masks belong to&lt;/b&gt; (advanced, MASKED_DATES), the first mask to the first position: e.g. 2,5 with two masks, the first for the second layer and the other for the fifth; the other dates are used as they are (their own nodata still counts).  A pixel is masked on a date unless its mask value is one of the &lt;b&gt;mask values meaning clear&lt;/b&gt;: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;amp;), default 0; bit6&amp;amp;!bit2&amp;amp;!bit4 for Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow; or the strict values 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 for Landsat 4-7, 4-7,11 for Sentinel-2 SCL, 0,1 for Fmask.  Outside a mask's footprint counts as masked.  Combine with Fill masked dates for cloudy series.
&lt;b&gt;Tile size&lt;/b&gt;: 0 (default) = automatic, chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene; any raster size fits.
&lt;b&gt;Outputs&lt;/b&gt;: change area (0 unchanged, 1 changed, 255 nodata), change moment (0 no change, k = change between date k and date k+1, 255 nodata), confidence (probability of the predicted class, -1 nodata), optional change polygons with moment, date_before, date_after and area_m2, and an optional HTML run report (settings, changed area per interval as a chart and a table, the map).

&lt;b&gt;Run even if estimated too long/big&lt;/b&gt; (advanced, ALLOW_HUGE): before a run its time and output size are estimated and shown in the log; a run estimated at more than a day, or whose outputs clearly do not fit in the free space of their folder, is refused unless this is on.

Needs PyTorch in QGIS's Python.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL and DEVICE take the option names (not numbers), e.g. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, or &lt;tt&gt;MODEL=cva&lt;/tt&gt; for the classical method.  MASKS is repeated like INPUT, e.g. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; for a mask of the second date only.</source>
            <translation type="obsolete">Encuentra dónde ha cambiado la superficie terrestre en una serie ordenada de rásteres corregistrados de un mismo lugar, y entre qué dos fechas ocurrió el último cambio.

&lt;b&gt;Capas de entrada&lt;/b&gt;: las fechas, la más antigua primero (el orden de la lista es el orden temporal). Las capas en mallas o SRC distintos se alinean sobre la malla de la primera capa y se recortan al área común.
&lt;b&gt;Fechas&lt;/b&gt;: opcional, AAAA-MM-DD separadas por comas, una por capa; si no, se leen de los nombres de las capas, los nombres de los archivos o los metadatos.
&lt;b&gt;Bandas&lt;/b&gt;: números de banda opcionales.  Las redes usan 4 bandas como rojo, verde, azul e infrarrojo cercano (p. ej. 1,2,3,4); si se deja vacío, se leen de las longitudes de onda o los nombres de las bandas de los rásteres (cabeceras ENVI, Sentinel-2 B02..B08, 'red'/'nir'); si no, las bandas 1-4 se usan tal cual, y las capas solo RGB como 1,2,3,2 (verde en lugar de NIR).  Los métodos clásicos CVA e ISFA usan cualquier banda y, si se deja vacío, todas las bandas de las entradas (salvo las bandas cuyos metadatos dicen atmosférica, térmica, máscara o QA).  CAIM-Net + CVA y CAIM-Net + ISFA: las 4 bandas de la red y, si se deja vacío, la parte clásica también todas las demás bandas (o las bandas tras la cuarta de una lista más larga, p. ej. 3,2,1,4,5,6 para Landsat TM).
&lt;b&gt;Modelo&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (por defecto) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, cualquier número de fechas; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, exactamente 2 fechas; &lt;tt&gt;cva&lt;/tt&gt; = análisis clásico de vectores de cambio (CVA) con umbral de Otsu: sin pesos (dejar Pesos vacío), rápido, cualquier banda; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: las probabilidades del momento del cambio de ambos métodos combinadas (la ficha del modelo la compara con cada uno en puntos reales), pesos de CAIM-Net, 4 bandas; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, igual pero con el ISFA de abajo; &lt;tt&gt;isfa&lt;/tt&gt; = análisis clásico iterativo de rasgos lentos (ISFA; Wu, Du y Zhang 2014): como el CVA, pero aprende cómo varían juntas las bandas donde nada ha cambiado (bruma, estación, procesamiento) y lo descuenta, y pondera el cambio de cada píxel con sus 3 x 3 vecinos (los píxeles ruidosos aislados se atenúan); sin pesos, cualquier banda. El registro indica el modelo que se ha ejecutado.
&lt;b&gt;Pesos&lt;/b&gt;: archivo .pt opcional para la red elegida; vacío = los pesos incluidos (el archivo de CAIM-Net se entrenó solo con imágenes de dominio público; las imágenes del archivo de SChanger no son todas de dominio público). La carpeta resources/weights del complemento contiene también caimnet_rgbn_mixed_sources.pt, el anterior archivo de CAIM-Net por defecto, para reproducir resultados anteriores; la línea 'Weights trained on' del registro dice con qué se entrenó el archivo que se ha ejecutado.
&lt;b&gt;Sensibilidad&lt;/b&gt;: -3 .. 3, 0 (por defecto) = la decisión calibrada.  Los valores positivos clasifican más píxeles como cambiados (menos omisiones, más falsas alarmas), los negativos menos; cada paso de 1 desplaza en 1 el logit (log-odds) de 'sin cambio' (para CVA e ISFA: +1 baja el umbral en una cuarta parte).  Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros.
&lt;b&gt;Umbral de los métodos clásicos&lt;/b&gt; (avanzado): &lt;tt&gt;otsu&lt;/tt&gt; (por defecto) o &lt;tt&gt;kittler&lt;/tt&gt;, el umbral de error mínimo de Kittler e Illingworth, solo para MODEL=cva o isfa: encuentra más cambio donde los cambios son una parte pequeña de la escena, pero en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (la ficha del modelo, candidato KT).
&lt;b&gt;Parche de cambio mínimo&lt;/b&gt;: una unidad mínima cartografiable en píxeles, 0 (por defecto) = desactivado.  Los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños se escriben como sin cambio, con la probabilidad de sin cambio del modelo como confianza; p. ej. 4 elimina píxeles aislados y parejas (efecto sal y pimienta); los polígonos lo siguen.  Los huecos sin cambio se conservan.
&lt;b&gt;Rellenar fechas enmascaradas&lt;/b&gt;: desactivado (por defecto), un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos, huecos de barrido) queda sin datos en todas las salidas.  Activado, todo píxel válido en al menos dos fechas obtiene un resultado: una fecha enmascarada toma los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.
&lt;b&gt;Máscaras de nubes&lt;/b&gt;: opcional, un ráster de máscara por capa de entrada, en el mismo orden (una máscara de nubes o una banda QA: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), en cualquier malla (remuestreada por vecino más próximo).  Para máscaras de solo algunas fechas, indicar las posiciones de las capas de entrada a las que corresponden en &lt;b&gt;Fechas de las máscaras&lt;/b&gt; (avanzado, MASKED_DATES), la primera máscara para la primera posición: p. ej. 2,5 con dos máscaras, la primera para la segunda capa y la otra para la quinta; las demás fechas se usan tal cual (sus propios valores sin datos siguen contando).  Un píxel está enmascarado en una fecha salvo que su valor de máscara sea uno de los &lt;b&gt;valores de despejado&lt;/b&gt; de la máscara: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;amp;), por defecto 0; bit6&amp;amp;!bit2&amp;amp;!bit4 para QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra; o los valores estrictos 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 para Landsat 4-7, 4-7,11 para SCL de Sentinel-2, 0,1 para Fmask.  Lo que queda fuera de la huella de una máscara cuenta como enmascarado.  Combinar con Rellenar fechas enmascaradas para series nubosas.
&lt;b&gt;Tamaño de tesela&lt;/b&gt;: 0 (por defecto) = automático, elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha; cabe cualquier tamaño de ráster.
&lt;b&gt;Salidas&lt;/b&gt;: área de cambio (0 sin cambio, 1 cambiado, 255 sin datos), momento del cambio (0 sin cambio, k = cambio entre la fecha k y la fecha k+1, 255 sin datos), confianza (probabilidad de la clase predicha, -1 sin datos), polígonos de cambio opcionales con moment, date_before, date_after y area_m2, y un informe HTML de la ejecución opcional (ajustes, área cambiada por intervalo en gráfico y en tabla, el mapa).

&lt;b&gt;Ejecutar aunque se estime excesiva&lt;/b&gt; (avanzado, ALLOW_HUGE): antes de una ejecución se estiman su duración y el tamaño de sus salidas, y se muestran en el registro; una ejecución estimada en más de un día, o cuyas salidas claramente no caben en el espacio libre de su carpeta, se rechaza salvo que esto esté activado.

Necesita PyTorch en el Python de QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL y DEVICE toman los nombres de las opciones (no números), p. ej. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, o &lt;tt&gt;MODEL=cva&lt;/tt&gt; para el método clásico.  MASKS se repite como INPUT, p. ej. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; para una máscara solo de la segunda fecha.</translation>
        </message>
        <message>
            <source>For cloudy series: a masked date takes the pixel's values of the previous clear date.</source>
            <translation type="obsolete">Para series nubosas: una fecha enmascarada toma los valores del píxel de la fecha despejada anterior.</translation>
        </message>
        <message>
            <source>Mask values meaning clear (default 0; QA, SCL codes: see help)</source>
            <translation type="obsolete">Valores de despejado (por defecto 0; QA, SCL: ver ayuda)</translation>
        </message>
        <message>
            <source>Minimum change patch (pixels; 0 = keep every changed pixel)</source>
            <translation type="obsolete">Parche de cambio mínimo (píxeles; 0 = conservarlos todos)</translation>
        </message>
        <message>
            <source>Model (auto: %s)</source>
            <translation type="obsolete">Modelo (auto: %s)</translation>
        </message>
        <message>
            <source>Moment probabilities (one band per class, for inspection)</source>
            <translation type="obsolete">Probabilidades del momento del cambio (una banda por clase)</translation>
        </message>
        <message>
            <source>Run anyway if estimated too long or too big for the disk</source>
            <translation type="obsolete">Ejecutar aunque se estime demasiado larga o grande</translation>
        </message>
        <message>
            <source>Run report (HTML: settings, changed area per interval)</source>
            <translation type="obsolete">Informe de la ejecución (HTML: ajustes, área por intervalo)</translation>
        </message>
        <message>
            <source>Sensitivity (0 = calibrated; + more change, - less)</source>
            <translation type="obsolete">Sensibilidad (0 = calibrada; + más cambio, - menos)</translation>
        </message>
        <message>
            <source>The minimum-error threshold (THRESHOLD=kittler) applies to the classical methods only, and MODEL=auto runs %s on these layers (it runs Classical ISFA only on layers whose bands the networks cannot read). Choose MODEL=cva or isfa, or leave THRESHOLD at otsu.</source>
            <translation type="obsolete">El umbral de error mínimo (THRESHOLD=kittler) solo se aplica a los métodos clásicos, y MODEL=auto ejecuta %s en estas capas (ejecuta ISFA clásico solo en capas cuyas bandas las redes no pueden leer). Elegir MODEL=cva o isfa, o dejar THRESHOLD en otsu.</translation>
        </message>
        <message>
            <source>The networks use 4 bands as R, G, B, NIR; CVA and ISFA use any bands. Empty: from the bands' wavelengths or names (see the help).</source>
            <translation type="obsolete">Las redes usan 4 bandas como R, G, B, NIR; CVA e ISFA, cualquier banda. Vacío: según las longitudes de onda o los nombres de las bandas (ver la ayuda).</translation>
        </message>
        <message>
            <source>Weights file (empty: bundled weights; none for CVA or ISFA)</source>
            <translation type="obsolete">Archivo de pesos (vacío: incluidos; ninguno en CVA/ISFA)</translation>
        </message>
        <message>
            <source>otsu (the default), or kittler (minimum error; for MODEL=cva or isfa only). qgis_process and scripts give the name (THRESHOLD=kittler).</source>
            <translation type="obsolete">otsu (predeterminado) o kittler (error mínimo; solo para MODEL=cva o isfa). qgis_process y los scripts indican el nombre (THRESHOLD=kittler).</translation>
        </message>
    </context>
    <context>
        <name>CaimDialog</name>
        <message>
            <location filename="../dialog.py" line="170" />
            <source>Clear %s</source>
            <translation>Vaciar %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="406" />
            <source>CAIM: stacking band files into dates</source>
            <translation>CAIM: apilando archivos de banda en fechas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="484" />
            <source>CAIM change detection: detect changes in a time series</source>
            <translation>Detección de cambios CAIM: detectar cambios en una serie temporal</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="500" />
            <source>Check the images to compare, oldest first. They are ordered by the date found in the layer name, file name or metadata; drag rows to reorder (Alt+Up/Down), double-click a date to edit it (F2), and double-click a Cloud mask cell (Shift+F2) to give that date its cloud mask (optional, per date: dates without one are used as they are).</source>
            <translation>Marcar las imágenes que se van a comparar, la más antigua primero. Están ordenadas por la fecha encontrada en el nombre de la capa, el nombre del archivo o los metadatos; arrastrar las filas para reordenarlas (Alt+Arriba/Abajo), hacer doble clic en una fecha para editarla (F2) y doble clic en una celda de Máscara de nubes (Mayús+F2) para dar a esa fecha su máscara de nubes (opcional, por fecha: las fechas sin máscara se usan tal cual).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>Layer</source>
            <translation>Capa</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>Bands</source>
            <translation>Bandas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>CRS</source>
            <translation>SRC</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>Cloud mask</source>
            <translation>Máscara de nubes</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="528" />
            <source>Input layers in date order</source>
            <translation>Capas de entrada en orden de fecha</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="529" />
            <source>Check the dates to compare, oldest first. Alt+Up and Alt+Down move the selected rows, F2 edits a date, Shift+F2 chooses a date's cloud mask.</source>
            <translation>Marcar las fechas que se van a comparar, la más antigua primero. Alt+Arriba y Alt+Abajo mueven las filas seleccionadas, F2 edita una fecha, Mayús+F2 elige la máscara de nubes de una fecha.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="534" />
            <source>Sort by date</source>
            <translation>Ordenar por fecha</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="536" />
            <source>Order the rows by date, oldest first (the top row is image 1). Layers without a date go below the dated ones: in the natural order of their names ('day 2' before 'day 10') when no checked layer has a date and every checked name has a number, else in the order they were added (the bottom of the Layers panel first)</source>
            <translation>Ordena las filas por fecha, la más antigua primero (la fila superior es la imagen 1). Las capas sin fecha van debajo de las fechadas: en el orden natural de sus nombres ('día 2' antes de 'día 10') cuando ninguna capa marcada tiene fecha y todos los nombres marcados llevan un número; si no, en el orden en que se añadieron (la de abajo del panel de capas primero)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="541" />
            <source>Move up</source>
            <translation>Subir</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="542" />
            <source>Move the selected rows up (Alt+Up in the list)</source>
            <translation>Subir las filas seleccionadas (Alt+Arriba en la lista)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="544" />
            <source>Move down</source>
            <translation>Bajar</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="545" />
            <source>Move the selected rows down (Alt+Down in the list)</source>
            <translation>Bajar las filas seleccionadas (Alt+Abajo en la lista)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="547" />
            <source>Check all</source>
            <translation>Marcar todas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="549" />
            <source>Check none</source>
            <translation>Desmarcar todas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="551" />
            <source>Split into dates…</source>
            <translation>Dividir en fechas…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="552" />
            <source>The checked layer holds every date as bands (e.g. an Earth Engine export)? Split it into one layer per date (caim:splitdates)</source>
            <translation>¿La capa marcada contiene todas las fechas como bandas (p. ej. una exportación de Earth Engine)? Dividirla en una capa por fecha (caim:splitdates)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="556" />
            <source>Stack band files into dates</source>
            <translation>Apilar archivos de banda en fechas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="557" />
            <source>The checked layers are the band files of several dates (one file per band)? Stack each date's bands into one layer, with its cloud mask (caim:stackbands)</source>
            <translation>¿Las capas marcadas son los archivos de banda de varias fechas (un archivo por banda)? Apilar las bandas de cada fecha en una capa, con su máscara de nubes (caim:stackbands)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="575" />
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="584" />
            <source>Weights (*.pt);;All files (*)</source>
            <translation>Pesos (*.pt);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="591" />
            <source>Weights</source>
            <translation>Pesos</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="593" />
            <source>Weights file</source>
            <translation>Archivo de pesos</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="593" />
            <source>Choose a weights file</source>
            <translation>Elegir un archivo de pesos</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="594" />
            <source>About…</source>
            <translation>Acerca de…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="596" />
            <source>About the weights file</source>
            <translation>Acerca del archivo de pesos</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="598" />
            <source>What the weights file that will run is (the bundled one when the field is empty) and what it was trained on: command, start file, the imagery with each source's licence.</source>
            <translation>Qué archivo de pesos se va a usar (el incluido cuando el campo está vacío) y con qué se entrenó: orden, archivo de partida, las imágenes con la licencia de cada fuente.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="614" />
            <source>0: the calibrated decision. Positive values call more pixels changed (fewer missed changes, more false alarms), negative values fewer. Raise it in steps of 0.25 when clear changes are missed. Not remembered between sessions.</source>
            <translation>0: la decisión calibrada. Los valores positivos clasifican más píxeles como cambiados (menos cambios omitidos, más falsas alarmas), los negativos menos. Aumentarla en pasos de 0,25 cuando se pasen por alto cambios claros. No se recuerda entre sesiones.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="617" />
            <source>Sensitivity</source>
            <translation>Sensibilidad</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="620" />
            <source>0 = calibrated; + finds more change, - less</source>
            <translation>0 = calibrada; + encuentra más cambio, - menos</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="625" />
            <source>Otsu (default)</source>
            <translation>Otsu (por defecto)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="626" />
            <source>Minimum error (Kittler-Illingworth)</source>
            <translation>Error mínimo (Kittler-Illingworth)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="627" />
            <source>Threshold</source>
            <translation>Umbral</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="629" />
            <source>Threshold method</source>
            <translation>Método de umbral</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="630" />
            <source>For the CVA and ISFA methods, and for Automatic where it runs Classical ISFA</source>
            <translation>Para los métodos CVA e ISFA, y para Automático cuando ejecuta ISFA clásico</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="633" />
            <source>CVA, ISFA; Automatic where it runs ISFA</source>
            <translation>CVA, ISFA; Automático cuando ejecuta ISFA</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="642" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="643" />
            <source>off</source>
            <translation>desactivado</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="646" />
            <source>Minimum mapping unit: changed patches (8-connected changed pixels, whatever their moments) smaller than this are written as unchanged, e.g. 4 drops patches of 1 to 3 pixels. Unchanged holes inside changes are kept. Off (0) keeps every changed pixel.</source>
            <translation>Unidad mínima cartografiable: los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños que esto se escriben como sin cambio; p. ej. 4 elimina parches de 1 a 3 píxeles. Los huecos sin cambio dentro de los cambios se conservan. Desactivado (0) conserva todos los píxeles cambiados.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="651" />
            <source>Minimum change patch</source>
            <translation>Parche de cambio mínimo</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="657" />
            <source>Fill masked dates from neighbouring clear dates (cloudy series)</source>
            <translation>Rellenar fechas enmascaradas con las despejadas vecinas (series nubosas)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="660" />
            <source>Off: a pixel that is nodata or masked in any date (clouds set to nodata) is nodata in every output. On: every pixel valid in at least two dates gets a result; a masked date takes the pixel's values of the previous clear date, or of the next where no earlier date is clear, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.</source>
            <translation>Desactivado: un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos) queda sin datos en todas las salidas. Activado: todo píxel válido en al menos dos fechas obtiene un resultado; una fecha enmascarada toma los valores del píxel de la fecha despejada anterior, o de la siguiente donde ninguna anterior está despejada, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="664" />
            <source>Co-register the dates (move dates offset by whole pixels onto the first date)</source>
            <translation>Corregistrar las fechas (mover a la primera las desplazadas en píxeles enteros)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="668" />
            <source>For dates whose georeferencing differs by a pixel or more (other sensors or processing levels), which makes false change along every edge. On: before the run, each date is compared with the first date and moved by the whole-pixel offset that best matches their edges (up to 4 px each way), only when the match is clear. Values are not resampled; the strip along the edge that a moved date no longer covers is nodata. It corrects no rotation, scale or terrain distortion, and leaves a date offset by 5 px or more as it is, with a warning. The run's log (Alignment line) says which dates were moved.</source>
            <translation>Para fechas cuya georreferenciación difiere en un píxel o más (otros sensores o niveles de procesamiento), lo que produce falsos cambios a lo largo de cada borde. Activado: antes de la ejecución, cada fecha se compara con la primera y se mueve el desplazamiento en píxeles enteros con el que mejor coinciden sus bordes (hasta 4 px en cada dirección), solo cuando la coincidencia es clara. Los valores no se remuestrean; la franja del borde que una fecha movida deja de cubrir queda sin datos. No corrige rotación, escala ni distorsión del terreno, y deja como está, con una advertencia, una fecha desplazada 5 px o más. El registro de la ejecución (línea 'Alineación') dice qué fechas se movieron.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="678" />
            <source>Mask values that mean clear sky: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;); every other value masks the pixel on that date. 0: CBERS CMASK and 0/1 masks; bit6&amp;!bit2&amp;!bit4: Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow); 4-7,11: Sentinel-2 SCL; !bit1&amp;!bit2&amp;!bit3: HLS v2.0 Fmask; 0,1: classic Fmask. The list beside it fills these in.</source>
            <translation>Valores de máscara que significan cielo despejado: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;); cualquier otro valor enmascara el píxel en esa fecha. 0: CBERS CMASK y máscaras 0/1; bit6&amp;!bit2&amp;!bit4: QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra); 4-7,11: SCL de Sentinel-2; !bit1&amp;!bit2&amp;!bit3: Fmask de HLS v2.0; 0,1: Fmask clásico. La lista de al lado los rellena.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="685" />
            <source>Match masks by date</source>
            <translation>Asignar por fecha</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="688" />
            <source>For each checked date without a mask, pick a one-band layer of the same date whose name says mask, QA, SCL, Fmask or cloud, and uncheck that layer as an input. Double-click a row's Cloud mask cell to choose one yourself.</source>
            <translation>Para cada fecha marcada sin máscara, elegir una capa de una banda de la misma fecha cuyo nombre diga mask, QA, SCL, Fmask o cloud, y desmarcar esa capa como entrada. Hacer doble clic en la celda Máscara de nubes de una fila para elegir una usted mismo.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="694" />
            <source>Clear values of common cloud-mask products; choosing one fills in the clear values.</source>
            <translation>Valores de despejado de productos de máscara de nubes habituales; elegir uno rellena los valores de despejado.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="696" />
            <source>product…</source>
            <translation>producto…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="703" />
            <source>Cloud-mask values meaning clear</source>
            <translation>Valores de la máscara de nubes que significan despejado</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="704" />
            <source>Cloud-mask product</source>
            <translation>Producto de máscara de nubes</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="706" />
            <source>clear values</source>
            <translation>despejado</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="713" />
            <source>Cloud masks</source>
            <translation>Máscaras de nubes</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="718" />
            <source>Device</source>
            <translation>Dispositivo</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="723" />
            <source>automatic</source>
            <translation>automático</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="726" />
            <source>Tile size in pixels. Automatic (0): chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene. Any raster size fits either way.</source>
            <translation>Tamaño de tesela en píxeles. Automático (0): elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria, más hasta 512 MB de filas de salida retenidas en una escena muy ancha. Cabe cualquier tamaño de ráster en ambos casos.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="734" />
            <source>Tile size</source>
            <translation>Tamaño de tesela</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="735" />
            <source>Tile overlap</source>
            <translation>Solape de teselas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="737" />
            <source>tile</source>
            <translation>tesela</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="737" />
            <source>overlap</source>
            <translation>solape</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="743" />
            <source>Tiling</source>
            <translation>Teselado</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="747" />
            <source>Output folder</source>
            <translation>Carpeta de salida</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="747" />
            <source>Choose the output folder</source>
            <translation>Elegir la carpeta de salida</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="749" />
            <source>Also write change polygons (GeoPackage with moment and dates)</source>
            <translation>Escribir también polígonos de cambio (GeoPackage con sus fechas)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="750" />
            <source>Write per-interval probabilities (used by the inspect tool)</source>
            <translation>Escribir las probabilidades por intervalo (para el inspector)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="755" />
            <source>float32 (default)</source>
            <translation>float32 (por defecto)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="756" />
            <source>uint16, ~1/2 size</source>
            <translation>uint16, ~1/2 del tamaño</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="757" />
            <source>byte, ~1/4 size</source>
            <translation>byte, ~1/4 del tamaño</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="758" />
            <source>float32 (the default): the probabilities as they are. uint16 or byte: stored as round(p x 65534) or round(p x 254) with the bands' scale, which QGIS applies: within half a step (1/131068 or 1/508), in about a half or a quarter of the space.</source>
            <translation>float32 (predeterminado): las probabilidades tal cual. uint16 o byte: guardadas como round(p x 65534) o round(p x 254) con la escala de las bandas, que QGIS aplica: exactas a medio paso (1/131068 o 1/508), en aproximadamente la mitad o la cuarta parte del espacio.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="762" />
            <source>Data type of the probabilities</source>
            <translation>Tipo de datos de las probabilidades</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="763" />
            <source>stored as</source>
            <translation>guardadas como</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="794" />
            <source>Run progress</source>
            <translation>Progreso de la ejecución</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="803" />
            <source>Run status</source>
            <translation>Estado de la ejecución</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="817" />
            <source>Run</source>
            <translation>Ejecutar</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="818" />
            <source>Cancel run</source>
            <translation>Cancelar la ejecución</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="840" />
            <source>The %s method needs no weights: this file is not used.</source>
            <translation>El método %s no necesita pesos: este archivo no se usa.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="841" />
            <source>not used: the classical method needs no weights</source>
            <translation>no se usa: el método clásico no necesita pesos</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="842" />
            <source>Bands (any)</source>
            <translation>Bandas (cualquiera)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="843" />
            <source>empty: every band; e.g. 1,2,3,4,5,7 (the same bands for every date)</source>
            <translation>vacío: todas las bandas; p. ej. 1,2,3,4,5,7 (las mismas bandas en cada fecha)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="845" />
            <source>Weights file (.pt) for the chosen network; empty: the bundled weights.</source>
            <translation>Archivo de pesos (.pt) para la red elegida; vacío: los pesos incluidos.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="846" />
            <source>empty: bundled weights</source>
            <translation>vacío: pesos incluidos</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="847" />
            <source>Bands (R, G, B, NIR)</source>
            <translation>Bandas (R, G, B, NIR)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="848" />
            <source>empty: from band wavelengths/names, else bands 1-4; e.g. 3,2,1,4</source>
            <translation>vacío: de longitudes de onda/nombres de banda, si no bandas 1-4; p. ej. 3,2,1,4</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="864" />
            <source>Only the classical methods (CVA, ISFA) have a threshold to choose; the networks and fusions use their calibrated decision (see Sensitivity).</source>
            <translation>Solo los métodos clásicos (CVA, ISFA) tienen un umbral que elegir; las redes y las fusiones usan su decisión calibrada (véase Sensibilidad).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="867" />
            <source>Automatic runs %s on these layers, with the Weights file; it runs %s, and this control is enabled, when the Weights field is empty.</source>
            <translation>Automático ejecuta %s en estas capas, con el archivo de pesos; con el campo Pesos vacío ejecuta %s, y este control está activo.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="871" />
            <source>Automatic runs %s on these layers; it runs Classical ISFA, and this control is enabled, on layers whose bands the networks cannot read.</source>
            <translation>Automático ejecuta %s en estas capas; en capas cuyas bandas las redes no pueden leer ejecuta ISFA clásico, y este control está activo.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="874" />
            <source>Where the classical method cuts its change magnitude. Otsu's threshold (default); the minimum-error threshold finds more of the change where changes are a small share of the scene; on our real checks it also called a few more stable points changed (model card, candidate KT).</source>
            <translation>Dónde corta el método clásico su magnitud de cambio. El umbral de Otsu (por defecto); el umbral de error mínimo encuentra más cambio donde los cambios son una parte pequeña de la escena; en nuestras comprobaciones con datos reales también clasificó como cambiados algunos puntos estables más (ficha del modelo, candidato KT).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="878" />
            <source>It applies to %s, which Automatic runs for 2 dates without a Weights file.</source>
            <translation>Se aplica a %s, que Automático ejecuta para 2 fechas sin archivo de pesos.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="881" />
            <source>It applies to %s, which Automatic runs on these layers (the networks cannot read their bands).</source>
            <translation>Se aplica a %s, que Automático ejecuta en estas capas (las redes no pueden leer sus bandas).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="916" />
            <source>empty: %s; with a file, %s</source>
            <translation>vacío: %s; con un archivo, %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="917" />
            <source>Automatic runs %s for 2 dates, which uses no weights file; with a Weights file it runs %s with that file.</source>
            <translation>Automático ejecuta %s con 2 fechas, que no usa archivo de pesos; con un archivo en Pesos ejecuta %s con ese archivo.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="923" />
            <source>not used: Automatic runs %s on these layers</source>
            <translation>no se usa: Automático ejecuta %s en estas capas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="927" />
            <source>Automatic runs %s with this file for 2 dates; with the field empty it runs %s, which uses no weights file.</source>
            <translation>Automático ejecuta %s con este archivo para 2 fechas; con el campo vacío ejecuta %s, que no usa archivo de pesos.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="930" />
            <source>Automatic runs %s on the checked layers, as the networks cannot read their bands: this file is not used.</source>
            <translation>Automático ejecuta %s en las capas marcadas, ya que las redes no pueden leer sus bandas: este archivo no se usa.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="942" />
            <source>The %s method uses no weights file.</source>
            <translation>El método %s no usa archivo de pesos.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="949" />
            <source>Automatic runs %s on the checked layers, as the networks cannot read their bands: it uses no weights file (a file given under Weights is not used).</source>
            <translation>Automático ejecuta %s en las capas marcadas, ya que las redes no pueden leer sus bandas: no usa archivo de pesos (un archivo indicado en Pesos no se usa).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="957" />
            <source>The CAIM engine (model_core) could not be loaded: %s</source>
            <translation>No se ha podido cargar el motor de CAIM (model_core): %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="961" />
            <source>No bundled weights file was found for this model; choose a .pt file.</source>
            <translation>No se ha encontrado ningún archivo de pesos incluido para este modelo; elegir un archivo .pt.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="970" />
            <source>CAIM — weights file</source>
            <translation>CAIM — archivo de pesos</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="976" />
            <source>CAIM — weights file and its training data</source>
            <translation>CAIM — archivo de pesos y sus datos de entrenamiento</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="986" />
            <source>What this weights file is and what it was trained on (from the record in the file; the model card has its accuracy on real labels):</source>
            <translation>Qué es este archivo de pesos y con qué se entrenó (según el registro guardado en el archivo; la ficha del modelo da su exactitud con etiquetas reales):</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1102" />
            <source>custom</source>
            <translation>personalizado</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1102" />
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1103" />
            <source>no CRS</source>
            <translation>sin SRC</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1104" />
            <source>double-click to choose this date's cloud mask (a one-band raster layer; optional, per date)</source>
            <translation>doble clic para elegir la máscara de nubes de esta fecha (una capa ráster de una banda; opcional, por fecha)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1108" />
            <source>date from the %s; double-click to edit</source>
            <translation>fecha tomada de: %s; doble clic para editarla</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1109" />
            <source>no date found; double-click to type one (YYYY-MM-DD)</source>
            <translation>no se ha encontrado ninguna fecha; doble clic para escribir una (AAAA-MM-DD)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1112" />
            <source>holds dates from %s to %s: Run splits it into one layer per date</source>
            <translation>contiene fechas de %s a %s: Ejecutar la divide en una capa por fecha</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1227" />
            <source>cloud mask of '%s'
%s</source>
            <translation>máscara de nubes de '%s'
%s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1288" />
            <source>Clear values %s, which the masks record (their product's).</source>
            <translation>Valores de despejado %s, los que registran las máscaras (los de su producto).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1290" />
            <source>The masks record different clear values (%s), and one set holds for every mask: empty the Cloud mask cells of the dates whose masks are of another kind, or give every date a mask of one kind.</source>
            <translation>Las máscaras registran valores de despejado distintos (%s), y un solo conjunto vale para todas las máscaras: vacíe las celdas de máscara de nubes de las fechas cuyas máscaras son de otro tipo, o dé a cada fecha una máscara del mismo tipo.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1294" />
            <source>Matched %d cloud mask by date.</source>
            <translation>Se ha asignado %d máscara de nubes por fecha.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1294" />
            <source>Matched %d cloud masks by date.</source>
            <translation>Se han asignado %d máscaras de nubes por fecha.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1297" />
            <source>%d mask layer was hidden in the Layers panel; the run reads it all the same.</source>
            <translation>Se ocultó %d capa de máscara en el panel de capas; la ejecución la lee igualmente.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1299" />
            <source>%d mask layers were hidden in the Layers panel; the run reads them all the same.</source>
            <translation>Se ocultaron %d capas de máscara en el panel de capas; la ejecución las lee igualmente.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1301" />
            <source>Several mask layers for %s: choose one in that date's Cloud mask cell.</source>
            <translation>Varias capas de máscara para %s: elegir una en la celda Máscara de nubes de esa fecha.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1303" />
            <source>Several mask layers for %s: choose one in those dates' Cloud mask cells.</source>
            <translation>Varias capas de máscara para %s: elegir una en las celdas Máscara de nubes de esas fechas.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1357" />
            <source>Unreadable date %s: %s.</source>
            <translation>Fecha ilegible %s: %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1358" />
            <source>'%s' for '%s'</source>
            <translation>'%s' para '%s'</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1382" />
            <source>The date typed for '%s' is not used: it holds several dates, which its band names or time axis give. Empty its Date cell.</source>
            <translation>La fecha escrita para '%s' no se usa: contiene varias fechas, que dan los nombres de sus bandas o su eje temporal. Vaciar su celda Fecha.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1386" />
            <source>'%s' holds several dates, and one cloud mask cannot serve them all: empty its Cloud mask cell, split it (Split into dates…), then choose each date's mask in its row.</source>
            <translation>'%s' contiene varias fechas, y una sola máscara de nubes no puede servir para todas: vaciar su celda Máscara de nubes, dividirla (Dividir en fechas…) y después elegir la máscara de cada fecha en su fila.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1392" />
            <source>%s (each date)</source>
            <translation>%s (cada fecha)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1395" />
            <source>Band %d does not exist in the dates of '%s', which have one band each: pick band 1.</source>
            <translation>La banda %d no existe en las fechas de '%s', que tienen una banda cada una: elegir la banda 1.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1399" />
            <source>Band %d does not exist in the dates of '%s', which have %d bands each: pick bands from 1 to %d.</source>
            <translation>La banda %d no existe en las fechas de '%s', que tienen %d bandas cada una: elegir bandas de 1 a %d.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1405" />
            <source>'%s' holds %d dates, %s to %s: Run first splits it into one layer per date (small VRT files %s, which read the raster), then checks the series again.</source>
            <translation>'%s' contiene %d fechas, de %s a %s: Ejecutar primero la divide en una capa por fecha (pequeños archivos VRT %s, que leen el ráster) y después vuelve a comprobar la serie.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1410" />
            <source>'%s' holds %d dates: Run first splits it into one layer per date (small VRT files %s, which read the raster), then checks the series again.</source>
            <translation>'%s' contiene %d fechas: Ejecutar primero la divide en una capa por fecha (pequeños archivos VRT %s, que leen el ráster) y después vuelve a comprobar la serie.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1430" />
            <source>No cloud mask for %s: those dates are used as they are (their own nodata still counts).</source>
            <translation>Sin máscara de nubes para %s: esas fechas se usan tal cual (sus propios valores sin datos siguen contando).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1453" />
            <source>%s looks like the cloud mask of a checked date: Match masks by date makes it that date's mask.</source>
            <translation>%s parece la máscara de nubes de una fecha marcada: Asignar por fecha la convierte en la máscara de esa fecha.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1455" />
            <source>%s look like cloud masks of checked dates: Match masks by date makes each its date's mask.</source>
            <translation>%s parecen máscaras de nubes de fechas marcadas: Asignar por fecha convierte cada una en la máscara de su fecha.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1468" />
            <source>changed patches under this size are dropped</source>
            <translation>se eliminan los parches cambiados más pequeños</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1472" />
            <source>= %s ha on %s's pixels</source>
            <translation>= %s ha con el tamaño de píxel de %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1473" />
            <source>= %s m² on %s's pixels</source>
            <translation>= %s m² con el tamaño de píxel de %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1486" />
            <source>Stacking the checked band files into dates: their dates take their place in the list when it is done.</source>
            <translation>Apilando en fechas los archivos de banda marcados: sus fechas ocuparán su lugar en la lista cuando termine.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1503" />
            <source>%d dates once split, to run with %s; the series is checked again then.</source>
            <translation>%d fechas una vez dividido, para ejecutar con %s; entonces se vuelve a comprobar la serie.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1504" />
            <source>%d dates, ready to run with %s.</source>
            <translation>%d fechas, listo para ejecutar con %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1537" />
            <source>in QGIS's temporary folder, deleted when QGIS closes, as its own folder cannot be written to</source>
            <translation>en la carpeta temporal de QGIS, que se borra al cerrar QGIS, porque no se puede escribir en su propia carpeta</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1539" />
            <source>in QGIS's temporary folder, deleted when QGIS closes, as it is not a file in a folder</source>
            <translation>en la carpeta temporal de QGIS, que se borra al cerrar QGIS, porque no es un archivo en una carpeta</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1541" />
            <source>in '%s' beside it</source>
            <translation>en '%s', a su lado</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1559" />
            <source>Layer '%s': %s</source>
            <translation>Capa '%s': %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1577" />
            <source>%s (dates)</source>
            <translation>%s (fechas)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1589" />
            <source>'%s': %d dates in %s</source>
            <translation>'%s': %d fechas en %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1596" />
            <source>Split into dates: %s.</source>
            <translation>Dividido en fechas: %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1631" />
            <source>The Processing plugin is not enabled: enable it (Plugins &gt; Manage and Install Plugins &gt; Installed &gt; Processing) to split the layer into dates.</source>
            <translation>El complemento Processing no está activado: activarlo (Complementos &gt; Administrar e instalar complementos &gt; Instalado &gt; Processing) para dividir la capa en fechas.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1702" />
            <source>Cancel stacking</source>
            <translation>Cancelar el apilado</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1704" />
            <source>Stacking %d band files into dates… (Cancel stacking stops it)</source>
            <translation>Apilando %d archivos de banda en fechas… (Cancelar el apilado lo detiene)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1726" />
            <source>Stack band files into dates: %s</source>
            <translation>Apilar archivos de banda en fechas: %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1728" />
            <source>Stacking cancelled; nothing was written.</source>
            <translation>Apilado cancelado; no se escribió nada.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1808" />
            <source>These band files were stacked into %d dates (%d with a cloud mask) before, in %s: used again.</source>
            <translation>Estos archivos de banda ya se apilaron en %d fechas (%d con máscara de nubes), en %s: se reutilizan.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1811" />
            <source>Stacked the band files into %d dates (%d with a cloud mask) in %s.</source>
            <translation>Archivos de banda apilados en %d fechas (%d con máscara de nubes) en %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1814" />
            <source>That is QGIS's temporary folder, deleted when QGIS closes, as the band files' folder cannot be written to (or they are inside an archive): a project saved with these dates opens without them. To keep them, stack the band files into a folder of your own (Raster &gt; CAIM change detection &gt; Stack band files into dates…).</source>
            <translation>Es la carpeta temporal de QGIS, que se borra al cerrar QGIS, porque no se puede escribir en la carpeta de los archivos de banda (o están dentro de un archivo comprimido): un proyecto guardado con estas fechas se abre sin ellas. Para conservarlas, apile los archivos de banda en una carpeta propia (Ráster &gt; Detección de cambios CAIM &gt; Apilar archivos de banda en fechas…).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1819" />
            <source>They are %d scenes, each run on its own: checked are the %d dates of %s; check the dates of another scene (named by it) instead to run on that one.</source>
            <translation>Son %d escenas, cada una con su propia ejecución: están marcadas las %d fechas de %s; marque en su lugar las fechas de otra escena (nombradas por ella) para ejecutar sobre esa.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1823" />
            <source>Left out, as the second granule of its tile and day (the one whose Fmask shows more clear pixels is stacked): %s.</source>
            <translation>Omitido, como segundo gránulo de su tesela y su día (se apila el que tiene más píxeles despejados en su Fmask): %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1827" />
            <source>Their masks are of different kinds, and one set of clear values holds for every mask: %s is set with the masks it is right for; the dates %s have masks of another kind and run without them. To mask them too, give every date a mask of one kind.</source>
            <translation>Sus máscaras son de tipos distintos, y un solo conjunto de valores de despejado vale para todas las máscaras: %s se fija con las máscaras para las que es correcto; las fechas %s tienen máscaras de otro tipo y se procesan sin ellas. Para enmascararlas también, dé a cada fecha una máscara del mismo tipo.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1845" />
            <source>stacked into the dates of %s (listed above: check them, not this band file)
%s</source>
            <translation>apilado en las fechas de %s (arriba en la lista: marque esas, no este archivo de banda)
%s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1903" />
            <source>Choose an output folder.</source>
            <translation>Elegir una carpeta de salida.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1911" />
            <source>Outputs already exist in %s; choose another folder.</source>
            <translation>Ya existen salidas en %s; elegir otra carpeta.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1915" />
            <source>Overwrite results?</source>
            <translation>¿Sobrescribir los resultados?</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1916" />
            <source>These files already exist and would be replaced:

%s

%sOverwrite them?</source>
            <translation>Estos archivos ya existen y se sustituirían:

%s

%s¿Sobrescribirlos?</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1918" />
            <source>%d layers of this project show them; when the run succeeds, the new run's layers replace them.</source>
            <translation>%d capas de este proyecto los muestran; si la ejecución termina bien, las capas de la nueva ejecución las sustituyen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1920" />
            <source>%d layer of this project shows them; when the run succeeds, the new run's layers replace it.</source>
            <translation>%d capa de este proyecto los muestra; si la ejecución termina bien, las capas de la nueva ejecución la sustituyen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1924" />
            <source>Not run: choose another output folder.</source>
            <translation>No se ha ejecutado: elegir otra carpeta de salida.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1930" />
            <source>Split into dates, not run: the series needs your attention (see the messages above); then Run again.</source>
            <translation>Dividido en fechas, no ejecutado: la serie requiere su atención (véanse los mensajes de arriba); después, Ejecutar de nuevo.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1951" />
            <source>The Processing algorithm %s is not registered.</source>
            <translation>El algoritmo de Procesos %s no está registrado.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1964" />
            <source>Starting…</source>
            <translation>Iniciando…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1967" />
            <source>The parameters were refused.</source>
            <translation>Los parámetros han sido rechazados.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1982" />
            <source>Cancelling the stack…</source>
            <translation>Cancelando el apilado…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1985" />
            <source>Cancelling… partial outputs will be removed.</source>
            <translation>Cancelando… se eliminarán las salidas parciales.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2026" />
            <source>, minimum-error threshold</source>
            <translation>, umbral de error mínimo</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2028" />
            <source>, sensitivity %s</source>
            <translation>, sensibilidad %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2030" />
            <source>, changed patches &gt;= %s px</source>
            <translation>, parches cambiados &gt;= %s px</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2032" />
            <source>, cloud masks%s (clear = %s)</source>
            <translation>, máscaras de nubes%s (despejado = %s)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2033" />
            <source> on %d of %d dates</source>
            <translation> en %d de %d fechas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2036" />
            <source>, masked dates filled</source>
            <translation>, fechas enmascaradas rellenadas</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2038" />
            <source>Done on %s with %s. %s Hover here for each interval; all details are in the log (CAIM change detection tab).</source>
            <translation>Terminado en %s con %s. %s Pasar el ratón por aquí para ver cada intervalo; todos los detalles están en el registro (pestaña CAIM change detection).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2040" />
            <source>Changed hectares per interval (last change):
</source>
            <translation>Hectáreas cambiadas por intervalo (último cambio):
</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2043" />
            <source>&lt;a href="%s"&gt;Open the run report&lt;/a&gt; (settings, changed area per interval as a chart, the map)</source>
            <translation>&lt;a href="%s"&gt;Abrir el informe de la ejecución&lt;/a&gt; (ajustes, área cambiada por intervalo en un gráfico, el mapa)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2047" />
            <source>Warning: </source>
            <translation>Advertencia: </translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2051" />
            <source>Run finished on %s; report: %s</source>
            <translation>Ejecución terminada en %s; informe: %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2052" />
            <source>Run finished on %s.</source>
            <translation>Ejecución terminada en %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2054" />
            <source>Changed hectares per interval (last change):
%s

Model: %s
Device: %s
%s</source>
            <translation>Hectáreas cambiadas por intervalo (último cambio):
%s

Modelo: %s
Dispositivo: %s
%s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2064" />
            <source>1 warning.</source>
            <translation>1 advertencia.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2064" />
            <source>%d warnings.</source>
            <translation>%d advertencias.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2071" />
            <source>Cancelled; partial outputs were removed.</source>
            <translation>Cancelado; se han eliminado las salidas parciales.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2072" />
            <source>Cancelled; nothing was written.</source>
            <translation>Cancelado; no se escribió nada.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2074" />
            <source>The run failed.</source>
            <translation>La ejecución ha fallado.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2081" />
            <source>Run anyway?</source>
            <translation>¿Ejecutar de todos modos?</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2081" />
            <source>Run it anyway?</source>
            <translation>¿Ejecutarlo de todos modos?</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2150" />
            <source>Still running in the background; results will be added when done.</source>
            <translation>Sigue ejecutándose en segundo plano; los resultados se añadirán al terminar.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2167" />
            <source>unknown</source>
            <translation>desconocida</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2167" />
            <source>%s ha</source>
            <translation>%s ha</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2178" />
            <source>Done.</source>
            <translation>Terminado.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2178" />
            <source>%s ha changed.</source>
            <translation>%s ha cambiadas.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2188" />
            <source>CAIM change detection</source>
            <translation>Detección de cambios CAIM</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2217" />
            <source>Changed %s ha over %d intervals.</source>
            <translation>%s ha cambiadas en %d intervalos.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2218" />
            <source>Changed %s ha over %d interval.</source>
            <translation>%s ha cambiadas en %d intervalo.</translation>
        </message>
        <message>
            <source> Warning: </source>
            <translation type="obsolete"> Advertencia: </translation>
        </message>
        <message>
            <source>CVA and ISFA only</source>
            <translation type="obsolete">solo CVA e ISFA</translation>
        </message>
        <message>
            <source>Done on %s with %s. %s</source>
            <translation type="obsolete">Terminado en %s con %s. %s</translation>
        </message>
        <message>
            <source>Fill masked dates from the previous clear date (cloudy series)</source>
            <translation type="obsolete">Rellenar fechas enmascaradas con la despejada anterior</translation>
        </message>
        <message>
            <source>For the CVA and ISFA methods only</source>
            <translation type="obsolete">Solo para los métodos CVA e ISFA</translation>
        </message>
        <message>
            <source>Mask values that mean clear sky: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;); every other value masks the pixel on that date. 0: CBERS CMASK and 0/1 masks; bit6&amp;!bit2&amp;!bit4: Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow); 4-7,11: Sentinel-2 SCL; 0,1: Fmask. The list beside it fills these in.</source>
            <translation type="obsolete">Valores de máscara que significan cielo despejado: números enteros separados por comas, rangos y pruebas de bits (bitN activo, !bitN inactivo, unidos por &amp;); cualquier otro valor enmascara el píxel en esa fecha. 0: CBERS CMASK y máscaras 0/1; bit6&amp;!bit2&amp;!bit4: QA_PIXEL de Landsat 8-9 Collection 2 (despejado, sin cirros, sin sombra); 4-7,11: SCL de Sentinel-2; 0,1: Fmask. La lista de al lado los rellena.</translation>
        </message>
        <message>
            <source>Minimum mapping unit: changed patches (8-connected changed pixels, whatever their moments) smaller than this are written as unchanged, e.g. 4 drops isolated pixels and pairs. Unchanged holes inside changes are kept. Off (0) keeps every changed pixel.</source>
            <translation type="obsolete">Unidad mínima cartografiable: los parches cambiados (píxeles cambiados conectados en 8 direcciones, sea cual sea su momento) más pequeños que esto se escriben como sin cambio; p. ej. 4 elimina píxeles aislados y parejas. Los huecos sin cambio dentro de los cambios se conservan. Desactivado (0) conserva todos los píxeles cambiados.</translation>
        </message>
        <message>
            <source>Off: a pixel that is nodata or masked in any date (clouds set to nodata) is nodata in every output. On: every pixel valid in at least two dates gets a result; a masked date repeats the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.</source>
            <translation type="obsolete">Desactivado: un píxel sin datos o enmascarado en cualquier fecha (nubes puestas a sin datos) queda sin datos en todas las salidas. Activado: todo píxel válido en al menos dos fechas obtiene un resultado; una fecha enmascarada repite los valores despejados anteriores del píxel, de modo que un cambio oculto por nubes se fecha en el intervalo que termina en la primera fecha despejada posterior.</translation>
        </message>
        <message>
            <source>Run finished on %s:
%s</source>
            <translation type="obsolete">Ejecución terminada en %s:
%s</translation>
        </message>
        <message>
            <source>Stacking %d band files into dates… (Cancel run stops it)</source>
            <translation type="obsolete">Apilando %d archivos de banda en fechas… (Cancelar la ejecución lo detiene)</translation>
        </message>
        <message>
            <source>Tile size in pixels. Automatic (0): chosen from the number of dates so the run stays near 1.3 GB of memory. Any raster size fits either way.</source>
            <translation type="obsolete">Tamaño de tesela en píxeles. Automático (0): elegido según el número de fechas para que la ejecución se mantenga en torno a 1,3 GB de memoria. Cabe cualquier tamaño de ráster en ambos casos.</translation>
        </message>
        <message>
            <source>empty: Automatic runs %s; a file here runs %s with it</source>
            <translation type="obsolete">vacío: Automático ejecuta %s; con un archivo aquí, %s con él</translation>
        </message>
    </context>
    <context>
        <name>CaimInputs</name>
        <message>
            <location filename="../inputs.py" line="74" />
            <source>write it year first, YYYY-MM-DD (day and month orders differ between countries, so the engine does not guess)</source>
            <translation>escribir primero el año, AAAA-MM-DD (el orden del día y el mes varía entre países, así que el motor no lo adivina)</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="76" />
            <source>use YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY, a real calendar date</source>
            <translation>usar AAAA-MM-DD, AAAAMMDD, AAAA-MM o AAAA, una fecha real del calendario</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="103" />
            <source>%s: '%s' is neither a file nor a loaded layer. Check the path (was the file moved or renamed?).</source>
            <translation>%s: '%s' no es ni un archivo ni una capa cargada. Comprobar la ruta (¿se ha movido o renombrado el archivo?).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="106" />
            <source>%s: '%s' is a folder; give the image files in it, one per date.</source>
            <translation>%s: '%s' es una carpeta; indicar los archivos de imagen que contiene, uno por fecha.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="107" />
            <source>%s: '%s' cannot be opened as a raster: give the raster images (GeoTIFF or any format GDAL reads)%s.</source>
            <translation>%s: '%s' no se puede abrir como ráster: indicar las imágenes ráster (GeoTIFF o cualquier formato que lea GDAL)%s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="108" />
            <source>, one per date</source>
            <translation>, una por fecha</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="108" />
            <source>, one mask per date</source>
            <translation>, una máscara por fecha</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="149" />
            <source>layer name</source>
            <translation>nombre de la capa</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="153" />
            <source>file name</source>
            <translation>nombre del archivo</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="156" />
            <source>metadata</source>
            <translation>metadatos</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="167" />
            <source>Bands must be comma-separated band numbers such as '1,2,3,4' (red, green, blue, near-infrared).</source>
            <translation>Las bandas deben ser números de banda separados por comas, como '1,2,3,4' (rojo, verde, azul, infrarrojo cercano).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="170" />
            <source>Band numbers start at 1; got '%s'.</source>
            <translation>Los números de banda empiezan en 1; se ha recibido '%s'.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="182" />
            <source>DATES has %d entries but %d layers were given; give one date per layer, in layer order, separated by commas.</source>
            <translation>DATES tiene %d entradas, pero se han indicado %d capas; indicar una fecha por capa, en el orden de las capas, separadas por comas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="191" />
            <source>'%s' in DATES is not a date: %s.</source>
            <translation>'%s' en DATES no es una fecha: %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="207" />
            <source>%d cloud masks for %d layers: give one mask per layer, in the same order, or set MASKED_DATES to the positions of the layers they belong to (e.g. 2,5 for masks of the second and fifth layers).</source>
            <translation>%d máscaras de nubes para %d capas: indicar una máscara por capa, en el mismo orden, o poner en MASKED_DATES las posiciones de las capas a las que corresponden (p. ej. 2,5 para máscaras de la segunda y la quinta capa).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="214" />
            <source>MASKED_DATES '%s': %s is not a layer position. Give the 1-based positions of the input layers that have a cloud mask, comma-separated, e.g. 2,5.</source>
            <translation>MASKED_DATES '%s': %s no es una posición de capa. Indicar las posiciones (desde 1) de las capas de entrada que tienen máscara de nubes, separadas por comas, p. ej. 2,5.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="216" />
            <source>an empty entry</source>
            <translation>una entrada vacía</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="219" />
            <source>MASKED_DATES '%s': position %d is out of range; there is %d input layer (positions 1 to %d).</source>
            <translation>MASKED_DATES '%s': la posición %d está fuera del rango; hay %d capa de entrada (posiciones 1 a %d).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="221" />
            <source>MASKED_DATES '%s': position %d is out of range; there are %d input layers (positions 1 to %d).</source>
            <translation>MASKED_DATES '%s': la posición %d está fuera del rango; hay %d capas de entrada (posiciones 1 a %d).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="224" />
            <source>MASKED_DATES '%s': position %d is given twice; a date has at most one cloud mask.</source>
            <translation>MASKED_DATES '%s': la posición %d se ha indicado dos veces; una fecha tiene como mucho una máscara de nubes.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="228" />
            <source>MASKED_DATES '%s' lists %s but MASKS has %s: give one mask per listed date, in the same order%s.</source>
            <translation>MASKED_DATES '%s' enumera %s, pero MASKS tiene %s: indicar una máscara por cada fecha enumerada, en el mismo orden%s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="230" />
            <source>%d date</source>
            <translation>%d fecha</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="230" />
            <source>%d dates</source>
            <translation>%d fechas</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="231" />
            <source>%d cloud mask</source>
            <translation>%d máscara de nubes</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="231" />
            <source>%d cloud masks</source>
            <translation>%d máscaras de nubes</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="232" />
            <source>, or leave MASKED_DATES empty</source>
            <translation>, o dejar MASKED_DATES vacío</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="447" />
            <source>Select at least 2 layers: change needs two or more dates (%d selected).</source>
            <translation>Seleccionar al menos 2 capas: el cambio necesita dos o más fechas (seleccionadas: %d).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="449" />
            <source>If '%s' holds every date as bands (%d bands; e.g. an Earth Engine export), split it into dates first: Processing Toolbox, CAIM change detection, Split a multi-date raster into dates.</source>
            <translation>Si '%s' contiene todas las fechas como bandas (%d bandas; p. ej. una exportación de Earth Engine), dividirla primero en fechas: Caja de herramientas de Procesos, Detección de cambios CAIM, Dividir un ráster multitemporal en fechas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="456" />
            <source>SChanger compares exactly 2 dates (%d selected). Use CAIM-Net for a time series.</source>
            <translation>SChanger compara exactamente 2 fechas (seleccionadas: %d). Usar CAIM-Net para una serie temporal.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="480" />
            <source>The Weights file is not used.</source>
            <translation>El archivo de pesos no se usa.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="497" />
            <source> and %d more layers</source>
            <translation> y %d capas más</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="498" />
            <source>No date for %s: the results will name the images 'image 1', 'image 2', … by their order in this list (the top row is image 1) instead of dates.</source>
            <translation>Sin fecha para %s: los resultados llamarán a las imágenes 'imagen 1', 'imagen 2', … por su orden en esta lista (la fila superior es la imagen 1) en lugar de fechas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="502" />
            <source>Dates are not in chronological order: moments follow the list order.</source>
            <translation>Las fechas no están en orden cronológico: los momentos siguen el orden de la lista.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="508" />
            <source>%d one-band layers share the date %s (%s)%s: they look like the bands of one date, which would be compared with each other as if they were dates. Press 'Stack band files into dates' below the list to stack each date's bands into one layer, with its cloud mask (caim:stackbands), and run on those.</source>
            <translation>%d capas de una banda comparten la fecha %s (%s)%s: parecen las bandas de una sola fecha, que se compararían entre sí como si fueran fechas. Pulsar 'Apilar archivos de banda en fechas' bajo la lista para apilar las bandas de cada fecha en una capa, con su máscara de nubes (caim:stackbands), y ejecutar sobre ellas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="513" />
            <source> and %d more date likewise</source>
            <translation> y lo mismo en %d fecha más</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="514" />
            <source> and %d more dates likewise</source>
            <translation> y lo mismo en %d fechas más</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="517" />
            <source>Some dates appear twice (%s): the intervals between them are zero days long.</source>
            <translation>Algunas fechas aparecen dos veces (%s): los intervalos entre ellas duran cero días.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="544" />
            <source>Automatic: %s will run, not %s, which cannot read these layers' bands: %s</source>
            <translation>Automático: se ejecutará %s, no %s, que no puede leer las bandas de estas capas: %s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="589" />
            <source>'%s' was read as a vector layer (%s): QGIS reads a NetCDF data cube of several variables so. Add one variable of it as a raster layer (Layer, Add Layer, Add Raster Layer, then pick the variable), or split the whole cube into dates on the command line (python -m model_core split).</source>
            <translation>'%s' se ha leído como capa vectorial (%s): así lee QGIS un cubo de datos NetCDF de varias variables. Añadir una de sus variables como capa ráster (Capa, Añadir capa, Añadir capa ráster, y elegir la variable), o dividir el cubo entero en fechas en la línea de comandos (python -m model_core split).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="594" />
            <source>'%s' is a vector layer (%s), not an image: the inputs are the raster images of the series, one per date.</source>
            <translation>'%s' es una capa vectorial (%s), no una imagen: las entradas son las imágenes ráster de la serie, una por fecha.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="597" />
            <source>'%s' is not a valid raster layer.</source>
            <translation>'%s' no es una capa ráster válida.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="599" />
            <source>'%s' is not a file-based (GDAL) raster; export it as GeoTIFF first.</source>
            <translation>'%s' no es un ráster basado en archivo (GDAL); exportarlo primero como GeoTIFF.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="602" />
            <source>The file of '%s' is gone (%s): it was moved or deleted after the layer was loaded. Remove the layer, or point it to the file again (Layer Properties, Source).</source>
            <translation>El archivo de '%s' ya no está (%s): se movió o se borró después de cargar la capa. Quitar la capa, o volver a apuntarla al archivo (Propiedades de la capa, Fuente).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="607" />
            <source>'%s' is not an image but the %s file of '%s' beside it (%s): uncheck it, and add the image itself.</source>
            <translation>'%s' no es una imagen, sino un archivo auxiliar (%s) de '%s', a su lado (%s): desmarcarlo y añadir la propia imagen.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="630" />
            <source>Band %d does not exist in any layer (bands per layer: %s): pick bands from 1 to %d.</source>
            <translation>La banda %d no existe en ninguna capa (bandas por capa: %s): elegir bandas de 1 a %d.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="634" />
            <source>Band %d does not exist in %s (fewer bands): uncheck it or pick bands every date has.</source>
            <translation>La banda %d no existe en %s (menos bandas): desmarcarla o elegir bandas que tengan todas las fechas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="636" />
            <source>Band %d does not exist in %s (fewer bands): uncheck them or pick bands every date has.</source>
            <translation>La banda %d no existe en %s (menos bandas): desmarcarlas o elegir bandas que tengan todas las fechas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="644" />
            <source>bands every date has (1 to %d)</source>
            <translation>bandas que tengan todas las fechas (1 a %d)</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="645" />
            <source>band 1, the only band every date has</source>
            <translation>la banda 1, la única banda que tienen todas las fechas</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="646" />
            <source>%s has fewer than the 4 bands (red, green, blue, NIR) the network needs: uncheck it, or use a classical method (CVA, ISFA) with %s</source>
            <translation>%s tiene menos de las 4 bandas (rojo, verde, azul, NIR) que necesita la red: desmarcarla, o usar un método clásico (CVA, ISFA) con %s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="649" />
            <source>%s have fewer than the 4 bands (red, green, blue, NIR) the network needs: uncheck them, or use a classical method (CVA, ISFA) with %s</source>
            <translation>%s tienen menos de las 4 bandas (rojo, verde, azul, NIR) que necesita la red: desmarcarlas, o usar un método clásico (CVA, ISFA) con %s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="653" />
            <source>uncheck %s, or pick band 1, the only band every date has</source>
            <translation>desmarcar %s, o elegir la banda 1, la única banda que tienen todas las fechas</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="655" />
            <source>pick bands every date has (1 to %d), for example %s</source>
            <translation>elegir bandas que tengan todas las fechas (1 a %d), por ejemplo %s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="657" />
            <source>Band counts differ (%s). The model needs the same bands from every date: %s.</source>
            <translation>El número de bandas varía (%s). El modelo necesita las mismas bandas de cada fecha: %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="666" />
            <source>no CRS</source>
            <translation>sin SRC</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="668" />
            <source>Layers have different CRSs (%s): they will be aligned onto the grid of '%s'.</source>
            <translation>Las capas tienen SRC distintos (%s): se alinearán sobre la malla de '%s'.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="674" />
            <source>Grids differ slightly: every date will be resampled onto the grid of '%s', clipped to the common area.</source>
            <translation>Las mallas difieren ligeramente: cada fecha se remuestreará sobre la malla de '%s', recortada al área común.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="689" />
            <source>%d cloud masks for %d layers: give one mask (or none) per layer, in the same order.</source>
            <translation>%d máscaras de nubes para %d capas: indicar una máscara (o ninguna) por capa, en el mismo orden.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="695" />
            <source>The mask '%s' of '%s'</source>
            <translation>La máscara '%s' de '%s'</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="697" />
            <source>'%s' is both an input date and the mask of '%s'. Uncheck it as an input or choose another mask.</source>
            <translation>'%s' es a la vez una fecha de entrada y la máscara de '%s'. Desmarcarla como entrada o elegir otra máscara.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="700" />
            <source>%s is not a valid raster layer.</source>
            <translation>%s no es una capa ráster válida.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="702" />
            <source>%s is not a file-based (GDAL) raster; export it as GeoTIFF first.</source>
            <translation>%s no es un ráster basado en archivo (GDAL); exportarlo primero como GeoTIFF.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="704" />
            <source>%s: its file is gone (%s). Remove the mask layer or point it to the file again.</source>
            <translation>%s: su archivo ya no está (%s). Quitar la capa de máscara o volver a apuntarla al archivo.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="707" />
            <source>%s has %d bands; a mask has one (CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask). Extract its mask band first.</source>
            <translation>%s tiene %d bandas; una máscara tiene una (CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask). Extraer primero su banda de máscara.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="710" />
            <source>%s does not overlap its layer: it would mask the whole date.</source>
            <translation>%s no se superpone a su capa: enmascararía la fecha entera.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="726" />
            <source>wavelengths</source>
            <translation>las longitudes de onda</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="726" />
            <source>band names</source>
            <translation>los nombres de banda</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="727" />
            <source>colour interpretation</source>
            <translation>la interpretación de color</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="746" />
            <source>Bands %s: the engine uses bands %s.</source>
            <translation>Bandas %s: el motor usa las bandas %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="753" />
            <source>e.g. 1,2,3,4 (RGB-only imagery is read as 1,2,3,2 by itself: green in place of NIR), or choose a classical method (CVA or ISFA), which uses any bands</source>
            <translation>p. ej. 1,2,3,4 (las imágenes solo RGB se leen por sí solas como 1,2,3,2: verde en lugar de NIR), o elegir un método clásico (CVA o ISFA), que usa cualquier banda</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="757" />
            <source>%s: the network uses bands %s as red, green, blue, NIR; the %s part also uses band(s) %s.</source>
            <translation>%s: la red usa las bandas %s como rojo, verde, azul, NIR; la parte %s usa además la(s) banda(s) %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="763" />
            <source>%s uses %d bands (red, green, blue, NIR) but Bands lists %d: give %d band numbers, %s.</source>
            <translation>%s usa %d bandas (rojo, verde, azul, NIR), pero Bandas enumera %d: indicar %d números de banda, %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="775" />
            <source> The %s part also uses the layers' other bands.</source>
            <translation> La parte %s usa además las demás bandas de las capas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="777" />
            <source>Bands left empty: the engine uses bands %s.%s</source>
            <translation>Bandas sin indicar: el motor usa las bandas %s.%s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="778" />
            <source>%s as R, G, B, NIR (from the rasters' %s)</source>
            <translation>%s como R, G, B, NIR (según %s de los rásteres)</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="785" />
            <source>Bands left empty: the engine uses bands %s.</source>
            <translation>Bandas sin indicar: el motor usa las bandas %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="795" />
            <source>Bands left empty: bands 1-4 are taken as red, green, blue, NIR (the layers' metadata do not say which band is which); for blue, green, red, NIR imagery enter 3,2,1,4.</source>
            <translation>Bandas sin indicar: las bandas 1-4 se toman como rojo, verde, azul, NIR (los metadatos de las capas no dicen qué banda es cada una); para imágenes azul, verde, rojo, NIR escribir 3,2,1,4.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="799" />
            <source>%s needs %d bands (red, green, blue, NIR) but the layers have %d and their metadata do not say which band is which: pick %d with Bands, %s.</source>
            <translation>%s necesita %d bandas (rojo, verde, azul, NIR), pero las capas tienen %d y sus metadatos no dicen qué banda es cada una: elegir %d en Bandas, %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="846" />
            <source>The weights file was trained with the band mapping %s, which reads band %d; the layers have %d bands, so they are not of its training imagery's kind. Enter in Bands the bands of these layers that are red, green, blue and NIR, or use weights trained on imagery like these.</source>
            <translation>El archivo de pesos se entrenó con la asignación de bandas %s, que lee la banda %d; las capas tienen %d bandas, así que no son del tipo de sus imágenes de entrenamiento. Introducir en Bandas las bandas de estas capas que son rojo, verde, azul y NIR, o usar pesos entrenados con imágenes como estas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="864" />
            <source>The weights file was trained with the band mapping %s (its training read those bands of its images as red, green, blue, NIR), and Bands is empty: if these layers are of its training imagery's kind, enter %s in Bands.</source>
            <translation>El archivo de pesos se entrenó con la asignación de bandas %s (su entrenamiento leyó esas bandas de sus imágenes como rojo, verde, azul, NIR), y Bandas está vacío: si estas capas son del tipo de sus imágenes de entrenamiento, introducir %s en Bandas.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="925" />
            <source>%s does not overlap the other checked layers, which share a place: uncheck it or check the layers of one place.</source>
            <translation>%s no se superpone a las demás capas marcadas, que comparten un lugar: desmarcarla o marcar las capas de un mismo lugar.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="927" />
            <source>%s do not overlap the other checked layers, which share a place: uncheck them or check the layers of one place.</source>
            <translation>%s no se superponen a las demás capas marcadas, que comparten un lugar: desmarcarlas o marcar las capas de un mismo lugar.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="931" />
            <source>%s does not overlap '%s', the first checked layer: uncheck it or check the layers of one place.</source>
            <translation>%s no se superpone a '%s', la primera capa marcada: desmarcarla o marcar las capas de un mismo lugar.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="933" />
            <source>%s do not overlap '%s', the first checked layer: uncheck them or check the layers of one place.</source>
            <translation>%s no se superponen a '%s', la primera capa marcada: desmarcarlas o marcar las capas de un mismo lugar.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="935" />
            <source>The layers do not overlap all at once: each overlaps the first, but there is no area common to all of them. Uncheck the layers that cover another part of the scene.</source>
            <translation>Las capas no se superponen todas a la vez: cada una se superpone a la primera, pero no hay un área común a todas. Desmarcar las capas que cubren otra parte de la escena.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="954" />
            <source>The outputs will cover only %s of '%s', the area every checked layer covers: %s. Uncheck or replace a layer that covers part of the scene to map all of it.</source>
            <translation>Las salidas solo cubrirán %s de '%s', el área que cubren todas las capas marcadas: %s. Desmarcar o sustituir una capa que cubra parte de la escena para cartografiarla entera.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="956" />
            <source>'%s' covers %s of it</source>
            <translation>'%s' cubre %s de ella</translation>
        </message>
        <message>
            <source>%d one-band layers share the date %s (%s)%s: they look like the bands of one date, which would be compared with each other as if they were dates. Stack each date's bands into one layer first (Raster &gt; Miscellaneous &gt; Build Virtual Raster, with 'Place each input file into a separate band'), then check those.</source>
            <translation type="obsolete">%d capas de una banda comparten la fecha %s (%s)%s: parecen las bandas de una sola fecha, que se compararían entre sí como si fueran fechas. Apilar primero las bandas de cada fecha en una sola capa (Ráster &gt; Miscelánea &gt; Construir ráster virtual, con 'Place each input file into a separate band') y después marcar esas.</translation>
        </message>
        <message>
            <source>No date for %s: results will say 'date k' instead of a date.</source>
            <translation type="obsolete">Sin fecha para %s: los resultados dirán 'date k' en lugar de una fecha.</translation>
        </message>
        <message>
            <source>No date for %s: the results will name the images 'image 1', 'image 2', … by their order in this list instead of dates.</source>
            <translation type="obsolete">Sin fecha para %s: los resultados llamarán a las imágenes 'imagen 1', 'imagen 2', … por su orden en esta lista en lugar de fechas.</translation>
        </message>
        <message>
            <source>SChanger compares exactly 2 dates; %d are selected. Use CAIM-Net for a time series.</source>
            <translation type="obsolete">SChanger compara exactamente 2 fechas; hay %d seleccionadas. Usar CAIM-Net para una serie temporal.</translation>
        </message>
    </context>
    <context>
        <name>CaimInspect</name>
        <message>
            <location filename="../inspect_tool.py" line="44" />
            <source>Red</source>
            <translation>Rojo</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="44" />
            <source>Green</source>
            <translation>Verde</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="44" />
            <source>Blue</source>
            <translation>Azul</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="44" />
            <source>NIR</source>
            <translation>NIR</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="46" />
            <source>red</source>
            <translation>rojo</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="46" />
            <source>green</source>
            <translation>verde</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="46" />
            <source>blue</source>
            <translation>azul</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="330" />
            <source>masked: %s; filled from the previous clear date, or the next where no earlier date is clear</source>
            <translation>enmascarado: %s; rellenado con la fecha despejada anterior, o con la siguiente donde ninguna anterior está despejada</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="333" />
            <source>masked: %s; filled from %s</source>
            <translation>enmascarado: %s; rellenado con %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="353" />
            <source>outside the result</source>
            <translation>fuera del resultado</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="359" />
            <source>not known: the change moment file is not found</source>
            <translation>desconocido: no se encuentra el archivo del momento del cambio</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="362" />
            <source>not known: the change moment file cannot be read</source>
            <translation>desconocido: no se puede leer el archivo del momento del cambio</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="366" />
            <source>no data</source>
            <translation>sin datos</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="371" />
            <source>no change</source>
            <translation>sin cambio</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="373" />
            <source>changed between %s</source>
            <translation>cambiado entre %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="375" />
            <source>moment %d</source>
            <translation>momento %d</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="390" />
            <source>no change: the model dated a change between %s, but its changed patch has fewer than the minimum of %s px</source>
            <translation>sin cambio: el modelo dató un cambio entre %s, pero su parche cambiado tiene menos del mínimo de %s px</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="394" />
            <source> (changed patches under %s px were dropped)</source>
            <translation> (se eliminaron los parches cambiados de menos de %s px)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="413" />
            <source>date %d</source>
            <translation>fecha %d</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="416" />
            <source>no data: masked by the cloud mask of %s%s</source>
            <translation>sin datos: enmascarado por la máscara de nubes de %s%s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="417" />
            <source>no data: masked by the cloud masks of %s%s</source>
            <translation>sin datos: enmascarado por las máscaras de nubes de %s%s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="419" />
            <source> (run with 'Fill masked dates' to fill such dates)</source>
            <translation> (ejecutar con 'Rellenar fechas enmascaradas' para rellenar esas fechas)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="424" />
            <source> (co-registered: %s)</source>
            <translation> (corregistrado: %s)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="425" />
            <source>%s read %s of here</source>
            <translation>%s leída %s de aquí</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="433" />
            <source>Band %d (as %s)</source>
            <translation>Banda %d (como %s)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="434" />
            <source>Band %d</source>
            <translation>Banda %d</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="449" />
            <source>reading…</source>
            <translation>leyendo…</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="461" />
            <source>its output folder</source>
            <translation>su carpeta de salida</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="463" />
            <source>The pixel could not be read from the run's files in %s (%s). A file may have been moved, damaged or locked since the run: check the run's files and the input dates, then click again; or run 'Detect changes' again.</source>
            <translation>No se pudo leer el píxel de los archivos de la ejecución en %s (%s). Puede que un archivo se haya movido, dañado o bloqueado desde la ejecución: revisar los archivos de la ejecución y las fechas de entrada, y hacer clic de nuevo; o ejecutar 'Detectar cambios' de nuevo.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="467" />
            <source>not read</source>
            <translation>no leído</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="596" />
            <source>Files of this run that cannot be read: %s. Are they whole, and may you read them? Copy them again from where they came from, or run 'Detect changes' again.</source>
            <translation>Archivos de esta ejecución que no se pueden leer: %s. ¿Están completos y tiene permiso para leerlos? Copiarlos de nuevo desde su origen, o ejecutar 'Detectar cambios' de nuevo.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="603" />
            <source>The run's dates split into QGIS's temporary folder were deleted when QGIS closed: %s. Split the multi-date raster into a folder of your own (Processing Toolbox &gt; CAIM change detection &gt; Split a multi-date raster into dates) and run 'Detect changes' on its dates to see their imagery here.</source>
            <translation>Las fechas de la ejecución divididas en la carpeta temporal de QGIS se borraron al cerrar QGIS: %s. Dividir el ráster multitemporal en una carpeta propia (Caja de herramientas de Procesos &gt; Detección de cambios CAIM &gt; Dividir un ráster multitemporal en fechas) y ejecutar 'Detectar cambios' sobre sus fechas para ver aquí sus imágenes.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="609" />
            <source>Files of this run not found (moved or deleted since the run?): %s. Reopen the project from the folder that holds them, or run 'Detect changes' again.</source>
            <translation>No se encuentran archivos de esta ejecución (¿movidos o borrados desde la ejecución?): %s. Volver a abrir el proyecto desde la carpeta que los contiene, o ejecutar 'Detectar cambios' de nuevo.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="619" />
            <source>No imagery: the run's change moment file is not found.</source>
            <translation>Sin imágenes: no se encuentra el archivo del momento del cambio de la ejecución.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="620" />
            <source>No imagery here: the pixel is outside the run's map.</source>
            <translation>Sin imágenes aquí: el píxel está fuera del mapa de la ejecución.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="785" />
            <source>Reading the band values…</source>
            <translation>Leyendo los valores de banda…</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="786" />
            <source>No band values: the pixel could not be read.</source>
            <translation>Sin valores de banda: no se pudo leer el píxel.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="787" />
            <source>No band values: the run's input files are not found.</source>
            <translation>Sin valores de banda: no se encuentran los archivos de entrada de la ejecución.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="960" />
            <source>CAIM pixel inspector</source>
            <translation>Inspector de píxeles CAIM</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="964" />
            <source>Choose the inspect tool and click a pixel of a CAIM result (or press Enter: the pixel at the centre of the map).</source>
            <translation>Elegir la herramienta de inspección y hacer clic en un píxel de un resultado de CAIM (o pulsar Enter: el píxel del centro del mapa).</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="969" />
            <source>Interval</source>
            <translation>Intervalo</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="969" />
            <source>P(change)</source>
            <translation>P(cambio)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="986" />
            <source>Change probability of each interval</source>
            <translation>Probabilidad de cambio de cada intervalo</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="987" />
            <source>One row per interval of the clicked pixel: its dates and its probability of change</source>
            <translation>Una fila por intervalo del píxel pulsado: sus fechas y su probabilidad de cambio</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="989" />
            <source>Band values over time</source>
            <translation>Valores de banda a lo largo del tiempo</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="992" />
            <source>Hide the map's answer (to label sample points without bias)</source>
            <translation>Ocultar la respuesta del mapa (para etiquetar muestras sin sesgo)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="994" />
            <source>Shows only the dates, cloud masks and band values of the clicked pixel: label an accuracy-assessment sample from the imagery, not from the map.</source>
            <translation>Muestra solo las fechas, las máscaras de nubes y los valores de banda del píxel pulsado: etiquetar una muestra de evaluación de la exactitud a partir de las imágenes, no del mapa.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1011" />
            <source>False colour</source>
            <translation>Falso color</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1013" />
            <source>NIR, red, green as red, green, blue: vegetation shows red. Files without a known NIR band stay in true colour.</source>
            <translation>NIR, rojo, verde como rojo, verde, azul: la vegetación se ve roja. Los archivos sin una banda NIR conocida se quedan en color real.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1023" />
            <source>Click a pixel of a CAIM result</source>
            <translation>Hacer clic en un píxel de un resultado de CAIM</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1024" />
            <source>Image chips of every date around the pixel</source>
            <translation>Recortes de imagen de cada fecha alrededor del píxel</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1086" />
            <source>No imagery: the pixel could not be read (see above).</source>
            <translation>Sin imágenes: no se pudo leer el píxel (ver arriba).</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1089" />
            <source>No imagery: the run's input files are not found.</source>
            <translation>Sin imágenes: no se encuentran los archivos de entrada de la ejecución.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1090" />
            <source>No imagery here: no date covers this pixel.</source>
            <translation>Sin imágenes aquí: ninguna fecha cubre este píxel.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1121" />
            <source>Band values over time (grey column, hollow points: a date hidden by its cloud mask)</source>
            <translation>Valores de banda a lo largo del tiempo (columna gris, puntos huecos: una fecha oculta por su máscara de nubes)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1123" />
            <source>The imagery of every date around the pixel (boxed in yellow)</source>
            <translation>Las imágenes de cada fecha alrededor del píxel (recuadrado en amarillo)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1125" />
            <source>Band values over time (shaded: detected change interval; grey column, hollow points: a date hidden by its cloud mask)</source>
            <translation>Valores de banda a lo largo del tiempo (sombreado: intervalo de cambio detectado; columna gris, puntos huecos: una fecha oculta por su máscara de nubes)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1126" />
            <source>Band values over time (shaded: detected change interval)</source>
            <translation>Valores de banda a lo largo del tiempo (sombreado: intervalo de cambio detectado)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1128" />
            <source>The imagery of every date around the pixel (boxed in yellow; framed: the two dates of the detected change)</source>
            <translation>Las imágenes de cada fecha alrededor del píxel (recuadrado en amarillo; enmarcadas: las dos fechas del cambio detectado)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1187" />
            <source>&lt;b&gt;Map's answer hidden.&lt;/b&gt; Label the pixel from the band values and the imagery.</source>
            <translation>&lt;b&gt;Respuesta del mapa oculta.&lt;/b&gt; Etiquetar el píxel a partir de los valores de banda y de las imágenes.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1188" />
            <source>&lt;br&gt;&lt;b&gt;Cloud-masked:&lt;/b&gt; %s</source>
            <translation>&lt;br&gt;&lt;b&gt;Enmascarado por nubes:&lt;/b&gt; %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1192" />
            <source>&lt;b&gt;Change moment:&lt;/b&gt; %s</source>
            <translation>&lt;b&gt;Momento del cambio:&lt;/b&gt; %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1196" />
            <source>&lt;br&gt;&lt;b&gt;Confidence:&lt;/b&gt; %s</source>
            <translation>&lt;br&gt;&lt;b&gt;Confianza:&lt;/b&gt; %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1199" />
            <source>&lt;br&gt;&lt;b&gt;P(no change):&lt;/b&gt; %s</source>
            <translation>&lt;br&gt;&lt;b&gt;P(sin cambio):&lt;/b&gt; %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1208" />
            <source>n/a</source>
            <translation>n/d</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1226" />
            <source>Run with 'moment probabilities' on to see per-interval probabilities.</source>
            <translation>Ejecutar con 'probabilidades por intervalo' activado para ver las probabilidades de cada intervalo.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1246" />
            <source>No CAIM result in the project: run 'Detect changes' first.</source>
            <translation>No hay ningún resultado de CAIM en el proyecto: ejecutar primero 'Detectar cambios'.</translation>
        </message>
        <message>
            <source> (masked on %s: filled from the previous clear date)</source>
            <translation type="obsolete"> (enmascarado el %s: rellenado con la fecha despejada anterior)</translation>
        </message>
        <message>
            <source> and </source>
            <translation type="obsolete"> y </translation>
        </message>
        <message>
            <source>&lt;br&gt;&lt;b&gt;Cloud mask on:&lt;/b&gt; %s</source>
            <translation type="obsolete">&lt;br&gt;&lt;b&gt;Máscara de nubes el:&lt;/b&gt; %s</translation>
        </message>
        <message>
            <source>masked on %s: filled from %s</source>
            <translation type="obsolete">enmascarado el %s: rellenado con %s</translation>
        </message>
        <message>
            <source>masked on %s: filled from the previous clear date, or the next where no earlier date is clear</source>
            <translation type="obsolete">enmascarado el %s: rellenado con la fecha despejada anterior, o con la siguiente donde ninguna anterior está despejada</translation>
        </message>
        <message>
            <source>no data: masked by the cloud mask on %s%s</source>
            <translation type="obsolete">sin datos: enmascarado por la máscara de nubes el %s%s</translation>
        </message>
    </context>
    <context>
        <name>CaimLabelling</name>
        <message>
            <location filename="../chip_view.py" line="34" />
            <source>Reading the imagery…</source>
            <translation>Leyendo las imágenes…</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="69" />
            <source>No point shown.</source>
            <translation>No se muestra ningún punto.</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="191" />
            <source> (masked)</source>
            <translation> (enmascarada)</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="200" />
            <source>not readable</source>
            <translation>no legible</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="584" />
            <source>The imagery was not read: the project was closed.</source>
            <translation>No se leyeron las imágenes: se cerró el proyecto.</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="602" />
            <source>The imagery could not be read: %s</source>
            <translation>No se pudieron leer las imágenes: %s</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="626" />
            <source>Chips: band %d in grey</source>
            <translation>Recortes: banda %d en gris</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="628" />
            <source>Chips: bands %s as red, green, blue</source>
            <translation>Recortes: bandas %s como rojo, verde, azul</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="630" />
            <source> (other bands for some dates)</source>
            <translation> (otras bandas en algunas fechas)</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="632" />
            <source>; no NIR band is known for these files, so true colour</source>
            <translation>; no se conoce ninguna banda NIR de estos archivos, así que en color real</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="647" />
            <source>date %d</source>
            <translation>fecha %d</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="648" />
            <source>Co-registered: %s, where the run read it.</source>
            <translation>Corregistrado: %s, donde la ejecución leyó esa fecha.</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="648" />
            <source>Co-registered: %s, where the run read them.</source>
            <translation>Corregistrado: %s, donde la ejecución leyó esas fechas.</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="650" />
            <source>the chip of %s is cut %s of the pixel</source>
            <translation>el recorte de %s se toma %s del píxel</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="171" />
            <source>the file could not be written</source>
            <translation>no se ha podido escribir el archivo</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="177" />
            <source>the written file cannot be opened</source>
            <translation>no se puede abrir el archivo escrito</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="221" />
            <source>no change</source>
            <translation>sin cambio</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="221" />
            <source>unchanged</source>
            <translation>sin cambio</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="221" />
            <source>changed</source>
            <translation>cambiado</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="222" />
            <source>changed, interval unknown</source>
            <translation>cambiado, intervalo desconocido</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="352" />
            <source>CAIM sample labelling</source>
            <translation>Etiquetado de muestras CAIM</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="375" />
            <source>A point layer with a 'reference' field, e.g. drawn by 'Draw an accuracy-assessment sample'</source>
            <translation>Una capa de puntos con un campo 'reference', p. ej. extraída con 'Extraer una muestra para evaluar la exactitud'</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="379" />
            <source>The CAIM run whose input dates are shown (its change moment layer)</source>
            <translation>La ejecución de CAIM cuyas fechas de entrada se muestran (su capa de momento del cambio)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="383" />
            <source>True colour</source>
            <translation>Color real</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="383" />
            <source>False colour</source>
            <translation>Falso color</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="384" />
            <source>True colour (red, green, blue)</source>
            <translation>Color real (rojo, verde, azul)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="384" />
            <source>False colour (NIR, red, green)</source>
            <translation>Falso color (NIR, rojo, verde)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="386" />
            <source>False colour shows vegetation red; an input without a known NIR band is shown in true colour</source>
            <translation>El falso color muestra la vegetación en rojo; una entrada sin banda NIR conocida se muestra en color real</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="390" />
            <source>%d x %d pixels</source>
            <translation>%d x %d píxeles</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="400" />
            <source>Sample layer to label</source>
            <translation>Capa de muestra por etiquetar</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="401" />
            <source>CAIM run whose imagery is shown</source>
            <translation>Ejecución de CAIM cuyas imágenes se muestran</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="402" />
            <source>Chip colours</source>
            <translation>Colores de los recortes</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="403" />
            <source>Chip size</source>
            <translation>Tamaño de los recortes</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="404" />
            <source>Sample</source>
            <translation>Muestra</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="404" />
            <source>Imagery of</source>
            <translation>Imágenes de</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="405" />
            <source>Show</source>
            <translation>Mostrar</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="421" />
            <source>&lt;span style='color:%s'&gt;&lt;b&gt;This sample is a temporary file&lt;/b&gt;: QGIS deletes it, with your labels, when it closes. Save a copy and label that.&lt;/span&gt;</source>
            <translation>&lt;span style='color:%s'&gt;&lt;b&gt;Esta muestra es un archivo temporal&lt;/b&gt;: QGIS la borra, con sus etiquetas, al cerrarse. Guarde una copia y etiquete esa.&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="425" />
            <source>Save a copy...</source>
            <translation>Guardar una copia...</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="426" />
            <source>Writes the sample (labels included) to a GeoPackage and labels that file</source>
            <translation>Escribe la muestra (con las etiquetas) en un GeoPackage y etiqueta ese archivo</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="436" />
            <source>&lt; Previous</source>
            <translation>&lt; Anterior</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="437" />
            <source>Next &gt;</source>
            <translation>Siguiente &gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="438" />
            <source>Next unlabelled &gt;&gt;</source>
            <translation>Siguiente pendiente &gt;&gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="439" />
            <source>Previous point (Page Up)</source>
            <translation>Punto anterior (Page Up)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="439" />
            <source>Next point (Page Down)</source>
            <translation>Punto siguiente (Page Down)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="440" />
            <source>The next point without a label (N)</source>
            <translation>El siguiente punto sin etiqueta (N)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="443" />
            <source>Previous point</source>
            <translation>Punto anterior</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="444" />
            <source>Next point</source>
            <translation>Punto siguiente</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="445" />
            <source>Next unlabelled point</source>
            <translation>Siguiente punto sin etiquetar</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="449" />
            <source>Image chips of every date around the point</source>
            <translation>Recortes de imagen de cada fecha alrededor del punto</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="461" />
            <source>&lt;b&gt;Reference class&lt;/b&gt; of the boxed pixel (keys 0-9 for the first ten):</source>
            <translation>&lt;b&gt;Clase de referencia&lt;/b&gt; del píxel recuadrado (teclas 0-9 para las diez primeras):</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="468" />
            <source>Can't tell (leave unlabelled)</source>
            <translation>No se sabe (dejar sin etiquetar)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="469" />
            <source>Clears the label: the point stays out of the estimate (Delete)</source>
            <translation>Borra la etiqueta: el punto queda fuera de la estimación (Delete)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="472" />
            <source>note (optional)</source>
            <translation>nota (opcional)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="473" />
            <source>Note on this point</source>
            <translation>Nota sobre este punto</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="473" />
            <source>Optional; written to the point's note field</source>
            <translation>Opcional; se escribe en el campo de nota del punto</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="480" />
            <source>Band values over time</source>
            <translation>Valores de banda a lo largo del tiempo</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="482" />
            <source>Once labelled, go to the next unlabelled point</source>
            <translation>Después, ir al siguiente sin etiquetar</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="484" />
            <source>Zoom the map to each point</source>
            <translation>Hacer zum del mapa a cada punto</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="486" />
            <source>Hide CAIM results on the map while labelling</source>
            <translation>Ocultar los resultados de CAIM al etiquetar</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="488" />
            <source>Label from the imagery, not from the map's answer; shown again when unticked or when this panel closes</source>
            <translation>Etiquetar a partir de las imágenes, no de la respuesta del mapa; se vuelven a mostrar al desmarcar la casilla o al cerrar este panel</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="492" />
            <source>Estimate area and accuracy...</source>
            <translation>Estimar el área y la exactitud...</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="493" />
            <source>Opens 'Estimate change area and accuracy from a labelled sample' with this sample and the map it was drawn from</source>
            <translation>Abre 'Estimar el área de cambio y la exactitud a partir de una muestra etiquetada' con esta muestra y el mapa del que se extrajo</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="703" />
            <source>Save the sample</source>
            <translation>Guardar la muestra</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="704" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="711" />
            <source>'%s' exists: choose a new file name (a sample is never written over a file).</source>
            <translation>'%s' ya existe: elegir un nuevo nombre de archivo (una muestra nunca se escribe sobre un archivo).</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="717" />
            <source>The sample could not be saved to '%s': %s</source>
            <translation>No se ha podido guardar la muestra en '%s': %s</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="760" />
            <source>The pixel changed, but when cannot be told: -1, counted when the estimate is of changed / unchanged only</source>
            <translation>El píxel cambió, pero no se sabe cuándo: -1, se cuenta cuando la estimación es solo de cambiado / sin cambio</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="764" />
            <source>Class %d: %s</source>
            <translation>Clase %d: %s</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="765" />
            <source>Labels the point with this class</source>
            <translation>Etiqueta el punto con esta clase</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="765" />
            <source>Key %d</source>
            <translation>Tecla %d</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="767" />
            <source>Key C</source>
            <translation>Tecla C</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="857" />
            <source>The sample layer '%s' cannot be written (a read-only file or format?). Save it as a GeoPackage (right-click &gt; Export &gt; Save Features As...) and label that copy.</source>
            <translation>No se puede escribir la capa de muestra '%s' (¿un archivo o un formato de solo lectura?). Guardarla como GeoPackage (clic derecho &gt; Exportar &gt; Guardar objetos como...) y etiquetar esa copia.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="892" />
            <source>The file of the sample layer '%s' is not there any more (%s): it was moved, renamed or deleted. Put it back, or add the sample from where it is now (Layer &gt; Add Layer) and label that layer.</source>
            <translation>El archivo de la capa de muestra '%s' ya no está (%s): se movió, renombró o borró. Vuelva a ponerlo, o añada la muestra desde donde está ahora (Capa &gt; Añadir capa) y etiquete esa capa.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="912" />
            <source>&lt;br&gt;&lt;b&gt;Every point is labelled.&lt;/b&gt;</source>
            <translation>&lt;br&gt;&lt;b&gt;Todos los puntos están etiquetados.&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="939" />
            <source>No sample to label: draw one with &lt;i&gt;Draw an accuracy-assessment sample&lt;/i&gt; (a point layer with a 'reference' field).</source>
            <translation>No hay muestra que etiquetar: extraer una con &lt;i&gt;Extraer una muestra para evaluar la exactitud&lt;/i&gt; (una capa de puntos con un campo 'reference').</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="941" />
            <source>No sample.</source>
            <translation>Sin muestra.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="947" />
            <source>The sample layer '%s' has no points.</source>
            <translation>La capa de muestra '%s' no tiene puntos.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="948" />
            <source>No points.</source>
            <translation>Sin puntos.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="964" />
            <source>(not a class of the map)</source>
            <translation>(no es una clase del mapa)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="965" />
            <source>&lt;i&gt;not labelled&lt;/i&gt;</source>
            <translation>&lt;i&gt;sin etiquetar&lt;/i&gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="966" />
            <source>Point %s of %s (id %s): %s&lt;br&gt;%s labelled, %s to go</source>
            <translation>Punto %s de %s (id %s): %s&lt;br&gt;%s etiquetados, %s pendientes</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="974" />
            <source>This point has no geometry.</source>
            <translation>Este punto no tiene geometría.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="979" />
            <source>No CAIM run in the project to show the imagery of: load the run's change moment layer (run 'Detect changes' in this project).</source>
            <translation>No hay ninguna ejecución de CAIM en el proyecto cuyas imágenes mostrar: cargar la capa de momento del cambio de la ejecución (ejecutar 'Detectar cambios' en este proyecto).</translation>
        </message>
    </context>
    <context>
        <name>CaimLayers</name>
        <message>
            <location filename="../layers.py" line="44" />
            <source>Change area</source>
            <translation>Área de cambio</translation>
        </message>
        <message>
            <location filename="../layers.py" line="45" />
            <source>Change moment</source>
            <translation>Momento del cambio</translation>
        </message>
        <message>
            <location filename="../layers.py" line="46" />
            <source>Confidence</source>
            <translation>Confianza</translation>
        </message>
        <message>
            <location filename="../layers.py" line="47" />
            <source>Moment probabilities</source>
            <translation>Probabilidades del momento del cambio</translation>
        </message>
        <message>
            <location filename="../layers.py" line="68" />
            <source>image %d</source>
            <translation>imagen %d</translation>
        </message>
        <message>
            <location filename="../layers.py" line="69" />
            <source>%s and %s</source>
            <translation>%s y %s</translation>
        </message>
        <message>
            <location filename="../layers.py" line="69" />
            <source>%s to %s</source>
            <translation>%s a %s</translation>
        </message>
        <message>
            <location filename="../layers.py" line="71" />
            <source>%s (interval %d)</source>
            <translation>%s (intervalo %d)</translation>
        </message>
        <message>
            <location filename="../layers.py" line="103" />
            <source>Unchanged</source>
            <translation>Sin cambio</translation>
        </message>
        <message>
            <location filename="../layers.py" line="104" />
            <source>Changed</source>
            <translation>Cambiado</translation>
        </message>
        <message>
            <location filename="../layers.py" line="111" />
            <source>No change</source>
            <translation>Sin cambio</translation>
        </message>
        <message>
            <location filename="../layers.py" line="256" />
            <source>Change moment: 0 no change, k a last change between date k and date k+1, 255 no data.</source>
            <translation>Momento del cambio: 0 sin cambio, k último cambio entre la fecha k y la fecha k+1, 255 sin datos.</translation>
        </message>
        <message>
            <location filename="../layers.py" line="260" />
            <source>Change area: 1 changed, 0 unchanged, 255 no data.</source>
            <translation>Área de cambio: 1 cambiado, 0 sin cambio, 255 sin datos.</translation>
        </message>
        <message>
            <location filename="../layers.py" line="262" />
            <source>Confidence: the probability of the predicted class, 0 to 1; -1 no data.</source>
            <translation>Confianza: la probabilidad de la clase predicha, de 0 a 1; -1 sin datos.</translation>
        </message>
        <message>
            <location filename="../layers.py" line="376" />
            <source>, co-registered: %d date moved</source>
            <translation>, corregistrado: %d fecha movida</translation>
        </message>
        <message>
            <location filename="../layers.py" line="376" />
            <source>, co-registered: %d dates moved</source>
            <translation>, corregistrado: %d fechas movidas</translation>
        </message>
        <message>
            <location filename="../layers.py" line="384" />
            <source>%d dates</source>
            <translation>%d fechas</translation>
        </message>
        <message>
            <location filename="../layers.py" line="386" />
            <source>, minimum-error threshold</source>
            <translation>, umbral de error mínimo</translation>
        </message>
        <message>
            <location filename="../layers.py" line="388" />
            <source>, sensitivity %s</source>
            <translation>, sensibilidad %s</translation>
        </message>
        <message>
            <location filename="../layers.py" line="390" />
            <source>, patches &gt;= %s px</source>
            <translation>, parches &gt;= %s px</translation>
        </message>
        <message>
            <location filename="../layers.py" line="392" />
            <source>, gaps filled</source>
            <translation>, huecos rellenados</translation>
        </message>
        <message>
            <location filename="../layers.py" line="396" />
            <source>CAIM changes %s to %s (%s)</source>
            <translation>Cambios CAIM %s a %s (%s)</translation>
        </message>
        <message>
            <location filename="../layers.py" line="397" />
            <source>CAIM changes (%s)</source>
            <translation>Cambios CAIM (%s)</translation>
        </message>
        <message>
            <location filename="../layers.py" line="468" />
            <source>Change polygons</source>
            <translation>Polígonos de cambio</translation>
        </message>
        <message>
            <source>, co-registered: no date moved</source>
            <translation type="obsolete">, corregistrado: ninguna fecha movida</translation>
        </message>
    </context>
    <context>
        <name>CaimModels</name>
        <message>
            <location filename="../models.py" line="31" />
            <source>Classical CVA</source>
            <translation>CVA clásico</translation>
        </message>
        <message>
            <location filename="../models.py" line="32" />
            <source>Classical ISFA</source>
            <translation>ISFA clásico</translation>
        </message>
        <message>
            <location filename="../models.py" line="34" />
            <source>CAIM-Net (any number of dates)</source>
            <translation>CAIM-Net (cualquier número de fechas)</translation>
        </message>
        <message>
            <location filename="../models.py" line="35" />
            <source>SChanger (exactly 2 dates)</source>
            <translation>SChanger (exactamente 2 fechas)</translation>
        </message>
        <message>
            <location filename="../models.py" line="36" />
            <source>Classical CVA + Otsu (no weights, fast, any bands)</source>
            <translation>CVA clásico + Otsu (sin pesos, rápido, cualquier banda)</translation>
        </message>
        <message>
            <location filename="../models.py" line="37" />
            <source>CAIM-Net + CVA fusion (any number of dates; CAIM-Net weights)</source>
            <translation>Fusión CAIM-Net + CVA (cualquier número de fechas; pesos de CAIM-Net)</translation>
        </message>
        <message>
            <location filename="../models.py" line="38" />
            <source>Classical ISFA (iterative slow feature analysis: no weights, any bands)</source>
            <translation>ISFA clásico (análisis iterativo de rasgos lentos: sin pesos, cualquier banda)</translation>
        </message>
        <message>
            <location filename="../models.py" line="39" />
            <source>CAIM-Net + ISFA fusion (any number of dates; CAIM-Net weights)</source>
            <translation>Fusión CAIM-Net + ISFA (cualquier número de fechas; pesos de CAIM-Net)</translation>
        </message>
        <message>
            <location filename="../models.py" line="105" />
            <source>Automatic (the engine's recommended model for the number of dates)</source>
            <translation>Automático (el modelo recomendado por el motor para el número de fechas)</translation>
        </message>
        <message>
            <location filename="../models.py" line="107" />
            <source>Automatic (%s)</source>
            <translation>Automático (%s)</translation>
        </message>
        <message>
            <location filename="../models.py" line="109" />
            <source>Automatic (%s; %s for 2 dates without a Weights file)</source>
            <translation>Automático (%s; %s con 2 fechas sin archivo de pesos)</translation>
        </message>
        <message>
            <location filename="../models.py" line="110" />
            <source>Automatic (%s; %s for exactly 2 dates)</source>
            <translation>Automático (%s; %s si hay 2 fechas)</translation>
        </message>
        <message>
            <location filename="../models.py" line="119" />
            <source>the recommended model for the number of dates</source>
            <translation>el modelo recomendado para el número de fechas</translation>
        </message>
        <message>
            <location filename="../models.py" line="123" />
            <source>%s, or %s for 2 dates without a Weights file</source>
            <translation>%s; %s con 2 fechas sin archivo de pesos</translation>
        </message>
        <message>
            <location filename="../models.py" line="125" />
            <source>%s, or %s for exactly 2 dates</source>
            <translation>%s; %s con exactamente 2 fechas</translation>
        </message>
        <message>
            <location filename="../models.py" line="128" />
            <source>; %s on layers whose bands the networks cannot read (no blue or green band, one or two bands, by their metadata or as Bands lists them)</source>
            <translation>; %s en capas cuyas bandas las redes no pueden leer (sin banda azul o verde, una o dos bandas, según sus metadatos o como las indica Bandas)</translation>
        </message>
        <message>
            <location filename="../models.py" line="142" />
            <source>%s (automatic choice: the networks cannot read these layers' bands)</source>
            <translation>%s (elección automática: las redes no pueden leer las bandas de estas capas)</translation>
        </message>
        <message>
            <location filename="../models.py" line="143" />
            <source>%s (automatic choice for %d dates)</source>
            <translation>%s (elección automática para %d fechas)</translation>
        </message>
        <message>
            <source>; %s on layers whose bands the networks cannot read (no blue or green band, one or two bands; Bands empty)</source>
            <translation type="obsolete">; %s en capas cuyas bandas las redes no pueden leer (sin banda azul o verde, una o dos bandas; Bandas vacío)</translation>
        </message>
    </context>
    <context>
        <name>CaimPlugin</name>
        <message>
            <location filename="../plugin.py" line="17" />
            <source>&amp;CAIM change detection</source>
            <translation>&amp;Detección de cambios CAIM</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="94" />
            <source>CAIM change detection</source>
            <translation>Detección de cambios CAIM</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="97" />
            <source>Detect changes in a time series…</source>
            <translation>Detectar cambios en una serie temporal…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="100" />
            <source>CAIM: find where and when the land changed in an ordered series of rasters</source>
            <translation>CAIM: encontrar dónde y cuándo cambió la superficie terrestre en una serie ordenada de rásteres</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="103" />
            <source>Inspect change pixel</source>
            <translation>Inspeccionar píxel de cambio</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="107" />
            <source>CAIM: click a pixel to see its change moment, per-interval probabilities and band values over time</source>
            <translation>CAIM: hacer clic en un píxel para ver su momento del cambio, las probabilidades por intervalo y los valores de banda a lo largo del tiempo</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="111" />
            <source>Split a multi-date raster into dates…</source>
            <translation>Dividir un ráster multitemporal en fechas…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="113" />
            <source>CAIM: one layer per date of a raster that holds every date as bands, e.g. an Earth Engine export (caim:splitdates)</source>
            <translation>CAIM: una capa por fecha de un ráster que contiene todas las fechas como bandas, p. ej. una exportación de Earth Engine (caim:splitdates)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="116" />
            <source>Stack band files into dates…</source>
            <translation>Apilar archivos de banda en fechas…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="118" />
            <source>CAIM: one layer per date of imagery stored as one file per band (Landsat, Sentinel-2, HLS, CBERS), with its cloud mask (caim:stackbands)</source>
            <translation>CAIM: una capa por fecha de imágenes guardadas como un archivo por banda (Landsat, Sentinel-2, HLS, CBERS), con su máscara de nubes (caim:stackbands)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="121" />
            <source>Draw an accuracy-assessment sample…</source>
            <translation>Extraer una muestra para evaluar la exactitud…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="123" />
            <source>CAIM: a stratified random sample of a change map's pixels to label (caim:samplechangemap)</source>
            <translation>CAIM: una muestra aleatoria estratificada de los píxeles de un mapa de cambios para etiquetar (caim:samplechangemap)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="126" />
            <source>Estimate change area and accuracy…</source>
            <translation>Estimar el área de cambio y la exactitud…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="128" />
            <source>CAIM: area of each class and the map's accuracies, with confidence intervals, from the labelled sample (caim:assessaccuracy)</source>
            <translation>CAIM: área de cada clase y exactitudes del mapa, con intervalos de confianza, a partir de la muestra etiquetada (caim:assessaccuracy)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="131" />
            <source>Compare with a reference map…</source>
            <translation>Comparar con un mapa de referencia…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="133" />
            <source>CAIM: confusion matrix, kappa and F1 of a change map against a wall-to-wall reference raster (caim:comparewithreference)</source>
            <translation>CAIM: matriz de confusión, kappa y F1 de un mapa de cambios frente a un ráster de referencia completo (caim:comparewithreference)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="136" />
            <source>Change per zone (field, parcel, district)…</source>
            <translation>Cambio por zona (campo, parcela, distrito)…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="138" />
            <source>CAIM: changed hectares per interval in each polygon of a layer, from a run's change moment map (caim:changebyzones)</source>
            <translation>CAIM: hectáreas cambiadas por intervalo en cada polígono de una capa, a partir del mapa de momento del cambio de una ejecución (caim:changebyzones)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="141" />
            <source>Label the sample points…</source>
            <translation>Etiquetar los puntos de la muestra…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="143" />
            <source>CAIM: step through a sample's points and label each from chips of every date, without seeing the map's answer</source>
            <translation>CAIM: recorrer los puntos de una muestra y etiquetar cada uno a partir de recortes de cada fecha, sin ver la respuesta del mapa</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="147" />
            <source>PyTorch status and installation…</source>
            <translation>Estado e instalación de PyTorch…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="208" />
            <source>PyTorch is installed; the plugin is ready.</source>
            <translation>PyTorch está instalado; el complemento está listo.</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="210" />
            <source>CAIM change detection: PyTorch missing</source>
            <translation>Detección de cambios CAIM: falta PyTorch</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="311" />
            <source>The Processing plugin is not enabled: enable it (Plugins &gt; Manage and Install Plugins &gt; Installed &gt; Processing) to run %s.</source>
            <translation>El complemento Processing no está activado: activarlo (Complementos &gt; Administrar e instalar complementos &gt; Instalado &gt; Processing) para ejecutar %s.</translation>
        </message>
        <message>
            <source>CAIM: one layer per date of imagery stored as one file per band (Landsat, Sentinel-2, CBERS), with its cloud mask (caim:stackbands)</source>
            <translation type="obsolete">CAIM: una capa por fecha de imágenes guardadas como un archivo por banda (Landsat, Sentinel-2, CBERS), con su máscara de nubes (caim:stackbands)</translation>
        </message>
    </context>
    <context>
        <name>CaimProvider</name>
        <message>
            <location filename="../provider.py" line="26" />
            <source>CAIM change detection</source>
            <translation>Detección de cambios CAIM</translation>
        </message>
        <message>
            <location filename="../provider.py" line="29" />
            <source>CAIM change detection (time-series change area and moment)</source>
            <translation>Detección de cambios CAIM (área de cambio y momento del cambio en series temporales)</translation>
        </message>
    </context>
    <context>
        <name>CaimSplit</name>
        <message>
            <location filename="../split_algorithm.py" line="62" />
            <source>The VRTs are in QGIS's temporary folder, which is deleted when QGIS closes: to keep the date layers in a saved project, run this again with a folder of your own.</source>
            <translation>Los VRT están en la carpeta temporal de QGIS, que se borra al cerrar QGIS: para conservar las capas de las fechas en un proyecto guardado, ejecutar esto de nuevo con una carpeta propia.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="88" />
            <source>Split a multi-date raster into dates</source>
            <translation>Dividir un ráster multitemporal en fechas</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="97" />
            <source>Splits a raster that holds a whole time series as bands (a Google Earth Engine toBands() export, a gdal_merge.py -separate stack, a data-cube export) into one small virtual raster (VRT) per date, and adds them to the project as layers named by date. Each VRT reads its bands from the raster, so nothing is copied; keep the raster where it is. Then select the date layers, in date order, in &lt;i&gt;Detect changes in a time series&lt;/i&gt;.

&lt;b&gt;Bands per date&lt;/b&gt;: all bands of one date, masks and QA bands included (e.g. 5 for B, G, R, NIR and a QA band). 0 (the default): as many dates as the band names carry, as Earth Engine's do (20200105T103421_..._B4).
&lt;b&gt;Band order&lt;/b&gt;: date by date (date 1's bands, then date 2's: Earth Engine's order) or band by band (every date's band 1, then every date's band 2). Automatic: as the band names' dates say, else date by date.
&lt;b&gt;Dates&lt;/b&gt; (optional): one per date, comma-separated, e.g. 2019-06-01,2020-06-01; otherwise the band names' dates. The VRT names carry the dates, so the change detection reads them.</source>
            <translation>Divide un ráster que contiene una serie temporal completa como bandas (una exportación toBands() de Google Earth Engine, una pila de gdal_merge.py -separate, una exportación de un cubo de datos) en un pequeño ráster virtual (VRT) por fecha, y los añade al proyecto como capas con el nombre de su fecha. Cada VRT lee sus bandas del ráster, así que no se copia nada; dejar el ráster donde está. Después, seleccionar las capas de las fechas, en orden de fecha, en &lt;i&gt;Detectar cambios en una serie temporal&lt;/i&gt;.

&lt;b&gt;Bandas por fecha&lt;/b&gt;: todas las bandas de una fecha, incluidas las máscaras y las bandas QA (p. ej. 5 para B, G, R, NIR y una banda QA). 0 (por defecto): tantas fechas como llevan los nombres de las bandas, como los de Earth Engine (20200105T103421_..._B4).
&lt;b&gt;Orden de las bandas&lt;/b&gt;: fecha por fecha (las bandas de la fecha 1, luego las de la fecha 2: el orden de Earth Engine) o banda por banda (la banda 1 de cada fecha, luego la banda 2 de cada fecha). Automático: según digan las fechas de los nombres de las bandas; si no, fecha por fecha.
&lt;b&gt;Fechas&lt;/b&gt; (opcional): una por fecha, separadas por comas, p. ej. 2019-06-01,2020-06-01; si no, las fechas de los nombres de las bandas. Los nombres de los VRT llevan las fechas, así que la detección de cambios las lee.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="122" />
            <source>Multi-date raster</source>
            <translation>Ráster multitemporal</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="125" />
            <source>Bands per date (0: from the band names)</source>
            <translation>Bandas por fecha (0: de los nombres de banda)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="127" />
            <source>All bands of one date, QA bands included; 0: as many dates as the band names carry.</source>
            <translation>Todas las bandas de una fecha, bandas QA incluidas; 0: tantas fechas como indiquen los nombres de las bandas.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="129" />
            <source>Band order</source>
            <translation>Orden de las bandas</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="130" />
            <source>Automatic (band names, else date by date)</source>
            <translation>Automático (nombres de banda; si no, por fecha)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="131" />
            <source>Date by date (date 1's bands, then date 2's)</source>
            <translation>Fecha por fecha (bandas de la fecha 1, luego 2)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="132" />
            <source>Band by band (band 1 of every date, then 2)</source>
            <translation>Banda por banda (banda 1 de cada fecha, luego 2)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="133" />
            <source>0 (the default): from the band names, else date by date; 1: date by date; 2: band by band.</source>
            <translation>0 (predeterminado): según los nombres de las bandas, si no fecha por fecha; 1: fecha por fecha; 2: banda por banda.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="135" />
            <source>Dates, comma-separated</source>
            <translation>Fechas, separadas por comas</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="136" />
            <source>One per date, e.g. 2019-06-01,2020-06-01; empty: the dates in the band names.</source>
            <translation>Una por fecha, p. ej. 2019-06-01,2020-06-01; vacío: las fechas de los nombres de las bandas.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="138" />
            <source>Replace VRTs of the same names in the folder</source>
            <translation>Sustituir los VRT homónimos de la carpeta</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="141" />
            <source>Folder for the date rasters (VRT)</source>
            <translation>Carpeta para los rásteres de las fechas (VRT)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="142" />
            <source>Date rasters</source>
            <translation>Rásteres de las fechas</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="143" />
            <source>Dates (comma-separated)</source>
            <translation>Fechas (separadas por comas)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="154" />
            <source>Choose the multi-date raster (a raster layer).</source>
            <translation>Elegir el ráster multitemporal (una capa ráster).</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="156" />
            <source>'%s' is not a file-based (GDAL) raster; export it as GeoTIFF first.</source>
            <translation>'%s' no es un ráster basado en archivo (GDAL); exportarlo primero como GeoTIFF.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="188" />
            <source>The band names carry no dates for some dates: give the dates (DATES) here, or in the change detection's Dates.</source>
            <translation>Los nombres de las bandas no llevan fecha para algunas fechas: indicar las fechas (DATES) aquí, o en Fechas de la detección de cambios.</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="60" />
            <source>'%s': it holds other files</source>
            <translation>'%s': contiene otros archivos</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="62" />
            <source>'%s': it is a file, not a folder</source>
            <translation>'%s': es un archivo, no una carpeta</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="65" />
            <source> (not in %s)</source>
            <translation> (no en %s)</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="100" />
            <source>'%s' is in a folder you cannot write to: its dates' VRTs are in QGIS's temporary folder, which is deleted when QGIS closes.</source>
            <translation>'%s' está en una carpeta en la que no se puede escribir: los VRT de sus fechas están en la carpeta temporal de QGIS, que se borra al cerrar QGIS.</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="103" />
            <source>'%s' is not a file in a folder (it is inside an archive, or at a web address): its dates' VRTs are in QGIS's temporary folder, which is deleted when QGIS closes.</source>
            <translation>'%s' no es un archivo en una carpeta (está dentro de un archivo comprimido o en una dirección web): los VRT de sus fechas están en la carpeta temporal de QGIS, que se borra al cerrar QGIS.</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="105" />
            <source>A project saved with them opens without these date layers, and the pixel inspector without their imagery; to keep them, split it into a folder of your own (Processing Toolbox &gt; CAIM change detection &gt; Split a multi-date raster into dates) and run on its dates.</source>
            <translation>Un proyecto guardado con ellos se abre sin estas capas de fechas, y el inspector de píxeles sin sus imágenes; para conservarlas, dividirlo en una carpeta propia (Caja de herramientas de Procesos &gt; Detección de cambios CAIM &gt; Dividir un ráster multitemporal en fechas) y ejecutar sobre sus fechas.</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="119" />
            <source>date not known</source>
            <translation>fecha desconocida</translation>
        </message>
        <message>
            <source>Automatic (from the band names, else date by date)</source>
            <translation type="obsolete">Automático (según los nombres de las bandas; si no, fecha por fecha)</translation>
        </message>
        <message>
            <source>Band by band (every date's band 1, then every date's band 2)</source>
            <translation type="obsolete">Banda por banda (banda 1 de cada fecha, luego banda 2)</translation>
        </message>
        <message>
            <source>Bands per date (0: from the dates in the band names)</source>
            <translation type="obsolete">Bandas por fecha (0: según las fechas de sus nombres)</translation>
        </message>
        <message>
            <source>Dates, comma-separated (empty: from the band names)</source>
            <translation type="obsolete">Fechas, separadas por comas (vacío: nombres de banda)</translation>
        </message>
    </context>
    <context>
        <name>CaimStackBands</name>
        <message>
            <location filename="../stackbands_algorithm.py" line="61" />
            <source>Bands, comma-separated</source>
            <translation>Bandas, separadas por comas</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="62" />
            <source>Replace VRTs of the same names in the folder</source>
            <translation>Sustituir los VRT homónimos de la carpeta</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="63" />
            <source>the parameter '%s', BANDS</source>
            <translation>el parámetro de bandas '%s', BANDS</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="64" />
            <source>the advanced parameter '%s', OVERWRITE</source>
            <translation>el parámetro avanzado '%s', OVERWRITE</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="70" />
            <source>Bands of Raster &gt; CAIM change detection &gt; Stack band files into dates…</source>
            <translation>Bandas en Ráster &gt; Detección de cambios CAIM &gt; Apilar archivos de banda en fechas…</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="71" />
            <source>%s; in the list, a date is left out by unchecking its band files</source>
            <translation>%s; en la lista, una fecha se deja fuera desmarcando sus archivos de banda</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="85" />
            <source>%s (stacked dates %s)</source>
            <translation>%s (fechas apiladas %s)</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="87" />
            <source>%s (stacked dates)</source>
            <translation>%s (fechas apiladas)</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="147" />
            <source>Stack band files into dates</source>
            <translation>Apilar archivos de banda en fechas</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="155" />
            <source>Stacks imagery stored as one file per band into one virtual raster (VRT) per date, for the change detection: Landsat 4-9 Collection 2 Level-1 and Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C and L2A (.SAFE folders, their .zip, or a folder per scene of B04.tif or red.tif; SCL), NASA's HLS v2.0 L30 and S30 granules (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; L30 and S30 dates of one tile are one series, matched by band role: S30's NIR is B8A), CBERS-4 AWFI and MUX cubes (B13-B16, CMASK), and any files named with a date and a band such as B4. Each date's VRT holds its bands in the sensor's order, named by role so that the change detection finds red, green, blue and NIR by itself, with the product's nodata and its scale and offset (reflectance), so that dates of different processing compare. Each date's cloud mask is written as masks/&amp;lt;date&amp;gt;_&amp;lt;mask&amp;gt;.vrt with its clear values and loaded unchecked: &lt;i&gt;Match masks by date&lt;/i&gt; in the change detection pairs them and fills in the clear values (one set for every mask: masks of different kinds are said in the summary). Nothing is copied: keep the band files where they are.

&lt;b&gt;Band files&lt;/b&gt; and/or &lt;b&gt;Folder&lt;/b&gt; (searched with its subfolders).
&lt;b&gt;Bands&lt;/b&gt; (optional): the bands to stack, in that order, by name (B04, SR_B4, B13) or role (red, green, blue, nir, swir1, swir2); empty: the sensor's surface bands.

&lt;b&gt;In a graphical model&lt;/b&gt;: connect the outputs Date rasters (LAYERS) to the change detection's INPUT, Cloud masks (MASKS) to its MASKS, and MASKED_DATES and MASK_CLEAR to its parameters of the same names: the positions of the dates that have a mask (a date without one runs unmasked) and the masks' clear values.</source>
            <translation>Apila imágenes guardadas como un archivo por banda en un ráster virtual (VRT) por fecha, para la detección de cambios: Landsat 4-9 Collection 2 Level-1 y Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C y L2A (carpetas .SAFE, sus .zip o una carpeta por escena con B04.tif o red.tif; SCL), gránulos L30 y S30 de HLS v2.0 de la NASA (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; las fechas L30 y S30 de una tesela forman una serie, con las bandas emparejadas por su función: el infrarrojo cercano de S30 es B8A), cubos CBERS-4 AWFI y MUX (B13-B16, CMASK) y cualquier archivo con una fecha y una banda como B4 en el nombre. El VRT de cada fecha contiene sus bandas en el orden del sensor, nombradas por su función para que la detección de cambios encuentre rojo, verde, azul e infrarrojo cercano por sí misma, con el valor sin datos del producto y su escala y desplazamiento (reflectancia), para que fechas de distinto procesamiento sean comparables. La máscara de nubes de cada fecha se escribe con sus valores de despejado como masks/&amp;lt;fecha&amp;gt;_&amp;lt;máscara&amp;gt;.vrt y se carga desmarcada: &lt;i&gt;Asignar por fecha&lt;/i&gt; en la detección de cambios las asigna y rellena los valores de despejado (un conjunto para todas las máscaras: el resumen indica las máscaras de tipos distintos). No se copia nada: deje los archivos de banda donde están.

&lt;b&gt;Archivos de banda&lt;/b&gt; y/o &lt;b&gt;Carpeta&lt;/b&gt; (se busca también en sus subcarpetas).
&lt;b&gt;Bandas&lt;/b&gt; (opcional): las bandas a apilar, en ese orden, por nombre (B04, SR_B4, B13) o función (red, green, blue, nir, swir1, swir2); vacío: las bandas de superficie del sensor.

&lt;b&gt;En un modelo gráfico&lt;/b&gt;: conectar las salidas Rásteres de las fechas (LAYERS) con INPUT de la detección de cambios, Máscaras de nubes (MASKS) con su MASKS, y MASKED_DATES y MASK_CLEAR con sus parámetros del mismo nombre: las posiciones de las fechas que tienen máscara (una fecha sin máscara se procesa sin enmascarar) y los valores de despejado de las máscaras.</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="179" />
            <source>Band files</source>
            <translation>Archivos de banda</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="180" />
            <source>One-band rasters: the band files (and masks) of every date.</source>
            <translation>Rásteres de una banda: los archivos de banda (y máscaras) de todas las fechas.</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="182" />
            <source>Folder of band files</source>
            <translation>Carpeta de archivos de banda</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="183" />
            <source>A folder holding the band files, searched with its subfolders (a .SAFE folder too; .zip files and Landsat .tar downloads in it are read).</source>
            <translation>Una carpeta con los archivos de banda, buscados también en sus subcarpetas (también una carpeta .SAFE; se leen los .zip y las descargas .tar de Landsat que contenga).</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="187" />
            <source>E.g. red,green,blue,nir or B04,B03,B02,B08; empty: the sensor's surface bands.</source>
            <translation>P. ej. red,green,blue,nir o B04,B03,B02,B08; vacío: las bandas de superficie del sensor.</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="192" />
            <source>Folder for the date rasters (VRT)</source>
            <translation>Carpeta para los rásteres de las fechas (VRT)</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="193" />
            <source>Date rasters</source>
            <translation>Rásteres de las fechas</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="194" />
            <source>Cloud masks</source>
            <translation>Máscaras de nubes</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="195" />
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="200" />
            <source>Dates the cloud masks belong to (positions in the date rasters)</source>
            <translation>Fechas de las máscaras (posiciones en los rásteres de las fechas)</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="201" />
            <source>Mask values meaning clear</source>
            <translation>Valores de despejado</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="216" />
            <source>Choose the band files, or the folder holding them.</source>
            <translation>Elegir los archivos de banda, o la carpeta que los contiene.</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="249" />
            <source>MASK_CLEAR is %s, the clear values of most masks; the masks of %s are of another kind, which a change detection given MASKS and MASK_CLEAR reads with these values: leave those dates' masks out (MASKED_DATES), or stack the kinds apart.</source>
            <translation>MASK_CLEAR es %s, los valores de despejado de la mayoría de las máscaras; las máscaras de %s son de otro tipo, y una detección de cambios a la que se dan MASKS y MASK_CLEAR las lee con estos valores: dejar fuera las máscaras de esas fechas (MASKED_DATES), o apilar los tipos por separado.</translation>
        </message>
        <message>
            <source> (Bands of Raster &gt; CAIM change detection &gt; Stack band files into dates…). In the list, a date is left out by unchecking its band files.</source>
            <translation type="obsolete"> (Bandas en Ráster &gt; Detección de cambios CAIM &gt; Apilar archivos de banda en fechas…). En la lista, una fecha se deja fuera desmarcando sus archivos de banda.</translation>
        </message>
        <message>
            <source>(the advanced parameter '%s', OVERWRITE)</source>
            <translation type="obsolete">(el parámetro avanzado '%s', OVERWRITE)</translation>
        </message>
        <message>
            <source>(the parameter '%s', BANDS)</source>
            <translation type="obsolete">(el parámetro de bandas '%s', BANDS)</translation>
        </message>
        <message>
            <source>A folder holding the band files, searched with its subfolders (a .SAFE folder too; .zip files in it are read).</source>
            <translation type="obsolete">Una carpeta con los archivos de banda, buscados también en sus subcarpetas (también una carpeta .SAFE; se leen los .zip que contenga).</translation>
        </message>
        <message>
            <source>Stacks imagery stored as one file per band into one virtual raster (VRT) per date, for the change detection: Landsat 4-9 Collection 2 Level-1 and Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C and L2A (.SAFE folders, their .zip, or a folder per scene of B04.tif or red.tif; SCL), CBERS-4 AWFI and MUX cubes (B13-B16, CMASK), and any files named with a date and a band such as B4. Each date's VRT holds its bands in the sensor's order, named by role so that the change detection finds red, green, blue and NIR by itself, with the product's nodata and its scale and offset (reflectance), so that dates of different processing compare. Each date's cloud mask is written as masks/&amp;lt;date&amp;gt;_&amp;lt;mask&amp;gt;.vrt and loaded unchecked: &lt;i&gt;Match masks by date&lt;/i&gt; in the change detection pairs them. Nothing is copied: keep the band files where they are.

&lt;b&gt;Band files&lt;/b&gt; and/or &lt;b&gt;Folder&lt;/b&gt; (searched with its subfolders).
&lt;b&gt;Bands&lt;/b&gt; (optional): the bands to stack, in that order, by name (B04, SR_B4, B13) or role (red, green, blue, nir, swir1, swir2); empty: the sensor's surface bands.</source>
            <translation type="obsolete">Apila imágenes guardadas como un archivo por banda en un ráster virtual (VRT) por fecha, para la detección de cambios: Landsat 4-9 Collection 2 Level-1 y Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C y L2A (carpetas .SAFE, sus .zip o una carpeta por escena con B04.tif o red.tif; SCL), cubos CBERS-4 AWFI y MUX (B13-B16, CMASK) y cualquier archivo con una fecha y una banda como B4 en el nombre. El VRT de cada fecha contiene sus bandas en el orden del sensor, nombradas por su función para que la detección de cambios encuentre rojo, verde, azul e infrarrojo cercano por sí misma, con el valor sin datos del producto y su escala y desplazamiento (reflectancia), para que fechas de distinto procesamiento sean comparables. La máscara de nubes de cada fecha se escribe como masks/&amp;lt;fecha&amp;gt;_&amp;lt;máscara&amp;gt;.vrt y se carga desmarcada: &lt;i&gt;Asignar por fecha&lt;/i&gt; en la detección de cambios las asigna. No se copia nada: deje los archivos de banda donde están.

&lt;b&gt;Archivos de banda&lt;/b&gt; y/o &lt;b&gt;Carpeta&lt;/b&gt; (se busca también en sus subcarpetas).
&lt;b&gt;Bandas&lt;/b&gt; (opcional): las bandas a apilar, en ese orden, por nombre (B04, SR_B4, B13) o función (red, green, blue, nir, swir1, swir2); vacío: las bandas de superficie del sensor.</translation>
        </message>
        <message>
            <source>Stacks imagery stored as one file per band into one virtual raster (VRT) per date, for the change detection: Landsat 4-9 Collection 2 Level-1 and Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C and L2A (.SAFE folders, their .zip, or a folder per scene of B04.tif or red.tif; SCL), NASA's HLS v2.0 L30 and S30 granules (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; L30 and S30 dates of one tile are one series, matched by band role: S30's NIR is B8A), CBERS-4 AWFI and MUX cubes (B13-B16, CMASK), and any files named with a date and a band such as B4. Each date's VRT holds its bands in the sensor's order, named by role so that the change detection finds red, green, blue and NIR by itself, with the product's nodata and its scale and offset (reflectance), so that dates of different processing compare. Each date's cloud mask is written as masks/&amp;lt;date&amp;gt;_&amp;lt;mask&amp;gt;.vrt with its clear values and loaded unchecked: &lt;i&gt;Match masks by date&lt;/i&gt; in the change detection pairs them and fills in the clear values (one set for every mask: masks of different kinds are said in the summary). Nothing is copied: keep the band files where they are.

&lt;b&gt;Band files&lt;/b&gt; and/or &lt;b&gt;Folder&lt;/b&gt; (searched with its subfolders).
&lt;b&gt;Bands&lt;/b&gt; (optional): the bands to stack, in that order, by name (B04, SR_B4, B13) or role (red, green, blue, nir, swir1, swir2); empty: the sensor's surface bands.</source>
            <translation type="obsolete">Apila imágenes guardadas como un archivo por banda en un ráster virtual (VRT) por fecha, para la detección de cambios: Landsat 4-9 Collection 2 Level-1 y Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C y L2A (carpetas .SAFE, sus .zip o una carpeta por escena con B04.tif o red.tif; SCL), gránulos L30 y S30 de HLS v2.0 de la NASA (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; las fechas L30 y S30 de una tesela forman una serie, con las bandas emparejadas por su función: el infrarrojo cercano de S30 es B8A), cubos CBERS-4 AWFI y MUX (B13-B16, CMASK) y cualquier archivo con una fecha y una banda como B4 en el nombre. El VRT de cada fecha contiene sus bandas en el orden del sensor, nombradas por su función para que la detección de cambios encuentre rojo, verde, azul e infrarrojo cercano por sí misma, con el valor sin datos del producto y su escala y desplazamiento (reflectancia), para que fechas de distinto procesamiento sean comparables. La máscara de nubes de cada fecha se escribe con sus valores de despejado como masks/&amp;lt;fecha&amp;gt;_&amp;lt;máscara&amp;gt;.vrt y se carga desmarcada: &lt;i&gt;Asignar por fecha&lt;/i&gt; en la detección de cambios las asigna y rellena los valores de despejado (un conjunto para todas las máscaras: el resumen indica las máscaras de tipos distintos). No se copia nada: deje los archivos de banda donde están.

&lt;b&gt;Archivos de banda&lt;/b&gt; y/o &lt;b&gt;Carpeta&lt;/b&gt; (se busca también en sus subcarpetas).
&lt;b&gt;Bandas&lt;/b&gt; (opcional): las bandas a apilar, en ese orden, por nombre (B04, SR_B4, B13) o función (red, green, blue, nir, swir1, swir2); vacío: las bandas de superficie del sensor.</translation>
        </message>
    </context>
    <context>
        <name>CaimZones</name>
        <message>
            <location filename="../zones_algorithm.py" line="53" />
            <source>not mapped (no data, outside the map)</source>
            <translation>sin mapear (sin datos, fuera del mapa)</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="91" />
            <source>Cannot copy the zones '%s' for counting (%s).</source>
            <translation>No se pueden copiar las zonas '%s' para el recuento (%s).</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="105" />
            <source>Change per zone (field, parcel, district)</source>
            <translation>Cambio por zona (campo, parcela, distrito)</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="108" />
            <source>Change detection</source>
            <translation>Detección de cambios</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="117" />
            <source>How much changed, and when, in each field, parcel, concession or district: for every polygon of the zones, in hectares on the ground, the mapped area (&lt;b&gt;ha_valid&lt;/b&gt;), the area without data (&lt;b&gt;ha_nodata&lt;/b&gt;), the changed area (&lt;b&gt;ha_changed&lt;/b&gt;) and its share of the mapped area in % (&lt;b&gt;pct_changed&lt;/b&gt;), the changed area of every interval (&lt;b&gt;ha_2019_2020&lt;/b&gt;, ... named by the run's dates), the interval with the most change (&lt;b&gt;most_change&lt;/b&gt;, &lt;b&gt;most_k&lt;/b&gt;) and the last interval with change (&lt;b&gt;last_change&lt;/b&gt;, &lt;b&gt;last_k&lt;/b&gt;), and in &lt;b&gt;zone_note&lt;/b&gt; why a zone's figures are empty or partial (empty or invalid geometry, outside or partly outside the map, no data).  The output is the zones with their own attributes and these fields, coloured by the changed share.

&lt;b&gt;Change moment map&lt;/b&gt;: change_moment.tif of a run (0 no change, k = the last change between date k and k+1, 255 nodata).  &lt;b&gt;Zones&lt;/b&gt;: polygons in any CRS (reprojected to the map's); overlapping zones each count the pixels they share; a pixel counts in a zone when its centre is inside.  The pixel areas are those of the ground, row by row on a geographic grid, as in the run's summary.</source>
            <translation>Cuánto cambió, y cuándo, en cada campo, parcela, concesión o distrito: para cada polígono de las zonas, en hectáreas sobre el terreno, el área mapeada (&lt;b&gt;ha_valid&lt;/b&gt;), el área sin datos (&lt;b&gt;ha_nodata&lt;/b&gt;), el área cambiada (&lt;b&gt;ha_changed&lt;/b&gt;) y su proporción del área mapeada en % (&lt;b&gt;pct_changed&lt;/b&gt;), el área cambiada de cada intervalo (&lt;b&gt;ha_2019_2020&lt;/b&gt;, ... nombrados por las fechas de la ejecución), el intervalo con más cambio (&lt;b&gt;most_change&lt;/b&gt;, &lt;b&gt;most_k&lt;/b&gt;) y el último intervalo con cambio (&lt;b&gt;last_change&lt;/b&gt;, &lt;b&gt;last_k&lt;/b&gt;), y en &lt;b&gt;zone_note&lt;/b&gt; por qué las cifras de una zona están vacías o son parciales (geometría vacía o no válida, fuera o en parte fuera del mapa, sin datos).  La salida son las zonas con sus propios atributos y estos campos, coloreadas por la proporción cambiada.

&lt;b&gt;Mapa del momento del cambio&lt;/b&gt;: change_moment.tif de una ejecución (0 sin cambio, k = el último cambio entre la fecha k y k+1, 255 sin datos).  &lt;b&gt;Zonas&lt;/b&gt;: polígonos en cualquier SRC (reproyectados al del mapa); las zonas que se solapan cuentan cada una los píxeles que comparten; un píxel cuenta en una zona cuando su centro está dentro.  Las áreas de los píxeles son las del terreno, fila a fila en una malla geográfica, como en el resumen de la ejecución.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="131" />
            <source>&lt;b&gt;zone_note&lt;/b&gt; (several notes are joined by '; '): &lt;tt&gt;empty geometry&lt;/tt&gt;, &lt;tt&gt;not a polygon&lt;/tt&gt; (points or lines), &lt;tt&gt;invalid geometry&lt;/tt&gt; (MakeValid could not repair it) and &lt;tt&gt;cannot be placed in the map's CRS&lt;/tt&gt;: not counted; &lt;tt&gt;outside the map&lt;/tt&gt;: no part of the zone is on the map; &lt;tt&gt;no pixel centre inside&lt;/tt&gt;: the zone's part in the map holds no pixel centre (smaller or thinner than a pixel); &lt;tt&gt;no data&lt;/tt&gt;: only nodata pixels of the map inside; &lt;tt&gt;partly outside the map&lt;/tt&gt;: the part outside is not counted; &lt;tt&gt;invalid geometry, repaired&lt;/tt&gt;: repaired with MakeValid, then counted.</source>
            <translation>&lt;b&gt;zone_note&lt;/b&gt; (varias notas se unen con '; '): &lt;tt&gt;empty geometry&lt;/tt&gt; (geometría vacía), &lt;tt&gt;not a polygon&lt;/tt&gt; (puntos o líneas), &lt;tt&gt;invalid geometry&lt;/tt&gt; (MakeValid no pudo repararla) y &lt;tt&gt;cannot be placed in the map's CRS&lt;/tt&gt; (no se puede transformar al SRC del mapa): no se cuentan; &lt;tt&gt;outside the map&lt;/tt&gt;: ninguna parte de la zona está en el mapa; &lt;tt&gt;no pixel centre inside&lt;/tt&gt;: la parte de la zona que está en el mapa no contiene ningún centro de píxel (más pequeña o más estrecha que un píxel); &lt;tt&gt;no data&lt;/tt&gt;: dentro solo hay píxeles sin datos del mapa; &lt;tt&gt;partly outside the map&lt;/tt&gt;: la parte fuera del mapa no se cuenta; &lt;tt&gt;invalid geometry, repaired&lt;/tt&gt;: reparada con MakeValid y luego contada.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="142" />
            <source>Change moment map</source>
            <translation>Mapa del momento del cambio</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="143" />
            <source>change_moment.tif of a run: 0 no change, k = the last change between date k and k+1, 255 nodata; its intervals are named in its metadata.</source>
            <translation>change_moment.tif de una ejecución: 0 sin cambio, k = el último cambio entre la fecha k y k+1, 255 sin datos; sus intervalos se nombran en sus metadatos.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="148" />
            <source>Zones (fields, parcels, districts)</source>
            <translation>Zonas (campos, parcelas, distritos)</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="149" />
            <source>Polygons in any CRS. Overlapping zones each count the pixels they share.</source>
            <translation>Polígonos en cualquier SRC. Las zonas que se solapan cuentan cada una los píxeles que comparten.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="150" />
            <source>Change per zone</source>
            <translation>Cambio por zona</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="152" />
            <source>Summary</source>
            <translation>Resumen</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="161" />
            <source>Choose a change moment map (change_moment.tif of a run).</source>
            <translation>Elegir un mapa del momento del cambio (change_moment.tif de una ejecución).</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="163" />
            <source>'%s' is not a file-based raster; export it as GeoTIFF first.</source>
            <translation>'%s' no es un ráster basado en archivo; exportarlo primero como GeoTIFF.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="173" />
            <source>Choose the zones (a polygon layer).</source>
            <translation>Elegir las zonas (una capa de polígonos).</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="175" />
            <source>No feature of '%s' is selected: select the zones to count, or untick Selected features only.</source>
            <translation>Ningún objeto de '%s' está seleccionado: seleccione las zonas que contar o desmarque Solo objetos seleccionados.</translation>
        </message>
    </context>
</TS>
