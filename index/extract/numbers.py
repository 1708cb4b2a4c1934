"""Turn written quantities into numbers: "8,000", "1.5bn", "twenty-five", "thousands"."""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "mln": 1e6, "bln": 1e9,
}  # fmt: skip
VAGUE = {
    "dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
    "tens of thousands": 1e4, "hundreds of thousands": 1e5, "millions": 1e6,
    "tens of millions": 1e7, "hundreds of millions": 1e8, "billions": 1e9,
    "tens of billions": 1e10, "hundreds of billions": 1e11, "trillions": 1e12,
}  # fmt: skip
"""Plural quantity words, valued at the smallest amount they can mean."""

CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₴": "UAH",
    "₽": "RUB",
}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yen": "JPY", "hryvnias": "UAH", "hryvnia": "UAH", "rubles": "RUB", "roubles": "RUB",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "uah": "UAH", "rub": "RUB",
}  # fmt: skip


def parse_digits(text: str) -> float:
    """ "8,000" -> 8000.0, "2.5" -> 2.5."""
    return float(text.replace(",", ""))


def parse_words(text: str) -> float | None:
    """Value of a spelled-out number: "three", "twenty-five", "two hundred", "a dozen"."""
    total = 0.0
    current = 0.0
    seen = False
    for word in text.lower().replace("-", " ").split():
        if word in ("a", "an", "and"):
            if word != "and":
                current = current or 1
            continue
        if word == "dozen":
            current = (current or 1) * 12
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def scale_of(word: str | None) -> float:
    """Multiplier of "million", "bn", "k"; 1 when there is none."""
    if not word:
        return 1.0
    return SCALES.get(word.lower(), 1.0)
