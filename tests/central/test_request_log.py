"""The request log of ``python -m central serve``: request targets as an operator
reads them, with credentials and personal data masked."""

from __future__ import annotations

import pytest

from central.core.request_log import masked_target


@pytest.mark.parametrize(
    ("path", "query", "logged"),
    [
        ("/activate/Zx9-Qw_secret", b"", "/activate/***"),
        ("/activate/Zx9-Qw_secret", b"lang=en", "/activate/***?lang=***"),
        ("/activate/Zx9/extra", b"", "/activate/***/extra"),
        ("/r/5f0c6a2e", b"t=Zx9-Qw_secret&lang=kk", "/r/5f0c6a2e?t=***&lang=***"),
        ("/dev/messages", b"to=%2B77011234567", "/dev/messages?to=***"),
        ("/r/5f0c6a2e", b"Zx9-Qw_secret", "/r/5f0c6a2e?***=***"),
        ("/api/v1/registrations/5f0c6a2e", b"", "/api/v1/registrations/5f0c6a2e"),
    ],
)
def test_secrets_in_request_targets_are_masked(path: str, query: bytes, logged: str) -> None:
    assert masked_target(path, query) == logged
