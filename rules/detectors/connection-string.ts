import { matchAllAt } from '../context.ts';
import {
  DB_SCHEME,
  credentialCandidate,
  findUrlsWithUserinfo,
  holds,
  offsetsOf,
  trimPunctuation,
} from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// A database URL whose password is a query or `;` parameter instead of userinfo:
// `jdbc:mysql://db:3306/app?user=app&password=...`, `jdbc:sqlserver://db:1433;user=sa;password=...`.
const DB_URL = /(?<![A-Za-z0-9+.-])(?:jdbc:)?([A-Za-z][A-Za-z0-9+]{1,30}):\/\/[^\s"'`<>]{1,1000}/g;
const URL_PASSWORD_PARAM = /[?&;](?:password|pwd|pass)=([^&;#\s"'`<>]{1,128})/i;
const PASSWORD_PARAM = holds(['=', /(?<=password|pwd|pass)=/iy]);

// Oracle's thin driver writes user/password@host.
const ORACLE =
  /(?<![\w-])jdbc:oracle:(?:thin|oci):([\w$#]{1,64})\/([^\s@"'`<>]{1,128})@[^\s"'`<>]{1,300}/g;

// Key-value connection strings (ADO.NET, ODBC, libpq): pairs separated by `;` or spaces, one of
// them a password. Found from the password key outwards, since that is the rare part.
const PASSWORD_KEY = /(?<![A-Za-z0-9_])(?:password|pwd)[ \t]{0,2}=/gi;
// Its "=" is at most this far from its start, so it is tried only just before each "=".
const PASSWORD_KEY_LEAD = 10;
const SERVER_KEY =
  /^(?:server|data source|datasource|host|hostname|address|addr|network address|dsn|endpoint|hostaddr)$/i;

/** How far around the password key a key-value connection string may reach. */
const SPAN = 600;

/** Database and broker connection strings that carry a password. */
export const connectionString: Detector = {
  id: 'connection-string',
  types: ['URL_CREDENTIALS'],
  // What every finding needs: a URL, an Oracle JDBC string or a password key.
  prefilter: holds('://', 'jdbc:oracle:', ['=', /(?<=(?:password|pwd)[ \t]{0,2})=/iy]),
  detect(text) {
    const out: Candidate[] = [];
    for (const u of findUrlsWithUserinfo(text)) {
      if (!DB_SCHEME.test(u.scheme) || u.password === null || u.password === '') continue;
      out.push(credentialCandidate(text, u.start, u.end, u.user, u.password, u.host));
    }
    if (PASSWORD_PARAM.test(text)) {
      for (const m of matchesOf(text, DB_URL)) {
        if (!DB_SCHEME.test(m[1]!.toLowerCase())) continue;
        const p = URL_PASSWORD_PARAM.exec(m[0]);
        if (p === null) continue;
        const end = trimPunctuation(text, m.index, m.index + m[0].length);
        const host = /:\/\/([^/?;:]{1,255})/.exec(m[0])?.[1] ?? '';
        out.push(credentialCandidate(text, m.index, end, '', p[1]!, host));
      }
    }
    if (text.includes('jdbc:oracle:')) {
      for (const m of matchesOf(text, ORACLE)) {
        const end = trimPunctuation(text, m.index, m.index + m[0].length);
        out.push(credentialCandidate(text, m.index, end, m[1]!, m[2]!, ''));
      }
    }
    // Each password key reads up to 2 * SPAN characters around it; a budget proportional to
    // the text keeps a text made of nothing but "password=" linear.
    let budget = 2 * text.length + 8 * SPAN;
    let taken = 0;
    for (const m of matchAllAt(text, PASSWORD_KEY, offsetsOf(text, '='), PASSWORD_KEY_LEAD)) {
      // A password key inside the string just reported is part of it.
      if (m.index < taken) continue;
      budget -= 2 * SPAN;
      if (budget < 0) break;
      const c = keyValueString(text, m.index, m.index + m[0].length, taken);
      if (c !== null) {
        out.push(c);
        taken = c.end;
      }
    }
    return out;
  },
};

/**
 * The key-value connection string around a `Password=` key at [keyStart, keyEnd): the run of
 * `key=value` pairs on the same line and inside the same quotes, split by `;` (ADO.NET, ODBC)
 * or by spaces (libpq). Only a string that also names a server is a connection string.
 */
function keyValueString(
  text: string,
  keyStart: number,
  keyEnd: number,
  floor: number,
): Candidate | null {
  // Bounded searches only: an unbounded indexOf per key would make a long line quadratic.
  const lineStart = Math.max(
    floor,
    keyStart - SPAN,
    quoteFrom(text, keyStart - 1, Math.max(0, keyStart - SPAN) - 1, -1) + 1,
  );
  const limit = Math.min(text.length, keyEnd + SPAN);
  const q = keyEnd < limit ? quoteFrom(text, keyEnd, limit, 1) : -1;
  const lineEnd = q >= 0 ? q : limit;
  const segment = text.slice(lineStart, lineEnd);
  const semicolons = segment.includes(';');
  const pairs = splitPairs(segment, semicolons ? /;/ : /\s+/);
  const password = pairs.find((p) => /^(?:password|pwd)$/i.test(p.key));
  if (!password || !pairs.some((p) => SERVER_KEY.test(p.key))) return null;
  if (pairs.length < 2) return null;
  const host = pairs.find((p) => SERVER_KEY.test(p.key))!.value.replace(/^tcp:/i, '');
  const user = pairs.find((p) => /^(?:user id|uid|user|username)$/i.test(p.key))?.value ?? '';
  const first = pairs[0]!;
  const last = pairs[pairs.length - 1]!;
  return credentialCandidate(
    text,
    lineStart + first.start,
    lineStart + last.end,
    user,
    password.value,
    host,
  );
}

interface Pair {
  key: string;
  value: string;
  /** Offsets within the segment. */
  start: number;
  end: number;
}

/**
 * Splits a segment into `key=value` pairs, keeping only the contiguous run of well-formed
 * pairs that contains the password key (prose before or after is dropped).
 */
function splitPairs(segment: string, sep: RegExp): Pair[] {
  const pairs: Pair[] = [];
  const re = new RegExp(sep.source, 'g');
  let pos = 0;
  const pieces: Array<[number, number]> = [];
  for (const m of matchesOf(segment, re)) {
    pieces.push([pos, m.index]);
    pos = m.index + m[0].length;
  }
  pieces.push([pos, segment.length]);
  let run: Pair[] = [];
  for (const [s, e] of pieces) {
    const raw = segment.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const piece = raw.trim();
    const eq = piece.indexOf('=');
    const key = eq > 0 ? piece.slice(0, eq).trim() : '';
    if (piece === '' && run.length > 0) continue;
    if (eq <= 0 || !/^[A-Za-z][A-Za-z ]{0,30}$/.test(key)) {
      // The run ends; keep it if it already holds the password.
      if (run.some((p) => /^(?:password|pwd)$/i.test(p.key))) return run;
      run = [];
      continue;
    }
    run.push({
      key,
      value: piece.slice(eq + 1).trim(),
      start: s + lead,
      end: s + lead + piece.length,
    });
  }
  pairs.push(...run);
  return pairs;
}

/**
 * The first quote or line break met going from `from` by `step` (1 or -1) before reaching `to`,
 * or -1.
 */
function quoteFrom(text: string, from: number, to: number, step: number): number {
  for (let i = from; i !== to; i += step) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`' || c === '\n') return i;
  }
  return -1;
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'postgres://app_user:E89tdV6ON3Pnw5Hx@db.internal.acme.io:5432/orders',
    {
      text: 'DATABASE_URL="mongodb+srv://svc-report:FpJ2U8tVBKifKLkv@cluster0.x1y2z.mongodb.net/prod?retryWrites=true&w=majority"',
      value:
        'mongodb+srv://svc-report:FpJ2U8tVBKifKLkv@cluster0.x1y2z.mongodb.net/prod?retryWrites=true&w=majority',
    },
    {
      text: 'redis connection: redis://:d3wqpqfOuvCrfBr8@cache-01.acme.local:6379/0.',
      value: 'redis://:d3wqpqfOuvCrfBr8@cache-01.acme.local:6379/0',
    },
    {
      text: 'spring.datasource.url=jdbc:mysql://mysql.acme.io:3306/shop?user=shop&password=7AIbzBYpj73d4Kwl&useSSL=true',
      value: 'jdbc:mysql://mysql.acme.io:3306/shop?user=shop&password=7AIbzBYpj73d4Kwl&useSSL=true',
    },
    {
      text: '"ConnectionStrings": { "Default": "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=crm;User ID=crmadmin;Password=guj97HN0yiV3FzjZ;Encrypt=True;" }',
      value:
        'Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=crm;User ID=crmadmin;Password=guj97HN0yiV3FzjZ;Encrypt=True',
    },
    {
      text: 'conn = psycopg2.connect("host=10.0.4.12 port=5432 dbname=billing user=billing password=fEvldunHEnOB0iaW")',
      value: 'host=10.0.4.12 port=5432 dbname=billing user=billing password=fEvldunHEnOB0iaW',
    },
    {
      text: 'url: jdbc:oracle:thin:scott/Tig3r_2024x@//ora.acme.io:1521/ORCLPDB1',
      value: 'jdbc:oracle:thin:scott/Tig3r_2024x@//ora.acme.io:1521/ORCLPDB1',
    },
    {
      text: 'amqp://orders:E89tdV6ON3Pnw5Hx@localhost:5672/ works locally',
      value: 'amqp://orders:E89tdV6ON3Pnw5Hx@localhost:5672/',
    },
  ],
  noMatch: [
    'postgres://user:password@localhost:5432/mydb',
    'DATABASE_URL=postgresql://${DB_USER}:${DB_PASSWORD}@${DB_HOST}:5432/${DB_NAME}',
    'mongodb://mongo1:27017,mongo2:27017/?replicaSet=rs0',
    'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;',
    'amqp://guest:guest@localhost:5672/',
    'redis://cache-01.acme.local:6379/0',
    'Set Password= in the connection string and keep Server= pointing at the primary.',
    'mysql://root:<password>@db.acme.io/shop',
    'The format is postgres://app_user:E89tdV6ON3Pnw5Hx@db.internal.acme.io:5432/orders',
  ],
};
