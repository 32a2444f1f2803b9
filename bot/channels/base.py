"""Channel adapters: thin layers that verify, parse, de-duplicate, call the service and render.

Each adapter module has `init_app(app)` that registers its routes, and says at start-up when it is off.
They reach the engine and the service through `kyr(app)`, never through module globals.

The interface every adapter implements (Twilio messaging, Telegram's webhook, the web demo's API, Twilio Voice)::

    parse(request)            -> Incoming | Refusal    verify and read the service's request
    refuse(refusal)           -> Response              a refusal in the channel's own form (plain text, JSON...)
    render(incoming, outcome) -> Response              the turn's replies in the channel's own form
    send(to, outcome)         -> bool                  optional: outbound, for channels that can send later

A route is `dispatch(ADAPTER)`: parse → (the refusal's response | the service's turn) → render; the web demo
passes a turn of its own (its sessions kept apart, new ones bounded). Voice and Telegram take only the first half,
`accept(ADAPTER)`: their turn runs in their own machinery (the call's line; PTB's handlers, which polling shares)
rather than as one call to the service.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from flask import Flask, Request, Response, current_app, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import RequestEntityTooLarge

from bot.core.engine import Engine
from bot.core.session import Inbound
from bot.service.handler import Outcome, Service
from bot.service.housekeeping import Housekeeper
from bot.service.runtime import Settings


@dataclass(frozen=True)
class Kyr:
    """What every channel of one app shares: settings, the engine and the service."""

    settings: Settings
    engine: Engine
    service: Service
    housekeeper: Housekeeper


class SafeJSON(DefaultJSONProvider):
    """Flask's JSON, except that a body nested too deep for Python's parser is invalid JSON (each route answers
    it with its 400), never a RecursionError and a 500: a 40 KB body of '[' can be that deep."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse, turning the parser's RecursionError into the ValueError that get_json() treats as bad JSON."""
        try:
            return super().loads(s, **kwargs)
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc


def body_too_large() -> bool:
    """True when the request body is over the app's limit, whether it declares its length or arrives chunked
    (no Content-Length): a chunked body is read up to the limit and no further, then kept for the route."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit is None:
        return False
    if request.content_length is not None:
        return request.content_length > limit
    try:
        data = request.get_data(cache=True)  # werkzeug reads a chunked body up to MAX_CONTENT_LENGTH, then stops
    except RequestEntityTooLarge:
        return True
    # At the limit, one more byte from the server's stream (which ends where the chunked body ends) tells.
    return len(data) >= limit and bool(request.environ["wsgi.input"].read(1))


def kyr(app: Flask | None = None) -> Kyr:
    """The app's shared parts."""
    return (app or current_app).extensions["kyrbot"]


@dataclass(frozen=True)
class Incoming:
    """A request an adapter accepted: whose conversation, the message, and the delivery id to de-duplicate on.

    `channel` names the conversation's key space for the service ("sms", "telegram", ...); `context` holds what
    only the adapter itself needs again when it renders (a call's id, the key pressed), never message text.
    A channel whose own library reads the message (Telegram: PTB's handlers, which polling shares) passes the
    request on as `payload` and leaves `sender` and `inbound` empty."""

    channel: str
    sender: str
    inbound: Inbound
    delivery_id: str | None = None
    context: Mapping[str, str] = field(default_factory=dict)
    payload: object = None


@dataclass(frozen=True)
class Refusal:
    """A request an adapter will not handle: the HTTP status and a short reason the sender reads."""

    status: int
    reason: str


@runtime_checkable
class Adapter(Protocol):
    """A channel: parse its service's request, answer a refusal or render an outcome in its own form."""

    name: str

    def parse(self, request: Request) -> Incoming | Refusal:
        """Verify and read one request; a Refusal says why it is not handled."""
        ...

    def refuse(self, refusal: Refusal) -> Response:
        """The answer to a refused request, as the channel's sender expects it (and logged as it needs)."""
        ...

    def render(self, incoming: Incoming, outcome: Outcome) -> Response:
        """The answer to the request: the turn's replies as the channel carries them."""
        ...


class Sender(Protocol):
    """The optional outbound half of a channel: deliver an outcome later than the reply to a request."""

    def send(self, to: str, outcome: Outcome) -> bool:
        """Hand the replies over for delivery to `to` (a raw address, never stored); True when accepted."""
        ...


def accept(adapter: Adapter) -> Incoming | Response:
    """This request parsed by the adapter, or its refusal already answered in the channel's own form."""
    got = adapter.parse(request)
    return adapter.refuse(got) if isinstance(got, Refusal) else got


def serve(incoming: Incoming) -> Outcome:
    """The turn through the app's service: hashed key, de-duplication on the delivery id, one store update."""
    return kyr().service.handle(incoming.channel, incoming.sender, incoming.inbound, incoming.delivery_id)


def dispatch(adapter: Adapter, run: Callable[[Incoming], Outcome] = serve) -> Response:
    """One request through a channel: parse → (the refusal's response | the turn `run`) → render."""
    got = accept(adapter)
    return got if isinstance(got, Response) else adapter.render(got, run(got))
