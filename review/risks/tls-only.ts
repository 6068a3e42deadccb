import { Hidden } from '../model';
import { code } from '../format';
import { policyStatements, tlsStatements } from './policy-documents';
import { field, kept, resourcesOf, type RiskRule } from './rule';

export const tlsOnlyRemoved: RiskRule = {
  id: 'tls-only-removed',
  title: 'TLS-only statement removed from the bucket policy',
  why: 'Without it the bucket accepts plain-HTTP (or outdated TLS) requests, so segment files can cross the network unencrypted.',
  check: (env) =>
    resourcesOf(env, 'aws_s3_bucket_policy')
      .filter((c) => kept(c) && !(field(c.after, 'policy') instanceof Hidden))
      .flatMap((c) => {
        const before = tlsStatements(policyStatements(field(c.before, 'policy')));
        const after = tlsStatements(policyStatements(field(c.after, 'policy')));
        return (['insecureTransport', 'outdatedTls'] as const)
          .filter((kind) => before[kind] !== undefined && after[kind] === undefined)
          .map((kind) => ({
            address: c.address,
            what: `${kind === 'insecureTransport' ? 'deny of non-TLS requests' : 'deny of TLS below 1.2'} (${code(before[kind] ?? '')}) removed`,
          }));
      }),
};
