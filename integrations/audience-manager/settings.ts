import { VARIABLES } from '../../runtime/environment-variables';
import { AamSetupError } from './errors';

export const DEFAULT_API_URL = 'https://aam.adobe.io';
export const DEFAULT_IMS_URL = 'https://ims-na1.adobelogin.com';
export const DEFAULT_TIMEOUT_SECONDS = 30;

export interface AamSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Comma-separated, as the Developer Console lists them for the credential. */
  readonly scopes: string;
  /** Without a trailing slash, e.g. `https://aam.adobe.io`. */
  readonly apiUrl: string;
  readonly imsUrl: string;
  /** How long one request may take before the check gives up on it. */
  readonly timeoutMs: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A base URL the credentials may be sent to: https, or plain http only to this machine (a local
 * fake). No user, password, query or fragment, which would be sent or logged along.
 */
export function baseUrl(variable: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AamSetupError(`${variable} is not a URL: ${JSON.stringify(value)}`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AamSetupError(
      `${variable} must be an https:// URL (plain http only for 127.0.0.1 or localhost), so the credentials and token never cross the network in clear text; got ${url.protocol}//${url.host}`,
    );
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new AamSetupError(`${variable} must be a bare base URL, without credentials, query or fragment`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** The settings from the environment, or an AamSetupError naming every variable that is missing or wrong. */
export function aamSettings(env: NodeJS.ProcessEnv = process.env): AamSettings {
  const value = (name: string) => (env[name] ?? '').trim();
  const missing = [VARIABLES.aam.clientId, VARIABLES.aam.clientSecret, VARIABLES.aam.scopes].filter(
    (name) => value(name) === '',
  );
  if (missing.length > 0) {
    throw new AamSetupError(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: the check signs in to Audience Manager with an Adobe Developer Console OAuth Server-to-Server credential (see docs/audience-manager-check.md)`,
    );
  }
  const timeout = value(VARIABLES.aam.timeoutSeconds);
  const seconds = timeout === '' ? DEFAULT_TIMEOUT_SECONDS : Number(timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new AamSetupError(`${VARIABLES.aam.timeoutSeconds} must be a number of seconds above 0 and at most 600`);
  }
  return {
    clientId: value(VARIABLES.aam.clientId),
    clientSecret: value(VARIABLES.aam.clientSecret),
    scopes: value(VARIABLES.aam.scopes),
    apiUrl: baseUrl(VARIABLES.aam.apiUrl, value(VARIABLES.aam.apiUrl) || DEFAULT_API_URL),
    imsUrl: baseUrl(VARIABLES.aam.imsUrl, value(VARIABLES.aam.imsUrl) || DEFAULT_IMS_URL),
    timeoutMs: Math.round(seconds * 1000),
  };
}
