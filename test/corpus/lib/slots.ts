/**
 * The values a ticket can mention, per locale: a customer persona (name, contact details,
 * ids), the agent, and the unlabelled look-alikes around them (orders, tracking numbers,
 * prices, dates). Values are drawn lazily and remembered per key, so `{{first}}` and
 * `{{email}}` in one ticket belong to the same made-up person.
 */
import type { Faker } from '@faker-js/faker';
import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import type { SlotLookup, Value } from './doc.ts';
import type { Rng } from './random.ts';
import * as V from './values.ts';
import type { Locale } from './values.ts';

/** Fictional shops the tickets are addressed to (no real company). */
export const SHOPS = [
  { name: 'Nordlicht Electronics', domain: 'nordlicht-electronics.com' },
  { name: 'Kestrel Home', domain: 'kestrelhome.co.uk' },
  { name: 'Brightcart', domain: 'brightcart.io' },
  { name: 'Maison Lumière', domain: 'maison-lumiere.fr' },
  { name: 'Tienda Sol', domain: 'tiendasol.es' },
  { name: 'Fjordway Outdoor', domain: 'fjordway.com' },
  { name: 'Pixelcraft', domain: 'pixelcraft.de' },
  { name: 'Bergmann Versand', domain: 'bergmann-versand.de' },
  { name: 'Casa Verde Muebles', domain: 'casaverde.es' },
  { name: 'Atelier Durand', domain: 'atelier-durand.fr' },
  { name: 'Quillon Software', domain: 'quillon.app' },
  { name: 'Helix Cloud', domain: 'helixcloud.net' },
];

/** Product names, some with given names in them ("Oscar pet camera") to tempt a name pass. */
export const PRODUCTS = [
  'Nordlicht Pro 3 headphones',
  'Kestrel X200 router',
  'AquaPure 5L water filter',
  'Lumio smart bulb (4-pack)',
  'Vela standing desk',
  'Orbit 2 fitness tracker',
  'Brisa ceiling fan',
  'TerraTrail hiking boots',
  'Pixelcraft 27" monitor',
  'Cascade espresso machine',
  'Oscar pet camera',
  'Miles smart scale',
  'Florence duvet cover',
  'Hugo robot vacuum',
  'Sierra 65L backpack',
  'Polaris e-bike battery',
  'Quillon Pro subscription',
  'Helix Cloud Business plan',
  'Marlowe leather wallet',
  'Juno baby monitor',
  'Atlas 4K webcam',
  'Ember kettle 1.7L',
  'Nimbus air purifier',
  'Stella garden chair set',
];

const PROVIDERS: Record<Locale, string[]> = {
  en_US: [
    'gmail.com',
    'yahoo.com',
    'outlook.com',
    'icloud.com',
    'hotmail.com',
    'aol.com',
    'proton.me',
  ],
  en_GB: [
    'gmail.com',
    'btinternet.com',
    'outlook.com',
    'yahoo.co.uk',
    'sky.com',
    'hotmail.co.uk',
    'icloud.com',
  ],
  de: ['gmx.de', 'web.de', 't-online.de', 'gmail.com', 'posteo.de', 'outlook.de', 'freenet.de'],
  fr: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com', 'sfr.fr', 'hotmail.fr', 'wanadoo.fr'],
  es: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net', 'outlook.es', 'icloud.com'],
};

const US_AREA = [
  '212',
  '213',
  '305',
  '312',
  '404',
  '415',
  '503',
  '512',
  '602',
  '617',
  '646',
  '702',
  '713',
  '718',
  '720',
  '773',
  '804',
  '813',
  '858',
  '917',
  '919',
  '971',
];

/** Month names per language (dates of birth in tickets, plain dates in the negatives). */
export const MONTHS: Record<'en' | 'de' | 'fr' | 'es', string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};

