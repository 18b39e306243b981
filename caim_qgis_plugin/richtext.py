"""Text from files, layers and projects in the widgets that render HTML.

A QLabel, a tooltip and a QMessageBox take text that starts like HTML for HTML, and the message bar
always renders it; Qt's HTML then loads the file an ``<img src>`` names.  A file or folder name, a
layer name, a sample's field or a run's dates stored in a project reading ``<img src="/dev/zero">``
made QGIS read without end (it froze, then died).  Such text goes through :func:`literal` (the whole
text) or :func:`escape` (a part of our own HTML).
"""

import html


def escape(text):
    """``text`` as HTML that shows exactly ``text`` (line breaks kept)."""
    return html.escape(str(text), quote=False).replace("\n", "<br>")


def literal(text):
    """``text`` for a label, tooltip, message box or message bar: shown as it is, never as HTML.
    Text without '<' or '&' is returned unchanged."""
    text = str(text)
    if "<" not in text and "&" not in text:
        return text
    return "<qt>%s</qt>" % escape(text)


# message colours on a light and on a dark window background (QGIS's Night Mapping theme): the dark ones
# were hard to read on #323232 (an accessibility audit)
_TONES = {"error": ("#c00000", "#ff7070"), "warning": ("#b35900", "#f0a040"), "info": ("#1f5f9f", "#7fb2e5"),
          "ok": ("#2b7a0b", "#7ad65e")}


def tone(kind):
    """The colour (#rrggbb) of a message of ``kind`` ('error', 'warning', 'info', 'ok') that reads on the
    application's window background."""
    from qgis.PyQt.QtWidgets import QApplication

    app = QApplication.instance()
    dark = app is not None and app.palette().window().color().lightness() < 128
    return _TONES[kind][1 if dark else 0]
