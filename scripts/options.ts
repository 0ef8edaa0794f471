import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * A script's options from the command line; for one it does not know, or a value missing, the
 * problem and the script's usage on stderr and exit code 2, instead of a stack trace.
 */
export function parseOptions<T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}
