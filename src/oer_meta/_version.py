"""The version of oer_meta, in a module of its own so that any layer can read it
without importing the package root (whose lazy map reaches every layer)."""

__version__ = "0.1.0"
