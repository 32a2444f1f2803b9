"""Accent folding, on by default for Spanish, Portuguese and French: no word of their content folds to another
word that changes what a message says, and the setting can turn it off but never on for Vietnamese."""
from __future__ import annotations

import pytest

from bot.content.model import Content
from bot.i18n.folding import HARMLESS, KNOWN, check_content, check_texts
from bot.service.runtime import ConfigError, settings_from
from bot.text import pages


def test_folding_changes_no_meaning_in_es_pt_fr(content: Content) -> None:
    """Every word that folds to another word is reworded or listed as harmless, with the reason."""
    findings = check_content(content)
    assert {f.lang for f in findings} <= {"es", "fr", "pt"}
    assert [f"{f.lang} {f.word} -> {f.folded} in {f.msg_ids}" for f in findings if not f.harmless] == []


def test_the_fold_check_finds_meaning_changing_folds() -> None:
    """The check can fail: a known pair ('paró'), and a pair the content itself holds ('está' and 'esta')."""
    found = check_texts("es", {"a": "La policía me paró.", "b": "Está aquí. Esta casa."}, known={"paró": "paro"})
    assert [(f.word, f.folded, f.found, f.msg_ids) for f in found] == [
        ("está", "esta", "content", ("b",)), ("paró", "paro", "known", ("a",))]
    assert check_texts("es", {"a": "La policía o ICE me pararon."}, known={"paró": "paro"}) == []


def test_every_harmless_fold_says_why_and_is_still_needed(content: Content) -> None:
    used = {(f.lang, f.word) for f in check_content(content)}
    listed = {(lang, word) for lang, words in HARMLESS.items() for word in words}
    assert all(len(reason) > 20 for words in HARMLESS.values() for reason in words.values())
    assert listed <= used, f"no longer found, remove from HARMLESS: {sorted(listed - used)}"
    assert set(KNOWN) == set(HARMLESS) == set(pages.DEFAULT_FOLD) and "vi" in pages.NEVER_FOLD


@pytest.mark.parametrize(("setting", "expected"), [
    ({}, frozenset({"es", "pt", "fr"})),
    ({"KYR_SMS_FOLD_ACCENTS": "none"}, frozenset()),
    ({"KYR_SMS_FOLD_ACCENTS": "es, HT"}, frozenset({"es", "ht"})),
])
def test_accent_folding_is_on_for_es_pt_fr_unless_the_operator_says(setting: dict, expected: frozenset) -> None:
    assert settings_from({"KYR_STORE": "sqlite:///:memory:", **setting}).fold_accents == expected


def test_vietnamese_is_never_folded() -> None:
    """Its tone marks carry meaning: listing it stops start-up with what to do."""
    with pytest.raises(ConfigError) as caught:
        settings_from({"KYR_STORE": "sqlite:///:memory:", "KYR_SMS_FOLD_ACCENTS": "es,vi"})
    assert str(caught.value) == ("KYR_SMS_FOLD_ACCENTS lists vi, which is never folded: its accents carry meaning. "
                                 "Remove it (Vietnamese SMS stays UCS-2)")
