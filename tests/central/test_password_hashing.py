"""Password hashing: argon2id at argon2-cffi's defaults, done in a few threads of
lowered priority so short requests do not queue behind a hash."""

from __future__ import annotations

import os
import threading

import pytest
from argon2 import PasswordHasher, Type, extract_parameters

from central.core import security


def test_hashes_are_argon2id_at_the_library_defaults_and_verify() -> None:
    stored = security.hash_password("Temp-Pass-12")
    found, default = extract_parameters(stored), PasswordHasher()
    assert found.type is Type.ID
    assert (found.time_cost, found.memory_cost, found.parallelism) == (
        default.time_cost,
        default.memory_cost,
        default.parallelism,
    )
    assert security.password_matches("Temp-Pass-12", stored)
    assert not security.password_matches("Temp-Pass-13", stored)


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="thread priorities are Linux's")
def test_hashing_threads_run_at_a_lower_priority_than_the_caller() -> None:
    def nice() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    caller = nice()
    hashing = security._hash_pool().submit(nice).result()
    assert hashing == min(19, caller + security.HASH_NICE)
