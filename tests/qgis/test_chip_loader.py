"""The image chips' first read in a thread (caim_qgis_plugin.chip_view.ChipLoader): the pixel inspector's and the
labelling panel's first click of a run read every date's stretch limits on the main thread, QGIS frozen
meanwhile (1-2 s for 30 dates of 16 megapixels, more on a slow disk).  Here the read is made slow on purpose
(each date's stretch limits wait ``DELAY`` seconds) and taken out of the size under which it is made at once."""

import threading
import time

import pytest

from caim_qgis_testlib import centre, projections_read, run_info, wait_for

pytestmark = pytest.mark.qgis

DELAY = 0.3  # seconds a date's stretch limits take here
PLACEHOLDER = "Reading the imagery\u2026"
ON_MAIN = []  # the slow reads (stretch limits, chip windows) made on the main thread, by the fixtures below


def on_main():
    """Record the slow read being made when it runs on the main thread (QGIS frozen meanwhile)."""
    if threading.current_thread() is threading.main_thread():
        ON_MAIN.append(1)


def reading_threads():
    return [t for t in threading.enumerate() if t.name == "caim-chips" and t.is_alive()]


@pytest.fixture
def slow_read(monkeypatch):
    """Each date's stretch limits take DELAY s, whatever the files' size; returns the [(path, bands)] read."""
    import model_core.chips
    from caim_qgis_plugin import chip_view

    asked = []
    original = model_core.chips.stretch_limits

    def slow(path, bands, *args, **kw):
        asked.append((path, list(bands)))
        on_main()
        time.sleep(DELAY)
        return original(path, bands, *args, **kw)

    monkeypatch.setattr(model_core.chips, "stretch_limits", slow)
    monkeypatch.setattr(chip_view, "SYNC_BYTES", 0)
    del ON_MAIN[:]
    yield asked
    assert wait_for(lambda: not reading_threads(), 30)


def loop_until(app, condition, timeout=20.0):
    """Runs the Qt event loop (as QGIS's does) until ``condition()``; returns (the longest time between two ticks
    of a 10 ms timer, the number of ticks)."""
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    loop, ticks = QEventLoop(), [time.perf_counter()]

    def tick():
        ticks.append(time.perf_counter())
        if condition() or ticks[-1] - ticks[0] > timeout:
            loop.quit()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    loop.exec_()
    timer.stop()
    return max(b - a for a, b in zip(ticks, ticks[1:])), len(ticks)


def same_images(a, b):
    """Whether two lists of chips have the same titles, pixels (QImage ==) and masks."""
    return len(a) == len(b) and all(ta == tb and ca == cb and (ia is None) == (ib is None) and (ia is None or ia == ib)
                                    for (ta, ia, ca), (tb, ib, cb) in zip(a, b))


def test_the_first_click_shows_the_pixel_at_once_and_its_chips_when_read(qgis_app, finished_run, slow_read):
    """The click shows the interval table and the chart at once, 'Reading the imagery…' in the chips' place, the
    event loop runs while the stretch limits are read (0.9 s here), and the chips are then those read at once
    (same limits, same images)."""
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import QSettings

    from caim_qgis_plugin.chip_view import ChipReader
    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    QSettings().remove("caim/inspect_false_colour")
    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    dock = InspectDock()
    try:
        data = inspect_pixel(info, centre(20, 20), crs)
        dock.show_result(data, centre(20, 20), info, crs)
        assert ON_MAIN == []  # none of the stretch limits read on the main thread
        assert dock.chips.chips == [] and dock.chips.message == PLACEHOLDER
        assert dock.table.rowCount() == 2 and dock.plot.data is data  # shown without the stretch
        during = []  # the event loop ran while the thread read (not blocked until the read's end)
        loop_until(qgis_app, lambda: during.append(0 < len(slow_read) < 3) or dock.chips.chips)
        assert dock.chips.chips, "the chips never came"
        # (no limit on the loop's longest pause: that depends on the machine's load, a benchmark's matter)
        assert ON_MAIN == [] and any(during)
        assert len(slow_read) == 3  # once per date
        expected, _shown = ChipReader().chips(info, centre(20, 20), crs, 31, False, data["clouded"])
        assert same_images(dock.chips.chips, expected)
        assert dock.chips.marked == {1, 2} and "bands 1, 2, 3 as red, green, blue" in dock.chips.toolTip()
        # the next click reads no stretch: at once
        dock.show_result(inspect_pixel(info, centre(50, 8), crs), centre(50, 8), info, crs)
        assert len(slow_read) == 6  # (the 3 of ChipReader() above)
        expected, _shown = ChipReader().chips(info, centre(50, 8), crs, 31, False, set())
        assert same_images(dock.chips.chips, expected)
    finally:
        dock.shutdown()
        dock.deleteLater()


