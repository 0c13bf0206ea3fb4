// Slack mrkdwn to DOM nodes. Every piece of text becomes a text node (textContent), never HTML:
// whatever a case title or a user typed cannot inject markup into the page.

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** Slack sends `&`, `<` and `>` as entities; shown as the characters they stand for. */
export function decodeEntities(text) {
  return text.replace(/&(lt|gt|amp);/g, (entity) => ENTITIES[entity]);
}

/** Renders mrkdwn into `parent`. `people` turns `<@U…>` into "@Real Name". */
export function appendMrkdwn(parent, text, people) {
  // Control sequences are the only place a literal `<` appears; everything else came escaped.
  const parts = text.split(/(<[^<>]*>)/);
  for (const part of parts) {
    if (part.startsWith('<') && part.endsWith('>')) parent.append(controlSequence(part.slice(1, -1), people));
    else appendFormatted(parent, part);
  }
}

/** `<@U…>`, `<#C…|name>`, `<!date^…>`, `<!here>`, `<url|label>`. */
function controlSequence(inner, people) {
  const [target, label] = splitOnce(inner, '|');
  if (target.startsWith('@')) {
    const person = people.find((p) => p.id === target.slice(1));
    return pill('mention', `@${person ? person.realName : label || target.slice(1)}`);
  }
  if (target.startsWith('#')) return pill('mention', `#${label || target.slice(1)}`);
  if (target.startsWith('!date^')) return dateToken(target, label);
  if (target.startsWith('!')) return pill('mention', `@${(label || target.slice(1)).replace(/^@/, '')}`);
  const href = decodeEntities(target);
  if (!/^(https?:|mailto:)/i.test(href)) return document.createTextNode(decodeEntities(label || target));
  const a = document.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = decodeEntities(label || target);
  return a;
}

/** Bold, italic, strike and code inside plain text; line breaks kept. */
function appendFormatted(parent, text) {
  const pattern = /(```[\s\S]+?```|`[^`\n]+`|\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)/;
  for (const piece of text.split(pattern)) {
    if (piece === '') continue;
    const styled = styleFor(piece);
    if (!styled) {
      appendLines(parent, decodeEntities(piece));
      continue;
    }
    const el = document.createElement(styled.tag);
    appendFormatted(el, piece.slice(styled.mark, -styled.mark));
    parent.append(el);
  }
}

function styleFor(piece) {
  if (piece.startsWith('```') && piece.endsWith('```') && piece.length > 6) return { tag: 'pre', mark: 3 };
  const tags = { '`': 'code', '*': 'strong', _: 'em', '~': 's' };
  const first = piece[0];
  if (piece.length > 2 && tags[first] && piece.endsWith(first)) return { tag: tags[first], mark: 1 };
  return undefined;
}

function appendLines(parent, text) {
  text.split('\n').forEach((line, i) => {
    if (i > 0) parent.append(document.createElement('br'));
    if (line) parent.append(document.createTextNode(line));
  });
}

function pill(kind, text) {
  const span = document.createElement('span');
  span.className = kind;
  span.textContent = text;
  return span;
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** `<!date^1700000000^{date_short_pretty} at {time}|fallback>` in the reader's own time zone. */
function dateToken(target, fallback) {
  const [, epoch, format = '{date_short} {time}'] = target.split('^');
  const when = new Date(Number(epoch) * 1000);
  if (!Number.isFinite(when.getTime())) return document.createTextNode(decodeEntities(fallback));
  const span = document.createElement('time');
  span.dateTime = when.toISOString();
  span.title = `${when.toString()} (fallback: ${decodeEntities(fallback)})`;
  span.textContent = format.replace(/\{(\w+)\}/g, (token, name) => formatDate(when, name) ?? token);
  return span;
}

function formatDate(when, name) {
  const pretty = name.endsWith('_pretty') ? relativeDay(when) : undefined;
  switch (name.replace(/_pretty$/, '')) {
    case 'date_num':
      return when.toLocaleDateString('sv-SE');
    case 'date_short':
      return pretty ?? when.toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
    case 'date':
      return pretty ?? when.toLocaleDateString(undefined, { month: 'long', day: 'numeric', year: 'numeric' });
    case 'date_long':
      return (
        pretty ??
        when.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })
      );
    case 'time':
      return when.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
    case 'time_secs':
      return when.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
    default:
      return undefined;
  }
}

/** Slack's "pretty" dates say today, yesterday or tomorrow when they can. */
function relativeDay(when) {
  const day = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const diff = Math.round((day(when) - day(new Date())) / 86_400_000);
  return { '-1': 'Yesterday', 0: 'Today', 1: 'Tomorrow' }[diff];
}
