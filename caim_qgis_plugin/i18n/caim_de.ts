<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>CaimAccuracy</name>
        <message>
            <location filename="../accuracy_algorithms.py" line="81" />
            <source>Accuracy assessment</source>
            <translation>Genauigkeitsbewertung</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="113" />
            <source>Choose a change map (a raster layer).</source>
            <translation>Eine Änderungskarte wählen (einen Rasterlayer).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="115" />
            <source>'%s' is not a file-based raster; export it as GeoTIFF first.</source>
            <translation>'%s' ist kein dateibasiertes Raster; zuerst als GeoTIFF exportieren.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="136" />
            <source>Cannot create the folder '%s' for the output '%s': %s</source>
            <translation>Der Ordner '%s' für die Ausgabe '%s' kann nicht angelegt werden: %s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="161" />
            <source>to label</source>
            <translation>zu beschriften</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="163" />
            <source>labelled</source>
            <translation>beschriftet</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="212" />
            <source>Draw an accuracy-assessment sample of a change map</source>
            <translation>Stichprobe zur Genauigkeitsbewertung einer Änderungskarte ziehen</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="218" />
            <source>Draws a stratified random sample of pixels of a change map, the strata being the map's classes (change moment: no change and each interval; change area: unchanged, changed), and writes them as points with the fields id, map_class, map_label and an empty &lt;b&gt;reference&lt;/b&gt;.

Label each point from reference data (higher-resolution imagery, the inputs, field visits) without looking at the map's class: the map's codes, 0 = no change, k = the last change happened between date k and date k+1, -1 = changed but the interval cannot be told (or 1 = changed for an area map); &lt;i&gt;Label the sample points&lt;/i&gt; in the plugin's menu steps through them.  Then run &lt;i&gt;Estimate change area and accuracy from a labelled sample&lt;/i&gt;.

&lt;b&gt;Points per change class&lt;/b&gt;: 50 by default.  &lt;b&gt;Points where the map says no change&lt;/b&gt;: 4 times as many by default, because the changes the map missed hide there, a few per hundred pixels; with few points there the confidence intervals of the change area are too narrow (see the README).  &lt;b&gt;Per-class sizes&lt;/b&gt;: optional CLASS:N pairs overriding both, e.g. 0:400,3:80.  A class with fewer pixels gives them all.</source>
            <translation>Zieht eine geschichtete Zufallsstichprobe von Pixeln einer Änderungskarte, mit den Klassen der Karte als Schichten (Änderungszeitpunkt: keine Änderung und jedes Intervall; Änderungsfläche: unverändert, geändert), und schreibt sie als Punkte mit den Feldern id, map_class, map_label und einem leeren Feld &lt;b&gt;reference&lt;/b&gt;.

Jeden Punkt anhand von Referenzdaten (höher aufgelöste Bilder, die Eingaben, Geländebegehungen) beschriften, ohne auf die Klasse der Karte zu schauen: die Codes der Karte, 0 = keine Änderung, k = die letzte Änderung geschah zwischen Zeitpunkt k und Zeitpunkt k+1, -1 = geändert, aber das Intervall ist nicht erkennbar (oder 1 = geändert bei einer Flächenkarte); &lt;i&gt;Stichprobenpunkte beschriften&lt;/i&gt; im Menü des Plugins führt durch sie.  Danach &lt;i&gt;Änderungsfläche und Genauigkeit aus einer beschrifteten Stichprobe schätzen&lt;/i&gt; ausführen.

&lt;b&gt;Punkte je Änderungsklasse&lt;/b&gt;: standardmäßig 50.  &lt;b&gt;Punkte, wo die Karte keine Änderung zeigt&lt;/b&gt;: standardmäßig 4-mal so viele, denn dort verstecken sich die Änderungen, die die Karte übersehen hat, einige pro hundert Pixel; mit wenigen Punkten dort sind die Konfidenzintervalle der Änderungsfläche zu schmal (siehe README).  &lt;b&gt;Größen je Klasse&lt;/b&gt;: optionale Paare KLASSE:N, die beides überschreiben, z. B. 0:400,3:80.  Eine Klasse mit weniger Pixeln gibt alle her.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="235" />
            <source>Change map (moment or area)</source>
            <translation>Änderungskarte (Zeitpunkt oder Fläche)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="237" />
            <source>Points per change class</source>
            <translation>Punkte je Änderungsklasse</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="238" />
            <source>50 (the default): points drawn in each class of the map that says change.</source>
            <translation>50 (Standard): Punkte, die in jeder Klasse der Karte gezogen werden, die Änderung anzeigt.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="241" />
            <source>Points where the map says no change</source>
            <translation>Punkte, wo die Karte keine Änderung zeigt</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="243" />
            <source>Empty: 4 times the points per change class (the changes the map missed hide there).</source>
            <translation>Leer: 4-mal so viele wie Punkte je Änderungsklasse (dort verstecken sich die Änderungen, die die Karte übersehen hat).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="244" />
            <source>Per-class sizes, e.g. 0:400,3:80</source>
            <translation>Größen je Klasse, z. B. 0:400,3:80</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="247" />
            <source>Random seed</source>
            <translation>Zufallsstartwert</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="248" />
            <source>0 (the default): the same map and seed give the same points; another seed draws another sample.</source>
            <translation>0 (Standard): dieselbe Karte und derselbe Zufallsstartwert geben dieselben Punkte; ein anderer Startwert zieht eine andere Stichprobe.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="249" />
            <source>Sample points to label</source>
            <translation>Zu beschriftende Stichprobenpunkte</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="262" />
            <source>'%s' holds a sample with %d labelled point: a new sample there would erase the labels. Choose another file for the new sample (or delete that one first).</source>
            <translation>'%s' enthält eine Stichprobe mit %d beschrifteten Punkt: eine neue Stichprobe dort würde die Beschriftungen löschen. Eine andere Datei für die neue Stichprobe wählen (oder jene zuerst löschen).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="264" />
            <source>'%s' holds a sample with %d labelled points: a new sample there would erase the labels. Choose another file for the new sample (or delete that one first).</source>
            <translation>'%s' enthält eine Stichprobe mit %d beschrifteten Punkten: eine neue Stichprobe dort würde die Beschriftungen löschen. Eine andere Datei für die neue Stichprobe wählen (oder jene zuerst löschen).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="278" />
            <source> (every pixel of the class)</source>
            <translation> (jedes Pixel der Klasse)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="280" />
            <source>%s: 1 point%s</source>
            <translation>%s: 1 Punkt%s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="281" />
            <source>%s: %d points%s</source>
            <translation>%s: %d Punkte%s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="282" />
            <source>Fill in 'reference' for every point, then estimate the area and accuracy.</source>
            <translation>Für jeden Punkt das Feld 'reference' ausfüllen, dann Fläche und Genauigkeit schätzen.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="304" />
            <source>Estimate change area and accuracy from a labelled sample</source>
            <translation>Änderungsfläche und Genauigkeit aus einer beschrifteten Stichprobe schätzen</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="310" />
            <source>Estimates, from sample points drawn with &lt;i&gt;Draw an accuracy-assessment sample of a change map&lt;/i&gt; and labelled, the area of each class with its 95 % confidence interval, the overall accuracy and each class's user's and producer's accuracy, and the error matrix in proportions of the mapped area, with the stratified estimator of Olofsson et al. (2014), 'Good practices for estimating area and assessing accuracy of land change'.  The map's own pixel count of a change is biased by its errors; these estimates are not.

&lt;b&gt;Change map&lt;/b&gt;: the map the sample was drawn from (its classes are the strata).  &lt;b&gt;Reference field&lt;/b&gt;: the class each point really is (0 = no change, k = change between date k and k+1, -1 = changed, interval unknown: counted only with Changed / unchanged only); points with an empty field are left out.  &lt;b&gt;Changed / unchanged only&lt;/b&gt;: collapse the classes into unchanged (0) and changed (any other), e.g. when the points were labelled only for change.  Every map class needs at least 2 labelled points.  &lt;b&gt;Map the sample was drawn from&lt;/b&gt; (advanced): to score another map of the same grid (another method's run) with the same sample, give the map the sample was drawn from here: its classes stay the strata.  &lt;b&gt;Compare with another map&lt;/b&gt; (advanced): the overall accuracy of the change map minus that of another map of the same grid, with a 95 % interval from the same points (paired, so much tighter than the two accuracies' own intervals): whether one method or setting is better on your imagery.</source>
            <translation>Schätzt aus Stichprobenpunkten, die mit &lt;i&gt;Stichprobe zur Genauigkeitsbewertung einer Änderungskarte ziehen&lt;/i&gt; gezogen und beschriftet wurden, die Fläche jeder Klasse mit ihrem 95-%-Konfidenzintervall, die Gesamtgenauigkeit sowie Nutzer- und Produzentengenauigkeit jeder Klasse und die Fehlermatrix in Anteilen der kartierten Fläche, mit dem geschichteten Schätzer von Olofsson et al. (2014), 'Good practices for estimating area and assessing accuracy of land change'.  Die Pixelzählung einer Änderung in der Karte selbst ist durch deren Fehler verzerrt; diese Schätzungen nicht.

