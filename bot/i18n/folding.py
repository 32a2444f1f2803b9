"""Accent folding must not change what a message says: the words whose folded form is another word.

SMS folds accents for the languages in KYR_SMS_FOLD_ACCENTS (default es, pt, fr: one á, ã, ê or ç makes a
whole SMS UCS-2, at 70 characters a segment instead of 160). Folding 'paró' gives 'paro', another word ("I
stop"), so "La policía me paró" would read "the police, I stop". This check lists, per folded language, every
word of its messages that folds to another word, found two ways:

- the content's own vocabulary: the folded form is written elsewhere in that language's messages
  ('está' and 'esta' both occur), so it is a word the reader knows;
- KNOWN: accented words whose folded form is another word, whether the content uses it or not.

A finding is fixed by rewording the message (and its English source's other translations, when the
meaning moves) so that the folded text reads right, or listed in HARMLESS with the reason a reader cannot
misread it. `python3 scripts/sms_cost.py fold-check` prints the findings; tests/test_sms_cost.py fails on
one that is neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.content.model import Content
from bot.text.pages import DEFAULT_FOLD
from bot.text.sms import fold_accents

WORD = re.compile(r"[^\W\d_]+")

# Accented word -> the other word its folded form is. Only letters GSM-7 lacks are folded (á í ó ú â ê ô ã õ ç
# î û ...): é, è, à, ù, ñ, ü stay, so qué, él, où and à never change. Verb forms in -ó (he/she did) fold to the
# present 'I do'. Completed on 2026-12-04 by reading every accented word of the es, pt and fr content beside its
# folded form; add to it when new content brings new accented words.
KNOWN: Mapping[str, Mapping[str, str]] = {
    "es": {
        "paró": "paro: I stop",
        "firmó": "firmo: I sign",
        "llegó": "llego: I arrive",
        "habló": "hablo: I speak",
        "entró": "entro: I enter",
        "pasó": "paso: I pass; a step",
        "dejó": "dejo: I leave",
        "llamó": "llamo: I call",
        "tomó": "tomo: I take",
        "arrestó": "arresto: I arrest; an arrest",
        "registró": "registro: I search; a record",
        "preguntó": "pregunto: I ask",
        "cambió": "cambio: I change; a change",
        "mandó": "mando: I send; command",
        "quedó": "quedo: I stay",
        "declaró": "declaro: I declare",
        "usó": "uso: I use; a use",
        "enviará": "enviara: (that) he sent",
        "preguntará": "preguntara: (that) he asked",
        "recogerá": "recogera: (that) he picked up",
        "sí": "si: if",
        "tú": "tu: your",
        "mí": "mi: my",
        "más": "mas: but (literary)",
        "está": "esta: this",
        "sólo": "solo: alone",
        "aún": "aun: even",
        "cómo": "como: as; I eat",
        "dónde": "donde: where (relative)",
        "cuándo": "cuando: when (relative)",
        "cuánto": "cuanto: as much as",
        "público": "publico: I publish",
        "número": "numero: I number",
        "último": "ultimo: I finish off",
        "práctica": "practica: he/she practises",
        "tránsito": "transito: I pass through",
    },
    "pt": {
        "têm": "tem: he/she has",
        "vêm": "vem: he/she comes",
        "peça": "peca: he/she sins",
        "peçam": "pecam: they sin",
        "pôde": "pode: can",
        "país": "pais: parents",
        "pôr": "por: by, for",
        "avô": "avo: (avó, grandmother, folds the same)",
        "avó": "avo: (avô, grandfather, folds the same)",
        "está": "esta: this",
        "pára": "para: for",
        "nós": "nos: us",
        "polícia": "policia: he/she polices",
        "prática": "pratica: he/she practises",
        "público": "publico: I publish",
        "número": "numero: I number",
        "último": "ultimo: I finish off",
        "dúvida": "duvida: he/she doubts",
        "início": "inicio: I begin",
        "secretária": "secretaria: secretariat",
        "análise": "analise: he/she should analyse",
        "cortês": "cortes: cuts, courts",
        "faça": "faca: knife",
        "força": "forca: gallows",
        "peço": "peco: I sin",
        "pegá": "pega: he/she takes ('pegá-los' folds to 'pega-los')",
        "aí": "ai: ouch",
        "março": "marco: landmark",
    },
    "fr": {
        "sûr": "sur: on",
        "dû": "du: of the",
        "mûr": "mur: wall",
        "tâche": "tache: stain",
        "côte": "cote: rating",
        "jeûne": "jeune: young",
        "forêt": "foret: drill bit",
        "crû": "cru: believed; raw",
        "croît": "croit: believes",
        "vôtre": "votre: your",
        "nôtre": "notre: our",
        "pêche": "peche: no word; péché (sin) is close",
    },
}

# Folded word -> why a reader cannot misread it. Every entry says why; tests/test_sms_cost.py checks that.
HARMLESS: Mapping[str, Mapping[str, str]] = {
    "es": {
        "sí": "the reply word SÍ, in capitals beside NO, where SI can only mean yes (people text it so)",
        "está": "esta (this) stands before a noun; before en, a place, an adjective or a gerund ('esta en el "
        "aeropuerto') it reads only as the verb, as in everyday unaccented texting",
        "más": "mas (but) is literary and never starts a clause here; 'Responda MAS', 'mas informacion' read 'more'",
        "cómo": "before a verb, in a question or an indirect one ('¿Como revisar...', 'como fue su llegada'), "
        "como reads as how; como (as, I eat) cannot stand there",
        "dónde": "in questions and indirect questions ('donde nacio'), donde reads as where",
        "cuándo": "in questions and indirect questions, cuando reads as when",
        "aún": "aun (even) and aún (still) read alike in 'aun no tiene' and 'aun no traducido'",
        "número": "a noun after un, el, su or de; numero (I number) never fits there",
        "público": "an adjective or noun after el or a noun; publico (I publish) never fits there",
    },
    "pt": {
        "está": "esta (this) stands before a noun; before em, a place or an adjective it reads only as the "
        "verb, as in everyday unaccented texting",
        "país": "pais (parents) is plural and takes os, seus, dos; after o, ao, do, seu or um it reads only "
        "as country ('voltar ao seu pais')",
        "polícia": "a noun after a, da or pela; policia (he polices) never fits there",
        "número": "a noun after o, um, seu or de; numero (I number) never fits there",
        "público": "an adjective or noun; publico (I publish) never fits there",
        "março": "a month, always before 'de 2025' and after 'de' or 'em'; marco (landmark) never takes a year",
    },
    "fr": {},
}


@dataclass(frozen=True)
class Finding:
    """A word of one language's messages whose folded form is another word."""

    lang: str
    word: str
    folded: str
    found: str  # 'content' (the folded form is written in the content) or 'known' (KNOWN lists it)
    msg_ids: tuple[str, ...]
    harmless: str  # the reason it cannot be misread, from HARMLESS; '' when it must be reworded


