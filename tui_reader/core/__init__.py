"""The engine: plain Python, no Textual. Files -> articles -> annotations / index / comparison.

A test runs ``import tui_reader.core`` and every module in it in a fresh interpreter and checks that
``textual`` never appears in ``sys.modules``.
"""
