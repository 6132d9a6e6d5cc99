"""An edition's configuration file (TOML): its sources and the registers they link to.

    [edition]
    sources = ["sample.txt"]
    registers = ["sample-registers.xml"]
    encoding = "cp1252"        # optional: the sources' encoding, when it is not UTF-8

Paths are relative to the configuration file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tei.io import InputError

PATH_LISTS = {"sources", "registers"}
KEYS = PATH_LISTS | {"encoding"}


@dataclass
class Edition:
    sources: list[Path] = field(default_factory=list)
    registers: list[Path] = field(default_factory=list)
    encoding: str | None = None


def load(path: Path) -> Edition:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", str(path)) from None
    table = data.get("edition")
    if not isinstance(table, dict):
        raise InputError("no [edition] table", str(path))
    unknown = set(table) - KEYS
    if unknown:
        raise InputError(f"unknown key(s) in [edition]: {', '.join(sorted(unknown))}", str(path))
    edition = Edition()
    for key in PATH_LISTS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(f"[edition] {key} must be a list of paths", str(path))
        setattr(edition, key, [path.parent / v for v in value])
    encoding = table.get("encoding")
    if encoding is not None and not isinstance(encoding, str):
        raise InputError("[edition] encoding must be a string, such as \"cp1252\"", str(path))
    edition.encoding = encoding
    return edition
