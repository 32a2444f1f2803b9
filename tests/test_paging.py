"""Pages sized per channel: the engine cuts a reply to the page the channel declares (SMS in segments of the
encoding it will really use, WhatsApp and Telegram in characters), keeps the rest for MORE, and puts the options
on the last page."""
from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.kit import Turn
from bot.core.output import add, show
from bot.core.session import BUTTONS, CHARS, Choice, Inbound, Page, Reply, Session
from bot.service.runtime import ConfigError, settings_from
from bot.text import pages
from bot.text.render import sms_text
from bot.text.sms import GSM7, UCS2, sms_info

SMS = pages.sms()  # 3 segments, es/pt/fr folded: the default
AT = "ice_at_door.after"  # a node with short options: 1 Find legal help, 2 Find someone detained by ICE, 0 Main menu
SENTENCE = "Ask them to slide the warrant under the door, and do not open it."  # 66 GSM-7 characters


def added(engine: Engine, text: str, page: Page | None, lang: str = "en", at: str = AT) -> Turn:
    """A turn that added one reply with the options of node `at` through output.add, in `lang`, on `page`."""
    turn = Turn(Session(at=at, lang=lang, lang_picked=True), Inbound("", 0.0, page=page))
    add(engine, turn, text, options(engine, lang, at))
    return turn


def options(engine: Engine, lang: str = "en", at: str = AT) -> tuple[Choice, ...]:
    """The options of a node."""
    return engine.view.choices(engine.content.node(at), lang)


def read_all(engine: Engine, turn: Turn, page: Page | None) -> list[Reply]:
    """The first reply and every page MORE gives after it."""
    replies, session = list(turn.replies), turn.s
    while session.pages:
        result = engine.step(session, Inbound("more", 0.0, page=page))
        replies += result.replies
        session = result.session
    return replies


def test_a_reply_within_the_page_is_one_message_without_the_more_hint(engine: Engine) -> None:
    turn = added(engine, SENTENCE * 2, SMS)
    assert [r.text for r in turn.replies] == [SENTENCE * 2] and turn.s.pages == []
    assert turn.replies[0].options == options(engine)


def test_a_long_reply_is_cut_into_pages_of_at_most_the_budget_with_nothing_lost(engine: Engine) -> None:
    text = "\n".join([SENTENCE * 2] * 6)  # 797 characters: 6 segments as one message
    replies = read_all(engine, added(engine, text, SMS), SMS)
    hint = engine.view.t("ui.more_hint", "en")
    bodies = [sms_text(r) for r in replies]
    assert [sms_info(b) for b in bodies] == [(GSM7, 3), (GSM7, 3)]  # 797 characters were 6 segments in one
    assert [r.text.endswith(hint) for r in replies] == [True, False]
    assert [r.options for r in replies] == [(), options(engine)]  # the options once, with the last page
    assert " ".join(r.text.removesuffix(hint) for r in replies).split() == text.split()
    assert replies[0].text.startswith(SENTENCE * 2 + "\n" + SENTENCE * 2)  # the first page as full as it can be


def test_options_that_do_not_fit_the_last_page_come_alone_after_it(engine: Engine) -> None:
    """Text that fills a page on its own: the options follow on a page of their own, never over the budget."""
    text = SENTENCE * 6 + " Write down their badge numbers."  # 422 characters: 3 segments with the hint, 4 with
    # the options (61 characters)
    replies = read_all(engine, added(engine, text, SMS), SMS)
    assert [r.text for r in replies] == [f"{text}\n{engine.view.t('ui.more_hint', 'en')}", ""]
    assert sms_text(replies[1]) == "1 Find legal help\n2 Find someone detained by ICE\n0 Main menu"


def test_no_page_means_never_cut(engine: Engine) -> None:
    """Tools and tests that pass no page get the whole reply."""
    turn = added(engine, SENTENCE * 30, None)
    assert turn.replies[0].text == SENTENCE * 30 and turn.s.pages == []


