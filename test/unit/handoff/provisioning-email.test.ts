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
    const fields = body
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
