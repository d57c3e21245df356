"""Worker processes started by other commands (demo, bench): start one, stop it for sure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def spawn_worker(env: dict[str, str], log: Path, cwd: Path | None = None) -> subprocess.Popen[bytes]:
    """`liveblog worker` in its own session, configured by ``env``, logging to ``log`` (appended)."""
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "streams", "worker"], env=env, stdout=out,
                                stderr=subprocess.STDOUT, cwd=cwd, start_new_session=True)


def stop_process(process: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    """SIGTERM (the worker commits and stops cleanly), then SIGKILL after ``timeout``."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
