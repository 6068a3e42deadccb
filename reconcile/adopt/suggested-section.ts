import { textOf } from '../lookups/attributes';
import type { StackLookups } from '../lookups/stack-lookups';
import type { StateContents } from '../lookups/terraform-state';
import { declaredBucketSettings, type AdoptSection } from '../../config/adopt';
import type { Environment } from '../../config/environment';
import { bucketSettingOf } from '../../stacks/import-ids';

/**
 * The `adopt` section that takes over exactly what exists: the bucket with the settings it has,
 * the user (the stack's name, the one the file names, or else the one user whose policies name the
 * bucket), and the tracking records that exist.
 */
export function suggestedSection(
  env: Environment,
  lookups: StackLookups,
  userCandidates: readonly string[],
  state: StateContents,
): AdoptSection {
  const found = (type: string) => lookups.resources.filter((s) => s.resource.type === type && s.existence === 'found');
  // Once deployed, import blocks change nothing: the file's own section stands.
  const deployed = lookups.resources.some(
    (s) =>
      ['aws_s3_bucket', 'aws_iam_user', 'aws_route53_record'].includes(s.resource.type) &&
      state.addresses.has(s.resource.address),
  );
  if (deployed) return env.adopt;

  const bucketFound = found('aws_s3_bucket').length > 0;
  const existingSettings = lookups.resources
    .filter((s) => s.existence === 'found')
    .map((s) => bucketSettingOf(s.resource.type))
    .filter((s) => s !== undefined);
  const receiverBucket: AdoptSection['receiverBucket'] = !bucketFound
    ? false
    : existingSettings.length === declaredBucketSettings(env).length
      ? true
      : { settings: existingSettings };

  const userFound = found('aws_iam_user').length > 0;
  const iamUser: AdoptSection['iamUser'] = userFound
    ? env.adopt.iamUser === false
      ? true
      : env.adopt.iamUser
    : userCandidates.length === 1
      ? userCandidates[0]
      : false;

  const declaredHosts = lookups.resources.filter((s) => s.resource.type === 'aws_route53_record');
  const foundHosts = found('aws_route53_record').map((s) => textOf(s.resource, 'name'));
  const trackingRecords: AdoptSection['trackingRecords'] =
    foundHosts.length === 0 ? false : foundHosts.length === declaredHosts.length ? true : foundHosts;

  return { receiverBucket, iamUser, trackingRecords };
}

/** The section as it goes into the file: fields left at their default `false` are left out. */
export function sectionJson(section: AdoptSection): string {
  const fields = Object.fromEntries(Object.entries(section).filter(([, value]) => value !== false));
  return JSON.stringify({ adopt: fields }, null, 2);
}

/** Equal sections, whatever the order of the tracking hosts listed. */
export function sameSection(a: AdoptSection, b: AdoptSection): boolean {
  const normal = (s: AdoptSection) =>
    JSON.stringify({
      receiverBucket: s.receiverBucket,
      iamUser: s.iamUser,
      trackingRecords: Array.isArray(s.trackingRecords) ? [...s.trackingRecords].sort() : s.trackingRecords,
    });
  return normal(a) === normal(b);
}
