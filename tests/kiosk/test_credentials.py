"""Terminal secrets in a real keyring backend (a keyrings.alt file in tmp_path)."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked
from keyrings.alt.file import PlaintextKeyring

from kiosk.config import KioskConfig
from kiosk.credentials import (
    OUTBOX_KEY_BYTES,
    CredentialError,
    Credentials,
    NoKeyringBackend,
    demo_credentials,
)
from kiosk.file_keyring import CrashSafeFileKeyring
from kiosk.outbox import Outbox, outbox_path
from kiosk.outbox.schema import DueEntry
from kiosk.terminal import credentials_for, outbox_for
from tests.kiosk.outbox_helpers import request


@pytest.fixture
def backend(tmp_path: Path) -> PlaintextKeyring:
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")
    return ring


def test_terminal_token_round_trip_and_survives_a_new_instance(backend: PlaintextKeyring) -> None:
    creds = Credentials("Almaty-Abay-1", backend)
    assert creds.terminal_token() is None
    creds.set_terminal_token("tok-123")
    assert Credentials("Almaty-Abay-1", backend).terminal_token() == "tok-123"
    assert Credentials("Astana-2", backend).terminal_token() is None
    assert backend.get_password("vic-kiosk/Almaty-Abay-1", "terminal_token") == "tok-123"
    creds.clear_terminal_token()
    assert creds.terminal_token() is None
    creds.clear_terminal_token()


def test_outbox_key_is_32_random_bytes_created_once(backend: PlaintextKeyring) -> None:
    first = Credentials("t1", backend).outbox_key()
    assert len(first) == OUTBOX_KEY_BYTES
    assert Credentials("t1", backend).outbox_key() == first
    assert Credentials("t2", backend).outbox_key() != first


def test_damaged_outbox_key_is_reported_not_replaced(backend: PlaintextKeyring) -> None:
    backend.set_password("vic-kiosk/t1", "outbox_key", "not base64!")
    with pytest.raises(CredentialError, match="damaged"):
        Credentials("t1", backend).outbox_key()
    assert backend.get_password("vic-kiosk/t1", "outbox_key") == "not base64!"


def test_admin_pin_is_stored_hashed_and_checked(backend: PlaintextKeyring, tmp_path: Path) -> None:
    creds = Credentials("t1", backend)
    assert not creds.has_admin_pin()
    assert not creds.check_admin_pin("4821")
    creds.set_admin_pin("482193")
    assert creds.has_admin_pin()
    assert creds.check_admin_pin("482193")
    assert not creds.check_admin_pin("482194")
    assert not creds.check_admin_pin("")
    assert "482193" not in (tmp_path / "keyring.cfg").read_text(encoding="utf-8")
    creds.set_admin_pin("482193")
    stored = backend.get_password("vic-kiosk/t1", "admin_pin_hash")
    creds.set_admin_pin("482193")
    assert backend.get_password("vic-kiosk/t1", "admin_pin_hash") != stored
    with pytest.raises(ValueError):
        creds.set_admin_pin("12")


def test_admin_pin_needs_six_characters(backend: PlaintextKeyring) -> None:
    creds = Credentials("t1", backend)
    with pytest.raises(ValueError, match="at least 6"):
        creds.set_admin_pin("48219")
    assert not creds.has_admin_pin()
    creds.set_admin_pin("482190")
    assert creds.check_admin_pin("482190")


def test_renaming_a_terminal_keeps_its_token_key_and_waiting_entries(
    backend: PlaintextKeyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries an older version kept under the display name move to the data
    folder's service on first start; a later rename finds them all again."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    key = bytes(range(32))
    backend.set_password("vic-kiosk/Окно 2", "terminal_token", "tok-1")
    backend.set_password("vic-kiosk/Окно 2", "outbox_key", base64.b64encode(key).decode())
    old = KioskConfig(
        central_url="https://lk.vic.kz",
        mode="clerk",
        terminal_name="Окно 2",
        data_dir=tmp_path / "data",
        log_dir=tmp_path / "logs",
    )
    with Outbox(outbox_path(old.data_dir), key) as box:
        waiting = box.capture(request(5))

    first = credentials_for(old)
    assert first.terminal_token() == "tok-1" and first.outbox_key() == key
    assert backend.get_password("vic-kiosk/Окно 2", "terminal_token") is None, "moved"

    renamed = replace(old, terminal_name="Алматы, Абая 10, окно 3")
    creds = credentials_for(renamed)
    assert creds.terminal_token() == "tok-1"
    with outbox_for(renamed, creds) as box:
        due = box.open_due_many([waiting]).get(waiting)
    assert isinstance(due, DueEntry) and due.request.phone == request(5).phone


def test_clear_forgets_everything(backend: PlaintextKeyring) -> None:
    creds = Credentials("t1", backend)
    creds.set_terminal_token("tok")
    creds.set_admin_pin("482190")
    key = creds.outbox_key()
    creds.clear()
    assert creds.terminal_token() is None
    assert not creds.has_admin_pin()
    assert creds.outbox_key() != key


@pytest.mark.parametrize("unusable", [fail.Keyring(), null.Keyring()])
def test_no_usable_backend_says_how_to_configure_one(unusable: object) -> None:
    with pytest.raises(NoKeyringBackend) as caught:
        Credentials("t1", unusable)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "Secret Service" in message and "PYTHON_KEYRING_BACKEND" in message


def test_empty_chainer_is_no_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    with pytest.raises(NoKeyringBackend, match="no viable backend"):
        Credentials("t1", chainer.ChainerBackend())


@pytest.mark.parametrize("plain", [PlaintextKeyring, CrashSafeFileKeyring])
def test_auto_detected_plain_text_keyring_is_refused(
    plain: type[PlaintextKeyring], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = plain()
    found.file_path = str(tmp_path / "found.cfg")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr("keyring.get_keyring", lambda: found)
    with pytest.raises(NoKeyringBackend, match="plain-text"):
        Credentials("t1")


def test_demo_credentials_live_in_the_demo_data_folder(tmp_path: Path) -> None:
    demo_dir = tmp_path / "demo"
    creds = demo_credentials(demo_dir)
    creds.set_terminal_token("demo-token")
    key = creds.outbox_key()
    again = demo_credentials(demo_dir)
    assert again.terminal_token() == "demo-token"
    assert again.outbox_key() == key
    assert {p.name for p in demo_dir.iterdir()} == {"demo-keyring.cfg", "demo-keyring.cfg.lock"}


class _LockedKeyring(PlaintextKeyring):
    """A file keyring that behaves like a locked Secret Service collection."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("collection is locked")


def test_locked_keyring_says_to_unlock_it(tmp_path: Path) -> None:
    ring = _LockedKeyring()
    ring.file_path = str(tmp_path / "locked.cfg")
    creds = Credentials("t1", ring)
    with pytest.raises(NoKeyringBackend, match="is locked") as caught:
        creds.terminal_token()
    assert "unlock" in str(caught.value)
