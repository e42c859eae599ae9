/**
 * The engine's whole public API for Node and the backend: the core (rules/index.ts: scan,
 * detectors, masking, types) plus policy validation and compilation. This is what the package's
 * `./engine` export (dist/engine/index.js) and the CLI use.
 *
 * Content scripts import rules/index.ts instead: policy validation pulls in valibot and
 * redos-detector, which a page never needs (the background validates policy once).
 */
export * from './index.ts';
export {
  compilePolicy,
  scanWithPolicy,
  parseEnginePolicy,
  engineCrossChecks,
  PolicyError,
  EnginePolicySchema,
  CustomDetectorSchema,
  ENGINE_POLICY_ENTRIES,
  type CompiledPolicy,
  type CustomDetectorSpec,
  type EnginePolicy,
  type PolicyProblem,
} from './policy.ts';
export { hashValue, normaliseEdmValue, edmWordCount, MAX_EDM_WORDS } from './custom/edm.ts';
