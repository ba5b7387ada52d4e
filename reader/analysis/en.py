"""English cue data: verbs of saying and reporting, frames, titles, organisations.

Kept apart from the rules so the logic stays language-neutral. Lower case unless a name.
"""

from __future__ import annotations

from .cues import Cues

# Word lists read best packed; ruff format would put one word per line.
# fmt: off


def _forms(verbs: str) -> set[str]:
    """-s, -ed and -ing forms of regular verbs ("warn" -> warns, warned, warning); the base
    form is left out because it is so often a noun ("a report", "the answer")."""
    out: set[str] = set()
    for v in verbs.split():
        if v.endswith("e"):
            out |= {v + "s", v + "d", v[:-1] + "ing"}
        elif v.endswith("y") and v[-2] not in "aeiou":
            out |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
        else:
            out |= {v + "s", v + "ed", v + "ing"}
    return out


SAY_VERBS = _forms(
    "add announce argue assert claim comment confirm declare deny explain insist note observe "
    "remark report reply respond reveal state suggest warn stress acknowledge admit "
    "allege contend estimate emphasize emphasise indicate mention predict recall "
    "caution complain concede conclude disclose believe urge maintain testify ask "
    "describe promise vow tweet write demand appeal recommend announce "
    "assure boast joke speculate clarify reiterate theorize theorise"
) | {"said", "says", "say", "saying", "told", "tells", "tell", "wrote", "writes", "written",
     "thinks", "thought", "think", "felt", "feels", "knew", "knows", "spoke", "speaks", "put",
     "added", "noted", "quipped", "shouted", "cried", "answered", "answers", "found", "show",
     "shows", "showed", "shown", "believe", "learned", "learnt", "ruled",
     # base forms that are seldom nouns ("Estimates suggest …", "Critics argue …")
     "suggest", "argue", "insist", "predict", "contend", "admit", "acknowledge", "warn",
     "admitted"}  # (a doubled consonant _forms does not make)
SAY_VERBS |= {"expect", "expects", "expected", "hope", "hopes", "hoped", "rules"}  # "X expects (that) …"
SAY_VERBS -= {"asking", "posted", "posting", "answering", "noting", "stating", "adding", "put",
              "asked", "asks"}
SAY_STRONG = SAY_VERBS
# -ing forms of saying after "with X" ("…, with one critic writing "…"", "with the paper
# reporting that …"): an absolute phrase that quotes X.
SAY_ING = {"saying", "stating", "writing", "adding", "noting", "arguing", "claiming",
           "telling", "reporting", "warning", "explaining", "insisting", "tweeting",
           "posting", "declaring", "commenting", "remarking"}
# Participles that report after the main clause's comma: "The court halted the plans,
# ruling that …" (the subject of the sentence speaks).
REPORT_PARTICIPLES = SAY_ING | {"ruling", "concluding", "finding", "alleging", "announcing",
                                "confirming", "acknowledging", "admitting", "suggesting"}
# Verbs that report only with "that" ("has learned that …"), not with an object.
THAT_ONLY = {"learned", "learnt"}
# Participles that open a sentence as an adverbial, never as reported words.
PARTICIPLE_OPENERS = {"asked", "speaking", "questioned", "pressed", "interviewed", "writing",
                      "responding", "commenting", "citing", "addressing", "reacting"}
PREPOSITIONS = {"in", "at", "by", "from", "on", "of", "with", "to", "for", "into", "as",
                "about", "under", "near"}
# Verbs of thought, finding and saying that open a report inside reported words
# ("said she believed X", "noted the findings show X"): engine._inner_report.
INNER_REPORT = {"believe", "believes", "believed", "think", "thinks", "thought", "feel",
                "feels", "felt", "say", "says", "said", "show", "shows", "showed", "found",
                "finds", "suggest", "suggests", "suggested", "know", "knows", "knew",
                "expect", "expects", "expected", "fear", "fears", "feared", "claim",
                "claims", "claimed"}
# Base forms that are verbs after "and" ("They claimed A and claim B"), nouns elsewhere.
SAY_AFTER_AND = {"claim", "say", "state", "warn", "note", "add", "argue", "insist", "tell",
                 "write", "report", "deny", "admit", "suggest", "believe", "think"}
# Words that cannot be part of a subject noun phrase before "said".
VERBISH = {"have", "has", "had", "is", "are", "was", "were", "be", "been", "will", "would",
           "can", "could", "to", "not", "did", "does", "do", "declined", "refused", "who",
           "which", "that", "should", "may", "might", "must"}
REPORT_VERBS = _forms(
    "warn call urge demand criticize criticise condemn accuse announce deny praise welcome "
    "threaten reject promise pledge vow appeal request propose recommend insist blame mock "
    "defend advise argue dismiss rule applaud slam attack question challenge dispute describe"
) | {"called", "spoke", "sought",
   # base forms that are no nouns: "Doctors warn of …", "Unions condemn …"
   "warn", "urge", "criticize", "criticise", "condemn", "accuse", "threaten", "reject"}
# The last word of no subject: a coordinated verb ("Police arrested and questioned X") or a
# phrase cut short ("started the game with attacking style").
NOT_SUBJECT_LAST = {"and", "or", "but", "with", "of", "for", "to", "in", "on", "at", "by",
                    "from", "as", "into", "the", "a", "an", "his", "her", "its", "their",
                    "our", "two", "three", "several", "many"}
