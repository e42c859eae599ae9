import { isWholeToken } from '../context.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// The local part may only start where a token starts (the look-behind), which keeps the scan
// linear: without it a long run of word characters before an '@' is re-read from every offset.
// Letters beyond ASCII count too, in the local part and in the domain (internationalised
// addresses, "joão.silva@empresa.com.br", "müller@bücher.de"); a top-level domain is letters.
const EMAIL =
  /(?<![\p{L}\p{N}\p{M}_.%+-])[\p{L}\p{N}][\p{L}\p{N}\p{M}_.%+-]{0,63}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}\p{M}_-])/gu;

// Spelled-out addresses: "john dot doe at gmail dot com", "jane[at]corp[dot]io", "x (at) y . org".
// And their words in Spanish, Portuguese, French, Italian and German: "inigo arroba telefonica
// punto es", "eloise point marchand arobase laposte point net", "lena punkt vogt at gmx punkt de".
/** The spelled-out "@": English "at", Spanish and Portuguese "arroba", French "arobase", Italian "chiocciola". */
const AT_WORDS = 'at|arroba|arobase|chiocciola';
const AT = String.raw`\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|\s+(?:${AT_WORDS})\s+)\s*`;
const DOT = String.raw`\s*(?:\[\s*dot\s*\]|\(\s*dot\s*\)|\{\s*dot\s*\}|\s+(?:dot|punto|ponto|point|punkt)\s+|\.)\s*`;
const LABEL = '[A-Za-z0-9][A-Za-z0-9_-]{0,62}';
const OBFUSCATED = new RegExp(
  String.raw`(?<![\w.])${LABEL}(?:${DOT}${LABEL}){0,3}${AT}${LABEL}(?:${DOT}${LABEL}){0,3}${DOT}(?:com|net|org|edu|gov|io|co|de|fr|es|it|uk|us|ca|au|nl|be|ch|at|info|biz|me|ai|dev|app)\b`,
  'gi',
);

// An address percent-encoded in a URL or a form body: "?email=hannah.becker%40web.de".
const PERCENT_ENCODED =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}%40(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9_-])/g;

// EMAIL tried at one position (see emailMatches).
const EMAIL_AT = new RegExp(EMAIL.source, 'uy');

// A spelled-out address needs a bracketed "at" or "dot", a spelled " dot ", or, with neither, a
// bare " at " then a label and a real dot ("at corp.io"). Any English text has an " at "; few
// have these, so the costly OBFUSCATED scan is skipped for them. A cheap necessary condition
// (it never hides a match: OBFUSCATED's own "at", "dot" and labels are ASCII and matched
// without regard to case, as here), tested on the text as it is, so a long paste is not copied
// to lower case; every branch starts with a literal so V8 scans for it instead of trying each
// space or bracket.
const OBFUSCATION_HINT =
  /at\s*[\])}]|dot\s*[\])}]|dot(?<=\sdot)\s|at(?<=\sat)\s+[a-z0-9][a-z0-9_-]{0,62}\s*\.|arroba|arobase|chiocciola|punkt(?<=\spunkt)\s|punto(?<=\spunto)\s|point(?<=\spoint)\s|ponto(?<=\sponto)\s/i;

// The documentation domains and the reserved top-level names of RFC 2606 (.example, .test,
// .invalid, .localhost).
const RESERVED_DOMAIN = /@(?:[\w-]+\.)*(?:example(?:\.(?:com|org|net))?|test|invalid|localhost)$/i;
/**
 * A local part written as a person's "first.last" (or first_last, first-last, digits after):
 * documentation writes user@, jane@, alice@ or john.doe@, while test tickets and made-up
 * customers keep the reserved domain with a whole name ("kasandra.lind@example.com").
 */
