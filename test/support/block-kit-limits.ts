/**
 * An offline Block Kit checker: the structure and limits Slack enforces (slack-platform.md §6.1),
 * for the block types and elements this app sends. Slack has no offline validator, so renderer
 * tests and the fake Slack server both ask this one. Lengths are counted in UTF-16 units, which is
 * never less than Slack's character count, so a pass here is a pass there.
 */
type Surface = 'message' | 'modal';
type Report = (path: string, problem: string) => void;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Slack warns above 4,000 characters of `text` and truncates above 40,000; only the latter breaks. */
const TEXT_HARD_LIMIT = 40_000;

export function blockKitViolations(
  message: { text?: unknown; blocks?: unknown },
  surface: Surface = 'message',
): string[] {
  const out: string[] = [];
  const report: Report = (path, problem) => out.push(`${path}: ${problem}`);

  if (typeof message.text !== 'string' || message.text.trim() === '') report('text', 'missing fallback text');
  else if (message.text.length > TEXT_HARD_LIMIT) report('text', `longer than ${TEXT_HARD_LIMIT}`);

  if (message.blocks === undefined) return out;
  if (!Array.isArray(message.blocks)) return [...out, 'blocks: not an array'];
  const maxBlocks = surface === 'modal' ? 100 : 50;
  if (message.blocks.length > maxBlocks) report('blocks', `more than ${maxBlocks} blocks`);

  const blockIds = new Set<string>();
  message.blocks.forEach((block: unknown, i) => {
    const path = `blocks/${i}`;
    if (!isObj(block)) return report(path, 'not an object');
    if (block.block_id !== undefined) {
      checkId(report, `${path}/block_id`, block.block_id);
      if (typeof block.block_id === 'string' && blockIds.has(block.block_id)) report(`${path}/block_id`, 'duplicate');
      if (typeof block.block_id === 'string') blockIds.add(block.block_id);
    }
    checkBlock(report, path, block, surface);
  });
  return out;
}

function checkBlock(report: Report, path: string, block: Obj, surface: Surface): void {
  switch (block.type) {
    case 'header':
      return checkText(report, `${path}/text`, block.text, { max: 150, plainOnly: true });
    case 'section':
      return checkSection(report, path, block);
    case 'context':
      return checkList(report, `${path}/elements`, block.elements, 10, (p, e) => checkContextElement(report, p, e));
    case 'actions':
      return checkActions(report, path, block);
    case 'divider':
      return;
    case 'input':
      if (surface !== 'modal') return report(`${path}/type`, 'input blocks belong in modals');
      checkText(report, `${path}/label`, block.label, { max: 2000, plainOnly: true });
      if (block.hint !== undefined) checkText(report, `${path}/hint`, block.hint, { max: 2000, plainOnly: true });
      return checkElement(report, `${path}/element`, block.element);
    default:
      return report(`${path}/type`, `unknown block type ${JSON.stringify(block.type)}`);
  }
}

function checkSection(report: Report, path: string, block: Obj): void {
  if (block.text === undefined && block.fields === undefined) return report(path, 'needs text or fields');
  if (block.text !== undefined) checkText(report, `${path}/text`, block.text, { max: 3000 });
  if (block.fields !== undefined) {
    checkList(report, `${path}/fields`, block.fields, 10, (p, f) => checkText(report, p, f, { max: 2000 }));
  }
  if (block.accessory !== undefined) checkElement(report, `${path}/accessory`, block.accessory);
}

function checkActions(report: Report, path: string, block: Obj): void {
  const actionIds = new Set<string>();
  checkList(report, `${path}/elements`, block.elements, 25, (p, element) => {
    checkElement(report, p, element);
    if (!isObj(element) || typeof element.action_id !== 'string') return;
    if (actionIds.has(element.action_id)) report(`${p}/action_id`, 'duplicate within the block');
    actionIds.add(element.action_id);
  });
}

