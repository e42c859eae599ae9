/**
 * Phone numbers. Candidates are found cheaply here (a bounded run of digit groups), refused by
 * shape when they are dates, addresses, versions, amounts or card-length runs, then validated
 * against the country's number plan.
 *
 * Number plans: libphonenumber-js's 'min' metadata cut to the countries in
 * scripts/build-phone-metadata.mjs (rules/phone/metadata.ts); other calling codes are recognised
 * without their plans. `min` checks each country's number pattern and lengths (and number types
 * where the plan has them), which is what a detector needs: the rest of the decision comes from
 * shape and context below. The plans are read by rules/phone/validate.ts, which answers as
 * libphonenumber-js does (a test compares them) without shipping the library's code: the whole
 * engine without names must fit in 60 KB gzipped.
 */
import { OTHER_CALLING_CODES, PHONE_PLANS } from '../phone/metadata.ts';
import { numbersOf, PhonePlans } from '../phone/validate.ts';
import { WITH_ZERO, WITHOUT_ZERO } from '../phone/national.ts';
import { clamp, documentedAsOwn, underscoresAsSpaces } from '../context.ts';
import { isTrivialDigits } from '../checksums.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { byFirstLetter, lineStartWithin, matchesOf } from '../scan-util.ts';
import { columnHeader } from '../table.ts';

// A run that starts with "+", "(" or a digit and continues with digits and the separators people
// use in phone numbers (space, dot, dash, slash, parentheses), ending on a digit, plus an
// optional extension (group 1). Every repetition is bounded, and the look-behind refuses a start
// inside a word, a number, an amount, a path or a query, so a long digit run is read from one offset
// only.
// A form field's or a query's value starts after "=", which the look-behind refuses unless the
// key names a phone ("phone=", `mobile_number=`, "tel=") or the number starts with "+". After a digit and a comma only a digit
// is refused ("1,234,567"): a CSV row's next cell may open with "(" or "+".
const NOT_BEFORE_RUN = String.raw`[\w+.\-/\\@#$€£¥%&]|\d[,:](?=\d)|(?<!(?:phone|mobile|tel|telephone|cell|fax|msisdn|whatsapp)(?:[ _-]?(?:number|no|num|nr))?)=(?!\+)`;
// Char-first (see 'Char-first patterns' in docs/engine.md): the run opens with "(", "+" or a
// digit, and the look-behind comes after that character, with it. Looking behind first cost
// 13 ms on 1 MB when V8 compiles without its optimisations, and this 4 ms; optimised, 5 and 3.
// The three openings are those of "(?:\(\+|\+?\(?)\d", tried in its order.
const RUN = new RegExp(
  String.raw`(?:\((?<!(?:${NOT_BEFORE_RUN})\()\+?\d|\+(?<!(?:${NOT_BEFORE_RUN})\+)\(?\d|\d(?<!(?:${NOT_BEFORE_RUN})\d))[\d ().\-/]{4,24}\d([ ]?(?:x|ext\.?|extn\.?|extension)[ ]?\d{1,5}(?!\d))?`,
  'gi',
);

// A sentence's end or two blanks: no number goes on after either.
const RUN_BREAK = /\.[ ]|[ ]{2}/;

// The countries tried without a trunk 0 (rules/phone/national.ts) outside the North American
// plan, for numbers not grouped 3-3-4.
const NOT_NANP = WITHOUT_ZERO.slice(2);

// Words that say "this is a phone number", and phrases that end in one ("my number", "home
// no."). Tested on the text before (40 chars) and after (24 chars) the candidate. Only whether
// one occurs matters, so the words are grouped by their first letter, which V8 tries faster
// than a flat list. This and the other context patterns ignore case (see windowText).
const PHONE_WORDS = new RegExp(
  `\\b(?:${byFirstLetter(
    (
      'll[aá]m\\w{0,8}|contact[aá]r\\w{0,4}|rappel\\w{0,4}|appel\\w{0,4}|anruf\\w{0,6}|' +
      'r[uü]ckruf\\w{0,8}|chiam\\w{0,8}|richiam\\w{0,8}|kontakt|zadzwo\\w{0,6}|kom[óo]rk\\w{0,3}|línea|linea|ligne|rufnummer|handynummer|portabilidad|portabilità|portabilité|telem[óo]vel|messagerie|phone|phones|ph|tel|tele|telephone|telefon|telefono|' +
      'teléfono|téléphone|tél|mobile|mobil|móvil|movil|cell|cellphone|cellular|celular|' +
      // Directory and CRM keys written as one word: LDAP's "telephoneNumber", "mobilePhone".
      'telephonenumber|phonenumber|mobilenumber|mobilephone|homephone|workphone|' +
      'cellulare|handy|portable|fax|call|calls|called|calling|ring|dial|texting|sms|' +
      'whatsapp|viber|telegram|contact|hotline|helpline|landline|voicemail|answering|' +
      'message|messages|reach|reached|reachable|unreachable|disconnected|ported|ringing|rings|' +
      'dialed|dialled|rufnummer|rufen|erreichen|erreichbar|joindre|joignable|tlf|tfno|tlfno|numéro|' +
      'numero|número|buz[oó]n|r[ée]pondeur|mailbox|anrufbeantworter|telefone|telefoon|' +
      'telefonnummer|telefoonnummer|ligue|ligar|contato|contatto|contatt\\w{0,6}|caller|msisdn|gsm|handynr|telefonnr|kontaktowy|kontaktowego|numarası|numarasi|numaram|' +
      // The Philippines' mobile wallet, paid to a mobile number ("GCash number ko 0917 ...").
      'gcash'
    ).split('|'),
  )}\\b|(?:my|his|her|your|our|their|new|cell|home|work|office|mobile|contact|direct)\\s(?:phone\\s)?(?:number|no|nr|#)|(?:out of|not in|no longer in) service|(?:estoy|estaré|estar[ée]) en el)|☎|📞|电话|電話|手机|手機|携帯|連絡先|联系方式|연락처|전화|휴대폰|핸드폰|제 번호|` +
    // Russian and Ukrainian, Arabic (its "old number" and "new number" as the English "new
    // number"), Persian, Hebrew, Hindi and Marathi ("contact"), Bengali, Tamil, Greek and Thai:
    // scripts \b does not see, so outside its group.
    `телефон|тел\\.|тел:|моб\\.|мобильн|мобільн|сотов|هاتف|جوال|جوّال|موبايل|محمول|تليفون|رقم الهاتف|رقم الجوال|الرقم القديم|الرقم الجديد|رقمي|تلفن|موبایل|شماره همراه|טלפון|נייד|मोबाइल|मोबाईल|फोन|फ़ोन|दूरभाष|संपर्क|भ्रमणध्वनी|মোবাইল|ফোন|যোগাযোগ|கைபேசி|தொலைபேசி|அலைபேசி|τηλ[έε]φων|τηλ\\.|κινητ[όο]|เบอร์|โทร|` +
    // Gujarati, Punjabi, Telugu, Kannada, Malayalam, Sinhala, Khmer, Lao, Myanmar, Georgian,
    // Armenian.
    `મોબાઇલ|ફોન|ਮੋਬਾਈਲ|ਫ਼ੋਨ|ఫోన్|మొబైల్|ಮೊಬೈಲ್|ಫೋನ್|മൊബൈൽ|ഫോൺ|දුරකථන|ទូរស័ព្ទ|ໂທລະສັບ|ဖုန်း|ტელეფონ|მობ\\.|հեռախոս|հեռ\\.`,
  'i',
);

// Words that are a phone's as often as not ("text me", "the license text", "Signal", "a
// signal"): they count only right beside the number, as LABEL_BEFORE and LABEL_AFTER do.
const NEAR_PHONE_WORDS = /\b(?:text|texts|signal)\b/i;

