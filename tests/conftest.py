"""Fixtures for tests that need the embedded broker and a worker: each test starts its own.

Nothing here is skipped: a test that needs the broker starts it, and fails if it cannot.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from streams.worker.broker import EmbeddedBroker, free_port

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SEED_004 = SAMPLES / "004_e618b8fcb27a5de3.txt"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts a broker is slow: `pytest -m "not slow"` leaves them out."""
    for item in items:
        if "broker" in getattr(item, "fixturenames", ()) or item.get_closest_marker("broker"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker(log_path=tmp_path / "broker.log") as embedded:
        yield embedded


@pytest.fixture
def worker_env(broker: EmbeddedBroker, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LIVEBLOG_BROKER": broker.url,
        "LIVEBLOG_DATA_DIR": str(tmp_path / "state"),
        "LIVEBLOG_WEB_PORT": str(free_port()),
        "LIVEBLOG_LOG_LEVEL": "INFO",
    }


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A worker process as `liveblog worker` starts it, logging to ``log`` (appending)."""
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "streams", "worker"], env=env, stdout=out,
                                stderr=subprocess.STDOUT, cwd=ROOT)


def wait_until(condition: Callable[[], object], timeout: float = 60.0, poll: float = 0.1, what: str = "") -> None:
    """Wait on a condition instead of a fixed sleep: return as soon as it holds, fail at ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {timeout:g} s waiting for {what or condition}"
        time.sleep(poll)


def stop(process: subprocess.Popen[bytes], log: Path | None = None) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if log is not None and process.returncode not in (0, -15, -9):
        print(log.read_text(errors="replace")[-5000:])


@pytest.fixture
def worker(worker_env: dict[str, str], tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    log = tmp_path / "worker.log"
    process = start_worker(worker_env, log)
    yield process
    stop(process, log)


# The console script that `pip install -e .` put beside this interpreter.
LIVEBLOG = str(Path(sys.executable).parent / "liveblog")


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed console script as a user would."""
    return subprocess.run([LIVEBLOG, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout)
