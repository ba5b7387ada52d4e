"""German cue data: verbs of saying, Konjunktiv forms, frames, titles, organisations.

Kept apart from the rules so the logic stays language-neutral and the lists can grow
without touching it. Everything is lower case unless it is a name.
"""

from __future__ import annotations

from .cues import Cues

# Word lists read best packed; ruff format would put one word per line.
# fmt: off


def _weak(stems: str) -> set[str]:
    """Present, past and participle forms of weak verbs ("sag" -> sagt, sagte, gesagt...)."""
    out: set[str] = set()
    for stem in stems.split():
        e = "e" if stem[-1] in "td" or stem.endswith(("chn", "gn", "ffn")) else ""
        ge = "" if stem.startswith(("be", "er", "ver", "ent", "zer", "emp", "ge")) or stem.endswith(
            "ier") else "ge"
        inf = stem + "n" if stem.endswith(("er", "el")) else stem + "en"  # fordern, zweifeln
        out |= {stem + e + "t", stem + e + "te", stem + e + "ten", inf, ge + stem + e + "t"}
    return out


# Finite forms of verbs that introduce speech, writing or a stated position.
SAY_VERBS = _weak(
    "sag erklär beton mein bestätig bericht kritisier warn forder verlang behaupt versicher "
    "erwider antwort ergänz bekräftig mahn befürcht hoff glaub schätz vermut bezweifel äußer "
    "schilder erläuter beklag bemängel bedauer begrüß dementier kommentier resümier argumentier "
    "appellier signalisier informier zitier meld verkünd kündig teil füg räum stell betone "
    "entgegn wiederhol klag bilanzier prognostizier unterstrich sorg fürcht vermeld beschwer "
    "präzisier konkretisier zweifel rechtfertig begründ ankündig mitteil versprech lob urteil "
    "entschied"
) | {
    "schrieb", "schreibt", "schreiben", "schrieben", "geschrieben", "sprach", "spricht",
    "sprachen", "hieß", "heißt", "wies", "weist", "gab", "gibt", "gaben", "geben", "rief", "ruft",
    "riefen", "bat", "bittet", "riet", "rät", "empfahl", "empfiehlt", "schloss", "verwies",
    "hob", "beschrieb", "widersprach", "widerspricht", "verriet", "versprach", "verspricht",
    "warf", "wirft", "nannte", "nennt", "nannten", "bezeichnete", "bezeichnet", "bezeichneten",
    "unterstrich", "unterstreicht", "gestand", "zog", "sieht", "sah", "geht", "ging", "dachte",
    "denkt", "wusste", "weiß", "sagte", "so", "zeigte", "zeigt", "ließ", "lässt", "lautete",
    "lautet", "drohte", "droht", "stellte", "stellt", "wandte", "betonten",
}
# Verbs whose following clause is reported speech even without Konjunktiv or "dass".
SAY_STRONG = _weak("sag erklär beton mein bestätig bericht behaupt versicher erwider antwort "
                   "ergänz bekräftig schilder erläuter kommentier zitier teil füg räum stell "
                   "unterstrich entgegn wiederhol präzisier") | {
    "schrieb", "schreibt", "schrieben", "hieß", "heißt", "gab", "gibt", "wies", "weist",
    "unterstrich", "unterstreicht", "so"}
SAY_VERBS |= {"machte", "macht", "machten", "geht", "gehen", "ging", "gingen", "zeigte",
              "zeigten", "glaubt", "glauben", "hofft", "hoffen", "fürchtet", "befürchtet"}
# Verbs that report a speech act without quoting it ("Moskau fordert ... Garantien").
REPORT_VERBS = _weak(
    "forder verlang kritisier warn kündig appellier mahn dementier beklag bemängel begrüß lob "
    "droh wies bekräftig beschuldig verurteil protestier bestätig dräng plädier"
) | {
    "sprach", "spricht", "sprachen", "gab", "gibt", "rief", "ruft", "riefen", "warf", "wirft",
    "empfahl", "empfiehlt", "lehnte", "lehnt", "lehnten", "wies", "weist", "nannte", "nennt",
    "bezeichnete", "bezeichnet", "schlug", "schlägt", "bat", "bittet", "kündigte", "kündigt",
    "teilte", "teilt", "machte", "stellte", "forderten", "warnten", "zeigte",
}
REPORT_VERBS |= {"geht", "gehen", "ging", "gingen", "rechnet", "rechnen", "rechnete", "sieht",
                 "sehen", "sah", "wertet", "werten", "wertete",
                 "würdigte", "würdigt", "riet", "rät", "empfahl", "empfiehlt", "verlangt",
                 "genannt", "angegeben", "vermutet", "berichtet", "vorgeworfen", "befürchtet",
                 "erwartet", "bezeichnet", "angekündigt", "gefordert", "kritisiert", "warnen",
                 "fordern", "sprechen", "berichten", "berichtete", "berichteten", "attestiert",
                 "zugeschrieben", "beschuldigt", "verurteilte", "verurteilt", "lobte", "lobt"}
# Report verbs that make almost any capitalised subject a speaker.
STRONG_REPORT = {"forderte", "fordert", "forderten", "fordern", "kritisierte", "kritisiert",
                 "warnte", "warnt", "warnten", "warnen", "verurteilte", "verurteilt", "begrüßte",
                 "begrüßt", "lobte", "lobt", "dementierte", "dementiert", "bestritt", "bestreitet",
                 "appellierte", "beklagte", "beklagt", "verlangte", "verlangt", "bekräftigte",
                 "sprach", "spricht", "sprachen", "sprechen", "berichtete", "berichtet",
                 "berichteten", "berichten", "kündigte", "kündigt", "empfahl", "empfiehlt",
                 "riet", "warf", "wirft", "warfen", "werfen"}
REPORT_VERBS |= {"werfen"}  # "Die Behörden werfen X Menschenhandel vor"
REPORT_VERBS |= {"bestreitet", "bestritt", "bestritten", "widersprach", "widerspricht",
                 "verteidigte", "verteidigt", "äußerte", "äußerten", "reagierte", "beziffert",
                 "bezifferte", "schätzt", "schätzte", "vermutet", "vermuten", "befürchten"}
REPORT_VERBS |= {"aufgefordert", "eingestuft", "erwartete", "erwarten", "fürchten", "fürchtet",
                 "erwog", "erwägt", "melden", "meldet", "meldete", "begründet", "begründete",
                 "stufte", "stuft", "kündigten", "kritisieren", "fordern", "verurteilen"}
FOCUS_PARTICLES = {"auch", "selbst", "sogar", "nur", "gerade"}
# Verbs that give a name or label: with the label in quote marks the marked words are the
# quotation ("X nannte den Plan „Wortbruch“"), not the whole sentence.
NAMING_VERBS = {"nannte", "nennt", "nannten", "nennen", "genannt", "bezeichnete", "bezeichnet",
                "bezeichneten", "bezeichnen"}
# "verurteilt … zu drei Jahren Haft", "wegen Betrugs verurteilt": a court's sentence, not
# a condemnation in words.
SENTENCE_VERBS = {"verurteilt", "verurteilte", "verurteilten", "verurteilen"}
SENTENCE_MARKERS = {"zu", "zur", "zum", "wegen"}
# Particles that make a report verb something else: "stellte … vor" presents a thing,
# "sieht … vor" provides for it; neither reports words.
REPORT_NOT_PARTICLES = {"stellte": {"vor"}, "stellt": {"vor"}, "stellten": {"vor"},
                        "sieht": {"vor"}, "sah": {"vor"}, "sehen": {"vor"}}
