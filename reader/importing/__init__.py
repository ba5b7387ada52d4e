"""Pure import: bytes to a ParsedArticle (decode, HTML/scraped/Markdown extraction, metadata).

Nothing here touches the library's stored state; `reader.library` is the store.
"""
