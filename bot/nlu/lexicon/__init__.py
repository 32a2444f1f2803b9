"""Per-language lexicons of the concepts people write about: {concept: 'form|form|prefix*'}.

A form is one or more words, matched on whole words after the same normalisation as messages (case, accents,
Arabic letter forms and articles, Traditional Chinese as Simplified); a final '*' matches any ending. Chinese
forms are matched character by character, so no word boundaries are needed. Add slang, dialect and romanised
spellings here: a new form helps every flow whose phrases mention the concept.
"""

from __future__ import annotations

from bot.nlu.lexicon import ar, en, es, fr, ht, pinyin, pt, ur, vi, zh

LEXICONS: dict[str, dict[str, str]] = {
    "en": en.FORMS,
    "es": es.FORMS,
    "pt": pt.FORMS,
    "fr": fr.FORMS,
    "ht": ht.FORMS,
    "zh": {c: "|".join(f for f in (zh.FORMS.get(c), pinyin.FORMS.get(c)) if f) for c in zh.FORMS | pinyin.FORMS},
    "ar": ar.FORMS,
    "ur": ur.FORMS,
    "vi": vi.FORMS,
}

# Hand weights added to what the phrases teach, where the project's own data disagree: a raid at work is the
# workplace flow's (its node 'raid'), not the stop flow's node 'ICE at my work'.
PRIOR: dict[str, dict[str, float]] = {
    "raid": {"public_places": 2.0},
    "raid+work": {"public_places": 4.0},
    # Immigration agents at a school, church or hospital: the public-places flow, not the 911 flow's ER node.
    "agent+hospital": {"public_places": 3.0},
    # Helping others (neighbours, families, the community) is what the take-action flow is about, whatever else
    # the message names: 'how can I help families ICE arrested' is no search for a detained person.
    "help_others": {"take_action": 8.0},
    # A hearing coming and no lawyer yet: the court flow's situation (it says how to find one before the date).
    "court+lawyer": {"court": 6.0},
    # Groups to join while wanting to volunteer: the take-action flow's, not a referral to legal help.
    "organization+volunteer": {"take_action": 3.0},
    # Fear of being reported (by a hospital, the police, a school) is the 911/ER flow's question: it answers
    # what those places share with immigration. ICE coming into a hospital stays public_places ('agent+hospital').
    "report_me": {"calling_911": 4.0},
    "hospital+report_me": {"calling_911": 4.0},
    "agent+report_me": {"calling_911": 4.0},
    # Bail to get someone out of immigration detention is the detained person's flow (its bond node); bail in a
    # local jail with an ICE hold stays detainers (the hold concept).
    "bond+detention": {"find_detained": 3.0},
    "agent+bond": {"find_detained": 2.0},
    # Someone taken and a question of where: the search for a detained person, whatever the story around it
    # names (the school run, the workplace, the boss who saw it).
    "find+taken": {"find_detained": 3.0},
    # A notario who took the money, a scam: finding a real lawyer (get_help), not a person taken.
    "scam": {"get_help": 4.0},
    "lawyer+scam": {"get_help": 2.0},
    # Training as an observer after seeing a raid: the take-action flow, not the workplace raid itself.
    "raid+volunteer": {"take_action": 6.0},
    # A lawyer for a removal case is a search for legal help, not the family plan a deportation also calls for.
    "deport+lawyer": {"get_help": 3.0},
    # Being harassed or threatened and afraid the police would deport: the 911 flow's question.
    "crime+deport": {"calling_911": 3.0},
    # Preparing for a hearing (papers, a first date, no lawyer yet) is the court flow's, not the family plan's.
    "court+plan": {"court": 4.0},
    # A raid at a store or a market: may people still go there (the public-places flow), not a stop in the street.
    "raid+street": {"public_places": 3.0},
    # Applying for asylum with no airport, border or officer named: a question about one's status and its path;
    # at the airport the airport concepts outweigh this.
    "apply+status": {"status": 3.0},
    # Filming agents, or warning the neighbourhood of a sighting: what an observer or a rapid-response member
    # does (take_action), not a search for the person taken nor agents at one's own door.
    "film": {"take_action": 5.0},
    "agent+film": {"take_action": 3.0},
    "warn_others": {"take_action": 5.0},
    "agent+warn_others": {"take_action": 3.0},
    # A partner who hits or threatens: may I call the police without papers (the 911 flow), not a family plan.
    "abuse": {"calling_911": 6.0},
}
