import {
  AnnotationMetadataEntryType,
  type IStackSynthesizer,
  type ISynthesisSession,
  type TerraformStack,
} from 'cdktf';
import { ConstructOrder, type IConstruct } from 'constructs';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import {
  coreDir,
  type InstalledCore,
  installedCore,
  keepCoreBehaviour,
  type KnownCore,
  privateModule,
} from './installed-core';
import { VARIABLES } from '../runtime/environment-variables';

/** The hook cdktf's `addCustomSynthesis` sets on a construct (the cores keep the getter private). */
const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');
type WithCustomSynthesis = { [CUSTOM_SYNTHESIS]?: { onSynthesize(session: ISynthesisSession): void } };

const ANNOTATION_LEVELS: string[] = [
  AnnotationMetadataEntryType.INFO,
  AnnotationMetadataEntryType.WARN,
  AnnotationMetadataEntryType.ERROR,
];

/** A stack's synthesized files, by path relative to its stack folder. */
export type StackFiles = Map<string, string>;

/** What the collecting synthesizer takes from the core's private code. */
interface CoreSynthesis {
  readonly invokeAspects: (root: IConstruct) => void;
  readonly ValidateTerraformVersion: new (constraint: string, message: string) => { validate(): string[] };
  readonly encounteredAnnotationWithLevelError: (message: string) => Error;
  /** The core's own serializer (sorted keys, two spaces), so files read exactly as the core writes them. */
  readonly stringify: (value: unknown) => string;
  /** cdktn prepares (resolves) a stack itself when the session says nobody did (see its `stacksPrepared`). */
  readonly preparesUnpreparedStacks: boolean;
}

const fromCore = createRequire(join(coreDir(), 'package.json'));

/** cdktf 0.21 serializes with `json-stable-stringify`, cdktn 0.24 with `safe-stable-stringify`. */
const SERIALIZERS: Record<KnownCore, () => (value: unknown) => string> = {
  'cdktf-0.21': () => {
    const stringify = fromCore('json-stable-stringify') as (value: unknown, options: { space: number }) => string;
    return (value) => stringify(value, { space: 2 });
  },
  'cdktn-0.24': () => {
    const stringify = fromCore('safe-stable-stringify') as (value: unknown, replacer: null, space: number) => string;
    return (value) => stringify(value, null, 2);
  },
};

/** The private pieces of a known core, or why they cannot be used. */
function loadCoreSynthesis(core: InstalledCore): CoreSynthesis | string {
  if (core.known === undefined) return 'its synthesizer is not known';
  const synthesizer = privateModule<Partial<CoreSynthesis>>('cdktf/lib/synthesize/synthesizer');
  const errors = privateModule<Partial<CoreSynthesis>>('cdktf/lib/errors');
  const validation = privateModule<Partial<CoreSynthesis>>('cdktf/lib/validations/validate-terraform-version');
  let stringify: CoreSynthesis['stringify'];
  try {
    stringify = SERIALIZERS[core.known]();
  } catch {
    return 'its serializer is not where it should be';
  }
  const pieces = {
    invokeAspects: synthesizer?.invokeAspects,
    ValidateTerraformVersion: validation?.ValidateTerraformVersion,
    encounteredAnnotationWithLevelError: errors?.encounteredAnnotationWithLevelError,
  };
  const missing = Object.entries(pieces).filter(([, piece]) => typeof piece !== 'function');
  if (missing.length > 0) return `it has no ${missing.map(([name]) => name).join(', ')}`;
  return {
    ...(pieces as Omit<CoreSynthesis, 'stringify' | 'preparesUnpreparedStacks'>),
    stringify,
    preparesUnpreparedStacks: core.known === 'cdktn-0.24',
  };
}

const loadedByCore = new WeakMap<InstalledCore, CoreSynthesis | string>();

/**
 * The known cores' stack synthesizer, step for step (Aspects, on cdktn the stack's preparing
 * resolve, validations, custom synthesis, annotations into the manifest, stop on error
 * annotations unless the CLI asks to go on, then the JSON or HCL), except that it hands the files
 * to `collect` instead of writing them. The synth pipeline writes them itself, into the output
 * folder, and only those that changed: creating hundreds of files in a fresh folder on every run
 * costs more than synthesizing them. This app uses no assets, the one feature that writes into the
 * stack folder itself. On any other core the core's own synthesizer writes the files (into the
 * session's folder, a staging folder) and they are read back, with a notice.
 */