AUXILIARIES = {"has", "have", "had"}
# Finite verbs that tell a clause from a noun phrase after a verb of saying (frames.py):
# "said the plan was dead" reports words, "denied the allegations" does not.
FINITE_WORDS = {"is", "are", "was", "were", "am", "has", "have", "had", "will", "would", "can",
                "could", "may", "might", "must", "should", "shall", "does", "did", "do",
                "be", "been", "cannot", "won't", "it's", "there's", "that's", "he's", "she's",
                "they're", "we're", "i'm"}
IRREGULAR_PAST = {"left", "made", "took", "gave", "went", "came", "got", "felt", "knew",
                  "thought", "said", "told", "saw", "became", "began", "brought", "bought",
                  "caught", "fell", "found", "grew", "held", "kept", "led", "lost", "meant",
                  "met", "paid", "ran", "rose", "sent", "spent", "stood", "taught", "won",
                  "wrote", "built", "broke", "chose", "drove", "hit", "put", "set", "cut",
                  "let", "shot", "spoke", "struck", "sold", "understood", "fled", "sought",
                  "threw", "flew", "drew", "hurt", "shut", "quit", "fought", "sank", "beat"}
PAST_ONLY = {"took", "gave", "went", "came", "knew", "saw", "became", "began", "fell", "grew",
             "ran", "rose", "wrote", "chose", "drove", "spoke", "threw", "flew", "drew", "sank"}
QUANTIFIERS = {"these", "those", "many", "several", "other", "some", "all", "numerous",
               "various", "more", "most", "few", "two", "three", "four", "five", "both", "no"}
# Finite auxiliaries and modals: never the last word of a subject ("The mayor had said").
# Forms of "be" are left out: before a participle they make a passive ("X was told"),
# whose subject is no speaker and which np_before rejects whole.
NOT_SUBJECT_END = {"has", "have", "had", "will", "would", "can", "could", "should", "may",
                   "might", "must", "did", "does", "do"}
PASSIVE_AUX: set[str] = set()
FOCUS_PARTICLES: set[str] = set()
STRONG_REPORT: set[str] = set()
SPEAKER_SUFFIXES = ("spokesman", "spokeswoman", "spokesperson", "police", "government",
                    "officials", "official", "authorities", "court", "experts", "expert",
                    "witnesses", "sources", "ministry", "party", "opposition", "union",
                    "company", "critics", "supporters", "researchers", "scientists", "judge",
                    "lawyers", "lawyer", "prosecutors", "prosecutor", "agency", "department",
                    "minister", "president", "chancellor", "chief", "director", "secretary",
                    "leader", "leaders", "analysts", "residents", "activists", "group",
                    "council", "committee", "commission", "report", "study", "statement",
                    "he", "she", "they", "we", "i",
                    # plural groups of people ("Consumer groups welcomed …")
                    "groups", "unions", "organisations", "organizations", "companies",
                    "reports", "operators", "politicians", "villagers", "fans", "farmers", "parents",
                    "drivers", "pilots", "nurses", "students", "owners", "retailers", "airlines",
                    "economists", "environmentalists", "officers", "lawmakers", "legislators",
                    "senators", "councillors", "councilors", "locals", "families", "survivors",
                    "relatives", "neighbours", "neighbors", "shareholders", "investors",
                    "employers", "employees", "commentators", "observers", "opponents",
                    "members", "campaigners", "protesters", "workers", "doctors", "teachers",
                    "nurses", "parents", "farmers", "economists", "investigators")
PARTICLES_FOR: dict[str, set[str]] = {}
SAY_PARTICLES = {"out", "up", "on", "in"}
SOURCE_BEFORE = {"according"}  # "according to X"
SOURCE_AFTER: set[str] = set()
SOURCE_NOUNS_WITH_SOURCE: set[str] = set()
POSSESSIVES = {"his", "her", "their", "its"}
SOURCE_NOUNS = {"sources", "officials", "reports", "report", "statement", "police"}
ANAPHORIC_SOURCE: set[str] = set()
SUBORDINATORS = {"when", "while", "because", "although", "though", "if", "after", "before",
                 "since", "as", "unless", "whether"}
IMPERSONAL = {"it", "there", "this"}
NEEDS_PARTICLE: set[str] = set()
SO_FRAME = ""
THAT = {"that", "whether", "if", "how", "why", "when", "what"}
HEARSAY: set[str] = set()
NOT_A_FRAME_VERB: set[str] = set()
INTENT_VERBS: set[str] = set()
CLAUSE_GLUE: set[str] = set()
RELATIVES = {"who", "which", "that", "whose", "whom"}
THAT_STRICT: set[str] = set()
NOT_BEFORE_THAT: set[str] = set()
CORRELATE_NOT_SPEECH: tuple[tuple[str, tuple[str, ...]], ...] = ()
KONJ_FORMS: set[str] = set()
# Backshifted verbs that carry reported speech on into the next sentence ("… said the freeze
# would leave a hole. The money would have to come from road repairs.").
BACKSHIFT = {"would", "had"}
KONJ_STEMS: set[str] = set()
PRONOUNS = {"he": "person", "she": "person", "they": "any", "i": "person", "we": "any",
            "it": "other"}
