import { parseArgs } from 'node:util'
import { commandHelp, commonOptions, type CliIo, type Command } from './command'
import { catalogImportCommand } from './commands/catalog-import'
import { trainCommand } from './commands/train'
import { conversationsCommand } from './commands/conversations'
import { demoDataCommand } from './commands/demo-data'
import { exportCommand } from './commands/export'
import { scoreCommand } from './commands/score'
import { scrubCommand } from './commands/scrub'
import { serveCommand } from './commands/serve'
import { simulateCommand } from './commands/simulate'
import { statusCommand } from './commands/status'

const commands: Command[] = [
  serveCommand,
  statusCommand,
  simulateCommand,
  conversationsCommand,
  scoreCommand,
  scrubCommand,
  exportCommand,
  demoDataCommand,
  catalogImportCommand,
  trainCommand,
]

function mainHelp(): string {
  const rows = commands.map((c) => `  ${c.name.padEnd(16)} ${c.summary.split('\n')[0]}`)
  return `Usage: autodidacta <command> [options]\n\nCommands:\n${rows.join('\n')}\n\nRun "autodidacta <command> --help" for a command's options.\n`
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${mainHelp()}`)
    return 2
  }
  let values: Record<string, string | boolean | undefined>
  try {
    const options = Object.fromEntries(
      Object.entries({ ...command.options, ...commonOptions }).map(([key, spec]) => {
        const { description: _d, valueName: _v, ...parseSpec } = spec
        return [key, parseSpec]
      }),
    )
    values = parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values as typeof values
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${commandHelp(command)}`)
    return 2
  }
  if (values.help) {
    io.stdout.write(commandHelp(command))
    return 0
  }
  return command.run(values, io)
}