# Passives that state a figure or a cause even without an agent ("Als Todesursache wurde
# ein Herzinfarkt angegeben"): someone in the story said it.
STATED_PASSIVE = {"genannt", "angegeben", "beziffert", "berichtet", "gemeldet"}
# The pluperfect tells earlier events as background ("Küng hatte zuvor … kritisiert").
PLUPERFECT_AUX = {"hatte", "hatten"}
# A demonstrative object of a report verb points to words told before ("X bestätigte dies").
DEMONSTRATIVE_OBJECTS = {"dies", "dieses", "das"}
# Report verbs that mean something else with "sich": "sieht sich … konfrontiert".
NOT_REFLEXIVE = {"sieht", "sehen", "sah"}
# Report verbs that, used reflexively, tell only that someone spoke ("äußerte sich zu X").
REFLEXIVE_ONLY = {"äußerte", "äußert", "äußerten", "äußern"}
# Verbs of reaction: praise and welcome tell a stance, not words ("X würdigte die Arbeit").
REACTION_VERBS = {"würdigte", "würdigt", "würdigten", "begrüßte", "begrüßt", "begrüßten"}
PASSIVE_AUX = {"wurde", "wurden", "wird", "werden"}
REPORT_VERBS -= {"gekündigt", "erwartet", "zeigte", "machte", "droht", "drohte", "drohten",
                 "drohen", "gedroht"}
# Narrative past "sah" tells what someone saw or got ("sah die Rote Karte", "sah … aus");
# the opinion sense lives in the present ("X sieht darin eine Gefahr").
REPORT_VERBS -= {"sah"}
# Indicative finite auxiliaries and modals: right after a comma they open a main clause.
FINITE_AUX = {"wird", "wurde", "wurden", "werden", "hat", "hatte", "hatten", "ist", "war", "waren",
              "kann", "konnte", "konnten", "muss", "musste", "mussten"}
AUXILIARIES = {"hat", "haben", "hatte", "hatten", "habe", "wurde", "wurden", "wird", "werden"}
# Finite auxiliaries and modals (indicative and Konjunktiv): a verb, never the last word of a
# subject ("Die Sprecherin Eva Roth hatte betont": the speaker is "Die Sprecherin Eva Roth").
NOT_SUBJECT_END = FINITE_AUX | AUXILIARIES | {
    "habe", "haben", "hätte", "hätten", "ist", "sind", "sei", "seien", "wäre", "wären", "würde",
    "würden", "kann", "können", "könne", "könnte", "könnten", "soll", "sollen", "solle",
    "sollte", "sollten", "will", "wollen", "wolle", "wollte", "wollten", "muss", "müssen",
    "müsse", "müsste", "müssten", "darf", "dürfen", "dürfe", "durfte", "dürfte", "mag"}
# Nouns for people and institutions that can be speakers (matched as word endings).
SPEAKER_SUFFIXES = (
    "sprecher", "sprecherin", "polizei", "regierung", "behörde", "behörden", "gericht",
    "experte", "experten", "zeugen", "quellen", "medien", "medienberichte", "ministerium",
    "partei", "opposition", "gewerkschaft", "verband", "unternehmen", "firma", "konzern",
    "kritiker", "befürworter", "gegner", "demonstranten", "anwohner", "ärzte", "forscher",
    "wissenschaftler", "richter", "anwälte", "anwalt", "staatsanwaltschaft", "verteidigung",
    "organisation", "agentur", "zeitung", "vorstand", "kommission", "rat", "präsidium",
    "ministerin", "minister", "präsident", "präsidentin", "kanzler", "kanzlerin", "chef",
    "chefin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "sekretär", "botschafter",
    "bürgermeister", "abgeordnete", "abgeordneten", "fraktion", "bündnis", "verbände",
    "hersteller", "betreiber", "veranstalter", "bewohner", "bürger", "beamte", "beamten",
    "soldaten", "armee", "militär", "ermittler", "staatsanwalt", "kläger", "beobachter",
    "politiker", "mitglieder", "vertreter", "aktivisten", "umweltschützer", "datenschützer",
    "institut", "amt", "bank", "stiftung", "universität", "schule", "verein", "team",
    "direktor", "direktorin", "trainer", "papst", "könig", "premier", "premierminister",
    "augenzeugen", "zeuge", "opfer", "familie", "angehörige", "eltern", "fans", "nutzer",
    # people by role, and documents that state something ("Der Bericht kritisiert …")
    "geschäftsführer", "kommissar", "initiatoren", "organisatoren", "verantwortlichen",
    "anwältin", "kommandeur", "gemeinschaft", "bericht", "studie", "pressemitteilung",
    "resolution", "gutachten", "parlament", "länder",
)
# Particles that complete a separable verb of saying ("teilte ... mit").
SAY_PARTICLES = {"mit", "an", "bekannt", "hinzu", "ein", "fest", "klar", "aus", "hin", "vor",
                 "zu", "auf", "zurück", "deutlich", "hervor"}
# The particles that make a particle verb one of saying ("stellte … ein" is not, "… fest" is).
_STELLEN = {"fest", "klar", "dar", "heraus", "vor"}
_GEBEN = {"an", "bekannt", "zu", "wieder"}
PARTICLES_FOR = {
    "stellte": _STELLEN, "stellt": _STELLEN, "stellten": _STELLEN,
    "gab": _GEBEN, "gibt": _GEBEN, "gaben": _GEBEN, "geben": _GEBEN,
    "teilte": {"mit"}, "teilt": {"mit"}, "teilten": {"mit"},
    "wies": {"hin", "zurück"}, "weist": {"hin", "zurück"},
    "führte": {"aus", "an"}, "führt": {"aus", "an"},
    "räumte": {"ein"}, "räumt": {"ein"}, "fügte": {"hinzu"}, "fügt": {"hinzu"},
    "kündigte": {"an"}, "kündigt": {"an"}, "hob": {"hervor"},
    "machte": {"deutlich", "klar"}, "macht": {"deutlich", "klar"},
    "machten": {"deutlich", "klar"},
    "geht": {"aus", "hervor"}, "ging": {"aus", "hervor"}, "gingen": {"aus"}, "gehen": {"aus"},
    "zeigte": {"sich"}, "zeigt": {"sich"}, "zeigten": {"sich"},
    "ließ": {"verlauten", "mitteilen", "wissen"}, "lässt": {"verlauten", "mitteilen", "wissen"},
    "rief": {"auf"}, "ruft": {"auf"}, "riefen": {"auf"},
    "stufte": {"ein"}, "stuft": {"ein"},
}
# Frames with a source after a preposition: "laut X", "nach Angaben von X", "X zufolge".
SOURCE_BEFORE = {"laut", "gemäß", "lt."}
SOURCE_AFTER = {"zufolge"}
# Sources only when their author follows ("nach dem Urteil des Gerichts").
SOURCE_NOUNS_WITH_SOURCE = {"ermittlungen", "urteil", "erklärung", "ankündigung", "mitteilung",
                            "untersuchung", "untersuchungen", "auswertung", "recherche"}
POSSESSIVES = {"seiner", "ihrer", "deren", "dessen", "unserer", "eigener", "seinen", "ihren",
               "meiner", "deiner", "eurer"}
# Time words before "nach" make it temporal ("sechs Tage nach der Veröffentlichung").
TIME_BEFORE_NACH = {"tage", "tagen", "wochen", "monate", "monaten", "jahre", "jahren", "stunden",
                    "minuten", "kurz", "unmittelbar", "gleich", "direkt", "bald", "sofort",
                    "noch", "erst", "schon", "bereits", "wenige", "einige"}

SOURCE_NOUNS = {"bekunden", "planungen", "quellenlage", "vernehmen", "medien", "gesetz",
                "berechnungen", "dokument", "plan", "entwurf", "verfassung", "meldung",
                "statistik", "vorstellungen", "willen", "wunsch", "gutachten", "protokoll",
                "unterlagen", "papier",
                "angaben", "analyse", "vorhersage", "prognose", "umfrage", "studie", "recherchen",
                "zahlen", "daten", "schätzung", "ansicht", "aussage", "meldungen",
                "medienberichten", "auskunft", "aussagen", "informationen", "worten", "meinung",
                "einschätzung", "darstellung", "auffassung", "überzeugung", "berichten",
                "berichte", "bericht", "schätzungen", "erkenntnissen",
                # results and statements that report ("Nach dem vorläufigen Endergebnis …")
                "stellungnahme", "veröffentlichung", "endergebnis", "hochrechnung",
                "hochrechnungen", "erkenntnisstand", "schilderung", "schilderungen",
                "einschätzungen", "mitteilungen", "verlautbarung", "darstellungen"}
