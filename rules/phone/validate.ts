/**
 * Phone number validation against libphonenumber's number plans, without the library's code.
 *
 * Why not call libphonenumber-js: the engine without the name pass must fit in 60 KB gzipped,
 * and the library's parsing and formatting code took about 10 KB of that on top of the plans
 * themselves, for the one question the phone detector asks: "is this number valid in this plan?"
 * This file answers exactly that question the way libphonenumber-js 1.x's
 * `parsePhoneNumberFromString(text, country?, metadata)?.isValid()` does, step for step (calling
 * code, IDD prefix, national prefix for parsing and its transform rule, possible lengths, the
 * country behind a shared calling code, number types where the plan has them), on the inputs the
 * detector gives it: an optional "+", digits and the separators space . - / ( ). The plans
 * still come from libphonenumber-js (scripts/build-phone-metadata.mjs writes the fields read
 * here, one country a line: rules/phone/metadata.ts), and rules/phone/validate.test.ts compares
 * every answer with the library's on the corpus's candidates and on generated numbers for every
 * shipped country, so the two cannot drift apart.
 */

/** What parsing found: nothing usable, or a number in a known plan that is valid or not. */
export type PhoneVerdict = 'valid' | 'invalid' | undefined;

/** One number type of a plan: its pattern and possible lengths. */
export interface NumberType {
  pattern: string;
  lengths: number[];
}

/** One country's number plan as shipped. Absent fields are empty strings. */
export interface PlanFields {
  /** The calling code, without "+". */
  code: string;
  /** The international (IDD) prefix, a pattern: "00", "011", "0(?:0|1[3-9]\d)". */
  idd: string;
  /** The national number pattern. */
  national: string;
  lengths: number[];
  /** The national prefix for parsing (the trunk "0", carrier codes), a pattern. */
  prefix: string;
  /** Its transform rule ("$2"), applied when the prefix pattern has groups. */
  transform: string;
  /**
   * Leading digits that pick this country among those sharing its calling code (shipped only
   * where the code is shared with another shipped country).
   */
  leading: string;
  /**
   * Fixed line, mobile, toll free, premium rate, personal, voicemail, UAN, pager, VoIP and
   * shared cost, null where the plan has no such type; empty when the plan has no types.
   */
  types: (NumberType | null)[];
}

/** A list of numbers with ranges, as the plans write them: "4,6-9" -> [4, 6, 7, 8, 9]. */
export function numbersOf(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(',')) {
    const [from, to = from] = part.split('-').map(Number);
    for (let n = from!; n <= to!; n++) out.push(n);
  }
  return out;
}

/** The plans written by scripts/build-phone-metadata.mjs (its PHONE_PLANS), by country. */
export function readPlans(source: string): Map<string, PlanFields> {
  const plans = new Map<string, PlanFields>();
  for (const line of source.split('\n')) {
    const [country = '', code = '', idd = '', national = '', lengthList = '', ...rest] = line
      .split(' ')
      .map((f) => (f === '-' ? '' : f));
    const lengths = numbersOf(lengthList);
    const types: (NumberType | null)[] = [];
    for (let i = 3; i < rest.length; i += 2) {
      const pattern = rest[i];
      const own = rest[i + 1];
      types.push(pattern ? { pattern, lengths: own ? numbersOf(own) : lengths } : null);
    }
    plans.set(country, {
      code,
      idd,
      national,
      lengths,
      prefix: rest[0] ?? '',
      transform: rest[1] ?? '',
      leading: rest[2] ?? '',
      types,
    });
  }
  return plans;
}

/** One country's plan with its patterns compiled once. */
interface Plan {
  code: string;
  idd: RegExp;
  national: RegExp;
  lengths: number[];
  prefix: RegExp | null;
  transform: string;
  leading: RegExp | null;
  /** Types in libphonenumber's order, or null when the plan has none. */
  types: ({ pattern: RegExp; lengths: number[] } | null)[] | null;
}

const whole = (source: string): RegExp => new RegExp(`^(?:${source})$`);
const start = (source: string): RegExp => new RegExp(`^(?:${source})`);

function compile(f: PlanFields): Plan {
  return {
    code: f.code,
    idd: start(f.idd),
    national: whole(f.national),
    lengths: f.lengths,
    prefix: f.prefix ? start(f.prefix) : null,
    transform: f.transform,
    leading: f.leading ? start(f.leading) : null,
    types:
      f.types.length > 0
        ? f.types.map((t) => t && { pattern: whole(t.pattern), lengths: t.lengths })
        : null,
  };
}

/** A set of number plans, compiled lazily (most scans meet a handful of countries). */
export class PhonePlans {
  readonly #fields: Map<string, PlanFields>;
  /** The countries of each calling code, main country first. */
  readonly #countries = new Map<string, string[]>();
  readonly #plans = new Map<string, Plan>();

