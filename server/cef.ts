/**
 * ArcSight Common Event Format (CEF) for webhook deliveries to a SIEM: one line an event,
 * `CEF:0|Vendor|Product|Version|SignatureID|Name|Severity|key=value key=value ...`.
 *
 * Escaping follows the CEF specification (Micro Focus "Implementing ArcSight CEF", rev. 25): in
 * the seven header fields a backslash and a pipe are escaped with a backslash; in extension values
 * a backslash and an equals sign are escaped with a backslash, and a newline (CR, LF or CRLF) is
 * written as the two characters `\n` (or `\r`). A pipe needs no escape in an extension value. The
 * header has no newline escape, so newlines there become spaces (our header fields are fixed
 * strings and identifiers anyway). Extension keys are fixed names from this file.
 */

/** Escapes a CEF header field (vendor, product, version, signature id, name). */
export function cefHeader(value: string): string {
  return value.replace(/[\\|]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n]/g, ' ');
}

/** Escapes a CEF extension value. */
export function cefValue(value: string): string {
  return value
    .replace(/[\\=]/g, (c) => `\\${c}`)
    .replace(/\r\n|\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** One CEF event. `extensions` keeps its order; null and undefined values are left out. */
export interface CefEvent {
  signatureId: string;
  name: string;
  /** 0 (lowest) to 10. */
  severity: number;
  extensions: [key: string, value: string | number | null | undefined][];
}

export const CEF_VENDOR = 'Hush';
export const CEF_PRODUCT = 'Hush';

/** Formats one event as a CEF line (no trailing newline). */
export function cefLine(version: string, e: CefEvent): string {
  const header = [
    'CEF:0',
    cefHeader(CEF_VENDOR),
    cefHeader(CEF_PRODUCT),
    cefHeader(version),
    cefHeader(e.signatureId),
    cefHeader(e.name),
    String(Math.max(0, Math.min(10, Math.round(e.severity)))),
  ].join('|');
  const ext = e.extensions
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${cefValue(String(v))}`)
    .join(' ');
  return `${header}|${ext}`;
}

/**
 * Parses a CEF line back into header fields and extensions (for tests and receivers written in
 * this codebase): the inverse of `cefLine`.
 */
export function parseCef(line: string): { header: string[]; extensions: Record<string, string> } {
  const header: string[] = [];
  let i = 0;
  let cur = '';
  while (header.length < 7 && i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      i += 2;
    } else if (c === '|') {
      header.push(cur);
      cur = '';
      i++;
    } else {
      cur += c;
      i++;
    }
  }
  const rest = line.slice(i);
  const extensions: Record<string, string> = {};
  // A key is a word followed by an unescaped '='; the value runs to the next such key.
  const keyAt = /(?:^| )([A-Za-z0-9_]+)=/g;
  const starts: { key: string; at: number; valueAt: number }[] = [];
  for (let m = keyAt.exec(rest); m; m = keyAt.exec(rest)) {
    let backslashes = 0;
    for (let j = m.index - 1; j >= 0 && rest[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 1) continue;
    starts.push({ key: m[1]!, at: m.index, valueAt: m.index + m[0].length });
  }
  for (let s = 0; s < starts.length; s++) {
    const end = s + 1 < starts.length ? starts[s + 1]!.at : rest.length;
    const raw = rest.slice(starts[s]!.valueAt, end);
    extensions[starts[s]!.key] = raw.replace(/\\(.)/g, (_, c: string) =>
      c === 'n' ? '\n' : c === 'r' ? '\r' : c,
    );
  }
  return { header, extensions };
}
