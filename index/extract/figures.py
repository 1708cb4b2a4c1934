"""Quantities stated in a text: "Some 8,000 North Korean troops", "$22 billion", "dozens".

Dates, times, years, ordinals, ages after a name, phone numbers and identifiers
("F-16", "G7") are not figures; :func:`find_figures` filters them by their shape and
the words around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from index.extract.lexicon import FUNCTION_WORDS, MONTHS
from index.extract.not_figures import is_blocked
from index.extract.numbers import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURE_UNITS,
    TIME_UNITS,
    VAGUE,
    parse_digits,
    parse_words,
    scale_of,
)

SENSES: dict[str, str | None] = {
    **dict.fromkeys(
        "about|around|approximately|roughly|some|an estimated|estimated|nearly|almost|"
        "close to|circa|an average of|on average".split("|"),
        "about",
    ),
    **dict.fromkeys(
        "at least|no less than|not less than|no fewer than|not fewer than|a minimum of|"
        "or more|or higher|or above|and up".split("|"),
        "at least",
    ),
    **dict.fromkeys(
        "at most|no more than|not more than|up to|as many as|as much as|as few as|as little as|"
        "a maximum of|or less|or fewer|or lower|or below".split("|"),
        "at most",
    ),
    **dict.fromkeys(
        "more than|over|greater than|above|exceeding|exceeds|exceeded|exceed|in excess of|"
        "upwards of|just over|well over|surpassing|higher than|larger than".split("|"),
        "more than",
    ),
    **dict.fromkeys(
        "less than|fewer than|under|below|just under|lower than|smaller than|short of".split("|"),
        "less than",
    ),
    "between": "between",
    **dict.fromkeys("exactly|only|a total of|a further|another|a record".split("|"), None),
}
"""Words that qualify a number, each with its sense: a small closed set (about, at
least, at most, more than, less than, between), or None where the words give none."""
_AFTER_QUALIFIERS = (
    "or more",
    "or higher",
    "or above",
    "and up",
    "or less",
    "or fewer",
    "or lower",
    "or below",
)
_QUALIFIERS = "|".join(
    sorted((q for q in SENSES if q not in _AFTER_QUALIFIERS), key=len, reverse=True)
)
_QUALIFIER_AFTER_RE = re.compile(r"\s+(" + "|".join(_AFTER_QUALIFIERS) + r")\b(?!\s+than\b)", re.I)
_NUMBER_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|hundred|thousand|million|billion|trillion|dozen|half|"
    r"quarter)\b"
)
_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|"
    r"hundredth|thousandth|millionth|billionth|trillionth)\b"
)
_WORD_RUN = (
    rf"\b(?:an?\s+)?{_NUMBER_WORD}"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:an?\s+)?(?:{_NUMBER_WORD}|{_ORDINAL_WORD}))*"
)
"""A run of number words, read as one (see :func:`parse_words`): matching the whole run
keeps "three thirty" or "twenty fifth" from giving a figure for each of its words."""
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \xa0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+)?"
_SCALE = r"hundred|thousand|million|billion|trillion|bn|mn|mln|bln|tn|k|m|b"
_CURRENCY_BEFORE = (
    r"(?<![\w'’])(?:usd|us|cad|ca|aud|au|nzd|nz|hkd|hk|sgd|sg|c)[ \xa0]?\$"
    r"|(?<![\w'’])(?:a|s|r|mx)\$|\$|[€£¥₴₽₹₩₪₺₦]|(?<![\w'’])rs\.?(?=[ \xa0]?\d)"
)

FIGURE_RE = re.compile(
    r"(?<![\w$€£¥₴₽₹₩₪₺₦.,/-])"
    r"(?:"
    r"(?:(?=[a-z]{1,3}[ \xa0]?\$|[$€£¥₴₽₹₩₪₺₦]|rs)"  # cheap: most places fail here
    rf"(?P<cur>{_CURRENCY_BEFORE})[ \xa0]?)?(?P<num>{_NUMBER})"
    rf"(?:(?:[ \xa0-]?(?P<scale>{_SCALE}))\b)?"
    rf"(?:\s?(?:-|–|to)\s?(?:\$|€|£)?(?P<num2>{_NUMBER})(?:[ \xa0-]?(?P<scale2>{_SCALE}))?\b)?"
    r"(?P<pct>[ \xa0]?%|[ \xa0](?:percent|per cent|percentage points?)\b)?"
    r"(?P<cur_after>(?(cur)(?!)|[ \xa0]?\$(?![\w$])))?"
    r"|"
    rf"(?P<words>{_WORD_RUN})"
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


_QUALIFIER_BEFORE_RE = re.compile(rf"\b({_QUALIFIERS}|from)\s+$", re.I)
"""The qualifier before a number, looked up only where a number was found (a
qualifier group at the front of FIGURE_RE would be tried at every position)."""

_MONTH_BEFORE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?(?:\s+of)?"
    rf"(?:\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORD}))?,?\s+$"
    r"|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+(?:or|and|to|-|–)\s+$",
    re.I,
)
_MONTH_AFTER_RE = re.compile(
    r"\s*(?:-|–|to|and|or)?\s*\d{0,2}\s*(?:of\s+)?(?:" + "|".join(MONTHS) + r")\b", re.I
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
_COUNTING_WORD_RE = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty|"
    r"hundred|thousand|million|billion|trillion|dozen)\b"
)
"""A word run that counts: not "half" or "a quarter" alone."""
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][A-Za-z]+ $")
"""A capitalized word, not a sentence's first, right before a number."""
_SMALL_RANGE_RE = re.compile(r"\d{1,2}[-–]\d{1,2}")
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
    """The qualifier's sense (see :data:`SENSES`)."""
    counted: str | None
    unit: str | None
    high: float | None = None
    """The upper end of a range ("3,000 to 5,000"), else None."""
    kind: str = "count"
    """count, money, percent, measure or duration."""
    qualifier_text: str | None = None
    """The words the text used: "no more than", "or more"."""


