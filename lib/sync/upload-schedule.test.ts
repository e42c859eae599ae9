import { describe, expect, it } from 'vitest';
import {
  BUSY_DELAY_MS,
  RECORDED_DELAY_MS,
  UPLOAD_ALARM,
  UPLOAD_PERIOD_MINUTES,
  UPLOAD_RETRY_ALARM,
  startUploads,
} from './upload-schedule.ts';
import type { UploadResult, Uploader } from './upload.ts';

function harness(results: UploadResult[]) {
  const runs: boolean[] = [];
  const created: Array<[string, unknown]> = [];
  const timers: Array<[() => void, number]> = [];
  let fire: (alarm: { name: string }) => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const uploader: Uploader = {
    run: async (options) => {
      runs.push(options?.force ?? false);
      await gate;
      return results.length > 1 ? results.shift()! : results[0]!;
    },
    state: async () => {
      throw new Error('not used');
    },
  };
  const scheduler = startUploads({
    uploader,
    alarms: {
      create: (name, info) => created.push([name, info]),
      onAlarm: { addListener: (cb) => (fire = cb) },
    },
    setTimeout: (fn, ms) => timers.push([fn, ms]),
    warn: () => undefined,
  });
  return {
    scheduler,
    runs,
    created,
    timers,
    alarm: (name: string) => fire({ name }),
    hold: () => {
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      return open;
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('upload schedule', () => {
  it('sets the periodic alarm and runs at once (a new worker or a browser restart)', async () => {
    const h = harness([{ status: 'done', sent: 0, rejected: 0 }]);
    await tick();
    expect(h.created[0]).toEqual([UPLOAD_ALARM, { periodInMinutes: UPLOAD_PERIOD_MINUTES }]);
    expect(h.runs).toEqual([false]);
    h.alarm(UPLOAD_ALARM);
    h.alarm('hush:policy-sync'); // not ours
    await tick();
    expect(h.runs).toEqual([false, false]);
  });

  it('sets a one-shot alarm for the end of a backoff, and runs when it fires', async () => {
    const h = harness([
      { status: 'failed', sent: 0, rejected: 0, nextAttemptAt: 123_456, error: 'offline' },
      { status: 'done', sent: 1, rejected: 0 },
    ]);
    await tick();
    expect(h.created).toContainEqual([UPLOAD_RETRY_ALARM, { when: 123_456 }]);
    h.alarm(UPLOAD_RETRY_ALARM);
    await tick();
    expect(h.runs).toHaveLength(2);
  });

  it('gathers new records for a moment, and asks once more after a run that found the lease taken', async () => {
    const h = harness([{ status: 'busy', sent: 0, rejected: 0 }]);
    await tick();
    expect(h.timers.map(([, ms]) => ms)).toEqual([BUSY_DELAY_MS]);
    h.scheduler.recorded();
    h.scheduler.recorded();
    h.scheduler.recorded();
    expect(h.timers.map(([, ms]) => ms)).toEqual([BUSY_DELAY_MS, RECORDED_DELAY_MS]);
    h.timers[1]![0]();
    await tick();
    expect(h.runs).toHaveLength(2);
  });

  it('runs once more after the current run when asked during it, forced if any caller forced', async () => {
    const h = harness([{ status: 'done', sent: 0, rejected: 0 }]);
    const open = h.hold();
    const a = h.scheduler.kick();
    const b = h.scheduler.kick(true);
    const c = h.scheduler.kick();
    open();
    await Promise.all([a, b, c]);
    expect(h.runs).toEqual([false, true]);
  });
});
