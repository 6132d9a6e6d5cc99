"""The ``tei`` command line: ``tei convert``, ``tei build``."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from tei import __version__
from tei.diagnostics import Diagnostics, to_stderr
from tei.io import ENCODING_NAMES, InputError, atomic_write, read_source, read_text
from tei.publish.saxon import ParameterError
from tei.registers import Registers

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_CODES = f"""
\b
Exit codes:
  {EXIT_OK}  success (warnings may have been printed)
  {EXIT_INPUT}  problems in the input, or an output that would overwrite an edited file
  {EXIT_USAGE}  usage error (unknown option, missing argument)
  {EXIT_INTERNAL}  internal error (rerun with --debug for the traceback)

Diagnostics go to stderr as FILE:LINE:COL: warning|error: MESSAGE; the paths of the files
written go to stdout.
"""


class OutputExists(InputError):
    pass


def write_output(path: Path, data: bytes, force: bool) -> bool:
    """Write ``data`` atomically. An existing different file is kept unless ``force``:
    an editor may have corrected it by hand. Returns whether the file was written."""
    if path.exists() and not force:
        if path.read_bytes() == data:
            return False
        raise OutputExists(
            "output exists and differs (it may hold hand corrections); "
            "use --force to overwrite it", str(path))
    atomic_write(path, data)
    return True


def read_input(source: Path, diagnostics: Diagnostics, encoding: str | None = None) -> str:
    """The text of a source; an encoding guessed for a file that is not UTF-8 is a warning."""
    decoded = read_text(source, encoding)
    if decoded.guessed:
        diagnostics.warning(f"not UTF-8: read as {ENCODING_NAMES[decoded.encoding]}; "
                            "use --encoding if that is wrong", str(source), decoded.line,
                            decoded.col)
    return decoded.text


def convert_file(source: Path, out: Path, force: bool, diagnostics: Diagnostics,
                 registers: Registers | None = None, review: Path | None = None,
                 encoding: str | None = None) -> None:
    from tei.convert import convert_text
    from tei.enrich.ocr import Review
    from tei.xmlout import serialize

    text = read_input(source, diagnostics, encoding)
    decisions = Review.read(review)
    root = convert_text(text, str(source), diagnostics, registers=registers, review=decisions)
    write_output(out, serialize(root), force)
    decisions.write()


def load_registers(paths: tuple[Path, ...] | list[Path]) -> Registers | None:
    return Registers.load(list(paths)) if paths else None


register_option = click.option(
    "--register", "registers", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
    help="A TEI register (listPerson, listPlace, listOrg) to link names to; repeatable.")


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(str(exc), err=True)
            ctx.exit(EXIT_INPUT)
        except ParameterError as exc:
            raise click.UsageError(str(exc)) from None
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # a bug (a panic in native code too): said briefly
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            else:
                click.echo(f"tei: internal error: {exc!r} (rerun with --debug for details)",
                           err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Group, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="tei-edition")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """tei-edition: turn annotated plain-text sources into TEI P5 editions."""
    ctx.obj = {"debug": debug}


@main.command(epilog=EXIT_CODES)
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False),
              required=True, help="The TEI file to write.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@register_option
@click.option("--review", type=click.Path(path_type=Path, dir_okay=False),
              help="OCR review file (TSV): its decisions are applied, new suspects appended.")
@click.option("--encoding", metavar="NAME",
              help="Read SOURCE in this encoding (e.g. cp1252, latin-1) instead of UTF-8.")
def convert(source: Path, out: Path, force: bool, registers: tuple[Path, ...],
            review: Path | None, encoding: str | None) -> None:
    """Convert SOURCE (annotated plain text) to TEI P5. SOURCE is UTF-8; a file that holds
    no UTF-8 at all is read as cp1252 (ISO-8859-1 if cp1252 cannot read it), with a warning."""
    diagnostics = to_stderr()
    convert_file(source, out, force, diagnostics, load_registers(registers), review, encoding)
    click.echo(str(out))
    sys.exit(EXIT_INPUT if diagnostics.errors else EXIT_OK)


@main.command(epilog=EXIT_CODES)
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@register_option
@click.option("--format", "fmt", type=click.Choice(["tsv", "tei"]), default="tsv",
              show_default=True, help="TSV for reading, TEI to paste into a register.")
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True,
              help="List only names mentioned at least this often.")
def names(source: Path, registers: tuple[Path, ...], fmt: str, min_count: int) -> None:
    """List name-like sequences in SOURCE that no register knows, with counts and the first
    FILE:LINE:COL, as TSV or as TEI to paste into a register."""
    from tei import names as finder
    from tei.convert.source import Source

    register_set = load_registers(registers)
    found = [u for u in finder.unknown(Source(read_source(source), str(source)), register_set)
             if u.count >= min_count]
    click.echo(finder.as_tsv(found, str(source)) if fmt == "tsv" else finder.as_tei(found),
               nl=False)
    if register_set:
        hits, total = finder.recall(Source(read_source(source), str(source)), register_set)
        click.echo(f"{len(found)} unknown names; the heuristic finds {hits} of the {total} "
                   f"register surnames that occur ({hits / max(total, 1):.1%})", err=True)


VALIDATE_CODES = f"""
\b
Exit codes:
  {EXIT_OK}  every file is valid (warnings may have been printed)
  {EXIT_INPUT}  at least one file is invalid (including malformed XML)
  {EXIT_USAGE}  usage error, or a file or schema that cannot be read
  {EXIT_INTERNAL}  internal error (rerun with --debug for the traceback)