def test_segments_are_counted_in_the_encoding_the_page_will_use(engine: Engine) -> None:
    """Spanish with á: 2 segments folded (GSM-7), 4 as written (UCS-2). Folded, one page; not folded, more."""
    text = "Pida que pasen la orden por debajo de la puerta, pero no abra la puerta aún. " * 3
    assert sms_info(text) == (UCS2, 4)
    folded = added(engine, text, pages.sms(3, frozenset({"es"})), "es")
    plain = added(engine, text, pages.sms(3, frozenset()), "es")
    assert folded.s.pages == [] and plain.s.pages != []
    assert sms_info(sms_text(folded.replies[0], accents=True)) == (GSM7, 3)  # with its options


def test_the_budget_is_the_channels_setting(engine: Engine) -> None:
    text = "\n".join([SENTENCE * 2] * 6)
    counts = {n: len(read_all(engine, added(engine, text, pages.sms(n)), pages.sms(n))) for n in (2, 3, 6)}
    assert counts == {2: 4, 3: 2, 6: 1}  # at 2 segments, the options need a page of their own


def test_telegram_counts_characters_of_the_text_alone(engine: Engine) -> None:
    """Telegram's options are buttons: 4096 characters of text fit, however many options there are."""
    assert added(engine, "x" * 4000, pages.TELEGRAM, at="menu.more").s.pages == []  # 8 options, 225 characters
    assert len(added(engine, (SENTENCE + "\n") * 70, pages.TELEGRAM).s.pages) == 1
    assert pages.TELEGRAM.unit == CHARS and pages.TELEGRAM.options == BUTTONS


def test_whatsapp_counts_its_bold_option_lines(engine: Engine) -> None:
    """WhatsApp pages at 1600 characters, '*1* Label' lines included."""
    text = "y" * (1600 - len("\n\n*1* Find legal help\n*2* Find someone detained by ICE\n*0* Main menu"))
    assert added(engine, text, pages.WHATSAPP).s.pages == []
    assert added(engine, text + "y", pages.WHATSAPP).s.pages != []


def test_the_last_page_of_a_question_ends_with_its_answers(engine: Engine) -> None:
    """'Are you in Texas?' after a long node: MORE's last page offers yes / no / menu, not the node's options."""
    session = engine.step(None, Inbound("hi", 0.0, lang_pick="ar", page=SMS)).session
    turn = Turn(session, Inbound("", 0.0, state_hint="TX", page=SMS))
    show(engine, turn, "detainers.ask_state")
    assert turn.s.pending == "state_confirm" and turn.s.pages
    last = read_all(engine, turn, SMS)[-1]
    assert [o.target for o in last.options] == ["yes", "no", "menu"]


def test_more_after_the_last_page_says_that_is_all(engine: Engine) -> None:
    turn = added(engine, SENTENCE, SMS)
    result = engine.step(turn.s, Inbound("more", 0.0, page=SMS))
    assert result.replies[0].text == engine.view.t("ui.no_more", "en")


@pytest.mark.parametrize(("setting", "message"), [
    ({"KYR_SMS_PAGE_SEGMENTS": "0"}, "KYR_SMS_PAGE_SEGMENTS must be a positive whole number, got '0'"),
    ({"KYR_SMS_PAGE_SEGMENTS": "three"}, "KYR_SMS_PAGE_SEGMENTS must be a positive whole number, got 'three'"),
])
def test_settings_that_cannot_work_say_what_to_fix(setting: dict, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from({"KYR_STORE": "sqlite:///:memory:", **setting})
    assert str(caught.value) == message


def test_each_channel_declares_its_page() -> None:
    settings = settings_from({"KYR_STORE": "sqlite:///:memory:", "KYR_SMS_PAGE_SEGMENTS": "4"})
    assert settings.page("sms") == Page(4, "segments", "lines", frozenset({"es", "pt", "fr"}))
    assert settings.page("whatsapp") == pages.WHATSAPP and settings.page("telegram") == pages.TELEGRAM
    assert settings.page("web") == pages.TELEGRAM and settings.page("fax") is None
