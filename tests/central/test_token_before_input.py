"""A terminal's request with a token that is no terminal's is refused as such
(``401``) whatever its input, as before the token was looked up in the
handler's thread: a caller without a valid token learns nothing of how input
is judged. With a valid token the same input gets the contract's ``422``."""

from __future__ import annotations

import pytest
import requests

from tests.central.conftest import TIMEOUT_S, Api

BAD_BODIES = [
    ("/api/v1/registrations", {"email": "a@b.kz", "phone": 7, "consent": "yes"}),
    ("/api/v1/registrations", {"unknown": 1}),
    ("/api/v1/password-resets", {}),
    ("/api/v1/registrations/x/confirm", {"code": ["1"]}),
]


@pytest.mark.parametrize(("path", "body"), BAD_BODIES)
def test_a_wrong_token_with_bad_input_is_401(sqlite_api: Api, path: str, body: object) -> None:
    answer = sqlite_api.post(path, body, token="not-a-terminal-token")
    assert answer.status_code == 401, answer.text
    assert answer.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize(("path", "body"), BAD_BODIES)
def test_a_valid_token_with_bad_input_is_422(sqlite_api: Api, path: str, body: object) -> None:
    answer = sqlite_api.post(path, body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["code"] == "validation_failed"


def test_no_token_or_a_bad_idempotency_key_with_a_wrong_token_is_401(sqlite_api: Api) -> None:
    body = {"email": "a@b.kz", "phone": 7}
    bare = requests.post(f"{sqlite_api.url}/api/v1/registrations", json=body, timeout=TIMEOUT_S)
    assert bare.status_code == 401, bare.text
    keyed = sqlite_api.post(
        "/api/v1/registrations",
        {"email": "a@b.kz", "phone": "+77011234567", "consent": True},
        token="not-a-terminal-token",
        key="not-a-uuid",
    )
    assert keyed.status_code == 401, keyed.text
