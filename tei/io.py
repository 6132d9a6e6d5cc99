"""Reading sources, parsing XML safely and writing outputs atomically."""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from dataclasses import dataclass
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


# Bytes cp1252 leaves undefined: a file with any of them is read as ISO-8859-1 instead.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                             rb"|[\xf0-\xf4][\x80-\xbf]{3}")
ENCODING_NAMES = {"cp1252": "cp1252 (Windows Western European)",
                  "latin-1": "ISO-8859-1 (Latin-1)"}


@dataclass
class Decoded:
    text: str
    encoding: str = "utf-8"
    #: where the first byte that is not UTF-8 stands, when another encoding was guessed
    line: int = 0
    col: int = 0

    @property
    def guessed(self) -> bool:
        return self.line > 0


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode a source and normalise line endings to ``\\n`` (a UTF-8 BOM is dropped).

    Without ``encoding``: UTF-8; a file with bytes that are not UTF-8 and no UTF-8 sequence
    at all is an 8-bit file, read as cp1252 (or ISO-8859-1 when it uses bytes cp1252 leaves
    undefined) and marked as guessed. A UTF-8 file with a stray byte is an error: guessing
    there would garble its other characters.
    """
    if data.startswith(b"\xef\xbb\xbf") and encoding in (None, "utf-8", "utf-8-sig"):
        data = data[3:]
    if b"\x00" in data and not (encoding or "").lower().startswith("utf-16"):
        line, col = _position(data, data.index(b"\x00"))
        raise InputError("binary file (NUL byte); expected plain text", name, line, col)
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", name) from None
        except UnicodeDecodeError as exc:
            line, col = _position(data, exc.start)
            raise InputError(f"byte 0x{data[exc.start]:02x} is not {encoding}", name, line,
                             col) from None
        return Decoded(_lines(text), encoding)
    try:
        return Decoded(_lines(data.decode("utf-8")))
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        if _UTF8_MULTIBYTE.search(data):
            raise InputError(f"invalid UTF-8 byte 0x{data[exc.start]:02x}", name, line,
                             col) from None
    guess = "latin-1" if _CP1252_UNDEFINED.intersection(data) else "cp1252"
    return Decoded(_lines(data.decode(guess)), guess, line, col)


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_source(data: bytes, name: str) -> str:
    """The text of a UTF-8 source (see :func:`decode_bytes`)."""
    return decode_bytes(data, name).text


def read_text(path: str | Path, encoding: str | None = None) -> Decoded:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    return decode_bytes(data, str(path), encoding)


def read_source(path: str | Path, encoding: str | None = None) -> str:
    return read_text(path, encoding).text


def safe_parser(**options: bool) -> etree.XMLParser:
    """An XML parser that never loads an external DTD or entity and never touches the network.
    Entities declared in the document itself are expanded (libxml2 refuses expansion bombs);
    a reference to an external one stays an unexpanded node (see :func:`external_entities`)."""
    return etree.XMLParser(
        resolve_entities="internal",
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        **options,
    )


def external_entities(tree: etree._ElementTree) -> list[tuple[str, int]]:
    """(name, line) of each reference to an external entity: the parser left it unread."""
    return [(entity.name, entity.sourceline or 0) for entity in tree.iter(etree.Entity)]


def refuse_external_entities(tree: etree._ElementTree, name: str) -> etree._ElementTree:
    found = external_entities(tree)
    if found:
        entity, line = found[0]
        raise InputError(f"the document refers to the external entity &{entity}; which is "
                         "never read (external entities are refused)", name, line)
    return tree


_UNDEFINED_ENTITY = re.compile(r"Entity '([^']+)' not defined")


_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
               (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _xml_text(data: bytes) -> str:
    """An XML file's text, near enough to search its declarations: UTF-16 and UTF-32 by their
    byte order mark, anything else as UTF-8."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def explain_parse_error(message: str, data: bytes) -> str:
    """The parser's message, saying so when an "undefined" entity is in fact an external one,
    which the safe parser refuses to read."""
    match = _UNDEFINED_ENTITY.search(message)
    if match and re.search(r"<!ENTITY\s+" + re.escape(match.group(1)) +
                           r"\s+(SYSTEM|PUBLIC)\b", _xml_text(data)):
        return (f"the document refers to the external entity &{match.group(1)}; which is "
                "never read (external entities are refused)")
    if "amplification" in message or "entity loop" in message.lower():
        return "entity expansion refused: the document's entities expand beyond a safe size"
    return re.sub(r", line \d+, column \d+$", "", message)


def parse_xml(path: str | Path) -> etree._ElementTree:
    """Parse an XML file safely, raising :class:`InputError` with the parser's line and column;
    a document that refers to an external entity is refused."""
    path = Path(path)
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    try:
        return refuse_external_entities(etree.parse(str(path), safe_parser()), str(path))
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        message = explain_parse_error(exc.msg, path.read_bytes())
        raise InputError(message, str(path), line, col + 1 if line else 0) from None
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
