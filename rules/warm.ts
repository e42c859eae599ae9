/**
 * Warming the engine up before the first real scan on a page.
 *
 * V8 compiles a function when it is first called, and a regular expression when it is first
 * used (to bytecode) and again on a later use (to machine code), once for subjects stored one
 * byte a character (Latin-1 only) and once for two-byte subjects (anything else: "€", "’",
 * "–"). So the first scan in a fresh page pays for compiling whatever the text reaches. With the
 * minified bundle in a fresh Node process, the first scan of a 2 KB ticket took ~90-105 ms
 * without the name pass and ~165-195 ms with it, against ~0.5 ms once warm. The guard scans
 * synchronously in its paste and send handlers, so that cost landed on the agent's first paste.
 *
 * A short sample does little (two scans of 130 characters left 52/89 ms): it reaches few
 * detectors. WARM_PARTS is a synthetic ticket that reaches most of them (31 detectors, 20
 * types): mail, chat and pasted tables in English, German, French and Spanish, with the labels
 * and values the detectors look for. It is written in Latin-1, and every other round scans it
 * with WIDE_TAIL appended, so both kinds of compiled code get made. Measured on five 2 KB texts
 * of corpus tickets (all two-byte), medians of 15 fresh processes, without / with names: cold
 * 105 / 194 ms; after 1 round (one-byte only) 29 / 57 ms; after 2 rounds 9.5 / 8.6 ms; after 3
 * or 5 rounds no better (10 / 9-15 ms). The same tickets made Latin-1: cold 103 / 99 ms, 8-10
 * ms after 1 to 5 rounds. test/bench/bundle.ts reports the cold and warmed figures.
 *
 * Every value is fake: documentation ranges (example.com/.org/.net, 192.0.2.0/24,
 * 203.0.113.0/24, 2001:db8::/32, 00-00-5E-00-53-xx, jwt.io's sample token, BIP-173's test
 * address), fiction phone numbers (555-01xx; 020 7946 0xxx and 07700 900xxx; 01 99 00 xx xx;
 * 030 23125 xxx), published test cards and IBANs, and invented names, ids and tokens (made to
 * pass their checksums, so the detectors take the same paths as for real ones).
 *
 * Pure: the caller passes the scan to warm (the page's, as policy configured it), so this file
 * does not import the registry.
 */

/**
 * The sample, in parts of a few hundred characters: each warm-up step scans one part, so that a
 * step stays short even while everything it reaches is compiled for the first time. Latin-1
 * only (rules/warm.test.ts checks), so that V8 stores each part one byte a character.
 */
