import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '../../config/environment';
import { emulatorCopy } from '../../emulator/emulator-copy';
import { startMoto, type Moto, type StartMotoOptions } from '../../emulator/moto';
import { environment, validFile } from '../support/environment';
import { environmentsDir, tempDir } from '../support/temp';
import { clients, createHostedZone } from './aws-clients';

export interface EmulatorFixtureOptions {
  /** The hosted zone made in the emulator, which every file of the test uses. */
  readonly zoneName: string;
  readonly moto?: StartMotoOptions;
}

/** What a test sets in its own files, on top of the emulator copy. */
export interface EmulatorFileSettings {
  /** @default `initech-campaign-aam-<name>` */
  readonly bucketName?: string;
  /** The tracking host name, below the zone. @default `t.<zone>` */
  readonly trackingHost?: string;
  /** @default the copy's: local state at `<work>/<name>.tfstate` */
  readonly backend?: Record<string, unknown>;
}

export interface EmulatorFixture {
  readonly moto: Moto;
  /** SDK clients on the emulator, as its administrator. */
  readonly aws: ReturnType<typeof clients>;
  /** The test's project folder: its commands read `environments/` and write `cdktf.out/` there. */
  readonly work: string;
  readonly hostedZoneId: string;
  /** `CAMPAIGN_AAM_ENVIRONMENTS` and `CDKTF_OUTDIR` for an `npm run` command on `work`. */
  readonly projectEnv: Record<string, string>;
  /** Where `cdktf.out` puts environment `name`'s stack. */
  stackDir(name: string): string;
  /**
   * The contents of environment file `name`: a valid file as the product's emulator copy makes it
   * (endpoint, account, hosted zone, local state), then the test's settings, then `change`. The
   * copy drops a PGP key; `change` may set one again.
   */
  file(
    name: string,
    settings?: EmulatorFileSettings,
    change?: (file: Record<string, any>) => void,
  ): Record<string, any>;
  /** Writes `environments/<name>.json` and returns its path. */
  write(name: string, file: Record<string, unknown>): string;
}

interface Started {
  readonly moto: Moto;
  readonly aws: ReturnType<typeof clients>;
  readonly work: string;
  readonly hostedZoneId: string;
  readonly base: { readonly file: Record<string, unknown>; readonly env: Environment };
}

/**
 * One emulator environment for the `describe` block it is called in: before its tests, moto, a
 * hosted zone there and a temporary project folder with an empty `environments/`; after them,
 * moto stopped (the folder goes with every test file's temporary folders).
 */
export function emulatorFixture(options: EmulatorFixtureOptions): EmulatorFixture {
  let moto: Moto | undefined;
  let started: Started | undefined;
  const ready = (): Started => {
    if (started === undefined)
      throw new Error('the emulator fixture is not started: its beforeAll failed or has not run');
    return started;
  };

  beforeAll(async () => {
    moto = await startMoto(options.moto);
    const aws = clients(moto.endpoint);
    const work = tempDir();
    environmentsDir({}, work);
    const file = validFile();
    started = {
      moto,
      aws,
      work,
      hostedZoneId: await createHostedZone(aws.route53, options.zoneName),
      base: { file, env: await environment(file) },
    };
  });

  afterAll(async () => {
    await moto?.stop();
  });

  return {
    get moto() {
      return ready().moto;
    },
    get aws() {
      return ready().aws;
    },
    get work() {
      return ready().work;
    },
    get hostedZoneId() {
      return ready().hostedZoneId;
    },
    get projectEnv() {
      const { work } = ready();
      return { CAMPAIGN_AAM_ENVIRONMENTS: join(work, 'environments'), CDKTF_OUTDIR: join(work, 'cdktf.out') };
    },
    stackDir: (name) => join(ready().work, 'cdktf.out', 'stacks', name),
    file(name, settings = {}, change = () => undefined) {
      const { moto, work, hostedZoneId, base } = ready();
      const copy = emulatorCopy(base.file, base.env, {
        endpoint: moto.endpoint,
        accountId: moto.accountId,
        hostedZoneId,
        statePath: join(work, `${name}.tfstate`),
      });
      // The base file is one the copy takes as it is; a note would mean the tests run on something else.
      if (copy.notes.length > 0) throw new Error(`the emulator copy adjusted the base file: ${copy.notes.join('; ')}`);
      const file = copy.file as Record<string, any>;
      file.receiver = { bucketName: settings.bucketName ?? `initech-campaign-aam-${name}`, prefix: 'campaign-aam/' };
      file.dns.zoneName = options.zoneName;
      file.dns.trackingServer = {
        method: 'cname',
        records: [{ hostname: settings.trackingHost ?? `t.${options.zoneName}`, target: 'initech.campaign.adobe.com' }],
      };
      if (settings.backend !== undefined) file.backend = settings.backend;
      change(file);
      return file;
    },
    write(name, file) {
      const path = join(ready().work, 'environments', `${name}.json`);
      writeFileSync(path, JSON.stringify(file, null, 2));
      return path;
    },
  };
}
