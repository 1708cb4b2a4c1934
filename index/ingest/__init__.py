"""Reading the files users save: page text, HTML, Markdown and feeds."""

from __future__ import annotations

from index.ingest.decode import UnreadableFile
from index.ingest.documents import Document
from index.ingest.files import SUFFIXES, iter_files, read_file

__all__ = ["SUFFIXES", "Document", "UnreadableFile", "iter_files", "read_file"]
