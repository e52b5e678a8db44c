"""newsreader: a terminal news reader for following one story across several outlets."""

__version__ = "0.1.0"