export function langOf(loc: Locale): 'en' | 'de' | 'fr' | 'es' {
  return loc === 'en_US' || loc === 'en_GB' ? 'en' : loc;
}

const pad = (n: number) => String(n).padStart(2, '0');

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function randomDate(rng: Rng, fromYear: number, toYear: number): Ymd {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 28);
  return { y, m, d };
}

/** A date written the way people of the locale write a birth date. */
export function formatDob(rng: Rng, loc: Locale, { y, m, d }: Ymd): string {
  const lang = langOf(loc);
  const month = MONTHS[lang][m - 1] as string;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  switch (loc) {
    case 'en_US':
      return rng.weighted(
        [
          `${pad(m)}/${pad(d)}/${y}`,
          `${month} ${d}, ${y}`,
          iso,
          `${m}/${d}/${y}`,
          `${month.slice(0, 3)} ${d}, ${y}`,
        ],
        [35, 25, 15, 15, 10],
      );
    case 'en_GB':
      return rng.weighted(
        [
          `${pad(d)}/${pad(m)}/${y}`,
          `${d} ${month} ${y}`,
          iso,
          `${d}${d === 1 || d === 21 || d === 31 ? 'st' : d === 2 || d === 22 ? 'nd' : d === 3 || d === 23 ? 'rd' : 'th'} ${month} ${y}`,
        ],
        [40, 30, 15, 15],
      );
    case 'de':
      return rng.weighted(
        [`${pad(d)}.${pad(m)}.${y}`, `${d}. ${month} ${y}`, iso, `${d}.${m}.${y}`],
        [50, 25, 10, 15],
      );
    case 'fr':
      return rng.weighted(
        [
          `${pad(d)}/${pad(m)}/${y}`,
          `${d} ${month} ${y}`,
          iso,
          `${d === 1 ? '1er' : d} ${month} ${y}`,
        ],
        [50, 25, 10, 15],
      );
    case 'es':
      return rng.weighted(
        [`${pad(d)}/${pad(m)}/${y}`, `${d} de ${month} de ${y}`, `${pad(d)}-${pad(m)}-${y}`, iso],
        [50, 30, 10, 10],
      );
  }
}

/** A recent date (not a birth date), formatted for the locale. */
function formatRecent(rng: Rng, loc: Locale, { y, m, d }: Ymd): string {
  const lang = langOf(loc);
  const month = MONTHS[lang][m - 1] as string;
  if (rng.chance(0.3)) {
    if (lang === 'en') return loc === 'en_US' ? `${month} ${d}` : `${d} ${month}`;
    if (lang === 'de') return `${d}. ${month}`;
    if (lang === 'es') return `${d} de ${month}`;
    return `${d} ${month}`;
  }
  if (loc === 'en_US') return `${pad(m)}/${pad(d)}/${y}`;
  if (lang === 'de') return `${pad(d)}.${pad(m)}.${y}`;
  return `${pad(d)}/${pad(m)}/${y}`;
}

const COUNTRY: Record<Locale, CountryCode> = {
  en_US: 'US',
  en_GB: 'GB',
  de: 'DE',
  fr: 'FR',
  es: 'ES',
};

/**
 * A phone number for the locale, in a national or international format, valid by the
 * numbering plan (libphonenumber's full metadata): random digits alone often make numbers no
 * operator could issue, which real customers do not type. The "(0)" people write after a
 * country code is a formatting habit, so validity is checked without it.
 */
export function phone(rng: Rng, loc: Locale, style: 'any' | 'intl' | 'national' = 'any'): string {
  for (let i = 0; i < 200; i++) {
    const p = phoneCandidate(rng, loc, style);
    if (isValidPhoneNumber(p.replace('(0)', ''), COUNTRY[loc])) return p;
  }
  throw new Error(`no valid phone number for ${loc}`);
}

