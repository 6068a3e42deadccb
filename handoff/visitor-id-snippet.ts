import { VISITOR_ID_CALL } from '../campaign/vocabulary';
import type { Environment } from '../config/environment';

/**
 * The Visitor ID (Experience Cloud ID) service call for the web pages, and for a Declared ID
 * integration the `setCustomerIDs` call under the `AdobeCampaignID` integration code.
 */
export function visitorIdSnippet(env: Environment): string | undefined {
  const service = env.campaign.visitorIdService;
  if (service === undefined) return undefined;
  const options: Record<string, string> = {
    trackingServer: service.trackingServer,
    trackingServerSecure: service.trackingServerSecure,
  };
  if (service.marketingCloudServer !== undefined && service.marketingCloudServerSecure !== undefined) {
    options.marketingCloudServer = service.marketingCloudServer;
    options.marketingCloudServerSecure = service.marketingCloudServerSecure;
  }
  const lines = [
    `var visitor = ${VISITOR_ID_CALL}(${JSON.stringify(env.organization.imsOrgId)}, {`,
    ...Object.entries(options).map(
      ([key, value], i, all) => `  ${key}: ${JSON.stringify(value)}${i < all.length - 1 ? ',' : ''}`,
    ),
    '});',
  ];
  if (env.request.identity === 'declared-id') {
    const key = env.campaign.dataSources.find((s) => s.type === 'declared-id');
    lines.push(
      '',
      `// After sign-in: the ID must be the recipient's ${key?.type === 'declared-id' ? key.reconciliationKey : 'reconciliation key'} in Campaign.`,
      'visitor.setCustomerIDs({',
      '  AdobeCampaignID: { id: customerId, authState: Visitor.AuthState.AUTHENTICATED }',
      '});',
    );
  }
  return lines.join('\n');
}
