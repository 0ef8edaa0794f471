import { type ParseArgsConfig, parseArgs } from 'node:util';

/** Ends a script that was called wrongly: the problem, the script's usage, on stderr, and the exit code. */
export function exitWithUsage(problem: string, usage: string, code = 2): never {
  console.error(`${problem}\n\n${usage}`);
  process.exit(code);
}

/**
 * A script's options from the command line; for one it does not know, or a value missing, the
 * problem and the script's usage on stderr and exit code 2, instead of a stack trace.
 */
export function parseOptions<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return exitWithUsage(error instanceof Error ? error.message : String(error), usage);
  }
}