def test_a_click_or_a_colour_toggle_during_the_read_shows_the_newest_pixel_without_reading_again(
        qgis_app, finished_run, slow_read):
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import QSettings

    from caim_qgis_plugin.chip_view import ChipReader
    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    QSettings().remove("caim/inspect_false_colour")
    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    dock = InspectDock()
    shown = []
    original = dock.chips.set_chips
    dock.chips.set_chips = lambda chips, *args: (shown.append(chips), original(chips, *args))
    try:
        dock.show_result(inspect_pixel(info, centre(20, 20), crs), centre(20, 20), info, crs)
        loop_until(qgis_app, lambda: len(slow_read) >= 2)  # the thread reads the second date
        second = inspect_pixel(info, centre(50, 8), crs)
        dock.show_result(second, centre(50, 8), info, crs)
        assert dock.chips.chips == [] and dock.chips.message == PLACEHOLDER and shown == []
        dock.false_colour.setChecked(True)  # (the other colour's limits are read in the same pass)
        assert dock.chips.message == PLACEHOLDER
        loop_until(qgis_app, lambda: dock.chips.chips)
        assert len(slow_read) == 3 and len(shown) == 1  # one read of the files; the first pixel's chips never shown
        expected, _ = ChipReader().chips(info, centre(50, 8), crs, 31, True, second["clouded"])
        assert same_images(dock.chips.chips, expected)
        assert "bands 4, 1, 2 as red, green, blue" in dock.chips.toolTip()
    finally:
        QSettings().remove("caim/inspect_false_colour")
        dock.shutdown()
        dock.deleteLater()


def test_a_series_read_at_once_shows_no_placeholder(qgis_app, finished_run, monkeypatch):
    """A small series (the files whose stretch is not read yet: at most SYNC_BYTES) is read at once, and a read
    in the thread that ends within WAIT_SECONDS is shown at once too: no 'Reading…' flashing for a few ms."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin import chip_view
    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    for sync_bytes, wait in ((chip_view.SYNC_BYTES, 0.0), (0, 30.0)):
        monkeypatch.setattr(chip_view, "SYNC_BYTES", sync_bytes)
        monkeypatch.setattr(chip_view, "WAIT_SECONDS", wait)
        dock = InspectDock()
        messages = []
        original = dock.chips.set_message
        dock.chips.set_message = lambda text: (messages.append(text), original(text))
        try:
            dock.show_result(inspect_pixel(info, centre(20, 20), crs), centre(20, 20), info, crs)
            assert len(dock.chips.chips) == 3 and messages == []
        finally:
            dock.shutdown()
            dock.deleteLater()


def test_a_read_that_fails_says_so_in_the_chips_place(qgis_app, finished_run, slow_read, monkeypatch, tmp_path):
    """A file gone while the thread reads: its date's chip says 'not readable', the others are shown; an error
    of the reading itself: a message in the chips' place, not a Python error."""
    import shutil

    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin import chip_view
    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    copies = [shutil.copy(p, str(tmp_path / ("d%d.tif" % i))) for i, p in enumerate(finished_run["inputs"])]
    info["inputs"] = [{"path": p} for p in copies]
    dock = InspectDock()
    try:
        dock.show_result(inspect_pixel(info, centre(20, 20), crs), centre(20, 20), info, crs)
        assert dock.chips.message == PLACEHOLDER
        loop_until(qgis_app, lambda: slow_read)
        import os

        os.remove(copies[2])
        loop_until(qgis_app, lambda: dock.chips.chips)
        assert [image is None for _t, image, _c in dock.chips.chips] == [False, False, True]

        def broken(*_args):
            raise OSError("the disk went away")

        monkeypatch.setattr(chip_view.ChipReader, "read", broken)  # (in the thread)
        other = dict(info, inputs=[{"path": p} for p in finished_run["inputs"]])
        dock.show_result(inspect_pixel(other, centre(20, 20), crs), centre(20, 20), other, crs)
        assert dock.chips.message == PLACEHOLDER
        loop_until(qgis_app, lambda: dock.chips.message != PLACEHOLDER)
        assert dock.chips.chips == [] and dock.chips.message == "The imagery could not be read: the disk went away"
    finally:
        dock.shutdown()
        dock.deleteLater()


