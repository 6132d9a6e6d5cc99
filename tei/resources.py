"""Where the schema and stylesheets are: the source tree's top-level schema/ and xslt/, or, in
an installed tei-edition, the copies installed as tei/schema and tei/xslt."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def folder(name: str) -> Path:
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name
