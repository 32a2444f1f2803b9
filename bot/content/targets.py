"""Where an option leads: a node of the same flow, a flow, 'flow.node', or a special word."""

from __future__ import annotations

import re

from bot.content.model import LANGUAGE, MENU, Content

SPECIAL = ("back", LANGUAGE)
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([a-z0-9_]+))?\}")
SIMPLE_PLACEHOLDERS = ("state", "orgs", "national", "reviewed", "org")  # org: the organisation's name (per message)
# What the service fills in a flow's own messages (talking to a person, bot/handoff): never in a node's text.
SERVICE_PLACEHOLDERS = ("case", "minutes", "hours", "hotlines", "text")
# ...and in the emergency contacts' messages (bot/family): who, how many, which word, the read-back.
FAMILY_FLOW = "family_alert"  # a fixed name (shared/DESIGN.md)
FAMILY_PLACEHOLDERS = ("name", "count", "word", "time", "summary", "number", "language", "contacts")


def resolve(content: Content, flow: str, target: str) -> str | None:
    """The canonical 'flow.node' a target leads to, a special word, or None when it leads nowhere."""
    if target in SPECIAL:
        return target
    if target in content.flows:
        return f"{target}.{content.flows[target].start}"
    if target in content.flows[flow].nodes:
        return f"{flow}.{target}"
    other, _, node = target.partition(".")
    if other in content.flows and node in content.flows[other].nodes:
        return target
    return None


def public_target(content: Content, flow: str, target: str) -> str:
    """The target as other tools see it: a flow id for a flow, else 'flow.node'."""
    if target in content.flows or target in SPECIAL:
        return target
    return f"{flow}.{target}" if target in content.flows[flow].nodes else target


def menu_key(content: Content) -> str:
    """The main menu's node key."""
    return f"{MENU}.{content.flows[MENU].start}"
