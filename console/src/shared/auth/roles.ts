import { session } from './session'

/**
 * What the console offers to which realm roles. It only hides what a role may not do; the API
 * still decides every request (docs/architecture.md, "Security").
 */
/** The platform's realm roles (not Keycloak's own), in the order the console lists them. */
export const PLATFORM_ROLES = [
  'viewer',
  'officer',
  'leader',
  'target-admin',
  'contacts-reader',
  'auditor',
  'user-admin',
  'admin',
  'agency',
] as const

/** The roles of `roles` that the platform knows, in {@link PLATFORM_ROLES}' order, then any other. */
export function inRoleOrder(roles: readonly string[]): string[] {
  const rank = (role: string) => {
    const index = (PLATFORM_ROLES as readonly string[]).indexOf(role)
    return index < 0 ? PLATFORM_ROLES.length : index
  }
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

export const READER_ROLES = ['viewer', 'officer', 'leader', 'target-admin', 'auditor', 'admin'] as const

const ACTIONS = {
  /** 月报关账: a leader closes their own unit's month (reporting-service, period close). */
  closeMonth: ['leader'],
  readCockpit: READER_ROLES,
  /** 项目库: registration, stage moves, evidence files, funds, imports (project-service: `officer`). */
  writeProjects: ['officer'],
  /** 重复项目审核: the city's reviewers (project-service: `officer` or `leader` of the reviewing unit). */
  reviewDuplicates: ['officer', 'leader'],
  /** 审计记录: the audit trails (every service: `auditor` or `admin`). */
  readAudit: ['auditor', 'admin'],
  /** 用户管理: the users of the caller's unit and below (targets-service's users API: `user-admin`). */
  manageUsers: ['user-admin'],
} as const satisfies Record<string, readonly string[]>

export type Action = keyof typeof ACTIONS

/** The roles of each action, for the routes and the menu. */
export const ACTIONS_ROLES: { readonly [A in Action]: readonly string[] } = ACTIONS

export function hasAnyRole(roles: readonly string[]): boolean {
  return roles.some((role) => session.user?.roles.includes(role))
}

export function can(action: Action): boolean {
  return hasAnyRole(ACTIONS[action])
}
