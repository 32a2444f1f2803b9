"""The fake Bot API's state: queued updates, recorded calls, planned failures, and method dispatch.

All state sits behind one threading.Condition: server threads answer requests under it, a long
poll waits on it, and a test's `wait_for` waits on it too, so nothing ever polls with sleep().
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from tests.fakes import telegram_methods as methods
from tests.fakes.telegram_methods import ApiError

__all__ = ["ApiError", "ApiState", "Failure", "RecordedCall", "default_failure"]

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class RecordedCall:
    """One request as the fake received it; error_code is None when it was answered ok."""

    method: str
    params: JsonDict
    content_type: str
    error_code: int | None


@dataclass(frozen=True)
class Failure:
    """A planned error answer for the next call of one method."""

    error_code: int
    description: str
    parameters: JsonDict | None = None


@dataclass
class ApiState:
    """Everything the fake server knows; every public method must be called with `cond` held."""

    bot_user: JsonDict
    max_poll_wait: float
    cond: threading.Condition = field(default_factory=threading.Condition)
    closed: bool = False
    records: list[RecordedCall] = field(default_factory=list)
    updates: list[JsonDict] = field(default_factory=list)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    messages: dict[tuple[int, int], JsonDict] = field(default_factory=dict)
    commands: dict[str, list[JsonDict]] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    webhook: JsonDict = field(default_factory=dict)
    next_update_id: int = 100_000_001
    next_message_id: int = 1

    def clear(self) -> None:
        """Forget every call, update, failure, message, command, file and webhook; restart the ids."""
        fresh = ApiState(bot_user=self.bot_user, max_poll_wait=self.max_poll_wait, cond=self.cond)
        for name in self.__dataclass_fields__:
            if name not in ("cond", "closed"):
                setattr(self, name, getattr(fresh, name))

    def push_update(self, update: JsonDict) -> int:
        """Queue an update for getUpdates (assigning update_id when missing) and wake long polls."""
        update = dict(update)
        update.setdefault("update_id", self.next_update_id)
        self.next_update_id = max(self.next_update_id, update["update_id"]) + 1
        self.updates.append(update)
        self.cond.notify_all()
        return update["update_id"]

    def handle(self, method: str, params: JsonDict, content_type: str) -> tuple[int, JsonDict]:
        """Answer one Bot API call and record it; returns (HTTP status, JSON body)."""
        handler = _HANDLERS.get(method.lower())
        name = handler[0] if handler else method
        try:
            self._raise_planned_failure(name)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            status, body = 200, {"ok": True, "result": handler[1](self, params)}
        except ApiError as err:
            status, body = err.error_code, err.body()
        self.records.append(RecordedCall(name, params, content_type, None if status == 200 else status))
        self.cond.notify_all()
        return status, body

    def _raise_planned_failure(self, method: str) -> None:
        """Raise the first planned failure of `method`, if a test planned one."""
        planned = self.failures.get(method)
        if planned:
            failure = planned.pop(0)
            raise ApiError(failure.error_code, failure.description, failure.parameters)

    def wait_for_updates(self, offset: int, timeout: float) -> None:
        """Long poll: wait until an update with id >= offset is queued, at most `timeout` (capped)."""
        deadline = time.monotonic() + min(timeout, self.max_poll_wait)
        while not self.closed and not self._pending(offset):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            self.cond.wait(remaining)

    def _pending(self, offset: int) -> list[JsonDict]:
        """Queued updates whose id is at least `offset`."""
        return [u for u in self.updates if u["update_id"] >= offset]

    def get_updates(self, params: JsonDict) -> list[JsonDict]:
        """getUpdates: confirm (drop) updates below `offset`, long-poll, serve up to `limit`."""
        if self.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                           "use deleteWebhook to delete the webhook first")
        offset = int(params.get("offset", 0))
        # Telegram forgets an update once a later getUpdates asks for a higher offset.
        self.updates = self._pending(offset)
        self.wait_for_updates(offset, float(params.get("timeout", 0)))
        return self._pending(offset)[: int(params.get("limit", 100))]

    def new_message_id(self) -> int:
        """The next message_id for a message the bot sends."""
        self.next_message_id += 1
        return self.next_message_id - 1


def _table() -> dict[str, tuple[str, Callable[[ApiState, JsonDict], Any]]]:
    """Map lower-cased method names (Telegram ignores case) to (canonical name, handler)."""
    handlers: dict[str, Callable[[ApiState, JsonDict], Any]] = {
        "getUpdates": ApiState.get_updates,
        **methods.HANDLERS,
    }
    return {name.lower(): (name, fn) for name, fn in handlers.items()}


_HANDLERS = _table()


def default_failure(error_code: int, retry_after: int | None, description: str | None) -> Failure:
    """Build the error Telegram would send for `error_code` (429 carries parameters.retry_after)."""
    if error_code == HTTPStatus.TOO_MANY_REQUESTS:
        seconds = 1 if retry_after is None else retry_after
        text = description or f"Too Many Requests: retry after {seconds}"
        return Failure(error_code, text, {"retry_after": seconds})
    defaults = {400: "Bad Request: chat not found", 403: "Forbidden: bot was blocked by the user"}
    text = description or defaults.get(error_code) or HTTPStatus(error_code).phrase
    return Failure(error_code, text)