def test_closing_the_project_or_unloading_the_plugin_during_the_read_ends_it(qgis_app, finished_run, slow_read):
    """The project closed while the thread reads: the thread stops after the date it reads and the chips' place
    says why there are none; the plugin unloaded while it reads: unload waits for it, nothing runs after."""
    import types

    from qgis.core import QgsCoordinateReferenceSystem, QgsProject
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_plugin.plugin import CaimPlugin

    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    window, canvas = QMainWindow(), QgsMapCanvas()
    iface = types.SimpleNamespace(
        mainWindow=lambda: window, addToolBar=window.addToolBar, mapCanvas=lambda: canvas,
        addPluginToRasterMenu=lambda name, action: None, removePluginRasterMenu=lambda name, action: None,
        addDockWidget=window.addDockWidget, removeDockWidget=window.removeDockWidget)
    plugin = CaimPlugin(iface)
    plugin.initProcessing = lambda: None  # the session's provider is registered already
    plugin.initGui()
    try:
        plugin.inspect_action.setChecked(True)  # (as its toolbar button does)
        dock = plugin.inspect_dock
        dock.show_result(inspect_pixel(info, centre(20, 20), crs), centre(20, 20), info, crs)
        assert dock.chips.message == PLACEHOLDER and reading_threads()
        loop_until(qgis_app, lambda: slow_read)
        QgsProject.instance().clear()
        # the dates begun by then: the first, or the second too where the loop came round late on a loaded machine
        # (QGIS 3.44 in a chroot beside two test suites)
        begun = len(slow_read)
        assert dock.chips.message == "The imagery was not read: the project was closed."
        loop_until(qgis_app, lambda: not reading_threads(), 5)
        assert not reading_threads() and len(slow_read) == begun < 3  # stopped after the date it read

        dock.show_result(inspect_pixel(info, centre(20, 20), crs), centre(20, 20), info, crs)
        assert dock.chips.message == PLACEHOLDER and reading_threads()
    finally:
        plugin.unload()
    assert not reading_threads()  # unload waited for the thread
    loop_until(qgis_app, lambda: False, 0.5)  # nothing comes after (the panel is gone)
    assert len(slow_read) == begun + 1


def test_the_labelling_panel_reads_its_first_point_s_chips_in_a_thread(qgis_app, project, finished_run, tmp_path,
                                                                       slow_read):
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.accuracy_algorithms import class_labels, setup_sample_layer
    from caim_qgis_plugin.chip_view import ChipReader
    from caim_qgis_plugin.label_dock import LabelDock
    from model_core.accuracy import stratified_sample

    res = finished_run["results"]
    outputs = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"]}
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
            "outputs": outputs, "model": "cva"}
    lyr.add_run_outputs(outputs, finished_run["dates"], info, project=project)
    path = str(tmp_path / "sample.gpkg")
    stratified_sample(res["MOMENT"], path, n=4, n_unchanged=6, seed=5)
    layer = QgsVectorLayer(path, "sample", "ogr")
    setup_sample_layer(layer, class_labels(res["MOMENT"]))
    project.addMapLayer(layer)
    dock = LabelDock(None)
    try:
        # the first point is being read (the panel showed it when made)
        assert dock.chips.chips == [] and dock.chips.message == PLACEHOLDER and dock.bands_note.text() == ""
        dock.go(1)  # the next one before the chips came: its chips, one read
        assert dock.chips.message == PLACEHOLDER
        loop_until(qgis_app, lambda: dock.chips.chips)
        assert len(slow_read) == 3
        _feature, point = dock.current_point()
        expected, _shown = ChipReader().chips(info, point, layer.crs(), dock.context_combo.currentData(),
                                              dock.show_combo.currentIndex() == 1, set())
        assert same_images(dock.chips.chips, expected) and "as red, green, blue" in dock.bands_note.text()
        # closed while it reads: the thread stops; shown again, the point's chips come
        dock.show()
        dock.context_combo.setCurrentIndex(dock.context_combo.findData(15))  # (no stretch to read)
        assert dock.chips.chips
        dock.reader.__init__()  # (the stretch is read anew)
        dock.go(2)
        assert dock.chips.message == PLACEHOLDER
        dock.close()
        loop_until(qgis_app, lambda: not reading_threads(), 5)
        assert not reading_threads() and len(slow_read) < 9
        dock.show()
        loop_until(qgis_app, lambda: dock.chips.chips)
        assert dock.pos == 2 and len(dock.chips.chips) == 3
    finally:
        dock.shutdown(wait=True)
        assert not reading_threads()
        dock.deleteLater()