&lt;b&gt;Änderungskarte&lt;/b&gt;: die Karte, aus der die Stichprobe gezogen wurde (ihre Klassen sind die Schichten).  &lt;b&gt;Referenzfeld&lt;/b&gt;: die Klasse, die jeder Punkt wirklich ist (0 = keine Änderung, k = Änderung zwischen Zeitpunkt k und k+1, -1 = geändert, Intervall unbekannt: nur mit &lt;i&gt;Nur geändert / unverändert&lt;/i&gt; gezählt); Punkte mit leerem Feld bleiben außen vor.  &lt;b&gt;Nur geändert / unverändert&lt;/b&gt;: die Klassen zu unverändert (0) und geändert (jede andere) zusammenfassen, z. B. wenn die Punkte nur auf Änderung beschriftet wurden.  Jede Kartenklasse braucht mindestens 2 beschriftete Punkte.  &lt;b&gt;Karte, aus der die Stichprobe stammt&lt;/b&gt; (erweitert): um eine andere Karte desselben Rasters (den Lauf einer anderen Methode) mit derselben Stichprobe zu bewerten, hier die Karte angeben, aus der die Stichprobe gezogen wurde: ihre Klassen bleiben die Schichten.  &lt;b&gt;Mit einer anderen Karte vergleichen&lt;/b&gt; (erweitert): die Gesamtgenauigkeit der Änderungskarte minus der einer anderen Karte desselben Rasters, mit einem 95-%-Intervall aus denselben Punkten (gepaart, daher viel enger als die eigenen Intervalle der beiden Genauigkeiten): ob eine Methode oder Einstellung auf Ihren Bilddaten besser ist.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="330" />
            <source>Change map the sample was drawn from</source>
            <translation>Änderungskarte, aus der die Stichprobe gezogen wurde</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="331" />
            <source>Labelled sample points</source>
            <translation>Beschriftete Stichprobenpunkte</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="335" />
            <source>Reference field</source>
            <translation>Referenzfeld</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="337" />
            <source>Changed / unchanged only</source>
            <translation>Nur geändert / unverändert</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="340" />
            <source>Map the sample was drawn from</source>
            <translation>Karte, aus der die Stichprobe stammt</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="341" />
            <source>To score another map of the same grid with this sample: give that map as the change map above and the map the sample was drawn from here (its classes stay the strata).</source>
            <translation>Um eine andere Karte desselben Rasters mit dieser Stichprobe zu bewerten: jene Karte oben als Änderungskarte angeben und hier die Karte, aus der die Stichprobe stammt (ihre Klassen bleiben die Schichten).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="346" />
            <source>Compare with another map</source>
            <translation>Mit anderer Karte vergleichen</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="347" />
            <source>Another map of the same grid: the difference of the two overall accuracies, paired on the same points.</source>
            <translation>Eine andere Karte desselben Rasters: die Differenz der beiden Gesamtgenauigkeiten, gepaart auf denselben Punkten.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="351" />
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="351" />
            <source>HTML files (*.html)</source>
            <translation>HTML-Dateien (*.html)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="353" />
            <source>Overall accuracy</source>
            <translation>Gesamtgenauigkeit</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="354" />
            <source>Estimates (JSON)</source>
            <translation>Schätzungen (JSON)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="355" />
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="365" />
            <source>with this map as '%s'</source>
            <translation>mit dieser Karte als '%s'</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="368" />
            <source>as the advanced parameter '%s'</source>
            <translation>als erweiterten Parameter '%s'</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="381" />
            <source>Choose the labelled sample points.</source>
            <translation>Die beschrifteten Stichprobenpunkte wählen.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="383" />
            <source>'%s' has unsaved edits: save them (Toggle Editing, Save) so the labels are read.</source>
            <translation>'%s' hat ungespeicherte Änderungen: sie speichern (Bearbeitungsstatus umschalten, Layeränderungen speichern), damit die Beschriftungen gelesen werden.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="409" />
            <source>Cannot write the report '%s' (%s). Choose another file.</source>
            <translation>Der Bericht '%s' kann nicht geschrieben werden (%s). Eine andere Datei wählen.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="425" />
            <source>Compare a change map with a reference map</source>
            <translation>Eine Änderungskarte mit einer Referenzkarte vergleichen</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="431" />
            <source>Compares a change map pixel by pixel with a wall-to-wall reference raster (a digitised change mask, a national change product, a benchmark's label raster) and reports the changed / unchanged confusion counts, overall accuracy, precision, recall, F1 and kappa of changed, and the changed area of the map and of the reference in hectares; when the reference is a change-moment map, also the overall accuracy, kappa, macro F1 and F1 of each interval and the full confusion matrix.  The figures are those of &lt;i&gt;evaluate&lt;/i&gt; on the same pixels.

&lt;b&gt;Change map&lt;/b&gt;: change_moment.tif or change_area.tif of a run (0 no change, k = interval k, 255 nodata), or any class raster with these codes.  &lt;b&gt;Reference map&lt;/b&gt;: any grid and CRS; it is warped onto the change map's grid with nearest neighbour.  Pixels where either is nodata, or outside the reference, are left out and counted.  &lt;b&gt;Reference is a change mask&lt;/b&gt;: changed = any non-zero value (automatic when the reference holds only 0 and one other value, e.g. 0/1 or 0/255); otherwise the reference numbers the intervals as the map does (0 no change, k = the last change between date k and k+1).  &lt;b&gt;Reference values that mean changed&lt;/b&gt; (optional, e.g. 2,3): only these count as changed (a mask).  &lt;b&gt;Reference nodata value&lt;/b&gt; (optional): replaces the reference's own nodata value.  &lt;b&gt;CSV&lt;/b&gt; (optional): the figures as a table.

The comparison is only as good as the reference's own accuracy and its co-registration with the map: misregistration by a pixel counts every change boundary twice.  For estimates of area and accuracy with confidence intervals from a labelled sample, use the other two algorithms of this group.</source>
            <translation>Vergleicht eine Änderungskarte Pixel für Pixel mit einem flächendeckenden Referenzraster (eine digitalisierte Änderungsmaske, ein nationales Änderungsprodukt, das Label-Raster eines Benchmarks) und berichtet die Konfusionszahlen geändert / unverändert, Gesamtgenauigkeit, Nutzer- und Produzentengenauigkeit (Precision und Recall), F1 und Kappa von geändert sowie die geänderte Fläche der Karte und der Referenz in Hektar; ist die Referenz eine Änderungszeitpunkt-Karte, auch Gesamtgenauigkeit, Kappa, Makro-F1 und F1 jedes Intervalls sowie die volle Konfusionsmatrix.  Die Werte sind die von &lt;i&gt;evaluate&lt;/i&gt; auf denselben Pixeln.

&lt;b&gt;Änderungskarte&lt;/b&gt;: change_moment.tif oder change_area.tif eines Laufs (0 keine Änderung, k = Intervall k, 255 NoData) oder ein beliebiges Klassenraster mit diesen Codes.  &lt;b&gt;Referenzkarte&lt;/b&gt;: beliebiges Raster und KBS; sie wird mit nächstem Nachbarn auf das Raster der Änderungskarte umgerechnet.  Pixel, wo eine der beiden NoData ist oder die außerhalb der Referenz liegen, bleiben außen vor und werden gezählt.  &lt;b&gt;Referenz ist eine Änderungsmaske&lt;/b&gt;: geändert = jeder Wert ungleich null (automatisch, wenn die Referenz nur 0 und einen anderen Wert enthält, z. B. 0/1 oder 0/255); sonst nummeriert die Referenz die Intervalle wie die Karte (0 keine Änderung, k = die letzte Änderung zwischen Zeitpunkt k und k+1).  &lt;b&gt;Referenzwerte, die geändert bedeuten&lt;/b&gt; (optional, z. B. 2,3): nur diese zählen als geändert (eine Maske).  &lt;b&gt;NoData-Wert der Referenz&lt;/b&gt; (optional): ersetzt den eigenen NoData-Wert der Referenz.  &lt;b&gt;CSV&lt;/b&gt; (optional): die Werte als Tabelle.

Der Vergleich ist nur so gut wie die Genauigkeit der Referenz selbst und ihre Koregistrierung mit der Karte: ein Versatz um ein Pixel zählt jede Änderungsgrenze doppelt.  Für Schätzungen von Fläche und Genauigkeit mit Konfidenzintervallen aus einer beschrifteten Stichprobe die anderen beiden Algorithmen dieser Gruppe verwenden.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="454" />
            <source>Reference map (any grid and CRS)</source>
            <translation>Referenzkarte (beliebiges Raster und KBS)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="457" />
            <source>Reference is a change mask</source>
            <translation>Referenz ist eine Änderungsmaske</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="458" />
            <source>Changed = any non-zero value (automatic when the reference holds only 0 and one other value).</source>
            <translation>Geändert = jeder Wert ungleich null (automatisch, wenn die Referenz nur 0 und einen anderen Wert enthält).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="460" />
            <source>Reference nodata value</source>
            <translation>NoData-Wert der Referenz</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="461" />
            <source>Empty: the reference's own nodata value.</source>
            <translation>Leer: der eigene NoData-Wert der Referenz.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="463" />
            <source>Reference values that mean changed</source>
            <translation>Referenzwerte, die geändert bedeuten</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="464" />
            <source>Comma-separated, e.g. 2,3: only these values of the reference count as changed.</source>
            <translation>Kommagetrennt, z. B. 2,3: nur diese Werte der Referenz gelten als geändert.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="466" />
            <source>Comparison table (CSV)</source>
            <translation>Vergleichstabelle (CSV)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="466" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="468" />
            <source>Kappa of changed / unchanged</source>
            <translation>Kappa von geändert / unverändert</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="469" />
            <source>Overall accuracy of changed / unchanged</source>
            <translation>Gesamtgenauigkeit von geändert / unverändert</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="470" />
            <source>F1 of changed</source>
            <translation>F1 von geändert</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="479" />
            <source>Choose a reference map (a raster layer).</source>
            <translation>Eine Referenzkarte wählen (einen Rasterlayer).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="508" />
            <source>n/a</source>
            <translation>k. A.</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="528" />
            <source>Warning:</source>
            <translation>Warnung:</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="529" />
            <source>Note:</source>
            <translation>Hinweis:</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="533" />
            <source>minus that of %s: %s %s (paired, same points)</source>
            <translation>minus der von %s: %s %s (gepaart, dieselben Punkte)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="548" />
            <source>Change map accuracy</source>
            <translation>Genauigkeit der Änderungskarte</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="548" />
            <source>Change area and accuracy from a labelled sample</source>
            <translation>Änderungsfläche und Genauigkeit aus einer beschrifteten Stichprobe</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="549" />
            <source>Map: %s</source>
            <translation>Karte: %s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="550" />
            <source>Sample: %s (%d labelled points; %d without a label and %d outside the map or on nodata left out)</source>
            <translation>Stichprobe: %s (%d beschriftete Punkte; %d ohne Beschriftung und %d außerhalb der Karte oder auf NoData ausgelassen)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="552" />
            <source>Stratified estimator (Olofsson et al. 2014); ± = 95 % confidence interval (1.96 standard errors).</source>
            <translation>Geschichteter Schätzer (Olofsson et al. 2014); ± = 95-%-Konfidenzintervall (1,96 Standardfehler).</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="553" />
            <source>Overall accuracy: %s %s</source>
            <translation>Gesamtgenauigkeit: %s %s</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="554" />
            <source>class</source>
            <translation>Klasse</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="554" />
            <source>map area (%s)</source>
            <translation>Kartenfläche (%s)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="554" />
            <source>estimated area (%s)</source>
            <translation>geschätzte Fläche (%s)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="555" />
            <source>user's accuracy</source>
            <translation>Nutzergenauigkeit</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="555" />
            <source>producer's accuracy</source>
            <translation>Produzentengenauigkeit</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="556" />
            <source>Error matrix, sample counts (rows: map class, columns: reference class)</source>
            <translation>Fehlermatrix, Anzahl der Stichprobenpunkte (Zeilen: Klasse der Karte, Spalten: Referenzklasse)</translation>
        </message>
        <message>
            <location filename="../accuracy_algorithms.py" line="557" />
            <source>Error matrix, estimated proportions of the mapped area</source>
            <translation>Fehlermatrix, geschätzte Anteile an der kartierten Fläche</translation>
        </message>
        <message>
            <source>Change map (change moment or change area)</source>
            <translation type="obsolete">Änderungskarte (Änderungszeitpunkt oder Änderungsfläche)</translation>
        </message>
        <message>
            <source>Compare with another map (same grid; paired difference)</source>
            <translation type="obsolete">Mit anderer Karte vergleichen (gleiches Raster; gepaart)</translation>
        </message>
        <message>
            <source>Map the sample was drawn from, if another (same grid)</source>
            <translation type="obsolete">Karte der Stichprobe, falls eine andere (gleiches Raster)</translation>
        </message>
        <message>
            <source>Points where the map says no change (empty: 4 x per class)</source>
            <translation type="obsolete">Punkte, wo die Karte keine Änderung zeigt (leer: 4 x je Klasse)</translation>
        </message>
        <message>
            <source>Reference is a change mask (changed = any non-zero value)</source>
            <translation type="obsolete">Referenz ist eine Änderungsmaske (geändert = jeder Wert ungleich null)</translation>
        </message>
        <message>
            <source>Reference nodata value (empty: the reference's own)</source>
            <translation type="obsolete">NoData-Wert der Referenz (leer: der eigene der Referenz)</translation>
        </message>
        <message>
            <source>Reference values that mean changed, e.g. 2,3</source>
            <translation type="obsolete">Referenzwerte für geändert, z. B. 2,3</translation>
        </message>
    </context>
    <context>
        <name>CaimDependencies</name>
        <message>
            <location filename="../dependencies.py" line="103" />
            <source>CAIM change detection needs PyTorch %s or newer; the Python that QGIS uses (Python %s, %s) has PyTorch %s, which is too old (Debian 12's python3-torch is 1.13).</source>
            <translation>CAIM-Änderungserkennung braucht PyTorch %s oder neuer; das Python von QGIS (Python %s, %s) hat PyTorch %s, das zu alt ist (python3-torch von Debian 12 ist 1.13).</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="107" />
            <source>Install a newer CPU build (about 200 MB; with --upgrade) and restart QGIS:</source>
            <translation>Eine neuere CPU-Version installieren (etwa 200 MB; mit --upgrade) und QGIS neu starten:</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="111" />
            <source>CAIM change detection needs PyTorch (the 'torch' Python package), which is not installed in the Python that QGIS uses (Python %s, %s).</source>
            <translation>CAIM-Änderungserkennung braucht PyTorch (das Python-Paket 'torch'), das im Python von QGIS nicht installiert ist (Python %s, %s).</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="114" />
            <source>Install the CPU build (about 200 MB) and restart QGIS:</source>
            <translation>Die CPU-Version installieren (etwa 200 MB) und QGIS neu starten:</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="119" />
            <source>  1. Close QGIS and open the 'OSGeo4W Shell' from the Start menu.</source>
            <translation>  1. QGIS schließen und die 'OSGeo4W Shell' aus dem Startmenü öffnen.</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="120" />
            <source>  2. Run:  python -m pip install torch --index-url https://download.pytorch.org/whl/cpu</source>
            <translation>  2. Ausführen:  python -m pip install torch --index-url https://download.pytorch.org/whl/cpu</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="124" />
            <source>  In a terminal run:</source>
            <translation>  In einem Terminal ausführen:</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="131" />
            <source>  (on Debian/Ubuntu add --break-system-packages if pip refuses, or install torch into a virtual environment created with --system-site-packages and start QGIS with that environment's site-packages on PYTHONPATH)</source>
            <translation>  (unter Debian/Ubuntu --break-system-packages ergänzen, wenn pip sich weigert, oder torch in eine mit --system-site-packages erstellte virtuelle Umgebung installieren und QGIS mit deren site-packages im PYTHONPATH starten)</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="137" />
            <source>  On Debian 13 or newer, Debian's own package works too (tested with its torch 2.6 and with unstable's 2.14):  sudo apt install python3-torch</source>
            <translation>  Ab Debian 13 geht auch Debians eigenes Paket (getestet mit dessen torch 2.6 und mit 2.14 aus unstable):  sudo apt install python3-torch</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="141" />
            <source>  (PyTorch %s is installed already: add --upgrade to the pip command)</source>
            <translation>  (PyTorch %s ist bereits installiert: dem pip-Befehl --upgrade hinzufügen)</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="144" />
            <source>Keep QGIS's numpy: if pip wants to upgrade numpy, add a constraint (pip install ... "numpy==%s"), otherwise GDAL's Python bindings can stop working.</source>
            <translation>QGIS' numpy behalten: will pip numpy aktualisieren, eine Einschränkung angeben (pip install ... "numpy==%s"), sonst können GDALs Python-Bindings aufhören zu funktionieren.</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="147" />
            <source>For a GPU, pick the CUDA build that matches your driver at https://pytorch.org/get-started/locally/.</source>
            <translation>Für eine GPU die CUDA-Version wählen, die zum Treiber passt: https://pytorch.org/get-started/locally/.</translation>
        </message>
        <message>
            <location filename="../dependencies.py" line="163" />
            <source>&lt;your numpy version&gt;</source>
            <translation>&lt;Ihre numpy-Version&gt;</translation>
        </message>
    </context>
    <context>
        <name>CaimDetectChanges</name>
        <message>
            <location filename="../algorithm.py" line="75" />
            <source>%s=%s is not one of its options. Give an option's name: %s.</source>
            <translation>%s=%s ist keine seiner Optionen. Den Namen einer Option angeben: %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="77" />
            <source>%s=%s: give its name, %s=%s. The numbers that qgis_process help shows before the options are not taken: a name keeps its meaning when options are added.</source>
            <translation>%s=%s: den Namen angeben, %s=%s. Die Nummern, die qgis_process help vor den Optionen zeigt, werden nicht angenommen: ein Name behält seine Bedeutung, wenn Optionen hinzukommen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="80" />
            <source>%s=%s: give one option by its name: %s. The numbers that qgis_process help shows before the options are not taken: a name keeps its meaning when options are added.</source>
            <translation>%s=%s: eine Option mit ihrem Namen angeben: %s. Die Nummern, die qgis_process help vor den Optionen zeigt, werden nicht angenommen: ein Name behält seine Bedeutung, wenn Optionen hinzukommen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="137" />
            <source>a whole number</source>
            <translation>eine ganze Zahl</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="137" />
            <source>a number</source>
            <translation>eine Zahl</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="139" />
            <source>%s from %s to %s</source>
            <translation>%s von %s bis %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="140" />
            <source>%s up to %s</source>
            <translation>%s bis %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="142" />
            <source>%s of at least %s</source>
            <translation>%s von mindestens %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="146" />
            <source>%s=%s is not a number: give %s.</source>
            <translation>%s=%s ist keine Zahl: %s angeben.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="147" />
            <source>%s=%s is outside its range: give %s.</source>
            <translation>%s=%s liegt außerhalb des Bereichs: %s angeben.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="158" />
            <source>%s: '%s' is written as %s; end its name with %s.</source>
            <translation>%s: '%s' wird als %s geschrieben; den Namen auf %s enden lassen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="159" />
            <source> or </source>
            <translation> oder </translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="243" />
            <source>Detect changes in a time series</source>
            <translation>Änderungen in einer Zeitreihe erkennen</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="246" />
            <source>Change detection</source>
            <translation>Änderungserkennung</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="255" />
            <source>change,detection,time series,multitemporal,deep learning,caim,moment,when</source>
            <translation>Änderung,Erkennung,Zeitreihe,multitemporal,Deep Learning,caim,Änderungszeitpunkt,wann</translation>
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
            <translation>Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); 3 Kanäle werden als Rot, Grün, Blau in ihrer Reihenfolge gelesen, mit Grün anstelle von NIR (reine RGB-Bilder: 3,2,1 als 3,2,1,2), außer die Namen oder Wellenlängen der Kanäle sagen etwas anderes; leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz (mit MODEL=auto für 2 Zeitpunkte lässt eine hier angegebene Datei CAIM-Net + ISFA mit dieser Datei laufen); leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa (und MODEL=auto, wo es Klassische ISFA ausführt: für 2 Zeitpunkte ohne WEIGHTS und auf Layern, deren Kanäle die Netze nicht lesen können): er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 Flächen von 1 bis 3 Pixeln (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die Werte des Pixels vom vorigen wolkenfreien Zeitpunkt, oder vom nächsten, wo kein früherer wolkenfrei ist, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet (eine vor dem ersten wolkenfreien Zeitpunkt des Pixels wird nicht erkannt).
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 für HLS-v2.0-Fmask, 0,1 für klassisches Fmask (Klassenwerte).  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Zeitpunkt-Wahrscheinlichkeiten (ein Kanal je Zeitpunktklasse, Kanal 1 = keine Änderung, -1 NoData; uint16 oder byte, skaliert, mit &lt;b&gt;Datentyp der Zeitpunkt-Wahrscheinlichkeiten&lt;/b&gt;, PROBABILITIES_TYPE), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD, BAND_ORDER und PROBABILITIES_TYPE nehmen die Optionsnamen (nicht die Nummern, die qgis_process help auflistet), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="344" />
            <source>&lt;b&gt;One multi-date raster&lt;/b&gt;: a single input layer that holds every date as bands is split into its dates when its band names carry them (a Google Earth Engine toBands() export: 20200105T103421_..._B4) or it is a NetCDF variable with a time axis. Otherwise give &lt;b&gt;Bands per date&lt;/b&gt; (advanced, BANDS_PER_DATE: all bands of one date, QA bands included) and, if the bands run band by band, &lt;b&gt;Band order&lt;/b&gt; (BAND_ORDER=band). Each date becomes a small VRT reading the raster, written into a folder &amp;lt;name&amp;gt;_dates beside it (used again by later runs of the same raster; the pixel inspector and a saved project read them). Dates, Bands and Cloud masks then count per date.</source>
            <translation>&lt;b&gt;Ein multitemporales Raster&lt;/b&gt;: ein einzelner Eingabe-Layer, der alle Zeitpunkte als Kanäle enthält, wird in seine Zeitpunkte aufgeteilt, wenn seine Kanalnamen Datumsangaben tragen (ein Google-Earth-Engine-Export mit toBands(): 20200105T103421_..._B4) oder er eine NetCDF-Variable mit Zeitachse ist. Sonst &lt;b&gt;Kanäle je Zeitpunkt&lt;/b&gt; angeben (erweitert, BANDS_PER_DATE: alle Kanäle eines Zeitpunkts, QA-Kanäle mitgezählt) und, wenn die Kanäle Kanal für Kanal folgen, &lt;b&gt;Kanalreihenfolge&lt;/b&gt; (BAND_ORDER=band). Jeder Zeitpunkt wird zu einem kleinen VRT, das das Raster liest und in einem Ordner &amp;lt;Name&amp;gt;_dates daneben gespeichert wird (von späteren Läufen desselben Rasters wiederverwendet; der Pixelinspektor und ein gespeichertes Projekt lesen diese VRTs). Zeitpunkte, Kanäle und Wolkenmasken zählen dann je Zeitpunkt.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="352" />
            <source>&lt;b&gt;Co-register the dates&lt;/b&gt; (advanced, COREGISTER): each date that is offset from the first input layer by whole pixels is moved onto it before the run: the offset that best matches the dates' edges on a central window, up to 4 px each way, applied only when the match is clear.  A move keeps every value as the file stores it (no resampling); the strip along the scene's edge that a moved date no longer covers is nodata.  The log's Alignment line says what was found and moved, and the outputs' metadata item CAIM_COREGISTER records it per date.  For dates whose georeferencing differs (other sensors or processing levels); it corrects no rotation, scale or terrain distortion, and a date offset by 5 px or more is left as it is, with a warning.</source>
            <translation>&lt;b&gt;Zeitpunkte koregistrieren&lt;/b&gt; (erweitert, COREGISTER): jeder Zeitpunkt, der um ganze Pixel gegen die erste Eingabeebene versetzt ist, wird vor dem Lauf auf sie verschoben: um den Versatz, bei dem die Kanten der Zeitpunkte in einem zentralen Fenster am besten übereinstimmen, bis zu 4 px in jede Richtung, und nur, wenn die Übereinstimmung eindeutig ist.  Eine Verschiebung behält jeden Wert so, wie die Datei ihn speichert (kein Resampling); der Streifen am Rand der Szene, den ein verschobener Zeitpunkt nicht mehr abdeckt, ist NoData.  Die Zeile 'Lage' im Protokoll des Laufs sagt, was gefunden und verschoben wurde, und das Metadaten-Element CAIM_COREGISTER der Ausgaben hält es je Zeitpunkt fest.  Für Zeitpunkte mit abweichender Georeferenzierung (andere Sensoren oder Prozessierungsstufen); es korrigiert keine Drehung, Maßstabsänderung oder Geländeverzerrung, und ein um 5 px oder mehr versetzter Zeitpunkt bleibt, wie er ist, mit einer Warnung.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="361" />
            <source>On (the default).</source>
            <translation>Ein (Standard).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="361" />
            <source>Off (the default).</source>
            <translation>Aus (Standard).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="388" />
            <source>WEIGHTS: '%s' is not a weights file (.pt, PyTorch). Give a CAIM-Net or SChanger weights file, or leave WEIGHTS empty for the bundled weights.</source>
            <translation>WEIGHTS: '%s' ist keine Gewichtsdatei (.pt, PyTorch). Eine Gewichtsdatei von CAIM-Net oder SChanger angeben, oder WEIGHTS leer lassen für die mitgelieferten Gewichte.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="405" />
            <source>PROBABILITIES_TYPE=%s applies to the Moment probabilities (PROBABILITIES), which this run does not write. Give PROBABILITIES a file, or leave PROBABILITIES_TYPE at float32.</source>
            <translation>PROBABILITIES_TYPE=%s gilt für die Zeitpunkt-Wahrscheinlichkeiten (PROBABILITIES), die dieser Lauf nicht schreibt. PROBABILITIES eine Datei geben oder PROBABILITIES_TYPE auf float32 lassen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="415" />
            <source>Raster layers, oldest first (order is time order)</source>
            <translation>Rasterlayer, ältester zuerst (Reihenfolge ist Zeitfolge)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="417" />
            <source>Dates, YYYY-MM-DD in layer order</source>
            <translation>Datumsangaben JJJJ-MM-TT je Layer</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="418" />
            <source>Comma-separated, one per layer; empty: read from the layer names, file names or metadata.</source>
            <translation>Kommagetrennt, eine je Layer; leer: aus den Layernamen, Dateinamen oder Metadaten gelesen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="420" />
            <source>Bands, e.g. 1,2,3,4</source>
            <translation>Kanäle, z. B. 1,2,3,4</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="421" />
            <source>The networks use 4 bands as R, G, B, NIR (3 as R, G, B with green in place of NIR); CVA and ISFA use any bands. Empty: from the bands' wavelengths or names (see the help).</source>
            <translation>Die Netze nutzen 4 Kanäle als R, G, B, NIR (3 als R, G, B mit Grün anstelle von NIR); CVA und ISFA beliebige Kanäle. Leer: aus den Wellenlängen oder Namen der Kanäle (siehe Hilfe).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="426" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="427" />
            <source>auto (the default): %s. The help describes every option.</source>
            <translation>auto (Standard): %s. Die Hilfe beschreibt jede Option.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="428" />
            <source>qgis_process and scripts give the name (MODEL=cva), not the number that qgis_process help lists.</source>
            <translation>qgis_process und Skripte geben den Namen an (MODEL=cva), nicht die Nummer, die qgis_process help auflistet.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="431" />
            <source>Weights file (.pt)</source>
            <translation>Gewichtsdatei (.pt)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="432" />
            <source>Empty: the bundled weights. The classical CVA and ISFA need none.</source>
            <translation>Leer: die mitgelieferten Gewichte. Die klassischen CVA und ISFA brauchen keine.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="434" />
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="435" />
            <source>Auto (the default): the GPU when PyTorch sees one (CUDA), else the CPU. qgis_process and scripts give the name (DEVICE=CPU).</source>
            <translation>Auto (Standard): die GPU, wenn PyTorch eine sieht (CUDA), sonst die CPU. qgis_process und Skripte geben den Namen an (DEVICE=CPU).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="438" />
            <source>Sensitivity (0 = calibrated)</source>
            <translation>Empfindlichkeit (0 = kalibriert)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="440" />
            <source>-3 to 3: positive values call more pixels changed, negative values fewer.</source>
            <translation>-3 bis 3: positive Werte stufen mehr Pixel als geändert ein, negative weniger.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="441" />
            <source>0 (the default): the calibrated decision.</source>
            <translation>0 (Standard): die kalibrierte Entscheidung.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="445" />
            <source>Minimum change patch (pixels; 0 = off)</source>
            <translation>Mindestfläche (Pixel; 0 = aus)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="447" />
            <source>Changed patches smaller than this are written as unchanged; 0 keeps every changed pixel.</source>
            <translation>Geänderte Flächen, die kleiner sind, werden als unverändert geschrieben; 0 behält jedes geänderte Pixel.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="449" />
            <source>Fill masked dates from neighbouring clear dates</source>
            <translation>Maskierte Zeitpunkte aus benachbarten füllen</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="450" />
            <source>For cloudy series: a masked date takes the pixel's values of the previous clear date, or of the next where no earlier date is clear.</source>
            <translation>Für bewölkte Zeitreihen: ein maskierter Zeitpunkt übernimmt die Werte des Pixels vom vorigen wolkenfreien Zeitpunkt, oder vom nächsten, wo kein früherer wolkenfrei ist.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="452" />
            <source>Off (the default): a pixel masked in any date is nodata in every output.</source>
            <translation>Aus (Standard): ein Pixel, das in irgendeinem Zeitpunkt maskiert ist, ist in jeder Ausgabe NoData.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="454" />
            <source>Cloud masks, one per input layer</source>
            <translation>Wolkenmasken, eine je Eingabelayer</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="455" />
            <source>In the order of the input layers; for masks of some dates only, give their positions in Dates the cloud masks belong to (advanced).</source>
            <translation>In der Reihenfolge der Eingabelayer; für Masken nur einiger Zeitpunkte deren Positionen in Zeitpunkte der Wolkenmasken (erweitert) angeben.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="458" />
            <source>Mask values meaning clear</source>
            <translation>Maskenwerte für wolkenfrei</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="459" />
            <source>Default 0. The help gives the values for Landsat QA_PIXEL, Sentinel-2 SCL and Fmask.</source>
            <translation>Standard 0. Die Hilfe nennt die Werte für Landsat QA_PIXEL, Sentinel-2 SCL und Fmask.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="461" />
            <source>Dates the cloud masks belong to</source>
            <translation>Zeitpunkte der Wolkenmasken</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="462" />
            <source>The input positions of the masks' dates, e.g. 2,5: the first mask for the second layer, the other for the fifth.</source>
            <translation>Die Eingabepositionen der Zeitpunkte der Masken, z. B. 2,5: die erste Maske für den zweiten Layer, die andere für den fünften.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="467" />
            <source>Tile size (pixels; 0 = automatic)</source>
            <translation>Kachelgröße (Pixel; 0 = automatisch)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="469" />
            <source>0 (the default): chosen from the number of dates so that the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene. The result does not depend on the tiles.</source>
            <translation>0 (Standard): aus der Zahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene. Das Ergebnis hängt nicht von den Kacheln ab.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="475" />
            <source>Threshold of the classical methods (CVA, ISFA)</source>
            <translation>Schwellenwert klassischer Methoden (CVA, ISFA)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="477" />
            <source>otsu (the default), or kittler (minimum error; for MODEL=cva or isfa, and MODEL=auto where it runs Classical ISFA). qgis_process and scripts give the name (THRESHOLD=kittler).</source>
            <translation>otsu (Standard) oder kittler (minimaler Fehler; für MODEL=cva oder isfa und MODEL=auto, wo es Klassische ISFA ausführt). qgis_process und Skripte geben den Namen an (THRESHOLD=kittler).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="482" />
            <source>Tile overlap (pixels; empty: automatic)</source>
            <translation>Kachelüberlappung (Pixel; leer: auto)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="484" />
            <source>Empty (the default): the model's own reach, so that the tiles join without seams.</source>
            <translation>Leer (Standard): die eigene Reichweite des Modells, sodass die Kacheln ohne Nähte aneinanderstoßen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="488" />
            <source>Change area</source>
            <translation>Änderungsfläche</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="489" />
            <source>Change moment</source>
            <translation>Änderungszeitpunkt</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="490" />
            <source>Confidence</source>
            <translation>Konfidenz</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="492" />
            <source>Change polygons</source>
            <translation>Änderungspolygone</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="495" />
            <source>Moment probabilities</source>
            <translation>Zeitpunkt-Wahrscheinlichkeiten</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="496" />
            <source>One band per class, for inspection.</source>
            <translation>Ein Kanal je Klasse, zur Inspektion.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="500" />
            <source>Run report (HTML)</source>
            <translation>Laufbericht (HTML)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="500" />
            <source>HTML files (*.html)</source>
            <translation>HTML-Dateien (*.html)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="501" />
            <source>The settings, the changed area per interval as a chart and a table, and the map: the first and last date and the change moment.</source>
            <translation>Die Einstellungen, die geänderte Fläche je Intervall als Diagramm und Tabelle und die Karte: der erste und der letzte Zeitpunkt und der Änderungszeitpunkt.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="506" />
            <source>Run even if estimated too long/big</source>
            <translation>Voraussichtlich riesige Läufe zulassen</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="507" />
            <source>A run estimated at more than a day, or whose outputs do not fit the free space of their folder, is refused unless this is on.</source>
            <translation>Ein Lauf, der voraussichtlich länger als einen Tag dauert oder dessen Ausgaben nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist an.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="512" />
            <source>Bands per date (multi-date raster)</source>
            <translation>Kanäle je Zeitpunkt (multitemporal)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="514" />
            <source>One input raster holding every date: all bands of one date, QA bands included; 0: from the dates in the band names.</source>
            <translation>Ein Eingaberaster mit allen Zeitpunkten: alle Kanäle eines Zeitpunkts, QA-Kanäle eingeschlossen; 0: nach den Datumsangaben der Kanalnamen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="519" />
            <source>Band order (multi-date raster)</source>
            <translation>Kanalreihenfolge (multitemporal)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="521" />
            <source>auto (the default): from the band names, else date by date; date: all bands of date 1, then of date 2; band: band 1 of every date, then band 2. qgis_process and scripts give the name (BAND_ORDER=band).</source>
            <translation>auto (Standard): aus den Kanalnamen, sonst Zeitpunkt für Zeitpunkt; date: alle Kanäle von Zeitpunkt 1, dann von Zeitpunkt 2; band: Kanal 1 jedes Zeitpunkts, dann Kanal 2. qgis_process und Skripte geben den Namen an (BAND_ORDER=band).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="527" />
            <source>Moment probabilities data type</source>
            <translation>Datentyp der Zeitpunkt-Wahrscheinlichkeiten</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="529" />
            <source>float32 (the default): the probabilities as they are, -1 nodata. uint16 or byte: stored as round(p x 65534) or round(p x 254), 65535 or 255 nodata, with the bands' scale 1/65534 or 1/254 (QGIS applies it), in about a half or a quarter of the space. Only with Moment probabilities. qgis_process and scripts give the name (PROBABILITIES_TYPE=uint16).</source>
            <translation>float32 (Standard): die Wahrscheinlichkeiten, wie sie sind, -1 NoData. uint16 oder byte: gespeichert als round(p x 65534) oder round(p x 254), 65535 oder 255 NoData, mit dem Skalierungsfaktor 1/65534 oder 1/254 der Kanäle (QGIS wendet ihn an), in etwa der Hälfte oder einem Viertel des Platzes. Nur mit Zeitpunkt-Wahrscheinlichkeiten. qgis_process und Skripte geben den Namen an (PROBABILITIES_TYPE=uint16).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="536" />
            <source>Co-register the dates</source>
            <translation>Zeitpunkte koregistrieren</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="537" />
            <source>Moves each date that is offset from the first layer by whole pixels onto it before the run (the offset that best matches the dates' edges, up to 4 px each way, applied only when the match is clear); the log's Alignment line says what was moved. For georeferencing offsets between dates, not rotation or terrain distortion.</source>
            <translation>Verschiebt vor dem Lauf jeden Zeitpunkt, der um ganze Pixel gegen die erste Ebene versetzt ist, auf sie (um den Versatz, bei dem die Kanten der Zeitpunkte am besten übereinstimmen, bis zu 4 px in jede Richtung, nur bei eindeutiger Übereinstimmung); die Zeile 'Lage' im Protokoll des Laufs sagt, was verschoben wurde. Für Versätze der Georeferenzierung zwischen Zeitpunkten, nicht für Drehung oder Geländeverzerrung.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="544" />
            <source>Device used</source>
            <translation>Verwendetes Gerät</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="545" />
            <source>Dates used (comma-separated)</source>
            <translation>Verwendete Datumsangaben (kommagetrennt)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="546" />
            <source>Model used (auto resolved)</source>
            <translation>Verwendetes Modell (auto aufgelöst)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="547" />
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="548" />
            <source>Changed hectares per interval (JSON)</source>
            <translation>Geänderte Hektar je Intervall (JSON)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="549" />
            <source>Warnings (one per line)</source>
            <translation>Warnungen (eine je Zeile)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="603" />
            <source>BAND_ORDER=%s is not one of its options. Give an option's name: %s.</source>
            <translation>BAND_ORDER=%s ist keine seiner Optionen. Den Namen einer Option angeben: %s.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="635" />
            <source>'%s' is not a file-based (GDAL) raster, so it cannot be split into dates; export it as GeoTIFF first.</source>
            <translation>'%s' ist kein dateibasiertes (GDAL-)Raster und kann daher nicht in Zeitpunkte aufgeteilt werden; zuerst als GeoTIFF exportieren.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="644" />
            <source>Layer '%s': %s</source>
            <translation>Layer '%s': %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="650" />
            <source>'%s' holds %d dates: split into %s%s</source>
            <translation>'%s' enthält %d Zeitpunkte: aufgeteilt in %s%s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="651" />
            <source> (used again: the same split as before)</source>
            <translation> (wiederverwendet: dieselbe Aufteilung wie zuvor)</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="671" />
            <source>DATES has %d entries for the %d dates of the multi-date raster; give one date per date, oldest first, separated by commas.</source>
            <translation>DATES hat %d Einträge für die %d Zeitpunkte des multitemporalen Rasters; ein Datum je Zeitpunkt angeben, das älteste zuerst, kommagetrennt.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="677" />
            <source>Unknown model '%s'; use one of %s.</source>
            <translation>Unbekanntes Modell '%s'; eines von %s verwenden.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="683" />
            <source>The CAIM engine (model_core) could not be loaded to choose the automatic model; choose MODEL=caimnet, schanger, cva, caimnet_cva, isfa or caimnet_isfa.</source>
            <translation>Die CAIM-Engine (model_core) konnte nicht geladen werden, um das automatische Modell zu wählen; MODEL=caimnet, schanger, cva, caimnet_cva, isfa oder caimnet_isfa wählen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="687" />
            <source>The %s method (MODEL=%s) takes no weights, but the Weights file (WEIGHTS) is set to '%s'. Leave WEIGHTS empty, or choose a model that uses weights (MODEL=caimnet, schanger, caimnet_cva or caimnet_isfa) to use that file.</source>
            <translation>Die Methode %s (MODEL=%s) nimmt keine Gewichte, aber die Gewichtsdatei (WEIGHTS) ist auf '%s' gesetzt. WEIGHTS leer lassen oder ein Modell wählen, das Gewichte verwendet (MODEL=caimnet, schanger, caimnet_cva oder caimnet_isfa), um diese Datei zu verwenden.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="693" />
            <source>Unknown threshold '%s'; use one of %s.</source>
            <translation>Unbekannter Schwellenwert '%s'; einen von %s verwenden.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="697" />
            <source>The minimum-error threshold (THRESHOLD=kittler) applies to the classical methods only, not to %s. Choose MODEL=cva or isfa, or leave THRESHOLD at otsu.</source>
            <translation>Der Schwellenwert des minimalen Fehlers (THRESHOLD=kittler) gilt nur für die klassischen Methoden, nicht für %s. MODEL=cva oder isfa wählen oder THRESHOLD auf otsu lassen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="706" />
            <source> Here each date of a multi-date raster counts as one layer (%d in all, oldest first).</source>
            <translation> Hier zählt jeder Zeitpunkt eines multitemporalen Rasters als ein Layer (%d insgesamt, der älteste zuerst).</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="718" />
            <source>The minimum-error threshold (THRESHOLD=kittler) applies to the classical methods only, and MODEL=auto runs %s on these layers (it runs Classical ISFA for 2 dates without WEIGHTS, and on layers whose bands the networks cannot read). Choose MODEL=cva or isfa, or leave THRESHOLD at otsu.</source>
            <translation>Der Schwellenwert des minimalen Fehlers (THRESHOLD=kittler) gilt nur für die klassischen Methoden, und MODEL=auto führt auf diesen Layern %s aus (Klassische ISFA bei 2 Zeitpunkten ohne WEIGHTS und auf Layern, deren Kanäle die Netze nicht lesen können). MODEL=cva oder isfa wählen oder THRESHOLD auf otsu lassen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="736" />
            <source>Or give its Bands per date (advanced, BANDS_PER_DATE) to split it in this run.</source>
            <translation>Oder seine Kanäle je Zeitpunkt angeben (erweitert, BANDS_PER_DATE), um es in diesem Lauf aufzuteilen.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="740" />
            <source>Note: </source>
            <translation>Hinweis: </translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="740" />
            <source>Warning: </source>
            <translation>Warnung: </translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="741" />
            <source>Model: %s [%s]</source>
            <translation>Modell: %s [%s]</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="743" />
            <source>Date %d: %s  (%s)%s</source>
            <translation>Zeitpunkt %d: %s  (%s)%s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="743" />
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="744" />
            <source>  mask: %s</source>
            <translation>  Maske: %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="759" />
            <source>Cancelled by the user; no output was kept.</source>
            <translation>Vom Benutzer abgebrochen; es wurde keine Ausgabe behalten.</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="795" />
            <source>The CAIM engine (model_core) could not be loaded: %s</source>
            <translation>Die CAIM-Engine (model_core) konnte nicht geladen werden: %s</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="819" />
            <source>a vector file</source>
            <translation>Vektordatei</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="902" />
            <source>Writing change polygons</source>
            <translation>Änderungspolygone werden geschrieben</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="908" />
            <source>%d change polygon written to %s</source>
            <translation>%d Änderungspolygon nach %s geschrieben</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="909" />
            <source>%d change polygons written to %s</source>
            <translation>%d Änderungspolygone nach %s geschrieben</translation>
        </message>
        <message>
            <location filename="../algorithm.py" line="924" />
            <source> The change rasters of this run were removed with it.</source>
            <translation> Die Änderungsraster dieses Laufs wurden mit ihm entfernt.</translation>
        </message>
        <message>
            <source>'%s' is in a folder you cannot write to: its dates' VRTs are in QGIS's temporary folder, which is deleted when QGIS closes.</source>
            <translation type="obsolete">'%s' liegt in einem Ordner ohne Schreibrecht: die VRTs seiner Zeitpunkte liegen im temporären Ordner von QGIS, der beim Beenden von QGIS gelöscht wird.</translation>
        </message>
        <message>
            <source>'%s' is not a file in a folder (it is inside an archive, or at a web address): its dates' VRTs are in QGIS's temporary folder, which is deleted when QGIS closes.</source>
            <translation type="obsolete">'%s' ist keine Datei in einem Ordner, sondern liegt in einem Archiv oder unter einer Webadresse: die VRTs seiner Zeitpunkte liegen im temporären Ordner von QGIS, der beim Beenden von QGIS gelöscht wird.</translation>
        </message>
        <message>
            <source>0 (the default): chosen from the number of dates so that the run stays near 1.3 GB of memory. The result does not depend on the tiles.</source>
            <translation type="obsolete">0 (Standard): aus der Zahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt. Das Ergebnis hängt nicht von den Kacheln ab.</translation>
        </message>
        <message>
            <source>Bands per date (multi-date raster; 0: auto)</source>
            <translation type="obsolete">Kanäle je Zeitpunkt (multitemporales Raster; 0: auto)</translation>
        </message>
        <message>
            <source>Bands, e.g. 1,2,3,4 (networks: R, G, B, NIR; CVA, ISFA: any)</source>
            <translation type="obsolete">Kanäle, z. B. 1,2,3,4 (Netze: R, G, B, NIR; CVA, ISFA: beliebig)</translation>
        </message>
        <message>
            <source>Cloud masks, one per input layer in the same order</source>
            <translation type="obsolete">Wolkenmasken, eine je Eingabelayer in derselben Reihenfolge</translation>
        </message>
        <message>
            <source>Dates the cloud masks belong to (input positions, e.g. 2,5)</source>
            <translation type="obsolete">Zeitpunkte der Wolkenmasken (Eingabepositionen, z. B. 2,5)</translation>
        </message>
        <message>
            <source>Dates, YYYY-MM-DD in layer order (empty: from names/metadata)</source>
            <translation type="obsolete">Datumsangaben JJJJ-MM-TT je Layer (leer: aus Namen/Metadaten)</translation>
        </message>
        <message>
            <source>Device used: %s</source>
            <translation type="obsolete">Verwendetes Gerät: %s</translation>
        </message>
        <message>
            <source>Fill masked dates from the previous clear date</source>
            <translation type="obsolete">Maskierte Zeitpunkte aus dem vorigen füllen</translation>
        </message>
        <message>
            <source>Fill masked dates from the previous clear date (cloudy series)</source>
            <translation type="obsolete">Maskierte Zeitpunkte aus dem vorigen wolkenfreien füllen</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); 3 Kanäle werden als Rot, Grün, Blau in ihrer Reihenfolge gelesen, mit Grün anstelle von NIR (reine RGB-Bilder: 3,2,1 als 3,2,1,2), außer die Namen oder Wellenlängen der Kanäle sagen etwas anderes; leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz (mit MODEL=auto für 2 Zeitpunkte lässt eine hier angegebene Datei CAIM-Net + ISFA mit dieser Datei laufen); leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa (und MODEL=auto, wo es Klassische ISFA ausführt: für 2 Zeitpunkte ohne WEIGHTS und auf Layern, deren Kanäle die Netze nicht lesen können): er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 einzelne Pixel und Paare (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 für HLS-v2.0-Fmask, 0,1 für klassisches Fmask (Klassenwerte).  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD und BAND_ORDER nehmen die Optionsnamen (nicht die Nummern, die qgis_process help auflistet), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); 3 Kanäle werden als Rot, Grün, Blau in ihrer Reihenfolge gelesen, mit Grün anstelle von NIR (reine RGB-Bilder: 3,2,1 als 3,2,1,2), außer die Namen oder Wellenlängen der Kanäle sagen etwas anderes; leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz (mit MODEL=auto für 2 Zeitpunkte lässt eine hier angegebene Datei CAIM-Net + ISFA mit dieser Datei laufen); leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa (und MODEL=auto, wo es Klassische ISFA ausführt: für 2 Zeitpunkte ohne WEIGHTS und auf Layern, deren Kanäle die Netze nicht lesen können): er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 Flächen von 1 bis 3 Pixeln (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 für HLS-v2.0-Fmask, 0,1 für klassisches Fmask (Klassenwerte).  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD und BAND_ORDER nehmen die Optionsnamen (nicht die Nummern, die qgis_process help auflistet), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); 3 Kanäle werden als Rot, Grün, Blau in ihrer Reihenfolge gelesen, mit Grün anstelle von NIR (reine RGB-Bilder: 3,2,1 als 3,2,1,2), außer die Namen oder Wellenlängen der Kanäle sagen etwas anderes; leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz (mit MODEL=auto für 2 Zeitpunkte lässt eine hier angegebene Datei CAIM-Net + ISFA mit dieser Datei laufen); leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa (und MODEL=auto, wo es Klassische ISFA ausführt: für 2 Zeitpunkte ohne WEIGHTS und auf Layern, deren Kanäle die Netze nicht lesen können): er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 Flächen von 1 bis 3 Pixeln (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 für HLS-v2.0-Fmask, 0,1 für klassisches Fmask (Klassenwerte).  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Zeitpunkt-Wahrscheinlichkeiten (ein Kanal je Zeitpunktklasse, Kanal 1 = keine Änderung, -1 NoData; uint16 oder byte, skaliert, mit &lt;b&gt;Datentyp der Zeitpunkt-Wahrscheinlichkeiten&lt;/b&gt;, PROBABILITIES_TYPE), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD, BAND_ORDER und PROBABILITIES_TYPE nehmen die Optionsnamen (nicht die Nummern, die qgis_process help auflistet), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz (mit MODEL=auto für 2 Zeitpunkte lässt eine hier angegebene Datei CAIM-Net + ISFA mit dieser Datei laufen); leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa (und MODEL=auto, wo es Klassische ISFA ausführt: für 2 Zeitpunkte ohne WEIGHTS und auf Layern, deren Kanäle die Netze nicht lesen können): er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 einzelne Pixel und Paare (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 für HLS-v2.0-Fmask, 0,1 für klassisches Fmask (Klassenwerte).  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD und BAND_ORDER nehmen die Optionsnamen (nicht die Nummern, die qgis_process help auflistet), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz; leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa (und MODEL=auto, wo es Klassische ISFA ausführt, auf Layern, deren Kanäle die Netze nicht lesen können): er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 einzelne Pixel und Paare (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 für HLS-v2.0-Fmask, 0,1 für klassisches Fmask (Klassenwerte).  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL und DEVICE nehmen die Optionsnamen (keine Nummern), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz; leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa (und MODEL=auto, wo es Klassische ISFA ausführt, auf Layern, deren Kanäle die Netze nicht lesen können): er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 einzelne Pixel und Paare (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 für HLS-v2.0-Fmask, 0,1 für klassisches Fmask (Klassenwerte).  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL, DEVICE, THRESHOLD und BAND_ORDER nehmen die Optionsnamen (nicht die Nummern, die qgis_process help auflistet), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz; leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa: er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 einzelne Pixel und Paare (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, !bit1&amp;amp;!bit2&amp;amp;!bit3 für HLS-v2.0-Fmask, 0,1 für klassisches Fmask (Klassenwerte).  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL und DEVICE nehmen die Optionsnamen (keine Nummern), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz; leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert der klassischen Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa: er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 einzelne Pixel und Paare (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, 0,1 für Fmask.  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Auch ausführen, wenn voraussichtlich zu lang/zu groß&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL und DEVICE nehmen die Optionsnamen (keine Nummern), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
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
            <translation type="obsolete">Findet, wo sich die Landoberfläche in einer geordneten Zeitreihe koregistrierter Raster eines Ortes verändert hat und zwischen welchen zwei Zeitpunkten die letzte Änderung geschah.

&lt;b&gt;Eingabelayer&lt;/b&gt;: die Zeitpunkte, der älteste zuerst (die Reihenfolge der Liste ist die Zeitfolge). Layer auf verschiedenen Rastern oder KBS werden auf das Raster des ersten Layers ausgerichtet und auf die gemeinsame Fläche zugeschnitten.
&lt;b&gt;Datumsangaben&lt;/b&gt;: optional, kommagetrennt JJJJ-MM-TT, eine je Layer; sonst aus Layernamen, Dateinamen oder Metadaten gelesen.
&lt;b&gt;Kanäle&lt;/b&gt;: optionale Kanalnummern.  Die Netze verwenden 4 Kanäle als Rot, Grün, Blau, nahes Infrarot (z. B. 1,2,3,4); leer werden sie aus den Wellenlängen oder Namen der Rasterkanäle gelesen (ENVI-Header, Sentinel-2 B02..B08, 'red'/'nir'), sonst werden die Kanäle 1-4 unverändert verwendet und reine RGB-Layer als 1,2,3,2 (Grün anstelle von NIR).  Die klassischen CVA und ISFA verwenden beliebige Kanäle, und leer jeden Kanal der Eingaben (außer Kanälen, deren Metadaten atmosphärisch, thermal, Maske oder QA sagen).  CAIM-Net + CVA und CAIM-Net + ISFA: die 4 Kanäle des Netzes, und der klassische Teil leer auch jeden anderen Kanal (oder die Kanäle nach dem vierten einer längeren Liste, z. B. 3,2,1,4,5,6 für Landsat TM).
&lt;b&gt;Modell&lt;/b&gt;: &lt;tt&gt;auto&lt;/tt&gt; (Standard) = %s; &lt;tt&gt;caimnet&lt;/tt&gt; = CAIM-Net, beliebig viele Zeitpunkte; &lt;tt&gt;schanger&lt;/tt&gt; = SChanger, genau 2 Zeitpunkte; &lt;tt&gt;cva&lt;/tt&gt; = klassische Change Vector Analysis mit Otsu-Schwellenwert: keine Gewichte (Gewichte leer lassen), schnell, beliebige Kanäle; &lt;tt&gt;caimnet_cva&lt;/tt&gt; = CAIM-Net + CVA: die Zeitpunkt-Wahrscheinlichkeiten beider Methoden kombiniert (die Model Card vergleicht sie mit jeder einzelnen an echten Punkten), CAIM-Net-Gewichte, 4 Kanäle; &lt;tt&gt;caimnet_isfa&lt;/tt&gt; = CAIM-Net + ISFA, ebenso mit der ISFA unten; &lt;tt&gt;isfa&lt;/tt&gt; = klassische iterative Slow Feature Analysis (Wu, Du und Zhang 2014): wie die CVA, lernt aber, wie die Kanäle gemeinsam schwanken, wo sich nichts geändert hat (Dunst, Jahreszeit, Prozessierung), und rechnet das heraus, und gewichtet die Änderung jedes Pixels mit seinen 3 x 3 Nachbarn (einzelne verrauschte Pixel verblassen); keine Gewichte, beliebige Kanäle. Das Protokoll nennt das Modell, das gelaufen ist.
&lt;b&gt;Gewichte&lt;/b&gt;: optionale .pt-Datei für das gewählte Netz; leer = die mitgelieferten Gewichte (die CAIM-Net-Datei wurde nur auf gemeinfreien Bilddaten trainiert; die Bilddaten der SChanger-Datei sind nicht alle gemeinfrei). Der Ordner resources/weights des Plugins enthält auch caimnet_rgbn_mixed_sources.pt, die frühere Standard-CAIM-Net-Datei, um frühere Ergebnisse zu reproduzieren; die Protokollzeile 'Weights trained on' sagt, worauf die verwendete Datei trainiert wurde.
&lt;b&gt;Empfindlichkeit&lt;/b&gt;: -3 .. 3, 0 (Standard) = die kalibrierte Entscheidung.  Positive Werte stufen mehr Pixel als geändert ein (weniger Auslassungen, mehr Fehlalarme), negative weniger; jeder Schritt von 1 verschiebt die Log-Odds von 'keine Änderung' um 1 (bei CVA und ISFA: +1 senkt den Schwellenwert um ein Viertel).  In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden.
&lt;b&gt;Schwellenwert klassischer Methoden&lt;/b&gt; (erweitert): &lt;tt&gt;otsu&lt;/tt&gt; (Standard) oder &lt;tt&gt;kittler&lt;/tt&gt;, der Schwellenwert des minimalen Fehlers nach Kittler und Illingworth, nur für MODEL=cva oder isfa: er findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen, stufte in unseren Prüfungen an echten Daten aber auch einige stabile Punkte mehr als geändert ein (die Model Card, Kandidat KT).
&lt;b&gt;Mindestfläche&lt;/b&gt;: eine kleinste Kartiereinheit in Pixeln, 0 (Standard) = aus.  Geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) kleiner als sie werden als unverändert geschrieben, mit der Wahrscheinlichkeit des Modells für keine Änderung als Konfidenz, z. B. entfernt 4 einzelne Pixel und Paare (Salz-und-Pfeffer-Rauschen); die Polygone folgen.  Unveränderte Lücken bleiben.
&lt;b&gt;Maskierte Zeitpunkte füllen&lt;/b&gt;: aus (Standard), ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData, Scanlücken), ist in jeder Ausgabe NoData.  An, jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis: ein maskierter Zeitpunkt übernimmt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.
&lt;b&gt;Wolkenmasken&lt;/b&gt;: optional, ein Maskenraster je Eingabelayer, in derselben Reihenfolge (eine Wolkenmaske oder ein QA-Kanal: CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask), auf beliebigem Raster (mit nächstem Nachbarn umgerechnet).  Für Masken nur einiger Zeitpunkte die Positionen der zugehörigen Eingabelayer in &lt;b&gt;Zeitpunkte der Wolkenmasken&lt;/b&gt; angeben (erweitert, MASKED_DATES), die erste Maske zur ersten Position: z. B. 2,5 mit zwei Masken, die erste für den zweiten Layer und die andere für den fünften; die übrigen Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).  Ein Pixel ist an einem Zeitpunkt maskiert, außer sein Maskenwert ist einer der &lt;b&gt;Maskenwerte für wolkenfrei&lt;/b&gt;: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;amp;), Standard 0; bit6&amp;amp;!bit2&amp;amp;!bit4 für Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten; oder die strengen Werte 21824,21952), bit6&amp;amp;!bit4,bit7&amp;amp;!bit1&amp;amp;!bit3&amp;amp;!bit4 für Landsat 4-7, 4-7,11 für Sentinel-2 SCL, 0,1 für Fmask.  Außerhalb der Ausdehnung einer Maske gilt als maskiert.  Für bewölkte Zeitreihen mit Maskierte Zeitpunkte füllen kombinieren.
&lt;b&gt;Kachelgröße&lt;/b&gt;: 0 (Standard) = automatisch, nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene; jede Rastergröße passt.
&lt;b&gt;Ausgaben&lt;/b&gt;: Änderungsfläche (0 unverändert, 1 geändert, 255 NoData), Änderungszeitpunkt (0 keine Änderung, k = Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 NoData), Konfidenz (Wahrscheinlichkeit der vorhergesagten Klasse, -1 NoData), optional Änderungspolygone mit moment, date_before, date_after und area_m2 und optional ein HTML-Laufbericht (Einstellungen, geänderte Fläche je Intervall als Diagramm und Tabelle, die Karte).

&lt;b&gt;Voraussichtlich riesige Läufe zulassen&lt;/b&gt; (erweitert, ALLOW_HUGE): vor einem Lauf werden seine Dauer und die Größe seiner Ausgaben geschätzt und im Protokoll gezeigt; ein Lauf, der auf mehr als einen Tag geschätzt wird oder dessen Ausgaben sicher nicht in den freien Platz ihres Ordners passen, wird abgelehnt, außer dies ist eingeschaltet.

Braucht PyTorch im Python von QGIS.

&lt;b&gt;qgis_process&lt;/b&gt;: MODEL und DEVICE nehmen die Optionsnamen (keine Nummern), z. B. &lt;tt&gt;qgis_process.bin run caim:detectchanges -- INPUT=a.tif INPUT=b.tif MODEL=auto DEVICE=CPU AREA=area.tif MOMENT=moment.tif CONFIDENCE=confidence.tif&lt;/tt&gt;, oder &lt;tt&gt;MODEL=cva&lt;/tt&gt; für die klassische Methode.  MASKS wird wie INPUT wiederholt, z. B. &lt;tt&gt;MASKS=qa_2020.tif MASKED_DATES=2&lt;/tt&gt; für eine Maske nur des zweiten Zeitpunkts.</translation>
        </message>
        <message>
            <source>For cloudy series: a masked date takes the pixel's values of the previous clear date.</source>
            <translation type="obsolete">Für bewölkte Zeitreihen: ein maskierter Zeitpunkt übernimmt die Werte des Pixels vom vorigen wolkenfreien Zeitpunkt.</translation>
        </message>
        <message>
            <source>Mask values meaning clear (default 0; QA, SCL codes: see help)</source>
            <translation type="obsolete">Maskenwerte für wolkenfrei (Standard 0; QA, SCL: siehe Hilfe)</translation>
        </message>
        <message>
            <source>Minimum change patch (pixels; 0 = keep every changed pixel)</source>
            <translation type="obsolete">Kleinste Änderungsfläche (Pixel; 0 = jedes geänderte Pixel behalten)</translation>
        </message>
        <message>
            <source>Model (auto: %s)</source>
            <translation type="obsolete">Modell (auto: %s)</translation>
        </message>
        <message>
            <source>Moment probabilities (one band per class, for inspection)</source>
            <translation type="obsolete">Zeitpunkt-Wahrscheinlichkeiten (zur Inspektion)</translation>
        </message>
        <message>
            <source>Run anyway if estimated too long or too big for the disk</source>
            <translation type="obsolete">Auch ausführen, wenn voraussichtlich zu lang/zu groß</translation>
        </message>
        <message>
            <source>Run report (HTML: settings, changed area per interval)</source>
            <translation type="obsolete">Laufbericht (HTML: Einstellungen, geänderte Fläche je Intervall)</translation>
        </message>
        <message>
            <source>Sensitivity (0 = calibrated; + more change, - less)</source>
            <translation type="obsolete">Empfindlichkeit (0 = kalibriert; + mehr Änderung, - weniger)</translation>
        </message>
        <message>
            <source>The minimum-error threshold (THRESHOLD=kittler) applies to the classical methods only, and MODEL=auto runs %s on these layers (it runs Classical ISFA only on layers whose bands the networks cannot read). Choose MODEL=cva or isfa, or leave THRESHOLD at otsu.</source>
            <translation type="obsolete">Der Schwellenwert des minimalen Fehlers (THRESHOLD=kittler) gilt nur für die klassischen Methoden, und MODEL=auto führt auf diesen Layern %s aus (Klassische ISFA nur auf Layern, deren Kanäle die Netze nicht lesen können). MODEL=cva oder isfa wählen oder THRESHOLD auf otsu lassen.</translation>
        </message>
        <message>
            <source>The networks use 4 bands as R, G, B, NIR; CVA and ISFA use any bands. Empty: from the bands' wavelengths or names (see the help).</source>
            <translation type="obsolete">Die Netze nutzen 4 Kanäle als R, G, B, NIR; CVA und ISFA beliebige Kanäle. Leer: aus den Wellenlängen oder Namen der Kanäle (siehe Hilfe).</translation>
        </message>
        <message>
            <source>Weights file (empty: bundled weights; none for CVA or ISFA)</source>
            <translation type="obsolete">Gewichtsdatei (leer: mitgelieferte; keine für CVA/ISFA)</translation>
        </message>
        <message>
            <source>otsu (the default), or kittler (minimum error; for MODEL=cva or isfa only). qgis_process and scripts give the name (THRESHOLD=kittler).</source>
            <translation type="obsolete">otsu (Standard) oder kittler (minimaler Fehler; nur für MODEL=cva oder isfa). qgis_process und Skripte geben den Namen an (THRESHOLD=kittler).</translation>
        </message>
    </context>
    <context>
        <name>CaimDialog</name>
        <message>
            <location filename="../dialog.py" line="170" />
            <source>Clear %s</source>
            <translation>%s leeren</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="406" />
            <source>CAIM: stacking band files into dates</source>
            <translation>CAIM: Kanaldateien werden zu Zeitpunkten gestapelt</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="484" />
            <source>CAIM change detection: detect changes in a time series</source>
            <translation>CAIM-Änderungserkennung: Änderungen in einer Zeitreihe erkennen</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="500" />
            <source>Check the images to compare, oldest first. They are ordered by the date found in the layer name, file name or metadata; drag rows to reorder (Alt+Up/Down), double-click a date to edit it (F2), and double-click a Cloud mask cell (Shift+F2) to give that date its cloud mask (optional, per date: dates without one are used as they are).</source>
            <translation>Die zu vergleichenden Bilder anhaken, das älteste zuerst. Sie sind nach dem Datum aus Layername, Dateiname oder Metadaten geordnet; Zeilen zum Umordnen ziehen (Alt+Auf/Ab), ein Datum zum Bearbeiten doppelklicken (F2) und eine Zelle der Spalte Wolkenmaske doppelklicken (Umschalt+F2), um diesem Zeitpunkt seine Wolkenmaske zu geben (optional, je Zeitpunkt: Zeitpunkte ohne Maske werden unverändert verwendet).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>Bands</source>
            <translation>Kanäle</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>CRS</source>
            <translation>KBS</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="513" />
            <source>Cloud mask</source>
            <translation>Wolkenmaske</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="528" />
            <source>Input layers in date order</source>
            <translation>Eingabelayer in zeitlicher Reihenfolge</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="529" />
            <source>Check the dates to compare, oldest first. Alt+Up and Alt+Down move the selected rows, F2 edits a date, Shift+F2 chooses a date's cloud mask.</source>
            <translation>Die zu vergleichenden Zeitpunkte anhaken, der älteste zuerst. Alt+Auf und Alt+Ab verschieben die gewählten Zeilen, F2 bearbeitet ein Datum, Umschalt+F2 wählt die Wolkenmaske eines Zeitpunkts.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="534" />
            <source>Sort by date</source>
            <translation>Nach Datum sortieren</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="536" />
            <source>Order the rows by date, oldest first (the top row is image 1). Layers without a date go below the dated ones: in the natural order of their names ('day 2' before 'day 10') when no checked layer has a date and every checked name has a number, else in the order they were added (the bottom of the Layers panel first)</source>
            <translation>Ordnet die Zeilen nach Datum, das älteste zuerst (die oberste Zeile ist Bild 1). Layer ohne Datum kommen unter die datierten: in der natürlichen Reihenfolge ihrer Namen ('Tag 2' vor 'Tag 10'), wenn kein gewählter Layer ein Datum hat und jeder gewählte Name eine Zahl enthält, sonst in der Reihenfolge, in der sie hinzugefügt wurden (der unterste im Layerfenster zuerst)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="541" />
            <source>Move up</source>
            <translation>Nach oben</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="542" />
            <source>Move the selected rows up (Alt+Up in the list)</source>
            <translation>Die markierten Zeilen nach oben schieben (Alt+Auf in der Liste)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="544" />
            <source>Move down</source>
            <translation>Nach unten</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="545" />
            <source>Move the selected rows down (Alt+Down in the list)</source>
            <translation>Die markierten Zeilen nach unten schieben (Alt+Ab in der Liste)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="547" />
            <source>Check all</source>
            <translation>Alle anhaken</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="549" />
            <source>Check none</source>
            <translation>Keine anhaken</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="551" />
            <source>Split into dates…</source>
            <translation>In Zeitpunkte aufteilen…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="552" />
            <source>The checked layer holds every date as bands (e.g. an Earth Engine export)? Split it into one layer per date (caim:splitdates)</source>
            <translation>Der angehakte Layer enthält alle Zeitpunkte als Kanäle (z. B. ein Earth-Engine-Export)? In einen Layer je Zeitpunkt aufteilen (caim:splitdates)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="556" />
            <source>Stack band files into dates</source>
            <translation>Kanaldateien zu Zeitpunkten stapeln</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="557" />
            <source>The checked layers are the band files of several dates (one file per band)? Stack each date's bands into one layer, with its cloud mask (caim:stackbands)</source>
            <translation>Die angehakten Layer sind die Kanaldateien mehrerer Zeitpunkte (eine Datei je Kanal)? Die Kanäle jedes Zeitpunkts zu einem Layer stapeln, mit seiner Wolkenmaske (caim:stackbands)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="575" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="584" />
            <source>Weights (*.pt);;All files (*)</source>
            <translation>Gewichte (*.pt);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="591" />
            <source>Weights</source>
            <translation>Gewichte</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="593" />
            <source>Weights file</source>
            <translation>Gewichtsdatei</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="593" />
            <source>Choose a weights file</source>
            <translation>Gewichtsdatei wählen</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="594" />
            <source>About…</source>
            <translation>Info…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="596" />
            <source>About the weights file</source>
            <translation>Über die Gewichtsdatei</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="598" />
            <source>What the weights file that will run is (the bundled one when the field is empty) and what it was trained on: command, start file, the imagery with each source's licence.</source>
            <translation>Was die Gewichtsdatei ist, die verwendet wird (die mitgelieferte, wenn das Feld leer ist), und worauf sie trainiert wurde: Befehl, Startdatei, die Bilddaten mit der Lizenz jeder Quelle.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="614" />
            <source>0: the calibrated decision. Positive values call more pixels changed (fewer missed changes, more false alarms), negative values fewer. Raise it in steps of 0.25 when clear changes are missed. Not remembered between sessions.</source>
            <translation>0: die kalibrierte Entscheidung. Positive Werte stufen mehr Pixel als geändert ein (weniger übersehene Änderungen, mehr Fehlalarme), negative weniger. In Schritten von 0,25 erhöhen, wenn deutliche Änderungen übersehen werden. Wird nicht zwischen Sitzungen gespeichert.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="617" />
            <source>Sensitivity</source>
            <translation>Empfindlichkeit</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="620" />
            <source>0 = calibrated; + finds more change, - less</source>
            <translation>0 = kalibriert; + findet mehr Änderung, - weniger</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="625" />
            <source>Otsu (default)</source>
            <translation>Otsu (Standard)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="626" />
            <source>Minimum error (Kittler-Illingworth)</source>
            <translation>Minimaler Fehler (Kittler-Illingworth)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="627" />
            <source>Threshold</source>
            <translation>Schwellenwert</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="629" />
            <source>Threshold method</source>
            <translation>Schwellenwertverfahren</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="630" />
            <source>For the CVA and ISFA methods, and for Automatic where it runs Classical ISFA</source>
            <translation>Für die Verfahren CVA und ISFA und für Automatisch, wo es Klassische ISFA ausführt</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="633" />
            <source>CVA, ISFA; Automatic where it runs ISFA</source>
            <translation>CVA, ISFA; Automatisch, wo es ISFA ausführt</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="642" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="643" />
            <source>off</source>
            <translation>aus</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="646" />
            <source>Minimum mapping unit: changed patches (8-connected changed pixels, whatever their moments) smaller than this are written as unchanged, e.g. 4 drops patches of 1 to 3 pixels. Unchanged holes inside changes are kept. Off (0) keeps every changed pixel.</source>
            <translation>Kleinste Kartiereinheit: geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) unter dieser Größe werden als unverändert geschrieben, z. B. entfernt 4 Flächen von 1 bis 3 Pixeln. Unveränderte Lücken innerhalb von Änderungen bleiben. Aus (0) behält jedes geänderte Pixel.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="651" />
            <source>Minimum change patch</source>
            <translation>Mindestfläche</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="657" />
            <source>Fill masked dates from neighbouring clear dates (cloudy series)</source>
            <translation>Maskierte Zeitpunkte aus benachbarten wolkenfreien füllen (bewölkte Zeitreihe)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="660" />
            <source>Off: a pixel that is nodata or masked in any date (clouds set to nodata) is nodata in every output. On: every pixel valid in at least two dates gets a result; a masked date takes the pixel's values of the previous clear date, or of the next where no earlier date is clear, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.</source>
            <translation>Aus: Ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData), ist in jeder Ausgabe NoData. An: Jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis; ein maskierter Zeitpunkt übernimmt die Werte des Pixels vom vorigen wolkenfreien Zeitpunkt, oder vom nächsten, wo kein früherer wolkenfrei ist, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="664" />
            <source>Co-register the dates (move dates offset by whole pixels onto the first date)</source>
            <translation>Zeitpunkte koregistrieren (um ganze Pixel versetzte auf den ersten verschieben)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="668" />
            <source>For dates whose georeferencing differs by a pixel or more (other sensors or processing levels), which makes false change along every edge. On: before the run, each date is compared with the first date and moved by the whole-pixel offset that best matches their edges (up to 4 px each way), only when the match is clear. Values are not resampled; the strip along the edge that a moved date no longer covers is nodata. It corrects no rotation, scale or terrain distortion, and leaves a date offset by 5 px or more as it is, with a warning. The run's log (Alignment line) says which dates were moved.</source>
            <translation>Für Zeitpunkte, deren Georeferenzierung um ein Pixel oder mehr abweicht (andere Sensoren oder Prozessierungsstufen), was falsche Änderungen entlang jeder Kante ergibt. Ein: vor dem Lauf wird jeder Zeitpunkt mit dem ersten verglichen und um den Versatz in ganzen Pixeln verschoben, bei dem ihre Kanten am besten übereinstimmen (bis zu 4 px in jede Richtung), nur bei eindeutiger Übereinstimmung. Die Werte werden nicht neu berechnet (kein Resampling); der Randstreifen, den ein verschobener Zeitpunkt nicht mehr abdeckt, ist NoData. Es korrigiert keine Drehung, Maßstabsänderung oder Geländeverzerrung und lässt einen um 5 px oder mehr versetzten Zeitpunkt, wie er ist, mit einer Warnung. Das Protokoll des Laufs (Zeile 'Lage') sagt, welche Zeitpunkte verschoben wurden.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="678" />
            <source>Mask values that mean clear sky: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;); every other value masks the pixel on that date. 0: CBERS CMASK and 0/1 masks; bit6&amp;!bit2&amp;!bit4: Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow); 4-7,11: Sentinel-2 SCL; !bit1&amp;!bit2&amp;!bit3: HLS v2.0 Fmask; 0,1: classic Fmask. The list beside it fills these in.</source>
            <translation>Maskenwerte, die wolkenfrei bedeuten: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;); jeder andere Wert maskiert das Pixel zu diesem Zeitpunkt. 0: CBERS CMASK und 0/1-Masken; bit6&amp;!bit2&amp;!bit4: Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten); 4-7,11: Sentinel-2 SCL; !bit1&amp;!bit2&amp;!bit3: HLS-v2.0-Fmask; 0,1: klassisches Fmask. Die Liste daneben trägt diese ein.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="685" />
            <source>Match masks by date</source>
            <translation>Nach Datum zuordnen</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="688" />
            <source>For each checked date without a mask, pick a one-band layer of the same date whose name says mask, QA, SCL, Fmask or cloud, and uncheck that layer as an input. Double-click a row's Cloud mask cell to choose one yourself.</source>
            <translation>Für jeden angehakten Zeitpunkt ohne Maske einen einkanaligen Layer desselben Datums wählen, dessen Name mask, QA, SCL, Fmask oder cloud enthält, und bei diesem Layer als Eingabe den Haken entfernen. Eine Zelle der Spalte Wolkenmaske doppelklicken, um selbst eine zu wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="694" />
            <source>Clear values of common cloud-mask products; choosing one fills in the clear values.</source>
            <translation>Wolkenfrei-Werte gängiger Wolkenmasken-Produkte; die Auswahl trägt die Werte ein.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="696" />
            <source>product…</source>
            <translation>Produkt…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="703" />
            <source>Cloud-mask values meaning clear</source>
            <translation>Wolkenmaskenwerte für wolkenfrei</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="704" />
            <source>Cloud-mask product</source>
            <translation>Wolkenmaskenprodukt</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="706" />
            <source>clear values</source>
            <translation>wolkenfrei</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="713" />
            <source>Cloud masks</source>
            <translation>Wolkenmasken</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="718" />
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="723" />
            <source>automatic</source>
            <translation>automatisch</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="726" />
            <source>Tile size in pixels. Automatic (0): chosen from the number of dates so the run stays near 1.3 GB of memory, plus up to 512 MB of output rows held on a very wide scene. Any raster size fits either way.</source>
            <translation>Kachelgröße in Pixeln. Automatisch (0): nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt, dazu bis zu 512 MB gehaltene Ergebniszeilen bei einer sehr breiten Szene. Jede Rastergröße passt so oder so.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="734" />
            <source>Tile size</source>
            <translation>Kachelgröße</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="735" />
            <source>Tile overlap</source>
            <translation>Kachelüberlappung</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="737" />
            <source>tile</source>
            <translation>Kachel</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="737" />
            <source>overlap</source>
            <translation>Überlappung</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="743" />
            <source>Tiling</source>
            <translation>Kachelung</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="747" />
            <source>Output folder</source>
            <translation>Ausgabeordner</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="747" />
            <source>Choose the output folder</source>
            <translation>Ausgabeordner wählen</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="749" />
            <source>Also write change polygons (GeoPackage with moment and dates)</source>
            <translation>Auch Änderungspolygone schreiben (GeoPackage mit dem Änderungsintervall)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="750" />
            <source>Write per-interval probabilities (used by the inspect tool)</source>
            <translation>Wahrscheinlichkeiten je Intervall schreiben (für das Pixel-Inspektionswerkzeug)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="755" />
            <source>float32 (default)</source>
            <translation>float32 (Standard)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="756" />
            <source>uint16, ~1/2 size</source>
            <translation>uint16, ~1/2 der Größe</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="757" />
            <source>byte, ~1/4 size</source>
            <translation>byte, ~1/4 der Größe</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="758" />
            <source>float32 (the default): the probabilities as they are. uint16 or byte: stored as round(p x 65534) or round(p x 254) with the bands' scale, which QGIS applies: within half a step (1/131068 or 1/508), in about a half or a quarter of the space.</source>
            <translation>float32 (Standard): die Wahrscheinlichkeiten, wie sie sind. uint16 oder byte: gespeichert als round(p x 65534) oder round(p x 254) mit dem Skalierungsfaktor der Kanäle, den QGIS anwendet: auf einen halben Schritt genau (1/131068 oder 1/508), in etwa der Hälfte oder einem Viertel des Platzes.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="762" />
            <source>Data type of the probabilities</source>
            <translation>Datentyp der Wahrscheinlichkeiten</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="763" />
            <source>stored as</source>
            <translation>gespeichert als</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="794" />
            <source>Run progress</source>
            <translation>Fortschritt des Laufs</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="803" />
            <source>Run status</source>
            <translation>Status des Laufs</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="817" />
            <source>Run</source>
            <translation>Starten</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="818" />
            <source>Cancel run</source>
            <translation>Lauf abbrechen</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="840" />
            <source>The %s method needs no weights: this file is not used.</source>
            <translation>Die Methode %s braucht keine Gewichte: diese Datei wird nicht verwendet.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="841" />
            <source>not used: the classical method needs no weights</source>
            <translation>nicht verwendet: die klassische Methode braucht keine Gewichte</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="842" />
            <source>Bands (any)</source>
            <translation>Kanäle (beliebig)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="843" />
            <source>empty: every band; e.g. 1,2,3,4,5,7 (the same bands for every date)</source>
            <translation>leer: alle Kanäle; z. B. 1,2,3,4,5,7 (dieselben Kanäle für jeden Zeitpunkt)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="845" />
            <source>Weights file (.pt) for the chosen network; empty: the bundled weights.</source>
            <translation>Gewichtsdatei (.pt) für das gewählte Netz; leer: die mitgelieferten Gewichte.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="846" />
            <source>empty: bundled weights</source>
            <translation>leer: mitgelieferte Gewichte</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="847" />
            <source>Bands (R, G, B, NIR)</source>
            <translation>Kanäle (R, G, B, NIR)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="848" />
            <source>empty: from band wavelengths/names, else bands 1-4; e.g. 3,2,1,4</source>
            <translation>leer: aus Wellenlängen/Namen der Kanäle, sonst Kanäle 1-4; z. B. 3,2,1,4</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="864" />
            <source>Only the classical methods (CVA, ISFA) have a threshold to choose; the networks and fusions use their calibrated decision (see Sensitivity).</source>
            <translation>Nur die klassischen Methoden (CVA, ISFA) haben einen wählbaren Schwellenwert; die Netze und Fusionen verwenden ihre kalibrierte Entscheidung (siehe Empfindlichkeit).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="867" />
            <source>Automatic runs %s on these layers, with the Weights file; it runs %s, and this control is enabled, when the Weights field is empty.</source>
            <translation>Automatisch führt auf diesen Layern %s aus, mit der Gewichtsdatei; ist das Feld Gewichte leer, führt es %s aus, und dieses Feld ist aktiv.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="871" />
            <source>Automatic runs %s on these layers; it runs Classical ISFA, and this control is enabled, on layers whose bands the networks cannot read.</source>
            <translation>Automatisch führt auf diesen Layern %s aus; auf Layern, deren Kanäle die Netze nicht lesen können, führt es Klassische ISFA aus, und dieses Feld ist aktiv.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="874" />
            <source>Where the classical method cuts its change magnitude. Otsu's threshold (default); the minimum-error threshold finds more of the change where changes are a small share of the scene; on our real checks it also called a few more stable points changed (model card, candidate KT).</source>
            <translation>Wo die klassische Methode ihre Änderungsstärke teilt. Otsus Schwellenwert (Standard); der Schwellenwert des minimalen Fehlers findet mehr Änderung, wo Änderungen nur einen kleinen Teil der Szene ausmachen; in unseren Prüfungen an echten Daten stufte er auch einige stabile Punkte mehr als geändert ein (Model Card, Kandidat KT).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="878" />
            <source>It applies to %s, which Automatic runs for 2 dates without a Weights file.</source>
            <translation>Er gilt für %s, das Automatisch für 2 Zeitpunkte ohne Gewichtsdatei ausführt.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="881" />
            <source>It applies to %s, which Automatic runs on these layers (the networks cannot read their bands).</source>
            <translation>Er gilt für %s, das Automatisch auf diesen Layern ausführt (die Netze können ihre Kanäle nicht lesen).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="916" />
            <source>empty: %s; with a file, %s</source>
            <translation>leer: %s; mit einer Datei %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="917" />
            <source>Automatic runs %s for 2 dates, which uses no weights file; with a Weights file it runs %s with that file.</source>
            <translation>Automatisch führt bei 2 Zeitpunkten %s aus, das keine Gewichtsdatei verwendet; mit einer Datei unter Gewichte führt es %s mit dieser Datei aus.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="923" />
            <source>not used: Automatic runs %s on these layers</source>
            <translation>nicht verwendet: Automatisch führt auf diesen Layern %s aus</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="927" />
            <source>Automatic runs %s with this file for 2 dates; with the field empty it runs %s, which uses no weights file.</source>
            <translation>Automatisch führt mit dieser Datei für 2 Zeitpunkte %s aus; bei leerem Feld führt es %s aus, das keine Gewichtsdatei verwendet.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="930" />
            <source>Automatic runs %s on the checked layers, as the networks cannot read their bands: this file is not used.</source>
            <translation>Automatisch führt auf den gewählten Layern %s aus, da die Netze ihre Kanäle nicht lesen können: diese Datei wird nicht verwendet.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="942" />
            <source>The %s method uses no weights file.</source>
            <translation>Die Methode %s verwendet keine Gewichtsdatei.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="949" />
            <source>Automatic runs %s on the checked layers, as the networks cannot read their bands: it uses no weights file (a file given under Weights is not used).</source>
            <translation>Automatisch führt auf den gewählten Layern %s aus, da die Netze ihre Kanäle nicht lesen können: es verwendet keine Gewichtsdatei (eine unter Gewichte angegebene Datei wird nicht verwendet).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="957" />
            <source>The CAIM engine (model_core) could not be loaded: %s</source>
            <translation>Die CAIM-Engine (model_core) konnte nicht geladen werden: %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="961" />
            <source>No bundled weights file was found for this model; choose a .pt file.</source>
            <translation>Für dieses Modell wurde keine mitgelieferte Gewichtsdatei gefunden; eine .pt-Datei wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="970" />
            <source>CAIM — weights file</source>
            <translation>CAIM — Gewichtsdatei</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="976" />
            <source>CAIM — weights file and its training data</source>
            <translation>CAIM — Gewichtsdatei und ihre Trainingsdaten</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="986" />
            <source>What this weights file is and what it was trained on (from the record in the file; the model card has its accuracy on real labels):</source>
            <translation>Was diese Gewichtsdatei ist und worauf sie trainiert wurde (aus dem Eintrag in der Datei; die Model Card nennt ihre Genauigkeit an echten Referenzdaten):</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1102" />
            <source>custom</source>
            <translation>benutzerdefiniert</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1102" />
            <source>none</source>
            <translation>keines</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1103" />
            <source>no CRS</source>
            <translation>kein KBS</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1104" />
            <source>double-click to choose this date's cloud mask (a one-band raster layer; optional, per date)</source>
            <translation>Doppelklick, um die Wolkenmaske dieses Zeitpunkts zu wählen (ein einkanaliger Rasterlayer; optional, je Zeitpunkt)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1108" />
            <source>date from the %s; double-click to edit</source>
            <translation>Datum aus: %s; Doppelklick zum Bearbeiten</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1109" />
            <source>no date found; double-click to type one (YYYY-MM-DD)</source>
            <translation>kein Datum gefunden; Doppelklick, um eines einzugeben (JJJJ-MM-TT)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1112" />
            <source>holds dates from %s to %s: Run splits it into one layer per date</source>
            <translation>enthält Zeitpunkte von %s bis %s: Ausführen teilt es in einen Layer je Zeitpunkt auf</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1227" />
            <source>cloud mask of '%s'
