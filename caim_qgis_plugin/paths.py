"""Where the plugin's resources (icons, styles) live, in the source tree and in the packaged zip."""

import os

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))


def resources_dir():
    for folder in (os.path.join(PLUGIN_DIR, "resources"), os.path.join(os.path.dirname(PLUGIN_DIR), "resources")):
        if os.path.isdir(folder):
            return folder
    return os.path.join(PLUGIN_DIR, "resources")


def icon_path(name="caim.svg"):
    return os.path.join(resources_dir(), "icons", name)


def style_path(name):
    return os.path.join(resources_dir(), "styles", name)
