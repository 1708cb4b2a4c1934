"""The subject of a cue: "Blinken said", "Park, a lawmaker, said", "he's saying".

Walks left from the cue over auxiliaries and adverbs ("has also said"), then reads
the noun phrase that ends there, with its appositive or dashed aside, or, for cues
that share the sentence's subject (", saying"), the phrase that opens the sentence.
"""

from __future__ import annotations

from index.extract.lexicon import (
    AUXILIARIES,
    BE_FORMS,
    FUNCTION_WORDS,
    SENTENCE_OPENERS,
    SOURCE_NOUNS,
    SUBJECT_PRONOUNS,
    TITLES,
    WEEKDAYS,
)
from index.extract.phrases import (
    NAMED,
    NOMINAL,
    PRONOUN,
    Phrase,
    is_cap,
    is_possessive,
    is_word,
    lower_noun,
    name_back,
    nominal_back,
    phrase_after,
    phrase_kind,
)
from index.extract.sentences import Token

PARENTHETICAL_ADVERBS = frozenset(
    "however meanwhile too though instead also moreover in particular for instance example "
    "then later again".split()
)
NEGATED_BE = frozenset("isn't aren't wasn't weren't".split())
MODALS = frozenset(
    "would could might may can should must wouldn't couldn't can't shouldn't ’d 'd".split()
)
TIME_NOUNS = frozenset(
    "week month year weekend morning afternoon evening night spring summer fall "
    "autumn winter decade".split()
)
POSTMODIFIER_PREPOSITIONS = frozenset("of by like among from in at with".split())
DASHES = frozenset("- — ― –".split())
REFLEXIVES = frozenset("itself himself herself themselves".split())
APPOSITIVE_OPENERS = frozenset(
    "a an the who whose which one another in at on during after before speaking writing "
    "asked responding".split()
)


def _contracted_pronoun(low: str) -> bool:
    """ "he'd", "they’ve", "I'm": a subject pronoun with its auxiliary attached."""
    for apostrophe in ("'", "’"):
        head, sep, _ = low.partition(apostrophe)
        if sep and head in SUBJECT_PRONOUNS:
            return True
    return False


def _skip_back_adverbials(tokens: list[Token], j: int) -> tuple[int, bool, bool]:
    """Step left over auxiliaries and adverbs between a subject and its verb.

    Returns the new index, whether a form of "be" was crossed (a passive or
    progressive hint) and whether a modal was ("would prefer").
    """
    saw_be = hedged = False
    while j >= 0:
        low = tokens[j].text.lower().replace("’", "'")
        if low in NEGATED_BE:
            saw_be = True
            j -= 1
        elif low.endswith(("'s", "'re", "'m")) and _contracted_pronoun(low):
            return j, True, hedged  # "he's saying": the pronoun is the subject
        elif j > 0 and tokens[j].text[:1].isupper() and low not in WEEKDAYS:
            break  # "Theresa May said", "Sen. Long said": a name, not "may" or "long"
        elif low in MODALS:
            hedged = True
            j -= 1
        elif low in AUXILIARIES or (
            low.endswith("ly") and tokens[j].text.islower() and len(low) > 4
        ):
            j -= 1
        elif low in BE_FORMS:
            saw_be = True
            j -= 1
        elif (
            low in TIME_NOUNS
            and j > 0
            and tokens[j - 1].text.lower() in ("this", "last", "next", "earlier", "that")
        ):
            j -= 2
        elif low[:1].isdigit() and j > 0 and tokens[j - 1].text.lower() in ("in", "since"):
            j -= 2  # "who in 2010 said"
        elif low in WEEKDAYS:
            j -= 1
            if j >= 0 and tokens[j].text.lower() in ("on", "last", "early", "late"):
                j -= 1
        elif (
            low == ","
            and j >= 2
            and tokens[j - 1].text.lower() in PARENTHETICAL_ADVERBS
            and tokens[j - 2].text in (",", "in", "for")
        ):
            j -= 2
            while j >= 0 and tokens[j].text != ",":
                j -= 1
            j -= 1
        else:
            break
    return j, saw_be, hedged


