/**
 * Real managed policy for end-to-end tests: a COPY of the built extension with a throwaway key (so
 * an id of its own), and a policy file for that id under /etc/chromium/policies/managed/, as IT
 * would deploy it. A policy file there applies to every Chromium on the machine; writing it for
 * the copy's id only keeps other engineers' parallel runs unaffected. `remove()` deletes the file
 * and any folder this module created; call it in afterAll (it also runs on process exit).
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionIdOf } from '../../lib/policy/extension-id.ts';

export const POLICY_DIR = '/etc/chromium/policies/managed';

/** Copies the built extension in `buildDir` and gives the copy a new key; returns its folder and id. */
export async function copyWithOwnKey(
  buildDir: string,
  prefix = 'hush-policy-ext-',
): Promise<{ dir: string; id: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(buildDir, dir, { recursive: true });
  const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.key = der.toString('base64');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return {
    dir,
    id: await extensionIdOf(der),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ManagedPolicyFile {
  /** Replaces the extension's managed settings (what IT would set). */
  write(settings: Record<string, unknown>): void;
  /** Deletes the file and the folders this module created. */
  remove(): void;
}

/** A managed policy file for `extensionId`, named by `name` and the process id. */
export function managedPolicyFile(extensionId: string, name: string): ManagedPolicyFile {
  const file = join(POLICY_DIR, `hush-e2e-${name}-${process.pid}.json`);
  let createdDirs: string[] = [];
  const remove = () => {
    rmSync(file, { force: true });
    rmSync(`${file}.tmp`, { force: true });
    // Only folders this module made, and only when empty: another run may have a file there now.
    for (const dir of [...createdDirs].reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (another run's policy): leave it to that run.
      }
    }
    createdDirs = [];
  };
  process.once('exit', remove);
  return {
    write(settings) {
      for (const dir of ['/etc/chromium/policies', POLICY_DIR]) {
        if (!existsSync(dir)) {
          mkdirSync(dir);
          createdDirs.push(dir);
        }
      }
      const doc = { '3rdparty': { extensions: { [extensionId]: settings } } };
      // Write then copy over, so Chromium never reads half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify(doc, null, 2));
      cpSync(`${file}.tmp`, file);
      rmSync(`${file}.tmp`, { force: true });
    },
    remove,
  };
}
