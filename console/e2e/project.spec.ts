import { apiGet, apiRefusal, apiSend } from './support/api'
import { expect, screenshot, signIn, test } from './support/fixtures'
import { inChina, yesterdayInChina } from './support/platform'

interface Project {
  id: string
  name: string
  stage: string
  signingDate?: string
  reviewStatus?: string
}
interface ProjectPage {
  items: Project[]
}
interface StageMove {
  to: string
  date: string
  evidence?: { id: string; documentType: string; documentNumber: string; file?: { fileName: string } }[]
}
interface FundsMonth {
  month: string
  amount: string
  version: number
  history: { version: number; amount: string; reason?: string }[]
}

const STAGE_NAMES: Record<string, string> = {
  SIGNED: '签约',
  LANDED: '落地',
  STARTED: '开工',
  COMPLETED: '竣工',
  SUSPENDED: '暂缓',
  TERMINATED: '终止',
}
// a tiny PDF: the service checks that a file begins as its type does
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

test('gp-officer moves a signed project to LANDED with a land-grant file; only the lifecycle’s moves are offered', async ({
  page,
}) => {
  const signed = await apiGet<ProjectPage>(
    'gp-officer',
    '/api/projects?stage=SIGNED&size=50&sort=signingDate,asc',
  )
  const project = signed.items.find((item) => item.reviewStatus !== 'PENDING')
  expect(project, 'the demo data has a signed project in 桂平').toBeDefined()
  const before = await apiGet<StageMove[]>('gp-officer', `/api/projects/${project!.id}/stage-moves`)

  await signIn(page, 'gp-officer', `/projects/${project!.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(project!.name)
  const timeline = page.getByRole('list', { name: '项目阶段' })
  await expect(timeline.locator(':scope > li')).toHaveCount(before.length)

  await page.getByRole('button', { name: '阶段变更' }).click()
  const dialog = page.getByRole('dialog', { name: '阶段变更' })
  await dialog.getByRole('combobox', { name: '转入阶段' }).click({ force: true })
  // forward one stage, or out to 暂缓/终止: never back, never two stages ahead
  await expect(page.getByRole('option')).toHaveText([
    STAGE_NAMES.LANDED!,
    STAGE_NAMES.SUSPENDED!,
    STAGE_NAMES.TERMINATED!,
  ])
  await page.getByRole('option', { name: '落地' }).click()

  const date = yesterdayInChina()
  const number = `GT-E2E-${Date.now()}`
  await dialog.getByRole('combobox', { name: '变更日期' }).fill(date)
  await dialog.getByRole('combobox', { name: '变更日期' }).press('Enter')
  await dialog.getByRole('radio', { name: '供地' }).check({ force: true })
  await dialog.getByRole('textbox', { name: '凭证编号' }).fill(number)
  await dialog.getByRole('combobox', { name: '凭证日期' }).fill(date)
  await dialog.getByRole('combobox', { name: '凭证日期' }).press('Enter')
  await dialog
    .getByRole('button', { name: '凭证文件' })
    .setInputFiles({ name: '供地批复.pdf', mimeType: 'application/pdf', buffer: PDF })
  await screenshot(page, 'project-stage-move')
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(dialog).toBeHidden()

  const after = await apiGet<StageMove[]>('gp-officer', `/api/projects/${project!.id}/stage-moves`)
  const landing = after[after.length - 1]!
  expect(landing.to).toBe('LANDED')
  expect(landing.date).toBe(date)
  expect(landing.evidence?.[0]).toMatchObject({ documentType: 'LAND_GRANT', documentNumber: number })
  expect(landing.evidence?.[0]?.file?.fileName).toBe('供地批复.pdf')
  expect((await apiGet<Project>('gp-officer', `/api/projects/${project!.id}`)).stage).toBe('LANDED')

  await expect(timeline.locator(':scope > li')).toHaveCount(after.length)
  await expect(timeline.getByRole('button', { name: '查看文件 供地批复.pdf' })).toBeVisible()
  const download = page.waitForEvent('download')
  await timeline.getByRole('button', { name: '查看文件 供地批复.pdf' }).click()
  expect((await download).suggestedFilename()).toBe('供地批复.pdf')
  await screenshot(page, 'project-landed')
})

test('a project’s page shows its funds with a correction, its problem log, and no write action for a viewer', async ({
  page,
}) => {
  // a project of 桂平 with funds in place; one month corrected through the API, as a bureau does
  const landed = await apiGet<ProjectPage>(
    'gp-officer',
    '/api/projects?stage=LANDED,STARTED,COMPLETED&size=50',
  )
  let project: Project | undefined
  let months: FundsMonth[] = []
  for (const item of landed.items) {
    months = await apiGet<FundsMonth[]>('gp-officer', `/api/projects/${item.id}/funds`)
    if (months.length) {
      project = item
      break
    }
  }
  expect(project, 'the demo data has a 桂平 project with funds in place').toBeDefined()
  const month = months[months.length - 1]!
  const reason = `凭证金额录入有误 ${Date.now()}`
  await apiSend('gp-officer', 'POST', `/api/projects/${project!.id}/funds/${month.month}/corrections`, {
    amount: month.amount === '1234567.89' ? '1234567.90' : '1234567.89',
    evidence: {
      documentType: 'BANK_VOUCHER',
      documentNumber: `YH-E2E-${Date.now()}`,
      documentDate: yesterdayInChina(),
    },
    reason,
  })
  const description = `地块尚未完成征拆 ${Date.now()}`
  await apiSend('gp-officer', 'POST', `/api/projects/${project!.id}/problems`, {
    category: 'LAND',
    description,
    department: '桂平市自然资源局',
    deadline: `${yesterdayInChina().slice(0, 4)}-01-15`,
  })
  const funds = await apiGet<FundsMonth[]>('gp-officer', `/api/projects/${project!.id}/funds`)
  const problems = await apiGet<{ items: { description: string }[] }>(
    'gp-officer',
    `/api/projects/${project!.id}/problems?size=200`,
  )

  await signIn(page, 'gx-viewer', `/projects/${project!.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(project!.name)
  const fundsPanel = page.getByRole('region', { name: '到位资金（按月）' })
  await expect(fundsPanel.getByRole('img', { name: '到位资金按月柱状图' })).toBeVisible()
  const corrected = funds.find((entry) => entry.month === month.month)!
  expect(corrected.version).toBeGreaterThan(1)
  await expect(fundsPanel.getByText(reason)).toBeVisible()
  const problemLog = page.getByRole('region', { name: '问题台账' })
  expect(problems.items.map((problem) => problem.description)).toContain(description)
  for (const problem of problems.items) {
    await expect(problemLog.getByText(problem.description, { exact: true })).toBeVisible()
  }
  // a viewer reads, and is offered no write
  await expect(page.getByRole('button', { name: '阶段变更' })).toHaveCount(0)
  await expect(page.getByText('上传文件', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^上传凭证/ })).toHaveCount(0)
  await expect(page.getByText('未上传文件').first()).toBeVisible()
  // the audit history is for auditors only
  await expect(page.getByRole('region', { name: '审计记录' })).toHaveCount(0)
  await screenshot(page, 'project-viewer')
})

test('an auditor sees a project’s audit history, every row as project-service keeps it, in China’s time', async ({
  page,
}) => {
  const signed = await apiGet<ProjectPage>('gp-officer', '/api/projects?stage=SIGNED&size=1')
  const project = signed.items[0]
  expect(project, 'the demo data has a signed 桂平 project').toBeDefined()
  const history = await apiGet<{ items: AuditRow[]; total: number }>(
    'auditor',
    `/api/projects/${project!.id}/audit?size=200`,
  )
  expect(history.items.map((row) => row.action)).toContain('registered')

  await signIn(page, 'auditor', `/projects/${project!.id}`)
  const panel = page.getByRole('region', { name: '审计记录' })
  await expect(panel.locator('tbody tr')).toHaveCount(history.items.length)
  const first = panel.locator('tbody tr').first()
  await expect(first).toContainText(history.items[0]!.actor)
  await expect(first).toContainText(inChina(history.items[0]!.occurredAt))
  const registered = history.items.findIndex((row) => row.action === 'registered')
  await expect(panel.locator('tbody tr').nth(registered)).toContainText('登记入库')
  // an auditor reads, and is offered no write
  await expect(page.getByRole('button', { name: '阶段变更' })).toHaveCount(0)
  await screenshot(page, 'project-auditor')
})

interface AuditRow {
  actor: string
  action: string
  occurredAt: string
}

test('a move that another officer made first is refused with 409, and the dialog says which moves the project allows now', async ({
  page,
}) => {
  const signed = await apiGet<ProjectPage>(
    'gp-officer',
    '/api/projects?stage=SIGNED&size=50&sort=signingDate,asc',
  )
  const project = signed.items.find(
    (item) => item.reviewStatus !== 'PENDING' && !!item.signingDate && item.signingDate < yesterdayInChina(),
  )
  expect(project, 'the demo data has another signed project in 桂平').toBeDefined()
  await signIn(page, 'gp-officer', `/projects/${project!.id}`)
  await page.getByRole('button', { name: '阶段变更' }).click()
  const dialog = page.getByRole('dialog', { name: '阶段变更' })

  // meanwhile the project lands through the API
  const landing = {
    to: 'LANDED',
    date: yesterdayInChina(),
    evidence: {
      documentType: 'LAND_GRANT',
      documentNumber: `GT-E2E-${Date.now()}`,
      documentDate: yesterdayInChina(),
    },
  }
  await apiSend('gp-officer', 'POST', `/api/projects/${project!.id}/stage-moves`, landing)
  const conflict = await apiRefusal('gp-officer', `/api/projects/${project!.id}/stage-moves`, landing)
  expect(conflict.status).toBe(409)
  const allowed = (conflict as { allowedMoves?: string[] }).allowedMoves ?? []
  expect(allowed.length).toBeGreaterThan(0)

  await dialog.getByRole('combobox', { name: '变更日期' }).fill(landing.date)
  await dialog.getByRole('combobox', { name: '变更日期' }).press('Enter')
  await dialog.getByRole('textbox', { name: '凭证编号' }).fill(`${landing.evidence.documentNumber}-2`)
  await dialog.getByRole('combobox', { name: '凭证日期' }).fill(landing.date)
  await dialog.getByRole('combobox', { name: '凭证日期' }).press('Enter')
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(
    dialog.getByText(
      `项目当前阶段为落地，只能转入：${allowed.map((stage) => STAGE_NAMES[stage] ?? stage).join('、')}`,
    ),
  ).toBeVisible()
  // the page reads the project again: the dialog now offers the moves the API allows
  await expect(page.getByText('落地', { exact: true }).first()).toBeVisible()
  await dialog.getByRole('combobox', { name: '转入阶段' }).click({ force: true })
  await expect(page.getByRole('option')).toHaveText(allowed.map((stage) => STAGE_NAMES[stage] ?? stage))
  await screenshot(page, 'project-move-conflict')
})
