import { signIn } from './shared/auth/session'
import './shared/layout/base.css'

// The sign-in decides first, with only keycloak-js loaded: a visit without a token goes on to
// Keycloak at once, without loading the application. On the way back from Keycloak (a code in the
// address) the application and the home screen load while the code is exchanged for tokens.
const returningFromKeycloak = /[#&?]code=/.test(location.href)
const load = () => import('./application')
const application = returningFromKeycloak ? load() : null
if (returningFromKeycloak) {
  void import('./features/cockpit/CockpitView.vue')
}

const outcome = await signIn()
if (outcome === 'signed-in') {
  ;(await (application ?? load())).mountConsole('#app')
} else if (outcome === 'unavailable') {
  ;(await (application ?? load())).mountSignInUnavailable('#app')
}
// 'redirecting': the browser is on its way to Keycloak's login page
