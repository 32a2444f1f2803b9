"""Urdu, Arabic and Chinese written in Latin letters: romanised Urdu / Hindi ('police ne mujhe roka', texted
'police ne rok lia'), Arabizi ('el shorta wa2afetni', with digits for the letters Latin lacks: 2 ء, 3 ع, 5 خ,
7 ح, 9 ق), Mandarin in pinyin without tones ('wo zai jichang bei haiguan kou le') and Cantonese in a Jyutping-
or Yale-like romanisation ('ngo bei chai lo jook', 'm sai chin').

People who text this way read their own script best, so the bot answers in Urdu, Arabic or Chinese characters
and offers English in one line. The lists hold words that are frequent in one and rare in the other languages
we serve. Short words shared with them ('ke', 'se', 'ne', 'ka', 'ki', 'h', 'me' for Urdu; 'you', 'men', 'ban',
'di', 'ta' for pinyin) only add half a word, and only once the message has its own clear words: an English
sentence with 'bhai', or a Haitian one with 'ki' and 'ka', stays what it is.
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
keh kehne lia dia iska iski uska uski inka inki inke matlab jeb talashi chootna chootne chhootna chutna chhutna
rihai khatam bina khari khara khare kharay khade khadi khol kholo kholna kholun kholungi muft padosi padosan
masla masail naam saal kamre kamra kamrey maarta marta sambhalega sambhale sambhalna banna banwana chori bitha
bithaya paida jaate chal chalo chala chalega behan hawale aadmi har masjid chowki maine lene aaye rakhne bhaag
bhaga wapis dhoondhun dhoondun dhundhein leta usay dastak bula bulana bulaun laao daftar lagani lagana lagaya
lagi hazri chhodte larai maalik rabta pehne takreeban karwana utri darwazey baahar kis phansi phans phansa milti
sasta intezam sawal sawalon gariyon pohanche pahunche chhorne gher chuka chuki chhor poore puri daura dil sach
zamanat beemar bemaar bimar nani pehli layega rakhein logon sauda nikli pareshan darr ghabra chhora dafa sabke
chadh lga kare yaar waqai degi dega zimmedari tayyar aayenge rastay baar pooch dost mausi sahab kaafi mandir
gurudwara jis chhup samjh samajh dukan dusri doosri aage puchen bolna likhi likha dali daala pagal chachi mangi
aana dosto achi achha kon konsa kaunsa koshish zaroorat zarurat bilkul shayad mushkil musibat pareshani kesay
kesy
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
# Texting shorthand and verb forms no other language we serve writes: one of them counts one and a half words.
_URDU_STRONG = frozenset(
    """
krna krne krni krta krti krte kro krdo krdi krdia krdiya kru krun kr rha rhi rhe rhy rhay skta skti skte skty
nhi nahi nahin hain gaya gayi gaye gya gyi gye chahiye chahiya chahye chahie chaiye chahiay kya kyun kyu mujhe
mjhe mje mujhko hoga hogi sakta sakti sakte raha rahi rahe karna karni karne karta karti karte kaise kahan
bht bohot bhot
""".split()
)
# Short words Urdu shares with English, the Romance languages, Haitian, Vietnamese texting or pinyin: half a word
# each, and only once the message has a word of its own ('police ne rok lia', 'ICE hold lag gaya').
_URDU_SHARED = frozenset(
    "h me ke ki ka ko ne se ho le de jo ye wo main mai mei lag ab aa ja par dar log ya yr na ap thi thay".split()
)
# Urdu words a greeting or an address is made of: a clause of only these ('assalam alaikum bhai, I need...') does
# not make the English after it Urdu.
_URDU = _URDU - _URDU_SHARED  # 'le' of 'le gaye' is French too
_URDU_GREETING = frozenset("assalam alaikum assalamualaikum salam bhai bhaiya janab shukriya sahab yaar".split())

# Mandarin in pinyin without tones: function words and the bot's topic words, joined ('jichang') or spaced
# ('ji chang': two or three adjacent syllables are tried joined). Syllables that are words elsewhere ('you',
# 'men', 'he', 'ban', 'di', 'ta', 'nao', 'sao', 'lei', 'xin') are in _CHINESE_SHARED only.
_PINYIN = frozenset(
    """
