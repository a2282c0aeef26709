#!/usr/bin/env python3
"""Print the Flesch-Kincaid grade of every reference topic (aim: grade 8 or lower).

    python scripts/readability.py [--max GRADE] [FOLDER]

Exit status 1 when a topic is above --max (when given), else 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journal.reference.readability import measure
from journal.reference.topics import DEFAULT_DIRECTORY, load_topics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIRECTORY)
    parser.add_argument("--max", type=float, default=None, help="fail when a topic's grade is above this")
    args = parser.parse_args(argv)

    topics = load_topics(args.folder)
    results = [measure(t) for t in topics.values()]
    prose = {t.id: measure(t, prose_only=True) for t in topics.values()}
    print(
        f"{'topic':<24} {'grade':>5} {'words':>6} {'sentences':>9} {'words/sentence':>14} {'prose grade':>11}"
    )
    for r in sorted(results, key=lambda r: -r.grade):
        per = r.words / max(1, r.sentences)
        print(
            f"{r.topic_id:<24} {r.grade:5.1f} {r.words:6d} {r.sentences:9d} {per:14.1f} {prose[r.topic_id].grade:11.1f}"
        )
    words = sum(r.words for r in results)
    mean = sum(r.grade * r.words for r in results) / max(1, words)
    print(f"{'all topics (by words)':<24} {mean:5.1f} {words:6d}")
    too_hard = [r for r in results if args.max is not None and r.grade > args.max]
    for r in too_hard:
        print(f"{r.topic_id}: grade {r.grade:.1f} is above {args.max}", file=sys.stderr)
    return 1 if too_hard else 0


if __name__ == "__main__":
    sys.exit(main())
