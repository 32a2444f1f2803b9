"""The web demo's answer to a turn as JSON: where the conversation stands, and every reply twice over, as
Telegram shows it (text and buttons) and as the SMS adapter would send it (with segment count and encoding)."""

from __future__ import annotations

from typing import Any

from bot.channels.base import kyr
from bot.channels.twilio.messaging import render as sms_render
from bot.core.session import Reply
from bot.service.handler import Outcome
from bot.text.render import options_data, sms_cost, sms_text


def turn_json(text: str, outcome: Outcome, view: str) -> dict[str, Any]:
    """Where the conversation stands and the replies, as Telegram shows them and as the SMS adapter sends."""
    shared = kyr()
    engine, fold = shared.engine, shared.settings.fold_accents
    flow, node, lang = outcome.where
    bodies = sms_render("sms", text, outcome, fold)
    return {
        "flow": flow,
        "node": node,
        "lang": lang,
        "rtl": engine.view.rtl(lang),
        "channel": view,
        "replies": [reply_json(r, fold) for r in outcome.replies],
        "sms": [{"body": b, **sms_cost(b)} for b in bodies],
        "ui": {"placeholder": engine.view.t("ui.web_placeholder", lang), "send": engine.view.t("ui.web_send", lang)},
    }


def reply_json(reply: Reply, fold: frozenset[str]) -> dict[str, Any]:
    """One reply: text and options (as Telegram shows them), and its own SMS text and cost (as chat.py)."""
    sms = sms_text(reply, accents=reply.lang in fold)
    return {
        "text": reply.text,
        "lang": reply.lang,
        "rtl": reply.rtl,
        "kind": reply.kind,
        "options": options_data(reply),
        "sms": {"text": sms, **sms_cost(sms)},
    }
