import type { Locator, Page } from '@playwright/test'
import { apiGet, apiRefusal, apiSend, apiStatus, rememberPassword } from './support/api'
import { expect, screenshot, signIn, signInFirstTime, test } from './support/fixtures'
import { yesterdayInChina } from './support/platform'

interface User {
  id: string
  username: string
  firstName: string
  lastName: string
  email: string | null
  orgUnit: string
  roles: string[]
  enabled: boolean
}
interface UserPage {
  items: User[]
  total: number
}
interface ProjectPage {
  items: { id: string; name: string; orgUnit: string }[]
  total: number
}

const ROLE_NAMES: Record<string, string> = {
  viewer: '查看',
  officer: '招商专员',
  leader: '领导',
  'target-admin': '目标管理',
  'contacts-reader': '联系人查看',
  auditor: '审计',
  'user-admin': '用户管理',
  admin: '平台管理',
  agency: '其他部门',
}

/**
 * The org tree is for the roles that read records: a user administrator alone may be refused it,
 * and the console then takes a unit by its code and shows units by their codes.
 */
let treeReadable = false

/** How the list shows a unit. */
const unit = (code: string, name: string) => (treeReadable ? name : code)

/** Picks a unit in a unit picker: from the tree (typing filters it), or by its code. */
async function pickUnit(page: Page, scope: Locator, code: string, name: string): Promise<void> {
  if (!treeReadable) {
    await scope.getByRole('textbox', { name: '单位', exact: true }).fill(code)
    return
  }
  const picker = scope.getByRole('combobox', { name: '单位' })
  await picker.click()
  await picker.fill(name)
  await page
    .getByRole('treeitem', { name: new RegExp(`^${name}`) })
    .getByText(name, { exact: true })
    .first()
    .click()
}

test.beforeAll(async () => {
  treeReadable = (await apiStatus('gg-admin', '/api/org-units')) === 200
})

/** Ticks a checkbox (Element Plus draws its own box; the input itself has no size to click). */
async function tick(checkbox: Locator): Promise<void> {
  await checkbox.dispatchEvent('click')
  await expect(checkbox).toBeChecked()
}

/** A required field's name, as the form says it (with its asterisk). */
const required = (label: string) => new RegExp(`^\\*?\\s*${label}$`)

function usersList(page: Page): Locator {
  return page.getByRole('region', { name: '用户列表' })
}

