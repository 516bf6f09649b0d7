/** One question to a fresh benchmark page in Chromium, and the header lines that describe its GPU. */
import type { Browser, Page } from '@playwright/test';
import {
  PROGRESS_PREFIX,
  isSoftware,
  type BrowserBenchPage,
  type BrowserInfo,
  type WorkerAnswer,
  type WorkerRequest,
} from './protocol.ts';

/** Ask a fresh page (and so a fresh worker) one question; rejects after `timeoutS`. */
export async function ask(
  browser: Browser,
  url: string,
  request: WorkerRequest,
  timeoutS: number,
  verbose: boolean,
  log: (line: string) => void,
): Promise<WorkerAnswer> {
  const page: Page = await browser.newPage();
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith(PROGRESS_PREFIX)) log(`    ${text.slice(PROGRESS_PREFIX.length)}`);
    else if (verbose || m.type() === 'error' || m.type() === 'warning')
      log(`    [browser ${m.type()}] ${verbose ? text : text.split('\n')[0]}`);
  });
  page.on('pageerror', (e) => log(`    [page error] ${e.message}`));
  let timer: NodeJS.Timeout | undefined;
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'browserBench' in globalThis);
    const answer = page.evaluate(
      (r) => (globalThis as unknown as { browserBench: BrowserBenchPage }).browserBench.ask(r),
      request,
    );
    const timeout = new Promise<WorkerAnswer>((r) => {
      timer = setTimeout(() => r({ ok: false, error: `stopped after ${timeoutS} s` }), timeoutS * 1000);
    });
    return await Promise.race([answer, timeout]);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}

/** The WebGPU adapter, WebGL2 renderer and CPU lines of the header, software renderers flagged. */
export function describeInfo(info: BrowserInfo): string[] {
  const sw = (name: string) => (isSoftware(name) ? '  <- SOFTWARE renderer (CPU): not a GPU' : '');
  const g = info.webgpu;
  const gpuName = [g.description, g.vendor, g.architecture, g.device].filter(Boolean).join(' / ');
  return [
    `cross-origin isolated: ${info.crossOriginIsolated ? 'yes' : 'NO (no wasm threads)'}; ${info.hardwareConcurrency} logical CPUs; wasm SIMD ${info.wasmSimd ? 'yes' : 'no'}`,
    `WebGPU adapter: ${g.available ? `${gpuName}${g.fallback ? ' (fallback adapter)' : ''}${sw(gpuName)}` : `unavailable (${g.reason})`}`,
    `WebGL2 renderer: ${info.webgl2.available ? `${info.webgl2.renderer} (${info.webgl2.vendor})${sw(info.webgl2.renderer)}` : `unavailable (${info.webgl2.reason})`}`,
  ];
}
