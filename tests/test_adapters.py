"""Every channel `create_app` registers has an ADAPTER that implements bot.channels.base.Adapter: the same members,
each method with the protocol's parameter and return types (mypy checks the same through `ADAPTER: Adapter`)."""
from __future__ import annotations

import inspect
import typing
from types import ModuleType

import pytest
from flask import Request

import webhook
from bot.channels.base import Adapter, Incoming, Refusal

# Registered beside the demo, but pages of it with no conversation of their own: no adapter to implement.
NOT_CHANNELS = {"bot.channels.web.pictures", "bot.channels.web.responders"}
CHANNELS = [m for m in webhook.CHANNELS if m.__name__ not in NOT_CHANNELS]
METHODS = sorted(n for n, v in vars(Adapter).items() if inspect.isfunction(v) and not n.startswith("_"))


def types(method: typing.Callable) -> list[object]:
    """A method's parameter types in order (self left out), then its return type."""
    hints = typing.get_type_hints(method)
    params = [p for p in inspect.signature(method).parameters.values() if p.name != "self"]
    return [hints.get(p.name) for p in params] + [hints.get("return")]


def problems(adapter: object) -> list[str]:
    """How an object falls short of the Adapter protocol; [] when it implements it."""
    found = [] if isinstance(getattr(adapter, "name", None), str) else ["name is not a str"]
    for method in METHODS:
        mine = getattr(type(adapter), method, None)
        if mine is None:
            found.append(f"no {method}()")
        elif types(mine) != types(getattr(Adapter, method)):
            found.append(f"{method}() takes or returns other types than the protocol's")
    return found


@pytest.mark.parametrize("module", CHANNELS, ids=lambda m: m.__name__)
def test_every_registered_channel_has_an_adapter(module: ModuleType) -> None:
    """Each channel module create_app registers exposes ADAPTER, and it implements the whole protocol."""
    adapter = getattr(module, "ADAPTER", None)
    assert adapter is not None, f"{module.__name__} has no ADAPTER"
    assert isinstance(adapter, Adapter)
    assert problems(adapter) == []


def test_the_channels_are_the_four_message_channels() -> None:
    """Twilio messaging, Telegram's webhook, the web demo and Twilio Voice; the list above names only real modules."""
    assert sorted(m.ADAPTER.name for m in CHANNELS) == ["telegram", "twilio", "voice", "web"]
    assert NOT_CHANNELS.issubset(m.__name__ for m in webhook.CHANNELS)
    assert METHODS == ["parse", "refuse", "render"]  # what problems() checks: the protocol was read


def test_the_check_can_fail() -> None:
    """An adapter without refuse(), or whose render() returns something else, is reported."""

    class Partial:
        name = "partial"

        def parse(self, request: Request) -> Incoming | Refusal:
            raise NotImplementedError

        def render(self, incoming: Incoming, outcome: object) -> str:
            return ""

    assert problems(Partial()) == ["no refuse()", "render() takes or returns other types than the protocol's"]
    assert not isinstance(Partial(), Adapter)
