import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import type { OutputBundle, OutputChunk } from 'rolldown'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The console is built into the jar that the gateway serves (classpath:/console/), on the API's own
// origin. `npm run dev` proxies /api to a gateway on localhost:8080 (started with ./run-local).
export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components and their CSS are imported where a template uses them, not whole
    // the catalogues' messages are compiled here, not in the browser: the bundle takes vue-i18n's
    // runtime without the message compiler, composition API only, without its components
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/shared/i18n/*.json', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
      strictMessage: true,
    }),
    prefetchHomeScreen(['src/application.ts', 'src/features/cockpit/CockpitView.vue']),
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/generated/components.d.ts',
    }),
  ],
  // compile-time flags: no devtools hooks in production bundles (vue-i18n's own flags are set by its plugin)
  define: {
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'target/classes/console',
    emptyOutDir: true,
    target: 'es2022',
    // no inline polyfill script: the Content-Security-Policy allows scripts from 'self' only
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080' },
  },
})

/**
 * A visit that cannot sign in silently (Keycloak not known to answer, a browser that withholds
 * Keycloak's cookie from frames, no Keycloak session) loads index.html twice: once without a token,
 * which goes straight to Keycloak, and once on the way back, which loads the application and the
 * cockpit. index.html names those chunks in a meta element; the first load (`main.ts`) asks the browser to
 * prefetch them (`rel="prefetch"`, lowest priority, into the HTTP cache, kept across the navigation
 * to Keycloak) while it waits for Keycloak, so the second finds them there. They are not written as
 * links into index.html: the second load would have them too, and Vite's preload helper skips a
 * chunk that already has a link of its href, so the chunks would no longer be preloaded together
 * but found one import level after another (three rounds, a trace showed, about 250 ms).
 */
function prefetchHomeScreen(modules: string[]): Plugin {
  return {
    name: 'zhaoshang:prefetch-home-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle as OutputBundle
        const files = new Set<string>()
        const visit = (chunk: OutputChunk) => {
          if (files.has(chunk.fileName)) {
            return
          }
          files.add(chunk.fileName)
          chunk.viteMetadata?.importedCss.forEach((css) => files.add(css))
          chunk.imports.forEach((file) => visit(bundle[file] as OutputChunk))
        }
        for (const module of modules) {
          const chunk = Object.values(bundle).find(
            (output): output is OutputChunk =>
              output.type === 'chunk' && !!output.facadeModuleId?.endsWith(`/${module}`),
          )
          if (!chunk) {
            throw new Error(`prefetchHomeScreen: no chunk for ${module}`)
          }
          visit(chunk)
        }
        // what index.html loads anyway is not asked for twice
        const chunks = [...files].filter((file) => !html.includes(`/${file}"`)).sort()
        return [
          {
            tag: 'meta',
            attrs: { name: 'zhaoshang-home-screen', content: chunks.map((file) => `/${file}`).join(' ') },
            injectTo: 'head' as const,
          },
        ]
      },
    },
  }
}
