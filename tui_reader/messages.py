"""Messages that cross widget and screen boundaries, as dataclasses (what happened, never how to react)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui_reader.core.model import Skipped
    from tui_reader.library import Entry


@dataclass
class CorpusLoaded(Message):
    """The corpus was read: every article's list entry, and what was skipped."""

    entries: list[Entry]
    skipped: list[Skipped] = field(default_factory=list)


@dataclass
class ListShown(Message):
    """The list of articles has been painted for the first time (work that would slow that paint may start)."""


@dataclass
class CorpusProgress(Message):
    """Reading or indexing the corpus moved on: ``done`` of ``total`` files; ``stage`` says which."""

    stage: str
    done: int
    total: int


@dataclass
class IndexReady(Message):
    """The search index is built and current; ``notice`` says when it fell back (in memory, rebuilt)."""

    notice: str | None = None


@dataclass
class ArticleHighlighted(Message):
    """The cursor of the source list moved onto an article: show it."""

    article_id: str


@dataclass
class ArticleChosen(Message):
    """An article was chosen (enter or click): show it and move to the reader."""

    article_id: str


@dataclass
class SearchEdited(Message):
    """The search query changed (as the user types)."""

    query: str


@dataclass
class SearchSubmitted(Message):
    """The user pressed enter in the search input: go to the first match."""

    query: str


@dataclass
class SearchClosed(Message):
    """The user left the search input (escape); the query and its results stay."""


@dataclass
class FactChosen(Message):
    """A quotation or figure was chosen in the facts panel: ``start`` is its body offset."""

    start: int
