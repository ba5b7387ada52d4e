"""Markdown (or any text) through a Jinja2 template: ``reader export --template FILE``, the way
Readwise and Omnivore users shape their notes. The default template ships with reader
(``annotations/templates/default.md.j2``; ``reader export --show-template`` prints it) and writes
what the built-in Markdown export writes; copy it and change it.

Templates are the user's, but may come from anyone: they run in Jinja2's sandbox (no attribute
access to Python internals), see plain data only (dicts, lists, strings, numbers), and every
filter that puts text into Markdown or YAML escapes it (``md``, ``md_text``, ``blockquote``,
``yaml``). A mistake in a template is one line: the file, the line and Jinja's reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from reader.base.errors import ReaderError

from .corrections import kind_words
from .mdtext import (
    blockquote,
    link_or_text,
    one_line,
    paragraphs,
    tag_ref,
    yaml_date,
    yaml_list,
    yaml_scalar,
)

DEFAULT_NAME = "default.md.j2"


class TemplateError(ReaderError):
    """A template that can't be read or rendered: ``FILE:LINE: REASON`` (one line)."""


def default_template() -> str:
    return resources.files("annotations").joinpath("templates", DEFAULT_NAME).read_text("utf-8")


def _note(note: Any, speaker: str | None) -> dict[str, Any]:
    data: dict[str, Any] = dict(note.to_json())
    data["speaker"] = speaker
    passage = note.passage
    data["sort_key"] = (note.orphan, passage.start if passage else 0, note.created)
    return data


def article_data(article: Any, quotes: bool) -> dict[str, Any]:
    """One ExportArticle as the plain data a template sees."""
    speakers = getattr(article, "speakers", {}) or {}
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "url": article.url,
        "tags": list(article.tags),
        "notes": [_note(n, speakers.get(n.id)) for n in article.notes],
        "quotes": [
            {**q, "kind_words": kind_words(q.get("kind")), "via": q.get("via")}
            for q in (article.quotes or [])
        ]
        if quotes
        else [],
        "corrections": [c.to_json() for c in getattr(article, "corrections", [])],
    }


def _environment() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=False,
    )
    env.filters.update(
        md=lambda v: one_line("" if v is None else str(v)),
        md_text=lambda v: "\n".join(paragraphs(str(v or ""), hard_breaks=True)),
        blockquote=lambda v: "\n".join(blockquote(str(v or ""))),
        yaml=yaml_scalar,
        yaml_date=yaml_date,
        tag=tag_ref,
        link=link_or_text,
        kind_words=kind_words,
    )
    env.globals["yaml_list"] = lambda key, values: "\n".join(yaml_list(key, list(values)))
    return env


def load_template(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise TemplateError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{path}: not UTF-8 text") from None


def render_template(
    source: str,
    articles: Sequence[Any],
    *,
    exported: str,
    quotes: bool,
    title: str,
    name: str = "template",
) -> str:
    """Render ``source`` over the articles (ExportArticle); text ends in one newline."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError

    seen: dict[str, str] = {}
    for a in articles:
        for t in a.tags:
            seen.setdefault(t.casefold(), t)
    data = {
        "articles": [article_data(a, quotes) for a in articles],
        "exported": exported,
        "title": title,
        "with_quotes": quotes,
        "all_tags": sorted(seen.values(), key=str.casefold),
    }
    try:
        template = _environment().from_string(source)
        text = str(template.render(**data))
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{name}:{exc.lineno}: {exc.message}") from None
    except JinjaError as exc:
        line = _line_of(exc)
        raise TemplateError(f"{name}{f':{line}' if line else ''}: {exc}") from None
    return text.rstrip("\n") + "\n"


def _line_of(exc: BaseException) -> int | None:
    """The template line a render error happened on (Jinja keeps it in the traceback)."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
