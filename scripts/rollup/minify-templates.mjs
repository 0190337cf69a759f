// Minifies the static text of Lit's tagged templates in the script-tag bundle: terser keeps
// template literals byte for byte, so the CSS in `css` and the indentation in `html`/`svg` would
// otherwise ship as written. Only the literal parts change; `${…}` expressions are left alone.
import MagicString from 'magic-string';

const TAG = /\b(css|html|svg)`/g;

/**
 * The [start, end) ranges of a template literal's static parts, and where the literal ends.
 * `open` is the index just after the opening backtick. Expressions may hold strings, comments and
 * nested templates, so braces are counted outside of those.
 */
export function templateParts(code, open) {
  const parts = [];
  let start = open;
  let i = open;
  while (i < code.length) {
    const char = code[i];
    if (char === '\\') i += 2;
    else if (char === '`') {
      parts.push([start, i]);
      return { parts, end: i + 1 };
    } else if (char === '$' && code[i + 1] === '{') {
      parts.push([start, i]);
      i = skipExpression(code, i + 2);
      start = i;
    } else i++;
  }
  throw new Error(`unterminated template literal at ${open}`);
}

/** From just inside `${` to just after its closing `}`. */
function skipExpression(code, from) {
  let depth = 1;
  let i = from;
  while (i < code.length) {
    const char = code[i];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i + 1;
    else if (char === '`') {
      i = templateParts(code, i + 1).end;
      continue;
    } else if (char === '"' || char === "'") {
      i = skipString(code, i);
      continue;
    } else if (char === '/' && code[i + 1] === '/') {
      i = code.indexOf('\n', i);
      continue;
    } else if (char === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i) + 2;
      continue;
    }
    i++;
  }
  throw new Error(`unterminated template expression at ${from}`);
}

function skipString(code, at) {
  const quote = code[at];
  let i = at + 1;
  while (code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * CSS without comments and with only the whitespace it needs. Quoted strings are kept as they
 * are. Spaces around `+`, `-` (calc) and `>` (media ranges) stay, as do spaces between values.
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')/)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/**
 * Markup with each line break and the indentation around it folded into one space: HTML renders
 * both the same outside `<pre>` and `<textarea>` (which our templates do not use).
 */
export function minifyMarkup(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

export function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\b(?:css|html|svg)`/.test(code)) return null;
      const out = new MagicString(code);
      for (const match of code.matchAll(TAG)) {
        const minify = match[1] === 'css' ? minifyCss : minifyMarkup;
        const { parts } = templateParts(code, match.index + match[0].length);
        for (const [start, end] of parts) {
          if (end <= start) continue;
          const text = code.slice(start, end);
          // Trimming is safe for a stylesheet that is all one static part; in markup a leading or
          // trailing space can render (between inline elements), so it stays.
          const minified = minify === minifyCss && parts.length === 1 ? minify(text).trim() : minify(text);
          if (minified !== text) out.update(start, end, minified);
        }
      }
      return { code: out.toString(), map: out.generateMap({ hires: true, source: id }) };
    },
  };
}
