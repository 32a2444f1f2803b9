"""English (and the English words everyone mixes in: 'ICE', 'green card', 'check-in', 'detainer')."""

FORMS = {
    "agent": (
        "imigration|inmigration|immigation|imigrations|immigrations|imigracion|inmigracion|ice|immigration|"
        "immigration officers|immigration agents|dhs|hsi|ero|federal agents|feds|deportation officers|"
        "deportation officer|border patrol agents|ise"
    ),
    "officer": (
        "let them in|let them inside|let em in|agents|agent|officers|officer|men in vests|guys in vests|vests|uniforms|"
        "uniformed|plain clothes|plainclothes|unmarked|badges|two men|2 men|some men|guys|they say they re|"
        "they said they were"
    ),
    "police": (
        "poice|polise|polic|plice|pollice|policia|police|cop|cops|sheriff|sheriffs|deputy|deputies|trooper|"
        "troopers|patrol car|popo|5 0|five o|pigs|state police|highway patrol"
    ),
    "door": "door|doors|doorbell|door bell|front door|back door|porch|doorstep|doorway",
    "home": (
        "house|home|apartment|apt|my place|our place|building|yard|driveway|my street|our street|trailer|"
        "mobile home|window|windows"
    ),
    "outside": ("outside|out front|in front|parked|van|vans|truck outside|suv|suvs|waiting outside|across the street"),
    "knock": "knock*|bang*|pound*|ringing|ring the bell|rang the bell|kicking|yelling open|open up",
    "open": (
        "open the door|let them in|let them come in|come in|come inside|get in|enter|entering|force their way|"
        "break in|break down|open it|should i open|do i open"
    ),
    "warrant": (
        "warrant|warrants|search warrant|arrest warrant|signed by a judge|court order|i 205|i205|administrative"
    ),
    "airport": (
        "side room|separate room|private room|small room|little room|sign away|give up her residency|"
        "give up his residency|give up my residency|giving up her residency|giving up his residency|"
        "giving up my residency|give up her green card|give up his green card|give up my green card|airport|airports|"
        "jfk|lax|ohare|o hare|sfo|mia|iah|dfw|atl|ewr|terminal|arrivals|arrival hall|layover|connecting flight|"
        "international airport|miami international|back room|dulles|newark airport|newark liberty|logan|"
        "supposed to land|air port|airprot|aiport"
    ),
    "flight": (
        "flight|flew|flying|fly in|landed|landing|plane|just arrived|arrived|arriving|came in from|land at|"
        "to land|supposed to land"
    ),
    "customs": (
        ""
        "customs|cbp|secondary|"
        "secondary inspection|port of entry|inspection|entry|entering the us|re entry|reentry|"
        "immigration officer at the airport|passport control|custom"
    ),
    "passport": "passport|passports",
    "border": "border|borders|frontier|bridge|crossing|cross|crossed",
    "checkpoint": (
        "checkpoint*|check point*|road block|roadblock|immigration check|inspection station|border patrol|"
        "100 miles|expedited removal|fast deportation"
    ),
    "road": "highway|freeway|interstate|i 10|i 35|road|roads|route|driving to|drive to",
    "car": (
        "car|cars|truck|driving|drive|drove|driver|vehicle|pulled over|pull over|pulled me over|traffic stop|"
        "licence|drivers license|driver s license|trunk|taillight|speeding|ticket|uber|lyft|bus"
    ),
    "stop": (
        "askin if|askin me|askin me if|askin for|stopped by 12|got stopped|gotta answer|have to answer|"
        "do i have to answer|asked if|asked me if|asking if|asking me if|asked whether|asked me whether|stoped|"
        "stoped me|stopt|stoppped|stopped|stop me|stopped me|stopping|pulled over|pulled me over|pull over|questioned|"
        "questioning|asking questions|asked questions|asked me|asking me|where im from|where i m from|where i am from|"
        "detain me|detaining me|grabbed me|frisk*|pat down|patted|search me|searched me|searching me|am i free to go|"
        "free to leave|harass*|profil*"
    ),
    "street": (
        "on my way to work|on his way to work|on her way to work|on the way to work|walking to work|biking to work|"
        "on my bike|on his bike|on her bike|bicycle|the bodega|at the bodega|outside the bodega|corner store|"
        "street|walking|on the street|sidewalk|corner|parking lot|store|grocery|mall|park|bus stop|gas station|"
        "home depot|laundromat|laundry|subway|metro|train station|bus station|supermarket|grocery shopping|go shopping|"
        "shopping"
    ),
    "papers": (
        "if im legal|if i m legal|am i legal|im legal|i m legal|papers|documents|id|ids|identification|license|proof|"
        "my status|ssn|social security|no papers|dont have papers|don t have papers|without papers|undocumented|illegal"
    ),
    "taken": (
        "holding him|holding her|holding me|holding them|being held|held|are holding|is holding|took|taken|"
        "take him|take her|take them|picked up|pick up|arrested|arrest*|detained|detain*|grabbed|caught|"
        "got caught|got picked|got taken|got arrested|got detained|locked up|in custody|custody|nabbed|"
        "rounded up|deported|disappeared|missing|no one knows|nobody knows|haven t heard|havent heard|"
        "put her in|put him in|put them in|never came home|never came back|didnt come home|didn t come home|"
        "hasnt come home|hasn t come home|hasnt come back|been missing|not answering|isnt answering|"
        "isn t answering|not picking up|doesnt answer|doesn t answer|phone is off|phone is dead|"
        "loaded everybody|loaded everyone|loaded them"
    ),
    "relative": (
        "husband|wife|son|daughter|brother|sister|mom|mother|mum|dad|father|cousin|uncle|aunt|nephew|niece|grandma|"
        "grandpa|grandmother|grandfather|boyfriend|girlfriend|partner|friend|neighbor|neighbour|coworker|co worker|"
        "roommate|family member|relative|someone|somebody|my brother in law|fiance|papa|mama|bro|sis"
    ),
    "find": (
        "find|finding|locate|locator|locating|where is|where s|wheres|where are|where they took|which jail|"
        "which detention|search for|look for|looking for|track|a number|anumber|alien number|odls|"
        "where he is|where she is|where they are|where they have him|where they have her|"
        "where they re holding|where he s being held|where she s being held|figure out where"
    ),
    "detention": (
        "detention|detention center|detention centre|processing center|ice facility|ice custody|immigration jail|"
        "immigration detention|transferred|transfer|moved him|moved her"
    ),
    "bond": "bond|bonds|bail|bailout|bail out|get him out|get her out|get them out|out of detention",
    "jail": (
        "jail|jails|prison|county|county jail|booked|booking|behind bars|lockup|dui|dwi|criminal case|"
        "criminal charge|charges|public defender"
    ),
    "hold": (
        "for ice|for immigration|keep him for ice|hold someone for ice|hold|holds|ice hold|immigration hold|"
        "detainer|detainers|287g|287 g|i 247|i247|48 hours|put a hold|hold on him|hold on her|"
        "transfer to ice|hand him to ice|turn him over|turned over|released to ice|extra 48|48 hrs|48 hr|"
        "extra days|keeping him|keeping her|so ice can get him|so ice can get her|wont let him walk out|"
        "won t let him walk out|transferred to immigration|being transferred to immigration|"
        "turn him over to immigration"
    ),
    "release": "released|release|releasing|let out|get out|getting out|leave jail|out of jail|serving time",
    "emergency": (
        "hit my truck|hit my van|hit and ran|drove off|crashed into me|crashed into my|ring the law|call the law|"
        "rang the law|accident|crash|crashed|rear ended|hit and run|fender bender|hit my car|call la policia|"
        "call the policia|file a police report|911|nine one one|emergency|ambulance|call the police|call the cops|"
        "call police|call cops|report it|report a crime|report to police|report to the police|file a report|"
        "police report|heart attack|seizure|bleeding|car accident|overdose|having a stroke"
    ),
    "crime": (
        "hit me|hits me|hitting me|beat*|abus*|violence|violent|domestic|assault*|rob*|robbery|stole|stolen|"
        "theft|broke into|break in|burglar*|threat*|attack*|shot|shooting|stabbed|rape*|raped|hurt me|"
        "hurts me|victim|crime|crimes|scam*|fraud|u visa|t visa|trafficking|stalking|stalks me|stalker|"
        "restraining order|protective order|order of protection"
    ),
    "lawyer": (
        "look at her case|look at his case|look at my case|look at the case|review my case|review her case|"
        "review his case|take her case|take his case|take my case|lawer|lawers|layer|lawyar|atorney|attorny|atty|"
        "abogado|lawyer|lawyers|attorney|attorneys|legal aid|legal help|legal advice|legal services|paralegal|"
        "immigration lawyer|counsel|notario|notary|consultant|clinic|pro bono|representation|represent me"
    ),
    "free": (
        "can t pay|cant pay|can t pay much|cant pay much|no money|free|cheap|affordable|no cost|low cost|cant afford|"
        "can t afford|money"
    ),
    "organization": (
        "organization|organisation|group|groups|nonprofit|non profit|hotline|hotlines|help line|helpline|"
        "who can i call|who do i call|number to call|resources|near me|near houston|in my area|in my state"
    ),
    "volunteer": (
        "my county|my city|city council|county board|working with ice|cooperate with ice|"
        "cooperating with ice|volunteer*|donate|donation*|get involved|involved|organize|organizing|protest*|"
        "march|rally|activism|activist|ally|allies|rapid response|accompan*|vigil|town hall|lawmakers|"
        "congress|sanctuary|petition|advocate|advocacy|fundraiser|spread the word|share this|trust act|"
        "oppose 287|legal observer|observer|observers|get trained|trained|training"
    ),
    "help_others": (
        "help immigrants|help my immigrant|help my neighbors|help my neighbours|help others|help people|"
        "help families|protect families|protect immigrants|protect my community|support immigrants|"
        "support families|my community|our community|immigrant neighbors|immigrant neighbours|the community|"
        "help out|do something|what can i do to help|how can i help|how can we help|our church get|"
        "our congregation|support immigrant families|support immigrant*|our immigrant neighbors"
    ),
    "citizen": "citizen|citizens|us citizen|american citizen|born here|naturalized",
    "children": (
        "kids|kid|children|child|baby|babies|toddler|my little ones|minor|minors|son and daughter|my son and|"
        "my daughter and|school age"
    ),
    "care": (
        "take care|takes care|look after|looks after|care for|caregiver|caretaker|custody of|guardian*|"
        "pick up my kids|pick up the kids|pick them up|stay with|keep my kids|raise my|who will watch|who watches|"
        "who takes|who will take|babysit*"
    ),
    "plan": (
        "plan|planning|prepare|prepared|preparing|in case|just in case|emergency plan|safety plan|"
        "power of attorney|poa|documents together|birth certificate*|important papers|what papers should|"
        "what documents should|leave with|memorize|by heart|emergency contact*|before they|before ice|"
        "ahead of time"
    ),
    "if": "if|if i|if they|if ice|in case|what if|what happens if|when i get|should i get",
    "deport": ("deport*|removal|removed|sent back|send me back|kicked out|order of removal"),
    "court": (
        "what to bring|what do i bring|what should i bring|what papers do i bring|what documents do i bring|"
        "notice to appear|nta|ntas|n t a|court|courts|courthouse|court house|hearing|hearings|immigration court|"
        "master calendar|individual hearing|court date|eoir|trial|case date"
    ),
    "judge": "judge|judges",
    "checkin": (
        "check in|check ins|checkin|checkins|check-in|report to ice|reporting to ice|report to|ice office|"
        "ice appointment|appointment|isap|ankle monitor|ankle bracelet|supervision|reporting"
    ),
    "missed": "missed|miss|missing my|forgot|late for|couldn t go|couldnt go|didn t go|didnt go|could not go",
    "school": (
        "school|schools|elementary|middle school|high school|daycare|day care|kindergarten|college|university|"
        "campus|teacher|classroom|bus stop at school"
    ),
    "church": "church|churches|mosque|temple|synagogue|congregation|sunday service|pastor|priest",
    "hospital": (
        "hospital|hospitals|clinic|clinics|doctor|doctors|emergency room|er waiting|waiting room|medical|medicaid|"
        "health center|urgent care"
    ),
    "work": (
        "meatpacking|meat packing|packing plant|processing plant|poultry plant|chicken plant|work|job|jobs|workplace|"
        "factory|plant|meat plant|warehouse|farm|construction|job site|restaurant|kitchen|car wash|carwash|employer|"
        "boss|manager|coworkers|shift|i 9|i9|e verify|everify|audit"
    ),
    "raid": (
        "took workers|took my coworkers|took coworkers|took people|took a bunch|arrested workers|"
        "arrested people|raid|raids|raiding|sweep|sweeps|roundup|round up|arresting people|picking people up|"
        "grabbing people|arresting everyone|taking people|loaded everybody|loaded everyone"
    ),
    "status": (
        "get a drivers license|get a driver s license|get a license|apply for a drivers license|green card|greencard|"
        "residency|resident|permanent resident|lpr|tps|daca|dreamer*|visa|visas|parole|chnv|humanitarian parole|asylum|"
        "asylee|refugee|work permit|ead|status|citizenship|naturaliz*|uscis|i 94|i94|h1b|h 1b|f1|student visa|"
        "overstay*|expired"
    ),
    "expire": (
        "expire|expires|expired|expiring|expiration|renew*|extend|extension|ending|ends|end soon|terminated|"
        "termination|cancel*|revoked|running out|runs out"
    ),
    "travel": (
        "and come back|come back in|re enter|reenter|for two weeks|for 2 weeks|for a week|for a few weeks|"
        "for a couple weeks|for a month|wedding|funeral|go to mexico|go to guatemala|go to el salvador|go to honduras|"
        "travel*|trip|abroad|outside the country|outside the us|leave the country|go back home|visit my|visit family|"
        "months|for a year|6 months|8 months|vacation|fly home|go home for|travel inside|travel by plane|"
        "domestic flight|fly inside"
    ),
    "register": "register|registration|registered|register now|registry|alien registration|g 325r|fingerprint*",
    "phone": "phone|phones|cellphone|cell phone|laptop|social media|password|unlock",
    "greet": "hi|hello|hey|good morning|good afternoon|good evening|how are you|whats up|what s up|yo|sup",
    "thanks": "thanks|thank you|thx|ty|appreciate it|bye|ok thanks",
    "now": "now|right now|rn|asap|urgent|emergency|help me|help|please help|hurry|quick|scared|panic*|omg",
    "apply": "apply|applying|application|file for|submit|apply for",
    "laugh": "lol|lmao|haha|hahaha|hehe|lmfao",
    "offtopic": (
        "need a job|looking for a job|looking for work|find a job|find work|get a job|job offer|hiring|"
        "learn english|english classes|english class"
    ),
    "meta": (
        "how does this work|how this works|how do i use this|is this free|is it free|who is this|who are you|"
        "what is this|is this a bot|are you a bot|are you a real person|does this cost|how much does this cost|"
        "wrong number"
    ),
    "film": (
        "film|films|filming|filmed|film them|film ice|film the cops|record them|record ice|record the agents|record it|"
        "recording them|recording ice|recorded them|videotape|take a video|taking video|a video of|livestream*|"
        "live stream*|go live|going live|facebook live|ig live|instagram live|tiktok live|my camera|phone camera|"
        "take pictures|taking pictures|take photos|taking photos"
    ),
    "warn_others": (
        "warn|warning others|warn people|warn my neighbors|warn my neighbours|warn the neighbors|alert people|"
        "alert the community|alert my neighbors|heads up|give a heads up|so people know|so ppl know|let people know|"
        "let ppl know|let everyone know|tell everyone|tell the neighbors|spread the word|get the word out|"
        "report a sighting|report sightings|sighting|sightings|ice sighting|ice sightings|report ice activity|"
        "report where ice|who do i report that to|rapid response hotline|rapid response line|alert network|text chain|"
        "group chat|neighborhood watch"
    ),
    "abuse": (
        "hit me|hits me|hitting me|hit me again|beat me|beats me|beating me|beat me up|beats me up|punched me|"
        "punches me|slapped me|slaps me|chokes me|choked me|choking me|strangle*|kicks me|kicked me|pushed me|"
        "shoves me|threatens me|threatened me|threatens to kill|threatened to kill|he hurts me|abusive|abuser|"
        "abuses me|abused me|domestic violence|domestic abuse|dv|smashed my phone|broke my phone|locked me in|"
        "wont let me leave|won t let me leave|he says they ll deport me|says he ll call immigration|"
        "threatens to call immigration|threatens to call ice|call ice on me|calls ice on me"
    ),
    "report_me": (
        "come back on me|used against me|get me in trouble|report me|report us|report me to|call immigration on me|"
        "call immigration|tell immigration|notify immigration|turn me in|reports people|report people"
    ),
    "asking_for": "asking for",
    "scam": "scam*|fraud*|ripped off|never filed|real lawyer|legit lawyer|not a notario",
    "safe": (
        "safe for him to go|safe for her to go|safe for me to go|safe for us to go|safe for them to go|should i go in|"
        "should i still go in|go in tomorrow|just walk in|walk right in|safe to go|is it safe to go|safe to go out|"
        "safe to leave the house"
    ),
    "not_about": (
        "not asking about|im not asking about|i m not asking about|not about|this isnt about|this isn t about"
    ),
}
