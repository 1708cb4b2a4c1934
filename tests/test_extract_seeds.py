"""The extractor on the five seed articles: every figure and every source, exactly.

Each seed's body is written out here as the paragraphs a reader sees (navigation,
appeals, captions, teasers and the "News Feed" sidebar of the raw page left out),
joined by a blank line as :attr:`index.model.Article.body` joins them, so these tests
do not depend on the cleaner. The expectations were written by reading the articles:
what a careful human would list, not what the extractor happened to print.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from index.extract import extract
from index.extract.figures import SENSES
from index.model import PARAGRAPH_SEPARATOR

FigureRow = tuple[str, float | None, str | None, str | None, str | None, str | None]
"""(text, value, qualifier, counted, unit, source)"""
SourceRow = tuple[str, str, str, str | None, str | None]
"""(text, kind, name, descriptor, cue)"""


@dataclass(frozen=True)
class Seed:
    name: str
    paragraphs: list[str]
    figures: list[FigureRow]
    sources: list[SourceRow]

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


SEED_000 = Seed(
    name="000_88ebcff245553769.txt",
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
    figures=[
        (
            "Some 8,000 North Korean troops",
            8000.0,
            "some",
            "North Korean troops",
            None,
            "Antony Blinken",
        ),
        (
            "nearly 12,000 troops",
            12000.0,
            "nearly",
            "troops",
            None,
            "Ukraine's military intelligence (HUR)",
        ),
        ("500 officers", 500.0, None, "officers", None, "Ukraine's military intelligence (HUR)"),
        ("three generals", 3.0, None, "generals", None, "Ukraine's military intelligence (HUR)"),
    ],
    sources=[
        (
            "U.S. Secretary of State Antony Blinken",
            "named",
            "Antony Blinken",
            "U.S. Secretary of State",
            "said",
        ),
        (
            "Ukraine's military intelligence (HUR)",
            "named",
            "Ukraine's military intelligence (HUR)",
            None,
            "reported",
        ),
        ("HUR", "named", "Ukraine's military intelligence (HUR)", None, "according to"),
        ("Blinken", "named", "Antony Blinken", "U.S. Secretary of State", "said"),
        ("Blinken", "named", "Antony Blinken", "U.S. Secretary of State", "said"),
        ("Blinken", "named", "Antony Blinken", "U.S. Secretary of State", "according to"),
        ("Blinken", "named", "Antony Blinken", "U.S. Secretary of State", "added"),
        ("the Financial Times", "named", "Financial Times", None, "According to"),
        (
            "Ukrainian intelligence officials",
            "nominal",
            "Ukrainian intelligence officials",
            None,
            "are skeptical",
        ),
        ("Analysts", "nominal", "Analysts", None, "say"),
    ],
)


SEED_001 = Seed(
    name="001_6512262834960959.txt",
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
    figures=[
        (
            "Thousands of North Korean troops",
            1000.0,
            None,
            "North Korean troops",
            None,
            "top US officials",
        ),
        (
            "as many as 8,000 North Korean troops",
            8000.0,
            "as many as",
            "North Korean troops",
            None,
            "Antony Blinken",
        ),
        ("at least 10,000 troops", 10000.0, "at least", "troops", None, "Pentagon"),
        ("$22 billion deal", 22000000000.0, None, "deal", "USD", None),
    ],
    sources=[
        ("top US officials", "nominal", "top US officials", None, "said"),
        (
            "US Secretary of State Antony Blinken",
            "named",
            "Antony Blinken",
            "US Secretary of State",
            "said",
        ),
        ("Blinken", "named", "Antony Blinken", "US Secretary of State", "said"),
        ("He", "pronoun", "Antony Blinken", None, "said"),
        (
            "US Defense Secretary Lloyd Austin",
            "named",
            "Lloyd Austin",
            "US Defense Secretary",
            "added",
        ),
        ("Austin", "named", "Lloyd Austin", "US Defense Secretary", "said"),
        ("he", "pronoun", "Lloyd Austin", None, "added"),
        ("The Pentagon", "named", "Pentagon", None, "said"),
        ("Austin and Blinken", "named", "Austin and Blinken", None, "characterized"),
        ("Blinken", "named", "Antony Blinken", "US Secretary of State", "said"),
        ("South Korea", "named", "South Korea", None, "accused"),
        ("Ukrainian troops", "nominal", "Ukrainian troops", None, "said"),
        (
            "An analysis by the Conflict Armament Research group",
            "named",
            "Conflict Armament Research group",
            None,
            "found",
        ),
        (
            "South Korean President Yoon Suk-yeol’s administration",
            "named",
            "South Korean President Yoon Suk-yeol’s administration",
            None,
            "considered",
        ),
        ("it", "pronoun", "South Korean President Yoon Suk-yeol’s administration", None, "says"),
        ("opposition leaders in Seoul", "named", "opposition leaders in Seoul", None, "condemned"),
        (
            "The Russian Defense Ministry",
            "named",
            "Russian Defense Ministry",
            None,
            "did not respond",
        ),
    ],
)


SEED_002 = Seed(
    name="002_7b0a3ffd7e9c2567.txt",
    paragraphs=[
        "The Biden administration believes that a contingent of North Korean troops is en route to Russia’s Kursk region to assist Moscow in countering a Ukrainian offensive launched there in August, according to a U.S. official.",
        "Although U.S. officials have not confirmed South Korean reports that North Korean soldiers will engage in direct combat, they estimate the North Korean force could number in the thousands and may rapidly be assigned to combat roles, the Wall Street Journal reports.",
        "The U.S. official’s remarks followed National Security Council spokesperson John Kirby’s statement earlier on Oct. 25, where he noted that some North Korean troops stationed at multiple training sites in eastern Russia will likely be deployed to Kursk, though the specific purpose remains unclear.",
        '"...At least some of these North Korean troops could be deployed to the Kursk area," Kirby said. "But in what capacity, for what purpose, that still remains unclear."',
        "This marks the first public acknowledgment by the U.S. of its assessment that North Korean troops could soon be in Kursk, coming a day after Ukraine’s military intelligence reported that the initial units trained in Russia had already moved to the region.",
        "Initially, U.S. officials estimated around 3,000 North Korean troops were training in Russia, but Kirby indicated that the overall count could now be higher. South Korean intelligence has informed lawmakers that North Korean troop numbers in Russia could reach 10,000 by December.",
    ],
    figures=[
        ("thousands", 1000.0, None, None, None, "Wall Street Journal"),
        (
            "around 3,000 North Korean troops",
            3000.0,
            "around",
            "North Korean troops",
            None,
            "U.S. officials",
        ),
        ("10,000", 10000.0, None, None, None, "South Korean intelligence"),
    ],
    sources=[
        ("The Biden administration", "named", "Biden administration", None, "believes"),
        ("a U.S. official", "nominal", "U.S. official", None, "according to"),
        ("U.S. officials", "nominal", "U.S. officials", None, "confirmed"),
        ("the Wall Street Journal", "named", "Wall Street Journal", None, "reports"),
        ("he", "pronoun", "", None, "noted"),
        ("Kirby", "named", "John Kirby", None, "said"),
        (
            "Ukraine’s military intelligence",
            "named",
            "Ukraine’s military intelligence",
            None,
            "reported",
        ),
        ("U.S. officials", "nominal", "U.S. officials", None, "estimated"),
        ("Kirby", "named", "John Kirby", None, "indicated"),
        ("South Korean intelligence", "nominal", "South Korean intelligence", None, "informed"),
    ],
)


SEED_003 = Seed(
    name="003_1d75171d8f73ac9d.txt",
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
    figures=[
        (
            "12,000 North Korean soldiers",
            12000.0,
            None,
            "North Korean soldiers",
            None,
            "Ukraine's military intelligence (HUR)",
        ),
        ("500 officers", 500.0, None, "officers", None, "Ukraine's military intelligence (HUR)"),
        ("three generals", 3.0, None, "generals", None, "Ukraine's military intelligence (HUR)"),
    ],
    sources=[
        (
            "NATO Secretary General Mark Rutte",
            "named",
            "Mark Rutte",
            "NATO Secretary General",
            "said",
        ),
        ("the NATO secretary general", "named", "Mark Rutte", "NATO Secretary General", "said"),
        ("The U.S.", "named", "U.S.", None, "said"),
        ("Ukraine and South Korea", "named", "Ukraine and South Korea", None, "said"),
        ("Rutte", "named", "Mark Rutte", "NATO Secretary General", "commented"),
        (
            "Ukraine's military intelligence (HUR)",
            "named",
            "Ukraine's military intelligence (HUR)",
            None,
            "said",
        ),
        ("The spy agency", "nominal", "spy agency", None, "said"),
        ("Russia and North Korea", "named", "Russia and North Korea", None, "dismissed"),
        ("Rutte", "named", "Mark Rutte", "NATO Secretary General", "said"),
        (
            "Andriy Yermak, the head of Ukraine's Presidential Office",
            "named",
            "Andriy Yermak",
            "the head of Ukraine's Presidential Office",
            "commented",
        ),
        (
            "President Volodymyr Zelensky",
            "named",
            "Volodymyr Zelensky",
            "President",
            "According to",
        ),
        ("Zelensky", "named", "Volodymyr Zelensky", "President", "said"),
    ],
)


SEED_004 = Seed(
    name="004_a225bb6b6f4d6708.txt",
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
    figures=[
        ("Nearly 3,000 soldiers", 3000.0, "nearly", "soldiers", None, "Reuters"),
        ("thousands more", 1000.0, None, "soldiers", None, "Reuters"),
        (
            "around 10,000 North Korean soldiers",
            10000.0,
            "around",
            "North Korean soldiers",
            None,
            "Ukraine's military intelligence",
        ),
        (
            "about 10,000 troops",
            10000.0,
            "about",
            "troops",
            None,
            "South Korean military intelligence",
        ),
        (
            "Two North Korean brigades",
            2.0,
            None,
            "North Korean brigades",
            None,
            "Volodymyr Zelensky",
        ),
        ("up to 6,000 personnel", 6000.0, "up to", "personnel", None, "Volodymyr Zelensky"),
        (
            "18 North Korean soldiers",
            18.0,
            None,
            "North Korean soldiers",
            None,
            "military intelligence source",
        ),
    ],
    sources=[
        ("Reuters", "named", "Reuters", None, "reported"),
        ("South Korean intelligence", "nominal", "South Korean intelligence", None, "citing"),
        (
            "Ukraine's military intelligence",
            "named",
            "Ukraine's military intelligence",
            None,
            "reported",
        ),
        (
            "Park Sun-won, a member of a parliamentary intelligence committee",
            "named",
            "Park Sun-won",
            "a member of a parliamentary intelligence committee",
            "said",
        ),
        ("Pyongyang", "named", "Pyongyang", None, "promised"),
        (
            "South Korean military intelligence",
            "nominal",
            "South Korean military intelligence",
            None,
            "according to",
        ),
        ("President Volodymyr Zelensky", "named", "Volodymyr Zelensky", "President", "said"),
        ("military intelligence", "nominal", "military intelligence", None, "According to"),
        ("he", "pronoun", "Volodymyr Zelensky", None, "said"),
        ("North Korea", "named", "North Korea", None, "denied"),
        ("A military intelligence source", "nominal", "military intelligence source", None, "told"),
        ("South Korean media", "nominal", "South Korean media", None, "reported"),
        ("South Korea's Yonhap agency", "named", "South Korea's Yonhap agency", None, "said"),
    ],
)


SEEDS = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_figures(seed: Seed) -> None:
    got = [
        (f.text, f.value, f.qualifier_text, f.counted, f.unit, f.source)
        for f in extract(seed.body).figures
    ]
    assert got == seed.figures


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_figures_have_the_sense_of_their_qualifier(seed: Seed) -> None:
    senses = [(f.text, f.qualifier) for f in extract(seed.body).figures]
    expected = [(text, SENSES.get(qualifier or "")) for text, _, qualifier, *_ in seed.figures]
    assert senses == expected
    assert any(sense == "about" for _, sense in senses) or seed is not SEED_000


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_sources(seed: Seed) -> None:
    got = [(s.text, s.kind, s.name, s.descriptor, s.cue) for s in extract(seed.body).sources]
    assert got == seed.sources


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_offsets_point_into_the_body(seed: Seed) -> None:
    body = seed.body
    result = extract(body)
    for f in result.figures:
        assert body[f.start : f.end] == f.text
    for s in result.sources:
        assert body[s.start : s.end] == s.text
        assert s.cue_start is not None and s.cue_end is not None
        assert body[s.cue_start : s.cue_end] == s.cue


def test_one_canonical_name_per_person() -> None:
    names = {s.text: s.name for s in extract(SEED_000.body).sources}
    assert names["U.S. Secretary of State Antony Blinken"] == "Antony Blinken"
    assert names["Blinken"] == "Antony Blinken"
    assert names["HUR"] == names["Ukraine's military intelligence (HUR)"]


def test_he_said_resolves_to_the_last_named_source() -> None:
    sources = extract(SEED_001.body).sources
    he = [s for s in sources if s.kind == "pronoun" and s.text == "He"]
    assert [s.name for s in he] == ["Antony Blinken"]
    he_added = [s for s in sources if s.text == "he" and s.cue == "added"]
    assert [s.name for s in he_added] == ["Lloyd Austin"]


@pytest.mark.parametrize(
    "text",
    [
        "The attack came on Oct. 31, officials said.",
        "The summit was held on July 11, 2024, in Washington.",
        "It was NATO's 75th anniversary summit.",
        "2 min read",
        "Posted at 9:43 PM by the news desk.",
        "In March 2024, the country was the 10th largest arms exporter.",
        "Troops were to be deployed on Oct. 27 or 28, he said.",
    ],
)
def test_dates_times_years_and_ordinals_are_not_figures(text: str) -> None:
    assert extract(text).figures == []
