import { matchesOf } from '../scan-util.ts';
import { isTrivialDigits, mod97 } from '../checksums.ts';
import { before, keyView, matchAllAt, near, nearInLine } from '../context.ts';
import { keywords } from '../keywords.ts';
import { nearWords } from '../payment-util.ts';
import { cellsUnderHeaders } from '../gov-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// The label, then a few characters of filler ("number", "no.", ":", "is", "#"), then the number:
// 6 to 20 digits (Russian accounts have 20, Mexican CLABEs 18), possibly split by single spaces
// or dashes ("0012 3456 78", "12345-6").
// Everything is bounded, and the label must start a word, so the scan stays linear.
const LABELS = [
  String.raw`(?:bank |checking |savings |current |deposit )?account (?:number|no\.?|nr\.?|num\.?|#)`,
  String.raw`bank account`,
  String.raw`(?:checking|savings|current) account`,
  String.raw`acct\.?(?: (?:number|no\.?|#))?`,
  String.raw`acc\.? ?(?:no\.?|#)`,
  String.raw`a\/c(?: (?:number|no\.?|#))?`,
  String.raw`account`,
  String.raw`kontonummer(?:et)?|kontonumber|konto-?nr\.?|kontonr\.?|konto`,
  String.raw`num[ée]ro de compte|n[°º] de compte|no de compte|compte(?: bancaire| courant)?`,
  String.raw`n[úu]mero de cuenta|n[°º] de cuenta|cuenta(?: bancaria| corriente)?`,
  String.raw`numero di conto|conto(?: corrente)?`,
  String.raw`n[úu]mero da conta|conta(?: corrente| poupan[çc]a)?|c\/c`,
  String.raw`rekeningnummer|rekeningnommer|rekening`,
  String.raw`口座番号`,
  String.raw`(?:checking|savings)(?: (?:#|no\.?|number|acct\.?))`,
  // A US statement's or a KYC note's account kinds before the number alone ("Accounts:
  // checking 1604743309, savings 9670289555"): eight digits or more, so no amount ("savings
  // 150000"), and not a table's row of routing and account numbers ("Checking 113735097
  // 6317535734").
  String.raw`(?:(?:business|personal|joint|student) )?(?:checking|savings)(?=[ \t]{1,3}\d{8,17}(?!\d|[,.]\d|[ \t]+\d))`,
  // Swedish compounds of "konto": "Privatkonto 745 589 240-8", "Sparkonto", "Lönekonto".
  String.raw`(?:privat|spar|löne?|e-?|bank|pensions?|transaktions|betal|allkort)konto`,
  String.raw`(?:nr |numer )?rachunku|rachunek(?: bankowy)?`,
  // Mexico's CLABE and Argentina's CBU and CVU (18 and 22 digits); Vietnamese "số tài khoản"
  // and its short form STK; Indonesian "no. rek".
  String.raw`clabe|cbu|cvu|s[ốo] t[àa]i kho[ảa]n|t[àa]i kho[ảa]n|stk|no\.? ?rek\.?`,
  // Malay "akaun" and Swahili "akaunti"; Turkish "hesap no"; Croatian, Serbian and Slovenian
  // "žiro račun", "broj tekućeg računa", "TRR" ("račun" alone, and "broj računa", are as often
  // an invoice and its number); Lithuanian
  // "sąskaitos numeris", Latvian "konta numurs", Estonian "arveldusarve", Icelandic
  // "reikningsnúmer".
  String.raw`akaun(?:ti)?(?: bank)?|hesap (?:no|numaras[ıi])\.?`,
  String.raw`(?:broj|številka|br\.|št\.) (?:žiro|tekućeg|tekuceg|transakcijskega|bančnega) ra[čc]una|(?:žiro|ziro|tekući|tekuci|transakcijski|bančni) ra[čc]un|trr`,
  String.raw`s[ąa]skaitos (?:numeris|nr\.?)|konta (?:numurs|nr\.?)|arveldusarve|reikningsn[úu]mer`,
  // Russian and Ukrainian ("Номер счёта", "р/с", "рахунок"), Thai, Arabic, Hebrew, Chinese,
  // Korean and Hindi.
  String.raw`(?:номер )?(?:расч[её]тного |лицевого )?сч[её]та?(?: получателя)?|(?:расч[её]тный |лицевой )?сч[её]т|р\/с|(?:номер )?рахун(?:ок|ку)`,
  String.raw`เลขที่บัญชี|เลขบัญชี|رقم الحساب|מספר חשבון|(?:银行)?[账帐]号|계좌 ?번호|खाता (?:संख्या|नंबर|नं\.?)`,
  // Serbian and Macedonian in Cyrillic, Armenian, Tamil, Kannada, Malayalam, Sinhala, Lao;
  // a Korean account with its bank ("급여 계좌: 신한은행 110-..."); a Japanese ordinary or
  // current deposit account ("普通 7825515").
  String.raw`(?:број )?(?:текућег|жиро) рачуна|(?:текући|жиро) рачун|հաշիվ|கணக்கு எண்|ಖಾತೆ ಸಂಖ್ಯೆ|അക്കൗണ്ട്(?: നമ്പർ)?|ගිණුම් අංකය|ເລກ(?:ທີ່)?ບັນຊີ`,
  String.raw`계좌[:：]? ?[가-힣]{1,8}은행|(?:普通|当座)(?:預金)?`,
];
// A bank's name between an account's word and its number: an acronym in capitals ("rekening
// BCA 5271098433") or a name ending in "bank" ("akaun Maybank ...", "tài khoản Vietcombank số
// ..."), not a branch code's or a routing number's name ("acct: BSB 064-118"). Case decides,
// so the words are written in both.
const BANK_NAMED =
  /(?<![\p{L}\p{N}])(?:[Rr]ekening|[Aa]kaun(?:ti)?|[Tt][àa]i kho[ảa]n|[Aa]ccount|[Aa]cct|[Kk]onto|[Cc]uenta|[Cc]onta|[Cc]ompte|[Hh]esap)[ \t]{1,3}(?!(?:BSB|IFSC|ABA|RTN|BIC|SWIFT|IBAN|REF)(?!\p{L}))(?:\p{Lu}{2,5}|\p{Lu}\p{Ll}{0,10}bank)[ \t]{1,3}(?:s[ốo][ \t]{1,3})?(\d(?:[ -]?\d){5,25})(?![\p{L}\p{N}_]|[ .-]\d)/gu;

