"""One canonical name per person or body in an article.

"U.S. Secretary of State Antony Blinken", "Blinken" and "Mr. Blinken" are one source,
"Antony Blinken" with the descriptor "U.S. Secretary of State"; "HUR" is the body
that "Ukraine's military intelligence (HUR)" introduced. Pronouns take the last person
(or body) named as a source (see :mod:`index.extract.pronouns`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.extract.lexicon import ABBREVIATIONS, FUNCTION_WORDS, TITLES

_WORD_RE = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[\w’'.-]+|[^\w\s]")
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. messrs.".split())
_TITLE_WORDS = TITLES | frozenset(
    """
    secretary-general sen. rep. gov. gen. lt. col. sgt. capt. maj. adm. cmdr. prof. rev.
    dr. mr. mrs. ms. pres. atty. supt. gens. reps. sens. u.s. us uk u.k. eu
    """.split()
)
_ORG_WORDS = frozenset(
    """
    times journal post news agency council ministry house department institute university
    party committee group corp corp. inc inc. bank office service court command forces army
    navy intelligence press network association union federation foundation center centre
    commission board company administration government campaign organization league
    coalition fund project magazine daily herald tribune radio television tv cnn insider
    independent pentagon kremlin
    """.split()
)
_FULL_NAME_RE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z]\.)?) (?=([A-Z][a-z]+)\b)")
_PARTY_RE = re.compile(r"\s*\(((?:[DRI]|Ind|Dem|Rep)(?:-[A-Z][A-Za-z.]*)?|[A-Z][a-z]{1,4}\.)\)")
_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z.&-]{1,9})\)")


@dataclass(slots=True)
class NameParts:
    """A source span split into its name and what describes it."""

    name: str
    descriptor: str | None
    person: bool
    aliases: list[str] = field(default_factory=list)


def _is_name_word(word: str) -> bool:
    low = word.lower()
    if low.rstrip(".") in ABBREVIATIONS or any(part in _TITLE_WORDS for part in low.split("-")):
        return False  # "Md.", "Secretary-Treasurer"
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True  # an initial: "Lisa M. Madigan"
    return (
        word[:1].isupper()
        and low not in _TITLE_WORDS
        and low.rstrip(".") not in _TITLE_WORDS
        and not (len(word) > 1 and word.replace(".", "").isupper() and len(word) < 6)
    )


def split_name(span: str) -> NameParts:
    """Split "U.S. Secretary of State Antony Blinken" into name and descriptor."""
    party = _PARTY_RE.search(span)
    if party:  # "Rep. John Mica (R-Fla.)": the party tag describes, it does not name
        inner = split_name(span[: party.start()] + span[party.end() :])
        tag = party.group(1)
        tagged = f"{inner.descriptor} ({tag})" if inner.descriptor else f"({tag})"
        return NameParts(inner.name, tagged, True, inner.aliases)
    before_by, by, agent = span.partition(" by ")
    if by and agent[:1].isalpha() and "," not in before_by:
        return split_name(agent)  # "An analysis by the Conflict Armament Research group"
    owner, of, org = span.partition(" of ")
    if of and "," not in owner and org[:1].isalpha():
        inner = split_name(owner)
        if inner.person:  # "Mr. Morgan of the Sierra Club"
            of_org = f"{inner.descriptor} of {org}" if inner.descriptor else f"of {org}"
            return NameParts(inner.name, of_org, True)
    head, _, rest = span.partition(",")
    appositive = rest.strip(" ,") or None
    if appositive and head[:1].islower() or head.lower().startswith(("the ", "a ", "an ")):
        if appositive and _looks_like_full_name(appositive):
            # "a lawyer for the news outlets, David Schulz": the name comes second
            return NameParts(appositive, head.strip(), True)
    if appositive and not _describes(appositive):
        appositive = None  # "who said there were ...", "appearing after Clinton": no descriptor
    head = head.strip()
    words = _WORD_RE.findall(head)
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    aliases: list[str] = []
    if not words:
        return NameParts(span.strip(), None, False)
    if words[-1] == ")":
        acronym = _ACRONYM_RE.search(head)
        name = _join(words)
        if acronym:
            aliases.append(acronym.group(1))
            aliases.append(_join(words[: words.index("(")]))
        return NameParts(name, appositive, False, aliases)
    run = len(words)
    while run > 0 and (_is_name_word(words[run - 1]) or words[run - 1] in ("-",)):
        run -= 1
    # keep a connector-joined name whole ("Bank of America", "Wall Street Journal")
    name_words = words[run:]
    before = words[:run]
    if not name_words:
        whole = _join(words)
        return NameParts(whole, appositive, False)
    if before and before[-1].lower() in ("in", "from", "at", "of", "for", "and", "&"):
        return NameParts(_join(words), appositive, False)  # "opposition leaders in Seoul"
    if before and not any(
        w.lower().rstrip(".") in _TITLE_WORDS or w.lower() in _TITLE_WORDS for w in before
    ):
        if before[-1].lower() in ("of", "for", "and", "&") or before[-1][:1].isupper():
            return NameParts(_join(words), appositive, False)
    if any(w.lower() in _ORG_WORDS for w in name_words):
        return NameParts(_join(words), appositive, False)  # "Russian Defense Ministry"
    descriptor_words = [w for w in before if w.lower() not in _HONORIFICS]
    descriptor = _join(descriptor_words) or None
    if appositive:
        descriptor = f"{descriptor}, {appositive}" if descriptor else appositive
    person = bool(before or appositive or len(name_words) >= 2) and not any(
        w.lower() in _ORG_WORDS for w in name_words
    )
    if len(name_words) == 1 and name_words[0].isupper():
        person = False
    return NameParts(_join(name_words), descriptor, person, aliases)


def _looks_like_full_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(_is_name_word(w) for w in words)


def _describes(appositive: str) -> bool:
    """Whether an appositive says who someone is ("a member of ...", "Sanders' manager")."""
    first = appositive.split()[0].lower()
    return not (
        first in ("who", "whose", "which", "that", "in", "at", "on", "during", "after", "before")
        or first.endswith("ing")
    )


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if not out or w in (")", ",", ".", "’s", "'s") or out.endswith(("(", "-")) or w == "-":
            out += w
        else:
            out += " " + w
    return out


@dataclass(slots=True)
class Entity:
    name: str
    descriptor: str | None
    person: bool
    keys: set[str] = field(default_factory=set)


class NameBook:
    """The sources of one article, so that each mention gets the canonical name."""

    def __init__(self, text: str = "") -> None:
        self.entities: list[Entity] = []
        self.text = text
        self._first_names: dict[str, set[str]] | None = None

    def full_name(self, surname: str) -> str | None:
        """ "John Kirby" when the text writes "Kirby" with one first name before it."""
        if self._first_names is None:
            self._first_names = {}
            for m in _FULL_NAME_RE.finditer(self.text):
                first = m.group(1)
                low = first.lower()
                if low in _TITLE_WORDS or low.rstrip(".") in _TITLE_WORDS or low in FUNCTION_WORDS:
                    continue
                self._first_names.setdefault(m.group(2), set()).add(first)
        found = self._first_names.get(surname, set())
        if len(found) == 1:
            return f"{next(iter(found))} {surname}"
        return None

    def register(self, parts: NameParts) -> None:
        """Learn a full name ("Antony Blinken") before short mentions are resolved."""
        known = self.resolve(parts)
        if known is not None:
            if known.descriptor is None:
                known.descriptor = parts.descriptor
            return
        if len(parts.name.split()) < 2 and not parts.aliases and not parts.person:
            return
        ent = Entity(parts.name, parts.descriptor, parts.person)
        ent.keys.add(parts.name.lower())
        for alias in parts.aliases:
            if alias:
                ent.keys.add(alias.lower())
        self.entities.append(ent)

    def _find_exact(self, name: str) -> Entity | None:
        low = name.lower()
        for ent in self.entities:
            if low in ent.keys:
                return ent
        return None

    def resolve(self, parts: NameParts) -> Entity | None:
        """The entity a mention refers to, or None when it is new or ambiguous."""
        ent = self._find_exact(parts.name)
        if ent is not None:
            return ent
        words = [w.lower() for w in parts.name.replace("’s", "").replace("'s", "").split()]
        if not words:
            return None
        if len(words) == 1:
            hits = [e for e in self.entities if e.person and words[0] in e.name.lower().split()]
            if len(hits) == 1:
                return hits[0]
            hits = [e for e in hits if e.name.lower().split()[-1] == words[0]]
            return hits[0] if len(hits) == 1 else None
        # "the NATO secretary general" for "NATO Secretary General Mark Rutte"
        phrase = " ".join(w for w in words if w not in FUNCTION_WORDS)
        if phrase:
            hits = [
                e
                for e in self.entities
                if e.person and e.descriptor and e.descriptor.lower().endswith(phrase)
            ]
            if len(hits) == 1:
                return hits[0]
        return None
