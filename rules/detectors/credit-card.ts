import { CARD_WORDS, findCardNumbers, nearWords, testCards } from '../payment-util.ts';
import { columnHeader } from '../table.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// Words that make a card-shaped number something else. Narrower than NON_PERSONAL_NUMBER on
// purpose (with the identity and bank numbers of sixteen digits or more that a Luhn check can
// pass by chance: Indonesia's NIK, the PhilSys number, Mexico's CLABE): "case", "line" or "page" are too common in a sentence about a lost card to cost a
// checksum-valid number its finding.
const NOT_A_CARD =
  /\b(?:order|orders|tracking|track|sendungsverfolgung|suivi|seguimiento|shipment|parcel|gls|dpd|ups|usps|dhl|fedex|tnt|postnl|colissimo|chronopost|invoice|inv|ticket|ref|reference|sku|product|part|model|serial|s\/n|version|build|release|commit|sha|uuid|guid|txn|transaction id|confirmation|booking|reservation|po|rma|batch|lot|isbn|issn|imei|iccid|meid|sim|barcode|ean|upc|gtin|timestamp|epoch|account id|microchip|transponder|tessera|tarjeta sanitaria|afiliado|asegurado|nik|ktp|e-ktp|cccd|philsys|npwp|bpjs|philhealth|clabe|cbu)\b/;

/** Payment card numbers: issuer range and length, Luhn, grouped or split digit by digit. */
export const creditCard: Detector = {
  id: 'credit-card',
  types: ['CREDIT_CARD'],
  prefilter: /\d(?:[ .-]?\d){3}/,
  detect(text) {
    const out: Candidate[] = [];
    const cards = findCardNumbers(text);
    if (cards.length === 0) return out;
    const nearCard = nearWords(text, CARD_WORDS);
    const nearOther = nearWords(text, NOT_A_CARD);
    const tests = testCards(text);
    let testingText: boolean | undefined;
    for (const card of cards) {
      const { start, end } = card;
      let score = card.score;
      const reasons = ['luhn'];
      // In a pasted table the column's header says what the cell holds: a card ("card_number",
      // "PAN") or something else ("Mess-ID", "Sensor", "ICCID"), unless it only says "number";
      // then a card word elsewhere in the header row says nothing of this cell.
      const header = columnHeader(text, start, end);
      const otherColumn = header !== null && !CARD_HEADER.test(header);
      if (!otherColumn && nearCard.test(start, end)) {
        // A known issuer needs no help; an unknown prefix passes only beside card words.
        score += card.issuer ? 0.15 : 0.35;
        reasons.push('context');
      }
      if (nearOther.test(start, end) || otherColumn) {
        score -= 0.4;
        reasons.push(otherColumn ? 'column' : 'negative context');
      } else if (!reasons.includes('context') && inUrlPath(text, start)) {
        // A segment of a link's path names a record ("https://oss-fuzz.com/testcase-detail/
        // 5390364397928448"); one in ten such ids passes the Luhn check.
        score -= 0.4;
        reasons.push('url path');
      }
      const test = tests.get(end);
      if (test === 'phrase') {
        // Whatever the number, a sandbox or a test card is not a customer's card.
        score = Math.min(score - 0.45, 0.4);
        reasons.push('test');
      } else if (test === 'hint') {
        score -= 0.45;
        reasons.push('test');
      }
      if (card.test && !reasons.includes('test')) {
        // A published test number in a text about testing, however far from the word ("QA
        // checklist ... sandbox ...\n- Declined: 4000 0000 0000 0002"), is that test card.
        if ((testingText ??= TESTING.test(text))) {
          score = Math.min(score, 0.4);
          reasons.push('test');
        } else reasons.push('test number');
      }
      out.push({ start, end, type: 'CREDIT_CARD', score, reason: reasons.join(', ') });
    }
    return out;
  },
};

