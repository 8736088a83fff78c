import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { usersApi } from './usersApi'
import { USER_SORTS, type UserPage, type UserQuery, type UserSort } from './types'

export const DEFAULT_SORT: UserSort = 'username,asc'
const DEFAULT_SIZE = 20

function text(query: LocationQuery, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

export function queryOf(query: LocationQuery): UserQuery {
  return {
    orgUnit: text(query, 'orgUnit'),
    q: text(query, 'q'),
    page: Math.max(0, Number(text(query, 'page')) || 0),
    size: Number(text(query, 'size')) || DEFAULT_SIZE,
    sort: USER_SORTS.find((sort) => sort === text(query, 'sort')) ?? DEFAULT_SORT,
  }
}

/**
 * The users of the unit, search, page and order in the address (the caller's own unit and below by
 * default), asked again whenever the address changes; a late answer to an older address is dropped.
 * The roles the caller may grant are read once.
 */
export function useUsers() {
  const route = useRoute()
  const router = useRouter()
  const query = computed(() => queryOf(route.query))
  const result = shallowRef<UserPage | null>(null)
  const failure = ref<unknown>(null)
  const loading = ref(false)
  const grantable = shallowRef<string[] | null>(null)
  const grantableFailure = ref<unknown>(null)
  let latest = 0

  async function load() {
    const request = ++latest
    loading.value = true
    failure.value = null
    try {
      const answered = await usersApi.list(query.value)
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

  async function loadGrantable() {
    try {
      grantable.value = await usersApi.grantableRoles()
      grantableFailure.value = null
    } catch (error) {
      grantableFailure.value = error
    }
  }

  watch(() => route.fullPath, load, { immediate: true })
  void loadGrantable()

  function show(next: Partial<UserQuery>) {
    const merged = { ...query.value, ...next }
    const address: Record<string, string> = {}
    if (merged.orgUnit) {
      address.orgUnit = merged.orgUnit
    }
    if (merged.q.trim()) {
      address.q = merged.q.trim()
    }
    if (merged.page) {
      address.page = String(merged.page)
    }
    if (merged.size !== DEFAULT_SIZE) {
      address.size = String(merged.size)
    }
    if (merged.sort !== DEFAULT_SORT) {
      address.sort = merged.sort
    }
    void router.push({ name: route.name ?? 'users', query: address })
  }

  return { query, result, failure, loading, grantable, grantableFailure, show, reload: load }
}
