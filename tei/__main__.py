"""``python -m tei``: the command line."""

from tei.cli import main

main(prog_name="tei")