/** A column's header that names a card, or only a number. */
const CARD_HEADER =
  /card|karte|carte|tarjeta|carta|kaart|\bpan\b|\bcc\b|credit|debit|payment|zahlung|paiement|pago|pagamento|^(?:numbers?|nummer|num[ée]ro|n[uú]mero|no\.?|nr\.?|#|value|wert|valeur|valor|valore|waarde|data|details?|account(?: (?:number|no\.?|#))?|acct|method)$/i;

/** Words of a text about testing a payment flow. */
const TESTING = /\b(?:test|tests|testing|tested|sandbox|qa|staging|test mode|stripe)\b/i;

/** Whether the digits at `start` open a segment of a URL's path ("/.../<digits>"). */
function inUrlPath(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 47) return false;
  // The token back to a blank, as far as 256 characters (a bound that keeps a megabyte of
  // slashes and digits linear).
  let k = start - 1;
  while (k > 0 && k > start - 256 && text.charCodeAt(k - 1) > 32) k--;
  const token = text.slice(k, start);
  return token.includes('://') || token.startsWith('www.');
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // A refunds export whose "account" column holds a card for card payments, a bank account
    // for the others.
    {
      text: 'ticket,amount,method,account,reason\n234390,358.38,ach,82990779444,wrong item\nINC8963600,204.72,card,4177540989083674,damaged',
      value: '4177540989083674',
    },
    '4539148803436467',
    { text: 'Card: 4539 1488 0343 6467, exp 04/27', value: '4539 1488 0343 6467' },
    { text: 'Please charge 5376-2841-0952-0176 for the renewal.', value: '5376-2841-0952-0176' },
    { text: 'amex 3792 105648 37217 on file', value: '3792 105648 37217' },
    {
      text: 'my number is 4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7 ok',
      value: '4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7',
    },
    { text: 'Meine Kreditkarte: 3567.9102.4683.1571', value: '3567.9102.4683.1571' },
    { text: 'tarjeta 6011753029816475, gracias', value: '6011753029816475' },
    { text: 'UnionPay card 622203194782065145 was declined', value: '622203194782065145' },
    { text: 'Lost my debit card 675901234567890128 yesterday', value: '675901234567890128' },
    { text: 'credit card number 812345678901239?', value: '812345678901239' },
    { text: 'I paid with card 4111 1111 1111 1111 last week', value: '4111 1111 1111 1111' },
    // An unknown length for its issuer, beside the expiry and the code, or declined.
    { text: '4025521464597 exp 04/27 cvv 123', value: '4025521464597' },
    { text: 'The number 4975904384418 was declined.', value: '4975904384418' },
    { text: 'name,card_number,exp\nAnn Roe,4539148803436467,04/27', value: '4539148803436467' },
  ],
  noMatch: [
    // A parcel's number after its carrier.
    'Sendungsverfolgung sagt:\n\nGLS 59612513099848\n11.09.2025 10:50  Paketzentrum',
    // A pet's microchip (ISO 11784: country code, then twelve digits).
    'Paziente: Gizmo (bassotto), microchip 380175058232216, scheda n. 76839',
    // Published test numbers in a QA checklist, far from the word "test".
    'QA checklist for the checkout run\n\n- Use the sandbox environment only\n- Declined: 4000 0000 0000 0002\n- 3-D Secure required: 4000 0027 6000 3184',
    'Tracking number 4539148803436467 for your parcel',
    // A record's id in a link's path.
    'Fixes https://oss-fuzz.com/testcase-detail/5390364397928448.',
    'Use the Stripe test card 4242 4242 4242 4242 in sandbox mode.',
    'For testing, enter 4111111111111111 with any CVC.',
    // A test-like number in a unit test's assertion.
    "it('masks the card', () => { expect(mask('4111 1111 1111 1111')).toBe('•••• 1111'); });",
    'Reference 994539148803436467001 was created',
    'Card 4539 1488 0343 6468 was declined',
    'Created at 1700000000000 ms',
    'id 550e8400-e29b-41d4-a716-446655440000',
    'Invoice INV-4539148803436467 is overdue',
    'IMEI 356938035643809 registered',
    // A table's column of something else that passes Luhn.
    'Mess-ID;Sensor;Messwert\n4633062398978715;RH-CM24;94.3\n5112112131453588;PM10-KW30;22.9',
    'SKU 5376284109520176 back in stock',
    'Call +1 415 555 0132 or 0044 20 7946 0958',
    'Totals: 1234 5678 9012 3456 7890 1234 5678 9012',
  ],
};
