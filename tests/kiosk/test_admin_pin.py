"""The admin PIN's guessing limit: kept in the data folder, growing delays, and
no free tries by restarting (a new ``AdminPin``) or by killing a check."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from kiosk.admin_pin import (
    FIRST_LOCKOUT_S,
    MAX_LOCKOUT_S,
    PIN_FREE_TRIES,
    AdminPin,
    PinLocked,
    lockout_delay_s,
)
from kiosk.credentials import Credentials
from tests.kiosk.outbox_helpers import Clock

PIN = "482193"


@pytest.fixture
def creds(tmp_path: Path) -> Credentials:
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")
    credentials = Credentials("t1", ring)
    credentials.set_admin_pin(PIN)
    return credentials


def test_delays_start_at_a_minute_double_and_stop_at_an_hour() -> None:
    assert [lockout_delay_s(n) for n in range(1, PIN_FREE_TRIES)] == [0.0] * 4
    assert lockout_delay_s(PIN_FREE_TRIES) == FIRST_LOCKOUT_S == 60
    assert lockout_delay_s(PIN_FREE_TRIES + 1) == 120
    assert lockout_delay_s(PIN_FREE_TRIES + 2) == 240
    assert lockout_delay_s(PIN_FREE_TRIES + 50) == MAX_LOCKOUT_S == 3600


def test_wrong_pins_lock_out_even_the_right_one_across_restarts(
    creds: Credentials, tmp_path: Path
) -> None:
    clock = Clock()
    for _ in range(PIN_FREE_TRIES):
        assert not AdminPin(creds, tmp_path, clock=clock).check("000000")  # a new one each time
    with pytest.raises(PinLocked) as caught:
        AdminPin(creds, tmp_path, clock=clock).check(PIN)
    assert caught.value.retry_after_s == pytest.approx(60)
    clock.advance(30)
    assert AdminPin(creds, tmp_path, clock=clock).wait_s() == pytest.approx(30)
    clock.advance(31)
    assert not AdminPin(creds, tmp_path, clock=clock).check("111111")
    with pytest.raises(PinLocked) as caught:
        AdminPin(creds, tmp_path, clock=clock).check(PIN)
    assert caught.value.retry_after_s == pytest.approx(120), "doubled"
    clock.advance(121)
    assert AdminPin(creds, tmp_path, clock=clock).check(PIN)
    assert AdminPin(creds, tmp_path, clock=clock).wait_s() == 0
    assert not AdminPin(creds, tmp_path, clock=clock).check("000000")
    assert AdminPin(creds, tmp_path, clock=clock).check(PIN), "a right PIN reset the count"


def test_an_attempt_counts_before_the_hash_runs(creds: Credentials, tmp_path: Path) -> None:
    """Killing the app during a check gives no free try: the count is on disk first."""
    clock = Clock()
    seen: list[int] = []

    class Watching:
        def check_admin_pin(self, pin: str) -> bool:
            seen.append(int(guard.path.read_text().split('"failures": ')[1].split(",")[0]))
            return creds.check_admin_pin(pin)

    guard = AdminPin(Watching(), tmp_path, clock=clock)
    guard.check("000000")
    guard.check("000001")
    assert seen == [1, 2]
    assert guard.path.stat().st_mode & 0o777 == 0o600
    assert PIN not in guard.path.read_text() and "000001" not in guard.path.read_text()


def test_a_damaged_record_counts_as_wrong_pins_not_as_none(
    creds: Credentials, tmp_path: Path
) -> None:
    clock = Clock()
    guard = AdminPin(creds, tmp_path, clock=clock)
    guard.path.write_text("{garbage", encoding="utf-8")
    assert not guard.check("000000")
    with pytest.raises(PinLocked):
        guard.check(PIN)
