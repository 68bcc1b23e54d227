import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import { brotliQualityFrom, precompress } from "./vite-precompress.ts";

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // The app registers the worker itself (a script file, allowed by script-src 'self').
      injectRegister: false,
      registerType: "autoUpdate",
      includeAssets: ["favicon.svg", "icon-192.png", "icon-512.png"],
      manifest: {
        name: "NTM Monitor – Theo dõi xây dựng nông thôn mới",
        short_name: "NTM Monitor",
        description: "Nhập và theo dõi tiêu chí nông thôn mới, cả khi mất kết nối.",
        lang: "vi",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#1f6f43",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // The chart and map chunk is large but must open offline too.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // The user and their tasks, units, the catalog, scorecards and summaries, so the app
            // opens offline with the last data read. Files, exports and generated documents are
            // not kept.
            // (The function is copied into the worker: it may use nothing from this file.)
            urlPattern: ({ url, request }) =>
              request.method === "GET" &&
              url.origin === self.location.origin &&
              /^\/api\/(auth\/me|me\/tasks|units(\/[^/]+)?|units\/[^/]+\/(scorecard|summary)|catalog\/sets(\/\d+)?)$/.test(
                url.pathname,
              ),
            handler: "NetworkFirst",
            method: "GET",
            options: {
              // Must match apiCacheName in features/offline/register-service-worker.ts.
              cacheName: "ntm-api",
              networkTimeoutSeconds: 10,
              expiration: { maxEntries: 400, maxAgeSeconds: 30 * 24 * 60 * 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
    precompress(brotliQualityFrom(process.env)),
  ],
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Over HTTP/1.1 a browser asks a server for at most six files at once: what a page
          // needs comes in fewer, larger files (docs/benchmarks-web.md).
          groups: [
            // The first script: everything the entry imports, in one file instead of a dozen
            // small ones shared with the pages.
            { name: "first", tags: ["$initial"], priority: 3 },
            // The component library stays in the pages' own files: in one file of its own (with
            // its dependencies, no module of the app) it drew no page sooner on the slow profile
            // and added 50–150 KiB to each.
          ],
        },
      },
    },
  },
});
