/**
 * Runs a script's main() when the file is executed, not imported (tests import the helpers):
 * its return value is the exit code, and an error prints its message only, without a stack trace.
 */
export function runCli(module: NodeJS.Module, main: (args: string[]) => number): void {
  if (require.main !== module) return;
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
