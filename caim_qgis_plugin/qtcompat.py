"""What differs between Qt 5 (QGIS 3) and Qt 6 (QGIS 4) beyond enum spelling.

The plugin writes every Qt enum in its scoped form (``Qt.AlignmentFlag.AlignLeft``), which PyQt5 5.15
and PyQt6 both accept; ``tools/qt6_check.py`` checks that against the real PyQt6. The few classes
that moved module and the methods that changed are handled here, once.
"""
try:  # Qt 6: QAction and QShortcut live in QtGui
    from qgis.PyQt.QtGui import QAction, QShortcut
except ImportError:  # Qt 5
    from qgis.PyQt.QtWidgets import QAction, QShortcut

__all__ = ["QAction", "QShortcut", "event_point"]


def event_point(event):
    """The integer widget position of a drop or mouse event (Qt 6 has only ``position()``, a QPointF;
    Qt 5's drop events have only ``pos()``)."""
    position = getattr(event, "position", None)
    return position().toPoint() if position is not None else event.pos()