_NUMBER_OR_WORD = rf"(?:\d{{1,2}}\b|{_NUMBER_WORD})"
_TIME_AFTER_RE = re.compile(
    r",?\s*(?:\.?\s?[ap]\s?\.?\s?m\b|o'?clock\b|noon\b|midnight\b|tonight\b"
    r"|in the (?:morning|afternoon|evening)\b|this (?:morning|afternoon|evening)\b"
    rf"|past\s+{_NUMBER_OR_WORD})",
    re.I,
)
"""After a number that is an hour: "six pm", "10, tonight", "5 in the morning",
"ten past 9"."""
_TIME_BEFORE_RE = re.compile(r"\b(?:past|quarter to|half past)\s+$", re.I)
_TIME_PREPOSITION_RE = re.compile(
    r"\b(?:at|by|around|circa|until|till|before|after|from)\s+$", re.I
)
_TIME_CONTEXT_RE = re.compile(
    r"\b(?:morning|afternoon|evening|night|tonight|today|tomorrow|yesterday|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|weekend|(?:next|last|this) "
    r"(?:year|week|month)|meet|meeting|back|leave|arrive|schedule|o'?clock)\b",
    re.I,
)
"""Words that make a bare small number after "at" or "around" an hour."""
_CLOCK_DECIMAL_RE = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_DAY_BEFORE_RE = re.compile(r"\b(?:the|week|Week|day|Day)\s+$")
"""Before a bare number that is a date or a position: "on the 17", "week 31"."""
_RANGE_JOIN_RE = re.compile(r"\s?(?:-|–|to|and)\s?")
_DURATION_AGO_RE = re.compile(
    r"(?:\s*(?:,|and)\s*(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:second|minute|hour|day|week|month|year)s?)*\s+ago\b",
    re.I,
)


def _is_time_or_date(
    text: str,
    start: int,
    end: int,
    value: float | None,
    bare: bool,
    blocked: Callable[[int, int], bool],
) -> bool:
    """Whether the number at [start, end) is an hour or a day rather than a quantity."""
    before = text[max(0, start - 40) : start]
    if _TIME_AFTER_RE.match(text, end) or _TIME_BEFORE_RE.search(before):
        return True
    if _MONTH_BEFORE_RE.search(before):
        return True
    join = _RANGE_JOIN_RE.match(text, end)
    if join and blocked(join.end(), join.end() + 1):
        return True  # "5 to 6pm", "from 7 to 7:30"
    if bare and value is not None and _CLOCK_DECIMAL_RE.fullmatch(text, start, end):
        if _TIME_PREPOSITION_RE.search(before):
            return bool(_TIME_CONTEXT_RE.search(text[max(0, start - 80) : end + 40]))
    if not bare or value is None or value != int(value) or value > 31:
        return False
    if _DAY_BEFORE_RE.search(before):
        return True
    if value <= 24 and _TIME_PREPOSITION_RE.search(before):
        sentence = text[max(0, start - 80) : end + 40]
        return bool(_TIME_CONTEXT_RE.search(sentence))
    return False


