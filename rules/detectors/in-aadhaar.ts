import { verhoeff } from '../checksums.ts';
import { NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Twelve digits, the first 2-9, in a row or grouped 4-4-4 by one separator used throughout.
const AADHAAR = /(?<![\w+.-])([2-9]\d{3})([- ]?)(\d{4})\2(\d{4})(?![\w-]|\.\d)/g;

// "UID" alone also names device and user ids, so it does not count. The name in Devanagari,
// Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam and Urdu: a label that
// names the card outweighs the phone detector's reading of the same twelve digits.
const POSITIVE =
  /aadh?aa?r|\buidai\b|\buid (?:no|number)|आधार|আধার|ਆਧਾਰ|આધાર|ଆଧାର|ஆதார்|ఆధార్|ಆಧಾರ್|ആധാർ|آدھار|آدهار/;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:phone|mobile|tel|account|acct|a\/c|ifsc|card|imei|pnr|awb|gstin)\b`,
);

export const inAadhaar: Detector = {
  id: 'in-aadhaar',
  types: ['NATIONAL_ID'],
  prefilter: /[2-9]\d{3}[- ]?\d{4}[- ]?\d{4}/,
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, AADHAAR)) {
      const start = m.index;
      const end = start + m[0].length;
      const digits = m[1]! + m[3]! + m[4]!;
      if (!verhoeff(digits) || /^(\d)\1{11}$/.test(digits)) continue;
      // A group of four more digits on either side makes this part of a card number.
      if (!notInLongerNumber(text, start, end)) continue;
      // One twelve-digit run in ten passes Verhoeff by chance, so a bare run needs its label;
      // the 4-4-4 grouping is how the number is printed on the card and in the e-Aadhaar.
      const grouped = m[2] !== '';
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', grouped ? 0.6 : 0.3, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up: grouped ? 0.3 : 0.45,
        }),
      );
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    '2918 4736 5028',
    { text: 'Aadhaar: 384751029381', value: '384751029381' },
    { text: 'my aadhar no is 5091-8273-6454', value: '5091-8273-6454' },
    { text: 'UIDAI number 736201948573 linked to PAN', value: '736201948573' },
    { text: 'आधार संख्या 6482 9103 7462', value: '6482 9103 7462' },
    { text: 'ஆதார் எண்: 3852 8280 7918\nகைபேசி', value: '3852 8280 7918' },
    { text: 'Customer: 9182 7364 5018, verified', value: '9182 7364 5018' },
  ],
  noMatch: [
    '291847365028',
    '2918 4736 5029',
    'Order 2918 4736 5028',
    'Card 4539 2918 4736 5028',
    '1918 4736 5022',
    'Aadhaar update pending, invoice 384751029381',
    'Mobile 3847 5102 9381',
    // A FedEx tracking number is printed 4-4-4 too.
    'Shipped with FedEx 7749 1234 5678 this morning.',
    'UID 736201948573 for the device',
  ],
};
