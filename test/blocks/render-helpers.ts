import type { SlackMessage } from '../../src/blocks/case-message';

/** Every string anywhere in the message, for "never appears" assertions. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(allStrings);
  return [];
}

/** What a reader sees: the fallback and the text of every block, joined. */
export function visibleText(message: SlackMessage): string {
  return allStrings(message).join('\n');
}

type Element = Record<string, unknown> & { action_id?: string };
type Container = { elements?: Element[]; accessory?: Element };

/** The interactive elements of the message, in order. */
export function elementsOf(message: SlackMessage): Element[] {
  return (message.blocks as Container[])
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e) => typeof e.action_id === 'string');
}

export function actionIds(message: SlackMessage): string[] {
  return elementsOf(message).map((e) => e.action_id ?? '');
}
