"""Keep the benchmark scripts from rotting: the runner, the quick capture and
start-up benchmarks end to end, the load generator against the bare endpoint,
and the helpers. Figures are not asserted here (they are machine-dependent):
only that each benchmark runs and reports a verdict."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.__main__ import BENCHMARKS
from bench.central_load import _bare
from bench.common import percentile, summarize_profile

ROOT = Path(__file__).resolve().parents[2]
SMOKE_TIMEOUT_S = 120


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SMOKE_TIMEOUT_S,
    )


def test_quick_capture_and_startup_report_verdicts() -> None:
    done = run_bench("--quick", "capture", "startup")
    assert done.returncode == 0, done.stderr[-3000:]
    summary = done.stdout.split("== summary", 1)[1]
    verdicts = [line.split()[0] for line in summary.strip().splitlines()]
    assert len(verdicts) == 4 and set(verdicts) <= {"PASS", "MISS"}, done.stdout
    assert "capture p99" in summary and "start-up, app / bare window" in summary


def test_unknown_benchmark_is_a_usage_error() -> None:
    done = run_bench("nonesuch")
    assert done.returncode == 2
    assert "unknown benchmark nonesuch" in done.stderr


@pytest.mark.parametrize("name", sorted(BENCHMARKS))
def test_every_benchmark_has_a_run_function(name: str) -> None:
    module = importlib.import_module(BENCHMARKS[name][0])
    assert callable(module.run)


def test_load_generator_drives_the_bare_endpoint() -> None:
    samples = _bare(duration_s=0.5, warmup_s=0.1)
    assert samples.rate > 0
    assert not samples.errors
    assert {len(v) > 0 for v in samples.latencies_ms.values()} == {True}


def test_percentile_interpolates() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([5.0], 0.99) == 5.0
    assert percentile(list(range(101)), 0.99) == 99.0


def test_profile_summary_buckets_samples(tmp_path: Path) -> None:
    raw = tmp_path / "p.txt"
    raw.write_text(
        "run (central/routes/x.py:1);hash (argon2/_password_hasher.py:2) 30\n"
        "run (central/routes/x.py:1);execute (sqlalchemy/engine/base.py:3) 10\n"
    )
    lines = summarize_profile(raw)
    assert lines[0].startswith("40 samples")
    assert " 75.0%  argon2 (password hashing)" in lines
    assert any("central/routes/x.py" in line and "100.0%" in line for line in lines)


@pytest.mark.postgres
def test_quick_audit_asks_both_questions_on_postgres() -> None:
    if not os.environ.get("VIC_TEST_POSTGRES_URL"):
        pytest.skip("VIC_TEST_POSTGRES_URL is not set: the audit benchmark needs PostgreSQL")
    done = run_bench("--quick", "audit")
    assert done.returncode == 0, done.stderr[-3000:]
    summary = done.stdout.split("== summary", 1)[1]
    assert "account question" in summary and "terminal question" in summary
