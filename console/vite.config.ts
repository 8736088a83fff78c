import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The console is built into the jar that the gateway serves (classpath:/console/), on the API's own
// origin. `npm run dev` proxies /api to a gateway on localhost:8080 (started with ./run-local).
export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components and their CSS are imported where a template uses them, not whole
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/generated/components.d.ts',
    }),
  ],
  // compile-time flags: no options API of vue-i18n, no devtools hooks in production bundles
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
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
