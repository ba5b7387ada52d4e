"""Imported once by the import workers' fork server (never by reader itself): it loads what
every analysis needs, so that each worker forked from the server starts warm.

The parse libraries (the HTML cleaners, the language model: over 100 MB a process) are loaded
by :func:`warm_parsing`: by the fork server too when the pool's first job is a parse (an import
of documents), else by a worker before its first parse job, outside that job's limits. A
corpus import, whose lines are parsed in the main process, never loads them in its workers:
each stays near 30 MB instead of 170 MB. Either way no parse job pays for, or is timed for,
loading them.
"""

from __future__ import annotations

SAMPLE = (
    "A short warm-up story\n\nThe council said on Monday that the bridge would open in "
    "May. \u201eWir sind bereit\u201c, sagte die Sprecherin der Stadt am Dienstag."
)
_parsing_warm = False


def warm_analysis() -> None:
    try:
        from reader.library.analysis_pool import analyse_text

        analyse_text(SAMPLE, None)
    except Exception:  # noqa: BLE001 - warming is best effort; a job reports real errors
        pass


def warm_parsing() -> None:
    """Load the parse libraries and the language model (once a process)."""
    global _parsing_warm
    if _parsing_warm:
        return
    _parsing_warm = True
    try:
        from reader.importing import html, markdown, scraped  # noqa: F401 - for the workers
        from reader.importing.importer import parse_document
    except Exception:  # noqa: BLE001 - best effort, as above
        return
    for name, data in (("warm.txt", SAMPLE), ("warm.html", f"<html><p>{SAMPLE}</p></html>")):
        try:
            parse_document(data.encode(), name)  # the language model loads on first use
        except Exception:  # noqa: BLE001 - best effort, as above
            pass


warm_analysis()
