// The fast reader must agree with the `yaml` library on everything it accepts, and refuse the rest.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { readPlainYaml } from '../../src/pack/plain-yaml.ts';
import { parseSource, SourceFile } from '../../src/pack/source.ts';
import type { PathSegment } from '../../src/core/index.ts';
import { MINIMAL_PACK, SAMPLE_PACK } from './fixture-pack.ts';

const ERROR = Symbol('yaml error');

/** What the full parser makes of `text` (with the loader's options), or ERROR. */
function reference(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, schema: 'core', merge: false, resolveKnownTags: false, prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return ERROR;
  return doc.toJS({ maxAliasCount: -1 }) as unknown;
}

/** The property: whatever the fast reader accepts, the full parser reads identically. */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === null) return true;
  const ref = reference(text);
  expect(ref, `fast reader accepted what yaml rejects:\n${text}`).not.toBe(ERROR);
  expect(fast.value, text).toStrictEqual(ref);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('real rule files', () => {
  test('every fixture file is read by the fast reader, with the same result', () => {
    for (const file of yamlFiles(MINIMAL_PACK)) {
      const text = readFileSync(file, 'utf8');
      expect(readPlainYaml(text), file).not.toBeNull();
      agrees(text);
    }
  });

  test('the sample pack reads the same either way', () => {
    for (const file of yamlFiles(SAMPLE_PACK)) agrees(readFileSync(file, 'utf8'));
  });
});

