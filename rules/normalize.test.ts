import { describe, expect, it } from 'vitest';
import { normalise, toOriginalSpan } from './normalize.ts';
import { scanWith } from './engine.ts';
import { email } from './detectors/email.ts';

/** Each of `texts` normalises to itself. */
function expectUnchanged(texts: readonly string[]): void {
  for (const text of texts) expect(normalise(text).text, text).toBe(text);
}

describe('normalise', () => {
  it('leaves plain ASCII alone without copying', () => {
    const n = normalise('plain text 123');
    expect(n.text).toBe('plain text 123');
    expect(n.starts).toBeNull();
  });

  it('leaves accented European, Greek and Cyrillic text alone without maps', () => {
    const n = normalise('Müller, café, Łódź, naïve, Ærøskøbing, Παφος, Москва');
    expect(n.starts).toBeNull();
  });

  it('folds full-width digits, zero-width characters, soft hyphens and dashes', () => {
    const input = '４５３９\u200b１４８８\u00ad–0343';
    const n = normalise(input);
    expect(n.text).toBe('45391488-0343');
    // The whole normalised text maps back to the whole original.
    expect(toOriginalSpan(n, 0, n.text.length)).toEqual([0, input.length]);
    // "1488" starts after the zero-width space in the original.
    expect(toOriginalSpan(n, 4, 8)).toEqual([5, 9]);
  });

  it('folds Arabic-Indic, Persian, Devanagari, Bengali and Thai digits to ASCII, one for one', () => {
    const input = 'موبايل ٠١٠٠١٢٣٤٥٦٧ / ۰۹۱۲ / मोबाइल ९८१२३४५६७० / ๑๒๓';
    const n = normalise(input);
    expect(n.text).toBe('موبايل 01001234567 / 0912 / मोबाइल 9812345670 / 123');
    expect(toOriginalSpan(n, 7, 18)).toEqual([7, 18]);
  });

  it('folds look-alike letters only inside words that mix scripts', () => {
    expect(normalise('jаne@mail.test').text).toBe('jane@mail.test'); // Cyrillic а
    expect(normalise('Москва и Παφος').text).toBe('Москва и Παφος');
  });

  it('maps expansions (ligatures) back to one original character', () => {
    const input = 'of\ufb01ce x@y.io';
    const n = normalise(input);
    expect(n.text).toBe('office x@y.io');
    expect(toOriginalSpan(n, 7, 13)).toEqual([6, 12]);
  });

  it('reads formatting tags without attributes as nothing, a line break or a tab', () => {
    const input = '<p>My name is <b>Ana Roe</b></p><table><tr><td>Tel</td><td>x</td></tr>';
    const n = normalise(input);
    expect(n.text).toBe('\nMy name is Ana Roe\n\n\n\tTel\tx\n');
    const at = n.text.indexOf('Ana Roe');
    expect(input.slice(...toOriginalSpan(n, at, at + 7))).toBe('Ana Roe');
    // Tags with attributes and code's type arguments are left as written.
    expectUnchanged([
      '<a href="mailto:ana@roe.test">Ana</a> wrote',
      'List<String> xs = new ArrayList<>(); if (a < b && c > d) {}',
    ]);
  });

  it('keeps astral characters intact in the offsets', () => {
    const input = '😀 mail: ｊｏｅ@ｍａｉｌ.ｃｏｍ';
    const found = scanWith([email], input);
    expect(found).toHaveLength(1);
    expect(input.slice(found[0]!.start, found[0]!.end)).toBe('ｊｏｅ@ｍａｉｌ.ｃｏｍ');
  });
});

