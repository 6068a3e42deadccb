import { campaignSetupSheet } from '../../../handoff/campaign-setup-sheet';
import { provisioningEmail } from '../../../handoff/provisioning-email';
import { adobeProvisionedFile, environment } from '../../support/environment';

const ctx = { stackDir: 'cdktf.out/stacks/test', emailFile: 'provisioning-request.eml' };

describe('documents of an environment whose receiver Adobe provisioned', () => {
  let sheet: string;
  let email: string;
  beforeAll(async () => {
    const env = await environment(adobeProvisionedFile());
    sheet = campaignSetupSheet(env, ctx);
    email = provisioningEmail(env);
  });

  it("asks Adobe for each account's values, and for the secret through a secure channel only", () => {
    const body = email.split('\r\n\r\n').slice(1).join('\n').replace(/\r?\n/g, ' ');
    expect(body).toContain(
      'Please reply with the AAM Destination IDs for our shared data sources and, for each of the external accounts importSharedAudience and exportSharedAudience, the Receiver server, AWS Region and AWS Access Key ID. Please send the Secret Access Key through a secure channel, never in an email.',
    );
  });

  it("step 1 says the values came from Adobe's reply and where the secret is kept, never the secret", () => {
    const step1 = sheet.slice(sheet.indexOf('## Step 1'), sheet.indexOf('## Step 2'));
    expect(step1).toContain("the values below come from Adobe's reply to the provisioning request");
    expect(step1).toContain('`npm run secret -- set test`');
    expect(step1).toContain('| Receiver server | `adobe-aam-initech.s3.amazonaws.com/campaign/import` |');
    expect(step1).toContain('| AWS Access Key ID | `AKIAADOBEEXAMPLE0001` |');
    expect(step1).toContain(
      '| Secret Access Key | the secret Adobe sent for `AKIAADOBEEXAMPLE0001`, kept in AWS Secrets Manager as `campaign-aam-test/import-secret-access-key` (us-east-1); read it only to paste it into Campaign: `aws secretsmanager get-secret-value --secret-id campaign-aam-test/import-secret-access-key --region us-east-1 --query SecretString --output text` |',
    );
    expect(step1).not.toContain('terraform -chdir');
    expect(step1).not.toContain('key slot');
  });

  it("has Adobe's rotation instead of key slots, and says which Campaign fields a mode switch changes", () => {
    const headings = sheet.split('\n').filter((l) => l.startsWith('## '));
    expect(headings.slice(-2)).toEqual(['## When Adobe sends a new key', '## Switching who provisions the receiver']);
    expect(sheet).toContain(
      'Switching changes **Receiver server**, **AWS Access Key ID**, **Secret Access Key**, **AWS Region** in both external accounts (`importSharedAudience` and `exportSharedAudience`)',
    );
    expect(sheet).toContain('S3 location provisioned by Adobe');
  });
});
