/**
 * What every language's phrase book provides. Templates use `{{slot}}` holes (see doc.ts and
 * slots.ts); each list is a pool the structures pick from, so one structure reads differently
 * from ticket to ticket and from language to language.
 */
export const LABEL_KEYS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'address',
  'dob',
  'card',
  'expiry',
  'cvv',
  'iban',
  'bic',
  'order',
  'invoice',
  'date',
  'subject',
  'message',
  'customer',
  'agent',
  'status',
  'priority',
  'username',
  'password',
  'ip',
  'device',
  'passport',
  'company',
  'ticket',
  'product',
  'amount',
  'notes',
  'account',
  'routing',
  'tracking',
  'category',
  'from',
  'to',
  'sent',
  'city',
] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

export interface Phrases {
  /** Greetings to the company. */
  hello: string[];
  /** Greetings to a named agent. */
  helloAgent: string[];
  /** An agent's greeting to the customer. */
  helloCustomer: string[];
  /** The customer introduces themselves by name. */
  intro: string[];
  /** Complaints about an order, a delivery or a product. */
  problem: string[];
  /** Billing complaints. */
  problemBilling: string[];
  /** Technical problems. */
  problemTech: string[];
  /** Account and login problems. */
  problemAccount: string[];
  urgency: string[];
  /** What the customer wants. */
  ask: string[];
  /** Prose giving a phone number and an email address. */
  contact: string[];
  phoneOnly: string[];
  emailOnly: string[];
  /** Prose with a one-line address. */
  addressLine: string[];
  /** The line before a multi-line address (ends with a colon). */
  addressIntro: string[];
  /** Prose with a street only. */
  streetProse: string[];
  dob: string[];
  card: string[];
  iban: string[];
  bank: string[];
  govid: string[];
  taxid: string[];
  passport: string[];
  dl: string[];
  health: string[];
  mrn: string[];
  ip: string[];
  mac: string[];
  apikey: string[];
  password: string[];
  jwt: string[];
  urlcred: string[];
  /** The line before a pasted private key. */
  privkey: string[];
  wallet: string[];
  thanks: string[];
  closing: string[];
  agentReply: string[];
  agentAsk: string[];
  agentClose: string[];
  /** Team lines under an agent's signature. */
  agentTeam: string[];
  /** Short customer chat lines without personal data. */
  chatCustomer: string[];
  /** Quote headers. */
  wrote: string[];
  forwarded: string;
  subjects: string[];
  /** Internal notes between agents. */
  note: string[];
  /** Notes taken during a phone call. */
  callNotes: string[];
  /** Mentions another person. */
  other: string[];
  voicemail: string[];
  gdpr: string[];
  cancel: string[];
  warranty: string[];
  /** The line before a list of attendees or users. */
  listIntro: string[];
  callback: string[];
  survey: string[];
  /** Whole informal messages, written in lower case. */
  lowercase: string[];
  /** Short text messages. */
  sms: string[];
  /** Status words for tables. */
  statuses: string[];
  lbl: Record<LabelKey, string>;
}
