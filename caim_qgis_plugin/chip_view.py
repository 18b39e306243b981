"""Image chips of every date around a pixel: the labelling panel's for its sample points and the pixel
inspector's for a clicked pixel (:mod:`model_core.chips` reads them: each date resampled onto the run's map
grid, centred on the pixel, stretched by the date's own limits)."""

import os
import threading

from qgis.PyQt.QtCore import QCoreApplication, QObject, QRectF, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

from caim_qgis_plugin.i18n import translator
from caim_qgis_plugin.inputs import file_state  # a file written anew is read anew
from model_core.errors import CaimError

tr = translator("CaimLabelling")  # the labelling panel's texts, where these were first

CONTEXT_SIZES = (15, 31, 61)  # chip sides in map pixels
CHIP_SIDE = 100               # chip side on screen in pixels (at most)
MIN_CHIP_SIDE = 48            # ... and at least, when many dates must fit the panel
MARK_COLOR = QColor(255, 31, 90)  # the detected change's dates: the chart's shading, opaque
MARK_PEN = 3  # their frame's width in pixels, right outside the chip's imagery (not over it)
# how far the frame reaches out of the chip: the strip keeps that much room at its sides when it frames chips
FRAME_MARGIN = MARK_PEN
# the background between two neighbouring frames: the two dates of a change are mostly neighbours in a row, and
# in the 6 px between two chips their frames met and read as one thick line
FRAME_SPACE = 4
FRAMED_GAP = 2 * FRAME_MARGIN + FRAME_SPACE  # the gap between the chips of a strip that frames chips


def placeholder():
    """What the chips' place says while a thread reads them (:class:`ChipLoader`)."""
    return tr("Reading the imagery…")


