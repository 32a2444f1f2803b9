"""French, including African and Haitian French usage (les flics, les keufs, la douane, sans-papiers)."""

FORMS = {
    "agent": (
        "immigration|l immigration|agents de l immigration|services d immigration|ice|l ice|federaux|"
        "police de l immigration"
    ),
    "officer": (
        "agents|agent|officiers|officier|des hommes|deux hommes|des mecs|des types|gilets|en uniforme|en civil|badges"
    ),
    "police": (
        "police|policier|policiers|flic|flics|keuf|keufs|gendarme|gendarmes|condé|conde|shérif|sherif|patrouille|"
        "voiture de police"
    ),
    "door": "porte|portes|sonnette|palier|devant la porte|a la porte",
    "home": "maison|chez moi|chez nous|appartement|appart|domicile|logement|immeuble|fenetre",
    "outside": "dehors|devant|en bas|garés|gares|garee|camionnette|un van|le van|attendent",
    "knock": "frapp*|tap*|sonn*|cogn*",
    "open": "ouvrir|ouvre|j ouvre|les laisser entrer|entrer|rentrer|forcer",
    "warrant": "mandat|mandat judiciaire|mandat d arret|signe par un juge|ordonnance|i 205",
    "airport": "aeroport|aéroport|aeroports|terminal|cdg|roissy|atterrir|atterri|atterrissage",
    "flight": "vol|avion|atterri|atterrie|arrive|arrivee|arrivé|venu de|je viens de",
    "customs": (
        "douane|douanes|douanier|douaniers|inspection|controle|controle secondaire|salle|petite salle|"
        "poste frontiere|cbp|police aux frontieres"
    ),
    "passport": "passeport|passeports",
    "border": "frontiere|frontieres|frontalier|frontaliere|traverser",
    "checkpoint": (
        "les agents montent|agents montent|montent dans le bus|montent dans le car|sont montes dans le bus|"
        "ils montent dans|controle dans le bus|controle du bus|barrage|barrages|point de controle|poste de controle|"
        "checkpoint|patrouille frontaliere|patrouille des frontieres|border patrol|expulsion acceleree|expulsion rapide"
    ),
    "road": "route|autoroute|highway|nationale|chemin",
    "car": (
        "le car|en car|autocar|bus|car greyhound|voiture|en voiture|conduis*|conduire|volant|permis|permis de conduire|"
        "vehicule|coffre|amende|feu arriere|feu casse|phare casse"
    ),
    "stop": (
        "m a demande si|demande si|ils m ont demande si|m ont demande si|demandent si|arrete|arrêté|m a arrete|"
        "controle|controlé|m a controle|interpelle|interpellé|m ont arrete|demande mes papiers|"
        "demandent mes papiers|fouill*|d ou je viens|questionne|questions"
    ),
    "street": (
        "rue|dans la rue|trottoir|magasin|supermarche|parc|parking|station|metro|gare|arret de bus|"
        "faire les courses|les courses"
    ),
    "papers": (
        "papiers|sans papiers|documents|titre de sejour|carte d identite|piece d identite|identite|statut|"
        "clandestin|illegal|situation reguliere|en situation irreguliere|en regle"
    ),
    "taken": (
        "m embarquer|embarquer|me ramasser|ramasse|ramassé|ramassee|ramasser|on sait pas ou|on ne sait pas ou|"
        "sait pas ou|aucune nouvelle|aucunes nouvelles|pas de nouvelles|sans nouvelles|plus de nouvelles|repond pas|"
        "reponds pas|repond pas au telephone|repond plus au telephone|repond pas a son telephone|"
        "repond plus a son telephone|decroche pas|decroche plus|ils l ont mis|l ont mis dans|emmene|emmenee|emmené|"
        "emmenée|embarque|embarqué|pris|arrete|arrêtée|arretee|detenu|detenue|détenu|détenue|enferme|enfermé|"
        "interpelle|disparu|on ne sait pas|personne ne sait|faire monter|l ont fait monter|fait monter|pas rentre|"
        "pas rentree|n est pas rentre|n est pas rentree|jamais rentre|jamais rentree|ne repond pas|ne repond plus|"
        "repond plus"
    ),
    "relative": (
        "mari|femme|epoux|epouse|fils|fille|frere|soeur|mere|pere|maman|papa|cousin|cousine|oncle|tante|"
        "neveu|niece|grand mere|grand pere|copain|copine|ami|amie|voisin|voisine|quelqu un|proche|famille|"
        "collegue|collegues"
    ),
    "find": (
        "on cherche|cherche partout|ou ils l ont mis|ou ils l ont amene|savoir ou il est|savoir ou elle est|"
        "retrouver|trouver|chercher|localiser|ou il est|ou elle est|ou est|savoir ou|quel centre|quelle prison|"
        "numero a|numero d etranger|localisateur|ou ils le gardent|ou ils la gardent|ou ils l ont emmene"
    ),
    "detention": "centre de detention|detention|rétention|retention|centre de retention|garde a vue|transfere",
    "bond": "caution|bond|liberer sous caution|le faire sortir|la faire sortir",
    "jail": "prison|taule|tôle|zonzon|cellule|maison d arret|comte|prison du comte|casier|proces penal",
    "hold": (
        "pour l ice|pour l immigration|hold|detainer|demande de detention|demande de retention|retenir|287g|"
        "48 heures|remettre a l ice|le laissent pas sortir|la laissent pas sortir|transfere a l immigration|"
        "remis a l ice|remettre a l immigration|plus longtemps pour"
    ),
    "release": "libere|liberee|libéré|sortir|sort|sortie",
    "emergency": (
        "appeler les keufs|appeler les flics|appeler les condes|appeler le 911|appeler les policiers|"
        "appelle les flics|appelle les keufs|appeler le 17|911|urgence|urgences|ambulance|appeler la police|"
        "j appelle la police|porter plainte|plainte|signaler|deposer plainte|crise cardiaque|infarctus|convulsion|"
        "saigne|accident"
    ),
    "crime": (
        "braque|braquer|braquage|fait braquer|vole mon|m a vole|on m a vole|me frappe|frappe|battu|battue|violence|"
        "violences conjugales|abus*|agress*|vol|vole|volé|cambriol*|menace|menaces|victime|crime|arnaque*|fraude|"
        "visa u|visa t|harcele|harcelement|me harcele|ordonnance de protection|ordonnance d eloignement"
    ),
    "lawyer": (
        "avocat|avocate|avocats|aide juridique|aide juridictionnelle|conseil juridique|juriste|notaire|consultant|"
        "defense"
    ),
    "free": "gratuit|gratuite|gratuitement|pas cher|sans frais|pas d argent",
    "organization": (
        "association|associations|organisation|groupe|groupes|ligne d aide|qui appeler|ressources|pres de chez moi|"
        "dans mon etat"
    ),
    "volunteer": (
        "reseau d intervention rapide|intervention rapide|reseau de reponse rapide|rejoindre un reseau|rejoindre|"
        "s engager|m engager|benevol*|bénévol*|volontaire|faire un don|un don|des dons|dons|donner|engager|militer|"
        "militant|manif*|marche|mobilis*|allie|vigile|elus|sanctuaire|petition|observateur|observateurs|me former|"
        "formation"
    ),
    "help_others": (
        "aider les migrants|aider les immigres|aider les immigrants|aider la communaute|aider ma communaute|"
        "aider les autres|aider les familles|proteger les familles|ma communaute|notre communaute|"
        "la communaute|comment aider|faire quelque chose|soutenir|soutenir les familles|"
        "soutenir les immigres"
    ),
    "citizen": "citoyen|citoyenne|citoyens|ne ici|nee ici",
    "children": "enfants|enfant|gosses|mioches|petits|bebe|mes enfants|les enfants|mineurs",
    "care": (
        "garder|gardera|s occuper|s occupera|prendre soin|qui va garder|qui va s occuper|recuperer les enfants|"
        "aller chercher|tuteur|tutelle|garde des enfants"
    ),
    "plan": (
        "plan|prevoir|preparer|prepare|au cas ou|en cas de|procuration|actes de naissance|papiers importants|"
        "laisser a|par coeur"
    ),
    "if": "si je|si on|s ils|si l ice|au cas ou|et si|que se passe t il si",
    "deport": "depart volontaire|départ volontaire|expuls*|deport*|renvoy*|reconduit|obligation de quitter|oqtf",
    "court": "tribunal|tribunaux|audience|audiences|cour|tribunal de l immigration|date d audience|eoir",
    "judge": "juge|juges",
    "checkin": (
        "convoque|convoquee|convoques|convoquees|convoqué|convoquée|pointage|pointer|me presenter|rendez vous|rdv|"
        "convocation|bureau de l ice|bracelet|isap"
    ),
    "missed": "rate|raté|manque|manqué|pas alle|pas pu aller|oublie",
    "school": "ecole|école|ecoles|college|lycee|creche|maternelle|universite|fac|maitresse",
    "church": "eglise|église|eglises|temple|mosquee|mosquée|messe|culte|pasteur|pretre|synagogue",
    "hospital": (
        "salle d attente|salle d urgence|aux urgences|hopital|hôpital|hopitaux|clinique|medecin|docteur|"
        "urgences de l hopital"
    ),
    "work": "travail|boulot|taf|job|usine|chantier|entrepot|restaurant|cuisine|patron|employeur|entreprise|i 9",
    "raid": (
        "arrete des collegues|embarque des collegues|arrete plusieurs|embarque plusieurs|rafle|descente|"
        "descentes|rafles|raid|operation|coup de filet|arretait des gens|arretent des gens|arrete des gens|"
        "ramassent des gens|arretaient des gens"
    ),
    "status": (
        "visa u|visa t|dossier en cours|demande en cours|carte verte|green card|residence|resident permanent|tps|"
        "daca|visa|visas|parole|asile|refugie|permis de travail|statut|citoyennete|naturalisation|uscis|"
        "demandeur d asile|demandeurs d asile|demande d asile"
    ),
    "expire": "expire|expirer|expiré|renouvel*|prolong*|se termine|fin|finit|annule|annulé|revoque",
    "travel": (
        "voyage|voyager|a l etranger|quitter le pays|rentrer au pays|partir|visiter|longtemps|mois|un an|"
        "vacances|prendre l avion|l avion"
    ),
    "register": "enregistr*|inscri*|empreintes",
    "phone": "telephone|portable|cellulaire",
    "greet": "bonjour|bonsoir|salut|coucou|ca va|comment ca va|allo",
    "thanks": "merci|merci beaucoup|au revoir",
    "now": (
        "grave|stresse|stressee|stressé|flippe|flippee|panique|paniquee|maintenant|tout de suite|vite|urgent|"
        "au secours|aidez moi|svp|s il vous plait|peur"
    ),
    "apply": "demander|faire une demande|deposer une demande|postuler",
    "laugh": "mdr|ptdr|lol",
    "offtopic": (
        "trouver du travail|trouver du boulot|trouver un boulot|trouver un job|chercher du travail|cherche du boulot|"
        "je cherche du travail|cherche du travail|cherche un emploi|cherche un travail|besoin d un travail|"
        "trouver un travail|apprendre l anglais|cours d anglais"
    ),
    "meta": (
        "comment ca marche|comment ca fonctionne|c est gratuit|est ce gratuit|c est qui|qui est ce|qui etes vous|"
        "c est quoi|mauvais numero"
    ),
    "report_me": ("me denoncer|me signaler|signaler a l immigration|previennent l immigration|appellent l immigration"),
    "asking_for": "demandent|cherchent",
    "scam": "arnaque*|escroquerie|escroc|jamais rien depose|vrai avocat",
    "safe": "sur d aller|sans danger d aller|sur de sortir|dangereux d aller",
    "not_about": "je demande pas pour|je ne demande pas pour",
    "film": (
        "filmer|filme|filmee|filmes|filmez|filmons|filmant|je filme|les filmer|faire une video|prendre une video|"
        "prendre en video|en video|une video des agents|enregistrer les agents|enregistrer l arrestation|"
        "enregistrer la scene|faire un live|un live|en live|prendre des photos|photographier|sortir mon telephone|"
        "sortir son telephone|sortir le telephone"
    ),
    "warn_others": (
        "prevenir les voisins|prevenir mes voisins|prevenir les gens|prevenir le quartier|prevenir tout le monde|"
        "prevenir la communaute|avertir les voisins|avertir les gens|avertir la communaute|avertir le quartier|"
        "alerter les voisins|alerter les gens|alerter la communaute|alerter le quartier|donner l alerte|"
        "lancer l alerte|faire passer le mot|passer le mot|faire tourner l info|faire circuler l info|"
        "partager l info|signaler la presence|signaler les agents|signaler des agents|signaler ice|signaler l ice|"
        "signaler une descente|signaler un raid|signaler les raids|signaler une rafle|ligne d alerte|reseau d alerte|"
        "alerte ice|numero d alerte|groupe whatsapp du quartier|groupe du quartier"
    ),
    "abuse": (
        "me frappe|me bat|me battait|me frappait|m a frappe|m a frappee|m a battue|m a battu|me tape|me cogne|"
        "m a cognee|etrangl*|m a etranglee|me maltraite|maltrait*|violence conjugale|violences conjugales|"
        "violence domestique|violences domestiques|femme battue|me menace|il me menace|menace de me tuer|"
        "veut me tuer|des bleus|me fait du mal|leve la main sur moi"
    ),
}