PERSON_PRONOUNS = {"he", "she"}
ADVERBIAL_OPENERS = {"on", "in", "at", "after", "before", "during", "later", "earlier",
                     "with", "without", "despite", "amid", "following", "citing",
                     "speaking", "asked", "when", "while", "yesterday", "today", "also",
                     "however", "meanwhile", "but", "and", "then", "last", "this", "since"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "two", "three", "several",
               "many", "some", "one", "both", "all"}
NP_INNER: set[str] = set()
DEFINITE = {"the"}
NP_LINKERS = {"of", "for", "and", "at"}
STOP_CAPS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "and", "or", "but", "in",
    "on", "at", "after", "before", "for", "with", "by", "from", "to", "of", "as", "this",
    "that", "these", "those", "there", "here", "his", "her", "their", "its", "our", "my",
    "when", "while", "if", "what", "who", "how", "why", "mr", "mrs", "ms", "dr", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "according", "speaking", "also", "however", "meanwhile", "today", "yesterday",
    "so", "since", "although", "though", "no", "yes", "not", "all", "some", "many", "one",
    "us", "me", "him", "them", "is", "was", "are", "were", "be", "has", "have", "had", "will",
    "would", "can", "could", "should", "might", "must", "do", "does", "did",
}
NOUN_SUFFIXES: tuple[str, ...] = ()
ROLE_SUFFIXES = (
    "secretary-general", "secretary", "minister", "president", "chancellor", "spokesman",
    "spokeswoman", "spokesperson", "senator", "governor", "mayor", "chief", "director",
    "chairman", "chairwoman", "chair", "ceo", "ambassador", "general", "commissioner",
    "prosecutor", "judge", "sheriff", "officer", "representative", "rep", "sen", "gov", "king",
    "queen", "pope", "coach", "professor", "leader", "head", "premier", "envoy", "manager",
    "founder", "analyst", "lawyer", "attorney", "inspector", "captain", "colonel", "lieutenant",
    "sergeant", "detective", "researcher", "scientist", "author", "editor", "correspondent",
    "mep", "mp",
)
ROLE_PREFIX_WORDS = {"deputy", "vice", "former", "acting", "foreign", "prime", "defence",
                     "defense", "interior", "finance", "state", "assistant", "chief", "senior",
                     "white", "house", "u.s.", "us", "nato", "un", "eu"}
BETWEEN_SUBJECT_AND_VERB = {"have", "has", "had", "also", "previously", "later", "then",
                            "repeatedly", "would", "will", "could", "did", "does", "do", "not",
                            "long",
                            "never", "publicly", "reportedly", "initially", "recently", "once", "further", "again", "already", "only"}
