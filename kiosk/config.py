"""The terminal's settings: a TOML file, overridden by ``VIC_KIOSK_<FIELD>`` variables.

The file is ``path`` if given, else ``$VIC_KIOSK_CONFIG``, else ``kiosk.toml`` in the
user config folder (platformdirs, app "vic-kiosk"). The file must exist: a branch
terminal whose file went missing must not come up as a demo, so a missing file is
a :class:`ConfigError` naming where it was looked for. *Demo mode* is only what
the caller asks for (``load_config(demo=True)``: ``main.py --demo``, ``make run``):
demo data live in their own folder and ``central_url`` stays empty unless set, for
``kiosk/demo.py`` to fill with its embedded central.

Callers may rely on a returned :class:`KioskConfig` being fully checked, and on every
problem being a :class:`ConfigError` whose message is one sentence naming the
setting, where it came from and what is expected. Secrets never live here: the
terminal token and keys are in the OS keyring (``kiosk/credentials.py``).
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Final, Literal, cast
from urllib.parse import urlsplit

import platformdirs

__all__ = [
    "APP_NAME",
    "ENV_PREFIX",
    "ConfigError",
    "KioskConfig",
    "check_central_url",
    "config_path",
    "load_config",
]

APP_NAME: Final = "vic-kiosk"
ENV_PREFIX: Final = "VIC_KIOSK_"
CONFIG_ENV: Final = "VIC_KIOSK_CONFIG"
CONFIG_FILE_NAME: Final = "kiosk.toml"

IDLE_TIMEOUT_S: Final = 90
IDLE_PROMPT_S: Final = 20
OUTBOX_CAPACITY: Final = 10_000
OUTBOX_RETENTION_S: Final = 7 * 86_400
CONNECT_TIMEOUT_S: Final = 5.0
READ_TIMEOUT_S: Final = 15.0
MAX_TERMINAL_NAME_CHARS: Final = 64

Mode = Literal["clerk", "kiosk"]
Locale = Literal["ru", "kk", "en"]


class ConfigError(ValueError):
    """A wrong, missing or unknown setting; ``str(error)`` is one sentence for a person."""

    def __init__(self, message: str, *, setting: str | None = None, source: str = "") -> None:
        super().__init__(message)
        self.setting = setting
        self.source = source


@dataclass(frozen=True)
class KioskConfig:
    """Checked settings. ``demo`` is True only when demo mode was asked for.

    ``mode`` "clerk" is a desk terminal driven by an employee; "kiosk" is
    self-service (idle reset after ``idle_timeout_s``, a prompt ``idle_prompt_s``
    before it). ``central_url`` has no trailing slash; it is "" only in demo mode.
    """

    central_url: str
    mode: Mode
    terminal_name: str
    default_locale: Locale = "ru"
    idle_timeout_s: int = IDLE_TIMEOUT_S
    idle_prompt_s: int = IDLE_PROMPT_S
    allowed_regions: tuple[str, ...] = ("KZ",)
    outbox_capacity: int = OUTBOX_CAPACITY
    outbox_retention_s: int = OUTBOX_RETENTION_S
    connect_timeout_s: float = CONNECT_TIMEOUT_S
    read_timeout_s: float = READ_TIMEOUT_S
    data_dir: Path = field(default_factory=lambda: _user_path("data"))
    log_dir: Path = field(default_factory=lambda: _user_path("log"))
    demo: bool = False


def _user_path(kind: Literal["config", "data", "log"]) -> Path:
    """The per-user folder of ``kind`` for this app."""
    if kind == "config":
        return platformdirs.user_config_path(APP_NAME, appauthor=False)
    if kind == "data":
        return platformdirs.user_data_path(APP_NAME, appauthor=False)
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


SETTINGS: Final = tuple(f.name for f in fields(KioskConfig) if f.name != "demo")
REQUIRED: Final = ("central_url", "mode", "terminal_name")


def config_path(env: Mapping[str, str] = os.environ) -> Path:
    """The file :func:`load_config` reads when not given a path (it may not exist)."""
    named = env.get(CONFIG_ENV, "").strip()
    if named:
        return Path(named).expanduser()
    return _user_path("config") / CONFIG_FILE_NAME


def _fail(setting: str, source: str, expected: str, value: object) -> ConfigError:
    return ConfigError(
        f"Setting '{setting}' from {source} must be {expected}, not {value!r}.",
        setting=setting,
        source=source,
    )


def check_central_url(value: object, source: str) -> str:
    """``value`` as a central URL without trailing slash, or ``ConfigError``: https,
    or http only to a loopback host (enrollment codes and tokens never travel in
    clear). ``source`` names where the value came from, for the sentence."""
    expected = "an https:// URL of the central (http:// only for a loopback host)"
    if not isinstance(value, str):
        raise _fail("central_url", source, expected, value)
    url = value.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError:
        raise _fail("central_url", source, expected, value) from None
    if parts.scheme not in ("http", "https") or not host or parts.username or parts.query:
        raise _fail("central_url", source, expected, value)
    if parts.scheme == "http" and not _is_loopback(host):
        raise _fail("central_url", source, expected, value)
    return url


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _choice(*allowed: str) -> Callable[[str, object, str], object]:
    def check(setting: str, value: object, source: str) -> object:
        if value not in allowed:
            expected = " or ".join(f'"{a}"' for a in allowed)
            raise _fail(setting, source, expected, value)
        return value

    return check


def _positive(kind: type) -> Callable[[str, object, str], object]:
    def check(setting: str, value: object, source: str) -> object:
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = kind(value.strip())
        ok_types = (int, float) if kind is float else (int,)
        if (
            isinstance(value, bool)
            or not isinstance(value, ok_types)
            or not math.isfinite(value)
            or value <= 0
        ):
            what = "a positive whole number" if kind is int else "a positive number"
            unit = " of seconds" if setting.endswith("_s") else ""
            raise _fail(setting, source, what + unit, value)
        return kind(value)

    return check


def _terminal_name(setting: str, value: object, source: str) -> object:
    expected = f"a non-empty printable name of at most {MAX_TERMINAL_NAME_CHARS} characters"
    if not isinstance(value, str):
        raise _fail(setting, source, expected, value)
    name = value.strip()
    if not name or len(name) > MAX_TERMINAL_NAME_CHARS or not name.isprintable():
        raise _fail(setting, source, expected, value)
    return name


def _regions(setting: str, value: object, source: str) -> object:
    items = value.split(",") if isinstance(value, str) else value
    expected = 'a non-empty list of region codes such as ["KZ"]'
    if not isinstance(items, list | tuple) or not items:
        raise _fail(setting, source, expected, value)
    if not all(isinstance(r, str) for r in items):
        raise _fail(setting, source, expected, value)
    regions = tuple(r.strip().upper() for r in items)
    import phonenumbers  # only for this setting: see load_config

    if not set(regions) <= phonenumbers.SUPPORTED_REGIONS:
        raise _fail(setting, source, expected, value)
    return regions


def _directory(setting: str, value: object, source: str) -> object:
    if not isinstance(value, str) or not value.strip():
        raise _fail(setting, source, "a folder path", value)
    return Path(value.strip()).expanduser()


_CHECKS: Final[dict[str, Callable[[str, object, str], object]]] = {
    "central_url": lambda _s, v, src: check_central_url(v, src),
    "mode": _choice("clerk", "kiosk"),
    "terminal_name": _terminal_name,
    "default_locale": _choice("ru", "kk", "en"),
    "idle_timeout_s": _positive(int),
    "idle_prompt_s": _positive(int),
    "allowed_regions": _regions,
    "outbox_capacity": _positive(int),
    "outbox_retention_s": _positive(int),
    "connect_timeout_s": _positive(float),
    "read_timeout_s": _positive(float),
    "data_dir": _directory,
    "log_dir": _directory,
}


def _read_file(path: Path) -> dict[str, Any]:
    import tomllib  # a demo terminal (no file) never needs it

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(
            f"The configuration file {path} does not exist: create it or unset {CONFIG_ENV}.",
            source=str(path),
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"The configuration file {path} cannot be read ({exc.strerror}).", source=str(path)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"The configuration file {path} is not valid TOML ({exc}).", source=str(path)
        ) from None


def load_config(
    path: Path | None = None, env: Mapping[str, str] = os.environ, *, demo: bool = False
) -> KioskConfig:
    """The checked settings of this terminal; see the module docstring for the sources.

    ``demo``: the demo terminal (the default file is not read; a file named
    explicitly and variables still apply). Without it a missing file is a
    ``ConfigError``.

    It runs before the terminal's first window is painted, so what only some
    settings need (tomllib for a file, phonenumbers for ``allowed_regions``) is
    imported where it is used, not with this module.
    """
    explicit = path is not None or bool(env.get(CONFIG_ENV, "").strip())
    file_path = Path(path).expanduser() if path is not None else config_path(env)
    if not demo and not explicit and not file_path.exists():
        raise ConfigError(
            f"No configuration file was found at {file_path}: create it, name one with "
            f"--config or {CONFIG_ENV}, or start the demo with --demo.",
            source=str(file_path),
        )
    raw: dict[str, tuple[object, str]] = {}
    if explicit or not demo:  # the demo never reads a branch terminal's own file
        source = f"the configuration file {file_path}"
        for key, value in _read_file(file_path).items():
            if key not in SETTINGS:
                raise ConfigError(
                    f"Unknown setting '{key}' in {source}: expected only {', '.join(SETTINGS)}.",
                    setting=key,
                    source=str(file_path),
                )
            raw[key] = (value, source)
    for key in SETTINGS:
        variable = ENV_PREFIX + key.upper()
        if variable in env:
            raw[key] = (env[variable], f"the environment variable {variable}")
    values: dict[str, object] = {}
    for key, (value, source) in raw.items():
        checked = _CHECKS[key](key, value, source)
        if isinstance(checked, Path) and not checked.is_absolute():
            checked = (
                file_path.parent if source.startswith("the configuration") else Path.cwd()
            ) / checked
        values[key] = checked
    if demo:
        demo_dir = _user_path("data") / "demo"
        values.setdefault("central_url", "")
        values.setdefault("mode", "kiosk")
        values.setdefault("terminal_name", "demo")
        values.setdefault("data_dir", demo_dir)
        values.setdefault("log_dir", demo_dir / "logs")
    for key in REQUIRED:
        if key not in values:
            raise ConfigError(
                f"Setting '{key}' is missing from the configuration file {file_path}: "
                f"add it there or set {ENV_PREFIX}{key.upper()}.",
                setting=key,
                source=str(file_path),
            )
    idle_timeout = cast(int, values.get("idle_timeout_s", IDLE_TIMEOUT_S))
    idle_prompt = cast(int, values.get("idle_prompt_s", IDLE_PROMPT_S))
    if idle_prompt >= idle_timeout:
        source = raw.get("idle_prompt_s", raw.get("idle_timeout_s", (None, str(file_path))))[1]
        raise ConfigError(
            f"Setting 'idle_prompt_s' ({idle_prompt}) from {source} must be shorter than "
            f"'idle_timeout_s' ({idle_timeout}).",
            setting="idle_prompt_s",
            source=source,
        )
    return KioskConfig(**values, demo=demo)  # type: ignore[arg-type]
