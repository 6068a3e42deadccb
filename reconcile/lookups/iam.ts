import {
  GetAccessKeyLastUsedCommand,
  GetGroupCommand,
  GetLoginProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  type IAMClient,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { type Lookup, notFound, partReader, probe } from './lookup-errors';

export interface AccessKeyFound {
  readonly id: string;
  readonly status: string;
  readonly created?: Date;
  readonly lastUsed?: Date;
  readonly lastUsedService?: string;
}

const day = (date?: Date) => (date === undefined ? 'unknown' : date.toISOString().slice(0, 10));

/** `AKIA… (Active, created 2024-01-02, last used 2024-05-06 (s3))` */
export function describeKey(key: AccessKeyFound): string {
  const used =
    key.lastUsed === undefined
      ? 'never used'
      : `last used ${day(key.lastUsed)}${key.lastUsedService === undefined ? '' : ` (${key.lastUsedService})`}`;
  return `${key.id} (${key.status}, created ${day(key.created)}, ${used})`;
}

export interface InlinePolicyFound {
  readonly name: string;
  /** The policy document, decoded. */
  readonly document: string;
}

export type UserLookup = Lookup<
  { readonly name: string },
  {
    readonly arn: string;
    readonly path: string;
    readonly permissionsBoundary?: string;
    readonly tags: Readonly<Record<string, string>>;
    readonly inlinePolicies: readonly InlinePolicyFound[];
    readonly attachedPolicies: readonly { readonly name: string; readonly arn: string }[];
    readonly groups: readonly string[];
    readonly accessKeys: readonly AccessKeyFound[];
    /** A console password exists. */
    readonly consoleAccess: boolean;
    readonly unreadable: readonly string[];
  }
>;

/** IAM returns policy documents URL-encoded. */
const decode = (document: string) => decodeURIComponent(document);

/** Reads a user and everything attached to it, without changing anything. */
export async function lookUpUser(iam: IAMClient, name: string): Promise<UserLookup> {
  const user = await probe('GetUser', () => iam.send(new GetUserCommand({ UserName: name })));
  if (!user.found) return notFound({ name }, user);
  const unreadable: string[] = [];
  const read = partReader(unreadable);
  const UserName = name;

  const inlineNames =
    (await read('ListUserPolicies', () => iam.send(new ListUserPoliciesCommand({ UserName }))))?.PolicyNames ?? [];
  const inlinePolicies: InlinePolicyFound[] = [];
  for (const policyName of inlineNames) {
    const policy = await read(`GetUserPolicy ${policyName}`, () =>
      iam.send(new GetUserPolicyCommand({ UserName, PolicyName: policyName })),
    );
    inlinePolicies.push({ name: policyName, document: decode(policy?.PolicyDocument ?? '{}') });
  }
  const attached =
    (await read('ListAttachedUserPolicies', () => iam.send(new ListAttachedUserPoliciesCommand({ UserName }))))
      ?.AttachedPolicies ?? [];
  const groups =
    (await read('ListGroupsForUser', () => iam.send(new ListGroupsForUserCommand({ UserName }))))?.Groups ?? [];
  const keys =
    (await read('ListAccessKeys', () => iam.send(new ListAccessKeysCommand({ UserName }))))?.AccessKeyMetadata ?? [];
  const accessKeys: AccessKeyFound[] = [];
  for (const key of keys) {
    const used = await read(`GetAccessKeyLastUsed ${key.AccessKeyId}`, () =>
      iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId })),
    );
    accessKeys.push({
      id: key.AccessKeyId ?? '',
      status: key.Status ?? 'unknown',
      created: key.CreateDate,
      lastUsed: used?.AccessKeyLastUsed?.LastUsedDate,
      lastUsedService:
        used?.AccessKeyLastUsed?.ServiceName === 'N/A' ? undefined : used?.AccessKeyLastUsed?.ServiceName,
    });
  }
  const tags = (await read('ListUserTags', () => iam.send(new ListUserTagsCommand({ UserName }))))?.Tags ?? [];
  const login = await probe('GetLoginProfile', () => iam.send(new GetLoginProfileCommand({ UserName })));
  if (!login.found && login.unreadable !== undefined) unreadable.push(login.unreadable);

  return {
    name,
    state: 'found',
    arn: user.value.User?.Arn ?? '',
    path: user.value.User?.Path ?? '/',
    permissionsBoundary: user.value.User?.PermissionsBoundary?.PermissionsBoundaryArn,
    tags: Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? ''])),
    inlinePolicies,
    attachedPolicies: attached.map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' })),
    groups: groups.map((g) => g.GroupName ?? ''),
    accessKeys,
    consoleAccess: login.found,
    unreadable,
  };
}