LEADING = {"but", "and", "however", "meanwhile", "also", "still", "yet", "so", "now", "later",
           "earlier", "separately"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady"}
REGIONS = {"Africa", "Asia", "Latin America", "Middle East", "Balkans",
           "Caucasus", "California", "Texas", "Florida", "Gaza", "West Bank", "Crimea",
           "Donbas", "Siberia", "Scotland", "Wales", "Catalonia", "Kashmir", "Tibet"}
COMMON_ADJECTIVES = {"new", "higher", "further", "more", "many", "several", "both", "other",
                     "most", "some", "all"}
ORGS = {
    "NATO": "NATO", "Nato": "NATO", "EU": "EU", "European Union": "EU", "UN": "UN",
    "United Nations": "UN", "Kremlin": "Kremlin", "White House": "White House",
    "Pentagon": "Pentagon", "Congress": "Congress", "Senate": "Senate", "Parliament":
    "Parliament", "Bundestag": "Bundestag", "WHO": "WHO", "FBI": "FBI", "CIA": "CIA",
    "Security Council": "Security Council", "OSCE": "OSCE", "IMF": "IMF", "NASA": "NASA",
    "Reuters": "Reuters", "BBC": "BBC", "police": None,
}
ORG_SUFFIXES = ("Council", "Ministry", "Department", "Agency", "Committee", "Commission",
                "Party", "Court", "Bank", "Institute", "University", "Association", "Union",
                "Inc.", "Corp.", "Ltd", "Foundation", "Office", "Organization", "Organisation",
                "Service", "Authority", "Board", "Times", "Post", "News", "Group")
# Last (or first) words that make a run of capitalised words an organisation.
ORG_HEADS = {"Forum", "Council", "Ministry", "Department", "Agency", "Committee", "Commission", "Party",
             "Court", "Bank", "Institute", "University", "Association", "Union", "Foundation",
             "Office", "Organization", "Organisation", "Service", "Authority", "Board", "Times",
             "Post", "News", "Group", "Programme", "Program", "Assembly", "Fund", "Corporation",
             "Company", "Inc", "Corp", "Ltd", "Parliament", "Congress", "Senate", "Network", "Press", "Journal", "Herald", "Tribune", "Guardian", "Federation",
             "Alliance", "Coalition", "League", "Society", "Centre", "Center", "School", "Police",
             "Army", "Navy", "Force", "Forces", "Club", "Airlines", "Motors", "Systems",
             "Europe", "International", "Watch"}
# Last words that make a run a law, treaty or plan: an actor of type "other".
OTHER_HEADS = {"Act", "Treaty", "Accord", "Agreement", "Convention", "Protocol", "Plan", "Bill"}
# Acronyms that name things, not organisations.
NOT_ORG_ACRONYMS = {"AI", "CEO", "GDP", "TV", "PC", "IT", "PR", "HIV", "AIDS", "DNA", "COVID",
                    "MEP", "MP", "OK", "AM", "PM", "CO", "USD", "EUR"}
# First words of place names that look like personal names ("San Francisco").
PLACE_FIRST = {"San", "Santa", "Los", "Las", "New", "Saint", "St", "Fort", "Port", "Lake",
               "Mount", "North", "South", "East", "West", "Hong", "Rio", "Buenos", "Abu", "Tel"}
ORG_WORD_SUFFIXES = (" Inc.", " Corp.", " Ltd", " LLC")
TERM_CUES = {"magazine", "newspaper", "film", "movie", "book", "novel", "operation", "project",
             "program", "programme", "titled", "entitled", "named", "called", "so-called",
             "show", "series", "song", "album", "ship", "mission", "codenamed", "dubbed",
             "campaign", "brand", "game", "app", "model", "term", "word", "slogan", "motto"}
TERM_SUFFIXES = ("magazine", "newspaper", "film", "movie", "book", "novel", "album", "song",
                 "show", "series", "program", "programme", "operation", "project", "titled",
                 "entitled", "named", "dubbed", "ship", "party", "group", "campaign")
LABEL_CUES = {"called", "calls", "call", "described", "describes", "as", "labelled",
              "labeled", "termed", "dubbed"}
SPEECH_OPENERS = {"i", "we", "you", "it", "this", "no", "yes"}
NEGATIVE_DETERMINERS = {"no"}
# The preposition before the agent of a passive ("wurde von X kritisiert").
AGENT_PREPOSITIONS = {"by"}
# Negations that cancel a reported speech act ("gab … nicht bekannt").
NEGATIONS = {"not", "never", "no"}
OPINION_FOR: set[str] = set()  # English "for X, Y is …" is too rare to rule on
COPULAS = {"is", "was", "are", "were"}
LABEL_ARTICLES = {"a", "an"}
# Verbs that give something a status or a name, not words: "known as „The Rock“".
STATUS_AS_VERBS = {"known", "serves", "served", "serve", "acts", "acted", "billed", "branded",
                   "marketed", "ranked", "listed", "classified", "registered", "dubbed"}
LABEL_VERBS = {"called", "calls", "described", "describes", "labelled", "labeled", "termed",
               "dubbed", "branded", "chanted"}
FUNCTION_WORDS = {"the", "and", "of", "to", "is", "that", "was", "for", "it", "with",
                  "he", "on", "as", "said", "by", "his", "at", "be", "are", "were", "has",
                  "have", "she", "they", "this", "from", "we", "not", "would", "will", "an"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
          "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "vs", "etc", "inc",
                 "corp", "ltd", "co", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt",
                 "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "jan", "feb", "aug",
                 "sept", "oct", "nov", "dec"}

# A medium quoting a person (relay.py): "The BBC quoted him as saying", "X was quoted by Y".
RELAY_VERBS = {"quoted"}
RELAY_AUX = {"was", "were", "is", "are"}
RELAY_AGENT = {"by"}
RELAY_PLACE = {"in", "on"}
RELAY_OBJECTS = {"him", "her"}

# Actors (actors.py): "Institute of Global Health", "Federation of Vaccine Makers".
ORG_LINKS = {"of", "for"}
# A capitalised run right before one of these is an adjective ("Latin American countries").
GROUP_NOUNS = {"countries", "nations", "states", "governments", "officials", "leaders",
               "troops", "forces", "companies", "firms", "banks", "diplomats", "negotiators",
               "citizens", "voters", "members", "markets", "authorities", "lawmakers",
               "ministers", "allies", "partners", "producers", "manufacturers", "exporters"}
THIS_SUBJECTS = frozenset({"this"})
PRONOUN_SUBJECTS: frozenset[str] = frozenset()
EMERGE_VERBS: frozenset[str] = frozenset()
FIRST_PERSON = frozenset({"i", "we"})
PERFECT_AUX: frozenset[str] = frozenset()
EMERGE_PARTICLE = ""
EMERGE_FROM = ""

FOUND_VERBS: frozenset[str] = frozenset({"found", "finds"})
WHETHER: frozenset[str] = frozenset({"whether"})

BECAME_PUBLIC: frozenset[str] = frozenset()

INFLECTED_ENDINGS: tuple[str, ...] = ()

ADJECTIVE_ENDINGS: tuple[str, ...] = ()

ADVERB_ENDINGS: tuple[str, ...] = ("ly",)

NOT_CONTENT: frozenset[str] = frozenset()

ZU: frozenset[str] = frozenset()

ZU_INFINITIVE: str = ""

OF_SPEAKER: frozenset[str] = frozenset()

PURPOSE_OPENERS: frozenset[str] = frozenset()

REFLEXIVE: frozenset[str] = frozenset()

SAID_IT_VERBS: frozenset[str] = frozenset()

EXPLETIVE: frozenset[str] = frozenset({"it"})

AS_WORDS: frozenset[str] = frozenset({"as"})

NOT_A_LIST_END: frozenset[str] = frozenset({"of", "about", "against", "for"})

AND_OR: frozenset[str] = frozenset({"and", "or"})

ACCORDING: str = "according"

SOURCE_NACH: str = ""

OWN_POSSESSIVES: frozenset[str] = frozenset()

SOURCE_OF: frozenset[str] = frozenset()

VIEW_FROM: str = ""

VIEW_NOUN: str = ""

FOLGE: str = ""

SOURCE_NP_ENDINGS: tuple[str, ...] = ()

FROM_DATE: frozenset[str] = frozenset()

LEAD_CONJUNCTIONS: frozenset[str] = frozenset({"and", "but"})

SICH_PREPOSITIONS: frozenset[str] = frozenset()

LOOSE_AS_SOURCE: bool = False

AS_TOLD_OBJECT: bool = True

APPOSITION_OPENERS: frozenset[str] = frozenset({"a", "an"})

APPOSITION_LINKS: frozenset[str] = frozenset({"of", "at", "for"})

REPORT_REACH: int = 12

REPORTING_PRONOUNS: frozenset[str] = frozenset({"it", "they"})

NOT_REPORT_RELATIVES: frozenset[str] = frozenset({"which", "that", "whose", "whom"})

ACT_PARTICLES: frozenset[str] = frozenset({"of", "about", "against", "for", "on", "with", "to", "up", "out"})

ING_ENDING: str = "ing"

TELL_VERBS: frozenset[str] = frozenset({"told", "tells", "tell"})

THAT_WORD: str = "that"

TIME_SKIP: frozenset[str] = frozenset({"on", "yesterday", "today", "in", "last"})

NO_CLAUSE_AFTER: frozenset[str] = frozenset({"as", "at", "of", "about", "with", "into", "near", "under"})

NOUNS_CAPITALISED: bool = False

ANY_VERB_AFTER_QUOTE: bool = False

SHORT_QUOTES_ARE_TERMS: bool = True

STOP_IN_MARKS_ENDS_SENTENCE: bool = True

AS_STATUS: frozenset[str] = frozenset({"as"})

SOURCE_RELATIVES: frozenset[str] = frozenset({"who", "which", "whose", "whom"})

SOURCE_CLAUSE_ANY_COMMA: bool = False


VERB_FINAL_CLAUSES: bool = False

AT_TIME: str = ""

O_CLOCK: str = ""

AS_NOUN_OPENER: str = ""

CONTRACTED_ARTICLES: frozenset[str] = frozenset()

NOT_RELATIVE_HEADS: frozenset[str] = frozenset()

OBJECT_PRONOUNS: frozenset[str] = frozenset()

OBLIQUE_ARTICLES: frozenset[str] = frozenset()

SUBJECT_ONLY_PRONOUNS: frozenset[str] = frozenset()

NO_SUBJECT_AFTER: frozenset[str] = frozenset()

NOT_FRAME_VERB_WORDS: frozenset[str] = frozenset({"as"})

NOT_FINITE_AFTER_NOUN: frozenset[str] = frozenset({"be", "been"})

VERB_PREFIXES: str = ""

CONTINUING_WORDS: frozenset[str] = frozenset()

WO_WORDS: str = ""

ROLE_ACTORS: bool = False

FEMININE_ENDINGS: tuple[str, ...] = ()

OFFICIAL_TITLES: tuple[str, ...] = ()

GENITIVE_ARTICLES: frozenset[str] = frozenset({"of"})

QUANTITY_WORDS: frozenset[str] = frozenset({"millions", "billions", "trillions", "thousands", "hundreds", "percent", "tonnes", "tons"})

NUMBER_WORDS: frozenset[str] = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "hundred", "thousand", "some", "several", "many"})

