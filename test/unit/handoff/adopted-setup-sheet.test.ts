import { campaignSetupSheet } from '../../../handoff/campaign-setup-sheet';
import { environment, fileWith } from '../../support/environment';

const ctx = { stackDir: 'cdktf.out/stacks/test', emailFile: 'provisioning-request.eml' };
const sheetWith = async (adopt: unknown) =>
  campaignSetupSheet(await environment(fileWith((f) => (f.adopt = adopt))), ctx);

describe('Campaign setup sheet of an adopted set-up', () => {
  it('explains how to retire the hand-made key of an adopted user, under its own name', async () => {
    const sheet = await sheetWith({ iamUser: 'legacy-campaign' });
    const section = sheet.slice(sheet.indexOf('## Retiring the hand-made access key'));
    expect(section).toContain(
      "This environment took over the existing IAM user `legacy-campaign` (`adopt.iamUser`). Terraform cannot import an access key's secret, so the stack issued its own key in slot `blue`",
    );
    expect(section).toContain('`npm run verify -- test`');
    expect(section).toContain('`npm run adopt -- test` lists the user');
    expect(section).toContain(
      '`aws iam update-access-key --user-name legacy-campaign --access-key-id <hand-made key ID> --status Inactive`',
    );
    expect(section).toContain(
      '`aws iam delete-access-key --user-name legacy-campaign --access-key-id <hand-made key ID>`',
    );
  });

  it("names the stack's own user name when the adopted user has it", async () => {
    expect(await sheetWith({ iamUser: true })).toContain('the existing IAM user `campaign-aam-test`');
  });

  it('has no such section when no user is adopted', async () => {
    expect(await sheetWith({ receiverBucket: true, trackingRecords: true })).not.toContain('hand-made');
  });
});
