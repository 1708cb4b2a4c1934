"""Find who each statement is attributed to.

Every cue (see :mod:`index.extract.cues`) is tried in turn: its subject before it
("Blinken said"), the phrase after it ("according to HUR", '..., said Kirby'), an
appositive ("Park Sun-won, a member of a committee, said") or a passive's agent
("was first reported by The Washington Post"), then judged: a belief or reaction
needs a likelier subject than speech does. Sources shown by layout come from
:mod:`index.extract.layout`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from index.extract.cues import (
    CUE_RE,
    INVERTIBLE,
    MIND,
    NOUN_LIKE,
    SPEECH,
    VERB_STRENGTH,
    phrase_strength,
)
from index.extract.layout import layout_mentions
from index.extract.lexicon import (
    ADJECTIVE_SUFFIXES,
    FUNCTION_WORDS,
    MONTHS,
    SENTENCE_OPENERS,
    SOURCE_NOUNS,
    WEEKDAYS,
)
from index.extract.mentions import Mention, SentenceCache, token_index
from index.extract.numbers import UNITS
from index.extract.phrases import (
    CLOSING_QUOTES,
    NOMINAL,
    PRONOUN,
    Phrase,
    phrase_after,
)
from index.extract.sentences import Sentences, Token
from index.extract.subjects import sentence_subject, subject_before

_BREAK_RE = re.compile(r"[,;:“”\"()—–]|\s-+\s")


def find_mentions(text: str, sentences: Sentences | None = None) -> list[Mention]:
    """All source mentions in ``text``, in text order, one per span."""
    cache = SentenceCache(text, sentences)
    found: dict[tuple[int, int], Mention] = {}

    def add(
        phrase: Phrase, tokens: list[Token], cue: tuple[int, int], stmt: tuple[int, int]
    ) -> None:
        start, end = tokens[phrase.first].start, tokens[phrase.last].end
        if (start, end) in found or end <= start:
            return
        found[(start, end)] = Mention(
            start, end, phrase.kind, text[cue[0] : cue[1]], cue[0], cue[1], *stmt
        )

    quotes = cache.quotes
    for m in CUE_RE.finditer(text):
        if quotes.inside(m.start()):
            continue
        s_start, s_end, tokens = cache.tokens(m.start())
        ci = token_index(tokens, m.start())
        ce = token_index(tokens, m.end())
        phrase_text = m.group("phrase")
        if phrase_text is not None:
            low = phrase_text.lower()
            if low.startswith(("according", "citing")):
                p = phrase_after(tokens, ce, open_ended=True)
                if p is not None and (low.startswith("according") or _cites_source(p, tokens)):
                    add(p, tokens, m.span(), (s_start, m.start()))
                continue
            strength = phrase_strength(phrase_text)
            form = low.split()[0]
        else:
            form = m.group("verb")
            strength = VERB_STRENGTH[form]
        if (
            strength != MIND
            and form.endswith(("ed", "en", "told", "said", "wrote", "made"))
            and (ce < len(tokens) and tokens[ce].text == "by")
        ):
            # A passive: "was first reported by The Washington Post"
            p = phrase_after(tokens, ce + 1, open_ended=False)
            if p is not None and p.kind != PRONOUN:
                add(p, tokens, m.span(), (s_start, m.start()))
                continue
        p = subject_before(tokens, ci, progressive=form.endswith("ing"))
        if p is not None and _plausible(p, tokens, strength, form):
            add(p, tokens, m.span(), (m.end(), s_end))
            continue
        if (
            form.rstrip("s").removesuffix("ing").removesuffix("ed") in _SHARED
            and ci > 0
            and (
                (form.endswith("ing") and tokens[ci - 1].text == ",")
                or tokens[ci - 1].text == "and"
            )
        ):
            p = sentence_subject(tokens, ci)
            if p is not None:
                add(p, tokens, m.span(), (m.end(), s_end))
                continue
        if form in INVERTIBLE and (
            ci == 0 or tokens[ci - 1].text in CLOSING_QUOTES or tokens[ci - 1].text == ","
        ):
            p = phrase_after(tokens, ce, open_ended=False)
            if p is not None and _ends_clause(tokens, p.last + 1):
                add(p, tokens, m.span(), (s_start, m.start()))

    layout_mentions(text, cache, add)
    return _drop_nested(text, sorted(found.values(), key=lambda x: x.start))


def _drop_nested(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop attributions inside another's statement ("X said Y believes ...").

    The inner one is part of what X said, not something the article itself attributes,
    unless a break (a comma, a quotation mark, a dash) comes between X's cue and it.
    Each of the last four kept mentions is checked with one lookup in the text's
    breaks, so the work is linear in the number of mentions, whatever the distances.
    """
    breaks = _Breaks(text)
    kept: list[Mention] = []
    for m in mentions:
        if not m.cue.lower().startswith(("according", "citing")) and any(
            k.cue_end <= m.start < k.statement_end
            and k.statement_start == k.cue_end
            and not breaks.between(k.cue_end, m.start)
            for k in kept[-4:]
        ):
            continue
        kept.append(m)
    return kept


_BREAK_AT_RE = re.compile(f"(?=({_BREAK_RE.pattern}))")
"""Every offset where a _BREAK_RE match starts, overlapping ones too (" - - ")."""