def test_a_click_elsewhere_while_the_thread_looks_at_its_target_is_no_error(qgis_app, finished_run):
    """The thread reads the colour choice of the chips it reads (its target) while the main thread may drop
    that target (forget: a click elsewhere, another point): it read ``self.target`` twice, and a target
    dropped between the two reads was "'NoneType' object has no attribute 'false_colour'" in the chips'
    place of the next click.  Here the target is dropped at that very moment: just after the thread's first
    look at it."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin.chip_view import ChipReader, _ReadThread

    class Dropped(_ReadThread):
        @property
        def target(self):
            seen, self._target = self._target, None  # the main thread's forget() comes right after this look
            return seen

        @target.setter
        def target(self, value):
            self._target = value

    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    reader = ChipReader()
    request = reader.request(info, centre(20, 20), crs, 31, False, [])
    thread = Dropped(reader.copy(), reader.unread(info, False), request)
    thread.run()  # (in this thread: the moment is the same)
    assert thread.error is None
    assert thread.done is None  # the dropped target's chips are not read
    reader.take(thread.reader)
    assert not reader.unread(info, False)  # the stretch limits were read all the same


@pytest.fixture(scope="module")
def series(qgis_app, tmp_path_factory):
    """A run record of 8 dates (more than chip_view.SYNC_DATES) of 4-band GeoTIFFs on make_stack's grid, each its own
    values, and its change moment map."""
    import numpy as np

    from caim_qgis_testlib import write_raster

    folder = tmp_path_factory.mktemp("series")
    rng = np.random.default_rng(3)
    inputs = []
    for i in range(8):
        path = str(folder / ("date%d.tif" % i))
        write_raster(path, rng.integers(100, 4000, size=(4, 64, 64), dtype=np.uint16), nodata=0)
        inputs.append({"path": path})
    moment = str(folder / "moment.tif")
    write_raster(moment, np.zeros((64, 64), np.uint8))
    return {"dates": ["2019-%02d-01" % (i + 1) for i in range(8)], "inputs": inputs, "outputs": {"moment": moment}}


@pytest.fixture
def slow_chips(monkeypatch):
    """Each date's chip window takes CHIP_DELAY s; returns the paths read, in order."""
    import model_core.chips

    asked = []
    original = model_core.chips.read_chip

    def slow(path, *args, **kw):
        asked.append(path)
        on_main()
        time.sleep(CHIP_DELAY)
        return original(path, *args, **kw)

    monkeypatch.setattr(model_core.chips, "read_chip", slow)
    del ON_MAIN[:]
    yield asked
    assert wait_for(lambda: not reading_threads(), 30)


CHIP_DELAY = 0.08  # seconds a date's chip window takes in slow_chips


