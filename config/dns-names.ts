import type { EnvironmentShape } from './schema';

/** Is `name` the same as `parent` or a name below it? (Both are normalized: lowercase, no trailing dot.) */
export const isAtOrBelow = (name: string, parent: string) => name === parent || name.endsWith(`.${parent}`);

/** A Route53 record the stack creates for Campaign's tracking server, with the field that declares it. */
export interface TrackingRecord {
  readonly name: string;
  readonly type: 'CNAME' | 'NS';
  readonly path: (string | number)[];
}

export function trackingRecords(dns: EnvironmentShape['dns']): TrackingRecord[] {
  const server = dns.trackingServer;
  return server.method === 'cname'
    ? server.records.map((r, i) => ({
        name: r.hostname,
        type: 'CNAME' as const,
        path: ['dns', 'trackingServer', 'records', i, 'hostname'],
      }))
    : [{ name: server.subdomain, type: 'NS' as const, path: ['dns', 'trackingServer', 'subdomain'] }];
}

/** The Visitor ID service's host names, with their fields. */
export function visitorIdHosts(env: EnvironmentShape): { name: string; path: (string | number)[] }[] {
  const service = env.campaign.visitorIdService;
  if (service === undefined) return [];
  return (
    ['trackingServer', 'trackingServerSecure', 'marketingCloudServer', 'marketingCloudServerSecure'] as const
  ).flatMap((field) =>
    service[field] === undefined ? [] : [{ name: service[field], path: ['campaign', 'visitorIdService', field] }],
  );
}

/**
 * Why a Visitor ID host cannot be `name` when Campaign's tracking server owns `record`: Campaign's
 * tracking host (CNAME) or subdomain (delegated to Adobe's name servers) answers for Campaign, not
 * for the Experience Cloud ID service or Analytics.
 */
export function visitorHostConflict(name: string, record: TrackingRecord): string | undefined {
  if (record.type === 'CNAME' && name === record.name) return `is Campaign's tracking host \`${record.name}\``;
  if (record.type === 'NS' && isAtOrBelow(name, record.name))
    return `is at or below \`${record.name}\`, the subdomain delegated to Adobe Campaign's name servers`;
  return undefined;
}
