import { ref, shallowRef, watch, type Ref } from 'vue'
import { answer, projectApi } from '@/shared/api/client'
import type { components } from '@/generated/project-service'

type Schemas = components['schemas']
export type FundsProject = Schemas['ProjectResponse']
export type FundsMonth = Schemas['MonthResponse']
export type BatchAnswer = Schemas['MonthBatchResponse']

/** The stages at which a project has signed and can get funds in place (project-service's `Fundable`). */
export const SIGNED_STAGES = 'SIGNED,LANDED,STARTED,COMPLETED,PRODUCING'
export const PAGE_SIZE = 50

export interface GridRow {
  project: FundsProject
  previous?: FundsMonth
  current?: FundsMonth
  amount: string
  evidenceNumber: string
  evidenceDate: string
  reason: string
}

/** The month before a `yyyy-mm` month. */
export function monthBefore(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`
}

/**
 * A page of the unit's signed projects, each with its funds of the month and of the month before.
 * The API reads funds per project only, so each project's funds are one request (six at a time).
 */
export function useFundsMonth(month: Ref<string>, page: Ref<number>) {
  const rows = ref<GridRow[]>([])
  const total = ref(0)
  const failure = shallowRef<unknown>(null)
  const loading = ref(false)
  let latest = 0

  async function load() {
    const request = ++latest
    loading.value = true
    failure.value = null
    try {
      const projects = await answer(
        projectApi.GET('/api/projects', {
          params: { query: { stage: SIGNED_STAGES, size: PAGE_SIZE, page: page.value, sort: 'name,asc' } },
        }),
      )
      const items = projects.items ?? []
      const funds: FundsMonth[][] = new Array(items.length)
      let next = 0
      const worker = async () => {
        while (next < items.length) {
          const index = next++
          funds[index] = await answer(
            projectApi.GET('/api/projects/{id}/funds', { params: { path: { id: items[index]!.id ?? '' } } }),
          )
        }
      }
      await Promise.all(Array.from({ length: 6 }, worker))
      if (request !== latest) {
        return
      }
      const before = monthBefore(month.value)
      total.value = projects.total ?? 0
      rows.value = items.map((project, index) => {
        const months = funds[index] ?? []
        const current = months.find((entry) => entry.month === month.value)
        return {
          project,
          previous: months.find((entry) => entry.month === before),
          current,
          amount: current?.amount ?? '',
          evidenceNumber: current?.history?.[current.history.length - 1]?.evidenceNumber ?? '',
          evidenceDate: current?.history?.[current.history.length - 1]?.evidenceDate ?? '',
          reason: '',
        }
      })
    } catch (error) {
      if (request === latest) {
        failure.value = error
        rows.value = []
      }
    } finally {
      if (request === latest) {
        loading.value = false
      }
    }
  }

  watch([month, page], load, { immediate: true })
  return { rows, total, failure, loading, reload: load }
}
