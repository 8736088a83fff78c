import { ref, shallowRef, watch, type Ref } from 'vue'
import { answer, reportingApi } from '@/shared/api/client'
import type { Cockpit } from './types'

/** The cockpit of one unit and period, fetched again whenever either changes; a late answer to an older choice is dropped. */
export function useCockpit(code: Ref<string | null>, period: Ref<string>) {
  const cockpit = shallowRef<Cockpit | null>(null)
  const failure = ref<unknown>(null)
  const loading = ref(false)
  let latest = 0

  async function load() {
    if (!code.value) {
      return
    }
    const request = ++latest
    loading.value = true
    failure.value = null
    try {
      const answered = await answer(
        reportingApi.GET('/api/reports/units/{code}/cockpit', {
          params: { path: { code: code.value }, query: { period: period.value } },
        }),
      )
      if (request === latest) {
        cockpit.value = answered
      }
    } catch (error) {
      if (request === latest) {
        cockpit.value = null
        failure.value = error
      }
    } finally {
      if (request === latest) {
        loading.value = false
      }
    }
  }

  watch([code, period], load, { immediate: true })
  return { cockpit, failure, loading, reload: load }
}
