"""Publication dates written out on a page, as ISO 8601 strings.

Only explicit, complete dates count (day, month and year); a time is added when
the same phrase gives one, and an offset when it names an unambiguous zone. We
never guess: "10/11/2024" is left alone, as is "ET" (EST or EDT?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # Portuguese, Spanish, French, Italian, German (full names only: short forms clash with words).
    "janeiro": 1, "fevereiro": 2, "março": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
    "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "mayo": 5, "junio": 6, "julio": 7,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}  # fmt: skip
_ZONES = {
    "utc": "+00:00", "gmt": "+00:00", "z": "+00:00",
    "edt": "-04:00", "est": "-05:00", "cdt": "-05:00", "cst": "-06:00",
    "mdt": "-06:00", "mst": "-07:00", "pdt": "-07:00", "pst": "-08:00",
    "bst": "+01:00", "cet": "+01:00", "cest": "+02:00", "eet": "+02:00",
    "eest": "+03:00", "msk": "+03:00", "kst": "+09:00", "jst": "+09:00",
}  # fmt: skip

# Short non-English month names that are safe to match (no common word clashes).
_SHORT_NAMES = ("mars", "märz", "maio", "mayo", "juin", "juli", "juni", "mai")
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    + "|".join(
        sorted((m for m in _MONTHS if len(m) > 4 or m in _SHORT_NAMES), key=len, reverse=True)
    )
    + r")\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?P<zone>[A-Z]{1,4}\b))?"
)
_SEP = r"[\s,|·•—–-]*(?:at\s+|um\s+|às\s+|à\s+|alle\s+)?"

_PATTERNS = [
    # 2024-10-31, 2024-10-31T21:43, 2024/10/31 21:43
    re.compile(
        r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"
        rf"(?:(?:T|[\s,]+){_TIME})?",
        re.IGNORECASE,
    ),
    # October 31, 2024 9:43 PM / Oct. 31, 2024 / Thu October 31, 2024
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b(?:{_SEP}{_TIME})?", re.IGNORECASE),
    # 31 October 2024 21:43
    re.compile(
        rf"\b{_DAY}\.?\s+(?:de\s+)?{_MON},?\s+(?:de\s+)?{_YEAR}\b(?:{_SEP}{_TIME})?", re.IGNORECASE
    ),
    # 31.10.2024 (day first, as written with dots in most of Europe)
    re.compile(rf"\b{_DAY}\.(?P<mnum>[01]?\d)\.{_YEAR}\b(?:{_SEP}{_TIME})?"),
    # 2024년 10월 31일 / 2024年10月31日
    re.compile(
        r"(?P<year>(?:19|20)\d\d)\s*[년年]\s*(?P<mnum>[01]?\d)\s*[월月]\s*(?P<day>[0-3]?\d)\s*[일日]"
    ),
]
# "3:10 PM EDT, Thu October 31, 2024": a time written before its date.
_TIME_FIRST_RE = re.compile(rf"\b{_TIME}[\s,]+(?:[A-Za-z]{{3,9}},?\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str
    start: int
    end: int


def _time_part(m: re.Match[str]) -> tuple[str, str]:
    groups = m.groupdict()
    if not groups.get("hour") or groups.get("minute") is None:
        return "", ""
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return "", ""
    zone = (groups.get("zone") or "").lower()
    return f"T{hour:02d}:{minute:02d}", _ZONES.get(zone, "")


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def find_date(text: str) -> FoundDate | None:
    """The first complete date in ``text`` (with its time when one is attached)."""
    if not _YEAR_RE.search(text):
        return None  # every pattern needs a four-digit year
    best: tuple[int, re.Match[str]] | None = None
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[1].start()):
            best = (0, m)
    if best is None:
        return None
    m = best[1]
    groups = m.groupdict()
    year, day = int(groups["year"]), int(groups["day"])
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["mon"].lower()]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    time, zone = _time_part(m)
    if not time:
        before = _TIME_FIRST_RE.search(text[: m.start()])
        if before:
            time, zone = _time_part(before)
    return FoundDate(date + time + (zone if time else ""), m.start(), m.end())
