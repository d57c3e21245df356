"""Putting entries onto ``liveblog.entries``: replays of documents, and following a live page."""