def test_a_later_click_reads_its_chips_in_the_thread_and_shows_the_newest_pixel(qgis_app, series, slow_chips):
    """A click on a run whose stretch limits are known read the chip windows of every date on the main thread
    (some 10 ms a date: 0.4 s for 30 dates, QGIS frozen).  They are read in the thread too: the click returns at once,
    the event loop runs, and the chips are those read at once; a click or a colour toggle during the read shows the
    newest pixel's chips, never an earlier one's."""
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import QSettings

    from caim_qgis_plugin.chip_view import ChipReader
    from caim_qgis_plugin.inspect_tool import InspectDock, inspect_pixel

    QSettings().remove("caim/inspect_false_colour")
    crs = QgsCoordinateReferenceSystem("EPSG:32614")
    dock = InspectDock()
    shown = []
    original = dock.chips.set_chips
    dock.chips.set_chips = lambda chips, *args: (shown.append(chips), original(chips, *args))

    def click(row, col):
        dock.show_result(inspect_pixel(series, centre(row, col), crs), centre(row, col), series, crs)

    try:
        click(20, 20)  # the first click: the stretch limits
        loop_until(qgis_app, lambda: dock.chips.chips)
        assert shown and len(slow_chips) == 8
        del shown[:], slow_chips[:]
        height = dock.chips.sizeHint().height()
        del ON_MAIN[:]
        click(40, 12)
        assert ON_MAIN == []  # none of the 8 chip windows read on the main thread
        assert dock.chips.chips == [] and dock.chips.message == PLACEHOLDER
        # in the chips' room: the table and the chart did not jump up (and back when the chips came)
        assert dock.chips.sizeHint().height() == height > 100
        during = []  # the event loop ran while the thread read
        loop_until(qgis_app, lambda: during.append(0 < len(slow_chips) < 8) or dock.chips.chips)
        assert ON_MAIN == [] and any(during)
        reference = ChipReader()
        expected, _ = reference.chips(series, centre(40, 12), crs, 31, False, set())
        assert len(shown) == 1 and same_images(dock.chips.chips, expected)
        # clicks and a toggle while the thread reads: the last one's chips only, nothing read after them
        del shown[:], slow_chips[:]
        click(5, 50)
        loop_until(qgis_app, lambda: len(slow_chips) >= 1)
        click(30, 30)
        loop_until(qgis_app, lambda: len(slow_chips) >= 3)
        dock.false_colour.setChecked(True)
        assert dock.chips.chips == [] and dock.chips.message == PLACEHOLDER and shown == []
        loop_until(qgis_app, lambda: dock.chips.chips)
        # each earlier read stopped after the date it read (not read to its end): some 1 + 2 + 8 dates, not 8 + 8
        assert len(slow_chips) <= 13, len(slow_chips)
        expected, _ = reference.chips(series, centre(30, 30), crs, 31, True, set())
        assert len(shown) == 1 and same_images(dock.chips.chips, expected)
        assert "bands 4, 1, 2 as red, green, blue" in dock.chips.toolTip()
    finally:
        QSettings().remove("caim/inspect_false_colour")
        dock.shutdown()
        dock.deleteLater()


def test_the_two_panels_read_a_run_s_stretch_once(qgis_app, project, finished_run, tmp_path, slow_read):
    """The labelling panel and the pixel inspector each read every date's stretch limits on their own first point
    of a run (twice the first read, 1-2 s of 30 large dates): the plugin gives them one reader, so the inspector's
    first click on the run whose points the panel showed reads none, and shows its chips at once."""
    import types

    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.accuracy_algorithms import class_labels, setup_sample_layer
    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_plugin.plugin import CaimPlugin
    from model_core.accuracy import stratified_sample

    res = finished_run["results"]
    outputs = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"]}
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
            "outputs": outputs, "model": "cva"}
    lyr.add_run_outputs(outputs, finished_run["dates"], info, project=project)
    path = str(tmp_path / "sample.gpkg")
    stratified_sample(res["MOMENT"], path, n=4, n_unchanged=6, seed=5)
    layer = QgsVectorLayer(path, "sample", "ogr")
    setup_sample_layer(layer, class_labels(res["MOMENT"]))
    project.addMapLayer(layer)
    window, canvas = QMainWindow(), QgsMapCanvas()
    iface = types.SimpleNamespace(
        mainWindow=lambda: window, addToolBar=window.addToolBar, mapCanvas=lambda: canvas,
        addPluginToRasterMenu=lambda name, action: None, removePluginRasterMenu=lambda name, action: None,
        addDockWidget=window.addDockWidget, removeDockWidget=window.removeDockWidget, messageBar=lambda: None)
    plugin = CaimPlugin(iface)
    plugin.initProcessing = lambda: None  # the session's provider is registered already
    plugin.initGui()
    try:
        plugin.show_label_dock()
        label = plugin.label_dock
        loop_until(qgis_app, lambda: label.chips.chips)
        assert label.chips.chips and len(slow_read) == 3
        plugin.inspect_action.setChecked(True)
        dock = plugin.inspect_dock
        crs = QgsCoordinateReferenceSystem("EPSG:32614")
        dock.show_result(inspect_pixel(info, centre(20, 20), crs), centre(20, 20), info, crs)
        assert len(dock.chips.chips) == 3 and len(slow_read) == 3  # at once, nothing read again
    finally:
        plugin.unload()
    assert not reading_threads()


