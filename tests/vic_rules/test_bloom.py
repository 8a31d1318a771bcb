"""The Bloom filter behind the breached-password list: no key added is ever missed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vic_rules.bloom import BloomFilter, BloomFilterError, build


@given(st.sets(st.text(min_size=1, max_size=20), max_size=200))
def test_every_key_added_is_found(keys: set[str]) -> None:
    found = BloomFilter(build(keys, len(keys), bits_per_key=15, hashes=10))
    assert all(key in found for key in keys)


def test_keys_never_added_are_found_rarely() -> None:
    keys = [f"key{n}" for n in range(5000)]
    found = BloomFilter(build(keys, len(keys), bits_per_key=15, hashes=10))
    strangers = sum(f"other{n}" in found for n in range(20000))
    assert strangers < 20000 * 0.005


@pytest.mark.parametrize("data", [b"", b"not a filter", build([], 0, 15, 10)[:12]])
def test_other_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(BloomFilterError):
        BloomFilter(data)
