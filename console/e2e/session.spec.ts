import { expect, expectKeycloakLoginPage, signIn, screenshot, test } from './support/fixtures'

test('tokens live in memory only, and logging out ends the session so that Back shows no data', async ({
  page,
}) => {
  await page.goto('/')
  await expectKeycloakLoginPage(page)
  await screenshot(page, 'keycloak-login')
  await signIn(page, 'gg-officer')
  await expect(page.getByRole('article', { name: '合同投资额', exact: true })).toBeVisible()

  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
  expect(stored, 'no token in localStorage or sessionStorage').not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/)
  const cookies = await page.context().cookies(page.url())
  expect(cookies.map((cookie) => cookie.value).join(' '), 'no token in the console’s cookies').not.toMatch(
    /eyJ[A-Za-z0-9_-]{10,}\.eyJ/,
  )

  await page.getByRole('button', { name: '退出登录' }).click()
  await expectKeycloakLoginPage(page)

  await page.goBack()
  await page.waitForLoadState('load')
  // back on the console's page, which has nothing to show without a session: Keycloak's page again
  await expectKeycloakLoginPage(page)
  await expect(page.getByRole('article', { name: '合同投资额', exact: true })).toHaveCount(0)
})

test('the access token is refreshed before it expires, and the console goes on working', async ({ page }) => {
  await page.clock.install()
  const bearers: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/reports/units/') && request.url().includes('/cockpit?')) {
      bearers.push(request.headers().authorization ?? '')
    }
  })
  await signIn(page, 'gg-officer')
  await expect(page.getByRole('article', { name: '合同投资额', exact: true })).toBeVisible()

  // Keycloak's access tokens live five minutes; the console refreshes a minute before
  const refreshed = page.waitForRequest(
    (request) =>
      request.url().endsWith('/protocol/openid-connect/token') &&
      (request.postData() ?? '').includes('grant_type=refresh_token'),
  )
  await page.clock.fastForward('04:05')
  await refreshed
  // past the first token's expiry, a new request still answers (with the refreshed token)
  await page.clock.fastForward('02:00')
  const cockpit = page.waitForResponse(
    (response) => response.url().includes('/cockpit?period=') && response.request().method() === 'GET',
  )
  await page
    .getByRole('table', { name: /下级单位排名/ })
    .getByRole('link', { name: '桂平市' })
    .click()
  expect((await cockpit).status()).toBe(200)
  expect(bearers.length).toBeGreaterThanOrEqual(2)
  expect(bearers.at(-1), 'the later request carries the refreshed token').not.toBe(bearers[0])
})
