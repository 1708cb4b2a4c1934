"""Noun phrases as token spans: names walked back from their last word, common-noun
phrases, the phrase after "according to" or an inverted "said", and their kind.

The walks stop at the first word that cannot belong to a noun phrase. They know
English word classes (titles, determiners, function words, capitalization), never
particular names.
"""

from __future__ import annotations

from typing import NamedTuple

from index.extract.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    SENTENCE_OPENERS,
    SUBJECT_PRONOUNS,
    TITLES,
    WEEKDAYS,
)
from index.extract.sentences import Token

NAMED = "named"
NOMINAL = "nominal"
PRONOUN = "pronoun"

NAME_CONNECTORS = frozenset("of the for and de la le van von der den al bin del da du & on".split())
"""Lowercase words that may join the capitalized words of one name."""

ARTICLES = frozenset("the a an".split())
QUANTIFIERS = frozenset("one some many most none all each both several few two three".split())
CLOSING_QUOTES = frozenset("\"”’'")
FINITE_VERBS = frozenset(
    "is are was were has have had will would could can may might should must do does did "
    "said says".split()
)


class Phrase(NamedTuple):
    """Token indexes [first, last] of a phrase, and its kind."""

    first: int
    last: int
    kind: str
    hedged: bool = False
    """A modal stands between subject and cue ("might seek", "would prefer")."""


def is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def is_word(tok: str) -> bool:
    return tok[:1].isalnum()


def is_possessive(tok: str) -> bool:
    return tok.endswith(("'s", "’s")) and len(tok) > 2


def lower_noun(tok: str) -> bool:
    """A lowercase word that can be part of a noun phrase."""
    return tok[:1].islower() and tok.lower() not in FUNCTION_WORDS


def name_back(tokens: list[Token], j: int) -> int:
    """First index of the name ending at token ``j`` (a capitalized word or ')')."""
    first = j
    k = j - 1
    if tokens[j].text == ")":
        k = j
    while k >= 0:
        tok = tokens[k].text
        low = tok.lower()
        if tok == ")":
            m = k - 1
            while m >= 0 and tokens[m].text != "(" and k - m < 8:
                m -= 1
            if m < 0 or tokens[m].text != "(":
                break
            first = k = m
            k -= 1
            continue
        if is_cap(tok) and is_word(tok):
            if k == 0 and low in SENTENCE_OPENERS:
                break
            first = k
            k -= 1
            continue
        if low in ARTICLES:
            first = k
            break
        if low in TITLES and tok.islower():
            first = k
            k -= 1
            continue
        if low in NAME_CONNECTORS and k > 0 and is_cap(tokens[k - 1].text):
            k -= 1
            continue
        if tok == "-" and k > 0 and is_word(tokens[k - 1].text):
            k -= 1
            continue
        break
    return first


def name_follows(tokens: list[Token], k: int) -> bool:
    """A capitalized word comes within four words ("top policy aide Jake Sullivan")."""
    for u in tokens[k : k + 4]:
        if not is_word(u.text):
            return False
        if is_cap(u.text):
            return True
    return False


def nominal_back(tokens: list[Token], j: int) -> int:
    """First index of the common-noun phrase whose head is token ``j``."""
    first = j
    k = j - 1
    while k >= 0 and j - k < 9:
        tok = tokens[k].text
        low = tok.lower()
        if low == "that":
            break
        if low in DETERMINERS:
            first = k
            if low in QUANTIFIERS or low in ("all", "both"):
                k -= 1
                continue
            break
        if low in QUANTIFIERS:
            first = k
            break
        if is_cap(tok) and is_word(tok):
            if k == 0 and low in SENTENCE_OPENERS:
                break
            first = k
            k -= 1
            continue
        if tok[:1].isdigit() or tok in ("-", "%") or lower_noun(tok):
            first = k
            k -= 1
            continue
        if (
            low == "of"
            and k > 0
            and (tokens[k - 1].text.lower() in QUANTIFIERS or lower_noun(tokens[k - 1].text))
        ):
            k -= 1
            continue
        break
    return first


