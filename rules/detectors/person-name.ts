import { findNames, type FindNamesOptions } from '../names/finder.ts';
import type { Detector, DetectorExamples } from '../types.ts';

/**
 * Person names: the name pass (stage `nlp`), run last on what the pattern detectors left.
 *
 * Names have no checksum and no fixed shape, so evidence is combined: name lists (census and
 * compromise first names and surnames, plus common European ones), the shape of a run of
 * capitalised words (First Last, First M. Last, particles such as "van" and "de"), and cues
 * around it ("Dear", "Mr.", "Name:", "my name is", "Regards,\n", "X wrote:"), in English,
 * German, French and Spanish. A lone known first name needs context; an unknown capitalised
 * word needs a strong cue. See rules/names/finder.ts for the scores.
 *
 * compromise is not called: as a tie-breaker it cost 20-35 ms a call and added as many false
 * alarms as names (rules/names/compromise.ts has the figures). The finder examines every
 * capitalised word of a text (there is no cap: names far into a 1 MB paste are found); it tries
 * the word pattern only at upper-case letters, remembers what the lists say about each word, and
 * tries a cue pattern only when it could raise the score. See finder.ts for the measured cost.
 */
/**
 * The name detector with finder options: `npm run eval -- --compromise` builds one with
 * compromise as the tie-breaker, to re-measure whether it pays its way.
 */
export function createPersonName(options: FindNamesOptions = {}): Detector {
  return {
    id: 'person-name',
    types: ['PERSON'],
    // Nearly every text has a capital letter; the lower-case branch covers "my name is anna".
    prefilter: /\p{Lu}|name|heiß|heiss|appelle|llamo|nombre/u,
    stage: 'nlp',
    detect(text, ctx) {
      return findNames(text, ctx.taken, options);
    },
  };
}

export const personName: Detector = createPersonName();

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    { text: 'Hi, my name is Krisztián Szöllösy and I need help.', value: 'Krisztián Szöllösy' },
    { text: 'Please update the account for Sarah Connor today.', value: 'Sarah Connor' },
    { text: 'Dear Mr. Okonkwo, thank you for your patience.', value: 'Okonkwo' },
    { text: 'Sehr geehrte Frau Šárka Ottová, vielen Dank.', value: 'Šárka Ottová' },
    {
      text: 'The refund was approved by Szabina J. Gelencsér yesterday.',
      value: 'Szabina J. Gelencsér',
    },
    { text: 'Best regards,\nMatthías Traustason', value: 'Matthías Traustason' },
    { text: 'Name: José Núñez\nPlan: Premium', value: 'José Núñez' },
    { text: 'my name is monika žilková and my order is late', value: 'monika žilková' },
    { text: 'I spoke with Ludwig van Dijk about the invoice.', value: 'Ludwig van Dijk' },
    { text: 'Bonjour Madame Lefèvre, votre colis est arrivé.', value: 'Lefèvre' },
    { text: 'Estimado Don Alejandro, gracias por su mensaje.', value: 'Alejandro' },
    {
      text: 'My colleague Edi Živković called twice. Later Živković sent the receipt.',
      value: 'Živković',
    },
  ],
  noMatch: [
    // A file name after a label, as upload metadata carries it.
    'Attachment name: export.csv (12 KB)',
    'Thanks for contacting Acme Support. Your Order Status is Pending.',
    'Please restart Windows and open Microsoft Teams, then sign in to Salesforce.',
    'Our office in San Francisco is closed on Monday, December 25 for Christmas.',
    'Hi Team, the Release Notes for Version 2.4 are in Confluence.',
    'Ask ChatGPT or Claude to summarise the Customer Success Manager report.',
    'Grace period ends in May; Will you renew before June?',
    'Dear Customer, your Refund Request has been approved by our Billing Team.',
    'The CUSTOMER NAME field is REQUIRED.',
    'Sehr geehrte Damen und Herren, Ihre Bestellung wurde versandt.',
    'See https://github.com/JohnSmith/repo and call getUserName() in UserService.',
    'Example: John Doe, 123 Main Street.',
  ],
};
