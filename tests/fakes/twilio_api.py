"""A fake Twilio REST API: a real HTTP server on 127.0.0.1 that the `twilio` client posts messages to.

Usage:
    with FakeTwilioApi() as api:
        client = Client(api.account_sid, api.auth_token, environment={"_": ""})
        client.api.base_url = api.base_url                   # or TWILIO_API_BASE_URL for the bot
        client.messages.create(to="+15555550100", from_="+15555550000", body="hi")
        api.wait_for(1)                                      # [{"To": "+15555550100", "From": ..., "Body": "hi"}]
        api.fail_next(429, 20429, "Too Many Requests", retry_after=1)   # the next post is refused once

Only `POST /2010-04-01/Accounts/<sid>/Messages.json` (form-encoded, HTTP Basic auth with the sid and token) is
served: what `messages.create` sends, WhatsApp included. Every post is recorded, refused ones too, and the
condition lets a test wait for a post without sleeping.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl

from tests.fakes.served import Served

__all__ = ["FakeTwilioApi", "Post"]

ACCOUNT_SID = "AC" + "0" * 31 + "1"
AUTH_TOKEN = "fake-twilio-auth-token-0123456789"


@dataclass(frozen=True)
class Post:
    """One Messages.json request: its form fields, when it arrived, and the status answered."""

    params: dict[str, str]
    at: float
    status: int
    sid: str = ""


@dataclass
class _Failure:
    status: int
    code: int
    message: str
    retry_after: int | None


@dataclass
class _State:
    cond: threading.Condition = field(default_factory=threading.Condition)
    posts: list[Post] = field(default_factory=list)
    failures: list[_Failure] = field(default_factory=list)


class FakeTwilioApi(Served):
    """The fake server plus the test-facing API: inspect posts, plan failures."""

    def __init__(self, account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self._state = _State()

    @property
    def base_url(self) -> str:
        """Value for `client.api.base_url` (TWILIO_API_BASE_URL)."""
        if self._server is None:
            raise RuntimeError("FakeTwilioApi is not running: use `with FakeTwilioApi() as api:` or .start()")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # -- test-facing API -------------------------------------------------------------------------
    def posts(self, accepted_only: bool = True) -> list[Post]:
        """Every post so far (only those answered 201 unless told otherwise), in arrival order."""
        with self._state.cond:
            return [p for p in self._state.posts if p.status == 201 or not accepted_only]

    def messages(self, to: str | None = None) -> list[dict[str, str]]:
        """The form fields of every accepted message (to one number if given)."""
        return [p.params for p in self.posts() if to is None or p.params.get("To") == to]

    def wait_for(self, count: int = 1, to: str | None = None, timeout: float = 10.0) -> list[dict[str, str]]:
        """Block until `count` accepted messages (to `to`, if given) arrived; return them."""
        with self._state.cond:
            done = self._state.cond.wait_for(lambda: len(self._matching(to)) >= count, timeout=timeout)
            if not done:
                raise AssertionError(f"expected {count} message(s) to {to or 'anyone'} within {timeout}s; "
                                     f"got {len(self._matching(to))} of {len(self._state.posts)} post(s)")
            return [p.params for p in self._matching(to)]

    def _matching(self, to: str | None) -> list[Post]:
        """Accepted posts to `to`; the caller holds the condition."""
        return [p for p in self._state.posts if p.status == 201 and (to is None or p.params.get("To") == to)]

    def fail_next(self, status: int = 429, code: int = 20429, message: str = "Too Many Requests",
                  retry_after: int | None = 1) -> None:
        """Answer the next post with this error (Twilio's JSON error body, Retry-After on a 429)."""
        with self._state.cond:
            self._state.failures.append(_Failure(status, code, message, retry_after))

    def reset(self) -> None:
        """Forget posts and planned failures."""
        with self._state.cond:
            self._state.posts.clear()
            self._state.failures.clear()

    # -- serving (called from server threads) ----------------------------------------------------
    def route(self, method: str, path: str, headers: Any, body: bytes) -> tuple[int, dict[str, Any], dict[str, str]]:
        """Answer one request: (status, JSON body, extra headers)."""
        expected = f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        if method != "POST" or path.split("?")[0] != expected:
            return 404, {"code": 20404, "message": "The requested resource was not found", "status": 404}, {}
        if headers.get("Authorization", "") != "Basic " + base64.b64encode(
                f"{self.account_sid}:{self.auth_token}".encode()).decode():
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}, {}
        params = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        with self._state.cond:
            answer = self._answer(params)
            self._state.cond.notify_all()
            return answer

    def _answer(self, params: dict[str, str]) -> tuple[int, dict[str, Any], dict[str, str]]:
        """A planned failure, a refused request, or a created message; the post is recorded either way."""
        now = time.time()
        if self._state.failures:
            f = self._state.failures.pop(0)
            self._state.posts.append(Post(params, now, f.status))
            extra = {"Retry-After": str(f.retry_after)} if f.retry_after is not None else {}
            return f.status, {"code": f.code, "message": f.message, "more_info": "", "status": f.status}, extra
        if not params.get("To") or not (params.get("Body") or params.get("ContentSid")):
            self._state.posts.append(Post(params, now, 400))
            return 400, {"code": 21602, "message": "Message body is required.", "status": 400}, {}
        sid = "SM" + uuid.uuid4().hex
        self._state.posts.append(Post(params, now, 201, sid))
        return 201, {"sid": sid, "account_sid": self.account_sid, "to": params["To"], "from": params.get("From"),
                     "body": params.get("Body", ""), "status": "queued", "num_segments": "1",
                     "direction": "outbound-api", "api_version": "2010-04-01"}, {}


class _Handler(BaseHTTPRequestHandler):
    """Reads a request, lets FakeTwilioApi.route answer it, writes the JSON answer."""

    def do_POST(self) -> None:
        self._serve("POST")

    def do_GET(self) -> None:
        self._serve("GET")

    def _serve(self, method: str) -> None:
        api: FakeTwilioApi = self.server.api  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, answer, extra = api.route(method, self.path, self.headers, body)
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr (paths carry the account sid)."""


FakeTwilioApi.handler = _Handler  # defined after the fake it serves
