"""The corpus reader: every format, ids, walking, metadata, bad input, and the user's files untouched."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import DATA, SEED_A, SEED_B, SEEDS, shared_corpus, tree_digest
from tui_reader.core.corpus import Corpus, default_paths, discover, find_article

FORMATS = DATA / "formats"


@pytest.fixture(scope="module")
def formats_corpus() -> Corpus:
    return Corpus.load([FORMATS])


def test_default_corpus_is_the_seeds() -> None:
    corpus = Corpus.load()
    assert default_paths()[0].resolve() == SEEDS.resolve()
    assert [a.id for a in corpus.articles] == [SEED_A, SEED_B]
    assert corpus.skipped == []


def test_seed_a_cleaning() -> None:
    article = Corpus.load().get(SEED_A)
    assert article is not None
    assert article.title == "Tensions grow between Russia and NATO after Lukashenko election"
    assert (article.byline, article.date, article.section) == ("Ken Hanly", "2020-08-18", "Politics")
    for chrome in (
        "Remember me",
        "Forgot",
        "Log in with Twitter",
        "More news from",
        "Latest News",
        "Top News",
        "More about",
        "article image",
        "\u00a0",
    ):
        assert chrome not in article.body
    # The line broken inside a sentence is joined; the article's own text is intact.
    assert "Oana Lungescu a NATO spokesperson said in a statement about the alleged build-up" in article.body
    assert "increases the number of US troops in Poland to at least 5,500." in article.body
    assert article.body.endswith("Sviatlana Tsikhanouskaya also claims the office of president.")
    headings = [article.body[b.start : b.end] for b in article.blocks if b.kind == "heading"]
    assert headings == [
        "Lukashenko and Putin talk",
        "The Presidential election",
        "NATO denies any military buildup",
        "Lukashenko suggests a solution",
    ]


def test_seed_b_post_and_caption() -> None:
    article = Corpus.load().get(SEED_B)
    assert article is not None
    assert article.title == "Belarus: NATO Denies Amassing Troops Amid Election Protests"
    posts = [b for b in article.blocks if b.kind == "post"]
    assert len(posts) == 1
    post = posts[0]
    assert (post.author, post.handle, post.date) == ("Oana Lungescu", "@NATOpress", "2020-08-16")
    assert article.body[post.start : post.end].startswith("There is no #NATO buildup in the region.")
    captions = [article.body[b.start : b.end] for b in article.blocks if b.kind == "caption"]
    assert captions == [
        "Cover image: Demonstrators gather in Independence Square in Minsk, Belarus, to protest the recent "
        "re-election of ruler Alexander Lukashenko (Picture: PA)."
    ]


def test_blocks_tile_every_body(formats_corpus: Corpus) -> None:
    for article in [*formats_corpus.articles, *Corpus.load().articles]:
        pos = 0
        for block in article.blocks:
            assert block.start == pos, article.id
            pos = block.end + 2
        assert pos - 2 == len(article.body)
        assert "\n\n\n" not in article.body


def test_every_format_is_read(formats_corpus: Corpus) -> None:
    ids = {a.id for a in formats_corpus.articles}
    assert ids == {
        "harbour",
        "notes",
        "page",
        "rec-1",
        "rec-2",
        "solo",
        "gazette-1001",
        "gazette-1002",
        "urn:uuid:nw-snow-40",
    }


def test_text_file_metadata(formats_corpus: Corpus) -> None:
    a = formats_corpus.get("harbour")
    assert a is not None
    assert a.title == "Harbour bridge reopens after 14-month repair"
    assert (a.byline, a.date, a.section) == ("Maria Delgado", "2021-03-03", "Local")
    assert "Share this" not in a.body and "Log in" not in a.body and "Latest News" not in a.body
    assert "Engineers replaced 1,800 bolts and repainted the whole span." in a.body


def test_markdown_headings(formats_corpus: Corpus) -> None:
    a = formats_corpus.get("notes")
    assert a is not None
    assert a.title == "Library extension opens in Millbrook"
    assert a.byline == "Sam Okafor"
    assert [a.body[b.start : b.end] for b in a.blocks if b.kind == "heading"] == ["Who paid for it"]
    assert "#" not in a.body


def test_html_through_trafilatura(formats_corpus: Corpus) -> None:
    a = formats_corpus.get("page")
    assert a is not None
    assert (a.title, a.outlet, a.byline, a.date) == (
        "Ferry strike ends after three days",
        "Coastline Post",
        "Ada Lindqvist",
        "2022-05-14",
    )
    assert a.body.startswith("Ferry crews returned to work on Saturday")
    assert "Cookie policy" not in a.body and "Log in" not in a.body
    assert "<p>" not in a.body


def test_jsonl_records_and_bad_lines(formats_corpus: Corpus) -> None:
    a = formats_corpus.get("rec-1")
    assert a is not None
    assert (a.outlet, a.byline, a.date, a.url) == (
        "Valley Herald",
        "Lee Park, Ravi Nair",
        "2019-07-02",
        "https://example.org/dam",
    )
    assert a.body.split("\n\n")[1] == "The 60-year-old dam holds about 4 million cubic metres of water."
    b = formats_corpus.get("rec-2")
    assert b is not None and b.date == "2019-07-02"
    reasons = {s.reason for s in formats_corpus.skipped if "records.jsonl" in s.path}
    assert reasons == {
        "line 3: record has no text or body",
        "line 4: not valid JSON (Expecting value)",
        "line 5: not a JSON object",
    }


def test_json_object_with_nested_source(formats_corpus: Corpus) -> None:
    a = formats_corpus.get("solo")
    assert a is not None
    assert (a.title, a.outlet, a.byline, a.date) == (
        "Council approves new bus lanes",
        "Metro Daily",
        "J. Ortiz",
        "2023-01-20",
    )


def test_feeds(formats_corpus: Corpus) -> None:
    rss = formats_corpus.get("gazette-1001")
    assert rss is not None
    assert (rss.outlet, rss.byline, rss.date) == ("Riverside Gazette", "Nora Blake", "2020-08-18")
    assert rss.body == (
        "The flood warning for Riverside was lifted on Tuesday after the river fell 1.2 metres overnight."
        "\n\nAbout 300 homes had been evacuated."
    )
    atom = formats_corpus.get("urn:uuid:nw-snow-40")
    assert atom is not None
    assert (atom.outlet, atom.byline, atom.date) == ("Northern Wire", "Elin Berg", "2021-02-10")
    assert atom.body.startswith("Forty schools closed on Wednesday") and "<" not in atom.body


def test_walk_skips_hidden_follows_links_without_looping(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One\n\nFirst text.")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "two.txt").write_text("Two\n\nHidden text.")
    (tmp_path / ".dot.txt").write_text("Dot\n\nHidden file.")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    found = discover([tmp_path])
    assert [f.id for f in found.files] == ["a/one"]
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    assert reasons["pipe.txt"] == "not a regular file (a FIFO)"
    assert reasons["broken.txt"].startswith("cannot read")
    assert "symbolic link loop" in " ".join(reasons.values())


def test_ids_are_unique(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "story.txt").write_text("A\n\nText a.")
    (tmp_path / "x" / "story.md").write_text("B\n\nText b.")
    (tmp_path / "y.jsonl").write_text(
        json.dumps({"id": "dup", "text": "One."}) + "\n" + json.dumps({"id": "dup", "text": "Two."}) + "\n"
    )
    (tmp_path / "z.jsonl").write_text(json.dumps({"id": "dup", "text": "Three."}) + "\n")
    corpus = Corpus.load([tmp_path])
    ids = [a.id for a in corpus.articles]
    assert len(ids) == len(set(ids)) == 5
    assert "x/story.txt" in ids and "x/story.md" in ids and "dup" in ids


def test_two_roots_with_the_same_names(tmp_path: Path) -> None:
    for name in ("left", "right"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(f"{name}\n\nText of {name}.")
    corpus = Corpus.load([tmp_path / "left", tmp_path / "right"])
    assert sorted(a.id for a in corpus.articles) == ["left/a", "right/a"]


def test_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "k1.txt").write_text("Headline one\n\nBody text one.")
    (tmp_path / "index.jsonl").write_text(
        json.dumps(
            {
                "id": "abp-k1",
                "file": "articles/k1.txt",
                "outlet": "The Outlet",
                "date": "2017-09-12",
                "authors": "Ian Mason",
            }
        )
        + "\n"
    )
    corpus = Corpus.load([tmp_path])
    assert [a.id for a in corpus.articles] == ["articles/k1"]
    a = corpus.articles[0]
    assert (a.title, a.outlet, a.date, a.byline) == ("Headline one", "The Outlet", "2017-09-12", "Ian Mason")
    assert corpus.skipped == []


def test_bad_files_are_skipped_with_one_line_reasons(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Good\n\nA good article.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\t\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "bad.rss").write_bytes(b"\x01\x02 not xml at all")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "bomb.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        "<rss><channel><item><title>&lol2;</title></item></channel></rss>"
    )
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    corpus = Corpus.load([tmp_path])
    assert [a.id for a in corpus.articles] == ["good"]
    reasons = {Path(s.path.split(" (")[0]).name: s.reason for s in corpus.skipped}
    assert set(reasons) == {
        "empty.txt",
        "blank.txt",
        "binary.txt",
        "broken.json",
        "deep.json",
        "bad.rss",
        "image.png",
        "bomb.xml",
        "huge.txt",
    }
    assert reasons["deep.json"] == "not valid JSON (nested too deeply)"
    assert reasons["huge.txt"].startswith("too large")
    assert "entit" in reasons["bomb.xml"]
    assert all("\n" not in r for r in reasons.values())


def test_control_characters_and_markup_in_files(tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text(
        "Evil \x1b]0;pwned\x07title\n\nBody with \x1b[31mred\x1b[0m and [bold]markup[/bold] and \u202eevil."
    )
    article = Corpus.load([tmp_path]).articles[0]
    assert article.title == "Evil title"
    assert article.body == "Body with red and [bold]markup[/bold] and evil."


def test_encodings_and_line_endings(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes(b"Title one\r\n\r\nLine one.\r\nLine two.\r")
    (tmp_path / "latin.txt").write_bytes(
        "Le café\n\nLes élèves étaient très déçus de cette décision.".encode("latin-1")
    )
    (tmp_path / "wide.txt").write_bytes("\ufeffWide title\n\nZürich text.".encode("utf-16"))
    corpus = Corpus.load([tmp_path])
    by_id = {a.id: a for a in corpus.articles}
    assert by_id["crlf"].body == "Line one.\n\nLine two."
    assert by_id["latin"].title == "Le café"
    assert by_id["wide"].title == "Wide title" and by_id["wide"].body == "Zürich text."


def test_lookup_by_id_path_prefix_and_suggestions() -> None:
    corpus = Corpus.load()
    assert corpus.get(SEED_B) is corpus.get(str(SEEDS / f"{SEED_B}.txt"))
    assert corpus.get("002_62dd") is corpus.get(SEED_B)
    assert corpus.get("00") is None  # too short and ambiguous
    assert corpus.suggestions("002_62dd9d57e05a838") == [SEED_B]


def test_find_article_reads_a_file_outside_the_corpus() -> None:
    article, corpus = find_article(None, str(FORMATS / "harbour.txt"))
    assert article is not None and article.title.startswith("Harbour bridge")
    assert corpus is None


def test_reading_never_writes_the_corpus(tmp_path: Path) -> None:
    for src in FORMATS.iterdir():
        (tmp_path / src.name).write_bytes(src.read_bytes())
    before = tree_digest(tmp_path)
    Corpus.load([tmp_path])
    assert tree_digest(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "count"),
    [("bbc_news", 2225), ("allsides_general_sample", 4000), ("basil_triplets", 300)],
)
def test_real_corpora_load_completely(name: str, count: int) -> None:
    corpus = Corpus.load([shared_corpus(name)])
    assert len(corpus) == count
    # The only skips are the known non-article files (duplicates.tsv, stories.jsonl).
    assert all(s.path.endswith(("duplicates.tsv", "stories.jsonl")) for s in corpus.skipped)
    assert all(a.title and a.body for a in corpus.articles)


def test_real_corpus_sidecar_gives_outlets() -> None:
    corpus = Corpus.load([shared_corpus("allsides_general_sample")])
    a = corpus.get("articles/00HGGqBRf1kzPRlg")
    assert a is not None
    assert (a.outlet, a.date, a.byline) == ("Breitbart News", "2017-09-12", "Ian Mason")
    assert a.title == "Paul Ryan Reportedly Says No Chance for Border Wall at Private Dinner"


def test_cleaning_rules_on_real_scrapes() -> None:
    root = shared_corpus("allsides_general_sample") / "articles"
    corpus = Corpus.load(
        [
            root / f"{name}.txt"
            for name in ("AS1DyxQaWEqkPmUS", "0S6j7oqfJIag8MR4", "0BaIi2ZwHw3pfTwe", "07rkzVGf5b5wiIfP")
        ]
    )
    share, captions, mojibake, ads = (
        corpus.get(n) for n in ("AS1DyxQaWEqkPmUS", "0S6j7oqfJIag8MR4", "0BaIi2ZwHw3pfTwe", "07rkzVGf5b5wiIfP")
    )
    assert share is not None and "SHARE THIS ARTICLE" not in share.body
    assert share.body.startswith("Russian hackers attacked JPMorgan Chase")
    assert captions is not None
    caption_texts = [captions.body[b.start : b.end] for b in captions.blocks if b.kind == "caption"]
    assert "Image copyright CBS News/US Army" in caption_texts
    assert mojibake is not None and mojibake.title == "Romney attacks Obama’s ‘trickle down government’ in first debate"
    assert ads is not None
    assert "Advertisement" not in ads.body.split("\n\n")


def test_the_index_gives_every_article_the_corpus_id(tmp_path: Path) -> None:
    """Record ids that collide across (and inside) files get the same unique ids from the index as from
    Corpus.load: one rule, corpus.unique_article_id."""
    from tui_reader.core.index import SearchIndex

    root = tmp_path / "corpus"
    root.mkdir()
    for name, texts in (("y", ["One.", "Two."]), ("z", ["Three."]), ("w", ["Four.", "Five."])):
        lines = [json.dumps({"id": "dup", "title": f"T {t}", "text": t}) for t in texts]
        (root / f"{name}.jsonl").write_text("\n".join(lines) + "\n")
    (root / "y2.jsonl").write_text(json.dumps({"id": "y/dup", "text": "Six."}) + "\n")
    corpus = Corpus.load([root])
    index = SearchIndex.open([root])
    index.update()
    assert [m.id for m in index.articles()] == [a.id for a in corpus.articles]
    for article in corpus.articles:
        loaded = index.load(article.id)
        assert loaded is not None and loaded.body == article.body


def test_authors_written_as_csv_lose_their_quote_marks(tmp_path: Path) -> None:
    """AllSides writes authors as one CSV string ('"Cortney OBrien", Beth Baumann'): the byline lists the
    names without the marks; a list of names, or a name with quotes inside, stays as written."""
    records = [
        {"id": "a", "title": "A", "text": "Body a.", "authors": '"Cortney OBrien", Beth Baumann'},
        {"id": "b", "title": "B", "text": "Body b.", "authors": ["Jane Doe", "John Roe"]},
        {"id": "c", "title": "C", "text": "Body c.", "byline": 'Dwayne "The Rock" Johnson'},
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    bylines = {a.id: a.byline for a in Corpus.load([path]).articles}
    assert bylines == {
        "a": "Cortney OBrien, Beth Baumann",
        "b": "Jane Doe, John Roe",
        "c": 'Dwayne "The Rock" Johnson',
    }
