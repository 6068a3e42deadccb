import { provisioningEmail } from '../../../handoff/provisioning-email';
import { environment, fileWith } from '../../support/environment';

function parseEml(eml: string): { headers: Record<string, string>; body: string } {
  const [head, ...rest] = eml.split('\r\n\r\n');
  const headers = Object.fromEntries(
    head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
  return { headers, body: rest.join('\r\n\r\n') };
}

describe('provisioning request email', () => {
  it('is a draft addressed to Adobe from the requester, with CRLF line endings', async () => {
    const eml = provisioningEmail(await environment());
    const { headers } = parseEml(eml);
    expect(headers).toEqual({
      From: 'Peter Gibbons <peter@initech.example>',
      To: 'Digital-Request@adobe.com',
      Subject: 'Configure AAM/People core service-Campaign Integration - Initech (Test)',
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      'X-Unsent': '1',
    });
    expect(eml.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it("carries exactly the seven fields of Adobe's table, filled from the environment", async () => {
    const { body } = parseEml(
      provisioningEmail(await environment(fileWith((f) => (f.request.additionalInformation = 'Go-live in May.')))),
    );
    // Values longer than the line are folded onto indented continuation lines: unfold them first.
    const fields = body
      .replace(/\r\n +(?=\S)/g, ' ')
      .split('\r\n')
      .filter((line) => /^[A-Z][A-Za-z ]+:\s/.test(line))
      .map((line) => line.split(/:\s+/));
    expect(fields).toEqual([
      ['Request Type', 'Configure AAM/People core service-Campaign Integration'],
      ['Organization Name', 'Initech'],
      ['IMS Org ID', 'ABCDEF0123456789ABCDEF01@AdobeOrg'],
      ['Environment', 'Test'],
      ['AAM or People Service', 'Adobe Audience Manager (we do not own an Audience Manager license)'],
      ['Declared ID or Visitor ID', 'Visitor ID'],
      ['Additional Information', 'Go-live in May.'],
    ]);
  });

  it('indents multi-line additional information under its field', async () => {
    const { body } = parseEml(
      provisioningEmail(await environment(fileWith((f) => (f.request.additionalInformation = 'Line one\nLine two')))),
    );
    expect(body).toContain('Additional Information:    Line one\r\n                           Line two');
  });

  it('encodes non-ASCII header text as RFC 2047', async () => {
    const { headers } = parseEml(
      provisioningEmail(
        await environment(
          fileWith((f) => {
            f.organization.name = 'Société Générale';
            f.request.requester.name = 'Zoë Ops';
          }),
        ),
      ),
    );
    expect(headers.Subject).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(Buffer.from(headers.Subject.slice(10, -2), 'base64').toString('utf8')).toContain('Société Générale');
    expect(headers.From).toMatch(/^=\?UTF-8\?B\?.+\?= <peter@initech\.example>$/);
  });
});

describe('long additional information in the request email', () => {
  const long = async (text: string) =>
    provisioningEmail(await environment(fileWith((f) => (f.request.additionalInformation = text))));
  const bodyLines = (eml: string) => eml.split('\r\n\r\n').slice(1).join('\r\n\r\n').split('\r\n');

  it('folds body lines at 78 characters, indented under the field, keeping every word and CRLF', async () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
    const eml = await long(words.join(' '));
    const lines = bodyLines(eml);
    expect(lines.every((line) => line.length <= 78)).toBe(true);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const start = lines.findIndex((line) => line.startsWith('Additional Information:'));
    const indent = lines[start].indexOf('word0');
    const folded = lines.slice(start, start + 1 + lines.slice(start + 1).findIndex((l) => l === ''));
    expect(folded.slice(1).every((line) => line.startsWith(' '.repeat(indent)) && line[indent] !== ' ')).toBe(true);
    expect(folded.map((line) => line.slice(indent)).join(' ')).toBe(words.join(' '));
  });

  it('never exceeds 998 characters, even for one 1,500-character word', async () => {
    const url = `https://example.com/${'x'.repeat(1480)}`;
    const lines = bodyLines(await long(`See ${url} please`));
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(998);
    const start = lines.findIndex((line) => line.startsWith('Additional Information:'));
    const indent = lines[start].indexOf('See');
    expect(
      lines
        .slice(start, start + 4)
        .map((line) => line.slice(indent))
        .join('|'),
    ).toBe(`See|${url.slice(0, 998 - indent)}|${url.slice(998 - indent)}|please`);
  });
});
