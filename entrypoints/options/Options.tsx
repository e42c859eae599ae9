/**
 * The options page: the effective policy, where each field's value came from (IT's managed
 * policy, the company's synced policy, the agent's own preference, or the built-in default), and
 * which fields IT locked. Only the few local preferences (lib/policy/layers.ts LOCAL_FIELDS) can
 * be changed here, and only while no higher layer sets them and IT has not locked them.
 */
import { MASK_STRATEGIES } from '@/rules/mask.ts';
import type { PageClass } from '@/lib/guard/decide.ts';
import type { PolicyProblem } from '@/rules/policy.ts';
import type { PolicyState } from '@/lib/policy/service.ts';
import { FIELDS, getField, type ApprovedTool } from '@/lib/policy/schema.ts';
import { canChangeLocally, type Source } from '@/lib/policy/layers.ts';

const CLASS_LABEL: Record<PageClass, string> = {
  'unapproved-ai': 'Unapproved AI tools',
  'approved-ai': 'Approved AI tools',
  'support-tool': 'Support tools',
};

const SOURCE_LABEL: Record<Source, string> = {
  managed: 'Set by IT',
  synced: 'Company policy',
  local: 'Your preference',
  default: 'Built-in default',
};

const STRATEGY_LABEL: Record<string, string> = {
  token: 'Tokens, reversible ([EMAIL_1])',
  redact: 'Redacted ([EMAIL])',
  partial: 'Partly hidden (last digits kept)',
  synthetic: 'Realistic stand-ins',
};

/** A readable name for each field. */
export function fieldLabel(field: string): string {
  const [head, second, third] = field.split('.');
  if (head === 'rules') {
    const part: Record<string, string> = {
      byType: 'Action per data type',
      byLevel: 'Action per sensitivity level',
      otherwise: 'Action for anything else',
      strategyByType: 'Masking per data type',
      strategy: 'Masking',
    };
    return part[third!]!;
  }
  if (head === 'failMode') return `Unreadable content on ${CLASS_LABEL[second as PageClass]}`;
  const labels: Record<string, string> = {
    'sites.approved': 'Approved AI tools',
    'sites.unapprovedAi': 'Extra unapproved AI sites',
    'sites.supportTools': 'Extra support tools',
    'sites.excluded': 'Sites Hush leaves alone',
    'engine.threshold': 'Minimum confidence',
    'engine.levels': 'Sensitivity level overrides',
    'engine.disabledDetectors': 'Detectors turned off',
    'engine.customDetectors': 'Company detectors',
    'override.allowed': 'Agents may send anyway',
    'override.reasonRequired': 'Sending anyway needs a reason',
    reversibleMasking: 'Put masked values back into AI replies',
    maxFileBytes: 'Largest file read',
    'disclosure.text': 'Notice text',
    'disclosure.url': 'Notice link',
    approvedAlternative: 'Approved alternative',
    telemetry: 'What reports include',
  };
  return labels[field] ?? field;
}

function entries(x: unknown): string {
  const list = Object.entries(x as Record<string, unknown>);
  return list.length ? list.map(([k, v]) => `${k}: ${String(v)}`).join(', ') : 'none';
}

/** A field's value as a short text. */
export function formatValue(field: string, value: unknown): string {
  if (value === null) return 'not set';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field === 'maxFileBytes') return `${Math.round(((value as number) / 1048576) * 10) / 10} MB`;
  if (field === 'telemetry') {
    return value === 'counts' ? 'Counts only' : 'Counts and (masked) override reasons';
  }
  if (field.startsWith('failMode.')) return value === 'closed' ? 'Stopped' : 'Let through';
  if (field.endsWith('.strategy')) return STRATEGY_LABEL[value as string] ?? String(value);
  if (field === 'sites.approved') {
    const tools = value as ApprovedTool[];
    if (!tools.length) return 'none';
    return tools
      .map((t) => {
        const facts = [
          t.zeroDataRetention ? 'zero data retention' : '',
          t.dataResidency?.length ? `data in ${t.dataResidency.join(', ')}` : '',
        ].filter(Boolean);
        return `${t.name ?? t.pattern}${t.name ? ` (${t.pattern})` : ''}${facts.length ? ` [${facts.join('; ')}]` : ''}`;
      })
      .join(', ');
  }
  if (field === 'engine.customDetectors') {
    const list = value as { id: string; kind: string }[];
    return list.length ? list.map((d) => `${d.id} (${d.kind})`).join(', ') : 'none';
  }
  if (field === 'approvedAlternative') {
    const a = value as { name: string; url: string };
    return `${a.name} (${a.url})`;
  }
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'object') return entries(value);
  return String(value);
}

function groupOf(field: string): string {
  const [head, second] = field.split('.');
  if (head === 'rules') return `On ${CLASS_LABEL[second as PageClass]}`;
  const groups: Record<string, string> = {
    sites: 'Sites',
    engine: 'Detection',
    override: 'Sending anyway',
    failMode: 'Content Hush cannot read',
    maxFileBytes: 'Content Hush cannot read',
    reversibleMasking: 'Masking',
    disclosure: 'What agents are told',
    approvedAlternative: 'What agents are told',
    telemetry: 'Reports',
  };
  return groups[head!] ?? 'Other';
}