function phoneCandidate(rng: Rng, loc: Locale, style: 'any' | 'intl' | 'national'): string {
  const intl = style === 'intl' || (style === 'any' && rng.chance(0.4));
  switch (loc) {
    case 'en_US': {
      const a = rng.pick(US_AREA);
      const e = String(rng.int(201, 989));
      const s = rng.digits(4);
      if (intl)
        return rng.pick([
          `+1 ${a} ${e} ${s}`,
          `+1-${a}-${e}-${s}`,
          `+1 (${a}) ${e}-${s}`,
          `+1${a}${e}${s}`,
        ]);
      return rng.weighted(
        [
          `(${a}) ${e}-${s}`,
          `${a}-${e}-${s}`,
          `${a}.${e}.${s}`,
          `${a} ${e} ${s}`,
          `1 (${a}) ${e}-${s}`,
        ],
        [35, 30, 15, 10, 10],
      );
    }
    case 'en_GB': {
      const mobile = rng.chance(0.6);
      const n = mobile
        ? `7${rng.pick(['4', '5', '7', '8', '9'])}${rng.digits(2)}${rng.digits(6)}`
        : `${rng.pick(['20', '161', '113', '131', '117', '121'])}`;
      if (mobile) {
        const nat = `0${n}`;
        if (intl)
          return rng.pick([
            `+44 ${n.slice(0, 4)} ${n.slice(4)}`,
            `+44 (0)${n.slice(0, 4)} ${n.slice(4)}`,
            `+44${n}`,
            `0044 ${n.slice(0, 4)} ${n.slice(4)}`,
          ]);
        return rng.pick([
          `${nat.slice(0, 5)} ${nat.slice(5)}`,
          nat,
          `${nat.slice(0, 5)} ${nat.slice(5, 8)} ${nat.slice(8)}`,
        ]);
      }
      const area = n;
      const sub =
        area === '20'
          ? `${rng.int(3, 8)}${rng.digits(3)} ${rng.digits(4)}`
          : `${rng.int(2, 9)}${rng.digits(2)} ${rng.digits(4)}`;
      if (intl) return rng.pick([`+44 ${area} ${sub}`, `+44 (0)${area} ${sub}`]);
      return `0${area} ${sub}`;
    }
    case 'de': {
      const mobile = rng.chance(0.55);
      const pre = mobile
        ? rng.pick([
            '151',
            '152',
            '157',
            '160',
            '162',
            '170',
            '171',
            '172',
            '173',
            '175',
            '176',
            '177',
            '178',
            '179',
          ])
        : rng.pick(['30', '40', '69', '89', '221', '211', '711', '351', '341', '511', '911']);
      const sub = mobile
        ? rng.digits(rng.int(7, 8))
        : String(rng.int(2, 9)) + rng.digits(pre.length === 2 ? 7 : 6);
      if (intl)
        return rng.pick([
          `+49 ${pre} ${sub}`,
          `+49 (0)${pre} ${sub}`,
          `0049 ${pre} ${sub}`,
          `+49${pre}${sub}`,
          `+49-${pre}-${sub}`,
        ]);
      return rng.weighted(
        [`0${pre} ${sub}`, `0${pre}/${sub}`, `0${pre}-${sub}`, `(0${pre}) ${sub}`, `0${pre}${sub}`],
        [40, 20, 15, 10, 15],
      );
    }
    case 'fr': {
      const first = rng.pick(['6', '7', '1', '2', '3', '4', '5', '9']);
      const rest = [rng.digits(2), rng.digits(2), rng.digits(2), rng.digits(2)];
      if (intl)
        return rng.pick([
          `+33 ${first} ${rest.join(' ')}`,
          `+33 (0)${first} ${rest.join(' ')}`,
          `0033 ${first} ${rest.join(' ')}`,
          `+33${first}${rest.join('')}`,
        ]);
      return rng.weighted(
        [
          `0${first} ${rest.join(' ')}`,
          `0${first}.${rest.join('.')}`,
          `0${first}${rest.join('')}`,
          `0${first}-${rest.join('-')}`,
        ],
        [60, 15, 15, 10],
      );
    }
    case 'es': {
      // Mobiles start with 6 or 7; landlines with a provincial 9x prefix (never 900/901/902,
      // which are freephone and shared-cost lines of companies).
      const first = rng.pick(['6', '6', '7', '91', '93', '95', '96']);
      const d = first + rng.digits(9 - first.length);
      if (intl)
        return rng.pick([
          `+34 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
          `+34 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7)}`,
          `0034 ${d}`,
          `+34${d}`,
        ]);
      return rng.weighted(
        [
          `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
          `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7)}`,
          d,
          `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
        ],
        [40, 25, 25, 10],
      );
    }
  }
}

/** Transliterates a name for use in an email address or user name. */
function mailPart(s: string, loc: Locale): string {
  const base =
    loc === 'de'
      ? s
          .replace(/ä/g, 'ae')
          .replace(/ö/g, 'oe')
          .replace(/ü/g, 'ue')
          .replace(/Ä/g, 'Ae')
          .replace(/Ö/g, 'Oe')
          .replace(/Ü/g, 'Ue')
      : s;
  return V.asciiFold(base).toLowerCase();
}

interface Person {
  female: boolean;
  first: string;
  last: string;
  middle: string;
  title: string;
  dob: Ymd;
}

const TITLES: Record<Locale, { m: string[]; f: string[] }> = {
  en_US: { m: ['Mr.', 'Mr', 'Dr.'], f: ['Ms.', 'Mrs.', 'Ms', 'Dr.'] },
  en_GB: { m: ['Mr', 'Mr.', 'Dr'], f: ['Mrs', 'Ms', 'Miss', 'Dr'] },
  de: { m: ['Herr', 'Herrn', 'Hr.', 'Herr Dr.'], f: ['Frau', 'Fr.', 'Frau Dr.'] },
  fr: { m: ['M.', 'Monsieur', 'Mr'], f: ['Mme', 'Madame', 'Mlle'] },
  es: { m: ['Sr.', 'Don', 'D.'], f: ['Sra.', 'Doña', 'Dña.', 'Srta.'] },
};

function makePerson(faker: Faker, rng: Rng, loc: Locale): Person {
  const female = rng.chance(0.5);
  const sex = female ? 'female' : 'male';
  const first = faker.person.firstName(sex);
  // Faker's Spanish last names already carry one or two surnames, as Spanish names do.
  const last = faker.person.lastName();
  const middle =
    loc === 'en_US' && rng.chance(0.12)
      ? `${faker.string.alpha({ length: 1, casing: 'upper' })}.`
      : '';
  const title = rng.pick(TITLES[loc][female ? 'f' : 'm']);
  return { female, first, last, middle, title, dob: randomDate(rng, 1942, 2006) };
}

/** The names of id types as people of the locale write them (unlabelled context words). */
const ID_NAMES: Record<Locale, { govid: string[]; taxid: string[]; healthid: string[] }> = {
  en_US: {
    govid: ['Social Security number', 'SSN', 'social security #', 'SSN#'],
    taxid: ['ITIN', 'taxpayer ID (ITIN)', 'Individual Taxpayer Identification Number'],
    healthid: ['Medicare number', 'Medicare ID', 'MBI'],
  },
  en_GB: {
    govid: ['National Insurance number', 'NI number', 'NINO', 'national insurance no.'],
    taxid: ['UTR', 'Unique Taxpayer Reference', 'tax reference (UTR)'],
    healthid: ['NHS number', 'NHS no.'],
  },
  de: {
    govid: [
      'Personalausweisnummer',
      'Ausweisnummer',
      'Personalausweis-Nr.',
      'Nummer meines Personalausweises',
    ],
    taxid: [
      'Steuer-ID',
      'Steueridentifikationsnummer',
      'steuerliche Identifikationsnummer',
      'Steuer-IdNr.',
    ],
    healthid: ['Krankenversichertennummer', 'Versichertennummer', 'KVNR'],
  },
  fr: {
    govid: ['numéro de sécurité sociale', 'NIR', 'n° de sécu', 'numéro INSEE'],
    taxid: ['numéro fiscal', 'numéro fiscal de référence', 'SPI'],
    healthid: ['numéro de sécurité sociale', 'n° de carte Vitale'],
  },
  es: {
    govid: ['DNI', 'número de DNI', 'NIE', 'documento de identidad'],
    taxid: ['NIF', 'número de identificación fiscal'],
    healthid: ['número de la tarjeta sanitaria', 'CIP'],
  },
};

const COINS = ['Bitcoin', 'BTC', 'Ethereum', 'ETH', 'USDT (ERC-20)'];

/** Creates the slot lookup for one ticket. */
export function makeSlots(
  faker: Faker,
  rng: Rng,
  loc: Locale,
  nameFaker: Faker = faker,
): SlotLookup & { has(key: string): boolean } {
  const memo = new Map<string, Value>();
  const lang = langOf(loc);
  const shop = rng.pick(SHOPS);
  // `{{full#2}}` and `{{email#2}}` belong to a second customer (lists, exports); `{{agent#2}}`
  // is a second agent. People are drawn the first time they are needed.
  const people = new Map<string, Person>();
  const personOf = (role: string, n: number): Person => {
    const key = `${role}${n}`;
    let p = people.get(key);
    if (!p) {
      p = makePerson(role === 'customer' ? nameFaker : faker, rng, loc);
      people.set(key, p);
    }
    return p;
  };
  const fullOf = (p: Person) =>
    p.middle ? `${p.first} ${p.middle} ${p.last}` : `${p.first} ${p.last}`;
  const uname = (person: Person) => {
    const f = mailPart(person.first, loc);
    const l = mailPart(person.last.split(' ')[0] as string, loc);
    return rng.pick([
      `${f}.${l}`,
      `${f}${l}`,
      `${f[0]}${l}`,
      `${f}_${l}`,
      `${l}.${f}`,
      `${f}${rng.int(1, 99)}`,
      `${f}.${l}${rng.int(60, 99)}`,
      `${f[0]}.${l}`,
    ]);
  };
  const streetAddress = () => {
    if (loc === 'en_US' || loc === 'en_GB') return faker.location.streetAddress(rng.chance(0.3));
    return faker.location.streetAddress(rng.chance(0.2));
  };
  const cityLine = () => {
    const city = faker.location.city();
    const zip = faker.location.zipCode();
    if (loc === 'en_US') return `${city}, ${faker.location.state({ abbreviated: true })} ${zip}`;
    if (loc === 'en_GB') return `${city} ${zip}`;
    return `${zip} ${city}`;
  };
  const ibanCountry = (): string => {
    switch (loc) {
      case 'de':
        return rng.weighted(['DE', 'AT', 'CH'], [80, 12, 8]);
      case 'fr':
        return rng.weighted(['FR', 'BE'], [88, 12]);
      case 'es':
        return 'ES';
      case 'en_GB':
        return rng.weighted(['GB', 'NL'], [90, 10]);
      default:
        return rng.pick(['DE', 'NL', 'GB', 'FR']);
    }
  };
  const ctry = { en_US: 'US', en_GB: 'GB', de: 'DE', fr: 'FR', es: 'ES' }[loc];
  // Context words that must agree with a value drawn earlier ("Stripe" beside a Stripe key).
  const apiVendor = new Map<number, string>();
  const coin = new Map<number, string>();
  const dlRegion = new Map<number, string>();

  const make = (kind: string, n: number): Value => {
    const person = personOf('customer', n);
    const agent = personOf('agent', n);
    const other = personOf('other', n);
    switch (kind) {
      // people
      case 'full':
        return { text: fullOf(person), label: 'PERSON' };
      case 'first':
        return { text: person.first, label: 'PERSON' };
      case 'last':
        return { text: person.last, label: 'PERSON' };
      case 'fullrev':
        return { text: `${person.last}, ${person.first}`, label: 'PERSON' };
      case 'initlast':
        return { text: `${person.first[0]}. ${person.last}`, label: 'PERSON' };
      case 'title':
        return { text: person.title };
      case 'agent':
        return { text: `${agent.first} ${agent.last}`, label: 'PERSON' };
      case 'agent_first':
        return { text: agent.first, label: 'PERSON' };
      case 'agent_last':
        return { text: agent.last, label: 'PERSON' };
      case 'agent_email':
        return {
          text: `${mailPart(agent.first, loc)}.${mailPart(agent.last.split(' ')[0] as string, loc)}@${shop.domain}`,
          label: 'EMAIL',
        };
      case 'other':
        return {
          text: `${other.first} ${person.female === other.female ? other.last : person.last}`,
          label: 'PERSON',
        };
      case 'other_first':
        return { text: other.first, label: 'PERSON' };
      // contact
      case 'email': {
        const u = rng.chance(0.85)
          ? uname(person)
          : `${mailPart(person.first, loc)}${rng.int(1, 9999)}`;
        return { text: `${u}@${rng.pick(PROVIDERS[loc])}`, label: 'EMAIL' };
      }
      case 'work_email': {
        const domain =
          faker.internet.domainWord() +
          rng.pick(['.com', '.io', lang === 'en' ? '.co.uk' : `.${lang}`]);
        return {
          text: `${mailPart(person.first, loc)}.${mailPart(person.last.split(' ')[0] as string, loc)}@${domain}`,
          label: 'EMAIL',
        };
      }
      case 'phone':
        return { text: phone(rng, loc), label: 'PHONE' };
      case 'phone_intl':
        return { text: phone(rng, loc, 'intl'), label: 'PHONE' };
      case 'phone_nat':
        return { text: phone(rng, loc, 'national'), label: 'PHONE' };
      case 'address':
        return { text: `${streetAddress()}, ${cityLine()}`, label: 'ADDRESS' };
      case 'address_ml':
        return {
          text: `${streetAddress()}\n${cityLine().replace(/^(.+?) ([A-Z]{1,2}\d[\dA-Z]? \d[A-Z]{2})$/, loc === 'en_GB' ? '$1\n$2' : '$1 $2')}`,
          label: 'ADDRESS',
        };
      case 'street':
        return { text: streetAddress(), label: 'ADDRESS' };
      case 'city':
        return { text: faker.location.city() };
      case 'username':
        return { text: uname(person).replace('.', rng.pick(['.', '_', ''])) };
      case 'dob':
        return { text: formatDob(rng, loc, person.dob), label: 'DATE_OF_BIRTH' };
      // payment
      case 'card': {
        const brand = rng.weighted<V.CardBrand>(
          ['visa', 'mastercard', 'amex', 'discover'],
          [50, 32, 12, 6],
        );
        return { text: V.formatCard(rng, V.cardNumber(rng, brand)), label: 'CREDIT_CARD' };
      }
      // Expiry and CVV are payment card data too (PCI DSS), so they carry the card's label;
      // the last four digits alone ("ending in 1234") are not.
      case 'exp':
        return { text: V.cardExpiry(rng), label: 'CREDIT_CARD' };
      case 'cvv':
        return { text: rng.digits(3), label: 'CREDIT_CARD' };
      case 'last4':
        return { text: rng.digits(4) };
      case 'iban':
        return { text: V.formatIban(rng, V.iban(rng, ibanCountry())), label: 'IBAN' };
      case 'bic':
        return { text: V.bic(rng, ctry), label: 'SWIFT_BIC' };
      case 'routing':
        return { text: V.abaRouting(rng), label: 'ROUTING_NUMBER' };
      case 'account':
        return { text: rng.digits(rng.int(8, 12)), label: 'BANK_ACCOUNT' };
      // government and health ids
      case 'govid':
        if (loc === 'en_US') return { text: V.ssn(rng), label: 'US_SSN' };
        if (loc === 'en_GB') return { text: V.nino(rng), label: 'NATIONAL_ID' };
        if (loc === 'de') return { text: V.dePersonalausweis(rng), label: 'NATIONAL_ID' };
        if (loc === 'fr') return { text: V.frNir(rng), label: 'NATIONAL_ID' };
        return { text: V.esDniOrNie(rng), label: 'NATIONAL_ID' };
      case 'govid_name':
        return { text: rng.pick(ID_NAMES[loc].govid) };
      case 'taxid':
        if (loc === 'en_US') return { text: V.itin(rng), label: 'TAX_ID' };
        if (loc === 'en_GB') return { text: V.ukUtr(rng), label: 'TAX_ID' };
        if (loc === 'de') return { text: V.deSteuerId(rng), label: 'TAX_ID' };
        if (loc === 'fr') return { text: V.frNumeroFiscal(rng), label: 'TAX_ID' };
        return { text: V.esDniOrNie(rng), label: 'TAX_ID' };
      case 'taxid_name':
        return { text: rng.pick(ID_NAMES[loc].taxid) };
      case 'passport':
        return { text: V.passport(rng, loc), label: 'PASSPORT' };
      case 'dl': {
        const dl = V.driverLicense(rng, loc, person);
        dlRegion.set(n, dl.region ?? '');
        return { text: dl.value, label: 'DRIVER_LICENSE' };
      }
      case 'dl_region':
        get(n ? `dl#${n}` : 'dl');
        return { text: dlRegion.get(n) || (lang === 'en' ? 'UK' : '') };
      case 'healthid':
        if (loc === 'en_US') return { text: V.medicareMbi(rng), label: 'HEALTH_ID' };
        if (loc === 'en_GB') return { text: V.nhsNumber(rng), label: 'HEALTH_ID' };
        if (loc === 'de') return { text: V.deKvnr(rng), label: 'HEALTH_ID' };
        if (loc === 'fr') return { text: V.frNir(rng), label: 'HEALTH_ID' };
        return {
          text: `${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4)}${rng.digits(12)}`,
          label: 'HEALTH_ID',
        };
      case 'healthid_name':
        return { text: rng.pick(ID_NAMES[loc].healthid) };
      case 'mrn':
        return { text: V.mrn(rng), label: 'MEDICAL_RECORD' };
      // network and secrets
      case 'ip':
        return { text: V.ipv4(rng), label: 'IP_ADDRESS' };
      case 'ipv6':
        return { text: V.ipv6(rng), label: 'IP_ADDRESS' };
      case 'mac':
        return { text: V.mac(rng), label: 'MAC_ADDRESS' };
      case 'apikey': {
        const k = V.apiKey(rng);
        apiVendor.set(n, k.vendor);
        return { text: k.value, label: 'API_KEY' };
      }
      case 'apivendor':
        get(n ? `apikey#${n}` : 'apikey');
        return { text: apiVendor.get(n) ?? '' };
      case 'password':
        return { text: V.password(rng), label: 'PASSWORD' };
      case 'jwt':
        return { text: V.jwt(rng), label: 'JWT' };
      case 'urlcred':
        return {
          text: V.urlWithCredentials(
            rng,
            `${rng.pick(['db', 'sftp', 'files', 'mq', 'cache', 'api'])}.${rng.pick(['internal', 'prod', 'eu-1'])}.${shop.domain}`,
            rng.pick([
              'admin',
              'app_user',
              'deploy',
              'root',
              'svc_backup',
              uname(person).replace(/\W/g, ''),
            ]),
          ),
          label: 'URL_CREDENTIALS',
        };
      case 'privkey':
        return { text: V.privateKey(rng), label: 'PRIVATE_KEY' };
      case 'wallet': {
        const c = rng.pick(COINS);
        coin.set(n, c);
        const btc = c.startsWith('B');
        return {
          text: btc ? V.bitcoinAddress(rng) : V.ethereumAddress(rng),
          label: 'CRYPTO_WALLET',
        };
      }
      case 'coin':
        get(n ? `wallet#${n}` : 'wallet');
        return { text: coin.get(n) ?? '' };
      // unlabelled look-alikes and context
      case 'shop':
        return { text: shop.name };
      case 'shopdomain':
        return { text: shop.domain };
      case 'product':
        return { text: rng.pick(PRODUCTS) };
      case 'company':
        return { text: faker.company.name() };
      case 'order':
        return { text: V.lookalike.order(rng) };
      case 'tracking':
        return { text: V.lookalike.tracking(rng) };
      case 'invoice':
        return { text: V.lookalike.invoice(rng) };
      case 'rma':
        return { text: V.lookalike.rma(rng) };
      case 'ticket':
        return { text: V.lookalike.ticket(rng) };
      case 'sku':
        return { text: V.lookalike.sku(rng) };
      case 'serial':
        return { text: V.lookalike.serial(rng) };
      case 'uuid':
        return { text: V.lookalike.uuid(rng) };
      case 'sha':
        return { text: V.lookalike.sha(rng, rng.pick([7, 8, 40])) };
      case 'version':
        return { text: V.lookalike.version(rng) };
      case 'errcode':
        return { text: V.lookalike.errcode(rng) };
      case 'host':
        return {
          text: `${rng.pick(['web', 'api', 'app', 'edge', 'worker'])}-${rng.int(1, 40)}.${rng.pick(['eu-west-1', 'us-east-2', 'fra1', 'ams3'])}.${shop.domain}`,
        };
      case 'amount': {
        const v = rng.int(5, 2500) + rng.pick([0, 0.99, 0.5, 0.95, 0.49]);
        const [i, f] = v.toFixed(2).split('.') as [string, string];
        const grouped = (sep: string) => i.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        if (loc === 'en_US') return { text: `$${grouped(',')}.${f}` };
        if (loc === 'en_GB') return { text: `£${grouped(',')}.${f}` };
        if (loc === 'de')
          return { text: rng.chance(0.7) ? `${grouped('.')},${f} €` : `EUR ${grouped('.')},${f}` };
        return { text: `${grouped(loc === 'fr' ? ' ' : '.')},${f} €` };
      }
      case 'date':
        return { text: formatRecent(rng, loc, randomDate(rng, 2024, 2025)) };
      case 'time':
        return {
          text:
            loc === 'en_US'
              ? `${rng.int(1, 12)}:${pad(rng.int(0, 59))} ${rng.pick(['AM', 'PM', 'am', 'pm'])}`
              : `${rng.int(7, 20)}:${pad(rng.int(0, 59))}`,
        };
      case 'clock':
        return { text: `${pad(rng.int(8, 18))}:${pad(rng.int(0, 59))}` };
      case 'count':
        return { text: String(rng.int(2, 6)) };
      case 'days':
        return { text: String(rng.int(3, 21)) };
      case 'year':
        return { text: String(rng.int(2019, 2024)) };
      default:
        throw new Error(`unknown slot ${kind}`);
    }
  };

  const get = (key: string): Value => {
    let v = memo.get(key);
    if (!v) {
      const m = /^(.*?)(?:#(\d+))?$/.exec(key) as RegExpExecArray;
      v = make(m[1] as string, Number(m[2] ?? 0));
      memo.set(key, v);
    }
    return v;
  };
  return Object.assign(get, { has: (key: string) => memo.has(key) });
}
