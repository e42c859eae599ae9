/**
 * The 1 MB adversarial inputs: rules/detectors.test.ts bounds every detector's CPU time on them
 * (catastrophic backtracking), and the benchmark prints each detector's worst real time.
 */
const MB = 1 << 20;

/** [name, input] pairs, about 1 MB each. */
export const ADVERSARIAL: ReadonlyArray<readonly [string, string]> = [
  ['digits', '4'.repeat(MB)],
  ['spaced digits', '4 '.repeat(MB / 2)],
  ['dashed digits', '12-'.repeat(MB / 3)],
  ['at signs', '@'.repeat(MB)],
  ['letters then at', 'a'.repeat(MB - 1) + '@'],
  ['nested quotes', '"\''.repeat(MB / 2)],
  ['spaces', ' '.repeat(MB)],
  ['capitalised words', 'Ab '.repeat(MB / 3)],
  ['hex', '0123456789abcdef'.repeat(MB / 16)],
  ['dots', 'a.'.repeat(MB / 2)],
  ['base64ish', 'AbC9+/'.repeat(MB / 6)],
  ['keyword soup', 'password: key token secret card ssn '.repeat(MB / 36)],
  // Tables (rules/table.ts): a header of labels over 1 MB of rows, and one line of label cells.
  [
    'csv rows',
    'Name,DOB,Passport,Phone,SSN\n' +
      'Ab,1985-03-12,X4471209,0680501210,514690360\n'.repeat(MB / 44),
  ],
  ['label cells', 'a\n' + 'DOB,passport,phone,'.repeat(MB / 19)],
  // Tables aligned with spaces: every line a header of labels (each would read the rows under
  // it again without a budget), and values parted by two spaces on one line with no break.
  ['aligned headers', 'DOB  Passport  Name\n'.repeat(MB / 20)],
  ['aligned line', '  13/06/1945  TK7585582 '.repeat(MB / 24)],
  // Names in scripts without capitals (rules/names/finder.ts): short runs, each after a cue or
  // before an honorific, all through the text.
  ['uncased names', 'Dear 王芳, 山田様、고객 님: 谢谢。\n'.repeat(MB / 24)],
  // The same on one line with no break, in a script with word spaces, each run after a word
  // that puts a person there (what a search of the line around each run would make quadratic).
  ['uncased line', 'for عوضية العلاني with 세준 서 '.repeat(MB / 30)],
  // A name before each address (the name pass asks where the pattern stage's spans start).
  ['names before addresses', 'Ana Lopez, 14 Rue de la Paix\n'.repeat(MB / 29)],
  // Markdown table rows (rules/table.ts reads a line that opens with a pipe).
  ['pipe rows', '| Name | Phone |\n' + '| Ab Cd | 0680501210 |\n'.repeat(MB / 24)],
  // A messenger's turns with no line break between them: each speaker asks whether a stamp
  // opens its line (a search back to the line's start for each was quadratic: 7.5 s).
  ['chat turns on one line', '[3/19/24, 8:44 PM] Anahi: hi '.repeat(MB / 29)],
];
