"""The app's settings: a TOML file in the user's config folder, read into a typed model.

``<config dir>/config.toml`` (or ``$READER_CONFIG``)::

    theme = "nord"            # the theme used until one is picked in the app
    notes = "~/notes/reader.md"
    search_limit = 100
    sort = "relevance"        # or "date"

    [keymap]                  # command id = keys, see `?` in the app
    bookmark = "m"

A value of the wrong type is ignored with a warning; the app still starts.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

SORTS = ("relevance", "date")


@dataclass(slots=True)
class Config:
    """Settings read from ``config.toml``; every field has a working default."""

    theme: str = "textual-dark"
    """Theme used until the user picks one in the app (the pick is remembered)."""
    notes: str = ""
    """Notes file; ``--notes`` and ``$READER_NOTES`` win over it. Empty: the default."""
    search_limit: int = 100
    """Most search results listed (the count shows how many matched); the best 20 come
    first with snippets."""
    sort: str = "relevance"
    """Order of search results: ``relevance`` or ``date`` (newest first)."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Command id to keys (``bookmark = "m"``), remapping the defaults."""


def config_path() -> Path:
    """``$READER_CONFIG`` or ``config.toml`` in the platform's config folder."""
    env = os.environ.get("READER_CONFIG")
    if env:
        return Path(env).expanduser()
    from index.paths import config_dir

    return config_dir() / "config.toml"


def _check(name: str, value: Any, warnings: list[str]) -> Any:
    default = getattr(Config(), name)
    if name == "keymap":
        if isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            return dict(value)
        warnings.append("config: [keymap] must map command ids to key strings; ignored")
        return default
    if type(value) is not type(default):
        warnings.append(
            f"config: {name} must be a {type(default).__name__}, not {value!r}; using {default!r}"
        )
        return default
    if name == "sort" and value not in SORTS:
        warnings.append(f"config: sort must be one of {', '.join(SORTS)}; using {default!r}")
        return default
    if name == "search_limit" and not 1 <= value <= 1000:
        warnings.append(f"config: search_limit must be 1 to 1000; using {default}")
        return default
    return value


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The settings, and warnings about what was wrong in the file.

    A missing file gives the defaults; an unreadable one gives the defaults and a warning.
    """
    path = path or config_path()
    warnings: list[str] = []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(), warnings
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Config(), [f"config: cannot read {path}: {exc}; using the defaults"]
    names = {f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            warnings.append(f"config: unknown setting '{key}' in {path}; ignored")
            continue
        values[key] = _check(key, value, warnings)
    return Config(**values), warnings
