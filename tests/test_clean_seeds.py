"""The five seed pages come out exactly right: metadata, summary, captions and body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from index.clean import clean_page, format_body, line_key, page_line_keys

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
        paragraphs=[
            "Some 8,000 North Korean troops have been deployed to Russia's Kursk Oblast to participate in the war against Ukraine, U.S. Secretary of State Antony Blinken said during a press conference on Oct. 31.",
            "The first North Korean soldiers were deployed to Kursk Oblast in late October, Ukraine's military intelligence (HUR) reported earlier. North Korea has sent nearly 12,000 troops to Russia, including 500 officers and three generals, according to HUR.",
            'There have been no clashes between the North Korean and Ukrainian military so far, Blinken said, adding that they can happen "in the coming days."',
            "\"One of the reasons that Russia is turning to these North Korean troops is that it's desperate. (Vladimir) Putin has been throwing more and more Russians into a meat grinder of his own making in Ukraine. Now he's turning to North Korean troops, and that is a clear sign of weakness,\" Blinken said.",
            'Russia has been training North Korean soldiers in artillery, drones, and basic infantry operations, including trench clearing, indicating that they "fully intend" to use these forces in front-line operations, according to Blinken.',
            '"Should these troops engage in combat or combat support operations against Ukraine, they would become legitimate military targets."',
            'Blinken added that the U.S. will announce more military assistance for Ukraine "soon."',
            "According to the Financial Times, Ukrainian intelligence officials are skeptical regarding the combat effectiveness of the North Korean troops, citing communication issues with their Russian counterparts as the main hurdle Moscow and Pyongyang will have to bridge.",
            "A South Korean delegation will visit Ukraine this week to share information on North Korea's troops in Russia and discuss cooperation.",
            "North Korea's entry into the war comes when Russia's long and grinding campaign in Ukraine's eastern Donetsk Oblast has dramatically gained pace in recent days. Analysts say Moscow's forces are advancing at a pace not seen since the early months of the war.",
        ],
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
        paragraphs=[
            "Thousands of North Korean troops have been moved to the front-line region of Kursk and are expected to go into battle “in the coming days,” top US officials said Thursday.",
            "US Secretary of State Antony Blinken said as many as 8,000 North Korean troops were deployed to the battle-torn Russian territory where Kiev launched its counteroffensive this summer.",
            "“We have not yet seen these troops deployed in combat against Ukrainian forces, but we expect that to happen in the coming days,” Blinken said in a joint press conference with South Korean officials in the Ministry of Foreign Affairs.",
            "He said Russia has trained these soldiers to use artillery, unmanned aerial vehicles and infantry operations such as trench clearing.",
            "US Defense Secretary Lloyd Austin added at the conference that the North Korean soldiers were being equipped with Russian uniforms and equipment.",
            "“All of this strongly indicates that Russia intends to use these foreign forces in frontline operations in its election war against Ukraine,” Austin said.",
            "“Make no mistake,” he added. “If these North Korean troops engage in combat or combat support operations against Ukraine, they would make themselves legitimate military targets.”",
            "Blinken’s and Austin’s comments are the clearest statements yet from Washington about North Korea’s direct involvement in the war.",
            "The Pentagon said Monday that Pyongyang had sent a total of at least 10,000 troops to Russia, backing up an earlier estimate by Ukrainian President Volodymyr Zelenskyy.",
            "Videos of these troops circulating in mid-October appeared to show them training and being equipped with new equipment.",
            "Both Austin and Blinken characterized Russian leader Vladimir Putin’s support of Pyongyang for manpower as a sign that Moscow is feeling the weight of its war strategy in Ukraine.",
            "“One of the reasons Russia is turning to these North Korean troops is because it’s desperate,” Blinken said. “Putin has thrown more and more Russians into a meat grinder of his own making in Ukraine. Now he is turning to North Korean troops. And that is a clear sign of weakness.”",
            "The new development comes as North Korea and Russia have forged closer ties and signed an agreement in June promise to defend each other if they are attacked.",
            "Russia, which has tried to stave off Western sanctions by steering its economy heavily toward military production, was accused by South Korea in February of providing raw materials and food to North Korea in exchange for weapons.",
            "Ukrainian troops also said they have found North Korean weapons used against them. An analysis by the Conflict Armament Research group found that missiles made by Pyongyang this year were likely already launched in Ukraine.",
            "Such reports about North Korea’s relationship with Russia and involvement in the war have raised questions about the response in the coming weeks from South Korea, which is already one of the world’s fastest-growing defense manufacturing industries.",
            "In March 2024, the country was included 10th largest arms export market, riding a wave of European countries increasing their defense spending as the Ukraine war rages.",
            "Poland, for example, beat one $22 billion deal in November 2023 to buy weapons from South Korea.",
            "Seoul’s laws prohibit the offensive weapons it sells from being transferred to Ukraine, but it is now considering the possibility of striking down that ban because of Pyongyang’s new involvement in the war.",
            "This measure is likely to be approved by the South Korean legislature.",
            "South Korean President Yoon Suk-yeol’s administration has considered sending teams to observe North Korean troops in Ukraine, which it says will not require parliamentary consent. But opposition leaders in Seoul have condemned this approach as unconstitutional, says it must be justified by a more immediate threat to South Korea.",
            "The Russian Defense Ministry did not respond to a request for comment sent outside business hours by Business Insider.",
        ],
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
        paragraphs=[
            "The Biden administration believes that a contingent of North Korean troops is en route to Russia’s Kursk region to assist Moscow in countering a Ukrainian offensive launched there in August, according to a U.S. official.",
            "Although U.S. officials have not confirmed South Korean reports that North Korean soldiers will engage in direct combat, they estimate the North Korean force could number in the thousands and may rapidly be assigned to combat roles, the Wall Street Journal reports.",
            "The U.S. official’s remarks followed National Security Council spokesperson John Kirby’s statement earlier on Oct. 25, where he noted that some North Korean troops stationed at multiple training sites in eastern Russia will likely be deployed to Kursk, though the specific purpose remains unclear.",
            '"...At least some of these North Korean troops could be deployed to the Kursk area," Kirby said. "But in what capacity, for what purpose, that still remains unclear."',
            "This marks the first public acknowledgment by the U.S. of its assessment that North Korean troops could soon be in Kursk, coming a day after Ukraine’s military intelligence reported that the initial units trained in Russia had already moved to the region.",
            "Initially, U.S. officials estimated around 3,000 North Korean troops were training in Russia, but Kirby indicated that the overall count could now be higher. South Korean intelligence has informed lawmakers that North Korean troop numbers in Russia could reach 10,000 by December.",
        ],
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
        paragraphs=[
            "North Korea has sent troops to Russia, and they have already been deployed in Kursk Oblast, NATO Secretary General Mark Rutte said on Oct. 28 after meeting South Korean defense and intelligence officials.",
            "Rutte joined other Western leaders in confirming reports by Kyiv and Seoul that Pyongyang is sending military personnel to Russia in a sign of deepening cooperation between the two countries.",
            '"Today, I can confirm that North Korean troops have been sent to Russia, and that North Korean military units have been deployed to the Kursk region," the NATO secretary general said in Brussels.',
            "This comes as the secretary general's first official confirmation of North Korean troops arriving in Russia to aid the country's war in Ukraine.",
            "The South Korean delegation also briefed the North Atlantic Council and representatives from Japan, Australia, and New Zealand on the North Korean involvement in Russia's war.",
            "The U.S. said on Oct. 26 that North Korean troops are being dispatched to Kursk Oblast, a Russian border region facing a Ukrainian offensive. While the White House did specify in what capacity they would be deployed, Ukraine and South Korea said that at least some North Korean troops would be used in combat.",
            'Rutte commented that the deployment represents "a significant escalation in (North Korea\'s) ongoing involvement in Russia\'s illegal war" and a "dangerous expansion of Russia\'s war."',
            "Previously, Ukraine's military intelligence (HUR) said that Russia is preparing to deploy 12,000 North Korean soldiers, including 500 officers and three generals. The spy agency said already on Oct. 24 that the first units had been deployed in Kursk Oblast, a claim at the time unconfirmed by Western officials.",
            "Russia and North Korea have initially dismissed the reports but recently turned to more evasive rhetoric as evidence of the troops' dispatch mounted.",
            '"The deepening military cooperation between Russia and North Korea is a threat to both the Indo-Pacific and Euro-Atlantic security. It undermines peace on the Korean Peninsula and fuels the Russian war against Ukraine," Rutte said.',
            '"North Korean troops are already in the Kursk region. This is exactly as we discussed, and as South Korea confirmed. Now, our allies and NATO can see it," Andriy Yermak, the head of Ukraine\'s Presidential Office, commented on social media.',
            "According to President Volodymyr Zelensky, the first North Korean troops were to be deployed in the combat zone on Oct. 27 or 28.",
            '"(Russia is) increasingly engaging North Korea as an ally, and any day now, their soldiers may appear on the battlefield fighting against Ukraine," Zelensky said. "Ukraine will be forced to actually fight against North Korea in Europe."',
        ],
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
        paragraphs=[
            'Nearly 3,000 soldiers had been sent to support the Kremlin\'s war in Ukraine, and "thousands more"were expected to follow, Reuters reported on Oct. 23, citing South Korean intelligence.',
            "Ukraine's military intelligence has reported that Moscow is planning to involve Pyongyang in the full-scale war against Ukraine in the coming months, with around 10,000 North Korean soldiers preparing to join the Russian army.",
            '"Signs of troops being trained inside North Korea were detected in September and October," Park Sun-won, a member of a parliamentary intelligence committee, said.',
            '"It appears that the troops have now been dispersed to multiple training facilities in Russia and are adapting to the local environment."',
            "Pyongyang had promised to provide a total of about 10,000 troops, whose deployment was expected to be completed by December, according to South Korean military intelligence.",
            "Two North Korean brigades of up to 6,000 personnel each are currently undergoing training in Russia, President Volodymyr Zelensky said. According to military intelligence, some North Korean officers are already in the occupied territories of Ukraine, he said on Oct. 17.",
            "North Korea has denied the reports, while a Kremlin spokesperson gave an evasive answer on the issue.",
            "A military intelligence source told the Kyiv Independent on Oct. 21 that Russian authorities detained 18 North Korean soldiers who abandoned their positions in Kursk Oblast. Video footage has also circulated purporting to show North Korean troops at a Russian military training camp.",
            "South Korean media reported on Oct. 22 that Pyongyang has dispatched pilots who can fly Russian warplanes to join the war in Ukraine. South Korea's Yonhap agency also said that South Korea is considering sending personnel to Ukraine to monitor North Korean troops.",
        ],
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