// Labels that name a phone only when they sit right beside the number: "Office: ...",
// "... 416 60 039 office", "T: ...". One-letter labels count only with their colon or dot.
const LABEL_BEFORE =
  /(?:\b(?:office|desk|home|work|direct|main|switchboard|mob|tlf|cb#?|callback|call back|best number|contact number|contact no|number to call|caller id|cli|msisdn|number to port|callback number|temp number|alt(?:ernative)? (?:contact )?number|alternativo|nr kontaktowy|prévenir|notfallkontakt)(?![\w])\s{0,2}[:.#]?|(?:^|[\s,;(|])[tmfpho][:.])\s{0,3}$/i;
// (On the number's line: "Home address:" on the next one labels something else.)
const LABEL_AFTER =
  /^[ \t]{0,2}[-(]?[ \t]{0,2}(?:office|desk|home|work|direct|main|switchboard)\b/i;

// A number followed by a street name is a house number and a building or postcode, as in
// "17151 2450 Crown St" or "12 345 Main Street": an address, not a phone.
const STREET_AFTER =
  /^,?\s{1,3}(?:[A-Z][\w'.-]{0,20}\s{1,3}){0,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Boulevard|Way|Ct|Court|Pl|Place|Ter|Terrace|Pkwy|Parkway|Hwy|Highway|Cres|Crescent|Sq|Square|Cir|Circle|Close|Apt|Suite|Unit)\b\.?|^,?\s{1,3}(?:[a-z][\w'.-]{0,20}\s{1,3})?(?:street|avenue|road|drive|lane|boulevard|apt|suite)\b/;

// Words that say the number is something else. Tested on a short window (28 before, 16 after)
// so the "order" of an earlier clause does not sink the phone number of the next.
const NOT_PHONE_WORDS = new RegExp(
  `\\b${byFirstLetter(
    (
      'rtn|ndc|rx|issn|cpv|mmsi|imo|inventaire|inventario|inventory|order|orders|invoice|inv|tracking|track|shipment|parcel|ticket|case|serial|s\\/n|sn|' +
      'version|ver|build|release|ref|reference|sku|item|part|model|account|acct|iban|card|id(?<!caller id)|' +
      'ids|transaction|txn|confirmation|booking|reservation|rma|batch|lot|isbn|amount|total|' +
      'price|cost|balance|sum|paid|payment|eur|usd|gbp|chf|inr|kg|km|mm|cm|pcs|units|qty|' +
      'quantity|population|zip|postcode|postal|plz|patient|mrn|npi|dea|ssn|sin|passport|' +
      'license|licence|tax|vat|ein|tin|routing|aba|swift|policy|member|claim|nhs|medicare|' +
      'medicaid|insurance|insured|kvnr|ehic|ihi|rpps|ipp|mbr|adhérent|adherent|date|dob|born|' +
      'error|code|pin|otp|quote|art|artikel|' +
      'artikelnummer|ersatzteil|einwahlcode|zugangscode|sendungsnummer|sendung|' +
      'verwendungszweck|suivi|colis|seguimiento|envío|paquete|paket|réf|modèle|produit|meeting|' +
      'conference|webinar|rechnung|bestellung|auftrag|kundennummer|facture|commande|pedido|' +
      'factura|ordine|fattura|série|serie|article|artículo|articulo|articolo|permis|' +
      'führerschein|fuhrerschein|carné|carnet|conducir|patente|licencia|' +
      // Passports and identity cards in the other languages: "numéro de passeport : 753898258".
      'passeport|reisepass|reisepassnummer|pasaporte|passaporto|paspoort|paszport|ausweis|' +
      'personalausweis|ausweisnummer|dni|nie|nif|cpf|pesel|bsn|personnummer|aadhaar|steuer|' +
      // The identity and tax numbers of Latin America and South-East Asia.
      'cuit|cuil|cnpj|rut|ruc|nit|curp|nik|ktp|cccd|cmnd|npwp|gstin|philsys|clabe|cbu|' +
      // Counts and measures a "+" can start: "+12825771603 bytes", "+1200345 views".
      'bytes|byte|kb|mb|gb|tb|ms|bps|rows|views|downloads|followers|likes|points|pts|' +
      'visitors|clicks|impressions|records|hits|requests|' +
      // A tracker's and a repository's numbers: "issue 1021948", "Sun patch 112438-03".
      'issue|issues|bug|bugs|patch|commit|pr|rt|closes|fixes|gid|uid|pid|tests|' +
      // A machine's numbers: "session 5848134741 was disconnected", "port 8080", bytes
      // printed as "<Buffer 01 02 03 04 05>", a screen's size ("resize 1920 1080"), a
      // standard's number ("ISO-IR 10646 2000").
      'session|sessions|job|thread|port|socket|buffer|resize|resolution|viewport|width|height|' +
      'pixels|px|iso|rfc|ieee|ecma|ansi|' +
      // Company numbers of the registers: "NIP 725-18-44-213", "org.nr 556712-4481".
      'nip|regon|krs|orgnr|org\\.nr|organisationsnummer|organisationsnr|cvr|kvk|siren|siret|hrb|' +
      // Freight, contracts, tax and health-card references: "AWB 176-82056822", "contrat n°
      // 681 135 5742", "UTR 25639 28451", "Zorgpasnummer: 5434 5880 8".
      'awb|mawb|hawb|waybill|hts|tariff|utr|contrat|contract|vertrag|contrato|contratto|zorgpas|zorgpasnummer|' +
      // German compounds of them: "Mietvertrag 4417-2093", "Vertragsnummer", "Aktenzeichen".
      'mietvertrag|vertragsnummer|rechnungsnummer|auftragsnummer|bestellnummer|vorgangsnummer|' +
      'aktenzeichen|versicherungsnummer|policennummer|' +
      // Their abbreviations ("Bestellnr. 3004-88172"), and a Mexican waybill ("guía 7731009281").
      'bestellnr|auftragsnr|rechnungsnr|vertragsnr|kundennr|sendungsnr|vorgangsnr|guía|guia|' +
      // Orders, invoices and payment references of the smaller European languages: "Comanda
      // nr. 2024-558120", "Rendelés 2024-558120", a Norwegian KID or Swedish OCR reference.
      'comanda|comenzii|rendelés|rendelésszám|számla|zamówienie|zamówienia|faktura|' +
      'fakturanummer|objednávka|objednávky|bestelling|bestelnummer|ordernummer|ordrenummer|' +
      'ordre|tilaus|tilausnumero|lasku|encomenda|kid-nummer|kidnummer|ocr|firmware|fw|' +
      // Bank accounts of the Nordic languages and Dutch ("kontonummeret er 4272.11.30619"),
      // parcels and deliveries in Czech and Swedish ("číslo zásilky Z 482 1937 551",
      // "Leveransnummer 1040-0218-3321"), Austria's health card ("e-card ... 4424 120389").
      'konto|kontonummer|kontonummeret|kontonr|rekening|rekeningnummer|zásilky|zásilka|' +
      'zásilku|leveransnummer|leverans|e-card'
    ).split('|'),
  )}(?![\\wÀ-ÿ@])|[€$£¥₹]|` +
    // A purchase order with its dots, its sign or its label ("P.O. 4500012345", "PO# ..."), not
    // the Filipino "po" of politeness ("contact ko po 0917 555 0142"); in capitals, see below.
    String.raw`\bp\.o\.?|\bpo(?=[ \t]?(?:#|:|no\b|nr\b|number\b))|` +
    // Orders, invoices, contracts and id documents in Russian and Ukrainian ("Замовлення №
    // 100-482-7731", "Заказ 4471-2093"), a customs code ("Код ТН ВЭД: 8516 71 000 0"),
    // outside \b's group. (Not the sign "№": normalise has made it "No".)
    `(?<![а-яёіїєґ])(?:заказ|замовлен|накладн|товарителниц|счет|счёт|рахун|договор|артикул|инн|снилс|паспорт|вэд|увэд)`,
  'i',
);

/** A purchase order in capitals right before a number: "PO 4500012345". */
const PURCHASE_ORDER = /\bPO\b/;

// Where a phone number is kept, right before it: "... on the account:", "... on file for order".
const KEPT_ON =
  /\b(?:on|in|for|of) (?:(?:the|your|my|our|this|his|her|their) )?(?:account|order|file|record|ticket|case|booking|invoice|profile)[ \t]*[:=-]?[ \t]*$/i;

/**
 * Where the window of up to `n` characters before `start` begins, moved forward past a word cut
 * in half at its edge: "dpo" cut to "po" would read as a purchase order.
 */
function windowStart(text: string, start: number, n: number): number {
  let from = Math.max(0, start - n);
  if (from > 0 && isWordCode(text.charCodeAt(from - 1))) {
    while (from < start && isWordCode(text.charCodeAt(from))) from++;
  }
  return from;
}

/**
 * Where a sentence ends in [end, to): a full stop, "!" or "?" and a blank before a capital ("...
 * 512-555-0116. Bank account for deposit: ..."); the next sentence's words say nothing about
 * the number. `to` when none does.
 */
function sentenceEnd(text: string, end: number, to: number): number {
  for (let k = end; k + 2 < to; k++) {
    const c = text.charCodeAt(k);
    if ((c !== 46 && c !== 33 && c !== 63) || text.charCodeAt(k + 1) !== 32) continue;
    if (isUpperCode(text.charCodeAt(k + 2))) return k;
  }
  return to;
}

/** Where the window of up to `n` characters after `end` ends, without a word cut in half. */
function windowEnd(text: string, end: number, n: number): number {
  let to = Math.min(text.length, end + n);
  if (to < text.length && isWordCode(text.charCodeAt(to))) {
    while (to > end && isWordCode(text.charCodeAt(to - 1))) to--;
  }
  return to;
}

// The two characters whose lower case is ASCII: "İ" (i and a combining dot) and the Kelvin sign.
const ASCII_LOWER = /[\u0130\u212a]/;

/**
 * text[from, to) as the context patterns read it. They ignore case, which answers as lower-casing
 * the window and matching lower-case words would, without copying the window, for every
 * character but the two whose lower case is ASCII; where the context holds either (`odd`), the
 * window is lower-cased.
 *
 * A key's underscores read as spaces, as in every context window (contextWords in
 * rules/context.ts): `nhs_number`, `order_id` say what the number is.
 */
function windowText(text: string, from: number, to: number, odd: boolean): string {
  return underscoresAsSpaces(odd ? text.slice(from, to).toLowerCase() : text.slice(from, to));
}

/** Where the line holding `from` ends, or `to` when it goes on past it. */
function lineEndWithin(text: string, from: number, to: number): number {
  // (Read in place: a search of the text would run on to its end on a line without a break.)
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return k;
  return to;
}

/** A `\w` character (ASCII letter, digit or underscore) by its code; false for NaN. */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** One of the separators people put between digit groups: space, dot, dash, slash. */
function isSepCode(c: number): boolean {
  return c === 32 || c === 46 || c === 45 || c === 47;
}

/** Whether `c` is an ASCII capital. */
function isUpperCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Whether `c` ends a line, a table cell or a clause: newline, tab, semicolon or comma. */
function isCellEnd(c: number): boolean {
  return c === 10 || c === 9 || c === 59 || c === 44 || c === 124;
}

/**
 * Where the number's own line, table cell or clause begins in text[from, start): in
 * "jane@mail.test\t0680 501 210\t585,50 €" the amount is another column's.
 */
function cellStart(text: string, from: number, start: number): number {
  let k = start;
  while (k > from && !isCellEnd(text.charCodeAt(k - 1))) k--;
  // A sentence that ended before the number's own words began is no part of its clause:
  // "Ana Kowalski, account holder. number is 0433 671 576". (Not "Acct. 12345678", where no
  // word stands between, nor an abbreviation's dot: "no. ", "tel. ".)
  for (let j = start - 2; j > k + 3; j--) {
    if (text.charCodeAt(j) !== 46 || text.charCodeAt(j + 1) !== 32) continue;
    if (!isLower(text.charCodeAt(j - 1)) || !isLower(text.charCodeAt(j - 2))) continue;
    if (!isLower(text.charCodeAt(j - 3)) || !isLower(text.charCodeAt(j - 4))) continue;
    if (HAS_LETTER.test(text.slice(j + 2, start))) return j + 2;
    break;
  }
  return k;
}
const HAS_LETTER = /[A-Za-z]/;
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Where the number's own line, cell or clause ends in text[end, to). */
function cellEnd(text: string, end: number, to: number): number {
  while (end < to && !isCellEnd(text.charCodeAt(end))) end++;
  return end;
}

// The separators between digit groups, as bits of Shape.seps.
const SPACE = 1;
const DOT = 2;
const DASH = 4;
const SLASH = 8;

/** A candidate's shape, from its digit groups. */
interface Shape {
  /** The main digits, without extension. */
  digits: string;
  /** The length of each digit group as written. */
  sizes: number[];
  /** The separators used between groups (parentheses aside): SPACE | DOT | DASH | SLASH. */
  seps: number;
  /**
   * Written with "+" or the international call prefix 00. (The North American 011 is not
   * read as one: 0113-0118 are British area codes.)
   */
  international: boolean;
  /** Has any separator or parentheses. */
  formatted: boolean;
}

/**
 * The shape of a candidate without its extension, in one pass over its characters with no
 * regex, or null when the shape alone refuses it: too many digits for any phone number (12 for
 * a national form; 15 in E.164 plus a written "00"), several one-digit groups ("4 4 4 4",
 * "10.0.0.1 10.0.0.2") in a number not written with "+", two separators in a row, or
 * parentheses that hold no area code. Keeps long pasted lists and logs fast (factsOf remembers
 * it per candidate text); looksLikeSomethingElse decides the rest.
 */
function shapeOf(main: string): Shape | null {
  const len = main.length;
  let opens = 0;
  let closes = 0;
  let open = -1;
  let formatted = false;
  let seps = 0;
  let singles = 0;
  let digits = '';
  const sizes: number[] = [];
  let g = -1; // start of the current digit group
  for (let i = 0; i <= len; i++) {
    const c = main.charCodeAt(i); // NaN after the end, which closes the last group
    if (c >= 48 && c <= 57) {
      if (g < 0) g = i;
      continue;
    }
    if (g >= 0) {
      digits += main.slice(g, i);
      sizes.push(i - g);
      if (i - g === 1) singles++;
      g = -1;
    }
    if (i === len || c === 43) continue;
    formatted = true;
    if (c === 40) {
      opens++;
      open = i;
    } else if (c === 41) closes++;
    else seps |= c === 32 ? SPACE : c === 46 ? DOT : c === 45 ? DASH : SLASH;
    // Two separators in a row ("12 - 34", "1..2") are prose or a list, not a number, except a
    // closing parenthesis followed by a space or dash.
    const d = main.charCodeAt(i + 1);
    if (isSepCode(c) ? isSepCode(d) || d === 41 : c === 40 && isSepCode(d)) {
      // A German area code set off by a spaced dash or slash, as DIN 5008 once wrote it: "030 -
      // 44044955", "0170 / 4175 808" (a trunk 0 and 2-4 more digits, then the subscriber).
      const e = main.charCodeAt(i + 3);
      if (
        c === 32 &&
        (d === 45 || d === 47) &&
        main.charCodeAt(i + 2) === 32 &&
        e >= 48 &&
        e <= 57 &&
        sizes.length === 1 &&
        main.charCodeAt(0) === 48 &&
        sizes[0]! >= 3 &&
        sizes[0]! <= 5
      ) {
        seps |= SPACE | (d === 45 ? DASH : SLASH);
        i += 2;
        continue;
      }
      return null;
    }
  }
  const at = main.charCodeAt(0) === 40 ? 1 : 0;
  // "+62 ..." or "(+62) ...".
  const plus = main.charCodeAt(at) === 43;
  const idd = main.startsWith('00', at);
  if (digits.length > (plus || idd ? 17 : 13) || (singles >= 2 && !plus)) return null;
  // Parentheses: at most one pair, opened before it is closed, holding 1-5 digits (an area code
  // or the "(0)" of "+41 (0)96 ...").
  if (opens !== closes || opens > 1) return null;
  if (opens === 1) {
    let q = open + 1;
    if (main.charCodeAt(q) === 43) q++;
    let k = q;
    while (k < len && k - q <= 5 && main.charCodeAt(k) >= 48 && main.charCodeAt(k) <= 57) k++;
    if (k === q || k - q > 5 || main.charCodeAt(k) !== 41) return null;
  }
  const first = main.charCodeAt(at + 2);
  return {
    digits,
    sizes,
    seps,
    international: plus || (idd && first >= 49 && first <= 57),
    formatted,
  };
}

const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:\d{2}|\d{4}))$/;
const DATE_THEN_MORE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b/;
const THOUSANDS = /^\d{1,3}(?:[. ]\d{3}){2,}$/;
const SSN_SHAPE = /^\d{3}[- ]\d{2}[- ]\d{4}$/;
/** A US ZIP+4 code's shape, also a Brazilian mobile's without its area code ("91234-5678"). */
const ZIP_PLUS_4 = /^\d{5}-\d{4}$/;

/** Digit groups that are all years of 1900-2099: "1998-2004", "2019 2020". */
function years({ sizes, digits }: Shape): boolean {
  for (let i = 0; i < sizes.length; i++) {
    if (sizes[i] !== 4 || !(digits.startsWith('19', 4 * i) || digits.startsWith('20', 4 * i))) {
      return false;
    }
  }
  return true;
}

/** Shapes that are something else: dates, IP addresses, versions, amounts, ids. */
function looksLikeSomethingElse(main: string, s: Shape): boolean {
  const { sizes, seps, digits } = s;
  const n = sizes.length;
  // Dates: 2024-05-01, 01.05.2024, 1/5/2024; or a date then a time or another number:
  // "2024-05-01 1230". (Each has three groups or more, the second of one or two digits.)
  if (n >= 3 && sizes[1]! <= 2 && ((n === 3 && DATE.test(main)) || DATE_THEN_MORE.test(main))) {
    return true;
  }
  // Dotted quads and other dotted runs with one-digit groups: IP addresses, versions, sections.
  // Not after a "+" in three groups or more: "+1.415.555.2671", "+33.1.23.45.67.89" (but
  // "+35236450.6" is a decimal).
  if (
    seps === DOT &&
    !(s.international && n >= 3 && sizes[n - 1]! >= 2) &&
    ((n === 4 && sizes.every((g) => g <= 3)) || sizes.includes(1))
  ) {
    return true;
  }
  // Amounts with thousands groups: "1.234.567", "12 345 678" after a one-digit lead group.
  if (sizes[0] === 1 && digits[0] !== '1' && THOUSANDS.test(main)) return true;
  // Year ranges and lists: "1998-2004", "2019 2020".
  if (years(s)) return true;
  // US SSN shape 3-2-4 with dashes or spaces. (US ZIP+4 codes are odd: see oddLength.)
  if (n <= 3 && sizes[n - 1] === 4 && SSN_SHAPE.test(main)) return true;
  // One dot before five digits or more is a decimal ("42.123456789"): dotted numbers are written
  // in groups of two to four ("03.93.92.16.85", "555.123.4567"), or as a trunk-0 area code and
  // the subscriber ("030.2345678").
  if (seps === DOT && n === 2 && sizes[1]! >= 5 && digits[0] !== '0') return true;
  // Dots mixed with other separators are decimals ("11.2046 78.4956"), not a number plan.
  if ((seps & DOT) !== 0 && seps !== DOT && !s.international) return true;
  // Card-like 4-4-4(-x) groups.
  if (n >= 4 && sizes[0] === 4 && sizes[1] === 4 && sizes[2] === 4 && sizes[3] === 4) return true;
  // A slash is only a phone separator between area code and subscriber: "030/1234567",
  // "+36 70/434-3873".
  const oneSlash = main.indexOf('/') === main.lastIndexOf('/');
  return (
    (seps & SLASH) !== 0 &&
    !(n >= 2 && (digits[0] === '0' || s.international || italianMobileSlash(s)) && oneSlash)
  );
}

/**
 * An Italian mobile's prefix set off by a slash: "392/6536095" (3 and two digits, then the
 * subscriber). Only a phone label right before vouches for it (see oddLength): case and file
 * numbers are written so too.
 */
function italianMobileSlash(s: Shape): boolean {
  return s.sizes.length === 2 && s.sizes[0] === 3 && s.digits[0] === '3' && s.digits.length === 10;
}

// A line that closes a message before the writer's name: "Regards,", "Un saludo,", "Grüße".
const SIGN_OFF_LINE =
  /^[ \t]*(?:(?:kind|best|warm|many)? ?regards|best(?: wishes)?|cheers|(?:many )?thanks(?: again)?|thank you|sincerely(?: yours)?|yours(?: sincerely| truly)?|saludos(?: cordiales)?|un saludo|atentamente|gracias|(?:bien )?cordialement|bien à vous|merci(?: beaucoup)?|mit freundlichen gr(?:ü|ue)(?:ß|ss)en|(?:viele|beste|liebe) gr(?:ü|ue)(?:ß|ss)e|gr(?:ü|ue)(?:ß|ss)e|merci d['’]avance|groet(?:en)?|met vriendelijke groet(?:en)?|cordiali saluti|saluti|cumprimentos)[ \t]*[,.!]?[ \t]*$/i;
const SIGN_OFF_AFTER_SENTENCE =
  /[.!?][ \t]+(?:(?:many )?thanks(?: again)?|thank you|cheers|regards|merci|gracias|danke)[ \t]*[,.!]?[ \t]*$/i;

/**
 * Whether the number stands alone on its line in a signature: one of the three lines above it
 * is a sign-off ("Saludos cordiales,\nVirginia Treviño\n606 381 049"). A signature's bare number
 * is the writer's phone.
 */
function inSignature(text: string, start: number, end: number): boolean {
  // (Only blanks may stand before the number on its line: the search goes no further.)
  let lineStart = start;
  while (lineStart > 0 && isBlankCode(text.charCodeAt(lineStart - 1))) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return false;
  for (let k = end; k < text.length && text.charCodeAt(k) !== 10; k++) {
    if (!isBlankCode(text.charCodeAt(k))) return false;
  }
  if (lineStart === 0) return false;
  const from = Math.max(0, lineStart - 200);
  const lines = text.slice(from, lineStart - 1).split('\n');
  // The first line is cut when the slice starts inside it.
  const first = from === 0 || text.charCodeAt(from - 1) === 10 ? 0 : 1;
  for (let i = lines.length - 1, seen = 0; i >= first && seen < 3; i--, seen++) {
    if (SIGN_OFF_LINE.test(lines[i]!)) return true;
    // ...or the message's last sentence, then the sign-off on its line ("Amount due is
    // £188.24. Thanks").
    if (seen > 0 && SIGN_OFF_AFTER_SENTENCE.test(lines[i]!)) return true;
  }
  return false;
}

/**
 * Whether the number at `start` follows a contact's other details on its line: an email address
 * and a separator ("simonis.art@gmail.com / 07414817326"), or a customer's label and name
 * ("Customer: Noé Rodriguez / 07957912005").
 */
function afterContactDetails(text: string, start: number): boolean {
  // (The 80 characters before, cut at a line break: a search for the line's start would read a
  // megabyte-long line once for every number on it.)
  let before = text.slice(Math.max(0, start - 80), start);
  const nl = before.lastIndexOf('\n');
  if (nl >= 0) before = before.slice(nl + 1);
  return EMAIL_THEN_SEPARATOR.test(before) || CONTACT_LABEL_THEN_NAME.test(before);
}
const EMAIL_THEN_SEPARATOR = /[\w.+-]@[\w-]+(?:\.[\w-]+)+[ \t]{0,2}[/,;|][ \t]{0,3}$/;
/** The other order, a résumé's or a signature's contact line: "26 41 57 32 | jane@mail.test". */
const SEPARATOR_THEN_EMAIL = /^[ \t]{0,3}[/,;|·•][ \t]{0,3}[\w.+-]+@[\w-]+\.\w/;
const CONTACT_LABEL_THEN_NAME =
  /^[ \t]*(?:customer|client|cliente|kunde|kundin|contact|contacto|caller|name|nombre|nom)[ \t]?:[ \t]{0,3}\p{Lu}[\p{L}'’. -]{1,60}[ \t][/|][ \t]{0,3}$/iu;

/**
 * Whether the number stands alone on the line after a postcode and a town ("51609 Sabadell")
 * or a firm with its legal form ("Acme Ltd"), as the phone line of a postal block or of a
 * signature does.
 */
function underTownOrFirmLine(text: string, start: number, end: number): boolean {
  // Blanks only between the number and the line's ends (each scan stops at the first other
  // character, so a long line costs nothing), and a line above of at most 80 characters.
  let k = start - 1;
  while (k >= 0 && isBlankCode(text.charCodeAt(k))) k--;
  if (k < 1 || text.charCodeAt(k) !== 10) return false;
  for (let e = end; e < text.length && text.charCodeAt(e) !== 10; e++) {
    if (!isBlankCode(text.charCodeAt(e))) return false;
  }
  const above = text.slice(Math.max(0, k - 81), k);
  const nl = above.lastIndexOf('\n');
  if (nl < 0 && k - 81 > 0) return false;
  return TOWN_OR_FIRM_LINE.test(nl >= 0 ? above.slice(nl + 1) : above);
}
const TOWN_OR_FIRM_LINE =
  /^[ \t]*(?:\d{4,5}[ \t]+\p{Lu}[\p{L}'’ .-]{1,40}|\p{Lu}[\p{L}\p{N}&'’ .,-]{1,60}[ \t](?:Ltd|Limited|Inc|LLC|LLP|PLC|plc|GmbH|AG|KG|SA|SAS|SARL|SL|SRL|SpA|BV|NV|Oy|AB|AS|ApS|Pty Ltd|Co)\.?)\r?$/u;

/** Space, tab or carriage return. */
function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

const PLANS = new PhonePlans(PHONE_PLANS);
const OTHER_CODES = new Set(numbersOf(OTHER_CALLING_CODES).map(String));

/** A calling code whose number plan is not shipped, at the start of international digits. */
function unshippedCallingCode(intlDigits: string): boolean {
  for (let n = 1; n <= 3; n++) if (OTHER_CODES.has(intlDigits.slice(0, n))) return true;
  return false;
}

interface Verdict {
  score: number;
  reason: string;
}

/** What a candidate text says on its own: its shape and, once asked, its verdict. */
interface Facts {
  shape: Shape;
  /**
   * A national length or form that only a phone label vouches for (oddLength): taken only right
   * after one (CUE_BEFORE), never on its own.
   */
  odd?: boolean;
  /** The number plans' verdict: undefined until asked, null for no phone number. */
  verdict?: Verdict | null;
}

// Facts by candidate text. Parsing against up to a dozen number plans is most of this detector's
// cost, and reading a shape the next largest part after context; a prompt is scanned again after
// every edit, with the same numbers in it (and a ticket often repeats its own). The shape, the
// refusals and the verdict depend on the candidate text alone, so remembering them changes
// nothing found. Bounded: cleared when full.
const FACTS = new Map<string, Facts | null>();
const FACTS_MAX = 2000;

/** The facts of a candidate text, or null when its shape or digits refuse it. */
function factsOf(main: string): Facts | null {
  let facts = FACTS.get(main);
  if (facts === undefined) {
    const shape = shapeOf(main);
    facts =
      shape && !looksLikeSomethingElse(main, shape) && !refused(shape)
        ? oddLength(shape, main)
          ? { shape, odd: true }
          : { shape }
        : null;
    if (FACTS.size >= FACTS_MAX) FACTS.clear();
    FACTS.set(main, facts);
  }
  return facts;
}

/** The verdict of a candidate text, validated once. */
function verdictOf(main: string, facts: Facts): Verdict | null {
  if (facts.verdict === undefined) facts.verdict = validate(main, facts.shape);
  return facts.verdict;
}

/** Refusals from the digits alone, before any context is read or plan is parsed. */
function refused(s: Shape): boolean {
  const n = s.digits.length;
  // A national number has 6 to 13 digits; outside 7-12 only a phone label vouches for it
  // (oddLength). An international number's length is checked after its "+", in validate.
  if (!s.international && (n < 6 || n > 13)) return true;
  return isTrivialDigits(s.digits);
}

/**
 * A national number of a length no plan tried here has, or written as ids and timestamps are,
 * which only a phone label right before vouches for (see Facts.odd): a US ZIP+4 code's shape
 * ("Telefone: 91234-5678"), six digits, thirteen, or a bare run of 11 or 12. Nobody writes a national number that long without a separator unless it
 * starts with its trunk 0 (German mobiles: 0177 and eight digits) or, at 11, with a 1; a bare
 * run of 11 or 12 is otherwise an id, a timestamp or a number with its calling code and no "+".
 */
function oddLength(s: Shape, main: string): boolean {
  if (s.international) return false;
  if ((s.seps & SLASH) !== 0 && italianMobileSlash(s)) return true;
  const { digits } = s;
  const n = digits.length;
  return (
    ZIP_PLUS_4.test(main) ||
    n === 6 ||
    n === 13 ||
    (!s.formatted &&
      ((n === 12 && digits.charCodeAt(0) !== 48) || (n === 11 && !/^[01]/.test(digits))))
  );
}

// A phone label or request right before the number, nothing between but a colon or "at": what
// vouches for a number of an odd length ("Call me at 747955", "Customer phone: (0524)
// 363474917", "Tel.: 09322 89642880", "Sie erreichen mich unter 08748 76963511"). The window
// is the 16 characters before the number.
const CUE_BEFORE =
  /(?:\b(?:phone|tel|telephone|mobile|cell|fax|whatsapp|handy|telefon|téléphone|teléfono|telefono|telefone|telefoon|telefonnummer|telefoonnummer|portable|móvil|movil|celular|cellulare|cell\.|cel\.|telemóvel|telemovel|handynr|handynummer|mobilnummer|msisdn|gsm)(?: number| no\.?| nr\.?)?|\b(?:chiamare|chiamarmi|contattarmi|contattare|raggiungibile)(?: al| allo)?|\bn(?:r|umer) telefonu|\b(?:call|text|ring|reach|contact) me(?: back)?(?: at| on)?|\bbe reached (?:at|on)|\bmy (?:new )?number(?: is)?|\b(?:il mio|mi|mon|meine|meu|o meu|mijn|mój) (?:nuovo |nuevo |nouveau |neue |novo |nieuwe |nowy )?(?:numero|número|numéro|nummer|numer)(?: (?:è|es|est|ist|é|is|to))?|\bmich unter|reichbar unter|\bjoindre au|\bllamarme al)\s{0,2}[:.#]{0,2}\s{0,2}$/i;

// A phone word right before the number, at most a preposition or a verb between, or what was
// sent to it: it names the number whatever other words stand further off ("un code par SMS au
// 07 74 04 09 99", "OTP sent to 1-702-284-9451").
const DIRECT_PHONE_BEFORE =
  /\b(?:sent to|text(?:ed)? (?:it |me |us |(?:the|a|your) [a-z-]{2,20} )?(?:to|at|on)|send (?:it |the code )?to|(?:sms|phone|tel|telephone|mobile|mobil|cell|fax|handy|telefon|téléphone|teléfono|telefono|telefone|telefoon|portable|móvil|movil|celular|cellulare|telemóvel|telemovel|whatsapp|msisdn|caller id|gsm|handynr|number to port|callback number|temp number|alternativo|n(?:r|umer) telefonu|nr kontaktowy|prévenir)(?:\s(?:au|at|to|on|an|al|a|unter|op|no|na|is|ist|est|es|è|é))?)\s{0,2}[:.#=]?\s{0,2}$/i;

// Whom someone called or spoke to, then "on" and the number: a phone whatever the note says
// about money after it ("call back Mellie Maggio on 941 842 7063 re: $370.29 chargeback", "spoke
// w/ cust Ana Roe on 630-351-0017").
const CALLED_ON_BEFORE =
  /\b(?:call(?:ed|ing)?(?: back)?|cb(?: to)?|ring(?: back)?|rang|phoned|spoke (?:to|with|w\/)|reached)(?:[ \t]+(?!on\b)[\p{L}'’.-]+){0,3}[ \t]+on[ \t]{1,2}$/iu;
// The placeholder of forms and films. (Not the numbers kept for fiction, 555-0100 to 555-0199:
// made-up tickets and generated test data, which stand for real customers', use them most.)
const ALL_FIVES = /^(?:\+?1[ .-]?)?\(?555\)?[ .-]?555[ .-]?5555$/;
const HASH_LETTERS_BEFORE = /#[A-Z]{1,4}[ \t]?$/;
const REPEATED_DIGIT = /^(\d)\1{5,}$/;
const OWN_PHONE =
  /\b(?:my (?:phone|cell|mobile|number|tel|telephone)|call me|reach me|text me|ring me|contact me)\b/;

const NOTICE_OR_CONTAINER_BEFORE = /(?:\b(?:19|20)\d\d\/S|\b[A-Z]{3}[UJZ])[ \t]?$/;
const OWN_ROW_LABEL = /^[ \t]*[^\s\d][^\n]*(?:\t|:)[ \t]*$/;
const TO_AT_ON_END = /\b(?:to|at|on)[ \t]{0,2}[:.#=]?[ \t]{0,2}$/;

/** A number written with its "+": "+62 ..." or "(+62) ...". */
const PLUS_FIRST = /^\(?\+/;

/** Validates a number that is not refused with the number plans; returns the base score. */
function validate(main: string, s: Shape): Verdict | null {
  const { digits } = s;
  if (s.international) {
    // "+" then 8-15 digits (E.164 allows 15 with the country code).
    let plus = main
      .replace(/^\(?00/, '+')
      .replace(/^\((\+\d{1,4})\)/, '$1')
      .replace(/\(0\)/, '');
    if (!plus.startsWith('+')) plus = '+' + plus;
    const intlDigits = plus.replace(/\D/g, '');
    if (intlDigits.length < 8 || intlDigits.length > 15) return null;
    const verdict = PLANS.verdict(plus);
    if (verdict === 'valid') {
      return { score: PLUS_FIRST.test(main) ? 0.85 : 0.75, reason: 'valid international' };
    }
    // A country code that exists but a number the (minimal) plan does not know: plausible. Written
    // with its "+" and of a length the country's numbers have, it is a phone number all the
    // same (a new range, a typo, or a made-up one in test data): no other value looks so.
    if (verdict && PLUS_FIRST.test(main) && PLANS.possible(plus)) {
      return { score: 0.5, reason: 'possible international' };
    }
    if (verdict) return { score: 0.3, reason: 'international' };
    // A real calling code whose plan is not shipped: "+" and 8-15 digits is still a phone.
    if (unshippedCallingCode(intlDigits)) {
      return {
        score: PLUS_FIRST.test(main) ? 0.55 : 0.45,
        reason: 'international, plan not shipped',
      };
    }
    return null;
  }
  const zero = digits.startsWith('0');
  const sizes = s.sizes.join(' ');
  // NANP numbers are written 3-3-4 (after an optional 1); a 10-digit run grouped any other way
  // ("88 57 16 48 01") is something else that happens to fit the plan.
  const nanpShape = !s.formatted || /^(?:1 )?3 3 4$/.test(sizes);
  // Pairs ("80 97 10 87") are how French, Belgian, Swiss and Nordic numbers are written; none
  // of the countries tried without a trunk 0 groups its numbers that way.
  const pairs = !zero && /^(?:\d )?2 2 2 2(?: 2)*$/.test(sizes);
  // With the trunk 0, five pairs make a French, Belgian or Dutch number; six or more pairs
  // ("04 12 23 35 41 47") are a list of small numbers, lottery draws or scores.
  const manyPairs = zero && /^2(?: 2){5,}$/.test(sizes);
  // "950 456 789" is a Spanish mobile and also a count written with thousands spaces; only
  // context tells them apart.
  const thousands = !zero && /^[123](?: 3){2,}$/.test(sizes) && !(s.seps & DASH);
  // Four digits, then groups of two, three or five, set off by dashes ("8922-74-383",
  // "7639-55225"): an article's, a part's or an order's number; no numbering plan without a
  // trunk 0 groups its numbers so (Hong Kong's and Singapore's 4-4 stay).
  // (So are a US drug's NDC codes, 4-4-2, 5-3-2 or 5-4-1, trunk 0 or not: "0169-4130-13".)
  const partNumber =
    s.seps === DASH &&
    (/^(?:4 4 2|5 3 2|5 4 1)$/.test(sizes) ||
      (!zero && /^4(?: [235])+$/.test(sizes)) ||
      // A year, then a serial: "2024-558120", "2023-0045127" (an order's or a file's number).
      (/^4 [67]$/.test(sizes) && /^(?:19|20)\d\d/.test(digits)));
  // A postcode's shape, which no numbering plan writes so: Brazil's CEP ("01304-001") and
  // Japan's ("150-0001": a local number of seven digits would not start with 0 or 1).
  if (s.seps === DASH && (sizes === '5 3' || (sizes === '3 4' && /^[01]/.test(digits)))) {
    return null;
  }
  const valid =
    !pairs &&
    !manyPairs &&
    !partNumber &&
    PLANS.validIn(main, zero ? WITH_ZERO : nanpShape ? WITHOUT_ZERO : NOT_NANP);
  if (valid && thousands) return { score: 0.45, reason: 'valid national, count-like' };
  if (valid && s.formatted) return { score: 0.6, reason: 'valid national' };
  // A bare run is an id as often as a phone; the trunk 0 makes a phone more likely.
  if (valid) return { score: zero ? 0.45 : 0.4, reason: 'valid national, unformatted' };
  return s.formatted ? { score: 0.2, reason: 'shape' } : { score: 0.12, reason: 'digits' };
}

// A token of letters AND digits ("I80", "RF45", "5ZR"), a run of such tokens and capitals with
// a digit among them ("1Z M3H I80 "; not words in capitals: "CALL ME AT "), or a quote after an
// HTTP version.
const CODE_TOKEN_BEFORE =
  /(?:^|[\s'"(])(?=[A-Za-z]{0,5}\d)(?=\d{0,5}[A-Za-z])[A-Za-z\d]{2,6} $|(?:^|[\s'"(])(?=[A-Z\d ]*[A-Z])(?=[A-Z\d ]*\d)(?:[A-Z\d]{2,4} ){2,}$/;
const HTTP_STATUS_BEFORE = /HTTP\/\d(?:\.\d)?" $/;

/**
 * Digits that continue a code written in space-separated groups ("1Z M3H I80 74 5467 3035",
 * "RF45 4201 3371 76") or that follow a request line in an access log ("HTTP/1.1" 401 68931) are
 * part of something else, whatever number plan they fit.
 */
function continuesACode(text: string, start: number): boolean {
  // Both patterns end with the space right before the number, after a quote or after a token
  // of letters and digits. The token is read first, so that the patterns run only where they
  // can match: not after "at", "Tel" or "call", the usual words before a number.
  if (text.charCodeAt(start - 1) !== 32) return false;
  if (text.charCodeAt(start - 2) !== 34) {
    let len = 0;
    let digit = false;
    let lower = false;
    let upper = false;
    // Seven characters are enough to rule a token out.
    for (let i = start - 2; i >= 0 && len < 7; i--, len++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digit = true;
      else if (c >= 97 && c <= 122) lower = true;
      else if (c >= 65 && c <= 90) upper = true;
      else break;
    }
    // A token of 2-6 with letters and digits ("RF45"), or one of 2-4 capitals and digits that
    // may end a run of such groups ("M3H I80 ").
    const mixed = len >= 2 && len <= 6 && digit && (lower || upper);
    const capitals = len >= 2 && len <= 4 && !lower;
    if (!mixed && !capitals) return false;
  }
  const pre = text.slice(Math.max(0, start - 16), start);
  return CODE_TOKEN_BEFORE.test(pre) || HTTP_STATUS_BEFORE.test(pre);
}

// A year and a month first ("2010-01-2010", a mistyped date) or a date stamp as one of the
// groups ("gcc-12 (12-20220428-1)", "build 4.0-20231115-2"): a release or a date, not a phone.
const DATE_LIKE =
  /^(?:19|20)\d\d[-./](?:0[1-9]|1[0-2])[-./]|(?:^|-)(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:-|$)/;

/**
 * Whether `main` is a range of two numbers of one length, the second the larger with the same
 * first digit: "60000-64999", "64010-64016" (ids, ports, pages). A phone split in two halves
 * like that is rare enough to need a word or a label.
 */
function isRange(main: string): boolean {
  const dash = main.indexOf('-');
  if (dash < 3 || main.length !== dash * 2 + 1 || main.indexOf('-', dash + 1) >= 0) return false;
  const a = main.slice(0, dash);
  const b = main.slice(dash + 1);
  return /^\d+$/.test(a) && /^\d+$/.test(b) && a[0] === b[0] && Number(b) > Number(a);
}

// A range up to a run of nines: "0-999999", "1-9999".
const NINES_RANGE = /^\d{1,3}-9{3,}$/;

// An amount with its cents: "108094.73" in a sales export. (No plan writes a number as one
// group of five digits or more and a dot before its last two.)
const AMOUNT = /^\d{5,}\.\d\d$/;

// A whole date stamp, year first: "19990101: Bumped up version number" in a changelog.
const DATE_STAMP = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/** Whether the groups of `main` are three or more rising powers of two: "16 32 64 128". */
function powersOfTwo(main: string): boolean {
  const groups = main.split(/[ .-]/);
  if (groups.length < 3) return false;
  let prev = 0;
  for (const g of groups) {
    const n = Number(g);
    if (!(n > prev) || n < 2 || (n & (n - 1)) !== 0 || g[0] === '0') return false;
    prev = n;
  }
  return true;
}

/**
 * Whether the number ending at `end` is the text of a Markdown link whose target is no phone
 * (`](` after it, or `` `]( `` when the number is code, and the target not `tel:`).
 */
function linkTextTo(text: string, end: number): boolean {
  let k = end;
  if (text.charCodeAt(k) === 96) k++;
  return (
    text.charCodeAt(k) === 93 &&
    text.charCodeAt(k + 1) === 40 &&
    !/^tel:/i.test(text.slice(k + 2, k + 6))
  );
}

/**
 * Whether the run at `start` continues a number that starts a form field's or a query's value
 * right after "=" or "&" ("x=+44 20 7946 0321"): the look-behind refused that number's start, and
 * its rest from the next group on would be a phone cut short, the code left in the clear.
 */
function continuesAValue(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 32) return false;
  let k = start - 1;
  const stop = Math.max(0, start - 12);
  while (k > stop && VALUE_CHAR.test(text[k - 1]!)) k--;
  if (k === start - 1) return false;
  const before = text.charCodeAt(k - 1);
  return before === 61 || before === 38; // "=" "&"
}
const VALUE_CHAR = /[\d+() .-]/;

/** Phone numbers in international and national formats, validated against libphonenumber's number plans. */
export const phone: Detector = {
  id: 'phone',
  types: ['PHONE'],
  prefilter: /\d[\d ().\-/]{4,24}\d/,
  detect(text, ctx) {
    const out: Candidate[] = [];
    RUN.lastIndex = 0;
    for (let m; (m = RUN.exec(text));) {
      let raw = m[0];
      let start = m.index;
      // A sentence's end or a table's gap inside the run ends the number there ("+44 7966
      // 617039. 5.000 TL gönderdim", "+90 208 348 611  15:23"); what follows is read anew.
      const cut = (m[1] ? raw.slice(0, raw.length - m[1].length) : raw).search(RUN_BREAK);
      if (cut > 0) {
        let head = cut;
        while (head > 0 && !isDigitCode(raw.charCodeAt(head - 1))) head--;
        RUN.lastIndex = start + cut + 1;
        if (head < 7) continue;
        raw = raw.slice(0, head);
      }
      // "(0171 2345678)": parentheses around the whole number, not around an area code.
      if (
        raw.charCodeAt(0) === 40 &&
        raw.indexOf(')') < 0 &&
        text.charCodeAt(start + raw.length) === 41
      ) {
        raw = raw.slice(1);
        start++;
      }
      const end = start + raw.length;
      // The run must end the token: not glued to a word, not followed by more of a dotted or
      // dashed run (a longer id, an IP address) or by a time ("12:30").
      const c1 = text.charCodeAt(end);
      if (isWordCode(c1)) continue;
      if (c1 === 46 || c1 === 45 || c1 === 47 || c1 === 58) {
        if (isDigitCode(text.charCodeAt(end + 1))) continue;
        // A product code's size or colour after a dash: "036-97262-BLK", "176-97151-XL".
        // (Not a word after it, "(37) 788-063-Office", nor a booking's one-letter type of
        // number, "AP +1 208 490 5911-M".)
        if (
          c1 === 45 &&
          isUpperCode(text.charCodeAt(end + 1)) &&
          isUpperCode(text.charCodeAt(end + 2))
        ) {
          continue;
        }
      } else if (c1 === 44 && isDigitCode(text.charCodeAt(end + 1))) {
        // After a comma, one to three digits are a decimal part or a thousands group ("1 207,50",
        // "1,234,567"); four or more, or a group that goes on with a dash or slash, are the next
        // value of a list or a CSV row ("...,90911085", "...,529-9816830-9887199").
        let k = end + 1;
        while (k < end + 5 && isDigitCode(text.charCodeAt(k))) k++;
        const next = text.charCodeAt(k);
        // (Unless the comma parts a table's cells: "Okoye,07700 900982,4 Mill Lane" under a
        // header row.)
        if (
          k - end - 1 < 4 &&
          next !== 45 &&
          next !== 47 &&
          columnHeader(text, start, end) === null
        )
          continue;
      }
      const main = m[1] && cut <= 0 ? raw.slice(0, raw.length - m[1].length) : raw;
      if (continuesACode(text, start) || continuesAValue(text, start)) continue;
      // An EU tender's notice ("2025/S 186-731747") and a container's number ("MSCU 086148 0").
      // (Both end in a capital S, U, J or Z before the number: tested only then.)
      const cap = text.charCodeAt(text.charCodeAt(start - 1) === 32 ? start - 2 : start - 1);
      if (
        (cap === 83 || cap === 85 || cap === 74 || cap === 90) &&
        NOTICE_OR_CONTAINER_BEFORE.test(text.slice(Math.max(0, start - 8), start))
      ) {
        continue;
      }
      // A reference's letters after a hash: "Miles Gold #SB 4417 2093 18" (not "Phone #:").
      if (HASH_LETTERS_BEFORE.test(text.slice(Math.max(0, start - 7), start))) continue;
      // The text of a Markdown link to anything but a phone: "[`4991728`](https://github.com/
      // o/r/commit/4991728...)", a commit or an issue. ("[+44 20 7946 0958](https://wa.me/...)"
      // stays: a "+" says phone.)
      if (raw.charCodeAt(0) !== 43 && linkTextTo(text, end)) continue;
      // A placeholder, unless given as the writer's own ("call me at (555) 555-5555"): a
      // made-up customer's number in a test ticket.
      if (ALL_FIVES.test(main)) {
        const own = documentedAsOwn(text, start, end, 'PHONE', OWN_PHONE);
        if (own) out.push(own);
        continue;
      }
      // A form's placeholder: one digit over and over after the country code ("+49 000
      // 0000000", "000-000-0000").
      if (REPEATED_DIGIT.test(main.replace(/^\+\d{1,3}/, '').replace(/\D/g, ''))) continue;
      const facts = factsOf(main);
      if (!facts) continue;
      const { shape } = facts;
      // An international number is never skipped for its score, so its verdict comes first and
      // spares the context of those no plan or code accepts.
      if (shape.international && !verdictOf(main, facts)) continue;

      // Context: a few regex tests on short windows, read only as far as the decision needs.
      // Validation parses a national number against up to a dozen plans, so those that cannot
      // reach the threshold are never parsed.
      let from = windowStart(text, start, 40);
      // A form's row with its own label ("UCAS Personal ID\t960-460-9808") is read alone: the
      // label of the row above ("Phone\t+44 ...") names that row's value, not this one.
      const ls = lineStartWithin(text, start, 40);
      if (ls > from && ls > 0 && OWN_ROW_LABEL.test(text.slice(ls, start))) from = ls;
      const to = windowEnd(text, end, 24);
      // The windows of negative words lie inside these two; the number between holds neither
      // character (see windowText).
      const odd = ASCII_LOWER.test(text.slice(from, to));
      const pre = windowText(text, from, start, odd);
      // After the number, only its own line: "Phone:" opening the next line labels that line's.
      const post = windowText(text, end, lineEndWithin(text, end, to), odd);
      const near = pre.slice(-16);
      const strong =
        PHONE_WORDS.test(pre) ||
        PHONE_WORDS.test(post) ||
        NEAR_PHONE_WORDS.test(near) ||
        NEAR_PHONE_WORDS.test(post.slice(0, 16));
      // "sent to", "text the code to": what is sent to a number is sent to a phone. (The
      // longer window only when the short one ends in "to", "at" or "on".)
      const direct =
        DIRECT_PHONE_BEFORE.test(near) ||
        (TO_AT_ON_END.test(near) && DIRECT_PHONE_BEFORE.test(pre));
      const labelBefore = !strong && (LABEL_BEFORE.test(near) || direct);
      // In a pasted table (a CSV or TSV export), the column's header names what the cell holds:
      // "Téléphone" over a column of bare national numbers, "Commande" over order numbers.
      const header = columnHeader(text, start, end);
      const label =
        labelBefore ||
        (!strong && header !== null && PHONE_WORDS.test(header)) ||
        (!strong && LABEL_AFTER.test(post)) ||
        (!strong && inSignature(text, start, end)) ||
        (!strong && afterContactDetails(text, start)) ||
        (!strong && SEPARATOR_THEN_EMAIL.test(text.slice(end, end + 80))) ||
        (!strong && underTownOrFirmLine(text, start, end));
      // The best a national number can score without a raise: 0.6 valid and formatted, 0.45
      // valid and bare. Without a phone word or label, one below the threshold is skipped here.
      const best = shape.formatted ? 0.6 : 0.45;
      if (!strong && !label && !shape.international && best < ctx.threshold) continue;
      if (
        !strong &&
        !label &&
        (isRange(main) || NINES_RANGE.test(main) || DATE_LIKE.test(main) || AMOUNT.test(main))
      )
        continue;
      if (!PHONE_WORDS.test(pre) && (DATE_STAMP.test(main) || (!label && powersOfTwo(main)))) {
        continue;
      }
      if (facts.odd && !CUE_BEFORE.test(near)) continue;
      // Negative words count on the number's own line only: "Bühler GmbH & Co. KG" above a
      // "Mob:" line or "Date of birth" below it say nothing about the number.
      // A number written with its "+" is a phone's form: only a word right before it sinks it
      // ("Order +4915112345678", or a count after it: "+1200345 views"), not an amount further
      // off ("sent $100.64 to +1 (212) ...").
      const plusFirst = shape.international && PLUS_FIRST.test(main);
      const negative =
        (header !== null && NOT_PHONE_WORDS.test(header)) ||
        PURCHASE_ORDER.test(text.slice(windowStart(text, start, 16), start)) ||
        (plusFirst
          ? NOT_PHONE_WORDS.test(
              windowText(text, cellStart(text, windowStart(text, start, 16), start), start, odd),
            )
          : NOT_PHONE_WORDS.test(
              windowText(text, cellStart(text, windowStart(text, start, 28), start), start, odd),
            )) ||
        // (A number that closes a parenthesis ends its clause there: "(lucy@example.com,
        // +1 404-578-4976) on order #963478".)
        (c1 !== 41 &&
          NOT_PHONE_WORDS.test(
            windowText(
              text,
              end,
              sentenceEnd(text, end, cellEnd(text, end, windowEnd(text, end, 16))),
              odd,
            ),
          )) ||
        // Only a comma or a space can start a street after the number (a line break ends its
        // line: "telephoneNumber: +45 33 18 42 19\nstreet: ...").
        ((c1 === 44 || (c1 <= 32 && c1 !== 10 && c1 !== 13) || c1 >= 128) &&
          STREET_AFTER.test(text.slice(end, end + 60)));
      // Beside an order or invoice word, a phone word further away ("contact us about order
      // 555 123 4567") does not rescue the number; only a label right before it does, and then
      // the label, being closest, decides.
      // "Phone number on the account: ..." - the other word only says where the phone is kept.
      const kept = negative && strong && KEPT_ON.test(near) && PHONE_WORDS.test(pre);
      const sunk =
        negative &&
        !kept &&
        !direct &&
        !CALLED_ON_BEFORE.test(pre) &&
        (NOT_PHONE_WORDS.test(near) || !((strong && PHONE_WORDS.test(near)) || labelBefore));
      const raised = (strong || label) && !sunk;
      // Beside a negative word the best is 0.45 lower; those that cannot reach the threshold
      // are not parsed either.
      if (!raised && !shape.international && best - (sunk ? 0.45 : 0) < ctx.threshold) continue;
      const verdict = verdictOf(main, facts);
      if (!verdict) continue;
      let { score, reason } = verdict;
      // Digits no plan knows take a phone word only when it stands right beside them ("text
      // me: 5551234"): one further off belongs to other words ("1702923 Add debug messages").
      if (
        strong &&
        !label &&
        reason === 'digits' &&
        !PHONE_WORDS.test(near) &&
        !NEAR_PHONE_WORDS.test(near) &&
        !PHONE_WORDS.test(post.slice(0, 16))
      ) {
        continue;
      }
      if (raised) {
        score += strong ? 0.4 : 0.35;
        reason += ', context';
      }
      if (sunk) {
        score -= 0.45;
        reason += ', negative context';
      }
      out.push({ start, end, type: 'PHONE', score: clamp(score), reason });
    }
    if (SPACED_ANY.test(text)) spacedDigits(text, out);
    return out;
  },
};

// A number typed one digit at a time, to dodge a filter or as a phone's keypad reads ("4 2 8
// 8 6 6 3 7 2 5", "+4 4 7 9 1 1 ..."): nine to fifteen digits, each alone, parted by one or
// two blanks.
// (Char-first, its "+" or its first digit before the look-behind; see 'Char-first patterns' in
// docs/engine.md.)
const SPACED =
  /(?:(\+(?<![\w+.,/-]\+)[ ]?)\d|\d(?<![\w+.,/-]\d))(?:[ ]{1,2}\d){8,14}(?![\w.,/-]|[ ]{1,2}\d)/g;
const SPACED_ANY =
  /\d[ ]{1,2}\d[ ]{1,2}\d[ ]{1,2}\d[ ]{1,2}\d[ ]{1,2}\d[ ]{1,2}\d[ ]{1,2}\d[ ]{1,2}\d/;

/**
 * Numbers spelled out one digit at a time: a phone only when a phone word stands within the
 * line before or after it (a row of single digits is as often a table's counts) and the digits
 * make a valid number.
 */
function spacedDigits(text: string, out: Candidate[]): void {
  for (const m of matchesOf(text, SPACED)) {
    const start = m.index;
    const end = start + m[0].length;
    const from = windowStart(text, start, 40);
    const lineFrom = lineStartWithin(text, start, start - from);
    const pre = text.slice(lineFrom >= 0 ? lineFrom : from, start);
    const post = text.slice(end, lineEndWithin(text, end, windowEnd(text, end, 24)));
    if (!PHONE_WORDS.test(pre) && !PHONE_WORDS.test(post)) continue;
    const digits = m[0].replace(/\D/g, '');
    const plus = m[1] !== undefined;
    const valid = plus
      ? PLANS.verdict('+' + digits) === 'valid'
      : PLANS.validIn(digits, digits.startsWith('0') ? WITH_ZERO : WITHOUT_ZERO);
    if (!valid) continue;
    out.push({ start, end, type: 'PHONE', score: 0.75, reason: 'spelled digits, context' });
  }
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // A directory's key in one word; a street on the next line is no house number's; the
    // Filipino "po" of politeness is no purchase order.
    { text: 'telephoneNumber: +45 35 27 60 14\nstreet: Nørrebrogade 12', value: '+45 35 27 60 14' },
    { text: 'contact ko po 0917 623 4410 salamat po', value: '0917 623 4410' },
    // A mobile wallet's number; phone words in Gujarati and Myanmar (its own digits too).
    {
      text: 'Paki-refund po sa GCash number ko 0917 276 7167, account name Jomar',
      value: '0917 276 7167',
    },
    { text: 'તમારા મોબાઇલ +91 98250 33714 પર OTP આવશે.', value: '+91 98250 33714' },
    { text: 'ဖုန်း: ၀၉ ၄၅၀ ၁၂၃ ၄၅၆', value: '၀၉ ၄၅၀ ၁၂၃ ၄၅၆' },
    // Arabic-Indic and Devanagari digits (folded by normalise) after their scripts' phone words.
    { text: 'الرقم القديم: ٠١٠٠١٢٣٤٥٦٧\nالرقم الجديد: 01128476035', value: '01128476035' },
    { text: 'الرقم القديم: ٠١٠٠١٢٣٤٥٦٧\nالعنوان', value: '٠١٠٠١٢٣٤٥٦٧' },
    { text: 'आधार नंबर: 7392 6158 4023\nमोबाइल: ९८१२३४५६७०\nपता:', value: '९८१२३४५६७०' },
    { text: 'पुणे 411005. संपर्क: 9823012345. कृपया लवकर कळवा.', value: '9823012345' },
    // The next sentence's words say nothing about the number.
    {
      text: 'Previous landlord: Brenda Kessler, 512-555-0116. Bank account for deposit: routing 021000021.',
      value: '512-555-0116',
    },
    // A sentence's end or a table's gap after the number; labels of porting and callers.
    { text: 'WhatsApp numarası +44 7966 617039. 5.000 TL gönderdim', value: '+44 7966 617039' },
    { text: '09/11/2025 22:31  +90 532 348 6110  15:23  Roaming call', value: '+90 532 348 6110' },
    { text: 'Caller ID: +1-972-675-4959\nAssigned to: Jasmine', value: '+1-972-675-4959' },
    { text: 'Account MSISDN: 314.716.0370', value: '314.716.0370' },
    { text: 'Potete contattarmi al 349/9017664 oppure via email', value: '349/9017664' },
    { text: 'Personne à prévenir : +33 7 08 91 25 98.', value: '+33 7 08 91 25 98' },
    { text: 'can you text the confirmation to 07785 166694', value: '07785 166694' },
    { text: 'Potete controllare? Il mio numero è 347/4018410.', value: '347/4018410' },
    { text: 'Eleonora: proszę o kontakt 519448687', value: '519448687' },
    { text: '- Best number: 0479075869', value: '0479075869' },
    { text: 'Phone on order: 07870345881\nTracking: HHY6858122194188', value: '07870345881' },
    // A bare number alone under a signature's name.
    { text: 'Amount due is £188.24. Thanks\nAda Lindqvist\n07841909579', value: '07841909579' },
    // Typed one digit at a time beside a phone word; whom someone is to call back "on" it,
    // whatever the note says about money after it; part numbers grouped 4-2-3 are not phones.
    { text: 'my cell is 4 1 5  8 3 2  7 7 1 9 if that helps', value: '4 1 5  8 3 2  7 7 1 9' },
    {
      text: '- call back Ana Roe on 941 842 7063 re: $370.29 chargeback',
      value: '941 842 7063',
    },
    // What was sent to the number; an amount further off does not sink a number with its "+".
    { text: 'action: step-up OTP sent to 1-702-284-9451', value: '1-702-284-9451' },
    {
      text: 'I sent $100.64 on Venmo to +1 (212) 566-6935 but I typed one digit wrong',
      value: '+1 (212) 566-6935',
    },
    // German area codes set off by a spaced dash or slash; an Italian mobile's prefix by a slash
    // after a label; a phone word right before the number beats a "code" further off.
    { text: 'Telefon privat: 030 - 44044955, mobil: 0170 / 4175 808', value: '030 - 44044955' },
    { text: 'Telefon privat: 030 - 44044955, mobil: 0170 / 4175 808', value: '0170 / 4175 808' },
    { text: 'Per comunicazioni: cell. 392/6536095, e-mail', value: '392/6536095' },
    { text: 'Vous allez recevoir un code par SMS au 07 74 04 09 99.', value: '07 74 04 09 99' },
    { text: 'potete chiamarmi al 3287723035.', value: '3287723035' },
    { text: 'Telemóvel: 913358602', value: '913358602' },
    // A request in capitals; a callback's abbreviation.
    { text: 'CALL ME AT 415-966-3254 OR I AM GOING TO THE STATE', value: '415-966-3254' },
    { text: 'verified mbr w/ dob 7/24/62. cb# 573.286.9895.', value: '573.286.9895' },
    { text: 'x=+44 20 7946 0321&y=2', value: '+44 20 7946 0321' },
    // After the Chinese and Korean words for a phone.
    { text: '收件人：白玲\n电话：13537802133\n', value: '13537802133' },
    { text: '받는 분: 민로운\n연락처: 01095355845\n', value: '01095355845' },
    // A CSV row's cell, the next cell's house number after the comma.
    {
      text: 'id,name,phone,address\n2,Ibrahim Okoye,07700 900982,4 Mill Lane, York',
      value: '07700 900982',
    },
    { text: 'ssn,phone\n536221847,(415) 555-2671', value: '(415) 555-2671' },
    { text: 'phone_number=415 555 2671&plan=pro', value: '415 555 2671' },
    { text: '{"mobilePhone": "07700 900123"}', value: '07700 900123' },
    // Odd lengths right after "ring me back on", "can be reached at".
    { text: 'Please ring me back on 03634 00746743 after lunch.', value: '03634 00746743' },
    { text: 'Customer can be reached at 543876 (mobile)', value: '543876' },
    // Portuguese and Dutch labels; after one, a ZIP+4 shape is a Brazilian mobile.
    { text: 'Telefone: 3271-9046', value: '3271-9046' },
    { text: 'Phone: 93271-9046', value: '93271-9046' },
    // Dots after a "+" are a phone's, not a version's or an IP address's.
    { text: 'Call +1.415.555.2671 today.', value: '+1.415.555.2671' },
    { text: 'tel +33.1.23.45.67.89', value: '+33.1.23.45.67.89' },
    // A contact's details on one line; a postal block's last line; the Spanish "I'm on".
    { text: 'Reach me: simonis.art@gmail.com / 07414817326.', value: '07414817326' },
    { text: 'Customer: Noé Rodriguez / 07957912005', value: '07957912005' },
    { text: 'Calle Mayor 5\n51609 Sabadell\n690247010', value: '690247010' },
    { text: 'Jane Doe\nAcme Ltd\n737 092 759', value: '737 092 759' },
    { text: 'A partir de las 17 h estoy en el 959 826 044.', value: '959 826 044' },
    // The placeholder number, given as the writer's own.
    { text: 'Call me at (555) 555-5555 after six.', value: '(555) 555-5555' },
    { text: 'Por favor, llámenme al 939 890 565.', value: '939 890 565' },
    // A "+", a known calling code and a possible length: a phone even where the plan does not
    // know the range (282 is no US area code).
    { text: 'The number +12825771603 was disconnected.', value: '+12825771603' },
    // The calling code in parentheses, as Indonesia, India or Georgia often write it.
    { text: 'Hubungi saya di (+62) 21 5794 2000.', value: '(+62) 21 5794 2000' },
    // Parentheses around the whole number; a voicemail in Spanish and German.
    { text: 'Ruf mich bitte an (0171 2345678).', value: '0171 2345678' },
    { text: 'Buzón de voz (20:14, 702 645 107): buenos días', value: '702 645 107' },
    { text: 'Nachricht auf dem Anrufbeantworter: 0151 23456789', value: '0151 23456789' },
    // A bare number in a signature.
    {
      text: 'Gracias.\nSaludos cordiales,\nVirginia Treviño Urbina\n606 381 049',
      value: '606 381 049',
    },
    { text: 'Merci de me rappeler au 0537200815.', value: '0537200815' },
    { text: 'jane.roe@mail.test\t06 80 50 12 10\t585,50 €', value: '06 80 50 12 10' },
    '+1 415-555-2671',
    { text: 'didn’t get any message on my registered 905-674-3793.', value: '905-674-3793' },
    { text: 'Phone: (37) 788-063 (office)', value: '(37) 788-063' },
    { text: 'Fax: 07700 063 966', value: '07700 063 966' },
    // Lengths no plan tried has, vouched for by the label right before.
    { text: 'Call me at 747955 tomorrow.', value: '747955' },
    { text: 'Customer phone: 40075696035', value: '40075696035' },
    { text: 'Customer phone: 234809 157 6424', value: '234809 157 6424' },
    { text: 'Desk: +41 (0)96 471 07 95', value: '+41 (0)96 471 07 95' },
    { text: 'Mobile: 0490 75 40 81', value: '0490 75 40 81' },
    { text: 'Appelez le 03.93.92.16.85 demain', value: '03.93.92.16.85' },
    { text: 'Tel. 030/2345678 (Zentrale)', value: '030/2345678' },
    // A bare national number under its table column's header, and cells of a CSV row.
    { text: 'Nom\tTéléphone\tCommande\nZoé\t0680501210\t986619377', value: '0680501210' },
    { text: 'Name,Phone,Order\nBo Li,07 90 72 46 25,911702647', value: '07 90 72 46 25' },
    { text: 'Ana,ana@mail.test,02-88-51-16-26,529-9816830-9887199', value: '02-88-51-16-26' },
    { text: 'Bitte rufen Sie mich unter 017319764015 zurück.', value: '017319764015' },
    { text: 'Mobil: +36 70/434-3873', value: '+36 70/434-3873' },
    { text: 'Vous pouvez me joindre au 06 80 50 12 10.', value: '06 80 50 12 10' },
    { text: 'call me at (602) 272-9781 x123 tonight', value: '(602) 272-9781 x123' },
    { text: 'Write on WhatsApp +447911123456', value: '+447911123456' },
    { text: 'Handy: 0171 2345678', value: '0171 2345678' },
    { text: 'Leeds office 0113 496 0321', value: '0113 496 0321' },
    // A contact line: the number, a separator, an email address.
    { text: 'Jane Roe\n26 41 57 32 | jane.roe@mail.test', value: '26 41 57 32' },
    // The Spanish abbreviation of teléfono.
    { text: 'Tfno: 612 34 56 78', value: '612 34 56 78' },
    // A German landline of thirteen digits, vouched for by the label or the request before it.
    { text: 'Tel.: 09322 89642880', value: '09322 89642880' },
    { text: 'Sie erreichen mich unter 08748 76963511.', value: '08748 76963511' },
    { text: 'from abroad dial 0044 20 7946 0958', value: '0044 20 7946 0958' },
    { text: 'Contact: 9498777106', value: '9498777106' },
    { text: 'Text me on 07700 900123 tonight.', value: '07700 900123' },
    { text: 'Phone number on the account: 0641 915926', value: '0641 915926' },
    { text: 'Customer can be reached at 0572841915', value: '0572841915' },
    // Words about a line's state after the number.
    { text: 'The number 736 540 075 was disconnected.', value: '736 540 075' },
    { text: 'Calls to 5848134741 go nowhere, it is out of service.', value: '5848134741' },
    { text: 'Call us: [+44 20 7946 0958](https://wa.me/442079460958)', value: '+44 20 7946 0958' },
  ],
  noMatch: [
    'PO 4500012345 approved, P.O. 4500012346 pending',
    // An order number under its German abbreviation, a Mexican waybill.
    'Bestellnr. 3004-88172, bitte prüfen.',
    'Sale de Monterrey el martes, guía 7731009281 (Estafeta).',
    // A bank account, a parcel, a delivery and a waybill in Norwegian, Czech, Swedish, Bulgarian.
    'Ingrid Bakke, og kontonummeret er 4272.11.30619.',
    'Zásilka byla doručena; číslo zásilky Z 482 1937 551.',
    'Leverans 2024-06-18 mellan 08:00 och 12:00. Leveransnummer 1040-0218-3321.',
    'предадена на куриер на 18.12 в 16:42, товарителница 6100 4471 902.',
    'Lotto numbers this week: 04 12 23 35 41 47',
    // A master and a house air waybill; an order after the number sign, in Ukrainian.
    'HOUSE AIR WAYBILL  HAWB 618-77201934   MAWB 176-48812203   Flight EK 0003',
    'Замовлення № 100-482-7731 сплачено',
    'Код ТН ВЭД: 8516 71 000 0 (кофеварки)',
    'HTS 8516 71 000 0, tariff 8516 71 0000',
    'Faktura VAT, NIP 725-18-44-213, ul. Długa 5',
    'Bolag AB, org.nr 556712-4481, Stockholm',
    // Postcodes of Brazil and Japan at an address's end, a phone's cue after them.
    'Endereço: Rua Augusta, 1508, apto 32, Consolação, São Paulo - SP, 01304-001',
    'Tokyo office: 2-14-7 Jingumae, Shibuya-ku, Tokyo 150-0001. You can reach me on Slack.',
    // A product code with its size or colour after a dash.
    'sku;qty\n036-97262-BLK;18\n176-97151-XL;36',
    'Master-AWB: 235-39573881   Container: HLXU9546123',
    'Données bancaires – contrat n° 681 135 5742',
    // A sales export's amounts.
    'region,month,revenue,orders\nDublin,Jun,108094.73,1568\nLeeds,Feb,498235.18,14197',
    'Session ID: 4155550123',
    '"profile.phone.placeholder": "+49 000 0000000",',
    'SkyBridge Miles Gold #SB 4417 2093 18',
    'Mietvertrag 4417-2093 | Station München Hbf',
    // A drug's NDC code, an EU tender's notice, an ISSN, a container.
    'Ozempic 2 mg (NDC 0169-4132-12, 0169-4130-13, 0169-4772-12)',
    'Anuncio de licitación 2025/S 186-731747',
    'ISBN 978-88-7111-564-1 (PDF), ISSN 4882-7282',
    'MSCU 086148 0 | 20DV | H6483435',
    'Amount due is £188.24.\nInvoice Number\n07841909579',
    'Ratings 4 1 5 8 3 2 7 7 1 9 across the ten stores',
    '8922-74-383     Refined Gold Pizza   34   74,79 €',
    'still waiting on the refund for 7639-55225, promised callback',
    // An id whose next line opens with a phone's label.
    'Social Security No.: 880164104\nPhone: see the contact sheet',
    'Pratica 392/6536095 chiusa; see pages 12 - 34 and 2010 - 2020.',
    // A drug's national code and a routing number beside a phone word.
    'metformin ER 500 mg (NDC 47826-2944-21, lot VC4722) is limited',
    'direct deposit info over the phone: rtn 064375205',
    '{"order_id": "4155552671"}',
    // Thirteen digits filed under a case, not a request to call.
    'Der Vorgang ist unter 09322 89642880 abgelegt.',
    'contact=415 555 2671',
    'numéro de passeport : 753898258',
    'id=4155552671&page=2',
    'version +1.2.3.4 released',
    "Decimal('+35236450.6')",
    'Mountain View, CA 94043-1351',
    // "text" and "signal" count only beside the number: a document's text, a code's signal.
    "- 7228418: mangle the Signal class's name.",
    'license text so GitHub can detect it, 7000403.',
    // A range of ids, a tracker's and a repository's numbers.
    'They may not use ids in the 60000-64999 range.',
    'Reserve uids 64010-64016 and gid 64010 for qmail',
    // Bytes, a screen's size, a standard, a changelog's date stamp, powers of two.
    'console.log(buf); // Prints: <Buffer 01 02 03 04 05>',
    'playwright-cli resize 1920 1080',
    'allowed by the standard is "ISO-IR 10646 2000" UTF-8',
    'Made -u work\n19990101: Bumped up version number to 1.0.4',
    'for MiB in 16 32 64 128; do',
    // Not after an order's details, nor a date stamp under a town.
    'Order: 2024-11 / 914043377',
    '10115 Berlin\n20231115',
    'Red Hat issue 1021948: snprintf API change',
    'The VPN disconnected 3 times today, session 5848134741.',
    'mask behavior by making it a bit-wise regex (RT 28620 28635)',
    'IGNORED: failed tests: 571 612 1056',
    '"""microsecond (0-999999)"""',
    // Dates: a mistyped one, and a date stamp inside a release.
    'Version 0.6.0\nReleased: 2010-01-2010\n',
    'gcc-12 (12-20220428-1) unstable; urgency=medium',
    'you must install Sun patch 112438-03 from the vendor',
    '69d1dba Return JNI_OK\n1702923 Add debug messages for global refs',
    // A Markdown link's text: a commit, not a phone.
    'call-bind instead of es-abstract [`4991728`](https://github.com/o/r/commit/4991728)',
    // Odd lengths without a label right before: an id, a count, a timestamp.
    'ID 40075696035, call us if it fails',
    'Order 747955 shipped, call me',
    'The call lasted 123456 ms',
    'phone 20231115093012',
    // A "+" before a count or a measure.
    'Delta: +12825771603 bytes since Monday; growth +12825771603 views',
    // The placeholder in a form, or presented as an example.
    'Phone: (555) 555-5555. e.g. call me at 555-555-5555',
    'Mailbox full: 12 345 items, see section (2019 2020) and order (12345678).',
    // A count that is no signature's phone.
    'Downloads last year:\n606 381 049\nThanks,\nAnna',
    'console.log(value); // e.g. 42.123456789',
    "isValidIBAN('NL91 ABNA 0417 1643 00')",
    'Nom\tTéléphone\tCommande\nZoé\t-\t0680501210',
    'Numéro de série 0125-6517-4992, merci',
    'Mon numéro de permis de conduire est 034926445154.',
    'Total: 1 234 567,50 €',
    'Order 4539-1488-0343 shipped on 2024-05-01 12:30:45',
    'Invoice #INV-2023-000123 total €1 234 567',
    'Server 192.168.100.200 runs version 10.0.19041.1',
    'Card 4539 1488 0343 6467 was declined',
    'Tracking number 1Z999AA10123456784',
    'Released in 1999, 2004 and 2015',
    'Timestamp 2024-05-01T12:30:45Z, build 20240501123045',
    'Order number 555-123-4567 is on its way',
    'SSN 123-45-6789',
    'Population 12 345 678 in 2020',
    'It costs $1,234,567.89 or 1.234.567 EUR',
    'Date 12/05/2023 and 05.12.2023',
    'Employed 1998-2004, then 2010 2015',
    'Contact support about order 555 123 4567 please',
    'Rechnung 0301 5662720 vom Mai',
    'Ihre UPS-Sendungsnummer lautet 1Z M3H I80 74 5467 3035.',
    'Verwendungszweck RF45 4201 3371 76',
    'UPS 1Z 5UK JDH 14 1038 3946 am Montag',
    'Número de seguimiento: 0832487969.',
    '"GET /checkout HTTP/1.1" 401 68931 "-"',
    'Dial-in code: 0393 282 356.',
    'Ersatzteil Art.-Nr. 9822 241 102 passt',
  ],
};
