"""``tei html``: the static HTML edition of a TEI document.

The stylesheet (xslt/html/html.xsl) writes index.html, a page per register and the search
index; Python parses the TEI safely, runs the stylesheet once, writes what it produced
(atomically) and copies the stylesheet's assets.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei.io import InputError
from tei.publish import saxon

ASSETS = saxon.XSLT_DIR / "html" / "assets"


PAGES = ("persons-page", "places-page", "organisations-page")  # parameters naming pages


@dataclass
class Site:
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def render(tei: Path | etree._ElementTree, out_dir: Path,
           params: dict[str, str] | None = None) -> Site:
    """Write the edition of ``tei`` (a file or a parsed tree) into ``out_dir``."""
    from saxonche import PySaxonApiError

    for name in PAGES:  # Saxon writes them: they must stay in the site
        page = (params or {}).get(name)
        if page is not None and not re.fullmatch(r"\w[\w.-]*", page):
            raise saxon.ParameterError(f"parameter {name} must be a file name in the site "
                                       f"folder, not {page!r}")
    executable, source = saxon.prepare("html/html.xsl", tei, params)
    out_dir = out_dir.resolve()
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    executable.set_save_xsl_message(True, None)  # keep messages; they are reported below
    executable.clear_xsl_messages()
    site = Site()
    # Saxon writes the other pages itself (serialized as each xsl:result-document says) into
    # a scratch folder; nothing reaches out_dir until the whole transformation has succeeded.
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".tei-html-") as scratch:
        index = Path(scratch) / "index.html"
        executable.set_base_output_uri(index.as_uri())
        try:
            executable.transform_to_file(xdm_node=source, output_file=str(index))
            failed = None
        except PySaxonApiError as exc:
            name = str(tei) if isinstance(tei, Path) else "document"
            failed = InputError(f"the HTML transformation failed: {exc}", name)
        for produced in [] if failed else sorted(Path(scratch).rglob("*")):
            if produced.is_file():
                destination = out_dir / produced.relative_to(scratch)
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.chmod(produced, 0o644)
                os.replace(produced, destination)
                site.files.append(destination)
    if failed is not None:
        if created:
            shutil.rmtree(out_dir, ignore_errors=True)  # nothing else was written there
        raise failed
    messages = executable.get_xsl_messages()
    if messages is not None:
        site.warnings = [messages.item_at(i).string_value for i in range(messages.size)]
    _copy_assets(out_dir / "assets", site)
    return site


def _copy_assets(target: Path, site: Site) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            destination = target / asset.name
            shutil.copyfile(asset, destination)
            site.files.append(destination)
