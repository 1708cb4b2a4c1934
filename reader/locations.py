"""Where the notes file lives, resolved in one place for the CLI and the app.

``--notes`` wins, then ``$READER_NOTES``, then ``notes =`` in the config file, then the
default in the data folder. (The library's own location is resolved by
:func:`reader.cli.open_library`.)
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.config import Config


def notes_path(given: str | None, config: Config) -> Path:
    """The notes file for a command or the app, from its ``--notes`` (or None)."""
    from index.paths import default_notes

    if given:
        return Path(given).expanduser()
    if not os.environ.get("READER_NOTES") and config.notes:
        return Path(config.notes).expanduser()
    return default_notes()
