import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { answer, download, projectApi } from '@/shared/api/client'
import type { AmountBand, ProjectPage } from './types'

/** The filters of `GET /api/projects` this screen offers, as they stand in the address. */
export interface LibraryFilters {
  q: string
  orgUnit: string
  stage: string[]
  industry: string
  amountBand: AmountBand | ''
  signedFrom: string
  signedTo: string
  registeredFrom: string
  registeredTo: string
  keyProject: boolean
  hasOpenWarning: boolean
}

export const SORTS = ['registeredAt', 'signingDate', 'contractAmount', 'name'] as const

function text(query: LocationQuery, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

export function filtersOf(query: LocationQuery): LibraryFilters {
  return {
    q: text(query, 'q'),
    orgUnit: text(query, 'orgUnit'),
    stage: text(query, 'stage').split(',').filter(Boolean),
    industry: text(query, 'industry'),
    amountBand: text(query, 'amountBand') as AmountBand | '',
    signedFrom: text(query, 'signedFrom'),
    signedTo: text(query, 'signedTo'),
    registeredFrom: text(query, 'registeredFrom'),
    registeredTo: text(query, 'registeredTo'),
    keyProject: text(query, 'keyProject') === 'true',
    hasOpenWarning: text(query, 'hasOpenWarning') === 'true',
  }
}

/** The filters as the API's parameters: an empty filter is left out (the API would read it as none anyway). */
export function parametersOf(filters: LibraryFilters): Record<string, string> {
  const parameters: Record<string, string> = {}
  const put = (key: string, value: string) => {
    if (value) {
      parameters[key] = value
    }
  }
  put('q', filters.q.trim())
  put('orgUnit', filters.orgUnit)
  put('stage', filters.stage.join(','))
  put('industry', filters.industry.trim())
  put('amountBand', filters.amountBand)
  put('signedFrom', filters.signedFrom)
  put('signedTo', filters.signedTo)
  put('registeredFrom', filters.registeredFrom)
  put('registeredTo', filters.registeredTo)
  put('keyProject', filters.keyProject ? 'true' : '')
  put('hasOpenWarning', filters.hasOpenWarning ? 'true' : '')
  return parameters
}

/**
 * The library's page for the filters, order and page in the address: asked again whenever the
 * address changes; a late answer to an older address is dropped.
 */
export function useProjectLibrary() {
  const route = useRoute()
  const router = useRouter()
  const result = shallowRef<ProjectPage | null>(null)
  const failure = ref<unknown>(null)
  const loading = ref(false)
  let latest = 0

  const filters = computed(() => filtersOf(route.query))
  const page = computed(() => Math.max(0, Number(text(route.query, 'page') || '0') || 0))
  const size = computed(() => Number(text(route.query, 'size')) || 20)
  const sort = computed(() => text(route.query, 'sort'))

  async function load() {
    const request = ++latest
    loading.value = true
    failure.value = null
    try {
      const answered = await answer(
        projectApi.GET('/api/projects', {
          params: {
            query: {
              ...parametersOf(filters.value),
              page: page.value,
              size: size.value,
              ...(sort.value ? { sort: sort.value } : {}),
            },
          },
        }),
      )
      if (request === latest) {
        result.value = answered
      }
    } catch (error) {
      if (request === latest) {
        result.value = null
        failure.value = error
      }
    } finally {
      if (request === latest) {
        loading.value = false
      }
    }
  }

  watch(() => route.fullPath, load, { immediate: true })

  function show(next: { filters?: LibraryFilters; page?: number; size?: number; sort?: string }) {
    const query: Record<string, string> = {
      ...parametersOf(next.filters ?? filters.value),
    }
    const nextPage = next.page ?? (next.filters ? 0 : page.value)
    if (nextPage) {
      query.page = String(nextPage)
    }
    const nextSize = next.size ?? size.value
    if (nextSize !== 20) {
      query.size = String(nextSize)
    }
    const nextSort = next.sort ?? sort.value
    if (nextSort) {
      query.sort = nextSort
    }
    void router.push({ name: route.name ?? 'library', query })
  }

  /** The API's Excel export of exactly the filters applied (no page, no order: the export has its own). */
  function exportFilters() {
    const search = new URLSearchParams(parametersOf(filters.value)).toString()
    return download(`/api/projects/export${search ? `?${search}` : ''}`, 'projects.xlsx')
  }

  return { result, failure, loading, filters, page, size, sort, show, reload: load, exportFilters }
}
