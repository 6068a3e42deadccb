import { isAtOrBelow, trackingRecords, visitorHostConflict, visitorIdHosts, type TrackingRecord } from './dns-names';
import { iamUserName } from './adopt';
import type { Environment } from './environment';
import { formatPath, type ConfigProblem } from './problems';
import { localStateFile, localStateProblems, type ProjectLayout } from './project-layout';
import {
  adobeLocations,
  foldersOverlap,
  isAdobeProvisioned,
  receiverBuckets,
  stackOwnedReceiver,
  type ReceiverLocation,
} from './receiver-mode';

/**
 * Rules across files: environments deploy side by side (often into one account and one DNS zone),
 * so what one file claims (a bucket, a state file, a DNS name, a destination) no other may claim,
 * and nothing one file creates may sit where another's would shadow it. Each problem is reported
 * on the file that can fix it, naming the other file.
 */
export function crossEnvironmentProblems(environments: readonly Environment[], layout: ProjectLayout): ConfigProblem[] {
  return [
    ...environments.flatMap((env) => localStateProblems(env, layout)),
    ...uniqueClaims(environments, layout),
    ...iamUsers(environments),
    ...bucketRoles(environments),
    ...accessLogLocations(environments),
    ...adobeLocationClaims(environments),
    ...sharedBucketPlacement(environments),
    ...dnsProblems(environments),
  ];
}

const problem = (env: Environment, path: string, value: unknown, rule: string, message: string): ConfigProblem => ({
  file: env.sourceFile,
  path,
  value,
  rule,
  message,
});

const usesDefaultPath = (env: Environment) => env.backend.type === 'local' && env.backend.path === undefined;

/** Names that must be unique across environments: the first file keeps it, later ones are told. */
function uniqueClaims(environments: readonly Environment[], layout: ProjectLayout): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const owners = new Map<string, Environment>();
  const claim = (
    key: string,
    env: Environment,
    path: string,
    value: unknown,
    rule: string,
    message: (owner: string) => string,
  ) => {
    const owner = owners.get(key);
    if (owner === undefined) owners.set(key, env);
    else problems.push(problem(env, path, value, rule, message(`\`${owner.sourceFile}\``)));
  };
  const sharedState = (owner: string) =>
    `is also the state of ${owner}: both environments would plan against one state and destroy each other's resources; give each its own`;

  for (const env of environments) {
    const receiver = stackOwnedReceiver(env);
    if (receiver !== undefined) {
      claim(
        `bucket:${receiver.bucketName}`,
        env,
        'receiver.bucketName',
        receiver.bucketName,
        'unique-bucket-across-environments',
        (owner) => `this bucket name is already used by ${owner}`,
      );
    }
    if (env.backend.type === 's3') {
      const location = `s3://${env.backend.bucket}/${env.backend.key}`;
      claim(`state:${location}`, env, 'backend.key', location, 'unique-state-across-environments', sharedState);
    }
    env.campaign.dataSources.forEach((source, i) => {
      if (source.aamDestinationId === undefined) return;
      claim(
        `destination:${source.aamDestinationId}`,
        env,
        `campaign.dataSources[${i}].aamDestinationId`,
        source.aamDestinationId,
        'unique-aam-destination-id',
        (owner) =>
          `is also a destination of ${owner}; Adobe assigns each environment its own destinations, so one was copied by mistake: use the ID from Adobe's reply for this environment`,
      );
    });
  }
  // Default state files claim first, so a clash is reported where a path was written.
  const local = environments.filter((env) => env.backend.type === 'local');
  for (const env of [...local.filter(usesDefaultPath), ...local.filter((env) => !usesDefaultPath(env))]) {
    const file = localStateFile(env, layout.projectDir)!;
    // macOS and Windows file systems ignore case, so `State.tfstate` and `state.tfstate` are one file there.
    claim(
      `local:${file.toLowerCase()}`,
      env,
      'backend.path',
      env.backend.type === 'local' ? env.backend.path : undefined,
      'unique-state-across-environments',
      (owner) =>
        `${sharedState(owner)} (paths compared after resolving them against the project folder, ignoring case)`,
    );
  }
  return problems;
}

