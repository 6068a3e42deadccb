import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ConnectionTarget, verifyConnection } from '../../../../deploy/verify/connection-check';
import { connectionTarget } from '../../../../deploy/verify/issued-key';
import { adobeProvisionedFile, environment } from '../../../support/environment';

const DENIED =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';

/** A local S3 stand-in that keeps objects, and denies listing and deleting, as a narrow key of Adobe's may be. */
function narrowS3(): Promise<{ server: Server; endpoint: string; deletes: () => number }> {
  const objects = new Map<string, string>();
  let deletes = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT') {
        objects.set(url.pathname, Buffer.concat(chunks).toString());
        res.writeHead(200, { ETag: '"x"' }).end();
      } else if (req.method === 'GET' && url.searchParams.has('list-type')) {
        res.writeHead(403, { 'Content-Type': 'application/xml' }).end(DENIED);
      } else if (req.method === 'GET' && objects.has(url.pathname)) {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end(objects.get(url.pathname));
      } else if (req.method === 'DELETE') {
        deletes++;
        res.writeHead(403, { 'Content-Type': 'application/xml' }).end(DENIED);
      } else {
        res.writeHead(404).end();
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        deletes: () => deletes,
      }),
    ),
  );
}

describe("the connection check with Adobe's key", () => {
  it("checks the import account's location, in its region, with its key", async () => {
    const env = await environment(
      adobeProvisionedFile((f) => {
        f.receiver.import.region = 'eu-west-1';
        f.receiver.export.region = 'eu-west-1';
      }),
    );
    expect(connectionTarget(env, { accessKeyId: 'AKIAADOBEEXAMPLE0001', secretAccessKey: 'x' })).toEqual({
      bucket: 'adobe-aam-initech',
      folder: 'campaign/import/',
      region: 'eu-west-1',
      endpoint: undefined,
      keyOwner: 'adobe',
      accessKeyId: 'AKIAADOBEEXAMPLE0001',
      secretAccessKey: 'x',
    });
  });

  describe('against a key that may not list or delete', () => {
    let s3: Awaited<ReturnType<typeof narrowS3>>;
    beforeAll(async () => (s3 = await narrowS3()));
    afterAll(() => s3.server.close());
    const target = (keyOwner: ConnectionTarget['keyOwner']): ConnectionTarget => ({
      bucket: 'adobe-aam-initech',
      folder: 'campaign/import/',
      region: 'us-east-1',
      accessKeyId: 'AKIAADOBEEXAMPLE0001',
      secretAccessKey: 'not-a-real-secret',
      endpoint: s3.endpoint,
      keyOwner,
    });

    it("reports Adobe's restrictions as such, and goes on to read", async () => {
      const results = await verifyConnection(target('adobe'));
      expect(results.map((r) => [r.step, r.ok, r.restricted ?? false])).toEqual([
        ['write', true, false],
        ['list', false, true],
        ['read', true, false],
        ['delete', false, true],
      ]);
      expect(results[1].detail).toBe(
        "Adobe's key may not list s3://adobe-aam-initech/campaign/import/: Campaign finds Adobe's files by listing the import folder, so ask Adobe whether this key is the one for the import account",
      );
      expect(results[3].detail).toMatch(
        /^Adobe's key may not delete s3:\/\/adobe-aam-initech\/campaign\/import\/campaign-aam-connection-check-[0-9a-f-]+\.txt: the probe stays there/,
      );
      // The probe's delete was tried once: a restricted delete is not retried as a clean-up.
      expect(s3.deletes()).toBe(1);
    });

    it("stops at a denied list for the stack's own key, which must be allowed everything", async () => {
      const results = await verifyConnection(target('stack'));
      expect(results.map((r) => [r.step, r.ok])).toEqual([
        ['write', true],
        ['list', false],
      ]);
      expect(results[1].detail).toMatch(/^AccessDenied: the key is not allowed to do this/);
    });
  });
});
