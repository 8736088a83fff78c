import { session, signIn, signInStaysOnThisPage } from './shared/auth/session'
import { hasAnyRole, READER_ROLES } from './shared/auth/roles'
import { prefetch } from './shared/api/prefetch'
import { defaultPeriod, formatPeriod, parsePeriod } from './shared/periods/period'
import './shared/layout/base.css'

// The sign-in decides first, with only keycloak-js loaded. When it most likely ends on this page (a
// code in the address, or Keycloak's session asked in a hidden frame) the application and the home
// screen load while it runs. When the browser is probably leaving for Keycloak's page, the
// application is not loaded, only fetched into the HTTP cache for the load that comes back.
const staying = signInStaysOnThisPage()
const load = () => import('./application')
const application = staying ? load() : null
if (staying) {
  void import('./features/cockpit/CockpitView.vue')
} else {
  prefetchHomeScreenChunks()
}

const outcome = await signIn()
if (outcome === 'signed-in') {
  prefetchHomeScreen()
  await (await (application ?? load())).mountConsole('#app')
} else if (outcome === 'unavailable') {
  await (await (application ?? load())).mountSignInUnavailable('#app')
}
// 'redirecting': the browser is on its way to Keycloak's login page

/**
 * On the way to Keycloak: the application's and the cockpit's chunks (named by the build in a meta
 * element) are fetched into the HTTP cache meanwhile, for the load that comes back with the code.
 */
function prefetchHomeScreenChunks(): void {
  const chunks = document.querySelector<HTMLMetaElement>('meta[name="zhaoshang-home-screen"]')?.content
  for (const href of chunks?.split(' ').filter(Boolean) ?? []) {
    const link = document.createElement('link')
    link.rel = 'prefetch'
    link.as = href.endsWith('.css') ? 'style' : 'script'
    link.crossOrigin = ''
    link.href = href
    document.head.append(link)
  }
}

/** The cockpit the address leads to (the user's own at `/`), and the org tree, asked for at once. */
function prefetchHomeScreen(): void {
  const cockpit = /^\/cockpit\/([0-9A-Za-z]+)$/.exec(location.pathname)
  const code = location.pathname === '/' ? session.user?.orgUnit : cockpit?.[1]
  // a user who reads no figures (user-admin alone) opens on the users, not on a cockpit
  if (!code || !hasAnyRole(READER_ROLES)) {
    return
  }
  const asked = new URLSearchParams(location.search).get('period')
  const period = parsePeriod(asked) ? asked : formatPeriod(defaultPeriod())
  prefetch('/api/org-units')
  prefetch(`/api/reports/units/${encodeURIComponent(code)}/cockpit?period=${period}`)
}
