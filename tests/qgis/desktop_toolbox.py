"""The caim:detectchanges toolbox dialog in the real desktop, for e2e_desktop.py and the language probe of
test_e2e.py (both run inside QGIS; run_desktop puts this folder on PYTHONPATH)."""


def expand_advanced(dialog):
    """Show the advanced parameters too (PyQt sees the collapsible box as a plain QGroupBox)."""
    from qgis.PyQt import sip
    from qgis.PyQt.QtWidgets import QGroupBox
    from qgis.gui import QgsCollapsibleGroupBox

    for box in dialog.findChildren(QGroupBox):
        if box.metaObject().className() == "QgsCollapsibleGroupBox":
            sip.cast(box, QgsCollapsibleGroupBox).setCollapsed(False)


def panel_report(dialog, top=15):
    """Per parameter panel: its horizontal scroll bar, its width and its ``top`` widest texts. A parameter
    whose text cannot wrap (a check box) wider than the panel gave the panel a horizontal scroll bar and hid
    every field's "…" button."""
    from qgis.PyQt.QtWidgets import QCheckBox, QLabel, QScrollArea

    panels = [a for a in dialog.findChildren(QScrollArea) if a.isVisible() and a.widget() is not None
              and a.widget().findChildren(QCheckBox)]
    return [{"hscroll": area.horizontalScrollBar().isVisible(), "viewport": area.viewport().width(),
             "widest": sorted(((w.sizeHint().width(), w.text()) for w in area.widget().findChildren((QCheckBox, QLabel))
                               if w.isVisible()), reverse=True)[:top]} for area in panels]
