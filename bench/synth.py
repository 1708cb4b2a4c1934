"""Deterministic synthetic news articles, saved as page-text dumps like the seeds.

Each article has a headline, a byline with outlet and date, 400 to 1,200 words of body
with figures and attributed statements, and the boilerplate a copied page carries
(navigation, an appeal, a related-article teaser). Vocabulary follows a Zipf-like
curve so that there are common, middling and rare terms to search for.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

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
VERBS = ["said", "told reporters", "reported", "confirmed", "announced", "warned", "estimated"]
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
    "government officials region border talks forces week report country war city "
    "support security attack plan people military president minister agency"
).split()


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
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(random.Random(seed + 1))
        weights = [1.0 / (i + 1) ** 1.1 for i in range(len(self.vocab))]
        self.cum_weights = list(itertools.accumulate(weights))
        self.names = [f"{f} {last}" for f in FIRST for last in LAST]

    def _word(self) -> str:
        return self.rng.choices(self.vocab, cum_weights=self.cum_weights)[0]

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

    def _sentence(self) -> str:
        rng = self.rng
        filler = " ".join(
            rng.choice(COMMON) if rng.random() < 0.35 else self._word()
            for _ in range(rng.randint(6, 14))
        )
        who = rng.choice(
            [
                f"{rng.choice(TITLES)} {rng.choice(self.names)}",
                rng.choice(self.names).split()[1],
                f"according to {rng.choice(BODIES)}",
                rng.choice(BODIES).capitalize(),
            ]
        )
        shape = rng.random()
        if who.startswith("according"):
            return f"The {filler} involved {self._figure()}, {who}."
        if shape < 0.4:
            return f"{who} {rng.choice(VERBS)} that {filler} reached {self._figure()}."
        if shape < 0.7:
            return f'"The {filler} is not over," {who} {rng.choice(VERBS)}.'
        return f"The {filler} came after {self._figure()} were reported in the area."

    def article(self, number: int) -> tuple[str, str]:
        rng = self.rng
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
