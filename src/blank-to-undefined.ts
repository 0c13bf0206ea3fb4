/**
 * For zod's preprocess: a blank string means "not given". An env file's `NAME=` and a notification
 * template that renders a missing variable as "" both mean absent, not empty.
 */
export const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
