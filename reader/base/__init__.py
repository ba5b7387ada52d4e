"""The base layer that both ``reader`` and ``annotations`` may import: the error root
(:mod:`reader.base.errors`) and the one atomic write path (:mod:`reader.base.atomic`).
It imports nothing of reader's other packages, of ``annotations`` or of Textual.
"""
