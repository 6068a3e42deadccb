import { Resolver } from 'node:dns/promises';
import { awsClients } from '../../runtime/aws-clients';
import { LookupSetupError } from '../lookups/lookup-errors';
import type { SynthesizedEnvironment } from '../../synth/synthesize';
import type { DriftResult } from './drift-result';
import { environmentDrift } from './findings';
import { liveChecks, type DnsResolver } from './live-checks';
import { planEnvironment } from './plan-environment';
import { emulatorEndpoint } from '../../runtime/emulator-environment';

export interface DriftCheckOptions {
  readonly projectDir: string;
  readonly keyUnusedDays: number;
  /** @default - the system's resolver, for every environment but an emulator's */
  readonly resolver?: DnsResolver;
  readonly now?: Date;
}

/**
 * The drift check of one synthesized environment: its plan, read the review's way, then the live
 * checks. Whatever fails is reported in the result, never thrown, so one environment's error
 * leaves the others' results intact.
 */
export async function checkDrift(
  synthesized: SynthesizedEnvironment,
  options: DriftCheckOptions,
): Promise<DriftResult> {
  const env = synthesized.environment;
  const planned = await planEnvironment(options.projectDir, env.name, synthesized.stackDir, {});
  if (!planned.ok) return { environment: env.name, plan: undefined, checks: [], errors: [planned.error] };
  const clients = awsClients(env);
  try {
    const checks = await liveChecks(env, planned.changes, {
      iam: clients.iam,
      route53: clients.route53,
      // No public DNS knows an emulator's records: that check is skipped.
      resolver: emulatorEndpoint(env) === undefined ? (options.resolver ?? new Resolver()) : undefined,
      keyUnusedDays: options.keyUnusedDays,
      now: options.now ?? new Date(),
    });
    return { environment: env.name, plan: environmentDrift(planned.changes), checks, errors: [] };
  } catch (error) {
    // A credentials problem is a sentence (LookupSetupError); anything else still names the environment.
    const message =
      error instanceof LookupSetupError ? error.message : `live checks failed: ${(error as Error).message}`;
    return { environment: env.name, plan: environmentDrift(planned.changes), checks: [], errors: [message] };
  } finally {
    clients.destroy();
  }
}