describe('normalise offset maps', () => {
  // A per-character reference: the maps as the one-code-point-at-a-time definition gives them.
  function reference(input: string): { text: string; starts: number[]; ends: number[] } {
    const n = normalise(input);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < n.text.length; i++) {
      starts.push(n.starts ? n.starts[i]! : i);
      ends.push(n.ends ? n.ends[i]! : i + 1);
    }
    return { text: n.text, starts, ends };
  }

  it('maps every span the same way as the per-character arrays', () => {
    const pieces = [
      'plain ',
      '–',
      '\u200b',
      '４',
      '\ufb01',
      '😀',
      'é',
      'аb',
      'µ',
      '\ud800',
      'x',
      ' dateOfBirth: ',
      '"nhsNo":',
    ];
    let seed = 3;
    // A 32-bit linear congruential generator: fixed inputs, no flaky runs.
    const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
    for (let round = 0; round < 120; round++) {
      let input = '';
      for (let k = rnd(12); k >= 0; k--) input += pieces[rnd(pieces.length)];
      const n = normalise(input);
      const ref = reference(input);
      for (let a = 0; a <= n.text.length + 1; a++) {
        for (let b = a; b <= n.text.length + 1; b++) {
          const len = ref.starts.length;
          const want: [number, number] =
            n.starts === null
              ? [a, b]
              : len === 0
                ? [0, 0]
                : (() => {
                    const s = a < len ? ref.starts[a]! : ref.ends[len - 1]!;
                    const e = b > 0 ? ref.ends[Math.min(b, len) - 1]! : s;
                    return [s, Math.max(s, e)];
                  })();
          expect(toOriginalSpan(n, a, b)).toEqual(want);
        }
      }
    }
  });

  it('folds after a long plain run and keeps its maps', () => {
    const input = 'a'.repeat(5000) + '–1234';
    const n = normalise(input);
    expect(n.text).toBe('a'.repeat(5000) + '-1234');
    expect(n.starts).toHaveLength(n.text.length);
    expect(toOriginalSpan(n, 5000, 5005)).toEqual([5000, 5005]);
  });

  it('folds look-alikes that a compatibility fold produced', () => {
    // "µ" (micro sign) folds to Greek "μ"; beside Latin letters it is then a look-alike.
    expect(normalise('\u00b5x').text).toBe(normalise('\u03bcx').text);
    // Text with nothing to fold but Greek and Latin in one word still gets identity maps.
    const n = normalise('jаne');
    expect(n.text).toBe('jane');
    expect(Array.from(n.starts!)).toEqual([0, 1, 2, 3]);
  });

  it('leaves lone surrogates and C1 controls as they are', () => {
    const input = 'x\ud800y\u0085z';
    expect(normalise(input).text).toBe(input);
    expect(normalise(input).starts).toBeNull();
  });
});

