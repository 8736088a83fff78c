import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { apiGet, apiSend, apiStatus, rememberPassword } from './support/api'
import { expect, screenshot, signIn, signInFirstTime, test } from './support/fixtures'
import { inChina, yesterdayInChina } from './support/platform'

interface AuditRow {
  id: number
  service: string
  occurredAt: string
  actor: string
  actorUnit: string | null
  entityType: string
  entityId: string
  action: string
  before: unknown
  after: unknown
}
interface AuditPage {
  items: AuditRow[]
  total: number
}

const SOURCES = ['projects', 'enterprises', 'targets', 'reports'] as const
type Source = (typeof SOURCES)[number]
const SERVICE_NAMES: Record<Source, string> = {
  projects: '项目',
  enterprises: '企业',
  targets: '目标',
  reports: '报表',
}
const HEADERS = [
  '时间（北京时间）',
  '服务',
  '操作人',
  '操作人所在单位',
  '操作',
  '操作代码',
  '对象类型',
  '对象编号',
  '变更前',
  '变更后',
]
  .map((header) => `"${header}"`)
  .join(',')

/** An instant as text that sorts as time does, to the microsecond (the services write 0–9 fraction digits). */
const sortable = (instant: string) =>
  instant.replace(
    /(?:\.(\d+))?Z$/,
    (_, fraction: string | undefined) => `.${(fraction ?? '').padEnd(9, '0')}Z`,
  )

/** The services' rows merged as the console must: newest first, then (within a service) by id. */
function merged(pages: [Source, AuditPage][]): [Source, AuditRow][] {
  return pages
    .flatMap(([source, page]) => page.items.map((row) => [source, row] as [Source, AuditRow]))
    .sort(([, a], [, b]) => {
      const [at, bt] = [sortable(a.occurredAt), sortable(b.occurredAt)]
      return at !== bt ? (at < bt ? 1 : -1) : b.id - a.id
    })
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The timeline's rows (not the rows an expanded row opens). */
function timelineRows(page: Page): Locator {
  return page.getByRole('region', { name: '审计时间线' }).locator('tbody tr.el-table__row')
}

async function expectInOrder(rows: Locator): Promise<void> {
  const times = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent?.trim() ?? ''))
  expect(times.length).toBeGreaterThan(0)
  expect(times, 'newest first').toEqual([...times].sort().reverse())
}

test('the merged timeline is newest first across the services and pages, a refused service is named, and the export holds the filter’s rows', async ({
  page,
}) => {
  // the rows of one action that two services keep, as the API answers them, merged by the spec
  // (one after the other: Keycloak refuses a user's password grants asked at the same moment)
  const pages: [Source, AuditPage][] = []
  for (const source of SOURCES) {
    pages.push([
      source,
      await apiGet<AuditPage>('auditor', `/api/${source}/audit?action=registered&size=100`),
    ])
  }
  const expected = merged(pages)
  const total = pages.reduce((sum, [, answer]) => sum + answer.total, 0)
  expect(new Set(expected.map(([source]) => source)), 'projects and enterprises are both registered').toEqual(
    new Set(['projects', 'enterprises']),
  )
  expect(total, 'the demo data has more registrations than one batch shows').toBeGreaterThan(50)

  await signIn(page, 'auditor', '/audit')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('审计记录')
  await expect(
    page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审计记录' }),
  ).toBeVisible()
  const rows = timelineRows(page)
  await expect(rows).toHaveCount(50)
  await expectInOrder(rows)

  // one action: the same rows, in the same order, as the spec's own merge of the services' pages
  await page.getByRole('combobox', { name: '操作', exact: true }).click()
  await page.getByRole('option', { name: '登记入库', exact: true }).click()
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page).toHaveURL(/[?&]action=registered/)
  // a row as a person reads it: time, service, actor, unit, action, record
  const shownAs = ([source, row]: [Source, AuditRow]) =>
    new RegExp(
      `^\\s*${inChina(row.occurredAt)}\\s*${SERVICE_NAMES[source]}\\s*${literally(row.actor)}.*登记入库.*${literally(row.entityId)}\\s*$`,
    )
  await expect(rows).toHaveText(expected.slice(0, 50).map(shownAs))
  await expect(page.getByText(`已显示 50 条，共 ${total} 条`)).toBeVisible()
  await page.getByRole('button', { name: '加载更多' }).click()
  await expect(rows).toHaveText(expected.slice(0, 100).map(shownAs))
  await expect(page.getByText(`已显示 ${Math.min(total, 100)} 条，共 ${total} 条`)).toBeVisible()

  // a row opens on what the service kept after the action
  const first = expected[0]![1]
  await rows.first().getByRole('button', { name: '展开当前行' }).click()
  await expect(page.getByRole('heading', { name: '变更后' })).toBeVisible()
  await expect(page.getByText('（无）')).toBeVisible() // nothing before a registration
  const kept = Object.keys((first.after ?? {}) as Record<string, unknown>)[0]
  expect(kept, 'a registration keeps what was registered').toBeDefined()
  await expect(page.locator('pre').first()).toContainText(`"${kept}"`)
  await screenshot(page, 'audit-registered')
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  )
  expect(serious.map((violation) => violation.id)).toEqual([])

  // the export: every row of the filter, with Chinese headers, in a file Excel opens (BOM)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出CSV（当前筛选）' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^审计记录-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = await readFile((await file.path())!, 'utf8')
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const lines = csv.slice(1).trimEnd().split('\r\n')
  expect(lines[0]).toBe(HEADERS)
  expect(lines.length - 1).toBe(Math.min(total, 5000))
  expect(lines[1]).toContain(
    `"${inChina(first.occurredAt)}","${SERVICE_NAMES[expected[0]![0]]}","${first.actor}"`,
  )
  await expect(page.getByText(`已导出 ${Math.min(total, 5000)} 条记录`)).toBeVisible()

  // a service that does not answer is named; the others' rows are still shown, in order
  await page.route('**/api/enterprises/audit**', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        title: 'Service Unavailable',
        status: 503,
        detail: 'enterprise-service is down',
      }),
    }),
  )
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByText(/企业服务的审计记录未能读取（enterprise-service is down）/)).toBeVisible()
  const projectsOnly = expected.filter(([source]) => source !== 'enterprises')
  await expect(rows).toHaveText(projectsOnly.slice(0, 50).map(shownAs))
  await expect(page.getByRole('region', { name: '审计时间线' })).toHaveAttribute('aria-busy', 'false')
  await screenshot(page, 'audit-service-failed')
  await page.unroute('**/api/enterprises/audit**')
})

