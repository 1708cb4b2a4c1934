"""Find who each statement is attributed to.

Every cue (see :mod:`index.extract.cues`) is tried in turn: its subject before it
("Blinken said"), the phrase after it ("according to HUR", '..., said Kirby'), or an
appositive ("Park Sun-won, a member of a committee, said"). Speaker labels
("PENCE: ..."), headline tags ("Poll: ...") and quote signatures ('..." ― Jane Doe')
are found by their layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.extract.cues import (
    CUE_RE,
    HEADLINE_VERBS,
    INVERTIBLE,
    MIND,
    NOT_CUES,
    NOUN_LIKE,
    SPEECH,
    VERB_STRENGTH,
    phrase_strength,
)
from index.extract.lexicon import (
    ADJECTIVE_SUFFIXES,
    FUNCTION_WORDS,
    MONTHS,
    SENTENCE_OPENERS,
    SOURCE_NOUNS,
    WEEKDAYS,
)
from index.extract.numbers import UNITS
from index.extract.phrases import (
    CLOSING_QUOTES,
    NAMED,
    NOMINAL,
    PRONOUN,
    Phrase,
    is_word,
    phrase_after,
    sentence_subject,
    subject_before,
)
from index.extract.quotes import QuoteMap
from index.extract.sentences import Sentences, Token, tokenize


@dataclass(slots=True)
class Mention:
    """A source span found in the text, before names are made canonical."""

    start: int
    end: int
    kind: str
    cue: str
    cue_start: int
    cue_end: int
    statement_start: int
    statement_end: int


_SPEAKER_RE = re.compile(r"^[\"“]?((?:[A-Z][A-Z.'’-]+)(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]", re.M)
_HEADLINE_TAG_RE = re.compile(r"\A\s*([A-Z][^:,\n]{1,40}?):[ \t]+\S")
_NOT_SPEAKERS = frozenset(
    "CLARIFICATION CORRECTION UPDATE UPDATED NOTE EDITOR'S WATCH READ RELATED PHOTOS "
    "VIDEO FULL TEXT TRANSCRIPT SOURCE SOURCES CAPTION".split()
)
_SIGNATURE_RE = re.compile(
    r"[”\"’.!?]\s*[―—]\s*([A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,4})", re.M
)
_BREAK_RE = re.compile(r"[,;:“”\"()—–]|\s-+\s")
_IN_EVIDENCE_RE = re.compile(
    r"\b[Ii]n ((?:a|an|the|this|that|its|his|her|their|one|two|several|recent|new|latest)\s"
    r"[^.,;:\"“”()\n]{0,50}?\b(?:polls?|surveys?|stud(?:y|ies)|analys[ie]s|reports?))\b"
)
"""Evidence named by "in": "in a Washington Post-ABC News poll released Sunday"."""
_QUOTE_COLON_RE = re.compile(r":[ \t]*[“\"‘]")


_Add = Callable[[Phrase, list[Token], tuple[int, int], tuple[int, int]], None]
"""Records a mention: phrase, its sentence's tokens, cue span, statement span."""


class _SentenceCache:
    def __init__(self, text: str, sentences: Sentences | None = None) -> None:
        self.text = text
        self.sentences = sentences or Sentences(text)
        self.quotes = QuoteMap(text)
        self._tokens: dict[int, list[Token]] = {}

    def tokens(self, pos: int) -> tuple[int, int, list[Token]]:
        start, end = self.sentences.bounds(pos)
        toks = self._tokens.get(start)
        if toks is None:
            toks = self._tokens[start] = tokenize(self.text, start, end)
        return start, end, toks


def _token_index(tokens: list[Token], pos: int) -> int:
    """Index of the first token that starts at or after ``pos``."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def find_mentions(text: str, sentences: Sentences | None = None) -> list[Mention]:
    """All source mentions in ``text``, in text order, one per span."""
    cache = _SentenceCache(text, sentences)
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
        ci = _token_index(tokens, m.start())
        ce = _token_index(tokens, m.end())
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

    _layout_mentions(text, cache, add)
    return _drop_nested(text, sorted(found.values(), key=lambda x: x.start))


def _drop_nested(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop attributions inside another's statement ("X said Y believes ...").

    The inner one is part of what X said, not something the article itself attributes.
    """
    kept: list[Mention] = []
    for m in mentions:
        if not m.cue.lower().startswith(("according", "citing")) and any(
            k.cue_end <= m.start < k.statement_end
            and k.statement_start == k.cue_end
            and not _BREAK_RE.search(text, k.cue_end, m.start)
            for k in kept[-4:]
        ):
            continue
        kept.append(m)
    return kept


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


