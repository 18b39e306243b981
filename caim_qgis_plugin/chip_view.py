"""Image chips of every date around a pixel: the labelling panel's for its sample points and the pixel
inspector's for a clicked pixel (:mod:`model_core.chips` reads them: each date resampled onto the run's map
grid, centred on the pixel, stretched by the date's own limits)."""

from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from qgis.PyQt.QtWidgets import QApplication, QSizePolicy, QWidget
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

from caim_qgis_plugin.i18n import translator
from caim_qgis_plugin.inputs import file_state  # a file written anew is read anew

tr = translator("CaimLabelling")  # the labelling panel's texts, where these were first

CONTEXT_SIZES = (15, 31, 61)  # chip sides in map pixels
CHIP_SIDE = 100               # chip side on screen in pixels (at most)
MIN_CHIP_SIDE = 48            # ... and at least, when many dates must fit the panel
MARK_COLOR = QColor(255, 31, 90)  # the detected change's dates: the chart's shading, opaque


def to_qimage(rgb):
    h, w, _ = rgb.shape
    data = rgb.tobytes()
    return QImage(data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()  # copy: the bytes go away


class ChipStrip(QWidget):
    """The dates' chips in rows that fit the width; each chip titled with its date, the centre pixel boxed.
    A date hidden by its cloud mask gets a grey title and a dashed frame; the ``marked`` dates (the pixel
    inspector's: the two dates of the detected change) a frame in the colour of the chart's shading."""

    TITLE = 16
    GAP = 6

    def __init__(self, parent=None, fit=True, side=CHIP_SIDE):
        """``fit``: the chips shrink (to MIN_CHIP_SIDE) so that every date fits the scroll area's height (the
        labelling panel); else they stay ``side`` pixels and the rows scroll (the pixel inspector)."""
        super().__init__(parent)
        self.fit, self.max_side = fit, side
        self.chips = []  # [(title, QImage or None, clouded)]
        self.marked = set()
        self.pixels = 31
        self.message = tr("No point shown.")
        self._text = None  # the dates' colour (inspect_tool.label_colour), asked again when the theme changes
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def changeEvent(self, event):  # noqa: N802
        self._text = None
        super().changeEvent(event)

    def set_chips(self, chips, pixels, marked=()):
        self.chips, self.pixels, self.marked = list(chips), pixels, set(marked)
        self.updateGeometry()
        self.update()

    def set_message(self, text):
        self.chips, self.message = [], text
        self.updateGeometry()
        self.update()

    def scale(self):
        return self.side() / float(self.pixels)

    def side(self, width=None):
        """The chips' side on screen: CHIP_SIDE, or smaller (down to MIN_CHIP_SIDE) so that every date
        fits the visible area of the scroll area at once (8 or 14 dates meant scrolling at every point)."""
        if not self.fit:
            return self.max_side
        width = self.width() if width is None else width
        view = self.parentWidget()
        avail = view.height() if view is not None else 0
        n = len(self.chips)
        if not n or avail <= 0:
            return CHIP_SIDE
        smallest = self.smallest_side()
        for side in range(CHIP_SIDE, smallest - 1, -4):
            cols = max(1, (width + self.GAP) // (side + self.GAP))
            if -(-n // cols) * (side + self.TITLE + self.GAP) <= avail:
                return side
        return smallest

    def smallest_side(self):
        """MIN_CHIP_SIDE, or wider where a date's title at the smallest title font (6 pt) is wider: the
        labelling panel at its narrowest (359 px of a 1280 x 800 screen) had 48 px chips titled '2018-06...'."""
        font = QFont(self.font())
        font.setPointSizeF(6)
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(title) for title, _image, _clouded in self.chips), default=0)
        return max(MIN_CHIP_SIDE, widest + 2)

    def columns(self, width):
        return max(1, (width + self.GAP) // (self.side(width) + self.GAP))

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        if not self.chips:
            return 40
        rows = -(-len(self.chips) // self.columns(width))
        return rows * (self.side(width) + self.TITLE + self.GAP)

    def sizeHint(self):  # noqa: N802
        width = max(self.width(), 2 * (self.side() + self.GAP))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self):  # noqa: N802
        # one row of the smallest chips: the scroll area then gives the strip its height for the width
        return QSize(MIN_CHIP_SIDE + self.GAP, MIN_CHIP_SIDE + self.TITLE + self.GAP)

    def _title_font(self, painter, title, width):
        """The widget's font, smaller (down to 6 pt) when a date title would not fit ``width``: a date
        cut to '201...-02' is no date."""
        font = self.font()
        size = font.pointSizeF()
        while True:  # (it stopped at 6.5 pt)
            font.setPointSizeF(size)
            painter.setFont(font)
            # 2 px to spare: a title exactly as wide as its chip was elided all the same ('2018-06-...')
            if size <= 6 or painter.fontMetrics().horizontalAdvance(title) <= width - 2:
                break
            size = max(6.0, size - 0.5)
        return font

    def paintEvent(self, event):  # noqa: N802
        from caim_qgis_plugin.inspect_tool import label_colour

        if self._text is None:
            self._text = label_colour(self)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(self._text)
        if not self.chips:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            return
        side, scale = self.side(), self.scale()
        cols = self.columns(self.width())
        half = self.pixels // 2
        box = max(scale, 7.0)
        for i, (title, image, clouded) in enumerate(self.chips):
            x = (i % cols) * (side + self.GAP)
            y = (i // cols) * (side + self.TITLE + self.GAP)
            painter.setPen(QColor("#888888") if clouded else self._text)
            # a title as wide as its chip: wider, neighbouring dates ran into one another on small chips
            painter.setFont(self._title_font(painter, title, side))
            text = title + tr(" (masked)") if clouded and painter.fontMetrics().horizontalAdvance(
                title + tr(" (masked)")) <= side else title  # else the dashed frame says it
            painter.drawText(QRectF(x, y, side, self.TITLE - 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, side))
            target = QRectF(x, y + self.TITLE, side, side)
            if image is None:
                painter.fillRect(target, QColor("#404040"))
                painter.setPen(QColor("white"))
                painter.drawText(target, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, tr("not readable"))
                continue
            painter.drawImage(target, image)  # scaled without smoothing: pixels stay square
            if i in self.marked:
                painter.setPen(QPen(MARK_COLOR, 3))
                painter.drawRect(target.adjusted(-2, -2, 2, 2))
            if clouded:
                painter.setPen(QPen(QColor("#bbbbbb"), 2, Qt.PenStyle.DashLine))
                painter.drawRect(target.adjusted(1, 1, -1, -1))
            cx = x + half * scale + scale / 2.0
            cy = y + self.TITLE + half * scale + scale / 2.0
            frame = QRectF(cx - box / 2.0 - 1, cy - box / 2.0 - 1, box + 2, box + 2)
            painter.setPen(QPen(QColor("black"), 3))  # yellow on black: visible on any cover
            painter.drawRect(frame)
            painter.setPen(QPen(QColor("yellow"), 1))
            painter.drawRect(frame)
        painter.end()


class ChipReader:
    """Reads the chips of a run's dates, keeping each map's grid and each date's stretch limits."""

    def __init__(self):
        self._files = {}         # file state -> band count
        self._metadata = {}      # file state -> R, G, B, NIR by its metadata (None: not known)
        self._limits = {}        # (file state, band) -> (lo, hi): any band triple, either colour choice
        self._grids = {}         # map's file state -> (wkt, pixel size)

    def map_grid(self, info):
        """(wkt, (pixel width, height)) of the run's output grid (read once per map)."""
        from osgeo import gdal

        path = (info.get("outputs") or {}).get("moment")
        key = file_state(path)
        if key not in self._grids:
            try:
                ds = gdal.Open(path) if path else None
            except RuntimeError:
                ds = None
            if ds is None:
                return None, None
            gt, wkt = ds.GetGeoTransform(), ds.GetProjection()
            ds = None
            self._grids[key] = (wkt, (abs(gt[1]), abs(gt[5])))
        return self._grids[key]

    def _shown(self, entry, false_colour):
        """(file state, bands shown, no NIR known, the other colour choice's bands) of one input date, or
        None when its file has not been looked at yet."""
        from model_core.chips import display_bands

        state = file_state(entry.get("path"))
        if state not in self._files or not entry.get("bands") and state not in self._metadata:
            return None
        rgbn, count = entry.get("bands") or self._metadata[state], self._files[state]
        bands = display_bands(rgbn, count, false_colour)
        no_nir = false_colour and bands == display_bands(rgbn, count)
        return state, bands, no_nir, display_bands(rgbn, count, not false_colour)

    def first_read(self, info, false_colour):
        """Whether showing ``info``'s chips reads its first date's stretch (some 40 ms a 16-megapixel date,
        :func:`model_core.chips.stretch_limits`): the caller shows a wait cursor."""
        shown = self._shown((info.get("inputs") or [{}])[0], false_colour)
        return shown is None or any((shown[0], b) not in self._limits for b in shown[1])

    def display_of(self, entry, false_colour):
        """(bands shown, False colour asked for but no NIR band known, stretch limits) of one input date.
        Each band's limits are read once per file, those of the other colour choice with the first ones
        (in the same pass over the file), so that toggling False colour reads nothing."""
        from osgeo import gdal

        from caim_qgis_plugin.inspect_tool import _metadata_bands
        from model_core.chips import stretch_limits

        path = entry.get("path")
        state = file_state(path)
        if state not in self._files:
            ds = gdal.Open(path)
            self._files[state] = ds.RasterCount
            ds = None
        if not entry.get("bands") and state not in self._metadata:
            self._metadata[state] = _metadata_bands(path)
        state, bands, no_nir, other = self._shown(entry, false_colour)
        if any((state, b) not in self._limits for b in bands):
            other = [b for b in other if 1 <= b <= self._files[state]]  # (a mapping may name a band not there)
            missing = sorted(set(b for b in list(bands) + other if (state, b) not in self._limits))
            for b, limits in zip(missing, stretch_limits(path, missing)):
                self._limits[(state, b)] = tuple(limits)
        return tuple(bands), no_nir, [self._limits[(state, b)] for b in bands]

    def chips_waiting(self, info, point, crs, size, false_colour, clouded):
        """:meth:`chips`, under a wait cursor when it reads the run's first stretch (:meth:`first_read`)."""
        first = self.first_read(info, false_colour)
        if first:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.chips(info, point, crs, size, false_colour, clouded)
        finally:
            if first:
                QApplication.restoreOverrideCursor()

    def chips(self, info, point, crs, size, false_colour, clouded):
        """The chips of every date of the run ``info`` around ``point`` (in ``crs``), ``size`` map pixels
        wide: ``([(title, QImage or None, clouded)], [(bands shown, no NIR known)])``."""
        from model_core.chips import read_chip
        from model_core.errors import CaimError

        wkt, pixel = self.map_grid(info)
        if pixel is None:
            return [], []
        xy = point
        if wkt:
            target = QgsCoordinateReferenceSystem.fromWkt(wkt)
            if target.isValid() and target != crs:
                try:
                    xy = QgsCoordinateTransform(crs, target, QgsProject.instance()).transform(point)
                except Exception:  # QgsCsException: outside the map's CRS
                    return [], []
        dates = info.get("dates") or []
        chips, shown = [], []
        for i, entry in enumerate(info.get("inputs") or []):
            title = dates[i] if i < len(dates) and dates[i] else tr("date %d") % (i + 1)
            try:
                bands, no_nir, limits = self.display_of(entry, false_colour)
                shown.append((bands, no_nir))
                rgb, _valid = read_chip(entry.get("path"), list(bands), xy.x(), xy.y(), wkt, pixel, size, limits)
                chips.append((title, to_qimage(rgb), i in clouded))
            except (RuntimeError, CaimError, TypeError, ValueError):
                chips.append((title, None, i in clouded))
        return chips, shown


def bands_note(shown):
    """Which bands the chips show, and when false colour was asked for but no NIR band is known ("" for
    no chips): rich text."""
    if not shown:
        return ""
    bands, no_nir = shown[0]
    if len(set(bands)) == 1:  # a one- or two-band file: its first band in grey ('bands 1, 1, 1 as red, ...')
        text = tr("Chips: band %d in grey") % bands[0]
    else:
        text = tr("Chips: bands %s as red, green, blue") % ", ".join(str(b) for b in bands)
    if len(set(b for b, _ in shown)) > 1:
        text += tr(" (other bands for some dates)")
    if any(n for _, n in shown):
        text += tr("; no NIR band is known for these files, so true colour")
    return "<small>%s.</small>" % text
