"""``reader completion bash|zsh|fish``: shell completion through argcomplete.

The script the shell loads calls ``reader`` itself with ``_ARGCOMPLETE`` set; ``main`` then hands
the parser to argcomplete (imported only then, so normal runs never pay for it), which completes
subcommands and options from the parser, and article ids and tags from the library through the
completers below (read only: completing never creates or changes a library).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .output import out


def _library(parsed_args: Any):
    from reader import paths
    from reader.library.store import Library

    given = getattr(parsed_args, "library", None)
    return Library(Path(given).expanduser() if given else paths.library_dir())


def article_ids(prefix: str = "", parsed_args: Any = None, **_: Any) -> dict[str, str]:
    """Article ids starting with ``prefix``, each with its title (zsh and fish show it)."""
    try:
        columns = _library(parsed_args).article_columns()
        found = {}
        for i, article_id in enumerate(columns.ids):
            if article_id.startswith(prefix):
                found[article_id] = " ".join(str(columns.view(i).title).split())[:60]
        return found
    except Exception:  # noqa: BLE001 - a broken library completes nothing, never a traceback
        return {}


def tag_names(prefix: str = "", parsed_args: Any = None, **_: Any) -> list[str]:
    """Tags (and their parents) starting with ``prefix``, compared without case."""
    try:
        counts = _library(parsed_args).annotations.tag_counts()
    except Exception:  # noqa: BLE001
        return []
    names: dict[str, str] = {}
    for tag in counts:
        parts = tag.split("/")
        for depth in range(1, len(parts) + 1):
            name = "/".join(parts[:depth])
            names.setdefault(name.casefold(), name)
    folded = prefix.casefold()
    return sorted((n for n in names.values() if n.casefold().startswith(folded)), key=str.casefold)


def autocomplete(parser: argparse.ArgumentParser) -> None:
    import argcomplete

    argcomplete.autocomplete(parser)


def cmd_completion(args: argparse.Namespace, root: Path) -> int:
    import argcomplete

    out(argcomplete.shellcode(["reader"], shell=args.shell).rstrip("\n"))
    return 0