const PERSONAL_LOCAL = /^([a-z]{2,20})[._-]([a-z]{2,20})\d{0,4}@/i;
/** Placeholder words of documentation addresses ("your.name", "john.doe", "first.last"). */
const PLACEHOLDER_PART =
  /^(?:your|my|the|first|last|firstname|lastname|full|name|user|username|test|demo|dev|example|sample|john|jane|joe|doe|bloggs|smith|mustermann|musterfrau|max|foo|bar|baz|noreply|no|reply|do|not|support|billing|admin|info|team|service|account|email|mail|bot|ci|cd|ops|devops|alerts?|notifications?|notify|releases?|calendar|deploy|builds?|system|security|sales|hello|contact|jobs|press|news|newsletter|marketing|helpdesk|webmaster|postmaster|abuse|feedback)$/i;
/** "my email", "contact me", "reach me", "write to me": the address is the writer's own. */
const OWN_ADDRESS_BEFORE =
  /\b(?:my (?:e-?mail|address)(?: address)?(?: is)?|(?:contact me|reach me|write to me|e-?mail me)(?: at| on)?)\W{0,3}$/i;

/**
 * The score of an address at a documentation domain: a placeholder's (0.3) unless it reads as a
 * person's own, by its "first.last" local part or a first-person cue right before it.
 */
function reservedScore(text: string, start: number, value: string): number {
  const m = PERSONAL_LOCAL.exec(value);
  if (m !== null && !PLACEHOLDER_PART.test(m[1]!) && !PLACEHOLDER_PART.test(m[2]!)) return 0.6;
  return OWN_ADDRESS_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ? 0.6 : 0.3;
}

/**
 * Whether `start` is in a URL's authority or path ("xyz://user:pw@host"): whether "://" lies between
 * the last space, line break, quote or "<" before `start` (looking back at most 256 characters)
 * and `start`, with no "=" after it: an address in a URL's query
 * ("https://pay.test/?business=ana@mail.test") is an address. (One in a path is most often a
 * message id: "https://lore.kernel.org/git/7vbp.fsf@host.org/".)
 */
function inUrlAuthority(text: string, start: number): boolean {
  const from = Math.max(0, start - 256);
  for (let k = start - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    // A query's value ("?business=ana@mail.test") is an address.
    if (c === 32 || c === 10 || c === 34 || c === 60 || c === 61) return false;
    if (c === 58 && k + 2 < start && text.charCodeAt(k + 1) === 47 && text.charCodeAt(k + 2) === 47)
      return true;
  }
  return false;
}

/** [\p{L}\p{N}\p{M}_.%+-]: the characters of EMAIL's local part, by code unit. */
function isLocalChar(c: number): boolean {
  if (c < 128) {
    return (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 95 ||
      c === 46 ||
      c === 37 ||
      c === 43 ||
      c === 45
    );
  }
  let v = LOCAL_ABOVE_ASCII[c]!;
  if (v === 0) {
    v = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c)) ? 1 : 2;
    LOCAL_ABOVE_ASCII[c] = v;
  }
  return v === 1;
}

/** Whether each code unit above ASCII is a letter, digit or mark: 1 yes, 2 no, 0 not yet known. */
const LOCAL_ABOVE_ASCII = new Uint8Array(0x10000);

/**
 * The matches `text.matchAll(EMAIL)` gives, found from each '@' instead of by trying EMAIL at
 * every letter. EMAIL's look-behind lets a match start only where a run of local-part
 * characters starts, and its local part is at most 64 of them with no '@', so for each '@' (not
 * inside an earlier match) there is one place to try: the start of the run that ends at it,
 * when that run is at most 64 characters long. (Where an earlier '@' failed, nothing before it
 * is tried again: a match starting there would have used that '@'.)
 */
function emailMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  // pos: where the next match may start; tried: below it, every start failed.
  let pos = 0;
  let tried = 0;
  for (let at = text.indexOf('@'); at >= 0;) {
    let s = at;
    while (s > at - 65 && s > 0 && isLocalChar(text.charCodeAt(s - 1))) s--;
    if (s < at && s >= pos && s >= tried && s >= at - 64) {
      EMAIL_AT.lastIndex = s;
      const m = EMAIL_AT.exec(text);
      if (m !== null) {
        out.push(m);
        pos = s + m[0].length;
        at = text.indexOf('@', pos);
        continue;
      }
    }
    tried = at + 1;
    at = text.indexOf('@', at + 1);
  }
  return out;
}

