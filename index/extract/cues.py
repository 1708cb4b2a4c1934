"""Attribution cues: the verbs and phrases that introduce what someone said or thinks.

Cues come in three strengths, because the wider a verb's use the more the rules ask
of the words around it before they call its subject a source:

* ``SPEECH``: speech and report verbs ("said", "told", "reported", "wrote").
  Any subject noun phrase counts, and they also work inverted ("..., said Smith").
* ``STANCE``: claims, judgments and reactions ("criticized", "called for",
  "endorsed", "denied"). Any subject noun phrase counts.
* ``MIND``: beliefs, wants and evidence ("believes", "wants", "polls show").
  The subject must be a name, a pronoun or a noun that can hold a view.
"""

from __future__ import annotations

import re

SPEECH = "speech"
STANCE = "stance"
MIND = "mind"

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "think": ("think", "thinks", "thought", "thinking"),
    "know": ("know", "knows", "knew", "knowing", "known"),
    "see": ("see", "sees", "saw", "seeing", "seen"),
    "find": ("find", "finds", "found", "finding"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "show": ("show", "shows", "showed", "showing", "shown"),
    "speak": ("speak", "speaks", "spoke", "speaking", "spoken"),
    "hold": ("hold", "holds", "held", "holding"),
    "give": ("give", "gives", "gave", "giving", "given"),
    "put": ("put", "puts", "putting"),
    "read": ("read", "reads", "reading"),
    "take": ("take", "takes", "took", "taking"),
    "understand": ("understand", "understands", "understood", "understanding"),
    "teach": ("teach", "teaches", "taught", "teaching"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
}

_DOUBLING = frozenset("slam rip quip scrap knock plan admit regret chat prod".split())


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Base, third person, past and -ing forms of an English verb."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e") and not lemma.endswith("ee"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif lemma in _DOUBLING:
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, third, past, ing)


_SPEECH_VERBS = """
say tell report add note warn confirm claim state write tweet announce explain ask
argue insist declare acknowledge admit reply respond recall contend assert emphasize
stress testify concede complain joke quip allege deny reveal mention observe remark
caution urge boast brag shout chant describe reiterate repeat retort
counter scoff muse lament proclaim disclose post publish cite quote write
continue predict estimate conclude suggest indicate answer inform advise recount
recommend propose demand explain charge insist concede declare pronounce emphasise
comment
""".split()

_STANCE_VERBS = """
criticize criticise praise blame accuse attack condemn blast slam mock defend endorse
reject dismiss question challenge hail applaud welcome decry denounce ridicule lambast
rip knock oppose dispute disagree agree argue call thank apologize apologise
refuse decline vow threaten insult target contradict refute rebut echo characterize
characterise label brand portray paint dub deride disparage tout laud commend
congratulate salute celebrate support back urge press push caution fault chide
scold berate rebuke excoriate assail castigate defy acknowledge promise offer
""".split()

_MIND_VERBS = """
believe think know expect fear worry want hope plan intend seek feel view consider
doubt suspect understand realize realise assume wish prefer learn recognize
anticipate show find suggest indicate reveal conclude estimate project forecast rate
see favor favour like trust wonder hold maintain imagine remember recall predict
""".split()

_PHRASES = (
    # (regex, strength): multi-word cues whose last word need not be a verb.
    (r"[Aa]ccording to", SPEECH),
    # Title-case headlines: "..., Lindsey Graham Says."
    (
        r"(?:Says|Said|Tells|Warns|Admits|Confirms|Claims|Denies|Reports|Insists)(?=[.:!?]?$)",
        SPEECH,
    ),
    (r"[Cc]iting", SPEECH),
    (
        r"(?:did not|didn't|does not|doesn't|has not|hasn't|have not|haven't) "
        r"(?:immediately )?(?:respond|reply|return|comment)",
        STANCE,
    ),
    (r"declined to (?:comment|say|elaborate|discuss|answer|respond)", STANCE),
    (r"(?:called|calls|calling|call) (?:for|on)", STANCE),
    (r"(?<!percentage )(?:pointed|points|pointing|point) (?:to|out)", SPEECH),
    (r"(?:spoke|speaks|speaking|talked|talks|talking) (?:about|of|to)", SPEECH),
    (r"(?:weighed|weighs|weighing) in", STANCE),
    (r"(?:took|takes|taking) aim at", STANCE),
    (r"(?:made|makes|making) (?:it )?clear", SPEECH),
    (r"(?:went|goes) on to (?:say|add|note)", SPEECH),
    (
        r"(?:is|are|was|were) (?:confident|convinced|sure|certain|worried|concerned|"
        r"optimistic|pessimistic|skeptical|sceptical|critical)",
        MIND,
    ),
)