PERSON_NOUN_ENDINGS: tuple[str, ...] = ()

COUNT_NOUNS: tuple[str, ...] = ()

NOBODY: frozenset[str] = frozenset({"nobody", "no", "none", "nothing"})

STATEMENT_NOUNS: tuple[str, ...] = ()

ES_SOURCE_PREPOSITIONS: frozenset[str] = frozenset()

WEEKDAYS: frozenset[str] = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

TIME_NOUNS: frozenset[str] = frozenset({"week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "summer", "winter", "spring", "autumn", "fall", "day"})

TIME_DEICTIC: frozenset[str] = frozenset({"last", "this", "next", "earlier", "later"})

TIME_ADVERBS: frozenset[str] = frozenset({"yesterday", "today", "tonight", "earlier", "later", "again", "also", "previously", "recently"})

DATE_PREPOSITIONS: frozenset[str] = frozenset({"on"})

PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "during", "after", "before"})

HEADLINE_SAY: frozenset[str] = frozenset({"says", "say", "warns", "warn", "claims", "claim", "insists", "insist", "admits", "admit", "denies", "deny", "reports", "report", "confirms", "confirm"})

OPINION_VERBS: frozenset[str] = frozenset({"think", "thought", "suspect", "suspected", "believe", "guess", "feel", "felt", "reckon", "hope", "expect"})

