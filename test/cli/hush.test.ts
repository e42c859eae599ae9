/**
 * The `hush` CLI as users run it: `node bin/hush.mjs` on the built bundle (dist/cli.js and
 * dist/engine/index.js), so these tests also prove the bundle loads (policy.ts and index.ts
 * import each other).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECTORS } from '../../rules/index.ts';
import { hashValue } from '../../rules/custom/edm.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/hush.mjs');
let dir = '';

// Made-up values only.
const EMAIL = 'jane.doe@corp-mail.com';
const CARD = '4539 1488 0343 6467';
const SAMPLE = `Hi, write to ${EMAIL} about the card ${CARD}, it expires soon.\n`;

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function hush(args: readonly string[], input?: string): Result {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A usage or input error: exit 2, one line on stderr, nothing on stdout. */
function expectUsageError(r: Result, message: string | RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(typeof message === 'string' ? message : message);
}

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts/build-engine.mjs')], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'hush-cli-'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('hush --help and --version', () => {
  it('prints usage', () => {
    const r = hush(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toContain('hush scan');
    expect(r.stdout).toContain('hush edm-hash');
    expect(hush(['scan', '--help']).stdout).toContain('--fail-on-findings');
  });

  it('prints the package version', () => {
    const pkg: { version: string } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const r = hush(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`hush ${pkg.version}`);
  });
});

describe('hush scan (plain)', () => {
  it('prints one line per finding with masked context, never the value', () => {
    const r = hush(['scan', file('sample.txt', SAMPLE)]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const start = SAMPLE.indexOf(EMAIL);
    expect(lines[0]).toBe(
      `EMAIL ${start}-${start + EMAIL.length} 0.95 "Hi, write to [EMAIL] about the card [CREDIT_CARD]..."`,
    );
    expect(lines[1]).toMatch(
      /^CREDIT_CARD \d+-\d+ 0\.\d+ "\.\.\..*\[EMAIL\] about the card \[CREDIT_CARD\], it expires soon\. "$/,
    );
    expect(r.stdout).not.toContain(EMAIL);
    expect(r.stdout).not.toContain('4539');
    expect(r.stdout).not.toContain('6467');
  });

  it('reads stdin when no file is given, and for -', () => {
    for (const args of [['scan'], ['scan', '-']]) {
      const r = hush(args, SAMPLE);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    }
  });

  it('prefixes each line with the file name when given several', () => {
    const a = file('a.txt', SAMPLE);
    const b = file('b.txt', 'nothing to see here\n');
    const r = hush(['scan', a, b, '-'], `mail ${EMAIL}`);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(': ')))).toEqual([a, a, '<stdin>']);
  });

  it('masks neighbours that reach into the context window', () => {
    const text = `${EMAIL} ${EMAIL.replace('jane', 'john')}`;
    const r = hush(['scan'], text);
    expect(r.stdout).not.toMatch(/jane|john|corp-mail/);
  });

  it('exits 0 with no output when nothing is found', () => {
    const r = hush(['scan'], 'The weather is nice today.');
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('applies --threshold', () => {
    // Documentation domains score 0.3: below the default threshold, above 0.2.
    const text = 'mail user@example.com';
    expect(hush(['scan'], text).stdout).toBe('');
    expect(hush(['scan', '--threshold', '0.2'], text).stdout).toMatch(/^EMAIL 5-21 0\.3 /);
    expect(hush(['scan', '--threshold=0.2'], text).stdout).toMatch(/^EMAIL 5-21 0\.3 /);
  });

  it('--no-names skips the name pass', () => {
    const nlp = new Set(DETECTORS.filter((d) => d.stage === 'nlp').map((d) => d.id));
    const text = '{"id":1,"text":"Please ask Maria Gonzalez and Peter Novak to call back."}\n';
    const r = hush(['scan', '--jsonl', '--no-names'], text);
    expect(r.status).toBe(0);
    const answer: { findings: { detector: string }[] } = JSON.parse(r.stdout);
    expect(answer.findings.filter((f) => nlp.has(f.detector))).toEqual([]);
  });

  it('--fail-on-findings exits 1 when something is found, 0 otherwise', () => {
    expect(hush(['scan', '--fail-on-findings'], SAMPLE).status).toBe(1);
    expect(hush(['scan', '--fail-on-findings'], 'nothing here').status).toBe(0);
    expect(hush(['scan'], SAMPLE).status).toBe(0);
  });
});

