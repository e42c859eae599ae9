import { allOf, anyOf, hasAlnumRun, matchesAtRuns } from '../scan-util.ts';
import { contextWords, NON_PERSONAL_NUMBER } from '../context.ts';
import { isCountry, nearWords } from '../payment-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { keywords as keywordList } from '../keywords.ts';

// Bank (4 letters), country (2 letters), location (2), optional branch (3), in capitals.
// The look-behind sits after the first letter, so it runs only where a letter is rather than at
// every position of the text.
const BIC_UPPER = /[A-Z](?<![A-Za-z0-9_@-].)[A-Z]{5}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9_-])/g;
// The same in lower case: taken only right after the keyword (see detect), so it is tried only
// at the tokens near one. A code in mixed case ("Delivery", "Customer") is never taken.
const BIC_LOWER = /[a-z](?<![A-Za-z0-9_@-].)[a-z]{5}[a-z0-9]{2}(?:[a-z0-9]{3})?(?![A-Za-z0-9_-])/g;
/** How far a lower-case code may start after its keyword, and end before one (KEYWORD_AFTER). */
const LOWER_BEFORE = 40;
const LOWER_AFTER = 12;

// The keyword directly before the code, with only labels and punctuation between:
// "BIC: ", "SWIFT code ", "SWIFT/BIC is ", "Swift-Code: ", "code BIC : ".
// (Also the word in Arabic and Russian: "رمز السويفت: NSBKSARI", "SWIFT-код", "код свифт"; and
// Kazakhstan's БСК, its bank identifier code, which is the bank's BIC: "Банктің БСК: QZBNKZKA".)
const KEYWORD_BEFORE =
  /(?:\b(?:bic|swift)(?:[\s/-]{0,3}(?:bic|swift|code|number|no\.?|nr\.?|is|of the bank|address))?|سويفت|свифт(?:-?код)?|swift-код|(?<![а-яё])бск)[\s:=#|.("'>-]{0,5}$/;
// Or the keyword opens a label on the code's line that a colon ends: "رمز السويفت حسب كلامه:
// RQBKSARI" (the swift code, as he said), "BIC of the receiving bank: DEUTDEFF". ("Swift"
// alone is as often the programming language: "Swift release notes: BUSINESS".)
const KEYWORD_LABEL =
  /(?:\bbic\b|\bswift[ -]?(?:code|bic)\b|سويفت|свифт)[^\n\d:]{0,30}[:：][ \t]{0,3}$/;
// Or directly after it: "DEUTDEFF (BIC)", "DEUTDEFF - SWIFT".
const KEYWORD_AFTER = /^[\s,(|-]{1,3}(?:bic|swift)\b/;
const KEYWORD_NEAR =
  /\b(?:bic|swift|bank identifier code|bic\/swift|swift\/bic|código swift|code swift|wire transfer|international transfer)\b/;

/**
 * Banking words that make a bare eleven-character code a bank's rather than a constant's or a
 * product's ("BINUNICODE8" in Python's pickle module, "SPARCV8PLUS" in a compiler's notes).
 */
const BANK_NEAR =
  /\b(?:bank|banks|banking|iban|account|payment|payments|pay|transfer|wire|remittance|beneficiary|routing|sort code|überweisung|konto|bankverbindung|virement|banque|compte|transferencia|banco|cuenta|bonifico|banca|conto)\b/;

const BIC_WORDS = keywordList(['bic', 'swift', 'سويفت', 'свифт', 'бск']);
/** A label's end before a value: a colon, '=' or '#', or "code", "is", "number", "no.". */
const LABELLED = /(?:[:=#]|\b(?:code|is|number|no\.?|nr\.?))["'\s]{0,4}$/;

/** SWIFT/BIC codes: ISO 9362 layout and a real country, with context unless unmistakable. */
// Discount and voucher codes share the BIC's shape; beside these words a code is a promotion.
const PROMO =
  /\b(?:code|coupon|promo|promotion|voucher|rabatt|gutschein|gutscheincode|código|cupón|remise|sconto)\b[^\n]{0,8}$/;

const PLACEHOLDER_BANK = /^(?:XXXX|AAAA|BBBB|ABCD)/;
/** An IBAN right before a code (its country captured), then up to four separators. */
const IBAN_BEFORE = /(?<![A-Z0-9])([A-Z]{2})\d\d(?: ?[A-Z0-9]){11,30}[\s,;:/(|-]{1,4}$/;

export const swiftBic: Detector = {
  id: 'swift-bic',
  types: ['SWIFT_BIC'],
  // A whole capitals token of BIC_UPPER's shape (the character before it consumed instead of
  // looked behind at), or the keyword in any case: only then can a code be taken. Any six
  // capitals in a row ("URGENT", "CRITICAL") used to let the text through.
  // (Two patterns: their alternation scanned slower than both.)
  prefilter: anyOf(
    BIC_WORDS,
    allOf(
      { test: (text) => hasAlnumRun(text, 8) || hasAlnumRun(text, 11) },
      /(?<![A-Za-z0-9_@-])[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Za-z0-9_-])/,
    ),
  ),
  detect(text) {
    const out: Candidate[] = [];
    const keywords = BIC_WORDS.test(text);
    const nearKeyword = nearWords(text, KEYWORD_NEAR);
    const nearOther = nearWords(text, NON_PERSONAL_NUMBER);
    const nearBank = nearWords(text, BANK_NEAR, 80);
    // Every match is a whole token of 8 or 11 characters: it is only tried at those. Codes in
    // capitals first, then (when a keyword is in the text) those in lower case near one.
    const upperCodes = matchesAtRuns(text, BIC_UPPER, [8, 11]);
    const lowerCodes = keywords ? matchesAtRuns(text, BIC_LOWER, [8, 11]) : [];
    const keywordAt = keywords ? BIC_WORDS.at(text) : [];
    let k = 0;
    for (let i = 0; i < upperCodes.length + lowerCodes.length; i++) {
      const m = i < upperCodes.length ? upperCodes[i]! : lowerCodes[i - upperCodes.length]!;
      const value = m[0];
      const start = m.index;
      if (i >= upperCodes.length) {
        // The keywords are in order, as the codes are: skip those too far before this one.
        while (k < keywordAt.length && keywordAt[k]! < start - LOWER_BEFORE) k++;
        if (k === keywordAt.length || keywordAt[k]! > start + value.length + LOWER_AFTER) continue;
      }
      const end = start + value.length;
      const upper = value.toUpperCase();
      if (!isCountry(upper.slice(4, 6))) continue;
      // A form's mask or a document's placeholder: "XXXXDEXXXXX", "AAAAGB2L".
      if (PLACEHOLDER_BANK.test(upper)) continue;
      const branch = upper.slice(8);
      // Branch codes starting with X are reserved, except XXX for the head office.
      if (branch.startsWith('X') && branch !== 'XXX') continue;
      const direct =
        keywords &&
        (KEYWORD_BEFORE.test(contextWords(text.slice(Math.max(0, start - 40), start))) ||
          KEYWORD_AFTER.test(contextWords(text.slice(end, end + 12))) ||
          KEYWORD_LABEL.test(text.slice(Math.max(0, start - 48), start).toLowerCase()));
      if (value !== upper) {
        // "bic: deutdeff": lower case is only believable right after the keyword and a colon
        // or "code" ("Swift language", "Swift declaration" are the programming language).
        if (
          value === value.toLowerCase() &&
          direct &&
          LABELLED.test(contextWords(text.slice(Math.max(0, start - 12), start)))
        ) {
          out.push({ start, end, type: 'SWIFT_BIC', score: 0.7, reason: 'context' });
        }
        continue;
      }
      const hasDigit = /\d/.test(upper.slice(6));
      // Right after an IBAN of the same country: "DE66 8857 2836 4423 9915 61 (CIVRDEHHY99)".
      const ibanBefore = IBAN_BEFORE.exec(text.slice(Math.max(0, start - 48), start));
      const afterIban = ibanBefore !== null && ibanBefore[1] === upper.slice(4, 6);
      const nearby = direct || afterIban || nearKeyword.test(start, end);
      let score: number;
      // Nine letters then two digits ("BIENVENUE10", "WINTERSALE24") is how promo codes look;
      // real branch codes put digits earlier or use all three branch places.
      const wordThenNumber = /^[A-Z]{9}\d\d$/.test(upper);
      const bareScore =
        value.length === 11 && !wordThenNumber ? (nearBank.test(start, end) ? 0.55 : 0.45) : 0.35;
      if (hasDigit) score = direct ? 0.9 : nearby ? 0.85 : bareScore;
      else if (branch === 'XXX') score = direct ? 0.9 : nearby ? 0.8 : 0.45;
      // An all-caps eight-letter word ("PASSWORD", "BUSINESS") is common; only the keyword
      // right beside it, or an IBAN of its country, makes it a code.
      else score = direct ? 0.85 : afterIban ? 0.8 : nearby ? 0.4 : 0.1;
      let reason = nearby ? 'context' : 'format';
      if (
        !nearby &&
        (nearOther.test(start, end) ||
          PROMO.test(text.slice(Math.max(0, start - 24), start).toLowerCase()))
      ) {
        score -= 0.35;
        reason = 'negative context';
      }
      out.push({ start, end, type: 'SWIFT_BIC', score, reason });
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Шот (IBAN): KZ31 7223 4171 6263 5747\nБанктің БСК: QZBNKZKA', value: 'QZBNKZKA' },
    // The word in Arabic: a code of letters only right after it.
    {
      text: 'الآيبان: SA39 8000 0318 6080 1729 4536\nرمز السويفت: NSBKSARI\nالمبلغ',
      value: 'NSBKSARI',
    },
    {
      text: 'الاسم في الحساب مطابق.\nرمز السويفت حسب كلامه: RQBKSARI\n— ريم',
      value: 'RQBKSARI',
    },
    { text: 'The wire went to DE66 8857 2836 4423 9915 61 (CIVRDEHHY99).', value: 'CIVRDEHHY99' },
    { text: 'Sent to GB24HBUK28811128916608 (MARNGBFF).', value: 'MARNGBFF' },
    { text: 'swift_code: DEUTDEFF', value: 'DEUTDEFF' },
    { text: '<swiftCode>DEUTDEFF</swiftCode>', value: 'DEUTDEFF' },
    { text: 'BIC: HUSHDEFF', value: 'HUSHDEFF' },
    { text: 'SWIFT code QWERUS33 for the wire', value: 'QWERUS33' },
    { text: 'Please use ZYXWFRPP123 for international payments', value: 'ZYXWFRPP123' },
    { text: 'Bank: Hush Savings, HUSHGB2LXXX', value: 'HUSHGB2LXXX' },
    { text: 'MNOPCHZZ (BIC)', value: 'MNOPCHZZ' },
    { text: 'SWIFT/BIC: hushdeff', value: 'hushdeff' },
    { text: 'Wire transfer via bank HUSHDEFFXXX, ref attached', value: 'HUSHDEFFXXX' },
  ],
  noMatch: [
    // "Swift" alone before a label's colon: the programming language.
    'Swift release notes, see the list: BUSINESS',
    // An eight-letter code after an IBAN of another country.
    'Sent to DE66 8857 2836 4423 9915 61 (MARNGBFF).',
    '| BIC | `^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$` | XXXXDEXXXXX |',
    '  - Update Swift language specification to version 5.5',
    'Thanks to @YOUNGHO8762 and @caseBread for the fixes.',
    'now 20 % off with code BIENVENUE10.',
    'Use WINTERSALE24 at checkout',
    'Please change your PASSWORD today',
    'The SWIFT code of DEUTSCHE Bank is on the website',
    'BUSINESS CONTENTS WARNINGS',
    'SKU ABCDUS12345 out of stock',
    'The SWIFT network connects BUSINESS customers worldwide',
    'BIC: HUSHQQFF',
    'swift is a programming language by apple',
    'HUSHDEFFX12 is not a branch code',
    // Eleven capitals with a digit, far from any banking word: a constant.
    'dispatch[BINUNICODE8[0]] = load_binunicode8',
  ],
};
