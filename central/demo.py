"""Demo data: a few online-purchase clients and a demo terminal.

``prepare_demo`` is what the kiosk's demo mode calls in-process before starting
an ``EmbeddedCentral`` on the same database; ``python -m central demo`` calls it
and then serves. Seeding is idempotent (the importer skips known contracts);
each call returns a fresh one-time enrollment code for a demo terminal, reusing
the terminal that is still waiting for enrollment instead of piling up rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import platformdirs

from central.core.config import Settings
from central.core.db import make_engine, make_session_factory, write_transaction
from central.core.migrate import upgrade
from central.importer import ImportReport, import_text
from central.models import utcnow
from central.repositories import terminals as terminal_repo

DEMO_BRANCH = "Демо-филиал"
DEMO_TERMINAL_NAME = "Демо-терминал"
DEMO_CODE_TTL_S = 24 * 3600


@dataclass(frozen=True)
class DemoInfo:
    enrollment_code: str
    terminal_id: str
    branch: str
    client_logins: tuple[str, ...]
    seeded: ImportReport


def demo_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("vic-kiosk", appauthor=False)) / "central-demo"


def demo_database_url(data_dir: Path | None = None) -> str:
    folder = data_dir or demo_data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # personal data, if only demo
    return f"sqlite:///{(folder / 'central.db').resolve()}"


def demo_policies_csv() -> str:
    return files("central").joinpath("demo_data/policies.csv").read_text(encoding="utf-8")


def prepare_demo(database_url: str) -> DemoInfo:
    """Migrate and seed ``database_url`` (once) and return a fresh enrollment code."""
    settings = Settings(database_url=database_url, delivery_backend="dev")
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        factory = make_session_factory(engine)
        report = import_text(factory, settings, demo_policies_csv())
        with write_transaction(factory) as db:
            now = utcnow()
            waiting = terminal_repo.awaiting_in_branch(db, DEMO_BRANCH)
            if waiting is None:
                waiting, code = terminal_repo.create(
                    db, name=DEMO_TERMINAL_NAME, branch=DEMO_BRANCH, now=now, ttl_s=DEMO_CODE_TTL_S
                )
            else:
                code = terminal_repo.reissue_code(db, waiting, now=now, ttl_s=DEMO_CODE_TTL_S)
            terminal_id = waiting.id
    finally:
        engine.dispose()
    logins = tuple(
        dict.fromkeys(line.split(",")[1] for line in demo_policies_csv().splitlines()[1:])
    )
    return DemoInfo(
        enrollment_code=code,
        terminal_id=terminal_id,
        branch=DEMO_BRANCH,
        client_logins=logins,
        seeded=report,
    )