# Words that open a new main clause after a comma ("…, jedoch ist laut X unklar").
CONTRAST_OPENERS = {"jedoch", "aber", "doch", "allerdings", "lediglich", "zumindest", "sondern",
                    "dagegen", "hingegen", "trotzdem", "dennoch"}
ANAPHORIC_SOURCE = {"demnach", "wonach"}
MID_SOURCE = {"demnach"}
# "Danach" opens a source sentence only after a sentence that names a document or a count
# ("Die Bank veröffentlichte Quartalszahlen. Danach verzeichnet …"); else it means "then".
DANACH = {"danach"}
DOCUMENT_NOUNS = ("studie", "bericht", "zahlen", "umfrage", "analyse", "statistik", "gutachten",
                  "darstellung", "mitteilung", "meldung", "papier", "dokument", "prognose",
                  "hochrechnung", "ergebnis", "ergebnisse", "untersuchung")  # inside a sentence: "X wird sich demnach …" splits it like "laut Y"
SUBORDINATORS = {"als", "während", "da", "weil", "nachdem", "wenn", "obwohl", "bevor", "seit",
                 "seitdem", "sobald", "falls", "indem", "ob", "dass", "beim", "um", "damit"}
IMPERSONAL = {"es", "möglich", "klar", "sicher", "fest", "unklar", "bekannt", "offen",
              "fraglich", "wichtig", "dabei", "dies", "das"}
# Verbs that say something only together with a particle ("gab … bekannt", "teilte … mit").
NEEDS_PARTICLE = {"gab", "gibt", "gaben", "geben", "stellte", "stellt", "stellten", "zeigte",
                  "zeigt", "zeigten", "zog", "machte", "macht", "machten", "geht", "ging",
                  "gingen", "gehen", "teilte", "teilt", "teilten", "wies", "weist", "führte",
                  "führt", "räumte", "räumt", "fügte", "fügt", "kündigte", "kündigt", "hob",
                  "ließ", "lässt", "wandte", "ruft", "rief", "riefen", "stufte", "stuft"}
SO_FRAME = "so"
# Subordinators of reported content.
THAT = {"dass", "daß", "ob", "wie", "warum", "weshalb", "wann", "wer", "was", "wo"}

HEARSAY = {"soll", "sollen"}  # reportative modal: "Der Täter soll … gefeuert haben"
# Words right after a closing quote mark that do not frame it.
NOT_A_FRAME_VERB = {"und", "oder", "aber", "doch", "sondern", "der", "die", "das", "den", "dem",
                    "des", "ein", "eine", "wie", "als", "so", "dass", "ob", "weil", "wenn",
                    "da", "denn", "mit", "in", "im", "auf", "für", "von", "zu", "bei", "nach",
                    "um", "an", "am", "aus", "über", "unter", "vor", "seit", "während", "was",
                    "wer", "welche", "welcher", "welches", "sowie", "bzw", "nicht",
                    "auch", "noch", "sei", "ist", "war", "sind", "waren", "wurde", "wird",
                    "werden", "hat", "habe", "hatte", "haben", "kann", "soll", "muss", "will"}
# Verbs that announce, decide or demand an act given as a zu-infinitive.
INTENT_VERBS = {"kündigte", "kündigt", "angekündigt", "beschlossen", "beschloss", "hofft",
                "hoffen", "hoffte", "aufgerufen", "aufgefordert", "forderte", "fordert", "fordern",
                "verlangte", "verlangt", "bat", "bittet", "riet", "empfahl", "empfiehlt",
                "versprach", "verspricht", "drohte", "droht", "plant", "planen", "plante",
                "beabsichtigt", "kündigten", "forderten", "appellierte", "rief", "riefen",
                "beschuldigt", "vorgeworfen", "erwägt", "erwog", "zugesagt", "sagte", "erklärte",
                "betonte", "vereinbart", "vereinbarten", "vereinbarte", "bekräftigte",
                "angeboten", "bot", "weigerte", "lehnte", "lehnt", "abgelehnt", "entschied",
                "entschieden", "verpflichtet", "verpflichtete", "gedroht", "gefordert",
                "beantragt", "beantragte", "angedroht", "zugestimmt", "behauptet", "behauptete",
                # proposing, accusing, insisting, announcing, instructing ("schlug vor, … zu")
                "schlägt", "schlug", "schlugen", "vorgeschlagen", "wirft", "warf", "werfen",
                "warfen", "vorwerfen", "vorwarf", "besteht", "bestehen", "bestand", "beharrt",
                "beharrte", "verkündete", "verkündet", "verkündeten", "bekanntgegeben",
                "angewiesen", "wies", "ersucht", "ersuchte", "mahnte", "ermahnte", "mahnt",
                "zugesichert", "sicherte", "sichert", "beteuerte", "beteuert", "bestritt",
                "bestreitet", "bestritten", "dementierte", "kündigen", "fordere", "appelliert",
                "auffordern", "gebeten", "baten",
                # verb-final and perfect forms ("…, der alle aufforderte, …", "hat versprochen")
                "versprochen", "versprachen", "aufforderte", "auffordert", "aufforderten",
                "vorschlug", "vorschlugen", "vorschlägt", "ankündigte", "ankündigten",
                "ankündigt", "geeinigt", "einigten", "entschlossen", "beauftragt",
                "beauftragte", "aufrief", "aufriefen", "angeregt", "anregte", "regte",
                "empfohlen", "angab", "angaben", "vorwarfen", "vorwirft", "drohten",
                "plädierte", "plädiert", "plädierten", "zusagte", "zusicherte"}
# Nouns of saying, demanding and holding (matched as word endings, compounds too): after
# them a comma opens their content ("der Vorwurf der Regierung, Terror zu propagieren",
# "mit der Begründung, dass …", "die Aussage, es sei …").
SPEECH_NOUNS = (
    "vorschlag", "vorschläge", "forderung", "forderungen", "aufforderung", "appell", "appelle",
    "aufruf", "vorwurf", "vorwürfe", "hinweis", "behauptung", "behauptungen", "aussage",
    "aussagen", "begründung", "hoffnung", "auffassung", "ansicht", "überzeugung", "these",
    "hypothese", "plan", "pläne", "beschluss", "bitte", "warnung", "drohung", "ankündigung",
    "versprechen", "zusage", "zusicherung", "erklärung", "angebot", "befehl", "anweisung",
    "mahnung", "anfrage", "anfragen", "antrag", "ultimatum", "befürchtung", "vermutung",
    "verdacht", "gerücht", "gerüchte", "einschätzung", "argument", "einwand", "empfehlung",
    "meldung", "meldungen", "bericht", "berichte", "nachricht", "meinung", "entscheidung",
)
# Verbs that close a "Wie X …," source clause besides the verbs of saying ("Wie eine Studie
# ergab, …", "Wie gestern bekannt wurde, …"), and the auxiliaries that may follow them.
WIE_VERBS = {"ergab", "ergaben", "ergibt", "ergeben", "feststellt", "feststellte",
             "festgestellt", "bekanntgegeben", "bekanntgab", "bekannt", "mitgeteilt",
             "berichtet", "gemeldet", "hervorgeht", "hervorging", "verlautete", "verlautet",
             "angekündigt", "bestätigt", "erklärt", "gesagt", "vermutet", "befürchtet",
             "ausdrückte", "ausdrückt", "formulierte", "formuliert",
             # particle verbs joined at the end of the clause ("Wie X ausführte, …")
             "ausführte", "ausführten", "ausgeführt", "darlegte", "darlegten", "dargelegt",
             "hinzufügte", "klarstellte", "klargestellt", "einräumte", "eingeräumt",
             "hinwies", "hingewiesen", "anmerkte", "angemerkt", "darstellte", "dargestellt"}
