import { ACTION } from '../../src/blocks/action-ids';
import { PEOPLE, startHarness, type Harness } from '../support/harness';
import { WEBHOOK_SECRET, postWebhook } from '../support/webhook-requests';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ env: { WEBHOOK_SECRET, CASES_CHANNEL_ID: 'C0CASES01' } });
});
afterEach(async () => {
  await h.close();
});

const answered = (responseUrl: string) =>
  h.slack.waitFor(() => h.slack.responses.find((r) => responseUrl.endsWith(r.id)));

async function scrape(): Promise<{ type: string | null; text: string }> {
  const res = await fetch(`${h.url}/metrics`);
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of one sample line, e.g. `case_assign_commands_total{outcome="assigned"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('answers in the Prometheus text format, process metrics included', async () => {
    const { type, text } = await scrape();
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE case_assign_commands_total counter');
    expect(text).toContain('# TYPE case_assign_handling_seconds histogram');
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('counts commands by outcome and times their handling', async () => {
    await answered((await h.command(`CASE-123 <@${PEOPLE.bob.slack}>`)).responseUrl);
    await answered((await h.command('CASE-404 me')).responseUrl);
    await h.command('CASE-123 CASE-124');
    await h.command('help');

    const { text } = await scrape();
    expect(sample(text, 'case_assign_commands_total{outcome="assigned"}')).toBe(1);
    expect(sample(text, 'case_assign_commands_total{outcome="case_not_found"}')).toBe(1);
    expect(sample(text, 'case_assign_commands_total{outcome="usage"}')).toBe(1);
    expect(sample(text, 'case_assign_commands_total{outcome="help"}')).toBe(1);
    expect(sample(text, 'case_assign_handling_seconds_count{kind="command"}')).toBe(4);
  });

  it('counts clicks by action and outcome', async () => {
    const button = { type: 'button', action_id: ACTION.acknowledge, block_id: 'case.actions', value: h.case123.id };
    await answered((await h.click({ actions: [button] })).responseUrl);

    const { text } = await scrape();
    expect(sample(text, `case_assign_clicks_total{action="${ACTION.acknowledge}",outcome="changed"}`)).toBe(1);
    expect(sample(text, 'case_assign_handling_seconds_count{kind="click"}')).toBe(1);
  });

  it('times Coralogix calls by endpoint template and status, never by concrete path', async () => {
    await answered((await h.command('CASE-123 me')).responseUrl);
    await answered((await h.command('CASE-404 me')).responseUrl);

    const { text } = await scrape();
    const series = 'case_assign_coralogix_request_seconds_count';
    expect(sample(text, `${series}{endpoint="POST /cases/assigned/v1/{id}",status="200"}`)).toBe(1);
    expect(sample(text, `${series}{endpoint="POST /cases/assigned/v1/{id}",status="404"}`)).toBe(1);
    expect(sample(text, `${series}{endpoint="POST /cases/cases/v1/{id}/comments",status="200"}`)).toBe(1);
    expect(sample(text, `${series}{endpoint="GET /api/v1/user/team/teammates",status="200"}`)).toBe(1);
    expect(text).not.toContain('CASE-123');
  });

  it('times Slack calls by Web API method, and replies as response_url', async () => {
    await answered((await h.command(`CASE-123 <@${PEOPLE.bob.slack}>`)).responseUrl);

    const { text } = await scrape();
    const series = 'case_assign_slack_request_seconds_count';
    expect(sample(text, `${series}{method="auth.test",status="200"}`)).toBe(1);
    expect(sample(text, `${series}{method="users.info",status="200"}`)).toBe(2);
    expect(sample(text, `${series}{method="response_url",status="200"}`)).toBe(1);
    expect(text).not.toContain('/response/');
  });

  it('counts cache hits and misses of the user lookups', async () => {
    await answered((await h.command('CASE-123 me')).responseUrl);
    await answered((await h.command('CASE-123 me')).responseUrl);

    const { text } = await scrape();
    // alice's profile: fetched once, then remembered.
    expect(sample(text, 'case_assign_cache_total{cache="slack_users",result="miss"}')).toBe(1);
    expect(sample(text, 'case_assign_cache_total{cache="slack_users",result="hit"}')).toBe(1);
    // The directory was read at boot; both commands found alice in it.
    expect(sample(text, 'case_assign_cache_total{cache="team_directory",result="hit"}')).toBe(2);
  });

  it('counts webhooks by outcome', async () => {
    expect((await postWebhook(h.url, { caseId: h.case123.id })).status).toBe(200);
    expect(
      (await postWebhook(h.url, { caseId: h.case123.id }, { authorization: 'Bearer wrong-secret-value' })).status,
    ).toBe(401);

    const { text } = await scrape();
    expect(sample(text, 'case_assign_webhooks_total{outcome="handled"}')).toBe(1);
    expect(sample(text, 'case_assign_webhooks_total{outcome="unauthorized"}')).toBe(1);
    expect(sample(text, 'case_assign_handling_seconds_count{kind="webhook"}')).toBe(2);
  });

  it('counts a webhook Slack refused as refused', async () => {
    h.slack.setNotInChannel('C0CASES01');
    expect((await postWebhook(h.url, { caseId: h.case123.id })).status).toBe(502);

    const { text } = await scrape();
    expect(sample(text, 'case_assign_webhooks_total{outcome="refused"}')).toBe(1);
    expect(text).not.toContain('status_502');
  });

  it('keeps each app its own counts when several run in one process', async () => {
    const other = await startHarness();
    try {
      await answered((await h.command('CASE-123 me')).responseUrl);
      const res = await fetch(`${other.url}/metrics`);
      expect(sample(await res.text(), 'case_assign_commands_total{outcome="assigned"}')).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
