/**
 * One hunk of the English changes: a table of its lines with their line numbers then and now,
 * removed lines in `<del>`, added ones in `<ins>`, the changed words of a replaced line in bold.
 */
import React, { type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import Heading from '@theme/Heading';
import type { ChangeHunk, ChangeLine } from '@site/plugins/translation-status/shared';
import VisuallyHidden from '@site/src/components/VisuallyHidden';
import styles from './styles.module.css';

function Segments({ line }: { line: ChangeLine }): ReactNode {
  return line.segments.map((s, i) => (s.changed ? <strong key={i} className={styles.word}>{s.text}</strong> : <React.Fragment key={i}>{s.text}</React.Fragment>));
}

function Text({ line }: { line: ChangeLine }): ReactNode {
  switch (line.kind) {
    case '-':
      return (
        <del>
          <VisuallyHidden>{translate({ id: 'translationChanges.removed', message: 'Removed:', description: 'Read by screen readers before a line removed from the English page' })} </VisuallyHidden>
          <Segments line={line} />
        </del>
      );
    case '+':
      return (
        <ins>
          <VisuallyHidden>{translate({ id: 'translationChanges.added', message: 'Added:', description: 'Read by screen readers before a line added to the English page' })} </VisuallyHidden>
          <Segments line={line} />
        </ins>
      );
    default:
      return <Segments line={line} />;
  }
}

const KIND_CLASS = { ' ': undefined, '-': styles.removed, '+': styles.added } as const;
const SIGN = { ' ': ' ', '-': '−', '+': '+' } as const;

export default function DiffHunk({ hunk, index }: { hunk: ChangeHunk; index: number }): ReactNode {
  const nameId = `change-${index + 1}`;
  const last = hunk.newStart + hunk.newCount - 1;
  const heading =
    hunk.newCount === 0
      ? translate({ id: 'translationChanges.hunkAt', message: 'After line {line} of the English page', description: 'Heading of a block of lines removed from the English page' }, { line: hunk.newStart })
      : translate({ id: 'translationChanges.hunk', message: 'Lines {from}–{to} of the English page', description: 'Heading of a block of changes: its lines in the current English page' }, { from: hunk.newStart, to: last });
  return (
    <section className={styles.hunk} aria-labelledby={nameId}>
      <Heading as="h2" id={nameId}>
        {heading}
      </Heading>
      <table className={styles.diff} aria-labelledby={nameId}>
        <colgroup>
          <col className={styles.numberCol} />
          <col className={styles.numberCol} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="translationChanges.column.then" description="Column header: line number in the English page at the last sync">
                Then
              </Translate>
            </th>
            <th scope="col">
              <Translate id="translationChanges.column.now" description="Column header: line number in the current English page">
                Now
              </Translate>
            </th>
            <th scope="col">
              <Translate id="translationChanges.column.text" description="Column header: the text of a line of the English page">
                Text
              </Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {hunk.lines.map((line, i) => (
            <tr key={i} className={KIND_CLASS[line.kind]}>
              <td className={styles.number}>{line.oldLine ?? ''}</td>
              <td className={styles.number}>{line.newLine ?? ''}</td>
              <td className={styles.text}>
                <span aria-hidden="true" className={styles.sign}>
                  {SIGN[line.kind]}
                </span>
                <Text line={line} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
