/**
 * Prose of a page, for the language rule, each unit at its own line: every sentence of every
 * paragraph (list items, block quotes and admonition bodies included; code, JSX attributes and
 * expressions left out), every heading, and the translatable front-matter strings. Table cells
 * are read by the language rule itself (it needs the English table to know which cells are prose).
 */
import type { FrontMatter } from '../frontmatter';
import type { ProseUnit } from '../pageModel';
import { squash } from '../text';
import type { MNode, WalkedNode } from './tree';

/** Front-matter values that are prose. */
const PROSE_FRONT_MATTER = new Set(['title', 'description', 'sidebar_label']);

/** An admonition fence (`:::tip`, `:::`, `:::note[Title]`) read as paragraph text: not prose. */
const ADMONITION_FENCE = /:{3,}[\w-]*(?:\[[^\]\n]*\])?/g;

export function extractProse(nodes: readonly WalkedNode[], tableLines: Uint8Array, frontMatter: FrontMatter): ProseUnit[] {
  const out: ProseUnit[] = [];
  for (const { node, line } of nodes) {
    if (node.type === 'heading') {
      const text = squash(inlineText(node).map((p) => p.text).join(''));
      if (text) out.push({ text, line, kind: 'heading' });
    } else if (node.type === 'paragraph' && !tableLines[line]) {
      for (const s of sentences(inlineText(node))) out.push({ ...s, kind: 'sentence' });
    }
  }
  for (const k of frontMatter.keys) {
    if (PROSE_FRONT_MATTER.has(k.key) && typeof k.value === 'string' && k.value.trim()) out.push({ text: k.value, line: k.line, kind: 'meta' });
  }
  return out.sort((a, b) => a.line - b.line);
}

interface Piece {
  text: string;
  line: number;
}

/** The visible text of an inline container, piece by piece with the line each piece starts on; code is a gap. */
function inlineText(node: MNode): Piece[] {
  const out: Piece[] = [];
  const visit = (n: MNode): void => {
    const line = n.position?.start.line ?? 1;
    switch (n.type) {
      case 'text':
        out.push({ text: String(n.value ?? ''), line });
        return;
      case 'inlineCode':
        // a code span is a word of the sentence, never prose: keep its place (a sentence may start with it)
        out.push({ text: CODE, line });
        return;
      case 'break':
        out.push({ text: '\n', line });
        return;
      case 'mdxTextExpression':
      case 'mdxFlowExpression':
      case 'html':
      case 'image':
        return;
      default:
        for (const c of n.children ?? []) visit(c);
    }
  };
  for (const c of node.children ?? []) visit(c);
  return out;
}

/** Stands for a code span while sentences are split. */
const CODE = '\u2060';

/** A sentence ends at `.`, `!`, `?` followed by space and a capital (or an opening quote, `¿`, `¡`, a code span). */
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+(?=[\p{Lu}¿¡"“«(\u2060])/gu;

/** Split a text into sentences (offsets kept). */
export function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    out.push({ text: text.slice(start, end), start });
    start = end;
  }
  out.push({ text: text.slice(start), start });
  return out;
}

/** Split the pieces of a paragraph into sentences, each at the line where it starts. */
function sentences(pieces: readonly Piece[]): Piece[] {
  // one string with the line of every character
  let text = '';
  const lineAt: number[] = [];
  for (const p of pieces) {
    let line = p.line;
    for (const ch of p.text) {
      text += ch;
      for (let i = 0; i < ch.length; i++) lineAt.push(line);
      if (ch === '\n') line++;
    }
  }
  // admonition fences become blanks of the same length, so that offsets keep their lines
  text = text.replace(ADMONITION_FENCE, (m) => ' '.repeat(m.length));
  const out: Piece[] = [];
  for (const s of splitSentences(text)) {
    const raw = s.text.replaceAll(CODE, ' ');
    const lead = raw.length - raw.trimStart().length;
    const t = squash(raw);
    if (t && /\p{L}/u.test(t)) out.push({ text: t, line: lineAt[s.start + lead] ?? pieces[0]?.line ?? 1 });
  }
  return out;
}
