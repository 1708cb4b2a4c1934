"""Where reader keeps its data: platformdirs folders, overridable by options and env."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reader"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_library() -> Path:
    """The user's library: ``READER_LIBRARY`` or ``<data dir>/library``."""
    env = os.environ.get("READER_LIBRARY")
    return Path(env).expanduser() if env else data_dir() / "library"


def default_notes() -> Path:
    """The notes file: ``READER_NOTES`` or ``<data dir>/notes.md``."""
    env = os.environ.get("READER_NOTES")
    return Path(env).expanduser() if env else data_dir() / "notes.md"


def demo_library() -> Path:
    """The demo library built from the bundled seeds, kept apart in the cache folder."""
    return cache_dir() / "demo-library"


def bundled_seeds() -> Path:
    """The sample articles shipped with the repository."""
    return Path(__file__).resolve().parent.parent / "seeds"