/**
 * IAM user names are unique within an account, and an adopted user keeps its own name, which may
 * be another environment's. Explicit names are checked after default ones, so a clash is reported
 * where a name was written. Environments in two stated, different accounts never clash.
 */
function iamUsers(environments: readonly Environment[]): ConfigProblem[] {
  const explicit = (env: Environment) => typeof env.adopt.iamUser === 'string';
  const ordered = [...environments.filter((env) => !explicit(env)), ...environments.filter(explicit)];
  const mayShareAccount = (a: Environment, b: Environment) =>
    a.aws.accountId === undefined || b.aws.accountId === undefined || a.aws.accountId === b.aws.accountId;
  return ordered.flatMap((env, i) => {
    const name = iamUserName(env);
    const owner = ordered.slice(0, i).find((other) => iamUserName(other) === name && mayShareAccount(other, env));
    if (owner === undefined) return [];
    return [
      problem(
        env,
        'adopt.iamUser',
        env.adopt.iamUser,
        'unique-iam-user-across-environments',
        `IAM user \`${name}\` is also the user of \`${owner.sourceFile}\`: two stacks would manage one user, its group and its keys, and each deploy would undo the other's; adopt a user of this environment's own`,
      ),
    ];
  });
}

/** A receiver bucket is the integration's alone: no other environment keeps state or access logs in it. */
function bucketRoles(environments: readonly Environment[]): ConfigProblem[] {
  // Adobe's buckets count too: Adobe's key reads and deletes there.
  const receivers = new Map(
    environments.flatMap((env) => receiverBuckets(env).map((bucket) => [bucket, env] as const)),
  );
  return environments.flatMap((env) => {
    const problems: ConfigProblem[] = [];
    const stateOwner = env.backend.type === 's3' ? receivers.get(env.backend.bucket) : undefined;
    if (stateOwner !== undefined && stateOwner !== env && env.backend.type === 's3') {
      problems.push(
        problem(
          env,
          'backend.bucket',
          env.backend.bucket,
          'state-not-in-receiver-bucket',
          `is the receiver bucket of \`${stateOwner.sourceFile}\`: Campaign's access key could read or delete the state (and the secrets in it), and the lifecycle rules would expire it; use a separate state bucket`,
        ),
      );
    }
    const logs = stackOwnedReceiver(env)?.accessLogs;
    const logOwner = logs === undefined ? undefined : receivers.get(logs.bucketName);
    if (logs !== undefined && logOwner !== undefined && logOwner !== env) {
      problems.push(
        problem(
          env,
          'receiver.accessLogs.bucketName',
          logs.bucketName,
          'access-logs-not-a-receiver',
          `is the receiver bucket of \`${logOwner.sourceFile}\`: that environment's Campaign key could read these logs and its lifecycle rules would expire them; send access logs to a dedicated log bucket`,
        ),
      );
    }
    return problems;
  });
}

