"""The dossiers' typeface: DejaVu Serif Print, a bundled print build of DejaVu Serif.

Every PDF embeds the glyphs it uses.  Qt embeds them by loading each glyph's outline, and
for a hinted TrueType font FreeType first runs the glyph's hinting program at 2,048 pixels
per em — work that means nothing on paper and cost ~3 ms of every 20 ms dossier.  The
bundled face is DejaVu Serif 2.37 without hinting instructions, cut to the scripts the
archive uses (Latin, Greek, Cyrillic, punctuation, symbols); see ``resources/fonts/README.md``.
It also makes page breaks independent of whatever fonts the machine has installed.
"""

from __future__ import annotations

import functools
import logging

from PySide6.QtGui import QFontDatabase

from app import resources

#: Family name of the bundled face (renamed from "DejaVu Serif", as the font licence asks).
PRINT_FAMILY = "DejaVu Serif Print"
#: The installed face used when the bundled file cannot be registered.
FALLBACK_FAMILY = "DejaVu Serif"
FONT_FILE = ("fonts", "DejaVuSerifPrint.ttf")

log = logging.getLogger(__name__)


@functools.cache
def print_family() -> str:
    """Register the bundled face with Qt (once per process); the family to print with."""
    path = resources.resource(*FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if PRINT_FAMILY not in families:
        log.warning("could not load the print font %s; printing with %s", path, FALLBACK_FAMILY)
        return FALLBACK_FAMILY
    return PRINT_FAMILY
