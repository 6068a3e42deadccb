import type { StackResources, SynthesizedResource } from './rule';

type TerraformJson = { resource?: Record<string, Record<string, Record<string, unknown>>> };

/** Indexes a stack's synthesized Terraform JSON for the rules. */
export function stackResources(json: TerraformJson): StackResources {
  const all: SynthesizedResource[] = Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, body]) => {
      const { '//': metadata, ...attributes } = body as { '//'?: { metadata?: { path?: string } } } & Record<
        string,
        unknown
      >;
      return {
        type,
        name,
        address: `${type}.${name}`,
        path: metadata?.metadata?.path ?? `${type}.${name}`,
        attributes,
      };
    }),
  );
  return {
    all,
    ofType: (type) => all.filter((r) => r.type === type),
    forBucket: (bucket, type) => {
      // A configuration refers to its bucket by reference (id or bucket attribute) or by literal name.
      const names = new Set([`\${${bucket.address}.id}`, `\${${bucket.address}.bucket}`, bucket.attributes.bucket]);
      return all.filter((r) => r.type === type && names.has(r.attributes.bucket));
    },
  };
}
