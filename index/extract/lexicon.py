"""Closed word classes the rules look up: function words, titles, pronouns.

These are facts about English, not about any set of articles: the words that can
never head a noun phrase, the titles that precede a name, the pronouns that can be
the subject of a reporting verb.
"""

from __future__ import annotations

SUBJECT_PRONOUNS = frozenset(
    "he she they we i you it who which this these those someone somebody everyone "
    "everybody nobody".split()
)
"""Pronouns that can be the subject of "said" ("he said", "who said")."""

DETERMINERS = frozenset(
    "the a an some many most several other others few all both each every any no "
    "another this that these those his her their its our my your".split()
)

TITLES = frozenset(
    """
    mr mrs ms dr sen rep gov gen lt col sgt capt maj adm cmdr prof rev pres atty supt
    president senator representative congressman congresswoman governor mayor secretary
    minister prime chancellor ambassador general admiral colonel commander chief judge
    justice speaker leader chairman chairwoman chair director spokesman spokeswoman
    spokesperson press deputy assistant vice former then acting interim state defense
    foreign head candidate nominee hopeful lawmaker official adviser advisor aide
    analyst professor expert strategist pollster consultant executive founder
    co-founder president-elect attorney lawyer economist manager commissioner
    councilman councilwoman delegate strategist anchor host columnist reporter
    correspondent editor author writer historian researcher scientist activist
    businessman businesswoman billionaire mogul pastor bishop pope king queen prince
    princess sheikh emir sultan president's first lady general's republican democratic
    democrat republican's u.s us
    """.split()
)
"""Lowercase words that may stand before a name as its title or role."""

FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet for of in on at to by with from into onto upon
    about above after against along amid among around as before behind below beneath
    beside besides between beyond despite during except inside like near off out
    outside over past per since than through throughout till toward towards under
    unlike until up via within without whether if because although though while
    whereas unless once when whenever where wherever why how what whatever whom whose
    that which who this these those there here then than not no nor only also just even
    still already again ever never always often sometimes is are was were be been
    being am has have had having do does did doing will would shall should can could
    may might must it its it's he she they we i you me him her them us my your our
    their his hers ours theirs yours mine himself herself itself themselves ourselves
    yourself myself one ones
    """.split()
)

AUXILIARIES = frozenset(
    """
    has have had having will would shall should can could may might must do does did
    has't hasn't haven't hadn't won't wouldn't shouldn't can't couldn't didn't doesn't
    don't mustn't not never also too still already just even again then later first
    once often ever now long since recently previously reportedly allegedly always
    soon initially privately publicly repeatedly separately similarly earlier
    subsequently quickly immediately simply only further finally eventually twice
    very almost nearly please so
    """.split()
)
"""Words that may stand between a subject and its reporting verb ("has also said")."""

BE_FORMS = frozenset("is are was were be been being am 's".split())

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "morning afternoon evening night".split()
)

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr sen rep gov gen lt col sgt capt maj adm cmdr prof rev pres atty supt
    jr sr st vs etc inc corp co ltd dept univ ft mt gens reps sens messrs
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss
    mo mont neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)
"""Words written with a period that does not end a sentence ("Sen.", "Calif.")."""

SENTENCE_OPENERS = frozenset(
    """
    but and so yet or nor also still now then meanwhile however instead indeed later
    earlier last next first finally moreover thus today yesterday tonight in on at for
    as after before when while if since although though because during over with
    without by from to of about among once there here what why how where this that
    these those it its his her their our my your we they he she i you asked says said
    according citing even just only not no yes well oh some many most several both
    all each every other such another
    """.split()
)
"""Capitalized only because they open a sentence: never part of a name there."""

SOURCE_NOUNS = frozenset(
    """
    official officials spokesman spokeswoman spokesperson spokespeople aide aides adviser
    advisers advisor advisors analyst analysts expert experts source sources critic critics
    supporter supporters opponent opponents voter voters resident residents people person
    man men woman women member members leader leaders lawmaker lawmakers legislator
    legislators politician politicians candidate candidates nominee nominees president
    governor mayor senator senators congressman congresswoman judge judges court courts
    justice justices panel committee commission council board agency agencies department
    ministry government administration campaign team staff staffers group groups
    organization organizations union unions company companies firm firms bank banks
    police officer officers investigators prosecutors prosecutor attorney attorneys lawyer
    lawyers authorities authority researchers researcher scientists scientist economists
    economist historians historian scholars scholar doctors doctor physicians physician
    activists activist advocates advocate protesters protester demonstrators organizers
    delegates donors strategists strategist operatives operative consultants pollster
    pollsters poll polls survey surveys study studies report reports data analysis
    findings memo letter statement document documents records filing ruling decision
    editorial article story paper newspaper magazine network outlet website ad ads video
    book author authors writer writers reporter reporters journalists editors readers
    respondents participants americans democrats republicans conservatives liberals
    progressives independents parents students teachers workers employees families
    family friends allies rivals everyone anyone someone nobody others many most some
    few percent majority minority half third quarter public media press party parties
    country countries nations state states city officials intelligence military army
    ministry spokesperson chief director secretary minister ambassador commander general
    """.split()
)
"""Common nouns that can hold or voice a view ("experts believe", "the poll shows")."""

ADJECTIVE_SUFFIXES = (
    "al",
    "ic",
    "ive",
    "ous",
    "able",
    "ible",
    "ful",
    "less",
    "ed",
    "ing",
    "est",
    "ary",
    "ish",
    "like",
    "ern",
    "ior",
    "-term",
    "-old",
)
"""Endings of words that modify a noun but are rarely one ("federal", "announced")."""
