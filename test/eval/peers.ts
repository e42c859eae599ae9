/**
 * Adapters for the two npm peers we compare against, with their entity names mapped to the
 * engine's vocabulary. A peer type with no counterpart (order numbers, licence plates, gamer
 * tags...) maps to null and its findings are dropped: our corpora do not label such things,
 * so they are neither right nor wrong here.
 *
 * - openredaction returns typed findings with offsets.
 * - redact-pii only returns redacted text. We run its own pipeline (its exported patterns, in
 *   its order, then its name redactor) with one private-use marker per type instead of its
 *   "PHONE_NUMBER"-style words, and recover spans by aligning the output to the input
 *   (align.ts). The markers are not matched by any of its patterns, as its own words are not.
 */
import { createRequire } from 'node:module';
import { OpenRedaction } from 'openredaction';
import { alignRedacted, marker } from './align.ts';
import type { PredSpan } from './score.ts';

export interface Peer {
  name: string;
  /** Findings in the engine's vocabulary. */
  detect(text: string): Promise<PredSpan[]>;
  /** Texts whose findings could not be recovered (redact-pii alignment failures). */
  failures(): number;
}

const NATIONAL_ID =
  /NATIONAL_ID|NATIONAL_INSURANCE|SOCIAL_SECURITY|_DNI$|_BSN$|PESEL|AADHAAR|NRIC|MY_NUMBER|_RRN$|^SIN_CA$|_SIN$|_CPF$|CURP|EMIRATES_ID|ISRAEL_ID|TURKEY_ID|QATAR_ID|CIVIL_ID|BAHRAIN_CPR|_NIN$|_BVN$|GHANA_CARD|_NIK$|MYKAD|UMID|CCCD|_NRC$|CEDULA|_RUT$|SNILS|_CNP$|PERSONAL_ID|PERSONAL_NUMBER|JMBG|_IIN$|_PIN$|FISCAL_CODE|SOUTH_AFRICA_ID|_ID_NUMBER$/;
const TAX_ID =
  /TAX_ID|^ITIN$|^UTR_UK$|_TFN$|_IRD$|NPWP|CUIT|_RFC$|_RUC$|_RIF$|KRA_PIN|_STIR$|_INN$|^US_EIN$/;
const CRYPTO =
  /^(?:BITCOIN|ETHEREUM|LITECOIN|MONERO|RIPPLE|CARDANO|SOLANA|POLKADOT|AVALANCHE|COSMOS|ALGORAND|TEZOS|POLYGON|BINANCE_CHAIN|NEAR)_ADDRESS$/;
const API_KEY =
  /_API_KEY$|^AWS_ACCESS_KEY$|^AWS_SECRET_KEY$|^GITHUB_TOKEN$|^SLACK_TOKEN$|^SLACK_WEBHOOK$|^NPM_TOKEN$|^PYPI_TOKEN$|^OAUTH_TOKEN$|^OAUTH_CLIENT_SECRET$|^AZURE_STORAGE_KEY$|^STRIPE_API_KEY$|^DOCKER_AUTH$|^KUBERNETES_SECRET$/;

