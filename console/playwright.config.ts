import { defineConfig } from '@playwright/test'

/**
 * The console's browser tests. They run against a whole platform already started: by
 * end-to-end-tests › ConsoleBrowserIT in `./mvnw -B verify` (which sets the variables below), or
 * against `./run-local` by hand (`npx playwright test`, DEMO_PASSWORD read from .run-local).
 * Debian's chromium is driven through its executable path; no browser is ever downloaded.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'target/playwright/results',
  // one browser at a time: the platform under test shares the machine's two cores
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'target/playwright/report.json' }]],
  use: {
    baseURL: process.env.CONSOLE_URL ?? 'http://localhost:8080',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
})