def test_the_tool_activated_reads_what_the_first_click_reads_in_the_thread(qgis_app, project, finished_run,
                                                                           slow_read, monkeypatch):
    """The first click on a run read every file's projection and band roles on the main thread (0.1-0.3 s of 30
    dates, each projection some 3 ms) before its chips' thread started.  Activating the map tool starts the thread
    on the run a click would inspect: the first click then reads none of them again, nor the stretch."""
    import types

    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    from caim_qgis_plugin import inspect_tool
    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_plugin.plugin import CaimPlugin

    monkeypatch.setattr(inspect_tool, "_PIXEL_FILES", {})  # (the files known from other tests)
    monkeypatch.setattr(inspect_tool, "_BAND_MAPPINGS", {})
    res = finished_run["results"]
    outputs = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"],
               "probabilities": res["PROBABILITIES"]}
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
            "outputs": outputs}
    lyr.add_run_outputs(outputs, finished_run["dates"], info, project=project)
    window, canvas = QMainWindow(), QgsMapCanvas()
    iface = types.SimpleNamespace(
        mainWindow=lambda: window, addToolBar=window.addToolBar, mapCanvas=lambda: canvas, activeLayer=lambda: None,
        addPluginToRasterMenu=lambda name, action: None, removePluginRasterMenu=lambda name, action: None,
        addDockWidget=window.addDockWidget, removeDockWidget=window.removeDockWidget)
    plugin = CaimPlugin(iface)
    plugin.initProcessing = lambda: None  # the session's provider is registered already
    plugin.initGui()
    try:
        plugin.inspect_action.setChecked(True)  # (as its toolbar button does)
        assert reading_threads()
        dock, crs = plugin.inspect_dock, QgsCoordinateReferenceSystem("EPSG:32614")
        loop_until(qgis_app, lambda: dock.loader._thread is None)  # (ended, what it read taken in)
        assert len(slow_read) == 3 and not reading_threads()
        reader = dock.reader
        with projections_read() as projections:
            data = inspect_pixel(info, centre(20, 20), crs)
            reader.map_grid(info)  # (what the chips' request reads first)
        assert projections == []
        dock.show_result(data, centre(20, 20), info, crs)
        assert len(dock.chips.chips) == 3 and len(slow_read) == 3  # at once, no stretch read again
    finally:
        plugin.unload()
    assert not reading_threads()


PIXEL_DELAY = 0.15  # seconds a file's pixel takes here (the pixel inspector's and the labelling panel's values)


def pixel_threads():
    return [t for t in threading.enumerate() if t.name == "caim-pixel" and t.is_alive()]


@pytest.fixture
def slow_pixel(monkeypatch):
    """Each file's pixel read (inspect_tool._pixel_values) takes PIXEL_DELAY s, and a run of 3 dates is read as a long
    one is (chip_view.SYNC_DATES 0); the files' projections and band roles are read afresh.  Records the threads of
    those reads made on the main thread in ON_MAIN; returns the files whose pixel was read."""
    import model_core.bandmap
    from caim_qgis_plugin import chip_view, inspect_tool

    assert wait_for(lambda: not reading_threads() and not pixel_threads(), 30)  # (an earlier test's)
    read, values, pixel_file, roles = [], inspect_tool._pixel_values, inspect_tool._pixel_file, \
        model_core.bandmap.infer_rgbn_path

    def slow_values(ds, *args):
        on_main()
        read.append(ds.GetDescription())
        time.sleep(PIXEL_DELAY)
        return values(ds, *args)

    def watched_file(*args):
        on_main()
        return pixel_file(*args)

    def watched_roles(path):
        on_main()
        return roles(path)

    monkeypatch.setattr(inspect_tool, "_pixel_values", slow_values)
    monkeypatch.setattr(inspect_tool, "_pixel_file", watched_file)
    monkeypatch.setattr(model_core.bandmap, "infer_rgbn_path", watched_roles)
    monkeypatch.setattr(inspect_tool, "_PIXEL_FILES", {})
    monkeypatch.setattr(inspect_tool, "_BAND_MAPPINGS", {})
    monkeypatch.setattr(chip_view, "SYNC_DATES", 0)
    del ON_MAIN[:]
    yield read
    assert wait_for(lambda: not reading_threads() and not pixel_threads(), 30)


