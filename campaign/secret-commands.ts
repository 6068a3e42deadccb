/** The commands the documents quote for Adobe's secret, written once. */
export const secretCommand = {
  /** Stores the secret (read from standard input or a hidden prompt). */
  set: (environment: string, account?: string) =>
    `npm run secret -- set ${environment}${account === undefined ? '' : ` --account ${account}`}`,
  /** Prints the stored secret, for pasting it into Campaign. */
  read: (secretName: string, region: string) =>
    `aws secretsmanager get-secret-value --secret-id ${secretName} --region ${region} --query SecretString --output text`,
};
