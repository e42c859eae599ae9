import { before, matchAllAt } from '../context.ts';
import { cellsUnderHeaders } from '../gov-util.ts';
import { keywords } from '../keywords.ts';
import { matchesOf, stickyAtWordStarts } from '../scan-util.ts';
import {
  PASSWORD_STRONG as STRONG,
  PASSWORD_WEAK as WEAK,
  charClasses,
  isPlaceholderPassword,
  keywordStarts,
} from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// The keywords (listed in rules/secret-util.ts, which finds where they may start for this
// detector and generic-secret in one pass).
const WORDS = [...STRONG, ...WEAK].join('|');
const KEYWORD = new RegExp(WORDS, 'giu');
const LABEL = new RegExp(`^(?:${WORDS})$`, 'iu');
const STRONG_SET = new Set(STRONG);
/** A table's header cell over a column of passwords: a strong keyword alone, in words. */
const HEADER = new RegExp(`^(?:${STRONG.join('|').replace(/_/g, ' ')})$`, 'iu');
/** Where such a header may be: the strong keywords, from the shared keyword pass. */
const HEADER_WORDS = keywords(STRONG);

// What joins the keyword to its value. Tried at the keyword's end, in this order.
// The key's closing quote, escaped too in JSON logged as a string ({\"password\":\"x\"}).
const KEY_CLOSE = /\\?["'`]?\]?/y;
// The endings of a key that holds the password itself, as typed or logged.
const KEY_SUFFIX =
  /[_.-](?:debug|plain|plaintext|clear|cleartext|raw|text|value|attempt|attempted|entered|typed|old|new|tmp|temp)(?![A-Za-z0-9])/iy;
/** The character before a keyword that ends a longer key (DB_PASSWORD, smtp.password). */
const COMPOUND_KEY_BEFORE = /[A-Za-z0-9_.-]/;
/** A comma after a quoted key, before its quoted value. */
const KEY_COMMA = /[ \t]{0,24},[ \t]{0,3}(?=["'])/y;
// An operator: a dash counts only with blanks around it ("Password - Xk8#2mQ"), never glued to
// a word. Then "password for the staging box: X", "Password (prod): X". Then .NET settings and
// similar XML: <add key="DbPassword" value="X"/>. Japanese, Chinese and Korean topic particles
// ("パスワードは X です", "密码是 X", and with a few words between in Chinese: "密码我记得是 X",
// "I remember the password is X"; "密码为 X"). The value may stand alone on the next line
// (a form's layout), but another key's line is not it ("SMTP_PASSWORD=\nSENTRY_DSN=...").
const OPERATOR =
  /[ \t]{0,24}\*?[ \t]{0,2}(?:=>|:=|==|->|[:=＝：])[ \t]{0,3}(?:\r?\n[ \t]{0,8}(?=[^\s=]+[ \t]*(?:\r?\n|$)))?|[ \t]{1,2}\*(?:[ \t]{1,8}|[ \t]*\r?\n[ \t]{0,8})(?=\S)|[ \t]{1,2}(?:provisoire|temporaire|temporal|temporary|temp|initial|inicial|nouveau|nouvelle|nueva|nuevo|neues|neue|new|actual|current|old|alte|altes|ancien|wiederholen|confirm|repeat|provisional|provvisoria|nuova|tempor[äa]res)[ \t]{0,2}\*?[ \t]{0,2}[:=][ \t]{0,3}|[ \t]{1,3}-[ \t]{1,3}|(?:[ \t]{1,3}(?:for|of|pour|für|para|de|del|on|at|to)[ \t][^\n:=]{1,40}|[ \t]{0,2}\([^)\n]{1,30}\))[ \t]{0,2}[:=][ \t]{0,3}|[ \t]{1,3}value[ \t]{0,2}=[ \t]{0,2}|(?:は|[\u4e00-\u9fff]{0,6}?(?:是|为|為)|는|은)[ \t\u3000]{0,3}/iy;
// "the password is X", "Passwort lautet X" ("lautet immer noch X", still), "la contraseña es X", "le mot de passe est X",
// and "set the password to X", "cambié la contraseña a X", "Passwort auf X gesetzt"; also
// after what the password is for: "the password for the admin account is X", or who used it:
// "the password I was using is X". An operator may stand after aligning blanks, as
// Terraform's and YAML's formatters put it ('password            = "X"').
const COPULA =
  /[ \t]{1,3}(?:is|was|to|est|ist|lautet|lautete|war|auf|es|era|fue|foi|était|c['’]était|c['’]est|a|é|è|er|är|jest|on|será|sera)[ \t]{0,2}:?[ \t]{1,3}(?:(?:still|now|immer noch|noch immer|noch|jetzt|toujours|todavía|ainda|stadig|fortsatt|fortfarande|nadal)[ \t]{1,3})?|[ \t]{1,3}(?:for|of|on|at|to|i|we|you|they)[ \t][^\n:=.,;!?]{1,40}?[ \t](?:is|was)[ \t]{1,3}/iy;
const ON_IS = /[ \t]{1,3}on[ \t][^\n:=.,;!?]{1,40}?[ \t](?:is|was)[ \t]{1,3}/iy;
// curl, wget and friends: `-u user:password`, `--user=user:password` (the user may be an
// e-mail address).
const CLI_USER =
  /(?<![\w-])(?:-u[ \t]{1,3}|--user[ \t=]{1,3})["']?([^\s:"']{1,64}):([^\s"'@]{1,64})/g;
// A user and a password after a credentials word: "credentials: admin:Summer2024!",
// "Login: jdoe / Xk8rT2q9", "creds admin/hunter2", "the login is jdoe / Xk8rT2q9".
const CRED_PAIR =
  /(?:credentials?|creds|log-?in|logon|zugangsdaten|identifiants|credenciales)\b(?:[ \t]{1,3}(?:is|are))?[ \t]{0,3}[:=-]?[ \t]{1,3}([^\s:/"'`]{1,64})[ \t]{0,2}[:/][ \t]{0,2}([^\s"'`]{4,64})/iy;
// Logging in as a user, then " / " and the password, spaced: a user in a sentence of steps.
const LOGIN_AS =
  /(?:log(?:ged)?[ -]?(?:in|on)(?:to)?|sign(?:ed)?[ -]?in(?:to)?|einloggen|anmelden|se connecter|connectez-vous|inicia(?:r)? sesi[óo]n)\b[^\n/]{0,40}?[ \t](?:as|with|using|mit|als|avec|como|con)[ \t]{1,3}([^\s/"'`]{2,64})[ \t]{1,2}\/[ \t]{1,2}([^\s"'`]{4,64})/iy;
const LOGIN_AS_STARTS = keywords(['log', 'sign', 'einloggen', 'anmelden', 'connect', 'inicia']);
/** The words CRED_PAIR starts with, found by the shared keyword pass (rules/keywords.ts). */
const CRED_STARTS = keywords(['cred', 'log', 'zugangsdaten', 'identifiants']);
// Tools whose short option takes the password: `mysql -uroot -pS3cret` (glued only: a spaced
// `-p db` prompts for it and names the database), `sshpass -p 'x' ssh ...`, `docker login -u
// me -p x`, `mongosh -p x`, `redis-cli -a x`.
const CLI_TOOL =
  /(mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|sshpass|mongo|mongosh|mongodump|mongorestore|redis-cli|(?:docker|podman|nerdctl|buildah|skopeo|oras) login)(?![\w-])/y;
/** Where CLI_TOOL can start, found by the shared keyword pass; tried only there. */
const CLI_STARTS = keywords([
  'mysql',
  'mariadb',
  'sshpass',
  'mongo',
  'redis-cli',
  'docker login',
  'podman login',
  'nerdctl login',
  'buildah login',
  'skopeo login',
  'oras login',
]);
const GLUED_P = /[ \t]-p(["']?)([^\s"'`-][^\s"'`]{0,63})\1(?=\s|$)/;
const SPACED_P = /[ \t]-p(?:[ \t]{1,2})?(["']?)([^\s"'`-][^\s"'`]{0,63})\1(?=\s|$)/;
const REDIS_A = /[ \t]-a[ \t]{1,2}(["']?)([^\s"'`-][^\s"'`]{0,63})\1(?=\s|$)/;
// `--password hunter2` on a command line, `WITH PASSWORD 'x'` in SQL.
// (An emoji may stand between a strong keyword and its quoted value: 'her password 🤦 "x"'.)
const SPACE =
  /[ \t]{1,2}(?:\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{EMod}\u200d\ufe0f]{0,8}[ \t]{1,2}(?=["']))?/uy;

// Values that say something about a password instead of being one. (Redacted, masked, hidden,
// removed and omitted ones are stand-ins: isTemplateValue drops them first.)
const STOP_WORDS = new Set(
  (
    'required optional mandatory incorrect invalid expired reset changed updated forgotten forgot ' +
    'missing empty blank none null nil undefined true false yes string str number int integer ' +
    'boolean bool text varchar char bytes object any protected encrypted hashed stored saved ' +
    'sent provided needed same correct wrong strong weak unknown enabled disabled default ' +
    'generated random unchanged managed valid length minimum maximum policy field input value ' +
    'example sample confidential private secure securely nullable sometimes confirmed ' +
    'confirmation please notset unset change changing updating expires expiring expiry ' +
    'rotation rotated manager vault attached below above separately requirements complexity ' +
    'mismatch accepted rejected locked unlocked authentication login hash salt plain plaintext ' +
    'cleartext username user email 1password lastpass bitwarden keepass dashlane keychain ' +
    'function async await return const typeof lambda def self this'
  ).split(' '),
);

// Context that marks a value as documentation rather than someone's credential.
// (Not a domain's or a path's part: "sftp.partner.example", "/samples/".)
const EXAMPLE_BEFORE =
  /(?<![.@/:_-])\b(?:example|e\.g\.|for instance|sample|such as|placeholder|dummy)\b(?![.@/_-]\w)/;
const DEFAULT_BEFORE = /\bdefault\b/;
// Words before "pass" that make it a ticket rather than a password.
const PASS_NOUN =
  /\b(?:boarding|bus|day|season|hall|ski|gate|guest|backstage|press|park|parking|travel|museum|rail|train|metro|transit|festival|event|vip|access|free|annual|weekly|monthly|visitor|mountain|e|digital|mobile|wallet|battle)[ \t]{1,2}$/;
const SQL_USER_BEFORE = /\buser\b|@/i;
const POSTAL = /\b(?:address|city|postal|post code|india|district|state|nagar|road|street)\b/;

/** Passwords and PINs written after a keyword; the span is the value. */
export const password: Detector = {
  id: 'password',
  types: ['PASSWORD'],
  detect(text) {
    const out: Candidate[] = [];
    // A keyword inside a value already read is part of that value ("password: password1!");
    // skipping it also keeps a text of nothing but keywords linear.
    const read = { end: 0 };
    for (const m of matchAllAt(text, KEYWORD, keywordStarts(text), 0)) {
      if (m.index < read.end) continue;
      const c = candidateAt(text, m.index, m[0], read);
      if (c !== null) out.push(c);
      else if (CHAT_SHORT.has(m[0].toLowerCase())) {
        // A chat's short word right before a value that mixes three kinds of characters: "temp
        // pw Lumen-Temp-8831", "wifi pwd Tr0ub4dor&3" (not "pw reset", "pw 1234").
        const v = CHAT_VALUE.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 70));
        const glued = m.index > 0 && PROSE_GLUE.test(text[m.index - 1]!);
        if (v !== null && !glued && charClasses(v[2]!).count >= 3) {
          const start = m.index + m[0].length + v[1]!.length;
          const p = judge(text, m.index, start, start + v[2]!.length, false, true, 'pw', 'bare');
          if (p !== null) out.push({ ...p, reason: 'keyword, in a sentence' });
        }
      } else if (STRONG_SET.has(m[0].toLowerCase())) {
        const extra: Candidate[] = [];
        const p = proseValue(text, m.index, m.index + m[0].length, m[0].toLowerCase(), extra);
        if (p !== null) {
          out.push(p, ...extra);
          read.end = Math.max(read.end, (extra[0] ?? p).end);
        }
      }
    }
    const byKeyword = out.length;
    // A column of passwords under a header cell that names them ("email,password\n...").
    const headers = HEADER_WORDS.at(text);
    for (const cell of headers.length > 0 ? cellsUnderHeaders(text, headers, HEADER) : []) {
      if (taken(out, byKeyword, cell.start, cell.end)) continue;
      const c = judge(text, cell.start, cell.start, cell.end, false, true, cell.header, 'op');
      if (c !== null) out.push({ ...c, reason: 'column' });
    }
    // The literal first: a pattern that starts with a class is tried at every position.
    if (text.includes('-u') && /(?:^|\s)(?:-u|--user)[ \t=]/.test(text)) {
      for (const m of matchesOf(text, CLI_USER)) {
        const [, user, pass] = m;
        // `-u 1000:1000` is a uid:gid pair, `-u root:root` a published default.
        if (!/[A-Za-z]/.test(pass!) || pass!.toLowerCase() === user!.toLowerCase()) continue;
        const start = m.index + m[0].length - pass!.length;
        const c = judge(text, m.index, start, start + pass!.length, false, true, 'user', 'op');
        if (c !== null) out.push({ ...c, reason: 'user:password' });
      }
    }
    for (const m of stickyAtWordStarts(text, CLI_TOOL, CLI_STARTS.at(text))) {
      // A path may lead to the tool (/usr/bin/mysql); a file name or an option may not.
      const before = text.charCodeAt(m.index - 1);
      if (before === 46 || before === 45) continue;
      const tool = m[1]!;
      const from = m.index + m[0].length;
      let lineEnd = text.indexOf('\n', from);
      if (lineEnd < 0 || lineEnd - from > 200) lineEnd = Math.min(text.length, from + 200);
      const flag =
        tool.startsWith('my') || tool.startsWith('maria')
          ? GLUED_P
          : tool === 'redis-cli'
            ? REDIS_A
            : SPACED_P;
      const f = flag.exec(text.slice(from, lineEnd));
      if (f === null) continue;
      const start = from + f.index + f[0].length - f[2]!.length - f[1]!.length;
      if (taken(out, byKeyword, start, start + f[2]!.length)) continue;
      const c = judge(
        text,
        m.index,
        start,
        start + f[2]!.length,
        f[1] !== '',
        true,
        'password',
        'op',
      );
      if (c !== null) out.push({ ...c, reason: 'command line' });
    }
    // A login that failed with what was typed: "tried with Sunshine#47 doesnt work", "heb het
    // geprobeerd met zonnetje123 werkt niet", "próbowałam z katarzyna834 i nie działa". Only
    // in a text about logging in, and only a token with a digit or a symbol in it.
    if (TRIED_STARTS.test(text) && LOGIN_WORDS.test(text)) {
      for (const m of matchesOf(text, TRIED_WITH)) {
        const value = m[1]!;
        if (!/[\d\W_]/.test(value) || /^\d+$/.test(value) || VERSION.test(value)) continue;
        let e = m.index + m[0].length - m[2]!.length;
        if (/["'”“»]/.test(text[e - 1]!)) e--;
        const start = e - value.length;
        if (taken(out, byKeyword, start, e)) continue;
        const c = judge(text, m.index, start, start + value.length, false, true, 'password', 'op');
        if (c !== null) out.push({ ...c, reason: 'tried at login' });
      }
    }
    for (const m of stickyAtWordStarts(text, CRED_PAIR, CRED_STARTS.at(text))) {
      const k = m.index;
      const [whole, user, raw] = m;
      // A URL ("login: https://..."), a path ("login: example.com/auth2", "api/v2/users"),
      // or the user repeated, is no pair.
      if (raw!.startsWith('/') || raw!.toLowerCase() === user!.toLowerCase()) continue;
      // (A slash set off by blanks parts an address from its password: "login is
      // ops@ferngrove.co / Fern!grove_22".)
      const head = whole!.slice(0, whole!.length - raw!.length);
      const slash = /\/[ \t]*$/.test(head) && !/[ \t]\/[ \t]+$/.test(head);
      if (slash && (user!.includes('.') || raw!.includes('/'))) continue;
      const pass = raw!.replace(/[.,;:)\]}]+$/, '');
      const start = k + whole!.length - raw!.length;
      if (taken(out, byKeyword, start, start + pass.length)) continue;
      const c = judge(text, k, start, start + pass.length, false, false, 'login', 'op');
      if (c !== null) out.push({ ...c, reason: 'user:password' });
    }
    // Steps to reproduce that log in as someone: "Log into staging as qa@example.org /
    // Xk8rT2q9", "Auf staging einloggen mit qa@example.org / Herbst2025#".
    for (const m of stickyAtWordStarts(text, LOGIN_AS, LOGIN_AS_STARTS.at(text))) {
      const [whole, , raw] = m;
      const pass = raw!.replace(/[.,;:)\]}]+$/, '');
      const start = m.index + whole!.length - raw!.length;
      if (taken(out, byKeyword, start, start + pass.length)) continue;
      const c = judge(text, m.index, start, start + pass.length, false, false, 'login', 'op');
      if (c !== null) out.push({ ...c, reason: 'user / password' });
    }
    // A key and its value as two fields of one object, as Postman's environments and many
    // settings exports write them: {"key": "password", "value": "..."}.
    if (text.includes('"value"')) {
      for (const m of matchesOf(text, KEY_VALUE_PAIR)) {
        const end = m.index + m[0].length - 1;
        const start = end - m[1]!.length;
        if (taken(out, byKeyword, start, end)) continue;
        const c = judge(text, m.index, start, end, true, false, 'password', 'op');
        if (c !== null) out.push({ ...c, reason: 'key and value' });
      }
    }
    return out;
  },
};
const KEY_VALUE_PAIR =
  /"(?:key|name)"[ \t]*:[ \t]*"(?:password|passwd|pwd|passphrase|db_password|admin_password)"[ \t]*,[ \t]*"value"[ \t]*:[ \t]*"([^"\n]{4,64})"/gi;

/**
 * A password said in a sentence, a few words after its keyword: "la contraseña creo que era
 * x6p%hkm2J!", "wachtwoord was volgens mij Zebra@169", "Last password you remember:
 * hhrhockey2$", "hasło do panelu to Orzech_810", "eski şifresini yazdı (Kartal_6y0)". The first
 * of the next seven words on the line that is unmistakably a password (letters and digits, and
 * mixed case or a symbol: judge's bare form), before the sentence ends or a user name's word
 * comes (what follows "usuario" is the user's name).
 */
function proseValue(
  text: string,
  at: number,
  kwEnd: number,
  keyword: string,
  extra: Candidate[],
): Candidate | null {
  // A word of prose: nothing glued to it (not "somepassword@host", "'Password' })").
  if ((at > 0 && PROSE_GLUE.test(text[at - 1]!)) || !PROSE_AFTER_KEYWORD.test(text[kwEnd] ?? '')) {
    return null;
  }
  const nl = text.slice(kwEnd, kwEnd + PROSE_REACH).indexOf('\n');
  const seg = text.slice(kwEnd, nl < 0 ? kwEnd + PROSE_REACH : kwEnd + nl);
  PROSE_TOKEN.lastIndex = 0;
  for (let n = 0, m; n < 7 && (m = PROSE_TOKEN.exec(seg)) !== null; n++) {
    const raw = m[0];
    const lead = PROSE_LEAD.exec(raw)![0].length;
    const trail = PROSE_TRAIL.exec(raw.slice(lead))![0].length;
    const word = raw.slice(lead, raw.length - trail).replace(GLUED_SUFFIX, '');
    if (PROSE_STOP.test(word)) return null;
    // Code, a link, an address or a path: no sentence about a password goes on through it.
    if (PROSE_CODE.test(word)) return null;
    const start = kwEnd + m.index + lead;
    const c = judge(text, at, start, start + word.length, false, true, keyword, 'bare');
    if (c !== null) {
      // "was oslo494Violet or maybe rV3$Tn8Jk9": the other one the writer was unsure of too.
      const alt = PROSE_OR.exec(seg.slice(m.index + raw.length));
      if (alt !== null) {
        const s2 = kwEnd + m.index + raw.length + alt[0].length - alt[1]!.length;
        const w2 = alt[1]!.replace(PROSE_TRAIL, '');
        const c2 = PROSE_CODE.test(w2)
          ? null
          : judge(text, at, s2, s2 + w2.length, false, true, keyword, 'bare');
        if (c2 !== null) extra.push({ ...c2, reason: 'keyword, in a sentence' });
      }
      return { ...c, reason: 'keyword, in a sentence' };
    }
    // A plain word closing its sentence ends the search.
    if (/[.!?]$/.test(raw) && /^\p{L}+[.!?]+$/u.test(raw)) return null;
  }
  return null;
}
const PROSE_REACH = 72;
/** The short words a chat writes for a password, and the value right after one (or "is"). */
const CHAT_SHORT: ReadonlySet<string> = new Set(['pw', 'pwd']);
const CHAT_VALUE = /^([ \t]{1,2}(?:is[ \t]{1,2})?)([^\s"'`<>()[\]{}]{8,64}?)[.,;!?]?(?=\s|$)/;
// An Indic or Thai particle glued to an ASCII password ends it: Tamil "Meena@1988னு" ("... that
// I set"), Hindi and Telugu case endings.
const GLUED_SUFFIX = /(?<=[\x21-\x7e])[\u0900-\u0dff\u0e00-\u0e7f]+$/;
const PROSE_OR =
  /^[ \t]{1,2}(?:or|o|ou|oder|of|lub|veya|oppure)(?:[ \t]{1,2}(?:maybe|perhaps|quizás|quizas|vielleicht|peut-être|forse|misschien|talvez))?[ \t]{1,2}(\S{6,64})/iu;
const PROSE_GLUE = /[\p{L}\p{N}_@/.'"`-]/u;
const PROSE_AFTER_KEYWORD = /[ \t:]/;
// ('@' before a letter: an address or a user at a realm; "Zebra@169" is a password.)
/** A namespace's prefix opening an element: "<wsse:", "<ns2:". */
const XML_PREFIX_BEFORE = /<[A-Za-z][\w.-]{0,20}:$/;
const PROSE_CODE = /@\p{L}|^@|[/\\=<>{}()[\]"'`|]|^#|:\/\//u;
const PROSE_TOKEN = /\S+/g;
const PROSE_LEAD = /^[(«"'“‘[]*/;
const PROSE_TRAIL = /[.,;:)»"'”’\]]*$/;
/** Words after which the next word is a user's name or an address, not the password. */
const PROSE_STOP =
  /^(?:user(?:name)?|usuario|utente|login|e-?mail|identifiant|gebruikersnaam|benutzer(?:name)?|nutzername|użytkownik|kullanıcı|reset|link|sent|expired|policy|requirements?)$/iu;

/**
 * Whether the value at `start`, followed by `after`, fills the last cell of a Markdown table's
 * row ("| password | nLFPlVASJXGJCe |"): the pipe after it closes the row, it is no code.
 */
function lastCellOfRow(text: string, start: number, after: string): boolean {
  if (!/^[ \t]{0,2}\|[ \t]*(?:\r?\n|$)/.test(after)) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*\|/.test(text.slice(lineStart, start));
}

/** How the keyword was joined to its value. */
type Form = 'op' | 'copula' | 'space' | 'bare';

/** The password candidate for the keyword `kw` at `at`, or null. */
function candidateAt(
  text: string,
  at: number,
  kw: string,
  read: { end: number },
): Candidate | null {
  const lower = kw.toLowerCase();
  const strong = STRONG_SET.has(lower);
  const kwEnd = at + kw.length;
  if (!keywordBounded(text, at, kwEnd, kw, strong)) return null;
  if (lower === 'pass' && PASS_NOUN.test(before(text, at, 24))) return null;
  // SQL's "IDENTIFIED BY" sets a password; in prose "identified by" names who found something
  // ('problem identified by "jamesh"'). Lower case counts only in a statement about a user.
  if (
    lower === 'identified by' &&
    kw !== 'IDENTIFIED BY' &&
    !SQL_USER_BEFORE.test(before(text, at, 80))
  ) {
    return null;
  }

  // XML element: <password>value</password>, namespaced or not (<wsse:Password>).
  if (
    text[kwEnd] === '>' &&
    (text[at - 1] === '<' ||
      (text[at - 1] === ':' && XML_PREFIX_BEFORE.test(text.slice(Math.max(0, at - 24), at))))
  ) {
    // Searches stay within a bounded window so a text of many keywords stays linear.
    const close = text.slice(kwEnd + 1, kwEnd + 131).indexOf('<');
    // Only an element closed by its own tag: a placeholder "<PASSWORD>" in a URL or a template
    // is no element ("postgres://<USER>:<PASSWORD>@localhost").
    if (close < 0 || text.charCodeAt(kwEnd + 2 + close) !== 47) return null;
    read.end = kwEnd + 1 + close;
    return judge(text, at, kwEnd + 1, kwEnd + 1 + close, true, strong, lower, 'op');
  }

  let pos = kwEnd;
  // A key that says the value is the password as typed: "pw_debug=", "password_plain=".
  KEY_SUFFIX.lastIndex = pos;
  pos += KEY_SUFFIX.exec(text)?.[0].length ?? 0;
  KEY_CLOSE.lastIndex = pos;
  const close = KEY_CLOSE.exec(text)?.[0] ?? '';
  pos += close.length;
  let form: Form | null = null;
  // A quoted key, a comma, then the quoted value: PHP's define('DB_PASSWORD', 'x'), a tuple
  // or an argument list ("password", "x").
  // (The key names the field, "DB_PASSWORD": a bare 'password' is as often the argument
  // itself, argon2id('password', 'saltsalt').)
  if (
    (close.includes("'") || close.includes('"')) &&
    COMPOUND_KEY_BEFORE.test(text[at - 1] ?? '')
  ) {
    KEY_COMMA.lastIndex = pos;
    const c = KEY_COMMA.exec(text);
    if (c !== null) {
      pos += c[0].length;
      form = 'op';
    }
  }
  for (const [re, f] of form !== null
    ? []
    : ([
        [OPERATOR, 'op'],
        [COPULA, 'copula'],
      ] as const)) {
    re.lastIndex = pos;
    const s = re.exec(text);
    // "on" is Finnish's "is" ("salasana on X"); after other words it is the English one
    // ("mosquitto_passwd on FreeBSD", "the password on the staging box is X").
    if (s !== null && f === 'copula' && lower !== 'salasana' && /^[ \t]+on[ \t:]*$/i.test(s[0])) {
      ON_IS.lastIndex = pos;
      const on = ON_IS.exec(text);
      if (on !== null) {
        pos += on[0].length;
        form = f;
      }
      break;
    }
    if (s !== null) {
      // A dash between a keyword and one word of letters is a title's ("Réinitialisation du
      // mot de passe – Océane Assurances"), not a value's.
      if (
        f === 'op' &&
        DASH_ONLY.test(s[0]) &&
        LETTERS_THEN_WORD.test(text.slice(pos + s[0].length, pos + s[0].length + 64))
      ) {
        return null;
      }
      pos += s[0].length;
      form = f;
      break;
    }
  }
  if (form === null) {
    // A bare space separates only on a command line (--password x) or before a quoted value.
    SPACE.lastIndex = pos;
    const s = SPACE.exec(text);
    if (s === null) return null;
    const cli = /(?:^|\s)--?[\w-]{0,20}$/.test(text.slice(Math.max(0, at - 22), at));
    // Only after a strong keyword: "pass `x`" in documentation is the verb.
    // Backticks are excluded here: in prose they mark code ("identified by `name`").
    const quoted = strong && /["']/.test(text[pos + s[0].length] ?? '');
    // "Login: jane / password Xk8!rT2q": a strong keyword may be followed by the bare value,
    // but then the value must be unmistakably a password (judged below).
    // "PIN 7391": the capitalised acronym is a PIN even without a colon.
    const pin = kw === 'PIN';
    if (!cli && !quoted && !strong && !pin) return null;
    // A keyword inside another key's value ("reason=bad_password attempt=3/5") is a word of
    // that value, not a label of what follows.
    if (!cli && !quoted && VALUE_BEFORE.test(text.slice(Math.max(0, at - 32), at))) return null;
    pos += s[0].length;
    form = cli || quoted ? 'space' : 'bare';
  }

  // The value: quoted up to its closing quote, or unquoted up to a blank or a delimiter.
  // An escaped quote (\") opens and closes the value of JSON logged inside a string.
  const escaped = text[pos] === '\\' && text[pos + 1] === '"';
  if (escaped) pos++;
  const q = text[pos];
  if (q === '"' || q === "'" || q === '`') {
    const window = text.slice(pos + 1, pos + 130);
    const close = window.indexOf(escaped ? '\\"' : q);
    const nl = window.indexOf('\n');
    if (close >= 0 && (nl < 0 || nl > close)) {
      read.end = pos + 1 + close;
      return judge(text, at, pos + 1, pos + 1 + close, true, strong, lower, form);
    }
    pos++;
  }
  let end = pos;
  const limit = Math.min(text.length, pos + 65);
  while (end < limit && !endsValue(text.charCodeAt(end))) end++;
  read.end = end;
  if (end === limit && end < text.length && !endsValue(text.charCodeAt(end))) return null;
  // In a query string the next parameter starts at `&name=`; a lone `&` is part of the value.
  const amp = /&[A-Za-z_][\w.-]{0,30}=/.exec(text.slice(pos, end));
  if (amp !== null) end = pos + amp.index;
  // Sentence punctuation after the value is not part of it.
  while (end > pos && /[.,;:)\]}]/.test(text[end - 1]!)) end--;
  const glued = GLUED_SUFFIX.exec(text.slice(pos, end));
  if (glued !== null) end -= glued[0].length;
  return judge(text, at, pos, end, false, strong, lower, form);
}

const TRIED_STARTS = keywords([
  'tried',
  'trying',
  'geprobeerd',
  'probeer',
  'tentei',
  'próbowa',
  'probowa',
  'probé',
  'provato',
  'essayé',
  'probiert',
]);
const LOGIN_WORDS = keywords([
  'password',
  'passwort',
  'mdp',
  'mot de passe',
  'contraseña',
  'senha',
  'wachtwoord',
  'hasło',
  'haslo',
  'log in',
  'login',
  'sign in',
  'inloggen',
  'anmelden',
  'einloggen',
  'connexion',
  'zalogowa',
  'entrar',
  'accedere',
]);
const VERSION = /^v?\d+(?:\.\d+)+$/i;
const TRIED_WITH =
  /\b(?:tried(?: it)? with|trying with|tried|geprobeerd met|probeer(?:de)? met|tentei com|tentei|próbował(?:am|em) z|probowal(?:am|em) z|probé con|ho provato con|j['’]ai essayé avec|(?:mit|es mit) )[ \t]{1,2}["'“„«]?([^\s"'“”„«»]{6,40})["'”“»]?(,?[ \t]{1,2}(?:and it |but it |but |it )?(?:doesn['’]?t|does not|didn['’]?t|did not|isn['’]?t|won['’]?t|not working|no luck|werkt niet|e não|i nie|no funciona|non funziona|ne marche|funktioniert nicht|geht nicht))/giu;
const DASH_ONLY = /^[ \t]+[-–—][ \t]+$/;
const LETTERS_THEN_WORD = /^\p{Lu}\p{Ll}+[ \t]+\p{Lu}/u;

/**
 * Whether a candidate already found overlaps [start, end). (The passes after the keywords' ask
 * this, not where the keyword pass stopped reading: a keyword further on, "using password: YES"
 * after a `mysql -p'x'` line, took every value before it.)
 */
function taken(out: readonly Candidate[], sorted: number, start: number, end: number): boolean {
  // out[0, sorted) are the keyword pass's, in order of start: a binary search for the last
  // that starts before `end`; those after, from the other passes, are few.
  let lo = 0;
  let hi = sorted;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (out[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  // (Values never nest, so the one starting last before `end` is the only one that can reach
  // past `start`.)
  if (lo > 0 && out[lo - 1]!.end > start) return true;
  for (let i = sorted; i < out.length; i++) {
    if (out[i]!.start < end && start < out[i]!.end) return true;
  }
  return false;
}

/** Blanks, quotes and the delimiters , ; < > end an unquoted value. */
function endsValue(c: number): boolean {
  return (
    c <= 32 || c === 34 || c === 39 || c === 96 || c === 44 || c === 59 || c === 60 || c === 62
  );
}

const CJK_PARTICLE = /^[はが是는은]$/u;

/** Keyword boundaries: not inside a longer word, except at a camelCase join (dbPassword). */
function keywordBounded(
  text: string,
  at: number,
  end: number,
  kw: string,
  strong: boolean,
): boolean {
  const next = text[end] ?? ' ';
  // (A CJK keyword is followed by its particle: "パスワードは", "密码是"; a Chinese one by the
  // words of a clause too, as Chinese writes no blanks: "密码我记得是".)
  const cjkNext = CJK_PARTICLE.test(next) || /[\u4e00-\u9fff]/.test(next);
  if (/[\p{L}\p{N}]/u.test(next) && !(cjkNext && kw.charCodeAt(0) >= 0x3000)) {
    return false;
  }
  const prev = text[at - 1] ?? ' ';
  // Weak keywords must start a token, not sit inside punctuation soup ("3p]Pw:" in an
  // encoded blob).
  if (!strong && !/[\s"'`_.\-({[,;|/>*#]/.test(prev)) return false;
  if (!/[\p{L}\p{N}]/u.test(prev)) return true;
  // After a CJK word: "对了密码我记得是 X" ("oh, the password, I remember, is X").
  if (kw.charCodeAt(0) >= 0x3000 && prev.charCodeAt(0) >= 0x3000) return true;
  // dbPassword, userPassword: a lower-case letter, then a strong keyword capitalised. Not a
  // method name (getPassword, hashPassword) and not inside an encoded blob ("3p1Pw:").
  if (!strong || !/[a-z]/.test(prev) || !/[A-Z]/.test(kw[0]!) || !/[a-z]/.test(kw.slice(1))) {
    return false;
  }
  let s = at - 1;
  while (s > 0 && s > at - 20 && /[A-Za-z]/.test(text[s - 1]!)) s--;
  return !VERB_PREFIX.test(text.slice(s, at));
}

/**
 * A comma and prose after it: two words, or a word ending a sentence ("thanks."), not a key
 * ("name:", "id?:"), a call ("hash(") or the rest of an object ("email }").
 */
const PROSE_AFTER_COMMA =
  /^,[ \t]+\p{L}+(?:[ \t]+\p{L}+(?![\p{L}\p{N}_$]|[ \t]*[:?(=<])|[.!?](?:\s|$))/u;

/** Words in parentheses in place of a value: "(sensitive value)", "(known after apply)". */
const PARENTHESISED_WORDS = /^\((?:[a-z]+ ){0,3}[a-z]+\)/i;
/** The start of a key's value glued to a keyword after it: "reason=bad_" before "password". */
const VALUE_BEFORE = /[=:][\w.-]*[_.-]$/;

// Method names that act on a password rather than hold one.
const VERB_PREFIX =
  /^(?:get|set|has|is|check|validate|hash|reset|forgot|change|update|verify|compare|encrypt|decrypt|generate|show|hide|toggle|confirm|require|handle|on|use|with|should|can|new|old|input|enter|store|save|read|load|fetch|send|create|remove|delete|clear|match|test|parse|format|mask)$/;

function judge(
  text: string,
  at: number,
  start: number,
  end: number,
  quoted: boolean,
  strong: boolean,
  keyword: string,
  form: Form,
): Candidate | null {
  const value = text.slice(start, end);
  const isPin = keyword.startsWith('pin');
  if (isPin) return judgePin(text, at, start, end, value, keyword);
  if (value.length < 6 || value.length > (quoted ? 128 : 64)) return null;
  if (!quoted && /\s/.test(value)) return null;
  // Stand-ins: templates, masks and placeholder words (isPlaceholderPassword asks isTemplateValue).
  if (isPlaceholderPassword(value)) return null;
  // Words in parentheses say what the value is: Terraform's plan prints "password =
  // (sensitive value)", "(known after apply)".
  if (!quoted && PARENTHESISED_WORDS.test(text.slice(start, start + 40))) return null;
  const low = value.toLowerCase();
  const head = /^[a-z]+/.exec(low)?.[0] ?? '';
  if (STOP_WORDS.has(low) || (head !== low && STOP_WORDS.has(head) && /^[a-z]+[|:,(]/.test(low)))
    return null;
  // The key repeated as its value ("password=PASSWORD", "<password>"); "password123" is a
  // real, if weak, password and is kept.
  if (low.replace(/[^\p{L}\p{N}]/gu, '') === keyword.replace(/[^\p{L}\p{N}]/gu, '')) return null;
  if (looksLikeCode(value, quoted)) return null;
  // A type annotation or an identifier in code: `password: BinaryLike,`, `(password: str)`,
  // `password: string | undefined`. A bare word followed by code punctuation.
  // In prose a comma may follow a password of letters only ("password: EOLMlLNsHxzdtF, thanks"):
  // mixed case, then a word that is no key of an object or a parameter list.
  if (!quoted && /^[A-Za-z_$][\w$]*$/.test(value) && !/\d/.test(value)) {
    const after = text.slice(end, end + 24);
    if (/^[ \t]{0,2}(?:[,;)|&>=\]}]|\?:)/.test(after) && !lastCellOfRow(text, start, after)) {
      if (!(/[a-z]/.test(value) && /[A-Z]/.test(value) && PROSE_AFTER_COMMA.test(after))) {
        return null;
      }
    }
  }
  // A plain word that opens a phrase is prose describing the field, as a docs list does
  // ("* `password` - Corresponding password", "password: Required field").
  if (
    !quoted &&
    /^[A-Z]?[a-z]+(?:[/-][a-z]+)*$/.test(value) &&
    /^(?:['’]s)?[ \t]+[a-z]{2,}/.test(text.slice(end, end + 10))
  ) {
    return null;
  }
  // A label, not a value: i18n files map "password" to "Passwort", "Mot de passe"...
  if (LABEL.test(value)) return null;
  // A "value" with a blank at either end lies between two string literals of code
  // ('"IMAP password for %s: " % (USER, host or "localhost")'), not inside one.
  if (quoted && /^\s|\s$/.test(value)) return null;
  // Several plain words in quotes are a sentence ("Enter a new password"), not a passphrase.
  if (quoted && /\s/.test(value) && !/\d|[^\w\s-]/.test(value)) return null;

  const cls = charClasses(value);
  const mixed = cls.count >= 2;
  // Hyphens and underscores join words ("case-sensitive"), so they do not count as symbols.
  const hasDigitOrSymbol = cls.digit || /[^\w-]/.test(value);
  let score: number;
  if (!strong) {
    // pass / pw / pwd / clave: a word or a number after them is rarely a password.
    if (!(cls.lower || cls.upper) || !cls.digit) return null;
    score = 0.7;
  } else if (form === 'bare') {
    // No separator at all: letters, digits, and mixed case or a symbol, and not a version.
    if (!(cls.lower || cls.upper) || !cls.digit) return null;
    if (!(cls.lower && cls.upper) && !/[^\w-]/.test(value)) return null;
    if (/^v?\d+(?:\.\d+)+/i.test(value)) return null;
    score = 0.7;
  } else if (form === 'copula' && !quoted) {
    // Prose: "the password is stored in the vault" must not match, so demand a value that is
    // not a plain word (a digit, a symbol, or a capital after the first letter).
    if (!hasDigitOrSymbol && !/.[A-Z]/.test(value)) return null;
    score = 0.8;
  } else {
    score = quoted || mixed ? 0.85 : 0.65;
  }
  const ctx = before(text, at, 60);
  let reason = 'keyword';
  if (EXAMPLE_BEFORE.test(ctx)) {
    score -= 0.4;
    reason = 'example context';
  } else if (DEFAULT_BEFORE.test(ctx)) {
    score -= 0.15;
    reason = 'default';
  }
  return { start, end, type: 'PASSWORD', score, reason };
}

function judgePin(
  text: string,
  at: number,
  start: number,
  end: number,
  value: string,
  keyword: string,
): Candidate | null {
  if (!/^\d{4,8}$/.test(value)) return null;
  // An Indian PIN code is a six-digit postal code.
  if (value.length === 6 && (keyword !== 'pin' || POSTAL.test(text.slice(at, end + 60)))) {
    return null;
  }
  if (POSTAL.test(before(text, at, 40))) return null;
  const trivial = /^(\d)\1+$/.test(value) || '0123456789876543210'.includes(value);
  return {
    start,
    end,
    type: 'PASSWORD',
    score: trivial ? 0.4 : 0.7,
    reason: trivial ? 'trivial pin' : 'pin',
  };
}

const DOC_TYPE =
  /^[{<(](?:string|str|number|int|integer|boolean|bool|object|any|buffer|bytes|array|function|null|undefined|unknown|secret|secretstr)(?:[|[\]]|[}>)]|$)/i;

/** Code that computes or refers to a password, rather than a literal one. */
function looksLikeCode(value: string, quoted: boolean): boolean {
  // Optional chaining and non-null assertions read as plain member access.
  const v = value.replace(/[?!]\./g, '.');
  // YAML tags and encrypted blobs: !vault |, ENC[AES256_GCM,...].
  if (/^![a-z]/i.test(v) || /^ENC\[/.test(v)) return true;
  // A type in documentation: "`passphrase`: {string} | Buffer", "password <string>".
  if (DOC_TYPE.test(v)) return true;
  // Paths and URLs are files, not passwords (`pwd: /home/jane`).
  if (/^(?:\/|~\/|\.\/|[A-Za-z]:\\|https?:)/.test(v)) return true;
  // A quoted value is a string literal, whatever it contains ("Summer(2024)").
  if (quoted) return false;
  // Calls and lookups: getenv("X"), Joi.string().min(8), request.POST["password"].
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[([]/.test(v)) return true;
  if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(v)) return false;
  const parts = v.split('.');
  // Member paths: from a known root, or lower-case dotted names without digits
  // (process.env.DB_PASS, config.password, exports.username). "Tiger.Bonjour.Azul33" is a
  // password, not a path.
  if (parts.length > 1 && (CODE_ROOTS.has(parts[0]!) || /^[a-z_$][^\d]*$/.test(v))) return true;
  // A variable that names what it holds: dbPassword, user_pass, SECRET_KEY.
  return parts.some((p) => identifierWords(p).some((w) => SECRET_WORDS.has(w)));
}

const CODE_ROOTS = new Set(
  (
    'process os env ENV config conf cfg settings Settings this self app ctx context req request ' +
    'res options opts props params args data user form values secrets vault credentials creds ' +
    'db database window document System Environment import Config Configuration cls'
  ).split(' '),
);
const SECRET_WORDS = new Set(
  'pass password passwd pwd pw secret secrets token key cred creds credential credentials'.split(
    ' ',
  ),
);

/** The lower-cased words of an identifier: dbPassword -> db, password; USER_PASS -> user, pass. */
function identifierWords(id: string): string[] {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_$-]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    // A chat's "pw" right before a value of three kinds of characters.
    { text: 'ok unlocking, temp pw Quartz-Temp-4410 ill tell him', value: 'Quartz-Temp-4410' },
    { text: 'login is ops@brindle.example / Brin!dle_37 for the portal', value: 'Brin!dle_37' },
    { text: '<wsse:Password>kitten.falcon60</wsse:Password>', value: 'kitten.falcon60' },
    // A key that holds the password as typed, in a log line.
    { text: 'result=FAIL attempt=2 pw_debug="Marigold47!!"', value: 'Marigold47!!' },
    // An adverb after the copula; Nordic definite forms; Georgian, Arabic, Persian, Tamil.
    { text: 'das Admin-Passwort lautet immer noch Sommer2024!. Bitte', value: 'Sommer2024!' },
    {
      text: 'lars.holm har stadig adgangskoden Hygge!2024kbh til portalen',
      value: 'Hygge!2024kbh',
    },
    { text: 'ახალი პაროლია Gio_Beridze#2024 თუ დაგჭირდებათ', value: 'Gio_Beridze#2024' },
    { text: 'كلمة مرور لوحة التحكم المؤقتة: Hmdi@2024!pay', value: 'Hmdi@2024!pay' },
    { text: 'کاربر: قبلاً رمزم Hossein@1365 بود', value: 'Hossein@1365' },
    { text: 'ரூட்டர் பாஸ்வேர்ட் Meena@1988னு மாத்தினேன்', value: 'Meena@1988' },
    // A host in the reserved .example domain is no example of the password below it.
    {
      text: 'sftp:\n  host: sftp.partner-gateway.example\n  user: acme_hr\n  password: Wint3r#Ledger77',
      value: 'Wint3r#Ledger77',
    },
    // Steps that log in as a user, then " / " and the password; a settings export's key and
    // value as two fields.
    {
      text: 'Steps:\n1. Log into staging as qa.tester+13@example-shop.org / JWHvrtse2sSXcquE8Zrqlq',
      value: 'JWHvrtse2sSXcquE8Zrqlq',
    },
    {
      text: '{ "key": "password", "value": "league-wasabi-perspire21", "enabled": true }',
      value: 'league-wasabi-perspire21',
    },
    // Said in a sentence, a few words after the keyword, and the other one the writer thought of.
    {
      text: 'y la contraseña creo que era x6p%hkm2J! o 7#ln5W6FMx^F%q . soy Teodoro',
      value: '7#ln5W6FMx^F%q',
    },
    { text: 'wachtwoord was volgens mij Zebra@169 maar dat werkt niet', value: 'Zebra@169' },
    { text: 'Last password you remember: hhrhockey2$\nPlatform: PC', value: 'hhrhockey2$' },
    { text: 'müşteri eski şifresini yazdı (Kartal_6y0), başka yerde', value: 'Kartal_6y0' },
    // Forms with a required field's star, a qualifier before the colon, the value on the next
    // line; Wi-Fi keys; a login that failed with what was typed.
    { text: 'Forgot my password\nNew password *  Dr@g0n6$\nSubmitted', value: 'Dr@g0n6$' },
    {
      text: 'Nueva contraseña *\nwillow-velvet-pebble-68\nEnviado',
      value: 'willow-velvet-pebble-68',
    },
    { text: 'Mot de passe provisoire : Welcome-2004-SI!', value: 'Welcome-2004-SI!' },
    { text: 'Initialpasswort: velvet-lantern-mango-73', value: 'velvet-lantern-mango-73' },
    {
      text: 'SSID "Office-5G" WPA2 key: maple-tundra-lantern-11',
      value: 'maple-tundra-lantern-11',
    },
    { text: 'la contraseña era Barcelona!6139 y creo', value: 'Barcelona!6139' },
    { text: 'i cant log in. tried with Sunshine#47 doesnt work', value: 'Sunshine#47' },
    {
      text: 'kan niet inloggen, heb het geprobeerd met zonnetje123 werkt niet',
      value: 'zonnetje123',
    },
    // An emoji between the keyword and its quoted value; Redis's own option.
    {
      text: 'also she just sent me her password 🤦 "gohugozowux94" - reset?',
      value: 'gohugozowux94',
    },
    { text: 'command: redis-server --requirepass Fit.Platter60!', value: 'Fit.Platter60!' },
    // A quoted key, a comma, the quoted value: PHP's define(), a tuple.
    { text: "define( 'DB_PASSWORD', 'raKh0NB1tyd_XoLK' );", value: 'raKh0NB1tyd_XoLK' },
    // Aligned by a formatter; who used it between the word and its value; a Wi-Fi key.
    {
      text: '  username = "dbadmin"\n  password            = "D4qnVDUaDXhAR-Fi1%N7sOSC"',
      value: 'D4qnVDUaDXhAR-Fi1%N7sOSC',
    },
    {
      text: 'The password I was using is Language-Chow66% and it says invalid',
      value: 'Language-Chow66%',
    },
    { text: 'network={\n    ssid="Office-5G"\n    psk="MuscatDash49#"\n}', value: 'MuscatDash49#' },
    // A column under a header that names it.
    { text: 'email,password,plan\nana@mailbox.org,Xk8#mQ2v9Lp!,pro', value: 'Xk8#mQ2v9Lp!' },
    // Letters only, closing a Markdown table's row: the pipe is the row's, not code's.
    {
      text: '| Field | Value |\n|---|---|\n| password | nLFPlVASJXGJCe |',
      value: 'nLFPlVASJXGJCe',
    },
    // A user and a password after "the login is", "creds are".
    { text: 'The login is jdoe / Xk8rT2q9!', value: 'Xk8rT2q9!' },
    { text: 'creds are jdoe:Summer2024!', value: 'Summer2024!' },
    // What the password is for, between the keyword and "is".
    { text: 'The password for the admin account is Tr0ub4dor&3', value: 'Tr0ub4dor&3' },
    // Letters only, mixed case, then a comma and prose.
    { text: 'password: EOLMlLNsHxzdtF, thanks.', value: 'EOLMlLNsHxzdtF' },
    // A user and a password after a credentials word.
    { text: 'credentials: admin:Summer2024!', value: 'Summer2024!' },
    { text: 'Login: jdoe / 45RWoOuFgUzj (expires Friday)', value: '45RWoOuFgUzj' },
    { text: 'Password: Tr0ub4dor&3', value: 'Tr0ub4dor&3' },
    { text: '{"username": "jdoe", "password": "Blue-Kite-1987"}', value: 'Blue-Kite-1987' },
    { text: 'DB_PASSWORD=hK7#pQ2vZ9', value: 'hK7#pQ2vZ9' },
    { text: 'my password is Winter2024! but it does not work', value: 'Winter2024!' },
    { text: 'login bob / pwd: k1tt3nz99', value: 'k1tt3nz99' },
    { text: 'mysql -u root --password s3cr3t-Pa55 -h db01', value: 's3cr3t-Pa55' },
    // The short option of tools that take the password with it.
    { text: 'mysql -u root -pS3cr3tP4ss! -h db.internal', value: 'S3cr3tP4ss!' },
    { text: "sshpass -p 'Hunter2Hunter2' ssh ops@10.2.3.4", value: 'Hunter2Hunter2' },
    {
      text: "docker login -u deploy -p 'Tr0ub4dor&3xyz' registry.example.com",
      value: 'Tr0ub4dor&3xyz',
    },
    { text: 'redis-cli -h cache -a R3disPassw0rd ping', value: 'R3disPassw0rd' },
    { text: '/usr/bin/mysql -u root -pS3cr3tP4ss!', value: 'S3cr3tP4ss!' },
    { text: 'Le mot de passe est Soleil-2023 pour le compte admin.', value: 'Soleil-2023' },
    { text: 'Passwort: Sommer#2024', value: 'Sommer#2024' },
    { text: 'contraseña: gato-negro-77', value: 'gato-negro-77' },
    { text: 'パスワードは Sakura-2291 です', value: 'Sakura-2291' },
    { text: '[用户] 对了密码我记得是 ly19920815，是不是被人改了？', value: 'ly19920815' },
    { text: '初始密码为 Abc12345，请修改', value: 'Abc12345' },
    { text: 'PIN: 4829', value: '4829' },
    { text: "CREATE USER app WITH PASSWORD 'Xq9!mLp2vR';", value: 'Xq9!mLp2vR' },
    { text: '<password>Pl4typus!Run</password>', value: 'Pl4typus!Run' },
    { text: 'wifi password for the guest network: sunflower-42', value: 'sunflower-42' },
    { text: 'userPassword = "N0rth$tar88";', value: 'N0rth$tar88' },
    { text: 'Login: jane@acme.io / password Gg1UJJZX9svYj^!+t8', value: 'Gg1UJJZX9svYj^!+t8' },
    { text: 'I set the password to X4jNuONnWwTr yesterday.', value: 'X4jNuONnWwTr' },
    { text: 'the password on the staging server is Xk8#2mQ9', value: 'Xk8#2mQ9' },
    { text: 'password: Tiger.Bonjour.Azul33', value: 'Tiger.Bonjour.Azul33' },
    { text: '  password: @lw87?p*234=vQ=gbQ\n', value: '@lw87?p*234=vQ=gbQ' },
    { text: '<add key="DbPassword" value="Xk9#mQ2!vL"/>', value: 'Xk9#mQ2!vL' },
    { text: 'POST /login?user=bob&password=Summer2024&remember=1', value: 'Summer2024' },
    { text: 'curl -u deploy:Tr4in-Yard-88 https://ci.acme.io/api/json', value: 'Tr4in-Yard-88' },
    // A user named by their e-mail address (Jira's and Zendesk's APIs).
    {
      text: 'curl -u agent@acme-support.io:Tr4in-Yard-88 https://acme.example/api/v2/tickets.json',
      value: 'Tr4in-Yard-88',
    },
    { text: 'Password - Xk8#2mQv', value: 'Xk8#2mQv' },
    { text: 'new password: Password123', value: 'Password123' },
    { text: 'body: "{\\"user\\":\\"jdoe\\",\\"password\\":\\"Rk8#mZ2q\\"}"', value: 'Rk8#mZ2q' },
  ],
  noMatch: [
    'pw reset link sent, check ur inbox',
    'the new pw 12345678 is too weak',
    'Passordet må ha minst åtte tegn og ett tall.',
    // A Chinese clause after the word that is no value ("what does forgotten password mean").
    '忘记密码是怎么回事 请问',
    // An empty value before the next key; the default written in place of the real one.
    'SMTP_PASSWORD=\nSENTRY_DSN=https://<key>@o0.ingest.sentry.io/<project>',
    'POSTGRES_USER: app\nPOSTGRES_PASSWORD: changeme\nPOSTGRES_DB: app',
    // Logging in, then a slash between words.
    'Sign in with your account / profile settings; log in as admin / then open settings',
    'RADIUS shows "Access-Reject: bad password" for johnson6922@northwave since 18/09/2025',
    'the password reset link was sent to jsmith2 and Ab12cd34 never opened it',
    "getByRole('textbox', { name: 'Password' }).fill('password123');",
    'Réinitialisation du mot de passe – Océane Assurances',
    'tried with v2.3.1 doesnt work, login page blank',
    'Password reset:\nPlease use the link below',
    "define( 'DB_PASSWORD', 'password_here' );",
    'labels = [("password", "Passwort"), ("email", "E-Mail")]',
    // Placeholders in a URL and a template, no XML element.
    'DATABASE_URL=postgres://<USER>:<PASSWORD>@localhost:5432/app_dev\nSTRIPE_API_KEY=<YOUR_STRIPE_KEY>',
    'The password you need is on the sticky note; the mode is WPA2-PSK.',
    // A spaced -p makes mysql prompt (and names the database); a variable is no value; ssh's -p
    // is its port.
    'mysql -u root -p mydatabase',
    'docker login -u deploy -p $DOCKER_PASSWORD registry.example.com',
    'ssh -p 2222 user@host',
    // A schema's table: the column holds types.
    'field,password,required\nlogin,string,yes',
    '| Field | Type |\n|---|---|\n| password | String |',
    'The login is slow / broken since Monday.',
    // Prose: who found a problem, an option's purpose, a program's name.
    'Fix a crash; problem identified by "jamesh"',
    'certtool: Added option --null-password to generate/decrypt keys that use it',
    'Fix broken mosquitto_passwd on FreeBSD. Closes #1032.',
    "  - Shadow support added\nPASSWD  - Elliot's account management included",
    'Set an empty passphrase (gpg --change-passphrase your-user-id).',
    'PASSWD = getpass.getpass("IMAP password for %s on %s: " % (USER, host or "localhost"))',
    // A docs list describing the field.
    '* `user` - User to authenticate as\n* `password` - Corresponding password\n* `host` - Server',
    'The password for this account is stored in the vault.',
    // A type in code, a comma and the next key after it.
    'function login(password: BinaryLike, salt: string)',
    'type U = { password: HashedPassword, email }',
    // A URL or a path after "login", a pair of plain words, a placeholder.
    'login: https://example.com/x1 or login: example.com/auth2, see Login: api/v2/users2',
    'Login: Monday/Tuesday only. credentials: admin:password',
    'I forgot my password yesterday, can you reset it?',
    'Click "Forgot password" to reset your password here.',
    'password: ********',
    'password: <redacted>',
    // Terraform's plan; a log's reason, then another field.
    '        password              = (sensitive value)\n        # (41 unchanged attributes hidden)',
    'password = (known after apply)',
    'WARN auth login failed user=u_8a3addb1 reason=bad_password attempt=3/5',
    'password: {{password}}',
    'DB_PASSWORD=${PASSWORD}',
    'Password: required',
    'password: process.env.DB_PASSWORD',
    "password = os.getenv('DB_PASSWORD')",
    'interface User { name: string; password: string }',
    'The password is case-sensitive and must be 12 characters long.',
    'Your password is incorrect.',
    'Boarding pass: AB12CD, gate 22',
    'All 48 tests passed: 100% pass rate.',
    '"password": "your_password_here"',
    'password_min_length=12, password_expiry_days=90',
    '<input type="password" name="password" placeholder="Password">',
    // A type in an API's documentation.
    '* `passphrase`: {string} | Buffer} The passphrase to use for encryption.',
    'PIN code: 560034, Bangalore, Karnataka address',
    'password: Joi.string().min(8).required()',
    "'password' => 'required|string|min:8|confirmed'",
    'We keep the admin password in 1Password, see the vault.',
    'password = config.db.password',
    'docker run -u 1000:1000 -v $PWD:/app node:20',
    'curl -u $USER:$API_TOKEN https://api.acme.io',
    'Password - reset instructions were sent by email.',
    '"password": "Mot de passe"',
    'The password to the staging box is in the vault.',
  ],
};
