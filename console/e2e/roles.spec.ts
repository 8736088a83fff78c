import { expect, screenshot, signIn, test } from './support/fixtures'

/** What a reader may press: downloads, the pickers, the language and signing out. Nothing that writes. */
const READ_ONLY = [/^月统计表/, /^季度通报/, /^退出登录$/, /^重试$/]

test('a viewer sees no write action, and the menu shows only what the role allows', async ({ page }) => {
  await signIn(page, 'gx-viewer')
  await expect(page.getByRole('article', { name: '合同投资额', exact: true })).toBeVisible()
  const buttons = (await page.getByRole('button').allTextContents())
    .map((text) => text.trim())
    .filter(Boolean)
  expect(buttons.filter((name) => !READ_ONLY.some((allowed) => allowed.test(name)))).toEqual([])
  await expect(page.getByRole('button', { name: /关闭.*月报/ })).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: '主菜单' }).getByRole('link')).toHaveText([
    '数据驾驶舱',
    '项目库',
  ])
  await screenshot(page, 'cockpit-viewer')
})

test('a leader is offered the close of their own unit’s month', async ({ page }) => {
  await signIn(page, 'gg-officer')
  await expect(page.getByRole('button', { name: /关闭.*月报/ })).toBeVisible()
})
