"""Photo captions and credits.

Captions are recognised by the credit they carry, not by their words: a trailing
parenthesised credit ("(Samuel Corum/AFP via Getty Images)", "(Image: GETTY)",
"(AP Photo/Alan Diaz)"), a labelled credit ("Photo: ...", "Credit: ..."), or a
short line that is nothing but an agency-style credit.
"""

from __future__ import annotations

import re

_LABEL = (
    r"photo(?:graph)?s?|image|images|picture|pic|credit|credits|illustration|foto|fotos|"
    r"фото|иллюстрация|사진|写真|bild|imagem|imagen|immagine|source"
)

# "(Photo: X)", "(Samuel Corum/AFP via Getty Images)", "[SpaceX via Nasa]", "(AFP)".
_TRAILING_CREDIT_RE = re.compile(
    r"[(\[]\s*(?:"
    rf"(?:{_LABEL})\b[^()\[\]]{{0,80}}"
    r"|[^()\[\]]{0,60}(?:/|\bvia\b)[^()\[\]]{0,60}"
    r"|[^()\[\]]{0,60}\b(?:photo|images?|getty|pool|file)\b[^()\[\]]{0,30}"
    r"|[A-Z]{2,6}(?:/[A-Za-z .]{2,30})?"
    r")\s*[)\]]\s*$",
    re.IGNORECASE,
)
# "Photo: John Locher, AP", "Image copyright Getty Images", "Credit...".
_LEADING_LABEL_RE = re.compile(
    rf"^(?:{_LABEL})(?:\s+(?:copyright|credit|caption|courtesy)\b|\s*(?::|\.\.\.|…|-|–|—|\bby\b))",
    re.IGNORECASE,
)
# "...a rabbitCredit: Getty - Contributor" (glued credit label near the end).
_INLINE_CREDIT_RE = re.compile(
    r"(?:credit|photo|foto|image|фото)\s*:\s*[^.!?]{2,60}$", re.IGNORECASE
)
# Short credit-only lines: "GETTY", "Getty Images", "Doug Mills/The New York Times".
_CREDIT_ONLY_RE = re.compile(
    r"^(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,4}\s*/\s*[\w.' -]{2,50}"
    r"|[\w.'| -]{0,60}\b(?:getty(?: images)?|shutterstock|pool|submitted photo|stock photo)"
    r"(?: ?[-/] ?[\w ]{0,30})?)$",
    re.IGNORECASE,
)
# A bare "Credit" label line whose value is on the next line ("Credit...").
_CREDIT_LABEL_RE = re.compile(rf"^(?:{_LABEL})\s*(?:\.\.\.|…|:)?$", re.IGNORECASE)


def is_credit_label(text: str) -> bool:
    """A line that only says "Credit..." / "Photo:"; the credit follows on the next line."""
    return bool(_CREDIT_LABEL_RE.match(text)) and len(text) <= 20


def is_credit_only(text: str, words: int) -> bool:
    """A short line that is nothing but a photo credit ("Natalie Naccache | Bloomberg | Getty Images")."""
    return words <= 8 and bool(_CREDIT_ONLY_RE.match(text))


def is_caption(text: str, words: int) -> bool:
    """True when the line carries a photo credit (and so is a caption or a credit)."""
    if words > 90:
        return False
    tail = text[-160:]  # the credit patterns are anchored at the end of the line
    if tail.endswith((")", "]")) and _TRAILING_CREDIT_RE.search(tail):
        return True
    if words <= 40 and _LEADING_LABEL_RE.match(text):
        return True
    if ":" in tail and not tail.endswith((".", "!", "?")) and _INLINE_CREDIT_RE.search(text[-90:]):
        return True
    return words <= 8 and bool(_CREDIT_ONLY_RE.match(text))
