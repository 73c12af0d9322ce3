import { defineConfig } from "vite";

// The build is deterministic (same sources and lock file, same bytes): CI
// rebuilds dist/ and compares it with the committed one.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
