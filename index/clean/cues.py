"""Small generic cue lists: the words web pages put on their chrome, in a few languages.

These are not the backbone of the cleaner (line shape and position are); they name
the rule that dropped a line and catch short chrome lines inside the body run.
They only apply to short lines, so a paragraph that mentions "subscribe" stays.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.UNICODE


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


# Whole short line is one of these (anchored at both ends, after trimming punctuation).
NAVIGATION = _rx(
    r"skip to (?:main )?(?:content|navigation|site index|search)",
    r"skip navigation",
    r"jump to .{0,30}",
    r"edit (?:post|page|article)",
    r"(?:main )?menu",
    r"search",
    r"home(?: ?page)?",
    r"back to top",
    r"go to home page.*",
    r"sections?",
    r"log ?in|sign ?in|log ?out|sign ?out|register|my account",
    r"close|open|toggle .{0,20}|more|less|next|previous|prev|show more|load more",
    r"(?:english|international|us|uk) edition",
    r"site (?:index|map|information navigation)",
    r"print(?: edition)?",
    r"menú|menü|меню|메뉴|メニュー|pesquisar|buscar|suche|поиск|검색|検索",
    r"entrar|anmelden|войти|로그인|ログイン|accedi|masuk",
)

GALLERY = _rx(
    r"(?:image|photo|slide|picture)s? \d+ (?:of|/) ?\d*.{0,20}|\d+ ?/ ?\d+|captions?|"
    r"(?:back to|view|open|see|start|launch) (?:the )?(?:gallery|slideshow)",
)

ADVERTISEMENT = _rx(
    r"advertisements?|adverts?|advertising|ad|ads|sponsored(?: content)?|promoted|paid (?:post|content)",
    r"continue reading(?: the main story| below)?|story continues below(?: advertisement)?",
    r"anzeige|werbung|publicidade|publicidad|pubblicità|publicité|реклама|광고|広告|iklan",
)

SHARE = _rx(
    r"click to (?:share|email|print|tweet).{0,60}",
    r"(?:share|tweet|email|e-mail|print|copy link|pin|save|comment)s?(?: (?:this|on|via|to) .{0,25})?",
    r"facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|instagram|youtube|tiktok|"
    r"flipboard|google\+?|messenger|vk|line|kakao(?:talk)?|rss",
    r"follow(?: us)?(?: on .{0,25})?",
    r"\d[\d.,]*[km]?\s*(?:shares?|likes?|views?|pins?)",
    r"compartilh(?:e|ar)|compartir|condividi|teilen|partager|поделиться|공유(?:하기)?|シェア|bagikan",
)

# The rules below match a key phrase anywhere in a short line (``search``).
READING_TIME = _rx(
    r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?|mins?\.?)\s*(?:read|reading|de leitura|lesezeit|lettura|de lectura|чтения|baca)\b",
    r"\b(?:reading time|lesezeit|tempo de leitura|tiempo de lectura|время чтения)\b",
    r"\d+\s*분\s*(?:읽기|소요)",
)
AUDIO = _rx(
    r"\b(?:listen to (?:this|the) (?:article|story)|audio (?:version|is (?:created|generated))|"
    r"this audio|play audio|text to speech|ouvir (?:a )?(?:matéria|notícia)|anhören|слушать)\b",
)
FORM_PHRASE = _rx(
    r"\b(?:e-?mail address|your e-?mail|enter (?:your )?(?:e-?mail|correct)|indicates required|"
    r"required fields?|(?:your|enter|forgot(?: your)?|confirm) password|i agree to|"
    r"privacy policy and terms|successful+y subscribed|thank you for (?:signing up|subscribing)|"
    r"confirmation email|sign up for (?:[\w-]+ ){0,2}(?:newsletters?|e-?mails?|updates|alerts)|"
    r"opt out|unsubscribe)\b",
)
APPEAL = _rx(
    r"\b(?:become a (?:member|subscriber|patron|supporter)|membership|members?\b.{0,20}\bhelp|"
    r"support (?:our|independent|quality|us)|donate|donation|paywall|subscribe (?:now|today|to)|"
    r"already a (?:subscriber|member)|free trial|subscription|newsletter|support us|"
    r"assinante|assine|abonnement|abo\b|подписк|пожертв|후원|구독)\b",
)
# A whole short line that is a form control.
FORM = _rx(
    r"\* ?(?:indicates )?required|submit|send|subscribe|sign up|join now|get started|"
    r"inscreva-se|assinar|assine|abonnieren|подписаться|구독(?:하기)?|登録",
)


RELATED = _rx(
    r"(?:related(?: (?:articles?|stories|posts|news|content|links|topics|coverage|reading))?|read (?:more|also|next)|see also|more (?:from|on|in)|"
    r"(?:more|other)(?: \w+){0,3} (?:stories|articles|news|posts|reads|videos)|explore (?:further|more)|"
    r"(?:most )?(?:popular|read|viewed|shared)(?: (?:now|today|articles|stories|posts|videos))?(?: (?:in|on|from) .{1,30})?|"
    r"recommended(?: for you)?|you (?:may|might) (?:also )?like.*|trending(?: now| news| stories)?|"
    r"top stories|latest(?: news| stories)?|editors'? picks|news feed|more news|"
    r"leia (?:mais|também)|veja (?:também|mais)|lesen sie (?:auch|mehr)|mehr zum thema|"
    r"читайте (?:также|ещё)|baca (?:juga|selengkapnya)|leggi anche|lee también|"
    r"관련\s*(?:기사|뉴스)?|関連(?:記事)?|tags?|topics?|filed under|categories|"
    r"responses?)"
    r"(?:\s*[:»›>].{0,60})?",
)

COOKIE = re.compile(r"\bcookies?\b|куки|쿠키|クッキー", _FLAGS)
_COPYRIGHT_ANYWHERE = re.compile(
    r"©|\bcopyright\b|all rights reserved|todos os direitos reservados|alle rechte vorbehalten|все права защищены",
    _FLAGS,
)
# A line that is only a time or a date ("11:51 PM", "November 16, 2016", "20/11/2019 / 11:54 am").
TIMESTAMP = re.compile(
    r"(?:[\w.,]+\s+){0,3}?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|"
    r"[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})"
    r"(?:\s*[/|,·-]?\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|[A-Z]{2,4}))*"
    r"|\d+\s*(?:h|hrs?|hours?|mins?|minutes?|d|days?)\s+ago",
    _FLAGS,
)

AUTHOR_BIO = _rx(
    r"(?:about|sobre|über|à propos de|acerca de|sull'autore|tentang)\s+(?:the |o |a |den |die |l')?"
    r"(?:author|autor|autora|autore|auteur|penulis|writer)s?",
    r"(?:about|sobre|über)\s+(?-i:[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+){1,3})",
    r"об авторе|작가 소개|著者について",
    r"about this (?:article|story|post|statement|rating|report)",
)

COMMENTS = _rx(
    r"\d+ (?:thoughts|comments?|responses?|replies|reactions) (?:on|to) .{0,120}",
    r"(?:\d+\s+)?(?:comments?|responses?|replies|reactions|kommentare?|comentários?|comentarios?|"
    r"commenti|komentar|комментари[йия]|댓글|コメント)(?: (?:to|on|for|zu|sobre|a) .{0,80})?",
    r"(?:leave|post|add|write|view|show|see|load|read)(?: all| the)? (?:a |\d+ )?(?:comments?|reply|replies)",
    r"join the (?:discussion|conversation)|reply|antworten|responder|ответить|답글",
    r"[\w .'-]{1,40} (?:says|said|wrote|commented|schreibt|disse|escreveu|пишет)",
)

_IMAGE_COPYRIGHT = re.compile(r"\W*(?:image|photo|picture|foto|media)\s+(?:copyright|©)", _FLAGS)

_TRIM_RE = re.compile(r"^[\s\W_]+|[\s\W_]+$", re.UNICODE)

# Order matters: the first rule that matches names the line.
# (name, pattern, word budget, whole line?): the first rule that matches names the line.
_RULES: tuple[tuple[str, re.Pattern[str], int, bool], ...] = (
    ("navigation", NAVIGATION, 6, True),
    ("advertisement", ADVERTISEMENT, 6, True),
    ("gallery", GALLERY, 6, True),
    ("share", SHARE, 6, True),
    ("reading-time", READING_TIME, 14, False),
    ("audio-notice", AUDIO, 16, False),
    ("form", FORM_PHRASE, 20, False),
    ("form", FORM, 20, True),
    ("comments", COMMENTS, 16, True),
    ("author-bio", AUTHOR_BIO, 5, True),
    ("related", RELATED, 16, True),
    ("appeal", APPEAL, 30, False),
)


def _combined(whole: bool) -> re.Pattern[str]:
    return re.compile(
        "|".join(
            f"(?P<r{i}>{pattern.pattern})"
            for i, (_, pattern, _, is_whole) in enumerate(_RULES)
            if is_whole == whole
        ),
        _FLAGS,
    )


# One pass of each kind finds the first candidate rule quickly.
_WHOLE = _combined(True)
_PHRASE = _combined(False)
_LEGAL = re.compile(
    f"(?P<cookie>{COOKIE.pattern})|(?P<copyright>{_COPYRIGHT_ANYWHERE.pattern})", _FLAGS
)
_MAX_BUDGET = max(rule[2] for rule in _RULES)


_LEGAL_HINTS = (
    "©",
    "copyright",
    "rights",
    "direitos",
    "rechte",
    "права",
    "cookie",
    "куки",
    "쿠키",
    "クッキー",
)


# Every phrase rule needs one of these substrings (lower case); checking them first
# spares the phrase expression on most lines.
_PHRASE_HINTS = (
    "min", "read", "lesezeit", "leitura", "lectura", "lettura", "чтени", "분", "listen", "audio",
    "ouvir", "anhören", "слушать", "speech", "mail", "required", "password", "agree", "privacy",
    "subscri", "thank you", "sign up", "opt out", "member", "support", "donat", "paywall",
    "trial", "newsletter", "assin", "abo", "подпис", "пожертв", "후원", "구독", "время", "enter",
    "become",
)  # fmt: skip


_PHRASE_HINT_RE = re.compile("|".join(map(re.escape, _PHRASE_HINTS)))
_LEGAL_HINT_RE = re.compile("|".join(map(re.escape, _LEGAL_HINTS)))


def cue_rule(text: str, words: int) -> str | None:
    """The name of the chrome rule a short line matches, or None.

    Each rule only looks at lines of at most its word budget, and the whole line
    (less surrounding punctuation and symbols) must match.
    """
    if words == 0:
        return "symbols"
    if words <= 120 and _LEGAL_HINT_RE.search(text.lower()):
        legal = _LEGAL.search(text)
        if legal:
            if legal.lastgroup == "cookie":
                return "cookie-notice"
            if words <= 80 and not _IMAGE_COPYRIGHT.match(text):
                return "copyright"
    if words > _MAX_BUDGET:
        return None
    core = _TRIM_RE.sub("", text)
    if words <= 8 and TIMESTAMP.fullmatch(core):
        return "timestamp"
    firsts = []
    phrase = _PHRASE.search(core) if _PHRASE_HINT_RE.search(core.lower()) else None
    for m in (_WHOLE.fullmatch(core), phrase):
        if m is not None and m.lastgroup:
            firsts.append(int(m.lastgroup[1:]))
    if not firsts:
        return None
    # A rule whose word budget the line exceeds gives way to the later ones.
    for name, pattern, budget, whole in _RULES[min(firsts) :]:
        if words <= budget and (pattern.fullmatch(core) if whole else pattern.search(core)):
            return name
    return None
