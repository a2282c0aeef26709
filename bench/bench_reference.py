"""Reference search speed: loading + index build once, then many queries (target: < 20 ms each).

python -m bench.bench_reference [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from journal.reference import ReferenceLibrary

QUERIES = [
    "missed dose",
    "double dose",
    "withdraw",
    "withdrawal itching fever",
    "pump alarm two tone",
    "how do I stop baclofen safely",
    "drowsy confused hard to wake",
    "kidney dialysis",
    "alcohol",
    "liquid 5 mg/mL mix-up",
    "twitch",
    "dystonia",
    "spasticity worse after increase",
    "a",
    "xylophone",
    "hiccups seizure",  # no topic has both: falls back to any word
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    t0 = time.perf_counter()
    lib = ReferenceLibrary()
    t1 = time.perf_counter()
    lib.search("warm up the index")
    t2 = time.perf_counter()
    print(
        f"load {len(lib.topics())} topics: {(t1 - t0) * 1000:.1f} ms; build index + first search: {(t2 - t1) * 1000:.1f} ms"
    )

    worst = 0.0
    print(f"{'query':<36} {'median ms':>9} {'max ms':>7} {'hits':>5}")
    for q in QUERIES:
        times = []
        for _ in range(args.repeat):
            s = time.perf_counter()
            hits = lib.search(q)
            times.append(time.perf_counter() - s)
        worst = max(worst, max(times))
        print(f"{q:<36} {statistics.median(times) * 1000:9.2f} {max(times) * 1000:7.2f} {len(hits):5d}")
    verdict = "met" if worst < 0.020 else "NOT met"
    print(f"slowest single search: {worst * 1000:.2f} ms (target < 20 ms: {verdict})")
    return 0 if worst < 0.020 else 1


if __name__ == "__main__":
    raise SystemExit(main())