def test_the_first_click_reads_the_pixel_in_a_thread_the_panel_keeping_its_place(qgis_app, project, finished_run,
                                                                                 slow_pixel):
    """The first click on a long run (the tool just switched on: nothing read yet) read each file's projection, band
    roles and pixel on QGIS's main thread: 0.1-0.2 s of 30 dates, QGIS frozen.  They are read in a thread: the click
    returns at once, the panel shows the interval table's rows, 'Reading…' in the chart and in the room of the
    dates' chips, and then the values (the same as read in the main thread, as GDAL reads them) in the same places:
    the table and the chips' room do not change their height."""
    import types

    from osgeo import gdal
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtCore import Qt

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.chip_view import ChipStrip
    from caim_qgis_plugin.inspect_tool import InspectDock, InspectTool, inspect_pixel

    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    lyr.add_run_outputs(info["outputs"], finished_run["dates"], info, project=project)
    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(crs)
    dock = InspectDock()
    tool = InspectTool(canvas, types.SimpleNamespace(activeLayer=lambda: None), dock)
    try:
        tool.on_click(centre(20, 20), Qt.MouseButton.LeftButton)
        assert ON_MAIN == []  # no projection, band role or pixel read on the main thread
        assert dock.last.get("pending") and pixel_threads()
        assert "reading…" in dock.header.text() and "Confidence:</b> …" in dock.header.text()
        assert dock.table.rowCount() == 2 and [dock.table.item(r, 1).text() for r in range(2)] == ["…", "…"]
        assert dock.plot.data.get("pending") and dock.chips.message == PLACEHOLDER
        table, chips = dock.table.maximumHeight(), dock.chips.heightForWidth(400)
        loop_until(qgis_app, lambda: dock.chips.chips)
        assert dock.chips.chips, "the chips never came"
        assert ON_MAIN == [] and not dock.last.get("pending")
        assert dock.table.maximumHeight() == table and dock.chips.heightForWidth(400) == chips
        expected = inspect_pixel(info, centre(20, 20), crs)
        assert dock.last == expected and dock.plot.data == expected
        assert expected["series"] == [[float(v) for v in gdal.Open(p).ReadAsArray()[:, 20, 20]]
                                      for p in finished_run["inputs"]]
        assert "Change moment" in dock.header.text() and "…" not in dock.header.text()
        # a click elsewhere: while it is read, the header keeps its height and the captions stay (their lines, and the
        # chips' place, went up and back down when the values came); 'Reading…' where the first row of chips comes
        dock.resize(400, 900)
        dock.show()
        qgis_app.processEvents()
        header, caption = dock.header.height(), dock.chip_caption.text()
        del ON_MAIN[:]  # (the expected values above were read here)
        tool.on_click(centre(50, 8), Qt.MouseButton.LeftButton)
        assert dock.last.get("pending") and ON_MAIN == []
        assert dock.header.minimumHeight() == header and dock.chip_caption.text() == caption
        assert dock.chips.message == PLACEHOLDER and dock.chips.reserved == 3
        # (the room of 30 dates' chips, 10 rows: the text in the first)
        strip = ChipStrip(fit=False, side=75)
        strip.set_message(PLACEHOLDER, keep=True, room=30)
        strip.resize(250, strip.heightForWidth(250))
        image = strip.grab().toImage()
        text = set(y for y in range(image.height()) for x in range(0, image.width(), 2)
                   if image.pixelColor(x, y) != image.pixelColor(0, 0))
        assert text and max(text) < 75 + strip.TITLE + strip.GAP and image.height() > 900
        loop_until(qgis_app, lambda: dock.chips.chips)
        assert dock.last == inspect_pixel(info, centre(50, 8), crs) and dock.header.minimumHeight() == 0
    finally:
        dock.shutdown()
        dock.deleteLater()
    assert not pixel_threads()


def test_the_labelling_panel_reads_its_first_point_in_a_thread_and_the_stretch_meanwhile(
        qgis_app, project, finished_run, tmp_path, slow_pixel, slow_read):
    """The labelling panel opened on a long run read its first point's projections, band roles and values on the main
    thread (as the inspector's first click did), and only then started reading the dates' stretch.  The values are
    read in a thread, the chips' thread reading the stretch meanwhile (started when the panel showed the point):
    nothing on the main thread, each date's stretch once, the chart's values as read in the main thread."""
    from qgis.core import QgsVectorLayer

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.accuracy_algorithms import class_labels, setup_sample_layer
    from caim_qgis_plugin.inspect_tool import inspect_pixel
    from caim_qgis_plugin.label_dock import LabelDock
    from model_core.accuracy import stratified_sample

    res = finished_run["results"]
    outputs = {"area": res["AREA"], "moment": res["MOMENT"], "confidence": res["CONFIDENCE"]}
    info = {"dates": finished_run["dates"], "inputs": [{"path": p} for p in finished_run["inputs"]],
            "outputs": outputs, "model": "cva"}
    lyr.add_run_outputs(outputs, finished_run["dates"], info, project=project)
    path = str(tmp_path / "sample.gpkg")
    stratified_sample(res["MOMENT"], path, n=4, n_unchanged=6, seed=5)
    layer = QgsVectorLayer(path, "sample", "ogr")
    setup_sample_layer(layer, class_labels(res["MOMENT"]))
    project.addMapLayer(layer)
    dock = LabelDock(None)
    try:
        assert ON_MAIN == []  # neither the point's values nor the stretch read on the main thread
        assert dock.pixels.reading() and dock.plot.data.get("pending")  # the chart says so
        assert dock.loader._thread is not None  # the stretch being read, not waiting for the values
        assert dock.chips.message == PLACEHOLDER
        loop_until(qgis_app, lambda: dock.chips.chips)
        assert dock.chips.chips and ON_MAIN == [] and len(slow_read) == 3  # each date's stretch once
        _feature, point = dock.current_point()
        assert dock.plot.data == dict(inspect_pixel(info, point, layer.crs()), moment=None)
        # the next point: its values in the thread too, the stretch known (no thread for it)
        dock.go(dock.pos + 1)
        assert dock.pixels.reading() and dock.loader._thread is None
        loop_until(qgis_app, lambda: dock.chips.chips)
        _feature, point = dock.current_point()
        assert dock.plot.data == dict(inspect_pixel(info, point, layer.crs()), moment=None)
        assert len(slow_read) == 3
    finally:
        dock.shutdown(wait=True)
    assert not pixel_threads() and not reading_threads()


