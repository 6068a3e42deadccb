import { Hidden, type Action, type AttributeChange, type ResourceChange, type SubjectKind, type Value } from '../model';
import { diffValues, masked } from '../values';
import { DERIVED_ATTRIBUTES, REPLACED_WHEN_CHANGED } from './replacement';

type Config = Record<string, unknown>;

interface Subject {
  readonly kind: SubjectKind;
  readonly address: string;
  readonly type: string;
  readonly body: Value;
}

/** Meta-arguments and cdktf's metadata: they shape how Terraform plans, they are not the resource's attributes. */
const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'provisioner', 'connection']);

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const attributesOf = (block: unknown) =>
  masked(Object.fromEntries(Object.entries(record(block)).filter(([key]) => !META.has(key))));

/** Every resource, data source, output and stack setting of a synthesized stack, by address. */
function subjectsOf(config: Config): Map<string, Subject> {
  const subjects = new Map<string, Subject>();
  const add = (kind: SubjectKind, address: string, type: string, body: Value) =>
    subjects.set(address, { kind, address, type, body });
  for (const [type, blocks] of Object.entries(record(config.resource))) {
    for (const [name, block] of Object.entries(record(blocks)))
      add('resource', `${type}.${name}`, type, attributesOf(block));
  }
  for (const [type, blocks] of Object.entries(record(config.data))) {
    for (const [name, block] of Object.entries(record(blocks)))
      add('data', `data.${type}.${name}`, type, attributesOf(block));
  }
  for (const [name, block] of Object.entries(record(config.output))) {
    const output = record(block);
    const body = masked({ value: output.value, description: output.description ?? null });
    // A sensitive output's value is masked like any secret.
    if (output.sensitive === true) (body as Record<string, Value>).value = masked(output.value, { sensitive: true });
    add('output', `output.${name}`, 'output', body);
  }
  const terraform = record(config.terraform);
  if (terraform.backend !== undefined) add('setting', 'terraform.backend', 'backend', masked(terraform.backend));
  if (terraform.required_providers !== undefined) {
    add('setting', 'terraform.required_providers', 'required_providers', masked(terraform.required_providers));
  }
  for (const [provider, blocks] of Object.entries(record(config.provider))) {
    for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
      const alias = record(block).alias;
      add('setting', `provider.${provider}${typeof alias === 'string' ? `.${alias}` : ''}`, 'provider', masked(block));
    }
  }
  return subjects;
}

/** `moved`, `import` and `removed` blocks of the head configuration. */
function blocks(config: Config) {
  const list = (key: string) => (Array.isArray(config[key]) ? (config[key] as unknown[]).map(record) : []);
  return {
    moved: list('moved').map((m) => ({ from: String(m.from), to: String(m.to) })),
    imported: new Set(list('import').map((i) => String(i.to))),
    forgotten: new Set(
      list('removed')
        .filter((r) => record(r.lifecycle).destroy === false)
        .map((r) => String(r.from)),
    ),
  };
}

/** Terraform references inside a value: `${aws_iam_user.x.name}` → `aws_iam_user.x` and `name`. */
function references(value: Value | undefined): { target: string; attribute: string }[] {
  const found: { target: string; attribute: string }[] = [];
  for (const [, expression] of JSON.stringify(value ?? null).matchAll(/\$\{([^}]*)\}/g)) {
    for (const m of expression.matchAll(/((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)\.([a-z_][a-z0-9_]*)/g)) {
      found.push({ target: m[1], attribute: m[2] });
    }
  }
  return found;
}

