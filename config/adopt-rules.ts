import type { z } from 'zod';
import { declaredBucketSettings } from './adopt';
import { report } from './rule';
import type { EnvironmentShape } from './schema';

/** The tracking host names the stack declares a record for. */
const trackingHosts = (env: EnvironmentShape): string[] =>
  env.dns.trackingServer.method === 'cname'
    ? env.dns.trackingServer.records.map((r) => r.hostname)
    : [env.dns.trackingServer.subdomain];

/** An import block needs a resource of the stack to import into: adoption may name only declared ones. */
export function checkAdoption(env: EnvironmentShape, ctx: z.RefinementCtx): void {
  const { receiverBucket, trackingRecords } = env.adopt;
  // With Adobe's receiver there is no bucket to adopt at all (adobe-receiver-rules.ts says so, once).
  if (typeof receiverBucket === 'object' && env.receiver.mode === 'stack-owned') {
    const declared = declaredBucketSettings(env);
    receiverBucket.settings.forEach((setting, i) => {
      const path = ['adopt', 'receiverBucket', 'settings', i];
      if (receiverBucket.settings.indexOf(setting) !== i) {
        report(ctx, 'unique-adopted-settings', path, setting, 'is listed twice');
      } else if (!declared.includes(setting)) {
        report(
          ctx,
          'adopted-setting-declared',
          path,
          setting,
          setting === 'logging'
            ? 'the stack declares no access logging without `receiver.accessLogs`, so there is nothing to import it into: remove it, or declare `receiver.accessLogs`'
            : 'emulator environments (`aws.endpoint`) declare no EventBridge notifications, so there is nothing to import them into: remove it',
        );
      }
    });
  }
  if (Array.isArray(trackingRecords)) {
    const hosts = trackingHosts(env);
    trackingRecords.forEach((host, i) => {
      const path = ['adopt', 'trackingRecords', i];
      if (trackingRecords.indexOf(host) !== i) {
        report(ctx, 'unique-adopted-records', path, host, 'is listed twice');
      } else if (!hosts.includes(host)) {
        report(
          ctx,
          'adopted-record-declared',
          path,
          host,
          `is not a tracking host name of \`dns.trackingServer\` (${hosts.map((h) => `\`${h}\``).join(', ')}); only declared records can be imported`,
        );
      }
    });
  }
}
