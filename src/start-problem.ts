/** What went wrong at start, with the way out when it is the usual one: the port is taken. */
export function startProblem(e: unknown): string {
  if ((e as { code?: string }).code === 'EADDRINUSE') {
    return `${(e as Error).message}: another program uses the port; set PORT to a free one (PORT=3100 npm start)`;
  }
  return e instanceof Error ? e.message : String(e);
}