const topLevel = (path: string) => path.split(/[.[]/)[0];

interface State {
  readonly subject: Subject;
  readonly before: Value | undefined;
  readonly after: Value | undefined;
  action: Action;
  readonly importing: boolean;
  attributes: AttributeChange[];
}

/** Update or replace, from the attributes that change. */
function settle(state: State): void {
  if (state.before === undefined || state.after === undefined) return;
  const forcing = new Set(REPLACED_WHEN_CHANGED[state.subject.type] ?? []);
  state.attributes = state.attributes.map((a) => ({ ...a, forcesReplacement: forcing.has(topLevel(a.path)) }));
  state.action =
    state.attributes.length === 0
      ? 'no-op'
      : state.subject.kind === 'resource' && state.attributes.some((a) => a.forcesReplacement)
        ? 'replace'
        : 'update';
}

/**
 * Whether a reference's value changes with this plan: its target is new or replaced (every
 * attribute is new), or updated in that attribute (or in one it is computed from).
 */
function referenceChanges(states: ReadonlyMap<string, State>, ref: { target: string; attribute: string }): boolean {
  const target = states.get(ref.target);
  if (target === undefined) return false;
  if (target.action === 'create' || target.action === 'replace') return true;
  if (target.action !== 'update') return false;
  const changed = new Set(target.attributes.map((a) => topLevel(a.path)));
  return changed.has(ref.attribute) || (DERIVED_ATTRIBUTES[ref.attribute] ?? []).some((a) => changed.has(a));
}

/**
 * Compares the Terraform configuration of one stack at two revisions, resource by resource and
 * attribute by attribute, and predicts Terraform's action for each: created, destroyed, updated in
 * place, or replaced (when a replace-forcing argument changes, directly or through a reference to
 * a resource that is itself replaced or renamed). `undefined` is a stack that does not exist.
 */
export function compareConfigurations(base: Config | undefined, head: Config | undefined): ResourceChange[] {
  const before = subjectsOf(base ?? {});
  const after = subjectsOf(head ?? {});
  const { moved, imported, forgotten } = blocks(head ?? {});
  for (const { from, to } of moved) {
    const subject = before.get(from);
    if (subject !== undefined && !before.has(to)) {
      before.delete(from);
      before.set(to, { ...subject, address: to });
    }
  }

  const states = new Map<string, State>();
  for (const address of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(address);
    const a = after.get(address);
    const subject = (a ?? b) as Subject;
    const action: Action =
      b === undefined
        ? imported.has(address)
          ? 'import'
          : 'create'
        : a === undefined
          ? forgotten.has(address)
            ? 'forget'
            : 'delete'
          : 'no-op';
    const attributes = a === undefined ? [] : diffValues(b?.body, a.body);
    const state: State = {
      subject,
      before: b?.body,
      after: a?.body,
      action,
      importing: action === 'import',
      attributes,
    };
    settle(state);
    states.set(address, state);
  }

  // Follow references until nothing more changes: a replaced bucket changes every `bucket = ${...id}`.
  const referring = new Map<string, { path: string; refs: ReturnType<typeof references> }[]>();
  for (const [address, s] of states) {
    if (s.before === undefined || s.after === undefined) continue;
    const found = diffValues(undefined, s.after)
      .map((leaf) => ({ path: leaf.path, refs: references(leaf.after) }))
      .filter((leaf) => leaf.refs.length > 0);
    if (found.length > 0) referring.set(address, found);
  }
  const changing = () => [...states.values()].some((s) => s.action !== 'no-op');
  for (let changed = changing(); changed; ) {
    changed = false;
    for (const [address, leaves] of referring) {
      const state = states.get(address) as State;
      const known = new Set(state.attributes.map((a) => a.path));
      const affected = leaves.filter((l) => !known.has(l.path) && l.refs.some((ref) => referenceChanges(states, ref)));
      if (affected.length === 0) continue;
      const before = new Map(diffValues(undefined, state.before).map((l) => [l.path, l.after]));
      for (const leaf of affected) {
        state.attributes.push({
          path: leaf.path,
          before: before.get(leaf.path),
          after: Hidden.unknown,
          forcesReplacement: false,
        });
      }
      settle(state);
      changed = true;
    }
  }

  const order: SubjectKind[] = ['setting', 'resource', 'data', 'output'];
  return [...states.values()]
    .map(
      (s): ResourceChange => ({
        kind: s.subject.kind,
        address: s.subject.address,
        type: s.subject.type,
        action: s.action,
        importing: s.importing,
        before: s.before,
        after: s.after,
        attributes: s.attributes.sort((x, y) => x.path.localeCompare(y.path)),
      }),
    )
    .sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind) || x.address.localeCompare(y.address));
}
