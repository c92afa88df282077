/**
 * The file BullMQ forks for each sandboxed processor (see worker.ts for why child processes).
 *
 * BullMQ forks children with the parent's execArgv. Under `tsx workers/train.ts` those carry tsx's
 * loader, so TypeScript imports just work; started any other way (vitest, plain node with a
 * compiled worker, a REPL) they do not, and importing a .ts file fails with
 * ERR_UNKNOWN_FILE_EXTENSION. This small JavaScript entry registers tsx's loader when it is missing
 * and then loads the TypeScript processor, so one path works everywhere (and would also work in
 * worker-thread mode, which never inherits a loader).
 */
if (!process.execArgv.some((arg) => arg.includes('tsx'))) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { default: processor } = await import('./processor.ts');
export default processor;
