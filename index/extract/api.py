"""extract(): figures and named sources of one article body."""

from __future__ import annotations

import re

from index.extract.cues import is_speech
from index.extract.figures import FigureSpan, find_figures
from index.extract.lexicon import FUNCTION_WORDS, SENTENCE_OPENERS, SOURCE_NOUNS, TITLES
from index.extract.names import NameBook, split_name
from index.extract.pronouns import PronounResolver
from index.extract.sentences import Sentences
from index.extract.sources import Mention, find_mentions
from index.model import Extraction, Figure, Source

_STATEMENT_STRIP = " \t\n,.:;"
_LEADING_ADJUNCT_RE = re.compile(
    r"^(?:(?:on |last |this |early |late )?(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|today|yesterday|earlier|later|previously)(?: (?:morning|afternoon|evening|night))?"
    r",?\s+)?(?:on [A-Z][a-z]{2,8}\.? \d{1,2},?\s+)?(?:that\s+)?",
    re.I,
)
_QUOTES = "\"“”'‘’"
_CLOSING_QUOTES = ('"', "”", "’", "'")


def extract(text: str) -> Extraction:
    """Figures and sources of ``text`` (an article body); offsets are code points.

    Each source gets the canonical name of the person or body it names; each figure
    gets the canonical name of the source its sentence attributes it to, if any.
    """
    sentences = Sentences(text)
    mentions = find_mentions(text, sentences)
    sources = _name_sources(text, mentions, sentences)
    figures = _attribute(text, find_figures(text), sources, sentences)
    return Extraction(figures=figures, sources=sources)


def _statement(text: str, m: Mention, sentences: Sentences) -> str | None:
    """What the source said: the clause before "X said" or the rest of the sentence."""
    first, last = min(m.start, m.cue_start), max(m.end, m.cue_end)
    s_start, s_end = sentences.bounds(first)
    before = text[s_start:first].strip(_STATEMENT_STRIP)
    after = text[last:s_end].strip(_STATEMENT_STRIP)
    after = _LEADING_ADJUNCT_RE.sub("", after)
    raw_before = text[s_start:first].rstrip()
    if len(before.split()) >= 3 and raw_before.endswith((",", *_CLOSING_QUOTES)):
        return before.strip(_QUOTES) or None
    if len(after.split()) >= 3:
        return after
    if s_start > 0:  # '"..." he said.' closing a quoted sentence
        p_start, _ = sentences.bounds(s_start - 1)
        quoted = text[p_start:s_start].strip(_STATEMENT_STRIP + _QUOTES)
        if text[p_start:s_start].strip().endswith(_CLOSING_QUOTES):
            return quoted or None
    return after or before or None


def _initial_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalized sentence-initial one-word source is a name ("Blinken added").

    It is, unless it is a common word ("Analysts", "Officials") or the text also
    writes it in lowercase.
    """
    word = text[start:end]
    if not word[:1].isupper() or not word.isalpha():
        return False
    low = word.lower()
    if low in SOURCE_NOUNS or low in FUNCTION_WORDS or low in SENTENCE_OPENERS or low in TITLES:
        return False
    return re.search(rf"\b{low}\b", text) is None


def _name_sources(text: str, mentions: list[Mention], sentences: Sentences) -> list[Source]:
    book = NameBook(text)
    parts = [split_name(text[m.start : m.end]) if m.kind != "pronoun" else None for m in mentions]
    for m in mentions:
        if m.kind == "nominal" and _initial_name(text, m.start, m.end):
            m.kind = "named"
    for m, p in zip(mentions, parts, strict=True):
        if p is not None and m.kind == "named":
            book.register(p)
    sources: list[Source] = []
    pronouns = PronounResolver()
    for m, p in zip(mentions, parts, strict=True):
        span = text[m.start : m.end]
        descriptor: str | None = None
        if p is None:
            name = pronouns.resolve(span)
        else:
            ent = book.resolve(p)
            if ent is not None:
                name = ent.name
                descriptor = p.descriptor or ent.descriptor
                person = ent.person
            else:
                name, descriptor, person = p.name, p.descriptor, p.person
                full = book.full_name(name) if m.kind == "named" else None
                if full is not None:
                    name, person = full, True
            if m.kind == "named" or ent is not None:
                if person:
                    pronouns.saw_person(name, sentences.index(m.start))
                else:
                    pronouns.saw_body(name)
        sources.append(
            Source(
                start=m.start,
                end=m.end,
                text=span,
                name=name,
                descriptor=descriptor,
                cue=m.cue,
                cue_start=m.cue_start,
                cue_end=m.cue_end,
                statement=_statement(text, m, sentences),
                kind=m.kind,
            )
        )
    return sources


def _attribute(
    text: str, spans: list[FigureSpan], sources: list[Source], sentences: Sentences
) -> list[Figure]:
    """Give each figure the source whose attribution covers its sentence."""
    by_sentence: dict[int, list[Source]] = {}
    for s in sources:
        if s.name:
            cue = s.cue_start if s.cue_start is not None else s.start
            by_sentence.setdefault(sentences.index(cue), []).append(s)
    figures: list[Figure] = []
    for f in spans:
        candidates = by_sentence.get(sentences.index(f.start), [])
        # The figure must not be part of the source's own span ("18 lawmakers said").
        candidates = [s for s in candidates if not (s.start <= f.start < s.end)]
        # The source whose statement holds the figure, speech before stance ("Pyongyang
        # promised 10,000 troops, according to intelligence" is intelligence's claim),
        # then the nearest cue.
        candidates.sort(
            key=lambda s: (
                not (s.statement and text[f.start : f.end] in s.statement),
                not is_speech(s.cue or ""),
                abs((s.cue_start or 0) - f.start),
            )
        )
        source = candidates[0].name if candidates else None
        figures.append(
            Figure(
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                value=f.value,
                qualifier=f.qualifier,
                counted=f.counted,
                unit=f.unit,
                source=source,
                high=f.high,
                kind=f.kind,
                qualifier_text=f.qualifier_text,
            )
        )
    return figures
