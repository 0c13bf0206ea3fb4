/** The two settings the playground honours; everything else it makes up itself. */
export interface PlaygroundSettings {
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);

/**
 * PORT for the page (default 3000) and LOG_LEVEL for the app (default warn, so the terminal shows
 * the page's address rather than a stream of log lines). Read once, at start, like the config.
 */
export function playgroundSettings(env: NodeJS.ProcessEnv): PlaygroundSettings {
  const port = Number((env.PORT ?? '').trim() || 3000);
  const level = (env.LOG_LEVEL ?? '').trim().toLowerCase();
  return {
    port: Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 3000,
    logLevel: LEVELS.has(level) ? (level as PlaygroundSettings['logLevel']) : 'warn',
  };
}
