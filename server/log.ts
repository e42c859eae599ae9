/**
 * Structured logs: one JSON object a line on stdout, for whatever collects them. Request bodies
 * are never logged (they are device reports; the server keeps them out of logs by construction:
 * the request logger only sees method, path, status and timing).
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A logger; `fields` must hold identifiers and numbers, never content. */
export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

/** Writes JSON lines at or above `min` to `write` (stdout by default). */
export function jsonLogger(
  min: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  return {
    log(level, msg, fields = {}) {
      if (ORDER[level] < ORDER[min]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
    },
  };
}

/** A logger that drops everything (tests that don't look at logs). */
export const silentLogger: Logger = { log() {} };