wo women nimen tamen zai shi bushi meiyou meiyou hen hao yao buyao xiang zenme zenmeban zenmebanne shenme
weishenme nali nar zheli zher zhe zhege nage neige keyi nengbuneng yinggai bixu xuyao jiu zhidao buzhidao
xiexie nihao qing qingwen duibuqi gangcai yijing haishi ranhou danshi yinwei suoyi ruguo xianzai mashang
mingtian jintian zuotian zaoshang wanshang erzi nver nuer laogong laopo zhangfu qizi airen pengyou tongshi
laoban gongsi gongzuo jingcha jingchaju yiminju yimin haiguan bianjing jichang feiji lushi lvshi falv falu
bangzhu bangmang mianfei shenfen zhengjian huzhao qianzheng lvka luka shouji mima dianhua jianyu kanshousuo
juliu daibu zhua zhuazou zhuale zhuazhu zhuaqu daizou lanzhu lanxia kouliu koule fating faguan chuting jiating
haizi xiaohai jiali menkou qiaomen kaimen jiuming baojing yingwen zhongwen huida wenti chuqu chulai jinlai
jinqu xiale zou zuo kaiche lushang jiedao xuexiao yiyuan jiaotang gongchang qianming anquan weixian hefa feifa
shenqing baoshi baoshijin souchaling daibuling qianfan qian xia bu shuo rang dui jia kuai zenyang buhui bukeyi
shide haode
""".split()
)
# Cantonese in a Jyutping- or Yale-like romanisation, as Hong Kong and diaspora users text it.
_CANTONESE = frozenset(
    """
ngo ngoh ngodei nei neih neidei keoi koei kui keoidei ge geh gwo yau yauh lut zo jor joh jook juk zuk seung
soeng ging geng gwai dimgaai dimsyun dimbaan mou matyeh sik gam gamyeung jeung jyun jo cheung ukkei yigaa jigaa
heoi haih mh mgoi msai mhai bindou bingo
""".split()
)
# Cantonese pairs of syllables ('lo gung' 老公, 'chai lo' 差佬, 'm sai' 唔使): each counts one word.
_CANTONESE_PAIRS = frozenset(
    """
lo_gung lou_gung lo_por lou_po lo_po chai_lo chaai_lou ging_chaat bo_ging sun_fun san_fan yi_man ji_man
lut_si leot_si m_sai m_hai m_goi m_ji m_gin m_dak m_zi m_ho dim_syun dim_baan dim_gaai bin_dou bin_go
ngo_dei nei_dei keoi_dei yau_mo jau_mou hoi_mun gei_cheung gei_coeng uk_kei ok_kei mun_hau yi_ga ji_gaa yi_gaa
sau_gei gau_meng gau_mehng
""".split()
)
# Syllables pinyin and Cantonese share with each other or with the other languages: half a word, only once the
# message has several words of its own.
_CHINESE_SHARED = frozenset(
    """
a an ai ba baba bai ban bao bei ben bi bo bong chi chin chu da dan dang dao de di dou du fan fun gei gen
gong gung ha hai han he hou hu hua hui kan kou ke le li lo ma mai mama man me mei men mo na nan ne ni o pa pin
po sai se sha si sun ta tai tan tong tu wan wen ye yi yo you yu
""".split()
)
# A Latin word with an Arabizi digit between or after its letters ('wa2afni', '3al', 'la2'), not '2nd' or '5pm'.
_ARABIZI_DIGITS = re.compile(r"^[a-z]*[235679][a-z]+[a-z0-9]*$|^[a-z]+[235679]$")
_NOT_ARABIZI = re.compile(r"^\d+(st|nd|rd|th|am|pm|h|hr|hrs|min|mins|k|g|d)$|^2(day|nite|night|morrow)$")
_WORD = re.compile(r"[^\W_]+")  # whole words: Vietnamese 'nhiều' is no 'nhi'
_CLAUSE = re.compile(r"[.?!,;:\n]+")
_TONE = re.compile(r"(?<=[a-z])[1-6]$")
MIN_WORDS = 2.0  # evidence needed: two listed words, or one Arabizi digit word and one more
MIN_SHARE = 0.3  # ...and this share of the message's words (an English sentence with 'bhai' is English)
MIN_OWN = {"ur": 1.5, "zh": 3.0, "zh-Hant": 3.0}  # own words before shared ones count
LONG_PINYIN = 5  # a pinyin word this long is two syllables ('jichang', 'lushi', 'tamen'): one and a half words
CHINESE_SHARE = 0.5  # pinyin's syllables are short and common: half the message must read as Chinese
CLAUSE_WORDS = 4  # a clause this long that is clearly Urdu makes a code-switched message Urdu
CLAUSE_SHARE = 0.5
CONFIDENCE = 0.85  # below the 0.9 that switches a running conversation: a new user's language only


def romanised_guess(text: str, languages: Sequence[str]) -> tuple[str, float] | None:
    """(language, confidence) when a Latin-script message is romanised Urdu, Arabizi, pinyin or romanised
    Cantonese ('ur', 'ar', 'zh', 'zh-Hant'), else None."""
    words = _words(text)
    if not words:
        return None
    scores = _scores(words)
    best = max(scores, key=lambda k: scores[k])
    if best not in languages or any(scores[best] <= n for lang, n in scores.items() if lang != best):
        return None
    if _enough(best, words, scores[best]) or best == "ur" and _urdu_clause(text):
        return best, CONFIDENCE
    return None


def _words(text: str) -> list[str]:
    """The message's words, numbers left out."""
    return [w for w in _WORD.findall(text.casefold()) if not w.isdigit()]