describe('hush scan --mask', () => {
  it.each([
    ['redact', /^Hi, write to \[REDACTED\] about the card \[REDACTED\], it expires soon\.\n$/],
    ['token', /^Hi, write to \[EMAIL_1\] about the card \[CREDIT_CARD_1\], it expires soon\.\n$/],
    [
      'partial',
      /^Hi, write to j\S+@corp-mail\.com about the card [•\s]+6467, it expires soon\.\n$/,
    ],
    ['synthetic', /^Hi, write to \S+@\S+ about the card [\d ]{19}, it expires soon\.\n$/],
  ])('%s prints the masked text', (strategy, expected) => {
    const r = hush(['scan', '--mask', strategy], SAMPLE);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(expected);
    expect(r.stdout).not.toContain(EMAIL);
    expect(r.stdout).not.toContain(CARD);
  });

  it('with --jsonl answers {"id", "text"}', () => {
    const r = hush(
      ['scan', '--jsonl', '--mask', 'token'],
      `${JSON.stringify({ id: 'a', text: SAMPLE })}\n`,
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 'a',
      text: 'Hi, write to [EMAIL_1] about the card [CREDIT_CARD_1], it expires soon.\n',
    });
  });

  it('rejects an unknown strategy', () => {
    expectUsageError(hush(['scan', '--mask', 'blur'], SAMPLE), '--mask: unknown strategy "blur"');
  });

  it('rejects several inputs without --jsonl', () => {
    const a = file('m1.txt', SAMPLE);
    expectUsageError(hush(['scan', '--mask', 'redact', a, a]), '--mask: give one input');
  });
});

describe('hush scan --jsonl', () => {
  it('answers every good line in order and skips blank lines', () => {
    const input = [
      JSON.stringify({ id: 1, text: `mail ${EMAIL}` }),
      '',
      '   ',
      JSON.stringify({ id: 'two', text: 'nothing' }),
      JSON.stringify({ text: `card ${CARD}` }),
    ].join('\n');
    const r = hush(['scan', '--jsonl'], `${input}\n`);
    expect(r.status, r.stderr).toBe(0);
    const answers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers).toEqual([
      {
        id: 1,
        findings: [
          { start: 5, end: 5 + EMAIL.length, type: 'EMAIL', detector: 'email', score: 0.95 },
        ],
      },
      { id: 'two', findings: [] },
      {
        id: null,
        findings: [
          expect.objectContaining({ start: 5, end: 5 + CARD.length, type: 'CREDIT_CARD' }),
        ],
      },
    ]);
  });

  it('reports bad lines on stderr by number, answers the rest, exits 2', () => {
    const input = [
      JSON.stringify({ id: 1, text: 'ok' }),
      `{"id": 2, "text": "${EMAIL}"`,
      JSON.stringify({ id: 3 }),
      JSON.stringify({ id: 4, text: 42 }),
      '[1, 2]',
      JSON.stringify({ id: 6, text: `mail ${EMAIL}` }),
    ].join('\n');
    const r = hush(['scan', '--jsonl'], input);
    expect(r.status).toBe(2);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([1, 6]);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([
      expect.stringMatching(/^hush: <stdin>:2: invalid JSON/),
      'hush: <stdin>:3: "text" is missing; line skipped',
      'hush: <stdin>:4: "text" must be a string (got number); line skipped',
      expect.stringMatching(/^hush: <stdin>:5: expected a JSON object/),
    ]);
    // The bad line's value is not echoed in the error.
    expect(r.stderr).not.toContain(EMAIL);
  });

  it('names the file and line across several files, and streams big inputs', () => {
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ id: i, text: `row ${i} ${EMAIL}` }),
    );
    const big = file('big.jsonl', `${lines.join('\n')}\n`);
    const bad = file('bad.jsonl', '{"id": 1, "text": "fine"}\nnope\n');
    const r = hush(['scan', '--jsonl', big, bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`hush: ${bad}:2: invalid JSON; line skipped\n`);
    const answers = r.stdout.trim().split('\n');
    expect(answers).toHaveLength(3001);
    expect(JSON.parse(answers[2999]!)).toMatchObject({ id: 2999, findings: [{ type: 'EMAIL' }] });
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    const input = `\uFEFF${JSON.stringify({ id: 1, text: 'a' })}\r\n${JSON.stringify({ id: 2, text: 'b' })}\r\n`;
    const r = hush(['scan', '--jsonl'], input);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('{"id":1,"findings":[]}\n{"id":2,"findings":[]}\n');
  });

  it('answers each line as soon as it is written (interactive use)', async () => {
    const child = spawn(process.execPath, [bin, 'scan', '--jsonl'], { cwd: dir });
    let buffered = '';
    const waiting: ((line: string) => void)[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        waiting.shift()?.(line);
      }
    });
    const ask = (request: unknown) =>
      new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no answer within 20 s')), 20_000);
        waiting.push((line) => {
          clearTimeout(timer);
          resolve(JSON.parse(line));
        });
        child.stdin.write(`${JSON.stringify(request)}\n`);
      });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(await ask({ id: 'q1', text: `mail ${EMAIL}` })).toMatchObject({
      id: 'q1',
      findings: [{ type: 'EMAIL' }],
    });
    // The second request is only written after the first answer arrived.
    expect(await ask({ id: 'q2', text: 'nothing here' })).toEqual({ id: 'q2', findings: [] });
    expect(await ask({ id: 'q3', text: `card ${CARD}` })).toMatchObject({
      id: 'q3',
      findings: [{ type: 'CREDIT_CARD' }],
    });
    child.stdin.end();
    expect(await exited).toBe(0);
  }, 60_000);
});

