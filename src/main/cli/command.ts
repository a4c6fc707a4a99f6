import type { ParseArgsConfig } from 'node:util'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { description: string; valueName?: string }

export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  env: Record<string, string | undefined>
}

export interface Command {
  name: string
  summary: string
  options: Record<string, OptionSpec>
  /** Resolves to the exit code; long-running commands resolve when they stop. */
  run(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number>
}

/** Options every command takes. */
export const commonOptions: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', valueName: 'DIR', description: 'Data folder (default: $AUTODIDACTA_DATA_DIR, else the desktop app\'s)' },
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
}

export function commandHelp(command: Command): string {
  const all = { ...command.options, ...commonOptions }
  const rows = Object.entries(all).map(([name, spec]) => {
    const flag = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`
    return `  ${flag.padEnd(28)} ${spec.description}`
  })
  return `Usage: autodidacta ${command.name} [options]\n\n${command.summary}\n\nOptions:\n${rows.join('\n')}\n`
}

/** Output meant for programs goes to stdout as one JSON document per line. */
export function writeJsonLine(io: CliIo, value: unknown): void {
  io.stdout.write(JSON.stringify(value) + '\n')
}
