"""The phone upload page's cap per address holds under a burst, on SQLite and
PostgreSQL: link tokens guessed in parallel from one address get at most the
hour's pages answered (``claim_documents.count_page_request`` counts one request
of an address at a time)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import requests

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.claims_support import claims_settings
from tests.central.conftest import TIMEOUT_S
from tests.security.test_parallel_limits import burst

PAGE_LIMIT = 4
GUESSES = 6 * PAGE_LIMIT


@pytest.fixture
def central_settings(database_url: str, tmp_path: Path) -> Settings:
    return claims_settings(database_url, tmp_path, claim_upload_pages_per_ip_per_hour=PAGE_LIMIT)


def test_a_burst_of_guessed_links_gets_at_most_the_hours_pages(central: EmbeddedCentral) -> None:
    def guess(i: int) -> requests.Response:
        return requests.get(f"{central.url}/claims/upload?t=guess-{i}", timeout=TIMEOUT_S)

    seen = Counter(a.status_code for a in burst(GUESSES, guess))
    assert seen[429] == GUESSES - PAGE_LIMIT, seen
    assert sum(n for status, n in seen.items() if status != 429) == PAGE_LIMIT, seen
