"""Quantities stated in a text: "Some 8,000 North Korean troops", "$22 billion", "dozens".

Dates, times, years, ordinals, ages after a name, phone numbers and identifiers
("F-16", "G7") are not figures; :func:`find_figures` filters them by their shape and
the words around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from index.extract.lexicon import FUNCTION_WORDS, MONTHS
from index.extract.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    VAGUE,
    parse_digits,
    parse_words,
    scale_of,
)

_QUALIFIERS = (
    "nearly|almost|about|around|approximately|roughly|some|up to|at least|at most|"
    "as many as|as few as|as much as|more than|over|fewer than|less than|under|close to|"
    "an estimated|estimated|upwards of|just over|just under|well over|exactly|only|"
    "a total of|a further|another"
)
_WORD_NUMBER = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"a dozen|dozen|a hundred|a thousand"
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"hundred|thousand|million|billion|trillion|bn|mn|mln|tn|k|m|b"

FIGURE_RE = re.compile(
    r"(?<![\w$€£¥₴₽.,/-])"
    r"(?:"
    rf"(?:(?P<cur>us\$|\$|€|£|¥|₴|₽)[ \xa0]?)?(?P<num>{_NUMBER})"
    rf"(?:(?:[ \xa0]?(?P<scale>{_SCALE}))\b)?"
    rf"(?:\s?(?:-|–|to|and)\s?(?:\$|€|£)?(?P<num2>{_NUMBER})(?:[ \xa0]?(?P=scale))?\b)?"
    r"(?P<pct>[ \xa0]?%|[ \xa0](?:percent|per cent|percentage points?)\b)?"
    r"|"
    rf"(?P<words>\b(?:{_WORD_NUMBER})(?:[ -](?:hundred|thousand|million|billion))*)\b"
    r"|"
    r"(?P<vague>\b(?:(?:tens|hundreds) of (?:thousands|millions|billions)|dozens|hundreds"
    r"|thousands|millions|billions|trillions)\b)"
    r")",
    re.I,
)

_FIGURE_IN_LOWERCASE_RE = re.compile(FIGURE_RE.pattern)
"""FIGURE_RE without re.I, for text in lower case: a case-blind match of the many
number words at every word start makes FIGURE_RE twice as slow as this."""


def _figure_matches(text: str) -> Iterator[re.Match[str]]:
    """FIGURE_RE's matches in ``text``, found in its lower-case copy when that has the
    same offsets (the match groups come in lower case; callers fold case anyway)."""
    low = text.lower()
    if len(low) == len(text):
        return _FIGURE_IN_LOWERCASE_RE.finditer(low)
    return FIGURE_RE.finditer(text)


_QUALIFIER_BEFORE_RE = re.compile(rf"\b({_QUALIFIERS})\s+$", re.I)
"""The qualifier before a number, looked up only where a number was found (a
qualifier group at the front of FIGURE_RE would be tried at every position)."""

_MONTH_BEFORE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+$"
    r"|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+(?:or|and|to|-|–)\s+$",
    re.I,
)
_MONTH_AFTER_RE = re.compile(
    r"\s*(?:-|–|to|and|or)?\s*\d{0,2}\s*(?:" + "|".join(MONTHS) + r")\b", re.I
)
_AFTER_EXCLUDES_RE = re.compile(
    r"(?:st|nd|rd|th)\b|:\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\s+min(?:ute)?s? read\b"
    r"|[-/.]\d|-[A-Za-z]|\w",
    re.I,
)
_BEFORE_EXCLUDES_RE = re.compile(r"(?:\d:|No\.\s?|#|\+|\d[-.\s])$")
"""Before a number that is no quantity: a time, "No. 1", "#2"."""
_SPELLED_PERCENT_RE = re.compile(r"\s(?:percent|per cent)\b")
_AGO_RE = re.compile(r"\s+ago\b")
_LIST_MARKER_RE = re.compile(r"\.\)?(?:\s|$)")
_TITLE_BEFORE_RE = re.compile(
    r"\b(?:Round|Phase|Part|Chapter|Season|Episode|World War|Title|Article)\s$"
)
_MORE_RE = re.compile(r"\s+more\b")
_PHONE_RE = re.compile(r"(?:\d{3}\)?[-.\s])?\d{3}[-.\s]\d{4}\b")
_AGE_RE = re.compile(r"[A-Z][\w.’'-]+,\s$")
_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*|[^\w\s]")
_COUNTED_STOP = FUNCTION_WORDS | frozenset(
    "each per more than as such people's including among while during says said ago ahead "
    "down up earlier later last next old long away apart before after ages".split()
)


@dataclass(slots=True)
class FigureSpan:
    """A figure found in the text, before its source is known."""

    start: int
    end: int
    value: float | None
    qualifier: str | None
    counted: str | None
    unit: str | None


def _is_excluded(text: str, m: re.Match[str]) -> bool:
    num = m.group("num")
    if num is None:
        return False
    start, end = m.start("num"), m.end("num")
    before = text[max(0, start - 24) : start]
    after = text[m.end() : m.end() + 16]
    if m.group("scale") is None and m.group("pct") is None and m.group("num2") is None:
        if _AFTER_EXCLUDES_RE.match(text, end):
            return True
    if _BEFORE_EXCLUDES_RE.search(before) or _PHONE_RE.match(text, m.start("num")):
        return True
    if len(num) >= 7 and num.isdigit():
        return True  # an identifier or timestamp, not a count
    prev = before.rstrip(" \t")
    if (not prev or prev[-1] in "\n(") and _LIST_MARKER_RE.match(text, end):
        return True  # "12. Lindsey Graham", "(14.)": a list position
    if m.group("cur") or m.group("pct") or m.group("scale"):
        return False
    if _MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(text, end):
        return True
    if len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100:
        return True  # a year
    if len(num) <= 2 and _AGE_RE.search(before) and after[:1] == ",":
        return True  # "Quina Jones, 25, said"
    return False


def _counted(text: str, pos: int, *, after_of: bool) -> tuple[str | None, int]:
    """The noun phrase a figure counts, starting at ``pos``; returns it and its end."""
    words: list[re.Match[str]] = []
    i = pos
    for w in _WORD_RE.finditer(text, pos, min(len(text), pos + 80)):
        if text[i : w.start()].strip() or "\n" in text[i : w.start()]:
            break
        tok = w.group()
        low = tok.lower()
        if not words and after_of and low in ("of", "the"):
            i = w.end()
            continue
        if not tok[:1].isalpha() or low in _COUNTED_STOP:
            break
        if tok.islower() and low.endswith(("ing", "ed")) and low not in ("wounded", "killed"):
            break
        words.append(w)
        i = w.end()
        if len(words) == 4:
            break
    while words and words[-1].group()[:1].isupper() and len(words) > 1:
        words.pop()  # "500 officers Tuesday" -> "officers"
    if not words:
        return None, pos
    return text[words[0].start() : words[-1].end()], words[-1].end()


def find_figures(text: str) -> list[FigureSpan]:
    """All figures in ``text``, in order."""
    figures: list[FigureSpan] = []
    for m in _figure_matches(text):
        if _is_excluded(text, m):
            continue
        q = _QUALIFIER_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
        qualifier = q.group(1).lower() if q else None
        start = q.start(1) if q else m.start()
        unit: str | None = None
        end = m.end()
        value: float | None
        if m.group("num") is not None:
            value = parse_digits(m.group("num"))
            scale = m.group("scale")
            if scale and scale.lower() in ("k", "m", "b") and not m.group("cur"):
                continue  # "5 m" is a length, "5k" a race
            value *= scale_of(scale)
            if m.group("cur"):
                unit = CURRENCY_SYMBOLS.get(m.group("cur").upper(), "USD")
            if m.group("pct"):
                unit = "%"
            if m.group("num2") is not None:
                qualifier = qualifier or "between"
            after_of = bool(m.group("pct") or scale)
        elif m.group("words") is not None:
            words = m.group("words")
            low = words.lower()
            if low == "one" or text[max(0, m.start() - 4) : m.start()].lower() == "the ":
                continue  # "one of", "the two countries": reference, not a count
            if text[m.end() : m.end() + 1] == "-":
                continue  # "a two-day visit"
            if _TITLE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "Round Two", "World War Two"
            value = parse_words(words)
            after_of = low.endswith(("hundred", "thousand", "million", "billion", "dozen"))
            percent = _SPELLED_PERCENT_RE.match(text, end)
            if percent:  # "Ninety percent"
                unit, end, after_of = "%", percent.end(), True
        else:
            value = VAGUE[" ".join(m.group("vague").lower().split())]
            after_of = True
        rest = text[end : end + 12]
        word_after = re.match(r"\s+([a-z]+)", rest)
        if word_after and word_after.group(1) in CURRENCY_WORDS and unit is None:
            unit = CURRENCY_WORDS[word_after.group(1)]
            end += word_after.end()
        counted, counted_end = _counted(text, end, after_of=after_of)
        if counted is not None and counted.lower().startswith("more"):
            counted = None
        more = _MORE_RE.match(text, end)
        if counted is None and more:
            end = more.end()
            counted, counted_end = _counted(text, end, after_of=False)
            if counted is None and figures and figures[-1].counted:
                counted = figures[-1].counted  # "3,000 soldiers ... and thousands more"
        if counted is not None and counted.lower() in CURRENCY_WORDS and unit is None:
            unit = CURRENCY_WORDS[counted.lower()]  # "hundreds of billions of dollars"
            counted, end = None, counted_end
        if counted is not None and text[end:counted_end].strip():
            end = counted_end
            if _AGO_RE.match(text, end):
                continue  # "22 years ago" dates an event
            counted = counted.rstrip("’'")
            end = start + len(text[start:end].rstrip("’'"))
        figures.append(FigureSpan(start, end, value, qualifier, counted, unit))
    return figures
