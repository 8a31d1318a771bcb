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
from typing import TYPE_CHECKING

from kiosk.api_types import RegistrationRequest, RegistrationStarted
from kiosk.errors import CentralError

if TYPE_CHECKING:
    from sqlalchemy import Engine

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
    return RegistrationRequest(**{**base.__dict__, **changes})


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


ROOT = Path(__file__).resolve().parents[2]
# the kiosk processes here are SIGKILLed: keyrings.alt's PlaintextKeyring would
# lose every entry to a kill during a write (kiosk.file_keyring)
FILE_KEYRING = "kiosk.file_keyring.CrashSafeFileKeyring"


def write_kiosk_config(folder: Path, central_url: str, name: str = "Almaty-1 clerk") -> Path:
    """A kiosk.toml for a terminal whose data (and outbox) live in ``folder/data``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiosk.toml"
    path.write_text(
        f'central_url = "{central_url}"\n'
        'mode = "clerk"\n'
        f'terminal_name = "{name}"\n'
        'default_locale = "en"\n'
        f'data_dir = "{folder / "data"}"\n'
        f'log_dir = "{folder / "logs"}"\n'
        "connect_timeout_s = 1\n"
        "read_timeout_s = 10\n",
        encoding="utf-8",
    )
    return path


def kiosk_env(folder: Path, config: Path) -> dict[str, str]:
    """Environment of a kiosk subprocess: its config and a keyring file in ``folder``."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("VIC_KIOSK_")}
    env.update(
        VIC_KIOSK_CONFIG=str(config),
        PYTHON_KEYRING_BACKEND=FILE_KEYRING,
        XDG_DATA_HOME=str(folder / "xdg"),
        PYTHONPATH=str(ROOT),
    )
    return env


@dataclass
class KioskTerminal:
    """An enrolled terminal: config file, keyring file, outbox path, all in tmp."""

    folder: Path
    config: Path
    env: dict[str, str]
    token: str
    key: bytes
    outbox_path: Path


def make_terminal(folder: Path, central_url: str, token: str, monkeypatch: object) -> KioskTerminal:
    """Write the config and store ``token`` and a fresh outbox key in a file keyring
    that this process (``monkeypatch``-ed env) and kiosk subprocesses share."""
    import keyring

    from kiosk.credentials import Credentials
    from kiosk.file_keyring import CrashSafeFileKeyring
    from kiosk.outbox import outbox_path

    config = write_kiosk_config(folder, central_url)
    env = kiosk_env(folder, config)
    for name in ("VIC_KIOSK_CONFIG", "PYTHON_KEYRING_BACKEND", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, env[name])  # type: ignore[attr-defined]
    backend = CrashSafeFileKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)  # type: ignore[attr-defined]
    creds = Credentials.for_data_dir(folder / "data")
    creds.set_terminal_token(token)
    return KioskTerminal(
        folder, config, env, token, creds.outbox_key(), outbox_path(folder / "data")
    )


def central_counts(engine: Engine, phones: list[str]) -> dict[str, tuple[int, int]]:
    """Per phone: (registrations, code SMS queued) as the central's database has them."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from central.models import Message, Registration

    with Session(engine) as s:
        regs = dict(
            s.execute(
                select(Registration.phone, func.count())
                .where(Registration.phone.in_(phones))
                .group_by(Registration.phone)
            ).all()
        )
        sms = dict(
            s.execute(
                select(Message.to, func.count())
                .where(Message.channel == "sms", Message.to.in_(phones))
                .group_by(Message.to)
            ).all()
        )
    return {p: (int(regs.get(p, 0)), int(sms.get(p, 0))) for p in phones}


def wait_until(predicate: Callable[[], bool], timeout_s: float, what: str) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(0.05)