def _scores(words: list[str]) -> dict[str, float]:
    """Each language's evidence: its own words, plus half a word for each shared one once it has enough own."""
    ur, shared_ur = 0.0, 0
    for w in words:
        if w in _URDU_STRONG:
            ur += 1.5
        elif w in _URDU:
            ur += 1.0
        elif w in _URDU_SHARED:
            shared_ur += 1
    ar = 0.0
    for w in words:
        digits = bool(_ARABIZI_DIGITS.match(w)) and not _NOT_ARABIZI.match(w)
        ar += 1.5 if digits else float(w in _ARABIZI)
    zh, yue, shared_zh = _chinese(words)
    scores = {"ur": ur, "ar": ar, "zh": zh, "zh-Hant": yue}
    for lang, shared in (("ur", shared_ur), ("zh", shared_zh), ("zh-Hant", shared_zh)):
        if scores[lang] >= MIN_OWN[lang]:
            scores[lang] += 0.5 * shared
    return scores


def _chinese(words: list[str]) -> tuple[float, float, int]:
    """(pinyin words, Cantonese words, shared syllables): two or three adjacent syllables are also tried joined
    ('ji chang' -> jichang, 'lo gung' -> 老公), a Jyutping tone digit dropped ('ngo5')."""
    syl = [_TONE.sub("", w) for w in words]
    pinyin = cantonese = 0.0
    shared, i = 0, 0
    while i < len(syl):
        three, two = "".join(syl[i : i + 3]), "".join(syl[i : i + 2])
        if i + 2 < len(syl) and len(three) >= LONG_PINYIN and three in _PINYIN:
            pinyin, i = pinyin + 1.5, i + 3
        elif i + 1 < len(syl) and "_".join(syl[i : i + 2]) in _CANTONESE_PAIRS:
            cantonese, i = cantonese + 1, i + 2
        elif i + 1 < len(syl) and len(two) >= LONG_PINYIN and two in _PINYIN and syl[i] not in _PINYIN:
            pinyin, i = pinyin + 1.5, i + 2
        else:
            w = syl[i]
            pinyin += (1.5 if len(w) >= LONG_PINYIN else 1.0) if w in _PINYIN else 0.0
            cantonese += w in _CANTONESE
            shared += w in _CHINESE_SHARED and w not in _PINYIN and w not in _CANTONESE
            i += 1
    return pinyin, cantonese, shared


def _enough(lang: str, words: list[str], score: float) -> bool:
    """Enough evidence for the language: own words, and a share of the message."""
    if lang in ("zh", "zh-Hant"):
        return score >= MIN_OWN[lang] and score >= CHINESE_SHARE * len(words)
    return score >= MIN_WORDS and score >= MIN_SHARE * len(words)


def _urdu_clause(text: str) -> bool:
    """A clause of several words that is clearly Urdu, greetings aside ('immigration bond kitna hota h? my brother
    is in detention...'): a code-switched message whose writer thinks in Urdu."""
    for clause in _CLAUSE.split(text):
        words = [w for w in _words(clause) if w not in _URDU_GREETING]
        if len(words) < CLAUSE_WORDS:
            continue
        score = _scores(words)["ur"]
        if score >= MIN_OWN["ur"] + 0.5 and score >= CLAUSE_SHARE * len(words):
            return True
    return False
