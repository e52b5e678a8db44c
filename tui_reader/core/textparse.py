"""Scraped plain text -> headline, metadata and typed paragraphs, by general rules.

The rules are written for scrapes in general, not for particular files:
- navigation, login, share and cookie lines ("Remember me", "Log in with Twitter", "More news from",
  "Latest News", "More about ...") are dropped wherever they stand, even when glued together;
- image alt text glued to the headline ("article imageTensions grow ...") is cut from it;
- a byline / date / section line near the top ("By Ken Hanly Aug 18, 2020 in Politics") becomes metadata;
- a line that does not end a sentence and is followed by a line starting in lower case continues it
  (scrapers break lines inside sentences); long unpunctuated lines join their block (hard wrapping);
- short lines without final punctuation become headings; a "— Name (@handle) Date" signature makes the
  paragraph before it an embedded post; "Cover image: ... (Picture: PA)" lines become captions.
Nothing of the article's own text is dropped: headings, posts and captions stay in the body as blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui_reader.core.figures import MONTHS, lazy_compile, parse_date
from tui_reader.core.model import Block, BlockKind
from tui_reader.core.sanitize import normalize_whitespace


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph before assembly: its kind, text and (for embedded posts) the signature's fields."""

    kind: BlockKind
    text: str
    author: str | None = None
    handle: str | None = None
    date: str | None = None


