/**
 * What each built-in detector finds and checks, one sentence per detector id, for
 * docs/detectors.md (scripts/detector-docs.ts) and any page or command that lists detectors.
 *
 * Why not a field of each detector: the registry (rules/index.ts) is what ships in the content
 * script and the service worker, and these sentences were about 4 KB of its gzipped size
 * (issue 2: the engine without the name pass must fit in 60 KB) while no scan ever reads them.
 * Only modules that describe detectors import this one, so bundles of the engine leave it out.
 * rules/descriptions.test.ts fails when a built-in detector has no sentence here, or a
 * sentence names no detector.
 */
export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'aba-routing':
    'US ABA routing transit numbers: nine digits, valid Federal Reserve prefix and 3-7-1 checksum, only beside "routing", "ABA", "RTN" or "transit".',
  address:
    'Street addresses (US, UK, DE, FR, ES, IT, PT, NL, Nordic and more), postal boxes, APO/FPO addresses and postcodes next to a city, region or postcode keyword.',
  'anthropic-key':
    'Anthropic API, admin and OAuth keys (sk-ant-api03-, sk-ant-admin01-, sk-ant-oat01-...) with a random body.',
  apis: 'Travel documents in airline systems\' SSR DOCS elements ("SSR DOCS LH HK1 P/USA/790878827/USA/02MAY57/M/..."): the document number (passport, or national ID card) and the birth date.',
  'au-tfn':
    'Australian tax file numbers (TFN): eight or nine digits, 3-3-3 grouped or in a row, weighted mod-11 check; only beside "TFN" or "tax file number".',
  'aws-key':
    'AWS access key ids (AKIA/ASIA/ABIA/ACCA + 16 base32 characters) and 40-character secret access keys beside an AWS secret keyword.',
  'azure-key':
    'Azure credentials: AccountKey=/SharedAccessKey= in connection strings, the sig= of SAS tokens that carry sv=, and Entra ID client secrets (the Q~ format).',
  'bank-account':
    'Bank account numbers (6-17 digits) right after an account label in English, German, French, Spanish, Italian or Dutch, and under a column headed with one (a bare "account" column when a bank column heads the same table), and UK sort code plus account number (the sort code reported as a routing number, the account as an account); a sort code alone after its label is reported as a routing number.',
  'be-nrn':
    'Belgian national register numbers (rijksregisternummer, numéro de registre national, NISS/INSZ): a birth date YYMMDD, a serial and two mod-97 check digits, only beside one of their names.',
  'br-cpf':
    'Brazilian CPF numbers: two mod-11 check digits, not one repeated digit; the 000.000.000-00 form alone, eleven digits beside "CPF" or "cadastro de pessoas físicas".',
  'btc-address':
    'Bitcoin and Litecoin mainnet addresses: legacy and P2SH in base58check (double SHA-256 checksum, version byte agreeing with the first letter) and SegWit/Taproot in bech32/bech32m (bc1, ltc1), checksums verified; a wallet-shaped string whose checksum fails only beside "wallet", "bitcoin", "litecoin", "BTC" or "LTC".',
  'ca-sin':
    'Canadian Social Insurance Numbers: nine digits with a valid Luhn check; dashed 3-3-3, or any form beside "SIN"/"NAS".',
  'card-cvv':
    'Card security codes (CVV, CVC, CID: 3 or 4 digits) directly after their keyword or right after a card number and its expiry.',
  'card-expiry':
    'Card expiry dates (MM/YY, MM/YYYY, MMYY) directly after an expiry keyword ("exp", "valid thru", "Ablaufdatum", "vencimiento") or right after a card number.',
  'ch-ahv':
    'Swiss AHV/AVS social security numbers: 756, nine digits and an EAN-13 check digit; the dotted form 756.XXXX.XXXX.XX alone, a bare run only beside "AHV", "AVS" or "Sozialversicherungsnummer".',
  'connection-string':
    'Database and broker connection strings that carry a password: postgres/mysql/mongodb/redis/amqp/... URLs with user:password@, JDBC URLs with password=, Oracle user/password@, and Server=...;Password=... key-value strings.',
  'credit-card':
    'Payment card numbers (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro, Mir, RuPay): issuer range, length and Luhn, written whole, grouped or digit by digit.',
  'cz-birth-number':
    'Czech and Slovak birth numbers (rodné číslo): YYMMDD/SSSS with a real date (women +50, +20 from 2004) and mod-11 check alone; without the slash, or the nine-digit pre-1954 form, beside "rodné číslo" or "RČ".',
  'date-of-birth':
    'Dates of birth: a real date (numeric or with month names in English, German, French, Spanish, Italian) right after a birth label such as "DOB", "born on", "Geburtsdatum", "né le" or "fecha de nacimiento".',
  'de-id-card':
    'German identity card (Personalausweis) numbers: nine characters of the card alphabet, with the ICAO check digit when ten are given, only after a label such as "Ausweisnummer"; ID card machine-readable zones anywhere.',
  'de-svnr':
    'German social insurance numbers (Sozialversicherungsnummer): area, birth date, birth-name letter, serial and check digit; the grouped form alone, the run of twelve beside its label.',
  'de-tax-id':
    'German tax identification numbers (Steuer-ID): eleven digits, MOD 11,10 check digit and the digit-repetition rule; needs a label such as "Steuer-ID".',
  'dk-cpr':
    'Danish CPR numbers: a real birth date DDMMYY and four digits (no check digit since 2007), only beside "CPR" or "personnummer".',
  'driver-license':
    'Driving licence numbers: US state and European formats only after a "driver\'s license" label in several languages; UK DVLA numbers anywhere.',
  email:
    'Email addresses, with letters beyond ASCII too ("joão.silva@empresa.com.br"), and spelled-out ones ("john dot doe at gmail dot com", "[at]", "(dot)").',
  'es-dni':
    'Spanish DNI (eight digits and a mod-23 control letter) and NIE (X/Y/Z, seven digits, control letter); a tax id when labelled NIF.',
  'es-nuss':
    'Spanish social security numbers (NUSS): province, eight-digit sequence and mod-97 control, beside "Seguridad Social", "NUSS" or "afiliación".',
  'eth-address':
    'Ethereum/EVM addresses (0x + 40 hex): mixed-case ones must pass the EIP-55 checksum; all-lower or all-upper ones count on their form (surer beside wallet words), except beside hash, commit or checksum words.',
  'eu-vat':
    'VAT identification numbers of EU member states and the UK (GB 123 4567 89, DE123456789, FR40303265045, Partita IVA, NL...B01, ATU...), only after a VAT label in the local language ("VAT no", "USt-IdNr.", "TVA", "Partita IVA", "BTW"); check digits verified for GB, DE, FR, IT, NL, BE, AT, PL, PT, DK and SE, the shape for the rest. Typed TAX_ID.',
  'fi-hetu':
    'Finnish personal identity codes (henkilötunnus): DDMMYY, century sign, individual number and the mod-31 check character, with a real date; lower case only beside "henkilötunnus" or "hetu".',
  'fr-insee':
    'French social security numbers (NIR / numéro INSEE): 15 characters, Corsica 2A/2B, valid month and the 97 - n mod 97 key; spaced forms too; a health id on a carte Vitale or in a health context.',
  'fr-spi':
    'French tax numbers (numéro fiscal, SPI): thirteen digits starting 0-3 whose last three are the first ten mod 511, only beside "numéro fiscal", "SPI" or a tax-id label.',
  'gcp-key':
    'Google Cloud credentials: AIza API keys, GOCSPX- OAuth client secrets, ya29. access and 1//0 refresh tokens, and the private_key_id of service-account JSON.',
  'generic-secret':
    'High-entropy tokens right after a secret keyword (api_key, secret, client_secret, access_token, Authorization: Bearer, *_TOKEN=...), Basic credentials, and prefixed tokens of providers without their own detector (Hugging Face, Shopify, DigitalOcean, PyPI, Docker Hub...).',
  'github-token':
    'GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_ with their CRC-32 check, github_pat_ fine-grained) and npm_ access tokens.',
  'gitlab-token':
    'GitLab tokens by their prefixes (glpat-, gldt-, glrt-, glptt-, glft-, glimt-, glagent-, gloas-, glsoat-, glffct-, glcbt-) and GR1348941 runner registration tokens.',
  'health-id':
    'Health insurance ids: US Medicare MBI (format rules, scores alone), UK NHS number (mod 11, needs NHS context), German Krankenversichertennummer (check digit, needs context), Scottish CHI, Australian Medicare card and IHI and French RPPS numbers (each its check, beside its name), and EHIC, insurer member and health card numbers (OHIP, tarjeta sanitaria, tessera sanitaria, Versicherungsnummer, n° adhérent) after their label.',
  hl7: 'Patient data in HL7 v2 segments by field position: record numbers (PID-3, MRG-1), names of patients, next of kin, guarantors, insured and doctors, birth dates (PID-7), addresses, phones, SSN (PID-19) and policy numbers; no context word needed.',
  iban: 'International bank account numbers: known country, exact per-country length and mod-97 check digits, unbroken or in groups of four, upper or lower case.',
  'ie-ppsn':
    'Irish Personal Public Service Numbers: seven digits and a mod-23 check letter (a second letter since 2013); reported beside "PPS", "PPSN" or "personal public service".',
  'in-aadhaar':
    'Indian Aadhaar numbers: twelve digits starting 2-9 with a Verhoeff check; grouped 4-4-4 or beside "Aadhaar"/"UID".',
  'in-pan':
    'Indian PAN (Permanent Account Number): AAAPA9999A with a valid holder-type letter; upper case only.',
  'mx-rfc':
    "Mexican RFC (Registro Federal de Contribuyentes): four letters (a company three), a valid YYMMDD date, the homoclave and the SAT check character; a company's needs its label.",
  ipv4: 'IPv4 dotted quads with valid octets; private ranges score a little lower, documentation, loopback and version strings much lower.',
  ipv6: 'IPv6 addresses (full, "::" compressed, IPv4-embedded) that parse to eight groups; clock times, MAC addresses and code like "x[1::2]" are refused.',
  'it-codice-fiscale':
    'Italian codice fiscale: 16 characters with a valid birth day and month letter, omocodia substitutions and the check letter.',
  jwt: 'JSON Web Tokens: base64url header.payload.signature whose header decodes to JSON naming an "alg" (JWE with five parts too).',
  'licence-card':
    'The front of a European or UK driving licence as OCR text gives it (fields 1. surname, 2. given names, 3. birth date, 4a.-4d., 5. number): the names, the birth date and the licence number.',
  'mac-address':
    'MAC addresses as six hex pairs joined by ":" or "-", or Cisco dotted triples, and twelve bare hex digits right after a MAC label; all-zero and broadcast addresses and all-digit look-alikes without context are refused.',
  'medical-record':
    'Medical record numbers: a 5-12 character id (with at least 3 digits) right after a label such as MRN, medical record number, patient id, chart number, Patientennummer, dossier médical or historia clínica.',
  'national-id':
    'Identity cards, residence permits and citizen cards with no check digit of their own (national ID, ID card, BRP, permesso di soggiorno, titre de séjour, Cartão de Cidadão, cédula, dowód osobisty, NRIC, CNIC, ...): a document number of 5 to 18 letters and digits right after its name.',
  'tax-id':
    "Tax numbers of Latin America and Asia right after their names: Argentina's CUIT and CUIL and Brazil's CNPJ (scored higher when their mod-11 checks hold), Peru's RUC, Colombia's NIT, Indonesia's NPWP, India's GSTIN and a TIN.",
  'nl-bsn':
    'Dutch citizen service numbers (BSN): nine digits, or dotted 4.2.3, passing the 11-proof; only beside "BSN", "burgerservicenummer" or "sofinummer".',
  'no-fnr':
    'Norwegian fødselsnummer and D-numbers: a birth date DDMMYY (day + 40 for D-numbers), a serial and two mod-11 check digits, only beside "fødselsnummer", "fnr" or "personnummer".',
  'nz-ird':
    'New Zealand IRD (tax and GST) numbers: eight or nine digits from 10,000,000 to 150,000,000 with a mod-11 check digit, only beside "IRD", "Inland Revenue" or "GST number".',
  'openai-key':
    'OpenAI API keys (sk-proj-, sk-svcacct-, sk-admin-, legacy sk- with the T3BlbkFJ marker) and other sk- keys of 32-64 random alphanumerics.',
  passport:
    'Passport numbers shaped as those of the US, UK, DE, FR and others, only after a "passport" label in several languages; ICAO machine-readable zones anywhere.',
  password:
    'Passwords and PINs written after a keyword in many languages (password: X, "password": "X", PASSWORD=X, the password is X, --password X, mysql -pX, sshpass -p X, <password>X</password>), and user:password after "credentials" or "login", and the cells of a table’s column headed by a password keyword; the span is the value, and prose, placeholders, types and code references are left alone.',
  'person-name':
    'Person names, from first-name and surname lists, the shape of capitalised runs and cues such as "Dear", "Mr.", "Name:" or "my name is"; names in scripts without capitals (CJK, Hangul, Arabic...) only after such a cue or before an honorific.',
  phone:
    'Phone numbers: a bounded digit-group run validated against libphonenumber’s number plans (international form first, then national forms for common countries), raised by phone words and lowered by order/invoice/amount words; dates, IPs, versions, amounts and card-length runs are refused. Six or thirteen digits, or a bare run of 11-12, only right after a phone label ("Call me at 747955"). A number typed one digit at a time ("4 1 5  8 3 2 ...") only beside a phone word.',
  'pl-pesel':
    'Polish PESEL numbers: eleven digits with a real birth date (century coded in the month) and the weighted mod-10 check digit; only beside "PESEL".',
  'private-key':
    'Private keys: PEM blocks (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP) from BEGIN through END or a truncated body, PuTTY .ppk files, and unarmoured base64 key bodies by their DER opening.',
  'pt-nif':
    'Portuguese tax numbers (NIF, número de contribuinte): nine digits with a valid first digit and mod-11 check digit, only beside "NIF", "NIPC" or "contribuinte".',
  'se-personnummer':
    'Swedish personal identity and coordination numbers: (YY)YYMMDD-NNNN or +NNNN with a real date (day + 60 for samordningsnummer) and Luhn check alone; bare digits, or a serial that reads as a time of day, beside "personnummer".',
  'sendgrid-key': 'SendGrid API keys: SG. + 22-character id + . + 43-character secret.',
  'slack-token':
    'Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, xapp-) and hooks.slack.com webhook URLs, with random bodies.',
  'stripe-key':
    'Stripe secret and restricted keys (sk_live_, rk_live_, and the _test_ ones a little lower) and whsec_ webhook secrets; publishable pk_ keys are left alone.',
  'swift-bic':
    'SWIFT/BIC codes (8 or 11 characters, ISO 3166 country in positions 5-6); all-letter codes only beside "BIC"/"SWIFT", codes with digits in the location or branch also bare.',
  'tr-tckn':
    'Turkish identity numbers (T.C. Kimlik No): eleven digits, the first not 0, with two check digits, only beside "kimlik", "TCKN" or "T.C. No".',
  'twilio-key':
    'Twilio credentials: SK API key SIDs, auth tokens (32 hex right after "auth token"), and AC account SIDs beside Twilio credential words.',
  'uk-nino':
    'UK National Insurance numbers (AB 12 34 56 C) with the official prefix exclusions and suffix A-D.',
  'uk-utr':
    'UK Unique Taxpayer References: ten digits (or 5-5, optional trailing K) with the HMRC check digit, only beside "UTR", "unique taxpayer reference", "self assessment" or "HMRC".',
  'url-credentials':
    'URLs with a password or token in them (https://user:password@host, ftp://, ssh://, git https://TOKEN@host); database schemes are left to connection-string and placeholders such as user:password@ stay below threshold.',
  'us-dea':
    'US DEA registration numbers: registrant letter, surname letter (or 9), seven digits with the DEA check digit; reported beside "DEA" or prescribing words.',
  'us-ein':
    'US Employer Identification Numbers (a sole proprietor\'s names a person\'s business): NN-NNNNNNN or nine digits with an IRS-assigned prefix, only right after "EIN", "FEIN", "employer identification number" or "federal tax ID".',
  'us-itin':
    'US Individual Taxpayer Identification Numbers: 9XX-GG-XXXX with the IRS group ranges; the dashed form alone, spaced or bare forms only beside "ITIN" or "taxpayer id".',
  'us-npi':
    'US National Provider Identifiers: 10 digits starting with 1 or 2 whose Luhn check (with prefix 80840) holds, reported only beside "NPI" or provider words.',
  'us-ssn':
    'US Social Security numbers: AAA-GG-SSSS with the SSA area/group/serial rules; a bare nine-digit run only beside "SSN" or "social security".',
};
