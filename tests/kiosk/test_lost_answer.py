"""The central acted but its answer never reached the kiosk.

The flow cannot tell a lost answer from a central that never got the request, so
it saves the registration offline under the same Idempotency-Key; delivering it
later must replay the first registration, not send the client a second code.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.models import Message, Registration
from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.flows import RegistrationFlow, Step
from kiosk.outbox import Outbox, SyncWorker
from tests.faults.netfaults import DroppingProxy
from tests.kiosk.kit import add_terminal, make_client

PHONE = "+77011234567"


@pytest.fixture
def lossy_proxy(sqlite_central: EmbeddedCentral) -> Iterator[DroppingProxy]:
    proxy = DroppingProxy(sqlite_central.port, drop_fraction=1.0, seed=7).start()
    yield proxy
    proxy.close()


def count(central: EmbeddedCentral, query: object) -> int:
    with Session(central.engine) as db:
        return int(db.scalar(query) or 0)  # type: ignore[call-overload]


def test_a_lost_answer_is_saved_offline_and_delivered_without_a_second_code(
    sqlite_central: EmbeddedCentral, lossy_proxy: DroppingProxy, outbox: Outbox
) -> None:
    token = add_terminal(sqlite_central)
    lossy = CentralClient(lossy_proxy.url, terminal_token=token, read_timeout_s=5)
    flow = RegistrationFlow(lossy, outbox)
    assert flow.submit_details("aigerim@mail.ru", "87011234567", consent=True).ok

    assert flow.apply(flow.send()) is Step.SAVED_OFFLINE
    assert lossy_proxy.dropped >= 1
    assert count(sqlite_central, select(func.count()).select_from(Registration)) == 1

    direct = make_client(sqlite_central, token)
    report = SyncWorker(outbox, direct).drain_once()
    assert report.delivered == 1
    assert count(sqlite_central, select(func.count()).select_from(Registration)) == 1
    sms = select(func.count()).select_from(Message).where(Message.to == PHONE)
    assert count(sqlite_central, sms) == 1