export const WARM_PARTS: readonly string[] = [
  // English support mail: greeting, a name cue, an order.
  `Dear Support Team,

My name is Harriet Quillby and I was charged twice for order #A-20419 on March 3, 2025.
Vardeni, could you look into it?`,
  // English: a card block.
  `Card: 4111 1111 1111 1111, exp 09/29, CVV 737. The second card is 5555-5555-5555-4444,
expiry 11/2028, security code 4821. Please refund $49.90 to the card ending 1111.`,
  // English: addresses, phones, email.
  `Shipping address: 742 Evergreen Terrace, Springfield, OR 97403
Billing: 12 Fictional Road, London SW1A 1AA
Phone: (202) 555-0147, mobile +44 20 7946 0958
Email: harriet.quillby@example.com`,
  // English: government ids, sign-off.
  `DOB: 1984-07-14, SSN 536-22-4781, ITIN 912-78-4821, passport number X4829173.
Driving licence: QUILL753116HQ9IJ, UTR 8421937056

Kind regards,
Harriet Quillby`,
  // German mail: salutation, bank details, address, phone.
  `Sehr geehrte Damen und Herren,

bitte überweisen Sie die Erstattung auf mein Konto.
IBAN: DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX, Kontoinhaber: Jonas Brenneke
Kontonummer 0532013000, BLZ 37040044
Meine Anschrift: Musterstraße 12, 10115 Berlin. Telefon: +49 30 23125017`,
  // German: ids, date of birth, a quote header, sign-off.
  `Steuer-ID: 86095742719, Personalausweisnummer LZ6311T47, Geburtsdatum: 03.07.1985
Versichertennummer der Krankenkasse: A123456780
Am 12.03.2025 um 9:41 schrieb Marlene Vosskamp <m.vosskamp@example.org>:
> Ihre Bestellung 4471-2290 wurde versandt.

Mit freundlichen Grüßen
Jonas Brenneke`,
  // French.
  `Bonjour Madame Rousselot,
Je m'appelle Camille Rousselot, née le 12 mars 1979 à Lyon.
Adresse : 12 rue de l'Exemple, 75002 Paris. Tél. : 01 99 00 27 41
Numéro de sécurité sociale : 2 79 03 69 123 456 59
IBAN FR76 3000 6000 0112 3456 7890 189, permis de conduire 120375100548
Cordialement, C. Rousselot`,
  // Spanish.
  `Hola, soy Lucía Fernández Ortega. Mi DNI es 73015842L y vivo en Calle Falsa 123,
28013 Madrid. Fecha de nacimiento: 5 de mayo de 1978. Móvil +44 7700 900461,
tarjeta 5555 5555 5555 4444, fecha de vencimiento 12/27.
Un saludo,
Lucía`,
  // A chat log: speakers after time stamps, ids typed in lower case.
  `[10:02] Agent Priya: Hi Tomasz, how can I help?
[10:03] Tomasz Wierzbicki: my sin is 193 456 787 and the NINO on file is AB 12 34 56 C
[10:04] Tomasz Wierzbicki: account 31926819, sort code 20-45-77, routing 021000021
[10:05] Agent Priya: thanks, follow up with patricia desrosiers tomorrow`,
  // A pasted table with a header row, and a markdown one.
  `Name,Email,Phone,DOB,City
Ana Ruiz,ana.ruiz@example.org,+1 202-555-0134,1990-07-04,Austin
Bo Lindqvist,bo.lindqvist@example.net,+1 202-555-0188,1986-11-23,Denver
| Customer | Wendell Okafor |
| NHS number | 640 213 7855 |
| MRN | 00482913 |`,
  // Network details and secrets beside their keywords.
  `Client IP 192.0.2.44 (via 203.0.113.9), IPv6 2001:db8::17, MAC 00:00:5E:00:53:AF
api_key = "Zq8vT3LmR5wK9pXy2NcB7dHf4JsGa6Ue"
password: Tr0ub4dor&3
Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`,
  // Connection strings, provider tokens, wallets, tracking numbers.
  `DATABASE_URL=postgres://app:Wq7mX2pL9vRt@db.example.com:5432/shop
https://deploy:Kp3vN8qRt2Lx@files.example.org/build.zip
GITHUB_TOKEN=ghp_R8mK2xQ7vLp4Wz9Tn3Bc6Hd1Fy5Js0GaUeXo
STRIPE_SECRET_KEY=sk_live_4eC39HqLyjWDarjtT1zdp7dc, AWS AKIAZ7QW3XK5LMN2PR4T
refund wallet 0x9fceb02d0ae598e95dc970b74767f19372d61af8 or bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4
UPS tracking 1Z999AA10123456784, ticket INC-0042117, due 2025-04-30.`,
];

/**
 * Appended to every part in odd rounds, which makes the text two-byte: a dash that the engine
 * folds to "-" (so the offset-mapping path runs too) and an apostrophe that it keeps.
 */
export const WIDE_TAIL = ' \u2013 \u2019';

/**
 * Rounds over the sample, alternating one-byte and two-byte text (measured: see above). Two take
 * about 0.2-0.3 s of CPU on a cold engine, spread over 2 * WARM_PARTS.length steps of which the
 * longest (the first, which sets up the engine) took 30-40 ms without names and 40-75 ms with
 * them in Node, 55-100 ms in Chromium.
 */
export const WARM_ROUNDS = 2;

/** The text of step `i` of a warm-up: part i, two-byte in odd rounds. */
export function warmText(i: number): string {
  const n = WARM_PARTS.length;
  const part = WARM_PARTS[i % n] ?? '';
  return Math.floor(i / n) % 2 === 1 ? part + WIDE_TAIL : part;
}

/**
 * A warm-up in steps. Each call of the returned function scans one part of the sample with
 * `scan` and returns how many steps are left: 0 once `rounds` passes over the sample are done,
 * after which calls do nothing. The caller spreads the steps over idle callbacks.
 */
export function warmUp(scan: (text: string) => unknown, rounds = WARM_ROUNDS): () => number {
  const total = Math.max(0, Math.floor(rounds)) * WARM_PARTS.length;
  let done = 0;
  return () => {
    if (done >= total) return 0;
    scan(warmText(done));
    done++;
    return total - done;
  };
}
