/**
 * Three Jest projects, fastest first: `unit` (pure TypeScript, seconds), `integration` (the real
 * cdktf CLI, Terraform and checkov) and `e2e` (deploys into the moto emulator). `npm run test:unit`
 * runs only the first; `npm test` runs all three.
 */
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Emulator test files spend most of their time waiting (the AWS provider waits a minute for an S3
  // lifecycle configuration to settle), so four run side by side even on two cores.
  maxWorkers: 4,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
  reporters: ['default', '<rootDir>/test/support/phase-summary-reporter.js'],
};
