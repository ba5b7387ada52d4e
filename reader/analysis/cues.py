"""The cue words of one language as typed data: one frozen dataclass, every field declared,
instantiated as ``DE`` (de.py) and ``EN`` (en.py). Rules and helpers read only these fields;
a field a language does not use is empty there, never missing (so no ``getattr`` fallbacks).

Sets are frozensets, maps are read-only ``Mapping``s; ``lang`` names the language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: DE, EN
class Cues:
    """Every cue list the analysis reads, for one language (see de.py and en.py for the words)."""

    lang: str
    ABBREVIATIONS: frozenset[str]
    # Words that open a clause-initial adverbial: the subject then follows the verb.
    ADVERBIAL_OPENERS: frozenset[str]
    # "X vom Institut für Y sagte": X speaks
    AFFILIATION: frozenset[str]
    # The preposition before the agent of a passive ("wurde von X kritisiert").
    AGENT_PREPOSITIONS: frozenset[str]
    ANAPHORIC_SOURCE: frozenset[str]
    AUXILIARIES: frozenset[str]
    # German continues with Konjunktiv (KONJ_FORMS)
    BACKSHIFT: frozenset[str]
    BETWEEN_SUBJECT_AND_VERB: frozenset[str]
    # Words after a comma that keep the reported clause going.
    CLAUSE_GLUE: frozenset[str]
    COMMON_ADJECTIVES: frozenset[str]
    # Words that open a new main clause after a comma ("…, jedoch ist laut X unklar").
    CONTRAST_OPENERS: frozenset[str]
    COPULAS: frozenset[str]
    # "Danach" opens a source sentence only after a sentence that names a document or a count
    # ("Die Bank veröffentlichte Quartalszahlen. Danach verzeichnet …"); else it means "then".
    DANACH: frozenset[str]
    DEFINITE: frozenset[str]
    # Degree words before a comma make the "dass" clause after it a result ("so heftig, dass").
    DEGREE_WORDS: frozenset[str]
    # A demonstrative object of a report verb points to words told before ("X bestätigte dies").
    DEMONSTRATIVE_OBJECTS: frozenset[str]
    DETERMINERS: frozenset[str]
    DOCUMENT_NOUNS: tuple[str, ...]
    # the prepositions before a document a passive sentence reports from ("im Bericht")
    DOCUMENT_PLACES: frozenset[str]
    # Indicative finite auxiliaries and modals: right after a comma they open a main clause.
    FINITE_AUX: frozenset[str]
    # Finite verbs that tell a clause from a noun phrase after a verb of saying (frames.py): "said
    # the plan was dead" reports words, "denied the allegations" does not.
    FINITE_WORDS: frozenset[str]
    FOCUS_PARTICLES: frozenset[str]
    FUNCTION_WORDS: frozenset[str]
    # German adjectives before a noun are lower case
    GROUP_NOUNS: frozenset[str]
    # reportative modal: "Der Täter soll … gefeuert haben"
    HEARSAY: frozenset[str]
    # The same modal opening a condition ("Sollte der Antrag scheitern, …").
    HEARSAY_IF: frozenset[str]
    HONORIFICS: frozenset[str]
    IMPERSONAL: frozenset[str]
    # Verbs of thought, finding and saying that open a report inside reported words ("said she
    # believed X", "noted the findings show X"): engine._inner_report.
    INNER_REPORT: frozenset[str]
    # Verbs that announce, decide or demand an act given as a zu-infinitive.
    INTENT_VERBS: frozenset[str]
    IRREGULAR_PAST: frozenset[str]
    # Simple past forms that are never participles or adjectives ("took", "went"): right after
    # a verb of saying they show it sits in a relative clause ("the people X observed took …").
    PAST_ONLY: frozenset[str]
    # Konjunktiv I: unambiguous forms plus stems whose 3rd person singular is stem + "e".
    KONJ_FORMS: frozenset[str]
    KONJ_STEMS: frozenset[str]
    # Konjunktiv II forms: hypothetical as often as reported ("die ausreichen würde").
    KONJ_TWO: frozenset[str]
    LABEL_ARTICLES: frozenset[str]
    # Verbs that frame a quoted label as someone's words ("nannte ihn „fahrlässig“").
    LABEL_CUES: frozenset[str]
    LABEL_VERBS: frozenset[str]
    LEADING: frozenset[str]
    MID_SOURCE: frozenset[str]
    MONTHS: frozenset[str]
    # Verbs that give a name or label: with the label in quote marks the marked words are the
    # quotation ("X nannte den Plan „Wortbruch“"), not the whole sentence.
    NAMING_VERBS: frozenset[str]
    # Verbs that say something only together with a particle ("gab … bekannt", "teilte … mit").
    NEEDS_PARTICLE: frozenset[str]
    # Negations that cancel a reported speech act ("gab … nicht bekannt").
    NEGATIONS: frozenset[str]
    # Particles of verbs that deny: negated, they affirm ("schloss nicht aus, dass …").
    DENIAL_PARTICLES: frozenset[str]
    NEGATIVE_DETERMINERS: frozenset[str]
    # Words right after a closing quote mark that do not frame it.
    NOT_A_FRAME_VERB: frozenset[str]
    # A "dass" after these is not reported content ("so dass", "ist es wichtig, dass").
    NOT_BEFORE_THAT: frozenset[str]
    # A pronominal adverb with the verb stems that make its "dass" a cause or result, not
    # anybody's words ("führte dazu, dass", "deutet darauf hin, dass", "sorgte dafür, dass").
    CORRELATE_NOT_SPEECH: tuple[tuple[str, tuple[str, ...]], ...]
    # Acronyms that name things, not organisations.
    NOT_ORG_ACRONYMS: frozenset[str]
    # Report verbs that mean something else with "sich": "sieht sich … konfrontiert".
    NOT_REFLEXIVE: frozenset[str]
    # Finite auxiliaries and modals (indicative and Konjunktiv): a verb, never the last word of a
    # subject ("Die Sprecherin Eva Roth hatte betont": the speaker is "Die Sprecherin Eva Roth").
    NOT_SUBJECT_END: frozenset[str]
    # The last word of no subject: a coordinated verb ("Police arrested and questioned X") or a
    # phrase cut short ("started the game with attacking style").
    NOT_SUBJECT_LAST: frozenset[str]
    NOUN_SUFFIXES: tuple[str, ...]
    NP_INNER: frozenset[str]
    NP_LINKERS: frozenset[str]
    # Prepositions inside a noun phrase ("der Direktor der Mission im Kongo", "der Mann hinter
    # X").
    NP_PREPOSITIONS: frozenset[str]
    # "Für X ist Y „…“": the holder of a quoted view, with these copulas.
    OPINION_FOR: frozenset[str]
    ORGS: Mapping[str, str | None]
    # Last (or first) words that make a run of capitalised words an organisation.
    ORG_HEADS: frozenset[str]
    # Actors (actors.py): "Institut für Weltwirtschaft", "Bundesamt für Migration".
    ORG_LINKS: frozenset[str]
    ORG_SUFFIXES: tuple[str, ...]
    ORG_WORD_SUFFIXES: tuple[str, ...]
    # Last words that make a run a law, treaty or plan: an actor of type "other".
    OTHER_HEADS: frozenset[str]
    # Participles that open a sentence as an adverbial, never as reported words.
    PARTICIPLE_OPENERS: frozenset[str]
    PARTICLES_FOR: Mapping[str, frozenset[str]]
    PASSIVE_AUX: frozenset[str]
    # Participles that make an agentless passive report what follows its comma ("Im April wurde
    # bekannt, dass …", "Es wird erwartet, dass …", "Als Grund wurde angegeben, es werde …").
    PASSIVE_REPORT: frozenset[str]
    # Auxiliaries of such a passive ("wurde", "war … worden", "ist … geworden").
    PASSIVE_REPORT_AUX: frozenset[str]
    PERSON_PRONOUNS: frozenset[str]
    # First words of place names that look like personal names ("San Francisco").
    PLACE_FIRST: frozenset[str]
    # The pluperfect tells earlier events as background ("Küng hatte zuvor … kritisiert").
    PLUPERFECT_AUX: frozenset[str]
    POSSESSIVES: frozenset[str]
    PREPOSITIONS: frozenset[str]
    # Pronouns that can stand for a speaker.
    PRONOUNS: Mapping[str, str]
    QUANTIFIERS: frozenset[str]
    # Report verbs that, used reflexively, tell only that someone spoke ("äußerte sich zu X").
    REFLEXIVE_ONLY: frozenset[str]
    # Verbs of reaction (praise, welcome) that tell a stance, not words: their subject spoke,
    # but the sentence is no quotation of its own ("X begrüßte die Entscheidung").
    REACTION_VERBS: frozenset[str]
    # Organisations known by name; compounds ending in ORG_SUFFIXES are organisations too. Regions
    # and continents: places, never people.
    REGIONS: frozenset[str]
    RELATIVES: frozenset[str]
    # Words that open a clause about the circumstances, not a content ("wobei", "zumal").
    ADVERBIAL_RELATIVES: frozenset[str]
    RELAY_AGENT: frozenset[str]
    RELAY_AUX: frozenset[str]
    # "X zitiert ihn mit den Worten": the person last named
    RELAY_OBJECTS: frozenset[str]
    RELAY_PLACE: frozenset[str]
    # A medium quoting a person (relay.py): "X zitiert Y", "Y wird von X zitiert".
    RELAY_VERBS: frozenset[str]
    # Particles that make a report verb something else: "stellte … vor" presents a thing, "sieht …
    # vor" provides for it; neither reports words.
    REPORT_NOT_PARTICLES: Mapping[str, frozenset[str]]
    # Participles that report after the main clause's comma: "The court halted the plans, ruling
    # that …" (the subject of the sentence speaks).
    REPORT_PARTICIPLES: frozenset[str]
    # Verbs that report a speech act without quoting it ("Moskau fordert ... Garantien").
    REPORT_VERBS: frozenset[str]
    ROLE_PREFIX_WORDS: frozenset[str]
    # Role heads: a word ending in one of these (compounds too: Vize-Außenminister) is a title.
    ROLE_SUFFIXES: tuple[str, ...]
    # Base forms that are verbs after "and" ("They claimed A and claim B"), nouns elsewhere.
    SAY_AFTER_AND: frozenset[str]
    # -ing forms of saying after "with X" ("…, with one critic writing "…"", "with the paper
    # reporting that …"): an absolute phrase that quotes X.
    SAY_ING: frozenset[str]
    # Particles that complete a separable verb of saying ("teilte ... mit").
    SAY_PARTICLES: frozenset[str]
    # Verbs whose following clause is reported speech even without Konjunktiv or "dass".
    SAY_STRONG: frozenset[str]
    # Finite forms of verbs that introduce speech, writing or a stated position.
    SAY_VERBS: frozenset[str]
    SENTENCE_MARKERS: frozenset[str]
    # "verurteilt … zu drei Jahren Haft", "wegen Betrugs verurteilt": a court's sentence, not a
    # condemnation in words.
    SENTENCE_VERBS: frozenset[str]
    SOURCE_AFTER: frozenset[str]
    # Frames with a source after a preposition: "laut X", "nach Angaben von X", "X zufolge".
    SOURCE_BEFORE: frozenset[str]
    SOURCE_NOUNS: frozenset[str]
    # Sources only when their author follows ("nach dem Urteil des Gerichts").
    SOURCE_NOUNS_WITH_SOURCE: frozenset[str]
    SO_FRAME: str
    # Nouns for people and institutions that can be speakers (matched as word endings).
    SPEAKER_SUFFIXES: tuple[str, ...]
    # Nouns of saying, demanding and holding (matched as word endings, compounds too): after them
    # a comma opens their content ("der Vorwurf der Regierung, Terror zu propagieren", "mit der
    # Begründung, dass …", "die Aussage, es sei …").
    SPEECH_NOUNS: tuple[str, ...]
    SPEECH_OPENERS: frozenset[str]
    # First-person words anywhere inside a few words in marks: somebody's words, not a name
    # („Invasion unseres Landes“). Empty in English, whose short unframed quotes are terms.
    SPEAKER_WORDS: frozenset[str]
    # Passives that state a figure or a cause even without an agent ("Als Todesursache wurde ein
    # Herzinfarkt angegeben"): someone in the story said it.
    STATED_PASSIVE: frozenset[str]
    # Verbs that give something a status or a name, not words: "gilt als „Störfall“", "ist als
    # „Poe Toaster“ bekannt", "präsentiert sich als „Schule ohne Rassismus“".
    STATUS_AS_VERBS: frozenset[str]
    STOP_CAPS: frozenset[str]
    # Report verbs that make almost any capitalised subject a speaker.
    STRONG_REPORT: frozenset[str]
    SUBORDINATORS: frozenset[str]
    # Words that name a medium or a work: marks after them are titles, not quotations.
    TERM_CUES: frozenset[str]
    TERM_SUFFIXES: tuple[str, ...]
    # Subordinators of reported content.
    THAT: frozenset[str]
    # Verbs that report only with "that" ("has learned that …"), not with an object.
    THAT_ONLY: frozenset[str]
    THAT_STRICT: frozenset[str]
    # Time words before "nach" make it temporal ("sechs Tage nach der Veröffentlichung").
    TIME_BEFORE_NACH: frozenset[str]
    # Words that cannot be part of a subject noun phrase before "said".
    VERBISH: frozenset[str]
    WIE_AUX: frozenset[str]
    # Verbs that close a "Wie X …," source clause besides the verbs of saying ("Wie eine Studie
    # ergab, …", "Wie gestern bekannt wurde, …"), and the auxiliaries that may follow them.
    WIE_VERBS: frozenset[str]
    # A demonstrative subject before a verb of saying that points to the sentence before ("Dies bestätigte X.").
    THIS_SUBJECTS: frozenset[str]
    # Pronouns that stand for reported words as the subject ("Das wurde vom Ministerium bestätigt").
    PRONOUN_SUBJECTS: frozenset[str]
    # X geht aus Y hervor": the verb, its particle and preposition (Y is the source).
    EMERGE_VERBS: frozenset[str]
    # First-person pronouns: a verb after them is no Konjunktiv ("Ich stelle …").
    FIRST_PERSON: frozenset[str]
    # "ich": with it "habe", "lehne", "halte" are the indicative, never a Konjunktiv I.
    FIRST_SINGULAR: frozenset[str]
    # Auxiliaries of a perfect infinitive after a reportative modal ("soll … getötet worden sein").
    PERFECT_AUX: frozenset[str]
    EMERGE_PARTICLE: str
    EMERGE_FROM: str
    # "found" is a finding only before "that" ("said police found the car"): an act
    FOUND_VERBS: frozenset[str]
    # words that open an indirect question as a content clause ("ob", "whether")
    WHETHER: frozenset[str]
    # "Vorwürfe wurden laut, …": the word after a noun that makes it public
    BECAME_PUBLIC: frozenset[str]
    # inflection endings of words inside a noun phrase (adjectives, articles)
    INFLECTED_ENDINGS: tuple[str, ...]
    # endings of an inflected adjective before a noun
    ADJECTIVE_ENDINGS: tuple[str, ...]
    # endings of adverbs that look like adjectives ("möglicherweise")
    ADVERB_ENDINGS: tuple[str, ...]
    # conjunctions that open an adverbial or coordinated clause, never a report's content
    NOT_CONTENT: frozenset[str]
    # the infinitive particle ("zu")
    ZU: frozenset[str]
    # a regular expression for a zu-infinitive with one or two particles ("aufzugeben", "voranzutreiben"); "" where the language has none
    ZU_INFINITIVE: str
    # words after a noun of saying that open its speaker ("der Vorwurf der Regierung")
    OF_SPEAKER: frozenset[str]
    # words that open a purpose or manner clause, never reported content ("um … zu")
    PURPOSE_OPENERS: frozenset[str]
    # the reflexive pronoun ("wie sich X ausdrückte", "das nennt sich …")
    REFLEXIVE: frozenset[str]
    # "…, hieß es in einer Mitteilung": verbs of an impersonal report (with EXPLETIVE)
    SAID_IT_VERBS: frozenset[str]
    # the expletive subject ("es", "it")
    EXPLETIVE: frozenset[str]
    # "…, wie X sagte", "…, as X said": the word that opens a clause-final frame
    AS_WORDS: frozenset[str]
    # "…, X warned of …": a preposition after the verb makes it no frame of the words before
    NOT_A_LIST_END: frozenset[str]
    # coordinating "and"/"or"
    AND_OR: frozenset[str]
    # "according to X": the first word of the two-word source phrase
    ACCORDING: str
    # "nach Angaben von X", "seiner Meinung nach": the preposition of a source noun
    SOURCE_NACH: str
    # "laut eigenen Angaben": possessives between a source preposition and its noun
    OWN_POSSESSIVES: frozenset[str]
    # "nach Angaben von X": words after a source noun that open its source
    SOURCE_OF: frozenset[str]
    # "aus Sicht der X", "aus Belegschaftssicht": the preposition
    VIEW_FROM: str
    # "aus Sicht der X": the noun (also as a compound ending)
    VIEW_NOUN: str
    # "Berichten zu Folge": the noun written apart
    FOLGE: str
    # "Dem polnischen Sender zufolge": endings of adjectives in the phrase before SOURCE_AFTER
    SOURCE_NP_ENDINGS: tuple[str, ...]
    # "Angaben vom Mittwoch zufolge": a date phrase inside the source phrase
    FROM_DATE: frozenset[str]
    # "Denn wie X berichtete, …": a conjunction before a fronted source clause
    LEAD_CONJUNCTIONS: frozenset[str]
    # "Wie sich aus dem Bericht ergibt": prepositions after the reflexive
    SICH_PREPOSITIONS: frozenset[str]
    # "Wie „Spiegel“ berichtete", "Wie gestern bekannt wurde", "Wie t-online.de berichtet": a fronted as-clause may name its source loosely
    LOOSE_AS_SOURCE: bool
    # "As X told The Huffington Post, …": a short object may stand before the comma
    AS_TOLD_OBJECT: bool
    # "…, according to Jane Roe, a curator": words that open an apposition after a source
    APPOSITION_OPENERS: frozenset[str]
    # "curator of the exhibit": the preposition of a role apposition
    APPOSITION_LINKS: frozenset[str]
    # how far into a sentence the finite report verb may stand ("Moskau fordert …")
    REPORT_REACH: int
    # "It also warned against …": pronouns that report for an organisation named before
    REPORTING_PRONOUNS: frozenset[str]
    # "The case on which the Court has ruled was …": relatives before a subject that make the report a relative clause
    NOT_REPORT_RELATIVES: frozenset[str]
    # "warned of cuts", "spoke to donors": words after a verb of saying that make it an act, not reported words
    ACT_PARTICLES: frozenset[str]
    # the ending of a participle opener or an -ing form ("Citing privacy rules, …")
    ING_ENDING: str
    # "told reporters (that) …": verbs with an addressee before the words
    TELL_VERBS: frozenset[str]
    # the complementizer that may stand a few words after the verb ("said in a note that …")
    THAT_WORD: str
    # single time words between a verb of saying and its words
    TIME_SKIP: frozenset[str]
    # "describes as a retreat", "observed at the show": words after the verb that open no clause
    NO_CLAUSE_AFTER: frozenset[str]
    # nouns are capitalised: a capitalised word after a quote is no verb of saying
    NOUNS_CAPITALISED: bool
    # "„…“, strich Romney heraus": any verb right after the quote and its comma frames it
    ANY_VERB_AFTER_QUOTE: bool
    # short unframed words in marks with no other sign of speech are scare quotes or labels (term)
    SHORT_QUOTES_ARE_TERMS: bool
    # "… would be a "significant public benefit."": a full stop inside the marks ends the reporter's sentence
    STOP_IN_MARKS_ENDS_SENTENCE: bool
    # "gilt als „X“", "known as "X"": the word before a name or category in marks
    AS_STATUS: frozenset[str]
    # "… boats which, according to AFP, the UN criticised": a relative before a source phrase; the source speaks for the relative clause only
    SOURCE_RELATIVES: frozenset[str]
    # the source phrase's own clause opens at the last comma before it (else at the sentence start)
    SOURCE_CLAUSE_ANY_COMMA: bool
    # German word order: a subordinate clause ends with its verb, an auxiliary stands second and its participle last
    VERB_FINAL_CLAUSES: bool
    # "Um 11:09 Uhr berichtet X": the preposition before a clock time (not "um … zu")
    AT_TIME: str
    # the word after a clock time ("11 Uhr")
    O_CLOCK: str
    # "Als Grund nannte X …": the word that opens a phrase, not a clause, before a bare noun
    AS_NOUN_OPENER: str
    # prepositions fused with an article: a capitalised word after them is a noun, not a name
    CONTRACTED_ARTICLES: frozenset[str]
    # relatives that open no speaker's clause ("…, was X sagte")
    NOT_RELATIVE_HEADS: frozenset[str]
    # subordinators with no subject of their own after them ("…, um … zu sagen")
    NO_SUBJECT_AFTER: frozenset[str]
    # personal pronouns that are only ever a subject ("Deren Haltung nannte er …": after the
    # verb it is the subject, whatever stands before the verb)
    SUBJECT_ONLY_PRONOUNS: frozenset[str]
    # articles of a noun phrase that is never the subject ("X empfahl dem Gericht, …")
    OBLIQUE_ARTICLES: frozenset[str]
    # personal pronouns that are never a subject ("Twitter rät ihm, …": the object)
    OBJECT_PRONOUNS: frozenset[str]
    # words among the verbs of saying that never frame the clause after them
    NOT_FRAME_VERB_WORDS: frozenset[str]
    # "Recent reports have revealed …": finite words after a noun of saying that still leave it the subject (minus these)
    NOT_FINITE_AFTER_NOUN: frozenset[str]
    # verb prefixes a known Konjunktiv stem may carry ("vorsehe", "zurückweise"), as regex alternatives: any other letters before the stem make another word ("beflügelte" is not "gelte")
    VERB_PREFIXES: str
    # words after a comma that go on with a content clause rather than resume the main one
    CONTINUING_WORDS: frozenset[str]
    # a regular expression for pronominal adverbs ("wobei", "worauf") that open a relative clause; "" for none
    WO_WORDS: str
    # "der Oberbürgermeister" with no name: a person of its own unless it points back to a person of that role (German only: English titles are too often generic)
    ROLE_ACTORS: bool
    # endings of feminine person nouns ("Ministerin"): a role in one gender does not point at a person known in the other
    FEMININE_ENDINGS: tuple[str, ...]
    # offices held by one person: "der Bundeskanzler" points back only to a person who holds that office
    OFFICIAL_TITLES: tuple[str, ...]
    # "die Präsidentin des Amts, Dr. X": the article of a genitive after a role
    GENITIVE_ARTICLES: frozenset[str]
    # The indefinite genitive article that links a noun phrase to the next ("eines").
    GENITIVE_INDEFINITE: frozenset[str]
    # amounts and units: a capitalised run that starts with one is no name
    QUANTITY_WORDS: frozenset[str]
    # number words: a capitalised run right after one is an amount, not a name
    NUMBER_WORDS: frozenset[str]
    # endings of nouns for people ("die Norwegerin", "der Minister"): "die Industrie" is none, so it points back to no one; () for no check
    PERSON_NOUN_ENDINGS: tuple[str, ...]
    # "nach Fallzahlen", "nach Einwohnerzahlen": a compound of these is a criterion unless a source follows ("nach Zahlen des Amts")
    COUNT_NOUNS: tuple[str, ...]
    # "Niemand könne ernsthaft behaupten, …": a subject that names no one speaks no words
    NOBODY: frozenset[str]
    # "laut einem Beschluss der X", "heißt es in einem Bericht des X": a document or statement of X; X speaks (the mention keeps its case)
    STATEMENT_NOUNS: tuple[str, ...]
    # "…, hieß es in einer Mitteilung": prepositions before the source of an impersonal report
    ES_SOURCE_PREPOSITIONS: frozenset[str]
    # the days of the week
    WEEKDAYS: frozenset[str]
    # nouns of a time phrase ("last week", "on Tuesday evening")
    TIME_NOUNS: frozenset[str]
    # words that open a time phrase before a noun ("last week", "earlier this month")
    TIME_DEICTIC: frozenset[str]
    # single time words between a verb of saying and its words ("said yesterday the …")
    TIME_ADVERBS: frozenset[str]
    # "said on Tuesday the …": the preposition of a date
    DATE_PREPOSITIONS: frozenset[str]
    # "said in a statement the …", "told reporters in Lindby that …": prepositions of an adjunct of place or occasion
    PLACE_PREPOSITIONS: frozenset[str]
    # "Bridge will reopen, minister says": present-tense verbs that close a headline after its speaker
    HEADLINE_SAY: frozenset[str]
    # "I think the toll would have been higher": inside quoted words, a first-person opinion verb reports the clause after it (a nested quote of the speaker)
    OPINION_VERBS: frozenset[str]
    # English title case: the small words a title leaves in lower case ("Photographs and Prints from the University Collection")
    TITLE_SMALL_WORDS: frozenset[str]
    # "and": a second verb of saying joined to the first
    AND: frozenset[str]
    # "…, wonach X gelte": the relative adverb that opens the content of a document
    WONACH: frozenset[str]
    # "…, nach denen X gelte": the two words that open a content like WONACH
    NACH_DENEN: tuple[str, ...]
    # "Es wurde nicht bekannt, ob …": participles after which an ob-clause is no report
    NOT_WHETHER_PARTICIPLE: frozenset[str]
    # the participle of the passive auxiliary ("gefordert worden")
    PASSIVE_PARTICIPLE_AUX: frozenset[str]
    # endings of a past-tense verb that opens the reporter's clause after reported words
    PAST_ENDINGS: tuple[str, ...]
    # plural personal pronouns that can speak
    PLURAL_PRONOUNS: frozenset[str]
    # indefinite articles ("einer der Sprecher")
    INDEFINITE: frozenset[str]
    # "Es wird vermutet, …": a subject that names nobody
    EMPTY_SUBJECTS: frozenset[str]
    # "In dem Bericht heißt es, …", "So hieß es in einer Erklärung: „…“": the verb, the words
    # that may stand between "es" and the place, and the prepositions that open the place,
    # which is the source ("dem Bericht").
    IT_SAYS_VERBS: frozenset[str]
    IT_SAYS_FILLERS: frozenset[str]
    IT_SAYS_PREPOSITIONS: frozenset[str]
    # prepositions of place before a place name ("in Berlin", "from Paris")
    LOCATIVE: frozenset[str]
    # indicative forms of wanting inside a Konjunktiv continuation ("Der Verband möchte …"):
    # the subject holds the wish itself (Konjunktiv I "wolle" is someone else's report of it)
    WISH_VERBS: frozenset[str]
    # Konjunktiv II modals of possibility: alone they state the text's own possibility
    MODAL_KONJ_TWO: frozenset[str]
