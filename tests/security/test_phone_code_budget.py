"""One budget of codes per phone and hour (issue 11 leftovers): registration,
reset and email-correction codes count together against
``codes_per_phone_per_hour``, also under a burst of parallel requests (the
phone's lock on PostgreSQL, the write lock on SQLite). Real HTTP, both
databases."""

from __future__ import annotations

import uuid
from collections import Counter

import requests

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api, create_account
from tests.security.test_parallel_limits import burst, post

TYPO, RIGHT = "aigerim@mial.ru", "aigerim@mail.ru"
CORRECTIONS = "/api/v1/pending-accounts/email-corrections"
CAP = Settings().codes_per_phone_per_hour


def codes_to(api: Api, phone: str) -> int:
    kinds = {"registration_code", "password_reset_code"}
    return sum(m["kind"] in kinds for m in api.messages(phone))


def correct(api: Api) -> requests.Response:
    body = {"phone": KZ_PHONE, "email": RIGHT, "operator": "clerk-7", "id_checked": True}
    return post(api, CORRECTIONS, body, key=str(uuid.uuid4()))


def test_email_corrections_share_the_phone_budget_with_its_registration(api: Api) -> None:
    create_account(api, TYPO, KZ_PHONE, activate=False)  # the registration's code: 1
    for _ in range(CAP - 1):
        assert correct(api).status_code == 201
    refused = correct(api)
    assert refused.status_code == 429, refused.text
    assert 0 < int(refused.headers["Retry-After"]) <= 3600
    assert codes_to(api, KZ_PHONE) == CAP


def test_a_burst_of_email_corrections_stays_within_the_phone_budget(
    central: EmbeddedCentral, api: Api
) -> None:
    create_account(api, TYPO, KZ_PHONE, activate=False)
    seen = Counter(a.status_code for a in burst(20, lambda i: correct(api)))
    assert seen[500] == 0, seen
    assert seen[201] == CAP - 1, seen
    assert codes_to(api, KZ_PHONE) == CAP


def test_reset_codes_count_in_the_same_budget_as_the_registration_code(
    api: Api,
) -> None:
    create_account(api, RIGHT, KZ_PHONE)  # active: the registration's code is 1
    started = [api.post("/api/v1/password-resets", {"login": RIGHT}) for _ in range(CAP)]
    assert {a.status_code for a in started} == {202}  # the same answer past the budget
    assert codes_to(api, KZ_PHONE) == CAP, "the last request sent nothing"