The report goes to stdout; with --format text it ends with a summary line, with the
machine formats the summary goes to stderr.
"""


@main.command(epilog=VALIDATE_CODES)
@click.argument("paths", nargs=-1, required=True)
@click.option("--schema", type=click.Path(path_type=Path, dir_okay=False),
              help="An XSD, RELAX NG (.rng) or Schematron (.sch) file instead of the "
                   "project's own schema and rules.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "github"]),
              default="text", show_default=True, help="How to report.")
def validate(paths: tuple[str, ...], schema: Path | None, fmt: str) -> None:
    """Validate TEI files (PATHS: files, folders, globs) against the project's schema
    (XSD 1.1 and Schematron rules) or --schema."""
    from tei import validate as validation
    from tei.validate.report import Result, expand, render

    try:
        validator = validation.load(schema)
    except InputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    result = Result()
    unreadable = False
    for name in expand(paths):
        try:
            result.files[name] = validation.check_file(Path(name), validator)
        except InputError as exc:
            click.echo(str(exc), err=True)
            unreadable = True
    click.echo(render(result, fmt), nl=False)
    click.echo(result.summary(), err=fmt != "text")
    if unreadable:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_INPUT if result.invalid else EXIT_OK)


@main.command(epilog=EXIT_CODES)
@click.argument("tei", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              required=True, help="The folder to write the site into.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A stylesheet parameter (see xslt/html/params.xsl); repeatable.")
def html(tei: Path, out_dir: Path, params: tuple[str, ...]) -> None:
    """Write the static HTML edition of TEI into DIR: index.html, a page per register, the
    search index and assets."""
    html_site(tei, out_dir, _params(params))
    click.echo(str(out_dir / "index.html"))


@main.command(epilog=EXIT_CODES)
@click.argument("tei", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False),
              required=True, help="The PDF file to write.")
@click.option("--paper", type=click.Choice(["a4", "letter", "book"]), default="a4",
              show_default=True, help="Page size (book: 156 x 234 mm).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A stylesheet parameter (see xslt/print/params.xsl); repeatable.")
def pdf(tei: Path, out: Path, paper: str, params: tuple[str, ...]) -> None:
    """Write the print edition of TEI as a PDF (PDF/A-2b, tagged): title page, contents,
    footnotes, the source's pages in the margin, quoted editions and an index of persons."""
    print_pdf(tei, out, paper, _params(params))
    click.echo(str(out))


def print_pdf(tei: Path, out: Path, paper: str = "a4",
              params: dict[str, str] | None = None) -> None:
    """The print stage: render, report its warnings."""
    from tei.publish import pdf as printer

    for warning in printer.render(tei, out, paper, params).warnings:
        click.echo(f"{tei}: warning: {warning}", err=True)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.UsageError(f"parameter {pair!r} is not NAME=VALUE")
        out[name] = value
    return out


def html_site(tei: Path, out_dir: Path, params: dict[str, str] | None = None) -> None:
    """The HTML stage: render, report the stylesheet's warnings (once each)."""
    from tei.publish import html as publisher

    site = publisher.render(tei, out_dir, params)
    for warning in dict.fromkeys(site.warnings):
        click.echo(f"{tei}: warning: {warning}", err=True)


@main.command(epilog=EXIT_CODES)
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              required=True, help="The folder to build into.")
@click.option("--force", is_flag=True, help="Overwrite existing TEI files.")
@click.option("--keep", is_flag=True,
              help="Keep an existing TEI file that differs (an editor's corrections) and "
                   "publish it as it is, instead of converting the source again.")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False),
              help="An edition file (TOML) naming sources and registers.")
@register_option
@click.option("--encoding", metavar="NAME",
              help="Read the sources in this encoding (e.g. cp1252, latin-1) instead of UTF-8; "
                   "overrides the edition file's.")
def build(sources: tuple[Path, ...], out_dir: Path, force: bool, keep: bool,
          config: Path | None, registers: tuple[Path, ...], encoding: str | None) -> None:
    """Run every stage on each SOURCE: plain text -> TEI (DIR/NAME.xml), validated against
    the project's schema and rules, -> HTML edition (DIR/index.html; DIR/NAME/ for several
    sources) and print edition (NAME.pdf beside the site). An OCR review file beside a source
    (NAME.review.tsv) is honoured. A TEI file that differs from the conversion (corrected by
    hand) stops the build unless --force replaces it or --keep publishes it."""
    from tei import config as edition_config

    if force and keep:
        raise click.UsageError("--force and --keep exclude each other")
    edition = edition_config.load(config) if config else edition_config.Edition()
    sources = tuple(sources) or tuple(edition.sources)
    if not sources:
        raise click.UsageError("no SOURCE given (as arguments or in --config)")
    register_set = load_registers([*edition.registers, *registers])
    encoding = encoding or edition.encoding
    diagnostics = to_stderr()
    failed = False
    for source in sources:
        out = out_dir / f"{source.stem}.xml"
        site = out_dir if len(sources) == 1 else out_dir / source.stem
        review = source.with_suffix(".review.tsv")
        try:
            try:
                convert_file(source, out, force, diagnostics, register_set,
                             review if review.exists() else None, encoding)
            except OutputExists:
                if not keep:
                    raise
                click.echo(f"{out}: warning: differs from the conversion of {source}; kept "
                           "as it is (--keep) and published", err=True)
            failed |= not validate_output(out)
            html_site(out, site)
            print_pdf(out, site / f"{source.stem}.pdf")
        except InputError as exc:
            click.echo(str(exc), err=True)
            failed = True
            continue
        click.echo(str(out))
    sys.exit(EXIT_INPUT if failed or diagnostics.errors else EXIT_OK)


def validate_output(path: Path) -> bool:
    """The validation stage of a build: the TEI against the project's schema and rules."""
    from tei import validate as validation

    problems = validation.check_file(path, validation.load(None))
    for problem in problems:
        click.echo(str(problem), err=True)
    return not any(p.severity == "error" for p in problems)
