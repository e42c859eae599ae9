import { isTrivialDigits } from '../checksums.ts';
import { matchAllNear, NON_PERSONAL_NUMBER } from '../context.ts';
import { keywords } from '../keywords.ts';
import { anyOf } from '../scan-util.ts';
import { contextScore, cueDistance, OTHER_ID_LABELS, valuesNearLabels } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// The word for "passport" in the languages we support (Czech "číslo pasu" by its "pasu"; the
// Danish "pasnummer", the Norwegian and Swedish "passnummer(et)", the Finnish "passin numero",
// the Romanian "pașaport(ului)", the Greek "διαβατήριο(υ)", the Hungarian "útlevél" with any of
// its endings: "útlevélszámomat", "útlevelem"; the Indonesian "paspor", the Malay "pasport",
// the Catalan "passaport", the Vietnamese "hộ chiếu", the Croatian "putovnica", the Slovenian
// "potni list", the Serbian "pasoš", the Lithuanian "pasas", the Latvian "pases numurs", the
// Estonian "passi number", the Icelandic "vegabréf", the Swahili "pasipoti"),
// optionally followed by "number" and the like (the gap between label and value may hold any words without digits). Latin-1 letter
// classes instead of \p{L} keep this whole-text scan fast (see date-of-birth.ts).
const LABEL =
  /(?<![A-Za-zÀ-ÿ])(?:ppt(?= ?[:#]? ?[A-Z]{0,3}\d{6,9}(?![A-Za-z0-9]))|passports?|reisepass(?:es|nummer)?|pass(?:nummer(?:et)?|-?nr\.?)|pas(?:nummer(?:et)?|-?nr\.?)|passin(?: numero(?:ni|si|nsa|a)?)?|passinumero(?:ni|si|nsa|a)?|passeports?|pasaportes?|passaport[oi]|passaportes?|pa[șşs]aport(?:ul|ului)?|pa[șşs]apoart(?:e|ele|elor)|paspoort(?:nummer)?|paspor|pasport|passaport|h[ộo] chi[ếe]u|putovnic[aeu]|potn(?:i|ega) list(?:a)?|paso numeris|pasas|pases? (?:numurs|nr\.?)|passi (?:number|nr\.?)|vegabr[ée]f(?:s|snúmer)?|pasipoti|pasoš(?:a|u)?|paszport(?:u|y|em)?|[úu]tlev[ée]l[a-zÀ-ÿőű]{0,10}|pasu|cestovn(?:[íiýy]|[íi]ho|[ée]ho) pas(?:u)?|travel document|διαβατ[ηή]ρ[ιί](?:ου?|α|ων)|旅券(?:番号)?|パスポート(?:番号)?|护照(?:号码?)?|護照(?:號碼)?|여권(?: ?번호)?|(?:загран)?паспорт|جواز (?:ال)?سفر|پاسپورٹ|پاسپورت|گذرنامه|דרכון|पासपोर्ट|ਪਾਸਪੋਰਟ|પાસપોર્ટ|পাসপোর্ট|பாஸ்போர்ட்|పాస్‌?పోర్ట్|ಪಾಸ್‌?ಪೋರ್ಟ್|പാസ്‌?പോർട്ട്|ගමන් බලපත්‍?රය|หนังสือเดินทาง|անձնագ(?:իր|րի)|პასპორტი?)(?![A-Za-zÀ-ÿͰ-Ͽ])/gi;

// Every LABEL match holds one of these at most five characters in ("reisepass"); the label
// pattern is tried only there. With "<<" they are also the prefilter's words.
const LABEL_LIST = [
  'pass',
  'pasa',
  'paspo',
  'pasz',
  'pasu',
  'pasn',
  'pas-n',
  // An airline's abbreviation ("PPT YPH594747"), only before a passport's shape.
  'ppt',
  'paşa',
  'pașa',
  'cestovn',
  'hộ chiếu',
  'ho chieu',
  'putovnic',
  'potni list',
  'potnega list',
  'paso',
  'pase',
  'vegabr',
  'διαβατ',
  'útlev',
  'utlev',
  'travel doc',
  '旅券',
  'パスポート',
  '护照',
  '護照',
  '여권',
  // Russian and Ukrainian (the foreign passport, "загранпаспорт", holds it 6 characters in and
  // is listed whole), Arabic, Hebrew, Hindi, Thai.
  'паспорт',
  'загранпаспорт',
  'جواز',
  'דרכון',
  'पासपोर्ट',
  'หนังสือเดินทาง',
  // Urdu, Persian, Punjabi, Gujarati, Bengali, Tamil, Telugu, Kannada, Malayalam, Sinhala,
  // Armenian, Georgian.
  'پاسپورٹ',
  'پاسپورت',
  'گذرنامه',
  'ਪਾਸਪੋਰਟ',
  'પાસપોર્ટ',
  'পাসপোর্ট',
  'பாஸ்போர்ட்',
  'పాస్',
  'ಪಾಸ್',
  'പാസ്',
  'ගමන් බලපත',
  'անձնագ',
  'პასპორტ',
];
const LABEL_WORDS = keywords(LABEL_LIST);
const LABEL_LEAD = 5;
const WORDS = keywords([...LABEL_LIST, '<<']);

// A candidate token; its shape is checked in code. Russia's passports are written in groups:
// the internal one as its series and number ("45 05 718263"), the foreign one as two and
// seven digits ("76 1930547").
const TOKEN = /(?<![\w-])(?:\d{2} \d{2} \d{6}|\d{2} \d{7}|[A-Za-z0-9]{6,9})(?![\w-])/g;

// Between "passport" and a number, these words say the number is something else, and so does
// another id's label ("passport and SSN: ...").
const BAD_GAP = new RegExp(
  String.raw`applica|appointment|booking|tracking|photo|fee|renew|expir|issue|valid|date|datum|fecha|ablauf|g[üu]ltig|d[ée]livr|emisi|caduc|scad|size|format|version|npm|library|strategy|licen[cs]e|permis|f[üu]hrerschein|заказ|замовлен|заявк|фото|срок|дата|выдач|видач|${OTHER_ID_LABELS.source}`,
);

/** Whether an upper-case token is shaped like a passport number of some country. */
function passportShaped(token: string): boolean {
  if (token !== token.toUpperCase()) return false;
  const t = token.replace(/ /g, '');
  // DE: nine characters from an alphabet without vowels (and without B, D, Q, S), so that no
  // word fits; recent numbers may hold a single digit or none.
  if (/^[CFGHJK][0-9CFGHJKLMNPRTVWXYZ]{8}$/.test(t)) return true;
  const digits = t.replace(/\D/g, '').length;
  if (digits < 2) return false;
  if (/^\d+$/.test(t)) {
    // US and UK: nine digits; several countries use seven or eight.
    return (
      t.length >= 7 && !isTrivialDigits(t) && !/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}$/.test(t)
    );
  }
  return (
    /^[A-Z]{1,3}\d{6,8}$/.test(t) || // US next generation, IN, CA, IT, ES, ...
    /^[A-Z]\d{7}[A-Z]$/.test(t) || // PH
    /^\d{2}[A-Z]{2}\d{5}$/.test(t) || // FR
    (/^[A-Z]{2}[A-Z0-9]{6}\d$/.test(t) && digits >= 3) // NL and others
  );
}

// ICAO 9303 machine-readable zone of a passport (TD3): two lines of 44 characters.
const MRZ_1 = /(?<![A-Z0-9<])P[A-Z<][A-Z<]{3}[A-Z<]{39}(?![A-Z0-9<])/g;
const MRZ_2 =
  /(?<![A-Z0-9<])([A-Z0-9<]{9})(\d)[A-Z<]{3}(\d{6})(\d)[MFX<](\d{6})(\d)([A-Z0-9<]{14})([\d<])(\d)(?![A-Z0-9<])/g;
// What every MRZ_1 match starts with, and the sex field with the expiry date and its check digit
// that every MRZ_2 match holds 20 characters in (after the birth date and its check digit, looked
// behind at, so that a long run of digits is not tried seven digits at every position): the
// patterns are tried only there (matchAllNear), not at every position of a long text that
// happens to hold a "<".
const MRZ_1_ANCHOR = /P/g;
const MRZ_2_ANCHOR = /[MFX<](?<=\d{7}.)\d{7}/g;
const MRZ_2_LEAD = 20;

/** ICAO 9303 check digit (weights 7, 3, 1; A=10 ... Z=35; filler 0). */
function mrzCheck(s: string): number {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += v * w[i % 3]!;
  }
  return sum % 10;
}

/** Whether a TD3 second line's check digits are right (document, birth, expiry, composite). */
function mrzLine2Ok(m: RegExpMatchArray): boolean {
  const line = m[0];
  const ok = (value: string, digit: string) => mrzCheck(value) === Number(digit);
  const optionalOk = m[8] === '<' ? /^<+$/.test(m[7]!) : ok(m[7]!, m[8]!);
  const composite = line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43);
  return (
    ok(m[1]!, m[2]!) && ok(m[3]!, m[4]!) && ok(m[5]!, m[6]!) && optionalOk && ok(composite, m[9]!)
  );
}

