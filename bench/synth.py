"""Deterministic synthetic news articles, saved as page-text dumps like the seeds.

Each article has a headline, a byline with outlet and date, 400 to 1,200 words of body
with figures and attributed statements, and the boilerplate a copied page carries
(navigation, an appeal, a related-article teaser). Its words, figures and sources come at
the rates real news has them (see :class:`Generator`), so searches and extraction cost
what they would on a real library of the same size.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

VERSION = 3
"""Bumped whenever the articles change, so cached libraries are rebuilt."""

OUTLETS = [
    "The Daily Ledger",
    "Northern Courier",
    "Global Wire",
    "The Evening Post",
    "Harbor Times",
    "Capital Report",
    "The Metro Star",
    "Continental Review",
    "Pacific Dispatch",
    "The Observer Today",
]
FIRST = [
    "Anna",
    "Mark",
    "Olena",
    "James",
    "Maria",
    "Yusuf",
    "Chen",
    "Sofia",
    "David",
    "Aisha",
    "Peter",
    "Lucia",
    "Tomas",
    "Grace",
    "Ivan",
    "Nadia",
    "Samuel",
    "Hana",
    "Omar",
    "Elena",
]
LAST = [
    "Kowalski",
    "Hodunova",
    "Brennan",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Alvarez",
    "Novak",
    "Haddad",
    "Fischer",
    "Romero",
    "Petrenko",
    "Walsh",
    "Sato",
    "Mensah",
    "Costa",
]
TITLES = [
    "Defense Minister",
    "Foreign Secretary",
    "spokesperson",
    "General",
    "Senator",
    "Ambassador",
    "Prime Minister",
    "analyst",
    "Governor",
    "intelligence chief",
]
BODIES = [
    "the Defense Ministry",
    "military intelligence",
    "the United Nations",
    "the Pentagon",
    "the central bank",
    "the European Commission",
    "the State Department",
    "NATO",
    "the health ministry",
    "the electoral commission",
]
NOUNS = [
    "troops",
    "soldiers",
    "officers",
    "refugees",
    "drones",
    "missiles",
    "tanks",
    "voters",
    "workers",
    "homes",
    "civilians",
    "vehicles",
    "artillery shells",
    "aid trucks",
]
VERBS = {
    "said": 62,
    "reported": 8,
    "told local media": 7,
    "confirmed": 6,
    "announced": 6,
    "warned": 6,
    "estimated": 4,
    "told reporters": 1,
}
"""Reporting verbs and how often news uses them: "said" in most articles, "told
reporters" in about one in twenty (as in the benchmark corpora)."""
ENDINGS = {
    "is not over": 10,
    "will take time": 6,
    "cannot go on like this": 4,
    "has changed everything": 3,
    "was expected": 3,
    "must stop now": 2,
}
"""How quoted statements end."""
QUALIFIERS = ["about", "nearly", "up to", "at least", "as many as", "around", "some", "more than"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
COMMON = (
    "people president week country support government security report city war "
    "officials plan attack agency talks military border forces region minister"
).split()
"""News words in the order of how many articles use them: the first in about half, the
last in about 5% (document frequencies measured on the public benchmark corpora)."""
FUNCTION = (
    "was has said who but his they their had been more after over about one two new also "
    "would which there than what all up out some were its year first while into last "
    "because could other time since only now before three her she he"
).split()
"""Frequent words that Whoosh does not drop as stop words."""
TOPICS = 60
"""Articles follow one of this many stories, each with its own run of words."""


def _vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    syllables = [
        "ka",
        "lo",
        "mir",
        "ten",
        "vos",
        "dra",
        "pel",
        "un",
        "sar",
        "ik",
        "bor",
        "zan",
        "ter",
        "os",
        "gra",
        "vin",
        "mel",
        "tu",
        "rak",
        "shi",
        "nov",
        "ost",
        "ev",
        "ar",
    ]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


class Generator:
    """Articles whose statistics follow real news rather than a template.

    Calibrated on ``../shared/bench/cleaning`` and ``../shared/bench/sources``: about
    15 figures and 15 attributed statements per 1,000 words (real: 9 to 23 and 11 to 21),
    common news words in 5% to 50% of articles, frequent function words in most, and
    each article's own words drawn from its story's vocabulary and a Zipf-like tail.
    """

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(random.Random(seed + 1))
        weights = [1.0 / (i + 1) ** 1.1 for i in range(len(self.vocab))]
        self.cum_weights = list(itertools.accumulate(weights))
        self.names = [f"{f} {last}" for f in FIRST for last in LAST]
        topic_rng = random.Random(seed + 2)
        self.topics = [topic_rng.sample(self.vocab[:6000], 120) for _ in range(TOPICS)]
        self.function_weights = list(
            itertools.accumulate(1.0 / (i + 1) ** 0.8 for i in range(len(FUNCTION)))
        )
        self._story: list[str] = []
        self._news: list[str] = []

    def _pick(self, weighted: dict[str, int]) -> str:
        return self.rng.choices(list(weighted), weights=list(weighted.values()))[0]

    def _word(self) -> str:
        return self.rng.choices(self.vocab, cum_weights=self.cum_weights)[0]

    def _filler_word(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            return rng.choices(FUNCTION, cum_weights=self.function_weights)[0]
        if roll < 0.38 and self._news:
            return rng.choice(self._news)
        if roll < 0.75:
            return self._story[min(int(rng.expovariate(1 / 25)), len(self._story) - 1)]
        return self._word()

    def _figure(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.5:
            return f"{rng.choice(QUALIFIERS)} {rng.randint(2, 300) * 100:,} {rng.choice(NOUNS)}"
        if kind < 0.7:
            return f"${rng.randint(1, 90)} {rng.choice(['million', 'billion'])}"
        if kind < 0.85:
            return f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%"
        return f"{rng.choice(['two', 'three', 'five', 'dozens of', 'thousands of'])} {rng.choice(NOUNS)}"

    def _filler(self, low: int, high: int) -> str:
        return " ".join(self._filler_word() for _ in range(self.rng.randint(low, high)))

    def _sentence(self) -> str:
        rng = self.rng
        who = rng.choice(
            [
                f"{rng.choice(TITLES)} {rng.choice(self.names)}",
                rng.choice(self.names).split()[1],
                f"according to {rng.choice(BODIES)}",
                rng.choice(BODIES).capitalize(),
            ]
        )
        shape = rng.random()
        if shape < 0.09:
            return f"{who.capitalize()} {self._pick(VERBS)} that the {self._filler(6, 14)} reached {self._figure()}."
        if shape < 0.17:
            return f'"The {self._filler(8, 18)} {self._pick(ENDINGS)}," {who} {self._pick(VERBS)}.'
        if shape < 0.26:
            return f"The {self._filler(8, 18)} came after {self._figure()} were reported in the {self._filler(2, 5)}."
        return f"The {self._filler(10, 26)}."

    def article(self, number: int) -> tuple[str, str]:
        rng = self.rng
        self._story = self.topics[rng.randrange(TOPICS)]
        self._news = [w for i, w in enumerate(COMMON) if rng.random() < 0.55 / (1 + 0.45 * i)]
        outlet = rng.choice(OUTLETS)
        when = datetime(2023, 1, 1) + timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
        author = rng.choice(self.names)
        headline = f"{self._figure().capitalize()} {rng.choice(['reported in', 'moved to', 'seen near'])} {self._word().capitalize()}, {rng.choice(self.names).split()[1]} says"
        target = rng.randint(400, 1200)
        paragraphs: list[str] = []
        words = 0
        while words < target:
            para = " ".join(self._sentence() for _ in range(rng.randint(2, 4)))
            paragraphs.append(para)
            words += len(para.split())
        hour = when.hour % 12 or 12
        stamp = f"{MONTHS[when.month - 1]} {when.day}, {when.year} {hour}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"
        lines = [
            "Skip to content",
            "Home  World  Politics  Business  Opinion",
            f"Support {outlet}: become a member today.",
            "",
            headline,
            "",
            f"by {author} {stamp} 3 min read",
            "",
            *[p + "\n" for p in paragraphs],
            f"{self._word().capitalize()} {self._word()} as {rng.choice(NOUNS)} return home",
            f"The {self._word()} {self._word()} {self._word()} of the region has been the focus of the…",
            "",
            "Subscribe to our newsletter",
            "Enter your email",
            f"© {when.year} {outlet}. All rights reserved.",
        ]
        return f"{number:06d}.txt", "\n".join(lines) + "\n"

    def articles(self, count: int) -> Iterator[tuple[str, str]]:
        for number in range(count):
            yield self.article(number)


def write_corpus(folder: Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` articles into ``folder`` (kept if already complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{count}-{seed}"
    if marker.exists():
        return folder
    for name, text in Generator(seed).articles(count):
        (folder / name).write_text(text)
    marker.write_text("ok")
    return folder
