import { z } from 'zod';

/**
 * Lenient schemas of what Coralogix answers. Every object keeps unknown fields (the API grows) and
 * almost every field is optional: the docs' own example omits "required" fields and holds values
 * its schema forbids, so we validate only what the app reads and default the rest.
 */
const str = z.string();
const kv = z.looseObject({ key: z.string().catch(''), value: z.string().catch('') });
/** An array whose malformed items are dropped rather than failing the whole case. */
const keepValid =
  <T extends z.ZodType>(item: T) =>
  (items: unknown[]): z.output<T>[] =>
    items.flatMap((i) => {
      const r = item.safeParse(i);
      return r.success ? [r.data] : [];
    });
const listOf = <T extends z.ZodType>(item: T) => z.array(z.unknown()).catch([]).transform(keepValid(item));

export const impactedEntitySchema = z.looseObject({
  apmService: z.looseObject({ name: str.optional(), language: str.optional() }).optional(),
  apmDatabase: z.looseObject({ name: str.optional(), system: str.optional() }).optional(),
});

export const alertIndicatorSchema = z.looseObject({
  alertId: str.optional(),
  priority: str.optional(),
  state: str.optional(),
  triggerTime: str.optional(),
  resolveTime: str.optional(),
  permutations: listOf(z.looseObject({ permutation: z.record(z.string(), z.unknown()).optional() })).optional(),
});

export const prometheusAlertSchema = z.looseObject({
  alertName: str.optional(),
  fingerprint: str.optional(),
  generatorUrl: str.optional(),
  labels: z.record(z.string(), z.unknown()).optional(),
  status: z.unknown().optional(),
});

export const prometheusAlertIndicatorSchema = z.looseObject({
  alertGroupId: str.optional(),
  receiver: str.optional(),
  externalUrl: str.optional(),
  alerts: listOf(prometheusAlertSchema).optional(),
});

export const breachedKpiSchema = z.looseObject({
  id: str.optional(),
  kpiType: str.optional(),
  casePriority: str.optional(),
  breachedAt: str.optional(),
  breachStatus: str.optional(),
});

export const caseSchema = z.looseObject({
  id: z.string().min(1),
  // Shown, never acted on: a wrong type costs the readable name, not the whole case.
  readableId: str.optional().catch(undefined),
  title: z.string().catch(''),
  status: z.string().catch('CASE_STATUS_UNSPECIFIED'),
  priority: z.string().catch('CASE_PRIORITY_UNSPECIFIED'),
  priorityDetails: z.looseObject({ system: str.optional(), override: str.optional() }).optional().catch(undefined),
  category: z.string().catch('CASE_CATEGORY_UNSPECIFIED'),
  assignee: z.looseObject({ userId: str.optional() }).optional().catch(undefined),
  createTime: str.optional().catch(undefined),
  updateTime: str.optional().catch(undefined),
  acknowledgeTime: str.optional().catch(undefined),
  duration: str.optional().catch(undefined),
  labels: listOf(kv).default([]),
  groupings: listOf(kv).default([]),
  impactedEntities: listOf(impactedEntitySchema).default([]),
  caseIndicators: z
    .looseObject({
      alertIndicators: listOf(alertIndicatorSchema).default([]),
      prometheusAlertIndicators: listOf(prometheusAlertIndicatorSchema).default([]),
    })
    .optional()
    .catch(undefined),
  kpiBreaches: z
    .looseObject({ breachedKpis: listOf(breachedKpiSchema).default([]) })
    .optional()
    .catch(undefined),
  resolutionDetails: z
    .looseObject({ reason: str.optional(), resolveTime: str.optional(), resolvedBy: z.unknown().optional() })
    .optional()
    .catch(undefined),
  aiSummary: str.optional().catch(undefined),
});

export type Case = z.output<typeof caseSchema>;
export type ImpactedEntity = z.output<typeof impactedEntitySchema>;

export const caseEnvelopeSchema = z.looseObject({ case: caseSchema });

export const deepLinksEnvelopeSchema = z.looseObject({
  deepLinks: z.looseObject({ detail: str.optional() }).optional(),
});

export const teammateSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  username: z.string().catch(''),
  firstName: z.string().optional().catch(undefined),
  lastName: z.string().optional().catch(undefined),
  isActive: z.boolean().optional().catch(undefined),
});
export type Teammate = z.output<typeof teammateSchema>;

/** `data` is required: a directory answer without it is a bad response, not an empty team. */
export const teammatesEnvelopeSchema = z.looseObject({
  data: z.array(z.unknown()).transform(keepValid(teammateSchema)),
});

/** Statuses after which a case takes no more assignment. */
export const FINAL_STATUSES = new Set(['CASE_STATUS_RESOLVED', 'CASE_STATUS_CLOSED']);

export function isFinal(c: Pick<Case, 'status'>): boolean {
  return FINAL_STATUSES.has(c.status);
}

/** The created comment event; only its presence is checked, the app reads nothing from it. */
export const commentEnvelopeSchema = z.looseObject({ event: z.looseObject({ eventId: str.optional() }) });
