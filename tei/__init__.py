"""tei-edition: encode plain-text sources as TEI P5, validate them, publish them."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tei-edition")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