def to_qimage(rgb):
    h, w, _ = rgb.shape
    data = rgb.tobytes()
    return QImage(data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()  # copy: the bytes go away


class ChipStrip(QWidget):
    """The dates' chips in rows that fit the width; each chip titled with its date, the centre pixel boxed.
    A date hidden by its cloud mask gets a grey title and a dashed frame; the ``marked`` dates (the pixel
    inspector's: the two dates of the detected change) a frame in the colour of the chart's shading, around the
    chip (not over its imagery): a strip that frames chips (``framed``) keeps FRAME_MARGIN pixels at its left
    and right for it.  Without them the first column's frame had no left edge (drawn outside the widget, cut at
    the panel's edge) and a last column as wide as the strip lost its right one.  Such a strip's chips are
    FRAMED_GAP apart (GAP otherwise): FRAME_SPACE pixels of background between two neighbouring frames."""

    TITLE = 16
    GAP = 6

    def __init__(self, parent=None, fit=True, side=CHIP_SIDE, framed=False):
        """``fit``: the chips shrink (to MIN_CHIP_SIDE) so that every date fits the scroll area's height (the
        labelling panel); else they stay ``side`` pixels and the rows scroll (the pixel inspector).  ``framed``:
        the strip frames ``marked`` chips (the pixel inspector), and keeps room at its sides for the frames; the
        labelling panel's marks none, and its chips have the whole width."""
        super().__init__(parent)
        self.fit, self.max_side = fit, side
        self.margin = FRAME_MARGIN if framed else 0  # at the left and right of the chips' grid
        if framed:
            self.GAP = FRAMED_GAP  # (the labelling panel's chips keep the class's GAP)
        self.chips = []  # [(title, QImage or None, clouded)]
        self.reserved = 0  # how many chips' room a message keeps (set_message's keep)
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

    def set_message(self, text, keep=False, room=0):
        """``text`` instead of the chips; ``keep``: in the room of the chips shown (the placeholder while the next
        pixel's are read: the panel below did not jump up and back at every click), or of ``room`` chips when none
        are shown (a run's first pixel: the room of its dates' chips, which come into it)."""
        self.reserved = len(self.chips) or self.reserved or room if keep else 0
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
            cols = self.fitting(width, side)
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

    def fitting(self, width, side):
        """How many chips of ``side`` pixels fit a row of the strip ``width`` pixels wide (at least one), with
        the room for the frames at its sides."""
        return max(1, (width - 2 * self.margin + self.GAP) // (side + self.GAP))

    def columns(self, width):
        return self.fitting(width, self.side(width))

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        if not self.chips:
            if self.reserved and not self.fit:
                return -(-self.reserved // self.fitting(width, self.max_side)) * (
                    self.max_side + self.TITLE + self.GAP)
            return 40
        rows = -(-len(self.chips) // self.columns(width))
        return rows * (self.side(width) + self.TITLE + self.GAP)

    def sizeHint(self):  # noqa: N802
        width = max(self.width(), 2 * (self.side() + self.GAP + self.margin))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self):  # noqa: N802
        # one row of the smallest chips: the scroll area then gives the strip its height for the width; as wide as
        # a chip and its frame where the chips keep their side (a narrower strip cut them at its right)
        width = (MIN_CHIP_SIDE if self.fit else self.max_side) + 2 * self.margin
        return QSize(max(width, MIN_CHIP_SIDE + self.GAP), MIN_CHIP_SIDE + self.TITLE + self.GAP)

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
            # in the room kept for chips (set_message's keep), where their first row comes: centred in the room of 30
            # dates (970 px in a narrow panel), 'Reading the imagery…' was out of sight
            area = QRectF(self.rect())
            if self.reserved and not self.fit:
                area.setHeight(min(area.height(), self.max_side + self.TITLE + self.GAP))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            return
        side, scale = self.side(), self.scale()
        cols = self.columns(self.width())
        half = self.pixels // 2
        box = max(scale, 7.0)
        for i, (title, image, clouded) in enumerate(self.chips):
            x = self.margin + (i % cols) * (side + self.GAP)
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
                # four bands, each exactly MARK_PEN pixels: a rectangle drawn with a 3 px pen covered one pixel
                # more at its right and bottom (one of background between imagery and frame, one towards the
                # next chip) than at its left and top
                for band in (QRectF(x - MARK_PEN, target.top() - MARK_PEN, side + 2 * MARK_PEN, MARK_PEN),
                             QRectF(x - MARK_PEN, target.bottom(), side + 2 * MARK_PEN, MARK_PEN),
                             QRectF(x - MARK_PEN, target.top(), MARK_PEN, side),
                             QRectF(x + side, target.top(), MARK_PEN, side)):
                    painter.fillRect(band, MARK_COLOR)
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


class ChipRequest:
    """The chips asked for at one point: of the run ``info``'s dates around the map point ``xy`` = (x, y) in
    the map's CRS ``wkt``, on its grid of ``pixel`` = (width, height), ``size`` map pixels wide (plain data:
    a reading thread takes it); ``moved``: {date index: (x, y)}, where a date the run moved (co-registration)
    holds what the run read at ``xy`` (:func:`moved_centres`), its chip cut around that point instead."""

    def __init__(self, info, xy, wkt, pixel, size, false_colour, clouded, moved=None):
        self.info, self.xy, self.wkt, self.pixel = info, xy, wkt, pixel
        self.moved = dict(moved or {})
        self.size, self.false_colour, self.clouded = size, false_colour, set(clouded)
        dates = info.get("dates") or []
        self.titles = [dates[i] if i < len(dates) and dates[i] else tr("date %d") % (i + 1)
                       for i in range(len(info.get("inputs") or []))]  # (translated here, in the main thread)

    def centre(self, i):
        """The map point date ``i``'s chip is cut around."""
        return self.moved.get(i, self.xy)


def moved_centres(info, xy, gt):
    """{date index: (x, y)} of the dates the run ``info`` moved onto the first (co-registration, its "coregister"):
    the map point ``xy`` on the run's grid (geotransform ``gt``, the change moment file's) moved by the date's
    whole-pixel offset, where that date's file holds what the run read at ``xy`` (as the pixel inspector reads its
    values: inspect_tool._moved_points).  Cut around ``xy`` itself, a moved date's chip was offset against the
    others by that offset."""
    from caim_qgis_plugin import layers as lyr

    return {} if gt is None else lyr.moved_points(info.get("coregister"), xy[0], xy[1], gt)


class ChipReader:
    """Reads the chips of a run's dates, keeping each map's grid and each date's stretch limits.

    A reading thread works on a :meth:`copy` of it (its own caches, its own GDAL datasets) and the main
    thread takes in what it read (:meth:`take`)."""

    def __init__(self):
        self._files = {}         # file state -> band count
        self._metadata = {}      # file state -> R, G, B, NIR by its metadata (None: not known)
        self._limits = {}        # (file state, band) -> (lo, hi): any band triple, either colour choice
        self._grids = {}         # map's file state -> (wkt, pixel size, geotransform)
        self._failed = set()     # file states whose stretch could not be read (a file gone, unreadable)

    def copy(self):
        other = ChipReader()
        for name in ("_files", "_metadata", "_limits", "_grids", "_failed"):
            setattr(other, name, type(getattr(self, name))(getattr(self, name)))
        return other

    def take(self, other):
        """What ``other`` (a :meth:`copy` a thread read with) knows and this one does not."""
        for name in ("_files", "_metadata", "_limits", "_grids", "_failed"):
            getattr(self, name).update(getattr(other, name))

    def map_grid(self, info):
        """(wkt, (pixel width, height)) of the run's output grid (read once per map)."""
        return self._map_grid(info)[:2]

    def _map_grid(self, info):
        """(wkt, (pixel width, height), geotransform) of the run's output grid (read once per map)."""
        from osgeo import gdal

        path = (info.get("outputs") or {}).get("moment")
        key = file_state(path)
        if key not in self._grids:
            try:
                ds = gdal.Open(path) if path else None
            except RuntimeError:
                ds = None
            if ds is None:
                return None, None, None
            gt, wkt = ds.GetGeoTransform(), ds.GetProjection()
            ds = None
            self._grids[key] = (wkt, (abs(gt[1]), abs(gt[5])), tuple(gt))
        return self._grids[key]

    def _shown(self, entry, false_colour, state=None):
        """(file state, bands shown, no NIR known, the other colour choice's bands) of one input date, or
        None when its file has not been looked at yet."""
        from model_core.chips import display_bands

        state = file_state(entry.get("path")) if state is None else state
        if state not in self._files or not entry.get("bands") and state not in self._metadata:
            return None
        rgbn, count = entry.get("bands") or self._metadata[state], self._files[state]
        bands = display_bands(rgbn, count, false_colour)
        no_nir = false_colour and bands == display_bands(rgbn, count)
        return state, bands, no_nir, display_bands(rgbn, count, not false_colour)

    def unread(self, info, false_colour):
        """[(entry, file state)] of the run ``info``'s dates whose stretch limits showing their chips reads
        first (:func:`model_core.chips.stretch_limits`: some 40 ms a 16-megapixel date, more on a slow disk);
        not those whose file could not be read before (in the same state)."""
        out = []
        for entry in info.get("inputs") or []:
            state = file_state(entry.get("path"))
            if state in self._failed:
                continue
            shown = self._shown(entry, false_colour, state)
            if shown is None or any((state, b) not in self._limits for b in shown[1]):
                out.append((entry, state))
        return out

    def display_of(self, entry, false_colour):
        """(bands shown, False colour asked for but no NIR band known, stretch limits) of one input date.
        Each band's limits are read once per file, those of the other colour choice with the first ones
        (in the same pass over the file), so that toggling False colour reads nothing.  A file that cannot
        be read raises, and again without reading while it stays in that state."""
        from osgeo import gdal

        from caim_qgis_plugin.inspect_tool import _metadata_bands
        from model_core.chips import stretch_limits
        from model_core.errors import InputError

        path = entry.get("path")
        state = file_state(path)
        if state in self._failed:
            raise InputError(f"'{path}' could not be read.")
        try:
            if state not in self._files:
                ds = gdal.Open(path)
                self._files[state] = ds.RasterCount
                ds = None
            if not entry.get("bands") and state not in self._metadata:
                self._metadata[state] = _metadata_bands(path)
            state, bands, no_nir, other = self._shown(entry, false_colour, state)
            if any((state, b) not in self._limits for b in bands):
                other = [b for b in other if 1 <= b <= self._files[state]]  # (a mapping may name a band not there)
                missing = sorted(set(b for b in list(bands) + other if (state, b) not in self._limits))
                for b, limits in zip(missing, stretch_limits(path, missing)):
                    self._limits[(state, b)] = tuple(limits)
        except (RuntimeError, CaimError, TypeError, ValueError):
            self._failed.add(state)
            raise
        return tuple(bands), no_nir, [self._limits[(state, b)] for b in bands]

    def request(self, info, point, crs, size, false_colour, clouded):
        """The :class:`ChipRequest` of the chips of ``info``'s dates around ``point`` (in ``crs``), or None
        when there are none (no map grid, a point outside the map's CRS).  A date the run moved (co-registration)
        has its chip cut where the run read it (:func:`moved_centres`)."""
        wkt, pixel, gt = self._map_grid(info)
        if pixel is None:
            return None
        xy = point
        if wkt:
            target = QgsCoordinateReferenceSystem.fromWkt(wkt)
            if target.isValid() and target != crs:
                try:
                    xy = QgsCoordinateTransform(crs, target, QgsProject.instance()).transform(point)
                except Exception:  # QgsCsException: outside the map's CRS
                    return None
        xy = (xy.x(), xy.y())
        return ChipRequest(info, xy, wkt, pixel, size, false_colour, clouded, moved_centres(info, xy, gt))

    def read(self, request, stopped=None):
        """The chips of ``request``: ``([(title, RGB array or None, clouded)], [(bands shown, no NIR
        known)])``; no Qt (a reading thread calls it).  ``stopped()`` true: it stops, returning None."""
        from model_core.chips import read_chip

        rows, shown = [], []
        for i, (entry, title) in enumerate(zip(request.info.get("inputs") or [], request.titles)):
            if stopped is not None and stopped():
                return None
            try:
                bands, no_nir, limits = self.display_of(entry, request.false_colour)
                shown.append((bands, no_nir))
                x, y = request.centre(i)
                rgb, _valid = read_chip(entry.get("path"), list(bands), x, y, request.wkt, request.pixel, request.size,
                                        limits)
                rows.append((title, rgb, i in request.clouded))
            except (RuntimeError, CaimError, TypeError, ValueError):
                rows.append((title, None, i in request.clouded))
        return rows, shown

    def chips(self, info, point, crs, size, false_colour, clouded):
        """The chips of every date of the run ``info`` around ``point`` (in ``crs``), ``size`` map pixels
        wide, read here: ``([(title, QImage or None, clouded)], [(bands shown, no NIR known)])``."""
        request = self.request(info, point, crs, size, false_colour, clouded)
        return ([], []) if request is None else images(*self.read(request))


def images(rows, shown):
    """:meth:`ChipReader.read`'s chips as QImages (in the main thread)."""
    return [(title, None if rgb is None else to_qimage(rgb), clouded) for title, rgb, clouded in rows], shown


# a first read of at most this many bytes of files (the dates whose stretch is not read yet) is made at once, in
# the main thread: some 10 ms, no placeholder for it; a larger one (or one of VRTs or /vsi paths, whose size says
# nothing of what they read) in a thread
SYNC_BYTES = 4 << 20
# ... and the main thread waits this long for the thread before it shows the placeholder: a read done by then
# (a short series of small VRTs) comes without it
WAIT_SECONDS = 0.04
POLL_MS = 30  # how often the main thread looks whether the thread is done
# the chip windows of at most this many dates (their stretch known) are read at once, in the main thread; more in
# the thread, as the first read (a click on a 30-date series blocked QGIS 0.4 s reading them)
SYNC_DATES = 4


def _remote(path):
    """Whether reading ``path`` may take any time whatever its size: a VRT or a /vsi path."""
    path = str(path or "")
    return path.startswith("/vsi") or os.path.splitext(path)[1].lower() == ".vrt"


def _small(unread):
    """Whether the first read of the ``unread`` dates (:meth:`ChipReader.unread`) is small enough to make at
    once (SYNC_BYTES)."""
    total = 0
    for entry, state in unread:
        if _remote(entry.get("path")):
            return False
        total += state[2] or 0  # (a file not there: it fails at once)
    return total <= SYNC_BYTES


def _few(request):
    """Whether the chip windows of ``request`` (their stretch known) are few enough to read at once (SYNC_DATES
    local files): each is some 10 ms (a warp), 0.3-0.4 s for 30 dates, which a thread reads instead."""
    entries = request.info.get("inputs") or []
    return len(entries) <= SYNC_DATES and not any(_remote(entry.get("path")) for entry in entries)


def _states(info):
    return set(file_state(entry.get("path")) for entry in info.get("inputs") or [])


class _ReadThread(threading.Thread):
    """Reads the stretch limits of ``unread`` dates (none: the chips only) with a :meth:`ChipReader.copy` (its own
    GDAL datasets), then the chips of ``target`` (the main thread may change it meanwhile: the newest click's,
    read instead of the one being read); no Qt."""

    def __init__(self, reader, unread, target, before=None, grid=None):
        super().__init__(name="caim-chips")
        self.reader, self.unread, self.target = reader, unread, target
        self.before, self.grid = before, grid  # (ChipLoader.prepare) called first; the run whose map grid is read
        self.stop = threading.Event()
        self.done = None     # (the request read, its rows and shown)
        self.error = None    # what went wrong, as text
        self.before_error = None  # what went wrong in ``before`` (left to the click)

    def run(self):
        try:
            if self.before is not None and not self.stop.is_set():
                try:
                    self.before(self.stop.is_set)
                except Exception as exc:  # noqa: BLE001 -- (read again by the click that needs it)
                    self.before_error = exc  # kept for a debugger; the click reports what goes wrong
            if self.grid is not None:
                self.reader.map_grid(self.grid)
            for entry, _state in self.unread:
                if self.stop.is_set():
                    return
                target = self.target  # (looked at once: the main thread may drop it, forget(), meanwhile)
                try:
                    self.reader.display_of(entry, target.false_colour if target is not None else False)
                except (RuntimeError, CaimError, TypeError, ValueError):
                    pass  # (the file's state is in reader._failed: its chip says 'not readable')
            while not self.stop.is_set():
                target = self.target
                if target is None:
                    return
                # a newer click (another target) stops this read after the date it reads: the newest point's
                read = self.reader.read(target, lambda: self.stop.is_set() or self.target is not target)
                if read is not None:
                    self.done = (target,) + read
                    return
        except Exception as exc:  # noqa: BLE001 -- shown in the chips' place, not lost in a thread
            self.error = str(exc) or type(exc).__name__


class ChipLoader(QObject):
    """Gives a panel the chips of a point: at once when they are few (SYNC_DATES) and the dates' stretch limits
    are known (or few to read, SYNC_BYTES), else read in a thread (:class:`_ReadThread`) while the panel shows a
    placeholder (unless the thread is done within WAIT_SECONDS), and handed to the panel's callback when read.
    One thread at a time: a click while it reads changes the chips it reads (the newest point's, the read of the
    earlier one stopped after the date it reads), it does not start a second read of the same files; the panel's
    :meth:`forget` (it shows something else) drops what was asked for."""

    def __init__(self, reader, parent=None):
        super().__init__(parent)
        self.reader = reader
        self._thread = None
        self._wanted = None  # (ChipRequest, callback(chips, shown, error)) to hand over when read
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        app = QCoreApplication.instance()
        if app is not None:  # QGIS quits: the thread ends before GDAL does
            app.aboutToQuit.connect(self.shutdown)
        QgsProject.instance().cleared.connect(self._project_closed)

    def load(self, info, point, crs, size, false_colour, clouded, later):
        """The chips (:meth:`ChipReader.chips`) of ``point`` with an error text (None):
        ``(chips, shown, error)`` now, or None when they are read in a thread: then the panel shows a
        placeholder and ``later(chips, shown, error)`` gets them (unless :meth:`forget` came first)."""
        self.forget()
        if self._thread is not None and not self._thread.is_alive():
            self._finish()  # (ended since the last look): what it read is known now
        request = self.reader.request(info, point, crs, size, false_colour, clouded)
        if request is None:
            return [], [], None
        unread = self.reader.unread(info, false_colour)
        if _few(request) and (not unread or self._thread is None and _small(unread)):
            return images(*self.reader.read(request)) + (None,)
        self._wanted = (request, later)
        thread = self._thread
        if thread is not None:
            theirs = set(s for _e, s in thread.unread)
            if set(s for _e, s in unread) <= theirs <= _states(info) and not thread.stop.is_set():
                thread.target = request  # read with those: the chips of this point instead
            else:
                thread.stop.set()  # another run's dates: this read starts when that one has stopped
            return None
        self._start(unread, request)
        self._thread.join(WAIT_SECONDS)
        if not self._thread.is_alive():
            return self._finish(deliver=False)
        return None

    def _start(self, unread, request, before=None, grid=None):
        self._thread = _ReadThread(self.reader.copy(), unread, request, before, grid)
        self._thread.start()
        self._timer.start()

    def prepare(self, info, false_colour, before=None):
        """Read in the thread, when none runs, what the first chips of the run ``info`` need: its map's grid and
        each date's stretch limits, after ``before(stopped)`` (another read of the first click's, no Qt) when given;
        what the first click then finds read is not read again (the pixel inspector's tool activated: the click
        comes next)."""
        if self._thread is not None:
            return
        self._start(self.reader.unread(info, false_colour), None, before, info)

    def forget(self):
        """Drop the chips asked for (the thread goes on reading the stretch limits, kept for the next point)."""
        self._wanted = None
        if self._thread is not None:
            self._thread.target = None

    def stop(self, wait=False):
        """Drop the chips asked for and stop the thread (after the date it reads; ``wait``: until then)."""
        self.forget()
        thread = self._thread
        if thread is not None:
            thread.stop.set()
            if wait:
                thread.join()
                self._finish()

    def shutdown(self):
        """Stop and wait for the thread (the panel goes: the plugin unloaded, QGIS quits)."""
        self.stop(wait=True)
        self._timer.stop()

    def _project_closed(self):
        wanted = self._wanted
        self.stop()
        if wanted is not None:
            wanted[1]([], [], tr("The imagery was not read: the project was closed."))

    def _poll(self):
        if self._thread is not None and not self._thread.is_alive():
            self._finish()

    def _finish(self, deliver=True):
        """Take in what the ended thread read; the chips asked for to the panel (``deliver``) or returned,
        read now or by a new thread when the thread read others (None then)."""
        thread, self._thread = self._thread, None
        self._timer.stop()
        if thread is None:
            return None
        self.reader.take(thread.reader)
        if self._wanted is None:
            return None
        request, later = self._wanted
        if thread.error is not None and thread.target is request:
            result = [], [], tr("The imagery could not be read: %s") % thread.error
        elif thread.done is not None and thread.done[0] is request:
            result = images(thread.done[1], thread.done[2]) + (None,)
        else:  # the thread was stopped, or read another point's chips
            unread = self.reader.unread(request.info, request.false_colour)
            if unread and not _small(unread) or not _few(request):
                self._start(unread, request)
                return None
            result = images(*self.reader.read(request)) + (None,)
        self._wanted = None
        if deliver:
            later(*result)
            return None
        return result


def bands_note(shown, info=None):
    """Which bands the chips show, and when false colour was asked for but no NIR band is known ("" for
    no chips), and of the run ``info``'s dates it moved (co-registration) where their chips were cut
    (:func:`moved_note`): rich text."""
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
    moved = moved_note(info)
    return "<small>%s.%s</small>" % (text, " " + moved if moved else "")


def moved_note(info):
    """'Co-registered: the chip of 2020-05-01 is cut 2 px east and 1 px north of the pixel, where the run read
    that date.' for the dates the run ``info`` moved (:func:`moved_centres`); "" when it moved none."""
    from caim_qgis_plugin import layers as lyr
    from model_core.coregister import offset_text

    moved = lyr.moved_dates((info or {}).get("coregister"))
    if not moved:
        return ""
    dates = info.get("dates") or []
    names = [dates[i] if i < len(dates) and dates[i] else tr("date %d") % (i + 1) for i, _dx, _dy in moved]
    return (tr("Co-registered: %s, where the run read it.") if len(moved) == 1 else tr(
        "Co-registered: %s, where the run read them.")) % "; ".join(
        tr("the chip of %s is cut %s of the pixel") % (name, offset_text(dx, dy))
        for name, (_i, dx, dy) in zip(names, moved))
