import { GetAccessKeyLastUsedCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { Route53Client } from '@aws-sdk/client-route-53';
import { lookUpZone } from '../lookups/dns';
import { probe } from '../lookups/lookup-errors';
import type { Environment } from '../../config/environment';
import { resourceLabel } from '../../review/format';
import { Hidden, type EnvironmentChanges, type Value } from '../../review/model';
import { field } from '../../review/risks/rule';

/** What only a live look shows: Campaign using its key, and the tracking host answering as declared. */
export interface LiveCheck {
  readonly check: 'access-key-use' | 'tracking-record' | 'tracking-dns' | 'aam-ids';
  /** What was checked: the key ID, the record's name and type, or the Audience Manager IDs. */
  readonly subject: string;
  /** `finding`: something to look at; `error`: the check could not run (the detail says why). */
  readonly status: 'ok' | 'finding' | 'skipped' | 'error';
  readonly detail: string;
}

/** The part of `node:dns/promises` the check uses, so tests can answer for the DNS. */
export interface DnsResolver {
  resolveCname(hostname: string): Promise<string[]>;
  resolveNs(hostname: string): Promise<string[]>;
}

export interface LiveCheckOptions {
  readonly iam: IAMClient;
  readonly route53: Route53Client;
  /** `undefined` skips the DNS resolution (an emulator environment has no public DNS). */
  readonly resolver: DnsResolver | undefined;
  /** A key Campaign has not used for longer than this is reported. */
  readonly keyUnusedDays: number;
  readonly now: Date;
}

const DAY_MS = 86_400_000;

/** Campaign exchanges segments at least daily: a week without the key in use is worth a look. */
export const DEFAULT_KEY_UNUSED_DAYS = 7;

const text = (value: Value | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);

interface DeclaredKey {
  readonly id: string;
  readonly status?: string;
  readonly created?: string;
}

/** The active slot's key as Terraform knows it (its ID and status are not secret; the secret is masked). */
function activeKey(env: Environment, changes: EnvironmentChanges): DeclaredKey | undefined {
  const key = changes.changes.find(
    (c) => c.type === 'aws_iam_access_key' && resourceLabel(c.address) === `access-key/key-${env.accessKey.activeSlot}`,
  );
  const value = key?.before ?? key?.after;
  const id = text(field(value, 'id'));
  if (id === undefined || field(value, 'id') instanceof Hidden) return undefined;
  return { id, status: text(field(value, 'status')), created: text(field(value, 'create_date')) };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

async function keyUse(env: Environment, changes: EnvironmentChanges, options: LiveCheckOptions): Promise<LiveCheck> {
  const key = activeKey(env, changes);
  const slot = `slot \`${env.accessKey.activeSlot}\``;
  if (key === undefined) {
    return { check: 'access-key-use', subject: slot, status: 'skipped', detail: 'no deployed key in this slot yet' };
  }
  const base = { check: 'access-key-use' as const, subject: key.id };
  if (key.status !== undefined && key.status !== 'Active') {
    return { ...base, status: 'finding', detail: `the key of the active ${slot} is ${key.status}` };
  }
  const used = await probe('GetAccessKeyLastUsed', () =>
    options.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.id })),
  );
  if (!used.found) {
    return used.unreadable === undefined
      ? { ...base, status: 'finding', detail: 'IAM does not know this key: it was deleted outside Terraform' }
      : { ...base, status: 'error', detail: used.unreadable };
  }
  const lastUsed = used.value.AccessKeyLastUsed?.LastUsedDate;
  const since = lastUsed ?? (key.created === undefined ? undefined : new Date(key.created));
  const idle = since === undefined ? undefined : Math.floor((options.now.getTime() - since.getTime()) / DAY_MS);
  const service = used.value.AccessKeyLastUsed?.ServiceName;
  const usedWords =
    lastUsed === undefined
      ? 'never used'
      : `last used ${day(lastUsed)}${service === undefined || service === 'N/A' ? '' : ` (${service})`}`;
  if (idle !== undefined && idle > options.keyUnusedDays) {
    return {
      ...base,
      status: 'finding',
      detail: `${usedWords}${lastUsed === undefined && since !== undefined ? ` since it was created ${day(since)}` : ''}: not used for ${idle} days (more than ${options.keyUnusedDays}); Campaign's exchange with Audience Manager may be broken (check the external accounts' Test connection)`,
    };
  }
  return { ...base, status: 'ok', detail: usedWords };
}

