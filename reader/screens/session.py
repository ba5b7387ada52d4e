"""What the screens know about the library: one object over Library + AnnotationStore.

No Textual here. It caches analyses (an article opened twice is analysed once), builds table
rows, and turns a core failure into a one-line message (:func:`reader.base.errors.describe`:
the user's problem, or a bug named as one) for the screens to show: a failure is never shown
as an empty result ("no notes") without saying so.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.base.errors import ReaderError, describe
from reader.library.models import ArticleMeta
from reader.library.settings import SettingsError  # noqa: F401 - re-exported
from reader.render import clean
from reader.widgets.article_rows import RowSource, RowView

if TYPE_CHECKING:
    from annotations.models import ArticleSummary, Note
    from annotations.store import AnnotationStore
    from reader.analysis.models import Analysis


class Session:
    """The open library for one run of the TUI."""

    def __init__(self, root: Path) -> None:
        from reader.library.store import Library

        self.root = Path(root)
        self.first_run = not Library(self.root).exists()
        self.library = Library(self.root, create=True)
        # the TUI reads the index snapshot chunk by chunk, as the table shows it
        self.library.index.lazy_snapshot = True
        self.library.ids_from_columns = True  # no lookup database built on the UI thread
        self._analyses: OrderedDict[str, Analysis] = OrderedDict()
        self.summaries_error = ""  # why the last summaries() came back empty, if it failed
        self.analysis_errors: dict[str, str] = {}  # article -> why it shows no highlights
        self.feed_news = 0  # articles the feed updates of this run brought ("n new")

    @property
    def store(self) -> AnnotationStore:
        return self.library.annotations

    # ---- articles ------------------------------------------------------------------------
    def rows(self) -> RowView:
        """Newest first, read from the index columns (no object per row at start-up)."""
        return RowView(self.row_source())

    def row_source(self) -> RowSource:
        """The index columns and the annotation summaries: what the library list reads."""
        return RowSource(self.library.article_columns(), self.summaries())

    def quick_row_source(self) -> RowSource | None:
        """``row_source()`` if the index columns come without reading ``articles.json`` whole
        (held, followed or from the snapshot); None if that read is needed (long work at
        1,000,000 articles: the screen runs ``row_source()`` in a thread)."""
        columns = self.library.index.quick_columns()
        return None if columns is None else RowSource(columns, self.summaries())

    def build_snapshot(self) -> bool:
        """Read ``articles.json`` whole in a process of its own, which writes the index
        snapshot, and wait for it (call this from a thread): the TUI then reads the snapshot
        chunk by chunk. A process, not a thread, because the JSON parser holds the GIL for the
        whole parse (tens of seconds at 1,000,000 articles), which would freeze the screen, and
        the parse's memory (3 GB at 1,000,000) goes with the process. True if it wrote one; a
        TUI that quits meanwhile ends it (the snapshot is written atomically)."""
        import atexit
        import functools
        import os
        import subprocess
        import sys

        import reader
        from reader.library import article_index

        code = (
            "import sys\n"
            "from reader.library import article_index\n"
            "from reader.library.store import Library\n"
            "article_index.SNAPSHOT_FROM = int(sys.argv[2])\n"
            "Library(sys.argv[1]).article_columns()\n"
        )
        home = str(Path(reader.__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [home, env.get("PYTHONPATH")]))
        argv = [sys.executable, "-c", code, str(self.root), str(article_index.SNAPSHOT_FROM)]
        try:
            process = subprocess.Popen(
                argv,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return False
        end = functools.partial(_end, process)
        atexit.register(end)
        try:
            done = process.wait() == 0
        finally:
            atexit.unregister(end)
        if done:
            self.library.index.snapshot_rebuilt()
        return done

    def index_size(self) -> int:
        """Bytes of ``articles.json``: what a full read of the index reads."""
        try:
            return self.library.index.path.stat().st_size
        except OSError:
            return 0

    def snapshot_damaged(self) -> None:
        """A chunk of the index snapshot failed its check: the next read rebuilds it."""
        self.library.index.snapshot_damaged()

    def index_problems(self) -> list[str]:
        """Damaged index rows the last read left out (file, article id, field), one each."""
        return list(getattr(getattr(self.library, "index", None), "problems", None) or [])

    def summaries(self) -> dict[str, ArticleSummary]:
        """Tags, notes and read state per article; if they cannot be read, {} (a broken store
        still lets people read) and ``summaries_error`` says why (the library screen shows it)."""
        try:
            summaries = self.store.summaries() or {}
        except Exception as exc:  # noqa: BLE001 - shown by the screen, never hidden
            self.summaries_error = describe(exc)
            return {}
        self.summaries_error = ""
        return summaries

    def meta(self, article_id: str) -> ArticleMeta:
        """The article's row: from the index columns the library screen shows, when they are at
        hand (no lookup database: building one is minutes at 1,000,000 articles, on the UI
        thread; Library.ids_from_columns), else through the lookup (which also takes an id
        prefix)."""
        return self.library.get(article_id)

    def text(self, article_id: str) -> str:
        return self.library.text(article_id)

    def cached_analysis(self, article_id: str) -> Analysis | None:
        return self._analyses.get(article_id)

    def analysis(self, article_id: str, meta: ArticleMeta | None = None) -> Analysis:
        """The article's analysis: memory, then the library's cache, then analyze() (with
        ``meta``, the article's row, if the caller holds it: no lookup by id)."""
        found = self._analyses.get(article_id)
        if found is not None:
            self._analyses.move_to_end(article_id)
            return found
        try:
            result = self.library.analysis(article_id, meta)
        except Exception as exc:  # noqa: BLE001 - no highlights is better than no article
            from reader.analysis.models import Analysis

            self.analysis_errors[article_id] = describe(exc)  # the article screen says so
            result = Analysis(lang=None)
        self._analyses[article_id] = result
        while len(self._analyses) > 64:
            self._analyses.popitem(last=False)
        return result

    def corrected(self, article_id: str, analysis: Any | None = None) -> Any:
        """The article's analysis with the user's corrections applied (a CorrectedArticle:
        ``.analysis`` to draw, ``.quotes`` with ids and statuses). Corrections that can't be
        read leave the automatic analysis: never no article."""
        from reader.library.quotes import Corrections, apply_corrections

        if analysis is None:
            analysis = self.analysis(article_id)
        try:
            return Corrections(self.library).article(article_id, analysis)
        except Exception:  # noqa: BLE001 - a damaged file: the header says so already
            return apply_corrections(article_id, analysis)

    # ---- annotations ---------------------------------------------------------------------
    def notes(self, article_id: str | None = None) -> list[Note]:
        """The notes (all, or one article's). A file that cannot be read raises its
        ReaderError (naming the file): never an empty list in its place."""
        return list(self.store.notes(article_id) if article_id else self.store.notes())

    def annotations(self, article_id: str) -> tuple[list[Note], list[str], str]:
        """An article's notes and tags, and "" or why they cannot be shown (the file, or a bug
        named as one): the screen shows that instead of "No notes yet"."""
        try:
            return self.notes(article_id), self.tags(article_id), ""
        except Exception as exc:  # noqa: BLE001 - shown in the header and the notes panel
            return [], [], short_error(describe(exc), self.root)

    def annotation_error(self, article_id: str) -> str:
        """Why this article's annotation file cannot be read ("" if it can, or has none),
        shortened for a header line: paths relative to the library, the reason's first part."""
        try:
            message = getattr(self.store.summary(article_id), "error", "") or ""
        except (ReaderError, OSError, ValueError):  # no file or a bad id: nothing damaged to show
            return ""
        return short_error(message, self.root) if message else ""

    def annotation_damage(self, article_id: str) -> list[str]:
        """Damaged records of this article's annotation file, left out of what is shown (one
        line each: record, field, why), from the summary; [] if none."""
        try:
            bad = getattr(self.store.summary(article_id), "bad", "") or ""
        except Exception:  # noqa: BLE001 - no file or a bad id: nothing damaged to show
            return []
        return [clean(line) for line in bad.splitlines()]

    def tags(self, article_id: str) -> list[str]:
        """An article's tags; an unreadable file raises its ReaderError, as notes() does."""
        return list(self.store.article_tags(article_id) or [])

    def version(self) -> Any:
        """Changes when anyone (this app, the CLI, another TUI) writes annotations."""
        version = getattr(self.store, "version", None)
        try:
            return version() if callable(version) else None
        except (ReaderError, OSError):  # unreadable now: the next poll tries again
            return None

    def index_stamp(self) -> Any:
        """Changes when anyone adds, removes or edits articles (a stat of the index files)."""
        stamp = getattr(getattr(self.library, "index", None), "stamp", None)
        try:
            return stamp() if callable(stamp) else None
        except OSError:
            return None

    def export_path(self, meta: ArticleMeta, suffix: str = ".md") -> Path:
        """Where `e` writes: ``LIBRARY/exports/`` with the name ``reader export -o DIR/``
        gives (annotations.export.file_names): the title, or ``TITLE (ID)`` where another
        article's export already has that name."""
        from annotations.export import ExportArticle, file_names

        folder = self.root / "exports"
        article = ExportArticle(id=meta.id, title=meta.title)
        stem = file_names([article])[0][: -len(".md")]
        if _exported_by_other(folder / (stem + suffix), meta.id):
            stem = file_names([article], taken=[stem])[0][: -len(".md")]
        return folder / (stem + suffix)

    def export_article(
        self, article_id: str, path: Path | None = None, *, create: bool = False
    ) -> Path:
        """Write this article's export (title, tags, notes, passages) and return the path. The
        format follows the file's suffix (annotations.exporters; Markdown for any other), and
        the text is the one ``reader export ID --format NAME`` writes. A missing folder is
        created only for the library's own exports/ or with ``create`` (the user said yes)."""
        from datetime import datetime

        from annotations import export, exporters
        from reader.library.export import collect_export

        meta = self.meta(article_id)
        default = self.export_path(meta)
        target = Path(path).expanduser() if path else default
        if target.is_dir():
            target = target / default.name
        if not target.parent.is_dir() and not (create or target.parent == default.parent):
            raise OSError(f"folder {target.parent} does not exist")
        exporter = exporters.for_path(target)
        articles = collect_export(self.library, [meta.id])
        exported = datetime.now(UTC).isoformat(timespec="seconds")
        text = exporter.render(articles, exported=exported, quotes=False, title="reader export")
        target.parent.mkdir(parents=True, exist_ok=True)
        export.write_export_file(target, text.encode("utf-8"))  # never through a symlink
        return target

    def export_selection(self, ids: list[str], tag: str | None, title: str) -> tuple[Path, int]:
        """The library's `e`: the articles shown (``ids``) or those with ``tag`` as one
        Markdown file in ``LIBRARY/exports/``, selected by the function ``reader export``
        uses (reader.library.export.collect_export), so the TUI and the CLI export the same
        articles the same way. Returns the path
        and the number of articles."""
        from datetime import datetime

        from annotations import export, exporters
        from annotations.mdtext import safe_stem
        from reader.library.export import collect_export

        articles = collect_export(self.library, ids, tag)
        exported = datetime.now(UTC).isoformat(timespec="seconds")
        exporter = exporters.by_name(exporters.DEFAULT)
        text = exporter.render(articles, exported=exported, quotes=False, title=title)
        target = self.root / "exports" / (safe_stem(title, "reader export") + ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        export.write_export_file(target, text.encode("utf-8"))  # never through a symlink
        return target, len(articles)

    # ---- coders and the codebook (issue 17) ------------------------------------------------
    def coder(self) -> str:
        """Who codes: the name set in settings, else the system user name."""
        try:
            return self.store.who()
        except Exception:  # noqa: BLE001
            return ""

    def set_coder(self, name: str) -> str:
        """Set the coder's name (``final`` is refused: SettingsError); returns it cleaned."""
        from reader.library.settings import clean_coder, save_setting

        name = clean_coder(name)
        save_setting(self.root, "coder", name)
        self.store.coder = name
        return name

    # ---- adjudication: the team's final corrections and codes ------------------------------
    @property
    def adjudicating(self) -> bool:
        """Is everything recorded now the coder ``final``'s (see set_adjudicating)?"""
        from annotations.coding import FINAL

        return self.store.coder == FINAL

    def set_adjudicating(self, on: bool) -> None:
        """On: every note, tag and correction of the analysis from now on is recorded as the
        coder ``final``'s (the adjudicated version, as ``--coder final`` does in the CLI), and
        articles show final's corrections. Off: back to the user's own name. Never stored in
        the settings: a new run always starts as the user."""
        from annotations.coding import FINAL

        if on == self.adjudicating:
            return
        if on:
            self._own_coder = self.store.coder
            self.store.coder = FINAL
        else:
            self.store.coder = getattr(self, "_own_coder", "")

    def coder_notice(self) -> str | None:
        """Once per run, while no coder name is set: what records carry instead."""
        from reader.library.settings import configured_coder

        if (
            getattr(self, "_coder_noticed", False)
            or configured_coder(self.root)
            or self.adjudicating
        ):
            return None
        self._coder_noticed = True
        # one line, so the toast stays over the header (ctrl+p "Set your coder name" sets it)
        return f"coding as {self.coder()} (login) · ctrl+p sets a name"

    def codebook(self) -> Any | None:
        """The library's codebook, or None (none stored, or one that can't be read)."""
        try:
            return self.library.codebook()
        except Exception:  # noqa: BLE001 - a damaged codebook: tags work as before
            return None

    # ---- settings ------------------------------------------------------------------------
    def settings_path(self) -> Path:
        return self.root / "settings.json"

    def load_settings(self) -> dict[str, Any]:
        from reader.library.settings import load_settings

        return load_settings(self.root)

    def save_setting(self, key: str, value: Any) -> None:
        """Change one setting under the lock (reader.library.settings.save_setting): a settings
        file that is not JSON is left alone (``SettingsError``)."""
        from reader.library.settings import save_setting

        save_setting(self.root, key, value)


def _end(process: Any) -> None:
    """At exit: end the snapshot's reader process if it still runs (never left behind)."""
    if process.poll() is None:
        process.kill()


def _exported_by_other(path: Path, article_id: str) -> bool:
    """Does ``path`` hold the export of another article (its front matter names the id)?"""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    found = re.search(r'^id: "?([^"\n]*)"?$', head, re.MULTILINE)
    return found is not None and found.group(1) != article_id


_STORE_ERROR = re.compile(r"^(?P<file>.+?) is unreadable \((?P<why>[^:)]*)")
_STORE_COPY = re.compile(r"; a copy is at (?P<copy>[^;]+)")


def short_error(message: str, root: Path) -> str:
    """The store's message ("FILE is unreadable (REASON: detail); a copy is at COPY; ...") in
    about one line: "annotations/ab/abc.json: not valid JSON; copy: abc.json.corrupt-...".
    A message in another shape is kept whole (better long than wrong)."""
    found = _STORE_ERROR.match(message)
    if not found:
        return message

    def relative(path: str) -> str:
        try:
            return str(Path(path).relative_to(root))
        except ValueError:
            return path

    out = f"{relative(found['file'])}: {found['why'].strip()}"
    copy = _STORE_COPY.search(message)
    if copy:
        out += f"; copy: {Path(copy['copy'].strip()).name}"
    return out
