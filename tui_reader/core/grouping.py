"""Story grouping: which articles of a whole corpus report the same story, in one pass over the corpus.

Story matching (``stories.py``) answers "which other articles tell this one's story?" for one article; asking it
once per article against the whole corpus (or the index's more-like-this) took minutes on 2,225 BBC articles.
Grouping reads every article once and keeps only what story matching looks at (title, lead, date):

1. blocking: an inverted index of each article's plain title-and-lead words finds, per article, the
   ``CANDIDATES`` others that share the most rare words (weighted by rarity; words in more than one article in
   ``COMMON_SHARE`` say nothing about a story and are left out, which also bounds the work);
2. story matching (``rank_candidates`` over that small pool) scores them; the best one at ``GROUP_SCORE`` or
   more is the article's link;
3. links join articles into groups, strongest first; a group stops growing at ``MAX_GROUP`` accounts, since
   "best match" links can chain unrelated stories through shared names (Trump, Brexit) into one heap.

The threshold is stricter than ``MIN_STORY_SCORE`` (the "is there any other account at all?" bar of ``c``):
at 0.12 the links chained 1,652 AllSides articles into one group of 900. Measured on allsides_fulltext_groups
(707 known stories of 2-4 accounts) by ``tests/core/test_grouping.py``, which prints pair precision and recall:
0.61 / 0.56 there (story matching itself ranks the right account first for about 0.8 of articles; a group needs
every link right), 0.99 / 0.94 on basil_triplets. Time on the 2-core machine, through the app (each article
read from disk once): 2,225 BBC articles 10-16 s (one more-like-this query an article took 168 s), 1,652
AllSides articles 8-12 s, 89,000 (BBC x40) about 90 s and 130 MB of leads at the peak.
"""

from __future__ import annotations

import heapq
import math
import re
from array import array
from collections.abc import Callable, Iterable
from dataclasses import replace

from tui_reader.core.model import Article
from tui_reader.core.stories import LEAD_WORDS, quick_words, rank_candidates

CANDIDATES = 5
"""Articles per article that story matching scores (found by shared rare words)."""
GROUP_SCORE = 0.2
"""The least story-matching score of a link between two accounts of one story in a group."""
MAX_GROUP = 8
"""The most accounts one group takes (links that would make it bigger are dropped)."""
COMMON_SHARE = 100
"""A word in more than one article in this many (and in more than 20) is too common to suggest a story."""
COMMON_MAX = 200
"""...and so is a word in more than this many articles, however big the corpus (a story has a few accounts;
this also bounds the work per article at 89,000 articles)."""

Progress = Callable[[int, int], None]
_LEAD = re.compile(r"\S+")


def lead_only(article: Article) -> Article:
    """``article`` with its body cut after the lead (``LEAD_WORDS`` words): what story matching reads of it,
    title, lead, names and date, at a fraction of the memory. Figures further down are not kept."""
    for n, m in enumerate(_LEAD.finditer(article.body), start=1):
        if n >= LEAD_WORDS:
            return replace(article, body=article.body[: m.end()], blocks=())
    return replace(article, blocks=()) if article.blocks else article


def group_stories(
    articles: Iterable[Article], progress: Progress | None = None, *, total: int | None = None
) -> dict[str, str]:
    """Articles that report the same story: ``{article id: story name}`` (the earliest account's title).

    Articles with no other account in the corpus are left out. ``articles`` is read once (a generator that
    loads one file at a time is fine: only each lead is kept). ``progress(done, 2 * total)`` is called as the
    articles are read and then matched; it may raise to stop early (the exception propagates).
    """
    leads: list[Article] = []
    terms: list[array[int]] = []
    vocabulary: dict[str, int] = {}
    postings: list[array[int]] = []
    expected = total or 0
    for n, article in enumerate(articles):
        short = lead_only(article)
        ids = array("I")
        for word in quick_words(short):
            tid = vocabulary.setdefault(word, len(vocabulary))
            if tid == len(postings):
                postings.append(array("I"))
            postings[tid].append(n)
            ids.append(tid)
        leads.append(short)
        terms.append(ids)
        if progress is not None:
            progress(n + 1, 2 * max(expected, n + 1))
    count = len(leads)
    common = max(20, min(COMMON_MAX, count // COMMON_SHARE))
    weight = [math.log(count / len(p)) if 2 <= len(p) <= common else 0.0 for p in postings]
    links: list[tuple[float, int, int]] = []
    for i in range(count):
        best = _best_link(i, leads, terms, postings, weight)
        if best is not None:
            links.append(best)
        if progress is not None:
            progress(count + i + 1, 2 * count)
    return _name_groups(leads, _join(links, count))


def _best_link(
    i: int, leads: list[Article], terms: list[array[int]], postings: list[array[int]], weight: list[float]
) -> tuple[float, int, int] | None:
    """``(score, i, j)`` for article ``i``'s best other account ``j`` at ``GROUP_SCORE`` or more, else None."""
    shared: dict[int, float] = {}
    for tid in terms[i]:
        w = weight[tid]
        if w:
            for j in postings[tid]:
                shared[j] = shared.get(j, 0.0) + w
    shared.pop(i, None)
    body = leads[i].body
    ranked = heapq.nsmallest(CANDIDATES * 2, shared, key=lambda j: (-shared[j], j))
    pool = [j for j in ranked if leads[j].body != body][:CANDIDATES]  # copies are not other accounts
    if not pool:
        return None
    found = rank_candidates(leads[i], [leads[j] for j in pool], 1)
    if not found or found[0][1] < GROUP_SCORE:
        return None
    other = next(j for j in pool if leads[j].id == found[0][0])
    return found[0][1], i, other


def _join(links: list[tuple[float, int, int]], count: int) -> list[int]:
    """Union the links strongest first, never past ``MAX_GROUP`` members; returns each article's group root."""
    parent = list(range(count))
    size = [1] * count

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        a, b = root(i), root(j)
        if a != b and size[a] + size[b] <= MAX_GROUP:
            parent[a] = b
            size[b] += size[a]
    return [root(i) for i in range(count)]


def _name_groups(leads: list[Article], roots: list[int]) -> dict[str, str]:
    members: dict[int, list[int]] = {}
    for i, r in enumerate(roots):
        members.setdefault(r, []).append(i)
    names: dict[str, str] = {}
    taken: set[str] = set()
    for group in members.values():
        if len(group) < 2:
            continue
        first = leads[min(group, key=lambda i: (leads[i].date or "9999", leads[i].id))]
        name = base = " ".join((first.title or first.id).split())
        k = 2
        while name in taken:  # two stories whose first accounts share a title stay two groups
            name, k = f"{base} (story {k})", k + 1
        taken.add(name)
        for i in group:
            names[leads[i].id] = name
    return names
