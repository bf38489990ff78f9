"""Make the code font the site ships: JetBrains Mono, subset to WOFF2.

Keras prints model summaries as tables drawn with box-drawing characters
(U+2500-U+257F). A table lines up in the browser only if one monospaced font
draws every character of it; the theme's default code font (Roboto Mono) has
no box-drawing glyphs and is fetched from a font service. So the site ships
its own code font and fetches nothing (`theme.font: false` in mkdocs.yml).

The source is Debian's `fonts-jetbrains-mono` (SIL Open Font License 1.1; the
licence travels with the WOFF2 files as docs/assets/fonts/OFL.txt):

    apt-get install -y fonts-jetbrains-mono
    .venv/bin/python scripts/subset_code_font.py

The WOFF2 files are committed; run this again only to change the character
set or the weights. The output is byte-for-byte reproducible from the same TTF.
"""

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE_DIR = Path("/usr/share/fonts/truetype/jetbrains-mono")
OUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "assets" / "fonts"

# Weights used by the theme's code styles: regular text, and bold for the
# few highlighted tokens that pygments makes bold.
WEIGHTS = {"Regular": "jetbrains-mono-regular.woff2", "Bold": "jetbrains-mono-bold.woff2"}

# What code and outputs on this site contain: ASCII and Latin-1 (code, names),
# general punctuation (dashes, quotes, ellipsis that rich uses to crop names),
# arrows and math operators (prose in comments), box drawing and block
# elements (summary tables, progress bars), geometric shapes (bullets), and
# the replacement character.
UNICODES = [
    *range(0x0020, 0x007F),
    *range(0x00A0, 0x0100),
    *range(0x2000, 0x2070),
    *range(0x2190, 0x2200),
    *range(0x2200, 0x2300),
    *range(0x2500, 0x2580),
    *range(0x2580, 0x25A0),
    *range(0x25A0, 0x2600),
    0xFFFD,
]

# Every one of these must be drawn by the shipped font itself, or summary
# tables fall back glyph by glyph and their columns drift.
REQUIRED = "┏━┳┓┃┡╇┩│├┼┤└┴┘─"


def subset_font(source: Path, target: Path) -> None:
    """Write `source` TTF subset to UNICODES as WOFF2 at `target`."""
    options = subset.Options()
    options.flavor = "woff2"
    # No ligatures or contextual alternates: `->` or `!=` must look like what
    # a reader copies and types.
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]  # keep copyright, licence and font names
    options.notdef_outline = True
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    cmap = font.getBestCmap()
    missing = [ch for ch in REQUIRED if ord(ch) not in cmap]
    if missing:
        raise SystemExit(f"{source} has no glyph for {' '.join(missing)}; choose another font.")
    target.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(target, reorderTables=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=SOURCE_DIR)
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    for style, name in WEIGHTS.items():
        source = args.source_dir / f"JetBrainsMono-{style}.ttf"
        if not source.exists():
            raise SystemExit(f"{source} not found: apt-get install -y fonts-jetbrains-mono")
        target = args.out_dir / name
        subset_font(source, target)
        print(f"{target} ({target.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
