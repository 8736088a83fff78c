import { createRouter, createWebHistory, type RouteLocationRaw, type Router } from 'vue-router'
import { ACTIONS_ROLES, hasAnyRole, READER_ROLES } from '@/shared/auth/roles'
import { session } from '@/shared/auth/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** realm roles that may open the screen; the API still decides every request */
    roles?: readonly string[]
  }
}

/**
 * The screens. Each feature's view loads with its route, so the sign-in loads none of them.
 * A later screen adds its route here, its menu entry below, and its Playwright spec (docs/console.md).
 *
 * Made only once the user is signed in: the browser history reads the address when it is created,
 * and the sign-in first takes Keycloak's answer out of it and puts the deep link back.
 */
export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      {
        path: '/',
        name: 'home',
        redirect: () => home(),
      },
      {
        path: '/cockpit/:code',
        name: 'cockpit',
        component: () => import('@/features/cockpit/CockpitView.vue'),
        meta: { roles: READER_ROLES },
      },
      {
        path: '/projects',
        name: 'library',
        component: () => import('@/features/library/ProjectLibraryView.vue'),
        meta: { roles: READER_ROLES },
      },
      {
        path: '/projects/new',
        name: 'register',
        component: () => import('@/features/registration/RegisterProjectView.vue'),
        meta: { roles: ACTIONS_ROLES.writeProjects },
      },
      {
        path: '/projects/:id',
        name: 'project',
        component: () => import('@/features/project/ProjectView.vue'),
        meta: { roles: READER_ROLES },
      },
      {
        path: '/funds',
        name: 'funds',
        component: () => import('@/features/funds/FundsMonthView.vue'),
        meta: { roles: ACTIONS_ROLES.writeProjects },
      },
      {
        path: '/imports',
        name: 'imports',
        component: () => import('@/features/imports/ImportListView.vue'),
        meta: { roles: ACTIONS_ROLES.writeProjects },
      },
      {
        path: '/review',
        name: 'review',
        component: () => import('@/features/review/ReviewPoolView.vue'),
        meta: { roles: ACTIONS_ROLES.reviewDuplicates },
      },
      {
        path: '/audit',
        name: 'audit',
        component: () => import('@/features/audit/AuditView.vue'),
        meta: { roles: ACTIONS_ROLES.readAudit },
      },
      {
        path: '/users',
        name: 'users',
        component: () => import('@/features/users/UsersView.vue'),
        meta: { roles: ACTIONS_ROLES.manageUsers },
      },
      {
        path: '/forbidden',
        name: 'forbidden',
        component: () => import('@/features/errors/ForbiddenView.vue'),
      },
      {
        path: '/:path(.*)*',
        name: 'not-found',
        component: () => import('@/features/errors/NotFoundView.vue'),
      },
    ],
  })
  router.beforeEach((to) => {
    if (to.meta.roles && !hasAnyRole(to.meta.roles)) {
      return { name: 'forbidden' }
    }
    return true
  })
  return router
}

/**
 * Where `/` leads: the cockpit of the user's unit for every reader; a user whose only work is
 * managing users (`user-admin` alone reads no figures) to the users.
 */
function home(): RouteLocationRaw {
  if (!hasAnyRole(READER_ROLES) && hasAnyRole(ACTIONS_ROLES.manageUsers)) {
    return { name: 'users' }
  }
  return { name: 'cockpit', params: { code: session.user?.orgUnit ?? '' } }
}

/** The menu: only the entries the signed-in user's roles allow are shown. */
export const menu: { name: string; label: string; roles: readonly string[]; to: () => RouteLocationRaw }[] = [
  {
    name: 'cockpit',
    label: 'nav.cockpit',
    roles: READER_ROLES,
    to: () => ({ name: 'cockpit', params: { code: session.user?.orgUnit ?? '' } }),
  },
  { name: 'library', label: 'nav.library', roles: READER_ROLES, to: () => ({ name: 'library' }) },
  {
    name: 'register',
    label: 'nav.register',
    roles: ACTIONS_ROLES.writeProjects,
    to: () => ({ name: 'register' }),
  },
  { name: 'funds', label: 'nav.funds', roles: ACTIONS_ROLES.writeProjects, to: () => ({ name: 'funds' }) },
  {
    name: 'imports',
    label: 'nav.imports',
    roles: ACTIONS_ROLES.writeProjects,
    to: () => ({ name: 'imports' }),
  },
  {
    name: 'review',
    label: 'nav.review',
    roles: ACTIONS_ROLES.reviewDuplicates,
    to: () => ({ name: 'review' }),
  },
  { name: 'audit', label: 'nav.audit', roles: ACTIONS_ROLES.readAudit, to: () => ({ name: 'audit' }) },
  { name: 'users', label: 'nav.users', roles: ACTIONS_ROLES.manageUsers, to: () => ({ name: 'users' }) },
]