describe('hush scan --policy', () => {
  const policy = {
    threshold: 0.5,
    disabledDetectors: ['credit-card'],
    customDetectors: [
      { id: 'employee-id', kind: 'regex', pattern: String.raw`(?<![\w-])EMP-\d{6}(?![\w-])` },
      { id: 'code-names', kind: 'dictionary', words: ['Project Falcon'] },
    ],
  };

  it('runs custom detectors and leaves out disabled ones', () => {
    const path = file('policy.json', JSON.stringify(policy));
    const text = 'EMP-204817 works on project falcon.';
    const r = hush(['scan', '--jsonl', '--policy', path], `${JSON.stringify({ id: 1, text })}\n`);
    expect(r.status, r.stderr).toBe(0);
    const detectors = JSON.parse(r.stdout).findings.map((f: { detector: string }) => f.detector);
    expect(detectors).toEqual(expect.arrayContaining(['employee-id', 'code-names']));
  });

  it('warns about unknown disabled ids without failing', () => {
    const path = file('warn.json', JSON.stringify({ disabledDetectors: ['not-a-detector'] }));
    const r = hush(['scan', '--policy', path], 'hello');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: --policy');
    expect(r.stderr).toContain('disabledDetectors[0]: no detector has the id "not-a-detector"');
  });

  it.each([
    [
      'a ReDoS pattern',
      JSON.stringify({ customDetectors: [{ id: 'bad-one', kind: 'regex', pattern: '(a+)+$' }] }),
      'customDetectors[0].pattern: can backtrack catastrophically (nested quantifier)',
    ],
    ['an unknown field', JSON.stringify({ treshold: 0.4 }), 'treshold: unknown field'],
    ['invalid JSON', '{"threshold": ', 'invalid JSON'],
    [
      'a built-in id',
      JSON.stringify({ customDetectors: [{ id: 'email', kind: 'dictionary', words: ['x'] }] }),
      'customDetectors[0].id: "email" is the id of a built-in detector',
    ],
  ])('rejects %s with the path and exit 2', (_name, content, message) => {
    const path = file('bad-policy.json', content);
    expectUsageError(
      hush(['scan', '--policy', path], SAMPLE),
      `hush: --policy ${path}: ${message}`,
    );
  });

  it('rejects a missing policy file', () => {
    expectUsageError(
      hush(['scan', '--policy', 'missing.json'], SAMPLE),
      'hush: --policy: missing.json: no such file',
    );
  });
});

describe('hush scan: bad input', () => {
  it.each([
    [['scan', '--bogus'], 'unknown option --bogus for scan'],
    [['scan', '--threshold', '2'], '--threshold: expected a number between 0 and 1, got "2"'],
    [['scan', '--threshold', '-0.1'], '--threshold: expected a number between 0 and 1'],
    [['scan', '--threshold', 'high'], '--threshold: expected a number between 0 and 1, got "high"'],
    [['scan', '--threshold='], '--threshold: expected a number between 0 and 1, got ""'],
    [['scan', '--threshold'], '--threshold: needs a value'],
    [['scan', '--policy'], '--policy: needs a value'],
    [['scan', '--jsonl=yes'], '--jsonl: takes no value'],
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['--frob'], 'unknown option --frob'],
  ])('%j', (args, message) => {
    expectUsageError(hush(args, SAMPLE), message);
  });

  it('rejects a missing file before printing anything', () => {
    const good = file('good.txt', SAMPLE);
    expectUsageError(hush(['scan', good, 'missing.txt']), 'hush: missing.txt: no such file');
    expectUsageError(
      hush(['scan', '--jsonl', 'missing.jsonl']),
      'hush: missing.jsonl: no such file',
    );
  });

  it('rejects a directory', () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expectUsageError(hush(['scan', 'folder']), 'hush: folder: is a directory');
  });
});