describe('accepted, and equal to the yaml library', () => {
  test.each([
    ['nested maps and lists', 'a:\n  b: 1\n  c:\n    - x\n    - y: 2\n      z: [1, 2]\nd: null\n'],
    ['a list at the same indent as its key', 'a:\n- 1\n- b: 2\n  c: 3\nd: 4\n'],
    ['compact nested lists', '- - a\n  - b\n- - c\n'],
    ['empty values', 'a:\nb: ~\nc: []\nd: {}\ne:\n  -\n  - 1\n'],
    ['core schema scalars', 'a: [true, False, TRUE, yes, no, on, 0o17, 017, 0x1F, +12, -0, 1.5, .5, 5., 1e3, -1.5E-2, .inf, -.Inf, .nan, 1_000, 2026-10-01, 08:30-12:00]\n'],
    ['null spellings', 'a: [~, null, Null, NULL, nul]\n'],
    ['quotes and escapes', `a: "x\\ty \\"q\\" \\u4e2d\\x41 \\\\ #1"\nb: 'it''s # not a comment'\nc: "  spaced  "\n`],
    ['comments everywhere', '# top\na: 1 # one\n  # indented comment\nb: # empty\n  - x # item\n\n# end\n'],
    ['Chinese text with full-width spaces and colons', 'name: 临时救助：申请\u3000\nnote: 地址:人民路 1 号\n'],
    ['literal block scalars', 'a: |\n  line 1\n\n  line 3\n    indented\nb: |-\n  stripped\nc: |+\n  kept\n\n\nd: 1\n'],
    ['folded block scalars', 'a: >\n  one\n  two\n\n  three\nb: >-\n  x\n  y\n'],
    ['a block scalar in a list', '- |\n  text\n- >-\n  folded\n  text\n'],
    ['flow collections', 'a: { b: [1, "two", \'three\'], c: { d: x y z } }\nb: [ ]\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['a plain value with a colon not followed by a space', 'url: http://example.com/a:b\n'],
    ['plain values with brackets inside', 'a: x[1] {y}\n'],
  ])('%s', (_label, text) => {
    const fast = readPlainYaml(text);
    expect(fast).not.toBeNull();
    expect(fast!.value).toStrictEqual(reference(text));
  });
});

describe('left to the full parser', () => {
  test.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['document markers', '---\na: 1\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['a reserved key', '__proto__: 1\n'],
    ['a Chinese key', '名称: x\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key that is not text in the core schema', 'true: 1\n'],
    ['a multi-line plain value', 'a: one\n  two\n'],
    ['a multi-line quoted value', 'a: "one\n  two"\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['a value with ": " (an error)', 'a: b: c\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a block scalar with an indentation digit', 'a: |2\n   x\n'],
    ['a folded scalar with more-indented lines', 'a: >\n  x\n    y\n'],
    ['an over-indented line (an error)', 'a: 1\n  b: 2\n'],
    ['an unclosed quote (an error)', 'a: "x\n'],
    ['a trailing comma in a flow list', 'a: [1, 2, ]\n'],
    ['a dash before a flow indicator (an error)', '{a: -}\n'],
    ['nesting deeper than 64', `a: ${'['.repeat(64)}${']'.repeat(64)}\n`],
    ['a lone surrogate', 'a: \ud800\n'],
    ['a control character', 'a: x\u0007\n'],
    ['a root that is indented', '  a: 1\n'],
  ])('%s', (_label, text) => {
    expect(readPlainYaml(text)).toBeNull();
  });
});

// Generated documents: yaml's own output in many styles, then the same with random slips.
const KEYS = fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,6}$/);
const TEXT_UNITS = ['a', 'b', ' ', '-', ':', '#', "'", '"', '\\', '1', '0', '.', 'e', ',', '[', '{', '|', '>', '&', '*', '!', '?', '%', '中', '文', '\u3000', 't', 'n', '~', '\n'];
const TEXT = fc.string({ unit: fc.constantFrom(...TEXT_UNITS), maxLength: 12 });
const SCALAR = fc.oneof(TEXT, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constantFrom('true', 'null', '0x1F', '1e3', '.inf', '08:30', '2026-10-01'));
const { value: VALUE } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, SCALAR, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(KEYS, tie('value'), { maxKeys: 4 })),
}));
const STYLE = fc.record({
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 80),
  flowCollectionPadding: fc.boolean(),
});
type Style = { defaultStringType: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'; collectionStyle: 'any' | 'block' | 'flow'; indent: number; indentSeq: boolean; lineWidth: number; flowCollectionPadding: boolean };
const RICH = fc.tuple(fc.dictionary(KEYS, VALUE, { minKeys: 1, maxKeys: 5 }), STYLE).map(([value, style]) => stringify(value, style as Style));
// Documents mostly inside the subset (block style, one-line values), so slips land on the fast path.
const SIMPLE_TEXT = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', ':', '#', "'", '1', '.', ',', '中', '文', '\u3000', 't', 'x'), minLength: 1, maxLength: 10 });
const { value: SIMPLE } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, SIMPLE_TEXT, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(KEYS, tie('value'), { maxKeys: 3 })),
}));
const SUBSET = fc
  .tuple(fc.dictionary(KEYS, SIMPLE, { minKeys: 1, maxKeys: 5 }), fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'), fc.constantFrom('block', 'any'), fc.boolean())
  .map(([value, defaultStringType, collectionStyle, indentSeq]) => stringify(value, { defaultStringType, defaultKeyType: 'PLAIN', collectionStyle, indentSeq, lineWidth: 0 }));
const DOCUMENT = fc.oneof(RICH, SUBSET);
const SLIP = fc.constantFrom(' ', '  ', '-', '- ', ':', ': ', '#', ' #', "'", '"', '\n', '\n  ', '[', ']', '{', '}', ',', '|', '>', '&a ', '*a', '!', '? ', 'x', '1', '\\', '\t');

// Token soup: short documents built from YAML's significant pieces, one line or several.
const TOKENS = ['{', '}', '[', ']', ',', ' ', '  ', ':', ': ', '-', '- ', '?', '? ', 'a', 'b1', 'k:', '"x"', "'y'", "''", '""', '#', ' #c', '.5', 'null', '~', 'true', '0x1', '-1', '|', '|-', '>', '>+', '"\\t"', '"\\q"', "'a''b'", '中', '\u3000', 'x y', 'a:b', '8:30', '&a', '*a', '!t', '%', '@', '`', '---', '...'];
const SOUP = fc.array(fc.constantFrom(...TOKENS, '\n', '\n  ', '\n- '), { minLength: 1, maxLength: 14 }).map((t) => t.join(''));
const SOUP_DOCUMENT = fc.oneof(SOUP, SOUP.map((s) => `k: ${s}\n`), SOUP.map((s) => `k:\n  ${s}\n`), SOUP.map((s) => `- ${s}\n`), SOUP.map((s) => `a:\n  b: ${s}\nc: 1\n`));
const SOUP_LINES = fc
  .array(fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    ', '      '), fc.array(fc.constantFrom(...TOKENS), { maxLength: 5 })), { minLength: 1, maxLength: 6 })
  .map((lines) => lines.map(([indent, t]) => indent + t.join('')).join('\n') + '\n');

describe('generated documents', () => {
  test('token soup: one-line and multi-line', () => {
    fc.assert(fc.property(SOUP_DOCUMENT, agrees), { numRuns: 20_000 });
    fc.assert(fc.property(SOUP_LINES, agrees), { numRuns: 20_000 });
  });

  test('yaml output in every style reads the same', () => {
    fc.assert(fc.property(DOCUMENT, agrees), { numRuns: 1500 });
  });

  test('with random slips, the fast reader never accepts what yaml rejects or reads differently', () => {
    const mutated = fc
      .tuple(DOCUMENT, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), SLIP), { minLength: 1, maxLength: 3 }))
      .map(([text, edits]) => {
        let out = text;
        for (const [at, remove, insert] of edits) {
          const i = out.length === 0 ? 0 : at % out.length;
          out = out.slice(0, i) + insert + out.slice(i + remove);
        }
        return out;
      });
    fc.assert(fc.property(mutated, agrees), { numRuns: 4000 });
  });

  test('slips in real rule files never make the two disagree', () => {
    const files = [...yamlFiles(MINIMAL_PACK), ...yamlFiles(SAMPLE_PACK)].map((f) => readFileSync(f, 'utf8'));
    const slipped = fc
      .tuple(fc.constantFrom(...files), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), SLIP), { minLength: 1, maxLength: 3 }))
      .map(([text, edits]) => {
        let out = text;
        for (const [at, remove, insert] of edits) {
          const i = at % out.length;
          out = out.slice(0, i) + insert + out.slice(i + remove);
        }
        return out;
      });
    fc.assert(fc.property(slipped, agrees), { numRuns: 1500 });
  });

  test('the fast reader takes most plain block documents', () => {
    const plain = fc
      .dictionary(KEYS, fc.oneof(fc.stringMatching(/^[a-z中文][a-z中文 ]{0,8}[a-z中文]$/), fc.integer(), fc.array(fc.stringMatching(/^[a-z]{1,5}$/), { maxLength: 3 })), { minKeys: 1 })
      .map((v) => stringify(v));
    fc.assert(
      fc.property(plain, (text) => {
        expect(readPlainYaml(text), text).not.toBeNull();
        return agrees(text);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every path into `data`, with a child that does not exist under each collection. */
function allPaths(data: unknown, at: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(at);
  if (Array.isArray(data)) {
    data.forEach((v, i) => allPaths(v, [...at, i], out));
    out.push([...at, data.length], [...at, 'x']);
  } else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) allPaths(v, [...at, k], out);
    out.push([...at, 'missing-key'], [...at, 0]);
  }
  return out;
}

function valueAt(data: unknown, p: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of p) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[String(seg)] : undefined;
  return v;
}

/** Locations from the fast reader's positions are those the full parser's tree gives. */
function locatesAlike(text: string, withoutTree = false): boolean {
  const parsed = parseSource('t.yaml', new TextEncoder().encode(text));
  if (!parsed.ok) return true;
  const full = new SourceFile('t.yaml', text, parsed.source.data);
  for (const p of allPaths(parsed.source.data)) {
    expect(parsed.source.locate(p), `${JSON.stringify(p)} in\n${text}`).toEqual(full.locate(p));
    if (p.length > 0) expect(parsed.source.locate(p, true), `key of ${JSON.stringify(p)} in\n${text}`).toEqual(full.locate(p, true));
  }
  // The point of the positions: a real rule file is located without building the node tree.
  // (An empty value, `key:` with nothing, is left to the tree.)
  if (withoutTree && readPlainYaml(text) !== null && !allPaths(parsed.source.data).some((p) => valueAt(parsed.source.data, p) === null)) {
    expect(Reflect.get(parsed.source, 'tree'), text.slice(0, 80)).toBeNull();
  }
  return true;
}

// Located messages and traces come from the fast reader's positions (no second parse of every
// file at load): they must be exactly where the full parser puts them.
describe('locations without the full parser', () => {
  test('every real rule file: each value and key is located as the full parser locates it', () => {
    for (const file of [...yamlFiles(MINIMAL_PACK), ...yamlFiles(SAMPLE_PACK)]) locatesAlike(readFileSync(file, 'utf8'), true);
  });

  test('generated documents and slipped real files', () => {
    fc.assert(fc.property(DOCUMENT, (t) => locatesAlike(t)), { numRuns: 400 });
    const files = [...yamlFiles(MINIMAL_PACK), ...yamlFiles(SAMPLE_PACK)].map((f) => readFileSync(f, 'utf8'));
    const slipped = fc
      .tuple(fc.constantFrom(...files), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), SLIP), { minLength: 1, maxLength: 3 }))
      .map(([text, edits]) => {
        let out = text;
        for (const [at, remove, insert] of edits) {
          const i = at % out.length;
          out = out.slice(0, i) + insert + out.slice(i + remove);
        }
        return out;
      });
    fc.assert(fc.property(slipped, (t) => locatesAlike(t)), { numRuns: 100 });
  });
});
