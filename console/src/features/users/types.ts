import type { components, operations } from '@/generated/targets-service'

/** targets-service's users API (`/api/users`), as its OpenAPI document says. */
type Schemas = components['schemas']
export type User = Schemas['UserResponse']
export type UserPage = Schemas['PageResponseUserResponse']
export type NewUser = Schemas['CreateUser']
export type UserChange = Schemas['ChangeUser']
/** A new user, and the temporary password it signs in with once (locally; none in production, where Keycloak e-mails a link). */
export type CreatedUser = Schemas['CreatedUser']
export type UserSort = NonNullable<NonNullable<operations['list']['parameters']['query']>['sort']>

export const USER_SORTS: UserSort[] = ['username,asc', 'username,desc', 'orgUnit,asc', 'orgUnit,desc']

export interface UserQuery {
  orgUnit: string
  q: string
  page: number
  size: number
  sort: UserSort
}
