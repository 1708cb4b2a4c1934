"""The library side of reader: ingest, clean, extract, store, search, notes.

Nothing in this package imports Textual or the ``reader`` package.
"""
