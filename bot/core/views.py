"""Turn a node into replies in the user's language: text, state variant, placeholders, options, officer card."""

from __future__ import annotations

from typing import Protocol

from bot.content.model import MENU, Content, Node
from bot.content.targets import PLACEHOLDER, public_target, resolve
from bot.core.session import Choice, Reply, Session

LATE = ("org",)
OFFICER_HEADING = "TO THE OFFICER:"  # heads the English card whatever the user's language: the officer reads it


class Places(Protocol):
    """US states and organisations by state (bot.geo provides it)."""

    def state_name(self, code: str, lang: str) -> str: ...
    def orgs(self, code: str) -> list[str]: ...
    def national(self) -> list[str]: ...


class View:
    """Renders content for one language; shared by every turn, holds no per-user state."""

    def __init__(self, content: Content, places: Places | None) -> None:
        self.content, self.places = content, places

    def t(self, msg_id: str, lang: str) -> str:
        """A message in lang, or the English with a short note when the translation is missing."""
        texts = self.content.texts.get(lang, {})
        if msg_id in texts:
            return texts[msg_id]
        english = self.content.texts["en"][msg_id]
        if lang == "en":
            return english
        note = texts.get("ui.fallback_note", self.content.texts["en"]["ui.fallback_note"])
        return f"{note} {english}"

    def fill(self, text: str, s: Session, flow: str) -> str:
        """Replace {state}, {orgs}, {national}, {reviewed} and {phone:x}."""
        return PLACEHOLDER.sub(lambda m: self._value(m.group(1), m.group(2), s, flow), text)

    def _value(self, name: str, arg: str | None, s: Session, flow: str) -> str:
        """The value of one placeholder."""
        if name == "phone" and arg is not None and arg in self.content.hotlines:
            return self._isolate(self.content.hotlines[arg].number, s.lang)
        if name in LATE:  # filled per message from Inbound.desk (core/person.py): kept for now
            return "{" + name + "}"
        if name == "reviewed":
            signoff = self.content.signoff(flow, s.lang)
            return self._isolate(signoff.date if signoff else self.content.flows[flow].reviewed.date, s.lang)
        if not self.places:
            return ""
        if name == "state":
            return self.places.state_name(s.state, s.lang) if s.state else ""
        if name == "national":
            return "\n".join(f"- {n}" for n in self.places.national())
        names = self.places.orgs(s.state) if s.state else []
        return "\n".join(f"- {n}" for n in names) if names else self.t("ui.no_orgs", s.lang)

    def _isolate(self, value: str, lang: str) -> str:
        """A date or number kept left-to-right inside Arabic or Urdu text (else 2026-11-23 shows as 23-11-2026)."""
        return f"\u2066{value}\u2069" if self.rtl(lang) else value

    def review_note(self, flow: str, s: Session) -> str:
        """'Checked by a lawyer on ...' while a sign-off vouches for this flow in this language, else 'Written ...;
        not yet checked by a lawyer' (the truth until a reviewer signs)."""
        msg_id = "ui.checked_note" if self.content.signoff(flow, s.lang) else "ui.reviewed_note"
        return self.fill(self.t(msg_id, s.lang), s, flow)

    def label(self, node: Node, target: str, label_id: str, lang: str) -> str:
        """An option's label: its own, or the title of where it leads."""
        if label_id:
            return self.t(label_id, lang)
        if target == "back":
            return self.t("ui.back_label", lang)
        if target == "language":  # the language's own word for it, the one that opens the picker when typed
            words = self.content.keywords.get(lang, {}).get("language") or self.content.keywords["en"]["language"]
            return words[0][:1].upper() + words[0][1:]
        if target in self.content.flows:
            return self.t(self.content.flows[target].title_id, lang)
        key = resolve(self.content, node.flow, target)
        return self.t(self.content.node(key).title_id or "ui.menu_label", lang)  # type: ignore[arg-type]

    def choices(self, node: Node, lang: str) -> tuple[Choice, ...]:
        """Numbered options (a question's listed answers), then '0 Main menu' everywhere but the menu itself."""
        if node.answers:
            after = public_target(self.content, node.flow, node.next or "")
            out = [Choice(str(i), self.t(a.label_id, lang), after) for i, a in enumerate(node.answers, start=1)]
            return (*out, Choice("0", self.t("ui.menu_label", lang), MENU))
        out = [
            Choice(
                str(i), self.label(node, o.target, o.label_id, lang), public_target(self.content, node.flow, o.target)
            )
            for i, o in enumerate(node.options, start=1)
        ]
        if node.flow != MENU:
            out.append(Choice("0", self.t("ui.menu_label", lang), MENU))
        return tuple(out)

    def node_text(self, node: Node, s: Session) -> str:
        """The node's text in the user's language, the state's own version when there is one."""
        msg_id = node.state_text_ids.get(s.state or "", node.text_id)
        return self.fill(self.t(msg_id, s.lang), s, node.flow)

    def officer(self, node: Node, s: Session) -> list[Reply]:
        """The English card to show an officer, headed so: its own message on every channel (always GSM-7 on SMS,
        where the English content is GSM-7 by validation)."""
        english = self.content.texts["en"][node.officer_id]  # type: ignore[index]
        return [Reply(f"{OFFICER_HEADING}\n{english}", (), "en", False, "officer")]

    def rtl(self, lang: str) -> bool:
        """True for right-to-left languages."""
        language = self.content.languages.get(lang)
        return bool(language and language.rtl)