interface DeclaredRecord {
  readonly name: string;
  readonly type: 'CNAME' | 'NS';
  readonly values: readonly string[];
}

/** The tracking records the environment file declares, lowercase and without trailing dots. */
export function declaredRecords(env: Environment): DeclaredRecord[] {
  const tracking = env.dns.trackingServer;
  const low = (name: string) => name.replace(/\.$/, '').toLowerCase();
  return tracking.method === 'cname'
    ? tracking.records.map((r) => ({ name: low(r.hostname), type: 'CNAME' as const, values: [low(r.target)] }))
    : [{ name: low(tracking.subdomain), type: 'NS' as const, values: tracking.nameServers.map(low).sort() }];
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

async function recordChecks(env: Environment, options: LiveCheckOptions): Promise<LiveCheck[]> {
  const records = declaredRecords(env);
  const zone = await lookUpZone(options.route53, env.dns.hostedZoneId);
  return records.map((record): LiveCheck => {
    const base = { check: 'tracking-record' as const, subject: `${record.name} ${record.type}` };
    if (zone.state !== 'found') {
      const why = zone.state === 'missing' ? `hosted zone ${env.dns.hostedZoneId} not found` : zone.reason;
      return { ...base, status: 'error', detail: why };
    }
    const found = zone.records.find((r) => r.name === record.name && r.type === record.type);
    if (found === undefined) {
      return { ...base, status: 'finding', detail: `missing from hosted zone ${env.dns.hostedZoneId}` };
    }
    return same(found.values, record.values)
      ? { ...base, status: 'ok', detail: `points to ${list(found.values)}, as declared` }
      : { ...base, status: 'finding', detail: `points to ${list(found.values)}, declared ${list(record.values)}` };
  });
}

async function dnsChecks(env: Environment, resolver: DnsResolver | undefined): Promise<LiveCheck[]> {
  return Promise.all(
    declaredRecords(env).map(async (record): Promise<LiveCheck> => {
      const base = { check: 'tracking-dns' as const, subject: `${record.name} ${record.type}` };
      if (resolver === undefined) {
        return { ...base, status: 'skipped', detail: 'emulator environment: no public DNS to ask' };
      }
      try {
        const answer = (
          await (record.type === 'CNAME' ? resolver.resolveCname(record.name) : resolver.resolveNs(record.name))
        ).map((v) => v.replace(/\.$/, '').toLowerCase());
        return same(answer, record.values)
          ? { ...base, status: 'ok', detail: `resolves to ${list(answer)}, as declared` }
          : { ...base, status: 'finding', detail: `resolves to ${list(answer)}, declared ${list(record.values)}` };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        // No answer of that type is a finding (the record is gone for the world); a failing resolver is an error.
        return ['ENOTFOUND', 'ENODATA'].includes(code)
          ? { ...base, status: 'finding', detail: `does not resolve (${code}): tracking links through it are broken` }
          : { ...base, status: 'error', detail: `DNS resolution failed (${code})` };
      }
    }),
  );
}

/** The live checks of one environment, after its plan (which gives the deployed key's ID). */
export async function liveChecks(
  env: Environment,
  changes: EnvironmentChanges,
  options: LiveCheckOptions,
): Promise<LiveCheck[]> {
  return [
    await keyUse(env, changes, options),
    ...(await recordChecks(env, options)),
    ...(await dnsChecks(env, options.resolver)),
  ];
}
