"""Imported by the import workers' fork server when the pool's first job is a parse: the
parse libraries too (see worker_preload.py)."""

from __future__ import annotations

from reader.library.worker_preload import warm_parsing

warm_parsing()