export type GroupLookup = Lookup<{ readonly name: string }, { readonly attachedPolicyArns: readonly string[] }>;

export async function lookUpGroup(iam: IAMClient, name: string): Promise<GroupLookup> {
  const group = await probe('GetGroup', () => iam.send(new GetGroupCommand({ GroupName: name })));
  if (!group.found) return notFound({ name }, group);
  const attached = await probe('ListAttachedGroupPolicies', () =>
    iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: name })),
  );
  if (!attached.found) return { name, state: 'unreadable', reason: attached.unreadable ?? 'ListAttachedGroupPolicies' };
  return {
    name,
    state: 'found',
    attachedPolicyArns: (attached.value.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? ''),
  };
}

export type PolicyLookup = Lookup<{ readonly arn: string }>;

export async function lookUpPolicy(iam: IAMClient, arn: string): Promise<PolicyLookup> {
  const policy = await probe('GetPolicy', () => iam.send(new GetPolicyCommand({ PolicyArn: arn })));
  return policy.found ? { arn, state: 'found' } : notFound({ arn }, policy);
}

/**
 * Users whose own policies (inline, or attached customer-managed) name the bucket: the likely
 * hand-made user of this integration, when it does not have the name the stack would choose.
 */
export async function usersNamingBucket(iam: IAMClient, bucketName: string): Promise<string[]> {
  // The bucket's ARN or one of its objects', not a longer name that starts the same (`…-archive`).
  const bucketArn = new RegExp(`arn:aws:s3:::${bucketName.replace(/[.]/g, '\\.')}(?=["/])`);
  const names = (document: string) => bucketArn.test(document);
  const managedDocuments = new Map<string, string>();
  const managedDocument = async (arn: string): Promise<string> => {
    if (!managedDocuments.has(arn)) {
      const policy = await probe('GetPolicy', () => iam.send(new GetPolicyCommand({ PolicyArn: arn })));
      const version = policy.found ? policy.value.Policy?.DefaultVersionId : undefined;
      const document =
        version === undefined
          ? undefined
          : await probe('GetPolicyVersion', () =>
              iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: version })),
            );
      managedDocuments.set(arn, document?.found ? decode(document.value.PolicyVersion?.Document ?? '') : '');
    }
    return managedDocuments.get(arn)!;
  };

  const found: string[] = [];
  const pages = paginateListUsers({ client: iam }, {});
  // Listing users needs iam:ListUsers; without it there is simply no candidate to suggest.
  const listed = await probe('ListUsers', async () => {
    const all = [];
    for await (const page of pages) all.push(page);
    return all;
  });
  for (const page of listed.found ? listed.value : []) {
    for (const user of page.Users ?? []) {
      const UserName = user.UserName!;
      const inline = await probe('ListUserPolicies', () => iam.send(new ListUserPoliciesCommand({ UserName })));
      let matches = false;
      for (const PolicyName of inline.found ? (inline.value.PolicyNames ?? []) : []) {
        const policy = await probe('GetUserPolicy', () => iam.send(new GetUserPolicyCommand({ UserName, PolicyName })));
        if (policy.found && names(decode(policy.value.PolicyDocument ?? ''))) matches = true;
      }
      if (!matches) {
        const attached = await probe('ListAttachedUserPolicies', () =>
          iam.send(new ListAttachedUserPoliciesCommand({ UserName })),
        );
        for (const policy of attached.found ? (attached.value.AttachedPolicies ?? []) : []) {
          // AWS-managed policies never name a customer's bucket.
          if (
            policy.PolicyArn?.startsWith('arn:aws:iam::aws:') === false &&
            names(await managedDocument(policy.PolicyArn))
          )
            matches = true;
        }
      }
      if (matches) found.push(UserName);
    }
  }
  return found;
}
