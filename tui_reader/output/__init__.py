"""Output for the scriptable commands: Rich renderings for people and the JSON contract for scripts.

Nothing here imports Textual: ``newsreader search`` and friends must start fast.
"""