def phrase_kind(tokens: list[Token], first: int, last: int, sentence_initial: bool) -> str:
    """ "named" when the phrase has a name token, as the benchmark's annotators judged it.

    A name that only modifies a common noun ("Ukrainian officials", "a U.S. official")
    does not make the phrase named unless "the", "this" or a possessive comes first
    ("the Clinton campaign").
    """
    head_at = last
    for k in range(first + 1, last):
        if tokens[k].text == ",":  # "Patrick McGinley, a law professor": head before the comma
            head_at = k - 1
            break
    head = tokens[head_at].text
    if head[:1].islower():
        opener = tokens[first].text.lower()
        if opener not in ("the", "this") and not any(
            is_possessive(tokens[k].text) for k in range(first, last)
        ):
            return NOMINAL
    for k in range(first, last + 1):
        tok = tokens[k].text
        if not is_word(tok):
            continue
        low = tok.lower()
        if sum(c.isupper() for c in tok) >= 2:
            return NAMED
        if is_cap(tok) and low not in TITLES and low not in FUNCTION_WORDS:
            if k == 0 and sentence_initial and not is_possessive(tok):
                continue
            return NAMED
    return NOMINAL


def phrase_after(tokens: list[Token], start: int, *, open_ended: bool) -> Phrase | None:
    """The noun phrase that begins at token ``start``, after an inverted cue.

    ``open_ended`` (after "according to", "citing") lets the phrase take common nouns
    and prepositional modifiers; after an inverted verb ("said Smith") it must be a
    name, a pronoun or "the/a" + noun.
    """
    n = len(tokens)
    i = start
    while i < n and tokens[i].text.lower() in WEEKDAYS:
        i += 1
    if i >= n:
        return None
    tok = tokens[i].text
    low = tok.lower()
    if low in SUBJECT_PRONOUNS and low not in ("this", "these", "those", "which", "who"):
        return Phrase(i, i, PRONOUN)
    leads_to_name = any(is_cap(t.text) for t in tokens[i + 1 : i + 4])
    if not (
        is_word(tok)
        and (is_cap(tok) or low in DETERMINERS or low in TITLES or open_ended or leads_to_name)
    ):
        return None
    if low in FUNCTION_WORDS and low not in DETERMINERS and low not in QUANTIFIERS:
        return None
    last = i
    k = i
    limit = i + (12 if open_ended else 8)
    while k < n and k < limit:
        t = tokens[k].text
        tl = t.lower()
        if t == "(":
            m = k + 1
            while m < n and tokens[m].text != ")" and m - k < 8:
                m += 1
            if m < n and tokens[m].text == ")":
                last = k = m
                k += 1
                continue
            break
        if is_word(t) and (
            is_cap(t)
            or t[:1].isdigit()
            or (k == i and (tl in DETERMINERS or tl in QUANTIFIERS))
            or tl in TITLES
            or (lower_noun(t) and name_follows(tokens, k + 1))
            or (lower_noun(t) and k > i and is_possessive(tokens[k - 1].text))
            or (
                (open_ended or low in DETERMINERS or low in QUANTIFIERS)
                and lower_noun(t)
                and not t.endswith("ed")
            )
        ):
            last = k
            k += 1
            continue
        if tl in NAME_CONNECTORS and k + 1 < n and is_cap(tokens[k + 1].text):
            k += 1
            continue
        if open_ended and tl in ("of", "by", "from", "at", "with", "in", "for") and k + 1 < n:
            k += 1
            continue
        if t == "-" and k + 1 < n and is_word(tokens[k + 1].text):
            k += 1
            continue
        break
    if open_ended:
        while last > i and tokens[last].text.lower() in FUNCTION_WORDS:
            last -= 1
    if last == i and tokens[i].text.lower() in DETERMINERS:
        return None  # 'say the "sharing economy"': a determiner alone names nobody
    # An appositive after the name: ", a law professor at West Virginia University".
    if (
        last + 2 < n
        and tokens[last + 1].text == ","
        and tokens[last + 2].text.lower() in ("a", "an", "the", "who")
    ):
        m = last + 2
        while m + 1 < n and tokens[m + 1].text not in (",", ";", ":", '"', "”", "“"):
            m += 1
        if tokens[m].text == ".":
            m -= 1
        # "According to Zelensky, the first troops were deployed": a clause, not an appositive.
        if tokens[last + 2].text.lower() == "who" or not any(
            t.text.lower() in FINITE_VERBS for t in tokens[last + 2 : m + 1]
        ):
            last = m
    return Phrase(i, last, phrase_kind(tokens, i, last, False))