/** Maps an openredaction type (and its value, for bearer tokens) to our vocabulary. */
export function mapOpenRedaction(type: string, value: string): string | null {
  const direct: Record<string, string> = {
    EMAIL: 'EMAIL',
    NAME: 'PERSON',
    DATE_OF_BIRTH: 'DATE_OF_BIRTH',
    CREDIT_CARD: 'CREDIT_CARD',
    CARD_TRACK1_DATA: 'CREDIT_CARD',
    CARD_TRACK2_DATA: 'CREDIT_CARD',
    CVV: 'CREDIT_CARD',
    CVV_CODE: 'CREDIT_CARD',
    CARD_EXPIRY: 'CREDIT_CARD',
    IBAN: 'IBAN',
    UK_BANK_ACCOUNT_IBAN: 'IBAN',
    BANK_ACCOUNT_UK: 'BANK_ACCOUNT',
    UK_SORT_CODE_ACCOUNT: 'BANK_ACCOUNT',
    SORT_CODE_UK: 'ROUTING_NUMBER',
    ROUTING_NUMBER_US: 'ROUTING_NUMBER',
    SWIFT_BIC: 'SWIFT_BIC',
    SSN: 'US_SSN',
    ADDRESS_STREET: 'ADDRESS',
    ADDRESS_PO_BOX: 'ADDRESS',
    POSTCODE_UK: 'ADDRESS',
    ZIP_CODE_US: 'ADDRESS',
    IPV4: 'IP_ADDRESS',
    IPV6: 'IP_ADDRESS',
    MAC_ADDRESS: 'MAC_ADDRESS',
    URL_WITH_AUTH: 'URL_CREDENTIALS',
    DATABASE_CONNECTION: 'URL_CREDENTIALS',
    JWT_TOKEN: 'JWT',
    PRIVATE_KEY: 'PRIVATE_KEY',
    SSH_PRIVATE_KEY: 'PRIVATE_KEY',
    GENERIC_SECRET: 'PASSWORD',
    GENERIC_API_KEY: 'API_KEY',
    NHS_NUMBER: 'HEALTH_ID',
    CHI_NUMBER: 'HEALTH_ID',
    EHIC_NUMBER: 'HEALTH_ID',
    HEALTH_PLAN_NUMBER: 'HEALTH_ID',
    AUSTRALIAN_MEDICARE: 'HEALTH_ID',
    MEDICAL_RECORD_NUMBER: 'MEDICAL_RECORD',
    PATIENT_ID: 'MEDICAL_RECORD',
  };
  if (direct[type]) return direct[type] as string;
  if (type === 'BEARER_TOKEN')
    return /^(?:Bearer\s+)?eyJ[\w-]+\.[\w-]+\./.test(value) ? 'JWT' : 'API_KEY';
  if (type.startsWith('PHONE_')) return 'PHONE';
  if (/PASSPORT/.test(type)) return 'PASSPORT';
  if (/DRIV(?:ING|ER)_LICEN[SC]E/.test(type)) return 'DRIVER_LICENSE';
  if (CRYPTO.test(type)) return 'CRYPTO_WALLET';
  if (API_KEY.test(type)) return 'API_KEY';
  if (TAX_ID.test(type)) return 'TAX_ID';
  if (NATIONAL_ID.test(type)) return 'NATIONAL_ID';
  return null;
}

/** openredaction with its default options, as a user would start it. */
export function openRedactionPeer(): Peer {
  const engine = new OpenRedaction();
  return {
    name: 'openredaction',
    async detect(text) {
      const result = await engine.detect(text);
      const out: PredSpan[] = [];
      for (const d of result.detections) {
        const [start, end] = d.position;
        const type = mapOpenRedaction(d.type, d.value);
        if (type && end > start) out.push({ start, end, type, detector: d.type });
      }
      return out;
    },
    failures: () => 0,
  };
}

// redact-pii is CommonJS and does not export its pattern list from the package root.
const require = createRequire(import.meta.url);
interface RedactorLike {
  redact(text: string): string;
}
interface RedactPiiModule {
  SyncRedactor: new (opts: unknown) => RedactorLike;
}
const redactPii = require('redact-pii') as RedactPiiModule;
const builtIns = require('redact-pii/lib/built-ins/simple-regexp-patterns.js') as Record<
  string,
  RegExp
>;
const { NameRedactor } = require('redact-pii/lib/built-ins/NameRedactor.js') as {
  NameRedactor: new (replaceWith: string) => RedactorLike;
};

/** redact-pii's redactor names mapped to our vocabulary (null: untyped or not personal). */
export const REDACT_PII_TYPES: Record<string, string | null> = {
  creditCardNumber: 'CREDIT_CARD',
  streetAddress: 'ADDRESS',
  zipcode: 'ADDRESS',
  phoneNumber: 'PHONE',
  ipAddress: 'IP_ADDRESS',
  usSocialSecurityNumber: 'US_SSN',
  emailAddress: 'EMAIL',
  username: null,
  password: 'PASSWORD',
  credentials: 'PASSWORD',
  digits: null,
  url: null,
  names: 'PERSON',
};

/** redact-pii's default pipeline with typed markers, spans recovered by alignment. */
export function redactPiiPeer(): Peer {
  const names = [...Object.keys(builtIns), 'names'];
  const disabled = Object.fromEntries(names.map((n) => [n, { enabled: false }]));
  // Its own composition order: every built-in pattern in declaration order, then names.
  const before = [
    ...Object.keys(builtIns).map((n) => ({
      regexpPattern: builtIns[n] as RegExp,
      replaceWith: marker(names.indexOf(n)),
    })),
    new NameRedactor(marker(names.indexOf('names'))),
  ];
  const redactor = new redactPii.SyncRedactor({
    builtInRedactors: disabled,
    customRedactors: { before },
  });
  let failed = 0;
  return {
    name: 'redact-pii',
    async detect(text) {
      const spans = alignRedacted(text, redactor.redact(text));
      if (!spans) {
        failed++;
        return [];
      }
      const out: PredSpan[] = [];
      for (const s of spans) {
        for (const t of s.types) {
          const name = names[t] as string;
          const type = REDACT_PII_TYPES[name];
          if (type) out.push({ start: s.start, end: s.end, type, detector: name });
        }
      }
      return out;
    },
    failures: () => failed,
  };
}