/** Whether code unit c can be part of an OBFUSCATED match: [\w.\-[\](){}] or whitespace. */
function inObfuscated(c: number): boolean {
  if (c < 128) return OBFUSCATED_ASCII[c] === 1;
  // \s above ASCII (the regex is not in Unicode mode, but \s covers these in every mode).
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const OBFUSCATED_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  OBFUSCATED_ASCII[c] = /[\w.\-[\](){}\s]/.test(String.fromCharCode(c)) ? 1 : 0;
}

// Where a spelled-out "at" can be: every OBFUSCATED match holds one of these.
const AT_WORD_ANYWHERE = new RegExp(String.raw`\b(?:${AT_WORDS})\b`, 'i');
const SPOKEN_AT = new RegExp(String.raw`\s+(?:${AT_WORDS})\s+`, 'i');
const AT_WORD = new RegExp(String.raw`[[({]\s*at\s*[\])}]|\s(?:${AT_WORDS})\s`, 'gi');

/**
 * The matches `text.matchAll(OBFUSCATED)` gives, found by running OBFUSCATED only over the runs
 * of characters it can match that hold a spelled-out "at". Every character of a match is in
 * such a run, so matches never cross a run's edge; the character before a run (or none, in the
 * cut-out run) passes the start look-behind, and the one after it (or none) ends a word for the
 * final \b, so each run gives the same matches cut out as in the whole text. On a long paste
 * the runs around "at" are a few percent of the text.
 */
function obfuscatedMatches(text: string): { index: number; 0: string }[] {
  const out: { index: number; 0: string }[] = [];
  let done = 0;
  AT_WORD.lastIndex = 0;
  for (let m = AT_WORD.exec(text); m !== null; m = AT_WORD.exec(text)) {
    let a = m.index;
    let b = a + m[0].length;
    while (a > done && inObfuscated(text.charCodeAt(a - 1))) a--;
    while (b < text.length && inObfuscated(text.charCodeAt(b))) b++;
    for (const r of matchesOf(text.slice(a, b), OBFUSCATED))
      out.push({ index: a + r.index, 0: r[0] });
    done = b;
    AT_WORD.lastIndex = b;
  }
  return out;
}

/** An iCalendar event's id ("UID:040000...@google.com") names an event, not a mailbox. */
const EVENT_ID_BEFORE = /(?:^|\n)UID:$/;
/**
 * A login's user at a host, on a command line: "$ ssh -i ~/.ssh/id deploy@build-8.corp.co", "scp
 * -P 2222 dump.sql root@db.corp.io:". Between the command and the user only options, paths and
 * numbers ("ssh issues, contact bob@corp.io" is prose).
 */
