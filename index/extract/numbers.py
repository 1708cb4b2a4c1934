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
    "$": "USD", "us$": "USD", "usd$": "USD", "c$": "CAD", "ca$": "CAD", "cad$": "CAD",
    "a$": "AUD", "au$": "AUD", "aud$": "AUD", "nz$": "NZD", "nzd$": "NZD", "hk$": "HKD",
    "hkd$": "HKD", "s$": "SGD", "sg$": "SGD", "sgd$": "SGD", "r$": "BRL", "mx$": "MXN",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR", "₩": "KRW",
    "₪": "ILS", "₺": "TRY", "₦": "NGN", "rs": "INR", "rs.": "INR",
}  # fmt: skip
"""Symbols before an amount, in lower case; "$" alone is the U.S. dollar, as in news."""
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "us dollar": "USD",
    "u.s. dollars": "USD", "american dollars": "USD", "canadian dollars": "CAD",
    "canadian dollar": "CAD", "australian dollars": "AUD", "australian dollar": "AUD",
    "new zealand dollars": "NZD", "hong kong dollars": "HKD", "hong kong dollar": "HKD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "euros": "EUR", "euro": "EUR",
    "pounds": "GBP", "pound": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "yen": "JPY", "japanese yen": "JPY", "yuan": "CNY", "chinese yuan": "CNY",
    "renminbi": "CNY", "rmb": "CNY", "hryvnias": "UAH", "hryvnia": "UAH", "rubles": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "francs": "CHF", "franc": "CHF",
    "swiss francs": "CHF", "swiss franc": "CHF", "rupees": "INR", "rupee": "INR",
    "indian rupees": "INR", "pakistani rupees": "PKR", "pesos": "MXN", "mexican pesos": "MXN",
    "korean won": "KRW", "lira": "TRY", "liras": "TRY", "rand": "ZAR", "ringgit": "MYR",
    "baht": "THB", "zlotys": "PLN", "zloty": "PLN", "kronor": "SEK", "krona": "SEK",
    "kroner": "NOK", "krone": "NOK", "riyals": "SAR", "dirhams": "AED", "shekels": "ILS",
    "naira": "NGN", "reais": "BRL", "real": "BRL",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "uah": "UAH", "rub": "RUB", "cny": "CNY",
    "jpy": "JPY", "chf": "CHF", "cad": "CAD", "aud": "AUD", "inr": "INR", "hkd": "HKD",
}  # fmt: skip
"""Currency names after an amount, in lower case, with their ISO 4217 codes."""
MEASURE_UNITS = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "mile", "mile": "mile", "mph": "mph", "km/h": "km/h", "kph": "km/h",
    "meters": "m", "metres": "m", "meter": "m", "metre": "m", "cm": "cm", "mm": "mm",
    "centimeters": "cm", "centimetres": "cm", "feet": "ft", "foot": "ft", "ft": "ft",
    "inches": "inch", "inch": "inch", "yards": "yard", "yard": "yard",
    "kg": "kg", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "lbs": "lb", "lb": "lb",
    "grams": "g", "gram": "g", "mg": "mg", "tonnes": "tonne", "tonne": "tonne",
    "tons": "ton", "ton": "ton", "ounces": "oz", "oz": "oz",
    "liters": "liter", "litres": "liter", "liter": "liter", "litre": "liter", "l": "liter",
    "ml": "ml", "gallons": "gallon", "gallon": "gallon", "barrels": "barrel",
    "horsepower": "horsepower", "hp": "horsepower", "mpg": "mpg",
    "miles per gallon": "mpg", "hectares": "hectare", "hectare": "hectare",
    "acres": "acre", "acre": "acre", "square miles": "sq mile",
    "square kilometers": "km2", "square kilometres": "km2", "sq km": "km2",
    "degrees": "degree", "°c": "°C", "°f": "°F", "kw": "kW", "mw": "MW", "gw": "GW",
    "kwh": "kWh", "watts": "W", "volts": "V", "gb": "GB", "mb": "MB", "tb": "TB",
    "megapixels": "megapixel", "ghz": "GHz", "mhz": "MHz",
}  # fmt: skip
"""Units of measure after a number, in lower case, with the unit name reported."""
TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries".split()
)


def parse_digits(text: str) -> float:
    """ "8,000" -> 8000.0, "10 000" -> 10000.0, "2.5" -> 2.5."""
    return float("".join(c for c in text if c not in ", \xa0\u202f"))


ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth "
    "thousandth millionth billionth trillionth".split()
)
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FRACTIONS = {"half": 0.5, "quarter": 0.25}


def parse_words(text: str) -> float | None:
    """Value of a spelled-out number, or None when the words are not one number.

    "three", "twenty-five", "two hundred and fifty", "a dozen", "five and a half million",
    "half a million", "a quarter million". Words that read as a clock or a year rather
    than one number ("three thirty", "nineteen eighty six") or that end in an ordinal
    ("two hundredth") give None: English never says a quantity that way.
    """
    words = text.lower().replace("-", " ").split()
    total = 0.0  # the part already multiplied by a big scale
    current = 0.0  # the part below the next big scale
    fraction = 0.0  # "and a half", "half a", "a quarter"
    last = ""  # the kind of the previous word
    last_big = float("inf")
    seen = False
    for i, word in enumerate(words):
        if word in ("a", "an"):
            last = "a"
            continue
        if word == "and":
            if last not in ("hundred", "big", "unit", "teen", "tens"):
                return None
            last = "and"
            continue
        if word in _FRACTIONS:
            if last == "and" or (last == "a" and i > 1):  # "one and a half", "five and a half"
                fraction = _FRACTIONS[word]
            elif not seen:  # "half a million", "a quarter million"
                fraction = _FRACTIONS[word]
                current = 0.0
            else:
                return None
            last = "fraction"
            seen = True
            continue
        if word in ORDINAL_WORDS:
            return None
        small = current % 100
        if word in UNITS and UNITS[word] < 10 and word != "zero":
            if last in ("unit", "teen") or (last == "tens" and small % 10):
                return None  # "three four", "twelve three"
            current += UNITS[word]
            last = "unit"
        elif word in UNITS:  # ten to nineteen
            if last in ("unit", "teen", "tens") or small:
                return None  # "nineteen eighty", "twenty twelve"
            current += UNITS[word]
            last = "teen"
        elif word in TENS:
            if last in ("unit", "teen", "tens") or small:
                return None  # "three thirty", "nineteen eighty six"
            current += TENS[word]
            last = "tens"
        elif word == "hundred":
            if current >= 100 or last == "hundred":
                return None
            current = (current or 1) * 100
            last = "hundred"
        elif word == "dozen":
            current = (current or 1) * 12
            last = "unit"
        elif word in _BIG:
            scale = _BIG[word]
            if scale >= last_big:
                return None  # "a thousand million" is 1e9 only in old British usage
            total += ((current or (0 if fraction else 1)) + fraction) * scale
            current, fraction, last_big = 0.0, 0.0, scale
            last = "big"
        else:
            return None
        seen = True
    if not seen or last in ("and", "a"):
        return None
    return total + current + fraction


def scale_of(word: str | None) -> float:
    """Multiplier of "million", "bn", "k"; 1 when there is none."""
    if not word:
        return 1.0
    return SCALES.get(word.lower(), 1.0)
