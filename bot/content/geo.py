"""Find the US state a message names (names in nine languages, codes, misspellings, ZIP codes); the directory.

Usage:
    index = StateIndex.load(Path("flows"))
    index.find("vivo en Nueva York")     # State(code='NY', name='New York')
    index.name("NY", "zh")               # '纽约州'
    places = Places.load(Path("flows"))  # bot.content.places: state names + organisations, checked together
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from rapidfuzz import fuzz, process

from bot.content.yamlsrc import YamlError, load_yaml
from bot.nlu.textnorm import ARABIC_DIGITS, LETTER_FORMS, fold

logger = logging.getLogger(__name__)

STATES_FILE = "us_states.yaml"
DIRECTORY_FILE = "organizations.yaml"
NOT_NAMES = ("code", "other", "alone", "zip")  # every other key of a state block is a language code
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?$")  # en, es, zh-Hant: as translations/ names files
FUZZY_CUTOFF = 85.0  # rapidfuzz ratio; one wrong letter in a 7-letter name still scores 85.7
FUZZY_MARGIN = 5.0  # the best state must beat every other state by this much, else we ask again
WORD_CUTOFF = 75.0  # each word of a multi-word name must be this close too, so "de mexico" is not "new mexico"
MIN_FUZZY = 5  # shorter words hit state names by accident too easily
MAX_FUZZY_WORDS = 3

_CODE = re.compile(r"[A-Za-z]{2}")
_CAPS_CODE = re.compile(r"\b[A-Z]{2}\b")
_ZIP = re.compile(r"(?<!\d)\d{5}(?!\d)")  # ZIP+4 matches too: its "-" is not a digit
_INITIALS = re.compile(r"\b(\w)\.")  # "D.C." -> "DC" before punctuation becomes spaces
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_ZIP_PART = re.compile(r"(\d{3})(?:-(\d{3}))?")
_PROCLITICS = "وبلفک"  # Arabic "and/in/to/so/like" written onto the next word: بكاليفورنيا
# Forms textnorm.fold leaves apart. Its one-pass map turns ى into ي but ي into ی, so ي is finished here.
_DIGITS = ARABIC_DIGITS  # Arabic-Indic and Urdu/Persian digits
_EXTRA = str.maketrans({**LETTER_FORMS, "ي": "ی"})


class GeoDataError(ValueError):
    """us_states.yaml or organizations.yaml is broken; the message names the file, the entry and the fix."""


@dataclass(frozen=True)
class State:
    """A US state (or DC, PR): its postal code and English name."""

    code: str
    name: str


def normalise(text: str) -> str:
    """The matching key: textnorm.fold, plus D.C. → dc, đ → d and more Arabic/Urdu letter forms unified."""
    return fold(_INITIALS.sub(r"\1", text)).translate(_EXTRA)


@dataclass(frozen=True)
class _Tables:
    """The lookup tables find() uses, built once by load()."""

    exact: dict[str, str]  # normalised name (words joined by a space) -> code
    alone: dict[str, str]  # names taken only when they are the whole message
    cjk: tuple[tuple[str, str], ...]  # Chinese names, longest first: found anywhere in the text
    fuzzy: dict[int, tuple[list[str], list[str]]]  # word count -> (Latin names, their codes)
    heads: frozenset[str]  # first words of Arabic-script names, to see through a proclitic
    zips: dict[str, str]
    never: frozenset[str]
    words: frozenset[str]
    blocked: frozenset[str]
    longest: int


class StateIndex:
    """Finds the US state a message names; built once from flows/us_states.yaml."""

    def __init__(self, states: dict[str, State], names: dict[str, dict[str, str]], tables: _Tables) -> None:
        self._states, self._names, self._t = states, names, tables

    @classmethod
    def load(cls, flows_dir: Path) -> StateIndex:
        """Read flows/us_states.yaml once and build the indexes; a broken file raises GeoDataError."""
        path = Path(flows_dir) / STATES_FILE
        builder = _Builder(path, _read_yaml(path))
        return cls(builder.states, builder.names, builder.tables())

    def find(self, text: str) -> State | None:
        """The one state the text names; None when it names none, or several different ones."""
        raw = text.strip()
        norm = normalise(raw)
        words = norm.split()
        # surest first: exact names, then a ZIP, then a guessed misspelling, then bare capitals codes
        for step in (self._alone, self._by_name, self._by_zip, self._by_fuzzy, self._by_caps):
            codes = step(raw, norm, words)
            if codes:
                return self._states[next(iter(codes))] if len(codes) == 1 else None
        return None

    def name(self, code: str, lang: str) -> str:
        """The state's name in lang, or its English name; an unknown code comes back unchanged."""
        names = self._names.get(code.upper())
        if names is None:
            logger.warning("no state with code %s", code)
            return code
        return names.get(lang, names["en"])

    def codes(self) -> list[str]:
        """Every state code, in file order."""
        return list(self._states)

    def get(self, code: str) -> State | None:
        """The state with exactly this postal code (e.g. a carrier's FromState hint), or None."""
        return self._states.get(code.strip().upper())

    def _alone(self, raw: str, norm: str, words: list[str]) -> set[str]:
        """A whole message that is a code ("MA", "ma") or a name allowed only alone."""
        if norm in self._t.alone:
            return {self._t.alone[norm]}
        bare = raw.strip(" .!?")
        code = bare.upper()
        if not _CODE.fullmatch(bare) or code not in self._states or code in self._t.never:
            return set()
        return set() if code in self._t.words and not bare.isupper() else {code}

    def _by_name(self, raw: str, norm: str, words: list[str]) -> set[str]:
        """Names matched exactly: word sequences (Latin, Arabic script) and Chinese substrings."""
        heads = self._t.heads
        words = [w[1:] if w[:1] in _PROCLITICS and w not in heads and w[1:] in heads else w for w in words]
        found = _scan(words, self._t.longest, lambda gram: self._t.exact.get(" ".join(gram)))
        return found | self._cjk("".join(words)) if _CJK.search(norm) else found

    def _cjk(self, text: str) -> set[str]:
        """Chinese names anywhere in the text; a longer name hides the shorter ones inside it."""
        found: set[str] = set()
        taken: list[tuple[int, int]] = []
        for alias, code in self._t.cjk:
            start = text.find(alias)
            while start != -1:
                end = start + len(alias)
                if not any(a < end and start < b for a, b in taken):
                    taken.append((start, end))
                    found.add(code)
                start = text.find(alias, end)
        return found

    def _by_zip(self, raw: str, norm: str, words: list[str]) -> set[str]:
        """States of the 5-digit ZIP codes in the text (read before fold(), which shortens "000" to "00")."""
        digits = unicodedata.normalize("NFKC", raw).translate(_DIGITS)
        return {self._t.zips[z[:3]] for z in _ZIP.findall(digits) if z[:3] in self._t.zips}

    def _by_fuzzy(self, raw: str, norm: str, words: list[str]) -> set[str]:
        """Misspelled Latin-script names ("massachusets", "nueva yrok")."""
        latin = [w if w.isascii() and w.isalpha() and w not in self._t.blocked else "" for w in words]
        return _scan(latin, MAX_FUZZY_WORDS, self._closest)

    def _closest(self, gram: list[str]) -> str | None:
        """The state whose name is clearly the closest to these words, if any is close enough."""
        if not all(gram) or len("".join(gram)) < MIN_FUZZY:
            return None
        choices, codes = self._t.fuzzy.get(len(gram), ([], []))
        hits = [
            h
            for h in process.extract(" ".join(gram), choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None)
            if _words_close(gram, h[0])
        ]
        if not hits:
            return None
        best = codes[hits[0][2]]
        rival = max((score for _, score, i in hits if codes[i] != best), default=0.0)
        return best if hits[0][1] - rival >= FUZZY_MARGIN else None

    def _by_caps(self, raw: str, norm: str, words: list[str]) -> set[str]:
        """Codes in capitals inside a sentence ("I live in MA"); word-like codes only when no other is there."""
        found = {c for c in _CAPS_CODE.findall(raw) if c in self._states} - self._t.never
        strong = found - self._t.words
        if strong:
            return strong
        return found if any(c.islower() for c in raw) else set()  # "I AM IN" shouting is not Indiana


