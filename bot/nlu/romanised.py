"""Urdu and Arabic written in Latin letters: romanised Urdu / Hindi ('police ne mujhe roka') and Arabizi
('el shorta wa2afetni', with digits for the letters Latin lacks: 2 ء, 3 ع, 5 خ, 7 ح, 9 ق).

People who text this way read their own script best, so the bot answers in Urdu or Arabic and offers English
in one line. The lists hold words that are frequent in one and rare in the other languages we serve; short
words shared with them ('ke', 'se', 'ne', 'ka', 'ki', 'la') are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_URDU = frozenset(
    """
mera mere meri mujhe mujhko mjhe hamara hamari hamare tumhara tumhari aap apna apni apne hai hain hy hoon hun tha
thi thay raha rahi rahe rahay gaya gayi gaye gai gye kiya kia kya kyun kyon kiyun kaise kaisay kese kahan kahaan
kidhar kab kaun kuch kuchh nahi nahin nai nahee aur bhi yeh woh wala wale wali walay walon walay mein mujhse
sakta sakti sakte chahiye chahye chahie chahta chahti hoga hogi ghar darwaza darwaze darwazay bhai behen bahen
beta beti ammi abbu abba batao bataen bata madad roka roki rok pakad pakar pakda pakra pakarr liya diya laga
lagta abhi jaldi karun karo karna karein karen rahe pe hum ham ap pta pata mangte mang maang hue hua hui gaadi
gaari gari bachon bache bachay shohar biwi wakeel vakeel kagzat kaghaz kagaz sab kal aaj wapas bahar andar
assalam alaikum assalamualaikum haal theek thik acha accha shukriya janab bhaiya koi agle agla agli hafte hafta
tareekh tarikh jaun jaon jaoon jana jata jati khat aaya aayi aya ayi mila milega milegi milta bolne bolta bolti
poocha pucha puchha sadak safar zor kehte kehta kehti mamu mamoo chacha utha uthaya unhe unko inko dhoondain
dhundo reh rehna mahine parson subah raat baad pehle liye lekin magar phir sirf bohat bahut zyada thoda kaam
shoher shohar shouhar pakr
rasta raste kaghzat kaghzaat kagzaat kaghzaat maange mange mangay maangay mangte poochne puchne batana bataya
mujhay humein hamein unhon unhone usne usko isko iske uske hamko mereko kyu kyun haan nhi nai krna rha rhi gya
gyi ghanton ghante ghanta kafi giraftar hirasat thana adalat peshi naukri dhoondh dhoond pakad liya le gaye
le gayi rakha rakhi kahin jaye jayen karoon karun sakta hoon sakti hoon kaha kahaa karne karte karti
kehna kahna bola boli bole raha rahi waqt dauran tayyari saboot kisi kitni kitna kitne der rakh rakhna
rakhte karega karegi karenge denge
agar hota hoti hote hoye ek dobara dubara neeche niche upar dikha dikhaya dikhana dikhao bol bolo chhodne chhoda
chhodo chhodna chorna wajah waja jayega jayegi jayenge jeetega jeetegi kar kro krdo kardo karwa saath sath paas
zaroori zaruri jawab dena lena lenge denge wahan wahin yahan suna sunaa bolun chup rahun khayal rakhega rakhegi
banaun mehfooz mahfooz jagah aate jate unka unki unke usse alag kyunke kyunki dekh dekha dekhna batana bhejna
puchegi puchenge maanga manga banwayein taake sakein sake chahte paise paisay jama bura pichle pichhle hona
shamil haq huqooq kiye dekhi dekhe bataun bataon batayein bulayein kamzor maaf baghair bagair saamne samne
pakri pakre nokri chali
""".split()
)
_ARABIZI = frozenset(
    """
ana enta enti inta inti howa huwa hiya heya e7na ne7na i7na homa ento intu fel fil bel bil 3al 3ala 3an 3and
3ndi 3andi ma3 ma3i mesh mish msh mafi mafish la2 aywa eih leh lesh laish leish ezay ezzay izay kifak kifik keef
shu shou eish esh feen fein wein wain emta 3ayez 3awez 3ayza 3awza badi biddi bidi b7eb 7abibi habibi yalla
khalas 5alas wallah wallahi inshallah ya3ni yani kda keda kida hena hnak henak delwa2ti dilwa2ti halla2 hala2
ba3d ba3den kteer ktir awi 2awi shwaya shway meen mnein 3shan 3ashan 3alashan kaman kamaan taib tayeb mashi
yimkin mumkin momken momkin lazem lazim ma7jouz ma7jooz mahjouz shorta bolis matar hegra hijra mo7ami mohami
3arabeya sayara beit awlad wlad 3eyal shokran shukran marhaba mar7aba ahlan el
wach wesh bghit bghina dyali dyal diali daba chno chnou kifach bzaf lbolis chorta lhijra chdouni machi walakin
3lach fach ghadi mchit jat jaw goozi gozi mrati mirati abouya abuya akhoya a5oya ukhti o5ti ndir ndiro ach
achno khouya khoya shado chado kayn makaynch rajli
""".split()
)
# A Latin word with an Arabizi digit between or after its letters ('wa2afni', '3al', 'la2'), not '2nd' or '5pm'.
_ARABIZI_DIGITS = re.compile(r"^[a-z]*[235679][a-z]+[a-z0-9]*$|^[a-z]+[235679]$")
_NOT_ARABIZI = re.compile(r"^\d+(st|nd|rd|th|am|pm|h|hr|hrs|min|mins|k|g|d)$|^2(day|nite|night|morrow)$")
_WORD = re.compile(r"[a-z0-9]+")
MIN_WORDS = 2.0  # evidence needed: two listed words, or one Arabizi digit word and one more
MIN_SHARE = 0.3  # ...and this share of the message's words (an English sentence with 'bhai' is English)
CONFIDENCE = 0.85  # below the 0.9 that switches a running conversation: a new user's language only


def romanised_guess(text: str, languages: Sequence[str]) -> tuple[str, float] | None:
    """('ur' or 'ar', confidence) when a Latin-script message is romanised Urdu or Arabizi, else None."""
    words = [w for w in _WORD.findall(text.casefold()) if not w.isdigit()]
    if not words:
        return None
    scores = {"ur": float(sum(w in _URDU for w in words)), "ar": 0.0}
    for w in words:
        digits = bool(_ARABIZI_DIGITS.match(w)) and not _NOT_ARABIZI.match(w)
        scores["ar"] += 1.5 if digits else float(w in _ARABIZI)
    best = max(scores, key=lambda k: scores[k])
    other = "ar" if best == "ur" else "ur"
    if best not in languages or scores[best] <= scores[other]:
        return None
    if scores[best] < MIN_WORDS or scores[best] < MIN_SHARE * len(words):
        return None
    return best, CONFIDENCE
