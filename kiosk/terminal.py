"""The terminal's parts, put together once: credentials, central client, outbox.

Both the app and the operator commands build their parts here, so a terminal
always opens its outbox with the key from its keyring and talks to the central
with its own token and timeouts. Building touches the keyring and the disk: call
it off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.client import CentralClient
from kiosk.config import KioskConfig
from kiosk.credentials import Credentials, demo_credentials
from kiosk.daybook import Daybook, daybook_path
from kiosk.outbox import Outbox, SyncWorker, guard, outbox_path


@dataclass
class Terminal:
    """A terminal ready to work: ``client`` has the terminal token when enrolled."""

    config: KioskConfig
    credentials: Credentials
    client: CentralClient
    outbox: Outbox
    daybook: Daybook | None = None  # the clerk's «Регистраций сегодня», sealed with the outbox key

    @property
    def enrolled(self) -> bool:
        return bool(self.client.terminal_token)

    def sync_worker(self) -> SyncWorker:
        return SyncWorker(self.outbox, self.client)

    def close(self) -> None:
        self.client.close()
        remember_outbox(self.outbox, self.credentials)
        self.outbox.close()


def credentials_for(config: KioskConfig) -> Credentials:
    """The OS keyring for a real terminal; a file in the demo folder in demo mode.
    Keyed by the data folder, not the terminal's name (a rename keeps them)."""
    if config.demo:
        return demo_credentials(Path(config.data_dir), config.terminal_name)
    return Credentials.for_data_dir(config.data_dir, legacy_name=config.terminal_name)


def client_for(config: KioskConfig, token: str | None) -> CentralClient:
    return CentralClient(
        config.central_url,
        terminal_token=token,
        locale=config.default_locale,
        connect_timeout_s=config.connect_timeout_s,
        read_timeout_s=config.read_timeout_s,
    )


def outbox_for(config: KioskConfig, credentials: Credentials) -> Outbox:
    """The terminal's outbox; ``OutboxLost`` instead of a new empty one when the
    file this terminal had is gone or emptied (see ``kiosk.outbox.guard``)."""
    path = outbox_path(config.data_dir)
    guard.check_not_lost(path, credentials)
    box = Outbox(
        path,
        credentials.outbox_key(),
        capacity=config.outbox_capacity,
        retention_s=config.outbox_retention_s,
    )
    try:
        remember_outbox(box, credentials)
    except BaseException:
        box.close()
        raise
    return box


def remember_outbox(box: Outbox, credentials: Credentials) -> None:
    """Record in the keyring that this outbox exists and how many entries wait."""
    counts = box.counts()
    guard.record(credentials, counts["pending"] + counts["needs_attention"], box.clock)


def open_terminal(config: KioskConfig, credentials: Credentials | None = None) -> Terminal:
    """Open the terminal described by ``config`` (raises ``NoKeyringBackend``,
    ``OutboxError`` or ``OSError`` with a message for the operator)."""
    creds = credentials or credentials_for(config)
    Path(config.data_dir).mkdir(parents=True, exist_ok=True)
    outbox = outbox_for(config, creds)
    daybook = Daybook(daybook_path(Path(config.data_dir)), creds.outbox_key())
    return Terminal(config, creds, client_for(config, creds.terminal_token()), outbox, daybook)


def with_central(config: KioskConfig, url: str) -> KioskConfig:
    return replace(config, central_url=url.rstrip("/"))
