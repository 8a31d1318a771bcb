"""One entry the central fails on (HTTP 500) must not block a terminal's outbox:
the entries behind it are delivered, exactly once, and after a few 500s in a row
the bad entry is set aside for a clerk. A central failing on everything is still
"unreachable": nothing is set aside for it. A real central behind a real HTTP
server that answers 500 for the chosen entries (``FailingProxy``)."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from central.server import EmbeddedCentral
from kiosk.cli import run_cli
from kiosk.outbox import Outbox
from kiosk.outbox.sync import SERVER_ERROR_TRIES
from tests.faults.netfaults import FailingProxy
from tests.kiosk.kit import add_terminal
from tests.kiosk.outbox_helpers import central_counts, make_terminal, request


def sync(config: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_cli(["--config", str(config), "sync"], out=out, err=err)
    return code, out.getvalue() + err.getvalue()


@pytest.fixture
def poison() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def proxy(sqlite_central: EmbeddedCentral, poison: str) -> Iterator[FailingProxy]:
    running = FailingProxy(sqlite_central.url, {poison}).start()
    yield running
    running.close()


def test_an_entry_the_central_fails_on_is_set_aside_and_never_blocks_the_line(
    sqlite_central: EmbeddedCentral,
    proxy: FailingProxy,
    poison: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    term = make_terminal(tmp_path / "k", proxy.url, add_terminal(sqlite_central), monkeypatch)
    good = [request(n) for n in (41, 42)]
    with Outbox(term.outbox_path, term.key) as box:
        box.capture(request(40), entry_id=poison)  # the oldest: first in line
        for req in good:
            box.capture(req)

    code, said = sync(term.config)
    assert code == 1, said
    assert "failed (HTTP 5xx) on 1" in said and "Traceback" not in said
    phones = [r.phone for r in good]
    assert central_counts(sqlite_central.engine, phones) == {p: (1, 1) for p in phones}

    for _ in range(SERVER_ERROR_TRIES - 1):
        code, said = sync(term.config)
    assert code == 1 and "set aside" in said, said
    with Outbox(term.outbox_path, term.key) as box:
        entry = box.get(poison)
        assert entry.state == "needs_attention"
        assert entry.last_error is not None and "HTTP 500" in entry.last_error
        assert box.counts() == {"pending": 0, "delivered": 2, "needs_attention": 1}
    assert proxy.failed == SERVER_ERROR_TRIES
    code, said = sync(term.config)
    assert code == 0, said
    assert central_counts(sqlite_central.engine, [request(40).phone, *phones]) == {
        request(40).phone: (0, 0),
        **{p: (1, 1) for p in phones},
    }, "exactly once: nothing doubled, the refused one never reached the central"


def test_a_central_failing_on_everything_is_unreachable_and_sets_nothing_aside(
    sqlite_central: EmbeddedCentral, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = FailingProxy(sqlite_central.url, set(), fail_all=True).start()
    try:
        term = make_terminal(tmp_path / "k", proxy.url, add_terminal(sqlite_central), monkeypatch)
        with Outbox(term.outbox_path, term.key) as box:
            for n in range(50, 55):
                box.capture(request(n))
        for _ in range(SERVER_ERROR_TRIES + 1):
            code, said = sync(term.config)
            assert code == 3 and "does not answer" in said, said
        with Outbox(term.outbox_path, term.key) as box:
            assert box.counts() == {"pending": 5, "delivered": 0, "needs_attention": 0}
    finally:
        proxy.close()
