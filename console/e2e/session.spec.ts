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

test('a signed-in user’s next visit signs in through Keycloak’s session in a hidden frame, on one page load', async ({
  page,
}) => {
  await signIn(page, 'gg-officer')
  await expect(page.getByRole('article', { name: '合同投资额', exact: true })).toBeVisible()

  // documents the tab itself loads (not its frames, not the address changes of the page's own history)
  const consoleLoads: string[] = []
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      consoleLoads.push(request.url())
    }
  })
  const silentPage = page.waitForResponse((response) => response.url().endsWith('/silent-check-sso.html'))
  await page.goto('/cockpit/450881')
  expect((await silentPage).status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('桂平市 · 数据驾驶舱')
  await expect(page.getByRole('article', { name: '合同投资额', exact: true })).toBeVisible()
  expect(consoleLoads, 'the page was loaded once, never sent to Keycloak').toEqual([
    expect.stringMatching(/\/cockpit\/450881$/),
  ])
})

test('when the hidden frame does not answer, the console signs in through the redirect instead', async ({
  page,
}) => {
  await signIn(page, 'gg-officer')
  await expect(page.getByRole('article', { name: '合同投资额', exact: true })).toBeVisible()

  // Keycloak's answer to the hidden frame never comes (as when it refuses the frame's redirect URI):
  // the frame's request is answered with an empty page, the tab's own requests go through
  await page.route('**/protocol/openid-connect/auth?**', (route) =>
    route.request().frame() === page.mainFrame()
      ? route.continue()
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>silent</title>' }),
  )
  const toKeycloak = page.waitForRequest(
    (request) =>
      request.isNavigationRequest() &&
      request.frame() === page.mainFrame() &&
      request.url().includes('/protocol/openid-connect/auth'),
  )
  await page.goto('/cockpit/450881')
  await toKeycloak
  // Keycloak's session is alive: straight back with a code, and the deep link restored
  await expect(page).toHaveURL(/\/cockpit\/450881$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('桂平市 · 数据驾驶舱')
})

test('English is loaded when a user picks it, and kept for their next visit', async ({ page }) => {
  await signIn(page, 'gg-officer', '/cockpit/450800')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('贵港市 · 数据驾驶舱')

  const english = page.waitForResponse((response) => /\/assets\/en-[\w-]+\.js$/.test(response.url()))
  // the language picker shows the language it is set to
  await page.getByRole('banner').getByText('中文', { exact: true }).click()
  await page.getByRole('option', { name: 'English' }).click()
  expect((await english).status(), 'the English catalogue is a chunk of its own, loaded now').toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('贵港市 · Data cockpit')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('贵港市 · Data cockpit')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await screenshot(page, 'cockpit-english')
})
