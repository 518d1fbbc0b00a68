// The process's log: JSON lines (pino) on stdout, one object per event with its
// level and time; readable lines instead with NODE_ENV=development (pino-pretty,
// a development dependency). server.ts and the command lines set the level
// from LOG_LEVEL; tests stay quiet unless LOG_LEVEL is set.
import pino, { DestinationStream, Logger } from 'pino';

export type { Logger };

function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export function createLogger(options: { level: string; pretty?: boolean }, destination?: DestinationStream): Logger {
  const base = {
    level: options.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"info" rather than 30: the lines are read by people and by log tools alike.
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (options.pretty && !destination && prettyAvailable()) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:standard', ignore: 'pid,hostname' } } });
  }
  return destination ? pino(base, destination) : pino(base);
}

/** The levels LOG_LEVEL takes (the configuration checks it against these). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
// Before the configuration is checked: an unknown LOG_LEVEL is reported by that check, not by a crash here.
const defaultLevel = (LOG_LEVELS as readonly string[]).includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL! : process.env.JEST_WORKER_ID ? 'silent' : 'info';

/** The logger every module writes to; replaced at start by one with the configured level. */
export let logger: Logger = createLogger({ level: defaultLevel });

export function useLogger(next: Logger): void {
  logger = next;
}