/** Two environments logging into one bucket need prefixes that keep their logs apart. */
function accessLogLocations(environments: readonly Environment[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  environments.forEach((env, i) => {
    const logs = stackOwnedReceiver(env)?.accessLogs;
    if (logs === undefined) return;
    const earlierLogs = environments
      .slice(0, i)
      .map((other) => ({ other, theirs: stackOwnedReceiver(other)?.accessLogs }))
      .find(
        ({ theirs }) =>
          theirs?.bucketName === logs.bucketName &&
          (logs.prefix.startsWith(theirs.prefix) || theirs.prefix.startsWith(logs.prefix)),
      );
    if (earlierLogs !== undefined) {
      const { other: earlier, theirs } = earlierLogs;
      problems.push(
        problem(
          env,
          'receiver.accessLogs.prefix',
          logs.prefix,
          'unique-access-log-location',
          `overlaps \`${theirs!.prefix}\`, where \`${earlier.sourceFile}\` writes its access logs in the same bucket, so the logs of both would mix; give each environment its own prefix`,
        ),
      );
    }
  });
  return problems;
}

/**
 * What Adobe provisioned for one environment is that environment's alone: no other environment may
 * name the same location (or one inside it, whose files would mix), and no bucket another
 * environment's stack creates is Adobe's. The first file keeps the location; later ones are told.
 */
function adobeLocationClaims(environments: readonly Environment[]): ConfigProblem[] {
  const claimed: (ReceiverLocation & { readonly env: Environment })[] = [];
  const problems: ConfigProblem[] = [];
  const ownedBuckets = new Map(
    environments.flatMap((env) => {
      const receiver = stackOwnedReceiver(env);
      return receiver === undefined ? [] : [[receiver.bucketName, env] as const];
    }),
  );
  for (const env of environments) {
    if (!isAdobeProvisioned(env)) continue;
    for (const location of adobeLocations(env.receiver)) {
      const creator = ownedBuckets.get(location.bucket);
      const owner = claimed.find(
        (c) => c.env !== env && c.bucket === location.bucket && foldersOverlap(c.folder, location.folder),
      );
      if (creator !== undefined) {
        problems.push(
          problem(
            env,
            location.path,
            location.server,
            'adobe-location-not-a-stack-bucket',
            `names \`${location.bucket}\`, the receiver bucket that \`${creator.sourceFile}\` creates and holds the keys of; Adobe's location is a bucket of Adobe's: check the receiver server in Adobe's reply`,
          ),
        );
      } else if (owner !== undefined) {
        problems.push(
          problem(
            env,
            location.path,
            location.server,
            'unique-adobe-location-across-environments',
            `is (or is inside, or contains) \`${owner.bucket}/${owner.folder}\`, which \`${owner.env.sourceFile}\` (\`${owner.path}\`) already names; Adobe provisions each environment its own location, so one was copied by mistake: use the receiver server from Adobe's reply for this environment`,
          ),
        );
      }
      claimed.push({ ...location, env });
    }
  }
  return problems;
}

/**
 * A bucket and a hosted zone live in one region and one account. Environments that share a state
 * bucket must give it one region; environments that share an access-log bucket must be in its
 * region and account (S3 delivers logs only there); environments that share a hosted zone must be
 * in its account (the provider may touch only `aws.accountId`). Accounts are compared when both
 * files state one.
 */
function sharedBucketPlacement(environments: readonly Environment[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const differentAccounts = (a: Environment, b: Environment) =>
    a.aws.accountId !== undefined && b.aws.accountId !== undefined && a.aws.accountId !== b.aws.accountId;
  environments.forEach((env, i) => {
    const earlier = environments.slice(0, i);
    const { backend } = env;
    if (backend.type === 's3') {
      const other = earlier.find(
        (o) => o.backend.type === 's3' && o.backend.bucket === backend.bucket && o.backend.region !== backend.region,
      );
      if (other !== undefined && other.backend.type === 's3') {
        problems.push(
          problem(
            env,
            'backend.region',
            backend.region,
            'one-region-per-state-bucket',
            `\`${other.sourceFile}\` says the state bucket \`${backend.bucket}\` is in \`${other.backend.region}\`; a bucket has one region, and Terraform cannot reach it through the wrong one`,
          ),
        );
      }
    }
    const logs = stackOwnedReceiver(env)?.accessLogs;
    const sharing = earlier.find(
      (o) =>
        logs !== undefined &&
        stackOwnedReceiver(o)?.accessLogs?.bucketName === logs.bucketName &&
        (o.aws.region !== env.aws.region || differentAccounts(o, env)),
    );
    if (logs !== undefined && sharing !== undefined) {
      problems.push(
        problem(
          env,
          'receiver.accessLogs.bucketName',
          logs.bucketName,
          'access-log-bucket-same-region-and-account',
          `is also the access-log bucket of \`${sharing.sourceFile}\`, whose receiver is in ${sharing.aws.region}${sharing.aws.accountId === undefined ? '' : ` (account ${sharing.aws.accountId})`}, while this one is in ${env.aws.region}${env.aws.accountId === undefined ? '' : ` (account ${env.aws.accountId})`}; S3 delivers access logs only to a bucket in the source bucket's region and account, so one of them would fail at apply: give each region/account its own log bucket`,
        ),
      );
    }
    const zoneOwner = earlier.find((o) => o.dns.hostedZoneId === env.dns.hostedZoneId && differentAccounts(o, env));
    if (zoneOwner !== undefined) {
      problems.push(
        problem(
          env,
          'dns.hostedZoneId',
          env.dns.hostedZoneId,
          'one-account-per-zone-id',
          `is also the zone of \`${zoneOwner.sourceFile}\`, in account ${zoneOwner.aws.accountId}, while this environment deploys to account ${env.aws.accountId}; a hosted zone belongs to one account, so one of the two stacks could not write its records`,
        ),
      );
    }
  });
  return problems;
}

interface OwnedRecord extends TrackingRecord {
  readonly env: Environment;
}

/**
 * DNS across environments: one zone ID is one zone name; one record per name and zone; nothing at
 * or below a subdomain another environment delegates to Adobe, nor in a zone that a more specific
 * zone of another environment shadows; and no Visitor ID host on Campaign's tracking names.
 */
function dnsProblems(environments: readonly Environment[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const zoneNames = new Map<string, Environment>();
  for (const env of environments) {
    const first = zoneNames.get(env.dns.hostedZoneId);
    if (first === undefined) zoneNames.set(env.dns.hostedZoneId, env);
    else if (first.dns.zoneName !== env.dns.zoneName) {
      problems.push(
        problem(
          env,
          'dns.zoneName',
          env.dns.zoneName,
          'one-zone-name-per-zone-id',
          `differs from \`${first.dns.zoneName}\`, the name \`${first.sourceFile}\` gives the same hosted zone \`${env.dns.hostedZoneId}\`; a zone has one name, so one of the two files has the wrong zone ID or name`,
        ),
      );
    }
  }

  const records: OwnedRecord[] = environments.flatMap((env) => trackingRecords(env.dns).map((r) => ({ ...r, env })));
  const where = (r: OwnedRecord) => `\`${r.env.sourceFile}\` (\`${formatPath(r.path)}\`)`;
  records.forEach((record, i) => {
    const { env } = record;
    const duplicate = records
      .slice(0, i)
      .find(
        (other) =>
          other.env !== env && other.env.dns.hostedZoneId === env.dns.hostedZoneId && other.name === record.name,
      );
    if (duplicate !== undefined) {
      problems.push(
        problem(
          env,
          formatPath(record.path),
          record.name,
          'unique-dns-record-across-environments',
          `${where(duplicate)} declares a ${duplicate.type} record with this name in the same zone \`${env.dns.hostedZoneId}\`; two stacks would own one record and overwrite each other; give each environment its own tracking host`,
        ),
      );
      return;
    }
    const delegation = records.find(
      (other) => other.env !== env && other.type === 'NS' && isAtOrBelow(record.name, other.name),
    );
    if (delegation !== undefined) {
      problems.push(
        problem(
          env,
          formatPath(record.path),
          record.name,
          'dns-record-not-below-delegation',
          `is at or below \`${delegation.name}\`, which ${where(delegation)} delegates to Adobe's name servers; resolvers ask those servers, so this record would never be seen; choose a name outside it`,
        ),
      );
      return;
    }
    const shadowing = environments.find(
      (other) =>
        other.dns.hostedZoneId !== env.dns.hostedZoneId &&
        other.dns.zoneName !== env.dns.zoneName &&
        isAtOrBelow(other.dns.zoneName, env.dns.zoneName) &&
        isAtOrBelow(record.name, other.dns.zoneName),
    );
    if (shadowing !== undefined) {
      problems.push(
        problem(
          env,
          formatPath(record.path),
          record.name,
          'dns-record-in-most-specific-zone',
          `is inside \`${shadowing.dns.zoneName}\`, a zone of its own (\`${shadowing.dns.hostedZoneId}\` in \`${shadowing.sourceFile}\`) below this environment's zone \`${env.dns.zoneName}\`; resolvers ask that zone, so a record here would never be seen; put it in that zone or pick a name outside it`,
        ),
      );
    }
  });

  for (const env of environments) {
    for (const host of visitorIdHosts(env)) {
      for (const record of records.filter((r) => r.env !== env)) {
        const conflict = visitorHostConflict(host.name, record);
        if (conflict !== undefined) {
          problems.push(
            problem(
              env,
              formatPath(host.path),
              host.name,
              'visitor-id-host-not-campaign-tracking',
              `${conflict} in ${where(record)}, which answers for Campaign, not for the Visitor ID service; use the Experience Cloud/Analytics tracking host`,
            ),
          );
        }
      }
    }
  }
  return problems;
}
