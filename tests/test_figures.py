"""Figure extraction, shape by shape: each case is written from how English states a
quantity (or a thing that looks like one and is not), not taken from a test suite."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import SEEDS

from index.extract import extract
from index.extract.figures import find_figures
from index.library import Library
from index.model import Figure


def one(text: str) -> Figure:
    figures = extract(text).figures
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Two hundred and fifty people were moved.", 250),
        ("Twenty five soldiers died.", 25),
        ("twenty-one trillion won", 21e12),
        ("They bought a dozen drones.", 12),
        ("one hundred and sixty-one delegates", 161),
        ("five and a half million residents", 5.5e6),
        ("one and a half million refugees", 1.5e6),
        ("half a million people fled", 5e5),
        ("a quarter million voters", 2.5e5),
        ("ninety-nine thousand nine hundred homes", 99_900),
    ],
)
def test_spelled_out_numbers_are_one_figure_each(text: str, value: float) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The fund holds 10 bln dollars.", 1e10, "USD"),
        ("a $22bn package", 2.2e10, "USD"),
        ("3.5m people voted", 3.5e6, None),
        ("debts of $1.2tn", 1.2e12, "USD"),
        ("a $300-million contract", 3e8, "USD"),
        ("it pays a 12-cent dividend", 12, "USD"),
        ("fined 10 000 dollars", 10_000, "USD"),
    ],
)
def test_abbreviated_and_hyphenated_amounts(text: str, value: float, unit: str | None) -> None:
    figure = one(text)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "sense", "words"),
    [
        ("no more than 3,000 troops", "at most", "no more than"),
        ("up to 6,000 personnel", "at most", "up to"),
        ("as many as 8,000 troops", "at most", "as many as"),
        ("3,000 troops or fewer", "at most", "or fewer"),
        ("no less than 500 officers", "at least", "no less than"),
        ("a minimum of 20 tanks", "at least", "a minimum of"),
        ("500 officers or more", "at least", "or more"),
        ("at least 10,000 troops", "at least", "at least"),
        ("over 100 drones", "more than", "over"),
        ("greater than 50 votes", "more than", "greater than"),
        ("losses exceeding 150 tanks", "more than", "exceeding"),
        ("in excess of 200 sorties", "more than", "in excess of"),
        ("under 100 votes", "less than", "under"),
        ("fewer than 40 seats", "less than", "fewer than"),
        ("below 30 percent", "less than", "below"),
        ("nearly 3,000 soldiers", "about", "nearly"),
        ("Some 8,000 troops", "about", "some"),
        ("only 12 ships", None, "only"),
    ],
)
def test_qualifiers_carry_their_sense_beside_their_words(
    text: str, sense: str | None, words: str
) -> None:
    figure = one(text)
    assert (figure.qualifier, figure.qualifier_text) == (sense, words)


@pytest.mark.parametrize(
    "text",
    ["3,000 to 5,000 troops", "3,000-5,000 troops", "between 3,000 and 5,000 troops",
     "from 3,000 to 5,000 troops"],
)  # fmt: skip
def test_ranges_keep_both_ends(text: str) -> None:
    figure = one(text)
    assert (figure.value, figure.high, figure.qualifier) == (3000, 5000, "between")
    assert figure.counted == "troops"


def test_two_numbers_joined_by_and_are_two_figures_unless_between() -> None:
    figures = extract("Doctors saw 45 and 50 cases.").figures
    assert [(f.value, f.high) for f in figures] == [(45, None), (50, None)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("C$5 million", "CAD"), ("c $ 16.4 million", "CAD"), ("HK$10 billion", "HKD"),
        ("A$3 million", "AUD"), ("US$40", "USD"), ("NZ$15", "NZD"), ("£5 million", "GBP"),
        ("€7 billion", "EUR"), ("¥100 billion", "JPY"), ("₹500 crore", "INR"),
        ("100 billion yuan", "CNY"), ("10,000 Swiss francs", "CHF"),
        ("1,000 rupees", "INR"), ("500 Canadian dollars", "CAD"), ("20 euros", "EUR"),
    ],
)  # fmt: skip
def test_money_has_its_iso_code(text: str, unit: str) -> None:
    figure = one(text)
    assert (figure.kind, figure.unit) == ("money", unit)


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("a 275-horsepower engine", "measure", "horsepower"),
        ("a 15.6-inch screen", "measure", "inch"),
        ("its 2.5-liter engine", "measure", "liter"),
        ("it does 90 miles per gallon", "measure", "mpg"),
        ("a range of 300 km", "measure", "km"),
        ("rose 4 percent", "percent", "%"),
        ("for three years", "duration", None),
        ("8,000 troops", "count", None),
    ],
)
def test_each_figure_has_a_kind_and_unit(text: str, kind: str, unit: str | None) -> None:
    figure = one(text)
    assert (figure.kind, figure.unit) == (kind, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The summit runs Dec. 5-7 in Paris.",
        "I'll be away from 4-23 next month.",
        "It was signed on 1/1/2015.",
        "They met at 7 a.m. and again at 12 noon.",
        "The shop opens 5 to 6pm.",
        "The war began in 2022.",
        "It is the three trillionth visitor.",
        "She finished 21st.",
        "Call (555) 123-4567 or +44 20 7946 0958.",
        "The server is at 192.168.0.1.",
        "He teaches English 101.",
        "Under Article 5 of the treaty, allies respond.",
        "A Boeing 737 landed.",
        "The G7 met.",
        "We met at three thirty.",
        "She was born in nineteen eighty six.",
        "Schedule it for Monday at 2.30.",
        "It happened 2 weeks and 2 days ago.",
    ],
)
def test_things_that_are_not_figures(text: str) -> None:
    assert [f.text for f in extract(text).figures] == []


def test_no_figure_overlaps_another_and_nouns_stop_at_numbers() -> None:
    text = (
        "Russia sent 500 officers, 3,000 troops 200 of them wounded, and twenty five "
        "tanks; between 5 and 6 million people fled."
    )
    spans = find_figures(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert [(text[f.start : f.end], f.value) for f in spans] == [
        ("500 officers", 500),
        ("3,000 troops", 3000),
        ("200", 200),
        ("twenty five tanks", 25),
        ("between 5 and 6 million people", 5e6),
    ]


@pytest.mark.parametrize("text", ["5 to 6 million people", "between 5 and 6 million people"])
def test_a_scale_after_a_range_scales_both_ends(text: str) -> None:
    figure = one(text)
    assert (figure.value, figure.high) == (5e6, 6e6)


def test_reindex_extracts_figures_again_from_the_stored_bodies(tmp_path: Path) -> None:
    """A library built with older rules gets today's figures from ``reindex``, without
    cleaning anything again (its stored bodies are used as they are)."""
    with Library(tmp_path / "lib") as library:
        library.add([SEEDS])
        article = next(library.records.articles())
        expected = article.figures
        assert expected
        article.figures = []  # as a library from before the figures were found
        library.records.replace_data(article)
        library.records.commit()
        monkey = pytest.MonkeyPatch()
        monkey.setattr("index.pipeline.clean_page", _never)
        library.reindex()
        monkey.undo()
        assert library.reextracted == 1
        again = library.get(article.id)
        assert again.figures == expected
        digits = next(f.text for f in expected if any(c.isdigit() for c in f.text))
        assert article.id in [h.id for h in library.search(f'figure:"{_term(digits)}"').hits]


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("reindex cleaned an article again")


def _term(text: str) -> str:
    return next(word for word in text.split() if any(c.isdigit() for c in word)).strip(",.")
