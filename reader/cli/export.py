"""``reader export`` and ``reader import-annotations`` (the formats live in annotations.export)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .output import CLIError, err, one_line, out
from .reading import open_library


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    raise CLIError("export is not available yet")


def cmd_import_annotations(args: argparse.Namespace, root: Path) -> int:
    raise CLIError("import-annotations is not available yet")
