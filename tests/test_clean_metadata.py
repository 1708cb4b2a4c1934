"""Byline, date and outlet forms the cleaner reads from page text."""

from __future__ import annotations

import pytest

from index.clean import clean_page
from index.clean.byline import parse_byline
from index.clean.dates import find_date
from index.clean.outlet import copyright_outlet, url_outlet


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("by A. Smith and Bob Jones", ["A. Smith", "Bob Jones"], None),
        ("By Ann Lee, Bob Jones and Carla Díaz", ["Ann Lee", "Bob Jones", "Carla Díaz"], None),
        ("Written by Jane Doe", ["Jane Doe"], None),
        ("Jane Doe | Reuters", ["Jane Doe"], "Reuters"),
        ("Catherine Shu @catherineshu / 2 days", ["Catherine Shu"], None),
        (
            "by Kateryna Hodunova and The Kyiv Independent news desk October 31, 2024 9:43 PM 2 min read",
            ["Kateryna Hodunova", "The Kyiv Independent news desk"],
            "The Kyiv Independent",
        ),
        ("By Randy Maniloff", ["Randy Maniloff"], None),
    ],
)
def test_byline_forms(line: str, authors: list[str], outlet: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.outlet == outlet


@pytest.mark.parametrize(
    "line", ["by the way, this is a sentence of the article.", "Nothing | here | at all"]
)
def test_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("October 31, 2024 9:43 PM", "2024-10-31T21:43"),
        ("Oct. 31, 2024", "2024-10-31"),
        ("2024-10-31", "2024-10-31"),
        ("2024-10-31T21:43:00Z", "2024-10-31T21:43+00:00"),
        ("31 October 2024", "2024-10-31"),
        ("31 October 2024 21:43", "2024-10-31T21:43"),
        ("Updated 3:10 PM EDT, Thu October 31, 2024", "2024-10-31T15:10-04:00"),
        ("Nov. 18, 2019 7:04 pm ET", "2019-11-18T19:04"),  # ET: EST or EDT? no offset
        ("31.10.2024 um 21:43 Uhr", "2024-10-31T21:43"),
        ("2019년 11월 20일", "2019-11-20"),
        ("12:05 a.m. Oct 1 2024", "2024-10-01T00:05"),
    ],
)
def test_date_forms(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None
    assert found.iso == iso


@pytest.mark.parametrize("text", ["10/11/2024", "October 2024", "posted 3 days ago", "31 Oct"])
def test_incomplete_or_ambiguous_dates_are_unknown(text: str) -> None:
    assert find_date(text) is None


def test_copyright_and_url_outlets() -> None:
    assert copyright_outlet("© 2019 The New York Times Company") == "The New York Times Company"
    assert copyright_outlet("© 2019 Reuters. All Rights Reserved.") == "Reuters"
    assert copyright_outlet("© REUTERS / POOL") is None
    assert url_outlet("visit www.example.com.br today") == "example.com.br"
    assert url_outlet("http://amzn.to/2hXWcSP") is None


PAGE = """Skip to content
Home
World
Politics

Council votes to close the old bridge

By Ann Lee and Bob Jones
Published 31 October 2024
4 min read

The council voted on Tuesday to close the old bridge for repairs next spring, the mayor said.

Engineers found cracks in two of the supporting piers during an inspection in September.

The work is expected to take four months and cost about two million euros, officials said.

Advertisement

Residents who cross the bridge daily will be offered a free ferry service during the works.

Related stories
Mayor unveils new tram plan
Ferry service to expand in summer
© 2024 Example Media Ltd. All rights reserved.
"""


def test_clean_page_reads_header_and_body() -> None:
    result = clean_page(PAGE)
    assert result.title == "Council votes to close the old bridge"
    assert result.authors == ["Ann Lee", "Bob Jones"]
    assert result.published == "2024-10-31"
    assert result.outlet == "Example Media"
    assert result.paragraphs[0].startswith("The council voted")
    assert result.paragraphs[-1].startswith("Residents who cross")
    assert len(result.paragraphs) == 4
    rules = {r.text: r.rule for r in result.removed}
    assert rules["Advertisement"] == "advertisement"
    assert rules["4 min read"] == "reading-time"
    assert rules["Skip to content"] == "navigation"


def test_a_date_inside_the_body_is_not_the_publication_date() -> None:
    page = (
        "A headline about the vote\n\n"
        "The council met on October 31, 2024 and voted to close the old bridge for repairs.\n\n"
        "Engineers found cracks in two of the supporting piers during an inspection.\n"
    )
    assert clean_page(page).published is None


def test_title_passes_over_dates_breadcrumbs_and_bare_names() -> None:
    page = (
        "News > World > Europe\n"
        "Council votes to close the old bridge\n"
        "Updated 3:10 PM EDT, Thu October 31, 2024\n"
        "Ann Lee\n\n"
        "The council voted on Tuesday to close the old bridge for repairs next spring, the mayor said.\n\n"
        "Engineers found cracks in two of the supporting piers during an inspection in September.\n"
    )
    result = clean_page(page)
    assert result.title == "Council votes to close the old bridge"
    assert result.published == "2024-10-31T15:10-04:00"
    assert len(result.paragraphs) == 2


def test_upper_case_byline_with_a_numeric_date() -> None:
    byline = parse_byline("BY KASHMIRA GANDER ON 11/13/19 AT 4:00 PM EST")
    assert byline is not None and byline.authors == ["KASHMIRA GANDER"]
