"""Imported once by the import workers' fork server (never by reader itself): it loads what
every parse and analysis needs, so that each worker forked from the server starts warm and no
job pays for, or is timed for, loading libraries and the language model."""

from __future__ import annotations


def _warm() -> None:
    from reader.importing import html, markdown, scraped  # noqa: F401 - loaded for the workers
    from reader.importing.importer import parse_document

    sample = (
        "A short warm-up story\n\nThe council said on Monday that the bridge would open in "
        "May. \u201eWir sind bereit\u201c, sagte die Sprecherin der Stadt am Dienstag."
    )
    for name, data in (("warm.txt", sample), ("warm.html", f"<html><p>{sample}</p></html>")):
        try:
            parse_document(data.encode(), name)  # the language model loads on first use
        except Exception:  # noqa: BLE001 - warming is best effort; a job reports real errors
            pass
    try:
        from reader.library.analysis_pool import analyse_text

        analyse_text(sample, None)
    except Exception:  # noqa: BLE001 - best effort, as above
        pass


_warm()
