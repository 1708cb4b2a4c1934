"""Which named source "he", "she", "who" or "it" refers to."""

from __future__ import annotations

BODY_PRONOUNS = frozenset("it its which".split())
_MALE = frozenset("he him his himself".split())
_FEMALE = frozenset("she her hers herself".split())


class PronounResolver:
    """Resolves "he", "she", "who", "it" to the last source they can refer to.

    A pronoun takes the most recent person named as a source. Once "he" has
    resolved to someone, "she" skips that person (and the other way round), and
    when two compatible people were named in that same sentence the pronoun stays
    unresolved (""), because the text alone does not say which one is meant.
    """

    def __init__(self) -> None:
        self._persons: list[tuple[str, int]] = []  # canonical name, sentence index
        self._gender: dict[str, str] = {}
        self._last_body = ""

    def saw_person(self, name: str, sentence: int) -> None:
        self._persons.append((name, sentence))

    def saw_body(self, name: str) -> None:
        self._last_body = name

    def resolve(self, pronoun: str) -> str:
        low = pronoun.lower()
        if low in BODY_PRONOUNS:
            return self._last_body
        gender = "m" if low in _MALE else "f" if low in _FEMALE else None
        if gender is None and low != "who":
            return ""
        compatible = [
            (name, sentence)
            for name, sentence in reversed(self._persons)
            if gender is None or self._gender.get(name, gender) == gender
        ]
        if not compatible:
            return ""
        name, sentence = compatible[0]
        if any(n != name and s == sentence for n, s in compatible[1:4]):
            return ""  # "Austin and Blinken spoke. He said ...": which one?
        if gender is not None:
            self._gender[name] = gender
        return name
