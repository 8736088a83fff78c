import { test as base, expect, type Page } from '@playwright/test'
import { demoPassword, keycloakUrl } from './platform'

/**
 * Every test watches the page for what must never happen: a script error, or anything the
 * Content-Security-Policy refused (an inline script, eval, a request to an origin it does not allow).
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
          problems.push(`CSP: ${message.text()}`)
        }
      })
      await use(problems)
      expect(problems, 'script errors or CSP violations on the page').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Keycloak's own login page, in Chinese by default. */
export async function expectKeycloakLoginPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(
    new RegExp(`^${keycloakUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/realms/zhaoshang/`),
  )
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible()
}

/** Signs in through Keycloak's real login page, as a person does, and waits for the cockpit. */
export async function signIn(page: Page, user: string, path = '/'): Promise<void> {
  await page.goto(path)
  await expectKeycloakLoginPage(page)
  await page.getByRole('textbox', { name: /用户名/ }).fill(user)
  await page.getByLabel('密码', { exact: true }).fill(demoPassword())
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

/**
 * A new user's first sign-in through Keycloak's real pages: the temporary password, then the new
 * password Keycloak asks for (twice); waits for the console's first screen.
 */
export async function signInFirstTime(
  page: Page,
  user: string,
  temporaryPassword: string,
  newPassword: string,
  path = '/',
): Promise<void> {
  await page.goto(path)
  await expectKeycloakLoginPage(page)
  await page.getByRole('textbox', { name: /用户名/ }).fill(user)
  await page.getByLabel('密码', { exact: true }).fill(temporaryPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('heading', { name: '更新密码' })).toBeVisible()
  await page.getByLabel('新密码', { exact: true }).fill(newPassword)
  await page.getByLabel('确认密码', { exact: true }).fill(newPassword)
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

/**
 * Screenshots under target/screenshots, for a reviewer to look at: the first screen as a person
 * sees it, and the whole page (scrolled through first, as charts are drawn when they come into view).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `target/screenshots/${name}.png` })
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await page.waitForLoadState('networkidle')
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `target/screenshots/${name}-full-page.png`, fullPage: true })
}