describe('normalise: camelCase keys', () => {
  it('reads a key before its value as its words, and maps the value back', () => {
    const input = '{"dateOfBirth": "1984-03-12", "clientIPAddress": "81.2.69.160"}';
    const n = normalise(input);
    expect(n.text).toBe('{"date of birth": "1984-03-12", "client ip address": "81.2.69.160"}');
    const at = n.text.indexOf('1984');
    expect(toOriginalSpan(n, at, at + 10)).toEqual([
      input.indexOf('1984'),
      input.indexOf('1984') + 10,
    ]);
    // A span over the key's words maps to the whole key.
    expect(toOriginalSpan(n, 2, 6)).toEqual([2, 13]);
    expect(normalise('phoneNumber=4155552671&passportNo=X').text).toBe(
      'phone number=4155552671&passport no=X',
    );
    expect(normalise('nhsNumber:  943').text).toBe('nhs number:  943');
    // PascalCase only where it is plainly a key: quoted, before "=", or glued to its value.
    expect(normalise('{"DateOfBirth": "x"} CardNumber:"4" SortCode=1').text).toBe(
      '{"date of birth": "x"} card number:"4" sort code=1',
    );
    expect(normalise('McDonald: hi, DeShawn: yes').text).toBe('McDonald: hi, DeShawn: yes');
    expect(normalise('<medicalRecordNumber>123</medicalRecordNumber>').text).toBe(
      '<medical record number>123</medicalRecordNumber>',
    );
  });

  it("reads a camelCase table header's cells as words, not a prose line's", () => {
    expect(normalise('fullName,dateOfBirth,ssn\nAnn Roe,1984-03-12,1').text).toBe(
      'full name,date of birth,ssn\nAnn Roe,1984-03-12,1',
    );
    expect(normalise('| fullName | dateOfBirth |\n|---|---|').text).toBe(
      '| full name | date of birth |\n|---|---|',
    );
    expect(normalise('see dateOfBirth, then call').text).toBe('see dateOfBirth, then call');
    expect(normalise('passportNo,2024\n1,2').text).toBe('passportNo,2024\n1,2');
    // After a line of prose, and not under a row of the same table.
    expect(normalise('Here is the export, as asked:\nfullName,dateOfBirth,ssn').text).toBe(
      'Here is the export, as asked:\nfull name,date of birth,ssn',
    );
    expect(normalise('| Field | Value |\n|---|---|\n| password | nLFPlVASJXGJCe |').text).toBe(
      '| Field | Value |\n|---|---|\n| password : nLFPlVASJXGJCe |',
    );
  });

  it('leaves code, URLs, comparisons and the keys of secrets as written', () => {
    expectUnchanged([
      'user.firstName = "Ann"',
      'if (isValid == true)',
      '$userName: x',
      'https://db.example.com/x?retryWrites=true&useSSL=false',
      '{"apiKey": "x", "accessToken": "y", "dbPassword": "z", "publicKey": "k"}',
      'FirstName: Ann',
      'iPhone15Pro',
      'see camelCase for details',
      `${'a'.repeat(30)}B${'c'.repeat(30)}: 1`,
      '<firstName attr="1">',
      // A line of base64 before its padding reads like a camelCase key of a dozen words.
      'iF8pewIQfXGgBwYFK4EEACKh\njRpIsP3Uck1K7fTjy0QDHw8ZpONUhM8=\nend',
      // ...and one of six words or fewer: "=" closing the line is padding, not a key's.
      'FFCcrEOeRF\nyEHPZBJxp1oIdtyXlW0=\nend',
      '"MIIEvQ...\\nyEHPZBJxp1oIdtyXlW0=\\n-----END PRIVATE KEY-----"',
    ]);
  });

  it('reads a megabyte of keys once each, with every value where it was', () => {
    const record = '{"firstName": "Ann", "dateOfBirth": "1984-03-12"}\n';
    const input = record.repeat(20_000);
    const n = normalise(input);
    const folded = '{"first name": "Ann", "date of birth": "1984-03-12"}\n';
    expect(n.text).toBe(folded.repeat(20_000));
    const last = n.text.lastIndexOf('1984');
    expect(toOriginalSpan(n, last, last + 10)).toEqual([
      input.lastIndexOf('1984'),
      input.lastIndexOf('1984') + 10,
    ]);
  });
});

describe('normalise: URL-encoded form values', () => {
  it('reads "+" as a space and "%XX" runs as their characters, each mapped back alone', () => {
    const input = 'name=Ana+Roe&email=ana%40mail.test&city=K%C3%B6ln';
    const n = normalise(input);
    expect(n.text).toBe('name=Ana Roe&email=ana@mail.test&city=Köln');
    const at = n.text.indexOf('ana@');
    expect(toOriginalSpan(n, at, at + 'ana@mail.test'.length)).toEqual([
      input.indexOf('ana%40'),
      input.indexOf('ana%40') + 'ana%40mail.test'.length,
    ]);
    // The letters of "Roe" map to themselves, not to the whole value.
    const roe = n.text.indexOf('Roe');
    expect(toOriginalSpan(n, roe, roe + 3)).toEqual([
      input.indexOf('Roe'),
      input.indexOf('Roe') + 3,
    ]);
    // After "?" in a URL, and with a camelCase key folded beside it.
    expect(normalise('GET /s?q=call+me&lang=en').text).toBe('GET /s?q=call me&lang=en');
    expect(normalise('fullName=Ana+Roe&plan=pro').text).toBe('full name=Ana Roe&plan=pro');
  });

  it('leaves a lone pair, a raw "@" or URL, a leading "+" and bad escapes as written', () => {
    expectUnchanged([
      'x=a+b',
      'C=A+B; D=E+F',
      'email=ana+news@mail.test&x=1',
      'MONGO_URL=mongodb+srv://host/db?retryWrites=true&w=1',
      'to=+14155552671&x=1',
      'q=100%&x=%zz&y=%0A',
    ]);
    expect(normalise('to=+14155552671&body=hi+there').text).toBe('to=+14155552671&body=hi there');
  });
});

