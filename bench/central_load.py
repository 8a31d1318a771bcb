"""Benchmark 5, the central under many terminals: 64 terminals, each on its own
keep-alive connection, register a client, read the SMS code from the dev
mailbox and confirm it, over and over for a fixed time, against
``python -m central serve`` on PostgreSQL (its own process: the load generator,
a single asyncio thread here, does not share its GIL). The baseline is a bare
uvicorn JSON endpoint (``bench.bare_server``) driven with the same request mix,
measured before and after the central in the same run.

Target: p99 < 150 ms (every request of the mix). Also reported: requests/s, the
fraction of the bare endpoint's throughput, p50/p99 per request kind, and (with
py-spy in the venv) where the central's CPU time goes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from bench.common import (
    BENCH_CENTRAL_ENV,
    PYTHON,
    Outcome,
    bench_email,
    bench_phone,
    central_process,
    enroll_terminals,
    free_port,
    percentile,
    postgres_schema,
    profiled,
    served,
    summarize_profile,
)

TERMINALS = 64
P99_TARGET_MS = 150.0
CENTRAL_DURATION_FULL_S = 20.0
ARGON2_RUNS = 5
CENTRAL_DURATION_QUICK_S = 3.0
BARE_DURATION_FULL_S = 10.0
BARE_DURATION_QUICK_S = 2.0
WARMUP_FULL_S = 3.0
WARMUP_QUICK_S = 0.5
REQUEST_TIMEOUT_S = 30.0
PHONES_PER_TERMINAL = 10_000  # phone numbers are terminal * this + sequence
PHONE_SERIES = 9
PHONE_SERIES_NO_CONFIRM = 8
CODE_RE = re.compile(rb"\b(\d{6})\b")
KINDS = ("register", "mailbox", "confirm")

_ = BENCH_CENTRAL_ENV  # the central runs with the caps lifted (see bench.common)


class HttpConnection:
    """A minimal HTTP/1.1 keep-alive client: the load generator must cost little."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._reader is None or self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        return self._reader, self._writer

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes = b""
    ) -> tuple[int, bytes]:
        reader, writer = await self._open()
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if method == "POST":
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        length = 0
        close = False
        for line in header_lines:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and "close" in value.lower():
                close = True
        payload = await reader.readexactly(length) if length else b""
        if close:
            await self.close()
        return status, payload

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()
        self._reader = self._writer = None


@dataclass
class Samples:
    """Latencies (ms) of requests that started after the warm-up and before the
    deadline (each waited for to its end), per kind; refusals (non-2xx) by status."""

    latencies_ms: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: dict[str, int] = field(default_factory=dict)
    window_s: float = 0.0
    confirms_sent: int = 0  # in the warm-up and the tail too (for CPU accounting)

    @property
    def all_ms(self) -> list[float]:
        return [ms for values in self.latencies_ms.values() for ms in values]

    @property
    def rate(self) -> float:
        return len(self.all_ms) / self.window_s if self.window_s else 0.0


