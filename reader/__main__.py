"""``python -m reader`` and the ``reader`` console command (see reader/cli/main.py)."""

from __future__ import annotations

import sys

from reader.cli.main import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
