/**
 * The person-name finder: cheap, list- and cue-based, linear in the text.
 *
 * 1. Capitalised words are collected with one bounded regex (ALL-CAPS words, words glued to
 *    emails, URLs or code, and spans other detectors took are skipped).
 * 2. Neighbouring words (one space apart, or joined by a particle "van", "de" or an initial
 *    "J.") form runs; a run is cut at stop words (greetings, products, places, support words).
 * 3. Each segment gets a structural score from the name lists (a known first name followed by
 *    a capitalised word is a full name; a lone first name is weak), and a cue score from the
 *    words around it ("Dear", "Mr.", "Name:", "my name is", "Regards,\n", "X wrote:").
 * 4. Tokens of accepted names count again elsewhere in the text (coreference-lite), and
 *    lower-case names are taken only right after a strong cue ("my name is monika žilková").
 *    A text with no capitalised word at all (chat typed in lower case) is scanned with its
 *    known first names and the words after them capitalised (truecase), offsets unchanged.
 * 5. Optionally, a tie-breaker (compromise) judges the few segments whose score is just under
 *    the threshold.
 *
 * Cost: about 0.07-0.1 s of CPU on 1 MB of ticket text and 0.1-0.2 ms on a 2 KB ticket (this
 * machine, under tsx); about 0.1 s on 1 MB typed all in lower case, most of it truecase's one
 * Unicode search for words. What keeps it there: the words live in typed arrays and segments are
 * index ranges into them, so a long text leaves little for the garbage collector to copy (see
 * tokStart); what the lists say about a word is cached in a table keyed by the word's
 * characters in place, with the bits the loops need beside it (see wordInfoAt); scoring
 * allocates no closures; one lookup of the word before a segment says which cue patterns can
 * match there (see previousCueMask), and the windows around a segment are cut only when a
 * pattern runs; a pattern is tested only when its bump could raise the score (or, for the
 * caps, when the score could be found), and patterns after a segment only when its next
 * characters can start a match (mayWrote, ...); end-anchored patterns are tried only where a
 * match can start instead of searched for; the lower-case cues are found with one pass of a
 * plain case-insensitive pattern; and the patterns are compiled once, up front, on a long
 * subject (see primePatterns). Every shortcut gives exactly the findings of the plain code:
 * finder.test.ts checks the character tests against their patterns, and
 * `npx tsx test/bench/golden.ts compare` checks the corpora against a recording.
 */
import { matchAllAt } from '../context.ts';
import { keywords } from '../keywords.ts';
import {
  CHAT_STAMP,
  CLOCK,
  firstAtOrAfter,
  firstEndingAfter,
  lineStartWithin,
  matchesOf,
} from '../scan-util.ts';
import { REGION_CODES } from '../address/words.ts';
import { columnHeader, headerRowHas } from '../table.ts';
import type { Candidate, Span } from '../types.ts';
import {
  classify,
  fold,
  inNameLists,
  isEnglishWord,
  isFunctionWord,
  isGivenName,
  isGrammarWord,
  isKnownName,
  isSurname,
  PARTICLE_SECOND_SET,
  PARTICLE_SET,
  DOTTED_TITLE_SET,
  TITLE_SET,
  type NameClass,
} from './lexicon.ts';
import {
  FIELD_LABELS,
  FIRMS_NAMED_AFTER_PEOPLE,
  NOT_PERSON_HEADS,
  NOT_PERSON_HEADS_VI,
  PLACES_NAMED_LIKE_PEOPLE,
  PLACES_NAMED_AFTER_PEOPLE,
  PRODUCT_NOUNS,
  PRODUCT_NOUNS_EN,
} from './words.ts';

/**
 * Asks a slower model whether a person is named in `[start, end)` of `text`. It must not call
 * findNames: a scan keeps its words in module-level arrays (see tokStart) until it returns.
 */
export type TieBreaker = (text: string, start: number, end: number) => boolean;

export interface FindNamesOptions {
  /** Judges segments scored in [TIE_LOW, threshold); called at most `maxTieBreaks` times. */
  tieBreaker?: TieBreaker;
  maxTieBreaks?: number;
}

const THRESHOLD = 0.5;
/** Segments at or above this score (and under the threshold) may go to the tie-breaker. */
const TIE_LOW = 0.4;

// A capitalised word: optional O'/D' prefix, one capital, lower-case letters, at most one inner
// capital (checked against name prefixes below: McDonald, DiCaprio), up to two hyphenated parts.
// Every repetition is bounded and the look-behind pins the start to a word boundary, so the scan
// is linear. Words followed by more letters (ALL-CAPS, camelCase brands) fail the look-ahead.
//
// The pattern is sticky: it is tried only at offsets where mayStartWord says an upper-case
// letter stands. Searching 1 MB with it (a Unicode look-behind at every offset) cost 110-190 ms;
// a loop over char codes that skips lower-case, digits and punctuation costs a few.
const WORD =
  /(?<![\p{L}\p{M}\p{N}_@./\\#$%&*+=~^|])(?:[OD]['’])?\p{Lu}[\p{Ll}\p{M}]{0,30}(?:\p{Lu}[\p{Ll}\p{M}]{1,30})?(?:-(?:[OD]['’])?\p{Lu}[\p{Ll}\p{M}]{1,30}(?:\p{Lu}[\p{Ll}\p{M}]{1,30})?){0,2}(?![\p{L}\p{M}\p{N}_@])/uy;
const UPPER = /^\p{Lu}$/u;
// Finds the offsets worth a look without the Unicode flag, which V8 searches much faster.
// The Latin-1 lower-case letters (U+00DF-U+00FF: "é", "ü", "ß") are left out: no word starts
// there, and accented prose has many of them.
const UPPER_OR_NON_ASCII = /[A-Z\u00c0-\u00de\u0100-\udbff]/g;
/** Per UTF-16 code unit: 0 not yet known, 1 an upper-case letter, 2 anything else. */
let upperTable: Uint8Array | null = null;

/**
 * Whether a match of WORD can start at a code unit `c`: A-Z, a non-ASCII upper-case letter, or
 * a high surrogate (left to the regex). Non-ASCII units are classified once and remembered.
 */
function mayStartWord(c: number): boolean {
  if (c < 65) return false;
  if (c <= 90) return true;
  if (c < 0xc0) return false;
  if (c >= 0xd800 && c <= 0xdbff) return true;
  upperTable ??= new Uint8Array(0x10000);
  let u = upperTable[c]!;
  if (u === 0) {
    u = UPPER.test(String.fromCharCode(c)) ? 1 : 2;
    upperTable[c] = u;
  }
  return u === 1;
}
const INNER_CAP_PREFIX = /^(?:[OD]['’])?(?:Mc|Mac|Di|De|Da|Du|Le|La|Van|Von|St|Fitz)\p{Lu}/u;
const INNER_CAP = /^(?:[OD]['’])?\p{Lu}[\p{Ll}\p{M}]*\p{Lu}/u;

// Characters of a whitespace-delimited chunk that mean code, markup, a URL or an address; of
// those, the ones of code and markup alone.
const CODE_CHUNK = /[`={}<\\|$#@]|:\/\/|www\.|\.(?:com|org|net|io|de|fr|es)\b/;
const CODE_MARK = /[`={}<\\|$#]/;
/**
 * The key of a form field or query parameter that holds a name (see inCodeChunk). Not "user":
 * a user name is a handle. (NAME_TAG_BEFORE is the markup tags' list.)
 */
const NAME_KEY =
  /(?<![\w-])(?:(?:customer|contact|client|display|account|holder|cardholder|billing|shipping|patient|employee|person|recipient|sender|guest|passenger|author)[_-]?)?(?:name|full_?name|first_?name|last_?name|surname|given_?name|family_?name|customer|contact)$/i;

/** Placeholder surnames of documentation and forms ("John Doe", "Max Mustermann"). */
const PLACEHOLDER = new Set(['doe', 'mustermann', 'musterfrau', 'bloggs']);

/**
 * A scored segment: the tokens [from, to) of the token arrays (a segment is always a
 * contiguous stretch of a run), `keep` when its first token is a stop word kept as a name
 * ("Ms. Austin"), which then counts as a 'common' word.
 */
interface Scored {
  start: number;
  end: number;
  score: number;
  reason: string;
  from: number;
  to: number;
  keep: boolean;
}

/** The class of token k of segment `s` (see Scored.keep). */
function segClass(k: number, from: number, keep: boolean): NameClass {
  if (keep && k === from) return 'common';
  const f = tokFlags[k]!;
  if ((f & F_FIRST) !== 0) return 'first';
  if ((f & F_LAST) !== 0) return 'last';
  if ((f & F_COMMON) !== 0) return 'common';
  return (f & F_STOP) !== 0 ? 'stop' : 'unknown';
}

// --- Cue patterns. `before` is the text just before a segment, `after` the text just after.
// All are anchored at the segment's side, bounded, and free of nested quantifiers.

// Before-cues are sticky and tried only at the word starts of the window before a segment
// (see endsWithCue), so they need no leading boundary and cost a few anchored attempts each.
const B = '';
const SP = String.raw`[ \t]{1,3}`;
// Dot leaders between a form's label and its value: "Name ........ Rex Padberg".
const LEADER = String.raw`[ \t]?\.{3,12}`;
// Form labels are often padded to align their values ("Name:    Anna").
const LP = String.raw`[ \t]{0,16}`;

const TITLE_WORDS = [...TITLE_SET].join('|');
// Italian abbreviations written with their endings: "Sig.ra Rossi", "Dott.ssa Bianchi".
// (Each ending written out: the cue's word table is read from the pattern's source.)
const TITLE_ENDINGS = String.raw`sig\.ra|sig\.na|dott\.ssa|gent\.mo|gent\.ma|egr\.|prof\.ssa|avv\.ta`;
// Lower-case particles that open a surname after a title: "Dr. van den Bosch", "Mme de Vries".
const TITLE_PARTICLES = '(?:van|von|de|der|den|di|da|du|del|della|le|la|ten|ter|dos|das)';
// The faculty after a German doctor's title: "Dr. med. Haupt", "Dr. rer. nat. Weber".
const TITLE_FACULTY = String.raw`(?:(?:med|dent|vet|rer|nat|phil|jur|oec|pol|habil|theol|sc)\.${SP}){0,2}`;
// A title's blank: one, or two after its dot. More are a column's gap ("Ayushmati M.   Route:",
// "Equinox LT  Plate:").
const TITLE_SP = String.raw`(?:[ \t]|(?<=\.)[ \t]{2})`;
const CUE_TITLE = new RegExp(
  String.raw`${B}(?:(?:${TITLE_WORDS})\.?|(?:${[...DOTTED_TITLE_SET].join('|')})\.|${TITLE_ENDINGS})${TITLE_SP}${TITLE_FACULTY}(?:${TITLE_PARTICLES}${SP}){0,2}$`,
  'iuy',
);
const CUE_TITLE_M = /(?<![^\s(["'«])M\.[ \t]{1,2}$/uy;
/** Capitals that spell a title in other letters: "HR" (human resources), "MS" (Microsoft). */
const CAPS_NOT_TITLE_BEFORE = /(?:^|[^\p{L}])(?:HR|MS)[ \t]{1,3}$/u;
/** Brands named "Dr. X", and the title right before a word. */
const DOCTOR_BRANDS: ReadonlySet<string> = new Set(
  'pepper oetker martens scholl scholls bronner bronners hauschka brandt jart teal teals'.split(
    ' ',
  ),
);
const DR_BEFORE = /\bdr\.?[ \t]{1,3}$/i;
/** Brands named as a mister: "Mr. Clean", "Mr. Muscle", "Mr. Sheen", "Mr. Coffee". */
const MISTER_BRANDS: ReadonlySet<string> = new Set('clean muscle sheen coffee'.split(' '));
const MR_BEFORE = /\bmr\.?[ \t]{1,3}$/i;
/** "& Jerry's": a firm named after two people, in the possessive. */
const FIRM_OF_TWO_AFTER = /^[ \t]?&[ \t]?\p{Lu}\p{Ll}+['’]s(?![\p{L}])/u;

const CUE_GREETING = new RegExp(
  String.raw`${B}(?:dear|hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening)|morning|hallo|moin|servus|liebe/r|liebe|lieber|liebes|sehr geehrte/r|sehr geehrter|sehr geehrtes|sehr geehrte|guten (?:tag|morgen|abend)|bonjour|bonsoir|salut|coucou|cher/chère|cher|chère|hola|buenos días|buenas(?: tardes| noches)?|estimado/a|estimado|estimada|estimados|estimadas|querido|querida|ciao|olá|oi|bom dia|boa tarde|prezado|prezada|caro|cara|gentile|gentilissimo|gentilissima|egregio|egregia|buongiorno|buonasera|salve|hej|hei|moi|hoi|beste|geachte|szanowny|szanowna|dzień dobry|cześć|vážený|vážená|dobrý den|ahoj|kedves|szia|tere|sveiki|labas|здравствуйте|добрый день|привет|уважаемый|уважаемая|шановний|шановна|вітаю|добрий день|αγαπητέ|αγαπητή|γεια σας|καλημέρα)[ \t]{0,2},?${SP}$`,
  'iuy',
);
// "my name is", "I'm", "ich heiße", "je m'appelle", "me llamo", "soy".
const CUE_SELF_STRONG = new RegExp(
  String.raw`${B}(?:my (?:full |first |last |legal |maiden )?name is|my name's|name is|names is|calls? me|i am called|i'm called|(?:what's|what is|whats) (?:your|the|his|her) (?:full |first |last )?name(?: on the account)?\?(?:\s{1,3}\p{L}{2,12}:)?|mein name ist|ich heiße|ich heisse|je m'appelle|je m’appelle|mon nom est|me llamo|mi nombre es|my name is not|signed|signed by|sincerely yours|mi chiamo|il mio nome è|meu nome é|me chamo|chamo-me|mijn naam is|ik heet|nazywam się|mam na imię|jmenuji se|jag heter|mitt namn är|jeg hedder|jeg heter|nimeni on|a nevem|меня зовут|моё имя|мое имя|мене звати|ονομάζομαι|με λένε)[ \t:]{1,3}$`,
  'iuy',
);
const CUE_SELF = new RegExp(
  String.raw`${B}(?:i am|i'm|i’m|ich bin|je suis|moi c'est|soy|sono|it's|it’s|this is|here is|here's|here’s|c'est|aquí|hier ist|hier spricht|speaking with|spoke (?:to|with)|talked to|talking to|aqui é|aqui fala|fala|je spreekt met|u spreekt met|spreekt met|mówi|tu|jestem|nazywam się|mam na imię|benim adım|adım|ismim|me chamo|chamo-me|mi chiamo|ik heet|mein name ist|je m'appelle|je m’appelle|me llamo)${SP}$`,
  'iuy',
);
// Words that make "name" a thing's: "Bank name: Chase", `"productName": "Jordan"` (a key read
// as words, see rules/normalize.ts), "file_name=Morgan.pdf".
const THING_NAME =
  'bank|company|business|trading|employer|insurer|merchant|product|file|host|user|app|application|project|brand|store|shop|org|organi[sz]ation|team|device|server|domain|street|retailer|retailers|supplier|reseller|distributor|manufacturer|agency|city|cities|town|towns|country|countries|regions|locations?|destinations?|markets?|stores|airports?|stations?|ciudades|villes|städte|plan|package|event|venue|hotel|school|vendor|merchant|field|table|column|variable|class|function|method|tag|branch|repo|repository|model|item|service|course|program|pet|ship|song|album|book|movie|game|channel|group|site|page|image|folder|bucket|database|db|cluster|queue|topic|network|wifi|printer|computer|machine|region|zone|role|profile|module|property|building|department|dept|screen|code|trade|legal entity|entity|resource|stack|environment|env|pipeline|job|task|step|workflow|template|font|color|colour|theme|icon|asset|campaign|list|report|dashboard|workspace|tenant|instance|cert|certificate|container|pod|node|bot|skill|sheet|tab|section|category|attribute|param|parameter|option|setting|feature|flag|label|type|kind|key|index|schema|record|object|doc|document|drive|disk|volume|partition|share';
// Labels of forms, tickets and mail headers. The strong ones name a person by definition.
const CUE_LABEL_STRONG = new RegExp(
  String.raw`${B}(?:(?<!(?:${THING_NAME})(?:['’]s)?[ _-])name|full name|first name|last name|surname|given name|family name|first names|given names|forenames|middle name|legal name|previous surname|previous surname\(s\)|forename\(s\)|first name\(s\)|voornamen|assur[ée]\(e\)|salari[ée]\(e\)|maiden name|customer name|client name|contact name|contact person|account holder|account name|cardholder|card holder|name on (?:the )?card|name on (?:the )?account|patient|patient name|employee|employee name|beneficiary|guardian|spouse|prescriber|prescribing physician|pharmacist|pharmacy tech|technician|pat\.|attending physician|referring physician|emergency contact|next of kin|signature|signed|vorname|nachname|familienname|kontoinhaber|karteninhaber|ansprechpartner|nom|prénom|prenom|forename|nom complet|nom de famille|nom de naissance|titulaire|nombre|apellidos?|nombre completo|titular|cognome|nome|sobrenome|achternaam|voornaam|naam|volledige naam|geburtsname|rekeninghouder|naam rekeninghouder|naam aanvrager|naam van de aanvrager|ten name van|t\.n\.v\.|tenaamstelling|name\(s\) of account holder\(s\)|account holder\(s\)|nome completo|nome e cognome|cognome e nome|nom et pr[ée]nom|nom, pr[ée]nom|pr[ée]nom et nom|nombre y apellidos|apellidos y nombre|nombre completo del titular|primer apellido|segundo apellido|vor- und nachname|vor- und zuname|name, vorname|nachname, vorname|vorname, name|surnames|imi[eę] i nazwisko|nazwisko|imi[eę]|posiadacz rachunku|nazwa posiadacza rachunku|voor- en achternaam|naam en voornaam|ad soyad|ad[ıi] soyad[ıi]|navn|fulde navn|fullt navn|fullt namn|namn|nimi|fornavn|efternavn|etternavn|förnamn|fornamn|efternamn|etunimi|sukunimi|barnets navn|barnets namn|lapsen nimi|jméno|příjmení|jméno a příjmení|pårørende(?: ved ulykke)?|nærmeste pårørende|anhörig|närmast anhörig|forælder(?: \d)?|forelder(?: \d)?|förälder(?: \d)?|vårdnadshavare(?: \d)?|foresatt(?: \d)?|huoltaja(?: \d)?|noodcontact|hätäyhteyshenkilö|yhteyshenkilö|omainen|täufling|täuflings?name|n[ée]v|teljes n[ée]v|beteg neve|[üu]gyf[ée]l neve|vezet[ée]kn[ée]v|keresztn[ée]v|sz[üu]let[ée]si n[ée]v|nume|prenume|nume [șşs]i prenume|numele [șşs]i prenumele|ονοματεπώνυμο|ονοματεπωνυμο|πατρώνυμο|πατρωνυμο|όνομα|ονομα|επώνυμο|επωνυμο|nama|nama lengkap|nama penuh|nama pelanggan|nama pemohon|họ và tên|họ tên|soyadı|soyadi|baba adı|anne adı|vardas|pavardė|vardas,? pavardė|vārds|uzvārds|vārds,? uzvārds|eesnimi|perekonnanimi|ees- ja perekonnanimi|ime|prezime|ime i prezime|priimek|ime in priimek|meno|priezvisko|meno a priezvisko|jina|jina kamili|pangalan|buong pangalan|nafn|fullt nafn|nom i cognoms|cognoms|фио|ф\.и\.о\.|имя|фамилия|отчество|имя и фамилия|фамилия и имя|фамилия,? имя,? отчество|полное имя|имя клиента|фио клиента|фио пациента|держатель карты|владелец карты|контактное лицо|піб|п\.і\.б\.|ім['’]я|прізвище|по батькові|прізвище,? ім['’]я,? по батькові|ім['’]я та прізвище|повне ім['’]я|име|презиме|име и презиме|собствено име|фамилно име)(?:[ \t]\(?as (?:per|on|in) (?:the )?(?:pan|aadhaar|id|passport|bank|bank records|records|card|licence|license|document|documents)\)?|[ \t]?\((?:vorname, name|name, vorname|nom, pr[ée]nom|print|block capitals|en majuscules|optional)\))?\*?["']?[ \t]{0,3}(?:[:=|]|[ \t](?:-|–|—)|${LEADER})${LP}["']?$`,
  'iuy',
);
// Labels that need no colon: "Full name Sylwia Majka", "Cardholder Jane Roe", and the one a
// letter is for: "Attn. Nikko Jakubowski", "z. Hd. August Kutch", "a la atención de Felipe".
const CUE_LABEL_BARE = new RegExp(
  String.raw`${B}(?:full name|customer name|client name|patient name|contact name|account holder|cardholder|card holder|name on (?:the )?(?:card|account)|attn\.|t\.n\.v\.|z\. ?hd\.|zu händen(?: von)?|à l'attention de|à l’attention de|a la atención de|all'attenzione di|t\.a\.v\.)${SP}$`,
  'iuy',
);
/** A line's label that names a job, up to its colon (see the job label cue). */
const JOB_LABEL_BEFORE =
  /(?:^|\n)[ \t│├└─|>*-]*[^\n:]{0,40}(?<![\p{L}])(?:vp|svp|evp|director|directora|manager|head|lead|officer|chief|ceo|cto|cfo|coo|cio|president|founder|responsable(?: direct[oa])?|approver|approved by|reviewer|supervisor|coordinator|chair|secretary|treasurer|gerente|jefe|jefa|leiter|leiterin|directeur|directrice)(?![\p{L}])[^\n:]{0,40}:[ \t]*$/iu;
const CUE_LABEL = new RegExp(
  String.raw`${B}(?:customer|client|contact|agent|rep|representative|user|author|from|to|cc|bcc|attn|attention|assignee|assigned to|requester|requested by|reported by|submitted by|created by|approved by|sent by|owner|recipient|sender|caller|kunde|kundin|klant|beller|empfänger|absender|von|an|destinataire|expéditeur|de|para|cliente|destinatario|remitente|user|agente|mitarbeiter|mitarbeiterin|conseiller|conseillère|asesor|asesora|operator|bearbeiter|sachbearbeiter|handled by|anrufer|appelant|directed by|written by|produced by|ship to|bill to|deliver to|billing address|shipping address|delivery address|mailing address|address|policyholder|policy holder|insured|claimant|adjuster|subscriber|guarantor|landlord|applicant|co-applicant|borrower|co-borrower|payee|physician|attending physician|attending|witness|plaintiff|defendant|respondent|appellant|petitioner|prepared by|reviewed by|referred by|referring physician|referring doctor|treating doctor|treating physician|signed by|completed by|issued to|assigned|visitor|versicherungsnehmer|versicherungsnehmerin|versicherte|versicherter|antragsteller|antragstellerin|assuré|assurée|souscripteur|demandeur|demandeuse|asegurado|asegurada|tomador|solicitante|intestatario|richiedente|paralegal|supervisor|analyst|reviewer|approver|interviewer|interviewers|panel|panellists|panelists|reviewers|approvers|interviewed by|verified by|checked by|escalated by|closed by|updated by|clôturé par|clôturée par|traité par|traitée par|géré par|gérée par|case manager|caseworker|case worker|coordinator|specialist|primary|secondary|holder|beneficial owner|dependent|dependant|tenant|occupant|resident|nurse|pharmacist|therapist|technician|underwriter|processor|handler|cust|cx|pt|apologies|attendees|present|absent|chair|member|vermieter|vermieterin|derzeitiger vermieter|derzeitige vermieterin|mieter|mieterin|mitreisende|mitreisender|angehörige|angehöriger|hoofdboeker|hoofdreiziger|personne de confiance|personne à prévenir|persona de contacto|huurder|verhuurder|chaired by|note taker|minutes by|nominee|contact owner|record owner|account owner|lead owner|created by|paciente|patiente|paziente|patiënt|beneficiario|beneficiaria|bénéficiaire|begunstigde|beneficiário|passeggero|passeggera|passagier|passager|passagère|pasajero|pasajera|passageiro|passageira|bestuurder|conducente|conductor|conducteur|fahrer|fahrerin|contactpersoon|manager(?=[ \t]{0,3}:)|reporter(?=[ \t]{0,3}:)|employee|salarié|salariée|employé|employée|werknemer|medewerker|empleado|empleada|dipendente|pracownik|pracownica|funcionário|funcionária|colaborador|colaboradora|line manager|reporting manager|hiring manager|recruiter(?=[ \t]{0,3}:)|szerződő|szerzodo|biztosított|biztositott|beteg|ügyfél|ügyintéző|ασθενής|ασθενης|ασφαλισμένη|ασφαλισμένος|πελάτης|εκπρόσωπος|pacient|pacienta|pacientka|asigurat|asigurata|asigurată|angajat|angajata|angajată|poszkodowany|poszkodowana|ubezpieczony|ubezpieczona|pacjent|pacjentka|konsultant|konsultantka|vakuutuksenottaja|vakuutettu|potilas|asiakas|operatore|assistente|atendente|utente|zákazník|zákaznice|pojištěný|pojištěná|pojistník|handläggare|pasient|försäkrad|försäkringstagare|forsikret|forsikringstaker|forsikringstager|verzekerde|verzekeringnemer|segurado|segurada|tomador do seguro|assicurato|assicurata|contraente|referee|referees|referee \d|reference \d|contact \d|owner \d|member \d|applicant \d|borrower \d|director \d|shareholder \d|signatory \d|beneficial owner \d|contatto \d|contacto \d|vorgesetzte/r|vorgesetzter|vorgesetzte|kandidat|kandidatin|candidate|candidat|candidata|candidato|new starter|new hire|persona de contacto|personne de contact|kontaktperson|ansprechpartnerin|getuige|testigo|témoin|zeuge|zeugin|utente|mijn gegevens|renter|hirer|main driver|lead driver|additional driver|driver(?=[ \t]{0,3}:)|courier(?=[ \t]{0,3}:)|rider(?=[ \t]{0,3}:)|engineer(?=[ \t]{0,3}:)|condutor|condutora|conducteur principal|conductor principal|ospite|guest|guest name|hu[ée]sped|h[óo]spede|gast|pax|passenger|lead passenger|traveller|traveler|lead traveller|reisende|reisender|voyageur|voyageuse|viajero|viajera|viaggiatore|viaggiatrice|passinhaber|passinhaberin|inhaber|inhaberin|titolare|occupier|tour leader|group leader|gruppenleiter|gruppenleiterin|travel arranger|booker|booked by|registado por|registrado por|registered by|operatore|operatrice|operador|operadora|gestionado por|gestionada por|atendido por|atendida por|behandeld door|bearbeitet von|bearbeitet|obsługa|sprawę przyjęła|sprawę przyjął|przyjęła|przyjął|revisado por|revisto por|agreed by|forwarded by|assegnato a|asignado a|zugewiesen an|toegewezen aan|attribué à|cliënt|klient|klientka|handled|owner name|kontaktperson|buyer|seller|comprador|compradora|vendedor|vendedora|käufer|käuferin|verkäufer|verkäuferin|acheteur|acheteuse|vendeur|vendeuse|acquirente|venditore|venditrice|koper|verkoper|kupujący|kupująca|sprzedający|sprzedająca|alıcı|satıcı|właściciel|właścicielka|hesap sahibi|débiteur|débitrice|créancier|deudor|deudora|schuldner|schuldnerin|debitore|debtor|titular(?: \d)?|third party|first aider|preferred name|legal name|other party|other driver|motpart|testimone|contact famille|versicherte person|versicherter|staff|staff member|enfant|responsable légal(?: \d)?|personne reçue|donateur|donatrice|contribuente|sottoscritto|sottoscritta|il\/la sottoscritto\/a|name und anschrift des zuwendenden|zuwendende|zuwendender|attorney|parent\/carer(?: \d)?|parent\/guardian(?: \d)?|ouder\/verzorger(?: \d)?|verzorger|roepnaam|barn|podpis|assistito|assistita|proprietario|proprietaria|propietario|propietaria|propriétaire|eigenaar|eigenares|familiare di riferimento|persona di riferimento|referente|adhérent|adhérente|poa|nok|verordnender arzt|verordnende ärztin|consultant(?=[ \t]{0,3}:)|eerste contactpersoon|emprunteur|emprunteuse|co-emprunteur|co-emprunteuse|exploitant|exploitante|sociétaire|contraente|controparte|assicurato|assicurata|başvuran|sigortalı|sigorta ettiren|karşı taraf|yetkili|müşteri|försäkringstagare|kontohavare|sökande|unfallgegner|geschädigter|geschädigte|tegenpartij|verzekeringnemer|aanvrager|voyageur|reiziger|reisende/r|passageiro|passageira|kedvezményezett|számlatulajdonos|pelanggan|nasabah|pasien|pemohon|penerima|pengirim|bệnh nhân|bác sĩ|bác sĩ điều trị|khách hàng|chủ tài khoản|người nhận|người gửi|mteja|mgonjwa|mpokeaji|hasta|alıcı adı|gönderen|klients|klientas|klientė|klient|pacients|pacientas|saaja|klient|pasyente|kliyente|клиент|клиентка|покупатель|покупательница|получатель|отправитель|пользователь|пользовательница|водитель|доп\. водитель|оператор|менеджер|сотрудник|сотрудница|специалист|пациент|пациентка|заявитель|заявительница|владелец|владелица|плательщик|исполнитель|ответственный|абонент|заказчик|страхователь|застрахованный|застрахованная|пассажир|пассажирка|гость|арендатор|арендодатель|курьер|врач|клієнт|клієнтка|покупець|отримувач|отримувачка|відправник|користувач|водій|працівник|працівниця|пацієнт|пацієнтка|заявник|заявниця|власник|власниця|платник|виконавець|відповідальний|абонент|замовник|страхувальник|застрахований|застрахована|пасажир|пасажирка|лікар|клиентът|получател|подател|потребител|шофьор|служител|пациентът|клијент|корисник|возач|запослени|пацијент)[ \t]{0,12}(?:[:|]|${LEADER})${LP}$`,
  'iuy',
);
// "my wife Anna", "our colleague Tom", "the patient's son Kellen", "named Sam", "partner's name
// Lee". Words are spelt out
// whole ("Tochter", not "[Tt]ochter"): the cue word table is read from this source.
const CUE_RELATION = new RegExp(
  String.raw`${B}(?:(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our) (?:(?:late|dear|little|older|younger|eldest|youngest|step|ex|new) )?(?:wife|husband|son|daughter|partner|mother|mom|mum|father|dad|brother|sister|friend|colleague|co-worker|coworker|manager|boss|kid|child|children|grandmother|grandma|grandfather|grandpa|grandson|granddaughter|uncle|aunt|cousin|nephew|niece|fiancé|fiancée|boyfriend|girlfriend|spouse|neighbor|neighbour|tenant|landlord|assistant|doctor|lawyer|accountant|teacher|customer|client|contact|supervisor|teammate|roommate|flatmate)(?:'s name is|’s name is| is)?|(?:named|called)(?: (?:him|her))?|by the name of|under the name(?: of)?|in the name of|name of|partner's name|partner’s name|(?:account is|it's|it’s|it is|is it|booked|registered|listed) under(?: my(?: \p{L}{3,12}['’]s)? name)?|(?:change|changed|correct|update|updated|rename) (?:it|the name|my name|the account name|the name on the account) to|[Mm]eine (?:Frau|Tochter|Mutter|Schwester|Kollegin|Partnerin|Nachbarin|Freundin)|[Mm]ein (?:Mann|Sohn|Vater|Bruder|Kollege|Partner|Nachbar|Freund)|[Mm]a (?:femme|fille|mère|sœur|collègue|voisine|amie|cousine|tante)|[Mm]on (?:mari|fils|père|frère|collègue|conjoint|voisin|ami|cousin|oncle)|(?:[Mm]i|[Tt]u|[Ss]u|[Dd]el|[Dd]e su|[Dd]e mi) (?:esposa|esposo|mujer|marido|hija|hijo|madre|padre|hermana|hermano|compañero|compañera|pareja|vecina|vecino|amiga|amigo|abuela|abuelo|nieta|nieto)|(?:[Ii]l|[Dd]el|[Mm]io|[Mm]ia|[Ss]uo|[Ss]ua|[Ll]a|[Dd]ella|[Ss]ul|[Aa]l) (?:figlio|figlia|marito|moglie|madre|padre|fratello|sorella|nonno|nonna|compagno|compagna)|(?:[Mm]eu|[Mm]inha|[Ss]eu|[Ss]ua|[Dd]o|[Dd]a|[Dd]o seu|[Dd]a sua) (?:filho|filha|marido|esposa|esposo|mulher|mãe|pai|irmão|irmã|avó|avô|neto|neta)|(?:[Ss]on|[Ss]a) (?:fils|fille|mari|femme|mère|père|frère|sœur|conjoint|conjointe)|(?:[Ss]eine|[Ii]hre) (?:Frau|Tochter|Mutter|Schwester|Partnerin)|(?:[Ss]ein|[Ii]hr) (?:Mann|Sohn|Vater|Bruder|Partner))[ \t,:]{1,3}$`,
  'uy',
);
const CUE_CUSTOMER_PAREN =
  /(?<![\p{L}])(?:(?:customer|client|user|kunde|kundin|cliente|agent|agente|mitarbeiter|mitarbeiterin|conseiller|conseillère|asesor|asesora|operator|support|rep)|(?:agent|internal|legal|reviewer|handler|case|call|internal) (?:summary|note|notes|comment|review)|(?:notatka|uwagi|notiz|nota|note|remarque|rascunho|borrador|bozza|concept) (?:konsultanta|bok|des beraters|del agente|do agente|de l'agent|dell'operatore|van de medewerker)|internal|legal|notatka konsultanta|uwagi bok)\s?\(\s?$/iu;
/** What may stand before "X here": nothing on the line, a sentence's end, or a greeting. */
const OPENS_INTRODUCTION =
  /(?:^|\n|[.!?][ \t]+|(?:hi|hello|hey|hallo|bonjour|hola|ciao|yo)[ \t]*[,!]?[ \t]+)[ \t]*$/iu;

/** The words GREETING_THEN_SELF can end with, to test before it. */
const INTRODUCTION_END =
  /(?:it's|it’s|is|est|ici|soy|sono|aquí|bin|ist|spricht|sou|eu,?|again|encore|nuevo|nochmal|ancora|vez)[ \t]{1,3}$/i;

/** A greeting opening the line, then an introduction, right before a name. */
const GREETING_THEN_SELF =
  /(?:^|\n)[ \t]*["“'‘«]?(?:(?:oui|yes|ok|okay),?[ \t])?(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|hola|buenas(?: tardes| noches)?|buenos días|hallo|guten (?:tag|morgen|abend)|moin|servus|ciao|buongiorno|buonasera|olá|oi|hoi|hej)[ \t]*[,!.]?[ \t]{1,3}(?:it's|it’s|it is|this is|c'est|c’est|ici|soy|sono|aquí|ich bin|hier ist|hier spricht|sou eu,?|sou)(?:[ \t](?:again|encore|de nuevo|nochmal|ancora|outra vez))?[ \t]{1,3}$/iu;

/** After a name: "add Irene Sörös as a beneficiary". Exported for the tests of mayAsRole. */
export const CUE_AFTER_AS_ROLE =
  /^\s(?:as (?:a |an |the |my |our )?(?:beneficiary|guardian|authori[sz]ed user|additional user|user|member|contact|co-owner|owner|admin|administrator|signatory|dependent|dependant|emergency contact|account holder|cardholder|driver))\b/iu;
/** Nouns for what a person is or does. */
const ROLES = String.raw`player|producer|songwriter|writer|author|singer|actor|actress|director|ceo|cto|cfo|founder|co-founder|manager|engineer|developer|designer|agent|representative|colleague|technician|doctor|dr|nurse|teacher|professor|lawyer|attorney|president|chairman|minister|senator|coach|captain|officer|detective|inspector|customer|client|employee|patient|tenant|neighbor|neighbour|cardholder|applicant|candidate|student|intern|contractor|volunteer|member|driver|courier|recipient|passenger|caller|sender|borrower|co-borrower|guarantor|claimant|beneficiary|payee|policyholder|underwriter|cliente|clienta|klant|kunde|kundin|paciente|paziente|patiënt|locataire|inquilino|inquilina|mieter|mieterin|utente|usuario|usuaria|kollege|kollegin|collega|collègue|compañero|compañera|kunden|kurier|kurierka|klient|klientka|repartidor|repartidora|bezorger|livreur|livreuse|fattorino|zusteller|zustellerin|executive|rider|constable|PC|sergeant|paramedic|pharmacist|receptionist|cashier|clerk|adviser|advisor|consultant|specialist|supervisor|concierge|plumber|electrician|mechanic|installer|surveyor|adjuster|dispatcher|(?<!\d[ \t]?)pt|cx|cust|mbr`;
const ROLE_WORDS: ReadonlySet<string> = new Set(ROLES.split('|'));
// "tennis player Hülya Bouwmeester", "our engineer Tom Baker": a person noun right before.
const CUE_ROLE_BEFORE = new RegExp(
  String.raw`${B}(?:${ROLES}|signed(?: for)? by|[Cc]ompleted by|[Rr]eviewed by|[Aa]pproved by|[Vv]erified by|reporting to)${SP}$`,
  'uy',
);
/**
 * The same nouns in an apposition right after the name: "Hijacinta Godina, the technical
 * writer, said", "Tom Baker, our account manager".
 */
const ROLE_AFTER = new RegExp(
  String.raw`^,[ \t](?:the|our|a|an|my|your|their|his|her)[ \t](?:[\p{L}-]{2,20}[ \t]){0,2}(?:${ROLES})s?(?![\p{L}])`,
  'iu',
);
// The same roles capitalised, as a sentence or a caption starts ("Producer Gherardo Napolitani
// explained"): only before two words or more, since "Client Secret" and "Manager Approval" are
// things, not people.
const CUE_ROLE_BEFORE_CAP = new RegExp(CUE_ROLE_BEFORE.source, 'iuy');
// Speech verbs: "says Hartvigsson.", "said Maslin to Antonio".
const CUE_SPEECH = new RegExp(
  String.raw`${B}(?:said|says|asked|told|replied|according to|thanks to)${SP}$`,
  'iuy',
);
/**
 * Work handed to someone: "ask Wade in IT", "I'll loop in Rommel", "pass this one to
 * Oluwadamilare", "Lo paso a Ximena del equipo", "Já falei com o Rui".
 */
const CUE_HANDOFF = new RegExp(
  String.raw`${B}(?:ask|loop in|looping in|looped in|escalate to|escalated to|pass to|passed to|pass it to|pass this to|pass this one to|hand over to|handed over to|hand it to|hand this to|transfer to|transferred to|paso a|pasé a|passo para|passei para|falei com o|falei com a|falei com|hablé con|sprach mit)${SP}$`,
  'iuy',
);
/** After a name: "Nancy (agent)". Exported for the tests of mayParenRole. */
export const CUE_AFTER_PAREN_ROLE =
  /^\s?\((?:customer|client|user|agent|kunde|kundin|cliente|cc)(?:\)|[ \t,:#](?!\d))/iu;
const PARTY_ROLES = String.raw`(?:Claimant|Defendant|Respondent|Appellant|Applicant|Petitioner|Plaintiff|CLAIMANT|DEFENDANT|RESPONDENT|APPELLANT|APPLICANT|PETITIONER|PLAINTIFF)`;
const PARTY_HINT = /claimant|defendant|respondent|appellant|applicant|petitioner|plaintiff/i;
const CAPS_BEFORE_PARTY = new RegExp(
  String.raw`(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}'’-]+(?:[ \t]\p{Lu}[\p{Lu}'’-]*){1,4})(?=[ \t]*\(${PARTY_ROLES}\)|\t+${PARTY_ROLES}|,[ \t]${PARTY_ROLES})`,
  'gu',
);
/** "v." between the parties of a case: after the first, before the second. */
const CASE_V_AFTER = /^ v\.? \p{Lu}/u;
const CASE_V_BEFORE = /[\p{L}.] v\.? $/u;
/** A matter's heading: "Re:", "Matter:", "Case:", "In the matter of", then the parties. */
const CASE_LINE_BEFORE =
  /^[ \t>]*(?:re|matter|case|claim|our client|in the matter of)\b[ \t]*:?[ \t]/i;
/** A party's role after a name: " (Claimant)", "\tDefendant", ", Respondent". */
const LEGAL_PARTY_AFTER =
  /^(?:[ \t]?\(|\t+|,[ \t]|[ \t]+[-–][ \t]+)(?:first |second |the )?(?:claimant|defendant|respondent|appellant|applicant|petitioner|plaintiff|deceased|executor|executrix|testator|testatrix|claimants|defendants|respondents)(?:\)|[ \t]*(?:\r?\n|$))/i;
/** A desk or a shift in brackets after a name: "(returns team)", "(night shift)", "(billing)". */
const PAREN_DESK_AFTER =
  /^ ?\((?:[\p{L}-]{2,14} ){0,2}(?:team|shift|desk|support|billing|escalations|returns|dispatch|warehouse|accounts|sales|supervisor|team lead|agent|rider|driver|courier|ops|tier [1-3]|l[1-3])\)/iu;
// Sign-offs: the name stands at the start of the next line (or after the comma on the same line).
const SIGN_OFF = String.raw`(?:thx|thnx|tks|tia|best|best regards|thanks & regards|thanks and regards|thanks n regards|with regards|with best regards|with kind regards|kind regards|warm regards|warmest regards|regards|many thanks|thanks|thanks again|thank you|thanks so much|cheers|sincerely|yours sincerely|sincerely yours|yours truly|yours faithfully|faithfully|respectfully yours|yoursrespectfully|cordially|best wishes|all the best|take care|talk soon|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|viele grüße|beste grüße|liebe grüße|herzliche grüße|lg|mfg|vg|gruß|grüße|danke|vielen dank|cordialement|bien cordialement|bien à vous|salutations|sincères salutations|amicalement|merci|merci beaucoup|bises|saludos|un saludo|saludos cordiales|cordiales saludos|atentamente|gracias|muchas gracias|un abrazo|abrazos|bonne journée|bonne soirée|bonne fin de journée|belle journée|merci d'avance|à bientôt|schöne grüße|schöne grüsse|schönen tag|schönen gruß|danke im voraus|un cordial saludo|gracias de antemano|hasta pronto|thanks in advance|have a nice day|have a great day|warmly|cordiali saluti|distinti saluti|saluti|un saluto|grazie mille|atenciosamente|cumprimentos|melhores cumprimentos|obrigado|obrigada|abraços|met vriendelijke groet|vriendelijke groeten|met vriendelijke groeten|groet|groeten|groetjes|hartelijke groet|mvg|bedankt|med vänliga hälsningar|vänliga hälsningar|hälsningar|mvh|med venlig hilsen|venlig hilsen|med vennlig hilsen|vennlig hilsen|hilsen|tack|takk|ystävällisin terveisin|terveisin|kiitos|z poważaniem|pozdrawiam|dziękuję|s pozdravem|děkuji|üdvözlettel|tisztelettel|köszönöm|с уважением|спасибо|всего доброго|з повагою|дякую|με εκτίμηση|ευχαριστώ|signed|--|—)`;
const CUE_SIGN_OFF_LINE = new RegExp(
  String.raw`(?:^|\n)[ \t]*${SIGN_OFF}[ \t]*(?:[,.]|!{1,3})?[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*$`,
  'iu',
);
const CUE_SIGN_OFF_INLINE = new RegExp(String.raw`${B}${SIGN_OFF}[ \t]*,?${SP}$`, 'iuy');
/** After a name: "Anna wrote:", "Jona <jona@...> schrieb". Exported for the tests of mayWrote. */
export const CUE_WROTE =
  /^\s{0,2}(?:<[^<>\n]{1,80}>\s{0,2})?(?:wrote|writes|said|says|replied|answered|commented|schrieb|hat geschrieben|a écrit|escribió|(?:has )?joined the (?:chat|conversation|call|meeting)|left the (?:chat|conversation|call|meeting)|started the (?:chat|conversation))\b/iu;
const CUE_CC = /(?:cc|cc'd|looping in|loop in|adding|ping|pinging)[ \t:]{1,3}$/iuy;
/** A request to whoever was just named: "... can you", "... please", "... fyi". */
const REQUEST_AFTER =
  /^,?[ \t](?:can|could|would|will) (?:you|u)\b|^,?[ \t](?:please|pls|plz|fyi)\b/i;
/** Whether a closing bracket stands right before the colon that precedes `start`. */
function bracketBeforeColon(text: string, start: number): boolean {
  let k = start - 1;
  while (k > 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (text.charCodeAt(k) !== 58) return false;
  k--;
  while (k > 0 && text.charCodeAt(k) === 32) k--;
  return text.charCodeAt(k) === 41;
}
const NAME_LABEL_BRACKET =
  /(?:^|[^\p{L}])(?:full |first |last |given |family |middle |legal |maiden |customer |traveller |traveler |passenger |patient )?names?[ \t]?\([^()\n]{1,24}\)[ \t]{0,2}:[ \t]{0,8}$/iu;
/** IN_NAME_OF at `start`, tried only after a space and one of its last letters ("a", "di", "de", "van"). */
function inNameOfEnd(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 32) return false;
  const c = text.charCodeAt(start - 2);
  if (c !== 97 && c !== 105 && c !== 101 && c !== 110) return false;
  return IN_NAME_OF.test(text.slice(Math.max(0, start - 16), start));
}
const IN_NAME_OF =
  /(?:intestat[oa] a|a nome di|au nom de|a nombre de|em nome de|op naam van)[ \t]{1,3}$/iu;
/** Whether "'s " stands among the 24 characters before `start`. */
function possessiveBefore(text: string, start: number): boolean {
  // (Read in place: a search of the text from there would run on to its end when none is near.)
  for (let k = Math.max(0, start - 24); k < start - 2; k++) {
    const c = text.charCodeAt(k);
    if (
      (c === 39 || c === 0x2019) &&
      text.charCodeAt(k + 1) === 115 &&
      text.charCodeAt(k + 2) === 32
    ) {
      return true;
    }
  }
  return false;
}
const POSSESSIVE_RELATION =
  /\p{L}['’]s (?:wife|husband|son|daughter|partner|mother|mom|mum|father|dad|brother|sister|friend|colleague|boss|kid|child|spouse|caregiver|carer|guardian)[ \t,:]{1,3}$/u;
// Place names built from names: "San Francisco", "Fort Lauderdale".
const PLACE_BEFORE_WORDS =
  /San|Santa|Santo|São|Sao|Saint|St|Ste|Sankt|Fort|Port|Mount|Mt|Mont|Monte|Lake|Cape|Los|Las|Porto|Puerto|Villa|Bad|Glen|Palo|Del|Costa|Hotel|Hôtel|Hostel|Hostal|Gasthof|Gasthaus|Via|Viale|Piazza|Calle|Avenida|Plaza|Rue|Atelier|Werkstatt|Taller|IES|CEIP|EMEF|EMEI|Colegio|Escola|Escuela|Liceo|Lycée|Collège|Gymnasium|Instituto|Universidad|Universidade|Università|Universität|Universiteit|Université|Uniwersytet|Hospital|Hôpital|Ospedale|Policlinico|Poliklinik|Klinikum|Krankenhaus|Clínica|Clinica|Clinique|Ziekenhuis|Kliniek|Farmacia|Pharmacie|Apotheke/u;
const PLACE_BEFORE = new RegExp(String.raw`(?:${PLACE_BEFORE_WORDS.source})\.? $`, 'uy');

// Weak cues for a lone first name: it is a subject, an object of a person verb, or in a list.
const WEAK_BEFORE = new RegExp(
  String.raw`${B}(?:forwarded (?:message )?from|encaminhada de|doorgestuurd bericht van|weitergeleitet von|transféré de|reenviado de|inoltrato da|przekazano od|to|with|from|for|by|and|or|told|asked|thank|thanks|call|ask|ping|contact|tell|meet|met|said|says|saw|spoke|talked|emailed|messaged|called|named|starring|featuring|congrats|congratulations|welcome|sorry|behalf of|attention of|cc|let|help|remind|inform|is|was|but|him|her|given|gave|sent|meet|hug|love|miss|kiss|invite|invited|visit|visited|like|than|about|reach|reached|contacted|text|texted|phoned|notify|notified|email|message|thanked|reminded|informed|pinged|helped|assist|assisted|paid|refunded|charged|billed)${SP}$`,
  'iuy',
);
// For runs of unknown capitalised words only verbs that take a person count.
const WEAK_BEFORE_MULTI = new RegExp(
  String.raw`${B}(?:by|says|said|told|asked|thanks|thank|named|called|starring|featuring|met|meet|contact|cc|spoke (?:to|with)|talked to|assistant to|married|replaced|hired|fired|(?:follow up|follow-up|speak|spoke|talk|talked|meet|met|chat|chatted|work|worked|check|checked|call|reach out) (?:with|to)|tribute to|heard|interview with|interviewed|welcome|welcomes|congratulate|introduce|introducing|assigned to|reassigned to|belongs to|belonged to|forward(?:ed|ing)? (?:this |it )?to|escalat(?:ed|ing) (?:this |it )?to|transferred (?:this |it |me )?to|handed (?:this |it )?(?:over )?to|on behalf of|parlé avec|discuté avec|transmettre à|transmis à|hablé con|hablado con|hablamos con|reenvíe (?:esto )?a|reenviar a|parlato con|inoltra a|inoltrare a|gesproken met|sprak met|(?:stuur|stuurde) (?:dit |het )?door naar|falei com|encaminhe para|encaminhar para|handing (?:this |it )?(?:over )?to|(?:incoming |missed )?call from|forwarded (?:message )?from|encaminhada de|mensagem encaminhada de|doorgestuurd bericht van|weitergeleitet von|transféré de|reenviado de|inoltrato da|przekazano od|(?:call|message|email|e-mail|mail|voicemail|note|comment|feedback|reply|complaint|letter) from|(?:anruf|nachricht|rückruf) von|appel (?:entrant |manqué )?de|llamada (?:entrante |perdida )?de|chiamata (?:in entrata |persa )?da|(?:payable|made out|addressed|issued) to|(?:statement|receipt|itinerary|boarding pass|prescription) for|prepared for|(?:conversation|chat|call|meeting|session|appointment|consultation) with)${SP}$`,
  'iuy',
);
/**
 * What a person does business through, before the one it is for: "the package for X", "the
 * booking under X", "as discussed with X". Weaker than WEAK_BEFORE_MULTI ("the parcel under
 * Two-Factor Authentication"): the run must be of words that could be name parts.
 */
const OWNER_BEFORE = new RegExp(
  String.raw`${B}(?:(?:discussed|agreed|confirmed|checked|arranged|settled) with|(?:order|package|parcel|refund|booking|reservation|shipment|delivery|invoice|details|claim|replacement|appointment)s? (?:for|of|under))${SP}$`,
  'iuy',
);
const WEAK_AFTER =
  /^(?:['’]s)?\s?(?:is|was|has|had|said|says|wrote|asked|told|called|will|would|can|could|should|did|does|replied|mentioned|who|explained|added|noted|confirmed|shouted|listed|began|lives|lived|works|worked|and|or|just|also|never|always|so|then|lives|flew|went|came|from|gets|got|needs|wants|likes|loves|knows|thinks|feels|seems|,|:|\?|!)(?![\p{L}])/iu;
/**
 * A person's verb after a lone given name in the other languages of the tickets: "Ruben neemt
 * mijn tickets over", "Inès assure la permanence", "Bastien envoie l'exercice", "Jordi y
 * Montse", "Kiki übernimmt". (Verbs that things take as well, "ist", "est", "es", are left out.)
 */
const FOREIGN_VERB_AFTER =
  /^ (?:sagt|sagte|meint|meinte|schreibt|schrieb|ruft|rief|übernimmt|kümmert|hat angerufen|ist krank|ist im urlaub|dit|disait|envoie|assure|appelle|rappelle|s'occupe|gère|est malade|est en congé|dice|dijo|manda|envía|llama|llamó|se encarga|me cubre|te cubre|está de baja|dice che|ha detto|manda|chiama|ha chiamato|si occupa|è malato|è malata|zegt|zei|neemt|belt|stuurt|mailt|is ziek|diz|disse|liga|ligou|manda|vai ligar|está doente|mówi|powiedział|powiedziała|dzwoni|dzwonił|dzwoniła|prowadziła|prowadził|przejmuje)(?![\p{L}])/iu;
/** What happens to a customer in a ticket: "... was charged twice", "... got locked out". */
const SUPPORT_PASSIVE_AFTER =
  /^\s(?:was|were|has been|had been|got|gets|is being|keeps getting) (?:charged|billed|refunded|overcharged|double[- ]charged|contacted|notified|emailed|called|locked out|logged out|suspended|banned)(?![\p{L}])/u;
/**
 * A user's or a customer's id in parentheses after the name: "(ID 3321)", "(customer #88)".
 * Not a bare "(#414)": an issue or a pull request ("use Nix Flakes (#414)").
 */
const ACCOUNT_ID_AFTER =
  /^\s?\((?:user ?id|id|uid|account|acct|customer ?(?:id|no\.?|number|#)|member ?(?:id|#))[\s:#.]*\d/i;
/**
 * What a person is, said of the name as a predicate, with where they work or not: "Rościsław
 * Dudek of Lexisnexis is the CEO", "Tamsin Oduya is our account manager". Only roles a firm or
 * a product cannot fill ("the client", "the partner", "the provider" can be a company).
 */
const ROLE_PREDICATE_AFTER = new RegExp(
  String.raw`^\s(?:(?:from|of|at) (?:the )?\p{Lu}[\p{L}&'’.-]*(?: \p{Lu}[\p{L}&'’.-]*){0,3},?\s)?(?:is|was|will be|has been|became|is now) (?:the|our|a|an|their|his|her|my|your) (?:[\p{Ll}-]{2,20} ){0,2}(?:ceo|cto|cfo|coo|CEO|CTO|CFO|COO|founder|co-founder|cofounder|manager|engineer|developer|designer|representative|colleague|technician|doctor|nurse|teacher|professor|lawyer|attorney|president|vice president|chairman|chairwoman|chairperson|senator|coach|detective|inspector|employee|patient|tenant|neighbou?r|intern|volunteer|driver|courier|speaker|keynote speaker|organi[sz]er|editor|journalist|reporter|author|writer|singer|actor|actress|producer|songwriter|consultant|analyst|assistant|secretary|accountant|supervisor|landlord|landlady|husband|wife|son|daughter|mother|father|brother|sister|boyfriend|girlfriend|friend|cousin|uncle|aunt)(?![\p{L}-])`,
  'u',
);
/**
 * A trait only a person has, said of the name ("Katrine is so impulsive", "Why is Natasja so
 * rude?"), and traits a product shares ("reliable", "helpful"), which count for listed given
 * names only.
 */
const PERSON_TRAIT = String.raw`impulsive|rude|impolite|polite|courteous|honest|dishonest|arrogant|lazy|shy|jealous|pregnant|married|divorced|widowed|retired|stubborn|selfish|generous|upset|angry|furious|grumpy|moody|sweet|kind|brave|ambitious|talented`;
const SHARED_TRAIT = String.raw`reliable|unreliable|helpful|unhelpful|nice|lovely|brilliant|smart|great|amazing|awesome|friendly`;
const TRAIT_AFTER = new RegExp(
  String.raw`^ (?:is|was|seems|seemed|has been|can be) (?:very |so |really |always |extremely |quite |too |incredibly |super )?(?:(${PERSON_TRAIT})|${SHARED_TRAIT})(?![\p{L}-])`,
  'u',
);
const TRAIT_QUESTION_BEFORE = /\b(?:[Ww]hy|[Hh]ow) (?:is|was) $/;
const TRAIT_QUESTION_AFTER = new RegExp(
  String.raw`^ (?:so |that |this |always )?(?:(${PERSON_TRAIT})|${SHARED_TRAIT})(?![\p{L}-])`,
  'u',
);
/** Giving someone their own thing: "had given Alma his address", "sent Ivo her number". */
const GIVEN_BEFORE =
  /\b(?:gave|given|give|sent|send|handed|showed|shown|told|offered|emailed|texted) $/;
const HIS_HER_NOUN_AFTER = /^ (?:his|her) (?:new |old |home |own )?\p{Ll}{3,}/u;

/** A ticket's number and a dash, right before a name: "#122856 – ", "CS-374581 - ". */
const TICKET_NUMBER_DASH_BEFORE = /(?:#|\b[A-Z]{2,6}-)\d{3,10}[ \t]{1,2}[–—-][ \t]{1,2}$/;

/**
 * Plurals only people fill (not "partners", "customers", "members" or "suppliers", which firms
 * can be): in a predicate ("were engineers") and before a colon ("founders:").
 */
const PEOPLE_PLURAL = String.raw`engineers|developers|designers|founders|co-founders|cofounders|colleagues|friends|brothers|sisters|cousins|siblings|twins|musicians|singers|songwriters|writers|authors|actors|actresses|directors|producers|doctors|nurses|teachers|professors|lawyers|attorneys|students|classmates|roommates|teammates|bandmates|coworkers|co-workers|neighbou?rs|spouses|scientists|researchers|artists|painters|photographers|journalists|reporters|editors|employees|players|coaches|attendees|participants|speakers|panell?ists|guests|contributors|maintainers|staff|agents|reviewers|approvers|signatories|witnesses|children|kids|sons|daughters|parents|grandchildren|passengers|travell?ers|tenants|managers|hosts|judges|teilnehmer|mitarbeiter|gründer|fondateurs|invités|participantes|fundadores|invitados|partecipanti|fondatori`;
/** Two single words joined by "and", said to be people: "Marrero and Murphy were engineers". */
const PAIR_PREDICATE_FIRST = new RegExp(
  String.raw`^ and \p{Lu}[\p{L}'’-]+ (?:were|are|became|have been) (?:the |both |all |two )?(?:[\p{Ll}-]{2,20} ){0,2}(?:${PEOPLE_PLURAL}|married)(?![\p{L}])`,
  'u',
);
const PAIR_PREDICATE_SECOND = new RegExp(
  String.raw`^ (?:were|are|became|have been) (?:the |both |all |two )?(?:[\p{Ll}-]{2,20} ){0,2}(?:${PEOPLE_PLURAL}|married)(?![\p{L}])`,
  'u',
);
const PAIR_BEFORE = /\p{Lu}[\p{L}'’-]+ and $/u;

/** A possessive of what a person has in a support ticket: "Hannelore's order", "Ivo's wife". */
const PERSONAL_POSSESSIVE =
  /^['’]s\s(?:order|orders|account|email|e-mail|phone|number|address|husband|wife|partner|son|daughter|mother|mom|mum|father|dad|card|package|parcel|refund|ticket|request|booking|reservation|appointment|subscription|flight|profile|password|details|birthday|payment|invoice|laptop|car|retirement|farewell|leaving|wedding|funeral|promotion|maternity|paternity|sick|shift|desk|manager|team|contract|visa|application)\b/i;
/** Where someone works, a firm with its legal form: " from Acme Corp", " at Globex, Ltd.". */
const FIRM_AFTER =
  /^ (?:(?:is|was|works|worked) )?(?:from|of|at|with|for|bei|von|chez|de) (?:the )?\p{Lu}[\p{L}&'’.-]*(?: (?:&|and|\p{Lu}[\p{L}&'’.-]*)){0,3},? (?:Inc|LLC|LLP|Ltd|Limited|Corp|Corporation|Co|Company|GmbH|AG|KG|SA|SAS|SARL|SRL|SpA|BV|NV|PLC|Group|Holdings|Oy|AB|AS|ApS)\b/u;

/** What follows a mention that asks the one mentioned: "@X can you ...", "@X, please ...". */
const MENTION_ASKED =
  /^[,:]?[ \t]+(?:(?:can|could|would|will|do|did|are|have)[ \t]+(?:you|u|we|i)|please|pls|thanks|thank you|fyi|ptal)(?![\p{L}])/iu;
/** What precedes a mention that copies someone in or thanks them: "cc @X", "thanks @X". */
const MENTION_COPIED =
  /(?:^|[^\p{L}])(?:cc|bcc|ping|thanks|thank you|hi|hey|hello|ask|looping in|adding)[ \t:,]+@$/iu;

/** A possessive before a word of kinship (not "sister company", "parent brand"). */
const KIN_AFTER =
  /^['’]s\s(?:husband|wife|son|daughter|mother|mom|mum|father|dad|kid|kids|child|children|baby|brother|sister|boyfriend|girlfriend|fianc[ée]e?|parents|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|nephew|niece|uncle|aunt|cousin|stepson|stepdaughter|stepmother|stepfather|widow|widower)(?![\p{L}-])(?!\s(?:company|companies|brand|brands|site|sites|ship|ships|label|firm|firms|store|stores|paper|organi[sz]ation|city|cities|school|product|products|publication))/iu;

/** Whether an apostrophe follows `end`, where KIN_AFTER can match. */
function mayPossessive(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return c === 39 || c === 0x2019;
}
/** What ends a quote header after the writer's name: ":" or "<address>:". */
const QUOTE_HEADER_AFTER = /^[ \t]?(?:<[^<>\n]{1,80}>[ \t]?)?:[ \t]*(?:\r?\n|$)/;
/** "Am <date> um <time> schrieb " right before the name. */
const SCHRIEB_BEFORE = /\b(?:am|on)\b[^\n]{4,40}\bschrieb[ \t]$/i;
/** A customer service desk after an agent's name, in the languages of the chats. */
const AGENT_DESK_AFTER =
  /^ (?:(?:from|of|with|at|du|de|del|da|do|dalla|dal|van|von|vom|vanuit)(?: the| la| le| el| il| o| a| het| de| der| dem| den)? (?:customer (?:care|service|support|success)|support|help ?desk|service (?:client|clients|clientèle|après-vente|à la clientèle)|relation client|(?:support |billing |sales )?team|équipe(?: support| client)?|equipo(?: de (?:soporte|atención(?: al cliente)?|ventas))?|servicio al cliente|atención al cliente|soporte|apoio ao cliente|atendimento|klantenservice|klantenteam|kundenservice|kundendienst|kundenbetreuung|assistenza clienti|servizio clienti|obsługi klienta|biura obsługi)|z tej strony|z działu obsługi|hier vom kundenservice)(?![\p{L}])/iu;
/** "X here." introducing oneself, in English, German, French and Spanish. */
const HERE_AFTER =
  /^ (?:here|hier|ici|aquí|aqui|speaking|à l['’]appareil|am apparat|al habla|al aparato)(?=[.,:;!–-]|[ \t][–—-][ \t]|\s*\n)/u;
// Verbs whose subject is a person ("lives", "explained"), not a company or a product ("is",
// "has", "will" take both).
const PERSON_VERB_AFTER =
  /^\s(?:lives|lived|said|says|told|asked|wrote|replied|explained|shouted|whispered|began writing|listed his|listed her|flew|died|was born|married|thinks|feels|loves|hates|smiled|laughed|cried|sang|called about|phoned|rang|complained|hat angerufen|hat geschrieben|hat gesagt|a appelé|a écrit|a dit|llamó|escribió|dijo|ha chiamato|ha scritto|ha detto|belde|schreef|zei|ligou|escreveu|disse)(?![\p{L}])/u;
/** A degree or a generational suffix after a name: "DDS", "PhD", "Jr.", "III". */
const SUFFIX_AFTER =
  /^,?\s(?:DDS|DMD|MD|M\.D\.|PhD|Phd|Ph\.D\.|DVM|Esq|CPA|RN|Jr|Sr|II|III|IV)\.?(?=[\s,;:)]|$)(?!,?\s{0,2}\d)/u;
/** A word in capitals right after the segment ("Travis CI"). */
const ACRONYM_AFTER = /^ ([A-Z]{2,4})(?![\p{L}\p{N}.])/u;
/** An assistant's or a bot's apposition: ", your monitoring assistant". */
const BOT_AFTER =
  /^,? (?:your|the|our) (?:[\p{L}-]+ ){0,2}(?:assistant|bot|chatbot|chat bot|copilot|helper|agent bot)(?![\p{L}])/iu;
/** TRAVEL_BEFORE's prepositions alone: tried first, at the window's end only. */
const TRAVEL_PREPOSITION = /(?:in|to|at|near|into|from)[ \t]$/;
/** A verb of staying or travel and its preposition, right before the segment. */
const TRAVEL_BEFORE =
  /(?:^|[^\p{L}])(?:stay|stayed|staying|live|lives|lived|living|moved|moving|move|located|based|relocated|relocating|travel(?:l)?ed|travel(?:l)?ing|flew|flying|fly|drove|driving|vacationed|vacationing|holidayed|holidaying|arrived|arriving|headed|heading) (?:in|to|at|near|into|from)[ \t]$/u;

/** The suffixes of SUFFIX_AFTER that are read as a capitalised word of the name. */
const SUFFIX_WORD = /^(?:DDS|DMD|PhD|Phd|DVM|Esq|CPA|Jr|Sr)$/;
/** Of those, the ones that say someone got in touch: a support ticket's "X called about ...". */
/** A markup tag that names a person, right before the element's text. */
const NAME_TAG_BEFORE =
  /<(?:(?:customer|contact|user|client|display|account|holder|billing|shipping|patient|employee|person|recipient|sender|guest|passenger|author)[_ -]?)?(?:name|full[_ ]?name|first[_ ]?name|last[_ ]?name|surname|given[_ ]?name|family[_ ]?name|customer|contact|recipient|holder|person|author|sender|employee|patient|guest|passenger|vorname|nachname|familienname|imi[eę]|nazwisko|pr[ée]nom|nombre|apellidos?|cognome|voornaam|achternaam|f[öo]rnamn|efternamn|fornavn|etternavn|efternavn|etunimi|sukunimi|jm[ée]no|p[řr][íi]jmen[íi])>$/i;
/** Given names that are also months. */
const MONTH_NAMES = new Set(['April', 'May', 'June', 'August']);
/** Verbs whose subject is a person, after a name opening a sentence (see scoreSegment). */
const SUBJECT_VERB_AFTER =
  /^\s(?:(?:wants|wanted|would like) (?:to know|to cancel|to return|to speak|to talk|a refund|his|her)|(?:needs|needed) (?:help|a refund|to speak|to talk)|asked|asks|says|said|told|wrote|writes|replied|phoned|emailed|complained|thinks|feels|mentioned|explained|requested|reported|is asking|was asking|signed|was born|moved|joined|starts|started|died|passed away|graduated|married|retired|is moving|is relocating|turned \d{1,3})(?![\p{L}])/u;
/**
 * The same for two people joined by "and" before a verb in the plural: "Hirut Bekele and Dawit
 * Girma were both on the bus", "Mordechai Weisz and Rivka Goldfarb signed as witnesses".
 */
const PLURAL_VERBS =
  '(?:were|are both|signed|share|shared|live|lived|moved|joined|organi[sz]ed|played|will represent|have asked|asked|called|both)(?![\\p{L}])';
const PAIR_SUBJECT_AFTER = new RegExp(
  String.raw`^ and \p{Lu}\p{Ll}{1,20}(?:[ -]\p{Lu}\p{Ll}{1,20}){1,2} ${PLURAL_VERBS}`,
  'u',
);
/** The second of such a pair: the first, opening its sentence, and "and" before it. */
const PAIR_FIRST_BEFORE =
  /(?:^|[.!?\n]\s{0,3})(\p{Lu}\p{Ll}{1,20}(?:[ -]\p{Lu}\p{Ll}{1,20}){1,2}) and $/u;
/** Whether `before` ends in such a first conjunct, none of its words an English one. */
function firstOfPairBefore(before: string): boolean {
  const m = PAIR_FIRST_BEFORE.exec(before);
  return (
    m !== null && m[1]!.split(/[ -]/).every((w) => !isEnglishWord(w) && classify(w) !== 'stop')
  );
}
const PLURAL_VERB_AFTER = new RegExp(String.raw`^ ${PLURAL_VERBS}`, 'u');
/** "call X back": after the name. */
const CALL_BACK_AFTER = /^\s(?:back|again)(?![\p{L}])/u;
const CALL_BEFORE = /(?:call|ring|phone)[ \t]{1,3}$/iuy;
const CALLED_AFTER =
  /^\s(?:called about|phoned|rang|complained|hat angerufen|a appelé|llamó|ha chiamato|belde|ligou)(?![\p{L}])/u;
/** A person's pronoun a few words after the verb: "... called about his order", "... said she". */
const HIS_HER_AFTER = /^\s\S+(?:\s\S+){0,3}?\s(?:his|her|he|she|him)(?![\p{L}])/u;
/** Where a person works, after the name: "Favian Rangel from Drake PLC", "X of Lexisnexis". */
const EMPLOYER_AFTER = /^ (?:from|of|at) (?:the )?\p{Lu}/u;
/** A possessive before a lower-case noun: "Szczepańska's lawyers" (not "Nestlé's" alone). */
const POSSESSIVE_NOUN_AFTER = /^['’]s[ \t]\p{Ll}/u;
/** A possessive, then a piece of personal data: "'s credit card number", "'s date of birth". */
const PERSONAL_DATA_AFTER =
  /^['’]s[ \t](?:(?:new|old|current|full|home|work|mobile|personal|private|own|registered)[ \t])?(?:credit card|debit card|card number|card|phone|phone number|mobile|cell|email|e-mail|address|date of birth|dob|birthday|ssn|social security|passport|driver'?s licen[cs]e|licen[cs]e number|bank account|account number|iban|tax id|medical record|insurance|password|pin)(?![\p{L}])/iu;
/** Who handled, processed or was given a case, right before a name. */
const HANDLED_BY_BEFORE =
  /(?:^|[^\p{L}])(?:handled|processed|agreed|forwarded|escalated|closed|registered|approved|reviewed|signed off) by[ \t]$|(?:^|[^\p{L}])(?:assigned|reassigned|passed|handed over) to[ \t]$|(?:bearbeitet von|behandeld door|gestionado por|atendido por|registado por|registrado por|traité par|trattato da)[ \t]$/iu;
/** The clause's end right after a name: a full stop, a comma, a line's end. */
const CLAUSE_END_AFTER = /^(?:[.,;)][ \t\r\n]|[.,;]?[ \t]*(?:\r?\n|$))/;
/** A sentence's end right before a name on the same line: ". ", "). ", "! ". */
const SENTENCE_END_BEFORE = /[.!?][)"”]?[ \t]{1,2}$/;
/** The line's end right after it (a full stop may close it). */
const LINE_END_AFTER = /^\.?[ \t]*(?:\r?\n|$)/;
/** What stands between a name and its owner's details: a comma, a dash, a bracket. */
const DETAILS_SEP = /^(?:,|[ \t][–—-]|[ \t]?\()[ \t]{1,2}/;
/** What opens a cell or a field's value: a pipe, a tab, a separator or a colon, or a line. */
const CELL_OPEN_BEFORE = /(?:^|[|\t;:]|\n)[ \t]{0,2}$/;
const CALL_ON_AFTER = /^[ \t](?:on|at)[ \t]{1,2}/;
/** Verbs a person does, after a given name anywhere in a sentence ("Alena gave us"). */
const HUMAN_VERB_AFTER =
  /^\s(?:gave|emailed|e-mailed|texted|forgot|agreed|refused|mentioned|promised|apologi[sz]ed|insisted|admitted|confessed|recalled|remembered|wondered|realized|realised|complained|explained|whispered|shouted|smiled|laughed|cried|phoned|rang|said|told|asked|wrote|replied|lives|lived|moved in|moved out|passed away|was born)(?![\p{L}])/u;
/** Of those, the verbs a firm, a product or a place does not take even in a news story. */
const ONLY_PERSON_VERB_AFTER =
  /^\s(?:(?:lives|lived) (?:at|in|on|near) (?:\d{1,6}[ ,]|\p{Lu}\p{Ll}+(?![\p{L}\p{N}_./-]))|(?:(?:lives|lived) with|shouted|whispered|began writing|listed (?:his|her)|was born (?:in|on)|smiled|laughed|cried)(?![\p{L}]))/u;
/**
 * Whether token `from` follows a lead-in word that opens its sentence ("Yesterday Sorina
 * Marginean called ...", "Also Radu Lazar wants ..."): the words after it open the sentence's
 * subject as if they opened the sentence.
 */
function afterLeadIn(text: string, from: number): boolean {
  if (from === 0) return false;
  const k = from - 1;
  return (
    LEAD_IN_WORDS.has(tokInfo[k]!.key) &&
    tokStart[from]! - tokEnd[k]! === 1 &&
    text.charCodeAt(tokEnd[k]!) === 32 &&
    sentenceInitial(text, tokStart[k]!)
  );
}

/**
 * Capitalised words that lead into a person's name rather than start a product's or a firm's:
 * greetings, roles and the adverbs that open a sentence ("Yesterday Xochitl wrote").
 */
const LEAD_IN_WORDS: ReadonlySet<string> = new Set(
  'thanks thank cheers hi hello hey dear customer client user agent caller colleague manager supervisor technician tech rep representative driver courier nurse patient yesterday today tonight then later earlier now so and but also finally meanwhile apparently unfortunately luckily thankfully again afterwards suddenly when after before because since'.split(
    ' ',
  ),
);
// (A word on the next line is no legal form: "Name: Ada Lockman\nCompany: ...", "Jaime
// Nicolas\nFlat 2, 112 Beech Grove". Nor is a numbered flat after a comma: "Vikram Singh, Flat
// No. 303".)
/** A car make after a name (none of them anyone's surname). */
const MAKE_AFTER =
  /^[ \t](?:chevrolet|toyota|hyundai|kia|nissan|mazda|subaru|volkswagen|vw|bmw|audi|skoda|vauxhall|dacia|cupra|lexus|volvo|buick|cadillac|gmc|jeep)\b/i;
/** A street's word, in the languages that write it after the name and in small letters. */
const STREET_WORD_AFTER =
  /^[ \t](?:gate|gata|gatan|gade|vej|veien|vegen|väg|vägen|vei|utca|út|útja|tér|tere|körút|katu|tie|kuja|straße|strasse|weg|laan|straat|plein|allee|platz|ring|ulice|třída|nábřeží)(?![\p{L}\p{N}])/u;
/**
 * A street's word before the name: "strada Mihai Eminescu", "ul. Jana Pawła", "rue Victor Hugo",
 * "Avenida de Simón Bolívar".
 */
const STREET_WORD_BEFORE =
  /(?:^|[^\p{L}])(?:strada|str\.|ulica|ul\.|aleja|al\.|rue|calle|avenida|av\.|rua|praça|largo|Via|Viale|viale|Corso|corso|piazza|Piazza|bulevardul|calea|splaiul|piața|náměstí|nám\.|odos|οδός|οδο[υύό]|λεωφόρος|λεωφ\.|πλατεία|αεροδρόμιο|phố|phường|quận|đường|huyện|xã|tỉnh|sân bay|jalan|jl\.|taman|lorong|улица|ул\.|вулиця|вул\.|бул\.|булевар|булевард|проспект|просп\.|пр\.|площадь|пл\.|переулок|пер\.|аеродром|аэропорт|летище|escuela|colegio|escola|école|scuola|liceo|instituto|museo|museu|musée|plaza|puerta|día|dia|festa|fiesta|aeroporto|aeropuerto|aéroport|ospedale|hôpital|teatro|estadio|estádio|parque|universidad|universidade|università|université)(?:[ \t]{1,2}(?:de(?: la)?|del|da|do|dos|das|di|della|degli|dei))?[ \t]{1,2}[„«"“]?$/iu;
/** A road's type in capitals after the words (see the firm's word after a name). */
const ROAD_AFTER =
  /^ (?:Road|Street|Avenue|Boulevard|Highway|Expressway|Rd\.?|St\.?|Ave\.?|Blvd\.?)(?![\p{L}])/u;
const ORG_AFTER =
  /^(?!,[ \t](?:flat|flats|lodge|house|building|tower|hall|court)[ \t]+(?:no\.?[ \t]*)?\d),?[ \t](?:&\s|and\s)?(?:inc|llc|llp|ltd|limited|plc|corp|corporation|co|company|gmbh|ag|kg|sa|sas|sarl|srl|spa|bv|nv|b\.v|n\.v|group|holdings|partners|associates|law|consulting|sons|s\.?a\.?|s\.?l\.?|s\.r\.l\.?|s\.p\.a\.?|asociados|hermanos|hijos|cía|söhne|frères|figli|fratelli|brothers|bros|foundation|institute|university|college|academy|society|association|trust|award|prize|scholarship|fellowship|medal|hospital|clinic|infirmary|hospice|orchestra|band|quartet|choir|street|st|road|rd|avenue|ave|lane|ln|drive|way|boulevard|blvd|place|square|court|close|crescent|terrace|bypass|pass|flat|flats|lodge|fort|bridge|station|hall|center|centre|building|tower|house|gardens?|hotel|school|church|library|museum|stadium|airport|international airport|international|havaliman(?=ı)|havalimani|lennujaam|flughafen|river|lake|mountains?|valley|island|bay|beach|park|plaza|city|town|county|township|province|prefecture|mall|agents|estate agents|solicitors|conveyancing|lettings|letting|homes|properties|realty|realtors|estates|services|legal|management|digital|residential|accountants|architects|construction|builders|motors|automotive|motor group|insurance|finance|capital|ventures|labs|solutions|systems|technologies|software|logistics|transport|primary|immobilien|steuerberatung|technik|haustechnik|elektrotechnik|kanzlei|makelaars|advocaten|notarissen|kitchen|kitchens|bistro|grill|deli|bakery|brewery|café|pizzeria|trattoria|catering|del señor|de la virgen|de nuestra señora|trade|trading|conseil|conseils|guild|partner|partnerschaft|rechtsanwälte|steuerberater|mbb|partg|ohg|gbr|property|inventories|hardware|plumbing|roofing|electrical|electricians|plumbers|landscaping|cleaning|dental|day|d\.o\.o|s\.r\.o|sp\. z o\.o|aps|a\/s|ltda|eireli|as|asa|ab|oy|oyj|kft|zrt|nyrt|bvba|sprl|kgaa|construcciones|construções|constructions|bouw|bau)\b(?![ \t]?:)(?![ \t]+(?:manager|director|officer|counsel|clerk|lead|assistant|coordinator|specialist|consultant|advisor|adviser|executive|analyst|administrator|rep|representative|team|department|dept|partner)\b)/iu;

/**
 * Whether a firm's word follows a name (ORG_AFTER). Written in small letters, one that is no
 * legal form opens the next phrase instead: "refill for Lorraine Gutiérrez, insurance ID ...",
 * not "Gutiérrez Insurance"; "Smith, inc." stays a firm.
 */
function orgAfter(after: string): boolean {
  const word = orgWordAfter(after);
  if (word !== null && CAPS_ONLY_FORM.test(word) && word !== word.toUpperCase()) return false;
  // After a comma only a legal form: "Smith, Inc.", but "Dr Hannah Smith, University Hospital
  // Galway" names her workplace.
  if (word !== null && after.charCodeAt(0) === 44) return LEGAL_FORM.test(word.toLowerCase());
  return word !== null && (!/^\p{Ll}/u.test(word) || LEGAL_FORM.test(word));
}
/**
 * Nordic legal forms that are English words too: only in capitals ("Halvorsen Marine AS",
 * "Lindqvist Bygg AB"), not "Smith, As we discussed".
 */
const CAPS_ONLY_FORM = /^(?:as|asa|ab|oy|oyj)$/i;
/** Whether a legal form follows, which no person's name takes: "Maison Lumière SAS". */
function legalFormAfter(after: string): boolean {
  const word = orgWordAfter(after);
  return word !== null && LEGAL_FORM.test(word.toLowerCase());
}
/** The firm's word ORG_AFTER finds right after a name, without the comma or "&" before it. */
function orgWordAfter(after: string): string | null {
  const m = ORG_AFTER.exec(after);
  return m === null ? null : m[0].replace(ORG_LEAD, '');
}
const ORG_LEAD = /^,?[ \t](?:&\s|and\s)?/i;
const LEGAL_FORM =
  /^(?:inc|llc|llp|pllc|ltd|limited|plc|corp|corporation|co|gmbh|ag|kg|sa|sas|sarl|srl|spa|bv|nv|b\.v|n\.v|s\.?a\.?|s\.?l\.?|s\.r\.l\.?|s\.p\.a\.?|d\.o\.o|s\.r\.o|sp\. z o\.o|aps|a\/s|mbb|partg|ohg|gbr|ltda|eireli)$/;

/** A bot's role in brackets after its name: "Fin (AI Agent):", "Zoe (virtual assistant)". */
const BOT_BRACKET_AFTER =
  /^[ \t]?\((?:(?:ai|virtual|digital|automated|auto)[ \t-]?(?:agent|assistant|bot|chatbot|copilot)|bot|chatbot|copilot)\)/i;
/** A bot's word before its name: "Bot Luna:", "Chatbot Max", "AI assistant Nova". */
const BOT_BEFORE = /(?:^|[^\p{L}])(?:bot|chatbot|chat bot|assistant)[ \t]$/iu;
/**
 * Whether segment `s` is a mail header's word in another language at a line's start, a colon
 * and an address on the line after it ("Till: Kundservice <kundservice@butik.se>", Swedish "To").
 */
function mailHeaderWord(text: string, s: Scored): boolean {
  if (s.to - s.from !== 1 || text.charCodeAt(s.end) !== 58) return false;
  if (!MAIL_HEADER_WORDS.has(tokInfo[s.from]!.key) || !lineStart(text, s.start)) return false;
  const eol = text.indexOf('\n', s.end);
  return text.slice(s.end, eol < 0 ? text.length : eol).includes('@');
}
/**
 * Whether the word at token k, spanning [start, end), is a brand named as a doctor or a mister
 * ("Dr. Martens", "Mr. Clean") or a firm of two given names ("Ben & Jerry's").
 */
function brandLikePerson(text: string, k: number, start: number, end: number): boolean {
  const key = tokInfo[k]!.key;
  if (DOCTOR_BRANDS.has(key) || MISTER_BRANDS.has(key)) {
    const before = text.slice(Math.max(0, start - 8), start);
    if (DOCTOR_BRANDS.has(key) ? DR_BEFORE.test(before) : MR_BEFORE.test(before)) return true;
  }
  const amp = text.charCodeAt(end) === 38 || text.charCodeAt(end + 1) === 38;
  return amp && FIRM_OF_TWO_AFTER.test(text.slice(end, end + 24));
}
const MAIL_HEADER_WORDS: ReadonlySet<string> = new Set(
  'till fran an von de para do od kopia kopie cc bcc'.split(' '),
);

/** Finds person names in `text`, skipping `taken` spans (sorted by start). */
export function findNames(
  input: string,
  taken: readonly Span[],
  options: FindNamesOptions = {},
): Candidate[] {
  primePatterns(input);
  cueTables();
  collectTokens(input, taken);
  // Chat typed all in lower case ("follow up with patricia desrosiers") has no capitalised word
  // to start from: such a text is scanned again with its known first names (and the words that
  // follow them) capitalised, which keeps every offset (see truecase).
  let text = input;
  if (!capitalisedSeen) {
    const cased = truecase(input);
    if (cased !== input) {
      text = cased;
      primePatterns(text);
      collectTokens(text, taken);
    }
  }
  // A segment scored under this is neither found nor sent to the tie-breaker whether or not a
  // cap lowers it to 0.3 (the list and speaker rules lift any score under 0.6 alike), so the
  // caps, which cost pattern tests, are checked only from here up.
  const capFrom = options.tieBreaker ? TIE_LOW : THRESHOLD;
  const all: Scored[] = [];
  let i = 0;
  const n = tokCount;
  while (i < n) {
    // Grow a run of adjacent tokens.
    let j = i + 1;
    while (j < n && j - i < 8 && joined(text, j - 1, j)) j++;
    scoreRun(text, i, j, taken, capFrom, all);
    i = j;
  }
  namesInLists(text, all);
  fullNamesInLists(text, all);
  speakers(text, all);
  // Words that name no person wherever they stand: a bot introduced as one ("Ask Tessa, our AI
  // assistant", "Fin (AI Agent)", then "Tessa can also draft replies"), a brand named like a
  // person ("Dr. Martens"), a mail header's word ("Till:").
  let notPersons: Set<string> | null = null;
  for (const s of all) {
    if (
      s.reason === 'bot' ||
      // (Each pattern only where its first or last character stands: this runs per segment.)
      ((text.charCodeAt(s.end) === 40 || text.charCodeAt(s.end + 1) === 40) &&
        BOT_BRACKET_AFTER.test(text.slice(s.end, s.end + 32))) ||
      ((text.charCodeAt(s.start - 2) | 32) === 116 &&
        BOT_BEFORE.test(text.slice(Math.max(0, s.start - 16), s.start))) ||
      mailHeaderWord(text, s) ||
      (s.to - s.from === 1 && brandLikePerson(text, s.from, s.start, s.end))
    ) {
      (notPersons ??= new Set()).add(text.slice(s.start, s.end));
    }
  }
  const found: Scored[] = [];
  const pending: Scored[] = [];
  for (const s of all) {
    if (notPersons !== null && notPersons.has(text.slice(s.start, s.end))) continue;
    if (s.score >= THRESHOLD) found.push(s);
    else if (s.score >= TIE_LOW) pending.push(s);
  }

  if (options.tieBreaker && pending.length > 0) {
    const max = options.maxTieBreaks ?? 8;
    let used = 0;
    for (const s of pending) {
      if (used >= max) break;
      used++;
      if (options.tieBreaker(text, s.start, s.end)) {
        found.push({ ...s, score: 0.55, reason: `${s.reason}+model` });
      }
    }
  }

  const out: Candidate[] = found.map((s) => ({
    start: s.start,
    end: hyphenTail(text, s.end),
    type: 'PERSON',
    score: s.score,
    reason: s.reason,
  }));
  corefer(text, found, out);
  lowerCaseAfterCue(text, taken, out);
  uncasedAfterCue(text, taken, out);
  if (UNCASED_ANY.test(text)) {
    nativeCues(text, taken, out);
    nativeScriptNames(text, taken, out);
  }
  latinHonorifics(text, taken, out);
  maidenNames(text, taken, out);
  stampedSurnameFirst(text, taken, out);
  capsSurnameFirst(text, taken, out);
  nameInRoleBracket(text, taken, out);
  pairedGivenNames(text, taken, out);
  labelledSurnameFirst(text, taken, out);
  koreanNames(text, taken, out);
  coordinated(text, taken, out);
  commonNames(text, taken, out);
  dottedUsernames(text, taken, out);
  chatHandles(text, taken, out);
  closingName(text, taken, out);
  lowerCaseSpeakers(text, taken, out);
  return withoutPets(text, surnameFirst(text, out));
}

/**
 * A given name signing the end of a message without a sign-off word: alone on the last line
 * ("Kristijan"), before the desk it answers for ("Dewi – Customer Service", "Faith – Huduma kwa
 * Wateja"), or after a dash or a full stop closing the last line ("Em xin lỗi ạ – Vy", "tel. 8
 * 686 20417. Mantas"). The word must be a listed given name; one that is also an English word
 * ("Faith", "Grace") only before a desk or after a dash. ("- Hannah (team 4)" ends a note too.)
 */
function closingName(text: string, taken: readonly Span[], out: Candidate[]): void {
  const [lineStart, end] = lastLine(text);
  if (end - lineStart > 80) return;
  const line = text.slice(lineStart, end);
  // (A text of one line is no message with a closing line; its end may still sign it.)
  const lineMatch = lineStart > 0 ? CLOSING_LINE.exec(line) : null;
  const tailMatch = lineMatch === null ? CLOSING_TAIL.exec(line) : null;
  const m = lineMatch ?? tailMatch;
  if (m === null) return;
  // The mark before the name (a dash or a slash), the name, and what follows it: a desk, or
  // (at the end of a sentence) a desk in brackets or the surname ("/Elin Johansson").
  const mark = lineMatch !== null ? m[1] : (m[1] ?? m[2]);
  const word = lineMatch !== null ? m[2]! : m[3]!;
  const tail = lineMatch !== null ? m[3] : m[4];
  if (!isGivenName(word) || classify(word) === 'stop') return;
  const surname = tailMatch !== null && tail !== undefined && tail[0] !== '(' ? tail : '';
  // A desk after a dash or a comma names a team ("– Customer Service", ", Tier 2"), not a
  // place or a remark ("Victoria, Canada → not yet covered", "Austin, TX 78701").
  if (lineMatch !== null && tail !== undefined && tail[0] !== '(' && !DESK_WORD.test(tail)) return;
  if (surname !== '' && (isEnglishWord(surname.trim()) || classify(surname.trim()) === 'stop')) {
    return;
  }
  // After a full stop only a given name that is no ordinary word ("... 20417. Mantas", not
  // "See you soon. Will").
  if (tailMatch !== null && mark === undefined && classify(word) !== 'first') return;
  if (lineMatch !== null && tail === undefined) {
    // Alone on the last line (after a dash or not): under a line that ends a sentence or is a
    // short greeting ("Thanks,", "Kram"); not an item of a list ("- Eggs\n- Rosemary"), a
    // heading's value ("Team members:") or the end of a sentence broken over two lines.
    const prev = lineAbove(text, lineStart).trim();
    if (prev === '' || prev.endsWith(':') || LIST_ITEM.test(prev)) return;
    if (mark === undefined) {
      if (classify(word) !== 'first') return;
      if (!/[.!?,…]$/.test(prev) && prev.split(/\s+/).length > 3) return;
    }
  }
  const start = lineStart + m.index + m[0].lastIndexOf(word, m[0].length - (tail?.length ?? 0) - 1);
  addWhole(out, taken, start, start + word.length + surname.length, 0.7, 'closing');
}
/**
 * Speakers of a chat typed in lower case ("jessa: ma'am dela cruz called again", "[09:45]
 * paolo: fyi ..."): a listed given name that is no ordinary word, opening its line (after a
 * time stamp or not) before a colon and speech, in a text where at least two lines open so.
 */
function lowerCaseSpeakers(text: string, taken: readonly Span[], out: Candidate[]): void {
  const found: number[] = [];
  let turns = 0;
  // (The colon is looked up first: most lines have none near their start, and the pattern
  // tried at each of a megabyte's lines cost 10 ms.)
  let colon = -1;
  for (let k = 0; k >= 0 && k < text.length; k = text.indexOf('\n', k) + 1 || -1) {
    if (colon < k) colon = text.indexOf(':', k);
    if (colon < 0) break;
    if (colon - k > 60) continue;
    SPEAKER_TURN.lastIndex = k;
    const m = SPEAKER_TURN.exec(text);
    if (m === null) continue;
    turns++;
    const word = m[1]!;
    if (word.length < 3 || word !== word.toLowerCase() || !SPEAKER_WORD.test(word)) continue;
    if (classify(titleCase(word)) !== 'first' || isEnglishWord(word)) continue;
    found.push(k + m[0].length - word.length - 2);
  }
  if (turns < 2) return;
  for (const start of found) {
    const end = text.indexOf(':', start);
    addWhole(out, taken, start, end, 0.7, 'speaker, case');
  }
}
/** A chat's turn: a time stamp or not, one word, a colon and a blank. */
const SPEAKER_TURN =
  /[ \t]*(?:\[?\d{1,2}:\d\d(?::\d\d)?(?:[ \t]?[AaPp][Mm])?\]?[ \t]+)?(\p{L}[\p{L}.'’_-]{1,20}):[ \t]/uy;
const SPEAKER_WORD = /^\p{Ll}+$/u;
/** Where the text's last line that is not blank starts and ends (trailing blanks left off). */
function lastLine(text: string): [number, number] {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return [text.lastIndexOf('\n', end - 1) + 1, end];
}

/** The line above the one starting at `lineStart`, past blank lines (its trailing blanks left off). */
function lineAbove(text: string, lineStart: number): string {
  let end = lineStart - 1;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(text.lastIndexOf('\n', end - 1) + 1, end);
}

/** A list's item: a dash, a bullet or a number opening the line. */
const LIST_ITEM = /^[ \t]*(?:[-–—•*·]|\d{1,2}[.)])[ \t]/;
/** Words a desk or a team is named with, in the languages of the sign-offs. */
const DESK_WORD =
  /(?:team|support|service|services|care|desk|help|cs|cx|cskh|billing|sales|operations|ops|customer|tier|level|l\d|client|clients|cliente|clientes|kunden\w*|équipe|equipo|soporte|atención|atendimento|servicio|servizio|assistenza|klantenservice|huduma|wateja|layanan|pelanggan|khách hàng|reception|front desk|dispatch|accounts|finance|hr|it)(?![\p{L}])/iu;
/**
 * A last line that is a given name, after a dash, or before a dash or a comma and a desk of a
 * few words, or before the desk in brackets ("– Jordan (Tier 2)").
 */
const CLOSING_LINE =
  /^[ \t]*([-–—~][ \t]*)?(\p{Lu}[\p{Ll}\p{M}'’]{1,20})[ \t]*([-–—,|][ \t]*\p{L}[^\n.!?]{1,38}|\([^()\n]{1,30}\))?$/u;
/** A last line ending with a dash or a full stop, then a given name (and its desk in brackets). */
const CLOSING_TAIL =
  /(?:[ \t]([-–—])[ \t]+|[ \t](\/)[ \t]*|[.!?][ \t]+)(\p{Lu}[\p{Ll}\p{M}'’]{1,20})[ \t]*(\([^()\n]{1,30}\)|[ \t]\p{Lu}[\p{Ll}\p{M}'’-]{1,25})?[ \t]*$/u;

/**
 * Adds a name unless another detector took its place or a name found runs past it; the names
 * found inside it give way, their best score kept.
 */
function addWhole(
  out: Candidate[],
  taken: readonly Span[],
  start: number,
  end: number,
  score: number,
  reason: string,
): void {
  if (overlapsAny(taken, start, end)) return;
  if (out.some((c) => c.start < end && start < c.end && (c.start < start || c.end > end))) return;
  let best = score;
  for (let i = out.length - 1; i >= 0; i--) {
    const c = out[i]!;
    if (c.start >= start && c.end <= end) {
      best = Math.max(best, c.score);
      out.splice(i, 1);
    }
  }
  out.push({ start, end, type: 'PERSON', score: best, reason });
}

/**
 * A name joined by "and" to a name found: "Callum Reid and Ifeoma Eze", "Hi Marcus and Shay,",
 * "Kaylee and Owen", "Ifeoma Eze and Callum Reid". The other conjunct has at most as many words,
 * each capitalised and no ordinary, stop or place word the lists know, and no firm's word
 * follows it ("Smith and Sons", "Reid and Partners Ltd").
 */
function coordinated(text: string, taken: readonly Span[], out: Candidate[]): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const c = out[i]!;
    if (c.score < 0.75) continue;
    // (Most names have no "and" on either side: that is checked before anything is read.)
    const a = text.charCodeAt(c.end) === 44 ? c.end + 1 : c.end;
    const after = text.startsWith(' and ', a) || text.startsWith(' & ', a);
    const and = text.startsWith(' and ', c.start - 5)
      ? 5
      : text.startsWith(' & ', c.start - 3)
        ? 3
        : 0;
    if (!after && and === 0) continue;
    const size = wordsIn(text, c.start, c.end);
    const m = after ? AND_NAME_AFTER.exec(text.slice(c.end, c.end + 72)) : null;
    if (m !== null) {
      const end = c.end + m[0].length;
      addConjunct(text, taken, out, end - m[1]!.length, end, size, c.score);
    }
    // Before it, read word by word from the "and" back (a pattern ending in "and $" would be
    // tried at every position of the window), the longest run first: "Dear Anna and ..." tries
    // "Dear Anna", then "Anna".
    if (and === 0) continue;
    const end = c.start - and;
    const starts: number[] = [];
    let k = end;
    while (starts.length < size) {
      let w = k;
      while (w > 0 && w > end - 64 && !isSpace(text.charCodeAt(w - 1))) w--;
      if (w === k || !CONJUNCT_WHOLE.test(text.slice(w, k))) break;
      starts.push(w);
      if (w === 0 || text.charCodeAt(w - 1) !== 32) break;
      k = w - 1;
    }
    for (let j = starts.length - 1; j >= 0; j--) {
      if (addConjunct(text, taken, out, starts[j]!, end, size, c.score)) break;
    }
  }
}
const CONJUNCT_WORD = String.raw`(?:[OD]['’])?\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*`;
const CONJUNCT_WHOLE = new RegExp(String.raw`^${CONJUNCT_WORD}$`, 'u');
const AND_NAME_AFTER = new RegExp(
  String.raw`^,? (?:and|&) (${CONJUNCT_WORD}(?: ${CONJUNCT_WORD}){0,2})(?![\p{L}\p{N}&@_.'’-]|[ \t]\p{Lu})`,
  'u',
);

/**
 * A calendar invitation's or a directory's common name: "ATTENDEE;CN=Jun Chen:mailto:...",
 * "CN=Emily Carter,OU=Users,DC=corp". Two to four capitalised words, none a stop word ("CN=Sales
 * Team"); a host's name ("CN=api.example.com") has no space.
 */
function commonNames(text: string, taken: readonly Span[], out: Candidate[]): void {
  for (let k = text.indexOf('CN='); k >= 0; k = text.indexOf('CN=', k + 3)) {
    if (k > 0 && !CN_BEFORE.has(text.charCodeAt(k - 1))) continue;
    const quoted = text.charCodeAt(k + 3) === 34;
    const start = k + (quoted ? 4 : 3);
    const m = CN_VALUE.exec(text.slice(start, start + 80));
    if (m === null) continue;
    const end = start + m[1]!.length;
    // An invitation's address that spells a word of the name vouches for it ("CN=Jun
    // Chen:mailto:junchen31@...").
    const mail = MAILTO_AFTER.exec(text.slice(end, end + 80));
    const local = mail === null ? '' : mail[1]!.toLowerCase();
    let ok = true;
    let plain = false;
    for (let w = start; w < end && ok;) {
      let e = text.indexOf(' ', w);
      if (e < 0 || e > end) e = end;
      const info = wordInfoAt(text, w, e);
      // (A stop word stays when it is also a listed name, or the address spells it.)
      ok =
        info !== null &&
        (info.flags & F_TITLE) === 0 &&
        ((info.flags & (F_STOP | F_KEEPABLE)) !== F_STOP ||
          (e - w >= 3 && local.includes(info.key)));
      if (info !== null && (info.flags & F_STOP) === 0) plain = true;
      w = e + 1;
    }
    // (One word at least no stop word: "CN=Sales Team:mailto:salesteam@" is a desk.)
    if (ok && plain) addWhole(out, taken, start, end, 0.8, 'directory name');
  }
}
/** ; , : space, tab, line break, a quote: what comes before "CN=" in iCalendar and LDAP. */
const CN_BEFORE: ReadonlySet<number> = new Set([59, 44, 58, 32, 9, 10, 13, 34]);
const MAILTO_AFTER = /^"?:mailto:([^@\s:;]{1,64})@/i;
const CN_VALUE =
  /^(\p{Lu}[\p{Ll}\p{M}'’-]+(?: \p{Lu}[\p{Ll}\p{M}'’-]+){1,3})(?=["]?(?:[:;,\r\n]|$))/u;

/** The number of words in text[start, end), split at spaces. */
function wordsIn(text: string, start: number, end: number): number {
  let words = 1;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === 32) words++;
  return words;
}

/** Adds the conjunct text[start, end) of a name of `size` words when it reads as a name. */
function addConjunct(
  text: string,
  taken: readonly Span[],
  out: Candidate[],
  start: number,
  end: number,
  size: number,
  sure: number,
): boolean {
  if (wordsIn(text, start, end) > size || overlapsAny(taken, start, end)) return false;
  if (out.some((o) => o.start < end && start < o.end)) return false;
  let known = false;
  for (let k = start; k < end;) {
    let e = text.indexOf(' ', k);
    if (e < 0 || e > end) e = end;
    const info = wordInfoAt(text, k, e);
    if (info === null || e - k < 2 || info.flags & (F_STOP | F_COMMON | F_TITLE)) return false;
    if (info.flags & (F_FIRST | F_LAST)) known = true;
    k = e + 1;
  }
  // Words no list knows only as a whole name, beside a name found surely ("Callum Reid and
  // Ifeoma Eze"; "the Hubble and James Webb telescopes" is no pair of people).
  if (!known && (sure < 0.9 || wordsIn(text, start, end) < 2)) return false;
  if (orgAfter(text.slice(end, end + 48)) || MAKE_AFTER.test(text.slice(end, end + 24)))
    return false;
  out.push({ start, end, type: 'PERSON', score: 0.7, reason: 'coordinated' });
  return true;
}

/**
 * A Korean name romanised with its given name's two syllables joined by a hyphen, before or
 * after one of the common surnames: "Ji-woo Park", "Park Sung-min", "Mi-rae Cho". (The surnames
 * are words too, "Park", "Song", "Moon", and the given names no list holds.)
 */
function koreanNames(text: string, taken: readonly Span[], out: Candidate[]): void {
  // Found from each hyphen before two to four small letters (a pattern opening with the name's
  // capital, or with a look-behind, was tried at every offset of a long text: 30 ms on 1 MB).
  for (let i = text.indexOf('-'); i > 0; i = text.indexOf('-', i + 1)) {
    const tail = KOREAN_TAIL.exec(text.slice(i, i + 6));
    if (tail === null) continue;
    let a = i;
    while (a > 0 && a > i - 4 && isAsciiLower(text.charCodeAt(a - 1))) a--;
    const cap = text.charCodeAt(a - 1);
    if (a === i || !(cap >= 65 && cap <= 90)) continue;
    a--;
    if (a > 0 && NAME_GLUE_BEFORE.test(text[a - 1]!)) continue;
    const end = i + tail[0].length;
    if (NOT_KOREAN_GIVEN.test(text.slice(a, end).toLowerCase())) continue;
    const after = KOREAN_SURNAME_AFTER.exec(text.slice(end, end + 8));
    const before = after ? null : KOREAN_SURNAME_BEFORE.exec(text.slice(Math.max(0, a - 7), a));
    if (after) addWhole(out, taken, a, end + after[0].length, 0.8, 'korean name');
    else if (before) addWhole(out, taken, a - before[0].length, end, 0.8, 'korean name');
  }
}
const KOREAN_SURNAMES_LATIN =
  'Kim|Lee|Park|Choi|Cho|Jung|Jeong|Kang|Yoon|Yun|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong|Jeon|Moon|Yang|Bae|Baek|Heo|Nam|Noh|Kwak|Sung|Cha|Joo|Ryu|Byun|Chae|Pyo';
const KOREAN_TAIL = /^-[a-z]{2,4}(?![\p{L}\p{N}_@-])/u;
const KOREAN_SURNAME_AFTER = new RegExp(
  String.raw`^ (?:${KOREAN_SURNAMES_LATIN})(?![\p{L}\p{N}_@-])`,
  'u',
);
const KOREAN_SURNAME_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.@-])(?:${KOREAN_SURNAMES_LATIN}) $`,
  'u',
);
/** A character that joins the word after it to a longer token: a letter, a digit, "_.@-". */
const NAME_GLUE_BEFORE = /[\p{L}\p{N}_.@-]/u;
/** Hyphenated English words shaped like a Korean given name. */
const NOT_KOREAN_GIVEN =
  /^(?:co-op|re-\w+|pre-\w+|non-\w+|e-\w+|wi-fi|add-on|log-in|sign-up|set-up|pop-up|drop-off|check-in|walk-in|plug-in|opt-in|opt-out|top-up|mix-up|run-in|one-\w+|two-\w+|all-\w+|self-\w+)$/;

/**
 * A person's login of a given name and a surname joined by a full stop, where code and logs
 * name who did something: "# TODO(mikko.jarvinen): ...", an ARN's "user/vikram.iyer", a JSON
 * "userName": "vikram.iyer". Both words listed, neither an ordinary word.
 */
function dottedUsernames(text: string, taken: readonly Span[], out: Candidate[]): void {
  if (!text.includes('.') || !USERNAME_HINT.test(text)) return;
  for (const m of [...text.matchAll(TODO_USERNAME), ...text.matchAll(KEYED_USERNAME)]) {
    const [given, surname] = [titleCase(m[1]!), titleCase(m[2]!)];
    if (!isGivenName(given) || classify(surname) !== 'last') continue;
    if (isEnglishWord(given) || isEnglishWord(surname)) continue;
    const end = m.index + m[0].length;
    addWhole(out, taken, end - m[1]!.length - 1 - m[2]!.length, end, 0.75, 'username');
  }
}
// (A camelCase key reads as its words here: "userName" is "user name", see rules/normalize.ts.)
/**
 * A chat's handle made of a person's name, where a chat names its speakers and whom they
 * address: a Slack copy's speaker line ("maria.lopez  10:02 AM"), an IRC nick ("[14:02]
 * <hkeller>") and a mention ("@kofi.mensah", "@jsmith"). The handle is a listed given name and
 * a listed surname or initial ("priya.r"), a given name alone, or an initial before a listed
 * surname ("jsmith", "mkowalski"); a team's or a bot's handle is none ("@platform-team").
 */
function chatHandles(text: string, taken: readonly Span[], out: Candidate[]): void {
  const speakers = STAMP_HINT.test(text);
  const irc = text.includes('<');
  const mentions = text.includes('@');
  if (!speakers && !irc && !mentions) return;
  const add = (m: RegExpExecArray, score: number) => {
    const handle = m[1] ?? m[2]!;
    if (!personHandle(handle)) return;
    const start = m.index + m[0].lastIndexOf(handle);
    addWhole(out, taken, start, start + handle.length, score, 'handle');
  };
  // (Each pattern from the character it must hold: a line's start or a look-behind opening a
  // pattern is tried at every offset of a long text.)
  if (speakers) {
    // From each colon of a time that closes its line, after two blanks or more.
    for (let k = text.indexOf(':'); k > 0; k = text.indexOf(':', k + 1)) {
      if (!isAsciiDigit(text.charCodeAt(k - 1)) || !isAsciiDigit(text.charCodeAt(k + 1))) continue;
      if (!isAsciiDigit(text.charCodeAt(k + 2))) continue;
      if (!TIME_ENDS_LINE.test(text.slice(k + 3, k + 12))) continue;
      let t = k - 1;
      if (isAsciiDigit(text.charCodeAt(t - 1))) t--;
      if (!isAsciiSpace(text.charCodeAt(t - 1)) || !isAsciiSpace(text.charCodeAt(t - 2))) continue;
      const line = text.lastIndexOf('\n', t - 1) + 1;
      const m = SPEAKER_HANDLE.exec(text.slice(line, t));
      if (m !== null) add(Object.assign(m, { index: line + m.index }), 0.7);
    }
  }
  if (irc) for (const m of text.matchAll(IRC_HANDLE)) add(m, 0.7);
  if (mentions) {
    for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
      if (i > 0 && MENTION_GLUE_BEFORE.test(text[i - 1]!)) continue;
      MENTION_HANDLE.lastIndex = i;
      const m = MENTION_HANDLE.exec(text);
      if (m !== null) {
        add(m, 0.65);
        continue;
      }
      // A mention by the name itself, as Slack and Teams write it: "@Steffi kannst du ...",
      // "@Anna Schmidt". A listed given name that is no English word ("@Channel" is one); a
      // second word is kept when it is no English word either ("@Support team" is none).
      MENTION_NAME.lastIndex = i;
      const n = MENTION_NAME.exec(text);
      if (n === null) continue;
      const first = n[1]!;
      const c = classify(first);
      if (isEnglishWord(first) || c === 'stop' || c === 'common') continue;
      const second = n[2];
      const both = second !== undefined && !isEnglishWord(second) && classify(second) !== 'stop';
      // (A word no list knows, only with a surname after it or before words of another
      // language than English: "@Injectable can be used", "@Autowired private" are code's
      // annotations, "@Beppe mi giri il numero" is a colleague.)
      if (
        c !== 'first' &&
        !(c === 'unknown' && both && classify(second) === 'last') &&
        !(c === 'unknown' && second === undefined && foreignWordAfter(text, i + 1 + first.length))
      ) {
        continue;
      }
      const start = i + 1;
      addWhole(
        out,
        taken,
        start,
        start + first.length + (both ? 1 + second.length : 0),
        0.7,
        'handle',
      );
    }
  }
}
/** What follows a Slack copy's time to its line's end; the handle alone before the time. */
const TIME_ENDS_LINE = /^(?:[ \t]?[AaPp][Mm])?[ \t]*(?:\r?\n|$)/;
const SPEAKER_HANDLE = /^[ \t]*([a-z][a-z0-9]{1,20}(?:[._][a-z]{1,20})?)[ \t]{2,}$/;
const IRC_HANDLE =
  /\][ \t]*<([a-z][a-z0-9]{1,20})>|\n\* ([a-z][a-z0-9]{1,20}) has (?:quit|joined)/g;
const MENTION_HANDLE = /@([a-z][a-z0-9]{1,20}(?:[._][a-z]{1,20})?)(?![\w@-]|\.\w)/y;
const MENTION_GLUE_BEFORE = /[\w.@/]/;
/** Whether a blank and a lower-case word that is no English word follow `end`. */
function foreignWordAfter(text: string, end: number): boolean {
  const m = LOWER_WORD_AFTER.exec(text.slice(end, end + 24));
  return m !== null && !isEnglishWord(m[1]!);
}
const LOWER_WORD_AFTER = /^ (\p{Ll}{2,20})(?![\p{L}])/u;
const MENTION_NAME = /@(\p{Lu}\p{Ll}{1,20})(?: (\p{Lu}\p{Ll}{1,20}))?(?![\p{L}\p{N}@_-]|\.\w)/uy;

/** Whether a lower-case handle spells a person's name (see chatHandles). */
function personHandle(handle: string): boolean {
  const parts = handle.replace(/\d+$/, '').split(/[._]/);
  const plain = (w: string) => !isEnglishWord(w) && !isFunctionWord(w);
  const given = (w: string) => w.length >= 3 && isGivenName(titleCase(w)) && plain(w);
  const surname = (w: string) => w.length >= 3 && classify(titleCase(w)) === 'last' && plain(w);
  if (parts.length === 2) {
    const [a, b] = [parts[0]!, parts[1]!];
    // A given name and a surname, an initial or a word no list or dictionary knows (a surname
    // the lists miss: "priya.raman"); or two words the lists hold as a given name and a
    // surname that are words too ("will.king").
    if (given(a)) {
      return (
        b.length === 1 ||
        surname(b) ||
        (b.length >= 3 && classify(titleCase(b)) === 'unknown' && plain(b))
      );
    }
    return (
      a.length >= 3 &&
      b.length >= 3 &&
      isGivenName(titleCase(a)) &&
      inNameLists(titleCase(b)) &&
      !isFunctionWord(a)
    );
  }
  const w = parts[0]!;
  return given(w) || (w.length >= 5 && surname(w.slice(1)));
}

const USERNAME_HINT = /TODO\(|FIXME\(|user\/|user[ _]?name|"user"/i;
// (Two patterns, each opening with a literal: one alternation of both was tried at every offset.)
const TODO_USERNAME = /(?:TODO|FIXME|XXX|HACK)\(([a-z]{2,20})\.([a-z]{2,20})(?=\))/g;
const KEYED_USERNAME =
  /user(?:[ _]?name)?["']?(?:[ \t]*[=:][ \t]*["']?|\/)([a-z]{2,20})\.([a-z]{2,20})(?=[)"' \t,\n]|$)/gi;

/**
 * A person's label, then the surname, a comma and the given names, up to the line's end or the
 * birth date: "Customer: REYES, Maria Guadalupe", "Name: ECHEVERRÍA LAZO, Tomás", "member:
 * OKONKWO-REYES, JASMINE, DOB ...", "Renter: Oyelaran, Adebimpe". Each part listed or a word no
 * dictionary knows (not "Location: Springfield, Illinois"); parts found before give way.
 */
function labelledSurnameFirst(text: string, taken: readonly Span[], out: Candidate[]): void {
  if (!text.includes(', ') || !text.includes(':')) return;
  // Line by line, only where a line holds a colon and then a comma (a pattern opening with a
  // line start was tried at every offset: 10 ms on 1 MB).
  // (The next colon and comma are searched again only once passed: searched from every line,
  // a long text with few colons was read to its end once per line.)
  let colon = -1;
  let comma = -1;
  for (let from = 0; from < text.length;) {
    const line = from;
    const nl = text.indexOf('\n', line);
    const to = nl < 0 ? text.length : nl;
    from = to + 1;
    if (colon < line && (colon = text.indexOf(':', line)) < 0) break;
    if (colon > to) continue;
    if (comma < colon && (comma = text.indexOf(', ', colon)) < 0) break;
    if (comma > to) continue;
    LABEL_SURNAME_COMMA.lastIndex = line;
    const m = LABEL_SURNAME_COMMA.exec(text);
    if (m === null) continue;
    const label = m[1]!.trim().toLowerCase();
    if (!NAME_HEADER.test(label) && !LINE_LABEL.test(label)) continue;
    const surname = m[2]!.split(/[ -]/).map(titleCase);
    const given = m[3]!.split(' ').map(titleCase);
    const plain = (w: string) => classify(w) === 'unknown' && !isEnglishWord(w);
    if (!surname.every((w) => isSurname(w) || plain(w))) continue;
    if (!isGivenName(given[0]!) && !plain(given[0]!)) continue;
    const listed = surname.some(isSurname) || isGivenName(given[0]!);
    addWhole(out, taken, m.indices![2]![0], m.indices![3]![1], listed ? 0.85 : 0.75, 'label');
  }
}
const LABEL_SURNAME_COMMA =
  /[ \t]*(\p{L}[\p{L} _-]{1,28}?)[ \t]*:[ \t]*(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?), ?(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’.-]+){0,2})(?=[ \t]*(?:\r?\n|$|[(;|])|[ \t]{2,}|\t|,[ \t]*(?:DOB|D\.O\.B|[Bb]orn|[Dd]ate|\d))/duy;

/** A word with its first letter kept and the rest in lower case: "REYES" -> "Reyes". */
function titleCase(w: string): string {
  return w[0]! + w.slice(1).toLowerCase();
}

/**
 * A chat's header line that names its speaker surname first after the time, as Teams and
 * Outlook do: "[3/14/2024 9:12 AM] Becker, Tom". The given name must be listed (a town and its
 * state are no such line: "Chester, Virginia" has no time before it). Parts found before give
 * way to the whole.
 */
function stampedSurnameFirst(text: string, taken: readonly Span[], out: Candidate[]): void {
  if (!text.includes(', ') || !STAMP_HINT.test(text)) return;
  // (Tried at the starts of the lines with a clock: see matchesOnLinesWith.)
  for (const m of matchesOnLinesWith(STAMPED_SURNAME_FIRST, text, [':'], false, clockColon)) {
    const given = m[2]!;
    if (!isGivenName(given) || isEnglishWord(m[1]!.split(/[ -]/)[0]!)) continue;
    const end = m.index + m[0].length - m[3]!.length;
    addWhole(out, taken, end - m[1]!.length - 2 - given.length, end, 0.8, 'speaker');
  }
}
const STAMP_HINT = /\d:\d\d/;
/** Whether the colon at `at` is a clock's, between a digit and two. */
function clockColon(text: string, at: number): boolean {
  const digit = (k: number) => {
    const c = text.charCodeAt(k);
    return c >= 48 && c <= 57;
  };
  return digit(at - 1) && digit(at + 1) && digit(at + 2);
}
const STAMPED_SURNAME_FIRST = new RegExp(
  String.raw`(?:^|\n)[ \t>]*\[?${CHAT_STAMP}\]?[ \t]+(\p{Lu}[\p{Ll}'’]+(?:[ -]\p{Lu}[\p{Ll}'’]+)?), (\p{Lu}[\p{Ll}'’-]+)([ \t]*)(?=\r?\n|$)`,
  'uy',
);

/**
 * A line that opens with a surname in capitals and then the given name, as East Asian and
 * Hungarian names are written in lists and on badges ("TANAKA Hiroshi — Sales Director", "WANG
 * Lei (王磊)", "NAGY Zsófia — Finance"): the given name listed, the capitals a listed surname or
 * a word no dictionary knows, and nothing but a dash, a bracket, a comma or the line's end after.
 * Line starts are found by indexOf and tried only when three capitals open them.
 */
function capsSurnameFirst(text: string, taken: readonly Span[], out: Candidate[]): void {
  for (let k = 0; k >= 0 && k < text.length; k = text.indexOf('\n', k) + 1 || -1) {
    let i = k;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    if (!isUpperAscii(text.charCodeAt(i)) || !isUpperAscii(text.charCodeAt(i + 1))) continue;
    if (!isUpperAscii(text.charCodeAt(i + 2))) continue;
    CAPS_SURNAME_FIRST.lastIndex = i;
    const m = CAPS_SURNAME_FIRST.exec(text);
    if (m === null) continue;
    const surname = titleCase(m[1]!);
    const given = m[2]!;
    if (!isGivenName(given) || isEnglishWord(surname) || isEnglishWord(given)) continue;
    const cls = classify(surname);
    if (cls !== 'last' && cls !== 'unknown') continue;
    addWhole(out, taken, i, i + m[1]!.length + 1 + given.length, 0.8, 'surname first');
  }
}
const CAPS_SURNAME_FIRST =
  /(\p{Lu}{3,20}(?:-\p{Lu}{2,20})?) (\p{Lu}\p{Ll}{1,20}(?:-\p{Lu}?\p{Ll}{1,20})?)(?=[ \t]*(?:[—–(,|]|-[ \t]|\r?\n|$))/uy;
/**
 * A name alone in brackets right after the role or the kin it names: "his daughter (Funmi,
 * 07700 900 582)", "our finance controller (Bjørn) says", "Bereavement team (Ewan) to call
 * her back". One to three capitalised words, none an ordinary word ("team (Support)"), the
 * first a listed given name or a word no list or dictionary knows.
 */
function nameInRoleBracket(text: string, taken: readonly Span[], out: Candidate[]): void {
  for (let k = text.indexOf(' ('); k >= 0; k = text.indexOf(' (', k + 2)) {
    const role = roleWordBefore(text, k);
    if (role === null) continue;
    // After a job's or a team's word only a listed given name: "partner (Acme)" is a firm.
    const kin = KIN_WORD.test(role);
    NAME_IN_BRACKET.lastIndex = k + 2;
    const m = NAME_IN_BRACKET.exec(text);
    if (m === null) continue;
    const words = m[1]!.split(/[ -]/);
    if (words.some((w) => isEnglishWord(w) || classify(w) === 'stop' || classify(w) === 'common')) {
      continue;
    }
    if (TITLE_WORD.test(words[0]!)) continue;
    if (!isGivenName(words[0]!) && !(kin && classify(words[0]!) === 'unknown')) continue;
    addWhole(out, taken, k + 2, k + 2 + m[1]!.length, 0.75, 'role');
  }
}
const KIN_WORD =
  /^(?:daughter|son|wife|husband|mother|father|mum|mom|dad|brother|sister|spouse|child|grandson|granddaughter|nephew|niece|aunt|uncle|cousin)$/i;
const TITLE_WORD = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau|Mme|Mlle|Sr|Sra)$/;
/**
 * The kin or role word ending at `end` ("daughter", "controller", "co-worker"), lower-cased, or
 * null. Read backwards letter by letter: a pattern anchored at the end of a slice was tried at
 * every place of it, for each of the many " (" of a long paste.
 */
function roleWordBefore(text: string, end: number): string | null {
  const from = lettersBefore(text, end, 14);
  if (from === end || from < 0) return null;
  const word = text.slice(from, end).toLowerCase();
  if (word === 'worker')
    return text.slice(from - 3, from).toLowerCase() === 'co-' ? 'co-worker' : null;
  return KIN_OR_ROLE_WORDS.has(word) ? word : null;
}
const KIN_OR_ROLE_WORDS: ReadonlySet<string> = new Set(
  (
    'daughter son wife husband mother father mum mom dad brother sister spouse child grandson ' +
    'granddaughter nephew niece aunt uncle cousin friend neighbour neighbor colleague coworker ' +
    'manager supervisor controller director lead agent assistant team teammate engineer ' +
    'technician courier driver caller carer caregiver landlord tenant accountant lawyer ' +
    'solicitor advisor adviser'
  ).split(' '),
);

/**
 * Where the run of letters ending at `end` starts, or -1 when it is longer than `max` (then
 * no word of that length ends there). A run starting the text, or after any character that
 * is no letter, counts.
 */
function lettersBefore(text: string, end: number, max: number): number {
  let i = end;
  while (i > 0 && isPlainLetterAt(text, i - 1)) {
    if (end - --i > max) return -1;
  }
  return i;
}

/** Whether text[k] is a letter (\p{L}), deciding ASCII and Latin-1 without a pattern. */
function isPlainLetterAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return PLAIN_LETTER.test(text[k]!);
}
const PLAIN_LETTER = /\p{L}/u;
const NAME_IN_BRACKET = /(\p{Lu}\p{Ll}{1,20}(?:[ -]\p{Lu}\p{Ll}{1,20}){0,2})(?=[,)])/uy;

/**
 * Two given names joined by "and" or "+", each one word: "mentored two juniors (Ruth and
 * Ikenna)", "Panel: Ruud + Fatima", "feedback from June and Ahmed". One must be a listed given
 * name that is no ordinary word; the other may be one, a given name that is also a word but no
 * month ("June"), or a word no list or dictionary knows. Not before a firm's word ("Victoria
 * and Albert Museum"); "&" joins firms as often ("Simon & Schuster") and is left out.
 */
function pairedGivenNames(text: string, taken: readonly Span[], out: Candidate[]): void {
  for (const joiner of PAIR_JOINERS) {
    for (let k = text.indexOf(joiner); k >= 0; k = text.indexOf(joiner, k + joiner.length)) {
      const a = pairLeft(text, k);
      if (a === null) continue;
      PAIR_RIGHT.lastIndex = k + joiner.length;
      const right = PAIR_RIGHT.exec(text);
      if (right === null) continue;
      const b = right[1]!;
      const strong = (w: string) => classify(w) === 'first' && isGivenName(w) && !isEnglishWord(w);
      const weak = (w: string) =>
        strong(w) ||
        (classify(w) === 'unknown' && w.length >= 3 && !isEnglishWord(w)) ||
        (classify(w) === 'common' && isGivenName(w) && !MONTH_NAMES.has(w) && !isEnglishWord(w));
      if (!((strong(a) && weak(b)) || (weak(a) && strong(b)))) continue;
      const bEnd = k + joiner.length + b.length;
      const aStart = k - a.length;
      if (firmTailAfter(text, bEnd) || PAIR_NOT_AFTER.test(text.slice(bEnd, bEnd + 4))) continue;
      // Two brands of one thing: "Tempur and Emma mattresses".
      if (ORG_CONTEXT_AFTER.test(text.slice(bEnd, bEnd + 48))) continue;
      // A firm named after its partners: "Jones, Mitchell and Williams", a line of its own
      // under a signature ("Laurent et Rey", "Pons et Lambert").
      if (/,[ \t]?$/.test(text.slice(Math.max(0, aStart - 2), aStart))) continue;
      // Things and places: "the Fireflies and Marlene", "between Brixton and Victoria".
      if (PAIR_NOT_BEFORE.test(text.slice(Math.max(0, aStart - 10), aStart))) continue;
      if (englishOrPlural(a) || englishOrPlural(b)) continue;
      const lineStart = text.lastIndexOf('\n', aStart - 1) + 1;
      let lineEnd = text.indexOf('\n', bEnd);
      if (lineEnd < 0) lineEnd = text.length;
      if (text.slice(lineStart, aStart).trim() === '' && text.slice(bEnd, lineEnd).trim() === '') {
        continue;
      }
      const score = strong(a) && strong(b) ? 0.65 : 0.55;
      addWhole(out, taken, k - a.length, k, score, 'pair');
      addWhole(out, taken, bEnd - b.length, bEnd, score, 'pair');
    }
  }
}
const PAIR_JOINERS = [' and ', ' + ', ' und ', ' et ', ' y ', ' e ', ' en '];
const PAIR_NOT_BEFORE =
  /(?:^|[^\p{L}])(?:the|a|an|between|le|la|les|el|los|las|der|die|das|de)[ \t]$/iu;
/** A possessive ("Ben and Jerry's") or a house number ("Leon and Eyrarodda 66") after. */
const PAIR_NOT_AFTER = /^(?:['’]s\b|[ \t]\d)/;
/**
 * The capitalised word ending at `end` (a capital, then 1 to 20 small letters or marks), or
 * null; not after a letter, a digit or . ' ’ -, nor after another capitalised word or an
 * initial and a space ("Mary Ann and ..."). Read backwards character by character: a pattern
 * anchored at the end of a slice was tried at every place of it, for each " e " and " en " of
 * a long paste.
 */
function pairLeft(text: string, end: number): string | null {
  let i = end;
  while (i > 0 && end - i < 20 && SMALL_OR_MARK.test(text[i - 1]!)) i--;
  const start = i - 1;
  if (start < 0 || end - start < 3 || !CAPITAL.test(text[start]!)) return null;
  if (start > 0 && PAIR_LEFT_NOT_AFTER.test(text[start - 1]!)) return null;
  if (text.charCodeAt(start - 1) === 32) {
    let j = start - 2;
    if (text.charCodeAt(j) === 46) j--;
    while (j >= 0 && SMALL.test(text[j]!)) j--;
    if (j >= 0 && CAPITAL.test(text[j]!)) return null;
  }
  return text.slice(start, end);
}
const SMALL_OR_MARK = /[\p{Ll}\p{M}]/u;
const SMALL = /\p{Ll}/u;
const CAPITAL = /\p{Lu}/u;
const PAIR_LEFT_NOT_AFTER = /[\p{L}\p{N}.'’-]/u;
/** One capitalised word, not followed by another. */
const PAIR_RIGHT = /(\p{Lu}[\p{Ll}\p{M}]{1,20})(?![\p{L}\p{N}@_-]|[ \t]\p{Lu}|\.\p{L})/uy;

/**
 * A maiden name right after a name found: "Mrs. Eleanor Whitcombe-Hayes (née Price)", "Ursula
 * Bergmann, geb. Krüger", "Maria Rossi, nata Bianchi". The word after "née" is a surname
 * whatever else it is (Price, Baker), but only beside a name: "née" alone may open a birth date
 * or a place ("geb. in Köln" is no name: the word must be capitalised and follow at once).
 */
function maidenNames(text: string, taken: readonly Span[], out: Candidate[]): void {
  if (out.length === 0 || !MAIDEN_HINT.test(text)) return;
  const found = out.length;
  for (let i = 0; i < found; i++) {
    const c = out[i]!;
    const m = MAIDEN_AFTER.exec(text.slice(c.end, c.end + 60));
    if (m === null || isGrammarWord(m[1]!.toLowerCase())) continue;
    const end = c.end + m[0].length;
    const start = end - m[1]!.length;
    if (overlapsAny(taken, start, end) || out.some((o) => o.start < end && start < o.end)) continue;
    out.push({ start, end, type: 'PERSON', score: 0.8, reason: 'maiden name' });
  }
}
const MAIDEN_HINT = /\b(?:n[ée]e|geb\.|geborene|nata|nacida|nascida|z domu)[ \t]/i;
/** After a name: a bracket or a comma, the word for "born", one or two capitalised words. */
const MAIDEN_AFTER =
  /^(?:[ \t]?\(|,)?[ \t]?(?:n[ée]e|geb\.|geborene|nata|nacida|nascida|z domu)[ \t]{1,2}(\p{Lu}[\p{Ll}'’]{1,30}(?:-\p{Lu}[\p{Ll}'’]{1,30})?)(?![\p{L}\p{N}])/u;

/**
 * Honorifics written after a name in Latin script, Turkish "Fatma Hanım", "Kemal Bey", "Selin
 * Hanımefendi" and romanised Japanese "Tanaka-san", "Suzuki-sama": not part of the name, so a
 * finding that took one in ends before it; and a listed name the main pass left alone before
 * one ("Merhaba Fatma Hanım,", "ask Tanaka-san") is a name. The words before them must be in
 * the name lists: "Müdür Bey" ("Mr. Manager") and "Doktor Hanım" name a role.
 */
function latinHonorifics(text: string, taken: readonly Span[], out: Candidate[]): void {
  const anchors = LATIN_HONORIFIC_WORDS.at(text);
  if (anchors.length === 0) return;
  for (const c of out) {
    const tail = HONORIFIC_TAIL.exec(text.slice(Math.max(c.start, c.end - 16), c.end));
    if (tail !== null && c.end - tail[0].length > c.start) c.end -= tail[0].length;
  }
  const listed = (w: string): boolean => {
    const c = classify(w);
    return c === 'first' || c === 'last';
  };
  for (const m of matchAllAt(text, NAME_BEFORE_HONORIFIC, anchors, 48)) {
    let start = m.index;
    const end = start + m[1]!.length;
    const words = m[1]!.split(' ');
    // A greeting or a title before the name ("Merhaba Fatma Hanım") is not part of it.
    if (words.length > 1 && !listed(words[0]!)) {
      start += words[0]!.length + 1;
      words.shift();
    }
    if (!listed(words[0]!) || (words.length > 1 && !listed(words[1]!) && isEnglishWord(words[1]!)))
      continue;
    if (overlapsAny(taken, start, end) || out.some((c) => c.start < end && start < c.end)) continue;
    out.push({ start, end, type: 'PERSON', score: 0.8, reason: 'honorific' });
  }
}
/** Turkish honorifics, written as words after the name. */
const TURKISH_HONORIFICS = ['Bey', 'Hanım', 'Hanim', 'Hanımefendi', 'Beyefendi'];
/** Romanised Japanese honorifics, joined to the name by a hyphen: "Tanaka-san" is Tanaka. */
const JAPANESE_HONORIFICS = ['san', 'sama', 'kun', 'chan', 'sensei', 'senpai', 'dono'];
const LATIN_HONORIFIC_WORDS = keywords([...TURKISH_HONORIFICS, ...JAPANESE_HONORIFICS], {
  wholeWord: true,
});
/** A Turkish honorific ending a finding (the Japanese ones are joined by a hyphen: hyphenTail). */
const HONORIFIC_TAIL = new RegExp(String.raw`[ \t](?:${TURKISH_HONORIFICS.join('|')})$`, 'u');
/** One or two capitalised words, then a Turkish honorific or a Japanese one after a hyphen. */
const NAME_BEFORE_HONORIFIC = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(\p{Lu}\p{Ll}{1,20}(?: \p{Lu}\p{Ll}{1,20})?)` +
    String.raw`(?:[ \t](?:${TURKISH_HONORIFICS.join('|')})|-(?:${JAPANESE_HONORIFICS.join('|')}))(?![\p{L}\p{N}])`,
  'gu',
);
const JAPANESE_HONORIFIC_SET: ReadonlySet<string> = new Set(JAPANESE_HONORIFICS);

/**
 * The findings without the names of pets and their other mentions: "My dog Willow (patient
 * #215841) needs a refill. Willow is microchipped", "Tier: Frieda (Europäisch Kurzhaar)".
 */
function withoutPets(text: string, out: Candidate[]): Candidate[] {
  if (out.length === 0) return out;
  const anchors = PET_WORDS.at(text);
  if (anchors.length === 0) return out;
  let pets: Set<string> | null = null;
  // (Tried only just before the animals' words: the pattern ignores case, which run over a
  // whole 1 MB paste cost 9 ms.)
  for (const m of matchAllAt(text, PET_NAME, anchors, 12)) {
    // (The pattern ignores case for its cue words; a name has its capital.)
    if (CAPITAL_FIRST.test(m[1]!)) (pets ??= new Set()).add(m[1]!);
  }
  if (pets === null) return out;
  const names = pets;
  return out.filter((c) => !names.has(text.slice(c.start, c.end)));
}
const PET_WORDS = keywords(
  'dog cat puppy kitten pet horse pony rabbit bunny parrot budgie hamster ferret tortoise tier dier animal animale mascota haustier hund katze chien chat perro gato cane gatto hond kat'.split(
    ' ',
  ),
  { wholeWord: true },
);
const CAPITAL_FIRST = /^\p{Lu}/u;
/** A pet's name after "my dog", "our cat", or an animal's label ("Tier:", "Mascota:"). */
const PET_NAME =
  /(?<![\p{L}])(?:(?:my|our|his|her|their|your|the|mein|meine|unser|unsere|mon|ma|notre|mi|nuestro|nuestra|il mio|la mia|mijn|onze) (?:dog|cat|puppy|kitten|pet|horse|pony|rabbit|bunny|parrot|budgie|hamster|ferret|tortoise|hund|katze|chien|chienne|chat|chatte|perro|perra|gato|gata|cane|gatto|gatta|hond|kat)|(?:tier|dier|animal|animale|mascota|pet|pet name|haustier)[ \t]?:)[ \t]{1,3}(\p{Lu}[\p{Ll}'’-]{1,20})(?![\p{L}])/giu;

/**
 * A label's value written surname first, "Customer: Roe, Jane", as one name: the surname the
 * label found, a comma, and a first name found after it that ends the value (no further comma:
 * "Smith, Jones, Roe" is a list). Two findings were one name cut in two.
 */
function surnameFirst(text: string, out: Candidate[]): Candidate[] {
  // The given name after the comma that nothing found alone ("Employee: Monahan, Aniya
  // (E49120)"): a listed given name, or a word no list or dictionary knows.
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    if ((a.reason !== 'label' && a.reason !== 'cue, case') || text.charCodeAt(a.end) !== 44) {
      continue;
    }
    const m = GIVEN_AFTER_COMMA.exec(text.slice(a.end, a.end + 40));
    if (m === null || text.slice(a.start, a.end).includes(' ')) continue;
    const w = m[1]!;
    if (!isGivenName(w) && (classify(w) !== 'unknown' || isEnglishWord(w))) continue;
    if (out.some((o) => o.start >= a.end && o.start < a.end + m[0].length)) continue;
    out[i] = { ...a, end: a.end + m[0].length };
  }
  if (out.length < 2) return out;
  out.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (
      (a.reason !== 'label' && a.reason !== 'cue, case') ||
      !SURNAME_FIRST_GAP.test(text.slice(a.end, b.start))
    ) {
      continue;
    }
    if (
      text.slice(a.start, a.end).includes(' ') ||
      !SURNAME_FIRST_END.test(text.slice(b.end, b.end + 2))
    ) {
      continue;
    }
    out[i] = { ...a, end: b.end, score: Math.max(a.score, b.score) };
    out.splice(i + 1, 1);
  }
  return out;
}
const SURNAME_FIRST_GAP = /^, ?$/;
const GIVEN_AFTER_COMMA = /^, ?(\p{Lu}[\p{Ll}'’-]{1,30})(?=[ \t]*(?:\r?\n|[(;|]|$))/u;
const SURNAME_FIRST_END = /^(?:$|[ \t]*(?:\r?\n|[(;|]|$))/;

/**
 * `end` moved past a lower-case part joined by a hyphen that no dictionary knows: Korean given
 * names and Finnish surnames ("Kim Min-jun", "Hauta-aho"), not "Smith-based" or "Anna-like".
 */
function hyphenTail(text: string, end: number): number {
  if (text.charCodeAt(end) !== 45) return end;
  const m = HYPHEN_TAIL.exec(text.slice(end, end + 12));
  return m !== null && !isEnglishWord(m[1]!) && !JAPANESE_HONORIFIC_SET.has(m[1]!)
    ? end + m[0].length
    : end;
}
const HYPHEN_TAIL = /^-(\p{Ll}{2,8})(?![\p{L}\p{N}-])/u;

/**
 * The capitalised words of the text being scanned (collectTokens), as parallel arrays reused
 * from scan to scan: a 1 MB paste has tens of thousands, and as objects that lived to the end
 * of the scan they were copied by every young-generation collection meanwhile. Tok objects are
 * made only for the words that go into a segment (about half: the others are stop words).
 */
let tokStart = new Int32Array(256);
let tokEnd = new Int32Array(256);
/**
 * What the loops over all tokens read, as bits (F_TITLE ...), so that they need not load each
 * token's WordInfo (a cache miss apiece on a long text).
 */
let tokFlags = new Uint8Array(256);
/** What the lists say about each word; entries past tokCount are left from earlier scans. */
const tokInfo: WordInfo[] = [];
let tokCount = 0;
/**
 * Whether collectTokens met a capitalised word of two letters or more (taken or not): a text
 * with none is written in lower case (see truecase).
 */
let capitalisedSeen = false;

function pushToken(start: number, end: number, info: WordInfo, flags: number): void {
  const k = tokCount;
  if (k === tokStart.length) {
    const grownStart = new Int32Array(k * 2);
    grownStart.set(tokStart);
    tokStart = grownStart;
    const grownEnd = new Int32Array(k * 2);
    grownEnd.set(tokEnd);
    tokEnd = grownEnd;
    const grownFlags = new Uint8Array(k * 2);
    grownFlags.set(tokFlags);
    tokFlags = grownFlags;
  }
  tokStart[k] = start;
  tokEnd[k] = end;
  tokFlags[k] = flags;
  if (k < tokInfo.length) tokInfo[k] = info;
  else tokInfo.push(info);
  tokCount = k + 1;
}

/** The token is a title here ("Dr.", or "Sr" followed by a full stop). */
const F_TITLE = 1;
/** WordInfo.initial. */
const F_INITIAL = 2;
/** WordInfo.keepable. */
const F_KEEPABLE = 4;
/** The word's class is 'stop'. */
const F_STOP = 8;
/** The word's class is 'common'. */
const F_COMMON = 16;
/** The word's class is 'first'. */
const F_FIRST = 32;
/** The word's class is 'last'. */
const F_LAST = 64;
/** The bits of WordInfo.flags (all but F_TITLE, which depends on the next character). */
const WORD_FLAG_BITS = 127 & ~F_TITLE;

/** Fills the token arrays (tokStart ... tokCount) with the capitalised words of `text`. */
function collectTokens(text: string, taken: readonly Span[]): void {
  tokCount = 0;
  capitalisedSeen = false;
  let t = 0; // index into taken, which is sorted by start
  // Only an upper-case letter can start a word, so WORD is tried at those offsets alone.
  UPPER_OR_NON_ASCII.lastIndex = 0;
  while (UPPER_OR_NON_ASCII.test(text)) {
    const i = UPPER_OR_NON_ASCII.lastIndex - 1;
    if (!mayStartWord(text.charCodeAt(i))) continue;
    // WORD's look-behind, for the ASCII characters it names; other characters go to the regex.
    if (i > 0 && gluedBefore(text.charCodeAt(i - 1)) && !mentionAt(text, i)) {
      // Except the value of a field named for a person: "customer_name=Aminata Ndiaye", and a
      // cell of words in a table parted by bare pipes: "8389|Hilll|Devyn|29/06/1975".
      if (
        (text.charCodeAt(i - 1) !== 61 ||
          (!NAME_KEY.test(text.slice(Math.max(0, i - 30), i - 1)) && !personFieldAt(text, i))) &&
        (text.charCodeAt(i - 1) !== 124 || !PIPE_CELL_AFTER.test(text.slice(i, i + 42)))
      ) {
        continue;
      }
    }
    const start = i;
    let end = asciiWordEnd(text, i);
    if (end < 0) {
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      if (m === null) continue;
      end = start + m[0].length;
    }
    UPPER_OR_NON_ASCII.lastIndex = end;
    if (end - start >= 2) capitalisedSeen = true;
    while (t < taken.length && taken[t]!.end <= start) t++;
    if (t < taken.length && taken[t]!.start < end) continue;
    const info = wordInfoAt(text, start, end);
    if (info === null) continue;
    // The word's flags and title kind, read from the cache table (see wordInfoAt) rather than
    // from `info`, which on a long text is seldom in the processor's cache.
    const meta = lastMeta;
    // -1 past the end: no comparison below holds for it, as for charCodeAt's NaN (which would
    // cost a deoptimisation, see asciiWordEnd).
    const next = end < text.length ? text.charCodeAt(end) : -1;
    // "Google.com", "Foo.bar", "Foo(": a domain or code, not prose.
    if (next === 46 /* . */ && /\p{L}/u.test(text[end + 1] ?? '')) continue;
    if (next === 40 /* ( */ || next === 95 /* _ */) continue;
    // Most words in prose stand between spaces; only words glued to other characters need the
    // chunk check for code, URLs and addresses.
    const prevCode = start > 0 && !mentionAt(text, start) ? text.charCodeAt(start - 1) : 32;
    // (A pipe table's cell is no code: "8389|Hilll|Devyn|29/06/1975".)
    const pipeCell =
      (prevCode === 124 || next === 124) && PIPE_CELL_AFTER.test(text.slice(start, start + 42));
    const glued =
      !pipeCell && (!isSpace(prevCode) || (end < text.length && !isSpace(next) && !isPunct(next)));
    if (glued && inCodeChunk(text, start, end)) continue;
    // "Dr." and "Mrs" are titles; "Sr" and "Fr" without a full stop may be other words. The
    // French "M." is one only after a blank or a bracket ("z*M.  To avoid" is a formula).
    const title = meta >> 7;
    const isTitle =
      (title === 2 || (title === 1 && next === 46)) &&
      (end - start > 1 || isSpace(prevCode) || prevCode === 40 || prevCode === 34);
    pushToken(start, end, info, (meta & WORD_FLAG_BITS) | (isTitle ? F_TITLE : 0));
  }
}

/**
 * Where WORD's match at `i` ends, for the common case it decides without the regex: an ASCII
 * capital after an ASCII character (or the text start), up to 30 lower-case letters of ASCII or
 * Latin-1, then
 * the text end or ASCII punctuation or space that can neither extend the word (a capital, '-',
 * an apostrophe of "O'Brien") nor fail its look-ahead. -1 leaves the case to WORD.
 */
function asciiWordEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 65 || c > 90) return -1;
  if (i > 0 && text.charCodeAt(i - 1) >= 128) return -1;
  // Reads stay inside the text: a read past its end returns NaN, which the first time sends
  // V8's optimised code back to the interpreter (a recompilation of the whole caller).
  const n = text.length;
  let j = i + 1;
  const max = i + 31;
  while (j < max && j < n) {
    const d = text.charCodeAt(j);
    // a-z, and the Latin-1 lower-case letters ß-ö and ø-ÿ ("José", "Müller"), all \p{Ll}.
    if (d < 97 || (d > 122 && (d < 0xdf || d > 0xff || d === 0xf7))) break;
    j++;
  }
  if (j >= n) return j;
  const d = text.charCodeAt(j);
  return d < 128 && WORD_END_ASCII[d] === 1 ? j : -1;
}

/** ASCII characters after which WORD's match ends as it is (not letters, digits, _ @ - ' ). */
const WORD_END_ASCII = (() => {
  const t = new Uint8Array(128).fill(1);
  for (const ch of "_@-'") t[ch.charCodeAt(0)] = 0;
  for (let c = 48; c <= 57; c++) t[c] = 0;
  for (let c = 65; c <= 90; c++) t[c] = 0;
  for (let c = 97; c <= 122; c++) t[c] = 0;
  return t;
})();

/** What the lists say about one word, which depends on the word alone. */
interface WordInfo {
  /** The word itself. */
  text: string;
  /** fold(word). */
  key: string;
  cls: NameClass;
  initial: boolean;
  /** 0: not a title; 1: a title when a full stop follows ("Sr."); 2: a title anyway. */
  title: 0 | 1 | 2;
  stopName: boolean;
  /** A stop word that is also a listed name and not a function word: it may stay after a title. */
  keepable: boolean;
  alsoSurname: boolean;
  /** F_INITIAL, F_KEEPABLE and the class bits (F_STOP ... F_LAST) as they apply to the word. */
  flags: number;
}

// Words recur (sentence starters, support vocabulary, the same names), so their lookups are
// remembered; null marks a camelCase word that is skipped. Bounded like fold's cache.

/** The most words the cache holds; its table grows to twice as many slots. */
const WORD_CACHE_MAX = 32768;
/**
 * The cache is an open-addressing table keyed by the word's characters where it stands in the
 * text, so a word seen before costs no substring and no string hashing (a Map keyed by
 * text.slice() was a tenth of the finder's time on 1 MB). Slot s holds the word's hash (0:
 * empty) and its meta (WordInfo.flags | WordInfo.title << 7) at wordKeys[2s] and [2s + 1], and
 * the word and its WordInfo at wordRefs[2s] and [2s + 1]: each pair shares a cache line. The
 * table starts small and doubles when half full, so the few thousand words of short texts stay
 * close together in memory (a lookup is mostly waiting for memory).
 */
let wordSlots = 4096;
let wordKeys = new Int32Array(2 * wordSlots);
let wordRefs: Array<string | WordInfo | null> = new Array<string | WordInfo | null>(
  2 * wordSlots,
).fill(null);
let wordCount = 0;
/** The meta of the word wordInfoAt last returned (when it is not null). */
let lastMeta = 0;

/** Whether text[start, start + w.length) is w (startsWith without the builtin's call cost). */
function sameChars(text: string, start: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    if (text.charCodeAt(start + k) !== w.charCodeAt(k)) return false;
  }
  return true;
}

/** What the lists say about text[start, end) (null: a camelCase word, skipped). */
function wordInfoAt(text: string, start: number, end: number): WordInfo | null {
  // FNV-1a over the UTF-16 units; 0 is kept for empty slots.
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  if (h === 0) h = 1;
  const len = end - start;
  const mask = wordSlots - 1;
  let slot = h & mask;
  for (;;) {
    const sh = wordKeys[2 * slot]!;
    if (sh === 0) break;
    if (sh === h) {
      const w = wordRefs[2 * slot] as string;
      if (w.length === len && sameChars(text, start, w)) {
        lastMeta = wordKeys[2 * slot + 1]!;
        return wordRefs[2 * slot + 1] as WordInfo | null;
      }
    }
    slot = (slot + 1) & mask;
  }
  const word = text.slice(start, end);
  const info = wordInfoUncached(word);
  lastMeta = info === null ? 0 : info.flags | (info.title << 7);
  // Bounded: a long text of distinct words must not grow the table without limit (and the
  // table must keep empty slots for the probe above to end).
  if (wordCount < WORD_CACHE_MAX) {
    if (2 * (wordCount + 1) > wordSlots) {
      growWordTable();
      slot = h & (wordSlots - 1);
      while (wordKeys[2 * slot] !== 0) slot = (slot + 1) & (wordSlots - 1);
    }
    wordKeys[2 * slot] = h;
    wordKeys[2 * slot + 1] = lastMeta;
    wordRefs[2 * slot] = word;
    wordRefs[2 * slot + 1] = info;
    wordCount++;
  }
  return info;
}

/** Doubles the word table, moving every entry to its slot in the new one. */
function growWordTable(): void {
  const oldKeys = wordKeys;
  const oldRefs = wordRefs;
  const oldSlots = wordSlots;
  wordSlots = oldSlots * 2;
  wordKeys = new Int32Array(2 * wordSlots);
  wordRefs = new Array<string | WordInfo | null>(2 * wordSlots).fill(null);
  const mask = wordSlots - 1;
  for (let s = 0; s < oldSlots; s++) {
    const h = oldKeys[2 * s]!;
    if (h === 0) continue;
    let slot = h & mask;
    while (wordKeys[2 * slot] !== 0) slot = (slot + 1) & mask;
    wordKeys[2 * slot] = h;
    wordKeys[2 * slot + 1] = oldKeys[2 * s + 1]!;
    wordRefs[2 * slot] = oldRefs[2 * s]!;
    wordRefs[2 * slot + 1] = oldRefs[2 * s + 1]!;
  }
}

function wordInfoUncached(word: string): WordInfo | null {
  if (INNER_CAP.test(word) && !INNER_CAP_PREFIX.test(word)) return null;
  const initial = word.length === 1;
  const lower = word.toLowerCase();
  const cls = initial ? 'unknown' : classify(word);
  // "MS Word", "MS Edge": Microsoft, not "Ms".
  const title =
    word === 'MS'
      ? 0
      : DOTTED_TITLE_SET.has(lower)
        ? 1
        : !TITLE_SET.has(lower)
          ? 0
          : lower.length > 2 || /^m[rs]s?$/.test(lower)
            ? 2
            : 1;
  const stopName = cls === 'stop' && inNameLists(word);
  // (Not isFunctionWord: that counts every stop word, and would keep none.)
  const keepable = stopName && !isGrammarWord(lower);
  return {
    text: word,
    key: fold(word),
    cls,
    initial,
    title,
    stopName,
    keepable,
    alsoSurname: cls === 'first' && isSurname(word),
    flags:
      (initial ? F_INITIAL : 0) |
      (keepable ? F_KEEPABLE : 0) |
      (cls === 'stop' ? F_STOP : 0) |
      (cls === 'common' ? F_COMMON : 0) |
      (cls === 'first' ? F_FIRST : 0) |
      (cls === 'last' ? F_LAST : 0),
  };
}

/** Whether an ASCII character before a capital fails WORD's look-behind (letters, digits, _@./\\#$%&*+=~^|). */
/**
 * Whether the word at `i` is a chat mention: right after an "@" that starts a word itself
 * ("@Ken can you take this one?"), which an email address's "@" never does.
 */
function mentionAt(text: string, i: number): boolean {
  if (text.charCodeAt(i - 1) !== 64) return false;
  if (i < 2) return true;
  const c = text.charCodeAt(i - 2);
  return c === 32 || c === 10 || c === 9 || c === 40 || c === 13;
}

/** Words filling a cell up to the next bare pipe or the line's end. */
const PIPE_CELL_AFTER = /^[\p{L}\p{M}'’ .-]{1,40}(?:\||\r?\n|$)/u;

function gluedBefore(c: number): boolean {
  if (c >= 128) return false;
  return GLUED_ASCII[c] === 1;
}

const GLUED_ASCII = (() => {
  const t = new Uint8Array(128);
  for (const ch of '_@./\\#$%&*+=~^|') t[ch.charCodeAt(0)] = 1;
  for (let c = 48; c <= 57; c++) t[c] = 1;
  for (let c = 65; c <= 90; c++) t[c] = 1;
  for (let c = 97; c <= 122; c++) t[c] = 1;
  return t;
})();

/**
 * Whether the word text[start, end) sits in a chunk of code, markup, a URL or an address (the
 * characters around it up to a blank). Two narrower chunks are read on their own: a JSON
 * string value ('{"first_name":"Kasimir",...}') is read without the object around it, and
 * when only an address or a URL marks the chunk (no code character), the cell between commas
 * or semicolons is ('1,Kasimir,Oyelaran,k@mail.test'): a CSV row has no blank between cells.
 */
function inCodeChunk(text: string, start: number, end: number): boolean {
  let a = start;
  const minA = Math.max(0, start - 64);
  while (a > minA && !isSpace(text.charCodeAt(a - 1))) a--;
  let b = end;
  const maxB = Math.min(text.length, end + 64);
  while (b < maxB && !isSpace(text.charCodeAt(b))) b++;
  if (a === start && b === end) return false;
  // A leading '>' quotes a mail line, and '#' before digits numbers a row or a ticket
  // ("#25748,Providenci,Schoen,..."): neither is markup.
  const chunk = text.slice(a, b).replace(/^>+/, '').replace(NUMBER_SIGN, '');
  if (!CODE_CHUNK.test(chunk)) return false;
  if (chunk.includes('<') && ircNick(text, start, end)) return false;
  const value = jsonStringAround(text, start, end) ?? elementTextAround(text, start, end);
  if (value !== null) return CODE_CHUNK.test(text.slice(value[0], value[1]));
  const field = nameFieldValue(text, start, end) ?? quotedPersonValue(text, start, end);
  if (field !== null) return CODE_CHUNK.test(text.slice(field[0], field[1]));
  if (CODE_MARK.test(chunk)) return true;
  let c = start;
  while (c > a && !isCellSep(text.charCodeAt(c - 1))) c--;
  let d = end;
  while (d < b && !isCellSep(text.charCodeAt(d))) d++;
  return CODE_CHUNK.test(text.slice(c, d));
}

const NUMBER_SIGN = /#(?=\d)/g;

/** A letter, or what may stand between a nick's words ("<Marcus Webb>", "<J.-P. O'Neil>"). */
const NICK_CHAR = /[\p{L} .'-]/u;

/**
 * Whether text[start, end) is in an IRC log's speaker, "<Marcus Webb> hi", at a line's start
 * or after a time stamp there: a bracket that closes on the line before a blank, with only
 * letters between, is the speaker's name, not markup.
 */
function ircNick(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < 40 && NICK_CHAR.test(text[a - 1]!)) a--;
  if (text.charCodeAt(a - 1) !== 60 /* < */) return false;
  let b = end;
  while (b < text.length && b - end < 40 && NICK_CHAR.test(text[b]!)) b++;
  if (text.charCodeAt(b) !== 62 /* > */ || text.charCodeAt(b + 1) !== 32) return false;
  return speakerStart(text, a);
}

/** A form key's characters, as nameFieldValue reads them back. */
const FIELD_KEY_CHAR = /[\w.-]/;

/**
 * The value that holds text[start, end) when it is a form field's or a query parameter's named
 * for a person ("customer_name=Aminata Ndiaye", "?first_name=Aminata&last_name=Ndiaye",
 * "name=Aminata+Ndiaye&plan=pro" once normalised), or null: from after the "=" to the next
 * "&" or the line's end, on one line and within 64 characters either side. Unquoted only:
 * "name='Tuple'" is an argument in code.
 */
function nameFieldValue(text: string, start: number, end: number): [number, number] | null {
  let eq = start - 1;
  const minEq = Math.max(0, start - 64);
  for (; eq >= minEq; eq--) {
    const c = text.charCodeAt(eq);
    if (c === 61) break;
    if (c === 38 || c === 10 || c === 63 || c === 34 || c === 39) return null;
  }
  if (eq < minEq || text.charCodeAt(eq + 1) === 32) return null;
  let k = eq;
  while (k > 0 && eq - k < 48 && FIELD_KEY_CHAR.test(text[k - 1]!)) k--;
  if (k === eq) return null;
  if (!NAME_KEY.test(text.slice(k, eq)) && !PERSON_KEY.test(keyBefore(text, eq))) return null;
  let amp = end;
  const maxAmp = Math.min(text.length, end + 64);
  while (amp < maxAmp && text.charCodeAt(amp) !== 38 && text.charCodeAt(amp) !== 10) amp++;
  // Fields may also be written with spaces between them ("name=Aminata Ndiaye plan=pro").
  const next = text.indexOf('=', end);
  if (next >= 0 && next < amp) {
    const space = text.lastIndexOf(' ', next);
    if (space >= end) amp = space;
  }
  return [eq + 1, amp];
}

/**
 * A field's key that names a person's name or a part of it, read as snake_case in small letters
 * ("first_name", "customer_last_name", "FirstName", "first name" after a camelCase fold, and
 * their words in other languages: "vorname", "apellido"). Not a bare "name" ("nom", "nombre"),
 * which names anything, nor a "user" name, which is a handle.
 */
const PERSON_KEY =
  /(?:^|_)(?:(?:(?:customer|contact|client|account|holder|cardholder|billing|shipping|patient|employee|person|recipient|sender|guest|passenger|author|member|owner)_?)?(?:full_?name|first_?name|last_?name|middle_?name|maiden_?name|surname|given_?name|family_?name|forename|vorname|nachname|familienname|prenom|nom_de_famille|apellidos?|apellido_?(?:paterno|materno)|(?:primer|segundo)_?apellido|nombre_completo|cognome|sobrenome|voornaam|achternaam|imie|nazwisko|fornavn|efternavn|etternavn|fornamn|efternamn|etunimi|sukunimi)|(?:customer|contact|client|account|holder|cardholder|billing|shipping|patient|employee|person|recipient|sender|guest|passenger|author|member|owner|creditor|debtor|beneficiary|payee|borrower|applicant|insured|display)_?name|(?:account_?|card_?)?holder|beneficiary|payee|payer|customer|client|klient|kunde|cliente|recipient|sender|passenger|guest|tenant|insured|policyholder|patient|employee|nome|nombre|given|owner|assignee|reporter|author)$/;

/** A key's characters as personFieldKey reads them back: letters, digits, "_", "-", a space. */
function isKeyChar(c: number): boolean {
  return isIdentChar(c) || c === 95 || c === 45 || c === 32;
}

/** Whether code unit c is an ASCII letter or digit. */
function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The key ending at text[.., to) (see isKeyChar), at most 48 characters, as PERSON_KEY reads it. */
function keyBefore(text: string, to: number): string {
  let k = to;
  while (k > 0 && to - k < 48 && isKeyChar(text.charCodeAt(k - 1))) k--;
  return text
    .slice(k, to)
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

/**
 * Whether the value starting at `start` is a field's whose key names a person, whatever the
 * syntax: `first_name="Ana"`, `firstName='Ana'`, `FirstName:"Ana"`, `'first_name' => 'Ana'`,
 * `first_name = Ana`, `CUSTOMER_LAST_NAME="Roe"`, and an HTML input's
 * `name="last_name" value="Roe"` (which normalise reads as `last name="Roe"`). With `bareName`,
 * a key that is just "name" too.
 */
function personFieldAt(text: string, start: number, bareName = false): boolean {
  let j = start - 1;
  const q = text.charCodeAt(j);
  if (q === 34 || q === 39) j--;
  const valueAt = j;
  while (j >= 0 && valueAt - j < 3 && text.charCodeAt(j) === 32) j--;
  let c = text.charCodeAt(j);
  if (c === 62 && text.charCodeAt(j - 1) === 61) c = text.charCodeAt(--j); // "=>"
  if (c !== 61 && c !== 58) return false;
  // A URL's "://" or a scope's "::" is no separator; neither is "==".
  if (c === 58 && (text.charCodeAt(j + 1) === 47 || text.charCodeAt(j - 1) === 58)) return false;
  if (c === 61 && text.charCodeAt(j - 1) === 61) return false;
  let k = j;
  while (k > 0 && j - k < 3 && text.charCodeAt(k - 1) === 32) k--;
  const kq = text.charCodeAt(k - 1);
  if (kq === 34 || kq === 39) k--;
  // Most keys end in no word of a name's part: tell them by their last letters first.
  if (!PERSON_KEY_END.test(text.slice(Math.max(0, k - 12), k))) return false;
  const key = keyBefore(text, k);
  if (!PERSON_KEY.test(key) && !(bareName && key === 'name')) return false;
  // A role alone names a person only as a quoted key of a quoted value ('"customer":"Ana
  // Roe"'), not a type or a variable ("type Customer = Person").
  if (
    key.endsWith('customer') ||
    key.endsWith('client') ||
    key.endsWith('klient') ||
    key.endsWith('kunde') ||
    key.endsWith('cliente')
  ) {
    return (q === 34 || q === 39) && (kq === 34 || kq === 39);
  }
  return true;
}
/** The ends of PERSON_KEY's keys, in any case: a quick test before the key is read. */
const PERSON_KEY_END =
  /(?:name|nom|nome|nombre|famille|apellidos?|completo|cognome|sobrenome|naam|nazwisko|imie|navn|namn|nimi|holder|beneficiary|payee|payer|customer|client|klient|kunde|cliente|recipient|sender|passenger|guest|tenant|insured|policyholder|patient|employee|given|owner|assignee|reporter|author)$/i;

/**
 * The quoted value that holds text[start, end) when its field's key names a person (see
 * personFieldAt), or null: inside the quotes, on one line and within 64 characters either side.
 */
function quotedPersonValue(text: string, start: number, end: number): [number, number] | null {
  let open = start - 1;
  const minOpen = Math.max(0, start - 64);
  for (; open >= minOpen; open--) {
    const c = text.charCodeAt(open);
    if (c === 34 || c === 39) break;
    if (c === 10) return null;
  }
  if (open < minOpen || !personFieldAt(text, open + 1)) return null;
  const after = text.slice(end, end + 65);
  const close = after.indexOf(text[open]!);
  if (close < 0 || after.lastIndexOf('\n', close) >= 0) return null;
  return [open + 1, end + close];
}

/**
 * The text of the markup element that holds text[start, end) ('<name>Maria Garcia</name>',
 * '<td>Maria Garcia</td>'), on one line and within 64 characters either side, or null: what is
 * between the tag that closes before it and the tag that opens after it.
 */
function elementTextAround(text: string, start: number, end: number): [number, number] | null {
  let gt = start - 1;
  const minGt = Math.max(0, start - 64);
  for (; gt >= minGt; gt--) {
    const c = text.charCodeAt(gt);
    if (c === 62) break;
    if (c === 60 || c === 10) return null;
  }
  if (gt < minGt) return null;
  let lt = end;
  const maxLt = Math.min(text.length, end + 64);
  for (; lt < maxLt; lt++) {
    const c = text.charCodeAt(lt);
    if (c === 60) break;
    if (c === 62 || c === 10) return null;
  }
  if (lt >= maxLt || text.charCodeAt(lt + 1) !== 47) return null;
  // A single word is a term as often ("<b>Berry</b>"); a heading's text is title-cased words
  // ("<summary>Manual Landing Steps</summary>").
  // (Unless the tag names a person: "<firstName>Kwabena</firstName>".)
  const open = text.lastIndexOf('<', gt);
  if (open < 0 || gt - open > 40) return null;
  const tag = text.slice(open, gt + 1);
  if (text.slice(gt + 1, lt).indexOf(' ') < 0 && !NAME_TAG_BEFORE.test(tag)) return null;
  if (HEADING_TAG.test(tag)) return null;
  return [gt + 1, lt];
}

/** Markup elements whose text is a heading or a control's label, not prose. */
const HEADING_TAG = /^<(?:summary|h[1-6]|title|caption|th|button|label|option|legend|dt)\b/i;

/**
 * The span inside the quotes of the JSON string value that holds text[start, end) ('"key":
 * "value"', on one line, within 64 characters either side), or null.
 */
function jsonStringAround(text: string, start: number, end: number): [number, number] | null {
  let open = start - 1;
  const minOpen = Math.max(0, start - 64);
  while (open >= minOpen && text.charCodeAt(open) !== 34 && text.charCodeAt(open) !== 10) open--;
  if (open < minOpen || text.charCodeAt(open) !== 34) return null;
  let k = open - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k < 0 || text.charCodeAt(k) !== 58) return null;
  let close = end;
  const maxClose = Math.min(text.length, end + 64);
  while (close < maxClose && text.charCodeAt(close) !== 34 && text.charCodeAt(close) !== 10) {
    close++;
  }
  return close < maxClose && text.charCodeAt(close) === 34 ? [open + 1, close] : null;
}

/** A comma or a semicolon: what separates a CSV row's cells. */
function isCellSep(c: number): boolean {
  return c === 44 || c === 59;
}

/** Punctuation that ends a word in prose: , . ; : ! ? ) ' " */
function isPunct(c: number): boolean {
  return (
    c === 44 ||
    c === 46 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 41 ||
    c === 39 ||
    c === 34 ||
    c === 0x2019 ||
    c === 0x201d
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Whether token b continues the run that ends with token a (indices into the token arrays). */
function joined(text: string, a: number, b: number): boolean {
  // Most pairs are one space apart or far apart: decide those without a substring.
  const aEnd = tokEnd[a]!;
  const bStart = tokStart[b]!;
  const g = bStart - aEnd;
  if (g === 0 || g > 14) return false;
  if (g <= 2) {
    const c = text.charCodeAt(aEnd);
    const d = g === 2 ? text.charCodeAt(aEnd + 1) : 32;
    if (c === 32) return d === 32;
    return g === 2 && c === 46 && d === 32 && (tokFlags[a]! & (F_INITIAL | F_TITLE)) !== 0;
  }
  // A particle gap (" van ", " de la ") opens and closes with a space; other gaps (", and ",
  // " (") are rejected without a substring. An initial's full stop may stand before it: "J. van
  // der Berkel".
  const from = text.charCodeAt(aEnd) === 46 && (tokFlags[a]! & F_INITIAL) !== 0 ? aEnd + 1 : aEnd;
  if (text.charCodeAt(from) !== 32 || text.charCodeAt(bStart - 1) !== 32) return false;
  const particle = particleGap(text, from, bStart);
  if (particle !== -1) {
    return (
      particle === 1 &&
      (!givenNameAfterParticle(a, b) || twoWordGap(text, from, bStart)) &&
      !germanNounPhrase(text, a, b)
    );
  }
  const gap = text.slice(from, bStart);
  // "Ludwig van Beethoven", "Maria de la Cruz".
  const words = gap.trim().split(' ');
  const isParticle =
    words.length === 1
      ? PARTICLE_SET.has(words[0]!)
      : words.length === 2 && PARTICLE_SET.has(words[0]!) && PARTICLE_SECOND_SET.has(words[1]!);
  return isParticle && (!givenNameAfterParticle(a, b) || words.length === 2);
}

/**
 * Whether tokens a and b, a particle between them, are a German noun phrase rather than a name
 * with a particle: "Änderung der Lieferadresse", "Kündigung von Verträgen". A lone "der" joins
 * only a listed given name to a surname; a lone "von", "vom", "zu" or "den" joins no word with
 * a German noun's ending or a long compound, nor a first word after an article ("Otto von
 * Bismarck" stays one name).
 */
function germanNounPhrase(text: string, a: number, b: number): boolean {
  const gap = text.slice(tokEnd[a]!, tokStart[b]!).trim();
  if (gap === 'der') return (tokFlags[a]! & F_FIRST) === 0;
  if (gap !== 'von' && gap !== 'vom' && gap !== 'zu' && gap !== 'den') return false;
  return (
    germanNoun(tokInfo[a]!.text) ||
    germanNoun(tokInfo[b]!.text) ||
    // An article before the first word: "eine Reihe von Einträgen", "beim Auflösen von Modulen".
    GERMAN_ARTICLE_BEFORE.test(text.slice(Math.max(0, tokStart[a]! - 8), tokStart[a]!))
  );
}
const GERMAN_ARTICLE_BEFORE =
  /(?:^|[^\p{L}])(?:der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen|beim|im|zum|zur|vom|am)[ \t]+$/iu;

/** A German common noun by its shape: a nominal ending on seven letters or more, or a compound. */
function germanNoun(word: string): boolean {
  return word.length >= 14 || (word.length >= 7 && GERMAN_NOUN_ENDING.test(word));
}
const GERMAN_NOUN_ENDING =
  /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|nisse?|tät|täten|tion|tionen)$/;

/**
 * Whether the gap text[from, to) holds two words ("van der"): a two-word particle is no
 * preposition ("Jorn van der Horst"), whatever the word after it.
 */
function twoWordGap(text: string, from: number, to: number): boolean {
  return text.slice(from, to).trim().includes(' ');
}

/**
 * Whether a particle gap between tokens a and b is a preposition instead: a given name after
 * it, and no known name before it, as in German "Anruf von Christopher Lanig" or French "appel
 * de Marie". A particle stands between names ("Ludwig van Beethoven", "Maria de Jesus").
 */
function givenNameAfterParticle(a: number, b: number): boolean {
  return (tokFlags[b]! & F_FIRST) !== 0 && (tokFlags[a]! & (F_FIRST | F_LAST)) === 0;
}

/**
 * What the test below it in joined() says about the gap text[from, to) (it opens and closes
 * with a space), decided on the characters: 1 a particle gap, 0 not; -1 leaves it to the
 * string test (white space other than ASCII, which trim() removes too). The particles are
 * short lower-case ASCII words, so a gap is read as one or two such words.
 */
export function particleGap(text: string, from: number, to: number): number {
  let p = from;
  let q = to;
  for (; p < q; p++) {
    const c = text.charCodeAt(p);
    if (c >= 128) return -1;
    if (c !== 32 && (c < 9 || c > 13)) break;
  }
  for (; q > p; q--) {
    const c = text.charCodeAt(q - 1);
    if (c >= 128) return -1;
    if (c !== 32 && (c < 9 || c > 13)) break;
  }
  if (q - p > PARTICLE_GAP_MAX || q === p) return 0;
  let sp = -1;
  for (let k = p; k < q; k++) {
    const c = text.charCodeAt(k);
    if (c === 32) {
      if (sp !== -1) return 0; // a third word, or two spaces in a row
      sp = k;
    } else if (c < 97 || c > 122) {
      return 0;
    }
  }
  if (sp === -1) return PARTICLE_CODES.has(wordCode(text, p, q)) ? 1 : 0;
  return PARTICLE_CODES.has(wordCode(text, p, sp)) &&
    PARTICLE_SECOND_CODES.has(wordCode(text, sp + 1, q))
    ? 1
    : 0;
}

/** A lower-case ASCII word of at most eight letters as a number (-1 when longer). */
function wordCode(text: string, from: number, to: number): number {
  if (to - from > 8) return -1;
  let code = 0;
  for (let k = from; k < to; k++) code = code * 27 + (text.charCodeAt(k) - 96);
  return code;
}

function codesOf(words: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  for (const w of words) {
    // Only lower-case ASCII words of up to eight letters can be coded; particleGap relies on it.
    if (!/^[a-z]{1,8}$/.test(w)) throw new Error(`finder: particle "${w}" is not 1-8 letters a-z`);
    out.add(wordCode(w, 0, w.length));
  }
  return out;
}

const PARTICLE_CODES = codesOf(PARTICLE_SET);
const PARTICLE_SECOND_CODES = codesOf(PARTICLE_SECOND_SET);
/** The longest gap particleGap can accept: a particle, a space and a second word. */
const PARTICLE_GAP_MAX =
  Math.max(...[...PARTICLE_SET].map((w) => w.length)) +
  1 +
  Math.max(...[...PARTICLE_SECOND_SET].map((w) => w.length));

/**
 * Cuts the run of tokens [from, to) at stop words and titles, trims initials that cannot start
 * or end a name, and scores each segment into `all`. A stop word that is also a name stays
 * when a title or a strong cue stands right before it ("Ms. Austin", "maiden name is Key").
 * Segments are index ranges, so cutting allocates nothing.
 */
function scoreRun(
  text: string,
  from: number,
  to: number,
  taken: readonly Span[],
  capFrom: number,
  all: Scored[],
): void {
  let a = -1;
  let keepA = false;
  // Whether the run is a Vietnamese name (asked at its first stop word): its short syllables
  // are words elsewhere ("Mai", "Thu", "Long", "An") but parts of the name here.
  let vietnamese: boolean | null = null;
  for (let k = from; k < to; k++) {
    const f = tokFlags[k]!;
    const keep =
      (f & F_KEEPABLE) !== 0 &&
      a === -1 &&
      ((k > from && (tokFlags[k - 1]! & F_TITLE) !== 0) ||
        // After a label or a kinship only before another word of the name (keptFirst); alone
        // after a label that names a part of a name ("Surname: Price", "first_name=Summer").
        (k === from && k + 1 < to && keptFirst(text, k, to)) ||
        (k === from && to === from + 1 && partLabelBefore(text, tokStart[k]!)));
    // A surname that is also a word, right after a given name: "Gwen Price", "Ana Rich"; not a
    // word that names a place or a firm after a name ("Shelly Park").
    // After a strong cue, a given name that is also a word joins it too ("Name: Grace Price").
    const surnameAfterFirst =
      (f & F_STOP) !== 0 &&
      a !== -1 &&
      // (Or after a middle initial: "Bryan T. Bruder".)
      (k === a + 1 || (k === a + 2 && (tokFlags[a + 1]! & F_INITIAL) !== 0)) &&
      ((tokFlags[a]! & (F_FIRST | F_COMMON | F_STOP)) === F_FIRST ||
        ((tokFlags[a]! & F_COMMON) !== 0 &&
          a === from &&
          isGivenName(tokInfo[a]!.text) &&
          (strongCueBefore(text, tokStart[a]!) || (k === to - 1 && echoedByEmail(text, a, to)))) ||
        // After a role's label, a given name no list holds: "Agent: Mortimer Swift".
        ((tokFlags[a]! & (F_FIRST | F_COMMON | F_STOP | F_INITIAL)) === 0 &&
          a === from &&
          k === to - 1 &&
          !isEnglishWord(tokInfo[a]!.text) &&
          cueEndsBefore(text, tokStart[a]!, LABEL_CUES))) &&
      tokInfo[k]!.stopName &&
      isSurname(tokInfo[k]!.text) &&
      !ORG_AFTER.test(' ' + tokInfo[k]!.text);
    // A capitalised particle inside a name ("Cesario De Rosa", "Ana Dos Santos"), or opening a
    // surname after a title ("mevrouw De Vries", "Herr Von Arx"): before a word that can end a
    // name, it does not cut.
    const inner =
      k + 1 < to &&
      (f & F_STOP) !== 0 &&
      (tokFlags[k + 1]! & (F_STOP | F_TITLE | F_INITIAL)) === 0 &&
      capitalParticle(tokInfo[k]!.text) &&
      (a !== -1 ||
        (k > from && (tokFlags[k - 1]! & F_TITLE) !== 0) ||
        (k === from && strongCueBefore(text, tokStart[k]!)));
    // A particle that ends the run right after a given name is the surname: "Tonya Von",
    // "Anna Le" (a listed name, not "Anna De").
    const particleSurname =
      k === to - 1 &&
      a !== -1 &&
      k === a + 1 &&
      (tokFlags[a]! & (F_FIRST | F_COMMON | F_STOP)) === F_FIRST &&
      tokInfo[k]!.stopName &&
      capitalParticle(tokInfo[k]!.text) &&
      (isSurname(tokInfo[k]!.text) || !isSurname(tokInfo[a]!.text));
    // A given name that is also a product's opening a run before a listed surname: "Ruby
    // Wilson" (not "Ruby Gems").
    const givenBeforeSurname =
      (f & (F_STOP | F_TITLE)) === F_STOP &&
      // (Or a middle name after a listed given name: "Mehmet Can Demir", "Anna May Wong".)
      (a === -1 || (k === a + 1 && (tokFlags[a]! & (F_FIRST | F_STOP | F_COMMON)) === F_FIRST)) &&
      k + 1 < to &&
      tokInfo[k]!.stopName &&
      (tokFlags[k + 1]! & (F_STOP | F_TITLE | F_INITIAL | F_COMMON)) === 0 &&
      (tokFlags[k + 1]! & (F_FIRST | F_LAST)) !== 0 &&
      isSurname(tokInfo[k + 1]!.text) &&
      isGivenName(tokInfo[k]!.text);
    const syllable =
      (f & (F_STOP | F_TITLE)) === F_STOP &&
      to - from >= 3 &&
      tokInfo[k]!.text.length <= 4 &&
      (vietnamese ??= vietnameseRun(from, to));
    if (
      !keep &&
      !inner &&
      !surnameAfterFirst &&
      !particleSurname &&
      !givenBeforeSurname &&
      !syllable &&
      (f & (F_TITLE | F_STOP)) !== 0
    ) {
      if (a !== -1) {
        flushSegment(text, a, k, keepA, taken, capFrom, all);
        a = -1;
      }
    } else if (a === -1) {
      a = k;
      keepA = keep;
    }
  }
  if (a !== -1) flushSegment(text, a, to, keepA, taken, capFrom, all);
}

/** Whether every word of [from, to) but the initials is an English word in no name list. */
function allEnglish(from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & F_INITIAL) !== 0) continue;
    if ((tokFlags[k]! & (F_FIRST | F_LAST | F_COMMON)) !== 0) return false;
    if (!isEnglishWord(tokInfo[k]!.text)) return false;
  }
  return true;
}

/** A sports club's initials before its name. */
const CLUB_BEFORE =
  /(?:^|[\s|(])(?:FC|AC|AS|SC|SV|VV|CD|CF|UD|RC|SK|FK|KV|US|SS|TSV|VfB|VfL|BSC|AFC|SSC|KRC)[ \t]$/;

/** The label of a name's part, right before its value: "First name:", "Nachname |". */
const NAME_PART_LABEL_BEFORE =
  /(?:(?:first|last|given|family|middle|maiden|birth)[ _-]?name|surname|forename|prénom|prenom|vorname|nachname|familienname|apellidos?|cognome|voornaam|achternaam)["']?[ \t]*[:=|\t][ \t]*["']?$/i;

/** The rest of a table's header row, then the rule under it ("|---|:--|"). */
const RULE_BELOW = /^[^\n]*\r?\n[ \t]*\|?[ \t]*:?-{3,}/;

/** A cell that names a part of a person's name, then the pipe before the value's cell. */
const NAME_PART_CELL_BEFORE =
  /(?:first|last|given|family|middle|maiden|sur)[ _-]?name[ \t]*\|[ \t]*$/i;

/** A bare "name" label right before a value (not "full name", "customer_name"). */
const BARE_NAME_LABEL =
  /(?:^|[^\p{L}\p{N}_ -]|[^\p{L}\p{N}_-][ \t]+)["']?name["']?[ \t]{0,3}(?:[:=|]|[ \t][-–—])[ \t]{0,8}["']?$/iu;

/**
 * Whether tokens [from, to) after a bare "name" label read as a thing's name: the last word is
 * a dictionary word that no name list holds, and every word before it is a word, not a given
 * name.
 */
function thingAfterBareName(from: number, to: number): boolean {
  const last = to - 1;
  if ((tokFlags[last]! & (F_FIRST | F_LAST | F_COMMON | F_INITIAL)) !== 0) return false;
  if (!isEnglishWord(tokInfo[last]!.text)) return false;
  // Every word before it a word too ("Price List"), none a given name ("Mark Down"): an
  // unknown one is a person's ("Margus Lamp").
  for (let k = from; k < last; k++) {
    const w = tokInfo[k]!.text;
    if (isGivenName(w) || ((tokFlags[k]! & (F_STOP | F_COMMON)) === 0 && !isEnglishWord(w))) {
      return false;
    }
  }
  return BARE_NAME_LABEL.test(beforeWindow());
}

/**
 * Whether a token of [from, to) has a letter only Vietnamese writes ("Nguyễn", "Đặng", "Thị"),
 * or one of the commonest Vietnamese family names and a middle name written without their
 * marks are in it ("Nguyen Van An", "Tran Thi Mai").
 */
function vietnameseRun(from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (VIETNAMESE_LETTER.test(tokInfo[k]!.text)) return true;
  for (let k = from; k + 2 < to; k++) {
    if (VIETNAMESE_FAMILY.has(tokInfo[k]!.text) && VIETNAMESE_MIDDLE.has(tokInfo[k + 1]!.text)) {
      return true;
    }
  }
  return false;
}
const VIETNAMESE_FAMILY = new Set(
  'Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Doan Lam Mai Trinh Luong'.split(
    ' ',
  ),
);
const VIETNAMESE_MIDDLE = new Set(
  'Van Thi Duc Minh Quang Ngoc Thanh Huu Xuan Hong Kim Anh'.split(' '),
);
const VIETNAMESE_LETTER =
  /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơưăĐƠƯĂẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]/u;

/** "De", "Van", "Dos": a name particle written with a capital (and no other capital). */
function capitalParticle(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 65 || c > 90 || word.length > 5) return false;
  for (let k = 1; k < word.length; k++) {
    const d = word.charCodeAt(k);
    if (d < 97 || d > 122) return false;
  }
  return PARTICLE_SET.has(word.toLowerCase());
}

/**
 * Whether the segment [a, b) is a listed given name that is no ordinary word, then one initial
 * with its full stop: "Alex P.", "Marie C." (not "Plan B.", "Vitamin C.", "Will B.").
 */
function givenAndInitial(text: string, a: number, b: number): boolean {
  return (
    b - a === 2 &&
    (tokFlags[a]! & (F_FIRST | F_COMMON | F_STOP | F_INITIAL)) === F_FIRST &&
    text.charCodeAt(tokEnd[a + 1]!) === 46 &&
    tokStart[a + 1]! - tokEnd[a]! === 1
  );
}

/**
 * Whether the capitalised words right after token `to` (up to three, joined as a run) end with
 * an English product noun: the segment before them names the product.
 */
function productNounAfter(text: string, to: number): boolean {
  let k = to;
  while (k < tokCount && k - to < 3 && joined(text, k - 1, k)) k++;
  return k > to && PRODUCT_NOUNS_EN.has(tokInfo[k - 1]!.key);
}

/** How many initials, each with its full stop, stand at tokens [from, to) (a segment's head). */
function initialsBefore(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & F_INITIAL) === 0 || text.charCodeAt(tokEnd[k]!) !== 46) break;
    n++;
  }
  return n;
}

/** Whether a verb in the third person follows `end`: "... moved", "... rents", "... is". */
function verbAfter(text: string, end: number): boolean {
  return VERB_AFTER.test(text.slice(end, end + 24));
}
const VERB_AFTER =
  /^[ \t]+(?:is|was|has|had|\p{Ll}{2,}(?:ed|es|s)|paid|lost|said|told|sent|made|got|left|went|came|took|gave|bought|sold|found|wrote|spoke|met|forgot|brought|drove|flew|rang|saw|knew|kept|felt|won|ran|fell|broke|began|chose|hit|put|quit|read|set|shut|spent|stole|swore|threw|tore|understood|woke|wore)(?![\p{L}])/u;

/** Trims initials that cannot start or end a name off the segment [a, b), then scores it. */
function flushSegment(
  text: string,
  a: number,
  b: number,
  keep: boolean,
  taken: readonly Span[],
  capFrom: number,
  all: Scored[],
): void {
  // A trailing initial ("Smith A") and the pronoun "I" or article "A" are not name parts.
  // (A kept stop word is never an initial, so `keep` stays with token a.) A listed given name
  // and its surname's initial with its full stop are a name as people shorten it: "Alex P.".
  // So are a surname and the initials after it: "Петров А. В.", "Kowalska J.".
  const surnameFirst =
    b - a >= 2 &&
    (tokFlags[a]! & (F_LAST | F_INITIAL | F_STOP | F_COMMON)) === F_LAST &&
    initialsWithStops(text, a + 1, b);
  while (
    b > a &&
    !surnameFirst &&
    (tokFlags[b - 1]! & F_INITIAL) !== 0 &&
    !givenAndInitial(text, a, b)
  ) {
    b--;
  }
  while (
    b > a &&
    (tokFlags[a]! & F_INITIAL) !== 0 &&
    (b - a === 1 ||
      // The pronoun "I" and the article "A", not an initial with its dot ("A. Hills").
      (/^[IA]$/.test(tokInfo[a]!.text) && text.charCodeAt(tokEnd[a]!) !== 46))
  ) {
    a++;
  }
  if (b === a) return;
  // A sentence-initial word before a first name is usually a verb or a role, not a name:
  // "Ask Maria", "Producer James Sparks". The full stop of a title ("Dr. Helmer Bailey") ends
  // no sentence. Two words alone on the text's first line are no such sentence: they head a
  // block ("Cormac Allan\n12 High Street").
  if (
    b - a >= 2 &&
    !(b - a === 2 && lineStart(text, tokStart[a]!) && endsLineAfter(text, tokEnd[b - 1]!)) &&
    (tokFlags[a]! & F_INITIAL) === 0 &&
    segClass(a, a, keep) !== 'first' &&
    (((tokFlags[a + 1]! & F_FIRST) !== 0 && afterSentenceEnd(text, tokStart[a]!)) ||
      // (Or a given name that is also a word before a listed surname, at a sentence's or a
      // line's start: "Reach Faith Okonkwo at ...".)
      (b - a >= 3 &&
        (tokFlags[a + 1]! & F_COMMON) !== 0 &&
        (tokFlags[a + 2]! & (F_FIRST | F_LAST)) !== 0 &&
        isSurname(tokInfo[a + 2]!.text) &&
        isGivenName(tokInfo[a + 1]!.text) &&
        (afterSentenceEnd(text, tokStart[a]!) || lineStart(text, tokStart[a]!)))) &&
    // (A listed surname, or a word no list or dictionary knows, is a surname written first:
    // "Sato Haruto".)
    (tokFlags[a]! & F_LAST) === 0 &&
    !unknownName(a, tokStart[a]!, tokEnd[a]!) &&
    !(a > 0 && (tokFlags[a - 1]! & F_TITLE) !== 0 && tokStart[a]! - tokEnd[a - 1]! <= 2)
  ) {
    a++;
    keep = false;
  } else if (
    // A role before the name, written with a capital: "Patient Felina May", "Driver Dilara
    // Gilde" (CUE_ROLE_BEFORE_CAP then reads it as the cue it is).
    b - a >= 2 &&
    !keep &&
    (tokFlags[a]! & (F_INITIAL | F_TITLE)) === 0 &&
    ROLE_WORDS.has(tokInfo[a]!.key)
  ) {
    a++;
  } else if (
    // Anywhere else, an ordinary English word no name list holds before a first name:
    // "Copyright Julian Gruber", "Original code Copyright Julian Gruber". Two words alone on
    // a line are a signature's name ("Vital Paul").
    b - a >= 2 &&
    !(b - a === 2 && lineStart(text, tokStart[a]!) && endsLineAfter(text, tokEnd[b - 1]!)) &&
    !keep &&
    (tokFlags[a]! & (F_INITIAL | F_TITLE | F_FIRST | F_LAST | F_COMMON)) === 0 &&
    (tokFlags[a + 1]! & F_FIRST) !== 0 &&
    // Short words are given names as often ("Ran Benita", "Art Smith"), and a label before
    // the run ("Author: ...") says a name starts there.
    tokInfo[a]!.text.length >= 5 &&
    isEnglishWord(tokInfo[a]!.text) &&
    !strongCueBefore(text, tokStart[a]!)
  ) {
    a++;
  }
  const s = scoreSegment(text, a, b, keep, taken, capFrom);
  if (s !== null) all.push(s);
}

/**
 * Whether the email address right after the run [k, to), or within two lines below when the run
 * fills its line, spells its first two words in its local part, or the first one's initial and
 * the second ("Summer Weimer <summer.weimer@...>", "<sweimer@...>", a résumé's "Jasper
 * Price\nSenior Engineer\njasper.price@...").
 */
function echoedByEmail(text: string, k: number, to: number): boolean {
  const end = tokEnd[to - 1]!;
  const m = mayEmail(text, end) ? EMAIL_AFTER.exec(text.slice(end, end + 48)) : null;
  const local = m !== null ? fold(m[1]!) : emailBelow(text, tokStart[k]!, end);
  if (local === null) return false;
  const first = tokInfo[k]!.key;
  const second = tokInfo[k + 1]!.key;
  return (
    isGivenName(tokInfo[k]!.text) &&
    ((local.includes(first) && local.includes(second)) ||
      // The initial and the surname: "jprice@", "j.price@".
      (second.length >= 3 && local.replace(NOT_LETTER, '').includes(first[0] + second)))
  );
}
const NOT_LETTER = /[^\p{L}]/gu;

/**
 * Whether the stop word that opens the run [k, to) stays as the first word of a name (another
 * word follows it): after a label or a kinship ("Customer name: Price Cruickshank", "My husband
 * Price Cruickshank"; not "name: 'Apple'"), when the address after the run spells it ("Summer
 * Weimer,summerweimer@posteo.de"), or opening a mail header's display name before a surname
 * ('"Ruby Sanders" <someone@example.test>'; not '"Summer Sale" <promo@...>').
 */
function keptFirst(text: string, k: number, to: number): boolean {
  return (
    strongCueBefore(text, tokStart[k]!, true) ||
    echoedByEmail(text, k, to) ||
    (isGivenName(tokInfo[k]!.text) &&
      ((tokFlags[k + 1]! & (F_COMMON | F_STOP | F_LAST)) === F_LAST ||
        unknownName(k + 1, tokStart[k + 1]!, tokEnd[k + 1]!)) &&
      displayName(text, tokStart[k]!, tokEnd[to - 1]!))
  );
}

/**
 * Whether a label or a field's key that names a part of a person's name ends right before
 * `start`: "Surname: ", "last_name=", "'first_name' => '", "LastName:\"", and their words in
 * other languages. The value there is a name whatever else the word is ("Surname: Price").
 */
function partLabelBefore(text: string, start: number): boolean {
  return PART_LABEL_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}
const PART_LABEL_BEFORE =
  /(?<![\p{L}])(?:(?:first|last|given|family|middle|maiden|fore|vor|nach|familien)[ _-]?name|surname|apellidos?|cognome|sobrenome|voornaam|achternaam|nazwisko|imi[eę]|pr[ée]nom|nom de famille)["'`]?[ \t]{0,3}(?:[:=|]|=>)[ \t]{0,3}["'`]?$/iu;

/** Whether a strong cue (or, with `kinship`, a kinship: "my husband") ends right before `start`. */
function strongCueBefore(text: string, start: number, kinship = false): boolean {
  return cueEndsBefore(text, start, kinship ? STRONG_CUES_KIN : STRONG_CUES);
}
const STRONG_CUES = [CUE_TITLE, CUE_SELF_STRONG, CUE_LABEL_STRONG, CUE_SIGN_OFF_LINE];
const STRONG_CUES_KIN = [...STRONG_CUES, CUE_RELATION];
const LABEL_CUES = [CUE_LABEL, CUE_LABEL_STRONG];

/** Whether one of `cues` ends right before `start` (read in the 64 characters before it). */
function cueEndsBefore(text: string, start: number, cues: readonly RegExp[]): boolean {
  const before = text.slice(Math.max(0, start - 64), start);
  const starts = wordStarts(before);
  return cues.some((re) => endsWithCue(re, before, starts));
}

/** Whether the token at `start` follows a full stop, '!' or '?' (not a colon or line break). */
function afterSentenceEnd(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && k >= start - 4 && (text[k] === ' ' || text[k] === '"')) k--;
  return k < 0 || text[k] === '.' || text[k] === '!' || text[k] === '?';
}

/** Whether the token at `start` begins a sentence or a line (so its capital says nothing). */
function sentenceInitial(text: string, start: number): boolean {
  let k = start - 1;
  const min = Math.max(0, start - 16);
  while (k >= min) {
    const ch = text[k]!;
    if (ch === ' ' || ch === '\t' || '"\'“‘„«(*>•-–—'.includes(ch)) {
      k--;
      continue;
    }
    if (
      ch === '\n' ||
      ch === '\r' ||
      ch === '.' ||
      ch === '!' ||
      ch === '?' ||
      ch === ':' ||
      ch === ';'
    ) {
      return true;
    }
    return false;
  }
  return k < 0;
}

function scoreSegment(
  text: string,
  from: number,
  to: number,
  keep: boolean,
  taken: readonly Span[],
  capFrom: number,
): Scored | null {
  const start = tokStart[from]!;
  const end = tokEnd[to - 1]!;
  // The words that are not initials ("names"), and what the lists say about them, read in one
  // loop with no array: scoring runs once a segment, tens of thousands of times on 1 MB.
  let hasInitial = false;
  let n = 0;
  let c0: NameClass = 'unknown';
  let cl: NameClass = 'unknown';
  /** Whether a word after the first is a known first name or surname. */
  let restKnown = false;
  let onlyCommon = false;
  let k0 = from;
  let kl = from;
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & F_INITIAL) !== 0) {
      hasInitial = true;
      continue;
    }
    const c = segClass(k, from, keep);
    kl = k;
    if (n === 0) {
      c0 = c;
      k0 = k;
      onlyCommon = c === 'common';
    } else {
      if (c === 'first' || c === 'last') restKnown = true;
      if (c !== 'common') onlyCommon = false;
    }
    cl = c;
    n++;
  }
  if (n === 0) return null;
  const knownFirst = c0 === 'first';
  const anyKnown = c0 === 'first' || c0 === 'last' || restKnown;
  const atStart = sentenceInitial(text, start);

  // Structure alone.
  let score: number;
  let reason: string;
  if (n >= 2) {
    if (knownFirst) {
      score = cl === 'first' || cl === 'last' ? 0.9 : 0.85;
      // A given name before an ordinary noun that no list holds as a surname is a thing named
      // after someone: "Victoria Sponge", "Mickey Mouse", "Lincoln Memorial", "Grace Cup".
      if (n === 2 && cl === 'unknown' && !hasInitial && isEnglishWord(tokInfo[kl]!.text)) {
        score = 0.45;
      }
      reason = 'first name';
    } else if (c0 === 'common' && restKnown) {
      score = 0.7;
      reason = 'name list';
    } else if (
      // A given name that is also a word ("Julia", "Grace") before a word no list or
      // dictionary knows: "Julia Rak", not "Ruby Gems" or "Summer Sale". Not opening a
      // sentence, where the word is as often a verb or a month ("Will Requizzle break ...?"),
      // unless a verb in the third person follows ("Jack Tremaine rents a unit").
      (!atStart || (verbAfter(text, end) && !VERB_SHAPE.test(tokInfo[kl]!.text))) &&
      n === 2 &&
      c0 === 'common' &&
      cl === 'unknown' &&
      !hasInitial &&
      isGivenName(tokInfo[k0]!.text) &&
      !isGrammarWord(tokInfo[k0]!.text) &&
      !MONTH_NAMES.has(tokInfo[k0]!.text) &&
      !isEnglishWord(tokInfo[kl]!.text)
    ) {
      score = 0.55;
      reason = 'name list';
    } else if (cl === 'last' || cl === 'first') {
      // (An ordinary word no list holds as a name before the surname is an adjective or a
      // noun of the same phrase: "Study Bible", "Incredible Bamboo Ball", "Rustic Steel Hall".)
      // At a sentence's start, a given name that is also a word before a surname that is none,
      // then a verb in the third person, is a name: "Summer Nakamura moved to ...".
      score =
        c0 === 'unknown' && isEnglishWord(tokInfo[k0]!.text)
          ? 0.3
          : !atStart ||
              (n === 2 &&
                // (Or a word no list or dictionary knows before a listed surname: "Grégoire
                // Dubois paid with ...", "Bastien Dubois lost ...".)
                (isGivenName(tokInfo[k0]!.text) ||
                  (c0 === 'unknown' && cl === 'last' && !isEnglishWord(tokInfo[k0]!.text))) &&
                !isEnglishWord(tokInfo[kl]!.text) &&
                // (Or a note on who they are in brackets: "Summer Nguyen (our new hire) ...".)
                (verbAfter(text, end) ||
                  (isGivenName(tokInfo[k0]!.text) &&
                    NOTE_IN_BRACKETS.test(text.slice(end, end + 4)))))
            ? 0.7
            : 0.45;
      reason = 'surname';
    } else if (hasInitial) {
      // A middle initial between two capitalised words is a strong sign even at a line start.
      score = atStart ? 0.6 : 0.75;
      reason = 'initial';
    } else {
      score = atStart ? 0.25 : 0.4;
      reason = 'capitalised';
    }
  } else if (hasInitial && (tokFlags[from]! & F_INITIAL) !== 0) {
    // "J. Smith"; not "-80 °C. Blanco", a temperature before a sentence. Two initials with
    // their full stops before a word no dictionary knows are a name as South India and the
    // English write it: "K. S. Ramachandran", "J. R. Hartley" (not "U. S. Army").
    score =
      text.charCodeAt(start - 1) === 0xb0
        ? 0.3
        : anyKnown || (initialsBefore(text, from, kl) >= 2 && !isEnglishWord(tokInfo[kl]!.text))
          ? 0.7
          : 0.45;
    reason = 'initial';
  } else if (hasInitial && knownFirst) {
    // A given name and the surname's initial (givenAndInitial): "Alex P.".
    score = atStart ? 0.6 : 0.7;
    reason = 'initial';
  } else if (hasInitial && c0 === 'last' && k0 === from && initialsWithStops(text, from + 1, to)) {
    // A surname, then the initials of the given name (and the patronymic), as Russian, Polish
    // and Czech records write a person: "Петров А. В.", "Белова Н. С.", "Kowalska J.".
    score = to - from >= 3 ? 0.75 : 0.6;
    reason = 'initial';
  } else if (knownFirst) {
    score = atStart ? 0.4 : 0.45;
    reason = 'first name';
  } else if (c0 === 'last') {
    score = 0.3;
    reason = 'surname';
  } else {
    score = 0.2;
    reason = 'capitalised';
  }

  // Parks are named after people ("Victoria Park", "Lincoln Park Zoo"), and Park is a Korean
  // surname: the lists alone do not make "Ethan Park" a name, a cue around it does (a label, a
  // verb of speech, an address or a birth date beside it).
  if (n >= 2 && score > 0.45 && tokInfo[to - 1]!.key === 'park') score = 0.45;

  // Cues around it. A before-cue is only tested when the word just before the segment occurs
  // in it (or a colon, comma, parenthesis or line break stands there): one lookup gives the
  // cues that pass this check (cueMask), and most segments pass none, so the window before
  // the segment is cut only when a cue pattern must run. The regexes, which try several
  // offsets of the window, are the finder's main cost. The window state lives at module level
  // (see cueMatches) so scoring allocates no closures.
  cueMask = previousCueMask(text, start);
  cueText = text;
  cueStart = start;
  cueBefore = null;
  cueStarts = null;
  cueAfter = null;
  cueEnd = end;
  const single = n === 1 && !hasInitial;
  curScore = score;
  curReason = reason;

  // A cue is only tried when its bump would raise the score: bumps never lower it, and trying
  // the cue patterns is the costliest part of scoring.
  tryCue(K_TITLE, 0.9, 'title');
  tryCue(K_TITLE_M, 0.9, 'title');
  // Brands named as a doctor: "Dr Pepper", "Dr. Oetker", "Dr. Martens boots".
  if (
    curReason === 'title' &&
    single &&
    DOCTOR_BRANDS.has(tokInfo[from]!.text.toLowerCase()) &&
    DR_BEFORE.test(beforeWindow())
  ) {
    curScore = score;
    curReason = reason;
  }
  // "HR" in capitals is human resources, not German's "Hr." ("HR Shared Services wrote").
  if (curReason === 'title' && CAPS_NOT_TITLE_BEFORE.test(beforeWindow())) {
    curScore = score;
    curReason = reason;
  }
  tryCue(K_SELF_STRONG, 0.9, 'self-introduction');
  const beforeLabel = curScore;
  tryCue(K_LABEL_STRONG, 0.85, 'label');
  // A name's label with a note in brackets: "Legal Name (Last, First, MI): Nader, Ginger",
  // "Traveller name (as in passport): ...". (Apart from the cue pattern, whose punctuation
  // check a bracket's free text would open to every comma and line break.)
  if (
    0.85 > curScore &&
    prevPunct === ':' &&
    bracketBeforeColon(text, start) &&
    NAME_LABEL_BRACKET.test(beforeWindow())
  ) {
    bump(0.85, 'label');
  }
  // A bare "name" label names things as often as people ('{"name": "Blue Widget"}', "Name:
  // Price List"): there a value that ends in a dictionary word no name list holds, and does
  // not start with a first name, keeps the score it had.
  if (curScore > beforeLabel && thingAfterBareName(from, to)) {
    curScore = beforeLabel;
    curReason = reason;
  }
  tryCue(K_LABEL_BARE, 0.85, 'label');
  tryCue(K_RELATION, onlyCommon ? 0.6 : 0.85, 'relation');
  // "In the name of" in the other languages: "intestato a Liberatore Butera", "au nom de ...".
  // (Not a cue pattern: "a", "de", "di", "van" open every other capitalised word there.)
  if (0.85 > curScore && inNameOfEnd(text, start)) {
    bump(onlyCommon ? 0.6 : 0.85, 'relation');
  }
  // Someone's relation named by a possessive: "the patient's son Kellen", "pt's wife Ana".
  if (
    curReason !== 'relation' &&
    (cueMask & K_RELATION.bit) !== 0 &&
    possessiveBefore(text, start) &&
    POSSESSIVE_RELATION.test(beforeWindow().slice(-32))
  ) {
    bump(onlyCommon ? 0.6 : 0.85, 'relation');
  }
  // A sign-off line followed by a line that holds only the name: "Thanks,\nSavannah".
  const alone = endsLineAfter(text, end);
  tryCue(K_SIGN_OFF_LINE, !onlyCommon ? 0.85 : alone ? 0.7 : 0, 'sign-off');
  tryCue(K_GREETING, onlyCommon ? 0.55 : anyKnown || !single ? 0.85 : 0.8, 'greeting');
  tryCue(K_CUSTOMER_PAREN, 0.8, 'role');
  // "- Agent: Kole" closing a line names the agent; "Client: Sur les..." opens speech.
  const endsLine = alone;
  tryCue(K_LABEL, anyKnown || !single ? 0.8 : endsLine && !onlyCommon ? 0.7 : 0.45, 'label');
  // An org chart's or a form's line labelled with a job: "VP Customer Operations: Farzaneh
  // Tehrani", "Director, Support APAC: A.K. Menon", "Responsable directo: Íñigo Etxeberria".
  // Two words or more, none an ordinary one, right after the line's colon.
  if (
    0.75 > curScore &&
    !single &&
    !onlyCommon &&
    prevPunct === ':' &&
    !someWordLike(from, to) &&
    JOB_LABEL_BEFORE.test(beforeWindow())
  ) {
    bump(0.75, 'label');
  }
  // A pipe table's border as the label's separator ("| Customer | Jewel Champlin |"): its
  // header row holds one ordinary word a cell ("| Name | Description |"), so one unknown word
  // after it is no name.
  if (
    prevPunct === '|' &&
    single &&
    !anyKnown &&
    curReason === 'label' &&
    curScore > 0.45 &&
    // (A part of a name is no header's word: "| last name | Oyelaran |".)
    !NAME_PART_CELL_BEFORE.test(beforeWindow()) &&
    // (Nor is a word no dictionary knows, in a row no table's rule follows: a form's key and
    // value, "Nom | Jacquet".)
    (isEnglishWord(tokInfo[from]!.text) || RULE_BELOW.test(text.slice(end, end + 80)))
  ) {
    curScore = 0.45;
  }
  tryCue(K_SELF, anyKnown || (!single && !onlyCommon) ? 0.8 : 0.45, 'introduction');
  // "Kia ora, I'm Tahu.": a word no list or dictionary knows, introduced and closing the clause.
  if (
    single &&
    0.6 > curScore &&
    SELF_CLAUSE_END.test(afterWindow()) &&
    unknownName(from, start, end) &&
    (FIRST_PERSON_BEFORE.test(beforeWindow().slice(-12)) ||
      // "it's Amara from accounts", "this is Tahu here": the caller says who and from where.
      (IT_IS_BEFORE.test(beforeWindow().slice(-10)) && CALLER_AFTER.test(afterWindow())))
  ) {
    bump(0.6, 'introduction');
  }
  // "Hello, it's Abdon,", "Oui bonjour, c'est encore Aymon": a greeting, then the writer says
  // who they are. One word no list or dictionary knows is enough there.
  if (
    single &&
    0.6 > curScore &&
    // (The last word before says whether the greeting's pattern can match at all.)
    INTRODUCTION_END.test(beforeWindow().slice(-14)) &&
    unknownName(from, start, end) &&
    GREETING_THEN_SELF.test(beforeWindow())
  ) {
    bump(0.6, 'introduction');
  }
  tryCue(K_SIGN_OFF_INLINE, anyKnown || !single ? 0.8 : 0.5, 'sign-off');
  // A birth date given right after the words: "Ethan Park (DOB 2009-03-11)", "Jack Brown, born
  // 4 May 1950", "Kim Roe, d.o.b. 1/2/80". Only a person has one.
  if (
    0.85 > curScore &&
    (anyKnown || !single) &&
    mayDobAfter(text, end) &&
    DOB_AFTER.test(afterWindow())
  ) {
    bump(0.85, 'birth date');
  }
  // "@Ken can you take this one?": a known name mentioned in a chat or an internal note.
  if (0.75 > curScore && anyKnown && !onlyCommon && start > 0 && mentionAt(text, start)) {
    bump(0.75, 'mention');
  }
  // "@Thandiwe can you check ...", "cc @Oyelaran": a word no list or dictionary knows, mentioned
  // and then asked something or copied in. (Teams are words: "@Support", "@Everyone"; code's
  // annotations are followed by code: "@Autowired private".)
  if (
    0.6 > curScore &&
    single &&
    start > 0 &&
    mentionAt(text, start) &&
    (MENTION_ASKED.test(afterWindow()) || MENTION_COPIED.test(beforeWindow())) &&
    unknownName(from, start, end)
  ) {
    bump(0.6, 'mention');
  }
  // A name right before its birth date or a record number: "Jaylin Reinger, date of birth
  // ...", "Patient Paris Conn (MRN ...)", "he is Alfred, dob 9/28/2017".
  if (
    0.8 > curScore &&
    idWordAfter(text, end) &&
    (n >= 2 ? allNameLike(from, to, true) : knownFirst || unknownName(from, start, end)) &&
    ID_AFTER.test(afterWindow())
  ) {
    bump(0.8, 'identified');
  }
  // An electronic signature ("Signature: /s/ Jun Leung"), and the author of a note in brackets
  // before its colon ("Work notes (Chinedu): account created").
  if (0.85 > curScore && start >= 4 && text.startsWith('/s/ ', start - 4)) {
    bump(0.85, 'signature');
  }
  if (
    0.7 > curScore &&
    n <= 2 &&
    text.charCodeAt(start - 1) === 40 &&
    text.charCodeAt(end) === 41 &&
    text.charCodeAt(end + 1) === 58 &&
    // (After a note's word: not a speaker's team, "Krystal (Quillpay):", nor code's base class.)
    NOTE_BEFORE_PAREN.test(beforeWindow()) &&
    nameOfItsOwn(anyKnown, onlyCommon, from, start, end)
  ) {
    bump(0.7, 'author');
  }
  // A dash after a sentence, then a name alone at the end of a note: "... data flowing. —
  // Harriet". (Not at a line's start: a bullet's item, "- Rosemary" on a shopping list.)
  if (
    0.75 > curScore &&
    n <= 2 &&
    (isDash(text.charCodeAt(start - 2)) || isDash(text.charCodeAt(start - 1))) &&
    DASH_SIGN_OFF_AFTER.test(afterWindow()) &&
    DASH_SIGN_OFF_BEFORE.test(beforeWindow()) &&
    nameOfItsOwn(anyKnown, onlyCommon, from, start, end) &&
    // (After a quotation only a listed name: '"Best pizza in town" - Yelp' cites a source.)
    (anyKnown || !QUOTE_DASH_BEFORE.test(beforeWindow())) &&
    // (A firm after a bracketed id: "(E49120) – Tidewater Retail".)
    !(
      n === 2 &&
      (tokFlags[to - 1]! & (F_FIRST | F_LAST)) === 0 &&
      isEnglishWord(tokInfo[to - 1]!.text)
    )
  ) {
    bump(0.75, 'sign-off');
  }
  // A note's author in its head line, before the date: "UW notes LOAN 5352-7280 – Maida
  // 29/04/2024", "Interne Notiz – Tamino, 22.10.2025 12:38", "handoff from Andreane 9/11/2025".
  if (
    0.75 > curScore &&
    n <= 2 &&
    NOTE_DATE_AFTER.test(afterWindow()) &&
    nameOfItsOwn(anyKnown, onlyCommon, from, start, end) &&
    noteHeadBefore(text, start)
  ) {
    bump(0.75, 'author');
  }
  // A chat's agent named after the role: "Medewerker Fieke: Hoi Olivia", "20:46 Agent Serenity:",
  // "[10:40] Mitarbeiter (Sofie): Hallo".
  if (
    0.75 > curScore &&
    n <= 2 &&
    (text.charCodeAt(end) === 58 ||
      // (In brackets only a given name: "Agent (Quillpay):" names the agent's firm.)
      (text.charCodeAt(end) === 41 && text.charCodeAt(end + 1) === 58 && knownFirst)) &&
    (tokFlags[from]! & F_STOP) === 0 &&
    ROLE_THEN_NAME.test(beforeWindow())
  ) {
    bump(0.75, 'speaker');
  }
  tryCue(K_CC, anyKnown ? 0.75 : 0.45, 'cc');
  // "cc Mckayla can you rotate these?": one word no list or dictionary knows, copied in and
  // then asked something, is someone.
  if (
    single &&
    0.6 > curScore &&
    REQUEST_AFTER.test(afterWindow()) &&
    unknownName(from, start, end) &&
    cueMatches(K_CC)
  ) {
    bump(0.6, 'cc');
  }
  if (!onlyCommon) tryCue(K_ROLE_BEFORE, anyKnown || !single ? 0.75 : 0.5, 'role');
  if (!onlyCommon && n >= 2) tryCue(K_ROLE_BEFORE_CAP, 0.75, 'role');
  if (!onlyCommon) tryCue(K_SPEECH, 0.55, 'speech');
  // One word after work handed over is a name when listed (even as a word too: "ask Wade") or
  // known to no list or dictionary ("loop in Rommel"); not "ask Support".
  if (single && (anyKnown || onlyCommon || !someWordLike(from, to))) {
    tryCue(K_HANDOFF, anyKnown && !onlyCommon ? 0.65 : 0.55, 'handoff');
  }
  // The patterns after the segment, too, are tested only when their bump could raise the score.
  // The patterns after the segment, too, run only when the characters right after it can
  // start a match (mayWrote, mayEmail, ...: checks that reject only what the pattern rejects).
  // An unknown word that ends a capitalised run of ordinary words is the tail of a product or
  // a firm, not a writer: "Apple Music wrote", "Windows Defender said", "Office Depot said".
  // ("Yesterday Xochitl wrote", "Thanks Kaylin said", "Customer Maël wrote" keep the cue.)
  const tail =
    single &&
    !anyKnown &&
    from > 0 &&
    (tokFlags[from - 1]! & (F_STOP | F_TITLE)) === F_STOP &&
    tokStart[from]! - tokEnd[from - 1]! === 1 &&
    text.charCodeAt(tokEnd[from - 1]!) === 32 &&
    !LEAD_IN_WORDS.has(tokInfo[from - 1]!.key);
  if (0.8 > curScore && !tail && mayWrote(text, end) && CUE_WROTE.test(afterWindow())) {
    bump(0.8, 'wrote');
  }
  const mail =
    !onlyCommon && (!single || 0.85 > curScore) && mayEmail(text, end)
      ? EMAIL_AFTER.exec(afterWindow())
      : null;
  if (mail) {
    // "Flavie Perrot,fperrot@gmail.com", "Jona Zekl <jona58@gmail.com>": the address repeats
    // the name, which leaves little doubt; a bare address after a run still helps.
    const local = fold(mail[1]!);
    const echoed =
      someName(from, to, (info) => info.text.length >= 3 && local.includes(info.key)) ||
      localFromNames(local, from, to);
    // (Not one ordinary word, a desk's mailbox: "Support Escalations <escalations@...>".)
    if (echoed && !(single && !anyKnown && englishOrPlural(tokInfo[from]!.text))) {
      bump(0.85, 'email');
    } else if (!single && displayName(text, start, end)) bump(0.7, 'email');
    else if (!single) bump(curScore + 0.15, 'email');
  } else if (!single && 0.85 > curScore && alone) {
    // A line holding only the run, and within two lines below an address made of its first
    // and last words, or of the initial and the surname: the head of a résumé or a signature
    // ("Jasper Price\nSenior Engineer\njasper.price@..."). Both words, since a team's line
    // may sit above a mailbox of its own name ("Billing\nbilling@...").
    const local = emailBelow(text, start, end);
    if (
      local !== null &&
      (bothEchoed(local, from, to) || localFromNames(local, from, to)) &&
      !allEnglish(from, to)
    ) {
      bump(0.85, 'email');
    }
  }
  if (0.8 > curScore && mayParenRole(text, end) && CUE_AFTER_PAREN_ROLE.test(afterWindow())) {
    bump(0.8, 'role');
  }
  // A given name, also a word, and the desk or shift it works on in brackets: "Rose (returns
  // team)", "Faith (night shift)", "Grace (billing)".
  if (
    0.8 > curScore &&
    n === 1 &&
    !hasInitial &&
    (knownFirst || (c0 === 'common' && isGivenName(tokInfo[k0]!.text))) &&
    mayParenRole(text, end) &&
    PAREN_DESK_AFTER.test(afterWindow())
  ) {
    bump(0.8, 'role');
  }
  // A party to a claim after their name, as a court's heading or a witness statement writes it:
  // "CALLUM MENSAH (Claimant)", "THANDIWE KAUR<tab>Claimant", "Rhys Macleod, Defendant".
  if (0.8 > curScore && n <= 4 && LEGAL_PARTY_AFTER.test(afterWindow())) bump(0.8, 'role');
  // A party named in a matter's heading: "Re: Tremblay v. Oakmere Academy Trust", "Matter:
  // Okafor v Brightline Logistics Ltd", "Re: Harland Homes Ltd v. Doyle".
  if (
    0.75 > curScore &&
    n <= 3 &&
    (CASE_V_AFTER.test(afterWindow()) || CASE_V_BEFORE.test(beforeWindow())) &&
    CASE_LINE_BEFORE.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))
  ) {
    bump(0.75, 'case');
  }
  // A German mail client's quote header names the writer after the verb: "Am 12.08.2024 um 9:39
  // schrieb Darian Freigang:" (or "... <darian@...>:").
  if (0.85 > curScore && !onlyCommon && n <= 4 && QUOTE_HEADER_AFTER.test(afterWindow())) {
    if (SCHRIEB_BEFORE.test(beforeWindow())) bump(0.85, 'wrote');
  }
  // "Baylee here.", "Hi, Don here:" opening a chat or a voicemail: a known name introducing
  // itself, or a word no list or dictionary knows ("Mirac hier,").
  if (0.8 > curScore && !onlyCommon && text.charCodeAt(end) === 32) {
    // (A word no list knows only before the English "here": "Mándenlo aquí:" is a verb.)
    const after = afterWindow();
    if (
      (anyKnown ||
        // "Auriane Guyot à l'appareil": two or three words that could be name parts.
        (n >= 2 &&
          n <= 3 &&
          allNameLike(from, to, true) &&
          !someWordLike(from, to) &&
          OPENS_INTRODUCTION.test(beforeWindow())) ||
        (single &&
          after.startsWith(' here') &&
          unknownName(from, start, end) &&
          // Opening the message, a line or a sentence, or after a greeting: not "raise
          // Rounded and Inexact here---" in a comment.
          OPENS_INTRODUCTION.test(beforeWindow()))) &&
      HERE_AFTER.test(after)
    ) {
      bump(anyKnown ? 0.8 : 0.6, 'introduction');
    }
  }
  // An agent naming their desk: "this is Toon from customer care", "Bonjour, Lucie du service
  // client", "Olá, fala Matilde B. do apoio ao cliente", "Wiktor z tej strony".
  if (0.8 > curScore && !onlyCommon && n <= 3 && text.charCodeAt(end) === 32) {
    // (A name the lists know, or one after a greeting or "this is": "un Responsable de
    // atención al cliente" is a job.)
    // (Not a German noun opening the message: "Zusammenfassung vom Helpdesk".)
    if (
      AGENT_DESK_AFTER.test(afterWindow()) &&
      (anyKnown ||
        cueMatches(K_SELF) ||
        (OPENS_INTRODUCTION.test(beforeWindow()) && !(single && germanNoun(tokInfo[from]!.text))))
    ) {
      bump(0.8, 'introduction');
    }
  }
  if (
    0.8 > curScore &&
    !onlyCommon &&
    mayAsRole(text, end) &&
    CUE_AFTER_AS_ROLE.test(afterWindow())
  ) {
    bump(0.8, 'role');
  }
  // A known name alone on the line that closes a message, right after its last sentence:
  // "Thanks for looking into it.\nJasmine" at the end, or before a blank line (then a quoted
  // reply or a postscript).
  if (0.7 > curScore && anyKnown && !onlyCommon && n <= 3 && closingLine(text, start, end)) {
    bump(0.7, 'closing line');
  }
  // A dash signature closing the message ("– Tizian"): any word no list or dictionary knows.
  if (
    0.6 > curScore &&
    single &&
    unknownName(from, start, end) &&
    dashBefore(text, start) &&
    closingLine(text, start, end)
  ) {
    bump(0.6, 'closing line');
  }
  if (
    !onlyCommon &&
    n <= 3 &&
    (single ? 0.3 : 0.7) > curScore &&
    addressBlockFollows(text, start, end, taken)
  ) {
    bump(single ? 0.3 : 0.7, 'address block');
  }

  // Weak cues lift a lone first name or a run of unknown capitalised words a little.
  // A first name that is also a surname ("David", "Davis") counts only as the subject of a
  // verb or the object of one only a person takes ("I met Ahmed", "ask Ali"); in lists and
  // after "and" it is as often part of a firm's name.
  if (single && knownFirst && 0.55 > curScore) {
    const after = afterWindow();
    const asSubject =
      (WEAK_AFTER.test(after) && !/^\s?(?:,|and|or)/.test(after)) ||
      PERSONAL_POSSESSIVE.test(after) ||
      FOREIGN_VERB_AFTER.test(after);
    if (
      tokInfo[from]!.alsoSurname
        ? asSubject || cueMatches(K_WEAK_BEFORE_MULTI)
        : asSubject || prevPunct === ',' || cueMatches(K_WEAK_BEFORE) || WEAK_AFTER.test(after)
    ) {
      bump(0.55, 'first name in context');
    }
  }
  // "Franciska's kid", "I'm Misty's daughter": a word of kinship after the possessive makes any
  // name a person's (a firm has a sister company, never a sister).
  if (
    single &&
    0.6 > curScore &&
    c0 !== 'stop' &&
    (c0 !== 'common' || inNameLists(tokInfo[from]!.text)) &&
    mayPossessive(text, end) &&
    KIN_AFTER.test(afterWindow())
  ) {
    bump(0.6, 'kinship');
  }
  // A cell under a column of names in a pasted table: "First Name\tLast Name" over
  // "Chandramani\tGill", "| Customer |" over "| Mylan Veenstra |".
  // Under "Product", "Company" or "City" the same words are no one's name ("Oscar Camera").
  if (n <= 4) {
    const header = columnHeader(text, start, end);
    if (header !== null && THING_HEADER.test(header)) {
      if (curScore > 0.3) {
        curScore = 0.3;
        curReason = 'column';
      }
    } else if (
      header !== null &&
      0.8 > curScore &&
      NAME_HEADER.test(header) &&
      // (A form printed as a table: its first column's field names under the first label; a
      // chat exported as a table: its roles under "sender".)
      !(single && (FIELD_LABELS.has(tokInfo[from]!.key) || notSpeakerName(tokInfo[from]!.key))) &&
      // (Two ordinary words under a role only people have are a name too: "Madison
      // Washington" under "Employee"; under "Customer" they may be a firm, "Best Buy".)
      (!onlyCommon || NAME_WORD_HEADER.test(header) || (n >= 2 && PEOPLE_HEADER.test(header))) &&
      // "Name" alone heads lists of anything ("| Name | Description |" over "| Export |"):
      // there a listed name must be in the cell, unless a surname's column stands beside it
      // ("nombre\tapellido" over "Iñigo\tIbáñez").
      (anyKnown || !GENERIC_NAME_HEADER.test(header) || headerRowHas(text, SURNAME_HEADER))
    ) {
      bump(0.8, 'column');
    }
  }
  // A row of two cells, a label and the name: a CRM's side panel copied with its tab ("First
  // name\tJian", "Contact owner\tKelechi Nwosu"). A header row has more cells.
  if (0.8 > curScore && n <= 4 && text.charCodeAt(start - 1) === 9) {
    const label = tabLabelBefore(text, start, end);
    if (label !== null && labelsName(label, onlyCommon, anyKnown)) bump(0.8, 'label');
  }
  // A label alone on the line above, the name alone on its own: a form copied from a web page,
  // a CRM's side panel or a PDF ("Customer name\nTremaine Reinger", "Ship to:\nAmira Witting").
  if (0.8 > curScore && n <= 4) {
    const label = labelLineAbove(text, start, end);
    if (label !== null && labelsName(label, onlyCommon, anyKnown)) bump(0.8, 'label');
  }
  // The text of a markup element named for a person: "<customer_name>Kwabena Owusu</...>",
  // "<name>Maria Garcia</name>". (Attributes are not read: "<td class=name>".)
  // A form field or a query parameter named for a person: "customer_name=Aminata Ndiaye".
  if (0.8 > curScore && text.charCodeAt(start - 1) === 61) {
    const key = NAME_KEY.exec(text.slice(Math.max(0, start - 30), start - 1));
    // "name=" alone names anything ("name=Export"): a listed name must be there.
    if (key !== null && (anyKnown || key[0].toLowerCase() !== 'name')) {
      bump(0.8, 'label');
    }
  }
  // Any other syntax of a field whose key names a person: 'lastName="Roe"', "'first_name' =>
  // 'Ana'", 'FirstName:"Ana"', 'first_name = Ana', an HTML input's value.
  if (0.8 > curScore && start > 0 && personFieldAt(text, start)) bump(0.8, 'label');
  if (0.8 > curScore && text.charCodeAt(start - 1) === 62) {
    const tag = NAME_TAG_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    // "<name>" alone names anything ("<name>Widget Pro</name>"): a listed name must be there.
    if (tag !== null && (anyKnown || tag[0].toLowerCase() !== '<name>')) bump(0.8, 'label');
  }
  // A name alone opening a sentence and addressed with a question or a request: "Maria, can
  // you ...", "Jiří, could you ...", "Kuba, can I ...". Any English word opens such sentences
  // too ("Weird, can you ...", "Noted, please ..."), and most of them are in no name list, so an
  // unknown word counts only when it is no ordinary English word or has letters English does
  // not use; interjections and forms of address that are also given names ("Honey", "Dear")
  // are left out.
  if (
    single &&
    atStart &&
    (knownFirst ||
      (c0 === 'unknown' && someNonAscii(from, to)) ||
      // (Not shorter words: abbreviations more often than names, "Btw", "Pls".)
      unknownName(from, start, end)) &&
    (knownFirst ? 0.8 : 0.55) > curScore &&
    text.charCodeAt(end) === 44 &&
    VOCATIVE_AFTER.test(afterWindow()) &&
    !notVocative(tokInfo[from]!.text)
  ) {
    bump(knownFirst ? 0.8 : 0.55, 'addressed');
  }
  if (
    0.7 > curScore &&
    !onlyCommon &&
    n <= 3 &&
    (n >= 2 || anyKnown) &&
    text.charCodeAt(end) === 44 &&
    ROLE_AFTER.test(afterWindow())
  ) {
    bump(0.7, 'role');
  }
  // Capitalised words with letters English does not use ("Szöllösy", "Ottová") are foreign
  // proper nouns; two of them in a row, not starting a sentence (or followed by a verb), are
  // most often a person.
  if (n >= 2 && !someClass(from, to, keep, 'common') && someNonAscii(from, to)) {
    if (
      (!atStart || WEAK_AFTER.test(afterWindow()) || EMPLOYER_AFTER.test(afterWindow())) &&
      // (Umlauts are German's own letters: in German, capitalised nouns with them are nouns.)
      !(onlyGermanLetters(from, to) && germanAround(text, start, end)) &&
      !nativeLetters(text, from, to, start, end) &&
      // (An article before it makes it a title-cased noun: "il Servizio Clienti della Società",
      // "a Nota Fiscal Eletrônica"; so does an ordinary capitalised word right before it, the
      // head of the same title: "Dirección General de Tráfico"; not a lead-in: "Yesterday".)
      !ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 8), start)) &&
      !(
        from > 0 &&
        (tokFlags[from - 1]! & (F_STOP | F_TITLE)) === F_STOP &&
        tokStart[from]! - tokEnd[from - 1]! === 1 &&
        text.charCodeAt(tokEnd[from - 1]!) === 32 &&
        !LEAD_IN_WORDS.has(tokInfo[from - 1]!.key)
      )
    ) {
      bump(curScore + 0.15, 'foreign name');
    }
  } else if (
    n >= 2 &&
    atStart &&
    (cl === 'last' || cl === 'first') &&
    (WEAK_AFTER.test(afterWindow()) || EMPLOYER_AFTER.test(afterWindow()))
  ) {
    bump(curScore + 0.1, 'surname');
  }
  if (n >= 2 && !atStart && cueMatches(K_WEAK_BEFORE_MULTI)) bump(curScore + 0.15, 'context');
  // Words no list or dictionary knows, opening a sentence before a verb only a person does:
  // "Johanne Gade wants to know ...", "Efrem Morabito asked ...". (Not "is" or "has": products
  // do those too.) And the one to call back: "Please call Albino Massimi back".
  if (
    n >= 2 &&
    n <= 3 &&
    0.55 > curScore &&
    !hasInitial &&
    // (A space and a small letter after the words, first: most segments have neither, and the
    // window after them is a new string.)
    text.charCodeAt(end) === 32 &&
    isAsciiLower(text.charCodeAt(end + 1)) &&
    (((atStart || afterLeadIn(text, from)) &&
      (SUBJECT_VERB_AFTER.test(afterWindow()) || PAIR_SUBJECT_AFTER.test(afterWindow()))) ||
      (PLURAL_VERB_AFTER.test(afterWindow()) && firstOfPairBefore(beforeWindow())) ||
      (CALL_BACK_AFTER.test(afterWindow()) && cueMatches(K_CALL_BEFORE))) &&
    allNameLike(from, to, true) &&
    !someWordLike(from, to)
  ) {
    bump(0.55, 'subject');
  }
  if (
    n >= 2 &&
    n <= 4 &&
    !atStart &&
    0.55 > curScore &&
    allNameLike(from, to, true) &&
    !someWordLike(from, to) &&
    cueMatches(K_OWNER_BEFORE)
  ) {
    bump(curScore + 0.15, 'context');
  }
  // German puts the verb last: "mit Milan Schönfeld telefoniert".
  if (
    n >= 2 &&
    !atStart &&
    0.55 > curScore &&
    MIT_BEFORE.test(text.slice(Math.max(0, start - 4), start)) &&
    SPOKE_AFTER_DE.test(afterWindow())
  ) {
    bump(curScore + 0.15, 'context');
  }
  // Two or three capitalised words that are no ordinary words, one of them a known name or
  // written with letters English lacks, opening a sentence as the subject of a verb only people
  // do: "Tomomi Nishiyama lives at ...", "Krisztián Szöllösy listed his ...", or owning
  // something: "Wisława Szczepańska's lawyers".
  // With a verb that takes nothing but a person ("Cendrillon Coudert lives at 333 ...", "Timotea
  // lives on Via ...", "Zak shouted at"), the words need not be known, and one word is enough.
  // ("lives in" only before a house number or a place: software "lives in S3", "in the tray".)
  if (n <= 3 && atStart && 0.6 > curScore && !someClass(from, to, keep, 'common')) {
    const after = afterWindow();
    if (
      (n >= 2 &&
        (anyKnown || someNonAscii(from, to)) &&
        (PERSON_VERB_AFTER.test(after) || POSSESSIVE_NOUN_AFTER.test(after))) ||
      // "Venkata Subramanian called about his SIM card": a firm does not call about "his".
      (n >= 2 && n <= 3 && PERSON_VERB_AFTER.test(after) && HIS_HER_AFTER.test(after)) ||
      ONLY_PERSON_VERB_AFTER.test(after) ||
      livesAtAddress(after, end, taken)
    ) {
      bump(n >= 2 || anyKnown ? 0.6 : 0.55, 'subject');
    }
  }
  // Someone's personal data named after them: "Frankie's credit card number", "confirm Dhruv's
  // date of birth", "Keaton Ratke's SSN"; or a listed given name doing what only people do,
  // anywhere in a sentence ("the number Alena gave us"). One word must be a listed given name.
  if (
    0.75 > curScore &&
    (knownFirst || (n >= 2 && anyKnown)) &&
    !someClass(from, to, keep, 'stop')
  ) {
    const after = afterWindow();
    if (PERSONAL_DATA_AFTER.test(after)) bump(0.75, 'owner of personal data');
    else if (0.6 > curScore && n === 1 && !atStart && HUMAN_VERB_AFTER.test(after)) {
      bump(0.6, 'subject');
    }
  }
  // A note signed on its last line after its last sentence: "... stored in secure docs only.
  // Clodagh", "Handled by Rhys." A listed given name, alone between the sentence's end and the
  // line's (or with a surname).
  if (
    0.7 > curScore &&
    knownFirst &&
    n <= 2 &&
    SENTENCE_END_BEFORE.test(text.slice(Math.max(0, start - 3), start)) &&
    LINE_END_AFTER.test(text.slice(end, end + 3))
  ) {
    bump(0.7, 'sign-off');
  }
  // Who handled a case, closing the note's sentence: "Handled by Rhys.", "Assigned to
  // Amaresh." (not "assigned to Kosovo region", "handled by Squire rather than ...").
  if (
    0.7 > curScore &&
    n <= 2 &&
    anyKnown &&
    !onlyCommon &&
    HANDLED_BY_BEFORE.test(text.slice(Math.max(0, start - 24), start)) &&
    CLAUSE_END_AFTER.test(text.slice(end, end + 3))
  ) {
    bump(0.7, 'role');
  }
  // A full name of listed words, none of them ordinary or a stop word, is read by what follows
  // it: its owner's contact details, or the end of a subject line after its dash.
  if (
    0.7 > curScore &&
    n >= 2 &&
    n <= 3 &&
    anyKnown &&
    !someClass(from, to, keep, 'common') &&
    !someClass(from, to, keep, 'stop')
  ) {
    // Contact details: "Bisher hinterlegt: Lias Pajonk, 0160 0518145", "Enya Kúhnert, 0151
    // 95143522", "Aliya Schreiter – aliya@...". (A firm's name is caught by its legal form or
    // trade first; an ordinary word makes the words a phrase.)
    const sep = DETAILS_SEP.exec(afterWindow());
    if (sep !== null && spanStartsAt(taken, end + sep[0].length)) bump(0.7, 'contact details');
    // A subject line's name after its dash: "Reisekostenabrechnung – Robin Just", "New starter
    // IT pack – Samson Bogisich (Software Engineer II) – start 3 Nov".
    else if (
      dashBefore(text, start) &&
      // (Words before the dash on its line: not a list's bullet, "- Morbus Parkinson (G20.10)".)
      SUBJECT_BEFORE.test(text.slice(Math.max(0, start - 6), start)) &&
      SUBJECT_END_AFTER.test(afterWindow())
    ) {
      bump(0.7, 'subject');
    }
  }
  // A given name opening a table's cell or a label's value, then the number to call them on:
  // an emergency contact's "| Caoimhe +353 89 793 6558 |", "Contact: Declan 083 929 3164".
  if (
    0.7 > curScore &&
    n === 1 &&
    knownFirst &&
    !onlyCommon &&
    text.charCodeAt(end) === 32 &&
    spanStartsAt(taken, end + 1) &&
    CELL_OPEN_BEFORE.test(text.slice(Math.max(0, start - 4), start))
  ) {
    bump(0.7, 'contact details');
  }
  // A chat's speaker with their role in brackets: "Ruby (Advisor): Hi there".
  // (Each test after the words first looks at a character or two of the text: most segments
  // have none of these after them, and the window after is a new string.)
  if (
    0.75 > curScore &&
    n <= 2 &&
    !onlyCommon &&
    (text.charCodeAt(end) === 40 || text.charCodeAt(end + 1) === 40) &&
    ROLE_IN_BRACKETS_AFTER.test(afterWindow())
  ) {
    const line = lineStartWithin(text, start, 8);
    if (line >= 0 && text.slice(line, start).trim() === '') bump(0.75, 'speaker');
  }
  // Someone's age after their name: "Esther Schmitt, 24 ans, 52 kg", "bed 11 Michael 74yo".
  if (
    0.8 > curScore &&
    (isAsciiDigit(text.charCodeAt(end + 1)) || isAsciiDigit(text.charCodeAt(end + 2))) &&
    (n >= 2 ? !someClass(from, to, keep, 'stop') : knownFirst) &&
    AGE_NOUN_AFTER.test(afterWindow())
  ) {
    bump(0.8, 'age');
  }
  // Someone to call, then the number to call them on: "call Grace on +65 8932 2415", "please
  // ring Clodagh at 01 251 9992".
  if (
    0.75 > curScore &&
    n <= 3 &&
    text.charCodeAt(end) === 32 &&
    (text.charCodeAt(end + 1) === 111 || text.charCodeAt(end + 1) === 97) &&
    (anyKnown ||
      isGivenName(tokInfo[k0]!.text) ||
      (c0 === 'unknown' && !isEnglishWord(tokInfo[k0]!.text)))
  ) {
    const on = CALL_ON_AFTER.exec(afterWindow());
    if (on !== null && spanStartsAt(taken, end + on[0].length) && cueMatches(K_CALL_BEFORE)) {
      bump(0.75, 'to call');
    }
  }
  // A trait only a person has: "Katrine is so impulsive", "Why is Natasja so rude?"; one a
  // product shares ("Maria is very reliable") only for a listed given name. Someone given
  // their own thing: "Kevin had given Alma his address".
  // (The patterns anchored after the word run first: they fail at once on most words, and the
  // word tests and the searches of the text before are left for the few that pass.)
  if (single && 0.6 > curScore) {
    const after = afterWindow();
    const trait =
      TRAIT_AFTER.exec(after) ??
      (TRAIT_QUESTION_AFTER.test(after) && TRAIT_QUESTION_BEFORE.test(beforeWindow())
        ? TRAIT_QUESTION_AFTER.exec(after)
        : null);
    if (
      ((trait !== null && (trait[1] !== undefined || knownFirst)) ||
        (HIS_HER_NOUN_AFTER.test(after) && GIVEN_BEFORE.test(beforeWindow())) ||
        // "Marrero and Murphy were precision engineers": each of two words joined by "and",
        // said to be people.
        PAIR_PREDICATE_FIRST.test(after) ||
        (PAIR_PREDICATE_SECOND.test(after) && PAIR_BEFORE.test(beforeWindow()))) &&
      allNameLike(from, to, true) &&
      !someWordLike(from, to)
    ) {
      bump(0.6, 'subject');
    }
  }
  // A ticket's title: its number, a dash, and the customer's name ending the line:
  // "[Internal] #122856 – Merl Crona", "CS-374581 – Flavien Vasseur".
  if (
    n >= 2 &&
    n <= 3 &&
    0.6 > curScore &&
    TICKET_NUMBER_DASH_BEFORE.test(beforeWindow()) &&
    endsLineAfter(text, end) &&
    allNameLike(from, to, true) &&
    !someWordLike(from, to)
  ) {
    bump(0.6, 'subject');
  }
  // Two or three words that could be name parts owning what a person owns, charged as a
  // customer is, or said to be what only a person is: "Nick Veum's account was locked", "why
  // Jaya Suthar was charged twice", "Yuito Hirai of Reed Elsevier is the CTO".
  if (n >= 2 && n <= 3 && !hasInitial && 0.6 > curScore) {
    const after = afterWindow();
    if (
      (PERSONAL_POSSESSIVE.test(after) ||
        SUPPORT_PASSIVE_AFTER.test(after) ||
        ACCOUNT_ID_AFTER.test(after) ||
        ROLE_PREDICATE_AFTER.test(after)) &&
      allNameLike(from, to, true) &&
      !someWordLike(from, to)
    ) {
      bump(0.6, 'subject');
    }
  }
  // "Kayli Trantow DDS", "Ctirada Šmejkalová Phd.", "Djenna van der Meulen Jr.": two or three
  // words that could be name parts before a degree or a generational suffix. (Not ", MD" before
  // a ZIP code: a Maryland town.)
  if (n >= 2 && n <= 4 && 0.7 > curScore && !hasInitial) {
    // The suffix is after the segment, or its last word ("Jr", "Phd" are capitalised words).
    const inside = SUFFIX_WORD.test(tokInfo[to - 1]!.text);
    if (
      (inside ? n >= 3 : n <= 3 && SUFFIX_AFTER.test(afterWindow())) &&
      allNameLike(from, inside ? to - 1 : to, true)
    ) {
      bump(0.7, 'suffix');
    }
  }
  // "Janne Kallio called about the delayed shipment", "Julia Marszałek called about ...": two
  // words that could be name parts (a firm's name has a business word: "Acme Widgets",
  // "Northwind Traders") opening a sentence as the subject of a call.
  if (
    n === 2 &&
    !hasInitial &&
    0.6 > curScore &&
    CALLED_AFTER.test(afterWindow()) &&
    (atStart || afterLeadIn(text, from)) &&
    allNameLike(from, to)
  ) {
    bump(0.6, 'subject');
  }
  // "Jouni from Acme Corp called", "Anna at Globex Ltd": a lone given name, or a word no list or
  // dictionary knows, before the firm someone works for, named with its legal form.
  if (
    single &&
    0.55 > curScore &&
    ((knownFirst && !tokInfo[from]!.alsoSurname) || unknownName(from, start, end)) &&
    text.charCodeAt(end) === 32 &&
    FIRM_AFTER.test(afterWindow())
  ) {
    bump(0.55, 'employer');
  }
  // A town named like a person before its state or province: "Charlotte, NC", "Victoria, BC".
  // Only a lone first name on weak evidence: "Jane Smith, MD" keeps its name, and "Maria, OK?"
  // is a question.
  if (single && knownFirst && curScore <= 0.55 && text.charCodeAt(end) === 44) {
    const m = REGION_AFTER.exec(text.slice(end, end + 10));
    if (m !== null && REGION_CODES.has(m[1]!) && !(m[1] === 'OK' && /^[?!]/.test(m[2]!))) {
      curScore = 0.3;
      curReason = 'place';
    }
    // Or before its state, province or country written out: "Regina, Saskatchewan", "Victoria,
    // Canada", "Florence, Italy".
    const named = REGION_NAME_AFTER.exec(text.slice(end, end + 32));
    if (
      named !== null &&
      (REGION_NAMES.has(named[1]!.toLowerCase()) || REGION_NAMES.has(named[2]!.toLowerCase()))
    ) {
      curScore = 0.3;
      curReason = 'place';
    }
  }
  score = curScore;
  reason = curReason;

  // Place names built from names: "San Francisco", "Saint Louis", "Fort Lauderdale"; streets
  // and towns next to a house number or a postcode ("553 Haley Corner", "Conjunto Manuel s/n",
  // "39743 Palma de Mallorca").
  // (Each cap is checked only while the score is above it, and only from capFrom up.)
  if (score < capFrom) return { start, end, score, reason, from, to, keep };
  const before = beforeWindow();
  const after = afterWindow();
  // (A person's age in apposition is no house number: "Emily Johnson, 42, from Denver". A cell
  // under a column of names is one whatever number stands in the row's cell before it.)
  if (
    score > 0.3 &&
    reason !== 'column' &&
    (cueMatches(K_PLACE_BEFORE) ||
      (endsWithNumber(before) &&
        // (A name and its address in angle brackets is a mail's display name, after a count
        // or a line number: "239 Jürgen Hoffmann <jurgen@...>", git's shortlog.)
        !(n >= 2 && DISPLAY_NAME_AFTER.test(after)) &&
        // (A number set off by a comma before a first and a last name the lists know is an id
        // before its holder, "IHI 8003 6018, Molly Hamilton", not a house number's street.)
        !(n >= 2 && knownFirst && (cl === 'first' || cl === 'last') && /,[ \t]*$/.test(before))) ||
      (NUMBER_AFTER.test(after) &&
        !(n >= 2 && anyKnown && AGE_AFTER.test(after)) &&
        !AGE_NOUN_AFTER.test(after) &&
        !AGE_SEX_AFTER.test(after) &&
        // (Nor is the phone number another detector found there: "Marie Ruud, 423 21 885".)
        !(n >= 2 && anyKnown && phoneStartsAfter(text, end, taken)) &&
        // (A name before the address it is sent to: "Recipient Palma Gislason, 14 Rue de la
        // Paix", when a pattern detector took the address.)
        !(
          n >= 2 &&
          (anyKnown || reason === 'role' || score >= 0.75) &&
          addressStartsAfter(text, end, taken)
        )))
  ) {
    score = 0.3;
  }
  // A firm's coined word: "Safaricom says ...", "Vodacom", "Infotech", "Microsoft".
  if (score > 0.3 && n === 1 && !hasInitial && ORG_WORD_ENDING.test(tokInfo[k0]!.text)) {
    score = 0.3;
  }
  // A firm's own word closing the words ("Marsh Fennell Solicitors"), or right after them after
  // any cue, a sign-off's too ("Yours faithfully\n\nMarsh Fennell Holdings"): words that are
  // no one's surname, unlike "Hall" or "Garden".
  if (
    score > 0.3 &&
    ((n >= 2 && FIRM_ONLY_WORD.test(tokInfo[kl]!.text)) || FIRM_ONLY_AFTER.test(after))
  ) {
    score = 0.3;
  }
  // A department's mailbox after the words: "Lakeshore Mutual Claims <noreply-claims@...>",
  // "Ressources Humaines <rh@...>", "Rekrutacja <rekrutacja@...>".
  // (A given name and a surname are a person's, whatever their mailbox: "Anna Berg <info@...>".)
  if (score > 0.3 && text.startsWith(' <', end) && !(knownFirst && n >= 2)) {
    if (ROLE_MAILBOX_AFTER.test(after)) score = 0.3;
  }
  // Shops and brands: "Dear Tienda Sol team", "all Hugo Boss models", "contacting Maison Lumière".
  // (Not an agent naming their desk: "Lucie du service client".)
  if (
    score > 0.3 &&
    (ORG_CONTEXT_AFTER.test(after) || endsWithOrgContext(before.slice(-40))) &&
    !AGENT_DESK_AFTER.test(after)
  ) {
    score = 0.3;
  }
  // Company names built from surnames ("Morgan Stanley Inc.", "Smith & Sons"). After a cue
  // that only a person takes ("My name is Karl Hall", "Mrs. Maddison Hall", "Regards,\nSophie
  // Garden") the word after is the surname, not a building.
  // (Nor does a title make a road a person: "Sheikh Zayed Road"; after a given name the word is
  // a surname, "Dr. Anna Street".)
  if (
    score > 0.3 &&
    (!PERSON_ONLY_CUES.has(reason) ||
      legalFormAfter(after) ||
      (!knownFirst && ROAD_AFTER.test(after))) &&
    orgAfter(after)
  ) {
    score = 0.3;
  }
  // A car dealer named after its owner and its make, whatever the cue: "Kind regards\nHendrick
  // Chevrolet – Service Department", "booking at Eagers Toyota".
  if (score > 0.3 && MAKE_AFTER.test(after)) score = 0.3;
  // A street named after someone, without its number: "Karl Johans gate", "Kossuth Lajos utca",
  // "strada Mihai Eminescu", "rue Victor Hugo", "Via Giuseppe Verdi".
  if (score > 0.3 && (STREET_WORD_AFTER.test(after) || STREET_WORD_BEFORE.test(before.slice(-24))))
    score = 0.3;
  // A greeting goes to a practice or a desk as often: "Hi Westside Vet Clinic,".
  if (score > 0.3 && reason === 'greeting' && INSTITUTION_AFTER.test(after)) score = 0.3;
  // A programming language or a tool named like a person, in a list of them: "Julia (basic),
  // Pascal (legacy)", "learned Ada and Pascal", "exposure to Ada or Pascal".
  if (
    score > 0.3 &&
    n === 1 &&
    !PERSON_ONLY_CUES.has(reason) &&
    TECH_WORD.test(tokInfo[k0]!.text) &&
    (TECH_LIST_AFTER.test(after) || TECH_LIST_BEFORE.test(before.slice(-40)))
  ) {
    score = 0.3;
  }
  // A product named with a given name and an acronym ("provided by Travis CI", "Jenkins X"):
  // capitals after one word that no list knows as a name, and no degree ("Ana Roe, MD").
  if (score > 0.3 && n === 1 && !PERSON_ONLY_CUES.has(reason)) {
    const acronym = ACRONYM_AFTER.exec(after);
    if (acronym !== null && !isKnownName(acronym[1]!) && !SUFFIX_AFTER.test(after)) score = 0.3;
  }
  // A bot introducing itself: "this is Grafana, your monitoring assistant".
  // A brand named as a doctor or a mister whatever cue stands before it ("my order had Dr.
  // Martens boots", "Mr. Clean wipes"), and a firm of two given names ("Ben & Jerry's").
  if (score > 0.3 && n === 1 && brandLikePerson(text, from, start, end)) score = 0.3;
  if (score > 0.3 && BOT_AFTER.test(after)) {
    score = 0.3;
    // (Named so that its other mentions are not taken for a person either: see findNames.)
    reason = 'bot';
  }
  // A thing a shop names after a person: "Rosie Kids Raincoat", "Stehlampe Emil".
  if (
    score > 0.3 &&
    n >= 2 &&
    !PERSON_ONLY_CUES.has(reason) &&
    (PRODUCT_NOUNS.has(tokInfo[from]!.key) ||
      // (A given name and one such word of another language is as often a person: "Tom
      // Tasche"; "Olivia Rug" is a rug.)
      (PRODUCT_NOUNS.has(tokInfo[to - 1]!.key) &&
        (n > 2 || !isGivenName(tokInfo[from]!.text) || PRODUCT_NOUNS_EN.has(tokInfo[to - 1]!.key))))
  ) {
    score = 0.3;
  }
  // A given name opening a longer product's name, cut off at its ordinary words: "Milo Desk
  // Lamp", "Ava Ergonomic Chair".
  if (score > 0.3 && !PERSON_ONLY_CUES.has(reason) && productNounAfter(text, to)) score = 0.3;
  // A library or a product with its version: "Jackson 2.15.1", "Ubuntu 22.04.3".
  if (score > 0.3 && !PERSON_ONLY_CUES.has(reason) && versionAfter(text, end)) score = 0.3;
  // A messenger's receipt alone on the last line: "Gelesen", "Vu", "Lida".
  if (score > 0.3 && n === 1 && READ_RECEIPTS.has(tokInfo[from]!.key) && endsLineAfter(text, end)) {
    score = 0.3;
  }
  // A street's, a venue's or an office's name: "Rue de la République", "Stade Rivière-Haute";
  // a club's after its initials ("AC Torre Bianca", "VV Ter Heide"); a thing inside a longer
  // product's name ("Elena Pendant Light").
  if (
    score > 0.3 &&
    n >= 2 &&
    !PERSON_ONLY_CUES.has(reason) &&
    (placeHead(from) ||
      CLUB_BEFORE.test(before.slice(-6)) ||
      (n > 2 && someName(from + 1, to - 1, (info) => PRODUCT_NOUNS_EN.has(info.key))))
  ) {
    score = 0.3;
  }
  // The same head right before the segment, when the two are one name: "Avenue Victor Hugo",
  // "Warung Bu Sri", "Quận Cầu Giấy" (not after a title or a person's cue: "Rue" is no title).
  if (
    score > 0.3 &&
    from > 0 &&
    !PERSON_ONLY_CUES.has(reason) &&
    placeHead(from - 1) &&
    joined(text, from - 1, from)
  ) {
    score = 0.3;
  }
  // One word no list knows as a given name after a YAML key "name:" among other keys: a CI
  // step's, a container's or a service's name ("- name: Deploy\n  run: ./deploy.sh").
  if (
    score > 0.3 &&
    single &&
    c0 !== 'first' &&
    reason === 'label' &&
    YAML_NAME_BEFORE.test(before.slice(-16)) &&
    keyLineBeside(text, start)
  ) {
    score = 0.3;
  }
  // A place after a verb of staying or travel: "we stayed in Bela Vista", "moved to Costa
  // Mesa" (unless its last word is a listed surname).
  if (
    score > 0.3 &&
    !PERSON_ONLY_CUES.has(reason) &&
    TRAVEL_PREPOSITION.test(before.slice(-6)) &&
    TRAVEL_BEFORE.test(before.slice(-24)) &&
    (tokFlags[to - 1]! & F_LAST) === 0 &&
    !isSurname(tokInfo[to - 1]!.text)
  ) {
    score = 0.3;
  }
  // Words after a quantity are a product: "1 × Cotton Ball @ €644.29", "2x Grace Mini".
  if (score > 0.3 && !PERSON_ONLY_CUES.has(reason)) {
    const tail = before.slice(-52);
    if ((tail.includes('×') || QUANTITY_SIGN.test(tail)) && QUANTITY_BEFORE.test(tail)) score = 0.3;
  }
  // One word after "in" or "near" is a place ("the doctor's office in Knoxville says", "a store
  // near Tulsa"); people are in a list or a meeting, not in someone ("in Anna's office" stays).
  if (
    score > 0.3 &&
    single &&
    !PERSON_ONLY_CUES.has(reason) &&
    IN_PLACE_BEFORE.test(before.slice(-8)) &&
    !POSSESSIVE_AFTER.test(after) &&
    // (Work handed over: "looping in Dana", "loop in Rommel".)
    reason !== 'handoff'
  ) {
    score = 0.3;
  }
  // One ordinary English word the name lists do not know ("Hello Production", '"name":
  // "Object"'): only a title or an introduction makes it someone's name ("Dr. Strange").
  // So are words that are all ordinary English ones ("Backed by Typed Arrays", "covered by
  // Semantic Versioning").
  if (
    score > 0.45 &&
    c0 === 'unknown' &&
    !INTRODUCING_CUES.has(reason) &&
    (single ? isEnglishWord(tokInfo[from]!.text) : allEnglish(from, to)) &&
    // (After the label of a name's part the word is that part: "First name: Sincere".)
    !(
      reason === 'label' &&
      NAME_PART_LABEL_BEFORE.test(before.slice(-40)) &&
      endsLineAfter(text, end)
    )
  ) {
    score = 0.45;
  }
  // Firms named after people ("Morgan Stanley", "Calvin Klein") and places named like them
  // ("Sri Lanka"), unless a person's cue comes first ("My name is Morgan Stanley", "Hi, I'm
  // Calvin Klein", "Dear Mr. Morgan Stanley").
  if (score > 0.3 && titledFirm(text, start, end)) score = 0.3;
  if (
    score > 0.3 &&
    !PERSON_ONLY_CUES.has(reason) &&
    namedLikePeople(text, start, end) &&
    !cueMatches(K_SELF_STRONG) &&
    !cueMatches(K_SELF) &&
    !cueMatches(K_TITLE) &&
    !cueMatches(K_GREETING)
  ) {
    score = 0.3;
  }
  if (score > 0.3 && someName(from, to, (info) => PLACEHOLDER.has(info.key))) score = 0.3;
  // The Philippines' stand-in, "Juan dela Cruz", as forms' samples write it.
  if (
    score > 0.3 &&
    tokInfo[from]!.key === 'juan' &&
    JUAN_DELA_CRUZ_AFTER.test(text.slice(tokEnd[from]!, tokEnd[from]! + 16))
  ) {
    score = 0.3;
  }
  // A firm of two names joined by "&": "Marks & Spencer", "Albrecht & Partner", "Smith &
  // Wesson"; two given names are two people ("Anna & Mark"), and so are two whole names
  // ("Callum MacLeod & Ishbel MacLeod").
  if (
    score > 0.3 &&
    n === 1 &&
    !PERSON_ONLY_CUES.has(reason) &&
    (text.charCodeAt(end) === 38 ||
      text.charCodeAt(end + 1) === 38 ||
      text.charCodeAt(start - 2) === 38 ||
      text.charCodeAt(start - 1) === 38) &&
    ampersandFirm(text, start, end, tokInfo[from]!.text)
  ) {
    score = 0.3;
  }
  // Cyrillic capitalises a bank, a holiday or a product as it does a person ("Банк Восход",
  // "День Незалежності", "Мега Белая Дача"), and every letter of a Russian text is "foreign":
  // without a cue only a person takes, or a label, Cyrillic words are a name only when one of
  // them is a listed given name or ends as a surname or a patronymic does ("Петров", "Олегович").
  if (
    score > 0.3 &&
    !PERSON_ONLY_CUES.has(reason) &&
    reason !== 'label' &&
    isCyrillicUnit(text.charCodeAt(start)) &&
    !someName(from, to, (info) => info.cls === 'first' || info.cls === 'last')
  ) {
    score = 0.3;
  }
  // A title-cased heading or list item, its small words capitalised too ("3. Manual Missing In
  // Spanish", "Release Notes For Grace Mobile"): words of which one is an ordinary word are
  // the title's ("A Note From Kasimir Oyelaran" keeps its name).
  if (
    score > 0.3 &&
    !PERSON_ONLY_CUES.has(reason) &&
    headlineLine(text, start) &&
    !allNameLike(from, to, true)
  ) {
    score = 0.3;
  }

  // A surname that is also an ordinary word ("Hall", "Garden", "King") is no token of the
  // segment; after a cue only a person takes, it joins the name: "My name is Karl Hall".
  const named = score > 0.3 && PERSON_ONLY_CUES.has(reason) ? withSurname(text, end) : end;
  // The particles between a title and the surname are part of it: "Dr. [van den Bosch]".
  const first = reason === 'title' ? particlesBefore(text, start) : start;
  return { start: first, end: named, score, reason, from, to, keep };
}

/** Whether the tokens [from, to) are all initials, each with its full stop ("А. В."). */
function initialsWithStops(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & F_INITIAL) === 0 || text.charCodeAt(tokEnd[k]!) !== 46) return false;
  }
  return from < to;
}

/** Whether the code unit `c` is a Cyrillic letter (U+0400 to U+052F). */
function isCyrillicUnit(c: number): boolean {
  return c >= 0x400 && c <= 0x52f;
}

/** Whether the segment text[start, end) and a capitalised word joined to it by "&" name a firm. */
function ampersandFirm(text: string, start: number, end: number, first: string): boolean {
  const m =
    AMPERSAND_AFTER.exec(text.slice(end, end + 32)) ??
    AMPERSAND_BEFORE.exec(text.slice(Math.max(0, start - 32), start));
  return m !== null && !(isGivenName(first) && isGivenName(m[1]!));
}
const JUAN_DELA_CRUZ_AFTER = /^[ \t](?:[Dd]ela|[Dd]e [Ll]a) (?:Cruz|CRUZ)\b/;
const AMPERSAND_AFTER = /^[ \t]?&[ \t]?(\p{Lu}[\p{L}'’]+)/u;
const AMPERSAND_BEFORE = /(\p{Lu}[\p{L}'’]+)[ \t]?&[ \t]?$/u;

/** Whether token `k` heads the name of a street, a place, a shop or an office. */
function placeHead(k: number): boolean {
  const info = tokInfo[k]!;
  return NOT_PERSON_HEADS.has(info.key) || NOT_PERSON_HEADS_VI.has(info.text.toLowerCase());
}

/**
 * Whether the line holding `pos` is title-cased: four words or more, each capitalised, one of
 * them past the first a small word that only a title capitalises ("In", "Of", "For", "With").
 * Asked once per line and text (the answer for the last line asked is kept).
 */
function headlineLine(text: string, pos: number): boolean {
  // (Both searches stop 160 characters out, past the longest headline: a paste of one long
  // line would otherwise be read back to its start for every name on it.)
  const lineStart = lineStartWithin(text, pos, HEADLINE_MAX);
  if (lineStart < 0) return false;
  if (text === headlineText && lineStart === headlineStart) return headlineAnswer;
  headlineText = text;
  headlineStart = lineStart;
  let lineEnd = pos;
  const maxEnd = Math.min(text.length, lineStart + HEADLINE_MAX + 1);
  while (lineEnd < maxEnd && text.charCodeAt(lineEnd) !== 10) lineEnd++;
  headlineAnswer = false;
  if (lineEnd - lineStart > HEADLINE_MAX) return false;
  const line = text.slice(lineStart, lineEnd);
  // (Most lines hold no capitalised small word: one search rules them out.)
  if (!TITLE_SMALL_WORD_IN.test(line)) return false;
  let words = 0;
  let small = false;
  for (const m of line.matchAll(LINE_WORD)) {
    const w = m[0];
    if (!UPPER_START.test(w)) return false;
    if (words > 0 && TITLE_SMALL_WORDS.has(w)) small = true;
    words++;
  }
  headlineAnswer = small && words >= 4;
  return headlineAnswer;
}
/** The longest line read as a headline. */
const HEADLINE_MAX = 160;
let headlineText: string | null = null;
let headlineStart = -1;
let headlineAnswer = false;
const LINE_WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const UPPER_START = /^\p{Lu}/u;
const TITLE_SMALL_WORD_IN = / (?:In|Of|For|With|At|From|By|Than|Into|Over|Under|And|The|Vs) /;
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(
  'In Of For With At From By Than Into Over Under And The Vs'.split(' '),
);

const QUANTITY_SIGN = /\d[ \t]?[xX*][ \t]/;
const QUANTITY_BEFORE =
  /(?:^|[^\p{L}\p{N}])\d{1,4}[ \t]?[×xX*][ \t]{1,2}(?:\p{Lu}[\p{L}-]{1,20}[ \t]){0,2}$/u;
const IN_PLACE_BEFORE = /(?:^|[^\p{L}])(?:in|near)[ \t]$/u;
const POSSESSIVE_AFTER = /^['’]s?(?![\p{L}])/u;

/** Column headers over names, in English, German, French, Spanish, Italian, Dutch, Portuguese. */
const NAME_HEADER =
  /^(?:(?:billing|shipping|customer|cust|contact)[ _-]?)?(?:(?:first|last|full|given|family|middle|maiden|contact|customer|client|patient|account|holder|card ?holder|user|employee|passenger|guest|recipient|sender|caller|owner)[ _-]?names?|names?|surname|forename|vorname|nachname|familienname|nom|prénom|prenom|nom de famille|nombre|nombres|apellidos?|apellido[ _](?:paterno|materno)|(?:primer|segundo)[ _]apellido|cognome|nome|achternaam|voornaam|naam|nazwisko|imi[eę]|imiona|efternamn|förnamn|fornamn|etternavn|fornavn|efternavn|sukunimi|etunimi|příjmení|prijmeni|jméno|jmeno|customer|client|cliente|kunde|kundin|klant|contact|patient|passenger|guest|employee|recipient|cardholder|card holder|account holder|titular|empfänger|destinataire|destinatario|agent|assignee|requester|cognome[ _]nome|nome[ _]cognome|nom[ _]pr[ée]nom|pr[ée]nom[ _]nom|imi[eę][ _]nazwisko|nazwisko[ _]imi[eę]|nombre[ _]apellidos|apellidos[ _]nombre|nom[ _]complet|nom[ _-]client|nombre[ _-]cliente|nome[ _-]cliente|nombre[ _]completo|nome[ _]completo|apellidos y nombre|nombre y apellidos|cognome e nome|nome e cognome|volledige[ _]naam|nominativo|from|sender|author|speaker|absender|expéditeur|remitente|mittente|afzender|nadawca|remetente|driver|renter|tenant|traveller|traveler|pax|applicant|beneficiary|payee|policyholder|insured|member|student|buyer|seller|occupant|guardian|parent)$/i;

/** A header of a column of surnames. */
const SURNAME_HEADER =
  /^(?:last[ _-]?name|surname|family[ _-]?name|nachname|familienname|nom de famille|apellidos?|cognome|achternaam|nazwisko|efternamn|etternavn|efternavn|sukunimi|příjmení|prijmeni|sobrenome|soyad[ıi])$/i;
/** A header of a column of given names. */
const FIRST_NAME_HEADER =
  /^(?:first[ _-]?names?|given[ _-]?names?|forenames?|vorname|pr[ée]nom|nombre de pila|voornaam|imi[eę]|förnamn|fornavn|etunimi|jméno|jmeno)$/i;
const GENERIC_NAME_HEADER = /^(?:names?|nom|nombre|nome|naam)$/i;

/** Labels that head a person's name on the line below, besides the column headers. */
const LINE_LABEL =
  /^(?:ship to|bill to|deliver to|sold to|send to|attn\.?|attention|from|assigned to|requested by|requested for|reported by|submitted by|created by|contact owner|record owner|account owner|lead owner|owner|nominee|manager|prepared by|signed by|recipient|sender|requester|assignee|reporter|policyholder|policy holder|insured|claimant|subscriber|guarantor|applicant|borrower|payee|beneficiary|emergency contact|next of kin|empfänger|absender|destinataire|expéditeur|destinatario|remitente)$/i;

/**
 * The first cell of a line of two tab-separated cells whose second is text[start, end) (with
 * spaces around it at most), trimmed; otherwise null.
 */
function tabLabelBefore(text: string, start: number, end: number): string | null {
  const lineStart = lineStartWithin(text, start, 42);
  const tab = start - 1;
  if (lineStart < 0 || tab - lineStart > 40 || text.indexOf('\t', lineStart) !== tab) return null;
  let e = end;
  while (e < text.length && text.charCodeAt(e) === 32) e++;
  if (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) return null;
  // (A required field's star is no part of its label: "First name*\tKenyatta".)
  const label = text.slice(lineStart, tab).replace(LABEL_DECOR, '');
  return label === '' ? null : label;
}

/**
 * The label on the line right above text[start, end) when the run fills its own line and that
 * line is short (a form's label: "Customer name:", "**Ship to**"), without its colon and
 * emphasis; otherwise null.
 */
function labelLineAbove(text: string, start: number, end: number): string | null {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k <= 0 || text.charCodeAt(k) !== 10) return null;
  let e = end;
  while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e++;
  if (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) return null;
  const lineEnd = text.charCodeAt(k - 1) === 13 ? k - 1 : k;
  const lineStart = lineStartWithin(text, lineEnd, 42);
  if (lineStart < 0 || lineEnd - lineStart > 40) return null;
  const label = text.slice(lineStart, lineEnd).replace(LABEL_DECOR, '');
  return label === '' ? null : label;
}
/** Blanks, emphasis and a colon around a label: "  **Ship to:** ", "Name :". */
const LABEL_DECOR = /^[\s*_#>-]+|[\s*_]*:?[\s*_]*$/g;
/** Of those, the headers that say "name" (under which an ordinary word is a name: "Gill"). */
/** Column headers of roles only people have (no firm is an employee or a patient). */
const PEOPLE_HEADER =
  /^(?:employee|patient|student|pupil|tenant|passenger|guest|applicant|candidate|traveller|traveler|pax|occupant|guardian|parent|policyholder|insured|driver|staff member|new hire|attendee|participant)s?$/i;
const NAME_WORD_HEADER = /name|surname|vorname|nachname|^nom|prénom|prenom|apellido|cognome|naam/i;
/** Column headers over things and places, under which capitalised words are not people. */
const THING_HEADER =
  /^(?:products?|items?|articles?|models?|descriptions?|plans?|services?|sku|titles?|category|company|companies|organi[sz]ations?|firm|vendors?|suppliers?|brands?|city|town|country|street|address|region|state|department|team|store|shop|location|merchants?|retailers?|airlines?|hotels?|carriers?|banks?|insurers?|employers?|pharmacy|clinic|hospital|facility|venue|restaurant|produkt|artikel|firma|stadt|ort|produit|société|ville|producto|empresa|ciudad|prodotto|azienda|città|bedrijf|stad)$/i;

/** ", NC" after a word, then the end of the place: a space, punctuation or the text's end. */
const REGION_AFTER = /^, ?([A-Z]{2,3})(?![\p{L}\p{N}])([\s\S]?)/u;
/** A capitalised word or two after a comma: the place a town lies in ("Regina, Saskatchewan"). */
const REGION_NAME_AFTER = /^, ?((\p{Lu}[\p{Ll}]+)(?: \p{Lu}[\p{Ll}]+)?)(?![\p{L}])/u;
/** States, provinces and countries that a town's name comes before, lower-cased. */
const REGION_NAMES: ReadonlySet<string> = new Set([
  // The states of the US, the provinces and territories of Canada, the states of Australia.
  ...'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming alberta manitoba ontario quebec québec saskatchewan yukon nunavut queensland victoria tasmania'.split(
    ' ',
  ),
  'new hampshire',
  'new jersey',
  'new mexico',
  'new york',
  'north carolina',
  'north dakota',
  'rhode island',
  'south carolina',
  'south dakota',
  'west virginia',
  'british columbia',
  'new brunswick',
  'nova scotia',
  'prince edward',
  'northwest territories',
  'new south',
  'south australia',
  'western australia',
  'northern territory',
  // Countries a customer's town is written with.
  ...'usa canada australia england scotland wales ireland france germany italy spain portugal netherlands belgium switzerland austria sweden norway denmark finland poland greece brazil mexico argentina chile colombia peru india china japan nigeria kenya ghana egypt morocco philippines malaysia singapore indonesia'.split(
    ' ',
  ),
]);

const MIT_BEFORE = /(?:^|\s)mit $/i;
const SPOKE_AFTER_DE = /^ (?:telefoniert|gesprochen|geredet|geschrieben|gemailt)(?![\p{L}])/u;

/** What follows a name that is spoken to: ", can I", ", could you", ", please". */
const VOCATIVE_AFTER =
  /^, ?(?:(?:can|could|would|will|do|did|are|were|have|may|should|shall) (?:I|you|we|u)\b|please\b)/;
/**
 * Words that open such a sentence without naming anyone, should a list take them for names:
 * interjections, adverbs and forms of address. Adverbs in -ly are left out by their ending.
 */
const NOT_VOCATIVE = new Set(
  (
    'great sure okay ok perfect awesome cool nice fine yes yeah no also next then now please sorry well so thanks hey hi hello dear guys folks team everyone sir madam mom mum dad boss buddy dude mate honey sweetie darling babe baby love friend doc ma pa listen look wait seriously honestly today tomorrow ' +
    // Chat words no dictionary list holds (isEnglishWord): interjections, slang, abbreviations.
    'alright alrighty aight hmm hmmm hm mhm uh um umm uhm erm yikes oops whoops ugh argh meh wow whoa welp yup yep nope nah yah yeh okie okey okies kk gotcha ack thx tks ty pls plz btw fyi fwiw imo imho tbh afaik idk lol lmao omg ffs smh np asap eta anyways anyhoo hiya howdy heya hey-ho cheerio ciao bro bruh fam peeps mods devs admins gents lads yall y’all bud dawg hun hon luv mister missus'
  ).split(' '),
);

function notVocative(word: string): boolean {
  const w = word.toLowerCase();
  return NOT_VOCATIVE.has(w) || w.endsWith('ly');
}

/**
 * Whether a span of `taken` starts right after `end`, past a comma and blanks, with a house
 * number and a word: a street written number first ("14 Rue de la Paix"). (Not "4, 66166
 * Ciudad Real", the number of a street the words before name.)
 */
function addressStartsAfter(text: string, end: number, taken: readonly Span[]): boolean {
  let at = end;
  if (text.charCodeAt(at) === 44) at++;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  if (!HOUSE_NUMBER_THEN_WORD.test(text.slice(at, at + 12))) return false;
  return spanStartsAt(taken, at);
}

/** Whether a span of `taken` (sorted by start) starts at `at`: a binary search. */
/**
 * Whether a span of digits another detector found (a phone number, seven characters or more)
 * starts right after `end`, past a comma and a blank or two.
 */
function phoneStartsAfter(text: string, end: number, taken: readonly Span[]): boolean {
  let k = end;
  if (text.charCodeAt(k) === 44) k++;
  while (k < end + 3 && text.charCodeAt(k) === 32) k++;
  const i = spanIndexAt(taken, k);
  if (i < 0) return false;
  const span = taken[i]!;
  return span.end - span.start >= 7 && !ANY_LETTER.test(text.slice(span.start, span.end));
}
const ANY_LETTER = /\p{L}/u;

/** The index of the span in `taken` (sorted by start) that starts at `at`, or -1. */
function spanIndexAt(taken: readonly Span[], at: number): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < taken.length && taken[lo]!.start === at ? lo : -1;
}

function spanStartsAt(taken: readonly Span[], at: number): boolean {
  return spanIndexAt(taken, at) >= 0;
}

const HOUSE_NUMBER_THEN_WORD = /^\d{1,5}[a-zA-Z]?[ \t]+\p{L}/u;
const LIVES_AT = /^\s(?:lives|lived) (?:at|in|on) /;

/**
 * Whether `after`, the text from `end` on, says "lives at" and an address another detector
 * found follows: "Klementyna Koza lives at ul. Czajka 53a".
 */
function livesAtAddress(after: string, end: number, taken: readonly Span[]): boolean {
  const m = LIVES_AT.exec(after);
  if (m === null) return false;
  return spanStartsAt(taken, end + m[0].length);
}

const PARTICLES_BEFORE = new RegExp(String.raw`[ \t]((?:${TITLE_PARTICLES}${SP}){1,2})$`);

/** Where the lower-case particles right before `start` begin ("Dr. van den Bosch"), or start. */
function particlesBefore(text: string, start: number): number {
  const c = text.charCodeAt(start - 2);
  if (!(c >= 97 && c <= 122)) return start;
  const m = PARTICLES_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  return m ? start - m[1]!.length : start;
}

let namedLikePeopleSet: ReadonlySet<string> | null = null;
/** The first words of namedLikePeopleSet's names: a name can only start at one of them. */
let namedLikePeopleFirst: ReadonlySet<string> | null = null;

/** Lower case, blanks as one space and a typographic apostrophe typed straight, as the lists. */
function namedKey(text: string, from: number, to: number): string {
  return text.slice(from, to).toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

/** Whether the word at text[from, ...) (up to a blank or `to`) opens a listed name. */
function opensNamedLikePeople(text: string, from: number, to: number): boolean {
  let k = from;
  for (let c = text.charCodeAt(k); k < to && !isAsciiSpace(c) && !isUnicodeSpace(c);) {
    c = text.charCodeAt(++k);
  }
  return namedLikePeopleFirst!.has(namedKey(text, from, k));
}

/**
 * Whether `text[start, end)`, or it with the word after, is a firm named after people or a
 * place named like a person. (The firms whose name a title opens, "Dr. Oetker", are
 * titledFirm's, which the caller asks first.) Each reading is looked up only when its first
 * word opens a listed name: most segments open none.
 */
function namedLikePeople(text: string, start: number, end: number): boolean {
  const names = namedLikePeople_();
  // "T Rowe Price": the segment may stop a word short of the firm's name,
  // or start one late ("Trader Joe's", where "Trader" is an ordinary word).
  let to = -1;
  const extended = (): number => {
    if (to < 0) {
      const next = /^[ \t]?(?:&[ \t])?[\p{L}'’-]{2,20}/u.exec(text.slice(end, end + 24));
      to = next === null ? end : end + next[0].length;
    }
    return to;
  };
  if (opensNamedLikePeople(text, start, end)) {
    if (names.has(namedKey(text, start, end))) return true;
    // "Calvin Klein Jeans": the firm's name may open the segment.
    for (let k = text.indexOf(' ', start); k > start && k < end; k = text.indexOf(' ', k + 1)) {
      if (names.has(namedKey(text, start, k))) return true;
    }
    if (extended() > end && names.has(namedKey(text, start, to))) return true;
  }
  // "Belfast George Best City", "Liverpool John Lennon": a city's name may open it, the
  // place's name then going on after the segment.
  const space = text.indexOf(' ', start);
  if (space > start && space < end && opensNamedLikePeople(text, space + 1, end)) {
    const after = /^[ \t][\p{L}'’.-]{2,20}/u.exec(text.slice(end, end + 24));
    if (
      names.has(namedKey(text, space + 1, end)) ||
      (after !== null && names.has(namedKey(text, space + 1, end + after[0].length)))
    ) {
      return true;
    }
  }
  const prev = /(?:^|\s)(\p{Lu}[\p{L}.]{1,20})[ \t]$/u.exec(
    text.slice(Math.max(0, start - 24), start),
  );
  if (prev === null) return false;
  const from = start - prev[1]!.length - 1;
  if (!opensNamedLikePeople(text, from, start)) return false;
  return names.has(namedKey(text, from, end)) || names.has(namedKey(text, from, extended()));
}

/**
 * Whether the title before `start` opens a firm's name with the segment's first words: "Dr.
 * Oetker Ristorante Pizza", "Captain Morgan Spiced Gold". A title makes the rest a person's
 * name otherwise, so this is asked whatever the cue.
 */
function titledFirm(text: string, start: number, end: number): boolean {
  const prev = TITLE_WORD_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  if (prev === null) return false;
  const names = namedLikePeople_();
  const from = start - prev[1]!.length - 1;
  const key = (to: number) => text.slice(from, to).toLowerCase().replace(/\s+/g, ' ');
  if (names.has(key(end))) return true;
  const first = text.indexOf(' ', start);
  return first > start && first < end && names.has(key(first));
}
const TITLE_WORD_BEFORE = /(?:^|\s)((?:Dr|Captain|Capt|Uncle|Aunt|Don|Doña|Sir|Saint|St)\.?)[ \t]$/;

/** The firms named after people and the places named like or after them (lower case). */
function namedLikePeople_(): ReadonlySet<string> {
  // The list's apostrophes are read as the text's are: typed straight.
  if (namedLikePeopleSet === null) {
    namedLikePeopleSet = new Set(
      `${FIRMS_NAMED_AFTER_PEOPLE}|${PLACES_NAMED_LIKE_PEOPLE}|${PLACES_NAMED_AFTER_PEOPLE}`
        .replace(/’/g, "'")
        .split('|'),
    );
    namedLikePeopleFirst = new Set([...namedLikePeopleSet].map((n) => n.split(' ')[0]!));
  }
  return namedLikePeopleSet;
}

/**
 * `end`, moved past the capitalised word right after it when that word is in the surname
 * lists (and so was left out of the segment only for being an ordinary word too).
 */
function withSurname(text: string, end: number): number {
  if (text.charCodeAt(end) !== 32) return end;
  const m = SURNAME_WORD.exec(text.slice(end + 1, end + 26));
  return m !== null && isSurname(m[0]) ? end + 1 + m[0].length : end;
}
const SURNAME_WORD = /^\p{Lu}\p{Ll}+(?![\p{L}\p{M}\p{N}'’-])/u;

/** Of the cues below, those that introduce a name whatever the word. */
const INTRODUCING_CUES: ReadonlySet<string> = new Set(['title', 'self-introduction', 'relation']);
/** The reasons of cues that name a person and nothing else (see the company cap in score). */
const PERSON_ONLY_CUES: ReadonlySet<string> = new Set([
  'title',
  'self-introduction',
  'relation',
  'sign-off',
  'greeting',
]);

// The segment being scored, shared with cueMatches, bump and tryCue so that scoring creates no
// closures (a closure per segment was a measurable share of the finder's time and garbage).
let curScore = 0;
let curReason = '';
/** The text, and where the current segment starts and ends in it. */
let cueText = '';
let cueStart = 0;
let cueEnd = 0;
/** The 64 characters before the segment and the 48 after it, cut when first asked for. */
let cueBefore: string | null = null;
let cueAfter: string | null = null;
let cueStarts: number[] | null = null;
/** The before-cues whose word check the current segment passes (bits of Cue.bit). */
let cueMask = 0;

function beforeWindow(): string {
  return (cueBefore ??= cueText.slice(Math.max(0, cueStart - 64), cueStart));
}

/** Whether code unit `c` is 0-9. */
function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether code unit `c` is a-z. */
function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function afterWindow(): string {
  return (cueAfter ??= cueText.slice(cueEnd, cueEnd + 48));
}
/** The punctuation right before the segment, or ''. */
let prevPunct = '';

/** Raises the current segment's score to `s` (at most 0.95) with reason `r`, if that is higher. */
function bump(s: number, r: string): void {
  if (s > curScore) {
    curScore = Math.min(s, 0.95);
    curReason = r;
  }
}

/** Tries a before-cue only when its bump `s` would raise the current score. */
function tryCue(cue: Cue, s: number, r: string): void {
  if (s > curScore && cueMatches(cue)) bump(s, r);
}

/** Whether a before-cue ends right before the current segment (cheap word check first). */
function cueMatches(cue: Cue): boolean {
  if ((cueMask & cue.bit) === 0) return false;
  const re = cue.re;
  if (!re.sticky) return endsWithCue(re, beforeWindow(), EMPTY_STARTS);
  const before = beforeWindow();
  cueStarts ??= wordStarts(before);
  return endsWithCue(re, before, cueStarts, cue.maxLen);
}

/**
 * A before-cue as scoring uses it: its pattern, its bit in cueMask and the longest text it can
 * match (see cueInfo; filled in by cueTables).
 */
interface Cue {
  readonly re: RegExp;
  readonly bit: number;
  /**
   * The pattern always ends in punctuation before the name (a label's colon, pipe, dash or dot
   * leaders): only that punctuation, never the word before, can let it match, so its words stay
   * out of the word table (they would only make it tried in vain: "for", "case", "lead").
   */
  readonly punctOnly: boolean;
  maxLen: number;
}

const CUES: Cue[] = [];

function cue(re: RegExp, punctOnly = false): Cue {
  // 31 bits keep the masks small integers.
  if (CUES.length >= 31) throw new Error('finder: too many cue patterns for a 31-bit mask');
  const c: Cue = { re, bit: 1 << CUES.length, punctOnly, maxLen: Infinity };
  CUES.push(c);
  return c;
}

const K_TITLE = cue(CUE_TITLE);
const K_TITLE_M = cue(CUE_TITLE_M);
const K_SELF_STRONG = cue(CUE_SELF_STRONG);
const K_LABEL_STRONG = cue(CUE_LABEL_STRONG, true);
const K_RELATION = cue(CUE_RELATION);
const K_SIGN_OFF_LINE = cue(CUE_SIGN_OFF_LINE);
const K_GREETING = cue(CUE_GREETING);
const K_CUSTOMER_PAREN = cue(CUE_CUSTOMER_PAREN);
const K_LABEL = cue(CUE_LABEL, true);
const K_SELF = cue(CUE_SELF);
const K_SIGN_OFF_INLINE = cue(CUE_SIGN_OFF_INLINE);
const K_CC = cue(CUE_CC);
const K_ROLE_BEFORE = cue(CUE_ROLE_BEFORE);
const K_ROLE_BEFORE_CAP = cue(CUE_ROLE_BEFORE_CAP);
const K_SPEECH = cue(CUE_SPEECH);
const K_HANDOFF = cue(CUE_HANDOFF);
const K_WEAK_BEFORE = cue(WEAK_BEFORE);
const K_WEAK_BEFORE_MULTI = cue(WEAK_BEFORE_MULTI);
const K_CALL_BEFORE = cue(CALL_BEFORE);
const K_PLACE_BEFORE = cue(PLACE_BEFORE);
const K_OWNER_BEFORE = cue(OWNER_BEFORE);
const K_LABEL_BARE = cue(CUE_LABEL_BARE);

/**
 * For each word, the cues that contain it; for each punctuation character, the cues that can
 * match it (see cueInfo). Built on the first scan: cueInfo reads the patterns' sources.
 */
let cueWordMask: Map<string, number> | null = null;
let cuePunctMask: Map<string, number> | null = null;

function cueTables(): void {
  if (cueWordMask !== null) return;
  const words = new Map<string, number>();
  const puncts = new Map<string, number>();
  for (const c of CUES) {
    const info = cueInfo(c.re);
    c.maxLen = info.maxLen;
    if (!c.punctOnly) for (const w of info.words) words.set(w, (words.get(w) ?? 0) | c.bit);
    for (const p of info.puncts) puncts.set(p, (puncts.get(p) ?? 0) | c.bit);
  }
  cueWordMask = words;
  cuePunctMask = puncts;
  const ascii = [...words].filter(([w]) => /^[a-z']+$/.test(w));
  // At most half full, so that a probe ends at an empty slot.
  cueSlots = 1 << Math.ceil(Math.log2(2 * ascii.length + 2));
  cueKeys = new Array<string>(cueSlots).fill('');
  cueMasks = new Int32Array(cueSlots);
  for (const [w, mask] of ascii) addAsciiCue(w, mask);
}

/**
 * Whether text[start, end) is alone on its line, the line before ends a sentence (".", "!",
 * "?"), and the text ends after it or a blank line follows; or, after a dash ("- Candida"),
 * whether it is the text's last line.
 */
function closingLine(text: string, start: number, end: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  // "- Candida" (a dash signature) closes a message only as its very last line.
  let dashed = false;
  while (k >= 0 && isDash(text.charCodeAt(k))) {
    dashed = true;
    k--;
  }
  if (dashed) while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k < 1 || text.charCodeAt(k) !== 10) return false;
  k--;
  while (k >= 0 && isAsciiSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 10) k--;
  // A blank line may part the name from the message it signs ("...is wrong.\n\nAdolfo").
  // (After a blank line the message's last sentence may lack its full stop: "...by Monday\n\n
  // Kacie"; not after a colon or a comma, which announce what follows.)
  let blank = false;
  if (!dashed && text.charCodeAt(k) === 10) {
    const stop = k - 8;
    while (k > stop && k >= 0 && isAsciiSpace(text.charCodeAt(k))) k--;
    blank = true;
  }
  const c = text.charCodeAt(k);
  let e = end;
  while (e < text.length && isAsciiSpace(text.charCodeAt(e)) && text.charCodeAt(e) !== 10) e++;
  // (Its writer's number in brackets may follow: "– Amparo (971-247-2389)".)
  if (dashed && text.charCodeAt(e) === 40) {
    const phone = BRACKETED_PHONE.exec(text.slice(e, e + 32));
    if (phone) e += phone[0].length;
  }
  // ...and not as the last item of a list of dashed lines ("- Milk\n- Eggs\n- Rosemary").
  if (dashed) return e === text.length && k >= 0 && !listItemLine(text, k);
  if (c !== 46 && c !== 33 && c !== 63 && (!blank || c === 58 || c === 44 || !(k >= 0))) {
    // A chat message's last sentence often lacks its full stop: "pls sort asap, this is the
    // third time\nChloe", the name closing the text after a line of prose.
    if (!(e === text.length && !blank && isAsciiLower(c) && proseLineAt(text, k))) return false;
  }
  if (e === text.length) return true;
  if (text.charCodeAt(e) !== 10) return false;
  e++;
  while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e++;
  return e === text.length || text.charCodeAt(e) === 10 || text.charCodeAt(e) === 13;
}

const BRACKETED_PHONE = /^\([ \t]?\+?\d[\d .()/-]{5,22}\)[ \t]*$/;

/** Whether the line ending at offset `k` is prose: five words or more, no label's colon. */
function proseLineAt(text: string, k: number): boolean {
  const from = lineStartWithin(text, k, 300);
  if (from < 0) return false;
  const line = text.slice(from, k + 1);
  return PROSE_LINE.test(line) && !line.includes(':') && !listItemLine(text, k);
}
const PROSE_LINE = /^\s*\S+(?:\s+\S+){4}/;

/** Whether a dash (and blanks) stands right before `start`: "- Candida", "– Tizian". */
function dashBefore(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k >= 0 && isDash(text.charCodeAt(k));
}

/** A hyphen, an en dash or an em dash. */
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

/** Whether the line holding offset `k` opens like a list item: a dash, star, bullet or "1.". */
function listItemLine(text: string, k: number): boolean {
  // (A line longer than a list item's is searched no further: no list item.)
  let i = lineStartWithin(text, k + 1, 1000);
  if (i < 0) return false;
  while (i < k && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  return isDash(c) || c === 42 || c === 0x2022 || (c >= 48 && c <= 57);
}

/** Whether nothing but spaces and tabs stands between `end` and a line break or the window's end. */
export function endsLineAfter(text: string, end: number): boolean {
  // What /^[ \t]*(?:\r?\n|$)/ tests on the 48 characters after `end`.
  const stop = Math.min(text.length, end + 48);
  let k = end;
  while (k < stop) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) break;
    k++;
  }
  if (k === stop) return true;
  const c = text.charCodeAt(k);
  if (c === 10) return true;
  return c === 13 && k + 1 < stop && text.charCodeAt(k + 1) === 10;
}

/** Whether `c` is ASCII white space (what \s matches below 128). */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Whether CUE_WROTE can match after `end`: after at most two white-space characters comes '<'
 * or the first letter of one of its verbs. Non-ASCII characters are left to the pattern (case
 * folding maps some to ASCII letters).
 */
export function mayWrote(text: string, end: number): boolean {
  const stop = Math.min(text.length, end + 48);
  let k = end;
  while (k < stop && k < end + 2 && isAsciiSpace(text.charCodeAt(k))) k++;
  if (k >= stop) return false;
  const c = text.charCodeAt(k);
  return c >= 128 || WROTE_FIRST[c] === 1;
}

const WROTE_FIRST = (() => {
  const t = new Uint8Array(128);
  for (const ch of '<wsrachejlWSRACHEJL') t[ch.charCodeAt(0)] = 1;
  // \s also matches what isAsciiSpace skips: a third blank fails, so it is not listed.
  return t;
})();

/**
 * Whether EMAIL_AFTER can match after `end`: an optional quote, at most two blanks, then one of
 * , ; tab < ( | : (a tab may be either, so each of the first three positions is tried).
 */
export function mayEmail(text: string, end: number): boolean {
  const stop = Math.min(text.length, end + 48);
  let k = end;
  if (k < stop && (text.charCodeAt(k) === 34 || text.charCodeAt(k) === 39)) k++;
  for (let q = k; q < stop && q <= k + 2; q++) {
    const c = text.charCodeAt(q);
    if (c === 44 || c === 59 || c === 9 || c === 60 || c === 40 || c === 124 || c === 58) {
      return true;
    }
    if (c !== 32) return false;
  }
  return false;
}

/** Whether CUE_AFTER_PAREN_ROLE (/^\s?\(/...) can match after `end`. */
export function mayParenRole(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  if (c === 40) return true;
  if (c >= 128) return true;
  return isAsciiSpace(c) && end + 1 < text.length && text.charCodeAt(end + 1) === 40;
}

/** Whether CUE_AFTER_AS_ROLE (/^\s(?:as .../iu) can match after `end`. */
export function mayAsRole(text: string, end: number): boolean {
  if (end + 1 >= text.length) return false;
  const c = text.charCodeAt(end);
  if (c < 128 && !isAsciiSpace(c)) return false;
  const d = text.charCodeAt(end + 1);
  return d >= 128 || d === 97 || d === 65;
}

/** A label naming a thing, and its colon: "Employer's name: ", "Company: ". */
const THING_LABEL_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${THING_NAME})(?:['’]s)?(?:[ _-](?:legal |registered )?name)?[ \t]*:[ \t]*$`,
  'iu',
);

const LIST_GAP = /^(?:, ?(?:and |& |und |et |y |or )?| (?:and|&|und|et|y|or) )$/;

/**
 * Names in a list ("They had 6: Romi, Erik, Amy and Nathaniel"; "our founders: Kónya, Becker
 * and Vasquez"): when most items of a list of three or more single words are known names, the
 * unknown ones are names too.
 */
function namesInLists(text: string, all: Scored[]): void {
  let i = 0;
  while (i < all.length) {
    const j = listEnd(text, all, i, isOneWord);
    // Most runs are one segment long: only a run of three or more is copied out.
    const items = j - i >= 2 ? all.slice(i, j + 1) : null;
    if (items !== null && items.every((s) => s.to - s.from === 1)) {
      // Lists of surnames alone are as often law firms and agencies ("Jones, Mitchell and
      // Williams"); a given name that is not also a surname must be among them.
      const known = items.filter((s) => {
        const c = segClass(s.from, s.from, s.keep);
        return c === 'first' || c === 'last';
      });
      const given = items.some(
        (s) => segClass(s.from, s.from, s.keep) === 'first' && !tokInfo[s.from]!.alsoSurname,
      );
      const last = items[items.length - 1]!;
      const org = orgAfter(text.slice(last.end, last.end + 48));
      // A list a colon introduces enumerates what the words before it name ("Speakers: Kónya,
      // Becker and Vasquez"); a firm's name is not introduced so ("is from Jones, Mitchell and
      // Williams"), so there surnames alone are enough.
      // (Not after a thing's label: "Employer's name: Bartoletti, Cremin and Corwin".)
      // (Nor a list of places or things, given names among them: "Strongest cities: Zaragoza,
      // Jackson, Regina".)
      const colon = afterColon(text, items[0]!.start);
      const thing =
        colon &&
        THING_LABEL_BEFORE.test(text.slice(Math.max(0, items[0]!.start - 48), items[0]!.start));
      const enumerated = !thing && (given || colon);
      if (thing) {
        for (const s of items) {
          if (s.score > 0.3) {
            s.score = 0.3;
            s.reason = 'list of things';
          }
        }
      }
      // A colon after a plural of people ("our 3 founders: Monjeau, Graves and Reed"): every
      // item is someone, ordinary words that are surnames too ("Graves", "White") included.
      const people = !org && peopleBeforeColon(text, items[0]!.start);
      if (people || (!org && enumerated && known.length >= 2 && known.length * 2 >= items.length)) {
        for (const s of items) {
          const c = segClass(s.from, s.from, s.keep);
          if (
            c !== 'stop' &&
            (c !== 'common' || (people && inNameLists(tokInfo[s.from]!.text))) &&
            s.score < 0.6
          ) {
            s.score = 0.6;
            s.reason = 'list of names';
          }
        }
      }
    }
    i = j + 1;
  }
}

/**
 * Full names in a list ("Attendees: Danyka Heaney, Lars Olsen and Chen Wei"): in a list of
 * runs of two or three words, after a colon or of three runs or more, where half the runs are
 * names already found, the others are names when every word could be a name part.
 */
function fullNamesInLists(text: string, all: Scored[]): void {
  let i = 0;
  while (i < all.length) {
    const j = listEnd(text, all, i, isFullNameRun);
    const count = j - i + 1;
    if (count >= 2 && (count >= 3 || afterColon(text, all[i]!.start))) {
      let found = 0;
      for (let k = i; k <= j; k++) if (all[k]!.score >= THRESHOLD) found++;
      const last = all[j]!;
      if (found * 2 >= count && !orgAfter(text.slice(last.end, last.end + 48))) {
        for (let k = i; k <= j; k++) {
          const s = all[k]!;
          if (s.score < 0.6 && allNameLike(s.from, s.to, true) && !someWordLike(s.from, s.to)) {
            s.score = 0.6;
            s.reason = 'list of names';
          }
        }
      }
    }
    i = j + 1;
  }
}

/**
 * The index of the last segment of the list that starts at all[i]: segments that pass `item`,
 * at most six characters apart, joined by a comma or "and" (LIST_GAP). i when there is none.
 */
function listEnd(text: string, all: readonly Scored[], i: number, item: (s: Scored) => boolean) {
  let j = i;
  while (
    j + 1 < all.length &&
    item(all[j]!) &&
    item(all[j + 1]!) &&
    all[j + 1]!.start - all[j]!.end <= 6 &&
    LIST_GAP.test(text.slice(all[j]!.end, all[j + 1]!.start))
  ) {
    j++;
  }
  return j;
}

/** A segment of one word. */
function isOneWord(s: Scored): boolean {
  return s.to - s.from === 1;
}

/** A segment of two or three words, none an initial. */
function isFullNameRun(s: Scored): boolean {
  const n = s.to - s.from;
  if (n < 2 || n > 3) return false;
  for (let k = s.from; k < s.to; k++) if ((tokFlags[k]! & F_INITIAL) !== 0) return false;
  return true;
}

/** Whether a colon (and at most two blanks) stands right before `start`. */
/** Whether a colon right before `start` follows a plural of people ("founders:"). */
function peopleBeforeColon(text: string, start: number): boolean {
  if (!afterColon(text, start)) return false;
  const colon = text.lastIndexOf(':', start);
  return PEOPLE_PLURAL_BEFORE.test(text.slice(Math.max(0, colon - 24), colon));
}
const PEOPLE_PLURAL_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${PEOPLE_PLURAL})(?:[ \t]\(\d+\))?[ \t]*$`,
  'iu',
);

function afterColon(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && k >= start - 3 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k >= 0 && k < start - 1 && text.charCodeAt(k) === 58;
}

/**
 * Dialogue and chat transcripts: "Nicole: Remember me?" at the start of a line. A known first
 * name there is a speaker; once one is, the other speakers of the text are names too. So are the
 * speakers of a support chat whose other side is a role ("Agent:", "[10:33] Support:"): one to
 * three words that are no ordinary words ("Zargan Vedzizhev: My order never arrived."), between
 * two of the role's turns, are a name when what follows them reads as speech (saysSomething),
 * which a form's field ("Kundennummer: 4411") does not.
 */
function speakers(text: string, all: Scored[]): void {
  const lines: Scored[] = [];
  let anchored = false;
  // The kinds of turn (colon, dash, bracket: see turnKind) the anchors take. A form's field
  // takes a colon where signed lines below it take a dash ("Löptid: 96 månader" above "Magnus
  // Lind — signerat 2024-02-19"): a line of unknown words speaks only in an anchor's kind.
  let anchorKinds = 0;
  // Lines whose every word is unknown to the lists: they need the role's anchor and speech.
  let unknownOnly: Set<Scored> | null = null;
  // Words that name someone elsewhere in the text ("Dear Angel," then "[11:48] Angel: ...").
  let named: Set<string> | null = null;
  for (const s of all) {
    const n = s.to - s.from;
    if (n > 3 || speakerColon(text, s.end) < 0 || !speakerStart(text, s.start)) continue;
    // French sets its colon off ("Acacie : Bonjour !"), and so its forms' labels ("Garant
    // (caution solidaire) : ...", "Visale : pas éligible"): there only a listed given name
    // speaks. A warehouse or an office is no speaker either way ("Entrepôt Nord :").
    if (NOT_PERSON_HEADS.has(tokInfo[s.from]!.key)) continue;
    if (
      text.charCodeAt(s.end) === 32 &&
      text.charCodeAt(s.end + 1) === 58 &&
      !inNameLists(tokInfo[s.from]!.text)
    ) {
      continue;
    }
    // A role, a pronoun or a form's field speaking ("Operador:", "Ik:", "Gość · 16:38",
    // "Assignee:") is no name, whatever else in the chat anchors its speakers.
    if (n === 1 && notSpeakerName(tokInfo[s.from]!.key)) continue;
    let stop = false;
    let known = false;
    const anchoredBefore = anchored;
    for (let k = s.from; k < s.to && !stop; k++) {
      const c = segClass(k, s.from, s.keep);
      if (c === 'stop') stop = true;
      else if (c === 'common') {
        // An ordinary word that is a given name too ("Destiny", "Heather") speaks once the text
        // is known to be a dialogue; one that names someone elsewhere makes it one.
        if (n > 1 || !inNameLists(tokInfo[k]!.text)) stop = true;
        else {
          named ??= new Set(all.filter((o) => o.score >= 0.5).map((o) => tokInfo[o.from]!.key));
          if (named.has(tokInfo[k]!.key)) anchored = true;
          known = true;
        }
      } else if (c !== 'unknown') {
        known = true;
        if (n === 1 && c === 'first' && !tokInfo[k]!.alsoSurname) anchored = true;
        // A full name that reads as one on its own ("Sharon Wintheiser:", "Rodolphe Roussel:")
        // anchors it too.
        if (n >= 2 && s.score >= 0.7) anchored = true;
      } else if (isEnglishWord(tokInfo[k]!.text)) {
        // A word the lists do not know but English does labels a field ("Weather: sunny").
        stop = true;
      } else if (n === 1 && s.score < 0.5) {
        // A word no list knows that names someone elsewhere ("Mijn naam is Liselotte", then
        // "11:20 - Liselotte: ...") makes the text a dialogue too.
        named ??= new Set(all.filter((o) => o.score >= 0.5).map((o) => tokInfo[o.from]!.key));
        if (named.has(tokInfo[k]!.key)) anchored = true;
      }
    }
    if (stop) continue;
    // A speaker for a team in brackets ("Remington (Billing): Your balance is ..."): a person
    // answering for a desk, whatever the lists know of the name.
    if (
      n <= 2 &&
      text.charCodeAt(s.end) === 32 &&
      text.charCodeAt(s.end + 1) === 40 &&
      PERSONAL_SPEECH.test(lineAfter(text, speakerColon(text, s.end) + 1))
    ) {
      anchored = true;
    }
    if (anchored && !anchoredBefore) anchorKinds |= turnKind(text, s.end);
    lines.push(s);
    if (!known) (unknownOnly ??= new Set()).add(s);
  }
  if (lines.length === 0) return;
  if (anchored && lines.length >= 2) {
    // (Words no list knows must say something, "Ubul: What a wife.": a form's field beside a
    // given name's line is no speaker, "Fakturanr: INV-2025-59887".)
    for (const s of lines) {
      const unknown = unknownOnly?.has(s) === true;
      if (unknown && anchorKinds !== 0 && (anchorKinds & turnKind(text, s.end)) === 0) continue;
      const said = unknown ? lineAfter(text, speakerColon(text, s.end) + 1) : null;
      if (said === null || SPEECH.test(said) || SENTENCE_SAID.test(said)) lift(s);
    }
    return;
  }
  // A support chat: the speakers between the role's turns, or who speak twice beside one. A
  // speaker of unknown words must speak as a person does ("My order never arrived."), where a
  // note's field says what happened ("Summary: customer wants a refund").
  const roles = roleLines(text);
  const turns = new Map<string, number>();
  for (const s of lines) {
    const who = text.slice(s.start, s.end);
    turns.set(who, (turns.get(who) ?? 0) + 1);
  }
  if (roles.length === 0) {
    // No role speaks: a full name that takes several turns, once at least as a person speaks
    // ("[16/11/2025, 18:56:11] Melina Goldner: Hi, I put the wrong address ..."), is a speaker
    // in all of them. (A part of it listed as a name: a firm speaks so too, "Nordlicht
    // Energie: Danke, ich prüfe das".)
    const speaking = new Set<string>();
    for (const s of lines) {
      const who = text.slice(s.start, s.end);
      if (s.to - s.from < 2 || turns.get(who)! < 2 || speaking.has(who)) continue;
      if (unknownOnly?.has(s)) continue;
      const said = lineAfter(text, speakerColon(text, s.end) + 1);
      if (SPEECH.test(said) && PERSONAL_SPEECH.test(said)) speaking.add(who);
    }
    for (const s of lines) if (speaking.has(text.slice(s.start, s.end))) lift(s);
    // Colleagues by their given names or nicknames, two or more taking turns, each twice at
    // least ("Gabi: es Tienda... pero cámbiala luego", "Fran: graciaaas"): the turns change
    // hands twice or more, and each turn a name takes reads as speech.
    const ones = new Set<string>();
    for (const s of lines) {
      const who = text.slice(s.start, s.end);
      // (Latin letters only: a role in another script speaks so too, "Օպերատոր:", "Հաճախորդ:".)
      if (s.to - s.from === 1 && turns.get(who)! >= 2 && LATIN_WORD.test(who)) ones.add(who);
    }
    if (ones.size < 2) return;
    let changes = 0;
    for (let i = 1; i < lines.length; i++) {
      const a = text.slice(lines[i - 1]!.start, lines[i - 1]!.end);
      const b = text.slice(lines[i]!.start, lines[i]!.end);
      if (a !== b && ones.has(a) && ones.has(b)) changes++;
    }
    if (changes < 2) return;
    for (const s of lines) {
      if (!ones.has(text.slice(s.start, s.end))) continue;
      if (SPEECH.test(lineAfter(text, speakerColon(text, s.end) + 1))) lift(s);
    }
    return;
  }
  for (const s of lines) {
    if (unknownOnly?.has(s)) {
      const said = lineAfter(text, speakerColon(text, s.end) + 1);
      if (!SPEECH.test(said) || !PERSONAL_SPEECH.test(said)) continue;
    }
    const twice = turns.get(text.slice(s.start, s.end))! >= 2;
    if (betweenTurns(roles, s.start, twice)) lift(s);
  }
}

const VERSION_AFTER = /^[ \t]v?(\d{1,4})\.(\d{1,3})\.(\d{1,4})(?![\d.])/;

/** Whether a version number of three parts (not a date) follows `end`: "Jackson 2.15.1". */
function versionAfter(text: string, end: number): boolean {
  const m = VERSION_AFTER.exec(text.slice(end, end + 20));
  if (m === null) return false;
  const [, a, b, c] = m;
  const dateLike = Number(a) <= 31 && Number(b) <= 12 && (c!.length === 2 || c!.length === 4);
  return !dateLike;
}

/** Words that open a chat's line as its speaker or a form's field, and are no one's name. */
let notSpeakerNames: ReadonlySet<string> | null = null;
/** (Built on first use: the role lists are declared further down.) */
function notSpeakerName(key: string): boolean {
  notSpeakerNames ??= new Set(
    [
      ...SPEAKER_ROLES.split('|'),
      ...CHAT_ROLES.split('|'),
      ...'ik ich je yo eu io ja me you moi tu du jij gość gosc operador operadora assistenza suporte soporte support klantenservice kundenservice servicio atendimento onderwerp assignee subject status tags topic betreff objet asunto oggetto assunto temat sistema systeem system konsultant konsultantka obsługa klient klientka dispo disposition versand logistik lager magazyn entrepôt magazijn warehouse müşteri temsilci från fran till repartidor repartidora rider requester şifre sifre czat chat chatverlauf fahrer fahrerin kurye kurier kurierka bezorger bezorgster courier клиент клиентка оператор операторка менеджер поддержка бот система агент сотрудник сотрудница пользователь покупатель продавец курьер водитель я вы клієнт клієнтка підтримка користувач покупець працівник'.split(
        ' ',
      ),
    ].map((w) => fold(w)),
  );
  return notSpeakerNames.has(key);
}
/** A messenger's receipt under the last message: "Gelesen", "Vu", "Lida". */
const READ_RECEIPTS: ReadonlySet<string> = new Set(
  'gelesen gelezen vu lu lida visto letto seen read delivered zugestellt entregue consegnato odczytano wyświetlono'.split(
    ' ',
  ),
);

/** First- and second-person words, greetings and thanks: how people speak in a chat. */
const PERSONAL_SPEECH =
  /(?:^|[^\p{L}])(?:i|i['’]m|i['’]ve|my|me|we|our|us|you|your|hi|hello|hey|thanks|thank|please|sorry|ich|mein|meine|mir|mich|wir|uns|hallo|danke|bitte|je|j['’]ai|mon|ma|mes|moi|nous|vous|bonjour|merci|yo|mi|mis|nosotros|hola|gracias|io|mio|mia|ciao|grazie|eu|meu|minha|obrigad[oa]|ik|mijn|bedankt|ol[aá]|oi|estou|moro|tenho|quero|preciso|estoy|tengo|quiero|necesito|suis|voudrais|habe|möchte|vorrei|buongiorno|heb|wil|hoi|dank|jestem|mam|chcę|proszę|dziękuję|cześć|mój|moja)(?![\p{L}])|\?/iu;

function lift(s: Scored): void {
  if (s.score < 0.6) {
    s.score = 0.6;
    s.reason = 'speaker';
  }
}

/** How near a speaker's line the role's turns before and after it must start. */
const TURN_REACH = 400;

/**
 * Whether a role's turn starts within TURN_REACH before `at` and another within it after (with
 * `either`, one on either side is enough).
 */
function betweenTurns(roles: readonly number[], at: number, either: boolean): boolean {
  // The first turn at or after `at`, by binary search: a long chat has thousands of each.
  const lo = firstAtOrAfter(roles, at);
  const before = lo > 0 && at - roles[lo - 1]! <= TURN_REACH;
  const after = lo < roles.length && roles[lo]! - at <= TURN_REACH;
  return either ? before || after : before && after;
}

/**
 * Where the lines of a chat whose speaker is a role start: at the line start or after a time
 * stamp, the role, at most a name or a parenthesis, a colon and something said ("Agent: Sorry
 * to hear that.", "[10:33] Support: checking now", "Customer (Ana): Where is it?"). A ticket's
 * field ("Customer: Anna Schmidt", "Agent: Tom") is no turn of a chat.
 */
function roleLines(text: string): number[] {
  const out: number[] = [];
  ROLE_SPEAKER_LINE.lastIndex = 0;
  for (let m; (m = ROLE_SPEAKER_LINE.exec(text)) !== null;) {
    if (saysSomething(text, m.index + m[0].length)) out.push(m.index);
  }
  // A chat exported with each turn under a header of who and when ("Customer · 11:57 AM",
  // "User  6:27 PM"): what is said is on the next line.
  if (HEADER_TIME_ANY.test(text)) {
    ROLE_HEADER_LINE.lastIndex = 0;
    let header = false;
    for (let m; (m = ROLE_HEADER_LINE.exec(text)) !== null;) {
      // (A form has no time on its labels' lines: no need to read what is said.)
      header = true;
      out.push(m.index);
    }
    if (header) out.sort((a, b) => a - b);
  }
  return out;
}
/**
 * Whether an ID_AFTER word can start right after `end`: past a comma, blanks, a bracket or a
 * dash, a letter that one of them starts with. Checked before the pattern, which most names
 * would fail.
 */
function idWordAfter(text: string, end: number): boolean {
  for (let k = end; k < end + 4 && k < text.length; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c === 32 || c === 44 || c === 40 || c === 45 || c === 41 || c === 0x2033 || c === 0x2034) {
      continue;
    }
    return c === 100 || c === 98 || c === 109 || c === 115 || c === 110 || c === 112 || c === 103;
  }
  return false;
}

/** A date or a time closing a note's head line after its author. */
const NOTE_DATE_AFTER =
  /^,?[ \t]{1,3}(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2})[^\n]{0,24}(?:\r?\n|$)/;
/** A note's head up to its author: its word, then a dash or "from". */
const NOTE_HEAD =
  /(?:^|[^\p{L}])(?:notes?|notiz|memo|handoff|hand-off|übergabe|note interne|nota interna|nota)(?![\p{L}])[^\n]{0,60}?(?:[ \t][–—-]|[ \t]from)[ \t]{1,2}$/iu;

/** Whether the line before `start` is a note's head naming its author ("Shift notes - "). */
function noteHeadBefore(text: string, start: number): boolean {
  const from = lineStartWithin(text, start, 100);
  return from >= 0 && NOTE_HEAD.test(text.slice(from, start));
}
/** A note's word and the bracket that holds its author: "Work notes (", "Internal note (". */
const NOTE_BEFORE_PAREN = /\b(?:notes?|comments?|internal|update|reply|remarks?)[ \t]\($/i;

/** What a person's name is given with: a birth date, a record's or an id's label. */
const ID_AFTER =
  /^(?:,[ \t]{0,2}|[ \t]{1,4}|[ \t]?\([ \t]?|[ \t]?[-–—][ \t]?)(?:dob|d\.o\.b|date of birth|born|mrn|ssn|nhs(?: no| number)?|member id|patient id|geb\.|geboren|née?|nata|nato|nacid[oa])(?![\p{L}])/iu;
/** A sentence's end, then a dash: a note's closing signature. */
// (Or the phone number it closes: "... au +33 7 13 59 80 99 — Judicaël".)
// (After a closing quote too, a quotation's attribution: '"Works on my laptop" - Tobias'.)
// (Or the introduction goes on with who the writer is: "I'm Nandini and my date of birth is",
// "it's Amara from accounts", "I'm Tahu here", "I'm Ama with the billing team".)
const SELF_CLAUSE_END =
  /^(?:[.,!;:]|[ \t](?:and|from|with|here|again|speaking|calling|writing|und|von|et|de|y|e)(?![\p{L}]))/u;
const IT_IS_BEFORE = /(?:^|[^\p{L}])(?:it['’]s|it is|this is)[ \t]{1,2}$/iu;
const CALLER_AFTER = /^[ \t](?:from|here|speaking|calling|again)(?![\p{L}])/u;
const FIRST_PERSON_BEFORE =
  /(?:^|[^\p{L}])(?:I['’]m|I am|je suis|ich bin|soy|sono|sou)[ \t]{1,2}$/iu;
const QUOTE_DASH_BEFORE = /["”][ \t]{1,2}(?:[—–-]|--)[ \t]?$/u;
const DASH_SIGN_OFF_BEFORE = /(?:[.!?)"”]|\d\d)[ \t]{1,2}(?:[—–-]|--)[ \t]?$/u;
/**
 * The end of the line or text, or a comma and a role ("— J. Nikolaus, RN"), or the writer's
 * number in brackets ("– Amparo (971-247-2389)").
 */
const DASH_SIGN_OFF_AFTER =
  /^["”]?[ \t]*(?:\r?\n|$|,[ \t]?[A-Z]{2,4}\b|\([ \t]?\+?\d[\d .()/-]{5,22}\)[ \t]*(?:\r?\n|$))/;
const CHAT_ROLES = String.raw`agent|support|operator|rep|representative|advisor|adviser|specialist|agente|conseiller|conseillère|berater|beraterin|medewerker|medewerkster|mitarbeiter|mitarbeiterin|asesor|asesora|operatore|operatrice|atendente`;
/** A chat line's time and role before the agent's name ("[10:33] Agent ", "Medewerker "). */
const ROLE_THEN_NAME = new RegExp(
  String.raw`(?:^|\n)[ \t>]*(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?[\])]?[ \t]*(?:[-–][ \t]*)?)?(?:${CHAT_ROLES})(?:[ \t]+|[ \t]*\()$`,
  'iu',
);
/** The roles a support chat's lines are spoken by ("Agent:", "Besucher:", "Visitante:"). */
const SPEAKER_ROLES = String.raw`agent|support|customer|client|bot|chatbot|assistant|operator|rep|representative|advisor|adviser|specialist|visitor|guest|user|kunde|kundin|kundendienst|besucher|besucherin|nutzer|benutzer|cliente|agente|conseiller|conseillère|berater|beraterin|visiteur|visiteuse|utilisateur|soporte|visitante|usuario|klant|bezoeker|medewerker|medewerkster|mitarbeiter|mitarbeiterin|pharmacien|pharmacienne|pharmacist|apotheker|apothekerin|farmacéutico|farmacéutica|farmacista|receptionist|rezeption|réception|recepción|concierge|seller|buyer|host|landlord|tenant|subscriber|banker|member|patient|caller|nurse|driver|rider|courier|technician|dispatcher|teller|consultant|preparer`;
/**
 * The rest of a chat turn's header line after the speaker: the team in brackets or the role
 * after a dash, then the time set off by two blanks or a middle dot ("Louis  6:27 PM", "Jude
 * (Loopfit) · 5:26 PM", "Dashawn - Support · 8:13 PM"). What is said follows on the next line.
 */
const HEADER_TIME = new RegExp(
  String.raw`^(?:[ \t]\([^()\n]{1,40}\))?(?:[ \t]*[-–][ \t]*(?:${CHAT_ROLES})\b)?(?:[ \t]{2,}|[ \t]*[·•|—-][ \t]*)${CHAT_STAMP}[ \t]*(?:\r?\n|$)`,
  'iu',
);
/** Whether a text has any header line of that kind (checked before the role's pattern). */
const HEADER_TIME_ANY = new RegExp(
  String.raw`(?: {2}|·[ \t]*|•[ \t]*|\|[ \t]*|[—-][ \t]*)${CLOCK}[ \t]*(?:\r?\n|$)`,
);
const ROLE_HEADER_LINE = new RegExp(
  String.raw`^[ \t>]*(?:you|me|${SPEAKER_ROLES})(?:[ \t]+\d{1,6})?(?:[ \t]{2,}|[ \t]*[·•|—-][ \t]*)${CHAT_STAMP}[ \t]*$`,
  'gimu',
);
const ROLE_SPEAKER_LINE = new RegExp(
  String.raw`^[ \t>]*(?:${CHAT_STAMP}[ \t]*(?:[-–][ \t]*)?)?(?:(?:you|me|${SPEAKER_ROLES})(?:[ \t]+(?:\p{Lu}\p{Ll}+|\d{1,6})|[ \t]*\([^()\n]{1,30}\))?(?:[ \t]*:|[ \t]+[-–][ \t]+)|\[(?:you|me|${SPEAKER_ROLES})\][ \t]+)`,
  'gimu',
);

/**
 * Whether the rest of the line from `from` reads as something said: it opens with a quote mark,
 * asks or exclaims, or holds two words of letters ("My order never arrived."), where a form's
 * field holds a value ("4411", "Hauptstr. 5", "Open").
 */
function saysSomething(text: string, from: number): boolean {
  return SPEECH.test(lineAfter(text, from));
}

/** The rest of the line from `from`, at most 200 characters of it. */
function lineAfter(text: string, from: number): string {
  let to = text.indexOf('\n', from);
  if (to < 0) to = text.length;
  return text.slice(from, Math.min(to, from + 200));
}
/** A sentence of words: "What a wife." */
const SENTENCE_SAID = /^[ \t]*\p{Lu}[\p{Ll}'’]*(?:[ \t]+[\p{L}'’]+)+[.!?…]/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{M}'’-]+$/u;
const SPEECH = /^[ \t]*(?:["“'‘«]|[^\n]*[?!]|[^\n]*?\p{L}{2,}[ \t,]+\p{L}{2,})/u;

/**
 * Whether `start` begins a chat line's speaker: at the line start (see lineStart), or after a
 * time stamp there ("[11:48] Angel: ...", "09:15 - Angel: ...").
 */
/**
 * The colon that ends a speaker's name ending at `end`: right after it, or after the team in
 * brackets ("Charli (Harbourline Building Society): Hi ..."); -1 when neither.
 */
/** A turn's kind, as a bit: 1 a colon, 2 a dash, 4 anything else (a bracket, a header line). */
function turnKind(text: string, end: number): number {
  const c = text.charCodeAt(speakerColon(text, end));
  return c === 58 ? 1 : c === 45 || c === 0x2013 || c === 0x2014 ? 2 : 4;
}

function speakerColon(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c === 58) return end;
  // An IRC log's "<Randall> hi", a chat's "[Concepción] ¡Hola!": the closing bracket stands for
  // the colon.
  if ((c === 62 || c === 93) && text.charCodeAt(end + 1) === 32) return end;
  // French puts a blank before the colon: "Acacie : Bonjour !".
  if (c === 32 && text.charCodeAt(end + 1) === 58 && text.charCodeAt(end + 2) === 32)
    return end + 1;
  if (c !== 32 && c !== 9 && c !== 0xb7) return -1;
  // (Most names go on with a blank and a word: nothing to read there.)
  const c2 = text.charCodeAt(end + 1);
  if (
    c === 32 &&
    c2 !== 40 &&
    c2 !== 32 &&
    c2 !== 9 &&
    c2 !== 0xb7 &&
    c2 !== 0x2022 &&
    c2 !== 45 &&
    c2 !== 0x2013 &&
    c2 !== 0x2014 &&
    c2 !== 91 &&
    c2 !== 124 &&
    // (A speaker for a firm: "Kerry @ PayFirst:".)
    c2 !== 64 &&
    // (An emoji the speaker put after their name: "Benedita ⚽:".)
    c2 < 0x2300
  ) {
    return -1;
  }
  const after = text.slice(end, end + 64);
  const m = TEAM_COLON.exec(after);
  if (m !== null) return end + m[0].length - 1;
  // A dash after the speaker, and its role after another ("Mohamed - i want to cancel",
  // "Jayden - Support - Sorry about that"): the dash stands for the colon.
  const d = DASH_TURN.exec(after);
  if (d !== null) return end + d[0].length - 1;
  // A turn's header line: its end stands for the colon, the turn is on the next line.
  const h = HEADER_TIME.exec(after);
  if (h === null) return -1;
  const eol = h[0].indexOf('\n');
  return eol < 0 ? end + h[0].length : end + eol;
}
/** The desks an agent speaks for: "Kendall - Scheduling:", "Remington (Billing):". */
const DEPARTMENTS = String.raw`billing|scheduling|sales|accounts|claims|reception|front desk|triage|dispatch|returns|bookings|reservations|admissions|pharmacy|care team|customer care|customer service|tech support|help ?desk|it support`;
const DASH_TURN = new RegExp(String.raw`^ [-–] (?:(?:${CHAT_ROLES}) [-–] )?(?=[^\s\d-])`, 'iu');
/**
 * The team in brackets or the role after a dash, then the colon ("Dashawn - Support:"), or the
 * time in brackets ("Kurt [15:21]:").
 */
const TEAM_COLON = new RegExp(
  String.raw`^(?: \([^()\n:]{1,40}\)| [-–] (?:${CHAT_ROLES}|${DEPARTMENTS})| @ \p{Lu}[\p{L}\p{N}&.'’-]{1,30}(?: \p{Lu}[\p{L}\p{N}&.'’-]{1,30}){0,2}| [\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]{1,8}| \[\d{1,2}:\d\d(?::\d\d)?(?: ?[AaPp][Mm])?\])[ \t]?:`,
  'iu',
);

function speakerStart(text: string, start: number): boolean {
  if (lineStart(text, start)) return true;
  // An IRC log's "<Randall> hi", a chat's "[Concepción] ¡Hola!" at the line's start.
  const open = text.charCodeAt(start - 1);
  if ((open === 60 || open === 91) && lineStart(text, start - 1)) return true;
  const from = lineStartWithin(text, start, 33);
  return from >= 0 && start - from <= 32 && TIME_PREFIX.test(text.slice(from, start));
}
const TIME_PREFIX = new RegExp(String.raw`^[ \t>]*${CHAT_STAMP}[ \t]*(?:[-–][ \t]*)?<?$`);

/** Whether only spaces, tabs, quote marks or '>' stand between the line start and `start`. */
function lineStart(text: string, start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 8; k--) {
    const ch = text[k]!;
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '>') return false;
  }
  return start <= 8 && /^[\s>]*$/.test(text.slice(0, start));
}

/**
 * When `[start, end)` fills its line (a résumé's or a signature's head) and an email address
 * stands within the two lines below, that address's local part, folded; otherwise null.
 */
function emailBelow(text: string, start: number, end: number): string | null {
  if (!lineStart(text, start) || !endsLineAfter(text, end)) return null;
  // (Every search stays within the 240 characters below: a text without a line break or an
  // '@' further on would otherwise be read to its end for every such line.)
  const eol = text.indexOf('\n', end);
  if (eol < 0 || eol > end + 48) return null;
  const below = text.slice(eol + 1, eol + 241);
  const second = below.indexOf('\n');
  const third = second < 0 ? -1 : below.indexOf('\n', second + 1);
  const at = eol + 1 + below.indexOf('@');
  if (at === eol || (third >= 0 && at >= eol + 1 + third)) return null;
  let k = at;
  while (k > eol + 1 && LOCAL_CHAR.test(text[k - 1]!)) k--;
  if (at - k < 2 || !DOMAIN_AFTER.test(text.slice(at + 1, at + 64))) return null;
  return fold(text.slice(k, at));
}
const LOCAL_CHAR = /[\w.+-]/;
const DOMAIN_AFTER = /^[\w-]+\./;

/**
 * Whether text[from, to) holds a character other than white space (what \s and trim() take)
 * and, when `quote` is set, '>': NOT_BLANK_OR_QUOTE.test() or trim().length > 0 on the slice,
 * without the slice.
 */
export function hasTextBetween(text: string, from: number, to: number, quote: boolean): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || (c >= 9 && c <= 13) || (quote && c === 62)) continue;
    if (c < 128 || !isUnicodeSpace(c)) return true;
  }
  return false;
}

/** The white space of JavaScript beyond ASCII (\s, String.prototype.trim). */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * A line that labels the address block under it: short and ending in a colon ("Lieferadresse:",
 * "Adresse de livraison :"), or naming an address or its recipient ("Ship to", "Billing
 * address", "Rechnungsadresse").
 */
const ADDRESS_LABEL_LINE =
  /^[ \t*_#>-]{0,4}(?:[^\n:]{1,40}:|[^\n]{0,30}(?:address|adresse|anschrift|dirección|direccion|indirizzo|endereço|adres|ship to|bill to|deliver to|sold to|recipient|empfänger|destinataire|destinatario))[ \t*_]*\r?$/iu;

/**
 * Whether text[start, end) fills its line with an address block right below (a line opening
 * with a number, or a finding of the pattern stage), and above it nothing, a blank line, a
 * sign-off or an ADDRESS_LABEL_LINE: an envelope's recipient.
 */
function addressBlockFollows(text: string, start: number, end: number, taken: readonly Span[]) {
  if (!lineStart(text, start)) return false;
  const bol = text.lastIndexOf('\n', start - 1);
  if (bol > 0) {
    const prevStart = text.lastIndexOf('\n', bol - 1) + 1;
    const prevHasText = hasTextBetween(text, prevStart, bol, true);
    if (
      prevHasText &&
      !endsWithSignOffLine(text.slice(prevStart, start)) &&
      !(bol - prevStart <= 48 && ADDRESS_LABEL_LINE.test(text.slice(prevStart, bol)))
    ) {
      return false;
    }
  }
  const eol = text.indexOf('\n', end);
  if (eol < 0 || hasTextBetween(text, end, eol, false)) return false;
  const next = text.slice(eol + 1, eol + 160).replace(/^[\s>]+/, '');
  if (/^\d/.test(next)) return true;
  const lines = next.split('\n', 3);
  const limit = eol + 1 + (lines[0]?.length ?? 0) + 1 + (lines[1]?.length ?? 0) + 4;
  return overlapsAny(taken, eol + 1, limit);
}

const NON_ASCII = /[^\x00-\x7f]/;
/**
 * A character other than white space and the '>' of a quoted mail line: what hasTextBetween
 * tests (exported for its tests).
 */
export const NOT_BLANK_OR_QUOTE = /[^\s>]/;
/** An email address right after a name ("Jona Zekl <jona58@..."). Exported for mayEmail's tests. */
// The domain's first label and its dot: "Lambda, Lambda@Edge" is no address.
export const EMAIL_AFTER = /^["']?[ \t]{0,2}[,;\t<(|:][ \t]{0,2}<?([\w.+-]{1,64})@[\w-]+\./u;
// (Not the first group of a phone number: "Nguyễn Thị Thu Hà, 0912 345 678"; not a date, "Maria
// Garcia 1984-03-12"; not the next cell after a tab: "Maria Garcia\t1984".)
// (Not a share or a rate: ", 60%".)
const NUMBER_AFTER = /^,?[ ]{1,2}(?:\d{1,4}[a-zA-Z]?(?![\d.:/%]|-\d|[ \t]\d{3})|s\/n)/;
/** An age between commas, then a word: ", 42, from Denver" (not ", 42, 28013 Madrid"). */
const AGE_AFTER = /^,[ \t](?:1[01]\d|[1-9]?\d),[ \t][\p{L}\p{N}]/u;
/** A subject's last word (not a sentence's end), a blank, a dash, a blank. */
const SUBJECT_BEFORE = /[\p{L}\p{N})][ \t][–—-][ \t]$/u;
/** A chat role in brackets, then the speaker's colon: " (Advisor):", " (Agent):". */
const ROLE_IN_BRACKETS_AFTER = new RegExp(String.raw`^[ \t]?\((?:${CHAT_ROLES})\)[ \t]?:`, 'iu');
/** What ends a subject line's name: the line's end, a role in brackets, another dash. */
const SUBJECT_END_AFTER = /^[ \t]*(?:\r?\n|$|\([^()\n]{1,40}\)|[–—-][ \t])/;
/** An age after a name, in years: ", 24 ans", " 74yo", ", 45 años", " (32 Jahre)". */
const AGE_NOUN_AFTER =
  /^,?[ \t]\(?(?:1[01]\d|[1-9]?\d)(?:[ \t]?(?:ans|años|anni|jahre|jaar|lat|years? old|y\.?o\.?|y\/o|yrs? old)|-years?-old|-(?:jährige|jarige))(?![\p{L}])/iu;
/** A birth date's label right after a name (see mayDobAfter). */
const DOB_AFTER =
  /^[ \t]?[,(;:–-]?[ \t]{0,2}(?:dob|d\.o\.b\.?|date of birth|born|b\.|geb\.|geboren|n[ée]e? le|nacid[oa]|nat[oa] il)(?![\p{L}])/iu;
/** Whether a blank, a comma, a bracket, a semicolon or a dash follows `end`, where DOB_AFTER can match. */
function mayDobAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return (
    c === 32 || c === 44 || c === 40 || c === 59 || c === 9 || c === 45 || c === 0x2013 || c === 58
  );
}
/** An age and a sex after a name, as a clinical note writes them: ", 44M,", ", 7F". */
const AGE_SEX_AFTER = /^,?[ \t](?:1[01]\d|[1-9]?\d)[MF](?![\p{L}\p{N}])/u;
/** A practice's, a hospital's or a desk's word right after the words a greeting names. */
const INSTITUTION_AFTER =
  /^[ \t](?:clinic|hospital|surgery|practice|pharmacy|centre|center|infirmary|team|support|desk|office|department|store|shop|klinik|praxis|apotheke|clinique|pharmacie|clínica|farmacia|ziekenhuis|apotheek)\b/iu;
/** A note in brackets after a name, in words: " (our new hire)", " (the son)". */
const NOTE_IN_BRACKETS = /^ \(\p{Ll}{2}/u;
/** Words of a firm's name that are no one's surname (see scoreSegment). */
const FIRM_ONLY_WORDS =
  'Solicitors|Holdings|Partners|Associates|Consulting|Consultants|Insurance|Assurance|Accountants|Architects|Logistics|Technologies|Solutions|Services|Ltd|Limited|LLC|LLP|Inc|GmbH|Plc|PLC|Dermatology|Dental|Pharmacy|Physiotherapy|Veterinary|Realty|Properties|Lettings|Joinery|Plumbing|Roofing|Mutual|Brewing|Humaines|Rekrutacja|Memberships|Claims|Legal|Residential|Capital|Advisory|PLLC|Bank';
const FIRM_ONLY_WORD = new RegExp(`^(?:${FIRM_ONLY_WORDS})$`);
// (After a partner's name too: "Ashdown & Keel LLP", "Morgan Hale Capital".)
const FIRM_ONLY_AFTER = new RegExp(
  `^(?: &| and)? (?:\\p{Lu}[\\p{Ll}'’-]+ )?(?:${FIRM_ONLY_WORDS})(?![\\p{L}])`,
  'u',
);
/** A department's or a robot's mailbox in angle brackets: its local part is a role. */
const ROLE_MAILBOX_AFTER =
  /^ <(?:no-?reply|do-?not-?reply|info|support|help|helpdesk|hr|rh|claims?|accounts?|billing|invoices?|recrutement|rekrutacja|recruiting|recruitment|jobs|careers|contact|hello|office|admin|service|services|team|sales|kontakt|bewerbung|payroll|finance|membership|memberships|enquiries|inquiries|reception|bookings?|orders?|noreply-[a-z]+)(?:[-_.][a-z]+)?@/i;
/** Endings of coined firm names that no given name or surname has. */
const ORG_WORD_ENDING = /^\p{Lu}\p{Ll}{2,}(?:com|corp|soft|tech)$/u;
const ORG_CONTEXT_AFTER =
  /^['’"]?(?:[ -](?!(?:and|und|et|y|of|from|at|is|was|has|had|our|your|my|his|her|their|the|a|an)\b)\p{L}[\p{L}&'’]{1,20}){0,2}(?:[ -](?:team|devs|air|airlines|airways|support|customer (?:service|care)|service|équipe|equipo|models?|modelle|modèles|modelos|store|shop|inc|llc|gmbh|s\.?a\.?|s\.?l\.?|ag|ltd|plc|business|app|account|mattress(?:es)?|cameras?|headphones|earbuds|laptops?|editions?|bundles?|mugs?|costumes?|posters?|merch|themed|figurines?|dolls?|plushies|perfumes?|fragrances?|sneakers|handbags?)\b|-team)/iu;
const ORG_CONTEXT_BEFORE =
  /(?<![\p{L}])(?:your|our|the|l['’]équipe|équipe|equipo de|equipo|ihr|ihre|ihrem|contacting|contacted|contacté|contactar con|nachricht an|welcome to|choosing|nella chat di|al chat de|au chat de|im chat von|in de chat van|ao chat|ao chat da|all|alle|tous les modèles|todos los modelos|les modèles|los modelos|care,|support,|soporte,|soporte de|service client,|al cliente,)[ \t]{1,2}$/iu;

/** Trailing spaces and tabs of `s`, counting at most 3. */
function trailingBlanks(s: string): number {
  let t = 0;
  while (t < 3 && t < s.length) {
    const c = s.charCodeAt(s.length - 1 - t);
    if (c !== 32 && c !== 9) break;
    t++;
  }
  return t;
}

/**
 * Whether `s` ends with a house number or a postcode and one or two blanks: what
 * /(?:^|\s)\d[\dA-Za-z-]{0,7},?[ \t]{1,2}$/ tests, without a search of `s`. The number is the
 * run of [\dA-Za-z-] right before an optional comma and the blanks (its start must follow white
 * space or the start of `s`, and no such character is white space), so it is checked where it
 * stands.
 */
function endsWithNumber(s: string): boolean {
  const t = trailingBlanks(s);
  if (t === 0 || t > 2) return false;
  // (A tab separates a table's cells: "239\tJürgen Hoffmann" is a count and a name.)
  if (s.charCodeAt(s.length - 1) === 9) return false;
  let j = s.length - t;
  if (j > 0 && s.charCodeAt(j - 1) === 44 /* , */) j--;
  let a = j;
  while (a > 0 && a > j - 9 && isNumberChar(s.charCodeAt(a - 1))) a--;
  const len = j - a;
  if (len === 0 || len > 8) return false;
  if (a > 0 && isNumberChar(s.charCodeAt(a - 1))) return false;
  const c = s.charCodeAt(a);
  if (c < 48 || c > 57) return false;
  // A date's year closing its clause: "Born on the twenty-first of March, 1976, Gordon McPhee".
  if (len === 4 && j < s.length - t && MONTH_BEFORE_YEAR.test(s.slice(Math.max(0, a - 24), a))) {
    return false;
  }
  return a === 0 || /\s/.test(s[a - 1]!);
}
/** A month's name, and maybe its day, right before a year. */
const MONTH_BEFORE_YEAR =
  /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?,?[ \t]+)?$/i;

/** An address in angle brackets right after a name: "<jurgen@gmx.de>". */
const DISPLAY_NAME_AFTER = /^ <[^<>@\s]{1,64}@[^<>@\s]{1,255}>/;

/** [\dA-Za-z-]: a character of a house number ("12b", "A-1"). */
function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/** ORG_CONTEXT_BEFORE made sticky, for endsWithOrgContext. */
const ORG_CONTEXT_BEFORE_Y = new RegExp(ORG_CONTEXT_BEFORE.source, 'iuy');
/**
 * The lengths (UTF-16 units) its words can match: each alternative has one length, and case
 * folding keeps a character in its plane, so the match length is that of the alternative.
 */
const ORG_CONTEXT_LENGTHS: readonly number[] = (() => {
  const src = ORG_CONTEXT_BEFORE.source;
  const open = src.indexOf('(?:');
  const close = src.indexOf(')[ \\t]{1,2}$');
  const lengths = new Set<number>();
  for (const alt of src.slice(open + 3, close).split('|')) {
    lengths.add(analysePattern(alt, true).maxLen);
  }
  return [...lengths].sort((x, y) => x - y);
})();

/**
 * ORG_CONTEXT_BEFORE.test(s) with a few anchored attempts instead of a search of `s`: its words
 * end right before the one or two closing blanks, so each can only start a fixed distance back.
 */
function endsWithOrgContext(s: string): boolean {
  const t = trailingBlanks(s);
  if (t === 0 || t > 2) return false;
  const e = s.length - t;
  for (const len of ORG_CONTEXT_LENGTHS) {
    const k = e - len;
    if (k < 0) break;
    ORG_CONTEXT_BEFORE_Y.lastIndex = k;
    if (ORG_CONTEXT_BEFORE_Y.test(s)) return true;
  }
  return false;
}

/** What a cue pattern's source says about the text it can match, computed once a pattern. */
interface CueInfo {
  /** Every word of the pattern: the word before a segment must be one of them. */
  words: ReadonlySet<string>;
  /**
   * Punctuation that may stand right before the name: the pattern's source has it (the rule
   * the cues were written against) and one of its atoms can match it (see analysePattern).
   */
  puncts: string;
  /** The longest text (UTF-16 units) it can match; sticky attempts farther back are skipped. */
  maxLen: number;
}

const cueCache = new Map<RegExp, CueInfo>();

function cueInfo(re: RegExp): CueInfo {
  let info = cueCache.get(re);
  if (info === undefined) {
    const src = re.source;
    const shape = analysePattern(src, re.unicode);
    const listed =
      (src.includes(':') ? ':' : '') +
      (src.includes(',') ? ',' : '') +
      (src.includes('\\n') ? '\n' : '') +
      (src.includes('\\(') ? '(' : '') +
      (src.includes('\\?') ? '?' : '') +
      (src.includes('"') ? '"' : '') +
      (src.includes("'") ? "'" : '') +
      // Dashes a label may end with ("Full name - ..."); a pattern that names one matches it.
      (src.includes('-') ? '-' : '') +
      (src.includes('–') ? '–' : '') +
      (src.includes('—') ? '—' : '') +
      // A "|" in a character class (a pipe table's cell border), not an alternation's.
      (/\[[^\]]*\|[^\]]*\]/.test(src) ? '|' : '');
    // Everything after the punctuation up to the name is spaces and tabs, and a cue match holds
    // more than spaces, so it covers the punctuation: an atom of the pattern must match it.
    // (`(?:` and `{1,3}` put ':' and ',' in every source without the pattern matching them.)
    const puncts = [...listed].filter(
      (p) => shape.wild || shape.chars.has(p) || (p === '\n' && shape.space),
    );
    info = {
      words: new Set(src.toLowerCase().match(/\p{L}[\p{L}'’]*/gu) ?? []),
      puncts: puncts.join(''),
      maxLen: shape.maxLen,
    };
    cueCache.set(re, info);
  }
  return info;
}

/** What analysePattern learns from a pattern's source. */
export interface PatternShape {
  /** An upper bound on the length (UTF-16 units) of a match; Infinity when unbounded. */
  maxLen: number;
  /** Characters its literals and classes name (letters as written, case aside). */
  chars: ReadonlySet<string>;
  /** Whether \s can match (so a line break may). */
  space: boolean;
  /** Whether a dot, a negated class, a range or an escape such as \S may match anything else. */
  wild: boolean;
}

/**
 * Reads a pattern's source: an upper bound on the length of its matches and the characters it
 * can match. It understands what the cue patterns use (literals, escapes, classes, groups,
 * look-arounds, alternation, the quantifiers ? * + {m,n}); anything else (back-references,
 * named groups, \u{...}) gives Infinity and `wild`, which only turns the shortcuts off.
 */
export function analysePattern(src: string, unicode: boolean): PatternShape {
  let pos = 0;
  let failed = false;
  const chars = new Set<string>();
  let space = false;
  let wild = false;
  // In Unicode mode a class, an escape such as \p{L} or a dot can match a surrogate pair.
  const wide = unicode ? 2 : 1;
  const fail = (): number => {
    failed = true;
    pos = src.length;
    return Infinity;
  };
  /** An escape at `pos` (inside or outside a class): records what it matches, returns its width. */
  const escape = (): number => {
    const e = src[pos + 1];
    if (e === undefined) return fail();
    if (e === 'p' || e === 'P') {
      const close = src.indexOf('}', pos);
      if (close < 0) return fail();
      const name = src.slice(pos + 3, close);
      if (e === 'P' || !/^(?:L|Lu|Ll|M|N)$/.test(name)) wild = true;
      pos = close + 1;
      return wide;
    }
    if (e === 'u' || e === 'x' || e === 'c' || /[0-9kBb]/.test(e)) {
      if (e === 'b' || e === 'B') {
        pos += 2;
        return 0;
      }
      return fail();
    }
    pos += 2;
    if (e === 's') space = true;
    else if (e === 'S' || e === 'D' || e === 'W') {
      wild = true;
      return wide;
    } else if (e === 'd' || e === 'w') {
      // Digits, ASCII letters and '_': none of the punctuation the cues care about.
      chars.add('_');
    } else if (e === 'n' || e === 'r' || e === 't' || e === 'f' || e === 'v') {
      chars.add({ n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' }[e]);
    } else {
      chars.add(e);
    }
    return 1;
  };
  const alternation = (): number => {
    let best = sequence();
    while (src[pos] === '|') {
      pos++;
      best = Math.max(best, sequence());
    }
    return best;
  };
  const sequence = (): number => {
    let total = 0;
    while (pos < src.length && src[pos] !== '|' && src[pos] !== ')') total += quantified(atom());
    return total;
  };
  const atom = (): number => {
    const ch = src[pos]!;
    if (ch === '(') {
      pos++;
      let zeroWidth = false;
      if (src[pos] === '?') {
        const kind = src.slice(pos, pos + 3);
        if (kind.startsWith('?:')) pos += 2;
        else if (kind.startsWith('?=') || kind.startsWith('?!')) {
          pos += 2;
          zeroWidth = true;
        } else if (kind === '?<=' || kind === '?<!') {
          pos += 3;
          zeroWidth = true;
        } else return fail();
      }
      const len = alternation();
      if (src[pos] !== ')') return fail();
      pos++;
      return zeroWidth ? 0 : len;
    }
    if (ch === '[') {
      pos++;
      const negated = src[pos] === '^';
      if (negated) {
        wild = true;
        pos++;
      }
      let widest = negated ? wide : 1;
      let first = true;
      while (pos < src.length && src[pos] !== ']') {
        if (src[pos] === '\\') {
          widest = Math.max(widest, escape());
        } else {
          const cp = src.codePointAt(pos)!;
          const c = String.fromCodePoint(cp);
          // A '-' between two characters is a range: treat it as matching anything.
          if (c === '-' && !first && src[pos + 1] !== ']') wild = true;
          chars.add(c);
          if (cp > 0xffff) widest = 2;
          pos += c.length;
        }
        first = false;
      }
      if (src[pos] !== ']') return fail();
      pos++;
      return widest;
    }
    if (ch === '\\') return escape();
    if (ch === '^' || ch === '$') {
      pos++;
      return 0;
    }
    if (ch === '.') {
      wild = true;
      pos++;
      return wide;
    }
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === ')') return fail();
    const c = String.fromCodePoint(src.codePointAt(pos)!);
    chars.add(c);
    pos += c.length;
    return c.length;
  };
  const quantified = (len: number): number => {
    const q = src[pos];
    let out = len;
    if (q === '?') {
      pos++;
    } else if (q === '*' || q === '+') {
      pos++;
      out = len === 0 ? 0 : Infinity;
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(pos));
      if (m === null) return fail();
      pos += m[0].length;
      const most = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      out = len === 0 ? 0 : len * most;
    } else {
      return len;
    }
    if (src[pos] === '?') pos++; // lazy
    return out;
  };
  const len = alternation();
  if (failed || pos !== src.length) return { maxLen: Infinity, chars, space: true, wild: true };
  return { maxLen: len, chars, space, wild };
}

/**
 * The cues (cueMask bits) whose word check the segment at `start` passes: the cues that hold
 * the lower-cased word right before it (skipping spaces and a full stop), or that can match
 * the punctuation standing there, which goes to prevPunct.
 */
function previousCueMask(text: string, start: number): number {
  prevPunct = '';
  let k = start - 1;
  // (A form pads its labels to align the values: up to LP's sixteen blanks before a colon.)
  while (k >= 0 && k >= start - 16 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k < 0) return 0;
  const ch = text[k]!;
  if (k < start - 5 && ch !== ':' && ch !== '|') return 0;
  if (':,(\n>?"\'|'.includes(ch)) {
    prevPunct = ch;
    return cuePunctMask!.get(ch) ?? 0;
  }
  // A dash between spaces separates a label from its value ("Full name - ..."); one inside a
  // word ("ex-Zombie") does not.
  if (
    (ch === '-' || ch === '–' || ch === '—') &&
    k > 0 &&
    (text[k - 1] === ' ' || text[k - 1] === '\t')
  ) {
    prevPunct = ch;
    return cuePunctMask!.get(ch) ?? 0;
  }
  // Dot leaders stand where a label's colon does: "Name ........ Rex Padberg".
  if (ch === '.' && k >= 2 && text[k - 1] === '.' && text[k - 2] === '.') {
    prevPunct = ':';
    return cuePunctMask!.get(':') ?? 0;
  }
  if (ch === '.') k--; // "Mr. Smith", "Sra. Núñez"
  const wordEnd = k + 1;
  // The word, hashed as it is read (lower-cased, ASCII only): most words before a name are
  // ASCII, and then no substring is cut.
  let h = 0x811c9dc5 | 0;
  let hPrev = h;
  let ascii = true;
  while (k >= 0 && k > wordEnd - 24 && isLetterAt(text, k)) {
    let c = text.charCodeAt(k);
    if (c >= 128) ascii = false;
    else if (c >= 65 && c <= 90) c += 32;
    hPrev = h;
    h = Math.imul(h ^ c, 0x01000193);
    k--;
  }
  if (k + 1 === wordEnd) return 0;
  // An opening quote is not part of the word: "reply: 'Dear Chidinma, ...'".
  const q = text.charCodeAt(k + 1);
  if ((q === 39 || q === 0x2019) && k + 2 < wordEnd) {
    k++;
    h = hPrev;
  }
  if (!ascii) return cueWordMask!.get(text.slice(k + 1, wordEnd).toLowerCase()) ?? 0;
  return asciiCueMask(text, k + 1, wordEnd, h);
}

/** Cue words of ASCII letters and apostrophes in an open-addressing table (see cueTables). */
let cueSlots = 0;
let cueKeys: string[] = [];
let cueMasks = new Int32Array(0);

/** Adds an ASCII cue word (read backwards, as previousCueMask hashes it) to the table. */
function addAsciiCue(word: string, mask: number): void {
  let h = 0x811c9dc5 | 0;
  for (let k = word.length - 1; k >= 0; k--) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  let slot = h & (cueSlots - 1);
  while (cueKeys[slot] !== '') slot = (slot + 1) & (cueSlots - 1);
  cueKeys[slot] = word;
  cueMasks[slot] = mask;
}

/** The mask of text[from, to) (ASCII, hashed backwards and lower-cased into `h`), or 0. */
function asciiCueMask(text: string, from: number, to: number, h: number): number {
  let slot = h & (cueSlots - 1);
  const len = to - from;
  for (;;) {
    const w = cueKeys[slot]!;
    if (w === '') return 0;
    if (w.length === len) {
      let same = true;
      for (let k = 0; k < len; k++) {
        let c = text.charCodeAt(from + k);
        if (c >= 65 && c <= 90) c += 32;
        if (c !== w.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (same) return cueMasks[slot]!;
    }
    slot = (slot + 1) & (cueSlots - 1);
  }
}

/** Whether `before` ends as a label does: ":", "|", "=", a dash or a dot, then blanks or a quote. */
function endsLikeLabel(before: string): boolean {
  let k = before.length - 1;
  while (k >= 0 && k >= before.length - 14) {
    const c = before.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 34 && c !== 39) break;
    k--;
  }
  const c = before.charCodeAt(k);
  return c === 58 || c === 124 || c === 61 || c === 46 || c === 45 || c === 0x2013 || c === 0x2014;
}

/**
 * Whether a before-cue ends exactly at the end of `before`. Sticky patterns are tried only at
 * word starts (a handful of anchored attempts instead of one per offset of the window).
 */
function endsWithCue(
  re: RegExp,
  before: string,
  starts = wordStarts(before),
  maxLen = cueInfo(re).maxLen,
): boolean {
  if (re === CUE_SIGN_OFF_LINE) return endsWithSignOffLine(before);
  // A label ends in its colon, pipe, equals sign, dash or dot leader (then blanks or a quote):
  // the long label patterns are not tried where `before` ends otherwise.
  if ((re === CUE_LABEL || re === CUE_LABEL_STRONG) && !endsLikeLabel(before)) return false;
  if (!re.sticky) return re.test(before);
  // A match from k ends at the end of `before`, so it is before.length - k long.
  const min = before.length - maxLen;
  for (const k of starts) {
    if (k < min) continue;
    re.lastIndex = k;
    if (!re.test(before)) continue;
    // "in ms. Defaults to 100", "100 ms. Then": lower-case "ms" after a number or "in" is
    // milliseconds ("with ms. Quinzia" stays a title).
    if (re === CUE_TITLE && before.startsWith('ms', k) && MS_UNIT_BEFORE.test(before.slice(0, k))) {
      continue;
    }
    // "MS Crypto API", "MS Teams": "MS" in capitals without its dot is Microsoft.
    if (re === CUE_TITLE && before.startsWith('MS', k) && before[k + 2] !== '.') continue;
    // "lt. Gutachten" (German "laut", according to), "col. 3": military ranks in lower case
    // are other abbreviations.
    if (re === CUE_TITLE && LOWER_RANK.test(before.slice(k, k + 5))) continue;
    // "Frequently Asked Questions": a capitalised verb is a heading's, not speech.
    if (re === CUE_SPEECH && k < before.length && /[A-Z]/.test(before[k]!)) continue;
    // `<h1>Hello Hono!</h1>`, "'Hello World'": a greeting inside markup or a string literal.
    // A quoted draft ("reply: 'Dear Chidinma, thanks ...'") is a message, not a literal.
    if (re === CUE_GREETING && k > 0 && greetingInCode(before, k)) continue;
    // "Event Name | Logger Method", "File name: Report": the name of a thing.
    if (re === CUE_LABEL_STRONG && thingBeforeName(before, k)) continue;
    return true;
  }
  return false;
}

/**
 * Whether the greeting at k sits in markup (`<h1>Hello Hono!`) or in a string literal passed or
 * assigned in code (`print("Hello World")`, `msg = 'Hi there'`): a quote before it that follows
 * an opening bracket, "=", "," or "+", or the start of the text.
 */
function greetingInCode(before: string, k: number): boolean {
  const q = before.charCodeAt(k - 1);
  if (q === 62) return true; // ">"
  if (q !== 34 && q !== 39 && q !== 96) return false;
  let j = k - 2;
  while (j >= 0 && before.charCodeAt(j) === 32) j--;
  return j < 0 || '([{=,+'.includes(before[j]!);
}

/**
 * Words that make "X name" the name of a thing, not of a person ("file name", "app name",
 * "Event Name"). Person-ish ones ("customer name", "display name", "account name") are absent.
 */
const THING_WORDS: ReadonlySet<string> = new Set(
  'event file host domain app application product project package module class function method variable field column table key branch repo repository brand company business store shop team group channel server device computer machine username tag label font image folder directory document object property attribute param parameter type element node service bucket database schema index queue topic job task workflow template theme plugin component model street city country town region venue hotel restaurant course program item cookie header environment env config setting option command script process container cluster instance network interface route endpoint api bundle asset site website page section step stage release build version tab sheet workbook dataset metric'.split(
    ' ',
  ),
);

/** Whether the word before offset k (where a cue starting with "name" matched) is a thing. */
function thingBeforeName(s: string, k: number): boolean {
  if (!/^name\b/i.test(s.slice(k, k + 5))) return false;
  let e = k;
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
  let b = e;
  while (b > 0 && /[A-Za-z]/.test(s[b - 1]!)) b--;
  return b < e && THING_WORDS.has(s.slice(b, e).toLowerCase());
}

const EMPTY_STARTS: number[] = [];
const LOWER_RANK = /^(?:lt|col|sgt|capt|gen)\b/;

/** CUE_SIGN_OFF_LINE made sticky, for endsWithSignOffLine. */
const CUE_SIGN_OFF_LINE_Y = new RegExp(CUE_SIGN_OFF_LINE.source, 'iuy');

/**
 * CUE_SIGN_OFF_LINE.test(s), with anchored attempts instead of a search of `s`. A match holds
 * no line break but the one it may start with and the one or two (a blank line) before its
 * closing spaces, so it can only start at the line break before the last one, or the one before
 * that after a blank line (or at the start of `s`).
 */
function endsWithSignOffLine(s: string): boolean {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
  if (e === 0 || s.charCodeAt(e - 1) !== 10) return false;
  const p = e - 1;
  const q = p > 0 ? s.lastIndexOf('\n', p - 1) : -1;
  CUE_SIGN_OFF_LINE_Y.lastIndex = q < 0 ? 0 : q;
  if (CUE_SIGN_OFF_LINE_Y.test(s)) return true;
  // A blank line between ("Yours faithfully,\n\nEmeka Okonkwo"): one line further up.
  if (q <= 0 || hasTextBetween(s, q + 1, p, false)) return false;
  const r = s.lastIndexOf('\n', q - 1);
  CUE_SIGN_OFF_LINE_Y.lastIndex = r < 0 ? 0 : r;
  return CUE_SIGN_OFF_LINE_Y.test(s);
}

/** Offsets in `s` where a word begins (a letter not preceded by a letter or apostrophe). */
function wordStarts(s: string): number[] {
  const out: number[] = [];
  let inWord = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const letter =
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && nonAsciiLetter(s, k, c));
    if (letter && !inWord) out.push(k);
    // A digit joins the word too: the "FR." of a model code "G8313FR." is not the title "Fr.".
    inWord = letter || (c >= 48 && c <= 57) || ((c === 39 || c === 0x2019) && inWord);
  }
  return out;
}

const LETTER = /[\p{L}'’]/u;

/**
 * LETTER.test(s[k]) for a code unit `c` of 0xC0 or more: Latin letters with accents and the
 * scripts without capitals are decided by range, the rest by the pattern (a pattern test for
 * each character of a long paste in Arabic or Korean was most of the name pass's work there).
 */
function nonAsciiLetter(s: string, k: number, c: number): boolean {
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return isUncasedUnit(c) || LETTER.test(s[k]!);
}

/** LETTER.test(text[k]), deciding ASCII without the regex. */
function isLetterAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39;
  return LETTER.test(text[k]!);
}

/** Whether a word of [from, to) that is not an initial passes `test`. */
function someName(from: number, to: number, test: (info: WordInfo) => boolean): boolean {
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & F_INITIAL) === 0 && test(tokInfo[k]!)) return true;
  }
  return false;
}

/**
 * Whether token `from` (text[start, end)) is a word no list and no dictionary knows, four
 * letters or more: unknown to the name lists and no ordinary English word ("Tizian", "Mirac").
 */
function unknownName(from: number, start: number, end: number): boolean {
  return (
    (tokFlags[from]! & (F_FIRST | F_LAST | F_COMMON | F_STOP | F_INITIAL)) === 0 &&
    end - start >= 4 &&
    !isEnglishWord(tokInfo[from]!.text)
  );
}

/**
 * Whether a label in a cell or on its own line asks for this name: a name's or a person's
 * label; for ordinary words only one that says "name"; for words no list knows, not "Name"
 * alone, which heads lists of anything.
 */
function labelsName(label: string, onlyCommon: boolean, anyKnown: boolean): boolean {
  return (
    (NAME_HEADER.test(label) || LINE_LABEL.test(label)) &&
    (!onlyCommon || NAME_WORD_HEADER.test(label)) &&
    (anyKnown || !GENERIC_NAME_HEADER.test(label))
  );
}

/**
 * Whether a candidate reads as a name by its words alone, for cues that do not say a name
 * follows (a note's author in brackets, a dash signature): a listed name that is not only
 * ordinary words ("Harriet", not "Rosemary"), or a word no list or dictionary knows.
 */
function nameOfItsOwn(
  anyKnown: boolean,
  onlyCommon: boolean,
  from: number,
  start: number,
  end: number,
): boolean {
  return anyKnown ? !onlyCommon : unknownName(from, start, end);
}

/**
 * Whether every word of [from, to) could be a name part: one no list or dictionary knows (see
 * unknownName), a listed name that is also an ordinary word ("Julia", "Robin", "Gill", "Miles"),
 * or with `listed`, any listed name. Initials are not asked.
 */
function allNameLike(from: number, to: number, listed = false): boolean {
  for (let k = from; k < to; k++) {
    const f = tokFlags[k]!;
    if ((f & F_INITIAL) !== 0 || (listed && (f & (F_FIRST | F_LAST)) !== 0)) continue;
    // A particle inside the name ("Dalida Di Benedetto", "Floor de Bruijn").
    if (k > from && k + 1 < to && capitalParticle(tokInfo[k]!.text)) continue;
    if (unknownName(k, tokStart[k]!, tokEnd[k]!)) continue;
    if ((f & F_COMMON) !== 0) continue;
    return false;
  }
  return true;
}

/**
 * Whether a word of [from, to) that no list knows is shaped like an English word the dictionary
 * list lacks: a derivational ending ("Authentication", "Management") or English words joined
 * by hyphens ("Two-Factor").
 */
function someWordLike(from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & (F_INITIAL | F_FIRST | F_LAST | F_COMMON)) !== 0) continue;
    const w = tokInfo[k]!.text;
    if (ENGLISH_ENDING.test(w)) return true;
    if (w.includes('-') && w.split('-').every((p) => isEnglishWord(p) || /^\d+$/.test(p))) {
      return true;
    }
  }
  return false;
}
const ENGLISH_ENDING =
  /(?:tion|sion|ment|ness|ity|ance|ence|able|ible|ology|ware|ship|hood|less|ful|ical|ized|ised|izing|ising)s?$/;

/**
 * Whether [start, end) is a mail header's display name: the whole of a quoted string right
 * before the address in angle brackets ('"Joeline Reinelt" <j.r@example.org>').
 */
/**
 * Whether an address's local part is made from the run's words as mail systems make them:
 * the first initial and the surname ("treinger", "t.reinger"), the surname and the initial
 * ("reingert"), or the initials alone ("tr" for Tremaine Reinger) when no word of the run is
 * an ordinary word ("Acme Support <as@...>" is no one).
 */
/** Whether an address's local part holds the first and the last word of the run [from, to). */
function bothEchoed(local: string, from: number, to: number): boolean {
  let first: WordInfo | null = null;
  let last: WordInfo | null = null;
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & F_INITIAL) !== 0) continue;
    first ??= tokInfo[k]!;
    last = tokInfo[k]!;
  }
  return (
    first !== null &&
    last !== null &&
    first !== last &&
    first.key.length >= 2 &&
    last.key.length >= 2 &&
    local.includes(first.key) &&
    local.includes(last.key)
  );
}

function localFromNames(local: string, from: number, to: number): boolean {
  let first = '';
  let last = '';
  let initials = '';
  let ordinary = false;
  for (let k = from; k < to; k++) {
    const info = tokInfo[k]!;
    if ((tokFlags[k]! & F_INITIAL) !== 0) continue;
    if (first === '') first = info.key;
    last = info.key;
    initials += info.key[0] ?? '';
    if (info.cls === 'common') ordinary = true;
  }
  if (initials.length < 2 || last.length < 3) return false;
  const letters = local.replace(/[^\p{L}]/gu, '');
  return (
    letters.includes(first[0] + last) ||
    letters.includes(last + first[0]) ||
    (!ordinary && letters === initials)
  );
}

function displayName(text: string, start: number, end: number): boolean {
  const q = text.charCodeAt(start - 1);
  return (
    (q === 34 || q === 39) &&
    text.charCodeAt(end) === q &&
    /^[ \t]{0,2}</.test(text.slice(end + 1, end + 4))
  );
}

/** Whether a word of [from, to) that is not an initial has a character beyond ASCII. */
function someNonAscii(from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & F_INITIAL) === 0 && NON_ASCII.test(tokInfo[k]!.text)) return true;
  }
  return false;
}

/**
 * Whether every letter beyond ASCII of the segment [from, to) is also in a word of small
 * letters around it (120 characters either side): then the letters are the text's own ("Le
 * Service Client de la Société Générale a répondu"), not a foreign name's ("Krisztián
 * Szöllösy listed his top 20 songs").
 */
function nativeLetters(
  text: string,
  from: number,
  to: number,
  start: number,
  end: number,
): boolean {
  const lo = Math.max(0, start - 120);
  const hi = Math.min(text.length, end + 120);
  let any = false;
  for (let k = from; k < to; k++) {
    const w = tokInfo[k]!.text;
    for (let i = 0; i < w.length; i++) {
      if (w.charCodeAt(i) < 128) continue;
      const ch = w[i]!.toLowerCase();
      if (!inLowerWord(text, ch, lo, start) && !inLowerWord(text, ch, end, hi)) return false;
      any = true;
    }
  }
  return any;
}

/** Whether `ch` occurs in text[from, to) inside a word that starts with a small letter. */
function inLowerWord(text: string, ch: string, from: number, to: number): boolean {
  for (let i = text.indexOf(ch, from); i >= 0 && i < to; i = text.indexOf(ch, i + 1)) {
    let b = i;
    while (b > from && isWordLetter(text.charCodeAt(b - 1))) b--;
    const first = text[b]!;
    if (first !== first.toUpperCase()) return true;
  }
  return false;
}

/** A letter of a word, roughly: ASCII letters, and anything from U+00C0 on but punctuation. */
function isWordLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f))
  );
}

/** A definite or an indefinite article of a Romance language or German right before a word. */
const ARTICLE_BEFORE =
  /(?:^|[^\p{L}])(?:el|la|los|las|il|lo|gli|le|les|o|a|os|as|un|una|uno|une|um|uma|del|della|dello|delle|dei|degli|du|des|al|au|aux|der|die|das|den|dem|ein|eine|einer|einem|einen)[ \t]+$|\b[lL]['’]$/iu;

/** Whether the letters beyond ASCII of the segment [from, to) are German's: ä, ö, ü, ß. */
function onlyGermanLetters(from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (NOT_GERMAN_LETTER.test(tokInfo[k]!.text)) return false;
  return true;
}
const NOT_GERMAN_LETTER = /[^\x00-\x7fäöüßÄÖÜ]/;

/**
 * Whether the sentence around text[start, end) reads as German: three of its function words
 * within 120 characters either side, in small letters but for a capital opening one ("Die",
 * not "MIT" of "License: MIT"). Their places come from the shared keyword pass.
 */
function germanAround(text: string, start: number, end: number): boolean {
  // In a long paste only the window is read: one whole-text search cost 6 ms a megabyte.
  if (text.length > 65536) {
    const a = Math.max(0, start - 120);
    const sub = text.slice(a, Math.min(text.length, end + 132));
    let n = 0;
    GERMAN_FUNCTION_WORD.lastIndex = 0;
    for (let m = GERMAN_FUNCTION_WORD.exec(sub); m !== null; m = GERMAN_FUNCTION_WORD.exec(sub)) {
      const at = a + m.index;
      if (at >= end + 120) break;
      if (at > 0 && LETTER_BEFORE.test(text.slice(Math.max(0, at - 2), at))) continue;
      if (++n >= 3) return true;
    }
    return false;
  }
  const at = germanWordsIn(text);
  const hi = end + 120;
  let n = 0;
  for (let i = firstAtOrAfter(at, start - 120); i < at.length && at[i]! < hi; i++) {
    if (++n >= 3) return true;
  }
  return false;
}

/**
 * Where German function words stand in `text` (in small letters, or capitalised as a
 * sentence opens: "Die", not "MIT"), found once per text on first need: only a German text
 * with umlauts in its capitalised words asks.
 */
function germanWordsIn(text: string): readonly number[] {
  if (text !== germanOf) {
    germanOf = text;
    germanAt = [];
    GERMAN_FUNCTION_WORD.lastIndex = 0;
    for (let m = GERMAN_FUNCTION_WORD.exec(text); m !== null; m = GERMAN_FUNCTION_WORD.exec(text)) {
      // A whole word: not the end of one ("order", "Kunde"). (Tested here rather than by a
      // look-behind, which hides the words' first letters from V8's search and made the
      // pattern three times slower; the letters of a refused match cannot start a word.)
      if (m.index > 0 && LETTER_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index)))
        continue;
      germanAt.push(m.index);
    }
  }
  return germanAt;
}
let germanOf = '';
let germanAt: number[] = [];
/** A letter ending the text: the code point before a German word refuses it. */
const LETTER_BEFORE = /\p{L}$/u;
const GERMAN_FUNCTION_WORD =
  /(?:[Dd]er|[Dd]ie|[Dd]as|und|ist|nicht|mit|[Ss]ie|[Ww]ir|[Ii]ch|[Ee]in|[Ee]ine|einen|einem|einer|für|auf|dem|des|wird|werden|sind|kann|bei|beim|zu|zur|zum|von|vom|im|oder|wurde|haben|hat|[Bb]itte)(?![\p{L}])/gu;

/** Whether a word of the segment [from, to) that is not an initial has class `cls`. */
function someClass(from: number, to: number, keep: boolean, cls: NameClass): boolean {
  for (let k = from; k < to; k++) {
    if ((tokFlags[k]! & F_INITIAL) === 0 && segClass(k, from, keep) === cls) return true;
  }
  return false;
}

/** Reasons too weak for one unknown word to stand for a name elsewhere in the text. */
const WEAK_SEEDS: ReadonlySet<string> = new Set([
  'wrote',
  'speech',
  'role',
  'first name in context',
  'capitalised',
  'context',
  'subject',
  'address block',
  'surname',
]);

/** Other mentions of an accepted name's words count too ("Edi Živković ... early Živković"). */
function corefer(text: string, found: readonly Scored[], out: Candidate[]): void {
  if (found.length === 0) return;
  const known = new Set<string>();
  for (const s of found) {
    // One unknown word found by a verb or a role alone ("while Playwright writes", "according
    // to Prettier") may be a product: repeating it through the text would multiply one doubt
    // into many findings. Known names still count.
    if (
      s.to - s.from === 1 &&
      (tokFlags[s.from]! & (F_FIRST | F_LAST)) === 0 &&
      WEAK_SEEDS.has(s.reason)
    ) {
      continue;
    }
    for (let k = s.from; k < s.to; k++) {
      const info = tokInfo[k]!;
      if (!info.initial && info.text.length >= 3 && segClass(k, s.from, s.keep) !== 'common') {
        known.add(info.key);
      }
    }
  }
  if (known.size === 0) return;
  const covered = found.map((s) => [s.start, s.end] as const).sort((a, b) => a[0] - b[0]);
  const n = tokCount;
  for (let i = 0; i < n; i++) {
    // A word's class follows from its key (classify reads fold(word)), and `known` holds no key
    // of a stop or common word, so those words need no lookup.
    if ((tokFlags[i]! & (F_INITIAL | F_STOP | F_COMMON)) !== 0) continue;
    if (!known.has(tokInfo[i]!.key)) continue;
    const start = tokStart[i]!;
    if (overlapsSorted(covered, start, tokEnd[i]!)) continue;
    // Take the neighbours that are also known words: "Faina Yefremova" again.
    let j = i;
    while (j + 1 < n && known.has(tokInfo[j + 1]!.key) && tokStart[j + 1]! - tokEnd[j]! === 1) j++;
    const end = tokEnd[j]!;
    // A firm named after the person: "Hausmann Technik GmbH", "Feldman & Co. LLP".
    if (!overlapsSorted(covered, start, end) && !firmTailAfter(text, end)) {
      out.push({ start, end, type: 'PERSON', score: 0.75, reason: 'coreference' });
    }
    i = j;
  }
}

/**
 * Whether a word is an English word, one's plural ("Returns"), or has a suffix of nouns that
 * names do not have ("Escalations", "Payments", "Operations").
 */
function englishOrPlural(word: string): boolean {
  return (
    isEnglishWord(word) ||
    (word.length > 3 && /s$/i.test(word) && isEnglishWord(word.slice(0, -1))) ||
    NOUN_SUFFIX.test(word)
  );
}
const NOUN_SUFFIX = /(?:[st]ions?|ments|ness|ities|ings)$/i;

/** Whether a firm's word or legal form follows `end`, after up to two capitalised words. */
function firmTailAfter(text: string, end: number): boolean {
  const rest = text.slice(end, end + 64);
  if (orgAfter(rest) || FIRM_ONLY_AFTER.test(rest)) return true;
  // After one or two more capitalised words: "Morgan Hale Capital", "Fenwick Marsh Logistics".
  let at = 0;
  for (let w = 0; w < 2; w++) {
    const word = CAPITALISED_WORD.exec(rest.slice(at));
    if (word === null) return false;
    at += word[0].length;
    if (orgAfter(rest.slice(at))) return true;
  }
  return false;
}
const CAPITALISED_WORD = /^[ \t]+\p{Lu}[\p{Ll}\p{M}]+/u;

function overlapsSorted(
  spans: ReadonlyArray<readonly [number, number]>,
  start: number,
  end: number,
) {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![0] < end;
}

// Lower-case names are taken only after a cue that leaves no doubt. The patterns are sticky and
// tried only where LOWER_STARTS finds one of their opening words: one case-insensitive pass
// over the text with no Unicode classes instead of four (about three times cheaper). The word
// boundary before a cue is checked in code.
const LOWER_CUE =
  /(?:[Nn]ame(?: is| ist|'s|’s|:)|[Cc]all me|[Ii]ch hei(?:ß|ss)e|m['’]appelle|[Mm]e llamo|[Nn]ombre(?: es|:)|[Nn]om(?: est|:))[ \t]{1,8}((\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?:(?:[ \t](\p{Ll})\.?)?[ \t](\p{Ll}[\p{Ll}\p{M}'’-]{1,30}))?)(?![\p{L}\p{M}])/uy;
const GREETING_LOWER =
  /(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Hh]allo|[Bb]onjour|[Hh]ola)[ \t]{1,2}(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})[ \t]?[,!\n]/uy;
/** Thanks and goodbyes that chats type before a name (THANKS_LOWER's openings, whole words). */
const THANKS_WORDS =
  'thanks|thank you|thank u|thankyou|thx|thnx|tks|ty|ta|cheers|merci|danke|dankeschön|dzięki|dzieki|gracias|grazie|obrigado|obrigada|tack|bedankt|dank je|ciao|hoi|hej|salut|lg|vg|mfg|un saludo|saludos|a presto|bises|grüße|groetjes|pozdrawiam|bye|ttyl';
const THANKS_STARTS = keywords(THANKS_WORDS.split('|'), { wholeWord: true });
const THANKS_LOWER = new RegExp(
  String.raw`(?:${THANKS_WORDS})[ \t]*,?[ \t]{1,2}(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?=[ \t]*(?:[,.!?:;)\n]|$|\p{Extended_Pictographic}))`,
  'uy',
);
const VERB_SHAPE = /(?:ing|ed|ly)$/;
/** What stands before "ms" when it is milliseconds: a number, or "in". */
const MS_UNIT_BEFORE = /(?:\d|\bin)\s*$/;
/**
 * Whether the line before or after the one holding `at` opens with a lower-case key and a colon
 * ("description: ...", "  version: 1.0"), as the lines of a YAML or config block do.
 */
function keyLineBeside(text: string, at: number): boolean {
  // (Searches stay within a config line's length: a long line is prose, read once per name.)
  const lineStart = lineStartWithin(text, at, KEY_LINE_MAX);
  const next = text.slice(at, at + KEY_LINE_MAX).indexOf('\n');
  if (next >= 0 && KEY_LINE.test(text.slice(at + next + 1, at + next + 41))) return true;
  if (lineStart <= 0) return false;
  const prevStart = lineStartWithin(text, lineStart - 1, KEY_LINE_MAX);
  if (prevStart < 0) return false;
  return KEY_LINE.test(text.slice(prevStart, Math.min(lineStart, prevStart + 40)));
}
/** A YAML mapping's `name:` key, as a list item or indented, right before the value. */
const YAML_NAME_BEFORE = /(?:^|\n)[ \t]*(?:-[ \t]+)?name:[ \t]+$/;
/** How far from a name a config line's break is looked for. */
const KEY_LINE_MAX = 200;
const KEY_LINE = /^[ \t]*-?[ \t]*[a-z][a-z0-9_-]{1,30}:(?:[ \t]|\r?\n|$)/;
/** Code punctuation right after a value: `name: input,` `{ name: value }`. */
const CODE_AFTER = /^[,;)}\]]/;
/** Words after "this is <word>" that make it a phrase ("akin to", "bill of"). */
const PHRASE_AFTER = /^ (?:to|of|than|for|with|by|into)\b/;
/** What follows a word that is part of a file name, path or identifier, not a name. */
const IDENTIFIER_TAIL = /^(?:[._/\\]\w|\d)/;
// "Saludos,\nmanuel": a lower-case name alone on the line after a sign-off.
const SIGN_OFF_LOWER = new RegExp(
  String.raw`(?:^|\n)[ \t]*${SIGN_OFF}[ \t]*[,.!]?[ \t]*\r?\n[ \t]*(?:--[ \t]*\r?\n[ \t]*)?(\p{L}[\p{L}\p{M}'’-]{1,30})(?:[ \t](\p{L}[\p{L}\p{M}'’-]{1,30}))?[ \t]*(?=\r?\n|$)`,
  'iuy',
);
// "this is irwin", "soy maría": only known first names.
const SELF_LOWER =
  /(?:[Tt]his is|[Ss]oy|[Ii]'m|[Ii] am|[Jj]e suis|[Ii]ch bin|[Hh]ier ist|[Cc]'est)[ \t]{1,2}(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?![\p{L}\p{M}])/uy;
// Names in capitals after a label that asks for a name: "Name on card: ROCÍO JASSO", "Name:
// GARCIA, MARIA" (surname first, as records print it).
const PART_LABEL =
  /^(?:surname|given|first|last|family|nom(?![a-z])|nome(?![a-z])|nachname|vorname|cognome|apellido|primer|segundo|nazwisko|pr[ée]nom|achternaam|voornaam)/i;
/** What a form's field holds before anyone fills it in: "Surname: NONE". */
const FOREIGN_PART_LABEL =
  /^(?:nom|nome|nachname|vorname|cognome|apellido|primer|segundo|nazwisko|pr[ée]nom|achternaam|voornaam)/i;
const NOT_FILLED =
  /^(?:none|unknown|null|nil|test|tbd|pending|required|optional|same|blank|empty|various)$/i;
const CAPS_AFTER_LABEL =
  /(?<![\p{L}\p{N}_])(?:(?:[Nn]ame on (?:the )?(?:[Cc]ard|[Aa]ccount)|NAME ON (?:CARD|ACCOUNT)|[Cc]ard ?[Hh]older|[Aa]ccount [Hh]older|[Kk]arteninhaber(?:in)?|[Kk]ontoinhaber(?:in)?|[Tt]itular(?: de la (?:tarjeta|cuenta))?|[Tt]itulaire(?: de la carte| du compte)?|[Nn]ame|NAME|[Nn]om|NOM|[Nn]ombre|NOMBRE|[Nn]ome|NOME|[Nn]ome completo|[Nn]ome e cognome|[Nn]om et pr[ée]nom|[Nn]om, pr[ée]nom|[Nn]ombre y apellidos|[Ii]mi[eę] i nazwisko|[Bb]eneficiary)(?: as per [A-Za-z]{2,12}|[ \t]?\([^()\n]{1,30}\))?[ \t]{0,3}:[ \t]{0,8}|(?:[Ss]urname|SURNAME|[Gg]iven [Nn]ames?|GIVEN NAMES?|[Ff]orenames?(?:\([Ss]\))?|FORENAMES?(?:\(S\))?|[Ff]irst [Nn]ames?|FIRST NAMES?|[Ll]ast [Nn]ame|LAST NAME|[Ff]amily [Nn]ame|FAMILY NAME|[Nn]om de (?:naissance|famille)|NOM DE (?:NAISSANCE|FAMILLE)|[Nn]achname|NACHNAME|[Cc]ognome|COGNOME|[Aa]pellidos?|APELLIDOS?|(?:[Pp]rimer|[Ss]egundo) apellido|[Ss]urnames|SURNAMES|[Nn]azwisko|NAZWISKO|[Vv]orname|VORNAME|[Pp]r[ée]nom|PR[ÉE]NOM|[Aa]chternaam|[Vv]oornaam)[ \t]{0,3}:?[ \t]{1,8})(\p{Lu}{2,20}(?:, ?\p{Lu}{2,20})?(?:[ .'’-]{1,2}\p{Lu}{1,20}){0,3})(?![\p{L}\p{N}])/uy;

/** How many tabs the line holding `k` has (up to three are counted). */
function tabsOnLine(text: string, k: number): number {
  let a = k;
  while (a > 0 && text.charCodeAt(a - 1) !== 10 && k - a < 400) a--;
  let tabs = 0;
  for (let i = a; i < text.length && i - a < 800 && tabs < 3; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (c === 9) tabs++;
  }
  return tabs;
}

// A title, then a name in capitals: "Dear MR. OKAFOR,", "Attn: MRS. GADE", "Dña. DIANA REYES",
// "De heer ILIAS DE RUITER", "sig.ra ANA MACEDO", "Herr" on the line above. Written without the
// i flag, under which \p{Lu} would match any letter. "MS" and "DR" in capitals only with their
// dot: "MS SQL" is Microsoft's. Tried (sticky) only where a title word stands, not after a
// letter or digit: a Unicode pattern with a look-behind, run over a whole 1 MB paste, cost 18 ms,
// and an unanchored one without it still 10 ms when V8 had compiled it without optimisations.
const TITLE_STARTS = keywords(
  [
    ...'mr mrs ms miss mme dr dña doña herr frau prof sra sig sigra signa mevr mevrouw dhr'.split(
      ' ',
    ),
    'sig.ra',
    'sig.na',
    'de heer',
  ],
  { wholeWord: true },
);
const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]/u;
const TITLE_THEN_CAPS =
  /(?:(?:[Mm][Rr][Ss]?|Ms|ms|[Mm]iss|MISS|Dr|dr|[Hh]err|HERR|[Ff]rau|FRAU|[Mm]me|MME|[Pp]rof|PROF|D(?:ña|oña|ÑA|OÑA)|S(?:ra|RA)|[Ss]ig(?:\.ra|\.na|ra|na)?|SIG(?:\.RA|\.NA)?|[Dd]e [Hh]eer|DE HEER|[Mm]evr(?:ouw)?|MEVR(?:OUW)?|[Dd]hr|DHR)\.?|(?:MS|DR)\.)(?:[ \t]{1,3}|[ \t]*\r?\n[ \t]*)(\p{Lu}{2,20}(?:[ '’-]{1,2}\p{Lu}{1,20}){0,3})(?![\p{L}])/uy;
/** Two to four words in capitals filling a cell of a comma-, semicolon-, tab- or pipe-table. */
const CAPS_CELL =
  /[;,|\t][ \t]?"?(\p{Lu}{2,20}(?:[ '’-]{1,2}\p{Lu}{1,20}){0,3})"?(?=[ \t]?[;,|\t]|[ \t]*\r?\n|[ \t]*$)/gu;
/**
 * The same in a row's first cell ("OKONKWO ADAEZE,LAGOS,..."), a separator after it; never on
 * the text's first line, which has no header above it. (Each pattern opens with a character
 * V8 can search for: a look-behind for "a line start or a separator", or "^", made the search
 * four times slower.)
 */
const CAPS_FIRST_CELL =
  /\n[ \t]?"?(\p{Lu}{2,20}(?:[ '’-]{1,2}\p{Lu}{1,20}){0,3})"?(?=[ \t]?[;,|\t])/uy;
/**
 * CAPS_FIRST_CELL's matches, tried only at line breaks before a capital (a whole-text search
 * cost 9 ms a megabyte whenever V8 ran it in its regexp interpreter).
 */
function firstCellsInCaps(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
    let c = text.charCodeAt(k + 1);
    if (c === 32 || c === 9 || c === 34) c = text.charCodeAt(k + 2);
    if (!(c >= 65 && c <= 90) && c < 0xc0) continue;
    CAPS_FIRST_CELL.lastIndex = k;
    const m = CAPS_FIRST_CELL.exec(text);
    if (m !== null) out.push(m);
  }
  return out;
}
const CAPS_CELL_HINT = /[;,|\t][ \t]?"?\p{Lu}{2}/u;
/**
 * Where HOLDER_CAPS can start. (A whole-text search of the pattern cost 20 ms on a 1 MB paste
 * whenever V8 had compiled it without its optimisations, which it does once a page has made a
 * megabyte of regular-expression code.)
 */
const HOLDER_STARTS = keywords([
  'intestato a',
  'intestata a',
  'titular',
  'a nombre de',
  'au nom de',
  'in the name of',
  't.n.v.',
  'card holder',
  'cardholder',
  'holder',
]);
const HOLDER_CAPS =
  /(?:[Ii]ntestat[oa] a|[Tt]itular|a nombre de|au nom de|in the name of|t\.n\.v\.|[Cc]ard ?[Hh]older|CARD ?HOLDER|[Hh]older|HOLDER)[ \t]{1,3}(\p{Lu}{2,20}(?:[ '’-]{1,2}\p{Lu}{1,20}){1,3})(?![\p{L}])/uy;
const CAPS_AFTER_ROLE =
  /(?:[Cc]ustomer|CUSTOMER|[Cc]aller|CALLER|[Dd]ipendente|DIPENDENTE|[Ll]avorat(?:ore|rice)|LAVORAT(?:ORE|RICE)|[Dd][ée]clarant|D[ÉE]CLARANT|[Ww]erknemer|WERKNEMER|[Aa]rbeitnehmer(?:in)?|ARBEITNEHMER(?:IN)?|[Ee]mplead[oa]|EMPLEAD[OA]|[Tt]rabajador(?:a)?|TRABAJADOR(?:A)?|[Bb]orrower|BORROWER|[Cc]o-?[Bb]orrower|CO-?BORROWER|[Ss]ignatory|SIGNATORY|[Cc]lient|CLIENT|[Pp]atient|PATIENT|[Ss]hip [Tt]o|SHIP TO|[Bb]ill [Tt]o|BILL TO|[Rr]ecipient|RECIPIENT|[Pp]assenger|PASSENGER|[Gg]uest|GUEST|[Ee]mployee(?:\/[A-Za-z]{2,12})?|EMPLOYEE|[Ss]alari[ée]e?|SALARI[ÉE]E?|[Ee]nfant|ENFANT|[Cc]ontact|CONTACT|[Ss]ender|SENDER|[Aa]ttn|ATTN|[Kk]unde|KUNDE|[Ee]mpfänger|EMPFÄNGER|[Dd]estinataire|DESTINATAIRE|[Cc]liente|CLIENTE|[Dd]estinatario|DESTINATARIO|[Pp]asseggero|PASSEGGERO|[Pp]assagier|PASSAGIER|[Pp]assageiro|PASSAGEIRO|[Pp]asajero|PASAJERO|[Pp]aciente|PACIENTE|[Bb]eneficiario|BENEFICIARIO|[Bb]estuurder|BESTUURDER|[Rr]enter|RENTER|[Dd]river|DRIVER|[Pp]ax|PAX|[Tt]raveller|TRAVELLER|[Tt]raveler|TRAVELER|[Oo]spite|OSPITE|[Hh]uésped|HUÉSPED|[Hh]óspede|HÓSPEDE|[Gg]ast|GAST|[Cc]onducteur(?: principal)?|CONDUCTEUR(?: PRINCIPAL)?|[Cc]ondutor|CONDUTOR|[Tt]enant|TENANT|[Oo]ccupier|OCCUPIER|[Vv]oyageur|VOYAGEUR|[Pp]asajera|PASAJERA|[Pp]atiente|PATIENTE|[Pp]aziente|PAZIENTE|[Ss]ubscriber|SUBSCRIBER|[Ii]nsured|INSURED|[Mm]ember|MEMBER|[Aa]ssur[ée]e?|ASSUR[ÉE]E?|[Mm]ieter(?:in)?|[Mm]ietinteressent(?:in)?|[Mm]itreisender?|[Rr]eisender?|[Aa]ntragsteller(?:in)?|[Hh]uurder|[Rr]eiziger|[Hh]oofdboeker|[Kk]lant|[Ii]nquilin[oa]|[Ii]ntestatari[oa])(?:\([a-z]{1,3}\)|[ \t]?#?\d{1,2})?[ \t]{0,3}(?::|\.{2,})[ \t]{0,8}(\p{Lu}{2,20}(?:, ?\p{Lu}{2,20}(?:[ .'’-]{1,2}\p{Lu}{1,20}){0,2}|(?:[ .'’-]{1,2}\p{Lu}{1,20}){1,3}|(?:[ -]\p{Lu}{2,20})?,? \p{Lu}\p{Ll}{1,20}(?:-\p{Lu}\p{Ll}{1,20})?|\p{Ll}{0,0}(?<=[ \t:])\p{Lu}\p{Ll}{1,20} \p{Lu}{2,20}(?:[ -]\p{Lu}{2,20})?))(?![\p{L}])/uy;

/** `word` followed by a space and by a tab: the openings whose pattern requires one. */
const spaced = (...words: string[]): string[] => words.flatMap((w) => [`${w} `, `${w}\t`]);

/**
 * Every offset where LOWER_CUE, SELF_LOWER, CAPS_AFTER_LABEL or GREETING_LOWER can match: each
 * opening literal of theirs, case aside (a superset of their case variants), plus the space
 * that follows where the pattern requires one. Found with every other keyword list in the
 * scan's one pass (rules/keywords.ts), overlapping ones included ("i am" in "hi am").
 */
/**
 * A known first name and a listed surname in lower case after a word that takes a person:
 * "I spoke with maria garcia", "customer john smith called", "ask kevin lee to call".
 */
const LOWER_PAIR_CUE =
  /(?:spoke (?:to|with)|talked (?:to|with)|speak (?:to|with)|(?:reply|write|msg|message|text|mail) to|ask|asked|tell|told|call|called|contact|contacted|email|emailed|message|ping|meet|met|cc:?|[Cc]ustomer|[Cc]lient|[Pp]atient|[Cc]aller|[Uu]ser|[Mm]ember|[Tt]enant|[Gg]uest|[Pp]assenger|chiamata di|chiamata da|llamada de|appel de|anruf von|kundin|kunde|klant|cliente|klient|klientka|müşteri|paciente|patiente|paziente|locataire|inquilino|inquilina|mieter|mieterin|huurder)(?:[ \t]?:)?[ \t]{1,3}(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})[ \t](\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?![\p{L}\p{M}])/uy;
/**
 * The same after an introduction or what a customer orders: "hi its laura boyle again", "the
 * refund to maria garcia". Tried where the shared keyword pass found its opening words: a
 * whole-text search of the pattern cost 12 ms on a 1 MB paste whenever V8 had compiled it
 * without its optimisations, which it does once a page has made a megabyte of such code. (That
 * "this", "its" and "order" in the keyword pass would slow every scan was not borne out: 1,358
 * corpus texts scanned in the same time either way.)
 */
const LOWER_PAIR_OWNER =
  /(?:[Tt]his is|[Ii]t'?s|[Ii]t’s|(?:order|package|parcel|refund|booking|reservation|shipment|delivery|invoice)s? (?:for|of|under|to))[ \t]{1,3}(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})[ \t](\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?![\p{L}\p{M}])/uy;
/** Where LOWER_PAIR_OWNER can start. */
const LOWER_PAIR_OWNER_STARTS = keywords(
  [
    'this is',
    'its',
    "it's",
    'it’s',
    ...'order package parcel refund booking reservation shipment delivery invoice'
      .split(' ')
      .flatMap((w) => [w, `${w}s`]),
  ],
  { wholeWord: true },
);
/** A verb of speech or a copy, then one word in lower case (see its use). */
const LOWER_ONE_CUE =
  /(?:spoke (?:to|with|w\/)|talked (?:to|with|w\/)|speak (?:to|with|w\/)|(?:reply|write|msg|message|text|mail) to|ask|asked|tell|told|call|called|contacted|emailed|pinged|cc:?)[ \t]{1,3}(\p{Ll}[\p{Ll}\p{M}'’-]{2,30})(?![\p{L}\p{M}\p{N}@._-])/uy;
/** Verbs of speech after a lower-case given name (see lowerCaseAfterCue). */
const LOWER_SAID_STARTS = keywords(
  'said says replied asked mentioned wrote emailed confirmed approved agreed reckons'.split(' '),
  { wholeWord: true },
);
/** A determiner right before a word: "the ", "my ", "this ". */
const DETERMINER_BEFORE =
  /(?:^|[^\p{L}])(?:the|a|an|my|our|your|his|her|their|this|that|its)[ \t]$/iu;
/** An adverb between the name and its verb: "jordan already replied", "sandra both said". */
const SAID_ADVERB_BEFORE = / (?:already|also|just|both|then|only)$/;
const LOWER_ONE_STARTS = keywords(
  'spoke talked speak reply write msg text mail ask asked tell told call called contacted emailed pinged cc'.split(
    ' ',
  ),
  { wholeWord: true },
);
const LOWER_PAIR_STARTS = keywords(
  'spoke talked speak reply write msg text mail ask asked tell told call called contact contacted email emailed message ping meet met cc customer client patient caller user member tenant guest passenger chiamata llamada appel anruf kundin kunde klant cliente klient klientka müşteri paciente patiente paziente locataire inquilino inquilina mieter mieterin huurder'.split(
    ' ',
  ),
  { wholeWord: true },
);

const LOWER_STARTS = keywords([
  'name',
  'nom',
  'call me',
  'cardholder',
  'card holder',
  "m'appelle",
  'm’appelle',
  'me llamo',
  'account holder',
  'karteninhaber',
  'kontoinhaber',
  'titula',
  'beneficiary',
  'surname',
  'given name',
  'forename',
  'first name',
  'last name',
  'family name',
  'nome',
  'cognome',
  'apellido',
  'surnames',
  'vorname',
  'prénom',
  'prenom',
  'nazwisko',
  'imię',
  'imie',
  'achternaam',
  'voornaam',
  ...spaced("c'est", 'ich bin', "i'm", 'i am', 'this is', 'soy', 'je suis', 'dear', 'bonjour'),
  ...spaced('hi', 'hello', 'hey', 'hallo', 'hola', 'hier ist'),
  'ich hei',
]);

/** Where CAPS_AFTER_ROLE can start (its labels; compared without case like the pattern). */
const ROLE_STARTS = keywords([
  'caller',
  'dipendente',
  'lavorat',
  'déclarant',
  'declarant',
  'werknemer',
  'arbeitnehmer',
  'emplead',
  'trabajador',
  'borrower',
  'co-borrower',
  'coborrower',
  'signatory',
  'salari',
  'enfant',
  'paziente',
  'subscriber',
  'insured',
  'member',
  'assur',
  'customer',
  'client',
  'patient',
  'ship to',
  'bill to',
  'recipient',
  'passenger',
  'guest',
  'employee',
  'contact',
  'sender',
  'attn',
  'kunde',
  'empfänger',
  'destinataire',
  'cliente',
  'destinatario',
  'pasajero',
  'pasajera',
  'paciente',
  'beneficiario',
  'bestuurder',
  'passeggero',
  'passagier',
  'passageiro',
  'voyageur',
  'renter',
  'driver',
  'pax',
  'traveller',
  'traveler',
  'ospite',
  'huésped',
  'hóspede',
  'gast',
  'conducteur',
  'condutor',
  'tenant',
  'occupier',
  'mieter',
  'mietinteressent',
  'mitreisende',
  'reisende',
  'antragsteller',
  'huurder',
  'reiziger',
  'hoofdboeker',
  'klant',
  'inquilin',
  'intestatari',
]);

/** Offsets where LOWER_STARTS matches, overlapping ones included. */
function lowerStarts(text: string): readonly number[] {
  return LOWER_STARTS.at(text);
}

/**
 * The matches `text.matchAll` would give for the sticky pattern `re`, whose matches can start
 * only at `hits` (sorted): each is tried there, and matches do not overlap.
 */
function stickyMatches(re: RegExp, text: string, hits: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const i of hits) {
    if (i < from) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) continue;
    from = i + m[0].length;
    out.push(m);
  }
  return out;
}

/**
 * The matches `text.matchAll` would give for the sticky pattern `re` that opens with "(?:^|\n)"
 * (or "(?:^|\n|:[ \t])" when `colons`) and needs one of `needles` later on its line: it is
 * tried only at the starts of the lines holding a needle (and after their colons before it).
 * A whole-text scan of such a pattern runs in V8's regexp interpreter until its first match
 * whenever the engine's compiled code was dropped (a 1 MB paste paid 10 ms a pattern); the
 * needles are found by indexOf (fastest when their first character is rare in text: not a
 * space). `keep`, given a needle's place, may turn one down first (the pattern needs a space
 * before it and a clause's end after it, say), which saves the pattern's attempts.
 */
function matchesOnLinesWith(
  re: RegExp,
  text: string,
  needles: readonly string[],
  colons = false,
  keep?: (text: string, start: number, end: number) => boolean,
): RegExpExecArray[] {
  const at: number[] = [];
  for (const needle of needles) {
    // Each hit's line is looked up once, when a hit is past the line before (a newline's
    // search from the hit back and forward covers each character about once: walking every
    // line and colon of the text instead cost a 1 MB paste 1 ms a needle). The colon pointer
    // only moves forward, so a 1 MB line full of needles is read once too.
    let line = -1;
    let next = -1;
    let colon = -1;
    let pushed = -2;
    for (let k = text.indexOf(needle); k >= 0; k = text.indexOf(needle, k + needle.length)) {
      if (keep && !keep(text, k, k + needle.length)) continue;
      if (k > next) {
        line = text.lastIndexOf('\n', k);
        next = text.indexOf('\n', k);
        if (next < 0) next = text.length;
      }
      if (line !== pushed) {
        at.push(Math.max(line, 0));
        pushed = line;
      }
      if (colons) {
        if (colon <= line) {
          colon = text.indexOf(':', line + 1);
          if (colon < 0) colon = text.length;
        }
        for (; colon < k; colon = text.indexOf(':', colon + 1)) {
          if (colon < 0) {
            colon = text.length;
            break;
          }
          at.push(colon);
        }
      }
    }
  }
  if (at.length === 0) return [];
  at.sort((a, b) => a - b);
  return stickyMatches(re, text, at);
}

/**
 * The matches of SIGN_OFF_LOWER, as matchAll would give them for its global form: a match starts
 * at the start of the text or at a line break, so it is tried only there.
 */
function signOffLowerMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let i = 0;
  while (i >= 0 && i < text.length) {
    const m = i === 0 || mayOpenSignOff(text, i + 1) ? execAt(SIGN_OFF_LOWER, text, i) : null;
    const from = m === null ? i + 1 : i + m[0].length;
    if (m !== null) out.push(m);
    i = text.indexOf('\n', from);
  }
  return out;
}

function execAt(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/**
 * Whether a sign-off can begin at the first character from `k` on that is not a space or tab:
 * an ASCII character must be a first character of one of SIGN_OFF's words, in either case;
 * other characters ("—", and letters that case-fold to ASCII ones) are left to the pattern.
 */
function mayOpenSignOff(text: string, k: number): boolean {
  const n = text.length;
  for (; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return c >= 128 || SIGN_OFF_FIRST[c] === 1;
  }
  return false;
}

/** ASCII characters that open a word of SIGN_OFF, in both cases. */
const SIGN_OFF_FIRST = (() => {
  const t = new Uint8Array(128);
  for (const word of SIGN_OFF.slice(3, -1).split('|')) {
    for (const ch of [word[0]!.toLowerCase(), word[0]!.toUpperCase()]) {
      const c = ch.charCodeAt(0);
      if (c < 128) t[c] = 1;
    }
  }
  return t;
})();

/** Titles that open a name in lower-case text too ("mr. elliott"); "father" or "lady" do not. */
const LOWER_TITLES: ReadonlySet<string> = new Set(
  'mr mrs ms mx dr prof herr frau mme mlle sra srta sr señor señora signor signora dhr mevr monsieur madame'.split(
    ' ',
  ),
);

/** A lower-case word, at word boundaries as WORD draws them, not part of an address or a path. */
const LOWER_WORD =
  /(?<![\p{L}\p{M}\p{N}_@./\\#$%&*+=~^|'’-])\p{Ll}[\p{Ll}\p{M}]{0,30}(?:-\p{Ll}[\p{Ll}\p{M}]{1,30}){0,2}(?![\p{L}\p{M}\p{N}_@]|\.[\p{L}\p{N}])/gu;
/**
 * Past tenses that follow a subject and have no -ed ("kevin left early"): the word after a
 * lower-case first name is taken as its surname unless it is one of these, a function word or
 * a verb WEAK_AFTER or VERB_SHAPE knows.
 */
const LOWER_VERBS: ReadonlySet<string> = new Set(
  (
    'left paid ran bought brought lost won put read kept felt met heard built spent thought caught taught sold held stood drove rode spoke broke chose forgot began sent took made gave went came got saw knew grew drew threw flew ate fell sat set let cut hit hurt quit ' +
    // German, French and Spanish verbs a subject takes ("meine frau sabine kommt morgen").
    'kommt ruft hat ist wird kann muss soll will darf bringt zahlt schreibt sagt fragt wartet braucht möchte war hatte wurde unterschreibt übernimmt nimmt gibt geht meldet schickt ' +
    'est a va vient appelle peut doit veut arrive passe prend récupère signe était avait sera ' +
    'es está tiene va viene llama puede debe quiere llega pasa recoge firma era estaba tenía será'
  ).split(' '),
);
/** Single letters that are words, not initials: articles, pronouns, conjunctions. */
const NOT_INITIAL = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * `text` (written without capitals) with the first letter of the likely name words made
 * upper-case, so the capitalised pass can score them with its cues; every other character,
 * and so every offset, stays as it is. A known first name that is not an ordinary word starts
 * a name ("patricia"), and so does the word after a title ("mr. elliott"); the word after it
 * joins when it is not a function word or a verb ("patricia desrosiers", not "anna needs"),
 * and a third or fourth word when it is a known name or follows an initial ("eric g.
 * samoylova"). Linear: one pass of LOWER_WORD and a lexicon lookup a word. Returns `text`
 * itself when nothing changes.
 */
export function truecase(text: string): string {
  let out: string[] | null = null;
  let copied = 0;
  /** Words in the current name (0: none), where its last word ends, whether it was an initial. */
  let chain = 0;
  let chainEnd = -1;
  let initialLast = false;
  let titleEnd = -1;
  /**
   * Whether the current name opened with a surname after a title ("sr. moreno"): then only a
   * listed word joins it ("sr. moreno ha vuelto", "dhr. visser wacht").
   */
  let titled = false;
  LOWER_WORD.lastIndex = 0;
  for (let m = LOWER_WORD.exec(text); m !== null; m = LOWER_WORD.exec(text)) {
    const w = m[0];
    const s = m.index;
    const e = s + w.length;
    let cap = false;
    if (chain > 0 && chain < 4 && nameGap(text, chainEnd, s, initialLast)) {
      if (w.length === 1) {
        // "benjamin a seiler": a vowel is an initial only before a listed surname.
        cap = chain === 1 && (!NOT_INITIAL.has(w) || surnameAfterInitial(text, e));
      } else {
        cap =
          !isFunctionWord(w) &&
          !VERB_SHAPE.test(w) &&
          !WEAK_AFTER.test(' ' + w) &&
          !LOWER_VERBS.has(w) &&
          ((chain === 1 && !titled) || initialLast || (isKnownName(w) && w.length >= 3));
      }
    }
    if (cap) {
      chain++;
    } else if (
      // (Not a key before its value: 'uri: "mongodb://..."', "max: 30".)
      !(text.charCodeAt(e) === 58 && KEY_VALUE_AFTER.test(text.slice(e, e + 64))) &&
      ((w.length >= 3 && classify(w) === 'first') ||
        // "codey m ross", "hyuuma t. maida": a word no list knows, then a consonant initial and
        // another such word, is a name written in lower case.
        (w.length >= 3 && initialNameAfter(text, w, e)) ||
        (titleEnd >= 0 &&
          nameGap(text, titleEnd, s, true) &&
          w.length >= 2 &&
          !isFunctionWord(w) &&
          !VERB_SHAPE.test(w)))
    ) {
      // (A given name after the title takes its surname: "mr. elliott desrosiers".)
      titled = titleEnd >= 0 && nameGap(text, titleEnd, s, true) && !isGivenName(w);
      cap = true;
      chain = 1;
    } else {
      chain = 0;
    }
    titleEnd = LOWER_TITLES.has(w) ? e : -1;
    if (!cap) continue;
    chainEnd = e;
    initialLast = w.length === 1;
    const up = w[0]!.toUpperCase();
    if (up.length !== 1 || up === w[0]) continue;
    out ??= [];
    out.push(text.slice(copied, s), up);
    copied = s + 1;
  }
  if (out === null) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/**
 * A colon and a value that is no speech: a digit, a bracket, the line end, or a quoted token
 * with a character other than a letter ('"mongodb+srv://..."'; not '"i'm roberto's daughter"').
 */
const KEY_VALUE_AFTER = /^:[ \t]*(?:[\d[{(]|["'][^"'\s]*[^\p{L}\s"'][^"'\s]*["']|\r?\n|$)/u;

/** A consonant initial (with or without its full stop) and a word after it: " m ross". */
const INITIAL_THEN_WORD =
  /^ ([b-df-hj-np-tv-z])\.? (\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?![\p{L}\p{M}\p{N}@])/u;
/** A vowel initial and a listed surname after `end`: " a seiler". */
const VOWEL_INITIAL_THEN_WORD = /^\.? (\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?![\p{L}\p{M}\p{N}@])/u;

/** Whether a lower-case word could be part of a name: no ordinary, function or verb word. */
function mayBeLowerName(w: string): boolean {
  const c = classify(w);
  return (
    (c === 'unknown' || c === 'first' || c === 'last') &&
    !isFunctionWord(w) &&
    !VERB_SHAPE.test(w) &&
    !LOWER_VERBS.has(w)
  );
}

/** Whether `w`, ending at `end`, opens "w x word" with a consonant initial x (see truecase). */
function initialNameAfter(text: string, w: string, end: number): boolean {
  // A space, one lower-case letter and a space or a full stop: checked before any lookup, since
  // this runs for every word of a text written in lower case.
  if (text.charCodeAt(end) !== 32) return false;
  const letter = text.charCodeAt(end + 1);
  const after = text.charCodeAt(end + 2);
  if (letter < 97 || letter > 122 || (after !== 32 && after !== 46)) return false;
  const m = INITIAL_THEN_WORD.exec(text.slice(end, end + 36));
  if (m === null || !mayBeLowerName(w) || !mayBeLowerName(m[2]!)) return false;
  // Without the initial's full stop ("size m shirt", "vitamin d levels") a list must know one
  // of the two words.
  return after === 46 || listedName(w) || listedName(m[2]!);
}

/** Whether the lists know a word as a first name or a surname. */
function listedName(word: string): boolean {
  const c = classify(word);
  return c === 'first' || c === 'last';
}

/** Whether the vowel initial ending at `end` is followed by a listed surname. */
function surnameAfterInitial(text: string, end: number): boolean {
  const m = VOWEL_INITIAL_THEN_WORD.exec(text.slice(end, end + 34));
  return m !== null && classify(m[1]!) === 'last' && !isFunctionWord(m[1]!);
}

/** Whether text[from, to) is one space, or a full stop and a space after an initial or title. */
function nameGap(text: string, from: number, to: number, dotted: boolean): boolean {
  if (to - from === 1) return text.charCodeAt(from) === 32;
  return (
    dotted && to - from === 2 && text.charCodeAt(from) === 46 && text.charCodeAt(from + 1) === 32
  );
}

/**
 * Names in capitals after a cue: a label that asks for a name, a title, a role. The part of
 * lowerCaseAfterCue that needs no small letter in the text, so a form printed all in capitals
 * ("PATIENT NAME: GARCIA, MARIA") is read too.
 */
function capsAfterCues(
  text: string,
  hits: readonly number[],
  add: (start: number, end: number, score: number) => void,
  taken: readonly Span[],
): void {
  for (const m of stickyMatches(CAPS_AFTER_LABEL, text, hits)) {
    const value = m[1]!;
    // A table's header row, not a label and its value: "nombre\tapellido\tDNI\ttelefono".
    if (m[0].includes('\t') && tabsOnLine(text, m.index) >= 2) continue;
    const words = value.split(/[ .,'’-]+/).filter((w) => w.length > 1);
    if (words.length === 0) continue;
    const title = words.map(titleCase);
    if (!capsNameWords(title)) continue;
    // One word is a name when listed, or under a label that asks for one part of a name (an
    // identity document's "Surname DIBBERT", "Given names JABARI").
    if (
      words.length < 2 &&
      !inNameLists(title[0]!) &&
      !(
        PART_LABEL.test(m[0]) &&
        title[0]!.length >= 3 &&
        !NOT_FILLED.test(title[0]!) &&
        // (A word is a surname under another language's label: "Nom : COUSIN".)
        (!isEnglishWord(title[0]!) || FOREIGN_PART_LABEL.test(m[0]))
      )
    ) {
      continue;
    }
    const start = m.index + m[0].length - value.length;
    add(start, start + value.length, 0.85);
  }
  // "Dear MR. OKAFOR,", "Mrs GADE": a title before capitals. (One word only when no ordinary
  // word: "Dr. WHO", "Mr. BEAN" the film's title in a list.)
  for (const m of stickyMatches(TITLE_THEN_CAPS, text, TITLE_STARTS.at(text))) {
    if (m.index > 0 && LETTER_OR_DIGIT_BEFORE.test(text[m.index - 1]!)) continue;
    {
      const value = m[1]!;
      const words = value.split(/[ .,'’-]+/).filter((w) => w.length > 1);
      if (words.length === 0) continue;
      const title = words.map(titleCase);
      if (!capsNameWords(title)) continue;
      if (words.length === 1 && (words[0]!.length < 3 || isEnglishWord(title[0]!))) continue;
      const start = m.index + m[0].length - value.length;
      add(start, start + value.length, 0.85);
    }
  }
  // A cell in capitals under a column of names: "CUST-115364;JOSSELIN VINCENT;...", "|
  // CERVÁNTEZ CHAVARRÍA GUADALUPE |" under "APELLIDOS_NOMBRE".
  if (CAPS_CELL_HINT.test(text)) {
    for (const m of [...matchesOf(text, CAPS_CELL), ...firstCellsInCaps(text)]) {
      const value = m[1]!;
      const start = m.index + m[0].length - value.length;
      const header = columnHeader(text, start, start + value.length);
      if (header === null || !NAME_HEADER.test(header)) continue;
      // No ordinary word in it; under a bare "name", which heads products as often ("BLUE
      // WIDGET"), only words the name lists know.
      const words = value.split(/[ '’-]+/).map(titleCase);
      if (words.some((w) => (classify(w) === 'common' || isEnglishWord(w)) && !inNameLists(w))) {
        continue;
      }
      // One word is a name's part under its own header ("nom_client" beside "prenom" over
      // "ROUSSEAU", "Nachname" over "KRÜGER"): three letters or more, no ordinary word.
      const named =
        words.length === 1
          ? words[0]!.length >= 3 &&
            classify(words[0]!) !== 'stop' &&
            (SURNAME_HEADER.test(header) ||
              FIRST_NAME_HEADER.test(header) ||
              (/^nom(?:[ _-]client)?$/i.test(header) && headerRowHas(text, /^pr[ée]nom$/i)))
          : GENERIC_NAME_HEADER.test(header)
            ? words.every((w) => inNameLists(w))
            : listedCapsName(value) || unknownCapsName(value);
      if (named) add(start, start + value.length, 0.8);
    }
  }
  // A party in capitals at its line's start before its role: "CALLUM MENSAH (Claimant)",
  // "THANDIWE KAUR<tab>Claimant", a court's or a witness statement's heading.
  if (PARTY_HINT.test(text)) {
    for (const m of matchesOf(text, CAPS_BEFORE_PARTY)) {
      const value = m[1]!;
      if (!listedCapsName(value) && !unknownCapsName(value)) continue;
      const start = m.index + m[0].length - value.length;
      add(start, start + value.length, 0.8);
    }
  }
  // An account's holder in capitals after the words that name one: "intestato a LUIZA
  // MOREIRA", "(titular MARTÍN COLUNGA SOLORIO)", "a nombre de ...", "au nom de ...".
  if (HOLDER_STARTS.test(text)) {
    for (const m of stickyMatches(HOLDER_CAPS, text, HOLDER_STARTS.at(text))) {
      if (m.index > 0 && LETTER_OR_DIGIT_BEFORE.test(text[m.index - 1]!)) continue;
      const value = m[1]!;
      const listed = listedCapsName(value);
      if (!listed && !unknownCapsName(value)) continue;
      const start = m.index + m[0].length - value.length;
      add(start, start + value.length, listed ? 0.85 : 0.75);
    }
  }
  // "Customer: JOHN SMITH", "Patient: HEINZ MÜLLER": a role label before capitals is as
  // often a company or a plan ("Customer: ACME PREMIUM"), so a listed name word must be in it.
  // (Or two or three words no language's lists know as words, "DEION KONOPELSKI", at 0.7.)
  for (const m of stickyMatches(CAPS_AFTER_ROLE, text, ROLE_STARTS.at(text))) {
    const value = m[1]!;
    const listed = listedCapsName(value);
    if (!listed && !unknownCapsName(value)) continue;
    const start = m.index + m[0].length - value.length;
    add(start, start + value.length, listed ? 0.8 : 0.7);
  }
  // A quoted value in capitals whose key names a person ('"holder": "GÉRARD MARCHAL"',
  // "cardholder_name='JOHN A SMITH'"); under a bare "name" key, which names products and
  // services as often, only with a listed name word in it.
  if (text.includes('"') || text.includes("'")) {
    QUOTED_CAPS.lastIndex = 0;
    for (let m; (m = QUOTED_CAPS.exec(text)) !== null;) {
      const value = m[2]!;
      const start = m.index + 1;
      const words = value.split(/[ .,'’-]+/).filter((w) => w.length > 1);
      const title = words.map(titleCase);
      if (words.length === 0 || words.length > 4 || !capsNameWords(title)) continue;
      const named = personFieldAt(text, start)
        ? words.length >= 2 || inNameLists(title[0]!)
        : personFieldAt(text, start, true) &&
          listedCapsName(value) &&
          title.every((w) => inNameLists(w) || !isEnglishWord(w));
      if (named) add(start, start + value.length, 0.85);
    }
  }
  // The same unquoted in a log's key=value pairs, up to the next key: "payer=AISHA TAYLOR
  // dob=28/02/1966".
  if (text.includes('=')) {
    KEYED_CAPS.lastIndex = 0;
    for (let m; (m = KEYED_CAPS.exec(text)) !== null;) {
      const value = m[1]!;
      const start = m.index + 1;
      if (personFieldAt(text, start) && listedCapsName(value)) {
        add(start, start + value.length, 0.85);
      }
    }
  }
  // A letter's or a statement's addressee: a line in capitals right above an address that
  // another detector found ("STATEMENT OF ACCOUNT\nAOIFE BRENNAN\n53 The Paddocks\n...").
  // (Read from the spans, the line above each one that opens a line: a pattern run over every
  // line of a 1 MB paste cost 3 ms.)
  // (Or above a contact line: "ANANYA KRISHNAMURTHY\nMob: +91 98450 37126", a CV's head.)
  for (const span of taken) {
    let k = span.start - 1;
    while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
    if (k >= 1 && text.charCodeAt(k) === 58) {
      const label = CONTACT_LABEL_BEFORE.exec(text.slice(Math.max(0, k - 16), k + 1));
      if (label !== null) k -= label[0].length;
    }
    if (k < 1 || text.charCodeAt(k) !== 10) continue;
    if (text.charCodeAt(k - 1) === 13) k--;
    const from = lineStartWithin(text, k, 80);
    if (from < 0) continue;
    const m = CAPS_LINE.exec(text.slice(from, k));
    if (m === null || !listedCapsName(m[1]!)) continue;
    const start = from + m[0].indexOf(m[1]!);
    add(start, start + m[1]!.length, 0.8);
  }
  if (text.includes('|') || text.includes('\t')) labelRowNames(text, add);
  if (text.includes('/')) slashNames(text, add);
  // A bank statement's line: a date, the payment's rail, then who paid or was paid ("18/06/2025
  // FAST MÜNIR ALPMAN KİRA 11.518,65 TL", "2025-05-06  Swish från KRISTINA HOLMQVIST  877,11",
  // "22/06/2025  FPS K AHMED  -172.73").
  statementParties(text, add);
  // A SWIFT MT103's ordering customer and beneficiary: the line in capitals under ":50K:/<account>"
  // or ":59:/<account>" ("PAOLA MISTRETTA"); a firm there has no listed name in it.
  if (text.includes(':5')) {
    MT_PARTY.lastIndex = 0;
    for (let m; (m = MT_PARTY.exec(text)) !== null;) {
      const value = m[1]!;
      if (!listedCapsName(value)) continue;
      const start = m.index + m[0].length - value.length;
      add(start, start + value.length, 0.8);
    }
  }
}
/**
 * The payer or payee on a bank statement's lines (see capsAfterCues): after a date and a
 * payment's rail, up to four words, without the reference after them ("RENT", "CADEAU"); a
 * name when listedCapsName holds, or an initial before a listed surname.
 */
function statementParties(
  text: string,
  add: (start: number, end: number, score: number) => void,
): void {
  // Read only from the lines whose first words hold a rail's word (a pattern run over every
  // line of a long text costs more than the few statements in it).
  let lastLine = -1;
  for (const at of STATEMENT_RAIL_WORDS.at(text)) {
    const line = text.lastIndexOf('\n', at - 1) + 1;
    if (line === lastLine || at - line > 40) continue;
    lastLine = line;
    STATEMENT_LINE.lastIndex = line;
    const m = STATEMENT_LINE.exec(text);
    if (m === null) continue;
    const words = m[1]!.split(' ');
    // The longest run of words from the first that reads as a name: a reference may follow it
    // ("EMILIAN KOENIG Essen Samstag").
    let value = '';
    for (let n = words.length; n >= 2 && value === ''; n--) {
      const w = words.slice(0, n);
      if (PAYMENT_REFERENCE.has(fold(w[n - 1]!))) continue;
      const surname = w[1]![0] + w[1]!.slice(1).toLowerCase();
      const named =
        n === 2 && w[0]!.length === 1
          ? inNameLists(surname) && !isEnglishWord(surname)
          : listedCapsName(w.join(' '));
      if (named) value = w.join(' ');
    }
    if (value === '') continue;
    const start = m.index + m[0].length - m[1]!.length;
    add(start, start + value.length, 0.8);
  }
}
// The rails' words, before the party: Faster Payments, transfers and instant payments in
// English, Spanish, Swedish, French, Italian, German, Turkish and Dutch.
const STATEMENT_RAIL = String.raw`(?:fps|faster payments?(?: (?:to|from))?|(?:bank )?transfer (?:to|from)|from|to|bgc|so|sto|tfr|bizum (?:de|a)|transferencia (?:de|a)|swish (?:från|till)|vir(?:ement)?(?: sepa)?(?: (?:de|reçu de|recu de|émis vers|emis vers|à|a))?(?: (?:m\.|mme|mlle))?|bonifico(?: a vostro favore)?(?: (?:da|a|di))?|gutschrift(?: von)?|überweisung(?: (?:an|von))?|fast|havale(?: (?:gönderilen|gelen))?|eft|overboeking (?:van|naar)|zelle (?:to|from)|(?:interac )?e-transfer (?:to|from)|payment (?:to|from))`;
const STATEMENT_LINE = new RegExp(
  String.raw`[ \t]*\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?\.?[ \t]+${STATEMENT_RAIL}[ \t]+((?:\p{Lu}[\p{L}\p{M}'’-]*)(?: \p{Lu}[\p{L}\p{M}'’-]*){0,3})(?=[ \t]{2,}|[ \t]+[-+]?\d|[ \t]*(?:\r?\n|$))`,
  'iyu',
);
const STATEMENT_RAIL_WORDS = keywords([
  'fps',
  'faster payment',
  'transfer',
  'from',
  'bgc',
  'tfr',
  'bizum',
  'swish',
  'vir',
  'bonifico',
  'gutschrift',
  'überweisung',
  'fast',
  'havale',
  'eft',
  'overboeking',
  'zelle',
  'payment',
]);
/** What a statement's line says a payment was for, after the party's name. */
const PAYMENT_REFERENCE: ReadonlySet<string> = new Set(
  'rent kira miete loyer alquiler affitto hyra huur cadeau regalo gift present cena dinner essen lunch ref refund'.split(
    ' ',
  ),
);

/**
 * Whether two to four words in capitals may all be name parts and one of them is in the lists:
 * after a role's label or in a payment's party field, where a firm's or a plan's name stands as
 * often ("Customer: ACME PREMIUM").
 */
/** Two or three words in capitals, none of them an ordinary word (of the lists, or English). */
function unknownCapsName(value: string): boolean {
  const words = value.split(/[ ,'’-]+/).filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 3 || words.some((w) => w.length < 2)) return false;
  const title = words.map(titleCase);
  return title.every((w) => {
    const c = classify(w);
    return c !== 'common' && c !== 'stop' && !isEnglishWord(w);
  });
}

function listedCapsName(value: string): boolean {
  const words = value.split(/[ .,'’-]+/).filter((w) => w.length > 1);
  if (words.length < 2 || words.length > 4) return false;
  const title = words.map(titleCase);
  return capsNameWords(title) && title.some((w) => inNameLists(w));
}
/** Words in capitals after "=", up to the next key's "key=" or the line's end. */
const KEYED_CAPS =
  /=(\p{Lu}[\p{Lu}\p{M}'’-]+(?: \p{Lu}[\p{Lu}\p{M}'’-]*){1,3})(?=[ \t]+[a-z_]{2,24}=|[ \t]*(?:\r?\n|$))/gu;
/** A line of two to four words in capitals (and the next line's indent). */
const CAPS_LINE = /^[ \t]*(\p{Lu}[\p{Lu}\p{M}'’-]+(?: \p{Lu}[\p{Lu}\p{M}'’.-]*){1,3})[ \t]*$/u;
/** A contact line's label and its colon, right after its line break: "\nMob:", "\nE-mail:". */
const CONTACT_LABEL_BEFORE =
  /(?<=\n)[ \t]*(?:mob(?:ile)?|tel(?:ephone)?|phone|cell|ph|e-?mail|mail|contact|m|t|e)\.?[ \t]*:$/i;
/** A quoted value in capitals: two letters or more, blanks, dots, apostrophes and hyphens. */
const QUOTED_CAPS = /(["'])(\p{Lu}[\p{Lu}\p{M}]+(?:[ .,'’-]{1,2}\p{Lu}[\p{Lu}\p{M}]*){0,4})\1/gu;
const MT_PARTY =
  /(?:^|\n):(?:50[AFK]|59[AF]?):\/?[A-Z0-9 ]{0,40}\r?\n(\p{Lu}{2,20}(?:[ '’-]\p{Lu}{1,20}){1,3})(?=[ \t]*(?:\r?\n|$))/gu;

/** Programming languages and tools, some named like people, as a skills list names them. */
const TECH =
  'python|java|javascript|typescript|scala|golang|go|rust|ruby|julia|ada|pascal|fortran|cobol|haskell|erlang|elixir|kotlin|swift|perl|php|lua|matlab|sql|c\\+\\+|c#|hadoop|spark|kafka|cassandra|jenkins|kubernetes|docker|terraform|react|angular|django|flask|rails|mongodb|postgresql|mysql|redis|grafana|kibana|ansible|delphi|prolog|lisp|clojure|ocaml|dart|stan';
const TECH_WORD = new RegExp(`^(?:${TECH})$`, 'i');
const TECH_LIST_AFTER = new RegExp(
  String.raw`^(?:[ \t]*\([\p{L} ]{1,20}\))?(?:[ \t]*[,/][ \t]*|[ \t]+(?:and|or|und|et|y|e|ou|o)[ \t]+)(?:${TECH})(?![\p{L}])`,
  'iu',
);
const TECH_LIST_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${TECH})(?:[ \t]*\([\p{L} ]{1,20}\))?(?:[ \t]*[,/][ \t]*|[ \t]+(?:and|or|und|et|y|e|ou|o)[ \t]+)$`,
  'iu',
);
/** "the", "a" or "an" right before a word. */
const ENGLISH_ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|an?)[ \t]$/iu;

/**
 * Airline and rail systems' "SURNAME/GIVEN" ("CASPER/JACOB MR", "LOZADA CASAREZ/GABRIELA",
 * "SATO/HIROSHI" in a rooming list, ".../20MAY32/CASPER/JACOB/P1" in a DOCS line): capitals on
 * both sides of a slash, one side a listed name and neither an ordinary word, or a passenger's
 * title after them. Not "AND/OR", "TCP/IP", "LHR/JFK".
 */
function slashNames(
  text: string,
  add: (start: number, end: number, score: number, reason?: string) => void,
): void {
  for (let at = text.indexOf('/'); at >= 0; at = text.indexOf('/', at + 1)) {
    if (!isUpperAscii(text.charCodeAt(at - 1)) || !isUpperAscii(text.charCodeAt(at + 1))) continue;
    const left = SLASH_LEFT.exec(text.slice(Math.max(0, at - 42), at));
    const right = SLASH_RIGHT.exec(text.slice(at + 1, at + 52));
    if (left === null || right === null) continue;
    // (A record's word before the surname and the title after the given name are no part of
    // the name: "PAX IGLESIASPENA/LUCIA MRS DOB ...".)
    let l = left[1]!;
    const lw = l.split(' ');
    if (lw.length === 2 && classify(titleCase(lw[0]!)) === 'stop') l = lw[1]!;
    let r = right[1]!;
    let titled = right[2] !== undefined;
    const rw = r.split(' ');
    if (rw.length === 2 && PAX_TITLE.test(rw[1]!)) {
      r = rw[0]!;
      titled = true;
    }
    const start = at - l.length;
    const words = [...l.split(/[ -]/), ...r.split(/[ -]/)].map(titleCase);
    if (words.some((w) => isFunctionWord(w) || isEnglishWord(w) || classify(w) === 'stop')) {
      continue;
    }
    if (!titled && !words.some((w) => isSurname(w) || isGivenName(w))) continue;
    // Acronyms paired by a slash after an article: "with the MSN/ERA attached", "an EFT/ERA".
    if (!titled && ENGLISH_ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 6), start))) continue;
    add(start, at + 1 + r.length, titled ? 0.85 : 0.8, 'airline name');
  }
}
const isUpperAscii = (c: number) => c >= 65 && c <= 90;
/** The surname before the slash: one or two words in capitals, not glued to a letter or digit. */
// (A booking's passenger number may be glued before it: "1.1SMITH/JOHN MR".)
const SLASH_LEFT = /(?:(?<=\d\.\d)|(?<![\p{L}\p{N}-]))(\p{Lu}{2,20}(?:[ -]\p{Lu}{2,20})?)$/u;
/**
 * The given names after it, and a passenger's title; then no more letters, nor a slash but the
 * one before a passenger's number ("/P1").
 */
const PAX_TITLE = /^(?:MRS|MR|MS|MISS|MSTR|DR|CHD|INF)$/;
const SLASH_RIGHT =
  /^(\p{Lu}{2,20}(?:[ -]\p{Lu}{2,20})?)(?:[ ](MRS|MR|MS|MISS|MSTR|DR|CHD|INF))?(?![\p{L}\p{N}]|-[\p{L}\p{N}])(?!\/(?!P\d))/u;

/**
 * A form's row of a name's label and one value a party ("Cognome | BARLETTA | TALLONE",
 * "Prénom\tAudrey\tScholastique"), as accident reports and comparison tables print them: each
 * value cell that reads as a name. Not a table's header row (a rule under it, "|---|"), nor
 * cells that are words ("| Name | Email | Phone |").
 */
function labelRowNames(
  text: string,
  add: (start: number, end: number, score: number) => void,
): void {
  for (const m of matchesOnLinesWith(LABEL_ROW, text, ['|', '\t'])) {
    const rowEnd = m.index + m[0].length;
    if (
      RULE_BELOW.test(text.slice(rowEnd, rowEnd + 80)) ||
      RULE_BELOW_START.test(text.slice(rowEnd, rowEnd + 40))
    )
      continue;
    const cells = m[2]!.split(/[|\t]/);
    // (Not a header row of a table exported with tabs: "Nombre\tCorreo\tTeléfono" over its
    // rows. A form's rows each open with a field's name: one must follow or come before.)
    if (cells.length > 3) continue;
    if (!m[2]!.includes('|') && !fieldRowBeside(text, m.index, rowEnd)) continue;
    let at = rowEnd - m[2]!.length;
    for (const cell of cells) {
      const lead = cell.length - cell.trimStart().length;
      const value = cell.trim();
      const start = at + lead;
      at += cell.length + 1;
      if (!NAME_CELL.test(value)) continue;
      const words = value.split(/[ '’-]+/).filter((w) => w.length > 1);
      if (words.length === 0 || words.length > 4) continue;
      const title = words.map(titleCase);
      if (
        title.some(
          (w) =>
            isEnglishWord(w) ||
            NOT_FILLED.test(w) ||
            isFunctionWord(w) ||
            FIELD_LABELS.has(fold(w)),
        )
      ) {
        continue;
      }
      add(start, start + value.length, 0.8);
    }
  }
}
/** Whether the line after `rowEnd` or before `rowStart` opens with a form's field name. */
function fieldRowBeside(text: string, rowStart: number, rowEnd: number): boolean {
  const next = FIELD_ROW_START.exec(text.slice(rowEnd + 1, rowEnd + 40));
  if (next !== null && FIELD_LABELS.has(fold(next[1]!))) return true;
  const from = lineStartWithin(text, Math.max(0, rowStart - 1), 200);
  if (from < 0 || rowStart === 0) return false;
  const prev = FIELD_ROW_START.exec(text.slice(from, rowStart));
  return prev !== null && FIELD_LABELS.has(fold(prev[1]!));
}
const FIELD_ROW_START = /^[ \t|]*([\p{L}-]{2,20})[ \t]*[|\t]/u;
const LABEL_ROW =
  /(?:^|\n)[ \t|]*(cognome|nome|nom|pr[ée]nom|apellidos?|nombre|apelidos?|surname|last name|first name|given names?|family name|forenames?|vorname|nachname|naam|voornaam|achternaam)[ \t]*[|\t]([^\n]{1,200})/iuy;
/** A cell that can hold a name: letters, blanks, apostrophes and hyphens, a capital first. */
const NAME_CELL = /^\p{Lu}[\p{L}\p{M}'’ -]{1,60}$/u;
/** A table's rule on the line right after (the header row's own line already read). */
const RULE_BELOW_START = /^\r?\n[ \t]*\|?[ \t]*:?-{3,}/;

/**
 * Whether the words of a name written in capitals (title-cased here) may all be name parts: no
 * stop word, except a surname that is also a word after a given name ("ANNETTA HILLS",
 * "GWEN PRICE"), as the capitalised pass keeps it (scoreRun).
 */
function capsNameWords(title: readonly string[]): boolean {
  for (let i = 0; i < title.length; i++) {
    const w = title[i]!;
    if (classify(w) !== 'stop') continue;
    // A particle inside the name: "ILIAS DE RUITER", "ANA VAN DER BERG"; or opening a surname
    // written first, "DE SOUZA JOAO PEDRO".
    if ((i > 0 || title.length >= 3) && i < title.length - 1 && PARTICLE_SET.has(w.toLowerCase())) {
      continue;
    }
    if (i === 0 || !isSurname(w) || isGrammarWord(w) || !isGivenName(title[0]!)) return false;
  }
  return true;
}

const GERMAN_NAME_CUE = /name ist|hei(?:ß|ss)e/i;

function lowerCaseAfterCue(text: string, taken: readonly Span[], out: Candidate[]): void {
  const anyLower = /[a-zß-ÿ]/.test(text);
  // Offsets covered by a candidate, built on the first call: scanning `out` for each match was
  // quadratic on a long text full of names.
  let covered: Uint8Array | null = null;
  // The words of the lower-case names found, for their other mentions (see the end).
  let words: Set<string> | null = null;
  const add = (start: number, end: number, score: number, reason = 'cue, case') => {
    if (overlapsAny(taken, start, end)) return;
    // Documentation's stand-ins in any case: "Passenger name: JANE DOE", "as user jane doe".
    if (
      PLACEHOLDER.has(
        text
          .slice(start, end)
          .split(/[ .,'’-]+/)
          .pop()!
          .toLowerCase(),
      )
    )
      return;
    if (covered === null) {
      covered = new Uint8Array(text.length);
      for (const c of out) covered.fill(1, c.start, c.end);
    }
    for (let k = start; k < end; k++) {
      if (covered[k] !== 1) continue;
      // A weaker reading of the same words by the capitalised pass gives way to this one.
      const i = out.findIndex((o) => o.start < end && start < o.end);
      const o = out[i];
      if (
        o &&
        o.score < score &&
        o.start >= start &&
        o.end <= end &&
        !out.some((p, j) => j !== i && p.start < end && start < p.end)
      ) {
        out[i] = { start, end, type: 'PERSON', score, reason };
        covered.fill(1, start, end);
      }
      return;
    }
    out.push({ start, end, type: 'PERSON', score, reason });
    covered.fill(1, start, end);
    // Only a name of two words or more is repeated: one word after "name:" is as often a
    // package's or a file's ("name: dotenvx" opening a YAML header).
    const name = text.slice(start, end);
    const parts = name.split(/[ .]+/);
    if (reason !== 'coreference' && parts.length >= 2 && name === name.toLowerCase()) {
      for (const w of parts) if (w.length >= 3) (words ??= new Set()).add(w);
    }
  };
  const hits = lowerStarts(text);
  if (!anyLower) {
    capsAfterCues(text, hits, add, taken);
    return;
  }
  for (const m of stickyMatches(LOWER_CUE, text, hits)) {
    // "username: bob" is not a name cue; "name:" must be a whole word, and not a member of
    // code ("{param.name: param for ...}", "file.name is useful").
    if (m.index > 0 && (LETTER.test(text[m.index - 1]!) || text[m.index - 1] === '.')) continue;
    // "The app name is platform dependent": the name of a thing.
    if (thingBeforeName(text, m.index)) continue;
    const w1 = m[2]!;
    if (isFunctionWord(w1) || VERB_SHAPE.test(w1)) continue;
    // An English word no name list holds says what the name is like, not what it is: "the
    // name is taken from", "the initial name is set by", "ASCII name: fast path".
    if (isEnglishWord(w1)) continue;
    // "name: billing-config", "name: ci-deployer": an identifier made of words.
    if (w1.includes('-') && w1.split('-').some((p) => isEnglishWord(p) || isFunctionWord(p))) {
      continue;
    }
    // German writes names with a capital: one unknown word after "Name ist" is an adjective
    // ("Der Name ist ungültig", "Name ist erforderlich").
    if (!m[4] && GERMAN_NAME_CUE.test(m[0]) && !isKnownName(w1)) continue;
    // "name: export.csv", "name: build_7", "name: docs/readme": a file or an identifier.
    if (IDENTIFIER_TAIL.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) {
      continue;
    }
    const start = m.index + m[0].length - m[1]!.length;
    let end = start + w1.length;
    // The second word, after a middle initial or not ("hyuuma t. maida"); after a vowel, which
    // may be an article ("name is john a customer"), only a listed surname.
    const w2 = m[4];
    const initial = m[3];
    if (
      w2 &&
      !isFunctionWord(w2) &&
      !VERB_SHAPE.test(w2) &&
      (initial === undefined || !NOT_INITIAL.has(initial) || classify(w2) === 'last')
    ) {
      end = start + m[1]!.length;
    }
    // "name: input," in code: an unknown word closed by code punctuation is an identifier.
    if (!isKnownName(w1) && CODE_AFTER.test(text.slice(end, end + 1))) continue;
    // "name: dotenvx" over "description: ...": one unknown word in a block of lower-case keys
    // (a YAML header, a config file) names a package or a service.
    if (end === start + w1.length && !isKnownName(w1) && m[0].includes(':')) {
      if (keyLineBeside(text, m.index)) continue;
    }
    add(start, end, isKnownName(w1) ? 0.85 : 0.7);
  }
  const pairs = stickyMatches(LOWER_PAIR_CUE, text, LOWER_PAIR_STARTS.at(text));
  for (const m of [
    ...pairs,
    ...stickyMatches(LOWER_PAIR_OWNER, text, LOWER_PAIR_OWNER_STARTS.at(text)),
  ]) {
    // (The owner pattern has no look-behind, which would be tried at every offset: "deorder".)
    if (m.index > 0 && LETTER.test(text[m.index - 1]!)) continue;
    const w1 = m[1]!;
    const w2 = m[2]!;
    // Both in the lists and neither an ordinary word: "called mark twain" is a known first name
    // and a surname, "asked grace period" is not ('grace' and 'period' are words).
    const c1 = classify(w1[0]!.toUpperCase() + w1.slice(1));
    const c2 = classify(w2[0]!.toUpperCase() + w2.slice(1));
    if (c1 !== 'first' || (c2 !== 'last' && c2 !== 'first')) continue;
    if (isFunctionWord(w1) || isFunctionWord(w2) || VERB_SHAPE.test(w2)) continue;
    // Documentation's stand-ins: "as user jane doe".
    if (PLACEHOLDER.has(w2)) continue;
    const start = m.index + m[0].length - w1.length - 1 - w2.length;
    add(start, m.index + m[0].length, 0.6);
  }
  // One listed given name in lower case after a verb of speech, without a surname: "spoke to
  // gareth and then ...", "escalated: cc raj from Security" (not a word: "asked grace").
  for (const m of stickyMatches(LOWER_ONE_CUE, text, LOWER_ONE_STARTS.at(text))) {
    if (m.index > 0 && LETTER.test(text[m.index - 1]!)) continue;
    const w = m[1]!;
    if (!isGivenName(w) || isEnglishWord(w) || isFunctionWord(w) || VERB_SHAPE.test(w)) continue;
    if (PLACEHOLDER.has(w)) continue;
    const end = m.index + m[0].length;
    add(end - w.length, end, 0.6);
  }
  // The same before a verb of speech: "hey so ade said the customer ...", "lmk if jordan
  // already replied", "kev and sandra both said".
  for (const at of LOWER_SAID_STARTS.at(text)) {
    let e = at - 1;
    if (text.charCodeAt(e) !== 32) continue;
    const adverb = SAID_ADVERB_BEFORE.exec(text.slice(Math.max(0, e - 8), e));
    if (adverb !== null) e -= adverb[0].length;
    let b = e;
    while (b > 0 && b > e - 21 && isAsciiLower(text.charCodeAt(b - 1))) b--;
    if (e - b < 3 || (b > 0 && LETTER_OR_DIGIT_BEFORE.test(text[b - 1]!))) continue;
    const w = text.slice(b, e);
    if (!isGivenName(w) || isEnglishWord(w) || isFunctionWord(w) || PLACEHOLDER.has(w)) continue;
    // ("the manual says", "my manager said": a thing or a role after its determiner.)
    if (DETERMINER_BEFORE.test(text.slice(Math.max(0, b - 7), b))) continue;
    add(b, e, 0.6);
  }
  for (const m of signOffLowerMatches(text)) {
    const w1 = m[1]!;
    const w2 = m[2];
    // Only lower-case words here: capitalised ones went through the main pass.
    if (w1 !== w1.toLowerCase() || (w2 !== undefined && w2 !== w2.toLowerCase())) continue;
    if (isFunctionWord(w1) || VERB_SHAPE.test(w1)) continue;
    if (w2 !== undefined && (isFunctionWord(w2) || VERB_SHAPE.test(w2))) continue;
    const len = w1.length + (w2 === undefined ? 0 : 1 + w2.length);
    const start = m.index + m[0].length - len;
    add(start, start + len, isKnownName(w1) || w2 !== undefined ? 0.75 : 0.6);
  }
  for (const m of stickyMatches(SELF_LOWER, text, hits)) {
    const w = m[1]!;
    if (!isKnownName(w) || isFunctionWord(w)) continue;
    // "This is akin to ...", "this is bill of sale": a phrase, not an introduction.
    if (PHRASE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    const start = m.index + m[0].length - w.length;
    add(start, start + w.length, 0.7);
  }
  capsAfterCues(text, hits, add, taken);
  for (const m of stickyMatches(GREETING_LOWER, text, hits)) {
    if (m.index > 0 && LETTER.test(text[m.index - 1]!)) continue;
    const w = m[1]!;
    if (!isKnownName(w) || isFunctionWord(w)) continue;
    const start = m.index + m[0].indexOf(w, m[0].length - w.length - 3);
    add(start, start + w.length, 0.7);
  }
  // "thx, linda", "merci julien", "a presto, chiara": a chat's thanks or goodbye to a listed
  // given name typed in lower case, closing its clause (not "thanks guys", "cheers mate").
  for (const m of stickyMatches(THANKS_LOWER, text, THANKS_STARTS.at(text))) {
    const w = m[1]!;
    if (!isGivenName(w) || isGrammarWord(w) || isEnglishWord(w)) continue;
    const start = m.index + m[0].length - w.length;
    add(start, start + w.length, 0.7);
  }
  // "hi im cordell beatty": a chat's introduction typed without the apostrophe, after a greeting.
  for (const m of stickyMatches(HI_IM_LOWER, text, hits)) {
    const w1 = m[1]!;
    const w2 = m[2];
    if (!isGivenName(w1) || isFunctionWord(w1) || isEnglishWord(w1)) continue;
    const start = m.index + m[0].length - m[1]!.length - (w2 === undefined ? 0 : w2.length + 1);
    const two = w2 !== undefined && plainLowerWord(w2);
    add(start, two ? start + w1.length + 1 + w2.length : start + w1.length, 0.7);
  }
  // The speakers of a support chat typed in lower case ("agustin fahey: bank transfer pls",
  // "ansley  7:24 PM"), once a role speaks in the chat too: a listed given name first.
  // (Whether a role speaks is asked once, when such a line is found: most texts have none.)
  // (Or two given names that take three turns between them or more: "sam: u around?",
  // "reena: ya looking", "sam: ...", a direct message between colleagues.)
  if (text.includes(':')) {
    const turns: RegExpExecArray[] = [];
    // (A speaker no list knows counts when the text names them in full: "DM: Sam Whitlock ↔
    // Reena Patel", then "reena: ya looking".)
    // (Each word looked up once, and at most 64 of them: a search of the text each.)
    let allNamed = true;
    const lookedUp = new Map<string, boolean>();
    for (const m of matchesOnLinesWith(LOWER_SPEAKER, text, [':'])) {
      const w1 = m[1]!;
      const w2 = m[2];
      if (w2 !== undefined && !plainLowerWord(w2)) continue;
      let named = w2 === undefined ? lookedUp.get(w1) : false;
      if (named === undefined) {
        named = lookedUp.size < 64 && !isEnglishWord(w1) && fullNameIn(text, w1);
        lookedUp.set(w1, named);
      }
      if (!named && (!isGivenName(w1) || isFunctionWord(w1) || isEnglishWord(w1))) continue;
      if (!named) allNamed = false;
      turns.push(m);
    }
    if (turns.length > 0) {
      let chat = roleLines(text).length > 0 || (allNamed && turns.length >= 2);
      if (!chat && turns.length >= 3) {
        chat = new Set(turns.map((m) => m[1]! + ' ' + (m[2] ?? ''))).size >= 2;
      }
      for (const m of chat ? turns : []) {
        const w2 = m[2];
        const start = m.index + m[0].length - m[1]!.length - (w2 === undefined ? 0 : w2.length + 1);
        add(start, m.index + m[0].length, 0.6, w2 === undefined ? 'speaker' : 'cue, case');
      }
    }
  }
  // A lower-case name before the address that spells it: "edith schulist / edith81@...".
  if (text.includes('@')) {
    for (const m of matchesOnLinesWith(LOWER_NAME_EMAIL, text, ['@'], true)) {
      const w1 = m[1]!;
      const w2 = m[2]!;
      const local = m[3]!.toLowerCase();
      if (!plainLowerWord(w1) || !plainLowerWord(w2)) continue;
      if (!(w1.length >= 3 && local.includes(w1)) && !(w2.length >= 3 && local.includes(w2))) {
        continue;
      }
      const start = m.index + m[0].indexOf(w1 + ' ' + w2);
      add(start, start + w1.length + 1 + w2.length, 0.75);
    }
  }
  // A claim's or a case's party typed in lower case after its role ("3p driver oluwaseun
  // adeyemi", "defendant: orla walsh", "controparte batilda avola"): two words that are no
  // ordinary words, or one listed name alone.
  // (Tried only where the keyword pass found a role's word.)
  for (const at of LOWER_ROLE_STARTS.at(text)) {
    LOWER_ROLE.lastIndex = at;
    const m = LOWER_ROLE.exec(text);
    if (m !== null) {
      const w1 = m[3]!;
      const w2 = m[4];
      if (w1.length < 3 || !plainLowerWord(w1) || LOWER_VERBS.has(w1)) continue;
      const two = w2 !== undefined && w2.length >= 3 && plainLowerWord(w2) && !LOWER_VERBS.has(w2);
      if (!two && !isKnownName(w1)) continue;
      // (Two words no list knows only after an English role or a colon: the other languages'
      // ordinary words are not in the dictionary, "il conducente ha detto", "non risponde".)
      if (
        two &&
        !isKnownName(w1) &&
        !isKnownName(w2!) &&
        !LOWER_ROLES_EN.includes(m[1]!) &&
        m[2] !== ':'
      ) {
        continue;
      }
      const end = m.index + m[0].length - (w2 !== undefined && !two ? w2.length + 1 : 0);
      const known = isKnownName(w1) || (two && isKnownName(w2!));
      add(end - (two ? w1.length + 1 + w2.length : w1.length), end, known ? 0.7 : 0.6);
    }
  }
  // A doctor's surname typed in lower case in a text that has capitals elsewhere ("can u tell
  // dr o'hara-haag the rash is worse", "that doctor morissette ordered"): the word after the
  // title, unless it is an ordinary word ("doctor west"), a street's next word ("oak dr apt 4")
  // or a note's abbreviation.
  if (LOWER_DOCTOR_HINT.test(text)) {
    LOWER_DOCTOR.lastIndex = 0;
    for (let m; (m = LOWER_DOCTOR.exec(text)) !== null;) {
      const w = m[1]!;
      if (w.length < 3 || !plainLowerWord(w) || LOWER_VERBS.has(w) || NOT_AFTER_DOCTOR.test(w)) {
        continue;
      }
      const end = m.index + m[0].length;
      if (/^[ \t]{0,2}(?:\d|#)/.test(text.slice(end, end + 4))) continue;
      add(end - w.length, end, isKnownName(w) ? 0.75 : 0.65);
    }
  }
  // "hey, baylee here. can u send ...", "servus, mirac hier": a chat opened with a name in lower
  // case, unless it is a word ("ok here", "anyway here").
  for (const m of matchesOnLinesWith(LOWER_HERE, text, HERE_WORDS, true, hereEndsClause)) {
    const w = m[1] ?? m[2]!;
    // (After a greeting, a listed given name that is also a word: "hey, jordan here".)
    const greeted = m[1] !== undefined && isGivenName(w) && !isGrammarWord(w);
    if (!greeted && (isFunctionWord(w) || isEnglishWord(w) || VERB_SHAPE.test(w))) continue;
    const start = m.index + m[0].length - w.length;
    add(start, start + w.length, isKnownName(w) ? 0.75 : 0.6);
  }
  // "my name is borna jerković but everyone calls me borna": the other mentions of a lower-case
  // name's words, as whole words, unless they are also ordinary words.
  if (words !== null) {
    let tried = 0;
    for (const w of words as Set<string>) {
      if (++tried > 8) break;
      if (isFunctionWord(w) || isEnglishWord(w)) continue;
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
        const end = at + w.length;
        if ((at > 0 && WORD_CHAR.test(text[at - 1]!)) || WORD_CHAR.test(text[end] ?? ' ')) continue;
        add(at, end, 0.7, 'coreference');
      }
    }
  }
}
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LOWER_DOCTOR_HINT = /\b(?:dr|doctor)\b/;
/** A party's role before its name, in English and in the other languages of the claims. */
const LOWER_ROLES_EN =
  'driver defendant claimant witness judge occupant occ tenant landlord caller insured policyholder cust cx pt contact'.split(
    ' ',
  );
const LOWER_ROLES = [
  ...LOWER_ROLES_EN,
  ...'contraente controparte assicurato assicurata conducente testimone conductor conducteur témoin tomador arrendatario arrendataria inquilino inquilina mieter vermieter zeuge fahrer kläger beklagter beklagte'.split(
    ' ',
  ),
];
const LOWER_ROLE_STARTS = keywords(LOWER_ROLES, { wholeWord: true });
/** Tried where a role starts: the role, its colon, one or two lower-case words. */
const LOWER_ROLE = new RegExp(
  String.raw`(${LOWER_ROLES.join('|')})[ \t]{0,2}(:?)[ \t]{1,3}(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?:[ \t](\p{Ll}[\p{Ll}\p{M}'’-]{1,30}))?(?![\p{L}\p{M}])`,
  'uy',
);
const LOWER_DOCTOR =
  /(?<![\p{L}\p{N}_.-])(?:dr|doctor)\.?[ \t]{1,2}(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?![\p{L}\p{M}\p{N}_@'’]|\.[\p{L}\p{N}])/gu;
const NOT_AFTER_DOCTOR =
  /^(?:referral|rx|appt|apt|ste|suite|unit|que|del|para|por|con|und|der|die|das|les|des|pour|avec|visit|visits|ok|pls|asap|tmrw|tomorrow|today|yesterday|tonight|office|ordered|gp|er|ed|dept)$/;
/** Whether a lower-case word may be a name's part: no function word, verb form or English word. */
function plainLowerWord(w: string): boolean {
  return !isFunctionWord(w) && !VERB_SHAPE.test(w) && !isEnglishWord(w);
}
const HI_IM_LOWER =
  /(?:[Hh]i|[Hh]ey|[Hh]ello|[Hh]iya)[ \t,!]{1,3}(?:there[ \t,!]{1,3})?im[ \t]{1,2}(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?:[ \t](\p{Ll}[\p{Ll}\p{M}'’-]{1,30}))?(?![\p{L}\p{M}])/uy;
/** A chat line spoken by one or two lower-case words: "name: ...", "name  6:27 PM". */
const LOWER_SPEAKER = new RegExp(
  String.raw`(?:^|\n)[ \t>]*(?:${CHAT_STAMP}[ \t]*(?:[-–][ \t]*)?)?(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})(?:[ \t](\p{Ll}[\p{Ll}\p{M}'’-]{1,30}))?(?=[ \t]?:[ \t]|[ \t]{2,}\d{1,2}:\d{2}|[ \t]*·[ \t]*\d{1,2}:\d{2})`,
  'uy',
);
/** Whether `word` (lower case) stands capitalised in `text` before a capitalised word: a full name. */
function fullNameIn(text: string, word: string): boolean {
  const cap = word[0]!.toUpperCase() + word.slice(1);
  for (let at = text.indexOf(cap + ' '); at >= 0; at = text.indexOf(cap + ' ', at + 1)) {
    if (at > 0 && LETTER.test(text[at - 1]!)) continue;
    const next = text[at + cap.length + 1];
    if (next !== undefined && next !== next.toLowerCase()) return true;
  }
  return false;
}
/** Two lower-case words, then a slash, a bracket or a dash, and an address's local part. */
const LOWER_NAME_EMAIL =
  /(?:^|\n|:[ \t])[ \t]*(\p{Ll}[\p{Ll}\p{M}'’-]{1,30})[ \t](\p{Ll}[\p{Ll}\p{M}'’-]{1,30})[ \t]*(?:\/|<|-|,|\()[ \t]*([\w.+-]{2,64})@/uy;
/** A lower-case word before "here" opening a line (after a greeting): "hey, baylee here." */
// In German, French and Spanish only after a greeting: "mándenlo aquí:" is a verb.
/** The words LOWER_HERE needs after the name. */
const HERE_WORDS = ['here', 'hier', 'ici', 'aqu'];
/**
 * Whether the "here" word at `start`..`end` ("aqu" goes on with "í" or "i") follows a space or
 * a tab and ends a clause, as LOWER_HERE needs: most "here"s in prose go on ("here is", "here
 * to help").
 */
function hereEndsClause(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (before !== 32 && before !== 9) return false;
  let k = text.charCodeAt(end - 1) === 117 /* aqu */ ? end + 1 : end;
  const c = text.charCodeAt(k);
  if (c === 46 || c === 44 || c === 58 || c === 59 || c === 33 || c === 0x2013 || c === 45) {
    return true;
  }
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  return text.charCodeAt(k) === 10 || (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10);
}
const LOWER_HERE =
  /(?:^|\n|:[ \t])[ \t]*(?:(?:hey|hi|hello|hallo|servus|moin|yo|salut|bonjour|hola|ciao)[ \t]*[,!]?[ \t]*(\p{Ll}[\p{Ll}\p{M}'’-]{2,30})(?=[ \t](?:here|hier|ici|aquí|aqui)(?:[.,:;!–-]|[ \t]*\n))|(\p{Ll}[\p{Ll}\p{M}'’-]{2,30})(?=[ \t]here(?:[.,:;!–-]|[ \t]*\n)))/uy;

/**
 * Whether code unit `c` is a letter (or a mark, or 々 and ー) of a script without capitals:
 * Hebrew, Arabic, the Indic scripts (Devanagari to Sinhala, without their digits and dandas),
 * Thai, Lao, Myanmar, Georgian, Ethiopic, Khmer, kana, CJK ideographs, Hangul syllables. Read on
 * code-unit ranges: a pattern with Unicode script properties cost a 1 MB paste of such text
 * 80 ms more.
 */
function isUncasedUnit(c: number): boolean {
  if (c < 0x5d0) return false;
  if (c < 0x3005) {
    if (c < 0xe00) {
      return (
        (c >= 0x5d0 && c <= 0x5ea) ||
        (c >= 0x620 && c <= 0x65f) ||
        (c >= 0x66e && c <= 0x6d3) ||
        // Each Indic block is 0x80 long, its dandas and digits at 0x64-0x6f.
        (c >= 0x900 && ((c & 0x7f) < 0x64 || (c & 0x7f) > 0x6f))
      );
    }
    return (
      (c >= 0xe01 && c <= 0xe4e) ||
      (c >= 0xe81 && c <= 0xecd) ||
      (c >= 0x1000 && c <= 0x103f) ||
      (c >= 0x10d0 && c <= 0x10ff && c !== 0x10fb) ||
      (c >= 0x1200 && c <= 0x135a) ||
      (c >= 0x1780 && c <= 0x17d3)
    );
  }
  return (
    c === 0x3005 ||
    (c >= 0x3041 && c <= 0x30ff && c !== 0x30a0) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3)
  );
}

/** Any such letter: the quick test before the runs are read. */
const UNCASED_ANY =
  /[\u05d0-\u05ea\u0620-\u065f\u066e-\u06d3\u0900-\u0dff\u0e01-\u0e4e\u0e81-\u0ecd\u1000-\u103f\u10d0-\u10ff\u1200-\u135a\u1780-\u17d3\u3005\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]/;

/**
 * The end of the run of uncased-script words starting at `start`: one to four words of such
 * letters, one space (or ideographic space) apart.
 */
function uncasedRunEnd(text: string, start: number): number {
  let k = start;
  for (let words = 1; ; words++) {
    while (k < text.length && isUncasedUnit(text.charCodeAt(k))) k++;
    const sp = text.charCodeAt(k);
    if (words === 4 || (sp !== 32 && sp !== 0x3000) || !isUncasedUnit(text.charCodeAt(k + 1))) {
      return k;
    }
    k++;
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A CJK form's label for a person's name, then its colon. */
const CJK_LABEL_BEFORE =
  /(?:氏名|お名前|名前|フリガナ|担当者|ご担当者|担当|口座名義|名義人|名義|契約者|申込者|申請者|患者名|患者氏名|受取人|依頼者|運転者|差出人|本人|姓名|联系人|收件人|收货人|客户姓名|负责人|户名|开户名|持卡人|被保险人|投保人|报案人|申请人|处理人|经办人|发件人|이름|성명|고객명|담당자|예금주|보호자|신청인)[ \t\u3000]*[:：][ \t\u3000]*$/u;
/** Whether a colon (ASCII or full-width) stands before `start`, past blanks. */
function colonBefore(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0x3000)) k--;
  return k >= 0 && (text.charCodeAt(k) === 58 || text.charCodeAt(k) === 0xff1a);
}

/** The roles a CJK chat's lines open with: customer service, customer, user, operator. */
const CJK_ROLES: ReadonlySet<string> = new Set(
  '客服 客戶 客户 用户 用戶 顾客 顧客 店员 店員 客服专员 客服人員 系统 系統 オペレーター お客様 担当 担当者 상담원 고객 직원'.split(
    ' ',
  ),
);
/** After a chat's speaker: their role in brackets (group 1), then the colon. */
const SPEAKER_AFTER_CJK = /^(（[^）\n]{1,20}）|\([^)\n]{1,20}\))?[ \t]?[:：]/u;
/** Before a chat's speaker: the line's start, then a time stamp (group 1) or not. */
const CHAT_LINE_START = /(?:^|\n)[ \t]*(\[?\d{1,2}:\d\d(?::\d\d)?\]?[ \t]{1,2})?$/;

/**
 * Whether the CJK run [start, end) speaks in a chat: at a line's start after a time stamp, or
 * with a role in brackets, then a colon. (A form's label opens its line with a colon too:
 * "氏名：", "住所：".)
 */
function cjkSpeaker(text: string, start: number, end: number): boolean {
  // (Most runs have none of a colon or a bracket after them: those are read first.)
  const c = text.charCodeAt(end === text.length ? end - 1 : end);
  if (c !== 58 && c !== 0xff1a && c !== 0xff08 && c !== 40 && c !== 32) return false;
  const after = SPEAKER_AFTER_CJK.exec(text.slice(end, end + 24));
  if (after === null) return false;
  const line = CHAT_LINE_START.exec(text.slice(Math.max(0, start - 16), start));
  return line !== null && (line[1] !== undefined || after[1] !== undefined);
}
/**
 * Honorifics written right after a name: Japanese 様 さま さん, Chinese 先生 女士 小姐. (Korean
 * 님 and 씨 follow titles as often as names: 고객님 "customer", 아저씨 "mister".)
 */
const HONORIFIC_AFTER = /^[ \u3000]?(?:様|さま|さん|先生|女士|小姐)/u;
const HONORIFIC_END = /[ \u3000]?(?:様|さま|さん|先生|女士|小姐)$/u;
/**
 * Words those honorifics follow that name no one: お客様 "customer", 皆さん "everyone", ご担当者様
 * "whoever is in charge", roles and kin (社長 "company president", お母さん "mother"). A word
 * with the polite prefix お or ご is never a name.
 */
const NOT_NAMED = new Set(
  '客 皆 みな みんな 担当 担当者 神 王 奥 殿 社長 部長 課長 係長 店長 会長 院長 校長 所長 局長 会員 先生 医者 運転手 業者 先輩 後輩 母 父 兄 姉 弟 妹 嫁 婿 孫 老 老师 医生 大夫 各位'.split(
    ' ',
  ),
);

/**
 * Names in scripts without capitals, which the main pass (built on capitals) never sees: taken
 * only right after a cue that names a person ("Dear 汪子骞,", "Customer: 川島 菜々子", "Best
 * regards,\n세준 임", "I spoke with خلود بن عاشور") or before an honorific ("山田様"). A run
 * longer than a name is a sentence and is left alone: CJK words of at most four characters
 * (five for a Japanese name written without a space), at most two of them; other scripts at
 * most four words of two to fifteen letters.
 */
function uncasedAfterCue(text: string, taken: readonly Span[], out: Candidate[]): void {
  if (!UNCASED_ANY.test(text)) return;
  let covered: Uint8Array | null = null;
  for (let i = 0; i < text.length; i++) {
    if (!isUncasedUnit(text.charCodeAt(i))) continue;
    const start = i;
    const runEnd = uncasedRunEnd(text, start);
    i = runEnd;
    // Not the tail of a longer word: a letter or digit of any script right before it.
    if (start > 0 && LETTER_OR_DIGIT.test(text[start - 1]!)) continue;
    // A CJK run longer than two four-character words and a glued honorific is a sentence:
    // most runs of such text end here, before any string is made.
    if (runEnd - start > 11 && text.charCodeAt(start) >= 0x3040) continue;
    const whole = text.slice(start, runEnd);
    // An honorific glued to the name ("山田様", "高橋さん") ends it.
    const glued = HONORIFIC_END.exec(whole);
    if (glued && glued.index === 0) continue;
    const run = glued ? whole.slice(0, glued.index).trimEnd() : whole;
    if (glued && (NOT_NAMED.has(run) || /^[おご]/u.test(run))) continue;
    const end = start + run.length;
    // An honorific opening the run closes the name before it ("SHIMIZU AYAKA 様 旅券番号").
    if (HONORIFIC_AFTER.test(run)) continue;
    // Its words, read in one loop (a split and a pattern per word cost most of this pass on a
    // long paste of such text): how many, the shortest and the longest, and whether all are
    // CJK (every unit of a run is a letter of a script without capitals; CJK's are U+3005 on).
    let wordCount = 1;
    let shortest = Infinity;
    let longest = 0;
    let letters = 0;
    let cjk = true;
    for (let k = start, from = start; k <= end; k++) {
      const c = k < end ? text.charCodeAt(k) : 32;
      if (c === 32 || c === 0x3000) {
        shortest = Math.min(shortest, k - from);
        longest = Math.max(longest, k - from);
        if (k < end) wordCount++;
        from = k + 1;
      } else {
        letters++;
        if (c < 0x3000) cjk = false;
      }
    }
    if (cjk) {
      if (wordCount > 2 || longest > (wordCount === 1 ? 5 : 4)) continue;
      // One character is a name only as a surname before an honorific ("王先生").
      if (letters < (glued ? 1 : 2)) continue;
    } else if (shortest < 2 || longest > 15) {
      continue;
    }
    let score: number;
    if (glued || (HONORIFIC_AFTER.test(text.slice(end, end + 4)) && !NOT_NAMED.has(run))) {
      score = 0.8;
    } else if (
      cjk &&
      colonBefore(text, start) &&
      CJK_LABEL_BEFORE.test(text.slice(Math.max(0, start - 12), start))
    ) {
      // A CJK form's name label: "氏名：鈴木 美咲", "担当者: 小林 悠斗", "口座名義：井上 拓海",
      // "联系人：王芳", "성명: 김민준".
      score = 0.85;
    } else if (cjk && !CJK_ROLES.has(run) && cjkSpeaker(text, start, end)) {
      // A chat's speaker: "[13:55] 松本: ...", "中村（Trellisサポート）: ...".
      score = 0.7;
    } else {
      // The cues are Latin words, a colon, a comma or a line break: right after a letter of
      // the run's own scripts or its punctuation (a sentence of CJK text) none can stand.
      score = latinCueCanEnd(text, start) ? cueScoreBefore(text, start) : 0;
      // A quote header: "王芳 <wang@example.cn> wrote:", or the subject of a verb only people
      // do: "須藤 優奈 called about ...". Both go on with a space and a Latin letter or "<".
      if (score === 0 && text.charCodeAt(end) === 32 && latinOrAngleAt(text, end + 1)) {
        if (CUE_WROTE.test(text.slice(end, end + 100))) score = 0.8;
        else if (PERSON_VERB_AFTER.test(text.slice(end, end + 24))) score = 0.7;
      }
      // A cell under a column of names in a pasted table.
      if (score === 0) {
        const header = columnHeader(text, start, end);
        if (header !== null && NAME_HEADER.test(header)) score = 0.8;
      }
      // Two CJK words with a space between them inside Latin text: Chinese and Japanese
      // write no spaces between words, so the space parts a family name from a given name
      // written for readers of Latin ("The package for 学 川田", "Driver 凛 大西 will ...").
      // (Korean spaces its words: "입력된 시간" is "time submitted".)
      if (
        score === 0 &&
        cjk &&
        wordCount === 2 &&
        !HANGUL.test(run) &&
        latinAround(text, start, end)
      ) {
        score = 0.6;
      }
      // Korean spaces its words, but a family name of one syllable beside a given name of two
      // is a name's shape ("김 민준", "준형 좌" written given name first).
      if (
        score === 0 &&
        wordCount === 2 &&
        koreanName(run.split(/[ \u3000]/)) &&
        latinAround(text, start, end)
      ) {
        score = 0.6;
      }
      // Two or three words of Arabic, Hebrew or another script without capitals, alone on a
      // line of Latin text, where a person stands: after "for", "with", "by", a role or a
      // relative, or before a possessive, "(customer" or a verb ("The package for عوضية
      // العلاني has been delayed"). Not "thanks is شكرا جزيلا", "מזל טוב to the team".
      if (
        score === 0 &&
        !cjk &&
        wordCount >= 2 &&
        wordCount <= 3 &&
        (PERSON_BEFORE_UNCASED.test(text.slice(Math.max(0, start - 32), start)) ||
          PERSON_AFTER_UNCASED.test(text.slice(end, end + 24))) &&
        aloneOnLine(text, start, end)
      ) {
        score = 0.55;
      }
    }
    if (score === 0 || overlapsAny(taken, start, end)) continue;
    // Offsets covered by a candidate, built on the first name found: testing every candidate
    // for each run was quadratic on a long paste of such text.
    if (covered === null) {
      covered = new Uint8Array(text.length);
      for (const c of out) covered.fill(1, c.start, c.end);
    }
    if (covered.subarray(start, end).includes(1)) continue;
    out.push({ start, end, type: 'PERSON', score, reason: 'cue, script' });
    covered.fill(1, start, end);
  }
}

/**
 * Names after a label or an honorific of their own script, in Arabic, Persian, Hebrew and the
 * scripts of India, where words are spaced but not capitalised: "الاسم: عبد الله بن ناصر
 * الحربي", "السيدة نورة العتيبي تواصلت", "خانم زهرا احمدی", "גב' מיכל אברהם", "श्री राजेश
 * कुमार", "திருமதி கலைச்செல்வி ராமசாமி", "ชื่อ-นามสกุล: คุณสมชาย ใจดี". After a label with
 * its colon the name runs to the line's end or a punctuation mark (at most five words, Arabic's
 * بن and عبد included); after an honorific it is two words, or one before a comma.
 */
function nativeCues(text: string, taken: readonly Span[], out: Candidate[]): void {
  // Tried where a cue's first word stands (the shared keyword pass): a whole-text search of
  // the alternation ran in V8's regexp interpreter on a busy page, 600 ms on 1 MB of Arabic.
  let from = 0;
  for (const at of NATIVE_CUE_WORDS.at(text)) {
    if (at < from) continue;
    // A whole word: not the end of a longer one.
    if (at > 0 && LETTER_OR_MARK.test(text[at - 1]!)) continue;
    NATIVE_CUE.lastIndex = at;
    const m = NATIVE_CUE.exec(text);
    if (m === null) continue;
    from = at + m[0].length;
    const label = m[2] !== undefined;
    let start = m.index + m[0].length;
    // Thai writes its honorific คุณ glued to the name.
    if (text.startsWith('คุณ', start)) start += 3;
    if (label) {
      NATIVE_HONORIFIC_AT.lastIndex = start;
      if (NATIVE_HONORIFIC_AT.test(text)) start = NATIVE_HONORIFIC_AT.lastIndex;
    }
    let end = start;
    let words = 0;
    const most = label ? 5 : 2;
    for (let k = start; words < most;) {
      let j = k;
      while (
        j < text.length &&
        (isUncasedUnit(text.charCodeAt(j)) || isNameMark(text.charCodeAt(j)))
      ) {
        j++;
      }
      if (j === k) break;
      words++;
      end = j;
      const c = text.charCodeAt(j);
      if (c !== 32 || !isUncasedUnit(text.charCodeAt(j + 1))) break;
      k = j + 1;
    }
    if (words === 0 || (words === 1 && end - start < 2)) continue;
    addWhole(out, taken, start, end, label ? 0.85 : 0.8, 'cue, script');
  }
}
/**
 * Names in scripts without capitals that no label or honorific announces, where their own
 * conventions place them:
 * - signing a message: the last line after a dash ("— ريم", "—— 周宁", "- विकास"), or after a
 *   line that ends with a sign-off of the script ("با تشکر،\nسارا نوروزی", "בברכה,\nאורי
 *   שטרן, מנהל משמרת", "ধন্যবাদান্তে,\nঅনির্বাণ ঘোষ");
 * - speaking for a role in a chat, in brackets: "الموظف (سارة): ...", "オペレーター（高橋）：",
 *   "[客服-小美] ...";
 * - introducing themselves in Chinese or Japanese: "我是陈佳慧", "我叫王秀英" (a common Chinese
 *   surname first), "井上と申します";
 * - addressed in Korean with 님 or 씨, or signing with 드림: "이서연 님", "최유나씨", "정다은 드림"
 *   (a common Korean surname first).
 */
function nativeScriptNames(text: string, taken: readonly Span[], out: Candidate[]): void {
  // Each pattern is sticky, tried only where its literal part stands (found by indexOf or the
  // keyword pass): a whole-text search of such patterns ran in V8's regexp interpreter on a
  // busy page, 300 ms on 1 MB of Arabic and Korean.
  for (const [re, score, starts] of NATIVE_PLACES) {
    let from = 0;
    for (const at of starts(text)) {
      if (at < from) continue;
      re.lastIndex = at;
      const m = re.exec(text);
      if (m === null) continue;
      from = at + m[0].length;
      const name = m[1]!;
      const start = m.index + m[0].lastIndexOf(name);
      // (The Korean and Japanese patterns open with the name: not inside a longer word.)
      if (start > 0 && start === m.index && LETTER_OR_MARK.test(text[start - 1]!)) continue;
      if (
        re === KOREAN_ADDRESSED &&
        (!KOREAN_SURNAMES.has(name[0]!) || KOREAN_NOT_NAMED.has(name))
      ) {
        continue;
      }
      // (A name's label qualified in brackets is no speaker: "성명(한글): 최유나".)
      if (re === BRACKET_SPEAKER && NATIVE_NAME_LABEL.test(m[0])) continue;
      // (Japanese writes the name first and the desk in brackets: "中村（サポート）:".)
      if (re === BRACKET_SPEAKER && (KATAKANA_ONLY.test(name) || CJK_ROLES.has(name))) continue;
      // (A desk signs as often as a person: "مع التحية،\nفريق خدمة العملاء".)
      if (re === NATIVE_SIGNED && NOT_A_SIGNER.test(name)) continue;
      addWhole(out, taken, start, start + name.length, score, 'cue, script');
    }
  }
  // The last line, unless a name was found on it.
  const [lineStart, end] = lastLine(text);
  if (lineStart === 0 || end - lineStart > 60) return;
  if (out.some((c) => c.end > lineStart)) return;
  const m = NATIVE_CLOSING_LINE.exec(text.slice(lineStart, end));
  if (m === null) return;
  if (m[1] === undefined && !NATIVE_SIGN_OFF_END.test(lineAbove(text, lineStart))) return;
  const start = lineStart + m[0].indexOf(m[2]!, m[1]?.length ?? 0);
  addWhole(out, taken, start, start + m[2]!.length, 0.75, 'sign-off, script');
}
/** A word of a script without capitals (as isUncasedUnit reads it), in a pattern. */
const UNCASED_WORD = String.raw`[\u05d0-\u05ea\u0620-\u065f\u066e-\u06d3\u0900-\u0dff\u0e01-\u0e4e\u10d0-\u10fa\u3005\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\u200c]{2,15}`;
/** A capitalised word of Greek, Cyrillic or Armenian, which a chat's bracket may hold. */
const CASED_NATIVE_WORD = String.raw`[\u0386-\u03ab\u0400-\u042f\u0531-\u0556][\u03ac-\u03ce\u0430-\u045f\u0561-\u0587\u0301]{1,15}`;
/** A last line: a dash or not, one to three such words, then a comma and a role or nothing. */
const NATIVE_CLOSING_LINE = new RegExp(
  String.raw`^[ \t]*([-–—~]{1,2}[ \t]*)?(${UNCASED_WORD}(?: ${UNCASED_WORD}){0,2})[ \t]*(?:[,،][^\n]{1,30})?$`,
  'u',
);
/** Sign-offs of those scripts ending a line ("با تشکر،", "בברכה,", "ধন্যবাদান্তে,"). */
const NATIVE_SIGN_OFF_END =
  /(?:با تشکر|با سپاس|با احترام|مع تحياتي|مع خالص التحيات|وشكرا|شكرا|شكراً|تحياتي|בברכה|בתודה|תודה|ধন্যবাদান্তে|ধন্যবাদ|শুভেচ্ছান্তে|धन्यवाद|सादर|भवदीय|आपका|நன்றி|அன்புடன்|ขอบคุณ|ด้วยความเคารพ|此致|敬上|谢谢|謝謝|よろしくお願いします|よろしくお願いいたします|以上|감사합니다)[ \t]*[,،.。!！]?[ \t]*$/u;
/** Places where a name stands, each with the score it gets; group 1 is the name. */
const KOREAN_ADDRESSED = /(\p{sc=Hangul}{2,4})(?: 님|님|씨| 씨| 드림)(?![\p{L}\p{N}])/uy;
/** Words 님 and 씨 follow that name no one: customer, member, ranks and kin. */
const KOREAN_NOT_NAMED: ReadonlySet<string> = new Set(
  '고객 회원 사장 과장 부장 차장 대리 팀장 실장 선생 교수 기사 상담원 담당자 관리자 원장 이사 대표 손님 여러분 작가 의사 간호사 학생 어머니 아버지 어머님 아버님 형 누나 언니 오빠 선배 후배 동생 친구 주인 고객센터'.split(
    ' ',
  ),
);
const KATAKANA_ONLY = /^[\p{sc=Katakana}ー・]+$/u;
/** The words a desk's signature opens with: team, department, service, office. */
const NOT_A_SIGNER =
  /^(?:فريق|قسم|إدارة|ادارة|مصلحة|خدمة|مكتب|تیم|واحد|بخش|צוות|מחלקת|שירות|टीम|विभाग|सेवा|দল|বিভাগ|குழு|ทีม|Служба|Отдел|Команда|Тим|Екип|Служба|Ομάδα|Τμήμα)/u;
/** The labels of a person's name, which a bracket may qualify ("성명(영문):"). */
const NATIVE_NAME_LABEL =
  /^\n?[ \t]*(?:성명|이름|氏名|姓名|お名前|名前|الاسم|نام|שם|नाम|নাম|பெயர்|ชื่อ)/u;
/** A chat's speaker in brackets after their role, at a line's start: "الموظف (سارة):". */
const BRACKET_SPEAKER = new RegExp(
  String.raw`[ \t]*(?:\[?\d{1,2}:\d\d(?::\d\d)?\]?[ \t]*)?[^\s():：（）\[\]]{1,20}[ \t]*[(（](${UNCASED_WORD}(?: ${UNCASED_WORD})?|${CASED_NATIVE_WORD})[)）][ \t]*[:：]`,
  'uy',
);
/**
 * A line of one to four words in those scripts (or capitalised Greek, Cyrillic, Armenian)
 * right under a sign-off of the script: "Срдачан поздрав,\nНенад Стојановић", "مع خالص
 * التحية،\nخالد العتيبي\nقسم خدمة العملاء", "நன்றி,\nசெல்வம் முருகன்".
 */
/** Sign-offs of mail in those scripts, and in Cyrillic, Greek, Armenian and Georgian. */
const NATIVE_SIGN_OFFS = [
  'با تشکر|با سپاس|با احترام|مع خالص التحية|مع خالص التحيات|مع التحية|مع تحياتي|وتفضلوا بقبول فائق الاحترام|تحياتي|وشكرا|شكرا|شكراً|شکریہ|والسلام',
  'בברכה|בתודה|ধন্যবাদান্তে|ধন্যবাদ|শুভেচ্ছান্তে|धन्यवाद|सादर|भवदीय|आपका|आपली विश्वासू|आपला विश्वासू|ਧੰਨਵਾਦ|આભાર|நன்றி|அன்புடன்|ధన్యవాదాలు|ಧನ್ಯವಾದಗಳು|നന്ദി|ස්තූතියි',
  'С уважением|С наилучшими пожеланиями|З повагою|Срдачан поздрав|Срдачно|Поздрав|Поздрави|С уважение|Με εκτίμηση|Με φιλικούς χαιρετισμούς|Հարգանքով|პატივისცემით',
].join('|');
const NATIVE_SIGN_OFF_WORDS = keywords(NATIVE_SIGN_OFFS.split('|'));
const NATIVE_SIGNED = new RegExp(
  String.raw`(?:${NATIVE_SIGN_OFFS})[ \t]*[,،:՝.!]?[ \t]*\r?\n[ \t]*(${UNCASED_WORD}(?: ${UNCASED_WORD}){0,3}|${CASED_NATIVE_WORD}(?: ${CASED_NATIVE_WORD}){0,2})[ \t]*(?=\r?\n|,|$)`,
  'uy',
);
const NATIVE_PLACES: readonly [RegExp, number, (text: string) => Iterable<number>][] = [
  [BRACKET_SPEAKER, 0.75, (text) => lineStartsBefore(text, ['(', '（'])],
  [
    NATIVE_SIGNED,
    0.8,
    (text) => NATIVE_SIGN_OFF_WORDS.at(text).filter((k) => atLineStart(text, k)),
  ],
  [
    /\[(?:客服|客户服务|售后|顾客服务|客服专员|在线客服)[-－·・ ]([\p{sc=Han}]{1,3})\]/uy,
    0.75,
    (text) => indexesOf(text, '[').filter((k) => atLineStart(text, k)),
  ],
  [
    /(?:我是|我叫|本人是)([王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤陳張劉楊黃趙吳許鄭謝蕭葉蘇呂盧鍾譚陸範賈韋鄒顧龔萬錢嚴湯歐欧][\p{sc=Han}]{1,2})(?=[，,。.！!？?\s（(]|$)/uy,
    0.8,
    (text) =>
      [...indexesOf(text, '我是'), ...indexesOf(text, '我叫'), ...indexesOf(text, '本人是')].sort(
        (a, b) => a - b,
      ),
  ],
  [
    /([\p{sc=Han}]{1,4}|[\p{sc=Katakana}ー]{2,8})と申します/uy,
    0.8,
    (text) => indexesOf(text, 'と申します').map((k) => runStartBefore(text, k, 8, isHanOrKatakana)),
  ],
  [
    KOREAN_ADDRESSED,
    0.8,
    (text) =>
      [...indexesOf(text, '님'), ...indexesOf(text, '씨'), ...indexesOf(text, '드림')]
        .map((k) =>
          runStartBefore(text, text.charCodeAt(k - 1) === 32 ? k - 1 : k, 4, isHangulSyllable),
        )
        .sort((a, b) => a - b),
  ],
];
/** Where `needle` occurs in `text`, in order. */
function indexesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let k = text.indexOf(needle); k >= 0; k = text.indexOf(needle, k + needle.length))
    out.push(k);
  return out;
}
/** Whether only blanks stand between the line's start and `k`. */
function atLineStart(text: string, k: number): boolean {
  let i = k - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10;
}
/** The starts of the lines holding one of `needles`, once each, in order. */
function lineStartsBefore(text: string, needles: readonly string[]): number[] {
  const out = new Set<number>();
  for (const needle of needles) {
    for (const k of indexesOf(text, needle)) out.add(text.lastIndexOf('\n', k) + 1);
  }
  return [...out].sort((a, b) => a - b);
}
/** Where the run of at most `most` units passing `test` that ends at `end` starts. */
function runStartBefore(
  text: string,
  end: number,
  most: number,
  test: (c: number) => boolean,
): number {
  let k = end;
  while (k > 0 && end - k < most && test(text.charCodeAt(k - 1))) k--;
  return k;
}
function isHanOrKatakana(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30a1 && c <= 0x30ff)
  );
}
function isHangulSyllable(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Marks and joiners inside words of these scripts (vowel signs, ZWNJ of Persian). */
function isNameMark(c: number): boolean {
  return c === 0x200c || c === 0x200d || (c >= 0x64b && c <= 0x65f) || c === 0x670;
}
/** Honorifics before a name in Arabic, Persian, Hebrew and the scripts of India. */
const NATIVE_HONORIFICS = [
  'السيد|السيدة|الأستاذ|الأستاذة|أستاذ|أستاذة|الدكتور|الدكتورة|د\\.|المهندس|المهندسة|الأخ|الأخت',
  'آقای|خانم|دکتر|مهندس|م\\.',
  'ბატონო|ბატონი|ქალბატონო|ქალბატონი',
  'מר|גב[\'׳]|ד"ר|ד״ר|עו"ד|עו״ד',
  'श्री\\.?|श्रीमती|सुश्री|डॉ\\.|कुमारी|जनाब|জনাব|শ্রীমতী|শ্রী|ডা\\.|திரு\\.?|திருமதி|செல்வி',
].join('|');
/** A label's value may open with one: "பெயர்: திரு. செந்தில் குமார்". */
const NATIVE_HONORIFIC_AT = new RegExp(
  String.raw`(?:${NATIVE_HONORIFICS})(?![\p{L}\p{M}])[ \t]*`,
  'uy',
);
/** Labels of a person's name (or a patient's, an addressee's) in those scripts. */
const NATIVE_LABELS = [
  'ال[اإ]سم(?: الكامل)?|اسم العميل|مقدم الطلب|اسم المستفيد|اسم صاحب الحساب|المريض|المريضة|المرسل|المستلم',
  'نام(?: و نام خانوادگی)?|نام کامل|نام پدر|بیمار|گیرنده',
  'სახელი(?: და გვარი)?|გვარი|განმცხადებელი|ოპერატორი',
  'שם(?: מלא| פרטי| משפחה)?|המטופל|המטופלת|מטופל|מטופלת|נציג מטפל|נציגה מטפלת',
  'ਨਾਮ|નામ|పేరు|రోగి పేరు|ಹೆಸರು|പേര്|නම|सत्यापनकर्ता|नाम|पूरा नाम|ग्राहक का नाम|खाताधारक का नाम|खातेदाराचे नाव|नाव|मरीज़|রোগী|নাম|পূর্ণ নাম|பெயர்|நோயாளி',
  'ชื่อ-นามสกุล|ชื่อ นามสกุล|ชื่อ|ผู้รับ|ผู้ป่วย',
].join('|');
/**
 * The literal words the alternations open with (up to their first pattern character), for the
 * keyword pass: "ال[اإ]سم" gives "ال", "ד\"ר|ד״ר" gives both.
 */
function literalStarts(alternation: string): string[] {
  const out = new Set<string>();
  for (const alt of alternation.split('|')) {
    const word = /^(?:\(\?:)?([^[(\\.?*+{}]+)/u.exec(alt.trim())?.[1]?.trim();
    if (word !== undefined && word.length > 0) out.add(word);
  }
  return [...out];
}
const NATIVE_CUE_WORDS = keywords(literalStarts(`${NATIVE_HONORIFICS}|${NATIVE_LABELS}`));
const NATIVE_CUE = new RegExp(
  String.raw`(?:(${NATIVE_HONORIFICS})[ \t]+|(${NATIVE_LABELS})[ \t]*[:：][ \t]*)`,
  'uy',
);

/**
 * Whether the line around [start, end) has Latin words on it: two ASCII letters in a row
 * within 24 characters before or after.
 */
function latinAround(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 24);
  const nl = before.lastIndexOf('\n');
  const cut = after.indexOf('\n');
  return (
    LATIN_PAIR.test(nl >= 0 ? before.slice(nl + 1) : before) ||
    LATIN_PAIR.test(cut >= 0 ? after.slice(0, cut) : after)
  );
}
const LATIN_PAIR = /[A-Za-z]{2}/;

/** The most common Korean family names, one syllable each. */
const KOREAN_SURNAMES = new Set(
  '김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 유 남 심 노 하 곽 성 차 주 우 구 민 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 라 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 좌 피 감 목 나 간 팽 호 형'.split(
    ' ',
  ),
);
const HANGUL_WORD = /^\p{sc=Hangul}+$/u;

/** Two Hangul words: a listed family name of one syllable and a given name of two, either order. */
function koreanName(words: readonly string[]): boolean {
  if (!words.every((w) => HANGUL_WORD.test(w))) return false;
  const [a, b] = words as [string, string];
  return (KOREAN_SURNAMES.has(a) && b.length === 2) || (KOREAN_SURNAMES.has(b) && a.length === 2);
}

/** Latin words before a run of uncased script that put a person there. */
const PERSON_BEFORE_UNCASED =
  /\b(?:for|with|by|from|under|call|client,|customer|patient|driver|user|recipient|attendees:|full name|name:|mother,|father,|wife|husband|son|daughter|mr\.?|mrs\.?|ms\.?|dr\.?|why)[ \t]{1,2}["']?$/i;
/** Latin words after one that do: a possessive, "(customer", a person's verb. */
const PERSON_AFTER_UNCASED =
  /^(?:['’]s\s|\s\((?:customer|client|id|user)\b|\s(?:was|is|has|will|said|says|called|wrote|asked|replied|wants|needs)\b|["']?\s<[^<>\s]+@)/i;

/**
 * Whether [start, end) is the only run of letters without capitals on its line, as far as 120
 * characters either side (a bound that keeps a megabyte on one line linear).
 */
function aloneOnLine(text: string, start: number, end: number): boolean {
  const a = Math.max(0, start - 120);
  const b = Math.min(text.length, end + 120);
  for (let k = start - 1; k >= a; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) break;
    if (isUncasedUnit(c)) return false;
  }
  for (let k = end; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) break;
    if (isUncasedUnit(c)) return false;
  }
  return true;
}
const HANGUL = /\p{sc=Hangul}/u;

/** Whether text[k] is an ASCII letter or "<". */
function latinOrAngleAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 60;
}

/** The score the cues before `start` give a run of uncased-script words, or 0. */
function cueScoreBefore(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - 64), start);
  // The score depends on these 64 characters alone: a table or a mail merge of such names
  // repeats them ("Dear 王芳," on every line), and each miss costs a dozen pattern tests.
  let score = cueScoreMemo.get(before);
  if (score === undefined) {
    score = cueScoreOf(text, start, before);
    if (cueScoreMemo.size >= 1024) cueScoreMemo.clear();
    cueScoreMemo.set(before, score);
  }
  return score;
}
const cueScoreMemo = new Map<string, number>();

function cueScoreOf(text: string, start: number, before: string): number {
  const starts = wordStarts(before);
  const cue = (re: RegExp) => endsWithCue(re, before, starts);
  if (strongCueBefore(text, start) || cue(CUE_GREETING)) return 0.85;
  if (cue(CUE_LABEL) || cue(CUE_SELF)) return 0.8;
  if (cue(CUE_CC) || cue(WEAK_BEFORE_MULTI)) return 0.6;
  return 0;
}

/**
 * Whether a Latin cue ("Dear ", "Customer: ", "Regards,\n", "cc ") can end right before `start`:
 * the character before the run, past blanks, is ASCII (or a letter with an accent), not a
 * letter or a mark of the scripts without capitals nor their punctuation.
 */
function latinCueCanEnd(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k < 0) return false;
  let c = text.charCodeAt(k);
  // At a line start only a sign-off line ends a cue ("Best regards,\n"): the line before
  // must end in Latin text or a comma, not in a sentence of the run's script.
  if (c === 10 || c === 13) {
    k--;
    while (k >= 0 && (text.charCodeAt(k) <= 32 || text.charCodeAt(k) === 13)) k--;
    if (k < 0) return false;
    c = text.charCodeAt(k);
  }
  // A comma or colon ends a cue after Latin text ("Hi, ", "Customer: "); after the run's own
  // script it is that sentence's punctuation (normalisation turns "，" into ",").
  if (c === 44 || c === 58) {
    k--;
    while (k >= 0 && text.charCodeAt(k) === 32) k--;
    if (k < 0) return false;
    c = text.charCodeAt(k);
  }
  return c < 0x590;
}

function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  const k = firstEndingAfter(spans, start);
  return k < spans.length && spans[k]!.start < end;
}

// --- Compiling the patterns up front.
//
// V8 compiles a pattern when it first runs. On a subject shorter than 1,000 characters it first
// builds interpreter bytecode (with a peephole pass that is slow on long alternations) and
// compiles native code on the next run; on a longer subject it compiles native code at once.
// The cues run on short windows, so each of them paid both compilations in the middle of some
// scan: about 85 ms of CPU in all, in steps of up to 20 ms (the name pass's p99 on 2 KB texts).
// Running each pattern once on a long text instead costs about 20 ms, once. V8 compiles
// separately for Latin-1 and two-byte subjects, so the two-byte code is made only when the
// first two-byte text arrives. Running a pattern on the primer has no other effect: lastIndex
// is reset after each run.

/** Every pattern the finder runs (patterns used only for their source are left out). */
const PATTERNS: readonly RegExp[] = [
  WORD,
  UPPER,
  UPPER_OR_NON_ASCII,
  INNER_CAP_PREFIX,
  INNER_CAP,
  CODE_CHUNK,
  CUE_TITLE,
  CUE_TITLE_M,
  CUE_GREETING,
  CUE_SELF_STRONG,
  CUE_SELF,
  CUE_LABEL_STRONG,
  CUE_LABEL,
  CUE_RELATION,
  CUE_CUSTOMER_PAREN,
  CUE_AFTER_AS_ROLE,
  CUE_ROLE_BEFORE,
  CUE_SPEECH,
  CUE_AFTER_PAREN_ROLE,
  CUE_SIGN_OFF_INLINE,
  CUE_WROTE,
  CUE_CC,
  WEAK_BEFORE,
  WEAK_BEFORE_MULTI,
  WEAK_AFTER,
  ORG_AFTER,
  LIST_GAP,
  NON_ASCII,
  EMAIL_AFTER,
  NUMBER_AFTER,
  ORG_CONTEXT_AFTER,
  ORG_CONTEXT_BEFORE_Y,
  PLACE_BEFORE,
  CUE_SIGN_OFF_LINE_Y,
  LETTER,
  LOWER_CUE,
  GREETING_LOWER,
  VERB_SHAPE,
  SIGN_OFF_LOWER,
  SELF_LOWER,
  CAPS_AFTER_LABEL,
  LOWER_WORD,
];

/** A subject long enough (>= 1,000 UTF-16 units) for V8 to compile native code at once. */
const PRIMER = 'Dear Mr. Smith,\nmy name is Anna Lee. '.repeat(30);
/** Any character above U+00FF makes a string two-byte. */
const NOT_LATIN1 = /[^\x00-\xff]/;
let primedLatin1 = false;
let primedTwoByte = false;

/** Compiles PATTERNS for the encodings `text` needs that are not compiled yet. */
function primePatterns(text: string): void {
  if (!primedLatin1) {
    primedLatin1 = true;
    runAll(PRIMER);
  }
  if (!primedTwoByte && NOT_LATIN1.test(text)) {
    primedTwoByte = true;
    runAll(PRIMER + '\u2019');
  }
}

function runAll(subject: string): void {
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    re.test(subject);
    re.lastIndex = 0;
  }
}
