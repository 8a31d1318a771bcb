"""Requests generated from the central's own /openapi.json (schemathesis) against
the real central over HTTP: no answer is a 500, and every answer (status, body,
content type) is one the schema documents. A small run in ``make test``, at
least 5,000 cases under ``--soak``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.conftest import add_terminal

DEFAULT_CASES_PER_OPERATION = 25  # ~20 operations: about 400 cases in make test
SOAK_CASES_PER_OPERATION = 350  # about 7,000 cases
# status_code_conformance is left out until the routes document their refusals:
# see test_refusals_are_documented below (a strict xfail naming the gap)
CHECKS = (not_a_server_error, content_type_conformance, response_schema_conformance)


@pytest.fixture(scope="module")
def fuzz_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedCentral]:
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'central.db'}"
    with EmbeddedCentral(Settings(database_url=url, delivery_backend="dev")) as running:
        yield running


@pytest.fixture(scope="module")
def token(fuzz_central: EmbeddedCentral) -> str:
    return add_terminal(fuzz_central)


@pytest.fixture(scope="module")
def api_schema(fuzz_central: EmbeddedCentral) -> Any:
    schemathesis.experimental.OPEN_API_3_1.enable()  # FastAPI publishes 3.1
    return schemathesis.from_uri(f"{fuzz_central.url}/openapi.json")


schema = schemathesis.from_pytest_fixture("api_schema")


def run(case: Any, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    case.call_and_validate(headers=headers, checks=CHECKS, timeout=10)


@schema.parametrize()
@settings(
    max_examples=DEFAULT_CASES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_generated_requests(case: Any, token: str) -> None:
    run(case, token)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=SOAK_CASES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck)
)
def test_generated_requests_soak(case: Any, token: str) -> None:
    run(case, token)


# what fuzzing got from each operation that its /openapi.json entry does not list
UNDOCUMENTED = {
    ("get", "/api/v1/account/contracts"): "401",
    ("post", "/api/v1/sessions"): "401",
    ("post", "/api/v1/terminals/enroll"): "401",
    ("post", "/api/v1/account/password"): "401",
    ("get", "/activate/{token}"): "404",
    ("get", "/api/v1/registrations/{registration_id}"): "404",
    ("post", "/api/v1/registrations/{registration_id}/confirm"): "404",
    ("post", "/api/v1/registrations/{registration_id}/resend"): "404",
    ("get", "/r/{registration_id}"): "404",
    ("post", "/r/{registration_id}"): "404",
}


@pytest.mark.xfail(
    strict=True,
    reason="reported to the routes' owner: refusals of the contract (401, 404, 409, 429...) "
    "are not declared with responses= so /openapi.json lists only 2xx and 422",
)
def test_refusals_are_documented(fuzz_central: EmbeddedCentral) -> None:
    paths = requests.get(f"{fuzz_central.url}/openapi.json", timeout=10).json()["paths"]
    missing = [
        f"{method.upper()} {path}: {status}"
        for (method, path), status in UNDOCUMENTED.items()
        if status not in paths[path][method]["responses"]
    ]
    assert missing == []
