"""Haitian Creole, in Creole spelling and in French-like spellings ('la porte moin', 'arete', 'police')."""

FORMS = {
    "agent": "imigrasyon|imigrasyon an|imigration|ajan imigrasyon|ice|ice la|dwan",
    "officer": "ajan|ajan yo|ofisye|de nèg|de neg|nèg|neg yo|mesye yo|inifòm|inifom|badj",
    "police": "la police|lapolice|police la|lapolis|polis|police|polis la|lapolis la|chef|sherif|cho",
    "door": "pòt|pot|lapòt|lapot|la porte|porte|pot la|pòt la|baryè|barye",
    "home": "kay|lakay|kay mwen|lakay mwen|kay la|apatman|chanm|fenèt|fenet|la kay|maison",
    "outside": "parèt|paret|ka parèt|ka paret|vin parèt|deyò|deyo|devan|devant|anba|dewò|kanpe deyò|tann",
    "knock": "frape|frapé|kogne|ap frape|sonnen",
    "open": "louvri|ouvri|ouvè|ouve|antre|kite yo antre|fòse|fose",
    "warrant": "manda|manda jij|papye jij|siyen pa yon jij|i 205",
    "airport": (
        "aewopo|aeropo|ayewopot|ayeropot|ayopot|aewopot|ayewo|eyopo|aeroport la|ayewopò|ayewopo|ayeropò|ayeropo|"
        "aeroport|aéroport|ayopò|ayopo|terminal"
    ),
    "flight": "avyon|vòl|vol|rive|ateri|sot ayiti|soti ayiti|vini",
    "customs": (
        "vle li siyen|vle l siyen|vle m siyen|vle li signe|vle l signe|vle m signe|fe m siyen|fe l siyen|"
        "siyen yon papye|signe yon papier|signe yon papye|siyen yon papier|dwan|douane|enspeksyon|chanm apa|"
        "biwo imigrasyon|cbp"
    ),
    "passport": "paspò|paspo|passeport",
    "border": "fwontyè|fwontye|frontière|frontiere|lafwontyè",
    "checkpoint": (
        "monte nan bis|monte nan bis la|ofisye monte|ajan monte|yo monte nan bis|ofisye a monte|bis la kanpe|"
        "fe l desann|fe m desann|fe yo desann|baraj|barrage|pòs kontwòl|pos kontwol|checkpoint|patwouy fwontyè|"
        "patwouy fwontye|border patrol|depòtasyon rapid"
    ),
    "road": "wout|lawout|otowout|highway|granchemen",
    "car": (
        "bis|bis la|otobis|greyhound|machine|tren|machin|machinn|loto|oto|kondi|kondwi|chofè|chofe|lisans|pèmi|pemi|"
        "kòf|kof|tikè"
    ),
    "stop": (
        "mande m si|mande mwen si|mande si|mande l si|yo mande m si|mande moin si|rete m|rete mwen|arete m|"
        "arete mwen|arete|kanpe m|kanpe mwen|kenbe m nan|mande papye|fouye|kesyone|poze m kesyon|kote m soti"
    ),
    "street": (
        "bodega a|deyo bodega|devan bodega|nan bodega a|boutik|estasyon gaz|station gaz|stasyon gaz|ponp gaz|"
        "gas station|lari|nan lari|magazen|mache|pak|pakin|estasyon|makèt|fe makèt"
    ),
    "papers": "papie|papier|papié|papye m|papie moin|papye|san papye|dokiman|kat idantite|idantite|estati|ilegal",
    "taken": (
        "nou pa konnen kote li ye|pa konnen kote li ye|nou pa konn kote li ye|pa konn kote li ye|"
        "pa reponn telefòn li|pa reponn telefon li|pran|pran l|pran li|arete|arête|kenbe|kenbe l|mete nan prizon|"
        "fèmen|femen|disparèt|dispare|pèsonn pa konnen|pesonn pa konnen|nou pa konnen kote|mete l nan|mete li nan|"
        "pa retounen|pa tounen|poko retounen|pa reponn|pa reponn telefon"
    ),
    "relative": (
        "pitite moin|pitite|mari moin|madanm moin|fre moin|manman moin|papa moin|mari|madanm|pitit gason|"
        "pitit fi|frè|fre|se m|manman|papa|kouzen|kouzin|tonton|matant|neve|nyès|grann|granpè|mennaj|zanmi|"
        "vwazen|vwazin|yon moun|fanmi"
    ),
    "find": (
        "nou pa konnen kote li ye|pa konnen kote li ye|nou pa konn kote li ye|pa konn kote li ye|jwenn|chèche|cheche|"
        "kote li ye|kote l ye|ki kote|ki prizon|ki sant|nimewo a|lokalize"
    ),
    "detention": "detansyon|sant detansyon|nan detansyon|prizon imigrasyon|transfere",
    "bond": "kosyon|bond|fè l soti|fe l soti|peye kosyon",
    "jail": "prizon|jòl|jol|kacho|nan prizon|konte|ka kriminèl",
    "hold": (
        "yon detene sou|detene sou li|detene sou l|mete yon detene|prizon an bay ice|prizon an ap bay ice|"
        "prizon an pral bay ice|lage l bay ice|lage li bay ice|konte a bay ice|cherif la bay ice|sherif la bay ice|"
        "pou ice|pou imigrasyon|kenbe pou ice|hold|detainer|demann detansyon|kenbe l pou ice|287g|48 èdtan|48 edtan|"
        "pa lage l|pa vle lage l|transfere l bay imigrasyon|transfere l"
    ),
    "release": "lage|soti|libere",
    "emergency": (
        "rele la police|rele lapolice|rele la polis|rele polis la|911|ijans|ijan|anbilans|rele lapolis|rele polis|"
        "fè plent|fe plent|plent|rapòte|rapote"
    ),
    "crime": (
        "bat mwen|bat|frape m|vyolans|abi|agrese|vòlè|vole|volè|menase|menas|viktim|krim|viza u|pousuiv|"
        "pousuiv mwen|pèsekite|pesekite|ansyen mennaj"
    ),
    "lawyer": "avoka|avoka yo|èd legal|ed legal|asistans legal|konsèy legal|nòtè|note|konsiltan",
    "free": "gratis|gratuit|pa chè|pa che|san lajan|pa gen lajan",
    "organization": "òganizasyon|oganizasyon|gwoup|liy èd|ki moun pou m rele|resous|toupre m|nan eta mwen",
    "volunteer": (
        "bay lajan pou fanmi|fe yon don pou|fe don pou|bay lajan pou|antre nan rapid response|antre nan rezo|"
        "antre nan yon rezo|antre nan gwoup|antre nan yon gwoup|antre nan oganizasyon|antre nan yon oganizasyon|"
        "rapid response|rezo repons rapid|repons rapid|rezo|fè pati|fe pati|patisipe|vin manm|vin volontè|volontè|"
        "volonte|benevòl|benevol|bay lajan|fè don|fe don|angaje|manifestasyon|aktivis|sanktyè|petisyon"
    ),
    "help_others": (
        "bay lajan pou fanmi|bay lajan pou|fanmi vwazen|fanmi vwazin|ede fanmi ki|ede vwazen|ede vwazen m|vwazen m|"
        "vwazen mwen|ede fanmi|ede fanmi imigran|ede imigran|ede moun|ede kominote|kominote mwen|zon mwen|kominote a|"
        "pwoteje fanmi|kijan m ka ede|fè yon bagay|fe yon bagay|sipòte|sipote"
    ),
    "citizen": "sitwayen|sitwayèn|fèt isit|fet isit",
    "children": "timoun|timoun yo|pitit mwen yo|pitit yo|ti moun|bebe|minè",
    "care": (
        "gen dwa siyen pou timoun|siyen pou timoun yo|siyen pou timoun|pran swen timoun yo|kiyes ki pral|"
        "ki moun ki pral|kiyes ki pral gen dwa|okipe|pran swen|gade|kiyès k ap|kiyes k ap|kilès k ap|ki moun k ap|"
        "al chèche timoun|titè|gadyen"
    ),
    "plan": (
        "ki papye nou ta dwe fe|ki papye pou n fe|ki papye pou m fe|ki papye pou m prepare|si yon jou|davans|alavans|"
        "pou pi devan|plan|prepare|pare|an ka|si ta rive|prokirasyon|batistè|batiste|papye enpòtan|kite ak|pa kè|pa ke"
    ),
    "if": "si yo|si m|si mwen|si ice|an ka",
    "deport": (
        "depòtasyon volontè|depotasyon volonte|depa volontè|depa volonte|kite peyi a volontè|depòte|depote|deporte|"
        "depòtasyon|depotasyon|voye m ale|mete m deyò"
    ),
    "court": (
        "notice to appear|nta|avi pou prezante|lèt tribinal|let tribinal|tribinal|tribunal|odyans|lakou|dat tribinal|"
        "eoir"
    ),
    "judge": "jij",
    "checkin": "randevou|prezante|siyen nan ice|biwo ice|braslè|brasle|isap|check in",
    "missed": "rate|manke|pa t ale|bliye",
    "school": "lekòl|lekol|lekòl la|ekol|école|kolèj|inivèsite|gadri",
    "church": "legliz|legliz la|église|eglise|tanp|mès|pastè|paste|moske|la mes|lamès",
    "hospital": (
        "nan ijans|ale nan ijans|al nan ijans|sal ijans|chanm ijans|sal datant|sal dat|sal datant lan|ijans lopital|"
        "lopital|opital|hôpital|klinik|doktè|dokte"
    ),
    "work": "travay|djòb|djob|faktori|izin|chantye|restoran|kizin|patwon|bòs|bos|i 9",
    "raid": (
        "arete moun|pran travaye|arete travaye|pran plizye moun|arete plizye moun|rafle|desant|operasyon|"
        "rafl|ap arete moun|ranmase moun"
    ),
    "status": (
        "otorizasyon travay|otorizasyon pou travay|pèmi pou travay|pemi pou travay|kat travay|entèvyou azil|"
        "entevyou azil|entèvyou|entevyou|kat vèt|kat vet|green card|rezidans|rezidan|tps|daca|viza|parole|azil|"
        "refijye|pèmi travay|pemi travay|estati|sitwayènte|natiralizasyon|uscis"
    ),
    "expire": "ekspire|fini|ap fini|renouvle|pwolonje|anile|revoke",
    "travel": "vwayaje|vwayaj|ale ayiti|ann ayiti|kite peyi a|lontan|mwa|yon ane|vakans",
    "register": "anrejistre|enskri|anpreint",
    "phone": "telefòn|telefon|selilè|selile",
    "greet": "bonjou|bonswa|sak pase|sa k pase|kijan ou ye|alo|allo",
    "thanks": "mèsi|mesi|mèsi anpil|mesi anpil|orevwa",
    "now": "kounye a|kounya|kounyea|touswit|vit|ijan|anmwe|ede m|tanpri|pè|pe",
    "apply": "aplike|fè demann|fe demann|mande azil",
    "laugh": "lol|hahaha|mdr",
    "offtopic": (
        "jwenn yon travay|chache djòb|chèche travay|cheche travay|chèche djòb|cheche djob|m ap chache travay|"
        "chache travay|m bezwen travay|bezwen yon travay|jwenn travay|aprann angle|kou angle"
    ),
    "meta": (
        "kijan sa mache|kijan sa fonksyone|eske sa gratis|sa gratis|ki moun sa a|kiyes ou ye|kisa sa ye|sa se kisa"
    ),
    "report_me": "rapote m|rapote mwen|rapote|denonse m|denonse|avize imigrasyon|rele imigrasyon",
    "asking_for": "mande pou",
    "scam": "eskwo|vòlò lajan|vrè avoka",
    "safe": (
        "safe pou m al|safe pou m ale|li safe|an sekirite pou m ale|danjere pou m al|sekirite pou m al|"
        "an sekirite pou m al|sekirite pou m ale"
    ),
    "film": (
        "filme|filmé|filmen|filmè|filme yo|filme ajan yo|pran videyo|fè videyo|fe videyo|fè yon videyo|fe yon videyo|"
        "an videyo|videyo ajan yo|anrejistre ajan yo|anrejistre arestasyon|fè live|fe live|fè yon live|fe yon live|"
        "pran foto|pran foto ajan yo"
    ),
    "warn_others": (
        "avertir|averti|aveti|avèti|pou m avertir|pou m averti|pou m aveti|ka pridan|pou yo ka pridan|pridan|"
        "pou yo fe atansyon|avèti moun|averti moun|avèti vwazen|averti vwazen|avèti vwazen yo|avèti kominote|"
        "avèti tout moun|avèti lòt moun|averti tout moun|avèti katye a|bay alèt|bay alet|bay lalèt|alèt ice|alet ice|"
        "fè moun konnen|fe moun konnen|fè tout moun konnen|pase mesaj la|simaye nouvèl la|pataje enfòmasyon|"
        "pataje enfo|siyale ice|siyale imigrasyon|siyale ajan|siyale prezans|rapòte ice|rapote ice|liy alèt|"
        "gwoup whatsapp katye a"
    ),
    "abuse": (
        "bat mwen|bat m|ap bat mwen|ap bat m|te bat mwen|frape m|frape mwen|trangle m|trangle mwen|toufe m|"
        "toufe mwen|menase m|menase mwen|menase pou touye m|vle touye m|vyolans domestik|vyolans konjigal|maltrete|"
        "maltrete m|kout pwen|ba m kou|bay kou|ban m kou|fè m mal|fe m mal"
    ),
}