export interface OptionsProps {
  state: PolicyState | null;
  /** Saves one local preference (the caller writes storage; the page re-reads the state). */
  onChange: (field: string, value: unknown) => void;
  /** A failure to load or save, shown to the agent. */
  error?: string | null;
}

export function Options({ state, onChange, error }: OptionsProps) {
  if (state === null) {
    return (
      <main>
        <h1>Hush</h1>
        {error ? <p role="alert">{error}</p> : <p role="status">Loading the policy…</p>}
      </main>
    );
  }
  const groups = new Map<string, string[]>();
  for (const field of FIELDS) {
    const g = groupOf(field);
    groups.set(g, [...(groups.get(g) ?? []), field]);
  }
  const effective = { policy: state.policy, fields: state.fields };
  return (
    <main>
      <h1>Hush: policy and preferences</h1>
      <p class="lead" data-testid="policy-summary">
        {state.managed
          ? `Your organisation manages Hush${state.connection.tenantId ? ` (tenant ${state.connection.tenantId})` : ''}. Settings marked “Locked by IT” cannot be changed here.`
          : 'No policy from your organisation: Hush uses its built-in defaults.'}
        {state.managed && !state.managedLive ? ' Showing the last known managed settings.' : ''}
      </p>
      {error ? (
        <p role="alert" class="problems">
          {error}
        </p>
      ) : null}
      <Problems title="Settings from IT that Hush could not use" list={state.problems.managed} />
      <Problems title="Company policy problems" list={state.problems.synced} />
      <Problems title="Your saved preferences that no longer apply" list={state.problems.local} />
      {[...groups].map(([group, fields], i) => (
        <section key={group} aria-labelledby={`group-${i}`}>
          <h2 id={`group-${i}`}>{group}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Value</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <Row
                  key={field}
                  field={field}
                  value={getField(state.policy, field)}
                  source={state.fields[field]!.source}
                  locked={state.fields[field]!.locked}
                  editable={state.localFields.includes(field)}
                  changeable={canChangeLocally(effective, field)}
                  onChange={onChange}
                />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </main>
  );
}

function Problems({ title, list }: { title: string; list: readonly PolicyProblem[] }) {
  if (!list.length) return null;
  return (
    <div class="problems" role="region" aria-label={title}>
      <strong>{title}</strong>
      <ul>
        {list.map((p, i) => (
          <li key={i}>
            <code>{p.path || '(whole document)'}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface RowProps {
  field: string;
  value: unknown;
  source: Source;
  locked: boolean;
  editable: boolean;
  changeable: boolean;
  onChange: (field: string, value: unknown) => void;
}

function Row({ field, value, source, locked, editable, changeable, onChange }: RowProps) {
  const id = `f-${field.replace(/[^a-zA-Z0-9]+/g, '-')}`;
  const why = locked
    ? 'Locked by IT.'
    : source === 'managed'
      ? 'Set by IT.'
      : source === 'synced'
        ? "Set by your company's policy."
        : null;
  return (
    <tr data-field={field} data-source={source} data-locked={locked ? 'true' : 'false'}>
      <th scope="row">
        {editable ? <label for={id}>{fieldLabel(field)}</label> : fieldLabel(field)}
      </th>
      <td class="value">
        {editable ? (
          <Control
            id={id}
            field={field}
            value={value}
            disabled={!changeable}
            why={why}
            onChange={onChange}
          />
        ) : (
          formatValue(field, value)
        )}
      </td>
      <td>
        <span class={`source ${source}`}>{SOURCE_LABEL[source]}</span>
        {locked ? (
          <span class="lock" data-testid="lock">
            <span aria-hidden="true">🔒 </span>Locked by IT
          </span>
        ) : null}
      </td>
    </tr>
  );
}

function Control(props: {
  id: string;
  field: string;
  value: unknown;
  disabled: boolean;
  why: string | null;
  onChange: (field: string, value: unknown) => void;
}) {
  const { id, field, value, disabled, why, onChange } = props;
  const whyId = `${id}-why`;
  const described = disabled && why ? { 'aria-describedby': whyId } : {};
  const control =
    typeof value === 'boolean' ? (
      <input
        id={id}
        type="checkbox"
        checked={value}
        disabled={disabled}
        {...described}
        onChange={(e) => onChange(field, (e.currentTarget as HTMLInputElement).checked)}
      />
    ) : (
      <select
        id={id}
        value={String(value)}
        disabled={disabled}
        {...described}
        onChange={(e) => onChange(field, (e.currentTarget as HTMLSelectElement).value)}
      >
        {MASK_STRATEGIES.map((s) => (
          <option key={s} value={s}>
            {STRATEGY_LABEL[s]}
          </option>
        ))}
      </select>
    );
  return (
    <>
      {control}
      {disabled && why ? (
        <span class="why" id={whyId}>
          {why}
        </span>
      ) : null}
    </>
  );
}