const POSITIVE = /passport|reisepass|passeport|pasaporte|passaporto|paspoort/;

export const passport: Detector = {
  id: 'passport',
  types: ['PASSPORT'],
  // The words, or the sex field of an MRZ's second line; two patterns scan faster than one.
  prefilter: anyOf(WORDS, /\d[MFX<]\d{7}/i),
  detect(text) {
    const out: Candidate[] = [];
    for (const v of valuesNearLabels(text, LABEL, TOKEN, {
      maxGap: 32,
      maxValue: 12,
      accept: (m) => passportShaped(m[0]),
      badGap: BAD_GAP,
      maxGapAfter: 3,
      // German numbers may have no digit, but every number has a digit or a capital.
      needs: /[0-9A-Z]/,
      anchors: { words: LABEL_WORDS, lead: LABEL_LEAD },
    })) {
      // "Passport no.: X" is the common form; in "X (passport)" the words before X may still
      // say it is an order or a booking number.
      let score = 0.8;
      if (!v.labelBefore) {
        const labelled = cueDistance(text, v.start, v.end, NON_PERSONAL_NUMBER, 16) !== Infinity;
        score = labelled ? 0.2 : 0.6;
      }
      out.push({ start: v.start, end: v.end, type: 'PASSPORT', score, reason: 'context' });
    }
    if (/<|\d[MFX<]\d{7}/.test(text)) {
      for (const m of matchAllNear(text, MRZ_1, MRZ_1_ANCHOR, 0)) {
        // The name field always has the "<<" that separates surname and given names.
        if (!m[0].includes('<<') || !/[A-Z]{2}/.test(m[0].slice(5))) continue;
        out.push({
          start: m.index,
          end: m.index + 44,
          type: 'PASSPORT',
          score: 0.85,
          reason: 'mrz',
        });
      }
      for (const m of matchAllNear(text, MRZ_2, MRZ_2_ANCHOR, MRZ_2_LEAD)) {
        if (!mrzLine2Ok(m)) continue;
        const { score } = contextScore(text, m.index, m.index + 44, 0.95, {
          positive: POSITIVE,
          up: 0.05,
        });
        out.push({ start: m.index, end: m.index + 44, type: 'PASSPORT', score, reason: 'mrz' });
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // Armenian, Urdu, Punjabi and Malayalam names of the passport.
    { text: 'Անձնագիր՝ AN7629363\nՀԾՀ՝ 4574782621', value: 'AN7629363' },
    { text: 'بلال احمد چوہدری، پاسپورٹ نمبر AK5413247', value: 'AK5413247' },
    { text: 'ਪਾਸਪੋਰਟ ਨੰਬਰ: T4408458\nਜਨਮ ਮਿਤੀ', value: 'T4408458' },
    { text: 'ജിതിൻ തോമസ്, പാസ്പോർട്ട് M4228968', value: 'M4228968' },
    { text: '{"passportNumber": "536221847"}', value: '536221847' },
    { text: 'passport_no=A42817365', value: 'A42817365' },
    { text: 'número do passaporte: CZ123456', value: 'CZ123456' },
    { text: 'PAX ROWE/ADA MRS DOB 02AUG76 PPT YPH590231 EXP 22APR34', value: 'YPH590231' },
    { text: 'Numer paszportu: AB1234567', value: 'AB1234567' },
    { text: 'útlevélszám: BA1234567', value: 'BA1234567' },
    // Endings and compounds of the smaller languages' words.
    { text: 'Küldöm az útlevélszámomat a foglaláshoz: BE8172634', value: 'BE8172634' },
    { text: 'Her er mit pasnummer til flybilletten: 208317492', value: '208317492' },
    { text: 'Her er passnummeret mitt til reisen: FH3817265', value: 'FH3817265' },
    { text: 'Tässä passin numero lentovarausta varten: FP1938475', value: 'FP1938475' },
    { text: 'Vă trimit numărul de pașaport pentru rezervare: 053817264.', value: '053817264' },
    { text: 'Seria pașaportului: 051234567', value: '051234567' },
    { text: 'Σας στέλνω τον αριθμό διαβατηρίου μου: AK1823746', value: 'AK1823746' },
    { text: 'Číslo cestovního pasu: 45678123', value: '45678123' },
    {
      text: 'Name;Passport no.;Expiry\nAna;X4471209;2030-01-01\nBo;C01X00T47;2031-02-02',
      value: 'C01X00T47',
    },
    { text: 'Passport number: 536221847', value: '536221847' },
    { text: 'Reisepass C7H2K9R41, gültig bis 2031', value: 'C7H2K9R41' },
    { text: 'Reisepass-Nr. GMRXP0PCY', value: 'GMRXP0PCY' },
    { text: 'ein Scan meines Reisepasses (KZTFWHXRN) anbei', value: 'KZTFWHXRN' },
    { text: 'Numéro de passeport : 19FK42873', value: '19FK42873' },
    { text: '1. SHIMIZU AYAKA 様　旅券番号：TZ1256236　生年月日：1945/01/10', value: 'TZ1256236' },
    { text: 'パスポート番号：TK3752625\n連絡先：+81 90-2511-9688', value: 'TK3752625' },
    { text: 'pasaporte PAB482913', value: 'PAB482913' },
    // Indonesian, Malay, Vietnamese, Croatian, Slovenian, Icelandic; a Philippine number.
    { text: '1. H. Ahmad Fauzi – paspor C2684093 – tgl lahir 02-03-1962', value: 'C2684093' },
    { text: 'No. Pasport: A36592907\nTarikh lahir: 14/02/2001', value: 'A36592907' },
    { text: 'Số hộ chiếu: C1234567, cấp ngày', value: 'C1234567' },
    { text: 'Broj putovnice: 117284935', value: '117284935' },
    { text: 'Številka potnega lista: PB1234567', value: 'PB1234567' },
    { text: 'Vegabréfsnúmer: A1234567', value: 'A1234567' },
    { text: 'Passport No.: P9818643B\nBirthday: March 3, 1992', value: 'P9818643B' },
    // Russian passports in their groups, after Russian and English labels; Arabic, Hebrew,
    // Korean and Hindi labels.
    { text: 'Место рождения: г. Тула\nПаспорт РФ: 45 05 718263, выдан', value: '45 05 718263' },
    {
      text: 'дата рождения 03.11.1979, загранпаспорт 76 1930547 (действителен',
      value: '76 1930547',
    },
    { text: 'She sent her international passport no. 75 4418203, DOB', value: '75 4418203' },
    { text: 'الاسم: منى عادل فهمي\nرقم جواز السفر: A27419836\n', value: 'A27419836' },
    { text: 'תאריך לידה: 03/09/1994\nמספר דרכון: 31847265\n', value: '31847265' },
    { text: '여권: M12345678', value: 'M12345678' },
    { text: 'पासपोर्ट संख्या: K8472913', value: 'K8472913' },
    { text: 'US passport # A42817365 (renewed)', value: 'A42817365' },
    { text: 'ID docs: 536221847 (passport)', value: '536221847' },
    {
      text: 'MRZ:\nP<UTODOE<<JANE<MARIE<<<<<<<<<<<<<<<<<<<<<<<<\nX47K201933UTO8207148F3104231ZE184226B<<<<<14',
      value: 'X47K201933UTO8207148F3104231ZE184226B<<<<<14',
    },
    {
      text: 'P<UTODOE<<JANE<MARIE<<<<<<<<<<<<<<<<<<<<<<<<',
      value: 'P<UTODOE<<JANE<MARIE<<<<<<<<<<<<<<<<<<<<<<<<',
    },
  ],
  noMatch: [
    'Ci sono 3 passi da fare: ABC1234567',
    '536221847',
    'My passport expires 20310423',
    'Passport photo order 536221847',
    'passport application tracking A42817365',
    'I lost my passport. Order number 536221847',
    'Booking 536221847 (passport)',
    'Passport and SSN: 536221847',
    'passport 0.7.0 with passport-local strategy',
    'passport renewal fee 130 USD',
    'Reisepass STRUKTUR',
    'Passport No 123456789',
    'Паспорт готов, номер заказа 45 05 718263 для выдачи в офисе',
    // A Dutch bank card's number; a Romanian passport's expiry year.
    'Mijn pasnummer is 1234',
    'Pașaportul meu expiră în 2031',
    'útlevélkérelem díja: 7500 Ft',
    // Spanish "paso" (a step) and "pase" (a pass) name no passport.
    'Paso 2: introduzca el código 48213377',
    'Siga estos pasos: 48213377 y luego enviar',
    'Pase de abordar VY8123456',
    'X47K201933UTO8207148F3104231ZE184226B<<<<<15',
  ],
};
