import type { types } from '@slack/bolt';
import { isFinal, type Case } from '../coralogix/schemas';
import { enumWords, kpiTypeWords, priorityWords } from './case-words';
import { keyValue, listSection } from './list-section';
import { escapeAndTruncate, link, slackDate } from './mrkdwn';

/** Long AI summaries are cut; the rest is one click away. */
const SUMMARY_MAX = 2500;

/**
 * The sections below the summary fields: what the case is about. Each is left out when Coralogix
 * sent nothing for it, so a sparse case stays a short message.
 */
export function caseDetails(c: Case, link: string | undefined, suffix: string): types.KnownBlock[] {
  const id = (name: string) => `case.${name}${suffix}`;
  const sections = [
    listSection(
      'Labels',
      c.labels.map((l) => keyValue(l.key, l.value)),
      id('labels'),
    ),
    listSection(
      'Groupings',
      c.groupings.map((g) => keyValue(g.key, g.value)),
      id('groupings'),
    ),
    listSection('Impacted', impactedLines(c), id('impacted')),
    listSection('Alerts', alertLines(c), id('alerts')),
    listSection('SLA breaches', kpiLines(c), id('kpis')),
    summarySection(c.aiSummary, link, id('ai_summary')),
    resolutionSection(c, id('resolution')),
  ];
  return sections.filter((s) => s !== undefined);
}

function impactedLines(c: Case): string[] {
  return c.impactedEntities.flatMap((e) => {
    const lines: string[] = [];
    if (e.apmService) lines.push(entityLine('service', e.apmService.name, e.apmService.language));
    if (e.apmDatabase) lines.push(entityLine('database', e.apmDatabase.name, e.apmDatabase.system));
    return lines;
  });
}

function entityLine(kind: string, name: string | undefined, detail: string | undefined): string {
  return `${kind} ${name || '(unnamed)'}${detail ? ` (${detail})` : ''}`;
}

/** A count with states and priorities first, then each alert's permutations and Prometheus names. */
function alertLines(c: Case): string[] {
  const alerts = c.caseIndicators?.alertIndicators ?? [];
  const prometheus = (c.caseIndicators?.prometheusAlertIndicators ?? []).flatMap((p) => p.alerts ?? []);
  const lines: string[] = [];
  if (alerts.length > 0) {
    const states = distinct(alerts.map((a) => enumWords(a.state, 'INDICATOR_STATE_').toLowerCase()));
    const priorities = distinct(alerts.map((a) => priorityWords(a.priority)).filter((p) => p !== 'Unknown'));
    const parts = [`${alerts.length} alert${alerts.length === 1 ? '' : 's'}`, states.join(', '), priorities.join(', ')];
    lines.push(parts.filter((p) => p && p !== 'unknown').join(' · '));
  }
  for (const a of alerts) {
    for (const p of a.permutations ?? []) {
      const pairs = Object.entries(p.permutation ?? {}).map(([k, v]) => keyValue(k, v).replace(': ', '='));
      if (pairs.length > 0) lines.push(pairs.join(', '));
    }
  }
  for (const p of prometheus) if (p.alertName) lines.push(`Prometheus: ${p.alertName}`);
  return lines;
}

function kpiLines(c: Case): string[] {
  return (c.kpiBreaches?.breachedKpis ?? []).map((k) => {
    const status = k.breachStatus ? enumWords(k.breachStatus, 'BREACH_STATUS_').toLowerCase() : 'breached';
    return `${kpiTypeWords(k.kpiType)}: ${status}`;
  });
}

function summarySection(summary: string | undefined, url: string | undefined, blockId: string) {
  if (!summary?.trim()) return undefined;
  const marker = url ? `…(cut; ${link(url, 'full text in Coralogix')})` : '…(cut; full text in Coralogix)';
  // A marker longer than the room for it (a hostile link) falls back to the plain one.
  const fits = marker.length < 400 ? marker : '…(cut; full text in Coralogix)';
  const text = `*AI summary*\n${escapeAndTruncate(summary.trim(), SUMMARY_MAX, fits)}`;
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text } } satisfies types.SectionBlock;
}

function resolutionSection(c: Case, blockId: string): types.SectionBlock | undefined {
  const { reason, resolveTime } = c.resolutionDetails ?? {};
  if (!isFinal(c) || (!reason && !resolveTime)) return undefined;
  const when = slackDate(resolveTime);
  const text = `*Resolution*\n${reason ? escapeAndTruncate(reason, 1500) : 'No reason given'}${when ? ` · ${when}` : ''}`;
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text } };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