  /** `source`: the plans as scripts/build-phone-metadata.mjs writes them (PHONE_PLANS). */
  constructor(source: string) {
    this.#fields = readPlans(source);
    for (const [country, { code }] of this.#fields) {
      const list = this.#countries.get(code);
      if (list) list.push(country);
      else this.#countries.set(code, [country]);
    }
  }

  /** The plan of `country`, or undefined when it is not shipped. */
  plan(country: string): Plan | undefined {
    let p = this.#plans.get(country);
    if (!p) {
      const fields = this.#fields.get(country);
      if (!fields) return undefined;
      p = compile(fields);
      this.#plans.set(country, p);
    }
    return p;
  }

  /** The countries sharing a calling code, main country first; undefined when unknown. */
  countries(code: string): readonly string[] | undefined {
    return this.#countries.get(code);
  }

  /**
   * libphonenumber-js's `parsePhoneNumberFromString(text, country, metadata)`, reduced to its
   * verdict: undefined where the library returns no number, else whether `isValid()` holds.
   */
  verdict(text: string, country?: string): PhoneVerdict {
    const number = numberOf(text);
    return number === undefined
      ? undefined
      : this.#verdict(number, country !== undefined && this.plan(country) ? country : undefined);
  }

  /**
   * Whether `text` is valid in the plan of one of `countries`: `verdict(text, c) === 'valid'`
   * for some c, with the text read once rather than once a country.
   */
  validIn(text: string, countries: readonly string[]): boolean {
    const number = numberOf(text);
    if (number === undefined) return false;
    for (const c of countries) {
      if (this.#verdict(number, this.plan(c) ? c : undefined) === 'valid') return true;
    }
    return false;
  }

  /**
   * libphonenumber-js's `isPossible()` for an international number ("+" and digits): its
   * calling code is known and its national number has a length its plan allows, whatever the
   * digits. False where `verdict` gives undefined.
   */
  possible(text: string): boolean {
    const number = numberOf(text);
    if (number === undefined || number[0] !== '+') return false;
    const read = this.#read(number, undefined);
    return read !== undefined && lengthCheck(read[0], read[1].lengths) === 0;
  }

  /** The verdict on a "+" and digits (parseIncompletePhoneNumber's output) in a known country. */
  #verdict(number: string, country: string | undefined): PhoneVerdict {
    const read = this.#read(number, country);
    if (read === undefined) return undefined;
    return isValidIn(read[0], read[1]) ? 'valid' : 'invalid';
  }

  /**
   * The national number of a "+" and digits (or digits in a known country) and the plan it is
   * judged in; undefined where the library finds no number.
   */
  #read(number: string, country: string | undefined): [string, Plan] | undefined {
    // The calling code: from a "+", from the default country's IDD prefix ("00", "011"), or
    // from the default country's own code written without "+".
    let code: string | undefined;
    let rest: string | undefined;
    if (number[0] !== '+') {
      const withoutIdd = country === undefined ? undefined : this.#stripIdd(number, country);
      if (withoutIdd !== undefined && withoutIdd !== number) {
        [code, rest] = this.#codeAfterPlus('+' + withoutIdd);
      } else {
        rest = number;
        if (country !== undefined) {
          const shorter = this.#codeWithoutPlus(number, country);
          if (shorter !== undefined) [code, rest] = [this.plan(country)!.code, shorter];
        }
      }
    } else {
      [code, rest] = this.#codeAfterPlus(number);
    }

    let plan: Plan | undefined;
    let selected: string | undefined;
    if (code !== undefined) {
      plan = this.plan(this.countries(code)![0]!);
    } else if (rest && country !== undefined) {
      selected = country;
      plan = this.plan(country);
      code = plan!.code;
    } else {
      return undefined;
    }
    if (!plan || !rest) return undefined;

