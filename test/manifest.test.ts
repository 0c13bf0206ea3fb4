import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const schemaPath = process.env.SLACK_MANIFEST_SCHEMA;
const manifest = parse(readFileSync(join(__dirname, '..', 'manifest.yml'), 'utf8'));

function validator() {
  // Slack's schema uses non-standard keywords (requires, regex, _note): strict mode would refuse it.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath!, 'utf8')));
}

describe('manifest.yml', () => {
  it('declares /case-assign with escaped mentions and a usage hint', () => {
    const command = manifest.features.slash_commands.find((c: { command: string }) => c.command === '/case-assign');
    expect(command).toMatchObject({ should_escape: true });
    expect(command.usage_hint).toContain('CASE-123');
  });

  it('asks for the scopes the app uses and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['chat:write', 'chat:write.public', 'commands', 'users:read', 'users:read.email'].sort(),
    );
  });

  it('turns interactivity and Socket Mode on', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

if (!schemaPath) {
  console.log('manifest schema check skipped: set SLACK_MANIFEST_SCHEMA to Slack manifest.schema.1.0.0.json');
}

(schemaPath ? describe : describe.skip)("manifest.yml against Slack's manifest schema", () => {
  it('is valid', () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('would report a command without its leading slash (the check can fail)', () => {
    const validate = validator();
    const broken = structuredClone(manifest);
    broken.features.slash_commands[0].command = 'case-assign';
    delete broken.display_information.name;
    expect(validate(broken)).toBe(false);
  });
});
