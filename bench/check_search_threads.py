"""Does a thread of tantivy write into the search index folder after reader put a new one in
its place? (the cause of a 'Directory not empty' flake in tests/test_search.py under load)

Three Library objects search (each opens the index), are kept (as the garbage collector keeps
them in a long test run), then the index is damaged and a fourth Library's search rebuilds it
and swaps the new folder in. The reader lock file of the new folder is then deleted every
half second for SECONDS seconds: each time it was there again, something re-created it.

    python bench/check_search_threads.py [SECONDS]
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

from reader.importing.models import ParsedArticle
from reader.library.search_index import FOLDER
from reader.library.store import Library


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    gc.disable()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "lib"
        library = Library(root, create=True)
        for k in range(3):
            text = f"Harbour {k}\n\nThe harbour plans number {k} were approved."
            parsed = ParsedArticle(text=text, title=f"Harbour {k}", lang="en")
            library.add(parsed, text.encode(), f"{k}.txt")
        stale = [Library(root) for _ in range(3)]
        for other in stale:
            assert len(list(other.search("harbour"))) == 3
        folder = library.cache_dir / FOLDER
        (folder / "meta.json").write_bytes(b"damaged" * 50)
        assert len(list(Library(root).search("harbour"))) == 3  # rebuilt, swapped in
        lock = folder / ".tantivy-meta.lock"
        lock.unlink(missing_ok=True)
        again = 0
        for _ in range(int(seconds * 2)):
            time.sleep(0.5)
            if lock.exists():
                again += 1
                lock.unlink()
        print(
            f"lock file re-created in the new folder by a background thread: {again} times in {seconds:g} s"
        )
        return 1 if again else 0


if __name__ == "__main__":
    sys.exit(main())
