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
