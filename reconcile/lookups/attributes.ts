import type { TerraformAttributes } from '../../stacks/import-ids';

/**
 * Typed reads of a resource's synthesized arguments. cdktf writes a nested block as an object or
 * as a list of objects depending on the block; `block` reads either as one.
 */
export const text = (a: TerraformAttributes, key: string): string | undefined =>
  typeof a[key] === 'string' ? (a[key] as string) : undefined;

export const integer = (a: TerraformAttributes, key: string): number | undefined =>
  typeof a[key] === 'number' ? (a[key] as number) : undefined;

export const flag = (a: TerraformAttributes, key: string): boolean | undefined =>
  typeof a[key] === 'boolean' ? (a[key] as boolean) : undefined;

export const texts = (a: TerraformAttributes, key: string): string[] =>
  Array.isArray(a[key]) ? (a[key] as unknown[]).filter((v): v is string => typeof v === 'string') : [];

export const blocks = (a: TerraformAttributes, key: string): TerraformAttributes[] => {
  const value = a[key];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is TerraformAttributes => typeof v === 'object' && v !== null);
};

export const block = (a: TerraformAttributes, key: string): TerraformAttributes => blocks(a, key)[0] ?? {};

/** A string argument of a declared resource, or `''` when it has none. */
export const textOf = (resource: { readonly attributes: TerraformAttributes }, key: string): string =>
  text(resource.attributes, key) ?? '';
