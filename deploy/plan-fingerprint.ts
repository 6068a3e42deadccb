import { createHash } from 'node:crypto';
import type { Plan, PlanChange } from '../review/plan/plan-file';
import { masked } from '../review/values';
import { pendingChanges } from './convergence';

/**
 * A plan's fingerprint: what it would change, short enough to pass on a command line or as a job
 * output, so that the apply after an approval can prove it applies the plan that was approved.
 * Each change (address, actions, and the before and after values with every sensitive or
 * secret-bearing value masked) becomes a short digest of its address and one of its content;
 * the fingerprint is their list. It holds no value, sensitive or not: only digests, and the
 * masked values it digests never include a secret.
 */
const VERSION = 'plan1:';
const ADDRESS_BYTES = 4;
const CONTENT_BYTES = 8;
const ENTRY_BYTES = ADDRESS_BYTES + CONTENT_BYTES;

export class FingerprintError extends Error {}

/** One change of a plan, as the fingerprint sees it. */
interface Entry {
  readonly address: string;
  readonly action: string;
  /** Hex digests. */
  readonly addressDigest: string;
  readonly contentDigest: string;
}

/** What differs between the approved plan and the plan now. */
export interface Moved {
  readonly kind: 'changed' | 'new' | 'gone';
  /** The address, when the plan now names it; a change no longer planned may name no resource left. */
  readonly address?: string;
  /** What the plan now does with it (changed and new ones). */
  readonly action?: string;
}

const digest = (text: string, bytes: number) =>
  createHash('sha256').update(text).digest().subarray(0, bytes).toString('hex');

/** JSON with object keys in order, so equal values always digest alike. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function changesByAddress(plan: Plan): Map<string, PlanChange> {
  return new Map([
    ...(plan.resource_changes ?? []).map((r) => [r.address, r.change] as const),
    ...Object.entries(plan.output_changes ?? {}).map(([name, change]) => [`output.${name}`, change] as const),
  ]);
}

function entries(plan: Plan): Entry[] {
  const changes = changesByAddress(plan);
  return pendingChanges(plan)
    .map(({ address, action }) => {
      const change = changes.get(address)!;
      const content = canonical([
        address,
        change.actions,
        masked(change.before, { sensitive: change.before_sensitive }),
        masked(change.after, { sensitive: change.after_sensitive, unknown: change.after_unknown }),
      ]);
      return {
        address,
        action,
        addressDigest: digest(address, ADDRESS_BYTES),
        contentDigest: digest(content, CONTENT_BYTES),
      };
    })
    .sort((a, b) => a.address.localeCompare(b.address));
}

export function planFingerprint(plan: Plan): string {
  const bytes = entries(plan)
    .map((e) => e.addressDigest + e.contentDigest)
    .join('');
  return VERSION + Buffer.from(bytes, 'hex').toString('base64url');
}

function decode(fingerprint: string): { addressDigest: string; contentDigest: string }[] {
  const body = fingerprint.startsWith(VERSION) ? fingerprint.slice(VERSION.length) : undefined;
  const bytes = body !== undefined && /^[\w-]*$/.test(body) ? Buffer.from(body, 'base64url') : undefined;
  if (bytes === undefined || bytes.length % ENTRY_BYTES !== 0 || bytes.toString('base64url') !== body) {
    throw new FingerprintError(
      `"${fingerprint}" is not a plan fingerprint (${VERSION}…, as \`npm run plan\` prints it after "plan fingerprint")`,
    );
  }
  return Array.from({ length: bytes.length / ENTRY_BYTES }, (_, i) => {
    const entry = bytes.subarray(i * ENTRY_BYTES, (i + 1) * ENTRY_BYTES).toString('hex');
    return { addressDigest: entry.slice(0, ADDRESS_BYTES * 2), contentDigest: entry.slice(ADDRESS_BYTES * 2) };
  });
}

/** Checks a fingerprint's form, before anything runs. */
export function checkFingerprint(fingerprint: string): void {
  decode(fingerprint);
}

/** How the plan now differs from the one with the `expected` fingerprint; empty when it is the same. */
export function comparePlan(plan: Plan, expected: string): Moved[] {
  const approved = decode(expected);
  const now = entries(plan);
  const moved: Moved[] = [];
  for (const entry of now) {
    const was = approved.find((a) => a.addressDigest === entry.addressDigest);
    if (was === undefined) moved.push({ kind: 'new', address: entry.address, action: entry.action });
    else if (was.contentDigest !== entry.contentDigest) {
      moved.push({ kind: 'changed', address: entry.address, action: entry.action });
    }
  }
  // A change no longer planned: named when the plan still knows the resource (now a no-op).
  const known = [...changesByAddress(plan).keys()];
  for (const was of approved) {
    if (now.some((e) => e.addressDigest === was.addressDigest)) continue;
    const address = known.find((a) => digest(a, ADDRESS_BYTES) === was.addressDigest);
    moved.push({ kind: 'gone', ...(address === undefined ? {} : { address }) });
  }
  return moved;
}

const WHAT: Record<Moved['kind'], string> = {
  changed: 'changed since the approval',
  new: 'new since the approval',
  gone: 'approved, no longer planned',
};

/** The refusal, in words: what moved, and what to do. */
export function describeMoved(environment: string, moved: readonly Moved[]): string {
  return [
    `${environment}: NOT applied: the plan now differs from the approved one in ${moved.length} change${moved.length === 1 ? '' : 's'}:`,
    ...moved.map(
      (m) =>
        `  - ${WHAT[m.kind]}: ${[m.action, m.address ?? '(a resource the plan no longer has)'].filter(Boolean).join(' ')}`,
    ),
    'State or the account changed after the plan was approved. Nothing was applied.',
    `Review the new plan (\`npm run plan -- ${environment}\`) and approve its fingerprint.`,
  ].join('\n');
}