def words(text: str) -> list[str]:
    """The words of a text, case-folded."""
    return WORD.findall(text.casefold())


def check_texts(lang: str, texts: Mapping[str, str], known: Mapping[str, str] | None = None) -> list[Finding]:
    """Every accented word of these messages whose folded form is another word, sorted by word."""
    where: dict[str, list[str]] = {}
    for msg_id, text in texts.items():
        for word in dict.fromkeys(words(text)):
            where.setdefault(word, []).append(msg_id)
    known = KNOWN.get(lang, {}) if known is None else known
    harmless = HARMLESS.get(lang, {})
    findings = []
    for word, ids in sorted(where.items()):
        folded = fold_accents(word)
        if folded == word:
            continue
        found = "content" if folded in where else "known" if known.get(word) else ""
        if found:
            findings.append(Finding(lang, word, folded, found, tuple(ids), harmless.get(word, "")))
    return findings


def check_content(content: Content, langs: Iterable[str] = DEFAULT_FOLD) -> list[Finding]:
    """The findings in every folded language the content has."""
    return [f for lang in sorted(langs) if lang in content.texts for f in check_texts(lang, content.texts[lang])]


def format_findings(findings: list[Finding]) -> str:
    """One line per finding, those to reword first, then the harmless ones with their reason."""
    lines = []
    for f in sorted(findings, key=lambda f: (bool(f.harmless), f.lang, f.word)):
        other = KNOWN.get(f.lang, {}).get(f.word) or f"{f.folded}: also in the content"
        verdict = f"harmless: {f.harmless}" if f.harmless else f"REWORD ({other})"
        ids = ", ".join(f.msg_ids[:3]) + (f" and {len(f.msg_ids) - 3} more" if len(f.msg_ids) > 3 else "")
        lines.append(f"{f.lang} {f.word} -> {f.folded} in {ids}\n    {verdict}")
    bad = sum(not f.harmless for f in findings)
    return "\n".join([*lines, f"{len(findings)} words fold to another word; {bad} to reword."])