describe('hush edm-hash', () => {
  const salt = 'cli-test-salt-91c2';
  const values = [
    'Jane Q. Doe',
    '123-45-6789',
    '',
    '...',
    'Jane Q Doe',
    // (Not number words: normalisation reads "one two three ..." as the digits spoken.)
    'alpha bravo charlie delta echo foxtrot golf',
  ];

  it('prints a policy entry the engine matches, without the values', () => {
    const r = hush(
      ['edm-hash', '--salt', salt, '--id', 'customers', '--type', 'PERSON'],
      values.join('\n'),
    );
    expect(r.status, r.stderr).toBe(0);
    const entry = JSON.parse(r.stdout);
    expect(entry).toEqual({
      id: 'customers',
      kind: 'edm',
      type: 'PERSON',
      salt,
      maxWords: 3,
      lengths: [9, 10],
      hashes: [hashValue(salt, 'Jane Q. Doe'), hashValue(salt, '123-45-6789')].sort(),
    });
    expect(r.stdout).not.toMatch(/jane|doe|6789/i);
    expect(r.stderr).toContain('line 4: nothing left after normalisation');
    expect(r.stderr).toContain('line 6: 7 words');
    expect(r.stderr).toContain('2 values hashed, 1 duplicate merged, 2 lines skipped');
    expect(r.stderr).not.toMatch(/jane|doe|6789|foxtrot/i);

    // Round trip: the entry in a policy finds the values, however they are written.
    const path = file('edm-policy.json', JSON.stringify({ customDetectors: [entry] }));
    const text = 'Customer JANE Q DOE, account 123 45 6789.';
    const scanned = hush(
      ['scan', '--jsonl', '--no-names', '--policy', path],
      `${JSON.stringify({ id: 1, text })}\n`,
    );
    const found = JSON.parse(scanned.stdout).findings.filter(
      (f: { detector: string }) => f.detector === 'customers',
    );
    expect(found.map((f: { start: number; end: number }) => text.slice(f.start, f.end))).toEqual([
      'JANE Q DOE',
      '123 45 6789',
    ]);
  });

  it('reads a file and can leave the lengths out', () => {
    const path = file('values.txt', 'ACME-0042\n');
    const entry = JSON.parse(hush(['edm-hash', '--salt', salt, '--no-lengths', path]).stdout);
    expect(entry).toEqual({
      id: 'exact-data',
      kind: 'edm',
      salt,
      maxWords: 1,
      hashes: [hashValue(salt, 'ACME-0042')],
    });
  });

  it.each([
    [['edm-hash'], '--salt SALT is required'],
    [['edm-hash', '--salt', salt, '--id', 'Bad Id'], '--id: must be 2-63 lower-case letters'],
    [
      ['edm-hash', '--salt', salt, '--id', 'email'],
      '--id: "email" is the id of a built-in detector',
    ],
    [['edm-hash', '--salt', salt, '--type', 'SECRET'], '--type: unknown type "SECRET"'],
    [['edm-hash', '--salt', salt, 'a', 'b'], 'give at most one FILE'],
    [['edm-hash', '--salt', salt, 'missing.txt'], 'missing.txt: no such file'],
  ])('%j fails with exit 2', (args, message) => {
    expectUsageError(hush(args, 'value\n'), message);
  });

  it('fails when there is nothing to hash', () => {
    expectUsageError(hush(['edm-hash', '--salt', salt], '\n\n'), 'no values to hash');
  });
});

describe('the built engine bundle', () => {
  it('loads with the policy re-export and scans with a policy', () => {
    const script = `
      const m = await import(${JSON.stringify(join(root, 'dist/engine/index.js'))});
      const p = m.compilePolicy({ customDetectors: [{ id: 'ticket-x', kind: 'regex', pattern: 'TX-\\\\d{4}' }] });
      const f = m.scanWithPolicy('see TX-1234 now', p, { names: false });
      console.log(JSON.stringify(f.map((x) => x.detector)));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toContain('ticket-x');
  });
});
