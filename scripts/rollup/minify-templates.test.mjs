import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyCss, minifyMarkup, minifyTemplates, templateParts } from './minify-templates.mjs';

const transform = (code) => minifyTemplates().transform(code, '/src/x.js')?.code ?? code;

describe('minifyCss', () => {
  it('drops comments and the whitespace around braces, semicolons, commas and after colons', () => {
    const css = `
      /* theme */
      :host {
        --_font: var(--optin-font, system-ui, sans-serif);
        color: red;
      }
      .a > .b, .c :is(.d) { margin: 0 auto; }`;
    assert.equal(
      minifyCss(css).trim(),
      ':host{--_font:var(--optin-font,system-ui,sans-serif);color:red}.a > .b,.c :is(.d){margin:0 auto}',
    );
  });

  it('keeps the spaces calc needs, descendant combinators and quoted strings', () => {
    assert.equal(minifyCss('width: calc(100vw - 16px);').trim(), 'width:calc(100vw - 16px);');
    assert.equal(minifyCss('a :hover{}').trim(), 'a :hover{}');
    assert.equal(minifyCss(`content: "a ,  { b";`).trim(), 'content:"a ,  { b";');
  });
});

describe('minifyMarkup', () => {
  it('folds each line break with its indentation into one space, which HTML renders the same', () => {
    assert.equal(
      minifyMarkup('<div\n    part="x"\n  >\n    <b>a</b> <i>b</i>\n  </div>'),
      '<div part="x" > <b>a</b> <i>b</i> </div>',
    );
  });
});

describe('templateParts', () => {
  it('finds the static parts around expressions, including nested templates and strings', () => {
    const code = 'x`a${ f(`in${"}"}`) }b${ {k: 1}.k }c`;';
    const { parts, end } = templateParts(code, 2);
    assert.deepEqual(
      parts.map(([start, stop]) => code.slice(start, stop)),
      ['a', 'b', 'c'],
    );
    assert.equal(code.slice(end), ';');
  });
});

describe('the rollup transform', () => {
  it('minifies css and html templates and leaves expressions and other strings alone', () => {
    const code =
      'const s = css`\n  .a {\n    color: red;\n  }\n`;\nconst t = html`<p\n  class="x"\n>${ cond ? html`\n  <b>y</b>` : "  keep  " }</p>`;\nconst u = `\n  plain\n`;';
    assert.equal(
      transform(code),
      'const s = css`.a{color:red}`;\nconst t = html`<p class="x" >${ cond ? html` <b>y</b>` : "  keep  " }</p>`;\nconst u = `\n  plain\n`;',
    );
  });

  it('skips modules without tagged templates', () => {
    assert.equal(minifyTemplates().transform('const a = `x  y`;', '/src/a.js'), null);
  });
});
