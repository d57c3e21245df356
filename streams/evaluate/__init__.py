"""Scoring the code against the hand-labelled corpus of real pages (``liveblog eval``).

Pure domain: reads ``data/corpus/`` and calls the same parser and extraction the pipeline uses.
"""

from streams.evaluate.corpus import Corpus, GoldClaim, GoldEntry, LabelError, Page, Trap, load_corpus
from streams.evaluate.report import PageScore, Totals, evaluate

__all__ = ["Corpus", "GoldClaim", "GoldEntry", "LabelError", "Page", "PageScore", "Totals", "Trap", "evaluate",
           "load_corpus"]
