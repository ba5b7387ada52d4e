"""reader: a keyboard-driven terminal reader for studying news coverage."""

__version__ = "0.1.0"
