"""Page furniture: the sentences of a scraped page that are not the account's prose.

Scraped bodies carry bylines ("Doug Stanglin and Eric J. Lyman", "USA TODAY"), contributor lines ("The
Associated Press contributed to this report."), photo credits ("(AP Photo/George Frey) More", "Enlarge this image
toggle caption Gerardo Mora/Getty Images"), the signature line of an embedded post ("— Oana Lungescu (@NATOpress)
August 16, 2020", "2/2") and widgets ("LISTEN TO ARTICLE 2:43 SHARE THIS ARTICLE", "News about six dead italy on
Twitter", "Set a reminder now!"). Compare keeps them out of the alignment (two bylines are not the same content as
anything) and views show them as what they are. The rules are general, about how such lines look, never about
particular outlets' texts; a sentence they do not recognise stays prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tui_reader.core.model import Sentence, SentenceKind

FURNITURE_KINDS: frozenset[str] = frozenset({"byline", "credit", "signature", "furniture"})
"""Sentence kinds that are never aligned (``heading`` and ``caption`` align only with their own kind)."""

_CREDIT = re.compile(
    r"(?i)\b(?:photographer|photo(?:graph)?s?|picture|image|credit|source|video|illustration)\s*:"
    r"|\((?:AP|Reuters|AFP|Getty|EPA|PA)\b[^)]{0,60}\)"
    r"|\bgetty images\b|\bap photo\b|/(?:AP|Reuters|AFP|Getty Images|EPA|Bloomberg|NYT)\b"
    r"|^enlarge this image\b|\btoggle caption\b|^(?:image|photo) (?:caption|copyright|credit)\b"
)
# A wire photo credit on its own line: agency / photographer (/ File Photo) - names only, so that
# "Reuters/Ipsos polling shows ..." stays prose.
_AGENCY_CREDIT = re.compile(
    r"^(?:AP|REUTERS|Reuters|AFP|EPA|Getty Images|Bloomberg)/[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
    r"(?:/(?:File Photo|FILE PHOTO|File|Pool|POOL))?$"
)
# A wire photo's caption set in the text ("FILE PHOTO: Former presidential candidate ... arrives at a rally").
_PHOTO_CAPTION = re.compile(r"^(?:FILE PHOTO|PHOTO|IMAGE)\s*:\s", re.IGNORECASE)
_CONTRIBUTORS = re.compile(
    r"(?i:^(?:the\s+)?[\w.'’ -]{2,60}\s+contributed(?: reporting)?(?: to)?(?: this)?(?: report| story| article)?\.?$)"
    r"|(?i:\bcontributing:)|(?i:^additional reporting by\b)|(?i:^reporting by\b)|(?i:^editing by\b)"
    r"|^By\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]*|and|&))+(?:,|$)"
    r"|(?i:\bis an? (?:writer|reporter|correspondent|editor|columnist) (?:at|for|with)\b)"
    r"|(?i:\bfollow (?:him|her|them|us) on twitter\s+@)|(?i:\breported from\b[^.]{0,80};)"
)
_SOURCE_TAG = re.compile(r"^\((?:[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})\)\.?$")  # "(NYT)", "(AP)", "(CNN)"
_SIGNATURE = re.compile(r"^[—–]\s*[^()\n]{1,80}\(@\w{1,30}\)|^\d{1,2}/\d{1,2}$|^[—–-]{1,3}$")
_WIDGET = re.compile(
    r"(?i)^(?:listen to (?:this )?article|share this (?:article|story)|must watch\b|watch:|click here\b"
    r"|sign up\b|set a reminder\b|read more\b|updated (?:at )?\d|story highlights$|add interest\b"
    r"|related:|recommended:|advertisement\b)"
    r"|(?i:^news about .{1,60} on twitter$)|(?i:\bshare tweet\b)|(?i:\bexclusively on the .{1,40} app\b)"
)
_BARE_CREDIT = re.compile(r"(?i)^enlarge this image\b|\btoggle caption\b")
_NOT_NAMES = frozenset(str.split("The A An In On Of For To With Is Are Was At By From"))
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|and|&|de|van|von|der|da|di|del|la|le|bin|al)$")


def count_prose(indices: Iterable[int], sentences: Sequence[Sentence]) -> int:
    """How many of the sentences at ``indices`` are the account's own text, not page furniture: what "only in
    A" counts, in `newsreader compare` and on the compare screen alike."""
    return sum(1 for i in indices if sentences[i].kind not in FURNITURE_KINDS)


def sentence_kind(text: str, kind: SentenceKind, index: int, outlet: str | None = None) -> SentenceKind:
    """The kind of one sentence: its block's ``kind``, or a furniture kind when it is not the account's prose.

    ``index`` is the sentence's position in the article (bylines stand near the top); ``outlet`` is the
    article's outlet name, which alone on a line is a byline.
    """
    stripped = text.strip()
    if not stripped:
        return kind
    if kind == "caption":  # a caption describes a picture: aligned with captions only, unless it is a bare credit
        return "credit" if _BARE_CREDIT.search(stripped) else "caption"
    if _SIGNATURE.search(stripped) or (kind == "post" and stripped[:1] in "—–"):
        return "signature"
    words = stripped.split()
    if _PHOTO_CAPTION.match(stripped) and len(words) > 4:
        return "caption"
    short = len(words) <= 25
    if short and (_CREDIT.search(stripped) or _AGENCY_CREDIT.match(stripped) or _SOURCE_TAG.match(stripped)):
        return "credit" if not _SOURCE_TAG.match(stripped) else "byline"
    if short and _WIDGET.search(stripped):
        return "furniture"
    if len(words) <= 40 and _CONTRIBUTORS.search(stripped):
        return "byline"
    if outlet and stripped.casefold().startswith(outlet.casefold()) and len(words) <= len(outlet.split()) + 2:
        return "byline"
    if kind == "heading" and index <= 3 and _names_only(words):
        return "byline"
    return kind


def _names_only(words: list[str]) -> bool:
    """A line of capitalised names joined by commas and "and" ("Mary Ann Cavazos Beckett, Rick Jervis and ...")."""
    cleaned = [w.strip(",;") for w in words if w.strip(",;")]
    if not 2 <= len(cleaned) <= 20 or any(ch.isdigit() for w in cleaned for ch in w):
        return False
    if any(w in _NOT_NAMES for w in cleaned):
        return False
    return all(_NAME_WORD.match(w) for w in cleaned) and any(w[:1].isupper() for w in cleaned)
