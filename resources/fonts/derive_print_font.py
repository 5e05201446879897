"""Derive DejaVuSerifPrint.ttf from DejaVu Serif 2.37 (run once; the result is committed).

    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools==4.68.0
    /tmp/ft/bin/python resources/fonts/derive_print_font.py \\
        /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf resources/fonts/DejaVuSerifPrint.ttf

The output is byte-identical for the same input and fontTools version (checked).  What it
does: drops the TrueType hinting programs (they only matter for screen pixels, and Qt runs
them for every glyph it embeds in a PDF), keeps the Latin, Greek, Cyrillic, punctuation and
symbol ranges with all OpenType layout features, and renames the family to
"DejaVu Serif Print" (the Bitstream Vera licence asks that modified fonts be renamed).
"""

import sys

from fontTools import subset
from fontTools.ttLib import TTFont

RANGES = [(0x20, 0x24F), (0x2B0, 0x36F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF),
          (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF),
          (0x2200, 0x22FF), (0x25A0, 0x25FF), (0xFB00, 0xFB06), (0xFFFD, 0xFFFD)]


def main(src: str, out: str) -> None:
    """Write the print build of ``src`` to ``out``."""
    opts = subset.Options()
    opts.hinting = False
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.name_legacy = True
    opts.name_languages = ["*"]
    opts.drop_tables += ["FFTM"]
    font = TTFont(src, recalcTimestamp=False)  # keep the source date: same bytes every run
    subsetter = subset.Subsetter(opts)
    subsetter.populate(unicodes=[u for a, b in RANGES for u in range(a, b + 1)])
    subsetter.subset(font)
    for rec in font["name"].names:
        if rec.nameID in (1, 4, 16):
            rec.string = "DejaVu Serif Print"
        elif rec.nameID == 6:
            rec.string = "DejaVuSerifPrint"
        elif rec.nameID == 3:
            rec.string = "DejaVu Serif Print 2.37 (unhinted subset)"
    font.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
