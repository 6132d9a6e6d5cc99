from __future__ import annotations

import os

import pytest

from tei.io import InputError, atomic_write, decode_source, parse_xml


def test_atomic_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    target = tmp_path / "out.xml"
    target.write_bytes(b"old")

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]


def test_atomic_write_gives_ordinary_permissions(tmp_path):
    target = tmp_path / "out.xml"
    atomic_write(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_decode_source():
    assert decode_source(b"\xef\xbb\xbfa\r\nb\rc", "s") == "a\nb\nc"
    with pytest.raises(InputError, match="binary file"):
        decode_source(b"ab\x00", "s")


def test_parse_xml_refuses_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text(f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>',
                   encoding="utf-8")
    with pytest.raises(InputError) as info:
        parse_xml(doc)
    assert "external entity &x; which is never read" in str(info.value)
    assert "TOP SECRET" not in str(info.value)


def test_parse_xml_reports_line_and_column(tmp_path):
    doc = tmp_path / "bad.xml"
    doc.write_text("<a>\n  <b>\n</a>", encoding="utf-8")
    with pytest.raises(InputError) as info:
        parse_xml(doc)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{doc}:3:")
