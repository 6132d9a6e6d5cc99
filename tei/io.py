"""Reading sources, parsing XML safely and writing outputs atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree


class InputError(Exception):
    """A problem in the user's input, reported as ``file:line:col: error: message``."""

    def __init__(self, message: str, file: str, line: int = 0, col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = self.file + (f":{self.line}:{self.col or 1}" if self.line else "")
        return f"{where}: error: {self.message}"


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def decode_source(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is dropped) and normalise line endings to ``\\n``."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        line, col = _position(data, data.index(b"\x00"))
        raise InputError("binary file (NUL byte); expected plain text", name, line, col)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        raise InputError(f"invalid UTF-8 byte 0x{data[exc.start]:02x}", name, line, col) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: str | Path) -> str:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    return decode_source(data, str(path))


def safe_parser(**options: bool) -> etree.XMLParser:
    """An XML parser that never loads a DTD, resolves entities or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        **options,
    )


def parse_xml(path: str | Path) -> etree._ElementTree:
    """Parse an XML file safely, raising :class:`InputError` with the parser's line and column."""
    path = Path(path)
    try:
        return etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise InputError(exc.msg, str(path), line, col + 1 if line else 0) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", str(path)) from None


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp makes the file private; give it the mode a plainly created file would have
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
