"""One reader per file format: text/markdown, HTML (trafilatura), JSON / JSONL records, RSS / Atom (feedparser).

Each reader takes decoded or raw content and returns ``Draft`` articles (everything but the final id) plus
one-line reasons for the records it skipped. Ids and paths are the corpus module's business.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tui_reader.core.decode import BadInput, decode_bytes
from tui_reader.core.figures import parse_date
from tui_reader.core.model import Block
from tui_reader.core.sanitize import one_line
from tui_reader.core.textparse import ParsedText, assemble, parse_text

TITLE_FALLBACK_CHARS = 90


@dataclass(frozen=True, slots=True)
class Draft:
    """An article before the corpus gives it its final id: ``key`` is the record's own id, if any."""

    key: str | None
    title: str
    body: str
    blocks: tuple[Block, ...]
    outlet: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    section: str | None = None


def draft_from_parsed(parsed: ParsedText, *, key: str | None = None, **meta: str | None) -> Draft:
    """Assemble a parsed text into a draft; explicit ``meta`` wins over what was found in the text."""
    body, blocks = assemble(parsed.paras)
    if not body.strip():
        raise BadInput("no article text")
    title = one_line(meta.get("title")) or one_line(parsed.title) or _title_from_body(body)
    return Draft(
        key=key,
        title=title,
        body=body,
        blocks=blocks,
        outlet=one_line(meta.get("outlet")),
        byline=one_line(meta.get("byline")) or parsed.byline,
        date=meta.get("date") or parsed.date,
        url=one_line(meta.get("url")),
        section=one_line(meta.get("section")) or parsed.section,
    )


def _title_from_body(body: str) -> str:
    """A stand-in headline for records without one: the first sentence, shortened."""
    first = body.split("\n", 1)[0]
    m = re.match(r"^(.{20,}?[.!?])(?:\s|$)", first)
    title = m.group(1) if m else first
    if len(title) > TITLE_FALLBACK_CHARS:
        title = title[: TITLE_FALLBACK_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return title


# -- plain text and markdown ---------------------------------------------------------------------------


def read_text(data: bytes, *, markdown: bool = False) -> list[Draft]:
    """A .txt or .md file: the first meaningful line is the headline, blank lines separate paragraphs."""
    text = decode_bytes(data)
    if not text.strip():
        raise BadInput("empty file")
    return [draft_from_parsed(parse_text(text, headline=True, markdown=markdown))]


# -- HTML ----------------------------------------------------------------------------------------------


def read_html(data: bytes) -> list[Draft]:
    """An HTML page: main text and metadata through trafilatura (imported only when an HTML file is read)."""
    text = decode_bytes(data)
    if not text.strip():
        raise BadInput("empty file")
    extracted = html_to_text(text, with_metadata=True)
    if extracted is None:
        raise BadInput("no article text found in the HTML")
    body_text, meta = extracted
    parsed = parse_text(body_text, headline=False)
    return [
        draft_from_parsed(
            parsed,
            title=meta.get("title"),
            outlet=meta.get("sitename") or meta.get("source-hostname") or meta.get("hostname"),
            byline=meta.get("author"),
            date=parse_date(meta.get("date") or ""),
            url=meta.get("url") or meta.get("source"),
        )
    ]


def html_to_text(html: str, *, with_metadata: bool = False) -> tuple[str, dict[str, Any]] | None:
    """Main text of an HTML document (paragraphs one a line) and its metadata, or None when there is none."""
    import trafilatura  # lazy: 0.16 s to import, only paid when HTML is read

    try:
        raw = trafilatura.extract(
            html,
            output_format="json",
            with_metadata=with_metadata,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise BadInput(f"unreadable HTML ({type(exc).__name__})") from exc
    if raw:
        record = json.loads(raw)
        text = record.get("text") or ""
        if text.strip():
            return _drop_repeated_title(text, record.get("title")), record
    text = html_fragment_to_text(html)
    return (text, {}) if text.strip() else None


def _drop_repeated_title(text: str, title: str | None) -> str:
    """Pages repeat their headline as the first line of the text; the title is kept apart, not twice."""
    first, _, rest = text.partition("\n")
    if title and first.strip().casefold() == title.strip().casefold() and rest.strip():
        return rest
    return text


_BLOCK_TAGS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "figcaption")


def html_fragment_to_text(html: str) -> str:
    """Text of a short HTML fragment (a feed entry, a JSON field): block elements become paragraphs.

    trafilatura looks for a page's main article and finds nothing in a two-paragraph fragment, so fragments
    go through lxml directly. Scripts and styles are dropped; entities are decoded; nothing is fetched.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


# -- JSON and JSONL records ----------------------------------------------------------------------------

_TEXT_KEYS = ("text", "body", "content", "content_original", "article", "description", "summary")
_TITLE_KEYS = ("title", "headline", "name")
_OUTLET_KEYS = ("outlet", "source", "site", "site_name", "sitename", "publisher", "publication")
_DATE_KEYS = ("date", "published", "published_at", "publish_date", "pubDate", "datePublished", "created_at")
_URL_KEYS = ("url", "link", "href")
_BYLINE_KEYS = ("byline", "author", "authors", "creator")
_ID_KEYS = ("id", "guid", "uuid", "_id", "article_id")


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str | None:
    """A field as plain text: names of objects ({"name": ...}), lists joined with commas."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title")
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _as_byline(value: Any) -> str | None:
    """Authors as one line of names: a list joined with commas; a string written as CSV (AllSides'
    ``'"Cortney OBrien", Beth Baumann'``) read as CSV, so the names lose their quote marks."""
    text = _as_text(value)
    if text and '"' in text and "," in text and text.count('"') % 2 == 0:
        import csv

        try:
            names = next(csv.reader([text], skipinitialspace=True, strict=True))
        except (csv.Error, StopIteration):
            return text
        return ", ".join(n.strip() for n in names if n.strip()) or text
    return text


