"""A fake Telegram Bot API: a real HTTP server on 127.0.0.1 that python-telegram-bot talks to.

Usage:
    with FakeBotApi() as api:
        app = ApplicationBuilder().token(api.token).base_url(api.base_url) \
            .base_file_url(api.base_file_url).build()
        api.push_update(load_telegram("message"))       # served by getUpdates
        ...
        sent = api.wait_for("sendMessage", count=1)     # [{"chat_id": "6123456789", "text": ...}]

PTB posts `/bot<TOKEN>/<method>` as application/x-www-form-urlencoded (multipart when it uploads a
file); every value is a string and JSON-serialized fields (reply_markup, entities, ...) are JSON
strings, which `calls()` decodes. Long polls are capped at `max_poll_wait` seconds so a test never
hangs on the server, and stop() wakes any poll still waiting.
"""

from __future__ import annotations

import json
import logging
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import unquote

from tests.fakes.request_body import decode_body
from tests.fakes.served import Served
from tests.fakes.telegram_state import ApiState, RecordedCall, default_failure

__all__ = ["DEFAULT_TOKEN", "FakeBotApi", "RecordedCall"]

logger = logging.getLogger(__name__)

JsonDict = dict[str, Any]
# Shape of a real token (bot id, colon, 35 characters); the id part is the bot's user id.
DEFAULT_TOKEN = "7012345678:AAFakeTokenForTests_0123456789abcdef"


class FakeBotApi(Served):
    """The fake server plus the test-facing API: push updates, inspect calls, plan failures."""

    def __init__(self, token: str = DEFAULT_TOKEN, *, username: str = "kyr_test_bot",
                 max_poll_wait: float = 0.5) -> None:
        self.token = token
        bot_user = {"id": int(token.split(":", 1)[0]), "is_bot": True, "first_name": "KYR Test Bot",
                    "username": username, "can_join_groups": True,
                    "can_read_all_group_messages": False, "supports_inline_queries": False}
        self._state = ApiState(bot_user=bot_user, max_poll_wait=max_poll_wait)

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> FakeBotApi:
        """Serve, with long polls allowed again."""
        with self._state.cond:
            self._state.closed = False
        return super().start()

    def stop(self) -> None:
        """Wake waiting long polls, then stop serving."""
        with self._state.cond:
            self._state.closed = True
            self._state.cond.notify_all()
        super().stop()

    # -- addresses -------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        """The TCP port the server listens on (only while started)."""
        if self._server is None:
            raise RuntimeError("FakeBotApi is not running: use `with FakeBotApi() as api:` or .start()")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """Value for ApplicationBuilder().base_url(...): PTB appends the token and the method."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ApplicationBuilder().base_file_url(...)."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def bot_user(self) -> JsonDict:
        """The User object getMe returns."""
        return dict(self._state.bot_user)

    # -- test-facing API -------------------------------------------------------------------------
    def push_update(self, update: JsonDict) -> int:
        """Queue an update for getUpdates; returns its update_id (assigned when missing)."""
        with self._state.cond:
            return self._state.push_update(update)

    def pending_updates(self) -> list[JsonDict]:
        """Updates queued and not yet confirmed by a getUpdates offset."""
        with self._state.cond:
            return [dict(u) for u in self._state.updates]

    def records(self, method: str | None = None) -> list[RecordedCall]:
        """Every request received (of `method` if given), in arrival order, errors included."""
        with self._state.cond:
            return [r for r in self._state.records if method is None or r.method == method]

    def calls(self, method: str | None = None) -> list[JsonDict]:
        """Decoded parameters of every request (of `method` if given), errors included."""
        return [r.params for r in self.records(method)]

    def methods(self) -> list[str]:
        """Names of the methods called, in order (pair it with calls() for the parameters)."""
        return [r.method for r in self.records()]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[JsonDict]:
        """Block until `count` calls of `method` arrived, then return calls(method)."""
        state = self._state
        with state.cond:
            arrived = state.cond.wait_for(lambda: self._count(method) >= count, timeout=timeout)
            if not arrived:
                seen = [r.method for r in state.records]
                raise AssertionError(f"expected {count} call(s) of {method} within {timeout}s; "
                                     f"got {self._count(method)}; all methods called: {seen}")
            return [r.params for r in state.records if r.method == method]

    def _count(self, method: str) -> int:
        """Calls of `method` so far; the caller holds the condition."""
        return sum(1 for r in self._state.records if r.method == method)

    def fail_next(self, method: str, error_code: int = 429, retry_after: int | None = 1,
                  description: str | None = None) -> None:
        """Answer the next call of `method` with an error (429 carries parameters.retry_after)."""
        failure = default_failure(error_code, retry_after, description)
        with self._state.cond:
            self._state.failures.setdefault(method, []).append(failure)

    def add_file(self, file_id: str, content: bytes, file_path: str | None = None) -> None:
        """Make getFile(file_id) succeed and serve `content` under base_file_url."""
        with self._state.cond:
            self._state.files[file_id] = (file_path or f"documents/{file_id}", content)

    def reset(self) -> None:
        """Forget calls, updates, failures, messages, commands, files and webhook; restart ids."""
        with self._state.cond:
            self._state.clear()

    # -- request routing (called from server threads) --------------------------------------------
    def route(self, path: str, query: str, content_type: str, body: bytes) -> tuple[int, bytes, str]:
        """Answer one HTTP request: (status, body, content type)."""
        # PTB percent-encodes file URLs, token included ("7012345678%3AAA..."): compare decoded.
        parts = unquote(path).split("/")
        if len(parts) >= 4 and parts[1] == "file" and parts[2] == f"bot{self.token}":
            return self._serve_file("/".join(parts[3:]))
        if len(parts) != 3 or not parts[1].startswith("bot"):
            return _json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        if parts[1] != f"bot{self.token}":
            return _json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        params = decode_body(content_type, body, query)
        with self._state.cond:
            return _json(*self._state.handle(parts[2], params, content_type))

    def _serve_file(self, file_path: str) -> tuple[int, bytes, str]:
        """Serve a file registered with add_file, found by its file_path."""
        with self._state.cond:
            for path, content in self._state.files.values():
                if path == file_path:
                    return 200, content, "application/octet-stream"
        return _json(404, {"ok": False, "error_code": 404, "description": "Not Found"})


def _json(status: int, body: JsonDict) -> tuple[int, bytes, str]:
    """Encode a JSON answer."""
    return status, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json"


class _Handler(BaseHTTPRequestHandler):
    """Reads a request, lets FakeBotApi.route answer it, writes the answer."""

    def do_POST(self) -> None:
        """Bot API calls are POSTs (PTB always posts)."""
        self._serve()

    def do_GET(self) -> None:
        """Telegram also accepts GET with a query string; file downloads are GETs."""
        self._serve()

    def _serve(self) -> None:
        """Route the request and write the answer; a client that hung up is not an error."""
        path, _, query = self.path.partition("?")
        api: FakeBotApi = self.server.api  # type: ignore[attr-defined]
        status, body, content_type = api.route(path, query, self.headers.get("Content-Type", ""),
                                               self._read_body())
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # PTB cancels an in-flight long poll when the updater stops.
            logger.debug("client closed the connection before the answer to %s", path.rsplit("/", 1)[-1])

    def _read_body(self) -> bytes:
        """The request body, by Content-Length or chunked transfer encoding."""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0], 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            self.rfile.readline()
            return b"".join(chunks)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log (its paths would carry the bot token)."""


FakeBotApi.handler = _Handler  # defined after the fake it serves