@dataclass(slots=True)
class ParsedText:
    """The result of parsing scraped text: headline, metadata found in the text, and paragraphs."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    section: str | None = None
    paras: list[Para] = field(default_factory=list)


# Phrases that make up navigation / login / share / cookie chrome. A line made only of these is dropped.
_CHROME_PHRASES = [
    r"remember me",
    r"forgot(?: your)? (?:password|username)\??",
    r"(?:log|sign) ?(?:in|out)(?: (?:with|via|using|to) [\w ]{1,20})?",
    r"sign ?up(?: for [\w ]{1,30})?(?: now| today)?",
    r"register(?: now| today)?",
    r"create (?:an |your )?account",
    r"subscribe(?: now| today| to [\w ]{1,30})?",
    r"(?:share|tweet|email|print|save)(?: this)?(?: article| story| page| post)?(?: on [\w ]{1,15})?",
    r"comments?(?: \(\d+\))?",
    r"more (?:news|stories|articles) from(?: [\w .'’-]{1,40})?",
    r"(?:latest|top|breaking|trending|related|recommended|popular|more)"
    r" (?:news|stories|articles|videos|posts|content|reads)",
    r"you (?:may|might) also like",
    r"read (?:more|next|also)",
    r"advertisement",
    r"ad",
    r"continue reading(?: the main story)?",
    r"sponsored(?: content)?",
    r"skip to (?:main )?content",
    r"follow us(?: on [\w ]{1,30})?",
    r"(?:accept|reject|manage)(?: all)? cookies",
    r"cookie (?:policy|settings|preferences)",
    r"we use cookies[^.]{0,80}\.?",
    r"privacy policy",
    r"terms (?:of|and) (?:use|service|conditions)",
    r"back to top",
    r"home",
    r"menu",
    r"search",
    r"close",
    r"loading\W*",
    r"facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram",
]
# A chrome line's first letter or digit starts a chrome phrase: a cheap anchored test that rejects almost every
# line before the full substitution runs.
_CHROME_START = re.compile(r"[\W_]*(?:" + "|".join(_CHROME_PHRASES) + r")(?!\w)", re.IGNORECASE)
# Every chrome phrase anywhere in a line: needed only for the lines the test above lets through.
_CHROME_RE = lazy_compile(r"\b(?:" + "|".join(_CHROME_PHRASES) + r")(?!\w)", re.IGNORECASE)
_CHROME_LEFTOVER = re.compile(r"^[\W_]*$")
# Tag lists at the end of a page: "More about X, Y, Z", "Tags: ...", "Filed under: ...".
_TAG_LINE = re.compile(r"^(?:more (?:about|on)\b|tags?\s*:|topics?\s*:|filed under\s*:|related topics\s*:)", re.I)
_CAMEL_GLUE = re.compile(r"(?<=[a-z?.!])(?=[A-Z])")

# Image alt text glued to the headline: "article imageTensions grow ..."
_ALT_PREFIX = re.compile(
    r"^(?i:(?:article|featured|main|lead|hero|header|cover|top)\s+)?(?i:image|photo|picture|img|thumbnail)"
    r"(?=[A-Z0-9\"“‘'])"
)

_SIGNATURE = re.compile(r"^[—–]\s*(?P<author>[^()\n]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*(?P<date>[^\n]{0,60})$")
# A caption ("Photo: ...", "Image caption ...", "(Picture: AP)" at the end), tested in two parts so that a
# paragraph is not scanned from every position: its start, and (only when it ends with a bracket) its end.
_CAPTION_START = re.compile(
    r"(?:(?:cover|main|top|lead|header|featured|hero|file)\s+)?"
    r"(?:image|photo|picture|pictured|photograph|caption)(?:\s+(?:credit|caption|copyright))?\s*:"
    r"|image (?:caption|copyright)\b"
    r"|enlarge this image\b",
    re.IGNORECASE,
)
_CAPTION_END = re.compile(r"\((?:picture|photo|image|credit|photograph|pictures|photos)\s*:[^)]{1,80}\)\.?$", re.I)


def _is_caption(text: str) -> bool:
    """True for a caption paragraph: a caption label at its start or a picture credit at its end."""
    if _CAPTION_START.match(text) is not None:
        return True
    return text.endswith((")", ").", ")\n", ").\n")) and _CAPTION_END.search(text) is not None


_SENTENCE_END = tuple(".!?…:;\"”’')]»")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "la", "le", "da", "di", "du", "bin", "al", "and"})
_SEPARATORS = frozenset({"|", "·", "•", "-", "–", "—", "/"})
_DATE_LEAD = re.compile(r"^(?:published|updated|posted|last updated|first published)\b:?\s*(?:on\s+)?", re.I)
_TIME = re.compile(r"^(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\b", re.I)
_SECTION = re.compile(r"^in\s+(?P<section>[A-Z][\w&' -]{0,40})$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_TIMESTAMP = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|GMT|[AP]M\b)|^(?:posted|updated|published)\b", re.I)


def is_chrome(line: str) -> bool:
    """True for a line that is only site chrome (login, share, navigation, cookie prompts) or a tag list."""
    if not line or len(line) > 160:
        return False
    if _TAG_LINE.match(line) and not line.endswith((".", "!", "?", "”", '"')):
        return True
    spaced = _CAMEL_GLUE.sub(" ", line)
    if _CHROME_START.match(spaced) is None:
        return False
    stripped = _CHROME_RE.sub("", spaced)
    return stripped != spaced and _CHROME_LEFTOVER.match(stripped) is not None


def strip_alt_prefix(title: str) -> str:
    """Remove image alt text glued to the front of a headline."""
    return _ALT_PREFIX.sub("", title, count=1).strip()


def parse_meta_line(line: str) -> dict[str, str] | None:
    """Parse a byline / date / section line; None unless the whole line is metadata.

    "By Ken Hanly Aug 18, 2020 in Politics" -> {"byline": "Ken Hanly", "date": "2020-08-18",
    "section": "Politics"}; "Published: 18 August 2020" -> {"date": "2020-08-18"}.
    """
    out: dict[str, str] = {}
    rest = line.strip()
    m = re.match(r"^(?:by|written by|words by)\s+", rest, re.IGNORECASE)
    if m:
        tokens = rest[m.end() :].split(" ")
        name: list[str] = []
        for i, token in enumerate(tokens):
            bare = token.rstrip(",;")
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if bare.lower().rstrip(".") in MONTHS and nxt[:1].isdigit():
                break
            if bare in _SEPARATORS or len(name) >= 6:
                break
            if _NAME_TOKEN.match(bare) or (name and bare.lower() in _NAME_PARTICLES):
                name.append(bare)
                if token != bare:  # a comma ends the name
                    break
            else:
                break
        while name and name[-1].lower() in _NAME_PARTICLES:
            name.pop()
        if not name:
            return None
        out["byline"] = " ".join(name)
        consumed = len(" ".join(tokens[: len(name)]))
        rest = rest[m.end() + consumed :].lstrip(" ,;|·•-–—/")
    rest = _DATE_LEAD.sub("", rest)
    when = parse_date(rest)
    if when:
        out["date"] = when
        rest = _after_date(rest)
        rest = _TIME.sub("", rest).strip(" ,;|·•-–—")
    if rest and (sm := _SECTION.match(rest)) and out:
        out["section"] = sm["section"].strip()
        rest = ""
    if rest or not out:
        return None
    return out


def _after_date(text: str) -> str:
    """The rest of ``text`` after the date at its start (the same forms ``parse_date`` reads)."""
    m = re.match(
        r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
        r"(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]*)?"
        r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})",
        text,
        re.IGNORECASE,
    )
    return text[m.end() :].strip(" ,") if m else text


def _ends_sentence(line: str) -> bool:
    return line.endswith(_SENTENCE_END)


def _is_heading(text: str) -> bool:
    """A short line without final punctuation that reads as words (not a score, count, date or time)."""
    words = text.split()
    if not (0 < len(words) <= 14 and len(text) <= 100) or _ends_sentence(text) or text.endswith(","):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    digits = sum(ch.isdigit() for ch in text)
    if digits * 3 > len(text.replace(" ", "")) or _TIMESTAMP.search(text):
        return False
    return any(len(w) >= 3 and w.isalpha() for w in words) and parse_meta_line(text) is None


def parse_text(text: str, *, headline: bool = True, markdown: bool = False) -> ParsedText:
    """Parse scraped article text. With ``headline``, the first meaningful line is the title."""
    result = ParsedText()
    lines = [line for line in normalize_whitespace(text).split("\n")]
    # Chrome lines become paragraph breaks: they must not glue the text on either side together.
    lines = ["" if is_chrome(line) else line for line in lines]

    index = 0
    if headline:
        while index < len(lines) and not lines[index]:
            index += 1
        if index < len(lines):
            title = lines[index]
            if markdown:
                title = _MD_HEADING.sub("", title)
            result.title = strip_alt_prefix(title) or title
            index += 1

    # Metadata lines: only among the first few non-blank lines after the headline.
    seen = 0
    probe = index
    while probe < len(lines) and seen < 3:
        if lines[probe]:
            meta = parse_meta_line(lines[probe])
            if meta is None:
                break
            result.byline = result.byline or meta.get("byline")
            result.date = result.date or meta.get("date")
            result.section = result.section or meta.get("section")
            lines[probe] = ""
            seen += 1
        probe += 1

    result.paras = _paragraphs(lines[index:], markdown=markdown)
    return result


def _paragraphs(lines: list[str], *, markdown: bool) -> list[Para]:
    """Group lines into typed paragraphs (see the module docstring for the rules)."""
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                groups.append(current)
                current = []
            continue
        current.append(line)
    if current:
        groups.append(current)

    texts: list[tuple[str, bool]] = []  # (text, forced heading)
    for group in groups:
        para: list[str] = []
        for line in group:
            if markdown and _MD_HEADING.match(line):
                if para:
                    texts.append((" ".join(para), False))
                    para = []
                texts.append((_MD_HEADING.sub("", line), True))
                continue
            if para and _continues(para[-1], line):
                para.append(line)
            else:
                if para:
                    texts.append((" ".join(para), False))
                para = [line]
        if para:
            texts.append((" ".join(para), False))

    paras: list[Para] = []
    for i, (body, forced) in enumerate(texts):
        sig = _SIGNATURE.match(body)
        if sig and paras and paras[-1].kind == "paragraph":
            post = paras.pop()
            paras.append(
                Para(
                    "post",
                    f"{post.text}\n{body}",
                    author=sig["author"].strip() or None,
                    handle=sig["handle"],
                    date=parse_date(sig["date"]) if sig["date"] else None,
                )
            )
            continue
        if _is_caption(body):
            paras.append(Para("caption", body))
        elif forced or (i + 1 < len(texts) and _is_heading(body) and not _SIGNATURE.match(texts[i + 1][0])):
            paras.append(Para("heading", body))
        else:
            paras.append(Para("paragraph", body))
    return paras


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues the paragraph that ``previous`` ends (a line broken inside a sentence)."""
    if _ends_sentence(previous) or _SIGNATURE.match(line):
        return False
    return line[0].islower() or (len(previous) >= 60 and not _is_heading(previous))


def assemble(paras: list[Para]) -> tuple[str, tuple[Block, ...]]:
    """Join paragraphs into ``body`` (one blank line between them) and the blocks that tile it."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for para in paras:
        if not para.text:
            continue
        if parts:
            pos += 2
        blocks.append(Block(para.kind, pos, pos + len(para.text), para.author, para.handle, para.date))
        parts.append(para.text)
        pos += len(para.text)
    return "\n\n".join(parts), tuple(blocks)
