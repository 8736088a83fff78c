import { answer, targetsApi } from '@/shared/api/client'
import type { NewUser, UserChange, UserQuery } from './types'

/** targets-service's users API (`/api/users`): the caller's unit and the units under it. */
export const usersApi = {
  /** The roles the caller may grant or take away. */
  grantableRoles: () => answer(targetsApi.GET('/api/users/grantable-roles', {})),

  list: (query: UserQuery) =>
    answer(
      targetsApi.GET('/api/users', {
        params: {
          query: {
            ...(query.orgUnit ? { orgUnit: query.orgUnit } : {}),
            ...(query.q.trim() ? { q: query.q.trim() } : {}),
            page: query.page,
            size: query.size,
            sort: query.sort,
          },
        },
      }),
    ),

  create: (user: NewUser) => answer(targetsApi.POST('/api/users', { body: user })),

  change: (id: string, change: UserChange) =>
    answer(targetsApi.POST('/api/users/{id}', { params: { path: { id } }, body: change })),

  disable: (id: string) => answer(targetsApi.POST('/api/users/{id}/disable', { params: { path: { id } } })),

  enable: (id: string) => answer(targetsApi.POST('/api/users/{id}/enable', { params: { path: { id } } })),
}
