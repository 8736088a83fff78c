import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElLoading } from 'element-plus'
import 'element-plus/es/components/loading/style/css'
import App from './App.vue'
import SignInUnavailable from './features/errors/SignInUnavailable.vue'
import { createAppRouter } from './router'
import { i18n, restoreLocale } from './shared/i18n'

/** The application, once the user is signed in. */
export async function mountConsole(selector: string): Promise<void> {
  await restoreLocale()
  createApp(App).use(createPinia()).use(i18n).use(createAppRouter()).use(ElLoading).mount(selector)
}

/** Keycloak does not answer: a page that says so. */
export async function mountSignInUnavailable(selector: string): Promise<void> {
  await restoreLocale()
  createApp(SignInUnavailable).use(i18n).mount(selector)
}
