"""The page measure is cached (bot/text/pages.py): the cache answers what the measure computes, and is bounded."""
from __future__ import annotations

from bot.core.engine import Engine
from bot.core.session import Inbound, Session
from bot.text.pages import COST_CACHE, cost, sms


def test_cached_costs_are_the_computed_ones_in_every_language(engine: Engine) -> None:
    """Every reply of every flow's first node, in every language, on the SMS page with and without folding."""
    checked = 0
    for page in (sms(), sms(fold=frozenset())):
        for lang in engine.content.languages:
            for flow in engine.content.flows.values():
                session = Session(at=engine.menu, lang=lang, lang_picked=True)
                for reply in engine.step(session, Inbound(flow.id, 1.0, page=page)).replies:
                    before = cost.cache_info().hits
                    assert cost(page, reply) == cost.__wrapped__(page, reply) == cost(page, reply)
                    assert cost.cache_info().hits > before
                    checked += 1
    assert checked > 100


def test_the_cache_is_bounded() -> None:
    assert cost.cache_info().maxsize == COST_CACHE == 8192
