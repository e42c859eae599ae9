/**
 * Devices (issue 6): the tenant's enrolled browsers, when each was last seen, its extension
 * version and the policy revision it last fetched (before its first fetch since the server kept
 * it: the newest its incidents reported), and who is out of date: an older extension
 * than the newest in the fleet, an older policy than the published one, or silent for a week.
 * Admins and auditors (the server's rule, /api/v1/dashboard/devices).
 */
import { api, type User } from '../api.ts';
import { Figure, Status, useLoad } from '../components/common.tsx';
import { Table } from '../components/Table.tsx';
import { fmtInt, fmtTime } from '../format.ts';
import { BASE, onLinkClick } from '../router.ts';

interface Device {
  id: string;
  browser: string;
  extensionVersion: string;
  policyVersion: number | null;
  policySource: 'fetch' | 'incidents' | null;
  policyFetchedAt: string | null;
  enrolledAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
  incidentsDropped: number;
  outdated: ('extension' | 'policy' | 'silent')[];
}
interface DevicesData {
  currentPolicy: number | null;
  newestExtension: string | null;
  silentAfterDays: number;
  devices: Device[];
}

const WHY = {
  extension: 'old extension',
  policy: 'old policy',
  silent: 'not seen lately',
} as const;

function status(d: Device): string {
  if (d.revokedAt) return 'revoked';
  return d.outdated.length ? `out of date: ${d.outdated.map((o) => WHY[o]).join(', ')}` : 'current';
}

export function Devices({ query }: { user: User; query: URLSearchParams }) {
  const only = query.get('outdated') === '1';
  const [res] = useLoad(() => api<DevicesData>('/api/v1/dashboard/devices'), 'devices');
  return (
    <section>
      <h1>Devices</h1>
      <Status res={res} />
      {res.state === 'ok' && <Body d={res.data} only={only} />}
    </section>
  );
}

function Body({ d, only }: { d: DevicesData; only: boolean }) {
  const active = d.devices.filter((x) => !x.revokedAt);
  const outdated = active.filter((x) => x.outdated.length > 0);
  const rows = only ? outdated : d.devices;
  return (
    <>
      <div class="figures">
        <Figure testId="active" label="Active devices" value={fmtInt(active.length)} />
        <Figure testId="outdated" label="Out of date" value={fmtInt(outdated.length)} />
        <Figure
          testId="policy"
          label="Published policy"
          value={d.currentPolicy === null ? 'none' : `revision ${d.currentPolicy}`}
        />
        <Figure
          testId="extension"
          label="Newest extension"
          value={d.newestExtension ?? '–'}
          note={`silent after ${d.silentAfterDays} days without contact`}
        />
      </div>
      <p>
        <a
          href={`${BASE}/devices${only ? '' : '?outdated=1'}`}
          class="toggle"
          onClick={(e) => onLinkClick(e, only ? '/devices' : '/devices?outdated=1')}
        >
          {only ? 'Show all devices' : 'Show only devices that are out of date'}
        </a>
      </p>
      <Table
        caption={only ? 'Devices that are out of date' : 'Enrolled devices'}
        csvName="hush-devices"
        rows={rows}
        empty={only ? 'Every active device is up to date.' : 'No device has enrolled yet.'}
        columns={[
          { label: 'Device', value: (x) => x.id, render: (x) => <code>{x.id.slice(0, 8)}</code> },
          { label: 'Browser', value: (x) => x.browser },
          { label: 'Extension', value: (x) => x.extensionVersion },
          {
            label: 'Policy revision',
            value: (x) => x.policyVersion,
            numeric: true,
            render: (x) =>
              x.policyVersion === null ? (
                'not fetched yet'
              ) : (
                <>
                  {x.policyVersion}{' '}
                  <span class="help">
                    {x.policySource === 'fetch'
                      ? `(fetched ${fmtTime(x.policyFetchedAt)})`
                      : '(from its incidents)'}
                  </span>
                </>
              ),
          },
          { label: 'Enrolled', value: (x) => x.enrolledAt, render: (x) => fmtTime(x.enrolledAt) },
          { label: 'Last seen', value: (x) => x.lastSeenAt, render: (x) => fmtTime(x.lastSeenAt) },
          {
            label: 'Status',
            value: status,
            render: (x) => <span class={x.outdated.length ? 'bad' : 'good'}>{status(x)}</span>,
          },
          { label: 'Incidents dropped', value: (x) => x.incidentsDropped, numeric: true },
        ]}
      />
    </>
  );
}
