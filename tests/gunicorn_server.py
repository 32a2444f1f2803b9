"""Real processes for fault and load tests, without pytest: `gunicorn -w 2 webhook:app`, a redis-server that can
be killed and restarted on the same port, and signed Twilio requests over real HTTP.

Used by tests/test_faults.py, tests/test_gunicorn_redis.py, tests/conftest_redis.py and scripts/loadtest.py;
failures raise ServerError (tests turn it into a failure).
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from twilio.request_validator import RequestValidator

from tests.payloads import encode_twilio, load_twilio, with_fields

ROOT = Path(__file__).resolve().parent.parent
BOOT_TIMEOUT = 60.0     # two workers each load the content and the language detector
REDIS_TIMEOUT = 10.0    # seconds for redis-server to answer PING (it replays its append-only file first)
HTTP_TIMEOUT = 30.0


class ServerError(RuntimeError):
    """A server process did not start, or died."""


def free_port() -> int:
    """A TCP port free right now on 127.0.0.1 (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers_ping(port: int) -> bool:
    """True if something on 127.0.0.1:port answers an inline PING with +PONG."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


@dataclass
class RedisProcess:
    """A redis-server on a fixed loopback port; `persist` keeps data across a kill (AOF, fsync on every write)."""

    executable: str
    port: int
    workdir: Path
    persist: bool = True
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """The store URL, database 0."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Launch redis-server and return once it answers PING."""
        persistence = ["--appendonly", "yes", "--appendfsync", "always"] if self.persist else ["--appendonly", "no"]
        args = [self.executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", *persistence,
                "--dir", str(self.workdir), "--logfile", str(self.workdir / "redis.log")]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + REDIS_TIMEOUT
        while not answers_ping(self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                code = self.proc.poll()
                self.kill()
                why = f"exited with {code}" if code is not None else f"did not answer PING within {REDIS_TIMEOUT}s"
                raise ServerError(f"redis-server {why}: {self._log_tail()}")
            time.sleep(0.01)  # readiness poll

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """SIGKILL (default), as a crash or an OOM kill would: no shutdown, no final save; SIGTERM is a clean stop."""
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(sig)
        if proc is not None:
            proc.wait()

    def _log_tail(self) -> str:
        """The end of the server log."""
        log = self.workdir / "redis.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"


@dataclass
class Gunicorn:
    """A running `gunicorn webhook:app` on loopback."""

    proc: subprocess.Popen[bytes]
    url: str
    log: Path

    def stop(self) -> None:
        """Terminate (kill if it lingers) and wait."""
        stop_process(self.proc, timeout=15)


def stop_process(proc: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM, SIGKILL if it has not exited after `timeout` seconds, and wait; nothing if it already exited."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_gunicorn(env: dict[str, str], workdir: Path, workers: int = 2, threads: int = 1,
                   extra: Sequence[str] = ()) -> Gunicorn:
    """`gunicorn -w N [extra] webhook:app` on a free loopback port with `env` added to this process's
    environment; returns once /healthz answers 200."""
    port = free_port()
    args = [sys.executable, "-m", "gunicorn", "-w", str(workers), "--threads", str(threads),
            "-b", f"127.0.0.1:{port}", *extra, "webhook:app"]
    log = workdir / "gunicorn.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=out)
    server = Gunicorn(proc, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + BOOT_TIMEOUT
    while health(server.url) != 200:
        if proc.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise ServerError(f"gunicorn did not become healthy: {log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.05)  # readiness poll
    return server


def health(url: str) -> int | None:
    """The status of GET /healthz, or None when nothing answers."""
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError):
        return None


def twilio_form(number: str, body: str, sid: str | None = None) -> dict[str, str]:
    """A recorded Twilio SMS webhook body with our sender, text and a fresh MessageSid (no FromState)."""
    sid = sid or f"SM{uuid.uuid4().hex}"
    return with_fields(load_twilio("sms"), Body=body, From=number, MessageSid=sid, FromState="")


def post_twilio(url: str, token: str, base: str, form: dict[str, str],
                timeout: float = HTTP_TIMEOUT) -> tuple[int, list[str]]:
    """POST one form signed as Twilio signs it (for base + /twilio); (status, <Message> bodies). Never raises
    on an HTTP error status: the caller counts them."""
    signature = RequestValidator(token).compute_signature(base + "/twilio", form)
    request = urllib.request.Request(url + "/twilio", data=encode_twilio(form).encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status), twiml_bodies(response.read())
    except urllib.error.HTTPError as exc:
        return int(exc.code), []


def twiml_bodies(xml: bytes) -> list[str]:
    """The <Message> texts of a TwiML answer."""
    return [m.text or "" for m in ElementTree.fromstring(xml).findall("Message")]
