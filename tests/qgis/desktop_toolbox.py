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
    """Per parameter panel: its horizontal scroll bar, its width, its ``top`` widest texts, and the texts of
    the panel's left column that do not fit it (left offset + width + as much again on the right wider than
    the viewport): ``overflow`` the algorithm's parameter texts, ``qgis_overflow`` QGIS's own (the Spanish
    "Abrir el archivo de salida después de ejecutar el algoritmo" check box is wider than the panel at
    688 x 523 in every algorithm, native:buffer's too). A parameter text that cannot wrap (a label, a check
    box) wider than the panel gave the panel a horizontal scroll bar and hid every field's "…" button."""
    from qgis.PyQt.QtCore import QPoint
    from qgis.PyQt.QtWidgets import QCheckBox, QLabel, QScrollArea

    ours = [p.description() for p in dialog.algorithm().parameterDefinitions()]
    panels = [a for a in dialog.findChildren(QScrollArea) if a.isVisible() and a.widget() is not None
              and a.widget().findChildren(QCheckBox)]
    out = []
    for area in panels:
        content, width = area.widget(), area.viewport().width()
        texts = [(w.sizeHint().width(), w.text(), w.mapTo(content, QPoint(0, 0)).x())
                 for w in content.findChildren((QCheckBox, QLabel)) if w.isVisible() and w.text()]
        overflow = sorted(((2 * x + w, text) for w, text, x in texts if x < width // 4 and 2 * x + w > width),
                          reverse=True)
        mine = [o for o in overflow if any(o[1].startswith(d) for d in ours)]
        out.append({"hscroll": area.horizontalScrollBar().isVisible(), "viewport": width,
                    "widest": sorted(((w, text) for w, text, _ in texts), reverse=True)[:top],
                    "overflow": mine, "qgis_overflow": [o for o in overflow if o not in mine]})
    return out


def help_tooltips(dialog):
    """{parameter name: whether the tooltip of its label (or check box) in the dialog holds its help} of every
    parameter with help: the details that the short labels leave to it."""
    from qgis.PyQt.QtWidgets import QCheckBox, QLabel

    texts = [w for w in dialog.findChildren((QCheckBox, QLabel)) if w.text()]
    out = {}
    for p in dialog.algorithm().parameterDefinitions():
        if p.help():
            shown = [w for w in texts if w.text() == p.description() or w.text().startswith(p.description() + " [")]
            out[p.name()] = bool(shown) and all(p.help() in w.toolTip() for w in shown)
    return out
