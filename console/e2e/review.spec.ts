import { apiGet, apiSend } from './support/api'
import { expect, screenshot, signIn, test } from './support/fixtures'

interface Project {
  id: string
  name: string
  reviewStatus?: string
  possibleDuplicate?: boolean
}
interface PoolPage {
  items: { project: Project; duplicateOf?: string; rule?: string }[]
  total: number
}

test('the city’s reviewer decides on a project 桂平 registered twice; 桂平 itself is told it cannot', async ({
  page,
}) => {
  // 桂平 registers a project of the same name as one it has: pooled by rule L1
  const library = await apiGet<{ items: Project[] }>('gp-officer', '/api/projects?stage=SIGNED,LANDED&size=1')
  const original = library.items[0]!
  const pooled = await apiSend<Project>('gp-officer', 'POST', '/api/projects', {
    stage: 'LEAD',
    orgUnit: '450881',
    name: original.name,
    industryCode: 'C3841',
  })
  expect(pooled).toMatchObject({ reviewStatus: 'PENDING', possibleDuplicate: true })

  // 桂平's officer sees it waiting, and is refused the decision
  await signIn(page, 'gp-officer', '/review')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('重复项目审核')
  await page
    .getByRole('button', { name: `驳回：${original.name}` })
    .first()
    .click()
  await page.getByRole('dialog', { name: '审核决定' }).getByRole('button', { name: '确定' }).click()
  await expect(page.getByText(/^本单位不能审核此项目/)).toBeVisible()
  await page.getByRole('dialog', { name: '审核决定' }).getByRole('button', { name: '取消' }).click()
  expect((await apiGet<Project>('gp-officer', `/api/projects/${pooled.id}`)).reviewStatus).toBe('PENDING')

  // 贵港's officer, who holds both, sees what the API's pool lists and keeps it as a new project
  const pool = await apiGet<PoolPage>('gg-officer', '/api/projects/review-pool?size=20')
  const entry = pool.items.find((item) => item.project.id === pooled.id)
  expect(entry, 'the pooled project is in 贵港’s pool').toMatchObject({
    duplicateOf: original.id,
    rule: 'L1',
  })
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible()
  await signIn(page, 'gg-officer', '/')
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '重复项目审核' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('重复项目审核')
  const table = page.getByRole('region', { name: '待审核项目' })
  await expect(table.getByText(`共 ${pool.total} 个项目`)).toBeVisible()
  // the pooled project beside the one it may duplicate, both by name, and the rule
  const row = table.getByRole('row').filter({ has: page.locator(`a[href="/projects/${pooled.id}"]`) })
  await expect(row.getByRole('link', { name: original.name, exact: true })).toHaveCount(2)
  await expect(row.locator(`a[href="/projects/${original.id}"]`)).toHaveText(original.name)
  await expect(row).toContainText('L1')
  await screenshot(page, 'review-pool')
  await page
    .getByRole('button', { name: `保留为新项目：${original.name}` })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: '审核决定' })
  await dialog.getByRole('textbox', { name: '审核意见（可选）' }).fill('二期扩建，另立项目')
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(page.getByText(`已审核：${original.name}，保留为新项目`)).toBeVisible()
  await expect
    .poll(async () => (await apiGet<Project>('gg-officer', `/api/projects/${pooled.id}`)).reviewStatus)
    .toBe('ACCEPTED')
})