    const national = this.#nationalNumber(rest, plan);
    const exact = this.#countryFor(code, national);
    if (exact !== undefined) {
      selected = exact;
      plan = this.plan(exact)!;
    }
    if (national.length < 2 || national.length > 17) return undefined;
    // isValid(): the plan of the country if one was found, else the calling code's main plan.
    return [national, selected !== undefined ? this.plan(selected)! : plan];
  }

  /** stripIddPrefix: the number after the country's international prefix, if it starts so. */
  #stripIdd(number: string, country: string): string | undefined {
    const plan = this.plan(country)!;
    const m = plan.idd.exec(number);
    if (!m) return undefined;
    // `number` holds digits only here, so the first character is the first digit.
    const after = number.slice(m[0].length);
    return after[0] === '0' ? undefined : after;
  }

  /** The calling code after a "+" (1 to 3 digits, shortest known first) and what follows. */
  #codeAfterPlus(number: string): [string | undefined, string | undefined] {
    if (number[1] === '0') return [undefined, undefined];
    for (let i = 2; i - 1 <= 3 && i <= number.length; i++) {
      const code = number.slice(1, i);
      if (this.countries(code)) return [code, number.slice(i)];
    }
    return [undefined, undefined];
  }

  /**
   * extractCountryCallingCodeFromInternationalNumberWithoutPlusSign: "49 30 1234567" with
   * default DE is read as +49 when the number only makes sense that way.
   */
  #codeWithoutPlus(number: string, country: string): string | undefined {
    const plan = this.plan(country)!;
    if (!number.startsWith(plan.code)) return undefined;
    const shorter = number.slice(plan.code.length);
    const shorterNational = this.#nationalNumber(shorter, plan);
    const national = this.#nationalNumber(number, plan);
    if (
      (!plan.national.test(national) && plan.national.test(shorterNational)) ||
      lengthCheck(national, plan.lengths) === TOO_LONG
    ) {
      return shorter;
    }
    return undefined;
  }

  /** extractNationalNumber: the national prefix (trunk "0", carrier codes) taken off if it fits. */
  #nationalNumber(number: string, plan: Plan): string {
    if (!plan.prefix) return number;
    const m = plan.prefix.exec(number);
    if (!m) return number;
    const groups = m.length - 1;
    const hasGroups = groups > 0 && Boolean(m[groups]);
    const national =
      plan.transform && hasGroups
        ? number.replace(plan.prefix, plan.transform)
        : number.slice(m[0].length);
    if (national === number) return number;
    // Taking the prefix off must not turn a valid number into an invalid one.
    if (plan.national.test(number) && !plan.national.test(national)) return number;
    if (plan.lengths.length > 0) {
      const country = this.#countryFor(plan.code, national);
      const lengths = country !== undefined ? this.plan(country)!.lengths : plan.lengths;
      const check = lengthCheck(national, lengths);
      if (check === TOO_SHORT || check === INVALID_LENGTH) return number;
    }
    return national;
  }

  /** getCountryByCallingCode: which country of a shared calling code a number belongs to. */
  #countryFor(code: string, national: string): string | undefined {
    const list = this.countries(code);
    if (!list) return undefined;
    if (list.length === 1) return list[0];
    for (const country of list) {
      const plan = this.plan(country)!;
      if (plan.leading) {
        if (national && plan.leading.test(national)) return country;
      } else if (numberType(national, plan)) {
        return country;
      }
    }
    return undefined;
  }
}

// libphonenumber's character classes, reduced to the ASCII inputs the detector produces (it
// normalises full-width digits and dashes before this point).
const START = /[+\d]/;
const TRAILING = /[^\d#]+$/;
const VIABLE = /^\d{2}$|^\+?(?:[-/. ()[\]~]*\d){3,}[-/. ()[\]~\d]*$/;

/** The "+" and digits libphonenumber parses from `text`, or undefined where it finds no number. */
function numberOf(text: string): string | undefined {
  if (text.length > 250) return undefined;
  const formatted = extractFormatted(text);
  return formatted === undefined || !viable(formatted) ? undefined : plusAndDigits(formatted);
}

/** The number from its first "+" or digit, without trailing non-digits. */
function extractFormatted(text: string): string | undefined {
  if (!text) return undefined;
  const at = text.search(START);
  if (at < 0) return undefined;
  return text.slice(at).replace(TRAILING, '');
}

function viable(number: string): boolean {
  return number.length >= 2 && VIABLE.test(number);
}

/** parseIncompletePhoneNumber: a leading "+" and the digits. */
function plusAndDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '+') {
      if (!out) out = '+';
    } else if (ch >= '0' && ch <= '9') {
      out += ch;
    }
  }
  return out;
}

// checkNumberLengthForType's answers that matter here (IS_POSSIBLE is 0).
const TOO_SHORT = 1;
const TOO_LONG = 2;
const INVALID_LENGTH = 3;

function lengthCheck(national: string, lengths: readonly number[]): number {
  const n = national.length;
  const min = lengths[0]!;
  if (min === n) return 0;
  if (min > n) return TOO_SHORT;
  if (lengths[lengths.length - 1]! < n) return TOO_LONG;
  return lengths.indexOf(n, 1) >= 0 ? 0 : INVALID_LENGTH;
}

/**
 * getNumberType, reduced to "has a type": whether the national number fits the plan and one of
 * its types (in lengths and pattern). libphonenumber tries the types in a fixed order to name
 * the type; which one matches does not change the answer, so they are tried in plan order.
 */
function numberType(national: string, plan: Plan): boolean {
  if (!plan.types || !plan.national.test(national)) return false;
  for (const t of plan.types) {
    if (t && t.lengths.indexOf(national.length) >= 0 && t.pattern.test(national)) return true;
  }
  return false;
}

function isValidIn(national: string, plan: Plan): boolean {
  return plan.types ? numberType(national, plan) : plan.national.test(national);
}