def has_text(record: Mapping[str, Any]) -> bool:
    """Whether a JSON record has a text or body field at all."""
    return _first(record, _TEXT_KEYS) is not None


def record_to_draft(record: Mapping[str, Any]) -> Draft:
    """A JSON object with ``text``/``body`` and optional ``id``, ``title``, ``outlet``, ``date``, ``url``,
    ``byline``/``authors`` becomes a draft; text that looks like HTML goes through the HTML extractor."""
    text = _as_text(_first(record, _TEXT_KEYS))
    if not text or not text.strip():
        raise BadInput("record has no text or body")
    if _looks_like_html(text):
        converted = html_to_text(text)
        text = converted[0] if converted else text
    parsed = parse_text(text, headline=False)
    key = _as_text(_first(record, _ID_KEYS))
    date_value = _as_text(_first(record, _DATE_KEYS))
    return draft_from_parsed(
        parsed,
        key=key,
        title=_as_text(_first(record, _TITLE_KEYS)),
        outlet=_as_text(_first(record, _OUTLET_KEYS)),
        byline=_as_byline(_first(record, _BYLINE_KEYS)),
        date=parse_date(date_value) if date_value else None,
        url=_as_text(_first(record, _URL_KEYS)),
        section=_as_text(record.get("section")),
    )


_HTML_HINT = re.compile(r"<(?:p|div|br|span|a|h[1-6]|article|section)\b[^>]*>", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:20000])) >= 2