const LOGIN_BEFORE =
  /(?:^|[\n$#>])[ \t]*(?:sudo[ \t]+)?(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)(?:[ \t]+(?:-\S*|[~./]\S*|[^\s@]*[/.:][^\s@]*|\d+)){0,5}[ \t]+$/;

const MESSAGE_ID_BEFORE =
  /(?:^|\n)[ \t>]*(?:message-id|in-reply-to|references|x-message-id|original-message-id)[ \t]*:[^\n]*<$/i;
/** A form's placeholder under its key: `"signup.email.placeholder": "you@company.com"`. */
const PLACEHOLDER_KEY = /placeholder["']?[ \t]*[=:][ \t]*["']?$/i;
/** A log's or a record's key for a message's id right before it: "msg_id=<...@mailer.io>". */
const MESSAGE_ID_KEY = /(?<![a-z])(?:msg|message|mail|smtp)[_-]?id[ \t]*[=:][ \t]*["']?<?$/i;

export const email: Detector = {
  id: 'email',
  types: ['EMAIL'],
  prefilter: new RegExp(String.raw`@|%40|[[({\s](?:${AT_WORDS})[\])}\s]`, 'i'),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of emailMatches(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // "https://user:pw@host.com" is a URL with credentials (url-credentials' finding), not
      // the address "pw@host.com".
      if (inUrlAuthority(text, start)) continue;
      // A mail's own id in its headers ("Message-ID: <7gio...@smtp.example.net>",
      // "In-Reply-To:", "References:") names a message, not a mailbox.
      if (
        text.charCodeAt(start - 1) === 60 &&
        MESSAGE_ID_BEFORE.test(text.slice(Math.max(0, start - 200), start))
      ) {
        continue;
      }
      if (EVENT_ID_BEFORE.test(text.slice(Math.max(0, start - 5), start))) continue;
      if (MESSAGE_ID_KEY.test(text.slice(Math.max(0, start - 24), start))) continue;
      if (PLACEHOLDER_KEY.test(text.slice(Math.max(0, start - 24), start))) continue;
      if (LOGIN_BEFORE.test(text.slice(Math.max(0, start - 64), start))) continue;
      // Documentation domains hold placeholders, seldom anyone's address (see reservedScore).
      if (!RESERVED_DOMAIN.test(m[0])) out.push({ start, end, type: 'EMAIL', score: 0.95 });
      else {
        const score = reservedScore(text, start, m[0]);
        out.push({ start, end, type: 'EMAIL', score, reason: 'documentation domain' });
      }
    }
    if (text.includes('%40')) {
      for (const m of matchesOf(text, PERCENT_ENCODED)) {
        const start = m.index;
        const end = start + m[0].length;
        const plain = m[0].replace('%40', '@');
        const score = RESERVED_DOMAIN.test(plain) ? reservedScore(text, start, plain) : 0.9;
        out.push({ start, end, type: 'EMAIL', score, reason: 'percent-encoded' });
      }
    }
    if (AT_WORD_ANYWHERE.test(text) && OBFUSCATION_HINT.test(text)) {
      for (const m of obfuscatedMatches(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!isWholeToken(text, start, end) || m[0].includes('@')) continue;
        // A bracketed "at" or a spelled "dot" is deliberate; a bare "x at y.com" may be prose
        // ("contact us at help.example.com", "post updates at status.example.com").
        const deliberate =
          /[[({]|\b(?:dot|punto|ponto|point|punkt|arroba|arobase|chiocciola)\b/i.test(m[0]);
        if (!deliberate && PROSE_BEFORE_AT.test(m[0])) continue;
        // A bare "at" after words parted by a full stop and a blank is the end of a sentence and
        // the next one: "21 May. Track at delhivery.com" (a local part has no blank in it).
        if (!deliberate && /\s/.test(m[0].slice(0, m[0].search(/\s+at\s/i)))) continue;
        const plain = m[0].replace(SPOKEN_AT, '@');
        const score = RESERVED_DOMAIN.test(plain)
          ? Math.min(reservedScore(text, start, plain), deliberate ? 0.85 : 0.55)
          : deliberate
            ? 0.85
            : 0.55;
        out.push({ start, end, type: 'EMAIL', score, reason: 'obfuscated' });
      }
    }
    return out;
  },
};

/** Words of prose before a bare " at " that are no mailbox's name. */
const PROSE_BEFORE_AT =
  /^(?:us|me|them|him|her|it|this|that|updates|news|results|details|more|everything|anything|prices|pricing)\s/i;

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    {
      text: 'mi correo es inigo.bernal arroba telefonica punto es gracias',
      value: 'inigo.bernal arroba telefonica punto es',
    },
    {
      text: 'écrivez-moi à eloise point marchand arobase laposte point net svp',
      value: 'eloise point marchand arobase laposte point net',
    },
    {
      text: 'Meine E-Mail: lena punkt vogt at gmx punkt de, danke!',
      value: 'lena punkt vogt at gmx punkt de',
    },
    {
      text: '<a href="mailto:anna.roe&#64;posteo.de">Kontakt</a>',
      value: 'anna.roe&#64;posteo.de',
    },
    { text: 'ssh issues, contact bob.tan@corp.io', value: 'bob.tan@corp.io' },
    // Letters beyond ASCII, in the local part and the domain: the whole address, not a tail.
    { text: 'escreva para joão.silva@empresa.com.br hoje', value: 'joão.silva@empresa.com.br' },
    { text: 'reach me: müller@bücher.de', value: 'müller@bücher.de' },
    'jane.doe@example-mail.com',
    // A value in a URL's query is no part of its authority.
    {
      text: 'https://pay.test/cgi?cmd=_d&business=ana.roe@mailbox.org&x=1',
      value: 'ana.roe@mailbox.org',
    },
    {
      text: 'Contact: Max.Mustermann+billing@firma.de, thanks',
      value: 'Max.Mustermann+billing@firma.de',
    },
    {
      text: 'write to john dot doe at gmail dot com please',
      value: 'john dot doe at gmail dot com',
    },
    { text: 'mail jane[at]corp[dot]io', value: 'jane[at]corp[dot]io' },
    {
      text: 'GET /reset?email=hannah.becker%40web.de&lang=de',
      value: 'hannah.becker%40web.de',
    },
    { text: 'reach me: pedro (at) correo (dot) es', value: 'pedro (at) correo (dot) es' },
    {
      text: 'Reply to ops@corp.example-mail.com, cc it.team@corp.io',
      value: 'it.team@corp.io',
    },
    // The longest local part (64 characters), spelled out: a call such as 'a'.repeat(64) here
    // would make bundlers keep this whole object, since they cannot tell the call is pure.
    {
      text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@corp.io',
      value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@corp.io',
    },
    // A whole name, or a first-person cue, at a documentation domain: a made-up customer's.
    { text: 'Customer: kasandra.lind@example.com', value: 'kasandra.lind@example.com' },
    { text: 'You can reach me at pat@example.org', value: 'pat@example.org' },
    {
      text: 'Write to support, or jane (at) corp (dot) io, today',
      value: 'jane (at) corp (dot) io',
    },
  ],
  noMatch: [
    'we met at some point in Paris. Point at the sky, then meet at noon.',
    'Price &#64; 5 EUR per unit',
    'UID:246a85f8dfb2f24d556548ac4c@google.com\nSUMMARY:Quarterly review',
    '$ ssh -i ~/.ssh/id_ed25519 deploy@build-8.harborlane.co',
    'From: "CI Notifications" <ci-bot@example.com>',
    // A sentence's end and the next one, then a bare "at": no local part has a blank.
    'Shipped Tue, 21 May. Track at delhivery.com/track',
    // Prose before a bare "at" and a web address.
    "Checkout is not affected. We'll post updates at status.example.com.",
    'Contact us at help.acme-shop.com for returns.',
    // A message's id in its headers.
    'Subject: RE: Case CS-70847\nMessage-ID: <7gioioudzt7cbe49d6e83f.616108@smtp.nimbusdesk.net>',
    'In-Reply-To: <CAF2x@mail.gmail.com>\nReferences: <a1@mx.example.org> <b2@mx.example.org>',
    'https://deploy:S3cret-Pass@git.internal-host.net/repo.git',
    'GET /search?q=user%40example.com',
    // A log's message id under its key; a role's address in the reserved ".example" name.
    'mailer sent template=invoice_ready msg_id=<9d498d5999d3@mailer.tessellate.io>',
    'Кому: support@travelhub.example\nCc: <help@shop.example>',
    '"signup.email.placeholder": "you@company.com",',
    '<input type="email" placeholder="name@company.com">',
    // A message id in a URL's path.
    'https://lore.kernel.org/git/20160419091055.GF2345@mail-host.org/',
    'progress 50%40 items',
    'Meet me at 5 pm at the office.',
    'The decorator is @Component and the handle is @jane_doe.',
    'version 1.2.3@latest',
    'user@localhost',
    // Placeholders of documentation.
    'Set EMAIL=user@example.com, or john.doe@example.com, your.name@example.org, alice@example.net',
    "I'll be at home at 5, at the latest.",
    'see https://user@host.example-mail.com/path',
    // A local part is at most 64 characters.
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@corp.io',
  ],
};
