import { requestJson } from '@/shared/api/client'
import type { CreatedUser, NewUser, User, UserChange, UserPage, UserQuery } from './types'

/** targets-service's users API (`/api/users`): the caller's unit and the units under it. */
export const usersApi = {
  /** The roles the caller may grant or take away. */
  grantableRoles: () => requestJson<string[]>('GET', '/api/users/grantable-roles'),

  list: (query: UserQuery) =>
    requestJson<UserPage>('GET', '/api/users', {
      query: {
        orgUnit: query.orgUnit,
        q: query.q.trim(),
        page: query.page,
        size: query.size,
        sort: query.sort,
      },
    }),

  create: (user: NewUser) => requestJson<CreatedUser>('POST', '/api/users', { body: user }),

  change: (id: string, change: UserChange) =>
    requestJson<User>('POST', `/api/users/${encodeURIComponent(id)}`, { body: change }),

  disable: (id: string) => requestJson<User>('POST', `/api/users/${encodeURIComponent(id)}/disable`),

  enable: (id: string) => requestJson<User>('POST', `/api/users/${encodeURIComponent(id)}/enable`),
}