def _scan(words: list[str], longest: int, lookup: Callable[[list[str]], str | None]) -> set[str]:
    """Look word sequences up, longest first; words taken by a longer match are not looked at again."""
    found: set[str] = set()
    used = [False] * len(words)
    for n in range(min(longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            code = None if any(used[i : i + n]) else lookup(words[i : i + n])
            if code:
                found.add(code)
                used[i : i + n] = [True] * n
    return found


def _words_close(gram: list[str], alias: str) -> bool:
    """Each word is the name's word, or a near miss of a real word (not "de" for "new")."""
    return all(
        a == b or (min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= WORD_CUTOFF) for a, b in zip(gram, alias.split())
    )


class _Builder:
    """Checks us_states.yaml and turns it into the tables StateIndex uses."""

    def __init__(self, path: Path, data: Any) -> None:
        self.path, self.data = path, data if isinstance(data, dict) else {}
        self.states: dict[str, State] = {}
        self.names: dict[str, dict[str, str]] = {}
        self.owner: dict[str, str] = {}  # normalised name -> code, to refuse a name given to two states
        self.exact: dict[str, str] = {}
        self.alone: dict[str, str] = {}
        self.cjk: list[tuple[str, str]] = []
        self.zips: dict[str, str] = {}
        entries = self.data.get("states")
        if not isinstance(entries, list) or not entries:
            self.fail("top level", "has no 'states:' list.", "start the file with 'states:' and '- code: XX' blocks.")
        for i, entry in enumerate(entries if isinstance(entries, list) else [], 1):
            self.state(entry, f"state #{i}")

    def fail(self, where: str, problem: str, fix: str) -> NoReturn:
        """Stop loading with a message that names file, entry, problem and fix."""
        raise GeoDataError(f"{self.path.name}, {where}: {problem} Fix: {fix}")

    def state(self, entry: Any, where: str) -> None:
        """One '- code:' block: its names in every language, nicknames and ZIP prefixes."""
        code = str(entry.get("code", "")) if isinstance(entry, dict) else ""
        if not _CODE.fullmatch(code) or not code.isupper() or code in self.states:
            self.fail(where, f"code {code!r} is missing, not two capitals, or used twice.", "write e.g. 'code: MA'.")
        where = f"{where} ({code})"
        langs = [str(k) for k in entry if k not in NOT_NAMES]
        for key in langs:
            if not _LANG_CODE.match(key):
                self.fail(where, f"'{key}' is not a language code.", "write names under en, es, zh, zh-Hant, ar, ...")
        lists = {key: _strings(entry.get(key), key, where, self.fail) for key in (*langs, "other", "alone")}
        if not lists.get("en"):
            self.fail(where, "has no English name.", "add e.g. 'en: [Massachusetts]'.")
        self.states[code] = State(code, lists["en"][0])
        self.names[code] = {lang: lists[lang][0] for lang in langs if lists[lang]}
        alone = {normalise(a) for a in lists["alone"]}
        for alias in (a for key in (*langs, "other") for a in lists[key]):
            self.add(normalise(alias), code, where, alias, alone)
        for key in alone:
            self.claim(key, code, where, key)
            self.alone[key] = code
        self.add_zips(entry.get("zip"), code, where)

    def claim(self, key: str, code: str, where: str, alias: str) -> None:
        """Refuse a name that already belongs to another state."""
        if self.owner.setdefault(key, code) != code:
            self.fail(where, f"the name {alias!r} also belongs to {self.owner[key]}.", "keep it in one state only.")

    def add(self, key: str, code: str, where: str, alias: str, alone: set[str]) -> None:
        """Index one name by its script: Chinese substrings, whole words otherwise; very short Arabic only alone."""
        if not key or key in alone:
            return
        self.claim(key, code, where, alias)
        if _CJK.search(key):
            self.cjk.append((key.replace(" ", ""), code))
        elif _ARABIC.search(key) and len(key.replace(" ", "")) <= 3:
            self.alone[key] = code  # e.g. a 3-letter word is too often part of ordinary speech
        else:
            self.exact[key] = code
            if " " in key and not _ARABIC.search(key):
                self.exact.setdefault(key.replace(" ", ""), code)  # "newyork"

    def add_zips(self, spec: Any, code: str, where: str) -> None:
        """ZIP prefixes written as "010-027, 055"."""
        for part in (p.strip() for p in str(spec or "").split(",") if p.strip()):
            m = _ZIP_PART.fullmatch(part)
            if not m or int(m.group(2) or m.group(1)) < int(m.group(1)):
                self.fail(
                    where, f"zip part {part!r} is not a 3-digit prefix or range.", 'write e.g. zip: "010-027, 055".'
                )
            for n in range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1):
                prefix = f"{n:03d}"
                if self.zips.setdefault(prefix, code) != code:
                    self.fail(
                        where, f"ZIP prefix {prefix} is also given to {self.zips[prefix]}.", "keep it in one state."
                    )

    def tables(self) -> _Tables:
        """Freeze what was read into the tables find() uses."""
        return _Tables(
            exact=self.exact,
            alone=self.alone,
            cjk=tuple(sorted(self.cjk, key=lambda p: -len(p[0]))),
            fuzzy=_fuzzy_table(self.exact),
            heads=frozenset(k.split()[0] for k in self.exact if _ARABIC.search(k)),
            zips=self.zips,
            never=self.code_set("never"),
            words=self.code_set("words"),
            blocked=frozenset(normalise(str(w)) for w in self.data.get("not_states") or []),
            longest=max(len(k.split()) for k in self.exact),
        )

    def code_set(self, key: str) -> frozenset[str]:
        """The codes listed under 'codes: <key>:'; each must be a state above."""
        codes = _strings((self.data.get("codes") or {}).get(key), key, f"codes: {key}", self.fail)
        for code in codes:
            if code not in self.states:
                self.fail(
                    f"codes: {key}", f"{code!r} is not a state code in this file.", "write codes in capitals, e.g. OK."
                )
        return frozenset(codes)


def _fuzzy_table(exact: Mapping[str, str]) -> dict[int, tuple[list[str], list[str]]]:
    """Latin-script names long enough to match misspelled, grouped by their number of words."""
    table: dict[int, tuple[list[str], list[str]]] = {}
    for key, code in exact.items():
        if key.isascii() and len(key.replace(" ", "")) >= MIN_FUZZY:
            names, codes = table.setdefault(len(key.split()), ([], []))
            names.append(key)
            codes.append(code)
    return table


def _strings(value: Any, key: str, where: str, fail: Callable[[str, str, str], None]) -> list[str]:
    """A YAML list of names (or one name) as strings."""
    items = [value] if isinstance(value, str) else value or []
    if not isinstance(items, list) or not all(isinstance(v, (str, int)) and str(v).strip() for v in items):
        fail(where, f"'{key}' must be a list of names.", f"write e.g. '{key}: [Name one, Name two]'.")
    return [str(v).strip() for v in items]


def _read_yaml(path: Path) -> Any:
    """Parse a data file as every content file is read (YAML 1.2 booleans, duplicate keys refused); a missing or
    unreadable file raises GeoDataError saying what to do."""
    try:
        return load_yaml(path, path.parent)
    except OSError as exc:
        raise GeoDataError(f"{path.name}: cannot read it ({exc.strerror}). Fix: put it in {path.parent}.") from exc
    except YamlError as exc:
        raise GeoDataError(str(exc)) from exc


@dataclass(frozen=True)
class Directory:
    """Organisations by state code, and the national ones offered in every state."""

    by_state: Mapping[str, tuple[str, ...]]
    national_orgs: tuple[str, ...]

    def for_state(self, code: str) -> list[str]:
        """The state's own organisations (national ones not included); [] for a state with none."""
        return list(self.by_state.get(code.strip().upper(), ()))

    def national(self) -> list[str]:
        """The organisations offered in every state."""
        return list(self.national_orgs)


def load_directory(flows_dir: Path, codes: Iterable[str] | None = None) -> Directory:
    """Read flows/organizations.yaml; with codes given, a state code outside them is an error."""
    path = Path(flows_dir) / DIRECTORY_FILE
    data = _read_yaml(path)
    data = data if isinstance(data, dict) else {}

    def fail(where: str, problem: str, fix: str) -> None:
        raise GeoDataError(f"{path.name}, {where}: {problem} Fix: {fix}")

    national = tuple(_strings(data.get("national"), "national", "national", fail))
    states = data.get("states") or {}
    if not national or not isinstance(states, dict):
        fail("top level", "needs a 'national:' list and a 'states:' map.", "see the comment at the top of the file.")
    known = set(codes) if codes is not None else None
    for code in states:
        if not _CODE.fullmatch(str(code)) or not str(code).isupper() or (known is not None and code not in known):
            fail(
                f"states: {code}", "is not a state code in us_states.yaml.", "use the postal code in capitals, e.g. MA."
            )
    by_state = {str(c): tuple(_strings(v, str(c), f"states: {c}", fail)) for c, v in states.items()}
    return Directory(by_state, national)
