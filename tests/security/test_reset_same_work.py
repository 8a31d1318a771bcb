"""A password reset does the same database work whatever the login is (issue 10
item 10): an active account, one pending activation and a login nobody has
write the same rows, table by table, and get the same answer, so neither the
time taken nor the rows tell whether an account exists. What differs is done
off the request: the sender sends the pending account's activation email again,
and the stand-in rows reach nobody and go at the next purge. SQLite and
PostgreSQL, over real HTTP. (Timing itself is not asserted: it would be flaky;
identical work is what makes it equal.)"""

from __future__ import annotations

import requests
from sqlalchemy import Engine, func, select

from central.messaging.sender import Sender
from central.models import Base
from central.server import EmbeddedCentral
from central.services import purge
from tests.central.conftest import TIMEOUT_S, Api, create_account, password_emails
from tests.security.conftest import clock_of

ACTIVE, PENDING, NOBODY = "aigerim@mail.ru", "daulet@mail.ru", "ghost@mail.ru"
ACTIVE_PHONE, PENDING_PHONE = "+77011234567", "+77017654321"
# headers that differ between any two answers (the clock, the request's own id)
PER_ANSWER_HEADERS = {"date", "x-request-id"}


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for table in Base.metadata.sorted_tables
        }


def written(engine: Engine, api: Api, login: str) -> tuple[dict[str, int], requests.Response]:
    """The rows a reset for ``login`` adds, by table, and its answer."""
    before = row_counts(engine)
    answer = api.post("/api/v1/password-resets", {"login": login})
    after = row_counts(engine)
    return {name: after[name] - before[name] for name in after if after[name] != before[name]}, (
        answer
    )


def sender_of(central: EmbeddedCentral) -> Sender:
    assert central.app is not None
    found: Sender = central.app.state.sender
    return found


def test_a_reset_writes_the_same_rows_and_answers_the_same_for_any_login(
    central: EmbeddedCentral, api: Api
) -> None:
    create_account(api, ACTIVE, ACTIVE_PHONE)
    create_account(api, PENDING, PENDING_PHONE, activate=False)
    sender = sender_of(central)
    sender.stop()  # what the request writes, before the sender does anything with it
    try:
        found = {login: written(central.engine, api, login) for login in (ACTIVE, PENDING, NOBODY)}
    finally:
        sender.start()

    rows = {login: rows for login, (rows, _) in found.items()}
    assert rows[ACTIVE] == rows[PENDING] == rows[NOBODY], rows
    assert rows[NOBODY]["password_resets"] == 1 and rows[NOBODY]["messages"] == 1, rows
    answers = [answer for _, answer in found.values()]
    assert {a.status_code for a in answers} == {202}
    assert len({frozenset(a.json()) for a in answers}) == 1
    headers = [
        {k.lower(): v for k, v in a.headers.items() if k.lower() not in PER_ANSWER_HEADERS}
        for a in answers
    ]
    assert headers[0] == headers[1] == headers[2], headers

    # then: the active account has its code, the pending one its activation email
    # again (sent by the sender), and the stand-ins reach nobody
    assert any(m["kind"] == "password_reset_code" for m in api.messages(ACTIVE_PHONE))
    api.wait_messages(PENDING, 2)  # the activation email again
    assert password_emails(api, PENDING) == 2
    assert "password_reset_code" not in [m["kind"] for m in api.messages(PENDING_PHONE)]
    assert api.messages(NOBODY) == []
    listed = requests.get(f"{api.url}/dev/messages", timeout=TIMEOUT_S).json()["messages"]
    assert all(m["to"] for m in listed), "no stand-in row is listed"

    assert central.app is not None
    state = central.app.state
    report = purge.run(state.session_factory, state.settings, clock_of(central).now(), wait=True)
    assert report.counts.get("messages (void)") == 2, report.counts
