"""Arabic: Modern Standard, Egyptian, Levantine, Gulf and Maghrebi words, and Arabizi (Arabic in Latin letters
with digits for the letters Latin lacks: 2 ء, 3 ع, 5 خ, 7 ح, 9 ق)."""

FORMS = {
    "agent": (
        "محجوز عند الهجرة|محتجز عند الهجرة|محبوس عند الهجرة|l7ijra|el 7ijra|lhijra|l hijra|la police dial l hijra|"
        "ادارة الهجرة|سلطات الهجرة|حقين الهجرة|الهجرة|هجرة|دائرة الهجرة|مكتب الهجرة|امن الهجرة|ضباط الهجرة|"
        "موظفين الهجرة|ناس من الهجرة|ايس|آيس|الفدراليين|فيدراليين|hegra|el hegra|hijra|el hijra|al hijra|hejra|ayis|"
        "el ice|elice"
    ),
    "officer": (
        "rijaleen|rijal|rjal|rgala|rjala|regala|rijjal|rayageel|رياجيل|رجاجيل|رجالة|ظابط|الظابط|ظباط|وكلاء|ضباط|ضابط|"
        "عناصر|رجال|زلمتين|رجلين|ناس|عساكر|لابسين|سترات|مدنيين|عملاء|domat|zobat|ragleen|reglein"
    ),
    "police": (
        "lbolis|lboulis|el bolis|bolice|chorta|ech chorta|البوليسية|شرطي|المباحث|مباحث|القسم|قسم الشرطة|المخفر|"
        "مخفر|الامن العام|امن عام|شرطة|الشرطة|بوليس|البوليس|دورية|مخابرات|shorta|el shorta|elshorta|shorti|bolis|"
        "boulis|bulis|police|polis|amn"
    ),
    "door": "باب|الباب|عالباب|ع الباب|ابواب|الجرس|جرس|bab|el bab|elbab|3al bab|3albab|3a bab|3l bab",
    "home": (
        "baitna|baiti|bayti|baytna|beiti|el bait|elbait|jamb baitna|jamb el bait|yam baitna|giddam baitna|"
        "giddam el bait|جنب البيت|يم البيت|جنب بيتنا|يم بيتنا|dar|ddar|l dar|بيت|البيت|بيتي|بيتنا|شقة|شقتي|الشقة|منزل|"
        "منزلي|دار|الدار|داري|الشباك|beit|bait|el beit|elbeit|betna|beitna|shaqa|sha2a|sha22a|shi22a|manzel"
    ),
    "outside": (
        "jamb baitna|jamb el bait|yam baitna|giddam baitna|giddam el bait|gidam el bait|wagfa|wagfin|wagfeen|wa2fa|"
        "waqfa|waqfin|جنب البيت|يم البيت|جنب بيتنا|يم بيتنا|واكفة|واكفين|برا|برة|بره|قدام|تحت الباب|من تحت الباب|امام|"
        "خارج|تحت البيت|واقفين|واقف|مستنيين|barra|bara|odam|2odam|2edam|quddam|wa2fin|wa2fen|wa2feen|ta7t"
    ),
    "knock": (
        "kayd9o|kayde9o|kay d9o|d9o|kaytr9o|يخبط*|بيخبط*|خبط*|يدق*|بيدق*|دق*|يطرق*|بيطرق*|طرق*|رن الجرس|بيرن|"
        "bey5abat*|bi5abat*|by5abto|5abat*|bydo22o|bydi22o|bedo2|bido2|da2|ta2|by2ro3|2ar3*"
    ),
    "open": "افتح*|يفتح*|نفتح|افتحلهم|فتح الباب|يدخل*|يدخلو|دخلو|aftah|afta7|efta7|yefta7|yedkhol*|ydkhlo",
    "warrant": (
        "مذكرة|مذكرة توقيف|مذكرة تفتيش|امر قضائي|امر من المحكمة|اذن من القاضي|اذن تفتيش|ورقة من القاضي|"
        "mozakra|mudhakkira|amr 2ada2i|موقعة من القاضي|موقعة من قاضي|توقيع القاضي|امضاء القاضي|حقيقية|مزورة|مزيفة|"
        "ورقة من المحكمة|ورقه من المحكمه|ورقة المحكمة|مذكرة اعتقال|مذكرة قبض"
    ),
    "airport": (
        "مطار|المطار|صالة الوصول|الوصول|matar|el matar|elmatar|fel matar|fil matar|bel matar|bil matar|fl matar|"
        "mataar|el mataar|airport"
    ),
    "flight": (
        "طيارة|طائرة|الطيارة|رحلة|رحلتي|وصلت|وصل|وصلنا|نزلت من الطيارة|tayara|tiyara|tyara|wasalt|wesel|wasal|"
        "re7la|rehla"
    ),
    "customs": (
        "الديوانة|ديوانة|جمارك|الجمارك|الجمرك|جمرك|تفتيش ثانوي|غرفة|اوضة|غرفه|تحقيق|التحقيق|ضابط الجوازات|الجوازات|"
        "gamarek|jamarek|gomrok|jomrok|jawazat|gawazat|ouda|2ouda|ghorfa"
    ),
    "passport": "جواز|جوازي|جواز السفر|باسبور|gawaz|jawaz|gawazi|jawazi|basbor|passport",
    "border": "حدود|الحدود|حرس الحدود|7dod|7odod|hudud|el 7odod",
    "checkpoint": (
        "حاجز|حواجز|نقطة تفتيش|كمين|كماين|سيطرة|دورية الحدود|حرس الحدود|ترحيل سريع|7agez|hajez|7ajez|7ajiz|kamin|"
        "kemin|checkpoint|no2tet taftish"
    ),
    "road": (
        "tri9|triq|tari9|ttri9|f tri9|fi tri9|طريق|الطريق|طريق سريع|الطريق السريع|هاي وي|اوتوستراد|خط سريع|tari2|"
        "tare2|el tari2|tarik|highway|autostrad|الشارع العام|شارع عام|الطريق العام"
    ),
    "car": (
        "3arabiyat|3arabiyaat|3arabeyat|sayarat|sayyarat|عربيات|سيارات|سيارة|سيارتي|السيارة|عربية|العربية|عربيتي|سايق|"
        "سايقة|بسوق|اسوق|القيادة|رخصة|رخصة قيادة|رخصة السواقة|شنطة السيارة|3arabeya|3arabiya|3arabiyya|sayara|siyara|"
        "sayyara|sayarti|sou2|bsou2|ba2ood|sayeq|rokhsa|ro5sa"
    ),
    "stop": (
        "chdouni|chedouni|chadouni|wa9founi|wa9afni|w9fni|شدوني|وقفني|وقفوني|وقفتني|وقفونا|سالني|سالوني|"
        "يسالني|تسالني|بيسالوني|يسالوني|وقف*|اوقف*|يوقف*|بيوقف*|مسكني|مسكوني|فتش*|طلب الاوراق|طلبو الاوراق|"
        "طلب هويتي|wa2af*|w2af*|wa2f*|m2af*|wa2afni|wa2afetni|wa2afouni|mesekni|msakni|mskouni|fatash*|"
        "fatesh*|sa2alni|sa2alouni|stop|توقفني|توقفنا|يوقفوني|بيوقفوني"
    ),
    "street": (
        "شارع|الشارع|سوق|محل|الباركنج|موقف|share3|shere3|el share3|shari3|chare3|sou2|الموقف|موقف الباص|"
        "سوبرماركت|السوبرماركت"
    ),
    "papers": (
        "lwra9|wra9|awra9|wara9|lwra9i|wra9i|lkwaghet|lkaghet|kwaghet|وراقي|الوراق|ورقي|الكاغط|الكواغط|كواغط|"
        "اوراق|الاوراق|ورق|الورق|هوية|هويتي|بطاقة|اقامة|اقامه|وثائق|مستندات|بدون اوراق|ما عندي اوراق|awra2|"
        "wara2|wra2|war2|wer2|awraq|hawiya|hawiyya|beta2a|e2ama|i2ama|iqama|احمل معي|شو احمل"
    ),
    "taken": (
        "محجوز عند الهجرة|محتجز عند الهجرة|محبوس عند الهجرة|shado|chado|chdo|shadouh|chaddouh|9abdo 3lih|ched|chedo|"
        "محجوز|محجوزة|محجوزين|ماسكينه|ماسكينها|مسكوه|مسكوها|شدوه|شدوها|ماسكين|اتمسك|اتمسكت|شدوني|شدو|اخدوه|قبضو عليه|"
        "تعتقل*|يعتقل*|يعتقلو*|اعتقلو*|akhad*|a5ad*|akhadet|a5adet|اخذو*|اخذت*|اخدو*|خدو*|قبضو|قبض عليه|قبض علي|اتقبض|"
        "انقبض|اعتقل*|معتقل|مسكو|حجزو*|محتجز*|موقوف|احتجز*|اختفى|ما نعرف|مش عارفين|مش عارف|ma7jouz|m7jouz|mahjouz|"
        "ma7jooz|ma7jouza|7agazo*|7ajazo*|5adou*|5adoh|khadou*|akhadou*|a5adou*|a5adoh|2abado*|et2abad|it2abad|2abad|"
        "mesko*|mskou*|e3ta2al*|m3ta2al*|mo3ta2al|ما يرد|ما بيرد|مش بيرد|ما يرد على التلفون|تلفونه مسكر|تلفونه مقفول|"
        "لموا|لمو"
    ),
    "relative": (
        "akhoi|akhooy|akhoy|a5oi|a5oy|zooji|zoji|zawji|zouji|zawjati|zawjti|ibn khalti|ibn 3ammi|khouya|khoya|khti|"
        "khouti|khay|bba|mmi|rajli|mrati|ولدي|بنيتي|مرتي|حرمتي|ريلي|رجلي|راجلي|خويا|اختي|ختي|عائلتي|عيلتي|عائلة|اهلي|"
        "خالي|عمي|5ali|khali|3ammi|3ami|5alti|khalti|زوجي|زوجتي|جوزي|مراتي|ابني|بنتي|اخوي|اخي|اخويا|امي|ماما|ابوي|بابا|"
        "ابويا|ابن عمي|بنت عمي|صاحبي|صديقي|جاري|قريبي|حد|شخص|jozi|gozi|goozi|marati|ebni|ibni|bnti|binti|akhoya|a5oya|"
        "akhouya|5oya|akhi|a5i|5ayi|khayi|okhti|o5ti|ommi|ummi|mama|baba|abouya|aboya|sa7bi|sahbi|jari|gari|7ad|7add|"
        "shakhs|حدا من العيلة|حد من العيلة|احد افراد العائلة|حد من اهلي|حدا من اهلي"
    ),
    "find": (
        "ازاي اعرف|كيف اعرف|كيف أعرف|شلون اعرف|وين ودوه|وين اخدوه|فين خدوه|وين حاطينه|ادور|ادور على|ابحث|بحث|"
        "دور على|وين|فين|اين|مكانه|مكانها|اعرف مكان|الاقي|الاقيه|محدد|وين هو|adawar|adawwar|dawar|ala2i|al2a|"
        "ala2ih|feen|fein|fen|wein|wen|mkano|makano|mkanha|اي رقم|على اي رقم"
    ),
    "detention": (
        "محجوز عند الهجرة|محتجز عند الهجرة|محبوس عند الهجرة|markaz el i7tijaz|markaz i7tijaz|markaz el ihtijaz|i7tijaz|"
        "ihtijaz|e7tijaz|el i7tijaz|el ihtijaz|مركز احتجاز|احتجاز|الحجز|سجن الهجرة|نقلوه|نقلوها|7agz|el 7agz|e7tegaz"
    ),
    "bond": (
        "حتى يطلع|عشان يطلع|لحتى يطلع|حتى يطلعوه|عشان يطلعوه|حتى يطلعها|عشان يطلعها|نطلعه|نطلعها|كفالة|الكفالة|بوند|"
        "ضمان|اطلعه|اطلعها|kafala|bond"
    ),
    "jail": (
        "سجن|السجن|الحبس|حبس|محبوس|مسجون|سجن المقاطعة|قضية جنائية|sijn|segn|el segn|7abs|ma7bous|masgoun|masjoun|masjun"
    ),
    "hold": (
        "حاطين عليه|حطو عليه|عليه احتجاز|احتجاز من الهجرة|حاطين عليه احتجاز|طلب احتجاز|hold|ديتينر|detainer|"
        "287g|287|يسلموه للهجرة|تسليم للهجرة|48 ساعة|مش راضيين يطلعوه|ما بدهم يطلعوه|حيسلموه|يسلموه|"
        "سلموه للهجرة|يحجزوه|زيادة عشان الهجرة"
    ),
    "release": "يطلع|يطلعوه|طلع|افراج|الافراج|يفرجو|يطلق سراح|ytla3|yetla3|efrag|ifraj",
    "emergency": (
        "911|طوارئ|حادث|حادثة|حادث سير|7adsa|7adset|7adtha|hadsa|accident|kallemt el bolis|akallem el bolis|"
        "kalemt el bolis|nkallem el bolis|etasalt bel bolis|atasel bel bolis|nettasel bel 911|"
        "الطوارئ|اسعاف|الاسعاف|اتصل بالشرطة|اتصل بالبوليس|ابلغ|بلاغ|اشتكي|شكوى|is3af|es3af|tawari2|"
        "balagh|ازمة قلبية|جلطة|نوبة قلبية"
    ),
    "crime": (
        "يضربني|بيضربني|ضربني|ضربوني|ضرب|عنف|عنف اسري|اعتداء|سرقة|سرقوا|سرقو|حرامي|تهديد|يهددني|ضحية|جريمة|"
        "نصب|احتيال|bydrabni|bi2dreb|darabni|3onf|sara2o|sare2|7arami|yhaddedni|سرقوني|سرقونا|انسرقت|نشلوني"
    ),
    "lawyer": (
        "محام|توكيل محام|لتوكيل محام|توكيل محامي|لتوكيل محامي|توكيل محامٍ|محامي|محامية|محامين|مساعدة قانونية|"
        "استشارة قانونية|مستشار قانوني|mo7ami|mu7ami|mohami|muhami|m7ami|ma7ami|mo7amy|mo7amiya|muhamiya|lawyer|"
        "نوتاريو|نوتاري|notario|معقب|معقب معاملات|مخلص معاملات|بيخلص اوراق|يخلص اوراق|بيخلص الاوراق|يخلص الاوراق|"
        "محامي حقيقي"
    ),
    "free": (
        "بالتقسيط|تقسيط|اقساط|على دفعات|ببلاش|بلاش|مجاني|مجانا|مجانية|رخيص|ما معي مصاري|ما معي فلوس|bbalash|balash|"
        "bi balash|majani|mag3ani|maggani"
    ),
    "organization": (
        "جهة|جهات|جهة تساعد|منظمة|منظمات|جمعية|مؤسسة|خط مساعدة|لمين اتصل|مين اتصل|رقم|mnazama|gam3eya|jam3iya"
    ),
    "volunteer": (
        "تطوع|اتطوع|الاستجابة السريعة|استجابة سريعة|شبكة الاستجابة|مظاهرات|المظاهرات|بالمظاهرات|تظاهر|اتظاهر|نتظاهر|"
        "احتجاجات|مسيرة|مسيرات|متطوع|متطوعة|تبرع|اتبرع|مظاهرة|وقفة احتجاجية|ناشط|انضم|tatawo3|atatawa3|tatawa3|"
        "motatawe3|atbara3|tabaro3|مراقب|مراقب قانوني|اتدرب|بتدرب|تدريب"
    ),
    "help_others": (
        "اساعد جيراني|تساعد المحتجزين|بتساعد المحتجزين|مساعدة المحتجزين|دعم المحتجزين|تساعد المهاجرين|"
        "بتساعد المهاجرين|asa3ed el nas|nsa3ed el nas|asa3ed ennas|nsa3ed ennas|asaed el nas|asa3ed el 3ayelat|"
        "نساعد جيراننا|اساعد المهاجرين|جيراني المهاجرين|اساعد العائلات|اساعد الناس|"
        "مساعدة المهاجرين|المهاجرين|الجالية|المجتمع|مجتمعي|العائلات|ساعد الناس|el mohajreen|mohajrin|"
        "el gälia|el jalia|ندعم المهاجرين|يدعم العائلات|دعم العائلات|العائلات المهاجرة"
    ),
    "citizen": "مواطن|مواطنة|امريكي|جنسية امريكية|mowaten|amriki",
    "children": (
        "اولاد|الاولاد|ولادي|اولادي|اطفال|اطفالي|الاطفال|عيالي|العيال|الصغار|ولاد|البزورة|wlad|awlad|wladi|el wlad|"
        "atfal|3eyal|3iyal|3yali|ewladi|wledi|sghar"
    ),
    "care": (
        "يهتم|يعتني|يربي|مين ياخد|مين راح ياخد|مين رح ياخد|مين يرعى|رعاية|حضانة|وصي|وصاية|يجيب الاولاد|"
        "ياخد الاولاد|ياخد|yehtam|ya5od|yakhod|min yakhod|meen ya5od|wasi"
    ),
    "plan": (
        "خطة|خطه|اجهز|جهز|تحضير|احتياط|توكيل|وكالة|شهادة ميلاد|شهادات الميلاد|الاوراق المهمة|احفظ|5etta|khetta|"
        "khotta|tawkil|قبل ان|قبل ما"
    ),
    "if": "اذا|لو|في حال|iza|eza|lw|izza",
    "deport": (
        "اترحل|اترحلت|انترحل|ترحل|رحلوه|رحلوها|يرحلوه|ترحيل|رحلوني|يرحلوني|يرحلو|رحل|ترحيلي|يسفروني|تسفير|ابعاد|"
        "يطردوني|ra7alouni|ra77alouni|tar7il|tarhil|yrahlouni|yra7louni|ra7louni|ysafrouni|tasfir|deport"
    ),
    "court": "محكمة|المحكمة|جلسة|نوتس تو ابير|نوتيس تو ابير|notice to appear|اشعار بالمثول|امر بالمثول|استدعاء للمحكمة|"
    "ميعاد الجلسة|ميعاد جلسة|ميعاد المحكمة|قرار ترحيل|امر ترحيل|الجلسة|محكمة الهجرة|موعد المحكمة|ma7kama|mahkama|"
    "el ma7kama|galsa|jalsa",
    "judge": "قاضي|القاضي|2adi|el 2adi|qadi",
    "checkin": "مراجعة|موعد|موعدي|توقيع|اسجل حضور|تشيك ان|check in|اسوارة|سوار|ma3ad|maw3ed|mo3ad",
    "missed": "فاتني|فاتتني|ما رحت|مارحتش|مرحتش|مروحتش|نسيت|تاخرت|fatni|nasit",
    "school": "مدرسة|المدرسة|مدارس|روضة|جامعة|madrasa|el madrasa|madrase|madrast",
    "church": "كنيسة|الكنيسة|جامع|الجامع|مسجد|المسجد|صلاة الجمعة|kanisa|kenisa|game3|jame3|masjed|masjid",
    "hospital": "مستشفى|المستشفى|مستشفي|عيادة|دكتور|طبيب|mostashfa|mustashfa|3iyada|doktor",
    "work": (
        "شغل|الشغل|شغلي|عمل|العمل|مصنع|المصنع|مطعم|ورشة|صاحب الشغل|المدير|معمل|shoghl|sho3'l|shoghli|shughl|3amal|"
        "masna3|mat3am"
    ),
    "raid": (
        "اخدوا عمال|اخذوا عمال|اخدوا العمال|اخذوا العمال|اخدوا ناس|مسكوا عمال|مسكوا ناس|مداهمة|مداهمات|كبسة|"
        "حملة|حملات|مداهمه|kabsa|7amla|mdahama|لموا العمال|لمو العمال|جمعوا العمال"
    ),
    "status": (
        "وضعي|وضعي القانوني|ما جاني رد|ما وصلني رد|قيد الانتظار|رخصة شغل|رخصة عمل|تصريح شغل|اذن عمل|اذن شغل|بيرميت|"
        "البيرميت|كمهاجر|وضع الهجرة|جرين كارد|الجرين كارد|البطاقة الخضراء|الكرت الاخضر|اقامة دائمة|"
        "تاشيرة|فيزا|لجوء|لاجئ|داكا|tps|بارول|الجنسية|تصريح عمل|green card|grin card|visa|fiza|tashira|lojo2|luju2|"
        "daca"
    ),
    "expire": "تنتهي|انتهت|خلصت|يخلص|تجديد|اجدد|تمديد|الغو|الغاء|bt5las|5elset|tajdid",
    "travel": "سافر|اسافر|سفر|السفر|برا البلد|ارجع على|ازور|شهور|سنة|safer|asafer|safar|asaafer",
    "register": "تسجيل|اسجل|بصمات|tasjil",
    "phone": "تلفون|تلفوني|موبايل|موبايلي|جوال|الموبايل|mobile|telefon|mobaily",
    "greet": (
        "السلام عليكم|سلام|مرحبا|اهلا|صباح الخير|مساء الخير|كيفك|كيفكم|ازيك|شلونك|salam|marhaba|mar7aba|ahlan|"
        "salamo 3aleikom|salam 3alaykom|kifak|kifik|ezayak|ezzayek|ezayek|shlonak"
    ),
    "thanks": "شكرا|مشكور|يعطيك العافية|مع السلامة|shokran|shukran|mashkour|yslmo|teslam",
    "now": (
        "الان|الحين|هلق|هلا|دلوقتي|توا|بسرعة|ضروري|الحقوني|ساعدوني|النجدة|خايف|خايفة|halla2|hala2|delwa2ti|"
        "dilwa2ti|daba|elhen|7alan|bsor3a|el7a2ouni|sa3dooni|kha2ef|khayef|5ayef|5ayfa"
    ),
    "apply": "اقدم|تقديم|قدم على|اطلب|3ayez a2dem|a2adem",
    "laugh": "ههه|هههه|ههههه|hhh|hhhh|hahaha|lol",
    "offtopic": (
        "ادور على شغل|ابحث عن عمل|ابي شغل|محتاج شغل|بدي شغل|اتعلم انجليزي|اتعلم انكليزي|تعلم الانجليزي|"
        "دروس انجليزي|بدور على شغل|دور على شغل|بدور شغل|ادور شغل"
    ),
    "meta": (
        "رقم غلط|الرقم غلط|نمرة غلط|النمرة غلط|غلطت بالرقم|غلطت في الرقم|رقم خطا|wrong number|"
        "ra2am ghalat|nemra ghalat|هل هذه الخدمة مجانية|الخدمة مجانية|مين معي|مين انت|من انت|كيف تشتغل|"
        "كيف تشتغل هاي الخدمة|شو هاد|شو هذا|"
        "مين حضرتك"
    ),
    "report_me": (
        "يبلغ|بيبلغ|يبلغوا|بيبلغوا|تبلغ|يخبروا الهجرة|يبلغ الهجرة|يبلغ عني|بيبلغ الهجرة|حيبلغوا|يبلغوا عنا|يبلغوا عني"
    ),
    "asking_for": (
        "yis2aloon 3an|yis2alon 3an|yis2alu 3an|ys2alo 3an|bys2alo 3an|bys2alu 3an|yas2aloon 3an|yas2alon 3an|"
        "يسالون عن|بيسالوا عن|يسالوا عن|يسالو عن|بيسالو عن|يسال عن|yesalo 3an"
    ),
    "scam": (
        "نصب|نصاب|نصب على|احتيال|محامي حقيقي|اكل فلوسي|اكلو فلوسي|اخد فلوسي|اخذ فلوسي|اخد مني فلوس|اخذ مني فلوس|"
        "ضحك علي|ضحك عليا|بدفع لواحد|دفعت لواحد|نصب عليا|nasab|naseb|nassab"
    ),
    "safe": "آمن اروح|امان اروح|آمن اطلع|امان اطلع",
    "not_about": "مش سؤال عن|مو سؤال عن|ما بسأل عن|مش بسأل عن",
    # Filming or live-streaming agents and an arrest (the observer's question), in every dialect.
    "film": (
        "اصور|اصورهم|اصوره|نصور|نصورهم|يصور|تصور|بصور|بصورهم|صورتهم|صورتو|صوروا|تصوير الهجرة|تصوير الشرطة|"
        "تصوير الاعتقال|تصوير اعتقال|"
        "تصوير فيديو|التصوير بالفيديو|صور فيديو|"
        "فيديو|فيديوهات|مقطع فيديو|سجل فيديو|اسجل فيديو|سجلت فيديو|اسجل بالتلفون|بث مباشر|بث حي|لايف|نعمل لايف|"
        "asawar|asawwar|a9awar|asawarhom|nsawar|nsawer|nsowr|tsawer|tasweer|taswir|sawart|sawwart|vidyo|fidyo|"
        "fideo|nfilmi|filmi|nsajel video|asagel video"
    ),
    # Warning the neighbours or the community of agents nearby, a rapid-response line, spreading the word.
    "warn_others": (
        "la meen bballegh|la meen ballegh|la min ballegh|meen ballegh|min ballegh|l meen bballegh|ne7dhar el jeeran|"
        "n7azer el jeeran|nballegh el jeeran|ballegh el jeeran|a7azer el jeeran|nenabbeh el jeeran|a7azzer el jeeran|"
        "n7azzer el jeeran|la7 7azer el jeeran|نحذر الجيران|احذر جيراني|احذر|احذر الناس|نحذر|نحذر الناس|يحذر|حذر|حذرت|"
        "حذروا|تحذير|تحذير الناس|انبه|انبه الناس|ننبه|نبه الناس|نبهت|اخبر الناس|نخبر الناس|اعلم الناس|اخبر الجيران|"
        "ابلغ الجيران|نبلغ الجيران|انبه الجيران|حذر الجيران|احذر الجيران|ابلغ عن وجود|بلغ عن وجود|ابلغ عن الهجرة|"
        "نبلغ عن|ابلغ عن شوفة|استجابة سريعة|الاستجابة السريعة|شبكة الاستجابة|نشر الخبر|انشر الخبر|ننشر الخبر|a7azar|"
        "a7azzar|n7azar|n7azzar|7azzar|ta7zir|ta7zeer|anabbeh|nenabbeh|neballagh|nballagh|nebalagh|neballa3|nballa3"
    ),
    # A husband or partner who beats, strangles or threatens (domestic violence).
    "abuse": (
        "عنف اسري|العنف الاسري|عنف منزلي|العنف المنزلي|عنف زوجي|يضربني|بيضربني|كيضربني|يضربنى|يضرب مرته|يضرب مرتو|"
        "بيضرب مرته|بيضرب مرتو|يضرب زوجته|بيضرب زوجته|يضرب مراته|بيضرب مراته|يضرب امي|بيضرب امي|زوجي ضربني|"
        "جوزي ضربني|راجلي ضربني|رجلي ضربني|ضربني جوزي|ضربني زوجي|ضربني راجلي|يخنقني|بيخنقني|خنقني|حاول يخنقني|"
        "يعنفني|بيعنفني|معنفة|تعنيف|يهددني بالقتل|هددني بالقتل|يعتدي علي|بيعتدي علي|اعتدى علي|byedrabni|beyedrabni|"
        "biyedrabni|byodrobni|bi2odrobni|kaydrbni|kaydrebni|kayedrbni|kaydarbni|bye5na2ni|5ana2ni|kha2ni|3onf osari"
    ),
}
