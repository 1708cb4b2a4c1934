"""The extractor's rules, one English pattern at a time, and its JSON-lines contract."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.extract import extract, run_jsonl
from index.extract.numbers import parse_words
from index.model import Figure, Source

ROOT = Path(__file__).resolve().parents[1]


def figures(text: str) -> list[tuple[str, float | None, str | None, str | None, str | None]]:
    return [(f.text, f.value, f.qualifier_text, f.counted, f.unit) for f in extract(text).figures]


def sources(text: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.kind, s.name) for s in extract(text).sources]


# -- figures -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They sent 8,000 troops.", ("8,000 troops", 8000.0, None, "troops", None)),
        ("It costs $22 billion.", ("$22 billion", 2.2e10, None, None, "USD")),
        ("The EU pledged €1.5bn in aid.", ("€1.5bn", 1.5e9, None, None, "EUR")),
        ("It cost 40 million dollars.", ("40 million dollars", 4e7, None, None, "USD")),
        ("Support fell to 45% in May.", ("45%", 45.0, None, None, "%")),
        ("about 3 percent of voters", ("about 3 percent of voters", 3.0, "about", "voters", "%")),
        ("Twenty-five soldiers died.", ("Twenty-five soldiers", 25.0, None, "soldiers", None)),
        ("two hundred tanks", ("two hundred tanks", 200.0, None, "tanks", None)),
        ("Dozens of people were hurt.", ("Dozens of people", 12.0, None, "people", None)),
        ("as many as 8,000 North Korean troops", (
            "as many as 8,000 North Korean troops", 8000.0, "as many as", "North Korean troops",
            None,
        )),
        ("up to 6,000 personnel each", ("up to 6,000 personnel", 6000.0, "up to", "personnel", None)),
        ("at least 10,000 troops", ("at least 10,000 troops", 10000.0, "at least", "troops", None)),
        ("Russia has suffered 17,800 casualties.", (
            "17,800 casualties", 17800.0, None, "casualties", None,
        )),
        ("5,000 to 7,000 troops", ("5,000 to 7,000 troops", 5000.0, "between", "troops", None)),
    ],
)  # fmt: skip
def test_figure_value_qualifier_and_counted_noun(text: str, expected: tuple) -> None:
    assert figures(text) == [expected]


def test_spelled_percent_and_vague_money() -> None:
    assert figures("Ninety percent of voters agreed.") == [
        ("Ninety percent of voters", 90.0, None, "voters", "%")
    ]
    assert figures("It costs hundreds of billions of dollars.") == [
        ("hundreds of billions of dollars", 1e11, None, None, "USD")
    ]


def test_thousands_more_counts_what_the_sentence_counted_before() -> None:
    got = figures("Nearly 3,000 soldiers had been sent, and thousands more were expected.")
    assert got == [
        ("Nearly 3,000 soldiers", 3000.0, "nearly", "soldiers", None),
        ("thousands more", 1000.0, None, "soldiers", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Call 555-123-4567 now.",
        "He flew an F-16 and had COVID-19.",
        "Quina Jones, 25, said so.",
        "It was 9:43 p.m. on Oct. 31, 2024.",
        "He was born in 1990.",
        "Officials spoke on October 31.",
        "between the two countries",
        "one of the reasons",
        "a two-day visit",
        "12. Lindsey Graham (11.)",
        'timestamp="1449075600"',
        "My father died 22 years ago.",
        "as they prepare for Round Two",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_spelled_out_numbers() -> None:
    assert parse_words("three") == 3
    assert parse_words("twenty-five") == 25
    assert parse_words("a dozen") == 12
    assert parse_words("two hundred thousand") == 200_000
    assert parse_words("troops") is None


def test_figure_takes_the_source_of_its_sentence() -> None:
    result = extract(
        "North Korea has sent nearly 12,000 troops, according to Ukraine's military "
        "intelligence (HUR). The deal was worth $5 billion."
    )
    assert [f.source for f in result.figures] == ["Ukraine's military intelligence (HUR)", None]


def test_figure_prefers_the_speech_source_over_a_stance() -> None:
    result = extract(
        "Pyongyang had promised to provide about 10,000 troops, according to South Korean "
        "military intelligence."
    )
    assert [f.source for f in result.figures] == ["South Korean military intelligence"]


# -- sources -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blinken said the troops were in Kursk.", [("Blinken", "named", "Blinken")]),
        ('"They are ready," said Patrick McGinley, a law professor.', [(
            "Patrick McGinley, a law professor", "named", "Patrick McGinley",
        )]),
        ("The troops arrived, according to a U.S. official.", [(
            "a U.S. official", "nominal", "U.S. official",
        )]),
        ("Reuters reported the move, citing South Korean intelligence.", [
            ("Reuters", "named", "Reuters"),
            ("South Korean intelligence", "nominal", "South Korean intelligence"),
        ]),
        ("Park Sun-won, a member of a parliamentary committee, said troops had left.", [(
            "Park Sun-won, a member of a parliamentary committee", "named", "Park Sun-won",
        )]),
        ("Officials told reporters the plan was dead.", [("Officials", "nominal", "Officials")]),
        ("The Wall Street Journal reports that talks failed.", [(
            "The Wall Street Journal", "named", "Wall Street Journal",
        )]),
        ("Polls show Clinton ahead.", [("Polls", "nominal", "Polls")]),
        ("The Kremlin did not respond to a request for comment.", [(
            "The Kremlin", "named", "Kremlin",
        )]),
        ("Senator Smith believes the bill will pass.", [("Senator Smith", "named", "Smith")]),
    ],
)  # fmt: skip
def test_source_patterns(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The attack was reported in May.",  # passive, no source
        "He faced tough questions about the plan.",  # "questions" is a noun here
        "Trump's tax plans were criticized.",
        "They stayed in cities like Kyiv.",
        "Russia cited security concerns, citing communication issues.",
    ],
)
def test_no_source(text: str) -> None:
    assert [s for s in extract(text).sources if s.cue != "cited"] == []


def test_headline_subject() -> None:
    text = "Obama Seeks More Refugees As He Marks Holiday.\n\nThe president spoke on Monday."
    assert sources(text)[0] == ("Obama", "named", "Obama")


def test_attributions_inside_quotes_are_part_of_the_quote() -> None:
    got = sources('"I think he said no," Smith said.')
    assert got == [("Smith", "named", "Smith")]


def test_nested_attribution_has_no_source_of_its_own() -> None:
    got = sources("Smith said the videos show nothing.")
    assert got == [("Smith", "named", "Smith")]


def test_canonical_name_and_descriptor() -> None:
    result = extract(
        "U.S. Secretary of State Antony Blinken said troops had arrived. "
        "Blinken added that more would follow. He said it was a sign of weakness."
    )
    assert [(s.name, s.descriptor, s.kind) for s in result.sources] == [
        ("Antony Blinken", "U.S. Secretary of State", "named"),
        ("Antony Blinken", "U.S. Secretary of State", "named"),
        ("Antony Blinken", None, "pronoun"),
    ]


def test_he_stays_unresolved_when_two_people_compete() -> None:
    result = extract("Austin said one thing and Blinken said another. He said more.")
    assert [s.name for s in result.sources if s.kind == "pronoun"] == [""]


def test_she_skips_the_person_he_referred_to() -> None:
    result = extract(
        "Hillary Clinton said taxes would rise. Donald Trump said they would fall. "
        "He said it twice. She said he was wrong."
    )
    assert [s.name for s in result.sources if s.kind == "pronoun"] == [
        "Donald Trump",
        "Hillary Clinton",
    ]


def test_source_fields_point_into_the_text() -> None:
    text = "The first troops arrived in late October, Ukraine's military intelligence reported."
    (src,) = extract(text).sources
    assert text[src.start : src.end] == src.text == "Ukraine's military intelligence"
    assert src.cue == "reported" and text[src.cue_start : src.cue_end] == "reported"
    assert src.statement == "The first troops arrived in late October"


# -- the JSON-lines contract ---------------------------------------------------------------


def test_run_jsonl_writes_one_line_per_article() -> None:
    stdin = io.StringIO(
        json.dumps({"id": "a", "text": "Some 8,000 troops arrived, Blinken said."})
        + "\n\n"
        + json.dumps({"id": "b", "text": ""})
        + "\n"
    )
    stdout = io.StringIO()
    assert run_jsonl(stdin, stdout) == 0
    lines = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert [r["id"] for r in lines] == ["a", "b"]
    assert [Figure.from_dict(f).value for f in lines[0]["figures"]] == [8000.0]
    (src,) = [Source.from_dict(s) for s in lines[0]["sources"]]
    assert (src.start, src.end, src.text, src.name) == (27, 34, "Blinken", "Blinken")
    assert lines[1] == {"id": "b", "figures": [], "sources": []}


def test_run_jsonl_reports_bad_lines_and_goes_on() -> None:
    stdin = io.StringIO('not json\n{"text": "no id"}\n{"id": 3}\n{"id": 4, "text": "ok"}\n')
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run_jsonl(stdin, stdout, stderr) == 1
    assert [json.loads(line)["id"] for line in stdout.getvalue().splitlines()] == [3, 4]
    assert stderr.getvalue().count("\n") == 3


def test_python_dash_m_index_extract() -> None:
    text = "“We’re ready,” said Ukraine’s army. Nearly 3,000 soldiers left, officials said."
    line = json.dumps({"id": "x", "text": text}, ensure_ascii=False)
    proc = subprocess.run(
        [sys.executable, "-m", "index.extract"],
        input=(line + "\n").encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        check=True,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"},
    )
    out = json.loads(proc.stdout.decode("utf-8"))
    assert [s["text"] for s in out["sources"]] == ["Ukraine’s army", "officials"]
    assert out["id"] == "x"
    assert out["figures"][0]["source"] == "officials"


def test_extract_imports_only_the_standard_library() -> None:
    code = (
        "import sys; before = set(sys.modules); import index.extract; "
        "new = {m.split('.')[0] for m in set(sys.modules) - before}; "
        "print(sorted(new - set(sys.stdlib_module_names) - {'index'}))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert proc.stdout.strip() == "[]"
