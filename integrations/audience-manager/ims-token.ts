import { imsTokenResponse } from './api-shapes';
import { AamApiError } from './errors';
import { json, remoteMessage, send } from './http';
import { type AamSettings } from './settings';
import { VARIABLES } from '../../runtime/environment-variables';

/** A token is renewed this long before IMS says it expires, so no request carries one about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * The Adobe IMS access token of an OAuth Server-to-Server credential (`client_credentials` grant),
 * held in memory only and reused until shortly before it expires, as Adobe asks: IMS throttles
 * integrations that ask for too many tokens.
 */
export class ImsToken {
  private cached?: { readonly value: string; readonly expiresAt: number };
  private readonly issued: string[] = [];

  constructor(
    private readonly settings: AamSettings,
    private readonly now: () => number = Date.now,
    private readonly sleep?: (ms: number) => Promise<void>,
  ) {}

  /** Values no message may show: the secret and every token issued so far. */
  secrets(): string[] {
    return [this.settings.clientSecret, ...this.issued];
  }

  /** The cached token, or a new one. */
  async get(): Promise<string> {
    if (this.cached !== undefined && this.now() < this.cached.expiresAt - EXPIRY_MARGIN_MS) return this.cached.value;
    return this.issue();
  }

  /** A new token, whatever the cache holds: Audience Manager said the cached one is no longer valid. */
  async refresh(): Promise<string> {
    this.cached = undefined;
    return this.issue();
  }

  private async issue(): Promise<string> {
    const what = 'get an access token for the Audience Manager API';
    const options = { service: 'Adobe IMS', what, timeoutMs: this.settings.timeoutMs, secrets: this.secrets() };
    const answer = await send(
      `${this.settings.imsUrl}/ims/token/v3`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        // In the body, not the query: query strings end up in server logs.
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.settings.clientId,
          client_secret: this.settings.clientSecret,
          scope: this.settings.scopes,
        }).toString(),
      },
      { ...options, sleep: this.sleep },
    );
    if (answer.status !== 200) {
      const said = remoteMessage(answer, options.secrets);
      const hint = /scope/i.test(said)
        ? `check ${VARIABLES.aam.scopes} against the scopes the Developer Console lists for the credential`
        : `check ${VARIABLES.aam.clientId} and ${VARIABLES.aam.clientSecret} against the credential in the Developer Console (a rotated secret is the usual cause)`;
      throw new AamApiError(
        `Adobe IMS refused to issue a token: HTTP ${answer.status}${said === '' ? '' : ` (${said})`}; ${hint}`,
      );
    }
    const parsed = imsTokenResponse.safeParse(json(answer, options));
    if (!parsed.success) {
      throw new AamApiError(
        'Adobe IMS answered without a bearer `access_token` and `expires_in`; check AAM_IMS_URL points at Adobe IMS',
      );
    }
    this.issued.push(parsed.data.access_token);
    this.cached = { value: parsed.data.access_token, expiresAt: this.now() + parsed.data.expires_in * 1000 };
    return this.cached.value;
  }
}
