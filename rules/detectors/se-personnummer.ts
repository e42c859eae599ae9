import { luhn } from '../checksums.ts';
import { matchAllNear, NON_PERSONAL_NUMBER } from '../context.ts';
import { checkedCandidate, isValidDate, notInLongerNumber } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { anyOf, matchesAtRuns } from '../scan-util.ts';

// (YY)YYMMDD, then "-" (or "+" from the year one turns 100), then the four-digit birth number
// whose last digit is the Luhn check over the ten-digit form.
const DASHED = /(?<![\w+.-])((?:18|19|20)?)(\d{2})(\d{2})(\d{2})([-+])(\d{4})(?![\w-]|\.\d)/g;
// Where DASHED is tried: its sign, with six digits before and four after, stands six or eight
// characters after the start of every match (SIGN_LEAD). Searched over the whole text, DASHED
// opens with a look-behind and an optional group, and V8 without its optimisations (see
// 'Char-first patterns' in docs/engine.md) runs both at every position: 9 ms on 1 MB. A
// character-first form needs the look-behind after the optional century, which costs more.
const SIGN = /[-+](?<=\d{6}.)\d{4}/g;
const SIGN_LEAD = 8;
// Ten or twelve digits in a row: only a personnummer beside its name.
const BARE = /(?<![\w+.-])((?:18|19|20)?)(\d{2})(\d{2})(\d{2})(\d{4})(?![\w-]|\.\d)/g;

// The samordningsnummer (coordination number) of people who are not registered residents has
// the same form, with 60 added to the day.
const POSITIVE =
  /personn(?:umm?e[rt]|r)|\bpers\.? ?nr|\bpnr\b|samordningsn(?:umm?er|r)|personal identity (?:number|no)|swedish (?:id|personal)/;
// What every POSITIVE match contains, for a quick test on the whole text.
const LABEL =
  /personn(?:um|r)|pers\.? ?nr|\bpnr\b|samordningsn|personal identity|swedish (?:id|personal)/i;

const NEGATIVE = new RegExp(
  String.raw`${NON_PERSONAL_NUMBER.source}|\b(?:telefon|mobil|phone|call|fax|ordernummer|ordernr|faktura|kundnummer|kundnr|organisationsnummer|org\.? ?nr|konto|bankgiro|plusgiro|clearing)|(?<![a-zåäö])[äa]rende|\b(?:tel|sms|ring)\b`,
);

/**
 * Whether ten digits (YYMMDDNNNN) or twelve (YYYYMMDDNNNN) are a valid personnummer or
 * samordningsnummer: a real date (day + 60 for the latter) and the Luhn check on the last ten.
 */
export function isValidPersonnummer(d: string): boolean {
  if (d.length !== 10 && d.length !== 12) return false;
  const ten = d.slice(-10);
  if (!luhn(ten) || /^(\d)\1+$/.test(ten)) return false;
  const year = Number(d.slice(0, d.length - 8));
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  return isValidDate(year, month, day > 60 ? day - 60 : day);
}

/** Whether four digits read as a time of day (HHMM): a date then a time stamps logs and files. */
function timeLike(s: string): boolean {
  return Number(s.slice(0, 2)) < 24 && Number(s.slice(2)) < 60;
}

export const sePersonnummer: Detector = {
  id: 'se-personnummer',
  types: ['NATIONAL_ID'],
  // The sign found first and the digits before it looked behind at: a pattern that starts with
  // \d{6} reads six digits at every position of a long run of them.
  prefilter: anyOf(/[-+](?<=\d{6}.)\d{4}/, LABEL),
  detect(text) {
    const out: Candidate[] = [];
    const push = (start: number, end: number, base: number, up: number) => {
      out.push(
        checkedCandidate(text, start, end, 'NATIONAL_ID', base, {
          positive: POSITIVE,
          negative: NEGATIVE,
          up,
        }),
      );
    };
    for (const m of matchAllNear(text, DASHED, SIGN, SIGN_LEAD)) {
      const start = m.index;
      const end = start + m[0].length;
      const century = m[1]!;
      // Twelve digits are written without the "+" of centenarians.
      if (century !== '' && m[5] === '+') continue;
      if (!isValidPersonnummer(century + m[2]! + m[3]! + m[4]! + m[6]!)) continue;
      if (!notInLongerNumber(text, start, end)) continue;
      // A valid date and check digit leave about one dashed 6-4 number in a hundred, and
      // Swedish phone numbers are grouped otherwise ("070-123 45 67"); so the dashed form stands
      // alone, a little above the phone detector's score for a bare valid number. The "+" is
      // only ever a centenarian's personnummer. A serial that reads as a time of day
      // ("20240315-1430") is as likely a timestamp, and this century's dates with any serial
      // ("20240315-4711") are how tickets and files are numbered, so those need the label.
      // (Only dates a log could have written: this century's, and in the short form a year
      // under 40. "891207-0334" is someone born in 1989, whatever its serial reads as; so is
      // "20000826-6744", since tickets are numbered by the dates of recent years.)
      const yy = Number(m[2]);
      const stamp =
        century === '20'
          ? yy >= 13 || timeLike(m[6]!)
          : century === '' && yy < 40 && timeLike(m[6]!);
      if (m[5] === '+') push(start, end, 0.7, 0.25);
      else if (stamp) push(start, end, 0.4, 0.5);
      else push(start, end, 0.65, 0.3);
    }
    if (!LABEL.test(text)) return out;
    // Every bare match is a whole token of ten or twelve characters: it is only tried at those.
    for (const m of matchesAtRuns(text, BARE, [10, 12])) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isValidPersonnummer(m[0]) || !notInLongerNumber(text, start, end)) continue;
      push(start, end, 0.3, 0.45);
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Jag, Albin Jonsson (631121-5914), bor på Ringvägen 37B', value: '631121-5914' },
    '470905-4623',
    { text: 'personnummer: 19850312-1231', value: '19850312-1231' },
    { text: 'Mitt personnr är 911122-7386.', value: '911122-7386' },
    { text: 'född 1903, pers.nr 030815+9417', value: '030815+9417' },
    { text: 'Samordningsnummer 770263-1198', value: '770263-1198' },
    { text: 'Försäkringstagare: Josefin Hellström, 891207-0334\nAdress', value: '891207-0334' },
    { text: 'Låntagare: Anita Berggren Lundqvist (20000826-6744)', value: '20000826-6744' },
    { text: 'Kund ringde 15:24: Gunilla Wikström, pnr 199611044794.', value: '199611044794' },
    { text: 'Personnummer 198503121231 (utan bindestreck)', value: '198503121231' },
    { text: 'Personnummer: 20240315-1430', value: '20240315-1430' },
  ],
  noMatch: [
    // Bare, without its name.
    '8503121231',
    // Wrong check digit.
    '470905-4624',
    // Right check digit, no such date (month 13).
    '471305-4627',
    'Ring mig på 070-123 45 67',
    'Ordernummer 911122-7386',
    'Ärende 911122-7386 stängt',
    // A date and a time of day, which the check digit happens to fit.
    'Deployed 20240315-1430',
    'Case 20240315-4715 reopened',
    'Release notes for 2024-03-15',
  ],
};
