/**
 * The Policy form's editor of custom detectors (`engine.customDetectors`, rules/policy.ts):
 * pattern (regex) and word-list (dictionary) detectors edited field by field; exact-data-match
 * entries, whose salted hashes `hush edm-hash` makes, shown with their size and removable (their
 * hashes are changed in the JSON tab). A change goes to the draft when the field is left, as in
 * the rest of the form; the policy check, the same as the browser's and the server's, names
 * what is wrong under the detector, by its path.
 */
import { ENTITY_TYPES } from '@/rules/types.ts';
import type { Issue } from './model.ts';

type Entry = Record<string, unknown>;

function isRecord(x: unknown): x is Entry {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const KIND_NAMES: Record<string, string> = {
  regex: 'Pattern',
  dictionary: 'Word list',
  edm: 'Exact data match',
};

/** An id no entry has yet: `stem-1`, `stem-2`, ... */
function freeId(list: readonly Entry[], stem: string): string {
  const taken = new Set(list.map((e) => e.id));
  let n = 1;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/** Text typed into a list field, one item a line or split at commas: trimmed, blanks dropped. */
function itemsOf(text: string, sep: RegExp): string[] {
  return text
    .split(sep)
    .map((w) => w.trim())
    .filter(Boolean);
}

export interface CustomDetectorsProps {
  /** The field's DOM id; each control's id starts with it. */
  id: string;
  label: string;
  value: unknown;
  /** The check's problems under `engine.customDetectors`, with their paths. */
  issues: readonly Issue[];
  path: string;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}

export function CustomDetectorsEditor({
  id,
  label,
  value,
  issues,
  path,
  readOnly,
  onChange,
}: CustomDetectorsProps) {
  const list: Entry[] = Array.isArray(value) ? value.filter(isRecord) : [];
  const put = (i: number, next: Entry | null) => {
    const out = list.slice();
    if (next === null) out.splice(i, 1);
    else out[i] = next;
    onChange(out.length ? out : undefined);
  };
  const add = (kind: 'regex' | 'dictionary') => {
    const stem = kind === 'regex' ? 'custom-pattern' : 'custom-words';
    const entry: Entry =
      kind === 'regex'
        ? { id: freeId(list, stem), kind, pattern: '', type: 'CUSTOM' }
        : { id: freeId(list, stem), kind, words: [], type: 'CUSTOM' };
    onChange([...list, entry]);
  };
  return (
    <div class="custom-detectors" role="group" aria-labelledby={`${id}-label`} id={id}>
      {list.length === 0 && <p class="help">None. Add one below, or in the JSON tab.</p>}
      {list.map((entry, i) => (
        <DetectorEntry
          key={i}
          id={`${id}-${i}`}
          entry={entry}
          issues={issues.filter((x) => x.path.startsWith(`${path}[${i}]`))}
          readOnly={readOnly}
          onChange={(next) => put(i, next)}
        />
      ))}
      {!readOnly && (
        <div class="map-row">
          <button type="button" class="secondary" onClick={() => add('regex')}>
            Add a pattern detector<span class="sr-only"> to {label}</span>
          </button>
          <button type="button" class="secondary" onClick={() => add('dictionary')}>
            Add a word list detector<span class="sr-only"> to {label}</span>
          </button>
        </div>
      )}
    </div>
  );
}

function DetectorEntry({
  id,
  entry,
  issues,
  readOnly,
  onChange,
}: {
  id: string;
  entry: Entry;
  issues: readonly Issue[];
  readOnly: boolean;
  onChange: (next: Entry | null) => void;
}) {
  const kind = typeof entry.kind === 'string' ? entry.kind : '';
  const name = typeof entry.id === 'string' && entry.id !== '' ? entry.id : '(no id)';
  const heading = `${KIND_NAMES[kind] ?? 'Detector'} ${name}`;
  /** Sets one property; undefined removes it, so the built-in default applies. */
  const set = (key: string, v: unknown) => {
    const next: Entry = { ...entry, [key]: v };
    if (v === undefined) delete next[key];
    onChange(next);
  };
  const text = (key: string, label: string, extra: { mono?: boolean; hint?: string } = {}) => (
    <div class="custom-field">
      <label for={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        class={extra.mono ? 'mono' : undefined}
        value={typeof entry[key] === 'string' ? entry[key] : ''}
        placeholder={extra.hint}
        readOnly={readOnly}
        onChange={(e) => {
          const t = e.currentTarget.value;
          set(key, t === '' && key !== 'pattern' && key !== 'id' ? undefined : t);
        }}
      />
    </div>
  );
  const hashes = Array.isArray(entry.hashes) ? entry.hashes.length : 0;
  return (
    <fieldset class="custom-detector" data-detector={name}>
      <legend>{heading}</legend>
      {kind === 'edm' ? (
        <p class="help">
          {hashes} hashed values, type {typeof entry.type === 'string' ? entry.type : 'CUSTOM'}.
          Made with <code>hush edm-hash</code>; change them in the JSON tab.
        </p>
      ) : (
        <div class="custom-fields">
          {text('id', 'Id')}
          {kind === 'regex' && text('pattern', 'Pattern (regular expression)', { mono: true })}
          {kind === 'regex' && text('flags', 'Flags (i, m, s, u)', { hint: 'none' })}
          {kind === 'dictionary' && (
            <div class="custom-field custom-wide">
              <label for={`${id}-words`}>Words (one a line)</label>
              <textarea
                id={`${id}-words`}
                rows={Math.min(8, Math.max(2, (entry.words as unknown[] | undefined)?.length ?? 0))}
                value={Array.isArray(entry.words) ? entry.words.map(String).join('\n') : ''}
                readOnly={readOnly}
                onChange={(e) => set('words', itemsOf(e.currentTarget.value, /\n/))}
              />
            </div>
          )}
          {kind === 'dictionary' && (
            <div class="custom-field">
              <label for={`${id}-caseSensitive`}>Case-sensitive</label>
              <select
                id={`${id}-caseSensitive`}
                value={
                  entry.caseSensitive === true ? 'yes' : entry.caseSensitive === false ? 'no' : ''
                }
                disabled={readOnly}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set('caseSensitive', v === '' ? undefined : v === 'yes');
                }}
              >
                <option value="">Not set (built-in: no)</option>
                <option value="yes">yes</option>
                <option value="no">no</option>
              </select>
            </div>
          )}
          <div class="custom-field">
            <label for={`${id}-type`}>Type</label>
            <select
              id={`${id}-type`}
              value={typeof entry.type === 'string' ? entry.type : 'CUSTOM'}
              disabled={readOnly}
              onChange={(e) => set('type', e.currentTarget.value)}
            >
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          <div class="custom-field">
            <label for={`${id}-score`}>Score (0 to 1)</label>
            <input
              id={`${id}-score`}
              type="text"
              inputMode="decimal"
              value={entry.score === undefined ? '' : String(entry.score)}
              placeholder="built-in"
              readOnly={readOnly}
              onChange={(e) => {
                const t = e.currentTarget.value.trim();
                // Text that is not a number is kept as text, so the check names the field.
                set('score', t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
              }}
            />
          </div>
          {kind === 'regex' && (
            <div class="custom-field custom-wide">
              <label for={`${id}-context`}>
                Context words (comma-separated; a match near one scores higher)
              </label>
              <input
                id={`${id}-context`}
                type="text"
                value={Array.isArray(entry.context) ? entry.context.map(String).join(', ') : ''}
                readOnly={readOnly}
                onChange={(e) => {
                  const words = itemsOf(e.currentTarget.value, /,/);
                  set('context', words.length ? words : undefined);
                }}
              />
            </div>
          )}
          {text('description', 'Description')}
        </div>
      )}
      {!readOnly && (
        <button type="button" class="secondary" onClick={() => onChange(null)}>
          Remove<span class="sr-only"> {heading}</span>
        </button>
      )}
      {issues.length > 0 && (
        <ul class="field-issues" id={`${id}-err`}>
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
