"""Offline language identification of very short messages (SMS, chat).

Three layers, cheapest and surest first:
1. script rules: Han -> zh; Arabic script -> ur or ar by Urdu-only letters; Vietnamese-only letters -> vi;
2. small high-precision word lists (function words and the bot's topic words) that decide or boost;
3. py3langid, restricted to our Latin-script languages, for the rest.
It abstains (``lang=None``) rather than guess: the caller keeps the user's language sticky and offers a menu.

The model is loaded when the detector is built, or given as a function that returns it when first needed
(bot/service/langmodel.py loads it in a thread, so start-up need not wait for it).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.nlu.hanzi import SIMPLIFIED_ONLY, TRADITIONAL_ONLY, han_script
from bot.nlu.romanised import romanised_guess

SUPPORTED: tuple[str, ...] = ("en", "es", "zh", "zh-Hant", "ar", "ur", "ht", "pt", "vi", "fr")
LATIN: tuple[str, ...] = ("en", "es", "pt", "fr", "ht", "vi")

WORD_WEIGHT = 2.0  # log-odds added per matched word: one clear function word outweighs a weak model lead
LANG_WEIGHT = {"en": 0.5}  # English loanwords ("door", "lawyer") are common in others' messages
MIN_CONFIDENCE = 0.5  # below this the evidence is too weak: abstain
MIN_MODEL_ONLY = 0.8  # a lone word the lists do not know must convince the model alone
ONE_WORD_SHARE = 0.7  # a lone word in several lists needs the model to prefer one of them clearly
ONE_WORD_CONFIDENCE = 0.8  # one listed word is good but not conclusive evidence: let a sticky language win
MAX_CHARS = 400  # short-message tool: longer input is truncated to bound the time

# Language-neutral tokens: agency names, numbers and chat words every language uses.
NEUTRAL = frozenset("ice cbp dhs hsi ero fbi uscis ok okay okey sms whatsapp".split())
# A lone one of these says nothing about the language.
AMBIGUOUS = frozenset(
    "si sí no non ok menu menú police policia info stop start hey alo allo aló yo pa la a o e y sa de en ki "
    "mama papa mamá papá taxi hotel socorro detainer".split()
)

# Function words and the bot's topic words, per language. A word may sit in several lists: it then only
# separates those languages from the others. Unaccented spellings are listed because SMS users drop accents.
_WORDS: dict[str, str] = {
    "en": "i i'm im my is are was were the at in on of to for and you your we they he she it his her our their "
    "them him us from by about just what where how who why when do does did don't dont can can't cant "
    "need want have has had help please pls plz lawyer attorney door house home apartment stopped "
    "arrested detained took taken picked pulled over family brother sister wife husband son daughter mom "
    "dad mother father kids children uncle aunt cousin friend rights should will with without there here "
    "outside not this that am get got call know right hi hello thanks thank yes officer officers agents "
    "police warrant court judge hearing bail bond car work papers id license phone letter free scared "
    "afraid alone hiding airport deport deported deportation detention jail prison custody held border "
    "patrol emergency urgent someone something sign open knocking knock raid immigration undocumented "
    "citizen today tonight now",
    "es": "el los las está esta están estan estoy estamos en no te mi mis tu tus su sus por para qué como cómo "
    "donde dónde tengo tiene tienen hay soy somos necesito ayuda ayúdame ayudame ayudenme ayúdenme "
    "ayúdennos ayudennos porfa abogado abogada puerta migra migración migracion inmigración inmigracion "
    "policía detuvieron detenido detenida arrestaron arrestado arrestada deportar deportaron deportación "
    "deportacion hermano hermana esposo esposa hijo hija hijos niños ninos tío tía amiga aeropuerto hago "
    "puedo debo derechos yo usted ellos ella él nosotros pero con sin ahora afuera aquí tocando coche "
    "trabajo papeles miedo hola gracias llamar orden juez quiero hablar puede pueden nos nuestra ya muy "
    "también tambien cuando porque dijo dijeron dice digo ayer hoy mañana manana anoche del al una uno "
    "eso esto ese hacer voy vienen llegó llego llevaron agarró agarro agarraron paró paro pararon quien "
    "quién q xq k ke frontera fronteriza detención detencion casa estacionamiento firmar emergencia "
    "licencia identificación identificacion teléfono telefono solos cárcel carcel fianza audiencia "
    "ciudadano patrulla redada pidio pidió pidieron pregunto preguntó preguntaron pararon pullearon",
    "pt": "o os as por para porque este casa carro ola está estão estao na nas no do da dos das minha meu meus "
    "minhas seu sua não nao é são sou estou estamos somos tenho tem preciso ajuda ajudar ajudem advogado "
    "advogada porta polícia imigração imigracao aeroporto detido detida preso presa prenderam deportado "
    "deportada deportaram deportação deportacao irmão irmao irmã irma marido filho filha filhos crianças "
    "criancas mãe mae pai você voce vc eles ela ele nós com sem agora aqui fora lá eu sim faço faco posso "
    "devo direitos pelo pela uma um isso isto obrigado obrigada olá oi trabalho medo quero falar fala "
    "falo pode podem nossa nosso também quando onde ontem hoje amanhã amanha parou pararam parado ao pra "
    "pro mim foi levaram pegaram pegou batendo tá tô cadê cade ne né gratuito grátis graça fronteira "
    "estacionamento assine assinar mandado emergência documento documentos carteira identidade celular "
    "sozinho sozinhos cadeia prisão fiança audiência juiz cidadão patrulha disseram numa num dum duma pros pras "
    "rede resposta",
    "fr": "le les est sont suis sommes ai j'ai jai je j mon ma mes ton son leur leurs ne pas du des au aux et "
    "ou qui à en va sa ce on quoi comment où il elle ils nous vous moi toi lui avec sans maintenant ici "
    "dehors devant porte maison appartement police avocat avocate aide aidez aider besoin arrêté arrete "
    "arrêtée détenu detenu détenue expulsé expulsée expulsion frère frere sœur soeur mari femme fils "
    "fille enfants oncle tante cousine ami amie mère mere père pere droits peux peut dois faire fais "
    "merci bonjour voiture travail papiers peur veux parler notre aussi quand parce hier demain "
    "aujourd'hui soir aéroport aeroport frappe frappent c'est cest c qu d s m'a m'ont ont été ete svp "
    "plaît plait y'a j' l' d' qu' c' s' n' m' t' jusqu' oui secours dans chez sur une parlez cherche "
    "emmené emmenée gratuit frontière frontiere frontières mandat quelqu'un urgence urgent "
    "téléphone telephone portable permis carte lettre seul seuls prison caution juge citoyen disent",
    "ht": "mwen m m'ap map y'ap nou ou w li l n yo pa nan ki sa an kounye kounya kounyea konnen konn kijan kisa "
    "kòman koman poukisa gen genyen bezwen ede èd avoka lapolis polis pòt pot kay lakay fanmi frè fre sè "
    "manman pitit timoun madanm tonton matant kouzen kouzin zanmi imigrasyon ayewopò ayewopo ayeropò "
    "ayeropo arete kenbe fèmen fè fe ka kapab dwe fòk fok dwa pou avèk avek ak lè isit deyò deyo devan "
    "tanpri souple mèsi mesi bonjou machin travay papye pè vle pale tou paske te ap pral pap pat va yon "
    "ye kote moun rele jij tribinal depòte depote deporte soti vin vini rive frape ouvri louvri banm eske "
    "èske anpil ajan detansyon san manda siyen jwenn kanpe wout ijan ijans enfòmasyon kreyòl kreyol "
    "fwontyè fwontye pakin bloke pran mwn jodi aswè ale montre telefòn telefon lisans lèt prizon poukont "
    "anyen tout mezanmi y' k' wi",
    "vi": "toi tôi khong không ko duoc giup dang cua nha bat canh sat luat su xin chao cam anh chi phai lam gi "
    "roi nay chong vao dau nguoi nhap giam giu ho khi biet muon goi cuu bi voi gap mien phi thong tin "
    "nhan vien tieng viet co can chung truc xuat khan cap tru san bay giay quyen lang lenh gia dinh hom "
    "dien thoai toa bien gioi tron xe on dc đc hok hem khg kg ntn bik mik mk mn mng bn nhe nka ak uk ukm cx "
    "cug thui lun oke bt bjt cs ck vk ngoai truoc tui vay oi ong xa het han chan hoi lau",
}
WORDLISTS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}
# Haitian Creole written with French spellings ('la porte moin', 'bezoin'): words no French text has, which keep
# the message Creole however French the rest looks to the model.
MARKERS: dict[str, frozenset[str]] = {
    "ht": frozenset(
        "moin mouin mwin bezoin kounié kounie kouman lakay pitit pitite zanmi genyen mwen nou pral anmwe gin yon "
        "konnin èské eské".split()
    ),
}
MARKER_WEIGHT = 8.0
_ALL_WORDS: frozenset[str] = frozenset().union(*WORDLISTS.values())
# Elided articles and pronouns ("j'ai", "l'aéroport") are split off with their apostrophe and scored.
ELISIONS = frozenset("j l d qu c s n m t jusqu lorsqu puisqu y k".split())

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_VIET_ONLY = frozenset("ăđơư")  # with U+1EA0-1EF9; â ê ô alone are French and Portuguese too
_URDU_ONLY = frozenset("ٹڈڑںےہھ")
_URDU_LEANING = frozenset("کگیپچ")
_ARABIC_ONLY = frozenset("ةىيك")


@dataclass(frozen=True)
class Guess:
    """A language guess: ``lang`` is None when the evidence is too weak to say."""

    lang: str | None
    confidence: float
    method: str  # "script", "romanised", "wordlist", "model" or "none"


NO_GUESS = Guess(None, 0.0, "none")


def normalise(text: str) -> str:
    """NFC, casefold, unify apostrophes: the form every rule and list here expects."""
    text = unicodedata.normalize("NFC", text[:MAX_CHARS]).casefold()
    return text.replace("\u2019", "'").replace("`", "'")


def _script(ch: str) -> str:
    """The script of one letter, as far as these rules care."""
    cp = ord(ch)
    if 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FFFF:
        return "han"
    if 0x0600 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        return "arabic"
    if cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF:
        return "latin"
    return "other"  # kana, hangul, cyrillic...: not supported


def _is_viet_letter(ch: str) -> bool:
    """True for letters only Vietnamese uses among our languages."""
    return ch in _VIET_ONLY or 0x1EA0 <= ord(ch) <= 0x1EF9


def arabic_script_lang(text: str) -> str:
    """'ur' if the Arabic-script text has Urdu-only letters (or Urdu-leaning ones without Arabic-only ones)."""
    letters = set(text)
    if letters & _URDU_ONLY:
        return "ur"
    if letters & _URDU_LEANING and not letters & _ARABIC_ONLY:
        return "ur"
    return "ar"


def script_guess(text: str) -> Guess | None:
    """Decide by writing system alone, or None when the text is Latin script (or has no letters)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            counts[_script(ch)] = counts.get(_script(ch), 0) + 1
    if not counts:
        return NO_GUESS
    if counts.get("other", 0) > counts.get("latin", 0) + counts.get("han", 0) + counts.get("arabic", 0):
        return NO_GUESS  # Japanese, Korean, Russian...: a language we do not serve
    if counts.get("han"):
        return han_guess(text)
    if counts.get("arabic"):
        return Guess(arabic_script_lang(text), 0.95, "script")
    if any(_is_viet_letter(ch) for ch in text):
        return Guess("vi", 0.97, "script")
    return None