%s</source>
            <translation>Wolkenmaske von '%s'
%s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1288" />
            <source>Clear values %s, which the masks record (their product's).</source>
            <translation>Wolkenfrei-Werte %s, wie die Masken sie angeben (die ihres Produkts).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1290" />
            <source>The masks record different clear values (%s), and one set holds for every mask: empty the Cloud mask cells of the dates whose masks are of another kind, or give every date a mask of one kind.</source>
            <translation>Die Masken geben unterschiedliche Wolkenfrei-Werte an (%s), und ein Satz gilt für jede Maske: leeren Sie die Wolkenmasken-Zellen der Zeitpunkte, deren Masken anderer Art sind, oder geben Sie jedem Zeitpunkt eine Maske derselben Art.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1294" />
            <source>Matched %d cloud mask by date.</source>
            <translation>%d Wolkenmaske nach Datum zugeordnet.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1294" />
            <source>Matched %d cloud masks by date.</source>
            <translation>%d Wolkenmasken nach Datum zugeordnet.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1297" />
            <source>%d mask layer was hidden in the Layers panel; the run reads it all the same.</source>
            <translation>%d Maskenlayer wurde im Layerfenster ausgeblendet; der Lauf liest ihn trotzdem.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1299" />
            <source>%d mask layers were hidden in the Layers panel; the run reads them all the same.</source>
            <translation>%d Maskenlayer wurden im Layerfenster ausgeblendet; der Lauf liest sie trotzdem.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1301" />
            <source>Several mask layers for %s: choose one in that date's Cloud mask cell.</source>
            <translation>Mehrere Maskenlayer für %s: einen in der Zelle Wolkenmaske dieses Zeitpunkts wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1303" />
            <source>Several mask layers for %s: choose one in those dates' Cloud mask cells.</source>
            <translation>Mehrere Maskenlayer für %s: je einen in den Zellen Wolkenmaske dieser Zeitpunkte wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1357" />
            <source>Unreadable date %s: %s.</source>
            <translation>Unlesbares Datum %s: %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1358" />
            <source>'%s' for '%s'</source>
            <translation>'%s' für '%s'</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1382" />
            <source>The date typed for '%s' is not used: it holds several dates, which its band names or time axis give. Empty its Date cell.</source>
            <translation>Das für '%s' eingegebene Datum wird nicht verwendet: es enthält mehrere Zeitpunkte, die seine Kanalnamen oder seine Zeitachse angeben. Seine Zelle Datum leeren.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1386" />
            <source>'%s' holds several dates, and one cloud mask cannot serve them all: empty its Cloud mask cell, split it (Split into dates…), then choose each date's mask in its row.</source>
            <translation>'%s' enthält mehrere Zeitpunkte, und eine Wolkenmaske kann nicht für alle gelten: seine Zelle Wolkenmaske leeren, es aufteilen (In Zeitpunkte aufteilen…), dann die Maske jedes Zeitpunkts in dessen Zeile wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1392" />
            <source>%s (each date)</source>
            <translation>%s (je Zeitpunkt)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1395" />
            <source>Band %d does not exist in the dates of '%s', which have one band each: pick band 1.</source>
            <translation>Kanal %d gibt es in den Zeitpunkten von '%s' nicht, die je einen Kanal haben: Kanal 1 wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1399" />
            <source>Band %d does not exist in the dates of '%s', which have %d bands each: pick bands from 1 to %d.</source>
            <translation>Kanal %d gibt es in den Zeitpunkten von '%s' nicht, die je %d Kanäle haben: Kanäle von 1 bis %d wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1405" />
            <source>'%s' holds %d dates, %s to %s: Run first splits it into one layer per date (small VRT files %s, which read the raster), then checks the series again.</source>
            <translation>'%s' enthält %d Zeitpunkte, %s bis %s: Ausführen teilt es zuerst in einen Layer je Zeitpunkt auf (kleine VRT-Dateien %s, die das Raster lesen) und prüft dann die Zeitreihe erneut.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1410" />
            <source>'%s' holds %d dates: Run first splits it into one layer per date (small VRT files %s, which read the raster), then checks the series again.</source>
            <translation>'%s' enthält %d Zeitpunkte: Ausführen teilt es zuerst in einen Layer je Zeitpunkt auf (kleine VRT-Dateien %s, die das Raster lesen) und prüft dann die Zeitreihe erneut.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1430" />
            <source>No cloud mask for %s: those dates are used as they are (their own nodata still counts).</source>
            <translation>Keine Wolkenmaske für %s: diese Zeitpunkte werden unverändert verwendet (ihr eigenes NoData zählt weiterhin).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1453" />
            <source>%s looks like the cloud mask of a checked date: Match masks by date makes it that date's mask.</source>
            <translation>%s sieht wie die Wolkenmaske eines angehakten Zeitpunkts aus: Nach Datum zuordnen macht sie zur Maske dieses Zeitpunkts.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1455" />
            <source>%s look like cloud masks of checked dates: Match masks by date makes each its date's mask.</source>
            <translation>%s sehen wie Wolkenmasken angehakter Zeitpunkte aus: Nach Datum zuordnen macht jede zur Maske ihres Zeitpunkts.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1468" />
            <source>changed patches under this size are dropped</source>
            <translation>geänderte Flächen unter dieser Größe werden entfernt</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1472" />
            <source>= %s ha on %s's pixels</source>
            <translation>= %s ha bei der Pixelgröße von %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1473" />
            <source>= %s m² on %s's pixels</source>
            <translation>= %s m² bei der Pixelgröße von %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1486" />
            <source>Stacking the checked band files into dates: their dates take their place in the list when it is done.</source>
            <translation>Die angehakten Kanaldateien werden zu Zeitpunkten gestapelt: deren Zeitpunkte treten in der Liste an ihre Stelle, sobald das fertig ist.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1503" />
            <source>%d dates once split, to run with %s; the series is checked again then.</source>
            <translation>%d Zeitpunkte nach dem Aufteilen, auszuführen mit dem Modell %s; die Zeitreihe wird dann erneut geprüft.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1504" />
            <source>%d dates, ready to run with %s.</source>
            <translation>%d Zeitpunkte, bereit zum Lauf mit dem Modell %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1537" />
            <source>in QGIS's temporary folder, deleted when QGIS closes, as its own folder cannot be written to</source>
            <translation>im temporären Ordner von QGIS, der beim Beenden von QGIS gelöscht wird, da in seinen eigenen Ordner nicht geschrieben werden kann</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1539" />
            <source>in QGIS's temporary folder, deleted when QGIS closes, as it is not a file in a folder</source>
            <translation>im temporären Ordner von QGIS, der beim Beenden von QGIS gelöscht wird, da es keine Datei in einem Ordner ist</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1541" />
            <source>in '%s' beside it</source>
            <translation>in '%s' daneben</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1559" />
            <source>Layer '%s': %s</source>
            <translation>Layer '%s': %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1577" />
            <source>%s (dates)</source>
            <translation>%s (Zeitpunkte)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1589" />
            <source>'%s': %d dates in %s</source>
            <translation>'%s': %d Zeitpunkte in %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1596" />
            <source>Split into dates: %s.</source>
            <translation>In Zeitpunkte aufgeteilt: %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1631" />
            <source>The Processing plugin is not enabled: enable it (Plugins &gt; Manage and Install Plugins &gt; Installed &gt; Processing) to split the layer into dates.</source>
            <translation>Das Verarbeitungs-Plugin ist nicht aktiviert: es aktivieren (Erweiterungen &gt; Erweiterungen verwalten und installieren &gt; Installiert &gt; Processing), um den Layer in Zeitpunkte aufzuteilen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1702" />
            <source>Cancel stacking</source>
            <translation>Stapeln abbrechen</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1704" />
            <source>Stacking %d band files into dates… (Cancel stacking stops it)</source>
            <translation>%d Kanaldateien werden zu Zeitpunkten gestapelt… (Stapeln abbrechen hält das an)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1726" />
            <source>Stack band files into dates: %s</source>
            <translation>Kanaldateien zu Zeitpunkten stapeln: %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1728" />
            <source>Stacking cancelled; nothing was written.</source>
            <translation>Stapeln abgebrochen; nichts wurde geschrieben.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1808" />
            <source>These band files were stacked into %d dates (%d with a cloud mask) before, in %s: used again.</source>
            <translation>Diese Kanaldateien wurden bereits zu %d Zeitpunkten gestapelt (%d mit Wolkenmaske), in %s: wiederverwendet.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1811" />
            <source>Stacked the band files into %d dates (%d with a cloud mask) in %s.</source>
            <translation>Die Kanaldateien wurden zu %d Zeitpunkten gestapelt (%d mit Wolkenmaske) in %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1814" />
            <source>That is QGIS's temporary folder, deleted when QGIS closes, as the band files' folder cannot be written to (or they are inside an archive): a project saved with these dates opens without them. To keep them, stack the band files into a folder of your own (Raster &gt; CAIM change detection &gt; Stack band files into dates…).</source>
            <translation>Das ist der temporäre Ordner von QGIS, der beim Beenden von QGIS gelöscht wird, da in den Ordner der Kanaldateien nicht geschrieben werden kann (oder sie in einem Archiv liegen): ein damit gespeichertes Projekt öffnet sich ohne diese Zeitpunkte. Um sie zu behalten, stapeln Sie die Kanaldateien in einen eigenen Ordner (Raster &gt; CAIM-Änderungserkennung &gt; Kanaldateien zu Zeitpunkten stapeln…).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1819" />
            <source>They are %d scenes, each run on its own: checked are the %d dates of %s; check the dates of another scene (named by it) instead to run on that one.</source>
            <translation>Es sind %d Szenen, jede mit einem eigenen Lauf: angehakt sind die %d Zeitpunkte von %s; haken Sie stattdessen die Zeitpunkte einer anderen Szene an (nach ihr benannt), um diese zu verarbeiten.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1823" />
            <source>Left out, as the second granule of its tile and day (the one whose Fmask shows more clear pixels is stacked): %s.</source>
            <translation>Ausgelassen, als zweite Granule ihrer Kachel und ihres Tages (gestapelt wird die, deren Fmask mehr wolkenfreie Pixel zeigt): %s.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1827" />
            <source>Their masks are of different kinds, and one set of clear values holds for every mask: %s is set with the masks it is right for; the dates %s have masks of another kind and run without them. To mask them too, give every date a mask of one kind.</source>
            <translation>Ihre Masken sind unterschiedlicher Art, und ein Satz Wolkenfrei-Werte gilt für jede Maske: %s ist mit den Masken gesetzt, für die er stimmt; die Zeitpunkte %s haben Masken anderer Art und laufen ohne sie. Um auch sie zu maskieren, geben Sie jedem Zeitpunkt eine Maske derselben Art.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1845" />
            <source>stacked into the dates of %s (listed above: check them, not this band file)
%s</source>
            <translation>zu den Zeitpunkten in %s gestapelt (oben aufgeführt: diese anhaken, nicht diese Kanaldatei)
%s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1903" />
            <source>Choose an output folder.</source>
            <translation>Einen Ausgabeordner wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1911" />
            <source>Outputs already exist in %s; choose another folder.</source>
            <translation>In %s gibt es schon Ausgaben; einen anderen Ordner wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1915" />
            <source>Overwrite results?</source>
            <translation>Ergebnisse überschreiben?</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1916" />
            <source>These files already exist and would be replaced:

%s

%sOverwrite them?</source>
            <translation>Diese Dateien existieren bereits und würden ersetzt:

%s

%sÜberschreiben?</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1918" />
            <source>%d layers of this project show them; when the run succeeds, the new run's layers replace them.</source>
            <translation>%d Layer dieses Projekts zeigen sie; wenn der Lauf gelingt, ersetzen die Layer des neuen Laufs sie.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1920" />
            <source>%d layer of this project shows them; when the run succeeds, the new run's layers replace it.</source>
            <translation>%d Layer dieses Projekts zeigt sie; wenn der Lauf gelingt, ersetzen die Layer des neuen Laufs ihn.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1924" />
            <source>Not run: choose another output folder.</source>
            <translation>Nicht gestartet: einen anderen Ausgabeordner wählen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1930" />
            <source>Split into dates, not run: the series needs your attention (see the messages above); then Run again.</source>
            <translation>In Zeitpunkte aufgeteilt, nicht ausgeführt: die Zeitreihe braucht Ihre Aufmerksamkeit (siehe die Meldungen oben); dann erneut ausführen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1951" />
            <source>The Processing algorithm %s is not registered.</source>
            <translation>Der Verarbeitungsalgorithmus %s ist nicht registriert.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1964" />
            <source>Starting…</source>
            <translation>Wird gestartet…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1967" />
            <source>The parameters were refused.</source>
            <translation>Die Parameter wurden abgelehnt.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1982" />
            <source>Cancelling the stack…</source>
            <translation>Stapeln wird abgebrochen…</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="1985" />
            <source>Cancelling… partial outputs will be removed.</source>
            <translation>Wird abgebrochen… Teilergebnisse werden entfernt.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2026" />
            <source>, minimum-error threshold</source>
            <translation>, Schwellenwert des minimalen Fehlers</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2028" />
            <source>, sensitivity %s</source>
            <translation>, Empfindlichkeit %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2030" />
            <source>, changed patches &gt;= %s px</source>
            <translation>, geänderte Flächen &gt;= %s px</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2032" />
            <source>, cloud masks%s (clear = %s)</source>
            <translation>, Wolkenmasken%s (wolkenfrei = %s)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2033" />
            <source> on %d of %d dates</source>
            <translation> an %d von %d Zeitpunkten</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2036" />
            <source>, masked dates filled</source>
            <translation>, maskierte Zeitpunkte gefüllt</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2038" />
            <source>Done on %s with %s. %s Hover here for each interval; all details are in the log (CAIM change detection tab).</source>
            <translation>Fertig auf %s mit dem Modell %s. %s Für jedes Intervall hier mit der Maus verweilen; alle Details stehen im Protokoll (Reiter CAIM change detection).</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2040" />
            <source>Changed hectares per interval (last change):
</source>
            <translation>Geänderte Hektar je Intervall (letzte Änderung):
</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2043" />
            <source>&lt;a href="%s"&gt;Open the run report&lt;/a&gt; (settings, changed area per interval as a chart, the map)</source>
            <translation>&lt;a href="%s"&gt;Laufbericht öffnen&lt;/a&gt; (Einstellungen, geänderte Fläche je Intervall als Diagramm, die Karte)</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2047" />
            <source>Warning: </source>
            <translation>Warnung: </translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2051" />
            <source>Run finished on %s; report: %s</source>
            <translation>Lauf auf %s beendet; Bericht: %s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2052" />
            <source>Run finished on %s.</source>
            <translation>Lauf auf %s beendet.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2054" />
            <source>Changed hectares per interval (last change):
%s

Model: %s
Device: %s
%s</source>
            <translation>Geänderte Hektar je Intervall (letzte Änderung):
%s

Modell: %s
Gerät: %s
%s</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2064" />
            <source>1 warning.</source>
            <translation>1 Warnung.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2064" />
            <source>%d warnings.</source>
            <translation>%d Warnungen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2071" />
            <source>Cancelled; partial outputs were removed.</source>
            <translation>Abgebrochen; Teilergebnisse wurden entfernt.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2072" />
            <source>Cancelled; nothing was written.</source>
            <translation>Abgebrochen; nichts wurde geschrieben.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2074" />
            <source>The run failed.</source>
            <translation>Der Lauf ist fehlgeschlagen.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2081" />
            <source>Run anyway?</source>
            <translation>Trotzdem ausführen?</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2081" />
            <source>Run it anyway?</source>
            <translation>Den Lauf trotzdem ausführen?</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2150" />
            <source>Still running in the background; results will be added when done.</source>
            <translation>Läuft noch im Hintergrund; die Ergebnisse werden hinzugefügt, wenn er fertig ist.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2167" />
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2167" />
            <source>%s ha</source>
            <translation>%s ha</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2178" />
            <source>Done.</source>
            <translation>Fertig.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2178" />
            <source>%s ha changed.</source>
            <translation>%s ha geändert.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2188" />
            <source>CAIM change detection</source>
            <translation>CAIM-Änderungserkennung</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2217" />
            <source>Changed %s ha over %d intervals.</source>
            <translation>%s ha in %d Intervallen geändert.</translation>
        </message>
        <message>
            <location filename="../dialog.py" line="2218" />
            <source>Changed %s ha over %d interval.</source>
            <translation>%s ha in %d Intervall geändert.</translation>
        </message>
        <message>
            <source> Warning: </source>
            <translation type="obsolete"> Warnung: </translation>
        </message>
        <message>
            <source>'%s' holds %d dates, %s to %s: Run first splits it into one layer per date (small VRT files in %s beside it, which read the raster), then checks the series again.</source>
            <translation type="obsolete">'%s' enthält %d Zeitpunkte, %s bis %s: Ausführen teilt es zuerst in einen Layer je Zeitpunkt auf (kleine VRT-Dateien in %s daneben, die das Raster lesen) und prüft dann die Zeitreihe erneut.</translation>
        </message>
        <message>
            <source>'%s' holds %d dates: Run first splits it into one layer per date (small VRT files in %s beside it, which read the raster), then checks the series again.</source>
            <translation type="obsolete">'%s' enthält %d Zeitpunkte: Ausführen teilt es zuerst in einen Layer je Zeitpunkt auf (kleine VRT-Dateien in %s daneben, die das Raster lesen) und prüft dann die Zeitreihe erneut.</translation>
        </message>
        <message>
            <source>CVA and ISFA only</source>
            <translation type="obsolete">nur CVA und ISFA</translation>
        </message>
        <message>
            <source>Done on %s with %s. %s</source>
            <translation type="obsolete">Fertig auf %s mit dem Modell %s. %s</translation>
        </message>
        <message>
            <source>Fill masked dates from the previous clear date (cloudy series)</source>
            <translation type="obsolete">Maskierte Zeitpunkte vom vorigen wolkenfreien Zeitpunkt füllen (bewölkte Zeitreihe)</translation>
        </message>
        <message>
            <source>For the CVA and ISFA methods only</source>
            <translation type="obsolete">Nur für die Verfahren CVA und ISFA</translation>
        </message>
        <message>
            <source>Mask values that mean clear sky: comma-separated whole numbers, ranges and bit tests (bitN set, !bitN unset, joined by &amp;); every other value masks the pixel on that date. 0: CBERS CMASK and 0/1 masks; bit6&amp;!bit2&amp;!bit4: Landsat 8-9 Collection 2 QA_PIXEL (clear, no cirrus, no shadow); 4-7,11: Sentinel-2 SCL; 0,1: Fmask. The list beside it fills these in.</source>
            <translation type="obsolete">Maskenwerte, die wolkenfrei bedeuten: kommagetrennte ganze Zahlen, Bereiche und Bittests (bitN gesetzt, !bitN nicht gesetzt, verbunden mit &amp;); jeder andere Wert maskiert das Pixel zu diesem Zeitpunkt. 0: CBERS CMASK und 0/1-Masken; bit6&amp;!bit2&amp;!bit4: Landsat 8-9 Collection 2 QA_PIXEL (wolkenfrei, kein Zirrus, kein Schatten); 4-7,11: Sentinel-2 SCL; 0,1: Fmask. Die Liste daneben trägt diese ein.</translation>
        </message>
        <message>
            <source>Minimum mapping unit: changed patches (8-connected changed pixels, whatever their moments) smaller than this are written as unchanged, e.g. 4 drops isolated pixels and pairs. Unchanged holes inside changes are kept. Off (0) keeps every changed pixel.</source>
            <translation type="obsolete">Kleinste Kartiereinheit: geänderte Flächen (8-verbundene geänderte Pixel, gleich welcher Änderungszeitpunkt) unter dieser Größe werden als unverändert geschrieben, z. B. entfernt 4 einzelne Pixel und Paare. Unveränderte Lücken innerhalb von Änderungen bleiben. Aus (0) behält jedes geänderte Pixel.</translation>
        </message>
        <message>
            <source>Off: a pixel that is nodata or masked in any date (clouds set to nodata) is nodata in every output. On: every pixel valid in at least two dates gets a result; a masked date repeats the pixel's previous clear values, so a change hidden by clouds is dated to the interval that ends at the first clear date after it.</source>
            <translation type="obsolete">Aus: Ein Pixel, das an irgendeinem Zeitpunkt NoData oder maskiert ist (Wolken als NoData), ist in jeder Ausgabe NoData. An: Jedes Pixel, das an mindestens zwei Zeitpunkten gültig ist, erhält ein Ergebnis; ein maskierter Zeitpunkt wiederholt die vorigen wolkenfreien Werte des Pixels, sodass eine von Wolken verdeckte Änderung dem Intervall zugeordnet wird, das am ersten wolkenfreien Zeitpunkt danach endet.</translation>
        </message>
        <message>
            <source>Run finished on %s:
%s</source>
            <translation type="obsolete">Lauf auf %s beendet:
%s</translation>
        </message>
        <message>
            <source>Stacking %d band files into dates… (Cancel run stops it)</source>
            <translation type="obsolete">%d Kanaldateien werden zu Zeitpunkten gestapelt… (Lauf abbrechen hält das an)</translation>
        </message>
        <message>
            <source>Tile size in pixels. Automatic (0): chosen from the number of dates so the run stays near 1.3 GB of memory. Any raster size fits either way.</source>
            <translation type="obsolete">Kachelgröße in Pixeln. Automatisch (0): nach der Anzahl der Zeitpunkte gewählt, sodass der Lauf bei etwa 1,3 GB Speicher bleibt. Jede Rastergröße passt so oder so.</translation>
        </message>
        <message>
            <source>empty: Automatic runs %s; a file here runs %s with it</source>
            <translation type="obsolete">leer: Automatisch führt %s aus; eine Datei hier führt %s mit ihr aus</translation>
        </message>
    </context>
    <context>
        <name>CaimInputs</name>
        <message>
            <location filename="../inputs.py" line="74" />
            <source>write it year first, YYYY-MM-DD (day and month orders differ between countries, so the engine does not guess)</source>
            <translation>das Jahr zuerst schreiben, JJJJ-MM-TT (die Reihenfolge von Tag und Monat ist von Land zu Land verschieden, daher rät die Engine nicht)</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="76" />
            <source>use YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY, a real calendar date</source>
            <translation>JJJJ-MM-TT, JJJJMMTT, JJJJ-MM oder JJJJ verwenden, ein gültiges Kalenderdatum</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="103" />
            <source>%s: '%s' is neither a file nor a loaded layer. Check the path (was the file moved or renamed?).</source>
            <translation>%s: '%s' ist weder eine Datei noch ein geladener Layer. Den Pfad prüfen (wurde die Datei verschoben oder umbenannt?).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="106" />
            <source>%s: '%s' is a folder; give the image files in it, one per date.</source>
            <translation>%s: '%s' ist ein Ordner; die Bilddateien darin angeben, eine je Zeitpunkt.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="107" />
            <source>%s: '%s' cannot be opened as a raster: give the raster images (GeoTIFF or any format GDAL reads)%s.</source>
            <translation>%s: '%s' kann nicht als Raster geöffnet werden: die Rasterbilder angeben (GeoTIFF oder ein anderes Format, das GDAL liest)%s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="108" />
            <source>, one per date</source>
            <translation>, eines je Zeitpunkt</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="108" />
            <source>, one mask per date</source>
            <translation>, eine Maske je Zeitpunkt</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="149" />
            <source>layer name</source>
            <translation>Layername</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="153" />
            <source>file name</source>
            <translation>Dateiname</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="156" />
            <source>metadata</source>
            <translation>Metadaten</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="167" />
            <source>Bands must be comma-separated band numbers such as '1,2,3,4' (red, green, blue, near-infrared).</source>
            <translation>Kanäle müssen kommagetrennte Kanalnummern sein, etwa '1,2,3,4' (Rot, Grün, Blau, nahes Infrarot).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="170" />
            <source>Band numbers start at 1; got '%s'.</source>
            <translation>Kanalnummern beginnen bei 1; angegeben: '%s'.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="182" />
            <source>DATES has %d entries but %d layers were given; give one date per layer, in layer order, separated by commas.</source>
            <translation>DATES hat %d Einträge, aber %d Layer wurden angegeben; ein Datum je Layer angeben, in der Reihenfolge der Layer, durch Kommas getrennt.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="191" />
            <source>'%s' in DATES is not a date: %s.</source>
            <translation>'%s' in DATES ist kein Datum: %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="207" />
            <source>%d cloud masks for %d layers: give one mask per layer, in the same order, or set MASKED_DATES to the positions of the layers they belong to (e.g. 2,5 for masks of the second and fifth layers).</source>
            <translation>%d Wolkenmasken für %d Layer: eine Maske je Layer in derselben Reihenfolge angeben oder MASKED_DATES auf die Positionen der zugehörigen Layer setzen (z. B. 2,5 für Masken des zweiten und fünften Layers).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="214" />
            <source>MASKED_DATES '%s': %s is not a layer position. Give the 1-based positions of the input layers that have a cloud mask, comma-separated, e.g. 2,5.</source>
            <translation>MASKED_DATES '%s': %s ist keine Layerposition. Die Positionen (ab 1) der Eingabelayer mit Wolkenmaske angeben, kommagetrennt, z. B. 2,5.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="216" />
            <source>an empty entry</source>
            <translation>ein leerer Eintrag</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="219" />
            <source>MASKED_DATES '%s': position %d is out of range; there is %d input layer (positions 1 to %d).</source>
            <translation>MASKED_DATES '%s': Position %d liegt außerhalb des Bereichs; es gibt %d Eingabelayer (Positionen 1 bis %d).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="221" />
            <source>MASKED_DATES '%s': position %d is out of range; there are %d input layers (positions 1 to %d).</source>
            <translation>MASKED_DATES '%s': Position %d liegt außerhalb des Bereichs; es gibt %d Eingabelayer (Positionen 1 bis %d).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="224" />
            <source>MASKED_DATES '%s': position %d is given twice; a date has at most one cloud mask.</source>
            <translation>MASKED_DATES '%s': Position %d ist doppelt angegeben; ein Zeitpunkt hat höchstens eine Wolkenmaske.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="228" />
            <source>MASKED_DATES '%s' lists %s but MASKS has %s: give one mask per listed date, in the same order%s.</source>
            <translation>MASKED_DATES '%s' nennt %s, aber MASKS hat %s: eine Maske je genanntem Zeitpunkt angeben, in derselben Reihenfolge%s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="230" />
            <source>%d date</source>
            <translation>%d Zeitpunkt</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="230" />
            <source>%d dates</source>
            <translation>%d Zeitpunkte</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="231" />
            <source>%d cloud mask</source>
            <translation>%d Wolkenmaske</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="231" />
            <source>%d cloud masks</source>
            <translation>%d Wolkenmasken</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="232" />
            <source>, or leave MASKED_DATES empty</source>
            <translation>, oder MASKED_DATES leer lassen</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="447" />
            <source>Select at least 2 layers: change needs two or more dates (%d selected).</source>
            <translation>Mindestens 2 Layer auswählen: eine Änderung braucht zwei oder mehr Zeitpunkte (%d ausgewählt).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="449" />
            <source>If '%s' holds every date as bands (%d bands; e.g. an Earth Engine export), split it into dates first: Processing Toolbox, CAIM change detection, Split a multi-date raster into dates.</source>
            <translation>Falls '%s' alle Zeitpunkte als Kanäle enthält (%d Kanäle; z. B. ein Earth-Engine-Export), es zuerst in Zeitpunkte aufteilen: Verarbeitungswerkzeuge, CAIM-Änderungserkennung, Multitemporales Raster in Zeitpunkte aufteilen.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="456" />
            <source>SChanger compares exactly 2 dates (%d selected). Use CAIM-Net for a time series.</source>
            <translation>SChanger vergleicht genau 2 Zeitpunkte (%d ausgewählt). Für eine Zeitreihe CAIM-Net verwenden.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="480" />
            <source>The Weights file is not used.</source>
            <translation>Die Gewichtsdatei wird nicht verwendet.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="497" />
            <source> and %d more layers</source>
            <translation> und %d weitere Layer</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="498" />
            <source>No date for %s: the results will name the images 'image 1', 'image 2', … by their order in this list (the top row is image 1) instead of dates.</source>
            <translation>Kein Datum für %s: die Ergebnisse nennen die Bilder statt mit Datum 'Bild 1', 'Bild 2', … nach ihrer Reihenfolge in dieser Liste (die oberste Zeile ist Bild 1).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="502" />
            <source>Dates are not in chronological order: moments follow the list order.</source>
            <translation>Die Zeitpunkte sind nicht chronologisch geordnet: die Änderungszeitpunkte folgen der Reihenfolge der Liste.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="508" />
            <source>%d one-band layers share the date %s (%s)%s: they look like the bands of one date, which would be compared with each other as if they were dates. Press 'Stack band files into dates' below the list to stack each date's bands into one layer, with its cloud mask (caim:stackbands), and run on those.</source>
            <translation>%d einkanalige Layer haben denselben Zeitpunkt %s (%s)%s: sie sehen aus wie die Kanäle eines Zeitpunkts, die miteinander verglichen würden, als wären sie Zeitpunkte. 'Kanaldateien zu Zeitpunkten stapeln' unter der Liste drücken, um die Kanäle jedes Zeitpunkts zu einem Layer zu stapeln, mit seiner Wolkenmaske (caim:stackbands), und auf diesen rechnen.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="513" />
            <source> and %d more date likewise</source>
            <translation> und %d weiterer Zeitpunkt ebenso</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="514" />
            <source> and %d more dates likewise</source>
            <translation> und %d weitere Zeitpunkte ebenso</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="517" />
            <source>Some dates appear twice (%s): the intervals between them are zero days long.</source>
            <translation>Einige Datumsangaben kommen doppelt vor (%s): die Intervalle zwischen ihnen sind null Tage lang.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="544" />
            <source>Automatic: %s will run, not %s, which cannot read these layers' bands: %s</source>
            <translation>Automatisch: %s läuft, nicht %s, das die Kanäle dieser Layer nicht lesen kann: %s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="589" />
            <source>'%s' was read as a vector layer (%s): QGIS reads a NetCDF data cube of several variables so. Add one variable of it as a raster layer (Layer, Add Layer, Add Raster Layer, then pick the variable), or split the whole cube into dates on the command line (python -m model_core split).</source>
            <translation>'%s' wurde als Vektorlayer gelesen (%s): so liest QGIS einen NetCDF-Datenwürfel mit mehreren Variablen. Eine seiner Variablen als Rasterlayer hinzufügen (Layer, Layer hinzufügen, Rasterlayer hinzufügen, dann die Variable wählen) oder den ganzen Würfel auf der Kommandozeile in Zeitpunkte aufteilen (python -m model_core split).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="594" />
            <source>'%s' is a vector layer (%s), not an image: the inputs are the raster images of the series, one per date.</source>
            <translation>'%s' ist ein Vektorlayer (%s), kein Bild: die Eingaben sind die Rasterbilder der Zeitreihe, eines je Zeitpunkt.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="597" />
            <source>'%s' is not a valid raster layer.</source>
            <translation>'%s' ist kein gültiger Rasterlayer.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="599" />
            <source>'%s' is not a file-based (GDAL) raster; export it as GeoTIFF first.</source>
            <translation>'%s' ist kein dateibasiertes (GDAL-)Raster; zuerst als GeoTIFF exportieren.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="602" />
            <source>The file of '%s' is gone (%s): it was moved or deleted after the layer was loaded. Remove the layer, or point it to the file again (Layer Properties, Source).</source>
            <translation>Die Datei von '%s' ist verschwunden (%s): sie wurde nach dem Laden des Layers verschoben oder gelöscht. Den Layer entfernen oder ihn wieder auf die Datei verweisen (Layereigenschaften, Quelle).</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="607" />
            <source>'%s' is not an image but the %s file of '%s' beside it (%s): uncheck it, and add the image itself.</source>
            <translation>'%s' ist kein Bild, sondern eine Begleitdatei (%s) von '%s' daneben (%s): den Haken entfernen und das Bild selbst hinzufügen.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="630" />
            <source>Band %d does not exist in any layer (bands per layer: %s): pick bands from 1 to %d.</source>
            <translation>Kanal %d gibt es in keinem Layer (Kanäle je Layer: %s): Kanäle von 1 bis %d wählen.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="634" />
            <source>Band %d does not exist in %s (fewer bands): uncheck it or pick bands every date has.</source>
            <translation>Kanal %d gibt es in %s nicht (weniger Kanäle): den Haken entfernen oder Kanäle wählen, die jeder Zeitpunkt hat.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="636" />
            <source>Band %d does not exist in %s (fewer bands): uncheck them or pick bands every date has.</source>
            <translation>Kanal %d gibt es in %s nicht (weniger Kanäle): den Haken entfernen oder Kanäle wählen, die jeder Zeitpunkt hat.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="644" />
            <source>bands every date has (1 to %d)</source>
            <translation>Kanälen, die jeder Zeitpunkt hat (1 bis %d)</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="645" />
            <source>band 1, the only band every date has</source>
            <translation>Kanal 1, dem einzigen Kanal, den jeder Zeitpunkt hat</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="646" />
            <source>%s has fewer than the 4 bands (red, green, blue, NIR) the network needs: uncheck it, or use a classical method (CVA, ISFA) with %s</source>
            <translation>%s hat weniger als die 4 Kanäle (Rot, Grün, Blau, NIR), die das Netz braucht: den Haken entfernen oder eine klassische Methode (CVA, ISFA) verwenden mit %s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="649" />
            <source>%s have fewer than the 4 bands (red, green, blue, NIR) the network needs: uncheck them, or use a classical method (CVA, ISFA) with %s</source>
            <translation>%s haben weniger als die 4 Kanäle (Rot, Grün, Blau, NIR), die das Netz braucht: den Haken entfernen oder eine klassische Methode (CVA, ISFA) verwenden mit %s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="653" />
            <source>uncheck %s, or pick band 1, the only band every date has</source>
            <translation>den Haken von %s entfernen oder Kanal 1 wählen, den einzigen Kanal, den jeder Zeitpunkt hat</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="655" />
            <source>pick bands every date has (1 to %d), for example %s</source>
            <translation>Kanäle wählen, die jeder Zeitpunkt hat (1 bis %d), zum Beispiel %s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="657" />
            <source>Band counts differ (%s). The model needs the same bands from every date: %s.</source>
            <translation>Die Kanalanzahlen unterscheiden sich (%s). Das Modell braucht von jedem Zeitpunkt dieselben Kanäle: %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="666" />
            <source>no CRS</source>
            <translation>kein KBS</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="668" />
            <source>Layers have different CRSs (%s): they will be aligned onto the grid of '%s'.</source>
            <translation>Die Layer haben verschiedene KBS (%s): sie werden auf das Raster von '%s' ausgerichtet.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="674" />
            <source>Grids differ slightly: every date will be resampled onto the grid of '%s', clipped to the common area.</source>
            <translation>Die Raster unterscheiden sich leicht: jeder Zeitpunkt wird auf das Raster von '%s' umgerechnet, zugeschnitten auf die gemeinsame Fläche.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="689" />
            <source>%d cloud masks for %d layers: give one mask (or none) per layer, in the same order.</source>
            <translation>%d Wolkenmasken für %d Layer: eine Maske (oder keine) je Layer angeben, in derselben Reihenfolge.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="695" />
            <source>The mask '%s' of '%s'</source>
            <translation>Die Maske '%s' von '%s'</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="697" />
            <source>'%s' is both an input date and the mask of '%s'. Uncheck it as an input or choose another mask.</source>
            <translation>'%s' ist zugleich ein Eingabezeitpunkt und die Maske von '%s'. Den Haken als Eingabe entfernen oder eine andere Maske wählen.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="700" />
            <source>%s is not a valid raster layer.</source>
            <translation>%s ist kein gültiger Rasterlayer.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="702" />
            <source>%s is not a file-based (GDAL) raster; export it as GeoTIFF first.</source>
            <translation>%s ist kein dateibasiertes (GDAL-)Raster; zuerst als GeoTIFF exportieren.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="704" />
            <source>%s: its file is gone (%s). Remove the mask layer or point it to the file again.</source>
            <translation>%s: ihre Datei ist verschwunden (%s). Den Maskenlayer entfernen oder ihn wieder auf die Datei verweisen.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="707" />
            <source>%s has %d bands; a mask has one (CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask). Extract its mask band first.</source>
            <translation>%s hat %d Kanäle; eine Maske hat einen (CBERS CMASK, Landsat QA_PIXEL, Sentinel-2 SCL, Fmask). Zuerst ihren Maskenkanal extrahieren.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="710" />
            <source>%s does not overlap its layer: it would mask the whole date.</source>
            <translation>%s überlappt ihren Layer nicht: sie würde den ganzen Zeitpunkt maskieren.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="726" />
            <source>wavelengths</source>
            <translation>Wellenlängen</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="726" />
            <source>band names</source>
            <translation>Kanalnamen</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="727" />
            <source>colour interpretation</source>
            <translation>Farbinterpretation</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="746" />
            <source>Bands %s: the engine uses bands %s.</source>
            <translation>Kanäle %s: die Engine verwendet die Kanäle %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="753" />
            <source>e.g. 1,2,3,4 (RGB-only imagery is read as 1,2,3,2 by itself: green in place of NIR), or choose a classical method (CVA or ISFA), which uses any bands</source>
            <translation>z. B. 1,2,3,4 (reine RGB-Bilder werden von selbst als 1,2,3,2 gelesen: Grün anstelle von NIR) oder eine klassische Methode (CVA oder ISFA) wählen, die beliebige Kanäle verwendet</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="757" />
            <source>%s: the network uses bands %s as red, green, blue, NIR; the %s part also uses band(s) %s.</source>
            <translation>%s: das Netz verwendet die Kanäle %s als Rot, Grün, Blau, NIR; der %s-Teil verwendet außerdem Kanal/Kanäle %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="763" />
            <source>%s uses %d bands (red, green, blue, NIR) but Bands lists %d: give %d band numbers, %s.</source>
            <translation>%s verwendet %d Kanäle (Rot, Grün, Blau, NIR), aber das Feld Kanäle nennt %d: %d Kanalnummern angeben, %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="775" />
            <source> The %s part also uses the layers' other bands.</source>
            <translation> Der %s-Teil verwendet außerdem die übrigen Kanäle der Layer.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="777" />
            <source>Bands left empty: the engine uses bands %s.%s</source>
            <translation>Kanäle leer gelassen: die Engine verwendet die Kanäle %s.%s</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="778" />
            <source>%s as R, G, B, NIR (from the rasters' %s)</source>
            <translation>%s als R, G, B, NIR (aus den %s der Raster)</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="785" />
            <source>Bands left empty: the engine uses bands %s.</source>
            <translation>Kanäle leer gelassen: die Engine verwendet die Kanäle %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="795" />
            <source>Bands left empty: bands 1-4 are taken as red, green, blue, NIR (the layers' metadata do not say which band is which); for blue, green, red, NIR imagery enter 3,2,1,4.</source>
            <translation>Kanäle leer gelassen: die Kanäle 1-4 werden als Rot, Grün, Blau, NIR genommen (die Metadaten der Layer sagen nicht, welcher Kanal welcher ist); für Blau-, Grün-, Rot-, NIR-Bilder 3,2,1,4 eingeben.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="799" />
            <source>%s needs %d bands (red, green, blue, NIR) but the layers have %d and their metadata do not say which band is which: pick %d with Bands, %s.</source>
            <translation>%s braucht %d Kanäle (Rot, Grün, Blau, NIR), aber die Layer haben %d und ihre Metadaten sagen nicht, welcher Kanal welcher ist: %d im Feld Kanäle wählen, %s.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="846" />
            <source>The weights file was trained with the band mapping %s, which reads band %d; the layers have %d bands, so they are not of its training imagery's kind. Enter in Bands the bands of these layers that are red, green, blue and NIR, or use weights trained on imagery like these.</source>
            <translation>Die Gewichtsdatei wurde mit der Kanalzuordnung %s trainiert, die Kanal %d liest; die Layer haben %d Kanäle, sind also nicht von der Art ihrer Trainingsbilder. Im Feld Kanäle die Kanäle dieser Layer eingeben, die Rot, Grün, Blau und NIR sind, oder Gewichte verwenden, die auf solchen Bildern trainiert wurden.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="864" />
            <source>The weights file was trained with the band mapping %s (its training read those bands of its images as red, green, blue, NIR), and Bands is empty: if these layers are of its training imagery's kind, enter %s in Bands.</source>
            <translation>Die Gewichtsdatei wurde mit der Kanalzuordnung %s trainiert (ihr Training las diese Kanäle ihrer Bilder als Rot, Grün, Blau, NIR), und das Feld Kanäle ist leer: wenn diese Layer von der Art ihrer Trainingsbilder sind, %s im Feld Kanäle eingeben.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="925" />
            <source>%s does not overlap the other checked layers, which share a place: uncheck it or check the layers of one place.</source>
            <translation>%s überlappt die anderen angehakten Layer nicht, die an einem gemeinsamen Ort liegen: den Haken entfernen oder die Layer eines Ortes anhaken.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="927" />
            <source>%s do not overlap the other checked layers, which share a place: uncheck them or check the layers of one place.</source>
            <translation>%s überlappen die anderen angehakten Layer nicht, die an einem gemeinsamen Ort liegen: den Haken entfernen oder die Layer eines Ortes anhaken.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="931" />
            <source>%s does not overlap '%s', the first checked layer: uncheck it or check the layers of one place.</source>
            <translation>%s überlappt '%s', den ersten angehakten Layer, nicht: den Haken entfernen oder die Layer eines Ortes anhaken.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="933" />
            <source>%s do not overlap '%s', the first checked layer: uncheck them or check the layers of one place.</source>
            <translation>%s überlappen '%s', den ersten angehakten Layer, nicht: den Haken entfernen oder die Layer eines Ortes anhaken.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="935" />
            <source>The layers do not overlap all at once: each overlaps the first, but there is no area common to all of them. Uncheck the layers that cover another part of the scene.</source>
            <translation>Die Layer überlappen sich nicht alle zugleich: jeder überlappt den ersten, aber keine Fläche ist allen gemeinsam. Bei den Layern, die einen anderen Teil der Szene abdecken, den Haken entfernen.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="954" />
            <source>The outputs will cover only %s of '%s', the area every checked layer covers: %s. Uncheck or replace a layer that covers part of the scene to map all of it.</source>
            <translation>Die Ergebnisse decken nur %s von '%s' ab, die Fläche, die jeder angehakte Layer abdeckt: %s. Den Haken eines Layers, der nur einen Teil der Szene abdeckt, entfernen oder ihn ersetzen, um die ganze Szene zu kartieren.</translation>
        </message>
        <message>
            <location filename="../inputs.py" line="956" />
            <source>'%s' covers %s of it</source>
            <translation>'%s' deckt %s davon ab</translation>
        </message>
        <message>
            <source>%d one-band layers share the date %s (%s)%s: they look like the bands of one date, which would be compared with each other as if they were dates. Stack each date's bands into one layer first (Raster &gt; Miscellaneous &gt; Build Virtual Raster, with 'Place each input file into a separate band'), then check those.</source>
            <translation type="obsolete">%d einkanalige Layer haben denselben Zeitpunkt %s (%s)%s: sie sehen aus wie die Kanäle eines Zeitpunkts, die miteinander verglichen würden, als wären sie Zeitpunkte. Die Kanäle jedes Zeitpunkts zuerst zu einem Layer stapeln (Raster &gt; Sonstiges &gt; Virtuelles Raster generieren, mit 'Place each input file into a separate band'), dann diese anhaken.</translation>
        </message>
        <message>
            <source>%s has fewer than the 4 bands (red, green, blue, NIR) the network needs: uncheck it, or use a classical method (CVA, ISFA) with bands every date has (1 to %d)</source>
            <translation type="obsolete">%s hat weniger als die 4 Kanäle (Rot, Grün, Blau, NIR), die das Netz braucht: den Haken entfernen oder eine klassische Methode (CVA, ISFA) mit Kanälen verwenden, die jedes Datum hat (1 bis %d)</translation>
        </message>
        <message>
            <source>%s have fewer than the 4 bands (red, green, blue, NIR) the network needs: uncheck them, or use a classical method (CVA, ISFA) with bands every date has (1 to %d)</source>
            <translation type="obsolete">%s haben weniger als die 4 Kanäle (Rot, Grün, Blau, NIR), die das Netz braucht: den Haken entfernen oder eine klassische Methode (CVA, ISFA) mit Kanälen verwenden, die jedes Datum hat (1 bis %d)</translation>
        </message>
        <message>
            <source>'%s' holds several dates (its band names carry them, e.g. an Earth Engine export): split it into dates first (Split into dates…, or Processing Toolbox, CAIM change detection, Split a multi-date raster into dates); its dates then take its place in the list.</source>
            <translation type="obsolete">'%s' enthält mehrere Zeitpunkte (seine Kanalnamen tragen sie, z. B. ein Earth-Engine-Export): es zuerst in Zeitpunkte aufteilen (In Zeitpunkte aufteilen…, oder Verarbeitungswerkzeuge, CAIM-Änderungserkennung, Multitemporales Raster in Zeitpunkte aufteilen); seine Zeitpunkte treten dann an seine Stelle in der Liste.</translation>
        </message>
        <message>
            <source>No date for %s: results will say 'date k' instead of a date.</source>
            <translation type="obsolete">Kein Datum für %s: die Ergebnisse nennen 'date k' statt eines Datums.</translation>
        </message>
        <message>
            <source>No date for %s: the results will name the images 'image 1', 'image 2', … by their order in this list instead of dates.</source>
            <translation type="obsolete">Kein Datum für %s: die Ergebnisse nennen die Bilder statt mit Datum 'Bild 1', 'Bild 2', … nach ihrer Reihenfolge in dieser Liste.</translation>
        </message>
        <message>
            <source>SChanger compares exactly 2 dates; %d are selected. Use CAIM-Net for a time series.</source>
            <translation type="obsolete">SChanger vergleicht genau 2 Zeitpunkte; %d sind ausgewählt. Für eine Zeitreihe CAIM-Net verwenden.</translation>
        </message>
    </context>
    <context>
        <name>CaimInspect</name>
        <message>
            <location filename="../inspect_tool.py" line="44" />
            <source>Red</source>
            <translation>Rot</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="44" />
            <source>Green</source>
            <translation>Grün</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="44" />
            <source>Blue</source>
            <translation>Blau</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="44" />
            <source>NIR</source>
            <translation>NIR</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="46" />
            <source>red</source>
            <translation>Rot</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="46" />
            <source>green</source>
            <translation>Grün</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="46" />
            <source>blue</source>
            <translation>Blau</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="330" />
            <source>masked: %s; filled from the previous clear date, or the next where no earlier date is clear</source>
            <translation>maskiert: %s; aus dem vorigen wolkenfreien Zeitpunkt gefüllt, oder aus dem nächsten, wo kein früherer wolkenfrei ist</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="333" />
            <source>masked: %s; filled from %s</source>
            <translation>maskiert: %s; aus %s gefüllt</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="353" />
            <source>outside the result</source>
            <translation>außerhalb des Ergebnisses</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="359" />
            <source>not known: the change moment file is not found</source>
            <translation>unbekannt: die Datei des Änderungszeitpunkts wurde nicht gefunden</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="362" />
            <source>not known: the change moment file cannot be read</source>
            <translation>unbekannt: die Datei des Änderungszeitpunkts kann nicht gelesen werden</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="366" />
            <source>no data</source>
            <translation>keine Daten</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="371" />
            <source>no change</source>
            <translation>keine Änderung</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="373" />
            <source>changed between %s</source>
            <translation>geändert zwischen %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="375" />
            <source>moment %d</source>
            <translation>Intervall %d</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="390" />
            <source>no change: the model dated a change between %s, but its changed patch has fewer than the minimum of %s px</source>
            <translation>keine Änderung: das Modell datierte eine Änderung zwischen %s, aber ihre geänderte Fläche ist kleiner als das Minimum von %s px</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="394" />
            <source> (changed patches under %s px were dropped)</source>
            <translation> (geänderte Flächen unter %s px wurden entfernt)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="413" />
            <source>date %d</source>
            <translation>Zeitpunkt %d</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="416" />
            <source>no data: masked by the cloud mask of %s%s</source>
            <translation>keine Daten: von der Wolkenmaske von %s maskiert%s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="417" />
            <source>no data: masked by the cloud masks of %s%s</source>
            <translation>keine Daten: von den Wolkenmasken von %s maskiert%s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="419" />
            <source> (run with 'Fill masked dates' to fill such dates)</source>
            <translation> (mit 'Maskierte Zeitpunkte füllen' starten, um solche Zeitpunkte zu füllen)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="424" />
            <source> (co-registered: %s)</source>
            <translation> (koregistriert: %s)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="425" />
            <source>%s read %s of here</source>
            <translation>%s von hier aus %s gelesen</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="433" />
            <source>Band %d (as %s)</source>
            <translation>Kanal %d (als %s)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="434" />
            <source>Band %d</source>
            <translation>Kanal %d</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="449" />
            <source>reading…</source>
            <translation>wird gelesen…</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="461" />
            <source>its output folder</source>
            <translation>seinem Ausgabeordner</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="463" />
            <source>The pixel could not be read from the run's files in %s (%s). A file may have been moved, damaged or locked since the run: check the run's files and the input dates, then click again; or run 'Detect changes' again.</source>
            <translation>Das Pixel konnte nicht aus den Dateien des Laufs in %s gelesen werden (%s). Eine Datei wurde seit dem Lauf vielleicht verschoben, beschädigt oder gesperrt: die Dateien des Laufs und die Eingabezeitpunkte prüfen, dann erneut klicken; oder 'Änderungen erkennen' erneut ausführen.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="467" />
            <source>not read</source>
            <translation>nicht gelesen</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="596" />
            <source>Files of this run that cannot be read: %s. Are they whole, and may you read them? Copy them again from where they came from, or run 'Detect changes' again.</source>
            <translation>Dateien dieses Laufs, die nicht gelesen werden können: %s. Sind sie vollständig, und dürfen Sie sie lesen? Sie erneut von ihrer Quelle kopieren, oder 'Änderungen erkennen' erneut ausführen.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="603" />
            <source>The run's dates split into QGIS's temporary folder were deleted when QGIS closed: %s. Split the multi-date raster into a folder of your own (Processing Toolbox &gt; CAIM change detection &gt; Split a multi-date raster into dates) and run 'Detect changes' on its dates to see their imagery here.</source>
            <translation>Die in den temporären Ordner von QGIS aufgeteilten Zeitpunkte des Laufs wurden beim Schließen von QGIS gelöscht: %s. Das multitemporale Raster in einen eigenen Ordner aufteilen (Verarbeitungswerkzeuge &gt; CAIM-Änderungserkennung &gt; Multitemporales Raster in Zeitpunkte aufteilen) und 'Änderungen erkennen' auf seinen Zeitpunkten ausführen, um hier ihre Bilder zu sehen.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="609" />
            <source>Files of this run not found (moved or deleted since the run?): %s. Reopen the project from the folder that holds them, or run 'Detect changes' again.</source>
            <translation>Nicht gefundene Dateien dieses Laufs (seit dem Lauf verschoben oder gelöscht?): %s. Das Projekt aus dem Ordner öffnen, der sie enthält, oder 'Änderungen erkennen' erneut ausführen.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="619" />
            <source>No imagery: the run's change moment file is not found.</source>
            <translation>Keine Bilder: die Datei des Änderungszeitpunkts des Laufs wurde nicht gefunden.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="620" />
            <source>No imagery here: the pixel is outside the run's map.</source>
            <translation>Hier keine Bilder: das Pixel liegt außerhalb der Karte des Laufs.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="785" />
            <source>Reading the band values…</source>
            <translation>Die Kanalwerte werden gelesen…</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="786" />
            <source>No band values: the pixel could not be read.</source>
            <translation>Keine Kanalwerte: das Pixel konnte nicht gelesen werden.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="787" />
            <source>No band values: the run's input files are not found.</source>
            <translation>Keine Kanalwerte: die Eingabedateien des Laufs wurden nicht gefunden.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="960" />
            <source>CAIM pixel inspector</source>
            <translation>CAIM-Pixelinspektor</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="964" />
            <source>Choose the inspect tool and click a pixel of a CAIM result (or press Enter: the pixel at the centre of the map).</source>
            <translation>Das Inspektionswerkzeug wählen und ein Pixel eines CAIM-Ergebnisses anklicken (oder Eingabe drücken: das Pixel in der Kartenmitte).</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="969" />
            <source>Interval</source>
            <translation>Intervall</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="969" />
            <source>P(change)</source>
            <translation>P(Änderung)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="986" />
            <source>Change probability of each interval</source>
            <translation>Änderungswahrscheinlichkeit je Intervall</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="987" />
            <source>One row per interval of the clicked pixel: its dates and its probability of change</source>
            <translation>Eine Zeile je Intervall des angeklickten Pixels: seine Zeitpunkte und seine Änderungswahrscheinlichkeit</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="989" />
            <source>Band values over time</source>
            <translation>Kanalwerte im Zeitverlauf</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="992" />
            <source>Hide the map's answer (to label sample points without bias)</source>
            <translation>Antwort der Karte verbergen (unvoreingenommen beschriften)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="994" />
            <source>Shows only the dates, cloud masks and band values of the clicked pixel: label an accuracy-assessment sample from the imagery, not from the map.</source>
            <translation>Zeigt nur die Zeitpunkte, Wolkenmasken und Kanalwerte des angeklickten Pixels: eine Stichprobe zur Genauigkeitsbewertung aus den Bilddaten beschriften, nicht aus der Karte.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1011" />
            <source>False colour</source>
            <translation>Falschfarben</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1013" />
            <source>NIR, red, green as red, green, blue: vegetation shows red. Files without a known NIR band stay in true colour.</source>
            <translation>NIR, Rot, Grün als Rot, Grün, Blau: Vegetation erscheint rot. Dateien ohne bekannten NIR-Kanal bleiben in Echtfarben.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1023" />
            <source>Click a pixel of a CAIM result</source>
            <translation>Ein Pixel eines CAIM-Ergebnisses anklicken</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1024" />
            <source>Image chips of every date around the pixel</source>
            <translation>Bildausschnitte jedes Zeitpunkts um das Pixel</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1086" />
            <source>No imagery: the pixel could not be read (see above).</source>
            <translation>Keine Bilder: das Pixel konnte nicht gelesen werden (siehe oben).</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1089" />
            <source>No imagery: the run's input files are not found.</source>
            <translation>Keine Bilder: die Eingabedateien des Laufs wurden nicht gefunden.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1090" />
            <source>No imagery here: no date covers this pixel.</source>
            <translation>Hier keine Bilder: kein Zeitpunkt deckt dieses Pixel ab.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1121" />
            <source>Band values over time (grey column, hollow points: a date hidden by its cloud mask)</source>
            <translation>Kanalwerte im Zeitverlauf (graue Spalte, hohle Punkte: ein von seiner Wolkenmaske verdeckter Zeitpunkt)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1123" />
            <source>The imagery of every date around the pixel (boxed in yellow)</source>
            <translation>Die Bilder jedes Zeitpunkts um das Pixel (gelb umrandet)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1125" />
            <source>Band values over time (shaded: detected change interval; grey column, hollow points: a date hidden by its cloud mask)</source>
            <translation>Kanalwerte im Zeitverlauf (schattiert: erkanntes Änderungsintervall; graue Spalte, hohle Punkte: ein von seiner Wolkenmaske verdeckter Zeitpunkt)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1126" />
            <source>Band values over time (shaded: detected change interval)</source>
            <translation>Kanalwerte im Zeitverlauf (schattiert: erkanntes Änderungsintervall)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1128" />
            <source>The imagery of every date around the pixel (boxed in yellow; framed: the two dates of the detected change)</source>
            <translation>Die Bilder jedes Zeitpunkts um das Pixel (gelb umrandet; eingerahmt: die beiden Zeitpunkte der erkannten Änderung)</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1187" />
            <source>&lt;b&gt;Map's answer hidden.&lt;/b&gt; Label the pixel from the band values and the imagery.</source>
            <translation>&lt;b&gt;Antwort der Karte verborgen.&lt;/b&gt; Das Pixel nach den Kanalwerten und den Bilddaten beschriften.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1188" />
            <source>&lt;br&gt;&lt;b&gt;Cloud-masked:&lt;/b&gt; %s</source>
            <translation>&lt;br&gt;&lt;b&gt;Wolkenmaskiert:&lt;/b&gt; %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1192" />
            <source>&lt;b&gt;Change moment:&lt;/b&gt; %s</source>
            <translation>&lt;b&gt;Änderungszeitpunkt:&lt;/b&gt; %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1196" />
            <source>&lt;br&gt;&lt;b&gt;Confidence:&lt;/b&gt; %s</source>
            <translation>&lt;br&gt;&lt;b&gt;Konfidenz:&lt;/b&gt; %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1199" />
            <source>&lt;br&gt;&lt;b&gt;P(no change):&lt;/b&gt; %s</source>
            <translation>&lt;br&gt;&lt;b&gt;P(keine Änderung):&lt;/b&gt; %s</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1208" />
            <source>n/a</source>
            <translation>k. A.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1226" />
            <source>Run with 'moment probabilities' on to see per-interval probabilities.</source>
            <translation>Mit eingeschalteten 'Wahrscheinlichkeiten je Intervall' starten, um die Wahrscheinlichkeiten je Intervall zu sehen.</translation>
        </message>
        <message>
            <location filename="../inspect_tool.py" line="1246" />
            <source>No CAIM result in the project: run 'Detect changes' first.</source>
            <translation>Kein CAIM-Ergebnis im Projekt: zuerst 'Änderungen erkennen' ausführen.</translation>
        </message>
        <message>
            <source> (masked on %s: filled from the previous clear date)</source>
            <translation type="obsolete"> (maskiert am %s: aus dem vorigen wolkenfreien Zeitpunkt gefüllt)</translation>
        </message>
        <message>
            <source> and </source>
            <translation type="obsolete"> und </translation>
        </message>
        <message>
            <source>&lt;br&gt;&lt;b&gt;Cloud mask on:&lt;/b&gt; %s</source>
            <translation type="obsolete">&lt;br&gt;&lt;b&gt;Wolkenmaske am:&lt;/b&gt; %s</translation>
        </message>
        <message>
            <source>masked on %s: filled from %s</source>
            <translation type="obsolete">maskiert am %s: aus %s gefüllt</translation>
        </message>
        <message>
            <source>masked on %s: filled from the previous clear date, or the next where no earlier date is clear</source>
            <translation type="obsolete">maskiert am %s: aus dem vorigen wolkenfreien Zeitpunkt gefüllt, oder aus dem nächsten, wo kein früherer wolkenfrei ist</translation>
        </message>
        <message>
            <source>no data: masked by the cloud mask on %s%s</source>
            <translation type="obsolete">keine Daten: von der Wolkenmaske maskiert am %s%s</translation>
        </message>
    </context>
    <context>
        <name>CaimLabelling</name>
        <message>
            <location filename="../chip_view.py" line="34" />
            <source>Reading the imagery…</source>
            <translation>Die Bilder werden gelesen…</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="69" />
            <source>No point shown.</source>
            <translation>Kein Punkt angezeigt.</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="191" />
            <source> (masked)</source>
            <translation> (maskiert)</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="200" />
            <source>not readable</source>
            <translation>nicht lesbar</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="584" />
            <source>The imagery was not read: the project was closed.</source>
            <translation>Die Bilder wurden nicht gelesen: das Projekt wurde geschlossen.</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="602" />
            <source>The imagery could not be read: %s</source>
            <translation>Die Bilder konnten nicht gelesen werden: %s</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="626" />
            <source>Chips: band %d in grey</source>
            <translation>Ausschnitte: Kanal %d in Graustufen</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="628" />
            <source>Chips: bands %s as red, green, blue</source>
            <translation>Ausschnitte: Kanäle %s als Rot, Grün, Blau</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="630" />
            <source> (other bands for some dates)</source>
            <translation> (andere Kanäle bei einigen Zeitpunkten)</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="632" />
            <source>; no NIR band is known for these files, so true colour</source>
            <translation>; für diese Dateien ist kein NIR-Kanal bekannt, daher Echtfarben</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="647" />
            <source>date %d</source>
            <translation>Zeitpunkt %d</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="648" />
            <source>Co-registered: %s, where the run read it.</source>
            <translation>Koregistriert: %s, wo der Lauf diesen Zeitpunkt gelesen hat.</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="648" />
            <source>Co-registered: %s, where the run read them.</source>
            <translation>Koregistriert: %s, wo der Lauf diese Zeitpunkte gelesen hat.</translation>
        </message>
        <message>
            <location filename="../chip_view.py" line="650" />
            <source>the chip of %s is cut %s of the pixel</source>
            <translation>der Ausschnitt von %s liegt vom Pixel aus %s</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="171" />
            <source>the file could not be written</source>
            <translation>die Datei konnte nicht geschrieben werden</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="177" />
            <source>the written file cannot be opened</source>
            <translation>die geschriebene Datei lässt sich nicht öffnen</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="221" />
            <source>no change</source>
            <translation>keine Änderung</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="221" />
            <source>unchanged</source>
            <translation>unverändert</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="221" />
            <source>changed</source>
            <translation>geändert</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="222" />
            <source>changed, interval unknown</source>
            <translation>geändert, Intervall unbekannt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="352" />
            <source>CAIM sample labelling</source>
            <translation>CAIM-Stichprobenbeschriftung</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="375" />
            <source>A point layer with a 'reference' field, e.g. drawn by 'Draw an accuracy-assessment sample'</source>
            <translation>Ein Punktlayer mit einem Feld 'reference', z. B. mit 'Stichprobe zur Genauigkeitsbewertung ziehen' erzeugt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="379" />
            <source>The CAIM run whose input dates are shown (its change moment layer)</source>
            <translation>Der CAIM-Lauf, dessen Eingabezeitpunkte gezeigt werden (sein Layer Änderungszeitpunkt)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="383" />
            <source>True colour</source>
            <translation>Echtfarben</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="383" />
            <source>False colour</source>
            <translation>Falschfarben</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="384" />
            <source>True colour (red, green, blue)</source>
            <translation>Echtfarben (Rot, Grün, Blau)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="384" />
            <source>False colour (NIR, red, green)</source>
            <translation>Falschfarben (NIR, Rot, Grün)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="386" />
            <source>False colour shows vegetation red; an input without a known NIR band is shown in true colour</source>
            <translation>Falschfarben zeigen Vegetation rot; eine Eingabe ohne bekannten NIR-Kanal wird in Echtfarben gezeigt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="390" />
            <source>%d x %d pixels</source>
            <translation>%d x %d Pixel</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="400" />
            <source>Sample layer to label</source>
            <translation>Zu beschriftender Stichprobenlayer</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="401" />
            <source>CAIM run whose imagery is shown</source>
            <translation>CAIM-Lauf, dessen Bilder gezeigt werden</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="402" />
            <source>Chip colours</source>
            <translation>Farben der Bildausschnitte</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="403" />
            <source>Chip size</source>
            <translation>Größe der Bildausschnitte</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="404" />
            <source>Sample</source>
            <translation>Stichprobe</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="404" />
            <source>Imagery of</source>
            <translation>Bilddaten von</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="405" />
            <source>Show</source>
            <translation>Anzeige</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="421" />
            <source>&lt;span style='color:%s'&gt;&lt;b&gt;This sample is a temporary file&lt;/b&gt;: QGIS deletes it, with your labels, when it closes. Save a copy and label that.&lt;/span&gt;</source>
            <translation>&lt;span style='color:%s'&gt;&lt;b&gt;Diese Stichprobe ist eine temporäre Datei&lt;/b&gt;: QGIS löscht sie samt Ihren Beschriftungen beim Beenden. Eine Kopie speichern und diese beschriften.&lt;/span&gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="425" />
            <source>Save a copy...</source>
            <translation>Kopie speichern...</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="426" />
            <source>Writes the sample (labels included) to a GeoPackage and labels that file</source>
            <translation>Schreibt die Stichprobe (mit Beschriftungen) in ein GeoPackage und beschriftet diese Datei</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="436" />
            <source>&lt; Previous</source>
            <translation>&lt; Zurück</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="437" />
            <source>Next &gt;</source>
            <translation>Weiter &gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="438" />
            <source>Next unlabelled &gt;&gt;</source>
            <translation>Nächster offener &gt;&gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="439" />
            <source>Previous point (Page Up)</source>
            <translation>Voriger Punkt (Bild auf)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="439" />
            <source>Next point (Page Down)</source>
            <translation>Nächster Punkt (Bild ab)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="440" />
            <source>The next point without a label (N)</source>
            <translation>Der nächste Punkt ohne Beschriftung (N)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="443" />
            <source>Previous point</source>
            <translation>Voriger Punkt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="444" />
            <source>Next point</source>
            <translation>Nächster Punkt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="445" />
            <source>Next unlabelled point</source>
            <translation>Nächster unbeschrifteter Punkt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="449" />
            <source>Image chips of every date around the point</source>
            <translation>Bildausschnitte jedes Zeitpunkts um den Punkt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="461" />
            <source>&lt;b&gt;Reference class&lt;/b&gt; of the boxed pixel (keys 0-9 for the first ten):</source>
            <translation>&lt;b&gt;Referenzklasse&lt;/b&gt; des umrahmten Pixels (Tasten 0-9: erste zehn):</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="468" />
            <source>Can't tell (leave unlabelled)</source>
            <translation>Nicht erkennbar (unbeschriftet lassen)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="469" />
            <source>Clears the label: the point stays out of the estimate (Delete)</source>
            <translation>Löscht die Beschriftung: der Punkt bleibt außerhalb der Schätzung (Entf)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="472" />
            <source>note (optional)</source>
            <translation>Notiz (optional)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="473" />
            <source>Note on this point</source>
            <translation>Notiz zu diesem Punkt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="473" />
            <source>Optional; written to the point's note field</source>
            <translation>Optional; wird in das Notizfeld des Punkts geschrieben</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="480" />
            <source>Band values over time</source>
            <translation>Kanalwerte im Zeitverlauf</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="482" />
            <source>Once labelled, go to the next unlabelled point</source>
            <translation>Danach zum nächsten unbeschrifteten Punkt</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="484" />
            <source>Zoom the map to each point</source>
            <translation>Karte auf jeden Punkt zoomen</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="486" />
            <source>Hide CAIM results on the map while labelling</source>
            <translation>CAIM-Ergebnisse beim Beschriften ausblenden</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="488" />
            <source>Label from the imagery, not from the map's answer; shown again when unticked or when this panel closes</source>
            <translation>Aus den Bilddaten beschriften, nicht aus der Antwort der Karte; wieder eingeblendet, wenn der Haken entfernt oder dieses Bedienfeld geschlossen wird</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="492" />
            <source>Estimate area and accuracy...</source>
            <translation>Fläche und Genauigkeit schätzen...</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="493" />
            <source>Opens 'Estimate change area and accuracy from a labelled sample' with this sample and the map it was drawn from</source>
            <translation>Öffnet 'Änderungsfläche und Genauigkeit aus einer beschrifteten Stichprobe schätzen' mit dieser Stichprobe und der Karte, aus der sie gezogen wurde</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="703" />
            <source>Save the sample</source>
            <translation>Stichprobe speichern</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="704" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="711" />
            <source>'%s' exists: choose a new file name (a sample is never written over a file).</source>
            <translation>'%s' existiert: einen neuen Dateinamen wählen (eine Stichprobe überschreibt nie eine Datei).</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="717" />
            <source>The sample could not be saved to '%s': %s</source>
            <translation>Die Stichprobe konnte nicht nach '%s' gespeichert werden: %s</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="760" />
            <source>The pixel changed, but when cannot be told: -1, counted when the estimate is of changed / unchanged only</source>
            <translation>Das Pixel hat sich geändert, aber wann, ist nicht erkennbar: -1, gezählt, wenn nur geändert / unverändert geschätzt wird</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="764" />
            <source>Class %d: %s</source>
            <translation>Klasse %d: %s</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="765" />
            <source>Labels the point with this class</source>
            <translation>Beschriftet den Punkt mit dieser Klasse</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="765" />
            <source>Key %d</source>
            <translation>Taste %d</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="767" />
            <source>Key C</source>
            <translation>Taste C</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="857" />
            <source>The sample layer '%s' cannot be written (a read-only file or format?). Save it as a GeoPackage (right-click &gt; Export &gt; Save Features As...) and label that copy.</source>
            <translation>Der Stichprobenlayer '%s' kann nicht geschrieben werden (eine schreibgeschützte Datei oder ein solches Format?). Ihn als GeoPackage speichern (Rechtsklick &gt; Export &gt; Objekte speichern als…) und diese Kopie beschriften.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="892" />
            <source>The file of the sample layer '%s' is not there any more (%s): it was moved, renamed or deleted. Put it back, or add the sample from where it is now (Layer &gt; Add Layer) and label that layer.</source>
            <translation>Die Datei des Stichproben-Layers '%s' ist nicht mehr da (%s): sie wurde verschoben, umbenannt oder gelöscht. Legen Sie sie zurück, oder fügen Sie die Stichprobe von ihrem jetzigen Ort hinzu (Layer &gt; Layer hinzufügen) und beschriften Sie diesen Layer.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="912" />
            <source>&lt;br&gt;&lt;b&gt;Every point is labelled.&lt;/b&gt;</source>
            <translation>&lt;br&gt;&lt;b&gt;Jeder Punkt ist beschriftet.&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="939" />
            <source>No sample to label: draw one with &lt;i&gt;Draw an accuracy-assessment sample&lt;/i&gt; (a point layer with a 'reference' field).</source>
            <translation>Keine Stichprobe zu beschriften: eine mit &lt;i&gt;Stichprobe zur Genauigkeitsbewertung ziehen&lt;/i&gt; erzeugen (ein Punktlayer mit einem Feld 'reference').</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="941" />
            <source>No sample.</source>
            <translation>Keine Stichprobe.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="947" />
            <source>The sample layer '%s' has no points.</source>
            <translation>Der Stichprobenlayer '%s' hat keine Punkte.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="948" />
            <source>No points.</source>
            <translation>Keine Punkte.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="964" />
            <source>(not a class of the map)</source>
            <translation>(keine Klasse der Karte)</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="965" />
            <source>&lt;i&gt;not labelled&lt;/i&gt;</source>
            <translation>&lt;i&gt;nicht beschriftet&lt;/i&gt;</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="966" />
            <source>Point %s of %s (id %s): %s&lt;br&gt;%s labelled, %s to go</source>
            <translation>Punkt %s von %s (ID %s): %s&lt;br&gt;%s beschriftet, %s offen</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="974" />
            <source>This point has no geometry.</source>
            <translation>Dieser Punkt hat keine Geometrie.</translation>
        </message>
        <message>
            <location filename="../label_dock.py" line="979" />
            <source>No CAIM run in the project to show the imagery of: load the run's change moment layer (run 'Detect changes' in this project).</source>
            <translation>Kein CAIM-Lauf im Projekt, dessen Bilddaten gezeigt werden könnten: den Layer Änderungszeitpunkt des Laufs laden ('Änderungen erkennen' in diesem Projekt ausführen).</translation>
        </message>
    </context>
    <context>
        <name>CaimLayers</name>
        <message>
            <location filename="../layers.py" line="44" />
            <source>Change area</source>
            <translation>Änderungsfläche</translation>
        </message>
        <message>
            <location filename="../layers.py" line="45" />
            <source>Change moment</source>
            <translation>Änderungszeitpunkt</translation>
        </message>
        <message>
            <location filename="../layers.py" line="46" />
            <source>Confidence</source>
            <translation>Konfidenz</translation>
        </message>
        <message>
            <location filename="../layers.py" line="47" />
            <source>Moment probabilities</source>
            <translation>Wahrscheinlichkeiten des Änderungszeitpunkts</translation>
        </message>
        <message>
            <location filename="../layers.py" line="68" />
            <source>image %d</source>
            <translation>Bild %d</translation>
        </message>
        <message>
            <location filename="../layers.py" line="69" />
            <source>%s and %s</source>
            <translation>%s und %s</translation>
        </message>
        <message>
            <location filename="../layers.py" line="69" />
            <source>%s to %s</source>
            <translation>%s bis %s</translation>
        </message>
        <message>
            <location filename="../layers.py" line="71" />
            <source>%s (interval %d)</source>
            <translation>%s (Intervall %d)</translation>
        </message>
        <message>
            <location filename="../layers.py" line="103" />
            <source>Unchanged</source>
            <translation>Unverändert</translation>
        </message>
        <message>
            <location filename="../layers.py" line="104" />
            <source>Changed</source>
            <translation>Geändert</translation>
        </message>
        <message>
            <location filename="../layers.py" line="111" />
            <source>No change</source>
            <translation>Keine Änderung</translation>
        </message>
        <message>
            <location filename="../layers.py" line="256" />
            <source>Change moment: 0 no change, k a last change between date k and date k+1, 255 no data.</source>
            <translation>Änderungszeitpunkt: 0 keine Änderung, k letzte Änderung zwischen Zeitpunkt k und Zeitpunkt k+1, 255 keine Daten.</translation>
        </message>
        <message>
            <location filename="../layers.py" line="260" />
            <source>Change area: 1 changed, 0 unchanged, 255 no data.</source>
            <translation>Änderungsfläche: 1 geändert, 0 unverändert, 255 keine Daten.</translation>
        </message>
        <message>
            <location filename="../layers.py" line="262" />
            <source>Confidence: the probability of the predicted class, 0 to 1; -1 no data.</source>
            <translation>Konfidenz: die Wahrscheinlichkeit der vorhergesagten Klasse, 0 bis 1; -1 keine Daten.</translation>
        </message>
        <message>
            <location filename="../layers.py" line="376" />
            <source>, co-registered: %d date moved</source>
            <translation>, koregistriert: %d Zeitpunkt verschoben</translation>
        </message>
        <message>
            <location filename="../layers.py" line="376" />
            <source>, co-registered: %d dates moved</source>
            <translation>, koregistriert: %d Zeitpunkte verschoben</translation>
        </message>
        <message>
            <location filename="../layers.py" line="384" />
            <source>%d dates</source>
            <translation>%d Zeitpunkte</translation>
        </message>
        <message>
            <location filename="../layers.py" line="386" />
            <source>, minimum-error threshold</source>
            <translation>, Schwellenwert des minimalen Fehlers</translation>
        </message>
        <message>
            <location filename="../layers.py" line="388" />
            <source>, sensitivity %s</source>
            <translation>, Empfindlichkeit %s</translation>
        </message>
        <message>
            <location filename="../layers.py" line="390" />
            <source>, patches &gt;= %s px</source>
            <translation>, Flächen &gt;= %s px</translation>
        </message>
        <message>
            <location filename="../layers.py" line="392" />
            <source>, gaps filled</source>
            <translation>, Lücken gefüllt</translation>
        </message>
        <message>
            <location filename="../layers.py" line="396" />
            <source>CAIM changes %s to %s (%s)</source>
            <translation>CAIM-Änderungen %s bis %s (%s)</translation>
        </message>
        <message>
            <location filename="../layers.py" line="397" />
            <source>CAIM changes (%s)</source>
            <translation>CAIM-Änderungen (%s)</translation>
        </message>
        <message>
            <location filename="../layers.py" line="468" />
            <source>Change polygons</source>
            <translation>Änderungspolygone</translation>
        </message>
        <message>
            <source>, co-registered: no date moved</source>
            <translation type="obsolete">, koregistriert: kein Zeitpunkt verschoben</translation>
        </message>
    </context>
    <context>
        <name>CaimModels</name>
        <message>
            <location filename="../models.py" line="31" />
            <source>Classical CVA</source>
            <translation>Klassische CVA</translation>
        </message>
        <message>
            <location filename="../models.py" line="32" />
            <source>Classical ISFA</source>
            <translation>Klassische ISFA</translation>
        </message>
        <message>
            <location filename="../models.py" line="34" />
            <source>CAIM-Net (any number of dates)</source>
            <translation>CAIM-Net (beliebig viele Zeitpunkte)</translation>
        </message>
        <message>
            <location filename="../models.py" line="35" />
            <source>SChanger (exactly 2 dates)</source>
            <translation>SChanger (genau 2 Zeitpunkte)</translation>
        </message>
        <message>
            <location filename="../models.py" line="36" />
            <source>Classical CVA + Otsu (no weights, fast, any bands)</source>
            <translation>Klassische CVA + Otsu (keine Gewichte, schnell, beliebige Kanäle)</translation>
        </message>
        <message>
            <location filename="../models.py" line="37" />
            <source>CAIM-Net + CVA fusion (any number of dates; CAIM-Net weights)</source>
            <translation>CAIM-Net + CVA-Fusion (beliebig viele Zeitpunkte; CAIM-Net-Gewichte)</translation>
        </message>
        <message>
            <location filename="../models.py" line="38" />
            <source>Classical ISFA (iterative slow feature analysis: no weights, any bands)</source>
            <translation>Klassische ISFA (iterative Slow Feature Analysis: keine Gewichte, beliebige Kanäle)</translation>
        </message>
        <message>
            <location filename="../models.py" line="39" />
            <source>CAIM-Net + ISFA fusion (any number of dates; CAIM-Net weights)</source>
            <translation>CAIM-Net + ISFA-Fusion (beliebig viele Zeitpunkte; CAIM-Net-Gewichte)</translation>
        </message>
        <message>
            <location filename="../models.py" line="105" />
            <source>Automatic (the engine's recommended model for the number of dates)</source>
            <translation>Automatisch (das von der Engine empfohlene Modell für die Anzahl der Zeitpunkte)</translation>
        </message>
        <message>
            <location filename="../models.py" line="107" />
            <source>Automatic (%s)</source>
            <translation>Automatisch (%s)</translation>
        </message>
        <message>
            <location filename="../models.py" line="109" />
            <source>Automatic (%s; %s for 2 dates without a Weights file)</source>
            <translation>Automatisch (%s; %s bei 2 Zeitpunkten ohne Gewichtsdatei)</translation>
        </message>
        <message>
            <location filename="../models.py" line="110" />
            <source>Automatic (%s; %s for exactly 2 dates)</source>
            <translation>Automatisch (%s; %s für genau 2 Zeitpunkte)</translation>
        </message>
        <message>
            <location filename="../models.py" line="119" />
            <source>the recommended model for the number of dates</source>
            <translation>das empfohlene Modell für die Anzahl der Zeitpunkte</translation>
        </message>
        <message>
            <location filename="../models.py" line="123" />
            <source>%s, or %s for 2 dates without a Weights file</source>
            <translation>%s; bei 2 Zeitpunkten ohne Gewichtsdatei %s</translation>
        </message>
        <message>
            <location filename="../models.py" line="125" />
            <source>%s, or %s for exactly 2 dates</source>
            <translation>%s; bei 2 Zeitpunkten %s</translation>
        </message>
        <message>
            <location filename="../models.py" line="128" />
            <source>; %s on layers whose bands the networks cannot read (no blue or green band, one or two bands, by their metadata or as Bands lists them)</source>
            <translation>; %s auf Layern, deren Kanäle die Netze nicht lesen können (kein blauer oder grüner Kanal, ein oder zwei Kanäle, nach ihren Metadaten oder wie Kanäle sie angibt)</translation>
        </message>
        <message>
            <location filename="../models.py" line="142" />
            <source>%s (automatic choice: the networks cannot read these layers' bands)</source>
            <translation>%s (automatische Wahl: die Netze können die Kanäle dieser Layer nicht lesen)</translation>
        </message>
        <message>
            <location filename="../models.py" line="143" />
            <source>%s (automatic choice for %d dates)</source>
            <translation>%s (automatische Wahl für %d Zeitpunkte)</translation>
        </message>
        <message>
            <source>; %s on layers whose bands the networks cannot read (no blue or green band, one or two bands; Bands empty)</source>
            <translation type="obsolete">; %s auf Layern, deren Kanäle die Netze nicht lesen können (kein blauer oder grüner Kanal, ein oder zwei Kanäle; Kanäle leer)</translation>
        </message>
    </context>
    <context>
        <name>CaimPlugin</name>
        <message>
            <location filename="../plugin.py" line="17" />
            <source>&amp;CAIM change detection</source>
            <translation>&amp;CAIM-Änderungserkennung</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="94" />
            <source>CAIM change detection</source>
            <translation>CAIM-Änderungserkennung</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="97" />
            <source>Detect changes in a time series…</source>
            <translation>Änderungen in einer Zeitreihe erkennen…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="100" />
            <source>CAIM: find where and when the land changed in an ordered series of rasters</source>
            <translation>CAIM: finden, wo und wann sich die Landoberfläche in einer geordneten Rasterzeitreihe verändert hat</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="103" />
            <source>Inspect change pixel</source>
            <translation>Änderungspixel inspizieren</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="107" />
            <source>CAIM: click a pixel to see its change moment, per-interval probabilities and band values over time</source>
            <translation>CAIM: ein Pixel anklicken, um seinen Änderungszeitpunkt, die Wahrscheinlichkeiten je Intervall und die Kanalwerte im Zeitverlauf zu sehen</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="111" />
            <source>Split a multi-date raster into dates…</source>
            <translation>Multitemporales Raster in Zeitpunkte aufteilen…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="113" />
            <source>CAIM: one layer per date of a raster that holds every date as bands, e.g. an Earth Engine export (caim:splitdates)</source>
            <translation>CAIM: ein Layer je Zeitpunkt eines Rasters, das alle Zeitpunkte als Kanäle enthält, z. B. eines Earth-Engine-Exports (caim:splitdates)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="116" />
            <source>Stack band files into dates…</source>
            <translation>Kanaldateien zu Zeitpunkten stapeln…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="118" />
            <source>CAIM: one layer per date of imagery stored as one file per band (Landsat, Sentinel-2, HLS, CBERS), with its cloud mask (caim:stackbands)</source>
            <translation>CAIM: ein Layer je Zeitpunkt aus Bilddaten mit einer Datei je Kanal (Landsat, Sentinel-2, HLS, CBERS), mit seiner Wolkenmaske (caim:stackbands)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="121" />
            <source>Draw an accuracy-assessment sample…</source>
            <translation>Stichprobe zur Genauigkeitsbewertung ziehen…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="123" />
            <source>CAIM: a stratified random sample of a change map's pixels to label (caim:samplechangemap)</source>
            <translation>CAIM: eine geschichtete Zufallsstichprobe der Pixel einer Änderungskarte zum Beschriften (caim:samplechangemap)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="126" />
            <source>Estimate change area and accuracy…</source>
            <translation>Änderungsfläche und Genauigkeit schätzen…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="128" />
            <source>CAIM: area of each class and the map's accuracies, with confidence intervals, from the labelled sample (caim:assessaccuracy)</source>
            <translation>CAIM: Fläche jeder Klasse und die Genauigkeiten der Karte, mit Konfidenzintervallen, aus der beschrifteten Stichprobe (caim:assessaccuracy)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="131" />
            <source>Compare with a reference map…</source>
            <translation>Mit einer Referenzkarte vergleichen…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="133" />
            <source>CAIM: confusion matrix, kappa and F1 of a change map against a wall-to-wall reference raster (caim:comparewithreference)</source>
            <translation>CAIM: Konfusionsmatrix, Kappa und F1 einer Änderungskarte gegen ein flächendeckendes Referenzraster (caim:comparewithreference)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="136" />
            <source>Change per zone (field, parcel, district)…</source>
            <translation>Änderung je Zone (Feld, Flurstück, Bezirk)…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="138" />
            <source>CAIM: changed hectares per interval in each polygon of a layer, from a run's change moment map (caim:changebyzones)</source>
            <translation>CAIM: geänderte Hektar je Intervall in jedem Polygon eines Layers, aus der Änderungszeitpunkt-Karte eines Laufs (caim:changebyzones)</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="141" />
            <source>Label the sample points…</source>
            <translation>Stichprobenpunkte beschriften…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="143" />
            <source>CAIM: step through a sample's points and label each from chips of every date, without seeing the map's answer</source>
            <translation>CAIM: die Punkte einer Stichprobe durchgehen und jeden anhand von Bildausschnitten jedes Zeitpunkts beschriften, ohne die Antwort der Karte zu sehen</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="147" />
            <source>PyTorch status and installation…</source>
            <translation>PyTorch-Status und Installation…</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="208" />
            <source>PyTorch is installed; the plugin is ready.</source>
            <translation>PyTorch ist installiert; das Plugin ist bereit.</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="210" />
            <source>CAIM change detection: PyTorch missing</source>
            <translation>CAIM-Änderungserkennung: PyTorch fehlt</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="311" />
            <source>The Processing plugin is not enabled: enable it (Plugins &gt; Manage and Install Plugins &gt; Installed &gt; Processing) to run %s.</source>
            <translation>Das Verarbeitungs-Plugin ist nicht aktiviert: es aktivieren (Erweiterungen &gt; Erweiterungen verwalten und installieren &gt; Installiert &gt; Processing), um %s auszuführen.</translation>
        </message>
        <message>
            <source>CAIM: one layer per date of imagery stored as one file per band (Landsat, Sentinel-2, CBERS), with its cloud mask (caim:stackbands)</source>
            <translation type="obsolete">CAIM: ein Layer je Zeitpunkt aus Bilddaten mit einer Datei je Kanal (Landsat, Sentinel-2, CBERS), mit seiner Wolkenmaske (caim:stackbands)</translation>
        </message>
    </context>
    <context>
        <name>CaimProvider</name>
        <message>
            <location filename="../provider.py" line="26" />
            <source>CAIM change detection</source>
            <translation>CAIM-Änderungserkennung</translation>
        </message>
        <message>
            <location filename="../provider.py" line="29" />
            <source>CAIM change detection (time-series change area and moment)</source>
            <translation>CAIM-Änderungserkennung (Änderungsfläche und Änderungszeitpunkt in Zeitreihen)</translation>
        </message>
    </context>
    <context>
        <name>CaimSplit</name>
        <message>
            <location filename="../split_algorithm.py" line="62" />
            <source>The VRTs are in QGIS's temporary folder, which is deleted when QGIS closes: to keep the date layers in a saved project, run this again with a folder of your own.</source>
            <translation>Die VRTs liegen im temporären Ordner von QGIS, der beim Beenden von QGIS gelöscht wird: um die Layer der Zeitpunkte in einem gespeicherten Projekt zu behalten, dies erneut mit einem eigenen Ordner ausführen.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="88" />
            <source>Split a multi-date raster into dates</source>
            <translation>Multitemporales Raster in Zeitpunkte aufteilen</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="97" />
            <source>Splits a raster that holds a whole time series as bands (a Google Earth Engine toBands() export, a gdal_merge.py -separate stack, a data-cube export) into one small virtual raster (VRT) per date, and adds them to the project as layers named by date. Each VRT reads its bands from the raster, so nothing is copied; keep the raster where it is. Then select the date layers, in date order, in &lt;i&gt;Detect changes in a time series&lt;/i&gt;.

&lt;b&gt;Bands per date&lt;/b&gt;: all bands of one date, masks and QA bands included (e.g. 5 for B, G, R, NIR and a QA band). 0 (the default): as many dates as the band names carry, as Earth Engine's do (20200105T103421_..._B4).
&lt;b&gt;Band order&lt;/b&gt;: date by date (date 1's bands, then date 2's: Earth Engine's order) or band by band (every date's band 1, then every date's band 2). Automatic: as the band names' dates say, else date by date.
&lt;b&gt;Dates&lt;/b&gt; (optional): one per date, comma-separated, e.g. 2019-06-01,2020-06-01; otherwise the band names' dates. The VRT names carry the dates, so the change detection reads them.</source>
            <translation>Teilt ein Raster, das eine ganze Zeitreihe als Kanäle enthält (ein Google-Earth-Engine-Export mit toBands(), ein Stapel aus gdal_merge.py -separate, ein Datenwürfel-Export), in ein kleines virtuelles Raster (VRT) je Zeitpunkt auf und fügt sie dem Projekt als nach Datum benannte Layer hinzu. Jedes VRT liest seine Kanäle aus dem Raster, es wird also nichts kopiert; das Raster bleibt, wo es ist. Danach die Layer der Zeitpunkte in zeitlicher Reihenfolge in &lt;i&gt;Änderungen in einer Zeitreihe erkennen&lt;/i&gt; wählen.

&lt;b&gt;Kanäle je Zeitpunkt&lt;/b&gt;: alle Kanäle eines Zeitpunkts, Masken- und QA-Kanäle mitgezählt (z. B. 5 für B, G, R, NIR und einen QA-Kanal). 0 (Standard): so viele Zeitpunkte, wie die Kanalnamen Datumsangaben tragen, wie die von Earth Engine (20200105T103421_..._B4).
&lt;b&gt;Kanalreihenfolge&lt;/b&gt;: Zeitpunkt für Zeitpunkt (die Kanäle von Zeitpunkt 1, dann die von Zeitpunkt 2: die Reihenfolge von Earth Engine) oder Kanal für Kanal (Kanal 1 jedes Zeitpunkts, dann Kanal 2 jedes Zeitpunkts). Automatisch: wie es die Datumsangaben der Kanalnamen sagen, sonst Zeitpunkt für Zeitpunkt.
&lt;b&gt;Datumsangaben&lt;/b&gt; (optional): eine je Zeitpunkt, kommagetrennt, z. B. 2019-06-01,2020-06-01; sonst die Datumsangaben der Kanalnamen. Die Namen der VRTs tragen die Datumsangaben, so liest die Änderungserkennung sie.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="122" />
            <source>Multi-date raster</source>
            <translation>Multitemporales Raster</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="125" />
            <source>Bands per date (0: from the band names)</source>
            <translation>Kanäle je Zeitpunkt (0: aus den Kanalnamen)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="127" />
            <source>All bands of one date, QA bands included; 0: as many dates as the band names carry.</source>
            <translation>Alle Kanäle eines Zeitpunkts, QA-Kanäle eingeschlossen; 0: so viele Zeitpunkte, wie die Kanalnamen tragen.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="129" />
            <source>Band order</source>
            <translation>Kanalreihenfolge</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="130" />
            <source>Automatic (band names, else date by date)</source>
            <translation>Automatisch (Kanalnamen, sonst nach Zeitpunkt)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="131" />
            <source>Date by date (date 1's bands, then date 2's)</source>
            <translation>Zeitpunkt für Zeitpunkt (Kanäle von 1, dann 2)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="132" />
            <source>Band by band (band 1 of every date, then 2)</source>
            <translation>Kanal für Kanal (Kanal 1 aller Zeitpunkte, dann 2)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="133" />
            <source>0 (the default): from the band names, else date by date; 1: date by date; 2: band by band.</source>
            <translation>0 (Standard): aus den Kanalnamen, sonst Zeitpunkt für Zeitpunkt; 1: Zeitpunkt für Zeitpunkt; 2: Kanal für Kanal.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="135" />
            <source>Dates, comma-separated</source>
            <translation>Datumsangaben, kommagetrennt</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="136" />
            <source>One per date, e.g. 2019-06-01,2020-06-01; empty: the dates in the band names.</source>
            <translation>Eine je Zeitpunkt, z. B. 2019-06-01,2020-06-01; leer: die Datumsangaben der Kanalnamen.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="138" />
            <source>Replace VRTs of the same names in the folder</source>
            <translation>Gleichnamige VRTs im Ordner ersetzen</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="141" />
            <source>Folder for the date rasters (VRT)</source>
            <translation>Ordner für die Raster der Zeitpunkte (VRT)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="142" />
            <source>Date rasters</source>
            <translation>Raster der Zeitpunkte</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="143" />
            <source>Dates (comma-separated)</source>
            <translation>Datumsangaben (kommagetrennt)</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="154" />
            <source>Choose the multi-date raster (a raster layer).</source>
            <translation>Das multitemporale Raster wählen (ein Rasterlayer).</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="156" />
            <source>'%s' is not a file-based (GDAL) raster; export it as GeoTIFF first.</source>
            <translation>'%s' ist kein dateibasiertes (GDAL-)Raster; zuerst als GeoTIFF exportieren.</translation>
        </message>
        <message>
            <location filename="../split_algorithm.py" line="188" />
            <source>The band names carry no dates for some dates: give the dates (DATES) here, or in the change detection's Dates.</source>
            <translation>Die Kanalnamen nennen für manche Zeitpunkte kein Datum: die Datumsangaben hier (DATES) oder in den Datumsangaben der Änderungserkennung angeben.</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="60" />
            <source>'%s': it holds other files</source>
            <translation>'%s': dort liegen andere Dateien</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="62" />
            <source>'%s': it is a file, not a folder</source>
            <translation>'%s': eine Datei, kein Ordner</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="65" />
            <source> (not in %s)</source>
            <translation> (nicht in %s)</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="100" />
            <source>'%s' is in a folder you cannot write to: its dates' VRTs are in QGIS's temporary folder, which is deleted when QGIS closes.</source>
            <translation>'%s' liegt in einem Ordner ohne Schreibrecht: die VRTs seiner Zeitpunkte liegen im temporären Ordner von QGIS, der beim Beenden von QGIS gelöscht wird.</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="103" />
            <source>'%s' is not a file in a folder (it is inside an archive, or at a web address): its dates' VRTs are in QGIS's temporary folder, which is deleted when QGIS closes.</source>
            <translation>'%s' ist keine Datei in einem Ordner, sondern liegt in einem Archiv oder unter einer Webadresse: die VRTs seiner Zeitpunkte liegen im temporären Ordner von QGIS, der beim Beenden von QGIS gelöscht wird.</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="105" />
            <source>A project saved with them opens without these date layers, and the pixel inspector without their imagery; to keep them, split it into a folder of your own (Processing Toolbox &gt; CAIM change detection &gt; Split a multi-date raster into dates) and run on its dates.</source>
            <translation>Ein damit gespeichertes Projekt öffnet sich ohne diese Zeitpunkt-Layer und der Pixelinspektor ohne ihre Bilder; um sie zu behalten, es in einen eigenen Ordner aufteilen (Verarbeitungswerkzeuge &gt; CAIM-Änderungserkennung &gt; Multitemporales Raster in Zeitpunkte aufteilen) und auf seinen Zeitpunkten ausführen.</translation>
        </message>
        <message>
            <location filename="../splitting.py" line="119" />
            <source>date not known</source>
            <translation>Datum unbekannt</translation>
        </message>
        <message>
            <source>Automatic (from the band names, else date by date)</source>
            <translation type="obsolete">Automatisch (aus den Kanalnamen, sonst Zeitpunkt für Zeitpunkt)</translation>
        </message>
        <message>
            <source>Band by band (every date's band 1, then every date's band 2)</source>
            <translation type="obsolete">Kanal für Kanal (Kanal 1 aller Zeitpunkte, dann Kanal 2)</translation>
        </message>
        <message>
            <source>Bands per date (0: from the dates in the band names)</source>
            <translation type="obsolete">Kanäle je Zeitpunkt (0: nach den Datumsangaben der Kanalnamen)</translation>
        </message>
        <message>
            <source>Dates, comma-separated (empty: from the band names)</source>
            <translation type="obsolete">Datumsangaben, kommagetrennt (leer: aus den Kanalnamen)</translation>
        </message>
    </context>
    <context>
        <name>CaimStackBands</name>
        <message>
            <location filename="../stackbands_algorithm.py" line="61" />
            <source>Bands, comma-separated</source>
            <translation>Kanäle, durch Komma getrennt</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="62" />
            <source>Replace VRTs of the same names in the folder</source>
            <translation>Gleichnamige VRTs im Ordner ersetzen</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="63" />
            <source>the parameter '%s', BANDS</source>
            <translation>der Parameter '%s', BANDS</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="64" />
            <source>the advanced parameter '%s', OVERWRITE</source>
            <translation>der erweiterte Parameter '%s', OVERWRITE</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="70" />
            <source>Bands of Raster &gt; CAIM change detection &gt; Stack band files into dates…</source>
            <translation>Kanäle in Raster &gt; CAIM-Änderungserkennung &gt; Kanaldateien zu Zeitpunkten stapeln…</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="71" />
            <source>%s; in the list, a date is left out by unchecking its band files</source>
            <translation>%s; in der Liste wird ein Zeitpunkt weggelassen, indem man bei seinen Kanaldateien den Haken entfernt</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="85" />
            <source>%s (stacked dates %s)</source>
            <translation>%s (gestapelte Zeitpunkte %s)</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="87" />
            <source>%s (stacked dates)</source>
            <translation>%s (gestapelte Zeitpunkte)</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="147" />
            <source>Stack band files into dates</source>
            <translation>Kanaldateien zu Zeitpunkten stapeln</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="155" />
            <source>Stacks imagery stored as one file per band into one virtual raster (VRT) per date, for the change detection: Landsat 4-9 Collection 2 Level-1 and Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C and L2A (.SAFE folders, their .zip, or a folder per scene of B04.tif or red.tif; SCL), NASA's HLS v2.0 L30 and S30 granules (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; L30 and S30 dates of one tile are one series, matched by band role: S30's NIR is B8A), CBERS-4 AWFI and MUX cubes (B13-B16, CMASK), and any files named with a date and a band such as B4. Each date's VRT holds its bands in the sensor's order, named by role so that the change detection finds red, green, blue and NIR by itself, with the product's nodata and its scale and offset (reflectance), so that dates of different processing compare. Each date's cloud mask is written as masks/&amp;lt;date&amp;gt;_&amp;lt;mask&amp;gt;.vrt with its clear values and loaded unchecked: &lt;i&gt;Match masks by date&lt;/i&gt; in the change detection pairs them and fills in the clear values (one set for every mask: masks of different kinds are said in the summary). Nothing is copied: keep the band files where they are.

&lt;b&gt;Band files&lt;/b&gt; and/or &lt;b&gt;Folder&lt;/b&gt; (searched with its subfolders).
&lt;b&gt;Bands&lt;/b&gt; (optional): the bands to stack, in that order, by name (B04, SR_B4, B13) or role (red, green, blue, nir, swir1, swir2); empty: the sensor's surface bands.

&lt;b&gt;In a graphical model&lt;/b&gt;: connect the outputs Date rasters (LAYERS) to the change detection's INPUT, Cloud masks (MASKS) to its MASKS, and MASKED_DATES and MASK_CLEAR to its parameters of the same names: the positions of the dates that have a mask (a date without one runs unmasked) and the masks' clear values.</source>
            <translation>Stapelt Bilddaten, die als eine Datei je Kanal vorliegen, zu einem virtuellen Raster (VRT) je Zeitpunkt für die Änderungserkennung: Landsat 4-9 Collection 2 Level-1 und Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C und L2A (.SAFE-Ordner, ihre .zip oder ein Ordner je Szene mit B04.tif oder red.tif; SCL), HLS v2.0 der NASA, Granules L30 und S30 (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; Zeitpunkte von L30 und S30 einer Kachel sind eine Reihe, nach der Rolle der Kanäle zugeordnet: NIR von S30 ist B8A), CBERS-4-AWFI- und -MUX-Würfel (B13-B16, CMASK) und alle Dateien, deren Namen ein Datum und einen Kanal wie B4 tragen. Das VRT jedes Zeitpunkts enthält seine Kanäle in der Reihenfolge des Sensors, nach ihrer Rolle benannt, sodass die Änderungserkennung Rot, Grün, Blau und NIR selbst findet, mit dem NoData-Wert des Produkts und seinem Skalierungsfaktor und Offset (Reflexion), sodass Zeitpunkte verschiedener Prozessierung vergleichbar sind. Die Wolkenmaske jedes Zeitpunkts wird mit ihren Wolkenfrei-Werten als masks/&amp;lt;Datum&amp;gt;_&amp;lt;Maske&amp;gt;.vrt geschrieben und nicht angehakt geladen: &lt;i&gt;Nach Datum zuordnen&lt;/i&gt; in der Änderungserkennung ordnet sie zu und trägt die Wolkenfrei-Werte ein (ein Satz für jede Maske: Masken unterschiedlicher Art nennt die Zusammenfassung). Nichts wird kopiert: die Kanaldateien bleiben, wo sie sind.

&lt;b&gt;Kanaldateien&lt;/b&gt; und/oder &lt;b&gt;Ordner&lt;/b&gt; (mit seinen Unterordnern durchsucht).
&lt;b&gt;Kanäle&lt;/b&gt; (optional): die zu stapelnden Kanäle in dieser Reihenfolge, nach Namen (B04, SR_B4, B13) oder Rolle (red, green, blue, nir, swir1, swir2); leer: die Oberflächenkanäle des Sensors.

&lt;b&gt;In einem grafischen Modell&lt;/b&gt;: die Ausgaben Raster der Zeitpunkte (LAYERS) mit INPUT der Änderungserkennung verbinden, Wolkenmasken (MASKS) mit ihrem MASKS, und MASKED_DATES und MASK_CLEAR mit ihren gleichnamigen Parametern: die Positionen der Zeitpunkte, die eine Maske haben (ein Zeitpunkt ohne Maske läuft unmaskiert), und die Wolkenfrei-Werte der Masken.</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="179" />
            <source>Band files</source>
            <translation>Kanaldateien</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="180" />
            <source>One-band rasters: the band files (and masks) of every date.</source>
            <translation>Einkanalige Raster: die Kanaldateien (und Masken) aller Zeitpunkte.</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="182" />
            <source>Folder of band files</source>
            <translation>Ordner der Kanaldateien</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="183" />
            <source>A folder holding the band files, searched with its subfolders (a .SAFE folder too; .zip files and Landsat .tar downloads in it are read).</source>
            <translation>Ein Ordner mit den Kanaldateien, mit seinen Unterordnern durchsucht (auch ein .SAFE-Ordner; .zip-Dateien und Landsat-.tar-Downloads darin werden gelesen).</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="187" />
            <source>E.g. red,green,blue,nir or B04,B03,B02,B08; empty: the sensor's surface bands.</source>
            <translation>Z. B. red,green,blue,nir oder B04,B03,B02,B08; leer: die Oberflächenkanäle des Sensors.</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="192" />
            <source>Folder for the date rasters (VRT)</source>
            <translation>Ordner für die Raster der Zeitpunkte (VRT)</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="193" />
            <source>Date rasters</source>
            <translation>Raster der Zeitpunkte</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="194" />
            <source>Cloud masks</source>
            <translation>Wolkenmasken</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="195" />
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="200" />
            <source>Dates the cloud masks belong to (positions in the date rasters)</source>
            <translation>Zeitpunkte der Wolkenmasken (Positionen in den Rastern der Zeitpunkte)</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="201" />
            <source>Mask values meaning clear</source>
            <translation>Maskenwerte für wolkenfrei</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="216" />
            <source>Choose the band files, or the folder holding them.</source>
            <translation>Die Kanaldateien wählen, oder den Ordner, der sie enthält.</translation>
        </message>
        <message>
            <location filename="../stackbands_algorithm.py" line="249" />
            <source>MASK_CLEAR is %s, the clear values of most masks; the masks of %s are of another kind, which a change detection given MASKS and MASK_CLEAR reads with these values: leave those dates' masks out (MASKED_DATES), or stack the kinds apart.</source>
            <translation>MASK_CLEAR ist %s, die Wolkenfrei-Werte der meisten Masken; die Masken von %s sind anderer Art, und eine Änderungserkennung, der MASKS und MASK_CLEAR gegeben werden, liest sie mit diesen Werten: die Masken dieser Zeitpunkte weglassen (MASKED_DATES), oder die Arten getrennt stapeln.</translation>
        </message>
        <message>
            <source> (Bands of Raster &gt; CAIM change detection &gt; Stack band files into dates…). In the list, a date is left out by unchecking its band files.</source>
            <translation type="obsolete"> (Kanäle in Raster &gt; CAIM-Änderungserkennung &gt; Kanaldateien zu Zeitpunkten stapeln…). In der Liste wird ein Zeitpunkt weggelassen, indem man bei seinen Kanaldateien den Haken entfernt.</translation>
        </message>
        <message>
            <source>(the advanced parameter '%s', OVERWRITE)</source>
            <translation type="obsolete">(der erweiterte Parameter '%s', OVERWRITE)</translation>
        </message>
        <message>
            <source>(the parameter '%s', BANDS)</source>
            <translation type="obsolete">(der Parameter '%s', BANDS)</translation>
        </message>
        <message>
            <source>A folder holding the band files, searched with its subfolders (a .SAFE folder too; .zip files in it are read).</source>
            <translation type="obsolete">Ein Ordner mit den Kanaldateien, mit seinen Unterordnern durchsucht (auch ein .SAFE-Ordner; .zip-Dateien darin werden gelesen).</translation>
        </message>
        <message>
            <source>Stacks imagery stored as one file per band into one virtual raster (VRT) per date, for the change detection: Landsat 4-9 Collection 2 Level-1 and Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C and L2A (.SAFE folders, their .zip, or a folder per scene of B04.tif or red.tif; SCL), CBERS-4 AWFI and MUX cubes (B13-B16, CMASK), and any files named with a date and a band such as B4. Each date's VRT holds its bands in the sensor's order, named by role so that the change detection finds red, green, blue and NIR by itself, with the product's nodata and its scale and offset (reflectance), so that dates of different processing compare. Each date's cloud mask is written as masks/&amp;lt;date&amp;gt;_&amp;lt;mask&amp;gt;.vrt and loaded unchecked: &lt;i&gt;Match masks by date&lt;/i&gt; in the change detection pairs them. Nothing is copied: keep the band files where they are.

&lt;b&gt;Band files&lt;/b&gt; and/or &lt;b&gt;Folder&lt;/b&gt; (searched with its subfolders).
&lt;b&gt;Bands&lt;/b&gt; (optional): the bands to stack, in that order, by name (B04, SR_B4, B13) or role (red, green, blue, nir, swir1, swir2); empty: the sensor's surface bands.</source>
            <translation type="obsolete">Stapelt Bilddaten, die als eine Datei je Kanal vorliegen, zu einem virtuellen Raster (VRT) je Zeitpunkt für die Änderungserkennung: Landsat 4-9 Collection 2 Level-1 und Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C und L2A (.SAFE-Ordner, ihre .zip oder ein Ordner je Szene mit B04.tif oder red.tif; SCL), CBERS-4-AWFI- und -MUX-Würfel (B13-B16, CMASK) und alle Dateien, deren Namen ein Datum und einen Kanal wie B4 tragen. Das VRT jedes Zeitpunkts enthält seine Kanäle in der Reihenfolge des Sensors, nach ihrer Rolle benannt, sodass die Änderungserkennung Rot, Grün, Blau und NIR selbst findet, mit dem NoData-Wert des Produkts und seinem Skalierungsfaktor und Offset (Reflexion), sodass Zeitpunkte verschiedener Prozessierung vergleichbar sind. Die Wolkenmaske jedes Zeitpunkts wird als masks/&amp;lt;Datum&amp;gt;_&amp;lt;Maske&amp;gt;.vrt geschrieben und nicht angehakt geladen: &lt;i&gt;Nach Datum zuordnen&lt;/i&gt; in der Änderungserkennung ordnet sie zu. Nichts wird kopiert: die Kanaldateien bleiben, wo sie sind.

&lt;b&gt;Kanaldateien&lt;/b&gt; und/oder &lt;b&gt;Ordner&lt;/b&gt; (mit seinen Unterordnern durchsucht).
&lt;b&gt;Kanäle&lt;/b&gt; (optional): die zu stapelnden Kanäle in dieser Reihenfolge, nach Namen (B04, SR_B4, B13) oder Rolle (red, green, blue, nir, swir1, swir2); leer: die Oberflächenkanäle des Sensors.</translation>
        </message>
        <message>
            <source>Stacks imagery stored as one file per band into one virtual raster (VRT) per date, for the change detection: Landsat 4-9 Collection 2 Level-1 and Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C and L2A (.SAFE folders, their .zip, or a folder per scene of B04.tif or red.tif; SCL), NASA's HLS v2.0 L30 and S30 granules (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; L30 and S30 dates of one tile are one series, matched by band role: S30's NIR is B8A), CBERS-4 AWFI and MUX cubes (B13-B16, CMASK), and any files named with a date and a band such as B4. Each date's VRT holds its bands in the sensor's order, named by role so that the change detection finds red, green, blue and NIR by itself, with the product's nodata and its scale and offset (reflectance), so that dates of different processing compare. Each date's cloud mask is written as masks/&amp;lt;date&amp;gt;_&amp;lt;mask&amp;gt;.vrt with its clear values and loaded unchecked: &lt;i&gt;Match masks by date&lt;/i&gt; in the change detection pairs them and fills in the clear values (one set for every mask: masks of different kinds are said in the summary). Nothing is copied: keep the band files where they are.

&lt;b&gt;Band files&lt;/b&gt; and/or &lt;b&gt;Folder&lt;/b&gt; (searched with its subfolders).
&lt;b&gt;Bands&lt;/b&gt; (optional): the bands to stack, in that order, by name (B04, SR_B4, B13) or role (red, green, blue, nir, swir1, swir2); empty: the sensor's surface bands.</source>
            <translation type="obsolete">Stapelt Bilddaten, die als eine Datei je Kanal vorliegen, zu einem virtuellen Raster (VRT) je Zeitpunkt für die Änderungserkennung: Landsat 4-9 Collection 2 Level-1 und Level-2 (LC08_L2SP_..._SR_B4.TIF, QA_PIXEL), Sentinel-2 L1C und L2A (.SAFE-Ordner, ihre .zip oder ein Ordner je Szene mit B04.tif oder red.tif; SCL), HLS v2.0 der NASA, Granules L30 und S30 (HLS.L30.T18LUM.2020225T150721.v2.0.B04.tif, Fmask; Zeitpunkte von L30 und S30 einer Kachel sind eine Reihe, nach der Rolle der Kanäle zugeordnet: NIR von S30 ist B8A), CBERS-4-AWFI- und -MUX-Würfel (B13-B16, CMASK) und alle Dateien, deren Namen ein Datum und einen Kanal wie B4 tragen. Das VRT jedes Zeitpunkts enthält seine Kanäle in der Reihenfolge des Sensors, nach ihrer Rolle benannt, sodass die Änderungserkennung Rot, Grün, Blau und NIR selbst findet, mit dem NoData-Wert des Produkts und seinem Skalierungsfaktor und Offset (Reflexion), sodass Zeitpunkte verschiedener Prozessierung vergleichbar sind. Die Wolkenmaske jedes Zeitpunkts wird mit ihren Wolkenfrei-Werten als masks/&amp;lt;Datum&amp;gt;_&amp;lt;Maske&amp;gt;.vrt geschrieben und nicht angehakt geladen: &lt;i&gt;Nach Datum zuordnen&lt;/i&gt; in der Änderungserkennung ordnet sie zu und trägt die Wolkenfrei-Werte ein (ein Satz für jede Maske: Masken unterschiedlicher Art nennt die Zusammenfassung). Nichts wird kopiert: die Kanaldateien bleiben, wo sie sind.

&lt;b&gt;Kanaldateien&lt;/b&gt; und/oder &lt;b&gt;Ordner&lt;/b&gt; (mit seinen Unterordnern durchsucht).
&lt;b&gt;Kanäle&lt;/b&gt; (optional): die zu stapelnden Kanäle in dieser Reihenfolge, nach Namen (B04, SR_B4, B13) oder Rolle (red, green, blue, nir, swir1, swir2); leer: die Oberflächenkanäle des Sensors.</translation>
        </message>
    </context>
    <context>
        <name>CaimZones</name>
        <message>
            <location filename="../zones_algorithm.py" line="53" />
            <source>not mapped (no data, outside the map)</source>
            <translation>nicht kartiert (keine Daten, außerhalb der Karte)</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="91" />
            <source>Cannot copy the zones '%s' for counting (%s).</source>
            <translation>Die Zonen '%s' können zum Zählen nicht kopiert werden (%s).</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="105" />
            <source>Change per zone (field, parcel, district)</source>
            <translation>Änderung je Zone (Feld, Flurstück, Bezirk)</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="108" />
            <source>Change detection</source>
            <translation>Änderungserkennung</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="117" />
            <source>How much changed, and when, in each field, parcel, concession or district: for every polygon of the zones, in hectares on the ground, the mapped area (&lt;b&gt;ha_valid&lt;/b&gt;), the area without data (&lt;b&gt;ha_nodata&lt;/b&gt;), the changed area (&lt;b&gt;ha_changed&lt;/b&gt;) and its share of the mapped area in % (&lt;b&gt;pct_changed&lt;/b&gt;), the changed area of every interval (&lt;b&gt;ha_2019_2020&lt;/b&gt;, ... named by the run's dates), the interval with the most change (&lt;b&gt;most_change&lt;/b&gt;, &lt;b&gt;most_k&lt;/b&gt;) and the last interval with change (&lt;b&gt;last_change&lt;/b&gt;, &lt;b&gt;last_k&lt;/b&gt;), and in &lt;b&gt;zone_note&lt;/b&gt; why a zone's figures are empty or partial (empty or invalid geometry, outside or partly outside the map, no data).  The output is the zones with their own attributes and these fields, coloured by the changed share.

&lt;b&gt;Change moment map&lt;/b&gt;: change_moment.tif of a run (0 no change, k = the last change between date k and k+1, 255 nodata).  &lt;b&gt;Zones&lt;/b&gt;: polygons in any CRS (reprojected to the map's); overlapping zones each count the pixels they share; a pixel counts in a zone when its centre is inside.  The pixel areas are those of the ground, row by row on a geographic grid, as in the run's summary.</source>
            <translation>Wie viel sich wann geändert hat, in jedem Feld, Flurstück, jeder Konzession oder jedem Bezirk: für jedes Polygon der Zonen, in Hektar auf dem Boden, die kartierte Fläche (&lt;b&gt;ha_valid&lt;/b&gt;), die Fläche ohne Daten (&lt;b&gt;ha_nodata&lt;/b&gt;), die geänderte Fläche (&lt;b&gt;ha_changed&lt;/b&gt;) und ihr Anteil an der kartierten Fläche in % (&lt;b&gt;pct_changed&lt;/b&gt;), die geänderte Fläche jedes Intervalls (&lt;b&gt;ha_2019_2020&lt;/b&gt;, ... nach den Daten des Laufs benannt), das Intervall mit der meisten Änderung (&lt;b&gt;most_change&lt;/b&gt;, &lt;b&gt;most_k&lt;/b&gt;) und das letzte Intervall mit Änderung (&lt;b&gt;last_change&lt;/b&gt;, &lt;b&gt;last_k&lt;/b&gt;), und in &lt;b&gt;zone_note&lt;/b&gt;, warum die Werte einer Zone leer oder unvollständig sind (leere oder ungültige Geometrie, außerhalb oder teilweise außerhalb der Karte, keine Daten).  Die Ausgabe sind die Zonen mit ihren eigenen Attributen und diesen Feldern, nach dem geänderten Anteil eingefärbt.

&lt;b&gt;Karte des Änderungszeitpunkts&lt;/b&gt;: change_moment.tif eines Laufs (0 keine Änderung, k = die letzte Änderung zwischen Zeitpunkt k und k+1, 255 NoData).  &lt;b&gt;Zonen&lt;/b&gt;: Polygone in beliebigem KBS (in das der Karte umprojiziert); überlappende Zonen zählen die gemeinsamen Pixel jeweils mit; ein Pixel zählt zu einer Zone, wenn sein Mittelpunkt darin liegt.  Die Pixelflächen sind die auf dem Boden, auf einem geographischen Gitter Zeile für Zeile, wie in der Zusammenfassung des Laufs.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="131" />
            <source>&lt;b&gt;zone_note&lt;/b&gt; (several notes are joined by '; '): &lt;tt&gt;empty geometry&lt;/tt&gt;, &lt;tt&gt;not a polygon&lt;/tt&gt; (points or lines), &lt;tt&gt;invalid geometry&lt;/tt&gt; (MakeValid could not repair it) and &lt;tt&gt;cannot be placed in the map's CRS&lt;/tt&gt;: not counted; &lt;tt&gt;outside the map&lt;/tt&gt;: no part of the zone is on the map; &lt;tt&gt;no pixel centre inside&lt;/tt&gt;: the zone's part in the map holds no pixel centre (smaller or thinner than a pixel); &lt;tt&gt;no data&lt;/tt&gt;: only nodata pixels of the map inside; &lt;tt&gt;partly outside the map&lt;/tt&gt;: the part outside is not counted; &lt;tt&gt;invalid geometry, repaired&lt;/tt&gt;: repaired with MakeValid, then counted.</source>
            <translation>&lt;b&gt;zone_note&lt;/b&gt; (mehrere Hinweise werden mit '; ' verbunden): &lt;tt&gt;empty geometry&lt;/tt&gt; (leere Geometrie), &lt;tt&gt;not a polygon&lt;/tt&gt; (Punkte oder Linien), &lt;tt&gt;invalid geometry&lt;/tt&gt; (MakeValid konnte sie nicht reparieren) und &lt;tt&gt;cannot be placed in the map's CRS&lt;/tt&gt; (nicht in das KBS der Karte zu transformieren): nicht gezählt; &lt;tt&gt;outside the map&lt;/tt&gt;: kein Teil der Zone liegt auf der Karte; &lt;tt&gt;no pixel centre inside&lt;/tt&gt;: der Teil der Zone auf der Karte enthält keinen Pixelmittelpunkt (kleiner oder schmaler als ein Pixel); &lt;tt&gt;no data&lt;/tt&gt;: darin nur NoData-Pixel der Karte; &lt;tt&gt;partly outside the map&lt;/tt&gt;: der Teil außerhalb der Karte wird nicht gezählt; &lt;tt&gt;invalid geometry, repaired&lt;/tt&gt;: mit MakeValid repariert, dann gezählt.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="142" />
            <source>Change moment map</source>
            <translation>Karte des Änderungszeitpunkts</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="143" />
            <source>change_moment.tif of a run: 0 no change, k = the last change between date k and k+1, 255 nodata; its intervals are named in its metadata.</source>
            <translation>change_moment.tif eines Laufs: 0 keine Änderung, k = die letzte Änderung zwischen Zeitpunkt k und k+1, 255 NoData; seine Intervalle sind in seinen Metadaten benannt.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="148" />
            <source>Zones (fields, parcels, districts)</source>
            <translation>Zonen (Felder, Flurstücke, Bezirke)</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="149" />
            <source>Polygons in any CRS. Overlapping zones each count the pixels they share.</source>
            <translation>Polygone in beliebigem KBS. Überlappende Zonen zählen die gemeinsamen Pixel jeweils mit.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="150" />
            <source>Change per zone</source>
            <translation>Änderung je Zone</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="152" />
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="161" />
            <source>Choose a change moment map (change_moment.tif of a run).</source>
            <translation>Wählen Sie eine Karte des Änderungszeitpunkts (change_moment.tif eines Laufs).</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="163" />
            <source>'%s' is not a file-based raster; export it as GeoTIFF first.</source>
            <translation>'%s' ist kein dateibasiertes Raster; zuerst als GeoTIFF exportieren.</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="173" />
            <source>Choose the zones (a polygon layer).</source>
            <translation>Wählen Sie die Zonen (ein Polygonlayer).</translation>
        </message>
        <message>
            <location filename="../zones_algorithm.py" line="175" />
            <source>No feature of '%s' is selected: select the zones to count, or untick Selected features only.</source>
            <translation>Kein Objekt von '%s' ist gewählt: wählen Sie die zu zählenden Zonen oder entfernen Sie den Haken bei Nur gewählte Objekte.</translation>
        </message>
    </context>
</TS>
