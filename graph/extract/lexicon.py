"""Word lists the extractors share: titles, event triggers, landform nouns.

These are facts about English news writing, not about any corpus.
"""

from __future__ import annotations

# The last word of a title: "Foreign Minister", "Deputy Prime Minister", "President".
TITLE_HEADS = frozenset(
    [
        "minister",
        "ministers",
        "president",
        "presidents",
        "premier",
        "premiers",
        "chancellor",
        "chancellors",
        "secretary",
        "secretaries",
        "ambassador",
        "ambassadors",
        "envoy",
        "envoys",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "governor",
        "governors",
        "mayor",
        "mayors",
        "senator",
        "senators",
        "congressman",
        "congresswoman",
        "representative",
        "lawmaker",
        "lawmakers",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "empress",
        "pope",
        "chairman",
        "chairwoman",
        "chair",
        "chairperson",
        "director",
        "directors",
        "chief",
        "commander",
        "general",
        "admiral",
        "leader",
        "leaders",
        "diplomat",
        "diplomats",
        "official",
        "officials",
        "ceo",
        "minister-designate",
        "prosecutor",
        "judge",
        "justice",
        "attorney-general",
        "counselor",
        "adviser",
        "advisor",
        "negotiator",
        "negotiators",
        "delegate",
    ]
)

# Words that may stand in a title before its head: "Deputy Foreign Minister".
TITLE_MODIFIERS = frozenset(
    [
        "foreign",
        "defense",
        "defence",
        "finance",
        "interior",
        "justice",
        "trade",
        "economy",
        "economic",
        "health",
        "education",
        "energy",
        "deputy",
        "vice",
        "senior",
        "junior",
        "prime",
        "chief",
        "state",
        "cabinet",
        "top",
        "first",
        "second",
        "acting",
        "former",
        "then",
        "home",
        "agriculture",
        "environment",
        "culture",
        "labor",
        "labour",
        "transport",
        "industry",
        "science",
        "security",
        "national",
        "executive",
        "general",
        "special",
        "assistant",
        "permanent",
        "parliamentary",
        "vice-foreign",
        "vice-president",
    ]
)

# Persons referred to by a plural noun: "the two leaders", "the ministers".
PERSON_GROUP_HEADS = frozenset(["leaders", "ministers", "diplomats", "officials", "presidents", "premiers", "envoys"])

# Collective nouns that speak for a country when qualified: "Turkish troops", "the French army".
FORCE_HEADS = frozenset(
    [
        "troops",
        "forces",
        "army",
        "military",
        "navy",
        "government",
        "officials",
        "authorities",
        "delegation",
        "side",
        "soldiers",
        "administration",
        "regime",
        "police",
    ]
)

# Nouns that, following a proper name, make it a place of this kind: "Farne islet group".
LANDFORM_NOUNS = frozenset(
    [
        "island",
        "islands",
        "islet",
        "islets",
        "archipelago",
        "strait",
        "straits",
        "sea",
        "ocean",
        "river",
        "mountain",
        "mountains",
        "peninsula",
        "bay",
        "gulf",
        "lake",
        "valley",
        "desert",
        "coast",
        "reef",
        "atoll",
        "canal",
    ]
)
FACILITY_NOUNS = frozenset(
    [
        "guesthouse",
        "palace",
        "airport",
        "base",
        "hotel",
        "stadium",
        "hospital",
        "embassy",
        "square",
        "bridge",
        "prison",
        "port",
        "station",
        "plant",
        "reactor",
        "university",
        "building",
        "hall",
        "museum",
        "house",
    ]
)

# Verbs that introduce an event, by word form, with the kind of event.
VERB_TRIGGERS: dict[str, str] = {}
for _kind, _forms in {
    "meeting": "meet meets met meeting",
    "talks": "negotiate negotiates negotiated negotiating",
    "visit": "visit visits visited visiting",
    "statement": """say says said saying tell tells told telling announce announces announced announcing
                 argue argues argued arguing reveal reveals revealed revealing warn warns warned warning
                 state states stated claim claims claimed insist insists insisted add adds added
                 express expresses expressed stress stresses stressed urge urges urged""",
    "agreement": "agree agrees agreed agreeing sign signs signed signing",
    "seizure": "seize seizes seized seizing capture captures captured annex annexes annexed occupy occupies occupied",
    "deployment": "deploy deploys deployed deploying station stationed",
    "attack": "attack attacks attacked attacking bomb bombs bombed shell shelled",
    "sanction": "sanction sanctions sanctioned",
    "election": "elect elects elected",
}.items():
    for _form in _forms.split():
        VERB_TRIGGERS[_form] = _kind

# "hold talks", "held a meeting", "take part in a meeting": the object names the event.
SUPPORT_VERBS = frozenset(
    [
        "hold",
        "holds",
        "held",
        "holding",
        "have",
        "has",
        "had",
        "take",
        "took",
        "taking",
        "attend",
        "attends",
        "attended",
    ]
)

# Nouns that name an event.
NOUN_TRIGGERS: dict[str, str] = {
    "meeting": "meeting",
    "meetings": "meeting",
    "summit": "meeting",
    "summits": "meeting",
    "talks": "talks",
    "negotiations": "talks",
    "negotiation": "talks",
    "visit": "visit",
    "visits": "visit",
    "trip": "visit",
    "attendance": "visit",
    "agreement": "agreement",
    "deal": "agreement",
    "accord": "agreement",
    "treaty": "agreement",
    "seizure": "seizure",
    "annexation": "seizure",
    "occupation": "seizure",
    "deployment": "deployment",
    "attack": "attack",
    "attacks": "attack",
    "strike": "attack",
    "strikes": "attack",
    "sanctions": "sanction",
    "election": "election",
}

# Kinds that can be one event told two ways ("met" ... "the talks").
KIND_FAMILY = {
    "meeting": "meeting",
    "talks": "meeting",
    "visit": "visit",
    "statement": "statement",
    "agreement": "agreement",
    "seizure": "seizure",
    "deployment": "deployment",
    "attack": "attack",
    "sanction": "sanction",
    "election": "election",
}

# Reporting verbs whose time is that of the report.
REPORTING = frozenset(k for k, v in VERB_TRIGGERS.items() if v == "statement")

PRONOUNS_PERSON = frozenset(["he", "she", "him", "her", "his"])
PRONOUNS_PLURAL = frozenset(["they", "them", "their", "we", "us", "our"])

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}

# "in response", "in reply": the clause continues the time of the sentence before.
CONTINUATION_OPENERS = ("in response", "in reply", "responding", "in return")
