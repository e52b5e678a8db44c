"""The index writer writes Whoosh's own format: the same bytes as Whoosh's per-posting path would.

``_write_field`` encodes whole posting blocks at once for speed; this compares every file it writes with what
feeding the same postings one at a time through Whoosh's ``FieldWriter.add`` writes (the reference), over
documents that exercise long posting lists (several blocks), repeated terms, optional fields and boosts. Both
compress blocks with the index's zlib settings (a smaller window than ``zlib.compress``'s default, which is all
that differs from stock Whoosh; its reader decompresses either), and pickle block data with a newer protocol
(Whoosh's reader unpickles any).
"""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.codec import whoosh3

from tests.conftest import SEEDS
from tui_reader.core import index as index_module
from tui_reader.core.index import SearchIndex


def _reference_write_field(fw, fieldname, fieldobj, table, lengths) -> None:  # type: ignore[no-untyped-def]
    """Whoosh's own path: one ``add`` call per posting."""
    boost = fieldobj.format.field_boost
    fw.start_field(fieldname, fieldobj)
    for word in sorted(table):
        docs, freqs, values = table[word]
        fw.start_term(word.encode("utf-8"))
        for i, docnum in enumerate(docs):
            value = values[i] if values else b""
            length = lengths[docnum] if lengths is not None else 0
            fw.add(docnum, freqs[i] * boost, value, length)
        fw.finish_term()
    fw.finish_field()


_ZLIB = SimpleNamespace(compress=index_module._compress, decompress=zlib.decompress)
"""zlib as Whoosh's codec module sees it, compressing with the index's settings."""


def _block_dumps(obj: object, protocol: int) -> bytes:
    """Whoosh pickles block info and block data with protocol 2; the index pickles data (a triple) with its own."""
    is_data = isinstance(obj, tuple) and len(obj) == 3
    return pickle.dumps(obj, index_module.BLOCK_PICKLE if is_data else protocol)


def _segment_files(root: Path) -> dict[str, bytes]:
    """Every segment file's bytes (terms, postings, columns), keyed by its name without the segment's random id."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".trm", ".pst", ".col"):
            key = path.name.split(".", 1)[1]
            out[key] = out.get(key, b"") + path.read_bytes()
    return out


def _build(corpus: Path, cache: Path, monkeypatch, reference: bool) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setattr(index_module, "MIN_COMPRESS", 0)  # Whoosh compresses every block
    if reference:
        monkeypatch.setattr(index_module, "_write_field", _reference_write_field)
        monkeypatch.setattr(whoosh3, "zlib", _ZLIB)
        monkeypatch.setattr(whoosh3, "dumps", _block_dumps)
    index = SearchIndex.open([corpus])
    index.update(rebuild=True)
    assert index.base is not None
    files = _segment_files(index.base)
    index.close()
    monkeypatch.undo()
    return files


def _corpus(root: Path, texts: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(texts):
        (root / f"{n:04d}.txt").write_text(text, encoding="utf-8")
    return root


def test_the_fast_writer_writes_what_whoosh_writes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Enough documents that common words span several blocks of 128 postings; some with an outlet (a field
    # most documents lack), repeated words (frequencies above 1) and figures.
    texts = [(SEEDS / name).read_text(encoding="utf-8") for name in sorted(p.name for p in SEEDS.glob("*.txt"))]
    for n in range(300):
        words = " ".join(f"word{(n * k) % 37} said the troops" for k in range(1 + n % 5))
        texts.append(f"Title {n} of the day\n\n{words}. About {n * 7:,} people, {n % 9}.5% more.\n")
    corpus = _corpus(tmp_path / "corpus", texts)
    fast = _build(corpus, tmp_path / "fast", monkeypatch, reference=False)
    slow = _build(corpus, tmp_path / "slow", monkeypatch, reference=True)
    assert set(fast) >= {"trm", "pst", "_body_len.col", "_title_len.col"}
    assert fast == slow


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="ab cé,.%1-\n", min_size=1, max_size=60), min_size=1, max_size=8))
def test_the_fast_writer_matches_whoosh_on_any_text(texts: list[str]) -> None:
    import tempfile

    import pytest

    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as monkeypatch:
        root = Path(tmp)
        corpus = _corpus(root / "corpus", [f"Headline\n\n{t}x" for t in texts])
        fast = _build(corpus, root / "fast", monkeypatch, reference=False)
        slow = _build(corpus, root / "slow", monkeypatch, reference=True)
        assert fast == slow


def _postings(index: SearchIndex) -> list[tuple]:  # type: ignore[type-arg]
    """Every field's every term with its postings (docnum, weight, value), read through Whoosh's reader."""
    reader = index._searcher.reader()
    out = []
    for fieldname, term in reader.all_terms():
        matcher = reader.postings(fieldname, term)
        items = []
        while matcher.is_active():
            items.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        out.append((fieldname, term, reader.doc_frequency(fieldname, term), items))
    return out


def test_uncompressed_small_blocks_read_back_as_whoosh_wrote_them(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Blocks under MIN_COMPRESS bytes are stored raw; Whoosh's reader gives the same postings as from the
    reference index, where every block is compressed."""
    texts = [(SEEDS / p.name).read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [f"Title {n}\n\n{'said the troops ' * (1 + n % 4)} about {n * 7:,} people.\n" for n in range(200)]
    corpus = _corpus(tmp_path / "corpus", texts)
    seen = []
    for cache, reference in ((tmp_path / "fast", False), (tmp_path / "slow", True)):
        monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
        if reference:
            monkeypatch.setattr(index_module, "_write_field", _reference_write_field)
            monkeypatch.setattr(whoosh3, "zlib", _ZLIB)
            monkeypatch.setattr(whoosh3, "dumps", _block_dumps)
        index = SearchIndex.open([corpus])
        index.update(rebuild=True)
        seen.append(_postings(index))
        index.close()
        monkeypatch.undo()
    assert seen[0] == seen[1] and len(seen[0]) > 100
