"""Translation of the plugin's own text.

Each module takes its translation function with ``tr = translator("CaimDialog")``: ``tr(text)`` returns
``text`` in the language QGIS runs in when a translation for it is installed, else ``text`` unchanged.
The context names the module, as Qt Linguist groups messages by it.  Messages of the engine
(``model_core``, which never imports Qt) stay in English.
"""

from qgis.PyQt.QtCore import QCoreApplication


def translator(context):
    """A function ``tr(text)`` translating ``text`` in ``context``."""
    def tr(text):
        return QCoreApplication.translate(context, text)

    tr.context = context
    return tr


def noop(text):
    """``text`` unchanged: marks a constant defined before any translation is installed (a module-level
    table) for the message file; the code translates it where it is shown, with ``tr(TABLE[key])``."""
    return text


def number(value, decimals=2):
    """``value`` with ``decimals`` decimals, as shown to the user."""
    return "%.*f" % (decimals, value)
