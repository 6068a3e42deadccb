import {
  ListResourceRecordSetsCommand,
  type ListResourceRecordSetsCommandInput,
  type ListResourceRecordSetsCommandOutput,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { type Lookup, notFound, probe } from './lookup-errors';

export interface RecordFound {
  /** Lowercase, without the trailing dot. */
  readonly name: string;
  readonly type: string;
  readonly ttl?: number;
  readonly values: readonly string[];
  /** Alias records, weighted/latency/failover sets and the like: not what this stack declares. */
  readonly special?: string;
}

export type ZoneLookup = Lookup<{ readonly zoneId: string }, { readonly records: readonly RecordFound[] }>;

/** Route53 writes `*` as `\052` and keeps the trailing dot. */
const normalName = (name: string) => name.replace(/\\052/g, '*').replace(/\.$/, '').toLowerCase();

/** Whether `name` is `host` or a name below it. */
export const atOrBelow = (name: string, host: string) => name === host || name.endsWith(`.${host}`);

/**
 * Every record set of a hosted zone. Route53 orders names by reversed labels, which does not keep a
 * host's subdomains together, so the whole zone is listed (a page per 300 records) and filtered here.
 */
export async function lookUpZone(route53: Route53Client, zoneId: string): Promise<ZoneLookup> {
  const records: RecordFound[] = [];
  const listed = await probe('ListResourceRecordSets', async () => {
    let input: ListResourceRecordSetsCommandInput | undefined = { HostedZoneId: zoneId };
    while (input !== undefined) {
      const page: ListResourceRecordSetsCommandOutput = await route53.send(new ListResourceRecordSetsCommand(input));
      input = page.IsTruncated
        ? {
            HostedZoneId: zoneId,
            StartRecordName: page.NextRecordName,
            StartRecordType: page.NextRecordType,
            StartRecordIdentifier: page.NextRecordIdentifier,
          }
        : undefined;
      for (const set of page.ResourceRecordSets ?? []) {
        const special = set.AliasTarget
          ? `alias to ${set.AliasTarget.DNSName}`
          : set.SetIdentifier !== undefined
            ? `routing set ${set.SetIdentifier}`
            : undefined;
        records.push({
          name: normalName(set.Name ?? ''),
          type: set.Type ?? '',
          ttl: set.TTL,
          values: (set.ResourceRecords ?? []).map((r) => normalName(r.Value ?? '')),
          special,
        });
      }
    }
  });
  return listed.found ? { zoneId, state: 'found', records } : notFound({ zoneId }, listed);
}
