/**
 * The Policy page's form: one control a schema field (fields.ts), grouped in sections. A control
 * left at "not set" removes the field from the document, so the browser's built-in value applies
 * (shown beside it). Problems the check finds are shown under the field they name.
 */
import { useState } from 'preact/hooks';
import { getPath, type Doc, type Issue } from './model.ts';
import { sections, type FieldInfo } from './fields.ts';
import { CustomDetectorsEditor } from './CustomDetectors.tsx';

const SECTIONS = sections();

export interface FormProps {
  doc: Doc;
  issues: Issue[];
  readOnly: boolean;
  onChange: (path: string, value: unknown) => void;
}

/** A DOM id from a field path (`rules.unapproved-ai.otherwise` -> `pf-rules-unapproved-ai-otherwise`). */
const idOf = (path: string, part = '') =>
  `pf-${path.replace(/[^A-Za-z0-9]+/g, '-')}${part ? `-${part}` : ''}`;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function PolicyForm({ doc, issues, readOnly, onChange }: FormProps) {
  return (
    <div class="policy-form">
      {SECTIONS.map((s) => (
        <fieldset key={s.id} class="policy-section" data-section={s.id}>
          <legend>{s.title}</legend>
          {s.help && <p class="help">{s.help}</p>}
          {s.fields.map((f) => (
            <Field
              key={f.path}
              info={f}
              value={getPath(doc, f.path)}
              issues={issues.filter(
                (i) =>
                  i.path === f.path ||
                  i.path.startsWith(`${f.path}.`) ||
                  i.path.startsWith(`${f.path}[`),
              )}
              readOnly={readOnly}
              onChange={(v) => onChange(f.path, v)}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}

interface FieldProps {
  info: FieldInfo;
  value: unknown;
  issues: Issue[];
  readOnly: boolean;
  onChange: (value: unknown) => void;
}

function Field({ info, value, issues, readOnly, onChange }: FieldProps) {
  const id = idOf(info.path);
  const errId = `${id}-err`;
  const described = issues.length ? errId : undefined;
  const c = info.control;
  let control;
  switch (c.kind) {
    case 'choice':
      control = (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          disabled={readOnly}
          aria-describedby={described}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        >
          <option value="">Not set (built-in: {info.fallback})</option>
          {c.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'yesno':
      control = (
        <select
          id={id}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          disabled={readOnly}
          aria-describedby={described}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange(v === '' ? undefined : v === 'yes');
          }}
        >
          <option value="">Not set (built-in: {info.fallback})</option>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </select>
      );
      break;
    case 'number':
      control = (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={value === undefined ? '' : String(value)}
          placeholder={`built-in: ${info.fallback}`}
          readOnly={readOnly}
          aria-describedby={described}
          onChange={(e) => {
            const t = e.currentTarget.value.trim();
            // Text that is not a number is kept as text, so the check names the field.
            onChange(t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
          }}
        />
      );
      break;
    case 'text': {
      const common = {
        id,
        value: typeof value === 'string' ? value : '',
        placeholder: `built-in: ${info.fallback}`,
        readOnly,
        'aria-describedby': described,
        onChange: (e: Event) => {
          const t = (e.currentTarget as HTMLInputElement).value;
          onChange(t.trim() === '' ? undefined : t);
        },
      };
      control = c.long ? <textarea rows={3} {...common} /> : <input type="text" {...common} />;
      break;
    }
    case 'lines':
    case 'tools': {
      const list = Array.isArray(value) ? value : [];
      const text = list
        .map((x) => (c.kind === 'tools' && isRecord(x) ? String(x.pattern ?? '') : String(x)))
        .join('\n');
      control = (
        <textarea
          id={id}
          rows={Math.min(8, Math.max(2, list.length + 1))}
          value={text}
          readOnly={readOnly}
          aria-describedby={described}
          onChange={(e) => {
            const lines = e.currentTarget.value
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean);
            if (lines.length === 0) return onChange(undefined);
            if (c.kind === 'lines') return onChange(lines);
            // Keep what the JSON says about a tool (name, retention, residency) by its pattern.
            const known = new Map(
              list.filter(isRecord).map((t) => [String(t.pattern ?? ''), t] as const),
            );
            onChange(lines.map((p) => known.get(p) ?? { pattern: p }));
          }}
        />
      );
      break;
    }
    case 'map':
      control = (
        <MapEditor
          id={id}
          label={info.label}
          keys={c.keys}
          values={c.values}
          fallback={info.fallback}
          value={isRecord(value) ? (value as Record<string, string>) : {}}
          readOnly={readOnly}
          onChange={onChange}
        />
      );
      break;
    case 'pair': {
      const obj = isRecord(value) ? value : {};
      control = (
        <div class="pair" id={id}>
          {c.parts.map((p) => (
            <label key={p}>
              {p}{' '}
              <input
                id={idOf(info.path, p)}
                type="text"
                value={typeof obj[p] === 'string' ? obj[p] : ''}
                readOnly={readOnly}
                onChange={(e) => {
                  const next: Record<string, unknown> = { ...obj, [p]: e.currentTarget.value };
                  if (next[p] === '') delete next[p];
                  onChange(Object.keys(next).length ? next : undefined);
                }}
              />
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'detectors':
      control = (
        <CustomDetectorsEditor
          id={id}
          label={info.label}
          value={value}
          issues={issues}
          path={info.path}
          readOnly={readOnly}
          onChange={onChange}
        />
      );
      break;
    case 'json': {
      const n = Array.isArray(value)
        ? value.length
        : isRecord(value)
          ? Object.keys(value).length
          : 0;
      control = (
        <p class="help" id={id}>
          {n} set. Edit these in the JSON tab.
        </p>
      );
      break;
    }
  }
  const grouped =
    c.kind === 'map' || c.kind === 'pair' || c.kind === 'json' || c.kind === 'detectors';
  // The detectors editor shows each entry's problems under it; the rest stay here.
  const listed =
    c.kind === 'detectors' ? issues.filter((i) => !i.path.startsWith(`${info.path}[`)) : issues;
  return (
    <div class="policy-field" data-field={info.path}>
      {grouped ? (
        <div class="field-label" id={`${id}-label`}>
          {info.label}
        </div>
      ) : (
        <label for={id} class="field-label">
          {info.label}
        </label>
      )}
      {control}
      {listed.length > 0 && (
        <ul class="field-issues" id={errId}>
          {listed.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A type -> choice table: one row a set key, and a row to add one. */
function MapEditor({
  id,
  label,
  keys,
  values,
  fallback,
  value,
  readOnly,
  onChange,
}: {
  id: string;
  label: string;
  keys: readonly string[];
  values: readonly string[];
  fallback: string;
  value: Record<string, string>;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}) {
  const entries = Object.entries(value);
  const unused = keys.filter((k) => !(k in value));
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState(values[0] ?? '');
  const set = (k: string, v: string | undefined) => {
    const next = { ...value };
    if (v === undefined) delete next[k];
    else next[k] = v;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <div class="map-editor" role="group" aria-labelledby={`${id}-label`} id={id}>
      {entries.length === 0 && <p class="help">None set (built-in: {fallback}).</p>}
      {entries.map(([k, v]) => (
        <div class="map-row" key={k}>
          <label for={`${id}-${k}`}>{k}</label>
          <select
            id={`${id}-${k}`}
            value={v}
            disabled={readOnly}
            onChange={(e) => set(k, e.currentTarget.value)}
          >
            {values.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          {!readOnly && (
            <button type="button" class="secondary" onClick={() => set(k, undefined)}>
              Remove
              <span class="sr-only">
                {' '}
                {k} from {label}
              </span>
            </button>
          )}
        </div>
      ))}
      {!readOnly && unused.length > 0 && (
        <div class="map-row map-add">
          <select
            aria-label={`Type to add to ${label}`}
            value={newKey}
            onChange={(e) => setNewKey(e.currentTarget.value)}
          >
            <option value="">Add…</option>
            {unused.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <select
            aria-label={`Choice to add to ${label}`}
            value={newValue}
            onChange={(e) => setNewValue(e.currentTarget.value)}
          >
            {values.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="secondary"
            disabled={!newKey}
            onClick={() => {
              set(newKey, newValue);
              setNewKey('');
            }}
          >
            Add<span class="sr-only"> to {label}</span>
          </button>
        </div>
      )}
    </div>
  );
}
