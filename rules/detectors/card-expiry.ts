import { EXAMPLE_WORDS, matchAllAt } from '../context.ts';
import { keywords } from '../keywords.ts';
import {
  afterTestCard,
  findCardNumbers,
  nearWords,
  testCards,
  type TestCardKind,
} from '../payment-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// MM/YY, MM/YYYY or M/YY with a slash, dash or dot. A full date (04/27/2024, 2024-04-27) is
// refused by the guards on both sides; "04/27 / 123" (expiry then CVV) is not a date.
const DATE = String.raw`(?<!\w|\d[/.-])((?:0?[1-9]|1[0-2]) ?[/.-] ?(?:20\d\d|\d\d))(?![\w/]|[.-]\d| ?[/.-] ?\d\d(?:\d\d)?(?!\d))`;

// An expiry keyword, a few non-digit filler characters ("exp.", "valid thru:", "Ablaufdatum
// (MM/JJ):"), then the date. One forward pass; every part is bounded. Italian and Spanish
// abbreviate theirs ("scad. 05/27", "cad. 04/28", "vto. 07/27"); Czech and Slovak say how long it is
// valid ("s platností 03/28"); Russian, Ukrainian, Japanese, Chinese, Korean,
// Arabic, Persian, Hebrew, Greek ("λήξη 08/27"), Hindi and Thai name it too. The Russian "срок" alone is any term ("срок доставки"): it
// counts only with a card near (see detect).

const KEYWORD_DATE = new RegExp(
  String.raw`(?<![a-z])(?:exp(?:iry|iration|ires?|iring)?|valid(?:ity| (?:thru|through|until|till|to))|good (?:thru|through)|g[üu]ltig bis|ablauf(?:datum)?|verfall(?:sdatum)?|date d'expiration|expire (?:le|fin)|fin de validit[ée]|vencimiento|vto\.|caducidad|vence|platnost[íi]?|platn[áaýy] do|validade|scadenza|scad\.?|cad\.?|caduca|vervaldatum|vervaldag|geldig tot|v[áa]lida hasta|valida fino(?: al)?|mm ?\/ ?(?:yy|jj|aa)(?:yy|jj|aa)?|срок(?: действия)?|мерзімі|действительна до|дійсна до|термін дії|有効期限|有效期(?:至)?|유효기간|تاريخ الانتهاء|تاریخ انقضا|תוקף|λ[ήη]ξ(?:ης|η)|समाप्ति|หมดอายุ)(?![a-z])[^\d\n]{0,16}` +
    DATE,
  'gi',
);

