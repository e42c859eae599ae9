/**
 * The registry: one list of every built-in detector, and the engine's public API.
 * Adding a detector touches its file in rules/detectors/, one import and one list entry here,
 * and its one-sentence description in rules/descriptions.ts (kept out of this bundle).
 * rules/detectors.test.ts fails when a detector file is not registered or its id differs from
 * its file name; rules/descriptions.test.ts when a detector has no description.
 */
import { scanWith, type ScanOptions } from './engine.ts';
import type { Detector, Finding } from './types.ts';

// contact
import { email } from './detectors/email.ts';
import { phone } from './detectors/phone.ts';
// payment
import { abaRouting } from './detectors/aba-routing.ts';
import { bankAccount } from './detectors/bank-account.ts';
import { btcAddress } from './detectors/btc-address.ts';
import { cardCvv } from './detectors/card-cvv.ts';
import { cardExpiry } from './detectors/card-expiry.ts';
import { creditCard } from './detectors/credit-card.ts';
import { ethAddress } from './detectors/eth-address.ts';
import { iban } from './detectors/iban.ts';
import { swiftBic } from './detectors/swift-bic.ts';
// government ids
import { caSin } from './detectors/ca-sin.ts';
import { dateOfBirth } from './detectors/date-of-birth.ts';
import { deTaxId } from './detectors/de-tax-id.ts';
import { driverLicense } from './detectors/driver-license.ts';
import { esDni } from './detectors/es-dni.ts';
import { frInsee } from './detectors/fr-insee.ts';
import { inAadhaar } from './detectors/in-aadhaar.ts';
import { inPan } from './detectors/in-pan.ts';
import { mxRfc } from './detectors/mx-rfc.ts';
import { itCodiceFiscale } from './detectors/it-codice-fiscale.ts';
import { passport } from './detectors/passport.ts';
import { ukNino } from './detectors/uk-nino.ts';
import { usSsn } from './detectors/us-ssn.ts';
import { usEin } from './detectors/us-ein.ts';
import { usItin } from './detectors/us-itin.ts';
import { ukUtr } from './detectors/uk-utr.ts';
import { euVat } from './detectors/eu-vat.ts';
import { frSpi } from './detectors/fr-spi.ts';
import { deIdCard } from './detectors/de-id-card.ts';
import { plPesel } from './detectors/pl-pesel.ts';
import { nlBsn } from './detectors/nl-bsn.ts';
import { brCpf } from './detectors/br-cpf.ts';
import { sePersonnummer } from './detectors/se-personnummer.ts';
import { fiHetu } from './detectors/fi-hetu.ts';
import { czBirthNumber } from './detectors/cz-birth-number.ts';
import { auTfn } from './detectors/au-tfn.ts';
// health
import { healthId } from './detectors/health-id.ts';
import { medicalRecord } from './detectors/medical-record.ts';
import { usDea } from './detectors/us-dea.ts';
import { hl7 } from './detectors/hl7.ts';
import { deSvnr } from './detectors/de-svnr.ts';
import { esNuss } from './detectors/es-nuss.ts';
import { ptNif } from './detectors/pt-nif.ts';
import { iePpsn } from './detectors/ie-ppsn.ts';
import { beNrn } from './detectors/be-nrn.ts';
import { trTckn } from './detectors/tr-tckn.ts';
import { noFnr } from './detectors/no-fnr.ts';
import { dkCpr } from './detectors/dk-cpr.ts';
import { chAhv } from './detectors/ch-ahv.ts';
import { nationalId } from './detectors/national-id.ts';
import { taxId } from './detectors/tax-id.ts';
import { nzIrd } from './detectors/nz-ird.ts';
import { apis } from './detectors/apis.ts';
import { licenceCard } from './detectors/licence-card.ts';
import { usNpi } from './detectors/us-npi.ts';
// network
import { ipv4 } from './detectors/ipv4.ts';
import { ipv6 } from './detectors/ipv6.ts';
import { macAddress } from './detectors/mac-address.ts';
// secrets
import { anthropicKey } from './detectors/anthropic-key.ts';
import { awsKey } from './detectors/aws-key.ts';
import { azureKey } from './detectors/azure-key.ts';
import { connectionString } from './detectors/connection-string.ts';
import { gcpKey } from './detectors/gcp-key.ts';
import { genericSecret } from './detectors/generic-secret.ts';
import { githubToken } from './detectors/github-token.ts';
import { gitlabToken } from './detectors/gitlab-token.ts';
import { jwt } from './detectors/jwt.ts';
import { openaiKey } from './detectors/openai-key.ts';
import { password } from './detectors/password.ts';
import { privateKey } from './detectors/private-key.ts';
import { sendgridKey } from './detectors/sendgrid-key.ts';
import { slackToken } from './detectors/slack-token.ts';
import { stripeKey } from './detectors/stripe-key.ts';
import { twilioKey } from './detectors/twilio-key.ts';
import { urlCredentials } from './detectors/url-credentials.ts';
// names and addresses
import { address } from './detectors/address.ts';
import { personName } from './detectors/person-name.ts';

/** Every built-in detector, cheap ones first (the engine keeps this order within a stage). */
export const DETECTORS: readonly Detector[] = [
  // contact
  email,
  phone,
  // payment
  iban,
  creditCard,
  cardExpiry,
  cardCvv,
  swiftBic,
  abaRouting,
  bankAccount,
  ethAddress,
  btcAddress,
  // government ids
  itCodiceFiscale,
  inPan,
  mxRfc,
  ukNino,
  esDni,
  frInsee,
  usSsn,
  caSin,
  inAadhaar,
  deTaxId,
  passport,
  driverLicense,
  dateOfBirth,
  usItin,
  usEin,
  ukUtr,
  euVat,
  frSpi,
  deIdCard,
  plPesel,
  nlBsn,
  brCpf,
  sePersonnummer,
  fiHetu,
  czBirthNumber,
  auTfn,
  deSvnr,
  esNuss,
  ptNif,
  iePpsn,
  beNrn,
  trTckn,
  noFnr,
  dkCpr,
  chAhv,
  nationalId,
  taxId,
  nzIrd,
  apis,
  licenceCard,
  // health
  hl7,
  usDea,
  usNpi,
  medicalRecord,
  healthId,
  // network
  macAddress,
  ipv4,
  ipv6,
  // secrets
  awsKey,
  githubToken,
  gitlabToken,
  slackToken,
  stripeKey,
  anthropicKey,
  openaiKey,
  sendgridKey,
  gcpKey,
  azureKey,
  twilioKey,
  privateKey,
  jwt,
  connectionString,
  urlCredentials,
  password,
  genericSecret,
  // names and addresses
  address,
  // The name pass (stage 'nlp') runs last and sees what the patterns took.
  personName,
];

/** Finds sensitive data in `text` with every built-in detector. See ScanOptions. */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  return scanWith(DETECTORS, text, options);
}

export { scanWith, resolveOverlaps, DEFAULT_THRESHOLD, type ScanOptions } from './engine.ts';
export { normalise, toOriginalSpan, type Normalised } from './normalize.ts';
export * from './types.ts';
export * from './mask.ts';
