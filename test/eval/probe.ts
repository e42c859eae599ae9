/**
 * `npm run eval:probe`: the engine on values it was not written against, in many locales and
 * short frames, built differently from test/corpus (which has its own phrase books and value
 * generator): every value comes straight from @faker-js/faker's locale data, with fixed seeds,
 * dropped into one-line frames a support agent or a tester would write. It asks one question
 * per value, "is a finding of the right type over it?", and prints recall per type, per locale
 * or per frame, with the values missed (made up, so they may be printed).
 *
 * The `/prose` groups ask the same in frames with weaker cues or none, written in the middle
 * of a ticket; they were added after the first groups and are reported apart from them.
 *
 * Beside the recall, a precision check: sentences that hand a ticket to a team, a firm or a
 * product, name towns after people, or open with an ordinary word, where nothing should be
 * found.
 *
 * This is a probe, not a benchmark with a target: a miss here is a lead to a general rule, and a
 * rule made to fit one of these frames should first be checked on the negatives, the Presidio
 * corpus and other text (`npm run eval`).
 *
 *   npm run eval:probe -- [--misses]
 */
import { allFakers, type Faker } from '@faker-js/faker';
import { scan, type EntityType } from '../../rules/index.ts';

const showMisses = process.argv.includes('--misses');

interface Tally {
  n: number;
  found: number;
  misses: string[];
}

const tallies = new Map<string, Tally>();

/** Counts whether `text` has a finding of `type` over `value` (its first occurrence). */
function check(group: string, text: string, value: string, types: readonly EntityType[]): void {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`probe: ${JSON.stringify(value)} is not in its frame`);
  const end = start + value.length;
  const ok = scan(text).some((f) => types.includes(f.type) && f.start < end && f.end > start);
  const t = tallies.get(group) ?? { n: 0, found: 0, misses: [] };
  tallies.set(group, t);
  t.n++;
  if (ok) t.found++;
  else t.misses.push(JSON.stringify(text));
}

