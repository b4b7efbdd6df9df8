/**
 * The facts of one field, on one line: allowed values, default, ranges (`≥ 1`, `length ≤ 1000`,
 * numbers in the page's locale, with the tree's one formatter), format, pattern, unique items.
 * Nothing when it has none.
 */
import React, { type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { rangeText, type FieldNode, type FieldRange } from '@site/src/lib/api/fieldTree';
import styles from './styles.module.css';

function rangeLabel(r: FieldRange, text: string): string {
  switch (r.kind) {
    case 'value':
      return text;
    case 'length':
      return translate({ id: 'fieldTree.range.length', message: 'length {range}', description: 'A text length range, e.g. "length ≥ 1"' }, { range: text });
    case 'items':
      return translate({ id: 'fieldTree.range.items', message: 'items {range}', description: 'A range of the number of items of a list, e.g. "items ≥ 1"' }, { range: text });
    case 'keys':
      return translate({ id: 'fieldTree.range.keys', message: 'keys {range}', description: 'A range of the number of keys of an object, e.g. "keys ≤ 10"' }, { range: text });
    case 'itemLength':
      return translate({ id: 'fieldTree.range.itemLength', message: 'each item: length {range}', description: 'The length range of each item of a list' }, { range: text });
    case 'keyLength':
      return translate({ id: 'fieldTree.range.keyLength', message: 'key length {range}', description: 'The length range of each key of an object' }, { range: text });
  }
}

function Codes({ values }: { values: readonly string[] }): ReactNode {
  return values.map((v, i) => (
    <React.Fragment key={v}>
      {i > 0 ? ', ' : null}
      <code>{v}</code>
    </React.Fragment>
  ));
}

export default function FieldFacts({ node, formatNumber }: { node: FieldNode; formatNumber: (n: number) => string }): ReactNode {
  const facts: ReactNode[] = [];
  if (node.enum) {
    facts.push(
      <Translate key="enum" id="fieldTree.enum" description="The values a field may take; {values} is the list" values={{ values: <Codes values={node.enum} /> }}>
        {'one of {values}'}
      </Translate>,
    );
  }
  if (node.default !== undefined) {
    facts.push(
      <Translate key="default" id="fieldTree.default" description="The default value of a field; {value} is the value" values={{ value: <code>{node.default}</code> }}>
        {'default {value}'}
      </Translate>,
    );
  }
  for (const r of node.ranges ?? []) facts.push(<React.Fragment key={`range-${r.kind}`}>{rangeLabel(r, rangeText(r, formatNumber))}</React.Fragment>);
  if (node.format) {
    facts.push(
      <Translate key="format" id="fieldTree.format" description="The format of a string field (date-time, uri, email); {format} is its name" values={{ format: <code>{node.format}</code> }}>
        {'format {format}'}
      </Translate>,
    );
  }
  if (node.pattern) {
    facts.push(
      <Translate key="pattern" id="fieldTree.pattern" description="The regular expression a string field matches; {pattern} is the expression" values={{ pattern: <code className={styles.pattern}>{node.pattern}</code> }}>
        {'pattern {pattern}'}
      </Translate>,
    );
  }
  if (node.unique) {
    facts.push(
      <Translate key="unique" id="fieldTree.unique" description="A list whose items must all differ">
        unique items
      </Translate>,
    );
  }
  if (!facts.length) return null;
  return (
    <p className={styles.facts}>
      {facts.map((fact, i) => (
        // CSS puts the separators between the facts.
        <span key={i} className={styles.fact}>
          {fact}
        </span>
      ))}
    </p>
  );
}
