"""The audit trail answers a breach question from the command line: what
happened to this account, whose data this terminal touched between T1 and T2;
never a secret in it, contacts only masked."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from central.core.clock import Clock
from central.models import Terminal
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, create_account
from tests.central.test_access import NEW_PASSWORD, change, log_in
from tests.central.test_cli import cli


def audit(central: EmbeddedCentral, *args: str) -> list[dict[str, str | None]]:
    done = cli("audit", "--db", central.settings.database_url, "--json", *args)
    assert done.returncode == 0, done.stderr
    found: list[dict[str, str | None]] = json.loads(done.stdout)
    return found


def test_what_happened_to_an_account_from_registration_to_log_in(
    central: EmbeddedCentral, api: Api
) -> None:
    password = create_account(api, email="aigerim@mail.ru", phone=KZ_PHONE)
    assert log_in(api, KZ_PHONE, "not-it-1A!").status_code == 401
    temporary = log_in(api, KZ_PHONE, password).json()["token"]
    assert change(api, temporary, password, NEW_PASSWORD).status_code == 204
    token = log_in(api, "aigerim@mail.ru", NEW_PASSWORD).json()["token"]
    assert api.get("/api/v1/account/contracts", token=token).status_code == 200

    events = audit(central, "--account", KZ_PHONE)
    assert [e["action"] for e in events] == [
        "account_created",
        "account_activated",
        "login_failed",
        "session_opened",
        "password_changed",
        "session_opened",
        "contracts_read",
    ]
    assert all(e["terminal_id"] for e in events if e["action"] != "account_activated")
    by_email = audit(central, "--account", "AIGERIM@mail.ru")
    assert by_email == events
    everything = cli("audit", "--db", central.settings.database_url).stdout
    assert password not in everything and NEW_PASSWORD not in everything and token not in everything
    assert KZ_PHONE not in everything and "aigerim@mail.ru" not in everything
    assert api.last_code(KZ_PHONE) not in everything


def test_whose_data_a_terminal_touched_between_two_times(
    central: EmbeddedCentral, api: Api, clock: Clock
) -> None:
    create_account(api, email="first@mail.ru", phone="+77011234567")
    t1 = clock.now()
    clock.advance(3600)
    create_account(api, email="second@mail.ru", phone="+77017654321")
    t2 = clock.now() + timedelta(seconds=1)
    with Session(central.engine) as db:
        [terminal_id] = db.scalars(select(Terminal.id)).all()

    window = audit(
        central, "--terminal", terminal_id, "--since", t1.isoformat(), "--until", t2.isoformat()
    )
    accounts = {e["account_id"] for e in window if e["account_id"]}
    assert len(accounts) == 1  # only the second client, registered inside the window
    assert audit(central, "--terminal", "no-such-terminal") == []


def test_an_unknown_account_or_a_bad_time_is_one_sentence(central: EmbeddedCentral) -> None:
    url = central.settings.database_url
    unknown = cli("audit", "--db", url, "--account", "+77019999999")
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "Error: No account has the login +77019999999."
    bad = cli("audit", "--db", url, "--since", "yesterday")
    assert bad.returncode == 2
    assert "is not a date or time" in bad.stderr


def test_each_question_has_its_index(central: EmbeddedCentral) -> None:
    """Without them a year of events is a full scan (the benchmark: bench audit)."""
    with Session(central.engine) as db:
        if central.engine.dialect.name == "sqlite":
            names = {r[1] for r in db.execute(text("PRAGMA index_list('audit_events')"))}
        else:
            query = "SELECT indexname FROM pg_indexes WHERE tablename = 'audit_events'"
            names = set(db.scalars(text(query)))
    assert {
        "ix_audit_events_account_at",
        "ix_audit_events_terminal_at",
        "ix_audit_events_at",
    } <= names