def han_guess(text: str) -> Guess:
    """Traditional (or written Cantonese) -> zh-Hant, Simplified -> zh; text whose characters are the same in both
    scripts is zh with a confidence too low to switch a running conversation."""
    trad = sum(c in TRADITIONAL_ONLY for c in text)
    simp = sum(c in SIMPLIFIED_ONLY for c in text)
    if han_script(text) == "Hant":
        return Guess("zh-Hant", 0.99, "script")
    return Guess("zh", 0.99 if simp > trad else 0.6, "script")


def tokens(text: str) -> list[str]:
    """Words of a normalised text, language-neutral tokens dropped, French-style elisions split."""
    out: list[str] = []
    for word in _TOKEN.findall(text):
        if word in NEUTRAL:
            continue
        head, _, rest = word.partition("'")
        split = rest and head in ELISIONS and word not in _ALL_WORDS  # keep listed forms ("j'ai", "m'ap")
        out.extend((head + "'", rest) if split else (word,))
    return out


def word_hits(words: Sequence[str], languages: Sequence[str]) -> dict[str, float]:
    """Weighted count of list words per language."""
    return {
        lang: LANG_WEIGHT.get(lang, 1.0) * sum(w in WORDLISTS[lang] for w in words)
        for lang in languages
        if lang in WORDLISTS
    }


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    """Normalise log-scores to probabilities."""
    top = max(scores.values())
    exps = {lang: math.exp(s - top) for lang, s in scores.items()}
    total = sum(exps.values())
    return {lang: e / total for lang, e in exps.items()}


