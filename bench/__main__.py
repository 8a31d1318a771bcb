"""``python -m bench [--quick] [NAME ...]``: run the benchmarks (all by default).

Each prints its figures, its baseline, the ratio and PASS/MISS against its
target; a summary table closes the run. Exit status: 0 when every benchmark ran
(whatever its verdicts), 1 when one failed to run, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback

from bench.common import Check, machine

# name -> (module, what it measures); in the order a full run goes
BENCHMARKS: dict[str, tuple[str, str]] = {
    "capture": ("bench.capture", "3. Outbox.capture vs raw SQLite insert"),
    "drain": ("bench.drain", "4. drain 10,000 through SyncWorker to a local central"),
    "central": ("bench.central_load", "5. the central under 64 terminals (PostgreSQL)"),
    "startup": ("bench.startup", "1. start-up to first paint vs a bare window"),
    "stalls": ("bench.stalls", "2. longest GUI event-loop gap"),
    "memory": ("bench.memory", "6. resident memory over 1,000 registrations"),
    "logins": ("bench.logins", "7. password log-ins per vCPU (PostgreSQL)"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(BENCHMARKS))
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    names = args.names or list(BENCHMARKS)
    print(f"machine: {machine()}", flush=True)
    print(f"mode: {'quick' if args.quick else 'full'}", flush=True)
    results: list[tuple[str, Check]] = []
    failed: list[str] = []
    for name in names:
        module_name, title = BENCHMARKS[name]
        print(f"\n== {name}: {title}", flush=True)
        started = time.monotonic()
        try:
            outcome = importlib.import_module(module_name).run(quick=args.quick)
        except Exception:
            traceback.print_exc()
            failed.append(name)
            continue
        print(f"  ({time.monotonic() - started:.1f} s)", flush=True)
        results += [(name, c) for c in outcome.checks]
    print("\n== summary")
    for name, check in results:
        line = f"{check.name}: {check.measured} (target {check.target})"
        print(f"  {check.verdict}  {name:<8} {line}")
    for name in failed:
        print(f"  ERROR {name}: did not run to the end (traceback above)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