WIE_AUX = {"hat", "hatte", "haben", "hatten", "wird", "wurde", "werden", "wurden", "worden",
           "ist", "war", "gegeben"}
# Participles that make an agentless passive report what follows its comma ("Im April wurde
# bekannt, dass …", "Es wird erwartet, dass …", "Als Grund wurde angegeben, es werde …").
PASSIVE_REPORT = {"bekannt", "berichtet", "gemeldet", "erwartet", "angenommen", "vermutet",
                  "befürchtet", "geplant", "kritisiert", "festgestellt", "betont", "angegeben",
                  "bekanntgegeben", "mitgeteilt", "erklärt", "gesagt", "behauptet", "bestätigt",
                  "gefordert", "beschlossen", "vereinbart", "entschieden", "vorgeschlagen",
                  "argumentiert", "eingeräumt", "hingewiesen", "spekuliert", "gemutmaßt",
                  "bemängelt", "beklagt", "verlangt", "angekündigt", "zugesagt", "unterstrichen",
                  "verkündet", "dementiert", "bestritten", "genannt", "gewarnt", "beanstandet",
                  "moniert", "befunden", "geschätzt", "versichert", "bekräftigt", "gemahnt"}
# Auxiliaries of such a passive ("wurde", "war … worden", "ist … geworden").
PASSIVE_REPORT_AUX = {"wurde", "wurden", "wird", "werden", "war", "waren", "ist", "sind",
                      "worden", "geworden"}
# Words after a comma that keep the reported clause going.
CLAUSE_GLUE = {"und", "oder", "aber", "sondern", "doch", "denn", "weil", "da", "wenn", "als",
               "ob", "um", "ohne", "statt", "anstatt", "zu", "so", "wie", "nachdem", "bevor",
               "während", "obwohl", "sodass", "damit", "zumal", "falls", "sofern", "indem",
               "etwa", "zum", "zur", "vor", "nach", "bei", "mit", "in", "im", "auf", "für"}
RELATIVES = {"der", "die", "das", "dem", "den", "dessen", "deren", "denen", "welche", "welcher",
             "welches", "wo", "was"}
THAT_STRICT = {"dass", "daß"}
# Degree words before a comma make the "dass" clause after it a result ("so heftig, dass").
DEGREE_WORDS = {"so", "soweit", "derart", "dermaßen", "sosehr", "solchermaßen"}
# A "dass" after these is not reported content ("so dass", "ist es wichtig, dass").
NOT_BEFORE_THAT = {"ist", "sind", "war", "waren", "sein", "werden", "wird", "können", "haben",
                   "sei", "gewesen", "so", "ohne", "statt", "anstatt", "als", "also", "und",
                   "aber", "oder", "dafür", "darin", "dazu", "wurde", "wurden", "hat", "mal",
                   "worden", "habe", "hatte", "hatten", "soll", "sollen", "kann", "muss"}
CORRELATE_NOT_SPEECH: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("dazu", ("führ", "geführt", "beitr", "beigetr")),
    ("daran", ("lieg", "lag", "gelegen")),
    ("dafür", ("sorg", "gesorgt")),
    ("darauf", ("deut", "hindeut", "hingedeut", "verlass")),
)
BACKSHIFT: set[str] = set()  # German continues with Konjunktiv (KONJ_FORMS)
# Konjunktiv I: unambiguous forms plus stems whose 3rd person singular is stem + "e".
KONJ_FORMS = {
    "sei", "seien", "seiest", "seist", "habe", "werde", "könne", "müsse", "solle", "wolle",
    "dürfe", "möge", "wisse", "wäre", "wären", "hätte", "hätten", "würde", "würden", "könnte",
    "könnten", "müsste", "müssten", "müßte", "dürfte", "dürften", "möchte", "gäbe", "käme",
    "kämen", "stünde", "stünden", "ginge", "bräuchte", "wüsste", "ließe", "hielte", "läge",
    "lägen", "sähe", "fände", "bliebe", "hieße", "täte", "sollten", "gebe", "habest",
}
KONJ_STEMS = set(
    "treib schieb nutz schaff leist "
    "geh steh lieg bleib brauch handl handel gelt lass seh fehl besteh heiß laut trag find mach "
    "plan arbeit erwart hoff geb komm nehm bring denk kenn wiss halt fall lauf zieh setz stell "
    "leg spiel führ gehör glaub zeig bedeut erreich verfüg betreff betrag sitz wirk bestimm "
    "droh beruh stamm treff helf sprech schreib les verlier gewinn entsteh entscheid versuch "
    "benötig zähl kost steig sink wachs leb sterb trag schein bewirk ermöglich verhinder "
    "verletz widersprech entsprech existier funktionier passier profitier reagier akzeptier "
    "unterstütz verstoß beabsichtig plan hab führ bestreit lehn verlang "
    "brauch misch erhalt enthalt beinhalt stimm richt lass such find verfolg vertret "
    "verweis beweis zweifl zöger änder dien fühl kehr erfolg".split()
)
# Konjunktiv II forms: hypothetical as often as reported ("die ausreichen würde").
KONJ_TWO = {"wäre", "wären", "hätte", "hätten", "würde", "würden", "könnte", "könnten",
            "müsste", "müssten", "müßte", "dürfte", "dürften", "möchte", "gäbe", "käme", "kämen",
            "stünde", "stünden", "ginge", "bräuchte", "wüsste", "ließe", "hielte", "läge",
            "lägen", "sähe", "fände", "bliebe", "hieße", "täte", "sollten"}
# Pronouns that can stand for a speaker.
PRONOUNS = {"er": "person", "sie": "any", "ihm": "person", "ihr": "person", "ihnen": "any"}
PERSON_PRONOUNS = {"er", "sie", "ihm", "ihr", "dieser"}
# Words that open a clause-initial adverbial: the subject then follows the verb.
ADVERBIAL_OPENERS = {
    "zugleich", "dabei", "am", "im", "nach", "auch", "zudem", "außerdem", "gestern", "heute",
    "bei", "auf", "in", "vor", "seit", "damit", "dazu", "daher", "deshalb", "so", "zuvor",
    "später", "zuletzt", "weiter", "ferner", "dort", "hier", "nun", "jetzt", "bereits", "schon",
    "gegenüber", "mit", "während", "als", "wie", "ebenfalls", "allerdings", "jedoch", "zunächst",
    "anschließend", "daraufhin", "darüber", "hierzu", "dem", "den", "vom", "beim", "zum", "zur",
    "über", "unter", "an", "aus", "für", "gegen", "ohne", "trotz", "wegen", "laut", "einem",
    "einer", "diesem", "dieser", "bis", "noch", "erst", "nur", "vergangene", "vergangenen",
    # time phrases: "Damals dachte niemand", "Ende Januar verkündete der DFB"
    "damals", "seinerzeit", "inzwischen", "mittlerweile", "unterdessen", "indessen", "danach",
    "ende", "anfang", "mitte", "wenige", "wenigen", "kurz", "letzte", "letzten", "vorige",
    "vorigen", "kommende", "kommenden", "nächste", "nächsten", "vorgestern", "morgen",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    # prepositions and focus adverbs that never open a subject ("Zu dem Skandal führte X aus")
    "zu", "neben", "passend", "um",
}
DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
               "einen", "dessen", "deren", "sein", "seine", "seiner", "ihr", "ihre", "ihrer",
               "mehrere", "viele", "einige", "zwei", "drei", "beide", "beiden", "alle", "dieser",
               "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenem", "jenen",
               "seinem", "seinen", "ihrem", "ihren", "unser", "unsere", "kein", "keine"}
NP_INNER = {"zur", "zum", "im", "in", "aus", "von", "vom", "mit", "für", "bei", "am"}
DEFINITE = {"der", "die", "den", "dem"}
# Prepositions inside a noun phrase ("der Direktor der Mission im Kongo", "der Mann hinter X").
NP_PREPOSITIONS = {"zur", "zum", "im", "in", "aus", "von", "vom", "mit", "für", "bei", "am",
                   "hinter", "über", "unter", "gegen", "auf", "an"}
