"""Regenerate the README's pictures (SVG) from the real app on a temp library of the samples.

python scripts/screenshots.py            # writes docs/library.svg, docs/article.svg, ...
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


async def _shoot(root: Path) -> None:
    from reader.app import make_app

    app = make_app(root, poll_interval=0)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot("library.svg", str(DOCS))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n", "n")
        await pilot.pause()
        app.save_screenshot("article.svg", str(DOCS))
        await pilot.press("p")
        await pilot.pause()
        app.save_screenshot("actors.svg", str(DOCS))


def main() -> None:
    from reader.library.ingest import import_paths
    from reader.library.store import Library

    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "library"
        import_paths(Library(root, create=True), [], samples=True)
        asyncio.run(_shoot(root))
    print("wrote", ", ".join(sorted(p.name for p in DOCS.glob("*.svg"))))


if __name__ == "__main__":
    main()
