"""Where bundled files live; the only module of ``app`` that knows paths under ``resources/``.

In a checkout the files are in the top-level ``resources/`` folder beside ``app/``.  An
installed wheel carries the same files as the data-only package ``kremlin_archive_resources``
(``pyproject.toml`` maps the folder to that name), so the app runs from any folder after
``pipx install .``.  :mod:`db.i18n` finds the translation catalogue the same way.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

#: The installed name of the ``resources/`` folder.
PACKAGE = "kremlin_archive_resources"
#: The file that tells a resources folder of this app from any other folder of that name.
ARCHIVE_NAME = "kremlin-affair.sqlite"


def find_root(checkout: Path | None = None) -> Path:
    """The resources folder: the checkout's when this module runs from one, else the
    installed package's (``checkout`` overrides where the checkout's folder is looked for).

    With neither (a broken install) it is the checkout's path all the same: opening the
    bundled archive then fails with the archive layer's own "file not found" message.
    """
    here = checkout or Path(__file__).resolve().parent.parent / "resources"
    if (here / ARCHIVE_NAME).is_file():
        return here
    spec = importlib.util.find_spec(PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / ARCHIVE_NAME).is_file():
            return Path(location)
    return here


ROOT = find_root()


def bundled_archive() -> Path:
    """The archive shipped with the app."""
    return ROOT / ARCHIVE_NAME


def resource(*parts: str) -> Path:
    """Path of a bundled resource file (icons, templates, styles)."""
    return ROOT.joinpath(*parts)