test('the auditor finds a project registration, an unmasked contact read, a target change and a user creation, each with its actor and time', async ({
  page,
  browser,
}) => {
  const stamp = Date.now()
  // a user creation (targets-service): gg-admin creates a contacts reader of 贵港市, who signs in
  // once through Keycloak's page to set a password
  const reader = `e2e-reader-${stamp}`
  const created = await apiSend<{ user: { id: string; username: string }; oneTimePassword: string | null }>(
    'gg-admin',
    'POST',
    '/api/users',
    {
      username: reader,
      firstName: '贵港市',
      lastName: '联系人查看',
      orgUnit: '450800',
      roles: ['viewer', 'contacts-reader'],
    },
  )
  expect(created.oneTimePassword, 'a local platform answers a one-time password').toBeTruthy()
  const password = `E2e-${stamp}-Pw!`
  const context = await browser.newContext()
  await signInFirstTime(await context.newPage(), reader, created.oneTimePassword!, password)
  await context.close()
  rememberPassword(reader, password)

  // an unmasked contact read (enterprise-service `read-unmasked`): an officer records a contact,
  // the contacts reader lists the enterprise's contacts in clear
  const enterprises = await apiGet<{ items: { id: string }[] }>('gg-officer', '/api/enterprises?size=1')
  const enterprise = enterprises.items[0]!
  const contact = await apiSend<{ id: string }>(
    'gg-officer',
    'POST',
    `/api/enterprises/${enterprise.id}/contacts`,
    {
      name: '李明',
      title: '投资总监',
      phone: '13800001234',
      email: `li.ming.${stamp}@example.cn`,
    },
  )
  const contacts = await apiGet<{ masked: boolean; items: { id: string; phone: string }[] }>(
    reader,
    `/api/enterprises/${enterprise.id}/contacts?size=100`,
  )
  expect(contacts.masked).toBe(false)
  expect(contacts.items.find((item) => item.id === contact.id)?.phone).toBe('13800001234')

  // a target change (targets-service `target-set`): 贵港市's target admin sets a team's target for next year
  const teams = await apiGet<{ items: { id: string; orgUnit: string }[] }>(
    'gg-officer',
    '/api/resident-teams?size=50',
  )
  const team = teams.items[0]!
  const year = Number(yesterdayInChina().slice(0, 4)) + 1
  await apiSend('gg-officer', 'POST', `/api/resident-teams/${team.id}/targets`, {
    year,
    contractTarget: `${(stamp % 900) + 100}000000.00`,
  })

  // a project registration (project-service `registered`) by 港北区's officer
  const day = yesterdayInChina()
  const project = await apiSend<{ id: string }>('gb-officer', 'POST', '/api/projects', {
    stage: 'SIGNED',
    orgUnit: '450802',
    name: `港北区E2E审计项目${stamp}`,
    industryCode: 'C3841',
    contractAmount: '120000000.00',
    signingDate: day,
    evidence: [{ documentType: 'AGREEMENT', documentNumber: `XY-AUDIT-${stamp}`, documentDate: day }],
  })

  // the four rows as the services keep them
  const find = async (source: Source, query: string, match: (row: AuditRow) => boolean) => {
    const answer = await apiGet<AuditPage>('auditor', `/api/${source}/audit?${query}&size=50`)
    const row = answer.items.find(match)
    expect(row, `${source} ${query}`).toBeDefined()
    return row!
  }
  const expected: { source: Source; row: AuditRow; label: string; unit: string }[] = [
    {
      source: 'projects',
      row: await find('projects', 'action=registered&actor=gb-officer', (row) => row.entityId === project.id),
      label: '登记入库',
      unit: '港北区',
    },
    {
      source: 'enterprises',
      row: await find(
        'enterprises',
        `action=read-unmasked&actor=${reader}`,
        (row) => row.entityId === contact.id,
      ),
      label: '查看联系方式明文',
      unit: '贵港市',
    },
    {
      source: 'targets',
      row: await find('targets', 'action=target-set&actor=gg-officer', (row) => row.entityId === team.id),
      label: '设定驻点招商目标',
      unit: '贵港市',
    },
    {
      source: 'targets',
      row: await find(
        'targets',
        'action=user-created&actor=gg-admin',
        (row) =>
          row.entityId === created.user.id ||
          row.entityId === reader ||
          JSON.stringify(row.after).includes(reader),
      ),
      label: '新建用户',
      unit: '贵港市',
    },
  ]

  await signIn(page, 'auditor', '/audit')
  const rows = timelineRows(page)
  await expect(rows).toHaveCount(50)
  await expectInOrder(rows)
  for (const { source, row, label, unit } of expected) {
    // (the same team's target may have been set by an earlier run on the same platform: its time tells)
    const shown = rows
      .filter({ hasText: row.entityId })
      .filter({ hasText: label })
      .filter({ hasText: inChina(row.occurredAt) })
    await expect(shown, `${label} ${row.entityId}`).toHaveCount(1)
    await expect(shown).toContainText(row.actor)
    await expect(shown).toContainText(unit)
    await expect(shown).toContainText(SERVICE_NAMES[source])
  }
  // the user creation opens on the user as targets-service recorded it
  const creation = rows.filter({ hasText: expected[3]!.row.entityId }).filter({ hasText: '新建用户' })
  await creation.getByRole('button', { name: '展开当前行' }).click()
  await expect(
    page.getByRole('region', { name: '审计时间线' }).locator('pre').filter({ hasText: reader }),
  ).toBeVisible()
  await screenshot(page, 'audit')

  // filtered by actor and action: exactly the API's rows
  await page.getByRole('textbox', { name: '操作人' }).fill('gg-admin')
  await page.getByRole('combobox', { name: '操作', exact: true }).click()
  await page.getByRole('option', { name: '新建用户', exact: true }).click()
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page).toHaveURL(/actor=gg-admin/)
  const creations = await apiGet<AuditPage>(
    'auditor',
    '/api/targets/audit?action=user-created&actor=gg-admin&size=50',
  )
  await expect(rows).toHaveCount(creations.items.length)
  await expect(rows.first()).toContainText(inChina(creations.items[0]!.occurredAt))
  for (const row of creations.items) {
    await expect(rows.filter({ hasText: row.entityId })).toContainText('新建用户')
  }
})

test('an officer is not offered the audit trail: the forbidden page at /audit, and 403 from every service (as for a user-admin)', async ({
  page,
}) => {
  for (const source of SOURCES) {
    expect(await apiStatus('gg-officer', `/api/${source}/audit`), source).toBe(403)
    expect(await apiStatus('gg-admin', `/api/${source}/audit`), `${source} for a user-admin`).toBe(403)
  }
  await signIn(page, 'gg-officer', '/audit')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('无权访问')
  await expect(page.getByRole('region', { name: '审计时间线' })).toHaveCount(0)
  await expect(
    page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '审计记录' }),
  ).toHaveCount(0)
  await screenshot(page, 'audit-forbidden')
})
