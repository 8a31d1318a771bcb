"""Password hashing: argon2id at OWASP's cost (19 MiB, t=2, p=1), done in a few
threads of lowered priority; old hashes are replaced at the next log-in; a
log-in costs the same whether or not the account exists; temporary passwords
are readable and still strong."""

from __future__ import annotations

import os
import statistics
import threading
import time

import pytest
from argon2 import PasswordHasher, Type, extract_parameters

from central.core import security
from vic_rules.password import violations

LOOK_ALIKES = set("0Oo1lIi5Ss2Zz6Gb8B9gq")


def test_hashes_are_argon2id_at_owasp_cost_and_verify() -> None:
    stored = security.hash_password("Temp-Pass-12")
    found = extract_parameters(stored)
    assert found.type is Type.ID
    assert (found.memory_cost, found.time_cost, found.parallelism) == (19 * 1024, 2, 1)
    assert security.password_matches("Temp-Pass-12", stored)
    assert not security.password_matches("Temp-Pass-13", stored)


def test_a_hash_at_the_old_defaults_is_replaced_when_its_password_matches() -> None:
    old = PasswordHasher().hash("Old-Pass-12")  # argon2-cffi defaults: 64 MiB, t=3, p=4
    assert security.verify_and_maybe_rehash("Wrong-Pass-1", old) == security.PasswordCheck(False)
    check = security.verify_and_maybe_rehash("Old-Pass-12", old)
    assert check.matches and check.new_hash is not None
    assert extract_parameters(check.new_hash).memory_cost == 19 * 1024
    assert security.password_matches("Old-Pass-12", check.new_hash)
    again = security.verify_and_maybe_rehash("Old-Pass-12", check.new_hash)
    assert again == security.PasswordCheck(True, None)  # today's hash is kept


def test_a_hash_argon2_cffi_made_at_todays_cost_verifies_and_is_kept() -> None:
    """What the central stored before its hashing moved to libsodium."""
    earlier = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)
    stored = earlier.hash("Kept-Pass-12")
    assert security.verify_and_maybe_rehash("Kept-Pass-12", stored) == security.PasswordCheck(
        True, None
    )
    assert earlier.verify(security.hash_password("Back-Pass-12"), "Back-Pass-12")


@pytest.mark.parametrize(
    "stored", ["", "plain-text", "$argon2id$v=19$m=19456,t=2,p=1$short", "$2b$12$" + "x" * 53]
)
def test_a_damaged_or_foreign_stored_hash_never_matches(stored: str) -> None:
    assert security.verify_and_maybe_rehash("Any-Pass-12", stored) == security.PasswordCheck(False)


def _cpu_s(password: str, stored: str | None) -> float:
    started = time.thread_time()
    security._check(password, stored)
    return time.thread_time() - started


def test_a_login_to_no_account_costs_what_a_wrong_password_costs() -> None:
    stored = security.hash_password("Real-Pass-12")
    security._check("warm-up", None)  # the stand-in hash is made once, at first use
    missing = statistics.median(_cpu_s("Guess-Pass-1", None) for _ in range(9))
    wrong = statistics.median(_cpu_s("Guess-Pass-1", stored) for _ in range(9))
    assert 0.7 < missing / wrong < 1.4, (missing, wrong)


def test_temporary_passwords_meet_the_policy_without_look_alikes() -> None:
    passwords = [security.new_temporary_password() for _ in range(2000)]
    assert len(set(passwords)) == len(passwords)
    for password in passwords:
        assert violations(password) == [], password
        assert not LOOK_ALIKES & set(password), password
        groups = password.split("-")
        assert [len(g) for g in groups] == [4, 4, 4], password
    assert security.temporary_password_entropy_bits() >= 60
    used = set("".join(passwords).replace("-", ""))
    assert used == set(security.TEMP_PASSWORD_ALPHABET)  # every symbol drawn: no bias to a few


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="thread priorities are Linux's")
def test_hashing_threads_run_at_a_lower_priority_than_the_caller() -> None:
    def nice() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    caller = nice()
    hashing = security._hash_pool().submit(nice).result()
    assert hashing == min(19, caller + security.HASH_NICE)