function checkContextElement(report: Report, path: string, element: unknown): void {
  if (isObj(element) && element.type === 'image') {
    checkString(report, `${path}/image_url`, element.image_url, 3000);
    return checkString(report, `${path}/alt_text`, element.alt_text, 2000);
  }
  checkText(report, path, element, {});
}

function checkElement(report: Report, path: string, element: unknown): void {
  if (!isObj(element)) return report(path, 'not an object');
  if (element.action_id !== undefined) checkId(report, `${path}/action_id`, element.action_id);
  if (element.confirm !== undefined) checkConfirm(report, `${path}/confirm`, element.confirm);
  switch (element.type) {
    case 'button':
      checkText(report, `${path}/text`, element.text, { max: 75, plainOnly: true });
      if (element.value !== undefined) checkString(report, `${path}/value`, element.value, 2000);
      if (element.url !== undefined) checkString(report, `${path}/url`, element.url, 3000);
      if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
        report(`${path}/style`, 'must be primary or danger');
      }
      return;
    case 'overflow':
      return checkOptions(report, `${path}/options`, element.options, 2, 5);
    case 'static_select':
      checkPlaceholder(report, path, element);
      return checkOptions(report, `${path}/options`, element.options, 1, 100);
    case 'users_select':
    case 'multi_users_select':
    case 'conversations_select':
    case 'plain_text_input':
      return checkPlaceholder(report, path, element);
    default:
      return report(`${path}/type`, `unknown element type ${JSON.stringify(element.type)}`);
  }
}

function checkPlaceholder(report: Report, path: string, element: Obj): void {
  if (element.placeholder === undefined) return;
  checkText(report, `${path}/placeholder`, element.placeholder, { max: 150, plainOnly: true });
}

function checkOptions(report: Report, path: string, options: unknown, min: number, max: number): void {
  if (Array.isArray(options) && options.length < min) report(path, `fewer than ${min} options`);
  checkList(report, path, options, max, (p, option) => {
    if (!isObj(option)) return report(p, 'not an object');
    checkText(report, `${p}/text`, option.text, { max: 75, plainOnly: true });
    checkString(report, `${p}/value`, option.value, 150);
    if (option.url !== undefined) checkString(report, `${p}/url`, option.url, 3000);
  });
}

function checkConfirm(report: Report, path: string, confirm: unknown): void {
  if (!isObj(confirm)) return report(path, 'not an object');
  checkText(report, `${path}/title`, confirm.title, { max: 100, plainOnly: true });
  checkText(report, `${path}/text`, confirm.text, { max: 300 });
  checkText(report, `${path}/confirm`, confirm.confirm, { max: 30, plainOnly: true });
  checkText(report, `${path}/deny`, confirm.deny, { max: 30, plainOnly: true });
}

function checkText(report: Report, path: string, value: unknown, opts: { max?: number; plainOnly?: boolean }): void {
  if (!isObj(value)) return report(path, 'missing text object');
  const allowed = opts.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (!allowed.includes(value.type as string)) report(`${path}/type`, `must be ${allowed.join(' or ')}`);
  // Problems of the string are reported at the text object itself: "blocks/3/text: longer than 3000".
  checkString(report, path, value.text, opts.max);
}

function checkString(report: Report, path: string, value: unknown, max?: number): void {
  if (typeof value !== 'string' || value.trim() === '') return report(path, 'empty');
  if (max !== undefined && value.length > max) report(path, `longer than ${max}`);
}

function checkId(report: Report, path: string, value: unknown): void {
  checkString(report, path, value, 255);
}

function checkList(report: Report, path: string, list: unknown, max: number, each: (p: string, v: unknown) => void) {
  if (!Array.isArray(list) || list.length === 0) return report(path, 'empty');
  if (list.length > max) report(path, `more than ${max}`);
  list.forEach((item: unknown, i) => each(`${path}/${i}`, item));
}