def _is_excluded(text: str, m: re.Match[str]) -> bool:
    num = m.group("num")
    if num is None:
        return False
    start, end = m.start("num"), m.end("num")
    before = text[max(0, start - 24) : start]
    after = text[m.end() : m.end() + 16]
    if m.group("scale") is None and m.group("pct") is None and m.group("num2") is None:
        if _AFTER_EXCLUDES_RE.match(text, end) and not (
            _UNIT_AFTER_RE.match(text, end) or _CENT_AFTER_RE.match(text, end)
        ):
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
        if tok[:1].isupper() and low.rstrip(".") in MONTHS:
            break  # "$12 December 27"
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


_UNIT_AFTER_RE = re.compile(
    r"[ \xa0-]?("
    + "|".join(re.escape(u) for u in sorted(MEASURE_UNITS, key=len, reverse=True))
    + r")(?![\w/°])",
    re.I,
)
_CURRENCY_AFTER_RE = re.compile(
    r"[ \xa0-]("
    + "|".join(re.escape(u) for u in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")(?![\w])",
    re.I,
)
_CENT_AFTER_RE = re.compile(r"[ \xa0-](cents?)\b", re.I)
_SCALE_WORD_RE = re.compile(r"\b(?:thousand|million|billion|trillion|bn|mn|tn)\b", re.I)
_MERGE_JOIN_RE = re.compile(r"\s*(?:and|to|-|–)\s*")


def _after_a_name(text: str, pos: int) -> bool:
    """Whether a capitalized word that does not begin a sentence stands right before
    ``pos`` ("Voyager 2", "the class is "English 101"", "Cannington—South 32")."""
    name = _NAME_BEFORE_RE.search(text, max(0, pos - 40), pos)
    if name is None:
        return False
    before = text[max(0, name.start() - 40) : name.start()].rstrip(" \t\"“'‘(—–-")
    return bool(before) and before[-1] not in ".!?:\n"


def _kind(unit: str | None, counted: str | None, measure: bool) -> str:
    if unit == "%":
        return "percent"
    if measure:
        return "duration" if unit in TIME_UNITS else "measure"
    if unit is not None:
        return "money"
    if counted is not None and counted.split()[0].lower() in TIME_UNITS:
        return "duration"
    return "count"


def _merge_ranges(text: str, figures: list[FigureSpan]) -> list[FigureSpan]:
    """Join "between 45 and 50 cases", "from one thousand to fifteen hundred" into one
    range; "45 and 50 cases" without "between" stays two figures."""
    out: list[FigureSpan] = []
    for f in figures:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.qualifier_text in ("between", "from")
            and prev.high is None
            and f.qualifier_text is None
            and _MERGE_JOIN_RE.fullmatch(text, prev.end, f.start)
            and (prev.qualifier_text == "between" or "and" not in text[prev.end : f.start])
            and (prev.unit is None or f.unit is None or prev.unit == f.unit)
        ):
            scale = _SCALE_WORD_RE.search(text, f.start, f.end)
            if scale and prev.value is not None:
                if not _SCALE_WORD_RE.search(text, prev.start, prev.end):  # "5 and 6 million"
                    prev.value = float(f"{prev.value * scale_of(scale.group()):.12g}")
            prev.end, prev.high = f.end, f.value
            prev.qualifier = "between"
            prev.unit = prev.unit or f.unit
            prev.counted = f.counted or prev.counted
            prev.kind = f.kind if prev.kind == "count" else prev.kind
            continue
        out.append(f)
    for f in out:
        if f.qualifier_text == "from" and f.high is None:
            f.qualifier_text = f.qualifier = None  # "rose from 5 percent": no qualifier
            f.start = text.index(text[f.start : f.end].split(None, 1)[-1], f.start)
    return out