def iter_json_records(data: bytes, *, lines: bool) -> Iterator[tuple[str, Mapping[str, Any] | BadInput]]:
    """Yield ``(where, record)`` for each object of a .json (object or list) or .jsonl file.

    A bad line yields ``(where, BadInput)`` and reading goes on; a whole .json file that cannot be parsed
    raises BadInput. ``where`` is "line N" or "item N".
    """
    text = decode_bytes(data)
    if not text.strip():
        raise BadInput("empty file")
    if lines:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield f"line {number}", BadInput(f"line {number}: not valid JSON ({_json_reason(exc)})")
                continue
            if not isinstance(value, Mapping):
                yield f"line {number}", BadInput(f"line {number}: not a JSON object")
                continue
            yield f"line {number}", value
        return
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BadInput(f"not valid JSON ({_json_reason(exc)})") from exc
    if isinstance(value, Mapping):
        items = value.get("articles") or value.get("items") or value.get("entries")
        if isinstance(items, list):
            value = items
        else:
            yield "item 1", value
            return
    if not isinstance(value, list):
        raise BadInput("JSON is neither an object nor a list of objects")
    for number, item in enumerate(value, start=1):
        if isinstance(item, Mapping):
            yield f"item {number}", item
        else:
            yield f"item {number}", BadInput(f"item {number}: not a JSON object")


def _json_reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(":")[0][:80]


def is_sidecar_record(record: Mapping[str, Any]) -> bool:
    """A metadata-only record naming a file (``{"file": ..., "outlet": ...}``, no text): a sidecar entry."""
    return isinstance(record.get("file"), str) and _first(record, _TEXT_KEYS) is None


def sidecar_meta(record: Mapping[str, Any]) -> dict[str, str | None]:
    """The metadata a sidecar record gives its file."""
    date_value = _as_text(_first(record, _DATE_KEYS))
    return {
        "key": _as_text(_first(record, _ID_KEYS)),
        "title": _as_text(_first(record, _TITLE_KEYS)),
        "outlet": _as_text(_first(record, _OUTLET_KEYS)),
        "byline": _as_byline(_first(record, _BYLINE_KEYS)),
        "date": parse_date(date_value) if date_value else None,
        "url": _as_text(_first(record, _URL_KEYS)),
    }


# -- RSS and Atom --------------------------------------------------------------------------------------

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def read_feed(data: bytes) -> tuple[list[Draft], list[str]]:
    """An RSS or Atom feed: each entry an article (feedparser). Returns drafts and per-entry skip reasons.

    Feeds never need entity declarations; a document that declares entities is refused before parsing, so
    billion-laughs, quadratic blow-up and external (``file://``) entities cannot cost memory or time.
    """
    if not data.strip():
        raise BadInput("empty file")
    if _ENTITY_DECL.search(data):
        raise BadInput("XML declares entities (refused: possible entity expansion attack)")
    import feedparser  # lazy: only feeds pay for it

    # A stream, never bytes or str: feedparser treats a string that looks like a URL or path as one to open.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable feed ({type(problem).__name__})" if problem else "feed has no entries"
        raise BadInput(reason)
    outlet = _as_text(parsed.feed.get("title"))
    drafts: list[Draft] = []
    problems: list[str] = []
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            drafts.append(_entry_to_draft(entry, outlet))
        except BadInput as exc:
            problems.append(f"entry {number}: {exc}")
    return drafts, problems


def _entry_to_draft(entry: Mapping[str, Any], outlet: str | None) -> Draft:
    html = None
    content = entry.get("content")
    if isinstance(content, list) and content:
        html = content[0].get("value")
    html = html or entry.get("summary") or entry.get("description")
    if not html or not str(html).strip():
        raise BadInput("entry has no text")
    converted = html_to_text(str(html)) if "<" in str(html) else (str(html), {})
    text = converted[0] if converted else str(html)
    parsed = parse_text(text, headline=False)
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    iso = time.strftime("%Y-%m-%d", when) if when else None
    return draft_from_parsed(
        parsed,
        key=_as_text(entry.get("id") or entry.get("guid") or entry.get("link")),
        title=_as_text(entry.get("title")),
        outlet=outlet,
        byline=_as_text((entry.get("author_detail") or {}).get("name") or entry.get("author")),
        date=iso,
        url=_as_text(entry.get("link")),
    )
