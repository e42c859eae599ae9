/**
 * Postcode shapes, tried at one position of the text (sticky regexes), and the UK postcode
 * validation. Every pattern is a fixed-length shape, so each try costs a bounded number of steps.
 */

/** UK postcode areas: the letters before the first digit of a valid UK postcode. */
const UK_AREAS = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD ' +
    'LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG ' +
    'SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

// Outward code (area letters, district digit, optional digit or letter), then the inward code:
// a digit and two letters from the set Royal Mail uses (never C, I, K, M, O or V).
const UK_SHAPE = /([A-Z]{1,2})(\d[A-Z\d]?) ?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/y;

/** Whether `c` is the code of an ASCII letter or digit (false for NaN, before the text). */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Length of a valid UK postcode starting at `pos`, or 0. */
export function ukPostcodeAt(text: string, pos: number): number {
  // Every UK postcode starts with a capital letter.
  const c = text.charCodeAt(pos);
  if (!(c >= 65 && c <= 90)) return 0;
  if (isAsciiAlnum(text.charCodeAt(pos - 1))) return 0;
  UK_SHAPE.lastIndex = pos;
  const m = UK_SHAPE.exec(text);
  if (!m || !UK_AREAS.has(m[1]!)) return 0;
  return m[0].length;
}

// Other countries' shapes, longest first so "12345-6789" is not cut to "12345". Each is a
// fixed shape: US ZIP+4, Brazil CEP, Portugal, Japan, Poland, Canada, Ireland's Eircode ("D02
// XY45"), Netherlands, Sweden,
// Czechia, Slovakia and Greece ("123 45"), six digits (Russia, Ukraine's old codes, India,
// China, Singapore), then plain 5 and 4 digits with an optional country prefix ("D-10115",
// "CH-8001", "A-1010", "F-75002", "L-1234").
const OTHER_SHAPES =
  /(?:(?:[A-Z]{1,2}-)?\d{5}-\d{4}|\d{5}-\d{3}|\d{4}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3}|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d|(?:[ACDEFHKNPRTVWXY]\d\d|D6W) ?[0-9ACDEFHKNPRTVWXY]{4}(?![A-Za-z0-9])|\d{4} ?[A-Z]{2}(?![A-Za-z])|\d{3} \d{2}(?!\d)|\d{6}|(?:[A-Z]{1,2}-)?\d{4,5})(?![A-Za-z0-9-])/y;

/** Length of a postcode of any supported country starting at `pos`, or 0. */
export function postcodeAt(text: string, pos: number): number {
  // Every shape starts with a digit or a capital letter: most words are ruled out here.
  const c = text.charCodeAt(pos);
  if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return 0;
  if (pos > 0) {
    const b = text.charCodeAt(pos - 1);
    if (b < 128 ? isAsciiAlnum(b) : /[\p{L}\p{N}]/u.test(text[pos - 1]!)) return 0;
  }
  const uk = ukPostcodeAt(text, pos);
  if (uk > 0) return uk;
  OTHER_SHAPES.lastIndex = pos;
  const m = OTHER_SHAPES.exec(text);
  if (!m) return 0;
  // A digit group after a space continues a phone number ("416 60 039"), not a postcode.
  const end = pos + m[0].length;
  const d = text.charCodeAt(end + 1);
  if (text.charCodeAt(end) === 32 && d >= 48 && d <= 57) return 0;
  return m[0].length;
}

/** A whole-token UK postcode written with its space ("SW1A 2AA"), at one position (sticky). */
export const UK_POSTCODE_SPACED =
  /(?<![A-Za-z0-9])([A-Z]{1,2})(\d[A-Z\d]?) \d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/y;

/** Whether `area` is a UK postcode area. */
export function isUkArea(area: string): boolean {
  return UK_AREAS.has(area);
}

/** A whole-token Canadian postal code ("K1A 0B1"), at one position (sticky). */
export const CA_POSTCODE =
  /(?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9])/y;