def find_figures(text: str) -> list[FigureSpan]:
    """All figures in ``text``, in order; none overlaps another."""
    figures: list[FigureSpan] = []

    def blocked(start: int, end: int) -> bool:
        return is_blocked(text, start, end)

    for m in _figure_matches(text):
        if _is_excluded(text, m) or (m.group("num") is not None and blocked(m.start(), m.end())):
            continue
        q = _QUALIFIER_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
        qualifier_text = q.group(1).lower() if q else None
        start = q.start(1) if q else m.start()
        unit: str | None = None
        end = m.end()
        high: float | None = None
        measure = False
        value: float | None
        if m.group("num") is not None:
            value = parse_digits(m.group("num"))
            scale = m.group("scale") or m.group("scale2")  # "5 to 6 million"
            glued = scale is not None and text[m.end("num") : m.end("num") + 1].isalpha()
            if scale and scale.lower() in ("k", "m", "b") and not m.group("cur"):
                if scale.lower() == "k" or not glued:
                    continue  # "5 m" is a length, "5k" a race; "3.5m people" is millions
            value = float(f"{value * scale_of(scale):.12g}")
            if m.group("cur"):
                symbol = re.sub(r"[ \xa0]", "", m.group("cur").lower())
                unit = CURRENCY_SYMBOLS.get(symbol, "USD")
            elif m.group("cur_after"):
                unit = "USD"
            if m.group("pct"):
                unit = "%"
            if m.group("num2") is not None:
                high = float(f"{parse_digits(m.group('num2')) * scale_of(scale):.12g}")
                if qualifier_text is None:
                    qualifier_text = "between"
            after_of = bool(m.group("pct") or scale)
        elif m.group("words") is not None:
            words = m.group("words")
            low = words.lower()
            if low == "one" or text[max(0, m.start() - 4) : m.start()].lower() == "the ":
                continue  # "one of", "the two countries": reference, not a count
            if text[m.end() : m.end() + 1] == "-" and not _UNIT_AFTER_RE.match(text, m.end()):
                continue  # "a two-day visit"
            if _TITLE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "Round Two", "World War Two"
            value = parse_words(words)
            if value is None or not _COUNTING_WORD_RE.search(low):
                continue  # a clock ("three thirty"), a year, an ordinal, a bare "half"
            after_of = low.endswith(("hundred", "thousand", "million", "billion", "dozen"))
            percent = _SPELLED_PERCENT_RE.match(text, end)
            if percent:  # "Ninety percent"
                unit, end, after_of = "%", percent.end(), True
        else:
            value = VAGUE[" ".join(m.group("vague").lower().split())]
            after_of = True
        if unit is None:
            money = _CURRENCY_AFTER_RE.match(text, end) or _CENT_AFTER_RE.match(text, end)
            if money:
                word = money.group(1).lower()
                unit = "USD" if word.startswith("cent") else CURRENCY_WORDS[word]
                end = money.end()
            else:
                unit_match = _UNIT_AFTER_RE.match(text, end)
                if unit_match and not (unit_match.group(1) == "l" and text[end : end + 1] != " "):
                    unit, end, measure = (
                        MEASURE_UNITS[unit_match.group(1).lower()],
                        unit_match.end(),
                        True,
                    )
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
        bare = unit is None and counted is None and not m.group("scale")
        if _is_time_or_date(text, m.start(), m.end(), value, bare, blocked):
            continue
        if (
            unit is None
            and qualifier_text is None
            and m.group("num") is not None
            and not m.group("scale")
            and (counted is None or counted[:1].isupper())
            and _after_a_name(text, m.start())
        ):
            continue  # "Voyager 2", "English 101", "Boeing 737": a name, not a count
        if bare and high is not None and _SMALL_RANGE_RE.fullmatch(m.group(0)):
            continue  # "3-8", "4-23": a score, a date or hours, never a quantity alone
        if counted is not None and _DURATION_AGO_RE.match(text, end):
            continue  # "2 weeks and 2 days ago" dates an event
        after = _QUALIFIER_AFTER_RE.match(text, end)
        if after and qualifier_text is None:
            qualifier_text, end = after.group(1).lower(), after.end()
        if figures and start < figures[-1].end:
            continue  # never two figures over the same words
        sense = "between" if high is not None else SENSES.get(qualifier_text or "")
        figures.append(
            FigureSpan(
                start, end, value, sense, counted, unit, high=high,
                kind=_kind(unit, counted, measure), qualifier_text=qualifier_text,
            )
        )  # fmt: skip
    return _merge_ranges(text, figures)