// MMYY written together ("exp 0427") is ambiguous, so only right behind a short keyword, or an
// attribute's name and its quote (a booking's XML: `ExpireDate="0928"`).
const KEYWORD_COMPACT =
  /(?<![a-z])(?:exp(?:iry|iration|ire|ires)?(?:[ _-]?date)?|valid thru|good thru)[\s:.="']{1,4}((?:0[1-9]|1[0-2])\d\d)(?![\w/]|[.-]\d)/gi;

// Right after a card number: "4539 1488 0343 6467 04/27", "..., 04/2027", "... / 04/27 / 123",
// "... 19688 (02/29, CVC 0937)".
const AFTER_CARD = new RegExp(String.raw`[\s,;|/(]{1,3}` + DATE, 'y');

// Expiry dates of other things: documents, subscriptions, certificates.
const NOT_A_CARD =
  /\b(?:passport|licen[cs]e|driver|dl|permit|residence|id card|certificate|cert|ssl|tls|domain|subscription|trial|warranty|coupon|voucher|gift|token|password|membership|contract|lease|insurance|policy|food|milk|best before|lot|batch|medicare|medicaid|irn|ehic|ghic|health|prescription|rx|vaccine|medication|drug)\b/;

/** "any future", "any valid": any date will do. Tested on the end of a lower-cased window. */
const ANY_BEFORE = /\bany(?: future| valid)?[ \t]*$/i;
/** The rest of an expiry's line: nothing, or the card's code. */
const LINE_ENDS_AFTER_EXPIRY = /^[ \t]*(?:[/,;|]?[ \t]*\d{3,4})?[ \t]*(?:\r?\n|$)/;

const CARD_HINT =
  /\b(?:cards?|credit|debit|visa|master ?card|amex|cvv|cvc|karte|carte|tarjeta|carta)\b|карт[аыеу]|картк|мир(?![а-я])/;
// "Срок" alone (see KEYWORD_DATE), the Kazakh "мерзімі" (term, of anything), the Czech
// "platnost" (an ID card's as well) and "cad"/"scad" without their stop (Canadian dollars): each
// counts only with a card near.
const TERM_ALONE = /^(?:срок(?! действия)|мерзімі|(?:s )?platn|s?cad(?![.a-z]))/i;

// Every keyword of KEYWORD_DATE and KEYWORD_COMPACT holds one of these, at most seven characters
// in ("date d'expiration", "fin de validité"). The keyword patterns are tried only there
// (matchAllAt): starting with their look-behind, they were tried at every position of the text.
const EXPIRY_HINT = keywords([
  'exp',
  'val',
  'venc',
  'vto.',
  'platn',
  'мерзімі',
  'good',
  'gültig',
  'gultig',
  'ablauf',
  'verfall',
  'caduc',
  'scad',
  'mm/',
  'mm /',
  'cad',
  'vervaldat',
  'vervaldag',
  'geldig tot',
  'срок',
  'действительна',
  'дійсна',
  'термін дії',
  '有効期限',
  '有效期',
  '유효기간',
  'تاريخ الانتهاء',
  'تاریخ انقضا',
  'תוקף',
  'λήξη',
  'ληξη',
  'समाप्ति',
  'หมดอายุ',
]);
const HINT_LEAD = 7;

/** Card expiry dates, only behind an expiry keyword or right after a card number. */
export const cardExpiry: Detector = {
  id: 'card-expiry',
  types: ['CREDIT_CARD'],
  prefilter: /\d[/.-]?\d/,
  detect(text) {
    const out: Candidate[] = [];
    const nearOther = nearWords(text, NOT_A_CARD, 40);
    const nearCard = nearWords(text, CARD_HINT, 40);
    // The test card numbers, read at the first candidate (most texts have none).
    let tests: ReadonlyMap<number, TestCardKind> | null = null;
    const add = (end: number, value: string, base: number, reason: string) => {
      const start = end - value.length;
      let score = base;
      if (nearOther.test(start, end) && !nearCard.test(start, end)) {
        score -= 0.45;
        reason = 'negative context';
      } else if (afterTestCard((tests ??= testCards(text)), start)) {
        score -= 0.45;
        reason = 'test card';
      }
      out.push({ start, end, type: 'CREDIT_CARD', score, reason });
    };
    const cards = findCardNumbers(text).filter((c) => c.score >= 0.5);
    // A card number ending at most 24 characters before `at` ("4400 4390 4168 6831, мерзімі").
    const cardBefore = (at: number) => cards.some((c) => c.end <= at && at - c.end <= 24);
    const hints = EXPIRY_HINT.at(text);
    for (const m of matchAllAt(text, KEYWORD_DATE, hints, HINT_LEAD)) {
      // "any future expiry (e.g. 12/34)", "expiry date, format MM/YY like 01/30": a format.
      // ("any future expiry like 12/34": any date will do, so this one is an example.)
      const lead = m[0].slice(0, m[0].length - m[1]!.length);
      if (
        TERM_ALONE.test(lead) &&
        !nearCard.test(m.index, m.index + m[0].length) &&
        !cardBefore(m.index)
      ) {
        continue;
      }
      const example =
        EXAMPLE_WORDS.test(lead) ||
        /\blike\b/.test(lead) ||
        ANY_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index));
      add(m.index + m[0].length, m[1]!, example ? 0.4 : 0.85, example ? 'example' : 'context');
    }
    for (const m of matchAllAt(text, KEYWORD_COMPACT, hints, HINT_LEAD)) {
      add(m.index + m[0].length, m[1]!, 0.85, 'context');
    }
    for (const card of cards) {
      AFTER_CARD.lastIndex = card.end;
      const m = AFTER_CARD.exec(text);
      if (m === null) continue;
      const end = card.end + m[0].length;
      // On the next line, the date alone or before the card's code: a statement's next line
      // opens with its own date ("Carte : 3468 287725 59974\n12/03  Train Lyon-Paris").
      if (m[0].includes('\n') && !LINE_ENDS_AFTER_EXPIRY.test(text.slice(end, end + 16))) continue;
      add(end, m[1]!, 0.75, 'after card number');
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Card: 4929 3781 2235 0002 / 04/27 / 123', value: '04/27' },
    // The abbreviations without their stop beside a card; Dutch.
    { text: 'tarjeta 4023 6000 1847 2953 cad 11/26, la meto yo', value: '11/26' },
    { text: 'kaart 4023 6000 1847 2953 vervaldatum 08/27, transactie hangt', value: '08/27' },
    // Abbreviated Italian and Spanish words; the Russian "срок" beside a card.
    { text: 'sulla carta 4023-6000-1847-2953 scad. 05/27 non riuscito', value: '05/27' },
    { text: 'su tarjeta 3782 446113 05002 (cad. 04/28, CVV 7311) fue rechazada', value: '04/28' },
    { text: 'карта «Мир» 2202 2071 4863 0521, срок 09/27, CVC 418.', value: '09/27' },
    { text: 'Срок действия: 11/26', value: '11/26' },
    { text: 'pagó con la tarjeta 5469 3989 7296 1032 vto. 07/27 y código 964', value: '07/27' },
    { text: 'kartu 4581 6542 8235 0969 s platností 03/28 zablokoval', value: '03/28' },
    { text: 'Ерлан: 4400 4390 4168 6831, мерзімі 11/26', value: '11/26' },
    { text: 'kortnummer er 3774 181782 19688 (02/29, CVC 0937)', value: '02/29' },
    { text: '<PaymentCard CardNumber="373595887433322" ExpireDate="0928"/>', value: '0928' },
    { text: 'カード有効期限：08/29', value: '08/29' },
    { text: 'χρεώθηκα δύο φορές!! κάρτα 5168 2078 3557 3831 λήξη 08/27', value: '08/27' },
    { text: 'exp 04/27', value: '04/27' },
    { text: 'Card 4539 1488 0343 6467, expiry: 11/2028, CVV 123', value: '11/2028' },
    { text: 'valid thru 09 / 26', value: '09 / 26' },
    { text: '4539148803436467 04/27 123', value: '04/27' },
    { text: 'Ablaufdatum (MM/JJ): 03/29', value: '03/29' },
    { text: 'fecha de vencimiento 12-27', value: '12-27' },
    { text: 'Exp: 0427', value: '0427' },
    { text: 'Card: 4929 3781 2235 0002\n04/27 123', value: '04/27' },
  ],
  noMatch: [
    // Canadian dollars, with no card near.
    'Total CAD 11/26 items shipped',
    // A driving licence's expiry; the Russian "срок" of a delivery.
    'Additional driver: Rosa Linh Tran — CA DL D4821937 exp 03/2028\nOptions: LDW',
    'Срок доставки 12.05, заказ оформлен',
    'Občanský průkaz s platností 03/28 je třeba obnovit.',
    // A format's example.
    'Use any future expiry (e.g. 12/34) and any 3-digit CVC.',
    'Meeting moved to 04/27 at 3pm',
    'ημερομηνία λήξης της σύμβασης 08/27/2024',
    // The expiry of a test card is a test value.
    'Test card: 4242 4242 4242 4242, exp 12/34, CVC 123.',
    'Expiration date of the contract: 04/27/2024',
    'Your passport expires 04/29, renew it early.',
    'Released 2024-04-27, expires 2025-04-27',
    'Version 10/22 is out',
    'exp 2027',
    'Subscription valid until 05/26',
    // A drug's lot and a health card have their own expiry.
    'Prescriber: Dr. Roe   DEA on file\nLot # KQ38219  exp 03/2026',
    'Medicare: 6644 21483 6 IRN 3  exp 12/2029',
    'Ratio 3/4 of the 12/25 batch',
    'Stripe documents test numbers that succeed or fail; use any future expiry like 12/34.',
    // A statement's next line opens with its own date.
    'Carte corporate : 3468 287725 59974\n12/03  Train Lyon-Paris AR     112,00 €',
    'This offer is valid for 12/25 participants',
  ],
};
