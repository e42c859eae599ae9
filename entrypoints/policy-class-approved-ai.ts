// Runs first in the registrations for hosts policy adds (lib/sites/registration.ts): names the
// page's class for the guard or backstop that follows it (lib/sites/policy-class.ts).
import { markPolicyClass } from '@/lib/sites/policy-class.ts';

export default defineUnlistedScript(() => markPolicyClass('approved-ai'));
