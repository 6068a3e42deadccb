import type { Environment } from '../config/environment';
import { FIELD_LABELS, IDENTITY_LABELS, REQUEST_TYPE, SERVICE_LABELS } from '../campaign/vocabulary';

/** RFC 2047 encoding for header text that is not plain ASCII. */
function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function mailbox(name: string, address: string): string {
  const display = /^[A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~]*$/.test(name)
    ? name
    : /^[\x20-\x7e]*$/.test(name)
      ? `"${name.replace(/["\\]/g, '\\$&')}"`
      : headerText(name);
  return `${display} <${address}>`;
}

/** The seven fields of Adobe's request table, in Adobe's order and wording. */
export function provisioningRequestFields(env: Environment): [string, string][] {
  const { request } = env;
  const license = request.ownsAudienceManagerLicense
    ? 'we own an Audience Manager license'
    : 'we do not own an Audience Manager license';
  const label = FIELD_LABELS['provisioning-request'];
  return [
    [label.requestType, REQUEST_TYPE],
    [label.organizationName, env.organization.name],
    [label.imsOrgId, env.organization.imsOrgId],
    [label.environment, env.environment.label],
    [label.service, `${SERVICE_LABELS[request.service]} (${license})`],
    [label.identity, IDENTITY_LABELS[request.identity]],
    [
      label.additionalInformation,
      request.additionalInformation.trim() === '' ? '-' : request.additionalInformation.trim(),
    ],
  ];
}

/** Body lines are folded at this width, the usual one for plain-text mail. */
const LINE_WIDTH = 78;
/** RFC 5322 section 2.1.1: no line may be longer than this (excluding CRLF). */
const MAX_LINE = 998;

/**
 * `prefix` followed by `text`, as lines of at most `LINE_WIDTH` characters where the words allow
 * (a longer word, such as a URL, keeps its own line, split only at the RFC 5322 limit);
 * continuation lines are indented by `indent` spaces, under the first word.
 */
export function fold(prefix: string, text: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = prefix;
  let empty = true;
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(line);
      line = pad;
      empty = true;
    }
    if (!empty) line += ' ';
    let rest = word;
    while (line.length + rest.length > MAX_LINE) {
      const room = MAX_LINE - line.length;
      lines.push(line + rest.slice(0, room));
      rest = rest.slice(room);
      line = pad;
    }
    line += rest;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** What the reply should hold: with Adobe's receiver, also each external account's values. */
function closingRequest(env: Environment): string[] {
  if (env.receiver.mode === 'stack-owned')
    return ['Please reply with the AAM Destination IDs for our shared data sources.'];
  const { import: imp, export: exp } = env.campaign.externalAccounts;
  const label = FIELD_LABELS['external-account'];
  return fold(
    '',
    `Please reply with the AAM Destination IDs for our shared data sources and, for each of the external accounts ${imp.name} and ${exp.name}, the ${label.receiverServer}, ${label.region} and ${label.accessKeyId}. Please send the ${label.secretAccessKey} through a secure channel, never in an email.`,
    0,
  );
}

/**
 * The provisioning request as a ready-to-send message (`.eml`, RFC 5322, CRLF line endings, body
 * lines folded at 78 characters and never over 998).
 * `X-Unsent: 1` makes mail clients open it as a draft to review and send.
 */
export function provisioningEmail(env: Environment): string {
  const fields = provisioningRequestFields(env);
  const width = Math.max(...fields.map(([label]) => label.length)) + 2;
  const body = fields.flatMap(([label, value]) =>
    value
      .split(/\r?\n/)
      .flatMap((paragraph, i) => fold(i === 0 ? `${label}:`.padEnd(width) : ' '.repeat(width), paragraph, width)),
  );
  const lines = [
    `From: ${mailbox(env.request.requester.name, env.request.requester.email)}`,
    `To: ${env.request.recipient}`,
    `Subject: ${headerText(`${REQUEST_TYPE} - ${env.organization.name} (${env.environment.label})`)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    'X-Unsent: 1',
    '',
    'Hello Adobe team,',
    '',
    'Please provision the Audience Manager / People core service integration with',
    'Adobe Campaign for the following organization and environment:',
    '',
    ...body,
    '',
    ...closingRequest(env),
    '',
    'Kind regards,',
    env.request.requester.name,
    '',
  ];
  return lines.join('\r\n');
}
