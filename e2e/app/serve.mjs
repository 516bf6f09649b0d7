#!/usr/bin/env node
// Serves the built web app (dist/renderer) for the app end-to-end tests, with the desktop app's CSP and
// cross-origin isolation headers, on APP_PORT (default 4417).
import { serveStatic } from '../../scripts/serve-static.mjs';

const port = Number(process.env.APP_PORT ?? 4417);
const { url } = await serveStatic({ root: 'dist/renderer', port });
process.stdout.write(`Backprop Studio web build on ${url}\n`);
