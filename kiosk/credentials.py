"""The terminal's secrets in the OS keyring: terminal token, outbox key, admin PIN hash.

Nothing secret is written to the configuration file, the data folder or the logs.
Entries live under the service ``vic-kiosk/<id>``; a terminal's id is its data
folder (:meth:`Credentials.for_data_dir`), never its display name, so renaming a
terminal keeps its token, its outbox key and so every waiting entry. Entries an
older version kept under ``vic-kiosk/<terminal name>`` are moved on first use.
Callers may rely on
every keyring failure surfacing as :class:`CredentialError` (usually its subclass
:class:`NoKeyringBackend`, whose message tells an administrator what to do).

Production needs a real OS keyring (Secret Service on Linux, Credential Locker on
Windows, Keychain on macOS). A plain-text file keyring found by auto-detection is
refused; :func:`demo_credentials` uses one deliberately, inside the demo data folder,
and is for demo mode only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import ClassVar, Final

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, KeyringLocked, PasswordDeleteError

__all__ = [
    "MIN_PIN_CHARS",
    "OUTBOX_KEY_BYTES",
    "CredentialError",
    "Credentials",
    "NoKeyringBackend",
    "demo_credentials",
]

SERVICE_PREFIX: Final = "vic-kiosk/"
OUTBOX_KEY_BYTES: Final = 32
MIN_PIN_CHARS: Final = 6
DEMO_KEYRING_FILE: Final = "demo-keyring.cfg"

_TOKEN: Final = "terminal_token"
_OUTBOX_KEY: Final = "outbox_key"
_ADMIN_PIN: Final = "admin_pin_hash"
_OUTBOX_MARKER: Final = "outbox_marker"
_NEXT_TOKEN: Final = "terminal_token_next"
_ENTRIES: Final = (_TOKEN, _OUTBOX_KEY, _ADMIN_PIN, _OUTBOX_MARKER, _NEXT_TOKEN)

_SCRYPT_N: Final = 2**14
_SCRYPT_R: Final = 8
_SCRYPT_P: Final = 1
_SALT_BYTES: Final = 16
_HASH_BYTES: Final = 32

HOW_TO_CONFIGURE: Final = (
    "install and unlock an OS keyring (on Linux the Secret Service, e.g. gnome-keyring "
    "or KWallet, with a logged-in session; Windows Credential Locker and macOS Keychain "
    "work as they are) or name a backend in PYTHON_KEYRING_BACKEND"
)


class CredentialError(RuntimeError):
    """The keyring could not be used, or holds a damaged value."""

    # what the terminal's window says when opening fails so (``ui.startup``
    # translates the key; the message, for the operator, goes to the log only)
    problem_key: ClassVar[str] = "credentials"


class NoKeyringBackend(CredentialError):
    """No usable keyring: the message names the backend and how to configure one."""

    problem_key = "no_keyring"


class NoAdminPin(CredentialError):
    """A kiosk without an admin PIN: no employee could ever unlock it. The message
    (logs, commands) names the command; the window says it in the client's language."""

    problem_key = "no_admin_pin"


def _unusable_reason(backend: KeyringBackend, chosen_explicitly: bool) -> str | None:
    if isinstance(backend, fail.Keyring):
        return "no keyring backend is available"
    if isinstance(backend, null.Keyring):
        return "the null keyring is configured, which stores nothing"
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return "the keyring chain has no viable backend"
    plain = any(c.__module__.startswith("keyrings.alt.file") for c in type(backend).__mro__)
    if plain and not chosen_explicitly and "PYTHON_KEYRING_BACKEND" not in os.environ:
        return f"only a plain-text file keyring ({type(backend).__name__}) was found"
    return None


