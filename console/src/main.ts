import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElLoading } from 'element-plus'
import 'element-plus/es/components/loading/style/css'
import App from './App.vue'
import SignInUnavailable from './features/errors/SignInUnavailable.vue'
import { createAppRouter } from './router'
import { i18n } from './shared/i18n'
import { signIn } from './shared/auth/session'
import './shared/layout/base.css'

// Nothing is shown before the user is signed in: the console either starts signed in, says that
// Keycloak cannot be reached, or is on its way to Keycloak's login page.
const outcome = await signIn()
if (outcome === 'signed-in') {
  createApp(App).use(createPinia()).use(i18n).use(createAppRouter()).use(ElLoading).mount('#app')
} else if (outcome === 'unavailable') {
  createApp(SignInUnavailable).use(i18n).mount('#app')
}
