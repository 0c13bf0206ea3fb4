import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/**
 * The page's files, read once. They sit beside this module when run with tsx; a build to dist/
 * does not copy them, so the source folder is the fallback.
 */
function staticDir(): string {
  const beside = join(__dirname, 'static');
  return existsSync(beside) ? beside : join(__dirname, '..', '..', 'src', 'playground', 'static');
}

export function loadStaticFiles(): Map<string, { type: string; body: string }> {
  const dir = staticDir();
  const files = new Map<string, { type: string; body: string }>();
  for (const name of ['index.html', 'style.css', 'mrkdwn.js', 'blocks.js', 'page.js']) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))] ?? 'text/plain; charset=utf-8';
    files.set(name === 'index.html' ? '/' : `/${name}`, { type, body: readFileSync(join(dir, name), 'utf8') });
  }
  return files;
}
