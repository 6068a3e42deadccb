import { arrow, code } from '../format';
import type { RiskRule } from './rule';

export const backendChanged: RiskRule = {
  id: 'backend-changed',
  title: 'State backend changed',
  why: "Terraform looks for this environment's state somewhere else: unless the state is moved first (`terraform init -migrate-state`), the next deploy tries to create every resource again.",
  check: (env) =>
    env.changes
      .filter((c) => c.type === 'backend' && c.before !== undefined && c.action !== 'no-op')
      .map((c) => ({
        address: c.address,
        what: c.attributes.map((a) => `${code(a.path)} ${arrow(a.before, a.after)}`).join('; ') || 'removed',
      })),
};