class Credentials:
    """This terminal's secrets in ``backend`` (default: the OS keyring), under the
    service ``vic-kiosk/<terminal_id>``; ``terminal_id`` must not change over the
    terminal's life (use :meth:`for_data_dir`).

    ``legacy_names``: services (``vic-kiosk/<name>``) where an older version kept
    this terminal's entries; any entry found there and not yet under the new
    service is moved over at construction, then removed from the old one.

    Raises :class:`NoKeyringBackend` at construction when the backend cannot keep
    secrets, and from any method when the keyring refuses (e.g. it is locked).
    """

    def __init__(
        self,
        terminal_id: str,
        backend: KeyringBackend | None = None,
        *,
        legacy_names: tuple[str, ...] = (),
    ) -> None:
        if not terminal_id.strip():
            raise ValueError("terminal_id must not be empty")
        chosen = backend if backend is not None else keyring.get_keyring()
        reason = _unusable_reason(chosen, chosen_explicitly=backend is not None)
        if reason is not None:
            raise NoKeyringBackend(
                f"The terminal cannot keep its secrets because {reason}: {HOW_TO_CONFIGURE}."
            )
        self._backend = chosen
        self.service = SERVICE_PREFIX + terminal_id.strip()
        for name in legacy_names:
            if name.strip() and SERVICE_PREFIX + name.strip() != self.service:
                self._migrate_from(SERVICE_PREFIX + name.strip())

    @classmethod
    def for_data_dir(
        cls,
        data_dir: Path,
        backend: KeyringBackend | None = None,
        *,
        legacy_name: str | None = None,
    ) -> Credentials:
        """The credentials of the terminal whose data (and outbox) live in
        ``data_dir``: the same folder always finds the same secrets, whatever the
        terminal is called. ``legacy_name``: its display name, where an older
        version kept them."""
        legacy = (legacy_name,) if legacy_name else ()
        return cls(str(Path(data_dir).expanduser().resolve()), backend, legacy_names=legacy)

    def _migrate_from(self, old_service: str) -> None:
        """Copy each entry of ``old_service`` that this service lacks, then delete
        the old one (copied first: a crash in between loses nothing)."""
        for name in _ENTRIES:
            try:
                old = self._backend.get_password(old_service, name)
            except KeyringError as exc:
                raise self._failure(exc) from None
            if old is None:
                continue
            if self._get(name) is None:
                self._set(name, old)
            try:
                self._backend.delete_password(old_service, name)
            except PasswordDeleteError:
                pass
            except KeyringError as exc:
                raise self._failure(exc) from None

    def _get(self, name: str) -> str | None:
        try:
            return self._backend.get_password(self.service, name)
        except KeyringError as exc:
            raise self._failure(exc) from None

    def _set(self, name: str, value: str) -> None:
        try:
            self._backend.set_password(self.service, name, value)
        except KeyringError as exc:
            raise self._failure(exc) from None

    def _delete(self, name: str) -> None:
        try:
            self._backend.delete_password(self.service, name)
        except PasswordDeleteError:
            pass
        except KeyringError as exc:
            raise self._failure(exc) from None

    def _failure(self, exc: KeyringError) -> NoKeyringBackend:
        state = "is locked" if isinstance(exc, KeyringLocked) else f"refused ({exc})"
        return NoKeyringBackend(
            f"The keyring {type(self._backend).__name__} {state} for {self.service}: "
            f"{HOW_TO_CONFIGURE}."
        )

    def terminal_token(self) -> str | None:
        """The bearer token from enrollment, or None when the terminal is not enrolled."""
        return self._get(_TOKEN) or None

    def set_terminal_token(self, token: str) -> None:
        if not token:
            raise ValueError("an empty terminal token cannot be stored")
        self._set(_TOKEN, token)

    def clear_terminal_token(self) -> None:
        self._delete(_TOKEN)
        self._delete(_NEXT_TOKEN)

    # Token rotation is a swap in three keyring writes, each safe to be the last
    # one before a crash: the new token is kept beside the current one
    # (``set_next_terminal_token``) until the central has taken it, then it
    # becomes the current one (``promote_next_terminal_token``). The central keeps
    # the old token working until the new one has been used (``kiosk.heartbeat``).

    def next_terminal_token(self) -> str | None:
        """A rotated token not yet confirmed to work, or None."""
        return self._get(_NEXT_TOKEN) or None

    def set_next_terminal_token(self, token: str) -> None:
        if not token:
            raise ValueError("an empty terminal token cannot be stored")
        self._set(_NEXT_TOKEN, token)

    def promote_next_terminal_token(self) -> None:
        """The next token (confirmed to work) becomes the terminal token."""
        found = self.next_terminal_token()
        if found is not None:
            self._set(_TOKEN, found)
            self._delete(_NEXT_TOKEN)

    def drop_next_terminal_token(self) -> None:
        """Forget a next token the central refused (its rotation was replaced)."""
        self._delete(_NEXT_TOKEN)

    def outbox_key(self) -> bytes:
        """The 32-byte key that encrypts the outbox; created (randomly) on first use.

        Stable afterwards: losing it makes the outbox unreadable, so a damaged value
        raises :class:`CredentialError` instead of being replaced.
        """
        stored = self._get(_OUTBOX_KEY)
        if stored is None:
            self._set(_OUTBOX_KEY, base64.b64encode(secrets.token_bytes(OUTBOX_KEY_BYTES)).decode())
            stored = self._get(_OUTBOX_KEY)
        try:
            key = base64.b64decode(stored or "", validate=True)
        except binascii.Error:
            key = b""
        if len(key) != OUTBOX_KEY_BYTES:
            raise CredentialError(
                f"The outbox key in the keyring under {self.service} is damaged: restore it "
                "from a backup, or delete it to start a new, empty outbox."
            )
        return key

    def has_admin_pin(self) -> bool:
        return bool(self._get(_ADMIN_PIN))

    def set_admin_pin(self, pin: str) -> None:
        """Store a salted scrypt hash of ``pin`` (never the PIN itself)."""
        if len(pin) < MIN_PIN_CHARS or not pin.isprintable():
            raise ValueError(f"the admin PIN needs at least {MIN_PIN_CHARS} characters")
        salt = secrets.token_bytes(_SALT_BYTES)
        digest = _scrypt(pin, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
        encoded = "$".join(
            [
                "scrypt",
                str(_SCRYPT_N),
                str(_SCRYPT_R),
                str(_SCRYPT_P),
                base64.b64encode(salt).decode(),
                base64.b64encode(digest).decode(),
            ]
        )
        self._set(_ADMIN_PIN, encoded)

    def check_admin_pin(self, pin: str) -> bool:
        """True only if ``pin`` matches the stored hash; False when none is set.

        Limiting attempts is the caller's job (the admin screen locks after a few).
        """
        stored = self._get(_ADMIN_PIN)
        if not stored:
            return False
        try:
            scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
            salt = base64.b64decode(salt_b64, validate=True)
            expected = base64.b64decode(digest_b64, validate=True)
            if scheme != "scrypt":
                return False
            actual = _scrypt(pin, salt, int(n), int(r), int(p))
        except (ValueError, binascii.Error):
            return False
        return hmac.compare_digest(actual, expected)

    def outbox_marker(self) -> str | None:
        """What ``kiosk.outbox.guard`` recorded about this terminal's outbox (not a
        secret: kept here because it must outlive the data folder's files)."""
        return self._get(_OUTBOX_MARKER)

    def set_outbox_marker(self, value: str | None) -> None:
        if value is None:
            self._delete(_OUTBOX_MARKER)
        else:
            self._set(_OUTBOX_MARKER, value)

    def clear(self) -> None:
        """Forget every secret of this terminal (decommissioning)."""
        for name in _ENTRIES:
            self._delete(name)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_HASH_BYTES, maxmem=64 * 1024 * 1024
    )


def demo_credentials(data_dir: Path, terminal_name: str = "demo") -> Credentials:
    """Credentials in a plain-text file inside the demo data folder. DEMO MODE ONLY.

    Demo mode must work on a machine without an OS keyring; its secrets protect only
    demo data. Never use this for a terminal that talks to the real central. The
    file belongs to the data folder, so the entries sit under one fixed service;
    ``terminal_name`` is only where an older version kept them (moved on first use).
    """
    from kiosk.file_keyring import CrashSafeFileKeyring

    data_dir.mkdir(parents=True, exist_ok=True)
    backend = CrashSafeFileKeyring()
    backend.file_path = str(data_dir / DEMO_KEYRING_FILE)
    return Credentials("demo", backend, legacy_names=(terminal_name,))