class _Ranker(Protocol):
    """The part of py3langid's LanguageIdentifier used here."""

    def rank(self, text: str) -> list[tuple[str, float]]:
        """(language, probability) pairs, best first."""


def latin_of(languages: Sequence[str]) -> tuple[str, ...]:
    """The Latin-script languages among `languages` that the model tells apart (in LATIN's order)."""
    return tuple(lang for lang in LATIN if lang in languages)


def load_model(languages: Sequence[str]) -> _Ranker:
    """Load py3langid's model for `languages` (slow: 0.5-0.9 s, mostly decompressing it)."""
    return _load_identifier(languages)


def _load_identifier(languages: Sequence[str]) -> _Ranker:
    """Load py3langid's model (slow: ~0.8 s, ~90 MB RSS) and restrict it to ``languages``."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # 0.2.x names the loader from_pickled_model; 0.4 renamed it from_model_file.
    load = getattr(LanguageIdentifier, "from_pickled_model", None) or LanguageIdentifier.from_model_file
    identifier = load(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


class LanguageDetector:
    """Language of a short message among ``languages``; build once, it loads a model (or is given one)."""

    def __init__(
        self,
        languages: Sequence[str] = SUPPORTED,
        use_wordlists: bool = True,
        model: Callable[[], _Ranker | None] | None = None,
    ) -> None:
        """`model`: returns the model for `latin_of(languages)` when first needed (None: there is none, the word
        lists decide); without it the model is loaded now."""
        # A language the rules and model do not know (a new translation file) is never guessed, only picked.
        self.languages = tuple(lang for lang in languages if lang in SUPPORTED)
        self.unknown = tuple(lang for lang in languages if lang not in SUPPORTED)
        self.latin = latin_of(self.languages)
        self.use_wordlists = use_wordlists  # off only to measure what the lists add
        if model is None:
            loaded = _load_identifier(self.latin) if self.latin else None
            model = lambda: loaded
        self._model = model

    def detect(self, text: str) -> Guess:
        """Guess the language of one message; ``lang`` None when it has no letters or too little evidence."""
        text = normalise(text)
        guess = script_guess(text)
        if guess is None:
            roman = romanised_guess(text, self.languages)
            guess = Guess(roman[0], roman[1], "romanised") if roman else self._latin_guess(tokens(text))
        if guess.lang == "zh-Hant" and guess.lang not in self.languages:
            guess = Guess("zh", guess.confidence, guess.method)  # no Traditional file: Simplified is closest
        return guess if guess.lang in self.languages else NO_GUESS

    def model_probs(self, words: Sequence[str]) -> dict[str, float]:
        """py3langid's probabilities over our Latin-script languages (even odds when there is no model)."""
        model = self._model() if self.latin else None
        if model is None:
            return {lang: 1.0 / len(self.latin) for lang in self.latin}
        return dict(model.rank(" ".join(words)))

    def _latin_guess(self, words: list[str]) -> Guess:
        """Combine the model with the word lists; abstain on a lone ambiguous word or a weak result."""
        if not words or (len(words) == 1 and words[0] in AMBIGUOUS) or not self.latin:
            return NO_GUESS
        probs = self.model_probs(words)
        hits = word_hits(words, self.latin) if self.use_wordlists else {}
        if len(words) == 1:
            return _one_word_guess(probs, hits)
        scores = {
            lang: math.log(p + 1e-9) + WORD_WEIGHT * hits.get(lang, 0.0) + MARKER_WEIGHT * _markers(words, lang)
            for lang, p in probs.items()
        }
        posterior = _softmax(scores)
        best = max(posterior, key=posterior.__getitem__)
        if posterior[best] < MIN_CONFIDENCE:
            return NO_GUESS
        lists_decided = best != max(probs, key=probs.__getitem__) or probs[best] < MIN_CONFIDENCE
        return Guess(best, round(posterior[best], 4), "wordlist" if lists_decided else "model")


def _markers(words: Sequence[str], lang: str) -> int:
    """How many of a language's marker words the message has."""
    return sum(w in MARKERS.get(lang, ()) for w in words)


def _one_word_guess(probs: dict[str, float], hits: dict[str, float]) -> Guess:
    """A lone word: the model is unreliable on a few bytes, so the lists decide and the model breaks ties."""
    listed = {lang: probs[lang] for lang, n in hits.items() if n}
    if not listed:
        best = max(probs, key=probs.__getitem__)
        return Guess(best, round(probs[best], 4), "model") if probs[best] >= MIN_MODEL_ONLY else NO_GUESS
    total = sum(listed.values())
    best = max(listed, key=listed.__getitem__)
    share = listed[best] / total if total else 1.0 / len(listed)
    if share < ONE_WORD_SHARE:
        return NO_GUESS  # a word of several languages ("police", "on") and the model cannot tell them apart
    return Guess(best, round(ONE_WORD_CONFIDENCE * share, 4), "wordlist")
