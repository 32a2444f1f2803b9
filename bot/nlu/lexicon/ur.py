"""Urdu in its own script, and romanised Urdu / Hindi as people type it in Latin letters ('darwaze pe',
'police ne roka', 'pakar ke le gaye'), with its many spellings."""

FORMS = {
    "agent": (
        "امیگریشن|امیگریشن والے|امیگریشن والوں|آئس|آئس والے|ایجنٹ|وفاقی|imigration|immigration wale|"
        "immigration walay|immigration walon|ice wale|ice walay|ice walon|ice wali|immigreshan|amigration"
    ),
    "officer": (
        "افسر|افسران|اہلکار|وردی|جیکٹ|دو آدمی|کچھ لوگ|لوگ|afsar|afsaran|ahalkar|wardi|do aadmi|kuch log|log|aadmi|"
        "admi|agent|agents"
    ),
    "police": (
        "پولیس|پولیس والے|پولس|سپاہی|تھانیدار|شیرف|police|polis|pulis|police wale|police walay|police walon|"
        "thanedar|sipahi|cop"
    ),
    "door": "دروازہ|دروازے|دروازه|گیٹ|گھنٹی|darwaza|darwaze|darwazay|darwaaza|darvaza|darvaze|gate|ghanti|bell",
    "home": "گھر|مکان|فلیٹ|اپارٹمنٹ|کھڑکی|ghar|gher|makan|makaan|flat|apartment|khirki|khidki",
    "outside": (
        "باہر|سامنے|کھڑے|کھڑی|گاڑی کھڑی|bahar|bahir|baahar|samne|saamne|khare|khade|khari|khadi|khada|khara|ruke"
    ),
    "knock": ("کھٹکھٹا*|کھٹکھٹ*|دستک|بجا رہے|گھنٹی بجا|khatkhata*|khatkhat*|khatka*|dastak|baja rahe|bajaa rahe"),
    "open": "کھول|کھولوں|کھولنا|کھولیں|اندر|گھس|khol|kholun|kholoon|kholna|kholen|andar|ghus*",
    "warrant": "وارنٹ|جج کا حکم|عدالتی حکم|سرچ وارنٹ|warrant|warant|judge ka hukam|adalti hukam",
    "airport": (
        "ایئرپورٹ|ائیرپورٹ|ایرپورٹ|ہوائی اڈہ|ہوائی اڈے|airport|airpot|eirport|havai adda|hawai adda|hawai adde"
    ),
    "flight": "فلائٹ|جہاز|پہنچی|پہنچا|پہنچے|اترا|اتری|flight|flite|jahaz|pohanch*|pahunch*|utra|utri|aaya|aayi|aai",
    "customs": (
        "کسٹم|کسٹمز|امیگریشن کاؤنٹر|کمرے|کمرہ|تلاشی|پوچھ گچھ|custom|customs|kastam|kamre|kamra|pooch gach|"
        "puch gach|puchtach"
    ),
    "passport": "پاسپورٹ|passport|paasport",
    "border": "بارڈر|سرحد|border|sarhad",
    "checkpoint": (
        "چیک پوسٹ|ناکہ|ناکے|چیکنگ|بارڈر پٹرول|بارڈر پیٹرول|check post|checkpost|checkpoint|naka|naake|nake|"
        "checking|border patrol|border petrol"
    ),
    "road": "سڑک|ہائی وے|موٹروے|راستے|sarak|sadak|highway|motorway|raste|rastay",
    "car": (
        "گاڑی|کار|ڈرائیو|ڈرائیونگ|لائسنس|ڈگی|چالان|gaari|gari|gaadi|gadi|car|driving|drive|license|licence|lisans|"
        "diggi|challan"
    ),
    "stop": (
        "sadak pe roka|sarak pe roka|sadak par roka|sarak par roka|raste me roka|raste mein roka|سڑک پر روکا|"
        "راستے میں روکا|kis mulk se|kis country se|کس ملک سے|کاغذ مانگے|کاغذ مانگ*|کاغذات مانگ*|شناخت مانگ*|"
        "آئی ڈی مانگ*|kagaz mang*|kaghaz mang*|kagzat mang*|"
        "papers mang*|id mang*|چپ رہنے|چپ رہ سکتا|چپ رہ سکتی|خاموش رہنے|خاموش رہ سکتا|chup rehne|chup reh sakta|"
        "chup reh sakti|khamosh rehne|روکا|روک|روکی|روک لیا|روک لی|روکے|roka|rok|roki|rok liya|rok li|rokay|roke|"
        "rok rakha|talashi|talaashi|"
        "pooch taach|poochtach|پوچھ تاچھ|کاغذات مانگے|kagaz mange|kaghaz mange|papers mange"
    ),
    "street": (
        "سڑک|گلی|بازار|دکان|پارکنگ|sarak|gali|galli|bazar|bazaar|dukaan|dukan|parking|store|grocery store|sauda"
    ),
    "papers": (
        "کاغذات|کاغذ|دستاویزات|شناختی|آئی ڈی|بغیر کاغذات|kagzat|kaghzaat|kaghzat|kagaz|kaghaz|papers|documents|"
        "id card|shanakhti|bina kagzat|bagair kagzat"
    ),
    "taken": (
        "andar jate|andar jaate|andar jata|andar jaata|wapis nahi aate|wapas nahi aate|wapis nahi aaye|"
        "wapas nahi aaye|wapis nahi aaya|wapas nahi aaya|wapis nahi aayi|wapas nahi aayi|واپس نہیں آتے|"
        "واپس نہیں آئے|واپس نہیں آیا|واپس نہیں آئی|اندر جاتے|pakr liya|pakar liya|pakad liya|pakra|pakda|utha liya|"
        "le gaye|le gayi|le gae|پکڑ*|گرفتار|حراست|لے گئے|"
        "لے گئی|لے گیا|اٹھا لیا|اٹھا کر|غائب|پتہ نہیں|pakad*|pakar*|pakr*|giraftar|griftar|hirasat|le gai|le gaya|"
        "le gye|utha le|utha ke|ghaib|pata nahi|pata nahin|phone band|phone bund|فون بند"
    ),
    "relative": (
        "shoher|shouhar|shohr|showhar|husband|hasband|شوہر|بیوی|بیٹا|بیٹی|بھائی|بہن|امی|ابو|ابا|والد|والدہ|چچا|"
        "ماموں|خالہ|پھوپھی|کزن|دوست|پڑوسی|رشتہ دار|کوئی|shohar|shauhar|biwi|bivi|wife|beta|beti|bhai|bhaai|behen|"
        "bahen|behan|ammi|ammy|abbu|abu|abba|walid|walida|chacha|mamu|mamoo|khala|phupho|cousin|dost|parosi|padosi|"
        "rishtedar|koi"
    ),
    "find": (
        "kahin aur|kahan le gaye|kidhar le gaye|kahan hain|kahan hai|کہیں اور|ڈھونڈ*|تلاش|کہاں|پتا|پتہ|معلوم|کس جیل|"
        "کس سینٹر|dhoond*|dhund*|talash|kahan|kahaan|kidhar|pata karun|"
        "pata kaise|maloom|kis jail|kis center|a number"
    ),
    "detention": "حراستی مرکز|ڈیٹینشن|حوالات|detention|detention center|hawalat|hirasati",
    "bond": "بانڈ|ضمانت|bond|zamanat|zamaanat|chhudwa*|chudwa*",
    "jail": "جیل|قید|حوالات|مقدمہ|jail|jel|qaid|qaed|hawalat|muqadma|mukadma",
    "hold": "ہولڈ|hold|detainer|ڈیٹینر|287g|48 گھنٹے|48 ghante|hawale|حوالے",
    "release": "رہا|رہائی|چھوڑ|نکل|riha|rihai|chhod|chor dein|nikal",
    "emergency": (
        "بلاؤں|بلاؤ|بلانا|بلایا|کال کروں|call karun|call karoon|bulaun|bulaon|bulau|bulana|911|ایمرجنسی|ایمبولینس|"
        "پولیس کو کال|پولیس کو بلا|رپورٹ|شکایت|emergency|ambulance|police ko call|police ko bula*|report|shikayat"
    ),
    "crime": (
        "مارتا|مارا|مار پیٹ|تشدد|چوری|ڈاکہ|دھمکی|زیادتی|جرم|فراڈ|maarta|marta|maara|mara|maar peet|tashaddud|"
        "chori|daka|dhamki|ziyadti|jurm|fraud|robbery|tang kar|tang karta|tang kar raha|pareshan kar|harass"
    ),
    "lawyer": (
        "وکیل|وکیلوں|قانونی مدد|قانونی مشورہ|wakeel|wakil|vakeel|vakil|wakeelon|qanooni madad|kanooni madad|"
        "qanuni madad|qanooni mashwara|lawyer|attorney"
    ),
    "free": "مفت|سستا|سستی|بغیر پیسے|پیسے نہیں|muft|mufat|free|sasta|sasti|paise nahi|paisay nahi",
    "organization": "تنظیم|ادارہ|ہیلپ لائن|کس کو کال|tanzeem|idara|helpline|kis ko call|kisko call",
    "volunteer": (
        "شامل ہو*|شامل ہونا|گروپ میں شامل|ٹیم میں شامل|shamil ho*|join kar*|group join|team join|چندہ کہاں|"
        "عطیہ کہاں|chanda kahan|donate kahan|donation kahan|ریپڈ ریسپانس|paise jama|paisay jama|chanda jama|"
        "fund raise|fundraising|donate|donation|رضاکار|رضاکارانہ|چندہ|"
        "عطیہ|احتجاج|مظاہرہ|razakar|razakaar|volunteer|chanda|atiya|ehtijaj|muzahira|protest"
    ),
    "help_others": (
        "کچھ کرنا چاہتا|کچھ کرنا چاہتی|کچھ کرنا چاہتے|حقوق بتا*|خاندانوں کی مدد|خاندانوں کے لیے|متاثرہ خاندان|"
        "متاثرین|families ke liye|khandan ke liye|khandanon ki madad|huqooq bata*|haqooq bata*|families ki help|"
        "families ki madad|ghar walon ki madad|logon ki help|kuch karna chahte|kuch karna chahta|"
        "kuch karna chahti|تارکین وطن|مہاجرین|کمیونٹی|برادری|دوسروں کی مدد|لوگوں کی مدد|immigrants ki madad|"
        "logon ki madad|"
        "doosron ki madad|community|biradari|muhajireen"
    ),
    "citizen": "شہری|امریکی شہری|یہاں پیدا|shehri|shahri|citizen|yahan paida",
    "children": "بچے|بچوں|بچی|بچہ|اولاد|bache|bachay|bachon|bachun|bachcha|bachche|bachi|aulad|olad|kids|children",
    "care": (
        "دیکھ بھال|سنبھال*|رکھے گا|رکھے گی|کون رکھے|کون لے|سرپرست|dekh bhal|dekhbhal|sambhal*|sanbhal*|kon rakhega|"
        "kaun rakhega|kaun lega|kon lega|sarparast"
    ),
    "plan": (
        "پلان|منصوبہ|تیاری|احتیاط|مختار نامہ|پیدائش کا سرٹیفکیٹ|ضروری کاغذات|plan|mansooba|tayyari|tayari|ehtiyat|"
        "mukhtar nama|zaroori kagzat"
    ),
    "if": "اگر|agar|agr|ager|kahin",
    "deport": "ڈیپورٹ|ملک بدر|واپس بھیج|پاکستان بھیج|deport*|mulk badar|wapas bhej*|wapis bhej*",
    "court": "عدالت|کورٹ|پیشی|سماعت|تاریخ|adalat|court|peshi|pashi|samaat|sunwai|tareekh|tarikh",
    "judge": "جج|judge|jaj",
    "checkin": (
        "appointment|apointment|appointmnt|ice appointment|اپائنٹمنٹ|حاضری|رپورٹ کرنا|آئس کے دفتر|چیک ان|hazri|"
        "haazri|check in|checkin|ice ke daftar|ice office"
    ),
    "missed": "نہیں جا سکا|نہیں جا سکی|چھوٹ گئی|رہ گئی|nahi ja saka|nahi ja saki|choot gayi|chhoot gayi|miss",
    "school": "اسکول|سکول|اسکولوں|کالج|یونیورسٹی|school|skool|iskool|college",
    "church": "گرجا|گرجا گھر|چرچ|مسجد|مندر|گوردوارہ|نماز|church|masjid|mosque|mandir|gurdwara|namaz",
    "hospital": "ہسپتال|اسپتال|کلینک|ڈاکٹر|hospital|haspatal|aspatal|clinic|doctor|daktar",
    "work": (
        "کام|نوکری|فیکٹری|دفتر|ریسٹورنٹ|مالک|منیجر|kaam|kam pe|kam par|naukri|nokri|factory|daftar|restaurant|"
        "malik|manager|job|dukaan"
    ),
    "raid": ("چھاپہ|چھاپے|چھاپا|chhapa|chapa|chhape|chape|raid|logon ko pakar|logon ko pakad|log pakar|logon ko utha"),
    "status": (
        "citizenship|naturalization|naturalisation|شہریت کا انٹرویو|citizenship interview|گرین کارڈ|ویزا|ویزہ|"
        "سیاسی پناہ|پناہ|ٹی پی ایس|ڈاکا|پیرول|شہریت|ورک پرمٹ|اسٹیٹس|green card|greencard|visa|"
        "viza|panah|siyasi panah|asylum|tps|daca|parole|shehriyat|work permit|status"
    ),
    "expire": "ختم|ختم ہونے|رینیو|تجدید|منسوخ|khatam|khatm|renew|tajdeed|mansookh|expire",
    "travel": "سفر|جانا|پاکستان|ہندوستان|انڈیا|مہینے|سال سے|سال کے|سال کا|سال بعد|سال پہلے|سال تک|ایک سال|"
    "دو سال|تین سال|چار سال|پانچ سال|کئی سال|سالوں|safar|pakistan|india|mahine|mahinay|saal|wapas jana",
    "register": "رجسٹر|رجسٹریشن|اندراج|register|registration|rajistar",
    "phone": "فون|موبائل|phone|fone|mobile",
    "greet": (
        "kaise ho|kaisi ho|kaise hain|kaisa hai|kaisay ho|kese ho|kaisa|کیسے ہو|کیسی ہو|کیسے ہیں|السلام علیکم|سلام|"
        "آداب|کیا حال ہے|ہیلو|assalam o alaikum|assalamualaikum|aoa|salam|adaab|kya haal|"
        "kia haal|kya hal|namaste"
    ),
    "thanks": "help ho gayi|help ho gai|help hogayi|madad ho gayi|madad ho gai|madad hogayi|jazakallah|jazak allah|"
    "مدد ہو گئی|شکریہ|مہربانی|خدا حافظ|shukriya|shukria|meharbani|khuda hafiz|allah hafiz",
    "now": "ابھی|جلدی|فوراً|فورا|مدد|بچاؤ|ڈر|abhi|jaldi|foran|fauran|madad|bachao|dar lag|ghabra*",
    "apply": "apply|darkhwast|درخواست|اپلائی",
    "laugh": "hahaha|lol|ہاہاہا",
    "offtopic": (
        "mausam|mosam|mousam|موسم|cricket|kaun jeetega|kon jeetega|match kaun|match kon|pakistan india|"
        "india pakistan|pak india|india pak|"
        "کرکٹ|میچ|پاکستان انڈیا|انڈیا پاکستان|naukri chahiye|naukri|kaam chahiye|kaam dhoond|نوکری|نوکری چاہیے|"
        "انگریزی سیکھنا|english seekhni"
    ),
    "meta": (
        "galat number|ghalat number|wrong number|number galat|غلط نمبر|ye kaise kaam karta hai|kaise kaam karta hai|"
        "kya ye free hai|ye free hai|aap kaun|aap kaun hain|"
        "یہ کیسے کام کرتا ہے|کیسے کام کرتا ہے|آپ کون"
    ),
    "report_me": (
        "بتا دے گا|بتا دیں گے|بتا دے گی|bata dega|bata degi|report karega|report karenge|report kar denge|bata denge|"
        "ittila|اطلاع|رپورٹ کر|رپورٹ کرے"
    ),
    "asking_for": "پوچھ رہے|pooch rahe|puch rahe|dhoond rahe",
    "scam": (
        "کنسلٹنٹ|امیگریشن کنسلٹنٹ|ایجنٹ نے پیسے|اصلی وکیل|نقلی وکیل|جعلی وکیل|غلط فارم|دھوکہ|دھوکا|نوٹری|"
        "consultant|asli vakeel|asli vakil|nakli wakeel|jaali wakeel|galat form|ghalat form|notario|notary|fraud|"
        "dhoka|dhokay|asli wakeel"
    ),
    "safe": "jana mehfooz|jana mahfooz|jana safe|nikalna mehfooz",
    # Filming or live-streaming agents and an arrest (the observer's question).
    "film": (
        "ویڈیو|ویڈیو بنا*|ویڈیو بنانا|ویڈیو ریکارڈ|ریکارڈ کر*|ریکارڈنگ|فلم بنا*|لائیو|فیس بک لائیو|video bana*|"
        "video banana|video banaun|video bana sakta|video record|vdo bana*|record kar*|recording kar*|"
        "film kar*|film bana*|live stream|live kar*|facebook live|fb live|video le*|tasveer kheench*|tasveerein"
    ),
    # Warning the neighbours or the community of agents nearby, a rapid-response line, spreading the word.
    "warn_others": (
        "community ko pata|sab ko pata chale|logon ko pata chale|mohalle ko pata|padosiyon ko pata|سب کو پتہ چلے|"
        "لوگوں کو پتہ چلے|ko alert|alert kaise|alert karna|alert dena|alert de*|community ko bata*|"
        "community ko khabar*|"
        "کمیونٹی کو بتا*|کمیونٹی کو خبر*|الرٹ کر*|خبردار کر*|سب کو آگاہ|لوگوں کو آگاہ|پڑوسیوں کو آگاہ|محلے کو آگاہ|"
        "کمیونٹی کو آگاہ|ہوشیار کر*|سب کو بتا*|"
        "لوگوں کو بتا*|محلے والوں کو|پڑوسیوں کو بتا*|"
        "محلے کو بتا*|ریپڈ ریسپانس|khabardar|khabardaar|khabardar kar*|sab ko aagah|logon ko aagah|sab ko agah|"
        "logon ko agah|"
        "hoshiyar kar*|sab ko bata*|sabko bata*|sab ko kaise bata*|logon ko kaise bata*|sab ko khabar*|logon ko bata*|"
        "padosiyon ko bata*|mohalle walon ko|mohallay walon ko|"
        "mohalle ko bata*|alert kar*|warn kar*|khabar phaila*|khabar pohncha*"
    ),
    # A husband or partner who beats, strangles or threatens (domestic violence).
    "abuse": (
        "مارتا ہے|مارتا|مارتے ہیں|مار پیٹ|مارپیٹ|پیٹتا|پٹائی|گھریلو تشدد|گلا دبا*|ہاتھ اٹھاتا|دھمکیاں|دھمکی دیتا|"
        "جان سے مارنے|maarta|maarta hai|mujhe marta|mujhe maarta|marta hai|maar peet|maarpeet|marpeet|peet ta|"
        "peetta|pitai|pitaai|gharelu tashaddud|gharailu tashaddud|gala daba*|gala dabaya|haath uthata|hath uthata|"
        "dhamkiyan|dhamki deta|jaan se maarne|jan se marne"
    ),
}
