import { securityHeaders } from './lib/security/headers.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build a second app (broken fixtures) beside the real one without clobbering it.
  distDir: process.env.FOLIO_DIST_DIR || '.next',
  // These run esbuild or native code at build time and must not be bundled.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'shiki', 'rehype-pretty-code'],
  poweredByHeader: false,
  reactStrictMode: true,
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
};

export default nextConfig;
