"""Renders the PNG sizes of the app icon from its SVG (run by hand after changing the SVG):

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py

Writes journal/ui/icons/<APP_ID>-<size>.png for the sizes desktops ask for (hicolor theme)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from journal import APP_ID  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication([])  # noqa: F841 - QPainter needs one
    icons = ROOT / "journal" / "ui" / "icons"
    renderer = QSvgRenderer(str(icons / f"{APP_ID}.svg"))
    if not renderer.isValid():
        print("the SVG could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(icons / f"{APP_ID}-{size}.png"))
    print(f"wrote {len(SIZES)} PNG sizes to {icons}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
