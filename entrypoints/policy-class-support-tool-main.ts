// The page's-world twin of policy-class-support-tool.ts, run before the backstop: Chrome injects a file
// once per frame, so the two worlds cannot share one file (lib/sites/registration.ts).
import { markPolicyClass } from '@/lib/sites/policy-class.ts';

export default defineUnlistedScript(() => markPolicyClass('support-tool'));
