import { pushTokens, tokenRules } from '../secret-util.ts';
import type { Candidate, Detector, DetectorExamples } from '../types.ts';

// GitLab prefixes every token with its kind: glpat- personal/project/group access, gldt- deploy,
// glrt- runner authentication, glptt- pipeline trigger, glft- feed, glimt- incoming mail,
// glagent- Kubernetes agent, gloas- OAuth application secret, glsoat- SCIM, glffct- feature-flag
// client, glcbt- CI job. Routable tokens (GitLab 17+) end in a
// dot, a two-character version and a short base36 check, written with or without a second dot.
const KINDS = 'gl(?:pat|dt|rt|ptt|ft|imt|agent|oas|soat|ffct|cbt)-';
// Runner registration tokens (deprecated, still in many old .gitlab-ci docs and configs) start
// with GR1348941. The random body is the first capture group.
const RULES = tokenRules(String.raw`
  95 0 ${KINDS}([0-9A-Za-z_-]{20,300}(?:\.[0-9a-z]{2}\.?[0-9a-z]{7,9})?)$
  90 9 GR1348941[0-9A-Za-z_-]{20,40}$
`);
const GITLAB_PREFIX = new RegExp(KINDS);

/** GitLab tokens of every prefixed kind. */
export const gitlabToken: Detector = {
  id: 'gitlab-token',
  types: ['API_KEY'],
  // "gl" is common in prose, but checking it first skips the pattern in most texts.
  prefilter: {
    test: (text) => (text.includes('gl') && GITLAB_PREFIX.test(text)) || text.includes('GR1348941'),
  },
  detect(text) {
    const out: Candidate[] = [];
    // Random bodies only: docs show `glpat-xxxxxxxxxxxxxxxxxxxx` and `glpat-<your-token>`.
    pushTokens(text, RULES, out);
    return out;
  },
};

/** What this detector must find and must leave alone; checked by rules/detectors.test.ts. Only
 * tests import it, so bundles drop it. */
export const examples: DetectorExamples = {
  match: [
    'glpat-G-zeRRu-sDc0zvIbH25v',
    {
      text: 'curl --header "PRIVATE-TOKEN: glpat-oL9X-hWqVU5iWBCFfEoz" https://gitlab.com/api/v4/projects',
      value: 'glpat-oL9X-hWqVU5iWBCFfEoz',
    },
    {
      text: 'deploy token: gldt-QH9exJrlapl6kOdfXT0G',
      value: 'gldt-QH9exJrlapl6kOdfXT0G',
    },
    {
      text: 'runner config.toml has token = "glrt-G2_43BQ93JSecJX_e0VS"',
      value: 'glrt-G2_43BQ93JSecJX_e0VS',
    },
    {
      text: 'gitlab-runner register --registration-token GR1348941WVvAOnPDEW366P6prwet',
      value: 'GR1348941WVvAOnPDEW366P6prwet',
    },
    {
      text: 'trigger with glptt-80432517a4482470163e98ffa7e232e2357fa60e now',
      value: 'glptt-80432517a4482470163e98ffa7e232e2357fa60e',
    },
    {
      text: 'new-style: glpat-VN4WDw9QzvBKhFCtfNhLE0ezkgF.01.171o2u9wc',
      value: 'glpat-VN4WDw9QzvBKhFCtfNhLE0ezkgF.01.171o2u9wc',
    },
  ],
  noMatch: [
    'PRIVATE-TOKEN: glpat-xxxxxxxxxxxxxxxxxxxx',
    'Personal access tokens begin with glpat- followed by 20 characters.',
    'glpat-<your_access_token>',
    'glpat-abc123 (truncated in the screenshot)',
    'the glrt-prefixed runner tokens replace registration tokens',
    'GR1348941 is the runner registration prefix',
  ],
};
