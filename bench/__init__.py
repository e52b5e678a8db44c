"""Benchmarks for newsreader (``make bench``): speed and memory against SQLite FTS5 and grep on real corpora.

Benchmarks are not tests: nothing here asserts a time. Results go to ``bench/results.md``.
"""
