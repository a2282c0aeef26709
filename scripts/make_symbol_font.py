#!/usr/bin/env python3
"""Build resources/fonts/CareJournalSymbola.ttf, the emoji and symbol font the report prints with.

    apt-get download fonts-symbola && dpkg-deb -x fonts-symbola_*.deb /tmp/symbola
    pip install --target /tmp/ft fonttools
    PYTHONPATH=/tmp/ft python scripts/make_symbol_font.py \
        /tmp/symbola/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf \
        /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

The source is Symbola 9.17 by George Douros, as Debian packages it (fonts-symbola 2.60; licence:
free for any use, may be modified and redistributed; see resources/fonts/Symbola-LICENSE.txt).
DejaVu Sans, the report's text font, is given so that the glyphs it already has in the basic
plane are left out (they never reach this font). What is kept, and why:

- every emoji and pictograph Symbola has in U+1F000..U+1FAFF (also the ones DejaVu Sans has, so
  that emoji always come from this one font when Qt is told it is the emoji font);
- the symbol blocks U+2000..U+2BFF and U+3000..U+32FF that DejaVu Sans lacks;
- no spaces, joiners or other invisible format characters;
- the line metrics (ascent, descent, gap, x and cap heights) of DejaVu Sans, because the report
  names this family first (so that every emoji comes from it) and Qt takes a line's height from
  the first family.

Qt's PDF writer (checked up to 6.11) writes a glyph's Unicode value into the PDF only when the
glyph is reachable from a code point below U+10000, so an emoji such as U+1F338 would print but
be lost when the PDF's text is copied or searched. This font therefore also maps each kept
U+1F000+n to the private-use code point U+E000+n (the same glyph); journal/reports/render/pages.py
rewrites those private-use values in the PDF's ToUnicode tables back to the real emoji.
The family is renamed "CareJournal Symbola" so that a system copy of Symbola (which lacks the
private-use mapping) is never taken for it. Hinting is dropped to keep the file small.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "CareJournalSymbola.ttf"
FAMILY = "CareJournal Symbola"
PS_NAME = "CareJournalSymbola"
EMOJI = (0x1F000, 0x1FAFF)
PUA_BASE = 0xE000
SYMBOL_BLOCKS = ((0x2000, 0x2BFF), (0x3000, 0x32FF))


def wanted(cp: int, text_font: set[int]) -> bool:
    if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Zs", "Zl", "Zp", "Mn"):
        return False
    if EMOJI[0] <= cp <= EMOJI[1]:
        return True
    return cp not in text_font and any(lo <= cp <= hi for lo, hi in SYMBOL_BLOCKS)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    source, text_font_path = (Path(a) for a in argv)
    font = TTFont(source)
    text_font = set(TTFont(text_font_path).getBestCmap())
    if font["head"].unitsPerEm != TTFont(text_font_path)["head"].unitsPerEm:
        raise SystemExit("the two fonts' units per em differ; the metrics below would need scaling")
    keep = sorted(cp for cp in font.getBestCmap() if wanted(cp, text_font))

    opts = subset.Options()
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.layout_features = ["*"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=keep)
    sub.subset(font)

    # the private-use twin of every emoji (see the module docstring)
    best = font.getBestCmap()
    twins = {PUA_BASE + cp - EMOJI[0]: best[cp] for cp in keep if cp >= EMOJI[0]}
    for table in font["cmap"].tables:
        if table.isUnicode():
            if table.format == 4 or table.format == 12:
                table.cmap.update(twins)

    # The report's fonts name this family first (see render/style.py), so its vertical metrics are the
    # line's: make them the text font's, and lines keep the height they have with DejaVu Sans alone.
    text = TTFont(text_font_path)
    for attr in ("ascent", "descent", "lineGap"):
        setattr(font["hhea"], attr, getattr(text["hhea"], attr))
    for attr in ("sTypoAscender", "sTypoDescender", "sTypoLineGap", "usWinAscent", "usWinDescent"):
        setattr(font["OS/2"], attr, getattr(text["OS/2"], attr))
    glyf = text["glyf"]
    cmap = text.getBestCmap()
    for attr, ch in (("sxHeight", "x"), ("sCapHeight", "H")):
        g = glyf[cmap[ord(ch)]]
        setattr(font["OS/2"], attr, g.yMax)

    names = font["name"]
    for rec in list(names.names):
        if rec.nameID in (1, 4, 16):
            names.setName(FAMILY if rec.nameID != 4 else f"{FAMILY} Regular", rec.nameID, rec.platformID,
                          rec.platEncID, rec.langID)
        elif rec.nameID == 6:
            names.setName(PS_NAME, rec.nameID, rec.platformID, rec.platEncID, rec.langID)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"{OUT}: {len(keep)} characters ({len(twins)} emoji with a private-use twin), "
          f"{OUT.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
