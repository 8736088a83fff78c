import { ref, shallowRef, watch, type Ref } from 'vue'
import { answer, projectApi } from '@/shared/api/client'
import { can } from '@/shared/auth/roles'
import type { AuditRow, FundsMonth, Problem, Project, StageMove, TermsVersion, Warning } from './types'

/**
 * One project and what its page shows, each read from its own endpoint: the project, its stage
 * history with the evidence, its funds by month with their versions, its amendments, its problem
 * log, its warnings and, for auditors, its audit history. A part that fails leaves the others shown.
 */
export function useProject(id: Ref<string>) {
  const project = shallowRef<Project | null>(null)
  const failure = ref<unknown>(null)
  const moves = shallowRef<StageMove[]>([])
  const funds = shallowRef<FundsMonth[]>([])
  const amendments = shallowRef<TermsVersion[]>([])
  const problems = shallowRef<Problem[]>([])
  const warnings = shallowRef<Warning[]>([])
  const history = shallowRef<AuditRow[]>([])

  async function loadProject() {
    failure.value = null
    try {
      project.value = await answer(
        projectApi.GET('/api/projects/{id}', { params: { path: { id: id.value } } }),
      )
    } catch (error) {
      project.value = null
      failure.value = error
    }
  }

  async function loadMoves() {
    moves.value = await answer(
      projectApi.GET('/api/projects/{id}/stage-moves', { params: { path: { id: id.value } } }),
    ).catch(() => [])
  }

  async function loadDetails() {
    const path = { path: { id: id.value } }
    const [fundsAnswer, amendmentsAnswer, problemsAnswer] = await Promise.all([
      answer(projectApi.GET('/api/projects/{id}/funds', { params: path })).catch(() => []),
      answer(projectApi.GET('/api/projects/{id}/amendments', { params: path })).catch(() => []),
      answer(
        projectApi.GET('/api/projects/{projectId}/problems', {
          params: { path: { projectId: id.value }, query: { size: 200 } },
        }),
      )
        .then((page) => page.items ?? [])
        .catch(() => []),
    ])
    funds.value = fundsAnswer
    amendments.value = amendmentsAnswer
    problems.value = problemsAnswer
  }

  /** The API lists warnings per unit, not per project: the project's own are those of its unit that name it. */
  async function loadWarnings(orgUnit: string | undefined) {
    if (!orgUnit) {
      warnings.value = []
      return
    }
    const page = await answer(
      projectApi.GET('/api/projects/warnings', {
        params: { query: { orgUnit, status: 'ALL', size: 200 } },
      }),
    ).catch(() => null)
    warnings.value = (page?.items ?? []).filter((warning) => warning.projectId === id.value)
  }

  /** Whoever acted on the project, newest first; read only by the roles that may (the read is audited). */
  async function loadHistory() {
    if (!can('readAudit')) {
      history.value = []
      return
    }
    const page = await answer(
      projectApi.GET('/api/projects/{id}/audit', {
        params: { path: { id: id.value }, query: { size: 200 } },
      }),
    ).catch(() => null)
    history.value = page?.items ?? []
  }

  async function load() {
    await Promise.all([loadProject(), loadMoves(), loadDetails(), loadHistory()])
    await loadWarnings(project.value?.orgUnit)
  }

  watch(id, load, { immediate: true })
  return { project, failure, moves, funds, amendments, problems, warnings, history, reload: load }
}