def subject_before(
    tokens: list[Token], end: int, *, allow_nominal: bool = True, progressive: bool = False
) -> Phrase | None:
    """The subject noun phrase that ends just before token index ``end`` (the cue).

    ``progressive``: the cue is an -ing form, which needs a form of "be" before it
    ("is saying"); any other cue must not have one (a passive "was told").

    ``tokens`` start at the beginning of the sentence. Returns None when the words
    before the cue are not a subject (a preposition, a passive "was told", a comma
    that does not close an appositive).
    """
    j, saw_be, hedged = _skip_back_adverbials(tokens, end - 1)
    if j < 0 or saw_be != progressive:
        return None
    p = _subject_at(tokens, j, allow_nominal)
    return p._replace(hedged=hedged) if p is not None else None


def _subject_at(tokens: list[Token], j: int, allow_nominal: bool) -> Phrase | None:
    """The subject phrase whose last token is ``j``, with "X of Y" / "X by Y" whole.

    "Mr. Morgan of the Sierra Club said", "a study by researchers shows": the
    phrase after the preposition is only a modifier of the subject.
    """
    p = _head_phrase(tokens, j, allow_nominal)
    while (
        p is not None
        and p.kind != PRONOUN
        and p.first >= 2
        and tokens[p.first - 1].text.lower() in POSTMODIFIER_PREPOSITIONS
        and is_word(tokens[p.first - 2].text)
        and tokens[p.first - 2].text.lower() not in FUNCTION_WORDS
        and tokens[p.first - 2].text.lower() not in WEEKDAYS
    ):
        outer = _head_phrase(tokens, p.first - 2, True)
        if outer is None or outer.kind == PRONOUN:
            break
        kind = NAMED if NAMED in (outer.kind, p.kind) else NOMINAL
        p = Phrase(outer.first, p.last, kind, p.hedged)
    return p


def _head_phrase(tokens: list[Token], j: int, allow_nominal: bool) -> Phrase | None:
    tok = tokens[j].text
    low = tok.lower()
    if tok == ",":
        return _appositive_subject(tokens, j)
    if tok in DASHES:
        return _dashed_subject(tokens, j)
    if low in REFLEXIVES and j > 0 and is_cap(tokens[j - 1].text):
        p = _subject_at(tokens, j - 1, allow_nominal)  # "Ford itself said"
        return p._replace(last=j) if p is not None else None
    if low in SUBJECT_PRONOUNS or _contracted_pronoun(low):
        if j > 0 and tokens[j - 1].text.lower() in ("do", "does", "did", "what"):
            return None  # a question ("Do you think") or "what he called"
        return Phrase(j, j, PRONOUN)
    if j > 0 and tokens[j - 1].text.lower() == "what":
        return None
    if tok == ")" or (is_cap(tok) and is_word(tok)):
        if tok != ")" and j == 0 and low in SENTENCE_OPENERS:
            return None
        if is_possessive(tok):
            return None
        first = name_back(tokens, j)
        if tok == ")" and first == j:
            return None
        if (
            first >= 2
            and tokens[first - 1].text in ("in", "from", "at", "of", "for")
            and tokens[first - 2].text.lower() in SOURCE_NOUNS
        ):
            first = nominal_back(tokens, first - 2)  # "opposition leaders in Seoul"
        if tok == ")" and first > 0 and lower_noun(tokens[first - 1].text):
            first = nominal_back(tokens, first - 1)
        return Phrase(first, j, phrase_kind(tokens, first, j, True))
    if allow_nominal and (tok[:1].isdigit() or tok == "%"):
        first = nominal_back(tokens, j)  # "49% say", "nine out of 10 say"
        return Phrase(first, j, NOMINAL)
    if allow_nominal and lower_noun(tok) and not is_possessive(tok):
        first = nominal_back(tokens, j)
        return Phrase(first, j, phrase_kind(tokens, first, j, True))
    return None