NP_LINKERS = {"des", "der", "von", "vom", "für", "und", "aus"}
STOP_CAPS = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "er", "sie", "es", "wir", "ich", "ihr", "und", "oder", "aber", "doch", "im", "am", "in",
    "auf", "nach", "laut", "mit", "bei", "für", "vor", "seit", "auch", "zudem", "dies", "diese",
    "dieser", "dieses", "wie", "was", "wer", "als", "so", "zum", "zur", "vom", "beim", "um",
    "an", "aus", "über", "unter", "gegen", "ohne", "trotz", "während", "wegen", "noch", "nur",
    "man", "jeder", "jede", "alle", "dort", "hier", "heute", "gestern", "morgen", "zugleich",
    "gleichzeitig", "damit", "dabei", "darüber", "herr", "frau", "sein", "seine", "ihre",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "ende", "anfang", "mitte", "uhr", "prozent", "euro",
}
NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ität", "ismus", "nis", "tum", "ment",
                 "sion", "enz", "anz", "ik", "chen", "lein", "ur", "ie", "ei", "gespräch",
                 "treffen", "staaten", "ländern", "ungen", "heiten", "keiten", "schaften",
                 "tionen", "itäten", "nisse")
# Role heads: a word ending in one of these (compounds too: Vize-Außenminister) is a title.
ROLE_SUFFIXES = (
    "generalsekretär", "generalsekretärin", "minister", "ministerin", "präsident",
    "präsidentin", "kanzler", "kanzlerin", "sprecher", "sprecherin", "staatssekretär",
    "staatssekretärin", "chef", "chefin", "vorsitzende", "vorsitzender", "botschafter",
    "botschafterin", "bürgermeister", "bürgermeisterin", "direktor", "direktorin", "leiter",
    "leiterin", "senator", "senatorin", "abgeordnete", "abgeordneter", "gouverneur", "general",
    "trainer", "trainerin", "kommissar", "kommissarin", "beauftragte", "beauftragter", "papst",
    "könig", "königin", "premier", "premierminister", "regierungschef", "sekretär", "anwalt",
    "anwältin", "richter", "richterin", "experte", "expertin", "politiker", "politikerin",
    "vorstand", "geschäftsführer", "geschäftsführerin", "bischof", "kardinal", "oberst",
    "kapitän", "gründer", "gründerin", "ministerpräsident", "ministerpräsidentin", "chefankläger",
    "staatsanwalt", "staatsanwältin", "sprecher", "wissenschaftler", "forscher", "professor",
    "professorin", "autor", "autorin", "kandidat", "kandidatin", "stadtrat", "stadträtin",
    "landrat", "landrätin", "gemeinderat", "gemeinderätin",
)
ROLE_PREFIX_WORDS = {"stellvertretende", "stellvertretender", "stellvertretenden", "ehemalige",
                     "ehemaliger", "ehemaligen", "frühere", "früherer", "früheren", "amtierende",
                     "amtierender", "russische", "russischen", "amerikanische", "deutsche"}
LEADING = {"aber", "und", "doch", "auch"}
HONORIFICS = {"herr", "frau", "dr", "prof"}
# Organisations known by name; compounds ending in ORG_SUFFIXES are organisations too.
# Regions and continents: places, never people.
REGIONS = {"Bayern", "Baden-Württemberg", "Brandenburg", "Bremen", "Hamburg", "Hessen",
           "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
           "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen", "Europa",
           "Afrika", "Asien", "Amerika", "Nahost", "Nordamerika", "Südamerika", "Lateinamerika",
           "Ostasien", "Südostasien", "Osteuropa", "Westeuropa", "Balkan", "Kaukasus", "Tirol",
           "Kalifornien", "Texas", "Florida", "Gazastreifen", "Westjordanland", "Krim",
           "Donbass", "Sibirien", "Katalonien", "Schottland", "Wales", "Flandern", "Bretagne"}
COMMON_ADJECTIVES = {"neue", "neuen", "neuer", "höhere", "höheren", "weitere", "weiteren",
                     "erste", "ersten", "zweite", "große", "großen", "hohe", "hohen", "deutsche",
                     "deutschen", "europäische", "europäischen", "alle", "viele", "mehrere",
                     "beide", "einige", "andere", "anderen", "starke", "schwere", "schwache",
                     "niedrigere", "geringere", "zahlreiche", "internationale", "nationale"}
ORGS = {
    "IG Metall": "IG Metall", "Verdi": "Verdi", "DGB": "DGB", "ADAC": "ADAC",
    "Nato": "Nato", "NATO": "Nato", "EU": "EU", "Europäische Union": "EU", "UN": "UN",
    "UNO": "UN", "Uno": "UN", "Vereinte Nationen": "UN", "Vereinten Nationen": "UN",
    "Bundestag": "Bundestag", "Bundesregierung": "Bundesregierung", "Kreml": "Kreml",
    "Weißes Haus": "Weißes Haus", "Weiße Haus": "Weißes Haus", "Bundesrat": "Bundesrat",
    "Polizei": "Polizei", "Bundeswehr": "Bundeswehr", "Europarat": "Europarat",
    "Sicherheitsrat": "Sicherheitsrat", "Pentagon": "Pentagon", "OSZE": "OSZE", "WHO": "WHO",
    "Bundesverfassungsgericht": "Bundesverfassungsgericht", "Regierung": None,
    "Kommission": None, "Staatsanwaltschaft": "Staatsanwaltschaft",
}
ORG_SUFFIXES = ("-Rat", "rat", "ministerium", "gericht", "partei", "behörde", "amt", "bank",
                "verband", "agentur", "institut", "konzern", "kommission", "stiftung", "bund")
ORG_HEADS = {"Forum", "AG", "GmbH", "SE", "KG", "Zeitung", "Allgemeine", "Rundschau", "Post", "News",
             "Bank", "Partei", "Union", "Gruppe", "Stiftung", "Institut", "Universität",
             "Verband", "Bund", "Rat", "Gericht", "Ministerium", "Agentur", "Kommission"}
OTHER_HEADS = {"Gesetz", "Abkommen", "Vertrag", "Plan", "Paket", "Richtlinie", "Verordnung"}
NOT_ORG_ACRONYMS = {"KI", "TV", "PC", "DNA", "HIV", "AIDS", "CO", "BIP", "EUR", "USD", "KW",
                    "PS", "GB", "MB", "UKW", "SMS", "CD", "DVD"}
PLACE_FIRST = {"Sankt", "St", "Bad", "Neu", "Groß", "Klein", "Hongkong"}
ORG_WORD_SUFFIXES = (" AG", " GmbH", " Inc.", " e.V.")
# Words that name a medium or a work: marks after them are titles, not quotations.
TERM_CUES = {
    "magazin", "magazins", "zeitung", "zeitschrift", "typs", "typ", "titel", "buch", "film",
    "films", "operation", "projekt", "projekts", "sendung", "motto", "lied", "album", "schiff",
    "mission", "programm", "programms", "codename", "codenamen", "namen", "name", "marke",
    "firma", "sender", "senders", "wochenzeitung", "tageszeitung", "nachrichtenmagazin", "blatt",
    "fachblatt", "portal", "internetdienstes", "roman", "romans", "serie", "studie",
    "kampagne", "initiative", "aktion", "gruppe", "organisation", "band", "song", "spiel",
    "software", "modell", "genannten", "genannte", "sogenannten", "sogenannte", "bezeichnung",
    "begriff", "begriffs", "stichwort", "plattform", "veranstaltung", "festival", "show",
}
TERM_SUFFIXES = ("zeitung", "agentur", "magazin", "magazins", "zeitschrift", "sender", "senders",
                 "blatt", "blattes", "portal", "portals", "sendung", "film", "films", "titel",
                 "projekt", "projekts", "programm", "programms", "motto", "marke", "enzyklika",
                 "roman", "buch", "buches", "album", "lied", "studie", "gruppe", "verein",
                 "vereins", "partei", "initiative", "kampagne", "prädikat", "gesetz", "gesetzes",
                 "netzwerk", "organisation", "bündnis", "festival", "preis", "preises", "aktion",
                 "modell", "modelle", "typs", "schiff", "schiffes", "kategorie", "rubrik", "namens",
                 "verlag", "verlags", "konzern", "unternehmen", "unternehmens", "firma",
                 "bewegung", "plattform", "sektion", "ausstellung", "stück", "stücks", "serie")
