"""extract(): figures and named sources of one article body."""

from __future__ import annotations

import re

from index.extract.cues import is_speech
from index.extract.figures import FigureSpan, find_figures
from index.extract.lexicon import FUNCTION_WORDS, SENTENCE_OPENERS, SOURCE_NOUNS, TITLES
from index.extract.names import BODY_PRONOUNS, PERSON_PRONOUNS, NameBook, split_name
from index.extract.sentences import Sentences
from index.extract.sources import Mention, find_mentions
from index.model import Extraction, Figure, Source

_STATEMENT_STRIP = " \t\n,.:;"


def extract(text: str) -> Extraction:
    """Figures and sources of ``text`` (an article body); offsets are code points.

    Each source gets the canonical name of the person or body it names; each figure
    gets the canonical name of the source its sentence attributes it to, if any.
    """
    mentions = find_mentions(text)
    sentences = Sentences(text)
    sources = _name_sources(text, mentions, sentences)
    figures = _attribute(text, find_figures(text), sources, sentences)
    return Extraction(figures=figures, sources=sources)


def _statement(text: str, m: Mention, sentences: Sentences) -> str | None:
    """What the source said: the rest of the sentence, or the quote before it."""
    after = text[m.statement_start : m.statement_end].strip(_STATEMENT_STRIP)
    if after.startswith("that "):
        after = after[5:]
    if len(after) > 2 and m.statement_start >= m.cue_end:
        return after
    s_start, _ = sentences.bounds(min(m.start, m.cue_start))
    before = text[s_start : min(m.start, m.cue_start)].strip(_STATEMENT_STRIP + "\"“”'")
    if len(before) < 3 and s_start > 0:  # '"...," he said.' after a quoted sentence
        p_start, _ = sentences.bounds(s_start - 1)
        before = text[p_start : min(m.start, m.cue_start)].strip(_STATEMENT_STRIP + "\"“”'")
    return before or None


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
    last_person: tuple[str, int] | None = None  # canonical name, sentence index
    last_body: str | None = None
    for m, p in zip(mentions, parts, strict=True):
        span = text[m.start : m.end]
        descriptor: str | None = None
        if p is None:
            low = span.lower()
            if low in PERSON_PRONOUNS or low == "who":
                name = last_person[0] if last_person else ""
            elif low in BODY_PRONOUNS:
                name = last_body or ""
            else:
                name = ""
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
                    sentence = sentences.index(m.start)
                    if last_person and last_person[0] != name and last_person[1] == sentence:
                        last_person = None  # two people in one sentence: "he" is ambiguous
                    else:
                        last_person = (name, sentence)
                else:
                    last_body = name
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
            by_sentence.setdefault(sentences.index(s.cue_start), []).append(s)
    figures: list[Figure] = []
    for f in spans:
        candidates = by_sentence.get(sentences.index(f.start), [])
        # The figure must not be part of the source's own span ("18 lawmakers said").
        candidates = [s for s in candidates if not (s.start <= f.start < s.end)]
        # Speech outranks stance: in "Pyongyang promised 10,000 troops, according to
        # intelligence", the figure is intelligence's claim.
        candidates.sort(key=lambda s: (not is_speech(s.cue or ""), s.start))
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
            )
        )
    return figures
