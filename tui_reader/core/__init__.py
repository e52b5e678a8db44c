"""The engine: plain Python, no Textual. Files -> articles -> annotations / index / comparison.

A test runs ``import tui_reader.core`` and every module in it in a fresh interpreter and checks that
``textual`` never appears in ``sys.modules``.
"""

READER_VERSION = 2
"""What a file reads as (title, byline, body cleaning: formats.py, textparse.py). Bump it when that changes:
the caches made from the old reading (the index, the saved list) are then made again. 2: CSV author strings."""
