"""Render ``resources/icons/app.svg`` into the icon files the executable builds need.

Writes ``app.png`` (256 px), ``app.ico`` (Windows: 16-256 px) and ``app.icns`` (macOS:
16-1024 px) into the output folder, every size rendered from the SVG rather than scaled.
Both containers hold PNG images, which Windows Vista+ and macOS 10.7+ read. The SVG stays
the only source, so the generated files are build output and are not committed.

    python scripts/make_icons.py [OUT_DIR]    (default: build/icons)
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

# Rendering needs no display; this keeps the script working on build servers.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that carry PNG data, with their pixel size (Retina types are "@2x").
ICNS_TYPES = (
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` canvas, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RuntimeError(f"Qt could not encode the {size} px icon: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (a width or height of 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file with one PNG element per entry of ``ICNS_TYPES``."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(out_dir: Path, svg: Path = SVG) -> list[Path]:
    """Write ``app.png``, ``app.ico`` and ``app.icns`` into ``out_dir``; return their paths.

    Raises ``ValueError`` when ``svg`` is missing or not a valid SVG image.
    """
    # Qt's SVG and font machinery expect an application object to exist while rendering.
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is missing or not a valid SVG image")
    sizes = sorted({*ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    pngs = {size: render_png(renderer, size) for size in sizes}
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        out_dir / "app.png": pngs[256],
        out_dir / "app.ico": ico_bytes({size: pngs[size] for size in ICO_SIZES}),
        out_dir / "app.icns": icns_bytes(pngs),
    }
    for path, data in outputs.items():
        path.write_bytes(data)
    return list(outputs)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else ROOT / "build" / "icons"
    for path in write_icons(out_dir):
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