test('gg-admin creates a county officer, who signs in with the one-time password, sees only 港北区 and registers a project', async ({
  page,
  browser,
}) => {
  const username = `gb-e2e-${Date.now()}`
  const grantable = await apiGet<string[]>('gg-admin', '/api/users/grantable-roles')
  expect(grantable).toContain('officer')
  const listed = await apiGet<UserPage>('gg-admin', '/api/users?size=20&sort=username,asc')

  // a user administrator alone reads no figures: the console opens on the users
  await signIn(page, 'gg-admin')
  await expect(page).toHaveURL(/\/users$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('用户管理')
  await expect(page.getByRole('navigation', { name: '主菜单' }).getByRole('link')).toHaveText(['用户管理'])
  await expect(usersList(page).getByText(`共 ${listed.total} 个用户`)).toBeVisible()
  await expect(usersList(page).locator('tbody tr')).toHaveText(
    listed.items.map((user) => new RegExp(`^\\s*${user.username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)),
  )

  await page.getByRole('button', { name: '新建用户' }).click()
  const dialog = page.getByRole('dialog', { name: '新建用户' })
  // exactly the roles gg-admin may grant: never admin, auditor or agency
  await expect(dialog.getByRole('checkbox')).toHaveCount(grantable.length)
  for (const role of grantable) {
    await expect(dialog.getByRole('checkbox', { name: ROLE_NAMES[role] ?? role, exact: true })).toHaveCount(1)
  }
  for (const role of ['admin', 'auditor', 'agency']) {
    expect(grantable).not.toContain(role)
    await expect(dialog.getByRole('checkbox', { name: ROLE_NAMES[role]!, exact: true })).toHaveCount(0)
  }
  await dialog.getByRole('textbox', { name: required('用户名') }).fill(username)
  await dialog.getByRole('textbox', { name: required('名') }).fill('测试')
  await dialog.getByRole('textbox', { name: required('姓') }).fill('专员甲')
  await pickUnit(page, dialog, '450802', '港北区')
  await tick(dialog.getByRole('checkbox', { name: '招商专员', exact: true }))
  await dialog.getByRole('button', { name: '确定' }).click()

  // the one-time password, shown once
  const created = page.getByRole('dialog', { name: '用户已创建' })
  await expect(created.getByText(`用户 ${username} 已创建。`)).toBeVisible()
  const oneTimePassword = await created.getByRole('textbox', { name: '临时密码' }).inputValue()
  expect(oneTimePassword.length).toBeGreaterThanOrEqual(8)
  await expect(created.getByText(/临时密码只显示这一次，关闭后无法再次查看/)).toBeVisible()
  await expect(created.getByRole('button', { name: '复制' })).toBeVisible()
  await screenshot(page, 'users-created')
  await created.getByRole('button', { name: '我已记下，关闭' }).click()
  await expect(created).toBeHidden()

  // the API has the user as the form said
  const found = await apiGet<UserPage>('gg-admin', `/api/users?q=${username}`)
  expect(found.items).toHaveLength(1)
  expect(found.items[0]).toMatchObject({ username, orgUnit: '450802', roles: ['officer'], enabled: true })
  await page.getByRole('textbox', { name: '用户名或姓名' }).fill(username)
  await page.getByRole('button', { name: '查询' }).click()
  await expect(usersList(page).locator('tbody tr')).toHaveCount(1)
  await expect(usersList(page).locator('tbody tr')).toContainText(
    new RegExp(`${unit('450802', '港北区')}.*招商专员.*启用`),
  )

  // the new officer signs in with it through Keycloak's page, which asks for a password of their own
  const newPassword = `Gb-${Date.now()}-e2e`
  const context = await browser.newContext()
  const officer = await context.newPage()
  await signInFirstTime(officer, username, oneTimePassword, newPassword)
  rememberPassword(username, newPassword)
  await expect(officer).toHaveURL(/\/cockpit\/450802$/)
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText('港北区 · 数据驾驶舱')

  // the library holds 港北区's projects only: what the API gives the new officer, and 港北区's own officer
  const library = await apiGet<ProjectPage>(username, '/api/projects?size=100')
  const county = await apiGet<ProjectPage>('gb-officer', '/api/projects?size=100')
  expect(library.total).toBe(county.total)
  expect(library.items.every((project) => project.orgUnit.startsWith('450802'))).toBe(true)
  await officer.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '项目库' }).click()
  const results = officer.getByRole('region', { name: '项目列表' })
  await expect(results.getByText(`共 ${library.total} 个项目`)).toBeVisible()
  await expect(results.locator('tbody tr').first()).toContainText('港北区')

  // …and registers a project there
  const name = `港北区E2E新用户登记项目${Date.now()}`
  const day = yesterdayInChina()
  await officer.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '项目登记' }).click()
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText('项目登记')
  await officer.getByText('签约', { exact: true }).click()
  await officer.getByRole('textbox', { name: '项目名称' }).fill(name)
  await officer.getByRole('textbox', { name: '国民经济行业代码' }).fill('C3841')
  await officer.getByRole('button', { name: '下一步' }).click()
  const form = officer.getByRole('form', { name: '项目登记' })
  const date = async (label: string, value: string) => {
    await form.getByRole('combobox', { name: label }).fill(value)
    await form.getByRole('combobox', { name: label }).press('Enter')
  }
  await form.getByRole('textbox', { name: '合同投资额（元）' }).fill('180000000.00')
  await date('签约日期', day)
  await form.getByRole('textbox', { name: '投资协议编号' }).fill(`XY-${name}`)
  await date('投资协议日期', day)
  await officer.getByRole('button', { name: '下一步' }).click()
  await expect(officer.getByText('未发现可能重复的项目')).toBeVisible()
  await officer.getByRole('button', { name: '登记' }).click()
  await expect(officer.getByRole('heading', { level: 1 })).toHaveText(name)
  const id = /\/projects\/([0-9a-f-]{36})$/.exec(officer.url())?.[1]
  expect(id).toBeDefined()
  const project = await apiGet<{ name: string; orgUnit: string; stage: string }>(
    username,
    `/api/projects/${id}`,
  )
  expect(project).toMatchObject({ name, orgUnit: '450802', stage: 'SIGNED' })
  await context.close()
})

test('gg-admin changes a user’s unit and roles, is told a taken username under its field, and disables and enables the user; the API agrees', async ({
  page,
}) => {
  const username = `gn-e2e-${Date.now()}`
  const created = await apiSend<{ user: User }>('gg-admin', 'POST', '/api/users', {
    username,
    firstName: '测试',
    lastName: '查看员乙',
    orgUnit: '450803',
    roles: ['viewer'],
  })
  const taken = await apiRefusal('gg-admin', '/api/users', {
    username,
    firstName: '测试',
    lastName: '重名',
    orgUnit: '450803',
    roles: ['viewer'],
  })
  expect(taken.status).toBe(409)
  const takenMessage = taken.errors?.find((error) => error.field === 'username')?.message
  expect(takenMessage, 'the 409 names username').toBeDefined()

  await signIn(page, 'gg-admin', `/users?q=${username}`)
  const row = usersList(page).locator('tbody tr').filter({ hasText: username })
  await expect(row).toContainText(new RegExp(`${unit('450803', '港南区')}.*查看.*启用`))

  // a new user under a taken username: the API's message under 用户名
  await page.getByRole('button', { name: '新建用户' }).click()
  const dialog = page.getByRole('dialog', { name: '新建用户' })
  await dialog.getByRole('textbox', { name: required('用户名') }).fill(username)
  await dialog.getByRole('textbox', { name: required('名') }).fill('测试')
  await dialog.getByRole('textbox', { name: required('姓') }).fill('重名')
  await pickUnit(page, dialog, '450803', '港南区')
  await tick(dialog.getByRole('checkbox', { name: '查看', exact: true }))
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(dialog.getByText(takenMessage!)).toBeVisible()
  await dialog.getByRole('button', { name: '取消' }).click()

  // unit and roles changed: 覃塘区, 查看 and 领导
  await row.getByRole('button', { name: '编辑' }).click()
  const edit = page.getByRole('dialog', { name: `修改用户 ${username}` })
  await expect(edit.getByRole('checkbox', { name: '查看', exact: true })).toBeChecked()
  await pickUnit(page, edit, '450804', '覃塘区')
  await tick(edit.getByRole('checkbox', { name: '领导', exact: true }))
  await edit.getByRole('button', { name: '确定' }).click()
  await expect(edit).toBeHidden()
  await expect(row).toContainText(new RegExp(`${unit('450804', '覃塘区')}.*查看.*领导.*启用`))
  const changed = await apiGet<User>('gg-admin', `/api/users/${created.user.id}`)
  expect(changed.orgUnit).toBe('450804')
  expect([...changed.roles].sort()).toEqual(['leader', 'viewer'])

  // disabled, after a confirmation
  await row.getByRole('button', { name: '停用' }).click()
  const confirm = page.getByRole('dialog', { name: '停用用户' })
  await expect(confirm.getByText(`确定停用用户 ${username}`)).toBeVisible()
  await confirm.getByRole('button', { name: '停用' }).click()
  await expect(row).toContainText('已停用')
  expect((await apiGet<User>('gg-admin', `/api/users/${created.user.id}`)).enabled).toBe(false)
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible()

  // the whole list, for a reviewer to look at, with the disabled user in it
  await page.getByRole('button', { name: '重置' }).click()
  await expect(usersList(page).locator('tbody tr').first()).toBeVisible()
  await expect(usersList(page)).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByRole('alert')).toHaveCount(0) // the messages of the change and the disabling
  await screenshot(page, 'users')

  await page.getByRole('textbox', { name: '用户名或姓名' }).fill(username)
  await page.getByRole('button', { name: '查询' }).click()
  await row.getByRole('button', { name: '启用' }).click()
  await page.getByRole('dialog', { name: '启用用户' }).getByRole('button', { name: '启用' }).click()
  await expect(row).toContainText(new RegExp(`${unit('450804', '覃塘区')}.*启用`))
  await expect(row).not.toContainText('已停用')
  expect((await apiGet<User>('gg-admin', `/api/users/${created.user.id}`)).enabled).toBe(true)
})

test('a role only the operator grants is shown, and its holder is not offered for change: the API refuses it too', async ({
  page,
}) => {
  const listed = await apiGet<UserPage>('gx-useradmin', '/api/users?q=auditor')
  const auditor = listed.items.find((user) => user.username === 'auditor')
  expect(auditor?.roles).toContain('auditor')
  const refused = await apiRefusal('gx-useradmin', `/api/users/${auditor!.id}/disable`, {})
  expect(refused.status).toBe(403)

  await signIn(page, 'gx-useradmin', '/users?q=auditor')
  const row = usersList(page)
    .locator('tbody tr')
    .filter({ hasText: /^\s*auditor/ })
  await expect(row).toContainText('审计')
  await expect(row).toContainText('由平台运维管理')
  await expect(row.getByRole('button')).toHaveCount(0)
})
