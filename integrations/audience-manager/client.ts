import { AamApiError } from './errors';
import { json, redact, remoteMessage, send, type Answer } from './http';
import type { ImsToken } from './ims-token';
import { type AamSettings } from './settings';
import { VARIABLES } from '../../runtime/environment-variables';

export interface GetOptions {
  /** The organization asked about: its IMS Org ID, from the environment file. */
  readonly imsOrgId: string;
  /** What the request is for, completing "while trying to …". */
  readonly what: string;
  readonly query?: Readonly<Record<string, string | number>>;
  /** A 404 is an answer (the thing does not exist) rather than an error: `get` returns undefined. */
  readonly notFoundIsAnswer?: boolean;
}

/**
 * Reads Audience Manager's REST API. It has only `get`: the check never changes anything there.
 * A 401 (an expired or revoked token) gets one new token and one retry; other refusals become an
 * AamApiError that says what to do.
 */
export class AudienceManagerClient {
  constructor(
    private readonly settings: AamSettings,
    private readonly token: ImsToken,
    private readonly sleep?: (ms: number) => Promise<void>,
  ) {}

  async get(path: string, options: GetOptions): Promise<unknown> {
    const url = new URL(`${this.settings.apiUrl}/v1/${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
    let answer = await this.send(url, options, await this.token.get());
    if (answer.status === 401) answer = await this.send(url, options, await this.token.refresh());
    if (answer.status === 200) return json(answer, this.messageOptions(options));
    if (answer.status === 404 && options.notFoundIsAnswer) return undefined;
    throw new AamApiError(this.explain(answer, url, options));
  }

  private send(url: URL, options: GetOptions, token: string): Promise<Answer> {
    return send(
      url.toString(),
      {
        method: 'GET',
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${token}`,
          'x-api-key': this.settings.clientId,
          'x-gw-ims-org-id': options.imsOrgId,
        },
      },
      { ...this.messageOptions(options), timeoutMs: this.settings.timeoutMs, sleep: this.sleep },
    );
  }

  private messageOptions(options: GetOptions) {
    return { service: 'Audience Manager', what: options.what, secrets: this.token.secrets() };
  }

  private explain(answer: Answer, url: URL, options: GetOptions): string {
    const secrets = this.token.secrets();
    const said = remoteMessage(answer, secrets);
    const says = said === '' ? '' : ` (Audience Manager says: ${said})`;
    const challenge = redact(answer.headers.get('www-authenticate') ?? '', secrets);
    const during = `while trying to ${options.what} for ${options.imsOrgId}`;
    switch (answer.status) {
      case 401:
        return (
          `Audience Manager rejected a freshly issued token ${during}: 401 Unauthorized${challenge === '' ? '' : ` (${challenge})`}${says}. ` +
          'Check that the credential has the Audience Manager API in its Developer Console project and that organization.imsOrgId is the org the credential belongs to'
        );
      case 403:
        return (
          `Audience Manager refused ${during}: 403 Forbidden${says}. The credential's product profile must grant read access to ` +
          'destinations and data sources; with role-based access, add its technical account to a group that may read them'
        );
      case 404:
        return `Audience Manager has no ${url.pathname} (404 Not Found ${during})${says}; check ${VARIABLES.aam.apiUrl} (default https://aam.adobe.io)`;
      default:
        return `Audience Manager could not answer ${during}: HTTP ${answer.status}${says}; try again later`;
    }
  }
}