class _Breaks:
    """Answers "does ``_BREAK_RE.search(text, start, end)`` find anything?" in bounded
    time.

    A short stretch (most: a cue and the next mention in one sentence) is searched
    directly. For a long one, a table of every break is built once: a match of
    _BREAK_RE starting at an offset has one possible end (a single mark, or whitespace,
    a run of hyphens and whitespace), and those ends grow with the offset; so a match
    lies inside ``[start, end)`` exactly when the first match starting at or after
    ``start`` ends by ``end``.
    """

    DIRECT = 200
    """Longest stretch searched directly (characters)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def between(self, start: int, end: int) -> bool:
        if end - start <= self.DIRECT:
            return _BREAK_RE.search(self._text, start, end) is not None
        if self._starts is None:
            self._starts = []
            for m in _BREAK_AT_RE.finditer(self._text):
                self._starts.append(m.start())
                self._ends.append(m.end(1))
        i = bisect_left(self._starts, start)
        return i < len(self._starts) and self._ends[i] <= end


def _cites_source(p: Phrase, tokens: list[Token]) -> bool:
    """ "citing South Korean intelligence" names a source; "citing communication issues"
    gives a reason."""
    if p.kind != NOMINAL:
        return True
    return any(tokens[k].text.lower() in SOURCE_NOUNS for k in range(p.first, p.last + 1))


def _lone_name(tokens: list[Token], p: Phrase) -> bool:
    """A capitalized word opening the sentence that is no common word ("Pyongyang")."""
    word = tokens[p.first].text
    low = word.lower()
    return (
        p.first == p.last
        and word[:1].isupper()
        and low not in SOURCE_NOUNS
        and low not in FUNCTION_WORDS
        and low not in SENTENCE_OPENERS
    )


_ADJECTIVAL_NAME_ENDINGS = ("ic", "ican", "ian", "ese", "ish")
_SUBORDINATORS = frozenset("that how why whether if what and".split())
_PERSONAL = frozenset("i you we it".split())


def _plausible(p: Phrase, tokens: list[Token], strength: str, form: str) -> bool:
    """Whether a subject found before a cue of this strength is a source.

    Beliefs and reactions are attributed far less reliably than speech: a hedged
    "would prefer", a generic "you want" or "it shows" is rarely an attribution.
    A subject right after a reporting verb ("said he believes") belongs to that
    verb's statement.
    """
    k = p.first - 1
    if k >= 0 and tokens[k].text.lower() == "that":
        k -= 1
    if (
        k >= 0
        and VERB_STRENGTH.get(tokens[k].text) in (SPEECH, MIND)
        or (k >= 0 and tokens[k].text in ("saying", "says", "said"))
    ):
        return False
    head_at = next((k - 1 for k in range(p.first + 1, p.last) if tokens[k].text == ","), p.last)
    head = tokens[head_at].text  # "Small, who attended on Wednesday,": the head is Small
    low = head.lower()
    if (
        p.kind == NOMINAL
        and head.islower()
        and low.endswith(ADJECTIVE_SUFFIXES)
        and low not in SOURCE_NOUNS
        and low not in UNITS
        and not (p.last > p.first and tokens[p.last - 1].text.lower() in ("those", "people"))
    ):
        return False
    if (low in MONTHS or low in WEEKDAYS) and head_at == p.first:
        return False  # "A poll released in late August found"
    if form in NOUN_LIKE and low.endswith(_ADJECTIVAL_NAME_ENDINGS):
        return False  # "Republican claims", "Russian plans"
    if form in NOUN_LIKE and not (p.kind == PRONOUN or head[:1].isupper() or low in SOURCE_NOUNS):
        return False
    if strength == SPEECH:
        return True
    if p.kind == NOMINAL and low not in SOURCE_NOUNS and not _lone_name(tokens, p):
        return False
    if p.hedged and strength == MIND:
        return False
    if p.kind == PRONOUN and tokens[p.first].text.lower().split("'")[0].split("’")[0] in _PERSONAL:
        return False
    if (
        strength == MIND
        and p.kind == PRONOUN
        and p.first > 0
        and tokens[p.first - 1].text.lower() in _SUBORDINATORS
    ):
        return False  # "explained how he believes": part of someone else's account
    return True


_SHARED = frozenset(
    """
    say add tell told ask call not argu insist warn claim accus urg promis explain writ
    wrote declar describ criticiz prais blam vow pledg announc deni deny acknowledg admitt
    repli reply respond tweet complain charg demand endors sai said
    """.split()
)
"""Stems of verbs whose participle or second verb shares the sentence's subject
("..., saying", "... and added"); evidential ones ("indicating") do not."""

_AFTER_INVERTED_SUBJECT = frozenset(
    "in on at during of to about after before when while as from who which whose that "
    "last this earlier later".split()
)


def _ends_clause(tokens: list[Token], i: int) -> bool:
    """After '..., said Smith' comes punctuation or an adjunct, not a verb ('said he would')."""
    if i >= len(tokens):
        return True
    tok = tokens[i].text
    return not tok[:1].isalnum() or tok.lower() in _AFTER_INVERTED_SUBJECT
