"""Benchmark 6, memory: the app's resident memory (RSS) after registrations
driven through the screens in the app's own process (``bench.gui_app memory``:
type the details, tap «Зарегистрировать», «Всё верно», read the SMS code from
the dev mailbox, type it, «Подтвердить код», close the success dialog) against a
central run as ``python -m central serve`` on SQLite.

Targets: RSS after 1,000 registrations < 200 MB; growth < 5 MB per 1,000 after
the first 1,000 (measured over the next 500 in a full run, scaled; the quick run
scales its two slices down and so only keeps the script from rotting).
"""

from __future__ import annotations

from bench.common import Outcome, central_process, enroll_terminals, sqlite_database
from bench.gui_common import run_gui

RSS_TARGET_MB = 200.0
GROWTH_TARGET_MB_PER_1000 = 5.0
FIRST_FULL = 1_000
SECOND_FULL = 500  # growth is scaled to per 1,000 (keeps a full run near 10 min)
FIRST_QUICK = 20
SECOND_QUICK = 20
CHECKPOINT_EVERY = 250


def run(quick: bool = False) -> Outcome:
    out = Outcome("memory")
    first = FIRST_QUICK if quick else FIRST_FULL
    second = SECOND_QUICK if quick else SECOND_FULL
    total = first + second
    step = max(1, min(CHECKPOINT_EVERY, first // 4))
    checkpoints = sorted({*range(step, total + 1, step), first, total})
    with sqlite_database() as db, central_process(db) as (url, _proc):
        token = enroll_terminals(db, url, 1)[0]
        extra = ["--central", url, "--token", token, "--count", str(total)]
        extra += ["--checkpoints", ",".join(map(str, checkpoints))]
        result, _ = run_gui("memory", extra)
    if result.get("failure"):
        out.figure("failure", str(result["failure"]))
    if result.get("crash"):
        out.figure("the app process died", str(result["crash"]))
    rss = {int(k): float(v) for k, v in result["rss_mb"].items()}
    done = int(result["registrations"])
    out.figure(
        "registrations through the screens",
        f"{done} in {result['seconds']:.0f} s ({done / result['seconds']:.1f}/s)",
    )
    out.figure("RSS (MB) by registrations", ", ".join(f"{n}: {rss[n]:.1f}" for n in sorted(rss)))
    for label, key in (
        ("QObjects under the main window", "qobjects"),
        ("dialogs and overlays", "dialogs"),
        ("sys.getrefcount(None)", "none_refs"),
    ):
        counts = {int(k): int(v) for k, v in result.get(key, {}).items()}
        out.figure(
            f"{label} by registrations", ", ".join(f"{n}: {counts[n]}" for n in sorted(counts))
        )
    after_first = rss.get(first, float("nan"))  # nan (a MISS) when it died before
    after_all = rss.get(total, float("nan"))
    growth = (after_all - after_first) / second * 1000
    out.check(
        f"RSS after {first} registrations",
        f"< {RSS_TARGET_MB:g} MB",
        f"{after_first:.1f} MB",
        after_first < RSS_TARGET_MB,
    )
    out.check(
        f"RSS growth per 1,000 after the first {first}",
        f"< {GROWTH_TARGET_MB_PER_1000:g} MB",
        f"{growth:.1f} MB",
        growth < GROWTH_TARGET_MB_PER_1000 and done == total,
    )
    return out
