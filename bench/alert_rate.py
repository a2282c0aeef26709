"""How often each safety check fires on a realistic journal: a false-alarm watch, not a timing.

    python -m bench.alert_rate [--days 120] [--at 21:30] [--db JOURNAL]

Replays the rule engine over each person's bounded history at the same local time on each of
the last N days of the 10-year generated journal (or any journal given with --db) and counts, per
person, on how many of those evenings each rule was raised, with one example of its evidence.
The generated people take ~97% of their doses on time, leave ~2% of slots unlogged and log spasms
at their usual level most days, so a rule that fires on many evenings there would fire as often
for a real family.
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import datetime, time, timedelta
from pathlib import Path

from .common import END, have, prepare_db
from .run_all import LARGE


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.alert_rate", description=__doc__.splitlines()[0])
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--at", type=time.fromisoformat, default=time(21, 30), help="local time of day")
    ap.add_argument("--db", type=Path, help="a journal file (default: the 10-year generated one)")
    args = ap.parse_args(argv)
    if not have("journal.rules.engine") or not have("journal.services.journal"):
        print("not built yet: journal.rules.engine / journal.services.journal")
        return 0
    from journal.rules.engine import LOOKBACK, run_checks

    from .probe import open_journal

    db = args.db or prepare_db(LARGE)
    if db is None:
        return 1
    j = open_journal(str(db))
    last = datetime.combine(END, args.at, tzinfo=j.tz)
    print(f"{db.name}: rules raised at {args.at.strftime('%H:%M')} on each of the {args.days} days up to {END}")
    for p in j.list_patients():
        assert p.id is not None
        counts: Counter[str] = Counter()
        example: dict[str, str] = {}
        for k in range(args.days):
            now = last - timedelta(days=k)
            for a in run_checks(j.history(p.id, now - LOOKBACK, now), now):
                label = f"{a.rule} ({a.severity.value})"
                if label not in example:
                    example[label] = f"{now.date()}: {'; '.join(a.evidence[:2])}"
                counts[label] += 1
        print(f"\n{p.name}:" + ("" if counts else " nothing"))
        for label, n in counts.most_common():
            print(f"  {label:<34} {n:>4} of {args.days} evenings   e.g. {example[label][:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
