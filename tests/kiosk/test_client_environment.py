"""What the terminal's environment may change of its requests to the central: a
proxy (``HTTP(S)_PROXY``, ``NO_PROXY``) is used; a ``.netrc`` is not (its Basic
auth replaced the terminal's token)."""

from __future__ import annotations

from pathlib import Path

import pytest

from central.server import EmbeddedCentral
from tests.kiosk.kit import add_terminal, make_client

PROXY_VARIABLES = ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY",
                   "all_proxy", "NO_PROXY", "no_proxy")  # fmt: skip


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_netrc_entry_for_the_central_does_not_replace_the_terminals_token(
    sqlite_central: EmbeddedCentral, clean_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login clerk password not-a-token\n", encoding="utf-8")
    netrc.chmod(0o600)
    clean_env.setenv("NETRC", str(netrc))
    with make_client(sqlite_central, add_terminal(sqlite_central)) as client:
        assert client.who_am_i()[1] == "Almaty-1 kiosk"


def test_a_proxy_in_the_environment_is_used_unless_the_central_is_excluded(
    sqlite_central: EmbeddedCentral, clean_env: pytest.MonkeyPatch, closed_url: str
) -> None:
    clean_env.setenv("HTTP_PROXY", closed_url)  # a proxy that is down
    with make_client(sqlite_central, None) as client:
        assert client.is_reachable() is False
    clean_env.setenv("NO_PROXY", "127.0.0.1")
    with make_client(sqlite_central, None) as client:
        assert client.is_reachable() is True
