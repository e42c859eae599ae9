import { isTrivialDigits } from '../checksums.ts';
import {
  afterTestCard,
  findCardNumbers,
  nearWords,
  testCards,
  type TestCardKind,
} from '../payment-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchAllAt } from '../context.ts';
import { keywords } from '../keywords.ts';

// A keyword naming the card security code, up to 20 non-digit filler characters ("CVV2: ",
// "security code is ", "the code on the back is "), then three or four digits as a whole token (not part of a longer
// number, a decimal, a date or an amount). One forward pass; every part is bounded.
const KEYWORD_CODE =
  /(?<![a-z])(cvv2?|cvc2?|cvn|cav2|cvd|card verification (?:value|code|number)|kartenpr[üu]fnummer|cryptogramme(?: visuel)?|security code|sec\.? code|card code|csc|sicherheitscode|pr[üu]fnummer|pr[üu]fziffer|code de s[ée]curit[ée]|c[óo]digo de seguridad|codice di sicurezza|cid|code on the back(?: of (?:the|my|your) card)?|(?:(?:3|three|4|four)[- ])?digits on the back|(?:3|three)[- ]digit (?:security )?code)(?![a-z])[^\d\n]{0,20}(?<!\w)(\d{3,4})(?![\w/]|[.,:-]\d)/gi;

// Every match of KEYWORD_CODE starts with one of these (compared without case), so it is tried
// only where one starts instead of at every position of the text.
const KEYWORD_STARTS = keywords([
  'cvv',
  'cvc',
  'cvn',
  'cav2',
  'cvd',
  'card verification',
  'kartenpr',
  'cryptogramme',
  'security code',
  'sec code',
  'sec. code',
  'card code',
  'csc',
  'sicherheitscode',
  'prüf',
  'pruf',
  'code de s',
  'código de seguridad',
  'codigo de seguridad',
  'codice di sicurezza',
  'cid',
  'code on the back',
  'digits on the back',
  '3-digit',
  '3 digit',
  'three-digit',
  'three digit',
]);

// Names that only mean the card security code. The others are also used for other codes (a
// login "security code", Caller ID), so they count less, and CID only beside card words.
const STRONG = /^(?:cvv2?|cvc2?|cvn|cav2|cvd|card verification|kartenpr|cryptogramme)/i;
// Names that say which code only beside a card word: Caller ID, a code texted for a login,
// "the code on the back" of a gift card.
const NEEDS_CARD = /^(?:cid|code on the back|(?:3|three|4|four)[- ]digit|\S*digits on)/i;

const CARD_HINT =
  /\b(?:cards?|credit|debit|visa|master ?card|amex|american express|discover|karte|carte|tarjeta)\b/;

// Documentation placeholders: they sink any code.
// (In Russian too: "например" (for example), "любой" (any), "тестов..." (test).)
const PLACEHOLDER =
  /\b(?:test|testing|sandbox|any (?:cvc|cvv|3|three|value|digits)|example|e\.g|dummy|placeholder)\b|(?<![а-яё])(?:например|любой|любые|тестов)/;
// One-time codes: they sink codes behind an ambiguous name, not behind "CVV" itself (a form
// may well say "CVV (not your PIN)").
const ONE_TIME_CODE =
  /\b(?:otp|one[- ]time|2fa|mfa|sms|text message|login|log in|sign[- ]in|verification code|authenticator|pin|captcha|image|email)\b/;

// Right after a card number: separators (" / " too), optionally an MM/YY expiry, then the code.
// (A comma and three digits or more after the code open a CSV row's next cell, "579,302.53";
// one or two make a decimal, "579,50".) After the expiry, the code may be called a code, in a
// few words: "5469 3989 7296 1032 vto. 07/27 y código 964".
const AFTER_CARD =
  /[\s,;|/]{1,3}((?:[a-z]{2,4}\.? )?(?:0?[1-9]|1[0-2]) ?[/.-] ?(?:20\d\d|\d\d)(?:[\s,;|/]{1,3}|[\s,;]{1,2}(?:(?:y|e|and|und|et|og|och|en|a) )?(?:c[óo]digo|code|codice|kód|kode|koden)[\s:]{1,3}))?(\d{3,4})(?![\w/]|[.:-]\d|,\d\d?(?!\d))/y;

