"""Precision and recall of near-duplicate dedup on labelled pairs (tests/fixtures/dedup/pairs.jsonl).

Each pair is judged on a fresh index: entry ``a`` first, then ``b``; b's verdict is the prediction
(``new`` counts as ``distinct``). Prints precision and recall per verdict level and for "merge"
(any of copy, revision, same_event, whatever the level), then the pairs judged wrongly.

    python3 tools/dedup_eval.py [PAIRS.jsonl] [--config streams/dedup/data/dedup.toml]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schemas import Entry  # noqa: E402
from streams.dedup.near import DedupConfig, NearDuplicateIndex, load_config  # noqa: E402
from streams.ingest import make_entry_id  # noqa: E402

PAIRS = ROOT / "tests" / "fixtures" / "dedup" / "pairs.jsonl"
LEVELS = ("copy", "revision", "same_event")


@dataclass(frozen=True)
class Score:
    predicted: int
    expected: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


def entry(side: dict[str, Any], seq: int) -> Entry:
    fields = {"source": side["source"], "url": side.get("url"), "blog_title": side["blog"],
              "published_at": side["published_at"], "time_precision": side["precision"],
              "headline": side["headline"], "body": side["body"], "seq": seq}
    provisional = Entry(entry_id="-", **fields)
    return provisional.model_copy(update={"entry_id": make_entry_id(
        provisional.source, provisional.published_at, provisional.time_precision, provisional.headline,
        provisional.body)})


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(pair: dict[str, Any], config: DedupConfig) -> str:
    index = NearDuplicateIndex({}, config=config)
    index.judge(entry(pair["a"], 0))
    verdict = index.judge(entry(pair["b"], 1)).verdict
    return "distinct" if verdict == "new" else verdict


def evaluate(pairs: list[dict[str, Any]], config: DedupConfig) -> tuple[dict[str, Score], list[tuple[str, str, str]]]:
    """Scores per level and "merge", and the (id, expected, predicted) of every wrong pair."""
    results = [(p["id"], p["expected"], predict(p, config)) for p in pairs]
    scores = {level: Score(sum(got == level for _, _, got in results), sum(exp == level for _, exp, _ in results),
                           sum(exp == got == level for _, exp, got in results)) for level in LEVELS}
    scores["merge"] = Score(sum(got != "distinct" for _, _, got in results),
                            sum(exp != "distinct" for _, exp, _ in results),
                            sum(exp != "distinct" and got != "distinct" for _, exp, got in results))
    return scores, [r for r in results if r[1] != r[2]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=PAIRS)
    parser.add_argument("--config", type=Path, default=None)
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    scores, wrong = evaluate(pairs, load_config(args.config))
    print(f"{len(pairs)} labelled pairs ({args.pairs})")
    print(f"{'level':<12}{'expected':>9}{'predicted':>10}{'correct':>8}{'precision':>11}{'recall':>8}")
    for level, s in scores.items():
        print(f"{level:<12}{s.expected:>9}{s.predicted:>10}{s.correct:>8}{s.precision:>11.2f}{s.recall:>8.2f}")
    for pair_id, expected, got in wrong:
        print(f"wrong: {pair_id}: expected {expected}, judged {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