TITLE_SMALL_WORDS: frozenset[str] = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "from", "with", "by", "vs", "part", "is", "are"})

AND: frozenset[str] = frozenset({"and"})

WONACH: frozenset[str] = frozenset()

NACH_DENEN: tuple[str, ...] = ()

NOT_WHETHER_PARTICIPLE: frozenset[str] = frozenset()

PASSIVE_PARTICIPLE_AUX: frozenset[str] = frozenset()

PAST_ENDINGS: tuple[str, ...] = ()

PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "we"})

INDEFINITE: frozenset[str] = frozenset({"a", "an", "one"})

EMPTY_SUBJECTS: frozenset[str] = frozenset()

LOCATIVE: frozenset[str] = frozenset({"in", "from", "to", "at", "into", "near", "via"})


EN = Cues(
    lang="en",
    ABBREVIATIONS=frozenset(ABBREVIATIONS),
    ADVERBIAL_OPENERS=frozenset(ADVERBIAL_OPENERS),
    AFFILIATION=frozenset(),
    AGENT_PREPOSITIONS=frozenset(AGENT_PREPOSITIONS),
    ANAPHORIC_SOURCE=frozenset(ANAPHORIC_SOURCE),
    AUXILIARIES=frozenset(AUXILIARIES),
    BACKSHIFT=frozenset(BACKSHIFT),
    BETWEEN_SUBJECT_AND_VERB=frozenset(BETWEEN_SUBJECT_AND_VERB),
    CLAUSE_GLUE=frozenset(CLAUSE_GLUE),
    COMMON_ADJECTIVES=frozenset(COMMON_ADJECTIVES),
    CONTRAST_OPENERS=frozenset(),
    COPULAS=frozenset(COPULAS),
    DANACH=frozenset(),
    DEFINITE=frozenset(DEFINITE),
    DEGREE_WORDS=frozenset(),
    DEMONSTRATIVE_OBJECTS=frozenset(),
    DETERMINERS=frozenset(DETERMINERS),
    DOCUMENT_NOUNS=(),
    DOCUMENT_PLACES=frozenset(),
    FINITE_AUX=frozenset(),
    FINITE_WORDS=frozenset(FINITE_WORDS),
    FOCUS_PARTICLES=frozenset(FOCUS_PARTICLES),
    FUNCTION_WORDS=frozenset(FUNCTION_WORDS),
    GROUP_NOUNS=frozenset(GROUP_NOUNS),
    HEARSAY=frozenset(HEARSAY),
    HEARSAY_IF=frozenset(),
    HONORIFICS=frozenset(HONORIFICS),
    IMPERSONAL=frozenset(IMPERSONAL),
    INNER_REPORT=frozenset(INNER_REPORT),
    INTENT_VERBS=frozenset(INTENT_VERBS),
    IRREGULAR_PAST=frozenset(IRREGULAR_PAST),
    PAST_ONLY=frozenset(PAST_ONLY),
    KONJ_FORMS=frozenset(KONJ_FORMS),
    KONJ_STEMS=frozenset(KONJ_STEMS),
    KONJ_TWO=frozenset(),
    LABEL_ARTICLES=frozenset(LABEL_ARTICLES),
    LABEL_CUES=frozenset(LABEL_CUES),
    LABEL_VERBS=frozenset(LABEL_VERBS),
    LEADING=frozenset(LEADING),
    MID_SOURCE=frozenset(),
    MONTHS=frozenset(MONTHS),
    NAMING_VERBS=frozenset(),
    NEEDS_PARTICLE=frozenset(NEEDS_PARTICLE),
    NEGATIONS=frozenset(NEGATIONS),
    DENIAL_PARTICLES=frozenset(),
    NEGATIVE_DETERMINERS=frozenset(NEGATIVE_DETERMINERS),
    NOT_A_FRAME_VERB=frozenset(NOT_A_FRAME_VERB),
    NOT_BEFORE_THAT=frozenset(NOT_BEFORE_THAT),
    CORRELATE_NOT_SPEECH=CORRELATE_NOT_SPEECH,
    NOT_ORG_ACRONYMS=frozenset(NOT_ORG_ACRONYMS),
    NOT_REFLEXIVE=frozenset(),
    NOT_SUBJECT_END=frozenset(NOT_SUBJECT_END),
    NOT_SUBJECT_LAST=frozenset(NOT_SUBJECT_LAST),
    NOUN_SUFFIXES=NOUN_SUFFIXES,
    NP_INNER=frozenset(NP_INNER),
    NP_LINKERS=frozenset(NP_LINKERS),
    NP_PREPOSITIONS=frozenset(),
    OPINION_FOR=frozenset(OPINION_FOR),
    ORGS=ORGS,
    ORG_HEADS=frozenset(ORG_HEADS),
    ORG_LINKS=frozenset(ORG_LINKS),
    ORG_SUFFIXES=ORG_SUFFIXES,
    ORG_WORD_SUFFIXES=ORG_WORD_SUFFIXES,
    OTHER_HEADS=frozenset(OTHER_HEADS),
    PARTICIPLE_OPENERS=frozenset(PARTICIPLE_OPENERS),
    PARTICLES_FOR={k: frozenset(v) for k, v in PARTICLES_FOR.items()},
    PASSIVE_AUX=frozenset(PASSIVE_AUX),
    PASSIVE_REPORT=frozenset(),
    PASSIVE_REPORT_AUX=frozenset(),
    PERSON_PRONOUNS=frozenset(PERSON_PRONOUNS),
    PLACE_FIRST=frozenset(PLACE_FIRST),
    PLUPERFECT_AUX=frozenset(),
    POSSESSIVES=frozenset(POSSESSIVES),
    PREPOSITIONS=frozenset(PREPOSITIONS),
    PRONOUNS=PRONOUNS,
    QUANTIFIERS=frozenset(QUANTIFIERS),
    REFLEXIVE_ONLY=frozenset(),
    REACTION_VERBS=frozenset(),
    REGIONS=frozenset(REGIONS),
    RELATIVES=frozenset(RELATIVES),
    ADVERBIAL_RELATIVES=frozenset(),
    RELAY_AGENT=frozenset(RELAY_AGENT),
    RELAY_AUX=frozenset(RELAY_AUX),
    RELAY_OBJECTS=frozenset(RELAY_OBJECTS),
    RELAY_PLACE=frozenset(RELAY_PLACE),
    RELAY_VERBS=frozenset(RELAY_VERBS),
    REPORT_NOT_PARTICLES={},
    REPORT_PARTICIPLES=frozenset(REPORT_PARTICIPLES),
    REPORT_VERBS=frozenset(REPORT_VERBS),
    ROLE_PREFIX_WORDS=frozenset(ROLE_PREFIX_WORDS),
    ROLE_SUFFIXES=ROLE_SUFFIXES,
    SAY_AFTER_AND=frozenset(SAY_AFTER_AND),
    SAY_ING=frozenset(SAY_ING),
    SAY_PARTICLES=frozenset(SAY_PARTICLES),
    SAY_STRONG=frozenset(SAY_STRONG),
    SAY_VERBS=frozenset(SAY_VERBS),
    SENTENCE_MARKERS=frozenset(),
    SENTENCE_VERBS=frozenset(),
    SOURCE_AFTER=frozenset(SOURCE_AFTER),
    SOURCE_BEFORE=frozenset(SOURCE_BEFORE),
    SOURCE_NOUNS=frozenset(SOURCE_NOUNS),
    SOURCE_NOUNS_WITH_SOURCE=frozenset(SOURCE_NOUNS_WITH_SOURCE),
    SO_FRAME=SO_FRAME,
    SPEAKER_SUFFIXES=SPEAKER_SUFFIXES,
    SPEECH_NOUNS=(),
    SPEECH_OPENERS=frozenset(SPEECH_OPENERS),
    SPEAKER_WORDS=frozenset(),
    STATED_PASSIVE=frozenset(),
    STATUS_AS_VERBS=frozenset(STATUS_AS_VERBS),
    STOP_CAPS=frozenset(STOP_CAPS),
    STRONG_REPORT=frozenset(STRONG_REPORT),
    SUBORDINATORS=frozenset(SUBORDINATORS),
    TERM_CUES=frozenset(TERM_CUES),
    TERM_SUFFIXES=TERM_SUFFIXES,
    THAT=frozenset(THAT),
    THAT_ONLY=frozenset(THAT_ONLY),
    THAT_STRICT=frozenset(THAT_STRICT),
    TIME_BEFORE_NACH=frozenset(),
    VERBISH=frozenset(VERBISH),
    WIE_AUX=frozenset(),
    WIE_VERBS=frozenset(),
    THIS_SUBJECTS=THIS_SUBJECTS,
    PRONOUN_SUBJECTS=PRONOUN_SUBJECTS,
    EMERGE_VERBS=EMERGE_VERBS,
    FIRST_PERSON=FIRST_PERSON,
    FIRST_SINGULAR=frozenset({"i"}),
    PERFECT_AUX=PERFECT_AUX,
    EMERGE_PARTICLE=EMERGE_PARTICLE,
    EMERGE_FROM=EMERGE_FROM,
    FOUND_VERBS=FOUND_VERBS,
    WHETHER=WHETHER,
    BECAME_PUBLIC=BECAME_PUBLIC,
    INFLECTED_ENDINGS=INFLECTED_ENDINGS,
    ADJECTIVE_ENDINGS=ADJECTIVE_ENDINGS,
    ADVERB_ENDINGS=ADVERB_ENDINGS,
    NOT_CONTENT=NOT_CONTENT,
    ZU=ZU,
    ZU_INFINITIVE=ZU_INFINITIVE,
    OF_SPEAKER=OF_SPEAKER,
    PURPOSE_OPENERS=PURPOSE_OPENERS,
    REFLEXIVE=REFLEXIVE,
    SAID_IT_VERBS=SAID_IT_VERBS,
    EXPLETIVE=EXPLETIVE,
    AS_WORDS=AS_WORDS,
    NOT_A_LIST_END=NOT_A_LIST_END,
    AND_OR=AND_OR,
    ACCORDING=ACCORDING,
    SOURCE_NACH=SOURCE_NACH,
    OWN_POSSESSIVES=OWN_POSSESSIVES,
    SOURCE_OF=SOURCE_OF,
    VIEW_FROM=VIEW_FROM,
    VIEW_NOUN=VIEW_NOUN,
    FOLGE=FOLGE,
    SOURCE_NP_ENDINGS=SOURCE_NP_ENDINGS,
    FROM_DATE=FROM_DATE,
    LEAD_CONJUNCTIONS=LEAD_CONJUNCTIONS,
    SICH_PREPOSITIONS=SICH_PREPOSITIONS,
    LOOSE_AS_SOURCE=LOOSE_AS_SOURCE,
    AS_TOLD_OBJECT=AS_TOLD_OBJECT,
    APPOSITION_OPENERS=APPOSITION_OPENERS,
    APPOSITION_LINKS=APPOSITION_LINKS,
    REPORT_REACH=REPORT_REACH,
    REPORTING_PRONOUNS=REPORTING_PRONOUNS,
    NOT_REPORT_RELATIVES=NOT_REPORT_RELATIVES,
    ACT_PARTICLES=ACT_PARTICLES,
    ING_ENDING=ING_ENDING,
    TELL_VERBS=TELL_VERBS,
    THAT_WORD=THAT_WORD,
    TIME_SKIP=TIME_SKIP,
    NO_CLAUSE_AFTER=NO_CLAUSE_AFTER,
    NOUNS_CAPITALISED=NOUNS_CAPITALISED,
    ANY_VERB_AFTER_QUOTE=ANY_VERB_AFTER_QUOTE,
    SHORT_QUOTES_ARE_TERMS=SHORT_QUOTES_ARE_TERMS,
    STOP_IN_MARKS_ENDS_SENTENCE=STOP_IN_MARKS_ENDS_SENTENCE,
    AS_STATUS=AS_STATUS,
    SOURCE_RELATIVES=SOURCE_RELATIVES,
    SOURCE_CLAUSE_ANY_COMMA=SOURCE_CLAUSE_ANY_COMMA,
    VERB_FINAL_CLAUSES=VERB_FINAL_CLAUSES,
    AT_TIME=AT_TIME,
    O_CLOCK=O_CLOCK,
    AS_NOUN_OPENER=AS_NOUN_OPENER,
    CONTRACTED_ARTICLES=CONTRACTED_ARTICLES,
    NOT_RELATIVE_HEADS=NOT_RELATIVE_HEADS,
    NO_SUBJECT_AFTER=NO_SUBJECT_AFTER,
    SUBJECT_ONLY_PRONOUNS=SUBJECT_ONLY_PRONOUNS,
    OBLIQUE_ARTICLES=OBLIQUE_ARTICLES,
    OBJECT_PRONOUNS=OBJECT_PRONOUNS,
    NOT_FRAME_VERB_WORDS=NOT_FRAME_VERB_WORDS,
    NOT_FINITE_AFTER_NOUN=NOT_FINITE_AFTER_NOUN,
    VERB_PREFIXES=VERB_PREFIXES,
    CONTINUING_WORDS=CONTINUING_WORDS,
    WO_WORDS=WO_WORDS,
    ROLE_ACTORS=ROLE_ACTORS,
    FEMININE_ENDINGS=FEMININE_ENDINGS,
    OFFICIAL_TITLES=OFFICIAL_TITLES,
    GENITIVE_ARTICLES=GENITIVE_ARTICLES,
    GENITIVE_INDEFINITE=frozenset(),
    QUANTITY_WORDS=QUANTITY_WORDS,
    NUMBER_WORDS=NUMBER_WORDS,
    PERSON_NOUN_ENDINGS=PERSON_NOUN_ENDINGS,
    COUNT_NOUNS=COUNT_NOUNS,
    NOBODY=NOBODY,
    STATEMENT_NOUNS=STATEMENT_NOUNS,
    ES_SOURCE_PREPOSITIONS=ES_SOURCE_PREPOSITIONS,
    WEEKDAYS=WEEKDAYS,
    TIME_NOUNS=TIME_NOUNS,
    TIME_DEICTIC=TIME_DEICTIC,
    TIME_ADVERBS=TIME_ADVERBS,
    DATE_PREPOSITIONS=DATE_PREPOSITIONS,
    PLACE_PREPOSITIONS=PLACE_PREPOSITIONS,
    HEADLINE_SAY=HEADLINE_SAY,
    OPINION_VERBS=OPINION_VERBS,
    TITLE_SMALL_WORDS=TITLE_SMALL_WORDS,
    AND=AND,
    WONACH=WONACH,
    NACH_DENEN=NACH_DENEN,
    NOT_WHETHER_PARTICIPLE=NOT_WHETHER_PARTICIPLE,
    PASSIVE_PARTICIPLE_AUX=PASSIVE_PARTICIPLE_AUX,
    PAST_ENDINGS=PAST_ENDINGS,
    PLURAL_PRONOUNS=PLURAL_PRONOUNS,
    INDEFINITE=INDEFINITE,
    EMPTY_SUBJECTS=EMPTY_SUBJECTS,
    IT_SAYS_VERBS=frozenset(),
    IT_SAYS_FILLERS=frozenset(),
    IT_SAYS_PREPOSITIONS=frozenset(),
    LOCATIVE=LOCATIVE,
    WISH_VERBS=frozenset(),
    MODAL_KONJ_TWO=frozenset(),
)
