"""The five seed pages come out exactly right: metadata, summary, captions and body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from test_extract_seeds import SEEDS as EXTRACT_SEEDS

from index.clean import clean_page, format_body, line_key, page_line_keys

BODIES = {seed.name.removesuffix(".txt"): seed.paragraphs for seed in EXTRACT_SEEDS}
"""The seeds' body paragraphs, written out once, in the extractor's seed tests."""

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True)
class Expected:
    title: str
    authors: list[str]
    published: str | None
    outlet: str | None
    summary: list[str]
    captions: list[str]
    paragraphs: list[str]


EXPECTED: dict[str, Expected] = {
    "000_88ebcff245553769": Expected(
        title="8,000 North Korean troops have been deployed to Kursk Oblast, Blinken says",
        authors=["Kateryna Hodunova", "The Kyiv Independent news desk"],
        published="2024-10-31T21:43",
        outlet="The Kyiv Independent",
        summary=[],
        captions=[
            "U.S. Secretary of State Antony Blinken speaks as he meets with G7 foreign ministers during NATO's 75th anniversary summit in Washington, DC, on July 11, 2024. (Samuel Corum/AFP via Getty Images)",
        ],
        paragraphs=BODIES["000_88ebcff245553769"],
    ),
    "001_6512262834960959": Expected(
        title="North Korean troops stationed in Kursk, ready to go into battle: US",
        authors=[],
        published=None,
        outlet=None,
        summary=[
            "As many as 8,000 North Korean troops are being deployed to Kursk, US officials said Thursday.",
            "Although not fighting yet, the US expects to go into battle “in the coming days.”",
            "US Secretary of State Antony Blinken said Russia has been training these men in trench warfare and UAVs.",
        ],
        captions=[],
        paragraphs=BODIES["001_6512262834960959"],
    ),
    "002_7b0a3ffd7e9c2567": Expected(
        title="US reports North Korean troops moving to Russia’s Kursk region",
        authors=["Olena Goncharova"],
        published="2024-10-26T02:58",
        outlet=None,
        summary=[],
        captions=[
            "PYONGYANG, NORTH KOREA- JUNE 19 (RUSSIA OUT) North Korean Military Choir sings a Russian song during a concert after Russian-North Korean talks, June 19, 2024, in Pyongyang, North Korea. Russian President Vladimir Putin is in North Korea for a two-day diplomatic visit. (Photo by Contributor/Getty Images)",
        ],
        paragraphs=BODIES["002_7b0a3ffd7e9c2567"],
    ),
    "003_1d75171d8f73ac9d": Expected(
        title="NATO chief confirms North Korean troops deployed in Russia's Kursk Oblast",
        authors=["Martin Fornusek", "The Kyiv Independent news desk"],
        published="2024-10-28T14:08",
        outlet="The Kyiv Independent",
        summary=[],
        captions=[
            "Secretary General of NATO Mark Rutte speaks during a press conference on Oct. 3, 2024, in Kyiv, Ukraine. (Viktor Kovalchuk/Global Images Ukraine via Getty Images)",
        ],
        paragraphs=BODIES["003_1d75171d8f73ac9d"],
    ),
    "004_a225bb6b6f4d6708": Expected(
        title="About 3,000 North Korean troops were sent to Russia to participate in war against Ukraine, South Korean intelligence says",
        authors=["Kateryna Hodunova"],
        published="2024-10-23T19:36",
        outlet=None,
        summary=[],
        captions=[
            "North Korean soldiers march during a mass rally on Kim Il Sung Square in Pyongyang, North Korea, on Sept. 9, 2018. Photo for illustrative purposes. (Ed Jones/AFP/Getty Images)",
        ],
        paragraphs=BODIES["004_a225bb6b6f4d6708"],
    ),
}

TEASER_HEADLINE = (
    "‘Russia has problems’ – We asked 5 Ukrainian soldiers about North Korean troops "
    "fighting for Moscow"
)


def _page(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_metadata(name: str) -> None:
    result = clean_page(_page(name))
    want = EXPECTED[name]
    assert result.title == want.title
    assert result.authors == want.authors
    assert result.published == want.published
    assert result.outlet == want.outlet
    assert result.summary == want.summary
    assert result.captions == want.captions


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_body(name: str) -> None:
    result = clean_page(_page(name))
    assert result.paragraphs == EXPECTED[name].paragraphs
    assert format_body(result) == "\n".join(EXPECTED[name].paragraphs)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_dropped_line_is_accounted_for(name: str) -> None:
    """Each non-empty input line is in exactly one place of the result."""
    text = _page(name)
    result = clean_page(text)
    kept = [result.title or "", *result.paragraphs, *result.captions]
    n_lines = sum(1 for ln in text.splitlines() if ln.strip())
    n_meta = n_lines - len(kept) - len(result.summary) - len(result.removed)
    assert 0 <= n_meta <= 2  # the byline (and date) line is read, not dropped
    assert all(r.rule for r in result.removed)


def test_seed_000_drops_chrome_with_named_rules() -> None:
    result = clean_page(_page("000_88ebcff245553769"))
    rules = {r.text: r.rule for r in result.removed}
    assert rules["Skip to content"] == "navigation"
    assert rules["Edit post"] == "navigation"
    assert rules["This audio is created with AI assistance"] == "audio-notice"
    assert rules[TEASER_HEADLINE] == "teaser"
    assert rules["Enter your email to subscribe"] == "form"
    assert rules["* indicates required"] == "form"
    assert rules["News Feed"] == "related"
    assert rules["Editors' Picks"] == "related"
    assert "Can we reach 20,000 members?" in rules


def test_recurring_teaser_dropped_with_boilerplate_set() -> None:
    """The teaser that stands in three articles is dropped as "recurring" too."""
    pages = [
        _page(n) for n in ("000_88ebcff245553769", "003_1d75171d8f73ac9d", "004_a225bb6b6f4d6708")
    ]
    counts: dict[str, int] = {}
    for page in pages:
        for key in page_line_keys(page):
            counts[key] = counts.get(key, 0) + 1
    recurring = {k for k, n in counts.items() if n >= 3}
    assert line_key(TEASER_HEADLINE) in recurring
    for name in ("000_88ebcff245553769", "003_1d75171d8f73ac9d", "004_a225bb6b6f4d6708"):
        page = _page(name)
        keys = page_line_keys(page) & recurring
        with_set = clean_page(page, boilerplate=keys)
        assert with_set.paragraphs == EXPECTED[name].paragraphs
        assert with_set.title == EXPECTED[name].title
        assert TEASER_HEADLINE not in with_set.paragraphs


def test_boilerplate_never_removes_a_shared_quotation() -> None:
    """A sentence several articles quote stays when it sits inside the body."""
    name = "000_88ebcff245553769"
    quote = EXPECTED[name].paragraphs[5]
    result = clean_page(_page(name), boilerplate={line_key(quote)})
    assert result.paragraphs == EXPECTED[name].paragraphs


def test_boilerplate_drops_a_recurring_short_line_in_the_body() -> None:
    page = "Headline of the story\n\nby Jane Roe\n\n" + "\n\n".join(
        [
            "The council voted on Tuesday to close the old bridge for repairs next spring.",
            "Get our morning briefing",
            "Engineers found cracks in two of the supporting piers during an inspection.",
            "The work is expected to take four months and cost about two million euros.",
        ]
    )
    plain = clean_page(page)
    assert "Get our morning briefing" in plain.paragraphs
    result = clean_page(page, boilerplate={line_key("GET OUR  morning briefing")})
    assert "Get our morning briefing" not in result.paragraphs
    assert len(result.paragraphs) == 3
    assert any(r.rule == "recurring" for r in result.removed)


def test_empty_page() -> None:
    result = clean_page("")
    assert result.paragraphs == [] and result.title is None and format_body(result) == ""


def test_boilerplate_keeps_a_shared_quotation_that_ends_the_article() -> None:
    name = "003_1d75171d8f73ac9d"
    last = EXPECTED[name].paragraphs[-1]
    result = clean_page(_page(name), boilerplate={line_key(last)})
    assert result.paragraphs == EXPECTED[name].paragraphs


def test_page_line_keys_are_the_keys_of_its_lines() -> None:
    """The whole-page normalisation gives each line's own line_key, whatever the text."""
    from index.clean.lines import split_lines
    from index.clean.recurring import MIN_KEY_CHARS, normalize_line

    bench = Path(__file__).resolve().parents[2] / "shared" / "bench" / "cleaning" / "dev"
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pages += [p.read_text(encoding="utf-8") for p in sorted(bench.glob("*[0-9a-f].txt"))]
    pages.append(
        "Straße  ÉTÉ\r\nline_with_under_scores\r12 34 56\n\u200bzero\u200bwidth\n"
        "a _ b  --  c\n\tTabbed\tcells\t\n[bold]Markup[/] — ‘quoted’\n2024\n\n  \n"
    )
    assert len(pages) > 50
    for page in pages:
        expected = set()
        for line in split_lines(page):
            norm = normalize_line(line.text)
            if len(norm) >= MIN_KEY_CHARS and not norm.replace(" ", "").isdigit():
                expected.add(line_key(line.text))
        assert page_line_keys(page) == expected
