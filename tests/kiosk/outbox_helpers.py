"""Shared helpers of the outbox tests: a settable clock and a scripted sender.

``ScriptedSender`` stands in for the central only where the real one cannot be
made to answer on cue (Retry-After, a given refusal); the end-to-end tests use
the real central over HTTP.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.api_types import RegistrationRequest, RegistrationStarted
from kiosk.errors import CentralError

START_S = 1_750_000_000.0


@dataclass
class Clock:
    now_s: float = START_S

    def __call__(self) -> float:
        return self.now_s

    def advance(self, seconds: float) -> None:
        self.now_s += seconds


def request(n: int, **changes: object) -> RegistrationRequest:
    """A valid KZ registration, distinct for each ``n`` (0..99999)."""
    base = RegistrationRequest(
        email=f"client.{n:05d}@mail.ru",
        phone=f"+7701{n:07d}",
        consent=True,
        locale="ru",
        operator="clerk-7",
    )
    return RegistrationRequest(**{**base.__dict__, **changes})  # type: ignore[arg-type]


Answer = Callable[[RegistrationRequest], CentralError | None]


@dataclass
class ScriptedSender:
    """Answers each ``register`` by ``answer(req)``: an error to raise, or success."""

    answer: Answer = lambda req: None
    reachable: bool = True
    calls: list[tuple[str, RegistrationRequest]] = field(default_factory=list)

    def register(self, req: RegistrationRequest, *, idempotency_key: str) -> RegistrationStarted:
        self.calls.append((idempotency_key, req))
        err = self.answer(req)
        if err is not None:
            raise err
        now = datetime.now(UTC)
        return RegistrationStarted(
            id=f"reg-{idempotency_key}",
            status="code_sent",
            phone_masked="+7 701 *** ** 00",
            code_expires_at=now + timedelta(minutes=5),
            resend_available_at=now + timedelta(minutes=1),
            attempts_left=5,
        )

    def is_reachable(self) -> bool:
        return self.reachable


def raw_bytes(db_path: Path) -> bytes:
    """Everything SQLite keeps on disk for this database."""
    out = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = db_path.with_name(db_path.name + suffix)
        if p.exists():
            out += p.read_bytes()
    return out