_NOT_CUES = frozenset(
    """
    like likes liked liking state states back backs question questions attack attacks
    rate rates rating hold holds held holding known seen shown given continue continues
    continuing answer answers tweet plan remarks charge charges challenge challenges
    view views push pushes press offer offers thank echo echoes target targets label
    labels brand brands paint paints salute celebrate defy find see seeing feel wish
    trust hope hopes fear fears call calls calling report support supports post posts
    posting publish publishes cite quote quotes speak promise promises vow vows demand
    demands claim support counter counters welcome welcomes order orders project
    projects forecast forecasts estimate estimates rating
    """.split()
)
"""Forms that are far more often nouns or non-reporting uses ("the attack", "a plan")."""


NOUN_LIKE = frozenset(
    """
    plans claims reports tweets worries jokes remarks doubts doubt shows show fears hopes
    notes note favors favor mention mentions warnings stress stresses demands offers
    promises threats answers views findings thinks feels wishes wants needs accepts
    insists counters posts expects reads speaks writes comments comment stress
    """.split()
)
"""Cue forms that are as often nouns ("his tax plans", "reasonable doubt"): they need a
named or pronoun subject."""


def _alternation(words: set[str]) -> str:
    """A regex matching exactly ``words``, factored into a trie.

    Python's ``re`` tries the branches of a flat alternation one by one; sharing
    prefixes ("said|says|saying" -> "sa(?:id|ys|ying)") makes the cue scan several
    times faster, which matters because start-up and scanning are most of the cost.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in node.items() if ch]
    ends = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # the longer words are tried first; \b after the whole cue rejects partial words
        return f"(?:{body})?"
    return body


def _build() -> tuple[re.Pattern[str], dict[str, str]]:
    strength: dict[str, str] = {}
    for group, name in ((_MIND_VERBS, MIND), (_STANCE_VERBS, STANCE), (_SPEECH_VERBS, SPEECH)):
        for lemma in group:
            for form in verb_forms(lemma):
                strength[form] = name  # later groups win: speech beats stance beats mind
    phrases = "|".join(f"(?:{p})" for p, _ in _PHRASES)
    for form in _NOT_CUES:
        strength.pop(form, None)
    pattern = rf"(?<![\w-])(?:(?P<phrase>{phrases})|(?P<verb>{_alternation(set(strength))}))\b"
    return re.compile(pattern, re.M), strength


CUE_RE, VERB_STRENGTH = _build()


def phrase_strength(phrase: str) -> str:
    """Strength of a multi-word cue matched by :data:`CUE_RE`."""
    for pattern, strength in _PHRASES:
        if re.fullmatch(pattern, phrase):
            return strength
    return SPEECH


def is_speech(cue: str) -> bool:
    """Whether a cue as found in the text ("said", "according to") is a speech cue."""
    if not cue[:1].isalpha():
        return True  # "PENCE:" or '" ― Jane Doe'
    m = CUE_RE.match(cue)
    if m is None:
        return False
    if m.group("phrase") is not None:
        return phrase_strength(m.group("phrase")) == SPEECH
    return VERB_STRENGTH.get(m.group("verb")) == SPEECH


INVERTIBLE = frozenset(
    form
    for form in verb_forms("say")
    + verb_forms("add")
    + verb_forms("write")
    + verb_forms("ask")
    + verb_forms("note")
    + verb_forms("explain")
    + verb_forms("continue")
    + verb_forms("recall")
    + verb_forms("argue")
    + verb_forms("insist")
    + verb_forms("tweet")
    + verb_forms("reply")
    + verb_forms("respond")
    + verb_forms("declare")
    + verb_forms("warn")
    + verb_forms("observe")
    + verb_forms("quip")
    + verb_forms("joke")
    + verb_forms("remark")
    + verb_forms("report")
    + verb_forms("answer")
    + verb_forms("counter")
    + verb_forms("retort")
    if not form.endswith("ing")
)
"""Verbs that may come before their subject: '"...," said Smith'."""


NOT_CUES = _NOT_CUES
HEADLINE_VERBS = frozenset(VERB_STRENGTH) | _NOT_CUES
"""Verb forms that end the subject of a headline ("Hillary Clinton Calls ISIS ...")."""