/** Card security codes (CVV/CVC/CID), only behind their keyword or right after a card number. */
export const cardCvv: Detector = {
  id: 'card-cvv',
  types: ['CREDIT_CARD'],
  prefilter: /\d{3}/,
  detect(text) {
    const out: Candidate[] = [];
    const nearPlaceholder = nearWords(text, PLACEHOLDER, 40);
    const nearOneTime = nearWords(text, ONE_TIME_CODE, 40);
    const nearCard = nearWords(text, CARD_HINT);
    // The test card numbers, read at the first candidate (most texts have none).
    let tests: ReadonlyMap<number, TestCardKind> | null = null;
    const add = (start: number, end: number, base: number, reason: string, strong = false) => {
      let score = base;
      if (isTrivialDigits(text.slice(start, end))) score -= 0.2;
      if (nearPlaceholder.test(start, end) || (!strong && nearOneTime.test(start, end))) {
        score -= 0.45;
        reason = 'negative context';
      } else if (afterTestCard((tests ??= testCards(text)), start)) {
        score -= 0.45;
        reason = 'test card';
      }
      out.push({ start, end, type: 'CREDIT_CARD', score, reason });
    };
    const starts = KEYWORD_STARTS.at(text);
    if (starts.length > 0) {
      for (const m of matchAllAt(text, KEYWORD_CODE, starts, 0)) {
        const keyword = m[1]!;
        const end = m.index + m[0].length;
        const start = end - m[2]!.length;
        if (STRONG.test(keyword)) add(start, end, 0.9, 'context', true);
        else if (!NEEDS_CARD.test(keyword)) add(start, end, 0.65, 'context');
        else if (nearCard.test(start, end)) add(start, end, 0.65, 'context');
      }
    }
    for (const card of findCardNumbers(text)) {
      if (card.score < 0.5) continue;
      AFTER_CARD.lastIndex = card.end;
      const m = AFTER_CARD.exec(text);
      // Without an expiry between them, only three digits: four could be a year or a PIN.
      if (m === null || (m[1] === undefined && m[2]!.length !== 3)) continue;
      const end = card.end + m[0].length;
      add(end - m[2]!.length, end, 0.65, 'after card number');
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Card no. on file, exp 11/29, sec code 8461', value: '8461' },
    { text: 'Visa ending 6467, and the code on the back is 739', value: '739' },
    { text: 'The code on the back of my card is 739.', value: '739' },
    // Found since the keywords are searched themselves (a shorter hint list lacked this one).
    { text: 'Card verification value: 482', value: '482' },
    { text: 'Card: 4929 3781 2235 0002 / 04/27 / 579', value: '579' },
    { text: 'CVV: 482', value: '482' },
    { text: 'la tarjeta 5469 3989 7296 1032 vto. 07/27 y código 964; el cargo', value: '964' },
    {
      text: 'name,card,exp,cvv,amount\nAnn Roe,4129 0274 7195 1518,10/25,795,302.53',
      value: '795',
    },
    { text: 'Card 4539 1488 0343 6467, exp 11/28, CVC 9173', value: '9173' },
    { text: 'security code 739, expiry 04/27', value: '739' },
    { text: '4539148803436467 04/27 381', value: '381' },
    { text: 'Amex card, CID 4821', value: '4821' },
    { text: 'Kartenprüfnummer (CVC2) lautet 052', value: '052' },
    { text: 'cvv2=614', value: '614' },
    { text: 'CVC:0917', value: '0917' },
    { text: 'CVV (not your PIN): 318', value: '318' },
  ],
  noMatch: [
    'Для теста: срок любой в будущем, например 12/30, CVC 123',
    'Your 3-digit code is 482.',
    'Enter the 3-digit code 482 we texted you to sign in',
    'Your verification code is 482913',
    'Your login security code is 4829',
    'Room 482, floor 3, call ext. 5531',
    // A word between a card and three digits, with no expiry: no code.
    'Card 4539 1488 0343 6467 and 482 other rows were imported',
    'For testing use any CVC, e.g. 123',
    // The code of a test card is a test code.
    'Sample card for testing in staging: 4242 4242 4242 4242, exp 12/34, CVC 123.',
    'The CVV field must contain 3 or 4 digits.',
    'CID 4821 assigned to the ticket',
    'Enter the security code 7391 shown in the image',
    'Paid $1,482 on 04/27',
    'Order 4539148803436467 shipped 2024',
  ],
};
