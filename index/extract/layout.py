"""Sources found by layout rather than by a verb.

Speaker labels in transcripts ("PENCE: Well, ..."), a headline's tag ("Poll: ...")
or subject ("Obama Seeks More Refugees"), quote signatures ('..." ― Jane Doe'), a
name introducing a quotation ('Shaw: "Historically ..."') and evidence named after
"in" ("in a Washington Post-ABC News poll").
"""

from __future__ import annotations

import re

from index.extract.cues import HEADLINE_VERBS, NOT_CUES, NOUN_LIKE
from index.extract.lexicon import FUNCTION_WORDS, SOURCE_NOUNS
from index.extract.mentions import Add, SentenceCache, token_index
from index.extract.phrases import NAMED, NOMINAL, Phrase, is_word
from index.extract.sentences import tokenize
from index.extract.subjects import subject_before

_SPEAKER_RE = re.compile(r"^[\"“]?((?:[A-Z][A-Z.'’-]+)(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]", re.M)
_HEADLINE_TAG_RE = re.compile(r"\A\s*([A-Z][^:,\n]{1,40}?):[ \t]+\S")
_NOT_SPEAKERS = frozenset(
    "CLARIFICATION CORRECTION UPDATE UPDATED NOTE EDITOR'S WATCH READ RELATED PHOTOS "
    "VIDEO FULL TEXT TRANSCRIPT SOURCE SOURCES CAPTION".split()
)
_SIGNATURE_RE = re.compile(
    r"[”\"’.!?]\s*[―—]\s*([A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,4})", re.M
)
_IN_EVIDENCE_RE = re.compile(
    r"\b[Ii]n ((?:a|an|the|this|that|its|his|her|their|one|two|several|recent|new|latest)\s"
    r"[^.,;:\"“”()\n]{0,50}?\b(?:polls?|surveys?|stud(?:y|ies)|analys[ie]s|reports?))\b"
)
"""Evidence named by "in": "in a Washington Post-ABC News poll released Sunday"."""
_QUOTE_COLON_RE = re.compile(r":[ \t]*[“\"‘]")


def headline_subject(text: str, add: Add) -> None:
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


def layout_mentions(text: str, cache: SentenceCache, add: Add) -> None:
    for m in _SPEAKER_RE.finditer(text):
        if m.group(1).split()[0] in _NOT_SPEAKERS:
            continue
        _, s_end, tokens = cache.tokens(m.start(1))
        i, j = token_index(tokens, m.start(1)), token_index(tokens, m.end(1)) - 1
        if 0 <= i <= j < len(tokens):
            add(Phrase(i, j, NAMED), tokens, (m.end(1), m.end(1) + 1), (m.end(), s_end))
    headline_subject(text, add)
    head = _HEADLINE_TAG_RE.match(text)
    if head and len(head.group(1).split()) <= 5:
        _, s_end, tokens = cache.tokens(head.start(1))
        i, j = token_index(tokens, head.start(1)), token_index(tokens, head.end(1)) - 1
        if 0 <= i <= j < len(tokens):
            add(Phrase(i, j, NAMED), tokens, (head.end(1), head.end(1) + 1), (head.end(), s_end))
    for m in _SIGNATURE_RE.finditer(text):
        _, _, tokens = cache.tokens(m.start(1))
        i, j = token_index(tokens, m.start(1)), token_index(tokens, m.end(1)) - 1
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
        ci = token_index(tokens, m.start())
        p = subject_before(tokens, ci, allow_nominal=False)
        if p is not None and (p.kind == NAMED or tokens[p.last].text[:1].isupper()):
            add(p, tokens, (m.start(), m.start() + 1), (m.end() - 1, s_end))
    for m in _IN_EVIDENCE_RE.finditer(text):
        if quotes.inside(m.start()):
            continue
        s_start, s_end, tokens = cache.tokens(m.start(1))
        i, j = token_index(tokens, m.start(1)), token_index(tokens, m.end(1)) - 1
        if 0 <= i <= j < len(tokens):
            add(Phrase(i, j, NOMINAL), tokens, (m.start(), m.start() + 2), (s_start, s_end))