# Verbs that frame a quoted label as someone's words ("nannte ihn „fahrlässig“").
LABEL_CUES = {"nannte", "nennt", "bezeichnete", "bezeichnet", "als", "sprach", "spricht",
              "von", "vor", "zu"}
# Verbs that give something a status or a name, not words: "gilt als „Störfall“",
# "ist als „Poe Toaster“ bekannt", "präsentiert sich als „Schule ohne Rassismus“".
STATUS_AS_VERBS = {"gilt", "galt", "gelten", "galten", "gegolten", "dient", "diente", "dienen",
                   "dienten", "bekannt", "präsentiert", "präsentierte", "präsentieren",
                   "ausgezeichnet", "fungiert", "fungierte", "firmiert", "firmierte", "auftreten",
                   "auftrat", "tritt", "trat", "vorgestellt", "gehandelt", "eingestuft",
                   "geführt", "sehen"}
SPEECH_OPENERS = {"ich", "wir", "du", "ihr", "es", "man", "das", "dies", "uns", "mir", "mich",
                  "nein", "ja", "nicht", "kein", "keine", "jetzt", "hier"}
# first-person pronouns and possessives: words in marks holding one are somebody's words
SPEAKER_WORDS = {"ich", "wir", "mich", "mir", "uns", "unser", "unsere", "unseres", "unserem",
                 "unseren", "unserer", "mein", "meine", "meines", "meinem", "meinen", "meiner"}
NEGATIVE_DETERMINERS = {"kein", "keine", "keinen", "keiner", "keines", "keinem"}
# The preposition before the agent of a passive ("wurde von X kritisiert").
AGENT_PREPOSITIONS = {"von", "vom"}
AFFILIATION = {"von", "vom"}  # "X vom Institut für Y sagte": X speaks
# Negations that cancel a reported speech act ("gab … nicht bekannt").
NEGATIONS = {"nicht", "nie", "niemals", "keine", "keinen", "kein"}
# "Für X ist Y „…“": the holder of a quoted view, with these copulas.
OPINION_FOR = {"für"}
COPULAS = {"ist", "war", "sei", "sind", "waren", "seien", "wäre", "bleibt", "blieb"}
LABEL_ARTICLES = {"ein", "eine", "einen", "einem", "einer", "eines", "als"}
LABEL_VERBS = {"nannte", "nennt", "nannten", "bezeichnete", "bezeichnet", "bezeichneten", "warf",
               "wirft", "warfen", "sieht", "sah", "würdigte", "konstatierte", "kritisierte",
               "sprach", "spricht", "sprachen", "beklagte", "warnte", "lobte", "attestiert",
               "skandierten", "riefen", "forderte", "wertete", "verurteilte",
               "gesprochen", "sprechen"}
FUNCTION_WORDS = {"der", "die", "und", "nicht", "ist", "das", "mit", "sich", "auf", "für",
                  "den", "von", "dem", "ein", "eine", "auch", "wird", "sei", "dass", "im",
                  "sagte", "sind", "wir", "zu", "es", "bei", "nach", "über", "wurde", "hat",
                  "er", "werden", "ich", "sie", "aus", "wie", "oder", "aber", "noch", "vor"}
MONTHS = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "dezember"}
ABBREVIATIONS = {"dr", "prof", "nr", "st", "bzw", "ca", "vgl", "z", "u", "d", "usw", "etc",
                 "inkl", "evtl", "ggf", "sog", "mio", "mrd", "abs", "art", "bspw", "anm",
                 "red", "jh", "jhd", "gen", "hl", "lt", "v", "chr", "str", "tel", "min"}

# A medium quoting a person (relay.py): "X zitiert Y", "Y wird von X zitiert".
RELAY_VERBS = {"zitiert", "zitierte", "zitierten", "zitieren"}
RELAY_AUX = {"wird", "wurde", "werden", "wurden"}
RELAY_AGENT = {"von", "vom"}
RELAY_PLACE = {"in", "im", "auf", "bei"}
RELAY_OBJECTS = {"ihn", "sie"}  # "X zitiert ihn mit den Worten": the person last named

# Actors (actors.py): "Institut für Weltwirtschaft", "Bundesamt für Migration".
ORG_LINKS = {"für"}
GROUP_NOUNS: set[str] = set()  # German adjectives before a noun are lower case
THIS_SUBJECTS = frozenset({"dies", "das"})
PRONOUN_SUBJECTS = frozenset({"dies", "das", "dieses"})
EMERGE_VERBS = frozenset({"geht", "ging"})
FIRST_PERSON = frozenset({"ich", "wir"})
PERFECT_AUX = frozenset({"haben", "sein", "worden"})
EMERGE_PARTICLE = "hervor"
EMERGE_FROM = "aus"

FOUND_VERBS: frozenset[str] = frozenset()
WHETHER: frozenset[str] = frozenset({"ob"})

BECAME_PUBLIC: frozenset[str] = frozenset({"laut"})

INFLECTED_ENDINGS: tuple[str, ...] = ("e", "en", "er", "es", "em")

ADJECTIVE_ENDINGS: tuple[str, ...] = ("e", "en", "er", "es")

ADVERB_ENDINGS: tuple[str, ...] = ("weise",)

NOT_CONTENT: frozenset[str] = frozenset({"und", "oder", "aber", "sondern", "doch", "denn", "wie", "sodass", "zumal", "sofern", "ohne", "statt", "anstatt"})

ZU: frozenset[str] = frozenset({"zu"})

ZU_INFINITIVE: str = r"^(?:(?:her|hin|vor|dar)(?:an|auf|aus|ein|über|unter|um|ab|bei)|ab|an|auf|aus|bei|dar|ein|fest|frei|her|hin|mit|nach|vor|weg|zurück|zusammen|durch|um|über|unter|wieder|zu|nieder|teil|sicher|weiter|fort|hervor|statt|bereit|los|kennen|herbei|voran|entgegen|offen|bekannt|wiederher|auseinander|fertig|fern)zu[a-zäöüß]{3,}$"

OF_SPEAKER: frozenset[str] = frozenset({"des", "der", "von", "vom"})

PURPOSE_OPENERS: frozenset[str] = frozenset({"um", "ohne", "statt", "anstatt"})

REFLEXIVE: frozenset[str] = frozenset({"sich"})

SAID_IT_VERBS: frozenset[str] = frozenset({"heißt", "hieß"})

EXPLETIVE: frozenset[str] = frozenset({"es"})

AS_WORDS: frozenset[str] = frozenset({"wie"})

NOT_A_LIST_END: frozenset[str] = frozenset()

AND_OR: frozenset[str] = frozenset({"und", "oder"})

ACCORDING: str = ""

SOURCE_NACH: str = "nach"

OWN_POSSESSIVES: frozenset[str] = frozenset({"ihren", "seinen", "eigenen"})

# (also an indefinite genitive: "nach Angaben eines Sprechers")
SOURCE_OF: frozenset[str] = frozenset({"von", "des", "der", "dem", "aus", "im", "eines", "einer"})

VIEW_FROM: str = "aus"

VIEW_NOUN: str = "sicht"

FOLGE: str = "folge"

SOURCE_NP_ENDINGS: tuple[str, ...] = ("e", "en", "er", "em")

FROM_DATE: frozenset[str] = frozenset({"vom", "von"})