async def _terminal(
    index: int,
    port: int,
    token: str,
    start_at: float,
    end_at: float,
    samples: Samples,
    confirm: bool,
) -> None:
    conn = HttpConnection("127.0.0.1", port)
    auth = {"Authorization": f"Bearer {token}", "Accept-Language": "ru"}

    async def timed(
        kind: str, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> bytes:
        t0 = time.monotonic()
        status, payload = await asyncio.wait_for(
            conn.request(method, path, headers, body), REQUEST_TIMEOUT_S
        )
        t1 = time.monotonic()
        if start_at <= t0 < end_at:  # started in the window: counted, however long it took
            samples.latencies_ms[kind].append((t1 - t0) * 1000)
            if status >= 300:
                key = f"{kind} HTTP {status}"
                samples.errors[key] = samples.errors.get(key, 0) + 1
        return payload

    n = 0
    try:
        while time.monotonic() < end_at:
            seq = index * PHONES_PER_TERMINAL + n
            n += 1
            series = PHONE_SERIES if confirm else PHONE_SERIES_NO_CONFIRM
            phone = bench_phone(seq, series)
            doc = {"email": bench_email(seq, series), "phone": phone, "consent": True}
            idem = {"Idempotency-Key": str(uuid.uuid4())}
            body = await timed(
                "register", "POST", "/api/v1/registrations", auth | idem, json.dumps(doc).encode()
            )
            registration_id = _field(body, "id") or "00000000-0000-0000-0000-000000000000"
            mail = await timed("mailbox", "GET", f"/dev/messages?to={quote(phone)}", {}, b"")
            if not confirm:
                continue
            found = CODE_RE.findall(mail)
            code = found[-1].decode() if found else "000000"
            idem = {"Idempotency-Key": str(uuid.uuid4())}
            samples.confirms_sent += 1
            await timed(
                "confirm",
                "POST",
                f"/api/v1/registrations/{registration_id}/confirm",
                auth | idem,
                json.dumps({"code": code}).encode(),
            )
    finally:
        await conn.close()


def _field(body: bytes, name: str) -> str | None:
    try:
        doc = json.loads(body)
    except ValueError:
        return None
    value = doc.get(name) if isinstance(doc, dict) else None
    return value if isinstance(value, str) else None


async def _drive(
    port: int, tokens: Sequence[str], warmup_s: float, duration_s: float, confirm: bool
) -> Samples:
    samples = Samples()
    now = time.monotonic()
    start_at, end_at = now + warmup_s, now + warmup_s + duration_s
    await asyncio.gather(
        *(_terminal(i, port, t, start_at, end_at, samples, confirm) for i, t in enumerate(tokens))
    )
    samples.window_s = duration_s
    return samples


def drive(
    port: int, tokens: Sequence[str], warmup_s: float, duration_s: float, confirm: bool = True
) -> Samples:
    return asyncio.run(_drive(port, tokens, warmup_s, duration_s, confirm))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _bare(duration_s: float, warmup_s: float) -> Samples:
    port = free_port()
    argv = [PYTHON, "-m", "bench.bare_server", "--port", str(port)]
    with served(argv, f"http://127.0.0.1:{port}"):
        return drive(port, ["bare"] * TERMINALS, warmup_s, duration_s)


def _describe(out: Outcome, label: str, samples: Samples) -> None:
    every = samples.all_ms
    out.figure(
        f"{label}: requests/s, p50 / p99",
        f"{samples.rate:.0f}/s, {percentile(every, 0.5):.1f} / {percentile(every, 0.99):.1f} ms "
        f"({len(every)} requests in {samples.window_s:g} s)",
    )
    for kind, values in samples.latencies_ms.items():
        out.figure(
            f"{label}: {kind} p50 / p99",
            f"{percentile(values, 0.5):.1f} / {percentile(values, 0.99):.1f} ms ({len(values)})",
        )
    if samples.errors:
        out.figure(f"{label}: refusals", ", ".join(f"{k}: {v}" for k, v in samples.errors.items()))


def run(quick: bool = False) -> Outcome:
    out = Outcome("central")
    central_s = CENTRAL_DURATION_QUICK_S if quick else CENTRAL_DURATION_FULL_S
    bare_s = BARE_DURATION_QUICK_S if quick else BARE_DURATION_FULL_S
    warmup_s = WARMUP_QUICK_S if quick else WARMUP_FULL_S
    out.figure("terminals (concurrent connections)", str(TERMINALS))

    bare_before = _bare(bare_s, warmup_s)
    _describe(out, "bare endpoint (before)", bare_before)
    with tempfile.TemporaryDirectory(prefix="bench-central-") as folder:
        profile = Path(folder) / "central-profile.txt"
        with postgres_schema() as url, central_process(url) as (central_url, proc):
            tokens = enroll_terminals(url, central_url, TERMINALS)
            port = int(central_url.rsplit(":", 1)[1])
            cpu0, wall0 = cpu_seconds(proc.pid), time.monotonic()
            with profiled(proc.pid, profile):
                central = drive(port, tokens, warmup_s, central_s)
            cpu_s, wall_s = cpu_seconds(proc.pid) - cpu0, time.monotonic() - wall0
            # the same terminals without the confirm step: what the rest costs
            cpu1, wall1 = cpu_seconds(proc.pid), time.monotonic()
            no_confirm = drive(port, tokens, warmup_s, central_s, confirm=False)
            cpu_nc_s, wall_nc_s = cpu_seconds(proc.pid) - cpu1, time.monotonic() - wall1
        _describe(out, "central on PostgreSQL", central)
        out.figure(
            "central process CPU",
            f"{cpu_s:.1f} s in {wall_s:.1f} s = {cpu_s / wall_s:.2f} cores busy; "
            f"{central.confirms_sent} confirms sent",
        )
        for line in summarize_profile(profile):
            out.figure("profile", line)
        _describe(out, "central, register + mailbox only (no confirm)", no_confirm)
        out.figure(
            "central process CPU without confirms",
            f"{cpu_nc_s:.1f} s in {wall_nc_s:.1f} s = {cpu_nc_s / wall_nc_s:.2f} cores busy",
        )
    bare_after = _bare(bare_s, warmup_s)
    _describe(out, "bare endpoint (after)", bare_after)

    bare_rate = (bare_before.rate + bare_after.rate) / 2
    out.figure("bare endpoint requests/s (mean of before/after)", f"{bare_rate:.0f}/s")
    fraction = central.rate / bare_rate if bare_rate else 0.0
    out.figure("central / bare endpoint throughput", f"{fraction:.3f}x")
    from central.core.security import hash_password

    costs_ms = []
    for _ in range(ARGON2_RUNS):
        t0 = time.perf_counter()
        hash_password("Bench-Temp-1")
        costs_ms.append((time.perf_counter() - t0) * 1000)
    argon2_ms = percentile(costs_ms, 0.5)
    out.figure(
        "one argon2 hash_password (a confirm makes one)",
        f"median {argon2_ms:.0f} ms wall of {ARGON2_RUNS}, in this process",
    )
    out.figure(
        "argon2's share of the central's CPU (estimate)",
        f"{central.confirms_sent} x {argon2_ms:.0f} ms = "
        f"{central.confirms_sent * argon2_ms / 1000:.1f} s of {cpu_s:.1f} s",
    )
    p99 = percentile(central.all_ms, 0.99)
    out.check(
        "central p99, 64 terminals", f"< {P99_TARGET_MS:g} ms", f"{p99:.0f} ms", p99 < P99_TARGET_MS
    )
    out.check(
        "central answered every request of the mix",
        "no refusal",
        f"{sum(central.errors.values())} refusals",
        not central.errors,
    )
    return out
