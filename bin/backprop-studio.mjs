#!/usr/bin/env node
// Entry of `npx backprop-studio`: runs the TypeScript CLI through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main, failureMessage } = await import('../engine/node/cli.ts');
// An error outside the command's own promise (an event handler, a worker thread) still ends in one line.
const fail = (error) => {
  const { message, code } = failureMessage(error);
  process.stderr.write(`error: ${message}\n`);
  if (code === 70 && process.env.BACKPROP_STUDIO_DEBUG && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  process.exit(code);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
process.exitCode = await main(process.argv.slice(2));