describe('normalise: pairs whose syntax sets the key apart', () => {
  it("reads a PHP or Ruby pair's arrow as a colon and an input's value as its name", () => {
    expect(normalise("array('account_number' => '48', :mrn => 58, x => 1)").text).toBe(
      "array('account_number' :  '48', :mrn :  58, x => 1)",
    );
    expect(normalise('<input type="text" name="accountNumber" value="48">').text).toBe(
      '<input type="text" name="accountNumber" account number="48">',
    );
    expect(normalise('<input name="user[last_name]" value="Roe">').text).toBe(
      '<input name="user[last_name]" user last name="Roe">',
    );
    expectUnchanged([
      'const f = (x) => x;',
      '<input type="password" name="password" value="x">',
      '<input value="x">',
      'name="mrn"> value="1"',
    ]);
  });
});

describe('normalise: a table of fields and values', () => {
  it("reads the pipe between a row's field and value as a colon, under a Value header", () => {
    const input = '| Field | Value |\n|---|---|\n| MRN | 58203917 |\n| Plan | pro |\n\nafter';
    expect(normalise(input).text).toBe(
      '| Field | Value |\n|---|---|\n| MRN : 58203917 |\n| Plan : pro |\n\nafter',
    );
    expectUnchanged([
      '| Name | Phone |\n|---|---|\n| Ana | 555 |',
      '| Field | Value | Note |\n|---|---|---|\n| MRN | 5 | x |',
    ]);
  });
});

describe('normalise: character references', () => {
  it('reads the references of "@" and "." as those characters', () => {
    expect(normalise('anna&#64;posteo&#46;de, bob&#X40;corp.io, eve&commat;x&period;io').text).toBe(
      'anna@posteo.de, bob@corp.io, eve@x.io',
    );
    expectUnchanged(['Tom &amp; Jerry', '&#65; is A']);
  });

  it('reads a defanged dot or "@" as the character', () => {
    expect(normalise('ip 84[.]152[.]17[.]203, ann[@]corp(.)io').text).toBe(
      'ip 84.152.17.203, ann@corp.io',
    );
    expectUnchanged(['array[.] and f(.)', 'see [.] here']);
  });
});

describe('normalise: SQL INSERT', () => {
  it('names each value of a row after its column, and reads quoted strings whole', () => {
    const input =
      "INSERT INTO t (first_name, `dateOfBirth`, n) VALUES ('Ann, Roe', '1984-03-12', 1),\n ('O''Neil', NULL, 2);";
    expect(normalise(input).text).toBe(
      "INSERT INTO t (first_name, `dateOfBirth`, n) VALUES (first name: 'Ann, Roe', date of birth:  '1984-03-12', n:  1),\n (first name: 'O''Neil', date of birth:  NULL, n:  2);",
    );
    expect(normalise("INSERT INTO t (a, b) VALUES ('D\\'Amore', 1)").text).toBe(
      "INSERT INTO t (a, b) VALUES (a: 'D\\'Amore', b:  1)",
    );
    expectUnchanged(['insert into t values (1, 2)', "INSERT INTO t (a) VALUES ('open"]);
  });

  it('reads past a function call in a value, and rows after a CRLF', () => {
    const input =
      "INSERT INTO users (first_name, created_at) VALUES ('Yuna', NOW()),\r\n  ('Nerea', COALESCE(NULL, 'x'));";
    expect(normalise(input).text).toBe(
      "INSERT INTO users (first_name, created_at) VALUES (first name: 'Yuna', created at:  NOW()),\r\n  (first name: 'Nerea', created at:  COALESCE(NULL, 'x'));",
    );
  });

  it('reads a bare "name" as a person\'s only in a table of people', () => {
    expect(normalise("INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro');").text).toBe(
      "INSERT INTO currencies (code, name) VALUES (code: 'EUR', item name:  'Euro');",
    );
    expect(normalise("INSERT INTO crm_contacts (id, name) VALUES (1, 'Ann Roe');").text).toBe(
      "INSERT INTO crm_contacts (id, name) VALUES (id: 1, name:  'Ann Roe');",
    );
    expect(normalise("INSERT INTO tblCustomer (id, name) VALUES (1, 'Ann Roe');").text).toBe(
      "INSERT INTO tblCustomer (id, name) VALUES (id: 1, name:  'Ann Roe');",
    );
  });
});