export class CollectingSynthesizer implements IStackSynthesizer {
  private readonly continueOnErrorAnnotations = process.env[VARIABLES.continueOnErrorAnnotations] !== undefined;
  private readonly hclOutput = ['true', '1'].includes(process.env[VARIABLES.hclOutput] ?? '');
  /** The synthesizer the core gave the stack, for the fallback. */
  private readonly coreSynthesizer: IStackSynthesizer;

  constructor(
    private readonly stack: TerraformStack,
    private readonly collect: (stack: string, files: StackFiles) => void,
    private readonly core: InstalledCore = installedCore(),
  ) {
    this.coreSynthesizer = stack.synthesizer;
  }

  synthesize(session: ISynthesisSession): void {
    const loaded = loadedByCore.get(this.core) ?? loadCoreSynthesis(this.core);
    loadedByCore.set(this.core, loaded);
    if (typeof loaded === 'string') {
      keepCoreBehaviour('collecting synthesizer', this.core, loaded);
      this.readBackFromCore(session);
      return;
    }
    const core = loaded;
    const stack = this.stack;
    core.invokeAspects(stack);
    if (core.preparesUnpreparedStacks && !(session as { stacksPrepared?: boolean }).stacksPrepared) {
      (stack as { prepareStack(): void }).prepareStack();
    }
    if (stack.hasResourceMove()) {
      stack.node.addValidation(
        new core.ValidateTerraformVersion(
          '>=1.5',
          'Resource move functionality is only supported for Terraform >=1.5. Please upgrade your Terraform version.',
        ),
      );
    }
    if (!session.skipValidation) stack.runAllValidations();
    const stackManifest = session.manifest.forStack(stack);

    for (const node of stack.node.findAll(ConstructOrder.POSTORDER)) {
      (node as IConstruct & WithCustomSynthesis)[CUSTOM_SYNTHESIS]?.onSynthesize(session);
    }

    const annotations = stack.node.findAll().flatMap((node) =>
      node.node.metadata
        .filter((m) => ANNOTATION_LEVELS.includes(m.type))
        .map((m) => ({
          constructPath: node.node.path,
          level: m.type as AnnotationMetadataEntryType,
          message: m.data as string,
          stacktrace: m.trace,
        })),
    );
    // The manifest type marks annotations readonly; the core's synthesizer fills them in here too.
    (stackManifest as { annotations: typeof annotations }).annotations = annotations;
    const errors = annotations.filter((a) => a.level === AnnotationMetadataEntryType.ERROR);
    if (!this.continueOnErrorAnnotations && errors.length > 0) {
      throw core.encounteredAnnotationWithLevelError(errors.map((a) => `[${a.constructPath}] ${a.message}`).join('\n'));
    }

    const inStackFolder = (path: string) => relative(stackManifest.workingDirectory, path);
    if (this.hclOutput) {
      const hcl = stack.toHclTerraform();
      this.collect(
        stackManifest.name,
        new Map([
          [inStackFolder(stackManifest.synthesizedStackPath), hcl.hcl],
          [inStackFolder(stackManifest.stackMetadataPath), core.stringify(hcl.metadata)],
        ]),
      );
      return;
    }
    this.collect(
      stackManifest.name,
      new Map([[inStackFolder(stackManifest.synthesizedStackPath), core.stringify(stack.toTerraform())]]),
    );
  }

  /** The core's own synthesizer writes the stack's files; they are collected from where it wrote them. */
  private readBackFromCore(session: ISynthesisSession): void {
    this.coreSynthesizer.synthesize(session);
    const stackManifest = session.manifest.forStack(this.stack);
    const files: StackFiles = new Map();
    for (const path of [stackManifest.synthesizedStackPath, stackManifest.stackMetadataPath]) {
      const written = join(session.outdir, path);
      if (existsSync(written)) {
        files.set(relative(stackManifest.workingDirectory, path), readFileSync(written, 'utf8'));
      }
    }
    this.collect(stackManifest.name, files);
  }
}
