"""Print the key bindings of every screen as Markdown tables, straight from the code.

The README's key table is pasted from this output, so it cannot drift from the bindings:
    python scripts/keys_table.py
"""

from __future__ import annotations

import importlib

SCREENS = [
    ("Everywhere", "reader.app", "ReaderApp"),
    ("Library", "reader.screens.library", "LibraryScreen"),
    ("Library table", "reader.widgets.article_table", "ArticleTable"),
    ("Article", "reader.screens.article", "ArticleScreen"),
    ("Article body", "reader.widgets.article_view", "ArticleView"),
    ("Lists and panels", "reader.widgets.panels", None),
    (
        "Lists across the library (notes, actors, search results)",
        "reader.screens.lists",
        "ListScreen",
    ),
    ("All notes", "reader.screens.annotations", "AnnotationsScreen"),
    ("Feeds", "reader.screens.feeds", "FeedsScreen"),
    ("Statistics", "reader.screens.stats", "StatsScreen"),
    ("Dialogs", "reader.screens.dialogs", "Dialog"),
    ("A note changed elsewhere while you edited it", "reader.screens.dialogs", "ConflictDialog"),
]


def _bindings(cls) -> list:
    from textual.binding import Binding

    out = []
    for klass in reversed(cls.__mro__):
        for b in klass.__dict__.get("BINDINGS", []):
            if isinstance(b, Binding):
                out.append(b)
            elif isinstance(b, tuple):
                out.append(Binding(*b))
    seen, unique = set(), []
    for b in reversed(out):
        if b.key not in seen and not b.key.startswith(("ctrl+c", "ctrl+q")):
            seen.add(b.key)
            unique.append(b)
    return list(reversed(unique))


_NAMES = {
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "at": "@",
    "enter": "Enter",
    "escape": "Escape",
    "greater_than_sign": ">",
    "less_than_sign": "<",
}


def _pretty(key: str) -> str:
    return _NAMES.get(key, key)


def main() -> None:
    from textual.screen import Screen
    from textual.widget import Widget

    for title, module_name, cls_name in SCREENS:
        module = importlib.import_module(module_name)
        classes = (
            [getattr(module, cls_name)]
            if cls_name
            else [
                v
                for v in vars(module).values()
                if isinstance(v, type)
                and issubclass(v, Widget)
                and v.__module__ == module_name
                and v.__dict__.get("BINDINGS")
            ]
        )
        for cls in classes:
            rows, keys_seen = [], set()
            for b in cls.__dict__.get("BINDINGS", []):
                # a key bound twice (the article screen's unshown twins): listed once, first
                if not isinstance(b, tuple) and b.key not in keys_seen:
                    keys_seen.add(b.key)
                    rows.append(b)
            if not rows:
                continue
            name = title if cls_name else f"{title}: {getattr(cls, 'HELP_SECTION', cls.__name__)}"
            print(f"\n**{name}**\n\n| key | action |\n|---|---|")
            for b in rows:
                keys = b.key_display or ", ".join(_pretty(k) for k in b.key.split(","))
                print(f"| `{keys}` | {b.description or b.action} |")
    _ = Screen  # imported so the Textual import cost is paid once, explicitly


if __name__ == "__main__":
    main()
