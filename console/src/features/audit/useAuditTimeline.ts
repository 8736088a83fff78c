import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { ApiProblem, type FieldViolation } from '@/shared/api/problem'
import { parametersOf, readAuditPage } from './auditApi'
import { MergedTimeline } from './timeline'
import type { AuditFilters, AuditSource, TimelineRow } from './types'

/** Rows shown at first and added by each 加载更多. */
export const BATCH = 50
/** The export reads at most this many rows, in the services' largest pages. */
export const EXPORT_LIMIT = 5000
const EXPORT_PAGE = 200

function text(query: LocationQuery, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

export function filtersOf(query: LocationQuery): AuditFilters {
  return {
    orgUnit: text(query, 'orgUnit'),
    from: text(query, 'from'),
    to: text(query, 'to'),
    actor: text(query, 'actor'),
    action: text(query, 'action'),
  }
}

/**
 * The merged audit timeline of the filters in the address: read again whenever they change, 50
 * rows at a time. A service that fails is named and the others are shown; a 400 (a range that
 * ends before it starts) is shown under the filter it names.
 */
export function useAuditTimeline() {
  const route = useRoute()
  const router = useRouter()
  const filters = computed(() => filtersOf(route.query))
  const rows = shallowRef<TimelineRow[]>([])
  const loading = ref(false)
  const exhausted = ref(false)
  const total = ref(0)
  const failures = shallowRef<{ source: AuditSource; message: string }[]>([])
  const violations = shallowRef<FieldViolation[]>([])
  let timeline: MergedTimeline | null = null

  function open(): MergedTimeline {
    const asked = filters.value
    return new MergedTimeline((source, page, size) => readAuditPage(source, asked, page, size), BATCH)
  }

  async function more(reading: MergedTimeline) {
    loading.value = true
    try {
      const next = await reading.take(BATCH)
      if (reading !== timeline) {
        return // the filters changed meanwhile
      }
      rows.value = [...rows.value, ...next]
      exhausted.value = reading.exhausted
      total.value = reading.total
      const failed = reading.failures
      const refused = failed.flatMap(({ failure }) =>
        failure instanceof ApiProblem && failure.status === 400 ? failure.errors : [],
      )
      // every service checks the filters alike: a refused filter is said once, under the filter
      violations.value = refused.filter(
        (violation, index) =>
          refused.findIndex(
            (other) => other.field === violation.field && other.message === violation.message,
          ) === index,
      )
      failures.value = failed
        .filter(
          ({ failure }) =>
            !(failure instanceof ApiProblem && failure.status === 400 && failure.errors.length),
        )
        .map(({ source, failure }) => ({
          source,
          message: failure instanceof Error ? failure.message : String(failure),
        }))
    } finally {
      if (reading === timeline) {
        loading.value = false
      }
    }
  }

  function reload() {
    timeline = open()
    rows.value = []
    exhausted.value = false
    total.value = 0
    failures.value = []
    violations.value = []
    void more(timeline)
  }

  function loadMore() {
    if (timeline && !loading.value && !exhausted.value) {
      void more(timeline)
    }
  }

  watch(() => route.fullPath, reload, { immediate: true })

  /** Shows the filters' timeline; asked again for the same filters, it reads the trails anew (new rows come all the time). */
  function show(next: AuditFilters) {
    const query = parametersOf(next)
    const same = JSON.stringify(query) === JSON.stringify(parametersOf(filters.value))
    if (same) {
      reload()
    } else {
      void router.push({ name: route.name ?? 'audit', query })
    }
  }

  /**
   * Every row of the filters, merged as on the screen, up to {@link EXPORT_LIMIT}: `cut` says that
   * more were left out; `failed` names the services that did not answer.
   */
  async function readForExport(): Promise<{
    rows: TimelineRow[]
    cut: boolean
    total: number
    failed: AuditSource[]
  }> {
    const asked = filters.value
    const reading = new MergedTimeline(
      (source, page, size) => readAuditPage(source, asked, page, size),
      EXPORT_PAGE,
    )
    const all = await reading.take(EXPORT_LIMIT)
    return {
      rows: all,
      cut: !reading.exhausted,
      total: reading.total,
      failed: reading.failures.map(({ source }) => source),
    }
  }

  return {
    filters,
    rows,
    loading,
    exhausted,
    total,
    failures,
    violations,
    show,
    reload,
    loadMore,
    readForExport,
  }
}