def test_unloading_the_plugin_while_a_pixel_is_read_waits_for_one_file_at_most(qgis_app, project, finished_run,
                                                                               slow_pixel):
    """The plugin unloaded while the thread reads a pixel: the read stops after the file it reads (on a slow disk,
    one date's read) and unload waits for it; nothing is shown afterwards."""
    import types

    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMainWindow

    from caim_qgis_plugin import layers as lyr
    from caim_qgis_plugin.plugin import CaimPlugin

    info = run_info(finished_run)
    lyr.add_run_outputs(info["outputs"], finished_run["dates"], info, project=project)
    window, canvas = QMainWindow(), QgsMapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32614"))
    iface = types.SimpleNamespace(
        mainWindow=lambda: window, addToolBar=window.addToolBar, mapCanvas=lambda: canvas, activeLayer=lambda: None,
        addPluginToRasterMenu=lambda name, action: None, removePluginRasterMenu=lambda name, action: None,
        addDockWidget=window.addDockWidget, removeDockWidget=window.removeDockWidget)
    plugin = CaimPlugin(iface)
    plugin.initProcessing = lambda: None  # the session's provider is registered already
    plugin.initGui()
    try:
        plugin.inspect_action.setChecked(True)
        plugin.inspect_tool.on_click(centre(20, 20), Qt.MouseButton.LeftButton)
        dock = plugin.inspect_dock
        assert dock.last.get("pending") and pixel_threads()
        loop_until(qgis_app, lambda: len(slow_pixel) >= 4)  # the outputs read, a date being read
        at_unload = len(slow_pixel)
    finally:
        plugin.unload()
    assert not pixel_threads() and not reading_threads()  # unload waited for them
    assert len(slow_pixel) <= at_unload + 1  # the file being read, no other
    loop_until(qgis_app, lambda: False, 0.5)  # nothing comes after (the panel is gone)


def test_a_pixel_whose_files_are_not_known_yet_is_not_waited_for(qgis_app, finished_run, slow_pixel, monkeypatch):
    """The main thread waited up to WAIT_SECONDS for every pixel's thread (so that a read of some 10 ms shows no
    placeholder): a run's first pixel, each file's projection still to read (0.1-0.3 s of 30 dates), is not waited
    for; a later one, its files known, is."""
    from qgis.core import QgsCoordinateReferenceSystem

    from caim_qgis_plugin import chip_view, inspect_tool
    from caim_qgis_plugin.inspect_tool import InspectDock

    waits, join = [], inspect_tool._PixelThread.join

    def recorded(self, timeout=None):
        waits.append(timeout)
        return join(self, timeout)

    monkeypatch.setattr(inspect_tool._PixelThread, "join", recorded)
    info, crs = run_info(finished_run), QgsCoordinateReferenceSystem("EPSG:32614")
    dock = InspectDock()
    try:
        dock.inspect(info, centre(20, 20), crs)
        assert waits == [0] and dock.last.get("pending")
        loop_until(qgis_app, lambda: not dock.last.get("pending"))
        dock.inspect(info, centre(50, 8), crs)
        assert waits == [0, chip_view.WAIT_SECONDS]
    finally:
        dock.shutdown()
        dock.deleteLater()