describe('normalise: a name in parts', () => {
  it('reads the parts under a name key as name labels, up to the bracket that closes it', () => {
    expect(normalise('{"name": {"first": "Ana", "last": "Roe"}, "last": 1}').text).toBe(
      '{"name": {"first name": "Ana", "last name": "Roe"}, "last": 1}',
    );
    expect(normalise('"name":[{"family":"Roe","given":["Ana","Mae"]}]').text).toBe(
      '"name":[{"family name":"Roe","given name": "Ana","Mae"]}]',
    );
    expect(normalise('{"customerName": {"given": "Ana"}}').text).toBe(
      '{"customer name": {"given name": "Ana"}}',
    );
    expect(normalise('customer:\n  name:\n    first: Ana\n    last: Roe\n  last: 1').text).toBe(
      'customer:\n  name:\n    first name: Ana\n    last name: Roe\n  last: 1',
    );
    expectUnchanged([
      '{"options": {"first": true}}',
      '{"name": "Ana", "first": 1}',
      'plan:\n  first: 1',
      'Rename the field name:\n  first: 1',
    ]);
  });
});

describe('scanWith', () => {
  it('finds an email hidden with zero-width characters and reports original offsets', () => {
    const input = 'write to jo\u200bhn@exa\u200dmple-mail.com now';
    const [f] = scanWith([email], input);
    expect(f).toBeDefined();
    expect(input.slice(f!.start, f!.end)).toBe('jo\u200bhn@exa\u200dmple-mail.com');
    expect(f!.level).toBe('CONFIDENTIAL');
  });

  it('applies level overrides and type filters', () => {
    const t = 'a@b-mail.com';
    expect(scanWith([email], t, { levels: { EMAIL: 'RESTRICTED' } })[0]!.level).toBe('RESTRICTED');
    expect(scanWith([email], t, { types: ['PHONE'] })).toEqual([]);
    expect(scanWith([email], t, { threshold: 0.99 })).toEqual([]);
  });
});

describe('normalise: digits and days read aloud', () => {
  it('reads a run of number words as its digits, each word mapping back to itself', () => {
    const input = "it's oh seven seven double oh nine double oh four eight one, thanks";
    const n = normalise(input);
    expect(n.text).toBe("it's 07700900481, thanks");
    // The number maps back to the whole spoken run.
    const at = n.text.indexOf('07700900481');
    const [s, e] = toOriginalSpan(n, at, at + 11);
    expect(input.slice(s, e)).toBe('oh seven seven double oh nine double oh four eight one');
  });

  it('keeps groups apart at commas, reads tens, teens, signs, "plus" and spelled capitals', () => {
    expect(normalise('visa, four five five six, seven three oh two').text).toBe('visa, 4556 7302');
    expect(normalise('born nineteen eighty two').text).toBe('born 1982');
    expect(normalise('is it one nine two dot one six eight dot oh dot one').text).toBe(
      'is it 192.168.0.1',
    );
    expect(normalise('mobile plus four four seven seven double oh').text).toBe('mobile +447700');
    expect(normalise("it's G B twenty one L O Y D three oh nine six\nok").text).toBe(
      "it's GB21LOYD3096\nok",
    );
    expect(normalise('also D E vier vier, fünf null null eins').text).toBe('also DE44 5001');
    expect(normalise('the eighth of march, may ninth, twenty ninth February').text).toBe(
      'the 8th of march, may 9th, 29th February',
    );
  });

  it('leaves prose alone: short runs, a lone capital word, ordinals without a month', () => {
    expectUnchanged([
      'one or two questions about twenty minutes',
      'we have twenty five people',
      'its nine one one I need help',
      'first name please, second line',
      'uno o dos',
    ]);
  });
});
