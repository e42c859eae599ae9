import { near } from '../context.ts';
import {
  decodeBase64,
  formatCandidate,
  holds,
  randomBody,
  tokenCandidate,
} from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';
import { matchesOf } from '../scan-util.ts';

// Storage, Service Bus, Event Hubs and IoT Hub connection strings carry their key as
// `AccountKey=` (64 bytes, 88 base64 characters) or `SharedAccessKey=` (32 bytes, 44). Only the
// key is masked: the account name and endpoint are what a helper needs to see to debug.
const CONN_KEY =
  /(?<![A-Za-z])(?:AccountKey|SharedAccessKey)\s{0,2}=\s{0,2}([A-Za-z0-9+/]{40,100}={0,2})/g;

// A shared access signature: the `sig=` parameter of a URL or query string that also has the
// signed version `sv=YYYY-MM-DD`. The signature is an HMAC-SHA256 (32 bytes) in base64, usually
// URL-encoded.
const SAS_SIG = /(?<![A-Za-z0-9])sig=([A-Za-z0-9%+/=]{30,150})/g;
const SAS_VERSION = /(?<![A-Za-z0-9])sv=\d{4}-\d{2}-\d{2}/;

// Entra ID (Azure AD) client secrets since 2021: three characters, a digit, `Q~`, then 31-34
// characters. The `Q~` infix is rare enough in text to stand without context.
const CLIENT_SECRET = /(?<![\w~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~-])/g;
const AZURE_WORDS =
  /azure|entra|tenant|client[_ -]?secret|app(?:lication)? registration|aad|msal|az login|service principal/;

/** Azure storage/bus keys, SAS signatures and Entra ID client secrets. */
export const azureKey: Detector = {
  id: 'azure-key',
  types: ['API_KEY'],
  prefilter: holds(
    ['K', /(?<=Account|SharedAccess)Key/y],
    ['=', /(?<=sig)=/y],
    ['Q', /(?<=\d)Q~/y],
  ),
  detect(text) {
    const out: Candidate[] = [];
    for (const m of matchesOf(text, CONN_KEY)) {
      const value = m[1]!;
      const start = m.index + m[0].length - value.length;
      // A real key is the base64 of 32 or 64 random bytes; placeholders are neither.
      const bytes = decodeBase64(value);
      const real = bytes !== null && bytes.length >= 30 && randomBody(value);
      out.push(tokenCandidate(start, start + value.length, real, 0.95, 'connection string'));
    }
    if (text.includes('sig=') && SAS_VERSION.test(text)) {
      for (const m of matchesOf(text, SAS_SIG)) {
        const value = m[1]!;
        const start = m.index + 4;
        // The version must belong to the same query string, not to another URL far away.
        if (!SAS_VERSION.test(text.slice(Math.max(0, start - 600), start + 600))) continue;
        const decoded = decodeURIComponentSafe(value);
        if (decoded === null) continue;
        const real = randomBody(decoded) && (decodeBase64(decoded)?.length ?? 0) >= 30;
        out.push(tokenCandidate(start, start + value.length, real, 0.9, 'sas signature'));
      }
    }
    if (/\dQ~/.test(text)) {
      for (const m of matchesOf(text, CLIENT_SECRET)) {
        const start = m.index;
        const end = start + m[0].length;
        out.push(
          formatCandidate(start, end, randomBody(m[0]), near(text, start, end, AZURE_WORDS, 80)),
        );
      }
    }
    return out;
  },
};

function decodeURIComponentSafe(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    {
      text: 'DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=WcvuukIxatkarBuyeluSNmJOHdK2ljN3/1T0etPGjR806XoLtK1M84QFeFzBkmsOIF8ZnPT5CzdfT/LmKbiY0y==;EndpointSuffix=core.windows.net',
      value:
        'WcvuukIxatkarBuyeluSNmJOHdK2ljN3/1T0etPGjR806XoLtK1M84QFeFzBkmsOIF8ZnPT5CzdfT/LmKbiY0y==',
    },
    {
      text: 'Endpoint=sb://contoso-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=sn8ttgvANMFPUzdz7EDureOVueWiqM4B0dEhGvOJT2y=',
      value: 'sn8ttgvANMFPUzdz7EDureOVueWiqM4B0dEhGvOJT2y=',
    },
    {
      text: 'https://contoso.blob.core.windows.net/reports/q3.pdf?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-03-01T18:00:00Z&spr=https&sig=c6wQiuwKUUjcmBb3XgcMsLey03sPa9%2BbS7ZOuM4c86E%3D',
      value: 'c6wQiuwKUUjcmBb3XgcMsLey03sPa9%2BbS7ZOuM4c86E%3D',
    },
    {
      text: 'AZURE_CLIENT_SECRET=Xk28Q~nqsOnVkbVz7y71bJPtat0ThoQTrYtbIWh0',
      value: 'Xk28Q~nqsOnVkbVz7y71bJPtat0ThoQTrYtbIWh0',
    },
    {
      text: 'the secret value shown once was hyy5Q~o50uGW2510GA2p9pOkAZunR1JQFeSF4N0 (expires in 6 months)',
      value: 'hyy5Q~o50uGW2510GA2p9pOkAZunR1JQFeSF4N0',
    },
  ],
  noMatch: [
    'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<your-account-key>;',
    'AccountKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==',
    'https://cdn.example.com/img.png?w=200&sig=9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc (no SAS version)',
    'UseDevelopmentStorage=true',
    'Set the sv=2022-11-02 and sig= parameters from the portal.',
    'The regex 4Q~ is what identifies the new client secret format.',
  ],
};
