import { campaignSettings } from '../campaign/settings';
import { VISITOR_ID_CALL } from '../campaign/vocabulary';
import type { Environment } from '../config/environment';

/**
 * The Visitor ID (Experience Cloud ID) service call for the web pages, and for a Declared ID
 * integration the `setCustomerIDs` call under each declared-ID data source's integration code.
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
  const declared = campaignSettings(env).dataSources.filter((s) => s.integrationCode !== undefined);
  if (env.request.identity === 'declared-id' && declared.length > 0) {
    lines.push(
      '',
      `// After sign-in: each ID must be the recipient's ${declared.map((s) => s.reconciliation).join(' / ')} in Campaign.`,
      'visitor.setCustomerIDs({',
      ...declared.map(
        (s, i) =>
          `  ${/^[A-Za-z_]/.test(s.integrationCode!) ? s.integrationCode : JSON.stringify(s.integrationCode)}: { id: customerId, authState: Visitor.AuthState.AUTHENTICATED }${i < declared.length - 1 ? ',' : ''}`,
      ),
      '});',
    );
  }
  return lines.join('\n');
}
