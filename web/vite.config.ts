import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The SPA is served by the CivicPIMS server from web/dist; in development Vite proxies /api to it.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Strict CSP (script-src 'self'): no inline module preload polyfill.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:3000", "/docs": "http://127.0.0.1:3000" },
  },
});