LEAD_CONJUNCTIONS: frozenset[str] = frozenset({"denn", "und", "aber", "doch"})

SICH_PREPOSITIONS: frozenset[str] = frozenset({"aus", "in", "bei"})

LOOSE_AS_SOURCE: bool = True

AS_TOLD_OBJECT: bool = False

APPOSITION_OPENERS: frozenset[str] = frozenset()

APPOSITION_LINKS: frozenset[str] = frozenset()

REPORT_REACH: int = 9

REPORTING_PRONOUNS: frozenset[str] = frozenset()

NOT_REPORT_RELATIVES: frozenset[str] = frozenset()

ACT_PARTICLES: frozenset[str] = frozenset()

ING_ENDING: str = ""

TELL_VERBS: frozenset[str] = frozenset()

THAT_WORD: str = ""

TIME_SKIP: frozenset[str] = frozenset()

NO_CLAUSE_AFTER: frozenset[str] = frozenset()

NOUNS_CAPITALISED: bool = True

ANY_VERB_AFTER_QUOTE: bool = True

SHORT_QUOTES_ARE_TERMS: bool = False

STOP_IN_MARKS_ENDS_SENTENCE: bool = False

AS_STATUS: frozenset[str] = frozenset({"als"})

SOURCE_RELATIVES: frozenset[str] = frozenset()

SOURCE_CLAUSE_ANY_COMMA: bool = True


VERB_FINAL_CLAUSES: bool = True

AT_TIME: str = "um"

O_CLOCK: str = "uhr"

AS_NOUN_OPENER: str = "als"

CONTRACTED_ARTICLES: frozenset[str] = frozenset({"zum", "zur", "im", "am", "vom", "beim"})

NOT_RELATIVE_HEADS: frozenset[str] = frozenset({"was", "wo"})

OBJECT_PRONOUNS: frozenset[str] = frozenset({"ihm", "ihn", "ihnen"})

OBLIQUE_ARTICLES: frozenset[str] = frozenset({"dem", "den", "einem", "einen", "des", "eines", "diesem", "diesen", "seinem", "seinen", "ihrem", "ihren"})

SUBJECT_ONLY_PRONOUNS: frozenset[str] = frozenset({"er"})

NO_SUBJECT_AFTER: frozenset[str] = frozenset({"um", "beim"})

NOT_FRAME_VERB_WORDS: frozenset[str] = frozenset({"so", "wie"})

NOT_FINITE_AFTER_NOUN: frozenset[str] = frozenset()

VERB_PREFIXES: str = "ab|an|auf|aus|be|bei|dar|durch|ein|emp|ent|er|fest|frei|ge|her|hervor|hin|miss|mit|nach|statt|teil|über|um|unter|ver|vor|weg|wieder|zer|zu|zurück|zusammen|los|heraus|hinaus|hinzu|voran|vorbei|entgegen|gegen|weiter|bereit|bekannt|klar|sicher|stand"

CONTINUING_WORDS: frozenset[str] = frozenset({"sich", "man", "es", "wir", "ich", "ihn", "uns", "nicht", "auch", "noch"})

WO_WORDS: str = "^wo(?:r)?(?:durch|bei|mit|nach|auf|aus|für|gegen|in|über|von|zu|rum)$"

ROLE_ACTORS: bool = True

FEMININE_ENDINGS: tuple[str, ...] = ("in", "innen")

