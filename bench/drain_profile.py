"""Where a drained registration's CPU goes (a tool for benchmark 4, not a target):
``python -m bench.drain_profile [--db sqlite|postgres] [--count N] [--no-py-spy]``.

One drain of ``count`` captured registrations through the real ``SyncWorker``
to ``python -m central serve --workers 2``, as ``bench.drain`` runs it, with
CPU per registration of the three parties: the central's process tree, the
PostgreSQL backends its connections use (found by their application name), and
the kiosk side (this process). With py-spy in the venv, where the central's
GIL-holding time goes too (by library, then by the project's functions).
Absolute figures drift with the machine's other load: compare runs made one
after the other, or interleaved.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.common import (
    central_process,
    database,
    enroll_terminals,
    profiled,
    summarize_profile,
    tree_cpu_seconds,
)
from bench.drainer import CENTRAL_WORKERS, drain, fill
from kiosk.client import CentralClient
from kiosk.outbox.crypto import new_key
from kiosk.outbox.sync import MAX_IN_FLIGHT

APPLICATION_NAME = "bench_drain_profile"
DEFAULT_COUNT = 4000
BUDGET_S = 120.0


def _tagged(url: str) -> str:
    """``url`` whose PostgreSQL backends carry ``APPLICATION_NAME``."""
    if not url.startswith("postgresql"):
        return url
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}application_name={APPLICATION_NAME}"


def _backend_cpu_s(url: str) -> float:
    """CPU seconds so far of the PostgreSQL backends serving the central (0 on SQLite)."""
    if not url.startswith("postgresql"):
        return 0.0
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            pids = conn.execute(
                text("SELECT pid FROM pg_stat_activity WHERE application_name = :name"),
                {"name": APPLICATION_NAME},
            ).scalars()
            total = 0.0
            for pid in pids:
                with contextlib.suppress(OSError):
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            return total
    finally:
        engine.dispose()


@contextlib.contextmanager
def _maybe_profiled(pid: int, out: Path, wanted: bool) -> Iterator[None]:
    if not wanted:
        yield
        return
    with profiled(pid, out):
        yield


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.drain_profile", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--no-py-spy", dest="spy", action="store_false")
    args = parser.parse_args()
    key = new_key()
    with tempfile.TemporaryDirectory(prefix="bench-drain-profile-") as folder:
        outbox = Path(folder) / "outbox.db"
        fill(outbox, key, args.count)
        raw = Path(folder) / "profile.txt"
        with (
            database(args.db) as plain_url,
            central_process(_tagged(plain_url), workers=CENTRAL_WORKERS) as (central_url, proc),
        ):
            url = _tagged(plain_url)
            token = enroll_terminals(url, central_url, 1)[0]
            client = CentralClient(central_url, terminal_token=token)
            client.is_reachable()  # the pool's first connections, before counting
            with _maybe_profiled(proc.pid, raw, args.spy):
                central0, pg0 = tree_cpu_seconds(proc.pid), _backend_cpu_s(url)
                kiosk0, wall0 = time.process_time(), time.monotonic()
                drained = drain(outbox, key, args.count, client, MAX_IN_FLIGHT, BUDGET_S)
                kiosk_s, wall_s = time.process_time() - kiosk0, time.monotonic() - wall0
                central_s = tree_cpu_seconds(proc.pid) - central0
                pg_s = _backend_cpu_s(url) - pg0
            client.close()
        n = max(1, drained.report.delivered)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(
            f"{args.db}: {drained.report.delivered} delivered in {wall_s:.1f} s = "
            f"{drained.rate:.0f}/s, mean request {drained.request_ms:.1f} ms; load average {load}"
        )
        print(
            f"CPU per registration: central {1000 * central_s / n:.2f} ms, PostgreSQL "
            f"backends {1000 * pg_s / n:.2f} ms, kiosk side {1000 * kiosk_s / n:.2f} ms"
        )
        if args.spy:
            print("\n".join(summarize_profile(raw, top=25)))
            kept = Path(tempfile.gettempdir()) / f"drain-profile-{args.db}.txt"
            shutil.copyfile(raw, kept)
            print(f"(raw stacks kept in {kept})")


if __name__ == "__main__":
    main()
