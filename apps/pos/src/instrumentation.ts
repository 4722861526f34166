// Runs once when the server starts (not during `next build`): misconfiguration stops the server here
// instead of surfacing as a 500 on somebody's first sign-in.
export async function register(): Promise<void> {
  // Next also compiles this file for the edge runtime; only this literal check (not env.ts) lets the
  // bundler drop the Node-only module from that build.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("~/server/startup");
    checkEnvOrExit();
    const { startHoldSweeper } = await import("~/server/hold-sweeper");
    startHoldSweeper();
  }
}