// A bank's name ending in "Bank" right before a number: "Sampath Bank 772278978182", "new account
// at Dutch-Bangla Bank: 9557780281191" (eight digits or more: no branch, no amount).
const NAME_BANK =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]{1,20} Bank:?[ \t]{1,3}(\d(?:[ -]?\d){7,17})(?![\p{L}\p{N}_]|[ .,/-]\d)/gu;
const NAME_BANK_WORDS = keywords([' bank']);

// A question for the account number closing its turn, then the next turn holding only the
// number, after its speaker and a filler or two.
const ANSWERED =
  /(?:(?:bank |checking |savings |current )?account(?: number| no\.?| #)?|acct(?: number| no\.?)?|kontonummer|n[úu]mero de cuenta|num[ée]ro de compte)[ \t]*(?:please|pls|por favor|bitte|s'il vous plaît)?[ \t]*[?.!]?[ \t]*\r?\n[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?[^\n:\d]{1,24}:[ \t]*(?:(?:u+h+|u+m+|e+r+m*|ah+|yeah|yes|yep|sure|ok|okay|so|it's|its|it is|that's|mine is|es|ist)[, ]{1,3}){0,3}(\d(?:[ -]?\d){5,17})[ \t.]*(?=\r?\n|$)/gi;

/** "on the", "for your" right before the label: the account is where another value is kept. */
const ON_THE_BEFORE = /(?:on|for|of|in|to|from)[ \t]+(?:the|your|my|this)[ \t]+$/i;
/** A chat's or a transcript's turn up to a word of its sentence: "Agent: and the ". */
const TURN_START = /^[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?[^\n:\d]{1,24}:[ \t]/;

// Indonesian and Malay "a.n." (atas nama, "in the name of") and "a/n" after a number: an
// account given with its holder's name ("BRI 0021-01-044718-50-3 a.n. Yulianti Rahayu").
const HOLDER_AFTER = /\d(?<![\w.-]\d)(?:[ -]?\d){5,24}(?= {1,3}a(?:\.n\.|\/n) )/g;
const HOLDER_WORDS = keywords(['a.n. ', 'a/n ']);

const CLABE_WORD = /clabe/i;
const CLABE = /(?<![\d.-])\d{18}(?!\d|[.-]\d)/g;
const CLABE_BEFORE = /\bclabe\b[^\n\d]{0,40}$/i;

/** The CLABE's check: weights 3, 7, 1 over the first seventeen digits, each product mod 10. */
function clabeOk(d: string): boolean {
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ((d.charCodeAt(i) - 48) * w[i % 3]!) % 10;
  return (10 - (sum % 10)) % 10 === d.charCodeAt(17) - 48;
}

const LABELLED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(` +
    LABELS.join('|') +
    String.raw`)(?![\p{L}])[\s:=#.(),"'>՝-]{0,5}[ \t]{0,12}(?:(?:is|ist|est|es|è|er|är|:|number|no\.?|#)[\s:=#."'-]{1,4})?` +
    String.raw`(\d{4}\.\d\d\.\d{5}|\d(?:[ -]?\d){5,25})(?![\p{L}\p{N}_]|[ .-]\d)`,
  'giu',
);

// A table's column of accounts: its header cell is one of the labels, whole.
const LABEL_CELL = new RegExp(String.raw`^(?:${LABELS.join('|')})$`, 'iu');
const ACCOUNT_CELL = /^\d(?:[ -]?\d){5,25}$/;
/**
 * Past twenty digits, only a Polish account (NRB): the IBAN's 26 digits without "PL", whose
 * check digits hold.
 */
function accountDigitsOk(digits: string): boolean {
  return digits.length <= 20 || polishNrb(digits) || (digits.length === 22 && argentineCbu(digits));
}
/** Argentina's CBU: a bank and branch block (eight digits) and an account block (fourteen),
 * each closed by a check digit (weights 7, 1, 3, 9 repeated, from the right of the block). */
function argentineCbu(d: string): boolean {
  const ok = (block: string) => {
    const w = [3, 1, 7, 9];
    let sum = 0;
    for (let i = block.length - 2, k = 0; i >= 0; i--, k++)
      sum += (block.charCodeAt(i) - 48) * w[k % 4]!;
    return (10 - (sum % 10)) % 10 === block.charCodeAt(block.length - 1) - 48;
  };
  return ok(d.slice(0, 8)) && ok(d.slice(8));
}
function polishNrb(digits: string): boolean {
  return digits.length === 26 && mod97(digits.slice(2) + 'PL' + digits.slice(0, 2)) === 1;
}
// Russia's bank code (БИК), the routing number of a Russian transfer: nine digits, "04" (the
// country) first, after its name.
const BIK = /(?:БИК|BIK)(?: банка)?[ \t]*[:№]?[ \t]*(04\d{7})(?!\d)/giu;
const BIK_WORDS = keywords(['бик', 'bik']);

// A Polish account written as the bank prints it, without a label: "09 0825 3039 2807 3542 3279
// 0373" (its check digits make a random match one in 97).
const NRB_GROUPED = /\d(?<![\w-]\d)\d(?: \d{4}){6}(?![\w-]| \d)/g;

// Every label contains one of these, at most 10 characters after its start ("numéro de
// compte"); LABELLED is only tried just before them.
const LABEL_WORDS = keywords([
  'acc',
  'a/c',
  'c/c',
  'kont',
  'compt',
  'cuent',
  'cont',
  'rekening',
  'akaun',
  'hesap',
  'broj ',
  'številka ',
  'br. ',
  'št. ',
  'žiro',
  'ziro',
  'tekuć',
  'tekuc',
  'transakcijsk',
  'bančn',
  'trr',
  'sąskait',
  'saskait',
  'arveldus',
  'reikning',
  '口座',
  'checking',
  'savings',
  'konto',
  'rachun',
  'clabe',
  'cbu',
  'cvu',
  'tài kho',
  'tai kho',
  'stk',
  'rek',
  'счет',
  'счёт',
  'р/с',
  'рахун',
  'บัญชี',
  'الحساب',
  'חשבון',
  '账号',
  '帐号',
  '계좌',
  'खाता',
  'рачун',
  'հաշիվ',
  'கணக்கு எண்',
  'ಖಾತೆ ಸಂಖ್ಯೆ',
  'അക്കൗണ്ട്',
  'ගිණුම් අංකය',
  'ບັນຊີ',
  '普通',
  '当座',
]);
const LABEL_LEAD = 12;
const SORT_CODE_WORDS = keywords([
  'sort code',
  'sortcode',
  'sort_code',
  's/c',
  'bsb',
  'ifsc',
  'transit',
  'branch code',
  'takkode',
]);

// A UK sort code followed by an account number: "12-34-56 12345678", "12-34-56, 12345678".
// The look-behind comes after the first digit ("not after a word character or a dash"), so the
// scan passes at once over every position without a digit.
// Or an Australian BSB before its account, and either with the account's label between:
// "sort 20-58-93, acc 32991439", "BSB 062-353   Acc 545940127", "083-006 and account 33162474".
const SORT_AND_ACCOUNT =
  /(\d(?<![\w-]\d)\d-\d\d-\d\d|\d(?<![\w-]\d)\d\d-\d{3})[ ,/]{1,3}(?:(?:and )?(?:acc|acct|account|a\/c)\.?(?: ?(?:no|number|nr)\.?)?[ :#]{1,3})?(\d{6,10}|\d{4} \d{4})(?![\w-])/gi;
// Swedish clearing numbers, Danish registration numbers and Brazilian agências: four digits
// before the account's own label ("clearing 5214, konto 505 845 092-4", "reg.nr. 2191
// kontonr. 7072608293", "Agência 4673 – Conta corrente 1902574-3").
const BRANCH_BEFORE_ACCOUNT =
  /(?<![\p{L}\p{N}])(?:clearing(?:[- ]?(?:nummer|nr\.?|number))?|reg\.? ?nr\.?|registreringsnummer|ag[êe]ncia|ag\.)[\s:=#.]{0,4}(\d{4}(?:-\d)?)(?![\p{N}-])(?=[^\n]{0,12}?(?:konto|conta|c\/c|account))/giu;
const BRANCH_WORDS = keywords([
  'clearing',
  'reg.nr',
  'reg nr',
  'regnr',
  'reg. nr',
  'registreringsnummer',
  'agência',
  'agencia',
  'ag.',
]);
// A French RIB: bank code, branch code, eleven-character account and a two-digit key, in four
// groups ("30004 59093 58628848931 45"); the key makes a random match one in 97.
const RIB = /\d(?<![\w-]\d)\d{4} \d{5} [0-9A-Z]{11} \d\d(?![\w-])/g;
// A bank's branch code on its own, right after its label: a UK sort code ("12-34-56"), an
// Australian BSB ("063-123"), a Canadian transit and institution number ("62647-003"), an
// Indian IFSC ("SBIN0695833": four letters, a 0, six letters or digits; "IFSC कोड", its
// "code" in Hindi and Marathi, Bengali, Tamil, Telugu, Kannada), a South African branch code
// ("branch code 470011", Afrikaans "takkode").
const SORT_CODE =
  /\b(?:sort[ _]?code|s\/c|bsb|ifsc|transit(?:[-/ ]institution)?|branch[ _]code|takkode)(?:[ _](?:number|no|nr|code|#|कोड|কোড|குறியீடு|కోడ్|ಕೋಡ್))?(?![a-z])[\s:=#."'()-]{0,6}(?:is\s{1,3})?(\d\d-\d\d-\d\d|\d\d \d\d \d\d|\d{3}-\d{3}|\d{5}-\d{3}|\d{5,6}|[A-Z]{4}0[A-Z0-9]{6})(?![\w-])/gi;
// The same labels heading a table's column ("sort_code", "IFSC", "BSB").
const BRANCH_CELL = /^(?:sort ?code|bsb|ifsc|ifsc code|transit(?: institution)?(?: number| no)?)$/i;
const BRANCH_VALUE = /^(?:\d\d-\d\d-\d\d|\d{3}-\d{3}|\d{5}-\d{3}|\d{6}|[A-Z]{4}0[A-Z0-9]{6})$/;

const BANK_WORDS =
  /\b(?:bank|banking|iban|routing|rtn|aba|direct dep|direct deposit|sort code|checking|savings|deposit|wire|ach|sepa|transfer|payee|beneficiary|branch|bsb|institution|transit number|swift|bic|credited|debited|funds|overdraft|withdrawal|direct debit|standing order|salary|payroll|wages|überweisung|bankverbindung|lastschrift|banque|virement|prélèvement|banco|transferencia)\b/;
// Accounts that are not bank accounts: cloud, customer, user and loyalty numbers.
const OTHER_ACCOUNT =
  /\b(?:aws|gcp|azure|cloud|customer|user|client|member|membership|loyalty|rewards?|login|username|game|steam|twitter|email|utility|electric|electricity|gas|water|energy|broadband|order|invoice|tracking|ticket|phone|mobile|tel|telephone)\b/;
const KIND_BEFORE =
  /\b(?:aws|gcp|azure|cloud|customer|user|member|loyalty|rewards?|game|steam|utility|electric|electricity|gas|water|energy|broadband|phone|mobile)[ \t]+$/i;
const SORT_NEAR = /\b(?:sort|account|acct|acc|a\/c|bank)\b/;
// Money sent to the account right before its bare label: "Payment is to be made to her account
// 62849173502", "refund it into my account". A customer's or a game's account is paid for or
// logged into, not paid into.
const PAID_INTO =
  /\b(?:paid|pay|paying|payments?|transfer(?:red|s)?|deposit(?:ed)?|credit(?:ed)?|wired?|refund(?:ed)?|remit(?:ted)?|sen[dt])\b[^.\n]{0,40}\b(?:into|to) (?:(?:my|his|her|their|your|our|the) )?$/;

// Three national formats whose check digits find them after a word of their own language (in
// the same line): Norway's account, eleven digits as 4.2.5 ("1206.11.24436", mod 11);
// the Czech (and Slovak) account, an optional prefix, the number and the bank's code
// ("19-2769042903/0800", prefix and number each mod 11); Hungary's, two or three blocks of
// eight digits ("69180648-69010095", each block weighted 9, 7, 3, 1 to a multiple of ten).
const NO_ACCOUNT = /\d(?<![\w.-]\d)\d{3}([. ])\d\d\1\d{5}(?![\w]|[.-]\d)/g;
const CZ_ACCOUNT = /\d(?<![\w/-]\d)(?:\d{0,5}-\d)?\d{1,9}\/\d{4}(?![\w/-]|[.-]\d)/g;
const HU_ACCOUNT = /\d(?<![\w-]\d)\d{7}([- ])\d{8}(?:\1\d{8})?(?![\w-]|[ -]\d)/g;
const NO_WORD = /konto|kto\b/;
const CZ_WORD = /[úu][čc](?:tu|et)\b|[čc]\. ?[úu]\.|bankovn[íi] spojen/;
// ("Számla" alone is as often an invoice: "Számla sorszáma" is its serial number.)
const HU_WORD = /bank|sz[áa]mlasz[áa]m|sz[áa]ml[áa](?:m|d|nk)?r[ao]|utal/;
const LINE_BEFORE = 60;
// The same words, found by the keyword pass: each format is looked for only in a text that
// holds one.
const NO_WORDS = keywords(['konto', 'kto']);
const CZ_WORDS = keywords([
  'účt',
  'účet',
  'uctu',
  'ucet',
  'č. ú',
  'č.ú',
  'bankovní spoj',
  'bankovni spoj',
]);
const HU_WORDS = keywords(['számlasz', 'szamlasz', 'számlá', 'szamla', 'bank', 'utal']);

/** Norway's check: weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2; 11 minus the sum mod 11 (11 is 0). */
function norwegianAccount(d: string): boolean {
  const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (d.charCodeAt(i) - 48) * w[i]!;
  const r = (11 - (sum % 11)) % 11;
  return r !== 10 && r === d.charCodeAt(10) - 48;
}

/** A Czech account part: weights ..., 10, 5, 8, 4, 2, 1 from the right, the sum a multiple of 11. */
function czechPart(d: string): boolean {
  const w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
  let sum = 0;
  for (let i = d.length - 1, k = 0; i >= 0; i--, k++) sum += (d.charCodeAt(i) - 48) * w[k]!;
  return sum % 11 === 0;
}

function czechAccount(v: string): boolean {
  const slash = v.indexOf('/');
  const dash = v.indexOf('-');
  const prefix = dash < 0 ? '' : v.slice(0, dash);
  const number = v.slice(dash + 1, slash);
  // The number holds at least two digits other than zero.
  if (number.replace(/0/g, '').length < 2) return false;
  return czechPart(number) && (prefix === '' || czechPart(prefix));
}

/** Hungary's check: each block of eight weighted 9, 7, 3, 1, ..., the sum a multiple of ten. */
function hungarianAccount(v: string): boolean {
  const d = v.replace(/\D/g, '');
  const block = (b: string) => {
    const w = [9, 7, 3, 1];
    let sum = 0;
    for (let i = 0; i < b.length; i++) sum += (b.charCodeAt(i) - 48) * w[i % 4]!;
    return sum % 10 === 0;
  };
  return !isTrivialDigits(d) && block(d.slice(0, 8)) && block(d.slice(8));
}
const BSB_NEAR = /\bbsb\b/;

/**
 * A French RIB's key: 97 minus (89 x bank + 15 x branch + 3 x account) mod 97, the account's
 * letters read as digits (A-I 1-9, J-R 1-9, S-Z 2-9).
 */
function ribKey(rib: string): boolean {
  const account = rib.slice(10, 21).replace(/[A-Z]/g, (c) => {
    const n = c.charCodeAt(0) - 64;
    return String(n <= 9 ? n : n <= 18 ? n - 9 : n - 17);
  });
  const sum = 89 * Number(rib.slice(0, 5)) + 15 * Number(rib.slice(5, 10)) + 3 * Number(account);
  return 97 - (sum % 97) === Number(rib.slice(21, 23));
}

/** Bank account numbers, only after an account label or as a UK sort code plus account. */
export const bankAccount: Detector = {
  id: 'bank-account',
  types: ['BANK_ACCOUNT', 'ROUTING_NUMBER'],
  prefilter: /\d{2}/,
  detect(text) {
    const out: Candidate[] = [];
    // Mexico's CLABE: eighteen digits whose last checks the others, a few words after its name
    // ("CLABE para depósito 072580716895953379"); the check makes the words between harmless.
    if (CLABE_WORD.test(text)) {
      for (const m of matchesOf(text, CLABE)) {
        if (!clabeOk(m[0]) || !CLABE_BEFORE.test(text.slice(Math.max(0, m.index - 48), m.index))) {
          continue;
        }
        out.push({
          start: m.index,
          end: m.index + 18,
          type: 'BANK_ACCOUNT',
          score: 0.9,
          reason: 'CLABE, checksum',
        });
      }
    }
    const nearBank = nearWords(text, BANK_WORDS);
    const labels = LABEL_WORDS.at(text);
    if (labels.length > 0) {
      for (const m of matchAllAt(keyView(text), LABELLED, labels, LABEL_LEAD)) {
        const label = m[1]!;
        const number = m[2]!;
        const start = m.index + m[0].length - number.length;
        const end = start + number.length;
        const digits = number.replace(/\D/g, '');
        if (isTrivialDigits(digits) || !accountDigitsOk(digits)) continue;
        // A date written with dashes is not an account number.
        if (/^\d{4}-\d\d-\d\d$|^\d\d-\d\d-\d{4}$/.test(number)) continue;
        // Only the bare word "account" is weak: it also names cloud, shop and game accounts.
        const bankish = label.toLowerCase() !== 'account';
        let score = bankish ? 0.8 : 0.45;
        let reason = 'context';
        if (nearBank.test(start, end)) score += bankish ? 0.1 : 0.3;
        else if (!bankish && PAID_INTO.test(before(text, m.index, 70))) score += 0.3;
        // What kind of account is said in its own line: "Customer account 48291300".
        if (nearInLine(text, start, end, OTHER_ACCOUNT)) {
          score -= 0.35;
          reason = 'negative context';
          // Said right before the label, it is the account's kind: "my electric acct ...".
          if (KIND_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) score = 0.3;
        }
        out.push({ start, end, type: 'BANK_ACCOUNT', score, reason });
      }
    }
    // The number given as the answer to a question in the turn before, alone on its turn: "Agent:
    // and the account number\nCX: uhh, 43958812", a call's transcript or a chat.
    for (const m of labels.length > 0 ? matchAllAt(text, ANSWERED, labels, 0) : []) {
      const number = m[1]!;
      const digits = number.replace(/\D/g, '');
      if (isTrivialDigits(digits) || !accountDigitsOk(digits)) continue;
      // (The question is a turn too, after its speaker: not a heading over a form's field.)
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      const asked = text.slice(lineStart, m.index);
      // (Nor another value asked "on the account": "the mobile number on the account?".)
      if (!TURN_START.test(asked) || ON_THE_BEFORE.test(asked)) continue;
      const end = m.index + m[0].length;
      const start = text.lastIndexOf(number, end);
      out.push({
        start,
        end: start + number.length,
        type: 'BANK_ACCOUNT',
        score: 0.85,
        reason: 'context, answer',
      });
    }
    for (const m of labels.length > 0 ? matchAllAt(text, BANK_NAMED, labels, 0) : []) {
      const digits = m[1]!.replace(/\D/g, '');
      if (isTrivialDigits(digits) || !accountDigitsOk(digits)) continue;
      const end = m.index + m[0].length;
      out.push({
        start: end - m[1]!.length,
        end,
        type: 'BANK_ACCOUNT',
        score: 0.85,
        reason: 'bank named',
      });
    }
    const named = NAME_BANK_WORDS.at(text);
    for (const m of named.length > 0 ? matchAllAt(text, NAME_BANK, named, 22) : []) {
      const digits = m[1]!.replace(/\D/g, '');
      if (isTrivialDigits(digits)) continue;
      const end = m.index + m[0].length;
      const start = end - m[1]!.length;
      out.push({ start, end, type: 'BANK_ACCOUNT', score: 0.75, reason: 'bank named' });
    }
    if (HOLDER_WORDS.test(text)) {
      for (const m of matchesOf(text, HOLDER_AFTER)) {
        const digits = m[0].replace(/\D/g, '');
        if (isTrivialDigits(digits) || digits.length > 20) continue;
        const end = m.index + m[0].length;
        out.push({ start: m.index, end, type: 'BANK_ACCOUNT', score: 0.8, reason: 'holder after' });
      }
    }
    // A column of accounts under its label, in a pasted table.
    // As after a label, a column headed only "Account" needs a bank word near it.
    for (const cell of labels.length > 0 ? cellsUnderHeaders(text, labels, LABEL_CELL) : []) {
      const { start, end } = cell;
      const number = text.slice(start, end);
      const digits = number.replace(/\D/g, '');
      if (!ACCOUNT_CELL.test(number) || isTrivialDigits(digits) || !accountDigitsOk(digits)) {
        continue;
      }
      const bankish = cell.header !== 'account';
      // A bank word beside the cell, or beside its header: "routing,account" heads a bank
      // column, "| Sort code | Account |" too.
      const banked = nearBank.test(start, end) || nearBank.test(cell.headerAt, cell.headerAt + 1);
      const score = (bankish ? 0.8 : 0.45) + (banked ? (bankish ? 0.1 : 0.3) : 0);
      out.push({ start, end, type: 'BANK_ACCOUNT', score, reason: 'column' });
    }
    for (const m of matchesOf(text, SORT_AND_ACCOUNT)) {
      const start = m.index;
      const end = start + m[0].length;
      const branch = m[1]!;
      const account = m[2]!.replace(' ', '');
      const uk = branch.length === 8;
      // (A UK account has eight digits; six to ten only after a BSB or the account's label.)
      if (isTrivialDigits(account) || (uk && account.length !== 8 && !/[a-z]/i.test(m[0]))) {
        continue;
      }
      // A bank detail only with a bank word nearby.
      const banked = near(text, start, end, uk ? SORT_NEAR : BSB_NEAR);
      if (!uk && !banked) continue;
      const score = banked ? 0.85 : 0.3;
      // Each by its own type: the branch's code, then the account.
      const reason = uk ? 'sort code' : 'BSB';
      out.push({ start, end: start + branch.length, type: 'ROUTING_NUMBER', score, reason });
      out.push({ start: end - m[2]!.length, end, type: 'BANK_ACCOUNT', score, reason });
    }
    const national = (re: RegExp, check: (v: string) => boolean, word: RegExp) => {
      for (const m of matchesOf(text, re)) {
        if (!check(m[0])) continue;
        const start = m.index;
        const line = before(text, start, LINE_BEFORE);
        if (!word.test(line.slice(line.lastIndexOf('\n') + 1))) continue;
        const end = start + m[0].length;
        out.push({ start, end, type: 'BANK_ACCOUNT', score: 0.85, reason: 'checksum, context' });
      }
    };
    if (NO_WORDS.test(text)) {
      national(NO_ACCOUNT, (v) => norwegianAccount(v.replace(/\D/g, '')), NO_WORD);
    }
    if (CZ_WORDS.test(text)) national(CZ_ACCOUNT, czechAccount, CZ_WORD);
    if (HU_WORDS.test(text)) national(HU_ACCOUNT, hungarianAccount, HU_WORD);
    const branchAt = BRANCH_WORDS.at(text);
    if (branchAt.length > 0) {
      for (const m of matchAllAt(text, BRANCH_BEFORE_ACCOUNT, branchAt, 0)) {
        const end = m.index + m[0].length;
        out.push({
          start: end - m[1]!.length,
          end,
          type: 'ROUTING_NUMBER',
          score: 0.75,
          reason: 'context',
        });
      }
    }
    if (text.includes(' ')) {
      for (const m of matchesOf(text, NRB_GROUPED)) {
        if (!polishNrb(m[0].replace(/ /g, ''))) continue;
        const end = m.index + m[0].length;
        out.push({ start: m.index, end, type: 'BANK_ACCOUNT', score: 0.75, reason: 'checksum' });
      }
    }
    for (const m of matchesOf(text, RIB)) {
      if (!ribKey(m[0].replace(/ /g, ''))) continue;
      const end = m.index + m[0].length;
      out.push({ start: m.index, end, type: 'BANK_ACCOUNT', score: 0.85, reason: 'RIB, key' });
    }
    const bik = BIK_WORDS.at(text);
    for (const m of bik.length > 0 ? matchAllAt(text, BIK, bik, 0) : []) {
      const end = m.index + m[0].length;
      out.push({ start: end - 9, end, type: 'ROUTING_NUMBER', score: 0.8, reason: 'context' });
    }
    const branchWords = SORT_CODE_WORDS.at(text);
    if (branchWords.length > 0) {
      for (const m of matchesOf(text, SORT_CODE)) {
        const end = m.index + m[0].length;
        const start = end - m[1]!.length;
        out.push({ start, end, type: 'ROUTING_NUMBER', score: 0.75, reason: 'context' });
      }
      for (const cell of cellsUnderHeaders(text, branchWords, BRANCH_CELL)) {
        if (!BRANCH_VALUE.test(text.slice(cell.start, cell.end))) continue;
        out.push({ ...cell, type: 'ROUTING_NUMBER', score: 0.75, reason: 'column' });
      }
    }
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // A bank's name ending in "Bank" before the number; a salary's account.
    { text: 'Salary account: Lanka Trust Bank 8820147735510.', value: '8820147735510' },
    { text: 'my salary went to my old account 6604418823 instead', value: '6604418823' },
    // Norwegian "kontonummeret er"; Serbian Cyrillic, Armenian, Tamil, Kannada, Malayalam,
    // Sinhala, Lao labels; a Korean account after its bank; a Japanese ordinary account.
    { text: 'og kontonummeret er 4272.11.30619. Mobil: +47 940 99 591.', value: '4272.11.30619' },
    { text: 'Текући рачун: 160-2458747753899-81\nТелефон', value: '160-2458747753899-81' },
    { text: 'Աշխատավարձային հաշիվ՝ 2470289742761596', value: '2470289742761596' },
    { text: 'கணக்கு எண்: 457966216411552\nIFSC: IOBA0837447', value: '457966216411552' },
    { text: 'ಬ್ಯಾಂಕ್ ಖಾತೆ ಸಂಖ್ಯೆ: 5259485787435', value: '5259485787435' },
    { text: 'മേരി തോമസ്, അക്കൗണ്ട് 72379995794787, IFSC', value: '72379995794787' },
    { text: 'ඔව්. ගිණුම් අංකය 741012267946', value: '741012267946' },
    { text: 'ສົມພອນ, ເລກບັນຊີ 010-12-00-58017834-001', value: '010-12-00-58017834-001' },
    { text: '급여 계좌: 신한은행 110-745-028878\n접수자', value: '110-745-028878' },
    { text: '振込先：みずほ銀行 渋谷支店 普通 7825515', value: '7825515' },
    // Russian, Thai, Arabic, Hebrew and Korean labels.
    {
      text: 'Получатель: Фёдорова Марина Игоревна\nНомер счёта: 40817810938041172659\nБанк',
      value: '40817810938041172659',
    },
    { text: 'ธนาคารกสิกรไทย เลขที่บัญชี 034-8-51927-6\nยอดโอน', value: '034-8-51927-6' },
    { text: 'رقم الحساب: 0108095123456\nالبنك', value: '0108095123456' },
    { text: 'מספר חשבון: 12-654-319872', value: '12-654-319872' },
    { text: '계좌번호: 110-234-567890', value: '110-234-567890' },
    // Russia's bank code (БИК), a routing number.
    { text: 'Банк получателя: ПАО «Банк Восход», БИК 044525974\nИНН', value: '044525974' },
    {
      text: 'Monterrey, N.L., CLABE para depósito 072580716895953379. Monto',
      value: '072580716895953379',
    },
    { text: 'Home care twice a week. Payments to account 61771762. Contact us', value: '61771762' },
    {
      text: 'reintegro a mi cuenta: CBU 0070413128795016379049, alias nube',
      value: '0070413128795016379049',
    },
    { text: 'chuyển 850.000₫ vào STK 0071001234567 Vietcombank', value: '0071001234567' },
    // A Polish account (NRB) after its label or alone, grouped as banks print it; an account
    // in a form aligned with blanks.
    {
      text: 'Proszę o zwrot na konto:\n40 5260 1815 9083 0166 1318 6091\n(odbiorca: K.)',
      value: '40 5260 1815 9083 0166 1318 6091',
    },
    {
      text: 'zwrot: 40 5260 1815 9083 0166 1318 6091, dziękuję',
      value: '40 5260 1815 9083 0166 1318 6091',
    },
    {
      text: 'Przelew na rachunek 40526018159083016613186091 do piątku',
      value: '40526018159083016613186091',
    },
    { text: 'Checking #:           773855495\nRouting:              xx', value: '773855495' },
    // A column headed "account" beside a bank column's header; a Canadian payout block.
    {
      text: 'customer_id,name,routing,account,balance\nC-1,Ann Roe,021000021,5975693131,$52.61',
      value: '5975693131',
    },
    { text: 'Payout:\n  Transit: 94996\n  Institution: 001\n  Account: 0185682', value: '0185682' },
    // Branch codes after their labels (an Australian BSB, a Canadian transit and institution
    // number, an Indian IFSC), and under an IFSC column.
    { text: 'BSB : 484-241\nAccount number : 91214890', value: '484-241' },
    { text: 'Transit-Institution no.:\t62647-003\nAccount no.:\t9806330', value: '62647-003' },
    {
      text: 'Bank: Axis Bank    A/c No.: 6038300674937649    IFSC: CNRB0731193',
      value: 'CNRB0731193',
    },
    { text: 'खाता संख्या: 50100042827032\nIFSC कोड: HDFC0004821\nबैंक', value: 'HDFC0004821' },
    {
      text: 'emp,name,account_no,ifsc\nE-1,Segun Okafor,7176682812051,UTIB0614913',
      value: 'UTIB0614913',
    },
    // The routing number's abbreviation is a bank word; a phone in the line does not sink it.
    {
      text: 'direct dep info over the phone: rtn 064375205 acct 121665307765.',
      value: '121665307765',
    },
    { text: 'Name,Account number,Sort code\nAnn Roe,48213377,12-34-56', value: '48213377' },
    { text: '{"bank_account_number": "004821337795"}', value: '004821337795' },
    { text: '<accountNumber>48213377</accountNumber>', value: '48213377' },
    { text: "array('id' => 7, 'account_number' => '48213377')", value: '48213377' },
    { text: '<input type="text" name="account_number" value="48213377">', value: '48213377' },
    // Twenty digits: a Russian account.
    { text: 'Bank account number: 40817810099910004312', value: '40817810099910004312' },
    { text: 'Account number: 48213907', value: '48213907' },
    // The bare word, beside what happens to a bank account's money.
    { text: 'Your account 45601238 has been credited with $500.', value: '45601238' },
    { text: 'please send it to acct # 000482913377', value: '000482913377' },
    { text: 'Sort code 20-45-77, a/c no. 41825930', value: '41825930' },
    {
      text: 'Payee: J. Smith, 20-45-77 41825930 (sort code and account)',
      value: '41825930',
    },
    { text: 'Kontonummer: 0532013000', value: '0532013000' },
    {
      text: 'Sykmeldt fra 23.08.2026. Konto: 6201.23.27833. E-post på fil',
      value: '6201.23.27833',
    },
    { text: 'Bank: CommBank  BSB 012-658  Acc 7413 2475\nTreating GP: n/a', value: '7413 2475' },
    { text: '銀行名：三菱UFJ銀行\n口座種別：普通\n口座番号：1098689', value: '1098689' },
    { text: 'please pay to: Barclays, sort 20-58-93, acc 32991439', value: '32991439' },
    { text: 'BSB 062-353   Acc 545940127\nStatement period: June', value: '545940127' },
    {
      text: 'wrong BSB on the form, correct one is 083-006 and account 33162474',
      value: '083-006',
    },
    { text: 'Bradesco ag. 6476 c/c 124102-7', value: '124102-7' },
    { text: 'Agência 4673 – Conta corrente 1902574-3', value: '4673' },
    { text: 'Utbetalning: clearing 5214, konto 505 845 092-4', value: '5214' },
    { text: 'NemKonto: reg.nr. 2191 kontonr. 7072608293', value: '2191' },
    {
      text: 'Merci de recréditer mon compte (RIB : 30004 59093 58628848931 45).',
      value: '30004 59093 58628848931 45',
    },
    { text: 'numéro de compte 00012345678 à la banque', value: '00012345678' },
    { text: 'Número de cuenta: 0049 1500 0512 3456', value: '0049 1500 0512 3456' },
    { text: 'my checking account 4829130051 at the bank', value: '4829130051' },
    // The number answering the turn before, in a call's transcript.
    { text: 'Agent: and the account number?\nCX: uhh, 58270146\nAgent: lovely', value: '58270146' },
    // Account kinds before their numbers, and a Swedish compound of "konto".
    { text: 'Accounts: checking 1604743309, savings 9670289555', value: '9670289555' },
    { text: 'Privatkonto 745 589 240-8 (clearing 8749-3)', value: '745 589 240-8' },
    { text: 'sort code: 20-45-77', value: '20-45-77' },
    { text: 'TD Canada Trust - transit/institution 97387-004, acct 8944766', value: '97387-004' },
    { text: 'new Barclays, s/c 209961, a/c 16981893', value: '209961' },
    { text: 'Repayments from Sort code 07 24 30 Account number 80638979.', value: '07 24 30' },
    // Money paid into an account named by the bare word.
    {
      text: 'Payment is to be made to her account 62849173502 at FNB. The broker, P. van der Berg',
      value: '62849173502',
    },
    // Norway's, the Czech Republic's and Hungary's formats, with their checks, after a word of
    // their own language.
    { text: 'Kontonummer for lønn: 1206.11.24436\nE-post: h@online.no', value: '1206.11.24436' },
    { text: 'Číslo účtu: 19-2769042903/0800\nE-mail: petr@seznam.cz', value: '19-2769042903/0800' },
    { text: 'Bankovní spojení: 2769042903/0800', value: '2769042903/0800' },
    {
      text: 'Bankszámlaszám: 69180648-69010095\nE-mail: nagy@freemail.hu',
      value: '69180648-69010095',
    },
    { text: 'Számlaszámom: 11773016-11111018-00000000', value: '11773016-11111018-00000000' },
    { text: 'Kérem, a számlámra: 11773016-11111018', value: '11773016-11111018' },
    // A user in the next line says nothing of this account.
    {
      text: 'Wire it to account 31926819, sort code 20-20-15.\nThe user logged in from home.',
      value: '31926819',
    },
    // A bank's name between label and number; the holder's name after it ("a.n."); the
    // labels of Malay, Afrikaans, Vietnamese, Turkish, Croatian; a South African branch code.
    {
      text: 'tolong ditransfer ke rekening BCA 5271098433 a.n. Wahyu Hidayat',
      value: '5271098433',
    },
    {
      text: 'kalo ga bisa ke Mandiri aja 137-00-1628845-9 a.n. istri saya',
      value: '137-00-1628845-9',
    },
    {
      text: 'akan dikreditkan ke akaun Maybank 1640 2287 5513 dalam 7-14 hari',
      value: '1640 2287 5513',
    },
    {
      text: 'hoàn tiền vào tài khoản Vietcombank số 0071000482931, chủ tài khoản',
      value: '0071000482931',
    },
    { text: 'Takkode: 117988\nRekeningnommer: 0810359771\nSelfoon', value: '0810359771' },
    { text: 'Takkode: 117988\nRekeningnommer: 0810359771\nSelfoon', value: '117988' },
    {
      text: 'Debit order bank: Ubuntu Mutual, acc no 62841093751, branch code 470011',
      value: '470011',
    },
    { text: 'Hesap No: 61234587 (Ziraat Bankası)', value: '61234587' },
    { text: 'Broj žiro računa: 2340009-1110012345', value: '2340009-1110012345' },
  ],
  noMatch: [
    // Another value asked for "on the account"; a heading over a form's field.
    'Agent: whats the mobile number on the account?\nCustomer: 0433 918 204',
    'Order account number\nStatus: 202401',
    // An amount after "savings"; a row of routing and account numbers under "Checking".
    'Total savings 15000000.50 this year',
    // Another word between label and number; "broj računa" as an invoice's number; a utility's
    // account; a branch code's name after the label.
    'Account holder 48213377 called twice',
    '(PDV uključen). Broj računa: 55120-1-1.',
    'please set up autopay for my electric acct 3301-7720-18.',
    // A counter's reading is no account ("счётчик" holds "счёт").
    'Показания счётчика 4471209 на 01.03.2024',
    'БИК 123456789',
    // A wrong check digit after the words between.
    'CLABE para depósito 072580716895953378.',
    // Twenty-six digits whose Polish check digits fail.
    'zwrot: 40 5260 1815 9083 0166 1318 6092, dziękuję',
    'konto 40526018159083016613186092',
    // "Account" heading a column of a table with no bank word in it.
    '| Customer | Account | Plan |\n|---|---|---|\n| Ann Roe | 48213377 | Pro |',
    'Name,Account,Plan\nAnn Roe,48213377,pro',
    '12345678',
    'Your AWS account 123456789012 has a new bill',
    'account created on 2024-01-15',
    'Customer account 48291300 has 3 open tickets',
    'account ending in 4821',
    'Account number: 123456',
    'We spoke on 20-45-77 about 41825930 units',
    'Call 083-006 and 33162474 for help',
    'Ref 30004 59093 58628848931 46',
    'Our accounting team closed 48291300 items',
    'Bank transfer done.\nCustomer account 48291300 has 3 open tickets',
    // The checks fail, or no word of the language names an account (a Czech law's number, a
    // KID payment reference, an order).
    'Kontonummer for lønn: 1206.11.24437',
    'Číslo účtu: 19-2769042904/0800',
    'podle zákona č. 89/2012 Sb. a vyhlášky 19-2769042903/0800',
    'KID: 1206.11.24436',
    'Rendelésszám: 69180648-69010095',
    'Bankszámlaszám: 69180648-69010096',
    'Számla sorszáma: 69180648-69010095',
    'The invoice was paid to my account 62849173502 in the shop',
  ],
};