def _headline_subject(text: str, add: _Add) -> None:
    """The subject of a headline on the first line: "Obama Seeks More Muslim Refugees".

    Headlines drop "said" and capitalize their verbs, so the cue is the first verb
    form after an opening noun phrase, or "to" ("AFL-CIO to endorse Clinton").
    """
    end = text.find("\n")
    end = len(text) if end < 0 else end
    if len(text[:end].split()) > 20:
        return
    tokens = tokenize(text, 0, end)
    start = 0
    for k in range(min(6, len(tokens))):
        if tokens[k].text == ":":
            start = k + 1  # "The Latest: Trump delivers ..."
    for v in range(start + 1, min(len(tokens), start + 8)):
        word = tokens[v].text
        if word == "," and tokens[start].text.lower().endswith("ing") and v + 1 < len(tokens):
            start = v + 1  # "Railing Against Trump, Sanders Vows ..."
            continue
        if not is_word(word):
            return
        low = word.lower()
        if low == "to" or (low in HEADLINE_VERBS and v > start):
            break
    else:
        return
    if not all(is_word(t.text) or t.text in ("-", "’", "'") for t in tokens[start:v]):
        return
    words = [t.text.lower() for t in tokens[start:v]]
    if any(w in FUNCTION_WORDS and w not in ("the", "a", "an", "of", "and") for w in words):
        return  # "How Paul Ryan Thinks", "The Kremlin did not respond": not a bare subject
    if all(w in FUNCTION_WORDS for w in words):
        return  # "The attack was ...": the verb-looking word is the noun
    head = tokens[v - 1].text
    if (
        tokens[v].text.lower() in NOUN_LIKE | NOT_CUES
        and head[:1].islower()
        and head.lower() not in SOURCE_NOUNS
    ):
        return  # "Trump's tax plans were criticized"
    kind = NAMED if any(t.text[:1].isupper() for t in tokens[start:v]) else NOMINAL
    add(Phrase(start, v - 1, kind), tokens, (tokens[v].start, tokens[v].end), (tokens[v].end, end))


def _layout_mentions(text: str, cache: _SentenceCache, add: _Add) -> None:
    for m in _SPEAKER_RE.finditer(text):
        if m.group(1).split()[0] in _NOT_SPEAKERS:
            continue
        _, s_end, tokens = cache.tokens(m.start(1))
        i, j = _token_index(tokens, m.start(1)), _token_index(tokens, m.end(1)) - 1
        if 0 <= i <= j < len(tokens):
            add(Phrase(i, j, NAMED), tokens, (m.end(1), m.end(1) + 1), (m.end(), s_end))
    _headline_subject(text, add)
    head = _HEADLINE_TAG_RE.match(text)
    if head and len(head.group(1).split()) <= 5:
        _, s_end, tokens = cache.tokens(head.start(1))
        i, j = _token_index(tokens, head.start(1)), _token_index(tokens, head.end(1)) - 1
        if 0 <= i <= j < len(tokens):
            add(Phrase(i, j, NAMED), tokens, (head.end(1), head.end(1) + 1), (head.end(), s_end))
    for m in _SIGNATURE_RE.finditer(text):
        _, _, tokens = cache.tokens(m.start(1))
        i, j = _token_index(tokens, m.start(1)), _token_index(tokens, m.end(1)) - 1
        if 0 <= i <= j < len(tokens):
            add(
                Phrase(i, j, NAMED),
                tokens,
                (m.start(1) - 2, m.start(1) - 1),
                (m.start(), m.start()),
            )
    quotes = cache.quotes
    for m in _QUOTE_COLON_RE.finditer(text):
        if quotes.inside(m.start()):
            continue
        s_start, s_end, tokens = cache.tokens(m.start())
        ci = _token_index(tokens, m.start())
        p = subject_before(tokens, ci, allow_nominal=False)
        if p is not None and (p.kind == NAMED or tokens[p.last].text[:1].isupper()):
            add(p, tokens, (m.start(), m.start() + 1), (m.end() - 1, s_end))
    for m in _IN_EVIDENCE_RE.finditer(text):
        if quotes.inside(m.start()):
            continue
        s_start, s_end, tokens = cache.tokens(m.start(1))
        i, j = _token_index(tokens, m.start(1)), _token_index(tokens, m.end(1)) - 1
        if 0 <= i <= j < len(tokens):
            add(Phrase(i, j, NOMINAL), tokens, (m.start(), m.start() + 2), (s_start, s_end))