def _dashed_subject(tokens: list[Token], dash: int) -> Phrase | None:
    """'Kall -- co-editor of a book -- said': the name before a dashed aside."""
    k = dash - 1
    while k >= 0 and tokens[k].text not in DASHES and dash - k < 45:
        k -= 1
    while k > 0 and tokens[k - 1].text in DASHES:
        k -= 1  # "--" is two tokens
    if k < 1 or tokens[k].text not in DASHES:
        return None
    p = _subject_at(tokens, k - 1, True)
    if p is None or p.kind == PRONOUN:
        return None
    return p._replace(last=dash - 1 if tokens[dash - 1].text not in DASHES else dash - 2)


def _appositive_subject(tokens: list[Token], comma: int) -> Phrase | None:
    """'Park Sun-won, a member of a committee, said': the name plus its appositive."""
    k = comma - 1
    while k >= 0 and tokens[k].text != "," and comma - k < 45:
        if tokens[k].text in ("“", "”", '"', "''"):
            return None
        k -= 1
    if k < 1 or tokens[k].text != ",":
        return None
    while k >= 3 and tokens[k - 1].text[:1].isdigit() and tokens[k - 2].text == ",":
        k -= 2  # "Schiff, 56, who has served ..., told"
    opener = tokens[k + 1].text
    if (
        opener.lower() not in APPOSITIVE_OPENERS
        and not (opener.islower() and opener.lower() in TITLES)
        and not is_cap(opener)
        and not opener[:1].isdigit()
        and not (opener.endswith("ing") and opener.islower())
    ):
        return None
    head = tokens[k - 1].text
    if head == ")" or (is_cap(head) and is_word(head)):
        first = name_back(tokens, k - 1)
        return Phrase(first, comma - 1, NAMED)
    if lower_noun(head) and opener.lower() in ("who", "whose") or is_cap(opener):
        first = nominal_back(tokens, k - 1)
        return Phrase(first, comma - 1, phrase_kind(tokens, first, comma - 1, True))
    return None


_CLAUSE_OPENERS = frozenset("but and so yet still meanwhile however also then now".split())
_VERB_STARTERS = frozenset(
    "has have had is are was were will would did does do also has't hasn't didn't "
    "doesn't won't wouldn't can could may might should must then".split()
)


def sentence_subject(tokens: list[Token], before: int) -> Phrase | None:
    """The subject that opens the sentence, for cues that share it.

    "Trump unleashed tweets early Friday, saying ..." and "Mrs. Clinton shook her
    head and said ..." attribute to the clause's subject, found at the sentence
    start: a name, pronoun or "the/a" + noun, followed by a verb.
    """
    if tokens and tokens[0].text in ("“", '"', "‘", "'"):
        return None  # the sentence opens a quotation: its first words are the quote's
    i = 0
    while i < before and tokens[i].text.lower() in _CLAUSE_OPENERS:
        i += 1
    if (
        i < before
        and tokens[i].text.lower() in FUNCTION_WORDS
        and tokens[i].text.lower() not in ("the", "a", "an", "he", "she", "they", "we", "i", "it")
    ):
        # an opening adverbial ("On Tuesday, ...", "In a statement, ..."): skip to its comma
        k = i
        while k < before and tokens[k].text != "," and k - i < 12:
            k += 1
        if k >= before or tokens[k].text != ",":
            return None
        i = k + 1
    if i >= before:
        return None
    p = phrase_after(tokens[:before], i, open_ended=False)
    if p is None or p.last + 1 >= before:
        return None
    after = p.last + 1
    if tokens[after].text == "," and p.kind == NAMED:
        # "Huma Abedin, vice chairwoman for the campaign, emailed supporters, telling"
        k = after + 1
        while k < before and tokens[k].text != "," and k - after < 20:
            k += 1
        if k + 1 < before and tokens[k].text == ",":
            p, after = p._replace(last=k - 1), k + 1
    nxt = tokens[after].text
    if not (nxt.islower() and is_word(nxt)) or (
        nxt in FUNCTION_WORDS and nxt not in _VERB_STARTERS
    ):
        return None
    return p
