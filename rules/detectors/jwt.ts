import { decodeBase64, holds, offsetsOf, parseJsonObject } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchAllAt } from '../context.ts';

// Compact JWS: header.payload.signature in base64url, the header being JSON and so starting
// with `eyJ` ('{"'). JWE adds two more parts. Every part is bounded and the parts are split by
// a dot outside their class, so the scan stays linear.
const TOKEN =
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,2000}\.[A-Za-z0-9_-]{2,20000}\.[A-Za-z0-9_-]{0,2000}(?:\.[A-Za-z0-9_-]{0,20000}\.[A-Za-z0-9_-]{2,2000})?/g;

/** JSON Web Tokens whose header decodes to a JOSE header. */
export const jwt: Detector = {
  id: 'jwt',
  types: ['JWT'],
  prefilter: holds(['J', /(?<=ey)J/y]),
  detect(text) {
    const out: Candidate[] = [];
    // Tried only where "eyJ" is (its J two characters in): starting with a look-behind, the
    // pattern was tried at every position.
    for (const m of matchAllAt(text, TOKEN, offsetsOf(text, 'J'), 2)) {
      let parts = m[0].split('.');
      const header = parseJsonObject(decodeBase64(parts[0]!));
      // The "alg" member is mandatory in every JOSE header (RFC 7515 4.1.1); a base64 JSON blob
      // without one is some other encoded object.
      if (header === null || typeof header.alg !== 'string') continue;
      // Five parts are a JWE only when the header names its content encryption; otherwise the
      // last two are the text that follows ("...sig..more").
      const jwe = parts.length === 5 && typeof header.enc === 'string' && parts[2] !== '';
      if (parts.length === 5 && !jwe) parts = parts.slice(0, 3);
      let score: number;
      let reason: string;
      if (jwe) {
        score = 0.85;
        reason = 'jwe';
      } else {
        const claims = parseJsonObject(decodeBase64(parts[1]!));
        const signature = parts[2]!;
        if (claims !== null && jwtIoSample(claims)) {
          // The sample token every JWT library's documentation and jwt.io show.
          score = 0.3;
          reason = 'published example';
        } else if (claims !== null && signature.length >= 16) {
          score = 0.95;
          reason = 'decoded';
        } else if (claims !== null) {
          // Unsigned (alg "none") or cut short: no proof, but the claims are readable.
          score = 0.8;
          reason = 'unsigned';
        } else {
          // A JOSE header over a payload that is not JSON (detached or binary content).
          score = signature.length >= 16 ? 0.7 : 0.4;
          reason = 'header';
        }
      }
      const end = m.index + parts.join('.').length;
      out.push({ start: m.index, end, type: 'JWT', score, reason });
    }
    return out;
  },
};

/**
 * Whether the claims are jwt.io's sample ones ({"sub": "1234567890", "name": "John Doe", "iat":
 * 1516239022}), which it signs with every algorithm and which documentation copies from it.
 */
function jwtIoSample(claims: Record<string, unknown>): boolean {
  return claims.sub === '1234567890' && claims.iat === 1516239022;
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzQ4MjEzIiwibmFtZSI6IlRlc3QgVXNlciIsImlhdCI6MTcxNjIzOTAyMiwiZXhwIjoxNzE2MjQyNjIyfQ.tQssOMFs9heeDJPX0Laoi8FY8i8XOiKqWoSLiq3ORDM',
    {
      text: 'Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS50ZXN0IiwiYXVkIjoiYXBpIiwic2NvcGUiOiJyZWFkIHdyaXRlIiwiZXhwIjoxODkzNDU2MDAwfQ.6y_cFg-tk5XbXKl7CaM3wDwdcPKJZI7bKJcN2UnZ_yUaxAHRNLeGC_jJPMXJbFUilpi-JfV9fIN-tsHa49CGQA.',
      value:
        'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS50ZXN0IiwiYXVkIjoiYXBpIiwic2NvcGUiOiJyZWFkIHdyaXRlIiwiZXhwIjoxODkzNDU2MDAwfQ.6y_cFg-tk5XbXKl7CaM3wDwdcPKJZI7bKJcN2UnZ_yUaxAHRNLeGC_jJPMXJbFUilpi-JfV9fIN-tsHa49CGQA',
    },
    {
      text: 'the cookie was session=eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJyb290In0. and it worked',
      value: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJyb290In0.',
    },
    {
      text: 'JWE: eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.QnVxYoYSI0QmNE3A1pIstNz5b4KhlVv9gR5zfRrXO9s0t9RcbMNWYg.ux8OUR52an_O9Wse.Ydr0IYuCUWC5UOeI-A0sBPTcPJIwX-4I7NRH7IEq.L7w3aBEvX9GQzhKQZdQXeg',
      value:
        'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.QnVxYoYSI0QmNE3A1pIstNz5b4KhlVv9gR5zfRrXO9s0t9RcbMNWYg.ux8OUR52an_O9Wse.Ydr0IYuCUWC5UOeI-A0sBPTcPJIwX-4I7NRH7IEq.L7w3aBEvX9GQzhKQZdQXeg',
    },
  ],
  noMatch: [
    'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.tQssOMFs9heeDJPX0Laoi8FY8i8XOiKqWoSLiq3ORDM',
    // jwt.io's sample token.
    'The jwt.io example token is eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    'state=eyJmb28iOiJiYXIifQ (a base64 JSON blob, not a token)',
    'Tokens start with eyJ because the header is JSON.',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.<payload>.<signature>',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 (a header alone)',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIi...truncated',
  ],
};