function fakerFor(locale: string, seed: number): Faker | null {
  const f = (allFakers as Record<string, Faker | undefined>)[locale];
  if (!f) return null;
  f.seed(seed);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Names

const NAME_LOCALES = [
  'en_US',
  'en_GB',
  'en_IN',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt_BR',
  'pl',
  'sv',
  'cs_CZ',
  'tr',
  'ro',
  'hu',
  'fi',
  'da',
  'nb_NO',
  'uk',
  'ru',
  'vi',
  'ja',
  'ko',
  'zh_CN',
  'ar',
];
const NAME_FRAMES: ReadonlyArray<(n: string) => string> = [
  (n) => `Dear ${n},\nthank you for your message.`,
  (n) => `Best regards,\n${n}`,
  (n) => `Customer: ${n}\nIssue: refund`,
  (n) => `I spoke with ${n} yesterday about the order.`,
  (n) => `${n} called about the delayed shipment.`,
  (n) => `Please forward this to ${n}.`,
  (n) => `The account belongs to ${n} and was opened in 2019.`,
  (n) => `Hi, my name is ${n} and I need help.`,
  (n) => `Ticket assigned to ${n} (tier 2).`,
  (n) => `${n} <customer@example-mail.test> wrote:`,
  (n) => `Thanks ${n}!`,
  (n) => `cc: ${n}`,
  (n) => `Customer Name;Order;Total\n${n};5512;49.90`,
  (n) => `| Customer | Order |\n|---|---|\n| ${n} | 5512 |`,
];
const NAME_FRAMES_BY_LANGUAGE: Record<string, ReadonlyArray<(n: string) => string>> = {
  de: [
    (n) => `Ich habe gestern mit ${n} telefoniert.`,
    (n) => `Kunde: ${n}`,
    (n) => `${n} hat angerufen wegen der Lieferung.`,
  ],
  fr: [
    (n) => `J'ai parlé avec ${n} hier.`,
    (n) => `Client : ${n}`,
    (n) => `${n} a appelé au sujet de la livraison.`,
  ],
  es: [(n) => `Hablé con ${n} ayer.`, (n) => `Cliente: ${n}`, (n) => `${n} llamó por el envío.`],
  it: [
    (n) => `Ho parlato con ${n} ieri.`,
    (n) => `Per favore inoltra a ${n}.`,
    (n) => `${n} ha chiamato per la spedizione.`,
  ],
  nl: [
    (n) => `Ik heb gisteren met ${n} gesproken.`,
    (n) => `Klant: ${n}`,
    (n) => `${n} belde over de levering.`,
  ],
  pt_BR: [
    (n) => `Falei com ${n} ontem.`,
    (n) => `Por favor, encaminhe para ${n}.`,
    (n) => `${n} ligou sobre a entrega.`,
  ],
};

function names(): void {
  for (const locale of NAME_LOCALES) {
    const f = fakerFor(locale, 5);
    if (!f) continue;
    const frames = [...NAME_FRAMES, ...(NAME_FRAMES_BY_LANGUAGE[locale] ?? [])];
    for (let i = 0; i < 3 * frames.length; i++) {
      const name = i % 2 ? `${f.person.firstName()} ${f.person.lastName()}` : f.person.fullName();
      check(`PERSON ${locale}`, frames[i % frames.length]!(name), name, ['PERSON']);
    }
  }
}

// The same question in frames with weaker cues or none: what an agent writes in the middle of
// a ticket ("The package for ... has been delayed", "Can you check why ... was charged
// twice?"). Reported as PERSON/prose, apart from the frames above.
const NAME_PROSE_FRAMES: ReadonlyArray<(n: string) => string> = [
  (n) => `Patient ${n}, born 12/03/1985, was admitted on Monday.`,
  (n) => `Hello, this is ${n} from the billing team.`,
  (n) => `The package for ${n} has been delayed again.`,
  (n) => `As discussed with ${n}, we will refund the fee.`,
  (n) => `Our client, ${n}, requested a callback.`,
  (n) => `Attendees: ${n}, Lars Olsen and Chen Wei`,
  (n) => `Signed,\n${n}\nHead of Support`,
  (n) => `Re: Refund for ${n}`,
  (n) => `User ${n} (ID 3321) reported the outage.`,
  (n) => `${n}'s account was locked after three attempts.`,
  (n) => `Please update the shipping details for ${n}.`,
  (n) => `Escalated by ${n} on 2024-05-02.`,
  (n) => `Contact person - ${n}`,
  (n) => `I am writing on behalf of my mother, ${n}.`,
  (n) => `Can you check why ${n} was charged twice?`,
  (n) => `Full name ${n}, DOB 1990-01-01`,
  (n) => `Driver ${n} will deliver between 9 and 12.`,
  (n) => `Forwarding this to ${n} in accounts.`,
  (n) => `"${n}" <someone@example.test>`,
  (n) => `Recipient ${n}, 14 Rue de la Paix, Paris`,
  (n) => `The booking under ${n} is confirmed for two nights.`,
  (n) => `${n} (customer since 2015) is asking for a discount.`,
];
const NAME_PROSE_LOCALES = [
  ...NAME_LOCALES.filter((l) => l !== 'en_US'),
  'en_US',
  'ja',
  'zh_CN',
  'ko',
  'he',
  'ar',
  'yo_NG',
  'zu_ZA',
];

function namesInProse(): void {
  for (const locale of new Set(NAME_PROSE_LOCALES)) {
    const f = fakerFor(locale, 77);
    if (!f) continue;
    for (let i = 0; i < 2 * NAME_PROSE_FRAMES.length; i++) {
      const name = `${f.person.firstName()} ${f.person.lastName()}`;
      check(
        `PERSON/prose ${locale}`,
        NAME_PROSE_FRAMES[i % NAME_PROSE_FRAMES.length]!(name),
        name,
        ['PERSON'],
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Phones, addresses and the values with a fixed shape

const PHONE_FRAMES: ReadonlyArray<(v: string) => string> = [
  (v) => `Call me at ${v} tomorrow.`,
  (v) => `Customer phone: ${v}`,
  (v) => `The number ${v} was disconnected.`,
];

// Frames with other cues, or a signature line with none (PHONE/prose).
const PHONE_PROSE_FRAMES: ReadonlyArray<(v: string) => string> = [
  (v) => `Jane Doe\nAcme Ltd\n${v}`,
  (v) => `You can text ${v} anytime.`,
  (v) => `Tel.: ${v}`,
  (v) => `My number changed to ${v}.`,
  (v) => `Contact details: ${v} / jane@example.test`,
  (v) => `Please ring ${v} before delivery.`,
  (v) => `WhatsApp: ${v}`,
  (v) => `Customer can be reached at ${v}`,
  (v) => `Phone number on the account: ${v}`,
];

function phones(): void {
  for (const locale of Object.keys(allFakers)) {
    if (locale === 'base') continue;
    const f = fakerFor(locale, 7);
    if (!f) continue;
    for (let k = 0; k < 30; k++) {
      const style = (['human', 'national', 'international'] as const)[k % 3]!;
      const v = f.phone.number({ style });
      check(`PHONE ${style}`, PHONE_FRAMES[Math.floor(k / 3) % 3]!(v), v, ['PHONE']);
    }
  }
  for (const locale of Object.keys(allFakers)) {
    if (locale === 'base') continue;
    const f = fakerFor(locale, 321);
    if (!f) continue;
    for (let k = 0; k < PHONE_PROSE_FRAMES.length; k++) {
      const style = k % 2 ? 'international' : 'human';
      const v = f.phone.number({ style });
      check(`PHONE/prose ${style}`, PHONE_PROSE_FRAMES[k]!(v), v, ['PHONE']);
    }
  }
}

const ADDRESS_LOCALES = [
  'en_US',
  'en_GB',
  'en_AU',
  'en_CA',
  'en_IE',
  'en_IN',
  'de',
  'de_AT',
  'de_CH',
  'fr',
  'fr_CH',
  'fr_BE',
  'es',
  'es_MX',
  'it',
  'nl',
  'nl_BE',
  'pt_BR',
  'pt_PT',
  'pl',
  'sv',
  'da',
  'nb_NO',
  'fi',
  'cs_CZ',
  'sk',
  'hu',
  'ro',
  'tr',
  'el',
  'hr',
  'lv',
  'uk',
  'ru',
];
const ADDRESS_FRAMES: ReadonlyArray<(a: string) => string> = [
  (a) => `Please ship it to ${a}.`,
  (a) => `My address is ${a}`,
  (a) => `Address:\n${a}`,
  (a) => `I moved to ${a} last month.`,
];

function addresses(): void {
  for (const locale of ADDRESS_LOCALES) {
    const f = fakerFor(locale, 9);
    if (!f) continue;
    for (let i = 0; i < 24; i++) {
      const l = f.location;
      const a =
        i % 3 === 0
          ? l.streetAddress(false)
          : i % 3 === 1
            ? `${l.streetAddress(true)}, ${l.zipCode()} ${l.city()}`
            : `${l.streetAddress()}\n${l.city()} ${l.zipCode()}`;
      check(`ADDRESS ${locale}`, ADDRESS_FRAMES[i % 4]!(a), a, ['ADDRESS']);
    }
  }
}

// Street lines with no address word before them (ADDRESS/prose).
const ADDRESS_PROSE_FRAMES: ReadonlyArray<(a: string) => string> = [
  (a) => `The courier left it at ${a} yesterday.`,
  (a) => `Jane Doe\n${a}\nPhone on file`,
  (a) => `Our office at ${a} will be closed on Friday.`,
  (a) => `Is ${a} still the correct billing address?`,
  (a) => `Delivery failed for ${a}, please confirm.`,
  (a) => `Warehouse: ${a}`,
  (a) => `Return label for ${a} attached.`,
  (a) => `${a} (second floor)`,
  (a) => `Can you update it to ${a}?`,
  (a) => `Pickup point: ${a}\nOpening hours 9-17`,
];

function addressesInProse(): void {
  for (const locale of ADDRESS_LOCALES) {
    const f = fakerFor(locale, 123);
    if (!f) continue;
    for (let i = 0; i < 2 * ADDRESS_PROSE_FRAMES.length; i++) {
      const l = f.location;
      const a = i % 2 ? `${l.streetAddress()}, ${l.city()}` : l.streetAddress(false);
      check(
        `ADDRESS/prose ${locale}`,
        ADDRESS_PROSE_FRAMES[i % ADDRESS_PROSE_FRAMES.length]!(a),
        a,
        ['ADDRESS'],
      );
    }
  }
}

const SHAPED: ReadonlyArray<[EntityType, (f: Faker) => string]> = [
  ['EMAIL', (f) => f.internet.email({ allowSpecialCharacters: f.datatype.boolean() })],
  ['IBAN', (f) => f.finance.iban({ formatted: f.datatype.boolean() })],
  ['IP_ADDRESS', (f) => (f.datatype.boolean() ? f.internet.ipv4() : f.internet.ipv6())],
  ['MAC_ADDRESS', (f) => f.internet.mac(f.helpers.arrayElement([':', '-']))],
  ['CRYPTO_WALLET', (f) => f.finance.ethereumAddress()],
  ['JWT', (f) => f.internet.jwt()],
];
const SHAPED_FRAMES: ReadonlyArray<(v: string) => string> = [
  (v) => `please check ${v} thanks`,
  (v) => v,
  (v) => `The value was ${v}.`,
];
// Values whose shape needs its word: a card without a checksum-valid issuer range, a wallet
// whose checksum faker does not compute, a BIC of letters only.
const LABELLED: ReadonlyArray<[EntityType, string, (f: Faker) => string]> = [
  ['CREDIT_CARD', 'Card on file: ', (f) => f.finance.creditCardNumber()],
  ['CRYPTO_WALLET', 'Pay to wallet ', (f) => f.finance.bitcoinAddress()],
  ['SWIFT_BIC', 'BIC: ', (f) => f.finance.bic({ includeBranchCode: f.datatype.boolean() })],
  ['BANK_ACCOUNT', 'Account number ', (f) => f.finance.accountNumber(10)],
  ['ROUTING_NUMBER', 'routing number ', (f) => f.finance.routingNumber()],
  ['PASSWORD', 'password: ', (f) => f.internet.password({ length: 14 })],
];

function shaped(): void {
  const f = fakerFor('en', 11)!;
  for (const [type, make] of SHAPED) {
    for (let i = 0; i < 60; i++) {
      const v = make(f);
      check(type, SHAPED_FRAMES[i % 3]!(v), v, [type]);
    }
  }
  for (const [type, label, make] of LABELLED) {
    for (let i = 0; i < 60; i++) {
      const v = make(f);
      check(`${type} labelled`, `${label}${v}, thanks.`, v, [type]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Precision: sentences with nothing to find

const NOTHING: readonly string[] = [
  ...['Customer Success', 'Human Resources', 'Second Line', 'Acme Corp', 'Google Cloud'].flatMap(
    (team) => [
      `Ticket assigned to ${team}.`,
      `Please forward this to ${team}.`,
      `The call was transferred to ${team}.`,
    ],
  ),
  'Ich habe mit Deutsche Telekom telefoniert.',
  'Ho parlato con Poste Italiane ieri.',
  'Flights from Charlotte, NC to Phoenix, AZ were delayed.',
  'We visited Victoria, BC and Regina, SK.',
  'Weird, can you check again? Noted, please send it. Honestly, do you know why?',
  'Acme Widgets, the manufacturer, replied.',
  'Delta: +12825771603 bytes since Monday.',
  'login: https://example.com/x1 or login: example.com/auth2',
  'commit 9cfff083810b on the mac build',
  'お客様、ご注文ありがとうございます。皆様によろしく。',
  'Customer: 我的订单没有到达请帮忙',
  'As user jane doe, click Save. We asked grace period questions.',
  'Example NHS number: 943 476 5919. SIN format: 046 454 286.',
  // Products and phrases that sit where the prose frames put names and addresses.
  'You can follow the parcel under Two-Factor Authentication.',
  'We stock Galaxy Buds, Apple Watch and Pixel Pro.',
  "Apple Music was charged twice and Office Depot's account page is down.",
  'nix: Update backend to use Nix Flakes (#414)',
  'Otherwise the name is taken from the attribute, and file.name is useful.',
  '"Time submitted" means in korean, "입력된 시간"',
  'The word for thanks is شكرا جزيلا in Arabic, and מזל טוב to the whole team!',
  'Requires setup.cfg-only projects to be built via PEP 517, by requiring it.',
];

function nothing(): string[] {
  const alarms: string[] = [];
  for (const text of NOTHING) {
    for (const f of scan(text)) alarms.push(`${f.type} in ${JSON.stringify(text)}`);
  }
  return alarms;
}

// ---------------------------------------------------------------------------------------------

names();
namesInProse();
phones();
addresses();
addressesInProse();
shaped();
const alarms = nothing();

/** Tallies summed by the first word of their group (the type). */
const byType = new Map<string, Tally>();
for (const [group, t] of tallies) {
  const type = group.split(' ')[0]! + (group.endsWith('labelled') ? ' labelled' : '');
  const s = byType.get(type) ?? { n: 0, found: 0, misses: [] };
  byType.set(type, s);
  s.n += t.n;
  s.found += t.found;
}
const pct = (t: Tally) => ((100 * t.found) / t.n).toFixed(1).padStart(5);
console.log('Probe: faker values in short frames (recall: a finding of the type over the value)\n');
for (const [type, t] of byType) console.log(`${type.padEnd(24)} ${pct(t)}%  ${t.found}/${t.n}`);
console.log('\nBy locale or style (below 100%):');
for (const [group, t] of tallies) {
  if (t.found === t.n) continue;
  console.log(`  ${group.padEnd(24)} ${pct(t)}%  ${t.found}/${t.n}`);
  if (showMisses) for (const m of t.misses) console.log(`      ${m}`);
}
console.log(
  `\nSentences with nothing to find: ${NOTHING.length}, false alarms: ${alarms.length}` +
    (alarms.length ? `\n  ${alarms.join('\n  ')}` : ''),
);
