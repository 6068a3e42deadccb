import { count } from '../format';
import type { RiskRule } from './rule';

export const environmentRemoved: RiskRule = {
  id: 'environment-removed',
  title: 'Environment removed',
  why: 'Its stack is no longer synthesized, so nothing manages its bucket, key, DNS records and Campaign records any more: they keep running, holding data and a valid key, until destroyed with `cdktf destroy` from the previous revision.',
  check: (env) =>
    env.presence !== 'removed'
      ? []
      : [
          {
            address: `stack ${env.name}`,
            what: `no longer synthesized; its ${count(env.changes.filter((c) => c.kind === 'resource').length, 'resource')} stay in AWS and in its state`,
          },
        ],
};
