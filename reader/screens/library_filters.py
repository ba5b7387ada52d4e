"""The library screen's tag and actor filters: a mixin, so the screen module stays about the table.

The tag picker offers article tags and passage (note) tags, with their parents (``frame`` for
``frame/war``); picking a parent shows the children too.
"""

from __future__ import annotations


class LibraryFilters:
    """Mixed into LibraryScreen (which provides session, all_rows, tag, actor, _apply...)."""

    def action_tag_filter(self) -> None:
        counts = self._article_counts()
        if not counts:
            self.notify("No tags yet: open an article and press t to tag it.")
            return
        from reader.render import plural
        from reader.screens.dialogs import PickDialog

        options = [
            (f"{t}  ({plural(n, 'article')})", t)
            for t, n in sorted(counts.items(), key=lambda x: x[0].casefold())
        ]
        self.app.push_screen(
            PickDialog("Show articles tagged (article or passage tags)", options), self._set_tag
        )

    def _article_counts(self) -> dict[str, int]:
        """Each tag and parent with the number of articles in the library the filter would
        show (tagged themselves or on a passage, children included)."""
        shown = {row.id for row in self.all_rows}
        try:
            tagged = self.session.store.articles_by_tag()
            spelled = {t.casefold(): t for t in self.session.store.tag_counts()}
        except Exception as exc:  # noqa: BLE001 - the table's own tags still work
            self.notify(f"passage tags unavailable: {exc}", severity="warning")
            tagged, spelled = {}, {}
            for row in self.all_rows:
                for tag in row.tag_list:
                    tagged.setdefault(tag.casefold(), set()).add(row.id)
                    spelled.setdefault(tag.casefold(), tag)
        articles: dict[str, set[str]] = {}
        spelling: dict[str, str] = {}
        for key, ids in tagged.items():
            name = spelled.get(key, key)
            parts = name.split("/")
            for depth in range(1, len(parts) + 1):
                parent = "/".join(parts[:depth])
                spelling.setdefault(parent.casefold(), parent)
                articles.setdefault(parent.casefold(), set()).update(ids & shown)
        return {spelling[k]: len(v) for k, v in articles.items() if v}

    def _passage_articles(self) -> set[str]:
        """Articles with a note tagged ``self.tag`` (or a child of it)."""
        if not self.tag:
            return set()
        try:
            return {note.article for note in self.session.store.notes(tag=self.tag)}
        except Exception as exc:  # noqa: BLE001
            self.notify(f"passage tags unavailable: {exc}", severity="warning")
            return set()

    def _set_tag(self, tag: str | None) -> None:
        if tag is not None:
            self.tag = tag
            self._tagged_notes = self._passage_articles()
            self._apply(presorted=True)

    def action_actor_filter(self) -> None:
        counts: dict[str, int] = {}
        for row in self.all_rows:
            for actor in row.actors:
                counts[actor] = counts.get(actor, 0) + 1
        if not counts:
            self.notify("No actors found in these articles.")
            return
        from reader.screens.dialogs import PickDialog

        options = [(f"{a}  ({n})", a) for a, n in sorted(counts.items(), key=lambda x: -x[1])]
        self.app.push_screen(PickDialog("Show articles mentioning", options), self._set_actor)

    def _set_actor(self, actor: str | None) -> None:
        if actor is not None:
            self.actor = actor
            self._apply(presorted=True)


def tag_counts_with_parents(counts: dict[str, int]) -> dict[str, int]:
    """Add each parent of a hierarchical tag (``frame`` for ``frame/war``) with the sum of its
    own count and its children's, since picking a parent shows the children too."""
    out: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for tag, n in counts.items():
        parts = tag.split("/")
        for depth in range(1, len(parts) + 1):
            name = "/".join(parts[:depth])
            key = spelling.setdefault(name.casefold(), name)
            out[key] = out.get(key, 0) + n
    return out