OFFICIAL_TITLES: tuple[str, ...] = ("minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "generalsekretär", "generalsekretärin", "bürgermeister", "bürgermeisterin", "botschafter", "botschafterin", "senator", "senatorin", "gouverneur", "gouverneurin", "kommissar", "kommissarin", "papst", "könig", "königin", "staatssekretär", "staatssekretärin")

GENITIVE_ARTICLES: frozenset[str] = frozenset({"des", "der"})
GENITIVE_INDEFINITE: frozenset[str] = frozenset({"eines"})

QUANTITY_WORDS: frozenset[str] = frozenset({"millionen", "milliarden", "billionen", "tausend", "hunderte", "tausende", "prozent", "tonnen", "euro", "dollar"})

NUMBER_WORDS: frozenset[str] = frozenset({"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf", "zwanzig", "hundert", "tausend", "rund", "etwa", "knapp", "mehrere", "einige", "viele"})

PERSON_NOUN_ENDINGS: tuple[str, ...] = ("er", "in", "innen", "ent", "ant", "ist", "or", "eur", "ef", "te")

COUNT_NOUNS: tuple[str, ...] = ("zahlen", "daten")

NOBODY: frozenset[str] = frozenset({"niemand", "keiner", "keine", "nichts", "man"})

STATEMENT_NOUNS: tuple[str, ...] = ("beschluss", "beschlüsse", "bericht", "berichten", "studie", "mitteilung", "erklärung", "stellungnahme", "gutachten", "analyse", "umfrage", "papier", "schreiben", "brief", "resolution", "urteil", "entscheidung", "angaben")

ES_SOURCE_PREPOSITIONS: frozenset[str] = frozenset({"in", "im", "aus", "von", "vom", "bei", "auf"})

WEEKDAYS: frozenset[str] = frozenset({"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"})

TIME_NOUNS: frozenset[str] = frozenset()

TIME_DEICTIC: frozenset[str] = frozenset()

TIME_ADVERBS: frozenset[str] = frozenset()

DATE_PREPOSITIONS: frozenset[str] = frozenset()

PLACE_PREPOSITIONS: frozenset[str] = frozenset()

HEADLINE_SAY: frozenset[str] = frozenset()

OPINION_VERBS: frozenset[str] = frozenset()

TITLE_SMALL_WORDS: frozenset[str] = frozenset()

AND: frozenset[str] = frozenset({"und"})

WONACH: frozenset[str] = frozenset({"wonach"})

NACH_DENEN: tuple[str, ...] = ("nach", "denen")

NOT_WHETHER_PARTICIPLE: frozenset[str] = frozenset({"bekannt"})

PASSIVE_PARTICIPLE_AUX: frozenset[str] = frozenset({"worden"})

PAST_ENDINGS: tuple[str, ...] = ("te", "ten", "t")

PLURAL_PRONOUNS: frozenset[str] = frozenset({"sie"})

INDEFINITE: frozenset[str] = frozenset({"einer", "eine", "eines", "ein"})

EMPTY_SUBJECTS: frozenset[str] = frozenset({"es"})

LOCATIVE: frozenset[str] = frozenset({"in", "nach", "aus", "im", "bei", "über", "via"})


DE = Cues(
    lang="de",
    ABBREVIATIONS=frozenset(ABBREVIATIONS),
    ADVERBIAL_OPENERS=frozenset(ADVERBIAL_OPENERS),
    AFFILIATION=frozenset(AFFILIATION),
    AGENT_PREPOSITIONS=frozenset(AGENT_PREPOSITIONS),
    ANAPHORIC_SOURCE=frozenset(ANAPHORIC_SOURCE),
    AUXILIARIES=frozenset(AUXILIARIES),
    BACKSHIFT=frozenset(BACKSHIFT),
    BETWEEN_SUBJECT_AND_VERB=frozenset(),
    CLAUSE_GLUE=frozenset(CLAUSE_GLUE),
    COMMON_ADJECTIVES=frozenset(COMMON_ADJECTIVES),
    CONTRAST_OPENERS=frozenset(CONTRAST_OPENERS),
    COPULAS=frozenset(COPULAS),
    DANACH=frozenset(DANACH),
    DEFINITE=frozenset(DEFINITE),
    DEGREE_WORDS=frozenset(DEGREE_WORDS),
    DEMONSTRATIVE_OBJECTS=frozenset(DEMONSTRATIVE_OBJECTS),
    DETERMINERS=frozenset(DETERMINERS),
    DOCUMENT_NOUNS=DOCUMENT_NOUNS,
    DOCUMENT_PLACES=frozenset({"im", "in"}),
    FINITE_AUX=frozenset(FINITE_AUX),
    FINITE_WORDS=frozenset(),
    FOCUS_PARTICLES=frozenset(FOCUS_PARTICLES),
    FUNCTION_WORDS=frozenset(FUNCTION_WORDS),
    GROUP_NOUNS=frozenset(GROUP_NOUNS),
    HEARSAY=frozenset(HEARSAY),
    HEARSAY_IF=frozenset({"sollte", "sollten"}),
    HONORIFICS=frozenset(HONORIFICS),
    IMPERSONAL=frozenset(IMPERSONAL),
    INNER_REPORT=frozenset(),
    INTENT_VERBS=frozenset(INTENT_VERBS),
    IRREGULAR_PAST=frozenset(),
    PAST_ONLY=frozenset(),
    KONJ_FORMS=frozenset(KONJ_FORMS),
    KONJ_STEMS=frozenset(KONJ_STEMS),
    KONJ_TWO=frozenset(KONJ_TWO),
    LABEL_ARTICLES=frozenset(LABEL_ARTICLES),
    LABEL_CUES=frozenset(LABEL_CUES),
    LABEL_VERBS=frozenset(LABEL_VERBS),
    LEADING=frozenset(LEADING),
    MID_SOURCE=frozenset(MID_SOURCE),
    MONTHS=frozenset(MONTHS),
    NAMING_VERBS=frozenset(NAMING_VERBS),
    NEEDS_PARTICLE=frozenset(NEEDS_PARTICLE),
    NEGATIONS=frozenset(NEGATIONS),
    DENIAL_PARTICLES=frozenset({"aus", "ausgeschlossen", "ausschließen"}),
    NEGATIVE_DETERMINERS=frozenset(NEGATIVE_DETERMINERS),
    NOT_A_FRAME_VERB=frozenset(NOT_A_FRAME_VERB),
    NOT_BEFORE_THAT=frozenset(NOT_BEFORE_THAT),
    CORRELATE_NOT_SPEECH=CORRELATE_NOT_SPEECH,
    NOT_ORG_ACRONYMS=frozenset(NOT_ORG_ACRONYMS),
    NOT_REFLEXIVE=frozenset(NOT_REFLEXIVE),
    NOT_SUBJECT_END=frozenset(NOT_SUBJECT_END),
    NOT_SUBJECT_LAST=frozenset(),
    NOUN_SUFFIXES=NOUN_SUFFIXES,
    NP_INNER=frozenset(NP_INNER),
    NP_LINKERS=frozenset(NP_LINKERS),
    NP_PREPOSITIONS=frozenset(NP_PREPOSITIONS),
    OPINION_FOR=frozenset(OPINION_FOR),
    ORGS=ORGS,
    ORG_HEADS=frozenset(ORG_HEADS),
    ORG_LINKS=frozenset(ORG_LINKS),
    ORG_SUFFIXES=ORG_SUFFIXES,
    ORG_WORD_SUFFIXES=ORG_WORD_SUFFIXES,
    OTHER_HEADS=frozenset(OTHER_HEADS),
    PARTICIPLE_OPENERS=frozenset(),
    PARTICLES_FOR={k: frozenset(v) for k, v in PARTICLES_FOR.items()},
    PASSIVE_AUX=frozenset(PASSIVE_AUX),
    PASSIVE_REPORT=frozenset(PASSIVE_REPORT),
    PASSIVE_REPORT_AUX=frozenset(PASSIVE_REPORT_AUX),
    PERSON_PRONOUNS=frozenset(PERSON_PRONOUNS),
    PLACE_FIRST=frozenset(PLACE_FIRST),
    PLUPERFECT_AUX=frozenset(PLUPERFECT_AUX),
    POSSESSIVES=frozenset(POSSESSIVES),
    PREPOSITIONS=frozenset(),
    PRONOUNS=PRONOUNS,
    QUANTIFIERS=frozenset(),
    REFLEXIVE_ONLY=frozenset(REFLEXIVE_ONLY),
    REACTION_VERBS=frozenset(REACTION_VERBS),
    REGIONS=frozenset(REGIONS),
    RELATIVES=frozenset(RELATIVES),
    ADVERBIAL_RELATIVES=frozenset({"wobei", "weswegen", "weshalb", "zumal"}),
    RELAY_AGENT=frozenset(RELAY_AGENT),
    RELAY_AUX=frozenset(RELAY_AUX),
    RELAY_OBJECTS=frozenset(RELAY_OBJECTS),
    RELAY_PLACE=frozenset(RELAY_PLACE),
    RELAY_VERBS=frozenset(RELAY_VERBS),
    REPORT_NOT_PARTICLES={k: frozenset(v) for k, v in REPORT_NOT_PARTICLES.items()},
    REPORT_PARTICIPLES=frozenset(),
    REPORT_VERBS=frozenset(REPORT_VERBS),
    ROLE_PREFIX_WORDS=frozenset(ROLE_PREFIX_WORDS),
    ROLE_SUFFIXES=ROLE_SUFFIXES,
    SAY_AFTER_AND=frozenset(),
    SAY_ING=frozenset(),
    SAY_PARTICLES=frozenset(SAY_PARTICLES),
    SAY_STRONG=frozenset(SAY_STRONG),
    SAY_VERBS=frozenset(SAY_VERBS),
    SENTENCE_MARKERS=frozenset(SENTENCE_MARKERS),
    SENTENCE_VERBS=frozenset(SENTENCE_VERBS),
    SOURCE_AFTER=frozenset(SOURCE_AFTER),
    SOURCE_BEFORE=frozenset(SOURCE_BEFORE),
    SOURCE_NOUNS=frozenset(SOURCE_NOUNS),
    SOURCE_NOUNS_WITH_SOURCE=frozenset(SOURCE_NOUNS_WITH_SOURCE),
    SO_FRAME=SO_FRAME,
    SPEAKER_SUFFIXES=SPEAKER_SUFFIXES,
    SPEECH_NOUNS=SPEECH_NOUNS,
    SPEECH_OPENERS=frozenset(SPEECH_OPENERS),
    SPEAKER_WORDS=frozenset(SPEAKER_WORDS),
    STATED_PASSIVE=frozenset(STATED_PASSIVE),
    STATUS_AS_VERBS=frozenset(STATUS_AS_VERBS),
    STOP_CAPS=frozenset(STOP_CAPS),
    STRONG_REPORT=frozenset(STRONG_REPORT),
    SUBORDINATORS=frozenset(SUBORDINATORS),
    TERM_CUES=frozenset(TERM_CUES),
    TERM_SUFFIXES=TERM_SUFFIXES,
    THAT=frozenset(THAT),
    THAT_ONLY=frozenset(),
    THAT_STRICT=frozenset(THAT_STRICT),
    TIME_BEFORE_NACH=frozenset(TIME_BEFORE_NACH),
    VERBISH=frozenset(),
    WIE_AUX=frozenset(WIE_AUX),
    WIE_VERBS=frozenset(WIE_VERBS),
    THIS_SUBJECTS=THIS_SUBJECTS,
    PRONOUN_SUBJECTS=PRONOUN_SUBJECTS,
    EMERGE_VERBS=EMERGE_VERBS,
    FIRST_PERSON=FIRST_PERSON,
    FIRST_SINGULAR=frozenset({"ich"}),
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
    GENITIVE_INDEFINITE=GENITIVE_INDEFINITE,
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
    IT_SAYS_VERBS=frozenset({"heißt", "hieß", "heisst", "hiess"}),
    IT_SAYS_FILLERS=frozenset({"weiter", "dazu", "wörtlich", "auch", "zudem", "darin", "nun"}),
    IT_SAYS_PREPOSITIONS=frozenset({"in", "im", "bei", "beim", "aus", "von", "vom", "auf"}),
    LOCATIVE=LOCATIVE,
    WISH_VERBS=frozenset({"wollen", "möchte", "möchten"}),
    MODAL_KONJ_TWO=frozenset(
        {"könnte", "könnten", "müsste", "müssten", "müßte", "dürfte", "dürften", "sollte", "sollten"}
    ),
)
