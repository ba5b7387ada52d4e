"""Annotations: tags, notes and reading state that are never lost, and their export.

A core package: it never imports Textual or ``reader``; the app and the CLI depend on it.

- :mod:`annotations.storage` -- crash-safe TinyDB files: ``open_db(path)``, ``locked(path)``
- :mod:`annotations.store` -- ``AnnotationStore(LIBRARY / "annotations")``, ``StoreError``
  (``tag_articles`` tags many articles at the cost of one lock and one disk flush)
- :mod:`annotations.tagnotes` -- the per-tag-root notes cache behind ``notes(tag=...)``
- :mod:`annotations.anchors` -- ``make_anchor``, ``find_passage``, ``reanchor``
- :mod:`annotations.export` -- ``ExportArticle``, ``to_markdown``, ``write_folder``,
  ``to_json``, ``merge_json``
"""
