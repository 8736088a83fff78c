/**
 * The users API of targets-service (`/api/users`), as its contract says, written by hand until its
 * OpenAPI copy lands in `openapi/targets-service.json`; then these become the generated types.
 */
export interface User {
  id: string
  username: string
  firstName: string
  lastName: string
  email: string | null
  orgUnit: string
  roles: string[]
  enabled: boolean
  /** ISO instant */
  createdAt: string
}

export interface UserPage {
  items: User[]
  page: number
  size: number
  total: number
  sort: string
}

export interface NewUser {
  username: string
  firstName: string
  lastName: string
  email?: string
  orgUnit: string
  roles: string[]
}

export interface UserChange {
  firstName: string
  lastName: string
  email: string | null
  orgUnit: string
  roles: string[]
}

/** A new user, and the temporary password it signs in with once (locally; null in production, where Keycloak e-mails a link). */
export interface CreatedUser {
  user: User
  oneTimePassword: string | null
}

/** The orders the list takes. */
export const USER_SORTS = ['username', 'orgUnit'] as const

export interface UserQuery {
  orgUnit: string
  q: string
  page: number
  size: number
  /** `username,asc`, `orgUnit,desc`… */
  sort: string
}
